/*
 * diff.c — why a verdict moved between two saved assessments.  Causes are
 * told apart the way one would by hand: re-run the engine on the old profile
 * under its own policy with today's catalogue and data (what the data or the
 * catalogue did), then under the new policy (what the policy did), then with
 * the new answers, and with each changed answer alone (what each answer
 * did).  Policies are re-created from the texts the history keeps.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/diag.h"
#include "history/diff.h"

void outcome_free(outcome *o)
{
	free(o->why);
	free(o->verdict);
	free(o->reason);
	free(o->cert_status);
	free(o->as_of);
	memset(o, 0, sizeof *o);
}

int outcome_moved(const outcome *x, const outcome *y)
{
	if (!x->ok || !y->ok)
		return x->ok != y->ok ? MOVED_FAILED : 0;
	int m = 0;
	if (strcmp(x->verdict, y->verdict) != 0)
		m |= MOVED_VERDICT;
	if (strcmp(x->reason, y->reason) != 0)
		m |= MOVED_REASON;
	if (x->klass != y->klass || fabs(x->score - y->score) >= 0.00005)
		m |= MOVED_EXPOSURE;
	return m;
}

const char *hist_diff_date_a(const hist_diff *d)
{
	return d->saved_a.as_of ? d->saved_a.as_of : d->a.as_of;
}

const char *hist_diff_date_b(const hist_diff *d)
{
	return d->saved_b.as_of ? d->saved_b.as_of : d->b.as_of;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static double round4(double x)
{
	return round(x * 10000) / 10000;
}

/* The outcome a saved assessment document records. */
static int saved_outcome(const char *json, outcome *o)
{
	memset(o, 0, sizeof *o);
	json_t *doc = json_loads(json, 0, NULL);
	if (!doc) {
		o->why = strdup("the saved assessment cannot be read");
		return 0;
	}
	json_t *exposure = json_object_get(doc, "exposure"), *cert = json_object_get(doc, "certification");
	const char *klass = json_string_value(json_object_get(exposure, "class"));
	o->ok = 1;
	o->verdict = dup_or_null(json_string_value(json_object_get(doc, "verdict")));
	o->reason = dup_or_null(json_string_value(json_object_get(doc, "reason")));
	o->klass = klass ? ac_enum_value(AC_ENUM_CLASS, klass) : 0;
	o->score = round4(json_number_value(json_object_get(exposure, "score")));
	o->cert_status = dup_or_null(json_string_value(json_object_get(cert, "status")));
	o->as_of = dup_or_null(json_string_value(json_object_get(doc, "as_of")));
	json_decref(doc);
	if (!o->verdict || !o->reason) {
		outcome_free(o);
		o->why = strdup("the saved assessment has no verdict");
	}
	return o->ok;
}

/* Assesses p with session s into o; AC_OK also when the profile could not
 * be assessed (o->ok 0, o->why says why); other statuses stop the diff. */
static ac_status assess(ac_session *s, const ac_profile *p, const char *as_of, outcome *o)
{
	memset(o, 0, sizeof *o);
	ac_assess_options opt;
	ac_assess_options_init(&opt);
	opt.as_of = as_of;
	opt.counterfactuals = 0; /* only the verdict and the exposure are compared */
	ac_diags d;
	ac_diags_init(&d);
	ac_assessment *a = NULL;
	ac_status st = ac_session_assess(s, p, &opt, &a, &d);
	if (st == AC_OK) {
		o->ok = 1;
		o->verdict = dup_or_null(ac_enum_name(AC_ENUM_VERDICT, ac_assessment_verdict(a)));
		o->reason = dup_or_null(ac_assessment_reason(a));
		o->klass = ac_assessment_exposure_class(a);
		o->score = round4(ac_assessment_exposure_score(a));
		if (!o->verdict || !o->reason)
			st = AC_ENOMEM;
	} else if (st == AC_EINPUT || st == AC_ENOTFOUND || st == AC_ENODATA) {
		char *msg = d.count ? ac_diag_format(&d.items[0]) : NULL;
		o->why = msg ? msg : strdup(ac_strerror(st));
		st = o->why ? AC_OK : AC_ENOMEM;
	}
	ac_assessment_free(a);
	ac_diags_free(&d);
	return st;
}

/* A session like env with the policy text of record r (NULL when the
 * history does not have it: *s stays NULL). */
static ac_status session_for(const hist_record *r, const ac_session_options *env, ac_session **s, ac_diags *diags)
{
	*s = NULL;
	if (!r->policy_text)
		return AC_OK;
	ac_session_options o;
	ac_session_options_init(&o);
	if (env) {
		o.catalogue_text = env->catalogue_text;
		o.catalogue_len = env->catalogue_len;
		o.catalogue_source = env->catalogue_source;
		o.data_path = env->data_path;
		o.no_data = env->no_data;
	}
	char source[64];
	snprintf(source, sizeof source, "the policy of #%lld", r->id);
	o.policy_text = r->policy_text;
	o.policy_len = strlen(r->policy_text);
	o.policy_source = source;
	return ac_session_new(&o, s, diags);
}

/* ------------------------------------------------------------ the answers */

/* A field one answers as a whole: a value, a list, or the task mix. */
static int is_answer(const ac_field *f)
{
	const char *path = ac_field_path(f);
	return ac_field_value_type(f) != AC_FIELD_OBJECT && !strstr(path, "[]") && strcmp(path, "schema") != 0 &&
	       strcmp(path, "label") != 0;
}

