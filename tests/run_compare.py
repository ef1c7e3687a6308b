#!/usr/bin/env python3
"""run_compare.py — `aicert compare` for realistic profiles of tests/compare/.

For each profile of EXPECTED.tsv (written before the ranking was built), checks
that the top three are certificates a careful career coach would accept, that
at least one of the named ones is among them, that fewer than half of the
ranked certificates earn pursue, and that no certificate the person cannot
afford or finish in time ranks above one they can (unless none of those fits).
usage: run_compare.py AICERT TESTS_DIR
"""
import json
import os
import subprocess
import sys

AS_OF = "2026-12-01"


def main():
    aicert, tests = sys.argv[1], sys.argv[2]
    folder = os.path.join(tests, "compare")
    failures = 0
    rows_seen = 0
    for line in open(os.path.join(folder, "EXPECTED.tsv"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, accept, must = line.rstrip("\n").split("\t")
        accept, must = set(accept.split()), set(must.split())
        path = os.path.join(folder, name + ".json")
        profile = json.load(open(path, encoding="utf-8"))
        r = subprocess.run([aicert, "compare", path, "--as-of", AS_OF, "--top", "1000", "--format", "json"],
                           capture_output=True, text=True)
        problems = []
        if r.returncode != 0:
            problems.append("exit %d: %s" % (r.returncode, r.stderr.strip()))
        else:
            d = json.loads(r.stdout)
            ranked = d["ranked"]
            rows_seen += len(ranked)
            top = [x["id"] for x in ranked[:3]]
            if len(top) < 3:
                problems.append("fewer than three ranked: %s" % top)
            outside = [t for t in top if t not in accept]
            if outside:
                problems.append("top three %s include %s, which a coach would not accept" % (top, outside))
            if not set(top) & must:
                problems.append("top three %s hold none of %s" % (top, sorted(must)))
            pursue = sum(1 for x in ranked if x["verdict"] == "pursue")
            if pursue != d["pursue_count"]:
                problems.append("pursue_count %d but %d ranked rows earn pursue" % (d["pursue_count"], pursue))
            if not pursue * 2 < len(ranked):
                problems.append("%d of %d certificates earn pursue (expected fewer than half)" % (pursue, len(ranked)))
            budget = profile["constraints"]["budget_usd"]
            max_weeks = 26

            def feasible(x):
                # Judged from the figures, not from the program's own flags.
                if x["cost_usd"] is not None and x["cost_usd"] > budget:
                    return False
                if x["weeks"] is not None and x["weeks"] > max_weeks:
                    return False
                return True

            any_fitting_feasible = any(feasible(x) and x["fits"] for x in ranked)
            if any_fitting_feasible:
                seen_infeasible = None
                for x in ranked:
                    if not feasible(x):
                        seen_infeasible = seen_infeasible or x["id"]
                    elif seen_infeasible:
                        problems.append("%s (over budget or time) ranks above %s, which is within them"
                                        % (seen_infeasible, x["id"]))
                        break
            for x in ranked:
                if x["hours_estimated"] and not (x["hours_low"] and x["hours_high"]):
                    problems.append("%s: estimated hours without a range" % x["id"])
        status = "ok" if not problems else "FAIL"
        print("%-26s %s  top three: %s" % (name, status, " ".join(top) if r.returncode == 0 else "-"))
        for p in problems:
            print("    " + p)
        failures += bool(problems)
    if not rows_seen:
        print("no profile was ranked")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
