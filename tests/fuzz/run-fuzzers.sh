#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Terahall contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (Clang, -DTH_FUZZ=ON, separate build dir) and runs each for SECONDS,
# then minimises what was found into tests/fuzz/corpus/<target>/ (replayed by tst_fuzzcorpus).
#
#   tests/fuzz/run-fuzzers.sh SECONDS [TARGET...]     TARGET: planreader scenarioreader catalogimport
#
# Environment: TH_FUZZ_BUILD_DIR (default build-fuzz), TH_FUZZ_PARALLEL=0 runs the targets one after
# another (default: all at once, one process each, under nice -n 10).
# Crashes, leaks, timeouts and OOMs go to tests/fuzz/crashes/<target>-* (gitignored); the growing
# corpus and logs to tests/fuzz/work/ (gitignored). See docs/hardening.md.
set -euo pipefail

secs=${1:?usage: run-fuzzers.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(planreader scenarioreader catalogimport)

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${TH_FUZZ_BUILD_DIR:-$root/build-fuzz}
crashes=$here/crashes
work=$here/work

# The fuzz toolchain is not in packaging/setup.sh's list: install it here when missing.
need=()
command -v clang++ >/dev/null || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends "${need[@]}"
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTH_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}")

seeds_of() {
  case $1 in
    planreader) ls "$root"/data/samples/*.thplan ;;
    scenarioreader) ls "$root"/data/samples/scenarios/*.json ;;
    catalogimport) ls "$root"/data/catalog/*.csv ;;
  esac
}

run_one() {
  local t=$1 exe=$build/tests/fuzz/fuzz_$1
  mkdir -p "$work/$t/queue" "$work/$t/seeds" "$here/corpus/$t" "$crashes"
  seeds_of "$t" | xargs -I{} cp {} "$work/$t/seeds/"
  # Fork mode keeps fuzzing after a crash (each finding is saved), one child process at a time.
  nice -n 10 "$exe" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$crashes/$t-" -print_final_stats=1 \
    "$work/$t/queue" "$here/corpus/$t" "$work/$t/seeds" >"$work/$t.log" 2>&1 || true
  # Minimise: the smallest set of inputs with the same edge coverage replaces corpus/<t>
  # (-use_counters=0: hit-count buckets would keep ~5x more, larger files for no new edges).
  # Hand-written regression inputs (regress-*) are always kept.
  rm -rf "$work/$t/merged" && mkdir -p "$work/$t/merged"
  nice -n 10 "$exe" -merge=1 -use_counters=0 -rss_limit_mb=2048 -timeout=10 "$work/$t/merged" \
    "$here/corpus/$t" "$work/$t/queue" "$work/$t/seeds" >"$work/$t.merge.log" 2>&1
  for f in "$here/corpus/$t"/regress-*; do   # merged files are named by their SHA-1: drop the duplicate
    [ -e "$f" ] || continue
    rm -f "$work/$t/merged/$(sha1sum <"$f" | cut -c1-40)"
    cp "$f" "$work/$t/merged/"
  done
  rm -rf "${here:?}/corpus/$t" && mv "$work/$t/merged" "$here/corpus/$t"
  echo "$t: $(grep -Eo 'exec/s:? [0-9]+' "$work/$t.log" | tail -1), $(grep -Eo '[0-9]+ new coverage edges' "$work/$t.merge.log" | tail -1)," \
       "$(ls "$here/corpus/$t" | wc -l) corpus files, $(ls "$crashes" | grep -c "^$t-" || true) findings in $crashes"
}

if [ "${TH_FUZZ_PARALLEL:-1}" = 1 ]; then
  for t in "${targets[@]}"; do run_one "$t" & done
  wait
else
  for t in "${targets[@]}"; do run_one "$t"; done
fi
