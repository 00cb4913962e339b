// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/warmmaxflow.h"

#include <algorithm>
#include <cassert>

namespace th::engine {

WarmMaxFlow::WarmMaxFlow(int vertexCount, int source, int sink)
    : m_vertices(vertexCount), m_source(source), m_sink(sink)
{
}

int WarmMaxFlow::addEdge(int from, int to, long long capacity)
{
    assert(!m_frozen && from >= 0 && from < m_vertices && to >= 0 && to < m_vertices && capacity >= 0);
    m_from.push_back(from);
    m_to.push_back(to);
    m_cap.push_back(capacity);
    m_flow.push_back(0);
    return int(m_cap.size()) - 1;
}

void WarmMaxFlow::freeze()
{
    m_frozen = true;
    const std::size_t n = std::size_t(m_vertices);
    m_first.assign(n + 1, 0);
    for (std::size_t e = 0; e < m_from.size(); ++e) {
        ++m_first[std::size_t(m_from[e]) + 1];
        ++m_first[std::size_t(m_to[e]) + 1];
    }
    for (std::size_t v = 0; v < n; ++v)
        m_first[v + 1] += m_first[v];
    m_arcs.assign(std::size_t(m_first[n]), 0);
    std::vector<int> fill(m_first.begin(), m_first.end() - 1);
    for (std::size_t e = 0; e < m_from.size(); ++e) {
        m_arcs[std::size_t(fill[std::size_t(m_from[e])]++)] = int(2 * e);
        m_arcs[std::size_t(fill[std::size_t(m_to[e])]++)] = int(2 * e + 1);
    }
    // Topological positions (Kahn); a vertex left over lies on a cycle.
    std::vector<int> indegree(n, 0);
    for (int t : m_to)
        ++indegree[std::size_t(t)];
    m_topoPos.assign(n, -1);
    std::vector<int> order;
    order.reserve(n);
    for (std::size_t v = 0; v < n; ++v)
        if (indegree[v] == 0)
            order.push_back(int(v));
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int v = order[k];
        m_topoPos[std::size_t(v)] = int(k);
        for (int i = m_first[std::size_t(v)]; i < m_first[std::size_t(v) + 1]; ++i) {
            const int a = m_arcs[std::size_t(i)];
            if (a % 2 == 0 && --indegree[std::size_t(m_to[std::size_t(a / 2)])] == 0)
                order.push_back(m_to[std::size_t(a / 2)]);
        }
    }
    m_acyclic = order.size() == n;
    m_level.assign(n, -1);
    m_next.assign(n, 0);
    m_pending.assign(n, 0);
    m_queued.assign(n, 0);
    m_loggedStamp.assign(m_cap.size(), 0);
}

long long WarmMaxFlow::residual(int arc) const
{
    const std::size_t e = std::size_t(arc / 2);
    return arc % 2 == 0 ? m_cap[e] - m_flow[e] : m_flow[e];
}

int WarmMaxFlow::arcHead(int arc) const
{
    const std::size_t e = std::size_t(arc / 2);
    return arc % 2 == 0 ? m_to[e] : m_from[e];
}

void WarmMaxFlow::log(int edge)
{
    if (!m_inVariant || m_loggedStamp[std::size_t(edge)] == m_stamp)
        return;
    m_loggedStamp[std::size_t(edge)] = m_stamp;
    m_undo.push_back({edge, m_flow[std::size_t(edge)], m_cap[std::size_t(edge)]});
}

bool WarmMaxFlow::buildLevels()
{
    std::fill(m_level.begin(), m_level.end(), -1);
    m_queue.clear();
    m_queue.push_back(m_source);
    m_level[std::size_t(m_source)] = 0;
    for (std::size_t k = 0; k < m_queue.size(); ++k) {
        const int v = m_queue[k];
        // Vertices at the sink's level or beyond cannot lie on a shortest augmenting path.
        if (m_level[std::size_t(m_sink)] >= 0 && m_level[std::size_t(v)] >= m_level[std::size_t(m_sink)])
            break;
        for (int i = m_first[std::size_t(v)]; i < m_first[std::size_t(v) + 1]; ++i) {
            const int a = m_arcs[std::size_t(i)];
            const int w = arcHead(a);
            if (m_level[std::size_t(w)] < 0 && residual(a) > 0) {
                m_level[std::size_t(w)] = m_level[std::size_t(v)] + 1;
                m_queue.push_back(w);
            }
        }
    }
    return m_level[std::size_t(m_sink)] >= 0;
}

