#!/usr/bin/env python3
# Reports speak to a person: every text and Markdown report of every case (on
# its as_of date) and of every example is scanned for what a person should
# never read: unbalanced brackets, a word said twice in a row, a verdict
# repeated by its headline, a {placeholder} left unexpanded, snake_case ids
# (rule ids, enum names), JSON paths of the profile, and "1 hours"-style
# agreement errors.
#
# usage: run_prose.py AICERT CASES_DIR [EXAMPLES_DIR...]   (python3, standard library only)
# Prints one line per problem and a final line "N passed, M failed".
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

from run_cases import DEFAULT_AS_OF, read_expected, run

ROOTS = ("role", "ai_use", "trajectory", "organization", "industry", "constraints", "certification", "motives",
         "capability_gap", "label", "schema")
CHECKS = (
    ("a {placeholder} left unexpanded", re.compile(r"\{[a-z_]+(%|:[a-z]+)?\}")),
    ("a snake_case id", re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")),
    ("a JSON path", re.compile(r"\b(?:%s)\.[a-z_\[\]0-9.]+" % "|".join(ROOTS))),
    ("a unit that disagrees with 1", re.compile(r"(?<![\d.,])1 (hours|weeks|months|days|years|tasks|signals)\b")),
    ("a plural after a number other than 1", re.compile(r"(?<![\d.,])(?:[02-9]|\d\d+) (hour|week|month|day|year)\b")),
    ("a verdict repeated by its headline", re.compile(r"\b(PURSUE|SIGNAL ONLY|NOT YET|AVOID) — \1\b", re.I)),
    ("an empty bracket or a space before punctuation", re.compile(r"\(\s*\)|\s[,.;:](?=\s|$)")),
)
DOUBLED = re.compile(r"\b([A-Za-z]+) \1\b", re.I)


def problems(text):
    """What a person should not read in one report."""
    found = []
    for what, rx in CHECKS:
        for m in rx.finditer(text):
            found.append("%s: %r" % (what, m.group(0)))
    for block in re.split(r"\n\s*\n", text):
        for open_, close in (("(", ")"), ("[", "]"), ("{", "}")):
            if block.count(open_) != block.count(close):
                found.append("unbalanced %s%s in: %r" % (open_, close, block.strip()[:120]))
        # Words in a row, read as a sentence: runs of spaces in fields and
        # tables separate cells, and line breaks inside a block are spaces.
        for line in block.split("\n"):
            for cell in re.split(r"\s{2,}|\|", line.strip()):
                for m in DOUBLED.finditer(cell):
                    found.append("a doubled word: %r" % m.group(0))
        joined = re.sub(r"\s*\n\s*", " ", block.strip())
        for m in DOUBLED.finditer(joined):
            if m.group(0) not in "\n".join(block.split("\n")):  # only across a line break
                found.append("a doubled word across lines: %r" % m.group(0))
    return found


def check(aicert, path, as_of):
    fails = []
    for fmt in ("text", "markdown"):
        rc, out, err = run(aicert, ["assess", path, "--format", fmt, "--as-of", as_of])
        if rc != 0:
            fails.append("%s (%s): exit %s (%s)" % (os.path.basename(path), fmt, rc, err.strip()))
            continue
        for p in problems(out.decode("utf-8")):
            fails.append("%s (%s): %s" % (os.path.basename(path), fmt, p))
    return fails


def main():
    if len(sys.argv) < 3:
        print("usage: run_prose.py AICERT CASES_DIR [EXAMPLES_DIR...]", file=sys.stderr)
        return 2
    aicert, cases = sys.argv[1], sys.argv[2]
    jobs = [(os.path.join(cases, r["profile"]), r.get("as_of") or DEFAULT_AS_OF) for r in read_expected(cases)]
    for folder in sys.argv[3:]:
        jobs += [(os.path.join(folder, f), DEFAULT_AS_OF) for f in sorted(os.listdir(folder)) if f.endswith(".json")]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda j: check(aicert, *j), jobs))
    failed = 0
    for fails in results:
        for line in fails:
            print(line)
        failed += bool(fails)
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
