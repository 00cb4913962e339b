// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QHash>
#include <QUndoCommand>
#include <QVariant>

namespace th {

class FloorPlanDocument;

/**
 * Sets or clears the user-drawn power feeds (`fed_from`, A first) of items: one connection-tool
 * gesture, or "Clear Feed" on a selection, is one undo step. An invalid QVariant clears the
 * property, so the facility analysis assigns the feeds automatically again. Never merges: two
 * drawn feeds are two steps. Legality is checked before (checkFeed() in model/analysis/feedrules.h).
 * Emits EquipmentChanged with the Properties bit for the items it changed.
 */
class SetFeedCommand : public QUndoCommand
{
public:
    /// `fedFrom` per item (invalid = clear); `text` names the step ("Connect Feed A"...).
    SetFeedCommand(FloorPlanDocument *document, const QHash<EquipmentId, QVariant> &fedFrom, const QString &text,
                   QUndoCommand *parent = nullptr);
    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }

    /// A command that clears the drawn feeds of `ids` (items without any are skipped).
    static SetFeedCommand *clearFeeds(FloorPlanDocument *document, const QList<EquipmentId> &ids);

private:
    void apply(const QHash<EquipmentId, QVariant> &values);

    FloorPlanDocument *m_document;
    QHash<EquipmentId, QVariant> m_old;
    QHash<EquipmentId, QVariant> m_new;
};

} // namespace th
