// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The floor-plan editor: palette drops, the select tool, edit actions, KPI and inspector docks,
// driven through the same events and actions the user would trigger.
#include "model/analysis/enginetext.h"
#include "model/analysis/facilityanalysis.h"
#include "model/commands/addremoveequipment.h"
#include "model/commands/changegeometry.h"
#include "model/commands/planedits.h"
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"
#include "tests/views/editorfixture.h"
#include "views/docks/inspectordock.h"
#include "views/docks/kpidock.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/ghostitem.h"
#include "views/scene/structureitem.h"
#include "views/tools/selecttool.h"

#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QUndoStack>

using namespace th;
using namespace th::test;

namespace {
const QString kGb200 = QStringLiteral("nvidia-gb200-nvl72");   // 600 x 1068 mm, 72 GPUs, 120 kW
const QString kDgxH100 = QStringLiteral("nvidia-dgx-h100");    // 4 servers of 8 GPUs per rack
} // namespace

class TestFloorPlanEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void dropFromPaletteCreatesItemAtSnappedPosition();
    void refusedDrops_data();
    void refusedDrops();
    void mouseDragMovesByWholeTilesInOneUndoStep();
    void dragBackToStartLeavesNoStep();
    void blockedDragStopsAtLastValidPlace();
    void rubberBandAndCtrlClickSelect();
    void arrowKeysMoveOneTile();
    void rotateDeleteAndUndo();
    void duplicateAndCopyPasteBetweenPlans();
    void alignAndDistribute();
    void arrayToolIsOneUndoStep();
    void kpiDockFollowsChanges();
    void kpiViolationSelectsItems();
    void inspectorRefusesBadValues_data();
    void inspectorRefusesBadValues();
    void inspectorAppliesGoodValues();
    void inspectorEditsHallWhenNothingSelected();
    void missingCatalogItemsAreKeptAndMarked();
    void levelOfDetailAndManyItems();
    void dropDoorOnWestWallCreatesStructure();
    void wallOverRackIsRefused();
    void selectStructureDeleteAndUndo();
    void inspectorEditsStructure();

private:
    Catalog m_catalog;
};

void TestFloorPlanEditor::initTestCase()
{
    QString error;
    QVERIFY2(m_catalog.openInMemory(&error), qPrintable(error));
}

void TestFloorPlanEditor::dropFromPaletteCreatesItemAtSnappedPosition()
{
    Editor ed(&m_catalog);
    // Drop with the cursor at (3310, 2480) mm: the 600 x 1068 footprint centred there has its
    // top-left at (3010, 1946), snapped to the 600 mm tiles: (3000, 1800).
    const QPoint pos = ed.toView(QPointF(3310, 2480));
    std::unique_ptr<QMimeData> mime(PlaceEquipmentTool::createMimeData({EquipmentKind::System, kGb200}));
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &move);
    QVERIFY(move.isAccepted());
    // The ghost shows the true catalog footprint, green.
    GhostItem *ghost = ed.scene()->ghost();
    QVERIFY(ghost->isVisible());
    QVERIFY(ghost->isValid());
    QCOMPARE(ghost->rects().value(0), QRectF(3000, 1800, 600, 1068));

    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!ghost->isVisible());
    QCOMPARE(ed.plan().equipmentCount(), 1);
    const Equipment &e = ed.plan().equipmentAt(0);
    QCOMPARE(e.catalogId(), kGb200);
    QCOMPARE(e.kind(), EquipmentKind::System);
    QCOMPARE(e.xMm(), 3000.0);
    QCOMPARE(e.yMm(), 1800.0);
    QCOMPARE(e.widthMm(), 600.0);
    QCOMPARE(e.depthMm(), 1068.0);
    QCOMPARE(e.rotationDeg(), 0);
    QVERIFY(!e.inYard());
    QCOMPARE(ed.document.undoStack()->count(), 1);
    QVERIFY(ed.scene()->itemFor(e.id()));
    QCOMPARE(ed.scene()->selectedIds(), QList<EquipmentId>{e.id()});
    // Undo removes the item and its graphics item.
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().equipmentCount(), 0);
    QCOMPARE(ed.scene()->equipmentItemCount(), 0);
}

void TestFloorPlanEditor::refusedDrops_data()
{
    QTest::addColumn<QPointF>("at");
    QTest::addColumn<QString>("reason");
    QTest::newRow("overlapping-rack") << QPointF(3400, 2300) << QStringLiteral("overlap");
    QTest::newRow("outside-hall-east") << QPointF(24100, 5000) << QStringLiteral("leave");
    QTest::newRow("past-the-yard") << QPointF(5000, -8300) << QStringLiteral("yard");
    QTest::newRow("on-the-door") << QPointF(12300, 17500) << QStringLiteral("door");
    QTest::newRow("in-the-cold-aisle") << QPointF(9300, 9000) << QStringLiteral("cold aisle");
}

void TestFloorPlanEditor::refusedDrops()
{
    QFETCH(QPointF, at);
    QFETCH(QString, reason);
    Editor ed(&m_catalog);
    QVERIFY(ed.place(kGb200, QPointF(3310, 2480)));
    Structure door{0, StructureKind::Door, 1, QRectF(11400, 17400, 1800, 600), QStringLiteral("D1"), {}};
    door.id = ed.document.plan().allocateId();
    Structure aisle{0, StructureKind::ColdAisle, 1, QRectF(8400, 6000, 1800, 6000), QString(), {}};
    aisle.id = ed.document.plan().allocateId();
    ed.document.undoStack()->push(
        new AddRemoveStructuresCommand(&ed.document, AddRemoveStructuresCommand::Mode::Add, {door, aisle}));
    const int steps = ed.document.undoStack()->count();

    const QPoint pos = ed.toView(at);
    std::unique_ptr<QMimeData> mime(PlaceEquipmentTool::createMimeData({EquipmentKind::System, kGb200}));
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &move);
    QVERIFY(!move.isAccepted());
    QVERIFY(ed.scene()->ghost()->isVisible());
    QVERIFY(!ed.scene()->ghost()->isValid()); // red
    const auto candidate = ed.view->placeTool()->candidateAt({EquipmentKind::System, kGb200}, at);
    QVERIFY(candidate);
    QVERIFY2(candidate->problem.contains(reason), qPrintable(candidate->problem));

    QSignalSpy messages(ed.view.get(), &FloorPlanView::message);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &drop);
    QVERIFY(!drop.isAccepted());
    QCOMPARE(ed.plan().equipmentCount(), 1);
    QCOMPARE(ed.document.undoStack()->count(), steps);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().at(0).toString().startsWith(QStringLiteral("Cannot place here")));
}

