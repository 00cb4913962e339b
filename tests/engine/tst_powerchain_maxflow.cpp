// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The warm-started max-flow of the N-1 cases (model/engine/warmmaxflow.h, docs/facility-model.md
// §2): hand-computed networks (the value by a minimum cut), then random networks shaped like power
// chains and arbitrary ones (with cycles) against Boost.Graph's push-relabel solved from scratch,
// for random sets of removed edges; every flow is checked to be feasible and restore() to give
// back the solved flow exactly.
#include "model/engine/warmmaxflow.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <QTest>

#include <random>

using namespace th::engine;

namespace {

struct Net
{
    int vertices = 0, source = 0, sink = 0;
    struct Edge
    {
        int from, to;
        long long cap;
    };
    std::vector<Edge> edges;
};

/// Reference: push-relabel from scratch with the edges in `removed` at capacity 0.
long long boostMaxFlow(const Net &n, const std::vector<int> &removed)
{
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                        boost::property<boost::edge_capacity_t, long long,
                                                        boost::property<boost::edge_residual_capacity_t, long long,
                                                                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
    Graph g(std::size_t(n.vertices));
    auto cap = boost::get(boost::edge_capacity, g);
    auto rev = boost::get(boost::edge_reverse, g);
    std::vector<char> out(n.edges.size(), 0);
    for (int e : removed)
        out[std::size_t(e)] = 1;
    for (std::size_t k = 0; k < n.edges.size(); ++k) {
        const auto e = boost::add_edge(std::size_t(n.edges[k].from), std::size_t(n.edges[k].to), g).first;
        const auto r = boost::add_edge(std::size_t(n.edges[k].to), std::size_t(n.edges[k].from), g).first;
        cap[e] = out[k] ? 0 : n.edges[k].cap;
        cap[r] = 0;
        rev[e] = r;
        rev[r] = e;
    }
    return boost::push_relabel_max_flow(g, boost::vertex(std::size_t(n.source), g), boost::vertex(std::size_t(n.sink), g));
}

/// Empty when the solver's current flow is feasible (0 <= flow <= capacity, conserved at every
/// vertex but the source and sink) and of the value it reports.
QString infeasibility(const Net &n, const WarmMaxFlow &f)
{
    std::vector<long long> net(std::size_t(n.vertices), 0);
    for (std::size_t k = 0; k < n.edges.size(); ++k) {
        const long long x = f.flow(int(k));
        if (x < 0 || x > f.capacity(int(k)))
            return QStringLiteral("edge %1: flow %2, capacity %3").arg(k).arg(x).arg(f.capacity(int(k)));
        net[std::size_t(n.edges[k].from)] -= x;
        net[std::size_t(n.edges[k].to)] += x;
    }
    for (int v = 0; v < n.vertices; ++v) {
        if (v != n.source && v != n.sink && net[std::size_t(v)] != 0)
            return QStringLiteral("vertex %1 not conserved: %2").arg(v).arg(net[std::size_t(v)]);
    }
    if (net[std::size_t(n.sink)] != f.value())
        return QStringLiteral("sink receives %1, value %2").arg(net[std::size_t(n.sink)]).arg(f.value());
    return {};
}

#define VERIFY_FEASIBLE(net, flow, what)                                                                                    \
    do {                                                                                                                    \
        const QString why = infeasibility(net, flow);                                                                       \
        QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral(what) + why));                                                    \
    } while (false)

WarmMaxFlow solver(const Net &n)
{
    WarmMaxFlow f(n.vertices, n.source, n.sink);
    for (const Net::Edge &e : n.edges)
        f.addEdge(e.from, e.to, e.cap);
    return f;
}

/// A layered network like a power chain's: source -> transformers -> UPS -> buses -> PDUs ->
/// load groups -> sink, with several parents per unit, unlimited links, units as in -> out edges.
Net chainLike(std::mt19937_64 &rng)
{
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    Net n;
    n.vertices = 2; // source 0, sink 1
    n.sink = 1;
    const long long inf = 1'000'000'000;
    const bool coarse = uni(0, 1) == 1; // coarse ratings: ties and exact saturation
    auto unitCap = [&] { return coarse ? 100LL * uni(0, 6) : (long long)uni(0, 700); };
    std::vector<int> above{0};
    for (int layer = 0; layer < uni(2, 4); ++layer) {
        const int count = uni(1, 8);
        std::vector<int> outs;
        for (int k = 0; k < count; ++k) {
            const int in = n.vertices++, out = n.vertices++;
            n.edges.push_back({in, out, unitCap()});
            for (int p = uni(1, 3); p > 0; --p)
                n.edges.push_back({above[std::size_t(uni(0, int(above.size()) - 1))], in, inf});
            outs.push_back(out);
        }
        above = outs;
    }
    for (int g = uni(1, 12); g > 0; --g) {
        const int v = n.vertices++;
        for (int p = uni(1, 2); p > 0; --p)
            n.edges.push_back({above[std::size_t(uni(0, int(above.size()) - 1))], v, inf});
        n.edges.push_back({v, n.sink, coarse ? 50LL * uni(0, 10) : (long long)uni(0, 500)});
    }
    return n;
}

