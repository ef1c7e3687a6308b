#!/usr/bin/env bash
# bench_batch.sh — how fast `aicert batch` assesses 100,000 varied profiles,
# with one worker and with every core, next to `jq -c .` reading the same
# file (the floor of "read a JSON line, write a JSON line").  It makes the
# profiles itself (bench/make_profiles.py, seeded, so every run sees the same
# file), prints the machine and records per second, and asserts nothing.
# bench/bench_speed.sh measures the same pipeline on one core, step by step.
#
# usage: bench/bench_batch.sh [AICERT] [RECORDS]     (default build/aicert, 100000)
set -euo pipefail
AICERT=${1:-build/aicert}
N=${2:-100000}
[ -x "$AICERT" ] || { echo "bench_batch: $AICERT is not built (cmake --build build)" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export AICERT_DATA="$TMP/no-occupation-data.db" # the model alone, the same everywhere

# ---------------------------------------------------------------- the profiles
python3 "$(dirname "$0")/make_profiles.py" "$N" >"$TMP/big.jsonl"

# ---------------------------------------------------------------- the runs
cores=$(nproc)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
echo "machine: $cores cores, ${cpu:-unknown CPU}; $("$AICERT" --version)"
echo "input: $N profiles, $(($(wc -c <"$TMP/big.jsonl") / 1024)) KiB of JSON Lines; load average now:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"

now() { date +%s.%N; }
# rate NAME COMMAND...: runs once, prints records per second of elapsed time
# (on a shared machine, read it with the load average printed above); sets $RATE.
rate() {
	local name=$1 t0 t1
	shift
	t0=$(now)
	"$@" >/dev/null 2>"$TMP/err" || [ $? -eq 3 ] || { echo "bench_batch: $name failed:" >&2; cat "$TMP/err" >&2; exit 1; }
	t1=$(now)
	RATE=$(python3 -c "print(round($N / ($t1 - $t0)))")
	printf '  %-52s %8s records/s  (%.1f s)\n' "$name" "$RATE" "$(python3 -c "print($t1 - $t0)")"
}

jq_rate=
if command -v jq >/dev/null; then
	rate "jq -c ." jq -c . "$TMP/big.jsonl"
	jq_rate=$RATE
else
	echo "  jq is not installed: no comparison (apt-get install jq)"
fi
ratio() { [ -n "$jq_rate" ] && python3 -c "print(f'    {$1 / $jq_rate:.2f} x jq')" || true; }
rate "aicert batch -j 1" "$AICERT" batch "$TMP/big.jsonl" -j 1
ratio "$RATE"
rate "aicert batch -j $cores (every core)" "$AICERT" batch "$TMP/big.jsonl" -j "$cores"
ratio "$RATE"
rate "aicert batch -j $cores --no-counterfactuals" "$AICERT" batch "$TMP/big.jsonl" -j "$cores" --no-counterfactuals
ratio "$RATE"
rate "aicert batch -j $cores --format csv --no-counterfactuals" "$AICERT" batch "$TMP/big.jsonl" -j "$cores" \
	--format csv --no-counterfactuals
ratio "$RATE"