static ac_status one_answer(hist_diff *d, ac_session *s, const ac_profile *old, const ac_field *f, char *from, char *to,
			    const char *as_of)
{
	answer_change *c = &d->answers[d->n_answers++];
	memset(c, 0, sizeof *c);
	c->field = f;
	c->from = from;
	c->to = to;
	ac_profile *p = ac_profile_clone(old);
	if (!p)
		return AC_ENOMEM;
	ac_diags quiet;
	ac_diags_init(&quiet);
	ac_status st = ac_profile_set(p, ac_field_path(f), to, &quiet);
	ac_diags_free(&quiet);
	if (st == AC_OK) {
		c->tried = 1;
		st = assess(s, p, as_of, &c->alone);
	} else if (st == AC_EINPUT) {
		st = AC_OK; /* valid only together with other changes */
	}
	ac_profile_free(p);
	return st;
}

static ac_status answers(hist_diff *d, ac_session *s, const ac_profile *old, const ac_profile *new, const char *as_of)
{
	d->answers = calloc(ac_schema_count(), sizeof *d->answers);
	if (!d->answers)
		return AC_ENOMEM;
	ac_status st = AC_OK;
	for (size_t i = 0; st == AC_OK && i < ac_schema_count(); i++) {
		const ac_field *f = ac_schema_at(i);
		const char *path = ac_field_path(f);
		char *from = NULL, *to = NULL;
		if (!is_answer(f))
			continue;
		if ((st = ac_profile_get(old, path, &from)) == AC_OK &&
		    (st = ac_profile_get(new, path, &to)) == AC_OK && strcmp(from, to) != 0) {
			st = one_answer(d, s, old, f, from, to, as_of);
			continue;
		}
		ac_free(from);
		ac_free(to);
	}
	return st;
}

/* ------------------------------------------------------------ the diff */

void hist_diff_free(hist_diff *d)
{
	hist_record_free(&d->a);
	hist_record_free(&d->b);
	outcome *all[] = {&d->saved_a, &d->saved_b, &d->old_then, &d->old_new_policy, &d->old_new_date, &d->new_now};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		outcome_free(all[i]);
	for (size_t i = 0; i < d->n_answers; i++) {
		ac_free(d->answers[i].from);
		ac_free(d->answers[i].to);
		outcome_free(&d->answers[i].alone);
	}
	free(d->answers);
	free(d->catalogue_now);
	free(d->data_now);
	free(d->aicert_now);
}

static ac_status parse_profile(const hist_record *r, ac_profile **p, ac_diags *diags)
{
	char source[64];
	snprintf(source, sizeof source, "the profile of #%lld", r->id);
	return ac_profile_parse(r->profile, strlen(r->profile), source, p, diags);
}

/* Runs the steps from the old record to the new one. */
static ac_status steps(hist_diff *d, const ac_session_options *env, ac_diags *diags)
{
	ac_session *sa = NULL, *sb = NULL;
	ac_profile *pa = NULL, *pb = NULL;
	ac_status st = session_for(&d->a, env, &sa, diags);
	if (st == AC_OK)
		st = session_for(&d->b, env, &sb, diags);
	if (st == AC_OK && !sb) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "the policy text of #%lld is not in the history, so it cannot be "
			     "re-assessed",
			     d->b.id);
		st = AC_EINPUT;
	}
	d->old_policy_missing = !sa;
	if (st == AC_OK && (st = parse_profile(&d->a, &pa, diags)) == AC_OK)
		st = parse_profile(&d->b, &pb, diags);
	/* Each record is re-assessed at the date it spoke for; the date moves
	 * as a step of its own, after the policy and before the answers. */
	const char *date_a = hist_diff_date_a(d), *date_b = hist_diff_date_b(d);
	if (st == AC_OK && sa)
		st = assess(sa, pa, date_a, &d->old_then);
	if (st == AC_OK)
		st = assess(sb, pa, date_a, &d->old_new_policy);
	if (st == AC_OK)
		st = assess(sb, pa, date_b, &d->old_new_date);
	if (st == AC_OK)
		st = assess(sb, pb, date_b, &d->new_now);
	if (st == AC_OK)
		st = answers(d, sb, pa, pb, date_b);
	if (st == AC_OK) {
		const char *cat = ac_catalogue_version(ac_session_catalogue(sb));
		d->catalogue_now = dup_or_null(cat);
		d->aicert_now = strdup(ac_version());
		st = hist_data_version(sb, &d->data_now, diags);
		if (st == AC_OK && ((cat && !d->catalogue_now) || !d->aicert_now))
			st = AC_ENOMEM;
	}
	ac_profile_free(pa);
	ac_profile_free(pb);
	ac_session_free(sa);
	ac_session_free(sb);
	return st;
}

ac_status hist_diff_build(ac_history *h, const ac_session_options *env, long long from, long long to, hist_diff *d,
			  ac_diags *diags)
{
	memset(d, 0, sizeof *d);
	ac_status st = AC_OK;
	if (!from && !to)
		st = hist_latest(h, &from, &to, diags);
	else if (!to)
		st = hist_latest(h, NULL, &to, diags);
	if (st != AC_OK)
		return st;
	if (from == to) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "found #%lld twice, expected two different saved assessments",
			     from);
		return AC_EINPUT;
	}
	if ((st = hist_record_get(h, from, &d->a, diags)) == AC_OK &&
	    (st = hist_record_get(h, to, &d->b, diags)) == AC_OK) {
		saved_outcome(d->a.assessment, &d->saved_a);
		saved_outcome(d->b.assessment, &d->saved_b);
		st = steps(d, env, diags);
	}
	return st;
}
