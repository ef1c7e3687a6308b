/*
 * explain.c — turns the evaluated facts into what a person reads after the
 * verdict: the four conditions, the five questions before enrolling, the
 * reasons about timing, whether the positioning is defensive or offensive,
 * and the ranked alternatives (scored by the policy's [alternative] tables).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "core/strbuf.h"

static ac_tri fb(const ac_eval *ev, int f)
{
	return ev->f[f].b;
}

static const char *cert_label(const ac_eval *ev)
{
	const ac_cert *c = ev->prep->cert;
	return c ? (c->name ? c->name : c->id) : "an AI certification";
}

/* ------------------------------------------------------------ positioning */

static const char *positioning(const ac_eval *ev)
{
	int offensive = fb(ev, AC_F_DEFINED_TRANSITION) == AC_TRUE || fb(ev, AC_F_INDUSTRY_SHIFT_VALID) == AC_TRUE ||
			(ev->f[AC_F_LEVERAGE_COUNT].n >= 1 && fb(ev, AC_F_VALID_MOTIVE) == AC_TRUE) ||
			(fb(ev, AC_F_GAP_NAMED) == AC_TRUE && ac_eval_required(ev, AC_REQ_OWNERSHIP_EXPANDS) == AC_TRUE);
	int panic = fb(ev, AC_F_PANIC_MOTIVE) == AC_TRUE;
	if (offensive && !panic)
		return "offensive";
	if (panic || ac_eval_required(ev, AC_REQ_STRUCTURAL) == AC_TRUE)
		return "defensive";
	return fb(ev, AC_F_MOTIVES_GIVEN) == AC_TRUE ? "unclear" : "not answered";
}

/* ------------------------------------------------------------ conditions */

static ac_status conditions(ac_assessment *a, const ac_eval *ev)
{
	int tasks = fb(ev, AC_F_HAS_TASKS) == AC_TRUE;
	int lt = fb(ev, AC_F_LEVERAGE_TEST_ANSWERED) == AC_TRUE;
	a->exposure_understood.met = tasks && lt;
	a->exposure_understood.why = strdup(
		tasks && lt ? "Your task mix and your answer to the +40 % productivity question are known."
		: tasks	    ? "Your task mix is known, but not what your organisation would do with 40 % more output."
		: lt	    ? "You answered the productivity question, but your task mix is unknown."
			    : "Neither your task mix nor what your organisation would do with extra output is known.");

	int lev = fb(ev, AC_F_LEVERAGE_ORIENTED) == AC_TRUE, count = (int)ev->f[AC_F_LEVERAGE_COUNT].n;
	ac_tri own = ac_eval_required(ev, AC_REQ_OWNERSHIP_EXPANDS);
	a->leverage_possible.met = lev || count >= 1 || own == AC_TRUE;
	a->leverage_possible.why =
		lev ? strdup("Extra output would widen your scope or influence.")
		: count >= 1 ? ac_strdup_printf("%d of the four leverage conditions hold.", count)
		: own == AC_TRUE ? strdup("Added capability would expand what you own.")
		: ac_strdup_printf("No leverage condition holds and extra output would not clearly turn into ownership%s.",
				   lt ? "" : " (the productivity question is unanswered)");

	ac_tri t = a->timing.appropriate;
	a->timing_appropriate.met = t == AC_TRUE;
	a->timing_appropriate.why = strdup(
		t == AC_TRUE	? "You have tested AI in your role, you are not reacting to headlines, you have the hours, and it is not too late."
		: t == AC_FALSE ? "At least one timing condition fails; see the timing reasons."
				: "Timing cannot be judged yet; see the timing reasons for what is unanswered.");

	int target = fb(ev, AC_F_TARGET_NAMED) == AC_TRUE, roles = fb(ev, AC_F_CERT_ROLE_FIT) == AC_TRUE;
	a->trajectory_defined.met = target || count >= 1 || roles;
	a->trajectory_defined.why =
		target ? ac_strdup_printf("You named a target role: %s.", ev->p->trajectory.target_role)
		: count >= 1 ? strdup("You are already on a trajectory a certificate could amplify.")
		: roles ? strdup("The certificate maps to your current role.")
			: strdup("No target role, no leverage condition, and no certificate that maps to where you are going.");
	if (!a->exposure_understood.why || !a->leverage_possible.why || !a->timing_appropriate.why ||
	    !a->trajectory_defined.why)
		return AC_ENOMEM;
	return AC_OK;
}

/* ------------------------------------------------------------ questions */

