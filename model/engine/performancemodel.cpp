// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/performancemodel.h"

#include "model/engine/collectives.h"
#include "model/engine/trainingflops.h"

#include <algorithm>
#include <cmath>

namespace th::engine {

namespace {

constexpr double kActivationBytes = 2.0; // bf16 activations on the wire and in HBM

bool isLowPrecision(Precision p)
{
    return p == Precision::Fp8 || p == Precision::Fp4 || p == Precision::Int8;
}

/// Efficiency multiplier of the GEMM curve at this precision (the curve is for 16-bit).
double precisionFactor(const ChipCalibration &cal, Precision p)
{
    if (p == Precision::Fp4)
        return cal.fp4MatmulFactor;
    return isLowPrecision(p) ? cal.lowPrecisionMatmulFactor : 1.0;
}

/// 16-bit peak used for attention and other non-GEMM math (FP8 recipes keep them in bf16).
double sixteenBitPeak(const ChipSpec &c, Precision training)
{
    if (c.peakFlopsPerSecond(Precision::Bf16) > 0.0)
        return c.peakFlopsPerSecond(Precision::Bf16);
    if (c.peakFlopsPerSecond(Precision::Fp16) > 0.0)
        return c.peakFlopsPerSecond(Precision::Fp16);
    return c.peakFlopsPerSecond(training);
}

struct Gemm
{
    double peakFlopsPerSecond = 0.0;
    const MatmulCurve *curve = nullptr;
    double factor = 1.0;
    double hbmBytesPerSecond = 0.0;
    double inputBytesPerElement = 2.0;

