// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/powerchain.h"
#include "model/engine/warmmaxflow.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

namespace th::engine {

double EfficiencyCurve::efficiencyAt(double x) const
{
    if (points.empty())
        return ratedEfficiency;
    if (x <= points.front().first)
        return points.front().second;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (x <= points[i].first) {
            const auto [x0, e0] = points[i - 1];
            const auto [x1, e1] = points[i];
            return e0 + (e1 - e0) * (x - x0) / (x1 - x0);
        }
    }
    return points.back().second;
}

double EfficiencyCurve::lossKw(double outputKw, double capacityKw) const
{
    if (outputKw <= 0.0 && points.empty())
        return 0.0;
    if (points.empty() || capacityKw <= 0.0) {
        const double eta = points.empty() ? ratedEfficiency : points.back().second;
        return eta > 0.0 ? std::max(0.0, outputKw) * (1.0 / eta - 1.0) : 0.0;
    }
    const double x = std::max(0.0, outputKw) / capacityKw;
    const double xMin = points.front().first;
    if (x < xMin) {
        // Constant (no-load dominated) loss below the first point of the curve.
        const double outMin = xMin * capacityKw;
        return outMin * (1.0 / points.front().second - 1.0);
    }
    return outputKw * (1.0 / efficiencyAt(x) - 1.0);
}

std::optional<std::vector<std::pair<double, double>>> parseEfficiencyCurve(std::string_view text)
{
    std::vector<std::pair<double, double>> out;
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    };
    auto number = [](std::string_view s, double &v) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        return ec == std::errc() && p == s.data() + s.size();
    };
    while (!text.empty()) {
        const std::size_t semi = text.find(';');
        const std::string_view pair = trim(text.substr(0, semi));
        text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
        if (pair.empty())
            continue;
        const std::size_t colon = pair.find(':');
        if (colon == std::string_view::npos)
            return std::nullopt;
        double load = 0.0, eff = 0.0;
        if (!number(trim(pair.substr(0, colon)), load) || !number(trim(pair.substr(colon + 1)), eff))
            return std::nullopt;
        if (!(load > 0.0) || !(eff > 0.0) || eff > 1.0)
            return std::nullopt;
        out.emplace_back(load, eff);
    }
    if (out.empty())
        return std::nullopt;
    std::sort(out.begin(), out.end());
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].first == out[i - 1].first)
            return std::nullopt;
    }
    return out;
}

std::string_view redundancyKey(RedundancyMode mode)
{
    switch (mode) {
    case RedundancyMode::None: return "none";
    case RedundancyMode::N: return "N";
    case RedundancyMode::NPlus1: return "N+1";
    case RedundancyMode::TwoN: return "2N";
    }
    return "none";
}

std::optional<RedundancyMode> redundancyFromKey(std::string_view key)
{
    for (RedundancyMode m : {RedundancyMode::None, RedundancyMode::N, RedundancyMode::NPlus1, RedundancyMode::TwoN}) {
        if (redundancyKey(m) == key)
            return m;
    }
    return std::nullopt;
}

namespace {

enum class NodeKind { Root, Transformer, Ups, Bus, Distribution };

constexpr double kInfKw = std::numeric_limits<double>::infinity();

struct Node
{
    NodeKind kind = NodeKind::Root;
    int unit = -1;                 ///< index into input.units
    double capKw = kInfKw;
    std::vector<int> parents;
    std::vector<int> members;      ///< bus: its UPS nodes
    int system = -1;               ///< bus / UPS: UPS system index
    double x = 0.0, y = 0.0;
    int site = 0;
    std::string group;
    bool explicitParents = false;
};

struct Chain
{
    std::vector<Node> nodes;
    std::vector<int> topo;         ///< parents before children
    std::vector<std::vector<int>> loadFeeds; ///< node indices per load
    int systems = 0;
};

/**
 * Candidate parents or feeds for the automatic assignment, in flat arrays, with a k-d tree per
 * site for the nearest-with-spare-capacity query (a scan visited 360 PDUs twice per rack: 2.6
 * million visits on a 5,000-item plan).
 */
class Candidates
{
public:
    Candidates(const std::vector<Node> &nodes, const std::vector<int> &candidates, double derating, double penalty)
        : m_node(candidates), m_penalty(penalty)
    {
        for (int c : candidates) {
            const Node &n = nodes[std::size_t(c)];
            m_x.push_back(n.x);
            m_y.push_back(n.y);
            m_site.push_back(n.site);
            m_capKw.push_back(n.capKw * derating);
        }
        m_reservedKw.assign(candidates.size(), 0.0);
        m_key.assign(candidates.size(), 0);
        buildTrees();
    }

    std::size_t size() const { return m_node.size(); }
    int node(int k) const { return m_node[std::size_t(k)]; }
    int key(int k) const { return m_key[std::size_t(k)]; }
    void setKey(int k, int key) { m_key[std::size_t(k)] = key; }
    void reserve(int k, double kw)
    {
        m_reservedKw[std::size_t(k)] += kw;
        updateSpare(k);
        if (kw < 0.0) // spare capacity grew: the bound below no longer holds
            m_spareBoundKw = kInfKw;
    }

    /// Nearest candidate (first in order on ties) that can take `needKw` within its derated
    /// rating; else the one left least loaded relative to its rating (ties by distance; unrated
    /// candidates last, nearest first). Candidates with key `excludeKey` and the candidate
    /// `excludeIndex` are skipped. Returns the candidate index, -1 when none is left.
    /// `fallback` (if given) tells whether no candidate could take the load (least-loaded pick).
    int pickNearest(double x, double y, int site, double needKw, int excludeKey = std::numeric_limits<int>::min(), int excludeIndex = -1,
                    bool *fallback = nullptr) const
    {
        if (fallback)
            *fallback = false;
        int best = -1;
        double bestDist = kInfKw;
        auto consider = [&](std::size_t k) {
            if (m_key[k] == excludeKey || int(k) == excludeIndex)
                return;
            const double d = distance(k, x, y, site);
            // (distance, index) ordered: the first in candidate order wins a tie, as in a scan.
            if (canTake(k, needKw) && (d < bestDist || (d == bestDist && int(k) < best))) {
                best = int(k);
                bestDist = d;
            }
        };
        // No candidate can take the load when it exceeds the largest spare capacity seen by the
        // last full scan (spare only shrinks as racks are assigned); the margin covers rounding.
        if (needKw > m_spareBoundKw + 1e-9 * std::abs(m_spareBoundKw) + 1e-6) {
            if (fallback)
                *fallback = true;
            return fallbackPick(x, y, site, needKw, excludeKey, excludeIndex);
        }
        const auto tree = std::find_if(m_trees.begin(), m_trees.end(), [&](const Tree &t) { return t.site == site; });
        bool exact = false;
        if (tree != m_trees.end() && searchTree(*tree, x, y, needKw, bestDist, consider)) {
            // Candidates of other sites are at least the penalty away.
            exact = m_trees.size() == 1 || (best >= 0 && bestDist < m_penalty);
        }
        if (!exact) {
            best = -1;
            bestDist = kInfKw;
            for (std::size_t k = 0; k < m_node.size(); ++k)
                consider(k);
        }
        if (best >= 0)
            return best;
        if (fallback)
            *fallback = true;
        return fallbackPick(x, y, site, needKw, excludeKey, excludeIndex);
    }

    /// Whether candidate k can take `needKw` within its derated rating (pickNearest's test).
    bool canTake(std::size_t k, double needKw) const { return m_reservedKw[k] + needKw <= m_capKw[k] * (1.0 + 1e-12); }
    double distance(std::size_t k, double x, double y, int site) const
    {
        return std::abs(m_x[k] - x) + std::abs(m_y[k] - y) + (m_site[k] == site ? 0.0 : m_penalty);
    }
    double reservedKw(int k) const { return m_reservedKw[std::size_t(k)]; }
    /// Everything a pick depends on besides the reservations: equal signatures, equal picks.
    bool sameCandidates(const Candidates &o) const
    {
        return m_node == o.m_node && m_x == o.m_x && m_y == o.m_y && m_capKw == o.m_capKw && m_site == o.m_site && m_key == o.m_key &&
               m_penalty == o.m_penalty;
    }

private:
    /// The least loaded candidate relative to its rating (when none has spare capacity).
    int fallbackPick(double x, double y, int site, double needKw, int excludeKey, int excludeIndex) const
    {
        const bool all = excludeKey == std::numeric_limits<int>::min() && excludeIndex < 0;
        double spareBound = -kInfKw;
        int fallback = -1;
        double fallbackRatio = kInfKw, fallbackDist = kInfKw;
        for (std::size_t k = 0; k < m_node.size(); ++k) {
            if (m_key[k] == excludeKey || int(k) == excludeIndex)
                continue;
            const double d = distance(k, x, y, site);
            const double cap = m_capKw[k];
            spareBound = std::max(spareBound, m_capKw[k] * (1.0 + 1e-12) - m_reservedKw[k]);
            const double ratio = cap > 0.0 ? (m_reservedKw[k] + needKw) / cap : kInfKw;
            // Unrated candidates (ratio infinite) still take the nearest: with only such
            // candidates the fallback used to stay -1 and the caller indexed nodes[-1].
            const bool bothUnrated = std::isinf(ratio) && std::isinf(fallbackRatio);
            if (fallback < 0 || ratio < fallbackRatio - 1e-12 || ((bothUnrated || std::abs(ratio - fallbackRatio) <= 1e-12) && d < fallbackDist)) {
                fallback = int(k);
                fallbackRatio = ratio;
                fallbackDist = d;
            }
        }
        if (all)
            m_spareBoundKw = spareBound;
        return fallback;
    }

    /// A k-d tree over the candidates of one site. Each node keeps its bounding box and the
    /// largest spare capacity below it, so the search skips subtrees that are too far or too full.
    struct Tree
    {
        struct Node
        {
            double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
            double maxSpareKw = 0.0;
            int left = -1, right = -1, parent = -1;
            int begin = 0, end = 0; ///< range in items
        };
        int site = 0;
        std::vector<Node> nodes;
        std::vector<int> items; ///< candidate indices, grouped by leaf
    };