void TestFloorPlanEditor::mouseDragMovesByWholeTilesInOneUndoStep()
{
    Editor ed(&m_catalog);
    const EquipmentId id = ed.place(kGb200, QPointF(3310, 2480)); // at (3000, 1800)
    QVERIFY(id);
    ed.scene()->selectIds({});
    const QUndoStack *stack = ed.document.undoStack();
    QCOMPARE(stack->count(), 1);
    // Grab the rack at its centre and drag 3.2 tiles east and 0.9 tiles south: it lands
    // 3 tiles east and 1 tile south.
    const QPointF grab(3300, 2334);
    dragMouse(ed.viewport(), ed.toView(grab), ed.toView(grab + QPointF(3 * 600 + 120, 600 - 60)), 12);
    const Equipment *e = ed.plan().equipment(id);
    QCOMPARE(e->xMm(), 3000.0 + 1800.0);
    QCOMPARE(e->yMm(), 1800.0 + 600.0);
    QCOMPARE(stack->count(), 2); // the add and ONE move
    QCOMPARE(ed.scene()->selectedIds(), QList<EquipmentId>{id});
    QCOMPARE(ed.scene()->itemFor(id)->pos(), QPointF(4800, 2400));
    ed.document.undoStack()->undo();
    QCOMPARE(e->xMm(), 3000.0);
    QCOMPARE(e->yMm(), 1800.0);
    QCOMPARE(ed.scene()->itemFor(id)->pos(), QPointF(3000, 1800));
    // A second drag of the same item is a second step, not merged into the first.
    ed.document.undoStack()->redo();
    dragMouse(ed.viewport(), ed.toView(QPointF(5100, 2934)), ed.toView(QPointF(5100 + 600, 2934)));
    QCOMPARE(e->xMm(), 5400.0);
    QCOMPARE(stack->count(), 3);
}

