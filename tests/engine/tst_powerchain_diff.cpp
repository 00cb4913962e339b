// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Differential test of the N-1 analysis (docs/facility-model.md §2): the incremental evaluation
// (the default) against the exhaustive reference (full recomputation + one max-flow per failure)
// on random power chains: A/B feeds, paralleled UPS groups, several sites, drawn fed_from edges
// (chains of distribution units, cycles, racks wired to any unit), zero ratings, curves. The two
// must agree exactly (same lists in the same order, bit-identical numbers). memoEqualsFresh: the
// feed assignment replayed from the last call (PowerChainMemo) against a call without it, after
// random edits of every kind.
#include "model/engine/powerchain.h"
#include "tests/engine/powerchaincampus.h"

#include <QTest>

#include <array>
#include <random>
#include <sstream>

using namespace th::engine;

namespace {

const char *kCurves[] = {"0.25:0.955;0.5:0.968;0.75:0.971;1:0.969", "0.25:0.9957;0.5:0.9949;0.75:0.9933;1:0.9915",
                         "0.25:0.975;0.5:0.982;0.75:0.981;1:0.98"};

/// A designed 2N chain as the samples build it (generate_samples.py power_2n), at random scale:
/// per side a transformer, 1-4 paralleled UPS (group A / B, fed_from the transformer) and PDUs
/// (fed_from the side's UPS), dual-corded racks fed automatically; each side sized for
/// `provision` x the IT load, so that small factors fail N-1 and large ones reach 2N.
PowerChainInput structuredChain(std::mt19937_64 &rng, bool large)
{
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p; };
    PowerChainInput in;
    in.deratingFraction = chance(0.5) ? 0.8 : 1.0;
    in.target = RedundancyMode::TwoN;
    const int nL = uni(2, large ? 400 : 40), nUps = uni(1, 4), nPdu = uni(1, large ? 20 : 6);
    const double provision = std::uniform_real_distribution<double>(0.6, 2.5)(rng) / in.deratingFraction;
    std::uint64_t id = 100000;
    double totalKw = 0.0;
    for (int i = 0; i < nL; ++i) {
        PowerLoad l;
        l.id = id++;
        l.itKw = chance(0.5) ? 10.0 * uni(1, 12) : std::uniform_real_distribution<double>(5.0, 120.0)(rng);
        l.dualCorded = chance(0.95);
        l.xMm = uni(0, 40) * 600.0;
        l.yMm = uni(0, 10) * 2400.0;
        in.loads.push_back(l);
        totalKw += l.itKw;
    }
    id = 1;
    for (const char *side : {"A", "B"}) {
        PowerUnit t;
        t.id = id++;
        t.kind = PowerUnitKind::Transformer;
        t.capacityKw = std::ceil(totalKw * provision * 1.1);
        t.efficiency.points = *parseEfficiencyCurve(kCurves[1]);
        t.group = side;
        in.units.push_back(t);
        std::vector<std::uint64_t> ups;
        for (int u = 0; u < nUps; ++u) {
            PowerUnit p;
            p.id = id++;
            p.kind = PowerUnitKind::Ups;
            // N+1 within the side in half the designs: one UPS may fail without the side's help.
            p.capacityKw = std::ceil(totalKw * provision * 1.05 / std::max(1, nUps - (chance(0.5) ? 1 : 0)));
            p.efficiency.points = *parseEfficiencyCurve(kCurves[0]);
            p.group = side;
            p.xMm = u * 2600.0;
            p.yMm = side[0] == 'A' ? 30000.0 : 32000.0;
            in.units.push_back(p);
            in.explicitEdges.push_back({t.id, p.id});
            ups.push_back(p.id);
        }
        for (int k = 0; k < nPdu; ++k) {
            PowerUnit d;
            d.id = id++;
            d.kind = PowerUnitKind::Distribution;
            d.capacityKw = std::ceil(totalKw * provision * 1.02 / nPdu);
            d.efficiency.points = *parseEfficiencyCurve(kCurves[2]);
            d.group = side;
            d.xMm = k * 24000.0 / nPdu;
            d.yMm = side[0] == 'A' ? 26000.0 : 28000.0;
            in.units.push_back(d);
            for (std::uint64_t u : ups)
                in.explicitEdges.push_back({u, d.id});
        }
    }
    return in;
}

