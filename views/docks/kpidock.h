// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/plananalysis.h"

#include <QDockWidget>
#include <QHash>

class QComboBox;
class QLabel;
class QListWidget;
class QTimer;

namespace th {

class FloorPlanDocument;
class ThermalRunner;

/**
 * Live KPIs of the open plan: accelerators, dense peak PFLOPS at a chosen precision, IT and
 * facility power, PUE (the cooling-type estimate), kW per rack, kW/m², kg/m², CapEx, the
 * attached workload's training time and the list of violations (clicking one asks for its items
 * to be selected). Every document change schedules one evaluatePlan() on the next event-loop
 * turn, so a burst of changes (a drag, an undo of many steps) costs one evaluation. The
 * indicative thermal map follows in the background (ThermalRunner): its rack-inlet row and
 * inlet violations appear when its solve for the current plan finishes.
 */
class KpiDock : public QDockWidget
{
    Q_OBJECT
public:
    KpiDock(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent = nullptr);

    const PlanEvaluation &evaluation() const { return m_evaluation; }
    /// Text of a KPI value label by key ("accelerators", "peak", "itKw", "facilityKw", "pue",
    /// "kwPerRack", "kwPerM2", "kgPerM2", "inlets", "capex", "training").
    QString valueText(const QString &key) const;
    QListWidget *violationList() const { return m_violations; }
    QComboBox *precisionCombo() const { return m_precision; }
    int evaluationCount() const { return m_evaluationCount; }
    /// The background thermal map of the plan (its inlet violations join the problem list).
    ThermalRunner *thermalRunner() const { return m_thermal; }

public slots:
    /// Evaluates now (the debounced path calls this too).
    void evaluate();
    void scheduleEvaluation();

    /// Every problem of the plan as it is now: the evaluation's violations plus the thermal
    /// map's inlet violations when its solve belongs to this revision.
    const QList<Violation> &problems() const { return m_problems; }

signals:
    void itemsRequested(const QList<quint64> &ids);
    /// problems() changed (after an evaluation or a finished thermal solve).
    void problemsChanged();
    /// A new evaluation() is ready (after every debounced recompute); the overlays follow it.
    void evaluated();

private:
    void refreshViolations();
    /// The China PUE target badges of the annual PUE (issue 5).
    void refreshPueTargets();
    void refreshThermalRow();

    FloorPlanDocument *m_document;
    const CatalogCache *m_cache;
    QTimer *m_timer;
    QComboBox *m_precision;
    QHash<QString, QLabel *> m_values;
    QLabel *m_peakLabel;
    QListWidget *m_violations;
    QList<Violation> m_problems;
    PlanEvaluation m_evaluation;
    int m_evaluationCount = 0;
    ThermalRunner *m_thermal;
    int m_revision = 0;          ///< document changes seen
    int m_scheduledRevision = -1; ///< the revision last handed to the thermal runner
};

} // namespace th
