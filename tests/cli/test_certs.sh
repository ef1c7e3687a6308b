#!/bin/sh
# test_certs.sh — `aicert certs list|show|search` and `aicert compare` seen from
# the shell: exit codes, JSON that parses, filters that hold, refusals of bad
# catalogue files, and compare rankings that follow the rule they print.
# usage: test_certs.sh PATH/TO/aicert PATH/TO/tests
set -u
AICERT=${1:?usage: test_certs.sh AICERT TESTS_DIR}
TESTS=${2:?usage: test_certs.sh AICERT TESTS_DIR}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/aicert-certs.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM

. "$TESTS/cli/lib.sh"

# ---------------------------------------------------------------- certs list
run 0 certs list && {
	contains "$TMP/out" "aws-mla-c01" "certs list"
	contains "$TMP/out" "STATUS" "certs list header"
	rows=$(grep -c '^[a-z0-9]' "$TMP/out")
	[ "$rows" -ge 40 ] || fail "certs list shows $rows rows, expected at least 40"
}
run 0 certs list --format json && {
	python3 -m json.tool "$TMP/out" >/dev/null || fail "certs list --format json is not JSON"
	pycheck "catalogue JSON has >= 40 entries and the schema" '
assert d["schema"] == "aicert/catalogue/v1"
assert len(d["certifications"]) >= 40
ids = [c["id"] for c in d["certifications"]]
assert len(ids) == len(set(ids)), "ids repeat"
assert ids == sorted(ids), "not sorted by id"
for c in d["certifications"]:
    assert c["sources"], c["id"]
    assert len(c["checked"]) == 10, c["id"]'
	# The listing is itself a catalogue file.
	cp "$TMP/out" "$TMP/self.json"
	run 0 certs list --catalogue "$TMP/self.json" --format json &&
		cmp -s "$TMP/out" "$TMP/self.json" || fail "certs list JSON does not round-trip through --catalogue"
}
run 0 certs list --domain ai_governance --format json &&
	pycheck "--domain keeps only that domain" '
assert d["certifications"]
assert all(c["domain"] == "ai_governance" for c in d["certifications"])'
run 0 certs list --level professional --provider nvidia --format json &&
	pycheck "--level and --provider combine" '
assert len(d["certifications"]) == 2
assert all(c["level"] == "professional" and "nvidia" in c["provider"].lower() for c in d["certifications"])'
run 0 certs list --max-cost 100 --format json &&
	pycheck "--max-cost keeps only known prices at or below it" '
assert d["certifications"]
assert all(c["cost_usd"] is not None and c["cost_usd"] <= 100 for c in d["certifications"])'
run 0 certs list --max-cost 100 && contains "$TMP/out" "unknown cost left out" "--max-cost text says what it left out"
run 0 certs list --status retired --format json &&
	pycheck "--status retired lists the four retired entries" '
ids = sorted(c["id"] for c in d["certifications"])
assert ids == ["aws-mls-c01", "ms-ai-102", "ms-ai-900", "ms-dp-100"], ids
assert all(c["status_date"] for c in d["certifications"])'
run 2 certs list --domain prompting && contains "$TMP/err" "ai_literacy" "bad --domain lists the allowed values"
run 2 certs list --level expert && contains "$TMP/err" "foundational" "bad --level lists the allowed values"
run 2 certs list --status gone && contains "$TMP/err" "retired" "bad --status lists the allowed values"
run 2 certs list --max-cost cheap
run 2 certs list --max-cost -5
run 2 certs list --format xml
run 2 certs list extra-argument

# ---------------------------------------------------------------- certs show
run 0 certs show aws-mla-c01 && {
	contains "$TMP/out" "MLA-C01" "certs show"
	contains "$TMP/out" "checked" "certs show prints the checked date"
	contains "$TMP/out" "https://" "certs show lists sources"
	contains "$TMP/out" "36 months" "certs show prints validity"
}
run 0 certs show pmi-cpmai && {
	contains "$TMP/out" "21 hours (uncertain)" "a figure only other pages give is uncertain"
	contains "$TMP/out" "cost (USD)      unknown" "an unknown price is said so"
}
run 0 certs show iapp-aigp && {
	contains "$TMP/out" "https://iapp.org/certify/aigp/" "the issuer's page is kept apart"
	contains "$TMP/out" "the issuer; supports format" "each source says its standing and what it supports"
	contains "$TMP/out" "another page; supports price, retake price, preparation" "third-party support is named"
}
run 0 certs show ms-ai-102 && contains "$TMP/out" "successor       ms-ai-103" "a retired certificate names its successor"
run 0 certs show MS-AI-102 && contains "$TMP/out" "ms-ai-102" "ids are found in any case"
run 0 certs list --format json && pycheck "no jargon, no low-standing sources, successors exist" '
import re
ids = {c["id"] for c in d["certifications"]}
low = ("grokipedia", "cciedump", "gist.github", "scribd", "dhirubhai", "pass-it.ai", "examcert.app", ".pages.dev")
for c in d["certifications"]:
    for k in ("cost_note", "hours_note", "renewal", "prerequisites", "name"):
        assert c[k] is None or ("n/f" not in c[k] and "(?)" not in c[k]), (c["id"], k)
    assert c["url"] and c["url"].startswith("https://"), c["id"]
    for s in c["sources"]:
        assert s["kind"] in ("issuer", "provider", "other"), c["id"]
        assert not any(b in s["url"] for b in low), (c["id"], s["url"])
    if c["successor"]:
        assert c["successor"] in ids and c["status"] != "active", c["id"]
    for k in ("cost_usd", "retake_usd", "hours"):
        if c[k] is not None and not any(k in s["supports"] and s["kind"] == "issuer" for s in c["sources"]):
            assert k in c["uncertain"], (c["id"], k)
