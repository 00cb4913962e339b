// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/frameworkprofiles.h"
#include "model/engine/parallelismsearch.h"
#include "tests/engine/enginefixtures.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

using namespace th::engine;
using namespace th::test;

namespace {
bool countsAddUp(const SearchResult &r)
{
    return r.combinations == r.feasible + r.rejectedTotal() + r.pruned && r.evaluated <= r.combinations
           && r.rejected[static_cast<std::size_t>(Infeasible::None)] == 0;
}
} // namespace

class TestParallelismSearch : public QObject
{
    Q_OBJECT
private slots:
    void gpt3On1024H100FindsKnownGoodLayout()
    {
        const PerformanceInputs in = gpt3On1024H100();
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 20);
        QVERIFY(countsAddUp(r));
        QVERIFY(!r.best.empty());
        const SearchCandidate &best = r.best.front();
        QCOMPARE(best.estimate.infeasible, Infeasible::None);
        QVERIFY(best.estimate.memory.fits());
        // The winner splits the 175B model over the scale-up domain and the pipeline, as
        // Megatron's published layouts do (Narayanan et al. 2021: tp 8, pp 8-16).
        QVERIFY(best.parallelism.tp * best.parallelism.cp >= 4);
        QVERIFY(best.parallelism.pp >= 4);
        QVERIFY(best.estimate.mfu > 0.3 && best.estimate.mfu < 0.7);
        // A tp 8 / pp >= 4 layout (the classical choice) is within 10 % of the best.
        PinnedParallelism classic;
        classic.tp = 8;
        const SearchResult tp8 = searchParallelism(in, classic, 5);
        QVERIFY(!tp8.best.empty());
        QVERIFY(tp8.best.front().parallelism.pp >= 4);
        QVERIFY(tp8.best.front().estimate.stepTimeSeconds <= 1.10 * best.estimate.stepTimeSeconds);
        // Sorted, fastest first.
        for (std::size_t i = 1; i < r.best.size(); ++i)
            QVERIFY(r.best[i - 1].estimate.stepTimeSeconds <= r.best[i].estimate.stepTimeSeconds);
    }

    void pinnedFieldsRespected()
    {
        const PerformanceInputs in = gpt3On1024H100();
        PinnedParallelism pin;
        pin.tp = 8;
        pin.pp = 16;
        pin.recompute = Recompute::Full;
        pin.zeroStage = 1;
        pin.microBatch = 1;
        const SearchResult r = searchParallelism(in, pin, 10);
        QVERIFY(countsAddUp(r));
        QVERIFY(!r.best.empty());
        for (const SearchCandidate &c : r.best) {
            QCOMPARE(c.parallelism.tp, 8);
            QCOMPARE(c.parallelism.pp, 16);
            QCOMPARE(c.parallelism.recompute, Recompute::Full);
            QCOMPARE(c.parallelism.zeroStage, 1);
            QCOMPARE(c.parallelism.microBatch, 1);
            QCOMPARE(c.parallelism.chips(), in.chipCount);
        }
    }

    void pinnedIllegalValueIsRejectedWithReason()
    {
        PinnedParallelism pin;
        pin.tp = 16; // larger than the 8-GPU scale-up domain
        const SearchResult r = searchParallelism(gpt3On1024H100(), pin, 5);
        QVERIFY(r.best.empty());
        QVERIFY(countsAddUp(r));
        QVERIFY(r.rejected[static_cast<std::size_t>(Infeasible::TpExceedsScaleUpDomain)] > 0);
    }

    void modelThatFitsNowhere()
    {
        // A 1T model on 8 chips of 16 GiB: nothing fits.
        PerformanceInputs in = gpt3On1024H100();
        in.model = megatron1T();
        in.chip.memoryGib = 16;
        in.chipCount = 8;
        in.globalBatchTokens = 64.0 * 2048;
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 5);
        QVERIFY(r.best.empty());
        QCOMPARE(r.feasible, 0LL);
        QVERIFY(r.rejected[static_cast<std::size_t>(Infeasible::OutOfMemory)] > 0);
        QVERIFY(countsAddUp(r));
    }

    void pruningKeepsTheBest()
    {
        // With topK larger than the feasible set nothing is pruned: the exhaustive best must
        // equal the pruned search's best.
        PerformanceInputs in = gpt3On1024H100();
        in.chipCount = 64;
        in.globalBatchTokens = 256.0 * 2048;
        const SearchResult pruned = searchParallelism(in, PinnedParallelism{}, 1);
        const SearchResult full = searchParallelism(in, PinnedParallelism{}, 1'000'000);
        QVERIFY(countsAddUp(pruned) && countsAddUp(full));
        QCOMPARE(full.pruned, 0LL);
        QVERIFY(pruned.evaluated <= full.evaluated);
        QVERIFY(!pruned.best.empty());
        TH_FUZZY_COMPARE(pruned.best.front().estimate.stepTimeSeconds, full.best.front().estimate.stepTimeSeconds, 1e-12);
        QCOMPARE(pruned.best.front().parallelism, full.best.front().parallelism);
    }

    void searchOffersOnlyWhatTheFrameworkHas()
    {
        // The 2021 Megatron-LM profile has no selective recompute, no sequence parallelism, no
        // distributed optimizer and no context parallelism, and its interleaved schedule needs
        // the micro-batches per step to be a multiple of pp. Exhaustive (topK huge, nothing
        // pruned): no candidate may use what the profile lacks.
        PerformanceInputs in = gpt3On1024H100();
        in.chipCount = 64;
        in.globalBatchTokens = 256.0 * 2048;
        in.framework = megatron2021Framework();
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 1'000'000);
        QVERIFY(countsAddUp(r));
        QVERIFY(r.best.size() > 10);
        for (const SearchCandidate &c : r.best) {
            const Parallelism &p = c.parallelism;
            QVERIFY(p.recompute != Recompute::Selective);
            QVERIFY(!p.sequenceParallel);
            QCOMPARE(p.zeroStage, 0);
            QCOMPARE(p.cp, 1);
            if (p.interleave > 1)
                QCOMPARE((256 / (p.dp * p.microBatch)) % p.pp, 0);
        }
        // A pinned selective recompute (Korthikanti et al. 2022 runs) is still evaluated.
        PinnedParallelism pinned;
        pinned.recompute = Recompute::Selective;
        pinned.zeroStage = 1;
        in.framework.enforceMemoryFit = false; // without SP it does not fit 64 H100 at all
        const SearchResult sel = searchParallelism(in, pinned, 1);
        QVERIFY(!sel.best.empty());
        QCOMPARE(sel.best.front().parallelism.recompute, Recompute::Selective);
        QCOMPARE(sel.best.front().parallelism.zeroStage, 1);
        // The modern profile offers all of them.
        in.framework = modernFramework();
        QVERIFY(in.framework.enforceMemoryFit);
        const SearchResult modern = searchParallelism(in, PinnedParallelism{}, 1'000'000);
        bool selective = false, zero = false, sp = false;
        for (const SearchCandidate &c : modern.best) {
            selective |= c.parallelism.recompute == Recompute::Selective;
            zero |= c.parallelism.zeroStage > 0;
            sp |= c.parallelism.sequenceParallel;
        }
        QVERIFY(selective && zero && sp);
    }

    void moeSearchUsesExpertParallel()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.chip = gb200();
        in.calibration = defaultCalibration(ArchitectureClass::NvidiaBlackwell);
        in.scaleUpSize = 72;
        in.chipCount = 256;
        in.globalBatchTokens = 4096.0 * 4096;
        in.precision = Precision::Fp8;
        PinnedParallelism pin;
        pin.tp = 1;
        pin.cp = 1;
        const SearchResult r = searchParallelism(in, pin, 5);
        QVERIFY(countsAddUp(r));
        QVERIFY(!r.best.empty());
        QVERIFY(r.best.front().parallelism.ep > 1); // 671B of experts cannot be replicated
    }

    void moeSearchOffersExpertTpOne()
    {
        // tp 8, pp 8, dp 16 on 1,024 H100 with ep 32 pinned: ep 32 does not divide dp 16, so only
        // the folded layout (etp 1: 1 x 32 divides tp 8 x dp 16) is legal; the search offers
        // etp in {tp, 1} and must find it.
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.globalBatchTokens = 1536.0 * 4096;
        in.framework.enforceMemoryFit = false;
        PinnedParallelism pin;
        pin.tp = 8;
        pin.pp = 8;
        pin.cp = 1;
        pin.ep = 32;
        pin.interleave = 1;
        const SearchResult r = searchParallelism(in, pin, 1'000'000);
        QVERIFY(countsAddUp(r));
        QVERIFY(!r.best.empty());
        for (const SearchCandidate &c : r.best) {
            QCOMPARE(c.parallelism.expertTp(), 1);
            QVERIFY(c.parallelism.sequenceParallel);
        }
        QVERIFY(r.rejected[static_cast<std::size_t>(Infeasible::EpDoesNotDivideDataParallel)] > 0);
        // A pinned etp is honoured: etp = tp leaves nothing feasible.
        pin.etp = 8;
        const SearchResult tied = searchParallelism(in, pin, 5);
        QVERIFY(countsAddUp(tied));
        QVERIFY(tied.best.empty());
        // Without sequence parallelism in the framework etp 1 is not offered (Megatron-Core
        // needs SP with TP and EP).
        pin.etp.reset();
        in.framework.sequenceParallel = false;
        QVERIFY(searchParallelism(in, pin, 5).best.empty());
    }

    void invalidInputsReportOnce()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.model.layers = 0;
        const SearchResult r = searchParallelism(in, PinnedParallelism{}, 5);
        QVERIFY(r.best.empty());
        QCOMPARE(r.rejected[static_cast<std::size_t>(Infeasible::NoArchitecture)], 1LL);
        QVERIFY(countsAddUp(r));
    }
};

QTEST_GUILESS_MAIN(TestParallelismSearch)
#include "tst_parallelismsearch.moc"
