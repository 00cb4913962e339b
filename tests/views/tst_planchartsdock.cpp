// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/analysis/catalogcache.h"
#include "model/analysis/plananalysis.h"
#include "model/analysis/sensitivity.h"
#include "model/catalog/catalog.h"
#include "model/document/floorplandocument.h"
#include "model/io/planfile.h"
#include "tests/support/testpaths.h"
#include "views/docks/planchartsdock.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace th;

namespace {

const SensitivityFactor *factor(const SensitivityResult &r, const QString &key)
{
    for (const SensitivityFactor &f : r.factors)
        if (f.key == key)
            return &f;
    return nullptr;
}

double costWidth(const SensitivityFactor &f)
{
    return std::abs(f.costHighUsd - f.costLowUsd);
}

} // namespace

class TestPlanChartsDock : public QObject
{
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<CatalogCache> m_cache;
    std::unique_ptr<FloorPlanDocument> m_document;
    std::unique_ptr<PlanChartsDock> m_dock;

private slots:
    void init()
    {
        m_catalog = std::make_unique<Catalog>();
        QString error;
        QVERIFY2(m_catalog->openInMemory(&error), qPrintable(error));
        m_cache = std::make_unique<CatalogCache>(m_catalog.get());
        const PlanReadResult r = readPlanFile(test::sourcePath(QStringLiteral("data/samples/h100-1024-air.thplan")));
        QVERIFY(r.plan);
        QVERIFY(r.plan->workload());
        m_document = std::make_unique<FloorPlanDocument>();
        m_document->resetPlan(*r.plan);
        m_dock = std::make_unique<PlanChartsDock>(m_document.get(), m_cache.get());
        m_dock->resize(480, 900);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
        m_dock->evaluate();
    }

    void cleanup()
    {
        m_dock.reset();
        m_document.reset();
        m_cache.reset();
        m_catalog.reset();
    }

