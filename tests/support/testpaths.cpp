// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testpaths.h"

namespace th::test {
QString sourceDir()
{
    return QStringLiteral(TH_SOURCE_DIR);
}
QString sourcePath(const QString &relative)
{
    return sourceDir() + QLatin1Char('/') + relative;
}
QString binaryDir()
{
    return QStringLiteral(TH_BINARY_DIR);
}
}
