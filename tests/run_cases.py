#!/usr/bin/env python3
# The data-driven cases: every profile in cases/ with its expected verdict,
# reason, flags, missing answers, warnings and key figures (cases/EXPECTED.tsv,
# see cases/README.md), assessed on its as_of date, plus the output contract of
# ASSESSMENT.md version 2 (the one ../shared/tools/check-profiles checks),
# determinism, the other formats, and every entry of what_changes re-run.
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
RANK = {"avoid": 0, "not_yet": 1, "signal_only": 2, "pursue": 3}
REASONS = ("assess_exposure_first", "industry_compression", "invalid_motive", "test_ai_first",
           "structural_exposure", "certificate_retired", "timing", "enables_transition",
           "supports_industry_shift", "amplifies_trajectory", "closes_gap", "certificate_mismatch",
           "institutional_signaling", "no_defined_leverage")
FALLBACK = "no_defined_leverage"
PATHS = ("certification", "applied_project", "org_leverage", "role_redesign", "reposition")
QUESTIONS = ("capability_gap", "maps_to_wanted_role", "authority_or_knowledge",
             "org_rewards_certification", "defensive_or_offensive")
CONDITIONS = ("exposure_understood", "leverage_possible", "timing_appropriate", "trajectory_defined")
POSITIONINGS = ("offensive", "mixed", "defensive", "unknown")
DEFAULT_AS_OF = "2026-11-29"
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
    """One figure check: 'path=value', 'path>=x', 'path<=x', 'path~text' (a string
    or list entry contains text), 'path!~text' (none does) or '#path=N' (list length).
    Returns None when it holds, else the problem."""
    if "~" in spec and ("=" not in spec or spec.index("~") < spec.index("=")):
        path, text = spec.split("~", 1)
        negate = path.endswith("!")
        path = path.rstrip("!")
        found = get_path(doc, path)
        if found is _MISSING:
            return "%s: not in the assessment" % path
        items = found if isinstance(found, list) else [found]
        hit = any(text in (x if isinstance(x, str) else json.dumps(x)) for x in items)
        if hit == negate:
            return "%s: found %s, expected %s %r" % (path, json.dumps(found), "nothing containing" if negate
                                                     else "something containing", text)
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

def check_contract(a, as_of):
    """The parts of ASSESSMENT.md (version 2) every assessment must have."""
    bad = []
    if a.get("schema") != "aicert/assessment/v2":
        bad.append("schema is %r" % a.get("schema"))
    if a.get("as_of") != as_of:
        bad.append("as_of is %r, expected %s" % (a.get("as_of"), as_of))
    pol = a.get("policy") or {}
    if pol.get("name") != "default" or pol.get("version") != "2":
        bad.append("policy is %r, expected default version 2" % pol)
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
    mets = []
    for c in CONDITIONS:
        v = conds.get(c)
        if not isinstance(v, dict) or v.get("met") not in (True, False, None) or not isinstance(v.get("why"), str):
            bad.append("condition %s: needs met (true, false or null) and why" % c)
        else:
            mets.append(v["met"])
    if set(conds) != set(CONDITIONS):
        bad.append("conditions are %s" % sorted(conds))
    # The four conditions never contradict the verdict.
    if a.get("verdict") == "pursue" and False in mets:
        bad.append("a pursue verdict shows a failing condition %s" % mets)
    if a.get("verdict") in ("signal_only", "not_yet", "avoid") and len(mets) == 4 and all(m is True for m in mets):
        bad.append("all four conditions hold under a verdict that is not pursue")
    if (a.get("motives") or {}).get("positioning") not in POSITIONINGS:
        bad.append("positioning %r" % (a.get("motives") or {}).get("positioning"))
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
        if any(r.get("id") == FALLBACK and not r.get("decisive") for r in rules):
            bad.append("the fallback rule is listed without deciding")
        for r in rules:
            if not isinstance(r.get("figures"), dict):
                bad.append("rule %s has no figures object" % r.get("id"))
            if not isinstance(r.get("because"), str) or not r["because"]:
                bad.append("rule %s has no because" % r.get("id"))
            if PLACEHOLDER.search(r.get("because", "")):
                bad.append("rule %s: unexpanded placeholder in %r" % (r.get("id"), r["because"]))
    for k in ("flags", "warnings", "missing"):
        if not isinstance(a.get(k), list):
            bad.append("%s is not a list" % k)
    wc = a.get("what_changes")
    if not isinstance(wc, dict) or not all(isinstance(wc.get(k), list) for k in ("unanswered", "actions", "rests_on")):
        bad.append("what_changes lacks its three lists")
    return bad


