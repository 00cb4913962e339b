// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/catalog/csv.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace th::csv {

ParseResult parse(const QByteArray &data)
{
    ParseResult result;
    if (data.contains('\0')) {
        result.error = QCoreApplication::translate("Csv", "the file contains NUL bytes (not a text CSV file)");
        return result;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError()) {
        result.error = QCoreApplication::translate("Csv", "the file is not valid UTF-8");
        return result;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    int line = 1;
    int recordLine = 1;
    Record current;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;  // something (possibly an empty quoted string) was read
    bool quotedField = false;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStarted = false;
        quotedField = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields.front().isEmpty();
        if (!blank) {
            current.line = recordLine;
            result.records << current;
        }
        current = Record();
    };

    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (fieldStarted || !field.isEmpty()) {
                result.error = QCoreApplication::translate("Csv", "a quote inside an unquoted field");
                result.errorLine = line;
                return result;
            }
            inQuotes = true;
            fieldStarted = true;
            quotedField = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // Part of CR LF; a lone CR is treated as a line end too.
            if (!(i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))) {
                endRecord();
                ++line;
                recordLine = line;
            }
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            if (quotedField) {
                result.error = QCoreApplication::translate("Csv", "text after a closing quote");
                result.errorLine = line;
                return result;
            }
            field += c;
        }
    }
    if (inQuotes) {
        result.error = QCoreApplication::translate("Csv", "a quoted field is not closed");
        result.errorLine = recordLine;
        return result;
    }
    if (fieldStarted || !field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    return result;
}

QString escapeField(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
                             || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))
                             || (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray writeRecord(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << escapeField(f);
    return escaped.join(QLatin1Char(',')).toUtf8() + '\n';
}

} // namespace th::csv
