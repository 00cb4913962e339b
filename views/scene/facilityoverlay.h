// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/facilityanalysis.h"
#include "views/scene/floorplanscene.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QObject>
#include <QPointer>

#include <array>
#include <optional>

class QAction;
class QGraphicsView;
class QTimer;

namespace th {

class OverlayItem;
class ThermalRunner;

/// One block of the view's legend: a title and its entries.
struct LegendSection
{
    QString title;
    QList<FloorPlanScene::LegendEntry> entries;
};

/**
 * The facility overlays of the floor plan (issue 5), drawn from the facility analysis over the
 * equipment: power-chain connections (A / B feeds, drawn vs automatic), utilisation per power
 * and cooling unit (colour + "% of derated rating" label), floor load per tile against the
 * hall rating, and the indicative thermal map with rack inlet flags.
 *
 * It never analyses the plan itself: setFacility() takes the result the KPI dock computes after
 * every change (its debounce), and the overlay only turns it into geometry (linear in the
 * items). The thermal map comes from the KPI dock's ThermalRunner (setThermalRunner()), which
 * solves it in the background after each change; the overlay draws its latest result.
 *
 * Three scene items draw it: the tile maps and utilisation tiles (z 20, translucent, over the
 * equipment), the lines (z 30) and the labels and flags (z 31). None is hit-testable, so tools
 * still pick the equipment.
 *
 * A new analysis repaints only what it changed (the live step of a drag, docs/performance.md):
 * the old and new extent of each changed line, the utilisation and floor-load tiles whose colour
 * or value changed, the labels and inlet flags that moved, appeared, went away or changed text.
 * Label placement (which labels show without overlapping) depends only on the labels and the
 * zoom: it is computed once per analysis and zoom, so a repainted part of the view shows the
 * labels a full repaint would.
 */
class FacilityOverlay : public QObject
{
    Q_OBJECT
public:
    enum class Layer { PowerChain, Utilisation, FloorLoad, Thermal };
    Q_ENUM(Layer)

    /// A line of the power-chain overlay, in scene coordinates (upstream -> downstream).
    struct Connection
    {
        EquipmentId from = 0;
        EquipmentId to = 0;
        enum class Kind { UnitToUnit, FeedA, FeedB } kind = Kind::UnitToUnit;
        bool drawn = false;  ///< from the user's `fed_from`, not assigned automatically
        QLineF line;
    };

    /// A utilisation label: `percent` of the derated rating (power) or of the rating (cooling).
    struct UnitLabel
    {
        EquipmentId id = 0;
        double percent = 0.0;
        bool over = false;   ///< above 100 % (power: the derated rating; cooling: zone over capacity)
        QString text;
        QRectF rect;         ///< the unit's footprint, scene coordinates
    };

    /// A rack whose indicative inlet is above 27 C (warning) or 32 C (error).
    struct InletFlag
    {
        EquipmentId id = 0;
        double inletC = 0.0;
        bool allowableExceeded = false;
        QPointF pos;         ///< scene position of the rack's front
    };

    explicit FacilityOverlay(FloorPlanScene *scene, QObject *parent = nullptr);
    ~FacilityOverlay() override;

    void setLayer(Layer layer, bool on);
    bool isOn(Layer layer) const;
    /// Checkable actions for the View menu, one per layer (object names overlay<Layer>Action).
    QList<QAction *> actions() const { return m_actions; }
    QAction *action(Layer layer) const { return m_actions.value(int(layer)); }

    /// A new facility analysis of the open plan (the KPI dock's, thermal map off).
    void setFacility(const FacilityResult &facility);
    /// Where the thermal map comes from (the KPI dock's runner); the overlay follows its results.
    void setThermalRunner(ThermalRunner *runner);
    const FacilityResult &facility() const { return m_facility; }

    // What is drawn (for the legend and the tests)
    const QList<Connection> &connections() const { return m_connections; }
    const QList<UnitLabel> &unitLabels() const { return m_labels; }
    const UnitLabel *unitLabel(EquipmentId id) const;
    const QList<InletFlag> &inletFlags() const { return m_flags; }
    /// Per-hall tile images (one pixel per tile) and their scene rectangles.
    QImage floorLoadImage(HallId hall) const { return m_floorImages.value(hall); }
    QImage thermalImage(HallId hall) const { return m_thermalImages.value(hall); }
    const QList<HallGrid> &thermalGrids() const { return m_thermalGrids; }
    bool isThermalRunning() const;
    int thermalSolveCount() const;
    /// How often the label placement was computed (once per analysis and zoom; for the tests).
    int labelPlacementCount() const { return m_labelPlacements; }
    QList<LegendSection> legend() const;

