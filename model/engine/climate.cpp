// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/climate.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace th::engine {

double wetBulbStullC(double t, double rh)
{
    rh = std::clamp(rh, 1.0, 100.0);
    return t * std::atan(0.151977 * std::sqrt(rh + 8.313659)) + std::atan(t + rh) - std::atan(rh - 1.676331)
           + 0.00391838 * std::pow(rh, 1.5) * std::atan(0.023101 * rh) - 4.686035;
}

namespace {
constexpr double kMagnusA = 17.625;
constexpr double kMagnusB = 243.04;
}

double dewPointC(double t, double rh)
{
    rh = std::clamp(rh, 1.0, 100.0);
    const double g = std::log(rh / 100.0) + kMagnusA * t / (kMagnusB + t);
    return kMagnusB * g / (kMagnusA - g);
}

double relHumidityFromDewPointPct(double t, double td)
{
    const double rh = 100.0 * std::exp(kMagnusA * td / (kMagnusB + td) - kMagnusA * t / (kMagnusB + t));
    return std::clamp(rh, 1.0, 100.0);
}

std::vector<OutdoorCondition> monthConditions(const SiteClimate &site, int month, double sigma)
{
    const std::size_t m = std::size_t(std::clamp(month, 1, 12) - 1);
    const double mean = site.dryBulbC[m];
    const double td = dewPointC(mean, site.relHumidityPct[m]);
    const double hours = kDaysPerMonth[m] * 24.0;
    const double amplitude = site.dailyRangeC / 2.0;
    const std::array<double, 3> offsets{0.0, -std::sqrt(3.0) * sigma, std::sqrt(3.0) * sigma};
    const std::array<double, 3> weights{2.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0};
    std::vector<OutdoorCondition> out;
    out.reserve(72);
    for (int h = 0; h < 24; ++h) {
        const double diurnal = amplitude * std::sin(2.0 * std::numbers::pi * (h + 0.5) / 24.0);
        for (std::size_t k = 0; k < 3; ++k) {
            const double t = mean + diurnal + offsets[k];
            // Dew point cannot exceed the air temperature: saturated air cools along it.
            const double tdHere = std::min(td, t);
            out.push_back({t, wetBulbStullC(t, relHumidityFromDewPointPct(t, tdHere)), hours / 24.0 * weights[k]});
        }
    }
    return out;
}

OutdoorCondition designCondition(const SiteClimate &site, double sigma)
{
    const auto hottest = std::max_element(site.dryBulbC.begin(), site.dryBulbC.end());
    const std::size_t m = std::size_t(hottest - site.dryBulbC.begin());
    const double td = dewPointC(site.dryBulbC[m], site.relHumidityPct[m]);
    const double t = site.dryBulbC[m] + site.dailyRangeC / 2.0 + std::sqrt(3.0) * sigma;
    return {t, wetBulbStullC(t, relHumidityFromDewPointPct(t, std::min(td, t))), 1.0};
}

} // namespace th::engine