    double spareKw(std::size_t k) const { return m_capKw[k] * (1.0 + 1e-12) - m_reservedKw[k]; }

    void buildTrees()
    {
        if (m_node.size() < 32) // a scan is as fast
            return;
        for (std::size_t k = 0; k < m_node.size(); ++k)
            if (!std::isfinite(m_x[k]) || !std::isfinite(m_y[k]))
                return; // no trees: every query scans
        std::vector<int> sites = m_site;
        std::sort(sites.begin(), sites.end());
        sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
        m_leafOf.assign(m_node.size(), -1);
        m_treeOf.assign(m_node.size(), -1);
        for (int site : sites) {
            Tree t;
            t.site = site;
            for (std::size_t k = 0; k < m_node.size(); ++k)
                if (m_site[k] == site)
                    t.items.push_back(int(k));
            build(t, 0, int(t.items.size()), -1);
            for (std::size_t n = 0; n < t.nodes.size(); ++n) {
                if (t.nodes[n].left >= 0)
                    continue;
                for (int e = t.nodes[n].begin; e < t.nodes[n].end; ++e) {
                    m_leafOf[std::size_t(t.items[std::size_t(e)])] = int(n);
                    m_treeOf[std::size_t(t.items[std::size_t(e)])] = int(m_trees.size());
                }
            }
            m_trees.push_back(std::move(t));
        }
    }

    /// Node over items[begin, end): split at the median of the wider side, leaves of <= 8.
    int build(Tree &t, int begin, int end, int parent)
    {
        const int n = int(t.nodes.size());
        t.nodes.push_back({});
        Tree::Node node;
        node.parent = parent;
        node.begin = begin;
        node.end = end;
        node.x0 = node.y0 = kInfKw;
        node.x1 = node.y1 = -kInfKw;
        node.maxSpareKw = -kInfKw;
        for (int e = begin; e < end; ++e) {
            const std::size_t k = std::size_t(t.items[std::size_t(e)]);
            node.x0 = std::min(node.x0, m_x[k]);
            node.x1 = std::max(node.x1, m_x[k]);
            node.y0 = std::min(node.y0, m_y[k]);
            node.y1 = std::max(node.y1, m_y[k]);
            node.maxSpareKw = std::max(node.maxSpareKw, spareKw(k));
        }
        if (end - begin > 8) {
            const bool alongX = node.x1 - node.x0 >= node.y1 - node.y0;
            const int mid = begin + (end - begin) / 2;
            std::nth_element(t.items.begin() + begin, t.items.begin() + mid, t.items.begin() + end, [&](int a, int b) {
                return alongX ? m_x[std::size_t(a)] < m_x[std::size_t(b)] : m_y[std::size_t(a)] < m_y[std::size_t(b)];
            });
            node.left = build(t, begin, mid, n);
            node.right = build(t, mid, end, n);
        }
        t.nodes[std::size_t(n)] = node;
        return n;
    }

    /// Keeps the spare capacity of the leaf of candidate k and of its ancestors exact.
    void updateSpare(int k)
    {
        if (m_treeOf.empty() || m_treeOf[std::size_t(k)] < 0)
            return;
        Tree &t = m_trees[std::size_t(m_treeOf[std::size_t(k)])];
        int n = m_leafOf[std::size_t(k)];
        Tree::Node &leaf = t.nodes[std::size_t(n)];
        leaf.maxSpareKw = -kInfKw;
        for (int e = leaf.begin; e < leaf.end; ++e)
            leaf.maxSpareKw = std::max(leaf.maxSpareKw, spareKw(std::size_t(t.items[std::size_t(e)])));
        for (n = leaf.parent; n >= 0; n = t.nodes[std::size_t(n)].parent) {
            Tree::Node &node = t.nodes[std::size_t(n)];
            node.maxSpareKw = std::max(t.nodes[std::size_t(node.left)].maxSpareKw, t.nodes[std::size_t(node.right)].maxSpareKw);
        }
    }

    /// Branch and bound: a subtree is skipped when its box is farther than the best distance
    /// found (1 um margin for rounding; ties are still visited, the lower index wins them) or
    /// when none of its candidates has the spare capacity (a margin far above rounding). False
    /// when the rack's position is not finite (the caller scans).
    template<typename Visit>
    bool searchTree(const Tree &t, double x, double y, double needKw, const double &bestDist, Visit &&visit) const
    {
        if (!std::isfinite(x) || !std::isfinite(y))
            return false;
        auto lowerBound = [&](const Tree::Node &n) {
            const double dx = n.x0 > x ? n.x0 - x : x > n.x1 ? x - n.x1 : 0.0;
            const double dy = n.y0 > y ? n.y0 - y : y > n.y1 ? y - n.y1 : 0.0;
            return dx + dy;
        };
        struct Entry
        {
            int node;
            double lowerBound;
        };
        Entry stack[128]; // depth <= log2(candidates / 8) + 1, two entries per level
        int top = 0;
        stack[top++] = {0, lowerBound(t.nodes.front())};
        while (top > 0) {
            const Entry entry = stack[--top];
            const Tree::Node &n = t.nodes[std::size_t(entry.node)];
            // The best may have improved since the entry was pushed.
            if (entry.lowerBound > bestDist + 1e-3 || needKw > n.maxSpareKw + 1e-9 * std::abs(n.maxSpareKw) + 1e-6)
                continue;
            if (n.left < 0) {
                for (int e = n.begin; e < n.end; ++e)
                    visit(std::size_t(t.items[std::size_t(e)]));
                continue;
            }
            // The nearer child last on the stack: searched first, so the bound tightens early.
            const double left = lowerBound(t.nodes[std::size_t(n.left)]), right = lowerBound(t.nodes[std::size_t(n.right)]);
            if (left <= right) {
                stack[top++] = {n.right, right};
                stack[top++] = {n.left, left};
            } else {
                stack[top++] = {n.left, left};
                stack[top++] = {n.right, right};
            }
        }
        return true;
    }

    std::vector<int> m_node;
    std::vector<double> m_x, m_y, m_capKw, m_reservedKw;
    std::vector<int> m_site, m_key;
    double m_penalty = 0.0;
    std::vector<Tree> m_trees;
    std::vector<int> m_treeOf, m_leafOf; ///< per candidate
    mutable double m_spareBoundKw = kInfKw; ///< >= every candidate's spare derated capacity
};

/// One load of the last feed assignment (PowerChainMemo): its input and its picks.
struct MemoLoad
{
    double x = 0.0, y = 0.0, kw = 0.0;
    int site = 0;
    bool dual = false;
    bool automatic = false;   ///< fed by the nearest-candidate picks (no explicit feeds)
    int a = -1, b = -1;       ///< candidate indices
    bool aFallback = false, bFallback = false; ///< the pick was the least-loaded fallback
    bool bByIndex = false;    ///< B excluded A itself (no other system), not A's system
    std::vector<int> reserved; ///< candidates reserved by explicit feeds
    bool sameInput(const MemoLoad &o) const { return x == o.x && y == o.y && kw == o.kw && site == o.site && dual == o.dual; }
};

} // namespace

struct PowerChainMemo::State
{
    std::optional<Candidates> candidates; ///< the feed candidates, without reservations
    std::vector<MemoLoad> loads;
    int replayed = 0, searched = 0;
};

PowerChainMemo::PowerChainMemo() = default;
PowerChainMemo::~PowerChainMemo() = default;
PowerChainMemo::PowerChainMemo(const PowerChainMemo &) {}
PowerChainMemo &PowerChainMemo::operator=(const PowerChainMemo &other)
{
    if (this != &other)
        m_state.reset();
    return *this;
}
void PowerChainMemo::clear()
{
    m_state.reset();
}
int PowerChainMemo::replayedPicks() const
{
    return m_state ? m_state->replayed : 0;
}
int PowerChainMemo::searchedPicks() const
{
    return m_state ? m_state->searched : 0;
}

