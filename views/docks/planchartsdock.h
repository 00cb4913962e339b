// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/plananalysis.h"
#include "model/analysis/sensitivity.h"

#include <QDockWidget>
#include <QHash>

#include <optional>

class QChart;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QTimer;
class QWidget;

namespace th {

class FloorPlanDocument;

/**
 * Charts of the open plan (issue 6): the facility power by component at the design condition
 * (PUE breakdown), heat load against cooling capacity by zone, and the tornado charts of cost per
 * run and training days of the attached workload, with the ± ranges of the one-at-a-time study
 * set by the user. Document changes and range edits schedule one re-computation (debounced); a
 * hidden dock defers it until it is shown. Each chart can be saved as PNG or SVG.
 */
class PlanChartsDock : public QDockWidget
{
    Q_OBJECT
public:
    enum class Chart { PueBreakdown, PowerByZone, CostTornado, DaysTornado };

    PlanChartsDock(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent = nullptr);

    const PlanEvaluation &evaluation() const { return m_evaluation; }
    /// Set when the plan's workload could be estimated.
    const std::optional<SensitivityResult> &sensitivity() const { return m_sensitivity; }
    /// The ranges of the spin boxes as fractions (0.25 = ±25 %).
    SensitivityRanges ranges() const;
    void setRanges(const SensitivityRanges &ranges);
    /// Spin box of one factor: "electricity_price", "mfu", "pue", "chip_price", "utilisation".
    QDoubleSpinBox *rangeSpinBox(const QString &key) const { return m_ranges.value(key); }
    QChartView *chartView(Chart chart) const;
    /// Shown instead of the tornado charts when there is no workload (or it cannot be estimated).
    QLabel *tornadoMessage() const { return m_tornadoMessage; }
    /// The title of a chart, shown above its view (the view's chart has none, so it is never elided).
    QString chartTitle(Chart chart) const;
    int evaluationCount() const { return m_evaluationCount; }

    /// Saves a light copy of `chart` as PNG or SVG (by suffix); false and `error` on failure.
    bool saveChart(Chart chart, const QString &path, QString *error) const;

public slots:
    /// Re-computes now (the debounced path calls this too).
    void evaluate();
    void scheduleEvaluation();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::unique_ptr<QChart> buildChart(Chart chart) const;
    void updateCharts();
    void saveChartInteractive(Chart chart);
    QWidget *chartSection(Chart chart, QChartView **view);

    FloorPlanDocument *m_document;
    const CatalogCache *m_cache;
    QTimer *m_timer;
    QHash<QString, QDoubleSpinBox *> m_ranges;
    QHash<int, QChartView *> m_views;
    QHash<int, QWidget *> m_sections;
    QHash<int, QLabel *> m_titles;
    QLabel *m_facilityMessage;
    QLabel *m_tornadoMessage;
    PlanEvaluation m_evaluation;
    std::optional<SensitivityResult> m_sensitivity;
    int m_evaluationCount = 0;
    bool m_pending = false;
};

} // namespace th