void TestFloorPlanEditor::dragBackToStartLeavesNoStep()
{
    Editor ed(&m_catalog);
    const EquipmentId id = ed.place(kGb200, QPointF(3310, 2480));
    const QPoint start = ed.toView(QPointF(3300, 2334));
    const QPoint away = ed.toView(QPointF(3300 + 2400, 2334));
    sendMouse(ed.viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 6; ++i)
        sendMouse(ed.viewport(), QEvent::MouseMove, start + (away - start) * i / 6, Qt::NoButton, Qt::LeftButton);
    QCOMPARE(ed.plan().equipment(id)->xMm(), 5400.0); // live while dragging
    for (int i = 5; i >= 0; --i)
        sendMouse(ed.viewport(), QEvent::MouseMove, start + (away - start) * i / 6, Qt::NoButton, Qt::LeftButton);
    sendMouse(ed.viewport(), QEvent::MouseButtonRelease, start, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(ed.plan().equipment(id)->xMm(), 3000.0);
    QCOMPARE(ed.document.undoStack()->count(), 1); // only the add
}

void TestFloorPlanEditor::blockedDragStopsAtLastValidPlace()
{
    Editor ed(&m_catalog);
    const EquipmentId a = ed.place(kGb200, QPointF(3310, 2480)); // x 3000
    const EquipmentId b = ed.place(kGb200, QPointF(4510, 2480)); // x 4200
    QVERIFY(a && b);
    // Dragging a eastwards onto b: it stops one tile short (3600), touching b.
    dragMouse(ed.viewport(), ed.toView(QPointF(3300, 2334)), ed.toView(QPointF(3300 + 1200, 2334)), 8);
    QCOMPARE(ed.plan().equipment(a)->xMm(), 3600.0);
    QCOMPARE(ed.plan().equipment(b)->xMm(), 4200.0);
}

void TestFloorPlanEditor::rubberBandAndCtrlClickSelect()
{
    Editor ed(&m_catalog);
    const EquipmentId a = ed.place(kGb200, QPointF(3310, 2480));
    const EquipmentId b = ed.place(kGb200, QPointF(4510, 2480));
    const EquipmentId c = ed.place(kGb200, QPointF(9310, 8480));
    ed.scene()->selectIds({});
    // Band around a and b from empty floor.
    dragMouse(ed.viewport(), ed.toView(QPointF(2000, 1000)), ed.toView(QPointF(6000, 4000)));
    QCOMPARE(ed.scene()->selectedIds(), (QList<EquipmentId>{a, b}));
    // Ctrl-click adds c, Ctrl-click on a removes it.
    click(ed.viewport(), ed.toView(ed.scene()->footprintInScene(*ed.plan().equipment(c)).center()), Qt::ControlModifier);
    QCOMPARE(ed.scene()->selectedIds(), (QList<EquipmentId>{a, b, c}));
    click(ed.viewport(), ed.toView(QPointF(3300, 2334)), Qt::ControlModifier);
    QCOMPARE(ed.scene()->selectedIds(), (QList<EquipmentId>{b, c}));
    // A plain click on empty floor clears; on an item selects only it.
    click(ed.viewport(), ed.toView(QPointF(15000, 15000)));
    QVERIFY(ed.scene()->selectedIds().isEmpty());
    click(ed.viewport(), ed.toView(QPointF(3300, 2334)));
    QCOMPARE(ed.scene()->selectedIds(), QList<EquipmentId>{a});
    QCOMPARE(ed.document.undoStack()->count(), 3); // selecting is not an edit
}

void TestFloorPlanEditor::arrowKeysMoveOneTile()
{
    Editor ed(&m_catalog);
    const EquipmentId id = ed.place(kGb200, QPointF(3310, 2480));
    ed.view->setFocus();
    QTest::keyClick(ed.view.get(), Qt::Key_Right);
    QTest::keyClick(ed.view.get(), Qt::Key_Down);
    QCOMPARE(ed.plan().equipment(id)->xMm(), 3600.0);
    QCOMPARE(ed.plan().equipment(id)->yMm(), 2400.0);
    QCOMPARE(ed.document.undoStack()->count(), 3);
    // Not past the west wall: x 0 is the limit.
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(ed.view.get(), Qt::Key_Left);
    QCOMPARE(ed.plan().equipment(id)->xMm(), 0.0);
}

void TestFloorPlanEditor::rotateDeleteAndUndo()
{
    Editor ed(&m_catalog);
    const EquipmentId id = ed.place(kDgxH100, QPointF(5700, 6000)); // 600 x 1200 at (5400, 5400)
    QVERIFY(id);
    const Equipment *e = ed.plan().equipment(id);
    QCOMPARE(e->footprintMm(), QRectF(5400, 5400, 600, 1200));
    ed.view->setFocus();
    QTest::keyClick(ed.view.get(), Qt::Key_R);
    QCOMPARE(e->rotationDeg(), 90);
    // About its centre (5700, 6000): 1200 x 600 with top-left (5100, 5700), snapped to tiles.
    QCOMPARE(e->footprintMm(), QRectF(5400, 6000, 1200, 600));
    QCOMPARE(ed.document.undoStack()->count(), 2);
    QTest::keyClick(ed.view.get(), Qt::Key_R);
    QCOMPARE(e->rotationDeg(), 180);

    QTest::keyClick(ed.view.get(), Qt::Key_Delete);
    QCOMPARE(ed.plan().equipmentCount(), 0);
    QVERIFY(!ed.scene()->itemFor(id));
    QCOMPARE(ed.document.undoStack()->count(), 4);

    ed.document.undoStack()->undo(); // delete
    QCOMPARE(ed.plan().equipmentCount(), 1);
    e = ed.plan().equipment(id);
    QVERIFY(ed.scene()->itemFor(id));
    QCOMPARE(e->rotationDeg(), 180);
    ed.document.undoStack()->undo();
    QCOMPARE(e->rotationDeg(), 90);
    ed.document.undoStack()->undo();
    QCOMPARE(e->rotationDeg(), 0);
    QCOMPARE(e->footprintMm(), QRectF(5400, 5400, 600, 1200));
}

void TestFloorPlanEditor::duplicateAndCopyPasteBetweenPlans()
{
    Editor a(&m_catalog);
    const EquipmentId id = a.place(kDgxH100, QPointF(6000, 6000));
    a.document.undoStack()->push(new ChangeEquipmentValueCommand(&a.document, {id}, QStringLiteral("units_per_rack"), 2));
    a.scene()->selectIds({id});
    QVERIFY(a.actions->duplicateSelection());
    QCOMPARE(a.plan().equipmentCount(), 2);
    const Equipment &copy = a.plan().equipmentAt(1);
    QCOMPARE(copy.catalogId(), kDgxH100);
    QCOMPARE(copy.properties().value(QStringLiteral("units_per_rack")).toInt(), 2);
    QVERIFY(!copy.footprintMm().intersects(a.plan().equipment(id)->footprintMm().adjusted(1, 1, -1, -1)));
    QCOMPARE(a.scene()->selectedIds(), QList<EquipmentId>{copy.id()}); // the copy is selected
    QCOMPARE(a.document.undoStack()->count(), 3);

    // Copy both, paste into another plan: same places there (free), one step.
    a.actions->selectAll();
    a.actions->copySelection();
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(EditActions::clipboardMimeType()));
    Editor b(&m_catalog);
    QVERIFY(b.actions->pasteAction()->isEnabled());
    QVERIFY(b.actions->paste());
    QCOMPARE(b.plan().equipmentCount(), 2);
    QCOMPARE(b.document.undoStack()->count(), 1);
    QCOMPARE(b.plan().equipmentAt(0).footprintMm(), a.plan().equipmentAt(0).footprintMm());
    QCOMPARE(b.plan().equipmentAt(1).footprintMm(), a.plan().equipmentAt(1).footprintMm());
    // Pasting again into b: the places are taken, so the items go next to them, not on top.
    QVERIFY(b.actions->paste());
    QCOMPARE(b.plan().equipmentCount(), 4);
    const PlanEvaluation ev = evaluatePlan(b.plan(), b.cache);
    for (const Violation &v : ev.violations)
        QVERIFY2(v.kind != QLatin1String("overlap"), qPrintable(v.message));
    b.document.undoStack()->undo();
    QCOMPARE(b.plan().equipmentCount(), 2);
}

void TestFloorPlanEditor::alignAndDistribute()
{
    Editor ed(&m_catalog);
    const EquipmentId a = ed.place(kDgxH100, QPointF(3000, 3000));
    const EquipmentId b = ed.place(kDgxH100, QPointF(6000, 4200));
    const EquipmentId c = ed.place(kDgxH100, QPointF(12000, 6000));
    ed.scene()->selectIds({a, b, c});
    const int steps = ed.document.undoStack()->count();
    QVERIFY(ed.actions->alignTop());
    const double top = ed.plan().equipment(a)->yMm();
    QCOMPARE(ed.plan().equipment(b)->yMm(), top);
    QCOMPARE(ed.plan().equipment(c)->yMm(), top);
    QCOMPARE(ed.document.undoStack()->count(), steps + 1);
    QVERIFY(ed.actions->distributeHorizontally());
    const double xa = ed.plan().equipment(a)->xMm(), xb = ed.plan().equipment(b)->xMm(), xc = ed.plan().equipment(c)->xMm();
    QCOMPARE(xb - xa, xc - xb);
    QCOMPARE(xa, 3000.0); // the outer items stay
    QCOMPARE(xc, 12000.0);
    QVERIFY(ed.actions->alignLeft() == false); // all in one row: aligning left would stack them
    QCOMPARE(ed.document.undoStack()->count(), steps + 2);
}