/// Arbitrary network: random edges between random vertices (cycles, parallel edges, edges into
/// the source or out of the sink).
Net arbitrary(std::mt19937_64 &rng)
{
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    Net n;
    n.vertices = uni(2, 12);
    n.source = 0;
    n.sink = n.vertices - 1;
    const bool acyclic = uni(0, 1) == 1;
    for (int k = uni(1, 40); k > 0; --k) {
        int a = uni(0, n.vertices - 1), b = uni(0, n.vertices - 1);
        if (a == b)
            continue;
        if (acyclic && a > b)
            std::swap(a, b);
        n.edges.push_back({a, b, (long long)uni(0, 20)});
    }
    return n;
}

} // namespace

class TestPowerChainMaxFlow : public QObject
{
    Q_OBJECT
private slots:
    void handComputed()
    {
        // Two transformers T1, T2 (10 kW each) feed PDU P1 (6 kW; from T1) and PDU P2 (8 kW; from
        // T1 and T2); one load group on each PDU (demand 100). Vertices: source 0, T1 1->2,
        // T2 3->4, P1 5->6, P2 7->8, groups 9 and 10, sink 11.
        Net n;
        n.vertices = 12;
        n.sink = 11;
        const long long inf = 1000;
        n.edges = {{0, 1, inf}, {0, 3, inf}, {1, 2, 10}, {3, 4, 10}, {2, 5, inf}, {2, 7, inf}, {4, 7, inf},
                   {5, 6, 6},   {7, 8, 8},   {6, 9, inf}, {8, 10, inf}, {9, 11, 100}, {10, 11, 100}};
        WarmMaxFlow f = solver(n);
        // Normal operation: the PDUs are the cut, 6 + 8 = 14 (the transformers could give 20).
        QCOMPARE(f.solve(), 14LL);
        VERIFY_FEASIBLE(n, f, "");
        // T2 fails (edge 3): T1 alone, 10 (P2's share must move onto T1).
        f.removeEdge(3);
        QCOMPARE(f.solve(14), 10LL);
        VERIFY_FEASIBLE(n, f, "");
        f.restore();
        QCOMPARE(f.value(), 14LL);
        QCOMPARE(f.capacity(3), 10LL);
        // T1 fails (edge 2): P1 dark, T2 -> P2 carries 8.
        f.removeEdge(2);
        QCOMPARE(f.solve(14), 8LL);
        f.restore();
        // P1 fails (edge 7): P2 alone, 8.
        f.removeEdge(7);
        QCOMPARE(f.solve(14), 8LL);
        f.restore();
        // T1 and T2 fail together (a UPS system): nothing.
        f.removeEdge(2);
        f.removeEdge(3);
        QCOMPARE(f.solve(14), 0LL);
        f.restore();
        QCOMPARE(f.value(), 14LL);
        VERIFY_FEASIBLE(n, f, "");
    }

    void singleFailures()
    {
        // s -> a (2), s -> b (1); a -> x (1), a -> y (1), b -> y (1); x -> t (1), y -> t (1).
        // Max 2: the cut {x -> t, y -> t}. Without a -> x, x -> t or y -> t one of those two is
        // gone: 1; without s -> a only s-b-y-t is left: 1; without s -> b or b -> y, a still
        // sends 1 through x and 1 through y: 2.
        Net n;
        n.vertices = 6; // s 0, a 1, b 2, x 3, y 4, t 5
        n.sink = 5;
        n.edges = {{0, 1, 2}, {0, 2, 1}, {1, 3, 1}, {1, 4, 1}, {2, 4, 1}, {3, 5, 1}, {4, 5, 1}};
        WarmMaxFlow f = solver(n);
        QCOMPARE(f.solve(), 2LL);
        for (const auto &[edge, expected] : std::vector<std::pair<int, long long>>{{2, 1}, {5, 1}, {6, 1}, {0, 1}, {1, 2}, {4, 2}}) {
            f.removeEdge(edge);
            QCOMPARE(f.solve(2), expected);
            VERIFY_FEASIBLE(n, f, "");
            f.restore();
        }
    }

