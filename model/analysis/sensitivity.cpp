// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/sensitivity.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Sensitivity)
};

struct Point
{
    double costUsd = 0.0;
    double days = 0.0;
};

Point evaluate(const engine::TrainingInputs &in, double utilisation)
{
    const engine::TrainingResult r = engine::estimateTraining(in);
    if (r.error != engine::EstimateError::None)
        return {std::nan(""), std::nan("")};
    const double u = std::clamp(utilisation, 0.01, 1.0);
    return {(r.estimate.computeCostUsd + r.estimate.energyCostUsd) / u, r.estimate.days / u};
}

} // namespace

SensitivityResult computeSensitivity(const engine::TrainingInputs &base, const SensitivityRanges &ranges)
{
    SensitivityResult out;
    const Point b = evaluate(base, 1.0);
    out.baseCostUsd = b.costUsd;
    out.baseDays = b.days;

    auto add = [&](const QString &key, const QString &label, double baseValue, double lo, double hi, const QString &unit,
                   const auto &apply) {
        SensitivityFactor f{key, label, baseValue, lo, hi, unit};
        engine::TrainingInputs in = base;
        double u = 1.0;
        apply(in, u, lo);
        const Point pl = evaluate(in, u);
        in = base;
        u = 1.0;
        apply(in, u, hi);
        const Point ph = evaluate(in, u);
        f.costLowUsd = pl.costUsd;
        f.costHighUsd = ph.costUsd;
        f.daysLow = pl.days;
        f.daysHigh = ph.days;
        out.factors.append(f);
    };
    const double e = base.facility.electricityUsdPerKwh;
    add(QStringLiteral("electricity_price"), Tr::tr("Electricity price"), e, e * (1 - ranges.electricityPrice), e * (1 + ranges.electricityPrice),
        QStringLiteral("USD/kWh"), [](engine::TrainingInputs &in, double &, double v) { in.facility.electricityUsdPerKwh = v; });
    const double m = base.mfu;
    add(QStringLiteral("mfu"), Tr::tr("MFU"), m, m * (1 - ranges.mfu), std::min(0.95, m * (1 + ranges.mfu)), QString(),
        [](engine::TrainingInputs &in, double &, double v) { in.mfu = v; });
    const double p = base.facility.pue;
    add(QStringLiteral("pue"), Tr::tr("PUE"), p, std::max(1.0, p * (1 - ranges.pue)), p * (1 + ranges.pue), QString(),
        [](engine::TrainingInputs &in, double &, double v) { in.facility.pue = v; });
    if (base.cost.chipHourUsd) {
        const double c = *base.cost.chipHourUsd;
        add(QStringLiteral("chip_price"), Tr::tr("Chip-hour price"), c, c * (1 - ranges.chipPrice), c * (1 + ranges.chipPrice),
            QStringLiteral("USD/h"), [](engine::TrainingInputs &in, double &, double v) { in.cost.chipHourUsd = v; });
    } else if (base.chip.priceUsd) {
        const double c = *base.chip.priceUsd;
        add(QStringLiteral("chip_price"), Tr::tr("Chip price"), c, c * (1 - ranges.chipPrice), c * (1 + ranges.chipPrice), QStringLiteral("USD"),
            [](engine::TrainingInputs &in, double &, double v) { in.chip.priceUsd = v; });
    }
    add(QStringLiteral("utilisation"), Tr::tr("Utilisation"), 1.0, std::max(0.01, 1.0 - ranges.utilisation), 1.0, QString(),
        [](engine::TrainingInputs &, double &u, double v) { u = v; });
    std::stable_sort(out.factors.begin(), out.factors.end(), [](const SensitivityFactor &a, const SensitivityFactor &b) {
        return std::abs(a.costHighUsd - a.costLowUsd) > std::abs(b.costHighUsd - b.costLowUsd);
    });
    return out;
}

} // namespace th
