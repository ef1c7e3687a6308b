/*
 * test_profile.c — PROFILE.md: every field is read with its meaning, null is an
 * unanswered question, bad input gets one diagnostic per problem with its JSON
 * path (line and column for syntax errors), limits hold, and a clone is equal.
 */
#include "engine_helpers.h"

#define FULL                                                                                                   \
	"{\"schema\": \"aicert/profile/v1\", \"label\": \"  Dana, FP&A analyst  \","                           \
	" \"role\": {\"title\": \"Financial analyst\", \"occupation\": \"13-2051.00\", \"kind\": \"hybrid\","   \
	"  \"tasks\": ["                                                                                       \
	"   {\"name\": \"Monthly variance report\", \"share\": 40, \"category\": \"standardized_reporting\","   \
	"    \"repeatable\": true, \"standardized_output\": false, \"benchmarkable\": true,"                    \
	"    \"needs_decision_authority\": false, \"exposure\": 0.7},"                                          \
	"   {\"name\": \"Budget reviews\", \"share\": 60, \"onet_task_id\": 8823}],"                             \
	"  \"owns_measurable_outcomes\": false, \"decision_authority\": \"separable\", \"revenue_distance\": \"far\"," \
	"  \"ladder_level\": 2, \"leverage_test\": \"headcount_cut\", \"value_basis\": \"speed\","             \
	"  \"manager\": {\"reporting_share\": 60, \"purely_supervisory\": true, \"owns_outcomes\": false},"     \
	"  \"hourly_pay_usd\": 45.5},"                                                                         \
	" \"ai_use\": {\"tested_in_role\": true, \"level\": \"experimenting\", \"widened_scope\": false},"       \
	" \"trajectory\": {\"target_role\": \"Analytics engineer\", \"expanding_into_system_design\": false,"   \
	"  \"transitioning_to_hybrid\": true},"                                                                \
	" \"organization\": {\"leadership_values_ai_literacy\": true, \"promotion_committees_want_credentials\": false," \
	"  \"politics_reward_formal_programs\": false, \"credential_sensitive_environment\": true,"            \
	"  \"leader_reading\": \"efficient_operator\", \"adoption_signals\": [\"ai_expected\", \"layers_removed\"]}," \
	" \"industry\": {\"name\": \"Retail banking\", \"business_model_compressing\": \"no\", \"shifting_to_ai\": false," \
	"  \"digital_intensity\": \"high\"},"                                                                  \
	" \"motives\": [\"capability_gap\", \"reduce_anxiety\"],"                                               \
	" \"capability_gap\": \"building data pipelines with dbt and SQL\","                                   \
	" \"certification\": {\"name\": \"My course\", \"provider\": \"Me\", \"domain\": \"data\", \"level\": \"course\"," \
	"  \"cost_usd\": 120, \"hours\": 40, \"validity_months\": 24, \"maps_to_roles\": [\"Analytics engineer\", \" Data engineer \"]," \
	"  \"keywords\": [\"dbt\"], \"recognized_by_org\": false},"                                            \
	" \"constraints\": {\"budget_usd\": 400, \"hours_per_week\": 4}}"