static ac_status questions(ac_assessment *a, const ac_eval *ev)
{
	const ac_profile *p = ev->p;
	ac_question *q = a->questions;
	q[0].id = "capability_gap";
	q[1].id = "maps_to_wanted_role";
	q[2].id = "authority_or_knowledge";
	q[3].id = "org_rewards_certification";
	q[4].id = "defensive_or_offensive";

	ac_tri gap = a->certification.present ? a->certification.gap_fit : AC_UNKNOWN;
	if (!p->capability_gap) {
		q[0].answer = strdup("Not answered: no missing capability is named.");
		q[0].ok = AC_FALSE;
	} else if (gap == AC_FALSE) {
		q[0].answer = ac_strdup_printf("You named \"%s\", but %s does not teach it.", p->capability_gap, cert_label(ev));
		q[0].ok = AC_FALSE;
	} else {
		q[0].answer = ac_strdup_printf("%s\"%s\".", gap == AC_TRUE ? "It would close the gap you named: " : "The gap you named: ",
					       p->capability_gap);
		q[0].ok = AC_TRUE;
	}

	ac_tri rf = fb(ev, AC_F_CERT_ROLE_FIT);
	if (!p->trajectory.target_role) {
		q[1].answer = strdup("Not answered: no target role is named.");
		q[1].ok = AC_UNKNOWN;
	} else if (!a->certification.present) {
		q[1].answer = ac_strdup_printf("You want to become %s; pick a certificate that maps to it ('aicert compare' ranks them).",
					       p->trajectory.target_role);
		q[1].ok = AC_UNKNOWN;
	} else {
		q[1].answer = rf == AC_TRUE ? ac_strdup_printf("Yes: it maps to %s.", p->trajectory.target_role)
			      : rf == AC_FALSE ? ac_strdup_printf("No: it does not map to %s.", p->trajectory.target_role)
					       : ac_strdup_printf("Unknown: the certificate lists no roles to compare with %s.",
								  p->trajectory.target_role);
		q[1].ok = rf;
	}

	ac_tri own = ac_eval_required(ev, AC_REQ_OWNERSHIP_EXPANDS);
	q[2].answer = strdup(own == AC_TRUE ? "It would widen your authority: added capability turns into more ownership in your situation."
			     : own == AC_FALSE ? "It would mostly add to what you know: nothing shows it would widen what you own or decide."
					       : "Not answered: what your organisation would do with extra output is unknown.");
	q[2].ok = own;

	ac_tri cs = fb(ev, AC_F_CREDENTIAL_SENSITIVE);
	int strength = (int)ev->f[AC_F_SIGNAL_STRENGTH].n;
	q[3].answer = cs == AC_TRUE ? ac_strdup_printf("Yes: %d of 4 signals say your organisation rewards credentials.", strength)
		      : cs == AC_FALSE ? ac_strdup_printf("No: only %d of 4 signals say your organisation rewards credentials.", strength)
				       : ac_strdup_printf("Not answered: %d of 4 signals are confirmed and the rest are unanswered.", strength);
	q[3].ok = cs;

	const char *pos = positioning(ev);
	a->motives.positioning = pos;
	q[4].answer = strdup(pos);
	q[4].ok = strcmp(pos, "offensive") == 0 ? AC_TRUE : strcmp(pos, "defensive") == 0 ? AC_FALSE : AC_UNKNOWN;
	for (int i = 0; i < 5; i++)
		if (!q[i].answer)
			return AC_ENOMEM;
	return AC_OK;
}

/* ------------------------------------------------------------ timing reasons */

