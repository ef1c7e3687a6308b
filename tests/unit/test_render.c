/*
 * test_render.c — the renderers on a hand-built assessment: the JSON contract
 * of ASSESSMENT.md (keys, order, nulls, rounding, determinism), and the text
 * and Markdown reports (verdict first, sections in the model's order).
 */
#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "aicert.h"
#include "core/utf8.h"
#include "occdata/occupation.h"
#include "render/render.h"

/* Everything the fixture points to lives in static storage, so a test frees
 * only the struct itself and does not depend on the engine's free. */
static char *fixture_flags[] = {"phase_2_act_now", "reporting_heavy"};
static char *fixture_flag_notes[] = {"AI is now expected where you work.", "Most of your time goes to reports."};
static char *fixture_why[] = {"Organisation signals put you in phase 2: AI is expected."};
static char *fixture_warnings[] = {"task shares add to 95; normalised to 100"};
static char *fixture_gap[] = {"machine learning"};
static ac_cert_source fixture_sources[] = {{"https://example.org/cert", AC_SRC_ISSUER, NULL, 0}};

static int fixture(void **state)
{
	static ac_figure tested[] = {{"tested", AC_FIGURE_YESNO, AC_TRUE, {0, 0}}};
	static ac_figure structural[] = {{"repeatable_share", AC_FIGURE_NUMBER, AC_UNKNOWN, {1, 0.8}},
					 {"replaceability", AC_FIGURE_NUMBER, AC_UNKNOWN, {1, 3}}};
	static ac_rule_fired rules[] = {
		{"test_ai_first", NULL, 0, 0, "You have tested AI in your role.", tested, 1},
		{"structural_exposure", "The role's design", AC_VERDICT_AVOID, 1,
		 "80% of your time is repeatable work and 3 of 4 replaceability conditions hold", structural, 2},
	};
	static ac_task_result tasks[] = {
		{"Monthly variance report", 25, 1.0 / 3.0, AC_CAT_STANDARDIZED_REPORTING, 0.8, 0.8 / 3.0, 1, 1, 1, 0, 0},
		{"Budget reviews with the owners of every cost centre in the region, one by one", 30, 0.4,
		 AC_CAT_JUDGMENT_DECISIONS, 0.25, 0.1, 0, 0, 0, 1, 1},
		{"Status updates", 20, 0.2666667, AC_CAT_COORDINATION, 0.6, 0.16, 1, 0, 0, 0, 0},
	};
	static ac_outcome outcomes[] = {
		{"\"scope\"", "your scope expands", AC_VERDICT_PURSUE, "amplifies_trajectory", "A trajectory to amplify"},
		{"\"headcount_cut\"", "headcount is reduced", AC_VERDICT_AVOID, "structural_exposure", "The role's design"},
	};
	static ac_unanswered open[] = {
		{"role.leverage_test", "What would your organisation do with 40% more output?", outcomes, 2},
	};
	static ac_change actions[] = {
		{"role.owns_measurable_outcomes", "false", "no", "Take ownership of an outcome that is measured",
		 {"true", "yes", AC_VERDICT_PURSUE, "amplifies_trajectory", NULL}},
	};
	static ac_missing missing[] = {
		{"role.leverage_test", "What would your organisation do with 40% more output?", AC_TRUE},
		{"industry.shifting_to_ai", "Is your industry moving to AI-based work?", AC_FALSE},
	};
	ac_assessment *a = calloc(1, sizeof *a);
	if (!a)
		return -1;
	a->policy_name = "default";
	a->policy_version = "2";
	memcpy(a->as_of, "2026-11-29", 11);
	a->label = "Dana, FP&A *analyst*";
	a->verdict = AC_VERDICT_AVOID;
	a->reason = "structural_exposure";
	a->headline = "Most of your work is repeatable; a certificate would not change how "
		      "the role is designed, so put the effort into owning outcomes instead.";
	a->rules = rules;
	a->n_rules = 2;
	a->flags = fixture_flags;
	a->flag_notes = fixture_flag_notes;
	a->n_flags = 2;
	a->exposure.score = 0.71428571;
	a->exposure.klass = AC_CLASS_EXPOSED;
	a->exposure.structural = 1;
	a->exposure.repeatable_share = 0.6;
	a->exposure.standardized_share = 0.3333333;
	a->exposure.benchmarkable_share = 0.3333333;
	a->exposure.separable_share = 0.6;
	a->exposure.reporting_share = 0.3333333;
	a->exposure.coordination_share = 0.2666667;
	a->exposure.tasks = tasks;
	a->exposure.n_tasks = 3;
	a->exposure.has_tasks = 1;
	a->exposure.occupation_note = "no occupation data is installed";
	a->replaceability.count = 3;
	a->replaceability.high = 1;
	a->replaceability.standardized_output = 1;
	a->replaceability.repeatable_tasks = 1;
	a->replaceability.separable_from_authority = 1;
	a->leverage.ownership_expands = AC_UNKNOWN;
	a->leverage.orientation = AC_ORIENT_COMPRESSIBLE;
	a->organization.signal_strength = 1;
	a->organization.credential_sensitive = AC_FALSE;
	a->organization.leader_reading = AC_LR_EFFICIENT_OPERATOR;
	a->timing.phase = 2;
	a->timing.appropriate = AC_TRUE;
	a->timing.why = fixture_why;
	a->timing.n_why = 1;
	a->motives.valid = 1u << AC_MOT_CAPABILITY_GAP;
	a->motives.invalid = 1u << AC_MOT_REDUCE_ANXIETY;
	a->motives.positioning = "defensive";
	a->exposure_understood = (ac_condition){AC_TRUE, "a task mix was given"};
	a->leverage_possible = (ac_condition){AC_FALSE, "no leverage condition holds"};
	a->timing_appropriate = (ac_condition){AC_UNKNOWN, "it depends on an unanswered question"};
	a->trajectory_defined = (ac_condition){AC_TRUE, "target role: Analytics engineer"};
	static const char *const qids[5] = {"capability_gap", "maps_to_wanted_role",
		"authority_or_knowledge", "org_rewards_certification", "defensive_or_offensive"};
	for (int i = 0; i < 5; i++)
		a->questions[i] = (ac_question){qids[i], i == 3 ? NULL : "an answer",
						i == 3 ? AC_UNKNOWN : i % 2 ? AC_FALSE : AC_TRUE};
	a->certification.present = 1;
	a->certification.cert.id = "aws-mla-c01";
	a->certification.cert.name = "AWS Certified Machine Learning Engineer";
	a->certification.cert.provider = "AWS";
	a->certification.cert.domain = AC_DOM_ML_ENGINEERING;
	a->certification.cert.level = AC_LVL_ASSOCIATE;
	a->certification.cert.status = AC_STATUS_ACTIVE;
	a->certification.cert.hours = (ac_num){1, 120};
	a->certification.cert.validity_months = (ac_num){1, 36};
	a->certification.cert.retake_usd = (ac_num){1, 150.0};
	a->certification.cert.sources = fixture_sources;
	a->certification.cert.n_sources = 1;
	a->certification.cert.checked = "2025-01-15";
	a->certification.from_catalogue = 1;
	a->certification.gap_fit = AC_TRUE;
	a->certification.gap_matched = fixture_gap;
	a->certification.n_gap_matched = 1;
	a->certification.role_fit = AC_UNKNOWN;
	a->certification.recognized = AC_FALSE;
	a->certification.weeks = (ac_num){1, 30};
	a->certification.time_value_usd = (ac_num){1, 5400.004};
	a->certification.within_budget = AC_UNKNOWN;
	a->certification.warnings = fixture_warnings;
	a->certification.n_warnings = 1;
	static const int order[AC_PATH__COUNT] = {AC_PATH_ROLE_REDESIGN, AC_PATH_APPLIED_PROJECT,
		AC_PATH_ORG_LEVERAGE, AC_PATH_REPOSITION, AC_PATH_CERTIFICATION};
	for (int i = 0; i < AC_PATH__COUNT; i++)
		a->alternatives[i] = (ac_alternative){order[i], 82 - 10 * i, "a reason", "a first step"};
	a->what_changes.searched = 1;
	a->what_changes.unanswered = open;
	a->what_changes.n_unanswered = 1;
	a->what_changes.actions = actions;
	a->what_changes.n_actions = 1;
	a->warnings = fixture_warnings;
	a->n_warnings = 1;
	a->missing = missing;
	a->n_missing = 2;
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static char *render(const ac_assessment *a, ac_format f)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(ac_render(a, f, &out, &len), AC_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

static json_t *render_json(const ac_assessment *a)
{
	char *out = render(a, AC_FORMAT_JSON);
	json_error_t err;
	json_t *doc = json_loads(out, 0, &err);
	if (!doc)
		fail_msg("output is not JSON: %s at line %d", err.text, err.line);
	ac_free(out);
	return doc;
}

/* The string `key` of the i-th object of an array. */
static const char *member(json_t *arr, size_t i, const char *key)
{
	return json_string_value(json_object_get(json_array_get(arr, i), key));
}

/* Where "key" first appears as a key at the top level (two-space indent). */
/* Where a top-level key starts in indented JSON text, or -1. */
/* Not inlined: GCC 12 at -O3 then misreads the pointer as dangling. */
__attribute__((noinline)) static long top_key(const char *text, const char *key)
{
	char pattern[64];
	snprintf(pattern, sizeof pattern, "\n  \"%s\":", key);
	const char *at = strstr(text, pattern);
	return at ? (long)(at - text) : -1;
}

static void json_has_contract_keys_in_order(void **state)
{
	static const char *const keys[] = {"schema", "policy", "as_of", "label", "verdict", "reason",
		"headline", "rules_fired", "flags", "exposure", "replaceability", "leverage",
		"organization", "timing", "motives", "conditions", "questions", "certification",
		"alternatives", "what_changes", "warnings", "missing", "missing_detail"};
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_JSON);
	long prev = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		long at = top_key(out, keys[i]);
		if (at < prev)
			fail_msg("key %s missing or out of order", keys[i]);
		prev = at;
	}
	json_t *doc = json_loads(out, 0, NULL);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "schema")), AC_ASSESSMENT_SCHEMA);
	assert_string_equal(json_string_value(json_object_get(doc, "verdict")), "avoid");
	assert_string_equal(json_string_value(json_object_get(doc, "as_of")), "2026-11-29");
	json_t *conds = json_object_get(doc, "conditions");
	assert_true(json_is_null(json_object_get(json_object_get(conds, "timing_appropriate"), "met")));
	assert_true(json_is_false(json_object_get(json_object_get(conds, "leverage_possible"), "met")));
	json_t *rules = json_object_get(doc, "rules_fired");
	json_t *rule = json_array_get(rules, 1);
	assert_true(json_is_true(json_object_get(rule, "decisive")));
	json_t *figures = json_object_get(rule, "figures");
	assert_int_equal(json_integer_value(json_object_get(figures, "replaceability")), 3);
	assert_true(json_is_null(json_object_get(json_array_get(rules, 0), "verdict")));
	json_decref(doc);
	ac_free(out);
}

