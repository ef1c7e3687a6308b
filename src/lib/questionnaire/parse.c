/*
 * parse.c — reads a questionnaire file: one `question ID` line, then indented
 * lines (fills, kind, ask, why, choice, when, within, later, try).  Every
 * question is checked against the public profile schema as it is read: the
 * field must exist and be askable, each choice must be an answer the field
 * allows, each condition must test a real field with values it can hold.
 * Every problem is a diagnostic naming the file and the line; a file with
 * any problem is refused whole.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "questionnaire/questionnaire.h"

extern const char ac_embedded_questionnaire[];
extern const size_t ac_embedded_questionnaire_len;

#define MAX_QUESTIONS 500
#define MAX_CHOICES 64
#define MAX_LINE_TEXT 400

typedef struct {
	ac_questionnaire *qn;
	ac_diags *d;
	const char *source;
	int line;
	int failed, nomem;
	/* the question being read */
	ac_qn_question *cur;
	ac_qn_choice *choices;
	size_t n_choices;
	ac_qn_when *when;
	size_t n_when;
	char **tries;
	size_t n_tries;
	const char *kind_word;
	int kind_line;
} rd;

static void err(rd *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
static void err(rd *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (ac_diags_vadd(r->d, r->source, NULL, r->line, 0, fmt, ap) != AC_OK)
		r->nomem = 1;
	va_end(ap);
	r->failed = 1;
}

/* Keeps p for ac_questionnaire_free; returns p, or NULL (p freed) when memory ran out. */
static void *own(rd *r, void *p)
{
	ac_questionnaire *qn = r->qn;
	if (!p) {
		r->nomem = r->failed = 1;
		return NULL;
	}
	if (qn->n_owned == qn->cap_owned) {
		size_t cap = qn->cap_owned ? qn->cap_owned * 2 : 64;
		void **o = realloc(qn->owned, cap * sizeof *o);
		if (!o) {
			free(p);
			r->nomem = r->failed = 1;
			return NULL;
		}
		qn->owned = o;
		qn->cap_owned = cap;
	}
	qn->owned[qn->n_owned++] = p;
	return p;
}

static char *own_str(rd *r, const char *s, size_t n)
{
	char *c = malloc(n + 1);
	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return own(r, c);
}

static int is_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

/* The JSON value a choice or condition value stands for in field f, or NULL
 * (with a diagnostic) when f cannot hold it. */
static char *value_json(rd *r, const ac_field *f, const char *v)
{
	switch (ac_field_value_type(f)) {
	case AC_FIELD_ENUM:
	case AC_FIELD_ENUM_LIST:
		if (!ac_enum_value((ac_enum_kind)ac_field_enum_kind(f), v)) {
			err(r, "'%s' is not an answer %s allows; expected %s", v, ac_field_path(f),
			    ac_enum_list((ac_enum_kind)ac_field_enum_kind(f)));
			return NULL;
		}
		return own(r, ac_strdup_printf("\"%s\"", v));
	case AC_FIELD_BOOL:
		if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
			err(r, "'%s' is not an answer %s allows; expected true or false", v, ac_field_path(f));
			return NULL;
		}
		return own_str(r, v, strlen(v));
	case AC_FIELD_INTEGER: {
		char *end;
		errno = 0;
		long x = strtol(v, &end, 10);
		if (errno || *end || end == v || x < ac_field_min(f) || x > ac_field_max(f)) {
			err(r, "'%s' is not an answer %s allows; expected a whole number from %g to %g", v,
			    ac_field_path(f), ac_field_min(f), ac_field_max(f));
			return NULL;
		}
		return own_str(r, v, strlen(v));
	}
	default:
		err(r, "%s takes no fixed answers, so it has no choices or tested values", ac_field_path(f));
		return NULL;
	}
}

/* Splits s into words (a double-quoted word may hold spaces) into a new
 * array; returns the count, or -1 after a diagnostic. */
