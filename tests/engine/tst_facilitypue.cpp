// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/facilitypue.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

#include <cmath>

using namespace th::engine;

namespace {

/// Carnot fraction of a water-cooled chiller rated COP 6.0 at AHRI conditions:
/// evaporator 6.7 - 2 = 4.7 C, condensing 29.4 + 7 = 36.4 C, lift 31.7 K:
/// COP_carnot = 277.85 / 31.7 = 8.765 -> fraction = 6.0 / 8.765 = 0.6845.
const double kFraction = 6.0 * 31.7 / (4.7 + 273.15);

/// A 1 MW air-cooled hall: UPS losses 30 kW, PDU 10 kW (indoors), CRAH fans 20 kW, lighting
/// 5 kW, other 10 kW; water-cooled chillers (COP 6, 2 MW) with 2 MW of towers (26 kW fans).
FacilityLoad smallHall()
{
    FacilityLoad f;
    f.itKw = 1000.0;
    f.upsLossKw = 30.0;
    f.distributionLossKw = 10.0;
    f.airItHeatKw = 1000.0;
    f.airUnitPowerKw = 20.0;
    f.lightingKw = 5.0;
    f.otherKw = 10.0;
    f.plant.chillerCapacityKw = 2000.0;
    f.plant.chillerCopRated = 6.0;
    f.plant.chillerType = ChillerType::WaterCooled;
    f.plant.towerCapacityKw = 2000.0;
    f.plant.towerFanKw = 26.0;
    return f;
}

SiteClimate flatSite(double t, double rh, double range)
{
    SiteClimate s;
    s.id = "test";
    s.dryBulbC.fill(t);
    s.relHumidityPct.fill(rh);
    s.dailyRangeC = range;
    s.gridKgCo2PerKwh = 0.5;
    return s;
}

} // namespace

/// Plant power, PUE of a small hall, annualisation and China compliance, hand-computed.
class TestFacilityPue : public QObject
{
    Q_OBJECT
private slots:
    void chillerCopAtRating()
    {
        const PlantSetpoints s;
        // At the rating conditions the model returns the rated COP.
        TH_FUZZY_COMPARE(chillerCop(ChillerType::WaterCooled, 6.0, 4.7, 36.4, s), 6.0, 1e-12);
        TH_FUZZY_COMPARE(chillerCop(ChillerType::AirCooled, 3.3, 4.7, 47.0, s), 3.3, 1e-12);
        // Warm water (16 C evaporator) and 36 C condensing: 0.6845 x 289.15 / 20 = 9.897
        TH_FUZZY_COMPARE(chillerCop(ChillerType::WaterCooled, 6.0, 16.0, 36.0, s), kFraction * 289.15 / 20.0, 1e-12);
        // Low lift is capped at 2 x rated.
        TH_FUZZY_COMPARE(chillerCop(ChillerType::WaterCooled, 6.0, 16.0, 20.0, s), 12.0, 1e-12);
        // Hotter condensing -> lower COP.
        QVERIFY(chillerCop(ChillerType::AirCooled, 3.3, 16.0, 50.0, s) < chillerCop(ChillerType::AirCooled, 3.3, 16.0, 40.0, s));
    }

    void wetBulb()
    {
        // Stull (2011) worked example: 20 C, 50 % -> 13.7 C.
        QVERIFY(std::abs(wetBulbStullC(20.0, 50.0) - 13.7) < 0.05);
        QVERIFY(std::abs(wetBulbStullC(25.0, 100.0) - 25.0) < 0.5);
        QVERIFY(std::abs(dewPointC(20.0, relHumidityFromDewPointPct(20.0, 10.0)) - 10.0) < 1e-9);
    }

