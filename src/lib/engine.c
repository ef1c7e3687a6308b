/*
 * engine.c — the decision model, in the order FRAMEWORK.md reasons: exposure,
 * replaceability, leverage, trajectory, organisation, industry and timing,
 * motives, the certificate.  Each step turns profile answers into named facts
 * (facts.h); the policy's derived facts, ordered rules and flags then decide.
 * Nothing here knows a threshold or a rule order: those come from the policy.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "internal.h"
#include "internal_cert.h"
#include "strbuf.h"

/* ------------------------------------------------------------ helpers */

char *ac_strdup_printf(const char *fmt, ...)
{
	strbuf sb;
	sb_init(&sb);
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	return sb_take(&sb, NULL);
}

int ac_list_push(char ***list, size_t *n, char *item)
{
	if (!item)
		return 0;
	char **l = realloc(*list, (*n + 1) * sizeof *l);
	if (!l) {
		free(item);
		return 0;
	}
	l[(*n)++] = item;
	*list = l;
	return 1;
}

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

static ac_tri t_or(ac_tri a, ac_tri b)
{
	if (a == AC_TRUE || b == AC_TRUE)
		return AC_TRUE;
	return a == AC_FALSE && b == AC_FALSE ? AC_FALSE : AC_UNKNOWN;
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

static int orientation(const ac_eval *ev)
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
	int o = orientation(ev);
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

	unsigned sig = p->organization.signals;
	int phase = 0;
	if (sig & ((1u << AC_SIG_AI_OPTIONAL) | (1u << AC_SIG_FEW_EXPERIMENTING)))
		phase = 1;
	if (sig & ((1u << AC_SIG_AI_EXPECTED) | (1u << AC_SIG_OUTPUT_TARGETS_RISING) | (1u << AC_SIG_HIRING_SLOWING) |
		   (1u << AC_SIG_WIDER_SPANS)))
		phase = 2;
	if (sig & ((1u << AC_SIG_LAYERS_REMOVED) | (1u << AC_SIG_REPORTING_AUTOMATED) | (1u << AC_SIG_INTERMEDIARIES_REMOVED)))
		phase = 3;
	set_n(ev, AC_F_PHASE, phase != 0, phase);

	int comp = p->industry.business_model_compressing;
	set_b(ev, AC_F_INDUSTRY_COMPRESSING, comp == AC_COMP_YES ? AC_TRUE : comp == AC_COMP_NO ? AC_FALSE : AC_UNKNOWN);
	set_b(ev, AC_F_INDUSTRY_SHIFTING, p->industry.shifting_to_ai);
	set_b(ev, AC_F_DIGITAL_HIGH, p->industry.digital_intensity ? tri_of(p->industry.digital_intensity == AC_DIG_HIGH) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 7. motives */

static ac_tri motive_validity(const ac_eval *ev, int m)
{
	const ac_profile *p = ev->p;
	switch (m) {
	case AC_MOT_CAPABILITY_GAP: return tri_of(p->capability_gap != NULL); /* unnamed: unclear positioning */
	case AC_MOT_CREDENTIAL_SIGNAL: return ev->f[AC_F_CREDENTIAL_SENSITIVE].b;
	case AC_MOT_ROLE_TRANSITION: return tri_of(p->trajectory.target_role != NULL);
	case AC_MOT_INDUSTRY_SHIFT: return ev->f[AC_F_INDUSTRY_SHIFTING].b;
	default: return AC_FALSE; /* the four invalid reasons */
	}
}

static void motive_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	ac_tri any_valid = AC_FALSE;
	int invalid_present = 0;
	ev->motive_valid = ev->motive_invalid = ev->motive_unknown = 0;
	for (int m = 1; m <= AC_MOT__COUNT; m++) {
		if (!has_motive(p, m))
			continue;
		ac_tri v = motive_validity(ev, m);
		any_valid = t_or(any_valid, v);
		if (v == AC_TRUE)
			ev->motive_valid |= 1u << m;
		else if (v == AC_FALSE) {
			ev->motive_invalid |= 1u << m;
			invalid_present = 1;
		} else
			ev->motive_unknown |= 1u << m;
	}
	int given = p->motives != 0;
	set_b(ev, AC_F_MOTIVES_GIVEN, tri_of(given));
	set_b(ev, AC_F_VALID_MOTIVE, given ? any_valid : AC_FALSE);
	set_b(ev, AC_F_NO_VALID_MOTIVE, given ? (any_valid == AC_TRUE ? AC_FALSE : any_valid == AC_FALSE ? AC_TRUE : AC_UNKNOWN) : AC_FALSE);
	set_b(ev, AC_F_INVALID_MOTIVE_PRESENT, tri_of(invalid_present));
	set_b(ev, AC_F_PANIC_MOTIVE, tri_of(has_motive(p, AC_MOT_REDUCE_ANXIETY) || has_motive(p, AC_MOT_FOLLOW_HEADLINES)));
	set_b(ev, AC_F_GAP_NAMED, tri_of(p->capability_gap != NULL));
	set_b(ev, AC_F_TARGET_NAMED, tri_of(p->trajectory.target_role != NULL));
	set_b(ev, AC_F_DEFINED_TRANSITION, tri_of(has_motive(p, AC_MOT_ROLE_TRANSITION) && p->trajectory.target_role));
	set_b(ev, AC_F_INDUSTRY_SHIFT_VALID,
	      has_motive(p, AC_MOT_INDUSTRY_SHIFT) ? ev->f[AC_F_INDUSTRY_SHIFTING].b : AC_FALSE);
	set_s(ev, AC_F_TARGET_ROLE, p->trajectory.target_role);
	set_s(ev, AC_F_CAPABILITY_GAP, p->capability_gap);
}

/* ------------------------------------------------------------ 8. the certificate */

/* Gap fit: the named gap mentions a capability keyword of the certificate or
 * of its domain.  matched (may be NULL) collects the words that matched. */
static ac_tri gap_fit(const ac_policy *pol, const ac_cert *c, const char *gap, char ***matched, size_t *n_matched)
{
	if (!gap || !c)
		return AC_UNKNOWN;
	int any_keyword = 0, hit = 0;
	for (size_t i = 0; i < c->n_keywords; i++) {
		any_keyword = 1;
		if (ac_text_has_phrase(gap, c->keywords[i])) {
			hit = 1;
			if (matched)
				ac_list_push(matched, n_matched, strdup(c->keywords[i]));
		}
	}
	const char *dk = c->domain ? pol->domain_keywords[c->domain] : NULL;
	if (dk && *dk) {
		char *copy = strdup(dk), *save = NULL;
		for (char *w = copy ? strtok_r(copy, ",", &save) : NULL; w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ')
				w++;
			any_keyword = 1;
			if (ac_text_has_phrase(gap, w)) {
				hit = 1;
				int dup = 0;
				for (size_t k = 0; matched && k < *n_matched; k++)
					dup |= strcmp((*matched)[k], w) == 0;
				if (matched && !dup)
					ac_list_push(matched, n_matched, strdup(w));
			}
		}
		free(copy);
	}
	return any_keyword ? tri_of(hit) : AC_UNKNOWN;
}

/* Role fit against the target role, or the current title when no target. */
static ac_tri role_fit(const ac_cert *c, const ac_profile *p, const char **matched)
{
	const char *want = p->trajectory.target_role ? p->trajectory.target_role : p->role.title;
	if (!c || !c->n_roles || !want)
		return AC_UNKNOWN;
	for (size_t i = 0; i < c->n_roles; i++)
		if (ac_roles_match(want, c->roles[i])) {
			if (matched)
				*matched = c->roles[i];
			return AC_TRUE;
		}
	return AC_FALSE;
}

static void certificate_facts(ac_eval *ev)
{
	const ac_cert *c = ev->prep->cert;
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	set_b(ev, AC_F_CERT_NAMED, tri_of(c != NULL));
	set_s(ev, AC_F_CERT_NAME, c ? (c->name ? c->name : c->id) : NULL);
	ac_tri gap = c ? gap_fit(pol, c, p->capability_gap, NULL, NULL) : AC_UNKNOWN;
	set_b(ev, AC_F_CERT_GAP_FIT, gap);
	set_b(ev, AC_F_CERT_MISSES_GAP, tri_of(c && p->capability_gap && gap == AC_FALSE));
	set_b(ev, AC_F_CERT_ROLE_FIT, role_fit(c, p, NULL));
	set_b(ev, AC_F_CERT_RECOGNIZED, c ? c->recognized_by_org : AC_UNKNOWN);
	set_b(ev, AC_F_CERT_RETIRED, c ? tri_of(c->status == AC_STATUS_RETIRED || c->status == AC_STATUS_RETIRING) : AC_FALSE);
	set_b(ev, AC_F_CERT_PREREQ_GATED, c ? tri_of(c->gated) : AC_FALSE);
	ac_cert_cost cost = {0};
	if (c)
		ac_cert_costs(c, p->constraints.hours_per_week, p->role.hourly_pay_usd, &cost);
	set_n(ev, AC_F_CERT_COST, c && c->cost_usd.set, c ? c->cost_usd.v : 0);
	set_n(ev, AC_F_CERT_HOURS, c && c->hours.set, c ? c->hours.v : 0);
	set_num(ev, AC_F_CERT_WEEKS, cost.weeks);
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

/* ------------------------------------------------------------ rules */

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
	return AC_OK;
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

/* ------------------------------------------------------------ assembling the assessment */

static void add_figure(size_t slot, void *ctx);

typedef struct {
	strbuf *sb;
	const ac_eval *ev;
	int first;
} figures_ctx;

static void add_figure(size_t slot, void *vctx)
{
	figures_ctx *c = vctx;
	const ac_val *v = &c->ev->f[slot];
	sb_printf(c->sb, "%s\"%s\": ", c->first ? "" : ", ", ac_policy_fact_name(c->ev->prep->pol, slot, NULL));
	c->first = 0;
	if (v->type == AC_T_BOOL)
		sb_puts(c->sb, v->b == AC_TRUE ? "true" : v->b == AC_FALSE ? "false" : "null");
	else if (!v->known)
		sb_puts(c->sb, "null");
	else if (fabs(v->n - round(v->n)) < 1e-9)
		sb_printf(c->sb, "%.0f", round(v->n));
	else
		sb_printf(c->sb, "%.4g", round(v->n * 1e4) / 1e4);
}

static char *figures_json(const ac_eval *ev, const ac_expr *when)
{
	strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "{");
	figures_ctx c = {&sb, ev, 1};
	ac_expr_facts(when, add_figure, &c);
	sb_puts(&sb, "}");
	return sb_take(&sb, NULL);
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
		if (ev->fired[i] != AC_TRUE)
			continue;
		ac_rule_fired *r = &a->rules[a->n_rules++];
		r->id = strdup(pol->rules[i].id);
		r->verdict = pol->rules[i].verdict;
		r->decisive = i == ev->decisive;
		r->because = ac_template_expand(pol, pol->rules[i].because, ev->f);
		r->figures_json = figures_json(ev, pol->rules[i].when);
		if (!r->id || !r->because || !r->figures_json)
			return AC_ENOMEM;
	}
	const ac_rule *d = &pol->rules[ev->decisive];
	a->verdict = ev->verdict;
	a->reason = strdup(d->id);
	a->headline = ac_template_expand(pol, d->headline, ev->f);
	for (size_t i = 0; i < pol->n_flags; i++) {
		if (ac_expr_truth(pol->flags[i].when, ev->f) != AC_TRUE)
			continue;
		size_t notes = a->n_flags;
		if (!ac_list_push(&a->flag_notes, &notes, ac_template_expand(pol, pol->flags[i].says, ev->f)))
			return AC_ENOMEM;
		if (!ac_list_push(&a->flags, &a->n_flags, strdup(pol->flags[i].id))) {
			free(a->flag_notes[notes - 1]); /* keep the two lists the same length */
			return AC_ENOMEM;
		}
	}
	return a->reason && a->headline ? AC_OK : AC_ENOMEM;
}

