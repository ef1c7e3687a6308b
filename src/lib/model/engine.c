/*
 * engine.c — the decision model, in the order FRAMEWORK.md reasons: exposure,
 * replaceability, leverage, trajectory, organisation, industry and timing,
 * motives, the certificate.  Each step turns profile answers into named facts
 * (facts.h); the policy then decides, in this order, the adoption phase, which
 * motives are valid, its derived facts, the verdict (its ordered rules) and
 * the positioning.  Nothing here knows a threshold, a rule order or a
 * judgement: those come from the policy.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/fit.h"
#include "input/cert.h"
#include "core/strbuf.h"

/* ------------------------------------------------------------ helpers */

/* Facts that run parallel to an enum are declared in its order. */
_Static_assert(AC_F_ADOPTION_INTERMEDIARIES_REMOVED - AC_F_ADOPTION_AI_OPTIONAL ==
		       AC_SIG_INTERMEDIARIES_REMOVED - AC_SIG_AI_OPTIONAL,
	       "one adoption_* fact per adoption signal, in order");
_Static_assert(AC_F_POSITIONING_NOT_ANSWERED - AC_F_POSITIONING_OFFENSIVE == AC_POS__COUNT - 1,
	       "one positioning_* fact per positioning value, in order");

static void set_b(ac_eval *ev, int f, ac_tri v)
{
	ev->f[f].type = AC_T_BOOL;
	ev->f[f].b = v;
}

static ac_tri tri_of(int v)
{
	return v ? AC_TRUE : AC_FALSE;
}

static void set_n(ac_eval *ev, int f, int known, double x)
{
	ev->f[f].type = AC_T_NUM;
	ev->f[f].known = known;
	ev->f[f].n = known ? x : 0;
}

static void set_s(ac_eval *ev, int f, const char *s)
{
	ev->f[f].type = AC_T_STR;
	ev->f[f].known = s != NULL;
	ev->f[f].s = s;
}

static void set_num(ac_eval *ev, int f, ac_num n)
{
	set_n(ev, f, n.set, n.v);
}

/* A claim does not hold until it is made: unanswered counts as no. */
static int claimed(ac_tri t)
{
	return t == AC_TRUE;
}

static int has_motive(const ac_profile *p, int m)
{
	return (p->motives & (1u << m)) != 0;
}
/* ------------------------------------------------------------ 1. exposure */

static int authority_by_default(int category)
{
	return category == AC_CAT_JUDGMENT_DECISIONS || category == AC_CAT_SYSTEM_DESIGN ||
	       category == AC_CAT_PEOPLE_LEADERSHIP || category == AC_CAT_STRATEGY_INFLUENCE;
}

/* The category whose default exposure is nearest x: used for an O*NET task
 * whose work activity the policy does not map. */
static int nearest_category(const ac_policy *pol, double x)
{
	int best = AC_CAT_RESEARCH_SYNTHESIS;
	double bd = 2;
	for (int c = 1; c <= AC_CAT__COUNT; c++) {
		double d = fabs(pol->categories[c].exposure - x);
		if (d < bd - 1e-12) {
			bd = d;
			best = c;
		}
	}
	return best;
}

static const ac_occ_task *occ_task(const ac_occupation *occ, long id)
{
	for (size_t i = 0; occ && i < occ->n_tasks; i++)
		if (occ->tasks[i].task_id == id)
			return &occ->tasks[i];
	return NULL;
}

static int occ_task_category(const ac_policy *pol, const ac_occ_task *t)
{
	int c = ac_policy_gwa_category(pol, t->gwa_id);
	return c ? c : nearest_category(pol, t->beta.set ? t->beta.v : 0.5);
}

/* Builds the effective task list: the person's own, or the occupation's
 * (Core weight 2, Supplemental 1) when they gave none. */
