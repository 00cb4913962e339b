// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/powerchain.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
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
    double reservedKw = 0.0;       ///< assignment bookkeeping
    bool explicitParents = false;
};

struct Chain
{
    std::vector<Node> nodes;
    std::vector<int> topo;         ///< parents before children
    std::vector<std::vector<int>> loadFeeds; ///< node indices per load
    int systems = 0;
};

double distanceMm(const Node &n, double x, double y, int site, double penalty)
{
    return std::abs(n.x - x) + std::abs(n.y - y) + (n.site == site ? 0.0 : penalty);
}

/// Nearest candidate that can take `needKw` within its derated rating; else the one left least
/// loaded relative to its rating (ties by distance). -1 when there are no candidates.
int pickNearest(std::vector<Node> &nodes, const std::vector<int> &candidates, double x, double y, int site, double needKw,
                double derating, double penalty, const std::vector<int> &exclude = {})
{
    int best = -1;
    double bestDist = kInfKw;
    int fallback = -1;
    double fallbackRatio = kInfKw, fallbackDist = kInfKw;
    for (int c : candidates) {
        if (std::find(exclude.begin(), exclude.end(), c) != exclude.end())
            continue;
        const Node &n = nodes[std::size_t(c)];
        const double d = distanceMm(n, x, y, site, penalty);
        const double cap = n.capKw * derating;
        if (n.reservedKw + needKw <= cap * (1.0 + 1e-12) && d < bestDist) {
            best = c;
            bestDist = d;
        }
        const double ratio = cap > 0.0 ? (n.reservedKw + needKw) / cap : kInfKw;
        if (ratio < fallbackRatio - 1e-12 || (std::abs(ratio - fallbackRatio) <= 1e-12 && d < fallbackDist)) {
            fallback = c;
            fallbackRatio = ratio;
            fallbackDist = d;
        }
    }
    return best >= 0 ? best : fallback;
}

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

