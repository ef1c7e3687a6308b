/*
 * compare.c — `compare`: runs the engine once per catalogue certificate, as
 * if the person had named it, and ranks the results by the policy's
 * comparison rule.  The verdicts, gap and role fit, cost and weeks all come
 * from ac_assess(); nothing is re-derived here.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/options.h"
#include "core/strbuf.h"
#include "input/cert.h"
#include "input/profile.h"
#include "model/compare.h"

static const char *const key_names[] = {"verdict", "gap_fit", "role_fit", "weeks", "cost_usd", "total_cost_usd", "id"};

void ac_compare_options_init(ac_compare_options *o)
{
	memset(o, 0, sizeof *o);
	o->struct_size = sizeof *o;
	o->top = 10;
	ac_cert_filter_init(&o->filter);
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
		static const ac_rank_key dflt[] = {KEY_VERDICT, KEY_GAP_FIT, KEY_ROLE_FIT, KEY_WEEKS, KEY_COST};
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

static int cmp_key(ac_rank_key k, const ac_compare_row *a, const ac_compare_row *b)
{
	switch (k) {
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
		int d = cmp_key(c->keys[i], a, b);
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

static const char *tri_word(ac_tri t)
{
	return t == AC_TRUE ? "yes" : t == AC_FALSE ? "no" : "unknown";
}

/* How a row's value on key k reads in a sentence. */
static char *key_value(ac_rank_key k, const ac_compare_row *x)
{
	switch (k) {
	case KEY_VERDICT: return strdup(x->verdict ? ac_enum_name(AC_ENUM_VERDICT, x->verdict) : "no verdict");
	case KEY_GAP_FIT: return ac_strdup_printf("gap fit %s", tri_word(x->gap_fit));
	case KEY_ROLE_FIT: return ac_strdup_printf("role fit %s", tri_word(x->role_fit));
	case KEY_WEEKS: return x->weeks.set ? ac_strdup_printf("%.3g weeks", x->weeks.v) : strdup("weeks unknown");
	case KEY_COST: return x->cost_usd.set ? ac_strdup_printf("$%.10g", x->cost_usd.v) : strdup("price unknown");
	case KEY_TOTAL_COST:
		return x->total_cost_usd.set ? ac_strdup_printf("$%.10g with time", x->total_cost_usd.v)
					     : strdup("total cost unknown");
	case KEY_ID: return strdup(x->id);
	}
	return strdup("");
}

/* One line on why each row sits where it does: the engine's reason, then the
 * first ranking key that separates it from its neighbour above (or, for the
 * first row, below). */