static ac_status build_tasks(ac_eval *ev, ac_diags *diags)
{
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	const ac_occupation *occ = ev->prep->occ;
	size_t n = p->role.n_tasks;
	ev->prefilled = 0;
	if (n == 0 && occ && occ->n_tasks) {
		n = occ->n_tasks;
		ev->prefilled = 1;
	}
	if (n == 0)
		return AC_OK;
	ev->tasks = calloc(n, sizeof *ev->tasks);
	if (!ev->tasks)
		return AC_ENOMEM;
	ev->n_tasks = n;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		ac_task_result *r = &ev->tasks[i];
		ac_task given = {0};
		const ac_occ_task *ot = NULL;
		if (ev->prefilled) {
			ot = &occ->tasks[i];
			given.name = ot->statement;
			given.share = ot->core ? 2 : 1;
			given.onet_task_id = ot->task_id;
		} else {
			given = p->role.tasks[i];
			if (given.onet_task_id) {
				ot = occ_task(occ, given.onet_task_id);
				if (!ot && !given.category) {
					char path[64];
					snprintf(path, sizeof path, "role.tasks[%zu].onet_task_id", i);
					if (!occ)
						ac_diags_add(diags, NULL, path, 0, 0,
							     "found %ld, expected a category: an O*NET task id needs "
							     "installed occupation data and role.occupation (see 'aicert data import')",
							     given.onet_task_id);
					else
						ac_diags_add(diags, NULL, path, 0, 0,
							     "found %ld, expected a task id of occupation %s",
							     given.onet_task_id, occ->code);
					return AC_EINPUT;
				}
			}
		}
		if (!given.category && !ot) { /* the parser refuses this; a hand-built profile may not */
			char path[64];
			snprintf(path, sizeof path, "role.tasks[%zu].category", i);
			ac_diags_add(diags, NULL, path, 0, 0, "found nothing, expected a task category");
			return AC_EINPUT;
		}
		int cat = given.category ? given.category : occ_task_category(pol, ot);
		const ac_category_policy *cp = &pol->categories[cat];
		r->name = strdup(given.name ? given.name : "");
		if (!r->name)
			return AC_ENOMEM;
		r->category = cat;
		r->share = given.share;
		total += given.share;
		r->repeatable = given.repeatable ? given.repeatable == AC_TRUE : cp->repeatable;
		r->standardized_output = given.standardized_output ? given.standardized_output == AC_TRUE : cp->repeatable;
		r->benchmarkable = given.benchmarkable ? given.benchmarkable == AC_TRUE : cp->repeatable;
		r->needs_decision_authority = given.needs_decision_authority
			? given.needs_decision_authority == AC_TRUE : authority_by_default(cat);
		if (given.exposure.set) {
			r->exposure = given.exposure.v;
			r->measured = 1;
		} else if (ot && ot->beta.set) {
			r->exposure = ot->beta.v;
			r->measured = 1;
		} else {
			r->exposure = cp->exposure;
		}
	}
	ev->share_total = ev->prefilled ? 100 : total;
	for (size_t i = 0; i < n; i++) {
		ev->tasks[i].share = total > 0 ? ev->tasks[i].share / total : 0;
		ev->tasks[i].contribution = ev->tasks[i].share * ev->tasks[i].exposure;
	}
	return AC_OK;
}

