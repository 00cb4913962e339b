// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/chipcalibration.h"
#include "model/engine/chipspec.h"
#include "model/engine/memoryfit.h"
#include "model/engine/modelspec.h"
#include "model/engine/parallelism.h"
#include "model/engine/units.h"

namespace th::engine {

/**
 * Software features of the training framework that change the step time. Defaults describe a
 * current Megatron-Core / NeMo / TorchTitan stack (2024+); a 2021 Megatron-LM run sets
 * flashAttention = false, overlapGradReduce = overlapParamGather = false.
 */
struct FrameworkOptions
{
    /// FlashAttention (Dao et al. 2022, arXiv:2205.14135): fused, causal-skipping attention. Off:
    /// attention scores are materialised (batched GEMMs over the full s x s plus memory-bound
    /// softmax/mask/dropout, Korthikanti et al. 2022 §4.1).
    bool flashAttention = true;
    /// The attention kernel skips the blocks above the causal diagonal (FlashAttention-2 and
    /// later, cuDNN). Early Triton kernels with an additive bias (e.g. ALiBi in MPT) compute
    /// the full s x s.
    bool causalAttentionSkip = true;
    /// Gradient reduce-scatter/all-reduce overlapped with backward, bucketed (Megatron-Core
    /// `overlap_grad_reduce`; PyTorch DDP, Li et al. 2020, arXiv:2006.15704 §3.2.3).
    bool overlapGradReduce = true;
    /// Distributed-optimizer parameter all-gather overlapped with the next forward.
    bool overlapParamGather = true;
    /// Fraction of tensor-parallel communication hidden under GEMMs (Transformer Engine
    /// userbuffers / Wang et al. 2022 "Overlap communication with dependent computation").
    double tpCommOverlapFraction = 0.0;
    /// Fraction of expert-parallel all-to-all hidden (e.g. DeepSeek-V3 DualPipe, MCore a2a overlap).
    double epCommOverlapFraction = 0.0;
    /// Bytes per gradient element on the wire (2: bf16 reduce, 4: fp32 `grad_reduce_in_fp32`).
    double gradReduceBytesPerParam = 2.0;
    /// Token capacity factor of MoE layers (1 = dropless with perfect balance; Fedus et al. 2021).
    double moeCapacityFactor = 1.0;
    /// Expert load imbalance: the busiest expert-parallel rank processes this multiple of the
    /// average token count (dropless routing with an auxiliary balance loss; DeepSeek-V3
    /// arXiv:2412.19437 §2.1.2; per-micro-batch max/mean of 1.1-1.5 is typical). Fitted: 1.3 on the
    /// 22 MoE calibration rows (docs/validation.md). Scales expert
    /// GEMMs, permutation traffic and the all-to-all.
    double moeLoadImbalance = 1.3;
    /// MoE dispatch sends a token once per remote scale-up domain and fans it out over the
    /// scale-up fabric there (DeepEP / Megatron-Core HybridEP), instead of once per expert.
    bool moeDedupAcrossDomains = false;
    /// Gradient bucket size in parameters (Megatron-Core default 40 M): the last bucket's
    /// reduction cannot overlap with backward.
    double gradBucketParams = 40e6;
    /// Buckets grow with the data-parallel size so that the collectives stay bandwidth-bound:
    /// Megatron-Core uses max(40 M, 1 M x dp) parameters per bucket
    /// (megatron/core/distributed/distributed_data_parallel.py). 0 = fixed buckets (PyTorch FSDP
    /// units, DDP).
    double gradBucketParamsPerDpRank = 0.0;
    /// The framework implements context parallelism (ring/all-gather attention over sequence
    /// shards; Megatron-Core 2023+, Liu et al. 2023). The search offers cp > 1 only when set;
    /// a pinned cp is still evaluated.
    bool contextParallel = true;
    /// The framework has Korthikanti et al.'s selective recompute (Megatron-LM
    /// `--recompute-granularity selective`, released with the 2022 paper) or module recompute
    /// (Megatron-Core `recompute_modules`). The search offers Recompute::Selective only when
    /// set; a pinned recompute is still evaluated.
    bool selectiveRecompute = true;
    /// The framework has sequence parallelism with TP (Korthikanti et al. 2022 §4.2.2, Megatron-LM
    /// 2022): the search turns it on with tp > 1 only when set (norm and dropout activations
    /// split over the TP ranks; same communication volume).
    bool sequenceParallel = true;
    /// Highest ZeRO stage the framework offers to the search (0: replicated optimizer, as in
    /// Megatron-LM 2021; the distributed optimizer, ZeRO-1, arrived in Megatron-LM in 2022).
    /// A pinned stage is still evaluated.
    int maxZeroStage = 3;
    /// The interleaved schedule needs the micro-batches per step to be a multiple of pp
    /// (Megatron-LM until Megatron-Core's microbatch_group_size_per_vp_stage, 2024: "number of
    /// microbatches is not divisible by pipeline-parallel size when using interleaved schedule").
    bool interleaveNeedsMicroBatchMultipleOfPp = false;
    /// Allocator pressure: with PyTorch's caching allocator in its default fixed-segment mode, a
    /// working set near the capacity leaves no cached block of the right size, so the
    /// allocator frees its cache and retries cudaMalloc with a device synchronisation every
    /// step (PyTorch "CUDA semantics", memory management, `num_alloc_retries`; NeMo PR #9061
    /// measured ~30 % overhead for a run close to the memory limit). Above `allocatorPressureOnset`
    /// of the capacity (memory estimate including its margins) the step slows by
    /// allocatorPressureSlowdown x (fill - onset) / (1 - onset). Expandable segments
    /// (`PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True`, PyTorch 2.1+, set by the NeMo and
    /// Megatron-Bridge launch templates) remove it: 0 in the modern profile. 0.10 at onset 0.8
    /// is fitted on the calibration rows of 2021-23 software (docs/validation.md).
    double allocatorPressureSlowdown = 0.0;
    double allocatorPressureOnset = 0.8;
    /// When false, a configuration that does not fit is still timed (infeasible stays None and
    /// memory.fits() tells); used by calibration against published runs.
    bool enforceMemoryFit = true;
};

/// Everything one step-time evaluation needs. scaleUpSize is the scale-up domain actually built
/// (8 for an HGX box, 72 for NVL72), scaleOutGbitPerSecPerChip the NIC bandwidth per chip.
struct PerformanceInputs
{
    ModelSpec model;
    ChipSpec chip;
    ChipCalibration calibration;
    long long chipCount = 0;
    double globalBatchTokens = 0.0;
    Precision precision = Precision::Bf16;
    int scaleUpSize = 8;
    double scaleOutGbitPerSecPerChip = 400.0;
    Parallelism parallelism;
    FrameworkOptions framework;
    MemoryAssumptions memory;
};

/// What limits the step most (largest share of the step time).
enum class BoundBy { Compute, MemoryBandwidth, Communication, PipelineBubble };

/// Why a configuration cannot run. Checked in this order; the first failing check is reported.
enum class Infeasible {
    None,
    NoArchitecture,          ///< model lacks layers/hidden/heads/seq/vocab
    InvalidInput,            ///< non-positive chip count, batch, peak, degree ...
    PrecisionUnsupported,    ///< the chip has no dense peak at this precision
    ChipCountMismatch,       ///< tp * pp * dp * cp != chip count
    TpExceedsScaleUpDomain,  ///< tp larger than the scale-up domain
    TpDoesNotDivideHeads,    ///< heads or kv heads not divisible (nor replicable) by tp
    PpExceedsLayers,         ///< more pipeline stages than layers
    CpDoesNotDivideSequence, ///< seq_len not divisible by 2 cp (load-balanced causal ring)
    EpDoesNotDivideExperts,  ///< experts % ep != 0, or ep > 1 on a dense model
    EpDoesNotDivideDataParallel, ///< ep does not divide dp * cp (Megatron-Core layout, etp = tp)
    EtpInvalid,              ///< etp != tp on an MoE model: etp larger than the scale-up domain,
                             ///< not dividing the expert FFN width, etp * ep not dividing
                             ///< tp * dp * cp, or tp > 1 with ep > 1 without sequence parallelism
    BatchNotDivisible,       ///< global batch (sequences) not a multiple of dp * micro-batch
    InterleaveInvalid,       ///< interleave > 1 needs pp > 1 and pp * v <= layers + 2 (and, where
                             ///< the framework says so, micro-batches a multiple of pp)
    ZeroWithPipeline,        ///< ZeRO-3 weight sharding together with pp > 1 (ZeRO-2 is allowed)
    OutOfMemory,             ///< memoryPerChip() exceeds the chip's capacity
};
inline constexpr int kInfeasibleCount = 16;

/// Seconds per training step by cause; sums to stepTimeSeconds. The first seven match
/// INTERFACES.md `breakdown_s` (compute, memory_bound, tp_comm, pp_comm, pp_bubble,
/// dp_comm_exposed, other); exposed EP all-to-all and CP ring time are reported apart and belong
/// to `other` in that schema until it grows keys for them.
struct StepBreakdown
{
    double computeSeconds = 0.0;       ///< GEMMs and attention math (recompute included)
    double memoryBoundSeconds = 0.0;   ///< norms, activations, softmax, residuals, optimizer
    double tpCommSeconds = 0.0;        ///< exposed tensor-parallel collectives
    double ppCommSeconds = 0.0;        ///< pipeline point-to-point sends
    double ppBubbleSeconds = 0.0;      ///< pipeline fill and drain
    double dpCommExposedSeconds = 0.0; ///< data-parallel/ZeRO collectives not hidden by compute
    double otherSeconds = 0.0;         ///< launch and framework overhead
    double epCommSeconds = 0.0;        ///< exposed expert-parallel all-to-all
    double cpCommSeconds = 0.0;        ///< exposed context-parallel ring exchange