    /// Seconds for C[M x N] = A[M x K] B[K x N]: the FLOP at peak x efficiency(FLOP) (Calculon,
    /// Isaev et al. SC'23 §III-B) plus the operand and result traffic at HBM speed (a
    /// roofline whose two terms add instead of overlapping perfectly: Williams et al. 2009,
    /// CACM 52(4); the additive form penalises thin GEMMs, e.g. hidden 768, as measured).
    double seconds(double rows, double cols, double inner) const
    {
        const double flop = 2.0 * rows * cols * inner;
        if (flop <= 0.0)
            return 0.0;
        const double eff = std::clamp(curve->efficiencyAt(flop) * factor, 1e-3, 1.0);
        const double bytes = inputBytesPerElement * (rows * inner + inner * cols) + kActivationBytes * rows * cols;
        return flop / (peakFlopsPerSecond * eff) + bytes / hbmBytesPerSecond;
    }
    double bestEfficiency() const
    {
        double best = 0.0;
        for (int i = 0; i < curve->count; ++i)
            best = std::max(best, curve->points[static_cast<std::size_t>(i)].efficiency);
        return (curve->count > 0 ? best : 1.0) * factor;
    }
};

long long globalSequences(const PerformanceInputs &in, bool *exact)
{
    const double seqs = in.globalBatchTokens / in.model.seqLen;
    const double rounded = std::round(seqs);
    *exact = rounded >= 1.0 && std::abs(seqs - rounded) <= 1e-6 * std::max(1.0, seqs);
    return static_cast<long long>(rounded);
}

/// Per-chip quantities of one transformer layer for one micro-batch.
struct LayerCost
{
    double gemmForwardSeconds = 0.0;      ///< all GEMMs of the layer, forward
    double gemmForwardFlop = 0.0;
    double attentionForwardSeconds = 0.0; ///< attention core (scores, softmax, weighted sum)
    double attentionBackwardSeconds = 0.0;
    double attentionRecomputeSeconds = 0.0; ///< extra for selective recompute
    /// Selective recompute with FlashAttention (module-level, see layerCost): GEMM seconds and
    /// elementwise bytes repeated once per micro-batch.
    double moduleRecomputeGemmSeconds = 0.0;
    double moduleRecomputeBytes = 0.0;
    double memoryForwardBytes = 0.0;      ///< elementwise traffic, forward
    double tpForwardSeconds = 0.0;        ///< TP collectives of one forward pass (before overlap)
    double epForwardSeconds = 0.0;        ///< EP all-to-alls of one forward pass (before overlap)
    double cpForwardSeconds = 0.0;        ///< CP ring exchange of one forward pass
};

struct Context
{
    const PerformanceInputs &in;
    const ModelSpec &m;
    const Parallelism &p;
    Gemm gemm;
    double peak16 = 0.0;
    double hbmBytesPerSecond = 0.0;
    Link up;
    Link out;
    double tokensPerMicroBatch = 0.0; ///< b * s / cp
    double attentionEfficiency = 0.0; ///< calibration's, with the power-limit factor
};

LayerCost layerCost(const Context &c, bool moe)
{
    const ModelSpec &m = c.m;
    const Parallelism &p = c.p;
    const FrameworkOptions &fw = c.in.framework;
    const double t = p.tp;
    const double h = m.hidden;
    const double s = m.seqLen;
    const double sl = s / p.cp;
    const double b = p.microBatch;
    const double tok = c.tokensPerMicroBatch;
    const double sp = (p.sequenceParallel && p.tp > 1) ? t : 1.0;
    const double heads = m.heads;
    // K and V elements per token as the attention kernel (and the CP ring) sees them.
    double kvElements = 2.0 * m.effectiveKvHeads() * static_cast<double>(m.headDim());
    double attnOutDim = m.queryDim(); // input width of the output projection
    double mlaUpSeconds = 0.0;        // MLA up-projection GEMMs (recomputed by selective)
    LayerCost lc;

    if (m.isMla()) {
        // Multi-head latent attention (DeepSeek-V2 arXiv:2405.04434 §2.1) as Megatron-Core runs
        // it: the down-projections W^DQ [h x d_c'] and [W^DKV; W^KR] [h x (d_c + d_h^R)] are
        // replicated over TP ranks (act on all tok tokens), the up-projections W^UQ
        // [d_c' x heads (d_h + d_h^R)] and W^UKV [d_c x heads (d_h + d_v)] are column-parallel over
        // heads, the output [heads d_v / t x h] row-parallel. Without query compression W^Q is
        // [h x heads (d_h + d_h^R)] / t.
        const double qk = m.qkHeadDim();
        const double v = m.valueHeadDim();
        const double qWidth = heads * qk / t;
        const double kvDownWidth = static_cast<double>(m.kvLoraRank) + m.qkRopeHeadDim;
        const double kvUpWidth = heads * (m.qkNopeHeadDim + v) / t;
        if (m.qLoraRank > 0) {
            const double upSeconds = c.gemm.seconds(tok, qWidth, m.qLoraRank);
            lc.gemmForwardSeconds += c.gemm.seconds(tok, m.qLoraRank, h) + upSeconds;
            lc.gemmForwardFlop += 2.0 * tok * (h * m.qLoraRank + m.qLoraRank * qWidth);
            mlaUpSeconds += upSeconds;
        } else {
            lc.gemmForwardSeconds += c.gemm.seconds(tok, qWidth, h);
            lc.gemmForwardFlop += 2.0 * tok * h * qWidth;
        }
        const double kvUpSeconds = c.gemm.seconds(tok, kvUpWidth, m.kvLoraRank);
        lc.gemmForwardSeconds += c.gemm.seconds(tok, kvDownWidth, h) + kvUpSeconds;
        mlaUpSeconds += kvUpSeconds;
        lc.gemmForwardFlop += 2.0 * tok * (h * kvDownWidth + m.kvLoraRank * kvUpWidth);
        kvElements = heads * (qk + v);
        attnOutDim = heads * v;
    } else {
        // Attention projections (Megatron column/row-parallel split, Shoeybi et al. 2019 §3):
        // QKV [tok x h] x [h x (q + 2 kvDim)/t] (q = heads x headDim).
        const double qkvWidth = (m.queryDim() + kvElements) / t;
        lc.gemmForwardSeconds += c.gemm.seconds(tok, qkvWidth, h);
        lc.gemmForwardFlop += 2.0 * tok * h * qkvWidth;
    }
    // Output projection [tok x out/t] x [out/t x h] (row-parallel).
    lc.gemmForwardSeconds += c.gemm.seconds(tok, h, attnOutDim / t);
    lc.gemmForwardFlop += 2.0 * tok * attnOutDim * h / t;

    const double upWidth = m.gatedMlp ? 2.0 : 1.0; // gate and up projections fused
    const double actBytesPerElement = m.gatedMlp ? 3.0 * kActivationBytes : 2.0 * kActivationBytes;
    double mlpActivationBytes = 0.0;
    double mlpHiddenElements = 0.0; ///< input elements of the down projection(s)
    if (moe && m.isMoe()) {
        // Routed experts, split et ways (expert tensor parallel, Megatron-Core
        // expert_tensor_parallel_size; = tp unless set) and spread over ep ranks ("MoE parallel
        // folding", Liu et al. 2025, arXiv:2504.14960). The TP group's tok tokens make
        // tok * topK * capacity token-expert pairs. An expert-model-parallel group (et*ep ranks)
        // serves the tokens of et/t TP groups, so a chip's E/ep local experts see
        // tok*topK*cf*et/t rows in all (after the ETP all-gather), each expert a separate GEMM
        // of [rows x h] x [h x fe/et] (grouped GEMM; Fedus et al. 2021 §2.1, Megatron-Core MoE).
        // The FLOP per chip do not depend on et; smaller et means fewer, fatter GEMMs.
        const double et = p.expertTp();
        const double fe = m.effectiveMoeFfnHidden();
        const double routed = tok * m.topK * fw.moeCapacityFactor * fw.moeLoadImbalance;
        const double routedRows = p.expertTp() == p.tp ? routed : routed * et / t;
        const double localExperts = static_cast<double>(m.experts) / p.ep;
        const double rowsPerExpert = routedRows / localExperts;
        const double upFlop = 2.0 * rowsPerExpert * h * fe * upWidth / et;
        const double downFlop = 2.0 * rowsPerExpert * fe * h / et;
        lc.gemmForwardSeconds += localExperts * (c.gemm.seconds(rowsPerExpert, fe * upWidth / et, h)
                                                 + c.gemm.seconds(rowsPerExpert, h, fe / et));
        lc.gemmForwardFlop += localExperts * (upFlop + downFlop);
        if (m.sharedExperts > 0) {
            const double fs = fe * m.sharedExperts;
            const double sUp = 2.0 * tok * h * fs * upWidth / t;
            const double sDown = 2.0 * tok * fs * h / t;
            lc.gemmForwardSeconds += c.gemm.seconds(tok, fs * upWidth / t, h) + c.gemm.seconds(tok, h, fs / t);
            lc.gemmForwardFlop += sUp + sDown;
        }
        const double routerFlop = 2.0 * tok * h * m.experts / sp;
        lc.gemmForwardSeconds += c.gemm.seconds(tok / sp, m.experts, h);
        lc.gemmForwardFlop += routerFlop;
        mlpHiddenElements = (routed + tok * m.sharedExperts) * fe / t;
        mlpActivationBytes = mlpHiddenElements * actBytesPerElement;
        // Token permutation (Megatron-Core moe_utils permute/unpermute; Gale et al. 2023,
        // MegaBlocks §5.1 gather/scatter): dispatch reads each token once and writes its routed
        // copies in expert order, combine reads the routed copies and writes the weighted sum
        // per token: 2 (tok + routed) h elements, split by sequence parallelism.
        mlpActivationBytes += 2.0 * (tok + routed) * h * kActivationBytes / sp;

        // Expert parallel: dispatch and combine all-to-all per forward (Lepikhin et al. 2020,
        // GShard §2.2). Each rank sends the routed copies of its own sequence-parallel shard of
        // tokens (tok/t with SP), whatever et is: Megatron-Core's all-to-all dispatcher permutes
        // the [s/tp, b, h] shard, exchanges it over the EP group and only then all-gathers it
        // over the ETP group (MoEAlltoAllTokenDispatcher; nothing to gather when et = 1). With
        // et = tp, EP ranks are adjacent after tp and cp (Megatron order tp-cp-ep-dp), so
        // scale-up holds scaleUp / (tp cp) of them; with et != tp the expert rank generator of
        // parallel folding orders etp-ep-edp (cp folded into edp), so EP neighbours are et apart.
        if (p.ep > 1) {
            const int epStride = p.expertTp() == p.tp ? p.tp * p.cp : p.expertTp();
            const int inside = std::clamp(c.in.scaleUpSize / epStride, 1, p.ep);
            const double bytesPerCopy = tok * fw.moeLoadImbalance * h * kActivationBytes / sp;
            const double domains = std::ceil(static_cast<double>(p.ep) / inside);
            // Copies of a token that leave its scale-up domain. Plain all-to-all: one per routed
            // expert outside (topK (ep - inside)/ep). Domain-deduplicated dispatch (DeepSeek-V3
            // §3.2.2 node-limited routing with DeepEP; Megatron-Core HybridEP) sends a token
            // once per remote domain holding any of its experts: (G-1)(1 - (1-1/G)^topK) for G
            // domains with uniform routing.
            double remoteCopies = m.topK * static_cast<double>(p.ep - inside) / p.ep;
            if (fw.moeDedupAcrossDomains && domains > 1.0)
                remoteCopies = std::min(remoteCopies, (domains - 1.0) * (1.0 - std::pow(1.0 - 1.0 / domains, m.topK)));
            const double localCopies = m.topK * static_cast<double>(inside - 1) / p.ep
                                       + (fw.moeDedupAcrossDomains ? remoteCopies : 0.0); // fan-out on arrival
            double seconds = 0.0;
            if (c.out.bytesPerSecond > 0.0)
                seconds = std::max(seconds, remoteCopies * bytesPerCopy / c.out.bytesPerSecond);
            if (c.up.bytesPerSecond > 0.0)
                seconds = std::max(seconds, localCopies * bytesPerCopy / c.up.bytesPerSecond);
            const double latency = p.ep > inside ? c.out.latencySeconds : c.up.latencySeconds;
            seconds += std::ceil(std::log2(static_cast<double>(p.ep))) * latency;
            lc.epForwardSeconds = 2.0 * seconds; // dispatch + combine
        }
    } else {
        const double f = m.effectiveFfnHidden();
        const double upFlop = 2.0 * tok * h * f * upWidth / t;
        const double downFlop = 2.0 * tok * f * h / t;
        lc.gemmForwardSeconds += c.gemm.seconds(tok, f * upWidth / t, h) + c.gemm.seconds(tok, h, f / t);
        lc.gemmForwardFlop += upFlop + downFlop;
        mlpHiddenElements = tok * f / t;
        mlpActivationBytes = mlpHiddenElements * actBytesPerElement;
    }

    // Elementwise traffic (Korthikanti et al. 2022 §4.1 tensors): two layer norms (read + write
    // = 4 units of tok*h) and two bias-dropout-residual adds (read 2, write 1, mask 0.5 = 3.5
    // units each): 11 * tok * h * 2 bytes, split by sequence parallelism.
    lc.memoryForwardBytes = 11.0 * tok * h * kActivationBytes / sp + mlpActivationBytes;
    // fp8/fp4 GEMMs: every activation input is quantised first (read bf16, write 1 byte, plus
    // amax/scale passes ~ 1 more read): ~5 bytes per element of the QKV, projection, up and down
    // inputs (Micikevicius et al. 2022, arXiv:2209.05433 §4; Transformer Engine cast kernels).
    if (isLowPrecision(c.in.precision))
        lc.memoryForwardBytes += 5.0 * (2.0 * tok * h + tok * attnOutDim / t + mlpHiddenElements);

    // Attention core, per query and key 2 heads (d_qk + d_v) / t FLOP (QK^T and the weighted
    // sum of V; 4 h / t for MHA, Narayanan et al. 2021 §5.1). Full layers attend s keys (half
    // of them when the kernel skips the causal upper triangle); sliding-window layers attend
    // min(w, s) keys (Beltagy et al. 2020, arXiv:2004.05150 §3.1; Jiang et al. 2023 Mistral §2),
    // causal within the window, so the kernel visits ~w keys per query.
    const double flopPerKey = 2.0 * b * sl * heads * (m.qkHeadDim() + m.valueHeadDim()) / t;
    const double windowShare = m.windowedLayerShare();
    const double windowKeys = std::min(s, static_cast<double>(m.slidingWindow));
    const double attnFullFlop = flopPerKey * ((1.0 - windowShare) * s + windowShare * windowKeys);
    if (fw.flashAttention) {
        // FlashAttention: backward 2.5x forward (Dao 2023, arXiv:2307.08691 §3.1), at the
        // calibrated attention efficiency.
        const double causalShare = fw.causalAttentionSkip ? 0.5 : 1.0;
        const double visitedFlop = flopPerKey * ((1.0 - windowShare) * s * causalShare + windowShare * windowKeys);
        const double fwdSeconds = visitedFlop / (c.peak16 * c.attentionEfficiency);
        lc.attentionForwardSeconds = fwdSeconds;
        lc.attentionBackwardSeconds = 2.5 * fwdSeconds;
        lc.attentionRecomputeSeconds = 0.0; // flash recomputes scores inside its backward already
        if (p.recompute == Recompute::Selective) {
            // FlashAttention already keeps no scores, so "selective" means what Megatron-Core's
            // recompute_modules do today (megatron/core/transformer/transformer_config.py:
            // "layernorm", "mla_up_proj", "moe_act"; DeepSeek-V3 arXiv:2412.19437 §3.3.2
            // recomputes all RMSNorms and the MLA up-projections): the two norm outputs, the
            // MLA up-projections (Q, K, V rebuilt from the latents) and the MoE activation
            // function are recomputed in the backward instead of stored (memoryfit.cpp).
            // Norm: read the input, write the output (2 x tok h, split by SP), twice; MoE
            // activation: read gate and up, write the product.
            lc.moduleRecomputeGemmSeconds = mlaUpSeconds;
            lc.moduleRecomputeBytes = 4.0 * tok * h * kActivationBytes / sp;
            if (moe && m.isMoe())
                lc.moduleRecomputeBytes += (m.gatedMlp ? 3.0 : 2.0) * tok * m.topK * fw.moeCapacityFactor
                                           * fw.moeLoadImbalance * m.effectiveMoeFfnHidden() / t * kActivationBytes;
        }
    } else {
        // Materialised scores: QK^T and attention x V as batched GEMMs over the full s x s
        // (no causal skipping), plus scale-mask-softmax and dropout on b a/t s^2 elements:
        // softmax read 2 + write 2, dropout read 2 + write 2 + mask 1 = 9 bytes per score
        // (Korthikanti et al. 2022 §4.1 counts 5 a s^2 b bytes kept; traffic is larger).
        const double localHeads = heads / t;
        const double keys = attnFullFlop / flopPerKey; // s, or fewer with sliding windows
        const double scores = b * localHeads * sl * keys;
        // Per head: [sl x d_qk] x [d_qk x keys] and [sl x keys] x [keys x d_v], batched over
        // b a/t heads.
        const double gemmSeconds = b * localHeads
                                   * (c.gemm.seconds(sl, keys, m.qkHeadDim()) + c.gemm.seconds(sl, m.valueHeadDim(), keys));
        const double memSeconds = 9.0 * scores / c.hbmBytesPerSecond;
        lc.attentionForwardSeconds = gemmSeconds + memSeconds;
        lc.attentionBackwardSeconds = 2.0 * lc.attentionForwardSeconds;
        lc.attentionRecomputeSeconds = p.recompute == Recompute::Selective ? lc.attentionForwardSeconds : 0.0;
    }

    // Tensor parallel with sequence parallelism: per layer forward 2 all-gathers + 2
    // reduce-scatters of the [b s/cp h] activation (Korthikanti et al. 2022 §4.2.2), the same
    // bandwidth as Megatron's 2 all-reduces without SP (Narayanan et al. 2021 §3.3).
    // MoE layers with et != tp: the attention keeps its all-gather + reduce-scatter over tp; the
    // routed experts all-gather the dispatched tokens over the et ranks of their ETP group and
    // reduce-scatter the outputs back (MoEAlltoAllTokenDispatcher; the token tensor of et/t TP
    // groups' shards, tok et/t h; none with et = 1); shared experts are an ordinary
    // tp-parallel MLP with SP (Megatron-Core SharedExpertMLP: its own all-gather +
    // reduce-scatter over tp). With et = tp all of it is the dense layer's 4 collectives.
    const int et = p.expertTp();
    if (moe && m.isMoe() && et != p.tp) {
        const double bytes = tok * h * kActivationBytes;
        const double attention = p.tp > 1 ? 2.0 * ringAllGatherSeconds(bytes, p.tp, c.up) : 0.0;
        const double routedExperts = et > 1 ? 2.0 * ringAllGatherSeconds(bytes * et / p.tp, et, c.up) : 0.0;
        const double shared = (m.sharedExperts > 0 && p.tp > 1) ? 2.0 * ringAllGatherSeconds(bytes, p.tp, c.up) : 0.0;
        lc.tpForwardSeconds = attention + routedExperts + shared;
    } else if (p.tp > 1) {
        const double bytes = tok * h * kActivationBytes;
        lc.tpForwardSeconds = 4.0 * ringAllGatherSeconds(bytes, p.tp, c.up);
    }

    // Context parallel: ring attention passes the local K and V block around the cp ranks,
    // cp - 1 steps per forward (Liu et al. 2023, arXiv:2310.01889 §3), overlapped with the
    // blockwise attention compute; only the excess is exposed.
    if (p.cp > 1) {
        const double kvBytes = b * sl * kvElements / t * kActivationBytes;
        const Link &link = (p.tp * p.cp <= c.in.scaleUpSize) ? c.up : c.out;
        lc.cpForwardSeconds = (p.cp - 1) * pointToPointSeconds(kvBytes, link);
    }
    return lc;
}

} // namespace

Infeasible checkLayout(const PerformanceInputs &in)
{
    const ModelSpec &m = in.model;
    const Parallelism &p = in.parallelism;
    if (!m.hasArchitecture())
        return Infeasible::NoArchitecture;
    if (in.chipCount <= 0 || !(in.globalBatchTokens > 0.0) || p.tp < 1 || p.pp < 1 || p.dp < 1
        || p.cp < 1 || p.ep < 1 || p.etp < 0 || p.microBatch < 1 || p.interleave < 1 || p.zeroStage < 0
        || p.zeroStage > 3 || in.scaleUpSize < 1 || in.chip.memoryGib <= 0.0)
        return Infeasible::InvalidInput;
    if (in.chip.peakFlopsPerSecond(in.precision) <= 0.0)
        return Infeasible::PrecisionUnsupported;
    if (p.chips() != in.chipCount)
        return Infeasible::ChipCountMismatch;
    if (p.tp > in.scaleUpSize)
        return Infeasible::TpExceedsScaleUpDomain;
    const int kv = m.effectiveKvHeads();
    if (m.heads % p.tp != 0 || (kv % p.tp != 0 && p.tp % kv != 0))
        return Infeasible::TpDoesNotDivideHeads;
    if (p.pp > m.layers)
        return Infeasible::PpExceedsLayers;
    if (p.cp > 1 && m.seqLen % (2 * p.cp) != 0)
        return Infeasible::CpDoesNotDivideSequence;
    if (p.ep > 1 && (!m.isMoe() || m.experts % p.ep != 0))
        return Infeasible::EpDoesNotDivideExperts;
    const int et = p.expertTp();
    if (m.isMoe() && et != p.tp) {
        // Megatron-Core parallel folding (parallel_state.initialize_model_parallel): the
        // expert-model-parallel group etp * ep must divide the tp * dp * cp ranks of a stage; the
        // expert FFN width is split etp ways (ColumnParallelLinear / TEGroupedLinear `divide`);
        // EP with TP needs sequence parallelism (TransformerConfig: "When using expert
        // parallelism and tensor parallelism, sequence parallelism must be used"). ETP
        // collectives are modelled on the scale-up fabric, hence etp <= its size (as for tp).
        const long long attentionRanks = static_cast<long long>(p.tp) * p.dp * p.cp;
        if (et > in.scaleUpSize || m.effectiveMoeFfnHidden() % et != 0
            || attentionRanks % (static_cast<long long>(et) * p.ep) != 0
            || (p.tp > 1 && p.ep > 1 && !p.sequenceParallel))
            return Infeasible::EtpInvalid;
    } else if (p.ep > 1 && (static_cast<long long>(p.dp) * p.cp) % p.ep != 0) {
        return Infeasible::EpDoesNotDivideDataParallel;
    }
    bool exact = false;
    const long long seqs = globalSequences(in, &exact);
    const long long perStep = static_cast<long long>(p.dp) * p.microBatch;
    if (!exact || seqs % perStep != 0)
        return Infeasible::BatchNotDivisible;
    // Megatron-Core counts the embedding and the loss as pipeline layers when splitting
    // (account_for_embedding/loss_in_pipeline_split), hence layers + 2 virtual chunks at most.
    if (p.interleave > 1 && (p.pp == 1 || static_cast<long long>(p.pp) * p.interleave > m.layers + 2))
        return Infeasible::InterleaveInvalid;
    if (p.interleave > 1 && in.framework.interleaveNeedsMicroBatchMultipleOfPp && (seqs / perStep) % p.pp != 0)
        return Infeasible::InterleaveInvalid;
    // ZeRO-3 re-gathers the weights for every micro-batch of every stage: not combined with
    // pipelines (Megatron-Core, DeepSpeed). ZeRO-2 (sharded gradients) is: Llama 3 shards
    // optimizer and gradients over DP with PP 16 (arXiv:2407.21783 §3.3.1).
    if (p.zeroStage >= 3 && p.pp > 1)
        return Infeasible::ZeroWithPipeline;
    return Infeasible::None;
}

double matmulFlopsPerToken(const ModelSpec &m, Recompute recompute)
{
    const double hardware = hardwareFlopsPerToken(m, recompute);
    if (!m.hasArchitecture())
        return hardware;
    // modelFlopsPerToken counts 4 s q per layer per forward for the scores; backward twice that;
    // selective and full recompute each add one more forward of it (trainingflops.cpp).
    const double passes = recompute == Recompute::None ? 3.0 : 4.0;
    const double attention = passes * m.layers * attentionCoreFlopsPerTokenPerLayer(m);
    return std::max(0.0, hardware - attention);
}

double tensorThroughputFactor(const ChipCalibration &cal, const ChipSpec &chip)
{
    // Power-limited sustained clocks (ChipCalibration::referenceWattsPerTflops): throughput in
    // proportion to the power limit at a fixed energy per operation, i.e. the chip's watts per
    // datasheet TFLOP/s over the class's reference. docs/performance-model.md.
    const double peakTflops = sixteenBitPeak(chip, Precision::Bf16) / kTera;
    if (!(cal.referenceWattsPerTflops > 0.0) || !(chip.tdpW > 0.0) || !(peakTflops > 0.0))
        return 1.0;
    return (chip.tdpW / peakTflops) / cal.referenceWattsPerTflops;
}

double stepTimeLowerBoundSeconds(const PerformanceInputs &in)
{
    if (checkLayout(in) != Infeasible::None)
        return 0.0;
    const Gemm g{in.chip.peakFlopsPerSecond(in.precision), &in.calibration.matmul,
                 precisionFactor(in.calibration, in.precision) * tensorThroughputFactor(in.calibration, in.chip)};
    const double flop = matmulFlopsPerToken(in.model, in.parallelism.recompute) * in.globalBatchTokens;
    return flop / (static_cast<double>(in.chipCount) * g.peakFlopsPerSecond * std::min(1.0, g.bestEfficiency()));
}

MemoryAssumptions effectiveMemoryAssumptions(const PerformanceInputs &in)
{
    MemoryAssumptions a = in.memory;
    a.flashAttention = in.framework.flashAttention;
    // Megatron-Core keeps its gradient buffer in fp32 only with grad_reduce_in_fp32, else in the
    // parameter dtype (megatron/core/distributed/distributed_data_parallel.py).
    if (a.gradBufferFollowsReducePrecision && in.framework.gradReduceBytesPerParam > 0.0)
        a.gradBytesPerParam = in.framework.gradReduceBytesPerParam;
    // Transformer Engine FP8/FP4 recipes save quantised GEMM inputs (memoryfit.h).
    if (a.lowPrecisionGemmInputs && (in.precision == Precision::Fp8 || in.precision == Precision::Fp4))
        a.gemmInputBytesPerElement = std::min(a.gemmInputBytesPerElement, 1.0);
    return a;
}

StepEstimate estimateStep(const PerformanceInputs &in)
{
    StepEstimate out;
    out.calibrationMeasured = in.calibration.measured;
    out.infeasible = checkLayout(in);
    if (out.infeasible != Infeasible::None)
        return out;

    const ModelSpec &m = in.model;
    const Parallelism &p = in.parallelism;
    const FrameworkOptions &fw = in.framework;

    // FlashAttention never stores the s x s scores (activationBytesPerLayer drops the 5as/h
    // term of Korthikanti et al. 2022 for it); selective then recomputes modules instead.
    {
        bool exactBatch = false;
        const long long pipelineMicroBatches
            = globalSequences(in, &exactBatch) / (static_cast<long long>(p.dp) * p.microBatch);
        const MemoryAssumptions memoryAssumptions = effectiveMemoryAssumptions(in);
        out.memory = memoryPerChip(m, p, in.chip.memoryGib, memoryAssumptions, pipelineMicroBatches);
    }
    if (fw.enforceMemoryFit && !out.memory.fits()) {
        out.infeasible = Infeasible::OutOfMemory;
        return out;
    }

    bool exact = false;
    const long long microBatches = globalSequences(in, &exact) / (static_cast<long long>(p.dp) * p.microBatch);
    out.microBatchesPerStep = static_cast<int>(std::min<long long>(microBatches, 1 << 30));
    const double M = static_cast<double>(microBatches);
    const double v = p.interleave;

    const ChipCalibration &cal = in.calibration;
    Context c{in, m, p, {}, 0.0, 0.0, {}, {}, 0.0, 0.0};
    const double powerFactor = tensorThroughputFactor(cal, in.chip);
    c.gemm = Gemm{in.chip.peakFlopsPerSecond(in.precision), &cal.matmul,
                  precisionFactor(cal, in.precision) * powerFactor,
                  in.chip.memoryBandwidthTbps * kTera * cal.hbmEfficiency,
                  in.precision == Precision::Fp4 ? 0.5 : isLowPrecision(in.precision) ? 1.0 : 2.0};
    c.peak16 = sixteenBitPeak(in.chip, in.precision);
    // Attention runs on the same tensor cores at the same power-limited clock as the GEMMs.
    c.attentionEfficiency = std::min(1.0, cal.attentionEfficiency * powerFactor);
    c.hbmBytesPerSecond = in.chip.memoryBandwidthTbps * kTera * cal.hbmEfficiency;
    c.up = Link{in.chip.scaleUpGbPerSecPerDirection * kBytesPerGb * cal.scaleUpEfficiency, cal.scaleUpLatencySeconds};
    c.out = Link{in.scaleOutGbitPerSecPerChip / 8.0 * kBytesPerGb * cal.scaleOutEfficiency, cal.scaleOutLatencySeconds};
    if (c.up.bytesPerSecond <= 0.0)
        c.up = c.out; // no scale-up fabric: everything goes through the NIC
    c.tokensPerMicroBatch = static_cast<double>(p.microBatch) * m.seqLen / p.cp;

    // Layers of the slowest pipeline stage: ceil(L / (pp v)) per virtual chunk, v chunks.
    const double layersStage = (p.pp == 1) ? m.layers : std::ceil(static_cast<double>(m.layers) / (p.pp * v)) * v;
    const int moeLayers = m.isMoe() ? std::max(0, m.layers - m.denseLayers) : 0;
    const double moeShare = static_cast<double>(moeLayers) / m.layers;

    const LayerCost dense = layerCost(c, false);
    const LayerCost moe = moeShare > 0.0 ? layerCost(c, true) : dense;
    const auto mix = [&](double LayerCost::*field) {
        return layersStage * ((1.0 - moeShare) * dense.*field + moeShare * moe.*field);
    };

    const bool full = p.recompute == Recompute::Full;
    const double passes = full ? 4.0 : 3.0; // forward + 2x backward (+ recomputed forward)

    // Output layer on the last stage (all of it when pp = 1): logits GEMM [tok x h] x [h x V/t],
    // forward + 2 backward; cross-entropy over fp32 logits is memory bound.
    const double logitSeconds = 3.0 * c.gemm.seconds(c.tokensPerMicroBatch, static_cast<double>(m.vocab) / p.tp, m.hidden);
    const double logitBytes = 3.0 * c.tokensPerMicroBatch * static_cast<double>(m.vocab) / p.tp * 4.0;

    const double attentionForward = mix(&LayerCost::attentionForwardSeconds);
    const double attentionBackward = mix(&LayerCost::attentionBackwardSeconds);
    double computeMb = passes * mix(&LayerCost::gemmForwardSeconds) + attentionForward + attentionBackward
                       + (full ? attentionForward : mix(&LayerCost::attentionRecomputeSeconds)) + logitSeconds
                       + mix(&LayerCost::moduleRecomputeGemmSeconds);
    // Memory-bound work: backward moves about twice the forward traffic.
    const double memoryMb = (passes * mix(&LayerCost::memoryForwardBytes) + mix(&LayerCost::moduleRecomputeBytes) + logitBytes)
                            / c.hbmBytesPerSecond;
    // TP and EP collectives: forward, backward (same volume), and again for a full recompute.
    // The overlapped share still costs `overlapInterference` of its time.
    const double interference = cal.overlapInterference;
    const auto partlyHidden = [&](double seconds, double overlapFraction) {
        return seconds * (1.0 - overlapFraction + overlapFraction * interference);
    };
    const double tpMb = partlyHidden((full ? 3.0 : 2.0) * mix(&LayerCost::tpForwardSeconds), fw.tpCommOverlapFraction);
    const double epMb = partlyHidden((full ? 3.0 : 2.0) * mix(&LayerCost::epForwardSeconds), fw.epCommOverlapFraction);
    // CP ring: forward comm overlaps the forward attention, backward (K,V and their gradients,
    // twice the bytes) overlaps the backward attention.
    const double cpForward = mix(&LayerCost::cpForwardSeconds);
    const auto ring = [&](double comm, double attention) {
        return std::max(0.0, comm - attention) + interference * std::min(comm, attention);
    };
    const double cpMb = ring(cpForward, attentionForward) + ring(2.0 * cpForward, attentionBackward)
                        + (full ? ring(cpForward, attentionForward) : 0.0);
    double overheadMb = layersStage * cal.overheadPerLayerSeconds * (full ? 4.0 / 3.0 : 1.0);
    // Allocator pressure near the capacity (FrameworkOptions::allocatorPressureSlowdown): cache
    // flushes and synchronising cudaMalloc retries stall the micro-batch's work in proportion
    // to it; reported as framework overhead (and, like all per-micro-batch work, stretching
    // the bubble).
    if (fw.allocatorPressureSlowdown > 0.0 && out.memory.capacityGib > 0.0) {
        const double onset = std::clamp(fw.allocatorPressureOnset, 0.0, 0.999);
        const double fill = out.memory.totalGib() / out.memory.capacityGib;
        if (fill > onset)
            overheadMb += (computeMb + memoryMb + tpMb + epMb + cpMb + overheadMb) * fw.allocatorPressureSlowdown
                          * std::min(1.0, (fill - onset) / (1.0 - onset));
    }
    const double perMicroBatch = computeMb + memoryMb + tpMb + epMb + cpMb + overheadMb;

    StepBreakdown &bd = out.breakdown;
    bd.computeSeconds = M * computeMb;
    bd.memoryBoundSeconds = M * memoryMb;
    bd.tpCommSeconds = M * tpMb;
    bd.epCommSeconds = M * epMb;
    bd.cpCommSeconds = M * cpMb;
    bd.otherSeconds = M * overheadMb;

    // Pipeline: 1F1B bubble (p-1) micro-batch slots, divided by v with interleaving
    // (Narayanan et al. 2021 §2.2: bubble fraction (p-1)/(m v) of the ideal time).
    if (p.pp > 1) {
        bd.ppBubbleSeconds = (p.pp - 1) / v * perMicroBatch;
        // Point-to-point: activations forward and gradients backward for every micro-batch and
        // virtual stage, [b s/cp h] split over tp by the scatter-gather optimisation (§4.1).
        // Stage neighbours are tp*cp*dp ranks apart (Megatron order tp-cp-dp-pp): inside the
        // scale-up domain only when that stride is smaller than it.
        const double bytes = c.tokensPerMicroBatch * m.hidden * kActivationBytes / p.tp;
        const bool inside = static_cast<long long>(p.tp) * p.cp * p.dp < in.scaleUpSize;
        bd.ppCommSeconds = 2.0 * M * v * pointToPointSeconds(bytes, inside ? c.up : c.out);
    }

    // Data parallel / ZeRO. Dense gradients are reduced over dp*cp ranks (stride tp), expert
    // gradients over the expert data-parallel group, tp*dp*cp/(etp*ep) ranks (stride etp*ep;
    // dp*cp/ep ranks at stride tp*ep when etp = tp); ranks in one scale-up domain reduce there
    // first (hierarchical, Cho et al. 2019).
    const ParamsPerChip params = paramsPerChip(m, p);
    // A gradient or parameter pass is not one collective: frameworks launch one per gradient
    // bucket (Megatron-Core, PyTorch DDP; FrameworkOptions::gradBucketParams) and ZeRO-3 one
    // per layer (its weights are gathered layer by layer; PyTorch FSDP units, Zhao et al. 2023
    // §3.2). Each pays the start-up latency of a flat
    // NCCL communicator over the whole group: all-gather and reduce-scatter run only as rings,
    // p - 1 steps of one hop latency each (NCCL user guide, "Collective operations"; ring cost
    // alpha (p - 1) + beta n (p - 1) / p, Thakur et al. 2005 §4), all-reduce as a tree,
    // 2 log2 p steps. The bandwidth term is the hierarchical one (a flat ring over nodes moves
    // the same bytes per NIC).
    const auto bucketParamsFor = [&](int group) {
        return std::max({1.0, fw.gradBucketParams, fw.gradBucketParamsPerDpRank * group});
    };
    const double bucketParams = bucketParamsFor(p.dp * p.cp);
    // Dense and expert parameters live in separate buffers (Megatron-Core expert-parallel
    // bucket groups, sized by their own data-parallel group), each split into its own buckets.
    const auto collectivesPerPass = [&](double groupParams, int group) {
        return p.zeroStage >= 3 ? layersStage : std::ceil(groupParams / bucketParamsFor(group));
    };
    const auto dpCollective = [&](double groupParams, double bytesPerParam, int group, int stride, bool allReduce) {
        const double bytes = groupParams * bytesPerParam;
        if (group <= 1 || bytes <= 0.0)
            return 0.0;
        const int inner = std::clamp(in.scaleUpSize / std::max(1, stride), 1, group);
        const int outer = (group + inner - 1) / inner;
        const Link &hop = outer > 1 ? c.out : c.up;
        const double steps = allReduce ? 2.0 * std::ceil(std::log2(static_cast<double>(group))) : group - 1.0;
        return (allReduce ? hierarchicalAllReduceSeconds(bytes, inner, outer, c.up, c.out)
                          : hierarchicalReduceScatterSeconds(bytes, inner, outer, c.up, c.out))
               + (collectivesPerPass(groupParams, group) - 1.0) * steps * hop.latencySeconds;
    };
    const int denseGroup = p.dp * p.cp;
    const int expertGroup = static_cast<int>(std::min<long long>(p.expertDp(), 1 << 30));
    const int denseStride = p.tp;
    const int expertStride = p.expertTp() * p.ep;
    const auto both = [&](double bytesPerParam, bool allReduce) {
        return dpCollective(params.dense, bytesPerParam, denseGroup, denseStride, allReduce)
               + dpCollective(params.expert, bytesPerParam, expertGroup, expertStride, allReduce);
    };
    const double totalParams = params.dense + params.expert;
    const double lastBucketShare = totalParams > 0.0 ? std::min(1.0, bucketParams / totalParams) : 1.0;
    const double backwardWindow = perMicroBatch * (passes - 1.0) / passes;
    const double forwardWindow = perMicroBatch / passes;
    const auto exposed = [&](double seconds, bool overlap, double window) {
        if (!overlap)
            return seconds;
        const double shown = std::max(seconds * lastBucketShare, seconds - window);
        return shown + interference * (seconds - shown);
    };
    double dpExposed = 0.0;
    if (p.zeroStage == 0) {
        dpExposed = exposed(both(fw.gradReduceBytesPerParam, true), fw.overlapGradReduce, backwardWindow);
    } else if (p.zeroStage == 1) {
        // Distributed optimizer: reduce-scatter gradients, all-gather updated bf16 parameters
        // (Rajbhandari et al. 2020 §5; same bytes as one all-reduce).
        dpExposed = exposed(both(fw.gradReduceBytesPerParam, false), fw.overlapGradReduce, backwardWindow)
                    + exposed(both(2.0, false), fw.overlapParamGather, forwardWindow);
    } else if (p.zeroStage == 2) {
        // ZeRO-2: no full-size gradient buffer, so every micro-batch's gradients are
        // reduce-scattered into the shards as its backward produces them (Rajbhandari et al.
        // 2020 §5.2; PyTorch FSDP SHARD_GRAD_OP; Llama 3 §3.3.1), hidden under that backward;
        // the updated parameters are all-gathered once per step.
        const double reduce = both(fw.gradReduceBytesPerParam, false);
        const double backwardCompute = perMicroBatch * (passes - 1.0) / passes;
        const double perMb = fw.overlapGradReduce
                                 ? std::max(0.0, reduce - backwardCompute) + interference * std::min(reduce, backwardCompute)
                                 : reduce;
        dpExposed = M * perMb + (fw.overlapGradReduce ? reduce * lastBucketShare : 0.0)
                    + exposed(both(2.0, false), fw.overlapParamGather, forwardWindow);
    } else {
        // ZeRO-3 / FSDP: weights all-gathered before each forward and backward of every
        // micro-batch (prefetched one layer ahead, so only the excess over compute shows),
        // gradients reduce-scattered per micro-batch (Zhao et al. 2023, PyTorch FSDP §3.3).
        const double gather = both(2.0, false);
        const double reduce = both(fw.gradReduceBytesPerParam, false);
        const double computeForward = computeMb / passes;
        const double backwardCompute = perMicroBatch - computeForward;
        const double perMb = std::max(0.0, gather - computeForward) + interference * std::min(gather, computeForward)
                             + std::max(0.0, gather + reduce - backwardCompute)
                             + interference * std::min(gather + reduce, backwardCompute);
        dpExposed = M * perMb + gather * lastBucketShare + reduce * lastBucketShare;
    }
    bd.dpCommExposedSeconds = dpExposed;

    // Optimizer step: fused Adam reads/writes fp32 master weights, m, v (24 bytes), reads the
    // gradient (4), writes the bf16 weight (2) and zeroes the gradient (4): 34 bytes per local
    // (ZeRO-sharded) parameter (Rajbhandari et al. 2020 §3.1 state sizes).
    const double optimizerShard = p.zeroStage >= 1 ? static_cast<double>(denseGroup) : 1.0;
    const double optimizerParams = params.dense / optimizerShard
                                   + params.expert / (p.zeroStage >= 1 ? expertGroup : 1.0);
    bd.memoryBoundSeconds += 34.0 * optimizerParams / c.hbmBytesPerSecond;

    out.stepTimeSeconds = bd.totalSeconds();
    out.tokensPerSecond = in.globalBatchTokens / out.stepTimeSeconds;
    const double clusterPeak = static_cast<double>(in.chipCount) * in.chip.peakFlopsPerSecond(in.precision);
    out.mfu = 6.0 * m.effectiveActiveParams() * out.tokensPerSecond / clusterPeak;
    out.mfuModelFlops = modelFlopsPerToken(m) * out.tokensPerSecond / clusterPeak;
    out.hfu = hardwareFlopsPerToken(m, p.recompute) * out.tokensPerSecond / clusterPeak;

    const double comm = bd.tpCommSeconds + bd.ppCommSeconds + bd.dpCommExposedSeconds + bd.epCommSeconds
                        + bd.cpCommSeconds;
    out.boundBy = BoundBy::Compute;
    double largest = bd.computeSeconds;
    if (bd.memoryBoundSeconds > largest) {
        largest = bd.memoryBoundSeconds;
        out.boundBy = BoundBy::MemoryBandwidth;
    }
    if (comm > largest) {
        largest = comm;
        out.boundBy = BoundBy::Communication;
    }
    if (bd.ppBubbleSeconds > largest)
        out.boundBy = BoundBy::PipelineBubble;
    return out;
}

} // namespace th::engine
