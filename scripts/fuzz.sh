#!/usr/bin/env bash
# Fuzzing with clang and libFuzzer, in build-fuzz/ (ASan + UBSan).
#   scripts/fuzz.sh replay              builds with clang, then runs every fuzz
#                                       target over its committed corpus (CI)
#   scripts/fuzz.sh run SECONDS [T...]  fuzzes each target (all, or those named)
#                                       for SECONDS, one after the other
# The targets and their corpora are the fuzz_replay_* tests of
# tests/CMakeLists.txt.  A run starts from a copy of the committed corpus in
# build-fuzz/corpus/TARGET and leaves what it finds that crashes in
# build-fuzz/findings/; it prints libFuzzer's figures (runs, coverage) for each.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in
  replay|run) ;;
  *) echo "usage: scripts/fuzz.sh replay | run SECONDS [TARGET...]" >&2; exit 2 ;;
esac
# Optimised (as fuzzing is usually done), with the sanitizers' checks.
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAICERT_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null

# "TARGET SEED..." for every fuzz_replay_TARGET test, from CTest's own list.
targets() {
  (cd build-fuzz && ctest -R '^fuzz_replay_' --show-only=json-v1) | python3 -c '
import json, sys
for t in json.load(sys.stdin)["tests"]:
    cmd = t["command"]
    print(t["name"][len("fuzz_replay_"):], *cmd[1:])'
}

if [ "$mode" = replay ]; then
  status=0
  while read -r target seeds; do
    # libFuzzer runs the files it is given once each and stops.
    # shellcheck disable=SC2086
    files=$(find $seeds -type f ! -name '*.md' ! -name 'EXPECTED.tsv' | sort)
    n=$(printf '%s\n' "$files" | grep -c . || true)
    # shellcheck disable=SC2086
    if build-fuzz/tests/fuzz_${target}_libfuzzer -close_fd_mask=3 $files >/dev/null 2>build-fuzz/replay-$target.log; then
      echo "fuzz replay: $target: $n inputs, nothing found"
    else
      echo "fuzz replay: $target FAILED (build-fuzz/replay-$target.log):" >&2
      tail -40 "build-fuzz/replay-$target.log" >&2
      status=1
    fi
  done < <(targets)
  exit $status
fi

seconds=${2:?usage: scripts/fuzz.sh run SECONDS [TARGET...]}
shift 2
wanted=" $* "
mkdir -p build-fuzz/findings
while read -r target seeds; do
  [ $# -eq 0 ] || [[ "$wanted" == *" $target "* ]] || continue
  work=build-fuzz/corpus/$target
  mkdir -p "$work"
  # shellcheck disable=SC2086
  find $seeds -type f ! -name '*.md' ! -name 'EXPECTED.tsv' -exec cp -n {} "$work/" \; 2>/dev/null || true
  echo "== fuzzing $target for $seconds s (corpus $work)"
  build-fuzz/tests/fuzz_${target}_libfuzzer -max_total_time="$seconds" -close_fd_mask=3 -print_final_stats=1 \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -artifact_prefix="build-fuzz/findings/$target-" "$work" \
    2>"build-fuzz/fuzz-$target.log" || { echo "fuzz: $target found a failure (build-fuzz/fuzz-$target.log)" >&2; exit 1; }
  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|cov:' "build-fuzz/fuzz-$target.log" | tail -4
done < <(targets)
