#!/bin/sh
# test_special_files.sh — only regular files (or - for standard input) are
# read: a FIFO with no writer is refused at once instead of blocking, and so
# are a device and a folder; `data import --to` refuses a target that is not
# a regular file and leaves it as it was.  And the one limit on messages:
# at most 200 problems listed for an input.
# usage: test_special_files.sh PATH/TO/aicert PATH/TO/tests PATH/TO/examples
set -u
AICERT=${1:?usage: test_special_files.sh AICERT TESTS_DIR EXAMPLES_DIR}
TESTS=${2:?usage: test_special_files.sh AICERT TESTS_DIR EXAMPLES_DIR}
EXAMPLES=${3:?usage: test_special_files.sh AICERT TESTS_DIR EXAMPLES_DIR}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-special.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
export AICERT_DATA="$TMP/none/occupations.db" AICERT_HISTORY="$TMP/history.db"
. "$TESTS/cli/lib.sh"
mkfifo "$TMP/fifo" || exit 1

# refused EXPECTED-WORDS ARGS... : exit 2 within 10 seconds, the words said.
refused() {
	words=$1
	shift
	count=$((count + 1))
	timeout 10 "$AICERT" "$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -ne 2 ]; then
		fail "aicert $* exited $got, expected 2"
	elif ! grep -q "$words" "$TMP/err"; then
		fail "aicert $* did not say '$words':"
		sed 's/^/    /' "$TMP/err" >&2
	elif [ -s "$TMP/out" ]; then
		fail "aicert $* wrote on standard output"
	fi
}

refused "a pipe (FIFO), expected a regular file" assess "$TMP/fifo"
refused "a pipe (FIFO), expected a regular file" assess "$EXAMPLES/product-lead.json" --policy "$TMP/fifo"
refused "a pipe (FIFO), expected a regular file" assess "$EXAMPLES/product-lead.json" --catalogue "$TMP/fifo"
refused "a pipe (FIFO), expected a regular file" policy check "$TMP/fifo"
refused "a pipe (FIFO), expected a regular file" batch "$TMP/fifo"
refused "a device or other special file" assess /dev/null
refused "a folder" assess "$TMP"
run 0 assess - <"$EXAMPLES/product-lead.json"
refused "found a pipe (FIFO), expected an occupation database file" occupations search nurse --data "$TMP/fifo"
refused "found a pipe (FIFO), expected an occupation database file" \
	assess "$EXAMPLES/nurse-to-informatics.json" --data "$TMP/fifo"
AICERT_DATA="$TMP/fifo" refused "found a pipe (FIFO)" occupations show 29-1141.00
refused "found a device or other special file, expected an occupation database file" \
	occupations search nurse --data /dev/zero

# Bytes from outside that could drive a terminal (an escape sequence in a
# file name or an option value) are shown escaped in every message.
esc=$(printf '\033[2J')
for arg in "$TMP/${esc}x.json" "--${esc}"; do
	refused 'x1b' assess "$arg"
	if grep -q "$(printf '\033')" "$TMP/err"; then fail "an escape character in '$arg' reached the terminal"; fi
done
printf '{"schema": "aicert/profile/v1", "motives": ["\\u001b[2J"]}' >"$TMP/esc.json"
refused 'x1b' assess "$TMP/esc.json"
if grep -q "$(printf '\033')" "$TMP/err"; then fail "an escape character in a profile reached the terminal"; fi

refused "found a pipe (FIFO), expected a database file" \
	data import --from "$TESTS/fixtures/occdata/good" --sample --to "$TMP/fifo"
[ -p "$TMP/fifo" ] || fail "the FIFO named by --to was replaced"
: >"$TMP/target.db"
ln -s "$TMP/target.db" "$TMP/link.db"
refused "found a symbolic link" data import --from "$TESTS/fixtures/occdata/good" --sample --to "$TMP/link.db"
[ -L "$TMP/link.db" ] || fail "the symbolic link named by --to was replaced"
refused "found a folder" data import --from "$TESTS/fixtures/occdata/good" --sample --to "$TMP"

# An output named by --output that is a pipe or a device takes the records as
# a stream and is never replaced by a file (renamed over /dev/null, a file
# would take the device's place).
python3 -c 'import json, sys
for f in sys.argv[2:]:
    print(json.dumps(json.load(open(f))))' x "$EXAMPLES/product-lead.json" "$EXAMPLES/reporting-analyst.json" \
	>"$TMP/two.jsonl" || exit 1
timeout 10 cat "$TMP/fifo" >"$TMP/from-fifo" &
reader=$!
run 0 batch "$TMP/two.jsonl" --output "$TMP/fifo" --as-of 2026-11-29
wait "$reader"
[ -p "$TMP/fifo" ] || fail "the FIFO named by --output was replaced"
[ "$(wc -l <"$TMP/from-fifo")" -eq 2 ] || fail "the FIFO named by --output did not get both records"
run 0 batch "$TMP/two.jsonl" --as-of 2026-11-29
cmp -s "$TMP/out" "$TMP/from-fifo" || fail "the FIFO got other records than standard output"
# A device of the test's own (making one needs root; the check is skipped
# without it): the null device under another name.
if mknod "$TMP/null" c 1 3 2>/dev/null; then
	run 0 batch "$TMP/two.jsonl" --output "$TMP/null"
	[ -c "$TMP/null" ] || fail "the device named by --output was replaced by a file"
	ls "$TMP" | grep -q '^null\.tmp-' && fail "a temporary file was left beside the device"
fi

# Limits: at most 200 problems are listed for one input, then how many more.
python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
p["motives"] = ["fomo%d" % i for i in range(300)]
json.dump(p, open(sys.argv[2], "w"))' "$EXAMPLES/product-lead.json" "$TMP/many.json" || exit 1
run 2 assess "$TMP/many.json"
[ "$(wc -l <"$TMP/err")" -eq 201 ] || fail "300 bad motives gave $(wc -l <"$TMP/err") lines, expected 200 and a count"
grep -q "^aicert: and 100 more problems$" "$TMP/err" || fail "no 'and 100 more problems' after the 200th"

echo "$count checks, $failures failures"
[ "$failures" -eq 0 ]
