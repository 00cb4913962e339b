// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/powerchain.h"

#include <cstdint>
#include <vector>

namespace th::engine {

enum class CoolingUnitType { Crah, InRow, RearDoor, Cdu, Immersion };
enum class CoolingMedium { Air, Liquid, Immersion };
CoolingMedium mediumOf(CoolingUnitType type);

/// A terminal cooling unit in a hall (heat rejection plant is in facilitypue.h).
struct CoolingUnit
{
    std::uint64_t id = 0;
    CoolingUnitType type = CoolingUnitType::Crah;
    double capacityKw = 0.0;       ///< heat it removes at rating
    double ratedPowerKw = 0.0;     ///< fans / pumps at rated duty (catalog power_kw)
    double xMm = 0.0;              ///< centre
    double yMm = 0.0;
    int site = 0;                  ///< hall
    bool rowAlongX = true;         ///< in-row units: the row runs along x (rotation 0/180)
};

/// Heat of one rack (or of a power unit's losses) to be removed.
struct HeatLoad
{
    std::uint64_t id = 0;
    double airKw = 0.0;
    double liquidKw = 0.0;         ///< direct liquid cooling (needs a CDU in reach)
    double immersionKw = 0.0;      ///< immersion (needs an immersion tank/unit in reach)
    double xMm = 0.0;              ///< centre
    double yMm = 0.0;
    int site = 0;
    bool needsOwnCoolingCheck = true; ///< false for power-gear losses: they join air zones but are never "uncooled racks"
};

/**
 * Reach of each unit type (docs/facility-model.md §3). CRAH: the whole hall (room-level air).
 * In-row: racks whose centre lies within `inRowAlongMm` along the row and `inRowAcrossMm`
 * across it. Rear door: the rack whose centre is within `rearDoorMm` (the rack it hangs on).
 * CDU: racks within `cduMm` (secondary loop manifolds). Immersion: within `immersionMm`.
 * Distances are Manhattan in hall millimetres.
 */
struct CoolingReach
{
    double inRowAlongMm = 6000.0;
    double inRowAcrossMm = 1500.0;
    double rearDoorMm = 1500.0;
    double cduMm = 20000.0;
    double immersionMm = 3000.0;
};

struct CoolingInput
{
    std::vector<CoolingUnit> units;
    std::vector<HeatLoad> loads;
    CoolingReach reach;
    RedundancyMode target = RedundancyMode::NPlus1;
    /// Fan/pump power vs load: P = P_rated x u^k (affinity law; k = 3 ideal, 2 with fixed
    /// pressure and minimum-speed effects; assumption).
    double fanExponent = 2.0;
};

/// Units of one medium connected through shared racks: they share that heat.
struct CoolingZone
{
    CoolingMedium medium = CoolingMedium::Air;
    int site = 0;
    std::vector<std::uint64_t> unitIds;
    std::vector<std::uint64_t> loadIds;
    double demandKw = 0.0;
    double capacityKw = 0.0;
    double capacityNMinus1Kw = 0.0; ///< without its largest unit
    bool overCapacity = false;
    bool nPlus1Ok = false;
};

struct CoolingUnitResult
{
    std::uint64_t id = 0;
    double loadKw = 0.0;           ///< zone demand shared in proportion to capacity
    double utilisation = 0.0;
    double powerKw = 0.0;          ///< fans / pumps at that load
    int zone = -1;                 ///< -1: reaches no load
};

struct CoolingResult
{
    std::vector<CoolingUnitResult> units; ///< input order
    std::vector<CoolingZone> zones;
    std::vector<std::uint64_t> loadsWithoutAir;       ///< air heat, no air unit in reach
    std::vector<std::uint64_t> loadsWithoutLiquid;    ///< liquid heat, no CDU in reach
    std::vector<std::uint64_t> loadsWithoutImmersion;
    double airHeatKw = 0.0;
    double liquidHeatKw = 0.0;     ///< direct liquid + immersion
    double airUnitPowerKw = 0.0;   ///< CRAH / in-row / rear-door fans
    double liquidUnitPowerKw = 0.0; ///< CDU / immersion pumps
    bool allZonesOk = true;        ///< no zone over capacity, every load reached
    bool allZonesNPlus1 = true;
};

CoolingResult analyseCooling(const CoolingInput &input);

} // namespace th::engine
