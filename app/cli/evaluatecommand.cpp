// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/analysis/plananalysis.h"
#include "model/catalog/catalog.h"
#include "model/io/evaluationjson.h"
#include "model/io/planfile.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace th::cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
} // namespace

int runEvaluate(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(Tr::tr("Usage: terahall evaluate PLAN.thplan [--precision bf16] [--strict] [--format json|text]\n"
                   "\n"
                   "Prints every KPI of a floor plan (terahall.evaluation/1): accelerators, peak PFLOPS (dense,\n"
                   "by precision), IT and facility kW, PUE, densities, capacities, cost, the attached workload's\n"
                   "training estimate and the violations. --strict: exit 1 when there is an error violation.\n"
                   "The facility section includes the indicative 2D thermal map (airflow and rack inlet temperatures;\n"
                   "not CFD); --no-thermal skips it.\n"));
        return Success;
    }
    QStringList positional = ctx.args;
    const bool strict = positional.removeAll(QStringLiteral("--strict")) > 0;
    PlanAssumptions assumptions;
    // The indicative thermal map (docs/facility-model.md §5) costs a few ms on a normal hall and
    // < 1 s on the largest (coarsened) one: on by default here; --thermal is still accepted.
    positional.removeAll(QStringLiteral("--thermal"));
    assumptions.facility.thermalMap = positional.removeAll(QStringLiteral("--no-thermal")) == 0;
    const int pi = int(positional.indexOf(QStringLiteral("--precision")));
    if (pi >= 0) {
        const QString key = pi + 1 < positional.size() ? positional.at(pi + 1) : QString();
        const std::optional<engine::Precision> p = engine::precisionFromKey(key.toStdString());
        if (!p)
            return ctx.fail(Tr::tr("--precision: must be one of fp32, tf32, bf16, fp16, fp8, int8, fp4, got \"%1\"").arg(key));
        assumptions.peakPrecision = *p;
        positional.remove(pi, 2);
    }
    if (positional.size() != 1)
        return ctx.fail(Tr::tr("evaluate: expects exactly one plan file, got %1 arguments").arg(positional.size()));
    const PlanReadResult read = readPlanFile(positional.front());
    if (!read.plan) {
        for (const InputError &e : read.errors)
            ctx.err(QStringLiteral("terahall: %1: %2\n").arg(positional.front(), e.toString()));
        return BadInput;
    }
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const CatalogCache cache(catalog.get());
    const PlanEvaluation evaluation = evaluatePlan(*read.plan, cache, assumptions);
    if (ctx.format == Format::Text)
        ctx.out(evaluationToText(*read.plan, evaluation, assumptions));
    else
        ctx.out(QString::fromUtf8(QJsonDocument(evaluationToJson(*read.plan, evaluation, assumptions)).toJson(QJsonDocument::Indented)));
    const bool hasError = std::any_of(evaluation.violations.begin(), evaluation.violations.end(),
                                      [](const Violation &v) { return v.severity == QLatin1String("error"); });
    return strict && hasError ? ResultFailed : Success;
}

} // namespace th::cli
