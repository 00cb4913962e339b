// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cooling.h"
#include "model/engine/powerchain.h"
#include "model/engine/thermalmap.h"
#include "tests/engine/powerchaincampus.h"

#include <QTest>

#include <cmath>
#include <string>

using namespace th::engine;
using th::engine::testing::campus;

namespace {

CoolingInput campusCooling(const PowerChainInput &p)
{
    CoolingInput in;
    std::uint64_t id = 1000000;
    for (const PowerLoad &l : p.loads)
        in.loads.push_back({l.id, 30.0 * 0.2, 30.0 * 0.8, 0.0, l.xMm, l.yMm, l.site, true});
    for (int hall = 0; hall < 10; ++hall) {
        for (int row = 0; row < 50; ++row) {
            for (int k = 0; k < 4; ++k) // 4 in-row units of 60 kW per row (120 kW of air heat)
                in.units.push_back({id++, CoolingUnitType::InRow, 60, 1.6, row * 2400.0, 600.0 * (2 + 5 * k), hall, false});
            if (row % 5 == 0) // a 2 MW CDU per 5 rows (480 kW of liquid heat)
                in.units.push_back({id++, CoolingUnitType::Cdu, 2000, 18, row * 2400.0 + 4800, 6000, hall, true});
        }
    }
    return in;
}

/// Rows of racks across a size x size hall (rack every 2 tiles, a row every 4 tiles, solid
/// bodies), `units` units each supplying the intakes of a band of rows at 1.2 x their airflow.
struct BenchHall
{
    ThermalGridSpec g;
    std::vector<ThermalSource> src;
    std::vector<ThermalSink> sinks;
};

BenchHall benchHall(int size, int units)
{
    BenchHall h;
    ThermalGridSpec &g = h.g;
    g.nx = g.ny = size;
    g.solid.assign(std::size_t(g.nx * g.ny), 0);
    const int margin = size / 25;
    for (int row = margin / 2; row < size - margin / 2 - 2; row += 4)
        for (int x = margin; x < size - margin; x += 2) {
            g.solid[std::size_t((row + 1) * g.nx + x)] = 1;
            h.src.push_back({row * g.nx + x, 10000.0, (row + 2) * g.nx + x, airflowForHeatM3PerS(10000.0, 12.0)});
        }
    for (int band = 0; band < units; ++band) {
        ThermalSink s;
        for (std::size_t k = 0; k < h.src.size(); ++k) {
            if (int(k * std::size_t(units) / h.src.size()) == band) {
                s.cells.push_back(h.src[k].intakeCell);
                s.returnCells.push_back(h.src[k].cell);
            }
        }
        s.capacityW = 1.2 * 10000.0 * double(s.cells.size());
        s.supplyC = 20.0;
        h.sinks.push_back(s);
    }
    return h;
}

} // namespace

