// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/chipspec.h"
#include "model/engine/modelspec.h"
#include "model/engine/frameworkprofiles.h"
#include "model/engine/parallelism.h"
#include "model/engine/trainingestimate.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace th {

/// Parallelism fields a scenario pins; unset fields are chosen by the search (or, with a given
/// MFU, derived: dp = count / (tp*pp*cp), the rest take Megatron's usual defaults).
struct ParallelismRequest
{
    std::optional<int> tp, pp, dp, cp, ep, microBatch, interleave, zero;
    std::optional<int> etp; ///< expert tensor parallel; unset = tp (Megatron-Core default)
    std::optional<engine::Recompute> recompute;
    std::optional<bool> sequenceParallel;
    bool given = false; ///< the scenario had a parallelism object

    bool isEmpty() const
    {
        return !tp && !pp && !dp && !cp && !ep && !etp && !microBatch && !interleave && !zero && !recompute && !sequenceParallel;
    }
    /// A complete layout when tp, pp and dp are known or derivable from the chip count.
    std::optional<engine::Parallelism> resolve(long long chipCount) const;
};

/**
 * A training scenario (INTERFACES.md, "terahall.scenario/1") after validation against the
 * catalog: every value is in range, ids exist, presets are expanded with the user's overrides.
 */
struct Scenario
{
    QString name;
    QString modelName;
    QString modelPreset;          ///< catalog id or empty
    engine::ModelSpec model;
    QString chipId;               ///< catalog id of the chip (the base of an override)
    bool chipOverridden = false;  ///< fields of the chip were overridden by the scenario
    QString chipConfidence;       ///< catalog confidence of the chip row
    engine::ChipSpec chip;
    long long chipCount = 0;
    double tokens = 0.0;
    double globalBatchTokens = 0.0; ///< 0 = not given
    engine::Precision precision = engine::Precision::Bf16;
    std::optional<double> mfu;    ///< unset: the performance model estimates it
    int scaleUpSize = 1;
    double scaleOutGbitPerSecPerChip = 0.0;
    QString usualSystemId;        ///< where the scale-up/out and power defaults came from
    double itWattsPerChip = 0.0;
    ParallelismRequest parallelism;
    engine::FacilityAssumptions facility;
    engine::CostAssumptions cost;
    /// Training-software features (overlaps, dispatcher); the calibrated modern profile unless
    /// the scenario's training.framework overrides fields.
    engine::FrameworkOptions framework = engine::modernFramework();
    /// Memory assumptions of the performance model (optimizer precision from training.framework).
    engine::MemoryAssumptions memory;

    /// Engine inputs with the given MFU and (resolved) parallelism.
    engine::TrainingInputs trainingInputs(double mfu) const;
};

} // namespace th