assert any(c["successor"] for c in d["certifications"])'
run 0 certs search "EU AI Act" --format json && pycheck "a regulation finds the governance credentials" '
ids = [c["id"] for c in d["certifications"]]
assert "iapp-aigp" in ids and "pecb-iso42001-lead-implementer" in ids, ids
assert "aws-mla-c01" not in ids, ids'
run 0 certs search "ISO/IEC 42001" --format json && pycheck "a standard finds its credentials" '
ids = [c["id"] for c in d["certifications"]]
assert "pecb-iso42001-lead-auditor" in ids, ids'
run 0 certs search genai --format json && pycheck "synonyms find the same credentials" '
ids = [c["id"] for c in d["certifications"]]
assert "aws-aip-c01" in ids and "dlai-genai-with-llms" in ids, ids'
run 0 certs list --domain data && contains "$TMP/out" "holds no data credential" "an empty domain says why"
run 0 certs show google-ai-essentials && contains "$TMP/out" "does not expire" "never-expiring validity"
run 0 certs show iapp-aigp --format json &&
	pycheck "certs show --format json is the entry" '
assert d["id"] == "iapp-aigp" and d["cost_usd"] == 799 and d["retake_usd"] == 625
assert d["exam_code"] == "AIGP" and d["validity_months"] == 24'
run 2 certs show no-such-cert && {
	contains "$TMP/err" "no certificate with id 'no-such-cert'" "unknown id"
	contains "$TMP/err" "aicert certs search" "unknown id suggests search"
	[ -s "$TMP/out" ] && fail "unknown id wrote to stdout"
}
run 2 certs show

# ---------------------------------------------------------------- certs search
run 0 certs search deploying monitoring --format json &&
	pycheck "search finds the MLOps certificates" '
ids = [c["id"] for c in d["certifications"]]
assert "aws-mla-c01" in ids and "iapp-aigp" not in ids, ids'
run 0 certs search EU AI ACT && contains "$TMP/out" "iapp-aigp" "search is case-insensitive"
run 0 certs search zzzz-nothing && contains "$TMP/out" "No certificate matches" "empty search says so"
run 0 certs search governance --domain ai_governance --max-cost 700 --format json &&
	pycheck "search takes the list filters" '
assert all(c["domain"] == "ai_governance" and c["cost_usd"] <= 700 for c in d["certifications"])'
run 2 certs search

