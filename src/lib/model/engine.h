/*
 * engine.h — the engine's internal state, shared by engine.c (the facts of a
 * profile), decide.c (what the policy decides from them: phase, motives,
 * derived facts, rules, positioning), explain.c (conditions, questions,
 * alternatives), whatif.c (what would change the verdict) and assess.c,
 * which assembles them.
 */
#ifndef AICERT_ENGINE_H
#define AICERT_ENGINE_H

#include "aicert.h"
#include "core/strbuf.h"
#include "input/schema.h"
#include "model/assessment.h"
#include "model/fit.h"
#include "policy/policy.h"

/* What stays the same across re-runs of one profile: the policy, the resolved
 * certificate, the occupation and the assessment's date. */
typedef struct {
	const ac_context *ctx;
	const ac_policy *pol;
	const ac_cert *cert; /* resolved certificate, NULL when none */
	const ac_occupation *occ; /* NULL when none */
	long as_of_day; /* the assessment's date as a day number */
	char as_of[11]; /* ... and as YYYY-MM-DD */
	ac_fit_memo *fit_memo; /* the terms of the gap and the role, kept across re-runs */
} ac_prepared;

/* One evaluation of one profile. */
typedef struct {
	const ac_prepared *prep;
	const ac_profile *p;
	ac_val *f;
	size_t n_slots;
	ac_task_result *tasks;
	size_t n_tasks;
	int prefilled;
	size_t n_groups; /* pre-filled: the groups among the rows */
	int group_layout; /* pre-filled: how they were made (AC_GROUPS_*) */
	size_t n_folded; /* pre-filled: small kinds of work folded into others */
	size_t n_source_tasks; /* pre-filled: the occupation's tasks behind the rows */
	size_t n_uncategorised; /* O*NET tasks with no category (counted in the exposure only) */
	int borrowed_tasks; /* tasks belong to another evaluation (ac_rerun) */
	double share_total; /* the shares as given add to this (100 when pre-filled) */
	double raw_total; /* the raw shares (or Core/Supplemental weights) summed */
	ac_tri *fired;
	int verdict;
	size_t decisive;
	unsigned motive_valid, motive_invalid, motive_unknown;
	int positioning; /* AC_POS_*, -1 when no line of [positioning] held */
	int nomem; /* memory ran out while the facts were set */
} ac_eval;

/* The hourly pay that values study time: the person's own, else the
 * median of their occupation (BLS OEWS; *median set), else unknown. */
ac_num ac_eval_hourly_pay(const ac_eval *ev, int *median);

/* Evaluates the facts (engine.c) and the rules (decide.c). */
ac_status ac_eval_run(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags);
/* The profile's facts alone, before the policy decides (engine.c). */
ac_status ac_eval_facts(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags);
void ac_eval_free(ac_eval *ev);
/* The steps that set the profile's facts (engine.c), as bits.  A variant
 * of a profile differs in one answer, and only the steps that read it are
 * run again; the other steps' facts are the profile's own. */
enum {
	AC_STEP_OCCUPATION = 1u << 0, /* has_occupation, occupation_given */
	AC_STEP_EXPOSURE = 1u << 1,
	AC_STEP_REPLACEABILITY = 1u << 2,
	AC_STEP_LEVERAGE = 1u << 3,
	AC_STEP_ORGANISATION = 1u << 4, /* and the industry */
	AC_STEP_MOTIVES = 1u << 5,
	AC_STEP_CERTIFICATE = 1u << 6
};
#define AC_STEPS 7
#define AC_STEP_ALL ((1u << AC_STEPS) - 1)
/* The steps whose facts can change when the answer at schema field d
 * changes (with the steps that read those facts); every step for a field
 * not known to be read by fewer. */
unsigned ac_steps_reading(const ac_field_def *d);
/* Which step sets each profile fact (the same for every profile: no step
 * sets a fact only sometimes), found once. */
typedef struct {
	unsigned char step_of[AC_F__BUILTIN]; /* AC_STEPS for a fact no step sets */
	unsigned short slots[AC_F__BUILTIN]; /* step s's facts: slots[slot_from[s] .. slot_from[s + 1]) */
	size_t slot_from[AC_STEPS + 1];
} ac_step_facts;
/* Tests only: 1 makes the search run every variant, even one no list
 * reads, and each run every step and decide every condition again (the
 * slow way the quick one is held to). */
extern int ac_rerun_every_step;

