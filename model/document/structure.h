// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QJsonObject>
#include <QRectF>

namespace th {

using StructureId = quint64;

/// Building elements drawn on a hall (not from the catalog).
enum class StructureKind { Wall, Column, Door, HotAisle, ColdAisle };

/**
 * A wall segment, column, door or aisle containment zone, as a rectangle in hall millimetres
 * (a wall is a thin rectangle). Doors and aisles must stay clear of equipment.
 */
struct Structure
{
    StructureId id = 0;
    StructureKind kind = StructureKind::Wall;
    HallId hallId = 0;
    QRectF rectMm;
    QString label;
    QJsonObject unknownFields;

    bool operator==(const Structure &) const = default;
};

QString structureKindKey(StructureKind kind);
std::optional<StructureKind> structureKindFromKey(const QString &key);

} // namespace th
