/*
 * test_catalogue.c — the certificate catalogue: the built-in data is complete
 * and honest (every figure backed by the source's wording, uncertainty kept),
 * lookups and filters work, merge files add and override, bad files are
 * refused with the right JSON paths and change nothing, cost arithmetic.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "aicert.h"
#include "input/cert.h"
#include "input/words.h"

extern const char ac_embedded_catalogue[];
extern const size_t ac_embedded_catalogue_len;

#ifndef BAD_CATALOGUE_DIR
#define BAD_CATALOGUE_DIR "tests/bad/catalogue"
#endif

static ac_catalogue *load_default(void)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_catalogue *cat = NULL;
	ac_status st = ac_catalogue_default(&cat, &d);
	for (size_t i = 0; i < ac_diags_count(&d); i++) {
		const ac_diag *x = ac_diags_at(&d, i);
		fprintf(stderr, "%s: %s\n", ac_diag_path(x) ? ac_diag_path(x) : "", ac_diag_message(x));
	}
	assert_int_equal(st, AC_OK);
	assert_non_null(cat);
	ac_diags_free(&d);
	return cat;
}

static void today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int has_uncertain(const ac_cert *c, const char *key)
{
	for (size_t i = 0; i < c->n_uncertain; i++)
		if (strcmp(c->uncertain[i], key) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------ integrity */

static void builtin_catalogue_has_at_least_40_entries(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	assert_true(ac_catalogue_count(cat) >= 40);
	ac_catalogue_free(cat);
}

static void every_entry_is_complete(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		assert_non_null(c->id);
		assert_non_null(c->provider);
		assert_non_null(c->name);
		assert_true(c->level > 0);
		assert_true(c->domain > 0);
		assert_true(c->format > 0);
		assert_true(c->status > 0);
		assert_non_null(c->checked);
		assert_true(c->n_roles > 0);
		assert_true(c->n_keywords > 0);
		/* the source's wording is kept wherever a figure is given */
		if (c->cost_usd.set)
			assert_non_null(c->cost_note);
		if (c->hours.set)
			assert_non_null(c->hours_note);
	}
	ac_catalogue_free(cat);
}

/* The data file spells out every key in every entry, so an unknown value is a
 * visible null rather than a silent omission. */
static void every_entry_spells_out_every_key(void **state)
{
	(void)state;
	static const char *const keys[] = {"id", "provider", "name", "exam_code", "level", "domain", "cost_usd",
					   "cost_note", "retake_usd", "hours", "hours_note", "validity_months",
					   "never_expires", "renewal", "prerequisites", "gated", "format", "status",
					   "status_date", "roles", "keywords", "sources", "checked", "uncertain"};
	json_error_t err;
	json_t *root = json_loadb(ac_embedded_catalogue, ac_embedded_catalogue_len, 0, &err);
	assert_non_null(root);
	json_t *list = json_object_get(root, "certifications");
	assert_true(json_array_size(list) >= 40);
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *e = json_array_get(list, i);
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			if (!json_object_get(e, keys[k]))
				fail_msg("certifications[%zu] lacks %s", i, keys[k]);
		}
	}
	json_decref(root);
}

static void ids_are_unique_and_sorted(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 1; i < ac_catalogue_count(cat); i++)
		assert_true(strcmp(ac_catalogue_at(cat, i - 1)->id, ac_catalogue_at(cat, i)->id) < 0);
	ac_catalogue_free(cat);
}

static void every_entry_names_web_sources(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		assert_true(c->n_sources >= 1);
		for (size_t k = 0; k < c->n_sources; k++)
			assert_true(strncmp(c->sources[k].url, "https://", 8) == 0 ||
				    strncmp(c->sources[k].url, "http://", 7) == 0);
	}
	ac_catalogue_free(cat);
}

static void checked_dates_are_valid_and_not_in_the_future(void **state)
{
	(void)state;
	char now[11];
	today(now);
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		assert_int_equal(strlen(c->checked), 10); /* validity itself is checked on load */
		if (strcmp(c->checked, now) > 0)
			fail_msg("%s: checked %s is after today %s", c->id, c->checked, now);
	}
	ac_catalogue_free(cat);
}

/* Retired entries carry their date; a retirement date that has passed means
 * the entry must say retired, not retiring. */
