// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace th {

/**
 * Item indices bucketed by grid cell (within a group: a hall, or a hall's yard) for the
 * neighbour searches of the plan analysis (overlaps, aisles). A cell's items come back in the
 * order they were added, as the hash map of vectors this replaces kept them, so the searches
 * find pairs in the same order. One flat array filed by cell and an open-addressing index of
 * the occupied cells: the map of vectors cost a malloc per occupied cell and per growth of its
 * vector, ~32,000 per recompute of the 5,000-item bench plan (callgrind, 2026-11-23).
 */
class CellBuckets
{
public:
    /// Forgets the items; keeps the memory (and the index's size) for the next build.
    void clear()
    {
        m_entries.clear();
        m_items.clear(); // at() finds nothing until the next finish()
    }

    void add(std::uint64_t group, int cx, int cy, int item) { m_entries.push_back({group, cellKey(cx, cy), item}); }

    /// Files the added items by cell (a counting sort: each cell's items stay in the order
    /// added); call once after the last add().
    void finish()
    {
        // The last table's size (clear() keeps it): a recompute of the same plan does not grow it.
        const std::size_t size = m_slots.size() > 16 ? m_slots.size() : 16;
        m_slots.assign(size, Slot{});
        m_mask = size - 1;
        std::size_t cells = 0;
        for (const Entry &e : m_entries) {
            if (2 * (cells + 1) > m_slots.size())
                grow();
            std::size_t s = find(e.group, e.cell);
            if (m_slots[s].count == 0) {
                m_slots[s].group = e.group;
                m_slots[s].cell = e.cell;
                ++cells;
            }
            ++m_slots[s].count;
        }
        std::uint32_t begin = 0;
        for (Slot &slot : m_slots) {
            slot.begin = begin;
            begin += slot.count;
        }
        m_items.resize(m_entries.size());
        for (const Entry &e : m_entries) {
            Slot &slot = m_slots[find(e.group, e.cell)];
            m_items[slot.begin + slot.filled++] = e.item;
        }
    }

    /// The items of a cell, in the order added; empty for a cell without items.
    std::span<const int> at(std::uint64_t group, int cx, int cy) const
    {
        if (m_items.empty())
            return {};
        const Slot &slot = m_slots[find(group, cellKey(cx, cy))];
        return {m_items.data() + slot.begin, slot.count};
    }

private:
    struct Entry
    {
        std::uint64_t group;
        std::uint64_t cell;
        int item;
    };
    struct Slot
    {
        std::uint64_t group = 0, cell = 0;
        std::uint32_t begin = 0, count = 0; ///< count == 0: a free slot (an occupied one holds >= 1 item)
        std::uint32_t filled = 0;           ///< items written so far (finish())
    };

    /// The slot of a cell, or the free slot where it would go (linear probing; never full).
    std::size_t find(std::uint64_t group, std::uint64_t cell) const
    {
        std::size_t s = hash(group, cell) & m_mask;
        while (m_slots[s].count != 0 && (m_slots[s].cell != cell || m_slots[s].group != group))
            s = (s + 1) & m_mask;
        return s;
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        m_mask = m_slots.size() - 1;
        for (const Slot &slot : old)
            if (slot.count != 0)
                m_slots[find(slot.group, slot.cell)] = slot;
    }

    static std::uint64_t cellKey(int cx, int cy) { return (std::uint64_t(std::uint32_t(cx)) << 32) | std::uint32_t(cy); }

    static std::size_t hash(std::uint64_t group, std::uint64_t cell)
    {
        // splitmix64's finaliser over both words (Steele, Lea, Flood 2014)
        std::uint64_t z = cell + group * 0x9e3779b97f4a7c15ull;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return std::size_t(z ^ (z >> 31));
    }

    std::vector<Entry> m_entries;
    std::vector<int> m_items;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

} // namespace th
