// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/facilitypue.h"
#include "model/engine/performancemodel.h"
#include "model/engine/trainingestimate.h"

#include <QString>

namespace th {

/// Machine key of a warning for JSON output ("memory_does_not_fit").
QString warningKey(engine::Warning w);
/// Translated sentence for people (GUI, `--format text`, and the JSON "warnings" list).
QString warningText(engine::Warning w);

/// Machine key ("out_of_memory") and sentence for why a layout is impossible.
QString infeasibleKey(engine::Infeasible reason);
QString infeasibleText(engine::Infeasible reason);
/// Machine key ("compute", "memory_bandwidth", "communication", "pipeline_bubble") and the
/// sentence naming the binding wall.
QString boundByKey(engine::BoundBy b);
QString boundByText(engine::BoundBy b);

/// A China PUE target in the user's language: the full name with its source (problems, report)
/// and a short badge text ("Hub node ≤ 1.25"). Unknown keys fall back to the engine's English label.
QString pueTargetText(const engine::PueCompliance &c);
QString pueTargetShortText(const engine::PueCompliance &c);

} // namespace th
