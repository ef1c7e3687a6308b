#!/bin/sh
# Runs the web page's test in headless Chromium (test_page.mjs), or skips it
# (exit 77, CTest's SKIP_RETURN_CODE) with a message when Chromium, Node or
# the pinned npm packages are not installed here.  Where the browser test is
# required (AICERT_REQUIRE_BROWSER=1, set by .ci/run) a missing piece fails.
# usage: run.sh AICERT OUTDIR
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=${AICERT_CHROMIUM:-/usr/bin/chromium}
missing=""
command -v node >/dev/null 2>&1 || missing="$missing node (Debian: nodejs)"
[ -x "$chromium" ] || missing="$missing $chromium (Debian: chromium)"
[ -f "$root/node_modules/playwright-core/package.json" ] && [ -f "$root/node_modules/axe-core/axe.min.js" ] ||
  missing="$missing node_modules (npm ci in $root)"
if [ -n "$missing" ]; then
  if [ "${AICERT_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "FAILED: the browser test is required here, but these are missing:$missing"
    exit 1
  fi
  echo "SKIPPED: the browser test needs$missing; scripts/bootstrap.sh installs them"
  exit 77
fi
exec node "$here/test_page.mjs" "$@"