static void every_field_is_read_with_its_meaning(void **state)
{
	(void)state;
	ac_profile *p = h_parse_text(FULL);
	assert_string_equal(p->label, "Dana, FP&A analyst"); /* trimmed */
	assert_string_equal(p->role.title, "Financial analyst");
	assert_string_equal(p->role.occupation, "13-2051.00");
	assert_int_equal(p->role.kind, AC_KIND_HYBRID);
	assert_true(p->role.tasks_given);
	assert_int_equal(p->role.n_tasks, 2);
	const ac_task *t = p->role.tasks;
	assert_string_equal(t[0].name, "Monthly variance report");
	assert_float_equal(t[0].share, 40, 1e-9);
	assert_int_equal(t[0].category, AC_CAT_STANDARDIZED_REPORTING);
	assert_int_equal(t[0].repeatable, AC_TRUE);
	assert_int_equal(t[0].standardized_output, AC_FALSE);
	assert_int_equal(t[0].benchmarkable, AC_TRUE);
	assert_int_equal(t[0].needs_decision_authority, AC_FALSE);
	assert_true(t[0].exposure.set);
	assert_float_equal(t[0].exposure.v, 0.7, 1e-9);
	assert_int_equal(t[0].onet_task_id, 0);
	assert_int_equal(t[1].category, 0);
	assert_int_equal(t[1].onet_task_id, 8823);
	assert_int_equal(t[1].repeatable, AC_UNKNOWN);
	assert_false(t[1].exposure.set);
	assert_int_equal(p->role.owns_measurable_outcomes, AC_FALSE);
	assert_int_equal(p->role.decision_authority, AC_AUTH_SEPARABLE);
	assert_int_equal(p->role.revenue_distance, AC_REV_FAR);
	assert_int_equal(p->role.ladder_level, 2);
	assert_int_equal(p->role.leverage_test, AC_LT_HEADCOUNT_CUT);
	assert_int_equal(p->role.value_basis, AC_VB_SPEED);
	assert_true(p->role.manager_given);
	assert_float_equal(p->role.manager_reporting_share.v, 60, 1e-9);
	assert_int_equal(p->role.manager_purely_supervisory, AC_TRUE);
	assert_int_equal(p->role.manager_owns_outcomes, AC_FALSE);
	assert_float_equal(p->role.hourly_pay_usd.v, 45.5, 1e-9);
	assert_int_equal(p->ai_use.tested_in_role, AC_TRUE);
	assert_int_equal(p->ai_use.level, AC_AI_EXPERIMENTING);
	assert_int_equal(p->ai_use.widened_scope, AC_FALSE);
	assert_string_equal(p->trajectory.target_role, "Analytics engineer");
	assert_int_equal(p->trajectory.expanding_into_system_design, AC_FALSE);
	assert_int_equal(p->trajectory.transitioning_to_hybrid, AC_TRUE);
	assert_int_equal(p->organization.leadership_values_ai_literacy, AC_TRUE);
	assert_int_equal(p->organization.promotion_committees_want_credentials, AC_FALSE);
	assert_int_equal(p->organization.politics_reward_formal_programs, AC_FALSE);
	assert_int_equal(p->organization.credential_sensitive_environment, AC_TRUE);
	assert_int_equal(p->organization.leader_reading, AC_LR_EFFICIENT_OPERATOR);
	assert_true(p->organization.signals_given);
	assert_int_equal(p->organization.signals, (1u << AC_SIG_AI_EXPECTED) | (1u << AC_SIG_LAYERS_REMOVED));
	assert_string_equal(p->industry.name, "Retail banking");
	assert_int_equal(p->industry.business_model_compressing, AC_COMP_NO);
	assert_int_equal(p->industry.shifting_to_ai, AC_FALSE);
	assert_int_equal(p->industry.digital_intensity, AC_DIG_HIGH);
	assert_true(p->motives_given);
	assert_int_equal(p->motives, (1u << AC_MOT_CAPABILITY_GAP) | (1u << AC_MOT_REDUCE_ANXIETY));
	assert_string_equal(p->capability_gap, "building data pipelines with dbt and SQL");
	assert_true(p->cert_given);
	assert_null(p->cert.id);
	assert_string_equal(p->cert.name, "My course");
	assert_string_equal(p->cert.provider, "Me");
	assert_int_equal(p->cert.domain, AC_DOM_DATA);
	assert_int_equal(p->cert.level, AC_LVL_COURSE);
	assert_float_equal(p->cert.cost_usd.v, 120, 1e-9);
	assert_float_equal(p->cert.hours.v, 40, 1e-9);
	assert_float_equal(p->cert.validity_months.v, 24, 1e-9);
	assert_int_equal(p->cert.n_roles, 2);
	assert_string_equal(p->cert.roles[1], "Data engineer"); /* trimmed */
	assert_int_equal(p->cert.n_keywords, 1);
	assert_int_equal(p->cert.recognized_by_org, AC_FALSE);
	assert_float_equal(p->constraints.budget_usd.v, 400, 1e-9);
	assert_float_equal(p->constraints.hours_per_week.v, 4, 1e-9);
	ac_profile_free(p);
}

