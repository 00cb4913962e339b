// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace th {

/**
 * A stacked horizontal bar of parts of a whole (the step time by cause), with a legend that
 * wraps below it. Each segment's width is proportional to its value; zero-valued segments take
 * no width and are left out of the legend. Hovering a segment or a legend entry shows its value
 * and share. Colours are fixed mid-tones chosen to read on light and dark window colours; the
 * legend text and the outline follow the palette.
 */
class BreakdownBar : public QWidget
{
    Q_OBJECT
public:
    struct Segment
    {
        QString name;
        double value = 0.0; ///< in the bar's unit (seconds for the step breakdown)
        QColor colour;
    };

    explicit BreakdownBar(QWidget *parent = nullptr);

    /// Replaces the segments; negative values count as zero. An empty list shows an empty bar.
    void setSegments(const QList<Segment> &segments);
    const QList<Segment> &segments() const { return m_segments; }
    /// Sum of the segment values.
    double total() const;
    /// Unit shown in tooltips after the value ("s").
    void setUnit(const QString &unit) { m_unit = unit; }
    /// Text drawn in the empty bar when there are no segments.
    void setPlaceholderText(const QString &text);

    /// "Compute: 1.23 s (45.6 % of 2.70 s)": the tooltip of segment i.
    QString segmentToolTip(int segment) const;
    /// The i-th fixed colour of the series palette (cycles).
    static QColor seriesColour(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct LegendEntry
    {
        int segment;
        QRectF rect;
    };
    QRectF barRect() const;
    QList<QRectF> segmentRects() const;
    QList<LegendEntry> legendLayout(int width) const;
    QString legendText(const Segment &s) const;

    QList<Segment> m_segments;
    QString m_unit;
    QString m_placeholder;
};

} // namespace th
