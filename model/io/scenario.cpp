// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/scenario.h"

namespace th {

std::optional<engine::Parallelism> ParallelismRequest::resolve(long long chipCount) const
{
    if (!given || (!tp && !pp && !dp))
        return std::nullopt;
    engine::Parallelism p;
    p.tp = tp.value_or(1);
    p.pp = pp.value_or(1);
    p.cp = cp.value_or(1);
    const long long modelParallel = static_cast<long long>(p.tp) * p.pp * p.cp;
    if (dp) {
        p.dp = *dp;
    } else {
        if (modelParallel <= 0 || chipCount % modelParallel != 0)
            return std::nullopt;
        p.dp = static_cast<int>(chipCount / modelParallel);
    }
    p.ep = ep.value_or(1);
    p.etp = etp.value_or(0); // 0 = tp
    p.microBatch = microBatch.value_or(1);
    p.interleave = interleave.value_or(1);
    p.recompute = recompute.value_or(engine::Recompute::Selective);
    p.zeroStage = zero.value_or(1);
    p.sequenceParallel = sequenceParallel.value_or(p.tp > 1);
    if (p.chips() != chipCount)
        return std::nullopt;
    return p;
}

engine::TrainingInputs Scenario::trainingInputs(double mfuValue) const
{
    engine::TrainingInputs in;
    in.model = model;
    in.chip = chip;
    in.chipCount = chipCount;
    in.tokens = tokens;
    in.globalBatchTokens = globalBatchTokens;
    in.precision = precision;
    in.mfu = mfuValue;
    in.parallelism = parallelism.resolve(chipCount);
    in.itWattsPerChip = itWattsPerChip;
    in.facility = facility;
    in.cost = cost;
    return in;
}

} // namespace th
