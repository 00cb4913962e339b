// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/hall.h"
#include "views/tools/editactions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace th {

class CatalogCache;

/// Asks for an array of racks: which catalog item, how many per row, pitch, rows, row pitch,
/// alternating orientation and where the first item goes. Pitches default to the footprint
/// (racks side by side) and footprint depth plus the hall's minimum aisle.
class ArrayToolDialog : public QDialog
{
    Q_OBJECT
public:
    ArrayToolDialog(const CatalogCache *cache, const Hall &hall, QWidget *parent = nullptr);
    ArrayParameters parameters() const;

    QComboBox *itemCombo() const { return m_item; }

private:
    void itemChanged();

    const CatalogCache *m_cache;
    Hall m_hall;
    QComboBox *m_item;
    QSpinBox *m_count;
    QDoubleSpinBox *m_pitch;
    QSpinBox *m_rows;
    QDoubleSpinBox *m_rowPitch;
    QCheckBox *m_alternate;
    QDoubleSpinBox *m_x;
    QDoubleSpinBox *m_y;
};

} // namespace th
