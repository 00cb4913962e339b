// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/catalogrow.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace th {

QString CatalogRow::id() const
{
    const QString key = kind == CatalogKind::ChipCalibration ? QStringLiteral("chip_id") : QStringLiteral("id");
    return values.value(key).toString();
}

std::optional<double> CatalogRow::number(const char *column) const
{
    const QVariant v = values.value(QString::fromLatin1(column));
    if (v.isNull() || !v.isValid())
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return d;
}

int CatalogRow::integer(const char *column, int fallback) const
{
    const std::optional<double> d = number(column);
    return d ? static_cast<int>(std::llround(*d)) : fallback;
}

QString CatalogIssue::toString() const
{
    if (line > 0)
        return QCoreApplication::translate("Catalog", "line %1, column %2: %3").arg(line).arg(column, message);
    return QCoreApplication::translate("Catalog", "%1: %2").arg(column, message);
}

namespace {

QString rangeText(const ColumnSpec &c)
{
    const QString unit = c.unit ? QLatin1Char(' ') + QString::fromUtf8(c.unit) : QString();
    return QStringLiteral("[%1, %2]%3").arg(QString::number(c.min, 'g', 10), QString::number(c.max, 'g', 10), unit);
}

} // namespace

std::optional<QVariantMap> validateRow(const KindSpec &spec, const QMap<QString, QString> &raw,
                                       int line, QList<CatalogIssue> *issues)
{
    QVariantMap out;
    bool ok = true;
    auto fail = [&](const ColumnSpec &c, const QString &msg) {
        ok = false;
        if (issues)
            issues->append({line, c.columnName(), msg});
    };
    for (const ColumnSpec &c : spec.columns) {
        const QString text = raw.value(c.columnName()).trimmed();
        if (text.isEmpty()) {
            if (c.required)
                fail(c, QCoreApplication::translate("Catalog", "a value is required"));
            out.insert(c.columnName(), QVariant());
            continue;
        }
        switch (c.type) {
        case ColumnType::Text:
            out.insert(c.columnName(), text);
            break;
        case ColumnType::Enum: {
            const QStringList allowed = c.allowedValues();
            if (!allowed.contains(text)) {
                fail(c, QCoreApplication::translate("Catalog", "must be one of %1, got '%2'")
                            .arg(allowed.join(QLatin1String(", ")), text));
            } else {
                out.insert(c.columnName(), text);
            }
            break;
        }
        case ColumnType::Bool:
            if (text == QLatin1String("1") || text == QLatin1String("true"))
                out.insert(c.columnName(), qlonglong(1));
            else if (text == QLatin1String("0") || text == QLatin1String("false"))
                out.insert(c.columnName(), qlonglong(0));
            else
                fail(c, QCoreApplication::translate("Catalog", "must be 0 or 1, got '%1'").arg(text));
            break;
        case ColumnType::Real:
        case ColumnType::Integer: {
            bool parsed = false;
            const double d = text.toDouble(&parsed);
            const bool isInt = c.type == ColumnType::Integer;
            if (!parsed || !std::isfinite(d)) {
                fail(c, isInt ? QCoreApplication::translate("Catalog", "must be an integer in %1, got '%2'").arg(rangeText(c), text)
                              : QCoreApplication::translate("Catalog", "must be a number in %1, got '%2'").arg(rangeText(c), text));
            } else if (isInt && d != std::floor(d)) {
                fail(c, QCoreApplication::translate("Catalog", "must be an integer in %1, got '%2'").arg(rangeText(c), text));
            } else if (c.hasRange() && (d < c.min || d > c.max)) {
                fail(c, QCoreApplication::translate("Catalog", "must be in %1, got %2").arg(rangeText(c), text));
            } else if (isInt) {
                out.insert(c.columnName(), qlonglong(std::llround(d)));
            } else {
                out.insert(c.columnName(), d);
            }
            break;
        }
        }
    }
    // Identifiers are stable keys used by scenarios and plans: a restricted alphabet avoids
    // look-alike ids and keeps them safe in file names and command lines.
    const QString idColumn = spec.kind == CatalogKind::ChipCalibration ? QStringLiteral("chip_id") : QStringLiteral("id");
    const QString id = raw.value(idColumn).trimmed();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9.+_-]{0,79}$"));
    if (!id.isEmpty() && !idPattern.match(id).hasMatch()) {
        const ColumnSpec *c = spec.column(idColumn);
        fail(*c, QCoreApplication::translate("Catalog", "must be a slug of 1-80 characters a-z, 0-9, '.', '+', '_', '-' starting with a letter or digit, got '%1'").arg(id));
    }
    if (!ok)
        return std::nullopt;
    return out;
}

QString valueToText(const ColumnSpec &column, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QString();
    switch (column.type) {
    case ColumnType::Real:
        return QString::number(value.toDouble(), 'g', 15);
    case ColumnType::Integer:
    case ColumnType::Bool:
        return QString::number(value.toLongLong());
    case ColumnType::Text:
    case ColumnType::Enum:
        break;
    }
    return value.toString();
}

} // namespace th
