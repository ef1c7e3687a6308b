/*
 * engine.h — the engine's internal state, shared by engine.c (facts and
 * rules), explain.c (conditions, questions, alternatives), whatif.c
 * (counterfactuals and missing answers) and assess.c, which assembles them.
 */
#ifndef AICERT_ENGINE_H
#define AICERT_ENGINE_H

#include "aicert.h"
#include "core/strbuf.h"
#include "model/assessment.h"
#include "policy/policy.h"

/* What stays the same across re-runs of one profile: the policy, the resolved
 * certificate and the occupation. */
typedef struct {
	const ac_context *ctx;
	const ac_policy *pol;
	const ac_cert *cert;         /* resolved certificate, NULL when none */
	const ac_occupation *occ;    /* NULL when none */
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
	double share_total;
	ac_tri *fired;
	int verdict;
	size_t decisive;
	unsigned motive_valid, motive_invalid, motive_unknown;
	int positioning; /* AC_POS_*, -1 when no line of [positioning] held */
} ac_eval;

/* Evaluates the facts and the rules.  With explain 0 only the verdict is
 * wanted (re-runs for counterfactuals). */
ac_status ac_eval_run(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags);
void ac_eval_free(ac_eval *ev);
/* The value of a derived fact the C code relies on (AC_REQ_*, required.h). */
ac_tri ac_eval_required(const ac_eval *ev, int which);

/* explain.c: fills conditions, questions, positioning, timing reasons and
 * alternatives from the policy's sections. */
ac_status ac_explain(ac_assessment *a, const ac_eval *ev);

/* whatif.c: fills counterfactuals and missing answers. */
ac_status ac_whatif(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, int search);

/* The leverage test's orientation (AC_ORIENT_*), 0 when unknown. */
int ac_eval_orientation(const ac_eval *ev);

#endif
