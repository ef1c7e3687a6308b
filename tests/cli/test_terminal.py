#!/usr/bin/env python3
# The tool in a terminal: text uses the terminal's width (78 columns when
# standard output is not a terminal), colours only on a terminal and never
# with NO_COLOR, no line of compare or certs list wider than the terminal;
# subcommand groups answer --help with exit 0; a mistyped command gets the
# nearest one suggested.
#
# usage: test_terminal.py AICERT TESTS_DIR EXAMPLES_DIR   (standard library only)
import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import unicodedata

ESC = re.compile(rb"\x1b\[[0-9;]*m")
fails = []


def check(ok, what):
    if not ok:
        fails.append(what)


def width(line):
    """Display columns of a line of text (escape sequences take none)."""
    text = ESC.sub(b"", line).decode("utf-8", "replace")
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def in_pty(argv, cols, env_extra=None):
    """Runs argv with its standard output on a pseudo-terminal of cols columns;
    returns (exit status, output bytes)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
    env = dict(os.environ, TERM="xterm", AICERT_DATA="/nonexistent/occupations.db")
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    p = subprocess.Popen(argv, stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(timeout=60), out.replace(b"\r\n", b"\n")


def main():
    aicert, tests, examples = sys.argv[1:4]
    profile = os.path.join(examples, "product-lead.json")
    env = dict(os.environ, AICERT_DATA="/nonexistent/occupations.db")
    env.pop("NO_COLOR", None)
    # Not a terminal: 78 columns, no colour.
    for args in (["assess", profile], ["compare", profile], ["certs", "list"]):
        p = subprocess.run([aicert] + args, capture_output=True, env=env, timeout=60)
        check(p.returncode == 0, "%s: exit %d" % (args, p.returncode))
        check(not ESC.search(p.stdout), "%s: colour codes in a pipe" % args)
        wide = [l for l in p.stdout.split(b"\n") if width(l) > 78]
        check(not wide, "%s: %d lines wider than 78 in a pipe, e.g. %r" % (args, len(wide), wide[:1]))
    # A terminal of 60 and of 120 columns: nothing wider, colour on.
    for cols in (60, 120):
        for args in (["assess", profile], ["compare", profile, "--top", "20"], ["certs", "list"]):
            rc, out = in_pty([aicert] + args, cols)
            check(rc == 0, "%s at %d columns: exit %d" % (args, cols, rc))
            wide = [l for l in out.split(b"\n") if width(l) > cols]
            check(not wide, "%s at %d columns: %d lines too wide, e.g. %r" % (args, cols, len(wide), wide[:1]))
        rc, out = in_pty([aicert, "assess", profile], cols)
        check(ESC.search(out) is not None, "assess on a terminal of %d columns: no colour" % cols)
    # The text really uses the width: a wider terminal gives longer lines.
    _, narrow = in_pty([aicert, "assess", profile], 60)
    _, broad = in_pty([aicert, "assess", profile], 120)
    check(max(map(width, broad.split(b"\n"))) > 78, "assess at 120 columns never uses more than 78")
    check(len(narrow.split(b"\n")) > len(broad.split(b"\n")), "a narrower terminal does not wrap more")
    # NO_COLOR (any non-empty value) and TERM=dumb switch colour off.
    for extra in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        _, out = in_pty([aicert, "assess", profile], 100, extra)
        check(not ESC.search(out), "colour codes with %s" % extra)
    # Groups answer --help; a group alone is a usage error; typos get a suggestion.
    for group in ("certs", "occupations", "data", "policy"):
        p = subprocess.run([aicert, group, "--help"], capture_output=True, env=env, timeout=30)
        check(p.returncode == 0 and b"aicert %s " % group.encode() in p.stdout,
              "%s --help: exit %d" % (group, p.returncode))
        p = subprocess.run([aicert, group], capture_output=True, env=env, timeout=30)
        check(p.returncode == 2 and b"needs a subcommand" in p.stderr, "%s alone: exit %d" % (group, p.returncode))
    for typed, meant in (("asess", "assess"), ("cert", "certs"), ("compre", "compare"), ("polcy", "policy")):
        p = subprocess.run([aicert, typed], capture_output=True, env=env, timeout=30)
        check(p.returncode == 2 and ("did you mean '%s'" % meant).encode() in p.stderr,
              "%s: no suggestion of %s (%r)" % (typed, meant, p.stderr[:120]))
    p = subprocess.run([aicert, "zzzzzz"], capture_output=True, env=env, timeout=30)
    check(p.returncode == 2 and b"did you mean" not in p.stderr, "zzzzzz: a far-fetched suggestion")
    for f in fails:
        print(f)
    print("%s: %d failed" % ("terminal", len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
