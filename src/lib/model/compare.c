/*
 * compare.c — `compare`: runs the engine once per catalogue certificate, as
 * if the person had named it, and ranks the results by the policy's
 * comparison rule: whether it can still be earned, whether it is within the
 * person's budget and time, the verdict, the fit, the weeks and the price.
 * The verdicts, fit scores, cost and weeks come from ac_assess().
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/options.h"
#include "core/strbuf.h"
#include "input/cert.h"
#include "input/profile.h"
#include "model/compare.h"
#include "policy/policy.h"
#include "policy/wording.h"

static const char *const key_names[] = {"available", "feasible", "verdict",        "fit", "gap_fit", "role_fit",
					"weeks",     "cost_usd", "total_cost_usd", "id"};
/* The same in words (the wording's keys), for the sentence on why a row
 * ranks where it does. */
static const int key_words[] = {AC_W_COMPARE_KEY_AVAILABLE, AC_W_COMPARE_KEY_FEASIBLE, AC_W_COMPARE_KEY_VERDICT,
				AC_W_COMPARE_KEY_FIT,       AC_W_COMPARE_KEY_GAP_FIT,  AC_W_COMPARE_KEY_ROLE_FIT,
				AC_W_COMPARE_KEY_WEEKS,     AC_W_COMPARE_KEY_COST,     AC_W_COMPARE_KEY_TOTAL_COST,
				AC_W_COMPARE_KEY_ID};

void ac_compare_options_init_size(ac_compare_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
	if (AC_HAS_FIELD(o, ac_compare_options, top))
		o->top = 10;
}

const char *ac_rank_key_name(ac_rank_key k)
{
	return k <= KEY_ID ? key_names[k] : NULL;
}

/* The ranking keys, in order, always ending with id as the final tie-break. */
static void rule_from_policy(const ac_policy *p, ac_comparison *c)
{
	const char *const *names = NULL;
	size_t n = ac_policy_compare_keys(p, &names);
	c->n_keys = 0;
	for (size_t i = 0; i < n && c->n_keys < 15; i++)
		for (size_t k = 0; k < sizeof key_names / sizeof key_names[0]; k++)
			if (names[i] && strcmp(names[i], key_names[k]) == 0 && k != KEY_ID)
				c->keys[c->n_keys++] = (ac_rank_key)k;
	if (c->n_keys == 0) { /* a policy without an order: the default one */
		static const ac_rank_key dflt[] = {KEY_AVAILABLE, KEY_FEASIBLE, KEY_VERDICT,
						   KEY_FIT,       KEY_WEEKS,    KEY_COST};
		memcpy(c->keys, dflt, sizeof dflt);
		c->n_keys = sizeof dflt / sizeof dflt[0];
	}
	c->keys[c->n_keys++] = KEY_ID;
}

/* Lower ranks first.  Unknown verdicts and values rank after known ones. */
static int verdict_rank(int v)
{
	return v >= AC_VERDICT_PURSUE && v <= AC_VERDICT_AVOID ? v : AC_VERDICT_AVOID + 1;
}

static int tri_rank(ac_tri t)
{
	return t == AC_TRUE ? 0 : t == AC_UNKNOWN ? 1 : 2;
}

static int cmp_num(ac_num a, ac_num b)
{
	if (a.set != b.set)
		return a.set ? -1 : 1;
	if (!a.set || a.v == b.v)
		return 0;
	return a.v < b.v ? -1 : 1;
}

static int cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

/* Higher first; unknown last. */
static int cmp_num_high(ac_num a, ac_num b)
{
	return -cmp_num(a, b) * (a.set && b.set ? 1 : -1);
}

static int cmp_key(const ac_comparison *c, ac_rank_key k, const ac_compare_row *a, const ac_compare_row *b)
{
	switch (k) {
	case KEY_AVAILABLE: return cmp_int(tri_rank(a->available), tri_rank(b->available));
	case KEY_FEASIBLE: /* only what is known to be out of reach goes down */
		return c->feasible_set_aside ? 0 : cmp_int(a->feasible == AC_FALSE, b->feasible == AC_FALSE);
	case KEY_FIT: return cmp_num_high(a->fit, b->fit);
	case KEY_VERDICT: return cmp_int(verdict_rank(a->verdict), verdict_rank(b->verdict));
	case KEY_GAP_FIT: return cmp_int(tri_rank(a->gap_fit), tri_rank(b->gap_fit));
	case KEY_ROLE_FIT: return cmp_int(tri_rank(a->role_fit), tri_rank(b->role_fit));
	case KEY_WEEKS: return cmp_num(a->weeks, b->weeks);
	case KEY_COST: return cmp_num(a->cost_usd, b->cost_usd);
	case KEY_TOTAL_COST: return cmp_num(a->total_cost_usd, b->total_cost_usd);
	case KEY_ID: return strcmp(a->id, b->id);
	}
	return 0;
}

