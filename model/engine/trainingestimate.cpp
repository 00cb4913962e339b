// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/trainingestimate.h"

#include "model/engine/trainingflops.h"

namespace th::engine {

namespace {
/// Highest MFU seen in published large-scale runs is ~0.6 (e.g. PaLM 46 %, MegaScale 55 %,
/// Megatron-Bridge H100 grids < 0.6); 0.75 flags a likely typo without rejecting it.
constexpr double kMfuWarnAbove = 0.75;
} // namespace

TrainingResult estimateTraining(const TrainingInputs &in)
{
    TrainingResult result;
    TrainingEstimate &e = result.estimate;
    const double peakPerChip = in.chip.peakFlopsPerSecond(in.precision);
    if (peakPerChip <= 0.0) {
        result.error = EstimateError::PrecisionUnsupported;
        return result;
    }
    const double activeParams = in.model.effectiveActiveParams();
    if (activeParams <= 0.0 || in.tokens <= 0.0 || in.chipCount <= 0 || in.mfu <= 0.0) {
        result.error = EstimateError::NonPositiveInput;
        return result;
    }

    e.mfu = in.mfu;
    e.flopsTotal = trainingFlopsSixND(activeParams, in.tokens);
    e.modelFlopsPerToken = modelFlopsPerToken(in.model);
    e.peakFlopsPerSecondCluster = peakPerChip * static_cast<double>(in.chipCount);
    // MFU is defined on 6N per token (PaLM, Chowdhery et al. 2022 App. B; DOMAIN.md §1).
    const double sustainedFlopsPerSecond = e.peakFlopsPerSecondCluster * in.mfu;
    e.tokensPerSecond = sustainedFlopsPerSecond / (6.0 * activeParams);
    e.durationSeconds = e.flopsTotal / sustainedFlopsPerSecond;
    e.days = e.durationSeconds / kSecondsPerDay;
    e.chipHours = static_cast<double>(in.chipCount) * e.durationSeconds / kSecondsPerHour;
    if (in.globalBatchTokens > 0.0)
        e.stepTimeSeconds = in.globalBatchTokens / e.tokensPerSecond;
    else
        e.warnings.push_back(Warning::NoGlobalBatchNoStepTime);

    const Recompute recompute = in.parallelism ? in.parallelism->recompute : Recompute::None;
    e.hfu = in.mfu * hardwareFlopsPerToken(in.model, recompute) / modelFlopsPerToken(in.model);
    if (in.mfu > kMfuWarnAbove)
        e.warnings.push_back(Warning::MfuAboveObserved);

    double wattsPerChip = in.itWattsPerChip;
    if (wattsPerChip <= 0.0) {
        wattsPerChip = in.chip.tdpW;
        e.warnings.push_back(Warning::ItPowerFromTdpOnly);
    }
    e.itPowerKw = wattsPerChip * static_cast<double>(in.chipCount) / 1000.0;
    const double hours = e.durationSeconds / kSecondsPerHour;
    e.itEnergyMwh = e.itPowerKw * hours / 1000.0;
    e.facilityEnergyMwh = e.itEnergyMwh * in.facility.pue;
    e.co2Tonnes = e.facilityEnergyMwh * 1000.0 * in.facility.gridKgCo2PerKwh / 1000.0;
    e.energyCostUsd = e.facilityEnergyMwh * 1000.0 * in.facility.electricityUsdPerKwh;

    if (in.cost.chipHourUsd) {
        e.computeCostUsd = e.chipHours * *in.cost.chipHourUsd;
    } else if (in.chip.priceUsd && in.cost.amortizationYears > 0.0) {
        // Owned: the run carries the share of each chip's price for the hours it occupies it.
        const double usdPerChipHour = *in.chip.priceUsd / (in.cost.amortizationYears * kHoursPerYear);
        e.computeCostUsd = e.chipHours * usdPerChipHour;
    } else {
        e.warnings.push_back(Warning::NoPriceNoComputeCost);
    }

    if (!in.model.hasArchitecture()) {
        e.warnings.push_back(Warning::NoArchitectureNoMemory);
    } else if (!in.parallelism) {
        e.warnings.push_back(Warning::NoParallelismNoMemory);
    } else {
        e.memory = memoryPerChip(in.model, *in.parallelism, in.chip.memoryGib);
        if (!e.memory->fits())
            e.warnings.push_back(Warning::MemoryDoesNotFit);
    }
    return result;
}

} // namespace th::engine