void TestFloorPlanEditor::arrayToolIsOneUndoStep()
{
    Editor ed(&m_catalog);
    ArrayParameters p;
    p.kind = EquipmentKind::System;
    p.catalogId = kGb200;
    p.hallId = 1;
    p.startMm = QPointF(1200, 1200);
    p.count = 10;
    p.pitchMm = 600;
    p.rows = 2;
    p.rowPitchMm = 2400;
    p.alternate = true;
    QVERIFY(ed.actions->placeArray(p));
    QCOMPARE(ed.plan().equipmentCount(), 20);
    QCOMPARE(ed.document.undoStack()->count(), 1);
    for (int i = 0; i < 20; ++i) {
        const Equipment &e = ed.plan().equipmentAt(i);
        const int row = i / 10, col = i % 10;
        QCOMPARE(e.xMm(), 1200.0 + col * 600.0);
        QCOMPARE(e.yMm(), 1200.0 + row * 2400.0);
        QCOMPARE(e.rotationDeg(), row == 0 ? 0 : 180);
    }
    QCOMPARE(ed.plan().equipmentAt(11).label(), QStringLiteral("R2-02"));
    // A pitch smaller than the rack overlaps: refused, nothing added.
    p.startMm = QPointF(1200, 9000);
    p.pitchMm = 300;
    QSignalSpy messages(ed.actions, &EditActions::message);
    QVERIFY(!ed.actions->placeArray(p));
    QCOMPARE(ed.plan().equipmentCount(), 20);
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("overlap")));
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().equipmentCount(), 0);
}

void TestFloorPlanEditor::kpiDockFollowsChanges()
{
    Editor ed(&m_catalog);
    KpiDock kpi(&ed.document, &ed.cache);
    QCOMPARE(kpi.evaluation().accelerators, 0LL);
    const int before = kpi.evaluationCount();
    ed.place(kGb200, QPointF(3310, 2480));
    // Debounced: nothing until the event loop turns, then exactly one evaluation.
    QCOMPARE(kpi.evaluationCount(), before);
    QTRY_COMPARE(kpi.evaluation().accelerators, 72LL);
    QCOMPARE(kpi.evaluationCount(), before + 1);
    QCOMPARE(kpi.evaluation().itKw, 120.0);
    QVERIFY2(kpi.valueText(QStringLiteral("accelerators")).startsWith(QStringLiteral("72")),
             qPrintable(kpi.valueText(QStringLiteral("accelerators"))));
    QCOMPARE(kpi.valueText(QStringLiteral("itKw")), QStringLiteral("120 kW"));
    QVERIFY(kpi.valueText(QStringLiteral("peak")).endsWith(QStringLiteral("PFLOPS")));
    QVERIFY(kpi.evaluation().peakPflops(engine::Precision::Bf16) > 100); // 72 x ~2.5 PF dense BF16
    QVERIFY(kpi.valueText(QStringLiteral("capex")).contains(QStringLiteral("2.5 M")));
    // Precision combo switches the peak (FP4 > BF16 for Blackwell).
    const QString bf16 = kpi.valueText(QStringLiteral("peak"));
    kpi.precisionCombo()->setCurrentIndex(kpi.precisionCombo()->findData(QStringLiteral("fp4")));
    QVERIFY(kpi.valueText(QStringLiteral("peak")) != bf16);
    // No power chain placed yet: the redundancy row says so.
    QCOMPARE(kpi.valueText(QStringLiteral("redundancy")), QStringLiteral("no power chain placed"));
    // Undo goes back to zero.
    ed.document.undoStack()->undo();
    QTRY_COMPARE(kpi.evaluation().accelerators, 0LL);
    QCOMPARE(kpi.valueText(QStringLiteral("itKw")), QStringLiteral("0 kW"));
    // The H100 sample is 2N power and N+1 cooling (tst_plananalysis checks the analysis).
    const PlanReadResult sample = readPlanFile(test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan")));
    QVERIFY(sample.plan);
    ed.document.resetPlan(*sample.plan);
    QTRY_COMPARE(kpi.evaluation().accelerators, 1024LL);
    QCOMPARE(kpi.valueText(QStringLiteral("redundancy")), QStringLiteral("power 2N, cooling N+1"));
    // Ashburn: China's PUE targets do not apply; the row says so instead of showing badges.
    QVERIFY2(kpi.valueText(QStringLiteral("pueTargets")).startsWith(QStringLiteral("none apply at Ashburn")),
             qPrintable(kpi.valueText(QStringLiteral("pueTargets"))));

    // The Ascend sample sits in Wuhu (an eastern hub start-up zone): a red badge per applicable
    // target the annual PUE misses, and one green badge counting those it meets.
    const PlanReadResult ascend = readPlanFile(test::sourcePath(QStringLiteral("data/samples/ascend-910b-hall.thplan")));
    QVERIFY(ascend.plan);
    ed.document.resetPlan(*ascend.plan);
    QTRY_COMPARE(kpi.evaluation().accelerators, 512LL);
    QVERIFY(kpi.evaluation().facility);
    const FacilityResult &facility = *kpi.evaluation().facility;
    const QString badges = kpi.valueText(QStringLiteral("pueTargets"));
    int applicable = 0, passes = 0;
    for (const engine::PueCompliance &c : facility.compliance) {
        if (!c.applicable)
            continue;
        ++applicable;
        passes += c.pass ? 1 : 0;
        // The engine's verdict is the plain comparison with the limit.
        QCOMPARE(c.pass, c.strict ? facility.pueAnnual < c.limit : facility.pueAnnual <= c.limit + 1e-12);
        const QString badge = QStringLiteral("✗&nbsp;") + pueTargetShortText(c).toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        QVERIFY2(badges.contains(badge) == !c.pass, qPrintable(badges));
    }
    QCOMPARE(applicable, 6); // hub node, new large DC, green DC, GB 40879 grades 1-3 (not western hub)
    QCOMPARE(badges.count(QStringLiteral("✗")), applicable - passes);
    QVERIFY2(badges.contains(QStringLiteral("✓&nbsp;%1&nbsp;of&nbsp;%2&nbsp;met").arg(passes).arg(applicable)), qPrintable(badges));
    QVERIFY(facility.pueAnnual > 1.25); // the sample misses the hub-node target (its problems list says so)
    QVERIFY(badges.contains(QStringLiteral("✗&nbsp;hub&nbsp;node")));
}

void TestFloorPlanEditor::kpiViolationSelectsItems()
{
    Editor ed(&m_catalog);
    KpiDock kpi(&ed.document, &ed.cache);
    // An overlap can only come from outside the tools (e.g. a file): add two on one spot.
    Equipment e1(0, EquipmentKind::System, kGb200);
    e1.setHallId(1);
    e1.setPositionMm(1200, 1200);
    e1.setSizeMm(600, 1068);
    Equipment e2 = e1;
    ed.document.undoStack()->push(new AddEquipmentCommand(&ed.document, {e1, e2}));
    QTRY_VERIFY(std::any_of(kpi.evaluation().violations.begin(), kpi.evaluation().violations.end(),
                            [](const Violation &v) { return v.kind == QLatin1String("overlap"); }));
    QListWidgetItem *overlap = nullptr;
    QStringList kinds;
    for (int i = 0; i < kpi.violationList()->count(); ++i)
        kinds << kpi.violationList()->item(i)->data(Qt::UserRole + 1).toString() + QLatin1Char(' ') + kpi.violationList()->item(i)->text();
    for (int i = 0; i < kpi.violationList()->count(); ++i) {
        if (kpi.violationList()->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("overlap"))
            overlap = kpi.violationList()->item(i);
    }
    QVERIFY2(overlap, qPrintable(kinds.join(QLatin1Char('\n'))));
    connect(&kpi, &KpiDock::itemsRequested, ed.scene(), &FloorPlanScene::selectIds);
    emit kpi.violationList()->itemClicked(overlap);
    QCOMPARE(ed.scene()->selectedIds().size(), 2);
}

void TestFloorPlanEditor::inspectorRefusesBadValues_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("rotation-45") << "rotation" << "45" << "Rotation must be a multiple of 90";
    QTest::newRow("rotation-360") << "rotation" << "360" << "0, 90, 180 or 270";
    QTest::newRow("rotation-text") << "rotation" << "east" << "Rotation";
    QTest::newRow("x-outside") << "x" << "99999" << "X must be a number from 0 to 23400 mm";
    QTest::newRow("x-negative") << "x" << "-600" << "X must be a number from 0 to 23400";
    QTest::newRow("y-outside") << "y" << "17000" << "Y must be a number from 0 to 16800 mm";
    QTest::newRow("x-overlap") << "x" << "6000" << "overlap";
    QTest::newRow("units-0") << "units_per_rack" << "0" << "Units per rack must be a whole number from 1 to 64";
    QTest::newRow("units-fraction") << "units_per_rack" << "2.5" << "Units per rack";
}

