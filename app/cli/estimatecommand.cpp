// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"
#include "app/cli/clicontext.h"
#include "model/catalog/catalog.h"
#include "model/io/estimatejson.h"
#include "model/io/scenarioreader.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace th::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}
} // namespace

int runEstimate(Context &ctx)
{
    if (ctx.args.contains(QLatin1String("--help"))) {
        ctx.out(tr("Usage: terahall estimate SCENARIO.json [--format json|text]\n"
                   "\n"
                   "Reads a terahall.scenario/1 document (a file, or - for standard input) and prints the\n"
                   "terahall.estimate/1 result: training FLOP, days, chip-hours, MFU/HFU, memory per chip,\n"
                   "energy, CO2 and cost. See docs/ and INTERFACES.md for the fields.\n"));
        return Success;
    }
    if (ctx.args.size() != 1)
        return ctx.fail(tr("estimate: expects exactly one scenario file (or - for standard input), got %1 arguments").arg(ctx.args.size()));
    QByteArray data;
    if (!readInputFile(ctx, ctx.args.front(), &data))
        return BadInput;
    const std::unique_ptr<Catalog> catalog = ctx.openCatalog();
    if (!catalog)
        return BadInput;

    const ScenarioReadResult read = readScenario(data, *catalog);
    if (!read.scenario) {
        for (const InputError &e : read.errors)
            ctx.err(QStringLiteral("terahall: ") + e.toString() + QLatin1Char('\n'));
        return BadInput;
    }
    const Scenario &s = *read.scenario;
    if (!s.mfu) {
        return ctx.fail(QStringLiteral("/training/mfu: ")
                        + tr("null asks the performance model to estimate MFU, which this version does not have yet; "
                             "give a number in (0, 1], e.g. 0.4"));
    }
    const engine::TrainingResult result = engine::estimateTraining(s.trainingInputs(*s.mfu));
    if (result.error != engine::EstimateError::None)
        return ctx.fail(tr("the estimate is impossible with these inputs (precision not supported or a non-positive value)"));

    const QString mfuSource = QStringLiteral("input");
    if (ctx.format == Format::Text)
        ctx.out(estimateToText(s, result.estimate, mfuSource));
    else
        ctx.out(QString::fromUtf8(QJsonDocument(estimateToJson(s, result.estimate, mfuSource)).toJson(QJsonDocument::Indented)));
    return Success;
}

} // namespace th::cli
