// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

#include <cmath>

namespace th::test {

/// Relative comparison with a readable failure (LabPlot's FuzzyCompare idea, STYLE.md §6).
/// Passes when |actual - expected| <= relTol * max(|expected|, tiny).
inline bool fuzzyCompare(double actual, double expected, double relTol, const char *file, int line)
{
    const double scale = std::max(std::abs(expected), 1e-300);
    const double rel = std::abs(actual - expected) / scale;
    if (std::isfinite(actual) && rel <= relTol)
        return true;
    const QByteArray msg = QByteArray("actual ") + QByteArray::number(actual, 'g', 12) + " expected "
                           + QByteArray::number(expected, 'g', 12) + " rel.err "
                           + QByteArray::number(rel, 'g', 4) + " > tol " + QByteArray::number(relTol, 'g', 4);
    QTest::qFail(msg.constData(), file, line);
    return false;
}

} // namespace th::test

/// TH_FUZZY_COMPARE(actual, expected, relTol): fails the test function with both values.
#define TH_FUZZY_COMPARE(actual, expected, relTol)                                                  \
    do {                                                                                            \
        if (!th::test::fuzzyCompare(double(actual), double(expected), double(relTol), __FILE__,      \
                                    __LINE__))                                                      \
            return;                                                                                 \
    } while (false)
