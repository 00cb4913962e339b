// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/addremoveequipment.h"
#include "model/commands/changegeometry.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"

#include <QSignalSpy>
#include <QTest>

using namespace th;

namespace {

Equipment rack(const QString &catalogId, double x, double y)
{
    Equipment e(0, EquipmentKind::System, catalogId);
    e.setHallId(1);
    e.setPositionMm(x, y);
    e.setSizeMm(600, 1200);
    return e;
}

void setUpHall(FloorPlanDocument &doc)
{
    FloorPlan plan;
    plan.name = QStringLiteral("Test");
    Hall h;
    h.id = 1;
    h.name = QStringLiteral("Hall A");
    plan.addHall(h);
    doc.resetPlan(plan);
}

QList<ChangeEvent::Type> types(const QSignalSpy &spy)
{
    QList<ChangeEvent::Type> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<ChangeEvent>().type;
    return out;
}

} // namespace

Q_DECLARE_METATYPE(th::ChangeEvent)

class TestCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<ChangeEvent>(); }

    void addRemoveUndoRedo()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        const QByteArray empty = writePlan(doc.plan());
        QSignalSpy spy(&doc, &FloorPlanDocument::changed);
        auto *add = new AddEquipmentCommand(&doc, {rack(QStringLiteral("nvidia-dgx-h100"), 0, 0), rack(QStringLiteral("nvidia-dgx-h100"), 600, 0)});
        const QList<EquipmentId> ids = add->ids();
        doc.undoStack()->push(add);
        QCOMPARE(doc.plan().equipmentCount(), 2);
        QCOMPARE(types(spy), QList<ChangeEvent::Type>{ChangeEvent::Type::EquipmentAdded});
        QCOMPARE(spy.at(0).at(0).value<ChangeEvent>().ids, QList<quint64>(ids.begin(), ids.end()));
        QVERIFY(doc.isModified());
        const QByteArray two = writePlan(doc.plan());

        spy.clear();
        doc.undoStack()->push(new RemoveEquipmentCommand(&doc, {ids.at(0)}));
        QCOMPARE(doc.plan().equipmentCount(), 1);
        QCOMPARE(types(spy), (QList<ChangeEvent::Type>{ChangeEvent::Type::EquipmentAboutToBeRemoved, ChangeEvent::Type::EquipmentRemoved}));
        doc.undoStack()->undo(); // the removed item comes back at its old index
        QCOMPARE(writePlan(doc.plan()), two);
        doc.undoStack()->undo();
        QCOMPARE(writePlan(doc.plan()), empty);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(doc.plan().equipmentCount(), 1);
        QCOMPARE(doc.plan().equipmentAt(0).id(), ids.at(1));
    }

    void dragMergesIntoOneStep()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        auto *add = new AddEquipmentCommand(&doc, {rack(QStringLiteral("nvidia-dgx-h100"), 0, 0)});
        const EquipmentId id = add->ids().front();
        doc.undoStack()->push(add);
        QCOMPARE(doc.undoStack()->count(), 1);
        // A drag: three snapped steps, pushed as mergeable commands.
        for (int step = 1; step <= 3; ++step) {
            QHash<EquipmentId, Geometry> g{{id, Geometry{1, false, 600.0 * step, 0.0, 0}}};
            doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), g, true));
        }
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.plan().equipment(id)->xMm(), 1800.0);
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().equipment(id)->xMm(), 0.0);
        doc.undoStack()->redo();
        QCOMPARE(doc.plan().equipment(id)->xMm(), 1800.0);
    }

    void dragBackToStartLeavesNoStep()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        auto *add = new AddEquipmentCommand(&doc, {rack(QStringLiteral("nvidia-dgx-h100"), 0, 0)});
        const EquipmentId id = add->ids().front();
        doc.undoStack()->push(add);
        doc.undoStack()->setClean();
        doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{id, Geometry{1, false, 600, 0, 0}}}, true));
        doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{id, Geometry{1, false, 0, 0, 0}}}, true));
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(!doc.isModified());
        // A "move" to the same place is obsolete from the start.
        doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Move"), {{id, Geometry{1, false, 0, 0, 0}}}, false));
        QCOMPARE(doc.undoStack()->count(), 1);
    }

    void rotateEmitsRotation()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        auto *add = new AddEquipmentCommand(&doc, {rack(QStringLiteral("nvidia-dgx-h100"), 0, 0)});
        const EquipmentId id = add->ids().front();
        doc.undoStack()->push(add);
        QSignalSpy spy(&doc, &FloorPlanDocument::changed);
        doc.undoStack()->push(new ChangeGeometryCommand(&doc, QStringLiteral("Rotate"), {{id, Geometry{1, false, 0, 0, 90}}}));
        QCOMPARE(spy.size(), 1);
        const ChangeEvent ev = spy.at(0).at(0).value<ChangeEvent>();
        QCOMPARE(ev.type, ChangeEvent::Type::EquipmentChanged);
        QCOMPARE(ev.properties, int(ChangeEvent::Rotation));
        // Footprint swaps width and depth at 90 degrees.
        QCOMPARE(doc.plan().equipment(id)->footprintMm(), QRectF(0, 0, 1200, 600));
    }

    void valueEditsMergeAndValidateNothing()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        auto *add = new AddEquipmentCommand(&doc, {rack(QStringLiteral("nvidia-dgx-h100"), 0, 0)});
        const EquipmentId id = add->ids().front();
        doc.undoStack()->push(add);
        // Typing "R", "R1", "R12" is one step.
        for (const char *text : {"R", "R1", "R12"})
            doc.undoStack()->push(new ChangeEquipmentValueCommand(&doc, {id}, QStringLiteral("label"), QString::fromLatin1(text)));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.plan().equipment(id)->label(), QStringLiteral("R12"));
        doc.undoStack()->push(new ChangeEquipmentValueCommand(&doc, {id}, QStringLiteral("units_per_rack"), 2));
        QCOMPARE(doc.plan().equipment(id)->properties().value(QStringLiteral("units_per_rack")).toInt(), 2);
        doc.undoStack()->undo();
        QVERIFY(!doc.plan().equipment(id)->properties().contains(QStringLiteral("units_per_rack")));
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().equipment(id)->label(), QString());
    }

    void hallStructuresWorkload()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        Hall h = doc.plan().halls().front();
        h.widthMm = 30000;
        doc.undoStack()->push(new ChangeHallCommand(&doc, h));
        h.widthMm = 36000;
        doc.undoStack()->push(new ChangeHallCommand(&doc, h)); // merges
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.plan().halls().front().widthMm, 36000.0);

        Structure door;
        door.kind = StructureKind::Door;
        door.hallId = 1;
        door.rectMm = QRectF(0, 1000, 200, 1800);
        doc.undoStack()->push(new AddRemoveStructuresCommand(&doc, AddRemoveStructuresCommand::Mode::Add, {door}));
        QCOMPARE(doc.plan().structures().size(), 1);
        const StructureId sid = doc.plan().structures().front().id;
        QVERIFY(sid != 0);
        Structure moved = doc.plan().structures().front();
        moved.rectMm.moveTop(3000);
        doc.undoStack()->push(new ChangeStructureCommand(&doc, moved));
        doc.undoStack()->push(new AddRemoveStructuresCommand(&doc, AddRemoveStructuresCommand::Mode::Remove, {moved}));
        QVERIFY(doc.plan().structures().isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().structures().front().rectMm.top(), 3000.0);
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().structures().front().rectMm.top(), 1000.0);

        Workload w;
        w.model = QJsonObject{{QStringLiteral("preset"), QStringLiteral("llama2-7b")}};
        w.tokens = 2e12;
        w.mfu = 0.4;
        doc.undoStack()->push(new SetWorkloadCommand(&doc, w));
        QVERIFY(doc.plan().workload());
        doc.undoStack()->undo();
        QVERIFY(!doc.plan().workload());
    }

    void removeHallTakesItsContentsAndUndoRestoresOrder()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        Hall b;
        b.id = doc.plan().unusedHallId();
        QCOMPARE(b.id, HallId(2));
        b.name = QStringLiteral("Hall B");
        b.yardDepthMm = 6000;
        doc.undoStack()->push(new AddHallCommand(&doc, b));
        Hall c;
        c.id = doc.plan().unusedHallId();
        c.name = QStringLiteral("Hall C");
        doc.undoStack()->push(new AddHallCommand(&doc, c));
        QCOMPARE(doc.plan().hallIndex(2), 1);

        Equipment inA = rack(QStringLiteral("a"), 0, 0);
        Equipment inB = rack(QStringLiteral("b"), 0, 0);
        inB.setHallId(2);
        Equipment yardB = rack(QStringLiteral("chiller"), 0, -3000);
        yardB.setHallId(2);
        yardB.setInYard(true);
        doc.undoStack()->push(new AddEquipmentCommand(&doc, {inA, inB, yardB}));
        Structure wall;
        wall.hallId = 2;
        wall.rectMm = QRectF(0, 5000, 4000, 200);
        doc.undoStack()->push(new AddRemoveStructuresCommand(&doc, AddRemoveStructuresCommand::Mode::Add, {wall}));
        const QByteArray before = writePlan(doc.plan());

        QSignalSpy spy(&doc, &FloorPlanDocument::changed);
        doc.undoStack()->push(new RemoveHallCommand(&doc, 2));
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete Hall Hall B"));
        QCOMPARE(doc.plan().halls().size(), 2);
        QCOMPARE(doc.plan().halls().at(1).name, QStringLiteral("Hall C"));
        QCOMPARE(doc.plan().equipmentCount(), 1); // only hall A's rack is left
        QCOMPARE(doc.plan().equipmentAt(0).catalogId(), QStringLiteral("a"));
        QVERIFY(doc.plan().structures().isEmpty());
        // Items go before the hall, so no view ever sees an item of a hall that is gone.
        const QList<ChangeEvent::Type> order = types(spy);
        QVERIFY(order.indexOf(ChangeEvent::Type::EquipmentRemoved) < order.indexOf(ChangeEvent::Type::HallChanged));
        QVERIFY(order.indexOf(ChangeEvent::Type::StructuresChanged) < order.indexOf(ChangeEvent::Type::HallChanged));

        doc.undoStack()->undo();
        QCOMPARE(doc.plan().hallIndex(2), 1); // back between A and C
        QCOMPARE(writePlan(doc.plan()), before); // byte-identical: order of halls, items, structures
        doc.undoStack()->redo();
        QCOMPARE(doc.plan().halls().size(), 2);
        QCOMPARE(doc.plan().equipmentCount(), 1);
    }

    void structureDragMergesAndReturnLeavesNoStep()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        Structure column;
        column.kind = StructureKind::Column;
        column.hallId = 1;
        column.rectMm = QRectF(6000, 6000, 600, 600);
        doc.undoStack()->push(new AddRemoveStructuresCommand(&doc, AddRemoveStructuresCommand::Mode::Add, {column}));
        const StructureId id = doc.plan().structures().front().id;
        const int steps = doc.undoStack()->count();
        doc.undoStack()->push(new MoveStructuresCommand(&doc, {{id, QRectF(6600, 6000, 600, 600)}}, 7));
        doc.undoStack()->push(new MoveStructuresCommand(&doc, {{id, QRectF(7200, 6600, 600, 600)}}, 7));
        QCOMPARE(doc.undoStack()->count(), steps + 1); // one drag = one step
        QCOMPARE(doc.plan().structures().front().rectMm, QRectF(7200, 6600, 600, 600));
        doc.undoStack()->push(new MoveStructuresCommand(&doc, {{id, QRectF(7800, 6600, 600, 600)}}, 8)); // a new drag
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.plan().structures().front().rectMm, QRectF(6000, 6000, 600, 600));
        // A drag that comes back to its start leaves no step.
        doc.undoStack()->push(new MoveStructuresCommand(&doc, {{id, QRectF(6600, 6000, 600, 600)}}, 9));
        doc.undoStack()->push(new MoveStructuresCommand(&doc, {{id, QRectF(6000, 6000, 600, 600)}}, 9));
        QCOMPARE(doc.undoStack()->count(), steps);
    }

    void idsAreNeverReused()
    {
        FloorPlanDocument doc;
        setUpHall(doc);
        auto *a = new AddEquipmentCommand(&doc, {rack(QStringLiteral("x"), 0, 0)});
        const EquipmentId first = a->ids().front();
        doc.undoStack()->push(a);
        doc.undoStack()->undo();
        auto *b = new AddEquipmentCommand(&doc, {rack(QStringLiteral("x"), 0, 0)});
        QVERIFY(b->ids().front() != first);
        doc.undoStack()->push(b);
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
