/*
 * engine.c — the facts of one profile, in the order FRAMEWORK.md reasons:
 * exposure, replaceability, leverage, trajectory, organisation, industry and
 * timing, motives, the certificate.  Each step turns profile answers into
 * named facts (facts.h), answers as given and three-valued; the policy then
 * decides from them (decide.c): the claims, the phase, which motives are
 * valid, its derived facts, the verdict and the positioning.  Nothing here
 * knows a rule order or a judgement: those come from the policy.  The steps
 * stay in one file, longer than most, so the whole of the model's order can
 * be read in one place, as FRAMEWORK.md lays it out.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <stdatomic.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "input/cert.h"
#include "input/schema.h"
#include "model/engine.h"
#include "model/fit.h"
#include "occdata/occupation.h"

/* ------------------------------------------------------------ helpers */

/* Facts that run parallel to an enum are declared in its order. */
_Static_assert(AC_F_ADOPTION_INTERMEDIARIES_REMOVED - AC_F_ADOPTION_AI_OPTIONAL ==
		       AC_SIG_INTERMEDIARIES_REMOVED - AC_SIG_AI_OPTIONAL,
	       "one adoption_* fact per adoption signal, in order");
_Static_assert(AC_F_FUNCTION_OTHER - AC_F_FUNCTION_REVENUE == AC_FN_OTHER - AC_FN_REVENUE,
	       "one function_* fact per function, in order");
_Static_assert(AC_F_MOTIVE_UNCLEAR_POSITIONING - AC_F_MOTIVE_CAPABILITY_GAP ==
		       AC_MOT_UNCLEAR_POSITIONING - AC_MOT_CAPABILITY_GAP,
	       "one motive_* fact per motive, in order");

static void set_b(ac_eval *ev, int f, ac_tri v)
{
	ac_eval_set_b(ev, (size_t)f, v);
}

static ac_tri tri_of(int v)
{
	return ac_tri_of(v);
}

