#!/usr/bin/env python3
# The data-driven cases: every profile in cases/ with its expected verdict,
# reason, flags, missing answers, warnings and key figures (cases/EXPECTED.tsv),
# plus the output contract, determinism, the other formats and the counterfactuals.
#
# usage: run_cases.py AICERT CASES_DIR     (python3, standard library only)
# Prints one line per failure and a final line "N passed, M failed".
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

VERDICTS = ("pursue", "signal_only", "not_yet", "avoid")
REASONS = ("assess_exposure_first", "industry_compression", "invalid_motive", "test_ai_first",
           "structural_exposure", "enables_transition", "supports_industry_shift",
           "amplifies_trajectory", "closes_gap", "institutional_signaling", "no_defined_leverage")
PATHS = ("certification", "applied_project", "org_leverage", "role_redesign", "reposition")
QUESTIONS = ("capability_gap", "maps_to_wanted_role", "authority_or_knowledge",
             "org_rewards_certification", "defensive_or_offensive")
CONDITIONS = ("exposure_understood", "leverage_possible", "timing_appropriate", "trajectory_defined")
PLACEHOLDER = re.compile(r"\{[a-z_]+%?\}")  # a policy template's {fact} left unexpanded
TIMEOUT = 20  # seconds per run: generous for sanitizer builds; a hang is a failure

# No occupation data, whatever is installed on the machine: the cases are about
# the model, and must give the same answer everywhere.
ENV = dict(os.environ, AICERT_DATA=os.path.join(os.sep, "nonexistent-aicert-data", "occupations.db"))


def run(aicert, args, stdin=None):
    """Runs aicert; returns (exit status, stdout bytes, stderr text)."""
    try:
        p = subprocess.run([aicert] + args, input=stdin, capture_output=True, timeout=TIMEOUT, env=ENV)
    except subprocess.TimeoutExpired:
        return None, b"", "timed out"
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


# ------------------------------------------------------------ JSON paths

def split_path(path):
    """'a.b[2].c' -> ['a', 'b', 2, 'c']"""
    parts = []
    for piece in path.split("."):
        while "[" in piece:
            head, rest = piece.split("[", 1)
            if head:
                parts.append(head)
            idx, piece = rest.split("]", 1)
            parts.append(int(idx))
        if piece:
            parts.append(piece)
    return parts


_MISSING = object()


def get_path(doc, path):
    cur = doc
    for key in split_path(path):
        if isinstance(key, int):
            if not isinstance(cur, list) or key >= len(cur):
                return _MISSING
        elif not isinstance(cur, dict) or key not in cur:
            return _MISSING
        cur = cur[key]
    return cur


def set_path(doc, path, value):
    """Sets a dotted path in a profile, creating the objects on the way."""
    keys = split_path(path)
    cur = doc
    for key in keys[:-1]:
        if isinstance(key, int):
            cur = cur[key]
        else:
            if not isinstance(cur.get(key), dict):
                cur[key] = {}
            cur = cur[key]
    cur[keys[-1]] = value


def parse_value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text  # a bare word is a string


def same(found, want):
    if isinstance(want, bool) or want is None or isinstance(found, bool) or found is None:
        return found is want or found == want and type(found) is type(want)
    if isinstance(want, (int, float)) and isinstance(found, (int, float)):
        return abs(found - want) <= 0.005
    return found == want


def check_figure(doc, spec):
    """One figure check: 'path=value', 'path>=x', 'path<=x', 'path~text' (contains)
    or '#path=N' (list length).
    Returns None when it holds, else the problem."""
    if "~" in spec and ("=" not in spec or spec.index("~") < spec.index("=")):
        path, text = spec.split("~", 1)
        found = get_path(doc, path)
        if found is _MISSING:
            return "%s: not in the assessment" % path
        items = found if isinstance(found, list) else [found]
        if not any(text in (x if isinstance(x, str) else json.dumps(x)) for x in items):
            return "%s: found %s, expected something containing %r" % (path, json.dumps(found), text)
        return None
    for op in (">=", "<="):
        if op in spec:
            path, want = spec.split(op, 1)
            found = get_path(doc, path)
            if not isinstance(found, (int, float)) or isinstance(found, bool):
                return "%s: found %s, expected a number %s %s" % (path, json.dumps(found), op, want)
            if (found < float(want) - 1e-9) if op == ">=" else (found > float(want) + 1e-9):
                return "%s: found %s, expected %s %s" % (path, json.dumps(found), op, want)
            return None
    path, want = spec.split("=", 1)
    if path.startswith("#"):
        found = get_path(doc, path[1:])
        if not isinstance(found, list):
            return "%s: found %s, expected a list" % (path[1:], json.dumps(found))
        if len(found) != int(want):
            return "%s: found %d entries, expected %s" % (path[1:], len(found), want)
        return None
    found = get_path(doc, path)
    if found is _MISSING:
        return "%s: not in the assessment" % path
    if not same(found, parse_value(want)):
        return "%s: found %s, expected %s" % (path, json.dumps(found), want)
    return None


