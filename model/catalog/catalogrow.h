// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/catalog/catalogschema.h"

#include <QVariantMap>

#include <optional>

namespace th {

/**
 * One row of the catalog as stored: typed values by column name (QString, double, qlonglong or
 * a null QVariant), whether it is a user row, and whether it overrides a shipped row.
 */
struct CatalogRow
{
    CatalogKind kind = CatalogKind::Chip;
    QVariantMap values;
    bool isUser = false;
    bool overridesShipped = false;

    QString id() const;
    QString text(const char *column) const { return values.value(QString::fromLatin1(column)).toString(); }
    std::optional<double> number(const char *column) const;
    int integer(const char *column, int fallback = 0) const;
    bool flag(const char *column) const { return integer(column) != 0; }
};

/// A problem with one value: CSV line (0 when not from a file), column name and message.
struct CatalogIssue
{
    int line = 0;
    QString column;
    QString message;
    QString toString() const;
};

/**
 * Checks raw text values (as from a CSV line or an edit dialog) against a kind's columns and
 * converts them to typed values. Every problem names the column and the allowed range or
 * values; nothing is guessed or clamped.
 */
std::optional<QVariantMap> validateRow(const KindSpec &spec, const QMap<QString, QString> &raw,
                                       int line, QList<CatalogIssue> *issues);

/// Text form of a typed value for CSV export and edit fields (numbers without exponent noise).
QString valueToText(const ColumnSpec &column, const QVariant &value);

} // namespace th