static void json_lists_five_questions_in_order(void **state)
{
	static const char *const ids[] = {"capability_gap", "maps_to_wanted_role",
		"authority_or_knowledge", "org_rewards_certification", "defensive_or_offensive"};
	ac_assessment *a = *state;
	json_t *doc = render_json(a);
	json_t *qs = json_object_get(doc, "questions");
	assert_int_equal(json_array_size(qs), 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(member(qs, i, "id"), ids[i]);
	assert_true(json_is_null(json_object_get(json_array_get(qs, 3), "answer")));
	assert_true(json_is_null(json_object_get(json_array_get(qs, 3), "ok")));
	assert_true(json_is_false(json_object_get(json_array_get(qs, 1), "ok")));
	json_decref(doc);
}

static void json_lists_five_alternatives_best_first(void **state)
{
	ac_assessment *a = *state;
	json_t *doc = render_json(a);
	json_t *alts = json_object_get(doc, "alternatives");
	assert_int_equal(json_array_size(alts), 5);
	assert_string_equal(member(alts, 0, "path"), "role_redesign");
	assert_string_equal(member(alts, 4, "path"), "certification");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(alts, 0), "score")), 82);
	json_decref(doc);
}

static void json_writes_null_for_unknowns(void **state)
{
	ac_assessment *a = *state;
	json_t *doc = render_json(a);
	json_t *lev = json_object_get(doc, "leverage");
	assert_true(json_is_null(json_object_get(lev, "test")));
	assert_true(json_is_null(json_object_get(lev, "ownership_expands")));
	assert_true(json_is_null(json_object_get(lev, "ladder_level")));
	assert_string_equal(json_string_value(json_object_get(lev, "orientation")), "compressible");
	json_t *exp = json_object_get(doc, "exposure");
	assert_true(json_is_null(json_object_get(exp, "occupation")));
	assert_string_equal(json_string_value(json_object_get(exp, "occupation_note")),
			    "no occupation data is installed");
	json_t *cert = json_object_get(doc, "certification");
	assert_true(json_is_null(json_object_get(cert, "cost_usd")));
	assert_true(json_is_null(json_object_get(cert, "role_fit")));
	assert_true(json_is_null(json_object_get(cert, "within_budget")));
	assert_true(json_is_false(json_object_get(cert, "recognized")));
	json_t *unknown = json_object_get(cert, "unknown");
	assert_string_equal(json_string_value(json_array_get(unknown, 0)), "cost_usd");
	assert_string_equal(json_string_value(json_array_get(unknown, 1)), "total_cost_usd");
	assert_string_equal(json_string_value(json_array_get(unknown, 2)), "cost_per_year_usd");
	assert_int_equal(json_array_size(unknown), 3);
	json_t *detail = json_array_get(json_object_get(doc, "missing_detail"), 1);
	assert_true(json_is_false(json_object_get(detail, "could_change")));
	assert_string_equal(json_string_value(json_object_get(detail, "question")), "Is your industry moving to AI-based work?");
	json_decref(doc);
}

