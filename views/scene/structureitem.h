// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/structure.h"

#include <QGraphicsItem>

namespace th {

/// Shows a wall, column, door or hot/cold aisle zone (a copy of its value); selectable, so that
/// the select tool, Delete and the inspector can act on it.
class StructureItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    explicit StructureItem(const Structure &structure);

    int type() const override { return Type; }
    StructureId id() const { return m_structure.id; }
    const Structure &structure() const { return m_structure; }

    /// The kind in the user's language ("Wall", "Hot aisle containment", ...).
    static QString kindName(StructureKind kind);
    /// Fill of a zone (hot/cold aisle): translucent, so that the racks under it show; the legend
    /// uses the same colour.
    static QColor fillColor(StructureKind kind);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Structure m_structure;
};

} // namespace th
