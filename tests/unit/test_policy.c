/*
 * test_policy.c — the model as data: the default policy parses and is recorded
 * in every assessment, a custom policy's thresholds and rule order change the
 * verdict, the judgements beside the verdict (class, phase, motives,
 * positioning, conditions, questions, timing) are the policy's, every
 * sentence is the policy's or the wording's, and a broken policy or wording
 * is refused with the line of each problem.
 */
#include <ctype.h>

#include "engine_helpers.h"
#include "policy/wording.h"

static void the_default_policy_parses_and_names_itself(void **state)
{
	(void)state;
	assert_string_equal(ac_policy_name(h_pol), "default");
	assert_string_equal(ac_policy_version(h_pol), "2");
	/* Its printed text parses to the same policy. */
	const char *text = ac_policy_default_text();
	ac_policy *p = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_policy_parse(text, strlen(text), "shown", &p, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_string_equal(ac_policy_name(p), "default");
	ac_policy_free(p);
	ac_diags_free(&d);
}

static void the_assessment_records_the_policy_that_produced_it(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}"));
	assert_string_equal(a->policy_name, "default");
	assert_string_equal(a->policy_version, "2");
	ac_assessment_free(a);

	ac_policy *mine = h_policy_variant("name = default\nversion = 2", "name = coach-2025\nversion = 3b");
	a = h_assess_with(mine, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_string_equal(a->policy_name, "coach-2025");
	assert_string_equal(a->policy_version, "3b");
	char *json = h_render_json(a);
	assert_non_null(strstr(json, "\"coach-2025\""));
	ac_free(json);
	ac_assessment_free(a);
	ac_policy_free(mine);
}

static void a_custom_threshold_changes_the_verdict(void **state)
{
	(void)state;
	/* 70 % repeatable reporting, pay for extra output, three of four conditions. */
	const char *body = "'role': {'tasks': ["
			   "{'name': 'Reports', 'share': 70, 'category': 'standardized_reporting'},"
			   "{'name': 'Decisions', 'share': 30, 'category': 'judgment_decisions'}],"
			   " 'leverage_test': 'pay', 'decision_authority': 'holds'}, 'ai_use': {'tested_in_role': true}";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_string_equal(a->reason, "structural_exposure");
	ac_assessment_free(a);

	/* A coach who draws the exposed line at 80 % and wants all four conditions. */
	ac_policy *strict = h_policy_variant("exposed_repeatable_share = 0.60", "exposed_repeatable_share = 0.80");
	ac_policy *stricter = NULL;
	{
		/* Apply the second change on top of the first one's text. */
		const char *base = ac_policy_default_text();
		char *t = strdup(base);
		assert_non_null(t);
		char *x = strstr(t, "exposed_repeatable_share = 0.60");
		memcpy(x, "exposed_repeatable_share = 0.80", 31);
		x = strstr(t, "replaceability_high_at = 3");
		memcpy(x, "replaceability_high_at = 4", 26);
		ac_diags d;
		ac_diags_init(&d);
		assert_int_equal(ac_policy_parse(t, strlen(t), "stricter", &stricter, &d), AC_OK);
		ac_diags_free(&d);
		free(t);
	}
	a = h_assess_with(strict, P(body), 0);
	assert_int_not_equal(a->exposure.klass, AC_CLASS_EXPOSED);
	assert_true(a->exposure.structural); /* still three conditions */
	ac_assessment_free(a);
	a = h_assess_with(stricter, P(body), 0);
	assert_false(a->exposure.structural);
	assert_string_not_equal(a->reason, "structural_exposure");
	assert_int_not_equal(a->verdict, AC_VERDICT_AVOID);
	ac_assessment_free(a);
	ac_policy_free(strict);
	ac_policy_free(stricter);
}

static void a_custom_category_exposure_changes_the_figures(void **state)
{
	(void)state;
	ac_policy *p = h_policy_variant("Working with AI measured use; was 0.80)\nexposure = 0.51",
					"Working with AI measured use; was 0.80)\nexposure = 0.40");
	assert_float_equal(ac_policy_category_exposure(p, AC_CAT_ROUTINE_ADMIN), 0.40, 1e-9);
	ac_assessment *a = h_assess_with(p, P("'role': {'tasks': [{'name': 'Forms', 'share': 100, 'category': 'routine_admin'}]}"), 0);
	assert_float_equal(a->exposure.score, 0.40, 1e-9);
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void the_rule_order_is_the_policy_order(void **state)
{
	(void)state;
	/* Both amplifies_trajectory and closes_gap fire for this person. */
	const char *body = "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope', 'owns_measurable_outcomes': true},"
			   " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_string_equal(a->reason, "amplifies_trajectory");
	assert_non_null(h_rule(a, "closes_gap"));
	ac_assessment_free(a);

	/* Move [rule closes_gap] before [rule amplifies_trajectory]: now it decides.
	 * The order is the policy file's, not the code's. */
	const char *base = ac_policy_default_text();
	const char *amp = strstr(base, "[rule amplifies_trajectory]");
	const char *gap = strstr(base, "[rule closes_gap]");
	assert_non_null(amp);
	assert_non_null(gap);
	assert_true(amp < gap);
	const char *gap_end = strstr(gap, "\n\n") + 2; /* the section ends at a blank line */
	size_t n = strlen(base) + 1;
	char *t = malloc(n);
	assert_non_null(t);
	snprintf(t, n, "%.*s%.*s%.*s%s", (int)(amp - base), base, (int)(gap_end - gap), gap, (int)(gap - amp), amp, gap_end);
	ac_policy *p = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_policy_parse(t, strlen(t), "reordered", &p, &d), AC_OK);
	ac_diags_free(&d);
	free(t);
	a = h_assess_with(p, P(body), 0);
	assert_string_equal(a->reason, "closes_gap");
	ac_assessment_free(a);
	ac_policy_free(p);
}

/* Parses text expected to be refused; returns the diagnostics (caller frees). */
static ac_diags refuse(const char *text)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *p = (ac_policy *)1;
	assert_int_equal(ac_policy_parse(text, strlen(text), "bad.policy", &p, &d), AC_EINPUT);
	assert_null(p);
	assert_true(ac_diags_count(&d) >= 1);
	for (size_t i = 0; i < ac_diags_count(&d); i++)
		assert_string_equal(ac_diag_source(ac_diags_at(&d, i)), "bad.policy");
	return d;
}