static void json_rounds_numbers_and_embeds_json_texts(void **state)
{
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_JSON);
	assert_non_null(strstr(out, "\"score\": 0.7143,"));
	assert_non_null(strstr(out, "\"share\": 0.3333,"));
	assert_non_null(strstr(out, "\"hours\": 120,"));
	assert_non_null(strstr(out, "\"time_value_usd\": 5400,"));
	assert_non_null(strstr(out, "\"retake_usd\": 150,"));
	assert_non_null(strstr(out, "\"from\": false,"));
	assert_non_null(strstr(out, "\"to\": true,"));
	assert_non_null(strstr(out, "\"answer\": \"headcount_cut\","));
	assert_non_null(strstr(out, "\"phase\": 2,"));
	assert_int_equal(out[strlen(out) - 1], '\n');
	ac_free(out);
}

static void json_is_byte_identical_across_runs(void **state)
{
	ac_assessment *a = *state;
	char *one = render(a, AC_FORMAT_JSON);
	char *two = render(a, AC_FORMAT_JSON);
	assert_string_equal(one, two);
	ac_free(one);
	ac_free(two);
}

static void json_describes_the_occupation_when_data_was_used(void **state)
{
	ac_occupation occ = {0};
	occ.code = "13-2051.00";
	occ.title = "Financial and Investment Analysts";
	occ.beta = (ac_num){1, 0.456789};
	occ.applicability = (ac_num){1, 0.31};
	ac_assessment *a = *state;
	a->exposure.occupation = &occ;
	a->exposure.person_percentile = (ac_num){1, 70.126};
	a->exposure.range_low = (ac_num){1, 0.45};
	json_t *doc = render_json(a);
	json_t *exp = json_object_get(doc, "exposure");
	json_t *o = json_object_get(exp, "occupation");
	assert_true(json_is_object(o));
	assert_null(json_object_get(exp, "occupation_note"));
	assert_string_equal(json_string_value(json_object_get(o, "code")), "13-2051.00");
	assert_true(json_real_value(json_object_get(o, "beta")) == 0.4568);
	assert_true(json_real_value(json_object_get(o, "person_percentile")) == 70.13);
	json_t *range = json_object_get(o, "range");
	assert_true(json_is_null(json_object_get(range, "high")));
	json_t *src = json_object_get(o, "sources");
	assert_int_equal(json_array_size(src), 3);
	assert_string_equal(json_string_value(json_array_get(src, 0)), "O*NET 29.3");
	json_decref(doc);

	char *text = render(a, AC_FORMAT_TEXT);
	assert_non_null(strstr(text, "Occupation data: O*NET 29.3 (CC BY 4.0), GPTs are GPTs (MIT),"));
	ac_free(text);
}