void TestFloorPlanEditor::inspectorRefusesBadValues()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    Editor ed(&m_catalog);
    InspectorDock inspector(ed.scene());
    ed.place(kDgxH100, QPointF(6300, 3000)); // neighbour at (6000, 2400)
    const EquipmentId id = ed.place(kDgxH100, QPointF(3300, 3000));
    ed.scene()->selectIds({id});
    const Equipment before = *ed.plan().equipment(id);
    const int steps = ed.document.undoStack()->count();
    QVERIFY(!inspector.isShowingHall());
    QVERIFY(inspector.field(field)->isVisibleTo(&inspector));
    inspector.field(field)->setText(text);
    QVERIFY(!inspector.applyField(field));
    QVERIFY2(inspector.errorText().contains(messagePart), qPrintable(inspector.errorText()));
    QVERIFY(inspector.errorText().contains(text));
    QCOMPARE(*ed.plan().equipment(id), before);
    QCOMPARE(ed.document.undoStack()->count(), steps);
}

void TestFloorPlanEditor::inspectorAppliesGoodValues()
{
    Editor ed(&m_catalog);
    InspectorDock inspector(ed.scene());
    KpiDock kpi(&ed.document, &ed.cache);
    const EquipmentId id = ed.place(kDgxH100, QPointF(3300, 3000));
    ed.scene()->selectIds({id});
    QTRY_COMPARE(kpi.evaluation().accelerators, 32LL); // 4 servers x 8 GPUs by default
    QCOMPARE(inspector.field(QStringLiteral("units_per_rack"))->text(), QStringLiteral("4"));
    inspector.field(QStringLiteral("units_per_rack"))->setText(QStringLiteral("2"));
    QVERIFY(inspector.applyField(QStringLiteral("units_per_rack")));
    QCOMPARE(ed.plan().equipment(id)->properties().value(QStringLiteral("units_per_rack")).toInt(), 2);
    QTRY_COMPARE(kpi.evaluation().accelerators, 16LL);
    inspector.field(QStringLiteral("label"))->setText(QStringLiteral("A-01"));
    QVERIFY(inspector.applyField(QStringLiteral("label")));
    QCOMPARE(ed.plan().equipment(id)->label(), QStringLiteral("A-01"));
    inspector.field(QStringLiteral("x"))->setText(QStringLiteral("1200"));
    QVERIFY(inspector.applyField(QStringLiteral("x")));
    QCOMPARE(ed.plan().equipment(id)->xMm(), 1200.0);
    inspector.field(QStringLiteral("rotation"))->setText(QStringLiteral("270"));
    QVERIFY(inspector.applyField(QStringLiteral("rotation")));
    QCOMPARE(ed.plan().equipment(id)->rotationDeg(), 270);
    QVERIFY(inspector.errorText().isEmpty());
    // The field by editingFinished, as typing and Return does.
    QLineEdit *y = inspector.field(QStringLiteral("y"));
    y->setText(QStringLiteral("3600"));
    y->setModified(true);
    emit y->editingFinished();
    QCOMPARE(ed.plan().equipment(id)->yMm(), 3600.0);
    // UPS: redundancy_group.
    const EquipmentId ups = ed.place(QStringLiteral("ups-huawei-ups5000-e-500"), QPointF(15000, 15000), EquipmentKind::Facility);
    QVERIFY(ups);
    ed.scene()->selectIds({ups});
    QVERIFY(inspector.field(QStringLiteral("redundancy_group"))->isVisibleTo(&inspector));
    QVERIFY(!inspector.field(QStringLiteral("units_per_rack"))->isVisibleTo(&inspector));
    inspector.field(QStringLiteral("redundancy_group"))->setText(QStringLiteral("A"));
    QVERIFY(inspector.applyField(QStringLiteral("redundancy_group")));
    QCOMPARE(ed.plan().equipment(ups)->properties().value(QStringLiteral("redundancy_group")).toString(), QStringLiteral("A"));
}

