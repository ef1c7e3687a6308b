/*
 * test_leverage.c — FRAMEWORK.md sections 3 and 4: the +40 % leverage test and
 * its orientation (unsure decided by replaceability), the ownership test, the
 * four leverage conditions, and claims that do not hold until they are made.
 */
#include "engine_helpers.h"

static ac_assessment *with_test(const char *tasks, const char *answer)
{
	char body[1024];
	snprintf(body, sizeof body, "'role': {%s, 'leverage_test': '%s'}", tasks, answer);
	return h_assess_with(NULL, P(body), 0);
}

static void the_leverage_test_maps_to_an_orientation(void **state)
{
	(void)state;
	static const struct {
		const char *answer;
		int test, orientation;
	} table[] = {
		{"scope", AC_LT_SCOPE, AC_ORIENT_LEVERAGE},
		{"influence", AC_LT_INFLUENCE, AC_ORIENT_LEVERAGE},
		{"pay", AC_LT_PAY, AC_ORIENT_REWARDED},
		{"headcount_cut", AC_LT_HEADCOUNT_CUT, AC_ORIENT_COMPRESSIBLE},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		ac_assessment *a = with_test(TASKS_HOLDING, table[i].answer);
		assert_int_equal(a->leverage.test, table[i].test);
		assert_int_equal(a->leverage.orientation, table[i].orientation);
		ac_assessment_free(a);
	}
}

static void unsure_is_decided_by_replaceability(void **state)
{
	(void)state;
	ac_assessment *a = with_test(TASKS_REPORTING, "unsure");
	assert_true(a->replaceability.high);
	assert_int_equal(a->leverage.test, AC_LT_UNSURE);
	assert_int_equal(a->leverage.orientation, AC_ORIENT_COMPRESSIBLE);
	ac_assessment_free(a);

	a = with_test(TASKS_HOLDING, "unsure");
	assert_false(a->replaceability.high);
	assert_int_equal(a->leverage.orientation, AC_ORIENT_NEUTRAL);
	ac_assessment_free(a);
}

static void unsure_without_a_task_mix_stays_unknown(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'leverage_test': 'unsure'}"));
	assert_int_equal(a->leverage.orientation, 0);
	ac_assessment_free(a);
}

static void an_unanswered_leverage_test_is_listed_as_missing(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}"));
	assert_int_equal(a->leverage.test, 0);
	assert_int_equal(a->leverage.orientation, 0);
	assert_int_equal(a->leverage.ownership_expands, AC_UNKNOWN);
	assert_non_null(h_missing(a, "role.leverage_test"));
	assert_int_equal(a->exposure_understood.met, AC_UNKNOWN); /* the leverage test would settle it */
	ac_assessment_free(a);
}

static void ownership_expands_when_leverage_oriented(void **state)
{
	(void)state;
	ac_assessment *a = with_test(TASKS_HOLDING, "influence");
	assert_int_equal(a->leverage.ownership_expands, AC_TRUE);
	ac_assessment_free(a);
}

static void ownership_expands_when_moving_into_system_design_or_a_hybrid_role(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'},"
				      "'trajectory': {'expanding_into_system_design': true}"));
	assert_int_equal(a->leverage.ownership_expands, AC_TRUE);
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'},"
		       "'trajectory': {'transitioning_to_hybrid': true}"));
	assert_int_equal(a->leverage.ownership_expands, AC_TRUE);
	ac_assessment_free(a);
}

static void ownership_expands_with_authority_and_owned_outcomes_together(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay',"
				      " 'decision_authority': 'holds', 'owns_measurable_outcomes': true}"));
	assert_int_equal(a->leverage.ownership_expands, AC_TRUE);
	ac_assessment_free(a);

	/* Authority alone, or outcomes alone, is not enough. */
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay', 'decision_authority': 'holds'}"));
	assert_int_equal(a->leverage.ownership_expands, AC_FALSE);
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay', 'decision_authority': 'separable',"
		       " 'owns_measurable_outcomes': true}"));
	assert_int_equal(a->leverage.ownership_expands, AC_FALSE);
	ac_assessment_free(a);
}

static void pay_alone_does_not_expand_ownership(void **state)
{
	(void)state;
	ac_assessment *a = with_test(TASKS_HOLDING, "pay");
	assert_int_equal(a->leverage.orientation, AC_ORIENT_REWARDED);
	assert_int_equal(a->leverage.ownership_expands, AC_FALSE);
	ac_assessment_free(a);
}

