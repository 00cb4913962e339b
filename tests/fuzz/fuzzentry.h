// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/**
 * The three fuzzed entry points (docs/hardening.md), shared by the libFuzzer targets
 * (tests/fuzz/fuzz_*.cpp) and the corpus replay test (tst_fuzzcorpus). Each feeds one input to
 * the model code and checks that the outcome is sane:
 *   - the input is either accepted, or refused with a non-empty list of problems;
 *   - every problem names where it is (a JSON pointer, or a CSV line and column) and says what;
 *   - an accepted plan survives write -> read -> write byte-identically;
 *   - an accepted CSV import wrote as many rows as it reports.
 * They return an empty string when sane, else a description of what is wrong (the fuzz
 * targets abort on it, the replay test fails with it).
 */
namespace th::fuzz {

/// Creates a QCoreApplication when there is none (fuzz targets; Qt SQL needs one).
void ensureApplication();

QString checkPlanInput(const QByteArray &data);
QString checkScenarioInput(const QByteArray &data);
QString checkCatalogImportInput(const QByteArray &data);

} // namespace th::fuzz
