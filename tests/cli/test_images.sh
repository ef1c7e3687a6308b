#!/bin/sh
# test_images.sh — the built-in policy and catalogue are made when the
# library is built (src/tools/images.c) instead of being read at each start.
# What a process finds made must be what their text reads as: every example
# and case, assessed (text, Markdown, JSON) and compared with the built-in
# policy and catalogue, gives the same bytes and exit status as with the
# same texts given as files (read, not made), and a batch of them the same
# records; so do the catalogue's listing and entries.
# usage: test_images.sh AICERT POLICY_FILE CATALOGUE_FILE EXAMPLES_DIR CASES_DIR
set -u
AICERT=${1:?usage: test_images.sh AICERT POLICY_FILE CATALOGUE_FILE EXAMPLES_DIR CASES_DIR}
POLICY=${2:?}
CATALOGUE=${3:?}
EXAMPLES=${4:?}
CASES=${5:?}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-image.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
export AICERT_DATA="$TMP/none/occupations.db" AICERT_HISTORY="$TMP/history.db"
. "$(dirname "$0")/lib.sh"

# same ARGS...: with the built-in policy and catalogue, then with their text
# given as files (the catalogue file is merged into the built-in catalogue
# read from its text, and replaces each entry with itself).
same() {
	count=$((count + 1))
	"$AICERT" "$@" >"$TMP/built" 2>"$TMP/built.err"
	built=$?
	if [ "$1" = certs ]; then # which reads no policy
		"$AICERT" "$@" --catalogue "$CATALOGUE" >"$TMP/read" 2>"$TMP/read.err"
	else
		"$AICERT" "$@" --policy "$POLICY" --catalogue "$CATALOGUE" >"$TMP/read" 2>"$TMP/read.err"
	fi
	read=$?
	if [ "$built" -ne "$read" ] || ! cmp -s "$TMP/built" "$TMP/read" || ! cmp -s "$TMP/built.err" "$TMP/read.err"; then
		fail "aicert $* differs with the built-in policy and catalogue ($built) and with $POLICY and $CATALOGUE ($read)"
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
same certs list
same certs list --format json
for id in $(python3 -c 'import json, sys; print(" ".join(c["id"] for c in json.load(open(sys.argv[1]))["certifications"]))' "$CATALOGUE"); do
	same certs show "$id" --format json
done
# The policy the process shows is the text it was made from.
run 0 policy show && cmp -s "$TMP/out" "$POLICY" || fail "'aicert policy show' is not $POLICY"
[ "$count" -gt 100 ] || fail "only $count runs"
echo "$count runs, $failures failed"
[ "$failures" -eq 0 ]
