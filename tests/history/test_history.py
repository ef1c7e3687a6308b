#!/usr/bin/env python3
# The history seen from outside: `assess --save` keeps records in a private
# file; list, show, export and forget read and delete them; `history diff`
# names the answer that changed and the policy that changed; a damaged,
# foreign or newer history is refused and left byte for byte as it was; a
# version 1 history is migrated; killing saves at random moments never loses
# a committed record nor leaves a half-written one.
#
# usage: test_history.py AICERT TESTS_DIR EXAMPLES_DIR
# Prints one line per failure and a final count; exit 1 when anything failed.
import hashlib
import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

AICERT, TESTS, EXAMPLES = (os.path.abspath(a) for a in sys.argv[1:4])
TIMEOUT = 120
BASE_ENV = dict(os.environ, AICERT_DATA=os.path.join(os.sep, "nonexistent-aicert-data", "occupations.db"), LC_ALL="C")
BASE_ENV.pop("AICERT_HISTORY", None)
PROFILE = os.path.join(EXAMPLES, "data-engineer-gap.json")
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def run(args, hist, stdin=None, env=None):
    e = dict(env or BASE_ENV)
    if hist:
        e["AICERT_HISTORY"] = hist
    p = subprocess.run([AICERT] + args, input=stdin, capture_output=True, env=e, timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def variant(tmp, name, change):
    doc = json.load(open(PROFILE))
    change(doc)
    path = os.path.join(tmp, name)
    json.dump(doc, open(path, "w"))
    return path


# ---------------------------------------------------------------- saving and reading
def save_and_read(tmp):
    xdg = os.path.join(tmp, "xdg")
    env = dict(BASE_ENV, XDG_DATA_HOME=xdg)
    rc, out, err = run(["assess", PROFILE, "--save", "--format", "json"], None, env=env)
    hist = os.path.join(xdg, "aicert", "history.db")
    check(rc == 0 and json.loads(out)["verdict"] and "saved as #1" in err, f"assess --save writes the assessment and says where ({rc} {err[:200]})")
    check(os.path.exists(hist), "without AICERT_HISTORY the history is $XDG_DATA_HOME/aicert/history.db")
    if not os.path.exists(hist):
        return
    check(stat.S_IMODE(os.stat(hist).st_mode) == 0o600, "the history file is mode 0600")
    check(stat.S_IMODE(os.stat(os.path.dirname(hist)).st_mode) == 0o700, "its folder is made mode 0700")
    rc, out, _ = run(["history", "list", "--format", "json"], hist)
    recs = json.loads(out)["assessments"]
    check(rc == 0 and len(recs) == 1 and recs[0]["id"] == 1, "history list shows the record")
    r = recs[0]
    check(r["policy"]["name"] == "default" and len(r["policy"]["sha256"]) == 64 and r["catalogue_version"]
          and r["as_of"] and r["saved_at"].endswith("Z") and r["aicert_version"], f"the record's versions and dates: {r}")
    text = run(["policy", "show"], hist)[1]
    check(r["policy"]["sha256"] == hashlib.sha256(text.encode()).hexdigest(), "the policy hash is SHA-256 of its text")
    rc, out, _ = run(["history", "show", "1", "--format", "json"], hist)
    whole = json.loads(out)
    rc2, single, _ = run(["assess", PROFILE, "--format", "json"], hist)
    check(whole["assessment"] == json.loads(single), "history show gives the assessment as saved")
    check(whole["profile"]["schema"] == "aicert/profile/v1", "history show gives the profile as saved")
    rc, out, _ = run(["history", "show", "#1"], hist)
    check(rc == 0 and "Saved assessment #1" in out, "history show in text")
    rc, out, err = run(["history", "show", "7"], hist)
    check(rc == 2 and not out and "#7" in err, "an unknown ID is refused (exit 2)")
    rc, out, err = run(["history", "show", "seven"], hist)
    check(rc == 2 and not out, "an ID that is not a number is refused (exit 2)")


def list_export_forget(tmp):
    hist = os.path.join(tmp, "forget.db")
    for _ in range(3):
        run(["assess", PROFILE, "--save"], hist)
    rc, out, _ = run(["history", "export"], hist)
    lines = [json.loads(l) for l in out.splitlines()]
    check(rc == 0 and [l["id"] for l in lines] == [1, 2, 3] and all("assessment" in l and "profile" in l for l in lines),
          "history export: one JSON line per record, oldest first")
    rc, out, _ = run(["history", "forget", "2"], hist)
    ids = [r["id"] for r in json.loads(run(["history", "list", "--format", "json"], hist)[1])["assessments"]]
    check(rc == 0 and ids == [1, 3], f"history forget ID deletes that one ({ids})")
    rc, out, err = run(["history", "forget", "2"], hist)
    check(rc == 2 and "#2" in err, "forgetting it again is refused (exit 2)")
    rc, out, err = run(["history", "forget"], hist)
    check(rc == 2, "forget needs an ID or --all")
    rc, out, _ = run(["history", "forget", "--all"], hist)
    ids = json.loads(run(["history", "list", "--format", "json"], hist)[1])["assessments"]
    check(rc == 0 and "2 saved assessments" in out and ids == [], "history forget --all deletes every record")
    db = sqlite3.connect(hist)
    check(db.execute("SELECT count(*) FROM policies").fetchone()[0] == 0, "no policy text is kept once no record names it")
    db.close()
    rc, out, _ = run(["history", "list"], os.path.join(tmp, "none.db"))
    check(rc == 0 and "does not exist yet" in out and not os.path.exists(os.path.join(tmp, "none.db")),
          "listing a history that does not exist says so and creates nothing")
    rc, out, err = run(["history", "diff"], os.path.join(tmp, "none.db"))
    check(rc == 2 and "no history" in err, "diff without a history is refused (exit 2)")


# ---------------------------------------------------------------- diff
def diff_answers_and_policy(tmp):
    hist = os.path.join(tmp, "diff.db")
    run(["assess", PROFILE, "--save"], hist)
    changed = variant(tmp, "changed.json", lambda d: d["role"].__setitem__("leverage_test", "pay"))
    run(["assess", changed, "--save"], hist)
    rc, out, err = run(["history", "diff"], hist)
    out = " ".join(out.split())
    check(rc == 0 and "40% more productive" in out and "your pay rises" in out
          and "The verdict moved from pursue to not yet" in out,
          f"diff names the answer that changed, in plain words, and the move ({rc} {err[:200]})")
    check("role.leverage_test" not in out and "leverage_test" not in out, "the text shows no field path or value id")
    rc, out, _ = run(["history", "diff", "1", "2", "--format", "json"], hist)
    d = json.loads(out)
    causes = {c["cause"]: c for c in d["causes"]}
    answers = causes["answers"]["answers"]
    check(d["moved_verdict"] and [a["field"] for a in answers] == ["role.leverage_test"] and answers[0]["moved_alone"],
          f"JSON: the one changed answer, which moves the verdict on its own: {answers}")
    check(not causes["policy"]["changed"] and not causes["policy"]["moved"], "JSON: the policy did not change")
    check(not causes["catalogue_and_data"]["moved"], "JSON: the catalogue and the data did not move anything")
    rc, md, _ = run(["history", "diff", "--format", "markdown"], hist)
    check(rc == 0 and md.startswith("# ") and "**Your answers**" in md, "diff in Markdown")

    policy = run(["policy", "show"], hist)[1]
    lines, in_rule = [], False
    for line in policy.splitlines():
        in_rule = line.startswith("[rule closes_gap]") or (in_rule and not line.startswith("["))
        lines.append("verdict = signal_only" if in_rule and line.startswith("verdict =") else
                     "name = strict" if line.startswith("name = ") else line)
    strict = os.path.join(tmp, "strict.policy")
    open(strict, "w").write("\n".join(lines) + "\n")
    run(["assess", PROFILE, "--save", "--policy", strict], hist)
    rc, out, _ = run(["history", "diff", "1", "3"], hist)
    check(rc == 0 and "The policy — changed from default" in out and "strict" in out and "Your answers — did not change" in out,
          f"diff names the policy when only the policy changed:\n{out}")
    d = json.loads(run(["history", "diff", "1", "3", "--format", "json"], hist)[1])
    causes = {c["cause"]: c for c in d["causes"]}
    check(causes["policy"]["changed"] and causes["policy"]["moved_verdict"] and not causes["answers"]["changed"],
          "JSON: the policy changed and moved the verdict; the answers did not")
    check(d["to"]["verdict"] == "signal_only", "the new verdict is the new policy's")
    # Both at once: each cause on its own line, the answer tried alone.
    run(["assess", changed, "--save", "--policy", strict], hist)
    d = json.loads(run(["history", "diff", "1", "4", "--format", "json"], hist)[1])
    causes = {c["cause"]: c for c in d["causes"]}
    check(causes["policy"]["changed"] and causes["answers"]["changed"], "answers and policy changed together: both named")
    rc, out, err = run(["history", "diff", "2", "2"], hist)
    check(rc == 2 and "twice" in err, "diffing a record with itself is refused")
    rc, out, err = run(["history", "diff", "1", "99"], hist)
    check(rc == 2 and "#99" in err, "diffing an unknown record is refused")
    # A policy file with the same name and version as the session's, but another text, is told apart by its hash.
    rc, out, _ = run(["history", "list", "--format", "json"], hist)
    hashes = {r["policy"]["sha256"] for r in json.loads(out)["assessments"]}
    check(len(hashes) == 2, "two policies, two hashes")


def diff_catalogue(tmp):
    hist = os.path.join(tmp, "catalogue.db")
    named = variant(tmp, "named-cert.json", lambda d: d.__setitem__("certification", {"id": "databricks-ml-associate"}))
    entry = json.loads(run(["certs", "show", "databricks-ml-associate", "--format", "json"], hist)[1])
    entry.update(keywords=["spreadsheets"], domain="ai_literacy", roles=["Accountant"])
    override = os.path.join(tmp, "override.json")
    json.dump({"schema": "aicert/catalogue/v1", "version": "team-2", "certifications": [entry]}, open(override, "w"))
    run(["assess", named, "--save"], hist)
    run(["assess", named, "--save", "--catalogue", override], hist)
    rc, out, err = run(["history", "diff", "--catalogue", override, "--format", "json"], hist)
    d = json.loads(out) if rc == 0 else {"causes": []}
    causes = {c["cause"]: c for c in d["causes"]}
    data = causes.get("catalogue_and_data", {})
    check(rc == 0 and data.get("changed") and data.get("moved_verdict") and not causes["answers"]["changed"]
          and not causes["policy"]["changed"], f"diff names the catalogue when only the catalogue changed ({err[:200]})")
    rc, out, _ = run(["history", "diff", "--catalogue", override], hist)
    check("team-2" in out and "The catalogue and the data — changed" in out, "the text names the catalogue's new version")


def diff_date(tmp):
    hist = os.path.join(tmp, "date.db")
    # Azure AI Engineer (AI-102) retired on 2026-06-30: the same answers, saved
    # before and after that day, differ only by the date.
    named = variant(tmp, "retiring.json", lambda d: d.__setitem__("certification", {"id": "ms-ai-102"}))
    rc1, _, e1 = run(["assess", named, "--save", "--as-of", "2025-06-01"], hist)
    rc2, _, e2 = run(["assess", named, "--save", "--as-of", "2026-12-01"], hist)
    check(rc1 == rc2 == 0, f"both dates saved ({e1[:200]} {e2[:200]})")
    rc, out, err = run(["history", "diff", "--format", "json"], hist)
    d = json.loads(out) if rc == 0 else {"causes": []}
    causes = {c["cause"]: c for c in d["causes"]}
    date = causes.get("date", {})
    check(rc == 0 and d["moved"] and date.get("changed") and date.get("moved")
          and date["to"]["reason"] == "certificate_retired" and date["from"]["reason"] != "certificate_retired"
          and date["dates"] == {"from": "2025-06-01", "to": "2026-12-01"}
          and not causes["answers"]["changed"] and not causes["policy"]["changed"]
          and not causes["catalogue_and_data"]["moved"],
          f"diff names the date when only the date changed ({err[:200]}): {date}")
    rc, out, _ = run(["history", "diff"], hist)
    out = " ".join(out.split())
    check(rc == 0 and "The date — moved from 2025-06-01 to 2026-12-01: re-assessing the old answers at the new date"
          in out and "now decided by certificate retired" in out, f"the text says the date moved the decision:\n{out}")
    # A later save at the same date: the date did not change.
    run(["assess", named, "--save", "--as-of", "2026-12-01"], hist)
    d = json.loads(run(["history", "diff", "--format", "json"], hist)[1])
    date = {c["cause"]: c for c in d["causes"]}["date"]
    check(not date["changed"] and not date["moved"], "the same date twice: the date did not change")


# ---------------------------------------------------------------- refusals
def refusals(tmp):
    good = os.path.join(tmp, "good.db")
    run(["assess", PROFILE, "--save"], good)
    cases = []
    garbage = os.path.join(tmp, "garbage.db")
    open(garbage, "wb").write(bytes(random.Random(7).randrange(256) for _ in range(8192)))
    cases.append((garbage, "damaged"))
    truncated = os.path.join(tmp, "truncated.db")
    data = open(good, "rb").read()
    open(truncated, "wb").write(data[:len(data) // 2])
    cases.append((truncated, "damaged"))
    foreign = os.path.join(tmp, "foreign.db")
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE notes (x TEXT)")
    db.commit()
    db.close()
    cases.append((foreign, "not an aicert history"))
    newer = os.path.join(tmp, "newer.db")
    open(newer, "wb").write(data)
    db = sqlite3.connect(newer)
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    db.close()
    cases.append((newer, "newer aicert"))
    for path, words in cases:
        before = digest(path)
        name = os.path.basename(path)
        for args in (["history", "list"], ["assess", PROFILE, "--save"], ["history", "forget", "--all"],
                     ["history", "diff"]):
            rc, out, err = run(args, path)
            check(rc == 2 and (args[0] == "history" or not out), f"{name}: {' '.join(args)} is refused (exit {rc}: {err[:160]})")
            if words:
                check(words in err, f"{name}: the message says '{words}' ({err.strip()[:200]})")
        check(digest(path) == before, f"{name}: the file is left as it was")


# ---------------------------------------------------------------- migration
def migration(tmp):
    hist = os.path.join(tmp, "v1.db")
    db = sqlite3.connect(hist)
    db.executescript(open(os.path.join(TESTS, "history", "schema-v1.sql")).read())
    default_hash = hashlib.sha256(run(["policy", "show"], None)[1].encode()).hexdigest()
    changed = variant(tmp, "v1-changed.json", lambda d: d["role"].__setitem__("leverage_test", "pay"))
    for i, (path, phash) in enumerate(((PROFILE, "0" * 64), (PROFILE, default_hash), (changed, default_hash))):
        doc = run(["assess", path, "--format", "json"], None)[1]
        profile = json.dumps(json.load(open(path)), indent=2) + "\n"
        a = json.loads(doc)
        db.execute("INSERT INTO assessments (saved_at, as_of, label, verdict, reason, profile, assessment, policy_name,"
                   " policy_version, policy_hash, catalogue_version, data_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   (f"2026-01-0{i + 1}T10:00:00Z", f"2026-01-0{i + 1}", a["label"], a["verdict"], a["reason"], profile,
                    doc, "default", "1", phash, "2026-01-01", None))
    db.commit()
    db.close()
    rc, out, err = run(["history", "list", "--format", "json"], hist)
    recs = json.loads(out)["assessments"] if rc == 0 else []
    check(rc == 0 and [r["id"] for r in recs] == [1, 2, 3], f"a version 1 history is read after migration ({rc} {err[:200]})")
    db = sqlite3.connect(hist)
    version = db.execute("SELECT version FROM schema_version").fetchone()[0]
    texts = db.execute("SELECT hash FROM policies").fetchall()
    cols = [r[1] for r in db.execute("PRAGMA table_info(assessments)")]
    db.close()
    check(version == 3 and "aicert_version" in cols and "token" in cols,
          f"the tables are now version 3, with the program's version and a store's token ({version})")
    check(texts == [(default_hash,)], "records saved under the built-in policy get its text")
    rc, out, err = run(["history", "diff", "2", "3"], hist)
    check(rc == 0 and "40% more productive" in out, f"diff works on migrated records ({err[:200]})")
    rc, out, err = run(["history", "diff", "1", "3"], hist)
    check(rc == 0 and "was not kept" in out, f"a record whose policy text was never kept says so ({err[:200]})")
    rc, out, _ = run(["assess", PROFILE, "--save"], hist)
    check(rc == 0, "saving into a migrated history works")


# ---------------------------------------------------------------- kill -9 and concurrency
def killed_saves(tmp):
    hist = os.path.join(tmp, "killed.db")
    env = dict(BASE_ENV, AICERT_HISTORY=hist)
    save = [AICERT, "assess", PROFILE, "--save", "--no-counterfactuals"]
    took = []
    for _ in range(3):  # how long a whole save takes here, to kill anywhere within it
        t = time.monotonic()
        subprocess.run(save, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=TIMEOUT)
        took.append(time.monotonic() - t)
    span = sorted(took)[1] * 1.3
    rng = random.Random(20261202)
    attempts = completed = 0
    start = time.monotonic()
    while attempts < 60 and time.monotonic() - start < 60:
        p = subprocess.Popen(save, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0, span))
        p.kill()
        completed += p.wait() == 0
        attempts += 1
        # A loaded machine makes saves slower (or faster) than measured: widen
        # or narrow the window until the kills fall on both sides of the end.
        if attempts % 10 == 0 and completed == 0:
            span *= 2
        elif attempts % 10 == 0 and completed == attempts:
            span /= 2
    rc, out, err = run(["history", "list", "--format", "json"], hist)
    count = len(json.loads(out)["assessments"]) if rc == 0 else -1
    print(f"kill -9: {attempts} saves started, {completed} finished, {count - 3} of them in the history (a save takes {span / 1.3:.3f} s)")
    check(rc == 0, f"the history opens after {attempts} saves killed at random moments ({err[:200]})")
    check(3 + completed <= count <= 3 + attempts,
          f"every finished save is there and nothing else ({completed} + 3 <= {count} <= {attempts} + 3)")
    check(0 < completed < attempts, f"the kills fell both before and after the end of a save ({completed} of {attempts} finished)")
    if os.path.exists(hist):
        db = sqlite3.connect(hist)
        check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "PRAGMA integrity_check is ok")
        rows = db.execute("SELECT profile, assessment FROM assessments").fetchall()
        check(len(rows) == count and all(json.loads(p) and json.loads(a) for p, a in rows),
              "every record is whole (its profile and assessment parse)")
        db.close()

    hist = os.path.join(tmp, "concurrent.db")
    env = dict(BASE_ENV, AICERT_HISTORY=hist)
    procs = [subprocess.Popen(["sh", "-c", f'for i in 1 2 3; do "{AICERT}" assess "{PROFILE}" --save >/dev/null 2>&1 || exit 1; done'],
                              env=env) for _ in range(4)]
    ok = all(p.wait(timeout=TIMEOUT) == 0 for p in procs)
    rc, out, _ = run(["history", "list", "--format", "json"], hist)
    check(ok and rc == 0 and len(json.loads(out)["assessments"]) == 12, "four processes saving at once: all 12 saved")


def main():
    with tempfile.TemporaryDirectory(prefix="aicert-history.") as tmp:
        save_and_read(tmp)
        list_export_forget(tmp)
        diff_answers_and_policy(tmp)
        diff_catalogue(tmp)
        diff_date(tmp)
        refusals(tmp)
        migration(tmp)
        killed_saves(tmp)
    print(f"{checks - len(failures)} of {checks} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