/* The first key on which a and b differ (KEY_ID when all others tie). */
static size_t deciding_key(const ac_comparison *c, const ac_compare_row *a, const ac_compare_row *b, int *sign)
{
	for (size_t i = 0; i < c->n_keys; i++) {
		int d = cmp_key(c, c->keys[i], a, b);
		if (d) {
			*sign = d;
			return i;
		}
	}
	*sign = 0;
	return c->n_keys - 1;
}

/* Stable insertion sort: catalogues are small (at most 2000 entries) and
 * qsort has no context argument for the rule. */
static void rank_rows(ac_comparison *c)
{
	ac_compare_row *rows = c->rows;
	for (size_t i = 1; i < c->n_rows; i++) {
		ac_compare_row tmp = rows[i];
		size_t j = i;
		int sign;
		while (j > 0 && (deciding_key(c, &rows[j - 1], &tmp, &sign), sign > 0)) {
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = tmp;
	}
}

/* The wording's text of key as a new string: filled with a figure written
 * with fmt when fmt is given (NULL when memory ran out). */
static char *text(const ac_wording *w, int key, const char *fmt, double v)
{
	if (!fmt)
		return strdup(ac_word(w, key));
	char buf[64];
	snprintf(buf, sizeof buf, fmt, v);
	return AC_SAY_DUP(w, key, buf);
}

/* How a row's value on key k reads in a sentence. */
static char *key_value(const ac_wording *w, ac_rank_key k, const ac_compare_row *x)
{
	switch (k) {
	case KEY_AVAILABLE:
		return text(w,
			    x->available == AC_TRUE    ? AC_W_COMPARE_VALUE_AVAILABLE
			    : x->available == AC_FALSE ? AC_W_COMPARE_VALUE_RETIRES
						       : AC_W_COMPARE_VALUE_RETIREMENT_UNKNOWN,
			    NULL, 0);
	case KEY_FEASIBLE:
		return text(w,
			    x->within_budget == AC_FALSE ? AC_W_COMPARE_VALUE_OVER_BUDGET
			    : x->in_time == AC_FALSE     ? AC_W_COMPARE_VALUE_TOO_LONG
			    : x->feasible == AC_TRUE     ? AC_W_COMPARE_VALUE_FEASIBLE
							 : AC_W_COMPARE_VALUE_FEASIBLE_UNKNOWN,
			    NULL, 0);
	case KEY_VERDICT: { /* the report's capitals, in a sentence */
		const char *word = x->verdict ? ac_word_enum(w, AC_ENUM_VERDICT, x->verdict) : NULL;
		char *v = strdup(word ? word : ac_word(w, AC_W_COMPARE_NO_VERDICT));
		for (char *u = v; u && *u; u++)
			*u = (char)tolower((unsigned char)*u);
		return v;
	}
	case KEY_FIT:
		return x->fit.set ? text(w, AC_W_COMPARE_VALUE_FIT, "%.0f%%", x->fit.v * 100)
				  : text(w, AC_W_COMPARE_VALUE_FIT_UNKNOWN, NULL, 0);
	case KEY_GAP_FIT:
		return x->gap_score.set ? text(w, AC_W_COMPARE_VALUE_GAP_FIT, "%.0f%%", x->gap_score.v * 100)
					: text(w, AC_W_COMPARE_VALUE_GAP_FIT_UNKNOWN, NULL, 0);
	case KEY_ROLE_FIT:
		return x->role_score.set ? text(w, AC_W_COMPARE_VALUE_ROLE_FIT, "%.0f%%", x->role_score.v * 100)
					 : text(w, AC_W_COMPARE_VALUE_ROLE_FIT_UNKNOWN, NULL, 0);
	case KEY_WEEKS:
		if (!x->weeks.set)
			return text(w, AC_W_COMPARE_VALUE_WEEKS_UNKNOWN, NULL, 0);
		return text(w, x->hours_estimated ? AC_W_COMPARE_VALUE_WEEKS_ESTIMATED : AC_W_COMPARE_VALUE_WEEKS,
			    "%.0f", ceil(x->weeks.v));
	case KEY_COST:
		return x->cost_usd.set ? ac_strdup_printf("$%.10g", x->cost_usd.v)
				       : text(w, AC_W_COMPARE_PRICE_UNKNOWN, NULL, 0);
	case KEY_TOTAL_COST:
		return x->total_cost_usd.set ? text(w, AC_W_COMPARE_VALUE_TOTAL_COST, "$%.0f", x->total_cost_usd.v)
					     : text(w, AC_W_COMPARE_VALUE_TOTAL_COST_UNKNOWN, NULL, 0);
	case KEY_ID: return strdup(x->id);
	}
	return strdup("");
}

/* One line on why each row sits where it does: the engine's reason, then the
 * first ranking key that separates it from its neighbour above (or, for the
 * first row, below). */
static ac_status explain(ac_comparison *c)
{
	const ac_wording *w = NULL;
	ac_status st = ac_wording_builtin(&w, NULL);
	if (st != AC_OK)
		return st;
	for (size_t i = 0; i < c->n_rows; i++) {
		ac_compare_row *x = &c->rows[i];
		if (c->n_rows == 1) {
			x->why = text(w, AC_W_COMPARE_WHY_ONLY, NULL, 0);
		} else {
			const ac_compare_row *other = i == 0 ? &c->rows[1] : &c->rows[i - 1];
			int sign;
			size_t k = deciding_key(c, i == 0 ? x : other, i == 0 ? other : x, &sign);
			ac_rank_key key = c->keys[k];
			char *mine = key_value(w, key, x), *theirs = key_value(w, key, other);
			if (!mine || !theirs)
				x->why = NULL;
			else if (key == KEY_ID)
				x->why = AC_SAY_DUP(w, AC_W_COMPARE_WHY_TIE, other->id);
			else
				x->why = AC_SAY_DUP(w, i == 0 ? AC_W_COMPARE_WHY_AHEAD : AC_W_COMPARE_WHY_BELOW,
						    other->id, ac_word(w, key_words[key]), mine, theirs);
			free(mine);
			free(theirs);
		}
		if (!x->why)
			return AC_ENOMEM;
	}
	return AC_OK;
}

static char *join(char *const *items, size_t n)
{
	if (!n)
		return NULL;
	strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		sb_printf(&sb, "%s%s", i ? ", " : "", items[i]);
	return sb_take(&sb, NULL);
}

static int dup_into(char **dst, const char *s)
{
	*dst = s ? strdup(s) : NULL;
	return !s || *dst;
}

/* The mean of the known fit scores. */
static ac_num mean_fit(ac_num a, ac_num b)
{
	ac_num m = {0, 0};
	if (a.set || b.set) {
		m.set = 1;
		m.v = a.set && b.set ? (a.v + b.v) / 2 : a.set ? a.v : b.v;
	}
	return m;
}

/* Copies what compare needs out of an assessment made with certificate c,
 * and judges whether the person can afford it, finish it in the policy's
 * weeks, and finish it before it retires (as of day today). */
static ac_status fill_row(ac_compare_row *x, const ac_cert *c, const ac_assessment *a, const ac_policy *pol, long today,
			  int has_target)
{
	const ac_cert *k = &a->certification.cert; /* with the estimated hours */
	int ok = dup_into(&x->id, c->id) && dup_into(&x->name, c->name) && dup_into(&x->provider, c->provider) &&
		 dup_into(&x->url, c->url) && dup_into(&x->status_date, c->status_date) &&
		 dup_into(&x->successor, c->successor) && dup_into(&x->reason, a->reason) &&
		 dup_into(&x->role_matched, a->certification.role_matched);
	/* A ranking assessment lists no rules: the deciding one's title is the
	 * policy's, found by the reason (its id). */
	for (size_t i = 0; ok && a->reason && i < pol->n_rules; i++)
		if (strcmp(pol->rules[i].id, a->reason) == 0) {
			ok = dup_into(&x->reason_title, pol->rules[i].title);
			break;
		}
	x->status = c->status;
	x->level = c->level;
	x->domain = c->domain;
	x->verdict = a->verdict;
	x->gap_fit = a->certification.gap_fit;
	x->role_fit = a->certification.role_fit;
	x->gap_score = a->certification.gap_score;
	x->role_score = a->certification.role_score;
	/* The gap decides when one is named; the role joins it when a target is. */
	x->fit = mean_fit(x->gap_score, x->gap_score.set && !has_target ? (ac_num){0, 0} : x->role_score);
	x->off_level = a->certification.off_level;
	x->off_domain = a->certification.off_domain;
	double from = pol->fit_set ? pol->fit_from : 0.5;
	x->fits = x->fit.set ? ac_tri_of(x->fit.v >= from) : AC_UNKNOWN;
	x->gap_matched = join(a->certification.gap_matched, a->certification.n_gap_matched);
	if (a->certification.n_gap_matched && !x->gap_matched)
		ok = 0;
	x->cost_usd = k->cost_usd;
	x->retake_usd = c->retake_usd;
	x->cost_uncertain = ac_cert_is_uncertain(c, "cost_usd");
	x->hours = k->hours;
	x->hours_estimated = a->certification.hours_estimated;
	x->hours_uncertain = !x->hours_estimated && ac_cert_is_uncertain(c, "hours");
	x->hours_low = a->certification.hours_low;
	x->hours_high = a->certification.hours_high;
	x->weeks = a->certification.weeks;
	if (x->weeks.set && x->hours_estimated && k->hours.v > 0) {
		x->weeks_low = x->weeks_high = x->weeks;
		x->weeks_low.v *= x->hours_low.v / k->hours.v;
		x->weeks_high.v *= x->hours_high.v / k->hours.v;
	}
	x->total_cost_usd = a->certification.total_cost_usd;
	x->within_budget = a->certification.within_budget;
	double max_weeks = pol->thresholds[AC_TH_MAX_CERTIFICATE_WEEKS];
	x->in_time = x->weeks.set ? ac_tri_of(x->weeks.v <= max_weeks) : AC_UNKNOWN;
	x->feasible = ac_tri_and(x->within_budget, x->in_time);
	/* Available: not retired, and not retiring before the weeks it takes. */
	long day;
	if (ac_cert_retired_by(c, today))
		x->available = AC_FALSE;
	else if ((c->status == AC_STATUS_RETIRING || c->status == AC_STATUS_RETIRED) && c->status_date &&
		 ac_date_parse(c->status_date, &day))
		x->available = x->weeks.set ? ac_tri_of(x->weeks.v * 7 <= (double)(day - today)) : AC_UNKNOWN;
	else if (c->status == AC_STATUS_RETIRING || c->status == AC_STATUS_RETIRED)
		x->available = AC_UNKNOWN;
	else
		x->available = AC_TRUE;
	return ok ? AC_OK : AC_ENOMEM;
}

/* Runs the engine on the profile with certificate c (NULL: none named);
 * ranked (the memo kept across rows): only what a row needs. */
static ac_status assess_with(const ac_context *ctx, const ac_profile *p, const ac_cert *c, ac_assessment **out,
			     ac_fit_memo *ranked, ac_diags *d)
{
	/* A shallow copy: the engine reads the profile and never keeps it, so the
	 * certificate can point at the catalogue's id without any allocation. */
	ac_profile v = *p;
	memset(&v.cert, 0, sizeof v.cert);
	v.cert_given = c != NULL;
	v.cert.id = c ? c->id : NULL;
	return ranked ? ac_assess_ranked_with(&v, ctx, ranked, out, d) : ac_assess(&v, ctx, out, d);
}

/* The best path other than certification from the base assessment. */
static ac_status keep_best_alternative(ac_comparison *c, const ac_assessment *base)
{
	for (size_t i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &base->alternatives[i];
		if (!alt->path || alt->path == AC_PATH_CERTIFICATION)
			continue;
		c->has_alternative = 1;
		c->alternative.path = alt->path;
		c->alternative.score = alt->score;
		if (!dup_into(&c->alternative.why, alt->why) || !dup_into(&c->alternative.first_step, alt->first_step))
			return AC_ENOMEM;
		return AC_OK;
	}
	return AC_OK;
}

static ac_status fill_header(ac_comparison *c, const ac_context *ctx, const ac_profile *p)
{
	const ac_policy *pol = ctx->policy;
	const ac_wording *w = NULL;
	ac_status st = ac_wording_builtin(&w, NULL);
	if (st != AC_OK)
		return st;
	int ok = dup_into(&c->label, p->label) && dup_into(&c->policy_name, ac_policy_name(pol)) &&
		 dup_into(&c->policy_version, ac_policy_version(pol)) &&
		 dup_into(&c->statement, ac_policy_compare_statement(pol));
	if (ok && p->cert_given) {
		const char *named = p->cert.name ? p->cert.name : p->cert.id;
		ok = dup_into(&c->profile_cert, named ? named : ac_word(w, AC_W_COMPARE_CUSTOM_CERTIFICATE));
	}
	return ok ? AC_OK : AC_ENOMEM;
}

void ac_comparison_free(ac_comparison *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_rows; i++) {
		ac_compare_row *x = &c->rows[i];
		free(x->id);
		free(x->name);
		free(x->provider);
		free(x->url);
		free(x->status_date);
		free(x->successor);
		free(x->reason);
		free(x->reason_title);
		free(x->gap_matched);
		free(x->role_matched);
		free(x->why);
	}
	free(c->rows);
	free(c->label);
	free(c->policy_name);
	free(c->policy_version);
	free(c->statement);
	free(c->profile_cert);
	free(c->alternative.why);
	free(c->alternative.first_step);
	free(c);
}

