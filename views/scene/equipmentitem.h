// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QColor>
#include <QGraphicsItem>

namespace th {

class FloorPlanScene;

/**
 * Shows one placed equipment item: its footprint as a rectangle, the front edge (the cold-aisle
 * side) as a thick line and, when there is room, its label. Holds the id and a const pointer
 * into the model and never owns data or pushes commands (STYLE.md §4); FloorPlanScene calls
 * syncFromModel() after every change of the item.
 *
 * Drawing follows the level of detail: below a few pixels per item only a filled rectangle, no
 * text, so that 10,000 items stay smooth. Items whose catalog row is missing are hatched with a
 * red outline.
 */
class EquipmentItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    EquipmentItem(FloorPlanScene *scene, const Equipment *equipment);

    int type() const override { return Type; }
    EquipmentId id() const { return m_id; }
    const Equipment *equipment() const { return m_equipment; }

    /// Re-reads position, size, label and colour from the model (and the scene's colour mode).
    void syncFromModel();

    bool isMissing() const { return m_missing; }
    QColor fillColor() const { return m_fill; }
    QString displayText() const { return m_text; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    FloorPlanScene *m_scene;
    EquipmentId m_id;
    const Equipment *m_equipment;
    QRectF m_rect;       ///< local footprint (0, 0, w, h) in mm
    QColor m_fill;
    QString m_text;
    bool m_missing = false;
};

} // namespace th
