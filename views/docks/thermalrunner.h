// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/facilityanalysis.h"

#include <QFutureWatcher>
#include <QObject>

#include <vector>

class QTimer;

namespace th {

class CatalogCache;
class FloorPlanDocument;

/**
 * The indicative thermal map of the open plan, kept up to date in the background (issue 5:
 * "all of it recomputes live"). It costs from milliseconds for a hall to about a second for a
 * campus-sized one, too much for the one-frame live recompute, so each new facility analysis
 * (the KPI dock's, after every change) schedules one solve, debounced by kDebounceMs: the
 * per-hall problems are built on the GUI thread (they read the catalog) and
 * engine::solveThermal() runs on a worker (QtConcurrent). A solve that finishes after a newer
 * request is dropped and the newest request solved instead, so result() always belongs to the
 * plan as it was at `resultRevision()`.
 *
 * The KPI dock lists its inlet violations with the others, and the thermal overlay draws its
 * grids: one solve serves both, and `terahall evaluate` computes the same field.
 */
class ThermalRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 300;

    ThermalRunner(const FloorPlanDocument *document, const CatalogCache *cache, QObject *parent = nullptr);
    ~ThermalRunner() override;

    /// A new facility analysis (thermal map off) of the plan at document revision `revision`.
    void schedule(const FacilityResult &facility, int revision);
    /// Thermal grids, rack inlets and the inlet violations of the last finished solve.
    const FacilityResult &result() const { return m_result; }
    /// The revision the result belongs to (-1 before the first solve).
    int resultRevision() const { return m_resultRevision; }
    /// Whether a solve is scheduled or running (the result is about to change).
    bool isBusy() const;
    int solveCount() const { return m_solves; }

signals:
    void started();
    /// A solve finished and result() changed.
    void finished();

private:
    void start();
    void solved();

    const FloorPlanDocument *m_document;
    const CatalogCache *m_cache;
    QTimer *m_timer;
    QFutureWatcher<std::vector<engine::ThermalResult>> m_watcher;
    FacilityResult m_facility;                 ///< of the newest request: power units and racks without CDU only
    int m_requestRevision = -1;
    std::vector<HallThermalProblem> m_problems; ///< of the running solve
    int m_runningRevision = -1;
    FacilityResult m_result;
    int m_resultRevision = -1;
    int m_solves = 0;
};

} // namespace th
