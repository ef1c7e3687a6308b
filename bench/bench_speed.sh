#!/usr/bin/env bash
# bench_speed.sh — the whole pipeline against jq, on one core, in one run:
# records per second of `jq -c .` and of aicert (parse, assess with the
# what-if search, render JSON: `aicert batch -j 1`) over the same JSON Lines of
# varied profiles it makes itself (bench/make_profiles.py, seeded); the
# per-step ratios against the profile parse (bench_engine); `aicert assess` as
# a process against a ten-line jansson program (bench_jansson); and compare
# against the catalogue's size times one assessment.  Each figure is given in
# CPU time and wall time, and the steps also in instruction counts (callgrind,
# when valgrind is installed), which stay the same on a busy machine.  It
# prints figures and the targets; it asserts nothing.
#
# usage: [ROUNDS=3] bench/bench_speed.sh [BUILD_DIR] [RECORDS]     (default build, 100000)
set -euo pipefail
BUILD=${1:-build}
N=${2:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
AICERT=$BUILD/aicert
for b in aicert bench_engine bench_jansson; do
	[ -x "$BUILD/$b" ] || { echo "bench_speed: $BUILD/$b is not built (cmake --build $BUILD)" >&2; exit 2; }
done
# One core: everything below (and its children) runs on CPU 0.
if [ -z "${BENCH_PINNED:-}" ] && command -v taskset >/dev/null; then
	BENCH_PINNED=1 exec taskset -c 0 "$0" "$@"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-speed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export AICERT_DATA="$TMP/no-occupation-data.db" # the model alone, the same everywhere
export AICERT_HISTORY="$TMP/history.db"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
echo "machine: ${cpu:-unknown CPU}, $(nproc --all) cores; $os, $(uname -sr); $("$AICERT" --version)"
where="every core (taskset is not installed)"
[ -z "${BENCH_PINNED:-}" ] || where="one core (taskset -c 0)"
echo "run on: $where; load average before:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"

python3 "$HERE/make_profiles.py" "$N" >"$TMP/big.jsonl"
python3 "$HERE/make_profiles.py" $((N / 10)) >"$TMP/tenth.jsonl"
echo "input: $N profiles made from examples/ and tests/cases/, $(($(wc -c <"$TMP/big.jsonl") / 1024)) KiB of JSON Lines"
echo

# timed NAME COMMAND...: runs once; sets WALL, CPU (user + system seconds) and RSS (KiB).
timed() {
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" || [ $? -eq 3 ] ||
		{ echo "bench_speed: $name failed:" >&2; cat "$TMP/err" >&2; exit 1; }
	read -r WALL user sys RSS <"$TMP/time"
	CPU=$(python3 -c "print(max($user + $sys, 0.01))")
}
py() { python3 -c "print($1)"; }

# ------------------------------------------------------------ 1. the pipeline
# jq and aicert in turn, ROUNDS times (default 3); each round's ratio is of
# its own two runs, so that a slow spell of the machine falls on both.
ROUNDS=${ROUNDS:-3}
echo "1. The whole pipeline over $N profiles (records/s; CPU time, then wall time; the median of $ROUNDS rounds)"
: >"$TMP/rounds"
for round in $(seq "$ROUNDS"); do
	timed "jq" jq -c . "$TMP/big.jsonl"
	jq_c=$CPU jq_w=$WALL
	timed "aicert batch" "$AICERT" batch "$TMP/big.jsonl" -j 1
	echo "$jq_c $jq_w $CPU $WALL" >>"$TMP/rounds"
	rss_all=$RSS
done
read -r jq_cpu jq_wall ai_cpu ai_wall pipeline pipeline_wall spread < <(python3 - "$TMP/rounds" "$N" <<'PY'
import sys, statistics as st
n = int(sys.argv[2])
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
med = st.median
ratios = [r[0] / r[2] for r in rows]
print(round(n / med([r[0] for r in rows])), round(n / med([r[1] for r in rows])),
      round(n / med([r[2] for r in rows])), round(n / med([r[3] for r in rows])),
      f"{med(ratios):.2f}", f"{med([r[1] / r[3] for r in rows]):.2f}", f"{min(ratios):.2f}-{max(ratios):.2f}")
PY
)
printf '   %-42s %8s /s CPU  %8s /s wall\n' "jq -c . big.jsonl" "$jq_cpu" "$jq_wall"
printf '   %-42s %8s /s CPU  %8s /s wall\n' "aicert batch -j 1 big.jsonl" "$ai_cpu" "$ai_wall"
printf '   %-42s %8sx CPU  %8sx wall   (target >= 1.5; rounds %s in CPU)\n' "aicert / jq" "$pipeline" "$pipeline_wall" "$spread"
timed "aicert batch (a tenth)" "$AICERT" batch "$TMP/tenth.jsonl" -j 1
echo "   peak memory: $((rss_all / 1024)) MiB over $N records, $((RSS / 1024)) MiB over $((N / 10))"
echo

# ------------------------------------------------------------ 2. the steps
echo "2. Step by step, in one process (bench_engine, the first 1,000 profiles)"
"$BUILD/bench_engine" "$TMP/big.jsonl" 1000 | sed 's/^/   /'
if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
	echo "   in instructions (callgrind, the first 200 profiles once), against the parse:"
	valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" "$BUILD/bench_engine" --once "$TMP/big.jsonl" 200 \
		>/dev/null 2>&1
	callgrind_annotate --inclusive=yes --threshold=100 "$TMP/cg.out" 2>/dev/null |
		awk '/^ *[0-9,]+ \(.*:step_[a-z_]+ \[/ { gsub(",", "", $1); match($0, /:step_[a-z_]+/);
			ir[substr($0, RSTART + 1, RLENGTH - 1)] = $1 }
		END { p = ir["step_parse"]; if (!p) exit;
		      n = split("step_assess step_assess_whatifs step_render_json step_render_text step_render_markdown" \
				" step_render_html step_compare", s, " ");
		      for (i = 1; i <= n; i++) printf "     %-36s %14.0f Ir  %6.2fx\n", s[i], ir[s[i]], ir[s[i]] / p;
		      printf "     %-36s %14.0f Ir\n", "step_parse", p;
		      j = ir["step_jansson"]; if (!j) exit;
		      printf "     %-36s %14.0f Ir  %6.2fx; against it, with what-ifs %.2fx, JSON %.2fx\n", "step_jansson (json_loadb)",
			     j, j / p, ir["step_assess_whatifs"] / j, ir["step_render_json"] / j }'
