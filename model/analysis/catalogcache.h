// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/cellbuckets.h"
#include "model/analysis/performancebridge.h"
#include "model/document/equipment.h"
#include "model/engine/facilitypue.h"
#include "model/engine/powerchain.h"
#include "model/engine/units.h"

#include <QByteArray>
#include <QHash>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <array>
#include <optional>
#include <unordered_map>

namespace th {

class Catalog;

/**
 * What the analysis needs of one catalog row, looked up once per catalog id (a plan of 5,000
 * items references a few dozen ids; resolving through SQL per item per frame would not keep up).
 */
struct ResolvedCatalogItem
{
    bool found = false;
    bool isSystem = false;
    QString name;
    // Systems
    QString chipId;
    int chipsPerUnit = 0;        ///< accelerators in one system (server or supernode)
    int defaultUnitsPerRack = 1; ///< servers per rack in the reference layout (1 = rack-scale)
    int racks = 1;               ///< racks the system occupies (units_per_rack == 1)
    int computeRacks = 1;
    double itKwPerUnit = 0.0;
    double weightKgPerUnit = 0.0;
    QString cooling;             ///< air | liquid | hybrid | immersion
    double liquidFraction = 0.0;
    std::array<double, engine::kPrecisionCount> chipDenseTflops{}; ///< 0 = unsupported
    double chipTdpW = 0.0;
    // Facility equipment
    QString category;
    double capacityKw = 0.0;
    double ownPowerKw = 0.0;     ///< fans/pumps, or IT draw for network/storage racks
    // Both
    double widthMm = 600.0;
    double depthMm = 1200.0;
    std::optional<double> priceUsd;
    QString placement;           ///< hall | yard (facility)
    QString confidence;
};

/// Columns of a facility catalog row that only the facility analysis reads (ResolvedCatalogItem
/// does not carry them).
struct FacilityCatalogExtras
{
    engine::EfficiencyCurve curve;
    double cop = 0.0;
    double batteryMinutes = 0.0;
    bool airCooled = false;
    bool adiabatic = false;
};

/// Work buffers of the plan analysis, kept between recomputes so that a recompute reuses their
/// memory instead of allocating and freeing it again (the floor-load grid of the 5,000-item bench
/// plan is 800 kB; the cell indexes were ~32,000 small allocations). Each pass overwrites what it
/// uses; nothing in them carries over from one recompute to the next.
struct AnalysisScratch
{
    std::vector<double> floorKg;   ///< floorLoading: kg per tile
    std::vector<QRectF> overlapRects, aisleRects; ///< findOverlaps, aislesAndDoors: footprints by item index
    std::vector<int> aisleItems, aisleVisitedBy;  ///< aislesAndDoors: a hall's items, pair marks
    CellBuckets overlapCells, aisleCells;
};

/// Caches catalog look-ups for the analysis; clear() after the catalog changes.
class CatalogCache
{
public:
    explicit CatalogCache(const Catalog *catalog);
    const ResolvedCatalogItem &resolve(EquipmentKind kind, const QString &catalogId) const;
    const Catalog *catalog() const { return m_catalog; }
    void clear()
    {
        m_systems.clear();
        m_facilities.clear();
        m_extras.clear();
        m_runs.clear();
        m_climate.reset();
        m_powerChain.clear();
        m_annualPue.reset();
        m_last = {};
    }
    /// The performance model's run for a workload scenario, memoised by the scenario's JSON:
    /// dragging racks around does not change the chips, so the search runs once, not per frame.
    /// The facility analysis' extra columns of an equipment row (efficiency curve, COP, battery),
    /// read once per catalog id: reading them per recompute ran SQL queries on every drag step.
    /// Defined in facilityanalysis.cpp.
    const FacilityCatalogExtras &facilityExtras(const QString &catalogId) const;
    /// The outdoor conditions of a site (engine::climateConditions), kept for the last site and
    /// sigma asked for: they depend on the climate only, and the editor recomputes the same site
    /// on every drag step. Compared by value, so an edited climate is computed afresh.
    const engine::ClimateConditions &climateConditions(const engine::SiteClimate &site, double synopticSigmaC) const;
    /// The last automatic feed assignment of the power chain, replayed where the next recompute's
    /// racks and feed candidates are unchanged (engine::PowerChainMemo: the same result).
    engine::PowerChainMemo &powerChainMemo() const { return m_powerChain; }
    /// engine::annualPue() of the load at the site, kept for the last inputs (compared in full,
    /// engine::AnnualPueInputs): a drag step that changes no unit's load reuses the result.
    const engine::AnnualPue &annualPue(const engine::FacilityLoad &load, const engine::SiteClimate &site) const;
    const ModelledRun &modelledRun(const QByteArray &key, const Scenario &scenario) const;
    /// Work buffers of the analysis passes (not results: clear() need not touch them).
    AnalysisScratch &scratch() const { return m_scratch; }
    /// Footprint of one instance as placed (multi-rack systems span layout_cols x layout_rows racks).
    static QSizeF footprintMm(const ResolvedCatalogItem &item, int layoutCols, int layoutRows);

private:
    const Catalog *m_catalog;
    struct Hash
    {
        std::size_t operator()(const QString &s) const noexcept { return qHash(s); }
    };
    // Per kind and keyed by the catalog id itself: a key built per look-up ("s:" + id) cost a
    // malloc and a copy on each of the ~20,000 look-ups of a 5,000-item recompute. Node-based
    // maps: resolve() hands out references that callers keep while resolving other ids.
    mutable std::unordered_map<QString, ResolvedCatalogItem, Hash> m_systems, m_facilities;
    mutable std::unordered_map<QString, FacilityCatalogExtras, Hash> m_extras;
    // The last id resolved per kind (0 systems, 1 facility): plans list items of one catalog id
    // together (rows of racks, a block's PDUs), so most look-ups of a recompute are the previous
    // one's id, and comparing it costs far less than hashing it (~600 instructions per look-up
    // in callgrind, 2026-11-23: 18,600 look-ups per 2N recompute).
    struct LastResolved
    {
        QString id;
        const ResolvedCatalogItem *item = nullptr;
    };
    mutable std::array<LastResolved, 2> m_last;
    struct ClimateMemo
    {
        engine::SiteClimate site;
        double sigmaC = 0.0;
        engine::ClimateConditions conditions;
    };
    mutable std::optional<ClimateMemo> m_climate;
    mutable engine::PowerChainMemo m_powerChain;
    mutable std::optional<std::pair<engine::AnnualPueInputs, engine::AnnualPue>> m_annualPue;
    mutable QHash<QByteArray, ModelledRun> m_runs;
    mutable AnalysisScratch m_scratch;
};

} // namespace th
