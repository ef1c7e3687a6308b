/*
 * ask.c — asking one question: whether it applies to the answers so far (its
 * `when` conditions), what a person's typed answer means as the JSON value
 * of its field, and whether any answer to it could still change the verdict
 * (the engine re-run with each choice set in a copy of the profile, the way
 * what_changes finds the answers that move a verdict).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "core/diag.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "questionnaire/questionnaire.h"

/* The answer's text as a condition compares it: a string's value, true or
 * false, a whole number. */
static int same_value(const json_t *v, const char *name)
{
	char buf[32];
	if (json_is_string(v))
		return strcmp(json_string_value(v), name) == 0;
	if (json_is_boolean(v))
		return strcmp(json_is_true(v) ? "true" : "false", name) == 0;
	if (json_is_integer(v)) {
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
		return strcmp(buf, name) == 0;
	}
	return 0;
}

static int holds(const ac_qn_when *w, const ac_profile *p)
{
	char *text = NULL;
	if (ac_profile_get(p, w->field, &text) != AC_OK)
		return 0;
	int answered = strcmp(text, "null") != 0;
	int match = 0;
	if (answered && (w->op == AC_QN_WHEN_IS || w->op == AC_QN_WHEN_NOT)) {
		json_error_t jerr;
		ac_status jst;
		json_t *v = ac_json_load(text, strlen(text), JSON_DECODE_ANY, &jerr, &jst);
		for (size_t i = 0; v && i < w->n_values && !match; i++) {
			if (json_is_array(v)) {
				size_t k;
				json_t *e;
				json_array_foreach(v, k, e) match |= same_value(e, w->values[i]);
			} else
				match = same_value(v, w->values[i]);
		}
		json_decref(v);
	}
	ac_free(text);
	switch (w->op) {
	case AC_QN_WHEN_IS: return match;
	case AC_QN_WHEN_NOT: return !match;
	case AC_QN_WHEN_ANSWERED: return answered;
	case AC_QN_WHEN_UNANSWERED: return !answered;
	}
	return 0;
}

int ac_question_applies(const ac_qn_question *q, const ac_profile *p)
{
	for (size_t i = 0; q && i < q->n_when; i++)
		if (!holds(&q->when[i], p))
			return 0;
	return q != NULL;
}

/* The status after a refusal was added: AC_EINPUT, or what adding it met. */
static ac_status said(ac_status added)
{
	return added == AC_OK ? AC_EINPUT : added;
}

/* The choice a word stands for: its number, its value, or the start of
 * exactly one label (yes and no for true and false); NULL when none. */
static const ac_qn_choice *pick(const ac_qn_question *q, const char *w)
{
	char *end;
	errno = 0;
	long k = strtol(w, &end, 10);
	if (!errno && *w && !*end)
		return k >= 1 && (size_t)k <= q->n_choices ? &q->choices[k - 1] : NULL;
	for (size_t i = 0; i < q->n_choices; i++)
		if (strcasecmp(q->choices[i].value, w) == 0)
			return &q->choices[i];
	const char *alias = strcasecmp(w, "y") == 0 || strcasecmp(w, "yes") == 0  ? "true"
			    : strcasecmp(w, "n") == 0 || strcasecmp(w, "no") == 0 ? "false"
										  : NULL;
	const ac_qn_choice *found = NULL;
	size_t n = strlen(w);
	for (size_t i = 0; i < q->n_choices; i++) {
		if (alias && strcmp(q->choices[i].value, alias) == 0)
			return &q->choices[i];
		if (n >= 2 && strncasecmp(q->choices[i].label, w, n) == 0) {
			if (found)
				return NULL; /* ambiguous */
			found = &q->choices[i];
		}
	}
	return found;
}

static ac_status many(const ac_qn_question *q, const char *typed, char **json, ac_diags *d)
{
	strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "[");
	if (strcasecmp(typed, "none") != 0) {
		int chosen[64] = {0};
		char word[128];
		const char *s = typed;
		while (*s) {
			s += strspn(s, " ,");
			size_t n = strcspn(s, " ,");
			if (!n)
				break;
			if (n >= sizeof word) {
				sb_free(&sb);
				return said(
					ac_diags_add(d, NULL, NULL, 0, 0, "'%.40s...' is not one of the choices", s));
			}
			memcpy(word, s, n);
			word[n] = '\0';
			s += n;
			const ac_qn_choice *c = pick(q, word);
			if (!c) {
				sb_free(&sb);
				return said(ac_diags_add(d, NULL, NULL, 0, 0,
							 "'%s' is not one of the choices: type their numbers from 1 to "
							 "%zu, separated by spaces, or none",
							 word, q->n_choices));
			}
			size_t i = (size_t)(c - q->choices);
			if (i < 64)
				chosen[i] = 1;
		}
		int first = 1;
		for (size_t i = 0; i < q->n_choices && i < 64; i++)
			if (chosen[i]) {
				sb_printf(&sb, "%s%s", first ? "" : ", ", q->choices[i].json);
				first = 0;
			}
	}
	sb_puts(&sb, "]");
	*json = sb_take(&sb, NULL);
	return *json ? AC_OK : ac_diags_oom(d, NULL, "reading an answer");
}