static void retirements_are_dated_and_current(void **state)
{
	(void)state;
	char now[11];
	today(now);
	ac_catalogue *cat = load_default();
	size_t retired = 0;
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (c->status == AC_STATUS_RETIRED) {
			retired++;
			assert_non_null(c->status_date);
			assert_true(strcmp(c->status_date, now) <= 0);
		} else if (c->status == AC_STATUS_RETIRING) {
			assert_non_null(c->status_date);
			if (strcmp(c->status_date, now) <= 0)
				fail_msg("%s retired on %s: mark it retired", c->id, c->status_date);
		} else {
			assert_null(c->status_date);
		}
	}
	assert_true(retired >= 4); /* MLS-C01, AI-900, AI-102, DP-100 */
	ac_catalogue_free(cat);
}

/* Where the source's wording carries the reference's "(?)", the value is
 * marked uncertain, so the report can say so. */
static void uncertainty_in_the_wording_is_marked(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (c->cost_note && strstr(c->cost_note, "(?)") && !has_uncertain(c, "cost_usd"))
			fail_msg("%s: cost wording has (?) but cost_usd is not marked uncertain", c->id);
		if (c->hours_note && strstr(c->hours_note, "(?)") && !has_uncertain(c, "hours"))
			fail_msg("%s: hours wording has (?) but hours is not marked uncertain", c->id);
		if (c->renewal && strstr(c->renewal, "(?)") && !has_uncertain(c, "renewal"))
			fail_msg("%s: renewal has (?) but is not marked uncertain", c->id);
		if (c->prerequisites && strstr(c->prerequisites, "(?)") && !has_uncertain(c, "prerequisites"))
			fail_msg("%s: prerequisites have (?) but are not marked uncertain", c->id);
	}
	ac_catalogue_free(cat);
}

/* No invented prices: a figure appears in the source's wording ("$799"), or
 * the wording says it is free. */
static void every_price_appears_in_the_source_wording(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (!c->cost_usd.set)
			continue;
		char want[32];
		snprintf(want, sizeof want, "$%g", c->cost_usd.v);
		int ok = strstr(c->cost_note, want) != NULL ||
			 (c->cost_usd.v == 0 && (strstr(c->cost_note, "Free") || strstr(c->cost_note, "free")));
		if (!ok)
			fail_msg("%s: cost %g not found in \"%s\"", c->id, c->cost_usd.v, c->cost_note);
		if (c->retake_usd.set && c->retake_usd.v > 0) {
			snprintf(want, sizeof want, "$%g", c->retake_usd.v);
			assert_non_null(strstr(c->cost_note, want));
		}
	}
	ac_catalogue_free(cat);
}

static void never_expiring_entries_have_no_validity(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (c->never_expires)
			assert_false(c->validity_months.set);
	}
	ac_catalogue_free(cat);
}

/* ------------------------------------------------------------ lookups */

static void lookups_return_the_reference_facts(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	const ac_cert *c = ac_catalogue_find(cat, "aws-mla-c01");
	assert_non_null(c);
	assert_string_equal(c->exam_code, "MLA-C01");
	assert_int_equal(c->domain, AC_DOM_ML_ENGINEERING);
	assert_int_equal(c->level, AC_LVL_ASSOCIATE);
	assert_true(c->cost_usd.set && c->cost_usd.v == 150);
	assert_true(c->validity_months.set && c->validity_months.v == 36);
	assert_false(c->hours.set); /* "~1 yr experience recommended" is not study hours */
	assert_int_equal(c->status, AC_STATUS_ACTIVE);

	c = ac_catalogue_find(cat, "iapp-aigp");
	assert_non_null(c);
	assert_true(c->cost_usd.v == 799 && c->retake_usd.v == 625 && c->hours.v == 30);
	assert_string_equal(c->cost_note, "$649 member / $799 non-member; retake $475 / $625");
	assert_int_equal(c->domain, AC_DOM_AI_GOVERNANCE);

	c = ac_catalogue_find(cat, "aws-mls-c01");
	assert_non_null(c);
	assert_int_equal(c->status, AC_STATUS_RETIRED);
	assert_string_equal(c->status_date, "2026-03-31");

	c = ac_catalogue_find(cat, "ms-ai-900");
	assert_non_null(c);
	assert_true(c->never_expires);
	assert_int_equal(c->status, AC_STATUS_RETIRED);

	c = ac_catalogue_find(cat, "isaca-aaia");
	assert_non_null(c);
	assert_true(c->gated);
	assert_true(has_uncertain(c, "cost_usd"));

	c = ac_catalogue_find(cat, "pmi-cpmai");
	assert_non_null(c);
	assert_false(c->cost_usd.set); /* unknown stays unknown */

	assert_null(ac_catalogue_find(cat, "no-such-cert"));
	assert_null(ac_catalogue_find(cat, NULL));
	assert_null(ac_catalogue_find(NULL, "aws-mla-c01"));
	assert_null(ac_catalogue_at(cat, ac_catalogue_count(cat)));
	assert_int_equal(ac_catalogue_count(NULL), 0);
	ac_catalogue_free(cat);
}

