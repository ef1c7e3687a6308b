#!/usr/bin/env python3
# Golden outputs: every command of the tool over every test input, compared
# byte for byte (exit status, standard output and standard error) with the
# files in golden/.  A change that alters any output shows here as a diff; a
# change meant to alter output regenerates them with --update and the diff is
# reviewed in the commit.
#
# usage: run_golden.py AICERT TESTS_DIR EXAMPLES_DIR [--update]
# Runs with the tests folder as working directory, so paths in messages are
# relative and stable.  Prints one line per difference and a final count.
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 60
AS_OF = ["--as-of", "2026-11-29"]  # assessments are judged on a fixed date, whatever today is


def commands(tests, examples, dbpath):
    """(name, argv, env) for every golden run."""
    cases = sorted(f for f in os.listdir(os.path.join(tests, "cases")) if f.endswith(".json"))
    exs = sorted(f for f in os.listdir(examples) if f.endswith(".json"))
    inputs = [("case-" + f[:-5], os.path.join("cases", f)) for f in cases]
    inputs += [("example-" + f[:-5], os.path.relpath(os.path.join(examples, f), tests)) for f in exs]
    out = []
    for name, path in inputs:
        for fmt in ("text", "json", "markdown") + (("html",) if name.startswith("example-") else ()):
            out.append((f"assess/{name}.{fmt}", ["assess", path, "--format", fmt] + AS_OF, None))
        out.append((f"assess/{name}.nocf.json",
                    ["assess", path, "--format", "json", "--no-counterfactuals"] + AS_OF, None))
        for fmt in ("text", "json") + (("html",) if name.startswith("example-") else ()):
            out.append((f"compare/{name}.{fmt}", ["compare", path, "--format", fmt] + AS_OF, None))
    for name, path in inputs:
        if "occupation" in name or "no-task-mix" in name:
            out.append((f"assess-data/{name}.json", ["assess", path, "--format", "json", "--data", dbpath] + AS_OF, None))
            out.append((f"assess-data/{name}.text", ["assess", path, "--data", dbpath] + AS_OF, None))
            out.append((f"assess-data/{name}.html", ["assess", path, "--format", "html", "--data", dbpath] + AS_OF, None))
    for sub in ("profile",):
        d = os.path.join(tests, "bad", sub)
        for f in sorted(os.listdir(d)):
            out.append((f"bad-{sub}/{f}", ["assess", os.path.join("bad", sub, f)] + AS_OF, None))
    out.append(("bad-usage/as-of-not-a-date", ["assess", os.path.join("cases", "product-lead.json"), "--as-of", "2026-02-30"],
                None))
    d = os.path.join(tests, "bad", "policy")
    for f in sorted(os.listdir(d)):
        out.append((f"bad-policy/{f}", ["policy", "check", os.path.join("bad", "policy", f)], None))
    d = os.path.join(tests, "bad", "catalogue")
    for f in sorted(os.listdir(d)):
        out.append((f"bad-catalogue/{f}", ["certs", "list", "--catalogue", os.path.join("bad", "catalogue", f)], None))
    for fmt in ("text", "json"):
        out.append((f"certs/list.{fmt}", ["certs", "list", "--format", fmt], None))
        out.append((f"certs/list-governance.{fmt}", ["certs", "list", "--domain", "ai_governance", "--format", fmt], None))
        out.append((f"certs/search-rag.{fmt}", ["certs", "search", "rag", "agents", "--format", fmt], None))
        out.append((f"certs/list-hr.{fmt}", ["certs", "list", "--catalogue", "cli/hr-catalogue.json", "--format", fmt], None))
    out.append(("policy/show", ["policy", "show"], None))
    out.append(("policy/facts", ["policy", "show", "--facts"], None))
    out.append(("misc/help", ["--help"], None))
    for fmt in ("text", "json"):
        for words in (["registered", "nurse"], ["fp&a", "analyst"], ["rn"], ["software", "developer"]):
            out.append((f"occupations/search-{'-'.join(words).replace('&', 'and')}.{fmt}",
                        ["occupations", "search", *words, "--data", dbpath, "--format", fmt], None))
        for code in ("29-1141", "13-2051.00", "15-1252"):
            out.append((f"occupations/show-{code}.{fmt}",
                        ["occupations", "show", code, "--data", dbpath, "--format", fmt], None))
    out.append(("data/calibrate", ["data", "calibrate", "--data", dbpath], None))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    aicert, tests, examples = (os.path.abspath(a) for a in args[:3])
    golden = os.path.join(tests, "golden")
    tmp = tempfile.mkdtemp(prefix="aicert-golden.")
    try:
        env = dict(os.environ, AICERT_DATA=os.path.join(tmp, "none", "occupations.db"), LC_ALL="C")
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        db = os.path.join(tmp, "occupations.db")
        imp = subprocess.run([aicert, "data", "import", "--from", os.path.join(tests, "fixtures", "occdata", "good"), "--sample",
                              "--to", db], capture_output=True, env=env, timeout=TIMEOUT)
        if imp.returncode != 0:
            print("cannot import the fixture:", imp.stderr.decode(errors="replace"))
            return 1
        # Paths in the data-backed runs are written relative to the temp folder.
        runs = commands(tests, examples, "DB")

        def one(item):
            name, argv, _ = item
            argv = [db if a == "DB" else a for a in argv]
            try:
                p = subprocess.run([aicert] + argv, capture_output=True, env=env, cwd=tests, timeout=TIMEOUT)
                body = b"exit %d\n--- stdout\n%s--- stderr\n%s" % (p.returncode, p.stdout,
                                                                     p.stderr.replace(tmp.encode(), b"TMP"))
            except subprocess.TimeoutExpired:
                body = b"timed out\n"
            return name, body

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(one, runs))
        bad = 0
        if update:
            shutil.rmtree(golden, ignore_errors=True)
        for name, body in results:
            path = os.path.join(golden, name)
            if update:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(body)
                continue
            try:
                with open(path, "rb") as f:
                    want = f.read()
            except FileNotFoundError:
                print(f"{name}: no golden file (run with --update)")
                bad += 1
                continue
            if want != body:
                bad += 1
                wl, gl = want.split(b"\n"), body.split(b"\n")
                i = next((k for k in range(min(len(wl), len(gl))) if wl[k] != gl[k]), min(len(wl), len(gl)))
                print(f"{name}: differs at line {i + 1}")
                print(f"   want: {wl[i][:160] if i < len(wl) else b'(end)'}")
                print(f"   got:  {gl[i][:160] if i < len(gl) else b'(end)'}")
        if not update:
            known = {n for n, _ in results}
            for root, _, files in os.walk(golden):
                for f in files:
                    rel = os.path.relpath(os.path.join(root, f), golden)
                    if rel not in known:
                        print(f"{rel}: golden file with no run")
                        bad += 1
        print(f"{len(results) - bad} of {len(results)} outputs identical" if not update
              else f"wrote {len(results)} golden outputs")
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
