// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the CatalogCache keeps between recomputes (docs/facility-model.md §7): the facility
// catalog columns, the site's outdoor conditions, the last annual PUE and the power chain's feed
// assignment (engine::PowerChainMemo). A cache kept across random edits of every kind — moves
// (back and forth, as a drag), items added and deleted, properties, the catalog, the assumptions —
// must give exactly what a fresh cache gives: `terahall evaluate`'s JSON compared byte for byte.
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/catalog/csv.h"
#include "model/io/evaluationjson.h"
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"

#include <QJsonDocument>
#include <QTest>

#include <array>
#include <random>

using namespace th;

class TestAnalysisCache : public QObject
{
    Q_OBJECT

private slots:
    void keptCacheEqualsFreshCache_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("2N hall") << QStringLiteral("h100-1024-air.thplan");
        QTest::newRow("over capacity") << QStringLiteral("overloaded-retrofit.thplan");
        QTest::newRow("multi-rack systems") << QStringLiteral("cloudmatrix-384-hall.thplan");
    }
    void keptCacheEqualsFreshCache()
    {
        QFETCH(QString, file);
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
        const PlanReadResult read = readPlanFile(test::sourcePath(QStringLiteral("data/samples/") + file));
        QVERIFY(read.plan);
        FloorPlan plan = *read.plan;
        PlanAssumptions assumptions;
        CatalogCache kept(&catalog);
        std::mt19937_64 rng(qHash(file));
        auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
        auto anyItem = [&]() -> Equipment & { return *plan.equipment(plan.equipmentAt(uni(0, plan.equipmentCount() - 1)).id()); };
        std::array<int, 8> editsOfKind{};
        int replayedSteps = 0;
        for (int step = 0; step <= 60; ++step) {
            if (step > 0) {
                const int kind = uni(0, 7);
                ++editsOfKind[std::size_t(kind)];
                if (kind <= 2) { // a drag step of a rack or unit, often back to where it was
                    Equipment &e = anyItem();
                    e.setPositionMm(e.xMm() + uni(-1, 1) * 600.0, e.yMm() + uni(-1, 1) * 1200.0);
                } else if (kind == 3) { // a copy of an item added somewhere in the list
                    auto copy = std::make_unique<Equipment>(anyItem());
                    copy->setId(plan.allocateId());
                    copy->setPositionMm(copy->xMm() + 600.0, copy->yMm());
                    plan.insertEquipment(std::move(copy), uni(0, plan.equipmentCount()));
                } else if (kind == 4 && plan.equipmentCount() > 10) {
                    plan.takeEquipment(anyItem().id());
                } else if (kind == 5) { // properties the facility analysis reads
                    Equipment &e = anyItem();
                    if (uni(0, 1))
                        e.setProperty(QStringLiteral("dual_corded"), !e.properties().value(QStringLiteral("dual_corded"), true).toBool());
                    else
                        e.setProperty(QStringLiteral("redundancy_group"), uni(0, 1) ? QStringLiteral("A") : QStringLiteral("B"));
                } else if (kind == 6) { // the catalog: a PDU with another rating and efficiency
                    const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::Equipment));
                    QVERIFY(exported.error.isEmpty());
                    const QStringList header = exported.records.at(0).fields;
                    for (qsizetype r = 1; r < exported.records.size(); ++r) {
                        QStringList row = exported.records.at(r).fields;
                        if (row.value(0) != QLatin1String("pdu-floor-300kva"))
                            continue;
                        row[header.indexOf(QStringLiteral("capacity_kw"))] = QString::number(200 + 50 * uni(0, 4));
                        row[header.indexOf(QStringLiteral("efficiency_curve"))] = uni(0, 1) ? QStringLiteral("0.25:0.95;0.5:0.97;1:0.96")
                                                                                            : QStringLiteral("0.25:0.975;0.5:0.982;0.75:0.981;1:0.98");
                        const ImportResult ir = catalog.importCsv(csv::writeRecord(header) + csv::writeRecord(row));
                        QVERIFY(ir.ok);
                    }
                    kept.clear(); // what the GUI does after a catalog change
                } else { // the assumptions: site, derating, redundancy target
                    const char *sites[] = {"beijing", "shanghai", "singapore", "frankfurt"};
                    assumptions.facility.siteId = QString::fromLatin1(sites[uni(0, 3)]);
                    assumptions.facility.deratingFraction = uni(0, 1) ? 0.8 : 0.9;
                    assumptions.facility.powerTarget = uni(0, 1) ? engine::RedundancyMode::TwoN : engine::RedundancyMode::NPlus1;
                }
            }
            CatalogCache fresh(&catalog);
            const QByteArray withKept = QJsonDocument(evaluationToJson(plan, evaluatePlan(plan, kept, assumptions), assumptions)).toJson();
            const QByteArray withFresh = QJsonDocument(evaluationToJson(plan, evaluatePlan(plan, fresh, assumptions), assumptions)).toJson();
            QVERIFY2(withKept == withFresh, qPrintable(QStringLiteral("step %1 differs").arg(step)));
            replayedSteps += step > 0 && kept.powerChainMemo().replayedPicks() > 0 ? 1 : 0;
        }
        for (int n : editsOfKind)
            QVERIFY(n > 0);
        // The feed assignment was replayed after most edits (else the comparison shows little).
        QVERIFY2(replayedSteps > 30, qPrintable(QString::number(replayedSteps)));
    }

    void lastResolvedIdFollowsClear()
    {
        // resolve() answers a repeat of the last id per kind without a hash look-up; clear() must
        // forget that entry too (it would point into the emptied map).
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
        CatalogCache cache(&catalog);
        const QString pdu = QStringLiteral("pdu-floor-300kva");
        const ResolvedCatalogItem &before = cache.resolve(EquipmentKind::Facility, pdu);
        QVERIFY(before.found);
        const double ratedKw = before.capacityKw;
        // The same id in another string, another kind in between, another id of the same kind.
        QCOMPARE(&cache.resolve(EquipmentKind::Facility, QString(pdu.constData(), pdu.size())), &before);
        QVERIFY(cache.resolve(EquipmentKind::System, QStringLiteral("nvidia-dgx-h100")).found);
        QCOMPARE(&cache.resolve(EquipmentKind::Facility, pdu), &before);
        QVERIFY(!cache.resolve(EquipmentKind::Facility, QStringLiteral("no-such-unit")).found);
        QCOMPARE(&cache.resolve(EquipmentKind::Facility, pdu), &before);
        QVERIFY(!cache.resolve(EquipmentKind::System, pdu).found); // the id is not a system

        const csv::ParseResult exported = csv::parse(catalog.exportCsv(CatalogKind::Equipment));
        QVERIFY(exported.error.isEmpty());
        const QStringList header = exported.records.at(0).fields;
        bool changed = false;
        for (qsizetype r = 1; r < exported.records.size(); ++r) {
            QStringList row = exported.records.at(r).fields;
            if (row.value(0) != pdu)
                continue;
            row[header.indexOf(QStringLiteral("capacity_kw"))] = QString::number(ratedKw + 50.0);
            QVERIFY(catalog.importCsv(csv::writeRecord(header) + csv::writeRecord(row)).ok);
            changed = true;
        }
        QVERIFY(changed);
        QCOMPARE(cache.resolve(EquipmentKind::Facility, pdu).capacityKw, ratedKw); // kept until clear()
        cache.clear();
        QCOMPARE(cache.resolve(EquipmentKind::Facility, pdu).capacityKw, ratedKw + 50.0);
        QCOMPARE(cache.resolve(EquipmentKind::Facility, pdu).capacityKw, ratedKw + 50.0);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCache)
#include "tst_analysiscache.moc"
