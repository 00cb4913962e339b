// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/enginetext.h"
#include "model/analysis/performancebridge.h"
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/engine/trainingestimate.h"
#include "tests/support/fuzzycompare.h"
#include "views/docks/estimatedock.h"
#include "views/widgets/breakdownbar.h"
#include "views/widgets/wheelguard.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <memory>

using namespace th;

class TestEstimateDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void gpt3OnH100MatchesEngine();
    void fitsDefaultDockWidth();
    void doublingChipsHalvesDays();
    void memoryBarShowsFit();
    void precisionsFollowChip();
    void invalidTokensClearResults();
    void tokensAcceptHumanForms_data();
    void tokensAcceptHumanForms();
    void customModel();
    void combosRefreshAfterCatalogChange();
    void estimateModeMatchesModelRun();
    void estimateModeOutOfMemoryShowsReason();
    void estimateModePinnedTpBeyondScaleUp();
    void estimateModeNeedsGlobalBatch();
    void estimateModeDiscardsStaleRequests();
    void estimateModeCancel();
    void typedModeAfterEstimateMode();
    void wheelScrollsInsteadOfChangingFields();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_dock->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QString resultText(const char *name) const { return child<QLabel>(name)->text(); }
    void chooseGpt3OnH100(int chips);
    void chooseEstimateMode(const char *modelId, int chips, const QString &globalBatch);
    bool waitForEstimate();
    engine::TrainingResult engineResult(int chips, std::optional<engine::Parallelism> parallelism) const;

    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<EstimateDock> m_dock;
};

void TestEstimateDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TerahallTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_estimatedock"));
}

void TestEstimateDock::init()
{
    m_catalog = std::make_unique<Catalog>();
    QString error;
    QVERIFY2(m_catalog->openInMemory(&error), qPrintable(error));
    m_dock = std::make_unique<EstimateDock>(m_catalog.get());
    m_dock->resize(600, 900);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
}

void TestEstimateDock::cleanup()
{
    m_dock.reset();
    m_catalog.reset();
}

void TestEstimateDock::chooseGpt3OnH100(int chips)
{
    auto *model = child<QComboBox>("modelCombo");
    model->setCurrentIndex(model->findData(QStringLiteral("gpt3-175b")));
    auto *chip = child<QComboBox>("chipCombo");
    chip->setCurrentIndex(chip->findData(QStringLiteral("nvidia-h100-sxm")));
    child<QSpinBox>("chipCountSpin")->setValue(chips);
    child<QLineEdit>("tokensEdit")->setText(QStringLiteral("300e9"));
    child<QDoubleSpinBox>("mfuSpin")->setValue(0.45);
    auto *precision = child<QComboBox>("precisionCombo");
    precision->setCurrentIndex(precision->findData(static_cast<int>(engine::Precision::Bf16)));
    QCOMPARE(model->currentData().toString(), QStringLiteral("gpt3-175b"));
    QCOMPARE(chip->currentData().toString(), QStringLiteral("nvidia-h100-sxm"));
    QCOMPARE(precision->currentData().toInt(), static_cast<int>(engine::Precision::Bf16));
}

void TestEstimateDock::fitsDefaultDockWidth()
{
    // The main window opens this dock at 30 % of a 1,440 px window (432 px, 418 px beside the
    // vertical scroll bar) tabbed with the KPI dock; wider content hid the result values behind a
    // horizontal scroll bar. Fill it with a full estimate (longest texts) and require the content
    // to fit 400 px.
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QVERIFY(waitForEstimate());
    QVERIFY(!child<QLabel>("bindingLabel")->text().isEmpty());
    QVERIFY(child<QTableWidget>("topConfigTable")->rowCount() > 0);
    auto *scroll = child<QScrollArea>("estimateScroll");
    QWidget *content = scroll->widget();
    QString offenders;
    for (QWidget *w : content->findChildren<QWidget *>()) {
        if (w->isVisibleTo(content) && w->minimumSizeHint().width() > 340)
            offenders += QStringLiteral("%1 %2 %3; ").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()).arg(w->minimumSizeHint().width());
    }
    QVERIFY2(content->minimumSizeHint().width() <= 400, qPrintable(QStringLiteral("content %1 px: %2").arg(content->minimumSizeHint().width()).arg(offenders)));
}

