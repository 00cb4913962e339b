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
    FloorPlan plan;
    plan.name = QStringLiteral("bench 5000");
    Hall h;
    h.id = 1;
    h.name = QStringLiteral("Campus hall");
    h.widthMm = 300000;
    h.depthMm = 120000;
    plan.addHall(h);
    int n = 0;
    auto add = [&](EquipmentKind kind, const char *id, double x, double y, double w, double d) {
        auto e = std::make_unique<Equipment>(plan.allocateId(), kind, QString::fromLatin1(id));
        e->setHallId(1);
        e->setPositionMm(x, y);
        e->setSizeMm(w, d);
        plan.insertEquipment(std::move(e));
        ++n;
    };
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
    return plan;
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

    void fullKpiRecompute()
    {
        const FloorPlan plan = *readPlan(m_file).plan;
        CatalogCache cache(&m_catalog);
        evaluatePlan(plan, cache); // warm the catalog cache, as the GUI keeps it
        QBENCHMARK {
            const PlanEvaluation e = evaluatePlan(plan, cache);
            QVERIFY(e.accelerators > 0);
        }
    }

    void fullKpiRecomputePowerChain()
    {
        // The same recompute on a plan with a 2N power chain: the N-1 analysis (each of the 520
        // power units and 40 UPS systems failing) is part of it.
        const FloorPlan plan = bench::powerChainPlan();
        QCOMPARE(plan.equipmentCount(), 5000);
        CatalogCache cache(&m_catalog);
        const PlanEvaluation warm = evaluatePlan(plan, cache);
        QVERIFY(warm.facility);
        QCOMPARE(warm.facility->powerUnits.size(), qsizetype(520));
        QCOMPARE(warm.facility->nMinus1.size(), qsizetype(520 + 40));
        qInfo("IT %.0f kW, redundancy %s, N-1 ok %d, deliverable %.0f kW", warm.facility->itKw, qPrintable(warm.facility->powerRedundancy),
              int(warm.facility->powerNMinus1Ok), warm.facility->deliverableKw);
        QCOMPARE(warm.facility->powerRedundancy, QStringLiteral("2N"));
        QBENCHMARK {
            const PlanEvaluation e = evaluatePlan(plan, cache);
            QVERIFY(e.accelerators > 0);
        }
    }

    void dragStepPowerChain()
    {
        // A drag step of 20 racks on the plan with the power chain: their feeds are reassigned.
        FloorPlanDocument doc;
        doc.resetPlan(bench::powerChainPlan());
        CatalogCache cache(&m_catalog);
        evaluatePlan(doc.plan(), cache);
        QList<EquipmentId> ids;
        for (int i = 0; i < doc.plan().equipmentCount() && ids.size() < 20; ++i) {
            if (doc.plan().equipmentAt(i).catalogId() == QLatin1String("nvidia-dgx-h100"))
                ids << doc.plan().equipmentAt(i).id();
        }
        double dx = 0.0;
        QBENCHMARK {
            dx += 600.0;
            QHash<EquipmentId, Geometry> g;
            for (EquipmentId id : ids) {
                Geometry geo = geometryOf(*doc.plan().equipment(id));
                geo.yMm += std::fmod(dx, 1200.0) - 600.0;
                g.insert(id, geo);
            }
            doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), g, true));
            const PlanEvaluation e = evaluatePlan(doc.plan(), cache);
            QVERIFY(e.accelerators > 0);
        }
    }

    void dragStep()
    {
        // One snapped step of a drag of 20 selected racks: a mergeable move command on the undo
        // stack, then the KPI recompute the GUI runs after it.
        FloorPlanDocument doc;
        doc.resetPlan(*readPlan(m_file).plan);
        CatalogCache cache(&m_catalog);
        evaluatePlan(doc.plan(), cache);
        QList<EquipmentId> ids;
        for (int i = 0; i < 20; ++i)
            ids << doc.plan().equipmentAt(i).id();
        double dx = 0.0;
        QBENCHMARK {
            dx += 600.0;
            QHash<EquipmentId, Geometry> g;
            for (EquipmentId id : ids) {
                Geometry geo = geometryOf(*doc.plan().equipment(id));
                geo.yMm = 600.0 + std::fmod(dx, 1200.0);
                g.insert(id, geo);
            }
            doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), g, true));
            const PlanEvaluation e = evaluatePlan(doc.plan(), cache);
            QVERIFY(e.accelerators > 0);
        }
    }
};

QTEST_GUILESS_MAIN(BenchPlan)
#include "bench_plan.moc"
