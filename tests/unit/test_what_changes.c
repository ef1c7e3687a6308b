/*
 * test_what_changes.c — "what would change the verdict": every entry of the
 * three lists, applied to the profile and assessed again, really gives the
 * verdict it claims; actions improve the verdict by a step forward, what the
 * verdict rests on would worsen it, motives are never varied, an unanswered
 * question shows every answer, the policy's limits hold, and nothing is
 * claimed when the search is off.
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

/* The profile text with field set to the JSON value, assessed. */
static void check_one(json_t *root, const ac_policy *pol, const char *field, const char *value_json, int verdict,
		      const char *reason)
{
	assert_string_not_equal(field, "motives"); /* a reason is never adopted to obtain a verdict */
	json_t *variant = json_deep_copy(root);
	json_t *to = json_loads(value_json, JSON_DECODE_ANY, NULL);
	assert_non_null(to);
	set_path(variant, field, to);
	json_decref(to);
	char *vtext = json_dumps(variant, JSON_COMPACT);
	json_decref(variant);
	ac_profile *vp = h_parse_text(vtext);
	free(vtext);
	ac_assessment *b = h_assess_profile(vp, pol, 0);
	assert_int_equal(b->verdict, verdict);
	assert_string_equal(b->reason, reason);
	ac_assessment_free(b);
	ac_profile_free(vp);
}

/* Checks every entry of the profile text's three lists; returns how many. */
static size_t check_all(const char *text, const ac_policy *pol)
{
	ac_profile *p = h_parse_text(text);
	ac_assessment *a = h_assess_profile(p, pol, 1);
	json_t *root = json_loads(text, 0, NULL);
	assert_non_null(root);
	size_t n = 0;
	for (size_t i = 0; i < a->what_changes.n_unanswered; i++) {
		const ac_unanswered *u = &a->what_changes.unanswered[i];
		assert_non_null(h_missing(a, u->field)); /* only questions left open */
		int changes = 0;
		for (size_t k = 0; k < u->n_outcomes; k++, n++) {
			check_one(root, pol, u->field, u->outcomes[k].answer_json, u->outcomes[k].verdict, u->outcomes[k].reason);
			changes |= u->outcomes[k].verdict != a->verdict;
		}
		assert_true(changes);
	}
	for (size_t i = 0; i < a->what_changes.n_actions; i++, n++) {
		const ac_change *c = &a->what_changes.actions[i];
		check_one(root, pol, c->field, c->to.answer_json, c->to.verdict, c->to.reason);
		assert_true(c->to.verdict < a->verdict); /* better: pursue is 1, avoid 4 */
	}
	for (size_t i = 0; i < a->what_changes.n_rests_on; i++, n++) {
		const ac_change *c = &a->what_changes.rests_on[i];
		check_one(root, pol, c->field, c->to.answer_json, c->to.verdict, c->to.reason);
		assert_true(c->to.verdict > a->verdict);
		char *now = NULL;
		assert_int_equal(ac_profile_get(p, c->field, &now), AC_OK);
		assert_string_equal(now, c->from_json); /* from is the profile's own answer */
		ac_free(now);
	}
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
		" 'certification': {'name': 'C', 'maps_to_roles': ['Data engineer'], 'keywords': ['sql'], 'hours': 400},"
		" 'constraints': {'hours_per_week': 5}",
		"'motives': ['industry_shift']",
		"",
	};
	size_t total = 0;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		char *text = P(bodies[i]);
		total += check_all(text, NULL);
		free(text);
	}
	print_message("%zu entries re-run\n", total);
	assert_true(total >= 15); /* the check above is not vacuous */
}

static void the_example_profile_holds(void **state)
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

static void an_open_question_shows_every_answer(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING "}, 'ai_use': {'tested_in_role': true},"
				      " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	const ac_unanswered *u = h_unanswered(a, "role.leverage_test");
	assert_non_null(u);
	assert_int_equal(u->n_outcomes, 5); /* scope, influence, pay, headcount_cut, unsure */
	assert_int_equal(h_outcome(a, "role.leverage_test", "\"scope\""), AC_VERDICT_PURSUE);
	assert_int_equal(h_outcome(a, "role.leverage_test", "\"headcount_cut\""), AC_VERDICT_AVOID);
	assert_int_equal(h_outcome(a, "role.leverage_test", "\"pay\""), a->verdict); /* as now, and listed too */
	assert_non_null(u->question);
	assert_null(strchr(u->question, '_'));
	ac_assessment_free(a);
}

