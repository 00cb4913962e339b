// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/powerchain.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

#include <algorithm>

using namespace th::engine;

namespace {

PowerUnit unit(std::uint64_t id, PowerUnitKind kind, double capKw, double x, std::string group = {})
{
    PowerUnit u;
    u.id = id;
    u.kind = kind;
    u.capacityKw = capKw;
    u.xMm = x;
    u.group = std::move(group);
    return u;
}

PowerLoad rack(std::uint64_t id, double kw, double x, bool dual = true)
{
    PowerLoad l;
    l.id = id;
    l.itKw = kw;
    l.xMm = x;
    l.dualCorded = dual;
    return l;
}

const PowerUnitResult &unitResult(const PowerChainResult &r, std::uint64_t id)
{
    return *std::find_if(r.units.begin(), r.units.end(), [&](const PowerUnitResult &u) { return u.id == id; });
}

const FailureResult &failureOf(const PowerChainResult &r, std::uint64_t id)
{
    return *std::find_if(r.nMinus1.begin(), r.nMinus1.end(), [&](const FailureResult &f) { return f.failedIds == std::vector<std::uint64_t>{id}; });
}

bool contains(const std::vector<std::uint64_t> &v, std::uint64_t id)
{
    return std::find(v.begin(), v.end(), id) != v.end();
}

/// One transformer (T1 at x = 0), UPS A (x = 0) and UPS B (x = 10 m) of 500 kW, three
/// dual-corded racks near A, no PDUs: racks hang on the UPS systems directly.
PowerChainInput twoUpsHall(double rackKw)
{
    PowerChainInput in;
    in.units = {unit(1, PowerUnitKind::Transformer, 2000, 0), unit(10, PowerUnitKind::Ups, 500, 0, "A"),
                unit(11, PowerUnitKind::Ups, 500, 10000, "B")};
    in.loads = {rack(100, rackKw, 1000), rack(101, rackKw, 2000), rack(102, rackKw, 3000)};
    return in;
}

const char *kExlCurve = "0.25:0.955;0.5:0.968;0.75:0.971;1:0.969"; // catalog ups-vertiv-exl-s1-1200

} // namespace

/// Power chain: efficiency curves, max-flow capacity, N-1 and redundancy, hand-computed.
class TestPowerChain : public QObject
{
    Q_OBJECT
private slots:
    void upsLosses_data()
    {
        QTest::addColumn<double>("outputKw");
        QTest::addColumn<double>("expectedLossKw");
        // Vertiv EXL S1 1200 kW: loss = P_out x (1/eta - 1)
        // 50 %: 600 x (1/0.968 - 1) = 19.835 kW
        QTest::newRow("50%") << 600.0 << 600.0 * (1.0 / 0.968 - 1.0);
        // 100 %: 1200 x (1/0.969 - 1) = 38.390 kW
        QTest::newRow("100%") << 1200.0 << 1200.0 * (1.0 / 0.969 - 1.0);
        // 60 %: eta = 0.968 + (0.971 - 0.968) x (0.60 - 0.50) / 0.25 = 0.9692; 720 x (1/0.9692 - 1) = 22.885 kW
        QTest::newRow("60%") << 720.0 << 720.0 * (1.0 / 0.9692 - 1.0);
        // 25 %: 300 x (1/0.955 - 1) = 14.136 kW
        QTest::newRow("25%") << 300.0 << 300.0 * (1.0 / 0.955 - 1.0);
        // 10 %: below the curve the loss stays at its 25 % value (no-load losses): 14.136 kW
        QTest::newRow("10%") << 120.0 << 300.0 * (1.0 / 0.955 - 1.0);
        // 110 %: the last point's efficiency: 1320 x (1/0.969 - 1) = 42.229 kW
        QTest::newRow("110%") << 1320.0 << 1320.0 * (1.0 / 0.969 - 1.0);
    }
    void upsLosses()
    {
        QFETCH(double, outputKw);
        QFETCH(double, expectedLossKw);
        EfficiencyCurve c;
        c.points = *parseEfficiencyCurve(kExlCurve);
        TH_FUZZY_COMPARE(c.lossKw(outputKw, 1200.0), expectedLossKw, 1e-12);
    }

