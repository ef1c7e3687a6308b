/*
 * test_policy_language.c — what version 2 of the policy language adds: claims
 * ('claimed X') and fallbacks ('X otherwise Y'), derived counts, each rule as
 * a fact for the sections after the rules, conditions that fail before they
 * hold, texts chosen by condition, figures written one way in every text, and
 * the [what_changes] section with the wording it needs.
 */
#include "engine_helpers.h"
#include "policy/policy.h"

/* The first flag sentence of a, or NULL. */
static const char *flag_note(const ac_assessment *a, const char *flag)
{
	for (size_t i = 0; i < a->n_flags; i++)
		if (strcmp(a->flags[i], flag) == 0)
			return a->flag_notes[i];
	return NULL;
}

static void claimed_reads_silence_as_no_and_otherwise_falls_back(void **state)
{
	(void)state;
	const char *old = "[flag over_budget]\nwhen = over_budget";
	ac_policy *p = h_policy_variant(old, "[flag over_budget]\nwhen = claimed (owns_measurable_outcomes otherwise is_manager)");
	/* Unanswered, then the fallback unanswered too: not claimed. */
	ac_assessment *a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_false(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
	/* Unanswered: the fallback answers. */
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING ", 'kind': 'manager'}"), 0);
	assert_true(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
	/* Answered no: the answer wins over the fallback. */
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING ", 'kind': 'manager', 'owns_measurable_outcomes': false}"), 0);
	assert_false(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void a_count_counts_what_certainly_holds(void **state)
{
	(void)state;
	const char *old = "count = ai_enhanced_role, owns_outcomes, system_design_move, hybrid_move";
	ac_policy *p = h_policy_variant(old, "count = ai_enhanced_role, owns_outcomes, system_design_move, hybrid_move, "
					     "leverage_oriented, has_tasks");
	/* leverage_oriented is unknown (not counted), has_tasks holds. */
	ac_assessment *a = h_assess_with(p, P("'role': {" TASKS_HOLDING ", 'owns_measurable_outcomes': true}"), 0);
	assert_int_equal(a->leverage.count, 2);
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void a_rule_is_a_fact_for_the_sections_after_the_rules(void **state)
{
	(void)state;
	/* rule_X: its condition holds; reason_X: it decides. */
	ac_policy *p = h_policy_variant("[flag over_budget]\nwhen = over_budget",
					"[flag over_budget]\nwhen = rule_test_ai_first and not reason_test_ai_first");
	ac_assessment *a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': false},"
					   " 'industry': {'business_model_compressing': 'yes'}"), 0);
	assert_string_equal(a->reason, "industry_compression");
	assert_true(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': false}"), 0);
	assert_string_equal(a->reason, "test_ai_first");
	assert_false(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void a_condition_fails_before_it_holds(void **state)
{
	(void)state;
	/* No task mix: rule 1 makes exposure fail, though the leverage test is answered. */
	ac_assessment *a = h_assess(P("'role': {'leverage_test': 'scope'}"));
	assert_string_equal(a->reason, "assess_exposure_first");
	assert_int_equal(a->exposure_understood.met, AC_FALSE);
	ac_assessment_free(a);
	/* A task mix and the test answered: it holds; unanswered, it is unknown. */
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}"));
	assert_int_equal(a->exposure_understood.met, AC_TRUE);
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_HOLDING "}"));
	assert_int_equal(a->exposure_understood.met, AC_UNKNOWN);
	ac_assessment_free(a);
}

static void a_rule_says_why_in_the_first_text_that_holds(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'title': 'Analyst', 'occupation': '13-2051.00'}"));
	assert_string_equal(a->reason, "assess_exposure_first");
	assert_non_null(strstr(a->rules[0].because, "occupation code you gave could not be used"));
	assert_non_null(a->exposure.occupation_note);
	ac_assessment_free(a);
	a = h_assess(P("'role': {'title': 'Analyst'}"));
	assert_non_null(strstr(a->rules[0].because, "No task mix and no occupation were given"));
	assert_string_equal(a->rules[0].title, "Exposure first");
	ac_assessment_free(a);
}

static void figures_read_one_way_in_every_text(void **state)
{
	(void)state;
	ac_policy *p = h_policy_variant("says = The certificate costs more than your budget.",
					"says = {cert_weeks:weeks}, {hours_per_week:hours} a week, {cert_cost_usd:money}, "
					"{max_certificate_weeks} weeks at most, {top_task_share%}.");
	ac_assessment *a = h_assess_with(p, P("'role': {'tasks': [{'name': 'A', 'share': 2, 'category': 'coordination'},"
					   " {'name': 'B', 'share': 1, 'category': 'system_design'}]},"
					   " 'certification': {'name': 'C', 'hours': 1, 'cost_usd': 1699.5},"
					   " 'constraints': {'hours_per_week': 1, 'budget_usd': 10}"), 0);
	assert_string_equal(flag_note(a, "over_budget"), "1 week, 1 hour a week, $1,700, 26 weeks at most, 67%.");
	ac_assessment_free(a);
	a = h_assess_with(p, P("'role': {" TASKS_HOLDING "}, 'certification': {'name': 'C', 'hours': 27, 'cost_usd': 12},"
			       " 'constraints': {'hours_per_week': 2.5, 'budget_usd': 10}"), 0);
	assert_string_equal(flag_note(a, "over_budget"), "11 weeks, 2.5 hours a week, $12, 26 weeks at most, 30%.");
	ac_assessment_free(a);
	ac_policy_free(p);
}

