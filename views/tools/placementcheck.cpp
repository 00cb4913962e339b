// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/tools/placementcheck.h"

#include "model/document/floorplandocument.h"
#include "views/scene/equipmentitem.h"
#include "views/scene/floorplanscene.h"

#include <QCoreApplication>

#include <cmath>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PlacementCheck)
};

constexpr double kToleranceMm = 0.5;

QRectF shrunk(const QRectF &r)
{
    return r.adjusted(kToleranceMm, kToleranceMm, -kToleranceMm, -kToleranceMm);
}

} // namespace

QRectF footprintFor(const Equipment &e, const Geometry &g)
{
    const bool swapped = g.rotationDeg == 90 || g.rotationDeg == 270;
    return QRectF(g.xMm, g.yMm, swapped ? e.depthMm() : e.widthMm(), swapped ? e.widthMm() : e.depthMm());
}

double snapToTile(double value, double tile)
{
    return tile > 0 ? std::round(value / tile) * tile : value;
}

QString placementProblem(const FloorPlanScene *scene, const QList<Placement> &placements, const QSet<EquipmentId> &ignore)
{
    const FloorPlan &plan = scene->document()->plan();
    for (const Placement &p : placements) {
        const Hall *hall = plan.hall(p.hallId);
        if (!hall)
            return Tr::tr("there is no hall here");
        if (p.inYard && hall->yardDepthMm <= 0)
            return Tr::tr("%1 has no yard").arg(hall->name);
        const QRectF bounds = p.inYard ? QRectF(0, -hall->yardDepthMm, hall->widthMm, hall->yardDepthMm)
                                       : QRectF(0, 0, hall->widthMm, hall->depthMm);
        if (!bounds.adjusted(-kToleranceMm, -kToleranceMm, kToleranceMm, kToleranceMm).contains(p.rectMm))
            return p.inYard ? Tr::tr("it would leave the yard") : Tr::tr("it would leave %1").arg(hall->name);
        for (const Structure &s : plan.structures()) {
            if (s.hallId != p.hallId || !shrunk(s.rectMm).intersects(shrunk(p.rectMm)))
                continue;
            const QString name = s.label.isEmpty() ? QString() : QStringLiteral(" \u201c%1\u201d").arg(s.label);
            switch (s.kind) {
            case StructureKind::Door:
                return Tr::tr("it would block the door%1").arg(name);
            case StructureKind::HotAisle:
                return Tr::tr("it would stand in the hot aisle%1").arg(name);
            case StructureKind::ColdAisle:
                return Tr::tr("it would stand in the cold aisle%1").arg(name);
            case StructureKind::Column:
                return Tr::tr("it would overlap a column%1").arg(name);
            case StructureKind::Wall:
                return Tr::tr("it would overlap a wall%1").arg(name);
            }
        }
        const QRectF sceneRect = shrunk(scene->toScene(p.hallId, p.rectMm));
        const QList<QGraphicsItem *> near = scene->items(sceneRect, Qt::IntersectsItemBoundingRect);
        for (QGraphicsItem *item : near) {
            if (item->type() != EquipmentItem::Type)
                continue;
            auto *eq = static_cast<EquipmentItem *>(item);
            if (ignore.contains(eq->id()))
                continue;
            if (shrunk(scene->footprintInScene(*eq->equipment())).intersects(sceneRect))
                return Tr::tr("it would overlap %1").arg(scene->displayName(*eq->equipment()));
        }
    }
    // The new footprints among themselves (arrays, pastes); quadratic, so only for sane sizes.
    if (placements.size() <= 4000) {
        for (int i = 0; i < placements.size(); ++i) {
            for (int j = i + 1; j < placements.size(); ++j) {
                const Placement &a = placements[i];
                const Placement &b = placements[j];
                if (a.hallId == b.hallId && a.inYard == b.inYard && shrunk(a.rectMm).intersects(shrunk(b.rectMm)))
                    return Tr::tr("the new items would overlap each other");
            }
        }
    }
    return {};
}

QString structurePlacementProblem(const FloorPlanScene *scene, const Structure &s)
{
    const Hall *hall = scene->document()->plan().hall(s.hallId);
    if (!hall)
        return Tr::tr("there is no hall here");
    const QRectF bounds(0, 0, hall->widthMm, hall->depthMm);
    if (!bounds.adjusted(-kToleranceMm, -kToleranceMm, kToleranceMm, kToleranceMm).contains(s.rectMm))
        return Tr::tr("it would leave %1").arg(hall->name);
    if (s.kind == StructureKind::Door) {
        const QRectF r = s.rectMm;
        const bool touches = r.left() <= kToleranceMm || r.top() <= kToleranceMm
                             || r.right() >= hall->widthMm - kToleranceMm || r.bottom() >= hall->depthMm - kToleranceMm;
        if (!touches)
            return Tr::tr("a door must touch the hall boundary");
    }
    const QRectF sceneRect = shrunk(scene->toScene(s.hallId, s.rectMm));
    for (QGraphicsItem *item : scene->items(sceneRect, Qt::IntersectsItemBoundingRect)) {
        if (item->type() != EquipmentItem::Type)
            continue;
        auto *eq = static_cast<EquipmentItem *>(item);
        if (eq->equipment()->inYard())
            continue;
        if (shrunk(scene->footprintInScene(*eq->equipment())).intersects(sceneRect))
            return Tr::tr("it would overlap %1").arg(scene->displayName(*eq->equipment()));
    }
    return {};
}

} // namespace th
