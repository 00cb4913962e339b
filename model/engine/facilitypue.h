// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/climate.h"
#include "model/engine/powerchain.h"

#include <array>
#include <string>
#include <vector>

namespace th::engine {

enum class ChillerType { AirCooled, WaterCooled };

/// The heat rejection plant (yard equipment), summed by type. docs/facility-model.md §4.
struct PlantSpec
{
    double chillerCapacityKw = 0.0;
    double chillerCopRated = 0.0;  ///< at AHRI 550/590 rating conditions
    ChillerType chillerType = ChillerType::WaterCooled;
    double dryCoolerCapacityKw = 0.0;
    double dryCoolerFanKw = 0.0;   ///< rated fan power
    bool adiabaticDryCooler = false;
    double towerCapacityKw = 0.0;
    double towerFanKw = 0.0;
    bool assumed = false;          ///< no plant placed: the default plant stands in

    bool operator==(const PlantSpec &) const = default;
};

/**
 * Loop temperatures and plant constants (all assumptions, documented in docs/facility-model.md):
 * chilled water for the air-side units at 18/26 C (warm-water design within ASHRAE TC 9.9
 * practice), facility water for CDUs at 32/40 C (ASHRAE W32 class).
 */
struct PlantSetpoints
{
    double airLoopSupplyC = 18.0;
    double airLoopReturnC = 26.0;
    double liquidLoopSupplyC = 32.0;
    double liquidLoopReturnC = 40.0;
    double towerApproachK = 4.0;     ///< tower leaving water above wet-bulb
    double dryCoolerApproachK = 6.0; ///< dry cooler leaving fluid above dry-bulb
    double adiabaticEffectiveness = 0.7; ///< adiabatic pre-cooling: air at T - e (T - Twb)
    double adiabaticSwitchC = 22.0;  ///< spray only above this dry-bulb
    double hxApproachK = 1.5;        ///< plate heat exchanger between loops (economiser)
    double evaporatorApproachK = 2.0;
    double waterCondenserLiftK = 7.0; ///< condensing temperature above tower water
    double airCondenserLiftK = 12.0;  ///< condensing temperature above dry-bulb (air-cooled)
    double minLiftK = 8.0;
    double maxCopFactor = 2.0;       ///< COP at low lift capped at this multiple of the rated COP
    double airCooledFreeFanKwPerKw = 0.03; ///< air-cooled chiller free-cooling coil fans per kW of heat
    double pumpKwPerKwHeat = 0.015;  ///< chilled/condenser/facility water pumps per kW of heat moved
    double fanExponent = 2.0;        ///< heat rejection fans: P = P_rated x u^k
    /// Water: tower evaporation = heat x evaporativeShare / latent heat (2,450 kJ/kg), blowdown
    /// = evaporation / (cycles - 1); adiabatic coolers use adiabaticLitresPerKwh while spraying.
    double evaporativeShare = 0.85;
    double cyclesOfConcentration = 4.0;
    double adiabaticLitresPerKwh = 0.5;

