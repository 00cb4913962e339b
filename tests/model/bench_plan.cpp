// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmarks of the floor-plan model on a generated 5,000-item plan (label `bench`): load, full
// KPI recompute, and one drag step (move command + recompute). Results: docs/performance.md.
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/commands/addremoveequipment.h"
#include "model/commands/changegeometry.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/support/benchplans.h"

#include <QTest>

using namespace th;

namespace {

/// 5,000 items: 4,000 DGX H100 server racks in rows of 20 with hot/cold aisles, 500 NVL72 racks,
/// 300 network racks, 200 CRAHs, in one 300 m x 120 m hall.
FloorPlan generatedPlan()
{
    bench::PlanBuilder b(QStringLiteral("bench 5000"), 300000, 120000);
    auto add = [&](EquipmentKind kind, const char *id, double x, double y, double w, double d) { b.add(kind, id, x, y, w, d); };
    for (int i = 0; i < 5000; ++i) {
        const int row = i / 100, col = i % 100;
        const double x = 600.0 + col * 600.0 * 1.0 + (col / 20) * 1200.0;
        const double y = 600.0 + row * 2400.0;
        if (i < 4000)
            add(EquipmentKind::System, "nvidia-dgx-h100", x, y, 600, 1200);
        else if (i < 4500)
            add(EquipmentKind::System, "nvidia-gb200-nvl72", x, y, 600, 1068);
        else if (i < 4800)
            add(EquipmentKind::Facility, "netrack-ib-ndr", x, y, 600, 1200);
        else
            add(EquipmentKind::Facility, "inrow-cw-60kw", x, y, 600, 1070);
    }
    return std::move(b.plan);
}

} // namespace

class BenchPlan : public QObject
{
    Q_OBJECT
    Catalog m_catalog;
    QByteArray m_file;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY(m_catalog.openInMemory(&error));
        m_file = writePlan(generatedPlan());
        QCOMPARE(readPlan(m_file).plan->equipmentCount(), 5000);
    }

    void load()
    {
        QBENCHMARK {
            const PlanReadResult r = readPlan(m_file);
            QVERIFY(r.plan);
        }
    }

    void save()
    {
        const FloorPlan plan = *readPlan(m_file).plan;
        QBENCHMARK {
            const QByteArray out = writePlan(plan);
            QVERIFY(!out.isEmpty());
        }
    }

    void fullKpiRecompute_data() { plans(); }
    void fullKpiRecompute()
    {
        // With the power chain, the N-1 analysis (each of the 520 power units and 40 UPS systems
        // failing) is part of the recompute.
        QFETCH(bool, withPowerChain);
        const FloorPlan plan = withPowerChain ? bench::powerChainPlan() : *readPlan(m_file).plan;
        QCOMPARE(plan.equipmentCount(), 5000);
        CatalogCache cache(&m_catalog);
        const PlanEvaluation warm = evaluatePlan(plan, cache); // warm the catalog cache, as the GUI keeps it
        QVERIFY(warm.facility);
        if (withPowerChain) {
            QCOMPARE(warm.facility->powerUnits.size(), qsizetype(520));
            QCOMPARE(warm.facility->nMinus1.size(), qsizetype(520 + 40));
            QCOMPARE(warm.facility->powerRedundancy, QStringLiteral("2N"));
        }
        QBENCHMARK {
            const PlanEvaluation e = evaluatePlan(plan, cache);
            QVERIFY(e.accelerators > 0);
        }
    }

    void dragStep_data() { plans(); }
    void dragStep()
    {
        // One snapped step of a drag of 20 selected racks: a mergeable move command on the undo
        // stack, then the KPI recompute the GUI runs after it (with the power chain, their feeds
        // are reassigned). The racks alternate between their row and 600 mm below it.
        QFETCH(bool, withPowerChain);
        FloorPlanDocument doc;
        doc.resetPlan(withPowerChain ? bench::powerChainPlan() : *readPlan(m_file).plan);
        CatalogCache cache(&m_catalog);
        evaluatePlan(doc.plan(), cache);
        QHash<EquipmentId, double> rowY;
        for (int i = 0; i < doc.plan().equipmentCount() && rowY.size() < 20; ++i) {
            const Equipment &e = doc.plan().equipmentAt(i);
            if (e.catalogId() == QLatin1String("nvidia-dgx-h100"))
                rowY.insert(e.id(), geometryOf(e).yMm);
        }
        double dx = 0.0;
        QBENCHMARK {
            dx += 600.0;
            QHash<EquipmentId, Geometry> g;
            for (auto it = rowY.cbegin(); it != rowY.cend(); ++it) {
                Geometry geo = geometryOf(*doc.plan().equipment(it.key()));
                geo.yMm = it.value() + std::fmod(dx, 1200.0);
                g.insert(it.key(), geo);
            }
            doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), g, true));
            const PlanEvaluation e = evaluatePlan(doc.plan(), cache);
            QVERIFY(e.accelerators > 0);
        }
        // The feed picks the last step's assignment gave again without a search (PowerChainMemo).
        qInfo("feed picks per step: %d replayed, %d searched", cache.powerChainMemo().replayedPicks(), cache.powerChainMemo().searchedPicks());
    }

private:
    static void plans()
    {
        QTest::addColumn<bool>("withPowerChain");
        QTest::newRow("no power gear") << false;
        QTest::newRow("2N power chain") << true;
    }
};

QTEST_GUILESS_MAIN(BenchPlan)
#include "bench_plan.moc"