static void exposure_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	int has = ev->n_tasks > 0;
	double score = 0, rep = 0, std = 0, bench = 0, sep = 0, reporting = 0, coord = 0;
	size_t top = 0;
	for (size_t i = 0; i < ev->n_tasks; i++) {
		const ac_task_result *t = &ev->tasks[i];
		score += t->contribution;
		rep += t->repeatable ? t->share : 0;
		std += t->standardized_output ? t->share : 0;
		bench += t->benchmarkable ? t->share : 0;
		sep += t->needs_decision_authority ? 0 : t->share;
		if (t->category == AC_CAT_STANDARDIZED_REPORTING || t->category == AC_CAT_DOCUMENT_DRAFTING)
			reporting += t->share;
		if (t->category == AC_CAT_COORDINATION)
			coord += t->share;
		if (t->contribution > ev->tasks[top].contribution + 1e-12)
			top = i;
	}
	set_b(ev, AC_F_HAS_TASKS, tri_of(has));
	set_b(ev, AC_F_PREFILLED, tri_of(ev->prefilled));
	set_n(ev, AC_F_EXPOSURE, has, score);
	set_n(ev, AC_F_REPEATABLE_SHARE, has, rep);
	set_n(ev, AC_F_STANDARDIZED_SHARE, has, std);
	set_n(ev, AC_F_BENCHMARKABLE_SHARE, has, bench);
	set_n(ev, AC_F_SEPARABLE_SHARE, has, sep);
	set_n(ev, AC_F_REPORTING_SHARE, has, reporting);
	set_n(ev, AC_F_COORDINATION_SHARE, has, coord);
	set_s(ev, AC_F_TOP_TASK, has ? ev->tasks[top].name : NULL);
	set_n(ev, AC_F_TOP_TASK_SHARE, has, has ? ev->tasks[top].share : 0);
	set_b(ev, AC_F_EXPOSED, has ? tri_of(rep >= pol->thresholds[AC_TH_EXPOSED_REPEATABLE_SHARE] - 1e-9) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 2. replaceability */

static void replaceability_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	const ac_profile *p = ev->p;
	double cs = pol->thresholds[AC_TH_CONDITION_SHARE] - 1e-9;
	int has = ev->n_tasks > 0;
	ac_tri c1 = AC_UNKNOWN, c2 = AC_UNKNOWN, c3 = AC_UNKNOWN, c4 = AC_UNKNOWN;
	if (has) {
		c1 = tri_of(ev->f[AC_F_STANDARDIZED_SHARE].n >= cs);
		c2 = tri_of(ev->f[AC_F_REPEATABLE_SHARE].n >= cs);
		c3 = tri_of(ev->f[AC_F_BENCHMARKABLE_SHARE].n >= cs);
		c4 = tri_of(ev->f[AC_F_SEPARABLE_SHARE].n >= cs);
	}
	/* A direct answer about decision authority decides condition 4. */
	if (p->role.decision_authority)
		c4 = tri_of(p->role.decision_authority == AC_AUTH_SEPARABLE);
	set_b(ev, AC_F_COND_STANDARDIZED, c1);
	set_b(ev, AC_F_COND_REPEATABLE, c2);
	set_b(ev, AC_F_COND_BENCHMARKED, c3);
	set_b(ev, AC_F_COND_SEPARABLE, c4);
	int count = (c1 == AC_TRUE) + (c2 == AC_TRUE) + (c3 == AC_TRUE) + (c4 == AC_TRUE);
	set_n(ev, AC_F_REPLACEABILITY, has, count);
	set_b(ev, AC_F_REPLACEABILITY_HIGH,
	      has ? tri_of(count >= pol->thresholds[AC_TH_REPLACEABILITY_HIGH] - 1e-9) : AC_UNKNOWN);
	set_b(ev, AC_F_HOLDS_AUTHORITY,
	      p->role.decision_authority ? tri_of(p->role.decision_authority == AC_AUTH_HOLDS) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 3-4. leverage, trajectory */

int ac_eval_orientation(const ac_eval *ev)
{
	switch (ev->p->role.leverage_test) {
	case AC_LT_SCOPE:
	case AC_LT_INFLUENCE: return AC_ORIENT_LEVERAGE;
	case AC_LT_PAY: return AC_ORIENT_REWARDED;
	case AC_LT_HEADCOUNT_CUT: return AC_ORIENT_COMPRESSIBLE;
	case AC_LT_UNSURE: {
		ac_tri high = ev->f[AC_F_REPLACEABILITY_HIGH].b;
		return high == AC_TRUE ? AC_ORIENT_COMPRESSIBLE : high == AC_FALSE ? AC_ORIENT_NEUTRAL : 0;
	}
	}
	return 0;
}

static void leverage_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	int o = ac_eval_orientation(ev);
	ac_tri known = o ? AC_FALSE : AC_UNKNOWN;
	set_b(ev, AC_F_LEVERAGE_TEST_ANSWERED, tri_of(p->role.leverage_test != 0));
	set_b(ev, AC_F_LEVERAGE_ORIENTED, o == AC_ORIENT_LEVERAGE ? AC_TRUE : known);
	set_b(ev, AC_F_REWARDED, o == AC_ORIENT_REWARDED ? AC_TRUE : known);
	set_b(ev, AC_F_COMPRESSIBLE, o == AC_ORIENT_COMPRESSIBLE ? AC_TRUE : known);
	int enhanced = claimed(p->ai_use.widened_scope);
	int owns = claimed(p->role.owns_measurable_outcomes) || claimed(p->role.manager_owns_outcomes);
	int sysd = claimed(p->trajectory.expanding_into_system_design);
	int hybrid = claimed(p->trajectory.transitioning_to_hybrid);
	set_b(ev, AC_F_AI_ENHANCED_ROLE, tri_of(enhanced));
	set_b(ev, AC_F_OWNS_OUTCOMES, tri_of(owns));
	set_b(ev, AC_F_EXPANDING_SYSTEM_DESIGN, tri_of(sysd));
	set_b(ev, AC_F_TRANSITIONING_HYBRID, tri_of(hybrid));
	set_n(ev, AC_F_LEVERAGE_COUNT, 1, enhanced + owns + sysd + hybrid);
	set_n(ev, AC_F_LADDER_LEVEL, p->role.ladder_level != 0, p->role.ladder_level);

	ac_tri tested = p->ai_use.tested_in_role;
	if (!tested && p->ai_use.level == AC_AI_NONE)
		tested = AC_FALSE; /* no AI use at all means not tested */
	else if (!tested && (p->ai_use.level == AC_AI_REGULAR || p->ai_use.level == AC_AI_BUILT_WORKFLOWS))
		tested = AC_TRUE;
	set_b(ev, AC_F_AI_TESTED, tested);
	set_b(ev, AC_F_AI_USES_WELL, p->ai_use.level ? tri_of(p->ai_use.level >= AC_AI_REGULAR) : AC_UNKNOWN);

	int kind = p->role.kind;
	set_b(ev, AC_F_IS_MANAGER, kind ? tri_of(kind != AC_KIND_IC) : p->role.manager_given ? AC_TRUE : AC_UNKNOWN);
	set_b(ev, AC_F_MANAGER_SUPERVISORY, p->role.manager_purely_supervisory);
	set_b(ev, AC_F_MANAGER_OWNS, p->role.manager_owns_outcomes);
	set_num(ev, AC_F_MANAGER_STATUS_SHARE, p->role.manager_reporting_share);
	set_b(ev, AC_F_VALUE_SPEED, p->role.value_basis ? tri_of(p->role.value_basis == AC_VB_SPEED) : AC_UNKNOWN);
	set_b(ev, AC_F_REVENUE_CLOSE, p->role.revenue_distance ? tri_of(p->role.revenue_distance != AC_REV_FAR) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 5-6. organisation, industry, timing */

static ac_tri reading_is(int reading, int want)
{
	if (!reading || reading == AC_LR_UNKNOWN)
		return AC_UNKNOWN;
	return tri_of(reading == want);
}

static void organisation_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	const ac_tri s[4] = {p->organization.leadership_values_ai_literacy,
			     p->organization.promotion_committees_want_credentials,
			     p->organization.politics_reward_formal_programs,
			     p->organization.credential_sensitive_environment};
	int yes = 0, unanswered = 0;
	for (int i = 0; i < 4; i++) {
		yes += s[i] == AC_TRUE;
		unanswered += s[i] == AC_UNKNOWN;
	}
	double need = ev->prep->pol->thresholds[AC_TH_CREDENTIAL_SENSITIVE_SIGNALS] - 1e-9;
	set_n(ev, AC_F_SIGNAL_STRENGTH, 1, yes);
	set_b(ev, AC_F_CREDENTIAL_SENSITIVE, yes >= need ? AC_TRUE : yes + unanswered < need ? AC_FALSE : AC_UNKNOWN);
	int r = p->organization.leader_reading;
	set_b(ev, AC_F_LEADER_MODERNIZER, reading_is(r, AC_LR_MODERNIZER));
	set_b(ev, AC_F_LEADER_EFFICIENT, reading_is(r, AC_LR_EFFICIENT_OPERATOR));
	set_b(ev, AC_F_LEADER_AUTOMATION, reading_is(r, AC_LR_AUTOMATION_EVIDENCE));

	/* One fact per adoption signal: the policy's [phase N] sections read them. */
	unsigned sig = p->organization.signals;
	for (int k = 1; k <= AC_SIG__COUNT; k++)
		set_b(ev, AC_F_ADOPTION_AI_OPTIONAL + k - 1,
		      sig & (1u << k) ? AC_TRUE : p->organization.signals_given ? AC_FALSE : AC_UNKNOWN);

	int comp = p->industry.business_model_compressing;
	set_b(ev, AC_F_INDUSTRY_COMPRESSING, comp == AC_COMP_YES ? AC_TRUE : comp == AC_COMP_NO ? AC_FALSE : AC_UNKNOWN);
	set_b(ev, AC_F_INDUSTRY_SHIFTING, p->industry.shifting_to_ai);
	set_b(ev, AC_F_DIGITAL_HIGH, p->industry.digital_intensity ? tri_of(p->industry.digital_intensity == AC_DIG_HIGH) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 7. motives */

/* What the motives say before the policy judges them. */
static void motive_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	set_b(ev, AC_F_MOTIVES_GIVEN, tri_of(p->motives != 0));
	set_b(ev, AC_F_PANIC_MOTIVE, tri_of(has_motive(p, AC_MOT_REDUCE_ANXIETY) || has_motive(p, AC_MOT_FOLLOW_HEADLINES)));
	set_b(ev, AC_F_GAP_NAMED, tri_of(p->capability_gap != NULL));
	set_b(ev, AC_F_TARGET_NAMED, tri_of(p->trajectory.target_role != NULL));
	set_b(ev, AC_F_DEFINED_TRANSITION, tri_of(has_motive(p, AC_MOT_ROLE_TRANSITION) && p->trajectory.target_role));
	set_s(ev, AC_F_TARGET_ROLE, p->trajectory.target_role);
	set_s(ev, AC_F_CAPABILITY_GAP, p->capability_gap);
}

/* ------------------------------------------------------------ 8. the certificate */

static void certificate_facts(ac_eval *ev)
{
	const ac_cert *c = ev->prep->cert;
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	set_b(ev, AC_F_CERT_NAMED, tri_of(c != NULL));
	set_s(ev, AC_F_CERT_NAME, c ? (c->name ? c->name : c->id) : NULL);
	ac_tri gap = c ? ac_gap_fit(pol, c, p->capability_gap, NULL, NULL) : AC_UNKNOWN;
	set_b(ev, AC_F_CERT_GAP_FIT, gap);
	set_b(ev, AC_F_CERT_MISSES_GAP, tri_of(c && p->capability_gap && gap == AC_FALSE));
	set_b(ev, AC_F_CERT_ROLE_FIT, ac_role_fit(c, p, NULL));
	set_b(ev, AC_F_CERT_RECOGNIZED, c ? c->recognized_by_org : AC_UNKNOWN);
	set_b(ev, AC_F_CERT_RETIRED, c ? tri_of(c->status == AC_STATUS_RETIRED || c->status == AC_STATUS_RETIRING) : AC_FALSE);
	set_b(ev, AC_F_CERT_PREREQ_GATED, c ? tri_of(c->gated) : AC_FALSE);
	ac_cert_cost cost = {0};
	if (c)
		ac_cert_costs(c, p->constraints.hours_per_week, p->role.hourly_pay_usd, &cost);
	set_n(ev, AC_F_CERT_COST, c && c->cost_usd.set, c ? c->cost_usd.v : 0);
	set_n(ev, AC_F_CERT_HOURS, c && c->hours.set, c ? c->hours.v : 0);
	set_num(ev, AC_F_CERT_WEEKS, cost.weeks);
	set_num(ev, AC_F_HOURS_PER_WEEK, p->constraints.hours_per_week);
	ac_tri over = AC_UNKNOWN, hours = AC_TRUE;
	if (!c)
		over = AC_FALSE;
	else if (c->cost_usd.set && p->constraints.budget_usd.set)
		over = tri_of(c->cost_usd.v > p->constraints.budget_usd.v + 1e-9);
	if (c)
		hours = cost.weeks.set ? tri_of(cost.weeks.v <= pol->thresholds[AC_TH_MAX_CERTIFICATE_WEEKS] + 1e-9)
				       : AC_UNKNOWN;
	set_b(ev, AC_F_OVER_BUDGET, over);
	set_b(ev, AC_F_HAS_HOURS, hours);
}

/* ------------------------------------------------------------ what the policy decides */

/* Each given motive is valid, invalid or unknown by its [motive] section. */
static void motive_validity_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	ac_tri any_valid = AC_FALSE, shift = AC_FALSE;
	int invalid_present = 0;
	ev->motive_valid = ev->motive_invalid = ev->motive_unknown = 0;
	for (int m = 1; m <= AC_MOT__COUNT; m++) {
		if (!has_motive(p, m))
			continue;
		ac_tri v = ac_expr_truth(pol->motives[m].when, ev->f);
		any_valid = ac_tri_or(any_valid, v);
		if (m == AC_MOT_INDUSTRY_SHIFT)
			shift = v;
		if (v == AC_TRUE)
			ev->motive_valid |= 1u << m;
		else if (v == AC_FALSE) {
			ev->motive_invalid |= 1u << m;
			invalid_present = 1;
		} else
			ev->motive_unknown |= 1u << m;
	}
	int given = p->motives != 0;
	set_b(ev, AC_F_VALID_MOTIVE, given ? any_valid : AC_FALSE);
	set_b(ev, AC_F_NO_VALID_MOTIVE, given ? ac_tri_not(any_valid) : AC_FALSE);
	set_b(ev, AC_F_INVALID_MOTIVE_PRESENT, tri_of(invalid_present));
	set_b(ev, AC_F_INDUSTRY_SHIFT_VALID, shift);
}

/* The phase: the highest [phase N] whose condition certainly holds. */
static void phase_fact(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	int phase = 0;
	for (int n = 1; n <= AC_PHASES; n++)
		if (ac_expr_truth(pol->phases[n].when, ev->f) == AC_TRUE)
			phase = n;
	set_n(ev, AC_F_PHASE, phase != 0, phase);
}

/* The positioning: the first line of [positioning] that certainly holds. */
static void positioning_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	ev->positioning = -1;
	for (size_t i = 0; i < pol->n_positions && ev->positioning < 0; i++)
		if (ac_expr_truth(pol->positions[i].when, ev->f) == AC_TRUE)
			ev->positioning = pol->positions[i].value;
	for (int v = 0; v < AC_POS__COUNT; v++)
		set_b(ev, AC_F_POSITIONING_OFFENSIVE + v, tri_of(v == ev->positioning));
}

/* ------------------------------------------------------------ the evaluation */

ac_status ac_eval_run(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags)
{
	memset(ev, 0, sizeof *ev);
	ev->prep = prep;
	ev->p = p;
	const ac_policy *pol = prep->pol;
	ev->n_slots = ac_policy_fact_slots(pol);
	ev->f = calloc(ev->n_slots, sizeof *ev->f);
	ev->fired = calloc(pol->n_rules ? pol->n_rules : 1, sizeof *ev->fired);
	if (!ev->f || !ev->fired)
		return AC_ENOMEM;
	ac_status st = build_tasks(ev, diags);
	if (st != AC_OK)
		return st;
	set_b(ev, AC_F_HAS_OCCUPATION, tri_of(prep->occ != NULL));
	exposure_facts(ev);
	replaceability_facts(ev);
	leverage_facts(ev);
	organisation_facts(ev);
	motive_facts(ev);
	certificate_facts(ev);
	/* What the policy decides, in the order of facts.h's stages. */
	phase_fact(ev);
	motive_validity_facts(ev);
	for (size_t i = 0; i < pol->n_derived; i++)
		set_b(ev, (int)(AC_F__BUILTIN + i), ac_expr_truth(pol->derived[i].when, ev->f));
	/* The verdict facts are for the alternatives; unknown while deciding. */
	ev->verdict = 0;
	for (size_t i = 0; i < pol->n_rules; i++) {
		ev->fired[i] = ac_expr_truth(pol->rules[i].when, ev->f);
		if (ev->fired[i] == AC_TRUE && !ev->verdict) {
			ev->verdict = pol->rules[i].verdict;
			ev->decisive = i;
		}
	}
	if (!ev->verdict)
		return AC_EINTERNAL; /* the policy's last rule always fires */
	set_b(ev, AC_F_VERDICT_PURSUE, tri_of(ev->verdict == AC_VERDICT_PURSUE));
	set_b(ev, AC_F_VERDICT_SIGNAL, tri_of(ev->verdict == AC_VERDICT_SIGNAL_ONLY));
	set_b(ev, AC_F_VERDICT_NOT_YET, tri_of(ev->verdict == AC_VERDICT_NOT_YET));
	set_b(ev, AC_F_VERDICT_AVOID, tri_of(ev->verdict == AC_VERDICT_AVOID));
	positioning_facts(ev);
	return AC_OK;
}

ac_tri ac_eval_required(const ac_eval *ev, int which)
{
	return ev->f[ev->prep->pol->required_fact[which]].b;
}

void ac_eval_free(ac_eval *ev)
{
	for (size_t i = 0; i < ev->n_tasks; i++)
		free(ev->tasks[i].name);
	free(ev->tasks);
	free(ev->f);
	free(ev->fired);
	memset(ev, 0, sizeof *ev);
}

