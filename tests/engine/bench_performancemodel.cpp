// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/parallelismsearch.h"
#include "model/engine/performancemodel.h"
#include "tests/engine/enginefixtures.h"

#include <QElapsedTimer>
#include <QTest>

using namespace th::engine;
using namespace th::test;

/// Speed of the performance model (issue 4 targets: >= 1e6 estimateStep() per second per core,
/// complete searches under one second). Numbers are recorded in docs/performance.md.
class BenchPerformanceModel : public QObject
{
    Q_OBJECT
private slots:
    void estimateStepRate()
    {
        PerformanceInputs in = gpt3On1024H100();
        const int n = 2'000'000;
        double sink = 0.0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i) {
            in.parallelism.microBatch = 1 + (i & 1); // defeat hoisting
            sink += estimateStep(in).stepTimeSeconds;
        }
        const double seconds = timer.nsecsElapsed() * 1e-9;
        qInfo("estimateStep: %.0f evaluations/s (%.1f ns each, checksum %.3g)", n / seconds, 1e9 * seconds / n, sink);
        QVERIFY(sink > 0.0);
    }
    void estimateStepMoe()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.chip = gb200();
        in.scaleUpSize = 72;
        in.chipCount = 1024;
        in.parallelism = Parallelism{};
        in.parallelism.pp = 8;
        in.parallelism.dp = 128;
        in.parallelism.ep = 64;
        in.globalBatchTokens = 8192.0 * 4096;
        in.precision = Precision::Fp8;
        in.framework.enforceMemoryFit = false;
        QBENCHMARK {
            QVERIFY(estimateStep(in).stepTimeSeconds > 0.0);
        }
    }
    void searchGpt3On1024H100()
    {
        const PerformanceInputs in = gpt3On1024H100();
        SearchResult r;
        QElapsedTimer timer;
        timer.start();
        r = searchParallelism(in, PinnedParallelism{}, 10);
        const double seconds = timer.nsecsElapsed() * 1e-9;
        qInfo("GPT-3 175B / 1024 H100: %.3f s, %lld combinations, %lld evaluated, %lld feasible, %lld pruned; best tp %d cp %d pp %d dp %d v %d mb %d step %.2f s MFU %.3f",
              seconds, r.combinations, r.evaluated, r.feasible, r.pruned, r.best.front().parallelism.tp, r.best.front().parallelism.cp,
              r.best.front().parallelism.pp, r.best.front().parallelism.dp, r.best.front().parallelism.interleave,
              r.best.front().parallelism.microBatch, r.best.front().estimate.stepTimeSeconds, r.best.front().estimate.mfu);
        QVERIFY(!r.best.empty());
        QVERIFY(seconds < 1.0);
    }
    void search1TOn16384Chips()
    {
        const PerformanceInputs in = oneTrillionOn16kChips();
        QElapsedTimer timer;
        timer.start();
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 10);
        const double seconds = timer.nsecsElapsed() * 1e-9;
        qInfo("1T / 16384 GB200: %.3f s, %lld combinations, %lld evaluated, %lld feasible, %lld pruned; best tp %d cp %d pp %d dp %d v %d mb %d step %.2f s MFU %.3f",
              seconds, r.combinations, r.evaluated, r.feasible, r.pruned, r.best.front().parallelism.tp, r.best.front().parallelism.cp,
              r.best.front().parallelism.pp, r.best.front().parallelism.dp, r.best.front().parallelism.interleave,
              r.best.front().parallelism.microBatch, r.best.front().estimate.stepTimeSeconds, r.best.front().estimate.mfu);
        QVERIFY(!r.best.empty());
        QVERIFY(seconds < 1.0);
    }
    void search1TOn16384H100()
    {
        PerformanceInputs in = oneTrillionOn16kChips();
        in.chip = h100Sxm();
        in.calibration = defaultCalibration(ArchitectureClass::NvidiaHopper);
        in.scaleUpSize = 8;
        QElapsedTimer timer;
        timer.start();
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 10);
        const double seconds = timer.nsecsElapsed() * 1e-9;
        QVERIFY(!r.best.empty());
        qInfo("1T / 16384 H100: %.3f s, %lld combinations, %lld evaluated, %lld feasible, %lld pruned; best tp %d cp %d pp %d dp %d v %d mb %d step %.2f s MFU %.3f",
              seconds, r.combinations, r.evaluated, r.feasible, r.pruned, r.best.front().parallelism.tp, r.best.front().parallelism.cp,
              r.best.front().parallelism.pp, r.best.front().parallelism.dp, r.best.front().parallelism.interleave,
              r.best.front().parallelism.microBatch, r.best.front().estimate.stepTimeSeconds, r.best.front().estimate.mfu);
        QVERIFY(seconds < 1.0);
    }
    void searchMoeOn1024()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.chip = gb200();
        in.calibration = defaultCalibration(ArchitectureClass::NvidiaBlackwell);
        in.scaleUpSize = 72;
        in.globalBatchTokens = 8192.0 * 4096;
        in.precision = Precision::Fp8;
        QElapsedTimer timer;
        timer.start();
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 10);
        const double seconds = timer.nsecsElapsed() * 1e-9;
        qInfo("DeepSeek-V3-like / 1024 GB200 fp8: %.3f s, %lld combinations, %lld evaluated, %lld feasible", seconds,
              r.combinations, r.evaluated, r.feasible);
        QVERIFY(seconds < 5.0);
    }
};

QTEST_GUILESS_MAIN(BenchPerformanceModel)
#include "bench_performancemodel.moc"
