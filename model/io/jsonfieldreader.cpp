// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/jsonfieldreader.h"

#include <QCoreApplication>

#include <cmath>

namespace th {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Input)
};

QString numberText(double v)
{
    return QString::number(v, 'g', 12);
}

QString escapePointerToken(QString key)
{
    // RFC 6901: '~' -> "~0", '/' -> "~1".
    key.replace(QLatin1String("~"), QLatin1String("~0"));
    key.replace(QLatin1String("/"), QLatin1String("~1"));
    return key;
}
} // namespace

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString().left(60) + QLatin1Char('"');
    case QJsonValue::Array:
        return Tr::tr("an array");
    case QJsonValue::Object:
        return Tr::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Tr::tr("nothing");
}

QString rangeText(engine::Range range, bool integer)
{
    const QString interval = QStringLiteral("%1%2, %3]")
                                 .arg(range.minInclusive ? QLatin1Char('[') : QLatin1Char('('))
                                 .arg(numberText(range.min), numberText(range.max));
    return integer ? Tr::tr("an integer in %1").arg(interval) : Tr::tr("a number in %1").arg(interval);
}

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString pointer, InputErrors *errors)
    : m_object(object)
    , m_pointer(std::move(pointer))
    , m_errors(errors)
{
}

void JsonFieldReader::rejectUnknownKeys(const QStringList &known)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!known.contains(it.key()))
            error(it.key(), Tr::tr("unknown field (allowed here: %1)").arg(known.join(QLatin1String(", "))));
    }
}

bool JsonFieldReader::has(const QString &key) const
{
    return m_object.contains(key);
}

bool JsonFieldReader::isNull(const QString &key) const
{
    return !m_object.contains(key) || m_object.value(key).isNull();
}

QString JsonFieldReader::pointer(const QString &key) const
{
    return m_pointer + QLatin1Char('/') + escapePointerToken(key);
}

void JsonFieldReader::error(const QString &key, const QString &message)
{
    m_errors->append({pointer(key), message});
}

std::optional<double> JsonFieldReader::number(const QString &key, engine::Range range, bool required)
{
    if (isNull(key)) {
        if (required)
            error(key, Tr::tr("is required: must be %1").arg(rangeText(range, false)));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        error(key, Tr::tr("must be %1, got %2").arg(rangeText(range, false), jsonTypeName(v)));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || !range.contains(d)) {
        error(key, Tr::tr("must be %1, got %2").arg(rangeText(range, false), numberText(d)));
        return std::nullopt;
    }
    return d;
}

std::optional<long long> JsonFieldReader::integer(const QString &key, engine::Range range, bool required)
{
    if (isNull(key)) {
        if (required)
            error(key, Tr::tr("is required: must be %1").arg(rangeText(range, true)));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || !range.contains(d)) {
        error(key, Tr::tr("must be %1, got %2").arg(rangeText(range, true), jsonTypeName(v)));
        return std::nullopt;
    }
    return static_cast<long long>(d);
}

std::optional<QString> JsonFieldReader::string(const QString &key, bool required)
{
    if (isNull(key)) {
        if (required)
            error(key, Tr::tr("is required: must be a string"));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        error(key, Tr::tr("must be a string, got %1").arg(jsonTypeName(v)));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<QString> JsonFieldReader::choice(const QString &key, const QStringList &allowed, bool required)
{
    const std::optional<QString> s = string(key, required);
    if (!s)
        return std::nullopt;
    if (!allowed.contains(*s)) {
        error(key, Tr::tr("must be one of %1, got \"%2\"").arg(allowed.join(QLatin1String(", ")), *s));
        return std::nullopt;
    }
    return s;
}

std::optional<QJsonObject> JsonFieldReader::object(const QString &key, bool required)
{
    if (isNull(key)) {
        if (required)
            error(key, Tr::tr("is required: must be an object"));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        error(key, Tr::tr("must be an object, got %1").arg(jsonTypeName(v)));
        return std::nullopt;
    }
    return v.toObject();
}

} // namespace th
