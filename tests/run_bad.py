#!/usr/bin/env python3
# Bad input is refused exactly as PROFILE.md's "Bad input" says: exit 2, nothing
# on stdout, one message per problem naming its JSON path (line and column for
# syntax errors).  Also broken policies, and seeded random mutations: no crash,
# hang or partial output on any input.
#
# usage: run_bad.py AICERT BAD_DIR CASES_DIR    (python3, standard library only)
# Prints one line per failure and a final line "N passed, M failed".
import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from run_cases import DEFAULT_AS_OF, set_path, what_changes_claims  # one setter, one reader of what_changes

TIMEOUT = 5  # seconds: a run that takes longer is taken to hang
MUTATIONS = int(os.environ.get("AICERT_MUTATIONS", "2500"))
POLICY_MUTATIONS = int(os.environ.get("AICERT_POLICY_MUTATIONS", "300"))
SEED = 20240601
ENV = dict(os.environ, AICERT_DATA=os.path.join(os.sep, "nonexistent-aicert-data", "occupations.db"))


def run(aicert, args, stdin=None):
    """Returns (exit status or None on timeout, stdout bytes, stderr text)."""
    try:
        p = subprocess.run([aicert] + args, input=stdin, capture_output=True, timeout=TIMEOUT, env=ENV)
    except subprocess.TimeoutExpired:
        return None, b"", "timed out after %d s" % TIMEOUT
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def read_tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
            else:
                rows.append(dict(zip(header, cols + [""] * (len(header) - len(cols)))))
    return rows


def refused(name, rc, out, err):
    """The common contract of a refusal; returns a list of problems."""
    bad = []
    if rc is None:
        bad.append("%s: %s" % (name, err))
    elif rc != 2:
        bad.append("%s: exit %s, expected 2 (stderr: %s)" % (name, rc, err.strip()[:200]))
    if out:
        bad.append("%s: wrote %d bytes to stdout, expected nothing" % (name, len(out)))
    if rc is not None and not err.strip():
        bad.append("%s: no message on stderr" % name)
    return bad


# ------------------------------------------------------------ profiles

def check_profile_file(aicert, path, row):
    name = os.path.basename(path)
    rc, out, err = run(aicert, ["assess", path, "--format", "json"])
    bad = refused(name, rc, out, err)
    for want in filter(None, row["expect"].split(";")):
        if want not in err:
            bad.append("%s: stderr does not name %r:\n    %s" % (name, want, err.strip().replace("\n", "\n    ")))
    lines = [x for x in err.splitlines() if x.startswith("aicert: ")]
    if row.get("problems") and len(lines) != int(row["problems"]):
        bad.append("%s: %d messages, expected one per problem (%s)" % (name, len(lines), row["problems"]))
    return bad


def base_profile():
    return {"schema": "aicert/profile/v2",
            "role": {"tasks": [{"name": "Reports", "share": 100, "category": "standardized_reporting"}]}}


