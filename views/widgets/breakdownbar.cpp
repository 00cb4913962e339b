// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/breakdownbar.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace th {

namespace {

constexpr int kBarHeight = 22;
constexpr int kSwatch = 10;
constexpr int kGap = 4;       ///< between bar and legend, and between legend rows
constexpr int kEntryGap = 12; ///< between legend entries on one row

QString valueText(double v)
{
    const double a = std::abs(v);
    const int decimals = a >= 100.0 ? 0 : a >= 10.0 ? 1 : a >= 1.0 ? 2 : 3;
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

BreakdownBar::BreakdownBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMouseTracking(true);
}

QColor BreakdownBar::seriesColour(int index)
{
    // Tableau 10 (Tableau Software, 2016): mid-tones, distinct for common colour-vision
    // deficiencies, readable against both a white and a near-black window.
    static const std::array<QColor, 10> colours{
        QColor(0x4e, 0x79, 0xa7), QColor(0x59, 0xa1, 0x4f), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
        QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
        QColor(0x9c, 0x75, 0x5f), QColor(0xba, 0xb0, 0xac)};
    return colours[static_cast<std::size_t>(index) % colours.size()];
}

void BreakdownBar::setSegments(const QList<Segment> &segments)
{
    m_segments = segments;
    for (Segment &s : m_segments)
        s.value = std::max(0.0, s.value);
    updateGeometry();
    update();
}

void BreakdownBar::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

double BreakdownBar::total() const
{
    double sum = 0.0;
    for (const Segment &s : m_segments)
        sum += s.value;
    return sum;
}

QString BreakdownBar::legendText(const Segment &s) const
{
    const double sum = total();
    return tr("%1 %2 %").arg(s.name, QLocale().toString(sum > 0.0 ? 100.0 * s.value / sum : 0.0, 'f', 0));
}

QRectF BreakdownBar::barRect() const
{
    return QRectF(0.5, 0.5, width() - 1.0, kBarHeight - 1.0);
}

QList<QRectF> BreakdownBar::segmentRects() const
{
    QList<QRectF> rects;
    const QRectF bar = barRect();
    const double sum = total();
    double x = bar.left();
    for (const Segment &s : m_segments) {
        const double w = sum > 0.0 ? bar.width() * s.value / sum : 0.0;
        rects << QRectF(x, bar.top(), w, bar.height());
        x += w;
    }
    return rects;
}

QList<BreakdownBar::LegendEntry> BreakdownBar::legendLayout(int width) const
{
    QList<LegendEntry> entries;
    const QFontMetricsF fm(font());
    double x = 0.0;
    double y = kBarHeight + kGap;
    const double rowHeight = std::max<double>(fm.height(), kSwatch);
    for (int i = 0; i < m_segments.size(); ++i) {
        if (m_segments.at(i).value <= 0.0)
            continue;
        const double w = kSwatch + 4 + fm.horizontalAdvance(legendText(m_segments.at(i)));
        if (x > 0.0 && x + w > width) {
            x = 0.0;
            y += rowHeight + kGap;
        }
        entries << LegendEntry{i, QRectF(x, y, w, rowHeight)};
        x += w + kEntryGap;
    }
    return entries;
}

int BreakdownBar::heightForWidth(int width) const
{
    const QList<LegendEntry> entries = legendLayout(width);
    if (entries.isEmpty())
        return kBarHeight;
    return static_cast<int>(std::ceil(entries.last().rect.bottom())) + 1;
}

QSize BreakdownBar::sizeHint() const
{
    return QSize(360, heightForWidth(360));
}

QSize BreakdownBar::minimumSizeHint() const
{
    return QSize(120, kBarHeight);
}

void BreakdownBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF bar = barRect();
    painter.fillRect(bar, palette().color(QPalette::Base));

    const QList<QRectF> rects = segmentRects();
    for (int i = 0; i < m_segments.size(); ++i) {
        if (rects.at(i).width() <= 0.0)
            continue;
        painter.fillRect(rects.at(i), m_segments.at(i).colour);
    }
    // Thin separators in the window colour keep neighbouring segments apart in either palette.
    painter.setPen(QPen(palette().color(QPalette::Window), 1.0));
    for (int i = 0; i + 1 < rects.size(); ++i) {
        if (rects.at(i).width() > 0.0 && rects.at(i).right() < bar.right() - 1.0)
            painter.drawLine(QPointF(rects.at(i).right(), bar.top()), QPointF(rects.at(i).right(), bar.bottom()));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);

    if (m_segments.isEmpty() || total() <= 0.0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(bar, Qt::AlignCenter, m_placeholder);
        return;
    }

    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF fm(font());
    for (const LegendEntry &e : legendLayout(width())) {
        const Segment &s = m_segments.at(e.segment);
        const QRectF swatch(e.rect.left(), e.rect.center().y() - kSwatch / 2.0, kSwatch, kSwatch);
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(s.colour);
        painter.drawRect(swatch);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(swatch.right() + 4, e.rect.top(), e.rect.width() - kSwatch - 4, e.rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, legendText(s));
    }
}

QString BreakdownBar::segmentToolTip(int segment) const
{
    const Segment &s = m_segments.at(segment);
    const double sum = total();
    return tr("%1: %2 %3 (%4 % of %5 %3)")
        .arg(s.name, valueText(s.value), m_unit, QLocale().toString(sum > 0.0 ? 100.0 * s.value / sum : 0.0, 'f', 1),
             valueText(sum));
}

bool BreakdownBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPointF pos = help->pos();
        int hit = -1;
        if (barRect().contains(pos)) {
            const QList<QRectF> rects = segmentRects();
            for (int i = 0; i < rects.size(); ++i) {
                if (rects.at(i).width() > 0.0 && pos.x() >= rects.at(i).left() && pos.x() <= rects.at(i).right())
                    hit = i;
            }
        } else {
            for (const LegendEntry &e : legendLayout(width())) {
                if (e.rect.contains(pos))
                    hit = e.segment;
            }
        }
        if (hit >= 0) {
            QToolTip::showText(help->globalPos(), segmentToolTip(hit), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace th
