// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/docks/planchartsdock.h"

#include "model/document/floorplandocument.h"
#include "views/charts/charts.h"

#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace th {

namespace {

constexpr int kDebounceMs = 150;
constexpr int kMinimumContentWidth = 430;
const QSize kSaveSize(900, 560);

} // namespace

PlanChartsDock::PlanChartsDock(FloorPlanDocument *document, const CatalogCache *cache, QWidget *parent)
    : QDockWidget(tr("Plan charts"), parent)
    , m_document(document)
    , m_cache(cache)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("planChartsDock"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDebounceMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            evaluate();
        else
            m_pending = true;
    });
    connect(document, &FloorPlanDocument::changed, this, &PlanChartsDock::scheduleEvaluation);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    // Ranges of the sensitivity study (defaults = the report's).
    auto *rangeBox = new QGroupBox(tr("Sensitivity ranges"));
    auto *form = new QFormLayout(rangeBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const SensitivityRanges defaults;
    auto addRange = [&](const QString &key, const QString &label, double value, const QString &prefix, const QString &tip) {
        auto *spin = new QDoubleSpinBox;
        spin->setObjectName(key + QStringLiteral("Range"));
        spin->setRange(0.0, 90.0);
        spin->setDecimals(0);
        spin->setSingleStep(5.0);
        spin->setPrefix(prefix);
        spin->setSuffix(tr(" %"));
        spin->setValue(value * 100.0);
        spin->setToolTip(tip);
        spin->setAccelerated(true);
        auto *l = new QLabel(label);
        l->setToolTip(tip);
        form->addRow(l, spin);
        m_ranges.insert(key, spin);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &PlanChartsDock::scheduleEvaluation);
    };
    const QString pm = QStringLiteral("± ");
    addRange(QStringLiteral("electricity_price"), tr("Electricity price:"), defaults.electricityPrice, pm,
             tr("Electricity price moved down and up by this share of the workload's price"));
    addRange(QStringLiteral("mfu"), tr("MFU:"), defaults.mfu, pm, tr("Model FLOPS utilisation moved down and up by this share (at most 0.95)"));
    addRange(QStringLiteral("pue"), tr("PUE:"), defaults.pue, pm, tr("PUE moved down (not below 1.0) and up by this share"));
    addRange(QStringLiteral("chip_price"), tr("Chip price:"), defaults.chipPrice, pm,
             tr("Chip price when the chips are bought, chip-hour price when they are rented"));
    addRange(QStringLiteral("utilisation"), tr("Utilisation:"), defaults.utilisation, QStringLiteral("− "),
             tr("Share of wall-clock time lost (failures, restarts); the base estimate assumes 100 %, so only the low side moves"));
    layout->addWidget(rangeBox);

    m_facilityMessage = new QLabel;
    m_facilityMessage->setObjectName(QStringLiteral("planChartsFacilityMessage"));
    m_facilityMessage->setWordWrap(true);
    layout->addWidget(m_facilityMessage);
    QChartView *view = nullptr;
    layout->addWidget(chartSection(Chart::PueBreakdown, &view));
    layout->addWidget(chartSection(Chart::PowerByZone, &view));

    m_tornadoMessage = new QLabel;
    m_tornadoMessage->setObjectName(QStringLiteral("tornadoMessage"));
    m_tornadoMessage->setWordWrap(true);
    layout->addWidget(m_tornadoMessage);
    layout->addWidget(chartSection(Chart::CostTornado, &view));
    layout->addWidget(chartSection(Chart::DaysTornado, &view));
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("planChartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Below this width Qt Charts elides legends and axis titles: a narrow dock scrolls instead.
    content->setMinimumWidth(kMinimumContentWidth);
    scroll->setWidget(content);
    setWidget(scroll);
    evaluate();
}

QWidget *PlanChartsDock::chartSection(Chart chart, QChartView **view)
{
    auto *section = new QWidget;
    auto *l = new QVBoxLayout(section);
    l->setContentsMargins(0, 0, 0, 0);
    // The chart's title as a wrapping label: a narrow dock would elide it inside the chart.
    auto *title = new QLabel;
    title->setObjectName(QStringLiteral("chartTitle"));
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignHCenter);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    l->addWidget(title);
    m_titles.insert(int(chart), title);
    *view = new QChartView;
    (*view)->setRenderHint(QPainter::Antialiasing);
    // Nine categories in the PUE breakdown: tall enough for CJK label heights, or Qt Charts elides them.
    (*view)->setMinimumHeight(chart == Chart::PueBreakdown ? 400 : chart == Chart::PowerByZone ? 300 : 320);
    l->addWidget(*view);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *save = new QPushButton(tr("Save chart…"));
    save->setToolTip(tr("Save this chart as PNG or SVG"));
    row->addWidget(save);
    l->addLayout(row);
    connect(save, &QPushButton::clicked, this, [this, chart] { saveChartInteractive(chart); });
    m_views.insert(int(chart), *view);
    m_sections.insert(int(chart), section);
    return section;
}

SensitivityRanges PlanChartsDock::ranges() const
{
    SensitivityRanges r;
    r.electricityPrice = m_ranges.value(QStringLiteral("electricity_price"))->value() / 100.0;
    r.mfu = m_ranges.value(QStringLiteral("mfu"))->value() / 100.0;
    r.pue = m_ranges.value(QStringLiteral("pue"))->value() / 100.0;
    r.chipPrice = m_ranges.value(QStringLiteral("chip_price"))->value() / 100.0;
    r.utilisation = m_ranges.value(QStringLiteral("utilisation"))->value() / 100.0;
    return r;
}

