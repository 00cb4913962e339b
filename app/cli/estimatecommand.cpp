// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/analysis/enginetext.h"
#include "model/analysis/performancebridge.h"
#include "model/catalog/catalog.h"
#include "model/io/estimatejson.h"
#include "model/io/scenarioreader.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace th::cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
} // namespace

namespace {

/// Reads and validates the scenario file named by the only positional argument.
std::optional<Scenario> loadScenario(Context &ctx, const QStringList &positional, const Catalog &catalog)
{
    QByteArray data;
    if (!readInputFile(ctx, positional.front(), &data))
        return std::nullopt;
    const ScenarioReadResult read = readScenario(data, catalog);
    if (!read.scenario) {
        for (const InputError &e : read.errors)
            ctx.err(QStringLiteral("terahall: ") + e.toString() + QLatin1Char('\n'));
        return std::nullopt;
    }
    return read.scenario;
}

/// The performance model needs the architecture and a global batch; say which field is missing.
bool checkModelInputs(Context &ctx, const Scenario &s)
{
    if (!s.model.hasArchitecture()) {
        ctx.fail(QStringLiteral("/model: ")
                 + Tr::tr("estimating MFU needs the architecture (layers, hidden, heads, seq_len, vocab), or a preset; "
                      "or give /training/mfu in (0, 1]"));
        return false;
    }
    if (s.globalBatchTokens <= 0) {
        ctx.fail(QStringLiteral("/training/global_batch_tokens: ")
                 + Tr::tr("is required when MFU is estimated (the step time depends on it); give global_batch_tokens or "
                      "global_batch_sequences"));
        return false;
    }
    return true;
}

void printJson(Context &ctx, const QJsonObject &o)
{
    ctx.out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
}

} // namespace

int runEstimate(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(Tr::tr("Usage: terahall estimate SCENARIO.json [--format json|text] [--strict]\n"
                   "\n"
                   "Reads a terahall.scenario/1 document (a file, or - for standard input) and prints the\n"
                   "terahall.estimate/1 result: training FLOP, days, chip-hours, MFU/HFU, memory per chip,\n"
                   "energy, CO2 and cost. With \"mfu\": null the performance model estimates MFU for the\n"
                   "pinned parallelism, or searches the best one for the fields left open.\n"
                   "--strict: exit with status 1 when the result is infeasible or does not fit in memory.\n"));
        return Success;
    }
    QStringList positional = ctx.args;
    const bool strict = positional.removeAll(QStringLiteral("--strict")) > 0;
    if (positional.size() != 1)
        return ctx.fail(Tr::tr("estimate: expects exactly one scenario file (or - for standard input), got %1 arguments").arg(positional.size()));
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    const std::optional<Scenario> scenario = loadScenario(ctx, positional, *catalog);
    if (!scenario)
        return BadInput;
    const Scenario &s = *scenario;

    std::optional<ModelledRun> run;
    engine::TrainingInputs inputs;
    if (s.mfu) {
        inputs = s.trainingInputs(*s.mfu);
    } else {
        if (!checkModelInputs(ctx, s))
            return BadInput;
        run = modelRun(s, *catalog, 1);
        if (!run->feasible) {
            if (ctx.format == Format::Text)
                ctx.out(Tr::tr("Infeasible: %1\n").arg(infeasibleText(run->reason)));
            else
                printJson(ctx, infeasibleToJson(s, *run));
            return strict ? ResultFailed : Success;
        }
        inputs = s.trainingInputs(run->step.mfu);
        inputs.parallelism = run->parallelism;
    }
    const engine::TrainingResult result = engine::estimateTraining(inputs);
    if (result.error != engine::EstimateError::None)
        return ctx.fail(Tr::tr("the estimate is impossible with these inputs (precision not supported or a non-positive value)"));

    const ModelledRun *runPtr = run ? &*run : nullptr;
    if (ctx.format == Format::Text)
        ctx.out(estimateToText(s, result.estimate, runPtr));
    else
        printJson(ctx, estimateToJson(s, result.estimate, runPtr));
    const bool fits = run ? run->step.memory.fits() : (!result.estimate.memory || result.estimate.memory->fits());
    return strict && !fits ? ResultFailed : Success;
}

int runSearch(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(Tr::tr("Usage: terahall search SCENARIO.json [--top K] [--format json|text]\n"
                   "\n"
                   "Enumerates every legal combination of tp, pp, dp, cp, ep, micro-batch, interleaving,\n"
                   "recompute and ZeRO stage for the scenario's chips (fields given in cluster.parallelism\n"
                   "stay pinned), and prints the K fastest (default 5, at most 100) with their time\n"
                   "breakdown, and how many combinations were rejected and why (terahall.search/1).\n"));
        return Success;
    }
    QStringList positional = ctx.args;
    int top = 5;
    const int topIndex = int(positional.indexOf(QStringLiteral("--top")));
    if (topIndex >= 0) {
        bool ok = false;
        top = topIndex + 1 < positional.size() ? positional.at(topIndex + 1).toInt(&ok) : 0;
        if (!ok || top < 1 || top > 100)
            return ctx.fail(Tr::tr("--top: must be an integer in [1, 100], got \"%1\"")
                                .arg(topIndex + 1 < positional.size() ? positional.at(topIndex + 1) : QString()));
        positional.remove(topIndex, 2);
    }
    if (positional.size() != 1)
        return ctx.fail(Tr::tr("search: expects exactly one scenario file (or - for standard input), got %1 arguments").arg(positional.size()));
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;
    std::optional<Scenario> scenario = loadScenario(ctx, positional, *catalog);
    if (!scenario || !checkModelInputs(ctx, *scenario))
        return BadInput;
    // A search always searches: pinned fields stay pinned, but a fully pinned layout is
    // evaluated through the search too so that its rejection reason is counted.
    scenario->parallelism.given = true;
    ModelledRun run;
    run.searched = true;
    run.search = engine::searchParallelism(performanceInputs(*scenario, *catalog), pinnedParallelism(scenario->parallelism), top);
    run.feasible = !run.search.best.empty();
    if (run.feasible) {
        run.parallelism = run.search.best.front().parallelism;
        run.step = run.search.best.front().estimate;
    } else {
        const auto it = std::max_element(run.search.rejected.begin(), run.search.rejected.end());
        run.reason = engine::Infeasible(it - run.search.rejected.begin());
        run.step.calibrationMeasured = calibrationForChip(*catalog, scenario->chipId).measured;
    }
    if (ctx.format == Format::Text)
        ctx.out(searchToText(*scenario, run));
    else
        printJson(ctx, searchToJson(*scenario, run));
    return Success;
}

} // namespace th::cli