/// A random chain. `round` draws ratings and loads from coarse grids so that units sit exactly
/// on their derated rating after a failure (the comparisons at the boundary must agree too).
/// A random chain. `round` draws ratings and loads from coarse grids so that units sit exactly
/// on their derated rating after a failure (the comparisons at the boundary must agree too).
PowerChainInput randomChain(std::mt19937_64 &rng, bool large)
{
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p; };
    const bool round = chance(0.5);
    auto kw = [&](int lo, int hi, int grid) { return round ? double(uni(lo / grid, hi / grid) * grid) : std::uniform_real_distribution<double>(lo, hi)(rng); };
    PowerChainInput in;
    const double deratings[] = {0.8, 1.0, 0.5, 0.0};
    in.deratingFraction = deratings[uni(0, 3)];
    in.target = RedundancyMode(uni(1, 3));
    const int sites = uni(1, 2);
    const int nT = uni(0, large ? 8 : 4), nU = uni(0, large ? 16 : 8), nD = uni(0, large ? 40 : 12), nL = uni(1, large ? 400 : 40);
    std::uint64_t id = 100000;
    double totalKw = 0.0;
    for (int i = 0; i < nL; ++i) {
        PowerLoad l;
        l.id = id++;
        l.itKw = chance(0.02) ? 0.0 : kw(1, 150, 10);
        l.dualCorded = chance(0.8);
        l.xMm = uni(0, 40) * 1000.0;
        l.yMm = uni(0, 20) * 1000.0;
        l.site = uni(0, sites - 1);
        in.loads.push_back(l);
        totalKw += l.itKw;
    }
    // Ratings sized to the load with a random provisioning factor: from short (every failure
    // overloads something) to generous (N-1 holds; the certificate decides the shortfall).
    const double provision = std::uniform_real_distribution<double>(0.5, 4.0)(rng);
    auto rating = [&](int count, int grid) {
        const double mean = std::max(1.0, totalKw * provision / std::max(1, count));
        return kw(std::max(grid, int(mean * 0.5)), std::max(2 * grid, int(mean * 1.5)), grid);
    };
    const char *upsGroups[] = {"", "A", "B", "C"};
    const char *distGroups[] = {"", "A", "B", "C", "X"};
    id = 1;
    auto addUnit = [&](PowerUnitKind kind, double capKw, const std::string &group) {
        PowerUnit u;
        u.id = id++;
        u.kind = kind;
        u.capacityKw = chance(0.03) ? 0.0 : capKw;
        const int e = uni(0, 3);
        if (e < 3)
            u.efficiency.points = *parseEfficiencyCurve(kCurves[e]);
        else
            u.efficiency.ratedEfficiency = chance(0.5) ? 1.0 : 0.97;
        u.xMm = uni(0, 40) * 1000.0;
        u.yMm = uni(0, 20) * 1000.0;
        u.site = uni(0, sites - 1);
        u.group = group;
        u.batteryMinutes = uni(0, 10);
        in.units.push_back(u);
    };
    for (int i = 0; i < nT; ++i)
        addUnit(PowerUnitKind::Transformer, rating(nT, 100), "");
    for (int i = 0; i < nU; ++i)
        addUnit(PowerUnitKind::Ups, rating(nU, 50), upsGroups[uni(0, 3)]);
    for (int i = 0; i < nD; ++i)
        addUnit(PowerUnitKind::Distribution, rating(nD / 2, 10), distGroups[uni(0, 4)]);
    // Drawn connections (fed_from): UPS from transformers, distribution from anything (chains of
    // PDUs, sometimes cycles the chain has to cut), racks from any unit (1-3 feeds).
    auto anyUnit = [&]() { return in.units[std::size_t(uni(0, int(in.units.size()) - 1))].id; };
    if (!in.units.empty()) {
        for (int i = nT; i < nT + nU; ++i) {
            if (nT > 0 && chance(0.5))
                for (int k = uni(1, 2); k > 0; --k)
                    in.explicitEdges.push_back({in.units[std::size_t(uni(0, nT - 1))].id, in.units[std::size_t(i)].id});
            else if (chance(0.05))
                in.explicitEdges.push_back({anyUnit(), in.units[std::size_t(i)].id});
        }
        for (int i = nT + nU; i < nT + nU + nD; ++i)
            if (chance(0.4))
                for (int k = uni(1, 3); k > 0; --k)
                    in.explicitEdges.push_back({anyUnit(), in.units[std::size_t(i)].id});
        for (const PowerLoad &l : in.loads)
            if (chance(0.3))
                for (int k = uni(1, 3); k > 0; --k)
                    in.explicitEdges.push_back({anyUnit(), l.id});
    }
    return in;
}

