// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QList>

namespace th {

/// The footprint(s) an item would take while it is dragged from the palette: green where it may
/// go, red where it would be refused.
class GhostItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };
    GhostItem();

    int type() const override { return Type; }
    /// Rectangles in scene coordinates.
    void setRects(const QList<QRectF> &rects, bool valid);
    bool isValid() const { return m_valid; }
    QList<QRectF> rects() const { return m_rects; }

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<QRectF> m_rects;
    QRectF m_bounds;
    bool m_valid = true;
};

} // namespace th
