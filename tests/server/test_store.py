#!/usr/bin/env python3
"""test_store.py — `aicert serve --store`: assessments kept only when asked
and only with --store, each under a random 128-bit id given back in the
Location header, read and deleted by that id alone, never listed; the store
in a SQLite file (an aicert history, mode 0600) and in a real PostgreSQL
server this test starts itself (initdb and pg_ctl from Debian's postgresql,
as the postgres user when run as root), shared by two servers.

usage: test_store.py AICERT EXAMPLES_DIR"""
import glob
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_util import Server, check, finish, read  # noqa: E402

AICERT, EXAMPLES = sys.argv[1:3]
AS_OF = "2026-12-01"
tmp = tempfile.mkdtemp(prefix="aicert-store-")
env = dict(os.environ, AICERT_DATA=os.path.join(tmp, "none.db"), AICERT_HISTORY=os.path.join(tmp, "history.db"))
examples = sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith(".json"))
TOKEN = re.compile(r"^/api/v1/assessments/([0-9a-f]{32})$")


def save(srv, path):
    """POST ?save=true: (status, the id, the body)."""
    st, h, body = srv.request("POST", "/api/v1/assess?save=true&as_of=" + AS_OF, read(path))
    m = TOKEN.match(h.get("location", ""))
    return st, m.group(1) if m else None, body


def exercise(a, b, what):
    """Saves through a, reads and deletes through b."""
    plain = a.request("POST", "/api/v1/assess?as_of=" + AS_OF, read(examples[0]))[2]
    st, token, body = save(a, examples[0])
    check(st == 201 and token and body == plain, "%s: saved (201, Location) with the same document" % what)
    st, h, rec = b.json("GET", "/api/v1/assessments/" + str(token))
    check(st == 200 and rec["id"] == token and rec["assessment"] == json.loads(plain) and
          rec["profile"]["schema"].startswith("aicert/profile/") and rec["as_of"] == AS_OF and
          rec["policy"]["sha256"], "%s: read back by its id" % what)
    tokens = set()
    lock = threading.Lock()

    def worker(path):
        st, t, _ = save(a, path)
        with lock:
            tokens.add((st, t))
    threads = [threading.Thread(target=worker, args=(examples[i % len(examples)],)) for i in range(12)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    check(len(tokens) == 12 and all(st == 201 and t for st, t in tokens), "%s: 12 saves at once, 12 ids" % what)
    check(all(b.request("GET", "/api/v1/assessments/" + t)[0] == 200 for _, t in tokens),
          "%s: every one is there" % what)
    for path in ("/api/v1/assessments", "/api/v1/assessments/", "/api/v1/assessments/" + "0" * 32,
                 "/api/v1/assessments/" + token.upper(), "/api/v1/assessments/" + token[:-1],
                 "/api/v1/assessments/x';DROP%20TABLE%20assessments;--"):
        st, h, _ = b.request("GET", path)
        check(st == 404 and h["content-type"] == "application/problem+json", "%s: GET %s is 404" % (what, path[:40]))
    st, _, _ = b.request("POST", "/api/v1/assessments/" + token, b"{}")
    check(st == 405, "%s: POST to a kept assessment is 405" % what)
    st, _, _ = b.request("DELETE", "/api/v1/assessments/" + token)
    check(st == 204, "%s: DELETE is 204" % what)
    check(a.request("GET", "/api/v1/assessments/" + token)[0] == 404, "%s: gone once deleted" % what)
    check(a.request("DELETE", "/api/v1/assessments/" + token)[0] == 404, "%s: deleting again is 404" % what)
    check(token not in a.log_text() + b.log_text(), "%s: ids never appear in the log" % what)


# ---- nothing is kept without --store
srv = Server(AICERT, env=env)
try:
    st, h, body = srv.request("POST", "/api/v1/assess?save=true", read(examples[0]))
    check(st == 400 and "location" not in h and b"--store" in body, "without --store, ?save=true is refused")
    check(srv.request("GET", "/api/v1/assessments/" + "a" * 32)[0] == 404, "without --store, nothing to read")
finally:
    srv.close()
check(not os.path.exists(env["AICERT_HISTORY"]), "serving without --store writes no history")

# ---- SQLite
db = os.path.join(tmp, "store", "kept.db")
a = Server(AICERT, "--store", db, env=env)
b = Server(AICERT, "--store", db, env=env)
try:
    exercise(a, b, "SQLite")
finally:
    a.close()
    b.close()
check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, "the store's file is readable by its owner only")
p = subprocess.run([AICERT, "history", "list", "--format", "json"], capture_output=True,
                   env=dict(env, AICERT_HISTORY=db))
