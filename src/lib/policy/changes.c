/*
 * changes.c — the [what_changes] section of a policy: which questions of the
 * profile the report varies to find what would change the verdict, which of
 * them are the person's own to change, which are never varied, when an
 * unanswered one is listed as missing, the values a number question is tried
 * with, and how long each of the three lists may be.  Every field is checked
 * against the profile schema when the policy is read.
 */
#include <stdlib.h>
#include <string.h>

#include "input/schema.h"
#include "policy/reader.h"

static const char *const limit_keys[AC_WC__COUNT] = {"unanswered_limit", "actions_limit", "rests_on_limit"};

static void changes_open(reader *r, const char *arg, int arg_col)
{
	(void)arg;
	(void)arg_col;
	ac_what_changes_policy *w = &r->pol->what_changes;
	if (w->line) {
		ac_reader_error(r, r->head_col, "[what_changes] is defined twice (first on line %d)", w->line);
		ac_reader_refuse(r);
		return;
	}
	w->line = r->line;
}

/* The listed question at path, or NULL after reporting it (col: where the
 * path starts). */
static ac_question_field *listed(reader *r, const char *path, int col)
{
	ac_what_changes_policy *w = &r->pol->what_changes;
	for (size_t i = 0; i < w->n_fields; i++)
		if (strcmp(w->fields[i].path, path) == 0)
			return &w->fields[i];
	ac_reader_error(r, col, "'%s' is not one of the questions listed above (questions = ...)", path);
	return NULL;
}

/* Calls fn for each comma-separated item of value, trimmed. */
static void each_item(reader *r, char *value, int value_col, void (*fn)(reader *r, const char *item, int col))
{
	char *item = value;
	while (item && !r->nomem) {
		char *comma = strchr(item, ',');
		if (comma)
			*comma = '\0';
		while (*item == ' ')
			item++;
		char *end = item + strlen(item);
		while (end > item && end[-1] == ' ')
			*--end = '\0';
		fn(r, item, value_col + (int)(item - value));
		item = comma ? comma + 1 : NULL;
	}
}

static void add_question(reader *r, const char *path, int col)
{
	ac_what_changes_policy *w = &r->pol->what_changes;
	const ac_field_def *d = ac_schema_def(path);
	int object = d && d->pub.type == AC_FIELD_OBJECT && strcmp(path, "certification") != 0;
	if (!d || object || d->in != IN_PROFILE || strcmp(path, "schema") == 0 || strcmp(path, "label") == 0) {
		ac_reader_error(r, col, "'%s' is not a question of the profile (a field such as role.leverage_test)",
				path);
		return;
	}
	for (size_t i = 0; i < w->n_fields; i++)
		if (strcmp(w->fields[i].path, path) == 0) {
			ac_reader_error(r, col, "'%s' is listed twice (first on line %d)", path, w->fields[i].line);
			return;
		}
	if (!ac_reader_grow(r, (void **)&w->fields, &w->n_fields, sizeof *w->fields))
		return;
	w->fields[w->n_fields - 1].path = ac_reader_strdup(r, path);
	w->fields[w->n_fields - 1].line = r->line;
	w->fields[w->n_fields - 1].def = ac_schema_index(d);
	w->fields[w->n_fields - 1].choice = strcmp(path, "certification") == 0;
}

static void mark_yours(reader *r, const char *path, int col)
{
	ac_question_field *q = listed(r, path, col);
	if (q)
		q->yours = 1;
}

static void mark_fixed(reader *r, const char *path, int col)
{
	ac_question_field *q = listed(r, path, col);
	if (q)
		q->fixed = 1;
}

/* "FIELD | CONDITION" */
static void ask_if(reader *r, char *value, int value_col)
{
	char *cond = ac_reader_split(value);
	if (!cond) {
		ac_reader_error(r, value_col, "expected 'ask_if = FIELD | CONDITION', found '%s'", value);
		return;
	}
	ac_question_field *q = listed(r, value, value_col);
	if (!q)
		return;
	if (q->ask_if) {
		ac_reader_error(r, value_col, "'ask_if' is set twice for %s (first on line %d)", value, q->ask_if_line);
		return;
	}
	q->ask_if_line = r->line;
	q->ask_if = ac_reader_condition(r, cond, value_col + (int)(cond - value));
}

