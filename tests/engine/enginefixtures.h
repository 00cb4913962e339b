// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared model and chip fixtures for the performance-model tests and benchmarks. Chip values
// from /work/shared/data/chip-specs-reference.json (dense peaks, memory, HBM, NVLink per
// direction); models from their papers.

#include "model/engine/chipcalibration.h"
#include "model/engine/performancemodel.h"

namespace th::test {

inline th::engine::ChipSpec h100Sxm()
{
    using namespace th::engine;
    ChipSpec c;
    c.id = "nvidia-h100-sxm";
    c.denseTflops[static_cast<std::size_t>(Precision::Bf16)] = 989.4;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp16)] = 989.4;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp8)] = 1978.9;
    c.memoryGib = 80;
    c.memoryBandwidthTbps = 3.35;
    c.scaleUpGbPerSecPerDirection = 450;
    c.scaleUpDomainMax = 8;
    c.scaleOutGbitPerSec = 400;
    return c;
}

inline th::engine::ChipSpec a100Sxm80()
{
    using namespace th::engine;
    ChipSpec c;
    c.id = "nvidia-a100-sxm-80gb";
    c.denseTflops[static_cast<std::size_t>(Precision::Bf16)] = 312;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp16)] = 312;
    c.memoryGib = 80;
    c.memoryBandwidthTbps = 2.039;
    c.scaleUpGbPerSecPerDirection = 300;
    c.scaleUpDomainMax = 8;
    c.scaleOutGbitPerSec = 200;
    return c;
}

inline th::engine::ChipSpec gb200()
{
    using namespace th::engine;
    ChipSpec c;
    c.id = "nvidia-gb200";
    c.denseTflops[static_cast<std::size_t>(Precision::Bf16)] = 2500;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp16)] = 2500;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp8)] = 5000;
    c.denseTflops[static_cast<std::size_t>(Precision::Fp4)] = 10000;
    c.memoryGib = 186;
    c.memoryBandwidthTbps = 8.0;
    c.scaleUpGbPerSecPerDirection = 900;
    c.scaleUpDomainMax = 72;
    c.scaleOutGbitPerSec = 400;
    return c;
}

/// GPT-3 175B (Brown et al. 2020, Table 2.1): 96 layers, 12288 hidden, 96 heads, s 2048.
inline th::engine::ModelSpec gpt3_175b()
{
    th::engine::ModelSpec m;
    m.id = "gpt3-175b";
    m.params = 175e9;
    m.layers = 96;
    m.hidden = 12288;
    m.heads = 96;
    m.seqLen = 2048;
    m.vocab = 51200;
    return m;
}

/// Megatron 1T (Narayanan et al. 2021 Table 1): 128 layers, 25600 hidden, 160 heads.
inline th::engine::ModelSpec megatron1T()
{
    th::engine::ModelSpec m;
    m.id = "megatron-1t";
    m.params = 1008e9;
    m.layers = 128;
    m.hidden = 25600;
    m.heads = 160;
    m.seqLen = 2048;
    m.vocab = 51200;
    return m;
}

/// DeepSeek-V3 (arXiv:2412.19437 §4.2) with multi-head latent attention (config.json ranks).
inline th::engine::ModelSpec deepseekV3Like()
{
    th::engine::ModelSpec m;
    m.id = "deepseek-v3";
    m.params = 671e9;
    m.activeParams = 37e9;
    m.layers = 61;
    m.hidden = 7168;
    m.ffnHidden = 18432;
    m.heads = 128;
    m.seqLen = 4096;
    m.vocab = 129280;
    m.gatedMlp = true;
    m.experts = 256;
    m.topK = 8;
    m.sharedExperts = 1;
    m.moeFfnHidden = 2048;
    m.denseLayers = 3;
    m.qLoraRank = 1536;
    m.kvLoraRank = 512;
    m.qkNopeHeadDim = 128;
    m.qkRopeHeadDim = 64;
    m.vHeadDim = 128;
    return m;
}

/// Mixtral 8x7B architecture (Jiang et al. 2024, arXiv:2401.04088 Table 1: 32 layers, h 4096,
/// 32 heads / 8 KV heads, 8 experts of gated width 14336, top-2; no shared experts, dropout 0).
/// params = 0 leaves memoryfit's architecture count unscaled, for hand-computed checks.
inline th::engine::ModelSpec mixtralLike()
{
    th::engine::ModelSpec m;
    m.id = "mixtral-8x7b";
    m.layers = 32;
    m.hidden = 4096;
    m.ffnHidden = 14336;
    m.heads = 32;
    m.kvHeads = 8;
    m.seqLen = 4096;
    m.vocab = 32000;
    m.gatedMlp = true;
    m.dropout = false;
    m.experts = 8;
    m.topK = 2;
    return m;
}

inline th::engine::PerformanceInputs gpt3On1024H100()
{
    using namespace th::engine;
    PerformanceInputs in;
    in.model = gpt3_175b();
    in.chip = h100Sxm();
    in.calibration = defaultCalibration(ArchitectureClass::NvidiaHopper);
    in.chipCount = 1024;
    in.globalBatchTokens = 1536.0 * 2048; // GPT-3's 3.2 M-token batch rounded to 1536 sequences
    in.precision = Precision::Bf16;
    in.scaleUpSize = 8;
    in.scaleOutGbitPerSecPerChip = 400;
    in.parallelism.tp = 8;
    in.parallelism.pp = 8;
    in.parallelism.dp = 16;
    in.parallelism.microBatch = 1;
    in.parallelism.interleave = 2;
    in.parallelism.recompute = Recompute::Selective;
    in.parallelism.zeroStage = 1;
    return in;
}

inline th::engine::PerformanceInputs oneTrillionOn16kChips()
{
    using namespace th::engine;
    PerformanceInputs in = gpt3On1024H100();
    in.model = megatron1T();
    in.chip = gb200();
    in.calibration = defaultCalibration(ArchitectureClass::NvidiaBlackwell);
    in.chipCount = 16384;
    in.globalBatchTokens = 4096.0 * 2048;
    in.scaleUpSize = 72;
    in.parallelism = Parallelism{};
    in.parallelism.tp = 8;
    in.parallelism.pp = 16;
    in.parallelism.dp = 128;
    return in;
}

} // namespace th::test
