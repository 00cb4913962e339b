// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <optional>

namespace th::engine {

/// Activation recomputation (Korthikanti et al. 2022, arXiv:2205.05198).
enum class Recompute { None, Selective, Full };

std::string_view recomputeKey(Recompute r);
std::optional<Recompute> recomputeFromKey(std::string_view key);

/**
 * How the chips split the work (Megatron-LM naming). tp*pp*dp*cp = chip count; ep subdivides the
 * data-parallel ranks for MoE expert layers (Megatron-Core: ep divides dp*cp).
 */
struct Parallelism
{
    int tp = 1;          ///< tensor parallel, inside the scale-up domain
    int pp = 1;          ///< pipeline stages
    int dp = 1;          ///< data parallel replicas
    int cp = 1;          ///< context parallel (ring attention)
    int ep = 1;          ///< expert parallel (MoE)
    int microBatch = 1;  ///< sequences per micro-batch
    int interleave = 1;  ///< virtual pipeline stages per device (1 = plain 1F1B)
    Recompute recompute = Recompute::Selective;
    int zeroStage = 1;   ///< 0 none, 1 optimizer, 2 +gradients, 3 +weights (FSDP full shard)
    bool sequenceParallel = true; ///< Megatron sequence parallelism with TP

    long long chips() const { return static_cast<long long>(tp) * pp * dp * cp; }
    bool operator==(const Parallelism &) const = default;
};

} // namespace th::engine