namespace {

/// The UPS system (or transformer, or -1) a node ultimately hangs on, for A/B separation.
int systemKey(const std::vector<Node> &nodes, int n, int systemCount)
{
    for (int guard = 0; guard < 64 && n >= 0; ++guard) {
        const Node &node = nodes[std::size_t(n)];
        switch (node.kind) {
        case NodeKind::Root: return -1;
        case NodeKind::Bus:
        case NodeKind::Ups: return node.system;
        case NodeKind::Transformer: return systemCount + n;
        case NodeKind::Distribution:
            n = node.parents.empty() ? -1 : node.parents.front();
            break;
        }
    }
    return -1;
}

Chain buildChain(const PowerChainInput &in, PowerChainMemo::State *memo)
{
    Chain chain;
    std::vector<Node> &nodes = chain.nodes;
    nodes.push_back(Node{}); // root = utility
    std::unordered_map<std::uint64_t, int> nodeOfUnit;
    nodeOfUnit.reserve(in.units.size());
    std::vector<int> transformers, upsNodes, dists, buses;
    for (NodeKind kind : {NodeKind::Transformer, NodeKind::Ups, NodeKind::Distribution}) {
        for (std::size_t i = 0; i < in.units.size(); ++i) {
            const PowerUnit &u = in.units[i];
            const NodeKind k = u.kind == PowerUnitKind::Transformer ? NodeKind::Transformer
                               : u.kind == PowerUnitKind::Ups       ? NodeKind::Ups
                                                                    : NodeKind::Distribution;
            if (k != kind)
                continue;
            Node n;
            n.kind = k;
            n.unit = int(i);
            n.capKw = std::max(0.0, u.capacityKw);
            n.x = u.xMm;
            n.y = u.yMm;
            n.site = u.site;
            n.group = u.group;
            nodeOfUnit[u.id] = int(nodes.size());
            (k == NodeKind::Transformer ? transformers : k == NodeKind::Ups ? upsNodes : dists).push_back(int(nodes.size()));
            nodes.push_back(std::move(n));
        }
    }
    // UPS systems: units sharing (site, group) are paralleled on one bus.
    std::map<std::pair<int, std::string>, int> busOfGroup;
    for (int u : upsNodes) {
        const std::string g = nodes[std::size_t(u)].group; // a copy: nodes.push_back below reallocates (ASan)
        int bus = -1;
        if (!g.empty()) {
            auto it = busOfGroup.find({nodes[std::size_t(u)].site, g});
            if (it != busOfGroup.end())
                bus = it->second;
        }
        if (bus < 0) {
            Node b;
            b.kind = NodeKind::Bus;
            b.capKw = 0.0;
            b.system = chain.systems++;
            b.site = nodes[std::size_t(u)].site;
            b.group = g;
            bus = int(nodes.size());
            nodes.push_back(std::move(b));
            buses.push_back(bus);
            if (!g.empty())
                busOfGroup[{nodes[std::size_t(u)].site, g}] = bus;
        }
        Node &b = nodes[std::size_t(bus)];
        b.members.push_back(u);
        b.parents.push_back(u);
        b.capKw += nodes[std::size_t(u)].capKw;
        nodes[std::size_t(u)].system = b.system;
    }
    for (int b : buses) {
        Node &bus = nodes[std::size_t(b)];
        for (int m : bus.members) {
            bus.x += nodes[std::size_t(m)].x / double(bus.members.size());
            bus.y += nodes[std::size_t(m)].y / double(bus.members.size());
        }
    }
    auto busOf = [&](int upsNode) {
        for (int b : buses) {
            if (nodes[std::size_t(b)].system == nodes[std::size_t(upsNode)].system)
                return b;
        }
        return -1;
    };
    // Explicit edges. Downstream of a UPS means downstream of its system's bus.
    // Load index by id (the last load of an id, as assigning in load order gives), built only
    // when an edge ends at a rack: a chain whose racks are fed automatically has no such edge,
    // and the map's 3,600 nodes (one per rack) were a malloc each per recompute of the 2N bench plan.
    std::unordered_map<std::uint64_t, int> loadIndex;
    bool loadIndexBuilt = false;
    auto loadOf = [&](std::uint64_t id) {
        if (!loadIndexBuilt) {
            loadIndexBuilt = true;
            loadIndex.reserve(in.loads.size());
            for (std::size_t i = 0; i < in.loads.size(); ++i)
                loadIndex[in.loads[i].id] = int(i);
        }
        const auto it = loadIndex.find(id);
        return it == loadIndex.end() ? -1 : it->second;
    };
    chain.loadFeeds.assign(in.loads.size(), {});
    for (const PowerEdge &e : in.explicitEdges) {
        auto from = nodeOfUnit.find(e.from);
        if (from == nodeOfUnit.end())
            continue;
        int parent = from->second;
        if (nodes[std::size_t(parent)].kind == NodeKind::Ups)
            parent = busOf(parent);
        if (auto to = nodeOfUnit.find(e.to); to != nodeOfUnit.end()) {
            Node &child = nodes[std::size_t(to->second)];
            if (to->second == from->second || child.kind == NodeKind::Transformer)
                continue;
            child.parents.push_back(parent);
            child.explicitParents = true;
        } else if (const int l = loadOf(e.to); l >= 0) {
            chain.loadFeeds[std::size_t(l)].push_back(parent);
        }
    }
    const double derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
    const double penalty = in.crossSitePenaltyMm;
    for (int t : transformers)
        nodes[std::size_t(t)].parents = {0};
    Candidates transformerSet(nodes, transformers, derating, penalty);
    for (int u : upsNodes) {
        Node &n = nodes[std::size_t(u)];
        if (n.explicitParents)
            continue;
        if (transformers.empty()) {
            n.parents = {0};
            continue;
        }
        const int k = transformerSet.pickNearest(n.x, n.y, n.site, n.capKw * derating);
        n.parents = {transformerSet.node(k)};
        transformerSet.reserve(k, n.capKw * derating);
    }
    const std::vector<int> &distParents = !buses.empty() ? buses : transformers;
    Candidates distParentSet(nodes, distParents, derating, penalty);
    std::vector<int> indexOf(nodes.size(), -1); // node -> candidate index in the current set
    for (std::size_t k = 0; k < distParents.size(); ++k)
        indexOf[std::size_t(distParents[k])] = int(k);
    for (int d : dists) {
        Node &dn = nodes[std::size_t(d)];
        if (dn.explicitParents)
            continue;
        if (distParents.empty()) {
            dn.parents = {0};
            continue;
        }
        int k = -1;
        if (!dn.group.empty()) {
            if (auto it = busOfGroup.find({dn.site, dn.group}); it != busOfGroup.end())
                k = indexOf[std::size_t(it->second)];
        }
        if (k < 0)
            k = distParentSet.pickNearest(dn.x, dn.y, dn.site, dn.capKw * derating);
        dn.parents = {distParentSet.node(k)};
        distParentSet.reserve(k, dn.capKw * derating);
    }
    // Loads: A on the nearest unit with spare capacity, B on the nearest one on another system.
    const std::vector<int> &feedCandidates = !dists.empty() ? dists : !buses.empty() ? buses : transformers;
    Candidates feedSet(nodes, feedCandidates, derating, penalty);
    std::fill(indexOf.begin(), indexOf.end(), -1);
    std::map<int, int> candidatesOfKey; // system key -> number of candidates on it
    for (std::size_t k = 0; k < feedCandidates.size(); ++k) {
        indexOf[std::size_t(feedCandidates[k])] = int(k);
        feedSet.setKey(int(k), systemKey(nodes, feedCandidates[k], chain.systems));
        ++candidatesOfKey[feedSet.key(int(k))];
    }
    // Replaying the last call's picks (PowerChainMemo): `previous` holds its loads, `oldReservedKw`
    // its reservations up to the current load, `differ` the candidates whose reservations differ
    // from this call's. A pick can only change through them: a replayed pick is the last pick
    // unless one of them is now nearer and can take the load, or the last pick itself can no
    // longer take it (then the load is searched).
    std::vector<MemoLoad> previous;
    const bool replay = memo && memo->candidates && memo->candidates->sameCandidates(feedSet);
    if (memo) {
        if (replay)
            previous = std::move(memo->loads);
        memo->loads.clear();
        memo->loads.reserve(in.loads.size());
        memo->candidates = feedSet; // before any reservation
        memo->replayed = memo->searched = 0;
    }
    bool tracking = !previous.empty();
    std::vector<double> oldReservedKw(tracking ? feedCandidates.size() : 0, 0.0);
    std::vector<char> inDiffer(oldReservedKw.size(), 0);
    std::vector<int> differ;
    constexpr std::size_t kMaxDiffer = 64; // past this a search is as cheap: stop replaying
    auto touch = [&](int k) {
        if (k < 0)
            return;
        const bool differs = feedSet.reservedKw(k) != oldReservedKw[std::size_t(k)];
        if (differs && !inDiffer[std::size_t(k)]) {
            inDiffer[std::size_t(k)] = 1;
            differ.push_back(k);
        } else if (!differs && inDiffer[std::size_t(k)]) {
            inDiffer[std::size_t(k)] = 0;
            differ.erase(std::find(differ.begin(), differ.end(), k));
        }
    };
    // The pick of a query whose last answer was `last` (-2: search instead).
    auto replayPick = [&](int last, bool lastFallback, const PowerLoad &l, int excludeKey, int excludeIndex, bool &fallback) {
        fallback = false;
        if (differ.empty()) { // every reservation as in the last call: the same query gives the same pick
            fallback = lastFallback;
            return last >= 0 ? last : -2;
        }
        int best = -1;
        double bestDist = kInfKw;
        if (!lastFallback) {
            if (last < 0 || (inDiffer[std::size_t(last)] && !feedSet.canTake(std::size_t(last), l.itKw)))
                return -2;
            best = last;
            bestDist = feedSet.distance(std::size_t(last), l.xMm, l.yMm, l.site);
        }
        for (int c : differ) {
            if (feedSet.key(c) == excludeKey || c == excludeIndex || !feedSet.canTake(std::size_t(c), l.itKw))
                continue;
            const double d = feedSet.distance(std::size_t(c), l.xMm, l.yMm, l.site);
            if (d < bestDist || (d == bestDist && c < best)) { // pickNearest's order
                best = c;
                bestDist = d;
            }
        }
        return best >= 0 ? best : -2; // last answer a fallback and still nothing can take it: search
    };
    for (std::size_t i = 0; i < in.loads.size(); ++i) {
        const PowerLoad &l = in.loads[i];
        std::vector<int> &feeds = chain.loadFeeds[i];
        MemoLoad rec;
        rec.x = l.xMm;
        rec.y = l.yMm;
        rec.kw = l.itKw;
        rec.site = l.site;
        rec.dual = l.dualCorded;
        rec.automatic = feeds.empty() && !feedCandidates.empty();
        const MemoLoad *last = tracking && i < previous.size() ? &previous[i] : nullptr;
        const bool same = last && rec.automatic && last->automatic && std::isfinite(l.itKw) && rec.sameInput(*last);
        if (!feeds.empty()) {
            for (int f : feeds) {
                if (indexOf[std::size_t(f)] >= 0) {
                    feedSet.reserve(indexOf[std::size_t(f)], l.itKw);
                    rec.reserved.push_back(indexOf[std::size_t(f)]);
                }
            }
        } else if (feedCandidates.empty()) {
            feeds.push_back(0);
        } else {
            int a = same ? replayPick(last->a, last->aFallback, l, std::numeric_limits<int>::min(), -1, rec.aFallback) : -2;
            if (a == -2) {
                a = feedSet.pickNearest(l.xMm, l.yMm, l.site, l.itKw, std::numeric_limits<int>::min(), -1, &rec.aFallback);
                if (memo)
                    ++memo->searched;
            } else if (memo) {
                ++memo->replayed;
            }
            rec.a = a;
            feeds.reserve(l.dualCorded ? 2 : 1); // A and B in one allocation, not two
            feeds.push_back(feedSet.node(a));
            feedSet.reserve(a, l.itKw);
            if (l.dualCorded && feedCandidates.size() >= 2) {
                // B: the nearest on another system if there is one, else any other unit.
                const int keyA = feedSet.key(a);
                int b = -1;
                const bool sameB = same && a == last->a && last->b >= 0;
                if (std::size_t(candidatesOfKey[keyA]) < feedCandidates.size()) {
                    b = sameB && !last->bByIndex ? replayPick(last->b, last->bFallback, l, keyA, -1, rec.bFallback) : -2;
                    if (b != -2 && memo)
                        ++memo->replayed;
                    if (b == -2) {
                        b = feedSet.pickNearest(l.xMm, l.yMm, l.site, l.itKw, keyA, -1, &rec.bFallback);
                        if (memo)
                            ++memo->searched;
                    }
                }
                if (b < 0) {
                    rec.bByIndex = true;
                    b = sameB && last->bByIndex ? replayPick(last->b, last->bFallback, l, std::numeric_limits<int>::min(), a, rec.bFallback) : -2;
                    if (b != -2 && memo)
                        ++memo->replayed;
                    if (b == -2) {
                        b = feedSet.pickNearest(l.xMm, l.yMm, l.site, l.itKw, std::numeric_limits<int>::min(), a, &rec.bFallback);
                        if (memo)
                            ++memo->searched;
                    }
                }
                rec.b = b;
                if (b >= 0) {
                    feeds.push_back(feedSet.node(b));
                    feedSet.reserve(b, l.itKw);
                }
            }
        }
        if (tracking) {
            // The last call's reservations for this load, then which candidates now differ.
            if (i < previous.size()) {
                const MemoLoad &o = previous[i];
                for (int k : {o.a, o.b})
                    if (k >= 0)
                        oldReservedKw[std::size_t(k)] += o.kw;
                for (int k : o.reserved)
                    oldReservedKw[std::size_t(k)] += o.kw;
                for (int k : {o.a, o.b})
                    touch(k);
                for (int k : o.reserved)
                    touch(k);
            }
            for (int k : {rec.a, rec.b})
                touch(k);
            for (int k : rec.reserved)
                touch(k);
            tracking = i + 1 < previous.size() && differ.size() <= kMaxDiffer;
        }
        if (memo)
            memo->loads.push_back(std::move(rec));
    }
    // Topological order (parents first) by depth-first search; cycles from bad explicit edges are cut.
    std::vector<int> state(nodes.size(), 0);
    std::vector<std::pair<int, std::size_t>> stack;
    for (std::size_t s = 0; s < nodes.size(); ++s) {
        if (state[s])
            continue;
        stack.push_back({int(s), 0});
        state[s] = 1;
        while (!stack.empty()) {
            auto &[n, next] = stack.back();
            std::vector<int> &parents = nodes[std::size_t(n)].parents;
            if (next < parents.size()) {
                const int p = parents[next];
                if (state[std::size_t(p)] == 1) { // cycle: drop this edge
                    parents.erase(parents.begin() + std::ptrdiff_t(next));
                    continue;
                }
                ++next;
                if (state[std::size_t(p)] == 0) {
                    state[std::size_t(p)] = 1;
                    stack.push_back({p, 0});
                }
            } else {
                state[std::size_t(n)] = 2;
                chain.topo.push_back(n);
                stack.pop_back();
            }
        }
    }
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        if (nodes[i].parents.empty() && nodes[i].kind != NodeKind::Bus)
            nodes[i].parents = {0};
    }
    return chain;
}

