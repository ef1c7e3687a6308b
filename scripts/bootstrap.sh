#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds aicert into build/, and
# assesses one example profile.  Safe to run again: it installs nothing that is
# already there.  Usage: scripts/bootstrap.sh [PROFILE]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libjansson-dev libsqlite3-dev libcmocka-dev libmicrohttpd-dev libedit-dev libpq-dev libmimalloc-dev postgresql python3 python3-jsonschema locales
          chromium fonts-dejavu-core clang libclang-rt-14-dev clang-format)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm for the browser test, from Debian unless some Node is already there.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser test's npm packages, at the versions package-lock.json pins.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: npm ci (playwright-core, axe-core for the browser test)"
  npm ci --no-audit --no-fund --ignore-scripts >/dev/null
fi

# A locale with a decimal comma, for the test that the library ignores LC_NUMERIC.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8 || echo "bootstrap: no de_DE.UTF-8 locale: test_locale will be skipped"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "bootstrap: built build/aicert ($(build/aicert --version))"
echo
build/aicert assess "${1:-examples/product-lead.json}"
