// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/changegeometry.h"
#include "model/document/equipment.h"
#include "model/document/structure.h"

#include <QList>
#include <QRectF>
#include <QSet>
#include <QString>

namespace th {

class FloorPlanScene;

/// Where an item would go: hall, yard flag and its footprint in hall millimetres (rotated).
struct Placement
{
    HallId hallId = 0;
    bool inYard = false;
    QRectF rectMm;
};

/// The footprint of `e` if it had geometry `g` (90/270 degrees swap width and depth).
QRectF footprintFor(const Equipment &e, const Geometry &g);

/// `value` rounded to the nearest multiple of `tile` (tile <= 0: unchanged).
double snapToTile(double value, double tile);

/**
 * Why the placements cannot be made, or an empty string when they can: each must lie inside
 * its hall (or yard), keep clear of walls, columns, doors and aisle zones, and overlap no
 * other item (ignoring `ignore`, the items being moved) and no other placement of the set.
 * Items that share an edge do not overlap. Uses the scene's BSP index for the neighbours.
 */
QString placementProblem(const FloorPlanScene *scene, const QList<Placement> &placements,
                         const QSet<EquipmentId> &ignore = {});

/**
 * Why structure `s` cannot stand where it is, or an empty string: it must lie inside its hall
 * (not the yard), overlap no equipment, and a door must touch the hall boundary.
 */
QString structurePlacementProblem(const FloorPlanScene *scene, const Structure &s);

} // namespace th