void TestFloorPlanEditor::inspectorEditsHallWhenNothingSelected()
{
    Editor ed(&m_catalog);
    InspectorDock inspector(ed.scene());
    QVERIFY(inspector.isShowingHall());
    QCOMPARE(inspector.field(QStringLiteral("hall.width"))->text(), QStringLiteral("24000"));
    inspector.field(QStringLiteral("hall.width"))->setText(QStringLiteral("abc"));
    QVERIFY(!inspector.applyField(QStringLiteral("hall.width")));
    QVERIFY2(inspector.errorText().contains(QStringLiteral("Width must be a number from 1")), qPrintable(inspector.errorText()));
    inspector.field(QStringLiteral("hall.tile"))->setText(QStringLiteral("50"));
    QVERIFY(!inspector.applyField(QStringLiteral("hall.tile")));
    QVERIFY(inspector.errorText().contains(QStringLiteral("Tile must be a number from 100 to 3")));
    QCOMPARE(ed.plan().halls().first().tileMm, 600.0);
    QCOMPARE(ed.document.undoStack()->count(), 0);
    inspector.field(QStringLiteral("hall.width"))->setText(QStringLiteral("30000"));
    QVERIFY(inspector.applyField(QStringLiteral("hall.width")));
    QCOMPARE(ed.plan().halls().first().widthMm, 30000.0);
    QCOMPARE(ed.document.undoStack()->count(), 1);
    QCOMPARE(ed.scene()->hallsBoundingRect().width(), 30000.0);
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().halls().first().widthMm, 24000.0);
    QCOMPARE(inspector.field(QStringLiteral("hall.width"))->text(), QStringLiteral("24000"));
}

void TestFloorPlanEditor::missingCatalogItemsAreKeptAndMarked()
{
    Editor ed(&m_catalog);
    // The equipment-type key names only colours the plan uses: four kinds for an empty hall.
    const auto legendTexts = [&ed] {
        QStringList texts;
        for (const FloorPlanScene::LegendEntry &entry : ed.scene()->legend())
            texts << entry.text;
        return texts;
    };
    QCOMPARE(legendTexts().size(), 4);
    QSignalSpy legendSpy(ed.scene(), &FloorPlanScene::legendChanged);

    FloorPlan plan = MainWindow::defaultPlan();
    auto e = std::make_unique<Equipment>(plan.allocateId(), EquipmentKind::System, QStringLiteral("acme-unobtainium-9000"));
    e->setHallId(1);
    e->setPositionMm(1200, 1200);
    e->setSizeMm(1200, 1200);
    const EquipmentId id = e->id();
    plan.insertEquipment(std::move(e));
    Structure aisle;
    aisle.id = plan.allocateId();
    aisle.kind = StructureKind::HotAisle;
    aisle.hallId = 1;
    aisle.rectMm = QRectF(3600, 1200, 1200, 2400);
    plan.insertStructure(aisle);
    ed.document.resetPlan(plan);
    EquipmentItem *item = ed.scene()->itemFor(id);
    QVERIFY(item);
    QVERIFY(item->isMissing());
    QCOMPARE(item->pos(), QPointF(1200, 1200));
    QCOMPARE(ed.plan().equipmentCount(), 1);
    QCOMPARE(legendSpy.count(), 1);
    QCOMPARE(legendTexts().size(), 6);
    QVERIFY(legendTexts().contains(StructureItem::kindName(StructureKind::HotAisle)));
    QVERIFY(legendTexts().contains(FloorPlanScene::tr("Missing from catalog")));
    // It can still be moved and deleted like any other item.
    ed.scene()->selectIds({id});
    QVERIFY(ed.view->selectTool()->moveSelectionBy(600, 0));
    QCOMPARE(ed.plan().equipment(id)->xMm(), 1800.0);
    QCOMPARE(legendSpy.count(), 1);
    // A change of the item that leaves it missing (a move, a label) keeps the legend keys
    // without a rescan; the keys stay those of the plan.
    ed.document.undoStack()->push(new ChangeEquipmentValueCommand(&ed.document, {id}, QStringLiteral("label"), QStringLiteral("Mystery rack")));
    QVERIFY(ed.scene()->itemFor(id)->isMissing());
    QCOMPARE(legendSpy.count(), 1);
    QCOMPARE(legendTexts().size(), 6);
    QVERIFY(legendTexts().contains(FloorPlanScene::tr("Missing from catalog")));
    ed.scene()->selectIds({id});
    QVERIFY(ed.actions->deleteSelection());
    QCOMPARE(legendSpy.count(), 2);
    QVERIFY(!legendTexts().contains(FloorPlanScene::tr("Missing from catalog")));
    QCOMPARE(legendTexts().size(), 5);
}

