// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QObject>
#include <QPointF>
#include <QRectF>

#include <optional>

class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QMimeData;

namespace th {

class FloorPlanView;

/// A catalog item as carried by a palette drag.
struct CatalogItemRef
{
    EquipmentKind kind = EquipmentKind::System;
    QString catalogId;
};

/**
 * Places catalog items dropped from the palette. While the drag moves, a ghost shows the item's
 * true footprint from the catalog, centred on the cursor and snapped to the tiles; it turns red
 * (and the drop is refused) where the item would overlap another, leave the hall or yard, or
 * block a door or aisle. A drop pushes one AddEquipmentCommand.
 */
class PlaceEquipmentTool : public QObject
{
    Q_OBJECT
public:
    explicit PlaceEquipmentTool(FloorPlanView *view);

    /// "application/x-terahall-catalog-item"; the payload is JSON {"kind": "system"|"equipment", "id": ...}.
    static QString mimeType();
    static QMimeData *createMimeData(const CatalogItemRef &ref);
    static std::optional<CatalogItemRef> parseMimeData(const QMimeData *data);

    /// What a drop at `scenePos` would create: the item (id 0) and, when refused, why.
    struct Candidate
    {
        Equipment equipment;
        QRectF sceneRect;
        QString problem;
        bool isValid() const { return problem.isEmpty(); }
    };
    std::optional<Candidate> candidateAt(const CatalogItemRef &ref, const QPointF &scenePos) const;
    /// Places the item as a drop at `scenePos` would; the new id, or nullopt when refused.
    std::optional<EquipmentId> placeAt(const CatalogItemRef &ref, const QPointF &scenePos);

    void dragEntered(QDragEnterEvent *event);
    void dragMoved(QDragMoveEvent *event);
    void dragLeft();
    void dropped(QDropEvent *event);

signals:
    void message(const QString &text);

private:
    void updateGhost(const std::optional<Candidate> &candidate);

    FloorPlanView *m_view;
    std::optional<CatalogItemRef> m_dragged;
};

} // namespace th
