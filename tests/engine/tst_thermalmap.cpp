// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace th::engine;

namespace {

/// A 3 x 1 duct: a rack (1 m3/s, 12,060 W: 10 K rise) draws from cell 0 and blows into cell 2;
/// a unit supplies `unitFlow` at 20 C into cell 0 and returns it from cell 2. No mixing, no leak.
ThermalResult duct(double unitFlow, double capacityW)
{
    ThermalGridSpec g;
    g.nx = 3;
    g.ny = 1;
    g.mixingWPerK = 0.0;
    g.leakWPerK = 0.0;
    ThermalSource rack{2, 12060.0, 0, 1.0};
    ThermalSink u;
    u.cells = {0};
    u.returnCells = {2};
    u.airflowM3PerS = unitFlow;
    u.capacityW = capacityW;
    u.supplyC = 20.0;
    u.chilledWaterC = 14.0;
    return solveThermal(g, {rack}, {u});
}

/// Two rows facing a cold aisle along x, backs to contained hot aisles, CRAHs at both ends of
/// the hall drawing from the hot aisles: a small symmetric hall with every feature.
struct Hall
{
    ThermalGridSpec g;
    std::vector<ThermalSource> src;
    std::vector<ThermalSink> sinks;
};

Hall smallHall(double rackW = 10000.0, double unitCapW = 150000.0)
{
    Hall h;
    h.g.nx = 24;
    h.g.ny = 14;
    const int n = h.g.nx * h.g.ny;
    h.g.solid.assign(std::size_t(n), 0);
    h.g.zone.assign(std::size_t(n), 0);
    auto at = [&](int x, int y) { return y * h.g.nx + x; };
    // Rack rows at y = 4-5 (front north... facing y = 6-7, the cold aisle) and y = 8-9.
    for (int x = 4; x < 20; ++x) {
        for (int y : {4, 5, 8, 9})
            h.g.solid[std::size_t(at(x, y))] = 1;
        for (int y : {2, 3})
            h.g.zone[std::size_t(at(x, y))] = 1; // hot aisle north
        for (int y : {10, 11})
            h.g.zone[std::size_t(at(x, y))] = 2; // hot aisle south
        h.src.push_back({at(x, 3), rackW, at(x, 6), airflowForHeatM3PerS(rackW, 12.0)});
        h.src.push_back({at(x, 10), rackW, at(x, 7), airflowForHeatM3PerS(rackW, 12.0)});
    }
    for (int side : {0, 1}) {
        ThermalSink s;
        s.capacityW = unitCapW;
        s.supplyC = 20.0;
        for (const ThermalSource &r : h.src) {
            s.cells.push_back(r.intakeCell);
            s.weights.push_back(r.airflowM3PerS);
            s.returnCells.push_back(r.cell);
            s.returnWeights.push_back(r.airflowM3PerS);
        }
        s.returnCells.push_back(at(side == 0 ? 0 : h.g.nx - 1, 7));
        s.returnWeights.push_back(0.2);
        h.sinks.push_back(s);
    }
    return h;
}

ThermalSink sink(std::vector<int> cells, double capW)
{
    ThermalSink s;
    s.cells = std::move(cells);
    s.capacityW = capW;
    s.supplyC = 20.0;
    s.designDeltaK = 12.0;
    return s;
}

/// A mid-size hall drawn at random (fixed seed): 6 rows of racks of random power facing
/// alternately south and north with solid bodies, contained hot aisles on every other row,
/// columns, power gear as plain heat, 4 room units at the walls supplying the intakes in their
/// half of the hall and returning from the exhausts and their own tile, and an in-row unit. The
/// units carry ~90 % of the heat, so some saturate (active-set passes, coupled supply).
Hall randomHall(unsigned seed)
{
    std::mt19937 rng(seed);
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(rng() % 1000000u) / 1e6; };
    Hall h;
    h.g.nx = 90;
    h.g.ny = 70;
    const int n = h.g.nx * h.g.ny;
    h.g.solid.assign(std::size_t(n), 0);
    h.g.zone.assign(std::size_t(n), 0);
    auto at = [&](int x, int y) { return y * h.g.nx + x; };
    for (int row = 0; row < 6; ++row) {
        const int y = 7 + row * 10, facingSouth = row % 2 == 0 ? 1 : -1;
        const int x0 = 4 + int(rng() % 12u), len = 30 + int(rng() % 40u);
        for (int x = x0; x < std::min(h.g.nx - 4, x0 + len); ++x) {
            h.g.solid[std::size_t(at(x, y))] = 1;
            if (row % 2 == 1)
                h.g.zone[std::size_t(at(x, y - facingSouth))] = row; // hot aisle behind the row
            const double w = uniform(4000.0, 25000.0);
            h.src.push_back({at(x, y - facingSouth), w, at(x, y + facingSouth), airflowForHeatM3PerS(w, uniform(10.0, 15.0))});
        }
    }
    for (int k = 0; k < 6; ++k) { // building columns (2 x 2, solid) in the aisles
        const int x = 5 + int(rng() % 78u), y = 2 + 10 * int(rng() % 6u);
        for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx)
                h.g.solid[std::size_t(at(x + dx, y + dy))] = 1;
    }
    double heatW = 0.0;
    for (int k = 0; k < 8; ++k) // power gear: plain heat
        h.src.push_back({at(int(rng() % 90u), 1 + int(rng() % 68u)), uniform(2000.0, 15000.0)});
    for (const ThermalSource &s : h.src)
        heatW += s.watts;
    const double unitShare[5] = {0.2, 0.25, 0.15, 0.2, 0.1}; // of the heat: 90 % in all
    for (int u = 0; u < 5; ++u) {
        ThermalSink s;
        s.capacityW = unitShare[u] * heatW;
        s.supplyC = 20.0;
        const bool west = u % 2 == 0, inRow = u == 4;
        const int home = inRow ? at(45, 27) : at(west ? 0 : h.g.nx - 1, 10 + 25 * (u / 2));
        for (const ThermalSource &r : h.src) {
            if (r.intakeCell < 0)
                continue;
            const int x = r.intakeCell % h.g.nx, y = r.intakeCell / h.g.nx;
            const bool mine = inRow ? (y > 20 && y < 35) : ((x < 45) == west && (y < 35) == (u < 2));
            if (!mine)
                continue;
            s.cells.push_back(r.intakeCell);
            s.weights.push_back(r.airflowM3PerS);
            s.returnCells.push_back(r.cell);
            s.returnWeights.push_back(r.airflowM3PerS * 0.8);
        }
        s.returnCells.push_back(home);
        s.returnWeights.push_back(0.5);
        h.sinks.push_back(s);
    }
    return h;
}

