// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/selecttool.h"

#include "model/document/floorplandocument.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/scene/structureitem.h"
#include "views/tools/draggeometrycommand.h"
#include "views/tools/placementcheck.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>

#include <cmath>

namespace th {

SelectTool::SelectTool(FloorPlanView *view)
    : QObject(view)
    , m_view(view)
{
}

SelectTool::~SelectTool() = default;

double SelectTool::tileMm() const
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const QList<EquipmentId> ids = scene->selectedIds();
    const FloorPlan &plan = scene->document()->plan();
    if (!ids.isEmpty()) {
        if (const Equipment *e = plan.equipment(ids.first())) {
            if (const Hall *h = plan.hall(e->hallId()))
                return h->tileMm;
        }
    }
    const Hall *h = scene->defaultHall();
    return h ? h->tileMm : 600.0;
}

QHash<EquipmentId, Geometry> SelectTool::shifted(const QHash<EquipmentId, Geometry> &start, double dx, double dy) const
{
    QHash<EquipmentId, Geometry> out = start;
    for (Geometry &g : out) {
        g.xMm += dx;
        g.yMm += dy;
    }
    return out;
}

QString SelectTool::problemFor(const QHash<EquipmentId, Geometry> &geometry) const
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QList<Placement> placements;
    QSet<EquipmentId> ignore;
    for (auto it = geometry.begin(); it != geometry.end(); ++it) {
        const Equipment *e = plan.equipment(it.key());
        if (!e)
            continue;
        placements.append({it->hallId, it->inYard, footprintFor(*e, *it)});
        ignore.insert(it.key());
    }
    return placementProblem(scene, placements, ignore);
}

void SelectTool::mousePressed(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    FloorPlanScene *scene = m_view->floorPlanScene();
    m_pressViewPos = event->position().toPoint();
    m_pressScenePos = m_view->mapToScene(m_pressViewPos);
    m_pressModifiers = event->modifiers();
    const bool toggle = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);

    EquipmentItem *hit = nullptr;
    for (QGraphicsItem *item : scene->items(m_pressScenePos)) {
        if (item->type() == EquipmentItem::Type
            && scene->footprintInScene(*static_cast<EquipmentItem *>(item)->equipment()).contains(m_pressScenePos)) {
            hit = static_cast<EquipmentItem *>(item);
            break;
        }
    }

    StructureItem *structureHit = nullptr;
    if (!hit) {
        // Walls, columns and doors above aisle zones (z order); only where the structure is drawn.
        for (QGraphicsItem *item : scene->items(m_pressScenePos)) {
            if (item->type() == StructureItem::Type) {
                auto *s = static_cast<StructureItem *>(item);
                if (scene->toScene(s->structure().hallId, s->structure().rectMm).contains(m_pressScenePos)) {
                    structureHit = s;
                    break;
                }
            }
        }
    }
    if (structureHit) {
        // Structures are selected (for Delete and the inspector), not dragged.
        if (toggle) {
            structureHit->setSelected(!structureHit->isSelected());
        } else if (!structureHit->isSelected()) {
            scene->selectStructureIds({structureHit->id()});
        }
        m_mode = Mode::None;
        return;
    }

    if (!hit) {
        if (!toggle)
            scene->selectIds({});
        m_mode = Mode::RubberBand;
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
        m_rubberBand->setGeometry(QRect(m_pressViewPos, QSize()));
        m_rubberBand->show();
        return;
    }

    QList<EquipmentId> selection = scene->selectedIds();
    if (toggle) {
        if (selection.contains(hit->id()))
            selection.removeAll(hit->id());
        else
            selection << hit->id();
        scene->selectIds(selection);
        m_mode = Mode::None;
        return;
    }
    if (!selection.contains(hit->id()))
        scene->selectIds({hit->id()});

    // Get ready to move the selection (Tiled: reset the merge on press).
    m_startGeometry.clear();
    const FloorPlan &plan = scene->document()->plan();
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = plan.equipment(id))
            m_startGeometry.insert(id, geometryOf(*e));
    }
    m_lastDelta = QPointF();
    m_dragSerial = DragGeometryCommand::nextSerial();
    m_mode = Mode::PendingMove;
}

