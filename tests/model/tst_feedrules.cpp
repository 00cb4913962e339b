// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The connection tool's model side (issue 5): which feeds are legal (feedrules.h), the
// SetFeedCommand's undo/redo and typed events, and the facility analysis following a drawn feed.
#include "model/analysis/facilityanalysis.h"
#include "model/analysis/feedrules.h"
#include "model/catalog/catalog.h"
#include "model/commands/setfeed.h"
#include "model/document/floorplandocument.h"
#include "tests/support/fuzzycompare.h"

#include <QSignalSpy>
#include <QTest>

using namespace th;

Q_DECLARE_METATYPE(th::ChangeEvent)
Q_DECLARE_METATYPE(th::FeedSide)

namespace {

/// Ids of the test hall's items.
enum : EquipmentId { Tx = 1, UpsA = 2, UpsB = 3, PduA = 4, PduB = 5, Rpp = 6, Rack1 = 7, Rack2 = 8, Crah = 9, Single = 10 };

void put(FloorPlan &plan, EquipmentId id, EquipmentKind kind, const char *catalogId, double x, double y, double w, double d)
{
    auto e = std::make_unique<Equipment>(id, kind, QString::fromLatin1(catalogId));
    e->setHallId(1);
    e->setPositionMm(x, y);
    e->setSizeMm(w, d);
    plan.insertEquipment(std::move(e));
}

/// Transformer, UPS A/B (500 kW), PDU A/B (300 kVA = 285 kW), an RPP, two DGX H100 racks with
/// 2 servers (2 x 10.2 = 20.4 kW each, dual-corded), a CRAH and a single-corded rack.
FloorPlan chainHall()
{
    FloorPlan plan;
    Hall h;
    h.id = 1;
    h.name = QStringLiteral("Hall A");
    h.widthMm = 12000;
    h.depthMm = 10000;
    h.yardDepthMm = 6000;
    plan.addHall(h);
    put(plan, Tx, EquipmentKind::Facility, "xfmr-oil-2500kva", 600, -4000, 2500, 1600);
    put(plan, UpsA, EquipmentKind::Facility, "ups-huawei-ups5000-e-500", 9000, 600, 1800, 850);
    put(plan, UpsB, EquipmentKind::Facility, "ups-huawei-ups5000-e-500", 9000, 2400, 1800, 850);
    put(plan, PduA, EquipmentKind::Facility, "pdu-floor-300kva", 1200, 600, 1200, 900);
    put(plan, PduB, EquipmentKind::Facility, "pdu-floor-300kva", 1200, 7800, 1200, 900);
    put(plan, Rpp, EquipmentKind::Facility, "rpp-400a", 6000, 7800, 600, 600);
    for (EquipmentId id : {Rack1, Rack2}) {
        put(plan, id, EquipmentKind::System, "nvidia-dgx-h100", 3000 + (id - Rack1) * 600.0, 4200, 600, 1200);
        plan.equipment(id)->setProperty(QStringLiteral("units_per_rack"), 2);
    }
    put(plan, Crah, EquipmentKind::Facility, "crah-cw-100kw", 0, 4200, 1700, 900);
    put(plan, Single, EquipmentKind::Facility, "netrack-ib-ndr", 6000, 4200, 600, 1200);
    plan.equipment(Single)->setProperty(QStringLiteral("dual_corded"), false);
    plan.equipment(Tx)->setInYard(true);
    plan.setNextId(100);
    return plan;
}

const FacilityUnitStatus *unit(const FacilityResult &r, EquipmentId id)
{
    for (const FacilityUnitStatus &u : r.powerUnits) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

QVariantList ids(std::initializer_list<EquipmentId> list)
{
    QVariantList out;
    for (EquipmentId id : list)
        out << QVariant(qlonglong(id));
    return out;
}

} // namespace

class TestFeedRules : public QObject
{
    Q_OBJECT
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ChangeEvent>();
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void levels()
    {
        const CatalogCache cache(&m_catalog);
        const FloorPlan plan = chainHall();
        QCOMPARE(feedLevel(*plan.equipment(Tx), cache), FeedLevel::Transformer);
        QCOMPARE(feedLevel(*plan.equipment(UpsA), cache), FeedLevel::Ups);
        QCOMPARE(feedLevel(*plan.equipment(PduA), cache), FeedLevel::Distribution);
        QCOMPARE(feedLevel(*plan.equipment(Rpp), cache), FeedLevel::Distribution);
        QCOMPARE(feedLevel(*plan.equipment(Rack1), cache), FeedLevel::Load);
        QCOMPARE(feedLevel(*plan.equipment(Single), cache), FeedLevel::Load);
        QCOMPARE(feedLevel(*plan.equipment(Crah), cache), FeedLevel::None);
    }

