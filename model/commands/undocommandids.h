// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace th {

/// QUndoCommand::id() values: commands with the same id may merge (STYLE.md §5).
enum UndoCommandId {
    Cmd_ChangeGeometry = 1,
    Cmd_ChangeEquipmentValue,
    Cmd_ChangeHall,
    Cmd_ChangeStructure,
    Cmd_SetWorkload,
    Cmd_ChangePlanProperties,
    Cmd_MoveStructures,
};

} // namespace th
