// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/charts.h"

#include "model/analysis/kpiformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLegendMarker>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace th::charts {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Charts)
};

std::unique_ptr<QChart> newChart(const QString &title)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

QValueAxis *valueAxis(const QString &title, double lo, double hi)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    if (!(hi > lo)) {
        lo = std::min(0.0, lo);
        hi = lo + 1.0;
    }
    axis->setRange(lo, hi);
    axis->applyNiceNumbers();
    const double span = std::max(std::abs(axis->min()), std::abs(axis->max()));
    axis->setLabelFormat(span >= 1000 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
    return axis;
}

QString titleWithUnit(const QString &label, const QString &unit)
{
    return unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, unit);
}

/// Legend text: the chip name without its parenthesised detail, so legends stay unelided.
QString shortName(const ComparisonCandidate &c)
{
    const QString n = c.chipName.isEmpty() ? c.chipId : c.chipName;
    const qsizetype paren = n.indexOf(QStringLiteral(" ("));
    return paren > 0 ? n.left(paren) : n;
}

} // namespace

QList<ComparisonMetric> allComparisonMetrics()
{
    return {ComparisonMetric::Days,         ComparisonMetric::CostPerRun,  ComparisonMetric::FacilityMw, ComparisonMetric::EnergyMwh,
            ComparisonMetric::Co2,          ComparisonMetric::Capex,       ComparisonMetric::OpexPerYear, ComparisonMetric::TokensPerUsd,
            ComparisonMetric::TokensPerKwh, ComparisonMetric::PflopsPerKw, ComparisonMetric::PflopsPerM2, ComparisonMetric::Mfu,
            ComparisonMetric::Chips,        ComparisonMetric::Racks,       ComparisonMetric::FloorArea};
}

QString metricLabel(ComparisonMetric m)
{
    switch (m) {
    case ComparisonMetric::Days: return Tr::tr("Training time");
    case ComparisonMetric::CostPerRun: return Tr::tr("Cost per run");
    case ComparisonMetric::FacilityMw: return Tr::tr("Facility power");
    case ComparisonMetric::EnergyMwh: return Tr::tr("Energy per run");
    case ComparisonMetric::Co2: return Tr::tr("CO2 per run");
    case ComparisonMetric::Capex: return Tr::tr("CapEx");
    case ComparisonMetric::OpexPerYear: return Tr::tr("OpEx");
    case ComparisonMetric::TokensPerUsd: return Tr::tr("Tokens per dollar");
    case ComparisonMetric::TokensPerKwh: return Tr::tr("Tokens per kWh");
    case ComparisonMetric::PflopsPerKw: return Tr::tr("PFLOPS per kW");
    case ComparisonMetric::PflopsPerM2: return Tr::tr("PFLOPS per m²");
    case ComparisonMetric::Mfu: return Tr::tr("MFU (estimated)");
    case ComparisonMetric::Chips: return Tr::tr("Chips");
    case ComparisonMetric::Racks: return Tr::tr("Racks");
    case ComparisonMetric::FloorArea: return Tr::tr("Floor area");
    }
    return QString();
}

QString metricUnit(ComparisonMetric m)
{
    switch (m) {
    case ComparisonMetric::Days: return Tr::tr("days");
    case ComparisonMetric::CostPerRun: return Tr::tr("M USD");
    case ComparisonMetric::FacilityMw: return Tr::tr("MW");
    case ComparisonMetric::EnergyMwh: return Tr::tr("MWh");
    case ComparisonMetric::Co2: return Tr::tr("t");
    case ComparisonMetric::Capex: return Tr::tr("M USD");
    case ComparisonMetric::OpexPerYear: return Tr::tr("M USD/year");
    case ComparisonMetric::TokensPerUsd: return Tr::tr("tokens/USD");
    case ComparisonMetric::TokensPerKwh: return Tr::tr("tokens/kWh");
    case ComparisonMetric::PflopsPerKw: return Tr::tr("PFLOPS/kW");
    case ComparisonMetric::PflopsPerM2: return Tr::tr("PFLOPS/m²");
    case ComparisonMetric::Mfu: return QString();
    case ComparisonMetric::Chips: return Tr::tr("chips");
    case ComparisonMetric::Racks: return Tr::tr("racks");
    case ComparisonMetric::FloorArea: return Tr::tr("m²");
    }
    return QString();
}

