// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/trainingestimate.h"
#include "tests/support/fuzzycompare.h"

#include <QTest>

#include <algorithm>

using namespace th::engine;

namespace {
ChipSpec h100()
{
    ChipSpec c;
    c.id = "nvidia-h100-sxm";
    c.denseTflops[static_cast<int>(Precision::Bf16)] = 989.4;
    c.denseTflops[static_cast<int>(Precision::Fp8)] = 1978.9;
    c.memoryGib = 80;
    c.tdpW = 700;
    c.priceUsd = 25000;
    return c;
}

TrainingInputs gpt3On1024()
{
    TrainingInputs in;
    in.model.params = 175e9;
    in.chip = h100();
    in.chipCount = 1024;
    in.tokens = 300e9;
    in.globalBatchTokens = 1536.0 * 2048;
    in.mfu = 0.45;
    in.itWattsPerChip = 10200.0 / 8; // DGX H100 10.2 kW / 8 GPUs
    return in;
}

bool hasWarning(const TrainingEstimate &e, Warning w)
{
    return std::find(e.warnings.begin(), e.warnings.end(), w) != e.warnings.end();
}
} // namespace

class TestTrainingEstimate : public QObject
{
    Q_OBJECT
private slots:
    void caictTable()
    {
        // CAICT (seed 003, Table 1): GPT-3 175B x 300B tokens on a 1000 PFLOPS centre at
        // eta = 0.40 takes 9 days; on 100 PFLOPS at eta = 0.45, 81 days.
        TrainingInputs in = gpt3On1024();
        in.chip.denseTflops[static_cast<int>(Precision::Bf16)] = 1000.0; // 1 PFLOPS per "chip"
        in.chipCount = 1000;
        in.mfu = 0.40;
        TrainingResult r = estimateTraining(in);
        QCOMPARE(r.error, EstimateError::None);
        // 3.15e23 / (1e18 * 0.40) / 86400 = 9.11 days
        TH_FUZZY_COMPARE(r.estimate.days, 3.15e23 / (1e18 * 0.40) / 86400.0, 1e-12);
        QVERIFY(qRound(r.estimate.days) == 9);
        in.chipCount = 100;
        in.mfu = 0.45;
        r = estimateTraining(in);
        // 3.15e23 / (1e17 * 0.45) / 86400 = 81.0 days
        QCOMPARE(qRound(r.estimate.days), 81);
    }

    void gpt3OnH100()
    {
        const TrainingResult r = estimateTraining(gpt3On1024());
        const TrainingEstimate &e = r.estimate;
        // Hand arithmetic: C = 6*175e9*300e9 = 3.15e23 FLOP; cluster peak = 1024*989.4e12
        // = 1.01315e18 FLOP/s; sustained at 0.45 = 4.55916e17; T = 6.9092e5 s = 7.9967 days.
        TH_FUZZY_COMPARE(e.flopsTotal, 3.15e23, 1e-12);
        TH_FUZZY_COMPARE(e.durationSeconds, 3.15e23 / (1024 * 989.4e12 * 0.45), 1e-12);
        TH_FUZZY_COMPARE(e.days, 7.9967, 1e-4);
        // chip-hours = 1024 * 6.9092e5 / 3600 = 196,530
        TH_FUZZY_COMPARE(e.chipHours, 196530, 1e-4);
        // tokens/s = 4.55916e17 / (6*175e9) = 434,206
        TH_FUZZY_COMPARE(e.tokensPerSecond, 434206, 1e-4);
        // step = 3,145,728 / 434,206 = 7.2448 s
        TH_FUZZY_COMPARE(e.stepTimeSeconds, 7.2448, 1e-4);
        // IT power = 1024 * 1275 W = 1305.6 kW; energy = 1305.6 kW * 191.92 h = 250.58 MWh
        TH_FUZZY_COMPARE(e.itPowerKw, 1305.6, 1e-12);
        TH_FUZZY_COMPARE(e.itEnergyMwh, 1305.6 * 6.9092e5 / 3600 / 1000, 1e-4);
        // facility = x1.25; CO2 = facility MWh * 0.5568 t/MWh; energy cost = MWh*1000*0.08
        TH_FUZZY_COMPARE(e.facilityEnergyMwh, e.itEnergyMwh * 1.25, 1e-12);
        TH_FUZZY_COMPARE(e.co2Tonnes, e.facilityEnergyMwh * 0.5568, 1e-12);
        TH_FUZZY_COMPARE(e.energyCostUsd, e.facilityEnergyMwh * 80.0, 1e-12);
        // Owned: $25,000 over 4 years = $0.71347 per chip-hour -> 196,530 * 0.71347 = $140,218
        TH_FUZZY_COMPARE(e.computeCostUsd, 196530 * 25000.0 / (4 * 8760), 1e-4);
        QVERIFY(!hasWarning(e, Warning::ItPowerFromTdpOnly));
        QVERIFY(hasWarning(e, Warning::NoArchitectureNoMemory));
    }

    void rentalPrice()
    {
        // DeepSeek-V3 priced its run at $2 per H800 GPU-hour: 2.788M GPU-hours -> $5.576M.
        TrainingInputs in = gpt3On1024();
        in.cost.chipHourUsd = 2.0;
        const TrainingResult r = estimateTraining(in);
        TH_FUZZY_COMPARE(r.estimate.computeCostUsd, r.estimate.chipHours * 2.0, 1e-12);
    }

    void hfuWithRecompute()
    {
        TrainingInputs in = gpt3On1024();
        in.model.layers = 96;
        in.model.hidden = 12288;
        in.model.heads = 96;
        in.model.seqLen = 2048;
        in.model.vocab = 51200;
        Parallelism p;
        p.tp = 8;
        p.pp = 8;
        p.dp = 16;
        p.recompute = Recompute::Full;
        in.parallelism = p;
        const TrainingResult r = estimateTraining(in);
        // Full recompute: HFU/MFU = 96(1+s/6h+V/16lh) / (72(1+s/6h+V/12lh)) = 4.5113/3.3865 = 1.3321
        TH_FUZZY_COMPARE(r.estimate.hfu / r.estimate.mfu, 1.3321, 1e-3);
        QVERIFY(r.estimate.memory.has_value());
        QVERIFY(r.estimate.memory->fits());
    }

    void errorsAndWarnings()
    {
        TrainingInputs in = gpt3On1024();
        in.precision = Precision::Fp4; // H100 has no FP4
        QCOMPARE(estimateTraining(in).error, EstimateError::PrecisionUnsupported);
        in = gpt3On1024();
        in.mfu = 0.0;
        QCOMPARE(estimateTraining(in).error, EstimateError::NonPositiveInput);
        in = gpt3On1024();
        in.mfu = 0.9;
        in.itWattsPerChip = 0;
        in.chip.priceUsd.reset();
        const TrainingEstimate e = estimateTraining(in).estimate;
        QVERIFY(hasWarning(e, Warning::MfuAboveObserved));
        QVERIFY(hasWarning(e, Warning::ItPowerFromTdpOnly));
        QVERIFY(hasWarning(e, Warning::NoPriceNoComputeCost));
        TH_FUZZY_COMPARE(e.itPowerKw, 1024 * 0.7, 1e-12);
    }

    void fp8UsesFp8Peak()
    {
        TrainingInputs in = gpt3On1024();
        const double bf16Days = estimateTraining(in).estimate.days;
        in.precision = Precision::Fp8;
        TH_FUZZY_COMPARE(estimateTraining(in).estimate.days, bf16Days * 989.4 / 1978.9, 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestTrainingEstimate)
#include "tst_trainingestimate.moc"