/// The hall with the facility bridge's return (facilityanalysis.cpp, thermalProblems()): every
/// exhaust rises into one shared plenum (racks with their airflow x `capture`, plain heat with
/// the airflow that carries it at 12 K), the units keep only their own tile (the last return
/// cell) and draw from the plenum in proportion to their airflow, min(units, plumes) in all.
Hall withPlenum(Hall h, double capture = 0.8)
{
    ThermalPlenum plenum;
    double plumeFlow = 0.0, unitFlow = 0.0;
    for (const ThermalSource &s : h.src) {
        const double flow = (s.intakeCell >= 0 ? s.airflowM3PerS : airflowForHeatM3PerS(s.watts, 12.0)) * capture;
        plenum.cells.push_back(s.cell);
        plenum.weights.push_back(flow);
        plumeFlow += flow;
    }
    for (const ThermalSink &s : h.sinks)
        unitFlow += airflowForHeatM3PerS(s.capacityW, s.designDeltaK);
    h.g.plenums = {plenum};
    for (ThermalSink &s : h.sinks) {
        const double q = airflowForHeatM3PerS(s.capacityW, s.designDeltaK);
        const double fromPlenum = q / unitFlow * std::min(unitFlow, plumeFlow);
        s.returnCells = {s.returnCells.back()};
        s.returnWeights = {q - fromPlenum};
        s.plenum = 0;
        s.plenumWeight = fromPlenum;
    }
    return h;
}

} // namespace

/// Indicative thermal map: hand-computed small grids, energy balance, symmetry, monotonicity.
class TestThermalMap : public QObject
{
    Q_OBJECT
private slots:
    void oneCell()
    {
        // One cell: q = 1000 W, sink G = 12000 W / 12 K = 1000 W/K at 20 C, leak 0.5 W/K at 24 C:
        // T = (1000 + 1000 x 20 + 0.5 x 24) / 1000.5 = 21012 / 1000.5 = 21.0015 C
        ThermalGridSpec g;
        g.nx = g.ny = 1;
        const ThermalResult r = solveThermal(g, {{0, 1000.0}}, {sink({0}, 12000.0)});
        QVERIFY(r.ok);
        TH_FUZZY_COMPARE(r.temperatureC[0], 21012.0 / 1000.5, 1e-12);
    }