double metricValue(const ComparisonCandidate &c, ComparisonMetric m)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (m) {
    case ComparisonMetric::Chips: return double(c.chips);
    case ComparisonMetric::Racks: return double(c.racks);
    case ComparisonMetric::FloorArea: return c.floorAreaM2;
    case ComparisonMetric::FacilityMw: return c.facilityMw;
    default: break;
    }
    if (!c.feasible)
        return nan;
    switch (m) {
    case ComparisonMetric::Days: return c.days;
    case ComparisonMetric::CostPerRun: return c.costPerRunUsd / 1e6;
    case ComparisonMetric::EnergyMwh: return c.energyMwh;
    case ComparisonMetric::Co2: return c.co2Tonnes;
    case ComparisonMetric::Capex: return c.hasPrice ? c.capexUsd / 1e6 : nan;
    case ComparisonMetric::OpexPerYear: return c.opexUsdPerYear / 1e6;
    case ComparisonMetric::TokensPerUsd: return c.tokensPerUsd;
    case ComparisonMetric::TokensPerKwh: return c.tokensPerKwh;
    case ComparisonMetric::PflopsPerKw: return c.pflopsPerKw;
    case ComparisonMetric::PflopsPerM2: return c.pflopsPerM2;
    case ComparisonMetric::Mfu: return c.mfu;
    default: return nan;
    }
}

