// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/modelspec.h"
#include "model/engine/parallelism.h"

namespace th::engine {

/// Assumptions behind the memory estimate; defaults follow Megatron-LM mixed-precision training.
struct MemoryAssumptions
{
    double weightBytesPerParam = 2.0;   ///< bf16/fp16 working weights
    double gradBytesPerParam = 4.0;     ///< fp32 gradient accumulation buffer (Megatron main_grad)
    double optimizerBytesPerParam = 12.0; ///< Adam: fp32 master weights + m + v
    double activationBytesPerElement = 2.0; ///< bf16 activations (Korthikanti's counts assume 2)
    /// Fused (flash) attention never stores the s x s score matrices: the 5as/h term of
    /// Korthikanti et al. vanishes even without recompute (Dao et al. 2022, arXiv:2205.14135 §3).
    /// Every framework the calibration runs used (Megatron-Core, llm-foundry, NeMo) uses it.
    bool flashAttention = true;
    /// Allocator fragmentation and temporary buffers, as a fraction of the estimated total.
    /// 10 % is the margin commonly applied to PyTorch caching-allocator overheads.
    double fragmentationFraction = 0.10;
    /// Fixed per-device reservation: runtime context, communication library buffers (~1-2 GiB
    /// observed for CUDA context + NCCL; we take 2 GiB).
    double reservedGib = 2.0;
};

/**
 * Memory per chip on the most loaded pipeline stage, in GiB. Sources: mixed-precision Adam
 * bytes per parameter (Rajbhandari et al. 2020, ZeRO, arXiv:1910.02054 §3.1: 16 bytes; Megatron's
 * fp32 grad buffer makes 18); ZeRO stages shard optimizer (1), + gradients (2), + weights (3)
 * over the data-parallel group; activations per Korthikanti et al. 2022 (arXiv:2205.05198 §4),
 * generalised to GQA and gated/wider MLPs (see docs/engine.md).
 */
struct MemoryBreakdown
{
    double weightsGib = 0.0;
    double gradientsGib = 0.0;
    double optimizerGib = 0.0;
    double activationsGib = 0.0;
    double reservedGib = 0.0;       ///< fixed runtime reservation
    double fragmentationGib = 0.0;  ///< margin on the rest
    double capacityGib = 0.0;

    double totalGib() const
    {
        return weightsGib + gradientsGib + optimizerGib + activationsGib + reservedGib
               + fragmentationGib;
    }
    bool fits() const { return totalGib() <= capacityGib; }
};

/// Parameters held by one chip of the most loaded pipeline stage (before ZeRO sharding):
/// dense parameters / (tp), expert parameters / (tp * ep), for its layers / pp, plus the
/// embedding (first stage) or output layer (last stage).
struct ParamsPerChip
{
    double dense = 0.0;  ///< sharded over dp*cp by ZeRO
    double expert = 0.0; ///< sharded over the expert data-parallel group dp*cp/ep by ZeRO
};
ParamsPerChip paramsPerChip(const ModelSpec &m, const Parallelism &p);

/// Activation bytes of ONE transformer layer for ONE micro-batch on one chip (Korthikanti 2022
/// eq. 1-2 with tensor + sequence parallelism, context parallel splitting the sequence).
double activationBytesPerLayer(const ModelSpec &m, const Parallelism &p, bool moeLayer,
                               double bytesPerElement = 2.0, bool flashAttention = true);

/// Requires m.hasArchitecture().
MemoryBreakdown memoryPerChip(const ModelSpec &m, const Parallelism &p, double capacityGib,
                              const MemoryAssumptions &a = {});

} // namespace th::engine