static void set_n(ac_eval *ev, int f, int known, double x)
{
	ac_eval_set_n(ev, (size_t)f, known, x);
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

/* A text answered "none" ("") is no, an absent one unknown. */
static ac_tri named(const char *s)
{
	return s ? tri_of(*s != '\0') : AC_UNKNOWN;
}

/* One yes/no fact per value of an enum answer: unknown while unanswered. */
static void one_of(ac_eval *ev, int first_fact, int count, int value)
{
	for (int v = 1; v <= count; v++)
		set_b(ev, first_fact + v - 1, value ? tri_of(value == v) : AC_UNKNOWN);
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

static const ac_occ_task *occ_task(const ac_occupation *occ, long id)
{
	for (size_t i = 0; occ && i < occ->n_tasks; i++)
		if (occ->tasks[i].task_id == id)
			return &occ->tasks[i];
	return NULL;
}

/* An O*NET task's measured exposure: both sources combined, else its beta. */
static ac_num occ_measured(const ac_occ_task *t)
{
	return t->exposure.set ? t->exposure : t->beta;
}

/* The name of a pre-filled group: its kind of work and its biggest tasks. */
static char *group_name(const ac_wording *w, const ac_task_groups *g, size_t i)
{
	enum { SHOWN = 1 };
	size_t n = i == (size_t)-1 ? ac_task_groups_uncategorised(g) : ac_task_groups_task_count(g, i);
	strbuf tasks;
	sb_init(&tasks);
	for (size_t k = 0; k < n && k < SHOWN; k++) {
		const char *t = i == (size_t)-1 ? ac_task_groups_uncategorised_task(g, k, NULL)
						: ac_task_groups_task(g, i, k, NULL);
		sb_printf(&tasks, "%s%s", k ? "; " : "", t);
	}
	if (n > SHOWN) {
		char more[32];
		snprintf(more, sizeof more, "%zu", n - SHOWN);
		sb_puts(&tasks, " ");
		AC_SAY(&tasks, w, AC_W_TASK_GROUP_MORE, more);
	}
	char *list = sb_take(&tasks, NULL);
	if (!list)
		return NULL;
	char *name = i == (size_t)-1 ? AC_SAY_DUP(w, AC_W_TASK_GROUP_UNCATEGORISED, list)
				     : AC_SAY_DUP(w, AC_W_TASK_GROUP,
						  ac_word_of(w, AC_WF_CATEGORY, ac_task_groups_category(g, i)), list);
	free(list);
	return name;
}

/* The occupation's tasks as a person's task mix: one row per kind of work
 * (ac_occupation_task_groups), with its Core 2 / Supplemental 1 time and its
 * measured exposure, and one row for the tasks that have no category. */
static ac_status prefill_tasks(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	ac_task_groups *g = NULL;
	ac_status st = ac_occupation_task_groups(ev->prep->occ, pol, &g, NULL);
	if (st != AC_OK)
		return st == AC_EINPUT ? AC_EINTERNAL : st;
	size_t groups = ac_task_groups_count(g), unc = ac_task_groups_uncategorised(g);
	size_t n = groups + (unc ? 1 : 0);
	ev->tasks = n ? calloc(n, sizeof *ev->tasks) : NULL;
	if (n && !ev->tasks) {
		ac_task_groups_free(g);
		return AC_ENOMEM;
	}
	ev->n_tasks = n;
	ev->n_source_tasks = ev->prep->occ->n_tasks;
	ev->n_uncategorised = unc;
	ev->n_groups = groups;
	ev->group_layout = ac_task_groups_layout(g);
	ev->n_folded = ac_task_groups_folded(g);
	double unc_share = ac_task_groups_uncategorised_share(g);
	for (size_t i = 0; i < n; i++) {
		ac_task_result *r = &ev->tasks[i];
		int grouped = i < groups;
		int cat = grouped ? ac_task_groups_category(g, i) : 0;
		ac_num x = grouped ? ac_task_groups_exposure(g, i) : ac_task_groups_uncategorised_exposure(g);
		const ac_category_policy *cp = &pol->categories[cat];
		r->name = group_name(pol->wording, g, grouped ? i : (size_t)-1);
		if (!r->name) {
			ac_task_groups_free(g);
			return AC_ENOMEM;
		}
		r->category = cat;
		/* Shares of all the time: the groups share what the
		 * uncategorised tasks leave. */
		r->raw = 100 * (grouped ? ac_task_groups_share(g, i) * (1 - unc_share) : unc_share);
		r->repeatable = r->standardized_output = r->benchmarkable = cat ? cp->repeatable : 0;
		r->needs_decision_authority = cat ? authority_by_default(cat) : 0;
		r->measured = x.set;
		r->exposure = x.set ? x.v : cp->exposure;
	}
	ac_task_groups_free(g);
	return AC_OK;
}

/* Builds the effective task list: the person's own, or the occupation's
 * grouped by kind of work when they gave none. */
static ac_status build_tasks(ac_eval *ev, ac_diags *diags)
{
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	const ac_occupation *occ = ev->prep->occ;
	size_t n = p->role.n_tasks;
	ev->prefilled = 0;
	ev->n_uncategorised = 0;
	ev->n_source_tasks = 0;
	ev->n_groups = 0;
	ev->group_layout = AC_GROUPS_BY_KIND;
	ev->n_folded = 0;
	if (n == 0 && occ && occ->n_tasks) {
		ev->prefilled = 1;
		ac_status st = prefill_tasks(ev);
		if (st != AC_OK)
			return st;
		n = ev->n_tasks;
	} else if (n) {
		ev->tasks = calloc(n, sizeof *ev->tasks);
		if (!ev->tasks)
			return AC_ENOMEM;
		ev->n_tasks = n;
	}
	if (n == 0)
		return AC_OK;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		ac_task_result *r = &ev->tasks[i];
		if (ev->prefilled) {
			total += r->raw;
			continue;
		}
		ac_task given = p->role.tasks[i];
		const ac_occ_task *ot = NULL;
		if (given.onet_task_id) {
			ot = occ_task(occ, given.onet_task_id);
			if (!ot && !given.category) {
				char path[64];
				snprintf(path, sizeof path, "role.tasks[%zu].onet_task_id", i);
				if (!occ)
					ac_diags_add(diags, NULL, path, 0, 0,
						     "found %ld, expected a category: an O*NET task id needs "
						     "installed occupation data and role.occupation (see 'aicert data "
						     "import')",
						     given.onet_task_id);
				else
					ac_diags_add(diags, NULL, path, 0, 0,
						     "found %ld, expected a task id of occupation %s",
						     given.onet_task_id, occ->code);
				return AC_EINPUT;
			}
		}
		if (!given.category && !ot) { /* the parser refuses this; a hand-built profile may not */
			char path[64];
			snprintf(path, sizeof path, "role.tasks[%zu].category", i);
			ac_diags_add(diags, NULL, path, 0, 0, "found nothing, expected a task category");
			return AC_EINPUT;
		}
		/* An O*NET task whose work activity the policy does not place has
		 * no category: it counts in the exposure, not in the shares. */
		int cat = given.category ? given.category : ac_policy_gwa_category(pol, ot->gwa_id);
		const ac_category_policy *cp = &pol->categories[cat];
		r->name = strdup(given.name ? given.name : "");
		if (!r->name)
			return AC_ENOMEM;
		r->category = cat;
		r->raw = given.share;
		total += given.share;
		r->repeatable = given.repeatable ? given.repeatable == AC_TRUE : cat && cp->repeatable;
		r->standardized_output =
			given.standardized_output ? given.standardized_output == AC_TRUE : cat && cp->repeatable;
		r->benchmarkable = given.benchmarkable ? given.benchmarkable == AC_TRUE : cat && cp->repeatable;
		r->needs_decision_authority = given.needs_decision_authority ? given.needs_decision_authority == AC_TRUE
									     : authority_by_default(cat);
		ac_num m = ot ? occ_measured(ot) : (ac_num){0, 0};
		if (given.exposure.set) {
			r->exposure = given.exposure.v;
			r->measured = 1;
		} else if (m.set) {
			r->exposure = m.v;
			r->measured = 1;
		} else {
			r->exposure = cp->exposure;
		}
		if (!cat)
			ev->n_uncategorised++;
	}
	ev->share_total = ev->prefilled ? 100 : total;
	ev->raw_total = total;
	for (size_t i = 0; i < n; i++) {
		ev->tasks[i].share = total > 0 ? ev->tasks[i].raw / total : 0;
		ev->tasks[i].contribution = ev->tasks[i].share * ev->tasks[i].exposure;
	}
	return AC_OK;
}

/* Shares are compared exactly (FRAMEWORK.md section 1): each is the sum of
 * the raw shares in it, divided once by the sum of all raw shares, so a
 * share exactly at a threshold equals it and no rounding moves it. */
static void exposure_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	int has = ev->n_tasks > 0;
	double score = 0, rep = 0, std = 0, bench = 0, sep = 0, reporting = 0, coord = 0;
	size_t top = 0;
	for (size_t i = 0; i < ev->n_tasks; i++) {
		const ac_task_result *t = &ev->tasks[i];
		score += t->raw * t->exposure;
		rep += t->repeatable ? t->raw : 0;
		std += t->standardized_output ? t->raw : 0;
		bench += t->benchmarkable ? t->raw : 0;
		sep += t->needs_decision_authority || !t->category ? 0 : t->raw;
		if (t->category == AC_CAT_STANDARDIZED_REPORTING || t->category == AC_CAT_DOCUMENT_DRAFTING)
			reporting += t->raw;
		if (t->category == AC_CAT_COORDINATION)
			coord += t->raw;
		if (t->raw * t->exposure > ev->tasks[top].raw * ev->tasks[top].exposure)
			top = i;
	}
	/* The exposure counts every task; the shares of kinds of work count only
	 * the tasks that have a category. */
	double uncategorised = 0;
	for (size_t i = 0; i < ev->n_tasks; i++)
		uncategorised += ev->tasks[i].category ? 0 : ev->tasks[i].raw;
	double total = ev->raw_total > 0 ? ev->raw_total : 1;
	double categorised = ev->raw_total - uncategorised > 0 ? ev->raw_total - uncategorised : 1;
	score /= total;
	rep /= categorised;
	std /= categorised;
	bench /= categorised;
	sep /= categorised;
	reporting /= categorised;
	coord /= categorised;
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
	set_b(ev, AC_F_EXPOSED, has ? tri_of(rep >= pol->thresholds[AC_TH_EXPOSED_REPEATABLE_SHARE]) : AC_UNKNOWN);
}

