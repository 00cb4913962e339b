// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cooling.h"

#include <algorithm>
#include <cmath>
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
    for (std::size_t i = 0; i < nu; ++i) {
        if (in.units[i].type != CoolingUnitType::RearDoor)
            continue;
        double best = 1e300;
        for (std::size_t j = 0; j < nl; ++j) {
            const HeatLoad &l = in.loads[j];
            if (!l.needsOwnCoolingCheck || !reaches(in.units[i], l, in.reach))
                continue;
            const double d = std::abs(in.units[i].xMm - l.xMm) + std::abs(in.units[i].yMm - l.yMm);
            if (d < best) {
                best = d;
                rearDoorTarget[i] = int(j);
            }
        }
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
            for (std::size_t i = 0; i < nu; ++i) {
                const CoolingUnit &u = in.units[i];
                if (mediumOf(u.type) != medium || u.type == CoolingUnitType::Crah)
                    continue;
                const bool hit = u.type == CoolingUnitType::RearDoor ? rearDoorTarget[i] == int(j) : reaches(u, l, in.reach);
                if (hit) {
                    uf.unite(int(i), int(nu + j));
                    loadReached[j] = 1;
                    unitUsed[i] = 1;
                }
            }
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
    for (CoolingZone &z : r.zones) {
        double largest = 0.0;
        for (std::size_t i = 0; i < nu; ++i) {
            if (r.units[i].zone >= 0 && &r.zones[std::size_t(r.units[i].zone)] == &z)
                largest = std::max(largest, in.units[i].capacityKw);
        }
        z.capacityNMinus1Kw = z.capacityKw - largest;
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
