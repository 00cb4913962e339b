// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/performancebridge.h"

#include "model/catalog/catalog.h"
#include "model/engine/frameworkprofiles.h"

#include <algorithm>

namespace th {

engine::ChipCalibration calibrationForChip(const Catalog &catalog, const QString &chipId)
{
    const std::optional<CatalogRow> chip = catalog.row(CatalogKind::Chip, chipId);
    const std::string architecture = chip ? chip->text("architecture").toStdString() : std::string();
    engine::ChipCalibration c = engine::defaultCalibration(engine::architectureClassFromKey(architecture));
    const std::optional<CatalogRow> row = catalog.row(CatalogKind::ChipCalibration, chipId);
    if (!row)
        return c;
    if (const std::optional<engine::MatmulCurve> curve = engine::parseMatmulCurve(row->text("matmul_curve").toStdString()))
        c.matmul = *curve;
    else
        return c; // an unparsable curve: keep the class defaults (the row does not count as measured)
    c.hbmEfficiency = row->number("hbm_efficiency").value_or(c.hbmEfficiency);
    c.scaleUpEfficiency = row->number("scale_up_efficiency").value_or(c.scaleUpEfficiency);
    c.scaleOutEfficiency = row->number("scale_out_efficiency").value_or(c.scaleOutEfficiency);
    c.scaleUpLatencySeconds = row->number("scale_up_latency_us").value_or(c.scaleUpLatencySeconds * 1e6) * 1e-6;
    c.scaleOutLatencySeconds = row->number("scale_out_latency_us").value_or(c.scaleOutLatencySeconds * 1e6) * 1e-6;
    // A row from kernel microbenchmarks refines the class defaults but does not make the chip
    // calibrated on training runs: results keep the "class defaults / lower confidence" flag.
    c.measured = !engine::calibrationSourceIsMicrobenchmark(row->text("source").toStdString());
    return c;
}

engine::PerformanceInputs performanceInputs(const Scenario &s, const Catalog &catalog)
{
    engine::PerformanceInputs in;
    in.model = s.model;
    in.chip = s.chip;
    in.calibration = calibrationForChip(catalog, s.chipId);
    in.chipCount = s.chipCount;
    in.globalBatchTokens = s.globalBatchTokens;
    in.precision = s.precision;
    in.scaleUpSize = std::max(1, s.scaleUpSize);
    in.scaleOutGbitPerSecPerChip = s.scaleOutGbitPerSecPerChip;
    in.framework = s.framework;
    in.memory = s.memory;
    return in;
}

engine::PinnedParallelism pinnedParallelism(const ParallelismRequest &r)
{
    engine::PinnedParallelism p;
    p.tp = r.tp;
    p.pp = r.pp;
    p.dp = r.dp;
    p.cp = r.cp;
    p.ep = r.ep;
    p.etp = r.etp;
    p.microBatch = r.microBatch;
    p.interleave = r.interleave;
    p.recompute = r.recompute;
    p.zeroStage = r.zero;
    return p;
}

ModelledRun modelRun(const Scenario &s, const Catalog &catalog, int topK)
{
    ModelledRun run;
    engine::PerformanceInputs in = performanceInputs(s, catalog);
    const ParallelismRequest &r = s.parallelism;
    // A complete layout: every field that changes the estimate is pinned (or derivable, dp).
    const bool complete = r.tp && r.pp && r.microBatch && r.recompute && r.zero;
    if (complete) {
        if (const std::optional<engine::Parallelism> p = r.resolve(s.chipCount)) {
            in.parallelism = *p;
            run.parallelism = *p;
            run.step = engine::estimateStep(in);
            run.feasible = run.step.infeasible == engine::Infeasible::None;
            run.reason = run.step.infeasible;
            return run;
        }
    }
    run.searched = true;
    run.search = engine::searchParallelism(in, pinnedParallelism(r), std::max(1, topK));
    if (!run.search.best.empty()) {
        run.feasible = true;
        run.parallelism = run.search.best.front().parallelism;
        run.step = run.search.best.front().estimate;
    } else {
        // The most common rejection explains the failure best.
        const auto it = std::max_element(run.search.rejected.begin(), run.search.rejected.end());
        run.reason = it != run.search.rejected.end() && *it > 0 ? engine::Infeasible(it - run.search.rejected.begin())
                                                              : engine::Infeasible::ChipCountMismatch;
    }
    return run;
}

} // namespace th
