// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/trainingflops.h"

#include <algorithm>

namespace th::engine {

double trainingFlopsSixND(double activeParams, double tokens)
{
    return 6.0 * activeParams * tokens;
}

double megatronIterationFlops(double batchSequences, double seqLen, double layers, double hidden,
                              double vocab, bool fullRecompute)
{
    const double base = batchSequences * seqLen * layers * hidden * hidden;
    if (fullRecompute)
        return 96.0 * base * (1.0 + seqLen / (6.0 * hidden) + vocab / (16.0 * layers * hidden));
    return 72.0 * base * (1.0 + seqLen / (6.0 * hidden) + vocab / (12.0 * layers * hidden));
}

double attentionMatmulParamsPerLayer(const ModelSpec &m)
{
    const double h = m.hidden;
    if (m.isMla()) {
        // DeepSeek-V2 §2.1.2-2.1.3: c_Q = W^DQ h (d_c' x h), q = W^UQ c_Q (heads (d_h + d_h^R)
        // x d_c', nope and RoPE parts together); c_KV = W^DKV h (d_c x h) and k^R = W^KR h
        // (d_h^R x h, shared by all heads); k^C, v = W^UK, W^UV c_KV (heads d_h x d_c, heads d_v
        // x d_c); output W^O (h x heads d_v). DeepSeek-V3 (q_lora 1536, kv_lora 512, 128 heads,
        // 128 + 64, v 128, h 7168): 11.01 M + 37.75 M + 4.13 M + 16.78 M + 117.44 M = 187.1 M.
        const double heads = m.heads;
        const double qk = m.qkHeadDim();
        const double v = m.valueHeadDim();
        const double query = m.qLoraRank > 0 ? h * m.qLoraRank + static_cast<double>(m.qLoraRank) * heads * qk
                                             : h * heads * qk;
        const double kvDown = h * (static_cast<double>(m.kvLoraRank) + m.qkRopeHeadDim);
        const double kvUp = static_cast<double>(m.kvLoraRank) * heads * (m.qkNopeHeadDim + v);
        const double output = heads * v * h;
        return query + kvDown + kvUp + output;
    }
    // Q and output projections are h x (heads*headDim) (= h x h in most models); K and V are
    // h x kvDim each (GQA/MQA shrink them).
    const double kvDim = static_cast<double>(m.effectiveKvHeads()) * m.headDim();
    return 2.0 * h * m.queryDim() + 2.0 * h * kvDim;
}

double attentionCoreFlopsPerTokenPerLayer(const ModelSpec &m)
{
    // Per query and attended key: QK^T over qkHeadDim and the weighted sum over valueHeadDim
    // per head, 2 FLOP per multiply-add (Narayanan et al. 2021 §5.1: 4 s h for MHA).
    const double s = m.seqLen;
    const double share = m.windowedLayerShare();
    const double keys = (1.0 - share) * s + share * std::min(s, static_cast<double>(m.slidingWindow));
    return 2.0 * keys * m.heads * static_cast<double>(m.qkHeadDim() + m.valueHeadDim());
}

double activeMatmulParamsPerLayer(const ModelSpec &m, bool moeLayer)
{
    const double h = m.hidden;
    const double attention = attentionMatmulParamsPerLayer(m);
    const double matricesPerMlp = m.gatedMlp ? 3.0 : 2.0;
    double mlp = 0.0;
    if (moeLayer && m.isMoe()) {
        const double perExpert = matricesPerMlp * h * m.effectiveMoeFfnHidden();
        mlp = (m.topK + m.sharedExperts) * perExpert + h * m.experts; // + router
    } else {
        mlp = matricesPerMlp * h * m.effectiveFfnHidden();
    }
    return attention + mlp;
}

namespace {
double forwardLayerFlopsPerToken(const ModelSpec &m, bool moeLayer)
{
    return 2.0 * activeMatmulParamsPerLayer(m, moeLayer) + attentionCoreFlopsPerTokenPerLayer(m);
}

double forwardAllLayersFlopsPerToken(const ModelSpec &m)
{
    const int moeLayers = m.isMoe() ? m.layers - m.denseLayers : 0;
    const int denseLayers = m.layers - moeLayers;
    return denseLayers * forwardLayerFlopsPerToken(m, false)
           + moeLayers * forwardLayerFlopsPerToken(m, true);
}
} // namespace

double modelFlopsPerToken(const ModelSpec &m)
{
    if (!m.hasArchitecture())
        return 6.0 * m.effectiveActiveParams();
    const double logits = 2.0 * m.hidden * static_cast<double>(m.vocab);
    return 3.0 * (forwardAllLayersFlopsPerToken(m) + logits);
}

double hardwareFlopsPerToken(const ModelSpec &m, Recompute recompute)
{
    const double model = modelFlopsPerToken(m);
    switch (recompute) {
    case Recompute::None:
        return model;
    case Recompute::Selective:
        if (!m.hasArchitecture())
            return model;
        // Only the s^2 attention part (QK^T, softmax, attention over V) is recomputed.
        return model + m.layers * attentionCoreFlopsPerTokenPerLayer(m);
    case Recompute::Full:
        if (!m.hasArchitecture())
            return model * 4.0 / 3.0; // one extra forward of 2N per token
        return model + forwardAllLayersFlopsPerToken(m);
    }
    return model;
}

} // namespace th::engine