static void every_question_varied_needs_its_words(void **state)
{
	(void)state;
	const char *base = ac_policy_default_text();
	const char *old = "questions = role.tasks,";
	const char *at = strstr(base, old);
	assert_non_null(at);
	char *text = NULL;
	size_t n = strlen(base) + 64;
	text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "%.*squestions = role.kind, role.tasks,%s", (int)(at - base), base, at + strlen(old));
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *p = NULL;
	assert_int_equal(ac_policy_parse(text, strlen(text), "mine", &p, &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "no 'ask.role.kind'"));
	ac_diags_free(&d);
	free(text);
}

static void a_comment_may_follow_a_value(void **state)
{
	(void)state;
	ac_policy *p = h_policy_variant("exposed_repeatable_share = 0.60",
					"exposed_repeatable_share = 0.55   # from this share of repeatable work");
	assert_true(p->thresholds[AC_TH_EXPOSED_REPEATABLE_SHARE] > 0.549 &&
		    p->thresholds[AC_TH_EXPOSED_REPEATABLE_SHARE] < 0.551);
	ac_policy_free(p);
	p = h_policy_variant("[thresholds]", "[thresholds]   # the figures the model turns on");
	ac_policy_free(p);
	p = h_policy_variant("title = Exposure first", "title = Exposure first\t# the rule's name in a report");
	int found = 0;
	for (size_t i = 0; i < p->n_rules; i++)
		found |= p->rules[i].title && strcmp(p->rules[i].title, "Exposure first") == 0;
	assert_true(found);
	ac_policy_free(p);
}

/* ac_expr_truth, the quick way rules and derived facts are decided, answers
 * as ac_expr_eval does, for every condition of the default policy and many
 * facts: unset, yes, no, unknown, numbers at and around the thresholds. */
static void a_condition_holds_the_same_whichever_way_it_is_evaluated(void **state)
{
	(void)state;
	static const double numbers[] = {0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 1, 2, 3, 5, 10, 20, 40, 100};
	enum { SLOTS = AC_RULE_FACTS + 2 * AC_POLICY_MAX_ITEMS };
	static ac_val facts[SLOTS];
	unsigned long long x = 88172645463325252ull;
	size_t compared = 0;
	/* The default policy read from its text (the built-in one is shared and
	 * never changed), with a condition of each comparison added. */
	ac_policy *pol = NULL;
	const char *text = ac_policy_default_text();
	assert_int_equal(ac_policy_parse(text, strlen(text), "policy", &pol, NULL), AC_OK);
	static const char *const more[] = {"hours_per_week < 5",  "hours_per_week <= 5", "hours_per_week > 5",
					   "hours_per_week >= 5", "hours_per_week == 5", "hours_per_week != 5",
					   "benchmarkable_share <= condition_share"};
	int nomem = 0;
	ac_site at = {.pol = pol, .source = "test", .line = 1, .col = 1, .stage = AC_STAGE_AFTER, .nomem = &nomem};
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		assert_non_null(ac_expr_parse(&at, more[i]));
	assert_true(pol->n_exprs > 100);
	for (int round = 0; round < 300; round++) {
		for (size_t i = 0; i < SLOTS; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			ac_val v = {0};
			v.type = (int)(x % 4) == 3 ? AC_T_NUM : (int)(x % 4) == 2 ? AC_T_BOOL : (int)(x % 4) == 1 ? AC_T_NUM : 0;
			v.b = (ac_tri)((x >> 8) % 3);
			v.known = (x >> 12) % 5 != 0;
			v.n = numbers[(x >> 16) % (sizeof numbers / sizeof numbers[0])];
			facts[i] = v;
		}
		for (size_t k = 0; k < pol->n_exprs; k++) {
			const ac_expr *e = pol->all_exprs[k];
			ac_val v = ac_expr_eval(e, facts);
			ac_tri want = v.type == AC_T_BOOL ? v.b : AC_UNKNOWN;
			assert_int_equal(ac_expr_truth(e, facts), want);
			compared++;
		}
	}
	assert_true(compared > 30000);
	ac_policy_free(pol);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(claimed_reads_silence_as_no_and_otherwise_falls_back),
		cmocka_unit_test(a_count_counts_what_certainly_holds),
		cmocka_unit_test(a_rule_is_a_fact_for_the_sections_after_the_rules),
		cmocka_unit_test(a_condition_fails_before_it_holds),
		cmocka_unit_test(a_rule_says_why_in_the_first_text_that_holds),
		cmocka_unit_test(figures_read_one_way_in_every_text),
		cmocka_unit_test(every_question_varied_needs_its_words),
		cmocka_unit_test(a_comment_may_follow_a_value),
		cmocka_unit_test(a_condition_holds_the_same_whichever_way_it_is_evaluated),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