void TestFloorPlanEditor::levelOfDetailAndManyItems()
{
    Editor ed(&m_catalog);
    FloorPlan plan = MainWindow::defaultPlan();
    Hall hall = plan.halls().first();
    hall.widthMm = 120000;
    hall.depthMm = 180000;
    plan.setHall(hall);
    // 10,000 racks, 100 x 100 on a 1.2 m x 1.8 m pitch.
    for (int i = 0; i < 10000; ++i) {
        auto e = std::make_unique<Equipment>(plan.allocateId(), EquipmentKind::System, kGb200);
        e->setHallId(1);
        e->setPositionMm((i % 100) * 1200.0, (i / 100) * 1800.0);
        e->setSizeMm(600, 1068);
        plan.insertEquipment(std::move(e));
    }
    QElapsedTimer timer;
    timer.start();
    ed.document.resetPlan(plan);
    QCOMPARE(ed.scene()->equipmentItemCount(), 10000);
    // No BSP index and no per-item pixmap cache: both made drag steps, repaints and placement
    // checks slower on large plans (docs/performance.md).
    QCOMPARE(ed.scene()->itemIndexMethod(), QGraphicsScene::NoIndex);
    QCOMPARE(ed.scene()->itemFor(plan.equipmentAt(0).id())->cacheMode(), QGraphicsItem::NoCache);
    // A full repaint of everything zoomed out, and a zoomed-in one, render in reasonable time.
    ed.view->fitToHalls();
    QImage image(ed.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    ed.view->render(&painter);
    ed.view->setZoom(0.05);
    ed.view->render(&painter);
    painter.end();
    const qint64 ms = timer.elapsed();
    QVERIFY2(ms < 20000, qPrintable(QStringLiteral("10,000 items took %1 ms").arg(ms)));
    qInfo("10,000 items: build + two renders in %lld ms", ms);
    // Placement checks scan the scene's items: a drop among 10,000 items is refused or accepted quickly.
    timer.restart();
    for (int i = 0; i < 100; ++i)
        (void)ed.view->placeTool()->candidateAt({EquipmentKind::System, kGb200}, QPointF(600.0 * i, 900));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    qInfo("100 placement checks among 10,000 items: %lld ms", qint64(timer.elapsed()));
}

void TestFloorPlanEditor::dropDoorOnWestWallCreatesStructure()
{
    Editor ed(&m_catalog);
    // The payload round-trips as kind "structure" with the kind key as id.
    std::unique_ptr<QMimeData> mime(PlaceEquipmentTool::createMimeData(CatalogItemRef::structure(StructureKind::Door)));
    const QJsonObject payload = QJsonDocument::fromJson(mime->data(PlaceEquipmentTool::mimeType())).object();
    QCOMPARE(payload.value(QStringLiteral("kind")).toString(), QStringLiteral("structure"));
    QCOMPARE(payload.value(QStringLiteral("id")).toString(), QStringLiteral("door"));
    const auto parsed = PlaceEquipmentTool::parseMimeData(mime.get());
    QVERIFY(parsed && parsed->structureKind == StructureKind::Door);

    // Near the west wall: the 1800 mm door turns to run along it, flush with x = 0; its top
    // edge (9100 - 900 = 8200) snaps to the 600 mm tiles: 8400.
    const QPoint pos = ed.toView(QPointF(300, 9100));
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &move);
    QVERIFY(move.isAccepted());
    GhostItem *ghost = ed.scene()->ghost();
    QVERIFY(ghost->isVisible());
    QVERIFY(ghost->isValid());
    QCOMPARE(ghost->rects().value(0), QRectF(0, 8400, 200, 1800));

    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!ghost->isVisible());
    QCOMPARE(ed.plan().structures().size(), 1);
    const Structure door = ed.plan().structures().first();
    QCOMPARE(door.kind, StructureKind::Door);
    QCOMPARE(door.hallId, HallId(1));
    QCOMPARE(door.rectMm, QRectF(0, 8400, 200, 1800));
    QVERIFY(door.id != 0);
    QCOMPARE(ed.plan().equipmentCount(), 0);
    QCOMPARE(ed.document.undoStack()->count(), 1);
    QVERIFY(ed.scene()->structureItemFor(door.id));
    QCOMPARE(ed.scene()->selectedStructureIds(), QList<StructureId>{door.id});

    ed.document.undoStack()->undo();
    QVERIFY(ed.plan().structures().isEmpty());
    QVERIFY(!ed.scene()->structureItemFor(door.id));

    // A door in the middle of the hall is refused: doors must touch the hall boundary.
    const auto middle = ed.view->placeTool()->candidateAt(CatalogItemRef::structure(StructureKind::Door), QPointF(12000, 9000));
    QVERIFY(middle);
    QVERIFY2(middle->problem.contains(QStringLiteral("boundary")), qPrintable(middle->problem));
    // Outside the hall (east of it): refused too.
    const auto outside = ed.view->placeTool()->candidateAt(CatalogItemRef::structure(StructureKind::Column), QPointF(25000, 9000));
    QVERIFY(outside);
    QVERIFY(!outside->isValid());
}

void TestFloorPlanEditor::wallOverRackIsRefused()
{
    Editor ed(&m_catalog);
    QVERIFY(ed.place(kDgxH100, QPointF(5700, 6000))); // 600 x 1200 at (5400, 5400)
    const int steps = ed.document.undoStack()->count();
    // A 200 x 6000 wall centred there: (5400, 3000) after snapping, across the rack.
    const QPointF at(5700, 6000);
    const QPoint pos = ed.toView(at);
    std::unique_ptr<QMimeData> mime(PlaceEquipmentTool::createMimeData(CatalogItemRef::structure(StructureKind::Wall)));
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &move);
    QVERIFY(!move.isAccepted());
    QVERIFY(ed.scene()->ghost()->isVisible());
    QVERIFY(!ed.scene()->ghost()->isValid()); // red
    QCOMPARE(ed.scene()->ghost()->rects().value(0), QRectF(5400, 3000, 200, 6000));
    const auto candidate = ed.view->placeTool()->candidateAt(CatalogItemRef::structure(StructureKind::Wall), at);
    QVERIFY(candidate);
    QVERIFY2(candidate->problem.contains(QStringLiteral("overlap")), qPrintable(candidate->problem));

    QSignalSpy messages(ed.view.get(), &FloorPlanView::message);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(ed.viewport(), &drop);
    QVERIFY(!drop.isAccepted());
    QVERIFY(ed.plan().structures().isEmpty());
    QCOMPARE(ed.document.undoStack()->count(), steps);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().at(0).toString().startsWith(QStringLiteral("Cannot place here")));
}

