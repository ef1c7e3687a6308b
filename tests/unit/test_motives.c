/*
 * test_motives.c — FRAMEWORK.md section 7: which reasons are valid once checked
 * (a named gap, a named target, a credential-sensitive organisation, a shifting
 * industry), which are invalid or still unknown, and defensive vs offensive.
 */
#include "engine_helpers.h"

/* A role whose design holds, AI tested; body adds motives and context. */
static ac_assessment *why(const char *rest)
{
	char body[1024];
	snprintf(body, sizeof body, "'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'}, 'ai_use': {'tested_in_role': true}, %s",
		 rest);
	return h_assess_with(NULL, P(body), 1);
}

static void a_capability_gap_is_valid_only_when_named(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['capability_gap'], 'capability_gap': 'SQL window functions'");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_CAPABILITY_GAP));
	ac_assessment_free(a);

	/* An empty (or blank) gap answers "none": the reason does not count. */
	a = why("'motives': ['capability_gap'], 'capability_gap': '   '");
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_CAPABILITY_GAP));
	assert_string_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);

	/* No gap given at all: whether the reason counts is unknown. */
	a = why("'motives': ['capability_gap']");
	assert_true(h_motive_in(a->motives.unknown, AC_MOT_CAPABILITY_GAP));
	assert_null(h_rule(a, "invalid_motive"));
	assert_non_null(h_missing(a, "capability_gap"));
	ac_assessment_free(a);
}

static void a_role_transition_is_valid_only_with_a_target_role(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['role_transition'], 'trajectory': {'target_role': 'Data engineer'}");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_ROLE_TRANSITION));
	ac_assessment_free(a);
	a = why("'motives': ['role_transition'], 'trajectory': {'target_role': ''}");
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_ROLE_TRANSITION));
	assert_string_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);
	a = why("'motives': ['role_transition']");
	assert_true(h_motive_in(a->motives.unknown, AC_MOT_ROLE_TRANSITION));
	assert_non_null(h_missing(a, "trajectory.target_role"));
	ac_assessment_free(a);
}

static void a_credential_signal_is_valid_invalid_or_unknown_by_the_organisation(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['credential_signal'], 'organization': {'leadership_values_ai_literacy': true,"
			       " 'credential_sensitive_environment': true}");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_CREDENTIAL_SIGNAL));
	ac_assessment_free(a);

	a = why("'motives': ['credential_signal'], 'organization': {'leadership_values_ai_literacy': false,"
		" 'promotion_committees_want_credentials': false, 'politics_reward_formal_programs': false,"
		" 'credential_sensitive_environment': false}");
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_CREDENTIAL_SIGNAL));
	assert_string_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);

	/* Signals unanswered: unknown, never an invalid motive, and listed as missing. */
	a = why("'motives': ['credential_signal']");
	assert_true(h_motive_in(a->motives.unknown, AC_MOT_CREDENTIAL_SIGNAL));
	assert_false(h_motive_in(a->motives.valid | a->motives.invalid, AC_MOT_CREDENTIAL_SIGNAL));
	assert_null(h_rule(a, "invalid_motive"));
	assert_non_null(h_missing(a, "organization.promotion_committees_want_credentials"));
	ac_assessment_free(a);
}

static void an_industry_shift_is_valid_invalid_or_unknown_by_the_industry(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['industry_shift'], 'industry': {'shifting_to_ai': true}");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_INDUSTRY_SHIFT));
	assert_string_equal(a->reason, "supports_industry_shift");
	ac_assessment_free(a);

	a = why("'motives': ['industry_shift'], 'industry': {'shifting_to_ai': false}");
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_INDUSTRY_SHIFT));
	assert_string_equal(a->reason, "invalid_motive");
	ac_assessment_free(a);

	a = why("'motives': ['industry_shift']");
	assert_true(h_motive_in(a->motives.unknown, AC_MOT_INDUSTRY_SHIFT));
	assert_null(h_rule(a, "invalid_motive"));
	assert_null(h_rule(a, "supports_industry_shift"));
	const ac_missing *m = h_missing(a, "industry.shifting_to_ai");
	assert_non_null(m);
	assert_int_equal(m->changes, AC_TRUE);
	ac_assessment_free(a);
}

