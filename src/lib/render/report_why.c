/*
 * report_why.c — the second half of the report walk: why this verdict (the
 * rules that fired, by their plain titles), what else is worth knowing (the
 * flags' sentences), the four conditions, the five questions, the ranked
 * alternatives, what would change the verdict (open questions with every
 * answer, what the person could do, what the verdict rests on), the
 * unanswered questions, the warnings and the footer.  Questions and answers
 * are said in plain words; field paths and rule ids stay in the JSON.
 */
#include <stdio.h>
#include <string.h>

#include "policy/required.h"
#include "render/report_blocks.h"

static void section_rules(report *r)
{
	const ac_assessment *a = r->a;
	rp_heading(r, rp_word(r, AC_W_REPORT_RULES));
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *rule = &a->rules[i];
		const char *because = rule->because ? rule->because : "";
		if (!rule->verdict)
			rp_item(r, RW_BULLET, 0, rule->title, because);
		else
			rp_item(r, RW_BULLET, 0, rule->title,
				RP_SAY(r, rule->decisive ? AC_W_REPORT_RULE_DECIDES : AC_W_REPORT_RULE_POINTS_TO,
				       rp_word_of(r, AC_WF_VERDICT, rule->verdict), because));
	}
	if (!a->n_rules)
		rp_para(r, rp_word(r, AC_W_REPORT_RULES_NONE));
}

static void section_flags(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_flags || !a->flag_notes)
		return;
	rp_heading(r, rp_word(r, AC_W_REPORT_FLAGS));
	for (size_t i = 0; i < a->n_flags; i++)
		rp_item(r, RW_BULLET, 0, NULL, a->flag_notes[i]);
}

static void section_conditions(report *r)
{
	const ac_assessment *a = r->a;
	const struct {
		int name;
		const ac_condition *c;
	} conds[AC_COND__COUNT] = {
		{AC_W_CONDITION_EXPOSURE_UNDERSTOOD, &a->exposure_understood},
		{AC_W_CONDITION_LEVERAGE_POSSIBLE, &a->leverage_possible},
		{AC_W_CONDITION_TIMING_APPROPRIATE, &a->timing_appropriate},
		{AC_W_CONDITION_TRAJECTORY_DEFINED, &a->trajectory_defined},
	};
	rp_heading(r, rp_word(r, AC_W_REPORT_CONDITIONS));
	rp_para(r, rp_word(r, AC_W_REPORT_CONDITIONS_EXPLAINED));
	for (size_t i = 0; i < AC_COND__COUNT; i++)
		rp_item(r, rp_mark(conds[i].c->met), 0, rp_word(r, conds[i].name), conds[i].c->why);
}

/* Our wording of a question, by its id. */
static const char *question_words(report *r, const char *id)
{
	static const int keys[AC_Q__COUNT] = {
		AC_W_QUESTION_CAPABILITY_GAP, AC_W_QUESTION_MAPS_TO_WANTED_ROLE, AC_W_QUESTION_AUTHORITY_OR_KNOWLEDGE,
		AC_W_QUESTION_ORG_REWARDS_CERTIFICATION, AC_W_QUESTION_DEFENSIVE_OR_OFFENSIVE};
	for (int i = 0; id && i < AC_Q__COUNT; i++)
		if (strcmp(ac_questions[i].name, id) == 0)
			return rp_word(r, keys[i]);
	return "";
}

static void section_questions(report *r)
{
	const ac_assessment *a = r->a;
	rp_heading(r, rp_word(r, AC_W_REPORT_QUESTIONS));
	for (size_t i = 0; i < AC_Q__COUNT; i++) {
		const ac_question *q = &a->questions[i];
		rp_item(r, rp_mark(q->ok), 0, question_words(r, q->id),
			q->answer ? q->answer : rp_word(r, AC_W_VALUE_NOT_ANSWERED));
	}
}

static void section_alternatives(report *r)
{
	const ac_assessment *a = r->a;
	rp_heading(r, rp_word(r, AC_W_REPORT_ALTERNATIVES));
	for (int i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &a->alternatives[i];
		char score[16];
		snprintf(score, sizeof score, "%d", alt->score);
		rp_item(r, RW_NUMBER, i + 1,
			RP_SAY(r, AC_W_REPORT_ALTERNATIVE_TITLE, rp_word_of(r, AC_WF_PATH, alt->path), score),
			alt->why);
		if (alt->first_step)
			rp_sub(r, RP_SAY(r, AC_W_REPORT_ALTERNATIVE_FIRST_STEP, alt->first_step));
	}
}

/* The answers of one open question that give verdict v, in aux ("yes, no"). */
static size_t answers_giving(report *r, const ac_unanswered *u, int v)
{
	size_t n = 0;
	rp_aux_reset(r);
	for (size_t i = 0; i < u->n_outcomes; i++)
		if (u->outcomes[i].verdict == v)
			sb_printf(&r->aux, "%s%s", n++ ? "; " : "", u->outcomes[i].answer_words);
	return n;
}

