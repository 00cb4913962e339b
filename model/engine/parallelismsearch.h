// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/parallelism.h"
#include "model/engine/performancemodel.h"

#include <array>
#include <optional>
#include <vector>

namespace th::engine {

/// Fields the user fixed; unset fields are searched.
struct PinnedParallelism
{
    std::optional<int> tp;
    std::optional<int> pp;
    std::optional<int> dp;
    std::optional<int> cp;
    std::optional<int> ep;
    /// Expert tensor parallel. Unset: tp, and for MoE with tp > 1 and sequence parallelism
    /// also 1 (Megatron-Core parallel folding).
    std::optional<int> etp;
    std::optional<int> microBatch;
    std::optional<int> interleave;
    std::optional<Recompute> recompute;
    std::optional<int> zeroStage;
};

/// Bounds of the enumeration (defaults cover every layout used in published large runs).
struct SearchLimits
{
    int maxContextParallel = 32;  ///< largest cp tried
    int maxMicroBatch = 64;       ///< largest micro-batch (sequences) tried
    int maxInterleave = 16;       ///< largest virtual-stage count tried
};

struct SearchCandidate
{
    Parallelism parallelism;
    StepEstimate estimate;
};

/**
 * Outcome of a search. Every enumerated combination ends in exactly one bucket:
 * combinations == feasible + sum(rejected) + pruned. `rejected[i]` counts Infeasible value i
 * (index 0, Infeasible::None, stays 0); configurations skipped because a smaller micro-batch of
 * the same layout already ran out of memory are counted as OutOfMemory. `pruned` counts those
 * skipped because their lower bound could not beat the current K-th best.
 */
struct SearchResult
{
    std::vector<SearchCandidate> best; ///< fastest first, at most topK
    long long combinations = 0;
    long long evaluated = 0;           ///< estimateStep() calls
    long long feasible = 0;
    long long pruned = 0;
    std::array<long long, kInfeasibleCount> rejected{};

    long long rejectedTotal() const
    {
        long long n = 0;
        for (long long r : rejected)
            n += r;
        return n;
    }
};

/**
 * Enumerates every legal combination of TP (<= scale-up domain, divides heads), PP (<= layers),
 * DP, CP, EP (MoE only), micro-batch, interleaving, recompute (none/selective/full) and ZeRO
 * stage (0..3; 3 only without PP) whose product tp*pp*dp*cp is base.chipCount, respecting
 * `pinned` and what the framework offers (base.framework: contextParallel, selectiveRecompute,
 * maxZeroStage; pinned values are evaluated regardless), and returns the `topK` fastest by
 * step time (equivalently tokens per second; the global batch is fixed). Pruning: (1) micro-batches are tried in increasing order and the first
 * one that does not fit ends the loop (activation memory grows with the micro-batch); (2) a
 * configuration whose lower bound (stepTimeLowerBoundSeconds() with the pipeline bubble) is not
 * below the K-th best so far is skipped. Calculon's llm-optimal-execution does the same search
 * exhaustively (Isaev et al. SC'23 §V).
 */
SearchResult searchParallelism(const PerformanceInputs &base, const PinnedParallelism &pinned, int topK,
                               const SearchLimits &limits = {});

} // namespace th::engine
