#!/usr/bin/env python3
# Runs the shared output-contract checker (../shared/tools/check-profiles) over
# a folder of profiles and its EXPECTED.tsv.  The checker assesses every row on
# one date (--as-of); our cases carry their own in the as_of column, so the
# rows are grouped by date and the checker runs once per date.
#
# usage: run_checker.py CHECKER AICERT FOLDER EXPECTED.tsv
# Exit 0 when every run passes; prints what the checker printed.
import os
import subprocess
import sys
import tempfile

DEFAULT_AS_OF = "2026-11-29"


def main():
    if len(sys.argv) != 5:
        print("usage: run_checker.py CHECKER AICERT FOLDER EXPECTED.tsv", file=sys.stderr)
        return 2
    checker, aicert, folder, tsv = sys.argv[1:]
    with open(tsv, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    header, rows = lines[0], lines[1:]
    cols = header.split("\t")
    at = cols.index("as_of") if "as_of" in cols else None
    groups = {}
    for row in rows:
        cells = row.split("\t")
        date = cells[at] if at is not None and at < len(cells) and cells[at] else DEFAULT_AS_OF
        groups.setdefault(date, []).append(row)
    failed = 0
    for date in sorted(groups):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as t:
            t.write("\n".join([header] + groups[date]) + "\n")
            name = t.name
        try:
            p = subprocess.run([sys.executable, checker, aicert, folder, name, "--as-of=" + date],
                               capture_output=True, text=True, timeout=1800)
        finally:
            os.unlink(name)
        print("as of %s: %s" % (date, p.stdout.strip()))
        if p.stderr.strip():
            print(p.stderr.strip())
        failed += p.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
