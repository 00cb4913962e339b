// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/catalogcache.h"
#include "model/analysis/facilityanalysis.h"
#include "model/analysis/performancebridge.h"
#include "model/analysis/violation.h"
#include "model/document/floorplan.h"
#include "model/engine/trainingestimate.h"
#include "model/engine/units.h"
#include "model/io/scenario.h"

#include <QHash>
#include <QString>
#include <QSizeF>
#include <QStringList>

#include <array>
#include <optional>

namespace th {

class Catalog;

/// User-set assumptions of the plan analysis (all shown in reports with their defaults).
struct PlanAssumptions
{
    engine::Precision peakPrecision = engine::Precision::Bf16; ///< KPI dock's chosen precision
    double electricityUsdPerKwh = 0.08;   ///< INTERFACES.md scenario default
    double gridKgCo2PerKwh = 0.5568;      ///< China grid factor, CAICT (seed 003)
    double maintenanceFractionPerYear = 0.03; ///< of CapEx per year; common DCIM rule of thumb (assumption)
    double amortizationYears = 4.0;       ///< straight-line CapEx write-off for TCO
    /// Empty rack added to server racks (systems of several servers per rack): 140 kg, the
    /// catalog's 600 x 1200 mm 48U rack (equipment row rack-600x1200-48u).
    double emptyRackKg = 140.0;
    /// Facility physics (power chain, cooling zones, PUE from the placed equipment, N-1, floor
    /// load per tile). Its thermal map is off by default in evaluatePlan: ~10 ms on a normal
    /// hall but seconds on a campus-sized grid (docs/performance.md), too much for the live
    /// recompute; `terahall evaluate` and the thermal overlay switch it on.
    bool includeFacility = true;
    FacilityAssumptions facility = [] {
        FacilityAssumptions f;
        f.thermalMap = false;
        return f;
    }();
};


/**
 * All KPIs of a plan (INTERFACES.md "terahall.evaluation/1"). Peak FLOPS are dense, per
 * precision; IT power is the catalog IT power of the placed systems plus network/storage racks.
 * PUE here is the first estimate by cooling technology (see pueFirstEstimate()); the facility
 * physics (issue 5) replaces it with one computed from the placed power and cooling chain.
 */
struct PlanEvaluation
{
    long long accelerators = 0;
    QString dominantChipId;
    int racks = 0;               ///< racks holding equipment (systems, network, storage)
    int computeRacks = 0;
    std::array<double, engine::kPrecisionCount> peakPflopsByPrecision{}; ///< dense, by precision
    double itKw = 0.0;
    double coolingOverheadKw = 0.0;
    double facilityKw = 0.0;
    double pue = 1.0;
    double pueAnnual = 1.0;
    QString pueMethod;           ///< "cooling-type estimate"
    double kwPerRackMax = 0.0;
    double kwPerRackAvg = 0.0;
    double hallAreaM2 = 0.0;
    double kwPerM2 = 0.0;
    double pflopsPerRack = 0.0;  ///< at PlanAssumptions::peakPrecision
    double pflopsPerM2 = 0.0;
    double tflopsPerW = 0.0;
    double kgPerM2Max = 0.0;     ///< heaviest item's weight over its footprint
    double powerCapacityKw = 0.0;  ///< UPS capacity placed (or transformers when no UPS)
    double powerUtilization = 0.0;
    bool powerNMinus1Ok = false;
    double coolingCapacityKw = 0.0;
    double coolingUtilization = 0.0;
    bool coolingNMinus1Ok = false;
    double capexUsd = 0.0;
    int itemsWithoutPrice = 0;
    double opexUsdPerYear = 0.0;
    double tcoUsdPerYear = 0.0;
    double energyMwhPerYear = 0.0;
    double co2TonnesPerYear = 0.0;
    QList<Violation> violations;
    // Attached workload
    std::optional<Scenario> workloadScenario;
    std::optional<engine::TrainingEstimate> training;
    std::optional<ModelledRun> workloadRun; ///< set when MFU came from the performance model
    std::optional<FacilityResult> facility; ///< the facility physics, when included
    QStringList workloadProblems; ///< why the workload could not be estimated

    double peakPflops(engine::Precision p) const { return peakPflopsByPrecision[std::size_t(p)]; }
};

/// PUE first estimate from the cooling technology of the IT load (DOMAIN.md §4): air-cooled
/// halls ~1.42 (CAICT national average, June 2025), direct liquid cooling ~1.15 (hyperscale
/// 1.08-1.12 plus residual air), immersion ~1.04 (Sugon scaleX640); hybrid blends by the
/// liquid-cooled share of heat.
double pueFirstEstimate(double airItKw, double liquidItKw, double immersionItKw);

PlanEvaluation evaluatePlan(const FloorPlan &plan, const CatalogCache &cache, const PlanAssumptions &assumptions = {});

/// The footprint an item should have per the catalog (used when placing and when refreshing
/// sizes of items whose catalog row changed).
QSizeF catalogFootprintMm(const CatalogCache &cache, const Equipment &e);

} // namespace th