/* "FIELD | NUMBER, NUMBER, ..." for a number question. */
static void tries(reader *r, char *value, int value_col)
{
	char *list = ac_reader_split(value);
	if (!list) {
		ac_reader_error(r, value_col, "expected 'try = FIELD | NUMBER, NUMBER, ...', found '%s'", value);
		return;
	}
	ac_question_field *q = listed(r, value, value_col);
	if (!q)
		return;
	const ac_field_def *d = ac_schema_def(q->path);
	if (d->pub.type != AC_FIELD_NUMBER || q->n_tries) {
		ac_reader_error(r, value_col, "'try' takes a number question, once: %s", value);
		return;
	}
	for (char *item = list; item;) {
		char *comma = strchr(item, ',');
		if (comma)
			*comma = '\0';
		while (*item == ' ')
			item++;
		double x;
		if (!ac_reader_number(item, &x) || x < d->pub.min || x > d->pub.max ||
		    (d->pub.min_exclusive && x <= d->pub.min)) {
			ac_reader_error(r, value_col + (int)(item - value), "'%s' is not an answer %s can take", item,
					q->path);
			return;
		}
		if (!ac_reader_grow(r, (void **)&q->tries, &q->n_tries, sizeof *q->tries))
			return;
		q->tries[q->n_tries - 1] = x;
		item = comma ? comma + 1 : NULL;
	}
}

static void changes_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_what_changes_policy *w = &r->pol->what_changes;
	for (int k = 0; k < AC_WC__COUNT; k++)
		if (strcmp(key, limit_keys[k]) == 0) {
			double x;
			if (w->limit_set[k])
				ac_reader_twice(r, key_col, key);
			else if (!ac_reader_number(value, &x) || x < 0 || x > 1000 || x != (double)(int)x)
				ac_reader_error(r, value_col, "%s: found '%s', expected a whole number from 0 to 1000",
						key, value);
			else {
				w->limit[k] = x;
				w->limit_set[k] = 1;
			}
			return;
		}
	if (strcmp(key, "questions") == 0)
		each_item(r, value, value_col, add_question);
	else if (strcmp(key, "yours") == 0)
		each_item(r, value, value_col, mark_yours);
	else if (strcmp(key, "fixed") == 0)
		each_item(r, value, value_col, mark_fixed);
	else if (strcmp(key, "ask_if") == 0)
		ask_if(r, value, value_col);
	else if (strcmp(key, "try") == 0)
		tries(r, value, value_col);
	else
		ac_reader_unknown_key(
			r, key, key_col,
			"questions, yours, fixed, ask_if, try, unanswered_limit, actions_limit or rests_on_limit");
}

static void changes_complete(reader *r)
{
	const ac_what_changes_policy *w = &r->pol->what_changes;
	if (!w->line) {
		ac_reader_error(
			r, 0,
			"the policy has no [what_changes]: what would change the verdict (what_changes) needs it");
		return;
	}
	r->line = w->line;
	if (!w->n_fields)
		ac_reader_error(r, 0, "[what_changes] lists no questions (questions = ...)");
	for (int k = 0; k < AC_WC__COUNT; k++)
		if (!w->limit_set[k])
			ac_reader_error(r, 0, "[what_changes] needs '%s'", limit_keys[k]);
}

/* Its conditions are evaluated on the finished assessment. */
/* Lists that go on over several lines. */
static const char *const changes_lists[] = {"questions", "yours", "fixed", "try", NULL};
const ac_section_kind ac_sec_what_changes = {
	"what_changes", 0, changes_open, changes_assign, changes_complete, AC_STAGE_AFTER, changes_lists};

void ac_policy_what_changes_free(ac_policy *p)
{
	for (size_t i = 0; i < p->what_changes.n_fields; i++) {
		free(p->what_changes.fields[i].path);
		free(p->what_changes.fields[i].tries);
	}
	free(p->what_changes.fields);
}
