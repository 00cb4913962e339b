// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/floorplan.h"

#include <algorithm>

#include <QCoreApplication>

namespace th {

QRectF Equipment::footprintMm() const
{
    const bool swapped = m_rotationDeg == 90 || m_rotationDeg == 270;
    return QRectF(m_xMm, m_yMm, swapped ? m_depthMm : m_widthMm, swapped ? m_widthMm : m_depthMm);
}

QString structureKindKey(StructureKind kind)
{
    switch (kind) {
    case StructureKind::Wall:
        return QStringLiteral("wall");
    case StructureKind::Column:
        return QStringLiteral("column");
    case StructureKind::Door:
        return QStringLiteral("door");
    case StructureKind::HotAisle:
        return QStringLiteral("hot_aisle");
    case StructureKind::ColdAisle:
        return QStringLiteral("cold_aisle");
    }
    return QString();
}

std::optional<StructureKind> structureKindFromKey(const QString &key)
{
    for (StructureKind k : {StructureKind::Wall, StructureKind::Column, StructureKind::Door, StructureKind::HotAisle,
                            StructureKind::ColdAisle}) {
        if (structureKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

FloorPlan::FloorPlan() = default;
FloorPlan::~FloorPlan() = default;

FloorPlan::FloorPlan(const FloorPlan &other)
{
    *this = other;
}

FloorPlan &FloorPlan::operator=(const FloorPlan &other)
{
    if (this == &other)
        return *this;
    name = other.name;
    author = other.author;
    description = other.description;
    siteId = other.siteId;
    unknownFields = other.unknownFields;
    m_halls = other.m_halls;
    m_structures = other.m_structures;
    m_workload = other.m_workload;
    m_nextId = other.m_nextId;
    m_equipment.clear();
    m_equipment.reserve(other.m_equipment.size());
    for (const auto &e : other.m_equipment)
        m_equipment.push_back(std::make_unique<Equipment>(*e));
    reindex();
    return *this;
}

bool FloorPlan::operator==(const FloorPlan &other) const
{
    if (name != other.name || author != other.author || description != other.description || siteId != other.siteId || unknownFields != other.unknownFields
        || m_halls != other.m_halls || m_structures != other.m_structures || m_workload != other.m_workload
        || m_equipment.size() != other.m_equipment.size())
        return false;
    for (std::size_t i = 0; i < m_equipment.size(); ++i) {
        if (!(*m_equipment[i] == *other.m_equipment[i]))
            return false;
    }
    return true;
}

void FloorPlan::reindex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_equipment.size()));
    for (const auto &e : m_equipment)
        m_index.insert(e->id(), e.get());
}

const Hall *FloorPlan::hall(HallId id) const
{
    for (const Hall &h : m_halls) {
        if (h.id == id)
            return &h;
    }
    return nullptr;
}

Hall *FloorPlan::hall(HallId id)
{
    for (Hall &h : m_halls) {
        if (h.id == id)
            return &h;
    }
    return nullptr;
}

void FloorPlan::addHall(const Hall &hall)
{
    m_halls.append(hall);
}

void FloorPlan::insertHall(int index, const Hall &hall)
{
    m_halls.insert(std::clamp(index, 0, int(m_halls.size())), hall);
}

int FloorPlan::hallIndex(HallId id) const
{
    for (int i = 0; i < m_halls.size(); ++i) {
        if (m_halls[i].id == id)
            return i;
    }
    return -1;
}

HallId FloorPlan::unusedHallId() const
{
    HallId max = 0;
    for (const Hall &h : m_halls)
        max = std::max(max, h.id);
    return max + 1;
}

void FloorPlan::removeHall(HallId id)
{
    m_halls.removeIf([id](const Hall &h) { return h.id == id; });
}

void FloorPlan::setHall(const Hall &hall)
{
    if (Hall *h = this->hall(hall.id))
        *h = hall;
}

Equipment *FloorPlan::equipment(EquipmentId id)
{
    return m_index.value(id, nullptr);
}

const Equipment *FloorPlan::equipment(EquipmentId id) const
{
    return m_index.value(id, nullptr);
}

int FloorPlan::indexOf(EquipmentId id) const
{
    for (std::size_t i = 0; i < m_equipment.size(); ++i) {
        if (m_equipment[i]->id() == id)
            return int(i);
    }
    return -1;
}

void FloorPlan::insertEquipment(std::unique_ptr<Equipment> item, int index)
{
    Equipment *raw = item.get();
    if (index < 0 || std::size_t(index) >= m_equipment.size())
        m_equipment.push_back(std::move(item));
    else
        m_equipment.insert(m_equipment.begin() + index, std::move(item));
    m_index.insert(raw->id(), raw);
    if (raw->id() >= m_nextId)
        m_nextId = raw->id() + 1;
}

std::unique_ptr<Equipment> FloorPlan::takeEquipment(EquipmentId id, int *indexOut)
{
    const int index = indexOf(id);
    if (indexOut)
        *indexOut = index;
    if (index < 0)
        return nullptr;
    std::unique_ptr<Equipment> item = std::move(m_equipment[std::size_t(index)]);
    m_equipment.erase(m_equipment.begin() + index);
    m_index.remove(id);
    return item;
}

const Structure *FloorPlan::structure(StructureId id) const
{
    for (const Structure &s : m_structures) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void FloorPlan::insertStructure(const Structure &s, int index)
{
    if (index < 0 || index > m_structures.size())
        m_structures.append(s);
    else
        m_structures.insert(index, s);
    if (s.id >= m_nextId)
        m_nextId = s.id + 1;
}

std::optional<Structure> FloorPlan::takeStructure(StructureId id, int *indexOut)
{
    for (int i = 0; i < m_structures.size(); ++i) {
        if (m_structures.at(i).id == id) {
            if (indexOut)
                *indexOut = i;
            return m_structures.takeAt(i);
        }
    }
    if (indexOut)
        *indexOut = -1;
    return std::nullopt;
}

void FloorPlan::setStructure(const Structure &s)
{
    for (Structure &existing : m_structures) {
        if (existing.id == s.id)
            existing = s;
    }
}

} // namespace th
