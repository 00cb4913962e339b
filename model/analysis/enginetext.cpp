// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/enginetext.h"

#include <QCoreApplication>

namespace th {

using engine::Warning;

QString warningKey(Warning w)
{
    switch (w) {
    case Warning::NoArchitectureNoMemory:
        return QStringLiteral("no_architecture_no_memory");
    case Warning::NoParallelismNoMemory:
        return QStringLiteral("no_parallelism_no_memory");
    case Warning::MemoryDoesNotFit:
        return QStringLiteral("memory_does_not_fit");
    case Warning::ItPowerFromTdpOnly:
        return QStringLiteral("it_power_from_tdp_only");
    case Warning::NoPriceNoComputeCost:
        return QStringLiteral("no_price_no_compute_cost");
    case Warning::MfuAboveObserved:
        return QStringLiteral("mfu_above_observed");
    case Warning::NoGlobalBatchNoStepTime:
        return QStringLiteral("no_global_batch_no_step_time");
    }
    return QStringLiteral("unknown");
}

QString warningText(Warning w)
{
    switch (w) {
    case Warning::NoArchitectureNoMemory:
        return QCoreApplication::translate("Engine", "The model architecture (layers, hidden, heads, seq_len, vocab) is not given, so memory per chip was not computed.");
    case Warning::NoParallelismNoMemory:
        return QCoreApplication::translate("Engine", "No parallelism (tp, pp, dp) is given, so memory per chip was not computed.");
    case Warning::MemoryDoesNotFit:
        return QCoreApplication::translate("Engine", "The model state and activations do not fit in the chip's memory with this parallelism.");
    case Warning::ItPowerFromTdpOnly:
        return QCoreApplication::translate("Engine", "No system power is known for this chip: IT energy counts the accelerators' TDP only (host, network and fans excluded).");
    case Warning::NoPriceNoComputeCost:
        return QCoreApplication::translate("Engine", "Neither a chip-hour price nor a chip price is known: compute cost is 0.");
    case Warning::MfuAboveObserved:
        return QCoreApplication::translate("Engine", "MFU above 0.75 is higher than any published large-scale training run.");
    case Warning::NoGlobalBatchNoStepTime:
        return QCoreApplication::translate("Engine", "No global batch size is given, so the step time is unknown.");
    }
    return QString();
}

} // namespace th
