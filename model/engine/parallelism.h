// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <string_view>
#include <optional>

namespace th::engine {

/// Activation recomputation (Korthikanti et al. 2022, arXiv:2205.05198).
enum class Recompute { None, Selective, Full };

std::string_view recomputeKey(Recompute r);
std::optional<Recompute> recomputeFromKey(std::string_view key);

/**
 * How the chips split the work (Megatron-LM naming). tp*pp*dp*cp = chip count. MoE expert layers
 * fold the same tp*dp*cp ranks of a pipeline stage differently (Megatron-Core "MoE parallel
 * folding", Liu et al. 2025, arXiv:2504.14960): etp-way expert tensor parallel x ep-way expert
 * parallel x the expert data-parallel rest, tp*dp*cp / (etp*ep). With etp = tp (the default) this
 * is the older layout in which ep divides dp*cp.
 */
struct Parallelism
{
    int tp = 1;          ///< tensor parallel, inside the scale-up domain
    int pp = 1;          ///< pipeline stages
    int dp = 1;          ///< data parallel replicas
    int cp = 1;          ///< context parallel (ring attention)
    int ep = 1;          ///< expert parallel (MoE)
    /// Expert tensor parallel (Megatron-Core `expert_tensor_parallel_size`): the routed experts'
    /// weights are split etp ways instead of tp ways. 0 = tp (Megatron-Core's default when unset).
    int etp = 0;
    int microBatch = 1;  ///< sequences per micro-batch
    int interleave = 1;  ///< virtual pipeline stages per device (1 = plain 1F1B)
    Recompute recompute = Recompute::Selective;
    int zeroStage = 1;   ///< 0 none, 1 optimizer, 2 +gradients, 3 +weights (FSDP full shard)
    bool sequenceParallel = true; ///< Megatron sequence parallelism with TP

    long long chips() const { return static_cast<long long>(tp) * pp * dp * cp; }
    /// The expert tensor-parallel degree in effect (etp, or tp when etp is 0).
    int expertTp() const { return etp > 0 ? etp : tp; }
    /// Expert data-parallel ranks: tp*dp*cp / (etp*ep), at least 1 (= dp*cp/ep when etp = tp).
    long long expertDp() const
    {
        const long long group = static_cast<long long>(expertTp()) * ep;
        return group > 0 ? std::max(1LL, static_cast<long long>(tp) * dp * cp / group) : 1;
    }
    bool operator==(const Parallelism &) const = default;
};

} // namespace th::engine
