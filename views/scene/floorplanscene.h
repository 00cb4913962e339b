// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeevents.h"
#include "model/document/equipment.h"
#include "model/document/hall.h"
#include "model/document/structure.h"

#include <QColor>
#include <QGraphicsScene>
#include <QHash>
#include <QList>

#include <optional>

namespace th {

class CatalogCache;
class EquipmentItem;
class FloorPlanDocument;
class GhostItem;
class HallItem;
class StructureItem;
struct ResolvedCatalogItem;

/// A point of the floor plan: which hall, whether in its yard, and hall millimetres.
struct HallPoint
{
    HallId hallId = 0;
    bool inYard = false;
    QPointF mm;
};

/**
 * The floor plan as graphics items (Tiled's MapScene): one HallItem per hall, one
 * StructureItem per structure, one EquipmentItem per placed item, kept in sync with the document
 * through a single documentChanged() switch. The scene never owns plan data.
 *
 * Scene units are millimetres. Halls are laid out west to east with a gap between them; a
 * hall's own coordinates are offset by hallOriginX(), and its yard lies at negative y.
 */
class FloorPlanScene : public QGraphicsScene
{
    Q_OBJECT
public:
    /// What the fill colour of equipment shows.
    enum class ColorMode { Type, Power, Weight, Cooling };
    Q_ENUM(ColorMode)

    struct LegendEntry
    {
        /// How the legend draws the colour: a filled box, a line style, or an inlet flag.
        enum class Swatch { Box, Line, DashedLine, ThickLine, Flag };
        QColor color;
        QString text;
        Swatch swatch = Swatch::Box;
    };

    FloorPlanScene(FloorPlanDocument *document, const CatalogCache *cache, QObject *parent = nullptr);
    ~FloorPlanScene() override;

    FloorPlanDocument *document() const { return m_document; }
    const CatalogCache *cache() const { return m_cache; }

    // Coordinates
    double hallOriginX(HallId id) const;
    QRectF toScene(HallId hallId, const QRectF &rectMm) const;
    QRectF footprintInScene(const Equipment &e) const;
    /// The hall (or yard) under a scene point, if any; points in the gap between halls map to
    /// the nearest hall to the west.
    std::optional<HallPoint> hallAt(const QPointF &scenePos) const;
    /// The current hall (last clicked, added or chosen in the inspector), else the first one:
    /// the hall the inspector edits and Delete Hall removes.
    const Hall *defaultHall() const;
    HallId currentHallId() const;
    /// Makes `id` the current hall (ignored when no such hall); emits currentHallChanged().
    void setCurrentHall(HallId id);
    QRectF hallsBoundingRect() const;

    // Items
    EquipmentItem *itemFor(EquipmentId id) const { return m_items.value(id); }
    int equipmentItemCount() const { return int(m_items.size()); }
    QList<EquipmentId> selectedIds() const;
    void selectIds(const QList<EquipmentId> &ids);
    /// Selected structures (walls, columns, doors, aisles), sorted.
    QList<StructureId> selectedStructureIds() const;
    /// Selects exactly these equipment items and structures (one selectionChanged()).
    void setSelection(const QList<EquipmentId> &equipment, const QList<StructureId> &structures);
    void selectStructureIds(const QList<StructureId> &ids) { setSelection({}, ids); }
    StructureItem *structureItemFor(StructureId id) const;
    GhostItem *ghost() const { return m_ghost; }

    // Colour overlays
    ColorMode colorMode() const { return m_colorMode; }
    void setColorMode(ColorMode mode);
    /// Fill colour of an item in the current mode; `missing` is set when its catalog row is gone.
    QColor colorFor(const Equipment &e, bool *missing, QString *name) const;
    QString legendTitle() const;
    QList<LegendEntry> legend() const;

    /// Re-reads every item (after the catalog changed: names, sizes of missing rows, colours).
    void syncAll();

    /// Short text for an item: its label or the catalog name.
    QString displayName(const Equipment &e) const;

signals:
    void colorModeChanged(th::FloorPlanScene::ColorMode mode);
    void currentHallChanged(quint32 hallId);
    /// The legend's entries changed (an aisle or an item missing from the catalog appeared or
    /// went away), not only the colour mode.
    void legendChanged();

private:
    void documentChanged(const ChangeEvent &event);
    void rebuild();
    void rebuildHalls();
    void rebuildStructures();
    void addItemsFor(const QList<quint64> &ids);
    void removeItemsFor(const QList<quint64> &ids);
    void updateSceneRect();
    /// Recomputes which conditional legend entries apply; emits legendChanged() when they change.
    void updateLegendKeys();

    FloorPlanDocument *m_document;
    const CatalogCache *m_cache;
    QHash<EquipmentId, EquipmentItem *> m_items;
    QList<HallItem *> m_hallItems;
    QList<StructureItem *> m_structureItems;
    GhostItem *m_ghost = nullptr;
    ColorMode m_colorMode = ColorMode::Type;
    HallId m_currentHallId = 0;
    // Conditional legend entries: shown only when the plan has such items, so the key never
    // names a colour the plan does not use (a pink "missing" swatch next to pink hot aisles).
    bool m_legendMissing = false;
    bool m_legendHotAisle = false;
    bool m_legendColdAisle = false;
};

/// Colour of a value on a green - yellow - red scale between `low` and `high`.
QColor heatColor(double value, double low, double high);

} // namespace th