class BenchFacility : public QObject
{
    Q_OBJECT
private slots:
    void powerChain10kRacks()
    {
        const PowerChainInput in = campus();
        QCOMPARE(in.loads.size(), std::size_t(10000));
        PowerChainResult r;
        QBENCHMARK {
            r = analysePowerChain(in);
        }
        qInfo("units %zu, loads %zu, N-1 cases %zu + %zu systems, achieved %s, IT %.0f kW, UPS loss %.0f kW, max-flows solved %d",
              in.units.size(), in.loads.size(), r.nMinus1.size(), r.systemFailures.size(), std::string(redundancyKey(r.achieved)).c_str(),
              r.itKw, r.upsLossKw, r.maxFlowRuns);
        QCOMPARE(r.achieved, RedundancyMode::TwoN);
    }
    /// The same campus with racks drawing 4 x as much (120 kW each, 1.2 GW IT on 300 MW of
    /// transformers, like the overlay bench's over-capacity plan at 3.7 x): every unit is over its
    /// rating in normal operation, so no proportional flow certifies a case and each of the
    /// 2,300 N-1 cases solves a max-flow (warm-started from the normal-operation max-flow).
    void powerChain10kRacksOverCapacity()
    {
        PowerChainInput in = campus();
        for (PowerLoad &l : in.loads)
            l.itKw *= 4.0;
        PowerChainResult r;
        QBENCHMARK {
            r = analysePowerChain(in);
        }
        qInfo("N-1 cases %zu + %zu systems, achieved %s, IT %.0f kW, deliverable %.0f kW, max-flows solved %d",
              r.nMinus1.size(), r.systemFailures.size(), std::string(redundancyKey(r.achieved)).c_str(), r.itKw, r.deliverableKw,
              r.maxFlowRuns);
        qInfo("failure max-flows: %d unchanged, %d re-routed, %d reduced", r.warmFlowsUnchanged, r.warmFlowsRerouted, r.warmFlowsReduced);
        QCOMPARE(r.achieved, RedundancyMode::None);
        QCOMPARE(r.maxFlowRuns, 1 + int(r.nMinus1.size() + r.systemFailures.size()));
    }
    void cooling10kRacks()
    {
        const CoolingInput in = campusCooling(campus());
        CoolingResult r;
        QBENCHMARK {
            r = analyseCooling(in);
        }
        qInfo("cooling units %zu, zones %zu, all ok %d", in.units.size(), r.zones.size(), int(r.allZonesOk));
    }
    void thermal500x500()
    {
        // 27,600 racks of 10 kW as fans (exhaust on their row, intake two tiles on), solid rack
        // bodies, 60 units each supplying the intakes of a band of rows and returning from its
        // exhausts: the advective model at full size (two sparse solves).
        const BenchHall h = benchHall(500, 60);
        ThermalResult r;
        QBENCHMARK {
            r = solveThermal(h.g, h.src, h.sinks);
        }
        qInfo("advective model: %zu sources, max %.1f C, %d passes, %d iterations", h.src.size(), r.maxC, r.activeSetPasses, r.iterations);
        QVERIFY(r.ok);
        QVERIFY(std::abs(r.removedW + r.leakW - r.heatInW) < 1e-6 * r.heatInW);
    }
    void thermalTypicalHall_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("directLimit");
        for (int size : {32, 50, 100}) {
            const std::string s = std::to_string(size);
            QTest::newRow((s + " direct").c_str()) << size << 1000000;
            QTest::newRow((s + " multigrid").c_str()) << size << 0;
        }
    }
    void thermalTypicalHall()
    {
        // The same layout on size x size tiles (100 x 100: 10,000 cells, 1,104 racks, 4 units; a
        // typical hall), direct solvers against the multigrid path.
        QFETCH(int, size);
        QFETCH(int, directLimit);
        BenchHall h = benchHall(size, 4);
        h.g.directLimitCells = directLimit;
        ThermalResult r;
        QBENCHMARK {
            r = solveThermal(h.g, h.src, h.sinks);
        }
        qInfo("%zu sources, max %.2f C, %d passes, %d iterations", h.src.size(), r.maxC, r.activeSetPasses, r.iterations);
        QVERIFY(r.ok);
    }
    void thermal500x500Cg()
    {
        ThermalGridSpec g;
        g.nx = g.ny = 500;
        g.directLimitCells = 0;
        std::vector<ThermalSource> src;
        for (int row = 10; row < 490; row += 4)
            for (int x = 20; x < 480; x += 2)
                src.push_back({row * g.nx + x, 10000.0});
        ThermalSink s;
        for (int row = 12; row < 490; row += 8)
            for (int x = 20; x < 480; ++x)
                s.cells.push_back(row * g.nx + x);
        s.capacityW = 2.0 * 10000.0 * 230.0 * 60;
        ThermalResult r;
        QBENCHMARK {
            r = solveThermal(g, src, {s});
        }
        qInfo("diffusion only (no airflow), multigrid-preconditioned BiCGSTAB: %d iterations", r.iterations);
        QVERIFY(r.ok);
    }
};

QTEST_GUILESS_MAIN(BenchFacility)
#include "bench_facility.moc"
