// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/performancebridge.h"
#include "model/catalog/catalog.h"
#include "tests/engine/layouttext.h"
#include "model/engine/trainingflops.h"
#include "model/io/scenarioreader.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

using namespace th;

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/// The published figure of a held-out row as tokens/s per chip (see heldout-runs.json
/// "description" for the kinds and FLOP conventions).
double publishedTokensPerSecondPerChip(const QJsonObject &pub, const Scenario &s)
{
    const QString kind = pub.value(QStringLiteral("kind")).toString();
    const QString convention = pub.value(QStringLiteral("convention")).toString();
    const double value = pub.value(QStringLiteral("value")).toDouble();
    const double chips = static_cast<double>(s.chipCount);
    const engine::ModelSpec &m = s.model;
    // FLOP per trained token under the publication's convention.
    const auto flopPerToken = [&]() {
        if (convention == QLatin1String("megatron-hfu")) {
            // Narayanan et al. 2021 eq. 3 with the recompute forward (96 B s l h^2 (...)), per token.
            const double seqs = s.globalBatchTokens / m.seqLen;
            return engine::megatronIterationFlops(seqs, m.seqLen, m.layers, m.hidden, m.vocab, true) / s.globalBatchTokens;
        }
        return engine::modelFlopsPerToken(m);
    };
    if (kind == QLatin1String("step_time_s"))
        return s.globalBatchTokens / value / chips;
    if (kind == QLatin1String("gpu_hours_per_trillion_tokens"))
        return 1e12 / (value * 3600.0);
    if (kind == QLatin1String("gpu_hours_total"))
        return pub.value(QStringLiteral("tokens")).toDouble() / (value * 3600.0);
    if (kind == QLatin1String("tflops_per_chip"))
        return value * 1e12 / flopPerToken();
    if (kind == QLatin1String("mfu"))
        return value * s.chip.peakTflops(s.precision).value_or(0.0) * 1e12 / flopPerToken();
    return 0.0;
}

} // namespace

/**
 * Out-of-sample accuracy (docs/validation.md, "Held-out published runs"): published training runs
 * that are not in the calibration data and were not used to fit anything, run through the product
 * path (scenario -> catalog -> modelRun, exactly what `terahall estimate` does). The bounds are
 * loose on purpose: they catch regressions of the generalisation, they are not a fit target.
 * TH_HELDOUT_REPORT=<file> writes the markdown table.
 */
