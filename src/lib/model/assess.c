/*
 * assess.c — ac_assess(): resolves the certificate, the occupation and the
 * assessment's date, runs the engine once, and assembles the assessment a
 * renderer reads: the rules that fired with their figures (the last,
 * "otherwise" rule only when it decides), the facts of each section (the
 * exposure class by the policy's [class] sections), the certificate's costs
 * and warnings (worded by data/wording.en), then the explanations and what
 * would change the verdict.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "input/cert.h"
#include "model/engine.h"
#include "model/fit.h"
#include "occdata/occupation.h"
#include "policy/figures.h"

typedef struct {
	const ac_eval *ev;
	ac_rule_fired *rule;
	int nomem;
} figures_ctx;

/* Records one fact a rule's condition uses, with its value. */
static void add_figure(size_t slot, void *vctx)
{
	figures_ctx *c = vctx;
	const ac_val *v = &c->ev->f[slot];
	ac_rule_fired *r = c->rule;
	ac_figure *fig = &r->figures[r->n_figures];
	fig->name = strdup(ac_policy_fact_name(c->ev->prep->pol, slot, NULL));
	if (!fig->name) {
		c->nomem = 1;
		return;
	}
	r->n_figures++;
	fig->type = v->type == AC_T_BOOL ? AC_FIGURE_YESNO : AC_FIGURE_NUMBER;
	fig->truth = v->type == AC_T_BOOL ? v->b : AC_UNKNOWN;
	fig->number.set = v->type != AC_T_BOOL && v->known;
	fig->number.v = fig->number.set ? v->n : 0;
}

static void count_figure(size_t slot, void *ctx)
{
	(void)slot;
	++*(size_t *)ctx;
}

/* The figures of a fired rule: every fact its condition uses. */
static ac_status figures(ac_rule_fired *r, const ac_eval *ev, const ac_expr *when)
{
	size_t n = 0;
	ac_expr_facts(when, count_figure, &n);
	r->figures = calloc(n ? n : 1, sizeof *r->figures);
	if (!r->figures)
		return AC_ENOMEM;
	figures_ctx c = {ev, r, 0};
	ac_expr_facts(when, add_figure, &c);
	return c.nomem ? AC_ENOMEM : AC_OK;
}

static ac_status fill_rules(ac_assessment *a, const ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	size_t n = 0;
	for (size_t i = 0; i < pol->n_rules; i++)
		n += ev->fired[i] == AC_TRUE;
	a->rules = calloc(n ? n : 1, sizeof *a->rules);
	if (!a->rules)
		return AC_ENOMEM;
	for (size_t i = 0; i < pol->n_rules; i++) {
		const ac_rule *rule = &pol->rules[i];
		/* The last rule holds always: it is reported only when it decides. */
		if (ev->fired[i] != AC_TRUE || (ac_expr_always(rule->when) && i != ev->decisive))
			continue;
		ac_rule_fired *r = &a->rules[a->n_rules++];
		r->id = strdup(rule->id);
		r->title = rule->title ? strdup(rule->title) : NULL;
		r->verdict = rule->verdict;
		r->decisive = i == ev->decisive;
		r->because = ac_template_expand(&ac_choose(&rule->because, ev->f)->text, ev->f, pol->wording);
		if (!r->id || !r->because || (rule->title && !r->title) || figures(r, ev, rule->when) != AC_OK)
			return AC_ENOMEM;
	}
	const ac_rule *d = &pol->rules[ev->decisive];
	a->verdict = ev->verdict;
	a->reason = strdup(d->id);
	a->headline = ac_template_expand(&ac_choose(&d->headline, ev->f)->text, ev->f, pol->wording);
	for (size_t i = 0; i < pol->n_flags; i++) {
		if (ac_expr_truth(pol->flags[i].when, ev->f) != AC_TRUE)
			continue;
		size_t notes = a->n_flags;
		if (!ac_list_push(&a->flag_notes, &notes, ac_template_expand(&pol->flags[i].says, ev->f, pol->wording)))
			return AC_ENOMEM;
		if (!ac_list_push(&a->flags, &a->n_flags, strdup(pol->flags[i].id))) {
			free(a->flag_notes[notes - 1]); /* keep the two lists the same length */
			return AC_ENOMEM;
		}
	}
	return a->reason && a->headline ? AC_OK : AC_ENOMEM;
}

