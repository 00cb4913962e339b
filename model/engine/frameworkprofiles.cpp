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
    return fw;
}

} // namespace th::engine
