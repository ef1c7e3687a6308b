/*
 * judgements.c — the sections of a policy that judge and explain beside the
 * verdict: the adoption phases, when each motive is valid, the exposure
 * class, the positioning, the four conditions, the answers to the five
 * questions and the timing reasons.  Their names are fixed (required.h);
 * every one must be there, so the engine never falls back on a judgement of
 * its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/reader.h"

#define AC_REQ_ROW(id, name, what) {name, what},
const ac_required_name ac_conditions[AC_COND__COUNT] = {AC_CONDITIONS(AC_REQ_ROW)};
const ac_required_name ac_questions[AC_Q__COUNT] = {AC_QUESTIONS(AC_REQ_ROW)};
const ac_required_name ac_positions[AC_POS__COUNT] = {AC_POSITIONS(AC_REQ_ROW)};
#undef AC_REQ_ROW

/* The index of name in a table of required names, or -1. */
static int find_name(const ac_required_name *table, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0)
			return i;
	return -1;
}

/* "a, b or c" of a table's names into buf, for messages. */
static const char *name_list(const ac_required_name *table, int n, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s",
				      i == 0       ? ""
				      : i + 1 == n ? " or "
						   : ", ",
				      table[i].name);
	return buf;
}

/* Opens a section whose name picks entry idx of a fixed list (-1: none);
 * *line is the entry's line, 0 while it has none. */
static int open_fixed(reader *r, const char *kind, const char *arg, int arg_col, int idx, const char *expected,
		      int *line)
{
	if (idx < 0) {
		ac_reader_error(r, arg_col, "unknown %s '%s'; expected %s", kind, arg, expected);
		ac_reader_refuse(r);
		return 0;
	}
	if (*line) {
		ac_reader_error(r, r->head_col, "[%s %s] is defined twice (first on line %d)", kind, arg, *line);
		ac_reader_refuse(r);
		return 0;
	}
	r->idx = idx;
	*line = r->line;
	return 1;
}

/* A section's one condition, under key. */
static void one_condition(reader *r, ac_expr **slot, const char *key, char *value, int key_col, int value_col)
{
	if (*slot)
		ac_reader_twice(r, key_col, key);
	else
		*slot = ac_reader_condition(r, value, value_col);
}

/* ------------------------------------------------------------ [phase N] */

static void phase_open(reader *r, const char *arg, int arg_col)
{
	int n = strlen(arg) == 1 && arg[0] >= '1' && arg[0] < '1' + AC_PHASES ? arg[0] - '0' : -1;
	if (n < 0) {
		ac_reader_error(r, arg_col, "unknown phase '%s'; expected 1, 2 or 3", arg);
		ac_reader_refuse(r);
		return;
	}
	open_fixed(r, "phase", arg, arg_col, n, "", &r->pol->phases[n].line);
}

static void phase_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	if (strcmp(key, "when") == 0)
		one_condition(r, &r->pol->phases[r->idx].when, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "when");
}

static void phase_complete(reader *r)
{
	for (int n = 1; n <= AC_PHASES; n++) {
		const ac_when_section *ph = &r->pol->phases[n];
		r->line = ph->line ? ph->line : r->eof_line;
		if (!ph->line)
			ac_reader_error(r, 0,
					"the policy has no [phase %d]: the adoption phase (timing.phase) needs it", n);
		else if (!ph->when)
			ac_reader_error(r, 0, "[phase %d] has no 'when' line", n);
	}
}

/* The phase may use only the profile's facts: it is decided first. */
const ac_section_kind ac_sec_phase = {"phase", 1, phase_open, phase_assign, phase_complete, AC_STAGE_PHASE, NULL};

/* ------------------------------------------------------------ [motive NAME] */

static void motive_open(reader *r, const char *arg, int arg_col)
{
	int m = ac_enum_value(AC_ENUM_MOTIVE, arg);
	char expected[512];
	snprintf(expected, sizeof expected, "one of %s", ac_enum_list(AC_ENUM_MOTIVE));
	open_fixed(r, "motive", arg, arg_col, m ? m : -1, expected, m ? &r->pol->motives[m].line : NULL);
}

static void motive_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	if (strcmp(key, "valid") == 0)
		one_condition(r, &r->pol->motives[r->idx].when, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "valid");
}

static void motive_complete(reader *r)
{
	for (int m = 1; m <= AC_MOT__COUNT; m++) {
		const ac_when_section *mo = &r->pol->motives[m];
		const char *name = ac_enum_name(AC_ENUM_MOTIVE, m);
		r->line = mo->line ? mo->line : r->eof_line;
		if (!mo->line)
			ac_reader_error(r, 0,
					"the policy has no [motive %s]: whether that motive is valid (motives.valid)",
					name);
		else if (!mo->when)
			ac_reader_error(r, 0, "[motive %s] has no 'valid' line", name);
	}
}

