/*
 * question.c — one question as a front end sees it: aicert.h keeps the
 * question opaque (so a new detail never breaks a caller) and these read its
 * id, field, wording and choices.  Its conditions stay inside (ask.c).
 */
#include "questionnaire/questionnaire.h"

const char *ac_question_id(const ac_qn_question *q)
{
	return q ? q->id : NULL;
}

const char *ac_question_path(const ac_qn_question *q)
{
	return q ? q->field : NULL;
}

ac_qn_kind ac_question_kind(const ac_qn_question *q)
{
	return q ? q->kind : (ac_qn_kind)0;
}

const char *ac_question_text(const ac_qn_question *q)
{
	return q ? q->text : NULL;
}

const char *ac_question_help(const ac_qn_question *q)
{
	return q ? q->help : NULL;
}

const char *ac_question_within(const ac_qn_question *q)
{
	return q ? q->within : NULL;
}

int ac_question_later(const ac_qn_question *q)
{
	return q ? q->later : 0;
}

int ac_question_line(const ac_qn_question *q)
{
	return q ? q->line : 0;
}

size_t ac_question_choice_count(const ac_qn_question *q)
{
	return q ? q->n_choices : 0;
}

static const ac_qn_choice *choice(const ac_qn_question *q, size_t i)
{
	return q && i < q->n_choices ? &q->choices[i] : NULL;
}

const char *ac_question_choice_value(const ac_qn_question *q, size_t i)
{
	const ac_qn_choice *c = choice(q, i);
	return c ? c->value : NULL;
}

const char *ac_question_choice_json(const ac_qn_question *q, size_t i)
{
	const ac_qn_choice *c = choice(q, i);
	return c ? c->json : NULL;
}

const char *ac_question_choice_label(const ac_qn_question *q, size_t i)
{
	const ac_qn_choice *c = choice(q, i);
	return c ? c->label : NULL;
}