static void null_is_an_unanswered_question(void **state)
{
	(void)state;
	ac_profile *p = h_parse(P("'label': null, 'role': {'title': null, 'kind': null, 'tasks': null,"
				  " 'owns_measurable_outcomes': null, 'decision_authority': null, 'ladder_level': null,"
				  " 'leverage_test': null, 'manager': null, 'hourly_pay_usd': null},"
				  " 'ai_use': {'tested_in_role': null, 'level': null}, 'trajectory': {'target_role': null},"
				  " 'organization': {'leadership_values_ai_literacy': null, 'adoption_signals': null},"
				  " 'industry': {'business_model_compressing': null, 'shifting_to_ai': null},"
				  " 'motives': null, 'capability_gap': null, 'certification': null,"
				  " 'constraints': {'budget_usd': null, 'hours_per_week': null}"));
	assert_null(p->label);
	assert_null(p->role.title);
	assert_int_equal(p->role.kind, 0);
	assert_false(p->role.tasks_given);
	assert_int_equal(p->role.n_tasks, 0);
	assert_int_equal(p->role.owns_measurable_outcomes, AC_UNKNOWN);
	assert_int_equal(p->role.decision_authority, 0);
	assert_int_equal(p->role.ladder_level, 0);
	assert_int_equal(p->role.leverage_test, 0);
	assert_false(p->role.manager_given);
	assert_false(p->role.hourly_pay_usd.set);
	assert_int_equal(p->ai_use.tested_in_role, AC_UNKNOWN);
	assert_null(p->trajectory.target_role);
	assert_int_equal(p->organization.leadership_values_ai_literacy, AC_UNKNOWN);
	assert_false(p->organization.signals_given);
	assert_int_equal(p->industry.business_model_compressing, 0);
	assert_int_equal(p->industry.shifting_to_ai, AC_UNKNOWN);
	assert_false(p->motives_given);
	assert_null(p->capability_gap);
	assert_false(p->cert_given);
	assert_false(p->constraints.budget_usd.set);
	assert_false(p->constraints.hours_per_week.set);
	/* ... and assessing it lists them as missing. */
	ac_assessment *a = h_assess_profile(p, NULL, 1);
	assert_non_null(h_missing(a, "role.leverage_test"));
	assert_non_null(h_missing(a, "industry.shifting_to_ai"));
	ac_assessment_free(a);
	ac_profile_free(p);
}

static void an_empty_string_answers_none_and_absent_is_unknown(void **state)
{
	(void)state;
	ac_profile *p = h_parse(P("'trajectory': {'target_role': ''}, 'capability_gap': '   '"));
	assert_string_equal(p->trajectory.target_role, ""); /* an answer: none */
	assert_string_equal(p->capability_gap, "");
	ac_profile_free(p);
	p = h_parse(P("'trajectory': {}"));
	assert_null(p->trajectory.target_role); /* not answered */
	assert_null(p->capability_gap);
	ac_profile_free(p);
	/* Elsewhere an empty text is no answer at all. */
	p = h_parse(P("'role': {'title': ''}"));
	assert_null(p->role.title);
	ac_profile_free(p);
}

/* Parses text expected to be refused; returns the diagnostics. */
static ac_diags refuse(const char *text)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_profile *p = (ac_profile *)1;
	assert_int_equal(ac_profile_parse(text, strlen(text), "me.json", &p, &d), AC_EINPUT);
	assert_null(p);
	assert_true(ac_diags_count(&d) >= 1);
	return d;
}