    void pueBreakdownSumsToFacilityPower()
    {
        const PlanEvaluation expected = evaluatePlan(m_document->plan(), *m_cache);
        QVERIFY(expected.facility);
        QVERIFY(expected.facilityKw > 0);
        QChart *chart = m_dock->chartView(PlanChartsDock::Chart::PueBreakdown)->chart();
        QVERIFY(chart);
        QCOMPARE(chart->series().size(), 1);
        auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().constFirst());
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 1);
        const QBarSet *set = series->barSets().constFirst();
        QCOMPARE(set->count(), 9);
        double sum = 0.0;
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        QVERIFY2(std::abs(sum - expected.facilityKw) <= 1e-6 * expected.facilityKw,
                 qPrintable(QStringLiteral("sum %1 kW, facility %2 kW").arg(sum).arg(expected.facilityKw)));
        QCOMPARE(m_dock->evaluation().facilityKw, expected.facilityKw);
        QVERIFY(m_dock->chartView(PlanChartsDock::Chart::PueBreakdown)->isVisibleTo(m_dock.get()));
        QVERIFY(m_dock->chartView(PlanChartsDock::Chart::PowerByZone)->chart()->series().size() == 1);
    }

    void electricityRangeDoublesTornadoBar()
    {
        QDoubleSpinBox *spin = m_dock->rangeSpinBox(QStringLiteral("electricity_price"));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 25.0); // the report's default
        QVERIFY2(m_dock->sensitivity(), qPrintable(m_dock->evaluation().workloadProblems.join(QLatin1Char(';'))));
        const SensitivityFactor *f25 = factor(*m_dock->sensitivity(), QStringLiteral("electricity_price"));
        QVERIFY(f25);
        const double w25 = costWidth(*f25);
        QVERIFY(w25 > 0);

        // Through the debounced path, as the user edits the spin box.
        const int before = m_dock->evaluationCount();
        spin->setValue(50.0);
        QTRY_VERIFY(m_dock->evaluationCount() > before);
        QCOMPARE(m_dock->ranges().electricityPrice, 0.5);
        const SensitivityFactor *f50 = factor(*m_dock->sensitivity(), QStringLiteral("electricity_price"));
        QVERIFY(f50);
        const double w50 = costWidth(*f50);
        QVERIFY2(std::abs(w50 - 2.0 * w25) <= 1e-9 * w50, qPrintable(QStringLiteral("%1 vs 2 x %2").arg(w50).arg(w25)));

        // The dock's numbers are the sensitivity API's with these ranges.
        const PlanEvaluation &ev = m_dock->evaluation();
        QVERIFY(ev.workloadScenario && ev.training);
        engine::TrainingInputs in = ev.workloadScenario->trainingInputs(ev.training->mfu);
        if (ev.workloadRun)
            in.parallelism = ev.workloadRun->parallelism;
        SensitivityRanges ranges;
        ranges.electricityPrice = 0.5;
        const SensitivityResult direct = computeSensitivity(in, ranges);
        const SensitivityFactor *fd = factor(direct, QStringLiteral("electricity_price"));
        QVERIFY(fd);
        QCOMPARE(f50->costLowUsd, fd->costLowUsd);
        QCOMPARE(f50->costHighUsd, fd->costHighUsd);
        QCOMPARE(direct.factors.size(), m_dock->sensitivity()->factors.size());

        // The tornado chart draws that width.
        QChart *chart = m_dock->chartView(PlanChartsDock::Chart::CostTornado)->chart();
        auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().constFirst());
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 2);
        const qsizetype n = m_dock->sensitivity()->factors.size();
        qsizetype row = -1;
        for (qsizetype i = 0; i < n; ++i)
            if (m_dock->sensitivity()->factors.at(n - 1 - i).key == QLatin1String("electricity_price"))
                row = i;
        QVERIFY(row >= 0);
        const double drawn = std::abs(series->barSets().at(1)->at(int(row)) - series->barSets().at(0)->at(int(row)));
        QVERIFY(std::abs(drawn - w50 / 1e6) <= 1e-9 * drawn);
        QVERIFY(m_dock->tornadoMessage()->isHidden());
        QVERIFY(m_dock->chartTitle(PlanChartsDock::Chart::CostTornado).contains(QStringLiteral("cost per run")));
    }

    void rangesAreValidated()
    {
        for (const QString &key : {QStringLiteral("electricity_price"), QStringLiteral("mfu"), QStringLiteral("pue"), QStringLiteral("chip_price"),
                                  QStringLiteral("utilisation")}) {
            QDoubleSpinBox *spin = m_dock->rangeSpinBox(key);
            QVERIFY2(spin, qPrintable(key));
            QCOMPARE(spin->minimum(), 0.0);
            QCOMPARE(spin->maximum(), 90.0);
            spin->setValue(500.0);
            QCOMPARE(spin->value(), 90.0);
        }
        QCOMPARE(m_dock->ranges().utilisation, 0.9);
    }

    void noWorkloadShowsSentence()
    {
        FloorPlan plan = m_document->plan();
        plan.setWorkload(std::nullopt);
        m_document->resetPlan(plan);
        QTRY_VERIFY(!m_dock->sensitivity());
        QVERIFY(!m_dock->tornadoMessage()->isHidden());
        QVERIFY(m_dock->tornadoMessage()->text().contains(QStringLiteral("no workload")));
        QVERIFY(!m_dock->chartView(PlanChartsDock::Chart::CostTornado)->isVisibleTo(m_dock.get()));
        QVERIFY(!m_dock->chartView(PlanChartsDock::Chart::DaysTornado)->isVisibleTo(m_dock.get()));
        // The facility charts stay.
        QVERIFY(m_dock->chartView(PlanChartsDock::Chart::PueBreakdown)->isVisibleTo(m_dock.get()));
        QString error;
        QTemporaryDir dir;
        QVERIFY(!m_dock->saveChart(PlanChartsDock::Chart::CostTornado, dir.filePath(QStringLiteral("t.png")), &error));
        QVERIFY(!error.isEmpty());
    }

    void hiddenDockDefersEvaluation()
    {
        m_dock->hide();
        const int before = m_dock->evaluationCount();
        m_dock->rangeSpinBox(QStringLiteral("mfu"))->setValue(30.0);
        QTest::qWait(400);
        QCOMPARE(m_dock->evaluationCount(), before);
        m_dock->show();
        QTRY_COMPARE(m_dock->evaluationCount(), before + 1);
    }

    void savesPngAndSvg()
    {
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("pue.png"));
        const QString svg = dir.filePath(QStringLiteral("tornado.svg"));
        QVERIFY2(m_dock->saveChart(PlanChartsDock::Chart::PueBreakdown, png, &error), qPrintable(error));
        QVERIFY2(m_dock->saveChart(PlanChartsDock::Chart::DaysTornado, svg, &error), qPrintable(error));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(svg).size() > 1000);
        QImage image(png);
        QVERIFY(!image.isNull());
    }
};

QTEST_MAIN(TestPlanChartsDock)
#include "tst_planchartsdock.moc"