static ac_status number(const ac_qn_question *q, const char *typed, char **json, ac_diags *d)
{
	const ac_field *f = ac_qn_field(q);
	char *end;
	errno = 0;
	double x = strtod(typed, &end);
	while (*end == ' ' || *end == '%' || *end == '$')
		end++;
	int whole = ac_field_value_type(f) == AC_FIELD_INTEGER;
	if (errno || end == typed || *end || !isfinite(x) || x < ac_field_min(f) || x > ac_field_max(f) ||
	    (ac_field_min_exclusive(f) && x == ac_field_min(f)) || (whole && x != floor(x)))
		return said(ac_diags_add(d, NULL, NULL, 0, 0, "'%s' is not %s %s %.15g %s %.15g", typed,
					 whole ? "a whole number" : "a number",
					 ac_field_min_exclusive(f) ? "greater than" : "from", ac_field_min(f),
					 ac_field_min_exclusive(f) ? "and at most" : "to", ac_field_max(f)));
	*json = ac_strdup_printf("%.15g", x);
	return *json ? AC_OK : ac_diags_oom(d, NULL, "reading an answer");
}

static ac_status text(const char *typed, char **json, ac_diags *d)
{
	json_t *s = json_string(strcasecmp(typed, "none") == 0 ? "" : typed);
	if (!s)
		return said(ac_diags_add(d, NULL, NULL, 0, 0, "the answer is not valid UTF-8 text"));
	*json = ac_json_text(s, JSON_ENCODE_ANY, NULL); /* malloc'd: freed with ac_free like every string handed out */
	json_decref(s);
	return *json ? AC_OK : ac_diags_oom(d, NULL, "reading an answer");
}

ac_status ac_question_parse_answer(const ac_qn_question *q, const char *typed, char **json, ac_diags *d)
{
	*json = NULL;
	char buf[AC_MAX_STRING + 1];
	while (*typed == ' ' || *typed == '\t')
		typed++;
	size_t n = strlen(typed);
	if (n > AC_MAX_STRING)
		return said(ac_diags_add(d, NULL, NULL, 0, 0, "the answer is longer than %d bytes", AC_MAX_STRING));
	memcpy(buf, typed, n + 1);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\r' || buf[n - 1] == '\n'))
		buf[--n] = '\0';
	switch (q->kind) {
	case AC_QN_ONE: {
		const ac_qn_choice *c = pick(q, buf);
		if (!c) {
			return said(ac_diags_add(d, NULL, NULL, 0, 0,
						 "'%s' is not one of the choices: type a number from 1 to %zu", buf,
						 q->n_choices));
		}
		*json = ac_strdup_printf("%s", c->json);
		return *json ? AC_OK : ac_diags_oom(d, NULL, "reading an answer");
	}
	case AC_QN_MANY: return many(q, buf, json, d);
	case AC_QN_NUMBER: return number(q, buf, json, d);
	case AC_QN_TEXT:
	case AC_QN_TITLE: return text(buf, json, d);
	default:
		return said(ac_diags_add(d, NULL, NULL, 0, 0, "this question is answered in steps, not in one answer"));
	}
}

/* Every answer worth trying: each choice (for a list, each alone and none),
 * else the questionnaire's `try` values. */
static size_t candidates(const ac_qn_question *q, const char **out, char **made, size_t max)
{
	size_t n = 0;
	if (q->kind == AC_QN_MANY) {
		out[n++] = "[]";
		for (size_t i = 0; i < q->n_choices && n < max; i++) {
			made[n] = ac_strdup_printf("[%s]", q->choices[i].json);
			out[n] = made[n];
			if (out[n])
				n++;
		}
		return n;
	}
	for (size_t i = 0; i < q->n_choices && n < max; i++)
		out[n++] = q->choices[i].json;
	for (size_t i = 0; i < q->n_tries && n < max; i++)
		out[n++] = q->tries[i];
	return n;
}

ac_status ac_session_question_could_change(ac_session *s, const ac_qn_question *q, const ac_profile *p,
					   const char *as_of, int *could, ac_diags *diags)
{
	*could = 0;
	if (q->within || q->kind >= AC_QN_TITLE)
		return AC_OK;
	ac_assess_options o;
	ac_assess_options_init(&o);
	o.counterfactuals = 0;
	o.as_of = as_of;
	ac_assessment *a = NULL;
	ac_status st = ac_session_assess(s, p, &o, &a, diags);
	if (st != AC_OK)
		return st;
	int base = ac_assessment_verdict(a);
	ac_assessment_free(a);
	const char *cand[130];
	char *made[130] = {0};
	size_t n = candidates(q, cand, made, sizeof cand / sizeof cand[0]);
	for (size_t i = 0; i < n && !*could && st == AC_OK; i++) {
		ac_profile *c = ac_profile_clone(p);
		if (!c) {
			st = ac_diags_oom(diags, NULL, "trying an answer");
			break;
		}
		ac_diags quiet;
		ac_diags_init(&quiet);
		if (ac_profile_set(c, q->field, cand[i], &quiet) == AC_OK) {
			ac_status as = ac_session_assess(s, c, &o, &a, &quiet);
			if (as == AC_OK)
				*could = ac_assessment_verdict(a) != base;
			else if (as == AC_ENOMEM)
				st = ac_diags_oom(diags, NULL, "trying an answer");
			ac_assessment_free(a);
			a = NULL;
		}
		ac_diags_free(&quiet);
		ac_profile_free(c);
	}
	for (size_t i = 0; i < n; i++)
		ac_free(made[i]);
	return st;
}