/* The default text with `old` replaced; returns the 1-based line of the change. */
static char *variant_text(const char *old, const char *new_text, int *line)
{
	const char *base = ac_policy_default_text();
	const char *at = strstr(base, old);
	assert_non_null(at);
	*line = 1;
	for (const char *c = base; c < at; c++)
		*line += *c == '\n';
	size_t n = strlen(base) - strlen(old) + strlen(new_text) + 1;
	char *t = malloc(n);
	assert_non_null(t);
	snprintf(t, n, "%.*s%s%s", (int)(at - base), base, new_text, at + strlen(old));
	return t;
}

static void parse_errors_carry_the_line_and_column(void **state)
{
	(void)state;
	static const struct {
		const char *old, *new_text;
		int column; /* 0: only the line is checked */
		const char *says;
	} table[] = {
		{"[derive structural]", "[weights]", 2, "unknown section"},
		{"condition_share = 0.50", "condition_share = half", 19, "expected a number"},
		{"condition_share = 0.50", "panic_share = 0.50", 1, "unknown threshold"},
		{"when = no_valid_motive", "when = no_valid_motives", 8, "unknown name 'no_valid_motives'"},
		{"when = no_valid_motive", "when = exposure and no_valid_motive", 0, "yes/no"},
		{"when = no_valid_motive", "when = (no_valid_motive", 0, "expected ')'"},
		{"verdict = signal_only", "verdict = perhaps", 11, "found 'perhaps'"},
		{"says = The certificate costs more than your budget.", "says = It costs {price}.", 17, "{price}"},
		{"[rule closes_gap]", "[rule invalid_motive]", 0, "defined twice"},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		int line;
		char *t = variant_text(table[i].old, table[i].new_text, &line);
		ac_diags d = refuse(t);
		print_message("%s\n", table[i].new_text);
		assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), line);
		if (table[i].column)
			assert_int_equal(ac_diag_column(ac_diags_at(&d, 0)), table[i].column);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), table[i].says));
		ac_diags_free(&d);
		free(t);
	}
}

