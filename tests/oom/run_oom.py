#!/usr/bin/env python3
# Out of memory, everywhere: runs representative commands of the tool built
# with a failing allocator (aicert_oom), making the N-th allocation of the
# library fail, for many N.  Each run must either succeed with exactly the
# normal output and exit status, or exit 1 with a message on standard error
# and nothing on standard output (a streamed batch: a prefix of the normal
# output).  A crash, a hang, another exit status or different output is a
# failure.  Files named by --to and --output appear whole or not at all.
#
# usage: run_oom.py AICERT_OOM TESTS_DIR EXAMPLES_DIR [--all]
#   --all           every N of every command (slow; the default samples at
#                   most AICERT_OOM_RUNS values of N per command, 300 unless set,
#                   evenly spread with a per-command offset)
# Prints one line per failure and the counts; exit 1 when anything failed.
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

AICERT, TESTS, EXAMPLES = (os.path.abspath(a) for a in sys.argv[1:4])
EVERY = "--all" in sys.argv[4:]
ONLY = os.environ.get("AICERT_OOM_ONLY")  # run only the commands whose label holds this
BUDGET = int(os.environ.get("AICERT_OOM_RUNS", "300"))
ROOT = os.path.dirname(TESTS)
FIXTURE = os.path.join(TESTS, "fixtures", "occdata", "good")
TMP = tempfile.mkdtemp(prefix="aicert-oom.")
NODATA = os.path.join(TMP, "none", "occupations.db")
DB = os.path.join(TMP, "occupations.db")
HISTORY = os.path.join(TMP, "history.db")
TIMEOUT = 60
JOBS = os.cpu_count() or 1


def run(args, fail_at=0, env_extra=None, count_file=None):
    env = dict(os.environ, LC_ALL="C", AICERT_DATA=NODATA, AICERT_HISTORY=HISTORY)
    env.pop("AICERT_FAIL_ALLOC", None)
    if fail_at:
        env["AICERT_FAIL_ALLOC"] = str(fail_at)
    if count_file:
        env["AICERT_ALLOC_COUNT"] = count_file
    env.update(env_extra or {})
    # An argument "<FILE" is not passed on: the command reads FILE on standard input.
    stdin = next((os.path.join(TMP, a[1:]) for a in args if a.startswith("<")), None)
    args = [a for a in args if not a.startswith("<")]
    with open(stdin or os.devnull, "rb") as f:
        p = subprocess.run([AICERT] + args, stdin=f, capture_output=True, env=env, timeout=TIMEOUT, cwd=TMP)
    # The one figure that differs from run to run: how long an import took.
    out = re.sub(rb" in [0-9]+\.[0-9] s \(", b" in 0.0 s (", p.stdout)
    return p.returncode, out, p.stderr


def setup():
    rc, _, err = run(["data", "import", "--from", FIXTURE, "--sample", "--to", DB])
    if rc != 0:
        sys.exit("setup: import failed: " + err.decode(errors="replace"))
    with open(os.path.join(TMP, "team.jsonl"), "wb") as out:
        for name in ("product-lead.json", "reporting-analyst.json", "no-task-mix.json"):
            with open(os.path.join(EXAMPLES, name), "rb") as f:
                out.write(b" ".join(f.read().split()) + b"\n")
        out.write(b'{"schema": "aicert/profile/v2", "role": {"kind": "astronaut"}}\n')
    # Enough records for several runs of records in flight at once (-j 2).
    with open(os.path.join(TMP, "team.jsonl"), "rb") as f:
        team = f.read()
    with open(os.path.join(TMP, "team40.jsonl"), "wb") as out:
        out.write(team * 10)
    # The interview's answers, one per line, as a script gives them (--piped).
    with open(os.path.join(TMP, "answers.txt"), "w") as f:
        f.write("\n".join(["nurse", "1", "", "1", "", "2"] + [""] * 60) + "\n")
    rc, _, err = run(["assess", os.path.join(EXAMPLES, "reporting-analyst.json"), "--save", "--as-of", "2026-01-01"])
    rc2, _, err2 = run(["assess", os.path.join(EXAMPLES, "product-lead.json"), "--save", "--as-of", "2026-01-02"])
    if rc or rc2:
        sys.exit("setup: saving to the history failed: " + (err + err2).decode(errors="replace"))


