// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/estimatejson.h"

#include "model/analysis/enginetext.h"
#include "model/analysis/performancebridge.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Estimate)
};
/// The ep figure of the text layouts; with an expert tensor parallel other than tp, "4 (etp 1)".
QString expertParallelText(const engine::Parallelism &p)
{
    if (p.expertTp() == p.tp)
        return QString::number(p.ep);
    return QStringLiteral("%1 (etp %2)").arg(p.ep).arg(p.expertTp());
}

} // namespace

QJsonObject parallelismToJson(const engine::Parallelism &p)
{
    QJsonObject o{{QStringLiteral("tp"), p.tp},
                       {QStringLiteral("pp"), p.pp},
                       {QStringLiteral("dp"), p.dp},
                       {QStringLiteral("cp"), p.cp},
                       {QStringLiteral("ep"), p.ep},
                       {QStringLiteral("micro_batch"), p.microBatch},
                       {QStringLiteral("interleave"), p.interleave},
                       {QStringLiteral("recompute"), QString::fromLatin1(engine::recomputeKey(p.recompute).data())},
                       {QStringLiteral("zero"), p.zeroStage}};
    // Expert tensor parallel only when it differs from tp (the default), as in the scenario.
    if (p.expertTp() != p.tp)
        o.insert(QStringLiteral("etp"), p.expertTp());
    return o;
}

QJsonObject breakdownToJson(const engine::StepBreakdown &b)
{
    // INTERFACES.md keys, plus ep_comm and cp_comm; the values add up to the step time.
    return QJsonObject{{QStringLiteral("compute"), b.computeSeconds},
                       {QStringLiteral("memory_bound"), b.memoryBoundSeconds},
                       {QStringLiteral("tp_comm"), b.tpCommSeconds},
                       {QStringLiteral("pp_comm"), b.ppCommSeconds},
                       {QStringLiteral("pp_bubble"), b.ppBubbleSeconds},
                       {QStringLiteral("dp_comm_exposed"), b.dpCommExposedSeconds},
                       {QStringLiteral("ep_comm"), b.epCommSeconds},
                       {QStringLiteral("cp_comm"), b.cpCommSeconds},
                       {QStringLiteral("other"), b.otherSeconds}};
}

QJsonObject memoryToJson(const engine::MemoryBreakdown &m)
{
    return QJsonObject{{QStringLiteral("per_chip_gib"), m.totalGib()},
                       {QStringLiteral("capacity_gib"), m.capacityGib},
                       {QStringLiteral("fits"), m.fits()},
                       {QStringLiteral("weights_gib"), m.weightsGib},
                       {QStringLiteral("gradients_gib"), m.gradientsGib},
                       {QStringLiteral("optimizer_gib"), m.optimizerGib},
                       {QStringLiteral("activations_gib"), m.activationsGib},
                       {QStringLiteral("reserved_gib"), m.reservedGib},
                       {QStringLiteral("fragmentation_gib"), m.fragmentationGib}};
}

namespace {

QJsonObject scenarioJson(const Scenario &s)
{
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("model"), s.modelName},
                       {QStringLiteral("model_preset"), s.modelPreset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.modelPreset)},
                       {QStringLiteral("chip"), s.chipId},
                       {QStringLiteral("chip_overridden"), s.chipOverridden},
                       {QStringLiteral("chip_confidence"), s.chipConfidence},
                       {QStringLiteral("count"), double(s.chipCount)},
                       {QStringLiteral("system"), s.usualSystemId}};
}

QJsonObject calibrationJson(const ModelledRun &run)
{
    return QJsonObject{{QStringLiteral("measured"), run.step.calibrationMeasured},
                       {QStringLiteral("note"), run.step.calibrationMeasured
                                                    ? QCoreApplication::translate("Estimate", "chip calibration fitted on published runs of this chip")
                                                    : QCoreApplication::translate("Estimate", "no published runs of this chip: architecture-class defaults, lower confidence")}};
}

} // namespace