    void twoCells()
    {
        // Source cell 0 (900 W), sink cell 1 (G = 1000 W/K), mixing 900 W/K, no leak:
        // T1 = 20 + 900 / 1000 = 20.9 C; T0 = T1 + 900 / 900 = 21.9 C
        ThermalGridSpec g;
        g.nx = 2;
        g.ny = 1;
        g.leakWPerK = 0.0;
        g.mixingWPerK = 900.0;
        const ThermalResult r = solveThermal(g, {{0, 900.0}}, {sink({1}, 12000.0)});
        QVERIFY(r.ok);
        TH_FUZZY_COMPARE(r.temperatureC[1], 20.9, 1e-12);
        TH_FUZZY_COMPARE(r.temperatureC[0], 21.9, 1e-12);
        TH_FUZZY_COMPARE(r.removedW, 900.0, 1e-12);
    }

    void energyBalance()
    {
        ThermalGridSpec g;
        g.nx = 40;
        g.ny = 30;
        std::vector<ThermalSource> src;
        for (int i = 0; i < 10; ++i)
            src.push_back({(5 + i) * g.nx + 10 + i * 2, 15000.0 + 1000.0 * i});
        const ThermalResult r = solveThermal(g, src, {sink({0, 1, 2}, 200000.0), sink({g.nx * g.ny - 1}, 100000.0)});
        QVERIFY(r.ok);
        // Heat in = removed by the units + leaked to the ambient.
        TH_FUZZY_COMPARE(r.removedW + r.leakW, r.heatInW, 1e-9);
        TH_FUZZY_COMPARE(r.sinkRemovedW[0] + r.sinkRemovedW[1], r.removedW, 1e-12);
    }