static void a_missing_threshold_is_reported_at_its_section(void **state)
{
	(void)state;
	int line, section;
	char *t = variant_text("retiring_soon_days = 365\n", "", &line);
	char *sec = strstr(ac_policy_default_text(), "[thresholds]");
	section = 1;
	for (const char *c = ac_policy_default_text(); c < sec; c++)
		section += *c == '\n';
	ac_diags d = refuse(t);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), section);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "retiring_soon_days"));
	ac_diags_free(&d);
	free(t);
}

static void the_last_rule_must_always_fire(void **state)
{
	(void)state;
	int line;
	char *t = variant_text("when = always", "when = has_tasks", &line);
	ac_diags d = refuse(t);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "when = always"));
	assert_true(ac_diag_line(ac_diags_at(&d, 0)) > 0 && ac_diag_line(ac_diags_at(&d, 0)) < line);
	ac_diags_free(&d);
	free(t);
}

static void every_problem_is_reported_not_just_the_first(void **state)
{
	(void)state;
	const char *text = "name = x\nversion = 1\n[thresholds]\nbogus = 1\ncondition_share = x\n[nonsense]\n";
	ac_diags d = refuse(text);
	assert_int_equal(ac_diags_count(&d), 3);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), 4);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 1)), 5);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 2)), 6);
	ac_diags_free(&d);
}

/* The default text with every whole-word occurrence of the fact name renamed. */
static char *renamed(const char *name, const char *to)
{
	const char *base = ac_policy_default_text();
	size_t n = strlen(name), cap = strlen(base) * 2 + 1, o = 0;
	char *t = malloc(cap);
	assert_non_null(t);
	for (const char *c = base; *c;) {
		int word = strncmp(c, name, n) == 0 && (c == base || !(isalnum((unsigned char)c[-1]) || c[-1] == '_')) &&
			   !(isalnum((unsigned char)c[n]) || c[n] == '_');
		/* [condition timing_appropriate] names a condition, not the fact. */
		word &= !(c - base >= 11 && strncmp(c - 11, "[condition ", 11) == 0);
		if (word) {
			memcpy(t + o, to, strlen(to));
			o += strlen(to);
			c += n;
		} else
			t[o++] = *c++;
	}
	t[o] = '\0';
	return t;
}

static void a_policy_without_a_name_the_engine_relies_on_is_refused(void **state)
{
	(void)state;
	/* Renaming one of these used to pass the check and silently change the
	 * report (question 3 said "Not answered" without ownership_expands). */
	static const char *const names[][2] = {{"structural", "[derive structural]"},
					       {"skill_based", "[derive skill_based]"},
					       {"ownership_expands", "[derive ownership_expands]"},
					       {"timing_appropriate", "[derive timing_appropriate]"},
					       {"signaling_risk", "[flag signaling_risk]"}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *t = renamed(names[i][0], "renamed_fact");
		ac_diags d = refuse(t);
		print_message("%s\n", names[i][0]);
		assert_int_equal(ac_diags_count(&d), 1);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), names[i][1]));
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "the report")); /* says what it is for */
		ac_diags_free(&d);
		free(t);
	}
}

/* ------------------------------------------------------------ judgements beside the verdict */

