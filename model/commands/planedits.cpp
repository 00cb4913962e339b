// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/planedits.h"

#include "model/commands/addremoveequipment.h"
#include "model/commands/undocommandids.h"
#include "model/document/floorplandocument.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UndoCommands)
};
} // namespace

ChangeHallCommand::ChangeHallCommand(FloorPlanDocument *document, const Hall &newHall, QUndoCommand *parent)
    : QUndoCommand(Tr::tr("Change Hall"), parent)
    , m_document(document)
    , m_new(newHall)
{
    if (const Hall *h = document->plan().hall(newHall.id))
        m_old = *h;
    setObsolete(m_old == m_new);
}

void ChangeHallCommand::apply(const Hall &hall)
{
    m_document->plan().setHall(hall);
    m_document->emitChanged({ChangeEvent::Type::HallChanged, {}, 0, hall.id});
}

int ChangeHallCommand::id() const
{
    return Cmd_ChangeHall;
}

bool ChangeHallCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeHallCommand *>(other);
    if (o->m_document != m_document || o->m_new.id != m_new.id)
        return false;
    m_new = o->m_new;
    setObsolete(m_old == m_new);
    return true;
}

AddHallCommand::AddHallCommand(FloorPlanDocument *document, const Hall &hall, QUndoCommand *parent)
    : QUndoCommand(Tr::tr("Add Hall"), parent)
    , m_document(document)
    , m_hall(hall)
{
}

void AddHallCommand::redo()
{
    m_document->plan().addHall(m_hall);
    m_document->emitChanged({ChangeEvent::Type::HallChanged, {}, 0, m_hall.id});
}

void AddHallCommand::undo()
{
    m_document->plan().removeHall(m_hall.id);
    m_document->emitChanged({ChangeEvent::Type::HallChanged, {}, 0, m_hall.id});
}

namespace {

/// The hall itself, as the last child of RemoveHallCommand (after its contents went).
class RemoveHallOnlyCommand : public QUndoCommand
{
public:
    RemoveHallOnlyCommand(FloorPlanDocument *document, const Hall &hall, QUndoCommand *parent)
        : QUndoCommand(parent)
        , m_document(document)
        , m_hall(hall)
    {
    }
    void redo() override
    {
        m_index = m_document->plan().hallIndex(m_hall.id);
        m_document->plan().removeHall(m_hall.id);
        m_document->emitChanged({ChangeEvent::Type::HallChanged, {}, 0, m_hall.id});
    }
    void undo() override
    {
        m_document->plan().insertHall(m_index, m_hall);
        m_document->emitChanged({ChangeEvent::Type::HallChanged, {}, 0, m_hall.id});
    }

private:
    FloorPlanDocument *m_document;
    Hall m_hall;
    int m_index = -1;
};

} // namespace

RemoveHallCommand::RemoveHallCommand(FloorPlanDocument *document, HallId hallId, QUndoCommand *parent)
    : QUndoCommand(parent)
{
    const FloorPlan &plan = document->plan();
    const Hall *hall = plan.hall(hallId);
    setText(Tr::tr("Delete Hall %1").arg(hall ? hall->name : QString::number(hallId)));
    if (!hall) {
        setObsolete(true);
        return;
    }
    QList<EquipmentId> items;
    for (int i = 0; i < plan.equipmentCount(); ++i) {
        if (plan.equipmentAt(i).hallId() == hallId)
            items << plan.equipmentAt(i).id();
    }
    QList<Structure> structures;
    for (const Structure &s : plan.structures()) {
        if (s.hallId == hallId)
            structures << s;
    }
    // Children run in order on redo and in reverse on undo: the hall comes back first.
    if (!items.isEmpty())
        new RemoveEquipmentCommand(document, items, this);
    if (!structures.isEmpty())
        new AddRemoveStructuresCommand(document, AddRemoveStructuresCommand::Mode::Remove, structures, this);
    new RemoveHallOnlyCommand(document, *hall, this);
}

MoveStructuresCommand::MoveStructuresCommand(FloorPlanDocument *document, const QHash<quint64, QRectF> &newRects, int mergeKey,
                                             QUndoCommand *parent)
    : QUndoCommand(Tr::tr("Move Structure"), parent)
    , m_document(document)
    , m_mergeKey(mergeKey)
{
    for (auto it = newRects.begin(); it != newRects.end(); ++it) {
        if (const Structure *s = document->plan().structure(it.key())) {
            m_old.insert(it.key(), s->rectMm);
            m_new.insert(it.key(), it.value());
        }
    }
    setObsolete(m_old == m_new);
}

void MoveStructuresCommand::apply(const QHash<quint64, QRectF> &rects)
{
    QList<quint64> ids;
    for (auto it = rects.begin(); it != rects.end(); ++it) {
        if (const Structure *current = m_document->plan().structure(it.key())) {
            Structure s = *current;
            s.rectMm = it.value();
            m_document->plan().setStructure(s);
            ids << it.key();
        }
    }
    m_document->emitChanged({ChangeEvent::Type::StructuresChanged, ids, 0, 0});
}

int MoveStructuresCommand::id() const
{
    return m_mergeKey != 0 ? int(Cmd_MoveStructures) : -1;
}