static ac_status fill_facts(ac_assessment *a, const ac_eval *ev)
{
	const ac_val *f = ev->f;
	a->exposure.has_tasks = ev->n_tasks > 0;
	a->exposure.prefilled = ev->prefilled;
	a->exposure.score = f[AC_F_EXPOSURE].n;
	a->exposure.repeatable_share = f[AC_F_REPEATABLE_SHARE].n;
	a->exposure.standardized_share = f[AC_F_STANDARDIZED_SHARE].n;
	a->exposure.benchmarkable_share = f[AC_F_BENCHMARKABLE_SHARE].n;
	a->exposure.separable_share = f[AC_F_SEPARABLE_SHARE].n;
	a->exposure.reporting_share = f[AC_F_REPORTING_SHARE].n;
	a->exposure.coordination_share = f[AC_F_COORDINATION_SHARE].n;
	a->exposure.structural = ac_eval_required(ev, AC_REQ_STRUCTURAL) == AC_TRUE;
	a->exposure.skill_based = ac_eval_required(ev, AC_REQ_SKILL_BASED) == AC_TRUE;
	/* The class: the first [class] section, in the policy's order, that holds. */
	const ac_policy *pol = ev->prep->pol;
	for (size_t i = 0; i < pol->n_classes && !a->exposure.klass; i++)
		if (ac_expr_truth(pol->classes[pol->class_order[i]].when, f) == AC_TRUE)
			a->exposure.klass = pol->class_order[i];
	/* Hand the task list over to the assessment. */
	a->exposure.tasks = ev->tasks;
	a->exposure.n_tasks = ev->n_tasks;

	a->replaceability.count = (int)f[AC_F_REPLACEABILITY].n;
	a->replaceability.high = f[AC_F_REPLACEABILITY_HIGH].b == AC_TRUE;
	a->replaceability.standardized_output = f[AC_F_COND_STANDARDIZED].b == AC_TRUE;
	a->replaceability.repeatable_tasks = f[AC_F_COND_REPEATABLE].b == AC_TRUE;
	a->replaceability.easily_benchmarked = f[AC_F_COND_BENCHMARKED].b == AC_TRUE;
	a->replaceability.separable_from_authority = f[AC_F_COND_SEPARABLE].b == AC_TRUE;
	a->replaceability.authority_answered = ev->p->role.decision_authority != 0;

	a->leverage.test = ev->p->role.leverage_test;
	a->leverage.orientation = ac_eval_orientation(ev);
	a->leverage.ownership_expands = ac_eval_required(ev, AC_REQ_OWNERSHIP_EXPANDS);
	a->leverage.count = (int)ac_eval_required_number(ev, AC_REQ_LEVERAGE_COUNT);
	a->leverage.ai_enhanced_role = ac_eval_required(ev, AC_REQ_AI_ENHANCED_ROLE) == AC_TRUE;
	a->leverage.owns_measurable_outcomes = ac_eval_required(ev, AC_REQ_OWNS_OUTCOMES) == AC_TRUE;
	a->leverage.expanding_into_system_design = ac_eval_required(ev, AC_REQ_SYSTEM_DESIGN_MOVE) == AC_TRUE;
	a->leverage.transitioning_to_hybrid = ac_eval_required(ev, AC_REQ_HYBRID_MOVE) == AC_TRUE;
	a->leverage.ladder_level = ev->p->role.ladder_level;

	a->organization.signal_strength = (int)f[AC_F_SIGNAL_STRENGTH].n;
	a->organization.credential_sensitive = f[AC_F_CREDENTIAL_SENSITIVE].b;
	a->organization.leader_reading = ev->p->organization.leader_reading;
	const ac_flag *risk = &pol->flags[pol->required_flag[AC_REQ_SIGNALING_RISK]];
	a->organization.signaling_risk = ac_expr_truth(risk->when, ev->f) == AC_TRUE;

	a->timing.phase = f[AC_F_PHASE].known ? (int)f[AC_F_PHASE].n : 0;
	a->timing.appropriate = ac_eval_required(ev, AC_REQ_TIMING_APPROPRIATE);
	a->timing.industry_compressing = f[AC_F_INDUSTRY_COMPRESSING].b;
	a->timing.industry_shifting = f[AC_F_INDUSTRY_SHIFTING].b;

	a->motives.valid = ev->motive_valid;
	a->motives.invalid = ev->motive_invalid;
	a->motives.unknown = ev->motive_unknown;
	return AC_OK;
}