static void json_refuses_a_broken_answer_value(void **state)
{
	ac_assessment *a = *state;
	ac_change broken = {"x", "{not json", "x", "do x", {"true", "yes", AC_VERDICT_PURSUE, "r", NULL}};
	a->what_changes.actions = &broken;
	a->what_changes.n_actions = 1;
	char *out = (char *)"untouched";
	assert_int_equal(ac_render(a, AC_FORMAT_JSON, &out, NULL), AC_EINTERNAL);
	assert_null(out);
}

static void render_refuses_bad_arguments(void **state)
{
	ac_assessment *a = *state;
	char *out = NULL;
	assert_int_equal(ac_render(NULL, AC_FORMAT_JSON, &out, NULL), AC_EINPUT);
	assert_int_equal(ac_render(a, (ac_format)99, &out, NULL), AC_EINPUT);
	assert_int_equal(ac_render(a, AC_FORMAT_TEXT, NULL, NULL), AC_EINPUT);
	assert_null(out);
}

static void text_opens_with_the_verdict(void **state)
{
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_TEXT);
	assert_true(strncmp(out, "AI certification assessment: Dana, FP&A *analyst*\n====", 54) == 0);
	const char *verdict = strstr(out, "\nVerdict: AVOID — Most of your work is repeatable;");
	assert_non_null(verdict);
	assert_true(verdict < strstr(out, "1. Exposure"));
	assert_null(strstr(out, "structural_exposure")); /* ids stay in the JSON */
	ac_free(out);
}

