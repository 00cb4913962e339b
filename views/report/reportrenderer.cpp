// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/report/reportrenderer.h"

#include "model/analysis/enginetext.h"
#include "views/charts/charts.h"
#include "views/scene/facilityoverlay.h"

#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace th {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)
};

QString num(double v, int decimals)
{
    return formatKpiNumber(v, decimals);
}

constexpr double kMargin = 42.0;     // points
constexpr double kHeaderH = 22.0;
constexpr double kFooterH = 22.0;

QFont reportFont(double pt, bool bold = false)
{
    QFont f;
    // DejaVu Sans covers Latin/Greek/Cyrillic and symbols; WenQuanYi Micro Hei the Chinese text.
    // Not Noto Sans CJK first: its cmap maps the Kangxi radicals (U+2F00-U+2FD5) to the same
    // glyphs as the unified ideographs, and Qt's PDF ToUnicode map (QFontSubset::getReverseMap)
    // keeps the lowest code point per glyph, so 一 and 文 would be extracted as U+2F00 and U+2F42
    // and the report would not be searchable for them. WenQuanYi Micro Hei has no Kangxi block;
    // Noto stays as the fallback where it is not installed.
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC")});
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QColor groupColor(ReportItemGroup g)
{
    switch (g) {
    case ReportItemGroup::Compute: return QColor(66, 133, 244);
    case ReportItemGroup::Network: return QColor(124, 77, 255);
    case ReportItemGroup::Storage: return QColor(0, 150, 136);
    case ReportItemGroup::Power: return QColor(255, 179, 0);
    case ReportItemGroup::Cooling: return QColor(3, 169, 244).lighter(130);
    case ReportItemGroup::Other: return QColor(158, 158, 158);
    case ReportItemGroup::Missing: return QColor(229, 57, 53);
    }
    return Qt::gray;
}

struct Column
{
    QString title;
    double width;                    ///< fraction of the body width
    Qt::Alignment align = Qt::AlignLeft;
    bool wrapAnywhere = false;       ///< URLs and ids
};

/// Page flow over a QPdfWriter in points. A dry pass measures only (it counts the pages for
/// "page N of M"); the real pass paints the same layout.
class Flow
{
public:
    Flow(const ReportData &data, QPdfWriter *writer, QPainter *painter, int totalPages, const QSizeF &pageSize)
        : m_data(data)
        , m_writer(writer)
        , m_p(painter)
        , m_total(totalPages)
        , m_page(0, 0, pageSize.width(), pageSize.height())
        , m_body(kMargin, kMargin + kHeaderH, pageSize.width() - 2 * kMargin, pageSize.height() - 2 * kMargin - kHeaderH - kFooterH)
    {
    }

    bool dry() const { return m_p == nullptr; }
    int pages() const { return m_pageNo; }
    const QRectF &body() const { return m_body; }
    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    double remaining() const { return m_body.bottom() - m_y; }
    QPainter *painter() const { return m_p; }

    void newPage(bool decorated = true)
    {
        if (m_pageNo > 0 && !dry())
            m_writer->newPage();
        ++m_pageNo;
        m_y = m_body.top();
        if (decorated && !dry())
            decorate();
    }

    void ensure(double h)
    {
        if (m_y + h > m_body.bottom() + 0.01)
            newPage();
    }

    double textHeight(const QString &text, const QFont &font, double width, int flags = Qt::TextWordWrap) const
    {
        const QFontMetricsF fm(font, m_writer);
        return fm.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
    }

    void text(const QString &text, const QFont &font, double spaceAfter = 5.0, const QColor &color = QColor(25, 25, 25))
    {
        const double h = textHeight(text, font, m_body.width());
        ensure(h);
        if (!dry()) {
            m_p->setFont(font);
            m_p->setPen(color);
            m_p->drawText(QRectF(m_body.left(), m_y, m_body.width(), h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        }
        m_y += h + spaceAfter;
    }

    void heading(const QString &text, int level = 1)
    {
        const QFont f = reportFont(level == 1 ? 15 : 11.5, true);
        const double h = textHeight(text, f, m_body.width());
        // Keep a heading with at least a few lines of what follows.
        ensure(h + 70);
        if (level == 1 && m_y > m_body.top() + 1)
            m_y += 6;
        if (!dry()) {
            m_p->setFont(f);
            m_p->setPen(level == 1 ? QColor(13, 71, 161) : QColor(30, 30, 30));
            m_p->drawText(QRectF(m_body.left(), m_y, m_body.width(), h), Qt::TextWordWrap, text);
            if (level == 1) {
                m_p->setPen(QPen(QColor(13, 71, 161), 0.8));
                m_p->drawLine(QPointF(m_body.left(), m_y + h + 1.5), QPointF(m_body.right(), m_y + h + 1.5));
            }
        }
        m_y += h + (level == 1 ? 8 : 4);
    }

    /// A table that breaks between rows and repeats its header on each page. `boldLast` sets the
    /// last row in bold (totals).
    void table(const QList<Column> &cols, const QList<QStringList> &rows, bool boldLast = false, double fontPt = 8.0)
    {
        const QFont font = reportFont(fontPt);
        const QFont bold = reportFont(fontPt, true);
        constexpr double pad = 2.5;
        auto rowHeight = [&](const QStringList &cells, const QFont &f) {
            double h = 0;
            for (int c = 0; c < cols.size(); ++c) {
                const double w = cols[c].width * m_body.width() - 2 * pad;
                const int flags = cols[c].wrapAnywhere ? Qt::TextWrapAnywhere : Qt::TextWordWrap;
                h = std::max(h, textHeight(c < cells.size() ? cells[c] : QString(), f, w, flags));
            }
            return h + 2 * pad;
        };
        auto drawRow = [&](const QStringList &cells, const QFont &f, const QColor &bg) {
            const double h = rowHeight(cells, f);
            if (!dry()) {
                if (bg.isValid())
                    m_p->fillRect(QRectF(m_body.left(), m_y, m_body.width(), h), bg);
                m_p->setFont(f);
                m_p->setPen(QColor(25, 25, 25));
                double x = m_body.left();
                for (int c = 0; c < cols.size(); ++c) {
                    const double w = cols[c].width * m_body.width();
                    const int flags = (cols[c].wrapAnywhere ? Qt::TextWrapAnywhere : Qt::TextWordWrap) | int(cols[c].align) | Qt::AlignTop;
                    m_p->drawText(QRectF(x + pad, m_y + pad, w - 2 * pad, h - 2 * pad), flags, c < cells.size() ? cells[c] : QString());
                    x += w;
                }
                m_p->setPen(QPen(QColor(210, 210, 210), 0.4));
                m_p->drawLine(QPointF(m_body.left(), m_y + h), QPointF(m_body.right(), m_y + h));
            }
            m_y += h;
        };
        QStringList header;
        for (const Column &c : cols)
            header << c.title;
        const double headerH = rowHeight(header, bold);
        ensure(headerH + (rows.isEmpty() ? 0 : rowHeight(rows.front(), font)));
        drawRow(header, bold, QColor(227, 234, 242));
        for (int r = 0; r < rows.size(); ++r) {
            const bool isBold = boldLast && r == rows.size() - 1;
            const double h = rowHeight(rows[r], isBold ? bold : font);
            if (m_y + h > m_body.bottom()) {
                newPage();
                drawRow(header, bold, QColor(227, 234, 242));
            }
            drawRow(rows[r], isBold ? bold : font, r % 2 ? QColor(246, 248, 250) : QColor());
        }
        m_y += 8;
    }

    void chart(std::unique_ptr<QChart> chart, double height)
    {
        ensure(height);
        if (!dry() && chart)
            charts::renderChart(chart.get(), m_p, QRectF(m_body.left(), m_y, m_body.width(), height));
        m_y += height + 8;
    }

private:
    void decorate()
    {
        const double top = kMargin;
        m_p->setPen(QColor(90, 90, 90));
        m_p->setFont(reportFont(7.5));
        const QRectF header(m_body.left(), top, m_body.width(), kHeaderH - 8);
        m_p->drawText(header, Qt::AlignLeft | Qt::AlignBottom, m_data.title);
        m_p->drawText(header, Qt::AlignRight | Qt::AlignBottom, m_data.plan.name);
        m_p->setPen(QPen(QColor(160, 160, 160), 0.5));
        m_p->drawLine(QPointF(m_body.left(), top + kHeaderH - 5), QPointF(m_body.right(), top + kHeaderH - 5));
        const QRectF footer(m_body.left(), m_body.bottom() + 8, m_body.width(), kFooterH - 8);
        m_p->drawLine(QPointF(m_body.left(), m_body.bottom() + 5), QPointF(m_body.right(), m_body.bottom() + 5));
        m_p->setPen(QColor(90, 90, 90));
        m_p->drawText(footer, Qt::AlignHCenter | Qt::AlignTop, Tr::tr("Page %1 of %2").arg(m_pageNo).arg(m_total));
        m_p->drawText(footer, Qt::AlignLeft | Qt::AlignTop, Tr::tr("Terahall %1").arg(m_data.version));
        m_p->drawText(footer, Qt::AlignRight | Qt::AlignTop, QLocale::c().toString(m_data.generated, QStringLiteral("yyyy-MM-dd HH:mm")));
    }

    const ReportData &m_data;
    QPdfWriter *m_writer;
    QPainter *m_p;
    int m_total;
    int m_pageNo = 0;
    QRectF m_page;
    QRectF m_body;
    double m_y = 0.0;
};

// ---------------------------------------------------------------------------------------------
// Sections

void cover(Flow &f, const ReportData &d)
{
    f.newPage(false);
    f.setY(f.body().top() + 150);
    f.text(d.title, reportFont(26, true), 14, QColor(13, 71, 161));
    f.text(d.plan.name.isEmpty() ? Tr::tr("(untitled plan)") : d.plan.name, reportFont(17), 24);
    if (!d.plan.description.isEmpty())
        f.text(d.plan.description, reportFont(9.5), 24, QColor(60, 60, 60));
    const QFont info = reportFont(10.5);
    f.text(Tr::tr("Author: %1").arg(d.plan.author.isEmpty() ? Tr::tr("(not given)") : d.plan.author), info, 4);
    f.text(Tr::tr("Date: %1").arg(QLocale::c().toString(d.generated, QStringLiteral("yyyy-MM-dd HH:mm"))), info, 4);
    f.text(Tr::tr("Terahall version %1").arg(d.version), info, 4);
    if (d.evaluation.facility)
        f.text(Tr::tr("Site: %1").arg(siteDisplayName(*d.evaluation.facility)), info, 4);
    f.setY(f.body().bottom() - 60);
    f.text(Tr::tr("Figures come from the Terahall catalog (each with its source and confidence, listed at the end) and from "
              "the stated assumptions. Estimates, not measurements."),
           reportFont(8), 0, QColor(100, 100, 100));
}

void summary(Flow &f, const ReportData &d)
{
    f.newPage();
    f.heading(Tr::tr("Executive summary"));
    QList<QStringList> rows;
    for (const KpiEntry &k : d.kpis)
        rows << QStringList{k.label, k.value, k.unit};
    f.table({{Tr::tr("Figure"), 0.45}, {Tr::tr("Value"), 0.25, Qt::AlignRight}, {Tr::tr("Unit"), 0.30}}, rows, false, 9.5);
    const PlanEvaluation &e = d.evaluation;
    int errors = 0;
    for (const Violation &v : e.violations)
        errors += v.severity == QLatin1String("error") ? 1 : 0;
    QString text;
    if (e.violations.isEmpty())
        text = Tr::tr("The plan has no violations.");
    else
        text = Tr::tr("The plan has %1 violations, %2 of them errors (see Power and cooling).").arg(e.violations.size()).arg(errors);
    if (e.training)
        text += QLatin1Char(' ')
                + Tr::tr("The attached workload trains in %1 days on %2 accelerators at an MFU of %3.")
                      .arg(num(e.training->days, 2), num(double(e.workloadScenario ? e.workloadScenario->chipCount : e.accelerators), 0),
                           num(e.training->mfu, 3));
    for (const QString &p : e.workloadProblems)
        text += QLatin1Char(' ') + Tr::tr("Workload: %1.").arg(p);
    if (e.itemsWithoutPrice > 0)
        text += QLatin1Char(' ') + Tr::tr("%1 items have no catalog price and are not in the CapEx.").arg(e.itemsWithoutPrice);
    f.text(text, reportFont(9.5));
}

QRectF hallExtentMm(const ReportData &d, const Hall &h)
{
    QRectF r(0, -h.yardDepthMm, h.widthMm, h.depthMm + h.yardDepthMm);
    for (int i = 0; i < d.plan.equipmentCount(); ++i) {
        const Equipment &e = d.plan.equipmentAt(i);
        if (e.hallId() == h.id)
            r = r.united(e.footprintMm());
    }
    return r;
}

double niceLength(double approx)
{
    const double p = std::pow(10.0, std::floor(std::log10(approx)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= approx * 0.7)
            return m * p;
    return 10 * p;
}

void drawHallArea(QPainter *p, const ReportData &d, const Hall &h, const QRectF &extentMm, const QRectF &target, double s)
{
    auto map = [&](const QRectF &mm) {
        return QRectF(target.left() + (mm.left() - extentMm.left()) * s, target.top() + (mm.top() - extentMm.top()) * s, mm.width() * s,
                      mm.height() * s);
    };
    p->save();
    p->setClipRect(target);
    if (h.yardDepthMm > 0) {
        const QRectF yard = map(QRectF(0, -h.yardDepthMm, h.widthMm, h.yardDepthMm));
        p->fillRect(yard, QColor(236, 239, 229));
        p->setPen(QPen(QColor(120, 130, 110), 0.6, Qt::DashLine));
        p->drawRect(yard);
    }
    const QRectF hall = map(QRectF(0, 0, h.widthMm, h.depthMm));
    p->fillRect(hall, QColor(250, 250, 250));
    // Floor tiles when they are visible.
    if (h.tileMm * s >= 4.0) {
        p->setPen(QPen(QColor(232, 232, 232), 0.25));
        for (double x = h.tileMm; x < h.widthMm; x += h.tileMm)
            p->drawLine(map(QRectF(x, 0, 0, h.depthMm)).topLeft(), map(QRectF(x, 0, 0, h.depthMm)).bottomLeft());
        for (double y = h.tileMm; y < h.depthMm; y += h.tileMm)
            p->drawLine(map(QRectF(0, y, h.widthMm, 0)).topLeft(), map(QRectF(0, y, h.widthMm, 0)).topRight());
    }
    for (const Structure &st : d.plan.structures()) {
        if (st.hallId != h.id)
            continue;
        const QRectF r = map(st.rectMm);
        switch (st.kind) {
        case StructureKind::Wall:
        case StructureKind::Column:
            p->fillRect(r, QColor(84, 84, 84));
            break;
        case StructureKind::Door:
            p->fillRect(r, QColor(161, 136, 127));
            break;
        case StructureKind::HotAisle:
            p->fillRect(r, QColor(244, 67, 54, 45));
            break;
        case StructureKind::ColdAisle:
            p->fillRect(r, QColor(33, 150, 243, 45));
            break;
        }
    }
    p->setPen(QPen(QColor(40, 40, 40), 1.2));
    p->setBrush(Qt::NoBrush);
    p->drawRect(hall);

    const double fontMax = 6.5;
    for (int i = 0; i < d.plan.equipmentCount(); ++i) {
        const Equipment &e = d.plan.equipmentAt(i);
        if (e.hallId() != h.id)
            continue;
        const QRectF r = map(e.footprintMm());
        if (!r.intersects(target))
            continue;
        const ReportItemGroup g = d.groupOf(e);
        const QColor c = groupColor(g);
        p->setPen(QPen(c.darker(160), 0.5));
        p->setBrush(c);
        p->drawRect(r);
        if (g == ReportItemGroup::Missing) {
            p->setBrush(QBrush(QColor(120, 0, 0), Qt::BDiagPattern));
            p->drawRect(r);
        }
        const QString label = e.label().isEmpty() ? QString() : e.label();
        if (label.isEmpty())
            continue;
        const bool vertical = r.height() > r.width() * 1.3;
        const double along = vertical ? r.height() : r.width();
        const double across = vertical ? r.width() : r.height();
        const double pt = std::min({fontMax, across * 0.6, along / (0.62 * std::max<qsizetype>(3, label.size()))});
        if (pt < 2.2)
            continue;
        QFont font = reportFont(pt);
        p->setFont(font);
        p->setPen(c.lightnessF() > 0.6 ? QColor(20, 20, 20) : Qt::white);
        p->save();
        p->translate(r.center());
        if (vertical)
            p->rotate(-90);
        p->drawText(QRectF(-along / 2, -across / 2, along, across), Qt::AlignCenter, label);
        p->restore();
    }
    p->restore();
}

void drawNorthArrow(QPainter *p, const QPointF &at)
{
    QPainterPath arrow;
    arrow.moveTo(at + QPointF(0, -14));
    arrow.lineTo(at + QPointF(6, 6));
    arrow.lineTo(at + QPointF(0, 2));
    arrow.lineTo(at + QPointF(-6, 6));
    arrow.closeSubpath();
    p->setPen(QPen(QColor(30, 30, 30), 0.6));
    p->setBrush(QColor(30, 30, 30));
    p->drawPath(arrow);
    p->setFont(reportFont(8, true));
    p->drawText(QRectF(at.x() - 10, at.y() + 6, 20, 11), Qt::AlignCenter, Tr::tr("N"));
}

void drawScaleBar(QPainter *p, const QPointF &at, double ptPerMm)
{
    const double metres = niceLength(110.0 / (ptPerMm * 1000.0));
    const double len = metres * 1000.0 * ptPerMm;
    p->setPen(QPen(QColor(30, 30, 30), 0.6));
    for (int i = 0; i < 4; ++i) {
        const QRectF seg(at.x() + i * len / 4, at.y(), len / 4, 4);
        p->setBrush(i % 2 ? Qt::white : QColor(30, 30, 30));
        p->drawRect(seg);
    }
    p->setFont(reportFont(7));
    p->drawText(QRectF(at.x() - 10, at.y() + 5, 20, 10), Qt::AlignCenter, QStringLiteral("0"));
    p->drawText(QRectF(at.x() + len - 30, at.y() + 5, 60, 10), Qt::AlignCenter,
                Tr::tr("%1 m").arg(QLocale::c().toString(metres, 'g', 6)));
}

/// The indicative thermal map of each hall (docs/facility-model.md §5): a table of the rack
/// inlets per hall, then the map over the hall's outline with a colour scale.
void thermalMaps(Flow &f, const ReportData &d)
{
    const FacilityResult &r = *d.evaluation.facility;
    if (r.thermal.isEmpty())
        return;
    f.heading(Tr::tr("Thermal map (indicative, not CFD)"), 2);
    f.text(Tr::tr("A 2-D airflow and heat model of each hall: rack exhaust heat as sources, cooling units as sinks, "
                  "solved on the floor grid. Not CFD and not calibrated against measurements; read it for where heat "
                  "collects, not for exact temperatures. Rack inlet limits: 27 °C (ASHRAE recommended) and 32 °C (A1 "
                  "allowable). RCI_HI (Herrlin 2005): 100 % when no inlet exceeds 27 °C."),
           reportFont(8.5));
    QList<QStringList> rows;
    for (const HallThermalIndex &h : r.thermalHalls) {
        int warm = 0, hot = 0;
        for (const RackInlet &in : r.rackInlets) {
            if (in.hallId != h.hallId)
                continue;
            warm += in.inletC > engine::kAshraeRecommendedMaxC ? 1 : 0;
            hot += in.inletC > engine::kAshraeA1AllowableMaxC ? 1 : 0;
        }
        const Hall *hall = d.plan.hall(h.hallId);
        rows << QStringList{hall && !hall->name.isEmpty() ? hall->name : Tr::tr("hall %1").arg(h.hallId), num(h.racks, 0),
                            num(h.inletMaxC, 1), num(warm, 0), num(hot, 0), num(h.rciHiPct, 1)};
    }
    if (!rows.isEmpty())
        f.table({{Tr::tr("Hall"), 0.25}, {Tr::tr("Racks"), 0.12, Qt::AlignRight}, {Tr::tr("Max inlet (°C)"), 0.16, Qt::AlignRight},
                 {Tr::tr("Above 27 °C"), 0.15, Qt::AlignRight}, {Tr::tr("Above 32 °C"), 0.15, Qt::AlignRight},
                 {Tr::tr("RCI_HI (%)"), 0.17, Qt::AlignRight}},
                rows);

    constexpr double kScaleH = 34.0;
    for (const HallGrid &g : r.thermal) {
        const Hall *h = d.plan.hall(g.hallId);
        if (!h || g.nx <= 0 || g.ny <= 0 || g.values.size() != qsizetype(g.nx) * g.ny)
            continue;
        const QRectF extent(0, 0, h->widthMm, h->depthMm);
        const double s = std::min(f.body().width() / extent.width(), 300.0 / extent.height());
        const double height = extent.height() * s;
        f.ensure(height + kScaleH + 18);
        f.text(h->name.isEmpty() ? Tr::tr("hall %1").arg(h->id) : h->name, reportFont(9, true), 2);
        const QRectF target(f.body().left(), f.y(), extent.width() * s, height);
        if (QPainter *p = f.painter()) {
            drawHallArea(p, d, *h, extent, target, s);
            // The map over the equipment, translucent enough to show the rows under it.
            const QImage img = FacilityOverlay::thermalGridImage(g, 185);
            const QRectF gridRect(target.left(), target.top(), std::min(g.nx * g.cellMm, extent.width()) * s,
                                  std::min(g.ny * g.cellMm, extent.height()) * s);
            p->save();
            p->setClipRect(target);
            p->drawImage(gridRect, img);
            p->setPen(QPen(QColor(40, 40, 40), 1.0));
            p->setBrush(Qt::NoBrush);
            p->drawRect(target);
            p->restore();
            // Colour scale: 18 to 40 °C with the supply and ASHRAE marks.
            const QRectF bar(target.left(), target.bottom() + 6, std::min(260.0, f.body().width()), 7);
            // Solid steps of 0.25 K (a many-stop QLinearGradient does not survive every PDF viewer).
            constexpr int kSteps = 88;
            for (int i = 0; i < kSteps; ++i) {
                const double c = 18.0 + 22.0 * (i + 0.5) / kSteps;
                p->fillRect(QRectF(bar.left() + bar.width() * i / kSteps, bar.top(), bar.width() / kSteps + 0.3, bar.height()),
                            FacilityOverlay::temperatureColor(c));
            }
            p->setPen(QPen(QColor(60, 60, 60), 0.4));
            p->setBrush(Qt::NoBrush);
            p->drawRect(bar);
            p->setFont(reportFont(6.5));
            for (double c : {18.0, 22.0, 27.0, 32.0, 40.0}) {
                const double x = bar.left() + (c - 18.0) / 22.0 * bar.width();
                p->drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 2));
                p->drawText(QRectF(x - 15, bar.bottom() + 2, 30, 9), Qt::AlignCenter, Tr::tr("%1 °C").arg(num(c, 0)));
            }
        }
        f.setY(f.y() + height + kScaleH);
    }
}

void floorPlan(Flow &f, const ReportData &d)
{
    constexpr double kLegendH = 72.0;
    constexpr double kMinPtPerMm = 4.2 / 600.0; // a 600 mm rack at least 4.2 pt wide
    QList<ReportItemGroup> present;
    for (int i = 0; i < d.plan.equipmentCount(); ++i) {
        const ReportItemGroup g = d.groupOf(d.plan.equipmentAt(i));
        if (!present.contains(g))
            present << g;
    }
    std::sort(present.begin(), present.end());
    for (const Hall &h : d.plan.halls()) {
        const QRectF ext = hallExtentMm(d, h);
        // Measure the title once on a fresh page.
        f.newPage();
        const QString title = Tr::tr("Floor plan: %1 (%2 m × %3 m, %4 m² hall)")
                                  .arg(h.name.isEmpty() ? Tr::tr("hall %1").arg(h.id) : h.name, num(h.widthMm / 1000, 1), num(h.depthMm / 1000, 1),
                                       num(h.areaM2(), 0));
        f.heading(title);
        const QRectF avail(f.body().left(), f.y(), f.body().width(), f.body().bottom() - f.y() - kLegendH);
        const double fit = std::min(avail.width() / ext.width(), avail.height() / ext.height());
        const double s = std::max(fit, kMinPtPerMm);
        const int nx = std::max(1, int(std::ceil(ext.width() * s / avail.width() - 1e-9)));
        const int ny = std::max(1, int(std::ceil(ext.height() * s / avail.height() - 1e-9)));
        const double tileWmm = avail.width() / s, tileHmm = avail.height() / s;
        for (int ty = 0; ty < ny; ++ty) {
            for (int tx = 0; tx < nx; ++tx) {
                if (tx > 0 || ty > 0) {
                    f.newPage();
                    f.heading(title + QLatin1Char(' ') + Tr::tr("(part %1 of %2)").arg(ty * nx + tx + 1).arg(nx * ny));
                }
                const double partH = std::min(avail.height(), (ext.height() - ty * tileHmm) * s);
                const double partW = std::min(avail.width(), (ext.width() - tx * tileWmm) * s);
                const QRectF target(avail.left(), f.y(), partW, partH);
                const QRectF extPart(ext.left() + tx * tileWmm, ext.top() + ty * tileHmm, tileWmm, tileHmm);
                if (QPainter *p = f.painter()) {
                    drawHallArea(p, d, h, extPart, target, s);
                    drawNorthArrow(p, QPointF(f.body().right() - 12, target.bottom() + 18));
                    drawScaleBar(p, QPointF(f.body().right() - 180, target.bottom() + 12), s);
                    // Legend
                    double lx = f.body().left();
                    double ly = target.bottom() + 8;
                    p->setFont(reportFont(7.5));
                    auto swatch = [&](const QColor &c, const QString &text) {
                        const double w = 16 + QFontMetricsF(reportFont(7.5), p->device()).horizontalAdvance(text) + 12;
                        if (lx + w > f.body().right() - 190) {
                            lx = f.body().left();
                            ly += 12;
                        }
                        p->setPen(QPen(c.darker(160), 0.5));
                        p->setBrush(c);
                        p->drawRect(QRectF(lx, ly + 1, 10, 8));
                        p->setPen(QColor(30, 30, 30));
                        p->drawText(QRectF(lx + 13, ly, w, 10), Qt::AlignLeft | Qt::AlignVCenter, text);
                        lx += w;
                    };
                    for (ReportItemGroup g : present)
                        swatch(groupColor(g), itemGroupName(g));
                    swatch(QColor(244, 67, 54, 45), Tr::tr("Hot aisle"));
                    swatch(QColor(33, 150, 243, 45), Tr::tr("Cold aisle"));
                    swatch(QColor(161, 136, 127), Tr::tr("Door"));
                    swatch(QColor(84, 84, 84), Tr::tr("Wall or column"));
                    if (h.yardDepthMm > 0)
                        swatch(QColor(236, 239, 229), Tr::tr("Yard (outdoor)"));
                    p->setPen(QColor(90, 90, 90));
                    p->setFont(reportFont(7));
                    p->drawText(QRectF(f.body().left(), ly + 14, f.body().width() - 200, 10), Qt::AlignLeft,
                                Tr::tr("Scale 1:%1 at the printed size; north is up.").arg(num(1.0 / (s / 72.0 * 25.4), 0)));
                }
                f.setY(f.body().bottom());
            }
        }
    }
}

void billOfMaterials(Flow &f, const ReportData &d)
{
    f.newPage();
    f.heading(Tr::tr("Bill of materials"));
    QList<QStringList> rows;
    for (const BomRow &b : d.bom)
        rows << QStringList{b.catalogId, b.name, num(double(b.count), 0), b.unitPriceUsd ? num(*b.unitPriceUsd, 0) : Tr::tr("no price"),
                            b.unitPriceUsd ? num(b.totalUsd, 0) : QStringLiteral("-"), b.confidence};
    rows << QStringList{Tr::tr("Total"), QString(), QString(), QString(), num(d.bomTotalUsd, 0), QString()};
    f.table({{Tr::tr("Catalog id"), 0.20, Qt::AlignLeft, true},
             {Tr::tr("Name"), 0.33},
             {Tr::tr("Count"), 0.08, Qt::AlignRight},
             {Tr::tr("Unit price (USD)"), 0.13, Qt::AlignRight},
             {Tr::tr("Total (USD)"), 0.13, Qt::AlignRight},
             {Tr::tr("Confidence"), 0.13}},
            rows, true);
    f.text(Tr::tr("Counts are servers for systems sold per server and items otherwise. Prices are list or street prices from the catalog "
              "(IT equipment and facility units; not the building)."),
           reportFont(8), 5, QColor(90, 90, 90));
    if (d.bomItemsWithoutPrice > 0)
        f.text(Tr::tr("%1 placed items have no price and are not in the total.").arg(d.bomItemsWithoutPrice), reportFont(8));
}

void powerAndCooling(Flow &f, const ReportData &d, const ReportRenderOptions &o)
{
    const PlanEvaluation &e = d.evaluation;
    f.newPage();
    f.heading(Tr::tr("Power and cooling"));
    auto yesNo = [](bool b) { return b ? Tr::tr("yes") : Tr::tr("no"); };
    QList<QStringList> rows;
    rows << QStringList{Tr::tr("IT power"), num(e.itKw, 1) + QStringLiteral(" kW")};
    rows << QStringList{Tr::tr("Facility power"), num(e.facilityKw, 1) + QStringLiteral(" kW")};
    rows << QStringList{Tr::tr("PUE (design / annual)"), num(e.pue, 3) + QStringLiteral(" / ") + num(e.pueAnnual, 3) + QStringLiteral(" (")
                                + QCoreApplication::translate("PlanAnalysis", e.pueMethod.toUtf8().constData()) + QLatin1Char(')')};
    rows << QStringList{Tr::tr("Power capacity placed"), num(e.powerCapacityKw, 0) + QStringLiteral(" kW (") + num(e.powerUtilization * 100, 0) + Tr::tr(" % used)")};
    rows << QStringList{Tr::tr("Cooling capacity placed"), num(e.coolingCapacityKw, 0) + QStringLiteral(" kW (") + num(e.coolingUtilization * 100, 0) + Tr::tr(" % used)")};
    rows << QStringList{Tr::tr("Power N-1 / cooling N-1"), yesNo(e.powerNMinus1Ok) + QStringLiteral(" / ") + yesNo(e.coolingNMinus1Ok)};
    if (e.facility) {
        const FacilityResult &r = *e.facility;
        int failures = 0;
        for (const NMinus1Case &c : r.nMinus1)
            failures += c.ok ? 0 : 1;
        rows << QStringList{Tr::tr("Site"), siteDisplayName(r) + QStringLiteral(" (") + Tr::tr("climate confidence %1").arg(r.climateConfidence) + QLatin1Char(')')};
        rows << QStringList{Tr::tr("Deliverable power (derated)"), num(r.deliverableKw, 0) + QStringLiteral(" kW")};
        if (r.powerShortfallKw > 0)
            rows << QStringList{Tr::tr("Power shortfall"), num(r.powerShortfallKw, 0) + QStringLiteral(" kW")};
        rows << QStringList{Tr::tr("Power redundancy achieved"), r.powerRedundancy + QStringLiteral(" (") + (r.powerMeetsTarget ? Tr::tr("meets target") : Tr::tr("below target")) + QLatin1Char(')')};
        rows << QStringList{Tr::tr("N-1 cases checked / failing"), num(double(r.nMinus1.size()), 0) + QStringLiteral(" / ") + num(failures, 0)};
        rows << QStringList{Tr::tr("Heat to air / to liquid"), num(r.airHeatKw, 0) + QStringLiteral(" kW / ") + num(r.liquidHeatKw, 0) + QStringLiteral(" kW")};
        rows << QStringList{Tr::tr("Chiller plant"), r.plant.assumed ? Tr::tr("stand-in (none placed)") : Tr::tr("as placed")};
        rows << QStringList{Tr::tr("WUE"), num(r.wueLitresPerKwh, 2) + QStringLiteral(" L/kWh")};
        rows << QStringList{Tr::tr("Facility energy / CO2 per year"), num(r.energyMwhPerYear, 0) + QStringLiteral(" MWh / ") + num(r.co2TonnesPerYear, 0) + QStringLiteral(" t")};
        for (const engine::PueCompliance &c : r.compliance)
            rows << QStringList{pueTargetText(c),
                                Tr::tr("PUE limit %1: %2").arg(num(c.limit, 2), !c.applicable ? Tr::tr("for reference") : (c.pass ? Tr::tr("pass") : Tr::tr("fail")))};
    }
    f.table({{Tr::tr("Item"), 0.38}, {Tr::tr("Value"), 0.62}}, rows);

    if (e.facility) {
        const engine::PueBreakdown &b = e.facility->design;
        f.heading(Tr::tr("PUE breakdown at the design condition"), 2);
        QList<QStringList> br;
        auto part = [&](const QString &name, double kw) {
            br << QStringList{name, num(kw, 1), b.totalKw > 0 ? num(kw / b.totalKw * 100, 1) : QStringLiteral("-")};
        };
        part(Tr::tr("IT"), b.itKw);
        part(Tr::tr("Chillers"), b.chillerKw);
        part(Tr::tr("Heat rejection fans"), b.heatRejectionFanKw);
        part(Tr::tr("Pumps"), b.pumpKw);
        part(Tr::tr("Terminal units (CRAH, CDU)"), b.terminalUnitKw);
        part(Tr::tr("Transformer losses"), b.transformerLossKw);
        part(Tr::tr("UPS losses"), b.upsLossKw);
        part(Tr::tr("Distribution losses"), b.distributionLossKw);
        part(Tr::tr("Lighting and other"), b.lightingOtherKw);
        br << QStringList{Tr::tr("Total (PUE %1)").arg(num(b.pue, 3)), num(b.totalKw, 1), QStringLiteral("100.0")};
        f.table({{Tr::tr("Component"), 0.5}, {Tr::tr("Power (kW)"), 0.25, Qt::AlignRight}, {Tr::tr("Share (%)"), 0.25, Qt::AlignRight}}, br, true);
        if (o.includeCharts) {
            f.chart(charts::pueBreakdownChart(b), 260);
            if (!e.facility->coolingZones.isEmpty())
                f.chart(charts::powerByZoneChart(*e.facility), 210);
        }
        // Units: capacity and load.
        QList<QStringList> ur;
        for (const FacilityUnitStatus &u : e.facility->powerUnits + e.facility->coolingUnits) {
            const Equipment *eq = d.plan.equipment(u.id);
            ur << QStringList{eq && !eq->label().isEmpty() ? eq->label() : QString::number(u.id), u.category, num(u.capacityKw, 0),
                              num(u.loadKw, 0), num(u.utilisation * 100, 0), u.overloaded ? Tr::tr("overloaded") : QString()};
        }
        if (!ur.isEmpty()) {
            f.heading(Tr::tr("Power and cooling units"), 2);
            f.table({{Tr::tr("Unit"), 0.2}, {Tr::tr("Category"), 0.16}, {Tr::tr("Capacity (kW)"), 0.16, Qt::AlignRight}, {Tr::tr("Load (kW)"), 0.16, Qt::AlignRight},
                     {Tr::tr("Utilisation (%)"), 0.16, Qt::AlignRight}, {Tr::tr("State"), 0.16}},
                    ur);
        }
    }
    if (e.facility)
        thermalMaps(f, d);
    f.heading(Tr::tr("Violations"), 2);
    if (e.violations.isEmpty()) {
        f.text(Tr::tr("None."), reportFont(9));
    } else {
        QList<QStringList> vr;
        constexpr int kMaxRows = 300;
        for (int i = 0; i < e.violations.size() && i < kMaxRows; ++i) {
            const Violation &v = e.violations[i];
            vr << QStringList{v.severity, v.kind, v.message};
        }
        f.table({{Tr::tr("Severity"), 0.12}, {Tr::tr("Kind"), 0.18}, {Tr::tr("Message"), 0.70}}, vr);
        if (e.violations.size() > kMaxRows)
            f.text(Tr::tr("… and %1 more (terahall evaluate lists them all).").arg(e.violations.size() - kMaxRows), reportFont(8.5));
    }
}

void training(Flow &f, const ReportData &d, const ReportRenderOptions &o)
{
    const PlanEvaluation &e = d.evaluation;
    if (!e.workloadScenario && e.workloadProblems.isEmpty())
        return;
    f.newPage();
    f.heading(Tr::tr("Training estimate"));
    for (const QString &p : e.workloadProblems)
        f.text(Tr::tr("Not estimated: %1").arg(p), reportFont(9.5));
    if (!e.training || !e.workloadScenario)
        return;
    const Scenario &s = *e.workloadScenario;
    const engine::TrainingEstimate &t = *e.training;
    QList<QStringList> rows;
    rows << QStringList{Tr::tr("Model"), s.modelName.isEmpty() ? s.modelPreset : s.modelName};
    rows << QStringList{Tr::tr("Tokens"), num(s.tokens / 1e9, 1) + Tr::tr(" billion")};
    rows << QStringList{Tr::tr("Accelerators"), QStringLiteral("%1 × %2").arg(num(double(s.chipCount), 0), s.chipId)};
    rows << QStringList{Tr::tr("Precision"), QString::fromLatin1(engine::precisionKey(s.precision).data())};
    rows << QStringList{Tr::tr("Training compute"), num(t.flopsTotal / 1e21, 2) + QStringLiteral(" ZFLOP (6·N·D)")};
    rows << QStringList{Tr::tr("MFU"), num(t.mfu, 3) + (e.workloadRun ? Tr::tr(" (estimated by the performance model)") : Tr::tr(" (given)"))};
    rows << QStringList{Tr::tr("Training time"), num(t.days, 2) + Tr::tr(" days")};
    rows << QStringList{Tr::tr("Chip-hours"), num(t.chipHours, 0)};
    rows << QStringList{Tr::tr("Throughput"), num(t.tokensPerSecond, 0) + Tr::tr(" tokens/s")};
    rows << QStringList{Tr::tr("IT power of the job"), num(t.itPowerKw, 1) + QStringLiteral(" kW")};
    rows << QStringList{Tr::tr("Energy (IT / facility)"), num(t.itEnergyMwh, 1) + QStringLiteral(" / ") + num(t.facilityEnergyMwh, 1) + QStringLiteral(" MWh")};
    rows << QStringList{Tr::tr("CO2"), num(t.co2Tonnes, 1) + QStringLiteral(" t")};
    rows << QStringList{Tr::tr("Compute cost"), num(t.computeCostUsd, 0) + QStringLiteral(" USD")};
    rows << QStringList{Tr::tr("Energy cost"), num(t.energyCostUsd, 0) + QStringLiteral(" USD")};
    rows << QStringList{Tr::tr("Cost per run"), num(t.computeCostUsd + t.energyCostUsd, 0) + QStringLiteral(" USD")};
    if (t.memory)
        rows << QStringList{Tr::tr("Memory per chip"), Tr::tr("%1 of %2 GiB (%3)").arg(num(t.memory->totalGib(), 1), num(t.memory->capacityGib, 1),
                                                                               t.memory->fits() ? Tr::tr("fits") : Tr::tr("does not fit"))};
    if (e.workloadRun) {
        const engine::Parallelism &p = e.workloadRun->parallelism;
        rows << QStringList{Tr::tr("Parallel layout"), QStringLiteral("TP %1 · PP %2 · DP %3 · CP %4 · EP %5, micro-batch %6").arg(p.tp).arg(p.pp).arg(p.dp).arg(p.cp).arg(p.expertTp() == p.tp ? QString::number(p.ep) : QStringLiteral("%1 · ETP %2").arg(p.ep).arg(p.expertTp())).arg(p.microBatch)};
        rows << QStringList{Tr::tr("Binding wall"), boundByText(e.workloadRun->step.boundBy)};
    }
    f.table({{Tr::tr("Item"), 0.35}, {Tr::tr("Value"), 0.65}}, rows);

    if (e.workloadRun) {
        const engine::StepBreakdown &b = e.workloadRun->step.breakdown;
        const double total = b.totalSeconds();
        f.heading(Tr::tr("Step time breakdown"), 2);
        QList<QStringList> br;
        auto part = [&](const QString &n, double sec) {
            br << QStringList{n, num(sec, 3), total > 0 ? num(sec / total * 100, 1) : QStringLiteral("-")};
        };
        part(Tr::tr("Compute"), b.computeSeconds);
        part(Tr::tr("Memory-bound kernels"), b.memoryBoundSeconds);
        part(Tr::tr("Tensor-parallel communication"), b.tpCommSeconds);
        part(Tr::tr("Pipeline communication"), b.ppCommSeconds);
        part(Tr::tr("Pipeline bubble"), b.ppBubbleSeconds);
        part(Tr::tr("Data-parallel communication (exposed)"), b.dpCommExposedSeconds);
        part(Tr::tr("Expert-parallel communication"), b.epCommSeconds);
        part(Tr::tr("Context-parallel communication"), b.cpCommSeconds);
        part(Tr::tr("Other"), b.otherSeconds);
        br << QStringList{Tr::tr("Step time"), num(total, 3), QStringLiteral("100.0")};
        f.table({{Tr::tr("Part"), 0.5}, {Tr::tr("Seconds"), 0.25, Qt::AlignRight}, {Tr::tr("Share (%)"), 0.25, Qt::AlignRight}}, br, true);
    }
    if (d.sensitivity) {
        const SensitivityResult &r = *d.sensitivity;
        f.heading(Tr::tr("Sensitivity"), 2);
        if (o.includeCharts) {
            f.chart(charts::sensitivityChart(r, false), 200);
            f.chart(charts::sensitivityChart(r, true), 200);
        }
        QList<QStringList> sr;
        for (const SensitivityFactor &k : r.factors) {
            const int dec = k.baseValue < 10 ? 3 : 0;
            sr << QStringList{k.label + (k.unit.isEmpty() ? QString() : QStringLiteral(" (") + k.unit + QLatin1Char(')')),
                              num(k.lowValue, dec) + QStringLiteral(" – ") + num(k.highValue, dec),
                              num(k.costLowUsd / 1e6, 3) + QStringLiteral(" – ") + num(k.costHighUsd / 1e6, 3),
                              num(k.daysLow, 2) + QStringLiteral(" – ") + num(k.daysHigh, 2)};
        }
        f.table({{Tr::tr("Input"), 0.3}, {Tr::tr("Low – high"), 0.24, Qt::AlignRight}, {Tr::tr("Cost per run (M USD)"), 0.24, Qt::AlignRight},
                 {Tr::tr("Days"), 0.22, Qt::AlignRight}},
                sr);
    }
}

void comparison(Flow &f, const ReportData &d, const ReportRenderOptions &o)
{
    if (!d.comparison || !d.comparisonRequest)
        return;
    const QList<ComparisonCandidate> &cands = d.comparison->candidates;
    f.newPage();
    f.heading(Tr::tr("Vendor comparison"));
    const ComparisonRequest &req = *d.comparisonRequest;
    f.text(Tr::tr("%1 on %2 billion tokens; every candidate with %3 (equaliser: %4 = %5).")
               .arg(req.scenario.modelName.isEmpty() ? req.scenario.modelPreset : req.scenario.modelName, num(req.scenario.tokens / 1e9, 1),
                    Tr::tr("the same workload"), equaliserKey(req.equaliser), num(req.value, 2)),
           reportFont(9));
    struct Metric
    {
        QString label;
        std::function<QString(const ComparisonCandidate &)> value;
    };
    auto feas = [](const ComparisonCandidate &c, const QString &v) { return c.feasible ? v : QStringLiteral("-"); };
    const QList<Metric> metrics{
        {Tr::tr("Vendor"), [](const ComparisonCandidate &c) { return c.vendor; }},
        {Tr::tr("Country"), [](const ComparisonCandidate &c) { return c.country; }},
        {Tr::tr("Confidence"), [](const ComparisonCandidate &c) { return c.confidence; }},
        {Tr::tr("System"), [](const ComparisonCandidate &c) { return c.systemId; }},
        {Tr::tr("Chips"), [](const ComparisonCandidate &c) { return num(double(c.chips), 0); }},
        {Tr::tr("Systems"), [](const ComparisonCandidate &c) { return num(double(c.systems), 0); }},
        {Tr::tr("Racks"), [](const ComparisonCandidate &c) { return num(c.racks, 0); }},
        {Tr::tr("Floor area (m²)"), [](const ComparisonCandidate &c) { return num(c.floorAreaM2, 0); }},
        {Tr::tr("IT power (MW)"), [](const ComparisonCandidate &c) { return num(c.itMw, 2); }},
        {Tr::tr("PUE"), [](const ComparisonCandidate &c) { return num(c.pue, 2); }},
        {Tr::tr("Facility power (MW)"), [](const ComparisonCandidate &c) { return num(c.facilityMw, 2); }},
        {Tr::tr("Training time (days)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.days, 1)); }},
        {Tr::tr("MFU (estimated)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.mfu, 3)); }},
        {Tr::tr("Energy (MWh)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.energyMwh, 0)); }},
        {Tr::tr("CO2 (t)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.co2Tonnes, 0)); }},
        {Tr::tr("CapEx (M USD)"), [&](const ComparisonCandidate &c) { return feas(c, c.hasPrice ? num(c.capexUsd / 1e6, 1) : Tr::tr("no price")); }},
        {Tr::tr("OpEx (M USD/year)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.opexUsdPerYear / 1e6, 2)); }},
        {Tr::tr("Cost per run (M USD)"), [&](const ComparisonCandidate &c) { return feas(c, num(c.costPerRunUsd / 1e6, 2)); }},
        {Tr::tr("Tokens per USD"), [&](const ComparisonCandidate &c) { return feas(c, num(c.tokensPerUsd, 0)); }},
        {Tr::tr("Tokens per kWh"), [&](const ComparisonCandidate &c) { return feas(c, num(c.tokensPerKwh, 0)); }},
        {Tr::tr("PFLOPS per kW"), [&](const ComparisonCandidate &c) { return feas(c, num(c.pflopsPerKw, 3)); }},
        {Tr::tr("PFLOPS per m²"), [&](const ComparisonCandidate &c) { return feas(c, num(c.pflopsPerM2, 2)); }},
        {Tr::tr("Memory per chip (GiB)"), [&](const ComparisonCandidate &c) {
             if (c.memoryCapacityGib <= 0)
                 return QStringLiteral("-"); // not computed (MFU given without a layout)
             return feas(c, num(c.memoryPerChipGib, 1) + QStringLiteral(" / ") + num(c.memoryCapacityGib, 0) + (c.memoryFits ? QString() : Tr::tr(" (does not fit)")));
         }},
        {Tr::tr("Binding wall"), [&](const ComparisonCandidate &c) { return feas(c, c.boundBy); }},
        {Tr::tr("Note"), [](const ComparisonCandidate &c) { return c.feasible ? QString() : c.infeasibleReason; }},
    };
    constexpr int kPerTable = 4;
    for (int start = 0; start < cands.size(); start += kPerTable) {
        const int n = std::min<int>(kPerTable, int(cands.size()) - start);
        QList<Column> cols{{Tr::tr("Metric"), 0.24}};
        for (int i = 0; i < n; ++i) {
            const ComparisonCandidate &c = cands[start + i];
            cols << Column{c.chipName.isEmpty() ? c.chipId : c.chipName, 0.76 / n, Qt::AlignRight};
        }
        QList<QStringList> rows;
        for (const Metric &m : metrics) {
            QStringList r{m.label};
            for (int i = 0; i < n; ++i)
                r << m.value(cands[start + i]);
            rows << r;
        }
        f.table(cols, rows, false, 7.5);
    }
    if (o.includeCharts && !cands.isEmpty()) {
        f.chart(charts::comparisonBarChart(cands, ComparisonMetric::CostPerRun), 190);
        f.chart(charts::comparisonBarChart(cands, ComparisonMetric::Days), 190);
        f.chart(charts::comparisonBarChart(cands, ComparisonMetric::TokensPerKwh), 190);
        f.chart(charts::paretoChart(cands), 240);
    }
}

void assumptionsAndSources(Flow &f, const ReportData &d)
{
    f.newPage();
    f.heading(Tr::tr("Assumptions"));
    QList<QStringList> rows;
    for (const AssumptionRow &a : d.assumptionRows)
        rows << QStringList{a.name, a.value, a.note};
    f.table({{Tr::tr("Assumption"), 0.34}, {Tr::tr("Value"), 0.36}, {Tr::tr("Note"), 0.30}}, rows);
    f.heading(Tr::tr("Catalog sources"));
    QList<QStringList> sr;
    for (const SourceRow &s : d.sources) {
        QString source = s.source;
        if (!s.priceSource.isEmpty())
            source += QStringLiteral("\n") + Tr::tr("Price: %1").arg(s.priceSource);
        sr << QStringList{s.catalogId, s.kind, s.confidence, source};
    }
    f.table({{Tr::tr("Catalog id"), 0.22, Qt::AlignLeft, true}, {Tr::tr("Kind"), 0.10}, {Tr::tr("Confidence"), 0.11}, {Tr::tr("Source"), 0.57, Qt::AlignLeft, true}},
            sr, false, 7.0);
}

void renderAll(Flow &f, const ReportData &d, const ReportRenderOptions &o)
{
    if (!d.includePlan) {
        // Comparison only: no cover, the table first.
        comparison(f, d, o);
        assumptionsAndSources(f, d);
        return;
    }
    cover(f, d);
    summary(f, d);
    floorPlan(f, d);
    billOfMaterials(f, d);
    powerAndCooling(f, d, o);
    training(f, d, o);
    comparison(f, d, o);
    assumptionsAndSources(f, d);
}

} // namespace

std::optional<QPageSize::PageSizeId> ReportRenderer::paperFromKey(const QString &key)
{
    if (key.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
        return QPageSize::A4;
    if (key.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
        return QPageSize::Letter;
    return std::nullopt;
}

int ReportRenderer::render(const ReportData &data, QPdfWriter *writer, const ReportRenderOptions &options)
{
    writer->setPageSize(QPageSize(options.paper));
    writer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    writer->setResolution(72); // painter units are points
    writer->setTitle(data.title + QStringLiteral(": ") + data.plan.name);
    writer->setCreator(QStringLiteral("Terahall %1").arg(data.version));
    const QSizeF pageSize = QPageSize(options.paper).sizePoints();

    Flow dry(data, writer, nullptr, 0, pageSize);
    renderAll(dry, data, options);
    QPainter painter;
    if (!painter.begin(writer))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    Flow real(data, writer, &painter, dry.pages(), pageSize);
    renderAll(real, data, options);
    painter.end();
    return real.pages();
}

bool writePdfAtomically(const QString &path, const std::function<bool(QPdfWriter &)> &paint, QString *error)
{
    const QFileInfo info(path);
    const QDir dir = info.absoluteDir();
    auto fail = [&](const QString &why) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, why);
        return false;
    };
    if (info.fileName().isEmpty())
        return fail(Tr::tr("not a file name"));
    if (!dir.exists())
        return fail(Tr::tr("the directory %1 does not exist").arg(dir.path()));
    if (info.isDir())
        return fail(Tr::tr("it is a directory"));
    const QString tmpPath =
        dir.filePath(QStringLiteral(".%1.%2.tmp").arg(info.fileName()).arg(QRandomGenerator::global()->generate64(), 0, 16));
    QFile file(tmpPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(file.errorString());
    bool ok = false;
    {
        QPdfWriter writer(&file);
        ok = paint(writer);
    }
    const bool written = file.error() == QFileDevice::NoError && file.flush();
    file.close();
    if (!ok || !written || file.error() != QFileDevice::NoError || QFileInfo(tmpPath).size() == 0) {
        const QString why = !ok ? Tr::tr("rendering failed") : file.errorString();
        QFile::remove(tmpPath);
        return fail(why);
    }
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(tmpPath).toStdString()),
                            std::filesystem::path(QFile::encodeName(info.absoluteFilePath()).toStdString()), ec);
    if (ec) {
        QFile::remove(tmpPath);
        return fail(QString::fromLocal8Bit(ec.message().c_str()));
    }
    return true;
}

bool ReportRenderer::writePdf(const ReportData &data, const QString &path, const ReportRenderOptions &options, QString *error)
{
    return writePdfAtomically(path, [&](QPdfWriter &w) { return render(data, &w, options) > 0; }, error);
}

} // namespace th
