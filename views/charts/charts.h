// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/comparison.h"
#include "model/analysis/facilityanalysis.h"
#include "model/analysis/sensitivity.h"

#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>

class QChart;
class QPainter;

namespace th {

/// Metrics of a vendor comparison that can be charted (one value per candidate).
enum class ComparisonMetric {
    Days, CostPerRun, FacilityMw, EnergyMwh, Co2, Capex, OpexPerYear, TokensPerUsd, TokensPerKwh,
    PflopsPerKw, PflopsPerM2, Mfu, Chips, Racks, FloorArea
};

namespace charts {

QList<ComparisonMetric> allComparisonMetrics();
QString metricLabel(ComparisonMetric m); ///< translated, e.g. "Cost per run"
QString metricUnit(ComparisonMetric m);  ///< e.g. "M USD"
/// The value as charted (in metricUnit); NaN for an infeasible candidate.
double metricValue(const ComparisonCandidate &c, ComparisonMetric m);

/**
 * Chart builders. Each returns a chart with a title, axis titles with units and a legend, ready
 * for a QChartView (GUI) or renderChart() (report). They read model results only.
 */
/// Bars of one metric across the candidates (one bar set per candidate, so the legend names them).
std::unique_ptr<QChart> comparisonBarChart(const QList<ComparisonCandidate> &candidates, ComparisonMetric metric);
/// Pareto scatter: x = training days, y = cost per run; bubble size grows with facility MW.
std::unique_ptr<QChart> paretoChart(const QList<ComparisonCandidate> &candidates);
/// Facility power by component at the design condition (kW), with the PUE in the title.
std::unique_ptr<QChart> pueBreakdownChart(const engine::PueBreakdown &design);
/// Heat load against capacity for each cooling zone (kW).
std::unique_ptr<QChart> powerByZoneChart(const FacilityResult &facility);
/// Tornado: change of cost per run (M USD) or of days as each factor moves low/high.
std::unique_ptr<QChart> sensitivityChart(const SensitivityResult &result, bool days);

/// Light or dark theme with readable labels (the report always uses light).
void applyTheme(QChart *chart, bool dark);
/// Paints the chart as vectors into `target` of any painter (PDF, SVG, image).
void renderChart(QChart *chart, QPainter *painter, const QRectF &target);
/// Saves as PNG or SVG by the file's suffix; false and `error` on failure.
bool saveChart(QChart *chart, const QString &path, const QSize &size, QString *error);

} // namespace charts
} // namespace th
