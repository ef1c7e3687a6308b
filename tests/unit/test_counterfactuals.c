/*
 * test_counterfactuals.c — "what would change the verdict": each reported
 * change, applied to the profile and assessed again, really gives the verdict
 * it claims; one change per field, at most the policy's limit, and none off.
 */
#include "engine_helpers.h"

/* Sets a dotted path ("role.leverage_test") in a JSON object, making the
 * objects on the way. */
static void set_path(json_t *root, const char *path, json_t *value)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	json_t *cur = root;
	char *save = NULL;
	char *key = strtok_r(buf, ".", &save);
	for (char *next; (next = strtok_r(NULL, ".", &save)) != NULL; key = next) {
		json_t *child = json_object_get(cur, key);
		if (!json_is_object(child)) {
			child = json_object();
			json_object_set_new(cur, key, child);
		}
		cur = child;
	}
	json_object_set(cur, key, value);
}

/* Checks every counterfactual of the profile text; returns how many there were. */
static size_t check_all(const char *text, const ac_policy *pol)
{
	ac_profile *p = h_parse_text(text);
	ac_assessment *a = h_assess_profile(p, pol, 1);
	json_t *root = json_loads(text, 0, NULL);
	assert_non_null(root);
	for (size_t i = 0; i < a->n_counterfactuals; i++) {
		const ac_counterfactual *c = &a->counterfactuals[i];
		print_message("%s -> %s: %s\n", c->field, c->to_json, c->sentence);
		assert_int_not_equal(c->verdict, a->verdict);
		for (size_t k = 0; k < i; k++) /* one change per field */
			assert_string_not_equal(a->counterfactuals[k].field, c->field);
		/* Counterfactuals are ordered best verdict first. */
		if (i)
			assert_true(a->counterfactuals[i - 1].verdict <= c->verdict);
		json_t *variant = json_deep_copy(root);
		json_t *to = json_loads(c->to_json, JSON_DECODE_ANY, NULL);
		assert_non_null(to);
		set_path(variant, c->field, to);
		json_decref(to);
		char *vtext = json_dumps(variant, JSON_COMPACT);
		json_decref(variant);
		ac_profile *vp = h_parse_text(vtext);
		free(vtext);
		ac_assessment *b = h_assess_profile(vp, pol, 0);
		assert_int_equal(b->verdict, c->verdict);
		assert_string_equal(b->reason, c->reason);
		ac_assessment_free(b);
		ac_profile_free(vp);
	}
	size_t n = a->n_counterfactuals;
	json_decref(root);
	ac_assessment_free(a);
	ac_profile_free(p);
	return n;
}

static void each_claimed_verdict_results_from_its_change(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"'role': {" TASKS_HOLDING "}",
		"'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'}, 'ai_use': {'tested_in_role': true},"
		" 'motives': ['capability_gap', 'reduce_anxiety'], 'capability_gap': 'SQL'",
		"'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
		" 'motives': ['capability_gap'], 'capability_gap': 'deploying models',"
		" 'certification': {'id': 'aws-mla-c01'}, 'constraints': {'budget_usd': 50, 'hours_per_week': 5}",
		"'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'}, 'motives': ['credential_signal']",
		"'role': {" TASKS_HOLDING "}, 'motives': ['role_transition'],"
		" 'certification': {'name': 'C', 'maps_to_roles': ['Data engineer'], 'keywords': ['sql']}",
		"'motives': ['industry_shift']",
		"",
	};
	size_t total = 0;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		char *text = P(bodies[i]);
		total += check_all(text, NULL);
		free(text);
	}
	assert_true(total >= 10); /* the check above is not vacuous */
}

