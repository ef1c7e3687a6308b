/*
 * engine_helpers.h — shared by the engine's unit tests: write a profile as
 * compact JSON text, assess it with the default policy and catalogue, and look
 * things up in the result.  Included by one test file per executable.
 *
 * Profiles are written with single quotes, which P() turns into double quotes
 * and wraps with the schema line:  P("'role': {'leverage_test': 'scope'}").
 */
#ifndef ENGINE_HELPERS_H
#define ENGINE_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "aicert.h"
#include "model/assessment.h"

static ac_policy *h_pol;
static ac_catalogue *h_cat;

/* Every assessment of the unit tests is made on one date, so a certificate's
 * availability never depends on the day the tests run. */
#define H_AS_OF "2026-11-29"

/* Group setup: the default policy and catalogue, loaded once per executable. */
static inline int h_setup(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	int ok = ac_policy_default(&h_pol, &d) == AC_OK && ac_catalogue_default(&h_cat, &d) == AC_OK;
	for (size_t i = 0; i < ac_diags_count(&d); i++)
		fprintf(stderr, "setup: %s\n", ac_diag_message(ac_diags_at(&d, i)));
	ac_diags_free(&d);
	return ok ? 0 : -1;
}

static inline int h_teardown(void **state)
{
	(void)state;
	ac_policy_free(h_pol);
	ac_catalogue_free(h_cat);
	h_pol = NULL;
	h_cat = NULL;
	return 0;
}

/* A profile's JSON text from the single-quoted body (freed with free()). */
static inline char *h_json(const char *body)
{
	const char *head = "{'schema': 'aicert/profile/v2'";
	size_t n = strlen(head) + strlen(body) + 4;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%s%s%s}", head, *body ? ", " : "", body);
	for (char *c = s; *c; c++)
		if (*c == '\'')
			*c = '"';
	return s;
}
#define P(body) h_json(body)

/* Parses a profile the test expects to be valid; prints the diagnostics if not. */
static inline ac_profile *h_parse_text(const char *json)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_profile *p = NULL;
	ac_status st = ac_profile_parse(json, strlen(json), "test", &p, &d);
	for (size_t i = 0; i < ac_diags_count(&d); i++) {
		char *m = ac_diag_format(ac_diags_at(&d, i));
		print_error("%s\n", m ? m : ac_diag_message(ac_diags_at(&d, i)));
		ac_free(m);
	}
	ac_diags_free(&d);
	assert_int_equal(st, AC_OK);
	assert_non_null(p);
	return p;
}

/* Takes the text from P(). */
static inline ac_profile *h_parse(char *json)
{
	ac_profile *p = h_parse_text(json);
	free(json);
	return p;
}

static inline ac_assessment *h_assess_profile(const ac_profile *p, const ac_policy *pol, int counterfactuals)
{
	ac_context ctx = {pol ? pol : h_pol, h_cat, NULL, counterfactuals, H_AS_OF, NULL};
	ac_diags d;
	ac_diags_init(&d);
	ac_assessment *a = NULL;
	ac_status st = ac_assess(p, &ctx, &a, &d);
	for (size_t i = 0; i < ac_diags_count(&d); i++)
		print_error("%s\n", ac_diag_message(ac_diags_at(&d, i)));
	ac_diags_free(&d);
	assert_int_equal(st, AC_OK);
	assert_non_null(a);
	return a;
}

/* Assesses the profile text from P() with the given policy (NULL: default). */
static inline ac_assessment *h_assess_with(const ac_policy *pol, char *json, int counterfactuals)
{
	ac_profile *p = h_parse(json);
	ac_assessment *a = h_assess_profile(p, pol, counterfactuals);
	ac_profile_free(p);
	return a;
}

/* The usual case: default policy, with the counterfactual search. */
static inline ac_assessment *h_assess(char *json)
{
	return h_assess_with(NULL, json, 1);
}

