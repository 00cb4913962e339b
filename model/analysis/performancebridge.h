// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/chipcalibration.h"
#include "model/engine/parallelismsearch.h"
#include "model/engine/performancemodel.h"
#include "model/io/scenario.h"

#include <QString>

#include <optional>

namespace th {

class Catalog;

/// Calibration of a chip: its row in chip_calibration when there is one, else the defaults of its
/// architecture class. measured = true only for a row fitted on training runs; a row whose source
/// starts with "microbenchmarks" (engine::calibrationSourceIsMicrobenchmark) and the class
/// defaults are lower confidence, flagged in results.
engine::ChipCalibration calibrationForChip(const Catalog &catalog, const QString &chipId);

/// Engine inputs of the performance model for a validated scenario (parallelism left default:
/// set it, or search).
engine::PerformanceInputs performanceInputs(const Scenario &scenario, const Catalog &catalog);

engine::PinnedParallelism pinnedParallelism(const ParallelismRequest &request);

/// Outcome of estimating MFU for a scenario with the performance model: the configuration
/// used (pinned and complete, or the best one the search found) and its step estimate.
struct ModelledRun
{
    bool feasible = false;
    engine::Parallelism parallelism;
    engine::StepEstimate step;
    engine::SearchResult search;   ///< filled when a search ran
    bool searched = false;
    engine::Infeasible reason = engine::Infeasible::None; ///< why nothing is feasible
};

/// Runs the performance model: estimateStep() when the scenario pins a complete layout,
/// otherwise a search over the free fields (topK best kept in `search`).
ModelledRun modelRun(const Scenario &scenario, const Catalog &catalog, int topK = 1);

} // namespace th
