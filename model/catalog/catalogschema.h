// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace th {

/// The kinds of catalog rows; each has a table in data/catalog/schema.sql and a CSV file.
enum class CatalogKind { Chip, System, Equipment, Model, ChipCalibration };

/// Value type of a catalog column.
enum class ColumnType { Text, Real, Integer, Bool, Enum };

/**
 * One column of a catalog table: name (as in CSV header and SQL), type, whether a value is
 * required, and its allowed range or values. This table is the single description the CSV
 * importer, the SQL loader, the edit dialog and the tests validate against; docs/catalog-columns.md
 * documents it for people. A test checks it against schema.sql.
 */
struct ColumnSpec
{
    const char *name;
    ColumnType type;
    bool required;
    double min = 0.0;             ///< for Real/Integer
    double max = 0.0;             ///< for Real/Integer (min == max == 0: any finite value)
    const char *enumValues = nullptr; ///< for Enum: '|'-separated allowed values
    const char *unit = nullptr;   ///< shown to people ("TFLOPS", "GB/s")

    QString columnName() const { return QString::fromLatin1(name); }
    QStringList allowedValues() const;
    bool hasRange() const { return min != 0.0 || max != 0.0; }
};

struct KindSpec
{
    CatalogKind kind;
    const char *key;       ///< "chip", "system", "equipment", "model", "calibration" (CLI --kind)
    const char *table;     ///< SQL table
    const char *csvFile;   ///< shipped file name under data/catalog/
    QList<ColumnSpec> columns;

    QString kindKey() const { return QString::fromLatin1(key); }
    QString tableName() const { return QString::fromLatin1(table); }
    QStringList columnNames() const;
    const ColumnSpec *column(const QString &name) const;
};

const QList<KindSpec> &catalogKinds();
const KindSpec &kindSpec(CatalogKind kind);
const KindSpec *kindSpecForKey(const QString &key);
/// The kind whose column set matches a CSV header (same names, any order; the first column
/// must be `id` or `chip_id`). nullptr when none matches.
const KindSpec *kindSpecForHeader(const QStringList &header);

} // namespace th
