#!/bin/sh
# test_libraries_on_demand.sh — libpq, libmicrohttpd, libedit and SQLite are
# opened only by the commands that use them.  With a broken copy of each put first
# on the loader's path, `assess` (and the other commands that need none of
# them) must run and print what they print without it, and each command that
# needs one must stop with a message naming the library instead of crashing:
# the server without libmicrohttpd, its PostgreSQL store without libpq, the
# occupation data and the history without SQLite.  (The interview without
# libedit: tests/cli/test_interview.py.)  When LIBM is "on-demand" (an
# optimised GCC build), the maths library is one of them: only a catalogue
# of the caller's own, whose words are weighed afresh, opens it.
# usage: test_libraries_on_demand.sh AICERT TESTS_DIR EXAMPLES_DIR PQ_SONAME MHD_SONAME EDIT_SONAME SQLITE_SONAME LIBM
set -u
AICERT=${1:?usage: test_libraries_on_demand.sh AICERT TESTS_DIR EXAMPLES_DIR PQ MHD EDIT SQLITE LIBM}
TESTS=${2:?}
EXAMPLES=${3:?}
PQ=${4:?} MHD=${5:?} EDIT=${6:?} SQLITE=${7:?} LIBM=${8:?}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-dynlib.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
export AICERT_DATA="$TMP/none/occupations.db" AICERT_HISTORY="$TMP/history.db"
. "$TESTS/cli/lib.sh"
mkdir "$TMP/broken" || exit 1
for lib in "$PQ" "$MHD" "$EDIT" "$SQLITE"; do
	: >"$TMP/broken/$lib" # an empty file: the loader refuses it
done
if [ "$LIBM" = on-demand ]; then
	: >"$TMP/broken/libm.so.6"
else
	echo "the maths library is loaded at start in this build: it is not checked"
fi

# Without the broken copies, then with them: the same bytes and exit status.
same() {
	count=$((count + 1))
	"$AICERT" "$@" >"$TMP/want" 2>"$TMP/want.err"
	want=$?
	LD_LIBRARY_PATH="$TMP/broken" "$AICERT" "$@" >"$TMP/got" 2>"$TMP/got.err"
	got=$?
	if [ "$got" -ne "$want" ] || ! cmp -s "$TMP/want" "$TMP/got" || ! cmp -s "$TMP/want.err" "$TMP/got.err"; then
		fail "aicert $* ran differently with broken copies of $PQ, $MHD, $EDIT and $SQLITE (exit $got, expected $want)"
		sed 's/^/    /' "$TMP/got.err" >&2
	fi
}
same assess "$EXAMPLES/product-lead.json"
same assess "$EXAMPLES/product-lead.json" --format json
same assess "$EXAMPLES/nurse-to-informatics.json" --format json # names a certificate: weighs the catalogue's words
same compare "$EXAMPLES/product-lead.json"
same batch "$EXAMPLES/product-lead.json"
same certs list
same --version
same policy show
# A profile that names no occupation code reads no occupation data.
: >"$TMP/occupations.db"
export AICERT_DATA="$TMP/occupations.db"
same assess "$EXAMPLES/product-lead.json"

# stops EXIT WORDS ARGS... : with the broken copies, exits EXIT within 10
# seconds and says WORDS on standard error.
stops() {
	want=$1 words=$2
	shift 2
	count=$((count + 1))
	LD_LIBRARY_PATH="$TMP/broken" timeout 10 "$AICERT" "$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "aicert $* exited $got, expected $want"
		sed 's/^/    /' "$TMP/err" >&2
	elif ! grep -q "$words" "$TMP/err"; then
		fail "aicert $* did not say '$words':"
		sed 's/^/    /' "$TMP/err" >&2
	fi
}
stops 1 "occupations.db: SQLite ($SQLITE) could not be loaded" assess "$TESTS/cases/occupation-without-data.json"
export AICERT_DATA="$TMP/none/occupations.db"
stops 1 "history.db: SQLite ($SQLITE) could not be loaded" history list
[ ! -e "$TMP/history.db" ] || fail "a history was made without SQLite"
if [ "$LIBM" = on-demand ]; then
	stops 1 "cannot weigh the catalogue's words: the maths library (libm.so.6) could not be loaded" \
		compare "$EXAMPLES/product-lead.json" --catalogue "$TESTS/cli/hr-catalogue.json"
fi
stops 1 "cannot serve: libmicrohttpd ($MHD) could not be loaded" serve --listen 127.0.0.1:0
rm "$TMP/broken/$MHD"
stops 2 "the PostgreSQL store: libpq ($PQ) could not be loaded" serve --listen 127.0.0.1:0 \
	--store postgresql://127.0.0.1:1/none

echo "$count checks, $failures failed"
[ "$failures" -eq 0 ]