static void the_class_is_the_first_class_section_that_holds(void **state)
{
	(void)state;
	/* Repeatable reporting with scope and owned outcomes: exposed by default,
	 * leveraged once a coach puts [class leveraged] first. */
	const char *body = "'role': {" TASKS_REPORTING ", 'leverage_test': 'scope', 'owns_measurable_outcomes': true}";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_int_equal(a->exposure.klass, AC_CLASS_EXPOSED);
	ac_assessment_free(a);
	ac_policy *p = h_policy_variant("[class exposed]\n# Most of the work is repeatable output that AI handles well.\n"
					"when = has_tasks and exposed\n\n[class leveraged]\n"
					"# AI use turns into wider scope and owned outcomes.\n"
					"when = has_tasks and leverage_oriented and (owns_outcomes or ai_enhanced_role)\n",
					"[class leveraged]\nwhen = has_tasks and leverage_oriented and (owns_outcomes or ai_enhanced_role)\n\n"
					"[class exposed]\nwhen = has_tasks and exposed\n");
	a = h_assess_with(p, P(body), 0);
	assert_int_equal(a->exposure.klass, AC_CLASS_LEVERAGED);
	ac_assessment_free(a);
	ac_policy_free(p);
	/* No task mix, no class. */
	a = h_assess_with(NULL, P("'motives': ['capability_gap']"), 0);
	assert_int_equal(a->exposure.klass, 0);
	ac_assessment_free(a);
}

static void the_phase_is_the_highest_phase_section_that_holds(void **state)
{
	(void)state;
	const char *body = "'role': {" TASKS_HOLDING "}, 'organization': {'adoption_signals': ['ai_optional', 'ai_expected']}";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_int_equal(a->timing.phase, 2);
	ac_assessment_free(a);
	/* A coach who reads optional AI use as a sign of phase 3. */
	ac_policy *p = h_policy_variant("when = adoption_layers_removed or",
					"when = adoption_ai_optional or adoption_layers_removed or");
	a = h_assess_with(p, P(body), 0);
	assert_int_equal(a->timing.phase, 3);
	assert_true(h_has_flag(a, "phase_3_late"));
	ac_assessment_free(a);
	ac_policy_free(p);
	/* No signals: no phase, and the adoption facts are unknown, not false. */
	a = h_assess_with(NULL, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_int_equal(a->timing.phase, 0);
	ac_assessment_free(a);
}

static void a_motive_is_valid_when_its_section_says_so(void **state)
{
	(void)state;
	const char *body = "'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true}, 'motives': ['signal_activity']";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_SIGNAL_ACTIVITY));
	assert_string_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);
	ac_policy *p = h_policy_variant("[motive signal_activity]\nvalid = false", "[motive signal_activity]\nvalid = is_manager");
	a = h_assess_with(p, P(body), 0);
	assert_true(h_motive_in(a->motives.unknown, AC_MOT_SIGNAL_ACTIVITY)); /* is_manager is unanswered */
	assert_string_not_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void the_positioning_is_the_first_line_that_holds(void **state)
{
	(void)state;
	const char *body = "'role': {" TASKS_HOLDING "}, 'motives': ['capability_gap']";
	ac_assessment *a = h_assess_with(NULL, P(body), 0);
	assert_string_equal(a->motives.positioning, "unknown"); /* a gap not given: not settled */
	ac_assessment_free(a);
	ac_policy *p = h_policy_variant("[positioning]\n", "[positioning]\ndefensive = motives_given\n");
	a = h_assess_with(p, P(body), 0);
	assert_string_equal(a->motives.positioning, "defensive");
	assert_non_null(strstr(a->questions[4].answer, "Protecting yourself"));
	assert_int_equal(a->questions[4].ok, AC_FALSE);
	ac_assessment_free(a);
	ac_policy_free(p);
	/* Nothing given: the first line, 'unknown = not motives_given'. */
	a = h_assess_with(NULL, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_string_equal(a->motives.positioning, "unknown");
	ac_assessment_free(a);
}

static void conditions_and_answers_are_worded_by_the_policy(void **state)
{
	(void)state;
	ac_policy *p = h_policy_variant(
		"why_if = rule_assess_exposure_first | Not yet: without a task mix nothing shows how much of your work AI compresses.",
		"why_if = rule_assess_exposure_first | We know neither your tasks nor your leverage test ({leverage_count} leverage conditions).");
	ac_assessment *a = h_assess_with(p, P("'motives': ['capability_gap']"), 0);
	assert_int_equal(a->exposure_understood.met, AC_FALSE);
	assert_string_equal(a->exposure_understood.why, "We know neither your tasks nor your leverage test (0 leverage conditions).");
	ac_assessment_free(a);
	ac_policy_free(p);
	/* A question's mark is the chosen line's. */
	p = h_policy_variant("answer_if = not known gap_named | unknown | Not answered: which capability, missing today, you want to gain.",
			     "answer_if = not known gap_named | no | Nothing named yet.");
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_string_equal(a->questions[0].id, "capability_gap");
	assert_string_equal(a->questions[0].answer, "Nothing named yet.");
	assert_int_equal(a->questions[0].ok, AC_FALSE);
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void timing_reasons_follow_the_timing_sections(void **state)
{
	(void)state;
	/* A section whose lines do not hold and that has no plain 'reason' says nothing. */
	ac_policy *p = h_policy_variant("[timing digital]\n",
					"[timing hours]\nreason_if = known hours_per_week | You can give {hours_per_week:exact} "
					"hours a week, {cert_weeks:up} weeks in all.\n\n[timing digital]\n");
	const char *body = "'role': {" TASKS_HOLDING "}, 'constraints': {'hours_per_week': 7.5},"
			   " 'certification': {'name': 'Course', 'hours': 40}";
	ac_assessment *a = h_assess_with(p, P(body), 0);
	int found = 0;
	for (size_t i = 0; i < a->timing.n_why; i++)
		found |= strcmp(a->timing.why[i], "You can give 7.5 hours a week, 6 weeks in all.") == 0;
	assert_true(found);
	size_t with = a->timing.n_why;
	ac_assessment_free(a);
	/* Without the hours a week, 'known hours_per_week' is false (never
	 * unknown), so the new section says nothing. */
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}, 'certification': {'name': 'Course', 'hours': 40}"), 0);
	assert_int_equal(a->timing.n_why + 1, with);
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void a_fact_is_used_only_once_it_is_decided(void **state)
{
	(void)state;
	static const struct {
		const char *old, *new_text, *says;
	} table[] = {
		{"valid = credential_sensitive", "valid = credential_sensitive and phase >= 1 and valid_motive", "'valid_motive' is decided later"},
		{"when = exposed or replaceability_high or compressible", "when = exposed or positioning_defensive",
		 "'positioning_defensive' is decided later"},
		{"when = industry_shift_valid", "when = industry_shift_valid or verdict_pursue", "'verdict_pursue' is decided later"},
		{"defensive = reason_structural_exposure or fear_driven", "defensive = positioning_offensive",
		 "'positioning_offensive' is decided later"},
		{"when = credential_sensitive\n", "when = credential_sensitive or rule_invalid_motive\n",
		 "'rule_invalid_motive' is decided later"},
		{"when = adoption_layers_removed or", "when = phase == 2 or", "'phase' is decided later"},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		int line;
		char *t = variant_text(table[i].old, table[i].new_text, &line);
		ac_diags d = refuse(t);
		print_message("%s\n", table[i].new_text);
		assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), line);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), table[i].says));
		ac_diags_free(&d);
		free(t);
	}
}