EX = lambda name: os.path.join(EXAMPLES, name)  # noqa: E731
# (label, arguments, kind): kind "files" means the run gets its own copy of the
# history and a fresh --to / --output path (written in place of {OUT}).
COMMANDS = [
    ("assess text", ["assess", EX("product-lead.json"), "--as-of", "2026-03-01"], None),
    ("assess json", ["assess", EX("reporting-analyst.json"), "--format", "json", "--as-of", "2026-03-01"], None),
    ("assess markdown", ["assess", EX("nurse-to-informatics.json"), "--format", "markdown", "--as-of", "2026-03-01"], None),
    ("assess with data", ["assess", EX("reporting-analyst.json"), "--format", "json", "--data", DB, "--as-of", "2026-03-01"], None),
    ("assess with a catalogue", ["assess", EX("data-engineer-gap.json"), "--catalogue",
                                 os.path.join(TESTS, "cli", "hr-catalogue.json"), "--as-of", "2026-03-01"], None),
    ("compare text", ["compare", EX("data-engineer-gap.json"), "--top", "3", "--as-of", "2026-03-01"], None),
    ("compare json", ["compare", EX("product-lead.json"), "--format", "json", "--as-of", "2026-03-01"], None),
    ("assess html", ["assess", EX("consultant-signal.json"), "--format", "html", "--as-of", "2026-03-01"], None),
    ("compare markdown", ["compare", EX("nurse-to-informatics.json"), "--format", "markdown", "--top", "3",
                          "--as-of", "2026-03-01"], None),
    ("questionnaire", ["questionnaire", "--format", "json"], None),
    ("interview", ["interview", "--piped", "--data", DB, "--as-of", "2026-03-01", "<answers.txt"], None),
    ("certs list", ["certs", "list"], None),
    ("certs show", ["certs", "show", "aws-aif-c01", "--format", "json"], None),
    ("certs search", ["certs", "search", "machine", "learning"], None),
    ("occupations search", ["occupations", "search", "registered", "nurse", "--data", DB], None),
    ("occupations show", ["occupations", "show", "29-1141", "--data", DB, "--format", "json"], None),
    ("policy check", ["policy", "check", os.path.join(ROOT, "data", "policy.default")], None),
    ("policy show", ["policy", "show"], None),
    ("data import", ["data", "import", "--from", FIXTURE, "--sample", "--to", "{OUT}"], "files"),
    ("data calibrate", ["data", "calibrate", "--data", DB], None),
    ("batch", ["batch", "team.jsonl", "-j", "1"], "stream"),
    ("batch to a file", ["batch", "team.jsonl", "-j", "1", "--output", "{OUT}"], "files"),
    ("batch with two workers", ["batch", "team40.jsonl", "-j", "2", "--as-of", "2026-03-01"], "stream"),
    ("assess --save", ["assess", EX("product-lead.json"), "--save", "--as-of", "2026-03-01"], "files"),
    ("history list", ["history", "list"], "files"),
    ("history diff", ["history", "diff"], "files"),
]

# Commands that print what the build holds and allocate nothing in the library.
ALLOCATES_NOTHING = {"policy show"}