    bool operator==(const PlantSetpoints &) const = default;
};

/// Chiller COP at an evaporator and a condensing temperature, scaled from its rating by a
/// constant fraction of the Carnot COP. Rating: evaporator 6.7 - approach; condensing
/// 29.4 + lift (water-cooled, AHRI ECWT 29.4 C) or 35 + lift (air-cooled, 35 C ambient).
double chillerCop(ChillerType type, double copRated, double evaporatorC, double condensingC, const PlantSetpoints &s);

enum class CoolingRegime { Free, Partial, Mechanical };

struct LoopState
{
    double heatKw = 0.0;
    double economiserFraction = 0.0; ///< share of the heat removed without compressors
    CoolingRegime regime = CoolingRegime::Mechanical;
    double chillerKw = 0.0;
    double cop = 0.0;
    double unmetKw = 0.0;          ///< mechanical cooling needed but no chiller placed
};

struct PlantPower
{
    LoopState airLoop;
    LoopState liquidLoop;
    double chillerKw = 0.0;
    double heatRejectionFanKw = 0.0;
    double pumpKw = 0.0;
    double waterLitresPerHour = 0.0;
};

/// Plant power at one outdoor condition for the heat of the two loops.
PlantPower plantPower(const PlantSpec &plant, const PlantSetpoints &s, double airLoopHeatKw, double liquidLoopHeatKw,
                      const OutdoorCondition &outdoor);

/**
 * What the facility draws besides IT: the power chain (from analysePowerChain), terminal
 * cooling units (from analyseCooling), lighting and other loads, and the plant.
 * Heat into the air loop: rack air heat + indoor power-chain losses + air-unit fans + lighting;
 * into the liquid loop: rack liquid heat + CDU pumps.
 */
struct FacilityLoad
{
    double itKw = 0.0;
    double upsLossKw = 0.0;
    double distributionLossKw = 0.0;
    bool powerLossesIndoors = true;  ///< UPS/PDU losses heat the hall air
    PowerChainInput powerInput;      ///< for transformer losses with the mechanical load
    PowerChainResult powerResult;
    double airItHeatKw = 0.0;        ///< IT heat to air
    double liquidItHeatKw = 0.0;     ///< IT heat to liquid (direct + immersion)
    double airUnitPowerKw = 0.0;
    double liquidUnitPowerKw = 0.0;
    double lightingKw = 0.0;
    double otherKw = 0.0;
    PlantSpec plant;
    PlantSetpoints setpoints;
};

struct PueBreakdown
{
    double itKw = 0.0;
    double chillerKw = 0.0;
    double heatRejectionFanKw = 0.0;
    double pumpKw = 0.0;
    double terminalUnitKw = 0.0;     ///< CRAH / in-row / RDHx fans + CDU pumps
    double coolingKw = 0.0;          ///< sum of the four above
    double transformerLossKw = 0.0;
    double upsLossKw = 0.0;
    double distributionLossKw = 0.0;
    double powerLossKw = 0.0;
    double lightingOtherKw = 0.0;
    double totalKw = 0.0;
    double pue = 1.0;
    double waterLitresPerHour = 0.0;
    CoolingRegime airRegime = CoolingRegime::Mechanical;
    CoolingRegime liquidRegime = CoolingRegime::Mechanical;
};

/// Facility power at one outdoor condition (no iteration needed: mechanical load is not on UPS).
PueBreakdown facilityPowerAt(const FacilityLoad &load, const OutdoorCondition &outdoor);

struct MonthPue
{
    double meanDryBulbC = 0.0;
    double pue = 1.0;
    double itMwh = 0.0;
    double totalMwh = 0.0;
    double freeHours = 0.0;        ///< air loop fully on economiser
    double partialHours = 0.0;
    double mechanicalHours = 0.0;
};

struct AnnualPue
{
    OutdoorCondition designOutdoor;
    PueBreakdown design;           ///< at the design (hot) condition
    std::array<MonthPue, 12> months{};
    double itMwh = 0.0;
    double coolingMwh = 0.0;
    double powerLossMwh = 0.0;
    double lightingOtherMwh = 0.0;
    double totalMwh = 0.0;
    double pueAnnual = 1.0;
    double freeCoolingHours = 0.0; ///< air loop fully free
    double waterM3 = 0.0;
    double wueLitresPerKwh = 0.0;  ///< site water / IT energy (The Green Grid WUE)
    double co2Tonnes = 0.0;
    double cueKgPerKwh = 0.0;      ///< CO2 / IT energy (The Green Grid CUE)
};

/// The default synoptic (day-to-day) spread of the monthly bins, K (climate.h monthConditions).
inline constexpr double kSynopticSigmaC = 3.0;

/// Annualised PUE: every month's conditions (monthConditions) at constant IT load.
AnnualPue annualPue(const FacilityLoad &load, const SiteClimate &site, double synopticSigmaC = kSynopticSigmaC);

/// The outdoor conditions annualPue() integrates over (the design condition and every month's
/// bins). They depend on the site's climate only, not on the plan: a caller that evaluates the
/// same site again and again (the editor, on every drag step) keeps them instead of computing
/// ~1,800 wet-bulb temperatures per recompute.
struct ClimateConditions
{
    OutdoorCondition design;
    std::array<std::vector<OutdoorCondition>, 12> months;
};
ClimateConditions climateConditions(const SiteClimate &site, double synopticSigmaC = kSynopticSigmaC);

/**
 * Everything annualPue() reads of a load and a site, comparable: equal inputs give an equal
 * result, so a caller can keep the last result (the editor's drag steps rarely change any unit's
 * load). Of the power chain only the transformers count (their losses with the mechanical load).
 */
struct AnnualPueInputs
{
    struct Transformer
    {
        double capacityKw = 0.0;
        EfficiencyCurve efficiency;
        double outputKw = 0.0;
        bool counted = false; ///< transformerLossesKw() skips units without a result
        bool operator==(const Transformer &o) const
        {
            return capacityKw == o.capacityKw && outputKw == o.outputKw && counted == o.counted && efficiency.points == o.efficiency.points &&
                   efficiency.ratedEfficiency == o.efficiency.ratedEfficiency;
        }
    };
    std::array<double, 9> kw{}; ///< itKw, UPS, distribution losses, air/liquid IT heat, unit power, lighting, other
    bool powerLossesIndoors = true;
    std::vector<Transformer> transformers;
    PlantSpec plant;
    PlantSetpoints setpoints;
    SiteClimate site;
    double synopticSigmaC = kSynopticSigmaC;
    bool operator==(const AnnualPueInputs &) const = default;
};
AnnualPueInputs annualPueInputs(const FacilityLoad &load, const SiteClimate &site, double synopticSigmaC = kSynopticSigmaC);
/// annualPue() with the site's conditions given (the same result as computing them).
AnnualPue annualPue(const FacilityLoad &load, const SiteClimate &site, const ClimateConditions &conditions);

/// One China policy check of a PUE value.
struct PueCompliance
{
    std::string key;               ///< "cn-western-hub", "cn-hub", "cn-new-large", "cn-green-dc", "gb40879-g1".."g3"
    std::string label;
    double limit = 0.0;
    bool strict = false;           ///< "<" rather than "<="
    bool applicable = true;        ///< false: shown for reference (site outside China or other class)
    bool pass = false;
};
std::vector<PueCompliance> chinaPueCompliance(double pue, PueTargetClass siteClass);

} // namespace th::engine