    void parseCurve()
    {
        const auto pts = parseEfficiencyCurve("1:0.969; 0.25:0.955 ;0.5:0.968");
        QVERIFY(pts);
        QCOMPARE(pts->size(), std::size_t(3));
        QCOMPARE(pts->front().first, 0.25); // sorted
        QVERIFY(!parseEfficiencyCurve(""));
        QVERIFY(!parseEfficiencyCurve("0.5"));
        QVERIFY(!parseEfficiencyCurve("0.5:1.2"));
        QVERIFY(!parseEfficiencyCurve("0.5:0.9;0.5:0.95"));
        QVERIFY(!parseEfficiencyCurve("a:b"));
        EfficiencyCurve flat;
        flat.ratedEfficiency = 0.98;
        TH_FUZZY_COMPARE(flat.lossKw(100.0, 300.0), 100.0 * (1.0 / 0.98 - 1.0), 1e-12);
        QCOMPARE(flat.lossKw(0.0, 300.0), 0.0);
    }

    void maxFlowShortfall()
    {
        // 3 racks x 300 kW = 900 kW, dual-corded across UPS A and B (500 kW each, 80 % -> 400).
        // Max-flow = min(900, 400 + 400) = 800 kW; shortfall 100 kW. Each UPS carries
        // 3 x 150 = 450 kW > 400 kW derated -> over, redundancy "none".
        const PowerChainResult r = analysePowerChain(twoUpsHall(300));
        TH_FUZZY_COMPARE(r.itKw, 900.0, 1e-12);
        TH_FUZZY_COMPARE(r.deliverableKw, 800.0, 1e-9);
        TH_FUZZY_COMPARE(r.shortfallKw, 100.0, 1e-9);
        TH_FUZZY_COMPARE(unitResult(r, 10).outputKw, 450.0, 1e-12);
        TH_FUZZY_COMPARE(unitResult(r, 10).utilisation, 0.9, 1e-12);
        QVERIFY(unitResult(r, 10).overDerated);
        QCOMPARE(r.achieved, RedundancyMode::None);
        QVERIFY(!r.meetsTarget);
        // A and B on different UPS systems for every rack.
        for (const LoadFeeds &lf : r.loads) {
            QCOMPARE(lf.feeds, (std::vector<std::uint64_t>{10, 11}));
            QVERIFY(lf.redundant);
        }
        // Transformer: carries both UPS outputs (lossless here): 900 kW of 2000.
        TH_FUZZY_COMPARE(unitResult(r, 1).outputKw, 900.0, 1e-12);
    }

    void nMinus1Ups()
    {
        // 3 x 200 kW = 600 kW: fits (each UPS 300 <= 400), but with UPS A failed UPS B takes
        // 600 > 400 kW: all three racks at risk, max-flow 400 -> shortfall 200 kW. Redundancy N.
        const PowerChainResult r = analysePowerChain(twoUpsHall(200));
        TH_FUZZY_COMPARE(r.shortfallKw + 1.0, 1.0, 1e-12);
        const FailureResult &f = failureOf(r, 10);
        QVERIFY(!f.ok);
        QVERIFY(f.loadsLosingPower.empty());
        QCOMPARE(f.loadsAtRisk.size(), std::size_t(3));
        QCOMPARE(f.overloadedUnits, std::vector<std::uint64_t>{11});
        TH_FUZZY_COMPARE(f.shortfallKw, 200.0, 1e-9);
        QCOMPARE(f.loadsLosingRedundancy.size(), std::size_t(3));
        // The single transformer: everything loses power.
        const FailureResult &t = failureOf(r, 1);
        QCOMPARE(t.loadsLosingPower.size(), std::size_t(3));
        TH_FUZZY_COMPARE(t.shortfallKw, 600.0, 1e-9);
        QCOMPARE(r.achieved, RedundancyMode::N);
    }

