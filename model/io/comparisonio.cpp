// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/comparisonio.h"

#include "model/catalog/csv.h"

#include <QJsonArray>

namespace th {

QJsonObject comparisonCandidateToJson(const ComparisonCandidate &c)
{
    QJsonObject o{{QStringLiteral("chip"), c.chipId},
                  {QStringLiteral("name"), c.chipName},
                  {QStringLiteral("vendor"), c.vendor},
                  {QStringLiteral("country"), c.country},
                  {QStringLiteral("confidence"), c.confidence},
                  {QStringLiteral("system"), c.systemId},
                  {QStringLiteral("feasible"), c.feasible},
                  {QStringLiteral("chips"), double(c.chips)},
                  {QStringLiteral("systems"), double(c.systems)},
                  {QStringLiteral("racks"), c.racks},
                  {QStringLiteral("floor_area_m2"), c.floorAreaM2},
                  {QStringLiteral("it_mw"), c.itMw},
                  {QStringLiteral("pue"), c.pue},
                  {QStringLiteral("facility_mw"), c.facilityMw}};
    if (!c.feasible) {
        o.insert(QStringLiteral("reason"), c.infeasibleReason);
        return o;
    }
    o.insert(QStringLiteral("days"), c.days);
    o.insert(QStringLiteral("mfu"), c.mfu);
    o.insert(QStringLiteral("calibration_measured"), c.calibrationMeasured);
    o.insert(QStringLiteral("bound_by"), c.boundBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.boundBy));
    o.insert(QStringLiteral("energy_mwh"), c.energyMwh);
    o.insert(QStringLiteral("co2_t"), c.co2Tonnes);
    o.insert(QStringLiteral("capex_usd"), c.hasPrice ? QJsonValue(c.capexUsd) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("capex_basis"), c.hasPrice ? (c.capexFromChipPrice ? QStringLiteral("chip price") : QStringLiteral("system price"))
                                                       : QStringLiteral("no price"));
    o.insert(QStringLiteral("opex_usd_per_year"), c.opexUsdPerYear);
    o.insert(QStringLiteral("cost_per_run_usd"), c.costPerRunUsd);
    o.insert(QStringLiteral("tokens_per_usd"), c.tokensPerUsd);
    o.insert(QStringLiteral("tokens_per_kwh"), c.tokensPerKwh);
    o.insert(QStringLiteral("pflops_per_kw"), c.pflopsPerKw);
    o.insert(QStringLiteral("pflops_per_m2"), c.pflopsPerM2);
    o.insert(QStringLiteral("memory"), QJsonObject{{QStringLiteral("per_chip_gib"), c.memoryPerChipGib},
                                                   {QStringLiteral("capacity_gib"), c.memoryCapacityGib},
                                                   {QStringLiteral("fits"), c.memoryFits}});
    return o;
}

QByteArray comparisonToCsv(const QList<ComparisonCandidate> &list)
{
    const QStringList header{QStringLiteral("chip"), QStringLiteral("vendor"), QStringLiteral("country"), QStringLiteral("confidence"),
                             QStringLiteral("system"), QStringLiteral("feasible"), QStringLiteral("chips"), QStringLiteral("systems"),
                             QStringLiteral("racks"), QStringLiteral("floor_area_m2"), QStringLiteral("it_mw"), QStringLiteral("pue"),
                             QStringLiteral("facility_mw"), QStringLiteral("days"), QStringLiteral("mfu"), QStringLiteral("energy_mwh"),
                             QStringLiteral("co2_t"), QStringLiteral("capex_usd"), QStringLiteral("opex_usd_per_year"),
                             QStringLiteral("cost_per_run_usd"), QStringLiteral("tokens_per_usd"), QStringLiteral("tokens_per_kwh"),
                             QStringLiteral("pflops_per_kw"), QStringLiteral("pflops_per_m2"), QStringLiteral("memory_fits"),
                             QStringLiteral("bound_by"), QStringLiteral("reason")};
    QByteArray out = csv::writeRecord(header);
    auto num = [](double v) { return QString::number(v, 'g', 10); };
    for (const ComparisonCandidate &c : list) {
        out += csv::writeRecord({c.chipId, c.vendor, c.country, c.confidence, c.systemId, c.feasible ? QStringLiteral("1") : QStringLiteral("0"),
                                 QString::number(c.chips), QString::number(c.systems), QString::number(c.racks), num(c.floorAreaM2),
                                 num(c.itMw), num(c.pue), num(c.facilityMw), c.feasible ? num(c.days) : QString(),
                                 c.feasible ? num(c.mfu) : QString(), c.feasible ? num(c.energyMwh) : QString(),
                                 c.feasible ? num(c.co2Tonnes) : QString(), c.feasible && c.hasPrice ? num(c.capexUsd) : QString(),
                                 c.feasible ? num(c.opexUsdPerYear) : QString(), c.feasible ? num(c.costPerRunUsd) : QString(),
                                 c.feasible ? num(c.tokensPerUsd) : QString(), c.feasible ? num(c.tokensPerKwh) : QString(),
                                 c.feasible ? num(c.pflopsPerKw) : QString(), c.feasible ? num(c.pflopsPerM2) : QString(),
                                 c.feasible ? (c.memoryFits ? QStringLiteral("1") : QStringLiteral("0")) : QString(), c.boundBy,
                                 c.infeasibleReason});
    }
    return out;
}

QJsonObject comparisonToJson(const ComparisonRequest &req, const ComparisonResult &result)
{
    QJsonArray candidates;
    for (const ComparisonCandidate &c : result.candidates)
        candidates.append(comparisonCandidateToJson(c));
    return QJsonObject{{QStringLiteral("schema"), QLatin1String(kComparisonSchema)},
                       {QStringLiteral("model"), req.scenario.modelName.isEmpty() ? req.scenario.modelPreset : req.scenario.modelName},
                       {QStringLiteral("tokens"), req.scenario.tokens},
                       {QStringLiteral("equaliser"), QJsonObject{{QStringLiteral("kind"), equaliserKey(req.equaliser)},
                                                                 {QStringLiteral("value"), req.value},
                                                                 {QStringLiteral("power_cap_mw"), req.powerCapMw}}},
                       {QStringLiteral("candidates"), candidates}};
}

} // namespace th
