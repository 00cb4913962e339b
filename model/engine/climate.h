// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string>
#include <vector>

namespace th::engine {

/// China's PUE policy class of a site (DOMAIN.md §4, seed-000-002 §1.4).
enum class PueTargetClass {
    None,             ///< outside China: targets shown for reference only
    China,            ///< new large DC < 1.3, green DC <= 1.30
    ChinaHub,         ///< national hub node: <= 1.25
    ChinaWesternHub,  ///< western hub (Inner Mongolia, Guizhou, Gansu, Ningxia): <= 1.2
};

/// Monthly climate normals of a site plus its grid carbon factor (data/climate/*.csv).
struct SiteClimate
{
    std::string id;
    std::string name;
    std::string nameZh;            ///< Chinese name (shown in the Chinese UI); may be empty
    std::string country;           ///< ISO 3166 alpha-2
    double latitudeDeg = 0.0;
    double elevationM = 0.0;
    std::array<double, 12> dryBulbC{};   ///< monthly mean dry-bulb
    std::array<double, 12> relHumidityPct{}; ///< monthly mean relative humidity
    double dailyRangeC = 9.0;      ///< mean daily max - min (annual), for the diurnal cycle
    double gridKgCo2PerKwh = 0.0;
    PueTargetClass targetClass = PueTargetClass::None;
    std::string source;            ///< where the monthly normals come from (station, period, page)
    std::string gridSource;        ///< where gridKgCo2PerKwh comes from (publisher, year, basis)
    std::string confidence;        ///< high | medium | low

    bool operator==(const SiteClimate &) const = default; ///< memoised conditions (facilitypue.h)
};

/// One outdoor condition with the hours it stands for.
struct OutdoorCondition
{
    double dryBulbC = 20.0;
    double wetBulbC = 15.0;
    double hours = 1.0;
};

/// Days in each month of a non-leap year.
inline constexpr std::array<int, 12> kDaysPerMonth{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/// Wet-bulb temperature from dry-bulb and relative humidity at sea-level pressure (Stull 2011,
/// J. Appl. Meteor. Climatol. 50:2267; +-1 K for RH 5-99 %, T -20..50 C).
double wetBulbStullC(double dryBulbC, double relHumidityPct);
/// Dew point (Magnus, Alduchov & Eskridge 1996 coefficients).
double dewPointC(double dryBulbC, double relHumidityPct);
/// Relative humidity of air at dryBulbC with the given dew point, capped at 100 %.
double relHumidityFromDewPointPct(double dryBulbC, double dewPointC);

/**
 * The hours of one month (1..12) as a set of outdoor conditions: a diurnal sinusoid of
 * amplitude dailyRange/2 (24 hourly points) times three synoptic offsets (Gauss-Hermite,
 * 0 and +-sqrt(3) sigma with weights 2/3, 1/6, 1/6; sigma = synopticSigmaC) around the monthly
 * mean; the dew point stays at its monthly mean value, so wet-bulb follows from each dry-bulb.
 * Weights sum to the hours of the month. Indicative: monthly normals carry no hourly data.
 */
std::vector<OutdoorCondition> monthConditions(const SiteClimate &site, int month, double synopticSigmaC = 3.0);

/// The design (hot) condition: the hottest month's warmest bin (mean + range/2 + sqrt(3) sigma).
OutdoorCondition designCondition(const SiteClimate &site, double synopticSigmaC = 3.0);

} // namespace th::engine
