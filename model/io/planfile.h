// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/floorplan.h"
#include "model/io/inputerror.h"

#include <QByteArray>

#include <optional>

namespace th {

inline constexpr int kPlanSchemaVersion = 1;

struct PlanReadResult
{
    std::optional<FloorPlan> plan; ///< set only when there are no errors
    InputErrors errors;            ///< JSON pointer + message for each problem
};

/**
 * Reads a "terahall.plan/N" document (docs/file-format.md). Older versions are migrated; a
 * newer version, another kind of file, corrupt or truncated JSON, and out-of-range values are
 * refused with messages naming the field. Fields this build does not know are kept for the
 * round trip. Catalog ids are NOT checked here: an unknown id still loads (shown as missing).
 */
PlanReadResult readPlan(const QByteArray &data);
/// Reads a file; problems opening it are reported as an error with an empty pointer.
PlanReadResult readPlanFile(const QString &path);

/// Serialises deterministically (sorted keys, fixed indentation): save -> load -> save is
/// byte-identical.
QByteArray writePlan(const FloorPlan &plan);
/// Atomic save (writeFileAtomically): on any failure the previous file is left intact and `error` says why.
bool savePlanFile(const QString &path, const FloorPlan &plan, QString *error);

} // namespace th
