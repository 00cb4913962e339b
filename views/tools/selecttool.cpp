// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/selecttool.h"

#include "model/commands/planedits.h"
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

QHash<EquipmentId, Geometry> SelectTool::relocated(const QHash<EquipmentId, Geometry> &start, double dx, double dy,
                                                   const std::optional<QPointF> &cursorScene) const
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QHash<EquipmentId, Geometry> out = start;
    HallId targetHall = 0; // 0 = stay in each item's hall
    if (cursorScene) {
        if (const std::optional<HallPoint> at = scene->hallAt(*cursorScene))
            targetHall = at->hallId;
    }
    // Another hall: every item goes there, keeping its scene offset from the others; the group
    // is then snapped once (by the pressed item) to the new hall's tiles.
    const auto pressed = start.constFind(m_pressedId);
    const Geometry *anchor = pressed != start.cend() ? &*pressed : (start.isEmpty() ? nullptr : &*start.cbegin());
    if (targetHall != 0 && anchor && targetHall != anchor->hallId) {
        const Hall *hall = plan.hall(targetHall);
        const double tile = hall ? hall->tileMm : 600.0;
        const double targetOrigin = scene->hallOriginX(targetHall);
        const double anchorX = anchor->xMm + scene->hallOriginX(anchor->hallId) + dx - targetOrigin;
        const double snapX = snapToTile(anchorX, tile) - anchorX;
        const double snapY = snapToTile(anchor->yMm + dy, tile) - (anchor->yMm + dy);
        for (Geometry &g : out) {
            g.xMm = g.xMm + scene->hallOriginX(g.hallId) + dx - targetOrigin + snapX;
            g.yMm += dy + snapY;
            g.hallId = targetHall;
        }
    } else {
        for (Geometry &g : out) {
            g.xMm += dx;
            g.yMm += dy;
        }
    }
    // Hall or yard by where the item's centre lies (the yard is north of y = 0).
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (const Equipment *e = plan.equipment(it.key()))
            it->inYard = footprintFor(*e, *it).center().y() < 0.0;
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
    if (const std::optional<HallPoint> at = scene->hallAt(m_pressScenePos); at && !hit && !structureHit)
        scene->setCurrentHall(at->hallId);
    else if (hit)
        scene->setCurrentHall(hit->equipment()->hallId());
    else if (structureHit)
        scene->setCurrentHall(structureHit->structure().hallId);

    m_startStructures.clear();
    m_startGeometry.clear();
    if (structureHit) {
        if (toggle) {
            structureHit->setSelected(!structureHit->isSelected());
            m_mode = Mode::None;
            return;
        }
        if (!structureHit->isSelected())
            scene->selectStructureIds({structureHit->id()});
        // Get ready to move the selected structures.
        const FloorPlan &plan = scene->document()->plan();
        for (StructureId id : scene->selectedStructureIds()) {
            if (const Structure *s = plan.structure(id))
                m_startStructures.insert(id, s->rectMm);
        }
        m_lastDelta = QPointF();
        m_dragSerial = DragGeometryCommand::nextSerial();
        m_mode = Mode::PendingMove;
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
    m_pressedId = hit->id();
    const FloorPlan &plan = scene->document()->plan();
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = plan.equipment(id))
            m_startGeometry.insert(id, geometryOf(*e));
    }
    m_lastHall = hit->equipment()->hallId();
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
        const QPointF cursor = m_view->mapToScene(pos);
        const QPointF delta = cursor - m_pressScenePos;
        if (!m_startStructures.isEmpty()) {
            const Structure *first = m_view->floorPlanScene()->document()->plan().structure(m_startStructures.begin().key());
            const Hall *hall = first ? m_view->floorPlanScene()->document()->plan().hall(first->hallId) : nullptr;
            const double tile = hall ? hall->tileMm : 600.0;
            const QPointF snapped(snapToTile(delta.x(), tile), snapToTile(delta.y(), tile));
            if (snapped != m_lastDelta && moveStructuresBy(m_startStructures, snapped.x(), snapped.y(), m_dragSerial))
                m_lastDelta = snapped;
            return;
        }
        const double tile = tileMm();
        const QPointF snapped(snapToTile(delta.x(), tile), snapToTile(delta.y(), tile));
        const std::optional<HallPoint> over = m_view->floorPlanScene()->hallAt(cursor);
        const HallId overHall = over ? over->hallId : 0;
        if (snapped == m_lastDelta && overHall == m_lastHall)
            return;
        const QHash<EquipmentId, Geometry> geometry = relocated(m_startGeometry, snapped.x(), snapped.y(), cursor);
        const QString problem = problemFor(geometry);
        if (!problem.isEmpty()) {
            emit message(tr("Cannot move here: %1.").arg(problem));
            return;
        }
        m_lastDelta = snapped;
        m_lastHall = overHall;
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
    m_startStructures.clear();
}

bool SelectTool::moveStructuresBy(const QHash<quint64, QRectF> &start, double dx, double dy, int mergeKey)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    QHash<quint64, QRectF> rects;
    for (auto it = start.begin(); it != start.end(); ++it) {
        const Structure *current = plan.structure(it.key());
        if (!current)
            continue;
        Structure moved = *current;
        moved.rectMm = it.value().translated(dx, dy);
        const QString problem = structurePlacementProblem(scene, moved);
        if (!problem.isEmpty()) {
            emit message(tr("Cannot move here: %1.").arg(problem));
            return false;
        }
        rects.insert(it.key(), moved.rectMm);
    }
    if (rects.isEmpty())
        return false;
    FloorPlanDocument *document = scene->document();
    document->undoStack()->push(new MoveStructuresCommand(document, rects, mergeKey));
    return true;
}

bool SelectTool::moveSelectionBy(double dxMm, double dyMm)
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const FloorPlan &plan = scene->document()->plan();
    if (scene->selectedIds().isEmpty() && !scene->selectedStructureIds().isEmpty()) {
        QHash<quint64, QRectF> structures;
        for (StructureId id : scene->selectedStructureIds()) {
            if (const Structure *s = plan.structure(id))
                structures.insert(id, s->rectMm);
        }
        return moveStructuresBy(structures, dxMm, dyMm, 0);
    }
    QHash<EquipmentId, Geometry> start;
    for (EquipmentId id : scene->selectedIds()) {
        if (const Equipment *e = plan.equipment(id))
            start.insert(id, geometryOf(*e));
    }
    if (start.isEmpty())
        return false;
    const QHash<EquipmentId, Geometry> geometry = relocated(start, dxMm, dyMm, std::nullopt);
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