/// Node outputs and losses with the given live set; loads split equally over live feeds, a
/// bus over its live UPS units in proportion to capacity, other nodes equally over live parents.
void computeFlows(const PowerChainInput &in, const Chain &chain, const std::vector<char> &alive, std::vector<double> &outKw,
                  std::vector<double> &lossKw)
{
    const std::vector<Node> &nodes = chain.nodes;
    outKw.assign(nodes.size(), 0.0);
    lossKw.assign(nodes.size(), 0.0);
    for (std::size_t i = 0; i < in.loads.size(); ++i) {
        int live = 0;
        for (int f : chain.loadFeeds[i])
            live += alive[std::size_t(f)] ? 1 : 0;
        if (live == 0)
            continue;
        for (int f : chain.loadFeeds[i]) {
            if (alive[std::size_t(f)])
                outKw[std::size_t(f)] += in.loads[i].itKw / live;
        }
    }
    for (auto it = chain.topo.rbegin(); it != chain.topo.rend(); ++it) {
        const int n = *it;
        const Node &node = nodes[std::size_t(n)];
        if (node.kind == NodeKind::Root || !alive[std::size_t(n)])
            continue;
        double input = outKw[std::size_t(n)];
        if (node.unit >= 0) {
            lossKw[std::size_t(n)] = in.units[std::size_t(node.unit)].efficiency.lossKw(outKw[std::size_t(n)], node.capKw);
            input += lossKw[std::size_t(n)];
        }
        if (node.kind == NodeKind::Bus) {
            double liveCap = 0.0;
            int liveCount = 0;
            for (int m : node.members) {
                if (alive[std::size_t(m)]) {
                    liveCap += nodes[std::size_t(m)].capKw;
                    ++liveCount;
                }
            }
            for (int m : node.members) {
                if (alive[std::size_t(m)])
                    outKw[std::size_t(m)] += liveCap > 0.0 ? input * nodes[std::size_t(m)].capKw / liveCap : input / liveCount;
            }
            continue;
        }
        int live = 0;
        for (int p : node.parents)
            live += alive[std::size_t(p)] ? 1 : 0;
        for (int p : node.parents) {
            if (alive[std::size_t(p)])
                outKw[std::size_t(p)] += input / live;
        }
    }
}

std::vector<char> liveSet(const Chain &chain, const std::vector<char> &failed)
{
    std::vector<char> alive(chain.nodes.size(), 0);
    for (int n : chain.topo) {
        const Node &node = chain.nodes[std::size_t(n)];
        if (node.kind == NodeKind::Root) {
            alive[std::size_t(n)] = 1;
            continue;
        }
        if (failed[std::size_t(n)])
            continue;
        for (int p : node.parents) {
            if (alive[std::size_t(p)]) {
                alive[std::size_t(n)] = 1;
                break;
            }
        }
    }
    return alive;
}

/// Loads aggregated by identical (sorted, unique) feed sets: the sinks of the max-flow network.
struct FlowGroups
{
    std::vector<std::vector<int>> feeds; ///< node indices, sorted, unique
    std::vector<long long> demandW;      ///< integer watts (the network's sink capacities)
    long long totalW = 0;
};

FlowGroups flowGroups(const PowerChainInput &in, const Chain &chain)
{
    std::map<std::vector<int>, double> groups;
    std::vector<int> feeds; // one buffer: a copy per load was a malloc and a free each
    for (std::size_t i = 0; i < in.loads.size(); ++i) {
        feeds.assign(chain.loadFeeds[i].begin(), chain.loadFeeds[i].end());
        std::sort(feeds.begin(), feeds.end());
        feeds.erase(std::unique(feeds.begin(), feeds.end()), feeds.end());
        if (auto it = groups.find(feeds); it != groups.end())
            it->second += std::max(0.0, in.loads[i].itKw);
        else
            groups.emplace(feeds, std::max(0.0, in.loads[i].itKw));
    }
    FlowGroups out;
    out.feeds.reserve(groups.size());
    out.demandW.reserve(groups.size());
    for (const auto &[feeds, kw] : groups) {
        out.feeds.push_back(feeds);
        out.demandW.push_back((long long)std::llround(kw * 1000.0));
        out.totalW += out.demandW.back();
    }
    return out;
}

/// Derated rating of a node in the max-flow network, integer watts (unlimited: -1).
long long flowCapW(const Node &node, double derating)
{
    return node.unit >= 0 ? (long long)std::floor(node.capKw * derating * 1000.0) : -1;
}

/// The max-flow network in watts (integers keep the solvers exact): every node split into
/// in (vertex 2i) -> out (2i + 1) with its derated rating, its parents' out vertices into its in
/// vertex, loads aggregated by identical feed sets (one vertex per group, its demand into the
/// sink). The source is the utility's in vertex (0).
struct FlowEdges
{
    struct Edge
    {
        int from = 0, to = 0;
        long long capW = 0;
    };
    int vertices = 0;
    int sink = 0;
    std::vector<Edge> edges;
    std::vector<int> nodeEdge; ///< per node: index of its in -> out edge
};

FlowEdges flowEdges(const PowerChainInput &in, const Chain &chain, const FlowGroups &groups)
{
    FlowEdges f;
    const std::size_t n = chain.nodes.size();
    double total = 0.0;
    for (const PowerLoad &l : in.loads)
        total += std::max(0.0, l.itKw);
    const long long infW = (long long)(std::ceil(total * 1000.0)) * 4 + 1000;
    const double derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
    f.nodeEdge.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Node &node = chain.nodes[i];
        f.nodeEdge[i] = int(f.edges.size());
        f.edges.push_back({int(2 * i), int(2 * i + 1), node.unit >= 0 ? flowCapW(node, derating) : infW});
        for (int p : node.parents)
            f.edges.push_back({2 * p + 1, int(2 * i), infW});
    }
    f.sink = int(2 * n);
    f.vertices = f.sink + 1;
    for (std::size_t k = 0; k < groups.feeds.size(); ++k) {
        const int g = f.vertices++;
        for (int feed : groups.feeds[k])
            f.edges.push_back({2 * feed + 1, g, infW});
        f.edges.push_back({g, f.sink, groups.demandW[k]});
    }
    return f;
}

/// The exhaustive reference's solver: Boost.Graph push-relabel, from scratch for each case.
class FlowNetwork
{
public:
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS, boost::no_property,
        boost::property<boost::edge_capacity_t, long long,
                        boost::property<boost::edge_residual_capacity_t, long long,
                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
    using Edge = Traits::edge_descriptor;