/// The same estimate computed straight from the catalog and the engine, not through the dock.
engine::TrainingResult TestEstimateDock::engineResult(int chips, std::optional<engine::Parallelism> parallelism) const
{
    engine::TrainingInputs in;
    in.model = modelSpecFromRow(*m_catalog->row(CatalogKind::Model, QStringLiteral("gpt3-175b")));
    in.chip = chipSpecFromRow(*m_catalog->row(CatalogKind::Chip, QStringLiteral("nvidia-h100-sxm")));
    in.chipCount = chips;
    in.tokens = 300e9;
    in.precision = engine::Precision::Bf16;
    in.mfu = 0.45;
    in.parallelism = parallelism;
    in.itWattsPerChip = itWattsPerChip(*m_catalog, QStringLiteral("nvidia-h100-sxm"));
    return engine::estimateTraining(in);
}

void TestEstimateDock::gpt3OnH100MatchesEngine()
{
    chooseGpt3OnH100(1024);
    QVERIFY2(m_dock->inputErrorText().isEmpty(), qPrintable(m_dock->inputErrorText()));
    QVERIFY(m_dock->lastResult());
    const engine::TrainingEstimate expected = engineResult(1024, std::nullopt).estimate;
    // Hand check: 6 x 175e9 x 300e9 = 3.15e23 FLOP; 1024 x 989.4e12 FLOP/s x 0.45 = 4.56e17 FLOP/s;
    // 3.15e23 / 4.56e17 = 6.91e5 s = 8.0 days (CAICT's table: 9 days at 1000 PFLOPS and 0.40).
    TH_FUZZY_COMPARE(expected.days, 8.0, 0.01);
    TH_FUZZY_COMPARE(m_dock->lastResult()->estimate.days, expected.days, 1e-12);
    QCOMPARE(resultText("daysValue"), QLocale().toString(expected.days, 'f', 2));
    QCOMPARE(resultText("chipHoursValue"), QLocale().toString(std::round(expected.chipHours), 'f', 0));
    QCOMPARE(resultText("tokensPerSecondValue"), QLocale().toString(std::round(expected.tokensPerSecond), 'f', 0));
    QCOMPARE(resultText("itPowerValue"), QLocale().toString(std::round(expected.itPowerKw), 'f', 0));
    QCOMPARE(resultText("co2Value"), QLocale().toString(std::round(expected.co2Tonnes), 'f', 0));
    // 3.15e23 FLOP, shown as a quantity; the rate label names precision and "dense".
    QCOMPARE(resultText("flopValue"), QStringLiteral("%1 × 10²³").arg(QLocale().toString(3.15, 'f', 2)));
    QCOMPARE(resultText("pfDaysValue"), QLocale().toString(std::round(3.15e23 / 8.64e19), 'f', 0));
    bool peakRowNamed = false;
    for (const QLabel *label : m_dock->findChildren<QLabel *>()) {
        if (label->text().startsWith(QLatin1String("Cluster peak"))) {
            QVERIFY2(label->text().contains(QLatin1String("BF16")) && label->text().contains(QLatin1String("dense"))
                         && label->text().contains(QLatin1String("PFLOPS")),
                     qPrintable(label->text()));
            peakRowNamed = true;
        }
        QVERIFY2(!label->text().contains(QLatin1String("FLOPS")) || label->text().contains(QLatin1String("dense"))
                     || label->objectName() == QLatin1String("peakValue"),
                 qPrintable(label->text()));
    }
    QVERIFY(peakRowNamed);
    QCOMPARE(resultText("peakValue"), QLocale().toString(std::round(1024 * 989.4e12 / 1e15), 'f', 0));
}

void TestEstimateDock::doublingChipsHalvesDays()
{
    chooseGpt3OnH100(1024);
    const double days1024 = m_dock->lastResult()->estimate.days;
    child<QSpinBox>("chipCountSpin")->setValue(2048);
    QVERIFY(m_dock->lastResult());
    const double days2048 = m_dock->lastResult()->estimate.days;
    TH_FUZZY_COMPARE(days2048, days1024 / 2.0, 1e-12);
    QCOMPARE(resultText("daysValue"), QLocale().toString(engineResult(2048, std::nullopt).estimate.days, 'f', 2));
    // Chip-hours do not change with the count at a fixed MFU.
    TH_FUZZY_COMPARE(m_dock->lastResult()->estimate.chipHours, engineResult(1024, std::nullopt).estimate.chipHours, 1e-12);
}

