// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"
#include "model/document/structure.h"

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

/// A catalog item (or, with `structureKind` set, a structure) as carried by a palette drag.
struct CatalogItemRef
{
    EquipmentKind kind = EquipmentKind::System;
    QString catalogId;
    std::optional<StructureKind> structureKind = std::nullopt; ///< a wall, column, door or aisle instead of a catalog item

    static CatalogItemRef structure(StructureKind k) { return {EquipmentKind::Facility, structureKindKey(k), k}; }
};

/**
 * Places catalog items dropped from the palette. While the drag moves, a ghost shows the item's
 * true footprint from the catalog, centred on the cursor and snapped to the tiles; it turns red
 * (and the drop is refused) where the item would overlap another, leave the hall or yard, or
 * block a door or aisle. A drop pushes one AddEquipmentCommand.
 *
 * Structures (walls, columns, doors, aisle zones) are placed the same way with a default
 * footprint (structureDefaultSize()); a drop pushes one AddRemoveStructuresCommand. A door
 * near a hall edge turns to run along it and sits flush with it.
 */
class PlaceEquipmentTool : public QObject
{
    Q_OBJECT
public:
    explicit PlaceEquipmentTool(FloorPlanView *view);

    /// "application/x-terahall-catalog-item"; the payload is JSON {"kind": "system"|"equipment"|"structure",
    /// "id": ...}, where a structure's id is its kind key ("wall", "column", "door", "hot_aisle", "cold_aisle").
    static QString mimeType();
    static QMimeData *createMimeData(const CatalogItemRef &ref);
    static std::optional<CatalogItemRef> parseMimeData(const QMimeData *data);

    /// Default footprint of a new structure (width x depth, mm).
    static QSizeF structureDefaultSize(StructureKind kind);

    /// What a drop at `scenePos` would create: the item (id 0) and, when refused, why.
    struct Candidate
    {
        Equipment equipment;
        std::optional<Structure> structure; ///< set (and `equipment` unused) for structures
        QRectF sceneRect;
        QString problem;
        bool isValid() const { return problem.isEmpty(); }
    };
    std::optional<Candidate> candidateAt(const CatalogItemRef &ref, const QPointF &scenePos) const;
    /// Places the item as a drop at `scenePos` would; the new (equipment or structure) id, or nullopt when refused.
    std::optional<EquipmentId> placeAt(const CatalogItemRef &ref, const QPointF &scenePos);

    void dragEntered(QDragEnterEvent *event);
    void dragMoved(QDragMoveEvent *event);
    void dragLeft();
    void dropped(QDropEvent *event);

signals:
    void message(const QString &text);

private:
    std::optional<Candidate> structureCandidateAt(StructureKind kind, const QPointF &scenePos) const;
    void updateGhost(const std::optional<Candidate> &candidate);

    FloorPlanView *m_view;
    std::optional<CatalogItemRef> m_dragged;
};

} // namespace th
