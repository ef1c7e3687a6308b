#!/usr/bin/env python3
# `aicert interview` driven in a pseudo-terminal, as a person would: a full
# run from a job title to a verdict; skipping every question; task shares that
# do not add up to 100 (and a share of 0); a certificate chosen by searching
# the catalogue; Ctrl-C halfway (no file written); --from revising one answer
# and getting the new verdict; bad answers re-prompted; the arrow keys; colour
# only without NO_COLOR; the piped mode for scripts.  Every saved profile must
# give `aicert assess` the same assessment the interview printed.  Also the
# questionnaire file's checks, `aicert init` and `aicert schema profile`.
#
# usage: test_interview.py AICERT TESTS_DIR EXAMPLES_DIR   (standard library;
# the JSON Schema check runs when python3-jsonschema is installed)
import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time

AS_OF = "2026-06-01"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r")
fails = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        fails.append(what)
        print("FAIL:", what, file=sys.stderr)


def own_terminal():
    """In the child: a session of its own whose controlling terminal is the
    pseudo-terminal on standard input, so that Ctrl-C sends SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Interview:
    """aicert interview with standard input and error on a pseudo-terminal
    and standard output in a file."""

    def __init__(self, aicert, args, env, cols=100, term="dumb"):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
        self.out = tempfile.TemporaryFile()
        e = dict(env, TERM=term)
        self.p = subprocess.Popen([aicert, "interview", "--as-of", AS_OF] + args, stdin=slave, stderr=slave,
                                  stdout=self.out, env=e, preexec_fn=own_terminal)
        os.close(slave)
        self.text = ""  # everything shown, escape sequences removed
        self.seen = 0   # where the last prompt ended

    def _read(self, timeout):
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        self.text += ANSI.sub("", chunk.decode("utf-8", "replace"))
        return True

    def prompt(self, timeout=30):
        """Waits for the next prompt; returns what was shown since the last
        one, or None when the program ended."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if re.search(r"> $", self.text[self.seen:]):
                seg = self.text[self.seen:]
                self.seen = len(self.text)
                return seg
            got = self._read(0.2)
            if got is None:
                return None
            if got is False and self.p.poll() is not None:
                while self._read(0.1):
                    pass
                return None
        raise TimeoutError("no prompt in %ss; shown:\n%s" % (timeout, self.text[-2000:]))

    def send(self, s):
        time.sleep(0.02)  # the prompt is out; let the line editor finish setting up the terminal
        os.write(self.master, s.encode())

    def run(self, rules, timeout=60):
        """Answers every prompt: the first rule (pattern, answer) whose
        pattern is in the text since the last prompt is used up and its
        answer typed; otherwise Enter.  Returns the exit status."""
        rules = list(rules)
        deadline = time.time() + timeout
        while time.time() < deadline:
            seg = self.prompt()
            if seg is None:
                break
            for i, (pat, ans) in enumerate(rules):
                if re.search(pat, seg):
                    del rules[i]
                    self.send(ans + "\r")
                    break
            else:
                self.send("\r")
        self.unused = rules
        return self.finish()

    def finish(self):
        try:
            rc = self.p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.p.kill()
            rc = -9
        while self._read(0.1):
            pass
        os.close(self.master)
        self.out.seek(0)
        self.stdout = self.out.read().decode()
        return rc


FULL_RUN = [("job title", "financial analyst"),
            ("closest to yours", "1"),
            ("working time go to", ""),
            ("manage people", "1"),
            ("results that are measured", "yes"),
            ("40% more productive", "1"),
            ("ladder", "3"),
            ("gone with AI", "3"),
            ("real tasks", "1"),
            ("move into", "Analytics engineer"),
            ("Pick all that apply.", "1 3"),
            ("capability are you missing", "dbt models"),
            ("certificate are you considering", "aws machine learning"),
            ("search again", "2"),
            ("money can you spend", "400"),
            ("hours a week", "4")]


def assess(aicert, path, env):
    return subprocess.run([aicert, "assess", path, "--as-of", AS_OF], capture_output=True, text=True, env=env)


