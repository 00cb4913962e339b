// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/io/planfile.h"
#include "tests/support/fuzzycompare.h"
#include "tests/support/testpaths.h"

#include <QTest>

using namespace th;

namespace {

Equipment item(EquipmentKind kind, const QString &id, double x, double y, double w = 600, double d = 1200)
{
    static EquipmentId next = 1;
    Equipment e(next++, kind, id);
    e.setHallId(1);
    e.setPositionMm(x, y);
    e.setSizeMm(w, d);
    return e;
}

FloorPlan smallHall()
{
    FloorPlan plan;
    plan.name = QStringLiteral("small");
    Hall h;
    h.id = 1;
    h.name = QStringLiteral("Hall A");
    h.widthMm = 12000;
    h.depthMm = 10000; // 120 m2
    h.yardDepthMm = 5000;
    plan.addHall(h);
    return plan;
}

/// The cooling-type first estimate and pooled capacity checks, without the facility physics
/// (tested in tst_facilityanalysis).
PlanAssumptions firstEstimate()
{
    PlanAssumptions a;
    a.includeFacility = false;
    return a;
}

bool hasViolation(const PlanEvaluation &e, const QString &kind)
{
    for (const Violation &v : e.violations) {
        if (v.kind == kind)
            return true;
    }
    return false;
}

} // namespace