/* An open question, then one line per verdict its answers give. */
static void open_question(report *r, size_t i, const ac_unanswered *u)
{
	char ref[64];
	snprintf(ref, sizeof ref, "what_changes.unanswered[%zu]", i);
	rp_item_ref(r, ref, u->question);
	for (int v = AC_VERDICT_PURSUE; v <= AC_VERDICT_AVOID; v++) {
		if (!answers_giving(r, u, v))
			continue;
		char answers[1024];
		snprintf(answers, sizeof answers, "%s", rp_aux(r));
		const char *verdict = rp_word_of(r, AC_WF_VERDICT, v);
		rp_sub(r, v == r->a->verdict ? RP_SAY(r, AC_W_REPORT_CHANGE_SAME, answers, verdict)
					     : RP_SAY(r, AC_W_REPORT_CHANGE_ANSWER, answers, verdict));
	}
}

static void section_what_changes(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->what_changes.searched)
		return;
	rp_heading(r, rp_word(r, AC_W_REPORT_CHANGES));
	size_t nu = a->what_changes.n_unanswered, na = a->what_changes.n_actions, nr = a->what_changes.n_rests_on;
	if (!nu && !na && !nr) {
		rp_para(r, rp_word(r, AC_W_REPORT_CHANGES_NONE));
		return;
	}
	rp_para(r, rp_word(r, AC_W_REPORT_CHANGES_EXPLAINED));
	if (nu)
		rp_para(r, rp_word(r, AC_W_REPORT_CHANGES_OPEN));
	for (size_t i = 0; i < nu; i++)
		open_question(r, i, &a->what_changes.unanswered[i]);
	if (na)
		rp_para(r, rp_word(r, AC_W_REPORT_CHANGES_ACTIONS));
	char ref[64];
	for (size_t i = 0; i < na; i++) {
		const ac_change *c = &a->what_changes.actions[i];
		snprintf(ref, sizeof ref, "what_changes.actions[%zu]", i);
		rp_item_ref(r, ref,
			    RP_SAY(r, AC_W_REPORT_CHANGE_ACTION, c->says, rp_word_of(r, AC_WF_VERDICT, c->to.verdict)));
	}
	if (nr)
		rp_para(r, rp_word(r, AC_W_REPORT_CHANGES_RESTS_ON));
	for (size_t i = 0; i < nr; i++) {
		const ac_change *c = &a->what_changes.rests_on[i];
		snprintf(ref, sizeof ref, "what_changes.rests_on[%zu]", i);
		rp_item_ref(r, ref,
			    RP_SAY(r, AC_W_REPORT_CHANGE_RESTS_ON, c->says, c->from_words, c->to.answer_words,
				   rp_word_of(r, AC_WF_VERDICT, c->to.verdict)));
	}
}

/* Every unanswered question: first those whose answer could change the
 * verdict, then those it would not change.  Without the search nothing is
 * said about either. */
static void section_missing(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_missing)
		return;
	rp_heading(r, rp_word(r, AC_W_REPORT_MISSING));
	size_t unchanged = 0;
	for (size_t i = 0; i < a->n_missing; i++) {
		const ac_missing *m = &a->missing[i];
		if (m->changes == AC_FALSE)
			unchanged++;
		else
			rp_item(r, RW_BULLET, 0, m->question,
				m->changes == AC_TRUE ? rp_word(r, AC_W_REPORT_MISSING_CHANGES) : NULL);
	}
	if (!unchanged)
		return;
	rp_para(r, rp_word(r, AC_W_REPORT_MISSING_NO_CHANGE));
	for (size_t i = 0; i < a->n_missing; i++)
		if (a->missing[i].changes == AC_FALSE)
			rp_item(r, RW_BULLET, 0, NULL, a->missing[i].question);
}

static void section_warnings(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_warnings)
		return;
	rp_heading(r, rp_word(r, AC_W_REPORT_WARNINGS));
	for (size_t i = 0; i < a->n_warnings; i++)
		rp_item(r, RW_BULLET, 0, NULL, a->warnings[i]);
}

static void footer(report *r)
{
	const ac_assessment *a = r->a;
	rp_begin(r, B_RULE);
	r->w->rule(&r->o);
	rp_lead(r, rp_word(r, AC_W_REPORT_POLICY),
		RP_SAY(r, AC_W_REPORT_POLICY_VALUE, rp_or_unknown(r, a->policy_name),
		       rp_or_unknown(r, a->policy_version), a->as_of));
	if (a->exposure.occupation || a->exposure.prefilled)
		rp_para(r, rp_word(r, AC_W_REPORT_OCCUPATION_CREDITS));
}

void rp_explanations(report *r)
{
	section_rules(r);
	section_flags(r);
	section_conditions(r);
	section_questions(r);
	section_alternatives(r);
	section_what_changes(r);
	section_missing(r);
	section_warnings(r);
	footer(r);
}
