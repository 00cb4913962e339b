// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/addremoveequipment.h"

#include "model/document/floorplandocument.h"

#include <QCoreApplication>

#include <algorithm>

namespace th {

AddRemoveEquipmentCommand::AddRemoveEquipmentCommand(FloorPlanDocument *document, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{
}

AddRemoveEquipmentCommand::~AddRemoveEquipmentCommand() = default;

void AddRemoveEquipmentCommand::addItems()
{
    FloorPlan &plan = m_document->plan();
    QList<quint64> ids;
    // Ascending index order so that each recorded index is valid when inserted.
    std::vector<Entry *> order;
    for (Entry &e : m_entries)
        order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [](const Entry *a, const Entry *b) {
        if (a->index < 0 || b->index < 0)
            return a->index >= 0 && b->index < 0;
        return a->index < b->index;
    });
    for (Entry *e : order) {
        ids << e->id;
        plan.insertEquipment(std::move(e->item), e->index);
    }
    QUndoCommand::redo(); // children, if any
    m_document->emitChanged({ChangeEvent::Type::EquipmentAdded, ids, 0, 0});
}

void AddRemoveEquipmentCommand::removeItems()
{
    FloorPlan &plan = m_document->plan();
    QList<quint64> ids;
    for (const Entry &e : m_entries)
        ids << e.id;
    m_document->emitChanged({ChangeEvent::Type::EquipmentAboutToBeRemoved, ids, 0, 0});
    // Record indexes before taking anything out, then remove from the highest index down.
    for (Entry &e : m_entries)
        e.index = plan.indexOf(e.id);
    std::vector<Entry *> order;
    for (Entry &e : m_entries)
        order.push_back(&e);
    std::sort(order.begin(), order.end(), [](const Entry *a, const Entry *b) { return a->index > b->index; });
    for (Entry *e : order)
        e->item = plan.takeEquipment(e->id);
    m_document->emitChanged({ChangeEvent::Type::EquipmentRemoved, ids, 0, 0});
}

AddEquipmentCommand::AddEquipmentCommand(FloorPlanDocument *document, std::vector<Equipment> items, QUndoCommand *parent)
    : AddRemoveEquipmentCommand(document, parent)
{
    FloorPlan &plan = document->plan();
    for (Equipment &item : items) {
        if (item.id() == 0)
            item.setId(plan.allocateId());
        Entry e;
        e.id = item.id();
        e.item = std::make_unique<Equipment>(std::move(item));
        m_entries.push_back(std::move(e));
    }
    setText(QCoreApplication::translate("UndoCommands", "Add %n Item(s)", nullptr, int(m_entries.size())));
}

QList<EquipmentId> AddEquipmentCommand::ids() const
{
    QList<EquipmentId> out;
    for (const Entry &e : m_entries)
        out << e.id;
    return out;
}

RemoveEquipmentCommand::RemoveEquipmentCommand(FloorPlanDocument *document, const QList<EquipmentId> &ids, QUndoCommand *parent)
    : AddRemoveEquipmentCommand(document, parent)
{
    for (EquipmentId id : ids) {
        Entry e;
        e.id = id;
        m_entries.push_back(std::move(e));
    }
    setText(QCoreApplication::translate("UndoCommands", "Delete %n Item(s)", nullptr, int(ids.size())));
}

} // namespace th
