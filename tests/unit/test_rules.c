/*
 * test_rules.c — FRAMEWORK.md section 9: the ordered verdict rules.  The first
 * rule that fires decides, every rule that fired is reported with its figures
 * (the last only when it decides), each of the fourteen reasons can decide,
 * and an unanswered input never fires one.
 */
#include "engine_helpers.h"

/* The default order of the rules. */
static const char *const order[] = {"assess_exposure_first", "industry_compression", "invalid_motive",
				    "test_ai_first", "structural_exposure", "certificate_retired", "timing",
				    "enables_transition", "supports_industry_shift", "amplifies_trajectory", "closes_gap",
				    "certificate_mismatch", "institutional_signaling", "no_defined_leverage"};
#define N_REASONS (sizeof order / sizeof order[0])

static int rank(const char *id)
{
	for (int i = 0; i < (int)N_REASONS; i++)
		if (strcmp(order[i], id) == 0)
			return i;
	return -1;
}

/* The figure of a fired rule named name (the test fails without one). */
static const ac_figure *figure(const ac_rule_fired *r, const char *name)
{
	for (size_t k = 0; k < r->n_figures; k++)
		if (strcmp(r->figures[k].name, name) == 0)
			return &r->figures[k];
	fail_msg("rule %s has no figure %s", r->id, name);
	return NULL;
}

static void check_rules_list(const ac_assessment *a)
{
	size_t decisive = 0;
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *r = &a->rules[i];
		assert_true(rank(r->id) >= 0);
		if (i)
			assert_true(rank(a->rules[i - 1].id) < rank(r->id)); /* in policy order */
		if (r->decisive) {
			decisive++;
			assert_string_equal(r->id, a->reason);
			assert_int_equal(r->verdict, a->verdict);
			/* No earlier rule fired: the first one decides. */
			assert_int_equal(i, 0);
		}
		/* The figures name the facts the rule used. */
		for (size_t k = 0; k < r->n_figures; k++) {
			assert_non_null(r->figures[k].name);
			assert_true(r->figures[k].type == AC_FIGURE_YESNO || r->figures[k].type == AC_FIGURE_NUMBER);
		}
		assert_non_null(r->because);
		assert_null(strchr(r->because, '{'));
	}
	assert_int_equal(decisive, 1);
	/* The last rule holds always, and is reported only when it decides. */
	const ac_rule_fired *fallback = h_rule(a, "no_defined_leverage");
	assert_true(!fallback || fallback->decisive);
}

static void the_first_rule_that_fires_decides_and_all_fired_are_reported(void **state)
{
	(void)state;
	/* Compressing industry, invalid motive, AI untested, structural exposure. */
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'},"
				      " 'ai_use': {'tested_in_role': false},"
				      " 'industry': {'business_model_compressing': 'yes'}, 'motives': ['follow_headlines']"));
	assert_string_equal(a->reason, "industry_compression");
	assert_int_equal(a->verdict, AC_VERDICT_AVOID);
	assert_non_null(h_rule(a, "invalid_motive"));
	assert_non_null(h_rule(a, "test_ai_first"));
	assert_non_null(h_rule(a, "structural_exposure"));
	assert_false(h_rule(a, "invalid_motive")->decisive);
	assert_int_equal(h_rule(a, "test_ai_first")->verdict, AC_VERDICT_NOT_YET);
	check_rules_list(a);
	ac_assessment_free(a);
}

static void a_fired_rule_reports_the_figures_it_used(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'},"
				      " 'ai_use': {'tested_in_role': true}"));
	const ac_rule_fired *r = h_rule(a, "structural_exposure");
	assert_non_null(r);
	assert_true(r->decisive);
	assert_int_equal(figure(r, "structural")->truth, AC_TRUE);
	assert_int_equal(figure(r, "leverage_oriented")->truth, AC_FALSE);
	assert_true(figure(r, "leverage_count")->number.set);
	assert_float_equal(figure(r, "leverage_count")->number.v, 0, 1e-9);
	/* The because text carries the numbers. */
	assert_non_null(strstr(r->because, "100%"));
	assert_non_null(strstr(r->because, "4 of 4"));
	ac_assessment_free(a);
}

