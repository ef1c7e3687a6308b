#!/usr/bin/env bash
# bench_batch.sh — how fast `aicert batch` assesses 100,000 varied profiles,
# with one worker and with every core, next to `jq -c .` reading the same
# file (the floor of "read a JSON line, write a JSON line").  It makes the
# profiles itself (bench/make_profiles.py, seeded, so every run sees the same
# file), prints the machine and records per second (the median of several
# rounds, with each round's ratio to jq), and asserts nothing.
# bench/bench_speed.sh measures the same pipeline on one core, step by step.
#
# usage: [ROUNDS=3] bench/bench_batch.sh [AICERT] [RECORDS]     (default build/aicert, 100000)
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

# Each command runs once per round, the rounds one after the other (ROUNDS,
# default 3), and each ratio is to the jq run of its own round: a slow spell
# of the machine then falls on both sides of a ratio, and the medians show
# what a single run would hide.
ROUNDS=${ROUNDS:-3}
names=("jq -c ." "aicert batch -j 1" "aicert batch -j $cores (every core)"
	"aicert batch -j $cores --no-counterfactuals" "aicert batch -j $cores --format csv --no-counterfactuals")
run() { # run I: command I of names
	case $1 in
	0) jq -c . "$TMP/big.jsonl" ;;
	1) "$AICERT" batch "$TMP/big.jsonl" -j 1 ;;
	2) "$AICERT" batch "$TMP/big.jsonl" -j "$cores" ;;
	3) "$AICERT" batch "$TMP/big.jsonl" -j "$cores" --no-counterfactuals ;;
	4) "$AICERT" batch "$TMP/big.jsonl" -j "$cores" --format csv --no-counterfactuals ;;
	esac
}
first=0
command -v jq >/dev/null || { echo "  jq is not installed: no comparison (apt-get install jq)"; first=1; }
now() { date +%s.%N; }
: >"$TMP/times"
for round in $(seq "$ROUNDS"); do
	for i in $(seq "$first" 4); do
		t0=$(now)
		run "$i" >/dev/null 2>"$TMP/err" || [ $? -eq 3 ] ||
			{ echo "bench_batch: ${names[$i]} failed:" >&2; cat "$TMP/err" >&2; exit 1; }
		t1=$(now)
		echo "$round $i $t0 $t1" >>"$TMP/times"
	done
done
python3 - "$TMP/times" "$N" "$first" "${names[@]}" <<'PY'
import sys, statistics
path, n, first, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
secs = {}
for line in open(path):
    r, i, t0, t1 = line.split()
    secs.setdefault(int(i), {})[int(r)] = float(t1) - float(t0)
rounds = sorted(secs[first])
print(f"  {len(rounds)} rounds; records/s of elapsed time as median (lowest to highest), and the median of each round's ratio to jq")
for i in range(first, len(names)):
    rates = [n / secs[i][r] for r in rounds]
    line = f"  {names[i]:<52} {round(statistics.median(rates)):>8} records/s  ({round(min(rates))} to {round(max(rates))})"
    if first == 0 and i > 0:
        ratios = [secs[0][r] / secs[i][r] for r in rounds]
        line += f"   {statistics.median(ratios):.2f} x jq ({min(ratios):.2f} to {max(ratios):.2f})"
    print(line)
PY
