// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/trainingestimate.h"
#include "model/io/scenario.h"

#include <QJsonObject>
#include <QString>

namespace th {

/// The "terahall.estimate/1" result of INTERFACES.md for a scenario and its estimate.
QJsonObject estimateToJson(const Scenario &scenario, const engine::TrainingEstimate &estimate,
                           const QString &mfuSource);
/// The same result for people (`--format text`), one quantity per line with units.
QString estimateToText(const Scenario &scenario, const engine::TrainingEstimate &estimate,
                       const QString &mfuSource);

inline constexpr const char *kEstimateSchema = "terahall.estimate/1";

} // namespace th
