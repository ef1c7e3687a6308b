/*
 * test_certificate.c — FRAMEWORK.md section 8: gap fit (through the
 * certificate's keywords, or its domain's words when it has none), role fit, weeks at the person's pace,
 * the time valued at their pay, the budget, availability on the assessment's
 * date, and an unknown catalogue id.
 */
#include "engine_helpers.h"
#include "model/fit.h"

/* A person on an ownership-expanding path who names a gap; rest adds the
 * certificate and constraints. */
static ac_assessment *learner(const char *rest)
{
	char body[2048];
	snprintf(body, sizeof body, "'role': {'title': 'Data analyst', " TASKS_HOLDING ", 'leverage_test': 'scope'},"
		 " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], %s", rest);
	return h_assess_with(NULL, P(body), 1);
}

static int matched(const ac_assessment *a, const char *word)
{
	for (size_t i = 0; i < a->certification.n_gap_matched; i++)
		if (strcmp(a->certification.gap_matched[i], word) == 0)
			return 1;
	return 0;
}

static void a_certificate_keyword_in_the_gap_is_a_gap_fit(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'modelling data with dbt',"
				   " 'certification': {'name': 'dbt course', 'keywords': ['dbt', 'jinja']}");
	assert_true(a->certification.present);
	assert_int_equal(a->certification.gap_fit, AC_TRUE);
	assert_true(matched(a, "dbt"));
	assert_false(matched(a, "jinja"));
	assert_string_equal(a->reason, "closes_gap");
	assert_int_equal(a->questions[0].ok, AC_TRUE);
	ac_assessment_free(a);
}

static void a_domain_keyword_in_the_gap_is_a_gap_fit(void **state)
{
	(void)state;
	/* No keywords of its own: the ml_engineering domain's words decide. */
	ac_assessment *a = learner("'capability_gap': 'model deployment and monitoring',"
				   " 'certification': {'name': 'ML course', 'domain': 'ml_engineering'}");
	assert_int_equal(a->certification.gap_fit, AC_TRUE);
	assert_true(matched(a, "deployment"));
	ac_assessment_free(a);
	/* A certificate with keywords of its own is judged by them alone. */
	a = learner("'capability_gap': 'model deployment and monitoring',"
		    " 'certification': {'name': 'ML course', 'domain': 'ml_engineering', 'keywords': ['sql']}");
	assert_int_equal(a->certification.gap_fit, AC_FALSE);
	ac_assessment_free(a);
}

static void keywords_match_whole_words_ignoring_case(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'Prompting with ChatGPT', 'certification': {'name': 'C',"
				   " 'keywords': ['chatgpt']}");
	assert_int_equal(a->certification.gap_fit, AC_TRUE);
	ac_assessment_free(a);
	/* "sql" is not a word of "nosql". */
	a = learner("'capability_gap': 'nosql stores', 'certification': {'name': 'C', 'keywords': ['sql']}");
	assert_int_equal(a->certification.gap_fit, AC_FALSE);
	ac_assessment_free(a);
}

static void a_certificate_that_misses_the_gap_does_not_close_it(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'negotiating vendor contracts',"
				   " 'certification': {'name': 'SQL course', 'domain': 'data', 'keywords': ['sql']}");
	assert_int_equal(a->certification.gap_fit, AC_FALSE);
	assert_int_equal(a->certification.n_gap_matched, 0);
	assert_null(h_rule(a, "closes_gap"));
	assert_int_equal(a->questions[0].ok, AC_FALSE);
	ac_assessment_free(a);
}

static void gap_fit_is_unknown_for_a_certificate_without_keywords_or_domain(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL', 'certification': {'name': 'Mystery course'}");
	assert_int_equal(a->certification.gap_fit, AC_UNKNOWN);
	/* A pursue rule needs a named certificate that certainly fits, and a
	 * mismatch one that certainly misses: an unknown fit gives neither. */
	assert_null(h_rule(a, "closes_gap"));
	assert_null(h_rule(a, "certificate_mismatch"));
	assert_string_equal(a->reason, "no_defined_leverage");
	assert_int_equal(a->trajectory_defined.met, AC_UNKNOWN);
	ac_assessment_free(a);
}

