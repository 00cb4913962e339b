// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/thermalmap.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

#include <cmath>

using namespace th::engine;

namespace {

ThermalSink sink(std::vector<int> cells, double capW)
{
    ThermalSink s;
    s.cells = std::move(cells);
    s.capacityW = capW;
    s.supplyC = 20.0;
    s.designDeltaK = 12.0;
    return s;
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
};

QTEST_GUILESS_MAIN(TestThermalMap)
#include "tst_thermalmap.moc"