static void text_reads_in_the_models_order(void **state)
{
	static const char *const sections[] = {"1. Exposure", "2. Replaceability", "3. Leverage",
		"4. Organisation", "5. Industry and timing", "6. Motives", "7. The certificate",
		"Why this verdict", "Flags", "The four conditions", "Five questions before enrolling",
		"What to do instead — ranked", "What would change the verdict", "Unanswered",
		"Warnings", "Policy: default, version 2; assessed as of 2026-11-29"};
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_TEXT);
	const char *prev = out;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		const char *at = strstr(prev, sections[i]);
		if (!at)
			fail_msg("section %s missing or out of order", sections[i]);
		prev = at;
	}
	assert_non_null(strstr(out, "standardised reporting"));
	assert_non_null(strstr(out, "  1. Role redesign, 82/100 — a reason\n"
				    "     First step: a first step\n"));
	assert_non_null(strstr(out, "  ✓ Exposure understood — a task mix was given\n"));
	assert_non_null(strstr(out, "  ? Timing appropriate — it depends on an unanswered question\n"));
	assert_non_null(strstr(out, "  - The role's design — decides AVOID: 80% of your time"));
	assert_non_null(strstr(out, "  - What would your organisation do with 40% more output?\n"
				    "    your scope expands: PURSUE\n"
				    "    headcount is reduced: AVOID, as now\n"));
	assert_non_null(strstr(out, "  - Take ownership of an outcome that is measured: the verdict would be\n    PURSUE.\n"));
	assert_non_null(strstr(out, "Answering these would not change the verdict:\n\n"
				    "  - Is your industry moving to AI-based work?\n"));
	assert_non_null(strstr(out, "Money:                unknown\n"));
	assert_non_null(strstr(out, "Weeks to finish:      30 weeks\n"));
	assert_non_null(strstr(out, "Time value:           $5,400\n"));
	assert_null(strstr(out, "role.leverage_test"));
	assert_null(strstr(out, "Occupation data: O*NET"));
	ac_free(out);
}

static void text_wraps_at_78_columns(void **state)
{
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_TEXT);
	for (const char *line = out; *line;) {
		const char *end = strchr(line, '\n');
		assert_non_null(end);
		size_t w = ac_render_width(line, (size_t)(end - line));
		if (w > 78)
			fail_msg("line of %zu columns: %.*s", w, (int)(end - line), line);
		assert_true(end == line || end[-1] != ' ');
		line = end + 1;
	}
	ac_free(out);
}

/* A caller built against an older header whose options hold struct_size
 * alone: init writes nothing past it, and rendering with it reads nothing
 * past it (the defaults stand in for the rest). */
static void options_of_an_older_caller_are_neither_overrun_nor_overread(void **state)
{
	ac_assessment *a = *state;
	struct {
		size_t struct_size; /* the older ac_render_options */
		unsigned char guard[64];
	} old;
	memset(old.guard, 0xA5, sizeof old.guard);
	ac_render_options_init_size((ac_render_options *)(void *)&old, sizeof old.struct_size);
	assert_int_equal(old.struct_size, sizeof old.struct_size);
	for (size_t i = 0; i < sizeof old.guard; i++)
		assert_int_equal(old.guard[i], 0xA5);
	char *with_old = NULL, *plain = render(a, AC_FORMAT_TEXT);
	size_t len = 0;
	assert_int_equal(ac_render_opts(a, AC_FORMAT_TEXT, (const ac_render_options *)(void *)&old, &with_old, &len),
			 AC_OK);
	assert_string_equal(with_old, plain); /* 78 columns, no colour: the defaults */
	ac_free(with_old);
	ac_free(plain);
}

static void text_neutralises_control_characters(void **state)
{
	ac_assessment *a = *state;
	a->label = "Dana\x1b[2J\nanalyst";
	char *out = render(a, AC_FORMAT_TEXT);
	assert_null(strchr(out, '\x1b'));
	assert_non_null(strstr(out, "assessment: Dana\\x1b[2J analyst\n"));
	ac_free(out);
	out = render(a, AC_FORMAT_MARKDOWN);
	assert_null(strchr(out, '\x1b'));
	assert_non_null(strstr(out, "# AI certification assessment: Dana \\[2J analyst\n"));
	ac_free(out);
}