# ------------------------------------------------------------ checks

def check_contract(a):
    """The parts of ASSESSMENT.md every assessment must have."""
    bad = []
    if a.get("schema") != "aicert/assessment/v1":
        bad.append("schema is %r" % a.get("schema"))
    pol = a.get("policy") or {}
    if pol.get("name") != "default" or pol.get("version") != "1":
        bad.append("policy is %r, expected default version 1" % pol)
    if a.get("verdict") not in VERDICTS:
        bad.append("verdict %r is not one of %s" % (a.get("verdict"), ", ".join(VERDICTS)))
    if a.get("reason") not in REASONS:
        bad.append("reason %r is not a rule of the default policy" % a.get("reason"))
    if not isinstance(a.get("headline"), str) or not a["headline"]:
        bad.append("no headline")
    alts = a.get("alternatives")
    if not isinstance(alts, list) or sorted(x.get("path") for x in alts) != sorted(PATHS):
        bad.append("alternatives do not list the five paths once each")
    else:
        for x in alts:
            if not (isinstance(x.get("score"), int) and 0 <= x["score"] <= 100):
                bad.append("alternative %s: score %r outside 0..100" % (x["path"], x.get("score")))
            for k in ("why", "first_step"):
                if not isinstance(x.get(k), str) or not x[k]:
                    bad.append("alternative %s: no %s" % (x["path"], k))
        scores = [x.get("score") for x in alts]
        if scores != sorted(scores, reverse=True):
            bad.append("alternatives are not best first: %s" % scores)
    qs = a.get("questions")
    if not isinstance(qs, list) or tuple(q.get("id") for q in qs) != QUESTIONS:
        bad.append("questions are not the five ids in order")
    else:
        for q in qs:
            if not isinstance(q.get("answer"), str) or q.get("ok") not in (True, False, None):
                bad.append("question %s: answer or ok missing" % q.get("id"))
    conds = a.get("conditions") or {}
    for c in CONDITIONS:
        v = conds.get(c)
        if not isinstance(v, dict) or not isinstance(v.get("met"), bool) or not isinstance(v.get("why"), str):
            bad.append("condition %s: needs met and why" % c)
    if set(conds) != set(CONDITIONS):
        bad.append("conditions are %s" % sorted(conds))
    rules = a.get("rules_fired")
    if not isinstance(rules, list) or not rules:
        bad.append("no rules_fired")
    else:
        decisive = [r for r in rules if r.get("decisive") is True]
        if len(decisive) != 1:
            bad.append("%d decisive rules, expected exactly one" % len(decisive))
        elif decisive[0].get("id") != a.get("reason") or decisive[0].get("verdict") != a.get("verdict"):
            bad.append("the decisive rule %s/%s is not the verdict %s/%s" % (
                decisive[0].get("id"), decisive[0].get("verdict"), a.get("verdict"), a.get("reason")))
        for r in rules:
            if not isinstance(r.get("figures"), dict):
                bad.append("rule %s has no figures object" % r.get("id"))
            if not isinstance(r.get("because"), str) or not r["because"]:
                bad.append("rule %s has no because" % r.get("id"))
            if PLACEHOLDER.search(r.get("because", "")):
                bad.append("rule %s: unexpanded placeholder in %r" % (r.get("id"), r["because"]))
    for k in ("flags", "warnings", "missing", "counterfactuals"):
        if not isinstance(a.get(k), list):
            bad.append("%s is not a list" % k)
    return bad


def check_expected(a, row):
    bad = []
    if a.get("verdict") != row["verdict"]:
        bad.append("verdict %s, expected %s" % (a.get("verdict"), row["verdict"]))
    if a.get("reason") != row["reason"]:
        bad.append("reason %s, expected %s" % (a.get("reason"), row["reason"]))
    flags = a.get("flags") or []
    for f in filter(None, row["flags"].split(",")):
        f = f.strip()
        if f.startswith("!"):
            if f[1:] in flags:
                bad.append("flag %s present, expected absent (flags %s)" % (f[1:], flags))
        elif f not in flags:
            bad.append("flag %s missing (flags %s)" % (f, flags))
    for m in filter(None, row["missing"].split(",")):
        m = m.strip()
        if m.startswith("!"):
            if any(x.startswith(m[1:]) for x in a.get("missing") or []):
                bad.append("missing[] has %s, expected not" % m[1:])
        elif not any(x.startswith(m) for x in a.get("missing") or []):
            bad.append("missing[] has nothing starting with %s" % m)
    if row["warn"] in ("0", "1"):
        has = bool(a.get("warnings"))
        if has != (row["warn"] == "1"):
            bad.append("warnings %s, expected %s" % (a.get("warnings"), "some" if row["warn"] == "1" else "none"))
    for spec in filter(None, row["figures"].split(";")):
        problem = check_figure(a, spec.strip())
        if problem:
            bad.append(problem)
    return bad