template<typename T>
void put(std::ostringstream &s, const char *what, const std::vector<T> &a, const std::vector<T> &b)
{
    if (a == b)
        return;
    s << what << ": incremental {";
    for (const T &x : a)
        s << x << ' ';
    s << "} reference {";
    for (const T &x : b)
        s << x << ' ';
    s << "}; ";
}

/// Every field of the two results, exactly; empty when they agree.
std::string difference(const PowerChainResult &a, const PowerChainResult &b)
{
    std::ostringstream s;
    auto num = [&](const char *what, double x, double y) {
        if (!(x == y))
            s << what << ": " << x << " vs " << y << "; ";
    };
    num("deliverableKw", a.deliverableKw, b.deliverableKw);
    num("shortfallKw", a.shortfallKw, b.shortfallKw);
    num("upsLossKw", a.upsLossKw, b.upsLossKw);
    if (a.achieved != b.achieved || a.nMinus1Ok != b.nMinus1Ok || a.meetsTarget != b.meetsTarget || a.allDualFeedsRedundant != b.allDualFeedsRedundant)
        s << "redundancy verdict differs; ";
    if (a.units.size() != b.units.size() || a.loads.size() != b.loads.size())
        s << "sizes differ; ";
    for (std::size_t i = 0; i < a.units.size() && i < b.units.size(); ++i)
        num("unit outputKw", a.units[i].outputKw, b.units[i].outputKw);
    for (std::size_t i = 0; i < a.loads.size() && i < b.loads.size(); ++i)
        put(s, "feeds", a.loads[i].feeds, b.loads[i].feeds);
    auto cases = [&](const char *what, const std::vector<FailureResult> &x, const std::vector<FailureResult> &y) {
        if (x.size() != y.size()) {
            s << what << " count differs; ";
            return;
        }
        for (std::size_t k = 0; k < x.size(); ++k) {
            const FailureResult &f = x[k], &g = y[k];
            std::ostringstream c;
            std::swap(s, c);
            put(s, "failed", f.failedIds, g.failedIds);
            put(s, "losing power", f.loadsLosingPower.ids(), g.loadsLosingPower.ids());
            put(s, "losing redundancy", f.loadsLosingRedundancy.ids(), g.loadsLosingRedundancy.ids());
            put(s, "at risk", f.loadsAtRisk.ids(), g.loadsAtRisk.ids());
            put(s, "overloaded", f.overloadedUnits, g.overloadedUnits);
            num("shortfallKw", f.shortfallKw, g.shortfallKw);
            if (f.ok != g.ok || f.kind != g.kind)
                s << "ok/kind differ; ";
            std::swap(s, c);
            if (!c.str().empty())
                s << what << " case " << k << ": " << c.str();
        }
    };
    cases("N-1", a.nMinus1, b.nMinus1);
    cases("UPS system", a.systemFailures, b.systemFailures);
    return s.str();
}

} // namespace