static void the_four_leverage_conditions_are_counted(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay', 'owns_measurable_outcomes': true},"
				      "'ai_use': {'widened_scope': true},"
				      "'trajectory': {'expanding_into_system_design': true, 'transitioning_to_hybrid': true}"));
	assert_true(a->leverage.ai_enhanced_role);
	assert_true(a->leverage.owns_measurable_outcomes);
	assert_true(a->leverage.expanding_into_system_design);
	assert_true(a->leverage.transitioning_to_hybrid);
	assert_int_equal(a->leverage.count, 4);
	assert_int_equal(a->leverage_possible.met, AC_TRUE);
	/* Leverage conditions need a valid reason to define a trajectory; with no
	 * reason and no gap given, an unanswered gap could still settle it. */
	assert_int_equal(a->trajectory_defined.met, AC_UNKNOWN);
	ac_assessment_free(a);

	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay', 'owns_measurable_outcomes': false},"
		       "'ai_use': {'widened_scope': true}"));
	assert_int_equal(a->leverage.count, 1);
	ac_assessment_free(a);
}

static void claims_that_were_not_made_do_not_hold(void **state)
{
	(void)state;
	ac_assessment *a = with_test(TASKS_HOLDING, "pay");
	assert_false(a->leverage.ai_enhanced_role);
	assert_false(a->leverage.owns_measurable_outcomes);
	assert_false(a->leverage.expanding_into_system_design);
	assert_false(a->leverage.transitioning_to_hybrid);
	assert_int_equal(a->leverage.count, 0);
	/* ... but the unanswered claims are still listed as missing. */
	assert_non_null(h_missing(a, "role.owns_measurable_outcomes"));
	assert_non_null(h_missing(a, "ai_use.widened_scope"));
	assert_non_null(h_missing(a, "trajectory.expanding_into_system_design"));
	assert_non_null(h_missing(a, "trajectory.transitioning_to_hybrid"));
	ac_assessment_free(a);
}

static void a_manager_who_owns_an_outcome_owns_measurable_outcomes(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'kind': 'manager', " TASKS_HOLDING ", 'leverage_test': 'pay',"
				      " 'manager': {'owns_outcomes': true}}"));
	assert_true(a->leverage.owns_measurable_outcomes);
	assert_int_equal(a->leverage.count, 1);
	/* The claim is made, through the manager block: nothing is missing. */
	assert_null(h_missing(a, "role.owns_measurable_outcomes"));
	ac_assessment_free(a);
}

static void an_explicit_no_beats_the_manager_block(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {'kind': 'manager', " TASKS_HOLDING ", 'leverage_test': 'pay',"
				      " 'owns_measurable_outcomes': false, 'manager': {'owns_outcomes': true}}"));
	assert_false(a->leverage.owns_measurable_outcomes);
	assert_int_equal(a->leverage.count, 0);
	assert_null(h_missing(a, "role.owns_measurable_outcomes")); /* answered: no */
	assert_true(h_has_flag(a, "manager_compression_risk")); /* no owned outcome */
	ac_assessment_free(a);
}

static void the_ladder_level_is_recorded(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'ladder_level': 4}"));
	assert_int_equal(a->leverage.ladder_level, 4);
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_HOLDING "}"));
	assert_int_equal(a->leverage.ladder_level, 0);
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_leverage_test_maps_to_an_orientation),
		cmocka_unit_test(unsure_is_decided_by_replaceability),
		cmocka_unit_test(unsure_without_a_task_mix_stays_unknown),
		cmocka_unit_test(an_unanswered_leverage_test_is_listed_as_missing),
		cmocka_unit_test(ownership_expands_when_leverage_oriented),
		cmocka_unit_test(ownership_expands_when_moving_into_system_design_or_a_hybrid_role),
		cmocka_unit_test(ownership_expands_with_authority_and_owned_outcomes_together),
		cmocka_unit_test(pay_alone_does_not_expand_ownership),
		cmocka_unit_test(the_four_leverage_conditions_are_counted),
		cmocka_unit_test(claims_that_were_not_made_do_not_hold),
		cmocka_unit_test(a_manager_who_owns_an_outcome_owns_measurable_outcomes),
		cmocka_unit_test(an_explicit_no_beats_the_manager_block),
		cmocka_unit_test(the_ladder_level_is_recorded),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
