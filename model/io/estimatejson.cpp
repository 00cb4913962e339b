// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/estimatejson.h"

#include "model/analysis/enginetext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace th {

namespace {

QJsonValue parallelismJson(const std::optional<engine::Parallelism> &p)
{
    if (!p)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("tp"), p->tp},
                       {QStringLiteral("pp"), p->pp},
                       {QStringLiteral("dp"), p->dp},
                       {QStringLiteral("cp"), p->cp},
                       {QStringLiteral("ep"), p->ep},
                       {QStringLiteral("micro_batch"), p->microBatch},
                       {QStringLiteral("interleave"), p->interleave},
                       {QStringLiteral("recompute"), QString::fromLatin1(engine::recomputeKey(p->recompute).data())},
                       {QStringLiteral("zero"), p->zeroStage}};
}

QJsonValue memoryJson(const std::optional<engine::MemoryBreakdown> &m)
{
    if (!m)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("per_chip_gib"), m->totalGib()},
                       {QStringLiteral("capacity_gib"), m->capacityGib},
                       {QStringLiteral("fits"), m->fits()},
                       {QStringLiteral("weights_gib"), m->weightsGib},
                       {QStringLiteral("gradients_gib"), m->gradientsGib},
                       {QStringLiteral("optimizer_gib"), m->optimizerGib},
                       {QStringLiteral("activations_gib"), m->activationsGib},
                       {QStringLiteral("reserved_gib"), m->reservedGib},
                       {QStringLiteral("fragmentation_gib"), m->fragmentationGib}};
}

} // namespace

QJsonObject estimateToJson(const Scenario &s, const engine::TrainingEstimate &e, const QString &mfuSource)
{
    const std::optional<engine::Parallelism> parallelism = s.parallelism.resolve(s.chipCount);
    QJsonObject training{{QStringLiteral("flops_total"), e.flopsTotal},
                         {QStringLiteral("days"), e.days},
                         {QStringLiteral("chip_hours"), e.chipHours},
                         {QStringLiteral("mfu"), e.mfu},
                         {QStringLiteral("hfu"), e.hfu},
                         {QStringLiteral("mfu_source"), mfuSource},
                         {QStringLiteral("tokens_per_second"), e.tokensPerSecond},
                         {QStringLiteral("step_time_s"), e.stepTimeSeconds > 0 ? QJsonValue(e.stepTimeSeconds) : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("peak_pflops_cluster"), e.peakFlopsPerSecondCluster / 1e15},
                         {QStringLiteral("precision"), QString::fromLatin1(engine::precisionKey(s.precision).data())}};
    QJsonArray warnings;
    for (engine::Warning w : e.warnings)
        warnings.append(QJsonObject{{QStringLiteral("code"), warningKey(w)}, {QStringLiteral("message"), warningText(w)}});
    return QJsonObject{
        {QStringLiteral("schema"), QLatin1String(kEstimateSchema)},
        {QStringLiteral("scenario"), QJsonObject{{QStringLiteral("name"), s.name},
                                                  {QStringLiteral("model"), s.modelName},
                                                  {QStringLiteral("model_preset"), s.modelPreset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.modelPreset)},
                                                  {QStringLiteral("chip"), s.chipId},
                                                  {QStringLiteral("chip_overridden"), s.chipOverridden},
                                                  {QStringLiteral("chip_confidence"), s.chipConfidence},
                                                  {QStringLiteral("count"), double(s.chipCount)},
                                                  {QStringLiteral("system"), s.usualSystemId}}},
        {QStringLiteral("training"), training},
        {QStringLiteral("parallelism"), parallelismJson(parallelism)},
        {QStringLiteral("breakdown_s"), QJsonValue::Null},
        {QStringLiteral("bound_by"), QJsonValue::Null},
        {QStringLiteral("memory"), memoryJson(e.memory)},
        {QStringLiteral("energy"), QJsonObject{{QStringLiteral("it_power_kw"), e.itPowerKw},
                                               {QStringLiteral("it_mwh"), e.itEnergyMwh},
                                               {QStringLiteral("facility_mwh"), e.facilityEnergyMwh},
                                               {QStringLiteral("co2_t"), e.co2Tonnes},
                                               {QStringLiteral("pue"), s.facility.pue}}},
        {QStringLiteral("cost"), QJsonObject{{QStringLiteral("compute_usd"), e.computeCostUsd},
                                             {QStringLiteral("energy_usd"), e.energyCostUsd},
                                             {QStringLiteral("basis"), s.cost.chipHourUsd ? QStringLiteral("rented") : QStringLiteral("owned")}}},
        {QStringLiteral("warnings"), warnings}};
}

QString estimateToText(const Scenario &s, const engine::TrainingEstimate &e, const QString &mfuSource)
{
    const QLocale c = QLocale::c();
    auto tr = [](const char *t) { return QCoreApplication::translate("Estimate", t); };
    QStringList lines;
    lines << tr("Model:            %1 (%2 parameters, %3 active)")
                 .arg(s.modelName.isEmpty() ? s.modelPreset : s.modelName, c.toString(s.model.params, 'g', 4),
                      c.toString(s.model.effectiveActiveParams(), 'g', 4));
    lines << tr("Cluster:          %1 x %2, %3 dense peak %4 PFLOPS")
                 .arg(s.chipCount)
                 .arg(s.chipId, QString::fromLatin1(engine::precisionKey(s.precision).data()))
                 .arg(c.toString(e.peakFlopsPerSecondCluster / 1e15, 'f', 1));
    lines << tr("Training compute: %1 FLOP (%2 PF-days)")
                 .arg(c.toString(e.flopsTotal, 'g', 4), c.toString(e.flopsTotal / engine::kFlopPerPetaflopDay, 'f', 0));
    lines << tr("MFU / HFU:        %1 / %2 (%3)").arg(c.toString(e.mfu, 'f', 3), c.toString(e.hfu, 'f', 3), mfuSource);
    lines << tr("Time:             %1 days (%2 chip-hours)").arg(c.toString(e.days, 'f', 2), c.toString(e.chipHours, 'f', 0));
    lines << tr("Throughput:       %1 tokens/s").arg(c.toString(e.tokensPerSecond, 'f', 0));
    if (e.stepTimeSeconds > 0)
        lines << tr("Step time:        %1 s").arg(c.toString(e.stepTimeSeconds, 'f', 2));
    if (e.memory)
        lines << tr("Memory per chip:  %1 of %2 GiB (%3)")
                     .arg(c.toString(e.memory->totalGib(), 'f', 1), c.toString(e.memory->capacityGib, 'f', 0),
                          e.memory->fits() ? tr("fits") : tr("does NOT fit"));
    lines << tr("Energy:           %1 MWh IT, %2 MWh facility (PUE %3), %4 t CO2")
                 .arg(c.toString(e.itEnergyMwh, 'f', 1), c.toString(e.facilityEnergyMwh, 'f', 1),
                      c.toString(s.facility.pue, 'f', 2), c.toString(e.co2Tonnes, 'f', 1));
    lines << tr("Cost:             %1 USD compute (%2), %3 USD energy")
                 .arg(c.toString(e.computeCostUsd, 'f', 0), s.cost.chipHourUsd ? tr("rented") : tr("owned, amortised"),
                      c.toString(e.energyCostUsd, 'f', 0));
    for (engine::Warning w : e.warnings)
        lines << tr("Warning: %1").arg(warningText(w));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace th