void TestEstimateDock::memoryBarShowsFit()
{
    chooseGpt3OnH100(1024);
    auto *group = child<QGroupBox>("parallelismGroup");
    group->setChecked(true);
    auto *bar = child<QProgressBar>("memoryBar");
    const QColor red(0xc6, 0x28, 0x28);

    // 175B parameters on one chip per replica: ~3 TiB of state, far beyond 80 GiB.
    child<QSpinBox>("tpSpin")->setValue(1);
    child<QSpinBox>("ppSpin")->setValue(1);
    QCOMPARE(resultText("dpLabel"), QLocale().toString(1024));
    QVERIFY(m_dock->lastResult()->estimate.memory);
    QVERIFY(!m_dock->lastResult()->estimate.memory->fits());
    QCOMPARE(bar->property("fits").toBool(), false);
    QVERIFY(bar->property("fits").isValid());
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(bar->palette().color(QPalette::Highlight), red);
    QVERIFY2(child<QLabel>("memoryText")->text().startsWith(QLatin1String("Does not fit")),
             qPrintable(child<QLabel>("memoryText")->text()));
    QVERIFY(bar->toolTip().contains(QLatin1String("optimizer")));

    // Megatron-style 8 x 8 split: the bar follows the engine's verdict.
    child<QSpinBox>("tpSpin")->setValue(8);
    child<QSpinBox>("ppSpin")->setValue(8);
    QCOMPARE(resultText("dpLabel"), QLocale().toString(16));
    engine::Parallelism p;
    p.tp = 8;
    p.pp = 8;
    p.dp = 16;
    p.recompute = engine::Recompute::Selective;
    p.zeroStage = 1;
    p.sequenceParallel = true;
    const engine::TrainingEstimate expected = engineResult(1024, p).estimate;
    QVERIFY(expected.memory);
    QVERIFY(expected.memory->fits());
    TH_FUZZY_COMPARE(m_dock->lastResult()->estimate.memory->totalGib(), expected.memory->totalGib(), 1e-12);
    QCOMPARE(bar->property("fits").toBool(), true);
    QVERIFY(bar->palette().color(QPalette::Highlight) != red);
    QCOMPARE(bar->value(), qRound(expected.memory->totalGib() / expected.memory->capacityGib * bar->maximum()));
    QVERIFY(bar->text().contains(QLocale().toString(expected.memory->totalGib(), 'f', 1)));

    // A count that tp x pp does not divide: no layout, said plainly.
    child<QSpinBox>("chipCountSpin")->setValue(1000);
    QVERIFY(!bar->property("fits").isValid());
    QVERIFY(child<QLabel>("memoryText")->text().contains(QLatin1String("not a multiple")));
}

void TestEstimateDock::precisionsFollowChip()
{
    auto *chip = child<QComboBox>("chipCombo");
    auto *precision = child<QComboBox>("precisionCombo");
    for (const char *id : {"nvidia-h100-sxm", "nvidia-a100-sxm-80gb", "nvidia-b200"}) {
        chip->setCurrentIndex(chip->findData(QString::fromLatin1(id)));
        const engine::ChipSpec spec = chipSpecFromRow(*m_catalog->row(CatalogKind::Chip, QString::fromLatin1(id)));
        int supported = 0;
        for (engine::Precision p : engine::kAllPrecisions) {
            const bool has = spec.peakTflops(p) && *spec.peakTflops(p) > 0.0;
            supported += has ? 1 : 0;
            QCOMPARE(precision->findData(static_cast<int>(p)) >= 0, has);
        }
        QCOMPARE(precision->count(), supported);
        for (int i = 0; i < precision->count(); ++i)
            QVERIFY2(precision->itemText(i).contains(QLatin1String("dense")), qPrintable(precision->itemText(i)));
    }
    // The A100 has no FP8: choosing it from an FP8 selection falls back to BF16.
    chip->setCurrentIndex(chip->findData(QStringLiteral("nvidia-h100-sxm")));
    precision->setCurrentIndex(precision->findData(static_cast<int>(engine::Precision::Fp8)));
    chip->setCurrentIndex(chip->findData(QStringLiteral("nvidia-a100-sxm-80gb")));
    QCOMPARE(precision->currentData().toInt(), static_cast<int>(engine::Precision::Bf16));
}

