#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# packaging/run.sh [ARGS]: installs what is missing (Debian 12 packages via apt-get), builds
# Release into build/, then starts the Terahall GUI, or runs the command line with ARGS
# (e.g. `packaging/run.sh estimate data/samples/scenarios/gpt3-175b-1024-h100.json`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

th_install_missing_packages
th_build terahall >&2
exec "${TH_BUILD_DIR:-$TH_ROOT/build}/bin/terahall" "$@"
