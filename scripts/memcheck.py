#!/usr/bin/env python3
# Runs the unit tests (the CTest tests named test_*, but the integration
# test over the real data) of a build under
# valgrind's memcheck: each must pass with no memory error and no leak.
# usage: scripts/memcheck.py BUILD_DIR      (used by scripts/test.sh --valgrind)
import json
import os
import subprocess
import sys

build = sys.argv[1]
listing = json.loads(subprocess.run(["ctest", "--show-only=json-v1"], cwd=build, check=True,
                                    capture_output=True, text=True).stdout)
failed = []
ran = 0
for test in listing["tests"]:
    # The integration test imports the full official data: hours under memcheck.
    if not test["name"].startswith("test_") or test["name"] == "test_occdata_real" or "command" not in test:
        continue
    env = dict(os.environ)
    skip = None
    for prop in test.get("properties", []):
        if prop["name"] == "ENVIRONMENT":
            env.update(v.split("=", 1) for v in prop["value"])
        if prop["name"] == "SKIP_RETURN_CODE":
            skip = int(prop["value"])
    cmd = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite",
           "--quiet"] + test["command"]
    cwd = next((x["value"] for x in test.get("properties", []) if x["name"] == "WORKING_DIRECTORY"), build)
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    ran += 1
    if p.returncode == skip:
        print("%-24s skipped" % test["name"])
    elif p.returncode != 0:
        failed.append(test["name"])
        print("%-24s FAILED (exit %d)\n%s" % (test["name"], p.returncode, p.stderr[-3000:]))
    else:
        print("%-24s clean" % test["name"])
print("%d unit tests under memcheck, %d failed" % (ran, len(failed)))
sys.exit(1 if failed else 0)