static void markdown_has_headings_tables_and_checks(void **state)
{
	ac_assessment *a = *state;
	char *out = render(a, AC_FORMAT_MARKDOWN);
	assert_true(strncmp(out, "# AI certification assessment: Dana, FP&A \\*analyst\\*\n", 54) == 0);
	assert_non_null(strstr(out, "\n**Verdict:** AVOID — "));
	assert_non_null(strstr(out, "\n## 1. Exposure\n"));
	assert_non_null(strstr(out, "\n## Five questions before enrolling\n"));
	assert_non_null(strstr(out, "\n| Task | Share | Category | Exposure | Contribution |\n"
				    "| --- | ---: | --- | ---: | ---: |\n"));
	assert_non_null(strstr(out, "\n- [x] **Exposure understood** — a task mix was given\n"));
	assert_non_null(strstr(out, "\n- [?] **Does your organisation reward people who hold it?** "
				    "— not answered\n"));
	assert_non_null(strstr(out, "\n1. **Role redesign, 82/100** — a reason\n"
				    "   - First step: a first step\n"));
	assert_null(strstr(out, "role.leverage_test"));
	assert_non_null(strstr(out, "**What would your organisation do with 40% more output?**"));
	ac_free(out);
}

static void reports_say_so_when_no_task_mix_was_given(void **state)
{
	ac_assessment *a = *state;
	a->exposure.n_tasks = 0;
	a->exposure.has_tasks = 0;
	a->certification.present = 0;
	char *out = render(a, AC_FORMAT_TEXT);
	assert_non_null(strstr(out, "No task mix was given"));
	assert_non_null(strstr(out, "No certificate was named"));
	ac_free(out);
	json_t *doc = render_json(a);
	assert_true(json_is_null(json_object_get(doc, "certification")));
	assert_int_equal(json_array_size(json_object_get(json_object_get(doc, "exposure"), "tasks")), 0);
	json_decref(doc);
}

/* ------------------------------------------------ line breaking, byte by byte */

/* The byte-at-a-time way of breaking and cleaning a line, which the quick
 * ways in format.c (sixteen or eight bytes at a time, and lines copied as
 * they are when plain) must match byte for byte. */
static int ref_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t ref_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static int ref_next_line(const char **p, size_t width, const char **line, size_t *n)
{
	const char *s = *p;
	while (ref_space(*s))
		s++;
	const char *start = s, *end = s;
	size_t cols = 0;
	while (*s) {
		const char *word = s;
		while (*s && !ref_space(*s))
			s++;
		size_t w = ref_width(word, (size_t)(s - word));
		if (end != start && cols + 1 + w > width) {
			s = word;
			break;
		}
		cols += (end != start ? 1 : 0) + w;
		end = s;
		while (ref_space(*s))
			s++;
	}
	*p = s;
	*line = start;
	*n = (size_t)(end - start);
	return end != start;
}

static void ref_put_clean(strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t k = ac_utf8_seq(s + i, n - i);
			if (k && !(c == 0xC2 && (unsigned char)s[i + 1] < 0xA0)) {
				sb_putn(sb, s + i, k);
				i += k - 1;
			} else {
				ac_utf8_escape(sb, s + i, k ? k : 1, 0);
				i += (k ? k : 1) - 1;
			}
		} else if (ref_space((char)c)) {
			sb_putn(sb, " ", 1);
			while (i + 1 < n && ref_space(s[i + 1]))
				i++;
		} else if (c < 0x20 || c == 0x7f) {
			ac_utf8_escape(sb, s + i, 1, 0);
		} else {
			sb_putn(sb, s + i, 1);
		}
	}
}

static void ref_wrapped(strbuf *sb, const char *text, size_t col, size_t indent, size_t width_total)
{
	const char *p = text, *line;
	size_t n, width = col < width_total - 24 ? width_total - col : 24;
	int first = 1;
	while (ref_next_line(&p, width, &line, &n)) {
		if (!first)
			for (size_t i = 0; i < indent; i++)
				sb_putn(sb, " ", 1);
		ref_put_clean(sb, line, n);
		sb_putn(sb, "\n", 1);
		first = 0;
		width = indent < width_total - 24 ? width_total - indent : 24;
	}
	if (first)
		sb_putn(sb, "\n", 1);
}

/* A text of `count` pieces, each drawn from the first `choices` of
 * pieces, as long as fits in cap bytes; returns its length.  r is the
 * state of the generator the tests share. */