static int words(rd *r, char *s, char ***out)
{
	char **w = NULL;
	size_t n = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		char *start = s;
		if (*s == '"') {
			s++;
			while (*s && *s != '"')
				s += (*s == '\\' && s[1]) ? 2 : 1;
			if (*s != '"') {
				err(r, "a quoted value is not closed");
				free(w);
				return -1;
			}
			s++;
		} else {
			while (*s && *s != ' ' && *s != '\t')
				s++;
		}
		char **nw = n < MAX_CHOICES ? realloc(w, (n + 1) * sizeof *nw) : NULL;
		char *word = own_str(r, start, (size_t)(s - start));
		if (!nw || !word) {
			free(nw ? nw : w);
			if (n >= MAX_CHOICES)
				err(r, "more than %d values on one line", MAX_CHOICES);
			else
				r->nomem = r->failed = 1;
			return -1;
		}
		w = nw;
		w[n++] = word;
	}
	*out = own(r, w ? (void *)w : malloc(1));
	return *out ? (int)n : -1;
}

static int push(rd *r, void **arr, size_t *n, size_t size, const void *item)
{
	if (*n >= MAX_CHOICES) {
		err(r, "more than %d entries of one kind in a question", MAX_CHOICES);
		return -1;
	}
	char *a = realloc(*arr, (*n + 1) * size);
	if (!a) {
		r->nomem = r->failed = 1;
		return -1;
	}
	memcpy(a + *n * size, item, size);
	*arr = a;
	(*n)++;
	return 0;
}

static const ac_field *field_at(rd *r, const char *path, const char *what)
{
	const ac_field *f = ac_schema_find(path);
	if (!f)
		err(r, "%s '%s' is not a field of the profile (aicert schema profile lists them)", what, path);
	return f;
}

static void line_choice(rd *r, char *rest)
{
	char *eq = strstr(rest, " = ");
	if (!eq) {
		err(r, "a choice is written 'choice VALUE = label'");
		return;
	}
	*eq = '\0';
	const char *label = eq + 3;
	while (*label == ' ')
		label++;
	if (!*rest || !*label || strlen(label) > MAX_LINE_TEXT) {
		err(r, "a choice needs a value and a label of at most %d bytes", MAX_LINE_TEXT);
		return;
	}
	const ac_field *f = r->cur->field ? ac_schema_find(r->cur->field) : NULL;
	if (!f) {
		err(r, "'fills' must come before the choices");
		return;
	}
	for (size_t i = 0; i < r->n_choices; i++)
		if (strcmp(r->choices[i].value, rest) == 0) {
			err(r, "the choice '%s' is given twice", rest);
			return;
		}
	ac_qn_choice c = {own_str(r, rest, strlen(rest)), value_json(r, f, rest), own_str(r, label, strlen(label))};
	if (c.value && c.json && c.label)
		push(r, (void **)&r->choices, &r->n_choices, sizeof c, &c);
}

static void line_when(rd *r, char *rest)
{
	char **w;
	int n = words(r, rest, &w);
	if (n < 0)
		return;
	if (n < 2) {
		err(r, "a condition is written 'when PATH is|not VALUE...' or 'when PATH answered|unanswered'");
		return;
	}
	const ac_field *f = field_at(r, w[0], "the condition's field");
	if (!f)
		return;
	if (strstr(w[0], "[]")) {
		err(r, "a condition cannot test %s, a field of each task", w[0]);
		return;
	}
	ac_qn_when c = {w[0], 0, (const char *const *)(w + 2), (size_t)n - 2};
	if (strcmp(w[1], "answered") == 0 || strcmp(w[1], "unanswered") == 0) {
		c.op = w[1][0] == 'a' ? AC_QN_WHEN_ANSWERED : AC_QN_WHEN_UNANSWERED;
		if (n != 2) {
			err(r, "'when %s %s' takes no values", w[0], w[1]);
			return;
		}
	} else if (strcmp(w[1], "is") == 0 || strcmp(w[1], "not") == 0) {
		c.op = w[1][0] == 'i' ? AC_QN_WHEN_IS : AC_QN_WHEN_NOT;
		if (n < 3) {
			err(r, "'when %s %s' needs at least one value", w[0], w[1]);
			return;
		}
		for (int i = 2; i < n; i++)
			if (!value_json(r, f, w[i]))
				return;
	} else {
		err(r, "found '%s' in a condition, expected is, not, answered or unanswered", w[1]);
		return;
	}
	push(r, (void **)&r->when, &r->n_when, sizeof c, &c);
}

