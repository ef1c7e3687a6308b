#!/bin/sh
# test_policy_image.sh — the built-in policy is made when the library is
# built (src/tools/policy_image.c) instead of being read at each start.  What
# a process finds made must be the policy its text reads as: every example
# and case, assessed (text, Markdown, JSON) and compared with the built-in
# policy, gives the same bytes and exit status as with the same text given
# as a file, and a batch of them the same records.
# usage: test_policy_image.sh AICERT POLICY_FILE EXAMPLES_DIR CASES_DIR
set -u
AICERT=${1:?usage: test_policy_image.sh AICERT POLICY_FILE EXAMPLES_DIR CASES_DIR}
POLICY=${2:?}
EXAMPLES=${3:?}
CASES=${4:?}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-image.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
export AICERT_DATA="$TMP/none/occupations.db" AICERT_HISTORY="$TMP/history.db"
. "$(dirname "$0")/lib.sh"

same() {
	count=$((count + 1))
	"$AICERT" "$@" >"$TMP/built" 2>"$TMP/built.err"
	built=$?
	"$AICERT" "$@" --policy "$POLICY" >"$TMP/read" 2>"$TMP/read.err"
	read=$?
	if [ "$built" -ne "$read" ] || ! cmp -s "$TMP/built" "$TMP/read" || ! cmp -s "$TMP/built.err" "$TMP/read.err"; then
		fail "aicert $* differs with the built-in policy ($built) and with $POLICY ($read)"
		diff "$TMP/built" "$TMP/read" | head -5 >&2
	fi
}

: >"$TMP/all.jsonl"
for f in "$EXAMPLES"/*.json "$CASES"/*.json; do
	for format in text markdown json; do
		same assess "$f" --as-of 2026-11-29 --format "$format"
	done
	same compare "$f" --as-of 2026-11-29 --format json
	python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$f" >>"$TMP/all.jsonl" 2>/dev/null
done
same batch "$TMP/all.jsonl" --as-of 2026-11-29
# The policy the process shows is the text it was made from.
run 0 policy show && cmp -s "$TMP/out" "$POLICY" || fail "'aicert policy show' is not $POLICY"
[ "$count" -gt 100 ] || fail "only $count runs"
echo "$count runs, $failures failed"
[ "$failures" -eq 0 ]