/* One profile per reason, in the default order. */
static const struct {
	const char *reason;
	int verdict;
	const char *body;
} deciders[] = {
	{"assess_exposure_first", AC_VERDICT_NOT_YET, "'motives': ['capability_gap'], 'capability_gap': 'SQL'"},
	{"industry_compression", AC_VERDICT_AVOID,
	 "'role': {" TASKS_HOLDING "}, 'industry': {'business_model_compressing': 'yes'}"},
	{"invalid_motive", AC_VERDICT_AVOID, "'role': {" TASKS_HOLDING "}, 'motives': ['signal_activity']"},
	{"test_ai_first", AC_VERDICT_NOT_YET, "'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': false}"},
	{"structural_exposure", AC_VERDICT_AVOID,
	 "'role': {" TASKS_REPORTING ", 'leverage_test': 'pay'}, 'ai_use': {'tested_in_role': true}"},
	{"certificate_retired", AC_VERDICT_NOT_YET,
	 "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
	 " 'motives': ['capability_gap'], 'capability_gap': 'machine learning', 'certification': {'id': 'aws-mls-c01'}"},
	{"timing", AC_VERDICT_NOT_YET,
	 "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
	 " 'motives': ['capability_gap'], 'capability_gap': 'SQL',"
	 " 'certification': {'name': 'Long course', 'hours': 300, 'keywords': ['sql']}, 'constraints': {'hours_per_week': 2}"},
	{"enables_transition", AC_VERDICT_PURSUE,
	 "'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'}, 'motives': ['role_transition'],"
	 " 'trajectory': {'target_role': 'Data engineer'}"},
	{"supports_industry_shift", AC_VERDICT_PURSUE,
	 "'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true}, 'motives': ['industry_shift'],"
	 " 'industry': {'shifting_to_ai': true}"},
	{"amplifies_trajectory", AC_VERDICT_PURSUE,
	 "'role': {" TASKS_HOLDING ", 'owns_measurable_outcomes': true}, 'ai_use': {'tested_in_role': true},"
	 " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"},
	{"closes_gap", AC_VERDICT_PURSUE,
	 "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
	 " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"},
	{"certificate_mismatch", AC_VERDICT_NOT_YET,
	 "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
	 " 'motives': ['capability_gap'], 'capability_gap': 'SQL',"
	 " 'certification': {'name': 'Cloud badge', 'keywords': ['kubernetes']}"},
	{"institutional_signaling", AC_VERDICT_SIGNAL_ONLY,
	 "'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true},"
	 " 'organization': {'leadership_values_ai_literacy': true, 'promotion_committees_want_credentials': true}"},
	{"no_defined_leverage", AC_VERDICT_NOT_YET, "'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true}"},
};

static void each_of_the_fourteen_reasons_can_decide(void **state)
{
	(void)state;
	assert_int_equal(sizeof deciders / sizeof deciders[0], N_REASONS);
	for (size_t i = 0; i < N_REASONS; i++) {
		ac_assessment *a = h_assess(P(deciders[i].body));
		print_message("%s\n", deciders[i].reason);
		assert_string_equal(a->reason, deciders[i].reason);
		assert_int_equal(a->verdict, deciders[i].verdict);
		check_rules_list(a);
		ac_assessment_free(a);
	}
}

static void an_unanswered_ai_test_does_not_fire_test_ai_first(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'},"
				      " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_null(h_rule(a, "test_ai_first"));
	assert_string_equal(a->reason, "closes_gap");
	const ac_missing *m = h_missing(a, "ai_use.tested_in_role");
	assert_non_null(m);
	assert_int_equal(m->changes, AC_TRUE);
	assert_int_equal(h_outcome(a, "ai_use.tested_in_role", "false"), AC_VERDICT_NOT_YET); /* test_ai_first */
	ac_assessment_free(a);
}