    void twoN()
    {
        // 3 x 120 = 360 kW; two transformers, T1 near UPS A, T2 near UPS B. Any single failure
        // leaves one side carrying 360 <= 400 kW: N-1 holds, every rack keeps power, A/B on
        // different systems, each whole UPS system can fail -> 2N.
        PowerChainInput in = twoUpsHall(120);
        in.units.push_back(unit(2, PowerUnitKind::Transformer, 2000, 10000));
        in.target = RedundancyMode::TwoN;
        const PowerChainResult r = analysePowerChain(in);
        QCOMPARE(unitResult(r, 10).parents, std::vector<std::uint64_t>{1});
        QCOMPARE(unitResult(r, 11).parents, std::vector<std::uint64_t>{2});
        QVERIFY(r.nMinus1Ok);
        QCOMPARE(r.nMinus1.size(), std::size_t(4));
        QCOMPARE(r.systemFailures.size(), std::size_t(2));
        const FailureResult &t1 = failureOf(r, 1);
        QVERIFY(t1.ok);
        QVERIFY(t1.loadsLosingPower.empty());
        QCOMPARE(t1.loadsLosingRedundancy.size(), std::size_t(3)); // now only on side B
        QCOMPARE(r.achieved, RedundancyMode::TwoN);
        QVERIFY(r.meetsTarget);
    }

    void pduLevel()
    {
        // One parallel UPS system (U1 + U2, group "A", 500 kW each) -> PDUs P1 and P2
        // (300 kW, 240 derated) -> two dual-corded 150 kW racks. No second UPS system: the
        // B feed goes to the other PDU of the same system (not redundant).
        PowerChainInput in;
        in.units = {unit(10, PowerUnitKind::Ups, 500, 0, "A"), unit(11, PowerUnitKind::Ups, 500, 0, "A"),
                    unit(20, PowerUnitKind::Distribution, 300, 1000), unit(21, PowerUnitKind::Distribution, 300, 2000)};
        in.loads = {rack(100, 150, 1000), rack(101, 150, 1100)};
        PowerChainResult r = analysePowerChain(in);
        QCOMPARE(r.upsSystemCount, 1);
        // Rack 100: A = P1 (nearest with spare), B = P2. Rack 101: neither has 150 kW spare
        // (150 + 150 > 240) -> the least loaded, ties to the nearest: P1; B = P2.
        QCOMPARE(r.loads[0].feeds, (std::vector<std::uint64_t>{20, 21}));
        QCOMPARE(r.loads[1].feeds, (std::vector<std::uint64_t>{20, 21}));
        QVERIFY(!r.loads[0].redundant);
        QVERIFY(!r.allDualFeedsRedundant);
        // Normal: each PDU 2 x 75 = 150 kW; bus 300 kW split by capacity: 150 kW per UPS.
        TH_FUZZY_COMPARE(unitResult(r, 20).outputKw, 150.0, 1e-12);
        TH_FUZZY_COMPARE(unitResult(r, 10).outputKw, 150.0, 1e-12);
        // P1 fails: P2 carries 300 > 240 -> both racks at risk; max-flow 240 -> shortfall 60.
        const FailureResult &p1 = failureOf(r, 20);
        QVERIFY(!p1.ok);
        QCOMPARE(p1.loadsAtRisk.size(), std::size_t(2));
        TH_FUZZY_COMPARE(p1.shortfallKw, 60.0, 1e-9);
        // U1 fails: U2 takes the bus' 300 kW <= 400: fine.
        QVERIFY(failureOf(r, 10).ok);
        QCOMPARE(r.achieved, RedundancyMode::N);
        // PDUs of 400 kW (320 derated): P2 alone carries 300 -> N-1 holds; A/B share one
        // UPS system -> N+1, not 2N.
        in.units[2].capacityKw = in.units[3].capacityKw = 400;
        r = analysePowerChain(in);
        QVERIFY(r.nMinus1Ok);
        QCOMPARE(r.achieved, RedundancyMode::NPlus1);
    }

    void singleCorded()
    {
        // A single-corded rack loses power when its only PDU fails.
        PowerChainInput in;
        in.units = {unit(20, PowerUnitKind::Distribution, 300, 0), unit(21, PowerUnitKind::Distribution, 300, 5000)};
        in.loads = {rack(100, 50, 0, false)};
        const PowerChainResult r = analysePowerChain(in);
        QCOMPARE(r.loads[0].feeds, std::vector<std::uint64_t>{20});
        QVERIFY(contains(failureOf(r, 20).loadsLosingPower.ids(), 100));
        QVERIFY(failureOf(r, 21).ok);
        QCOMPARE(r.achieved, RedundancyMode::N);
    }

