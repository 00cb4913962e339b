// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scene/equipmentitem.h"

#include "views/scene/floorplanscene.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace th {

namespace {

/// Pixels below which an item is only a filled rectangle.
constexpr double kPlainBelowPx = 7.0;
/// Pixels of height needed before a label is drawn.
constexpr double kTextAbovePx = 13.0;

} // namespace

EquipmentItem::EquipmentItem(FloorPlanScene *scene, const Equipment *equipment)
    : m_scene(scene)
    , m_id(equipment->id())
    , m_equipment(equipment)
{
    setFlag(ItemIsSelectable);
    // Selection is shown by the item itself; the tool moves items through commands, never by
    // the scene's built-in dragging. No item cache: a DeviceCoordinateCache pixmap per item made
    // a full repaint of a 5,000-item plan 2x slower (fitted: 12.8-13.3 -> 6.2-6.8 ms; zoomed 6x:
    // 7.7-8.1 -> 7.1 ms) and a live drag step ~1.2 ms slower (docs/performance.md).
    syncFromModel();
}

void EquipmentItem::syncFromModel()
{
    const QRectF sceneRect = m_scene->footprintInScene(*m_equipment);
    const QRectF rect(0, 0, sceneRect.width(), sceneRect.height());
    if (rect != m_rect) {
        prepareGeometryChange();
        m_rect = rect;
    }
    setPos(sceneRect.topLeft());
    QString name;
    m_fill = m_scene->colorFor(*m_equipment, &m_missing, &name);
    m_text = m_equipment->label().isEmpty() ? name : m_equipment->label();
    // Labels and ids are user data: escape them, since Qt renders a tooltip that starts with a
    // tag as rich text (an <img src=file:...> label would make Qt load a local file).
    // Always rich text (<p>), so that the escaped entities display as the original characters.
    setToolTip(m_missing ? QStringLiteral("<p>%1</p>").arg(QObject::tr("%1 (missing from the catalog)").arg(m_equipment->catalogId().toHtmlEscaped()))
                         : QStringLiteral("<p>%1<br>%2</p>").arg(m_text.toHtmlEscaped(), m_equipment->catalogId().toHtmlEscaped()));
    update();
}

QRectF EquipmentItem::boundingRect() const
{
    // Room for the selection outline, which is drawn outside the footprint.
    return m_rect.adjusted(-60, -60, 60, 60);
}

void EquipmentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const double minSidePx = std::min(m_rect.width(), m_rect.height()) * lod;
    const bool selected = isSelected();

    if (minSidePx < kPlainBelowPx) {
        // Far away: one rectangle, no outline, no text.
        painter->fillRect(m_rect, selected ? QColor(255, 140, 0) : (m_missing ? QColor(220, 60, 60) : m_fill));
        return;
    }

    const qreal px = 1.0 / lod; // one device pixel in item units
    painter->setPen(QPen(m_missing ? QColor(200, 30, 30) : m_fill.darker(170), (m_missing ? 2.0 : 1.0) * px));
    painter->setBrush(m_fill);
    painter->drawRect(m_rect);
    if (m_missing) {
        QBrush hatch(QColor(200, 30, 30), Qt::BDiagPattern);
        // The pattern is in device pixels; reset the brush transform so it stays readable.
        hatch.setTransform(QTransform::fromScale(px, px));
        painter->setBrush(hatch);
        painter->setPen(Qt::NoPen);
        painter->drawRect(m_rect);
    }

    // Front (cold-aisle side): south at 0 deg, turning with the item.
    const int rot = m_equipment->rotationDeg();
    QLineF front;
    switch (rot) {
    case 90:
        front = QLineF(m_rect.topLeft(), m_rect.bottomLeft());
        break;
    case 180:
        front = QLineF(m_rect.topLeft(), m_rect.topRight());
        break;
    case 270:
        front = QLineF(m_rect.topRight(), m_rect.bottomRight());
        break;
    default:
        front = QLineF(m_rect.bottomLeft(), m_rect.bottomRight());
        break;
    }
    painter->setPen(QPen(m_fill.darker(220), 3.0 * px, Qt::SolidLine, Qt::FlatCap));
    painter->drawLine(front);

    if (selected) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(255, 140, 0), 3.0 * px));
        painter->drawRect(m_rect.adjusted(-2 * px, -2 * px, 2 * px, 2 * px));
    }

    // Text in device pixels so that it keeps a readable size at every zoom.
    const QRectF device = painter->worldTransform().mapRect(m_rect);
    if (device.height() >= kTextAbovePx && device.width() >= 24.0) {
        painter->save();
        painter->setWorldTransform(QTransform());
        QFont font = painter->font();
        QRectF textRect = device.adjusted(2, 1, -2, -1);
        // Shrink the label to fit (down to 8 px) before eliding it.
        // Measure as the painter's device will, on whole pixels and with a little room: elidedText()
        // below elides a text that fits exactly.
        const auto advance = [this, painter](const QFont &f) { return QFontMetrics(f, painter->device()).horizontalAdvance(m_text); };
        int pixels = int(std::clamp(device.height() * 0.28, 9.0, 13.0));
        font.setPixelSize(pixels);
        while (pixels > 8 && advance(font) > int(textRect.width()) - 2)
            font.setPixelSize(--pixels);
        // A tall, narrow item (a chiller seen from above, a rack turned 90°) whose label still does
        // not fit across gets it written upwards; fonts differ by locale (CJK fonts set Latin wider).
        if (advance(font) > int(textRect.width()) - 2 && textRect.height() > 1.5 * textRect.width()) {
            pixels = int(std::clamp(device.width() * 0.45, 8.0, 13.0));
            font.setPixelSize(pixels);
            while (pixels > 8 && advance(font) > int(textRect.height()) - 2)
                font.setPixelSize(--pixels);
            const QPointF centre = textRect.center();
            painter->translate(centre);
            painter->rotate(-90);
            painter->translate(-centre);
            textRect = QRectF(centre.x() - textRect.height() / 2, centre.y() - textRect.width() / 2, textRect.height(), textRect.width());
        }
        painter->setFont(font);
        painter->setPen(m_fill.lightnessF() > 0.6 ? QColor(20, 20, 20) : QColor(Qt::white));
        const QString text = painter->fontMetrics().elidedText(m_text, Qt::ElideRight, int(textRect.width()));
        painter->drawText(textRect, Qt::AlignCenter | Qt::TextSingleLine, text);
        painter->restore();
    }
}

} // namespace th
