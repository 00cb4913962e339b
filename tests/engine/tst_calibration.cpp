// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/engine/layouttext.h"
#include "tests/engine/calibrationcases.h"
#include "tests/support/fuzzycompare.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

using namespace th::engine;
using namespace th::test;

namespace {
std::string dataDir()
{
    return QFileInfo(QFINDTESTDATA("../testdata/calibration/published-runs.json")).absolutePath().toStdString();
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const double pos = q * (v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
}

/// Published rows whose figure breaks the trend of their own table (same model and cluster,
/// neighbouring sequence lengths or scales) by 20 % or more, so that no smooth physical model
/// can follow them. They stay in the median; docs/validation.md lists them.
const char *const kKnownAnomalies[] = {
    // MFU 45 % vs 57 % at s2048 with the same 49,152 tokens per micro-batch on the same chip;
    // the same model at s512 runs 53 % on A100-40GB (less HBM bandwidth) and 40 % vs 35 % on H100
    // (shorter sequences faster, as everywhere else in the table).
    "mpt-760m-a100_80gb-8gpu-s512",
    // MFU 36 % vs 49 % at 128 chips and 49 % for the same model, micro-batch and FSDP traffic per
    // micro-batch on A100-80GB at 32 chips; no memory pressure (63 % of 40 GB).
    "mpt-70b-a100_40gb-64gpu-s2048",
};

bool isKnownAnomaly(const std::string &id)
{
    for (const char *a : kKnownAnomalies) {
        if (id.find(a) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

/**
 * Accuracy of the performance model against every usable published run (docs/validation.md).
 * The error is that of tokens/s per chip, which equals the relative error of MFU under any
 * fixed FLOP convention. Set TH_CALIBRATION_REPORT=<file> to write the full markdown table.
 */
class TestCalibration : public QObject
{
    Q_OBJECT
private slots:
    void publishedRuns()
    {
        const std::vector<CalibrationCase> cases = loadCalibrationCases(dataDir());
        QVERIFY(cases.size() > 400);
        std::vector<double> errors;       // dense tier: architecture represented exactly
        std::vector<double> approxErrors; // MoE tier (all MoE rows, GPT-OSS included)
        std::vector<double> moeExactErrors; // MoE rows whose attention is represented (MLA, Qwen3)
        std::vector<double> allErrors;
        std::map<std::string, std::vector<double>> bySource;
        QByteArray table;
        table += "| # | row | source | chip | published tok/s/chip | predicted | published MFU | predicted MFU | rel. error | chosen (mb, recompute) | status |\n";
        table += "|---|---|---|---|---|---|---|---|---|---|---|\n";
        int n = 0;
        double worst = 0.0;
        std::string worstId;
        for (const CalibrationCase &c : cases) {
            ++n;
            if (!c.excludedReason.empty()) {
                table += QByteArray("| ") + QByteArray::number(n) + " | " + c.id.c_str() + " | " + c.source.c_str()
                         + " | " + c.chipKey.c_str() + " | " + QByteArray::number(c.publishedTokensPerSecondPerChip, 'f', 0)
                         + " | | | | | | excluded: " + c.excludedReason.c_str() + " |\n";
                continue;
            }
            const CalibrationResult r = evaluateCase(c);
            const double err = std::abs(r.relativeError);
            const bool anomaly = isKnownAnomaly(c.id);
            if (const char *dbg = std::getenv("TH_CALIBRATION_DEBUG"); dbg && c.id.find(dbg) != std::string::npos) {
                const StepBreakdown &b = r.estimate.breakdown;
                qInfo("%s err %.1f%% step %.3fs compute %.3f mem %.3f tp %.3f pp %.3f bubble %.3f dp %.3f other %.3f ep %.3f cp %.3f m %d mem %.1f/%.1f GiB",
                      c.id.c_str(), 100 * r.relativeError, r.estimate.stepTimeSeconds, b.computeSeconds,
                      b.memoryBoundSeconds, b.tpCommSeconds, b.ppCommSeconds, b.ppBubbleSeconds,
                      b.dpCommExposedSeconds, b.otherSeconds, b.epCommSeconds, b.cpCommSeconds,
                      r.estimate.microBatchesPerStep, r.estimate.memory.totalGib(), r.estimate.memory.capacityGib);
            }
            allErrors.push_back(err);
            (c.moe ? approxErrors : errors).push_back(err);
            if (c.moe && !c.approximateArchitecture)
                moeExactErrors.push_back(err);
            bySource[c.source].push_back(err);
            if (!c.moe && !anomaly && err > worst) {
                worst = err;
                worstId = c.id;
            }
            table += QByteArray("| ") + QByteArray::number(n) + " | " + c.id.c_str() + " | " + c.source.c_str() + " | "
                     + c.chipKey.c_str() + " | " + QByteArray::number(c.publishedTokensPerSecondPerChip, 'f', 0) + " | "
                     + QByteArray::number(r.predictedTokensPerSecondPerChip, 'f', 0) + " | "
                     + QByteArray::number(c.publishedMfu, 'f', 3) + " | " + QByteArray::number(r.predictedMfu, 'f', 3)
                     + " | " + QByteArray::number(100.0 * r.relativeError, 'f', 1) + " % | "
                     + QByteArray::number(r.chosen.microBatch) + ", " + th::test::recomputeName(r.chosen.recompute) + " | included"
                     + (c.moe ? " (MoE)" : "") + (c.approximateArchitecture ? " (approx. architecture: sinks)" : "")
                     + (anomaly ? " (known anomaly)" : "")
                     + (r.memoryFits ? "" : " (memory model: does not fit)") + " |\n";
        }
        const double median = percentile(errors, 0.5);
        const double p90 = percentile(errors, 0.9);
        const double approxMedian = percentile(approxErrors, 0.5);
        const double moeExactMedian = percentile(moeExactErrors, 0.5);
        QByteArray summary = "rows " + QByteArray::number(int(cases.size())) + ", included "
                             + QByteArray::number(int(allErrors.size())) + " (all: median "
                             + QByteArray::number(100 * percentile(allErrors, 0.5), 'f', 1) + " %, p90 "
                             + QByteArray::number(100 * percentile(allErrors, 0.9), 'f', 1) + " %, max "
                             + QByteArray::number(100 * percentile(allErrors, 1.0), 'f', 1) + " %); dense tier (exact architecture) n "
                             + QByteArray::number(int(errors.size())) + " median " + QByteArray::number(100 * median, 'f', 1)
                             + " %, p90 " + QByteArray::number(100 * p90, 'f', 1) + " %, max "
                             + QByteArray::number(100 * percentile(errors, 1.0), 'f', 1) + " %, max without known anomalies "
                             + QByteArray::number(100 * worst, 'f', 1) + " % (" + worstId.c_str() + "); MoE tier n "
                             + QByteArray::number(int(approxErrors.size())) + " median " + QByteArray::number(100 * approxMedian, 'f', 1)
                             + " %, p90 " + QByteArray::number(100 * percentile(approxErrors, 0.9), 'f', 1) + " %, max "
                             + QByteArray::number(100 * percentile(approxErrors, 1.0), 'f', 1) + " %; MoE without GPT-OSS n "
                             + QByteArray::number(int(moeExactErrors.size())) + " median "
                             + QByteArray::number(100 * moeExactMedian, 'f', 1) + " %, p90 "
                             + QByteArray::number(100 * percentile(moeExactErrors, 0.9), 'f', 1) + " %, max "
                             + QByteArray::number(100 * percentile(moeExactErrors, 1.0), 'f', 1) + " %";
        for (const auto &[src, errs] : bySource)
            summary += QByteArray("; ") + src.c_str() + ": n " + QByteArray::number(int(errs.size())) + " median "
                       + QByteArray::number(100 * percentile(errs, 0.5), 'f', 1) + " % max "
                       + QByteArray::number(100 * percentile(errs, 1.0), 'f', 1) + " %";
        qInfo("%s", summary.constData());
        if (const char *path = std::getenv("TH_CALIBRATION_REPORT")) {
            QFile f(QString::fromLocal8Bit(path));
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(summary + "\n\n" + table);
        }
        // Achieved (docs/validation.md, 2026-11-23 (fifth round), power-limited clocks): dense
        // median 4.5 %, p90 13.7 %, worst row outside the two known anomalies 19.1 %, all dense
        // rows <= 35.1 %; MoE median 16.5 %, without GPT-OSS 13.1 %; with expert tensor parallel
        // (etp, "ETP" in docs/validation.md) the Qwen3-235B H100 row (etp 1, EP 32 over TP 2 x
        // DP 16) joins the MoE tier: 23 rows, median 16.8 %, without GPT-OSS 15 rows, 13.5 %.
        // The bounds sit just above, so a regression fails; the targets are median
        // <= 10 % and every row <= 25 %.
        QVERIFY(errors.size() >= 200);
        QVERIFY2(median <= 0.047, summary.constData());
        QVERIFY2(p90 <= 0.14, summary.constData());
        QVERIFY2(worst <= 0.195, summary.constData());
        QVERIFY2(percentile(errors, 1.0) <= 0.36, summary.constData());
        // MoE tier (docs/validation.md): median over all MoE rows, and over those whose attention
        // is represented exactly (MLA, Qwen3 head width; GPT-OSS sinks are not).
        QVERIFY(approxErrors.size() >= 20);
        QVERIFY(moeExactErrors.size() >= 12);
        QVERIFY2(approxMedian <= 0.17, summary.constData());
        QVERIFY2(moeExactMedian <= 0.137, summary.constData());
    }

    /// System-level physics judged where the software version cancels: Megatron-Bridge rows of
    /// one model, precision and release on two Blackwell systems (older releases included,
    /// which the accuracy table and the fit leave out). The error of the predicted throughput
    /// ratio is |ln((1 + e_a) / (1 + e_b))|. With datasheet peaks alone (no power-limit law,
    /// ChipCalibration::referenceWattsPerTflops = 0) the mean over 106 pairs is 19.9 % and GB200
    /// is over-predicted against GB300 by 15.4 % in the median of 48 pairs; with the law 14.6 %
    /// and 5.7 %, 13.7 % with the DeepSeek-V3 EP overlap of its presets (docs/validation.md,
    /// "Revision of 2026-11-23 (fifth round)"). GPT-OSS is left out (its published
    /// figures contradict each other across systems, docs/validation.md "MoE tier").
    void sameReleaseSystemRatios()
    {
        // The law itself: TDP / BF16 peak over the class reference, only where the class has one.
        ChipSpec gb300;
        gb300.denseTflops[static_cast<std::size_t>(Precision::Bf16)] = 2500.0;
        gb300.tdpW = 1400.0;
        const ChipCalibration blackwell = defaultCalibration(ArchitectureClass::NvidiaBlackwell);
        QVERIFY(qFuzzyCompare(tensorThroughputFactor(blackwell, gb300), (1400.0 / 2500.0) / blackwell.referenceWattsPerTflops));
        QCOMPARE(tensorThroughputFactor(defaultCalibration(ArchitectureClass::NvidiaHopper), gb300), 1.0);
        gb300.tdpW = 0.0; // unknown TDP: datasheet peak as before
        QCOMPARE(tensorThroughputFactor(blackwell, gb300), 1.0);

        const std::vector<CalibrationCase> cases = loadCalibrationCases(dataDir(), true);
        std::map<std::string, std::map<std::string, double>> groups; // group -> chip -> error
        for (const CalibrationCase &c : cases) {
            if (!c.excludedReason.empty() || c.releaseGroup.empty() || c.approximateArchitecture)
                continue;
            if (c.chipKey != "b200" && c.chipKey != "b300" && c.chipKey != "gb200" && c.chipKey != "gb300")
                continue;
            groups[c.releaseGroup][c.chipKey] = evaluateCase(c).relativeError;
        }
        std::vector<double> all;
        std::vector<double> gb200VsGb300; // signed: > 0 when GB200 is over-predicted against GB300
        for (const auto &[group, byChip] : groups) {
            for (auto a = byChip.begin(); a != byChip.end(); ++a) {
                for (auto b = std::next(a); b != byChip.end(); ++b) {
                    const double logRatio = std::log((1.0 + a->second) / (1.0 + b->second));
                    all.push_back(std::abs(logRatio));
                    if (a->first == "gb200" && b->first == "gb300")
                        gb200VsGb300.push_back(logRatio);
                }
            }
        }
        double mean = 0.0;
        for (double x : all)
            mean += x / static_cast<double>(all.size());
        const double gbMedian = percentile(gb200VsGb300, 0.5);
        const QByteArray summary = "same-release Blackwell pairs n " + QByteArray::number(int(all.size()))
                                   + " mean |ln ratio error| " + QByteArray::number(100 * mean, 'f', 1)
                                   + " %, median " + QByteArray::number(100 * percentile(all, 0.5), 'f', 1)
                                   + " %; GB200/GB300 n " + QByteArray::number(int(gb200VsGb300.size()))
                                   + " median " + QByteArray::number(100 * (std::exp(gbMedian) - 1.0), 'f', 1) + " %";
        qInfo("%s", summary.constData());
        QVERIFY(all.size() >= 100);
        QVERIFY(gb200VsGb300.size() >= 40);
        QVERIFY2(mean <= 0.145, summary.constData());
        QVERIFY2(std::abs(std::exp(gbMedian) - 1.0) <= 0.07, summary.constData());
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