bool MoveStructuresCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const MoveStructuresCommand *>(other);
    if (o->m_document != m_document || o->m_mergeKey != m_mergeKey || o->m_new.size() != m_new.size())
        return false;
    for (auto it = o->m_new.begin(); it != o->m_new.end(); ++it) {
        if (!m_new.contains(it.key()))
            return false;
    }
    m_new = o->m_new;
    setObsolete(m_old == m_new);
    return true;
}

AddRemoveStructuresCommand::AddRemoveStructuresCommand(FloorPlanDocument *document, Mode mode, QList<Structure> structures,
                                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_mode(mode)
    , m_structures(std::move(structures))
{
    for (Structure &s : m_structures) {
        if (s.id == 0)
            s.id = document->plan().allocateId();
    }
    setText(mode == Mode::Add ? Tr::tr("Add Structure") : Tr::tr("Delete Structure"));
}

void AddRemoveStructuresCommand::add()
{
    QList<quint64> ids;
    // Re-insert in ascending order of the recorded indexes: each index is then valid when used,
    // whatever order the structures were given in (found by tst_undoproperty).
    QList<int> order;
    for (int i = 0; i < m_structures.size(); ++i)
        order << i;
    auto indexOf = [this](int i) { return i < m_indexes.size() && m_indexes.at(i) >= 0 ? m_indexes.at(i) : INT_MAX; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return indexOf(a) < indexOf(b); });
    for (int i : std::as_const(order))
        m_document->plan().insertStructure(m_structures.at(i), i < m_indexes.size() ? m_indexes.at(i) : -1);
    for (const Structure &s : std::as_const(m_structures))
        ids << s.id;
    m_document->emitChanged({ChangeEvent::Type::StructuresChanged, ids, 0, 0});
}

void AddRemoveStructuresCommand::remove()
{
    QList<quint64> ids;
    m_indexes.clear();
    // Remove in reverse so recorded indexes stay valid when re-inserted in forward order.
    QList<int> indexes;
    for (const Structure &s : m_structures) {
        int idx = -1;
        for (int i = 0; i < m_document->plan().structures().size(); ++i) {
            if (m_document->plan().structures().at(i).id == s.id)
                idx = i;
        }
        indexes << idx;
        ids << s.id;
    }
    for (qsizetype i = m_structures.size() - 1; i >= 0; --i) {
        if (std::optional<Structure> taken = m_document->plan().takeStructure(m_structures.at(i).id))
            m_structures[i] = *taken;
    }
    m_indexes = indexes;
    m_document->emitChanged({ChangeEvent::Type::StructuresChanged, ids, 0, 0});
}

ChangeStructureCommand::ChangeStructureCommand(FloorPlanDocument *document, const Structure &newValue, QUndoCommand *parent)
    : QUndoCommand(Tr::tr("Change Structure"), parent)
    , m_document(document)
    , m_new(newValue)
{
    if (const Structure *s = document->plan().structure(newValue.id))
        m_old = *s;
    setObsolete(m_old == m_new);
}

void ChangeStructureCommand::apply(const Structure &s)
{
    m_document->plan().setStructure(s);
    m_document->emitChanged({ChangeEvent::Type::StructuresChanged, {s.id}, 0, 0});
}

SetWorkloadCommand::SetWorkloadCommand(FloorPlanDocument *document, const std::optional<Workload> &workload, QUndoCommand *parent)
    : QUndoCommand(workload ? Tr::tr("Set Workload") : Tr::tr("Remove Workload"), parent)
    , m_document(document)
    , m_old(document->plan().workload())
    , m_new(workload)
{
    setObsolete(m_old == m_new);
}

void SetWorkloadCommand::apply(const std::optional<Workload> &w)
{
    m_document->plan().setWorkload(w);
    m_document->emitChanged({ChangeEvent::Type::WorkloadChanged, {}, 0, 0});
}

int SetWorkloadCommand::id() const
{
    return Cmd_SetWorkload;
}

bool SetWorkloadCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetWorkloadCommand *>(other);
    if (o->m_document != m_document || !m_new || !o->m_new)
        return false;
    m_new = o->m_new;
    setObsolete(m_old == m_new);
    return true;
}

PlanProperties ChangePlanPropertiesCommand::current(const FloorPlanDocument *document)
{
    const FloorPlan &plan = document->plan();
    return {plan.name, plan.author, plan.description, plan.siteId};
}

ChangePlanPropertiesCommand::ChangePlanPropertiesCommand(FloorPlanDocument *document, const PlanProperties &properties,
                                                         QUndoCommand *parent)
    : QUndoCommand(Tr::tr("Change Plan Properties"), parent)
    , m_document(document)
    , m_old(current(document))
    , m_new(properties)
{
    setObsolete(m_old == m_new);
}

ChangePlanPropertiesCommand::ChangePlanPropertiesCommand(FloorPlanDocument *document, const QString &name,
                                                         const QString &author, QUndoCommand *parent)
    : ChangePlanPropertiesCommand(document, PlanProperties{name, author, document->plan().description, document->plan().siteId},
                                  parent)
{
}

void ChangePlanPropertiesCommand::apply(const PlanProperties &p)
{
    FloorPlan &plan = m_document->plan();
    plan.name = p.name;
    plan.author = p.author;
    plan.description = p.description;
    plan.siteId = p.siteId;
    m_document->emitChanged({ChangeEvent::Type::PlanPropertiesChanged, {}, 0, 0});
}

} // namespace th