static ac_status fill_certificate(ac_assessment *a, const ac_eval *ev, int warn)
{
	const ac_cert *c = ev->prep->cert;
	if (!c)
		return AC_OK;
	const ac_profile *p = ev->p;
	a->certification.present = 1;
	ac_person who;
	ac_person_of(p, ev->prep->occ, ev->prep->pol, &who);
	const ac_catalogue *cat = ev->prep->ctx->catalogue;
	ac_fit gf = {0}, rf = {0};
	const char *rm = NULL;
	ac_status st = ac_gap_fit(ev->prep->pol, cat, c, p->capability_gap, &who, ev->prep->fit_memo, &gf);
	if (st == AC_OK)
		st = ac_role_fit(ev->prep->pol, cat, c, p, &who, ev->prep->fit_memo, &rf, &rm);
	a->certification.gap_fit = gf.fits;
	a->certification.gap_score = gf.score;
	a->certification.gap_matched = gf.matched;
	a->certification.n_gap_matched = gf.n_matched;
	a->certification.role_fit = rf.fits;
	a->certification.role_score = rf.score;
	a->certification.off_level = gf.off_level || rf.off_level;
	a->certification.off_domain = gf.off_domain || rf.off_domain;
	ac_fit_free(&rf);
	if (st != AC_OK)
		return st;
	if (rm && !(a->certification.role_matched = strdup(rm)))
		return AC_ENOMEM;
	a->certification.recognized = c->recognized_by_org;
	ac_cert_cost cost;
	int median = 0;
	ac_num pay = ac_eval_hourly_pay(ev, &median);
	ac_cert_costs(c, p->constraints.hours_per_week, pay, &cost);
	a->certification.pay_is_occupation_median = median && cost.time_value_usd.set;
	a->certification.hourly_pay_usd = pay;
	a->certification.weeks = cost.weeks;
	a->certification.time_value_usd = cost.time_value_usd;
	a->certification.total_cost_usd = cost.total_cost_usd;
	a->certification.cost_per_year_usd = cost.cost_per_year_usd;
	a->certification.retake_risk_usd = c->retake_usd;
	a->certification.within_budget = ev->f[AC_F_OVER_BUDGET].b == AC_UNKNOWN ? AC_UNKNOWN
					 : ev->f[AC_F_OVER_BUDGET].b == AC_TRUE  ? AC_FALSE
										 : AC_TRUE;
	if (!warn)
		return AC_OK;
	char ***w = &a->certification.warnings;
	size_t *nw = &a->certification.n_warnings;
	const ac_wording *words = ev->prep->pol->wording;
	const char *name = c->name ? c->name : c->id, *date = c->status_date;
	int ok = 1;
	/* Retired or retiring as of the assessment's date, not the catalogue's. */
	if (ev->f[AC_F_CERT_RETIRED].b == AC_TRUE)
		ok &= ac_list_push(w, nw,
				   date ? AC_SAY_DUP(words, AC_W_WARNING_CERT_RETIRED_ON, name, date)
					: AC_SAY_DUP(words, AC_W_WARNING_CERT_RETIRED, name));
	else if (c->status == AC_STATUS_RETIRING || c->status == AC_STATUS_RETIRED)
		ok &= ac_list_push(w, nw,
				   date ? AC_SAY_DUP(words, AC_W_WARNING_CERT_RETIRING_ON, name, date)
					: AC_SAY_DUP(words, AC_W_WARNING_CERT_RETIRING, name));
	if (c->gated)
		ok &= ac_list_push(w, nw,
				   c->prerequisites
					   ? AC_SAY_DUP(words, AC_W_WARNING_CERT_PREREQUISITE, name, c->prerequisites)
					   : AC_SAY_DUP(words, AC_W_WARNING_CERT_PREREQUISITE_UNNAMED, name));
	if (!c->cost_usd.set)
		ok &= ac_list_push(w, nw,
				   c->cost_note
					   ? AC_SAY_DUP(words, AC_W_WARNING_CERT_PRICE_UNKNOWN_NOTE, name, c->cost_note)
					   : AC_SAY_DUP(words, AC_W_WARNING_CERT_PRICE_UNKNOWN, name));
	if (!c->hours.set) {
		ok &= ac_list_push(w, nw, AC_SAY_DUP(words, AC_W_WARNING_CERT_HOURS_UNKNOWN, name));
	} else if (a->certification.hours_estimated) {
		char lo[32], hi[32];
		snprintf(lo, sizeof lo, "%.0f", a->certification.hours_low.v);
		snprintf(hi, sizeof hi, "%.0f", a->certification.hours_high.v);
		ok &= ac_list_push(w, nw, AC_SAY_DUP(words, AC_W_WARNING_CERT_HOURS_ESTIMATED, name, lo, hi));
	}
	if (c->n_uncertain)
		ok &= ac_list_push(w, nw, AC_SAY_DUP(words, AC_W_WARNING_CERT_UNCERTAIN, name));
	if (ev->f[AC_F_OVER_BUDGET].b == AC_TRUE) {
		strbuf price, budget;
		sb_init(&price);
		sb_init(&budget);
		ac_fig_money(&price, c->cost_usd.v);
		ac_fig_money(&budget, p->constraints.budget_usd.v);
		ok &= !price.failed && !budget.failed &&
		      ac_list_push(w, nw, AC_SAY_DUP(words, AC_W_WARNING_CERT_OVER_BUDGET, price.buf, budget.buf));
		sb_free(&price);
		sb_free(&budget);
	}
	return ok ? AC_OK : AC_ENOMEM;
}

