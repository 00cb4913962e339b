// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/frameworkprofiles.h"

namespace th::engine {

FrameworkOptions megatron2021Framework()
{
    FrameworkOptions fw;
    fw.flashAttention = false;
    fw.overlapGradReduce = false;
    fw.overlapParamGather = false;
    fw.tpCommOverlapFraction = 0.0;
    fw.gradReduceBytesPerParam = 4.0;
    fw.contextParallel = false; // context parallelism arrived with Megatron-Core in 2023
    // Selective recompute, sequence parallelism (Korthikanti et al. 2022) and the distributed
    // optimizer came with the 2022 releases: the search offers full or no recompute, no SP and a
    // replicated optimizer; the Korthikanti 2022 rows pin theirs, which are still evaluated.
    fw.selectiveRecompute = false;
    fw.sequenceParallel = false;
    fw.maxZeroStage = 0;
    fw.interleaveNeedsMicroBatchMultipleOfPp = true; // Megatron-LM training.py assertion
    fw.allocatorPressureSlowdown = 0.10; // fixed-segment caching allocator (no expandable segments before PyTorch 2.1)
    return fw;
}

FrameworkOptions modernFramework()
{
    FrameworkOptions fw;
    fw.flashAttention = true;
    fw.overlapGradReduce = true;
    fw.overlapParamGather = true;
    fw.tpCommOverlapFraction = 0.5;
    fw.epCommOverlapFraction = 0.5;
    fw.gradReduceBytesPerParam = 2.0;
    fw.moeDedupAcrossDomains = true;
    fw.gradBucketParamsPerDpRank = 1e6; // Megatron-Core: bucket = max(40 M, 1 M x dp)
    return fw;
}

} // namespace th::engine
