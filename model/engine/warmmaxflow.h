// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace th::engine {

/**
 * Maximum flow with integer capacities on a directed acyclic network that is solved once and then
 * re-solved for many variants that each take some edges out (the N-1 cases of the power chain,
 * docs/facility-model.md §2): a variant starts from the solved flow instead of from zero.
 *
 * removeEdge() cancels the flow through an edge: the flow leaving its head is reduced edge by
 * edge down to the sink, and the flow entering its tail up to the source (vertices in topological
 * order, so each is settled once). What is left is a feasible flow of the old value minus the
 * edge's flow. solve() then augments with Dinic's algorithm (blocking flows on breadth-first
 * levels of the residual network) until no augmenting path is left — the max-flow/min-cut
 * theorem makes the value maximal whatever flow it started from — or until the value reaches an
 * upper bound known to the caller (a variant that only removes edges cannot exceed the solved
 * value: max-flow is monotone in the capacities). In integers the maximum is one number, so the
 * value equals any other exact solver's (tst_powerchain_maxflow checks it against Boost's
 * push-relabel). restore() returns to the solved flow for the next variant (an undo log of the
 * edges touched, so a variant costs what it touches).
 */
class WarmMaxFlow
{
public:
    static constexpr long long kNoBound = std::numeric_limits<long long>::max();

    WarmMaxFlow(int vertexCount, int source, int sink);

    /// Adds an edge (before the first solve()); returns its index.
    int addEdge(int from, int to, long long capacity);

    /// False when the edges form a cycle: then removeEdge() cannot cancel flows (the caller
    /// solves from scratch instead). Valid after the first solve().
    bool isAcyclic() const { return m_acyclic; }

    /// Augments the current flow until it is maximal or its value reaches `upperBound`; returns
    /// the value. The first call fixes the graph.
    long long solve(long long upperBound = kNoBound);

    long long value() const { return m_value; }
    long long flow(int edge) const { return m_flow[std::size_t(edge)]; }
    long long capacity(int edge) const { return m_cap[std::size_t(edge)]; }

    /// Takes an edge out of the current variant (capacity 0) after cancelling its flow. Needs an
    /// acyclic graph and a solved flow; the change lasts until restore().
    void removeEdge(int edge);
    /// Back to the flow and capacities of the last solve() made outside a variant.
    void restore();

private:
    void freeze();
    long long blockingFlow(long long limit);
    bool buildLevels();
    long long residual(int arc) const; ///< arc = 2 x edge (forward) or 2 x edge + 1 (backward)
    int arcHead(int arc) const;
    void log(int edge);
    void setFlow(int edge, long long f)
    {
        log(edge);
        m_flow[std::size_t(edge)] = f;
    }

    int m_vertices = 0, m_source = 0, m_sink = 0;
    bool m_frozen = false, m_acyclic = true;
    std::vector<int> m_from, m_to;
    std::vector<long long> m_cap, m_flow;
    // Arcs per vertex (compressed rows): forward arcs of edges leaving it, backward arcs of edges
    // entering it.
    std::vector<int> m_first, m_arcs;
    std::vector<int> m_topoPos;

    // Solver scratch.
    std::vector<int> m_level, m_next, m_queue, m_path;
    // Cancellation scratch and the variant's undo log.
    std::vector<long long> m_pending;
    std::vector<int> m_heap;
    std::vector<char> m_queued;
    bool m_inVariant = false;
    long long m_savedValue = 0;
    std::vector<int> m_loggedStamp;
    int m_stamp = 1;
    struct Saved
    {
        int edge;
        long long flow, cap;
    };
    std::vector<Saved> m_undo;
    long long m_value = 0;
};

} // namespace th::engine