static ac_status fill_warnings(ac_assessment *a, const ac_eval *ev)
{
	const ac_profile *p = ev->p;
	const ac_wording *words = ev->prep->pol->wording;
	char number[48];
	int ok = 1;
	if (p->role.n_tasks && fabs(ev->share_total - 100) > 0.5) {
		snprintf(number, sizeof number, "%g", round(ev->share_total * 100) / 100);
		ok &= ac_list_push(&a->warnings, &a->n_warnings, AC_SAY_DUP(words, AC_W_WARNING_SHARES, number));
	}
	if (ev->prefilled) {
		char groups[24], folded[24];
		const char *code = ev->prep->occ->code;
		snprintf(number, sizeof number, "%zu", ev->n_source_tasks);
		snprintf(groups, sizeof groups, "%zu", ev->n_groups);
		snprintf(folded, sizeof folded, "%zu", ev->n_folded);
		char *say = ev->group_layout == AC_GROUPS_PER_TASK
				    ? AC_SAY_DUP(words, AC_W_WARNING_PREFILLED_TASKS, number, code)
			    : ev->group_layout == AC_GROUPS_SPLIT
				    ? AC_SAY_DUP(words, AC_W_WARNING_PREFILLED_SPLIT, number, code, groups)
			    : ev->group_layout == AC_GROUPS_FOLDED
				    ? AC_SAY_DUP(words, AC_W_WARNING_PREFILLED_FOLDED, number, code, groups, folded)
				    : AC_SAY_DUP(words, AC_W_WARNING_PREFILLED, number, code, groups);
		ok &= ac_list_push(&a->warnings, &a->n_warnings, say);
	}
	if (ev->n_uncategorised) {
		snprintf(number, sizeof number, "%zu", ev->n_uncategorised);
		ok &= ac_list_push(&a->warnings, &a->n_warnings, AC_SAY_DUP(words, AC_W_WARNING_UNCATEGORISED, number));
	}
	if (ev->motive_invalid && ev->motive_valid)
		ok &= ac_list_push(&a->warnings, &a->n_warnings, strdup(ac_word(words, AC_W_WARNING_INVALID_MOTIVES)));
	return ok ? AC_OK : AC_ENOMEM;
}

/* Replaces *dst with *src when src is not empty; src is left empty. */
static void take_list(char ***dst, size_t *ndst, char ***src, size_t *nsrc)
{
	if (!*nsrc)
		return;
	for (size_t i = 0; i < *ndst; i++)
		free((*dst)[i]);
	free(*dst);
	*dst = *src;
	*ndst = *nsrc;
	*src = NULL;
	*nsrc = 0;
}