/* ------------------------------------------------------------ filters */

static size_t count_matching(const ac_catalogue *cat, const ac_cert_filter *f)
{
	size_t n = 0;
	for (size_t i = 0; i < ac_catalogue_count(cat); i++)
		n += (size_t)ac_cert_matches(ac_catalogue_at(cat, i), f);
	return n;
}

static void an_empty_filter_matches_everything(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	ac_cert_filter f;
	memset(&f, 0, sizeof f);
	assert_int_equal(count_matching(cat, &f), ac_catalogue_count(cat));
	assert_int_equal(count_matching(cat, NULL), ac_catalogue_count(cat));
	ac_catalogue_free(cat);
}

static void filters_narrow_by_domain_level_provider_status(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	ac_cert_filter f;
	memset(&f, 0, sizeof f);
	f.domain = AC_DOM_AI_GOVERNANCE;
	size_t n = count_matching(cat, &f);
	assert_true(n >= 6); /* AIGP, three ISACA, SecAI+, two PECB */
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		assert_int_equal(ac_cert_matches(c, &f), c->domain == AC_DOM_AI_GOVERNANCE);
	}
	memset(&f, 0, sizeof f);
	f.provider = "aws"; /* any case, part of the name */
	assert_int_equal(count_matching(cat, &f), 5); /* four AWS + DeepLearning.AI + AWS */
	f.level = AC_LVL_ASSOCIATE;
	assert_int_equal(count_matching(cat, &f), 1);
	memset(&f, 0, sizeof f);
	f.status = AC_STATUS_RETIRED;
	assert_int_equal(count_matching(cat, &f), 4);
	ac_catalogue_free(cat);
}

static void max_cost_leaves_out_dearer_and_unknown_prices(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	ac_cert_filter f;
	memset(&f, 0, sizeof f);
	f.max_cost_usd.set = 1;
	f.max_cost_usd.v = 100;
	size_t n = 0;
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		int m = ac_cert_matches(c, &f);
		assert_int_equal(m, c->cost_usd.set && c->cost_usd.v <= 100);
		n += (size_t)m;
	}
	assert_true(n >= 5);
	assert_true(ac_cert_matches(ac_catalogue_find(cat, "aws-aif-c01"), &f)); /* exactly $100 */
	assert_false(ac_cert_matches(ac_catalogue_find(cat, "pmi-cpmai"), &f));  /* unknown */
	ac_catalogue_free(cat);
}

static void word_search_needs_every_word(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	ac_cert_filter f;
	memset(&f, 0, sizeof f);
	f.words = "  Deploying   MONITORING ";
	assert_true(ac_cert_matches(ac_catalogue_find(cat, "aws-mla-c01"), &f));
	assert_false(ac_cert_matches(ac_catalogue_find(cat, "iapp-aigp"), &f));
	f.words = "deploying zzzz";
	assert_int_equal(count_matching(cat, &f), 0);
	f.words = "MLA-C01"; /* exam code */
	assert_int_equal(count_matching(cat, &f), 1);
	f.words = "eu ai act"; /* keywords */
	assert_true(ac_cert_matches(ac_catalogue_find(cat, "iapp-aigp"), &f));
	f.words = "governance lead"; /* roles */
	assert_true(ac_cert_matches(ac_catalogue_find(cat, "iapp-aigp"), &f));
	f.words = "";
	assert_int_equal(count_matching(cat, &f), ac_catalogue_count(cat));
	ac_catalogue_free(cat);
}

