#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# packaging/test.sh: the same set-up as run.sh, then builds and runs the whole test suite with
# ctest (GUI tests run offscreen). Benchmarks (label `bench`) are excluded: they are measured and
# recorded in docs/performance.md, never pass/fail.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

th_install_missing_packages
werror=OFF
if [ "${CI:-}" = "true" ]; then
  werror=ON
fi
th_build -DTH_BUILD_TESTS=ON -DTH_WERROR="$werror"
cd "${TH_BUILD_DIR:-$TH_ROOT/build}"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --label-exclude bench --parallel "$(nproc)" --timeout 600
