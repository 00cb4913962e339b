// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/analysis/comparison.h"
#include "model/catalog/catalog.h"
#include "model/catalog/csv.h"
#include "model/engine/limits.h"
#include "model/io/comparisonio.h"
#include "model/io/scenarioreader.h"
#include "model/analysis/reportdata.h"
#include "views/report/reportrenderer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace th::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString candidatesText(const QList<ComparisonCandidate> &list)
{
    const QLocale c = QLocale::c();
    QStringList lines;
    lines << Tr::tr("%1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(QStringLiteral("chip"), -22).arg(QStringLiteral("chips"), 8).arg(QStringLiteral("MW fac."), 9)
                 .arg(QStringLiteral("days"), 8).arg(QStringLiteral("MFU"), 6).arg(QStringLiteral("USD/run"), 14)
                 .arg(QStringLiteral("tokens/kWh"), 12).arg(QStringLiteral("conf."), 7);
    for (const ComparisonCandidate &k : list) {
        if (!k.feasible) {
            lines << QStringLiteral("%1 %2").arg(k.chipId, -22).arg(Tr::tr("infeasible: %1").arg(k.infeasibleReason));
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
        ctx.out(Tr::tr("Usage: terahall compare SCENARIO.json --chips ID,ID,... [--equalize count=N|power=MW|budget=USD|deadline=DAYS]\n"
                   "                        [--power-cap MW] [-o OUT.csv|OUT.pdf] [--paper a4|letter] [--format json|text]\n"
                   "\n"
                   "The scenario's workload on each chip (or system) side by side, made equal on the chip count\n"
                   "(default: the scenario's cluster.count), the facility power, the IT budget, or a deadline\n"
                   "(the fewest chips that train within it, optionally inside --power-cap MW). MFU is estimated\n"
                   "by the performance model unless the scenario types one. JSON to stdout (terahall.comparison/1),\n"
                   "or CSV or a PDF report (table and charts) with -o.\n"));
        return Success;
    }
    QStringList args = ctx.args;
    QString chipsArg, equalizeArg, outArg, capArg;
    const bool hasChips = takeOption(args, QStringLiteral("--chips"), &chipsArg);
    const bool hasEqualize = takeOption(args, QStringLiteral("--equalize"), &equalizeArg);
    const bool hasOut = takeOption(args, QStringLiteral("-o"), &outArg);
    const bool hasCap = takeOption(args, QStringLiteral("--power-cap"), &capArg);
    ReportRenderOptions pdfOptions;
    QString paperArg;
    if (takeOption(args, QStringLiteral("--paper"), &paperArg)) {
        const std::optional<QPageSize::PageSizeId> paper = ReportRenderer::paperFromKey(paperArg);
        if (!paper)
            return ctx.fail(Tr::tr("--paper: must be a4 or letter, got \"%1\"").arg(paperArg));
        pdfOptions.paper = *paper;
    }
    if (!hasChips || chipsArg.trimmed().isEmpty())
        return ctx.fail(Tr::tr("--chips: needs a comma-separated list of chip or system ids, e.g. --chips nvidia-h100-sxm,huawei-ascend-910c"));
    if (args.size() != 1)
        return ctx.fail(Tr::tr("compare: expects exactly one scenario file, got %1 arguments").arg(args.size()));
    if (hasOut && outArg.isEmpty())
        return ctx.fail(Tr::tr("-o: needs an output file (.csv)"));
    const bool pdfOut = hasOut && outArg.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (hasOut && !pdfOut && !outArg.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return ctx.fail(Tr::tr("-o: the output must end in .csv or .pdf, got \"%1\"").arg(outArg));

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
            return ctx.fail(Tr::tr("--equalize: must be count=N, power=MW, budget=USD or deadline=DAYS, got \"%1\"").arg(equalizeArg));
        const engine::Range range = *e == Equaliser::ChipCount ? engine::Range{1, 1e7}
                                  : *e == Equaliser::PowerEnvelope ? engine::Range{0.001, 1e4}
                                  : *e == Equaliser::Budget ? engine::Range{1e3, 1e12}
                                                           : engine::Range{0.01, 3650};
        if (!ok || !range.contains(v))
            return ctx.fail(Tr::tr("--equalize %1: must be a number in [%2, %3], got \"%4\"")
                                .arg(key).arg(range.min).arg(range.max).arg(equalizeArg.section(QLatin1Char('='), 1)));
        req.equaliser = *e;
        req.value = v;
    }
    if (hasCap) {
        bool ok = false;
        req.powerCapMw = capArg.toDouble(&ok);
        if (!ok || req.powerCapMw <= 0 || req.powerCapMw > 1e4)
            return ctx.fail(Tr::tr("--power-cap: must be a number of MW in (0, 10000], got \"%1\"").arg(capArg));
    }
    const ComparisonResult result = compareChips(req, *catalog);
    if (!result.errors.isEmpty()) {
        for (const InputError &e : result.errors)
            ctx.err(QStringLiteral("terahall: ") + e.toString() + QLatin1Char('\n'));
        return BadInput;
    }
    if (pdfOut) {
        ReportRequest reportRequest;
        reportRequest.version = QCoreApplication::applicationVersion();
        const ReportData data = buildComparisonReportData(req, result, catalog.get(), reportRequest);
        QString error;
        if (!ReportRenderer::writePdf(data, outArg, pdfOptions, &error))
            return ctx.fail(error);
        return Success;
    }
    if (hasOut)
        return writeOutputFile(ctx, outArg, comparisonToCsv(result.candidates)) ? Success : BadInput;
    if (ctx.format == Format::Text) {
        ctx.out(candidatesText(result.candidates));
        return Success;
    }
    const QJsonObject out = comparisonToJson(req, result);
    ctx.out(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    return Success;
}

} // namespace th::cli