Chain buildChain(const PowerChainInput &in)
{
    Chain chain;
    std::vector<Node> &nodes = chain.nodes;
    nodes.push_back(Node{}); // root = utility
    std::unordered_map<std::uint64_t, int> nodeOfUnit;
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
    std::unordered_map<std::uint64_t, int> loadIndex;
    for (std::size_t i = 0; i < in.loads.size(); ++i)
        loadIndex[in.loads[i].id] = int(i);
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
        } else if (auto l = loadIndex.find(e.to); l != loadIndex.end()) {
            chain.loadFeeds[std::size_t(l->second)].push_back(parent);
        }
    }
    const double derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
    const double penalty = in.crossSitePenaltyMm;
    for (int t : transformers)
        nodes[std::size_t(t)].parents = {0};
    for (int u : upsNodes) {
        Node &n = nodes[std::size_t(u)];
        if (n.explicitParents)
            continue;
        if (transformers.empty()) {
            n.parents = {0};
            continue;
        }
        const int p = pickNearest(nodes, transformers, n.x, n.y, n.site, n.capKw * derating, derating, penalty);
        nodes[std::size_t(u)].parents = {p};
        nodes[std::size_t(p)].reservedKw += nodes[std::size_t(u)].capKw * derating;
    }
    const std::vector<int> &distParents = !buses.empty() ? buses : transformers;
    for (int d : dists) {
        if (nodes[std::size_t(d)].explicitParents)
            continue;
        if (distParents.empty()) {
            nodes[std::size_t(d)].parents = {0};
            continue;
        }
        int p = -1;
        const std::string &g = nodes[std::size_t(d)].group;
        if (!g.empty()) {
            if (auto it = busOfGroup.find({nodes[std::size_t(d)].site, g}); it != busOfGroup.end())
                p = it->second;
        }
        const Node &dn = nodes[std::size_t(d)];
        if (p < 0)
            p = pickNearest(nodes, distParents, dn.x, dn.y, dn.site, dn.capKw * derating, derating, penalty);
        nodes[std::size_t(d)].parents = {p};
        nodes[std::size_t(p)].reservedKw += nodes[std::size_t(d)].capKw * derating;
    }
    // Loads: A on the nearest unit with spare capacity, B on the nearest one on another system.
    for (Node &n : nodes)
        n.reservedKw = 0.0;
    const std::vector<int> &feedCandidates = !dists.empty() ? dists : !buses.empty() ? buses : transformers;
    for (std::size_t i = 0; i < in.loads.size(); ++i) {
        const PowerLoad &l = in.loads[i];
        std::vector<int> &feeds = chain.loadFeeds[i];
        if (!feeds.empty()) {
            for (int f : feeds)
                nodes[std::size_t(f)].reservedKw += l.itKw;
            continue;
        }
        if (feedCandidates.empty()) {
            feeds.push_back(0);
            continue;
        }
        const int a = pickNearest(nodes, feedCandidates, l.xMm, l.yMm, l.site, l.itKw, derating, penalty);
        feeds.push_back(a);
        nodes[std::size_t(a)].reservedKw += l.itKw;
        if (!l.dualCorded || feedCandidates.size() < 2)
            continue;
        const int keyA = systemKey(nodes, a, chain.systems);
        std::vector<int> sameSystem{a};
        for (int c : feedCandidates) {
            if (c != a && systemKey(nodes, c, chain.systems) == keyA)
                sameSystem.push_back(c);
        }
        int b = -1;
        if (sameSystem.size() < feedCandidates.size())
            b = pickNearest(nodes, feedCandidates, l.xMm, l.yMm, l.site, l.itKw, derating, penalty, sameSystem);
        if (b < 0)
            b = pickNearest(nodes, feedCandidates, l.xMm, l.yMm, l.site, l.itKw, derating, penalty, {a});
        if (b >= 0) {
            feeds.push_back(b);
            nodes[std::size_t(b)].reservedKw += l.itKw;
        }
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

/// Max-flow network in watts (integers keep push-relabel exact): every node split into
/// in -> out with its derated rating, loads aggregated by identical feed sets.
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

    FlowNetwork(const PowerChainInput &in, const Chain &chain)
    {
        const std::size_t n = chain.nodes.size();
        double total = 0.0;
        for (const PowerLoad &l : in.loads)
            total += std::max(0.0, l.itKw);
        m_inf = (long long)(std::ceil(total * 1000.0)) * 4 + 1000;
        const double derating = in.deratingFraction > 0.0 ? in.deratingFraction : 1.0;
        for (std::size_t i = 0; i < n; ++i)
            boost::add_vertex(m_g), boost::add_vertex(m_g);
        m_nodeEdge.resize(n);
        m_nodeCap.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Node &node = chain.nodes[i];
            const bool limited = node.unit >= 0;
            m_nodeCap[i] = limited ? (long long)std::floor(node.capKw * derating * 1000.0) : m_inf;
            m_nodeEdge[i] = addEdge(int(2 * i), int(2 * i + 1), m_nodeCap[i]);
            for (int p : node.parents)
                addEdge(2 * p + 1, int(2 * i), m_inf);
        }
        std::map<std::vector<int>, double> groups;
        for (std::size_t i = 0; i < in.loads.size(); ++i) {
            std::vector<int> feeds = chain.loadFeeds[i];
            std::sort(feeds.begin(), feeds.end());
            feeds.erase(std::unique(feeds.begin(), feeds.end()), feeds.end());
            groups[feeds] += std::max(0.0, in.loads[i].itKw);
        }
        m_sink = int(boost::add_vertex(m_g));
        for (const auto &[feeds, kw] : groups) {
            const int g = int(boost::add_vertex(m_g));
            for (int f : feeds)
                addEdge(2 * f + 1, g, m_inf);
            addEdge(g, m_sink, (long long)std::llround(kw * 1000.0));
            m_demandW += (long long)std::llround(kw * 1000.0);
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
    double demandKw() const { return double(m_demandW) / 1000.0; }

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
    long long m_inf = 0;
    long long m_demandW = 0;
    int m_sink = 0;
};

bool redundantFeeds(const Chain &chain, const std::vector<int> &feeds, const std::vector<char> &alive)
{
    int first = std::numeric_limits<int>::min();
    for (int f : feeds) {
        if (!alive[std::size_t(f)])
            continue;
        const int key = systemKey(chain.nodes, f, chain.systems);
        if (key < 0)
            continue;
        if (first == std::numeric_limits<int>::min())
            first = key;
        else if (key != first)
            return true;
    }
    return false;
}

} // namespace

