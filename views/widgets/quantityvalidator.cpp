// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/quantityvalidator.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace th {

QuantityValidator::QuantityValidator(double minimum, double maximum, QObject *parent)
    : QValidator(parent)
    , m_minimum(minimum)
    , m_maximum(maximum)
{}

std::optional<double> QuantityValidator::parse(const QString &text)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    if (t.isEmpty())
        return std::nullopt;
    double factor = 1.0;
    const QChar last = t.back();
    switch (last.unicode()) {
    case 'k':
    case 'K':
        factor = 1e3;
        break;
    case 'M':
        factor = 1e6;
        break;
    case 'B':
    case 'G':
        factor = 1e9;
        break;
    case 'T':
        factor = 1e12;
        break;
    default:
        break;
    }
    if (factor != 1.0)
        t.chop(1);
    bool ok = false;
    // The C form first ("3.5e11"), then the user's locale ("3,5e11" in German, "300,000" in English).
    double value = QLocale::c().toDouble(t, &ok);
    if (!ok)
        value = QLocale().toDouble(t, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value * factor;
}

QValidator::State QuantityValidator::validate(QString &input, int &pos) const
{
    Q_UNUSED(pos);
    const QString t = input.trimmed();
    if (t.isEmpty())
        return Intermediate;
    if (const std::optional<double> v = parse(t))
        return *v >= m_minimum && *v <= m_maximum ? Acceptable : Intermediate;
    // Something still being typed ("3e", "1.", "-") is allowed; letters other than an exponent
    // or a suffix are not.
    static const QRegularExpression partial(QStringLiteral(R"(^[+-]?[0-9.,\s]*([eE][+-]?[0-9]*)?\s*[kKMBGT]?$)"));
    return partial.match(t).hasMatch() ? Intermediate : Invalid;
}

} // namespace th
