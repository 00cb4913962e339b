// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cooling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>

namespace th::engine {

CoolingMedium mediumOf(CoolingUnitType type)
{
    switch (type) {
    case CoolingUnitType::Cdu: return CoolingMedium::Liquid;
    case CoolingUnitType::Immersion: return CoolingMedium::Immersion;
    default: return CoolingMedium::Air;
    }
}

namespace {

struct UnionFind
{
    std::vector<int> parent;
    explicit UnionFind(std::size_t n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int x)
    {
        while (parent[std::size_t(x)] != x) {
            parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
            x = parent[std::size_t(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::size_t(std::max(a, b))] = std::min(a, b);
    }
};

bool reaches(const CoolingUnit &u, const HeatLoad &l, const CoolingReach &reach)
{
    if (u.site != l.site)
        return false;
    const double dx = std::abs(u.xMm - l.xMm), dy = std::abs(u.yMm - l.yMm);
    switch (u.type) {
    case CoolingUnitType::Crah: return true;
    case CoolingUnitType::InRow: {
        const double along = u.rowAlongX ? dx : dy, across = u.rowAlongX ? dy : dx;
        return along <= reach.inRowAlongMm && across <= reach.inRowAcrossMm;
    }
    case CoolingUnitType::RearDoor: return dx + dy <= reach.rearDoorMm;
    case CoolingUnitType::Cdu: return dx + dy <= reach.cduMm;
    case CoolingUnitType::Immersion: return dx + dy <= reach.immersionMm;
    }
    return false;
}

/// Half-extents of the box a unit reaches (CRAHs reach the whole hall and are not indexed).
std::pair<double, double> reachBoxMm(const CoolingUnit &u, const CoolingReach &reach)
{
    switch (u.type) {
    case CoolingUnitType::Crah: break;
    case CoolingUnitType::InRow:
        return u.rowAlongX ? std::pair{reach.inRowAlongMm, reach.inRowAcrossMm} : std::pair{reach.inRowAcrossMm, reach.inRowAlongMm};
    case CoolingUnitType::RearDoor: return {reach.rearDoorMm, reach.rearDoorMm};
    case CoolingUnitType::Cdu: return {reach.cduMm, reach.cduMm};
    case CoolingUnitType::Immersion: return {reach.immersionMm, reach.immersionMm};
    }
    return {0.0, 0.0};
}

/**
 * Points (units or loads) by the grid cells a box around each covers, per site: a query visits
 * one cell instead of every unit (3,600 racks x 880 in-row units were 3 million reaches() calls,
 * a third of a 5,000-item recompute). The box is a superset of the reach (1 mm margin); the exact
 * test stays reaches(). Items whose box covers too many cells are checked for every query.
 */
class BoxGrid
{
public:
    explicit BoxGrid(double cellMm)
        : m_cellMm(std::max(cellMm, 100.0))
    {
    }
    void insert(int item, int site, double x, double y, double halfX, double halfY)
    {
        const long long x0 = cell(x - halfX - 1.0), x1 = cell(x + halfX + 1.0), y0 = cell(y - halfY - 1.0), y1 = cell(y + halfY + 1.0);
        if (!std::isfinite(x + y + halfX + halfY) || (x1 - x0 + 1) * (y1 - y0 + 1) > 4096) {
            m_everywhere[site].push_back(item);
            return;
        }
        for (long long cy = y0; cy <= y1; ++cy)
            for (long long cx = x0; cx <= x1; ++cx)
                m_cells[key(site, cx, cy)].push_back(item);
    }
    /// Calls visit(item) for every item whose box may contain the point (items may repeat
    /// across the cell and the everywhere list only if inserted twice, which callers do not).
    template<typename Visit>
    void query(int site, double x, double y, Visit &&visit) const
    {
        if (auto it = m_everywhere.find(site); it != m_everywhere.end())
            for (int i : it->second)
                visit(i);
        if (!std::isfinite(x + y))
            return;
        if (auto it = m_cells.find(key(site, cell(x), cell(y))); it != m_cells.end())
            for (int i : it->second)
                visit(i);
    }

private:
    long long cell(double v) const { return (long long)std::floor(std::clamp(v / m_cellMm, -1e9, 1e9)); }
    static std::uint64_t key(int site, long long cx, long long cy)
    {
        // 21 bits per coordinate (cells of >= 100 mm: +-100 km), the rest for the site.
        return (std::uint64_t(std::uint32_t(site)) << 42) ^ (std::uint64_t(cx & 0x1FFFFF) << 21) ^ std::uint64_t(cy & 0x1FFFFF);
    }
    double m_cellMm;
    std::unordered_map<std::uint64_t, std::vector<int>> m_cells;
    std::unordered_map<int, std::vector<int>> m_everywhere;
};

double heatOf(const HeatLoad &l, CoolingMedium m)
{
    switch (m) {
    case CoolingMedium::Air: return l.airKw;
    case CoolingMedium::Liquid: return l.liquidKw;
    case CoolingMedium::Immersion: return l.immersionKw;
    }
    return 0.0;
}

} // namespace

CoolingResult analyseCooling(const CoolingInput &in)
{
    CoolingResult r;
    const std::size_t nu = in.units.size(), nl = in.loads.size();
    r.units.resize(nu);
    for (std::size_t i = 0; i < nu; ++i)
        r.units[i].id = in.units[i].id;
    for (const HeatLoad &l : in.loads) {
        r.airHeatKw += l.airKw;
        r.liquidHeatKw += l.liquidKw + l.immersionKw;
    }
    // Rear doors take the single nearest rack in reach; other units every rack in reach.
    std::vector<int> rearDoorTarget(nu, -1);
    const bool anyRearDoor = std::any_of(in.units.begin(), in.units.end(), [](const CoolingUnit &u) { return u.type == CoolingUnitType::RearDoor; });
    BoxGrid loadGrid(in.reach.rearDoorMm * 2.0);
    if (anyRearDoor) {
        for (std::size_t j = 0; j < nl; ++j)
            if (in.loads[j].needsOwnCoolingCheck)
                loadGrid.insert(int(j), in.loads[j].site, in.loads[j].xMm, in.loads[j].yMm, in.reach.rearDoorMm, in.reach.rearDoorMm);
    }
    for (std::size_t i = 0; i < nu; ++i) {
        if (in.units[i].type != CoolingUnitType::RearDoor)
            continue;
        double best = 1e300;
        // The nearest reached rack; on a tie the first in input order (as a scan in order).
        loadGrid.query(in.units[i].site, in.units[i].xMm, in.units[i].yMm, [&](int j) {
            const HeatLoad &l = in.loads[std::size_t(j)];
            if (!reaches(in.units[i], l, in.reach))
                return;
            const double d = std::abs(in.units[i].xMm - l.xMm) + std::abs(in.units[i].yMm - l.yMm);
            if (d < best || (d == best && j < rearDoorTarget[i])) {
                best = d;
                rearDoorTarget[i] = j;
            }
        });
    }
    // Units other than CRAHs by the box they reach.
    BoxGrid unitGrid(std::max(in.reach.inRowAlongMm, in.reach.inRowAcrossMm));
    for (std::size_t i = 0; i < nu; ++i) {
        const CoolingUnit &u = in.units[i];
        if (u.type == CoolingUnitType::Crah)
            continue;
        const auto [hx, hy] = reachBoxMm(u, in.reach);
        unitGrid.insert(int(i), u.site, u.xMm, u.yMm, hx, hy);
    }
    // Index CRAHs per hall: they reach every load of their hall.
    std::unordered_map<int, std::vector<int>> crahsOfSite;
    for (std::size_t i = 0; i < nu; ++i) {
        if (in.units[i].type == CoolingUnitType::Crah)
            crahsOfSite[in.units[i].site].push_back(int(i));
    }
    for (CoolingMedium medium : {CoolingMedium::Air, CoolingMedium::Liquid, CoolingMedium::Immersion}) {
        // Nodes: units 0..nu-1, loads nu..nu+nl-1.
        UnionFind uf(nu + nl);
        std::vector<char> loadReached(nl, 0), unitUsed(nu, 0);
        for (std::size_t j = 0; j < nl; ++j) {
            const HeatLoad &l = in.loads[j];
            if (heatOf(l, medium) <= 0.0)
                continue;
            if (medium == CoolingMedium::Air) {
                if (auto it = crahsOfSite.find(l.site); it != crahsOfSite.end()) {
                    for (int u : it->second) {
                        uf.unite(u, int(nu + j));
                        loadReached[j] = 1;
                        unitUsed[std::size_t(u)] = 1;
                    }
                }
            }
            // Zones are the connected components: the order of the unions does not matter.
            unitGrid.query(l.site, l.xMm, l.yMm, [&](int i) {
                const CoolingUnit &u = in.units[std::size_t(i)];
                if (mediumOf(u.type) != medium)
                    return;
                const bool hit = u.type == CoolingUnitType::RearDoor ? rearDoorTarget[std::size_t(i)] == int(j) : reaches(u, l, in.reach);
                if (hit) {
                    uf.unite(i, int(nu + j));
                    loadReached[j] = 1;
                    unitUsed[std::size_t(i)] = 1;
                }
            });
        }
        std::unordered_map<int, int> zoneOfRoot;
        for (std::size_t i = 0; i < nu; ++i) {
            if (mediumOf(in.units[i].type) != medium || !unitUsed[i])
                continue;
            const int root = uf.find(int(i));
            auto [it, inserted] = zoneOfRoot.try_emplace(root, int(r.zones.size()));
            if (inserted) {
                CoolingZone z;
                z.medium = medium;
                z.site = in.units[i].site;
                r.zones.push_back(z);
            }
            CoolingZone &z = r.zones[std::size_t(it->second)];
            z.unitIds.push_back(in.units[i].id);
            z.capacityKw += in.units[i].capacityKw;
            r.units[i].zone = it->second;
        }
        for (std::size_t j = 0; j < nl; ++j) {
            const HeatLoad &l = in.loads[j];
            const double q = heatOf(l, medium);
            if (q <= 0.0)
                continue;
            if (!loadReached[j]) {
                if (l.needsOwnCoolingCheck) {
                    (medium == CoolingMedium::Air      ? r.loadsWithoutAir
                     : medium == CoolingMedium::Liquid ? r.loadsWithoutLiquid
                                                       : r.loadsWithoutImmersion)
                        .push_back(l.id);
                }
                continue;
            }
            CoolingZone &z = r.zones[std::size_t(zoneOfRoot.at(uf.find(int(nu + j))))];
            z.loadIds.push_back(l.id);
            z.demandKw += q;
        }
    }
    std::vector<double> largestOfZone(r.zones.size(), 0.0); // one pass, not zones x units
    for (std::size_t i = 0; i < nu; ++i)
        if (r.units[i].zone >= 0)
            largestOfZone[std::size_t(r.units[i].zone)] = std::max(largestOfZone[std::size_t(r.units[i].zone)], in.units[i].capacityKw);
    for (std::size_t zi = 0; zi < r.zones.size(); ++zi) {
        CoolingZone &z = r.zones[zi];
        z.capacityNMinus1Kw = z.capacityKw - largestOfZone[zi];
        z.overCapacity = z.demandKw > z.capacityKw * (1.0 + 1e-12);
        z.nPlus1Ok = z.demandKw <= z.capacityNMinus1Kw * (1.0 + 1e-12);
        r.allZonesOk = r.allZonesOk && !z.overCapacity;
        r.allZonesNPlus1 = r.allZonesNPlus1 && z.nPlus1Ok;
    }
    r.allZonesOk = r.allZonesOk && r.loadsWithoutAir.empty() && r.loadsWithoutLiquid.empty() && r.loadsWithoutImmersion.empty();
    for (std::size_t i = 0; i < nu; ++i) {
        CoolingUnitResult &ur = r.units[i];
        const CoolingUnit &u = in.units[i];
        if (ur.zone >= 0) {
            const CoolingZone &z = r.zones[std::size_t(ur.zone)];
            ur.utilisation = z.capacityKw > 0.0 ? z.demandKw / z.capacityKw : 0.0;
            ur.loadKw = ur.utilisation * u.capacityKw;
        }
        ur.powerKw = u.ratedPowerKw * std::pow(std::max(0.0, ur.utilisation), in.fanExponent);
        (mediumOf(u.type) == CoolingMedium::Air ? r.airUnitPowerKw : r.liquidUnitPowerKw) += ur.powerKw;
    }
    return r;
}

} // namespace th::engine
