// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalogtablemodel.h"

#include "model/catalog/catalog.h"

#include <QFont>
#include <QLocale>

#include <cmath>

namespace th {

CatalogTableModel::CatalogTableModel(const Catalog *catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{
    reload();
}

void CatalogTableModel::setKind(CatalogKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    reload();
}

void CatalogTableModel::reload()
{
    beginResetModel();
    m_rows = m_catalog && m_catalog->isOpen() ? m_catalog->rows(m_kind) : QList<CatalogRow>();
    endResetModel();
}

int CatalogTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id() == id)
            return i;
    }
    return -1;
}

int CatalogTableModel::columnOf(const QString &columnName) const
{
    const QList<ColumnSpec> &columns = kindSpec(m_kind).columns;
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).columnName() == columnName)
            return i + 1;
    }
    return -1;
}

QString CatalogTableModel::displayText(const ColumnSpec &column, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QString();
    QLocale locale;
    switch (column.type) {
    case ColumnType::Bool:
        return value.toLongLong() != 0 ? tr("yes") : tr("no");
    case ColumnType::Integer: {
        // Years and small counts read better without a group separator ("2024", not "2,024").
        const qlonglong n = value.toLongLong();
        if (std::llabs(n) < 10000)
            locale.setNumberOptions(QLocale::OmitGroupSeparator);
        return locale.toString(n);
    }
    case ColumnType::Real: {
        const double d = value.toDouble();
        // Large counts (parameters, tokens) in scientific notation, the rest as written.
        if (d != 0.0 && (std::abs(d) >= 1e7 || std::abs(d) < 1e-3))
            return locale.toString(d, 'g', 4);
        if (std::abs(d) < 10000)
            locale.setNumberOptions(QLocale::OmitGroupSeparator);
        return locale.toString(d, 'f', QLocale::FloatingPointShortest);
    }
    case ColumnType::Text:
    case ColumnType::Enum:
        break;
    }
    return value.toString();
}

QString CatalogTableModel::originText(const CatalogRow &row)
{
    if (!row.isUser)
        return tr("shipped");
    return row.overridesShipped ? tr("user (overrides shipped)") : tr("user");
}

int CatalogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CatalogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(kindSpec(m_kind).columns.size()) + 1;
}

const ColumnSpec *CatalogTableModel::specColumn(int modelColumn) const
{
    const QList<ColumnSpec> &columns = kindSpec(m_kind).columns;
    if (modelColumn < 1 || modelColumn > columns.size())
        return nullptr;
    return &columns.at(modelColumn - 1);
}

QVariant CatalogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const CatalogRow &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.id();
    case IsUserRole:
        return row.isUser;
    case Qt::FontRole:
        if (row.isUser) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    default:
        break;
    }
    if (index.column() == OriginColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case SortRole:
            return originText(row);
        case Qt::ToolTipRole:
            return row.isUser ? tr("A row you added or edited; it is kept when Terahall updates its catalog.")
                              : tr("A row shipped with Terahall.");
        default:
            return QVariant();
        }
    }
    const ColumnSpec *column = specColumn(index.column());
    if (!column)
        return QVariant();
    const QVariant value = row.values.value(column->columnName());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*column, value);
    case Qt::EditRole:
        return valueToText(*column, value);
    case SortRole:
        if (value.isNull() || !value.isValid())
            return QVariant();
        if (column->type == ColumnType::Real)
            return value.toDouble();
        if (column->type == ColumnType::Integer || column->type == ColumnType::Bool)
            return value.toLongLong();
        return value.toString();
    case Qt::TextAlignmentRole:
        if (column->type == ColumnType::Real || column->type == ColumnType::Integer)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == OriginColumn) {
        if (role == Qt::DisplayRole)
            return tr("origin");
        if (role == Qt::ToolTipRole)
            return tr("Shipped with Terahall, or a user row (shown in italics)");
        return QVariant();
    }
    const ColumnSpec *column = specColumn(section);
    if (!column)
        return QVariant();
    if (role == Qt::DisplayRole)
        return column->columnName();
    if (role == Qt::ToolTipRole) {
        QString tip = column->columnName();
        if (column->unit)
            tip += QLatin1String(" (") + QString::fromUtf8(column->unit) + QLatin1Char(')');
        if (column->required)
            tip += QLatin1String(" - ") + tr("required");
        return tip;
    }
    return QVariant();
}

} // namespace th
