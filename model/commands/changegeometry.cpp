// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/changegeometry.h"

#include "model/commands/undocommandids.h"
#include "model/document/floorplandocument.h"

#include <QCoreApplication>

namespace th {

Geometry geometryOf(const Equipment &e)
{
    return {e.hallId(), e.inYard(), e.xMm(), e.yMm(), e.rotationDeg()};
}

ChangeGeometryCommand::ChangeGeometryCommand(FloorPlanDocument *document, const QString &text,
                                             const QHash<EquipmentId, Geometry> &newGeometry, bool mergeable,
                                             QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_new(newGeometry)
    , m_mergeable(mergeable)
{
    for (auto it = newGeometry.begin(); it != newGeometry.end(); ++it) {
        if (const Equipment *e = document->plan().equipment(it.key()))
            m_old.insert(it.key(), geometryOf(*e));
    }
    // Items that vanished meanwhile cannot be moved.
    for (auto it = m_new.begin(); it != m_new.end();) {
        if (!m_old.contains(it.key()))
            it = m_new.erase(it);
        else
            ++it;
    }
    setObsolete(m_old == m_new);
}

void ChangeGeometryCommand::apply(const QHash<EquipmentId, Geometry> &geometry)
{
    FloorPlan &plan = m_document->plan();
    QList<quint64> ids;
    int props = 0;
    for (auto it = geometry.begin(); it != geometry.end(); ++it) {
        Equipment *e = plan.equipment(it.key());
        if (!e)
            continue;
        const Geometry &g = it.value();
        if (e->xMm() != g.xMm || e->yMm() != g.yMm)
            props |= ChangeEvent::Position;
        if (e->rotationDeg() != g.rotationDeg)
            props |= ChangeEvent::Rotation;
        if (e->hallId() != g.hallId || e->inYard() != g.inYard)
            props |= ChangeEvent::Hall;
        e->setHallId(g.hallId);
        e->setInYard(g.inYard);
        e->setPositionMm(g.xMm, g.yMm);
        e->setRotationDeg(g.rotationDeg);
        ids << it.key();
    }
    m_document->emitChanged({ChangeEvent::Type::EquipmentChanged, ids, props, 0});
}

void ChangeGeometryCommand::undo()
{
    apply(m_old);
}

void ChangeGeometryCommand::redo()
{
    apply(m_new);
}

int ChangeGeometryCommand::id() const
{
    return Cmd_ChangeGeometry;
}

bool ChangeGeometryCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeGeometryCommand *>(other);
    if (!m_mergeable || !o->m_mergeable || o->m_document != m_document)
        return false;
    if (QSet<EquipmentId>(m_new.keyBegin(), m_new.keyEnd()) != QSet<EquipmentId>(o->m_new.keyBegin(), o->m_new.keyEnd()))
        return false;
    m_new = o->m_new;
    setObsolete(m_old == m_new);
    return true;
}

ChangeEquipmentValueCommand::ChangeEquipmentValueCommand(FloorPlanDocument *document, const QList<EquipmentId> &ids,
                                                         const QString &key, const QVariant &value, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(key)
{
    for (EquipmentId id : ids) {
        const Equipment *e = document->plan().equipment(id);
        if (!e)
            continue;
        m_old.insert(id, key == QLatin1String("label") ? QVariant(e->label()) : e->properties().value(key));
        m_new.insert(id, value);
    }
    setText(key == QLatin1String("label") ? QCoreApplication::translate("UndoCommands", "Change Label")
                                          : QCoreApplication::translate("UndoCommands", "Change %1").arg(key));
    setObsolete(m_old == m_new);
}

void ChangeEquipmentValueCommand::apply(const QHash<EquipmentId, QVariant> &values)
{
    QList<quint64> ids;
    for (auto it = values.begin(); it != values.end(); ++it) {
        Equipment *e = m_document->plan().equipment(it.key());
        if (!e)
            continue;
        if (m_key == QLatin1String("label"))
            e->setLabel(it.value().toString());
        else
            e->setProperty(m_key, it.value());
        ids << it.key();
    }
    m_document->emitChanged({ChangeEvent::Type::EquipmentChanged, ids,
                             m_key == QLatin1String("label") ? int(ChangeEvent::Label) : int(ChangeEvent::Properties), 0});
}

void ChangeEquipmentValueCommand::undo()
{
    apply(m_old);
}

void ChangeEquipmentValueCommand::redo()
{
    apply(m_new);
}

int ChangeEquipmentValueCommand::id() const
{
    return Cmd_ChangeEquipmentValue;
}

bool ChangeEquipmentValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeEquipmentValueCommand *>(other);
    if (o->m_document != m_document || o->m_key != m_key
        || QSet<EquipmentId>(m_new.keyBegin(), m_new.keyEnd()) != QSet<EquipmentId>(o->m_new.keyBegin(), o->m_new.keyEnd()))
        return false;
    m_new = o->m_new;
    setObsolete(m_old == m_new);
    return true;
}

} // namespace th