/* ------------------------------------------------------------ 2. replaceability */

static void replaceability_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	const ac_profile *p = ev->p;
	double cs = pol->thresholds[AC_TH_CONDITION_SHARE];
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
	      has ? tri_of(count >= pol->thresholds[AC_TH_REPLACEABILITY_HIGH]) : AC_UNKNOWN);
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

/* The answers behind the four leverage conditions are set as given: they
 * are claims, and the policy reads silence as no ([derive ai_enhanced_role]
 * and the others). */
static void leverage_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	int o = ac_eval_orientation(ev);
	ac_tri known = o ? AC_FALSE : AC_UNKNOWN;
	set_b(ev, AC_F_LEVERAGE_TEST_ANSWERED, tri_of(p->role.leverage_test != 0));
	set_b(ev, AC_F_LEVERAGE_ORIENTED, o == AC_ORIENT_LEVERAGE ? AC_TRUE : known);
	set_b(ev, AC_F_REWARDED, o == AC_ORIENT_REWARDED ? AC_TRUE : known);
	set_b(ev, AC_F_COMPRESSIBLE, o == AC_ORIENT_COMPRESSIBLE ? AC_TRUE : known);
	set_b(ev, AC_F_WIDENED_SCOPE, p->ai_use.widened_scope);
	set_b(ev, AC_F_OWNS_MEASURABLE, p->role.owns_measurable_outcomes);
	set_b(ev, AC_F_MANAGER_OWNS, p->role.manager_owns_outcomes);
	set_b(ev, AC_F_EXPANDING_SYSTEM_DESIGN, p->trajectory.expanding_into_system_design);
	set_b(ev, AC_F_TRANSITIONING_HYBRID, p->trajectory.transitioning_to_hybrid);
	set_n(ev, AC_F_LADDER_LEVEL, p->role.ladder_level != 0, p->role.ladder_level);

	set_b(ev, AC_F_TESTED_IN_ROLE, p->ai_use.tested_in_role);
	set_b(ev, AC_F_AI_USE_NONE, p->ai_use.level ? tri_of(p->ai_use.level == AC_AI_NONE) : AC_UNKNOWN);
	set_b(ev, AC_F_AI_USES_WELL, p->ai_use.level ? tri_of(p->ai_use.level >= AC_AI_REGULAR) : AC_UNKNOWN);

	int kind = p->role.kind;
	set_b(ev, AC_F_IS_MANAGER, kind ? tri_of(kind != AC_KIND_IC) : p->role.manager_given ? AC_TRUE : AC_UNKNOWN);
	set_b(ev, AC_F_MANAGER_SUPERVISORY, p->role.manager_purely_supervisory);
	set_num(ev, AC_F_MANAGER_STATUS_SHARE, p->role.manager_reporting_share);
	set_b(ev, AC_F_VALUE_SPEED, p->role.value_basis ? tri_of(p->role.value_basis == AC_VB_SPEED) : AC_UNKNOWN);
	set_b(ev, AC_F_REVENUE_CLOSE,
	      p->role.revenue_distance ? tri_of(p->role.revenue_distance != AC_REV_FAR) : AC_UNKNOWN);
	one_of(ev, AC_F_FUNCTION_REVENUE, AC_FN__COUNT, p->role.function);
	const char *fn = p->role.function ? ac_word_of(ev->prep->pol->wording, AC_WF_FUNCTION, p->role.function) : NULL;
	set_s(ev, AC_F_FUNCTION_WORDS, fn);
	set_s(ev, AC_F_ROLE_TITLE, p->role.title);
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
	const ac_tri s[4] = {
		p->organization.leadership_values_ai_literacy, p->organization.promotion_committees_want_credentials,
		p->organization.politics_reward_formal_programs, p->organization.credential_sensitive_environment};
	int yes = 0, unanswered = 0;
	for (int i = 0; i < 4; i++) {
		yes += s[i] == AC_TRUE;
		unanswered += s[i] == AC_UNKNOWN;
	}
	/* Three-valued: the lower bound counts the yes answers, the upper one
	 * adds the unanswered; sensitive for certain when the lower bound
	 * reaches the threshold, certainly not when the upper stays below. */
	double need = ev->prep->pol->thresholds[AC_TH_CREDENTIAL_SENSITIVE_SIGNALS];
	set_n(ev, AC_F_SIGNAL_STRENGTH, 1, yes);
	set_n(ev, AC_F_SIGNAL_STRENGTH_MAX, 1, yes + unanswered);
	set_b(ev, AC_F_CREDENTIAL_SENSITIVE, yes >= need ? AC_TRUE : yes + unanswered < need ? AC_FALSE : AC_UNKNOWN);
	int r = p->organization.leader_reading;
	set_b(ev, AC_F_LEADER_MODERNIZER, reading_is(r, AC_LR_MODERNIZER));
	set_b(ev, AC_F_LEADER_EFFICIENT, reading_is(r, AC_LR_EFFICIENT_OPERATOR));
	set_b(ev, AC_F_LEADER_AUTOMATION, reading_is(r, AC_LR_AUTOMATION_EVIDENCE));

	/* One fact per adoption signal: the policy's [phase N] sections read them. */
	unsigned sig = p->organization.signals;
	for (int k = 1; k <= AC_SIG__COUNT; k++)
		set_b(ev, AC_F_ADOPTION_AI_OPTIONAL + k - 1,
		      sig & (1u << k)                 ? AC_TRUE
		      : p->organization.signals_given ? AC_FALSE
						      : AC_UNKNOWN);

	int comp = p->industry.business_model_compressing;
	set_b(ev, AC_F_INDUSTRY_COMPRESSING,
	      comp == AC_COMP_YES  ? AC_TRUE
	      : comp == AC_COMP_NO ? AC_FALSE
				   : AC_UNKNOWN);
	set_b(ev, AC_F_INDUSTRY_SHIFTING, p->industry.shifting_to_ai);
	set_b(ev, AC_F_DIGITAL_HIGH,
	      p->industry.digital_intensity ? tri_of(p->industry.digital_intensity == AC_DIG_HIGH) : AC_UNKNOWN);
	set_s(ev, AC_F_INDUSTRY_NAME, p->industry.name);
}