static size_t random_text(char *text, size_t cap, const char *const *pieces, size_t choices, size_t count,
			  unsigned long long *r)
{
	size_t len = 0;
	for (size_t k = 0; k < count; k++) {
		*r = *r * 6364136223846793005ull + 1442695040888963407ull;
		const char *p = pieces[(size_t)(*r >> 33) % choices];
		size_t pl = strlen(p);
		if (len + pl >= cap)
			break;
		memcpy(text + len, p, pl);
		len += pl;
	}
	text[len] = '\0';
	return len;
}

static void lines_break_and_clean_as_byte_by_byte(void **state)
{
	(void)state;
	/* Pieces that meet every path: plain words of every length, single
	 * and double spaces, tabs and newlines, characters of two to four
	 * bytes, controls, DEL, a C1 control, bytes that are not UTF-8. */
	static const char *const pieces[] = {"a", "to", "word", "longer", "sixteen-letters!", "abcdefghijklmnopqrstuvwxyz0123456789",
		" ", " ", " ", " ", "  ", "\t", "\n", " \r\n ", "é", "—", "✓", "😀", "\x1b", "\x7f", "\xc2\x85", "\xff",
		"\xe2\x80", "\x80", "%", "\""};
	const size_t np = sizeof pieces / sizeof pieces[0];
	unsigned long long r = 3;
	char text[600];
	for (int round = 0; round < 20000; round++) {
		r = r * 6364136223846793005ull + 1442695040888963407ull;
		size_t count = (size_t)(r >> 58); /* up to 63 pieces */
		/* Mostly plain words and single spaces, as reports are. */
		int plain = (r >> 20) % 3 != 0;
		size_t len = random_text(text, sizeof text, pieces, plain ? 10 : np, count, &r);
		size_t width = 1 + (size_t)(r >> 40) % 100;
		/* The lines one by one. */
		const char *p = text, *q = text, *line, *want_line;
		size_t n, want_n;
		for (;;) {
			int got = ac_render_next_line(&p, text + len, width, &line, &n);
			int want = ref_next_line(&q, width, &want_line, &want_n);
			assert_int_equal(got, want);
			assert_ptr_equal(p, q);
			if (!got)
				break;
			assert_ptr_equal(line, want_line);
			assert_int_equal(n, want_n);
		}
		assert_int_equal(ac_render_width(text, len), ref_width(text, len));
		/* Wrapped and cleaned. */
		size_t total = 40 + (size_t)(r >> 48) % 60, col = (size_t)(r >> 8) % 30, indent = (size_t)(r >> 14) % 10;
		strbuf a, b;
		sb_init(&a);
		sb_init(&b);
		ac_render_wrapped(&a, text, col, indent, total);
		ref_wrapped(&b, text, col, indent, total);
		assert_non_null(a.buf);
		assert_non_null(b.buf);
		if (strcmp(a.buf, b.buf) != 0)
			fail_msg("width %zu, column %zu, indent %zu: \"%s\" wrapped as\n%s\nnot\n%s", total, col, indent,
				 text, a.buf, b.buf);
		sb_clear(&a);
		sb_clear(&b);
		ac_render_put_clean(&a, text, len);
		ref_put_clean(&b, text, len);
		assert_string_equal(a.buf ? a.buf : "", b.buf ? b.buf : "");
		sb_free(&a);
		sb_free(&b);
	}
}

/* ------------------------------------------------ Markdown and HTML, byte by byte */

static int ref_md_word(char c)
{
	return isalnum((unsigned char)c) || ((unsigned char)c & 0x80);
}

/* The byte-at-a-time escaping of Markdown text, which the run-copying
 * one in markdown.c must match. */
static void ref_md_text(strbuf *sb, const char *s, int at_start)
{
	size_t digits = strspn(s, "0123456789");
	if (at_start && *s && strchr("#-+", *s))
		sb_puts(sb, "\\");
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f) {
			if (i == 0 || !isspace((unsigned char)s[i - 1]))
				sb_putn(sb, " ", 1);
			continue;
		}
		int escape = strchr("\\`*[]<>|~", c) != NULL ||
			     (c == '_' && !(i > 0 && ref_md_word(s[i - 1]) && ref_md_word(s[i + 1])));
		if (at_start && digits && i == digits && (c == '.' || c == ')'))
			escape = 1;
		if (escape)
			sb_putn(sb, "\\", 1);
		sb_putn(sb, &s[i], 1);
	}
}

static void ref_html_text(strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			sb_puts(sb, "&amp;");
		else if (c == '<')
			sb_puts(sb, "&lt;");
		else if (c == '>')
			sb_puts(sb, "&gt;");
		else if (c == '"')
			sb_puts(sb, "&quot;");
		else if (c == '\'')
			sb_puts(sb, "&#39;");
		else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			sb_puts(sb, " ");
		else
			sb_putn(sb, s, 1);
	}
}