fi
echo

# ------------------------------------------------------------ 3. one process
profile=$HERE/../examples/product-lead.json
echo "3. One process: aicert assess $(basename "$profile") --format json against bench_jansson (read and print it)"
if command -v hyperfine >/dev/null; then
	# A process takes a few milliseconds, and one run of 300 each put the
	# ratio anywhere from 1.45 to 1.58 minutes apart: the two take turns
	# over ROUNDS rounds of 100 runs, and each round's ratio is of its own
	# pair, as in section 1.
	for round in $(seq "$ROUNDS"); do
		hyperfine -N --warmup 10 --runs 100 --export-json "$TMP/hf$round.json" \
			"$AICERT assess $profile --format json" "$BUILD/bench_jansson $profile" >/dev/null 2>&1
	done
	python3 - "$TMP"/hf[0-9]*.json <<'EOF'
import json, sys, statistics as st
cpu = lambda x: x["user"] + x["system"]
rounds = [json.load(open(f))["results"] for f in sys.argv[1:]]
med = lambda f: st.median(f(r) for r in rounds)
ai, ref = med(lambda r: r[0]["mean"]), med(lambda r: r[1]["mean"])
ai_cpu, ref_cpu = med(lambda r: cpu(r[0])), med(lambda r: cpu(r[1]))
wall = [r[0]["mean"] / r[1]["mean"] for r in rounds]
cpus = [cpu(r[0]) / cpu(r[1]) for r in rounds]
print(f"   aicert assess  {ai * 1e3:7.2f} ms wall  {ai_cpu * 1e3:7.2f} ms CPU   (medians of {len(rounds)} rounds of 100 runs)")
print(f"   bench_jansson  {ref * 1e3:7.2f} ms wall  {ref_cpu * 1e3:7.2f} ms CPU")
print(f"   aicert / jansson: {st.median(wall):.2f}x wall, {st.median(cpus):.2f}x CPU   "
      f"(target <= 1.5; rounds {min(cpus):.2f}-{max(cpus):.2f} in CPU)")
EOF
else
	echo "   hyperfine is not installed (apt-get install hyperfine): no wall-clock figure"
fi
if command -v valgrind >/dev/null; then
	ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
	ai_ir=$(ir "$AICERT" assess "$profile" --format json)
	ref_ir=$(ir "$BUILD/bench_jansson" "$profile")
	printf '   instructions: aicert %d, bench_jansson %d: %.2fx\n' "$ai_ir" "$ref_ir" "$(py "$ai_ir / $ref_ir")"
fi
echo
echo "Wall-clock figures depend on what else the machine runs (load average now:$(cut -d' ' -f1-3 /proc/loadavg |
	sed 's/^/ /')); CPU time is steadier, instruction counts repeat exactly."