/* ------------------------------------------------------------ 7. motives */

/* What the motives say before the policy judges them.  Named means a
 * non-empty text; "" answers "none" and an absent one is unknown. */
static ac_tri defined_move(const ac_profile *p)
{
	return has_motive(p, AC_MOT_ROLE_TRANSITION) ? named(p->trajectory.target_role) : AC_FALSE;
}

static void motive_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	set_b(ev, AC_F_MOTIVES_GIVEN, tri_of(p->motives != 0));
	for (int m = 1; m <= AC_MOT__COUNT; m++)
		set_b(ev, AC_F_MOTIVE_CAPABILITY_GAP + m - 1, tri_of(has_motive(p, m)));
	set_b(ev, AC_F_GAP_NAMED, named(p->capability_gap));
	set_b(ev, AC_F_TARGET_NAMED, named(p->trajectory.target_role));
	set_b(ev, AC_F_DEFINED_TRANSITION, defined_move(p));
	set_s(ev, AC_F_TARGET_ROLE,
	      p->trajectory.target_role && *p->trajectory.target_role ? p->trajectory.target_role : NULL);
	set_s(ev, AC_F_CAPABILITY_GAP, p->capability_gap && *p->capability_gap ? p->capability_gap : NULL);
}

/* ------------------------------------------------------------ 8. the certificate */