    void legality_data()
    {
        QTest::addColumn<EquipmentId>("down");
        QTest::addColumn<EquipmentId>("up");
        QTest::addColumn<FeedSide>("side");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("reasonPart");
        QTest::addColumn<QVariantList>("fedFrom");
        QTest::newRow("ups from transformer") << EquipmentId(UpsA) << EquipmentId(Tx) << FeedSide::A << true << QString() << ids({Tx});
        QTest::newRow("pdu from ups") << EquipmentId(PduA) << EquipmentId(UpsA) << FeedSide::A << true << QString() << ids({UpsA});
        QTest::newRow("pdu from transformer (no UPS level)") << EquipmentId(PduA) << EquipmentId(Tx) << FeedSide::A << true << QString() << ids({Tx});
        QTest::newRow("rpp from pdu (sub-distribution)") << EquipmentId(Rpp) << EquipmentId(PduA) << FeedSide::A << true << QString() << ids({PduA});
        QTest::newRow("rack from pdu") << EquipmentId(Rack1) << EquipmentId(PduA) << FeedSide::A << true << QString() << ids({PduA});
        QTest::newRow("rack from ups directly") << EquipmentId(Rack1) << EquipmentId(UpsB) << FeedSide::A << true << QString() << ids({UpsB});
        QTest::newRow("itself") << EquipmentId(PduA) << EquipmentId(PduA) << FeedSide::A << false << QStringLiteral("itself") << QVariantList();
        QTest::newRow("ups from pdu (upstream)") << EquipmentId(UpsA) << EquipmentId(PduA) << FeedSide::A << false << QStringLiteral("power flows") << QVariantList();
        QTest::newRow("ups from ups") << EquipmentId(UpsA) << EquipmentId(UpsB) << FeedSide::A << false << QStringLiteral("power flows") << QVariantList();
        QTest::newRow("transformer from ups") << EquipmentId(Tx) << EquipmentId(UpsA) << FeedSide::A << false << QStringLiteral("utility") << QVariantList();
        QTest::newRow("pdu from rack") << EquipmentId(PduA) << EquipmentId(Rack1) << FeedSide::A << false << QStringLiteral("rack cannot feed") << QVariantList();
        QTest::newRow("crah from pdu") << EquipmentId(Crah) << EquipmentId(PduA) << FeedSide::A << false << QStringLiteral("power chain") << QVariantList();
        QTest::newRow("B before A") << EquipmentId(Rack1) << EquipmentId(PduB) << FeedSide::B << false << QStringLiteral("A feed first") << QVariantList();
        QTest::newRow("B on a PDU") << EquipmentId(PduA) << EquipmentId(UpsB) << FeedSide::B << false << QStringLiteral("only racks") << QVariantList();
        QTest::newRow("B on a single-corded rack") << EquipmentId(Single) << EquipmentId(PduB) << FeedSide::B << false << QStringLiteral("single-corded") << QVariantList();
    }

    void legality()
    {
        QFETCH(EquipmentId, down);
        QFETCH(EquipmentId, up);
        QFETCH(FeedSide, side);
        QFETCH(bool, ok);
        QFETCH(QString, reasonPart);
        QFETCH(QVariantList, fedFrom);
        const CatalogCache cache(&m_catalog);
        const FeedCheck c = checkFeed(chainHall(), cache, down, up, side);
        QVERIFY2(c.ok == ok, qPrintable(c.reason));
        if (!ok) {
            QVERIFY2(c.reason.contains(reasonPart), qPrintable(c.reason));
            QVERIFY(c.fedFrom.isEmpty());
        } else {
            QCOMPARE(c.fedFrom, fedFrom);
        }
    }

    void aAndB()
    {
        const CatalogCache cache(&m_catalog);
        FloorPlan plan = chainHall();
        plan.equipment(Rack1)->setProperty(QStringLiteral("fed_from"), ids({PduA}));
        // B after A appends; the same unit as A is refused.
        QCOMPARE(checkFeed(plan, cache, Rack1, PduB, FeedSide::B).fedFrom, ids({PduA, PduB}));
        QVERIFY(checkFeed(plan, cache, Rack1, PduA, FeedSide::B).reason.contains(QLatin1String("another unit")));
        plan.equipment(Rack1)->setProperty(QStringLiteral("fed_from"), ids({PduA, PduB}));
        // A again replaces only the first entry; B replaces the second.
        QCOMPARE(checkFeed(plan, cache, Rack1, UpsA, FeedSide::A).fedFrom, ids({UpsA, PduB}));
        QCOMPARE(checkFeed(plan, cache, Rack1, UpsB, FeedSide::B).fedFrom, ids({PduA, UpsB}));
        // A from the unit that is B: refused (it would feed the rack twice).
        QVERIFY(!checkFeed(plan, cache, Rack1, PduB, FeedSide::A).ok);
    }

