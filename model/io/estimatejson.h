// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/parallelismsearch.h"
#include "model/engine/trainingestimate.h"
#include "model/io/scenario.h"

#include <QJsonObject>
#include <QString>

namespace th {

struct ModelledRun;

/// The "terahall.estimate/1" result of INTERFACES.md for a scenario and its estimate. With
/// `run` (MFU from the performance model), the parallelism, time breakdown, binding wall and
/// memory come from the model; mfu_source is "model".
QJsonObject estimateToJson(const Scenario &scenario, const engine::TrainingEstimate &estimate,
                           const ModelledRun *run = nullptr);
/// The same result for people (`--format text`), one quantity per line with units.
QString estimateToText(const Scenario &scenario, const engine::TrainingEstimate &estimate,
                       const ModelledRun *run = nullptr);
/// An infeasible modelled run ("feasible": false with the reason and the rejection counts).
QJsonObject infeasibleToJson(const Scenario &scenario, const ModelledRun &run);
/// "terahall.search/1": the best configurations with their breakdowns and why others lost.
QJsonObject searchToJson(const Scenario &scenario, const ModelledRun &run);
QString searchToText(const Scenario &scenario, const ModelledRun &run);

QJsonObject parallelismToJson(const engine::Parallelism &p);
QJsonObject breakdownToJson(const engine::StepBreakdown &b);
QJsonObject memoryToJson(const engine::MemoryBreakdown &m);

inline constexpr const char *kEstimateSchema = "terahall.estimate/1";

} // namespace th
