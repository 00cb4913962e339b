// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLineEdit;
class QTreeWidget;

namespace th {

class Catalog;

/**
 * The palette: catalog systems and facility equipment grouped by category, with icons, to drag
 * onto a hall (mime type PlaceEquipmentTool::mimeType(): kind + catalog id), and a "Structures"
 * group (wall, column, door, hot/cold aisle containment). A filter narrows
 * the list by name or id. Call reload() after the catalog changes.
 */
class PaletteDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PaletteDock(const Catalog *catalog, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    /// Icon resource of a system or equipment category ("system", "ups", ...).
    static QString iconPathForCategory(const QString &category);

public slots:
    void reload();
    void setFilterText(const QString &text);

private:
    /// Walls, columns, doors and aisle containment (not from the catalog).
    void addStructuresGroup();

    const Catalog *m_catalog;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace th