    void explicitEdges()
    {
        // The rack is wired to P2 only, although P1 is nearer; P2 is wired to UPS B.
        PowerChainInput in;
        in.units = {unit(10, PowerUnitKind::Ups, 500, 0, "A"), unit(11, PowerUnitKind::Ups, 500, 9000, "B"),
                    unit(20, PowerUnitKind::Distribution, 300, 0), unit(21, PowerUnitKind::Distribution, 300, 8000)};
        in.loads = {rack(100, 50, 0)};
        in.explicitEdges = {{11, 20}, {21, 100}};
        const PowerChainResult r = analysePowerChain(in);
        QCOMPARE(r.loads[0].feeds, std::vector<std::uint64_t>{21});
        QCOMPARE(unitResult(r, 20).parents, std::vector<std::uint64_t>{11}); // explicit, not the nearer A
        QCOMPARE(unitResult(r, 21).parents, std::vector<std::uint64_t>{11}); // automatic: nearest system B
    }

    void chainLosses()
    {
        // Transformer (2500 kVA oil curve, 2375 kW) -> UPS (EXL 1200) -> PDU (flat 0.98,
        // 1000 kW) -> 600 kW of single-corded racks.
        PowerChainInput in;
        in.units = {unit(1, PowerUnitKind::Transformer, 2375, 0), unit(10, PowerUnitKind::Ups, 1200, 0),
                    unit(20, PowerUnitKind::Distribution, 1000, 0)};
        in.units[0].efficiency.points = *parseEfficiencyCurve("0.25:0.9957;0.5:0.9948;0.75:0.9933;1:0.9915");
        in.units[1].efficiency.points = *parseEfficiencyCurve(kExlCurve);
        in.units[2].efficiency.ratedEfficiency = 0.98;
        in.loads = {rack(100, 400, 0, false), rack(101, 200, 0, false)};
        const PowerChainResult r = analysePowerChain(in);
        // PDU: 600 x (1/0.98 - 1) = 12.2449 kW -> input 612.2449 kW
        const double pduLoss = 600.0 * (1.0 / 0.98 - 1.0);
        TH_FUZZY_COMPARE(r.distributionLossKw, pduLoss, 1e-12);
        // UPS at 612.2449 / 1200 = 0.510204: eta = 0.968 + 0.003 x 0.010204 / 0.25 = 0.96812245
        const double upsOut = 600.0 + pduLoss;
        const double upsEta = 0.968 + 0.003 * (upsOut / 1200.0 - 0.5) / 0.25;
        const double upsLoss = upsOut * (1.0 / upsEta - 1.0); // = 20.02 kW
        TH_FUZZY_COMPARE(r.upsLossKw, upsLoss, 1e-12);
        // Transformer at (612.2449 + 20.02) / 2375 = 0.2662: eta = 0.9957 - 0.0009 x 0.0162 / 0.25
        const double tOut = upsOut + upsLoss;
        const double tEta = 0.9957 + (0.9948 - 0.9957) * (tOut / 2375.0 - 0.25) / 0.25;
        TH_FUZZY_COMPARE(r.transformerLossKw, tOut * (1.0 / tEta - 1.0), 1e-12);
        // With 100 kW of mechanical load added to the transformer.
        const double tOut2 = tOut + 100.0;
        const double tEta2 = 0.9957 + (0.9948 - 0.9957) * (tOut2 / 2375.0 - 0.25) / 0.25;
        TH_FUZZY_COMPARE(transformerLossesKw(in, r, 100.0), tOut2 * (1.0 / tEta2 - 1.0), 1e-12);
        // Battery: 5 min at full load; at 632/1200 load -> 5 x 1200 / 632.26 = 9.49 min
        in.units[1].batteryMinutes = 5.0;
        const PowerChainResult r2 = analysePowerChain(in);
        TH_FUZZY_COMPARE(unitResult(r2, 10).batteryMinutesAtLoad, 5.0 * 1200.0 / upsOut, 1e-12);
    }