class TestPlanAnalysis : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void handComputedKpis()
    {
        // Two NVL72 racks (catalog: 72 GB200 each, 120 kW, 1,360 kg, 600 x 1,068 mm, 85 % liquid)
        // and one DGX H100 rack with 2 servers (2 x 8 H100, 2 x 10.2 kW, air).
        FloorPlan plan = smallHall();
        CatalogCache cache(&m_catalog);
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72"), 0, 0, 600, 1068)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72"), 600, 0, 600, 1068)));
        Equipment dgx = item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 3000, 0);
        dgx.setProperty(QStringLiteral("units_per_rack"), 2);
        plan.insertEquipment(std::make_unique<Equipment>(dgx));
        const PlanEvaluation e = evaluatePlan(plan, cache, firstEstimate());
        QCOMPARE(e.accelerators, 72LL * 2 + 16);
        QCOMPARE(e.computeRacks, 3);
        // IT: 2 x 120 + 2 x 10.2 = 260.4 kW
        TH_FUZZY_COMPARE(e.itKw, 260.4, 1e-12);
        // Peak BF16 dense: 144 x 2,500 TFLOPS + 16 x 989.4 = 360,000 + 15,830.4 = 375.8304 PFLOPS
        TH_FUZZY_COMPARE(e.peakPflops(engine::Precision::Bf16), 375.8304, 1e-9);
        // PUE: air 2 x 120 x 0.15 + 20.4 = 56.4 kW at 0.42, liquid 204 kW at 0.15:
        // 1 + (56.4 x 0.42 + 204 x 0.15) / 260.4 = 1 + (23.688 + 30.6) / 260.4 = 1.208479
        TH_FUZZY_COMPARE(e.pue, 1.0 + (56.4 * 0.42 + 204.0 * 0.15) / 260.4, 1e-12);
        TH_FUZZY_COMPARE(e.facilityKw, 260.4 * e.pue, 1e-12);
        QCOMPARE(e.kwPerRackMax, 120.0);
        TH_FUZZY_COMPARE(e.kwPerRackAvg, 260.4 / 3, 1e-12);
        TH_FUZZY_COMPARE(e.kwPerM2, 260.4 / 120.0, 1e-12);
        // Floor: 1,360 kg over 0.6 x 1.068 m = 2,122.3 kg/m2 > 1,200 rating -> warning
        TH_FUZZY_COMPARE(e.kgPerM2Max, 1360.0 / (0.6 * 1.068), 1e-12);
        QVERIFY(hasViolation(e, QStringLiteral("floor_load")));
        // CapEx from the catalog prices (systems.csv): NVL72 US$2.5 M per rack, DGX H100
        // US$270,000 per server (SemiAnalysis estimate); a server rack counts its units:
        // 2 x 2,500,000 + 2 x 270,000 = 5,540,000.
        QCOMPARE(e.itemsWithoutPrice, 0);
        TH_FUZZY_COMPARE(e.capexUsd, 5540000.0, 1e-12);
        // Opex: facility kW x 8760 h x $0.08 + 3 % of CapEx
        TH_FUZZY_COMPARE(e.opexUsdPerYear, e.facilityKw * 8760 * 0.08 + e.capexUsd * 0.03, 1e-9);
        QCOMPARE(e.dominantChipId, QStringLiteral("nvidia-gb200"));
    }

    void unpricedItemsAreCountedNotPriced()
    {
        // The TPU v4 cube has no price (Google does not sell TPUs): it adds nothing to CapEx
        // and is counted once; the priced NVL72 next to it still adds its US$2.5 M.
        FloorPlan plan = smallHall();
        CatalogCache cache(&m_catalog);
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("google-tpu-v4-cube"), 0, 0)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72"), 3000, 0, 600, 1068)));
        const PlanEvaluation e = evaluatePlan(plan, cache, firstEstimate());
        QCOMPARE(e.itemsWithoutPrice, 1);
        TH_FUZZY_COMPARE(e.capexUsd, 2500000.0, 1e-12);
    }

    void violations()
    {
        FloorPlan plan = smallHall();
        CatalogCache cache(&m_catalog);
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 0, 0)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 300, 600))); // overlaps
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 600, 0))); // touches only
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 11700, 0))); // out
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("no-such-system"), 5000, 5000)));
        Structure door;
        door.id = 99;
        door.kind = StructureKind::Door;
        door.hallId = 1;
        door.rectMm = QRectF(5000, 8800, 1800, 200);
        plan.insertStructure(door);
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100"), 5400, 8000))); // blocks door
        const PlanEvaluation e = evaluatePlan(plan, cache);
        int overlaps = 0;
        for (const Violation &v : e.violations)
            overlaps += v.kind == QLatin1String("overlap");
        QCOMPARE(overlaps, 2); // item 2 overlaps items 1 and 3 (which only touch each other)
        QVERIFY(hasViolation(e, QStringLiteral("out_of_bounds")));
        QVERIFY(hasViolation(e, QStringLiteral("missing_catalog")));
        QVERIFY(hasViolation(e, QStringLiteral("blocks_door")));
        QCOMPARE(e.accelerators, 8LL * 4 * 5); // the missing item is kept but not counted
    }

    void capacityChecks()
    {
        FloorPlan plan = smallHall();
        CatalogCache cache(&m_catalog);
        // 3 NVL72 = 360 kW IT against one 500 kW UPS (fits, not N+1) and one 200 kW CRAH +
        // one 100 kW CRAH (300 kW < 360 kW: over capacity).
        for (int i = 0; i < 3; ++i)
            plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72"), i * 600.0, 0, 600, 1068)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::Facility, QStringLiteral("ups-schneider-galaxy-vx-500"), 4000, 0, 1800, 970)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::Facility, QStringLiteral("crah-fanwall-200kw"), 4000, 3000, 2600, 900)));
        plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::Facility, QStringLiteral("crah-cw-100kw"), 4000, 5000, 1700, 900)));
        const PlanEvaluation e = evaluatePlan(plan, cache, firstEstimate());
        TH_FUZZY_COMPARE(e.powerCapacityKw, 500, 1e-12);
        TH_FUZZY_COMPARE(e.powerUtilization, 360.0 / 500.0, 1e-12);
        QVERIFY(!e.powerNMinus1Ok);
        TH_FUZZY_COMPARE(e.coolingCapacityKw, 300, 1e-12);
        QVERIFY(hasViolation(e, QStringLiteral("cooling_capacity")));
        QVERIFY(!hasViolation(e, QStringLiteral("power_capacity")));
    }

    void workloadUsesPlacedChips()
    {
        FloorPlan plan = smallHall();
        CatalogCache cache(&m_catalog);
        for (int i = 0; i < 4; ++i)
            plan.insertEquipment(std::make_unique<Equipment>(item(EquipmentKind::System, QStringLiteral("nvidia-gb200-nvl72"), i * 600.0, 0, 600, 1068)));
        Workload w;
        w.model = QJsonObject{{QStringLiteral("preset"), QStringLiteral("gpt3-175b")}};
        w.tokens = 300e9;
        w.mfu = 0.4;
        plan.setWorkload(w);
        const PlanEvaluation e = evaluatePlan(plan, cache);
        QVERIFY(e.training);
        // 6 x 175e9 x 300e9 / (288 x 2,500e12 x 0.4) / 86,400 = 12.66 days (preset params 175e9)
        TH_FUZZY_COMPARE(e.training->days, 6.0 * 175e9 * 300e9 / (288 * 2500e12 * 0.4) / 86400.0, 1e-9);
        // Without MFU and with a global batch: the performance model estimates it.
        w.mfu.reset();
        w.globalBatchTokens = 1536.0 * 2048;
        plan.setWorkload(w);
        const PlanEvaluation modelled = evaluatePlan(plan, cache);
        QVERIFY2(modelled.training, qPrintable(modelled.workloadProblems.join(QLatin1Char(';'))));
        QVERIFY(modelled.workloadRun);
        QVERIFY(modelled.training->mfu > 0.2 && modelled.training->mfu < 0.7);
        // Without a global batch: explained, not faked.
        w.globalBatchTokens = 0;
        plan.setWorkload(w);
        const PlanEvaluation missing = evaluatePlan(plan, cache);
        QVERIFY(!missing.training);
        QVERIFY(!missing.workloadProblems.isEmpty());
    }

    void samplePlans_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("accelerators");
        QTest::addColumn<double>("itKw");
        QTest::addColumn<QStringList>("expectedViolations");
        QTest::newRow("gb200") << QStringLiteral("gb200-nvl72-pod.thplan") << 576 << 8 * 120.0 + 2 * 14.0 << QStringList();
        QTest::newRow("h100") << QStringLiteral("h100-1024-air.thplan") << 1024 << 128 * 10.2 + 8 * 14.0 + 4 * 15.0 << QStringList();
        QTest::newRow("cm384") << QStringLiteral("cloudmatrix-384-hall.thplan") << 768 << 2 * 559.0 << QStringList();
        // An air-cooled hall in Wuhu misses the national hub PUE target (a finding, by design).
        QTest::newRow("ascend") << QStringLiteral("ascend-910b-hall.thplan") << 512 << 64 * 5.6 + 2 * 12.0 + 2 * 15.0
                                << QStringList{QStringLiteral("pue_target")};
        QTest::newRow("retrofit") << QStringLiteral("overloaded-retrofit.thplan") << 4 * 72 + 2 * 16 << 4 * 120.0 + 2 * 2 * 10.2
                                  << QStringList{QStringLiteral("power_overload"), QStringLiteral("power_shortfall"),
                                                 QStringLiteral("power_redundancy"), QStringLiteral("cooling_no_cdu"),
                                                 QStringLiteral("floor_load_tile"), QStringLiteral("aisle_too_narrow")};
    }
    void samplePlans()
    {
        QFETCH(QString, file);
        QFETCH(int, accelerators);
        QFETCH(double, itKw);
        QFETCH(QStringList, expectedViolations);
        const PlanReadResult r = readPlanFile(test::sourcePath(QStringLiteral("data/samples/") + file));
        QVERIFY(r.plan);
        CatalogCache cache(&m_catalog);
        const PlanEvaluation e = evaluatePlan(*r.plan, cache);
        QCOMPARE(e.accelerators, (long long)accelerators);
        TH_FUZZY_COMPARE(e.itKw, itKw, 1e-9);
        QStringList kinds;
        for (const Violation &v : e.violations)
            kinds << v.kind;
        kinds.sort();
        expectedViolations.sort();
        QCOMPARE(kinds, expectedViolations);
        QVERIFY(e.facility);
        QCOMPARE(e.pueMethod, QStringLiteral("facility model"));
        QVERIFY(e.pue > 1.0 && e.pue < 1.6);
        if (expectedViolations.isEmpty()) {
            QVERIFY2(e.training, qPrintable(e.workloadProblems.join(QLatin1Char(';'))));
            QVERIFY(e.powerNMinus1Ok);
            QVERIFY(e.coolingNMinus1Ok);
            QCOMPARE(e.facility->powerRedundancy, QStringLiteral("2N"));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanAnalysis)
#include "tst_plananalysis.moc"