static void every_judgement_section_is_required(void **state)
{
	(void)state;
	static const char *const headers[] = {"[class pressured]", "[phase 1]", "[motive industry_shift]", "[positioning]",
					      "[condition leverage_possible]", "[question org_rewards_certification]"};
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		/* The default text without the section (it ends at a blank line). */
		const char *base = ac_policy_default_text();
		const char *at = strstr(base, headers[i]);
		assert_non_null(at);
		const char *end = strstr(at, "\n\n");
		assert_non_null(end);
		size_t n = strlen(base) + 1;
		char *t = malloc(n);
		assert_non_null(t);
		snprintf(t, n, "%.*s%s", (int)(at - base), base, end + 2);
		ac_diags d = refuse(t);
		print_message("%s\n", headers[i]);
		assert_int_equal(ac_diags_count(&d), 1);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "the policy has no"));
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), headers[i]));
		ac_diags_free(&d);
		free(t);
	}
}

/* ------------------------------------------------------------ the wording */

/* The built-in wording with one replacement. */
static char *wording_variant(const char *old, const char *new_text, int *line)
{
	extern const char ac_embedded_wording[];
	const char *base = ac_embedded_wording;
	const char *at = strstr(base, old);
	assert_non_null(at);
	*line = 1;
	for (const char *c = base; c < at; c++)
		*line += *c == '\n';
	size_t n = strlen(base) - strlen(old) + strlen(new_text) + 1;
	char *t = malloc(n);
	assert_non_null(t);
	snprintf(t, n, "%.*s%s%s", (int)(at - base), base, new_text, at + strlen(old));
	return t;
}