PowerChainResult analysePowerChain(const PowerChainInput &in)
{
    PowerChainResult r;
    Chain chain = buildChain(in);
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
    auto unitIdOfNode = [&](int n) -> std::vector<std::uint64_t> {
        const Node &node = nodes[std::size_t(n)];
        if (node.unit >= 0)
            return {in.units[std::size_t(node.unit)].id};
        std::vector<std::uint64_t> ids;
        for (int m : node.members)
            ids.push_back(in.units[std::size_t(nodes[std::size_t(m)].unit)].id);
        return ids;
    };
    bool anyOver = false;
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
            for (std::uint64_t id : unitIdOfNode(p))
                ur.parents.push_back(id);
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
        for (int f : chain.loadFeeds[i]) {
            for (std::uint64_t id : unitIdOfNode(f))
                lf.feeds.push_back(id);
        }
        lf.redundant = redundantFeeds(chain, chain.loadFeeds[i], allAlive);
        redundantBefore[i] = lf.redundant ? 1 : 0;
        if (in.loads[i].dualCorded && !lf.redundant)
            r.allDualFeedsRedundant = false;
        r.loads.push_back(std::move(lf));
    }

    FlowNetwork net(in, chain);
    r.deliverableKw = net.maxFlowKw(none);
    r.shortfallKw = std::max(0.0, net.demandKw() - r.deliverableKw);
    const double tolKw = 1e-3;

    auto failure = [&](const std::vector<int> &failedNodes, PowerUnitKind kind) {
        FailureResult fr;
        fr.kind = kind;
        std::vector<char> failed(nodes.size(), 0);
        for (int n : failedNodes) {
            failed[std::size_t(n)] = 1;
            for (std::uint64_t id : unitIdOfNode(n))
                fr.failedIds.push_back(id);
        }
        const std::vector<char> alive = liveSet(chain, failed);
        std::vector<double> out, loss;
        computeFlows(in, chain, alive, out, loss);
        std::vector<char> over(nodes.size(), 0), tainted(nodes.size(), 0);
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
                fr.loadsLosingPower.push_back(in.loads[i].id);
            else if (risk)
                fr.loadsAtRisk.push_back(in.loads[i].id);
            if (live > 0 && redundantBefore[i] && !redundantFeeds(chain, chain.loadFeeds[i], alive))
                fr.loadsLosingRedundancy.push_back(in.loads[i].id);
        }
        fr.shortfallKw = std::max(0.0, net.demandKw() - net.maxFlowKw(failed));
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
    double capSum = 0.0;
    for (const PowerUnit &u : in.units) {
        if (u.kind == PowerUnitKind::Transformer)
            capSum += u.capacityKw;
    }
    double loss = 0.0;
    for (std::size_t i = 0; i < in.units.size() && i < r.units.size(); ++i) {
        const PowerUnit &u = in.units[i];
        if (u.kind != PowerUnitKind::Transformer)
            continue;
        const double out = r.units[i].outputKw + (capSum > 0.0 ? mechanicalKw * u.capacityKw / capSum : 0.0);
        loss += u.efficiency.lossKw(out, u.capacityKw);
    }
    return loss;
}

} // namespace th::engine