    explicit FlowNetwork(const FlowEdges &f)
        : m_sink(f.sink)
    {
        for (int v = 0; v < f.vertices; ++v)
            boost::add_vertex(m_g);
        std::vector<Edge> edges;
        edges.reserve(f.edges.size());
        for (const FlowEdges::Edge &e : f.edges)
            edges.push_back(addEdge(e.from, e.to, e.capW));
        for (int e : f.nodeEdge) {
            m_nodeEdge.push_back(edges[std::size_t(e)]);
            m_nodeCap.push_back(f.edges[std::size_t(e)].capW);
        }
    }

    /// Deliverable kW with the given nodes failed.
    double maxFlowKw(const std::vector<char> &failed)
    {
        auto cap = boost::get(boost::edge_capacity, m_g);
        for (std::size_t i = 0; i < m_nodeEdge.size(); ++i)
            cap[m_nodeEdge[i]] = failed[i] ? 0 : m_nodeCap[i];
        const long long f = boost::push_relabel_max_flow(m_g, boost::vertex(0, m_g), boost::vertex(std::size_t(m_sink), m_g));
        return double(f) / 1000.0;
    }

private:
    Edge addEdge(int from, int to, long long capacity)
    {
        auto cap = boost::get(boost::edge_capacity, m_g);
        auto rev = boost::get(boost::edge_reverse, m_g);
        const Edge e = boost::add_edge(std::size_t(from), std::size_t(to), m_g).first;
        const Edge r = boost::add_edge(std::size_t(to), std::size_t(from), m_g).first;
        cap[e] = capacity;
        cap[r] = 0;
        rev[e] = r;
        rev[r] = e;
        return e;
    }

    Graph m_g;
    std::vector<Edge> m_nodeEdge;
    std::vector<long long> m_nodeCap;
    int m_sink = 0;
};

/**
 * The incremental method's max-flows (docs/facility-model.md §2): the normal-operation max-flow
 * is solved once (WarmMaxFlow); each failure cancels the flow through its failed units and
 * augments from what is left, up to the normal-operation value (a failure cannot raise it).
 */
class WarmFailureFlows
{
public:
    WarmFailureFlows(const PowerChainInput &in, const Chain &chain, const FlowGroups &groups)
        : m_edges(flowEdges(in, chain, groups)), m_flow(m_edges.vertices, 0, m_edges.sink)
    {
        for (const FlowEdges::Edge &e : m_edges.edges)
            m_flow.addEdge(e.from, e.to, e.capW);
        m_baseW = m_flow.solve();
    }

    long long normalW() const { return m_baseW; }

    /// Watts deliverable with `failedNodes` failed; counts the way it was found in `r`.
    long long failedW(const std::vector<int> &failedNodes, PowerChainResult &r)
    {
        for (int n : failedNodes)
            m_flow.removeEdge(m_edges.nodeEdge[std::size_t(n)]);
        const long long left = m_flow.value();
        const long long w = m_flow.solve(m_baseW);
        m_flow.restore();
        if (left == m_baseW)
            ++r.warmFlowsUnchanged;
        else if (w == m_baseW)
            ++r.warmFlowsRerouted;
        else
            ++r.warmFlowsReduced;
        return w;
    }

private:
    FlowEdges m_edges;
    WarmMaxFlow m_flow;
    long long m_baseW = 0;
};

/// True when the live feeds hang on at least two different UPS systems (or transformers).
template<typename Alive, typename Key>
bool onTwoSystems(const std::vector<int> &feeds, Alive &&alive, Key &&keyOf)
{
    int first = std::numeric_limits<int>::min();
    for (int f : feeds) {
        if (!alive(f))
            continue;
        const int key = keyOf(f);
        if (key < 0)
            continue;
        if (first == std::numeric_limits<int>::min())
            first = key;
        else if (key != first)
            return true;
    }
    return false;
}

bool redundantFeeds(const Chain &chain, const std::vector<int> &feeds, const std::vector<char> &alive)
{
    return onTwoSystems(feeds, [&](int f) { return alive[std::size_t(f)] != 0; }, [&](int f) { return systemKey(chain.nodes, f, chain.systems); });
}


/**
 * The N-1 cases, evaluated incrementally (docs/facility-model.md §2). A failure only changes the
 * units downstream of it (they may go dark), the racks fed by those (their load moves to their
 * other feeds) and the units upstream of everything whose load moved. Per failure this class
 *  1. finds the units that go dark: the failed units and, in topological order, every unit whose
 *     parents are all dark;
 *  2. recomputes the share of the racks with a dark feed, and from them, children before parents
 *     (reverse topological order), the output of every unit whose inputs changed, summing the
 *     contributions in exactly the order computeFlows() does, so every value is bit-identical
 *     to the full recomputation; all other units keep their normal-operation values;
 *  3. takes the overloaded units from the recomputed ones (plus those already overloaded in
 *     normal operation), the racks at risk from the live units below them, the racks losing
 *     power or redundancy from the racks with a dark feed;
 *  4. certifies the deliverable power without a max-flow when it can: the proportional split of
 *     the loads (without losses, in the network's integer-watt demands) is a feasible flow when
 *     it keeps every live unit under its derated rating (with a margin far above rounding), and
 *     then the max-flow equals the demand of every load group with a live feed. Otherwise (a unit
 *     is over, so a cleverer routing might still deliver more) it solves the max-flow.
 * The work per failure is proportional to the part of the chain the failure touches (the whole
 * chain only for a transformer or UPS system feeding everything), not to the chain.
 */
class IncrementalFailures
{
public:
    IncrementalFailures(const PowerChainInput &in, const Chain &chain, const std::vector<char> &baseAlive, const std::vector<double> &baseOut,
                        const std::vector<double> &baseLoss, const FlowGroups &groups)
        : m_in(in), m_chain(chain), m_nodes(chain.nodes), m_groups(groups), m_baseAlive(baseAlive), m_baseOut(baseOut)
    {
        const std::size_t n = m_nodes.size();
        m_derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
        {
            std::vector<std::uint64_t> all;
            all.reserve(in.loads.size());
            for (const PowerLoad &l : in.loads)
                all.push_back(l.id);
            m_allLoadIds = std::make_shared<const std::vector<std::uint64_t>>(std::move(all));
        }
        m_pos.assign(n, 0);
        for (std::size_t k = 0; k < chain.topo.size(); ++k)
            m_pos[std::size_t(chain.topo[k])] = int(k);
        m_contrib.resize(n);
        m_down.resize(n);
        m_loadsOf.resize(n);
        m_groupsOf.resize(n);
        m_busOf.assign(n, -1);
        m_sysKey.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            m_sysKey[i] = systemKey(m_nodes, int(i), chain.systems);
        // Contributors in the order computeFlows() adds them: children in reverse topological order.
        for (auto it = chain.topo.rbegin(); it != chain.topo.rend(); ++it) {
            const int c = *it;
            const Node &node = m_nodes[std::size_t(c)];
            if (node.kind == NodeKind::Root)
                continue;
            if (node.kind == NodeKind::Bus) {
                for (int m : node.members) {
                    m_contrib[std::size_t(m)].push_back({c, true});
                    m_busOf[std::size_t(m)] = c;
                }
                // A bus's parents are its members unless a cycle through the bus was cut (a UPS
                // drawn as fed from its own system). Then computeFlows() hands the bus's input to
                // a member it has already passed, which this evaluation does not reproduce: such
                // chains take the exhaustive path (applicable() is false).
                std::vector<int> a = node.members, b = node.parents;
                std::sort(a.begin(), a.end());
                std::sort(b.begin(), b.end());
                m_applicable = m_applicable && a == b;
            } else {
                for (int p : node.parents)
                    m_contrib[std::size_t(p)].push_back({c, false});
            }
            for (int p : node.parents) {
                std::vector<int> &d = m_down[std::size_t(p)];
                if (d.empty() || d.back() != c)
                    d.push_back(c);
            }
        }
        for (std::size_t i = 0; i < in.loads.size(); ++i)
            for (int f : chain.loadFeeds[i])
                m_loadsOf[std::size_t(f)].push_back(int(i));
        for (std::size_t g = 0; g < groups.feeds.size(); ++g)
            for (int f : groups.feeds[g])
                m_groupsOf[std::size_t(f)].push_back(int(g));

        // Normal operation, as the per-failure recomputation sees it.
        m_baseInput.assign(n, 0.0);
        m_baseLive.assign(n, 0);
        m_baseLiveCap.assign(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const Node &node = m_nodes[i];
            m_baseInput[i] = m_baseOut[i];
            if (node.unit >= 0)
                m_baseInput[i] += baseLoss[i];
            if (node.kind == NodeKind::Bus) {
                for (int m : node.members) {
                    if (m_baseAlive[std::size_t(m)]) {
                        m_baseLiveCap[i] += m_nodes[std::size_t(m)].capKw;
                        ++m_baseLive[i];
                    }
                }
            } else {
                for (int p : node.parents)
                    m_baseLive[i] += m_baseAlive[std::size_t(p)] ? 1 : 0;
            }
        }
        m_baseLoadLive.assign(in.loads.size(), 0);
        for (std::size_t i = 0; i < in.loads.size(); ++i) {
            for (int f : chain.loadFeeds[i])
                m_baseLoadLive[i] += m_baseAlive[std::size_t(f)] ? 1 : 0;
            if (m_baseLoadLive[i] == 0)
                m_baseDarkLoads.push_back(int(i)); // behind a cut cycle: dark in every case
        }
        m_baseGroupLive.assign(groups.feeds.size(), 0);
        for (std::size_t g = 0; g < groups.feeds.size(); ++g) {
            for (int f : groups.feeds[g])
                m_baseGroupLive[g] += m_baseAlive[std::size_t(f)] ? 1 : 0;
            if (m_baseGroupLive[g] == 0)
                m_baseLostW += groups.demandW[g];
        }
        // Lossless proportional flow in watts (the certificate) in normal operation.
        m_baseFlowW.assign(n, 0.0);
        for (std::size_t g = 0; g < groups.feeds.size(); ++g) {
            if (m_baseGroupLive[g] == 0)
                continue;
            for (int f : groups.feeds[g])
                if (m_baseAlive[std::size_t(f)])
                    m_baseFlowW[std::size_t(f)] += double(groups.demandW[g]) / m_baseGroupLive[g];
        }
        for (auto it = chain.topo.rbegin(); it != chain.topo.rend(); ++it) {
            const std::size_t c = std::size_t(*it);
            const Node &node = m_nodes[c];
            if (node.kind == NodeKind::Root || !m_baseAlive[c])
                continue;
            if (node.kind == NodeKind::Bus) {
                for (int m : node.members)
                    if (m_baseAlive[std::size_t(m)])
                        m_baseFlowW[std::size_t(m)] += busShare(m_baseFlowW[c], m, m_baseLiveCap[c], m_baseLive[c]);
            } else {
                for (int p : node.parents)
                    if (m_baseAlive[std::size_t(p)])
                        m_baseFlowW[std::size_t(p)] += m_baseFlowW[c] / m_baseLive[c];
            }
        }
        m_flowLimitW.assign(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const Node &node = m_nodes[i];
            if (node.unit < 0 || !m_baseAlive[i])
                continue;
            // The certificate holds only with a margin far above the rounding of the sums
            // (relative 1e-16 per operation): 1e-9 of the rating plus 1 mW.
            const double capW = double(flowCapW(node, m_derating));
            m_flowLimitW[i] = capW - (1e-9 * capW + 1e-3);
            if (m_baseFlowW[i] > m_flowLimitW[i])
                m_baseFlowOver.push_back(int(i));
            if (overloaded(int(i), m_baseOut[i]))
                m_baseOver.push_back(int(i));
        }
        std::sort(m_baseOver.begin(), m_baseOver.end(), [&](int a, int b) { return m_pos[std::size_t(a)] < m_pos[std::size_t(b)]; });

        m_deadS.assign(n, 0);
        m_queuedS.assign(n, 0);
        m_upS.assign(n, 0);
        m_dirtyS.assign(n, 0);
        m_procS.assign(n, 0);
        m_taintS.assign(n, 0);
        m_out.assign(n, 0.0);
        m_input.assign(n, 0.0);
        m_flowW.assign(n, 0.0);
        m_live.assign(n, 0);
        m_liveCap.assign(n, 0.0);
        m_loadS.assign(in.loads.size(), 0);
        m_riskS.assign(in.loads.size(), 0);
        m_loadLive.assign(in.loads.size(), 0);
        m_groupS.assign(groups.feeds.size(), 0);
        m_groupLive.assign(groups.feeds.size(), 0);
    }

