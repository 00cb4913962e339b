// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/changegeometry.h"
#include "model/document/equipment.h"

#include <QObject>
#include <QPointF>

#include <vector>

class QAction;
class QUndoCommand;
class QWidget;

namespace th {

class FloorPlanView;

/// A row (or rows) of identical items: `count` per row at `pitchMm` centre to centre along x,
/// `rows` rows `rowPitchMm` apart along y; with `alternate`, every second row is turned 180°
/// so that fronts face each other across a cold aisle and backs across a hot aisle.
struct ArrayParameters
{
    EquipmentKind kind = EquipmentKind::System;
    QString catalogId;
    HallId hallId = 0;
    QPointF startMm;      ///< top-left of the first item
    int count = 10;
    double pitchMm = 600;
    int rows = 1;
    double rowPitchMm = 2400;
    bool alternate = true;
    QString labelPrefix = QStringLiteral("R");
};

/**
 * The editing commands of the floor plan that act on the selection: rotate (R), delete (Del),
 * duplicate (Ctrl+D), cut/copy/paste through the clipboard (JSON of the items, so it works
 * between plans and windows), select all, align left/top, distribute horizontally and the
 * array tool. Each turns into exactly one undo step or is refused with message() saying why.
 */
class EditActions : public QObject
{
    Q_OBJECT
public:
    EditActions(FloorPlanView *view, QWidget *dialogParent);

    QAction *rotateAction() const { return m_rotate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *selectAllAction() const { return m_selectAll; }
    QAction *alignLeftAction() const { return m_alignLeft; }
    QAction *alignTopAction() const { return m_alignTop; }
    QAction *distributeAction() const { return m_distribute; }
    QAction *arrayAction() const { return m_array; }
    /// Plan > Add Hall: a new hall east of the others, sized like the current one, made current.
    QAction *addHallAction() const { return m_addHall; }
    /// Plan > Delete Hall: the current hall with everything on it, one undo step; never the last.
    QAction *deleteHallAction() const { return m_deleteHall; }
    QList<QAction *> actions() const;

    static QString clipboardMimeType();
    static QByteArray toClipboardJson(const QList<const Equipment *> &items);
    /// Items (id 0) from clipboard JSON; empty with `error` set when it is not ours or damaged.
    static std::vector<Equipment> fromClipboardJson(const QByteArray &json, QString *error);

public slots:
    bool rotateSelection();
    bool deleteSelection();
    bool duplicateSelection();
    void copySelection();
    bool cutSelection();
    bool paste();
    void selectAll();
    bool alignLeft();
    bool alignTop();
    bool distributeHorizontally();
    void showArrayDialog();
    /// Adds a hall (see addHallAction()); returns its id.
    HallId addHall();
    /// Deletes the current hall (see deleteHallAction()); false (and message()) for the last one.
    bool deleteCurrentHall();
    /// Places the array as one undo step; false (and message()) when any item would not fit.
    bool placeArray(const ArrayParameters &parameters);

signals:
    void message(const QString &text);

private:
    void updateActions();
    /// Deletes the selected items (and, with `withStructures`, structures) as one step.
    bool removeSelection(bool withStructures);
    bool applyGeometry(const QString &text, const QHash<EquipmentId, Geometry> &geometry);
    /// Adds `items` (positions as given, shifted to a free place when needed) as one step.
    bool addShifted(std::vector<Equipment> items, bool tryInPlace, const QString &what);

    FloorPlanView *m_view;
    QWidget *m_dialogParent;
    QAction *m_rotate;
    QAction *m_delete;
    QAction *m_duplicate;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_selectAll;
    QAction *m_alignLeft;
    QAction *m_alignTop;
    QAction *m_distribute;
    QAction *m_array;
    QAction *m_addHall;
    QAction *m_deleteHall;
};

} // namespace th