def generated_profiles():
    """(name, bytes, expected substrings, exit status) for inputs too big or too odd to commit."""
    out = []
    p = base_profile()
    p["role"]["tasks"] = [{"name": "Task %d" % i, "share": 0.5, "category": "coordination"} for i in range(201)]
    out.append(("201 tasks", json.dumps(p).encode(), ["role.tasks: found 201 tasks, expected at most 200"], 2))
    p["role"]["tasks"] = p["role"]["tasks"][:200]
    out.append(("exactly 200 tasks", json.dumps(p).encode(), [], 0))

    text = json.dumps(base_profile())
    big = (text[:-1] + " " * (1024 * 1024 + 1 - len(text)) + "}").encode()
    out.append(("larger than 1 MiB", big, ["larger than the limit of 1048576 bytes"], 2))
    exact = (text[:-1] + " " * (1024 * 1024 - len(text)) + "}").encode()
    assert len(exact) == 1024 * 1024
    out.append(("exactly 1 MiB", exact, [], 0))

    raw = b'{"schema": "aicert/profile/v2", "label": "caf\xe9 au lait"}'
    out.append(("invalid UTF-8 in a string", raw, [":1:", "not valid JSON", "0xe9"], 2))
    raw = b'{"schema": "aicert/profile/v2", "rol\xff": {}}'
    out.append(("invalid UTF-8 in a key", raw, [":1:", "not valid JSON", "0xff"], 2))
    raw = b'{"schema": "aicert/profile/v2", "label": "\xed\xa0\x80"}'  # an encoded surrogate
    out.append(("UTF-8 surrogate", raw, [":1:", "not valid JSON"], 2))
    raw = b'{"schema": "aicert/profile/v2", "label": "ok"}\x00'
    out.append(("NUL byte after the object", raw, ["not valid JSON"], 2))

    p = base_profile()
    p["label"] = "x" * 4097
    out.append(("string of 4097 bytes", json.dumps(p).encode(), ["label: found a string of 4097 bytes"], 2))
    p["label"] = "x" * 4096
    out.append(("string of 4096 bytes", json.dumps(p).encode(), [], 0))
    p = base_profile()
    p["certification"] = {"name": "Course", "maps_to_roles": ["Role %d" % i for i in range(65)]}
    out.append(("list of 65 roles", json.dumps(p).encode(),
                ["certification.maps_to_roles: found 65 entries, expected at most 64"], 2))

    out.append(("100000 nested arrays", ("[" * 100000 + "]" * 100000).encode(),
                [":1:", "not valid JSON"], 2))
    out.append(("deep unclosed nesting", ('{"schema": "aicert/profile/v2", "label": ' + "[" * 50000).encode(),
                [":1:", "not valid JSON"], 2))
    p = base_profile()
    p["label"] = json.loads("[" * 17 + "]" * 17)
    out.append(("17 levels under label", json.dumps(p).encode(), ["label[0]", "nesting deeper than 16 levels"], 2))
    out.append(("whitespace only", b" \n\t \n", ["not valid JSON"], 2))
    out.append(("a bare string", b'"aicert/profile/v1"', ["not valid JSON"], 2))
    p = base_profile()
    p["role"]["tasks"][0]["share"] = 1e-300
    p["role"]["tasks"].append({"name": "Tiny", "share": 5e-324, "category": "coordination"})
    out.append(("denormal shares", json.dumps(p).encode(), [], 0))

    # Everything at its limit at once is still an ordinary profile.
    long = ("\u00e9t\u00e9 " * 820)[:4096 // 2]  # two-byte characters: about 4 KiB of UTF-8
    p = {"schema": "aicert/profile/v2", "label": long,
         "role": {"title": long, "occupation": "13-2051.00", "kind": "hybrid", "leverage_test": "unsure",
                  "tasks": [{"name": long, "share": 1 + i % 7, "category": c} for i, c in
                            enumerate(["coordination", "system_design", "document_drafting", "judgment_decisions"] * 50)],
                  "manager": {"reporting_share": 100, "purely_supervisory": True, "owns_outcomes": False}},
         "trajectory": {"target_role": long},
         "motives": ["capability_gap", "credential_signal", "role_transition", "industry_shift",
                     "signal_activity", "reduce_anxiety", "follow_headlines", "unclear_positioning"],
         "capability_gap": " ".join(["sql", "rag", "governance"] * 600)[:4096],
         "certification": {"name": long, "domain": "data", "maps_to_roles": [long] * 64,
                           "keywords": ["w%d" % i for i in range(64)], "cost_usd": 10000000, "hours": 100000},
         "constraints": {"budget_usd": 0, "hours_per_week": 0.001}}
    out.append(("every size at its limit", json.dumps(p, ensure_ascii=False).encode(), [], 0))
    return out


def check_generated(aicert, name, data, wants, want_rc):
    rc, out, err = run(aicert, ["assess", "-", "--format", "json"], data)
    if want_rc == 0:
        if rc != 0:
            return ["%s: exit %s, expected 0 (%s)" % (name, rc, err.strip()[:300])]
        try:
            json.loads(out)
        except ValueError:
            return ["%s: exit 0 but stdout is not one JSON object" % name]
        bad = []
        for fmt in ("text", "markdown"):
            rc2, out2, err2 = run(aicert, ["assess", "-", "--format", fmt], data)
            if rc2 != 0 or not out2:
                bad.append("%s: --format %s: exit %s (%s)" % (name, fmt, rc2, err2.strip()[:300]))
        return bad
    bad = refused(name, rc, out, err)
    for w in wants:
        if w not in err:
            bad.append("%s: stderr does not contain %r: %s" % (name, w, err.strip()[:300]))
    return bad


# ------------------------------------------------------------ mutations

REPLACEMENTS = [None, True, False, 0, -1, 1.5, 1e308, -1e308, 101, 0.0001, "", "x", "unsure",
                "capability_gap", [], {}, [None], ["ai_expected"], {"name": "x"}, "\u00e9\u4e2d", "x" * 5000]


def paths_of(v, prefix=()):
    yield prefix
    if isinstance(v, dict):
        for k, x in v.items():
            yield from paths_of(x, prefix + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from paths_of(x, prefix + (i,))


# Valid answers by field name, so that some mutations stay valid profiles and
# reach the engine's deeper paths with unusual combinations.
ANSWERS = {
    "kind": ["ic", "manager", "hybrid"], "decision_authority": ["holds", "separable"],
    "revenue_distance": ["direct", "adjacent", "far"],
    "leverage_test": ["scope", "influence", "pay", "headcount_cut", "unsure"],
    "value_basis": ["speed", "judgment"], "level": ["none", "experimenting", "regular", "built_workflows"],
    "leader_reading": ["modernizer", "efficient_operator", "automation_evidence", "unknown"],
    "business_model_compressing": ["yes", "no", "unknown"], "digital_intensity": ["high", "medium", "low"],
    "category": ["routine_admin", "coordination", "judgment_decisions", "system_design", "content_creation",
                 "physical_in_person", "standardized_reporting"],
    "motives": [["capability_gap"], ["credential_signal"], ["role_transition", "reduce_anxiety"],
                ["industry_shift", "follow_headlines"], ["signal_activity"], []],
    "adoption_signals": [["ai_optional"], ["ai_expected", "wider_spans"], ["layers_removed"], []],
    "capability_gap": ["", "SQL and dbt", "deploying ML models", "AI governance"],
    "target_role": ["", "Data engineer", "Machine learning engineer", "Product manager"],
    "share": [0.001, 1, 33.3, 100], "ladder_level": [1, 3, 5], "exposure": [0, 0.5, 1],
    "budget_usd": [0, 100, 10000], "hours_per_week": [0.5, 5, 168], "hourly_pay_usd": [1, 45, 99999],
    "certification": [{"id": "aws-mla-c01"}, {"name": "C", "hours": 10, "maps_to_roles": ["Data engineer"]},
                      {"name": "C", "domain": "data", "keywords": ["sql"]}],
}


def vary(rng, doc):
    """Changes one answer to another valid one (or null, or removes it)."""
    paths = [p for p in paths_of(doc) if p and isinstance(p[-1], str)]
    path = rng.choice(paths)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    key = path[-1]
    if isinstance(parent[key], bool) or parent[key] is None and rng.random() < 0.5:
        parent[key] = rng.choice([True, False, None])
    elif key in ANSWERS:
        parent[key] = rng.choice(ANSWERS[key] + [None])
    else:
        parent[key] = rng.choice([None, parent[key]])
    if rng.random() < 0.3:  # and an answer the case did not give
        name = rng.choice(sorted(ANSWERS))
        target = {"kind": "role", "decision_authority": "role", "leverage_test": "role", "value_basis": "role",
                  "revenue_distance": "role", "ladder_level": "role", "hourly_pay_usd": "role",
                  "level": "ai_use", "leader_reading": "organization", "adoption_signals": "organization",
                  "business_model_compressing": "industry", "digital_intensity": "industry",
                  "target_role": "trajectory", "budget_usd": "constraints", "hours_per_week": "constraints"}.get(name)
        if target:
            if not isinstance(doc.get(target), dict):
                doc[target] = {}
            doc[target][name] = rng.choice(ANSWERS[name])
        elif name in ("motives", "capability_gap", "certification"):
            doc[name] = rng.choice(ANSWERS[name])


def mutate(rng, text):
    """One random mutation of a profile's text: byte flips, a cut, a type swap,
    a dropped or added key, spliced structure, or valid answers changed."""
    if rng.random() < 0.35:
        doc = json.loads(text)
        for _ in range(rng.randint(1, 4)):
            vary(rng, doc)
        return json.dumps(doc).encode()
    kind = rng.randrange(6)
    data = bytearray(text.encode())
    if kind == 0:  # flip a few bytes
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 1:  # truncate
        return bytes(data[:rng.randrange(len(data))])
    if kind == 2:  # insert a structural character
        pos = rng.randrange(len(data))
        return bytes(data[:pos]) + rng.choice([b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"-", b"e"]) + bytes(data[pos:])
    doc = json.loads(text)
    paths = [p for p in paths_of(doc) if p]
    path = rng.choice(paths)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    if kind == 3:  # swap a value's type
        parent[path[-1]] = rng.choice(REPLACEMENTS)
    elif kind == 4:  # drop a key or element
        del parent[path[-1]]
    else:  # add an unknown or duplicated field
        target = parent if isinstance(parent, dict) else doc
        target[rng.choice(["extra", "share", "name", "category", "id", "motives", "exposure"])] = rng.choice(REPLACEMENTS)
    return json.dumps(doc).encode()


def check_mutation(aicert, label, data, verify_changes=False):
    """No crash, hang or partial output; with verify_changes, every entry of an
    accepted profile's what_changes must also hold when applied."""
    rc, out, err = run(aicert, ["assess", "-", "--format", "json", "--as-of", DEFAULT_AS_OF], data)
    if rc is None:
        return ["%s: hangs (%s)" % (label, err)]
    if rc < 0 or rc >= 128:
        return ["%s: crashed (exit %s): %s" % (label, rc, err.strip()[-300:])]
    if rc not in (0, 2):
        return ["%s: exit %s, expected 0 or 2: %s" % (label, rc, err.strip()[:300])]
    if rc == 2 and out:
        return ["%s: exit 2 with output on stdout" % label]
    if rc == 2 and not err.strip():
        return ["%s: exit 2 without a message" % label]
    if rc == 0:
        try:
            a = json.loads(out)
        except ValueError:
            return ["%s: exit 0 with partial or broken JSON" % label]
        if a.get("verdict") not in ("pursue", "signal_only", "not_yet", "avoid"):
            return ["%s: exit 0 without a verdict" % label]
        if verify_changes:
            profile = json.loads(data)
            for kind, field, value, verdict, reason in what_changes_claims(a):
                variant = json.loads(json.dumps(profile))
                set_path(variant, field, value)
                rc2, out2, err2 = run(aicert, ["assess", "-", "--format", "json", "--as-of", DEFAULT_AS_OF],
                                      json.dumps(variant).encode())
                b = json.loads(out2) if rc2 == 0 else {}
                if (b.get("verdict"), b.get("reason")) != (verdict, reason):
                    return ["%s: %s %s=%s claims %s/%s, re-running gives %s/%s (exit %s)" % (
                        label, kind, field, json.dumps(value), verdict, reason, b.get("verdict"), b.get("reason"), rc2)]
    return []


def check_policy_mutation(aicert, label, data):
    with tempfile.NamedTemporaryFile(suffix=".policy") as f:
        f.write(data)
        f.flush()
        rc, out, err = run(aicert, ["policy", "check", f.name])
    if rc is None or rc < 0 or rc >= 128:
        return ["%s: crashed or hung (exit %s): %s" % (label, rc, err.strip()[-300:])]
    if rc not in (0, 2):
        return ["%s: exit %s, expected 0 or 2" % (label, rc)]
    if rc == 2 and (out or ":" not in err):
        return ["%s: refused without a located message, or with stdout" % label]
    return []


def mutate_policy(rng, text):
    lines = text.split("\n")
    kind = rng.randrange(4)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2 and lines[i]:
        j = rng.randrange(len(lines[i]))
        lines[i] = lines[i][:j] + rng.choice("()=|{}[]#%x9 -.") + lines[i][j + 1:]
    else:
        lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
    return "\n".join(lines).encode("utf-8", "replace")


# ------------------------------------------------------------ policies

def check_policy_file(aicert, path, row):
    name = os.path.basename(path)
    rc, out, err = run(aicert, ["policy", "check", path])
    bad = refused(name, rc, out, err)
    where = "%s:%s:" % (name, row["where"])
    if where not in err:
        bad.append("%s: stderr does not locate the defect at %s: %s" % (name, where, err.strip()))
    if row["message"] not in err:
        bad.append("%s: stderr does not say %r: %s" % (name, row["message"], err.strip()))
    return bad


def check_policies(aicert, policy_dir, cases_dir):
    bad = []
    good = os.path.join(policy_dir, "good.policy")
    rc, out, err = run(aicert, ["policy", "check", good])
    if rc != 0:
        bad.append("good.policy: refused (%s): the bad policies must differ from an accepted one" % err.strip())
    rc, shown, err = run(aicert, ["policy", "show"])
    if rc != 0 or not shown:
        bad.append("policy show: exit %s" % rc)
    else:
        with tempfile.NamedTemporaryFile(suffix=".policy") as f:
            f.write(shown)
            f.flush()
            rc, out, err = run(aicert, ["policy", "check", f.name])
            if rc != 0:
                bad.append("the output of 'policy show' does not pass 'policy check': %s" % err.strip())
    # A refused policy is refused by assess too, before anything is written.
    profile = os.path.join(cases_dir, "reporting-analyst.json")
    rc, out, err = run(aicert, ["assess", profile, "--policy", os.path.join(policy_dir, "unknown-verdict.policy")])
    bad += refused("assess --policy unknown-verdict.policy", rc, out, err)
    return bad


def main():
    if len(sys.argv) != 4:
        print("usage: run_bad.py AICERT BAD_DIR CASES_DIR", file=sys.stderr)
        return 2
    aicert, bad_dir, cases_dir = sys.argv[1:]
    profile_dir = os.path.join(bad_dir, "profile")
    policy_dir = os.path.join(bad_dir, "policy")
    jobs = []  # (label, callable)

    rows = read_tsv(os.path.join(profile_dir, "EXPECTED.tsv"))
    listed = {r["file"] for r in rows}
    for f in sorted(os.listdir(profile_dir)):
        if f.endswith(".json") and f not in listed:
            jobs.append((f, lambda f=f: ["%s: not listed in EXPECTED.tsv" % f]))
    for r in rows:
        jobs.append((r["file"], lambda r=r: check_profile_file(aicert, os.path.join(profile_dir, r["file"]), r)))
    for name, data, wants, want_rc in generated_profiles():
        jobs.append((name, lambda a=(name, data, wants, want_rc): check_generated(aicert, *a)))

    prow = read_tsv(os.path.join(policy_dir, "EXPECTED.tsv"))
    plisted = {r["file"] for r in prow}
    for f in sorted(os.listdir(policy_dir)):
        if f.endswith(".policy") and f != "good.policy" and f not in plisted:
            jobs.append((f, lambda f=f: ["%s: not listed in EXPECTED.tsv" % f]))
    for r in prow:
        jobs.append((r["file"], lambda r=r: check_policy_file(aicert, os.path.join(policy_dir, r["file"]), r)))
    jobs.append(("policies", lambda: check_policies(aicert, policy_dir, cases_dir)))

    # Seeded mutations: the same inputs on every run.
    rng = random.Random(SEED)
    seeds = []
    for f in sorted(os.listdir(cases_dir)):
        if f.endswith(".json"):
            with open(os.path.join(cases_dir, f), encoding="utf-8") as fh:
                seeds.append((f, fh.read()))
    mutations = []
    for i in range(MUTATIONS):
        name, text = seeds[i % len(seeds)]
        mutations.append(("mutation %d of %s" % (i, name), mutate(rng, text)))
    policy_text = run(aicert, ["policy", "show"])[1].decode("utf-8")
    pmutations = [("policy mutation %d" % i, mutate_policy(rng, policy_text)) for i in range(POLICY_MUTATIONS)]

    failures = []
    passed = 0
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = [pool.submit(fn) for _, fn in jobs]
        # Every fifth mutation also has what would change its verdict
        # re-checked: random profiles, not only the cases, must keep the
        # engine's claims true.
        mres = [pool.submit(check_mutation, aicert, label, data, i % 5 == 0)
                for i, (label, data) in enumerate(mutations)]
        pres = [pool.submit(check_policy_mutation, aicert, label, data) for label, data in pmutations]
        for fut in results:
            r = fut.result()
            failures += r
            passed += not r
        # The mutations count as one check each group, so the tally stays readable.
        for label, group in (("mutations of the cases", mres), ("mutations of the default policy", pres)):
            fails = [line for fut in group for line in fut.result()]
            failures += fails[:20] + (["... and %d more" % (len(fails) - 20)] if len(fails) > 20 else [])
            if fails:
                failures.append("%s: %d of %d failed" % (label, len({f.split(':')[0] for f in fails}), len(group)))
            passed += not fails
    failed = len(jobs) + 2 - passed  # checks, not lines
    for line in failures:
        print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