def check_case(aicert, cases, row):
    """All checks of one case; returns a list of failure lines."""
    name = row["profile"]
    path = os.path.join(cases, name)
    fails = []

    def fail(msg):
        fails.append("%s: %s" % (name, msg))

    rc, out, err = run(aicert, ["assess", path, "--format", "json"])
    if rc != 0:
        fail("exit %s, expected 0 (%s)" % (rc, err.strip()))
        return fails
    try:
        a = json.loads(out)
    except ValueError as e:
        fail("output is not JSON: %s" % e)
        return fails
    for problem in check_contract(a) + check_expected(a, row):
        fail(problem)

    rc2, out2, _ = run(aicert, ["assess", path, "--format", "json"])
    if rc2 != 0 or out2 != out:
        fail("a second run gave different output (not deterministic)")

    for fmt in ("text", "markdown"):
        rc3, out3, err3 = run(aicert, ["assess", path, "--format", fmt])
        if rc3 != 0 or not out3:
            fail("--format %s: exit %s (%s)" % (fmt, rc3, err3.strip()))
        elif fmt == "text":
            # After the title (and its underline), the first line is the verdict.
            lines = [x for x in out3.decode("utf-8", "replace").splitlines() if x.strip()]
            rules = [i for i, x in enumerate(lines[:4]) if set(x.strip()) == {"="}]
            first = lines[rules[0] + 1] if rules and rules[0] + 1 < len(lines) else (lines or [""])[0]
            want = "Verdict: " + a["verdict"].replace("_", " ").upper()
            if not first.startswith(want + " "):
                fail("text output: the first line after the title is %r, expected the verdict line '%s ...'" % (
                    first, want))

    # Every counterfactual is one the engine really gives.
    with open(path, encoding="utf-8") as f:
        profile = json.load(f)
    for cf in a.get("counterfactuals") or []:
        change = cf.get("change") or {}
        if cf.get("verdict") == a["verdict"]:
            fail("counterfactual %s claims the same verdict %s" % (change.get("field"), cf.get("verdict")))
        variant = json.loads(json.dumps(profile))
        before = get_path(variant, change["field"])
        before = None if before is _MISSING else before
        if isinstance(before, list) and isinstance(change.get("from"), list):
            before, claimed = sorted(before), sorted(change["from"])
        else:
            claimed = change.get("from")
        if not same(before, claimed):
            fail("counterfactual %s: from %s, but the profile says %s" % (
                change["field"], json.dumps(change.get("from")), json.dumps(before)))
        set_path(variant, change["field"], change["to"])
        rc4, out4, err4 = run(aicert, ["assess", "-", "--format", "json"], json.dumps(variant).encode())
        if rc4 != 0:
            fail("counterfactual %s=%s: exit %s (%s)" % (change["field"], json.dumps(change["to"]), rc4,
                                                          err4.strip()))
            continue
        b = json.loads(out4)
        if (b["verdict"], b["reason"]) != (cf["verdict"], cf["reason"]):
            fail("counterfactual %s=%s claims %s/%s, re-running gives %s/%s" % (
                change["field"], json.dumps(change["to"]), cf["verdict"], cf["reason"], b["verdict"], b["reason"]))
    return fails


def read_expected(cases):
    rows = []
    with open(os.path.join(cases, "EXPECTED.tsv"), encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            row = {h: ("" if c.strip() == "-" else c.strip()) for h, c in zip(header, cols)}
            rows.append(row)
    return rows


def main():
    if len(sys.argv) != 3:
        print("usage: run_cases.py AICERT CASES_DIR", file=sys.stderr)
        return 2
    aicert, cases = sys.argv[1], sys.argv[2]
    rows = read_expected(cases)
    results = []
    listed = {r["profile"] for r in rows}
    for f in sorted(os.listdir(cases)):
        if f.endswith(".json") and f not in listed:
            results.append(["%s: not listed in EXPECTED.tsv" % f])
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = []
        for row in rows:
            if not os.path.exists(os.path.join(cases, row["profile"])):
                results.append(["%s: listed in EXPECTED.tsv but the file does not exist" % row["profile"]])
                continue
            futures.append(pool.submit(check_case, aicert, cases, row))
        results += [f.result() for f in futures]
    failed = 0
    for fails in results:
        for line in fails:
            print(line)
        failed += bool(fails)
    passed = len(results) - failed
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