std::unique_ptr<QChart> comparisonBarChart(const QList<ComparisonCandidate> &candidates, ComparisonMetric metric)
{
    auto chart = newChart(metricLabel(metric));
    auto *series = new QBarSeries;
    double hi = 0.0;
    for (const ComparisonCandidate &c : candidates) {
        const double v = metricValue(c, metric);
        auto *set = new QBarSet(shortName(c));
        *set << (std::isfinite(v) ? v : 0.0);
        hi = std::max(hi, std::isfinite(v) ? v : 0.0);
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(4);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(metricLabel(metric));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = valueAxis(titleWithUnit(metricLabel(metric), metricUnit(metric)), 0.0, hi * 1.15);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    applyTheme(chart.get(), false);
    return chart;
}

std::unique_ptr<QChart> paretoChart(const QList<ComparisonCandidate> &candidates)
{
    auto chart = newChart(Tr::tr("Cost per run against training time (bubble area: facility MW)"));
    double xMax = 0.0, yMax = 0.0, mwMax = 0.0;
    for (const ComparisonCandidate &c : candidates) {
        if (c.feasible) {
            xMax = std::max(xMax, c.days);
            yMax = std::max(yMax, c.costPerRunUsd / 1e6);
            mwMax = std::max(mwMax, c.facilityMw);
        }
    }
    QValueAxis *x = valueAxis(Tr::tr("Training time (days)"), 0.0, xMax * 1.15);
    QValueAxis *y = valueAxis(Tr::tr("Cost per run (M USD)"), 0.0, yMax * 1.15);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const ComparisonCandidate &c : candidates) {
        if (!c.feasible)
            continue;
        auto *s = new QScatterSeries;
        s->setName(QStringLiteral("%1, %2 MW").arg(shortName(c), formatKpiNumber(c.facilityMw, 1)));
        // Area proportional to MW: diameter ~ sqrt.
        const double d = mwMax > 0 ? 10.0 + 30.0 * std::sqrt(c.facilityMw / mwMax) : 12.0;
        s->setMarkerSize(d);
        s->append(c.days, c.costPerRunUsd / 1e6);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    applyTheme(chart.get(), false);
    return chart;
}

std::unique_ptr<QChart> pueBreakdownChart(const engine::PueBreakdown &d)
{
    auto chart = newChart(Tr::tr("Facility power at the design condition (PUE %1)").arg(formatKpiNumber(d.pue, 3)));
    const QList<QPair<QString, double>> parts{{Tr::tr("IT"), d.itKw},
                                              {Tr::tr("Chillers"), d.chillerKw},
                                              {Tr::tr("Heat rejection fans"), d.heatRejectionFanKw},
                                              {Tr::tr("Pumps"), d.pumpKw},
                                              {Tr::tr("Terminal units"), d.terminalUnitKw},
                                              {Tr::tr("Transformer losses"), d.transformerLossKw},
                                              {Tr::tr("UPS losses"), d.upsLossKw},
                                              {Tr::tr("Distribution losses"), d.distributionLossKw},
                                              {Tr::tr("Lighting and other"), d.lightingOtherKw}};
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(Tr::tr("Power (kW)"));
    QStringList categories;
    double hi = 0.0;
    // Reverse so that IT is at the top.
    for (auto it = parts.crbegin(); it != parts.crend(); ++it) {
        categories << it->first;
        *set << it->second;
        hi = std::max(hi, it->second);
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(5);
    chart->addSeries(series);
    auto *yAxis = new QBarCategoryAxis;
    yAxis->append(categories);
    chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(yAxis);
    QValueAxis *xAxis = valueAxis(Tr::tr("Power (kW)"), 0.0, hi * 1.2);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(xAxis);
    applyTheme(chart.get(), false);
    return chart;
}

std::unique_ptr<QChart> powerByZoneChart(const FacilityResult &f)
{
    auto chart = newChart(Tr::tr("Heat load and cooling capacity by zone"));
    auto *series = new QBarSeries;
    auto *demand = new QBarSet(Tr::tr("Heat load (kW)"));
    auto *capacity = new QBarSet(Tr::tr("Capacity (kW)"));
    auto *nMinus1 = new QBarSet(Tr::tr("Capacity N-1 (kW)"));
    QStringList categories;
    double hi = 0.0;
    int index = 0;
    for (const CoolingZoneStatus &z : f.coolingZones) {
        categories << Tr::tr("Zone %1 (%2, hall %3)").arg(++index).arg(z.medium).arg(z.hallId);
        *demand << z.demandKw;
        *capacity << z.capacityKw;
        *nMinus1 << z.capacityNMinus1Kw;
        hi = std::max({hi, z.demandKw, z.capacityKw});
    }
    series->append(demand);
    series->append(capacity);
    series->append(nMinus1);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = valueAxis(Tr::tr("Power (kW)"), 0.0, hi * 1.1);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    applyTheme(chart.get(), false);
    return chart;
}

std::unique_ptr<QChart> sensitivityChart(const SensitivityResult &r, bool days)
{
    auto chart = newChart(days ? Tr::tr("Sensitivity of training time (base %1 days)").arg(formatKpiNumber(r.baseDays, 2))
                               : Tr::tr("Sensitivity of cost per run (base %1 M USD)").arg(formatKpiNumber(r.baseCostUsd / 1e6, 3)));
    auto *series = new QHorizontalStackedBarSeries;
    auto *low = new QBarSet(Tr::tr("Input at low end"));
    auto *high = new QBarSet(Tr::tr("Input at high end"));
    QStringList categories;
    double lo = 0.0, hi = 0.0;
    for (auto it = r.factors.crbegin(); it != r.factors.crend(); ++it) {
        const double dl = days ? it->daysLow - r.baseDays : (it->costLowUsd - r.baseCostUsd) / 1e6;
        const double dh = days ? it->daysHigh - r.baseDays : (it->costHighUsd - r.baseCostUsd) / 1e6;
        categories << it->label;
        *low << (std::isfinite(dl) ? dl : 0.0);
        *high << (std::isfinite(dh) ? dh : 0.0);
        lo = std::min({lo, dl, dh});
        hi = std::max({hi, dl, dh});
    }
    series->append(low);
    series->append(high);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const double span = std::max(std::abs(lo), std::abs(hi)) * 1.1;
    QValueAxis *x = valueAxis(days ? Tr::tr("Change of training time (days)") : Tr::tr("Change of cost per run (M USD)"), -span, span);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    applyTheme(chart.get(), false);
    return chart;
}

void applyTheme(QChart *chart, bool dark)
{
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    QFont title = chart->titleFont();
    title.setPointSizeF(11);
    title.setBold(true);
    chart->setTitleFont(title);
    QFont legend = chart->legend()->font();
    legend.setPointSizeF(8.5);
    chart->legend()->setFont(legend);
    const QColor text = dark ? QColor(235, 235, 235) : QColor(30, 30, 30);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        QFont f = axis->labelsFont();
        f.setPointSizeF(8);
        axis->setLabelsFont(f);
        axis->setLabelsColor(text);
        QFont t = axis->titleFont();
        t.setPointSizeF(8.5);
        axis->setTitleFont(t);
        axis->setTitleBrush(text);
    }
}

void renderChart(QChart *chart, QPainter *painter, const QRectF &target)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    // Lay out on a larger logical canvas, then scale into the target: chart fonts are sized for
    // screen pixels, which would look oversized when one pixel becomes one printed point.
    constexpr double kScale = 1.6;
    const QSizeF logical(std::max(160.0, target.width() * kScale), std::max(120.0, target.height() * kScale));
    chart->resize(logical);
    chart->setPos(0, 0);
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    scene.removeItem(chart);
}

bool saveChart(QChart *chart, const QString &path, const QSize &size, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(size);
        gen.setViewBox(QRect(QPoint(0, 0), size));
        gen.setTitle(chart->title());
        QPainter p;
        if (!p.begin(&gen)) {
            if (error)
                *error = Tr::tr("cannot write %1").arg(path);
            return false;
        }
        renderChart(chart, &p, QRectF(QPointF(0, 0), QSizeF(size)));
        p.end();
        if (!QFileInfo::exists(path)) {
            if (error)
                *error = Tr::tr("cannot write %1").arg(path);
            return false;
        }
        return true;
    }
    if (suffix != QLatin1String("png")) {
        if (error)
            *error = Tr::tr("charts are saved as .png or .svg, not \"%1\"").arg(suffix);
        return false;
    }
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2.0);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    renderChart(chart, &p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    if (!image.save(path, "PNG")) {
        if (error)
            *error = Tr::tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace th::charts