static void role_fit_compares_with_the_target_role(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL', 'trajectory': {'target_role': 'Senior data engineer'},"
				   " 'certification': {'name': 'C', 'maps_to_roles': ['Data engineer', 'Analytics engineer']}");
	assert_int_equal(a->certification.role_fit, AC_TRUE);
	assert_string_equal(a->certification.role_matched, "Data engineer");
	ac_assessment_free(a);

	a = learner("'capability_gap': 'SQL', 'trajectory': {'target_role': 'Product manager'},"
		    " 'certification': {'name': 'C', 'maps_to_roles': ['Data engineer']}");
	assert_int_equal(a->certification.role_fit, AC_FALSE);
	assert_null(a->certification.role_matched);
	ac_assessment_free(a);
}

static void without_a_target_role_fit_compares_with_the_current_title(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL', 'certification': {'name': 'C', 'maps_to_roles': ['Data analyst']}");
	assert_int_equal(a->certification.role_fit, AC_TRUE);
	ac_assessment_free(a);
	a = learner("'capability_gap': 'SQL', 'certification': {'name': 'C'}");
	assert_int_equal(a->certification.role_fit, AC_UNKNOWN);
	ac_assessment_free(a);
}

/* The learner with certification.id = id, assessed on as_of. */
static ac_assessment *on_date(const char *id, const char *hours, const char *as_of)
{
	char body[1024];
	snprintf(body, sizeof body, "'role': {'title': 'Data analyst', " TASKS_HOLDING ", 'leverage_test': 'scope'},"
		 " 'ai_use': {'tested_in_role': true}, 'motives': ['capability_gap'], 'capability_gap': 'machine learning',"
		 " 'certification': {'id': '%s', 'hours': %s}, 'constraints': {'hours_per_week': 5}", id, hours);
	ac_profile *p = h_parse(P(body));
	ac_context ctx = {h_pol, h_cat, NULL, 0, as_of, NULL};
	ac_assessment *a = NULL;
	assert_int_equal(ac_assess(p, &ctx, &a, NULL), AC_OK);
	ac_profile_free(p);
	return a;
}

static void availability_is_judged_on_the_assessments_date(void **state)
{
	(void)state;
	/* aws-mls-c01 retires on 2026-03-31. */
	ac_assessment *a = on_date("aws-mls-c01", "40", "2026-03-31");
	assert_string_equal(a->reason, "certificate_retired"); /* retired on the day itself */
	assert_string_equal(a->as_of, "2026-03-31");
	assert_int_equal(a->timing_appropriate.met, AC_FALSE);
	ac_assessment_free(a);
	a = on_date("aws-mls-c01", "40", "2026-03-30");
	assert_string_equal(a->reason, "timing"); /* a day left, eight weeks of study */
	assert_true(h_has_flag(a, "certificate_retiring"));
	ac_assessment_free(a);
	a = on_date("aws-mls-c01", "40", "2026-01-01");
	assert_string_equal(a->reason, "closes_gap"); /* finished on 2026-02-26, before it retires */
	assert_true(h_has_flag(a, "certificate_retiring"));
	ac_assessment_free(a);
	a = on_date("aws-mls-c01", "40", "2025-01-01");
	assert_false(h_has_flag(a, "certificate_retiring")); /* more than a year ahead */
	ac_assessment_free(a);
	/* A date that is not one is refused, naming it. */
	ac_profile *p = h_parse(P("'role': {" TASKS_HOLDING "}"));
	ac_context ctx = {h_pol, h_cat, NULL, 0, "2026-02-30", NULL};
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_assess(p, &ctx, &a, &d), AC_EINPUT);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "2026-02-30"));
	ac_diags_free(&d);
	ac_profile_free(p);
}

