// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/limits.h"
#include "model/io/inputerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace th {

/**
 * Reads typed fields of one JSON object and records every problem with the field's JSON pointer
 * and the allowed range. Unknown keys are errors too: a misspelt field ("toknes") must not be
 * silently ignored while a default stands in for it.
 */
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &object, QString pointer, InputErrors *errors);

    /// Declares the keys this object may have; call once, after all reads, to report the rest.
    void rejectUnknownKeys(const QStringList &known);

    bool has(const QString &key) const;
    bool isNull(const QString &key) const;
    /// Field present, not null, number, finite, within range. Absent or null -> nullopt, no error
    /// unless required.
    std::optional<double> number(const QString &key, engine::Range range, bool required = false);
    /// As number() but must be a whole number.
    std::optional<long long> integer(const QString &key, engine::Range range, bool required = false);
    std::optional<QString> string(const QString &key, bool required = false);
    /// A string from a fixed set.
    std::optional<QString> choice(const QString &key, const QStringList &allowed, bool required = false);
    /// A nested object; returns nullopt (and records an error for a non-object) otherwise.
    std::optional<QJsonObject> object(const QString &key, bool required = false);

    QString pointer(const QString &key) const;
    void error(const QString &key, const QString &message);
    const QJsonObject &json() const { return m_object; }

private:
    QJsonObject m_object;
    QString m_pointer;
    InputErrors *m_errors;
};

/// "a JSON number" / "a string" / ... for messages about wrong types.
QString jsonTypeName(const QJsonValue &value);
/// Allowed-range text such as "in (0, 1]" or "an integer in [1, 10000000]".
QString rangeText(engine::Range range, bool integer);

} // namespace th