/* Each tried value must be one the field accepts: set in a blank profile. */
static void line_try(rd *r, char *rest)
{
	char **w;
	int n = words(r, rest, &w);
	if (n <= 0) {
		if (n == 0)
			err(r, "'try' needs at least one JSON value");
		return;
	}
	if (!r->cur->field) {
		err(r, "'fills' must come before 'try'");
		return;
	}
	ac_profile *p = NULL;
	if (ac_profile_new(&p) != AC_OK) {
		r->nomem = r->failed = 1;
		return;
	}
	for (int i = 0; i < n; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_profile_set(p, r->cur->field, w[i], &d);
		if (st == AC_ENOMEM)
			r->nomem = r->failed = 1;
		else if (st != AC_OK)
			err(r, "the tried value %s: %s", w[i], d.count ? d.items[0].message : "refused");
		ac_diags_free(&d);
		if (push(r, (void **)&r->tries, &r->n_tries, sizeof(char *), &w[i]) < 0)
			break;
	}
	ac_profile_free(p);
}

static void line_text(rd *r, const char **slot, const char *key, const char *rest)
{
	if (*slot)
		err(r, "'%s' is given twice", key);
	else if (!*rest || strlen(rest) > MAX_LINE_TEXT)
		err(r, "'%s' needs a text of 1 to %d bytes", key, MAX_LINE_TEXT);
	else
		*slot = own_str(r, rest, strlen(rest));
}

static void line_fills(rd *r, const char *rest)
{
	if (r->cur->field) {
		err(r, "'fills' is given twice");
		return;
	}
	if (field_at(r, rest, "the field"))
		r->cur->field = own_str(r, rest, strlen(rest));
}

static void property(rd *r, char *s)
{
	char *rest = s + strcspn(s, " \t");
	if (*rest)
		*rest++ = '\0';
	while (*rest == ' ' || *rest == '\t')
		rest++;
	ac_qn_question *q = r->cur;
	if (strcmp(s, "fills") == 0)
		line_fills(r, rest);
	else if (strcmp(s, "kind") == 0) {
		if (strcmp(rest, "title") && strcmp(rest, "tasks") && strcmp(rest, "certificate"))
			err(r, "found the kind '%s', expected title, tasks or certificate", rest);
		else {
			r->kind_word = own_str(r, rest, strlen(rest));
			r->kind_line = r->line;
		}
	} else if (strcmp(s, "ask") == 0)
		line_text(r, &q->text, "ask", rest);
	else if (strcmp(s, "why") == 0)
		line_text(r, &q->help, "why", rest);
	else if (strcmp(s, "within") == 0)
		line_text(r, &q->within, "within", rest);
	else if (strcmp(s, "later") == 0 && !*rest)
		q->later = 1;
	else if (strcmp(s, "choice") == 0)
		line_choice(r, rest);
	else if (strcmp(s, "when") == 0)
		line_when(r, rest);
	else if (strcmp(s, "try") == 0)
		line_try(r, rest);
	else
		err(r, "found '%s', expected fills, kind, ask, why, choice, when, within, later or try", s);
}

/* The kind a question is asked in, from its field's type (or its kind line). */
static void settle_kind(rd *r, ac_qn_question *q, const ac_field *f)
{
	static const struct {
		const char *word, *field;
		ac_qn_kind kind;
	} special[] = {{"title", "role.title", AC_QN_TITLE},
		       {"tasks", "role.tasks", AC_QN_TASKS},
		       {"certificate", "certification", AC_QN_CERTIFICATE}};
	if (r->kind_word) {
		for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
			if (strcmp(r->kind_word, special[i].word) == 0) {
				if (strcmp(ac_field_path(f), special[i].field) != 0)
					err(r, "question '%s': the kind %s fills %s, not %s", q->id, special[i].word,
					    special[i].field, ac_field_path(f));
				q->kind = special[i].kind;
			}
		return;
	}
	switch (ac_field_value_type(f)) {
	case AC_FIELD_ENUM:
	case AC_FIELD_BOOL: q->kind = AC_QN_ONE; break;
	case AC_FIELD_ENUM_LIST: q->kind = AC_QN_MANY; break;
	case AC_FIELD_INTEGER: q->kind = q->n_choices ? AC_QN_ONE : AC_QN_NUMBER; break;
	case AC_FIELD_NUMBER: q->kind = AC_QN_NUMBER; break;
	case AC_FIELD_STRING: q->kind = AC_QN_TEXT; break;
	default:
		err(r, "question '%s': %s is a group of answers and cannot be asked as one question", q->id,
		    ac_field_path(f));
	}
}