static void the_built_in_wording_is_complete(void **state)
{
	(void)state;
	const ac_wording *w = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_wording_builtin(&w, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_string_equal(ac_word(w, AC_W_REPORT_CONDITIONS), "The four conditions");
	assert_string_equal(ac_word_of(w, AC_WF_VERDICT, AC_VERDICT_SIGNAL_ONLY), "SIGNAL ONLY");
	assert_null(ac_word_of(w, AC_WF_VERDICT, 0));
	char *s = AC_SAY_DUP(w, AC_W_REPORT_POLICY_VALUE, "coach", "3", "2026-11-29");
	assert_string_equal(s, "coach, version 3; assessed as of 2026-11-29");
	free(s);
	ac_diags_free(&d);
}

static void a_translation_may_move_placeholders(void **state)
{
	(void)state;
	int line;
	char *t = wording_variant("report.policy_value = {name}, version {version}; assessed as of {date}",
				  "report.policy_value = Version {version} von {name} ({name})", &line);
	ac_wording *w = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_wording_parse(t, strlen(t), "de", &w, &d), AC_OK);
	char *s = AC_SAY_DUP(w, AC_W_REPORT_POLICY_VALUE, "coach", "3", "2026-11-29");
	assert_string_equal(s, "Version 3 von coach (coach)");
	free(s);
	ac_wording_free(w);
	ac_diags_free(&d);
	free(t);
}

static void a_broken_wording_is_refused_with_line_and_column(void **state)
{
	(void)state;
	static const struct {
		const char *old, *new_text;
		int column; /* -1: reported at the end of the file */
		const char *says;
	} table[] = {
		{"report.flags = Flags", "report.flagz = Flags", 1, "unknown key 'report.flagz'"},
		{"report.flags = Flags", "report.flags = Flags\nreport.flags = Flaggen", 1, "is set twice (first on line"},
		{"report.policy_value = {name}, version {version}", "report.policy_value = {name}, {release}", 31,
		 "has no placeholder {release}"},
		{"report.flags = Flags\n", "", -1, "the wording has no 'report.flags' line"},
		{"verdict.avoid = AVOID\n", "", -1, "the wording has no 'verdict.avoid' line"},
		{"report.flags = Flags", "report.flags =", 14, "has no text"},
		{"report.flags = Flags", "report.flags Flags", 1, "expected 'key = text'"},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		int line;
		char *t = wording_variant(table[i].old, table[i].new_text, &line);
		ac_wording *w = (ac_wording *)1;
		ac_diags d;
		ac_diags_init(&d);
		print_message("%s\n", table[i].new_text);
		assert_int_equal(ac_wording_parse(t, strlen(t), "bad.wording", &w, &d), AC_EINPUT);
		assert_null(w);
		assert_true(ac_diags_count(&d) >= 1);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), table[i].says));
		assert_string_equal(ac_diag_source(ac_diags_at(&d, 0)), "bad.wording");
		if (table[i].column >= 0) {
			/* The repeated key is on the second of the two lines. */
			assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)),
					 line + (strstr(table[i].new_text, "\nreport.flags") != NULL));
			assert_int_equal(ac_diag_column(ac_diags_at(&d, 0)), table[i].column);
		}
		ac_diags_free(&d);
		free(t);
	}
}

/* ------------------------------------------------------------ the writer */

