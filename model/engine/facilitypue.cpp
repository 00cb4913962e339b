// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/facilitypue.h"

#include <algorithm>
#include <cmath>

namespace th::engine {

namespace {
constexpr double kKelvin = 273.15;
constexpr double kLatentKjPerKg = 2450.0;
constexpr double kKjPerKwh = 3600.0;
// AHRI 550/590 rating points.
constexpr double kRatedEvaporatorLeavingC = 6.7;
constexpr double kRatedCondenserEnteringC = 29.4;
constexpr double kRatedAmbientC = 35.0;
} // namespace

double chillerCop(ChillerType type, double copRated, double evaporatorC, double condensingC, const PlantSetpoints &s)
{
    if (copRated <= 0.0)
        return 0.0;
    const double ratedEvap = kRatedEvaporatorLeavingC - s.evaporatorApproachK;
    const double ratedCond = type == ChillerType::WaterCooled ? kRatedCondenserEnteringC + s.waterCondenserLiftK
                                                               : kRatedAmbientC + s.airCondenserLiftK;
    const double carnotRated = (ratedEvap + kKelvin) / (ratedCond - ratedEvap);
    const double fraction = copRated / carnotRated;
    const double lift = std::max(s.minLiftK, condensingC - evaporatorC);
    return std::min(s.maxCopFactor * copRated, fraction * (evaporatorC + kKelvin) / lift);
}

PlantPower plantPower(const PlantSpec &p, const PlantSetpoints &s, double airHeatKw, double liquidHeatKw, const OutdoorCondition &o)
{
    PlantPower out;
    const bool spraying = p.adiabaticDryCooler && o.dryBulbC > s.adiabaticSwitchC;
    const double dryAirC = spraying ? o.dryBulbC - s.adiabaticEffectiveness * (o.dryBulbC - o.wetBulbC) : o.dryBulbC;
    // Coldest water the economiser can make (through a plate heat exchanger).
    double ecoC = 1e9;
    if (p.towerCapacityKw > 0.0)
        ecoC = std::min(ecoC, o.wetBulbC + s.towerApproachK + s.hxApproachK);
    if (p.dryCoolerCapacityKw > 0.0)
        ecoC = std::min(ecoC, dryAirC + s.dryCoolerApproachK + s.hxApproachK);
    const bool airCooledCoil = p.chillerCapacityKw > 0.0 && p.chillerType == ChillerType::AirCooled;
    if (airCooledCoil)
        ecoC = std::min(ecoC, o.dryBulbC + s.dryCoolerApproachK + s.hxApproachK);
    // Condensing temperature of the chillers.
    double condC = o.dryBulbC + s.airCondenserLiftK;
    if (p.chillerType == ChillerType::WaterCooled) {
        const double sinkC = p.towerCapacityKw > 0.0 ? o.wetBulbC + s.towerApproachK : dryAirC + s.dryCoolerApproachK;
        condC = sinkC + s.waterCondenserLiftK;
    }
    double airCooledEcoKw = 0.0;
    auto loop = [&](double heatKw, double supplyC, double returnC) {
        LoopState l;
        l.heatKw = heatKw;
        l.economiserFraction = returnC > supplyC ? std::clamp((returnC - ecoC) / (returnC - supplyC), 0.0, 1.0) : 0.0;
        l.regime = l.economiserFraction >= 1.0 ? CoolingRegime::Free
                   : l.economiserFraction <= 0.0 ? CoolingRegime::Mechanical
                                                 : CoolingRegime::Partial;
        const double mechKw = (1.0 - l.economiserFraction) * heatKw;
        l.cop = chillerCop(p.chillerType, p.chillerCopRated, supplyC - s.evaporatorApproachK, condC, s);
        if (p.chillerCapacityKw > 0.0 && l.cop > 0.0)
            l.chillerKw = mechKw / l.cop;
        else
            l.unmetKw = mechKw;
        if (airCooledCoil)
            airCooledEcoKw += l.economiserFraction * heatKw;
        return l;
    };
    out.airLoop = loop(airHeatKw, s.airLoopSupplyC, s.airLoopReturnC);
    out.liquidLoop = loop(liquidHeatKw, s.liquidLoopSupplyC, s.liquidLoopReturnC);
    out.chillerKw = out.airLoop.chillerKw + out.liquidLoop.chillerKw;
    const double heatKw = airHeatKw + liquidHeatKw;
    const double rejectedKw = heatKw + out.chillerKw;
    const double rejectCap = p.towerCapacityKw + p.dryCoolerCapacityKw;
    if (rejectCap > 0.0) {
        const double u = rejectedKw / rejectCap;
        out.heatRejectionFanKw = (p.towerFanKw + p.dryCoolerFanKw) * std::pow(u, s.fanExponent);
        const double towerShare = p.towerCapacityKw / rejectCap;
        const double evapLph = rejectedKw * towerShare * s.evaporativeShare * kKjPerKwh / kLatentKjPerKg;
        const double blowdownLph = s.cyclesOfConcentration > 1.0 ? evapLph / (s.cyclesOfConcentration - 1.0) : 0.0;
        out.waterLitresPerHour = evapLph + blowdownLph;
        if (spraying)
            out.waterLitresPerHour += rejectedKw * (1.0 - towerShare) * s.adiabaticLitresPerKwh;
    }
    out.heatRejectionFanKw += airCooledEcoKw * s.airCooledFreeFanKwPerKw;
    out.pumpKw = s.pumpKwPerKwHeat * heatKw;
    return out;
}

PueBreakdown facilityPowerAt(const FacilityLoad &f, const OutdoorCondition &o)
{
    PueBreakdown b;
    b.itKw = f.itKw;
    const double indoorLossKw = f.powerLossesIndoors ? f.upsLossKw + f.distributionLossKw : 0.0;
    const double airHeat = f.airItHeatKw + indoorLossKw + f.airUnitPowerKw + f.lightingKw;
    const double liquidHeat = f.liquidItHeatKw + f.liquidUnitPowerKw;
    const PlantPower p = plantPower(f.plant, f.setpoints, airHeat, liquidHeat, o);
    b.chillerKw = p.chillerKw;
    b.heatRejectionFanKw = p.heatRejectionFanKw;
    b.pumpKw = p.pumpKw;
    b.terminalUnitKw = f.airUnitPowerKw + f.liquidUnitPowerKw;
    b.coolingKw = b.chillerKw + b.heatRejectionFanKw + b.pumpKw + b.terminalUnitKw;
    b.lightingOtherKw = f.lightingKw + f.otherKw;
    b.upsLossKw = f.upsLossKw;
    b.distributionLossKw = f.distributionLossKw;
    b.transformerLossKw = transformerLossesKw(f.powerInput, f.powerResult, b.coolingKw + b.lightingOtherKw);
    b.powerLossKw = b.transformerLossKw + b.upsLossKw + b.distributionLossKw;
    b.totalKw = b.itKw + b.coolingKw + b.powerLossKw + b.lightingOtherKw;
    b.pue = b.itKw > 0.0 ? b.totalKw / b.itKw : 1.0;
    b.waterLitresPerHour = p.waterLitresPerHour;
    b.airRegime = p.airLoop.regime;
    b.liquidRegime = p.liquidLoop.regime;
    return b;
}

ClimateConditions climateConditions(const SiteClimate &site, double sigma)
{
    ClimateConditions c;
    c.design = designCondition(site, sigma);
    for (int m = 1; m <= 12; ++m)
        c.months[std::size_t(m - 1)] = monthConditions(site, m, sigma);
    return c;
}

AnnualPueInputs annualPueInputs(const FacilityLoad &f, const SiteClimate &site, double sigma)
{
    AnnualPueInputs k;
    k.kw = {f.itKw, f.upsLossKw, f.distributionLossKw, f.airItHeatKw, f.liquidItHeatKw, f.airUnitPowerKw, f.liquidUnitPowerKw, f.lightingKw, f.otherKw};
    k.powerLossesIndoors = f.powerLossesIndoors;
    for (std::size_t i = 0; i < f.powerInput.units.size(); ++i) {
        const PowerUnit &u = f.powerInput.units[i];
        if (u.kind == PowerUnitKind::Transformer)
            k.transformers.push_back({u.capacityKw, u.efficiency, i < f.powerResult.units.size() ? f.powerResult.units[i].outputKw : 0.0,
                                      i < f.powerResult.units.size()});
    }
    k.plant = f.plant;
    k.setpoints = f.setpoints;
    k.site = site;
    k.synopticSigmaC = sigma;
    return k;
}

AnnualPue annualPue(const FacilityLoad &f, const SiteClimate &site, double sigma)
{
    return annualPue(f, site, climateConditions(site, sigma));
}

AnnualPue annualPue(const FacilityLoad &f, const SiteClimate &site, const ClimateConditions &conditions)
{
    AnnualPue a;
    a.designOutdoor = conditions.design;
    a.design = facilityPowerAt(f, a.designOutdoor);
    const bool airDominant = f.airItHeatKw >= f.liquidItHeatKw;
    double waterL = 0.0;
    for (int m = 1; m <= 12; ++m) {
        MonthPue &mp = a.months[std::size_t(m - 1)];
        mp.meanDryBulbC = site.dryBulbC[std::size_t(m - 1)];
        for (const OutdoorCondition &o : conditions.months[std::size_t(m - 1)]) {
            const PueBreakdown b = facilityPowerAt(f, o);
            const double h = o.hours / 1000.0; // kW x h / 1000 = MWh
            mp.itMwh += b.itKw * h;
            mp.totalMwh += b.totalKw * h;
            a.coolingMwh += b.coolingKw * h;
            a.powerLossMwh += b.powerLossKw * h;
            a.lightingOtherMwh += b.lightingOtherKw * h;
            waterL += b.waterLitresPerHour * o.hours;
            const CoolingRegime regime = airDominant ? b.airRegime : b.liquidRegime;
            (regime == CoolingRegime::Free ? mp.freeHours : regime == CoolingRegime::Partial ? mp.partialHours : mp.mechanicalHours) += o.hours;
        }
        mp.pue = mp.itMwh > 0.0 ? mp.totalMwh / mp.itMwh : 1.0;
        a.itMwh += mp.itMwh;
        a.totalMwh += mp.totalMwh;
        a.freeCoolingHours += mp.freeHours;
    }
    a.pueAnnual = a.itMwh > 0.0 ? a.totalMwh / a.itMwh : 1.0;
    a.waterM3 = waterL / 1000.0;
    a.wueLitresPerKwh = a.itMwh > 0.0 ? waterL / (a.itMwh * 1000.0) : 0.0;
    a.co2Tonnes = a.totalMwh * site.gridKgCo2PerKwh;
    a.cueKgPerKwh = a.itMwh > 0.0 ? a.co2Tonnes / a.itMwh : 0.0;
    return a;
}

std::vector<PueCompliance> chinaPueCompliance(double pue, PueTargetClass c)
{
    const bool cn = c != PueTargetClass::None;
    std::vector<PueCompliance> out{
        {"cn-western-hub", "East-Data-West-Computing western hub (Inner Mongolia, Guizhou, Gansu, Ningxia) PUE <= 1.20", 1.20, false,
         c == PueTargetClass::ChinaWesternHub, false},
        {"cn-hub", "National hub node PUE <= 1.25 (NDRC et al. 2021; eastern hub start-up zones)", 1.25, false,
         c == PueTargetClass::ChinaHub || c == PueTargetClass::ChinaWesternHub, false},
        {"cn-new-large", "New large and hyperscale data centres PUE < 1.3 (NDRC et al. 2021)", 1.30, true, cn, false},
        {"cn-green-dc", "National green data centre listing PUE <= 1.30 (MIIT 2025)", 1.30, false, cn, false},
        {"gb40879-g1", "GB 40879-2021 grade 1 (PUE <= 1.20, thresholds medium confidence)", 1.20, false, cn, false},
        {"gb40879-g2", "GB 40879-2021 grade 2 (PUE <= 1.30)", 1.30, false, cn, false},
        {"gb40879-g3", "GB 40879-2021 grade 3 = limit value (PUE <= 1.50)", 1.50, false, cn, false},
    };
    for (PueCompliance &p : out)
        p.pass = p.strict ? pue < p.limit : pue <= p.limit + 1e-12;
    return out;
}

} // namespace th::engine
