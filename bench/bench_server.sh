#!/usr/bin/env bash
# bench_server.sh — how fast `aicert serve` answers, driven by wrk on
# loopback for a bounded time: POST /api/v1/assess (one example profile,
# the whole engine with its search for what would change the verdict)
# against GET of a static file of the same server, and against nginx serving
# a file of the same size as the assessment, with the same number of worker
# threads.  Prints requests/s, the 99th percentile latency and the ratios;
# asserts nothing.  Needs Debian's wrk and nginx (nginx-light is enough).
#
# The three are driven in turn, ROUNDS times over (so that a slow spell of
# the machine falls on all of them, not on one), and the medians are
# compared; each round's own ratio is printed too.
#
# usage: bench/bench_server.sh [AICERT] [SECONDS] [CONNECTIONS] [PROFILE] [ROUNDS]
#        (default build/aicert, 10, 32, examples/product-lead.json, 3)
set -euo pipefail
AICERT=${1:-build/aicert}
SECONDS_EACH=${2:-10}
CONNS=${3:-32}
PROFILE=${4:-examples/product-lead.json}
ROUNDS=${5:-3}
for tool in wrk nginx; do
	command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
		{ echo "bench_server: $tool is missing (apt-get install wrk nginx-light)" >&2; exit 2; }
done
[ -x "$AICERT" ] || { echo "bench_server: $AICERT is not built (cmake --build build)" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
THREADS=$(nproc)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-bench-server.XXXXXX")
SERVER_PID="" NGINX_PID=""
cleanup() {
	[ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
	[ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
	[ -n "${KEEP:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT
export AICERT_DATA="$TMP/no-occupation-data.db" # the model alone, the same everywhere

# ---------------------------------------------------------------- aicert serve
"$AICERT" serve --listen 127.0.0.1:0 --threads "$THREADS" 2>"$TMP/serve.log" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$TMP/serve.log" && break; sleep 0.05; done
PORT=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.log")
[ -n "$PORT" ] || { cat "$TMP/serve.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

# The assessment's size decides the size of nginx's file.
python3 - "$BASE" "$PROFILE" "$TMP" <<'PY'
import sys, urllib.request
base, profile, tmp = sys.argv[1:4]
body = open(profile, "rb").read()
req = urllib.request.Request(base + "/api/v1/assess?as_of=2026-12-01", data=body,
                             headers={"Content-Type": "application/json"})
out = urllib.request.urlopen(req).read()
static = urllib.request.urlopen(base + "/openapi.json").read()
import os
os.makedirs(tmp + "/www", exist_ok=True)
open(tmp + "/www/same-size.json", "wb").write(b"x" * len(out))
open(tmp + "/sizes", "w").write("%d %d\n" % (len(out), len(static)))
PY
read -r ASSESS_BYTES STATIC_BYTES <"$TMP/sizes"
cat >"$TMP/post.lua" <<EOF
local f = assert(io.open("$PROFILE", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
EOF

# ---------------------------------------------------------------- nginx
# nginx's workers may run as another user (nobody): they must read the file.
chmod a+rx "$TMP" "$TMP/www" && chmod a+r "$TMP/www/same-size.json"
NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$TMP/nginx"
cat >"$TMP/nginx.conf" <<EOF
worker_processes $THREADS;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $TMP/nginx/body;
	proxy_temp_path $TMP/nginx/proxy;
	fastcgi_temp_path $TMP/nginx/fastcgi;
	uwsgi_temp_path $TMP/nginx/uwsgi;
	scgi_temp_path $TMP/nginx/scgi;
	default_type application/json;
	server { listen 127.0.0.1:$NGINX_PORT; root $TMP/www; }
}
EOF
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx.conf" 2>"$TMP/nginx/start.log" &
NGINX_PID=$!
for _ in $(seq 100); do
	python3 -c "import socket; socket.create_connection(('127.0.0.1', $NGINX_PORT)).close()" 2>/dev/null && break
	sleep 0.05
done

# ---------------------------------------------------------------- runs
# wrk's summary: requests/s and the 99th percentile in milliseconds.
run() {
	wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$@" >"$TMP/wrk.out" 2>&1
	python3 - "$TMP/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad:
    sys.exit("wrk: %s answers were not 2xx: %s" % (bad.group(1), text))
print("%.0f %.2f" % (rps, p99))
PY
}
for round in $(seq "$ROUNDS"); do
	run -s "$TMP/post.lua" "$BASE/api/v1/assess?as_of=2026-12-01" >>"$TMP/assess.runs"
	run "$BASE/openapi.json" >>"$TMP/static.runs"
	run "http://127.0.0.1:$NGINX_PORT/same-size.json" >>"$TMP/nginx.runs"
done

echo "machine: $(nproc) processors ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)); $THREADS server threads and nginx workers"
echo "wrk: 2 threads, $CONNS connections, ${SECONDS_EACH}s each, loopback; $ROUNDS rounds, medians"
python3 - "$TMP" "$ASSESS_BYTES" "$STATIC_BYTES" "$(basename "$PROFILE")" <<'PY'
import statistics, sys
tmp, assess_bytes, static_bytes, profile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def runs(name):
    return [tuple(map(float, line.split())) for line in open("%s/%s.runs" % (tmp, name))]
a, s, n = runs("assess"), runs("static"), runs("nginx")
med = lambda rows, k: statistics.median(r[k] for r in rows)
print("%-46s %8s %9s %9s" % ("", "bytes", "req/s", "p99 ms"))
for label, size, rows in (("aicert POST /api/v1/assess (%s)" % profile, assess_bytes, a),
                          ("aicert GET /openapi.json (compiled in)", static_bytes, s),
                          ("nginx GET of a file of the assessment's size", assess_bytes, n)):
    print("%-46s %8d %9.0f %9.2f" % (label, size, med(rows, 0), med(rows, 1)))
print("each round, assess / aicert static: %s" % ", ".join("%.3f" % (x[0] / y[0]) for x, y in zip(a, s)))
print("assess / aicert static: %.3f   (aim: at least 0.5)" % (med(a, 0) / med(s, 0)))
print("assess / nginx:         %.3f" % (med(a, 0) / med(n, 0)))
print("aicert static / nginx:  %.3f" % (med(s, 0) / med(n, 0)))
PY
