// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/analysis/feedrules.h"

#include <QObject>
#include <QPointF>

class QAction;
class QGraphicsLineItem;
class QKeyEvent;
class QMouseEvent;

namespace th {

class FloorPlanView;

/**
 * Draws power feeds (issue 5): click the rack or unit to feed, then the unit that feeds it.
 * The second click sets the A feed; Shift-click sets the B feed of a dual-corded rack, and after
 * an A feed of such a rack the next click sets its B feed (click empty floor or press Esc to
 * leave it at A). Each link is one SetFeedCommand (one undo step); illegal links (checkFeed():
 * wrong direction, a unit feeding itself, a loop, B without A) are refused with a message and
 * the tool keeps waiting for a legal upstream unit. A rubber line follows the mouse from the
 * picked item. Esc, or unchecking the action, returns to the select tool.
 *
 * clearAction() clears the drawn feeds of the selected items (one undo step): the analysis
 * assigns them automatically again. adoptAction() does the reverse: it writes the automatic
 * assignment of the selected items (all items when nothing is selected) as drawn feeds, one
 * undo step, so that the assignment becomes part of the plan and can be edited link by link.
 */
class ConnectTool : public QObject
{
    Q_OBJECT
public:
    explicit ConnectTool(FloorPlanView *view);
    ~ConnectTool() override;

    /// Checkable: the tool is active while checked (object name connectFeedsAction).
    QAction *action() const { return m_action; }
    /// "Clear Feed (Automatic)" for the selection (object name clearFeedAction).
    QAction *clearAction() const { return m_clearAction; }
    /// "Assign Feeds Automatically" for the selection or the whole plan (object name adoptFeedsAction).
    QAction *adoptAction() const { return m_adoptAction; }
    bool isActive() const;
    void setActive(bool active);

    /// The item picked first (waiting for its upstream unit), 0 when none.
    EquipmentId pendingDownstream() const { return m_downstream; }
    /// Whether the next upstream pick sets the B feed (after an A feed of a dual-corded rack).
    bool expectsB() const { return m_expectB; }

    void mousePressed(QMouseEvent *event);
    void mouseMoved(QMouseEvent *event);
    /// Esc; returns whether the key was used.
    bool keyPressed(QKeyEvent *event);

    /// Links `upstream` -> `downstream` on `side` as one undo step; false (and message()) when refused.
    bool connectFeed(EquipmentId downstream, EquipmentId upstream, FeedSide side);
    /// Clears the drawn feeds of the selected items; false when none had any.
    bool clearSelectedFeeds();
    /// Draws the automatic feeds of the selection (or of every item) as one undo step; false
    /// (and message()) when there is nothing to assign.
    bool adoptAutomaticFeeds();

signals:
    void message(const QString &text);

private:
    EquipmentId equipmentAt(const QPointF &scenePos) const;
    void pickDownstream(EquipmentId id);
    void reset();
    QString nameOf(EquipmentId id) const;

    FloorPlanView *m_view;
    QAction *m_action;
    QAction *m_clearAction;
    QAction *m_adoptAction;
    EquipmentId m_downstream = 0;
    bool m_expectB = false;
    QGraphicsLineItem *m_rubber = nullptr;
};

} // namespace th
