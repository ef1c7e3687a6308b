#!/usr/bin/env python3
"""test_api.py — the HTTP API of `aicert serve`, against servers this test
starts on free loopback ports: every endpoint (compared with what the command
line writes for the same input), every class of error (problem+json 400/422
with the CLI's own problems, 404, 405 with Allow, 413, 415, 421, timeouts),
the page's files and their caching, cross-origin access, concurrent requests,
the request log, and a stop on SIGTERM that finishes the request in flight.

usage: test_api.py AICERT TESTS_DIR EXAMPLES_DIR"""
import datetime
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_util import Server, check, finish, read  # noqa: E402

AICERT, TESTS, EXAMPLES = sys.argv[1:4]
AS_OF = "2026-12-01"
def cli(*args, env=None):
    p = subprocess.run([AICERT, *args], capture_output=True, env=env)
    return p.returncode, p.stdout, p.stderr.decode()


def is_problem(status, hdrs, body, want_status):
    ok = status == want_status and hdrs.get("content-type") == "application/problem+json"
    doc = json.loads(body) if ok else {}
    return ok and doc.get("status") == want_status and "title" in doc and "type" in doc, doc


tmp = tempfile.mkdtemp(prefix="aicert-api-")
env = dict(os.environ, AICERT_DATA=os.path.join(tmp, "none", "occupations.db"),
           AICERT_HISTORY=os.path.join(tmp, "history.db"))
db = os.path.join(tmp, "occupations.db")
rc, _, err = cli("data", "import", "--from", os.path.join(TESTS, "fixtures", "occdata", "good"), "--sample", db, env=env)
if rc != 0:  # the import takes the database as --output or a second word; try the environment
    rc, _, err = cli("data", "import", "--from", os.path.join(TESTS, "fixtures", "occdata", "good"), "--sample",
                     env=dict(env, AICERT_DATA=db))
assert rc == 0, err