ac_tri ac_eval_truth(const ac_eval *ev, const char *name)
{
	for (size_t i = 0; i < ev->n_slots; i++)
		if (strcmp(ac_policy_fact_name(ev->prep->pol, i, NULL), name) == 0)
			return ev->f[i].type == AC_T_BOOL ? ev->f[i].b : AC_UNKNOWN;
	return AC_UNKNOWN;
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
	a->exposure.structural = ac_eval_truth(ev, "structural") == AC_TRUE;
	a->exposure.skill_based = ac_eval_truth(ev, "skill_based") == AC_TRUE;
	if (ev->n_tasks) {
		if (f[AC_F_EXPOSED].b == AC_TRUE)
			a->exposure.klass = AC_CLASS_EXPOSED;
		else if (f[AC_F_LEVERAGE_ORIENTED].b == AC_TRUE &&
			 (f[AC_F_OWNS_OUTCOMES].b == AC_TRUE || f[AC_F_AI_ENHANCED_ROLE].b == AC_TRUE))
			a->exposure.klass = AC_CLASS_LEVERAGED;
		else
			a->exposure.klass = AC_CLASS_PRESSURED;
	}
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
	a->leverage.orientation = orientation(ev);
	a->leverage.ownership_expands = ac_eval_truth(ev, "ownership_expands");
	a->leverage.count = (int)f[AC_F_LEVERAGE_COUNT].n;
	a->leverage.ai_enhanced_role = f[AC_F_AI_ENHANCED_ROLE].b == AC_TRUE;
	a->leverage.owns_measurable_outcomes = f[AC_F_OWNS_OUTCOMES].b == AC_TRUE;
	a->leverage.expanding_into_system_design = f[AC_F_EXPANDING_SYSTEM_DESIGN].b == AC_TRUE;
	a->leverage.transitioning_to_hybrid = f[AC_F_TRANSITIONING_HYBRID].b == AC_TRUE;
	a->leverage.ladder_level = ev->p->role.ladder_level;

	a->organization.signal_strength = (int)f[AC_F_SIGNAL_STRENGTH].n;
	a->organization.credential_sensitive = f[AC_F_CREDENTIAL_SENSITIVE].b;
	a->organization.leader_reading = ev->p->organization.leader_reading;
	for (size_t i = 0; i < a->n_flags; i++)
		a->organization.signaling_risk |= strcmp(a->flags[i], "signaling_risk") == 0;

	a->timing.phase = f[AC_F_PHASE].known ? (int)f[AC_F_PHASE].n : 0;
	a->timing.appropriate = ac_eval_truth(ev, "timing_appropriate");
	a->timing.industry_compressing = f[AC_F_INDUSTRY_COMPRESSING].b;
	a->timing.industry_shifting = f[AC_F_INDUSTRY_SHIFTING].b;

	a->motives.valid = ev->motive_valid;
	a->motives.invalid = ev->motive_invalid;
	a->motives.unknown = ev->motive_unknown;
	return AC_OK;
}

