// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QHash>
#include <QUndoCommand>

namespace th {

class FloorPlanDocument;

/// Where an item is: hall, yard flag, top-left in mm, rotation.
struct Geometry
{
    HallId hallId = 0;
    bool inYard = false;
    double xMm = 0.0;
    double yMm = 0.0;
    int rotationDeg = 0;
    bool operator==(const Geometry &) const = default;
};

Geometry geometryOf(const Equipment &e);

/**
 * Moves, rotates, aligns or distributes items: old and new geometry per item. Used for drags:
 * while `mergeable` is true, a new command with the same item set merges into this one
 * (Tiled's setMergeable pattern), so a whole drag is one undo step; a drag that ends where it
 * began makes the command obsolete (no undo step).
 */
class ChangeGeometryCommand : public QUndoCommand
{
public:
    ChangeGeometryCommand(FloorPlanDocument *document, const QString &text,
                          const QHash<EquipmentId, Geometry> &newGeometry, bool mergeable = false,
                          QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QHash<EquipmentId, Geometry> &geometry);

    FloorPlanDocument *m_document;
    QHash<EquipmentId, Geometry> m_old;
    QHash<EquipmentId, Geometry> m_new;
    bool m_mergeable;
};

/// Changes one value of items: the label (key "label") or a type-specific property.
/// Typing in the inspector merges into one step per item set and key.
class ChangeEquipmentValueCommand : public QUndoCommand
{
public:
    ChangeEquipmentValueCommand(FloorPlanDocument *document, const QList<EquipmentId> &ids, const QString &key,
                                const QVariant &value, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QHash<EquipmentId, QVariant> &values);

    FloorPlanDocument *m_document;
    QString m_key;
    QHash<EquipmentId, QVariant> m_old;
    QHash<EquipmentId, QVariant> m_new;
};

} // namespace th
