/*
 * explain.c — what a person reads after the verdict, as the policy words it:
 * the four conditions ([condition]: each fails, holds or is unknown, by the
 * rules), the answers to the five questions
 * ([question]), the reasons about timing ([timing]), the positioning, and the
 * ranked alternatives ([alternative]).  The judgements are the policy's; this
 * file evaluates them against the facts and expands their texts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"
#include "core/strbuf.h"
#include "model/engine.h"

/* The text of the chosen line of a choice, expanded; NULL when memory ran
 * out or no line applies (the caller knows which choices have a default). */
static char *chosen_text(const ac_choice *c, const ac_eval *ev)
{
	return c ? ac_template_expand(&c->text, ev->f, ev->prep->pol->wording) : NULL;
}

/* ------------------------------------------------------------ conditions */

static ac_status conditions(ac_assessment *a, const ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	ac_condition *out[AC_COND__COUNT] = {&a->exposure_understood, &a->leverage_possible, &a->timing_appropriate,
					     &a->trajectory_defined};
	for (int i = 0; i < AC_COND__COUNT; i++) {
		const ac_condition_policy *c = &pol->conditions[i];
		/* Fails first: a condition the rules make fail is never shown as held. */
		out[i]->met = ac_expr_truth(c->fails, ev->f) == AC_TRUE   ? AC_FALSE
			      : ac_expr_truth(c->holds, ev->f) == AC_TRUE ? AC_TRUE
									  : AC_UNKNOWN;
		out[i]->why = chosen_text(ac_choose(&c->why, ev->f), ev);
		if (!out[i]->why)
			return AC_ENOMEM;
	}
	return AC_OK;
}

/* ------------------------------------------------------------ questions */

static ac_status questions(ac_assessment *a, const ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	a->motives.positioning = ev->positioning >= 0 ? ac_positions[ev->positioning].what : NULL;
	for (int i = 0; i < AC_Q__COUNT; i++) {
		ac_question *q = &a->questions[i];
		const ac_choice *c = ac_choose(&pol->questions[i].answer, ev->f);
		q->id = ac_questions[i].name;
		q->ok = c->mark;
		q->answer = chosen_text(c, ev);
		if (!q->answer)
			return AC_ENOMEM;
	}
	return AC_OK;
}

/* ------------------------------------------------------------ timing reasons */

static ac_status timing(ac_assessment *a, const ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	for (size_t i = 0; i < pol->n_timing; i++) {
		const ac_choice *c = ac_choose(&pol->timing[i].reason, ev->f);
		if (c && !ac_list_push(&a->timing.why, &a->timing.n_why, chosen_text(c, ev)))
			return AC_ENOMEM;
	}
	return AC_OK;
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
		/* From 0 to 100, half rounded up, as round() would: the whole part
		 * and the fraction are exact. */
		double clamped = ac_num_min(100, ac_num_max(0, score));
		int whole = (int)clamped;
		alt->score = whole + (clamped - whole >= 0.5);
		strbuf sb;
		sb_init(&sb);
		for (int k = 0; k < 2 && best[k]; k++) {
			if (k)
				sb_putn(&sb, " ", 1);
			ac_template_append(&sb, &best[k]->text, ev->f, pol->wording);
		}
		if (!best[0])
			sb_puts(&sb, ap->why_default);
		alt->why = sb_take(&sb, NULL);
		alt->first_step = chosen_text(ac_choose(&ap->first_step, ev->f), ev);
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