void TestFloorPlanEditor::selectStructureDeleteAndUndo()
{
    Editor ed(&m_catalog);
    // A 600 x 600 column centred on (12300, 9300): (12000, 9000).
    const auto columnId = ed.view->placeTool()->placeAt(CatalogItemRef::structure(StructureKind::Column), QPointF(12300, 9300));
    QVERIFY(columnId);
    QCOMPARE(ed.plan().structure(*columnId)->rectMm, QRectF(12000, 9000, 600, 600));
    const EquipmentId rack = ed.place(kDgxH100, QPointF(5700, 6000));
    QVERIFY(rack);
    const int steps = ed.document.undoStack()->count();

    // A click on the column selects it (and only it).
    click(ed.viewport(), ed.toView(QPointF(12300, 9300)));
    QCOMPARE(ed.scene()->selectedStructureIds(), QList<StructureId>{*columnId});
    QVERIFY(ed.scene()->selectedIds().isEmpty());
    QVERIFY(ed.actions->deleteAction()->isEnabled());
    // A click on empty floor clears it; a rubber band around it selects it again.
    click(ed.viewport(), ed.toView(QPointF(18000, 3000)));
    QVERIFY(ed.scene()->selectedStructureIds().isEmpty());
    dragMouse(ed.viewport(), ed.toView(QPointF(11000, 8000)), ed.toView(QPointF(13500, 10500)));
    QCOMPARE(ed.scene()->selectedStructureIds(), QList<StructureId>{*columnId});

    ed.view->setFocus();
    QTest::keyClick(ed.view.get(), Qt::Key_Delete);
    QVERIFY(ed.plan().structures().isEmpty());
    QVERIFY(!ed.scene()->structureItemFor(*columnId));
    QCOMPARE(ed.plan().equipmentCount(), 1);
    QCOMPARE(ed.document.undoStack()->count(), steps + 1);
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().structures().size(), 1);
    QCOMPARE(ed.plan().structures().first().id, *columnId);
    QVERIFY(ed.scene()->structureItemFor(*columnId));

    // Equipment and a structure selected together go in one step, and come back in one.
    ed.scene()->setSelection({rack}, {*columnId});
    QVERIFY(ed.actions->deleteSelection());
    QVERIFY(ed.plan().structures().isEmpty());
    QCOMPARE(ed.plan().equipmentCount(), 0);
    QCOMPARE(ed.document.undoStack()->count(), steps + 1);
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().structures().size(), 1);
    QCOMPARE(ed.plan().equipmentCount(), 1);
}

void TestFloorPlanEditor::inspectorEditsStructure()
{
    Editor ed(&m_catalog);
    InspectorDock inspector(ed.scene());
    // A 200 x 6000 wall centred on (3100, 9000): (3000, 6000).
    const auto wallId = ed.view->placeTool()->placeAt(CatalogItemRef::structure(StructureKind::Wall), QPointF(3100, 9000));
    QVERIFY(wallId);
    ed.scene()->selectStructureIds({*wallId});
    QVERIFY(inspector.isShowingStructure());
    QCOMPARE(inspector.field(QStringLiteral("structure.kind"))->text(), QStringLiteral("Wall"));
    QCOMPARE(inspector.field(QStringLiteral("structure.x"))->text(), QStringLiteral("3000"));
    QCOMPARE(inspector.field(QStringLiteral("structure.y"))->text(), QStringLiteral("6000"));
    QCOMPARE(inspector.field(QStringLiteral("structure.width"))->text(), QStringLiteral("200"));
    QCOMPARE(inspector.field(QStringLiteral("structure.depth"))->text(), QStringLiteral("6000"));
    int steps = ed.document.undoStack()->count();

    inspector.field(QStringLiteral("structure.width"))->setText(QStringLiteral("400"));
    QVERIFY(inspector.applyField(QStringLiteral("structure.width")));
    QCOMPARE(ed.plan().structure(*wallId)->rectMm, QRectF(3000, 6000, 400, 6000));
    QCOMPARE(ed.document.undoStack()->count(), ++steps);
    QVERIFY(inspector.errorText().isEmpty());
    // Still selected after the edit, so the inspector keeps showing it.
    QCOMPARE(ed.scene()->selectedStructureIds(), QList<StructureId>{*wallId});
    inspector.field(QStringLiteral("structure.label"))->setText(QStringLiteral("W-1"));
    QVERIFY(inspector.applyField(QStringLiteral("structure.label")));
    QCOMPARE(ed.plan().structure(*wallId)->label, QStringLiteral("W-1"));
    QCOMPARE(ed.document.undoStack()->count(), ++steps);

    const Structure before = *ed.plan().structure(*wallId);
    const struct
    {
        const char *field;
        const char *text;
        const char *messagePart;
    } bad[] = {
        {"structure.width", "20", "Width must be a number from 50 to 100000 mm"},
        {"structure.depth", "200000", "Depth must be a number from 50 to 100000 mm"},
        {"structure.width", "wide", "Width must be a number"},
        {"structure.x", "99999", "X must be a number from 0 to 23600 mm"},
        {"structure.depth", "30000", "leave"},
    };
    for (const auto &b : bad) {
        const QString field = QString::fromLatin1(b.field);
        inspector.field(field)->setText(QString::fromLatin1(b.text));
        QVERIFY(!inspector.applyField(field));
        QVERIFY2(inspector.errorText().contains(QString::fromLatin1(b.messagePart)), qPrintable(inspector.errorText()));
        QVERIFY(inspector.errorText().contains(QString::fromLatin1(b.text)));
        QCOMPARE(*ed.plan().structure(*wallId), before);
        QCOMPARE(ed.document.undoStack()->count(), steps);
    }
    ed.document.undoStack()->undo();
    ed.document.undoStack()->undo();
    QCOMPARE(ed.plan().structure(*wallId)->rectMm, QRectF(3000, 6000, 200, 6000));
}

QTEST_MAIN(TestFloorPlanEditor)
#include "tst_floorplaneditor.moc"
