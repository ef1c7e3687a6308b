#!/usr/bin/env python3
# `aicert batch` seen from outside: every example and case gives, record by
# record, exactly the document `aicert assess --format json` gives; a CSV made
# from the template and from every example gives the same assessments as
# JSON Lines; bad records become error records and the run goes on; the output
# is the same whatever -j is; files appear whole or not at all; the summary
# keeps people's words out unless asked; memory stays flat over 100,000 lines;
# records fed through a pipe come out before the input ends.
#
# usage: test_batch.py AICERT TESTS_DIR EXAMPLES_DIR [sanitized]
# Prints one line per failure and a final count; exit 1 when anything failed.
import csv
import glob
import io
import json
import os
import resource
import subprocess
import sys
import tempfile

AICERT, TESTS, EXAMPLES = (os.path.abspath(a) for a in sys.argv[1:4])
SANITIZED = len(sys.argv) > 4 and sys.argv[4] not in ("", "0", "OFF", "FALSE")
TIMEOUT = 300
ENV = dict(os.environ, AICERT_DATA=os.path.join(os.sep, "nonexistent-aicert-data", "occupations.db"), LC_ALL="C")
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def run(args, stdin=None, env=ENV):
    p = subprocess.run([AICERT] + args, input=stdin, capture_output=True, env=env, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def compact(text):
    """The JSON text with the whitespace between tokens removed (what a batch line is)."""
    out, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch not in " \n\t\r":
            out.append(ch)
            in_string = ch == '"'
    return "".join(out)


def profiles():
    files = sorted(glob.glob(os.path.join(TESTS, "cases", "*.json"))) + sorted(glob.glob(os.path.join(EXAMPLES, "*.json")))
    return [(f, json.load(open(f, encoding="utf-8"))) for f in files]


def jsonl(docs):
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()


# ---------------------------------------------------------------- the same as assess
def same_as_assess(tmp):
    items = profiles()
    path = os.path.join(tmp, "all.jsonl")
    with open(path, "wb") as f:
        f.write(jsonl(d for _, d in items))
    rc, out, err = run(["batch", path, "-j", "2"])
    check(rc == 0, f"batch over every case and example exits 0 (got {rc}: {err[:300]})")
    lines = out.decode().splitlines()
    check(len(lines) == len(items), f"one record per profile ({len(lines)} for {len(items)})")
    for (name, _), line in zip(items, lines):
        rc, single, _ = run(["assess", name, "--format", "json"])
        want = single.decode()
        check(json.loads(line) == json.loads(want), f"{os.path.basename(name)}: batch record parses to assess's document")
        check(line == compact(want), f"{os.path.basename(name)}: batch line is assess's JSON with the whitespace removed")
    return path


def as_of_for_the_run(path, tmp):
    # --as-of judges every record on that date, as assess --as-of does.
    items = profiles()
    for date in ("2026-11-29", "2031-06-30"):
        rc, out, err = run(["batch", path, "--as-of", date])
        lines = out.decode().splitlines()
        check(rc == 0 and len(lines) == len(items), f"batch --as-of {date} exits 0 with every record ({rc}: {err[:200]})")
        check(all(json.loads(l)["as_of"] == date for l in lines), f"--as-of {date}: every record speaks for that date")
        for (name, _), line in zip(items, lines):
            if not os.path.basename(name).startswith("certificate-"):
                continue
            rc, single, _ = run(["assess", name, "--format", "json", "--as-of", date])
            check(line == compact(single.decode()), f"--as-of {date}: {os.path.basename(name)} as assess --as-of gives it")
    rc, early, _ = run(["batch", path, "--as-of", "2026-11-29"])
    rc, late, _ = run(["batch", path, "--as-of", "2031-06-30"])
    def judged(line):
        doc = json.loads(line)
        doc.pop("as_of")
        return doc
    moved = sum(judged(a) != judged(b) for a, b in zip(early.decode().splitlines(), late.decode().splitlines()))
    check(moved > 0, f"a date past the certificates' retirements changes some assessments ({moved})")
    rc, out, err = run(["batch", path, "--as-of", "2026-02-30"])
    check(rc == 2 and not out and "--as-of" in err, f"an --as-of that is no real date is refused before any record (exit {rc})")


def same_whatever_jobs(path, tmp):
    for fmt in ("jsonl", "csv"):
        outs = []
        for j in ("1", "2", "8"):
            rc, out, _ = run(["batch", path, "--format", fmt, "-j", j])
            outs.append(out)
        check(outs[0] == outs[1] == outs[2] and outs[0], f"--format {fmt}: -j 1, -j 2 and -j 8 give the same bytes")
    rc, out, _ = run(["batch", "-", "--jobs=3"], stdin=open(path, "rb").read())
    rc1, out1, _ = run(["batch", path, "-j1"])
    check(rc == 0 and out == out1, "standard input and --jobs=3 give the same records as a file with -j1")


# ---------------------------------------------------------------- CSV
def csv_rows(header, docs):
    """Profiles as CSV rows by the documented layout (written here independently of aicert)."""
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return ";".join(v)
        return str(v)

    def get(doc, path):
        for key in path.split("."):
            if not isinstance(doc, dict):
                return None
            doc = doc.get(key)
        return doc

    most = max((len(get(d, "role.tasks") or []) for d in docs), default=0)
    keys = [c.split(".", 1)[1] for c in header if c.startswith("task1.")]
    cols = [c for c in header if not c.startswith("task")]
    cols += [f"task{k}.{key}" for k in range(1, max(most, 1) + 1) for key in keys]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for d in docs:
        row = []
        for c in cols:
            if c.startswith("task"):
                k, key = c[4:].split(".", 1)
                tasks = get(d, "role.tasks") or []
                row.append(cell(tasks[int(k) - 1].get(key)) if int(k) <= len(tasks) else "")
            else:
                row.append(cell(get(d, c)))
        w.writerow(row)
    return buf.getvalue().encode()


def csv_input(tmp):
    rc, template, err = run(["batch", "--template", "csv"])
    check(rc == 0 and template.count(b"\n") == 2, "--template csv prints a header and one example row")
    header = template.decode().splitlines()[0].split(",")
    check("role.kind" in header and "task1.share" in header and "task5.category" in header and "schema" not in header,
          "the template's columns are schema paths with numbered task groups")
    tpath = os.path.join(tmp, "template.csv")
    open(tpath, "wb").write(template)
    rc, out, err = run(["batch", tpath])
    check(rc == 0 and json.loads(out)["schema"].startswith("aicert/assessment/"),
          f"the template's example row is assessed (exit {rc}: {err[:200]})")

    # An empty CSV cell means "not answered", so a profile that gives an empty
    # string on purpose has no CSV form; those are left out of this comparison.
    docs = [d for _, d in profiles() if '""' not in json.dumps(d)]
    cpath, jpath = os.path.join(tmp, "all.csv"), os.path.join(tmp, "all-again.jsonl")
    open(cpath, "wb").write(csv_rows(header, docs))
    open(jpath, "wb").write(jsonl(docs))
    rc, from_csv, err = run(["batch", cpath])
    rc2, from_jsonl, _ = run(["batch", jpath])
    check(rc == 0, f"every example as a CSV row is read (exit {rc}: {err[:300]})")
    a, b = from_csv.decode().splitlines(), from_jsonl.decode().splitlines()
    check(len(a) == len(b) == len(docs), "one record per CSV row")
    same = sum(1 for x, y in zip(a, b) if json.loads(x) == json.loads(y))
    check(same == len(docs), f"each CSV row gives the same assessment as its JSON line ({same} of {len(docs)})")

    rc, rows, _ = run(["batch", jpath, "--format", "csv"])
    table = list(csv.reader(io.StringIO(rows.decode())))
    check(table[0][:5] == ["line", "label", "verdict", "reason", "headline"] and len(table) == len(docs) + 1,
          "CSV output: a header and one row per profile")
    for row, line in zip(table[1:], b):
        doc = json.loads(line)
        want = [doc["verdict"], doc["reason"], doc["headline"], doc["exposure"]["class"] or ""]
        check(row[2:6] == want, f"CSV row {row[0]} has the verdict, reason, headline and class of the JSON")
        check(row[12] == str(doc["alternatives"][0]["score"]) and row[11] == doc["alternatives"][0]["path"],
              f"CSV row {row[0]} has the top alternative")

    bad = os.path.join(tmp, "bad-header.csv")
    open(bad, "wb").write(b"label,rol.kind,task0.share\nx,ic,4\n")
    out_file = os.path.join(tmp, "never.jsonl")
    rc, out, err = run(["batch", bad, "--output", out_file])
    check(rc == 2 and out == b"" and "rol.kind" in err and "task0.share" in err and not os.path.exists(out_file),
          f"a CSV header naming no field is refused (exit 2, both columns named, no output file): {rc} {err[:200]}")
    rows = os.path.join(tmp, "rows.csv")
    open(rows, "wb").write(b'label,role.kind,task2.share,task2.name,task2.category,motives\r\n'
                           b'"Quoted, with a comma",manager,40,"a ""task"" name",coordination,capability_gap;role_transition\r\n'
                           b'x,boss,,,,\r\n'
                           b'y,ic,0,t,coordination,\r\n'
                           b'z,ic,,,,fomo\r\n'
                           b'"open quote,ic\n')
    rc, out, err = run(["batch", rows])
    recs = [json.loads(l) for l in out.decode().splitlines()]
    check(rc == 3 and len(recs) == 5, f"CSV: bad rows give error records, the run goes on (exit {rc}, {len(recs)} records)")
    if len(recs) == 5:
        check(recs[0].get("label") == "Quoted, with a comma" and
              recs[0]["exposure"]["tasks"][0]["name"] == 'a "task" name', "CSV: quoted cells with commas and quotes")
        check(recs[1]["line"] == 3 and recs[1]["problems"][0]["path"] == "role.kind", "CSV: the bad enum's row and path")
        p = recs[2]["problems"][0]
        check(recs[2]["line"] == 4 and p["column"] == "task2.share" and p["path"] == "role.tasks[0].share",
              f"CSV: a task cell's problem names its column ({p})")
        check(recs[3]["problems"][0]["path"] == "motives[0]", "CSV: a list entry's problem")
        check(recs[4]["line"] == 6 and "quote" in recs[4]["problems"][0]["message"], "CSV: an unclosed quote")


# ---------------------------------------------------------------- bad records
def bad_records(tmp):
    good = [d for _, d in profiles()][:3]
    lines = [json.dumps(good[0]), json.dumps({"schema": "aicert/profile/v1", "role": {"kind": "boss",
             "tasks": [{"name": "x", "share": 0}]}}), "", "   ", "not json {",
             json.dumps(good[1]), json.dumps({"schema": "aicert/profile/v1", "certification": {"id": "no-such-cert"}}),
             "x" * (1024 * 1024 + 10), json.dumps(good[2])]
    path = os.path.join(tmp, "mixed.jsonl")
    open(path, "w").write("\n".join(lines))  # no line end after the last line
    rc, out, err = run(["batch", path])
    recs = [json.loads(l) for l in out.decode().splitlines()]
    check(rc == 3, f"some records failed: exit 3 (got {rc})")
    check("4 of 7 records" in err, f"stderr says how many failed: {err.strip()}")
    check(len(recs) == 7, f"blank lines are skipped, every other line gives one record ({len(recs)})")
    errs = {r["line"]: r for r in recs if r["schema"] == "aicert/batch-error/v1"}
    check(sorted(errs) == [2, 5, 7, 8], f"error records carry their line numbers: {sorted(errs)}")
    if 2 in errs:
        paths = [p["path"] for p in errs[2]["problems"]]
        check(paths == ["role.kind", "role.tasks[0].share", "role.tasks[0].category"], f"every problem is listed: {paths}")
        p = errs[2]["problems"][0]
        check(p["found"] == 'the string "boss"' and p["expected"].startswith("one of"), f"found and expected: {p}")
    if 5 in errs:
        check(errs[5]["problems"][0].get("position") and "not valid JSON" in errs[5]["problems"][0]["message"],
              "a syntax error gives its position in the line")
    if 7 in errs:
        check(errs[7]["problems"][0]["path"] == "certification.id", "an unknown certificate is the record's problem")
    if 8 in errs:
        check("1 MiB" in errs[8]["problems"][0]["message"], "an over-long line is named as such")
    check(recs[-1].get("label") == good[2].get("label"), "the run goes on after an over-long line")

    rc, out, err = run(["batch", path, "--output", os.path.join(tmp, "no-such-dir", "out.jsonl")])
    check(rc == 1 and out == b"" and "cannot create" in err, f"an output that cannot be created: exit 1 ({rc} {err[:100]})")
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            p = subprocess.run([AICERT, "batch", path], stdout=full, capture_output=False, stderr=subprocess.PIPE,
                               env=ENV, timeout=TIMEOUT)
        check(p.returncode == 1 and b"cannot write" in p.stderr, f"a full disk: exit 1 with a message ({p.returncode})")
    for args, what in ((["batch", path, "--jobs", "0"], "--jobs 0"), (["batch", path, "-j", "x"], "-j x"),
                       (["batch", path, "--summary", "s.txt"], "a summary that is neither .md nor .html"),
                       (["batch", os.path.join(tmp, "missing.jsonl")], "a missing input"),
                       (["batch", path, "--format", "xml"], "--format xml"),
                       (["batch", path, "--include-labels"], "--include-labels without --summary"),
                       (["batch", "--template", "xlsx"], "--template xlsx"), (["batch"], "no input")):
        rc, out, err = run(args)
        check(rc == 2 and out == b"" and err, f"{what}: exit 2, nothing on stdout")


# ---------------------------------------------------------------- output file and summary
def output_and_summary(path, tmp):
    out_file, md, html = (os.path.join(tmp, n) for n in ("out.csv", "team.md", "team.html"))
    rc, out, err = run(["batch", path, "--output", out_file, "--summary", md])
    check(rc == 0 and out == b"" and os.path.exists(out_file), "--output writes the file, nothing on stdout")
    check(open(out_file).readline().startswith("line,label,verdict"), "--output FILE.csv writes CSV")
    check(not glob.glob(out_file + ".tmp-*"), "no temporary file is left behind")
    text = open(md, encoding="utf-8").read()
    labels = [d.get("label") for _, d in profiles() if d.get("label")]
    check("# Team summary" in text and "## Verdicts" in text and "```text" in text, "the Markdown summary has its parts")
    check(not any(l in text for l in labels), "the summary shows no label without --include-labels")
    check("role.leverage_test" not in text and "structural_exposure" not in text,
          "the summary speaks in plain words (no field paths or rule ids outside the failed-records table)")
    rc, _, _ = run(["batch", path, "--output", out_file, "--summary", md, "--include-labels"])
    check(any(l in open(md, encoding="utf-8").read() for l in labels), "--include-labels shows the labels")
    rc, _, _ = run(["batch", path, "--summary", html, "--output", os.path.join(tmp, "o.jsonl")])
    page = open(html, encoding="utf-8").read()
    check(page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page.lower(),
          "the HTML summary is one page with an inline SVG chart and no scripts")
    check(not any(l in page for l in labels), "the HTML summary shows no label either")


# ---------------------------------------------------------------- flat memory
def peak_rss_kb(args):
    """Peak resident memory of one run (its own child, measured from a fresh process)."""
    code = ("import resource, subprocess, sys;"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    p = subprocess.run([sys.executable, "-c", code, AICERT] + args, capture_output=True, text=True, env=ENV,
                       timeout=TIMEOUT)
    rc, kb = p.stdout.split()
    return int(rc), int(kb)


def flat_memory(tmp):
    docs = [json.dumps(d) for _, d in profiles()]
    small, big = (os.path.join(tmp, n) for n in ("10k.jsonl", "100k.jsonl"))
    n_small, n_big = (2000, 10000) if SANITIZED else (10000, 100000)
    for name, n in ((small, n_small), (big, n_big)):
        with open(name, "w") as f:
            for i in range(n):
                f.write(docs[i % len(docs)] + "\n")
    args = ["batch", "--format", "csv", "--no-counterfactuals", "--summary", os.path.join(tmp, "s.md")]
    rc1, kb1 = peak_rss_kb(args + [small])
    rc2, kb2 = peak_rss_kb(args + [big])
    check(rc1 == 0 and rc2 == 0, f"the long runs succeed ({rc1}, {rc2})")
    print(f"peak memory: {kb1} KiB for {n_small} lines, {kb2} KiB for {n_big} lines")
    if not SANITIZED:  # the sanitizers' own bookkeeping grows with every allocation
        check(kb2 < kb1 * 1.25 + 4096, f"memory stays flat: {kb2} KiB for {n_big} lines vs {kb1} KiB for {n_small}")


def streamed():
    """A record fed through a pipe comes out before the input ends: the output
    is buffered, but flushed whenever the run waits for more input."""
    import select
    doc = profiles()[0][1]
    for jobs in ("1", "2"):
        p = subprocess.Popen([AICERT, "batch", "-", "-j", jobs], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=ENV)
        try:
            p.stdin.write(jsonl([doc, doc]))
            p.stdin.flush()
            lines = []
            buf = b""
            while len(lines) < 2 and select.select([p.stdout], [], [], 60)[0]:
                chunk = os.read(p.stdout.fileno(), 1 << 16)
                if not chunk:
                    break
                buf += chunk
                lines = buf.split(b"\n")[:-1]
            check(len(lines) == 2, f"-j {jobs}: both records are out while the input is still open ({len(lines)} seen)")
        finally:
            p.stdin.close()
            p.wait(timeout=TIMEOUT)


def main():
    streamed()
    with tempfile.TemporaryDirectory(prefix="aicert-batch.") as tmp:
        path = same_as_assess(tmp)
        as_of_for_the_run(path, tmp)
        same_whatever_jobs(path, tmp)
        csv_input(tmp)
        bad_records(tmp)
        output_and_summary(path, tmp)
        flat_memory(tmp)
    print(f"{checks - len(failures)} of {checks} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