/* Availability against the assessment's date: retired on or before it,
 * retiring before the person could finish (as_of + weeks to finish), and
 * retiring within the policy's window.  A certificate whose retirement has no
 * date is retired when the catalogue says so, and its later dates unknown. */
static void availability_facts(ac_eval *ev, const ac_cert *c, ac_num weeks)
{
	const ac_prepared *prep = ev->prep;
	ac_tri retired = tri_of(c && ac_cert_retired_by(c, prep->as_of_day)), before_finish = AC_FALSE, soon = AC_FALSE;
	long day;
	int ending = c && (c->status == AC_STATUS_RETIRED || c->status == AC_STATUS_RETIRING);
	int dated = ending && c->status_date && ac_date_parse(c->status_date, &day);
	if (dated && retired == AC_FALSE) {
		long left = day - prep->as_of_day; /* days it can still be earned */
		before_finish = weeks.set ? tri_of(weeks.v * 7 > (double)left) : AC_UNKNOWN;
		soon = tri_of(left <= prep->pol->thresholds[AC_TH_RETIRING_SOON_DAYS]);
	} else if (ending && retired == AC_FALSE) {
		before_finish = soon = AC_UNKNOWN; /* retiring, on a date not known */
	}
	set_s(ev, AC_F_CERT_RETIRES_ON, dated ? c->status_date : NULL);
	set_b(ev, AC_F_CERT_RETIRED, retired);
	set_b(ev, AC_F_CERT_RETIRES_BEFORE_FINISH, before_finish);
	set_b(ev, AC_F_CERT_RETIRING_SOON, soon);
}