    double totalSeconds() const
    {
        return computeSeconds + memoryBoundSeconds + tpCommSeconds + ppCommSeconds + ppBubbleSeconds
               + dpCommExposedSeconds + otherSeconds + epCommSeconds + cpCommSeconds;
    }
};

struct StepEstimate
{
    Infeasible infeasible = Infeasible::None;
    double stepTimeSeconds = 0.0;
    double tokensPerSecond = 0.0;
    /// DOMAIN.md MFU: 6 * N_active * tokens/s / (chips * dense peak at the training precision).
    double mfu = 0.0;
    /// Megatron/PaLM-style MFU: modelFlopsPerToken() (attention s^2 term and logits included,
    /// Narayanan et al. 2021 §5.1; Chowdhery et al. 2022 App. B) instead of 6 N.
    double mfuModelFlops = 0.0;
    /// Hardware FLOP utilisation: hardwareFlopsPerToken(recompute) (recomputation counted).
    double hfu = 0.0;
    StepBreakdown breakdown;
    BoundBy boundBy = BoundBy::Compute;
    MemoryBreakdown memory;
    bool calibrationMeasured = false;
    int microBatchesPerStep = 0;
};

/**
 * Time of one training step (one optimizer update over globalBatchTokens) for a dense or MoE
 * decoder-only transformer under Megatron-style 5-D parallelism, in the manner of Calculon
 * (Isaev et al. SC'23) and Narayanan et al. 2021 (arXiv:2104.04473). See
 * docs/performance-model.md for every formula and its source. Pure, allocation-free.
 */
StepEstimate estimateStep(const PerformanceInputs &in);

/// Multiplier of the GEMM and attention efficiencies of `cal` on `chip` for the chip's power
/// limit (ChipCalibration::referenceWattsPerTflops): (TDP / dense 16-bit peak) / reference.
/// 1 when the class has no reference or the chip states no TDP or 16-bit peak.
double tensorThroughputFactor(const ChipCalibration &cal, const ChipSpec &chip);

/// GEMM FLOP per trained token including recomputation: hardwareFlopsPerToken() minus the
/// attention-score work (which FlashAttention may halve by causal skipping, so it cannot enter
/// a lower bound).
double matmulFlopsPerToken(const ModelSpec &m, Recompute recompute);

/// Cheap lower bound on the step time of `in`: all GEMM FLOP of the step spread evenly over the
/// chips at the curve's best efficiency, no attention, memory traffic, communication or bubble.
/// Returns 0 when the layout is invalid.
double stepTimeLowerBoundSeconds(const PerformanceInputs &in);

/// The memory assumptions estimateStep() applies: in.memory with the framework's attention
/// kernel, the gradient buffer at the gradient-reduce precision and 1-byte GEMM inputs for
/// FP8/FP4 training (each switchable in MemoryAssumptions).
MemoryAssumptions effectiveMemoryAssumptions(const PerformanceInputs &in);

/// Checks everything except memory fit (cheap). Infeasible::None when the layout is legal.
Infeasible checkLayout(const PerformanceInputs &in);

} // namespace th::engine