/* What a question must have once all its lines are read. */
static void finish(rd *r)
{
	ac_qn_question *q = r->cur;
	if (!q)
		return;
	int line = r->line;
	r->line = q->line;
	q->choices = own(r, r->choices ? (void *)r->choices : malloc(1));
	q->when = own(r, r->when ? (void *)r->when : malloc(1));
	q->tries = own(r, r->tries ? (void *)r->tries : malloc(1));
	q->n_choices = r->n_choices;
	q->n_when = r->n_when;
	q->n_tries = r->n_tries;
	r->choices = NULL;
	r->when = NULL;
	r->tries = NULL;
	r->n_choices = r->n_when = r->n_tries = 0;
	const ac_field *f = q->field ? ac_schema_find(q->field) : NULL;
	if (!q->field)
		err(r, "question '%s' has no 'fills' line naming the profile field it answers", q->id);
	if (!q->text)
		err(r, "question '%s' has no 'ask' line", q->id);
	if (!q->help)
		err(r, "question '%s' has no 'why' line", q->id);
	if (f) {
		settle_kind(r, q, f);
		int per_task = strncmp(ac_field_path(f), "role.tasks[].", 13) == 0;
		if (per_task != (q->within != NULL))
			err(r, "question '%s': %s", q->id,
			    per_task ? "a field of each task is asked 'within tasks'"
				     : "only a field of each task is asked within another question");
		if ((q->kind == AC_QN_ONE || q->kind == AC_QN_MANY) && q->n_choices == 0)
			err(r, "question '%s' has no choices", q->id);
		if (q->kind != AC_QN_ONE && q->kind != AC_QN_MANY && q->n_choices)
			err(r, "question '%s': choices are for questions with a fixed set of answers", q->id);
		if (q->later && (q->kind == AC_QN_NUMBER || q->kind == AC_QN_TEXT) && q->n_tries == 0)
			err(r, "question '%s' is asked later, so it needs 'try' values to test", q->id);
		if (q->later && q->kind >= AC_QN_TITLE)
			err(r, "question '%s' cannot be asked later: the kind comes first", q->id);
	}
	r->kind_word = NULL;
	r->cur = NULL;
	r->line = line;
}

static void open_question(rd *r, char *s)
{
	finish(r);
	const char *id = s + 8;
	while (*id == ' ' || *id == '\t')
		id++;
	if (strncmp(s, "question", 8) != 0 || (s[8] != ' ' && s[8] != '\t') || !is_id(id)) {
		err(r, "found '%s', expected 'question ID' (an id of a-z, 0-9 and _) or an indented line", s);
		return;
	}
	ac_questionnaire *qn = r->qn;
	if (qn->n >= MAX_QUESTIONS) {
		err(r, "more than %d questions", MAX_QUESTIONS);
		return;
	}
	for (size_t i = 0; i < qn->n; i++)
		if (strcmp(qn->q[i].id, id) == 0) {
			err(r, "the question '%s' is defined twice (first on line %d)", id, qn->q[i].line);
			return;
		}
	if (qn->n == qn->cap) {
		size_t cap = qn->cap ? qn->cap * 2 : 32;
		ac_qn_question *a = realloc(qn->q, cap * sizeof *a);
		if (!a) {
			r->nomem = r->failed = 1;
			return;
		}
		qn->q = a;
		qn->cap = cap;
	}
	r->cur = &qn->q[qn->n++];
	memset(r->cur, 0, sizeof *r->cur);
	r->cur->id = own_str(r, id, strlen(id));
	r->cur->line = r->line;
}