static ac_status fill_certificate(ac_assessment *a, const ac_eval *ev)
{
	const ac_cert *c = ev->prep->cert;
	if (!c)
		return AC_OK;
	const ac_profile *p = ev->p;
	a->certification.present = 1;
	a->certification.gap_fit = gap_fit(ev->prep->pol, c, p->capability_gap, &a->certification.gap_matched,
					       &a->certification.n_gap_matched);
	const char *rm = NULL;
	a->certification.role_fit = role_fit(c, p, &rm);
	if (rm && !(a->certification.role_matched = strdup(rm)))
		return AC_ENOMEM;
	a->certification.recognized = c->recognized_by_org;
	ac_cert_cost cost;
	ac_cert_costs(c, p->constraints.hours_per_week, p->role.hourly_pay_usd, &cost);
	a->certification.weeks = cost.weeks;
	a->certification.time_value_usd = cost.time_value_usd;
	a->certification.total_cost_usd = cost.total_cost_usd;
	a->certification.cost_per_year_usd = cost.cost_per_year_usd;
	a->certification.retake_risk_usd = c->retake_usd;
	a->certification.within_budget = ev->f[AC_F_OVER_BUDGET].b == AC_UNKNOWN ? AC_UNKNOWN
					 : ev->f[AC_F_OVER_BUDGET].b == AC_TRUE ? AC_FALSE : AC_TRUE;
	char ***w = &a->certification.warnings;
	size_t *nw = &a->certification.n_warnings;
	const char *name = c->name ? c->name : c->id;
	int ok = 1;
	if (c->status == AC_STATUS_RETIRED)
		ok &= ac_list_push(w, nw, ac_strdup_printf("%s was retired%s%s; employers will see an old credential.", name,
							   c->status_date ? " on " : "", c->status_date ? c->status_date : ""));
	else if (c->status == AC_STATUS_RETIRING)
		ok &= ac_list_push(w, nw, ac_strdup_printf("%s is being retired%s%s; check its successor before you study.", name,
							   c->status_date ? " on " : "", c->status_date ? c->status_date : ""));
	if (c->gated)
		ok &= ac_list_push(w, nw, ac_strdup_printf("%s has a prerequisite: %s. Make sure you meet it before paying.", name,
							   c->prerequisites ? c->prerequisites : "another credential first"));
	if (!c->cost_usd.set)
		ok &= ac_list_push(w, nw, ac_strdup_printf("The price of %s is not known%s%s.", name,
							   c->cost_note ? " (the source says: " : "", c->cost_note ? c->cost_note : ""));
	if (!c->hours.set)
		ok &= ac_list_push(w, nw, ac_strdup_printf("The preparation time of %s is not known, so the weeks it would take cannot be computed.", name));
	if (c->n_uncertain)
		ok &= ac_list_push(w, nw, ac_strdup_printf("Some figures for %s are uncertain in the sources; check them with the provider.", name));
	if (ev->f[AC_F_OVER_BUDGET].b == AC_TRUE)
		ok &= ac_list_push(w, nw, ac_strdup_printf("It costs $%.0f, more than your budget of $%.0f.", c->cost_usd.v,
							   p->constraints.budget_usd.v));
	return ok ? AC_OK : AC_ENOMEM;
}