srv = Server(AICERT, "--threads", "3", "--timeout", "2", "--data", db, env=env)
try:
    # ---- health, the page, its files, the description
    st, h, doc = srv.json("GET", "/healthz")
    check(st == 200 and doc["status"] == "ok" and h["content-type"] == "application/json", "healthz")
    st, h, body = srv.request("GET", "/")
    check(st == 200 and h["content-type"].startswith("text/html") and b"<html" in body, "the page at /")
    csp = h.get("content-security-policy", "")
    check("default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp,
          "a strict Content-Security-Policy: " + csp)
    check(h.get("x-content-type-options") == "nosniff", "nosniff")
    check("access-control-allow-origin" not in h, "no cross-origin access by default")
    etag = h.get("etag")
    check(etag and etag.startswith('"'), "the page has an ETag")
    st, h, body = srv.request("GET", "/", headers={"If-None-Match": etag})
    check(st == 304 and body == b"", "If-None-Match gives 304")
    st, h, body = srv.request("HEAD", "/")
    check(st == 200 and body == b"" and int(h["content-length"]) > 0, "HEAD /")
    for name in sorted(os.listdir(os.path.join(TESTS, "..", "web"))):
        path = os.path.join(TESTS, "..", "web", name)
        if os.path.isfile(path) and name != "index.html" and not name.startswith("."):
            st, h, body = srv.request("GET", "/assets/" + name)
            check(st == 200 and body == read(path), "/assets/%s is web/%s byte for byte" % (name, name))
    for path in ("/assets/nothing.js", "/assets/../CMakeLists.txt", "/etc/passwd", "/api/v1", "/api/v2/assess",
                 "/api/v1/certs/a/b", "/index.html/"):
        st, h, body = srv.request("GET", path)
        ok, _ = is_problem(st, h, body, 404)
        check(ok, "404 problem for " + path)
    st, h, body = srv.request("GET", "/?x=1")
    check(is_problem(st, h, body, 400)[0], "the page takes no query arguments")
    st, h, spec = srv.json("GET", "/openapi.json")
    check(st == 200 and spec["openapi"].startswith("3.1"), "the OpenAPI description")
    check(spec == json.loads(read(os.path.join(TESTS, "..", "data", "openapi.json"))),
          "/openapi.json is data/openapi.json")

    # ---- assess: byte for byte the command line, in every format
    examples = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".json"))
    for name in examples:
        profile = read(os.path.join(EXAMPLES, name))
        for fmt in ("json", "text", "markdown", "html"):
            rc, out, err = cli("assess", os.path.join(EXAMPLES, name), "--format", fmt, "--as-of", AS_OF,
                               "--data", db, env=env)
            q = "?as_of=" + AS_OF + ("" if fmt == "json" else "&format=" + fmt)
            st, h, body = srv.request("POST", "/api/v1/assess" + q, profile)
            check(rc == 0 and st == 200 and body == out, "assess %s as %s equals the command line" % (name, fmt))
    st, h, body = srv.request("POST", "/api/v1/assess?format=html", read(os.path.join(EXAMPLES, examples[0])))
    csp = h.get("content-security-policy", "")
    check(st == 200 and h["content-type"].startswith("text/html") and "style-src 'unsafe-inline'" in csp and
          "script-src" not in csp and "default-src 'none'" in csp,
          "an HTML report may use its inline style and run nothing: " + csp)
    st, h, doc = srv.json("POST", "/api/v1/assess", read(os.path.join(EXAMPLES, examples[0])))
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    check(st == 200 and doc["as_of"] == today, "assess without as_of speaks for today")
    st, h, _ = srv.request("POST", "/api/v1/assess", read(os.path.join(EXAMPLES, examples[0])),
                           {"Content-Type": "application/json; charset=utf-8"})
    check(st == 200, "a charset on the JSON content type is accepted")

    # ---- bad profiles: the same problems as the command line, one entry each
    bad_dir = os.path.join(TESTS, "bad", "profile")
    for name in sorted(os.listdir(bad_dir)):
        if not name.endswith(".json"):
            continue
        rc, out, err = cli("assess", os.path.join(bad_dir, name), "--format", "json", "--as-of", AS_OF,
                           "--data", db, env=env)
        st, h, body = srv.request("POST", "/api/v1/assess?as_of=" + AS_OF, read(os.path.join(bad_dir, name)))
        if rc == 0:
            check(st == 200, "%s: assessed by both" % name)
            continue
        ok, doc = is_problem(st, h, body, st)
        check(ok and st in (400, 422), "%s: a problem with 400 or 422 (got %d)" % (name, st))
        problems = doc.get("problems", [])
        lines = [l for l in err.splitlines() if l.startswith("aicert: ")]
        check(len(problems) == len(lines), "%s: %d problems, the command line reports %d" % (
            name, len(problems), len(lines)))
        for p in problems:
            where = p["path"] + ": " if p["path"] else ""
            if p.get("line"):
                where = "%d:%d: " % (p["line"], p["column"]) if p.get("column") else "%d: " % p["line"]
            check(any(l.endswith(where + p["message"]) for l in lines),
                  "%s: problem '%s%s' is the command line's" % (name, where, p["message"]))
            if "found" in p:
                check(p["message"] == "found %s, expected %s" % (p["found"], p["expected"]),
                      "%s: found and expected split the message" % name)
        check((st == 400) == all(p["path"] is None for p in problems), "%s: 400 only when it is not JSON" % name)

    # ---- bad requests
    good = read(os.path.join(EXAMPLES, examples[0]))
    for q, param in (("?as_of=2026-02-30", "as_of"), ("?format=pdf", "format"), ("?nonsense=1", "nonsense"),
                     ("?as_of=2026-01-01&as_of=2026-01-02", "as_of")):
        st, h, body = srv.request("POST", "/api/v1/assess" + q, good)
        ok, doc = is_problem(st, h, body, 400)
        check(ok and doc["problems"][0]["parameter"] == param, "assess%s: 400 naming %s" % (q, param))
    st, h, body = srv.request("POST", "/api/v1/assess?as_of=%ff", good)
    check(is_problem(st, h, body, 400)[0], "a query argument that is not UTF-8: 400")
    st, h, body = srv.request("POST", "/api/v1/assess", good, {"Content-Type": "text/plain"})
    check(is_problem(st, h, body, 415)[0], "a body that is not declared JSON: 415")
    st, h, body = srv.request("POST", "/api/v1/assess", b"")
    check(is_problem(st, h, body, 400)[0], "an empty body: 400")
    for method, path, allow in (("GET", "/api/v1/assess", "POST"), ("DELETE", "/api/v1/certs", "GET"),
                                ("POST", "/healthz", "GET"), ("PUT", "/", "GET")):
        st, h, body = srv.request(method, path, b"{}" if method != "GET" else None)
        check(is_problem(st, h, body, 405)[0] and allow in h.get("allow", ""),
              "%s %s: 405 with Allow: %s" % (method, path, allow))
    st, h, body = srv.request("GET", "/healthz", headers={"Host": "attacker.example"})
    check(is_problem(st, h, body, 421)[0], "a foreign Host on loopback is refused (421)")
    st, h, body = srv.request("GET", "/healthz", headers={"Host": "localhost:%d" % srv.port})
    check(st == 200, "Host: localhost is served")

    # Bodies over 1 MiB: declared, and chunked.
    big = b'{"schema": "aicert/profile/v2", "label": "' + b"x" * (1024 * 1024) + b'"}'
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(b"POST /api/v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n" % len(big))
    reply = s.recv(4096)  # answered before the body is sent
    s.close()
    check(reply.startswith(b"HTTP/1.1 413") and b"application/problem+json" in reply,
          "a body declared over 1 MiB: 413 before it is read (%r)" % reply[:40])
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(b"POST /api/v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"x" * 65536
    try:
        for _ in range(20):
            s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    reply = s.recv(4096)
    s.close()
    check(reply.startswith(b"HTTP/1.1 413"), "a chunked body over 1 MiB: 413 (%r)" % reply[:40])
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"y" * 40000 + b"\r\n\r\n")
    reply = s.recv(4096)
    s.close()
    check(reply.startswith(b"HTTP/1.1 4") and not reply.startswith(b"HTTP/1.1 404"),
          "headers over the limit are refused (%r)" % reply[:40])

    # Slow and stalled clients are cut off (the server runs with --timeout 2).
    for what, data in (("a request line never finished", b"GET /healthz HTTP/1.1\r\nHost: 127"),
                       ("a body never finished",
                        b"POST /api/v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        b"Content-Length: 100\r\n\r\n{\"schema\"")):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.settimeout(10)
        s.sendall(data)
        t0 = time.time()
        try:
            got = s.recv(4096)
        except OSError:
            got = b""
        s.close()
        check(got == b"" and time.time() - t0 < 8, "%s: cut off after the timeout" % what)
    # Headers or a body that trickle in, byte by byte, are cut off too.
    for what, start, drip in (("headers", b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", b"a"),
                              ("a body", b"POST /api/v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n", b" ")):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.settimeout(10)
        s.sendall(start)
        t0, cut = time.time(), False
        try:
            while time.time() - t0 < 10:
                s.sendall(drip)
                time.sleep(0.5)
        except OSError:
            cut = True
        s.close()
        check(cut, "%s that trickle in, a byte each half second, are cut off" % what)

    # ---- compare, certs, occupations, policy
    for name in examples[:3]:
        rc, out, err = cli("compare", os.path.join(EXAMPLES, name), "--format", "json", "--as-of", AS_OF,
                           "--top", "5", "--data", db, env=env)
        st, h, body = srv.request("POST", "/api/v1/compare?top=5&format=json&as_of=" + AS_OF,
                                  read(os.path.join(EXAMPLES, name)))
        check(st == 200 and body == out, "compare %s equals the command line" % name)
    st, h, body = srv.request("POST", "/api/v1/compare?top=0", good)
    check(is_problem(st, h, body, 400)[0], "compare?top=0: 400")
    for fmt in ("markdown", "html"):
        rc, out, _ = cli("compare", os.path.join(EXAMPLES, examples[0]), "--format", fmt, "--as-of", AS_OF,
                         "--data", db, env=env)
        st, h, body = srv.request("POST", "/api/v1/compare?format=%s&as_of=%s" % (fmt, AS_OF),
                                  read(os.path.join(EXAMPLES, examples[0])))
        check(rc == 0 and st == 200 and body == out, "compare as %s equals the command line" % fmt)
    st, h, body = srv.request("POST", "/api/v1/compare?format=pdf", good)
    check(is_problem(st, h, body, 400)[0], "compare?format=pdf: 400")

    rc, out, _ = cli("certs", "list", "--format", "json")
    st, h, body = srv.request("GET", "/api/v1/certs")
    check(st == 200 and body == out, "certs equals `certs list`")
    rc, out, _ = cli("certs", "list", "--format", "json", "--domain", "ai_governance", "--max-cost", "700")
    st, h, body = srv.request("GET", "/api/v1/certs?domain=ai_governance&max_cost=700")
    check(st == 200 and body == out, "certs with filters equals `certs list` with them")
    rc, out, _ = cli("certs", "search", "rag", "agents", "--format", "json")
    st, h, body = srv.request("GET", "/api/v1/certs?q=rag%20agents")
    check(st == 200 and body == out, "certs?q= equals `certs search`")
    st, h, body = srv.request("GET", "/api/v1/certs?domain=cooking")
    ok, doc = is_problem(st, h, body, 400)
    check(ok and "ai_governance" in doc["problems"][0]["expected"], "certs?domain=cooking: 400 listing the domains")
    cert_id = json.loads(out)["certifications"][0]["id"] if "certifications" in json.loads(out) else None
    if cert_id is None:
        cert_id = json.loads(out)[list(json.loads(out).keys())[-1]][0]["id"]
    rc, out, _ = cli("certs", "show", cert_id, "--format", "json")
    st, h, body = srv.request("GET", "/api/v1/certs/" + cert_id)
    check(st == 200 and body == out, "certs/%s equals `certs show`" % cert_id)
    st, h, body = srv.request("GET", "/api/v1/certs/no-such-cert")
    check(is_problem(st, h, body, 404)[0], "an unknown certificate: 404")

    rc, out, _ = cli("occupations", "search", "registered", "nurse", "--format", "json", "--data", db, env=env)
    st, h, body = srv.request("GET", "/api/v1/occupations?q=registered+nurse")
    check(st == 200 and body == out, "occupations?q= equals `occupations search`")
    rc, out, _ = cli("occupations", "search", "analyst", "--limit", "2", "--format", "json", "--data", db, env=env)
    st, h, body = srv.request("GET", "/api/v1/occupations?q=analyst&limit=2")
    check(st == 200 and body == out, "occupations?limit= equals `occupations search --limit`")
    for q in ("", "?q=", "?q=nurse&limit=0", "?q=nurse&limit=1.5"):
        st, h, body = srv.request("GET", "/api/v1/occupations" + q)
        check(is_problem(st, h, body, 400)[0], "occupations%s: 400" % q)
    rc, out, _ = cli("occupations", "show", "29-1141", "--format", "json", "--data", db, env=env)
    st, h, body = srv.request("GET", "/api/v1/occupations/29-1141")
    check(rc == 0 and st == 200 and body == out, "occupations/29-1141 equals `occupations show`")
    st, h, body = srv.request("GET", "/api/v1/occupations/99-9999.00")
    check(st in (404, 400) and h["content-type"] == "application/problem+json", "an unknown occupation: a problem")

    rc, out, _ = cli("questionnaire", "--format", "json")
    st, h, body = srv.request("GET", "/api/v1/questionnaire")
    check(rc == 0 and st == 200 and body == out, "questionnaire equals `aicert questionnaire --format json`")
    st, h, doc = srv.json("GET", "/api/v1/policy")
    rc, out, _ = cli("policy", "show")
    check(st == 200 and doc["text"].encode() == out and doc["name"] and doc["version"], "policy is `policy show`")
    st2, h2, _ = srv.request("GET", "/api/v1/policy", headers={"If-None-Match": h["etag"]})
    check(st2 == 304, "policy: If-None-Match gives 304")

    # ---- concurrent requests give the same bytes
    want = cli("assess", os.path.join(EXAMPLES, examples[1]), "--format", "json", "--as-of", AS_OF,
               "--data", db, env=env)[1]
    results = []

    def worker():
        for _ in range(5):
            results.append(srv.request("POST", "/api/v1/assess?as_of=" + AS_OF,
                                       read(os.path.join(EXAMPLES, examples[1]))))
    threads = [threading.Thread(target=worker) for _ in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    check(len(results) == 30 and all(r[0] == 200 and r[2] == want for r in results),
          "30 concurrent assessments, all the same bytes")

    # ---- a stop while a request is in flight finishes it
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.settimeout(20)
    s.sendall(b"POST /api/v1/assess?as_of=" + AS_OF.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              b"Content-Type: application/json\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(good)
              + good[:10])
    time.sleep(0.3)
    srv.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(good[10:])
    reply = b""
    while True:
        got = s.recv(65536)
        if not got:
            break
        reply += got
    s.close()
    check(reply.startswith(b"HTTP/1.1 200") and reply.endswith(
        cli("assess", os.path.join(EXAMPLES, examples[0]), "--format", "json", "--as-of", AS_OF, "--data", db,
            env=env)[1]), "the request in flight at SIGTERM is answered in full")
    rc = srv.stop()
    check(rc == 0, "SIGTERM: exit 0 (got %s)" % rc)
    try:
        socket.create_connection(("127.0.0.1", srv.port), timeout=2).close()
        check(False, "the port is closed after the stop")
    except OSError:
        pass
    log = srv.log_text()
    requests = [l for l in log.splitlines() if l[:4].isdigit()]
    check(any(" POST /api/v1/assess 200 " in l for l in requests), "the log has a line per request")
    check(any(" GET /api/v1/certs/no-such-cert 404 " in l for l in requests), "the log names the status")
    check("stopped" in log, "the log says it stopped")
finally:
    srv.close()

# ---- another server: no occupation data, and one origin allowed
srv = Server(AICERT, "--threads", "1", "--allow-origin", "http://example.org", env=env)
try:
    st, h, body = srv.request("GET", "/api/v1/occupations?q=nurse")
    check(is_problem(st, h, body, 503)[0], "no occupation data: 503")
    st, h, body = srv.request("OPTIONS", "/api/v1/assess", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    check(st == 204 and h.get("access-control-allow-origin") == "http://example.org" and
          "POST" in h.get("access-control-allow-methods", ""), "a preflight from the allowed origin")
    st, h, body = srv.request("GET", "/healthz", headers={"Origin": "http://example.org"})
    check(h.get("access-control-allow-origin") == "http://example.org", "the allowed origin may read answers")
    st, h, body = srv.request("GET", "/healthz", headers={"Origin": "http://evil.example"})
    check("access-control-allow-origin" not in h, "another origin may not")
    st, h, body = srv.request("GET", "/api/v1/policy")
    check(st == 200, "policy")
    check(srv.stop(signal.SIGINT) == 0, "SIGINT: exit 0")
finally:
    srv.close()

# ---- refusals at the start
for args, what in ((["--listen", "nowhere"], "a malformed address"), (["--threads", "0"], "zero threads"),
                   (["--allow-origin", "a b"], "a malformed origin")):
    rc, out, err = cli("serve", *args)
    check(rc == 2 and err.startswith("aicert: "), "serve %s: exit 2 (%s)" % (" ".join(args), what))

finish()