class TestPowerChainDiff : public QObject
{
    Q_OBJECT
private slots:
    void incrementalEqualsExhaustive_data()
    {
        QTest::addColumn<bool>("large");
        QTest::addColumn<int>("count");
        QTest::newRow("small chains (<= 24 units, <= 40 racks)") << false << 2000;
        QTest::newRow("larger chains (<= 64 units, <= 400 racks)") << true << 150;
    }
    void incrementalEqualsExhaustive()
    {
        QFETCH(bool, large);
        QFETCH(int, count);
        std::mt19937_64 rng(large ? 20261123 : 5);
        // What the random cases exercised: each kind of outcome must occur, or the comparison
        // proves little.
        long cases = 0, okCases = 0, losingPower = 0, losingRedundancy = 0, atRisk = 0, overloaded = 0, shortfall = 0;
        long maxFlowsIncremental = 0, maxFlowsExhaustive = 0;
        // The incremental method's failure max-flows start from the normal-operation max-flow
        // (WarmMaxFlow); each of its three ends must occur, each compared with a push-relabel
        // solved from scratch by the reference.
        long warmUnchanged = 0, warmRerouted = 0, warmReduced = 0;
        // The incremental lists that hold every load are the shared compact form (LoadIdList);
        // the exhaustive reference always lists the ids. difference() compared their ids; here
        // the compact form must be what it claims, and be used.
        long compactLists = 0, everyLoadLists = 0;
        for (int t = 0; t < count; ++t) {
            PowerChainInput in = t % 2 ? structuredChain(rng, large) : randomChain(rng, large);
            in.nMinus1Method = NMinus1Method::Exhaustive;
            const PowerChainResult ref = analysePowerChain(in);
            in.nMinus1Method = NMinus1Method::Incremental;
            const PowerChainResult inc = analysePowerChain(in);
            const std::string diff = difference(inc, ref);
            QVERIFY2(diff.empty(), qPrintable(QStringLiteral("topology %1: %2").arg(t).arg(QString::fromStdString(diff))));
            maxFlowsIncremental += inc.maxFlowRuns;
            maxFlowsExhaustive += ref.maxFlowRuns;
            warmUnchanged += inc.warmFlowsUnchanged;
            warmRerouted += inc.warmFlowsRerouted;
            warmReduced += inc.warmFlowsReduced;
            QCOMPARE(ref.warmFlowsUnchanged + ref.warmFlowsRerouted + ref.warmFlowsReduced, 0);
            std::vector<std::uint64_t> allIds;
            for (const PowerLoad &l : in.loads)
                allIds.push_back(l.id);
            for (const auto *list : {&inc.nMinus1, &inc.systemFailures}) {
                for (const FailureResult &f : *list) {
                    for (const LoadIdList *l : {&f.loadsLosingPower, &f.loadsLosingRedundancy, &f.loadsAtRisk}) {
                        everyLoadLists += l->ids() == allIds ? 1 : 0;
                        if (l->isEveryLoad()) {
                            ++compactLists;
                            QCOMPARE(l->ids(), allIds);
                        }
                    }
                }
            }
            for (const auto *list : {&ref.nMinus1, &ref.systemFailures}) {
                for (const FailureResult &f : *list) {
                    ++cases;
                    okCases += f.ok ? 1 : 0;
                    losingPower += f.loadsLosingPower.empty() ? 0 : 1;
                    losingRedundancy += f.loadsLosingRedundancy.empty() ? 0 : 1;
                    atRisk += f.loadsAtRisk.empty() ? 0 : 1;
                    overloaded += f.overloadedUnits.empty() ? 0 : 1;
                    shortfall += f.shortfallKw > 0.0 ? 1 : 0;
                }
            }
        }
        qInfo("%d topologies, %ld failure cases: %ld ok, %ld lose power, %ld lose redundancy, %ld at risk, %ld overload, %ld short; "
              "max-flows %ld incremental vs %ld exhaustive; warm-started failure max-flows: %ld unchanged, %ld re-routed, %ld reduced; "
              "%ld lists of every load, %ld of them shared",
              count, cases, okCases, losingPower, losingRedundancy, atRisk, overloaded, shortfall, maxFlowsIncremental, maxFlowsExhaustive,
              warmUnchanged, warmRerouted, warmReduced, everyLoadLists, compactLists);
        QVERIFY(cases > 10 * count);
        for (long n : {okCases, losingPower, losingRedundancy, atRisk, overloaded, shortfall})
            QVERIFY(n > cases / 50);
        // Both ways to the shortfall were taken often: certified by the proportional flow, and solved.
        QVERIFY(maxFlowsIncremental > cases / 10);
        QVERIFY(maxFlowsExhaustive - maxFlowsIncremental > cases / 10);
        for (long n : {warmUnchanged, warmRerouted, warmReduced})
            QVERIFY(n > cases / 200);
        // Lists of every load are common in these chains (an overloaded transformer upstream of
        // all racks), and most of them take the shared form.
        QVERIFY(everyLoadLists > cases / 50);
        QVERIFY(compactLists > everyLoadLists / 2);
    }