/* A motive's validity may use the phase but nothing decided from motives. */
const ac_section_kind ac_sec_motive = {"motive",         1,   motive_open, motive_assign, motive_complete,
				       AC_STAGE_MOTIVES, NULL};

/* ------------------------------------------------------------ [class NAME] */

static void class_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	int k = ac_enum_value(AC_ENUM_CLASS, arg);
	char expected[256];
	snprintf(expected, sizeof expected, "one of %s", ac_enum_list(AC_ENUM_CLASS));
	if (open_fixed(r, "class", arg, arg_col, k ? k : -1, expected, k ? &p->classes[k].line : NULL))
		p->class_order[p->n_classes++] = k;
}

static void class_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	if (strcmp(key, "when") == 0)
		one_condition(r, &r->pol->classes[r->idx].when, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "when");
}

static void class_complete(reader *r)
{
	for (int k = 1; k <= ac_enum_count(AC_ENUM_CLASS); k++) {
		const ac_when_section *c = &r->pol->classes[k];
		const char *name = ac_enum_name(AC_ENUM_CLASS, k);
		r->line = c->line ? c->line : r->eof_line;
		if (!c->line)
			ac_reader_error(r, 0,
					"the policy has no [class %s]: the exposure class (exposure.class) needs it",
					name);
		else if (!c->when)
			ac_reader_error(r, 0, "[class %s] has no 'when' line", name);
	}
}

const ac_section_kind ac_sec_class = {"class", 1, class_open, class_assign, class_complete, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [positioning] */

static void positioning_open(reader *r, const char *arg, int arg_col)
{
	(void)arg;
	(void)arg_col;
	if (r->pol->positioning_line) {
		ac_reader_error(r, r->head_col, "[positioning] is defined twice (first on line %d)",
				r->pol->positioning_line);
		ac_reader_refuse(r);
		return;
	}
	r->pol->positioning_line = r->line;
}

/* "VALUE = CONDITION", in order. */
static void positioning_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	int v = find_name(ac_positions, AC_POS__COUNT, key);
	if (v < 0) {
		char list[128];
		ac_reader_error(r, key_col, "unknown positioning '%s'; expected %s", key,
				name_list(ac_positions, AC_POS__COUNT, list, sizeof list));
		return;
	}
	if (!ac_reader_grow(r, (void **)&p->positions, &p->n_positions, sizeof *p->positions))
		return;
	p->positions[p->n_positions - 1].value = v;
	p->positions[p->n_positions - 1].when = ac_reader_condition(r, value, value_col);
}

static void positioning_complete(reader *r)
{
	ac_policy *p = r->pol;
	if (!p->positioning_line) {
		ac_reader_error(r, 0,
				"the policy has no [positioning]: the positioning (motives.positioning) needs it");
		return;
	}
	r->line = p->positioning_line;
	if (!p->n_positions || !ac_expr_always(p->positions[p->n_positions - 1].when))
		ac_reader_error(
			r, 0, "the last line of [positioning] must be 'VALUE = always' so that every profile gets one");
}

/* The positioning may use the verdict, and is decided after it. */
/* Each line is one "POSITION = CONDITION" of an ordered choice. */
static const char *const every_setting[] = {"*", NULL};
const ac_section_kind ac_sec_positioning = {
	"positioning", 0, positioning_open, positioning_assign, positioning_complete, AC_STAGE_POSITIONING,
	every_setting};

/* ------------------------------------------------------------ [condition NAME] */

static void condition_open(reader *r, const char *arg, int arg_col)
{
	char list[256];
	int c = find_name(ac_conditions, AC_COND__COUNT, arg);
	open_fixed(r, "condition", arg, arg_col, c, name_list(ac_conditions, AC_COND__COUNT, list, sizeof list),
		   c >= 0 ? &r->pol->conditions[c].line : NULL);
}

static void condition_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_condition_policy *c = &r->pol->conditions[r->idx];
	if (strcmp(key, "holds") == 0)
		one_condition(r, &c->holds, key, value, key_col, value_col);
	else if (strcmp(key, "fails") == 0)
		one_condition(r, &c->fails, key, value, key_col, value_col);
	else if (strcmp(key, "why_if") == 0)
		ac_reader_choice(r, &c->why, key, value, key_col, value_col, AC_CHOICE_IF, "why_if = CONDITION | TEXT");
	else if (strcmp(key, "why") == 0)
		ac_reader_choice(r, &c->why, key, value, key_col, value_col, AC_CHOICE_ONCE, "why = TEXT");
	else
		ac_reader_unknown_key(r, key, key_col, "holds, fails, why_if or why");
}