void TestEstimateDock::invalidTokensClearResults()
{
    chooseGpt3OnH100(1024);
    child<QLineEdit>("tokensEdit")->setText(QStringLiteral("5000"));
    QVERIFY(!m_dock->lastResult());
    QVERIFY2(m_dock->inputErrorText().startsWith(QLatin1String("Tokens")), qPrintable(m_dock->inputErrorText()));
    QCOMPARE(resultText("daysValue"), QStringLiteral("—"));
    child<QLineEdit>("tokensEdit")->setText(QStringLiteral("300e9"));
    QVERIFY(m_dock->lastResult());
    QVERIFY(m_dock->inputErrorText().isEmpty());
}

void TestEstimateDock::tokensAcceptHumanForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("exponent") << QStringLiteral("300e9");
    QTest::newRow("exponent-upper") << QStringLiteral("3.0E11");
    QTest::newRow("plain") << QStringLiteral("300000000000");
    QTest::newRow("suffix-B") << QStringLiteral("300B");
    QTest::newRow("suffix-space") << QStringLiteral("0.3 T");
}

void TestEstimateDock::tokensAcceptHumanForms()
{
    QFETCH(QString, text);
    chooseGpt3OnH100(1024);
    auto *tokens = child<QLineEdit>("tokensEdit");
    tokens->setText(text);
    QVERIFY(tokens->hasAcceptableInput());
    QVERIFY(m_dock->lastInputs());
    TH_FUZZY_COMPARE(m_dock->lastInputs()->tokens, 3e11, 1e-12);
}

void TestEstimateDock::customModel()
{
    chooseGpt3OnH100(1024);
    auto *model = child<QComboBox>("modelCombo");
    auto *params = child<QLineEdit>("paramsEdit");
    QVERIFY(!params->isEnabled());
    model->setCurrentIndex(model->findData(QString())); // Custom…
    QVERIFY(params->isEnabled());
    params->setText(QStringLiteral("70e9"));
    child<QSpinBox>("layersSpin")->setValue(80);
    child<QSpinBox>("hiddenSpin")->setValue(8192);
    QVERIFY(m_dock->lastInputs());
    QCOMPARE(m_dock->lastInputs()->model.params, 70e9);
    QCOMPARE(m_dock->lastInputs()->model.layers, 80);
    QCOMPARE(m_dock->lastInputs()->model.hidden, 8192);
    // Days scale with N: 70B / 175B of the GPT-3 time.
    TH_FUZZY_COMPARE(m_dock->lastResult()->estimate.days, engineResult(1024, std::nullopt).estimate.days * 70.0 / 175.0, 1e-12);
}

void TestEstimateDock::combosRefreshAfterCatalogChange()
{
    chooseGpt3OnH100(1024);
    const CatalogRow base = *m_catalog->row(CatalogKind::Model, QStringLiteral("gpt3-175b"));
    QMap<QString, QString> raw;
    for (const ColumnSpec &c : kindSpec(CatalogKind::Model).columns)
        raw.insert(c.columnName(), valueToText(c, base.values.value(c.columnName())));
    raw[QStringLiteral("id")] = QStringLiteral("my-model");
    raw[QStringLiteral("name")] = QStringLiteral("My model");
    QList<CatalogIssue> issues;
    QVERIFY(m_catalog->saveUserRow(CatalogKind::Model, raw, &issues));
    auto *model = child<QComboBox>("modelCombo");
    QCOMPARE(model->findData(QStringLiteral("my-model")), -1);
    m_dock->reloadCatalog();
    QVERIFY(model->findData(QStringLiteral("my-model")) >= 0);
    // The choices survive the reload.
    QCOMPARE(model->currentData().toString(), QStringLiteral("gpt3-175b"));
    QCOMPARE(child<QComboBox>("chipCombo")->currentData().toString(), QStringLiteral("nvidia-h100-sxm"));
    QVERIFY(m_dock->lastResult());
}

