// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/hall.h"
#include "model/document/structure.h"
#include "model/document/workload.h"

#include <QHash>
#include <QRectF>
#include <QUndoCommand>

#include <optional>

namespace th {

class FloorPlanDocument;

/// Changes a hall's size, tile, yard, floor rating or name (the whole value); spin-box edits
/// of the same hall merge into one step.
class ChangeHallCommand : public QUndoCommand
{
public:
    ChangeHallCommand(FloorPlanDocument *document, const Hall &newHall, QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const Hall &hall);
    FloorPlanDocument *m_document;
    Hall m_old;
    Hall m_new;
};

/**
 * Removes a hall with everything on it (its equipment, yard items and structures) as one undo
 * step; undo restores the hall at its place in the hall order and the items in their order.
 * Refuses nothing itself: callers keep the last hall (the UI does).
 */
class RemoveHallCommand : public QUndoCommand
{
public:
    RemoveHallCommand(FloorPlanDocument *document, HallId hallId, QUndoCommand *parent = nullptr);
};

/**
 * Moves or resizes structures (new rectangles by id). With a non-zero `mergeKey`, commands with
 * the same key merge into one undo step (one mouse drag), and a drag that returns to where it
 * began leaves no step (obsolete), as ChangeGeometryCommand does for equipment.
 */
class MoveStructuresCommand : public QUndoCommand
{
public:
    MoveStructuresCommand(FloorPlanDocument *document, const QHash<quint64, QRectF> &newRects, int mergeKey = 0,
                          QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QHash<quint64, QRectF> &rects);
    FloorPlanDocument *m_document;
    QHash<quint64, QRectF> m_old;
    QHash<quint64, QRectF> m_new;
    int m_mergeKey;
};

/// Adds (redo) or removes (undo) a hall.
class AddHallCommand : public QUndoCommand
{
public:
    AddHallCommand(FloorPlanDocument *document, const Hall &hall, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    FloorPlanDocument *m_document;
    Hall m_hall;
};

/// Adds or removes structures (walls, columns, doors, aisles), keeping their order.
class AddRemoveStructuresCommand : public QUndoCommand
{
public:
    enum class Mode { Add, Remove };
    AddRemoveStructuresCommand(FloorPlanDocument *document, Mode mode, QList<Structure> structures,
                               QUndoCommand *parent = nullptr);
    void undo() override { m_mode == Mode::Add ? remove() : add(); }
    void redo() override { m_mode == Mode::Add ? add() : remove(); }

private:
    void add();
    void remove();
    FloorPlanDocument *m_document;
    Mode m_mode;
    QList<Structure> m_structures;
    QList<int> m_indexes;
};

/// Replaces one structure's rectangle, kind or label.
class ChangeStructureCommand : public QUndoCommand
{
public:
    ChangeStructureCommand(FloorPlanDocument *document, const Structure &newValue, QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }

private:
    void apply(const Structure &s);
    FloorPlanDocument *m_document;
    Structure m_old;
    Structure m_new;
};

/// Attaches, changes or detaches (nullopt) the plan's workload.
class SetWorkloadCommand : public QUndoCommand
{
public:
    SetWorkloadCommand(FloorPlanDocument *document, const std::optional<Workload> &workload, QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const std::optional<Workload> &w);
    FloorPlanDocument *m_document;
    std::optional<Workload> m_old;
    std::optional<Workload> m_new;
};

/// The plan's own properties (not halls or equipment): what Plan ▸ Plan Properties edits.
struct PlanProperties
{
    QString name;
    QString author;
    QString description;
    QString siteId; ///< climate site (data/climate/sites.csv id); empty = the analysis default

    bool operator==(const PlanProperties &) const = default;
};

/// Changes the plan's name, author, description and climate site in one step.
class ChangePlanPropertiesCommand : public QUndoCommand
{
public:
    ChangePlanPropertiesCommand(FloorPlanDocument *document, const PlanProperties &properties,
                                QUndoCommand *parent = nullptr);
    /// Name and author only; description and site stay.
    ChangePlanPropertiesCommand(FloorPlanDocument *document, const QString &name, const QString &author,
                                QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }

    /// The properties of the document's plan as they are.
    static PlanProperties current(const FloorPlanDocument *document);

private:
    void apply(const PlanProperties &p);
    FloorPlanDocument *m_document;
    PlanProperties m_old, m_new;
};

} // namespace th
