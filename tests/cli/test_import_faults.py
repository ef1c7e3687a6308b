#!/usr/bin/env python3
"""test_import_faults.py — `aicert data import` when things go wrong around it:
a SIGTERM or SIGINT in the middle removes the temporary database and stops
the program as the signal would; the temporary files of a killed import are
removed by the next one (those of a live process are kept); a FIFO among the
sources is refused at once (exit 2); a disk that fills up (simulated with a
file size limit, so that it runs without root), a folder that cannot be
written and a source that cannot be read exit 1 naming the cause, leaving
nothing behind.

usage: test_import_faults.py AICERT TESTS_DIR OFFICIAL_FILES_DIR
OFFICIAL_FILES_DIR is the folder the build extracted the shipped data into
(build/occupations-src): its import takes long enough to be interrupted.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

AICERT, TESTS, OFFICIAL = sys.argv[1:4]
FIXTURE = os.path.join(TESTS, "fixtures", "occdata", "good")
failures = 0
checks = 0


def check(ok, what):
    global failures, checks
    checks += 1
    if not ok:
        failures += 1
        print("FAIL: " + what, file=sys.stderr)


def leftovers(folder):
    return sorted(n for n in os.listdir(folder) if ".tmp-" in n)


def interrupted(folder, sig):
    """Starts an import of the official files, waits until its temporary
    database exists, sends sig, and checks what is left."""
    db = os.path.join(folder, "occupations.db")
    p = subprocess.Popen([AICERT, "data", "import", "--from", OFFICIAL, "--to", db, "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    temp = "%s.tmp-%d" % (db, p.pid)
    deadline = time.monotonic() + 60
    while not os.path.exists(temp) and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    started = os.path.exists(temp)
    p.send_signal(sig)
    out, err = p.communicate(timeout=60)
    name = signal.Signals(sig).name
    if not started and p.returncode == 0:
        # The whole import ran between two looks: nothing was interrupted.
        print("note: the import ended before %s could reach it" % name, file=sys.stderr)
        return False
    check(p.returncode == -sig, "%s: the import ended with %d, expected death by the signal (%d): %s"
          % (name, p.returncode, -sig, err.decode(errors="replace")))
    check(leftovers(folder) == [], "%s left %s" % (name, leftovers(folder)))
    check(not os.path.exists(db), "%s: a database was left at %s" % (name, db))
    return True


def limited_size(limit):
    def set_limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    return set_limit


tmp = tempfile.mkdtemp(prefix="aicert-import-faults.")
try:
    # 1. Interrupted imports remove their temporary database.
    if os.path.isdir(os.path.join(OFFICIAL, "onet-29.3")):
        for sig in (signal.SIGTERM, signal.SIGINT):
            folder = os.path.join(tmp, "signal-%d" % sig)
            os.mkdir(folder)
            for attempt in range(3):
                if interrupted(folder, sig):
                    break
            else:
                check(False, "%s never reached a running import" % signal.Signals(sig).name)
    else:
        print("note: no official files in %s; the interruption checks are skipped" % OFFICIAL, file=sys.stderr)

    # 2. The next import removes the temporary files of a killed one, and
    # keeps those of a process that still runs (this test's own).
    folder = os.path.join(tmp, "stale")
    os.mkdir(folder)
    db = os.path.join(folder, "occupations.db")
    child = subprocess.Popen(["true"])
    child.wait()  # its PID is now free: no process has it
    dead = ["occupations.db.tmp-%d" % child.pid, "occupations.db.tmp-%d-journal" % child.pid]
    live = "occupations.db.tmp-%d" % os.getpid()
    for name in dead + [live]:
        open(os.path.join(folder, name), "w").close()
    r = subprocess.run([AICERT, "data", "import", "--from", FIXTURE, "--sample", "--to", db, "--quiet"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "the import beside stale temporary files failed: " + r.stderr)
    check(leftovers(folder) == [live], "after the import: %s, expected only %s" % (leftovers(folder), live))

    # 3. A full disk: exit 1, the cause named, nothing left, the old database kept.
    folder = os.path.join(tmp, "full")
    os.mkdir(folder)
    db = os.path.join(folder, "occupations.db")
    with open(db, "w") as f:
        f.write("the previous database")
    r = subprocess.run([AICERT, "data", "import", "--from", FIXTURE, "--sample", "--to", db],
                       capture_output=True, text=True, preexec_fn=limited_size(32 * 1024))
    check(r.returncode == 1, "a full disk: exit %d, expected 1: %s" % (r.returncode, r.stderr))
    check("File too large" in r.stderr or "disk is full" in r.stderr,
          "a full disk: the cause is not named: " + r.stderr)
    check("nothing was imported" in r.stderr, "a full disk: no 'nothing was imported': " + r.stderr)
    check(r.stdout == "", "a full disk: something on standard output")
    check(leftovers(folder) == [], "a full disk left %s" % leftovers(folder))
    check(open(db).read() == "the previous database", "a full disk: the previous database was changed")

    # 4. A FIFO among the source files is refused at once, never waited on.
    folder = os.path.join(tmp, "fifo")
    shutil.copytree(FIXTURE, os.path.join(folder, "src"))
    source = os.path.join(folder, "src", "onet-29.3", "Task Statements.txt")
    os.unlink(source)
    os.mkfifo(source)
    r = subprocess.run([AICERT, "data", "import", "--from", os.path.join(folder, "src"), "--sample",
                        "--to", os.path.join(folder, "occupations.db")], capture_output=True, text=True, timeout=30)
    check(r.returncode == 2, "a FIFO source: exit %d, expected 2: %s" % (r.returncode, r.stderr))
    check("Task Statements.txt: found a pipe (FIFO), expected a regular file" in r.stderr,
          "a FIFO source is not named: " + r.stderr)

    # 5. A folder that cannot be written and a source that cannot be read
    # (root reads and writes anywhere: skipped).
    if os.geteuid() != 0:
        os.unlink(source)
        shutil.copy(os.path.join(FIXTURE, "onet-29.3", "Task Statements.txt"), source)
        os.chmod(source, 0)
        r = subprocess.run([AICERT, "data", "import", "--from", os.path.join(folder, "src"), "--sample",
                            "--to", os.path.join(folder, "occupations.db")], capture_output=True, text=True)
        check(r.returncode == 1, "an unreadable source: exit %d, expected 1: %s" % (r.returncode, r.stderr))
        check("Permission denied" in r.stderr, "an unreadable source: the cause is not named: " + r.stderr)
        os.chmod(source, 0o644)
        folder = os.path.join(tmp, "read-only")
        os.mkdir(folder)
        os.chmod(folder, 0o555)
        r = subprocess.run([AICERT, "data", "import", "--from", FIXTURE, "--sample",
                            "--to", os.path.join(folder, "occupations.db")], capture_output=True, text=True)
        os.chmod(folder, 0o755)
        check(r.returncode == 1, "a read-only folder: exit %d, expected 1: %s" % (r.returncode, r.stderr))
        check("Permission denied" in r.stderr, "a read-only folder: the cause is not named: " + r.stderr)
        check(os.listdir(folder) == [], "a read-only folder: something was left")
    else:
        print("note: running as root, which reads and writes anywhere: the permission checks are skipped",
              file=sys.stderr)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%d checks, %d failures" % (checks, failures))
sys.exit(1 if failures else 0)