def written(path):
    """What a file written by --to or --output holds, as the normal run would
    show it: a database by what it answers, anything else byte for byte."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        if f.read(16) != b"SQLite format 3\0":
            f.seek(0)
            return f.read()
    return run(["occupations", "show", "29-1141", "--data", path, "--format", "json"])[1]


def one(label, args, kind, fail_at, want):
    """Runs one command with allocation fail_at failing; returns a problem or None."""
    env = {}
    out_path = None
    work = None
    if kind == "files":
        work = tempfile.mkdtemp(dir=TMP)
        out_path = os.path.join(work, "out") if "{OUT}" in args else None
        history = os.path.join(work, "history.db")
        shutil.copy(HISTORY, history)
        env["AICERT_HISTORY"] = history
        args = [out_path if a == "{OUT}" else a for a in args]
    try:
        rc, out, err = run(args, fail_at, env)
        if out_path:
            out = out.replace(out_path.encode(), b"{OUT}")
    except subprocess.TimeoutExpired:
        return "hangs"
    try:
        if rc < 0 or rc > 3:
            return "crashes (status %d): %s" % (rc, err.decode(errors="replace")[-300:])
        if want is None:
            return None
        if rc == want[0] and out == want[1]:
            if out_path and want[0] == 0 and not os.path.exists(out_path):
                return "succeeds without writing %s" % out_path
            return None
        if rc == want[0] and rc != 1:
            diff = next((i for i, (x, y) in enumerate(zip(out.splitlines(), want[1].splitlines())) if x != y), None)
            line = out.splitlines()[diff].decode(errors="replace") if diff is not None else "(a shorter or longer output)"
            return "exits %d with other output: line %s reads %r" % (rc, diff, line)
        if rc != 1:
            return "exits %d, not 1 or %d; stderr: %s" % (rc, want[0], err.decode(errors="replace")[-300:])
        if not err.strip():
            return "exits 1 with no message"
        if kind == "stream" and want[1].startswith(out):
            return None
        if out:
            return "exits 1 but wrote %d bytes on standard output" % len(out)
        if out_path and os.path.exists(out_path) and written(out_path) != want[2]:
            return "exits 1 but left %s, not as the normal run writes it" % out_path
        if b"out of memory" not in err and b"memory" not in err:
            return "exits 1 without saying memory ran out: %s" % err.decode(errors="replace")[-200:]
        return None
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)


def main():
    setup()
    failures = []
    total_runs = 0
    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        for index, (label, args, kind) in enumerate(COMMANDS):
            if ONLY and ONLY not in label:
                continue
            count_file = os.path.join(TMP, "count")
            env = {}
            work = None
            a = args
            if kind == "files":
                work = tempfile.mkdtemp(dir=TMP)
                shutil.copy(HISTORY, os.path.join(work, "history.db"))
                env["AICERT_HISTORY"] = os.path.join(work, "history.db")
                a = [os.path.join(work, "out") if x == "{OUT}" else x for x in args]
            rc, out, err = run(a, 0, env, count_file)
            if work:
                out = out.replace(os.path.join(work, "out").encode(), b"{OUT}")
            file = written(os.path.join(work, "out")) if work else None
            if work:
                shutil.rmtree(work, ignore_errors=True)
            with open(count_file) as f:
                n = int(f.read())
            if n == 0 and label not in ALLOCATES_NOTHING:  # the runs would prove nothing
                failures.append("%s: no allocation went through the test's allocator" % label)
                continue
            if rc not in (0, 2, 3):
                failures.append("%s: the normal run exits %d: %s" % (label, rc, err.decode(errors="replace")))
                continue
            if EVERY or n <= BUDGET:
                points = range(1, n + 1)
            else:
                step = n / BUDGET
                points = sorted({1 + int((k + (index * 0.37) % 1) * step) for k in range(BUDGET)})
            jobs = {pool.submit(one, label, args, kind, p, (rc, out, file)): p for p in points}
            bad = 0
            for fut in concurrent.futures.as_completed(jobs):
                problem = fut.result()
                if problem:
                    bad += 1
                    failures.append("%s, allocation %d failing: %s" % (label, jobs[fut], problem))
            total_runs += len(points)
            print("%-24s %6d allocations, %5d runs, %d failed" % (label, n, len(points), bad), flush=True)
    shutil.rmtree(TMP, ignore_errors=True)
    for f in sorted(failures):
        print("FAIL:", f)
    print("%d runs, %d failures" % (total_runs, len(failures)))
    return 1 if failures else 0


sys.exit(main())
