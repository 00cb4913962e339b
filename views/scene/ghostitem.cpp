// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/ghostitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace th {

GhostItem::GhostItem()
{
    setZValue(100);
    setAcceptedMouseButtons(Qt::NoButton);
}

void GhostItem::setRects(const QList<QRectF> &rects, bool valid)
{
    prepareGeometryChange();
    m_rects = rects;
    m_valid = valid;
    m_bounds = QRectF();
    for (const QRectF &r : rects)
        m_bounds |= r;
    m_bounds.adjust(-100, -100, 100, 100);
    update();
}

void GhostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal px = 1.0 / option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor color = m_valid ? QColor(40, 170, 80) : QColor(220, 40, 40);
    painter->setPen(QPen(color, 2 * px, Qt::DashLine));
    QColor fill = color;
    fill.setAlpha(90);
    painter->setBrush(fill);
    for (const QRectF &r : m_rects)
        painter->drawRect(r);
}

} // namespace th