/* Preparation hours when no source gives them: the policy's estimate for
 * the entry's level, else for its format, with the range around it. */
static void estimate_hours(const ac_policy *pol, ac_cert *c, ac_assessment *a)
{
	ac_num h;
	if (ac_hours_estimate(pol, c, &h, &a->certification.hours_low, &a->certification.hours_high)) {
		c->hours = h;
		a->certification.hours_estimated = 1;
	}
}

static ac_status resolve_certificate(const ac_profile *p, const ac_context *ctx, ac_cert *out, int *from_catalogue,
				     ac_diags *diags)
{
	*from_catalogue = 0;
	if (!p->cert_given)
		return AC_OK;
	const ac_cert *base = NULL;
	if (p->cert.id) {
		base = ctx->catalogue ? ac_catalogue_find(ctx->catalogue, p->cert.id) : NULL;
		if (!base) {
			ac_diags_add(diags, NULL, "certification.id", 0, 0,
				     "found \"%s\", expected the id of a certificate in the catalogue "
				     "(see 'aicert certs list' or 'aicert certs search WORD')",
				     p->cert.id);
			return AC_ENOTFOUND;
		}
		*from_catalogue = 1;
	}
	if (ac_cert_copy(out, base ? base : &p->cert) != AC_OK)
		return AC_ENOMEM;
	if (!base)
		return AC_OK;
	/* The profile's own fields override the catalogue's. */
	const ac_cert *o = &p->cert;
	if (o->name) {
		free(out->name);
		out->name = strdup(o->name);
	}
	if (o->domain)
		out->domain = o->domain;
	if (o->level)
		out->level = o->level;
	if (o->cost_usd.set)
		out->cost_usd = o->cost_usd;
	if (o->hours.set)
		out->hours = o->hours;
	if (o->validity_months.set)
		out->validity_months = o->validity_months;
	out->recognized_by_org = o->recognized_by_org;
	ac_cert extra = {0};
	if (ac_cert_copy(&extra, o) != AC_OK)
		return AC_ENOMEM;
	take_list(&out->roles, &out->n_roles, &extra.roles, &extra.n_roles);
	take_list(&out->keywords, &out->n_keywords, &extra.keywords, &extra.n_keywords);
	ac_cert_free_fields(&extra);
	return o->name && !out->name ? AC_ENOMEM : AC_OK;
}

/* The catalogue's entry for the profile's certificate when the profile adds
 * nothing to it but the id (as compare names each one), else NULL. */
static const ac_cert *catalogue_entry_as_is(const ac_profile *p, const ac_context *ctx)
{
	const ac_cert *o = &p->cert;
	if (!p->cert_given || !o->id || !ctx->catalogue || o->name || o->domain || o->level || o->cost_usd.set ||
	    o->hours.set || o->validity_months.set || o->n_roles || o->n_keywords)
		return NULL;
	return ac_catalogue_find(ctx->catalogue, o->id);
}

/* An unknown code becomes a note in the report; a database that cannot be
 * read (damaged, gone) fails the assessment with the reader's diagnostic. */
static ac_status load_occupation(const ac_profile *p, const ac_context *ctx, ac_assessment *a, ac_diags *diags)
{
	if (!p->role.occupation)
		return AC_OK;
	const ac_wording *words = ctx->policy->wording;
	if (!ctx->occdata) {
		a->exposure.occupation_note = strdup(ac_word(words, AC_W_NOTE_OCCUPATION_DATA_MISSING));
		return a->exposure.occupation_note ? AC_OK : AC_ENOMEM;
	}
	size_t said = diags ? diags->count : 0;
	ac_status st = ac_occdata_occupation(ctx->occdata, p->role.occupation, &a->exposure.occupation, diags);
	if (st == AC_ENOTFOUND || st == AC_EINPUT) {
		if (diags)
			ac_diags_truncate(diags, said);
		a->exposure.occupation_note = AC_SAY_DUP(words, AC_W_NOTE_OCCUPATION_UNKNOWN, p->role.occupation);
		return a->exposure.occupation_note ? AC_OK : AC_ENOMEM;
	}
	return st;
}