static ac_status explain(ac_comparison *c)
{
	for (size_t i = 0; i < c->n_rows; i++) {
		ac_compare_row *x = &c->rows[i];
		const char *reason = x->reason ? x->reason : "no reason given";
		if (c->n_rows == 1) {
			x->why = ac_strdup_printf("%s; the only certificate that passes the filters", reason);
		} else {
			const ac_compare_row *other = i == 0 ? &c->rows[1] : &c->rows[i - 1];
			int sign;
			size_t k = deciding_key(c, i == 0 ? x : other, i == 0 ? other : x, &sign);
			ac_rank_key key = c->keys[k];
			char *mine = key_value(key, x), *theirs = key_value(key, other);
			if (!mine || !theirs)
				x->why = NULL;
			else if (key == KEY_ID)
				x->why = ac_strdup_printf("%s; ties with %s on every ranking key, ordered by id", reason,
							  other->id);
			else
				x->why = ac_strdup_printf("%s; %s %s on %s (%s vs %s)", reason, i == 0 ? "ahead of" : "below",
							  other->id, key_names[key], mine, theirs);
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

/* Copies what compare needs out of an assessment made with certificate c. */
static ac_status fill_row(ac_compare_row *x, const ac_cert *c, const ac_assessment *a)
{
	int ok = dup_into(&x->id, c->id) && dup_into(&x->name, c->name) && dup_into(&x->provider, c->provider) &&
		 dup_into(&x->reason, a->reason) && dup_into(&x->role_matched, a->certification.role_matched);
	x->status = c->status;
	x->verdict = a->verdict;
	x->gap_fit = a->certification.gap_fit;
	x->role_fit = a->certification.role_fit;
	x->gap_matched = join(a->certification.gap_matched, a->certification.n_gap_matched);
	if (a->certification.n_gap_matched && !x->gap_matched)
		ok = 0;
	x->cost_usd = a->certification.present ? a->certification.cert.cost_usd : c->cost_usd;
	x->weeks = a->certification.weeks;
	x->total_cost_usd = a->certification.total_cost_usd;
	x->within_budget = a->certification.within_budget;
	return ok ? AC_OK : AC_ENOMEM;
}

/* Runs the engine on the profile with certificate c (NULL: none named);
 * ranked: only what a row needs (ac_assess_for_ranking). */
static ac_status assess_with(const ac_context *ctx, const ac_profile *p, const ac_cert *c, ac_assessment **out,
			     int ranked, ac_diags *d)
{
	/* A shallow copy: the engine reads the profile and never keeps it, so the
	 * certificate can point at the catalogue's id without any allocation. */
	ac_profile v = *p;
	memset(&v.cert, 0, sizeof v.cert);
	v.cert_given = c != NULL;
	v.cert.id = c ? c->id : NULL;
	return ranked ? ac_assess_for_ranking(&v, ctx, out, d) : ac_assess(&v, ctx, out, d);
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
	int ok = dup_into(&c->label, p->label) && dup_into(&c->policy_name, ac_policy_name(pol)) &&
		 dup_into(&c->policy_version, ac_policy_version(pol)) &&
		 dup_into(&c->statement, ac_policy_compare_statement(pol));
	if (ok && p->cert_given)
		ok = dup_into(&c->profile_cert, p->cert.name ? p->cert.name : p->cert.id ? p->cert.id : "a custom certificate");
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
		free(x->reason);
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
	ac_cert_filter f;
	ac_cert_filter_init(&f);
	if (AC_HAS_FIELD(o, ac_compare_options, filter))
		f = o->filter;
	c->top = AC_HAS_FIELD(o, ac_compare_options, top) ? o->top : 10;
	int include_retired = AC_HAS_FIELD(o, ac_compare_options, include_retired) && o->include_retired;
	/* Retired as of the assessment's date (ac_assess refuses a bad one). */
	long today = ac_date_today();
	if (ctx->as_of)
		ac_date_parse(ctx->as_of, &today);
	ac_context quiet = *ctx;
	quiet.counterfactuals = 0; /* the ranking needs verdicts, not what-ifs */

	ac_assessment *base = NULL;
	ac_status st = fill_header(c, ctx, p);
	if (st == AC_OK)
		st = assess_with(&quiet, p, NULL, &base, 0, diags);
	size_t total = ctx->catalogue ? ac_catalogue_count(ctx->catalogue) : 0;
	if (st == AC_OK && !(c->rows = calloc(total + 1, sizeof *c->rows)))
		st = AC_ENOMEM;
	ac_cert_filter no_cost = f;
	no_cost.max_cost_usd.set = 0;
	for (size_t i = 0; st == AC_OK && i < total; i++) {
		const ac_cert *cert = ac_catalogue_at(ctx->catalogue, i);
		if (!ac_cert_matches(cert, &f)) {
			if (f.max_cost_usd.set && !cert->cost_usd.set && ac_cert_matches(cert, &no_cost))
				c->left_out_unknown_cost++;
			continue;
		}
		if (ac_cert_retired_by(cert, today) && !include_retired) {
			c->left_out_retired++;
			continue;
		}
		ac_assessment *one = NULL;
		st = assess_with(&quiet, p, cert, &one, 1, diags);
		if (st == AC_OK) {
			st = fill_row(&c->rows[c->n_rows++], cert, one);
			c->n_pursue += one->verdict == AC_VERDICT_PURSUE;
		}
		ac_assessment_free(one);
	}
	if (st == AC_OK) {
		rule_from_policy(ctx->policy, c);
		rank_rows(c);
		st = explain(c);
	}
	if (st == AC_OK && !c->n_pursue)
		st = keep_best_alternative(c, base);
	ac_assessment_free(base);
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st != AC_OK) {
		ac_comparison_free(c);
		return st;
	}
	*out = c;
	return AC_OK;
}