static void an_unanswered_industry_does_not_fire_industry_compression(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true}"));
	assert_null(h_rule(a, "industry_compression"));
	assert_non_null(h_missing(a, "industry.business_model_compressing"));
	ac_assessment_free(a);
	/* "unknown" says the person does not know: it is listed as unanswered. */
	a = h_assess(P("'role': {" TASKS_HOLDING "}, 'industry': {'business_model_compressing': 'unknown'}"));
	assert_null(h_rule(a, "industry_compression"));
	assert_non_null(h_missing(a, "industry.business_model_compressing"));
	ac_assessment_free(a);
}

static void an_unanswered_leverage_test_does_not_fire_structural_exposure_for_a_replaceable_role(void **state)
{
	(void)state;
	/* Exposed and highly replaceable, but what extra output would bring is
	 * unanswered: it might widen scope, so the rule cannot fire. */
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING "}, 'ai_use': {'tested_in_role': true}"));
	assert_true(a->exposure.structural);
	assert_null(h_rule(a, "structural_exposure"));
	const ac_missing *m = h_missing(a, "role.leverage_test");
	assert_non_null(m);
	assert_int_equal(m->changes, AC_TRUE);
	ac_assessment_free(a);
}

static void unanswered_organisation_signals_do_not_fire_institutional_signaling(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true},"
				      " 'organization': {'leadership_values_ai_literacy': true}"));
	assert_int_equal(a->organization.credential_sensitive, AC_UNKNOWN);
	assert_null(h_rule(a, "institutional_signaling"));
	assert_string_equal(a->reason, "no_defined_leverage");
	ac_assessment_free(a);
}

static void an_empty_profile_gets_a_verdict_and_a_list_of_what_is_missing(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P(""));
	assert_string_equal(a->reason, "assess_exposure_first");
	assert_non_null(h_missing(a, "role.tasks"));
	assert_non_null(h_missing(a, "role.leverage_test"));
	assert_non_null(h_missing(a, "ai_use.tested_in_role"));
	check_rules_list(a);
	ac_assessment_free(a);
}

static void a_defined_transition_outranks_untested_ai_and_structural_exposure(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'},"
				      " 'ai_use': {'tested_in_role': false}, 'motives': ['role_transition'],"
				      " 'trajectory': {'target_role': 'Data engineer'}, 'industry': {'business_model_compressing': 'yes'}"));
	assert_null(h_rule(a, "industry_compression"));
	assert_null(h_rule(a, "test_ai_first"));
	assert_null(h_rule(a, "structural_exposure"));
	assert_string_equal(a->reason, "enables_transition");
	ac_assessment_free(a);
}

static void one_leverage_condition_does_not_outweigh_a_compressible_design(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut', 'owns_measurable_outcomes': true},"
				      " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_int_equal(a->leverage.count, 1);
	assert_string_equal(a->reason, "structural_exposure");
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut', 'owns_measurable_outcomes': true},"
		       " 'ai_use': {'tested_in_role': true, 'widened_scope': true}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_int_equal(a->leverage.count, 2);
	assert_string_equal(a->reason, "amplifies_trajectory");
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_first_rule_that_fires_decides_and_all_fired_are_reported),
		cmocka_unit_test(a_fired_rule_reports_the_figures_it_used),
		cmocka_unit_test(each_of_the_fourteen_reasons_can_decide),
		cmocka_unit_test(an_unanswered_ai_test_does_not_fire_test_ai_first),
		cmocka_unit_test(an_unanswered_industry_does_not_fire_industry_compression),
		cmocka_unit_test(an_unanswered_leverage_test_does_not_fire_structural_exposure_for_a_replaceable_role),
		cmocka_unit_test(unanswered_organisation_signals_do_not_fire_institutional_signaling),
		cmocka_unit_test(an_empty_profile_gets_a_verdict_and_a_list_of_what_is_missing),
		cmocka_unit_test(a_defined_transition_outranks_untested_ai_and_structural_exposure),
		cmocka_unit_test(one_leverage_condition_does_not_outweigh_a_compressible_design),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