static void certificate_facts(ac_eval *ev)
{
	const ac_cert *c = ev->prep->cert;
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	set_b(ev, AC_F_CERT_NAMED, tri_of(c != NULL));
	set_s(ev, AC_F_CERT_NAME, c ? (c->name ? c->name : c->id) : NULL);
	ac_person who;
	ac_person_of(p, ev->prep->occ, ev->prep->pol, &who);
	ac_tri gap = AC_UNKNOWN, role = AC_UNKNOWN;
	if (c && ac_cert_fit_tris(pol, ev->prep->ctx->catalogue, c, p, &who, ev->prep->fit_memo, &gap, &role) != AC_OK)
		ev->nomem = 1;
	set_b(ev, AC_F_CERT_GAP_FIT, gap);
	set_b(ev, AC_F_CERT_ROLE_FIT, role);
	set_b(ev, AC_F_CERT_FITS, c ? ac_cert_fits(defined_move(p), named(p->capability_gap), role, gap) : AC_UNKNOWN);
	set_b(ev, AC_F_CERT_RECOGNIZED, c ? c->recognized_by_org : AC_UNKNOWN);
	set_b(ev, AC_F_CERT_PREREQ_GATED, c ? tri_of(c->gated) : AC_FALSE);
	ac_cert_cost cost = {0};
	if (c)
		ac_cert_costs(c, p->constraints.hours_per_week, ac_eval_hourly_pay(ev, NULL), &cost);
	set_n(ev, AC_F_CERT_COST, c && c->cost_usd.set, c ? c->cost_usd.v : 0);
	set_n(ev, AC_F_CERT_HOURS, c && c->hours.set, c ? c->hours.v : 0);
	set_num(ev, AC_F_CERT_WEEKS, cost.weeks);
	set_num(ev, AC_F_HOURS_PER_WEEK, p->constraints.hours_per_week);
	ac_tri over = AC_UNKNOWN, too_long = AC_FALSE;
	if (!c)
		over = AC_FALSE;
	else if (c->cost_usd.set && p->constraints.budget_usd.set)
		over = tri_of(c->cost_usd.v > p->constraints.budget_usd.v);
	if (c)
		too_long = cost.weeks.set ? tri_of(cost.weeks.v > pol->thresholds[AC_TH_MAX_CERTIFICATE_WEEKS])
					  : AC_UNKNOWN;
	set_b(ev, AC_F_OVER_BUDGET, over);
	set_b(ev, AC_F_CERT_TOO_LONG, too_long);
	availability_facts(ev, c, cost.weeks);
	set_s(ev, AC_F_AS_OF, ev->prep->as_of);
}

/* ------------------------------------------------------------ the evaluation */

/* The facts of the steps given (AC_STEP_*), in the model's order, once the
 * task list is built. */
static void run_steps(ac_eval *ev, unsigned steps)
{
	if (steps & AC_STEP_OCCUPATION) {
		set_b(ev, AC_F_HAS_OCCUPATION, tri_of(ev->prep->occ != NULL));
		set_b(ev, AC_F_OCCUPATION_GIVEN, tri_of(ev->p->role.occupation != NULL));
	}
	if (steps & AC_STEP_EXPOSURE)
		exposure_facts(ev);
	if (steps & AC_STEP_REPLACEABILITY)
		replaceability_facts(ev);
	if (steps & AC_STEP_LEVERAGE)
		leverage_facts(ev);
	if (steps & AC_STEP_ORGANISATION)
		organisation_facts(ev);
	if (steps & AC_STEP_MOTIVES)
		motive_facts(ev);
	if (steps & AC_STEP_CERTIFICATE)
		certificate_facts(ev);
}

static void profile_facts(ac_eval *ev)
{
	run_steps(ev, AC_STEP_ALL);
}

/* Which steps read which answers: the functions above, read for every
 * profile field they look at (ac_person_of and the certificate's fit and
 * costs among them).  A step that reads another's facts comes with it:
 * leverage reads replaceability_high.  An entry ending in '.' stands for
 * every field under it. */
static unsigned steps_of_path(const char *path)
{
	enum {
		REPL = AC_STEP_REPLACEABILITY | AC_STEP_LEVERAGE,
		LEV = AC_STEP_LEVERAGE,
		ORG = AC_STEP_ORGANISATION,
		MOT = AC_STEP_MOTIVES,
		CERT = AC_STEP_CERTIFICATE
	};
	static const struct {
		const char *path;
		unsigned steps;
	} readers[] = {
		{"role.decision_authority", REPL},
		{"role.leverage_test", LEV},
		{"role.owns_measurable_outcomes", LEV},
		{"role.kind", LEV},
		{"role.function", LEV},
		{"role.value_basis", LEV},
		{"role.revenue_distance", LEV},
		{"role.manager", LEV},
		{"role.manager.", LEV},
		{"role.ladder_level", LEV | CERT},
		{"role.title", LEV | CERT},
		{"role.hourly_pay_usd", CERT},
		{"ai_use.", LEV},
		{"trajectory.expanding_into_system_design", LEV},
		{"trajectory.transitioning_to_hybrid", LEV},
		{"trajectory.target_role", MOT | CERT},
		{"organization.", ORG},
		{"industry.", ORG},
		{"motives", MOT | CERT},
		{"capability_gap", MOT | CERT},
		{"constraints.", CERT},
		{"certification", CERT},
	};
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		size_t n = strlen(readers[i].path);
		if (readers[i].path[n - 1] == '.' ? strncmp(path, readers[i].path, n) == 0
						  : strcmp(path, readers[i].path) == 0)
			return readers[i].steps;
	}
	return AC_STEP_ALL;
}

