// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/trainingflops.h"

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

double activeMatmulParamsPerLayer(const ModelSpec &m, bool moeLayer)
{
    const double h = m.hidden;
    const double headDim = m.headDim();
    const double kvDim = static_cast<double>(m.effectiveKvHeads()) * headDim;
    // Q and output projections are h x (heads*headDim) (= h x h in most models); K and V are
    // h x kvDim each (GQA/MQA shrink them).
    const double attention = 2.0 * h * m.queryDim() + 2.0 * h * kvDim;
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
    return 2.0 * activeMatmulParamsPerLayer(m, moeLayer) + 4.0 * m.seqLen * static_cast<double>(m.queryDim());
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
        return model + m.layers * 4.0 * m.seqLen * static_cast<double>(m.queryDim());
    case Recompute::Full:
        if (!m.hasArchitecture())
            return model * 4.0 / 3.0; // one extra forward of 2N per token
        return model + forwardAllLayersFlopsPerToken(m);
    }
    return model;
}

} // namespace th::engine