/* Checks across questions: one question per field, `within` names a task-mix question. */
static void check_all(rd *r)
{
	ac_questionnaire *qn = r->qn;
	for (size_t i = 0; i < qn->n; i++) {
		ac_qn_question *q = &qn->q[i];
		r->line = q->line;
		for (size_t j = 0; j < i && q->field; j++)
			if (qn->q[j].field && strcmp(qn->q[j].field, q->field) == 0)
				err(r, "question '%s' fills %s, which question '%s' already fills", q->id, q->field,
				    qn->q[j].id);
		if (q->within) {
			const ac_qn_question *in = ac_questionnaire_find(qn, q->within);
			if (!in || in->kind != AC_QN_TASKS)
				err(r, "question '%s' is within '%s', which is not a task-mix question", q->id,
				    q->within);
		}
	}
}

void ac_questionnaire_free(ac_questionnaire *qn)
{
	if (!qn)
		return;
	for (size_t i = 0; i < qn->n_owned; i++)
		free(qn->owned[i]);
	free(qn->owned);
	free(qn->q);
	free(qn);
}

ac_status ac_questionnaire_parse(const char *text, size_t len, const char *source, ac_questionnaire **out,
				 ac_diags *diags)
{
	*out = NULL;
	ac_status st = ac_text_check(text, len, AC_MAX_QUESTIONNAIRE_BYTES, source, "a questionnaire", diags);
	if (st != AC_OK)
		return st;
	/* Its words go to a terminal as they are written (the interview asks
	 * them): a control character, which could drive the terminal, is refused. */
	for (size_t i = 0, line = 1, col = 1; i < len; i++, col++) {
		unsigned char c = (unsigned char)text[i];
		size_t ctl = c == '\n' || c == '\t' || c == '\r' ? 0 : ac_utf8_control(text + i, len - i);
		if (c == '\n') {
			line++;
			col = 0;
		} else if (ctl) {
			ac_diags_add(diags, source, NULL, (int)line, (int)col,
				     "found the control character %s%02x, expected text", ctl == 2 ? "U+00" : "0x",
				     ctl == 2 ? (unsigned char)text[i + 1] : c);
			return AC_EINPUT;
		}
	}
	rd r = {0};
	r.d = diags;
	r.source = source;
	r.qn = calloc(1, sizeof *r.qn);
	char *line = malloc(len + 1);
	if (!r.qn || !line) {
		free(r.qn);
		free(line);
		return ac_diags_oom(diags, source, "reading the questionnaire");
	}
	size_t pos = 0;
	while (pos < len && !r.nomem) {
		size_t n = 0;
		while (pos + n < len && text[pos + n] != '\n')
			n++;
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		r.line++;
		while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
			line[--n] = '\0';
		char *s = line + strspn(line, " \t");
		if (!*s || *s == '#')
			continue;
		if (s == line)
			open_question(&r, s);
		else if (r.cur)
			property(&r, s);
		else if (!r.failed) /* after a refused header its lines are skipped */
			err(&r, "an indented line outside a question");
	}
	finish(&r);
	free(r.choices);
	free(r.when);
	free(r.tries);
	free(line);
	if (!r.failed && r.qn->n == 0)
		err(&r, "the questionnaire has no questions");
	if (!r.failed)
		check_all(&r);
	if (r.nomem || r.failed) {
		ac_questionnaire_free(r.qn);
		if (r.nomem)
			return ac_diags_oom(diags, source, "reading the questionnaire");
		return AC_EINPUT;
	}
	*out = r.qn;
	return AC_OK;
}

const char *ac_questionnaire_default_text(void)
{
	return ac_embedded_questionnaire;
}

ac_status ac_questionnaire_default(ac_questionnaire **out, ac_diags *diags)
{
	return ac_questionnaire_parse(ac_embedded_questionnaire, ac_embedded_questionnaire_len,
				      "(built-in questionnaire)", out, diags);
}

size_t ac_questionnaire_count(const ac_questionnaire *qn)
{
	return qn ? qn->n : 0;
}

const ac_qn_question *ac_questionnaire_at(const ac_questionnaire *qn, size_t i)
{
	return qn && i < qn->n ? &qn->q[i] : NULL;
}

const ac_qn_question *ac_questionnaire_find(const ac_questionnaire *qn, const char *id)
{
	for (size_t i = 0; qn && id && i < qn->n; i++)
		if (strcmp(qn->q[i].id, id) == 0)
			return &qn->q[i];
	return NULL;
}

const ac_field *ac_qn_field(const ac_qn_question *q)
{
	return ac_schema_find(q->field);
}