static void the_example_profiles_counterfactuals_hold(void **state)
{
	(void)state;
	/* The PROFILE.md example, in full. */
	const char *text =
		"{\"schema\": \"aicert/profile/v1\", \"label\": \"Dana, FP&A analyst\","
		" \"role\": {\"title\": \"Financial analyst\", \"kind\": \"ic\", \"tasks\": ["
		"  {\"name\": \"Monthly variance report\", \"share\": 40, \"category\": \"standardized_reporting\", \"benchmarkable\": true},"
		"  {\"name\": \"Ad-hoc data pulls\", \"share\": 25, \"category\": \"structured_data_analysis\"},"
		"  {\"name\": \"Budget reviews with owners\", \"share\": 20, \"category\": \"judgment_decisions\", \"needs_decision_authority\": true},"
		"  {\"name\": \"Status updates\", \"share\": 15, \"category\": \"coordination\"}],"
		"  \"owns_measurable_outcomes\": false, \"decision_authority\": \"separable\", \"revenue_distance\": \"far\","
		"  \"ladder_level\": 2, \"leverage_test\": \"headcount_cut\", \"value_basis\": \"speed\","
		"  \"manager\": {\"reporting_share\": 60, \"purely_supervisory\": true, \"owns_outcomes\": false}, \"hourly_pay_usd\": 45},"
		" \"ai_use\": {\"tested_in_role\": true, \"level\": \"experimenting\", \"widened_scope\": false},"
		" \"trajectory\": {\"target_role\": \"Analytics engineer\", \"expanding_into_system_design\": false, \"transitioning_to_hybrid\": false},"
		" \"organization\": {\"leadership_values_ai_literacy\": true, \"promotion_committees_want_credentials\": false,"
		"  \"politics_reward_formal_programs\": false, \"credential_sensitive_environment\": false,"
		"  \"leader_reading\": \"efficient_operator\", \"adoption_signals\": [\"ai_expected\", \"output_targets_rising\"]},"
		" \"industry\": {\"name\": \"Retail banking\", \"business_model_compressing\": \"no\", \"shifting_to_ai\": false, \"digital_intensity\": \"high\"},"
		" \"motives\": [\"capability_gap\", \"reduce_anxiety\"], \"capability_gap\": \"building data pipelines with dbt and SQL\","
		" \"certification\": {\"id\": \"aws-mla-c01\"}, \"constraints\": {\"budget_usd\": 400, \"hours_per_week\": 4}}";
	check_all(text, NULL);
}

static void the_counterfactual_limit_is_respected(void **state)
{
	(void)state;
	char *text = P("'role': {" TASKS_HOLDING "}");
	ac_profile *p = h_parse_text(text);
	free(text);
	ac_assessment *a = h_assess_profile(p, NULL, 1);
	size_t with_default = a->n_counterfactuals;
	assert_true(with_default >= 2);
	assert_true(with_default <= 6);
	ac_assessment_free(a);

	ac_policy *one = h_policy_variant("counterfactual_limit = 6", "counterfactual_limit = 1");
	a = h_assess_profile(p, one, 1);
	assert_int_equal(a->n_counterfactuals, 1);
	ac_assessment_free(a);
	ac_policy_free(one);

	ac_policy *none = h_policy_variant("counterfactual_limit = 6", "counterfactual_limit = 0");
	a = h_assess_profile(p, none, 1);
	assert_int_equal(a->n_counterfactuals, 0);
	ac_assessment_free(a);
	ac_policy_free(none);

	/* A limit beyond any number of fields is simply not reached. */
	ac_policy *huge = h_policy_variant("counterfactual_limit = 6", "counterfactual_limit = 1e300");
	a = h_assess_profile(p, huge, 1);
	assert_true(a->n_counterfactuals >= with_default);
	ac_assessment_free(a);
	ac_policy_free(huge);
	ac_profile_free(p);
}

static void counterfactuals_are_not_searched_when_switched_off(void **state)
{
	(void)state;
	ac_assessment *a = h_assess_with(NULL, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_int_equal(a->n_counterfactuals, 0);
	ac_assessment_free(a);
}

static void the_from_value_is_the_profile_answer(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
				      " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	int seen = 0;
	for (size_t i = 0; i < a->n_counterfactuals; i++) {
		const ac_counterfactual *c = &a->counterfactuals[i];
		if (strcmp(c->field, "role.leverage_test") == 0) {
			assert_string_equal(c->from_json, "\"scope\"");
			seen = 1;
		}
		if (strcmp(c->field, "industry.business_model_compressing") == 0)
			assert_string_equal(c->from_json, "null");
		assert_non_null(c->sentence);
		assert_non_null(strstr(c->sentence, ac_enum_name(AC_ENUM_VERDICT, c->verdict)));
	}
	assert_true(seen);
	ac_assessment_free(a);
}

static void a_missing_answer_says_what_it_could_change_only_when_it_could(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
				      " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	/* closes_gap: an industry compressing would change it ... */
	const ac_missing *m = h_missing(a, "industry.business_model_compressing");
	assert_non_null(m);
	assert_non_null(m->could_change);
	assert_non_null(strstr(m->could_change, "avoid"));
	/* ... whether the organisation wants credentials would not. */
	m = h_missing(a, "organization.promotion_committees_want_credentials");
	assert_non_null(m);
	assert_null(m->could_change);
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_claimed_verdict_results_from_its_change),
		cmocka_unit_test(the_example_profiles_counterfactuals_hold),
		cmocka_unit_test(the_counterfactual_limit_is_respected),
		cmocka_unit_test(counterfactuals_are_not_searched_when_switched_off),
		cmocka_unit_test(the_from_value_is_the_profile_answer),
		cmocka_unit_test(a_missing_answer_says_what_it_could_change_only_when_it_could),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
