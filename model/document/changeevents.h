// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"

#include <QList>

namespace th {

/**
 * What changed in a document. FloorPlanDocument emits exactly one signal,
 * changed(const ChangeEvent &), after the model has changed (AboutTo* events before);
 * the scene, docks and analysis follow it (STYLE.md §4, after Tiled's changeevents.h).
 */
struct ChangeEvent
{
    enum class Type {
        EquipmentAdded,
        EquipmentAboutToBeRemoved,
        EquipmentRemoved,
        EquipmentChanged,
        StructuresChanged,
        HallChanged,
        WorkloadChanged,
        PlanPropertiesChanged,
        DocumentReloaded,
    };
    /// Which properties of equipment changed (EquipmentChanged).
    enum Property {
        Position = 0x1,
        Rotation = 0x2,
        Label = 0x4,
        Properties = 0x8,
        Size = 0x10,
        Hall = 0x20,
    };

    Type type;
    QList<quint64> ids;  ///< equipment or structure ids concerned (empty for plan-wide events)
    int properties = 0;  ///< Property bits for EquipmentChanged
    quint32 hallId = 0;  ///< HallChanged
};

} // namespace th
