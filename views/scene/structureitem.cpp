// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/structureitem.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace th {

StructureItem::StructureItem(const Structure &structure)
    : m_structure(structure)
{
    const bool zone = structure.kind == StructureKind::HotAisle || structure.kind == StructureKind::ColdAisle;
    setZValue(zone ? -5 : 5);
    setToolTip(structure.label.isEmpty() ? kindName(structure.kind) : structure.label);
    setFlag(QGraphicsItem::ItemIsSelectable);
}

QString StructureItem::kindName(StructureKind kind)
{
    switch (kind) {
    case StructureKind::Wall:
        return QCoreApplication::translate("th::StructureItem", "Wall");
    case StructureKind::Column:
        return QCoreApplication::translate("th::StructureItem", "Column");
    case StructureKind::Door:
        return QCoreApplication::translate("th::StructureItem", "Door");
    case StructureKind::HotAisle:
        return QCoreApplication::translate("th::StructureItem", "Hot aisle containment");
    case StructureKind::ColdAisle:
        return QCoreApplication::translate("th::StructureItem", "Cold aisle containment");
    }
    return {};
}

QColor StructureItem::fillColor(StructureKind kind)
{
    switch (kind) {
    case StructureKind::HotAisle:
        return QColor(240, 80, 60, 40);
    case StructureKind::ColdAisle:
        return QColor(60, 130, 240, 40);
    case StructureKind::Wall:
        return QColor(70, 70, 78);
    case StructureKind::Column:
        return QColor(110, 110, 118);
    case StructureKind::Door:
        return QColor(255, 236, 200);
    }
    return {};
}

QRectF StructureItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_structure.rectMm.size()).adjusted(-50, -50, 50, 50);
}

void StructureItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const qreal px = 1.0 / lod;
    const QRectF r(QPointF(0, 0), m_structure.rectMm.size());
    QString caption;
    switch (m_structure.kind) {
    case StructureKind::Wall:
        painter->fillRect(r, fillColor(StructureKind::Wall));
        break;
    case StructureKind::Column:
        painter->fillRect(r, fillColor(StructureKind::Column));
        painter->setPen(QPen(QColor(60, 60, 60), px));
        painter->drawLine(r.topLeft(), r.bottomRight());
        painter->drawLine(r.topRight(), r.bottomLeft());
        break;
    case StructureKind::Door:
        painter->fillRect(r, fillColor(StructureKind::Door));
        painter->setPen(QPen(QColor(170, 110, 30), 2 * px));
        painter->drawRect(r);
        caption = QObject::tr("Door");
        break;
    case StructureKind::HotAisle:
        painter->fillRect(r, fillColor(StructureKind::HotAisle));
        painter->setPen(QPen(QColor(220, 80, 60), px, Qt::DashLine));
        painter->drawRect(r);
        caption = QObject::tr("Hot aisle");
        break;
    case StructureKind::ColdAisle:
        painter->fillRect(r, fillColor(StructureKind::ColdAisle));
        painter->setPen(QPen(QColor(60, 120, 220), px, Qt::DashLine));
        painter->drawRect(r);
        caption = QObject::tr("Cold aisle");
        break;
    }
    if (!m_structure.label.isEmpty())
        caption = m_structure.label;
    if (isSelected()) {
        painter->setPen(QPen(QColor(0, 120, 215), 2 * px));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(-3 * px, -3 * px, 3 * px, 3 * px));
    }
    const QRectF device = painter->worldTransform().mapRect(r);
    if (!caption.isEmpty() && device.width() > 40 && device.height() > 12) {
        painter->save();
        painter->setWorldTransform(QTransform());
        QFont font = painter->font();
        font.setPixelSize(10);
        painter->setFont(font);
        painter->setPen(QColor(90, 90, 90));
        painter->drawText(device, Qt::AlignCenter,
                          painter->fontMetrics().elidedText(caption, Qt::ElideRight, int(device.width())));
        painter->restore();
    }
}

} // namespace th