/// Estimate mode with the whole search (parallelism off): model, H100 x chips, BF16, batch.
void TestEstimateDock::chooseEstimateMode(const char *modelId, int chips, const QString &globalBatch)
{
    chooseGpt3OnH100(chips);
    auto *model = child<QComboBox>("modelCombo");
    model->setCurrentIndex(model->findData(QString::fromLatin1(modelId)));
    QCOMPARE(model->currentData().toString(), QString::fromLatin1(modelId));
    child<QGroupBox>("parallelismGroup")->setChecked(false);
    child<QLineEdit>("globalBatchEdit")->setText(globalBatch);
    auto *mode = child<QComboBox>("mfuModeCombo");
    mode->setCurrentIndex(mode->findData(static_cast<int>(EstimateDock::MfuMode::Estimated)));
    QCOMPARE(m_dock->mfuMode(), EstimateDock::MfuMode::Estimated);
    QVERIFY(!child<QDoubleSpinBox>("mfuSpin")->isEnabled());
}

/// Waits (events running) until the debounced search has finished and been applied.
bool TestEstimateDock::waitForEstimate()
{
    return QTest::qWaitFor([this] { return !m_dock->isEstimating() && m_dock->lastRun().has_value(); }, 30000);
}

void TestEstimateDock::estimateModeMatchesModelRun()
{
    // GPT-3 175B on 1024 H100, global batch 1536 sequences x 2048 tokens (Narayanan et al. 2021).
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QVERIFY(m_dock->isEstimating());
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QVERIFY2(m_dock->inputErrorText().isEmpty(), qPrintable(m_dock->inputErrorText()));

    // The panel's scenario is what the user chose; the engine on it gives the same run.
    QVERIFY(m_dock->lastScenario());
    const Scenario &s = *m_dock->lastScenario();
    QCOMPARE(QString::fromStdString(s.model.id), QStringLiteral("gpt3-175b"));
    QCOMPARE(s.chipId, QStringLiteral("nvidia-h100-sxm"));
    QCOMPARE(s.chipCount, 1024LL);
    QCOMPARE(s.globalBatchTokens, 1536.0 * 2048.0);
    QCOMPARE(s.precision, engine::Precision::Bf16);
    QCOMPARE(s.scaleUpSize, 8);
    QVERIFY(!s.mfu);
    QVERIFY(!s.parallelism.given);
    const ModelledRun expected = modelRun(s, *m_catalog, 1);
    QVERIFY(expected.feasible);
    const ModelledRun &run = *m_dock->lastRun();
    QVERIFY(run.feasible);
    QVERIFY(run.searched);
    QVERIFY2(run.step.mfu == expected.step.mfu,
             qPrintable(QStringLiteral("%1 != %2").arg(run.step.mfu, 0, 'g', 17).arg(expected.step.mfu, 0, 'g', 17)));
    QVERIFY(run.parallelism == expected.parallelism);
    QVERIFY(run.step.stepTimeSeconds == expected.step.stepTimeSeconds);
    // The chunked search enumerates exactly the combinations of one search.
    QCOMPARE(run.search.combinations, expected.search.combinations);
    QCOMPARE(run.search.combinations, run.search.feasible + run.search.rejectedTotal() + run.search.pruned);

    // The modelled MFU and layout feed the training estimate.
    QVERIFY(m_dock->lastInputs());
    QVERIFY(m_dock->lastInputs()->mfu == expected.step.mfu);
    QVERIFY(m_dock->lastInputs()->parallelism == expected.parallelism);
    engine::TrainingInputs in = s.trainingInputs(expected.step.mfu);
    in.parallelism = expected.parallelism;
    const engine::TrainingEstimate e = engine::estimateTraining(in).estimate;
    TH_FUZZY_COMPARE(m_dock->lastResult()->estimate.days, e.days, 1e-12);
    QCOMPARE(resultText("daysValue"), QLocale().toString(e.days, 'f', 2));
    QCOMPARE(resultText("mfuHfuValue").section(QLatin1Char('/'), 0, 0).trimmed(),
             QLocale().toString(expected.step.mfu * 100.0, 'f', 1));

    // The breakdown bar adds up to the step time.
    auto *bar = child<BreakdownBar>("breakdownBar");
    QCOMPARE(bar->segments().size(), 9);
    TH_FUZZY_COMPARE(bar->total(), expected.step.stepTimeSeconds, 1e-9);
    TH_FUZZY_COMPARE(bar->segments().at(0).value, expected.step.breakdown.computeSeconds, 1e-12);
    QVERIFY2(bar->segmentToolTip(0).contains(QLatin1String(" s (")) && bar->segmentToolTip(0).contains(QLatin1String("%")),
             qPrintable(bar->segmentToolTip(0)));

    // Ten configurations, fastest first, the first one being the run's.
    auto *table = child<QTableWidget>("topConfigTable");
    const std::vector<engine::SearchCandidate> &top = m_dock->topConfigurations();
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(top.size(), std::size_t(10));
    QVERIFY(top.front().parallelism == expected.parallelism);
    for (std::size_t i = 1; i < top.size(); ++i)
        QVERIFY(top[i - 1].estimate.stepTimeSeconds <= top[i].estimate.stepTimeSeconds);
    for (int row = 0; row < table->rowCount(); ++row) {
        const engine::SearchCandidate &c = top[std::size_t(row)];
        QCOMPARE(table->item(row, 0)->text(), QLocale().toString(c.parallelism.tp));
        QCOMPARE(table->item(row, 1)->text(), QLocale().toString(c.parallelism.pp));
        QCOMPARE(table->item(row, 2)->text(), QLocale().toString(c.parallelism.dp));
        QCOMPARE(table->item(row, 9)->text(), QLocale().toString(c.estimate.stepTimeSeconds, 'f', 3));
    }
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().front().row(), 0);

    // The binding wall and the calibration confidence, in words.
    const QString binding = child<QLabel>("bindingLabel")->text();
    QVERIFY2(binding.startsWith(boundByText(expected.step.boundBy)), qPrintable(binding));
    QVERIFY2(binding.contains(expected.step.calibrationMeasured ? QLatin1String("calibrated on published runs")
                                                                : QLatin1String("lower confidence")),
             qPrintable(binding));
    const QString counts = child<QLabel>("searchCountsLabel")->text();
    QVERIFY2(counts.contains(QLocale().toString(expected.search.combinations)), qPrintable(counts));
    QVERIFY2(counts.contains(QLatin1String("rejected")), qPrintable(counts));

    // Memory of the selected configuration against capacity.
    auto *memory = child<QProgressBar>("memoryBar");
    QCOMPARE(memory->property("fits").toBool(), true);
    QVERIFY(memory->text().contains(QLocale().toString(expected.step.memory.totalGib(), 'f', 1)));

    // Row 2 shows the second configuration's breakdown and memory.
    table->selectRow(1);
    const engine::StepEstimate &second = top[1].estimate;
    QVERIFY(!(top[1].parallelism == top[0].parallelism));
    TH_FUZZY_COMPARE(bar->total(), second.stepTimeSeconds, 1e-9);
    TH_FUZZY_COMPARE(bar->segments().at(0).value, second.breakdown.computeSeconds, 1e-12);
    TH_FUZZY_COMPARE(bar->segments().at(4).value, second.breakdown.ppBubbleSeconds, 1e-12);
    QVERIFY(memory->text().contains(QLocale().toString(second.memory.totalGib(), 'f', 1)));
    QVERIFY(child<QLabel>("bindingLabel")->text().startsWith(boundByText(second.boundBy)));
    // The training results stay those of the best configuration.
    QCOMPARE(resultText("daysValue"), QLocale().toString(e.days, 'f', 2));
}