ac_status ac_compare(const ac_context *ctx, const ac_profile *p, const ac_compare_options *o, ac_comparison **out,
		     ac_diags *diags)
{
	*out = NULL;
	ac_compare_options dflt;
	if (!o) {
		ac_compare_options_init(&dflt);
		o = &dflt;
	}
	unsigned long failures = ac_mem_failures(); /* as in ac_assess: any failure fails the whole */
	ac_comparison *c = calloc(1, sizeof *c);
	if (!c)
		return AC_ENOMEM;
	/* The caller's filter, as far as its struct goes; the defaults for the rest. */
	ac_cert_filter f;
	ac_cert_filter_init(&f);
	const ac_cert_filter *given = AC_HAS_FIELD(o, ac_compare_options, filter) ? o->filter : NULL;
	if (given) {
		memcpy(&f, given, given->struct_size && given->struct_size < sizeof f ? given->struct_size : sizeof f);
		f.struct_size = sizeof f;
	}
	c->top = AC_HAS_FIELD(o, ac_compare_options, top) ? o->top : 10;
	int include_retired = AC_HAS_FIELD(o, ac_compare_options, include_retired) && o->include_retired;
	/* Retired as of the assessment's date (ac_assess refuses a bad one). */
	long today = ac_date_today();
	if (ctx->as_of)
		ac_date_parse(ctx->as_of, &today);
	ac_context quiet = *ctx;
	quiet.counterfactuals = 0; /* the ranking needs verdicts, not what-ifs */

	ac_assessment *base = NULL;
	ac_fit_memo memo = {0}; /* the gap's and the role's terms, for every row */
	ac_status st = fill_header(c, ctx, p);
	if (st == AC_OK)
		st = assess_with(&quiet, p, NULL, &base, NULL, diags);
	size_t total = ctx->catalogue ? ac_catalogue_count(ctx->catalogue) : 0;
	if (st == AC_OK && !(c->rows = calloc(total + 1, sizeof *c->rows)))
		st = AC_ENOMEM;
	c->empty_domain = ac_catalogue_empty_domain(ctx->catalogue, &f);
	for (size_t i = 0; st == AC_OK && i < total; i++) {
		const ac_cert *cert = ac_catalogue_at(ctx->catalogue, i);
		int shown = ac_catalogue_filter(ctx->catalogue, cert, &f);
		if (shown < 0) {
			st = AC_ENOMEM;
			break;
		}
		if (shown != AC_FILTER_SHOWN) {
			c->left_out_unknown_cost += shown == AC_FILTER_COST_UNKNOWN;
			continue;
		}
		if (ac_cert_retired_by(cert, today) && !include_retired) {
			c->left_out_retired++;
			continue;
		}
		ac_assessment *one = NULL;
		st = assess_with(&quiet, p, cert, &one, &memo, diags);
		if (st == AC_OK) {
			st = fill_row(&c->rows[c->n_rows++], cert, one, ctx->policy, today,
				      p->trajectory.target_role && *p->trajectory.target_role);
			c->n_pursue += one->verdict == AC_VERDICT_PURSUE;
		}
		ac_assessment_free(one);
	}
	if (st == AC_OK) {
		rule_from_policy(ctx->policy, c);
		c->fits_from = ctx->policy->fit_set ? ctx->policy->fit_from : 0.5;
		/* Budget and time come first only when something within them fits. */
		int any = 0;
		for (size_t i = 0; i < c->n_rows; i++)
			any |= c->rows[i].feasible != AC_FALSE && c->rows[i].fits == AC_TRUE;
		c->feasible_set_aside = !any;
		rank_rows(c);
		st = explain(c);
	}
	if (st == AC_OK && !c->n_pursue)
		st = keep_best_alternative(c, base);
	ac_assessment_free(base);
	ac_fit_memo_free(&memo);
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st != AC_OK) {
		ac_comparison_free(c);
		return st;
	}
	*out = c;
	return AC_OK;
}