    /// False for chains with a cycle cut through a UPS bus (see the constructor).
    bool applicable() const { return m_applicable; }

    /// Watts delivered in normal operation when the proportional flow certifies it.
    std::optional<long long> certifiedNormalFlowW() const
    {
        if (!m_baseFlowOver.empty())
            return std::nullopt;
        return m_groups.totalW - m_baseLostW;
    }

    struct Outcome
    {
        LoadIdList losingPower, losingRedundancy, atRisk;
        std::vector<std::uint64_t> overloaded;
        std::optional<long long> certifiedFlowW; ///< nullopt: a max-flow is needed
    };

    Outcome evaluate(const std::vector<int> &failedNodes, const std::vector<char> &redundantBefore)
    {
        ++m_stamp;
        Outcome o;
        findDark(failedNodes);

        // Racks (and load groups) with a dark feed.
        m_affected.clear();
        for (int d : m_dark) {
            for (int i : m_loadsOf[std::size_t(d)]) {
                if (m_loadS[std::size_t(i)] != m_stamp) {
                    m_loadS[std::size_t(i)] = m_stamp;
                    m_affected.push_back(i);
                }
            }
        }
        std::sort(m_affected.begin(), m_affected.end());
        // Work lists are members, cleared per case: 560 cases a recompute allocated them anew.
        std::vector<int> &dark = m_caseDark;
        dark.clear();
        std::vector<std::uint64_t> losingRedundancy;
        for (int i : m_affected) {
            int live = 0;
            for (int f : m_chain.loadFeeds[std::size_t(i)]) {
                if (alive(f)) {
                    ++live;
                    markDirty(f);
                }
            }
            m_loadLive[std::size_t(i)] = live;
            if (live == 0)
                dark.push_back(i);
            else if (redundantBefore[std::size_t(i)] && !redundant(m_chain.loadFeeds[std::size_t(i)]))
                losingRedundancy.push_back(m_in.loads[std::size_t(i)].id);
        }
        // m_affected holds each load once: as many as there are loads is every load.
        o.losingRedundancy = losingRedundancy.size() == m_in.loads.size() ? LoadIdList::everyLoad(m_allLoadIds) : LoadIdList(std::move(losingRedundancy));
        if (!m_baseDarkLoads.empty()) {
            std::vector<int> &all = m_caseMerged;
            all.clear();
            std::merge(dark.begin(), dark.end(), m_baseDarkLoads.begin(), m_baseDarkLoads.end(), std::back_inserter(all));
            dark.swap(all);
        }
        // Sorted; a load behind a cut cycle may also have a feed that went dark (listed twice).
        if (dark.size() == m_in.loads.size() && std::adjacent_find(dark.begin(), dark.end()) == dark.end()) {
            o.losingPower = LoadIdList::everyLoad(m_allLoadIds);
        } else {
            std::vector<std::uint64_t> ids;
            ids.reserve(dark.size());
            for (int i : dark)
                ids.push_back(m_in.loads[std::size_t(i)].id);
            o.losingPower = std::move(ids);
        }
        long long lostW = m_baseLostW;
        for (int d : m_dark) {
            for (int g : m_groupsOf[std::size_t(d)]) {
                if (m_groupS[std::size_t(g)] == m_stamp)
                    continue;
                m_groupS[std::size_t(g)] = m_stamp;
                int live = 0;
                for (int f : m_groups.feeds[std::size_t(g)])
                    live += alive(f) ? 1 : 0;
                m_groupLive[std::size_t(g)] = live;
                if (live == 0)
                    lostW += m_groups.demandW[std::size_t(g)];
            }
        }
        // A dark unit takes its contribution away from its parents (a bus from its members);
        // the live children of a dark unit split their input over fewer parents.
        for (int d : m_dark) {
            const Node &node = m_nodes[std::size_t(d)];
            for (int t : node.kind == NodeKind::Bus ? node.members : node.parents)
                markDirty(t);
            for (int c : m_down[std::size_t(d)])
                enqueue(c);
            if (m_busOf[std::size_t(d)] >= 0)
                enqueue(m_busOf[std::size_t(d)]);
        }
        propagate();

        // Overloaded units, in topological order as the full recomputation lists them: the
        // recomputed ones (processed children first: descending positions) merged with those
        // over in normal operation and not recomputed (ascending). A sort of every unit per case
        // was 40 % of an over-capacity campus's analysis, where every unit is over.
        std::vector<int> &recomputedOver = m_caseRecomputedOver, &keptOver = m_caseKeptOver;
        recomputedOver.clear();
        keptOver.clear();
        bool certified = true;
        for (auto it = m_processed.rbegin(); it != m_processed.rend(); ++it) {
            const int n = *it;
            if (m_nodes[std::size_t(n)].unit < 0)
                continue;
            if (overloaded(n, m_out[std::size_t(n)]))
                recomputedOver.push_back(n);
            certified = certified && m_flowW[std::size_t(n)] <= m_flowLimitW[std::size_t(n)];
        }
        for (int n : m_baseOver)
            if (alive(n) && m_procS[std::size_t(n)] != m_stamp)
                keptOver.push_back(n);
        for (int n : m_baseFlowOver)
            certified = certified && !(alive(n) && m_procS[std::size_t(n)] != m_stamp);
        const auto byPosition = [&](int a, int b) { return m_pos[std::size_t(a)] < m_pos[std::size_t(b)]; };
        if (!std::is_sorted(recomputedOver.begin(), recomputedOver.end(), byPosition)) // propagate() pops parents after children
            std::sort(recomputedOver.begin(), recomputedOver.end(), byPosition);
        std::vector<int> &over = m_caseOver;
        over.clear();
        over.reserve(recomputedOver.size() + keptOver.size());
        std::merge(recomputedOver.begin(), recomputedOver.end(), keptOver.begin(), keptOver.end(), std::back_inserter(over), byPosition);
        o.overloaded.reserve(over.size());
        for (int n : over)
            o.overloaded.push_back(m_in.units[std::size_t(m_nodes[std::size_t(n)].unit)].id);

        // Racks at risk: a live feed at or below an overloaded unit.
        if (!over.empty()) {
            std::vector<int> &stack = m_caseStack, &risk = m_caseRisk;
            stack.assign(over.begin(), over.end());
            risk.clear();
            for (int n : over)
                m_taintS[std::size_t(n)] = m_stamp;
            while (!stack.empty()) {
                const int n = stack.back();
                stack.pop_back();
                for (int i : m_loadsOf[std::size_t(n)]) {
                    if (m_riskS[std::size_t(i)] != m_stamp) {
                        m_riskS[std::size_t(i)] = m_stamp;
                        risk.push_back(i);
                    }
                }
                for (int c : m_down[std::size_t(n)]) {
                    if (alive(c) && m_taintS[std::size_t(c)] != m_stamp) {
                        m_taintS[std::size_t(c)] = m_stamp;
                        stack.push_back(c);
                    }
                }
            }
            // In load order: sort a short list, scan the marks for a long one; every load (each
            // is marked once) shares the chain's list (an over-capacity chain: every case).
            std::vector<std::uint64_t> ids;
            if (risk.size() == m_in.loads.size()) {
                o.atRisk = LoadIdList::everyLoad(m_allLoadIds);
            } else if (risk.size() * 16 < m_in.loads.size()) {
                std::sort(risk.begin(), risk.end());
                ids.reserve(risk.size());
                for (int i : risk)
                    ids.push_back(m_in.loads[std::size_t(i)].id);
                o.atRisk = std::move(ids);
            } else {
                ids.reserve(risk.size());
                for (std::size_t i = 0; i < m_in.loads.size(); ++i)
                    if (m_riskS[i] == m_stamp)
                        ids.push_back(m_in.loads[i].id);
                o.atRisk = std::move(ids);
            }
        }
        if (certified)
            o.certifiedFlowW = m_groups.totalW - lostW;
        return o;
    }

private:
    struct Contributor
    {
        int child = 0;
        bool viaBus = false; ///< a bus sharing its input over its members by capacity
    };