def main():
    aicert, tests, examples = sys.argv[1:4]
    edit_soname = sys.argv[4] if len(sys.argv) > 4 else None
    tmp = tempfile.mkdtemp(prefix="aicert-interview.")
    data = os.path.join(tmp, "occupations.db")
    fixture = os.path.join(tests, "fixtures", "occdata", "good")
    base = dict(os.environ, AICERT_HISTORY=os.path.join(tmp, "history.db"), XDG_DATA_HOME=os.path.join(tmp, "xdg"),
                HOME=tmp)
    base.pop("NO_COLOR", None)
    r = subprocess.run([aicert, "data", "import", "--from", fixture, "--sample"], env=dict(base, AICERT_DATA=data),
                       capture_output=True, text=True)
    check(r.returncode == 0, "the fixture's occupation data imports: " + r.stderr)
    env = dict(base, AICERT_DATA=data)

    # A full run: title -> occupation -> the suggested task mix -> answers ->
    # a certificate found by searching the catalogue -> the verdict.
    full = os.path.join(tmp, "full.json")
    iv = Interview(aicert, ["--save", full], env)
    rc = iv.run(FULL_RUN)
    check(rc == 0, "a full interview ends with exit 0 (got %s): %s" % (rc, iv.text[-800:]))
    check(not iv.unused, "every answer of the full run was asked for: %s" % getattr(iv, "unused", None))
    check("a 95% match" in iv.text, "the title's matches show their confidence")
    check("such as:" in iv.text, "the suggested task mix shows an example task of each kind")
    check("Verdict:" in iv.stdout, "the interview ends with the assessment on standard output")
    check(os.path.exists(full), "the answers are saved where --save says")
    if os.path.exists(full):
        prof = json.load(open(full))
        check(prof.get("certification", {}).get("id", "").startswith("aws-"),
              "the certificate chosen by search is saved by its catalogue id: %s" % prof.get("certification"))
        check(prof["role"].get("occupation") == "13-2051.00", "the chosen occupation is saved")
        check(sum(t["share"] for t in prof["role"]["tasks"]) == 100, "the suggested shares add up to 100")
        a = assess(aicert, full, env)
        check(a.returncode == 0 and a.stdout == iv.stdout,
              "aicert assess gives the saved profile the assessment the interview printed")
    h = subprocess.run([aicert, "history", "show", "1", "--format", "json"], env=env, capture_output=True, text=True)
    check(h.returncode == 0 and json.loads(h.stdout).get("as_of") == AS_OF and
          json.loads(h.stdout).get("profile") == json.load(open(full)),
          "the interview's assessment is in the history, with its date and profile: " + h.stdout[:300] + h.stderr)

    # Skipping everything: Enter at every prompt still gives a verdict, and a
    # profile saved in the data folder, its path printed.
    iv = Interview(aicert, [], env)
    rc = iv.run([])
    saved = re.search(r"saved in (\S+\.json)", iv.text)
    check(rc == 0 and saved, "skipping every question ends with exit 0 and a saved profile (%s)" % rc)
    if saved:
        path = saved.group(1)
        check(path.startswith(os.path.join(tmp, "xdg", "aicert")), "without --save it goes to the data folder")
        a = assess(aicert, path, env)
        check(a.returncode == 0 and a.stdout == iv.stdout, "the skipped-everything profile assesses the same")
        check(oct(os.stat(os.path.dirname(path)).st_mode & 0o777) == "0o700", "the profiles folder is private")

    # Without libedit (a broken copy of it first on the loader's path) the
    # interview still runs at a terminal: lines are read as typed, only the
    # arrow keys are lost, and the same answers give the same profile.
    if edit_soname:
        broken = os.path.join(tmp, "broken")
        os.mkdir(broken)
        open(os.path.join(broken, edit_soname), "w").close()
        plain = os.path.join(tmp, "plain.json")
        iv = Interview(aicert, ["--save", plain], dict(env, LD_LIBRARY_PATH=broken))
        rc = iv.run(FULL_RUN)
        check(rc == 0 and "line editing is off" in iv.text and edit_soname in iv.text,
              "without libedit the interview says line editing is off and ends with exit 0 (%s): %s"
              % (rc, iv.text[-600:]))
        check(not iv.unused, "without libedit every answer was asked for: %s" % getattr(iv, "unused", None))
        check(os.path.exists(plain) and os.path.exists(full) and json.load(open(plain)) == json.load(open(full)),
              "without libedit the same answers save the same profile")

    # Task shares: a share of 0 and a letter are refused with a re-prompt;
    # shares that do not add up to 100 are shown as they add up and scaled.
    shares = os.path.join(tmp, "shares.json")
    iv = Interview(aicert, ["--save", shares], dict(base, AICERT_DATA=os.path.join(tmp, "none.db")))
    rc = iv.run([("working time go to", "a"),
                 ("task, in your own words", "Monthly reporting"),
                 ("percent of your working time", "0"),
                 ("not a number greater than 0", "abc"),
                 ("not a number greater than 0", "60"),
                 ("describes the task best", "monthly"),
                 ("not one of the choices", "4"),
                 ("in all", "a"),
                 ("task, in your own words", "Client meetings"),
                 ("percent of your working time", "30"),
                 ("describes the task best", "12"),
                 ("90%  in all", "1 0"),
                 ("to remove task 1", "2 x"),
                 ("to remove task 2", "d 9"),
                 ("no task", "")])
    check(rc == 0, "the task-mix run ends with exit 0 (%s)" % rc)
    check(not iv.unused, "every bad share was re-prompted: %s" % getattr(iv, "unused", None))
    check("added up to 90%" in iv.text, "shares adding up to 90 are scaled with a note")
    if os.path.exists(shares):
        t = json.load(open(shares))["role"]["tasks"]
        check([x["share"] for x in t] == [67, 33] and [x["category"] for x in t] ==
              ["standardized_reporting", "client_relationship"], "the scaled shares are saved: %s" % t)

    # Bad answers at choice and number questions: re-prompted, never a crash.
    bad = os.path.join(tmp, "bad.json")
    iv = Interview(aicert, ["--save", bad], env)
    rc = iv.run([("manage people", "x"),
                 ("not one of the choices", "9"),
                 ("not one of the choices", "?"),
                 ("individual contributor, manager", "hybrid"),
                 ("percent of your week", "120"),
                 ("not a number from 0 to 100", "50"),
                 ("Pick all that apply.", "1 99"),
                 ("not one of the choices", "none"),
                 ("money can you spend", "lots"),
                 ("is not a number", "-5"),
                 ("is not a number", "300")])
    check(rc == 0 and not iv.unused, "bad answers are re-prompted until a good one (%s, %s)" % (rc, iv.unused))
    if os.path.exists(bad):
        p = json.load(open(bad))
        check(p["role"]["kind"] == "hybrid" and p["role"]["manager"]["reporting_share"] == 50 and
              p["constraints"]["budget_usd"] == 300 and p["organization"]["adoption_signals"] == [],
              "the good answers after bad ones are saved: %s" % p)

    # Ctrl-C halfway: nothing written, and how to start again is said.
    stop = os.path.join(tmp, "stopped.json")
    iv = Interview(aicert, ["--save", stop], env)
    seg = iv.prompt()
    while seg is not None and "40% more productive" not in seg:
        iv.send("\r")
        seg = iv.prompt()
    iv.send("\x03")
    rc = iv.finish()
    check(rc == 130, "Ctrl-C stops the interview with exit 130 (got %s)" % rc)
    check("nothing was saved" in iv.text and "--from" in iv.text, "Ctrl-C says nothing was saved and how to resume")
    check(not [f for f in os.listdir(tmp) if f.startswith("stopped")], "Ctrl-C leaves no file, not even a partial one")
    check(iv.stdout == "", "Ctrl-C writes nothing on standard output")

    # End of input (Ctrl-D) halfway: the same.
    iv = Interview(aicert, ["--save", stop], env)
    iv.prompt()
    iv.send("\x04")
    rc = iv.finish()
    check(rc == 2 and "nothing was saved" in iv.text and not os.path.exists(stop),
          "Ctrl-D stops without a file (%s: %s)" % (rc, iv.text[-300:]))

    # --from: the saved answers are the defaults; one answer revised gives the
    # verdict that answer leads to (as the engine's what_changes says).
    lead = os.path.join(examples, "product-lead.json")
    before = subprocess.run([aicert, "assess", lead, "--as-of", AS_OF, "--format", "json"], env=env,
                            capture_output=True, text=True)
    doc = json.loads(before.stdout)
    revised = os.path.join(tmp, "revised.json")
    iv = Interview(aicert, ["--from", lead, "--save", revised, "--format", "json"], env)
    rc = iv.run([("core product itself", "1")])
    check(rc == 0 and not iv.unused, "the --from run ends with exit 0 (%s)" % rc)
    if rc == 0:
        after = json.loads(iv.stdout)
        want = [o["verdict"] for u in doc["what_changes"]["unanswered"] if u["field"] ==
                "industry.business_model_compressing" for o in u["outcomes"] if o["answer"] == "yes"]
        check(doc["verdict"] == "pursue" and after["verdict"] == want[0] == "avoid",
              "revising one answer gives the new verdict (%s -> %s)" % (doc["verdict"], after["verdict"]))
        old, new = json.load(open(lead)), json.load(open(revised))
        new["industry"].pop("business_model_compressing")
        if not new["industry"]:
            new.pop("industry")
        old["schema"] = new["schema"]
        check(old == new, "every other answer of the --from profile is kept:\n%s\n%s" % (old, new))

    # At the end, only the later questions that could still change the verdict
    # are offered (the engine re-run with each answer); the rest are left out.
    iv = Interview(aicert, ["--from", os.path.join(examples, "consultant-signal.json"), "--save",
                            os.path.join(tmp, "later.json")], env)
    rc = iv.run([("could change your verdict", "y")])
    tail = iv.text[iv.text.find("could change your verdict"):]
    check(rc == 0 and not iv.unused and "1 more question could change your verdict" in iv.text,
          "the later questions that could change the verdict are offered (%s)" % rc)
    check(re.search(r"\n\s+1  .*\n", tail) and "8 questions that cannot change your verdict were left out" in tail,
          "the offered question is asked, and the others are counted as left out")
    iv = Interview(aicert, ["--from", os.path.join(examples, "consultant-signal.json"), "--save",
                            os.path.join(tmp, "later2.json")], env)
    rc = iv.run([("could change your verdict", "n")])
    check(rc == 0 and "1 question that could change your verdict stays unanswered" in iv.text and
          "8 questions that cannot change" in iv.text, "declining the later questions skips them, and says so")

    # The arrow keys walk a question's choices; colour only without NO_COLOR.
    arrows = os.path.join(tmp, "arrows.json")
    iv = Interview(aicert, ["--save", arrows], env, term="xterm")
    raw = b""
    seg = iv.prompt()
    while seg is not None:
        if "manage people" in seg:
            iv.send("\x1b[A\x1b[A\r")  # up twice: the second choice
        else:
            iv.send("\r")
        seg = iv.prompt()
    rc = iv.finish()
    if os.path.exists(arrows):
        check(json.load(open(arrows))["role"].get("kind") == "manager", "two presses of the up arrow choose 2")
    else:
        check(False, "the arrow-key run saved its answers (%s)" % rc)
    for no_color in ("", "1"):
        master, slave = pty.openpty()
        e = dict(env, TERM="xterm")
        if no_color:
            e["NO_COLOR"] = no_color
        p = subprocess.Popen([aicert, "interview", "--save", os.path.join(tmp, "c.json")], stdin=slave, stderr=slave,
                             stdout=subprocess.DEVNULL, env=e, preexec_fn=own_terminal)
        os.close(slave)
        got = b""
        while b"job title" not in got:
            r_, _, _ = select.select([master], [], [], 10)
            if not r_:
                break
            got += os.read(master, 4096)
        p.kill()
        p.wait()
        os.close(master)
        check((b"\x1b[1m" in got) == (not no_color), "bold questions %s NO_COLOR" % ("with" if no_color else "without"))

    # Terminal width: the questions wrap to it.
    iv = Interview(aicert, ["--save", os.path.join(tmp, "narrow.json")], env, cols=50)
    iv.run([])
    long_lines = [l for l in iv.text.splitlines() if len(l) > 50 and not l.startswith("  ") and "/" not in l]
    check(not long_lines, "at 50 columns no question or help line is wider: %s" % long_lines[:2])

    # Not a terminal: a clear message; --piped reads one answer per line.
    r = subprocess.run([aicert, "interview"], input="", capture_output=True, text=True, env=env)
    check(r.returncode == 2 and "not a terminal" in r.stderr and "--piped" in r.stderr,
          "without a terminal the interview says so and names --piped")
    piped = os.path.join(tmp, "piped.json")
    lines = ["nurse", "1", "", "1", "", "2"] + [""] * 60
    r = subprocess.run([aicert, "interview", "--piped", "--save", piped, "--as-of", AS_OF], input="\n".join(lines) + "\n",
                       capture_output=True, text=True, env=env)
    check(r.returncode == 0 and os.path.exists(piped), "--piped answers from a script (%s: %s)" % (r.returncode,
                                                                                                 r.stderr[-300:]))
    if os.path.exists(piped):
        p = json.load(open(piped))
        check(p["role"]["occupation"] == "29-1141.00" and p["role"]["kind"] == "ic" and
              p["role"]["decision_authority"] == "separable", "the piped answers are saved: %s" % p["role"])
        check(assess(aicert, piped, env).stdout == r.stdout, "the piped profile assesses the same")
    short = os.path.join(tmp, "short.json")
    r = subprocess.run([aicert, "interview", "--piped", "--save", short], input="nurse\n1\n", capture_output=True,
                       text=True, env=env)
    check(r.returncode == 2 and "nothing was saved" in r.stderr and not os.path.exists(short),
          "input that ends early writes nothing")

    # The questionnaire is data, checked against the profile schema.
    r = subprocess.run([aicert, "questionnaire", "--format", "json"], capture_output=True, text=True, env=env)
    q = json.loads(r.stdout)
    check(r.returncode == 0 and q["schema"] == "aicert/questionnaire/v1" and len(q["questions"]) > 30,
          "the questionnaire prints as JSON")
    text = subprocess.run([aicert, "questionnaire"], capture_output=True, text=True, env=env).stdout
    cases = [("  fills role.no_such_field", "not a field of the profile"),
             ("  choice sometimes = Sometimes", "'sometimes' is not an answer"),
             ("  when role.kind is boss", "'boss' is not an answer"),
             ("  colour red", "expected fills, kind, ask")]
    kind_line = text.split("\n").index("question kind") + 1
    for extra, message in cases:
        bad_q = os.path.join(tmp, "bad-questionnaire.txt")
        with open(bad_q, "w") as f:
            f.write(text.replace("  ask Do you manage people?", extra + "\n  ask Do you manage people?", 1)
                    if "fills" not in extra else
                    text.replace("  fills role.kind\n", extra + "\n", 1))
        line = kind_line + (1 if "fills" in extra else 2)
        r = subprocess.run([aicert, "questionnaire", "--questionnaire", bad_q], capture_output=True, text=True,
                           env=env)
        check(r.returncode == 2 and message in r.stderr and (":%d:" % line) in r.stderr and r.stdout == "",
              "a questionnaire with '%s' is refused naming line %d: %s" % (extra.strip(), line, r.stderr))
    reworded = os.path.join(tmp, "reworded.txt")
    with open(reworded, "w") as f:
        f.write(text.replace("ask Do you manage people?", "ask Is managing people part of your job?"))
    r = subprocess.run([aicert, "interview", "--piped", "--questionnaire", reworded, "--save",
                        os.path.join(tmp, "rw.json")], input="\n" * 80, capture_output=True, text=True, env=env)
    check(r.returncode == 0 and "Is managing people part of your job?" in r.stderr, "--questionnaire rewords a question")

    # init and schema profile, both from the profile schema.
    starter = os.path.join(tmp, "starter.json")
    r = subprocess.run([aicert, "init", starter], capture_output=True, text=True, env=env)
    check(r.returncode == 0 and os.path.exists(starter), "init writes a starter profile")
    r = subprocess.run([aicert, "init", starter], capture_output=True, text=True, env=env)
    check(r.returncode == 2 and "--force" in r.stderr, "init keeps an existing file")
    s = json.load(open(starter))
    check("// kind" in s["role"] and s["role"]["kind"] is None, "the starter has a comment before each field")
    r = subprocess.run([aicert, "assess", starter, "--as-of", AS_OF], capture_output=True, text=True, env=env)
    check(r.returncode == 0, "the starter profile is accepted as it is: " + r.stderr)
    r = subprocess.run([aicert, "schema", "profile"], capture_output=True, text=True, env=env)
    schema = json.loads(r.stdout)
    check(schema["properties"]["role"]["properties"]["kind"]["enum"][:3] == ["ic", "manager", "hybrid"],
          "the JSON Schema lists a field's allowed values")
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema:
        for name in sorted(os.listdir(examples)) + [starter, full]:
            path = os.path.join(examples, name) if not os.path.isabs(name) else name
            if path.endswith(".json") and os.path.exists(path):
                try:
                    jsonschema.validate(json.load(open(path)), schema)
                    check(True, "")
                except jsonschema.ValidationError as e:
                    check(False, "%s does not validate against the schema: %s" % (name, e.message))
        try:
            jsonschema.validate({"schema": "aicert/profile/v2", "role": {"kind": "boss"}}, schema)
            check(False, "the schema refuses an unknown kind")
        except jsonschema.ValidationError:
            check(True, "")

    print("interview: %d passed, %d failed" % (passed, len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
