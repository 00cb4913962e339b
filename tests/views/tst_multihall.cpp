// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Plans with several halls and yards in the editor (issue 3): Add Hall / Delete Hall, the
// inspector editing the current hall, dragging equipment between a hall and its yard and into
// another hall, and dragging structures, each one undo step.
#include "tests/views/editorfixture.h"
#include "model/commands/planedits.h"
#include "views/docks/inspectordock.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/structureitem.h"

#include <QComboBox>
#include <QLineEdit>
#include <QUndoStack>

using namespace th;
using namespace th::test;

namespace {
const QString kGb200 = QStringLiteral("nvidia-gb200-nvl72");      // 600 x 1068 mm rack
const QString kTransformer = QStringLiteral("xfmr-oil-2500kva"); // 2300 x 1500 mm, outdoor
// MainWindow::defaultPlan(): hall 1 is 24 x 18 m with an 8.4 m yard; halls sit 6 m apart.
constexpr double kHall2OriginX = 24000.0 + 6000.0;
} // namespace

class TestMultiHall : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
    }

    void addHallBecomesCurrentAndDeleteIsOneStep()
    {
        Editor ed(&m_catalog);
        QVERIFY(!ed.actions->deleteHallAction()->isEnabled()); // never the last hall
        QVERIFY(!ed.actions->deleteCurrentHall());
        ed.actions->addHallAction()->trigger();
        QCOMPARE(ed.plan().halls().size(), 2);
        const Hall &h2 = ed.plan().halls().at(1);
        QCOMPARE(h2.id, HallId(2));
        QCOMPARE(h2.name, QStringLiteral("Hall 2"));
        QCOMPARE(h2.widthMm, 24000.0); // sized like the current hall
        QCOMPARE(h2.yardDepthMm, 8400.0);
        QCOMPARE(ed.scene()->currentHallId(), HallId(2));
        QCOMPARE(ed.scene()->hallOriginX(2), kHall2OriginX);
        QVERIFY(ed.actions->deleteHallAction()->isEnabled());

        // Something on the new hall, then delete it: one step, and undo brings all back.
        const EquipmentId rack = ed.place(kGb200, QPointF(kHall2OriginX + 3310, 2480));
        QVERIFY(rack);
        QCOMPARE(ed.plan().equipment(rack)->hallId(), HallId(2));
        const int steps = ed.document.undoStack()->count();
        QVERIFY(ed.actions->deleteCurrentHall());
        QCOMPARE(ed.document.undoStack()->count(), steps + 1);
        QCOMPARE(ed.plan().halls().size(), 1);
        QVERIFY(!ed.plan().equipment(rack));
        QCOMPARE(ed.scene()->currentHallId(), HallId(1));
        QCOMPARE(ed.scene()->equipmentItemCount(), 0);
        ed.document.undoStack()->undo();
        QCOMPARE(ed.plan().halls().size(), 2);
        QVERIFY(ed.plan().equipment(rack));
        QVERIFY(ed.scene()->itemFor(rack));
        QCOMPARE(ed.scene()->itemFor(rack)->pos(), QPointF(kHall2OriginX + 3000, 1800));
    }

    void inspectorEditsTheClickedHall()
    {
        Editor ed(&m_catalog);
        InspectorDock inspector(ed.scene());
        ed.actions->addHall();
        QCOMPARE(inspector.field(QStringLiteral("hall.name"))->text(), QStringLiteral("Hall 2"));
        auto *combo = inspector.findChild<QComboBox *>(QStringLiteral("inspector_hall.select"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentIndex(), 1);

        inspector.field(QStringLiteral("hall.width"))->setText(QStringLiteral("30000"));
        QVERIFY(inspector.applyField(QStringLiteral("hall.width")));
        QCOMPARE(ed.plan().halls().at(1).widthMm, 30000.0);
        QCOMPARE(ed.plan().halls().at(0).widthMm, 24000.0); // the first hall is untouched

        // A click on hall 1's floor makes it current; the inspector follows.
        ed.view->setZoom(FloorPlanView::kActualSizePxPerMm / 4);
        ed.view->centerOn(QPointF(27000, 9000));
        click(ed.viewport(), ed.toView(QPointF(12000, 9000)));
        QCOMPARE(ed.scene()->currentHallId(), HallId(1));
        QCOMPARE(inspector.field(QStringLiteral("hall.name"))->text(), QStringLiteral("Hall 1"));
        QCOMPARE(combo->currentIndex(), 0);
        inspector.field(QStringLiteral("hall.name"))->setText(QStringLiteral("Data hall A"));
        QVERIFY(inspector.applyField(QStringLiteral("hall.name")));
        QCOMPARE(ed.plan().halls().at(0).name, QStringLiteral("Data hall A"));
        QCOMPARE(ed.plan().halls().at(1).name, QStringLiteral("Hall 2"));
    }

    void hallIsNotShrunkUnderItsItems()
    {
        Editor ed(&m_catalog);
        InspectorDock inspector(ed.scene());
        const EquipmentId rack = ed.place(kGb200, QPointF(20110, 2480)); // at x 19800 .. 20400
        QVERIFY(rack);
        ed.scene()->selectIds({});
        const int steps = ed.document.undoStack()->count();
        inspector.field(QStringLiteral("hall.width"))->setText(QStringLiteral("18000"));
        QVERIFY(!inspector.applyField(QStringLiteral("hall.width")));
        QVERIFY2(inspector.errorText().contains(QStringLiteral("outside the hall")), qPrintable(inspector.errorText()));
        QVERIFY2(inspector.errorText().contains(QStringLiteral("GB200")), qPrintable(inspector.errorText()));
        QCOMPARE(ed.plan().halls().first().widthMm, 24000.0);
        QCOMPARE(ed.document.undoStack()->count(), steps);
        inspector.field(QStringLiteral("hall.width"))->setText(QStringLiteral("21000")); // still holds it
        QVERIFY(inspector.applyField(QStringLiteral("hall.width")));
        QCOMPARE(ed.plan().halls().first().widthMm, 21000.0);
    }

    void dragBetweenHallAndYard()
    {
        Editor ed(&m_catalog);
        // Transformer in the yard (y < 0), centred at (6000, -4200).
        const EquipmentId t = ed.place(kTransformer, QPointF(6000, -4200), EquipmentKind::Facility);
        QVERIFY(t);
        QVERIFY(ed.plan().equipment(t)->inYard());
        const QRectF start = ed.plan().equipment(t)->footprintMm();
        ed.view->setZoom(FloorPlanView::kActualSizePxPerMm / 2);
        ed.view->centerOn(QPointF(6000, 0));
        // Drag it 6 m south: its centre lands in the hall.
        const QPointF grab = start.center();
        dragMouse(ed.viewport(), ed.toView(grab), ed.toView(grab + QPointF(0, 6000)), 10);
        const Equipment *e = ed.plan().equipment(t);
        QVERIFY(!e->inYard());
        QCOMPARE(e->hallId(), HallId(1));
        QVERIFY(e->yMm() >= 0.0);
        QCOMPARE(e->yMm(), start.top() + 6000.0);
        QCOMPARE(ed.document.undoStack()->count(), 2); // place + one move
        ed.document.undoStack()->undo();
        QVERIFY(ed.plan().equipment(t)->inYard());
        QCOMPARE(ed.plan().equipment(t)->footprintMm(), start);
    }

    void dragIntoAnotherHallKeepsTheGroupAndSnaps()
    {
        Editor ed(&m_catalog);
        ed.actions->addHall();
        const EquipmentId a = ed.place(kGb200, QPointF(3310, 2480));  // at (3000, 1800)
        const EquipmentId b = ed.place(kGb200, QPointF(3910, 2480));  // at (3600, 1800)
        QVERIFY(a && b);
        ed.scene()->selectIds({a, b});
        ed.view->setZoom(FloorPlanView::kActualSizePxPerMm / 4);
        ed.view->centerOn(QPointF(25000, 9000));
        const int steps = ed.document.undoStack()->count();
        // Grab rack a and drop it about 35.1 m east: into hall 2 at local x ~ 8100 -> snapped 8400.
        const QPointF grab(3300, 2334);
        dragMouse(ed.viewport(), ed.toView(grab), ed.toView(grab + QPointF(35100, 0)), 20);
        const Equipment *ea = ed.plan().equipment(a);
        const Equipment *eb = ed.plan().equipment(b);
        QCOMPARE(ea->hallId(), HallId(2));
        QCOMPARE(eb->hallId(), HallId(2));
        QCOMPARE(std::fmod(ea->xMm(), 600.0), 0.0);    // on hall 2's tiles
        QCOMPARE(eb->xMm() - ea->xMm(), 600.0);        // the pair keeps its layout
        QCOMPARE(ea->yMm(), 1800.0);
        QVERIFY(std::abs(ea->xMm() - (3000.0 + 35100.0 - kHall2OriginX)) <= 300.0);
        QCOMPARE(ed.document.undoStack()->count(), steps + 1);
        QCOMPARE(ed.scene()->itemFor(a)->pos(), QPointF(kHall2OriginX + ea->xMm(), 1800));
        ed.document.undoStack()->undo();
        QCOMPARE(ed.plan().equipment(a)->hallId(), HallId(1));
        QCOMPARE(ed.plan().equipment(a)->xMm(), 3000.0);
    }

    void structuresDragAndArrowKeys()
    {
        Editor ed(&m_catalog);
        Structure column;
        column.kind = StructureKind::Column;
        column.hallId = 1;
        column.rectMm = QRectF(6000, 6000, 600, 600);
        ed.document.undoStack()->push(new AddRemoveStructuresCommand(&ed.document, AddRemoveStructuresCommand::Mode::Add, {column}));
        const StructureId id = ed.plan().structures().front().id;
        const int steps = ed.document.undoStack()->count();
        dragMouse(ed.viewport(), ed.toView(QPointF(6300, 6300)), ed.toView(QPointF(6300 + 1250, 6300 + 580)), 10);
        QCOMPARE(ed.plan().structure(id)->rectMm, QRectF(7200, 6600, 600, 600)); // 2 tiles east, 1 south
        QCOMPARE(ed.document.undoStack()->count(), steps + 1);
        QCOMPARE(ed.scene()->selectedStructureIds(), QList<StructureId>{id});
        QCOMPARE(ed.scene()->structureItemFor(id)->pos(), QPointF(7200, 6600));
        // Arrow keys move the selected structure by a tile.
        QTest::keyClick(ed.viewport(), Qt::Key_Left);
        QCOMPARE(ed.plan().structure(id)->rectMm.left(), 6600.0);
        // A rack in the way stops the drag at the last valid place.
        QVERIFY(ed.place(kGb200, QPointF(5110, 6834)));  // at (4800, 6300)..(5400, 7368)
        ed.scene()->selectStructureIds({id});
        dragMouse(ed.viewport(), ed.toView(QPointF(6900, 6900)), ed.toView(QPointF(6900 - 1800, 6900)), 12);
        QCOMPARE(ed.plan().structure(id)->rectMm.left(), 5400.0); // stopped east of the rack
        ed.document.undoStack()->undo();
        QCOMPARE(ed.plan().structure(id)->rectMm.left(), 6600.0);
    }

private:
    Catalog m_catalog;
};

QTEST_MAIN(TestMultiHall)
#include "tst_multihall.moc"