static void an_action_is_a_step_forward_never_back(void **state)
{
	(void)state;
	/* Structural exposure: not having tried AI would give a milder verdict
	 * (test_ai_first), but undoing a good step is never offered. */
	ac_assessment *a = h_assess(P("'role': {" TASKS_REPORTING ", 'leverage_test': 'headcount_cut'},"
				      " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_string_equal(a->reason, "structural_exposure");
	for (size_t i = 0; i < a->what_changes.n_actions; i++)
		assert_string_not_equal(a->what_changes.actions[i].to.answer_json, "false");
	ac_assessment_free(a);
	/* Not tested yet: trying AI is the action. */
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': false},"
		       " 'industry': {'business_model_compressing': 'no'}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	assert_int_equal(a->what_changes.n_actions, 1);
	assert_string_equal(a->what_changes.actions[0].field, "ai_use.tested_in_role");
	assert_string_equal(a->what_changes.actions[0].to.answer_json, "true");
	assert_int_equal(a->what_changes.actions[0].to.verdict, AC_VERDICT_PURSUE);
	ac_assessment_free(a);
}

static void the_limits_are_the_policys(void **state)
{
	(void)state;
	char *text = P("'role': {" TASKS_HOLDING "}");
	ac_profile *p = h_parse_text(text);
	free(text);
	ac_assessment *a = h_assess_profile(p, NULL, 1);
	size_t with_default = a->what_changes.n_unanswered;
	assert_true(with_default >= 2);
	assert_true(with_default <= 8);
	ac_assessment_free(a);

	ac_policy *one = h_policy_variant("unanswered_limit = 8", "unanswered_limit = 1");
	a = h_assess_profile(p, one, 1);
	assert_int_equal(a->what_changes.n_unanswered, 1);
	ac_assessment_free(a);
	ac_policy_free(one);

	ac_policy *none = h_policy_variant("unanswered_limit = 8", "unanswered_limit = 0");
	a = h_assess_profile(p, none, 1);
	assert_int_equal(a->what_changes.n_unanswered, 0);
	ac_assessment_free(a);
	ac_policy_free(none);
	ac_profile_free(p);
}

static void nothing_is_claimed_when_the_search_is_off(void **state)
{
	(void)state;
	ac_assessment *a = h_assess_with(NULL, P("'role': {" TASKS_HOLDING "}"), 0);
	assert_int_equal(a->what_changes.n_unanswered + a->what_changes.n_actions + a->what_changes.n_rests_on, 0);
	assert_true(a->n_missing > 0);
	for (size_t i = 0; i < a->n_missing; i++)
		assert_int_equal(a->missing[i].changes, AC_UNKNOWN); /* never "would not change the verdict" */
	ac_assessment_free(a);
}

static void a_missing_answer_says_it_could_change_only_when_it_could(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'scope'}, 'ai_use': {'tested_in_role': true},"
				      " 'motives': ['capability_gap'], 'capability_gap': 'SQL'"));
	/* closes_gap: an industry compressing would change it ... */
	const ac_missing *m = h_missing(a, "industry.business_model_compressing");
	assert_non_null(m);
	assert_int_equal(m->changes, AC_TRUE);
	assert_int_equal(h_outcome(a, "industry.business_model_compressing", "\"yes\""), AC_VERDICT_AVOID);
	/* ... whether the organisation wants credentials would not. */
	m = h_missing(a, "organization.promotion_committees_want_credentials");
	assert_non_null(m);
	assert_int_equal(m->changes, AC_FALSE);
	ac_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_claimed_verdict_results_from_its_change),
		cmocka_unit_test(the_example_profile_holds),
		cmocka_unit_test(an_open_question_shows_every_answer),
		cmocka_unit_test(an_action_is_a_step_forward_never_back),
		cmocka_unit_test(the_limits_are_the_policys),
		cmocka_unit_test(nothing_is_claimed_when_the_search_is_off),
		cmocka_unit_test(a_missing_answer_says_it_could_change_only_when_it_could),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