    void cycleRefused()
    {
        // PDU A -> RPP is drawn; RPP -> PDU A would close a loop, so would a longer one.
        const CatalogCache cache(&m_catalog);
        FloorPlan plan = chainHall();
        plan.equipment(Rpp)->setProperty(QStringLiteral("fed_from"), ids({PduA}));
        const FeedCheck c = checkFeed(plan, cache, PduA, Rpp, FeedSide::A);
        QVERIFY(!c.ok);
        QVERIFY2(c.reason.contains(QLatin1String("loop")), qPrintable(c.reason));
        plan.equipment(PduB)->setProperty(QStringLiteral("fed_from"), ids({Rpp}));
        QVERIFY(!checkFeed(plan, cache, PduA, PduB, FeedSide::A).ok);  // PduB <- Rpp <- PduA
        QVERIFY(checkFeed(plan, cache, PduB, PduA, FeedSide::A).ok);   // replaces Rpp: no loop
    }

    void commandUndoRedo()
    {
        FloorPlanDocument doc;
        doc.resetPlan(chainHall());
        QSignalSpy spy(&doc, &FloorPlanDocument::changed);
        doc.undoStack()->push(new SetFeedCommand(&doc, {{Rack1, ids({PduA})}}, QStringLiteral("Connect Feed A")));
        QCOMPARE(doc.plan().equipment(Rack1)->properties().value(QStringLiteral("fed_from")).toList(), ids({PduA}));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(spy.count(), 1);
        ChangeEvent ev = spy.at(0).at(0).value<ChangeEvent>();
        QCOMPARE(ev.type, ChangeEvent::Type::EquipmentChanged);
        QCOMPARE(ev.ids, QList<quint64>{Rack1});
        QCOMPARE(ev.properties, int(ChangeEvent::Properties));
        // A second gesture on the same item is a second step (no merge).
        doc.undoStack()->push(new SetFeedCommand(&doc, {{Rack1, ids({PduA, PduB})}}, QStringLiteral("Connect Feed B")));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().equipment(Rack1)->properties().value(QStringLiteral("fed_from")).toList(), ids({PduA}));
        doc.undoStack()->undo();
        QVERIFY(!doc.plan().equipment(Rack1)->properties().contains(QStringLiteral("fed_from")));
        QVERIFY(!doc.isModified());
        QCOMPARE(spy.count(), 4);
        QCOMPARE(spy.at(3).at(0).value<ChangeEvent>().ids, QList<quint64>{Rack1});
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(doc.plan().equipment(Rack1)->properties().value(QStringLiteral("fed_from")).toList(), ids({PduA, PduB}));