    /// Colour of a load fraction (utilisation, floor load / rating): green at 0, yellow, orange
    /// at 1, red above 1.
    static QColor loadColor(double fraction);
    /// Colour of an air temperature (blue below the 22 C supply, yellow at 27, red from 35 C).
    static QColor temperatureColor(double tempC);
    /// One pixel per thermal-map cell in temperatureColor() at `alpha` (the overlay's map and the
    /// report's draw the same image).
    static QImage thermalGridImage(const HallGrid &grid, int alpha);

signals:
    void layersChanged();
    void legendChanged();
    /// A thermal solve finished and its map is shown.
    void thermalUpdated();

private:
    /// What a rebuild changed and the views repaint.
    struct Damage
    {
        bool all = false;         ///< every overlay item (a layer toggled, a new thermal map)
        bool allLines = false;    ///< the whole line item (most lines changed)
        QList<QLineF> lines;      ///< changed lines, old and new, in scene coordinates (an end: no length)
        QList<QRectF> tiles;      ///< scene rectangles of changed utilisation and floor-load tiles
    };
    /// A label where it shows, in screen pixels at the placement's zoom, before the view's
    /// translation (scrolling moves them all alike).
    struct PlacedLabel
    {
        EquipmentId id = 0;
        QRectF box;
        QString text;
        bool over = false;
    };
    struct LabelPlacement
    {
        QTransform linear;   ///< the view transform without its translation
        QFont font;
        quint64 labelsRevision = 0;
        bool valid = false;
        QList<PlacedLabel> labels;
    };

    /// Rebuilds from the analysis; `all`: repaint every overlay item, otherwise what changed.
    void rebuild(bool all = true);
    /// Appends the scene areas of changed lines to `damage` (the line layer redraws only there).
    void rebuildConnections(Damage *damage);
    void invalidateChangedLines(const std::array<QList<QLineF>, 6> &oldLines, const QList<QPointF> &oldEnds, Damage *damage);
    void rebuildLabels(Damage *damage);
    void rebuildFloorLoad(Damage *damage);
    /// The labels that show at this world transform (the item's painter's) and font, cached.
    const QList<PlacedLabel> &labelPlacement(const QTransform &world, const QFont &font) const;
    static QFont labelFont(const QFont &base);
    /// Asks each view to repaint the damaged areas; labels and flags as they were (`oldLabels`
    /// per view, `oldFlags`) and are now.
    void repaint(const Damage &damage, const QList<QList<PlacedLabel>> &oldLabels, const QList<InletFlag> &oldFlags);
    void rebuildThermalImages();
    void rebuildInletFlags();
    void thermalFinished();
    QPointF centreOf(EquipmentId id, bool *found) const;

    FloorPlanScene *m_scene;
    OverlayItem *m_mapItem;
    OverlayItem *m_lineItem;
    OverlayItem *m_markItem;
    QList<QAction *> m_actions;
    int m_layers = 0;
    FacilityResult m_facility;
    bool m_hasFacility = false;

    QList<Connection> m_connections;
    QList<UnitLabel> m_labels;
    QHash<EquipmentId, int> m_labelIndex;
    quint64 m_labelsRevision = 0;
    /// The format and locale the label texts were made with: a label whose value did not change
    /// keeps its text while both stay the same (a language or locale change formats all again).
    QString m_labelTextFormat;
    QLocale m_labelTextLocale;
    mutable LabelPlacement m_placement;
    mutable int m_labelPlacements = 0;
    QHash<HallId, QImage> m_floorImages;
    struct FloorImageSource
    {
        HallGrid grid;       ///< the values m_floorImages shows (implicitly shared with the analysis)
        double rating = 0.0; ///< the hall rating they were coloured against
    };
    QHash<HallId, FloorImageSource> m_floorSources;
    QHash<HallId, QImage> m_thermalImages;

    QPointer<ThermalRunner> m_thermalRunner;
    QList<HallGrid> m_thermalGrids;
    QList<RackInlet> m_inlets;
    QList<InletFlag> m_flags;

    friend class OverlayItem;
};

} // namespace th