static ac_status fill_warnings(ac_assessment *a, const ac_eval *ev)
{
	const ac_profile *p = ev->p;
	int ok = 1;
	if (p->role.n_tasks && fabs(ev->share_total - 100) > 0.5)
		ok &= ac_list_push(&a->warnings, &a->n_warnings,
				   ac_strdup_printf("task shares add to %g; normalised to 100", round(ev->share_total * 100) / 100));
	if (ev->prefilled)
		ok &= ac_list_push(&a->warnings, &a->n_warnings,
				   ac_strdup_printf("no task list was given: the %zu tasks of occupation %s were used "
						    "(Core weighted 2, Supplemental 1); list your own tasks for a sharper answer",
						    a->exposure.n_tasks, ev->prep->occ->code));
	if (ev->motive_invalid && ev->motive_valid)
		ok &= ac_list_push(&a->warnings, &a->n_warnings,
				   strdup("some of your reasons do not hold once checked (see Motives); they are not a veto, "
					  "but they should not drive the decision"));
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
				     "(see 'aicert certs list' or 'aicert certs search WORD')", p->cert.id);
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

static ac_status load_occupation(const ac_profile *p, const ac_context *ctx, ac_assessment *a)
{
	if (!p->role.occupation)
		return AC_OK;
	if (!ctx->occdata) {
		a->exposure.occupation_note = strdup(
			"Occupation data is not installed, so role.occupation was not used. Install it with "
			"scripts/fetch-data.sh and 'aicert data import --from DIR' (see the README).");
		return a->exposure.occupation_note ? AC_OK : AC_ENOMEM;
	}
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_occdata_occupation(ctx->occdata, p->role.occupation, &a->exposure.occupation, &d);
	ac_diags_free(&d);
	if (st == AC_ENOTFOUND || st == AC_EINPUT) {
		a->exposure.occupation_note = ac_strdup_printf(
			"Occupation %s is not in the installed occupation data; try 'aicert occupations search TITLE'.",
			p->role.occupation);
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
	if (ac_occdata_beta_percentile(ctx->occdata, a->exposure.score, &pct) == AC_OK) {
		a->exposure.person_percentile.set = 1;
		a->exposure.person_percentile.v = pct;
	}
	/* The two sources measure on different scales, so the range compares
	 * where each places the occupation among all occupations. */
	if (occ->beta_percentile.set && occ->applicability_percentile.set) {
		a->exposure.range_low.set = a->exposure.range_high.set = 1;
		a->exposure.range_low.v = fmin(occ->beta_percentile.v, occ->applicability_percentile.v) / 100;
		a->exposure.range_high.v = fmax(occ->beta_percentile.v, occ->applicability_percentile.v) / 100;
	}
}

ac_status ac_assess(const ac_profile *profile, const ac_context *ctx, ac_assessment **out, ac_diags *diags)
{
	*out = NULL;
	if (!profile || !ctx || !ctx->policy)
		return AC_EINTERNAL;
	ac_assessment *a = calloc(1, sizeof *a);
	if (!a)
		return AC_ENOMEM;
	ac_status st = resolve_certificate(profile, ctx, &a->certification.cert, &a->certification.from_catalogue, diags);
	if (st == AC_OK)
		st = load_occupation(profile, ctx, a);
	ac_prepared prep = {ctx, ctx->policy, profile->cert_given ? &a->certification.cert : NULL,
			    a->exposure.occupation};
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
	if (st == AC_OK)
		st = fill_rules(a, &ev);
	if (st == AC_OK) {
		st = fill_facts(a, &ev);
		/* The task list now belongs to the assessment. */
		ev.tasks = NULL;
		ev.n_tasks = 0;
	}
	if (st == AC_OK)
		st = fill_certificate(a, &ev);
	if (st == AC_OK)
		st = fill_warnings(a, &ev);
	if (st == AC_OK)
		place_person(a, ctx);
	if (st == AC_OK)
		st = ac_explain(a, &ev);
	ac_eval_free(&ev);
	if (st == AC_OK)
		st = ac_whatif(a, &prep, profile, ctx->counterfactuals);
	if (st != AC_OK) {
		ac_assessment_free(a);
		return st;
	}
	*out = a;
	return AC_OK;
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
		free(a->rules[i].because);
		free(a->rules[i].figures_json);
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
	for (size_t i = 0; i < a->n_counterfactuals; i++) {
		free(a->counterfactuals[i].field);
		free(a->counterfactuals[i].from_json);
		free(a->counterfactuals[i].to_json);
		free(a->counterfactuals[i].sentence);
		free(a->counterfactuals[i].reason);
	}
	free(a->counterfactuals);
	free_list(a->warnings, a->n_warnings);
	for (size_t i = 0; i < a->n_missing; i++) {
		free(a->missing[i].field);
		free(a->missing[i].could_change);
	}
	free(a->missing);
	free(a);
}
