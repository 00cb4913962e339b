// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/catalogcache.h"
#include "model/analysis/violation.h"
#include "model/document/floorplan.h"
#include "model/engine/climate.h"
#include "model/engine/cooling.h"
#include "model/engine/facilitypue.h"
#include "model/engine/powerchain.h"
#include "model/engine/thermalmap.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace th {

/// User-set assumptions of the facility analysis (docs/facility-model.md lists each default and why).
struct FacilityAssumptions
{
    QString siteId = QStringLiteral("beijing"); ///< data/climate/sites.csv id
    double deratingFraction = 0.8;              ///< continuous load as a share of rating (80 % rule)
    engine::RedundancyMode powerTarget = engine::RedundancyMode::NPlus1;
    engine::RedundancyMode coolingTarget = engine::RedundancyMode::NPlus1;
    engine::PlantSetpoints plant;               ///< loop temperatures and plant constants
    engine::CoolingReach reach;
    double fanExponent = 2.0;                   ///< terminal-unit fans and pumps, P ~ u^k
    double supplyAirC = 22.0;                   ///< cold-air supply for the thermal map
    double lightingWPerM2 = 8.0;                ///< LED lighting of the hall floor
    double otherFractionOfIt = 0.01;            ///< BMS, security, offices, as a share of IT
    double minBatteryMinutes = 5.0;             ///< UPS ride-through until generators take over
    std::optional<double> gridKgCo2PerKwh;      ///< overrides the site's grid factor
    double defaultPlantCop = 6.0;               ///< stand-in water-cooled plant when none is placed
    double emptyRackKg = 140.0;                 ///< added to server racks (catalog rack-600x1200-48u)
    bool thermalMap = true;
    int thermalMaxCellsPerHall = 250000;        ///< cells are coarsened above this (500 x 500 tiles in ~1 s; docs/performance.md)
    /// Turbulent mixing per cell face, rho c_p D_t H (0.05 m2/s over a 2.4 m layer; thermalmap.h).
    double thermalMixingWPerK = engine::ThermalGridSpec{}.mixingWPerK;
    /// Air-side design dT of the cooling units: airflow = capacity / (rho c_p dT). 12 K, between
    /// the 20 F (11.1 K) of traditional units and the 15 K of a modern CRAH design (facility-model.md §5).
    double thermalDesignDeltaK = 12.0;
    /// Temperature rise of the air through a rack: airflow = heat / (rho c_p dT) (facility-model.md §5).
    double thermalRackDeltaK = 12.0;
    double thermalWallOpenFraction = 0.03;      ///< leakage of containment walls and rack bodies
    /// Share of uncontained exhaust that rises to the unit returns over the racks; the rest
    /// stays at inlet height (1 - this ~ the supply heat index of Sharma et al. 2002; §5).
    double thermalOpenCaptureFraction = 0.8;
    double crahThrowMm = 12000.0;               ///< CRAH supply area (raised floor) around the unit
};

/// One power or cooling unit as analysed.
struct FacilityUnitStatus
{
    EquipmentId id = 0;
    QString category;              ///< catalog category (ups, pdu, crah, cdu...)
    double capacityKw = 0.0;
    double loadKw = 0.0;           ///< power gear: output; cooling: heat removed
    double utilisation = 0.0;      ///< loadKw / capacityKw
    double lossKw = 0.0;           ///< power gear losses at that load
    double powerKw = 0.0;          ///< cooling units: fan/pump power at that load
    bool overloaded = false;       ///< power: above derated rating; cooling: zone over capacity
    double batteryMinutes = 0.0;   ///< UPS autonomy at its load
    QList<EquipmentId> feeds;      ///< upstream units (power)
    int group = -1;                ///< UPS system (power) or cooling zone index
};

struct RackFeedStatus
{
    EquipmentId id = 0;
    QList<EquipmentId> feeds;      ///< A first
    bool redundant = false;
};

/// One single failure and the racks it affects. A rack list that holds every rack of the plan is
/// the same implicitly shared QList in every case (one copy, whatever the number of cases: an
/// over-capacity plan puts every rack at risk in every case; facilityAnalysis() and the engine's
/// LoadIdList never materialise it per case). Readers see ordinary lists.
struct NMinus1Case
{
    QList<EquipmentId> failed;
    QString category;              ///< transformer | ups | distribution | ups_system
    QList<EquipmentId> losingPower;
    QList<EquipmentId> losingRedundancy;
    QList<EquipmentId> atRisk;
    QList<EquipmentId> overloaded;
    double shortfallKw = 0.0;
    bool ok = true;
};

struct CoolingZoneStatus
{
    QString medium;                ///< air | liquid | immersion
    HallId hallId = 0;
    QList<EquipmentId> units;
    int loads = 0;
    double demandKw = 0.0;
    double capacityKw = 0.0;
    double capacityNMinus1Kw = 0.0;
    bool overCapacity = false;
    bool nPlus1Ok = false;
};

/// A scalar field over one hall: row-major (y * nx + x), cells of cellMm from the hall origin.
struct HallGrid
{
    HallId hallId = 0;
    int nx = 0;
    int ny = 0;
    double cellMm = 600.0;
    QVector<float> values;
    double maxValue = 0.0;
};

struct RackInlet
{
    EquipmentId id = 0;
    HallId hallId = 0;
    double inletC = 0.0;
};

/// A hall's rack inlets summed up: engine::rackCoolingIndexHiPct() over its racks' indicative
/// inlets (one intake per rack: its warmest fan column) and the warmest inlet.
struct HallThermalIndex
{
    HallId hallId = 0;
    int racks = 0;
    double rciHiPct = 100.0;
    double inletMaxC = 0.0;
};

