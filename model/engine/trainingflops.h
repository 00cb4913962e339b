// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/modelspec.h"
#include "model/engine/parallelism.h"

namespace th::engine {

/// Training compute C = 6 * N * D FLOP (Kaplan et al. 2020, arXiv:2001.08361 §2.1; DOMAIN.md §1):
/// 2 FLOP per parameter per token forward, 4 backward. For MoE, N is the ACTIVE parameter count.
double trainingFlopsSixND(double activeParams, double tokens);

/// Megatron-LM per-iteration FLOP for a GPT model with plain MLP (ffn = 4h) and multi-head
/// attention (Narayanan et al. 2021, arXiv:2104.04473 §5.1, eq. for F):
///   with full recompute   F = 96 B s l h^2 (1 + s/(6h) + V/(16 l h))   (hardware FLOP, "HFU")
///   without recompute     F = 72 B s l h^2 (1 + s/(6h) + V/(12 l h))   (model FLOP, "MFU")
/// The logit layer is not recomputed, hence 16 vs 12. B = sequences per iteration.
double megatronIterationFlops(double batchSequences, double seqLen, double layers, double hidden,
                              double vocab, bool fullRecompute);

/// Matmul parameters of the attention block of one layer (projections only, no norms).
/// Standard/GQA attention: Q and output h x (heads*headDim), K and V h x (kvHeads*headDim).
/// Multi-head latent attention (DeepSeek-V2 arXiv:2405.04434 §2.1, eqs. 1-14): query
/// down h x d_c' and up d_c' x heads(d_h + d_h^R) (or h x heads(d_h + d_h^R) without query
/// compression), key/value down h x (d_c + d_h^R) (latent + the shared RoPE key), key/value up
/// d_c x heads(d_h + d_v), output heads d_v x h.
double attentionMatmulParamsPerLayer(const ModelSpec &m);

/// Attention-core FLOP per token per layer, forward (QK^T and the weighted sum of V, 2 FLOP per
/// multiply-add): 2 * keys * heads * (qkHeadDim + valueHeadDim), with keys = seqLen for full
/// layers (counted without causal masking, as Megatron does) and min(window, seqLen) for
/// sliding-window layers (averaged over the layers). = 4 s q for standard attention.
double attentionCoreFlopsPerTokenPerLayer(const ModelSpec &m);

/// Parameters in the matrices one token passes through in one transformer layer (attention
/// projections + MLP, active experts only for MoE layers). Needs the architecture.
double activeMatmulParamsPerLayer(const ModelSpec &m, bool moeLayer);

/// Model FLOP per trained token from the architecture (forward + backward, no recompute):
/// 3 x forward, forward = sum over layers of 2 * active matmul params + the attention core
/// (attentionCoreFlopsPerTokenPerLayer: 4 s h for MHA, counted without causal masking as
/// Megatron does; MLA and sliding windows per their dimensions) + 2 h V (logits).
/// Reduces exactly to the 72-form above for ffn = 4h, MHA, dense. Returns 6 * active params when
/// the architecture is unknown.
double modelFlopsPerToken(const ModelSpec &m);

/// Hardware FLOP per token: model FLOP plus recomputation (full: one more forward of every layer;
/// selective: the attention-score part, Korthikanti et al. 2022 §4.2).
double hardwareFlopsPerToken(const ModelSpec &m, Recompute recompute);

} // namespace th::engine