static void a_certificate_that_misses_the_target_does_not_enable_the_transition(void **state)
{
	(void)state;
	ac_assessment *a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'}, 'ai_use': {'tested_in_role': true},"
				      " 'motives': ['role_transition'], 'trajectory': {'target_role': 'Product manager'},"
				      " 'certification': {'name': 'C', 'maps_to_roles': ['Security analyst']}"));
	assert_null(h_rule(a, "enables_transition"));
	assert_string_equal(a->reason, "certificate_mismatch"); /* the direction is right, the certificate is not */
	ac_assessment_free(a);
	a = h_assess(P("'role': {" TASKS_HOLDING ", 'leverage_test': 'pay'}, 'ai_use': {'tested_in_role': true},"
		       " 'motives': ['role_transition'], 'trajectory': {'target_role': 'Product manager'},"
		       " 'certification': {'name': 'C', 'maps_to_roles': ['Product manager']}"));
	assert_string_equal(a->reason, "enables_transition");
	ac_assessment_free(a);
}

static void weeks_and_time_value_follow_the_person_pace_and_pay(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL', 'certification': {'name': 'C', 'cost_usd': 200, 'hours': 90},"
				   " 'constraints': {'hours_per_week': 6, 'budget_usd': 500}");
	assert_true(a->certification.weeks.set);
	assert_float_equal(a->certification.weeks.v, 15, 1e-9);
	assert_false(a->certification.time_value_usd.set); /* no hourly pay given */
	assert_non_null(h_missing(a, "role.hourly_pay_usd"));
	ac_assessment_free(a);

	a = h_assess(P("'role': {" TASKS_HOLDING ", 'hourly_pay_usd': 40}, 'certification': {'name': 'C', 'cost_usd': 200,"
		       " 'hours': 90}, 'constraints': {'hours_per_week': 6}"));
	assert_float_equal(a->certification.time_value_usd.v, 3600, 1e-9);
	assert_true(a->certification.total_cost_usd.set);
	assert_float_equal(a->certification.total_cost_usd.v, 3800, 1e-9);
	ac_assessment_free(a);
}

static void a_catalogue_certificate_above_the_budget_is_flagged(void **state)
{
	(void)state;
	const ac_cert *c = ac_catalogue_find(h_cat, "aws-mla-c01");
	assert_non_null(c);
	assert_true(c->cost_usd.set);
	char rest[256];
	snprintf(rest, sizeof rest, "'capability_gap': 'deploying models', 'certification': {'id': 'aws-mla-c01'},"
		 " 'constraints': {'budget_usd': %.2f}", c->cost_usd.v - 1);
	ac_assessment *a = learner(rest);
	assert_true(a->certification.from_catalogue);
	assert_string_equal(a->certification.cert.id, "aws-mla-c01");
	assert_int_equal(a->certification.within_budget, AC_FALSE);
	assert_true(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);

	/* Exactly the budget is within it. */
	snprintf(rest, sizeof rest, "'capability_gap': 'deploying models', 'certification': {'id': 'aws-mla-c01'},"
		 " 'constraints': {'budget_usd': %.2f}", c->cost_usd.v);
	a = learner(rest);
	assert_int_equal(a->certification.within_budget, AC_TRUE);
	assert_false(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);

	/* No budget given: unknown, and no flag. */
	a = learner("'capability_gap': 'deploying models', 'certification': {'id': 'aws-mla-c01'}");
	assert_int_equal(a->certification.within_budget, AC_UNKNOWN);
	assert_false(h_has_flag(a, "over_budget"));
	ac_assessment_free(a);
}

static void the_profile_overrides_catalogue_fields(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL', 'certification': {'id': 'aws-mla-c01', 'cost_usd': 1,"
				   " 'recognized_by_org': true}, 'constraints': {'budget_usd': 10}");
	assert_float_equal(a->certification.cert.cost_usd.v, 1, 1e-9);
	assert_int_equal(a->certification.recognized, AC_TRUE);
	assert_int_equal(a->certification.within_budget, AC_TRUE);
	ac_assessment_free(a);
}

