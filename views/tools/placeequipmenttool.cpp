// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/placeequipmenttool.h"

#include "model/analysis/plananalysis.h"
#include "model/commands/addremoveequipment.h"
#include "model/commands/planedits.h"
#include "model/document/floorplandocument.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/scene/ghostitem.h"
#include "views/scene/structureitem.h"
#include "views/tools/placementcheck.h"

#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

#include <algorithm>

namespace th {

PlaceEquipmentTool::PlaceEquipmentTool(FloorPlanView *view)
    : QObject(view)
    , m_view(view)
{
}

QString PlaceEquipmentTool::mimeType()
{
    return QStringLiteral("application/x-terahall-catalog-item");
}

QMimeData *PlaceEquipmentTool::createMimeData(const CatalogItemRef &ref)
{
    auto *data = new QMimeData;
    QJsonObject o;
    if (ref.structureKind) {
        o = {{QStringLiteral("kind"), QStringLiteral("structure")}, {QStringLiteral("id"), structureKindKey(*ref.structureKind)}};
    } else {
        o = {{QStringLiteral("kind"), ref.kind == EquipmentKind::System ? QStringLiteral("system") : QStringLiteral("equipment")},
             {QStringLiteral("id"), ref.catalogId}};
    }
    data->setData(mimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    data->setText(o.value(QStringLiteral("id")).toString());
    return data;
}

std::optional<CatalogItemRef> PlaceEquipmentTool::parseMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(data->data(mimeType())).object();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const QString id = o.value(QStringLiteral("id")).toString();
    if (kind == QLatin1String("structure")) {
        const std::optional<StructureKind> sk = structureKindFromKey(id);
        if (!sk)
            return std::nullopt;
        return CatalogItemRef::structure(*sk);
    }
    if (id.isEmpty() || (kind != QLatin1String("system") && kind != QLatin1String("equipment")))
        return std::nullopt;
    return CatalogItemRef{kind == QLatin1String("system") ? EquipmentKind::System : EquipmentKind::Facility, id};
}

QSizeF PlaceEquipmentTool::structureDefaultSize(StructureKind kind)
{
    switch (kind) {
    case StructureKind::Wall:
        return {200, 6000};
    case StructureKind::Column:
        return {600, 600};
    case StructureKind::Door:
        return {1800, 200};
    case StructureKind::HotAisle:
    case StructureKind::ColdAisle:
        return {4800, 1200};
    }
    return {600, 600};
}

std::optional<PlaceEquipmentTool::Candidate> PlaceEquipmentTool::structureCandidateAt(StructureKind kind,
                                                                                     const QPointF &scenePos) const
{
    FloorPlanScene *scene = m_view->floorPlanScene();
    const std::optional<HallPoint> at = scene->hallAt(scenePos);
    if (!at)
        return std::nullopt;
    const Hall *hall = scene->document()->plan().hall(at->hallId);
    const double tile = hall ? hall->tileMm : 600.0;
    QSizeF size = structureDefaultSize(kind);
    double x = 0, y = 0;
    bool placed = false;
    if (kind == StructureKind::Door && hall && !at->inYard) {
        // A door near a hall edge runs along it, flush with the edge.
        const QPointF p = at->mm;
        const double reach = std::max(tile * 2, 1200.0);
        const double dWest = p.x(), dEast = hall->widthMm - p.x(), dNorth = p.y(), dSouth = hall->depthMm - p.y();
        const double nearest = std::min({dWest, dEast, dNorth, dSouth});
        if (nearest >= -reach && nearest <= reach) {
            if (nearest == dWest || nearest == dEast) {
                size = size.transposed();
                x = nearest == dWest ? 0.0 : hall->widthMm - size.width();
                y = snapToTile(p.y() - size.height() / 2, tile);
            } else {
                x = snapToTile(p.x() - size.width() / 2, tile);
                y = nearest == dNorth ? 0.0 : hall->depthMm - size.height();
            }
            placed = true;
        }
    }
    if (!placed) {
        x = snapToTile(at->mm.x() - size.width() / 2, tile);
        y = snapToTile(at->mm.y() - size.height() / 2, tile);
    }
    Candidate c;
    c.structure = Structure{0, kind, at->hallId, QRectF(QPointF(x, y), size), QString(), {}};
    c.sceneRect = scene->toScene(at->hallId, c.structure->rectMm);
    c.problem = at->inYard ? tr("structures belong inside the hall") : structurePlacementProblem(scene, *c.structure);
    return c;
}

std::optional<PlaceEquipmentTool::Candidate> PlaceEquipmentTool::candidateAt(const CatalogItemRef &ref,
                                                                            const QPointF &scenePos) const
{
    if (ref.structureKind)
        return structureCandidateAt(*ref.structureKind, scenePos);
    FloorPlanScene *scene = m_view->floorPlanScene();
    const std::optional<HallPoint> at = scene->hallAt(scenePos);
    if (!at)
        return std::nullopt;
    const Hall *hall = scene->document()->plan().hall(at->hallId);
    Candidate c;
    c.equipment = Equipment(0, ref.kind, ref.catalogId);
    const ResolvedCatalogItem &r = scene->cache()->resolve(ref.kind, ref.catalogId);
    const QSizeF size = r.found ? QSizeF(r.widthMm, r.depthMm) : QSizeF(600, 1200);
    const double tile = hall ? hall->tileMm : 600.0;
    const double x = snapToTile(at->mm.x() - size.width() / 2, tile);
    const double y = snapToTile(at->mm.y() - size.height() / 2, tile);
    c.equipment.setHallId(at->hallId);
    c.equipment.setInYard(at->inYard);
    c.equipment.setPositionMm(x, y);
    c.equipment.setSizeMm(size.width(), size.height());
    c.sceneRect = scene->footprintInScene(c.equipment);
    if (!r.found)
        c.problem = tr("%1 is not in the catalog").arg(ref.catalogId);
    else
        c.problem = placementProblem(scene, {{at->hallId, at->inYard, c.equipment.footprintMm()}});
    return c;
}

std::optional<EquipmentId> PlaceEquipmentTool::placeAt(const CatalogItemRef &ref, const QPointF &scenePos)
{
    const std::optional<Candidate> c = candidateAt(ref, scenePos);
    if (!c)
        return std::nullopt;
    if (!c->isValid()) {
        emit message(tr("Cannot place here: %1.").arg(c->problem));
        return std::nullopt;
    }
    FloorPlanDocument *document = m_view->floorPlanScene()->document();
    if (c->structure) {
        Structure s = *c->structure;
        s.id = document->plan().allocateId();
        auto *command = new AddRemoveStructuresCommand(document, AddRemoveStructuresCommand::Mode::Add, {s});
        command->setText(QCoreApplication::translate("UndoCommands", "Add %1").arg(StructureItem::kindName(s.kind)));
        document->undoStack()->push(command);
        const StructureId id = s.id;
        m_view->floorPlanScene()->selectStructureIds({id});
        return id;
    }
    auto *command = new AddEquipmentCommand(document, {c->equipment});
    const EquipmentId id = command->ids().value(0);
    document->undoStack()->push(command);
    m_view->floorPlanScene()->selectIds({id});
    return id;
}

void PlaceEquipmentTool::updateGhost(const std::optional<Candidate> &candidate)
{
    GhostItem *ghost = m_view->floorPlanScene()->ghost();
    if (!candidate) {
        ghost->setVisible(false);
        return;
    }
    ghost->setRects({candidate->sceneRect}, candidate->isValid());
    ghost->setVisible(true);
}

void PlaceEquipmentTool::dragEntered(QDragEnterEvent *event)
{
    m_dragged = parseMimeData(event->mimeData());
    if (!m_dragged) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    const auto candidate = candidateAt(*m_dragged, m_view->mapToScene(event->position().toPoint()));
    updateGhost(candidate);
}

void PlaceEquipmentTool::dragMoved(QDragMoveEvent *event)
{
    if (!m_dragged) {
        event->ignore();
        return;
    }
    const auto candidate = candidateAt(*m_dragged, m_view->mapToScene(event->position().toPoint()));
    updateGhost(candidate);
    // Keep receiving moves, but refuse the drop where the ghost is red.
    if (candidate && candidate->isValid()) {
        event->acceptProposedAction();
    } else {
        event->ignore();
        if (candidate)
            emit message(tr("Cannot place here: %1.").arg(candidate->problem));
    }
}

void PlaceEquipmentTool::dragLeft()
{
    m_dragged.reset();
    updateGhost(std::nullopt);
}

void PlaceEquipmentTool::dropped(QDropEvent *event)
{
    const std::optional<CatalogItemRef> ref = parseMimeData(event->mimeData());
    updateGhost(std::nullopt);
    m_dragged.reset();
    if (!ref) {
        event->ignore();
        return;
    }
    if (placeAt(*ref, m_view->mapToScene(event->position().toPoint()))) {
        event->acceptProposedAction();
        m_view->setFocus();
    } else {
        event->ignore();
    }
}

} // namespace th
