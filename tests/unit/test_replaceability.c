/*
 * test_replaceability.c — FRAMEWORK.md section 2: four role-design conditions,
 * each holding at a time-weighted share of 0.50, a direct answer about decision
 * authority deciding the fourth, and replaceability high from 3 conditions.
 */
#include "engine_helpers.h"

static void each_condition_holds_at_exactly_half_the_time(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Reports', 'share': 50, 'category': 'standardized_reporting'},"
				      "{'name': 'Decisions', 'share': 50, 'category': 'judgment_decisions'}]}"));
	assert_float_equal(a->exposure.standardized_share, 0.5, 1e-9);
	assert_float_equal(a->exposure.benchmarkable_share, 0.5, 1e-9);
	assert_float_equal(a->exposure.separable_share, 0.5, 1e-9);
	assert_true(a->replaceability.standardized_output);
	assert_true(a->replaceability.repeatable_tasks);
	assert_true(a->replaceability.easily_benchmarked);
	assert_true(a->replaceability.separable_from_authority);
	assert_int_equal(a->replaceability.count, 4);
	assert_true(a->replaceability.high);
	ac_assessment_free(a);
}

static void no_condition_holds_just_below_half(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Reports', 'share': 49, 'category': 'standardized_reporting'},"
				      "{'name': 'Decisions', 'share': 51, 'category': 'judgment_decisions'}]}"));
	assert_false(a->replaceability.standardized_output);
	assert_false(a->replaceability.repeatable_tasks);
	assert_false(a->replaceability.easily_benchmarked);
	assert_false(a->replaceability.separable_from_authority);
	assert_int_equal(a->replaceability.count, 0);
	assert_false(a->replaceability.high);
	ac_assessment_free(a);
}

static void the_conditions_are_counted_separately(void **state)
{
	(void)state;
	/* Repeatable and standardised, but not benchmarked; separable. */
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Forms', 'share': 60, 'category': 'routine_admin', 'benchmarkable': false},"
				      "{'name': 'Decisions', 'share': 40, 'category': 'judgment_decisions'}]}"));
	assert_true(a->replaceability.standardized_output);
	assert_true(a->replaceability.repeatable_tasks);
	assert_false(a->replaceability.easily_benchmarked);
	assert_true(a->replaceability.separable_from_authority);
	assert_int_equal(a->replaceability.count, 3);
	ac_assessment_free(a);
}

static void replaceability_is_high_at_three_conditions_not_two(void **state)
{
	(void)state;
	const char *tasks = "'tasks': [{'name': 'Forms', 'share': 60, 'category': 'routine_admin', 'benchmarkable': false},"
			    "{'name': 'Decisions', 'share': 40, 'category': 'judgment_decisions'}]";
	char body[512];
	snprintf(body, sizeof body, "'role': {%s}", tasks);
	ac_assessment *a = h_assess(P(body));
	assert_int_equal(a->replaceability.count, 3);
	assert_true(a->replaceability.high);
	ac_assessment_free(a);

	/* Holding the decisions takes away the fourth condition: two remain. */
	snprintf(body, sizeof body, "'role': {%s, 'decision_authority': 'holds'}", tasks);
	a = h_assess(P(body));
	assert_int_equal(a->replaceability.count, 2);
	assert_false(a->replaceability.high);
	ac_assessment_free(a);
}

static void holding_decision_authority_decides_the_fourth_condition(void **state)
{
	(void)state;
	/* 80 % of the time needs no decision authority, but the person holds it. */
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Tickets', 'share': 80, 'category': 'client_relationship'},"
				      "{'name': 'Decisions', 'share': 20, 'category': 'judgment_decisions'}],"
				      " 'decision_authority': 'holds'}"));
	assert_float_equal(a->exposure.separable_share, 0.8, 1e-9);
	assert_false(a->replaceability.separable_from_authority);
	ac_assessment_free(a);
}

static void separable_work_decides_the_fourth_condition(void **state)
{
	(void)state;
	/* Only 30 % of the time is separable by task, but the person says the work
	 * can be split from the decisions. */
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Decisions', 'share': 70, 'category': 'judgment_decisions'},"
				      "{'name': 'Files', 'share': 30, 'category': 'client_relationship'}],"
				      " 'decision_authority': 'separable'}"));
	assert_float_equal(a->exposure.separable_share, 0.3, 1e-9);
	assert_true(a->replaceability.separable_from_authority);
	assert_int_equal(a->replaceability.count, 1);
	ac_assessment_free(a);
}

static void a_task_needing_authority_is_not_separable(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'tasks': ["
				      "{'name': 'Approvals', 'share': 60, 'category': 'routine_admin', 'needs_decision_authority': true},"
				      "{'name': 'Calls', 'share': 40, 'category': 'client_relationship'}]}"));
	assert_float_equal(a->exposure.separable_share, 0.4, 1e-9);
	assert_false(a->replaceability.separable_from_authority);
	ac_assessment_free(a);
}

static void without_tasks_replaceability_is_not_high(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'decision_authority': 'separable'}"));
	assert_false(a->replaceability.high);
	assert_false(a->exposure.structural);
	ac_assessment_free(a);
}

static void high_replaceability_makes_an_unsure_answer_compressible(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'unsure'}"));
	assert_true(a->replaceability.high);
	assert_int_equal(a->leverage.orientation, AC_ORIENT_COMPRESSIBLE);
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_condition_holds_at_exactly_half_the_time),
		cmocka_unit_test(no_condition_holds_just_below_half),
		cmocka_unit_test(the_conditions_are_counted_separately),
		cmocka_unit_test(replaceability_is_high_at_three_conditions_not_two),
		cmocka_unit_test(holding_decision_authority_decides_the_fourth_condition),
		cmocka_unit_test(separable_work_decides_the_fourth_condition),
		cmocka_unit_test(a_task_needing_authority_is_not_separable),
		cmocka_unit_test(without_tasks_replaceability_is_not_high),
		cmocka_unit_test(high_replaceability_makes_an_unsure_answer_compressible),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
