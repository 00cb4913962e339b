// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

namespace th::engine {

/**
 * A decoder-only transformer (dense or mixture-of-experts). Only `params` is always required;
 * the architecture fields are needed for memory fit and for the performance model, and are 0
 * when unknown (`hasArchitecture()` tells).
 */
struct ModelSpec
{
    std::string id;
    double params = 0.0;       ///< total parameters
    double activeParams = 0.0; ///< parameters seen by one token (MoE); 0 = params
    int layers = 0;
    int hidden = 0;
    int ffnHidden = 0; ///< width of dense MLP layers; 0 = 4*hidden
    int heads = 0;
    int kvHeads = 0; ///< 0 = heads (multi-head attention)
    int headDimOverride = 0; ///< attention head width when not hidden/heads (Qwen3); 0 = hidden/heads
    int seqLen = 0;
    int vocab = 0;
    bool gatedMlp = false; ///< SwiGLU/GeGLU: three FFN matrices instead of two
    /// Trained with hidden/attention dropout (GPT-3/Megatron-LM 2021: 0.1). Dropout keeps a 1-byte
    /// mask per element after the attention and MLP blocks (Korthikanti et al. 2022 §4.1).
    /// Llama, Qwen, DeepSeek, Mixtral, GPT-OSS and MPT train with dropout 0 (released configs:
    /// attention_dropout 0.0 / resid_pdrop 0.0), and PyTorch stores no mask when p = 0
    /// (aten `dropout` returns its input). Default true: the conservative choice.
    bool dropout = true;
    // Mixture of experts (0 for dense models)
    int experts = 0;       ///< routed experts per MoE layer
    int topK = 0;          ///< routed experts per token
    int sharedExperts = 0; ///< always-active experts per MoE layer
    int moeFfnHidden = 0;  ///< FFN width of one expert; 0 = ffnHidden
    int denseLayers = 0;   ///< leading layers that are dense in an MoE model
    // Multi-head latent attention (DeepSeek-V2 arXiv:2405.04434 §2.1; DeepSeek-V3, Kimi K2).
    // kvLoraRank > 0 turns MLA on; all 0 = standard multi-/grouped-query attention.
    int qLoraRank = 0;     ///< query down-projection rank d_c' (0 with MLA = no query compression)
    int kvLoraRank = 0;    ///< compressed key/value latent width d_c (> 0: MLA)
    int qkNopeHeadDim = 0; ///< per-head query/key width without RoPE d_h
    int qkRopeHeadDim = 0; ///< per-head decoupled RoPE query/key width d_h^R (key part shared by heads)
    int vHeadDim = 0;      ///< per-head value width (0 = qkNopeHeadDim)
    // Sliding-window attention (Mistral 7B arXiv:2310.06825; GPT-OSS alternates windowed and full).
    int slidingWindow = 0;                   ///< keys per query in windowed layers; 0 = full attention
    double slidingWindowLayerFraction = 0.0; ///< share of layers with the window; 0 with a window = all

    bool isMla() const { return kvLoraRank > 0; }

    bool isMoe() const { return experts > 0 && topK > 0; }
    bool hasArchitecture() const { return layers > 0 && hidden > 0 && heads > 0 && seqLen > 0 && vocab > 0; }
    double effectiveActiveParams() const { return activeParams > 0.0 ? activeParams : params; }
    int effectiveFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * hidden; }
    int effectiveKvHeads() const { return kvHeads > 0 ? kvHeads : heads; }
    int effectiveMoeFfnHidden() const { return moeFfnHidden > 0 ? moeFfnHidden : effectiveFfnHidden(); }
    int headDim() const { return headDimOverride > 0 ? headDimOverride : (heads > 0 ? hidden / heads : 0); }
    /// Width of all query heads together (= hidden unless the head width is overridden).
    int queryDim() const { return heads * headDim(); }
    /// Per-head width of the query-key dot product (MLA: nope + rope part).
    int qkHeadDim() const { return isMla() ? qkNopeHeadDim + qkRopeHeadDim : headDim(); }
    /// Per-head width of the values (and of the attention output per head).
    int valueHeadDim() const { return isMla() ? (vHeadDim > 0 ? vHeadDim : qkNopeHeadDim) : headDim(); }
    /// Share of layers that use the sliding window (0 when there is no window).
    double windowedLayerShare() const
    {
        if (slidingWindow <= 0)
            return 0.0;
        return slidingWindowLayerFraction > 0.0 ? std::min(1.0, slidingWindowLayerFraction) : 1.0;
    }
};

} // namespace th::engine
