# lib.sh — helpers shared by the shell tests of the CLI (sourced, not run).
# The caller sets AICERT (the binary) and TMP (a scratch folder) and reads
# $failures and $count at the end.
failures=0
count=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# run EXPECTED_EXIT ARGS... : runs aicert, output in $TMP/out and $TMP/err.
run() {
	want=$1
	shift
	count=$((count + 1))
	"$AICERT" "$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "aicert $* exited $got, expected $want"
		sed 's/^/    /' "$TMP/err" >&2
		return 1
	fi
	return 0
}

# pycheck DESCRIPTION PYTHON : runs PYTHON with `d` bound to the JSON on stdout.
pycheck() {
	desc=$1
	if ! python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
$2
" "$TMP/out" 2>"$TMP/pyerr"; then
		fail "$desc"
		sed 's/^/    /' "$TMP/pyerr" >&2
	fi
}

# contains FILE TEXT DESCRIPTION : FILE contains TEXT.
contains() {
	grep -qF -- "$2" "$1" || fail "$3: '$2' not found in $(head -c 400 "$1")"
}

# has FILE TEXT : FILE contains TEXT.
has() {
	contains "$1" "$2" "$1"
}