QJsonObject estimateToJson(const Scenario &s, const engine::TrainingEstimate &e, const ModelledRun *run)
{
    const QString mfuSource = run ? QStringLiteral("model") : QStringLiteral("input");
    const std::optional<engine::Parallelism> parallelism = run ? std::optional<engine::Parallelism>(run->parallelism)
                                                               : s.parallelism.resolve(s.chipCount);
    QJsonObject training{{QStringLiteral("flops_total"), e.flopsTotal},
                         {QStringLiteral("days"), e.days},
                         {QStringLiteral("chip_hours"), e.chipHours},
                         {QStringLiteral("mfu"), e.mfu},
                         {QStringLiteral("hfu"), run ? run->step.hfu : e.hfu},
                         {QStringLiteral("mfu_source"), mfuSource},
                         {QStringLiteral("tokens_per_second"), e.tokensPerSecond},
                         {QStringLiteral("step_time_s"), run ? QJsonValue(run->step.stepTimeSeconds)
                                                              : e.stepTimeSeconds > 0 ? QJsonValue(e.stepTimeSeconds) : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("peak_pflops_cluster"), e.peakFlopsPerSecondCluster / 1e15},
                         {QStringLiteral("precision"), QString::fromLatin1(engine::precisionKey(s.precision).data())}};
    QJsonArray warnings;
    for (engine::Warning w : e.warnings)
        warnings.append(QJsonObject{{QStringLiteral("code"), warningKey(w)}, {QStringLiteral("message"), warningText(w)}});
    if (run && !run->step.calibrationMeasured)
        warnings.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("calibration_class_default")},
                                    {QStringLiteral("message"), calibrationJson(*run).value(QStringLiteral("note")).toString()}});
    QJsonValue memory = QJsonValue::Null;
    if (run)
        memory = memoryToJson(run->step.memory);
    else if (e.memory)
        memory = memoryToJson(*e.memory);
    QJsonObject out{
        {QStringLiteral("schema"), QLatin1String(kEstimateSchema)},
        {QStringLiteral("scenario"), scenarioJson(s)},
        {QStringLiteral("feasible"), true},
        {QStringLiteral("training"), training},
        {QStringLiteral("parallelism"), parallelism ? QJsonValue(parallelismToJson(*parallelism)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("breakdown_s"), run ? QJsonValue(breakdownToJson(run->step.breakdown)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("bound_by"), run ? QJsonValue(boundByKey(run->step.boundBy)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("memory"), memory},
        {QStringLiteral("energy"), QJsonObject{{QStringLiteral("it_power_kw"), e.itPowerKw},
                                               {QStringLiteral("it_mwh"), e.itEnergyMwh},
                                               {QStringLiteral("facility_mwh"), e.facilityEnergyMwh},
                                               {QStringLiteral("co2_t"), e.co2Tonnes},
                                               {QStringLiteral("pue"), s.facility.pue}}},
        {QStringLiteral("cost"), QJsonObject{{QStringLiteral("compute_usd"), e.computeCostUsd},
                                             {QStringLiteral("energy_usd"), e.energyCostUsd},
                                             {QStringLiteral("basis"), s.cost.chipHourUsd ? QStringLiteral("rented") : QStringLiteral("owned")}}},
        {QStringLiteral("warnings"), warnings}};
    if (run) {
        out.insert(QStringLiteral("calibration"), calibrationJson(*run));
        out.insert(QStringLiteral("bound_by_text"), boundByText(run->step.boundBy));
        if (run->searched)
            out.insert(QStringLiteral("search"), QJsonObject{{QStringLiteral("evaluated"), double(run->search.evaluated)},
                                                             {QStringLiteral("feasible"), double(run->search.feasible)}});
    }
    return out;
}

QString estimateToText(const Scenario &s, const engine::TrainingEstimate &e, const ModelledRun *run)
{
    const QString mfuSource = run ? QStringLiteral("model") : QStringLiteral("input");
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << Tr::tr("Model:            %1 (%2 parameters, %3 active)")
                 .arg(s.modelName.isEmpty() ? s.modelPreset : s.modelName, c.toString(s.model.params, 'g', 4),
                      c.toString(s.model.effectiveActiveParams(), 'g', 4));
    lines << Tr::tr("Cluster:          %1 x %2, %3 dense peak %4 PFLOPS")
                 .arg(s.chipCount)
                 .arg(s.chipId, QString::fromLatin1(engine::precisionKey(s.precision).data()))
                 .arg(c.toString(e.peakFlopsPerSecondCluster / 1e15, 'f', 1));
    lines << Tr::tr("Training compute: %1 FLOP (%2 PF-days)")
                 .arg(c.toString(e.flopsTotal, 'g', 4), c.toString(e.flopsTotal / engine::kFlopPerPetaflopDay, 'f', 0));
    lines << Tr::tr("MFU / HFU:        %1 / %2 (%3)").arg(c.toString(e.mfu, 'f', 3), c.toString(run ? run->step.hfu : e.hfu, 'f', 3), mfuSource);
    if (run) {
        const engine::Parallelism &p = run->parallelism;
        lines << Tr::tr("Parallelism:      tp %1, pp %2, dp %3, cp %4, ep %5, micro-batch %6, interleave %7, recompute %8, ZeRO %9")
                     .arg(p.tp).arg(p.pp).arg(p.dp).arg(p.cp).arg(expertParallelText(p)).arg(p.microBatch).arg(p.interleave)
                     .arg(QString::fromLatin1(engine::recomputeKey(p.recompute).data())).arg(p.zeroStage);
        const engine::StepBreakdown &b = run->step.breakdown;
        lines << Tr::tr("Step breakdown:   compute %1 s, memory-bound %2 s, TP %3 s, PP %4 s, bubble %5 s, DP %6 s, EP %7 s, CP %8 s, other %9 s")
                     .arg(c.toString(b.computeSeconds, 'f', 3), c.toString(b.memoryBoundSeconds, 'f', 3), c.toString(b.tpCommSeconds, 'f', 3),
                          c.toString(b.ppCommSeconds, 'f', 3), c.toString(b.ppBubbleSeconds, 'f', 3), c.toString(b.dpCommExposedSeconds, 'f', 3),
                          c.toString(b.epCommSeconds, 'f', 3), c.toString(b.cpCommSeconds, 'f', 3), c.toString(b.otherSeconds, 'f', 3));
        lines << boundByText(run->step.boundBy);
        if (!run->step.calibrationMeasured)
            lines << Tr::tr("Note: no published runs of this chip; architecture-class calibration defaults (lower confidence).");
    }
    lines << Tr::tr("Time:             %1 days (%2 chip-hours)").arg(c.toString(e.days, 'f', 2), c.toString(e.chipHours, 'f', 0));
    lines << Tr::tr("Throughput:       %1 tokens/s").arg(c.toString(e.tokensPerSecond, 'f', 0));
    if (e.stepTimeSeconds > 0)
        lines << Tr::tr("Step time:        %1 s").arg(c.toString(e.stepTimeSeconds, 'f', 2));
    const std::optional<engine::MemoryBreakdown> memory = run ? std::optional<engine::MemoryBreakdown>(run->step.memory) : e.memory;
    if (memory)
        lines << Tr::tr("Memory per chip:  %1 of %2 GiB (%3)")
                     .arg(c.toString(memory->totalGib(), 'f', 1), c.toString(memory->capacityGib, 'f', 0),
                          memory->fits() ? Tr::tr("fits") : Tr::tr("does NOT fit"));
    lines << Tr::tr("Energy:           %1 MWh IT, %2 MWh facility (PUE %3), %4 t CO2")
                 .arg(c.toString(e.itEnergyMwh, 'f', 1), c.toString(e.facilityEnergyMwh, 'f', 1),
                      c.toString(s.facility.pue, 'f', 2), c.toString(e.co2Tonnes, 'f', 1));
    lines << Tr::tr("Cost:             %1 USD compute (%2), %3 USD energy")
                 .arg(c.toString(e.computeCostUsd, 'f', 0), s.cost.chipHourUsd ? Tr::tr("rented") : Tr::tr("owned, amortised"),
                      c.toString(e.energyCostUsd, 'f', 0));
    for (engine::Warning w : e.warnings)
        lines << Tr::tr("Warning: %1").arg(warningText(w));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

namespace {
QJsonObject rejectedJson(const engine::SearchResult &r)
{
    QJsonObject rejected;
    for (int i = 1; i < engine::kInfeasibleCount; ++i) {
        if (r.rejected[std::size_t(i)] > 0)
            rejected.insert(infeasibleKey(engine::Infeasible(i)), double(r.rejected[std::size_t(i)]));
    }
    return rejected;
}

QJsonObject countsJson(const engine::SearchResult &r)
{
    return QJsonObject{{QStringLiteral("combinations"), double(r.combinations)},
                       {QStringLiteral("evaluated"), double(r.evaluated)},
                       {QStringLiteral("feasible"), double(r.feasible)},
                       {QStringLiteral("pruned"), double(r.pruned)},
                       {QStringLiteral("rejected"), rejectedJson(r)}};
}
} // namespace

QJsonObject infeasibleToJson(const Scenario &s, const ModelledRun &run)
{
    QJsonObject out{{QStringLiteral("schema"), QLatin1String(kEstimateSchema)},
                    {QStringLiteral("scenario"), scenarioJson(s)},
                    {QStringLiteral("feasible"), false},
                    {QStringLiteral("reason"), infeasibleKey(run.reason)},
                    {QStringLiteral("message"), infeasibleText(run.reason)},
                    {QStringLiteral("training"), QJsonValue::Null}};
    if (!run.searched) {
        out.insert(QStringLiteral("parallelism"), parallelismToJson(run.parallelism));
        out.insert(QStringLiteral("memory"), memoryToJson(run.step.memory));
    } else {
        out.insert(QStringLiteral("search"), countsJson(run.search));
    }
    return out;
}

QJsonObject searchToJson(const Scenario &s, const ModelledRun &run)
{
    QJsonArray candidates;
    for (const engine::SearchCandidate &c : run.search.best) {
        candidates.append(QJsonObject{{QStringLiteral("parallelism"), parallelismToJson(c.parallelism)},
                                      {QStringLiteral("step_time_s"), c.estimate.stepTimeSeconds},
                                      {QStringLiteral("tokens_per_second"), c.estimate.tokensPerSecond},
                                      {QStringLiteral("mfu"), c.estimate.mfu},
                                      {QStringLiteral("hfu"), c.estimate.hfu},
                                      {QStringLiteral("breakdown_s"), breakdownToJson(c.estimate.breakdown)},
                                      {QStringLiteral("bound_by"), boundByKey(c.estimate.boundBy)},
                                      {QStringLiteral("memory"), memoryToJson(c.estimate.memory)}});
    }
    QJsonObject out{{QStringLiteral("schema"), QStringLiteral("terahall.search/1")},
                    {QStringLiteral("scenario"), scenarioJson(s)},
                    {QStringLiteral("feasible"), !run.search.best.empty()},
                    {QStringLiteral("candidates"), candidates},
                    {QStringLiteral("counts"), countsJson(run.search)},
                    {QStringLiteral("calibration"), calibrationJson(run)}};
    if (run.search.best.empty()) {
        out.insert(QStringLiteral("reason"), infeasibleKey(run.reason));
        out.insert(QStringLiteral("message"), infeasibleText(run.reason));
    }
    return out;
}

QString searchToText(const Scenario &s, const ModelledRun &run)
{
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << Tr::tr("%1 on %2 x %3: %4 combinations, %5 evaluated, %6 feasible, %7 pruned")
                 .arg(s.modelName.isEmpty() ? s.modelPreset : s.modelName)
                 .arg(s.chipCount)
                 .arg(s.chipId)
                 .arg(run.search.combinations)
                 .arg(run.search.evaluated)
                 .arg(run.search.feasible)
                 .arg(run.search.pruned);
    int rank = 1;
    for (const engine::SearchCandidate &cand : run.search.best) {
        const engine::Parallelism &p = cand.parallelism;
        lines << Tr::tr("%1. tp %2 pp %3 dp %4 cp %5 ep %6 mb %7 v %8 %9 ZeRO-%10: step %11 s, MFU %12, %13 GiB/chip, %14")
                     .arg(rank++).arg(p.tp).arg(p.pp).arg(p.dp).arg(p.cp).arg(expertParallelText(p)).arg(p.microBatch).arg(p.interleave)
                     .arg(QString::fromLatin1(engine::recomputeKey(p.recompute).data())).arg(p.zeroStage)
                     .arg(c.toString(cand.estimate.stepTimeSeconds, 'f', 3), c.toString(cand.estimate.mfu, 'f', 3),
                          c.toString(cand.estimate.memory.totalGib(), 'f', 1), boundByKey(cand.estimate.boundBy));
    }
    for (int i = 1; i < engine::kInfeasibleCount; ++i) {
        if (run.search.rejected[std::size_t(i)] > 0)
            lines << Tr::tr("rejected %1: %2").arg(run.search.rejected[std::size_t(i)]).arg(infeasibleText(engine::Infeasible(i)));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace th