/* steps_of_path for each field of the schema, found once. */
#define FIELDS_KNOWN 256
static unsigned char field_steps[FIELDS_KNOWN];
static pthread_once_t field_steps_once = PTHREAD_ONCE_INIT;

static void find_field_steps(void)
{
	for (size_t i = 0; i < ac_schema_n && i < FIELDS_KNOWN; i++)
		field_steps[i] = (unsigned char)steps_of_path(ac_schema[i].pub.path);
}

unsigned ac_steps_reading(const ac_field_def *d)
{
	pthread_once(&field_steps_once, find_field_steps);
	size_t i = ac_schema_index(d);
	return i < FIELDS_KNOWN ? field_steps[i] : AC_STEP_ALL;
}

int ac_rerun_every_step;

static ac_status eval_alloc(ac_eval *ev, const ac_prepared *prep, const ac_profile *p)
{
	memset(ev, 0, sizeof *ev);
	ev->prep = prep;
	ev->p = p;
	const ac_policy *pol = prep->pol;
	ev->n_slots = ac_policy_fact_slots(pol);
	/* Only the slots that hold a fact are cleared: the built-in ones, the
	 * policy's derived ones and the rules' (no name leads to the others). */
	ev->f = malloc(ev->n_slots * sizeof *ev->f);
	if (ev->f) {
		memset(ev->f, 0, (AC_F__BUILTIN + pol->n_derived) * sizeof *ev->f);
		memset(ev->f + AC_RULE_FACTS, 0, (ev->n_slots - AC_RULE_FACTS) * sizeof *ev->f);
	}
	ev->fired = calloc(pol->n_rules ? pol->n_rules : 1, sizeof *ev->fired);
	return ev->f && ev->fired ? AC_OK : AC_ENOMEM;
}

ac_status ac_eval_facts(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags)
{
	ac_status st = eval_alloc(ev, prep, p);
	if (st == AC_OK)
		st = build_tasks(ev, diags);
	if (st != AC_OK)
		return st;
	profile_facts(ev);
	return ev->nomem ? AC_ENOMEM : AC_OK;
}

/* BLS OEWS annual figures assume 2,080 paid hours a year (its hourly
 * medians are the annual ones divided by 2,080). */
#define BLS_HOURS_PER_YEAR 2080.0

ac_num ac_eval_hourly_pay(const ac_eval *ev, int *median)
{
	const ac_occupation *occ = ev->prep->occ;
	if (median)
		*median = 0;
	if (ev->p->role.hourly_pay_usd.set || !occ || !occ->median_wage.set)
		return ev->p->role.hourly_pay_usd;
	if (median)
		*median = 1;
	return (ac_num){1, occ->median_wage.v / BLS_HOURS_PER_YEAR};
}

void ac_eval_free(ac_eval *ev)
{
	for (size_t i = 0; !ev->borrowed_tasks && i < ev->n_tasks; i++)
		free(ev->tasks[i].name);
	if (!ev->borrowed_tasks)
		free(ev->tasks);
	free(ev->f);
	free(ev->fired);
	memset(ev, 0, sizeof *ev);
}

/* ------------------------------------------------------------ re-runs of variants */

/* Which step sets each profile fact: each step run alone over facts of a
 * type no fact has, on the first evaluation that needs it (ev's facts are
 * overwritten). */
static ac_step_facts step_facts;
static atomic_int step_facts_known;
static pthread_mutex_t step_facts_lock = PTHREAD_MUTEX_INITIALIZER;