    /// The benchmark campus (bench_facility) at one and two halls, as designed (2N: every case
    /// certified, no max-flow) and with racks drawing 1.6 x and 4 x as much (units over their
    /// ratings: failure max-flows warm-started from normal operation, re-routed or reduced).
    void campusEqualsExhaustive_data()
    {
        QTest::addColumn<int>("halls");
        QTest::addColumn<double>("loadFactor");
        for (int halls : {1, 2})
            for (double f : {1.0, 1.6, 4.0})
                QTest::addRow("%d hall(s), racks at %.1f x", halls, f) << halls << f;
    }
    void campusEqualsExhaustive()
    {
        QFETCH(int, halls);
        QFETCH(double, loadFactor);
        PowerChainInput in = th::engine::testing::campus(halls);
        for (PowerLoad &l : in.loads)
            l.itKw *= loadFactor;
        in.nMinus1Method = NMinus1Method::Exhaustive;
        const PowerChainResult ref = analysePowerChain(in);
        in.nMinus1Method = NMinus1Method::Incremental;
        const PowerChainResult inc = analysePowerChain(in);
        const std::string diff = difference(inc, ref);
        QVERIFY2(diff.empty(), diff.c_str());
        qInfo("%zu cases, deliverable %.3f kW of %.0f, max-flows %d incremental (%d unchanged, %d re-routed, %d reduced) vs %d exhaustive",
              ref.nMinus1.size() + ref.systemFailures.size(), ref.deliverableKw, ref.itKw, inc.maxFlowRuns, inc.warmFlowsUnchanged,
              inc.warmFlowsRerouted, inc.warmFlowsReduced, ref.maxFlowRuns);
        if (loadFactor == 1.0) {
            QCOMPARE(ref.achieved, RedundancyMode::TwoN);
            QCOMPARE(inc.maxFlowRuns, 0);
        } else if (loadFactor < 2.0) {
            // 48 kW racks: a busway carries half of its row, 480 kW of its 842 kW derated, and
            // 960 kW when the other side fails: N, and the cases that overload a unit need a
            // max-flow.
            QCOMPARE(ref.achieved, RedundancyMode::N);
            QVERIFY(inc.maxFlowRuns > 0 && inc.maxFlowRuns < ref.maxFlowRuns);
        } else {
            QCOMPARE(ref.achieved, RedundancyMode::None);
            QCOMPARE(inc.maxFlowRuns, ref.maxFlowRuns); // every case needs a max-flow
        }
    }