    void reroutesThroughABackwardArc()
    {
        // s -> a (1), s -> b (1); a -> y (1), a -> x (1), b -> y (1), b -> z (1); x, y, z -> t
        // (1 each). The solver's first paths (arcs in order) are s-a-y-t and s-b-z-t: 2. When
        // z -> t fails, b's unit is cancelled and can only come back as s-b-y, back along
        // a -> y, a-x-t (a path with a backward arc): still 2 (the cut {s -> a, s -> b}).
        Net n;
        n.vertices = 7; // s 0, a 1, b 2, x 3, y 4, z 5, t 6
        n.sink = 6;
        n.edges = {{0, 1, 1}, {0, 2, 1}, {1, 4, 1}, {1, 3, 1}, {2, 4, 1}, {2, 5, 1}, {3, 6, 1}, {4, 6, 1}, {5, 6, 1}};
        WarmMaxFlow f = solver(n);
        QCOMPARE(f.solve(), 2LL);
        QCOMPARE(f.flow(2), 1LL); // a -> y carries a's unit: the case below needs the backward arc
        QCOMPARE(f.flow(5), 1LL); // b -> z
        f.removeEdge(8);          // z -> t
        QCOMPARE(f.value(), 1LL);
        QCOMPARE(f.solve(2), 2LL);
        QCOMPARE(f.flow(2), 0LL); // a's unit left y for x
        QCOMPARE(f.flow(3), 1LL);
        QCOMPARE(f.flow(4), 1LL); // b -> y
        VERIFY_FEASIBLE(n, f, "");
        f.restore();
        QCOMPARE(f.flow(2), 1LL);
        QCOMPARE(f.flow(4), 0LL);
    }

    void randomAgainstPushRelabel_data()
    {
        QTest::addColumn<bool>("chainShaped");
        QTest::addColumn<int>("count");
        QTest::newRow("layered like power chains") << true << 1500;
        QTest::newRow("arbitrary, with cycles") << false << 1500;
    }
    void randomAgainstPushRelabel()
    {
        QFETCH(bool, chainShaped);
        QFETCH(int, count);
        std::mt19937_64 rng(chainShaped ? 11 : 12);
        long variants = 0, unchanged = 0, rerouted = 0, reduced = 0, cyclic = 0;
        for (int t = 0; t < count; ++t) {
            const Net n = chainShaped ? chainLike(rng) : arbitrary(rng);
            if (n.edges.empty())
                continue;
            WarmMaxFlow f = solver(n);
            const long long base = f.solve();
            QCOMPARE(base, boostMaxFlow(n, {}));
            VERIFY_FEASIBLE(n, f, "");
            cyclic += f.isAcyclic() ? 0 : 1;
            std::vector<long long> solved;
            for (std::size_t k = 0; k < n.edges.size(); ++k)
                solved.push_back(f.flow(int(k)));
            // Every single edge, then random sets of up to 4 edges.
            std::vector<std::vector<int>> sets;
            for (std::size_t k = 0; k < n.edges.size(); ++k)
                sets.push_back({int(k)});
            for (int s = 0; s < 10; ++s) {
                std::vector<int> set;
                for (int k = std::uniform_int_distribution<int>(2, 4)(rng); k > 0; --k)
                    set.push_back(std::uniform_int_distribution<int>(0, int(n.edges.size()) - 1)(rng));
                sets.push_back(set);
            }
            for (const std::vector<int> &set : sets) {
                for (int e : set)
                    f.removeEdge(e);
                const long long left = f.value();
                VERIFY_FEASIBLE(n, f, "after cancelling: ");
                // Half the variants with the bound, half without: both must give the maximum.
                const long long w = variants % 2 ? f.solve(base) : f.solve();
                const long long reference = boostMaxFlow(n, set);
                if (w != reference)
                    QFAIL(qPrintable(QStringLiteral("network %1: %2 vs %3").arg(t).arg(w).arg(reference)));
                VERIFY_FEASIBLE(n, f, "");
                for (int e : set)
                    QCOMPARE(f.flow(e), 0LL);
                f.restore();
                QCOMPARE(f.value(), base);
                for (std::size_t k = 0; k < n.edges.size(); ++k) {
                    QCOMPARE(f.flow(int(k)), solved[k]);
                    QCOMPARE(f.capacity(int(k)), n.edges[k].cap);
                }
                ++variants;
                if (left == base)
                    ++unchanged;
                else if (w == base)
                    ++rerouted;
                else
                    ++reduced;
            }
        }
        qInfo("%ld variants: %ld carried no flow, %ld re-routed in full, %ld reduced; %ld cyclic networks", variants, unchanged, rerouted,
              reduced, cyclic);
        for (long k : {unchanged, rerouted, reduced})
            QVERIFY(k > variants / 50);
        QCOMPARE(cyclic > 0, !chainShaped);
    }
};

QTEST_GUILESS_MAIN(TestPowerChainMaxFlow)
#include "tst_powerchain_maxflow.moc"