static const ac_step_facts *find_steps(ac_eval *ev)
{
	if (atomic_load_explicit(&step_facts_known, memory_order_acquire))
		return &step_facts;
	pthread_mutex_lock(&step_facts_lock);
	if (!atomic_load_explicit(&step_facts_known, memory_order_relaxed)) {
		ac_step_facts *t = &step_facts;
		enum { UNSET = -1 };
		memset(t->step_of, AC_STEPS, sizeof t->step_of);
		for (size_t i = 0; i < AC_F__BUILTIN; i++)
			ev->f[i] = (ac_val){.type = UNSET};
		size_t n = 0;
		for (int s = 0; s < AC_STEPS; s++) {
			run_steps(ev, 1u << s);
			t->slot_from[s] = n;
			for (size_t i = 0; i < AC_F__BUILTIN; i++)
				if (t->step_of[i] == AC_STEPS && ev->f[i].type != UNSET) {
					t->step_of[i] = (unsigned char)s;
					t->slots[n++] = (unsigned short)i;
				}
		}
		t->slot_from[AC_STEPS] = n;
		memset(ev->f, 0, AC_F__BUILTIN * sizeof *ev->f); /* unset again, as eval_alloc leaves them */
		atomic_store_explicit(&step_facts_known, 1, memory_order_release);
	}
	pthread_mutex_unlock(&step_facts_lock);
	return &step_facts;
}

void ac_search_cache_clear(ac_search_cache *c)
{
	free(c->watched);
	free(c->readers);
	free(c->f);
	free(c->fired);
	free(c->facts);
	free(c->decided);
	free(c->rule_holds);
	free(c->variants);
	memset(c, 0, sizeof *c);
}

ac_status ac_rerun_init(ac_rerun *r, ac_search_cache *c, const ac_eval *base, ac_task_result *tasks, size_t n_tasks)
{
	memset(r, 0, sizeof *r);
	const ac_prepared *prep = base->prep;
	if (c->pol != prep->pol)
		ac_search_cache_clear(c);
	if (!c->f) {
		/* The scratch evaluation's buffers, cleared where a fresh one is:
		 * the facts no variant sets stay so from search to search. */
		ac_eval fresh;
		ac_status st = eval_alloc(&fresh, prep, base->p);
		c->f = fresh.f;
		c->fired = fresh.fired;
		c->n_slots = fresh.n_slots;
		c->facts = malloc(AC_F__BUILTIN * sizeof *c->facts);
		if (st != AC_OK || !c->facts) {
			ac_search_cache_clear(c);
			return AC_ENOMEM;
		}
		c->pol = prep->pol;
	}
	r->c = c;
	ac_eval *ev = &r->ev;
	ev->prep = prep;
	ev->p = base->p;
	ev->f = c->f;
	ev->n_slots = c->n_slots;
	ev->fired = c->fired;
	ev->borrowed_tasks = 1;
	ev->tasks = tasks;
	ev->n_tasks = n_tasks;
	ev->prefilled = base->prefilled;
	ev->share_total = base->share_total;
	ev->raw_total = base->raw_total;
	/* The profile's own facts are those its evaluation found: the steps'
	 * facts are taken from it (the rest are never set in the buffers). */
	const ac_step_facts *t = r->by_step = find_steps(ev);
	if (ev->nomem)
		return AC_ENOMEM;
	for (size_t k = 0; k < t->slot_from[AC_STEPS]; k++) {
		size_t i = t->slots[k];
		ev->f[i] = c->facts[i] = base->f[i];
	}
	r->base = base;
	return AC_OK;
}

ac_status ac_rerun_facts(ac_rerun *r, const ac_prepared *prep, const ac_profile *v, unsigned steps)
{
	ac_eval *ev = &r->ev;
	ev->prep = prep;
	ev->p = v;
	if (ac_rerun_every_step)
		steps = AC_STEP_ALL;
	/* As a fresh evaluation finds them.  The steps set the same facts
	 * whatever the profile (no set_ call of theirs is conditional), so the
	 * steps run now overwrite every fact they set for the last variant, and
	 * the facts of the last variant's other steps go back to the profile's
	 * own; the facts the policy decides (the phase and the motives'
	 * validity) are cleared by the decision itself, the derived ones
	 * replaced whole, and the rest were never set (ac_rerun_init). */
	unsigned back = r->steps & ~steps;
	const ac_step_facts *t = r->by_step;
	for (int s = 0; back && s < AC_STEPS; s++)
		if (back & (1u << s))
			for (size_t k = t->slot_from[s]; k < t->slot_from[s + 1]; k++)
				ev->f[t->slots[k]] = r->c->facts[t->slots[k]];
	r->steps = steps;
	ev->nomem = 0;
	run_steps(ev, steps);
	return ev->nomem ? AC_ENOMEM : AC_OK; /* the rules' facts stay unset, as deciding needs */
}