def what_changes_claims(a):
    """Every (kind, field, value, verdict, reason) what_changes claims."""
    wc = a.get("what_changes") or {}
    out = []
    for u in wc.get("unanswered") or []:
        for o in u.get("outcomes") or []:
            out.append(("unanswered", u["field"], o.get("answer"), o.get("verdict"), o.get("reason")))
    for kind in ("actions", "rests_on"):
        for c in wc.get(kind) or []:
            out.append((kind, c["field"], c.get("to"), c.get("verdict"), c.get("reason")))
    return out


def check_what_changes(aicert, profile, a, as_of):
    """Every entry of what_changes gives, re-run, the verdict it claims; actions
    improve the verdict and what it rests on does not; nothing varies motives;
    an unanswered question is one the profile leaves unanswered."""
    bad = []
    for kind, field, value, verdict, reason in what_changes_claims(a):
        if field == "motives":
            bad.append("%s varies the motives" % kind)
        if kind == "unanswered" and get_path(profile, field) not in (_MISSING, None, "unknown") and field != "role.tasks":
            bad.append("unanswered %s is answered in the profile" % field)
        variant = json.loads(json.dumps(profile))
        set_path(variant, field, value)
        rc, out, err = run(aicert, ["assess", "-", "--format", "json", "--as-of", as_of], json.dumps(variant).encode())
        if rc != 0:
            bad.append("%s %s=%s: exit %s (%s)" % (kind, field, json.dumps(value), rc, err.strip()))
            continue
        b = json.loads(out)
        if (b["verdict"], b["reason"]) != (verdict, reason):
            bad.append("%s %s=%s claims %s/%s, re-running gives %s/%s" % (
                kind, field, json.dumps(value), verdict, reason, b["verdict"], b["reason"]))
        elif kind == "actions" and RANK[verdict] <= RANK[a["verdict"]]:
            bad.append("action %s=%s does not improve the verdict" % (field, json.dumps(value)))
        elif kind == "rests_on" and RANK[verdict] >= RANK[a["verdict"]]:
            bad.append("rests_on %s=%s does not worsen the verdict" % (field, json.dumps(value)))
    return bad


def check_expected(a, row):
    bad = []
    if a.get("verdict") != row["verdict"]:
        bad.append("verdict %s, expected %s" % (a.get("verdict"), row["verdict"]))
    if a.get("reason") != row["reason"]:
        bad.append("reason %s, expected %s" % (a.get("reason"), row["reason"]))
    flags = a.get("flags") or []
    for f in filter(None, row["flags"].split(",")):
        if f.strip() not in flags:
            bad.append("flag %s missing (flags %s)" % (f.strip(), flags))
    m = row["missing"].strip()
    if m and not any(x.startswith(m) for x in a.get("missing") or []):
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
    as_of = row.get("as_of") or DEFAULT_AS_OF
    fails = []

    def fail(msg):
        fails.append("%s: %s" % (name, msg))

    args = ["assess", path, "--as-of", as_of]
    rc, out, err = run(aicert, args + ["--format", "json"])
    if rc != 0:
        fail("exit %s, expected 0 (%s)" % (rc, err.strip()))
        return fails
    try:
        a = json.loads(out)
    except ValueError as e:
        fail("output is not JSON: %s" % e)
        return fails
    for problem in check_contract(a, as_of) + check_expected(a, row):
        fail(problem)

    rc2, out2, _ = run(aicert, args + ["--format", "json"])
    if rc2 != 0 or out2 != out:
        fail("a second run gave different output (not deterministic)")

    for fmt in ("text", "markdown"):
        rc3, out3, err3 = run(aicert, args + ["--format", fmt])
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

    with open(path, encoding="utf-8") as f:
        profile = json.load(f)
    for problem in check_what_changes(aicert, profile, a, as_of):
        fail(problem)
    # Without the search, nothing may claim an answer would not change it.
    rc5, out5, _ = run(aicert, args + ["--format", "json", "--no-counterfactuals"])
    if rc5 == 0:
        b = json.loads(out5)
        if any(m.get("could_change") is not None for m in b.get("missing_detail") or []):
            fail("--no-counterfactuals still says what answering a question would change")
        if any((b.get("what_changes") or {}).get(k) for k in ("unanswered", "actions", "rests_on")):
            fail("--no-counterfactuals still lists what would change the verdict")
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
            row = {h: c.strip() for h, c in zip(header, cols)}
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