long long WarmMaxFlow::blockingFlow(long long limit)
{
    for (int v : m_queue)
        m_next[std::size_t(v)] = m_first[std::size_t(v)];
    long long total = 0;
    m_path.clear();
    int v = m_source;
    while (true) {
        if (v == m_sink) {
            long long b = limit - total;
            for (int a : m_path)
                b = std::min(b, residual(a));
            for (int a : m_path) {
                const int e = a / 2;
                setFlow(e, m_flow[std::size_t(e)] + (a % 2 == 0 ? b : -b));
            }
            total += b;
            if (total == limit)
                return total;
            // Back to the tail of the first saturated arc (b was the smallest residual).
            std::size_t k = 0;
            while (residual(m_path[k]) > 0)
                ++k;
            v = arcHead(m_path[k] ^ 1);
            m_path.resize(k);
            continue;
        }
        bool advanced = false;
        for (int &i = m_next[std::size_t(v)]; i < m_first[std::size_t(v) + 1]; ++i) {
            const int a = m_arcs[std::size_t(i)];
            const int w = arcHead(a);
            if (m_level[std::size_t(w)] == m_level[std::size_t(v)] + 1 && residual(a) > 0) {
                m_path.push_back(a);
                v = w;
                advanced = true;
                break;
            }
        }
        if (!advanced) {
            if (m_path.empty())
                return total;
            m_level[std::size_t(v)] = -1; // a dead end in this phase
            v = arcHead(m_path.back() ^ 1);
            m_path.pop_back();
            ++m_next[std::size_t(v)];
        }
    }
}

long long WarmMaxFlow::solve(long long upperBound)
{
    if (!m_frozen)
        freeze();
    while (m_value < upperBound && buildLevels())
        m_value += blockingFlow(upperBound - m_value);
    return m_value;
}

void WarmMaxFlow::removeEdge(int edge)
{
    assert(m_frozen);
    if (!m_inVariant) {
        m_inVariant = true;
        m_savedValue = m_value;
        ++m_stamp;
        m_undo.clear();
    }
    const std::size_t e = std::size_t(edge);
    const long long phi = m_flow[e];
    log(edge);
    m_cap[e] = 0;
    if (phi == 0)
        return;
    if (!m_acyclic) {
        // A flow on a cyclic graph need not decompose into source-sink paths: start from zero.
        for (std::size_t k = 0; k < m_flow.size(); ++k)
            setFlow(int(k), 0);
        m_value = 0;
        return;
    }
    m_flow[e] = 0;
    m_value -= phi;
    // Cancels `amount` of flow leaving `start` (downstream: the flow entering each vertex fell by
    // its pending amount, so as much must leave it) or entering it (upstream). Vertices are
    // settled in topological order (reverse for upstream), so all of a vertex's pending amount
    // has arrived when it is popped.
    auto cancel = [&](int start, long long amount, bool downstream) {
        const int stop = downstream ? m_sink : m_source;
        if (start == stop)
            return;
        auto later = [&](int a, int b) {
            return downstream ? m_topoPos[std::size_t(a)] > m_topoPos[std::size_t(b)] : m_topoPos[std::size_t(a)] < m_topoPos[std::size_t(b)];
        };
        m_heap.clear();
        m_pending[std::size_t(start)] = amount;
        m_queued[std::size_t(start)] = 1;
        m_heap.push_back(start);
        while (!m_heap.empty()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), later);
            const int x = m_heap.back();
            m_heap.pop_back();
            long long d = m_pending[std::size_t(x)];
            m_pending[std::size_t(x)] = 0;
            m_queued[std::size_t(x)] = 0;
            for (int i = m_first[std::size_t(x)]; d > 0 && i < m_first[std::size_t(x) + 1]; ++i) {
                const int a = m_arcs[std::size_t(i)];
                if ((a % 2 == 0) != downstream)
                    continue;
                const int k = a / 2;
                const long long f = m_flow[std::size_t(k)];
                if (f <= 0)
                    continue;
                const long long r = std::min(f, d);
                setFlow(k, f - r);
                d -= r;
                const int y = arcHead(a);
                if (y == stop)
                    continue;
                m_pending[std::size_t(y)] += r;
                if (!m_queued[std::size_t(y)]) {
                    m_queued[std::size_t(y)] = 1;
                    m_heap.push_back(y);
                    std::push_heap(m_heap.begin(), m_heap.end(), later);
                }
            }
            assert(d == 0); // conservation: the vertex carried at least what it lost
        }
    };
    cancel(m_to[e], phi, true);
    cancel(m_from[e], phi, false);
}

void WarmMaxFlow::restore()
{
    if (!m_inVariant)
        return;
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it) {
        m_flow[std::size_t(it->edge)] = it->flow;
        m_cap[std::size_t(it->edge)] = it->cap;
    }
    m_undo.clear();
    m_value = m_savedValue;
    m_inVariant = false;
}

} // namespace th::engine
