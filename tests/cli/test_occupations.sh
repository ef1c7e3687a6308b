#!/bin/sh
# test_occupations.sh — `aicert data import|calibrate` and `aicert occupations
# search|show` from the shell, on the fixture: exit codes, the install hint
# when no data is installed, JSON that names the source of every figure, and a
# calibrated policy that the policy checker accepts.
# usage: test_occupations.sh PATH/TO/aicert PATH/TO/tests
set -u
AICERT=${1:?usage: test_occupations.sh AICERT TESTS_DIR}
TESTS=${2:?usage: test_occupations.sh AICERT TESTS_DIR}
FIXTURE=$TESTS/fixtures/occdata
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-occ.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
# No installed data unless a test says otherwise.
export AICERT_DATA="$TMP/none/occupations.db"

. "$TESTS/cli/lib.sh"

# Not installed: exit 2 and the way to install.
run 2 occupations search nurse && has "$TMP/err" "scripts/fetch-data.sh"
run 2 occupations show 29-1141 && has "$TMP/err" "aicert data import --from"
run 2 data calibrate && has "$TMP/err" "not installed"

# Import: default path from AICERT_DATA, parent folders created.
export AICERT_DATA="$TMP/data/sub/occupations.db"
run 0 data import --from "$FIXTURE/good" --sample && has "$TMP/out" "8 occupations"
[ -f "$AICERT_DATA" ] || fail "no database at $AICERT_DATA"
run 2 data import
run 2 data import --from "$TMP/nowhere" && has "$TMP/err" "nothing was imported"
# A bad file names file and line and keeps the installed database.
mkdir -p "$TMP/bad" && cp -R "$FIXTURE/good/." "$TMP/bad/" &&
	cp "$FIXTURE/bad/bad-beta/gpts-are-gpts/full_labelset.tsv" "$TMP/bad/gpts-are-gpts/"
run 2 data import --from "$TMP/bad" --sample && has "$TMP/err" "full_labelset.tsv:4: beta 'high'"
run 0 occupations search rn

# Search.
run 0 occupations search registered nurse && has "$TMP/out" "29-1141.00  1.00"
run 0 occupations search 'fp&a' analyst --format json &&
	pycheck "fp&a analyst ranks 13-2051.00 first" '
m = d["matches"]
assert m[0]["code"] == "13-2051.00", m
assert m[0]["matched"] == "Financial Planning and Analysis Analyst"
assert all(a["confidence"] >= b["confidence"] for a, b in zip(m, m[1:]))'
run 0 occupations search scrum master --limit 1 --format json &&
	pycheck "limit 1" 'assert len(d["matches"]) == 1 and d["matches"][0]["code"] == "15-1299.09"'
run 0 occupations search zzyzx && has "$TMP/out" "no occupation matches"
run 2 occupations search '&&&'
run 2 occupations search nurse --limit 0
run 2 occupations search nurse --limit 2.5
run 2 occupations search nurse --format markdown
run 2 occupations search

# Show: both code forms, every figure with its source.
run 0 occupations show 13-1021 && has "$TMP/out" "13-1020: a wider group" && has "$TMP/out" "GPTs are GPTs"
run 0 occupations show 13-2051.00 --format json &&
	pycheck "every figure names its source" '
assert d["code"] == "13-2051.00"
for k in ("beta", "applicability"):
    f = d["exposure"][k]
    assert f["value"] is not None and f["percentile"] is not None and f["from"]["source"], f
for k in ("employment", "median_wage_usd", "growth_pct", "education", "job_zone"):
    assert d[k]["value"] is not None and d[k]["from"]["source"], k
assert [t["task_id"] for t in d["tasks"]] == [1001, 1002, 1003, 1004]
assert d["tasks"][0]["category"] == "structured_data_analysis", d["tasks"][0]
assert d["tasks"][3]["type"] is None and d["tasks"][3]["category"] is None
assert {s["licence"] for s in d["sources"]} == {"CC BY 4.0", "MIT", "public domain"}'
run 2 occupations show 99-9999 && has "$TMP/err" "no occupation 99-9999"
run 2 occupations show nurse && has "$TMP/err" "not an occupation code"
run 2 occupations show 13-2051 --data "$TMP/missing.db"

# Calibrate: figures as comments, and a policy the checker accepts.
run 0 data calibrate && has "$TMP/out" "Spearman" &&
	has "$TMP/out" "# calibrated: mean measured exposure" && cp "$TMP/out" "$TMP/calibrated.policy" &&
	run 0 policy check "$TMP/calibrated.policy" && has "$TMP/out" "calibrated"

echo "$count checks, $failures failures"
[ "$failures" -eq 0 ]
