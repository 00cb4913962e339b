// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/trainingestimate.h"

#include <QList>
#include <QString>

namespace th {

/// Relative ranges (0.2 = ±20 %) of the one-at-a-time sensitivity study; user-set.
struct SensitivityRanges
{
    double electricityPrice = 0.25;
    double mfu = 0.20;
    double pue = 0.10;
    double chipPrice = 0.25;   ///< chip price when owned, chip-hour price when rented
    double utilisation = 0.10; ///< share of wall-clock time the cluster trains (goodput); the base
                               ///< estimate assumes 100 %, so only the low side moves
};

/// One input varied alone from its base value to low and high, the others at base.
struct SensitivityFactor
{
    QString key;        ///< electricity_price | mfu | pue | chip_price | utilisation
    QString label;      ///< translated
    double baseValue = 0.0;
    double lowValue = 0.0;
    double highValue = 0.0;
    QString unit;
    double costLowUsd = 0.0;  ///< cost per run at lowValue
    double costHighUsd = 0.0;
    double daysLow = 0.0;
    double daysHigh = 0.0;
};

struct SensitivityResult
{
    double baseCostUsd = 0.0;  ///< compute + energy cost of one run
    double baseDays = 0.0;
    QList<SensitivityFactor> factors; ///< sorted by cost swing, largest first (tornado order)
};

/**
 * Cost per run (compute + energy) and training days of `base` as electricity price, MFU, PUE,
 * chip price and utilisation move over `ranges`, one at a time (engine::estimateTraining for
 * each point). Utilisation u stretches the wall-clock time by 1/u; idle chips keep their
 * amortisation and draw power, so cost scales the same way.
 */
SensitivityResult computeSensitivity(const engine::TrainingInputs &base, const SensitivityRanges &ranges = {});

} // namespace th
