// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/comparison.h"

#include <QByteArray>
#include <QJsonObject>

namespace th {

inline constexpr const char *kComparisonSchema = "terahall.comparison/1";

/// One candidate as in "terahall.comparison/1".
QJsonObject comparisonCandidateToJson(const ComparisonCandidate &candidate);
/// The whole "terahall.comparison/1" document of `terahall compare`.
QJsonObject comparisonToJson(const ComparisonRequest &request, const ComparisonResult &result);
/// The CSV of `terahall compare -o OUT.csv` and of the comparison dock's export (one format).
QByteArray comparisonToCsv(const QList<ComparisonCandidate> &candidates);

} // namespace th
