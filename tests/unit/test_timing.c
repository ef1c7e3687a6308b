/*
 * test_timing.c — FRAMEWORK.md section 6: the adoption phase is the highest one
 * signalled, its flags, and when timing is appropriate (tested, no panic, the
 * hours fit, not late with a structurally exposed role) or still unknown.
 */
#include "engine_helpers.h"

static ac_assessment *with_signals(const char *signals)
{
	char body[512];
	snprintf(body, sizeof body, "'role': {" TASKS_HOLDING "}, 'organization': {'adoption_signals': [%s]}", signals);
	return h_assess_with(NULL, P(body), 0);
}

static void each_signal_belongs_to_its_phase(void **state)
{
	(void)state;
	static const struct {
		const char *signal;
		int phase;
	} table[] = {{"ai_optional", 1},	   {"few_experimenting", 1}, {"ai_expected", 2},
		     {"output_targets_rising", 2}, {"hiring_slowing", 2},    {"wider_spans", 2},
		     {"layers_removed", 3},	   {"reporting_automated", 3}, {"intermediaries_removed", 3}};
	static const char *const flag[] = {NULL, "phase_1_window", "phase_2_act_now", "phase_3_late"};
	assert_int_equal(sizeof table / sizeof table[0], AC_SIG__COUNT);
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		char s[64];
		snprintf(s, sizeof s, "'%s'", table[i].signal);
		ac_assessment *a = with_signals(s);
		print_message("%s\n", table[i].signal);
		assert_int_equal(a->timing.phase, table[i].phase);
		for (int p = 1; p <= 3; p++)
			assert_int_equal(h_has_flag(a, flag[p]), p == table[i].phase);
		ac_assessment_free(a);
	}
}

static void the_phase_is_the_highest_one_signalled(void **state)
{
	(void)state;
	ac_assessment *a = with_signals("'ai_optional', 'wider_spans'");
	assert_int_equal(a->timing.phase, 2);
	ac_assessment_free(a);
	a = with_signals("'reporting_automated', 'few_experimenting', 'ai_expected'");
	assert_int_equal(a->timing.phase, 3);
	assert_true(h_has_flag(a, "phase_3_late"));
	assert_false(h_has_flag(a, "phase_1_window"));
	assert_false(h_has_flag(a, "phase_2_act_now"));
	ac_assessment_free(a);
}

static void without_signals_the_phase_is_unknown(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}"));
	assert_int_equal(a->timing.phase, 0);
	assert_false(h_has_flag(a, "phase_1_window") || h_has_flag(a, "phase_2_act_now") || h_has_flag(a, "phase_3_late"));
	assert_non_null(h_missing(a, "organization.adoption_signals"));
	ac_assessment_free(a);
}

/* A person whose timing is right, with one answer changed by extra text. */
#define TIMELY_ROLE "'role': {" TASKS_HOLDING ", 'leverage_test': 'scope', 'decision_authority': 'holds'}"

static void timing_is_appropriate_when_tested_calm_and_not_late(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': true},"
				      " 'organization': {'adoption_signals': ['ai_expected']}, 'motives': ['capability_gap'],"
				      " 'capability_gap': 'evaluating LLM output'"));
	assert_int_equal(a->timing.appropriate, AC_TRUE);
	assert_int_equal(a->timing_appropriate.met, AC_TRUE);
	assert_true(a->timing.n_why >= 3);
	ac_assessment_free(a);
}

static void timing_is_not_appropriate_before_ai_was_tested(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': false}"));
	assert_int_equal(a->timing.appropriate, AC_FALSE);
	assert_int_equal(a->timing_appropriate.met, AC_FALSE);
	ac_assessment_free(a);
}