static void a_syntax_error_has_its_line_and_column(void **state)
{
	(void)state;
	ac_diags d = refuse("{\n  \"schema\": \"aicert/profile/v1\",\n  \"label\": tru\n}");
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), 3);
	assert_true(ac_diag_column(ac_diags_at(&d, 0)) > 0);
	assert_null(ac_diag_path(ac_diags_at(&d, 0)));
	assert_string_equal(ac_diag_source(ac_diags_at(&d, 0)), "me.json");
	char *s = ac_diag_format(ac_diags_at(&d, 0));
	assert_non_null(strstr(s, "me.json:3:"));
	ac_free(s);
	ac_diags_free(&d);
}

static void each_problem_has_its_own_diagnostic_with_its_path(void **state)
{
	(void)state;
	char *text = P("'role': {'kind': 'boss', 'tasks': [{'name': 'A', 'share': 50, 'category': 'coordination'},"
		       " {'name': 'B', 'share': 0, 'category': 'coordination'}, {'share': 10, 'category': 'nope'}]},"
		       " 'ai_use': {'tested_in_role': 'yes'}, 'extra': 1");
	ac_diags d = refuse(text);
	free(text);
	static const char *const paths[] = {"role.kind", "role.tasks[1].share", "role.tasks[2].category",
					    "role.tasks[2].name", "ai_use.tested_in_role", "extra"};
	assert_int_equal(ac_diags_count(&d), sizeof paths / sizeof paths[0]);
	for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
		int found = 0;
		for (size_t i = 0; i < ac_diags_count(&d); i++) {
			const char *path = ac_diag_path(ac_diags_at(&d, i));
			found |= path && strcmp(path, paths[k]) == 0;
		}
		print_message("%s\n", paths[k]);
		assert_true(found);
	}
	for (size_t i = 0; i < ac_diags_count(&d); i++) {
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, i)), "found "));
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, i)), "expected "));
	}
	ac_diags_free(&d);
}

static void a_required_task_field_given_as_null_is_refused(void **state)
{
	(void)state;
	char *text = P("'role': {'tasks': [{'name': null, 'share': 50, 'category': 'coordination'},"
		       " {'name': 'B', 'share': null, 'category': 'coordination'}, {'name': 'C', 'share': 5, 'category': null}]}");
	ac_diags d = refuse(text);
	free(text);
	assert_int_equal(ac_diags_count(&d), 3);
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "role.tasks[0].name");
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 1)), "role.tasks[1].share");
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 2)), "role.tasks[2].category");
	ac_diags_free(&d);
}

static void the_task_count_limit_is_two_hundred(void **state)
{
	(void)state;
	for (int n = AC_MAX_TASKS; n <= AC_MAX_TASKS + 1; n++) {
		size_t cap = (size_t)n * 64 + 128;
		char *text = malloc(cap);
		assert_non_null(text);
		size_t len = (size_t)snprintf(text, cap, "{\"schema\": \"aicert/profile/v1\", \"role\": {\"tasks\": [");
		for (int i = 0; i < n; i++)
			len += (size_t)snprintf(text + len, cap - len, "%s{\"name\": \"t%d\", \"share\": 1, \"category\": \"coordination\"}",
						i ? "," : "", i);
		snprintf(text + len, cap - len, "]}}");
		if (n == AC_MAX_TASKS) {
			ac_profile *p = h_parse_text(text);
			assert_int_equal(p->role.n_tasks, AC_MAX_TASKS);
			ac_profile_free(p);
		} else {
			ac_diags d = refuse(text);
			assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "role.tasks");
			assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "201"));
			ac_diags_free(&d);
		}
		free(text);
	}
}