void PlanChartsDock::setRanges(const SensitivityRanges &r)
{
    m_ranges.value(QStringLiteral("electricity_price"))->setValue(r.electricityPrice * 100.0);
    m_ranges.value(QStringLiteral("mfu"))->setValue(r.mfu * 100.0);
    m_ranges.value(QStringLiteral("pue"))->setValue(r.pue * 100.0);
    m_ranges.value(QStringLiteral("chip_price"))->setValue(r.chipPrice * 100.0);
    m_ranges.value(QStringLiteral("utilisation"))->setValue(r.utilisation * 100.0);
}

QChartView *PlanChartsDock::chartView(Chart chart) const
{
    return m_views.value(int(chart));
}

QString PlanChartsDock::chartTitle(Chart chart) const
{
    const QLabel *label = m_titles.value(int(chart));
    return label ? label->text() : QString();
}

void PlanChartsDock::scheduleEvaluation()
{
    m_timer->start();
}

void PlanChartsDock::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    if (m_pending)
        scheduleEvaluation();
}

void PlanChartsDock::evaluate()
{
    m_timer->stop();
    m_pending = false;
    m_evaluation = evaluatePlan(m_document->plan(), *m_cache, PlanAssumptions{});
    ++m_evaluationCount;
    m_sensitivity.reset();
    // The same inputs as the report's sensitivity section (model/analysis/reportdata.cpp).
    if (m_evaluation.training && m_evaluation.workloadScenario) {
        engine::TrainingInputs in = m_evaluation.workloadScenario->trainingInputs(m_evaluation.training->mfu);
        if (m_evaluation.workloadRun)
            in.parallelism = m_evaluation.workloadRun->parallelism;
        m_sensitivity = computeSensitivity(in, ranges());
    }

    if (!m_evaluation.facility)
        m_facilityMessage->setText(tr("The facility model is not available for this plan, so there is no power breakdown."));
    else if (m_evaluation.facility->coolingZones.isEmpty())
        m_facilityMessage->setText(tr("No cooling zones: place cooling units (CRAH, CDU, in-row) to see heat load against capacity by zone."));
    else
        m_facilityMessage->clear();
    m_facilityMessage->setVisible(!m_facilityMessage->text().isEmpty());
    m_sections.value(int(Chart::PueBreakdown))->setVisible(m_evaluation.facility.has_value());
    m_sections.value(int(Chart::PowerByZone))->setVisible(m_evaluation.facility && !m_evaluation.facility->coolingZones.isEmpty());

    if (!m_document->plan().workload())
        m_tornadoMessage->setText(tr("The plan has no workload, so there is no sensitivity of cost and training time. "
                                     "Attach one with Plan ▸ Workload…"));
    else if (!m_sensitivity)
        m_tornadoMessage->setText(tr("The plan's workload cannot be estimated, so there is no sensitivity of cost and training time: %1")
                                      .arg(m_evaluation.workloadProblems.join(tr("; "))));
    else
        m_tornadoMessage->clear();
    m_tornadoMessage->setVisible(!m_sensitivity);
    m_sections.value(int(Chart::CostTornado))->setVisible(m_sensitivity.has_value());
    m_sections.value(int(Chart::DaysTornado))->setVisible(m_sensitivity.has_value());
    updateCharts();
}

std::unique_ptr<QChart> PlanChartsDock::buildChart(Chart chart) const
{
    switch (chart) {
    case Chart::PueBreakdown:
        if (m_evaluation.facility)
            return charts::pueBreakdownChart(m_evaluation.facility->design);
        break;
    case Chart::PowerByZone:
        if (m_evaluation.facility && !m_evaluation.facility->coolingZones.isEmpty())
            return charts::powerByZoneChart(*m_evaluation.facility);
        break;
    case Chart::CostTornado:
    case Chart::DaysTornado:
        if (m_sensitivity)
            return charts::sensitivityChart(*m_sensitivity, chart == Chart::DaysTornado);
        break;
    }
    return nullptr;
}

void PlanChartsDock::updateCharts()
{
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    for (Chart c : {Chart::PueBreakdown, Chart::PowerByZone, Chart::CostTornado, Chart::DaysTornado}) {
        QChartView *view = m_views.value(int(c));
        std::unique_ptr<QChart> chart = buildChart(c);
        if (!chart)
            chart = std::make_unique<QChart>();
        charts::applyTheme(chart.get(), dark);
        m_titles.value(int(c))->setText(chart->title());
        chart->setTitle(QString());
        QChart *old = view->chart();
        view->setChart(chart.release());
        // setChart() does not delete the chart it replaces.
        delete old;
    }
}

bool PlanChartsDock::saveChart(Chart chart, const QString &path, QString *error) const
{
    // A light copy at a fixed size: the view's chart stays in its scene.
    std::unique_ptr<QChart> copy = buildChart(chart);
    if (!copy) {
        if (error)
            *error = tr("This chart has no data for the open plan.");
        return false;
    }
    return charts::saveChart(copy.get(), path, kSaveSize, error);
}

void PlanChartsDock::saveChartInteractive(Chart chart)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), QString(), tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveChart(chart, path, &error))
        QMessageBox::warning(this, tr("Save Chart"), error);
}

} // namespace th
