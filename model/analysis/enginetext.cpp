// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/enginetext.h"

#include <QCoreApplication>
#include <QLocale>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Engine)
};
} // namespace

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

QString infeasibleKey(engine::Infeasible r)
{
    using I = engine::Infeasible;
    switch (r) {
    case I::None: return QStringLiteral("none");
    case I::NoArchitecture: return QStringLiteral("no_architecture");
    case I::InvalidInput: return QStringLiteral("invalid_input");
    case I::PrecisionUnsupported: return QStringLiteral("precision_unsupported");
    case I::ChipCountMismatch: return QStringLiteral("chip_count_mismatch");
    case I::TpExceedsScaleUpDomain: return QStringLiteral("tp_exceeds_scale_up_domain");
    case I::TpDoesNotDivideHeads: return QStringLiteral("tp_does_not_divide_heads");
    case I::PpExceedsLayers: return QStringLiteral("pp_exceeds_layers");
    case I::CpDoesNotDivideSequence: return QStringLiteral("cp_does_not_divide_sequence");
    case I::EpDoesNotDivideExperts: return QStringLiteral("ep_does_not_divide_experts");
    case I::EpDoesNotDivideDataParallel: return QStringLiteral("ep_does_not_divide_data_parallel");
    case I::EtpInvalid: return QStringLiteral("etp_invalid");
    case I::BatchNotDivisible: return QStringLiteral("batch_not_divisible");
    case I::InterleaveInvalid: return QStringLiteral("interleave_invalid");
    case I::ZeroWithPipeline: return QStringLiteral("zero_with_pipeline");
    case I::OutOfMemory: return QStringLiteral("out_of_memory");
    }
    return QStringLiteral("unknown");
}

QString infeasibleText(engine::Infeasible r)
{
    using I = engine::Infeasible;
    switch (r) {
    case I::None: return QString();
    case I::NoArchitecture: return Tr::tr("The model architecture (layers, hidden, heads, seq_len, vocab) is needed to estimate MFU.");
    case I::InvalidInput: return Tr::tr("A chip count, batch, peak or parallel degree is not positive.");
    case I::PrecisionUnsupported: return Tr::tr("The chip has no dense peak at the training precision.");
    case I::ChipCountMismatch: return Tr::tr("tp x pp x dp x cp does not equal the chip count.");
    case I::TpExceedsScaleUpDomain: return Tr::tr("Tensor parallelism is larger than the scale-up domain (NVLink/HCCS/UB/ICI).");
    case I::TpDoesNotDivideHeads: return Tr::tr("Tensor parallelism does not divide the attention heads.");
    case I::PpExceedsLayers: return Tr::tr("More pipeline stages than layers.");
    case I::CpDoesNotDivideSequence: return Tr::tr("Context parallelism does not divide the sequence (2 x cp must divide seq_len).");
    case I::EpDoesNotDivideExperts: return Tr::tr("Expert parallelism does not divide the number of experts (or the model is dense).");
    case I::EpDoesNotDivideDataParallel: return Tr::tr("Expert parallelism does not divide dp x cp.");
    case I::EtpInvalid: return Tr::tr("Expert tensor parallelism (etp) is invalid: etp x ep must divide tp x dp x cp, etp must divide the expert FFN width and fit the scale-up domain, and tp > 1 with ep > 1 needs sequence parallelism.");
    case I::BatchNotDivisible: return Tr::tr("The global batch is not a multiple of dp x micro-batch.");
    case I::InterleaveInvalid: return Tr::tr("Interleaving needs pipeline parallelism and enough layers per stage.");
    case I::ZeroWithPipeline: return Tr::tr("ZeRO-3 (sharded weights) is not combined with pipeline parallelism; use ZeRO-1 or ZeRO-2, or PP 1.");
    case I::OutOfMemory: return Tr::tr("The model state and activations do not fit in the chip's memory.");
    }
    return QString();
}

