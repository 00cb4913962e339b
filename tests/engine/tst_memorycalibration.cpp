// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/engine/calibrationcases.h"
#include "tests/engine/layouttext.h"

#include "model/engine/memoryfit.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace th::engine;
using namespace th::test;

namespace {
std::string dataDir()
{
    return QFileInfo(QFINDTESTDATA("../testdata/calibration/published-runs.json")).absolutePath().toStdString();
}

/// The published layout of a calibration case: parallelism as published, the smallest
/// micro-batch among the stated/possible ones (the run used one of them; if any fits, the
/// smallest does), and the least memory-hungry recompute choice among the published ones.
PerformanceInputs publishedLayout(const CalibrationCase &c)
{
    PerformanceInputs in = c.inputs;
    in.parallelism.microBatch = *std::min_element(c.microBatchChoices.begin(), c.microBatchChoices.end());
    Recompute rc = c.recomputeChoices.front();
    for (Recompute r : c.recomputeChoices)
        rc = std::max(rc, r); // None < Selective < Full in memory saved
    in.parallelism.recompute = rc;
    return in;
}

long long pipelineMicroBatches(const PerformanceInputs &in)
{
    const double seqs = in.globalBatchTokens / in.model.seqLen;
    return static_cast<long long>(seqs / (static_cast<double>(in.parallelism.dp) * in.parallelism.microBatch) + 0.5);
}

/// Memory before the calibration (docs/validation.md "before"): the 2022 estimate.
MemoryBreakdown before(const PerformanceInputs &in)
{
    ModelSpec m = in.model;
    m.dropout = true;
    return memoryPerChip(m, in.parallelism, in.chip.memoryGib, MemoryAssumptions::conservative2022());
}

MemoryBreakdown after(const PerformanceInputs &in)
{
    return memoryPerChip(in.model, in.parallelism, in.chip.memoryGib, effectiveMemoryAssumptions(in),
                         pipelineMicroBatches(in));
}

QByteArray layoutText(const PerformanceInputs &in)
{
    return th::test::layoutText(in.parallelism);
}
} // namespace

/**
 * Every published configuration in the calibration data ran, so it fits its chip. This checks
 * the memory model's global assumptions (memoryfit.h) against all of them
 * (docs/validation.md, "Memory fit of the published layouts"). TH_MEMORY_REPORT=<file> writes
 * the markdown table.
 */
class TestMemoryCalibration : public QObject
{
    Q_OBJECT
private slots:
    void publishedLayoutsFit()
    {
        const std::vector<CalibrationCase> cases = loadCalibrationCases(dataDir());
        QByteArray table = "| # | row | chip (GiB) | layout | before GiB | fits | after GiB | fits | after: weights / grads / optimizer / activations |\n"
                           "|---|---|---|---|---|---|---|---|---|\n";
        int n = 0, fitBefore = 0, fitAfter = 0;
        QByteArray unexpected; // misses other than the three explained in docs/validation.md
        double worstWithoutOffload = 0.0; // largest predicted / capacity among rows that do not offload
        QByteArray misses;
        for (const CalibrationCase &c : cases) {
            if (!c.excludedReason.empty() || c.microBatchChoices.empty() || c.recomputeChoices.empty())
                continue;
            const PerformanceInputs in = publishedLayout(c);
            const MemoryBreakdown b = before(in);
            const MemoryBreakdown a = after(in);
            ++n;
            // Megatron-Bridge Llama 3 70B Megatron-FSDP FP8 recipes offload activations to the CPU
            // (cpu_offloading_num_layers 20 on GB300, 40 on GB200).
            const bool offloads = c.id.find("LLAMA3_70B") != std::string::npos && c.inputs.parallelism.zeroStage == 3
                                  && c.id.find("-FP8-") != std::string::npos;
            if (!offloads)
                worstWithoutOffload = std::max(worstWithoutOffload, a.totalGib() / a.capacityGib);
            fitBefore += b.fits() ? 1 : 0;
            fitAfter += a.fits() ? 1 : 0;
            const bool knownMiss = offloads || c.id.find("LLAMA3.1_405B-DGX-GB200-256-FP8-") != std::string::npos;
            if (!a.fits() && !knownMiss)
                unexpected += QByteArray(" ") + c.id.c_str();
            if (!a.fits())
                misses += QByteArray(" ") + c.id.c_str() + " (" + QByteArray::number(a.totalGib(), 'f', 1) + "/"
                          + QByteArray::number(a.capacityGib, 'f', 0) + ")";
            table += "| " + QByteArray::number(n) + " | " + c.id.c_str() + " | " + c.chipKey.c_str() + " ("
                     + QByteArray::number(in.chip.memoryGib, 'f', 0) + ") | " + layoutText(in) + " | "
                     + QByteArray::number(b.totalGib(), 'f', 1) + " | " + (b.fits() ? "yes" : "**no**") + " | "
                     + QByteArray::number(a.totalGib(), 'f', 1) + " | " + (a.fits() ? "yes" : "**no**") + " | "
                     + QByteArray::number(a.weightsGib, 'f', 1) + " / " + QByteArray::number(a.gradientsGib, 'f', 1)
                     + " / " + QByteArray::number(a.optimizerGib, 'f', 1) + " / "
                     + QByteArray::number(a.activationsGib, 'f', 1) + " |\n";
        }
        const QByteArray summary = "published layouts " + QByteArray::number(n) + ": fit before "
                                   + QByteArray::number(fitBefore) + ", after " + QByteArray::number(fitAfter)
                                   + "; not fitting after:" + misses;
        qInfo("%s", summary.constData());
        if (const char *path = std::getenv("TH_MEMORY_REPORT")) {
            QFile f(QString::fromLocal8Bit(path));
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(summary + "\n\n" + table);
        }
        QVERIFY(n >= 250);
        // At least 98 % of the published layouts fit (265 of 270). The known exceptions
        // (docs/validation.md): the two Llama 3 70B Megatron-FSDP FP8 rows on GB200/GB300
        // offload activations of 40/20 layers to the CPU (Megatron-Bridge
        // scripts/performance/configs/llama/llama3_workload_base_configs.py,
        // cpu_offloading_num_layers), which the engine does not model; Llama 3.1 405B FP8 on
        // GB200 (TP 4, PP 16, VP 4) is 4 % over (the 10 % fragmentation margin is a margin).
        QVERIFY2(fitAfter >= 0.98 * n, summary.constData());
        QVERIFY2(fitAfter > fitBefore, summary.constData());
        QVERIFY2(unexpected.isEmpty(), ("unexpected misses:" + unexpected).constData());
        // Every row without activation offloading is within 5 % of its capacity.
        QVERIFY2(worstWithoutOffload <= 1.05, QByteArray::number(worstWithoutOffload).constData());
    }
};

QTEST_GUILESS_MAIN(TestMemoryCalibration)
#include "tst_memorycalibration.moc"
