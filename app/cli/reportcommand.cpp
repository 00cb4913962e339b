// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/analysis/reportdata.h"
#include "model/catalog/catalog.h"
#include "model/io/planfile.h"
#include "views/report/reportrenderer.h"

#include <QCoreApplication>

namespace th::cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
} // namespace

int runReport(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(Tr::tr("Usage: terahall report PLAN.thplan -o OUT.pdf [--compare ID,ID,...] [--paper a4|letter] [--no-charts]\n"
                       "\n"
                       "Writes the PDF report of a plan: cover, executive summary (the KPIs of terahall evaluate),\n"
                       "the floor plan with legend, scale bar and north arrow, bill of materials, power and cooling\n"
                       "with violations and the PUE breakdown, the training estimate with its sensitivity, and the\n"
                       "assumptions and catalog sources. --compare adds a vendor comparison of the plan's workload on\n"
                       "those chips at the plan's chip count. The file is written atomically: on failure nothing is\n"
                       "left under OUT.pdf.\n"));
        return Success;
    }
    QStringList args = ctx.args;
    QString outArg, compareArg, paperArg;
    const bool hasOut = takeOption(args, QStringLiteral("-o"), &outArg);
    const bool hasCompare = takeOption(args, QStringLiteral("--compare"), &compareArg);
    const bool hasPaper = takeOption(args, QStringLiteral("--paper"), &paperArg);
    const bool noCharts = args.removeAll(QStringLiteral("--no-charts")) > 0;
    if (!hasOut || outArg.isEmpty())
        return ctx.fail(Tr::tr("-o: needs the output file, e.g. -o report.pdf"));
    if (!outArg.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return ctx.fail(Tr::tr("-o: the output must end in .pdf, got \"%1\"").arg(outArg));
    ReportRenderOptions options;
    options.includeCharts = !noCharts;
    if (hasPaper) {
        const std::optional<QPageSize::PageSizeId> paper = ReportRenderer::paperFromKey(paperArg);
        if (!paper)
            return ctx.fail(Tr::tr("--paper: must be a4 or letter, got \"%1\"").arg(paperArg));
        options.paper = *paper;
    }
    ReportRequest request;
    request.version = QCoreApplication::applicationVersion();
    if (hasCompare) {
        for (const QString &id : compareArg.split(QLatin1Char(','), Qt::SkipEmptyParts))
            request.compareChipIds << id.trimmed();
        if (request.compareChipIds.isEmpty())
            return ctx.fail(Tr::tr("--compare: needs a comma-separated list of chip or system ids"));
    }
    if (args.size() != 1)
        return ctx.fail(Tr::tr("report: expects exactly one plan file, got %1 arguments").arg(args.size()));
    const PlanReadResult read = readPlanFile(args.front());
    if (!read.plan) {
        for (const InputError &e : read.errors)
            ctx.err(QStringLiteral("terahall: %1: %2\n").arg(args.front(), e.toString()));
        return BadInput;
    }
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const CatalogCache cache(catalog.get());
    // The same assumptions as `terahall evaluate`, so that the KPIs match it.
    // Same assumptions as `terahall evaluate` (thermal map on), so the summary matches it.
    PlanAssumptions assumptions;
    assumptions.facility.thermalMap = true;
    const ReportData data = buildReportData(*read.plan, cache, assumptions, request);
    if (!data.errors.isEmpty()) {
        for (const InputError &e : data.errors)
            ctx.err(QStringLiteral("terahall: --compare: ") + e.toString() + QLatin1Char('\n'));
        return BadInput;
    }
    QString error;
    if (!ReportRenderer::writePdf(data, outArg, options, &error))
        return ctx.fail(error);
    return Success;
}

} // namespace th::cli
