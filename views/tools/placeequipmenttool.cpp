// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/placeequipmenttool.h"

#include "model/analysis/plananalysis.h"
#include "model/commands/addremoveequipment.h"
#include "model/document/floorplandocument.h"
#include "views/scene/floorplanscene.h"
#include "views/scene/floorplanview.h"
#include "views/scene/ghostitem.h"
#include "views/tools/placementcheck.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

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
    const QJsonObject o{{QStringLiteral("kind"), ref.kind == EquipmentKind::System ? QStringLiteral("system")
                                                                                   : QStringLiteral("equipment")},
                        {QStringLiteral("id"), ref.catalogId}};
    data->setData(mimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    data->setText(ref.catalogId);
    return data;
}

std::optional<CatalogItemRef> PlaceEquipmentTool::parseMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(data->data(mimeType())).object();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const QString id = o.value(QStringLiteral("id")).toString();
    if (id.isEmpty() || (kind != QLatin1String("system") && kind != QLatin1String("equipment")))
        return std::nullopt;
    return CatalogItemRef{kind == QLatin1String("system") ? EquipmentKind::System : EquipmentKind::Facility, id};
}

std::optional<PlaceEquipmentTool::Candidate> PlaceEquipmentTool::candidateAt(const CatalogItemRef &ref,
                                                                            const QPointF &scenePos) const
{
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
