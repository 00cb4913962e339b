// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace th {

/**
 * The training job attached to a plan: its chips are the plan's placed accelerators. The model
 * is a catalog preset, optionally with field overrides in the scenario's "model" form
 * (INTERFACES.md), so that the same reader validates it.
 */
struct Workload
{
    QJsonObject model;          ///< scenario "model" object: {"preset": "llama3.1-70b", ...}
    double tokens = 0.0;
    double globalBatchTokens = 0.0; ///< 0 = not given
    QString precision = QStringLiteral("bf16");
    std::optional<double> mfu;  ///< unset = estimate with the performance model
    QJsonObject parallelism;    ///< scenario "parallelism" object, may be empty

    bool operator==(const Workload &) const = default;
};

} // namespace th