# ---------------------------------------------------------------- --catalogue
HR="$TESTS/cli/hr-catalogue.json"
run 0 certs list --catalogue "$HR" && contains "$TMP/out" "acme-ai-academy" "--catalogue adds entries"
run 0 certs show aws-mla-c01 --catalogue "$HR" && contains "$TMP/out" "company-paid" "--catalogue overrides entries"
run 2 certs list --catalogue "$TMP/does-not-exist.json"
for bad in "$TESTS"/bad/catalogue/*.json; do
	run 2 certs list --catalogue "$bad" && {
		[ -s "$TMP/out" ] && fail "$bad: refused but wrote to stdout"
		[ -s "$TMP/err" ] || fail "$bad: refused without a message"
	}
done
run 2 certs list --catalogue "$TESTS/bad/catalogue/unknown-key.json" &&
	contains "$TMP/err" "certifications[0].price" "refusal names the JSON path"

# ---------------------------------------------------------------- compare
# The ranking check: consecutive rows never go against the printed keys.
RANK_CHECK='
V = {"pursue": 0, "signal_only": 1, "not_yet": 2, "avoid": 3, None: 4}
T = {True: 0, None: 1, False: 2}
def val(r, k):
    if k == "verdict": return (V[r["verdict"]],)
    if k == "available": return (T[r[k]],)
    if k == "feasible": return (0,) if d["budget_and_time_set_aside"] else (r[k] is False,)
    if k == "fit": return (1, 0) if r["fit"] is None else (0, -r["fit"])
    if k in ("gap_fit", "role_fit"): return (T[r[k]],)
    if k == "id": return (r["id"],)
    x = r[k]
    return (1, 0) if x is None else (0, x)
def key(r): return tuple(val(r, k) for k in d["keys"])
rows = d["ranked"]
assert d["keys"][-1] == "id", d["keys"]
for a, b in zip(rows, rows[1:]):
    assert key(a) <= key(b), (a["id"], b["id"])
assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
assert d["rule"]
assert d["any_pursue"] == any(r["verdict"] == "pursue" for r in rows) or not rows
if not d["any_pursue"]:
    assert d["best_alternative"] is None or d["best_alternative"]["path"] != "certification"
for r in rows:
    assert r["why"] and r["reason"], r["id"]
    assert r["status"] != "retired", r["id"]'

cases=0
for profile in "$TESTS"/cases/*.json; do
	[ -f "$profile" ] || continue
	cases=$((cases + 1))
	run 0 compare "$profile" --top 1000 --format json && pycheck "compare $profile follows its rule" "$RANK_CHECK"
	run 0 compare "$profile" && {
		contains "$TMP/out" "How they are ranked" "compare $profile states the rule"
		# When nothing earns pursue, that is the first thing said after the header.
		if ! grep -q "earn 'pursue'\.$" "$TMP/out"; then
			contains "$TMP/out" "No certificate earns 'pursue'" "compare $profile"
		fi
	}
done
[ "$cases" -gt 0 ] || fail "no example profiles in $TESTS/cases"

DATA="$TESTS/cases/data-engineer-gap.json"
if [ -f "$DATA" ]; then
	run 0 compare "$DATA" --top 1000 --format json && pycheck "the MLOps gap ranks MLOps certificates above governance" '
rows = {r["id"]: r for r in d["ranked"]}
mla, aigp = rows["aws-mla-c01"], rows["iapp-aigp"]
assert mla["gap_fit"] is True and mla["gap_score"] > aigp["gap_score"], mla
assert aigp["gap_fit"] is not True, aigp
assert mla["rank"] < aigp["rank"]
assert d["any_pursue"] and d["ranked"][0]["verdict"] == "pursue"'
	run 0 compare "$DATA" --top 3 --format json && pycheck "--top limits the rows" 'assert len(d["ranked"]) == 3'
	"$AICERT" certs list --format json >"$TMP/catalogue.json"
	run 0 compare "$DATA" --domain ai_governance --top 1000 --format json &&
		pycheck "--domain limits compare" "
dom = {c['id']: c['domain'] for c in json.load(open('$TMP/catalogue.json'))['certifications']}
assert d['ranked'] and all(dom[r['id']] == 'ai_governance' for r in d['ranked'])"
	run 0 compare "$DATA" --max-cost 200 --top 1000 --format json &&
		pycheck "--max-cost limits compare" 'assert all(r["cost_usd"] is not None and r["cost_usd"] <= 200 for r in d["ranked"])'
	run 0 compare "$DATA" --include-retired --top 1000 --format json &&
		pycheck "--include-retired ranks retired ones too" 'assert "aws-mls-c01" in [r["id"] for r in d["ranked"]]'
	run 0 compare "$DATA" --catalogue "$HR" --top 1000 --format json &&
		pycheck "compare uses --catalogue" 'assert "acme-ai-academy" in [r["id"] for r in d["ranked"]]'
	run 2 compare "$DATA" --domain prompting
	run 2 compare "$DATA" --top 0
	run 2 compare "$DATA" --top 2.5
	run 2 compare "$DATA" --catalogue "$TESTS/bad/catalogue/bad-enum.json"
fi
REP="$TESTS/cases/reporting-analyst.json"
if [ -f "$REP" ]; then
	run 0 compare "$REP" --format json && pycheck "no pursue: says so and shows the best alternative" '
assert d["any_pursue"] is False
assert d["best_alternative"] and d["best_alternative"]["path"] != "certification"'
	run 0 compare "$REP" && contains "$TMP/out" "Best alternative path instead" "compare without pursue"
	run 0 compare "$REP" --format markdown && contains "$TMP/out" "# Certificates compared" "compare writes Markdown"
	run 0 compare "$REP" && {
		grep -q "_" "$TMP/out" && fail "compare text shows an id with an underscore (a rule id or enum name)"
		:
	}
fi
NURSE="$TESTS/cases/nurse-to-informatics.json"
if [ -f "$NURSE" ]; then
	run 0 compare "$NURSE" && contains "$TMP/out" "compare ignores it" "the profile's own certificate is ignored"
	run 0 compare "$NURSE" --format json && pycheck "ignored certificate is recorded" 'assert d["profile_certification_ignored"]'
fi
run 2 compare "$TMP/no-such-profile.json"
run 2 compare
printf '{"schema": "aicert/profile/v1", "role": 5}' >"$TMP/bad-profile.json"
run 2 compare "$TMP/bad-profile.json"

echo "test_certs.sh: $count commands, $failures failures"
[ "$failures" -eq 0 ]
