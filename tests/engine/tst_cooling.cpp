// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cooling.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

using namespace th::engine;

namespace {

CoolingUnit unit(std::uint64_t id, CoolingUnitType type, double capKw, double powerKw, double x, double y)
{
    CoolingUnit u;
    u.id = id;
    u.type = type;
    u.capacityKw = capKw;
    u.ratedPowerKw = powerKw;
    u.xMm = x;
    u.yMm = y;
    return u;
}

HeatLoad load(std::uint64_t id, double airKw, double liquidKw, double x, double y)
{
    HeatLoad l;
    l.id = id;
    l.airKw = airKw;
    l.liquidKw = liquidKw;
    l.xMm = x;
    l.yMm = y;
    return l;
}

} // namespace

/// Cooling zones, reach, N+1 and unit power, hand-computed.
class TestCooling : public QObject
{
    Q_OBJECT
private slots:
    void crahZoneNPlus1()
    {
        // Two 100 kW CRAHs (4.5 kW fans) serve the whole hall: 150 kW of air heat.
        // Capacity 200, without the largest 100 < 150 -> not N+1. Utilisation 0.75;
        // fan power 4.5 x 0.75^2 = 2.53125 kW per unit.
        CoolingInput in;
        in.units = {unit(1, CoolingUnitType::Crah, 100, 4.5, 0, 0), unit(2, CoolingUnitType::Crah, 100, 4.5, 20000, 0)};
        in.loads = {load(10, 100, 0, 5000, 5000), load(11, 50, 0, 9000, 5000)};
        const CoolingResult r = analyseCooling(in);
        QCOMPARE(r.zones.size(), std::size_t(1));
        TH_FUZZY_COMPARE(r.zones[0].demandKw, 150.0, 1e-12);
        TH_FUZZY_COMPARE(r.zones[0].capacityNMinus1Kw, 100.0, 1e-12);
        QVERIFY(!r.zones[0].nPlus1Ok);
        QVERIFY(!r.zones[0].overCapacity);
        TH_FUZZY_COMPARE(r.units[0].utilisation, 0.75, 1e-12);
        TH_FUZZY_COMPARE(r.units[0].powerKw, 4.5 * 0.75 * 0.75, 1e-12);
        TH_FUZZY_COMPARE(r.airUnitPowerKw, 2 * 4.5 * 0.75 * 0.75, 1e-12);
        QVERIFY(r.allZonesOk);
        QVERIFY(!r.allZonesNPlus1);
        // A third CRAH: 300 - 100 = 200 >= 150 -> N+1.
        in.units.push_back(unit(3, CoolingUnitType::Crah, 100, 4.5, 10000, 0));
        QVERIFY(analyseCooling(in).allZonesNPlus1);
        // 250 kW of heat on 200 kW: over capacity.
        in.units.pop_back();
        in.loads.push_back(load(12, 100, 0, 1000, 1000));
        const CoolingResult over = analyseCooling(in);
        QVERIFY(over.zones[0].overCapacity);
        QVERIFY(!over.allZonesOk);
    }

    void liquidNeedsCdu()
    {
        // A 120 kW rack, 85 % liquid (102 kW) and 18 kW air: a CDU 30 m away is out of its
        // 20 m reach -> violation; at 5 m it is in reach.
        CoolingInput in;
        in.units = {unit(1, CoolingUnitType::Crah, 200, 8, 0, 0), unit(2, CoolingUnitType::Cdu, 1350, 15, 30000, 0)};
        in.loads = {load(10, 18, 102, 0, 0)};
        CoolingResult r = analyseCooling(in);
        QCOMPARE(r.loadsWithoutLiquid, std::vector<std::uint64_t>{10});
        QVERIFY(!r.allZonesOk);
        TH_FUZZY_COMPARE(r.liquidHeatKw, 102.0, 1e-12);
        in.units[1].xMm = 5000;
        r = analyseCooling(in);
        QVERIFY(r.loadsWithoutLiquid.empty());
        QCOMPARE(r.zones.size(), std::size_t(2)); // one air, one liquid
        // CDU pump at 102/1350 load: 15 x (102/1350)^2
        TH_FUZZY_COMPARE(r.liquidUnitPowerKw, 15.0 * std::pow(102.0 / 1350.0, 2.0), 1e-12);
    }

    void inRowReach()
    {
        // In-row unit at (0, 0), row along x: reaches 6 m along, 1.5 m across.
        CoolingInput in;
        in.units = {unit(1, CoolingUnitType::InRow, 60, 1.6, 0, 0)};
        in.loads = {load(10, 20, 0, 5000, 500), load(11, 20, 0, 0, 3000), load(12, 20, 0, 7000, 0)};
        CoolingResult r = analyseCooling(in);
        QCOMPARE(r.loadsWithoutAir, (std::vector<std::uint64_t>{11, 12}));
        // The same unit turned 90 degrees: the row runs along y.
        in.units[0].rowAlongX = false;
        r = analyseCooling(in);
        QCOMPARE(r.loadsWithoutAir, (std::vector<std::uint64_t>{10, 12}));
    }

    void separateZones()
    {
        // Two rows 10 m apart, each with its own in-row unit: two zones, each N+0.
        CoolingInput in;
        in.units = {unit(1, CoolingUnitType::InRow, 60, 1.6, 0, 0), unit(2, CoolingUnitType::InRow, 60, 1.6, 0, 10000)};
        in.loads = {load(10, 40, 0, 600, 0), load(11, 50, 0, 600, 10000)};
        const CoolingResult r = analyseCooling(in);
        QCOMPARE(r.zones.size(), std::size_t(2));
        TH_FUZZY_COMPARE(r.units[0].utilisation, 40.0 / 60.0, 1e-12);
        TH_FUZZY_COMPARE(r.units[1].utilisation, 50.0 / 60.0, 1e-12);
    }

    void rearDoorTakesOneRack()
    {
        // A rear door between two adjacent racks serves only the nearer one.
        CoolingInput in;
        in.units = {unit(1, CoolingUnitType::RearDoor, 50, 0, 100, 0)};
        in.loads = {load(10, 30, 0, 0, 0), load(11, 30, 0, 600, 0)};
        const CoolingResult r = analyseCooling(in);
        QCOMPARE(r.loadsWithoutAir, std::vector<std::uint64_t>{11});
        TH_FUZZY_COMPARE(r.units[0].loadKw, 30.0, 1e-12);
    }

    void powerLossesNeverUncooled()
    {
        // Heat of power gear joins air zones but is not reported as an uncooled rack.
        CoolingInput in;
        HeatLoad ups = load(50, 20, 0, 0, 0);
        ups.needsOwnCoolingCheck = false;
        in.loads = {ups};
        const CoolingResult r = analyseCooling(in);
        QVERIFY(r.loadsWithoutAir.empty());
    }
};

QTEST_GUILESS_MAIN(TestCooling)
#include "tst_cooling.moc"