static void place_person(ac_assessment *a, const ac_context *ctx)
{
	ac_occupation *occ = a->exposure.occupation;
	if (!occ || !a->exposure.has_tasks)
		return;
	double pct;
	/* On the measure the occupations are placed by: their measured exposure
	 * (the default policy's category figures are calibrated to it). */
	if (ac_occdata_exposure_percentile(ctx->occdata, a->exposure.score, &pct, NULL) == AC_OK) {
		a->exposure.person_percentile.set = 1;
		a->exposure.person_percentile.v = pct;
	}
	/* The two sources measure on different scales, so the range compares
	 * where each places the occupation among all occupations. */
	if (occ->beta_percentile.set && occ->applicability_percentile.set) {
		a->exposure.range_low.set = a->exposure.range_high.set = 1;
		a->exposure.range_low.v = ac_num_min(occ->beta_percentile.v, occ->applicability_percentile.v) / 100;
		a->exposure.range_high.v = ac_num_max(occ->beta_percentile.v, occ->applicability_percentile.v) / 100;
	}
}

/* The assessment's date: as given, or today in UTC. */
static ac_status date_of(const ac_context *ctx, ac_prepared *prep, ac_diags *diags)
{
	if (!ctx->as_of) {
		prep->as_of_day = ac_date_today();
	} else if (!ac_date_parse(ctx->as_of, &prep->as_of_day)) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "as_of: found '%.40s', expected a calendar date written YYYY-MM-DD", ctx->as_of);
		return AC_EINPUT;
	}
	ac_date_format(prep->as_of_day, prep->as_of);
	return AC_OK;
}

/* ranking_only: what compare ranks by, and nothing more. */
static ac_status assess_with(const ac_profile *profile, const ac_context *ctx, int ranking_only, ac_fit_memo *memo,
			     ac_assessment **out, ac_diags *diags)
{
	*out = NULL;
	if (!profile || !ctx || !ctx->policy)
		return AC_EINTERNAL;
	/* A step that cannot store a word or a match would give another answer
	 * rather than fail: any allocation that failed on the way fails the whole. */
	unsigned long failures = ac_mem_failures();
	ac_assessment *a = calloc(1, sizeof *a);
	if (!a)
		return AC_ENOMEM;
	ac_prepared prep = {ctx, ctx->policy, NULL, NULL, 0, "", memo};
	ac_status st = date_of(ctx, &prep, diags);
	/* Ranking, the catalogue's entry is used as it is, not copied (the
	 * assessment keeps only the price and the hours a row shows). */
	const ac_cert *as_is = ranking_only ? catalogue_entry_as_is(profile, ctx) : NULL;
	ac_cert borrowed;
	if (st == AC_OK && as_is) {
		borrowed = *as_is;
		borrowed.recognized_by_org = profile->cert.recognized_by_org;
		a->certification.from_catalogue = 1;
		estimate_hours(ctx->policy, &borrowed, a);
		a->certification.cert.cost_usd = borrowed.cost_usd;
		a->certification.cert.hours = borrowed.hours;
	} else if (st == AC_OK) {
		st = resolve_certificate(profile, ctx, &a->certification.cert, &a->certification.from_catalogue, diags);
		/* A certificate the profile describes is taken as given. */
		if (st == AC_OK && a->certification.from_catalogue)
			estimate_hours(ctx->policy, &a->certification.cert, a);
	}
	if (st == AC_OK)
		st = load_occupation(profile, ctx, a, diags);
	prep.cert = !profile->cert_given ? NULL : as_is ? &borrowed : &a->certification.cert;
	ac_fit_memo_own(memo, prep.cert); /* a memo may serve several assessments (compare) */
	prep.occ = a->exposure.occupation;
	memcpy(a->as_of, prep.as_of, sizeof a->as_of);
	ac_eval ev;
	if (st == AC_OK)
		st = ac_eval_run(&ev, &prep, profile, diags);
	else
		memset(&ev, 0, sizeof ev);
	a->policy_name = strdup(ctx->policy->name);
	a->policy_version = strdup(ctx->policy->version);
	if (profile->label)
		a->label = strdup(profile->label);
	if (st == AC_OK && (!a->policy_name || !a->policy_version || (profile->label && !a->label)))
		st = AC_ENOMEM;
	if (st == AC_OK && ranking_only) {
		/* What compare ranks by: the verdict, its rule and the certificate's
		 * figures; no text is written. */
		a->verdict = ev.verdict;
		if (!(a->reason = strdup(ctx->policy->rules[ev.decisive].id)))
			st = AC_ENOMEM;
		if (st == AC_OK)
			st = fill_certificate(a, &ev, 0);
		ac_eval_free(&ev);
		if (st != AC_OK) {
			ac_assessment_free(a);
			return st;
		}
		*out = a;
		return AC_OK;
	}
	if (st == AC_OK)
		st = fill_rules(a, &ev);
	if (st == AC_OK) {
		st = fill_facts(a, &ev);
		/* The task list now belongs to the assessment. */
		ev.tasks = NULL;
		ev.n_tasks = 0;
	}
	if (st == AC_OK)
		st = fill_certificate(a, &ev, 1);
	if (st == AC_OK)
		st = fill_warnings(a, &ev);
	if (st == AC_OK)
		place_person(a, ctx);
	if (st == AC_OK)
		st = ac_explain(a, &ev);
	if (st == AC_OK)
		st = ac_whatif(a, &prep, profile, &ev, ctx->counterfactuals);
	ac_eval_free(&ev);
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st != AC_OK) {
		ac_assessment_free(a);
		return st;
	}
	*out = a;
	return AC_OK;
}

