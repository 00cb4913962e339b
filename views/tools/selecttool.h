// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/changegeometry.h"

#include <QHash>
#include <QObject>
#include <QPoint>
#include <QPointF>

class QKeyEvent;
class QMouseEvent;
class QRubberBand;

namespace th {

class FloorPlanView;

/**
 * Selects and moves equipment (Tiled's ObjectSelectionTool): click selects, Ctrl/Shift-click
 * toggles, a drag on empty floor draws a rubber band, a drag on a selected item moves the
 * selection by whole tiles. Each snapped step pushes a DragGeometryCommand; the steps of one
 * drag merge into one undo step, and a drag that ends where it began leaves none. Steps that
 * would overlap, leave the hall or block a door are skipped (the items stay at the last valid
 * place). Arrow keys move the selection by one tile.
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
    QHash<EquipmentId, Geometry> shifted(const QHash<EquipmentId, Geometry> &start, double dx, double dy) const;
    QString problemFor(const QHash<EquipmentId, Geometry> &geometry) const;

    FloorPlanView *m_view;
    Mode m_mode = Mode::None;
    QPoint m_pressViewPos;
    QPointF m_pressScenePos;
    QPointF m_lastDelta;
    QHash<EquipmentId, Geometry> m_startGeometry;
    int m_dragSerial = 0;
    QRubberBand *m_rubberBand = nullptr;
    Qt::KeyboardModifiers m_pressModifiers;
};

} // namespace th