    void noEquipment()
    {
        // Nothing placed: racks hang on the utility; nothing to check, nothing lost.
        PowerChainInput in;
        in.loads = {rack(100, 50, 0)};
        const PowerChainResult r = analysePowerChain(in);
        TH_FUZZY_COMPARE(r.deliverableKw, 50.0, 1e-12);
        QCOMPARE(r.upsLossKw + r.transformerLossKw + r.distributionLossKw, 0.0);
    }

    void nMinus1ParalleledUpsMember()
    {
        // Incremental N-1 on a paralleled bus. UPS U1 + U2 (group A, 500 kW each) form one bus,
        // U3 (group B, 500 kW) another; lossless units, no transformer, no PDUs: two dual-corded
        // 200 kW racks hang on bus A (feed A) and bus B (feed B). Derated ratings: 400 kW.
        PowerChainInput in;
        in.units = {unit(10, PowerUnitKind::Ups, 500, 0, "A"), unit(11, PowerUnitKind::Ups, 500, 0, "A"),
                    unit(12, PowerUnitKind::Ups, 500, 10000, "B")};
        in.loads = {rack(100, 200, 1000), rack(101, 200, 2000)};
        in.target = RedundancyMode::TwoN;
        const PowerChainResult r = analysePowerChain(in);
        QCOMPARE(r.loads[0].feeds, (std::vector<std::uint64_t>{10, 11, 12})); // bus A = U1 + U2, then bus B
        // Normal: 100 kW per feed; bus A 200 kW split by capacity: 100 kW per UPS; U3 200 kW.
        TH_FUZZY_COMPARE(unitResult(r, 10).outputKw, 100.0, 1e-12);
        TH_FUZZY_COMPARE(unitResult(r, 12).outputKw, 200.0, 1e-12);
        // U1 fails: bus A stays live on U2, which takes its 200 kW (<= 400); no rack is affected.
        const FailureResult &u1 = failureOf(r, 10);
        QVERIFY(u1.ok);
        QVERIFY(u1.loadsLosingRedundancy.empty());
        // U3 fails: bus B goes dark; both racks lose redundancy and move 400 kW onto bus A:
        // 200 kW per UPS, within rating.
        const FailureResult &u3 = failureOf(r, 12);
        QVERIFY(u3.ok);
        QCOMPARE(u3.loadsLosingRedundancy.ids(), (std::vector<std::uint64_t>{100, 101}));
        QVERIFY(u3.overloadedUnits.empty());
        // System A (U1 + U2) fails: U3 carries 400 kW, exactly its derated rating: not over, and
        // the max-flow delivers all 400 kW (the proportional flow sits on the rating, inside the
        // certificate's margin, so this case is solved by max-flow; every other one is certified).
        QCOMPARE(r.systemFailures.size(), std::size_t(2));
        QCOMPARE(r.systemFailures[0].failedIds, (std::vector<std::uint64_t>{10, 11}));
        QVERIFY(r.systemFailures[0].ok);
        QCOMPARE(r.systemFailures[0].shortfallKw, 0.0);
        // Two max-flows: normal operation (certified, but the failure's max-flow starts from it)
        // and system A's failure. Normal operation delivers all 400 kW (it cannot exceed the
        // demand); the failure cancels what went through U1 + U2 and re-routes it onto U3 (or
        // nothing went through them): back at 400 kW, the bound, so no further search.
        QCOMPARE(r.maxFlowRuns, 2);
        QCOMPARE(r.warmFlowsRerouted + r.warmFlowsUnchanged, 1);
        QCOMPARE(r.warmFlowsReduced, 0);
        QCOMPARE(r.achieved, RedundancyMode::TwoN);
    }

