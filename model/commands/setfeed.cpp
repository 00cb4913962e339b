// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/setfeed.h"

#include "model/document/floorplandocument.h"

#include <QCoreApplication>

#include <algorithm>

namespace th {

namespace {
const QString kFedFrom = QStringLiteral("fed_from");
}

SetFeedCommand::SetFeedCommand(FloorPlanDocument *document, const QHash<EquipmentId, QVariant> &fedFrom, const QString &text,
                               QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
{
    for (auto it = fedFrom.begin(); it != fedFrom.end(); ++it) {
        const Equipment *e = document->plan().equipment(it.key());
        if (!e)
            continue;
        m_old.insert(it.key(), e->properties().value(kFedFrom));
        m_new.insert(it.key(), it.value());
    }
    setObsolete(m_old == m_new);
}

SetFeedCommand *SetFeedCommand::clearFeeds(FloorPlanDocument *document, const QList<EquipmentId> &ids)
{
    QHash<EquipmentId, QVariant> values;
    for (EquipmentId id : ids) {
        const Equipment *e = document->plan().equipment(id);
        if (e && e->properties().contains(kFedFrom))
            values.insert(id, QVariant());
    }
    return new SetFeedCommand(document, values, QCoreApplication::translate("UndoCommands", "Clear Feed (Automatic)"));
}

void SetFeedCommand::apply(const QHash<EquipmentId, QVariant> &values)
{
    QList<quint64> ids;
    for (auto it = values.begin(); it != values.end(); ++it) {
        Equipment *e = m_document->plan().equipment(it.key());
        if (!e)
            continue;
        e->setProperty(kFedFrom, it.value());
        ids << it.key();
    }
    std::sort(ids.begin(), ids.end());
    m_document->emitChanged({ChangeEvent::Type::EquipmentChanged, ids, int(ChangeEvent::Properties), 0});
}

} // namespace th