class TestHeldOut : public QObject
{
    Q_OBJECT
private slots:
    void publishedRunsOutsideTheCalibration()
    {
        Catalog catalog;
        QString error;
        QVERIFY2(catalog.openInMemory(&error), qPrintable(error));
        QFile f(test::sourcePath(QStringLiteral("tests/testdata/heldout/heldout-runs.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("runs")).toArray();
        QVERIFY(runs.size() >= 10);

        std::vector<double> pinnedErrors, searchErrors, currentSearchErrors;
        // Rows on chips that no training run calibrates (class defaults / microbenchmark rows).
        std::vector<double> uncalibratedPinnedErrors, uncalibratedSearchErrors;
        QByteArray table = "| run | chips | published tok/s/chip | published layout: predicted | error | layout (unstated knobs searched) | search: predicted | error | layout the search chose | confidence |\n"
                           "|---|---|---|---|---|---|---|---|---|---|\n";
        for (const QJsonValue &rv : runs) {
            const QJsonObject row = rv.toObject();
            const QByteArray id = row.value(QStringLiteral("id")).toString().toUtf8();
            ScenarioReadResult read = readScenario(row.value(QStringLiteral("scenario")).toObject(), catalog);
            QVERIFY2(read.scenario.has_value(), id.constData());
            Scenario s = *read.scenario;
            const double published = publishedTokensPerSecondPerChip(row.value(QStringLiteral("published")).toObject(), s);
            QVERIFY2(published > 0.0, id.constData());
            const double chips = static_cast<double>(s.chipCount);
            const bool searchOnly = row.value(QStringLiteral("search_only")).toBool();

            QByteArray pinnedCells = "– | – | – | ";
            if (!searchOnly) {
                const ModelledRun pinned = modelRun(s, catalog);
                QVERIFY2(pinned.feasible, id.constData());
                const double perChip = pinned.step.tokensPerSecond / chips;
                const double err = perChip / published - 1.0;
                pinnedErrors.push_back(std::abs(err));
                if (!pinned.step.calibrationMeasured)
                    uncalibratedPinnedErrors.push_back(std::abs(err));
                pinnedCells = QByteArray::number(perChip, 'f', 1) + " | " + QByteArray::number(100 * err, 'f', 1) + " % | "
                              + th::test::layoutText(pinned.parallelism) + " | ";
            }
            s.parallelism = ParallelismRequest{};
            const ModelledRun searched = modelRun(s, catalog);
            QVERIFY2(searched.feasible, id.constData());
            const double perChip = searched.step.tokensPerSecond / chips;
            const double err = perChip / published - 1.0;
            searchErrors.push_back(std::abs(err));
            if (!searched.step.calibrationMeasured)
                uncalibratedSearchErrors.push_back(std::abs(err));
            if (row.value(QStringLiteral("current_stack")).toBool())
                currentSearchErrors.push_back(std::abs(err));
            table += "| " + id + " | " + QByteArray::number(s.chipCount) + " | " + QByteArray::number(published, 'f', 1)
                     + " | " + pinnedCells + QByteArray::number(perChip, 'f', 1) + " | "
                     + QByteArray::number(100 * err, 'f', 1) + " % | " + th::test::layoutText(searched.parallelism) + " | "
                     + row.value(QStringLiteral("confidence")).toString().section(QLatin1Char(' '), 0, 0).toUtf8() + " |\n";
        }
        const auto maxOf = [](const std::vector<double> &v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); };
        const QByteArray summary = "held-out: published layout n " + QByteArray::number(int(pinnedErrors.size())) + " median "
                                   + QByteArray::number(100 * median(pinnedErrors), 'f', 1) + " % max "
                                   + QByteArray::number(100 * maxOf(pinnedErrors), 'f', 1) + " %; search n "
                                   + QByteArray::number(int(searchErrors.size())) + " median "
                                   + QByteArray::number(100 * median(searchErrors), 'f', 1) + " % max "
                                   + QByteArray::number(100 * maxOf(searchErrors), 'f', 1) + " %; search, current software n "
                                   + QByteArray::number(int(currentSearchErrors.size())) + " median "
                                   + QByteArray::number(100 * median(currentSearchErrors), 'f', 1) + " %; uncalibrated chips: published layout n "
                                   + QByteArray::number(int(uncalibratedPinnedErrors.size())) + " max "
                                   + QByteArray::number(100 * maxOf(uncalibratedPinnedErrors), 'f', 1) + " %, search n "
                                   + QByteArray::number(int(uncalibratedSearchErrors.size())) + " median "
                                   + QByteArray::number(100 * median(uncalibratedSearchErrors), 'f', 1) + " %";
        qInfo("%s", summary.constData());
        if (const char *path = std::getenv("TH_HELDOUT_REPORT")) {
            QFile out(QString::fromLocal8Bit(path));
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                out.write(summary + "\n\n" + table);
        }
        // Achieved 2026-11-23 (issue 4 revision, 4 TPU rows): published layout median 7.5 %; search
        // median 14.8 % over all rows (max 37.1 %), 8.2 % over the runs on current software; on
        // chips no training run calibrates (PaLM on TPU v4, MaxText on v5p/v5e) published layout
        // max 24.2 % (PaLM), search median 6.7 % (docs/validation.md explains the rest).
        // Regression bounds, not targets; never tune the engine against these rows.
        const auto maxSearch = maxOf(searchErrors);
        QVERIFY(currentSearchErrors.size() >= 5);
        QVERIFY(uncalibratedPinnedErrors.size() >= 3 && uncalibratedSearchErrors.size() >= 4);
        QVERIFY2(median(pinnedErrors) <= 0.08, summary.constData());
        QVERIFY2(median(currentSearchErrors) <= 0.09, summary.constData());
        QVERIFY2(median(searchErrors) <= 0.15, summary.constData());
        QVERIFY2(maxSearch <= 0.38, summary.constData());
        QVERIFY2(maxOf(uncalibratedPinnedErrors) <= 0.25, summary.constData());
        QVERIFY2(median(uncalibratedSearchErrors) <= 0.08, summary.constData());
    }
};

QTEST_GUILESS_MAIN(TestHeldOut)
#include "tst_heldout.moc"
