#!/bin/sh
# test_write_errors.sh — every command whose standard output cannot be
# written (/dev/full: "no space left on device") exits 1 and says so, never 0
# with its output lost.  --help and --version included.
# usage: test_write_errors.sh PATH/TO/aicert PATH/TO/tests PATH/TO/examples
set -u
AICERT=${1:?usage: test_write_errors.sh AICERT TESTS_DIR EXAMPLES_DIR}
TESTS=${2:?usage: test_write_errors.sh AICERT TESTS_DIR EXAMPLES_DIR}
EXAMPLES=${3:?usage: test_write_errors.sh AICERT TESTS_DIR EXAMPLES_DIR}
[ -w /dev/full ] || { echo "no /dev/full here: skipped"; exit 77; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-full.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
export AICERT_DATA="$TMP/occupations.db" AICERT_HISTORY="$TMP/history.db" LC_ALL=C
failures=0
count=0

"$AICERT" data import --from "$TESTS/fixtures/occdata/good" --sample >/dev/null || exit 1
"$AICERT" assess "$EXAMPLES/product-lead.json" --save >/dev/null 2>&1 || exit 1
"$AICERT" assess "$EXAMPLES/reporting-analyst.json" --save >/dev/null 2>&1 || exit 1
python3 -c 'import json, sys
for f in sys.argv[1:]: print(json.dumps(json.load(open(f))))' "$EXAMPLES/product-lead.json" \
	"$EXAMPLES/reporting-analyst.json" >"$TMP/team.jsonl" || exit 1

# full ARGS... : the command with standard output on /dev/full.
full() {
	count=$((count + 1))
	"$AICERT" "$@" >/dev/full 2>"$TMP/err"
	got=$?
	if [ "$got" -ne 1 ]; then
		echo "FAIL: aicert $* >/dev/full exited $got, expected 1" >&2
		failures=$((failures + 1))
	elif ! grep -q "cannot write" "$TMP/err"; then
		echo "FAIL: aicert $* >/dev/full exited 1 without saying the output could not be written:" >&2
		sed 's/^/    /' "$TMP/err" >&2
		failures=$((failures + 1))
	fi
}

full --help
full --version
full certs --help
full assess --help
full data calibrate --help
full assess "$EXAMPLES/product-lead.json"
full assess "$EXAMPLES/product-lead.json" --format json
full assess "$EXAMPLES/product-lead.json" --format markdown
full compare "$EXAMPLES/product-lead.json"
full compare "$EXAMPLES/product-lead.json" --format json
full batch "$TMP/team.jsonl"
full batch "$TMP/team.jsonl" --format csv
full batch --template csv
full history list
full history show 1
full history export
full history diff
full certs list
full certs show aws-aif-c01
full certs search machine learning
full occupations search registered nurse
full occupations show 29-1141
full data import --from "$TESTS/fixtures/occdata/good" --sample --to "$TMP/again.db"
full data calibrate
full policy show
full policy show --facts
full policy check "$TESTS/../data/policy.default"
full completion bash
full init
full schema profile
full questionnaire
full serve --help

echo "$count checks, $failures failures"
[ "$failures" -eq 0 ]