static void the_string_limit_is_4096_bytes(void **state)
{
	(void)state;
	char *text = malloc(AC_MAX_STRING + 128);
	assert_non_null(text);
	for (int extra = 0; extra <= 1; extra++) {
		int n = snprintf(text, 64, "{\"schema\": \"aicert/profile/v1\", \"label\": \"");
		memset(text + n, 'x', AC_MAX_STRING + (size_t)extra);
		strcpy(text + n + AC_MAX_STRING + extra, "\"}");
		if (!extra) {
			ac_profile *p = h_parse_text(text);
			assert_int_equal(strlen(p->label), AC_MAX_STRING);
			ac_profile_free(p);
		} else {
			ac_diags d = refuse(text);
			assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "label");
			ac_diags_free(&d);
		}
	}
	free(text);
}

static void a_profile_over_one_mebibyte_is_refused_before_parsing(void **state)
{
	(void)state;
	size_t n = AC_MAX_PROFILE_BYTES + 1;
	char *text = malloc(n);
	assert_non_null(text);
	memset(text, ' ', n);
	text[0] = '{';
	text[n - 1] = '}';
	ac_diags d;
	ac_diags_init(&d);
	ac_profile *p = NULL;
	assert_int_equal(ac_profile_parse(text, n, "big.json", &p, &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "1 MiB"));
	ac_diags_free(&d);
	free(text);
}

static void a_motive_or_signal_given_twice_is_refused(void **state)
{
	(void)state;
	char *text = P("'motives': ['capability_gap', 'capability_gap'],"
		       " 'organization': {'adoption_signals': ['ai_expected', 'ai_expected']}");
	ac_diags d = refuse(text);
	free(text);
	assert_int_equal(ac_diags_count(&d), 2);
	int motives = 0, signals = 0;
	for (size_t i = 0; i < ac_diags_count(&d); i++) {
		motives += strcmp(ac_diag_path(ac_diags_at(&d, i)), "motives[1]") == 0;
		signals += strcmp(ac_diag_path(ac_diags_at(&d, i)), "organization.adoption_signals[1]") == 0;
	}
	assert_int_equal(motives, 1);
	assert_int_equal(signals, 1);
	ac_diags_free(&d);
}

static void a_clone_equals_the_original(void **state)
{
	(void)state;
	ac_profile *p = h_parse_text(FULL);
	ac_profile *c = ac_profile_clone(p);
	assert_non_null(c);
	assert_ptr_not_equal(c->label, p->label);
	assert_string_equal(c->label, p->label);
	assert_string_equal(c->role.title, p->role.title);
	assert_string_equal(c->role.occupation, p->role.occupation);
	assert_int_equal(c->role.n_tasks, p->role.n_tasks);
	assert_ptr_not_equal(c->role.tasks, p->role.tasks);
	for (size_t i = 0; i < p->role.n_tasks; i++) {
		assert_string_equal(c->role.tasks[i].name, p->role.tasks[i].name);
		assert_ptr_not_equal(c->role.tasks[i].name, p->role.tasks[i].name);
		assert_float_equal(c->role.tasks[i].share, p->role.tasks[i].share, 0);
		assert_int_equal(c->role.tasks[i].category, p->role.tasks[i].category);
		assert_int_equal(c->role.tasks[i].repeatable, p->role.tasks[i].repeatable);
	}
	assert_string_equal(c->trajectory.target_role, p->trajectory.target_role);
	assert_string_equal(c->industry.name, p->industry.name);
	assert_string_equal(c->capability_gap, p->capability_gap);
	assert_string_equal(c->cert.name, p->cert.name);
	assert_int_equal(c->cert.n_roles, p->cert.n_roles);
	assert_ptr_not_equal(c->cert.roles, p->cert.roles);
	assert_string_equal(c->cert.roles[0], p->cert.roles[0]);
	assert_int_equal(c->motives, p->motives);
	assert_int_equal(c->organization.signals, p->organization.signals);
	assert_float_equal(c->constraints.budget_usd.v, p->constraints.budget_usd.v, 0);

	/* The clone lives on its own and assesses the same (without the
	 * O*NET task, which needs occupation data). */
	ac_profile_free(p);
	assert_string_equal(c->label, "Dana, FP&A analyst");
	assert_string_equal(c->cert.roles[1], "Data engineer");
	ac_profile_free(c);

	char *text = P("'role': {" TASKS_REPORTING ", 'leverage_test': 'pay'}, 'motives': ['capability_gap'], 'capability_gap': 'SQL'");
	p = h_parse(text);
	c = ac_profile_clone(p);
	ac_assessment *a = h_assess_profile(p, NULL, 1), *b = h_assess_profile(c, NULL, 1);
	char *ja = h_render_json(a), *jb = h_render_json(b);
	assert_string_equal(ja, jb);
	ac_free(ja);
	ac_free(jb);
	ac_assessment_free(a);
	ac_assessment_free(b);
	ac_profile_free(p);
	ac_profile_free(c);
}