    bool alive(int n) const { return m_baseAlive[std::size_t(n)] && m_deadS[std::size_t(n)] != m_stamp; }

    bool overloaded(int n, double outKw) const
    {
        const Node &node = m_nodes[std::size_t(n)];
        return outKw > node.capKw * m_derating * (1.0 + 1e-9) + 1e-9; // as in the full recomputation
    }

    double busShare(double input, int member, double liveCap, int liveCount) const
    {
        return liveCap > 0.0 ? input * m_nodes[std::size_t(member)].capKw / liveCap : input / liveCount;
    }

    bool redundant(const std::vector<int> &feeds) const
    {
        return onTwoSystems(feeds, [&](int f) { return alive(f); }, [&](int f) { return m_sysKey[std::size_t(f)]; });
    }

    void pushHeap(int n, bool minFirst)
    {
        m_heap.push_back(n);
        std::push_heap(m_heap.begin(), m_heap.end(), [&](int a, int b) {
            return minFirst ? m_pos[std::size_t(a)] > m_pos[std::size_t(b)] : m_pos[std::size_t(a)] < m_pos[std::size_t(b)];
        });
    }
    int popHeap(bool minFirst)
    {
        std::pop_heap(m_heap.begin(), m_heap.end(), [&](int a, int b) {
            return minFirst ? m_pos[std::size_t(a)] > m_pos[std::size_t(b)] : m_pos[std::size_t(a)] < m_pos[std::size_t(b)];
        });
        const int n = m_heap.back();
        m_heap.pop_back();
        return n;
    }

    /// Dark units: the failed ones, then in topological order (a min-heap on the position, so
    /// every parent is final before its children) each unit whose parents are all dark.
    void findDark(const std::vector<int> &failedNodes)
    {
        m_dark.clear();
        m_heap.clear();
        auto darken = [&](int n) {
            m_deadS[std::size_t(n)] = m_stamp;
            m_dark.push_back(n);
            for (int c : m_down[std::size_t(n)]) {
                if (alive(c) && m_queuedS[std::size_t(c)] != m_stamp) {
                    m_queuedS[std::size_t(c)] = m_stamp;
                    pushHeap(c, true);
                }
            }
        };
        for (int n : failedNodes)
            if (alive(n))
                m_deadS[std::size_t(n)] = m_stamp, m_dark.push_back(n);
        for (std::size_t k = 0, e = m_dark.size(); k < e; ++k) {
            for (int c : m_down[std::size_t(m_dark[k])]) {
                if (alive(c) && m_queuedS[std::size_t(c)] != m_stamp) {
                    m_queuedS[std::size_t(c)] = m_stamp;
                    pushHeap(c, true);
                }
            }
        }
        while (!m_heap.empty()) {
            const int c = popHeap(true);
            if (!alive(c))
                continue;
            bool fed = false;
            for (int p : m_nodes[std::size_t(c)].parents)
                fed = fed || alive(p);
            if (!fed)
                darken(c);
        }
    }

    void enqueue(int n)
    {
        if (n == 0 || !alive(n) || m_upS[std::size_t(n)] == m_stamp)
            return;
        m_upS[std::size_t(n)] = m_stamp;
        pushHeap(n, false);
    }
    void markDirty(int n)
    {
        if (n == 0 || !alive(n))
            return;
        m_dirtyS[std::size_t(n)] = m_stamp;
        enqueue(n);
    }

    /// Reverse topological order (a max-heap on the position): every child is final before its
    /// parents. A unit is recomputed when a contribution to it changed, and passes the change on
    /// when its input, its live parents or (a bus) its live members changed.
    void propagate()
    {
        m_processed.clear();
        while (!m_heap.empty()) {
            const int n = popHeap(false);
            const std::size_t ni = std::size_t(n);
            const Node &node = m_nodes[ni];
            m_procS[ni] = m_stamp;
            m_processed.push_back(n);
            if (m_dirtyS[ni] == m_stamp) {
                recompute(n);
            } else {
                m_out[ni] = m_baseOut[ni];
                m_input[ni] = m_baseInput[ni];
                m_flowW[ni] = m_baseFlowW[ni];
            }
            bool changed = m_input[ni] != m_baseInput[ni] || m_flowW[ni] != m_baseFlowW[ni];
            m_live[ni] = 0;
            m_liveCap[ni] = 0.0;
            if (node.kind == NodeKind::Bus) {
                for (int m : node.members) {
                    if (alive(m)) {
                        m_liveCap[ni] += m_nodes[std::size_t(m)].capKw;
                        ++m_live[ni];
                    }
                }
                changed = changed || m_liveCap[ni] != m_baseLiveCap[ni] || m_live[ni] != m_baseLive[ni];
            } else {
                for (int p : node.parents)
                    m_live[ni] += alive(p) ? 1 : 0;
                changed = changed || m_live[ni] != m_baseLive[ni];
            }
            if (changed) {
                for (int t : node.kind == NodeKind::Bus ? node.members : node.parents)
                    markDirty(t);
            }
        }
    }

    /// Output of unit n, summed in the order computeFlows() uses (loads by index, then children
    /// in reverse topological order), from the current values of everything below it.
    void recompute(int n)
    {
        const std::size_t ni = std::size_t(n);
        const Node &node = m_nodes[ni];
        double out = 0.0, flowW = 0.0;
        for (int i : m_loadsOf[ni]) {
            const int live = m_loadS[std::size_t(i)] == m_stamp ? m_loadLive[std::size_t(i)] : m_baseLoadLive[std::size_t(i)];
            if (live > 0)
                out += m_in.loads[std::size_t(i)].itKw / live;
        }
        for (int g : m_groupsOf[ni]) {
            const int live = m_groupS[std::size_t(g)] == m_stamp ? m_groupLive[std::size_t(g)] : m_baseGroupLive[std::size_t(g)];
            if (live > 0)
                flowW += double(m_groups.demandW[std::size_t(g)]) / live;
        }
        for (const Contributor &k : m_contrib[ni]) {
            const std::size_t c = std::size_t(k.child);
            if (!alive(k.child))
                continue;
            const bool cur = m_procS[c] == m_stamp;
            const double input = cur ? m_input[c] : m_baseInput[c];
            const double childFlowW = cur ? m_flowW[c] : m_baseFlowW[c];
            const int live = cur ? m_live[c] : m_baseLive[c];
            if (k.viaBus) {
                const double liveCap = cur ? m_liveCap[c] : m_baseLiveCap[c];
                out += busShare(input, n, liveCap, live);
                flowW += busShare(childFlowW, n, liveCap, live);
            } else {
                out += input / live;
                flowW += childFlowW / live;
            }
        }
        m_out[ni] = out;
        m_input[ni] = out;
        if (node.unit >= 0)
            m_input[ni] += m_in.units[std::size_t(node.unit)].efficiency.lossKw(out, node.capKw);
        m_flowW[ni] = flowW;
    }

    const PowerChainInput &m_in;
    std::shared_ptr<const std::vector<std::uint64_t>> m_allLoadIds; ///< every load, in input order
    const Chain &m_chain;
    const std::vector<Node> &m_nodes;
    const FlowGroups &m_groups;
    const std::vector<char> &m_baseAlive;
    const std::vector<double> &m_baseOut;
    double m_derating = 1.0;
    bool m_applicable = true;

    std::vector<int> m_pos, m_busOf, m_sysKey;
    std::vector<std::vector<Contributor>> m_contrib;
    std::vector<std::vector<int>> m_down, m_loadsOf, m_groupsOf;
    std::vector<double> m_baseInput, m_baseLiveCap, m_baseFlowW, m_flowLimitW;
    std::vector<int> m_baseLive, m_baseLoadLive, m_baseGroupLive, m_baseDarkLoads, m_baseOver, m_baseFlowOver;
    long long m_baseLostW = 0;

    // Per-failure state, valid where the stamp matches (no clearing between failures).
    int m_stamp = 0;
    std::vector<int> m_deadS, m_queuedS, m_upS, m_dirtyS, m_procS, m_taintS, m_loadS, m_riskS, m_groupS;
    std::vector<double> m_out, m_input, m_flowW, m_liveCap;
    std::vector<int> m_live, m_loadLive, m_groupLive;
    std::vector<int> m_dark, m_affected, m_heap, m_processed;
    std::vector<int> m_caseDark, m_caseMerged, m_caseRecomputedOver, m_caseKeptOver, m_caseOver, m_caseStack, m_caseRisk; ///< evaluate()'s work lists
};

} // namespace

PowerChainResult analysePowerChain(const PowerChainInput &in)
{
    return analysePowerChain(in, nullptr);
}

