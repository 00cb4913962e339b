// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/changegeometry.h"

namespace th {

/**
 * One snapped step of a mouse drag. Steps of the same drag (same serial) merge into one undo
 * step; a new drag never merges into the previous one, even when it moves the same items, and
 * even after the current drag returned to its start (its command then left the stack as
 * obsolete). This is Tiled's "reset merge on mouse press", keyed by a serial per press.
 */
class DragGeometryCommand : public ChangeGeometryCommand
{
public:
    DragGeometryCommand(FloorPlanDocument *document, const QString &text,
                        const QHash<EquipmentId, Geometry> &newGeometry, int dragSerial)
        : ChangeGeometryCommand(document, text, newGeometry, true)
        , m_serial(dragSerial)
    {
    }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = dynamic_cast<const DragGeometryCommand *>(other);
        if (!o || o->m_serial != m_serial)
            return false;
        return ChangeGeometryCommand::mergeWith(other);
    }

    /// A fresh serial for a new drag.
    static int nextSerial()
    {
        static int serial = 0;
        return ++serial;
    }

private:
    int m_serial;
};

} // namespace th
