#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-package.sh BUILD_DIR: builds the Debian package, unpacks it into a throwaway root
# (dpkg -x, nothing is installed on the machine) and runs the installed binary on installed
# files: --version, and evaluate on a shipped sample. Registered as the ctest `tst_package`.
set -euo pipefail
build_dir=$1
cmake --build "$build_dir" --target package >/dev/null
deb=$(ls -t "$build_dir"/terahall_*.deb | head -n 1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
for f in usr/bin/terahall usr/share/applications/terahall.desktop usr/share/mime/packages/terahall.xml \
         usr/share/icons/hicolor/scalable/apps/terahall.svg usr/share/man/man1/terahall.1.gz \
         usr/share/terahall/samples/h100-1024-air.thplan usr/share/terahall/catalog/chips.csv; do
  [ -e "$root/$f" ] || { echo "package lacks /$f" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$root/usr/share/applications/terahall.desktop"
fi
dpkg-deb -f "$deb" Depends | grep -q "libqt6sql6-sqlite" || { echo "Depends lacks the Qt SQLite plugin" >&2; exit 1; }
version=$("$root/usr/bin/terahall" --version)
echo "$version"
case "$version" in terahall\ *) ;; *) echo "unexpected --version output" >&2; exit 1 ;; esac
out=$(TERAHALL_CATALOG="$root/catalog.sqlite" QT_QPA_PLATFORM=offscreen \
      "$root/usr/bin/terahall" evaluate "$root/usr/share/terahall/samples/h100-1024-air.thplan")
echo "$out" | grep -q '"accelerators": 1024' || { echo "evaluate from the installed files failed:" >&2; echo "$out" >&2; exit 1; }
echo "package OK: $(basename "$deb")"