/* ------------------------------------------------------------ cost arithmetic */

static void costs_follow_from_hours_pace_pay_and_validity(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	ac_num hpw = {1, 6}, pay = {1, 50}, unset = {0, 0};
	ac_cert_cost k;

	ac_cert_costs(ac_catalogue_find(cat, "iapp-aigp"), hpw, pay, &k); /* $799, 30 h, 24 months */
	assert_true(k.weeks.set && k.weeks.v == 5);
	assert_true(k.time_value_usd.set && k.time_value_usd.v == 1500);
	assert_true(k.total_cost_usd.set && k.total_cost_usd.v == 2299);
	assert_true(k.cost_per_year_usd.set && k.cost_per_year_usd.v == 399.5);
	assert_false(k.per_year_not_applicable);

	ac_cert_costs(ac_catalogue_find(cat, "stanford-ai-graduate-certificate"), hpw, pay, &k); /* 600 h, never expires */
	assert_true(k.weeks.set && k.weeks.v == 100);
	assert_true(k.time_value_usd.set && k.time_value_usd.v == 30000);
	assert_false(k.total_cost_usd.set); /* the price is unknown */
	assert_false(k.cost_per_year_usd.set);
	assert_true(k.per_year_not_applicable);

	ac_cert_costs(ac_catalogue_find(cat, "aws-mla-c01"), hpw, unset, &k); /* hours unknown */
	assert_false(k.weeks.set);
	assert_false(k.time_value_usd.set);
	assert_true(k.cost_per_year_usd.set && k.cost_per_year_usd.v == 50); /* $150 over 3 years */

	ac_num zero = {1, 0};
	ac_cert_costs(ac_catalogue_find(cat, "iapp-aigp"), zero, unset, &k);
	assert_false(k.weeks.set); /* no division by zero hours a week */
	ac_catalogue_free(cat);
}

/* ------------------------------------------------------------ merge */

static const char *hr_file =
	"{\"schema\": \"aicert/catalogue/v1\", \"certifications\": [\n"
	" {\"id\": \"acme-ai-academy\", \"provider\": \"ACME HR\", \"name\": \"ACME AI Academy\",\n"
	"  \"level\": \"course\", \"domain\": \"ai_literacy\", \"format\": \"course_completion\",\n"
	"  \"status\": \"active\", \"cost_usd\": 0, \"hours\": 12, \"never_expires\": true,\n"
	"  \"sources\": [\"https://intranet.example.com/academy\"], \"checked\": \"2026-11-01\"},\n"
	" {\"id\": \"aws-mla-c01\", \"provider\": \"AWS\", \"name\": \"MLA (company-paid)\",\n"
	"  \"level\": \"associate\", \"domain\": \"ml_engineering\", \"format\": \"proctored_exam\",\n"
	"  \"status\": \"active\", \"cost_usd\": 0, \"hours\": 60,\n"
	"  \"sources\": [\"https://intranet.example.com/mla\"], \"checked\": \"2026-11-20\"}]}\n";

