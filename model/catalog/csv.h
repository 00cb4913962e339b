// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace th::csv {

/// One parsed record and the 1-based line on which it starts (for error messages).
struct Record
{
    int line = 0;
    QStringList fields;
};

struct ParseResult
{
    QList<Record> records; ///< header included as the first record
    QString error;         ///< empty on success
    int errorLine = 0;
};

/// RFC 4180 CSV: comma separated, fields optionally double-quoted, "" inside quotes is a quote,
/// quoted fields may span lines. UTF-8 (a BOM is skipped). CR LF or LF line ends. Blank lines
/// are skipped. NUL bytes and invalid UTF-8 are errors, not silently replaced.
ParseResult parse(const QByteArray &data);

/// Quote a field when it contains a comma, quote, CR or LF, or leading/trailing spaces.
QString escapeField(const QString &field);
QByteArray writeRecord(const QStringList &fields);

} // namespace th::csv