check(p.returncode == 0 and len(json.loads(p.stdout)["assessments"]) == 12,
      "the store is an aicert history: the 12 remaining records are listed by the owner")
with open(os.path.join(tmp, "not-a-db"), "w") as f:
    f.write("hello\n" * 100)
p = subprocess.run([AICERT, "serve", "--listen", "127.0.0.1:0", "--store", os.path.join(tmp, "not-a-db")],
                   capture_output=True, env=env, timeout=30)
check(p.returncode == 2 and b"aicert: " in p.stderr, "a file that is not a store is refused, exit 2")
check(read(os.path.join(tmp, "not-a-db")) == b"hello\n" * 100, "and left as it is")

# ---- PostgreSQL, started here
bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
if not bins:
    print("SKIP: PostgreSQL is not installed (apt-get install postgresql)")
    finish(skipped=True)
bindir = os.path.dirname(bins[-1])
as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
pgdir = tempfile.mkdtemp(prefix="aicert-pg-")
if as_user:
    shutil.chown(pgdir, "postgres", "postgres")
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
data = os.path.join(pgdir, "data")
subprocess.run(as_user + [os.path.join(bindir, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-N",
                          "--no-instructions"], check=True, capture_output=True)
subprocess.run(as_user + [os.path.join(bindir, "pg_ctl"), "-D", data, "-l", os.path.join(pgdir, "log"), "-w",
                          "-o", "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off" % (port, pgdir), "start"],
               check=True, capture_output=True)
uri = "postgresql://postgres@127.0.0.1:%d/postgres" % port
try:
    a = Server(AICERT, "--store", uri, env=env)
    b = Server(AICERT, "--store", uri, env=env)
    try:
        exercise(a, b, "PostgreSQL")
    finally:
        a.close()
        b.close()
    psql = [os.path.join(bindir, "psql"), "-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-p", str(port), "-U",
            "postgres", "postgres", "-c"]
    out = subprocess.run(psql + ["SELECT count(*), count(DISTINCT token) FROM assessments"], capture_output=True,
                         text=True).stdout.strip()
    check(out == "12|12", "PostgreSQL holds the 12 remaining records, each with its own id (%s)" % out)
    subprocess.run(psql + ["UPDATE schema_version SET version = 99"], check=True, capture_output=True)
    p = subprocess.run([AICERT, "serve", "--listen", "127.0.0.1:0", "--store", uri], capture_output=True, env=env,
                       timeout=30)
    check(p.returncode == 2 and b"version 99" in p.stderr, "a newer store is refused, exit 2 (%r)" % p.stderr[-200:])
    p = subprocess.run([AICERT, "serve", "--listen", "127.0.0.1:0", "--store",
                        "postgresql://postgres:secret-word@127.0.0.1:%d/nothing" % port],
                       capture_output=True, env=env, timeout=30)
    check(p.returncode == 2 and b"aicert: " in p.stderr and b"secret-word" not in p.stderr,
          "an unreachable database is refused, exit 2, without its password in the message")
finally:
    subprocess.run(as_user + [os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"],
                   capture_output=True)
    shutil.rmtree(pgdir, ignore_errors=True)
shutil.rmtree(tmp, ignore_errors=True)
finish()