/* Bytes the library asked for while a profile was read, and a cap past which
 * it is refused (so that a reader gone wrong fails the test, not the machine). */
static size_t asked;
#define ASK_CAP ((size_t)256 << 20)

static void *counting_malloc(size_t n)
{
	asked += n;
	return asked > ASK_CAP ? NULL : malloc(n);
}

static void *counting_realloc(void *p, size_t n)
{
	asked += n;
	return asked > ASK_CAP ? NULL : realloc(p, n);
}

/* Each string with an escape is decoded into room the size of its own
 * written text, not of the rest of the profile: a profile just under 1 MiB
 * of 150,000 such strings asks for a few times its size, not gigabytes. */
static void reading_takes_memory_in_proportion_to_the_text(void **state)
{
	(void)state;
	static const char head[] = "{\"schema\": \"aicert/profile/v1\", \"x\": [\"\\na\"";
	static const char item[] = ",\"\\na\"";
	size_t count = 150000, n = strlen(head) + (count - 1) * strlen(item) + 2;
	char *text = malloc(n + 1), *at = text;
	assert_non_null(text);
	at += sprintf(at, "%s", head);
	for (size_t i = 1; i < count; i++)
		at += sprintf(at, "%s", item);
	at += sprintf(at, "]}");
	assert_int_equal((size_t)(at - text), n);
	assert_true(n < AC_MAX_PROFILE_BYTES);
	assert_int_equal(ac_set_allocator(counting_malloc, counting_realloc, free), AC_OK);
	asked = 0;
	ac_diags d;
	ac_diags_init(&d);
	ac_profile *p = NULL;
	ac_status st = ac_profile_parse(text, n, "escapes.json", &p, &d);
	size_t used = asked;
	assert_int_equal(ac_set_allocator(malloc, realloc, free), AC_OK);
	assert_int_equal(st, AC_EINPUT); /* x is not a field */
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "x");
	assert_true(used < 16 * n);
	ac_diags_free(&d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_field_is_read_with_its_meaning),
		cmocka_unit_test(null_is_an_unanswered_question),
		cmocka_unit_test(an_empty_string_answers_none_and_absent_is_unknown),
		cmocka_unit_test(a_syntax_error_has_its_line_and_column),
		cmocka_unit_test(each_problem_has_its_own_diagnostic_with_its_path),
		cmocka_unit_test(a_required_task_field_given_as_null_is_refused),
		cmocka_unit_test(the_task_count_limit_is_two_hundred),
		cmocka_unit_test(the_string_limit_is_4096_bytes),
		cmocka_unit_test(a_profile_over_one_mebibyte_is_refused_before_parsing),
		cmocka_unit_test(reading_takes_memory_in_proportion_to_the_text),
		cmocka_unit_test(a_motive_or_signal_given_twice_is_refused),
		cmocka_unit_test(a_clone_equals_the_original),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
