// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/plananalysis.h"

#include <QJsonObject>

namespace th {

inline constexpr const char *kEvaluationSchema = "terahall.evaluation/1";

/// The "terahall.evaluation/1" result of INTERFACES.md for a plan.
QJsonObject evaluationToJson(const FloorPlan &plan, const PlanEvaluation &evaluation, const PlanAssumptions &assumptions);
/// The same for people (`--format text`).
QString evaluationToText(const FloorPlan &plan, const PlanEvaluation &evaluation, const PlanAssumptions &assumptions);

} // namespace th