static ac_status assess(const ac_profile *profile, const ac_context *ctx, int ranking_only, ac_assessment **out,
			ac_diags *diags)
{
	ac_fit_memo memo = {0};
	ac_status st = assess_with(profile, ctx, ranking_only, &memo, out, diags);
	ac_fit_memo_free(&memo);
	return st;
}

ac_status ac_assess(const ac_profile *profile, const ac_context *ctx, ac_assessment **out, ac_diags *diags)
{
	return assess(profile, ctx, 0, out, diags);
}

ac_status ac_assess_ranked_with(const ac_profile *profile, const ac_context *ctx, ac_fit_memo *memo,
				ac_assessment **out, ac_diags *diags)
{
	return assess_with(profile, ctx, 1, memo, out, diags);
}

ac_status ac_assess_for_ranking(const ac_profile *profile, const ac_context *ctx, ac_assessment **out, ac_diags *diags)
{
	return assess(profile, ctx, 1, out, diags);
}

static void free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

void ac_assessment_free(ac_assessment *a)
{
	if (!a)
		return;
	free(a->policy_name);
	free(a->policy_version);
	free(a->label);
	free(a->reason);
	free(a->headline);
	for (size_t i = 0; i < a->n_rules; i++) {
		free(a->rules[i].id);
		free(a->rules[i].title);
		free(a->rules[i].because);
		for (size_t k = 0; k < a->rules[i].n_figures; k++)
			free(a->rules[i].figures[k].name);
		free(a->rules[i].figures);
	}
	free(a->rules);
	free_list(a->flags, a->n_flags);
	free_list(a->flag_notes, a->n_flags);
	for (size_t i = 0; i < a->exposure.n_tasks; i++)
		free(a->exposure.tasks[i].name);
	free(a->exposure.tasks);
	ac_occupation_free(a->exposure.occupation);
	free(a->exposure.occupation_note);
	free_list(a->timing.why, a->timing.n_why);
	free(a->exposure_understood.why);
	free(a->leverage_possible.why);
	free(a->timing_appropriate.why);
	free(a->trajectory_defined.why);
	for (int i = 0; i < 5; i++)
		free(a->questions[i].answer);
	ac_cert_free_fields(&a->certification.cert);
	free_list(a->certification.gap_matched, a->certification.n_gap_matched);
	free(a->certification.role_matched);
	free_list(a->certification.warnings, a->certification.n_warnings);
	for (int i = 0; i < AC_PATH__COUNT; i++) {
		free(a->alternatives[i].why);
		free(a->alternatives[i].first_step);
	}
	ac_what_changes_free(a);
	free_list(a->warnings, a->n_warnings);
	free(a);
}
