// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (docs/hardening.md): tests/fuzz/run-fuzzers.sh builds and runs it.
#include "tests/fuzz/fuzzentry.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    th::fuzz::ensureApplication();
    const QString problem = th::fuzz::checkScenarioInput(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "fuzz_scenarioreader: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
