// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace th::test {
/// Root of the source tree (set by CMake at configure time), for shipped data files.
QString sourceDir();
/// Path of a file below the source root, e.g. sourcePath("data/catalog/chips.csv").
QString sourcePath(const QString &relative);
/// Directory of the built terahall executable (tests that run the CLI).
QString binaryDir();
}
