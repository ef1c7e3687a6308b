/*
 * test_organisation.c — FRAMEWORK.md section 5: the four signals and their
 * strength, credential-sensitive from 2 (unknown while unanswered signals could
 * still reach it), how leaders read visible AI use, and the signalling risk.
 */
#include "engine_helpers.h"

/* An organisation object from four answers: 'y', 'n' or '-' (unanswered). */
static ac_assessment *org(const char *answers, const char *extra)
{
	static const char *const names[] = {"leadership_values_ai_literacy", "promotion_committees_want_credentials",
					    "politics_reward_formal_programs", "credential_sensitive_environment"};
	char body[1024];
	size_t n = (size_t)snprintf(body, sizeof body, "'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'},"
				    " 'ai_use': {'tested_in_role': true}, 'organization': {");
	int first = 1;
	for (int i = 0; i < 4; i++) {
		if (answers[i] == '-')
			continue;
		n += (size_t)snprintf(body + n, sizeof body - n, "%s'%s': %s", first ? "" : ", ", names[i],
				      answers[i] == 'y' ? "true" : "false");
		first = 0;
	}
	snprintf(body + n, sizeof body - n, "}%s%s", *extra ? ", " : "", extra);
	return h_assess_with(NULL, P(body), 0);
}

static void signal_strength_counts_the_signals_answered_yes(void **state)
{
	(void)state;
	static const struct {
		const char *answers;
		int strength;
	} table[] = {{"nnnn", 0}, {"ynnn", 1}, {"nynn", 1}, {"nnyn", 1}, {"nnny", 1}, {"yyyy", 4}, {"y-y-", 2}, {"----", 0}};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		ac_assessment *a = org(table[i].answers, "");
		print_message("%s\n", table[i].answers);
		assert_int_equal(a->organization.signal_strength, table[i].strength);
		ac_assessment_free(a);
	}
}

static void two_signals_make_the_organisation_credential_sensitive(void **state)
{
	(void)state;
	ac_assessment *a = org("yynn", "");
	assert_int_equal(a->organization.credential_sensitive, AC_TRUE);
	assert_int_equal(a->questions[3].ok, AC_TRUE);
	assert_string_equal(a->reason, "institutional_signaling");
	ac_assessment_free(a);

	a = org("ynnn", "");
	assert_int_equal(a->organization.credential_sensitive, AC_FALSE);
	assert_int_equal(a->questions[3].ok, AC_FALSE);
	assert_string_not_equal(a->reason, "institutional_signaling");
	ac_assessment_free(a);
}

static void credential_sensitivity_is_unknown_while_unanswered_signals_could_reach_two(void **state)
{
	(void)state;
	static const struct {
		const char *answers;
		ac_tri sensitive;
	} table[] = {
		{"y-nn", AC_UNKNOWN}, /* one more yes would make two */
		{"--nn", AC_UNKNOWN},
		{"----", AC_UNKNOWN},
		{"-nnn", AC_FALSE}, /* even a yes would make only one */
		{"ynnn", AC_FALSE},
		{"yy--", AC_TRUE}, /* already two, whatever the rest */
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		ac_assessment *a = org(table[i].answers, "");
		print_message("%s\n", table[i].answers);
		assert_int_equal(a->organization.credential_sensitive, table[i].sensitive);
		if (table[i].sensitive == AC_UNKNOWN) /* an unknown never decides institutional_signaling */
			assert_null(h_rule(a, "institutional_signaling"));
		ac_assessment_free(a);
	}
}

static void the_leader_reading_is_recorded(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int value;
	} table[] = {{"modernizer", AC_LR_MODERNIZER},
		     {"efficient_operator", AC_LR_EFFICIENT_OPERATOR},
		     {"automation_evidence", AC_LR_AUTOMATION_EVIDENCE},
		     {"unknown", AC_LR_UNKNOWN}};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		char body[512];
		snprintf(body, sizeof body, "'role': {" TASKS_HOLDING "}, 'organization': {'leader_reading': '%s'}",
			 table[i].name);
		ac_assessment *a = h_assess_with(NULL, P(body), 0);
		assert_int_equal(a->organization.leader_reading, table[i].value);
		ac_assessment_free(a);
	}
}

static void automation_evidence_with_an_exposed_role_is_a_signalling_risk(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING "}, 'organization': {'leader_reading': 'automation_evidence'}"));
	assert_int_equal(a->exposure.klass, AC_CLASS_EXPOSED);
	assert_true(a->organization.signaling_risk);
	assert_true(h_has_flag(a, "signaling_risk"));
	ac_assessment_free(a);
}

static void automation_evidence_without_an_exposed_role_is_no_signalling_risk(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}, 'organization': {'leader_reading': 'automation_evidence'}"));
	assert_false(a->organization.signaling_risk);
	assert_false(h_has_flag(a, "signaling_risk"));
	ac_assessment_free(a);
}

static void other_readings_of_an_exposed_role_are_no_signalling_risk(void **state)
{
	(void)state;
	static const char *const readings[] = {"modernizer", "efficient_operator", "unknown"};
	for (size_t i = 0; i < 3; i++) {
		char body[512];
		snprintf(body, sizeof body, "'role': {" TASKS_REPORTING "}, 'organization': {'leader_reading': '%s'}",
			 readings[i]);
		ac_assessment *a = h_assess_with(NULL, P(body), 0);
		assert_false(a->organization.signaling_risk);
		ac_assessment_free(a);
	}
}

static void a_credential_sensitive_organisation_gives_a_signal_not_a_pursue(void **state)
{
	(void)state;
	ac_assessment *a = org("yyyy", "'motives': ['credential_signal']");
	assert_int_equal(a->verdict, AC_VERDICT_SIGNAL_ONLY);
	assert_string_equal(a->reason, "institutional_signaling");
	assert_true(h_motive_in(a->motives.valid, AC_MOT_CREDENTIAL_SIGNAL));
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(signal_strength_counts_the_signals_answered_yes),
		cmocka_unit_test(two_signals_make_the_organisation_credential_sensitive),
		cmocka_unit_test(credential_sensitivity_is_unknown_while_unanswered_signals_could_reach_two),
		cmocka_unit_test(the_leader_reading_is_recorded),
		cmocka_unit_test(automation_evidence_with_an_exposed_role_is_a_signalling_risk),
		cmocka_unit_test(automation_evidence_without_an_exposed_role_is_no_signalling_risk),
		cmocka_unit_test(other_readings_of_an_exposed_role_are_no_signalling_risk),
		cmocka_unit_test(a_credential_sensitive_organisation_gives_a_signal_not_a_pursue),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