static void markdown_and_html_escape_as_byte_by_byte(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "word", " ", "_", "snake_case", "_x_", "1", "42", ".", ")", "#", "-",
		"+", "\\", "`", "*", "[", "]", "<", ">", "|", "~", "&", "\"", "'", "\t", "\n", "\r", "\x1b", "\x7f", "é",
		"—", "\xff"};
	const size_t np = sizeof pieces / sizeof pieces[0];
	unsigned long long r = 5;
	char text[300];
	for (int round = 0; round < 20000; round++) {
		r = r * 6364136223846793005ull + 1442695040888963407ull;
		random_text(text, sizeof text, pieces, np, (size_t)(r >> 59), &r);
		strbuf a, b;
		sb_init(&a);
		sb_init(&b);
		ac_render_md_text(&a, text);
		ref_md_text(&b, text, 0);
		assert_string_equal(a.buf ? a.buf : "", b.buf ? b.buf : "");
		sb_clear(&a);
		sb_clear(&b);
		ac_html_text(&a, text);
		ref_html_text(&b, text);
		assert_string_equal(a.buf ? a.buf : "", b.buf ? b.buf : "");
		sb_free(&a);
		sb_free(&b);
	}
}

/* A paragraph opens a block: a leading "#", "-", "+", "1." or "1)" is
 * escaped there, not inside it. */
static void markdown_escapes_what_would_open_a_list_or_heading(void **state)
{
	ac_assessment *a = *state;
	static const char *const notes[] = {"12) twelve_th *x* 3.", "# not a heading", "-1. minus", "7.5 points", "1", ""};
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		a->exposure.occupation_note = (char *)notes[i];
		char *out = render(a, AC_FORMAT_MARKDOWN);
		strbuf want;
		sb_init(&want);
		sb_puts(&want, "\n");
		ref_md_text(&want, notes[i], 1);
		sb_puts(&want, "\n");
		if (*notes[i] && !strstr(out, want.buf))
			fail_msg("\"%s\" not written as \"%s\"", notes[i], want.buf);
		sb_free(&want);
		ac_free(out);
	}
}

/* Reports round to 2 and 4 places; the rounding takes its power of ten
 * from a table of 0 to 11 places, and a count outside is the nearest
 * within, never a read past the table. */
static void rounding_uses_exact_powers_and_clamps_the_places(void **state)
{
	(void)state;
	assert_true(ac_render_round(2.345678, 2) == 2.35);
	assert_true(ac_render_round(0.123456, 4) == 0.1235);
	assert_true(ac_render_round(1234.5678, 0) == 1235);
	assert_true(ac_render_round(1234.5678, -3) == 1235); /* as 0 places */
	assert_true(ac_render_round(0.123456789012345, 11) == 0.12345678901);
	assert_true(ac_render_round(0.123456789012345, 40) == 0.12345678901); /* as 11 places */
	double zero = ac_render_round(-0.001, 2);
	assert_true(zero == 0 && !signbit(zero)); /* no "-0" */
	assert_true(ac_render_round(NAN, 2) == 0);
	assert_true(ac_render_round(INFINITY, 2) == 0);
}

/* Every test gets a fresh fixture. */
#define TEST(name) cmocka_unit_test_setup_teardown(name, fixture, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(json_has_contract_keys_in_order),
		TEST(json_lists_five_questions_in_order),
		TEST(json_lists_five_alternatives_best_first),
		TEST(json_writes_null_for_unknowns),
		TEST(json_rounds_numbers_and_embeds_json_texts),
		TEST(json_is_byte_identical_across_runs),
		TEST(json_describes_the_occupation_when_data_was_used),
		TEST(json_refuses_a_broken_answer_value),
		TEST(render_refuses_bad_arguments),
		TEST(text_opens_with_the_verdict),
		TEST(text_reads_in_the_models_order),
		TEST(text_wraps_at_78_columns),
		TEST(text_neutralises_control_characters),
		cmocka_unit_test(lines_break_and_clean_as_byte_by_byte),
		cmocka_unit_test(markdown_and_html_escape_as_byte_by_byte),
		cmocka_unit_test(rounding_uses_exact_powers_and_clamps_the_places),
		TEST(markdown_escapes_what_would_open_a_list_or_heading),
		TEST(options_of_an_older_caller_are_neither_overrun_nor_overread),
		TEST(markdown_has_headings_tables_and_checks),
		TEST(reports_say_so_when_no_task_mix_was_given),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
