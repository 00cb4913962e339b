// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/chipcalibration.h"
#include "model/engine/collectives.h"
#include "model/engine/performancemodel.h"
#include "model/engine/trainingflops.h"
#include "tests/engine/enginefixtures.h"
#include "tests/support/fuzzycompare.h"
#include "tests/support/testpaths.h"

#include <cmath>
#include <QFile>

#include <QTest>

using namespace th::engine;
using namespace th::test;

Q_DECLARE_METATYPE(th::engine::Infeasible)
Q_DECLARE_METATYPE(th::engine::ArchitectureClass)

namespace {
/// GPT-3 on 64 H100 (one pipeline of tp 8, pp 8) with ideal HBM so that only GEMMs, attention,
/// communication and the bubble remain: used for exact formula checks.
PerformanceInputs formulaCase()
{
    PerformanceInputs in = gpt3On1024H100();
    in.chipCount = 64;
    in.parallelism.dp = 1;
    in.parallelism.interleave = 1;
    in.globalBatchTokens = 64.0 * 2048;
    in.chip.memoryBandwidthTbps = 1e9; // memory-bound work ~ 0
    in.framework.enforceMemoryFit = false;
    return in;
}
} // namespace

class TestPerformanceModel : public QObject
{
    Q_OBJECT
private slots:
    // ---- chip calibration -------------------------------------------------------------------
    void parseCurve()
    {
        const auto c = parseMatmulCurve("1e11:0.95;1.6e10:0.9;1e9:0.6;0:0.1");
        QVERIFY(c.has_value());
        QCOMPARE(c->count, 4);
        QCOMPARE(c->points[0].flop, 0.0);
        QCOMPARE(c->points[3].flop, 1e11);
        TH_FUZZY_COMPARE(c->efficiencyAt(1e11), 0.95, 1e-12);
        TH_FUZZY_COMPARE(c->efficiencyAt(1e13), 0.95, 1e-12);  // flat above the last point
        TH_FUZZY_COMPARE(c->efficiencyAt(1e9), 0.6, 1e-12);
        TH_FUZZY_COMPARE(c->efficiencyAt(5e8), 0.35, 1e-12);   // linear on the segment from 0
        TH_FUZZY_COMPARE(c->efficiencyAt(4e9), 0.75, 1e-12);   // log-midpoint of 1e9 and 1.6e10
        const auto unordered = parseMatmulCurve(" 0:0.1 ; 1e11:0.95 ;1e9:0.6");
        QVERIFY(unordered.has_value());
        TH_FUZZY_COMPARE(unordered->efficiencyAt(1e10), 0.6 + 0.35 * 0.5, 1e-12);
    }
    void parseCurveRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("abc");
        QTest::newRow("efficiency-above-1") << QStringLiteral("1e9:1.5");
        QTest::newRow("negative-flop") << QStringLiteral("-1:0.5");
        QTest::newRow("duplicate") << QStringLiteral("1e9:0.5;1e9:0.6");
        QTest::newRow("missing-colon") << QStringLiteral("1e9 0.5");
        QTest::newRow("too-many") << QStringLiteral("1:0.1;2:0.1;3:0.1;4:0.1;5:0.1;6:0.1;7:0.1;8:0.1;9:0.1");
    }
    void parseCurveRejects()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();
        QVERIFY(!parseMatmulCurve(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))).has_value());
    }
    void architectureClasses_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<ArchitectureClass>("expected");
        QTest::newRow("ampere") << QStringLiteral("Ampere") << ArchitectureClass::NvidiaAmpere;
        QTest::newRow("hopper") << QStringLiteral("Hopper") << ArchitectureClass::NvidiaHopper;
        QTest::newRow("blackwell") << QStringLiteral("Blackwell") << ArchitectureClass::NvidiaBlackwell;
        QTest::newRow("blackwell-ultra") << QStringLiteral("Blackwell Ultra") << ArchitectureClass::NvidiaBlackwell;
        QTest::newRow("cdna2") << QStringLiteral("CDNA2") << ArchitectureClass::AmdCdna;
        QTest::newRow("cdna3") << QStringLiteral("CDNA3") << ArchitectureClass::AmdCdna;
        QTest::newRow("cdna4") << QStringLiteral("CDNA4") << ArchitectureClass::AmdCdna;
        QTest::newRow("tpu") << QStringLiteral("TPU v5p") << ArchitectureClass::GoogleTpu;
        QTest::newRow("gaudi") << QStringLiteral("Gaudi 3") << ArchitectureClass::IntelGaudi;
        QTest::newRow("davinci") << QStringLiteral("Da Vinci") << ArchitectureClass::HuaweiAscend;
        QTest::newRow("other") << QStringLiteral("MLU-Arch") << ArchitectureClass::OtherDomestic;
        QTest::newRow("empty") << QString() << ArchitectureClass::OtherDomestic;
    }
    void architectureClasses()
    {
        QFETCH(QString, key);
        QFETCH(ArchitectureClass, expected);
        const QByteArray utf8 = key.toUtf8();
        QCOMPARE(architectureClassFromKey(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))), expected);
    }
    void defaultsArePlausible()
    {
        for (int i = 0; i < kArchitectureClassCount; ++i) {
            const ChipCalibration c = defaultCalibration(static_cast<ArchitectureClass>(i));
            QVERIFY(!c.measured);
            QVERIFY(c.matmul.count >= 2);
            QVERIFY(c.matmul.efficiencyAt(1e12) > 0.3 && c.matmul.efficiencyAt(1e12) <= 1.0);
            QVERIFY(c.matmul.efficiencyAt(1e8) < c.matmul.efficiencyAt(1e12));
            QVERIFY(c.hbmEfficiency > 0.0 && c.hbmEfficiency <= 1.0);
            QVERIFY(c.scaleUpEfficiency > 0.0 && c.scaleUpEfficiency <= 1.0);
            QVERIFY(c.scaleOutEfficiency > 0.0 && c.scaleOutEfficiency <= 1.0);
        }
        // Better-understood stacks are not assumed worse than less mature ones.
        QVERIFY(defaultCalibration(ArchitectureClass::NvidiaHopper).matmul.efficiencyAt(1e12)
                > defaultCalibration(ArchitectureClass::OtherDomestic).matmul.efficiencyAt(1e12));
    }

    void classDefaultsFromMicrobenchmarks()
    {
        // NVIDIA plateaus are fits on training runs and must not move (tst_calibration).
        QCOMPARE(defaultCalibration(ArchitectureClass::NvidiaAmpere).matmul.efficiencyAt(1e12), 0.78);
        QCOMPARE(defaultCalibration(ArchitectureClass::NvidiaHopper).matmul.efficiencyAt(1e12), 0.64);
        QCOMPARE(defaultCalibration(ArchitectureClass::NvidiaBlackwell).matmul.efficiencyAt(1e12), 0.75);
        // The MAMF -> training transfer ratio is the mean over those fits of plateau / MAMF
        // (MAMF A100 0.869, H100 0.803, B200 0.776): (0.898 + 0.797 + 0.966) / 3 = 0.887.
        const double ratio = (defaultCalibration(ArchitectureClass::NvidiaAmpere).matmul.efficiencyAt(1e12) / 0.869
                              + defaultCalibration(ArchitectureClass::NvidiaHopper).matmul.efficiencyAt(1e12) / 0.803
                              + defaultCalibration(ArchitectureClass::NvidiaBlackwell).matmul.efficiencyAt(1e12) / 0.776)
                             / 3.0;
        QVERIFY2(std::abs(ratio - kMamfToTrainingPlateau) < 0.005, QByteArray::number(ratio).constData());
        // CDNA: median of MI300X 0.557, MI325X 0.604, MI355X 0.622 (of the catalog peak) x 0.89
        // = 0.604 x 0.89 = 0.538 -> 0.54.
        QCOMPARE(defaultCalibration(ArchitectureClass::AmdCdna).matmul.efficiencyAt(1e12), 0.54);
        QVERIFY(std::abs(0.604 * kMamfToTrainingPlateau - 0.54) < 0.005);
        QCOMPARE(defaultCalibration(ArchitectureClass::AmdCdna).hbmEfficiency, 0.73);
        // CDNA fp8 factor = fp8 / bf16 MAF efficiency; fp8 peak = 2 x bf16 peak, so it is
        // fp8 MAF / (2 x bf16 MAF): MI325X 1,408.06 / (2 x 831.40) = 0.847 -> 0.85.
        QCOMPARE(defaultCalibration(ArchitectureClass::AmdCdna).lowPrecisionMatmulFactor, 0.85);
        QVERIFY(std::abs(1408.06 / (2.0 * 831.40) - 0.85) < 0.005);
        // The ratio transfers to training without correction: fitted factor / MAMF fp8-bf16 ratio
        // is H100 0.95 / (0.709 / 0.803) = 1.076 and B200 0.90 / (0.763 / 0.776) = 0.915, mean 1.0.
        const double fp8Transfer = (defaultCalibration(ArchitectureClass::NvidiaHopper).lowPrecisionMatmulFactor / (0.709 / 0.803)
                                    + defaultCalibration(ArchitectureClass::NvidiaBlackwell).lowPrecisionMatmulFactor / (0.763 / 0.776))
                                   / 2.0;
        QVERIFY2(std::abs(fp8Transfer - 1.0) < 0.01, QByteArray::number(fp8Transfer).constData());
        // TPU: device-time GEMM 0.90 x 0.89 = 0.801 -> 0.80.
        QCOMPARE(defaultCalibration(ArchitectureClass::GoogleTpu).matmul.efficiencyAt(1e12), 0.80);
        QVERIFY(std::abs(0.90 * kMamfToTrainingPlateau - 0.80) < 0.005);
        // Gaudi: Gaudi 3 MAMF 1243 / 1835 = 0.677, x 0.89 = 0.603 -> 0.60; fp8 runs at the bf16
        // efficiency (0.98); HCCL all-reduce bus bandwidth 513 of 525 GB/s -> 0.95.
        const ChipCalibration gaudi = defaultCalibration(ArchitectureClass::IntelGaudi);
        QCOMPARE(gaudi.matmul.efficiencyAt(1e12), 0.60);
        QVERIFY(std::abs(1243.0 / 1835.0 * kMamfToTrainingPlateau - 0.60) < 0.005);
        QCOMPARE(gaudi.lowPrecisionMatmulFactor, 0.98);
        QCOMPARE(gaudi.scaleUpEfficiency, 0.95);
        // Gaudi busBW: all-reduce 256 MiB 512.96 and all-gather 16 MiB 509.19 of 525 GB/s (0.977, 0.970).
        QVERIFY(512.96 / 525.0 >= gaudi.scaleUpEfficiency && 509.19 / 525.0 >= gaudi.scaleUpEfficiency);
        // CDNA scale-up: RCCL all-reduce busBW on 8 x MI300X, 256 MiB, 305.62 of 448 GB/s = 0.682;
        // hop latency: small-message all-reduce ~13.2 us over the engine's 2 log2 8 = 6 tree hops.
        const ChipCalibration cdna = defaultCalibration(ArchitectureClass::AmdCdna);
        QCOMPARE(cdna.scaleUpEfficiency, 0.68);
        QVERIFY(std::abs(305.62 / (7.0 * 64.0) - 0.68) < 0.005);
        QCOMPARE(cdna.scaleUpLatencySeconds, 2.2e-6);
        QVERIFY(std::abs(13.2e-6 / (2.0 * std::log2(8.0)) - cdna.scaleUpLatencySeconds) < 0.05e-6);
        // Ascend scale-up: 8 x 910B torch.distributed algorithm bandwidth all_reduce 72, all_gather
        // 149 GB/s as bus bandwidth (x 2*7/8, x 7/8) of 196 GB/s per direction: 0.643, 0.665 -> 0.65.
        const double ascendBusBw = (72.0 * 2.0 * 7.0 / 8.0 + 149.0 * 7.0 / 8.0) / 2.0 / 196.0;
        QCOMPARE(defaultCalibration(ArchitectureClass::HuaweiAscend).scaleUpEfficiency, 0.65);
        QVERIFY2(std::abs(ascendBusBw - 0.65) < 0.005, QByteArray::number(ascendBusBw).constData());
        // The same tool on 8 x A800 (200 GB/s per direction): 89 and 173 GB/s -> 0.779 and 0.757,
        // within 5 % of the NVIDIA Ampere 0.80, so its conversion to bus bandwidth holds.
        const double a800BusBw = (89.0 * 2.0 * 7.0 / 8.0 + 173.0 * 7.0 / 8.0) / 2.0 / 200.0;
        QVERIFY(std::abs(a800BusBw / defaultCalibration(ArchitectureClass::NvidiaAmpere).scaleUpEfficiency - 1.0) < 0.05);
        // Ascend: 910B2C MAMF 322.5 / 376 = 0.858, x 0.89 = 0.763 -> 0.76; within 0.02 of the
        // AIBench cube-unit figure 216 / 256 x 0.89 = 0.751.
        QCOMPARE(defaultCalibration(ArchitectureClass::HuaweiAscend).matmul.efficiencyAt(1e12), 0.76);
        QVERIFY(std::abs(322.5 / 376.0 * kMamfToTrainingPlateau - 0.76) < 0.005);
        QVERIFY(std::abs(216.0 / 256.0 * kMamfToTrainingPlateau - 0.76) < 0.02);
    }

    void microbenchmarkSourceIsRecognised_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("microbenchmark");
        QTest::newRow("prefix") << QStringLiteral("microbenchmarks: MAMF ...") << true;
        QTest::newRow("case-and-blanks") << QStringLiteral("  Microbenchmarks (HBM copy)") << true;
        QTest::newRow("fit") << QStringLiteral("fit on 81 H100 rows") << false;
        QTest::newRow("mention-later") << QStringLiteral("A100 fit; microbenchmarks agree") << false;
        QTest::newRow("short") << QStringLiteral("micro") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void microbenchmarkSourceIsRecognised()
    {
        QFETCH(QString, source);
        QFETCH(bool, microbenchmark);
        const QByteArray utf8 = source.toUtf8();
        QCOMPARE(calibrationSourceIsMicrobenchmark(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))),
                 microbenchmark);
    }

    void shippedCalibrationCsvParses()
    {
        // data/catalog/chip-calibration.csv: every matmul_curve must parse (the catalog loads it).
        QFile f(sourcePath(QStringLiteral("data/catalog/chip-calibration.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() > 8);
        QVERIFY(lines.front().startsWith("chip_id,matmul_curve,hbm_efficiency"));
        int rows = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty())
                continue;
            const QList<QByteArray> cells = lines[i].split(',');
            QVERIFY(cells.size() >= 9);
            const auto curve = parseMatmulCurve(std::string_view(cells[1].constData(), static_cast<std::size_t>(cells[1].size())));
            QVERIFY2(curve.has_value(), cells[0].constData());
            // Lowest shipped plateau: MI300X 0.50 (MAMF 0.557 x 0.89).
            QVERIFY(curve->efficiencyAt(1e12) >= 0.45);
            ++rows;
        }
        QVERIFY(rows >= 7);
    }

    // ---- step model -------------------------------------------------------------------------
    void breakdownSumsToStep()
    {
        const StepEstimate e = estimateStep(gpt3On1024H100());
        QCOMPARE(e.infeasible, Infeasible::None);
        TH_FUZZY_COMPARE(e.breakdown.totalSeconds(), e.stepTimeSeconds, 1e-12);
        QCOMPARE(e.microBatchesPerStep, 1536 / 16);
        QVERIFY(e.mfu > 0.2 && e.mfu < 0.75);
        // MFU definitions (DOMAIN.md): 6 N tokens/s / cluster peak; model-FLOP and hardware-FLOP
        // variants from trainingflops.h.
        const double peak = 1024 * 989.4e12;
        TH_FUZZY_COMPARE(e.mfu, 6.0 * 175e9 * e.tokensPerSecond / peak, 1e-12);
        TH_FUZZY_COMPARE(e.mfuModelFlops, modelFlopsPerToken(gpt3_175b()) * e.tokensPerSecond / peak, 1e-12);
        TH_FUZZY_COMPARE(e.hfu, hardwareFlopsPerToken(gpt3_175b(), Recompute::Selective) * e.tokensPerSecond / peak, 1e-12);
        // The pruning bound is below the estimate, also at very long sequences where causal
        // FlashAttention is cheaper than its FLOP count suggests.
        PerformanceInputs in = gpt3On1024H100();
        QVERIFY(stepTimeLowerBoundSeconds(in) > 0.0);
        QVERIFY(stepTimeLowerBoundSeconds(in) < e.stepTimeSeconds);
        in.model.seqLen = 131072;
        in.globalBatchTokens = 16.0 * 131072;
        in.parallelism.dp = 2;
        in.parallelism.cp = 8;
        in.framework.enforceMemoryFit = false;
        const StepEstimate longSeq = estimateStep(in);
        QCOMPARE(longSeq.infeasible, Infeasible::None);
        QVERIFY(stepTimeLowerBoundSeconds(in) < longSeq.stepTimeSeconds);
    }

    void bubbleFraction_data()
    {
        QTest::addColumn<int>("pp");
        QTest::addColumn<int>("interleave");
        QTest::addColumn<int>("sequences");
        QTest::newRow("1f1b-p8-m64") << 8 << 1 << 64;
        QTest::newRow("1f1b-p8-m8") << 8 << 1 << 8;
        QTest::newRow("interleaved-p8-v3-m64") << 8 << 3 << 64;
        QTest::newRow("1f1b-p4-m32") << 4 << 1 << 32;
    }
    void bubbleFraction()
    {
        // Narayanan et al. 2021 §2.2: bubble = (p - 1) / (m v) of the ideal (no-bubble) time.
        QFETCH(int, pp);
        QFETCH(int, interleave);
        QFETCH(int, sequences);
        PerformanceInputs in = formulaCase();
        in.parallelism.tp = 8;
        in.parallelism.pp = pp;
        in.chipCount = 8LL * pp;
        in.parallelism.interleave = interleave;
        in.globalBatchTokens = sequences * 2048.0;
        const StepEstimate e = estimateStep(in);
        QCOMPARE(e.infeasible, Infeasible::None);
        const StepBreakdown &b = e.breakdown;
        const double ideal = b.computeSeconds + b.tpCommSeconds + b.otherSeconds + b.epCommSeconds + b.cpCommSeconds
                             + (b.memoryBoundSeconds - 0.0);
        // memory-bound work is ~0 with the huge HBM bandwidth; the optimizer term likewise.
        QVERIFY(b.memoryBoundSeconds < 1e-6 * e.stepTimeSeconds);
        TH_FUZZY_COMPARE(b.ppBubbleSeconds / ideal, double(pp - 1) / (double(sequences) * interleave), 1e-6);
    }

    void tensorParallelCommHandComputed()
    {
        // Sequence parallelism: 4 all-gather/reduce-scatter of b s h bf16 per layer forward, the
        // same backward (Korthikanti et al. 2022 §4.2.2), no overlap configured.
        PerformanceInputs in = formulaCase();
        in.parallelism.pp = 1;
        in.parallelism.tp = 8;
        in.chipCount = 8;
        in.globalBatchTokens = 2.0 * 2048;
        in.parallelism.microBatch = 1;
        in.parallelism.recompute = Recompute::Selective;
        in.framework.tpCommOverlapFraction = 0.0;
        const StepEstimate e = estimateStep(in);
        QCOMPARE(e.infeasible, Infeasible::None);
        const Link up{450e9 * in.calibration.scaleUpEfficiency, in.calibration.scaleUpLatencySeconds};
        const double perCollective = ringAllGatherSeconds(2048.0 * 12288 * 2, 8, up);
        const double expected = 2 /*micro-batches*/ * 96 /*layers*/ * 2 /*fwd+bwd*/ * 4 * perCollective;
        TH_FUZZY_COMPARE(e.breakdown.tpCommSeconds, expected, 1e-9);
        // Full recompute repeats the forward collectives.
        in.parallelism.recompute = Recompute::Full;
        TH_FUZZY_COMPARE(estimateStep(in).breakdown.tpCommSeconds, expected * 1.5, 1e-9);
    }

    void moreScaleUpBandwidthNeverSlower()
    {
        PerformanceInputs in = gpt3On1024H100();
        double previous = 1e300;
        for (double gbps = 50; gbps <= 1800; gbps *= 1.5) {
            in.chip.scaleUpGbPerSecPerDirection = gbps;
            const StepEstimate e = estimateStep(in);
            QCOMPARE(e.infeasible, Infeasible::None);
            QVERIFY2(e.stepTimeSeconds <= previous * (1 + 1e-12), qPrintable(QString::number(gbps)));
            previous = e.stepTimeSeconds;
        }
    }

    void moreScaleOutBandwidthNeverSlower()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.parallelism.zeroStage = 0;
        in.framework.overlapGradReduce = false;
        double previous = 1e300;
        for (double gbit = 25; gbit <= 3200; gbit *= 2) {
            in.scaleOutGbitPerSecPerChip = gbit;
            const StepEstimate e = estimateStep(in);
            QVERIFY(e.stepTimeSeconds <= previous * (1 + 1e-12));
            previous = e.stepTimeSeconds;
        }
    }

    void biggerMicroBatchRaisesEfficiency()
    {
        // No pipeline (no bubble trade-off): larger GEMMs run closer to the plateau, until the
        // activations no longer fit.
        PerformanceInputs in = gpt3On1024H100();
        in.model.layers = 24; // a 44B slice so several micro-batches fit
        in.model.params = 44e9;
        in.parallelism.pp = 1;
        in.parallelism.interleave = 1;
        in.parallelism.dp = 128;
        in.parallelism.recompute = Recompute::Full;
        double previous = 0.0;
        int feasible = 0;
        for (int mb : {1, 2, 3, 4, 6, 12}) { // divisors of 12 sequences per replica
            in.parallelism.microBatch = mb;
            const StepEstimate e = estimateStep(in);
            if (e.infeasible == Infeasible::OutOfMemory)
                break;
            QCOMPARE(e.infeasible, Infeasible::None);
            QVERIFY2(e.mfu >= previous, qPrintable(QString::number(mb)));
            previous = e.mfu;
            ++feasible;
        }
        QVERIFY(feasible >= 2);
    }

    void fp8FasterOnHopperUnsupportedOnAmpere()
    {
        PerformanceInputs in = gpt3On1024H100();
        const double bf16 = estimateStep(in).stepTimeSeconds;
        in.precision = Precision::Fp8;
        const StepEstimate fp8 = estimateStep(in);
        QCOMPARE(fp8.infeasible, Infeasible::None);
        QVERIFY(fp8.stepTimeSeconds < bf16);
        QVERIFY(fp8.stepTimeSeconds > 0.5 * bf16); // attention and memory-bound work stay 16-bit
        in.chip = a100Sxm80();
        QCOMPARE(estimateStep(in).infeasible, Infeasible::PrecisionUnsupported);
    }

    void recomputeCostsTime()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.framework.enforceMemoryFit = false;
        in.parallelism.recompute = Recompute::Selective;
        const StepEstimate selective = estimateStep(in);
        in.parallelism.recompute = Recompute::Full;
        const StepEstimate full = estimateStep(in);
        QVERIFY(full.stepTimeSeconds > 1.15 * selective.stepTimeSeconds);
        QVERIFY(full.hfu > full.mfuModelFlops); // recompute counted in HFU only
        TH_FUZZY_COMPARE(selective.mfu / full.mfu, full.stepTimeSeconds / selective.stepTimeSeconds, 1e-12);
    }

    void zeroTwoWithPipeline()
    {
        // GPT-3 on 1024 H100, tp 8 / pp 8 / dp 16: 1536 / 16 = 96 micro-batches. Without overlap,
        // ZeRO-1 exposes one gradient reduce-scatter R (bf16) and one parameter all-gather of the
        // same bytes (= R); ZeRO-2 reduce-scatters after every micro-batch: 96 R + R.
        PerformanceInputs in = gpt3On1024H100();
        in.framework.enforceMemoryFit = false;
        in.framework.overlapGradReduce = false;
        in.framework.overlapParamGather = false;
        in.framework.gradReduceBytesPerParam = 2.0;
        in.parallelism.zeroStage = 1;
        const StepEstimate z1 = estimateStep(in);
        in.parallelism.zeroStage = 2;
        const StepEstimate z2 = estimateStep(in);
        QCOMPARE(z2.infeasible, Infeasible::None); // legal with pipeline parallelism (Llama 3)
        TH_FUZZY_COMPARE(z2.breakdown.dpCommExposedSeconds, z1.breakdown.dpCommExposedSeconds * 97.0 / 2.0, 1e-9);
        // Gradients sharded over dp = 16.
        TH_FUZZY_COMPARE(z2.memory.gradientsGib, z1.memory.gradientsGib / 16.0, 1e-9);
        in.parallelism.zeroStage = 3;
        QCOMPARE(estimateStep(in).infeasible, Infeasible::ZeroWithPipeline);
    }

    void allocatorPressureHandComputed()
    {
        // FrameworkOptions::allocatorPressureSlowdown: above the onset fill, every micro-batch's
        // work (and with it the bubble) grows by slowdown x (fill - onset) / (1 - onset). With
        // dp = 1 and ideal HBM only the pipeline sends are outside it. Fill 0.9, onset 0.8,
        // slowdown 0.1: x (1 + 0.1 x 0.1 / 0.2) = x 1.05.
        PerformanceInputs in = formulaCase();
        const StepEstimate base = estimateStep(in);
        QCOMPARE(base.infeasible, Infeasible::None);
        in.chip.memoryGib = base.memory.totalGib() / 0.9;
        in.framework.allocatorPressureSlowdown = 0.10;
        in.framework.allocatorPressureOnset = 0.8;
        const StepEstimate pressed = estimateStep(in);
        TH_FUZZY_COMPARE(pressed.memory.totalGib() / pressed.memory.capacityGib, 0.9, 1e-12);
        const double scaled = base.stepTimeSeconds - base.breakdown.ppCommSeconds;
        TH_FUZZY_COMPARE(pressed.stepTimeSeconds - pressed.breakdown.ppCommSeconds, scaled * 1.05, 1e-9);
        // Below the onset nothing changes; above the capacity the slowdown is capped at 0.1.
        in.chip.memoryGib = base.memory.totalGib() / 0.7;
        TH_FUZZY_COMPARE(estimateStep(in).stepTimeSeconds, base.stepTimeSeconds, 1e-12);
        in.chip.memoryGib = base.memory.totalGib() / 1.5;
        const StepEstimate over = estimateStep(in);
        TH_FUZZY_COMPARE(over.stepTimeSeconds - over.breakdown.ppCommSeconds, scaled * 1.10, 1e-9);
    }

    void fsdpLatencyPerUnitHandComputed()
    {
        // ZeRO-3 on GPT-3 175B (96 layers), tp 1 / pp 1 / dp 64 on 8-GPU nodes, one micro-batch:
        // three collectives per layer (forward all-gather, backward all-gather and
        // reduce-scatter), each a flat NCCL ring of 63 steps. With a 1 ms hop latency they take
        // ~6 s each, far more than the compute, so every added second of them shows. Raising the
        // scale-out latency by d adds per collective pass 95 x 63 d (the 95 further layers'
        // rings) + 7 d (the outer ring of the hierarchical term, 8 nodes), i.e. 5992 d, and the
        // step exposes 3 passes per micro-batch plus the last unit's gather and reduce (the
        // bucket share 40 M / 175 B of the two passes once more).
        PerformanceInputs in = gpt3On1024H100();
        in.chipCount = 64;
        in.globalBatchTokens = 64.0 * 2048;
        in.parallelism = Parallelism{};
        in.parallelism.dp = 64;
        in.parallelism.zeroStage = 3;
        in.parallelism.recompute = Recompute::None;
        in.framework.enforceMemoryFit = false;
        in.calibration.scaleOutLatencySeconds = 1e-3;
        const StepEstimate a = estimateStep(in);
        QCOMPARE(a.infeasible, Infeasible::None);
        QCOMPARE(a.microBatchesPerStep, 1);
        in.calibration.scaleOutLatencySeconds = 2e-3;
        const StepEstimate b = estimateStep(in);
        const double share = 40e6 / paramsPerChip(in.model, in.parallelism).dense;
        const double perPass = (95.0 * 63.0 + 7.0) * 1e-3;
        TH_FUZZY_COMPARE(b.breakdown.dpCommExposedSeconds - a.breakdown.dpCommExposedSeconds, (3.0 + 2.0 * share) * perPass, 1e-9);
    }

    void interleaveNeedsMicroBatchMultipleOfPp()
    {
        // Megatron-LM before Megatron-Core's microbatch groups asserts num_microbatches % pp == 0
        // for the interleaved schedule. GPT-3, dp 16, pp 8, v 2: 1600 sequences = 100
        // micro-batches, 100 % 8 = 4.
        PerformanceInputs in = gpt3On1024H100();
        in.framework.enforceMemoryFit = false;
        in.globalBatchTokens = 1600.0 * 2048;
        QCOMPARE(estimateStep(in).infeasible, Infeasible::None);
        in.framework.interleaveNeedsMicroBatchMultipleOfPp = true;
        QCOMPARE(estimateStep(in).infeasible, Infeasible::InterleaveInvalid);
        in.parallelism.interleave = 1; // plain 1F1B has no such rule
        QCOMPARE(estimateStep(in).infeasible, Infeasible::None);
        in.parallelism.interleave = 2;
        in.globalBatchTokens = 1536.0 * 2048; // 96 micro-batches
        QCOMPARE(estimateStep(in).infeasible, Infeasible::None);
    }

    void selectiveIsModuleRecomputeWithFlashAttention()
    {
        // FlashAttention: selective recomputes the two norms (not stored) once more per
        // micro-batch: 4 tok h 2 / sp bytes per layer = 4 * 2048 * 12288 * 2 / 8 = 25,165,824;
        // x 12 layers per stage x 96 micro-batches at HBM x 0.85.
        PerformanceInputs in = gpt3On1024H100();
        in.framework.enforceMemoryFit = false;
        in.framework.flashAttention = true;
        in.parallelism.recompute = Recompute::None;
        const StepEstimate none = estimateStep(in);
        in.parallelism.recompute = Recompute::Selective;
        const StepEstimate selective = estimateStep(in);
        const double hbm = in.chip.memoryBandwidthTbps * 1e12 * in.calibration.hbmEfficiency;
        TH_FUZZY_COMPARE(selective.breakdown.memoryBoundSeconds - none.breakdown.memoryBoundSeconds,
                         25165824.0 * 12 * 96 / hbm, 1e-9);
        TH_FUZZY_COMPARE(selective.breakdown.computeSeconds, none.breakdown.computeSeconds, 1e-12); // no MLA
        QVERIFY(selective.memory.activationsGib < none.memory.activationsGib);
    }

    void moeRunsAndCountsAllToAll()
    {
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.chip = gb200();
        in.calibration = defaultCalibration(ArchitectureClass::NvidiaBlackwell);
        in.scaleUpSize = 72;
        in.chipCount = 256;
        in.parallelism = Parallelism{};
        in.parallelism.pp = 4;
        in.parallelism.interleave = 4;
        in.parallelism.dp = 64;
        in.parallelism.ep = 64;
        in.precision = Precision::Fp8;
        in.globalBatchTokens = 4096.0 * 4096;
        in.framework.enforceMemoryFit = false;
        const StepEstimate e = estimateStep(in);
        QCOMPARE(e.infeasible, Infeasible::None);
        QVERIFY(e.breakdown.epCommSeconds > 0.0);
        // MFU counts ACTIVE parameters (37 B), not all 671 B.
        TH_FUZZY_COMPARE(e.mfu, 6.0 * 37e9 * e.tokensPerSecond / (256 * 5000e12), 1e-12);
        // Expert parallel inside one NVL72 domain beats the same layout spread over 8-GPU boxes.
        in.scaleUpSize = 8;
        QVERIFY(estimateStep(in).breakdown.epCommSeconds > e.breakdown.epCommSeconds);
    }

    void expertTensorParallelDefaultsToTp()
    {
        // etp unset (0) is Megatron-Core's default etp = tp: the same estimate as etp = tp.
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.globalBatchTokens = 1536.0 * 4096;
        in.parallelism.ep = 16;
        in.framework.enforceMemoryFit = false;
        const StepEstimate unset = estimateStep(in);
        QCOMPARE(unset.infeasible, Infeasible::None);
        in.parallelism.etp = 8;
        const StepEstimate explicitTp = estimateStep(in);
        QCOMPARE(explicitTp.stepTimeSeconds, unset.stepTimeSeconds);
        QCOMPARE(explicitTp.memory.totalGib(), unset.memory.totalGib());
    }

    void expertTensorParallelMemoryHandComputed()
    {
        // Mixtral 8x7B (no shared experts, all layers MoE): 8 experts of gated width 14336,
        // 8 x 3 x 4096 x 14336 expert parameters per layer, 32 layers.
        const ModelSpec m = mixtralLike();
        Parallelism p;
        p.tp = 4;
        p.dp = 2;
        p.ep = 2;
        p.zeroStage = 1;
        const double expertPerLayer = 8.0 * 3.0 * 4096 * 14336;
        // etp = tp: experts split 4 x 2 ways; expert data parallel dp*cp/ep = 1.
        QCOMPARE(p.expertDp(), 1LL);
        TH_FUZZY_COMPARE(paramsPerChip(m, p).expert, 32 * expertPerLayer / 8.0, 1e-12);
        const MemoryBreakdown atTp = memoryPerChip(m, p, 192.0);
        // etp = 1: experts whole on each of the 2 EP ranks; expert data parallel tp*dp/ep = 4.
        p.etp = 1;
        QCOMPARE(p.expertDp(), 4LL);
        TH_FUZZY_COMPARE(paramsPerChip(m, p).expert, 32 * expertPerLayer / 2.0, 1e-12);
        const MemoryBreakdown atOne = memoryPerChip(m, p, 192.0);
        // bf16 weights and fp32 gradients (default assumptions) grow with the extra expert
        // parameters; the ZeRO-1 optimizer shard stays (4x the parameters over 4x the ranks).
        const double extraParams = 32 * expertPerLayer / 2.0 - 32 * expertPerLayer / 8.0;
        TH_FUZZY_COMPARE(atOne.weightsGib - atTp.weightsGib, extraParams * 2.0 / kBytesPerGib, 1e-9);
        TH_FUZZY_COMPARE(atOne.gradientsGib - atTp.gradientsGib, extraParams * 4.0 / kBytesPerGib, 1e-9);
        TH_FUZZY_COMPARE(atOne.optimizerGib, atTp.optimizerGib, 1e-12);
        // Routed-expert activations per chip are tok x topK x f / tp for any etp.
        TH_FUZZY_COMPARE(atOne.activationsGib, atTp.activationsGib, 1e-12);
    }

    void expertTensorParallelGemmsAndCommHandComputed()
    {
        // Mixtral 8x7B-like (no shared experts) on one node, tp 8, ep 1 vs 8 with etp 1.
        PerformanceInputs in = formulaCase();
        in.model = mixtralLike();
        in.chipCount = 8;
        in.globalBatchTokens = 2.0 * 4096;
        in.parallelism = Parallelism{};
        in.parallelism.tp = 8;
        in.parallelism.sequenceParallel = true;
        in.framework.moeLoadImbalance = 1.0;
        // A flat GEMM efficiency makes GEMM time = FLOP / (peak x eff): the FLOP of the expert
        // GEMMs must not depend on etp (rows x etp / tp, widths / etp).
        in.calibration.matmul.count = 1;
        in.calibration.matmul.points[0] = {1e6, 0.7};
        const StepEstimate atTp = estimateStep(in);
        QCOMPARE(atTp.infeasible, Infeasible::None);
        in.parallelism.etp = 1;
        const StepEstimate atOne = estimateStep(in);
        QCOMPARE(atOne.infeasible, Infeasible::None);
        // (1e-6: the operand-traffic term, at formulaCase's near-infinite HBM ~1e-8 of the GEMM
        // time, does depend on the shapes.)
        TH_FUZZY_COMPARE(atOne.breakdown.computeSeconds, atTp.breakdown.computeSeconds, 1e-6);
        // TP collectives: with etp = tp, 4 all-gather/reduce-scatter of [s h] per layer; with
        // etp = 1 and no shared experts only the attention's 2 remain (the experts work on the
        // sequence-parallel shard, nothing to gather).
        const Link up{450e9 * in.calibration.scaleUpEfficiency, in.calibration.scaleUpLatencySeconds};
        const double perCollective = ringAllGatherSeconds(4096.0 * 4096 * 2, 8, up);
        const double perStep = 2 /*micro-batches*/ * 32 /*layers*/ * 2 /*fwd+bwd*/ * perCollective;
        TH_FUZZY_COMPARE(atTp.breakdown.tpCommSeconds, 4 * perStep, 1e-9);
        TH_FUZZY_COMPARE(atOne.breakdown.tpCommSeconds, 2 * perStep, 1e-9);
        // etp 2: the routed experts gather tok x 2/8 of the token tensor over 2 ranks.
        in.parallelism.etp = 2;
        const double etpTwo = ringAllGatherSeconds(4096.0 * 4096 * 2 * 2 / 8, 2, up);
        TH_FUZZY_COMPARE(estimateStep(in).breakdown.tpCommSeconds, 2 * perStep + 2 * 2 * 32 * 2 * etpTwo, 1e-9);
        // With the real (size-dependent) curve: etp 1 with ep 8 runs one whole expert per chip,
        // [1024 x 4096] x [4096 x 2 x 14336] (2.4e11 FLOP), instead of 8 experts of
        // [1024 x 4096] x [4096 x 2 x 14336/8] (3.0e10 FLOP each) with etp = tp = 8: fatter
        // GEMMs, higher efficiency, the same FLOP.
        PerformanceInputs real = in;
        real.calibration = defaultCalibration(ArchitectureClass::NvidiaHopper);
        real.parallelism.etp = 1;
        real.parallelism.ep = 8;
        QCOMPARE(checkLayout(real), Infeasible::None);
        const double computeOne = estimateStep(real).breakdown.computeSeconds;
        real.parallelism.etp = 0;
        real.parallelism.ep = 1;
        QVERIFY(computeOne < estimateStep(real).breakdown.computeSeconds);
    }

    void expertTensorParallelFoldsExpertParallelIntoTp()
    {
        // Qwen3-235B-like layout of the Megatron-Bridge H100 preset (tp 2, pp 8, ep 32, etp 1 on
        // 256 GPUs): ep 32 > dp 16 is illegal with etp = tp, legal with etp = 1 (32 | 2 x 16).
        PerformanceInputs in = gpt3On1024H100();
        in.model = deepseekV3Like();
        in.globalBatchTokens = 1536.0 * 4096;
        in.parallelism.tp = 8;
        in.parallelism.pp = 8;
        in.parallelism.dp = 16;
        in.parallelism.ep = 32;
        in.framework.enforceMemoryFit = false;
        QCOMPARE(checkLayout(in), Infeasible::EpDoesNotDivideDataParallel);
        in.parallelism.etp = 1;
        QCOMPARE(checkLayout(in), Infeasible::None);
        // 32 EP ranks at stride etp = 1 (8 per 8-GPU box); experts reduce gradients over
        // tp*dp/(etp*ep) = 4 ranks.
        const StepEstimate e = estimateStep(in);
        QCOMPARE(e.infeasible, Infeasible::None);
        QVERIFY(e.breakdown.epCommSeconds > 0.0);
        // Without sequence parallelism Megatron-Core refuses EP with TP.
        in.parallelism.sequenceParallel = false;
        QCOMPARE(checkLayout(in), Infeasible::EtpInvalid);
    }

    void infeasibleReasons_data()
    {
        QTest::addColumn<Infeasible>("expected");
        QTest::newRow("no-architecture") << Infeasible::NoArchitecture;
        QTest::newRow("invalid-input") << Infeasible::InvalidInput;
        QTest::newRow("precision") << Infeasible::PrecisionUnsupported;
        QTest::newRow("chip-count") << Infeasible::ChipCountMismatch;
        QTest::newRow("tp-domain") << Infeasible::TpExceedsScaleUpDomain;
        QTest::newRow("tp-heads") << Infeasible::TpDoesNotDivideHeads;
        QTest::newRow("pp-layers") << Infeasible::PpExceedsLayers;
        QTest::newRow("cp-sequence") << Infeasible::CpDoesNotDivideSequence;
        QTest::newRow("ep-experts") << Infeasible::EpDoesNotDivideExperts;
        QTest::newRow("ep-dp") << Infeasible::EpDoesNotDivideDataParallel;
        QTest::newRow("etp") << Infeasible::EtpInvalid;
        QTest::newRow("batch") << Infeasible::BatchNotDivisible;
        QTest::newRow("interleave") << Infeasible::InterleaveInvalid;
        QTest::newRow("zero-pp") << Infeasible::ZeroWithPipeline;
        QTest::newRow("memory") << Infeasible::OutOfMemory;
    }
    void infeasibleReasons()
    {
        QFETCH(Infeasible, expected);
        PerformanceInputs in = gpt3On1024H100(); // tp 8, pp 8, dp 16, 1536 sequences
        Parallelism &p = in.parallelism;
        switch (expected) {
        case Infeasible::NoArchitecture: in.model.layers = 0; break;
        case Infeasible::InvalidInput: in.globalBatchTokens = 0.0; break;
        case Infeasible::PrecisionUnsupported: in.precision = Precision::Fp4; break;
        case Infeasible::ChipCountMismatch: in.chipCount = 1000; break;
        case Infeasible::TpExceedsScaleUpDomain: p.tp = 16; p.dp = 8; break;
        case Infeasible::TpDoesNotDivideHeads: in.model.heads = 100; break;
        case Infeasible::PpExceedsLayers: in.model.layers = 4; break;
        case Infeasible::CpDoesNotDivideSequence: p.cp = 2; p.dp = 8; in.model.seqLen = 2050; in.globalBatchTokens = 1536.0 * 2050; break;
        case Infeasible::EpDoesNotDivideExperts: p.ep = 2; break; // dense model
        case Infeasible::EpDoesNotDivideDataParallel:
            in.model = deepseekV3Like();
            in.globalBatchTokens = 1536.0 * 4096;
            p.pp = 8; p.tp = 8; p.dp = 16; p.ep = 32;
            break;
        case Infeasible::EtpInvalid:
            in.model = deepseekV3Like();
            in.globalBatchTokens = 1536.0 * 4096;
            p.ep = 16; p.etp = 3; // 3 does not divide the expert width 2048
            break;
        case Infeasible::BatchNotDivisible: p.microBatch = 5; break;
        case Infeasible::InterleaveInvalid: p.interleave = 13; break; // 8 * 13 > 96 + 2
        case Infeasible::ZeroWithPipeline: p.zeroStage = 3; break;
        case Infeasible::OutOfMemory: p.recompute = Recompute::None; in.framework.flashAttention = false; p.microBatch = 16; break;
        case Infeasible::None: break;
        }
        const StepEstimate e = estimateStep(in);
        QCOMPARE(e.infeasible, expected);
        QCOMPARE(e.stepTimeSeconds, 0.0);
    }
    void everyInfeasibleValueTested()
    {
        // Guard: a new enum value must get a row in infeasibleReasons_data().
        QCOMPARE(kInfeasibleCount, 16);
        QCOMPARE(int(Infeasible::OutOfMemory), kInfeasibleCount - 1);
    }
};

QTEST_GUILESS_MAIN(TestPerformanceModel)
#include "tst_performancemodel.moc"