void TestEstimateDock::estimateModeOutOfMemoryShowsReason()
{
    // 405B parameters of weights, gradients and Adam state cannot fit on eight 80 GB chips.
    chooseEstimateMode("llama3.1-405b", 8, QStringLiteral("16777216")); // 2,048 sequences of 8,192
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    const ModelledRun &run = *m_dock->lastRun();
    QVERIFY(!run.feasible);
    QCOMPARE(run.reason, engine::Infeasible::OutOfMemory);
    QCOMPARE(modelRun(*m_dock->lastScenario(), *m_catalog, 1).reason, engine::Infeasible::OutOfMemory);
    QVERIFY2(m_dock->inputErrorText().contains(infeasibleText(engine::Infeasible::OutOfMemory)),
             qPrintable(m_dock->inputErrorText()));
    // No fake numbers.
    QVERIFY(!m_dock->lastResult());
    QCOMPARE(resultText("daysValue"), QStringLiteral("—"));
    QCOMPARE(resultText("mfuHfuValue"), QStringLiteral("—"));
    QCOMPARE(child<QTableWidget>("topConfigTable")->rowCount(), 0);
    QVERIFY(child<BreakdownBar>("breakdownBar")->segments().isEmpty());
    QVERIFY(!child<QProgressBar>("memoryBar")->property("fits").isValid());
    QVERIFY(child<QLabel>("searchCountsLabel")->text().contains(infeasibleText(engine::Infeasible::OutOfMemory)));
}