    void smallHallPueMechanical()
    {
        // Outdoor 30 C / 25 C wet-bulb: tower water 25 + 4 + 1.5 = 30.5 C >= 26 C return ->
        // no economiser. Air loop heat = 1000 IT + 40 losses + 20 fans + 5 lighting = 1065 kW.
        // COP: evaporator 18 - 2 = 16 C, condensing 25 + 4 + 7 = 36 C -> 0.6845 x 289.15/20 = 9.897
        // chiller = 1065 / 9.897 = 107.6 kW; rejected = 1172.6 kW;
        // tower fans = 26 x (1172.6/2000)^2 = 8.94 kW; pumps = 0.015 x 1065 = 15.975 kW;
        // cooling = 107.6 + 8.94 + 15.975 + 20 = 152.5 kW;
        // total = 1000 + 152.5 + 40 + 15 = 1207.5 kW -> PUE 1.2075
        const FacilityLoad f = smallHall();
        const PueBreakdown b = facilityPowerAt(f, {30.0, 25.0, 1.0});
        const double cop = kFraction * 289.15 / 20.0;
        const double chiller = 1065.0 / cop;
        const double rejected = 1065.0 + chiller;
        const double fans = 26.0 * std::pow(rejected / 2000.0, 2.0);
        const double pumps = 0.015 * 1065.0;
        const double cooling = chiller + fans + pumps + 20.0;
        TH_FUZZY_COMPARE(b.chillerKw, chiller, 1e-12);
        TH_FUZZY_COMPARE(b.heatRejectionFanKw, fans, 1e-12);
        TH_FUZZY_COMPARE(b.pumpKw, pumps, 1e-12);
        TH_FUZZY_COMPARE(b.coolingKw, cooling, 1e-12);
        TH_FUZZY_COMPARE(b.powerLossKw, 40.0, 1e-12);
        TH_FUZZY_COMPARE(b.lightingOtherKw, 15.0, 1e-12);
        TH_FUZZY_COMPARE(b.totalKw, 1000.0 + cooling + 40.0 + 15.0, 1e-12);
        TH_FUZZY_COMPARE(b.pue, (1000.0 + cooling + 55.0) / 1000.0, 1e-12);
        QVERIFY(b.pue > 1.20 && b.pue < 1.21);
        QCOMPARE(b.airRegime, CoolingRegime::Mechanical);
        // Water: evaporation 1172.6 x 0.85 x 3600 / 2450 = 1464.5 L/h, blowdown 1/3 of it.
        TH_FUZZY_COMPARE(b.waterLitresPerHour, rejected * 0.85 * 3600.0 / 2450.0 * 4.0 / 3.0, 1e-12);
    }

    void smallHallPueFreeAndPartial()
    {
        const FacilityLoad f = smallHall();
        // 5 C / 2 C: tower water 7.5 C -> full economiser, no chiller:
        // fans 26 x (1065/2000)^2 = 7.372, pumps 15.975 -> total 1000 + 43.35 + 40 + 15
        const PueBreakdown free = facilityPowerAt(f, {5.0, 2.0, 1.0});
        QCOMPARE(free.airRegime, CoolingRegime::Free);
        QCOMPARE(free.chillerKw, 0.0);
        const double freeCooling = 26.0 * std::pow(1065.0 / 2000.0, 2.0) + 0.015 * 1065.0 + 20.0;
        TH_FUZZY_COMPARE(free.pue, (1000.0 + freeCooling + 55.0) / 1000.0, 1e-12);
        // Wet-bulb 17 C: tower water 22.5 C; economiser share (26 - 22.5) / (26 - 18) = 0.4375;
        // condensing 17 + 11 = 28 C, lift 12 K -> Carnot COP 16.7 capped at 12:
        // chiller = 0.5625 x 1065 / 12 = 49.92 kW
        const PueBreakdown partial = facilityPowerAt(f, {22.0, 17.0, 1.0});
        QCOMPARE(partial.airRegime, CoolingRegime::Partial);
        TH_FUZZY_COMPARE(partial.chillerKw, 0.5625 * 1065.0 / 12.0, 1e-12);
        QVERIFY(free.pue < partial.pue);
    }

    void transformerLossesFollowMechanicalLoad()
    {
        // A 2375 kW transformer (flat 99 %) carrying the IT path adds losses on the
        // mechanical load too: loss = (IT path + cooling + lighting/other) x (1/0.99 - 1).
        FacilityLoad f = smallHall();
        PowerUnit t;
        t.id = 1;
        t.kind = PowerUnitKind::Transformer;
        t.capacityKw = 2375.0;
        t.efficiency.ratedEfficiency = 0.99;
        f.powerInput.units = {t};
        f.powerResult.units = {PowerUnitResult{}};
        f.powerResult.units[0].id = 1;
        f.powerResult.units[0].kind = PowerUnitKind::Transformer;
        f.powerResult.units[0].outputKw = 1040.0; // IT + UPS + PDU losses
        const PueBreakdown b = facilityPowerAt(f, {5.0, 2.0, 1.0});
        TH_FUZZY_COMPARE(b.transformerLossKw, (1040.0 + b.coolingKw + 15.0) * (1.0 / 0.99 - 1.0), 1e-12);
    }

