// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QValidator>

#include <optional>

namespace th {

/**
 * Accepts large quantities the way people write them: "300e9", "3.0E11", "300000000000",
 * "300,000,000,000" (the locale's group separator), or with a suffix K (1e3), M (1e6), B or G (1e9)
 * and T (1e12): "300B", "15 T". A value outside [minimum, maximum] is Intermediate, so the line
 * edit keeps it while the user types and hasAcceptableInput() tells whether it is usable.
 */
class QuantityValidator : public QValidator
{
    Q_OBJECT
public:
    QuantityValidator(double minimum, double maximum, QObject *parent = nullptr);

    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }

    /// The value of a text, in any of the accepted forms; nullopt when it is not a number.
    static std::optional<double> parse(const QString &text);

    State validate(QString &input, int &pos) const override;

private:
    double m_minimum;
    double m_maximum;
};

} // namespace th
