// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/analysis/comparison.h"
#include "model/catalog/catalog.h"
#include "model/catalog/csv.h"
#include "model/engine/limits.h"
#include "model/io/scenarioreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace th::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QJsonObject candidateJson(const ComparisonCandidate &c)
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

QByteArray candidatesCsv(const QList<ComparisonCandidate> &list)
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

QString candidatesText(const QList<ComparisonCandidate> &list)
{
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << tr("%1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(QStringLiteral("chip"), -22).arg(QStringLiteral("chips"), 8).arg(QStringLiteral("MW fac."), 9)
                 .arg(QStringLiteral("days"), 8).arg(QStringLiteral("MFU"), 6).arg(QStringLiteral("USD/run"), 14)
                 .arg(QStringLiteral("tokens/kWh"), 12).arg(QStringLiteral("conf."), 7);
    for (const ComparisonCandidate &k : list) {
        if (!k.feasible) {
            lines << QStringLiteral("%1 %2").arg(k.chipId, -22).arg(tr("infeasible: %1").arg(k.infeasibleReason));
            continue;
        }
        lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                     .arg(k.chipId, -22).arg(k.chips, 8).arg(c.toString(k.facilityMw, 'f', 2), 9).arg(c.toString(k.days, 'f', 1), 8)
                     .arg(c.toString(k.mfu, 'f', 3), 6).arg(c.toString(k.costPerRunUsd, 'f', 0), 14)
                     .arg(c.toString(k.tokensPerKwh, 'f', 0), 12).arg(k.confidence, 7);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int runCompare(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(tr("Usage: terahall compare SCENARIO.json --chips ID,ID,... [--equalize count=N|power=MW|budget=USD|deadline=DAYS]\n"
                   "                        [--power-cap MW] [-o OUT.csv] [--format json|text]\n"
                   "\n"
                   "The scenario's workload on each chip (or system) side by side, made equal on the chip count\n"
                   "(default: the scenario's cluster.count), the facility power, the IT budget, or a deadline\n"
                   "(the fewest chips that train within it, optionally inside --power-cap MW). MFU is estimated\n"
                   "by the performance model unless the scenario types one. JSON to stdout (terahall.comparison/1),\n"
                   "or CSV with -o; PDF output comes with the report module.\n"));
        return Success;
    }
    QStringList args = ctx.args;
    auto takeValue = [&](const QString &flag, QString *value) -> bool {
        const int i = int(args.indexOf(flag));
        if (i < 0)
            return false;
        *value = i + 1 < args.size() ? args.at(i + 1) : QString();
        args.remove(i, std::min<qsizetype>(2, args.size() - i));
        return true;
    };
    QString chipsArg, equalizeArg, outArg, capArg;
    const bool hasChips = takeValue(QStringLiteral("--chips"), &chipsArg);
    const bool hasEqualize = takeValue(QStringLiteral("--equalize"), &equalizeArg);
    const bool hasOut = takeValue(QStringLiteral("-o"), &outArg);
    const bool hasCap = takeValue(QStringLiteral("--power-cap"), &capArg);
    if (!hasChips || chipsArg.trimmed().isEmpty())
        return ctx.fail(tr("--chips: needs a comma-separated list of chip or system ids, e.g. --chips nvidia-h100-sxm,huawei-ascend-910c"));
    if (args.size() != 1)
        return ctx.fail(tr("compare: expects exactly one scenario file, got %1 arguments").arg(args.size()));
    if (hasOut && outArg.isEmpty())
        return ctx.fail(tr("-o: needs an output file (.csv)"));
    if (hasOut && outArg.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return ctx.fail(tr("-o: PDF output needs the report module, which this version does not have yet; use .csv"));
    if (hasOut && !outArg.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return ctx.fail(tr("-o: the output must end in .csv, got \"%1\"").arg(outArg));

    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    QByteArray data;
    if (!readInputFile(ctx, args.front(), &data))
        return BadInput;
    const ScenarioReadResult read = readScenario(data, *catalog);
    if (!read.scenario) {
        for (const InputError &e : read.errors)
            ctx.err(QStringLiteral("terahall: ") + e.toString() + QLatin1Char('\n'));
        return BadInput;
    }
    ComparisonRequest req;
    req.scenario = *read.scenario;
    for (const QString &id : chipsArg.split(QLatin1Char(','), Qt::SkipEmptyParts))
        req.chipIds << id.trimmed();
    req.value = double(read.scenario->chipCount);
    if (hasEqualize) {
        const QString key = equalizeArg.section(QLatin1Char('='), 0, 0);
        const std::optional<Equaliser> e = equaliserFromKey(key);
        bool ok = false;
        const double v = equalizeArg.section(QLatin1Char('='), 1).toDouble(&ok);
        if (!e)
            return ctx.fail(tr("--equalize: must be count=N, power=MW, budget=USD or deadline=DAYS, got \"%1\"").arg(equalizeArg));
        const engine::Range range = *e == Equaliser::ChipCount ? engine::Range{1, 1e7}
                                  : *e == Equaliser::PowerEnvelope ? engine::Range{0.001, 1e4}
                                  : *e == Equaliser::Budget ? engine::Range{1e3, 1e12}
                                                           : engine::Range{0.01, 3650};
        if (!ok || !range.contains(v))
            return ctx.fail(tr("--equalize %1: must be a number in [%2, %3], got \"%4\"")
                                .arg(key).arg(range.min).arg(range.max).arg(equalizeArg.section(QLatin1Char('='), 1)));
        req.equaliser = *e;
        req.value = v;
    }
    if (hasCap) {
        bool ok = false;
        req.powerCapMw = capArg.toDouble(&ok);
        if (!ok || req.powerCapMw <= 0 || req.powerCapMw > 1e4)
            return ctx.fail(tr("--power-cap: must be a number of MW in (0, 10000], got \"%1\"").arg(capArg));
    }
    const ComparisonResult result = compareChips(req, *catalog);
    if (!result.errors.isEmpty()) {
        for (const InputError &e : result.errors)
            ctx.err(QStringLiteral("terahall: ") + e.toString() + QLatin1Char('\n'));
        return BadInput;
    }
    if (hasOut)
        return writeOutputFile(ctx, outArg, candidatesCsv(result.candidates)) ? Success : BadInput;
    if (ctx.format == Format::Text) {
        ctx.out(candidatesText(result.candidates));
        return Success;
    }
    QJsonArray candidates;
    for (const ComparisonCandidate &c : result.candidates)
        candidates.append(candidateJson(c));
    const QJsonObject out{{QStringLiteral("schema"), QStringLiteral("terahall.comparison/1")},
                          {QStringLiteral("model"), req.scenario.modelName.isEmpty() ? req.scenario.modelPreset : req.scenario.modelName},
                          {QStringLiteral("tokens"), req.scenario.tokens},
                          {QStringLiteral("equaliser"), QJsonObject{{QStringLiteral("kind"), equaliserKey(req.equaliser)},
                                                                    {QStringLiteral("value"), req.value},
                                                                    {QStringLiteral("power_cap_mw"), req.powerCapMw}}},
                          {QStringLiteral("candidates"), candidates}};
    ctx.out(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    return Success;
}

} // namespace th::cli