void TestEstimateDock::estimateModePinnedTpBeyondScaleUp()
{
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QVERIFY(m_dock->lastResult());
    // TP 16 over NVLink domains of 8: pinned, so nothing is feasible.
    child<QSpinBox>("tpSpin")->setValue(16);
    child<QSpinBox>("ppSpin")->setValue(8);
    child<QGroupBox>("parallelismGroup")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QCOMPARE(m_dock->lastScenario()->parallelism.tp, std::optional<int>(16));
    QCOMPARE(m_dock->lastRun()->reason, engine::Infeasible::TpExceedsScaleUpDomain);
    QVERIFY2(m_dock->inputErrorText().contains(infeasibleText(engine::Infeasible::TpExceedsScaleUpDomain)),
             qPrintable(m_dock->inputErrorText()));
    QVERIFY(!m_dock->lastResult());
    QCOMPARE(resultText("daysValue"), QStringLiteral("—"));
    // Back to a legal pinned layout: evaluated, not searched, one row.
    child<QSpinBox>("tpSpin")->setValue(8);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QVERIFY(m_dock->lastRun()->feasible);
    QVERIFY(!m_dock->lastRun()->searched);
    QCOMPARE(m_dock->lastRun()->parallelism.tp, 8);
    QCOMPARE(m_dock->lastRun()->parallelism.dp, 16);
    QVERIFY(m_dock->lastRun()->step.mfu == modelRun(*m_dock->lastScenario(), *m_catalog, 1).step.mfu);
    QCOMPARE(child<QTableWidget>("topConfigTable")->rowCount(), 1);
}

