// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Calibration cases built from the published runs in tests/testdata/calibration/ (copies of
// /work/shared/data/calibration/). Shared by tst_calibration (assertions) and usable from
// benchmarks. Test-only code: QtCore JSON parsing is fine here, the engine stays Qt-free.

#include "model/engine/performancemodel.h"

#include <string>
#include <vector>

namespace th::test {

struct CalibrationCase
{
    std::string id;
    std::string source;        ///< "published-runs", "megatron-bridge", "llm-foundry"
    std::string chipKey;       ///< test chip key, e.g. "h100-sxm"
    std::string modelKey;
    std::string publishedNote; ///< what the published figure counts
    std::string excludedReason; ///< empty = included
    /// Megatron-Bridge rows: model, precision and software release. Rows of one group on
    /// different systems differ only in the system, so their throughput ratio tests the
    /// system-level physics with the software version cancelled (tst_calibration).
    std::string releaseGroup;
    /// Mixture-of-experts model: reported and asserted as its own tier (MoE tier).
    bool moe = false;
    /// Architecture represented only approximately by ModelSpec (GPT-OSS attention sinks, a
    /// learnable softmax offset whose kernel path is not stated): reported and covered by the
    /// MoE-tier median, not by the per-row bound.
    bool approximateArchitecture = false;
    th::engine::PerformanceInputs inputs;
    /// Knobs the publication does not state: every combination is tried and the fastest
    /// configuration that fits memory is taken (the published runs were tuned).
    std::vector<int> microBatchChoices;
    std::vector<th::engine::Recompute> recomputeChoices;
    double publishedTokensPerSecondPerChip = 0.0;
    double publishedMfu = 0.0; ///< DOMAIN.md MFU (6 N_active tokens/s / peak) of the published figure
};

struct CalibrationResult
{
    double predictedTokensPerSecondPerChip = 0.0;
    double predictedMfu = 0.0;
    double relativeError = 0.0; ///< (predicted - published) / published
    bool memoryFits = true;
    th::engine::StepEstimate estimate;
    th::engine::Parallelism chosen;
};

/// Loads every row of the three calibration files (included and excluded). With allReleases,
/// Megatron-Bridge rows of older software releases are kept too (for same-release comparisons
/// of systems; never for the accuracy table).
std::vector<CalibrationCase> loadCalibrationCases(const std::string &testDataDir, bool allReleases = false);
/// Evaluates one included case.
CalibrationResult evaluateCase(const CalibrationCase &c);

} // namespace th::test
