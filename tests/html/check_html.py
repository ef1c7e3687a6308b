#!/usr/bin/env python3
# HTML reports are pages a person opens, prints or sees inside the web page:
# every `assess --format html` of every case and example (and with the
# occupation fixture) must be well formed (every element closed in order),
# run nothing (no script, no event handler, no javascript: link, no style
# attribute a strict Content-Security-Policy would refuse, nothing fetched
# from elsewhere), say what the text report says without a placeholder, a
# rule id or a JSON path in what is read (run_prose.py's checks on the
# visible text), label its charts for screen readers, and point each
# clickable "what if" (data-ref) at a real entry of the JSON document.
# Markup in a profile's answers must come out as text.  `compare --format
# html` of every example (and of the markup) must be well formed and run
# nothing too.
#
# usage: check_html.py AICERT TESTS_DIR EXAMPLES_DIR     (python3, standard library only)
# Prints one line per problem and a final line "N passed, M failed".
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from run_cases import DEFAULT_AS_OF, get_path, read_expected  # noqa: E402
from run_prose import problems as prose_problems  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_VOID = {"rect", "line", "path", "circle"}  # written self-closed inside SVG
BLOCKS = {"h1", "h2", "p", "li", "dt", "dd", "tr", "figcaption", "title", "text", "th", "td"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}


class Page(HTMLParser):
    """Parses one page and collects what is wrong with it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.counts = [], [], {}
        self.text, self.doctype, self.lang, self.refs = [], False, None, []
        self.in_style = self.in_title = 0
        self.title = ""

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        a = dict(attrs)
        if tag == "script":
            self.errors.append("a <script> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.errors.append("an event handler attribute %s" % name)
            if name == "style":
                self.errors.append("a style attribute (a strict CSP refuses it)")
            if name in URL_ATTRS:
                self.errors.append("a link to a resource: %s=%r" % (name, value))
            if value and "javascript:" in value.lower():
                self.errors.append("a javascript: URL")
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "svg" and (a.get("role") != "img" or not a.get("aria-label")):
            self.errors.append("an <svg> without role=img and an aria-label")
        if tag == "li" and "data-ref" in a:
            self.refs.append(a["data-ref"])
        if tag in BLOCKS:
            self.text.append("\n\n")
        self.in_style += tag == "style"
        self.in_title += tag == "title" and "svg" not in self.stack
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in SVG_VOID or "svg" not in self.stack:
            self.errors.append("a self-closed <%s/> outside SVG" % tag)
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append("an end tag for the void element %s" % tag)
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        self.in_style -= tag == "style"
        if tag == "title" and self.in_title:
            self.in_title -= 1
        if tag in BLOCKS:
            self.text.append("\n\n")

    def handle_data(self, data):
        if self.in_title and "svg" not in self.stack:
            self.title += data
        if not self.in_style and "head" not in self.stack:
            self.text.append(data)

    def handle_comment(self, data):
        self.errors.append("a comment: %r" % data[:40])


def check_page(html):
    """(problems, parsed page) of one HTML page."""
    p = Page()
    p.feed(html)
    p.close()
    errors = list(p.errors)
    if p.stack:
        errors.append("elements left open: %s" % " ".join(p.stack))
    if not p.doctype:
        errors.append("no <!DOCTYPE html>")
    if not p.lang:
        errors.append("no lang on <html>")
    if not p.title.strip():
        errors.append("no <title>")
    if p.counts.get("h1") != 1 or p.counts.get("main") != 1:
        errors.append("not one <h1> and one <main>")
    if html.count("<style>") != 1:
        errors.append("not one <style> element")
    return errors, p


def run(aicert, args):
    p = subprocess.run([aicert] + args, capture_output=True, timeout=60, env=dict(os.environ, LC_ALL="C"))
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def check_profile(aicert, path, as_of, extra=(), prose=True):
    """Problems of one profile's HTML report."""
    name = os.path.basename(path) + (" (with data)" if extra else "")
    args = ["assess", path, "--as-of", as_of] + list(extra)
    rc, html, err = run(aicert, args + ["--format", "html"])
    rc2, doc, _ = run(aicert, args + ["--format", "json"])
    if rc != 0 or rc2 != 0:
        return ["%s: exit %d (%s)" % (name, rc, err.strip())]
    errors, page = check_page(html)
    a = json.loads(doc)
    text = "".join(page.text)
    if prose:  # the answers themselves may read oddly (markup-in-answers)
        errors += prose_problems(re.sub(r"[ \t]*\n[ \t]*\n\s*", "\n\n", text))
    # Every what-if of the JSON is clickable, each at a real entry.
    want = ["what_changes.%s[%d]" % (k, i) for k in ("unanswered", "actions", "rests_on")
            for i in range(len(a["what_changes"][k]))]
    if page.refs != want:
        errors.append("data-ref %s, expected %s" % (page.refs, want))
    for ref in page.refs:
        if not isinstance(get_path(a, ref), dict):
            errors.append("data-ref %s is not in the JSON document" % ref)
    tasks = len((a.get("exposure") or {}).get("tasks") or [])
    among = ((a.get("exposure") or {}).get("occupation") or {}).get("person_percentile") is not None
    if page.counts.get("svg", 0) != (tasks > 0) + among:
        errors.append("%d charts, expected %d" % (page.counts.get("svg", 0), (tasks > 0) + among))
    if a["headline"] and a["headline"] not in text:
        errors.append("the headline is not in the page")
    return ["%s: %s" % (name, e) for e in errors]


