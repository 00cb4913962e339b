// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogrow.h"

#include <QAbstractTableModel>
#include <QList>

namespace th {

class Catalog;

/**
 * The rows in force of one catalog kind as a table: column 0 is the row's origin (shipped, user,
 * or user overriding a shipped row), then one column per KindSpec column in schema order.
 *
 * Display text is formatted for people with the default QLocale; SortRole gives the typed value
 * (double, qlonglong, QString, or an invalid QVariant for an empty cell) so a proxy sorts
 * numbers numerically and puts empty cells last. The model reads the catalog on reload() only:
 * whoever edits the catalog calls reload(). It does not own the catalog.
 */
class CatalogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< typed value for sorting
        IdRole,                      ///< the row's id (any column)
        IsUserRole,                  ///< bool: a user row (any column)
    };
    static constexpr int OriginColumn = 0;

    explicit CatalogTableModel(const Catalog *catalog, QObject *parent = nullptr);

    CatalogKind kind() const { return m_kind; }
    /// Shows another kind (resets the model).
    void setKind(CatalogKind kind);
    /// Re-reads the rows from the catalog (resets the model).
    void reload();

    const CatalogRow &catalogRow(int row) const { return m_rows.at(row); }
    /// Row index of the row with this id, or -1.
    int rowOfId(const QString &id) const;
    /// Model column of a KindSpec column name, or -1.
    int columnOf(const QString &columnName) const;

    /// Text of a typed catalog value for people: locale-formatted numbers, "yes"/"no" for flags,
    /// empty for a missing value. Shared with the details pane.
    static QString displayText(const ColumnSpec &column, const QVariant &value);
    /// "shipped", "user" or "user (overrides shipped)", translated.
    static QString originText(const CatalogRow &row);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ColumnSpec *specColumn(int modelColumn) const;

    const Catalog *m_catalog;
    CatalogKind m_kind = CatalogKind::Chip;
    QList<CatalogRow> m_rows;
};

} // namespace th
