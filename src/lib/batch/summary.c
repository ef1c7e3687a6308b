/*
 * summary.c — the team summary of a batch run, gathered record by record by
 * the writer: counts and figures only, in memory that does not grow with the
 * input (the lists of failed records and of people are cut at a fixed
 * length).  Free text a person wrote is kept only with include_labels.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "batch/summary.h"
#include "core/diag.h"

void ac_batch_summary_free(ac_batch_summary *s)
{
	if (!s)
		return;
	free(s->policy_name);
	free(s->policy_version);
	for (size_t i = 0; i < s->n_reasons; i++)
		free(s->reasons[i].id);
	free(s->reasons);
	free(s->missing);
	for (size_t i = 0; i < s->n_failures; i++) {
		for (size_t k = 0; k < s->failures[i].n; k++) {
			free(s->failures[i].where[k]);
			free(s->failures[i].what[k]);
		}
	}
	free(s->failures);
	for (size_t i = 0; i < s->n_people; i++) {
		free(s->people[i].label);
		free(s->people[i].title);
		free(s->people[i].reason);
	}
	free(s->people);
	free(s);
}

ac_status ac_batch_summary_new(int include_labels, ac_batch_summary **out)
{
	ac_batch_summary *s = calloc(1, sizeof *s);
	*out = NULL;
	if (!s)
		return AC_ENOMEM;
	s->include_labels = include_labels;
	s->missing = calloc(ac_schema_count(), sizeof *s->missing);
	s->failures = calloc(SUMMARY_MAX_FAILURES, sizeof *s->failures);
	if (include_labels)
		s->people = calloc(SUMMARY_MAX_PEOPLE, sizeof *s->people);
	if (!s->missing || !s->failures || (include_labels && !s->people)) {
		ac_batch_summary_free(s);
		return AC_ENOMEM;
	}
	*out = s;
	return AC_OK;
}

int batch_summary_labels(const ac_batch_summary *s)
{
	return s->include_labels;
}

int batch_summary_policy(ac_batch_summary *s, const char *name, const char *version)
{
	free(s->policy_name);
	free(s->policy_version);
	s->policy_name = name ? strdup(name) : NULL;
	s->policy_version = version ? strdup(version) : NULL;
	return (name && !s->policy_name) || (version && !s->policy_version) ? -1 : 0;
}

/* ------------------------------------------------------------ assessed records */

static int count_reason(ac_batch_summary *s, const char *id, int verdict)
{
	for (size_t i = 0; i < s->n_reasons; i++)
		if (strcmp(s->reasons[i].id, id) == 0 && s->reasons[i].verdict == verdict) {
			s->reasons[i].n++;
			return 0;
		}
	if (s->n_reasons == SUMMARY_MAX_REASONS) {
		s->other_reasons++;
		return 0;
	}
	if (s->n_reasons == s->cap_reasons) {
		size_t cap = s->cap_reasons ? s->cap_reasons * 2 : 16;
		void *grown = realloc(s->reasons, cap * sizeof *s->reasons);
		if (!grown)
			return -1;
		s->reasons = grown;
		s->cap_reasons = cap;
	}
	char *copy = strdup(id);
	if (!copy)
		return -1;
	s->reasons[s->n_reasons++] = (summary_reason){copy, verdict, 1};
	return 0;
}

static void count_missing(ac_batch_summary *s, const ac_assessment *a)
{
	for (size_t i = 0; i < ac_assessment_missing_count(a); i++) {
		const char *path = ac_assessment_missing(a, i);
		for (size_t k = 0; k < ac_schema_count(); k++)
			if (strcmp(ac_field_path(ac_schema_at(k)), path) == 0) {
				s->missing[k]++;
				break;
			}
	}
}

/* The text of a JSON string answer ("null" and others: NULL), newly made. */
static char *answer_text(const char *json)
{
	if (!json)
		return NULL;
	json_t *v = json_loads(json, JSON_DECODE_ANY, NULL);
	char *s = json_is_string(v) ? strdup(json_string_value(v)) : NULL;
	json_decref(v);
	return s;
}

static int add_person(ac_batch_summary *s, const batch_facts *f, int verdict, const char *reason)
{
	if (s->n_people == SUMMARY_MAX_PEOPLE) {
		s->more_people++;
		return 0;
	}
	summary_person *p = &s->people[s->n_people++];
	p->line = f->line;
	p->verdict = verdict;
	const char *label = f->a ? ac_assessment_label(f->a) : NULL;
	p->label = label ? strdup(label) : NULL;
	p->title = answer_text(f->title);
	p->reason = reason ? strdup(reason) : NULL;
	return (reason && !p->reason) || (label && !p->label) ? -1 : 0;
}

/* ------------------------------------------------------------ failed records */

/* A problem's text for a report read by others: a value the person typed
 * (a quoted text, or the input around a JSON syntax error) is left out. */
static char *withheld(const char *msg)
{
	static const char near[] = " near '";
	const char *found, *expected;
	size_t n;
	if (ac_diag_found_expected(msg, &found, &n, &expected) && memchr(found, '"', n))
		return ac_strdup_printf("found a text answer (not shown), expected %s", expected);
	const char *at = strstr(msg, near);
	if (at)
		return ac_strdup_printf("%.*s (the text there is not shown)", (int)(at - msg), msg);
	return strdup(msg);
}

static int add_failure(ac_batch_summary *s, const batch_facts *f)
{
	if (s->n_failures == SUMMARY_MAX_FAILURES) {
		s->more_failures++;
		return 0;
	}
	summary_failure *x = &s->failures[s->n_failures++];
	x->line = f->line;
	x->more = f->problems->count > SUMMARY_MAX_PROBLEMS ? f->problems->count - SUMMARY_MAX_PROBLEMS : 0;
	for (size_t i = 0; i < f->problems->count && i < SUMMARY_MAX_PROBLEMS; i++) {
		const ac_diag *d = &f->problems->items[i];
		char where[160];
		if (f->groups)
			csv_column_name(d->path, f->groups, f->n_groups, where, sizeof where);
		else
			snprintf(where, sizeof where, "%s", d->path ? d->path : "");
		x->where[i] = strdup(where);
		x->what[i] = s->include_labels ? strdup(d->message) : withheld(d->message);
		x->n = i + 1;
		if (!x->where[i] || !x->what[i])
			return -1;
	}
	return 0;
}

int batch_summary_add(ac_batch_summary *s, const batch_facts *f)
{
	s->records++;
	if (f->failed) {
		s->failed++;
		return add_failure(s, f);
	}
	const ac_assessment *a = f->a;
	int verdict = ac_assessment_verdict(a);
	s->assessed++;
	if (verdict >= 1 && verdict <= 4)
		s->by_verdict[verdict]++;
	int klass = ac_assessment_exposure_class(a);
	s->by_class[klass >= 1 && klass <= 3 ? klass : 0]++;
	if (klass) {
		double x = ac_assessment_exposure_score(a);
		int bin = x >= 1 ? SUMMARY_BINS - 1 : x <= 0 ? 0 : (int)(x * SUMMARY_BINS);
		s->bins[bin]++;
		s->score_sum += x;
	}
	int score = 0, path = ac_assessment_alternative(a, 0, &score);
	if (path >= 1 && path <= AC_PATH__COUNT) {
		s->top_path[path]++;
		s->top_score[path] += (unsigned long long)score;
	}
	count_missing(s, a);
	const char *reason = ac_assessment_reason(a);
	if (count_reason(s, reason ? reason : "", verdict) != 0)
		return -1;
	return s->include_labels ? add_person(s, f, verdict, reason) : 0;
}