    void symmetry()
    {
        // Racks on the centre column, units at both ends: the field mirrors left-right.
        ThermalGridSpec g;
        g.nx = 21;
        g.ny = 11;
        std::vector<ThermalSource> src{{5 * g.nx + 10, 30000.0}, {3 * g.nx + 10, 20000.0}};
        std::vector<ThermalSink> sinks{sink({5 * g.nx + 0}, 100000.0), sink({5 * g.nx + 20}, 100000.0)};
        const ThermalResult r = solveThermal(g, src, sinks);
        QVERIFY(r.ok);
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x)
                QVERIFY(std::abs(r.temperatureC[std::size_t(y * g.nx + x)] - r.temperatureC[std::size_t(y * g.nx + g.nx - 1 - x)]) < 1e-9);
        TH_FUZZY_COMPARE(r.sinkRemovedW[0], r.sinkRemovedW[1], 1e-9);
    }

    void monotonic()
    {
        ThermalGridSpec g;
        g.nx = 15;
        g.ny = 12;
        const std::vector<ThermalSource> base{{40, 20000.0}, {100, 25000.0}};
        const std::vector<ThermalSink> sinks{sink({0, 1}, 60000.0)};
        const ThermalResult r0 = solveThermal(g, base, sinks);
        // More heat: every cell warmer (the inverse of an irreducible M-matrix is positive).
        std::vector<ThermalSource> more = base;
        more.push_back({150, 5000.0});
        const ThermalResult r1 = solveThermal(g, more, sinks);
        // More cooling: every cell cooler.
        std::vector<ThermalSink> moreSinks = sinks;
        moreSinks.push_back(sink({170}, 60000.0));
        const ThermalResult r2 = solveThermal(g, base, moreSinks);
        QVERIFY(r0.ok && r1.ok && r2.ok);
        for (std::size_t i = 0; i < r0.temperatureC.size(); ++i) {
            QVERIFY(r1.temperatureC[i] > r0.temperatureC[i]);
            QVERIFY(r2.temperatureC[i] < r0.temperatureC[i]);
        }
    }

    void noHeatIsSupply()
    {
        // No sources, supply = ambient: the whole hall sits at 20 C.
        ThermalGridSpec g;
        g.nx = 5;
        g.ny = 4;
        g.ambientC = 20.0;
        const ThermalResult r = solveThermal(g, {}, {sink({3}, 10000.0)});
        for (double t : r.temperatureC)
            TH_FUZZY_COMPARE(t, 20.0, 1e-12);
    }

    void bypassDuct()
    {
        // Unit 2 m3/s, rack 1 m3/s: the surplus 1 m3/s bypasses 0 -> 1 -> 2.
        // Cell 0: in 2 c 20, out 2 c T0 -> T0 = 20; cell 1: T1 = T0 = 20;
        // cell 2: in c (T0 + 10) + c T1, out 2 c T2 -> T2 = 25 = the return.
        const ThermalResult r = duct(2.0, 100000.0);
        QVERIFY(r.ok);
        TH_FUZZY_COMPARE(r.temperatureC[0], 20.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[1], 20.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[2], 25.0, 1e-9);
        TH_FUZZY_COMPARE(r.sinkReturnC[0], 25.0, 1e-9);
        TH_FUZZY_COMPARE(r.sourceInletC[0], 20.0, 1e-9);
        TH_FUZZY_COMPARE(r.removedW, 12060.0, 1e-9);
        QCOMPARE(r.sinkSaturated[0], (unsigned char)0);
        // Velocity at cell 1: 1 m3/s through 2.4 m x 0.6 m = 0.694 m/s towards +x.
        TH_FUZZY_COMPARE(double(r.velocityXMps[1]), 1.0 / (2.4 * 0.6), 1e-6);
    }

    void recirculationDuct()
    {
        // Unit 0.5 m3/s for a 1 m3/s rack: 0.5 m3/s of exhaust flows back 2 -> 1 -> 0.
        // Cell 2: in c (T0 + 10), out c T2 -> T2 = T0 + 10; T1 = T2;
        // cell 0: in 0.5 c 20 + 0.5 c T1, out c T0 -> T0 = (20 + T0 + 10) / 2 = 30; T2 = 40.
        // Removed 0.5 x 1206 x (40 - 20) = 12,060 W = the heat.
        const ThermalResult r = duct(0.5, 100000.0);
        QVERIFY(r.ok);
        TH_FUZZY_COMPARE(r.sourceInletC[0], 30.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[1], 40.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[2], 40.0, 1e-9);
        TH_FUZZY_COMPARE(r.removedW, 12060.0, 1e-9);
    }

    void saturatedUnit()
    {
        // Unit 2 m3/s rated 6,030 W (design dT = 6030 / (1206 x 2) = 2.5 K) carries 12,060 W:
        // coil effectiveness eps = 2.5 / (20 + 2.5 - 14) = 0.2941; removed = 2 c eps (Tr - 14)
        // = 12,060 -> Tr = 14 + 5 / eps = 31; supply Tr - 5 = 26 (above the 20 C set point).
        const ThermalResult r = duct(2.0, 6030.0);
        QVERIFY(r.ok);
        QCOMPARE(r.sinkSaturated[0], (unsigned char)1);
        TH_FUZZY_COMPARE(r.sinkReturnC[0], 31.0, 1e-9);
        TH_FUZZY_COMPARE(r.sinkSupplyC[0], 26.0, 1e-9);
        TH_FUZZY_COMPARE(r.sourceInletC[0], 26.0, 1e-9);
        TH_FUZZY_COMPARE(r.removedW, 12060.0, 1e-9);
        QVERIFY(r.activeSetPasses == 2);
    }

    void hallEnergyBalanceAndSymmetry()
    {
        const Hall h = smallHall();
        const ThermalResult r = solveThermal(h.g, h.src, h.sinks);
        QVERIFY(r.ok);
        // 32 racks x 10 kW in; out through the two units and the envelope leak.
        TH_FUZZY_COMPARE(r.heatInW, 320000.0, 1e-12);
        QVERIFY(std::abs(r.removedW + r.leakW - r.heatInW) < 1e-6 * r.heatInW);
        // Mirror left-right (x -> nx - 1 - x): the layout is symmetric, so is the field.
        for (int y = 0; y < h.g.ny; ++y)
            for (int x = 0; x < h.g.nx; ++x)
                QVERIFY(std::abs(r.temperatureC[std::size_t(y * h.g.nx + x)] - r.temperatureC[std::size_t(y * h.g.nx + h.g.nx - 1 - x)]) < 1e-7);
        TH_FUZZY_COMPARE(r.sinkRemovedW[0], r.sinkRemovedW[1], 1e-7);
        // 300 kW of units for 320 kW: both saturate, the supply air warms above 20 C.
        // Each unit: 160 kW on 150 kW, eps = 12 / (20 + 12 - 14) = 0.667, V = 150000 / (1206 x 12)
        // = 10.36 m3/s: Tr = 14 + 160000 / (1206 x 10.36 x 0.667) = 33.2, supply Tr - 12.8 = 20.4 C
        // (a little less: the envelope leak takes some heat).
        QCOMPARE(r.sinkSaturated[0], (unsigned char)1);
        QVERIFY(r.sinkSupplyC[0] > 20.3 && r.sinkSupplyC[0] < 20.41);
    }

    void plenumMatchesPerUnitReturns()
    {
        // A shared return plenum is the former per-unit formulation (each unit drawing its share
        // of every exhaust, sinksWithoutPlenums()) with O(units + exhausts) matrix entries
        // instead of O(units x exhausts): both are solved and compared on the small hall (direct
        // solvers), the random halls on both paths, and a hall whose units draw less than the
        // plumes carry (capture 1.0: the rest stays in the room).
        struct Case
        {
            Hall h;
            int directLimit;
            const char *name;
        };
        std::vector<Case> cases;
        cases.push_back({withPlenum(smallHall()), 1000, "small hall, direct"});
        cases.push_back({withPlenum(smallHall(10000.0, 100000.0), 1.0), 1000, "small hall, units below the plumes"});
        for (unsigned seed : {1u, 2u, 3u}) {
            cases.push_back({withPlenum(randomHall(seed)), 0, "random hall, multigrid"});
            cases.push_back({withPlenum(randomHall(seed)), 1 << 30, "random hall, direct"});
        }
        double worstK = 0.0;
        for (Case &c : cases) {
            c.h.g.directLimitCells = c.directLimit;
            const ThermalResult pooled = solveThermal(c.h.g, c.h.src, c.h.sinks);
            const std::vector<ThermalSink> expanded = sinksWithoutPlenums(c.h.g, c.h.sinks);
            QCOMPARE(expanded.size(), c.h.sinks.size());
            QCOMPARE(expanded[0].returnCells.size(), 1 + c.h.src.size()); // own tile + every exhaust
            const ThermalResult perUnit = solveThermal(c.h.g, c.h.src, expanded);
            QVERIFY(pooled.ok && perUnit.ok);
            QCOMPARE(pooled.activeSetPasses, perUnit.activeSetPasses);
            double maxDiffK = 0.0;
            for (std::size_t i = 0; i < pooled.temperatureC.size(); ++i)
                maxDiffK = std::max(maxDiffK, std::abs(pooled.temperatureC[i] - perUnit.temperatureC[i]));
            for (std::size_t k = 0; k < c.h.sinks.size(); ++k) {
                QCOMPARE(pooled.sinkSaturated[k], perUnit.sinkSaturated[k]);
                maxDiffK = std::max(maxDiffK, std::abs(pooled.sinkReturnC[k] - perUnit.sinkReturnC[k]));
            }
            QVERIFY2(maxDiffK < 1e-8, qPrintable(QString::number(maxDiffK)));
            QVERIFY(std::abs(pooled.removedW + pooled.leakW - pooled.heatInW) < 1e-9 * pooled.heatInW);
            // The plenum carries what the units draw from it, at the mean of its plumes.
            QCOMPARE(pooled.plenumC.size(), std::size_t(1));
            double drawn = 0.0;
            for (std::size_t k = 0; k < c.h.sinks.size(); ++k)
                drawn += pooled.sinkAirflowM3PerS[k] * c.h.sinks[k].plenumWeight / (c.h.sinks[k].plenumWeight + c.h.sinks[k].returnWeights[0]);
            TH_FUZZY_COMPARE(pooled.plenumAirflowM3PerS[0], drawn, 1e-12);
            double meanC = 0.0, weight = 0.0;
            for (std::size_t i = 0; i < c.h.g.plenums[0].cells.size(); ++i) {
                meanC += c.h.g.plenums[0].weights[i] * pooled.temperatureC[std::size_t(c.h.g.plenums[0].cells[i])];
                weight += c.h.g.plenums[0].weights[i];
            }
            TH_FUZZY_COMPARE(pooled.plenumC[0], meanC / weight, 1e-9);
            worstK = std::max(worstK, maxDiffK);
            qInfo("%s: %d passes, %d iterations, plenum %.2f C, max |dT| plenum vs per-unit returns %.2e K", c.name,
                  pooled.activeSetPasses, pooled.iterations, pooled.plenumC[0], maxDiffK);
        }
        qInfo("worst difference over %zu halls: %.2e K", cases.size(), worstK);
    }

    void plenumHallBalanceSymmetryMonotonic()
    {
        // The plenum keeps the properties of the model: energy balance, the mirror symmetry of a
        // symmetric hall, warmer everywhere with more heat, cooler inlets with more cooling.
        const Hall h = withPlenum(smallHall(10000.0, 400000.0));
        const ThermalResult r0 = solveThermal(h.g, h.src, h.sinks);
        QVERIFY(r0.ok);
        QVERIFY(std::abs(r0.removedW + r0.leakW - r0.heatInW) < 1e-9 * r0.heatInW);
        for (int y = 0; y < h.g.ny; ++y)
            for (int x = 0; x < h.g.nx; ++x)
                QVERIFY(std::abs(r0.temperatureC[std::size_t(y * h.g.nx + x)] - r0.temperatureC[std::size_t(y * h.g.nx + h.g.nx - 1 - x)]) < 1e-7);
        TH_FUZZY_COMPARE(r0.sinkRemovedW[0], r0.sinkRemovedW[1], 1e-7);
        std::vector<ThermalSource> more = h.src;
        more[5].watts += 5000.0;
        const ThermalResult r1 = solveThermal(h.g, more, h.sinks);
        QVERIFY(r1.ok);
        for (std::size_t i = 0; i < r0.temperatureC.size(); ++i)
            QVERIFY(r1.temperatureC[i] > r0.temperatureC[i]);
        QVERIFY(r1.plenumC[0] > r0.plenumC[0]);
        const Hall big = withPlenum(smallHall(10000.0, 600000.0));
        const ThermalResult r2 = solveThermal(big.g, big.src, big.sinks);
        QVERIFY(r2.ok);
        for (std::size_t k = 0; k < r0.sourceInletC.size(); ++k)
            QVERIFY(r2.sourceInletC[k] <= r0.sourceInletC[k] + 1e-9);
    }

    void rackCoolingIndex()
    {
        // RCI_HI = [1 - sum max(0, T - 27) / ((32 - 27) n)] x 100 % (Herrlin 2005).
        QCOMPARE(rackCoolingIndexHiPct({}), 100.0);
        QCOMPARE(rackCoolingIndexHiPct({22.0, 26.9, 27.0}), 100.0);
        // 4 intakes, one at 29.5 C: 2.5 / (5 x 4) = 12.5 % -> 87.5 %.
        TH_FUZZY_COMPARE(rackCoolingIndexHiPct({22.0, 23.0, 29.5, 24.0}), 87.5, 1e-12);
        // Every intake at the allowable limit: 0 %; beyond it the index goes negative.
        TH_FUZZY_COMPARE(rackCoolingIndexHiPct({32.0, 32.0}), 0.0, 1e-12);
        TH_FUZZY_COMPARE(rackCoolingIndexHiPct({37.0}), -100.0, 1e-12);
        // Other limits (e.g. the 2004 Class 1 range, 25 / 32 C): 1 K over 7 K on 2 intakes.
        TH_FUZZY_COMPARE(rackCoolingIndexHiPct({26.0, 20.0}, 25.0, 32.0), 100.0 * (1.0 - 1.0 / 14.0), 1e-12);
    }

    void containmentBlocksMixing()
    {
        // 5 x 1 cells, cells 0-1 inside a containment (zone 1), 100 W at cell 0, a local unit of
        // G = 1200 W / 12 K = 100 W/K at cell 4, mixing 100 W/K per face (3 % through the wall):
        // T4 = 20 + 100 / 100 = 21, T3 = 22, T2 = 23, T1 = 23 + 100 / 3 = 56.33, T0 = 57.33 C.
        ThermalGridSpec g;
        g.nx = 5;
        g.ny = 1;
        g.leakWPerK = 0.0;
        g.mixingWPerK = 100.0;
        g.zone = {1, 1, 0, 0, 0};
        g.wallOpenFraction = 0.03;
        const ThermalResult r = solveThermal(g, {{0, 100.0}}, {sink({4}, 1200.0)});
        QVERIFY(r.ok);
        TH_FUZZY_COMPARE(r.temperatureC[4], 21.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[2], 23.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[1], 23.0 + 100.0 / 3.0, 1e-9);
        TH_FUZZY_COMPARE(r.temperatureC[0], 24.0 + 100.0 / 3.0, 1e-9);
        // A solid cell (rack body) in the way acts alike on both of its faces.
        g.zone.clear();
        g.solid = {0, 0, 1, 0, 0};
        const ThermalResult s = solveThermal(g, {{0, 100.0}}, {sink({4}, 1200.0)});
        TH_FUZZY_COMPARE(s.temperatureC[0], 22.0 + 2.0 * 100.0 / 3.0 + 1.0, 1e-9);
    }

    void monotonicAdvective()
    {
        const Hall h = smallHall(10000.0, 400000.0);
        const ThermalResult r0 = solveThermal(h.g, h.src, h.sinks);
        // More heat at fixed airflows: every cell warmer (column M-matrix: A^-1 >= 0).
        std::vector<ThermalSource> more = h.src;
        more[5].watts += 5000.0;
        const ThermalResult r1 = solveThermal(h.g, more, h.sinks);
        // More cooling (larger units: more airflow): every rack inlet cooler or equal.
        Hall big = smallHall(10000.0, 600000.0);
        const ThermalResult r2 = solveThermal(big.g, big.src, big.sinks);
        QVERIFY(r0.ok && r1.ok && r2.ok);
        for (std::size_t i = 0; i < r0.temperatureC.size(); ++i)
            QVERIFY(r1.temperatureC[i] > r0.temperatureC[i]);
        double max0 = 0.0, max2 = 0.0;
        for (std::size_t k = 0; k < r0.sourceInletC.size(); ++k) {
            QVERIFY(r2.sourceInletC[k] <= r0.sourceInletC[k] + 1e-9);
            max0 = std::max(max0, r0.sourceInletC[k]);
            max2 = std::max(max2, r2.sourceInletC[k]);
        }
        QVERIFY(max2 < max0);
    }

    void iterativeMatchesDirect()
    {
        // Above directLimitCells the conjugate-gradient path gives the same field.
        ThermalGridSpec g;
        g.nx = 30;
        g.ny = 20;
        const std::vector<ThermalSource> src{{250, 30000.0}};
        const std::vector<ThermalSink> sinks{sink({0, 599}, 50000.0)};
        const ThermalResult direct = solveThermal(g, src, sinks);
        g.directLimitCells = 10;
        const ThermalResult cg = solveThermal(g, src, sinks);
        QVERIFY(cg.ok && cg.iterations > 0);
        for (std::size_t i = 0; i < direct.temperatureC.size(); ++i)
            QVERIFY(std::abs(direct.temperatureC[i] - cg.temperatureC[i]) < 1e-5);
    }

    void iterativeMatchesDirectWithFlow()
    {
        Hall h = smallHall(10000.0, 400000.0);
        const ThermalResult direct = solveThermal(h.g, h.src, h.sinks);
        h.g.directLimitCells = 10;
        const ThermalResult it = solveThermal(h.g, h.src, h.sinks);
        QVERIFY(it.ok && it.iterations > 0);
        for (std::size_t i = 0; i < direct.temperatureC.size(); ++i)
            QVERIFY(std::abs(direct.temperatureC[i] - it.temperatureC[i]) < 1e-4);
    }

    void fastPathOnLongDuct()
    {
        // A 1,201 x 1 duct (odd length: the coarse grids halve x only, the last coarse cell
        // covers one tile): a rack at 600 draws from 599, a unit supplies at 0 and returns at the
        // far end, so the air crosses the whole duct. Multigrid path = direct path.
        ThermalGridSpec g;
        g.nx = 1201;
        g.ny = 1;
        g.leakWPerK = 0.0;
        ThermalSource rack{600, 12060.0, 599, 1.0};
        ThermalSink u;
        u.cells = {0};
        u.returnCells = {1200};
        u.airflowM3PerS = 2.0;
        u.capacityW = 100000.0;
        u.supplyC = 20.0;
        g.directLimitCells = 1 << 30;
        const ThermalResult direct = solveThermal(g, {rack}, {u});
        g.directLimitCells = 0;
        const ThermalResult fast = solveThermal(g, {rack}, {u});
        QVERIFY(direct.ok && fast.ok && fast.iterations > 0);
        for (std::size_t i = 0; i < direct.temperatureC.size(); ++i)
            QVERIFY(std::abs(fast.temperatureC[i] - direct.temperatureC[i]) < 1e-6);
        // The bypass duct of bypassDuct() at length, without envelope leak: 2 m3/s carry the
        // 12,060 W to the return, 20 + 12060 / (1206 x 2) = 25 C (mixing only moves heat along
        // the duct; the rack's intake, next to its exhaust, is a little above 20 C).
        TH_FUZZY_COMPARE(fast.sinkReturnC[0], 25.0, 1e-6);
        TH_FUZZY_COMPARE(fast.removedW, 12060.0, 1e-6);
    }

    void fastPathMatchesDirectOnRandomGrids()
    {
        // 80 random problems (fixed seed): grids 1-50 x 1-50 (every tenth a 1-tile strip), random
        // solid cells and containment bands, up to 30 sources (two in three racks with fans
        // between random cells), up to 4 units with random supply and return cells sized to 10-50 %
        // of the heat (so some saturate). Ill-posed ones (no unit and no envelope leak: nothing
        // removes the heat) are skipped. The multigrid path must match the direct solvers.
        std::mt19937 rng(7);
        const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(rng() % 100000u) / 1e5; };
        double worstK = 0.0;
        int checked = 0, saturatedCases = 0;
        for (int t = 0; t < 80; ++t) {
            ThermalGridSpec g;
            g.nx = 1 + int(rng() % 50u);
            g.ny = t % 10 == 0 ? 1 : 1 + int(rng() % 50u);
            const int n = g.nx * g.ny;
            if (rng() % 2u) {
                g.solid.assign(std::size_t(n), 0);
                for (auto &cell : g.solid)
                    cell = rng() % 6u == 0 ? 1 : 0;
            }
            if (rng() % 2u) {
                g.zone.assign(std::size_t(n), 0);
                for (int i = 0; i < n; ++i)
                    g.zone[std::size_t(i)] = (i % g.nx) / 7 % 3;
            }
            if (rng() % 5u == 0)
                g.leakWPerK = 0.0;
            std::vector<ThermalSource> src;
            double heatW = 0.0;
            for (int k = int(rng() % 30u); k > 0; --k) {
                ThermalSource s{int(rng() % unsigned(n)), uniform(1000.0, 20000.0)};
                if (rng() % 3u) {
                    s.intakeCell = int(rng() % unsigned(n));
                    s.airflowM3PerS = airflowForHeatM3PerS(s.watts, uniform(8.0, 15.0));
                }
                heatW += s.watts;
                src.push_back(s);
            }
            std::vector<ThermalSink> sinks;
            for (int k = int(rng() % 5u); k > 0; --k) {
                ThermalSink s;
                s.supplyC = 20.0;
                s.capacityW = std::max(1000.0, heatW * uniform(0.1, 0.5));
                for (int j = 1 + int(rng() % 20u); j > 0; --j) {
                    s.cells.push_back(int(rng() % unsigned(n)));
                    s.weights.push_back(uniform(0.1, 1.0));
                }
                if (rng() % 2u) {
                    for (int j = 1 + int(rng() % 20u); j > 0; --j) {
                        s.returnCells.push_back(int(rng() % unsigned(n)));
                        s.returnWeights.push_back(uniform(0.1, 1.0));
                    }
                }
                sinks.push_back(s);
            }
            if (g.leakWPerK == 0.0 && sinks.empty())
                continue;
            g.directLimitCells = 1 << 30;
            const ThermalResult direct = solveThermal(g, src, sinks);
            g.directLimitCells = 0;
            const ThermalResult fast = solveThermal(g, src, sinks);
            QVERIFY(direct.ok && fast.ok);
            QCOMPARE(fast.activeSetPasses, direct.activeSetPasses);
            for (std::size_t i = 0; i < direct.temperatureC.size(); ++i)
                worstK = std::max(worstK, std::abs(fast.temperatureC[i] - direct.temperatureC[i]));
            QVERIFY(std::abs(fast.removedW + fast.leakW - fast.heatInW) < 1e-9 * std::max(1.0, fast.heatInW));
            saturatedCases += direct.activeSetPasses > 1 ? 1 : 0;
            ++checked;
        }
        qInfo("%d problems (%d with saturated units), worst |dT| %.2e K", checked, saturatedCases, worstK);
        QVERIFY(checked > 60 && saturatedCases > 5);
        QVERIFY2(worstK < 0.05, qPrintable(QString::number(worstK)));
    }

    void fastPathMatchesDirectOnRandomHall()
    {
        // The multigrid path (conjugate gradient for the pressure, BiCGSTAB for the heat, every
        // grid above directLimitCells) against the sparse direct solvers on 6,300 cells.
        for (unsigned seed : {1u, 2u, 3u}) {
            Hall h = randomHall(seed);
            h.g.directLimitCells = 1 << 30;
            const ThermalResult direct = solveThermal(h.g, h.src, h.sinks);
            h.g.directLimitCells = 0;
            const ThermalResult fast = solveThermal(h.g, h.src, h.sinks);
            QVERIFY(direct.ok && fast.ok);
            QCOMPARE(direct.iterations, 0);
            QVERIFY(fast.iterations > 0);
            // The case is meant to exercise the active set: some units saturate, some do not.
            int saturated = 0;
            for (std::size_t k = 0; k < h.sinks.size(); ++k) {
                QCOMPARE(fast.sinkSaturated[k], direct.sinkSaturated[k]);
                saturated += direct.sinkSaturated[k];
            }
            QVERIFY(saturated > 0 && saturated < int(h.sinks.size()));
            QCOMPARE(fast.activeSetPasses, direct.activeSetPasses);
            double maxDiffK = 0.0;
            for (std::size_t i = 0; i < direct.temperatureC.size(); ++i)
                maxDiffK = std::max(maxDiffK, std::abs(fast.temperatureC[i] - direct.temperatureC[i]));
            QVERIFY2(maxDiffK < 0.05, qPrintable(QString::number(maxDiffK)));
            for (std::size_t k = 0; k < h.sinks.size(); ++k)
                QVERIFY(std::abs(fast.sinkReturnC[k] - direct.sinkReturnC[k]) < 0.05);
            // Energy balance of each: heat in = removed by the units + envelope leak.
            QVERIFY(std::abs(fast.removedW + fast.leakW - fast.heatInW) < 1e-9 * fast.heatInW);
            QVERIFY(std::abs(direct.removedW + direct.leakW - direct.heatInW) < 1e-9 * direct.heatInW);
            qInfo("seed %u: %d of %zu units saturated, %d passes, %d iterations, max |dT| %.2e K", seed, saturated,
                  h.sinks.size(), fast.activeSetPasses, fast.iterations, maxDiffK);
        }
    }
};

QTEST_GUILESS_MAIN(TestThermalMap)
#include "tst_thermalmap.moc"
