// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/changegeometry.h"

#include <QHash>
#include <QObject>
#include <QRectF>

#include <optional>
#include <QPoint>
#include <QPointF>

class QKeyEvent;
class QMouseEvent;
class QRubberBand;

namespace th {

class FloorPlanView;

/**
 * Selects and moves equipment and structures (Tiled's ObjectSelectionTool): click selects,
 * Ctrl/Shift-click toggles, a drag on empty floor draws a rubber band, a drag on a selected item
 * moves the selection by whole tiles. Each snapped step pushes a DragGeometryCommand (equipment)
 * or a MoveStructuresCommand (a drag that starts on a structure moves the selected structures);
 * the steps of one drag merge into one undo step, and a drag that ends where it began leaves
 * none. Steps that would overlap, leave the hall or block a door are skipped (the items stay at
 * the last valid place).
 *
 * Equipment may be dragged between a hall and its yard (an item belongs to the yard when its
 * centre is north of the hall's wall) and into another hall (the hall under the cursor; the
 * group keeps its layout and snaps to that hall's tiles). Structures stay in their hall. A
 * click on the floor makes that hall the current one (inspector, Delete Hall). Arrow keys move
 * the selection by one tile.
 */
class SelectTool : public QObject
{
    Q_OBJECT
public:
    explicit SelectTool(FloorPlanView *view);
    ~SelectTool() override;

    void mousePressed(QMouseEvent *event);
    void mouseMoved(QMouseEvent *event);
    void mouseReleased(QMouseEvent *event);
    /// Arrow keys; returns whether the key was used.
    bool keyPressed(QKeyEvent *event);

    /// Moves the selection by (dx, dy) mm as one undo step; false (and message()) when refused.
    bool moveSelectionBy(double dxMm, double dyMm);
    /// The tile size that applies to the selection (its first item's hall).
    double tileMm() const;

signals:
    void message(const QString &text);

private:
    enum class Mode { None, PendingMove, Moving, RubberBand };
    /// The start geometry moved by (dx, dy) scene mm; with a cursor, into the hall under it.
    QHash<EquipmentId, Geometry> relocated(const QHash<EquipmentId, Geometry> &start, double dx, double dy,
                                          const std::optional<QPointF> &cursorScene) const;
    bool moveStructuresBy(const QHash<quint64, QRectF> &start, double dx, double dy, int mergeKey);
    QString problemFor(const QHash<EquipmentId, Geometry> &geometry) const;

    FloorPlanView *m_view;
    Mode m_mode = Mode::None;
    QPoint m_pressViewPos;
    QPointF m_pressScenePos;
    QPointF m_lastDelta;
    QHash<EquipmentId, Geometry> m_startGeometry;
    QHash<quint64, QRectF> m_startStructures; ///< a structure drag (empty for equipment)
    EquipmentId m_pressedId = 0;
    HallId m_lastHall = 0;
    int m_dragSerial = 0;
    QRubberBand *m_rubberBand = nullptr;
    Qt::KeyboardModifiers m_pressModifiers;
};

} // namespace th