static void a_retired_certificate_carries_a_warning(void **state)
{
	(void)state;
	const ac_cert *retired = NULL;
	for (size_t i = 0; i < ac_catalogue_count(h_cat) && !retired; i++)
		if (ac_catalogue_at(h_cat, i)->status == AC_STATUS_RETIRED)
			retired = ac_catalogue_at(h_cat, i);
	if (!retired)
		skip(); /* the catalogue lists no retired certificate */
	char rest[256];
	snprintf(rest, sizeof rest, "'capability_gap': 'SQL', 'certification': {'id': '%s'}", retired->id);
	ac_assessment *a = learner(rest);
	int warned = 0;
	for (size_t i = 0; i < a->certification.n_warnings; i++)
		warned |= strstr(a->certification.warnings[i], "retired") != NULL;
	assert_true(warned);
	ac_assessment_free(a);
}

static void an_unknown_certificate_id_is_refused(void **state)
{
	(void)state;
	ac_profile *p = h_parse(P("'role': {" TASKS_HOLDING "}, 'certification': {'id': 'no-such-cert'}"));
	ac_context ctx = {h_pol, h_cat, NULL, 1, H_AS_OF, NULL};
	ac_diags d;
	ac_diags_init(&d);
	ac_assessment *a = (ac_assessment *)1;
	assert_int_equal(ac_assess(p, &ctx, &a, &d), AC_ENOTFOUND);
	assert_null(a);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "certification.id");
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "no-such-cert"));
	ac_diags_free(&d);

	/* Without a catalogue no id can be resolved. */
	ac_context bare = {h_pol, NULL, NULL, 0, H_AS_OF, NULL};
	ac_diags_init(&d);
	assert_int_equal(ac_assess(p, &bare, &a, &d), AC_ENOTFOUND);
	ac_diags_free(&d);
	ac_profile_free(p);
}

static void without_a_named_certificate_there_is_no_certificate_section(void **state)
{
	(void)state;
	ac_assessment *a = learner("'capability_gap': 'SQL'");
	assert_false(a->certification.present);
	assert_string_equal(a->reason, "closes_gap");
	ac_assessment_free(a);
}

static void same_fit(const ac_fit *a, const ac_fit *b, const char *what, const char *cert)
{
	if (a->fits != b->fits || a->score.set != b->score.set || (a->score.set && a->score.v != b->score.v) ||
	    a->off_level != b->off_level || a->off_domain != b->off_domain || a->n_matched != b->n_matched)
		fail_msg("%s fit of %s: %d %d %.17g %zu from the memo, %d %d %.17g %zu term by term", what, cert,
			 a->fits, a->score.set, a->score.v, a->n_matched, b->fits, b->score.set, b->score.v,
			 b->n_matched);
	for (size_t i = 0; i < a->n_matched; i++)
		assert_string_equal(a->matched[i], b->matched[i]);
}

/* A catalogue certificate's fits scored from the memo's weighed terms and
 * the catalogue's packed role words (as compare and the what-if search
 * score them) are the fits, scores, evidence and matched role scored term
 * by term, for every entry of the catalogue and gaps and roles that name
 * its words, their synonyms and none. */
