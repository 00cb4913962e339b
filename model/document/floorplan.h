// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/equipment.h"
#include "model/document/hall.h"
#include "model/document/structure.h"
#include "model/document/workload.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace th {

/**
 * The plan: halls, the equipment placed in them, structures and an optional workload.
 * Owns its items; ids are unique and never reused within a plan (nextId only grows), so undo
 * commands can refer to items by id.
 *
 * Equipment is kept in insertion order (the file order) with an id index for O(1) lookup;
 * the order matters for byte-identical round trips.
 */
class FloorPlan
{
public:
    FloorPlan();
    FloorPlan(const FloorPlan &other);
    FloorPlan &operator=(const FloorPlan &other);
    ~FloorPlan();

    QString name;
    QString author;
    QString description;
    QString siteId;             ///< climate site (data/climate/sites.csv id); empty = the analysis default
    QJsonObject unknownFields;  ///< top-level fields of the file this build does not know

    // Halls
    const QList<Hall> &halls() const { return m_halls; }
    const Hall *hall(HallId id) const;
    Hall *hall(HallId id);
    void addHall(const Hall &hall);
    /// Inserts at `index` (clamped to the list); undo of a hall removal restores the order.
    void insertHall(int index, const Hall &hall);
    /// Position of the hall in halls(), -1 if absent.
    int hallIndex(HallId id) const;
    /// An id no hall uses (one above the largest).
    HallId unusedHallId() const;
    void removeHall(HallId id);
    void setHall(const Hall &hall);

    // Equipment
    int equipmentCount() const { return int(m_equipment.size()); }
    const Equipment &equipmentAt(int index) const { return *m_equipment[std::size_t(index)]; }
    Equipment *equipment(EquipmentId id);
    const Equipment *equipment(EquipmentId id) const;
    int indexOf(EquipmentId id) const;
    /// Inserts at `index` (-1 = end) and takes ownership.
    void insertEquipment(std::unique_ptr<Equipment> item, int index = -1);
    /// Removes and returns the item (ownership passes to the caller, e.g. an undo command).
    std::unique_ptr<Equipment> takeEquipment(EquipmentId id, int *indexOut = nullptr);

    // Structures
    const QList<Structure> &structures() const { return m_structures; }
    const Structure *structure(StructureId id) const;
    void insertStructure(const Structure &s, int index = -1);
    std::optional<Structure> takeStructure(StructureId id, int *indexOut = nullptr);
    void setStructure(const Structure &s);

    // Workload
    const std::optional<Workload> &workload() const { return m_workload; }
    void setWorkload(const std::optional<Workload> &w) { m_workload = w; }

    /// A fresh id for a new equipment item or structure (shared counter).
    quint64 allocateId() { return m_nextId++; }
    quint64 nextId() const { return m_nextId; }
    void setNextId(quint64 next) { m_nextId = next; }

    bool operator==(const FloorPlan &other) const;

private:
    void reindex();

    QList<Hall> m_halls;
    std::vector<std::unique_ptr<Equipment>> m_equipment;
    QHash<EquipmentId, Equipment *> m_index;
    QList<Structure> m_structures;
    std::optional<Workload> m_workload;
    quint64 m_nextId = 1;
};

} // namespace th