PowerChainResult analysePowerChain(const PowerChainInput &in, PowerChainMemo *memo)
{
    PowerChainResult r;
    if (memo && !memo->m_state)
        memo->m_state = std::make_unique<PowerChainMemo::State>();
    Chain chain = buildChain(in, memo ? memo->m_state.get() : nullptr);
    const std::vector<Node> &nodes = chain.nodes;
    const double derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
    r.upsSystemCount = chain.systems;
    for (const PowerLoad &l : in.loads)
        r.itKw += std::max(0.0, l.itKw);

    const std::vector<char> none(nodes.size(), 0);
    const std::vector<char> allAlive = liveSet(chain, none);
    std::vector<double> outKw, lossKw;
    computeFlows(in, chain, allAlive, outKw, lossKw);

    std::vector<int> nodeOfUnitIndex(in.units.size(), -1);
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].unit >= 0)
            nodeOfUnitIndex[std::size_t(nodes[n].unit)] = int(n);
    }
    // The unit ids a node stands for (a bus: its UPS units), appended without a temporary.
    auto appendUnitIds = [&](int n, std::vector<std::uint64_t> &out) {
        const Node &node = nodes[std::size_t(n)];
        if (node.unit >= 0) {
            out.push_back(in.units[std::size_t(node.unit)].id);
            return;
        }
        for (int m : node.members)
            out.push_back(in.units[std::size_t(nodes[std::size_t(m)].unit)].id);
    };
    bool anyOver = false;
    r.units.reserve(in.units.size());
    r.loads.reserve(in.loads.size());
    for (std::size_t i = 0; i < in.units.size(); ++i) {
        const PowerUnit &u = in.units[i];
        const int n = nodeOfUnitIndex[i];
        PowerUnitResult ur;
        ur.id = u.id;
        ur.kind = u.kind;
        ur.capacityKw = u.capacityKw;
        ur.outputKw = outKw[std::size_t(n)];
        ur.lossKw = lossKw[std::size_t(n)];
        ur.utilisation = u.capacityKw > 0.0 ? ur.outputKw / u.capacityKw : 0.0;
        ur.overDerated = ur.outputKw > u.capacityKw * derating * (1.0 + 1e-9) + 1e-9;
        anyOver = anyOver || ur.overDerated;
        if (u.kind == PowerUnitKind::Ups)
            ur.batteryMinutesAtLoad = ur.outputKw > 0.0 ? std::min(10.0, u.capacityKw / ur.outputKw) * u.batteryMinutes
                                                        : 10.0 * u.batteryMinutes;
        for (int p : nodes[std::size_t(n)].parents) {
            appendUnitIds(p, ur.parents);
        }
        ur.upsSystem = systemKey(nodes, n, chain.systems) < chain.systems ? systemKey(nodes, n, chain.systems) : -1;
        switch (u.kind) {
        case PowerUnitKind::Transformer: r.transformerLossKw += ur.lossKw; break;
        case PowerUnitKind::Ups: r.upsLossKw += ur.lossKw; break;
        case PowerUnitKind::Distribution: r.distributionLossKw += ur.lossKw; break;
        }
        r.units.push_back(std::move(ur));
    }
    std::vector<char> redundantBefore(in.loads.size(), 0);
    for (std::size_t i = 0; i < in.loads.size(); ++i) {
        LoadFeeds lf;
        lf.loadId = in.loads[i].id;
        lf.feeds.reserve(chain.loadFeeds[i].size()); // one id per feed (a bus adds its members)
        for (int f : chain.loadFeeds[i]) {
            appendUnitIds(f, lf.feeds);
        }
        lf.redundant = redundantFeeds(chain, chain.loadFeeds[i], allAlive);
        redundantBefore[i] = lf.redundant ? 1 : 0;
        if (in.loads[i].dualCorded && !lf.redundant)
            r.allDualFeedsRedundant = false;
        r.loads.push_back(std::move(lf));
    }

    // The max-flow networks are built only when a max-flow is needed (see IncrementalFailures).
    const FlowGroups groups = flowGroups(in, chain);
    std::optional<FlowNetwork> network;
    auto maxFlowKw = [&](const std::vector<char> &failed) {
        if (!network)
            network.emplace(flowEdges(in, chain, groups));
        ++r.maxFlowRuns;
        return network->maxFlowKw(failed);
    };
    std::optional<WarmFailureFlows> warm; // incremental: warm-started from normal operation
    auto warmFlows = [&]() -> WarmFailureFlows & {
        if (!warm) {
            warm.emplace(in, chain, groups);
            ++r.maxFlowRuns;
        }
        return *warm;
    };
    const double demandKw = double(groups.totalW) / 1000.0;
    const bool exhaustive = in.nMinus1Method == NMinus1Method::Exhaustive;
    std::optional<IncrementalFailures> incremental;
    if (!exhaustive) {
        incremental.emplace(in, chain, allAlive, outKw, lossKw, groups);
        if (!incremental->applicable())
            incremental.reset();
    }
    const std::optional<long long> certifiedW = incremental ? incremental->certifiedNormalFlowW() : std::nullopt;
    r.deliverableKw = certifiedW ? double(*certifiedW) / 1000.0
                      : incremental ? double(warmFlows().normalW()) / 1000.0
                                    : maxFlowKw(none);
    r.shortfallKw = std::max(0.0, demandKw - r.deliverableKw);
    const double tolKw = 1e-3;

    auto failure = [&](const std::vector<int> &failedNodes, PowerUnitKind kind) {
        FailureResult fr;
        fr.kind = kind;
        for (int n : failedNodes)
            appendUnitIds(n, fr.failedIds);
        if (incremental) {
            IncrementalFailures::Outcome o = incremental->evaluate(failedNodes, redundantBefore);
            fr.loadsLosingPower = std::move(o.losingPower);
            fr.loadsLosingRedundancy = std::move(o.losingRedundancy);
            fr.loadsAtRisk = std::move(o.atRisk);
            fr.overloadedUnits = std::move(o.overloaded);
            double deliverableKw = 0.0;
            if (o.certifiedFlowW) {
                deliverableKw = double(*o.certifiedFlowW) / 1000.0;
            } else {
                WarmFailureFlows &w = warmFlows();
                ++r.maxFlowRuns;
                deliverableKw = double(w.failedW(failedNodes, r)) / 1000.0;
            }
            fr.shortfallKw = std::max(0.0, demandKw - deliverableKw);
            fr.ok = fr.loadsLosingPower.empty() && fr.loadsAtRisk.empty() && fr.shortfallKw <= tolKw;
            return fr;
        }
        std::vector<char> failed(nodes.size(), 0);
        for (int n : failedNodes)
            failed[std::size_t(n)] = 1;
        const std::vector<char> alive = liveSet(chain, failed);
        std::vector<double> out, loss;
        computeFlows(in, chain, alive, out, loss);
        std::vector<char> over(nodes.size(), 0), tainted(nodes.size(), 0);
        std::vector<std::uint64_t> losingPower, losingRedundancy, atRisk; // the reference lists every id
        for (int n : chain.topo) {
            const Node &node = nodes[std::size_t(n)];
            if (!alive[std::size_t(n)])
                continue;
            if (node.unit >= 0 && out[std::size_t(n)] > node.capKw * derating * (1.0 + 1e-9) + 1e-9) {
                over[std::size_t(n)] = 1;
                fr.overloadedUnits.push_back(in.units[std::size_t(node.unit)].id);
            }
            bool t = over[std::size_t(n)] != 0;
            for (int p : node.parents)
                t = t || (alive[std::size_t(p)] && tainted[std::size_t(p)]);
            tainted[std::size_t(n)] = t ? 1 : 0;
        }
        for (std::size_t i = 0; i < in.loads.size(); ++i) {
            int live = 0;
            bool risk = false;
            for (int f : chain.loadFeeds[i]) {
                if (alive[std::size_t(f)]) {
                    ++live;
                    risk = risk || tainted[std::size_t(f)];
                }
            }
            if (live == 0)
                losingPower.push_back(in.loads[i].id);
            else if (risk)
                atRisk.push_back(in.loads[i].id);
            if (live > 0 && redundantBefore[i] && !redundantFeeds(chain, chain.loadFeeds[i], alive))
                losingRedundancy.push_back(in.loads[i].id);
        }
        fr.loadsLosingPower = std::move(losingPower);
        fr.loadsLosingRedundancy = std::move(losingRedundancy);
        fr.loadsAtRisk = std::move(atRisk);
        fr.shortfallKw = std::max(0.0, demandKw - maxFlowKw(failed));
        fr.ok = fr.loadsLosingPower.empty() && fr.loadsAtRisk.empty() && fr.shortfallKw <= tolKw;
        return fr;
    };

    for (std::size_t i = 0; i < in.units.size(); ++i) {
        r.nMinus1.push_back(failure({nodeOfUnitIndex[i]}, in.units[i].kind));
        r.nMinus1Ok = r.nMinus1Ok && r.nMinus1.back().ok;
    }
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].kind == NodeKind::Bus)
            r.systemFailures.push_back(failure(nodes[n].members, PowerUnitKind::Ups));
    }
    const bool fedN = r.shortfallKw <= tolKw && !anyOver;
    bool systemsOk = chain.systems >= 2 || chain.systems == 0;
    for (const FailureResult &f : r.systemFailures)
        systemsOk = systemsOk && f.ok;
    if (!fedN)
        r.achieved = RedundancyMode::None;
    else if (!r.nMinus1Ok)
        r.achieved = RedundancyMode::N;
    else if (!r.allDualFeedsRedundant || !systemsOk)
        r.achieved = RedundancyMode::NPlus1;
    else
        r.achieved = RedundancyMode::TwoN;
    r.meetsTarget = int(r.achieved) >= int(in.target);
    return r;
}

double transformerLossesKw(const PowerChainInput &in, const PowerChainResult &r, double mechanicalKw)
{
    // Called for every outdoor condition of the annual PUE (~1,800 times per recompute): the
    // transformers are found in one pass over the units (remembered when there are few), not two.
    std::array<int, 64> found;
    std::size_t count = 0;
    double capSum = 0.0;
    for (std::size_t i = 0; i < in.units.size(); ++i) {
        if (in.units[i].kind != PowerUnitKind::Transformer)
            continue;
        capSum += in.units[i].capacityKw;
        if (count < found.size())
            found[count] = int(i);
        ++count;
    }
    double loss = 0.0;
    auto add = [&](std::size_t i) {
        if (i >= r.units.size())
            return;
        const PowerUnit &u = in.units[i];
        const double out = r.units[i].outputKw + (capSum > 0.0 ? mechanicalKw * u.capacityKw / capSum : 0.0);
        loss += u.efficiency.lossKw(out, u.capacityKw);
    };
    if (count <= found.size()) {
        for (std::size_t k = 0; k < count; ++k)
            add(std::size_t(found[k]));
    } else {
        for (std::size_t i = 0; i < in.units.size(); ++i)
            if (in.units[i].kind == PowerUnitKind::Transformer)
                add(i);
    }
    return loss;
}

} // namespace th::engine