static inline int h_has_flag(const ac_assessment *a, const char *flag)
{
	for (size_t i = 0; i < a->n_flags; i++)
		if (strcmp(a->flags[i], flag) == 0)
			return 1;
	return 0;
}

/* The fired rule with this id, or NULL when it did not fire. */
static inline const ac_rule_fired *h_rule(const ac_assessment *a, const char *id)
{
	for (size_t i = 0; i < a->n_rules; i++)
		if (strcmp(a->rules[i].id, id) == 0)
			return &a->rules[i];
	return NULL;
}

static inline const ac_missing *h_missing(const ac_assessment *a, const char *field)
{
	for (size_t i = 0; i < a->n_missing; i++)
		if (strcmp(a->missing[i].field, field) == 0)
			return &a->missing[i];
	return NULL;
}

/* The open question at field in what_changes, or NULL. */
static inline const ac_unanswered *h_unanswered(const ac_assessment *a, const char *field)
{
	for (size_t i = 0; i < a->what_changes.n_unanswered; i++)
		if (strcmp(a->what_changes.unanswered[i].field, field) == 0)
			return &a->what_changes.unanswered[i];
	return NULL;
}

/* The verdict an open question's answer (as JSON text) gives, or 0. */
static inline int h_outcome(const ac_assessment *a, const char *field, const char *answer_json)
{
	const ac_unanswered *u = h_unanswered(a, field);
	for (size_t i = 0; u && i < u->n_outcomes; i++)
		if (strcmp(u->outcomes[i].answer_json, answer_json) == 0)
			return u->outcomes[i].verdict;
	return 0;
}

static inline int h_has_warning(const ac_assessment *a, const char *part)
{
	for (size_t i = 0; i < a->n_warnings; i++)
		if (strstr(a->warnings[i], part))
			return 1;
	return 0;
}

static inline int h_motive_in(unsigned set, int motive)
{
	return (set & (1u << motive)) != 0;
}

/* The assessment as JSON text (freed with ac_free). */
static inline char *h_render_json(const ac_assessment *a)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(ac_render(a, AC_FORMAT_JSON, &out, &len), AC_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

/* A policy made from the default text with one replacement (old must occur). */
static inline ac_policy *h_policy_variant(const char *old, const char *new_text)
{
	const char *base = ac_policy_default_text();
	const char *at = strstr(base, old);
	assert_non_null(at);
	size_t n = strlen(base) - strlen(old) + strlen(new_text) + 1;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "%.*s%s%s", (int)(at - base), base, new_text, at + strlen(old));
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *pol = NULL;
	ac_status st = ac_policy_parse(text, strlen(text), "variant", &pol, &d);
	for (size_t i = 0; i < ac_diags_count(&d); i++)
		print_error("line %d: %s\n", ac_diag_line(ac_diags_at(&d, i)), ac_diag_message(ac_diags_at(&d, i)));
	ac_diags_free(&d);
	free(text);
	assert_int_equal(st, AC_OK);
	return pol;
}

/* Task lists used across tests (single-quoted JSON). */
/* Design holds: judgment, client work and code; no repeatable work. */
#define TASKS_HOLDING                                                                        \
	"'tasks': [{'name': 'Decisions', 'share': 40, 'category': 'judgment_decisions'},    \
	           {'name': 'Clients', 'share': 30, 'category': 'client_relationship'},     \
	           {'name': 'Code', 'share': 30, 'category': 'software_development'}]"
/* Structurally exposed: all of it repeatable, standard and benchmarkable. */
#define TASKS_REPORTING                                                                      \
	"'tasks': [{'name': 'KPI pack', 'share': 50, 'category': 'standardized_reporting'}, \
	           {'name': 'Letters', 'share': 30, 'category': 'document_drafting'},       \
	           {'name': 'Pulls', 'share': 20, 'category': 'structured_data_analysis'}]"

#endif