static void the_four_invalid_reasons_never_count(void **state)
{
	(void)state;
	static const char *const invalid[] = {"signal_activity", "reduce_anxiety", "follow_headlines", "unclear_positioning"};
	for (int i = 0; i < 4; i++) {
		char rest[256];
		snprintf(rest, sizeof rest, "'motives': ['%s']", invalid[i]);
		ac_assessment *a = why(rest);
		assert_true(h_motive_in(a->motives.invalid, ac_enum_value(AC_ENUM_MOTIVE, invalid[i])));
		assert_int_equal(a->motives.valid, 0);
		assert_int_equal(a->verdict, AC_VERDICT_AVOID);
		assert_string_equal(a->reason, "invalid_motive");
		ac_assessment_free(a);
	}
}

static void an_invalid_reason_beside_a_valid_one_is_a_warning_not_a_veto(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['capability_gap', 'signal_activity'], 'capability_gap': 'SQL'");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_CAPABILITY_GAP));
	assert_true(h_motive_in(a->motives.invalid, AC_MOT_SIGNAL_ACTIVITY));
	assert_null(h_rule(a, "invalid_motive"));
	assert_true(a->n_warnings >= 1);
	ac_assessment_free(a);
}

static void no_motives_is_not_an_invalid_motive(void **state)
{
	(void)state;
	ac_assessment *a = why("'label': 'no motives'");
	assert_int_equal(a->motives.valid | a->motives.invalid | a->motives.unknown, 0);
	assert_null(h_rule(a, "invalid_motive"));
	assert_string_equal(a->motives.positioning, "unknown");
	ac_assessment_free(a);
}

static void fear_driven_reasons_are_defensive(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['reduce_anxiety']");
	assert_string_equal(a->motives.positioning, "defensive");
	assert_int_equal(a->questions[4].ok, AC_FALSE);
	ac_assessment_free(a);
	/* Fear beside a defined move that earns pursue: the move is right, the
	 * reason is not. */
	a = why("'motives': ['role_transition', 'follow_headlines'], 'trajectory': {'target_role': 'Data engineer'}");
	assert_string_equal(a->reason, "enables_transition");
	assert_string_equal(a->motives.positioning, "mixed");
	ac_assessment_free(a);
	/* Fear beside a valid reason that does not earn pursue is defensive. */
	a = why("'motives': ['capability_gap', 'follow_headlines'], 'capability_gap': 'SQL'");
	assert_int_not_equal(a->verdict, AC_VERDICT_PURSUE);
	assert_string_equal(a->motives.positioning, "defensive");
	ac_assessment_free(a);
}

static void hoping_to_offset_structural_exposure_is_defensive(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'},"
				      " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_true(a->exposure.structural);
	assert_string_equal(a->motives.positioning, "defensive");
	ac_assessment_free(a);
}

static void a_defined_move_or_a_gap_on_an_ownership_path_is_offensive(void **state)
{
	(void)state;
	ac_assessment *a = why("'motives': ['role_transition'], 'trajectory': {'target_role': 'Data engineer'}");
	assert_string_equal(a->motives.positioning, "offensive");
	assert_int_equal(a->questions[4].ok, AC_TRUE);
	ac_assessment_free(a);

	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
		       " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_string_equal(a->motives.positioning, "offensive");
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_capability_gap_is_valid_only_when_named),
		cmocka_unit_test(a_role_transition_is_valid_only_with_a_target_role),
		cmocka_unit_test(a_credential_signal_is_valid_invalid_or_unknown_by_the_organisation),
		cmocka_unit_test(an_industry_shift_is_valid_invalid_or_unknown_by_the_industry),
		cmocka_unit_test(the_four_invalid_reasons_never_count),
		cmocka_unit_test(an_invalid_reason_beside_a_valid_one_is_a_warning_not_a_veto),
		cmocka_unit_test(no_motives_is_not_an_invalid_motive),
		cmocka_unit_test(fear_driven_reasons_are_defensive),
		cmocka_unit_test(hoping_to_offset_structural_exposure_is_defensive),
		cmocka_unit_test(a_defined_move_or_a_gap_on_an_ownership_path_is_offensive),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
