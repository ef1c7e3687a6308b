#!/bin/sh
# test_install.sh — installs the build into a scratch prefix and builds a small
# program against the installed header, library and pkg-config file.
# usage: test_install.sh BUILD_DIR SOURCE_TESTS_DIR
set -eu
BUILD=${1:?usage: test_install.sh BUILD_DIR TESTS_DIR}
TESTS=${2:?usage: test_install.sh BUILD_DIR TESTS_DIR}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-install.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
cmake --install "$BUILD" --prefix "$TMP/prefix" >/dev/null
for f in bin/aicert include/aicert.h lib/libaicert.a lib/pkgconfig/aicert.pc; do
	[ -e "$TMP/prefix/$f" ] || { echo "FAIL: $f was not installed" >&2; exit 1; }
done
# What a person needs beside the binary: a man page per command (made from its
# help), completions, the profile's JSON Schema and the examples.
for f in share/man/man1/aicert.1 share/man/man1/aicert-interview.1 share/man/man1/aicert-history-diff.1 \
	share/bash-completion/completions/aicert share/zsh/site-functions/_aicert \
	share/aicert/profile.schema.json share/aicert/questionnaire.txt share/doc/aicert/examples/product-lead.json; do
	[ -s "$TMP/prefix/$f" ] || { echo "FAIL: $f was not installed" >&2; exit 1; }
done
pages=$(ls "$TMP/prefix/share/man/man1" | wc -l)
commands=$("$TMP/prefix/bin/aicert" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { n++ } END { print n }')
[ "$pages" -eq $((commands + 1)) ] || { echo "FAIL: $pages man pages for $commands commands" >&2; exit 1; }
grep -qF -- '\-\-questionnaire' "$TMP/prefix/share/man/man1/aicert-interview.1" ||
	{ echo "FAIL: the interview's man page lacks its options" >&2; exit 1; }
"$TMP/prefix/bin/aicert" assess --help | grep -q 'aicert interview' ||
	{ echo "FAIL: assess --help does not say how to make a profile" >&2; exit 1; }
[ -e "$TMP/prefix/lib/libaicert.so" ] || { echo "FAIL: libaicert.so was not installed" >&2; exit 1; }
export PKG_CONFIG_PATH="$TMP/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$TESTS/install/embed.c" $(pkg-config --cflags --libs aicert) -o "$TMP/embed"
out=$(LD_LIBRARY_PATH="$TMP/prefix/lib" "$TMP/embed")
[ "$out" = "avoid/structural_exposure: headline" ] || { echo "FAIL: embed printed '$out'" >&2; exit 1; }
"$TMP/prefix/bin/aicert" --version >/dev/null
echo "install: 1 passed, 0 failed"