        // Clear (back to automatic) on a selection: one step over the items that have feeds.
        doc.undoStack()->push(new SetFeedCommand(&doc, {{PduA, ids({UpsA})}}, QStringLiteral("Connect Feed A")));
        spy.clear();
        doc.undoStack()->push(SetFeedCommand::clearFeeds(&doc, {Rack1, Rack2, PduA}));
        QCOMPARE(doc.undoStack()->count(), 4);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<ChangeEvent>().ids, (QList<quint64>{PduA, Rack1})); // Rack2 had none
        QVERIFY(!doc.plan().equipment(Rack1)->properties().contains(QStringLiteral("fed_from")));
        QVERIFY(!doc.plan().equipment(PduA)->properties().contains(QStringLiteral("fed_from")));
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().equipment(PduA)->properties().value(QStringLiteral("fed_from")).toList(), ids({UpsA}));
        // Clearing items without drawn feeds changes nothing and leaves no step.
        auto *noop = SetFeedCommand::clearFeeds(&doc, {Rack2});
        QVERIFY(noop->isObsolete());
        delete noop;
    }

    void analysisFollowsDrawnFeed()
    {
        // Automatic: each dual-corded rack has one feed on each PDU and splits equally, so each
        // PDU outputs 2 racks x 20.4 kW / 2 = 20.4 kW: utilisation 20.4 / 285 = 0.07158.
        const CatalogCache cache(&m_catalog);
        FloorPlanDocument doc;
        doc.resetPlan(chainHall());
        FacilityAssumptions a;
        a.thermalMap = false;
        FacilityResult r = facilityAnalysis(doc.plan(), cache, a);
        TH_FUZZY_COMPARE(unit(r, PduA)->loadKw, 20.4, 1e-9);
        TH_FUZZY_COMPARE(unit(r, PduB)->loadKw, 20.4, 1e-9);
        // Both racks drawn onto PDU A only: 40.8 kW on A (0.14316 of 285 kW), nothing on B.
        doc.undoStack()->push(new SetFeedCommand(&doc, {{Rack1, ids({PduA})}, {Rack2, ids({PduA})}}, QStringLiteral("Connect Feed A")));
        r = facilityAnalysis(doc.plan(), cache, a);
        TH_FUZZY_COMPARE(unit(r, PduA)->loadKw, 40.8, 1e-9);
        TH_FUZZY_COMPARE(unit(r, PduA)->utilisation, 40.8 / 285.0, 1e-9);
        QCOMPARE(unit(r, PduB)->loadKw, 0.0);
        for (const RackFeedStatus &f : r.rackFeeds) {
            if (f.id == Rack1 || f.id == Rack2)
                QCOMPARE(f.feeds, QList<EquipmentId>{PduA});
        }
        // Undo: back to the automatic split.
        doc.undoStack()->undo();
        r = facilityAnalysis(doc.plan(), cache, a);
        TH_FUZZY_COMPARE(unit(r, PduA)->loadKw, 20.4, 1e-9);
    }

    void adoptingAutomaticFeedsKeepsTheAnalysis()
    {
        // Writing the automatic assignment as drawn feeds (one undo step) must leave every
        // load and utilisation as it was: the same graph, now explicit and editable.
        const CatalogCache cache(&m_catalog);
        FloorPlanDocument doc;
        doc.resetPlan(chainHall());
        FacilityAssumptions a;
        a.thermalMap = false;
        const FacilityResult before = facilityAnalysis(doc.plan(), cache, a);
        const AdoptedFeeds adopted = automaticFeedsToDraw(doc.plan(), cache, before, {});
        // Each rack: A and B (PDU A and PDU B, in the analysis' order); each PDU: its UPS;
        // each UPS: the transformer; the single-corded rack: one feed. Not the transformer
        // (utility) nor the CRAH (no power-chain item).
        QCOMPARE(adopted.alreadyDrawn, 0);
        QCOMPARE(adopted.notRepresentable, 0);
        QVERIFY(!adopted.fedFrom.contains(Tx));
        QVERIFY(!adopted.fedFrom.contains(Crah));
        QCOMPARE(adopted.fedFrom.value(Rack1).toList().size(), 2);
        QCOMPARE(adopted.fedFrom.value(Single).toList().size(), 1);
        QCOMPARE(adopted.fedFrom.value(UpsA).toList(), ids({Tx}));
        QVERIFY(adopted.fedFrom.contains(PduA) && adopted.fedFrom.contains(PduB));
        QSet<EquipmentId> racksOnA;
        for (const QVariant &v : adopted.fedFrom.value(Rack1).toList())
            racksOnA << EquipmentId(v.toULongLong());
        QCOMPARE(racksOnA, (QSet<EquipmentId>{PduA, PduB}));

        doc.undoStack()->push(new SetFeedCommand(&doc, adopted.fedFrom, QStringLiteral("Assign Feeds Automatically")));
        QCOMPARE(doc.undoStack()->count(), 1);
        const FacilityResult after = facilityAnalysis(doc.plan(), cache, a);
        QCOMPARE(after.powerUnits.size(), before.powerUnits.size());
        for (const FacilityUnitStatus &u : before.powerUnits)
            TH_FUZZY_COMPARE(unit(after, u.id)->loadKw, u.loadKw, 1e-9);
        QCOMPARE(after.powerMeetsTarget, before.powerMeetsTarget);
        // Again: everything is drawn now, nothing left to adopt.
        const AdoptedFeeds again = automaticFeedsToDraw(doc.plan(), cache, after, {});
        QVERIFY(again.fedFrom.isEmpty());
        QVERIFY(again.alreadyDrawn >= 7);
        doc.undoStack()->undo();
        QVERIFY(explicitFeeds(*doc.plan().equipment(Rack1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFeedRules)
#include "tst_feedrules.moc"