static void condition_complete(reader *r)
{
	for (int i = 0; i < AC_COND__COUNT; i++) {
		const ac_condition_policy *c = &r->pol->conditions[i];
		r->line = c->line ? c->line : r->eof_line;
		if (!c->line)
			ac_reader_error(r, 0, "the policy has no [condition %s]: %s", ac_conditions[i].name,
					ac_conditions[i].what);
		else if (!c->holds || !c->fails || !ac_choices_default(&c->why))
			ac_reader_error(r, 0, "[condition %s] needs 'holds', 'fails' and a plain 'why'",
					ac_conditions[i].name);
	}
}

const ac_section_kind ac_sec_condition = {"condition",    1,   condition_open, condition_assign, condition_complete,
					  AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [question NAME] */

static void question_open(reader *r, const char *arg, int arg_col)
{
	char list[256];
	int q = find_name(ac_questions, AC_Q__COUNT, arg);
	open_fixed(r, "question", arg, arg_col, q, name_list(ac_questions, AC_Q__COUNT, list, sizeof list),
		   q >= 0 ? &r->pol->questions[q].line : NULL);
}

static void question_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_question_policy *q = &r->pol->questions[r->idx];
	if (strcmp(key, "answer_if") == 0)
		ac_reader_choice(r, &q->answer, key, value, key_col, value_col, AC_CHOICE_IF | AC_CHOICE_MARK,
				 "answer_if = CONDITION | MARK | TEXT");
	else if (strcmp(key, "answer") == 0)
		ac_reader_choice(r, &q->answer, key, value, key_col, value_col, AC_CHOICE_MARK | AC_CHOICE_ONCE,
				 "answer = MARK | TEXT");
	else
		ac_reader_unknown_key(r, key, key_col, "answer_if or answer");
}

static void question_complete(reader *r)
{
	for (int i = 0; i < AC_Q__COUNT; i++) {
		const ac_question_policy *q = &r->pol->questions[i];
		r->line = q->line ? q->line : r->eof_line;
		if (!q->line)
			ac_reader_error(r, 0, "the policy has no [question %s]: %s", ac_questions[i].name,
					ac_questions[i].what);
		else if (!ac_choices_default(&q->answer))
			ac_reader_error(r, 0, "[question %s] needs a plain 'answer'", ac_questions[i].name);
	}
}

const ac_section_kind ac_sec_question = {"question",     1,   question_open, question_assign, question_complete,
					 AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [timing NAME] */

static void timing_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	(void)arg_col;
	if (!ac_reader_valid_id(arg)) {
		ac_reader_error(r, r->head_col, "'%s' is not a valid name (use lower-case letters, digits and _)", arg);
		ac_reader_refuse(r);
		return;
	}
	for (size_t i = 0; i < p->n_timing; i++)
		if (p->timing[i].id && strcmp(p->timing[i].id, arg) == 0) {
			ac_reader_error(r, r->head_col, "[timing %s] is defined twice (first on line %d)", arg,
					p->timing[i].line);
			ac_reader_refuse(r);
			return;
		}
	if (!ac_reader_grow(r, (void **)&p->timing, &p->n_timing, sizeof *p->timing)) {
		ac_reader_refuse(r);
		return;
	}
	r->idx = (int)p->n_timing - 1;
	p->timing[r->idx].id = ac_reader_strdup(r, arg);
	p->timing[r->idx].line = r->line;
}

static void timing_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_timing_policy *t = &r->pol->timing[r->idx];
	if (strcmp(key, "reason_if") == 0)
		ac_reader_choice(r, &t->reason, key, value, key_col, value_col, AC_CHOICE_IF,
				 "reason_if = CONDITION | TEXT");
	else if (strcmp(key, "reason") == 0)
		ac_reader_choice(r, &t->reason, key, value, key_col, value_col, AC_CHOICE_ONCE, "reason = TEXT");
	else
		ac_reader_unknown_key(r, key, key_col, "reason_if or reason");
}

static void timing_complete(reader *r)
{
	for (size_t i = 0; i < r->pol->n_timing; i++)
		if (!r->pol->timing[i].reason.n) {
			r->line = r->pol->timing[i].line;
			ac_reader_error(r, 0, "[timing %s] gives no reason: add 'reason_if' or 'reason' lines",
					r->pol->timing[i].id);
		}
}

const ac_section_kind ac_sec_timing = {"timing", 1, timing_open, timing_assign, timing_complete, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ freeing */

void ac_judgements_free(ac_policy *p)
{
	free(p->positions);
	for (int i = 0; i < AC_COND__COUNT; i++)
		ac_choices_free(&p->conditions[i].why);
	for (int i = 0; i < AC_Q__COUNT; i++)
		ac_choices_free(&p->questions[i].answer);
	for (size_t i = 0; i < p->n_timing; i++) {
		free(p->timing[i].id);
		ac_choices_free(&p->timing[i].reason);
	}
	free(p->timing);
}
