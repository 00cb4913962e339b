#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared set-up for packaging/run.sh and packaging/test.sh: installs the Debian 12 packages that
# are missing (apt-get; sudo when not root), then configures and builds into build/.
# Idempotent: when every package is present and nothing changed, this costs a dpkg query and a
# no-op ninja/make run.
set -euo pipefail

TH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TH_ROOT

# Build and runtime dependencies (Debian 12 package names). Keep in sync with README.md.
TH_DEBIAN_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libeigen3-dev libboost-dev libboost-graph-dev
  xvfb xauth poppler-utils fonts-noto-cjk fonts-wqy-microhei
  dpkg-dev file desktop-file-utils shared-mime-info
)

th_install_missing_packages() {
  local missing=()
  local pkg installed
  # One dpkg-query for all packages keeps the no-op case fast.
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${TH_DEBIAN_PACKAGES[@]}" 2>/dev/null \
              | awk '$NF == "installed" {print $1}' || true)
  for pkg in "${TH_DEBIAN_PACKAGES[@]}"; do
    if ! grep -qx "$pkg" <<<"$installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "terahall: installing missing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# th_build [TARGET] [-DOPTION=VALUE ...]: configures build/ once (Release, Ninja, ccache when
# present), re-configures only when options are given, then builds TARGET (default: all).
th_build() {
  local build_dir="${TH_BUILD_DIR:-$TH_ROOT/build}"
  local target=()
  if [ $# -gt 0 ] && [[ "$1" != -D* ]]; then
    target=(--target "$1")
    shift
  fi
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$TH_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >/dev/null
  elif [ $# -gt 0 ]; then
    cmake -S "$TH_ROOT" -B "$build_dir" "$@" >/dev/null
  fi
  cmake --build "$build_dir" --parallel "$(nproc)" "${target[@]}"
}