static void calibration_rewrites_only_the_exposures_it_measured(void **state)
{
	(void)state;
	double exposures[AC_CAT__COUNT + 1] = {0};
	size_t measured[AC_CAT__COUNT + 1] = {0};
	exposures[AC_CAT_ROUTINE_ADMIN] = 0.4567;
	measured[AC_CAT_ROUTINE_ADMIN] = 12;
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(ac_policy_write_with_category_exposures(h_pol, exposures, measured, &text, &len), AC_OK);
	assert_int_equal(strlen(text), len);
	assert_non_null(strstr(text, "name = default-calibrated\n"));
	assert_non_null(strstr(text, "# calibrated: mean measured exposure of 12 O*NET tasks (GPTs-are-GPTs labels and "
				     "Working with AI measured use; was 0.51)\nexposure = 0.46\n"));
	assert_non_null(strstr(text, "# no O*NET task maps to this category: the policy's figure is kept\nexposure = 0.58\n"));
	assert_non_null(strstr(text, "# aicert decision policy\n")); /* comments are kept */
	ac_policy *p = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_policy_parse(text, len, "calibrated", &p, &d), AC_OK);
	assert_string_equal(ac_policy_name(p), "default-calibrated");
	assert_float_equal(ac_policy_category_exposure(p, AC_CAT_ROUTINE_ADMIN), 0.46, 1e-9);
	assert_float_equal(ac_policy_category_exposure(p, AC_CAT_DOCUMENT_DRAFTING), 0.58, 1e-9);
	ac_policy_free(p);
	ac_diags_free(&d);
	ac_free(text);
}

static void a_binary_or_oversized_policy_is_refused(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *p = NULL;
	assert_int_equal(ac_policy_parse("name = x\0", 9, "nul", &p, &d), AC_EINPUT);
	assert_null(p);
	ac_diags_free(&d);
	size_t n = 1024 * 1024 + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, '#', n);
	ac_diags_init(&d);
	assert_int_equal(ac_policy_parse(big, n, "big", &p, &d), AC_EINPUT);
	assert_null(p);
	ac_diags_free(&d);
	free(big);
}

static void the_facts_a_condition_may_use_are_described(void **state)
{
	(void)state;
	size_t n = 0;
	const char *name, *type, *desc;
	int has_structural_inputs = 0;
	for (size_t i = 0; (name = ac_fact_describe(i, &type, &desc)) != NULL; i++, n++) {
		assert_true(strcmp(type, "yes/no") == 0 || strcmp(type, "number") == 0 || strcmp(type, "text") == 0);
		assert_true(strlen(desc) > 0);
		has_structural_inputs += strcmp(name, "exposed") == 0 || strcmp(name, "replaceability_high") == 0;
	}
	assert_true(n > 40);
	assert_int_equal(has_structural_inputs, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_default_policy_parses_and_names_itself),
		cmocka_unit_test(the_assessment_records_the_policy_that_produced_it),
		cmocka_unit_test(a_custom_threshold_changes_the_verdict),
		cmocka_unit_test(a_custom_category_exposure_changes_the_figures),
		cmocka_unit_test(the_rule_order_is_the_policy_order),
		cmocka_unit_test(parse_errors_carry_the_line_and_column),
		cmocka_unit_test(a_missing_threshold_is_reported_at_its_section),
		cmocka_unit_test(the_last_rule_must_always_fire),
		cmocka_unit_test(every_problem_is_reported_not_just_the_first),
		cmocka_unit_test(a_policy_without_a_name_the_engine_relies_on_is_refused),
		cmocka_unit_test(the_class_is_the_first_class_section_that_holds),
		cmocka_unit_test(the_phase_is_the_highest_phase_section_that_holds),
		cmocka_unit_test(a_motive_is_valid_when_its_section_says_so),
		cmocka_unit_test(the_positioning_is_the_first_line_that_holds),
		cmocka_unit_test(conditions_and_answers_are_worded_by_the_policy),
		cmocka_unit_test(timing_reasons_follow_the_timing_sections),
		cmocka_unit_test(a_fact_is_used_only_once_it_is_decided),
		cmocka_unit_test(every_judgement_section_is_required),
		cmocka_unit_test(the_built_in_wording_is_complete),
		cmocka_unit_test(a_translation_may_move_placeholders),
		cmocka_unit_test(a_broken_wording_is_refused_with_line_and_column),
		cmocka_unit_test(calibration_rewrites_only_the_exposures_it_measured),
		cmocka_unit_test(a_binary_or_oversized_policy_is_refused),
		cmocka_unit_test(the_facts_a_condition_may_use_are_described),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