static void merge_adds_and_overrides_entries(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	size_t before = ac_catalogue_count(cat);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_catalogue_merge(cat, hr_file, strlen(hr_file), "hr.json", &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_int_equal(ac_catalogue_count(cat), before + 1);
	const ac_cert *c = ac_catalogue_find(cat, "acme-ai-academy");
	assert_non_null(c);
	assert_true(c->hours.set && c->hours.v == 12);
	assert_false(c->validity_months.set);
	assert_null(c->exam_code); /* omitted optional keys stay unknown */
	c = ac_catalogue_find(cat, "aws-mla-c01");
	assert_string_equal(c->name, "MLA (company-paid)");
	assert_true(c->cost_usd.v == 0);
	assert_null(c->cost_note); /* the whole entry is replaced, not patched */
	for (size_t i = 1; i < ac_catalogue_count(cat); i++)
		assert_true(strcmp(ac_catalogue_at(cat, i - 1)->id, ac_catalogue_at(cat, i)->id) < 0);
	ac_diags_free(&d);
	ac_catalogue_free(cat);
}

static void merging_into_an_empty_catalogue_works(void **state)
{
	(void)state;
	ac_catalogue *cat = NULL;
	assert_int_equal(ac_catalogue_new(&cat), AC_OK);
	assert_int_equal(ac_catalogue_count(cat), 0);
	assert_null(ac_catalogue_find(cat, "aws-mla-c01"));
	assert_int_equal(ac_catalogue_merge(cat, hr_file, strlen(hr_file), "hr.json", NULL), AC_OK);
	assert_int_equal(ac_catalogue_count(cat), 2);
	assert_string_equal(ac_catalogue_at(cat, 0)->id, "acme-ai-academy");
	ac_catalogue_free(cat);
}

static void catalogue_versions_are_kept_and_joined(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	assert_non_null(ac_catalogue_version(cat));
	char builtin[80];
	snprintf(builtin, sizeof builtin, "%s", ac_catalogue_version(cat));
	/* A file without a version leaves it as it was. */
	assert_int_equal(ac_catalogue_merge(cat, hr_file, strlen(hr_file), "hr.json", NULL), AC_OK);
	assert_string_equal(ac_catalogue_version(cat), builtin);
	static const char versioned[] = "{\"schema\": \"aicert/catalogue/v1\", \"version\": \"hr-7\", \"certifications\": []}";
	assert_int_equal(ac_catalogue_merge(cat, versioned, strlen(versioned), "hr7.json", NULL), AC_OK);
	char want[120];
	snprintf(want, sizeof want, "%s + hr-7", builtin);
	assert_string_equal(ac_catalogue_version(cat), want);
	/* A version that is not a short text is refused, and nothing changes. */
	static const char bad[] = "{\"schema\": \"aicert/catalogue/v1\", \"version\": 7, \"certifications\": []}";
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_catalogue_merge(cat, bad, strlen(bad), "bad.json", &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "version");
	assert_string_equal(ac_catalogue_version(cat), want);
	ac_diags_free(&d);
	ac_catalogue_free(cat);
}

/* Every entry written as JSON and read back gives the same JSON. */
static void json_form_round_trips(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		char *j = ac_cert_to_json(c);
		assert_non_null(j);
		size_t len = strlen(j) + 100;
		char *file = malloc(len);
		snprintf(file, len, "{\"schema\":\"aicert/catalogue/v1\",\"certifications\":[%s]}", j);
		ac_catalogue *one = NULL;
		assert_int_equal(ac_catalogue_new(&one), AC_OK);
		assert_int_equal(ac_catalogue_merge(one, file, strlen(file), "round-trip", NULL), AC_OK);
		char *again = ac_cert_to_json(ac_catalogue_at(one, 0));
		assert_string_equal(j, again);
		ac_free(again);
		ac_free(j);
		free(file);
		ac_catalogue_free(one);
	}
	ac_catalogue_free(cat);
}

static void copy_is_deep_and_free_clears(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	const ac_cert *src = ac_catalogue_find(cat, "iapp-aigp");
	ac_cert copy;
	memset(&copy, 0, sizeof copy);
	assert_int_equal(ac_cert_copy(&copy, src), AC_OK);
	assert_ptr_not_equal(copy.id, src->id);
	assert_string_equal(copy.id, src->id);
	assert_int_equal(copy.n_keywords, src->n_keywords);
	assert_ptr_not_equal(copy.keywords, src->keywords);
	char *a = ac_cert_to_json(src), *b = ac_cert_to_json(&copy);
	assert_string_equal(a, b);
	ac_free(a);
	ac_free(b);
	ac_cert_free_fields(&copy);
	assert_null(copy.id);
	assert_int_equal(copy.n_keywords, 0);
	ac_catalogue_free(cat);
}

/* ------------------------------------------------------------ refusals */

typedef struct {
	const char *file;
	const char *path; /* a diagnostic must name this JSON path (NULL: none) */
	int line;         /* and, when not 0, this line */
} bad_case;

