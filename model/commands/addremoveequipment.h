// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QUndoCommand>

#include <memory>
#include <vector>

namespace th {

class FloorPlanDocument;

/**
 * Adds or removes a set of equipment items (Tiled's AddRemoveMapObjects). The command owns the
 * items while they are out of the plan; positions in the plan's order are recorded so that undo
 * restores the exact order (byte-identical files after undo).
 */
class AddRemoveEquipmentCommand : public QUndoCommand
{
public:
    ~AddRemoveEquipmentCommand() override;

protected:
    AddRemoveEquipmentCommand(FloorPlanDocument *document, QUndoCommand *parent);
    void addItems();
    void removeItems();

    FloorPlanDocument *m_document;
    struct Entry
    {
        std::unique_ptr<Equipment> item; ///< owned while not in the plan
        EquipmentId id = 0;
        int index = -1;
    };
    std::vector<Entry> m_entries;
};

class AddEquipmentCommand : public AddRemoveEquipmentCommand
{
public:
    /// Items with id 0 get a fresh id from the plan.
    AddEquipmentCommand(FloorPlanDocument *document, std::vector<Equipment> items, QUndoCommand *parent = nullptr);
    void redo() override { addItems(); }
    void undo() override { removeItems(); }
    QList<EquipmentId> ids() const;
};

class RemoveEquipmentCommand : public AddRemoveEquipmentCommand
{
public:
    RemoveEquipmentCommand(FloorPlanDocument *document, const QList<EquipmentId> &ids, QUndoCommand *parent = nullptr);
    void redo() override { removeItems(); }
    void undo() override { addItems(); }
};

} // namespace th
