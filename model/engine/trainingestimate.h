// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/chipspec.h"
#include "model/engine/memoryfit.h"
#include "model/engine/modelspec.h"
#include "model/engine/parallelism.h"
#include "model/engine/units.h"

#include <optional>
#include <vector>

namespace th::engine {

/// Site assumptions for energy, carbon and energy cost.
struct FacilityAssumptions
{
    double pue = 1.25;                    ///< scenario default; INTERFACES.md example
    double electricityUsdPerKwh = 0.08;
    double gridKgCo2PerKwh = 0.5568;      ///< China grid factor used by CAICT (seed 003)
};

/// How compute is paid for: a rented chip-hour price, or owned chips amortised over years.
struct CostAssumptions
{
    std::optional<double> chipHourUsd;    ///< rental price per chip-hour; unset = owned
    double amortizationYears = 4.0;       ///< owned: chip price spread over this life
};

/// Everything a training estimate needs. `mfu` is given here; the performance model
/// (issue 4) fills it when the user asks for an estimate.
struct TrainingInputs
{
    ModelSpec model;
    ChipSpec chip;
    long long chipCount = 0;
    double tokens = 0.0;
    double globalBatchTokens = 0.0;   ///< 0 = unknown (no step time)
    Precision precision = Precision::Bf16;
    double mfu = 0.0;
    std::optional<Parallelism> parallelism; ///< needed for memory fit
    /// IT power per chip including its share of host, NIC, fans (W). From the chip's usual system
    /// in the catalog (system IT kW / chips); 0 = use chip TDP only (and warn).
    double itWattsPerChip = 0.0;
    FacilityAssumptions facility;
    CostAssumptions cost;
};

/// Conditions worth telling the user about; views and the CLI turn them into text.
enum class Warning {
    NoArchitectureNoMemory,    ///< architecture missing: memory fit not computed
    NoParallelismNoMemory,     ///< parallelism missing: memory fit not computed
    MemoryDoesNotFit,          ///< the configuration exceeds the chip's memory
    ItPowerFromTdpOnly,        ///< no system power known: IT energy counts accelerator TDP only
    NoPriceNoComputeCost,      ///< neither a chip-hour price nor a chip price: no compute cost
    MfuAboveObserved,          ///< MFU above 0.75, above any published large-scale run
    NoGlobalBatchNoStepTime,   ///< no global batch: step time unknown
};

struct TrainingEstimate
{
    double flopsTotal = 0.0;            ///< 6 N D (active N), FLOP (a quantity, not a rate)
    double modelFlopsPerToken = 0.0;    ///< from the architecture when known, else 6 N
    double peakFlopsPerSecondCluster = 0.0; ///< dense, at the training precision
    double tokensPerSecond = 0.0;
    double stepTimeSeconds = 0.0;       ///< 0 when the global batch is unknown
    double durationSeconds = 0.0;
    double days = 0.0;
    double chipHours = 0.0;
    double mfu = 0.0;
    double hfu = 0.0;
    double itPowerKw = 0.0;
    double itEnergyMwh = 0.0;
    double facilityEnergyMwh = 0.0;
    double co2Tonnes = 0.0;
    double computeCostUsd = 0.0;        ///< rental, or amortised chip price for the run's duration
    double energyCostUsd = 0.0;         ///< facility energy x tariff
    std::optional<MemoryBreakdown> memory;
    std::vector<Warning> warnings;
};

/// Errors that make an estimate impossible (the readers report input errors earlier; these are
/// the physical ones).
enum class EstimateError { None, PrecisionUnsupported, NonPositiveInput };

struct TrainingResult
{
    EstimateError error = EstimateError::None;
    TrainingEstimate estimate;
};

/**
 * Training time and its consequences for a given MFU (DOMAIN.md §1):
 *   C = 6 N D;  T = C / (n * peak * MFU);  chip-hours = n T / 3600;
 *   IT energy = n * W_it * T;  facility energy = PUE * IT energy;  CO2 = facility energy * grid factor.
 * HFU = MFU * hardwareFlopsPerToken / modelFlopsPerToken (recompute counted).
 */
TrainingResult estimateTraining(const TrainingInputs &in);

} // namespace th::engine