static void timing_is_not_appropriate_when_every_reason_is_headlines_or_anxiety(void **state)
{
	(void)state;
	static const char *const panic[] = {"follow_headlines", "reduce_anxiety"};
	for (int i = 0; i < 2; i++) {
		char body[1024];
		snprintf(body, sizeof body, TIMELY_ROLE ", 'ai_use': {'tested_in_role': true}, 'motives': ['%s']", panic[i]);
		ac_assessment *a = h_assess_with(NULL, P(body), 0);
		assert_int_equal(a->timing.appropriate, AC_FALSE);
		ac_assessment_free(a);
		/* Beside a valid reason, fear is named but does not spoil the timing. */
		snprintf(body, sizeof body, TIMELY_ROLE ", 'ai_use': {'tested_in_role': true},"
			 " 'motives': ['capability_gap', '%s'], 'capability_gap': 'SQL'", panic[i]);
		a = h_assess_with(NULL, P(body), 0);
		assert_int_equal(a->timing.appropriate, AC_TRUE);
		ac_assessment_free(a);
	}
}

static void phase_three_is_too_late_only_for_a_structurally_exposed_role(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'pay'}, 'ai_use': {'tested_in_role': true},"
				      " 'organization': {'adoption_signals': ['layers_removed']}"));
	assert_true(a->exposure.structural);
	assert_int_equal(a->timing.appropriate, AC_FALSE);
	ac_assessment_free(a);

	a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': true},"
		       " 'organization': {'adoption_signals': ['layers_removed']}"));
	assert_false(a->exposure.structural);
	assert_int_equal(a->timing.appropriate, AC_TRUE);
	ac_assessment_free(a);
}

static void a_certificate_longer_than_the_limit_does_not_fit_the_timing(void **state)
{
	(void)state;
	/* 300 hours at 5 a week is 60 weeks, beyond the policy's 26. */
	ac_assessment *a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': true},"
				      " 'certification': {'name': 'Long course', 'hours': 300},"
				      " 'constraints': {'hours_per_week': 5}"));
	assert_true(a->certification.weeks.set);
	assert_float_equal(a->certification.weeks.v, 60, 1e-9);
	assert_int_equal(a->timing.appropriate, AC_FALSE);
	ac_assessment_free(a);

	/* 130 hours at 5 a week is exactly 26 weeks: it fits. */
	a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': true},"
		       " 'certification': {'name': 'Course', 'hours': 130}, 'constraints': {'hours_per_week': 5}"));
	assert_int_equal(a->timing.appropriate, AC_TRUE);
	ac_assessment_free(a);
}

static void timing_is_unknown_while_its_inputs_are_unanswered(void **state)
{
	(void)state;
	/* Whether AI was tested is unanswered. */
	ac_assessment *a = h_assess(P(TIMELY_ROLE));
	assert_int_equal(a->timing.appropriate, AC_UNKNOWN);
	assert_int_equal(a->timing_appropriate.met, AC_UNKNOWN);
	ac_assessment_free(a);

	/* The certificate's hours are known but not the person's hours per week. */
	a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'tested_in_role': true}, 'certification': {'name': 'Course', 'hours': 40}"));
	assert_int_equal(a->timing.appropriate, AC_UNKNOWN);
	assert_non_null(h_missing(a, "constraints.hours_per_week"));
	ac_assessment_free(a);
}

static void regular_ai_use_counts_as_tested_and_none_as_untested(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'level': 'regular'}"));
	assert_int_equal(a->timing.appropriate, AC_TRUE);
	ac_assessment_free(a);
	a = h_assess(P(TIMELY_ROLE ", 'ai_use': {'level': 'none'}"));
	assert_int_equal(a->timing.appropriate, AC_FALSE);
	assert_string_equal(a->reason, "test_ai_first");
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_signal_belongs_to_its_phase),
		cmocka_unit_test(the_phase_is_the_highest_one_signalled),
		cmocka_unit_test(without_signals_the_phase_is_unknown),
		cmocka_unit_test(timing_is_appropriate_when_tested_calm_and_not_late),
		cmocka_unit_test(timing_is_not_appropriate_before_ai_was_tested),
		cmocka_unit_test(timing_is_not_appropriate_when_every_reason_is_headlines_or_anxiety),
		cmocka_unit_test(phase_three_is_too_late_only_for_a_structurally_exposed_role),
		cmocka_unit_test(a_certificate_longer_than_the_limit_does_not_fit_the_timing),
		cmocka_unit_test(timing_is_unknown_while_its_inputs_are_unanswered),
		cmocka_unit_test(regular_ai_use_counts_as_tested_and_none_as_untested),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
