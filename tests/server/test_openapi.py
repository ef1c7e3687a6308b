#!/usr/bin/python3
"""test_openapi.py — data/openapi.json, as served at /openapi.json, is a
sound OpenAPI 3.1 description of the server, and the server's real answers
follow it: every operation is answered where the description says (and
nothing else is), every status and content type a request gets is
documented for its operation, and every JSON body validates against its
documented schema (JSON Schema 2020-12, Debian's python3-jsonschema).

usage: /usr/bin/python3 test_openapi.py AICERT TESTS_DIR EXAMPLES_DIR"""
import json
import os
import re
import sys
import tempfile

import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_util import Server, check, finish, read  # noqa: E402

AICERT, TESTS, EXAMPLES = sys.argv[1:4]
spec = json.loads(read(os.path.join(TESTS, "..", "data", "openapi.json")))
resolver = jsonschema.RefResolver.from_schema(spec)

# ---- the description itself
check(re.fullmatch(r"3\.1\.\d+", spec.get("openapi", "")), "openapi is 3.1.x")
check(spec.get("info", {}).get("title") and spec["info"].get("version"), "info has a title and a version")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
op_ids = []


def walk_refs(node, where):
    if isinstance(node, dict):
        if "$ref" in node:
            try:
                resolver.resolve(node["$ref"])
            except jsonschema.RefResolutionError:
                check(False, "%s: $ref %s resolves" % (where, node["$ref"]))
        for k, v in node.items():
            walk_refs(v, where + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_refs(v, "%s[%d]" % (where, i))


walk_refs(spec, "#")
for name, schema in spec.get("components", {}).get("schemas", {}).items():
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        check(False, "components.schemas.%s is a valid JSON Schema: %s" % (name, e.message))
for path, item in spec["paths"].items():
    check(path.startswith("/"), "path %s starts with /" % path)
    params_in_path = set(re.findall(r"{([^}]+)}", path))
    for method, op in item.items():
        check(method in METHODS, "%s: %s is an HTTP method" % (path, method))
        op_ids.append(op.get("operationId"))
        check(op.get("responses"), "%s %s has responses" % (method, path))
        declared = {p["name"] for p in op.get("parameters", []) if p.get("in") == "path"}
        check(declared == params_in_path, "%s %s declares its path parameters" % (method, path))
        for p in op.get("parameters", []):
            check(p.get("in") in ("query", "path", "header", "cookie") and "schema" in p,
                  "%s %s: parameter %s has a place and a schema" % (method, path, p.get("name")))
            if p.get("in") == "path":
                check(p.get("required") is True, "%s %s: path parameter %s is required" % (method, path, p["name"]))
        for code, resp in op["responses"].items():
            check(re.fullmatch(r"[1-5]\d\d", code) and "description" in resp,
                  "%s %s: response %s has a code and a description" % (method, path, code))
            for ct, media in resp.get("content", {}).items():
                if "schema" in media:
                    try:
                        jsonschema.Draft202012Validator.check_schema(media["schema"])
                    except jsonschema.SchemaError as e:
                        check(False, "%s %s %s %s: a valid schema: %s" % (method, path, code, ct, e.message))
check(len(op_ids) == len(set(op_ids)) and None not in op_ids, "operationIds are present and unique")


def operation(method, path):
    """The operation of the description a request goes to, or None."""
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"{[^}]+}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            return template, item.get(method.lower())
    return None, None


def conforms(method, url, body=None, headers=None):
    """Makes the request and checks the answer against the description."""
    path = url.split("?")[0]
    status, hdrs, data = srv.request(method, url, body, headers)
    template, op = operation(method, path)
    what = "%s %s -> %d" % (method, url[:60], status)
    if op is None:
        check(status in (404, 405), "%s: not in the description, so 404 or 405" % what)
        return status
    resp = op["responses"].get(str(status))
    check(resp is not None, "%s: status documented for %s %s" % (what, method, template))
    if not resp:
        return status
    ct = hdrs.get("content-type", "").split(";")[0].strip()
    content = resp.get("content")
    if status == 304 or method == "HEAD":
        return status
    if content is None:
        return status
    check(ct in content, "%s: content type %s documented (%s)" % (what, ct, ", ".join(content)))
    schema = content.get(ct, {}).get("schema")
    if schema and ct.endswith("json"):
        try:
            doc = json.loads(data)
            jsonschema.Draft202012Validator(schema, resolver=resolver).validate(doc)
        except (ValueError, jsonschema.ValidationError) as e:
            check(False, "%s: body follows the schema: %s" % (what, getattr(e, "message", e)))
    return status


tmp = tempfile.mkdtemp(prefix="aicert-openapi-")
env = dict(os.environ, AICERT_DATA=os.path.join(tmp, "occupations.db"))
import subprocess  # noqa: E402
subprocess.run([AICERT, "data", "import", "--from", os.path.join(TESTS, "fixtures", "occdata", "good"), "--sample"],
               env=env, check=True, capture_output=True)
srv = Server(AICERT, "--threads", "2", "--store", os.path.join(tmp, "kept.db"), env=env)
try:
    st, h, served = srv.json("GET", "/openapi.json")
    check(served == spec, "/openapi.json is data/openapi.json")
    good = read(os.path.join(EXAMPLES, "product-lead.json"))
    bad = b'{"schema": "aicert/profile/v2", "role": {"tasks": [{"name": "x", "share": 0}]}}'
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".json"):
            check(conforms("POST", "/api/v1/assess?as_of=2026-12-01", read(os.path.join(EXAMPLES, name))) == 200,
                  "assess " + name)
    for url in ("/api/v1/assess?format=text", "/api/v1/assess?format=markdown", "/api/v1/assess?format=html",
                "/api/v1/compare",
                "/api/v1/compare?top=3&format=text", "/api/v1/compare?domain=ai_governance&include_retired=true"):
        check(conforms("POST", url, good) == 200, "POST " + url)
    for url, body, want in (("/api/v1/assess", bad, 422), ("/api/v1/assess", b"{", 400),
                            ("/api/v1/assess?as_of=yesterday", good, 400), ("/api/v1/compare?top=x", good, 400),
                            ("/api/v1/assess", b'{"schema": "aicert/profile/v2", "certification": {"id": "nope"}}', 422)):
        check(conforms("POST", url, body) == want, "POST %s: %d" % (url, want))
    check(conforms("POST", "/api/v1/assess", good, {"Content-Type": "text/plain"}) == 415, "415")
    st, h, _ = srv.request("POST", "/api/v1/assess?save=true", good)
    kept = h.get("location", "/api/v1/assessments/none")
    check(conforms("POST", "/api/v1/assess?save=true&format=text", good) == 201, "POST assess?save=true: 201")
    check(conforms("GET", kept) == 200, "GET a kept assessment: 200")
    check(conforms("DELETE", kept) == 204, "DELETE a kept assessment: 204")
    check(conforms("GET", kept) == 404, "GET a deleted assessment: 404")
    for url, want in (("/api/v1/certs", 200), ("/api/v1/certs?level=professional&status=active", 200),
                      ("/api/v1/certs?q=governance", 200), ("/api/v1/certs/iapp-aigp", 200),
                      ("/api/v1/certs/nope", 404), ("/api/v1/certs?status=lost", 400),
                      ("/api/v1/occupations?q=nurse", 200), ("/api/v1/occupations?limit=5", 400),
                      ("/api/v1/occupations/29-1141", 200), ("/api/v1/questionnaire", 200),
                      ("/api/v1/policy", 200), ("/healthz", 200), ("/openapi.json", 200), ("/", 200),
                      ("/assets/none.css", 404), ("/api/v1/nothing", 404), ("/healthz?x=1", 400)):
        check(conforms("GET", url) == want, "GET %s: %d" % (url, want))
    for method, url in (("POST", "/healthz"), ("GET", "/api/v1/assess"), ("DELETE", "/api/v1/policy")):
        check(conforms(method, url, b"{}" if method != "GET" else None) == 405, "%s %s: 405" % (method, url))
    check(conforms("GET", "/healthz", headers={"Host": "elsewhere.example"}) == 421, "421")
    # Every operation of the description is answered (not 404) where it says.
    for template, item in spec["paths"].items():
        url = template.replace("/assessments/{id}", "/assessments/" + "0" * 32).replace("{id}", "iapp-aigp").replace("{code}", "29-1141").replace("{file}", "x")
        for method in item:
            st = srv.request(method.upper(), url, good if method == "post" else None)[0]
            check(st != 405, "%s %s is answered" % (method.upper(), template))
finally:
    srv.close()
finish()
