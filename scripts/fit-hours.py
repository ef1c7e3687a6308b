#!/usr/bin/env python3
"""fit-hours.py — fits the [preparation] rule of data/policy.default on the
catalogue entries whose preparation hours a source gives.

The estimate for an entry is the median of the known hours of its level, when
at least two entries of that level have them, else the median of its format
(again from at least two).  The range around an estimate is the 25th to 75th
percentile of known / estimated over the entries with known hours, so half of
them fall inside it.  Prints the section; --check FILE exits 1 when the
policy file's section differs.
usage: fit-hours.py [CATALOGUE] [--check POLICY]
"""
import json
import statistics
import sys


def percentile(xs, q):
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def fit(entries):
    known = [e for e in entries if e["hours"] is not None]
    rule = {}
    for key in ("level", "format"):
        groups = {}
        for e in known:
            groups.setdefault(e[key], []).append(e["hours"])
        for name, hours in sorted(groups.items()):
            if len(hours) >= 2:
                rule.setdefault(name, statistics.median(hours))

    def estimate(e):
        return rule.get(e["level"]) or rule.get(e["format"])

    ratios = [e["hours"] / estimate(e) for e in known if estimate(e)]
    return rule, round(percentile(ratios, 0.25), 2), round(percentile(ratios, 0.75), 2), len(known)


def section(rule, low, high, n):
    lines = ["[preparation]",
             "# Preparation hours for an entry no source gives them for, by its level,",
             "# else its format; fitted by scripts/fit-hours.py on the %d entries whose" % n,
             "# hours a source gives (the median of each level or format with at least",
             "# two).  The range shown around an estimate is low to high times it: half",
             "# of the known entries fall within it."]
    for name, h in rule.items():
        lines.append("%s = %g" % (name, h))
    lines.append("low = %g" % low)
    lines.append("high = %g" % high)
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    check = None
    if "--check" in args:
        i = args.index("--check")
        check = args[i + 1]
        del args[i:i + 2]
    cat = args[0] if args else "data/catalogue.json"
    entries = json.load(open(cat, encoding="utf-8"))["certifications"]
    text = section(*fit(entries))
    if check:
        policy = open(check, encoding="utf-8").read()
        if text not in policy:
            sys.stdout.write("the [preparation] section of %s is not the fit of %s; it should read:\n\n%s"
                             % (check, cat, text))
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