static ac_status timing(ac_assessment *a, const ac_eval *ev)
{
	char ***w = &a->timing.why;
	size_t *n = &a->timing.n_why;
	int ok = 1;
	ac_tri tested = fb(ev, AC_F_AI_TESTED);
	ok &= ac_list_push(w, n, strdup(tested == AC_TRUE ? "You have used AI on real tasks of your role."
					: tested == AC_FALSE ? "You have not yet used AI on real tasks of your role."
							     : "Not answered: whether you have used AI on your own tasks."));
	ok &= ac_list_push(w, n, strdup(fb(ev, AC_F_PANIC_MOTIVE) == AC_TRUE
						? "Part of your reason is headlines or anxiety, a poor clock for this decision."
						: "Your reasons are not a reaction to headlines."));
	const ac_cert *c = ev->prep->cert;
	if (c) {
		const ac_val *wk = &ev->f[AC_F_CERT_WEEKS];
		if (wk->known)
			ok &= ac_list_push(w, n, ac_strdup_printf("At %g hours a week, %s takes about %.0f weeks%s.",
								  ev->p->constraints.hours_per_week.v, cert_label(ev), ceil(wk->n - 1e-9),
								  fb(ev, AC_F_HAS_HOURS) == AC_FALSE ? ", longer than the policy's limit" : ""));
		else
			ok &= ac_list_push(w, n, strdup(c->hours.set ? "Not answered: how many hours a week you can study."
							: "The certificate's preparation time is unknown, so the weeks cannot be computed."));
	}
	static const char *const phase_text[] = {
		"No adoption signals were given, so the adoption phase is unknown.",
		"Phase 1, tool introduction: a window to stand out by using AI well, with no urgency.",
		"Phase 2, productivity normalisation: compression has started; act now and turn output into leverage.",
		"Phase 3, structural redesign: it is late, and coordination-centred roles are hit hardest; reposition first."};
	ok &= ac_list_push(w, n, strdup(phase_text[a->timing.phase]));
	if (fb(ev, AC_F_INDUSTRY_COMPRESSING) == AC_TRUE)
		ok &= ac_list_push(w, n, strdup("Your industry's business model is compressing; training inside it helps little."));
	else if (fb(ev, AC_F_INDUSTRY_SHIFTING) == AC_TRUE)
		ok &= ac_list_push(w, n, strdup("Your industry is visibly shifting to AI-based work, a valid reason to build skills now."));
	if (fb(ev, AC_F_DIGITAL_HIGH) == AC_TRUE)
		ok &= ac_list_push(w, n, strdup("Your industry runs on digital information and written content, which raises the urgency."));
	return ok ? AC_OK : AC_ENOMEM;
}

/* ------------------------------------------------------------ alternatives */

static ac_status alternatives(ac_assessment *a, const ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	for (int path = 1; path <= AC_PATH__COUNT; path++) {
		const ac_alt_policy *ap = &pol->alts[path];
		ac_alternative *alt = &a->alternatives[path - 1];
		alt->path = path;
		double score = ap->base;
		/* The two largest positive additions that apply explain the score. */
		const ac_add *best[2] = {NULL, NULL};
		for (size_t i = 0; i < ap->n_adds; i++) {
			const ac_add *add = &ap->adds[i];
			if (ac_expr_truth(add->when, ev->f) != AC_TRUE)
				continue;
			score += add->weight;
			if (add->weight <= 0)
				continue;
			if (!best[0] || add->weight > best[0]->weight) {
				best[1] = best[0];
				best[0] = add;
			} else if (!best[1] || add->weight > best[1]->weight) {
				best[1] = add;
			}
		}
		alt->score = (int)lround(fmin(100, fmax(0, score)));
		strbuf sb;
		sb_init(&sb);
		for (int k = 0; k < 2 && best[k]; k++) {
			char *t = ac_template_expand(&best[k]->text, ev->f);
			sb_printf(&sb, "%s%s", k ? " " : "", t ? t : "");
			free(t);
		}
		if (!best[0])
			sb_puts(&sb, ap->why_default);
		alt->why = sb_take(&sb, NULL);
		const ac_step *step = NULL;
		for (size_t i = 0; i < ap->n_steps && !step; i++)
			if (ap->steps[i].when && ac_expr_truth(ap->steps[i].when, ev->f) == AC_TRUE)
				step = &ap->steps[i];
		for (size_t i = 0; i < ap->n_steps && !step; i++)
			if (!ap->steps[i].when)
				step = &ap->steps[i];
		alt->first_step = ac_template_expand(&step->text, ev->f);
		if (!alt->why || !alt->first_step)
			return AC_ENOMEM;
	}
	/* Best first; ties keep the policy's path order (a stable insertion sort). */
	for (int i = 1; i < AC_PATH__COUNT; i++) {
		ac_alternative x = a->alternatives[i];
		int j = i - 1;
		while (j >= 0 && a->alternatives[j].score < x.score) {
			a->alternatives[j + 1] = a->alternatives[j];
			j--;
		}
		a->alternatives[j + 1] = x;
	}
	return AC_OK;
}

ac_status ac_explain(ac_assessment *a, const ac_eval *ev)
{
	ac_status st = timing(a, ev);
	if (st == AC_OK)
		st = conditions(a, ev);
	if (st == AC_OK)
		st = questions(a, ev);
	if (st == AC_OK)
		st = alternatives(a, ev);
	return st;
}