def check_compare(aicert, path):
    """Problems of one profile's comparison as HTML: a page like the report's."""
    name = os.path.basename(path) + " (compare)"
    rc, html, err = run(aicert, ["compare", path, "--as-of", DEFAULT_AS_OF, "--format", "html"])
    if rc != 0:
        return ["%s: exit %d (%s)" % (name, rc, err.strip())]
    errors, page = check_page(html)
    if not page.counts.get("ol") and "No catalogue certificate" not in "".join(page.text):
        errors.append("no ranked list")
    return ["%s: %s" % (name, e) for e in errors]


def check_markup(aicert, tests):
    """Markup typed into a profile reads as text and runs nothing."""
    path = os.path.join(tests, "html", "markup-in-answers.json")
    errors = check_profile(aicert, path, DEFAULT_AS_OF, prose=False)
    _, html, _ = run(aicert, ["assess", path, "--as-of", DEFAULT_AS_OF, "--format", "html"])
    _, page = check_page(html)
    text = "".join(page.text)
    for said in ('Analyst <script>alert("label")</script> & \'friends\'',
                 'Reports <img src=x onerror=alert(1)> & "dashboards"', "<b>evaluation</b> & 'testing'"):
        if said not in text:
            errors.append("markup-in-answers: %r is not read as text" % said)
    for tag in ("img", "b", "svg"):
        if page.counts.get(tag, 0) != (tag == "svg"):
            errors.append("markup-in-answers: a <%s> element came from an answer" % tag)
    return errors


def main():
    if len(sys.argv) != 4:
        print("usage: check_html.py AICERT TESTS_DIR EXAMPLES_DIR", file=sys.stderr)
        return 2
    aicert, tests, examples = (os.path.abspath(a) for a in sys.argv[1:])
    cases = os.path.join(tests, "cases")
    jobs = [(os.path.join(cases, r["profile"]), r.get("as_of") or DEFAULT_AS_OF, ()) for r in read_expected(cases)]
    jobs += [(os.path.join(examples, f), DEFAULT_AS_OF, ()) for f in sorted(os.listdir(examples)) if f.endswith(".json")]
    with tempfile.TemporaryDirectory(prefix="aicert-html.") as tmp:
        db = os.path.join(tmp, "occupations.db")
        rc, _, err = run(aicert, ["data", "import", "--from", os.path.join(tests, "fixtures", "occdata", "good"), "--sample",
                                  "--to", db])
        if rc != 0:
            print("cannot import the fixture:", err)
            return 1
        jobs += [(os.path.join(cases, f), DEFAULT_AS_OF, ("--data", db)) for f in sorted(os.listdir(cases))
                 if "occupation" in f or "no-task-mix" in f]
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            results = list(pool.map(lambda j: check_profile(aicert, *j), jobs))
        results += [check_compare(aicert, j[0]) for j in jobs if j[0].startswith(examples)]
        results.append(check_compare(aicert, os.path.join(tests, "html", "markup-in-answers.json")))
        results.append(check_markup(aicert, tests))
    failed = 0
    for errors in results:
        for line in errors:
            print(line)
        failed += bool(errors)
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