    void nMinus1DarkChain()
    {
        // Drawn feeds through a chain of PDUs: T1 -> P1 -> P2; rack 100 (50 kW, single-corded)
        // on P2, rack 101 (50 kW, single-corded) on P1. A failure darkens everything below it.
        PowerChainInput in;
        in.units = {unit(1, PowerUnitKind::Transformer, 2000, 0), unit(20, PowerUnitKind::Distribution, 300, 0),
                    unit(21, PowerUnitKind::Distribution, 300, 0)};
        in.loads = {rack(100, 50, 0, false), rack(101, 50, 0, false)};
        in.explicitEdges = {{1, 20}, {20, 21}, {21, 100}, {20, 101}};
        const PowerChainResult r = analysePowerChain(in);
        QCOMPARE(unitResult(r, 21).parents, std::vector<std::uint64_t>{20});
        // P1 (and with it P2) dark: both racks, 100 kW short.
        QCOMPARE(failureOf(r, 20).loadsLosingPower.ids(), (std::vector<std::uint64_t>{100, 101}));
        TH_FUZZY_COMPARE(failureOf(r, 20).shortfallKw, 100.0, 1e-12);
        // P2 dark: rack 100 only, 50 kW short.
        QCOMPARE(failureOf(r, 21).loadsLosingPower.ids(), std::vector<std::uint64_t>{100});
        TH_FUZZY_COMPARE(failureOf(r, 21).shortfallKw, 50.0, 1e-12);
        // T1 dark: both racks.
        QCOMPARE(failureOf(r, 1).loadsLosingPower.ids(), (std::vector<std::uint64_t>{100, 101}));
        // Nothing is near a rating: every shortfall is the lost racks' demand, without a max-flow.
        QCOMPARE(r.maxFlowRuns, 0);
        QCOMPARE(r.achieved, RedundancyMode::N);
    }

    void maxFlowBeyondProportionalSplit()
    {
        // P1 (100 kW, 80 derated) and P2 (300 kW, 240 derated) both feed two dual-corded 100 kW
        // racks (drawn). The equal split puts 100 kW on P1 (over), but a max-flow routes 80 kW
        // through P1 and 120 kW through P2: all 200 kW are deliverable (no certificate: solved).
        PowerChainInput in;
        in.units = {unit(20, PowerUnitKind::Distribution, 100, 0), unit(21, PowerUnitKind::Distribution, 300, 0)};
        in.loads = {rack(100, 100, 0), rack(101, 100, 0)};
        in.explicitEdges = {{20, 100}, {21, 100}, {20, 101}, {21, 101}};
        const PowerChainResult r = analysePowerChain(in);
        QVERIFY(unitResult(r, 20).overDerated);
        TH_FUZZY_COMPARE(r.deliverableKw, 200.0, 1e-12);
        QCOMPARE(r.shortfallKw, 0.0);
        QCOMPARE(r.achieved, RedundancyMode::None); // a unit is over its derated rating
        // P2 fails: P1 alone takes 200 kW: over, both racks at risk; max-flow 80 -> 120 short.
        const FailureResult &p2 = failureOf(r, 21);
        QCOMPARE(p2.overloadedUnits, std::vector<std::uint64_t>{20});
        QCOMPARE(p2.loadsAtRisk.ids(), (std::vector<std::uint64_t>{100, 101}));
        TH_FUZZY_COMPARE(p2.shortfallKw, 120.0, 1e-12);
        // P1 fails: P2 takes 200 <= 240 kW: ok, certified without a max-flow.
        QVERIFY(failureOf(r, 20).ok);
        QCOMPARE(r.maxFlowRuns, 2); // normal operation and the P2 failure
        // The P2 failure starts from the normal-operation flow (200 kW: 80 on P1 at most, the
        // rest on P2), cancels P2's share and finds no path past P1's 80 kW: a smaller maximum.
        QCOMPARE(r.warmFlowsReduced, 1);
        QCOMPARE(r.warmFlowsRerouted + r.warmFlowsUnchanged, 0);
    }

    void redundancyKeys()
    {
        QCOMPARE(redundancyFromKey("2N"), std::optional<RedundancyMode>(RedundancyMode::TwoN));
        QCOMPARE(redundancyKey(RedundancyMode::NPlus1), std::string_view("N+1"));
        QVERIFY(!redundancyFromKey("3N"));
    }
};

QTEST_GUILESS_MAIN(TestPowerChain)
#include "tst_powerchain.moc"