static const bad_case bad_cases[] = {
	{"syntax-error.json", NULL, 4},
	{"duplicate-key.json", NULL, 3},
	{"empty.json", NULL, 0},
	{"root-is-array.json", NULL, 0},
	{"wrong-schema.json", "schema", 0},
	{"unknown-top-key.json", "certs", 0},
	{"unknown-key.json", "certifications[0].price", 0},
	{"missing-required.json", "certifications[0].sources", 0},
	{"bad-enum.json", "certifications[0].domain", 0},
	{"negative-cost.json", "certifications[0].cost_usd", 0},
	{"bad-date.json", "certifications[0].checked", 0},
	{"duplicate-id.json", "certifications[1].id", 0},
	{"bad-id.json", "certifications[0].id", 0},
	{"retired-without-date.json", "certifications[0].status_date", 0},
	{"active-with-date.json", "certifications[0].status_date", 0},
	{"never-expires-with-validity.json", "certifications[0].validity_months", 0},
	{"empty-sources.json", "certifications[0].sources", 0},
	{"uncertain-unknown-key.json", "certifications[0].uncertain[0]", 0},
	{"too-many-keywords.json", "certifications[0].keywords", 0},
	{"wrong-types.json", "certifications[0].gated", 0},
	{"entry-not-object.json", "certifications[1]", 0},
	{"zero-validity.json", "certifications[0].validity_months", 0},
	{"valid-then-broken.json", "certifications[1].level", 0},
};
#define N_BAD (sizeof bad_cases / sizeof bad_cases[0])

static char *read_file(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", BAD_CATALOGUE_DIR, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* A snapshot of the whole catalogue as one string, to prove nothing changed. */
static char *snapshot(const ac_catalogue *cat)
{
	size_t cap = 1 << 20, len = 0;
	char *s = malloc(cap);
	s[0] = '\0';
	for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
		char *j = ac_cert_to_json(ac_catalogue_at(cat, i));
		size_t n = strlen(j);
		while (len + n + 2 > cap)
			s = realloc(s, cap *= 2);
		memcpy(s + len, j, n);
		len += n;
		s[len++] = '\n';
		s[len] = '\0';
		ac_free(j);
	}
	return s;
}

static void bad_catalogue_files_are_refused_naming_the_path(void **state)
{
	(void)state;
	ac_catalogue *cat = load_default();
	char *before = snapshot(cat);
	for (size_t i = 0; i < N_BAD; i++) {
		size_t len;
		char *text = read_file(bad_cases[i].file, &len);
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_catalogue_merge(cat, text, len, bad_cases[i].file, &d);
		if (st != AC_EINPUT)
			fail_msg("%s: status %d, expected AC_EINPUT", bad_cases[i].file, st);
		if (ac_diags_count(&d) == 0)
			fail_msg("%s: refused without a diagnostic", bad_cases[i].file);
		int found = bad_cases[i].path == NULL;
		for (size_t k = 0; k < ac_diags_count(&d); k++) {
			const ac_diag *x = ac_diags_at(&d, k);
			assert_string_equal(ac_diag_source(x), bad_cases[i].file);
			assert_true(strlen(ac_diag_message(x)) > 0);
			if (bad_cases[i].path && ac_diag_path(x) && strcmp(ac_diag_path(x), bad_cases[i].path) == 0)
				found = 1;
			if (bad_cases[i].line && ac_diag_line(x) != bad_cases[i].line)
				fail_msg("%s: line %d, expected %d", bad_cases[i].file, ac_diag_line(x),
					 bad_cases[i].line);
		}
		if (!found) {
			for (size_t k = 0; k < ac_diags_count(&d); k++) {
				const ac_diag *x = ac_diags_at(&d, k);
				fprintf(stderr, "  %s: %s\n", ac_diag_path(x) ? ac_diag_path(x) : "-",
					ac_diag_message(x));
			}
			fail_msg("%s: no diagnostic names %s", bad_cases[i].file, bad_cases[i].path);
		}
		/* nothing changed, not even the valid override in valid-then-broken.json */
		char *after = snapshot(cat);
		assert_string_equal(before, after);
		free(after);
		ac_diags_free(&d);
		free(text);
	}
	free(before);
	ac_catalogue_free(cat);
}