static void fits_scored_from_the_memo_are_the_fits_scored_term_by_term(void **state)
{
	(void)state;
	static const char *const gaps[] = {"modelling data with dbt", "machine learning models on aws",
					   "prompt engineering and evaluation of llm apps", "governance and risk of AI",
					   "sql", "nothing any entry teaches", "the of and"};
	static const char *const roles[] = {"Analytics engineer", "ML engineer", "Senior data scientist",
					    "Product manager", "Head of the solutions architects", "Chief AI officer",
					    "Shepherd", "The lead"};
	size_t n_gaps = sizeof gaps / sizeof gaps[0], n_roles = sizeof roles / sizeof roles[0];
	size_t compared = 0;
	/* One memo across every profile, as a what-if search keeps it while the
	 * gap, the target role and the person change and come back; and a
	 * certificate of the profile's own, which the catalogue does not hold. */
	ac_fit_memo across = {0};
	ac_cert own = *ac_catalogue_at(h_cat, 0);
	char *own_roles[] = {"Data scientist", "ML engineer"};
	char *own_keywords[] = {"machine learning", "sagemaker", "dbt", "evaluation"};
	own.keywords = own_keywords; /* not the entry's: scored term by term */
	own.n_keywords = 4;
	own.roles = own_roles;
	own.n_roles = 2;
	ac_fit_memo_own(&across, &own);
	assert_true(own.domain != 0);
	/* Passes 2 and 3: the own certificate names no keywords, so that it
	 * teaches its domain's words, and another role (the memo keeps the
	 * terms of both for it, and forgets them when it is made the own
	 * again). */
	char *other_own_roles[] = {"Analytics engineer"};
	for (size_t pass = 0; pass < 4; pass++) {
	if (pass == 2) {
		own.n_keywords = 0;
		own.roles = other_own_roles;
		own.n_roles = 1;
		ac_fit_memo_own(&across, &own);
	}
	for (size_t g = 0; g < n_gaps; g++)
		for (size_t r = 0; r < n_roles; r++) {
			char body[512];
			snprintf(body, sizeof body,
				 "'role': {'title': 'Data analyst', 'ladder_level': %zu}, 'capability_gap': '%s',"
				 " 'trajectory': {'target_role': '%s'}",
				 1 + (g + r + 2 * pass) % 5, gaps[g], roles[r]);
			ac_profile *p = h_parse(P(body));
			ac_person who;
			ac_person_of(p, NULL, h_pol, &who);
			/* Another gap and target role, scored between two entries with
			 * the memo the search keeps. */
			snprintf(body, sizeof body, "'capability_gap': '%s', 'trajectory': {'target_role': '%s'}",
				 gaps[(g + 1) % n_gaps], roles[(r + 1) % n_roles]);
			ac_profile *other = h_parse(P(body));
			snprintf(body, sizeof body, "'capability_gap': '%s', 'trajectory': {'target_role': '%s'}",
				 gaps[(g + 1) % n_gaps], roles[r]);
			ac_profile *other_gap = h_parse(P(body)); /* the same target role */
			ac_fit_memo memo = {0}; /* kept across the catalogue, as compare keeps it */
			for (size_t i = 0; i < ac_catalogue_count(h_cat); i++) {
				const ac_cert *c = ac_catalogue_at(h_cat, i);
				ac_fit quick = {0}, slow = {0};
				const char *quick_role = NULL, *slow_role = NULL;
				assert_int_equal(ac_gap_fit(h_pol, h_cat, c, p->capability_gap, &who, &memo, &quick), AC_OK);
				assert_int_equal(ac_gap_fit(h_pol, h_cat, c, p->capability_gap, &who, NULL, &slow), AC_OK);
				same_fit(&quick, &slow, "gap", c->id);
				ac_tri gap = slow.fits, role, tri_gap, tri_role;
				ac_fit_free(&quick);
				ac_fit_free(&slow);
				assert_int_equal(ac_role_fit(h_pol, h_cat, c, p, &who, &memo, &quick, &quick_role), AC_OK);
				assert_int_equal(ac_role_fit(h_pol, h_cat, c, p, &who, NULL, &slow, &slow_role), AC_OK);
				same_fit(&quick, &slow, "role", c->id);
				assert_true(quick_role == slow_role);
				role = slow.fits;
				ac_fit_free(&quick);
				ac_fit_free(&slow);
				/* And the what-if search's way, which keeps no evidence. */
				ac_fit_memo fresh = {0};
				assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, c, p, &who, &fresh, &tri_gap, &tri_role), AC_OK);
				ac_fit_memo_free(&fresh);
				assert_int_equal(tri_gap, gap);
				assert_int_equal(tri_role, role);
				if (i % 2) {
					assert_int_equal(ac_gap_fit(h_pol, h_cat, c, other->capability_gap, &who, &across, &quick),
							 AC_OK);
					ac_fit_free(&quick);
					assert_int_equal(ac_role_fit(h_pol, h_cat, c, other, &who, &across, &quick, NULL), AC_OK);
					ac_fit_free(&quick);
				}
				assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, c, p, &who, &across, &tri_gap, &tri_role), AC_OK);
				assert_int_equal(tri_gap, gap);
				assert_int_equal(tri_role, role);
				compared++;
			}
			ac_tri own_gap, own_role, kept_gap, kept_role;
			ac_fit_memo none = {0};
			assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, p, &who, &none, &own_gap, &own_role), AC_OK);
			ac_fit_memo_free(&none);
			assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, p, &who, &across, &kept_gap, &kept_role), AC_OK);
			assert_int_equal(kept_gap, own_gap);
			assert_int_equal(kept_role, own_role);
			assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, other_gap, &who, &none, &own_gap, &own_role),
					 AC_OK);
			ac_fit_memo_free(&none);
			assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, other_gap, &who, &across, &kept_gap, &kept_role),
					 AC_OK);
			assert_int_equal(kept_gap, own_gap);
			assert_int_equal(kept_role, own_role);
			for (int level = 1; level <= 5; level++) /* the same texts, other persons */
				for (int tech = AC_UNKNOWN; tech <= AC_TRUE; tech++) {
					ac_person other_who = who;
					other_who.level = level;
					other_who.technical = (ac_tri)tech;
					assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, p, &other_who, &none, &own_gap,
									  &own_role),
							 AC_OK);
					ac_fit_memo_free(&none);
					assert_int_equal(ac_cert_fit_tris(h_pol, h_cat, &own, p, &other_who, &across, &kept_gap,
									  &kept_role),
							 AC_OK);
					assert_int_equal(kept_gap, own_gap);
					assert_int_equal(kept_role, own_role);
				}
			ac_fit_memo_free(&memo);
			ac_profile_free(p);
			ac_profile_free(other);
			ac_profile_free(other_gap);
		}
	}
	ac_fit_memo_free(&across);
	assert_true(compared >= 2 * 40 * n_gaps * n_roles);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_certificate_keyword_in_the_gap_is_a_gap_fit),
		cmocka_unit_test(a_domain_keyword_in_the_gap_is_a_gap_fit),
		cmocka_unit_test(keywords_match_whole_words_ignoring_case),
		cmocka_unit_test(a_certificate_that_misses_the_gap_does_not_close_it),
		cmocka_unit_test(gap_fit_is_unknown_for_a_certificate_without_keywords_or_domain),
		cmocka_unit_test(role_fit_compares_with_the_target_role),
		cmocka_unit_test(without_a_target_role_fit_compares_with_the_current_title),
		cmocka_unit_test(a_certificate_that_misses_the_target_does_not_enable_the_transition),
		cmocka_unit_test(weeks_and_time_value_follow_the_person_pace_and_pay),
		cmocka_unit_test(a_catalogue_certificate_above_the_budget_is_flagged),
		cmocka_unit_test(the_profile_overrides_catalogue_fields),
		cmocka_unit_test(a_retired_certificate_carries_a_warning),
		cmocka_unit_test(availability_is_judged_on_the_assessments_date),
		cmocka_unit_test(an_unknown_certificate_id_is_refused),
		cmocka_unit_test(without_a_named_certificate_there_is_no_certificate_section),
		cmocka_unit_test(fits_scored_from_the_memo_are_the_fits_scored_term_by_term),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
