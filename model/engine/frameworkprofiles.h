// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/performancemodel.h"

namespace th::engine {

/// Megatron-LM of 2021-2022 (Narayanan et al. 2021; Korthikanti et al. 2022): no FlashAttention
/// (published May 2022), no overlap of DP or TP communication, fp32 gradient all-reduce of
/// Megatron's main_grad buffers, no context parallelism (the search does not offer it). Used to
/// reproduce those papers' runs and other 2021-22 Megatron/DeepSpeed runs.
FrameworkOptions megatron2021Framework();

/**
 * A current training stack (Megatron-Core / NeMo performance recipes 2025-26, TorchTitan):
 * FlashAttention, overlapped distributed optimizer, Transformer Engine TP comm overlap (half
 * hidden), MoE all-to-all overlap (half hidden), bf16 gradient reduction, and a token dispatcher
 * that sends each token once per remote scale-up domain (DeepEP/HybridEP; DeepSeek-V3
 * arXiv:2412.19437 §3.2.2). This is the profile the calibration fits on for current runs, and
 * what Terahall assumes for a plan unless the scenario says otherwise.
 */
FrameworkOptions modernFramework();

} // namespace th::engine