struct FacilityResult
{
    // Site
    QString siteId;
    QString siteName;              ///< English (also the JSON site_name)
    QString siteNameZh;            ///< Chinese, may be empty; siteDisplayName() picks by locale
    QString climateConfidence;
    double gridKgCo2PerKwh = 0.0;
    // Power chain
    double itKw = 0.0;
    QList<FacilityUnitStatus> powerUnits;
    QList<RackFeedStatus> rackFeeds;
    QList<NMinus1Case> nMinus1;    ///< each transformer, UPS, distribution unit, then each UPS system
    double deliverableKw = 0.0;    ///< max-flow at derated ratings
    double powerShortfallKw = 0.0;
    QString powerRedundancy;       ///< achieved: none | N | N+1 | 2N
    bool powerMeetsTarget = false;
    bool powerNMinus1Ok = false;
    bool hasPowerChain = false;    ///< any transformer, UPS or distribution unit placed
    double generatorKw = 0.0;
    // Cooling
    QList<FacilityUnitStatus> coolingUnits;
    QList<CoolingZoneStatus> coolingZones;
    double airHeatKw = 0.0;
    double liquidHeatKw = 0.0;
    bool coolingNMinus1Ok = false;
    engine::PlantSpec plant;       ///< as used (plant.assumed: stand-in plant)
    // PUE
    engine::PueBreakdown design;   ///< at the design (hot) outdoor condition
    engine::AnnualPue annual;
    double pueDesign = 1.0;
    double pueAnnual = 1.0;
    double wueLitresPerKwh = 0.0;
    double energyMwhPerYear = 0.0;
    double co2TonnesPerYear = 0.0;
    std::vector<engine::PueCompliance> compliance;
    // Maps
    QList<HallGrid> thermal;       ///< degrees C, indicative (not CFD)
    QList<RackInlet> rackInlets;
    QList<HallThermalIndex> thermalHalls; ///< per hall with racks on the thermal map
    /// Racks with liquid heat and no CDU in reach (the thermal map counts that heat as air heat).
    QList<EquipmentId> liquidWithoutCdu;
    QList<HallGrid> floorLoad;     ///< kg/m2 per tile
    double floorLoadMaxKgPerM2 = 0.0;
    QList<Violation> violations;
    double deratingFraction = 0.8; ///< as used: power utilisation is shown against derating x rating
};

/**
 * The facility physics of a plan (issue 5): power chain with capacity and N-1, cooling zones,
 * plant power and PUE (design point and annualised over the site's monthly climate), WUE,
 * CO2, thermal map, floor loading per tile, aisle widths and door clearances.
 * Pure function of its inputs; catalog rows are read through `cache` (plus the efficiency
 * curve, COP and battery columns, looked up once per catalog id per call).
 */
FacilityResult facilityAnalysis(const FloorPlan &plan, const CatalogCache &cache, const FacilityAssumptions &assumptions = {});

/// Unit vector from a rack's centre to its front (air intake, cold-aisle side) in hall
/// coordinates (y southwards): south at rotation 0, west at 90, north at 180, east at 270, as the
/// editor draws the front edge.
QPointF rackFrontDirection(int rotationDeg);

/// One hall's thermal-map problem (docs/facility-model.md §5): grid with solid racks, walls and
/// containment zones; racks as fans carrying their air heat, indoor UPS/PDU losses as heat;
/// air cooling units as sinks with their supply and return cells, drawing the rising exhaust
/// from one shared return plenum per hall (`spec.plenums`).
/// Built where the catalog can be read (it queries the catalog through `cache`); solving it
/// with engine::solveThermal() needs nothing else, so the editor solves it on a worker thread.
struct HallThermalProblem
{
    HallId hallId = 0;
    QString hallName;
    engine::ThermalGridSpec spec;
    std::vector<engine::ThermalSource> sources;
    std::vector<engine::ThermalSink> sinks;
    /// Each rack's sources (one fan per tile column of its front): its inlet is the warmest of
    /// their engine::ThermalResult::sourceInletC.
    std::vector<std::pair<EquipmentId, std::vector<std::size_t>>> rackSources;
};

/// The thermal problems of every hall with heat or cooling; `facility` gives the power units'
/// losses and the liquid racks without a CDU (only `powerUnits` and `liquidWithoutCdu` are read;
/// a facilityAnalysis() result of the same plan, with or without its thermal map).
std::vector<HallThermalProblem> thermalProblems(const FloorPlan &plan, const CatalogCache &cache, const FacilityAssumptions &assumptions,
                                                const FacilityResult &facility);
/// Appends a solved hall's grid (degrees C), its rack inlets and the inlet violations to `res`.
void addThermalSolution(const HallThermalProblem &problem, const engine::ThermalResult &solved, FacilityResult &res);

/// Sites shipped in data/climate (resource :/climate/sites.csv + normals.csv), in file order.
const QList<engine::SiteClimate> &shippedClimateSites();
/// The site's name in the user's language: the Chinese name when the locale is Chinese and the
/// site has one, else the English name.
QString siteDisplayName(const engine::SiteClimate &site);
QString siteDisplayName(const FacilityResult &result);
std::optional<engine::SiteClimate> shippedClimateSite(const QString &id);
/// Parses the two CSV files (exposed for tests); errors go to *error.
QList<engine::SiteClimate> parseClimateCsv(const QByteArray &sitesCsv, const QByteArray &normalsCsv, QString *error);

} // namespace th