QString boundByKey(engine::BoundBy b)
{
    switch (b) {
    case engine::BoundBy::Compute: return QStringLiteral("compute");
    case engine::BoundBy::MemoryBandwidth: return QStringLiteral("memory_bandwidth");
    case engine::BoundBy::Communication: return QStringLiteral("communication");
    case engine::BoundBy::PipelineBubble: return QStringLiteral("pipeline_bubble");
    }
    return QStringLiteral("compute");
}

QString boundByText(engine::BoundBy b)
{
    switch (b) {
    case engine::BoundBy::Compute: return Tr::tr("Compute binds: most of the step is matrix math at the chip's achievable rate.");
    case engine::BoundBy::MemoryBandwidth: return Tr::tr("Memory bandwidth binds: memory-bound operations (norms, activations, optimizer) take the largest share.");
    case engine::BoundBy::Communication: return Tr::tr("Communication binds: exposed tensor-, data-, expert- or context-parallel traffic takes the largest share.");
    case engine::BoundBy::PipelineBubble: return Tr::tr("The pipeline bubble binds: stages wait while the pipeline fills and drains.");
    }
    return QString();
}

namespace {
// Same targets and sources as engine::chinaPueCompliance() (DOMAIN.md §4): the full name and the
// short badge text, marked for translation here and translated when shown.
struct PueTargetNames
{
    const char *key;
    const char *full;
    const char *badge; ///< %1 = the limit
};
constexpr PueTargetNames kPueTargets[] = {
    {"cn-western-hub",
     QT_TRANSLATE_NOOP("Engine", "East-Data-West-Computing western hub (Inner Mongolia, Guizhou, Gansu, Ningxia) PUE <= 1.20"),
     QT_TRANSLATE_NOOP("Engine", "western hub ≤ %1")},
    {"cn-hub", QT_TRANSLATE_NOOP("Engine", "National hub node PUE <= 1.25 (NDRC et al. 2021; eastern hub start-up zones)"),
     QT_TRANSLATE_NOOP("Engine", "hub node ≤ %1")},
    {"cn-new-large", QT_TRANSLATE_NOOP("Engine", "New large and hyperscale data centres PUE < 1.3 (NDRC et al. 2021)"),
     QT_TRANSLATE_NOOP("Engine", "new large DC < %1")},
    {"cn-green-dc", QT_TRANSLATE_NOOP("Engine", "National green data centre listing PUE <= 1.30 (MIIT 2025)"),
     QT_TRANSLATE_NOOP("Engine", "green DC ≤ %1")},
    {"gb40879-g1", QT_TRANSLATE_NOOP("Engine", "GB 40879-2021 grade 1 (PUE <= 1.20, thresholds medium confidence)"),
     QT_TRANSLATE_NOOP("Engine", "GB 40879 grade 1 ≤ %1")},
    {"gb40879-g2", QT_TRANSLATE_NOOP("Engine", "GB 40879-2021 grade 2 (PUE <= 1.30)"),
     QT_TRANSLATE_NOOP("Engine", "GB 40879 grade 2 ≤ %1")},
    {"gb40879-g3", QT_TRANSLATE_NOOP("Engine", "GB 40879-2021 grade 3 = limit value (PUE <= 1.50)"),
     QT_TRANSLATE_NOOP("Engine", "GB 40879 grade 3 ≤ %1")},
};

const PueTargetNames *pueTargetNames(const std::string &key)
{
    for (const PueTargetNames &t : kPueTargets) {
        if (key == t.key)
            return &t;
    }
    return nullptr;
}
} // namespace

QString pueTargetText(const engine::PueCompliance &c)
{
    const PueTargetNames *t = pueTargetNames(c.key);
    return t ? QCoreApplication::translate("Engine", t->full) : QString::fromStdString(c.label);
}

QString pueTargetShortText(const engine::PueCompliance &c)
{
    const QString limit = QLocale().toString(c.limit, 'f', 2);
    if (const PueTargetNames *t = pueTargetNames(c.key))
        return QCoreApplication::translate("Engine", t->badge).arg(limit);
    return QString::fromStdString(c.key) + (c.strict ? QStringLiteral(" < ") : QStringLiteral(" ≤ ")) + limit;
}

} // namespace th
