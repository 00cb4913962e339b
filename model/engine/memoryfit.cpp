// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/memoryfit.h"

#include "model/engine/trainingflops.h"
#include "model/engine/units.h"

#include <algorithm>
#include <cmath>

namespace th::engine {

namespace {

int moeLayerCount(const ModelSpec &m)
{
    return m.isMoe() ? std::max(0, m.layers - m.denseLayers) : 0;
}

/// Total matmul parameters of one layer, all experts included (weights held in memory).
double layerParamsAllExperts(const ModelSpec &m, bool moeLayer, double *expertPart)
{
    const double h = m.hidden;
    // Projections (trainingflops.h; MLA per DeepSeek-V2 §2.1) + 2 norms (weight, bias) + the MLA
    // latent RMSNorms over c_Q and c_KV (DeepSeek-V2 §2.1.2 / the released configs).
    const double mlaNorms = m.isMla() ? static_cast<double>(m.qLoraRank) + m.kvLoraRank : 0.0;
    const double attention = attentionMatmulParamsPerLayer(m) + 4.0 * h + mlaNorms;
    const double matrices = m.gatedMlp ? 3.0 : 2.0;
    if (moeLayer && m.isMoe()) {
        const double perExpert = matrices * h * m.effectiveMoeFfnHidden();
        *expertPart = m.experts * perExpert;
        return attention + m.sharedExperts * perExpert + h * m.experts;
    }
    *expertPart = 0.0;
    return attention + matrices * h * m.effectiveFfnHidden();
}

} // namespace

namespace {

/// Parameters held by one chip of a stage with `stageLayers` transformer layers and
/// `embeddingCopies` vocabulary matrices (input embedding and/or untied output layer).
ParamsPerChip stageParamsPerChip(const ModelSpec &m, const Parallelism &p, double stageLayers,
                                 double embeddingCopies)
{
    const double tp = std::max(1, p.tp);
    const double ep = std::max(1, p.ep);
    // Routed experts are split over the expert tensor-parallel ranks (Megatron-Core
    // expert_tensor_parallel_size; = tp unless set), shared experts and the rest over tp.
    const double etp = std::max(1, p.expertTp());
    const int moeLayers = moeLayerCount(m);
    const int denseLayers = m.layers - moeLayers;

    double expertPerMoeLayer = 0.0;
    const double denseParamsMoeLayer = layerParamsAllExperts(m, true, &expertPerMoeLayer);
    double unused = 0.0;
    const double denseParamsDenseLayer = layerParamsAllExperts(m, false, &unused);

    // Scale the architecture count to the published total so that parts the formula does not
    // see (biases, multi-token-prediction heads) are still held somewhere:
    // spread the difference proportionally.
    const double embedding = static_cast<double>(m.vocab) * m.hidden;
    const double counted = denseLayers * denseParamsDenseLayer
                           + moeLayers * (denseParamsMoeLayer + expertPerMoeLayer) + 2.0 * embedding;
    const double scale = (m.params > 0.0 && counted > 0.0) ? m.params / counted : 1.0;

    const double moeShare = m.layers > 0 ? static_cast<double>(moeLayers) / m.layers : 0.0;
    const double stageMoe = stageLayers * moeShare;
    const double stageDense = stageLayers - stageMoe;

    ParamsPerChip out;
    out.dense = scale * (stageDense * denseParamsDenseLayer + stageMoe * denseParamsMoeLayer
                         + embeddingCopies * embedding) / tp;
    out.expert = scale * stageMoe * expertPerMoeLayer / (etp * ep);
    return out;
}

} // namespace

ParamsPerChip paramsPerChip(const ModelSpec &m, const Parallelism &p)
{
    // Most loaded stage: layers are split as evenly as possible; the first stage also holds the
    // input embedding, the last the output layer (untied, as in Llama/GPT-3 Megatron runs).
    const int pp = std::max(1, p.pp);
    const double layersPerStage = std::ceil(static_cast<double>(m.layers) / pp);
    return stageParamsPerChip(m, p, layersPerStage, pp == 1 ? 2.0 : 1.0);
}

double activationBytesPerLayer(const ModelSpec &m, const Parallelism &p, bool moeLayer,
                               double bytesPerElement, bool flashAttention,
                               double gemmInputBytesPerElement)
{
    // Korthikanti et al. 2022 (arXiv:2205.05198) §4.1 count, in units of s*b*h bytes at 2 bytes
    // per element: attention block 11 + 5as/h, MLP 19, two layer norms 4 -> 34 + 5as/h.
    // Generalised: attention 7 + 4r (r = kv_heads/heads; Q,K,V,proj inputs and a dropout mask),
    // MLP 3 + 4f/h (plain) or 3 + 6f/h (gated: gate, up, activation outputs); for MoE the expert
    // part is per routed copy of the token (top_k + shared experts).
    const double s = static_cast<double>(m.seqLen) / std::max(1, p.cp);
    const double b = p.microBatch;
    const double h = m.hidden;
    const double a = m.heads;
    const double t = std::max(1, p.tp);
    // Attention block in units of s*b*h (2-byte elements): layer input to the projections 2,
    // dropout mask 1, and 2 per h-wide tensor kept for backward: Q, K, V and the attention
    // output (input of the output projection). MHA/GQA: Q = q/h, K = V = kv/h (-> 7 + 4r when
    // q = h). MLA (DeepSeek-V2 §2.1): the latents c_Q (d_c') and [c_KV, k^R] (d_c + d_h^R) are
    // kept for the up-projections' backward, Q and K are heads (d_h + d_h^R) wide, V and the
    // output heads d_v.
    double attentionUnits = 0.0;
    if (m.isMla()) {
        const double qk = static_cast<double>(m.heads) * m.qkHeadDim();
        const double v = static_cast<double>(m.heads) * m.valueHeadDim();
        const double latents = static_cast<double>(m.qLoraRank) + m.kvLoraRank + m.qkRopeHeadDim;
        attentionUnits = 3.0 + 2.0 * (latents + 2.0 * qk + 2.0 * v) / h;
    } else {
        const double q = m.queryDim();
        const double kv = static_cast<double>(m.effectiveKvHeads()) * m.headDim();
        attentionUnits = 3.0 + 2.0 * (2.0 * q + 2.0 * kv) / h;
    }
    const double perFfn = m.gatedMlp ? 6.0 : 4.0;
    double mlp = 0.0;
    double ffnWidthPerToken = 0.0; // f/h summed over the FFNs a token passes through
    if (moeLayer && m.isMoe()) {
        ffnWidthPerToken = (m.topK + m.sharedExperts) * static_cast<double>(m.effectiveMoeFfnHidden()) / h;
        mlp = 3.0 + perFfn * ffnWidthPerToken;
    } else {
        ffnWidthPerToken = static_cast<double>(m.effectiveFfnHidden()) / h;
        mlp = 3.0 + perFfn * ffnWidthPerToken;
    }
    double linearPart = 4.0 + attentionUnits + mlp; // = 34 for GPT (q = kv = h, f = 4h)
    // No dropout (ModelSpec::dropout = false): the two 1-byte masks after the attention and MLP
    // blocks (1 unit each, Korthikanti et al. 2022 §4.1) are not stored.
    if (!m.dropout)
        linearPart -= 2.0;
    // FP8/FP4 training (Transformer Engine): the inputs that only a GEMM keeps for its weight
    // gradient are saved quantised. The normalised inputs of the QKV and first MLP projections
    // (2 units each) and the MLP activation output, i.e. the second projection's input
    // (2 f/h units per FFN), shrink by the byte ratio. The attention output stays in bf16 for
    // the attention backward and the output projection saves a quantised copy besides
    // (+ q/h units at the GEMM-input width; MLA: heads * d_v).
    const double narrow = std::clamp(gemmInputBytesPerElement, 0.0, 2.0) / 2.0;
    if (narrow < 1.0) {
        const double attnOut = m.isMla() ? static_cast<double>(m.heads) * m.valueHeadDim() / h
                                         : static_cast<double>(m.queryDim()) / h;
        linearPart -= (1.0 - narrow) * (2.0 + 2.0 + 2.0 * ffnWidthPerToken);
        linearPart += 2.0 * narrow * attnOut;
    }
    // Softmax output, its dropout mask and dropout output (5as/h); without dropout only the
    // softmax output (2as/h). Not stored with fused attention.
    const double scoresPart = flashAttention ? 0.0 : (m.dropout ? 5.0 : 2.0) * a * s / h;
    const double scale = bytesPerElement / 2.0;

    double units = 0.0;
    switch (p.recompute) {
    case Recompute::None:
        units = p.sequenceParallel ? (linearPart + scoresPart) / t
                                   : (10.0 + (linearPart - 10.0) / t + scoresPart / t);
        break;
    case Recompute::Selective: {
        double kept = linearPart;
        if (flashAttention) {
            // Fused attention stores no scores, so selective recompute means Megatron-Core's
            // module recompute (recompute_modules "layernorm", "mla_up_proj", "moe_act";
            // DeepSeek-V3 arXiv:2412.19437 §3.3.2): the two norm outputs (the QKV and first MLP
            // GEMM inputs, 2 units each at the GEMM-input width), MLA's per-head Q, K and V
            // (rebuilt from the stored latents) and, in MoE layers, the expert activation
            // output (2 f/h per routed FFN at the GEMM-input width) are not stored.
            kept -= 4.0 * narrow;
            if (m.isMla())
                kept -= 2.0 * static_cast<double>(m.heads) * (2.0 * m.qkHeadDim() + m.valueHeadDim()) / h;
            if (moeLayer && m.isMoe())
                kept -= 2.0 * narrow * m.topK * static_cast<double>(m.effectiveMoeFfnHidden()) / h;
        }
        units = p.sequenceParallel ? kept / t : (10.0 + (kept - 10.0) / t);
        break;
    }
    case Recompute::Full:
        // Only the layer input is kept (2 bytes per element, split by SP).
        units = p.sequenceParallel ? 2.0 / t : 2.0;
        break;
    }
    return units * scale * s * b * h;
}

MemoryBreakdown memoryPerChip(const ModelSpec &m, const Parallelism &p, double capacityGib,
                              const MemoryAssumptions &a, long long microBatchesPerStep)
{
    MemoryBreakdown out;
    out.capacityGib = capacityGib;
    const double dpShard = std::max(1, p.dp) * static_cast<double>(std::max(1, p.cp));
    // ZeRO shards expert state over the expert data-parallel group, tp*dp*cp / (etp*ep) ranks
    // (Megatron-Core expert_data_parallel group; dp*cp/ep when etp = tp).
    const double expertDpShard = static_cast<double>(p.expertDp());

    const int pp = std::max(1, p.pp);
    const int moeLayers = moeLayerCount(m);
    const double moeShare = m.layers > 0 ? static_cast<double>(moeLayers) / m.layers : 0.0;
    const double perLayer = (1.0 - moeShare) * activationBytesPerLayer(m, p, false, a.activationBytesPerElement, a.flashAttention, a.gemmInputBytesPerElement)
                            + moeShare * activationBytesPerLayer(m, p, true, a.activationBytesPerElement, a.flashAttention, a.gemmInputBytesPerElement);
    const double layersPerStage = std::ceil(static_cast<double>(m.layers) / pp);
    // Output layer (last stage): fp32 logits for the cross-entropy, s*b*V*4/tp bytes.
    const double s = static_cast<double>(m.seqLen) / std::max(1, p.cp);
    const double logits = 4.0 * s * p.microBatch * m.vocab / std::max(1, p.tp);

    struct Stage
    {
        double layers;          ///< transformer layers on the stage
        double embeddingCopies; ///< vocabulary matrices (embedding, output layer)
        double activationBytes; ///< everything kept for backward at the peak
    };
    Stage stages[3];
    int stageCount = 0;

    if (!a.scheduleAwarePipeline) {
        // 2022 estimate: 1F1B keeps pp micro-batches in flight on the first stage, each for its
        // layers/pp layers -> about `layers` layers' worth; interleaving adds (pp-1)/(pp*v)
        // (Narayanan et al. 2021 §2.2.2; Korthikanti et al. 2022 §4.2.3). The most loaded stage
        // is taken to hold ceil(L/pp) layers plus the embedding.
        double inFlight = pp;
        if (p.interleave > 1 && pp > 1)
            inFlight = pp * (1.0 + static_cast<double>(pp - 1) / (pp * p.interleave));
        double activationBytes = perLayer * layersPerStage * inFlight;
        activationBytes = (pp == 1) ? activationBytes + logits
                                    : std::max(activationBytes, perLayer * layersPerStage + logits);
        stages[stageCount++] = {layersPerStage, pp == 1 ? 2.0 : 1.0, activationBytes};
    } else if (pp == 1) {
        stages[stageCount++] = {static_cast<double>(m.layers), 2.0, perLayer * m.layers + logits};
    } else {
        // Micro-batches in flight on stage k (Megatron-Core schedules.py, warm-up + 1):
        // 1F1B pp - k; interleaved with v model chunks 2(pp - k - 1) + (v - 1) pp + 1 chunks of
        // L/(pp v) layers, i.e. pp (1 + (pp-1)/(pp v)) micro-batches on stage 0 (Korthikanti et
        // al. 2022 §4.2.3). Never more than the step has (M micro-batches, M v chunks).
        const double v = std::max(1, p.interleave);
        const double M = microBatchesPerStep > 0 ? static_cast<double>(microBatchesPerStep) : 1e300;
        const auto inFlight = [&](int k) {
            const double chunks = v > 1.0 ? 2.0 * (pp - k - 1) + (v - 1.0) * pp + 1.0 : static_cast<double>(pp - k);
            return std::min(chunks, M * v) / v;
        };
        // Uneven split: the deficit d = pp ceil(L/pp) - L is taken from the first stage, then the
        // last (Llama 3 §3.3.2: "reduce one Transformer layer each from the first and the last
        // stages"; Megatron-Core's account_for_embedding/loss_in_pipeline_split), any further
        // layers from late stages, which leaves stage 1 with ceil(L/pp) (conservative).
        const double c = layersPerStage;
        const double deficit = pp * c - m.layers;
        const double first = deficit >= 1.0 ? c - 1.0 : c;
        const double last = deficit >= 2.0 ? c - 1.0 : c;
        stages[stageCount++] = {first, 1.0, perLayer * first * inFlight(0)};
        if (pp > 2)
            stages[stageCount++] = {c, 0.0, perLayer * c * inFlight(1)};
        stages[stageCount++] = {last, 1.0, perLayer * last * inFlight(pp - 1) + logits};
    }

    auto sharded = [&](const ParamsPerChip &params, double bytesPerParam, bool shard) {
        const double dense = params.dense * bytesPerParam / (shard ? dpShard : 1.0);
        const double expert = params.expert * bytesPerParam / (shard ? expertDpShard : 1.0);
        return (dense + expert) / kBytesPerGib;
    };
    // The most loaded stage decides.
    for (int i = 0; i < stageCount; ++i) {
        const ParamsPerChip params = stageParamsPerChip(m, p, stages[i].layers, stages[i].embeddingCopies);
        MemoryBreakdown candidate;
        candidate.capacityGib = capacityGib;
        candidate.weightsGib = sharded(params, a.weightBytesPerParam, p.zeroStage >= 3);
        candidate.gradientsGib = sharded(params, a.gradBytesPerParam, p.zeroStage >= 2);
        candidate.optimizerGib = sharded(params, a.optimizerBytesPerParam, p.zeroStage >= 1);
        candidate.activationsGib = stages[i].activationBytes / kBytesPerGib;
        candidate.reservedGib = a.reservedGib;
        candidate.fragmentationGib = a.fragmentationFraction
                                     * (candidate.weightsGib + candidate.gradientsGib
                                        + candidate.optimizerGib + candidate.activationsGib);
        if (i == 0 || candidate.totalGib() > out.totalGib())
            out = candidate;
    }
    return out;
}

} // namespace th::engine
