// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/hallitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace th {

HallItem::HallItem(const Hall &hall)
    : m_hall(hall)
{
    setZValue(-10);
    setFlag(ItemUsesExtendedStyleOption);
}

void HallItem::syncFromModel(const Hall &hall)
{
    prepareGeometryChange();
    m_hall = hall;
    update();
}

void HallItem::setCurrent(bool current)
{
    if (m_current == current)
        return;
    m_current = current;
    update();
}

QRectF HallItem::boundingRect() const
{
    // Room above for the caption line (drawn in device pixels above the hall or its yard).
    return QRectF(0, -m_hall.yardDepthMm, m_hall.widthMm, m_hall.depthMm + m_hall.yardDepthMm).adjusted(-400, -1500, 400, 400);
}

void HallItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const qreal px = 1.0 / lod;
    const QRectF floor(0, 0, m_hall.widthMm, m_hall.depthMm);

    if (m_hall.yardDepthMm > 0) {
        const QRectF yard(0, -m_hall.yardDepthMm, m_hall.widthMm, m_hall.yardDepthMm);
        painter->fillRect(yard, QColor(226, 236, 220));
        painter->setPen(QPen(QColor(140, 160, 130), 1.0 * px, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(yard);
    }
    painter->fillRect(floor, QColor(252, 252, 250));

    // Tile grid, only where it is visible and at least 5 px per tile.
    const double tile = m_hall.tileMm;
    if (tile > 0 && tile * lod >= 5.0) {
        const QRectF area = floor.intersected(option->exposedRect);
        painter->setPen(QPen(QColor(222, 224, 228), 0));
        const double x0 = std::ceil(area.left() / tile) * tile;
        const double y0 = std::ceil(area.top() / tile) * tile;
        QVector<QLineF> lines;
        for (double x = x0; x < area.right(); x += tile)
            lines << QLineF(x, area.top(), x, area.bottom());
        for (double y = y0; y < area.bottom(); y += tile)
            lines << QLineF(area.left(), y, area.right(), y);
        painter->drawLines(lines);
        // Every 5th line a little darker: 3 m steps read at a glance.
        painter->setPen(QPen(QColor(200, 203, 209), 0));
        lines.clear();
        const double major = tile * 5;
        for (double x = std::ceil(area.left() / major) * major; x < area.right(); x += major)
            lines << QLineF(x, area.top(), x, area.bottom());
        for (double y = std::ceil(area.top() / major) * major; y < area.bottom(); y += major)
            lines << QLineF(area.left(), y, area.right(), y);
        painter->drawLines(lines);
    }

    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(m_current ? QColor(25, 118, 210) : QColor(60, 64, 72), (m_current ? 5.0 : 3.0) * px));
    painter->drawRect(floor);

    // Name above the hall (or inside the yard), in device pixels.
    const QRectF device = painter->worldTransform().mapRect(floor);
    if (device.width() > 80) {
        painter->save();
        painter->setWorldTransform(QTransform());
        QFont font = painter->font();
        font.setPixelSize(13);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(QColor(60, 64, 72));
        const QString text = QObject::tr("%1 · %2 × %3 m")
                                 .arg(m_hall.name.isEmpty() ? QObject::tr("Hall") : m_hall.name)
                                 .arg(m_hall.widthMm / 1000.0, 0, 'f', 1)
                                 .arg(m_hall.depthMm / 1000.0, 0, 'f', 1);
        // Above the hall, or above its yard, so that the captions never cover placed items.
        const double top = device.top() - m_hall.yardDepthMm * lod;
        const QRectF line(device.left(), top - 20, device.width(), 18);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignBottom, text);
        if (m_hall.yardDepthMm > 0 && device.width() > 320) {
            font.setBold(false);
            painter->setFont(font);
            painter->setPen(QColor(100, 125, 90));
            painter->drawText(line, Qt::AlignRight | Qt::AlignBottom, QObject::tr("Yard (outdoor plant)"));
        }
        painter->restore();
    }
}

} // namespace th
