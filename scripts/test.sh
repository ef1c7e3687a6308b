#!/usr/bin/env bash
# Runs every test: the normal build, then the whole suite again built with
# AddressSanitizer and UndefinedBehaviorSanitizer, then a clang build with
# libFuzzer that replays every fuzz corpus (scripts/fuzz.sh replay).  Occupation-data
# integration tests read ../shared/data when it is there and are skipped
# otherwise.  Usage: scripts/test.sh [--fast | --valgrind]
#   --fast      skip the sanitizer and clang builds
#   --valgrind  also run the unit tests under valgrind's memcheck (slow)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

run_suite() { # DIR CMAKE-ARGS...
  local dir=$1; shift
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" >/dev/null
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}

echo "== tests (release build)"
run_suite build -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== the optimised Release build compiles with warnings as errors"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release -j"$jobs" >/dev/null
if [ "${1:-}" = "--valgrind" ]; then
  echo "== unit tests under valgrind memcheck"
  python3 scripts/memcheck.py build
fi
if [ "${1:-}" != "--fast" ]; then
  echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
  # The sanitizers make every process several times slower: the random
  # mutations (2,500 in the normal build) are cut to 500 there.
  # The out-of-memory test fails 60 allocations per command there, not 300.
  AICERT_MUTATIONS=500 AICERT_POLICY_MUTATIONS=100 AICERT_OOM_RUNS=60 \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DAICERT_SANITIZE=ON
  echo "== clang build (warnings as errors) with the libFuzzer targets: every corpus replayed"
  scripts/fuzz.sh replay
fi
echo "== all tests passed"
