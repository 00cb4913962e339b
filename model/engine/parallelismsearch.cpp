// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/parallelismsearch.h"


#include <algorithm>
#include <cmath>
#include <utility>

namespace th::engine {

namespace {

/// Divisors of n in increasing order, at most `limit`, written into `out` (no allocation after
/// the first reserve).
void divisors(long long n, long long limit, std::vector<int> &out)
{
    out.clear();
    for (long long d = 1; d <= n && d <= limit; ++d) {
        if (n % d == 0)
            out.push_back(static_cast<int>(d));
    }
}

void candidates(const std::optional<int> &pinned, const std::vector<int> &free, std::vector<int> &out)
{
    out.clear();
    if (pinned)
        out.push_back(*pinned);
    else
        out = free;
}

/// Keeps the topK fastest, sorted.
void offer(std::vector<SearchCandidate> &best, int topK, const Parallelism &p, const StepEstimate &e)
{
    if (static_cast<int>(best.size()) == topK && e.stepTimeSeconds >= best.back().estimate.stepTimeSeconds)
        return;
    auto it = std::upper_bound(best.begin(), best.end(), e.stepTimeSeconds,
                               [](double t, const SearchCandidate &c) { return t < c.estimate.stepTimeSeconds; });
    if (static_cast<int>(best.size()) == topK)
        best.pop_back();
    best.insert(it, SearchCandidate{p, e});
}

} // namespace

SearchResult searchParallelism(const PerformanceInputs &base, const PinnedParallelism &pinned, int topK,
                               const SearchLimits &limits)
{
    SearchResult result;
    topK = std::max(1, topK);
    result.best.reserve(static_cast<std::size_t>(topK) + 1);
    const ModelSpec &m = base.model;
    const long long chips = base.chipCount;

    PerformanceInputs in = base;
    Parallelism &p = in.parallelism;

    // Invalid inputs: report the reason once.
    if (!m.hasArchitecture() || chips <= 0 || !(base.globalBatchTokens > 0.0)) {
        ++result.combinations;
        ++result.evaluated;
        p = Parallelism{};
        p.dp = static_cast<int>(std::max<long long>(1, chips));
        result.rejected[static_cast<std::size_t>(checkLayout(in))] += 1;
        return result;
    }
    const double seqsExact = base.globalBatchTokens / m.seqLen;
    const long long seqs = static_cast<long long>(std::llround(seqsExact));

    // GEMM-only lower bound per recompute mode (perfect balance at plateau efficiency); the same
    // quantity as stepTimeLowerBoundSeconds(), computed once per recompute mode.
    std::array<double, 3> boundSeconds{};
    for (int r = 0; r < 3; ++r) {
        const double flop = matmulFlopsPerToken(m, static_cast<Recompute>(r)) * base.globalBatchTokens;
        double best = 0.0;
        for (int i = 0; i < base.calibration.matmul.count; ++i)
            best = std::max(best, base.calibration.matmul.points[static_cast<std::size_t>(i)].efficiency);
        const double factor = base.precision == Precision::Fp4 ? base.calibration.fp4MatmulFactor
                              : (base.precision == Precision::Fp8 || base.precision == Precision::Int8)
                                  ? base.calibration.lowPrecisionMatmulFactor
                                  : 1.0;
        const double peak = base.chip.peakFlopsPerSecond(base.precision);
        const double power = tensorThroughputFactor(base.calibration, base.chip); // as estimateStep
        boundSeconds[static_cast<std::size_t>(r)] =
            (peak > 0.0 && best > 0.0) ? flop / (static_cast<double>(chips) * peak * std::min(1.0, best * factor * power)) : 0.0;
    }

    std::vector<int> tps, cps, pps, eps, mbs, vs, tmp;
    std::vector<std::pair<int, int>> expertLayouts; // (etp, ep); etp 0 = tp
    expertLayouts.reserve(128);
    tps.reserve(64); cps.reserve(64); pps.reserve(64); eps.reserve(64); mbs.reserve(128); vs.reserve(32); tmp.reserve(1024);

    // TP: divides the chip count, fits the scale-up domain, divides the heads (checked by the
    // model; enumerating only legal values keeps the rejected counts meaningful).
    tmp.clear();
    for (int t = 1; t <= std::max(1, base.scaleUpSize) && t <= m.heads; ++t) {
        const int kv = m.effectiveKvHeads();
        if (chips % t == 0 && m.heads % t == 0 && (kv % t == 0 || t % kv == 0))
            tmp.push_back(t);
    }
    candidates(pinned.tp, tmp, tps);

    const std::array<Recompute, 3> allRecompute{Recompute::None, Recompute::Selective, Recompute::Full};

    for (int tp : tps) {
        if (tp <= 0 || chips % tp != 0) {
            ++result.combinations;
            ++result.evaluated;
            p = Parallelism{};
            p.tp = std::max(1, tp);
            result.rejected[static_cast<std::size_t>(tp <= 0 ? Infeasible::InvalidInput : Infeasible::ChipCountMismatch)] += 1;
            continue;
        }
        const long long afterTp = chips / tp;
        tmp.clear();
        const int maxCp = base.framework.contextParallel ? limits.maxContextParallel : 1;
        for (int c = 1; c <= maxCp && c <= afterTp; ++c) {
            if (afterTp % c == 0 && (c == 1 || m.seqLen % (2 * c) == 0))
                tmp.push_back(c);
        }
        candidates(pinned.cp, tmp, cps);
        for (int cp : cps) {
            if (cp <= 0 || afterTp % cp != 0) {
                ++result.combinations;
                ++result.evaluated;
                result.rejected[static_cast<std::size_t>(cp <= 0 ? Infeasible::InvalidInput : Infeasible::ChipCountMismatch)] += 1;
                continue;
            }
            const long long afterCp = afterTp / cp;
            divisors(afterCp, m.layers, tmp);
            candidates(pinned.pp, tmp, pps);
            for (int pp : pps) {
                if (pp <= 0 || afterCp % pp != 0) {
                    ++result.combinations;
                    ++result.evaluated;
                    p = Parallelism{};
                    p.tp = tp;
                    p.cp = cp;
                    p.pp = std::max(1, pp);
                    p.dp = 1;
                    result.rejected[static_cast<std::size_t>(checkLayout(in))] += 1;
                    continue;
                }
                const int dp = static_cast<int>(afterCp / pp);
                if (pinned.dp && *pinned.dp != dp)
                    continue; // not a combination with the pinned dp
                // Expert layouts (etp, ep). EP divides the experts and dp*cp (Megatron-Core
                // layout, etp = tp, stored as 0); with etp != tp (pinned, or etp 1 offered for
                // MoE with tp > 1: Megatron-Core parallel folding, the published Qwen3 and
                // Pangu Ultra MoE layouts) etp*ep divides tp*dp*cp and SP is on. Dense: (0, 1).
                expertLayouts.clear();
                if (m.isMoe()) {
                    const auto addEps = [&](int etpValue) {
                        const int etp = etpValue > 0 ? etpValue : tp;
                        const long long epRanks = etp == tp ? static_cast<long long>(dp) * cp
                                                            : static_cast<long long>(tp) * dp * cp / std::max(1, etp);
                        const long long foldedRanks = static_cast<long long>(tp) * dp * cp;
                        tmp.clear();
                        for (int e = 1; e <= m.experts && e <= epRanks; ++e) {
                            const bool divides = etp == tp ? epRanks % e == 0 : foldedRanks % (static_cast<long long>(etp) * e) == 0;
                            if (m.experts % e == 0 && divides)
                                tmp.push_back(e);
                        }
                        candidates(pinned.ep, tmp, eps);
                        for (int e : eps)
                            expertLayouts.emplace_back(etpValue, e);
                    };
                    if (pinned.etp)
                        addEps(*pinned.etp);
                    else {
                        addEps(0);
                        if (tp > 1 && base.framework.sequenceParallel)
                            addEps(1);
                    }
                } else {
                    expertLayouts.emplace_back(pinned.etp.value_or(0), pinned.ep.value_or(1));
                }
                // Micro-batches: divisors of the per-replica batch.
                const long long perReplica = (seqs % dp == 0) ? seqs / dp : 0;
                if (perReplica > 0)
                    divisors(perReplica, limits.maxMicroBatch, tmp);
                else
                    tmp.assign(1, 1);
                candidates(pinned.microBatch, tmp, mbs);
                // Interleaving: only with pp > 1, pp * v <= layers + 2.
                tmp.clear();
                tmp.push_back(1);
                if (pp > 1) {
                    for (int v = 2; v <= limits.maxInterleave && static_cast<long long>(pp) * v <= m.layers + 2; ++v)
                        tmp.push_back(v);
                }
                candidates(pinned.interleave, tmp, vs);

                for (const auto &[etp, ep] : expertLayouts) {
                    for (int v : vs) {
                        for (Recompute rc : allRecompute) {
                            if (pinned.recompute ? *pinned.recompute != rc
                                                 : (rc == Recompute::Selective && !base.framework.selectiveRecompute))
                                continue;
                            for (int zero = 0; zero <= 3; ++zero) {
                                if (pinned.zeroStage ? *pinned.zeroStage != zero
                                                     : ((zero >= 3 && pp > 1) || zero > base.framework.maxZeroStage))
                                    continue;
                                bool outOfMemory = false;
                                for (int mb : mbs) {
                                    ++result.combinations;
                                    p.tp = tp;
                                    p.cp = cp;
                                    p.pp = pp;
                                    p.dp = dp;
                                    p.ep = ep;
                                    p.etp = etp;
                                    p.interleave = v;
                                    p.recompute = rc;
                                    p.zeroStage = zero;
                                    p.microBatch = mb;
                                    p.sequenceParallel = tp > 1 && base.framework.sequenceParallel;
                                    if (outOfMemory) {
                                        // A smaller micro-batch of this layout already did not fit.
                                        result.rejected[static_cast<std::size_t>(Infeasible::OutOfMemory)] += 1;
                                        continue;
                                    }
                                    if (static_cast<int>(result.best.size()) == topK && mb > 0 && perReplica > 0) {
                                        const double microBatches = static_cast<double>(perReplica) / mb;
                                        const double bound = boundSeconds[static_cast<std::size_t>(rc)]
                                                             * (1.0 + (pp - 1.0) / (v * microBatches));
                                        if (bound >= result.best.back().estimate.stepTimeSeconds) {
                                            ++result.pruned;
                                            continue;
                                        }
                                    }
                                    ++result.evaluated;
                                    const StepEstimate e = estimateStep(in);
                                    if (e.infeasible != Infeasible::None) {
                                        result.rejected[static_cast<std::size_t>(e.infeasible)] += 1;
                                        outOfMemory = e.infeasible == Infeasible::OutOfMemory;
                                        continue;
                                    }
                                    ++result.feasible;
                                    offer(result.best, topK, p, e);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return result;
}

} // namespace th::engine