/* What the what-if search keeps from one search to the next: a session's
 * (whose policy never changes; one thread uses it at a time), else one
 * search's own.  The plan, which the policy alone decides: the profile's
 * facts some condition of the decision reads, grouped by step, and for
 * each fact a variant may change, the conditions that read it (decide.c).
 * The buffers: the scratch evaluation's facts and rule results, the
 * profile's own facts before the policy decides, and what the policy
 * decided for it. */
typedef struct ac_search_cache_s {
	const ac_policy *pol; /* what the plan and the buffers are for; NULL before the first search */
	int planned;
	size_t *watched;
	size_t n_watched;
	size_t watch_from[AC_STEPS + 2]; /* watched[watch_from[s] .. watch_from[s + 1]) are step s's, the last
					    group the facts of no step */
	unsigned long long *readers;
	size_t cond_words;
	ac_val *f;
	size_t n_slots;
	ac_tri *fired;
	ac_val *facts;
	ac_val *decided;
	ac_tri *rule_holds;
	void *variants; /* whatif.c's table of variants, and how many it has room for */
	size_t variants_cap;
} ac_search_cache;
/* Frees what c holds; c can be used again. */
void ac_search_cache_clear(ac_search_cache *c);

/* Re-running variants of one profile (whatif.c): one scratch evaluation in
 * c's buffers, made from the profile's own (its task list is borrowed: no
 * variant changes a task; base handed it to the assessment).  Each variant
 * then runs in it without allocating, up to the verdict, running again only
 * the steps that read the answer it changes and deciding again only the
 * conditions that read a fact it changed.  The verdict and the deciding
 * rule are those ac_eval_run gives. */
typedef struct {
	ac_eval ev; /* the last variant's evaluation */
	ac_search_cache *c;
	const ac_step_facts *by_step; /* which step sets which fact */
	const ac_eval *base; /* the profile's own evaluation, decided */
	unsigned steps; /* the steps the last variant ran */
	int kept; /* the profile's own decision is in c */
	unsigned motives; /* the profile's own motives */
	int verdict; /* ... and its verdict, and the rule that decides it */
	size_t decisive;
	/* The derived facts in the scratch evaluation that are not the
	 * profile's own (derived again by a variant, or left by the last
	 * search), as bits: the next variant that decides puts them back. */
	unsigned long long derived_again[(AC_POLICY_MAX_ITEMS + 63) / 64];
} ac_rerun;
ac_status ac_rerun_init(ac_rerun *r, ac_search_cache *c, const ac_eval *base, ac_task_result *tasks, size_t n_tasks);
/* A variant's verdict (decide.c), from its facts (ac_rerun_facts, engine.c). */
ac_status ac_rerun_variant(ac_rerun *r, const ac_prepared *prep, const ac_profile *v, unsigned steps);
ac_status ac_rerun_facts(ac_rerun *r, const ac_prepared *prep, const ac_profile *v, unsigned steps);
/* The value of a derived fact the C code relies on (AC_REQ_*, required.h):
 * a yes/no fact, or a number (0 when unknown). */
ac_tri ac_eval_required(const ac_eval *ev, int which);
double ac_eval_required_number(const ac_eval *ev, int which);

/* Setting a fact's value (engine.c and decide.c). */
static inline void ac_eval_set_b(ac_eval *ev, size_t f, ac_tri v)
{
	ev->f[f].type = AC_T_BOOL;
	ev->f[f].b = v;
}

static inline void ac_eval_set_n(ac_eval *ev, size_t f, int known, double x)
{
	ev->f[f].type = AC_T_NUM;
	ev->f[f].known = known;
	ev->f[f].n = known ? x : 0;
}

/* decide.c: what the policy decides once the profile's facts are set, in
 * the order of facts.h's stages: the phase, the motives' validity, the
 * derived facts, the rules (the verdict and each rule's facts) and the
 * positioning.  AC_EINTERNAL when no rule fires (a policy's last rule
 * always does). */
ac_status ac_decide(ac_eval *ev);

/* explain.c: fills conditions, questions, positioning, timing reasons and
 * alternatives from the policy's sections. */
ac_status ac_explain(ac_assessment *a, const ac_eval *ev);

/* whatif.c: fills what would change the verdict and the missing answers;
 * ev is the evaluation of p itself (its facts decide which questions are
 * asked). */
ac_status ac_whatif(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, const ac_eval *ev, int search);
/* Frees what ac_whatif filled in (what_changes and missing). */
void ac_what_changes_free(ac_assessment *a);

/* The leverage test's orientation (AC_ORIENT_*), 0 when unknown. */
int ac_eval_orientation(const ac_eval *ev);

#endif
