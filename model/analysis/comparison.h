// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/performancebridge.h"
#include "model/io/inputerror.h"
#include "model/io/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace th {

class Catalog;

/// What the candidates are made equal on (issue 6).
enum class Equaliser { ChipCount, PowerEnvelope, Budget, Deadline };

struct ComparisonRequest
{
    Scenario scenario;          ///< the workload (model, tokens, batch, precision, site, cost)
    QStringList chipIds;        ///< catalog chip ids (or system ids: their chip is used)
    Equaliser equaliser = Equaliser::ChipCount;
    double value = 0.0;         ///< chips | facility MW | CapEx USD | days
    /// For the deadline: the largest facility power allowed (0 = unlimited).
    double powerCapMw = 0.0;
};

/**
 * One candidate of a vendor comparison. Every figure comes from the catalog (cited, with the
 * chip's confidence), the performance model (MFU) or a documented assumption:
 * - IT power per chip: its usual system's IT kW / chips; facility = IT x PUE, the PUE being the
 *   first estimate for the system's cooling (pueFirstEstimate in plananalysis.h).
 * - Floor area: racks x rack footprint widened by half of a 1.2 m hot and cold aisle on each side.
 * - CapEx: IT equipment only (system price, else chips x chip price, flagged), not the building.
 */
struct ComparisonCandidate
{
    QString chipId;
    QString chipName;
    QString vendor;
    QString country;
    QString confidence;          ///< catalog confidence of the chip row
    QString systemId;            ///< usual system
    long long chips = 0;
    long long systems = 0;
    int racks = 0;
    double floorAreaM2 = 0.0;
    double itMw = 0.0;
    double pue = 1.0;
    double facilityMw = 0.0;
    bool feasible = false;
    QString infeasibleReason;    ///< text when !feasible
    double mfu = 0.0;
    bool calibrationMeasured = false;
    QString boundBy;
    double days = 0.0;
    double energyMwh = 0.0;      ///< facility energy of the run
    double co2Tonnes = 0.0;
    double capexUsd = 0.0;
    bool capexFromChipPrice = false;
    bool hasPrice = false;
    double opexUsdPerYear = 0.0;
    double costPerRunUsd = 0.0;  ///< compute (rented or amortised) + energy
    double tokensPerUsd = 0.0;
    double tokensPerKwh = 0.0;
    double pflopsPerKw = 0.0;    ///< dense, at the training precision, per IT kW
    double pflopsPerM2 = 0.0;
    double memoryPerChipGib = 0.0;
    double memoryCapacityGib = 0.0;
    bool memoryFits = false;
};

struct ComparisonResult
{
    QList<ComparisonCandidate> candidates;
    InputErrors errors;          ///< unknown chips, an equaliser nobody meets, ...
};

/// Evaluates every chip of the request under the equaliser. Pure apart from catalog reads.
ComparisonResult compareChips(const ComparisonRequest &request, const Catalog &catalog);

QString equaliserKey(Equaliser e);
std::optional<Equaliser> equaliserFromKey(const QString &key);

} // namespace th