    void annualised()
    {
        const FacilityLoad f = smallHall();
        // A site at 0 C all year stays on the economiser: annual PUE = free-cooling PUE.
        const SiteClimate cold = flatSite(0.0, 80.0, 4.0);
        const AnnualPue a = annualPue(f, cold);
        double hours = 0.0;
        for (const MonthPue &m : a.months)
            hours += m.freeHours + m.partialHours + m.mechanicalHours;
        TH_FUZZY_COMPARE(hours, 8760.0, 1e-12);
        TH_FUZZY_COMPARE(a.freeCoolingHours, 8760.0, 1e-12);
        TH_FUZZY_COMPARE(a.pueAnnual, facilityPowerAt(f, {0.0, -1.0, 1.0}).pue, 1e-12);
        TH_FUZZY_COMPARE(a.itMwh, 1000.0 * 8760.0 / 1000.0, 1e-12);
        TH_FUZZY_COMPARE(a.co2Tonnes, a.totalMwh * 0.5, 1e-12);
        TH_FUZZY_COMPARE(a.totalMwh, a.itMwh + a.coolingMwh + a.powerLossMwh + a.lightingOtherMwh, 1e-12);
        // A hot, humid site needs chillers: higher annual PUE, more water.
        const AnnualPue hot = annualPue(f, flatSite(30.0, 70.0, 8.0));
        QVERIFY(hot.pueAnnual > a.pueAnnual + 0.03);
        QVERIFY(hot.freeCoolingHours < 100.0);
        QVERIFY(hot.wueLitresPerKwh > a.wueLitresPerKwh);
        // The design point is the hottest bin: PUE there >= annual.
        QVERIFY(hot.design.pue >= hot.pueAnnual);
        // Monotonic in climate: 10 C site between the two.
        const double mid = annualPue(f, flatSite(15.0, 70.0, 8.0)).pueAnnual;
        QVERIFY(mid >= a.pueAnnual && mid <= hot.pueAnnual);
    }

    void monthConditionsWeights()
    {
        const SiteClimate s = flatSite(10.0, 60.0, 10.0);
        const std::vector<OutdoorCondition> c = monthConditions(s, 2);
        double h = 0.0, mean = 0.0;
        for (const OutdoorCondition &o : c) {
            h += o.hours;
            mean += o.dryBulbC * o.hours;
            QVERIFY(o.wetBulbC <= o.dryBulbC + 1e-9);
        }
        TH_FUZZY_COMPARE(h, 28.0 * 24.0, 1e-12);
        TH_FUZZY_COMPARE(mean / h, 10.0, 1e-9); // symmetric offsets keep the monthly mean
        const OutdoorCondition d = designCondition(s);
        TH_FUZZY_COMPARE(d.dryBulbC, 10.0 + 5.0 + std::sqrt(3.0) * 3.0, 1e-12);
    }

    void compliance_data()
    {
        QTest::addColumn<double>("pue");
        QTest::addColumn<int>("siteClass");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("applicable");
        QTest::addColumn<bool>("pass");
        QTest::newRow("west-1.22-fails-1.2") << 1.22 << int(PueTargetClass::ChinaWesternHub) << "cn-western-hub" << true << false;
        QTest::newRow("west-1.20-meets-1.2") << 1.20 << int(PueTargetClass::ChinaWesternHub) << "cn-western-hub" << true << true;
        QTest::newRow("hub-1.25-meets") << 1.25 << int(PueTargetClass::ChinaHub) << "cn-hub" << true << true;
        QTest::newRow("hub-1.26-fails") << 1.26 << int(PueTargetClass::ChinaHub) << "cn-hub" << true << false;
        QTest::newRow("new-large-1.30-fails-strict") << 1.30 << int(PueTargetClass::China) << "cn-new-large" << true << false;
        QTest::newRow("green-1.30-meets") << 1.30 << int(PueTargetClass::China) << "cn-green-dc" << true << true;
        QTest::newRow("abroad-reference-only") << 1.10 << int(PueTargetClass::None) << "cn-green-dc" << false << true;
        QTest::newRow("gb40879-g3-1.5") << 1.50 << int(PueTargetClass::China) << "gb40879-g3" << true << true;
    }
    void compliance()
    {
        QFETCH(double, pue);
        QFETCH(int, siteClass);
        QFETCH(QString, key);
        QFETCH(bool, applicable);
        QFETCH(bool, pass);
        for (const PueCompliance &c : chinaPueCompliance(pue, PueTargetClass(siteClass))) {
            if (QString::fromStdString(c.key) == key) {
                QCOMPARE(c.applicable, applicable);
                QCOMPARE(c.pass, pass);
                return;
            }
        }
        QFAIL("key not found");
    }
};

QTEST_GUILESS_MAIN(TestFacilityPue)
#include "tst_facilitypue.moc"
