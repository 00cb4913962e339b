// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QList>
#include <QString>

namespace th {

/// One problem found by the analysis: what, how severe, which items, why.
struct Violation
{
    QString kind;          ///< machine key: overlap, out_of_bounds, missing_catalog, blocks_door, ...
    QString severity;      ///< error | warning
    QList<EquipmentId> items;
    QString message;
};

} // namespace th
