// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/hall.h"

#include <QGraphicsItem>

namespace th {

/**
 * Shows one hall: its floor with the tile grid (drawn only while tiles are a few pixels wide),
 * its outline and name, and the yard north of it. Holds a copy of the hall's value, refreshed by
 * the scene with syncFromModel().
 */
class HallItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    explicit HallItem(const Hall &hall);

    int type() const override { return Type; }
    HallId hallId() const { return m_hall.id; }
    void syncFromModel(const Hall &hall);
    /// The hall the inspector and "Delete Hall" act on: outlined in the accent colour.
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Hall m_hall;
    bool m_current = false;
};

} // namespace th