void SelectTool::mouseMoved(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_mode) {
    case Mode::None:
        return;
    case Mode::RubberBand:
        m_rubberBand->setGeometry(QRect(m_pressViewPos, pos).normalized());
        return;
    case Mode::PendingMove:
        if ((pos - m_pressViewPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_mode = Mode::Moving;
        [[fallthrough]];
    case Mode::Moving: {
        const double tile = tileMm();
        const QPointF delta = m_view->mapToScene(pos) - m_pressScenePos;
        const QPointF snapped(snapToTile(delta.x(), tile), snapToTile(delta.y(), tile));
        if (snapped == m_lastDelta)
            return;
        const QHash<EquipmentId, Geometry> geometry = shifted(m_startGeometry, snapped.x(), snapped.y());
        const QString problem = problemFor(geometry);
        if (!problem.isEmpty()) {
            emit message(tr("Cannot move here: %1.").arg(problem));
            return;
        }
        m_lastDelta = snapped;
        FloorPlanDocument *document = m_view->floorPlanScene()->document();
        document->undoStack()->push(new DragGeometryCommand(
            document, QCoreApplication::translate("UndoCommands", "Move %n Item(s)", nullptr, int(geometry.size())),
            geometry, m_dragSerial));
        return;
    }
    }
}

void SelectTool::mouseReleased(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_mode == Mode::RubberBand) {
        FloorPlanScene *scene = m_view->floorPlanScene();
        const QRect band = QRect(m_pressViewPos, event->position().toPoint()).normalized();
        m_rubberBand->hide();
        if (band.width() > 2 || band.height() > 2) {
            const QRectF sceneBand = m_view->mapToScene(band).boundingRect();
            QList<EquipmentId> selection;
            QList<StructureId> structures;
            if (m_pressModifiers & (Qt::ControlModifier | Qt::ShiftModifier)) {
                selection = scene->selectedIds();
                structures = scene->selectedStructureIds();
            }
            for (QGraphicsItem *item : scene->items(sceneBand, Qt::IntersectsItemBoundingRect)) {
                if (item->type() == StructureItem::Type) {
                    // Structures only when wholly inside the band, so that a band over a row of
                    // racks does not also pick up the walls and aisle zones around it.
                    auto *s = static_cast<StructureItem *>(item);
                    if (!sceneBand.contains(scene->toScene(s->structure().hallId, s->structure().rectMm)))
                        continue;
                    if (structures.contains(s->id()))
                        structures.removeAll(s->id());
                    else
                        structures << s->id();
                    continue;
                }
                if (item->type() != EquipmentItem::Type)
                    continue;
                auto *eq = static_cast<EquipmentItem *>(item);
                if (!scene->footprintInScene(*eq->equipment()).intersects(sceneBand))
                    continue;
                if (selection.contains(eq->id()))
                    selection.removeAll(eq->id());
                else
                    selection << eq->id();
            }
            scene->setSelection(selection, structures);
        }
    }
    m_mode = Mode::None;
    m_startGeometry.clear();
}

bool SelectTool::moveSelectionBy(double dxMm, double dyMm)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QHash<EquipmentId, Geometry> start;
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = plan.equipment(id))
            start.insert(id, geometryOf(*e));
    }
    if (start.isEmpty())
        return false;
    const QHash<EquipmentId, Geometry> geometry = shifted(start, dxMm, dyMm);
    const QString problem = problemFor(geometry);
    if (!problem.isEmpty()) {
        emit message(tr("Cannot move: %1.").arg(problem));
        return false;
    }
    FloorPlanDocument *document = scene->document();
    document->undoStack()->push(new ChangeGeometryCommand(
        document, QCoreApplication::translate("UndoCommands", "Move %n Item(s)", nullptr, int(geometry.size())),
        geometry));
    return true;
}

bool SelectTool::keyPressed(QKeyEvent *event)
{
    const double tile = tileMm();
    switch (event->key()) {
    case Qt::Key_Left:
        moveSelectionBy(-tile, 0);
        return true;
    case Qt::Key_Right:
        moveSelectionBy(tile, 0);
        return true;
    case Qt::Key_Up:
        moveSelectionBy(0, -tile);
        return true;
    case Qt::Key_Down:
        moveSelectionBy(0, tile);
        return true;
    default:
        return false;
    }
}

} // namespace th
