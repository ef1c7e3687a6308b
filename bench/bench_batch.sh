#!/usr/bin/env bash
# bench_batch.sh — how fast `aicert batch` assesses 100,000 varied profiles,
# with one worker and with every core, next to `jq -c .` reading the same
# file (the floor of "read a JSON line, write a JSON line").  It makes the
# profiles itself (seeded, so every run sees the same file), prints the
# machine and records per second, and asserts nothing.
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
"$AICERT" certs list --format json >"$TMP/certs.json"
python3 - "$N" "$TMP/certs.json" >"$TMP/big.jsonl" <<'EOF'
import json, random, sys
n, certs = int(sys.argv[1]), json.load(open(sys.argv[2]))["certifications"]
ids = [c["id"] for c in certs]
rng = random.Random(13)
CATS = ["routine_admin", "document_drafting", "structured_data_analysis", "standardized_reporting",
        "predictable_requests", "research_synthesis", "coordination", "content_creation", "software_development",
        "judgment_decisions", "system_design", "client_relationship", "people_leadership", "strategy_influence",
        "physical_in_person"]
TITLES = ["Financial analyst", "Project coordinator", "Data engineer", "Product lead", "Nurse", "Translator",
          "HR generalist", "Account manager", "Software developer", "Operations manager"]
SIGNALS = ["ai_optional", "few_experimenting", "ai_expected", "output_targets_rising", "hiring_slowing",
           "wider_spans", "layers_removed", "reporting_automated", "intermediaries_removed"]
MOTIVES = ["capability_gap", "credential_signal", "role_transition", "industry_shift", "signal_activity",
           "reduce_anxiety", "follow_headlines", "unclear_positioning"]
def maybe(p, value):
    return value if rng.random() < p else None
def pick(xs):
    return rng.choice(xs)
for i in range(n):
    k = rng.randint(1, 6)
    shares = [rng.randint(5, 60) for _ in range(k)]
    tasks = [{"name": f"Task {j + 1} of person {i}", "share": s, "category": pick(CATS)} for j, s in enumerate(shares)]
    for t in tasks:
        if rng.random() < 0.2:
            t["benchmarkable"] = rng.random() < 0.5
        if rng.random() < 0.1:
            t["exposure"] = round(rng.random(), 2)
    role = {"title": pick(TITLES), "kind": pick(["ic", "manager", "hybrid"]), "tasks": tasks,
            "owns_measurable_outcomes": maybe(0.7, rng.random() < 0.5),
            "decision_authority": maybe(0.6, pick(["holds", "separable"])),
            "revenue_distance": maybe(0.5, pick(["direct", "adjacent", "far"])),
            "ladder_level": maybe(0.5, rng.randint(1, 5)),
            "leverage_test": maybe(0.8, pick(["scope", "influence", "pay", "headcount_cut", "unsure"])),
            "value_basis": maybe(0.5, pick(["speed", "judgment"])),
            "hourly_pay_usd": maybe(0.5, rng.randint(15, 150))}
    doc = {"schema": "aicert/profile/v1", "label": f"Person {i}", "role": role,
           "ai_use": {"tested_in_role": maybe(0.8, rng.random() < 0.7),
                      "level": maybe(0.7, pick(["none", "experimenting", "regular", "built_workflows"]))},
           "trajectory": {"target_role": maybe(0.4, pick(TITLES)),
                          "transitioning_to_hybrid": maybe(0.3, rng.random() < 0.3)},
           "organization": {"leadership_values_ai_literacy": maybe(0.6, rng.random() < 0.5),
                            "promotion_committees_want_credentials": maybe(0.4, rng.random() < 0.3),
                            "leader_reading": maybe(0.5, pick(["modernizer", "efficient_operator",
                                                               "automation_evidence", "unknown"])),
                            "adoption_signals": rng.sample(SIGNALS, rng.randint(0, 3))},
           "industry": {"business_model_compressing": maybe(0.6, pick(["yes", "no", "unknown"])),
                        "digital_intensity": maybe(0.6, pick(["high", "medium", "low"]))},
           "motives": rng.sample(MOTIVES, rng.randint(1, 3)),
           "capability_gap": maybe(0.5, "building data pipelines with dbt and SQL"),
           "certification": {"id": pick(ids)} if rng.random() < 0.7 else None,
           "constraints": {"budget_usd": maybe(0.6, rng.randint(0, 3000)),
                           "hours_per_week": maybe(0.6, rng.randint(1, 15))}}
    def clean(v):
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items() if x is not None}
        return v
    print(json.dumps(clean(doc), separators=(",", ":")))
EOF

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