    /// A memo kept across random edits (the editor's drag steps and more: moves back and forth,
    /// loads added, deleted, resized, re-corded, explicitly wired; units moved, re-rated, added and
    /// deleted; the derating changed) gives exactly the result of a call without it.
    void memoEqualsFresh_data()
    {
        QTest::addColumn<bool>("large");
        QTest::addColumn<int>("count");
        QTest::newRow("small chains, 20 edits each") << false << 400;
        QTest::newRow("larger chains, 20 edits each") << true << 40;
    }
    void memoEqualsFresh()
    {
        QFETCH(bool, large);
        QFETCH(int, count);
        std::mt19937_64 rng(large ? 77 : 11);
        auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
        long replayed = 0, searched = 0, editsWithReplay = 0;
        std::array<long, 12> editsOfKind{};
        for (int t = 0; t < count; ++t) {
            PowerChainInput in = t % 2 ? structuredChain(rng, large) : randomChain(rng, large);
            PowerChainMemo memo;
            std::uint64_t nextId = 900000;
            for (int edit = 0; edit <= 20; ++edit) {
                if (edit > 0) {
                    const int kind = uni(0, 11);
                    ++editsOfKind[std::size_t(kind)];
                    auto anyLoad = [&]() -> PowerLoad & { return in.loads[std::size_t(uni(0, int(in.loads.size()) - 1))]; };
                    if (in.loads.empty() && kind != 4) {
                        PowerLoad l;
                        l.id = nextId++;
                        l.itKw = 10.0;
                        in.loads.push_back(l);
                    } else if (kind <= 2) { // a drag step: by a rack pitch, often back
                        PowerLoad &l = anyLoad();
                        l.yMm += uni(-1, 1) * 1200.0;
                        l.xMm += uni(-1, 1) * 600.0;
                    } else if (kind == 3) {
                        anyLoad().itKw = double(uni(0, 150));
                    } else if (kind == 4) { // a rack added at any place of the list
                        PowerLoad l;
                        l.id = nextId++;
                        l.itKw = double(uni(1, 120));
                        l.dualCorded = uni(0, 4) > 0;
                        l.xMm = uni(0, 40) * 1000.0;
                        l.yMm = uni(0, 20) * 1000.0;
                        in.loads.insert(in.loads.begin() + uni(0, int(in.loads.size())), l);
                    } else if (kind == 5) {
                        in.loads.erase(in.loads.begin() + uni(0, int(in.loads.size()) - 1));
                    } else if (kind == 6) {
                        PowerLoad &l = anyLoad();
                        l.dualCorded = !l.dualCorded;
                    } else if (kind == 7 && !in.units.empty()) { // a rack wired by hand (fed_from)
                        in.explicitEdges.push_back({in.units[std::size_t(uni(0, int(in.units.size()) - 1))].id, anyLoad().id});
                    } else if (kind == 8 && !in.units.empty()) {
                        PowerUnit &u = in.units[std::size_t(uni(0, int(in.units.size()) - 1))];
                        u.xMm += uni(-2, 2) * 1000.0;
                    } else if (kind == 9 && !in.units.empty()) {
                        PowerUnit &u = in.units[std::size_t(uni(0, int(in.units.size()) - 1))];
                        u.capacityKw = std::max(0.0, u.capacityKw * (0.5 + 0.25 * uni(0, 4)));
                    } else if (kind == 10 && !in.units.empty()) { // a unit deleted or duplicated
                        const std::size_t k = std::size_t(uni(0, int(in.units.size()) - 1));
                        if (uni(0, 1)) {
                            in.units.erase(in.units.begin() + std::ptrdiff_t(k));
                        } else {
                            PowerUnit u = in.units[k];
                            u.id = nextId++;
                            in.units.push_back(u);
                        }
                    } else {
                        in.deratingFraction = in.deratingFraction == 0.8 ? 1.0 : 0.8;
                    }
                }
                const PowerChainResult withMemo = analysePowerChain(in, &memo);
                const PowerChainResult fresh = analysePowerChain(in);
                const std::string diff = difference(withMemo, fresh);
                QVERIFY2(diff.empty(), qPrintable(QStringLiteral("topology %1, edit %2: %3").arg(t).arg(edit).arg(QString::fromStdString(diff))));
                for (std::size_t i = 0; i < fresh.units.size(); ++i)
                    QVERIFY(withMemo.units[i].parents == fresh.units[i].parents);
                replayed += memo.replayedPicks();
                searched += memo.searchedPicks();
                editsWithReplay += edit > 0 && memo.replayedPicks() > 0 ? 1 : 0;
            }
        }
        qInfo("%d chains: %ld picks replayed, %ld searched; %ld of %d edits replayed picks", count, replayed, searched, editsWithReplay, count * 20);
        // The memo must actually be used, and not only for nothing-changed calls.
        QVERIFY(replayed > searched);
        QVERIFY(editsWithReplay > count * 10);
        for (long n : editsOfKind)
            QVERIFY(n > count);
    }
};

QTEST_GUILESS_MAIN(TestPowerChainDiff)
#include "tst_powerchain_diff.moc"