void TestEstimateDock::estimateModeNeedsGlobalBatch()
{
    chooseEstimateMode("gpt3-175b", 1024, QString());
    QVERIFY(!m_dock->isEstimating());
    QVERIFY(!m_dock->lastResult());
    QVERIFY2(m_dock->inputErrorText().startsWith(QLatin1String("Global batch")), qPrintable(m_dock->inputErrorText()));
    QCOMPARE(resultText("daysValue"), QStringLiteral("—"));
    // 4M = 1,953.125 sequences of 2,048 tokens: no data-parallel split; the panel says so and
    // suggests 2,048 sequences.
    child<QLineEdit>("globalBatchEdit")->setText(QStringLiteral("4M"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QCOMPARE(m_dock->lastRun()->reason, engine::Infeasible::BatchNotDivisible);
    QVERIFY2(m_dock->inputErrorText().contains(QLocale().toString(2048.0 * 2048.0, 'f', 0)),
             qPrintable(m_dock->inputErrorText()));
    QVERIFY(!m_dock->lastResult());
    child<QLineEdit>("globalBatchEdit")->setText(QStringLiteral("4194304"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QVERIFY2(m_dock->inputErrorText().isEmpty(), qPrintable(m_dock->inputErrorText()));
    QVERIFY(m_dock->lastResult());
}

void TestEstimateDock::estimateModeDiscardsStaleRequests()
{
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    // Let the 512 request pass its debounce (its search starts and may or may not have finished),
    // then change the count again: only the newest request may be shown.
    child<QSpinBox>("chipCountSpin")->setValue(512);
    QTest::qWait(70);
    child<QSpinBox>("chipCountSpin")->setValue(2048);
    QVERIFY(!m_dock->lastRun());
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QCOMPARE(m_dock->lastScenario()->chipCount, 2048LL);
    QCOMPARE(m_dock->lastInputs()->chipCount, 2048LL);
    QVERIFY(m_dock->lastRun()->step.mfu == modelRun(*m_dock->lastScenario(), *m_catalog, 1).step.mfu);
    QTest::qWait(100); // a late result of the 512 request must not replace it
    QCOMPARE(m_dock->lastScenario()->chipCount, 2048LL);
}

void TestEstimateDock::estimateModeCancel()
{
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QVERIFY(m_dock->isEstimating());
    m_dock->cancelEstimate();
    QVERIFY2(child<QLabel>("estimateStatus")->text().contains(QLatin1String("cancelled")),
             qPrintable(child<QLabel>("estimateStatus")->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating(), 30000);
    QTest::qWait(100);
    QVERIFY(!m_dock->lastRun());
    QVERIFY(!m_dock->lastResult());
    QCOMPARE(resultText("daysValue"), QStringLiteral("—"));
    // Any change estimates again.
    child<QSpinBox>("chipCountSpin")->setValue(2048);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    QVERIFY(m_dock->lastResult());
}

void TestEstimateDock::typedModeAfterEstimateMode()
{
    chooseEstimateMode("gpt3-175b", 1024, QStringLiteral("3145728"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isEstimating() && m_dock->lastRun(), 30000);
    m_dock->setMfuMode(EstimateDock::MfuMode::Typed);
    // Synchronous again, with the typed MFU, and the performance widgets gone.
    QVERIFY(!m_dock->isEstimating());
    QVERIFY(!m_dock->lastRun());
    QVERIFY(m_dock->lastResult());
    QCOMPARE(m_dock->lastInputs()->mfu, 0.45);
    QVERIFY(child<QDoubleSpinBox>("mfuSpin")->isEnabled());
    QVERIFY(child<BreakdownBar>("breakdownBar")->isHidden() || !child<BreakdownBar>("breakdownBar")->isVisible());
    child<QSpinBox>("chipCountSpin")->setValue(2048);
    QVERIFY(m_dock->lastResult());
    QCOMPARE(m_dock->lastInputs()->chipCount, 2048LL);
    QTest::qWait(150);
    QVERIFY(!m_dock->lastRun());
}

/// WheelGuard (views/widgets/wheelguard.h): a wheel turn over a field that has no focus scrolls
/// the panel and leaves the value alone; a field the user clicked into still takes the wheel.
void TestEstimateDock::wheelScrollsInsteadOfChangingFields()
{
    WheelGuard guard;
    qApp->installEventFilter(&guard);
    QScrollArea area;
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *spin = new QSpinBox;
    spin->setRange(1, 64);
    spin->setValue(8);
    auto *combo = new QComboBox;
    combo->addItems({QStringLiteral("none"), QStringLiteral("selective"), QStringLiteral("full")});
    combo->setCurrentIndex(1);
    auto *focusSink = new QLineEdit;
    layout->addWidget(focusSink);
    layout->addWidget(spin);
    layout->addWidget(combo);
    layout->addSpacing(3000);
    area.setWidget(content);
    area.resize(300, 200);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QCOMPARE(spin->focusPolicy(), Qt::StrongFocus); // was Qt::WheelFocus: the wheel no longer grabs focus
    QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);

    const auto turn = [](QWidget *w) {
        const QPointF at(w->width() / 2.0, w->height() / 2.0);
        QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &wheel);
    };
    QCOMPARE(area.verticalScrollBar()->value(), 0);
    turn(spin);
    QCOMPARE(spin->value(), 8);
    const int scrolled = area.verticalScrollBar()->value();
    QVERIFY2(scrolled > 0, "the wheel over an unfocused spin box scrolls the panel");
    turn(combo);
    QCOMPARE(combo->currentIndex(), 1);
    QVERIFY(area.verticalScrollBar()->value() > scrolled);

    // Clicked into: the field takes the wheel (one step down).
    area.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&area));
    spin->setFocus();
    QVERIFY(spin->hasFocus());
    turn(spin);
    QCOMPARE(spin->value(), 7);
    qApp->removeEventFilter(&guard);
}

QTEST_MAIN(TestEstimateDock)
#include "tst_estimatedock.moc"