/* Every file in the bad folder is listed above, so none goes untested. */
static void every_bad_file_is_checked(void **state)
{
	(void)state;
	DIR *dir = opendir(BAD_CATALOGUE_DIR);
	assert_non_null(dir);
	struct dirent *e;
	size_t files = 0;
	while ((e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		files++;
		int listed = 0;
		for (size_t i = 0; i < N_BAD; i++)
			listed |= strcmp(bad_cases[i].file, e->d_name) == 0;
		if (!listed)
			fail_msg("%s is not in bad_cases", e->d_name);
	}
	closedir(dir);
	assert_int_equal(files, N_BAD);
}

static void messages_say_what_was_found_and_expected(void **state)
{
	(void)state;
	size_t len;
	char *text = read_file("bad-enum.json", &len);
	ac_catalogue *cat = NULL;
	ac_catalogue_new(&cat);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_catalogue_merge(cat, text, len, "x.json", &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "found \"prompt_engineering\""));
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "ai_governance"));
	ac_diags_free(&d);

	/* every problem is reported, not just the first */
	free(text);
	text = read_file("wrong-types.json", &len);
	ac_diags_init(&d);
	assert_int_equal(ac_catalogue_merge(cat, text, len, "x.json", &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 3);
	ac_diags_free(&d);

	/* hostile input: NUL bytes, huge nesting, NULL text */
	static const char nul[] = "{\"schema\":\"aicert/catalogue/v1\",\"certifications\":[\0]}";
	ac_diags_init(&d);
	assert_int_equal(ac_catalogue_merge(cat, nul, sizeof nul - 1, "nul", &d), AC_EINPUT);
	ac_diags_free(&d);
	char deep[5000];
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	assert_int_equal(ac_catalogue_merge(cat, deep, strlen(deep), "deep", NULL), AC_EINPUT);
	assert_int_equal(ac_catalogue_merge(cat, NULL, 0, "null", NULL), AC_EINPUT);
	assert_int_equal(ac_catalogue_count(cat), 0);
	free(text);
	ac_catalogue_free(cat);
}

/* Roles are packed once with only the words that tell roles apart: "Head
 * of the Data & AI team" is data, ai, team; a role of such words alone is
 * empty; a word past AC_WORD_MAX - 1 bytes is cut. */
static void role_words_are_packed_without_the_words_that_say_nothing(void **state)
{
	(void)state;
	char *p = ac_words_pack("Head of the Data & AI Team");
	assert_non_null(p);
	assert_memory_equal(p, "\x04"
			       "data"
			       "\x02"
			       "ai"
			       "\x04"
			       "team",
			    13);
	assert_int_equal(p[13], 0);
	free(p);
	p = ac_words_pack("The Lead, senior");
	assert_non_null(p);
	assert_int_equal(p[0], 0);
	free(p);
	char long_word[100];
	memset(long_word, 'x', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	p = ac_words_pack(long_word);
	assert_int_equal((unsigned char)p[0], AC_WORD_MAX - 1);
	assert_int_equal(p[1 + AC_WORD_MAX - 1], 0);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_catalogue_has_at_least_40_entries),
		cmocka_unit_test(every_entry_is_complete),
		cmocka_unit_test(every_entry_spells_out_every_key),
		cmocka_unit_test(ids_are_unique_and_sorted),
		cmocka_unit_test(every_entry_names_web_sources),
		cmocka_unit_test(checked_dates_are_valid_and_not_in_the_future),
		cmocka_unit_test(retirements_are_dated_and_current),
		cmocka_unit_test(uncertainty_in_the_wording_is_marked),
		cmocka_unit_test(every_price_appears_in_the_source_wording),
		cmocka_unit_test(never_expiring_entries_have_no_validity),
		cmocka_unit_test(lookups_return_the_reference_facts),
		cmocka_unit_test(an_empty_filter_matches_everything),
		cmocka_unit_test(filters_narrow_by_domain_level_provider_status),
		cmocka_unit_test(max_cost_leaves_out_dearer_and_unknown_prices),
		cmocka_unit_test(word_search_needs_every_word),
		cmocka_unit_test(costs_follow_from_hours_pace_pay_and_validity),
		cmocka_unit_test(merge_adds_and_overrides_entries),
		cmocka_unit_test(merging_into_an_empty_catalogue_works),
		cmocka_unit_test(catalogue_versions_are_kept_and_joined),
		cmocka_unit_test(json_form_round_trips),
		cmocka_unit_test(copy_is_deep_and_free_clears),
		cmocka_unit_test(bad_catalogue_files_are_refused_naming_the_path),
		cmocka_unit_test(every_bad_file_is_checked),
		cmocka_unit_test(messages_say_what_was_found_and_expected),
		cmocka_unit_test(role_words_are_packed_without_the_words_that_say_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
