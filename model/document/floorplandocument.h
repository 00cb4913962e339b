// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeevents.h"
#include "model/document/floorplan.h"

#include <QObject>
#include <QUndoStack>

namespace th {

/**
 * An open plan: the FloorPlan, its undo stack, file name and modified flag (tied to the undo
 * stack's clean state). Only undo commands change the plan (model/commands); they call the
 * emit* helpers so every change reaches the views as one typed event.
 */
class FloorPlanDocument : public QObject
{
    Q_OBJECT
public:
    explicit FloorPlanDocument(QObject *parent = nullptr);
    ~FloorPlanDocument() override;

    FloorPlan &plan() { return m_plan; }
    const FloorPlan &plan() const { return m_plan; }
    QUndoStack *undoStack() { return &m_undoStack; }

    QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    bool isModified() const { return !m_undoStack.isClean(); }
    /// Marks the current state as saved.
    void setClean() { m_undoStack.setClean(); }

    /// Replaces the whole plan (after loading a file, or "new"); clears the undo history.
    void resetPlan(const FloorPlan &plan);

    // For commands only.
    void emitChanged(const ChangeEvent &event) { emit changed(event); }

signals:
    void changed(const th::ChangeEvent &event);
    void modifiedChanged(bool modified);
    void fileNameChanged(const QString &fileName);

private:
    FloorPlan m_plan;
    QUndoStack m_undoStack;
    QString m_fileName;
};

} // namespace th
