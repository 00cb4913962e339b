// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/thermalrunner.h"

#include "model/analysis/catalogcache.h"
#include "model/document/floorplandocument.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace th {

ThermalRunner::ThermalRunner(const FloorPlanDocument *document, const CatalogCache *cache, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_cache(cache)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDebounceMs);
    connect(m_timer, &QTimer::timeout, this, &ThermalRunner::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ThermalRunner::solved);
}

ThermalRunner::~ThermalRunner()
{
    m_watcher.waitForFinished();
}

void ThermalRunner::schedule(const FacilityResult &facility, int revision)
{
    // Only what thermalProblems() reads: a whole FacilityResult (N-1 rack lists, floor grids)
    // would be copied on every live recompute for nothing.
    m_facility = FacilityResult{};
    m_facility.powerUnits = facility.powerUnits;
    m_facility.liquidWithoutCdu = facility.liquidWithoutCdu;
    m_requestRevision = revision;
    if (!m_watcher.isRunning())
        m_timer->start();
}

bool ThermalRunner::isBusy() const
{
    return m_timer->isActive() || m_watcher.isRunning();
}

void ThermalRunner::start()
{
    if (m_watcher.isRunning() || m_requestRevision < 0)
        return;
    // Built here: thermalProblems() reads the catalog (its SQL connection belongs to this thread).
    FacilityAssumptions assumptions;
    assumptions.thermalMap = true;
    m_problems = thermalProblems(m_document->plan(), *m_cache, assumptions, m_facility);
    m_runningRevision = m_requestRevision;
    auto problems = std::make_shared<const std::vector<HallThermalProblem>>(m_problems);
    m_watcher.setFuture(QtConcurrent::run([problems] {
        std::vector<engine::ThermalResult> out;
        out.reserve(problems->size());
        for (const HallThermalProblem &p : *problems)
            out.push_back(engine::solveThermal(p.spec, p.sources, p.sinks));
        return out;
    }));
    emit started();
}

void ThermalRunner::solved()
{
    if (m_requestRevision != m_runningRevision) {
        // The plan changed while this solve ran: solve the newest plan instead (debounced).
        m_timer->start();
        return;
    }
    const std::vector<engine::ThermalResult> solved = m_watcher.result();
    FacilityResult result;
    for (std::size_t i = 0; i < solved.size() && i < m_problems.size(); ++i) {
        if (solved[i].ok)
            addThermalSolution(m_problems[i], solved[i], result);
    }
    m_result = std::move(result);
    m_resultRevision = m_runningRevision;
    ++m_solves;
    emit finished();
}

} // namespace th
