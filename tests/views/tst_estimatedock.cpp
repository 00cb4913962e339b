// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalog.h"
#include "model/catalog/catalogconversions.h"
#include "model/engine/trainingestimate.h"
#include "tests/support/fuzzycompare.h"
#include "views/docks/estimatedock.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

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
    void doublingChipsHalvesDays();
    void memoryBarShowsFit();
    void precisionsFollowChip();
    void invalidTokensClearResults();
    void tokensAcceptHumanForms_data();
    void tokensAcceptHumanForms();
    void customModel();
    void combosRefreshAfterCatalogChange();

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

QTEST_MAIN(TestEstimateDock)
#include "tst_estimatedock.moc"
