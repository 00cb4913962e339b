// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/modelspec.h"
#include "model/engine/parallelism.h"

namespace th::engine {

/// Assumptions behind the memory estimate; defaults follow Megatron-Core mixed-precision training.
/// The defaults were checked against every published calibration layout (docs/validation.md,
/// "Memory fit of the published layouts"; tests/engine/tst_memorycalibration.cpp).
struct MemoryAssumptions
{
    double weightBytesPerParam = 2.0;   ///< bf16/fp16 working weights
    /// Gradient buffer: 4 = fp32 main_grad (Megatron-LM 2021/2022, `grad_reduce_in_fp32`), 2 = bf16.
    /// The performance model replaces it by FrameworkOptions::gradReduceBytesPerParam when
    /// gradBufferFollowsReducePrecision is set (see there).
    double gradBytesPerParam = 4.0;
    /// Optimizer state per parameter: 12 = Adam with fp32 master weights, m and v (Rajbhandari et
    /// al. 2020 §3.1); 8 = fp32 master + BF16 moments (DeepSeek-V3 arXiv:2412.19437 §3.3.3
    /// "Low-Precision Storage"; Megatron-Core `use_precision_aware_optimizer` with
    /// exp_avg_dtype = exp_avg_sq_dtype = bf16).
    double optimizerBytesPerParam = 12.0;
    double activationBytesPerElement = 2.0; ///< bf16 activations (Korthikanti's counts assume 2)
    /// Bytes per element of activations that only a GEMM keeps for its weight gradient (the
    /// normalised inputs of the QKV and first MLP projections, the MLP activation output = input
    /// of the second projection). 2 in 16-bit training; the performance model sets 1 for FP8/FP4
    /// training when lowPrecisionGemmInputs is on: Transformer Engine saves the quantised GEMM
    /// input, not the bf16 one, for the backward pass (TE `module/layernorm_linear.py`,
    /// `layernorm_mlp.py`: `ln_out` and the fc2 input are saved as Float8/MXFP8 tensors).
    double gemmInputBytesPerElement = 2.0;
    /// Fused (flash) attention never stores the s x s score matrices: the 5as/h term of
    /// Korthikanti et al. vanishes even without recompute (Dao et al. 2022, arXiv:2205.14135 §3).
    /// Every framework the calibration runs used (Megatron-Core, llm-foundry, NeMo) uses it.
    bool flashAttention = true;
    /// Pipeline memory follows the schedule (see memoryPerChip): the micro-batches in flight on a
    /// stage are capped by the micro-batches of the step, every stage is checked (stage k of
    /// 1F1B holds pp - k micro-batches), and an uneven layer split takes the missing layers
    /// from the first and last stage (Llama 3 arXiv:2407.21783 §3.3.2; Megatron-Core
    /// account_for_embedding/loss_in_pipeline_split). false: the 2022 estimate (every stage
    /// holds ceil(L/pp) layers and pp micro-batches on the first stage).
    bool scheduleAwarePipeline = true;
    /// Used by the performance model (estimateStep), not by memoryPerChip itself:
    /// the gradient buffer is stored at the gradient-reduce precision
    /// (FrameworkOptions::gradReduceBytesPerParam). Megatron-Core allocates its grad buffer as
    /// fp32 only with `grad_reduce_in_fp32`, otherwise in the parameter dtype
    /// (megatron/core/distributed/distributed_data_parallel.py).
    bool gradBufferFollowsReducePrecision = true;
    /// Used by the performance model: FP8/FP4 training stores GEMM-only inputs at 1 byte
    /// (gemmInputBytesPerElement).
    bool lowPrecisionGemmInputs = true;
    /// Allocator fragmentation and temporary buffers, as a fraction of the estimated total.
    /// 10 % is the margin commonly applied to PyTorch caching-allocator overheads.
    double fragmentationFraction = 0.10;
    /// Fixed per-device reservation: runtime context, communication library buffers (~1-2 GiB
    /// observed for CUDA context + NCCL; we take 2 GiB).
    double reservedGib = 2.0;

    /// The estimate before the November 2026 memory calibration (docs/validation.md "before"):
    /// fp32 gradient buffer always, bf16 GEMM inputs, schedule-blind pipeline memory. Callers
    /// that want it exactly also set ModelSpec::dropout = true.
    static MemoryAssumptions conservative2022()
    {
        MemoryAssumptions a;
        a.scheduleAwarePipeline = false;
        a.gradBufferFollowsReducePrecision = false;
        a.lowPrecisionGemmInputs = false;
        return a;
    }
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
/// dense parameters / (tp), routed-expert parameters / (etp * ep) (Parallelism::expertTp()), for
/// its layers / pp, plus the embedding (first stage) or output layer (last stage).
struct ParamsPerChip
{
    double dense = 0.0;  ///< sharded over dp*cp by ZeRO
    double expert = 0.0; ///< sharded over the expert data-parallel group tp*dp*cp/(etp*ep) by ZeRO
};
ParamsPerChip paramsPerChip(const ModelSpec &m, const Parallelism &p);

/// Activation bytes of ONE transformer layer for ONE micro-batch on one chip (Korthikanti 2022
/// eq. 1-2 with tensor + sequence parallelism, context parallel splitting the sequence).
/// ModelSpec::dropout = false drops the dropout masks. gemmInputBytesPerElement < 2 stores the
/// GEMM-only inputs at that width (FP8 training; MemoryAssumptions::gemmInputBytesPerElement).
double activationBytesPerLayer(const ModelSpec &m, const Parallelism &p, bool moeLayer,
                               double bytesPerElement = 2.0, bool flashAttention = true,
                               double gemmInputBytesPerElement = 2.0);

/// Requires m.hasArchitecture(). microBatchesPerStep: micro-batches each pipeline processes per
/// optimizer step (global sequences / (dp * micro-batch)); 0 = unknown (no cap on the
/// micro-batches in flight).
MemoryBreakdown memoryPerChip(const ModelSpec &m, const Parallelism &p, double capacityGib,
                              const MemoryAssumptions &a = {}, long long microBatchesPerStep = 0);

} // namespace th::engine
