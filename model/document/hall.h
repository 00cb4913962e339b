// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QJsonObject>
#include <QString>

namespace th {

/**
 * A rectangular data hall: inner size in mm, floor tile size (600 mm raised-floor tiles by
 * default, DOMAIN.md §4), floor rating, and an optional yard outside it (for chillers, dry
 * coolers, transformers, generators) along its north side: `yardDepthMm` deep and as wide as
 * the hall. Yard coordinates run from y = -yardDepthMm to 0.
 */
struct Hall
{
    HallId id = 0;
    QString name;
    double widthMm = 24000.0;
    double depthMm = 18000.0;
    double tileMm = 600.0;
    double yardDepthMm = 0.0;          ///< 0 = no yard
    double floorRatingKgPerM2 = 1200.0; ///< raised-floor rating (typical 1,000-1,500 kg/m2; slab higher)
    double minAisleMm = 1200.0;        ///< minimum clear aisle (issue 5 default 1.2 m)
    QJsonObject unknownFields;

    double areaM2() const { return widthMm * depthMm / 1e6; }
    bool operator==(const Hall &) const = default;
};

} // namespace th
