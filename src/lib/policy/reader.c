/*
 * reader.c — the tools every section reader of a policy file uses: reporting
 * a problem at its line and column, numbers, ids, texts, templates,
 * conditions and ordered choices.  parse.c reads the lines and hands each
 * setting to its section; the sections (tables.c, judgements.c, verdict.c)
 * use what is here.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "policy/reader.h"

/* ------------------------------------------------------------ shared helpers */

void ac_reader_error(reader *r, int col, const char *fmt, ...)
{
	r->failed = 1;
	va_list ap;
	va_start(ap, fmt);
	if (ac_diags_vadd(r->d, r->source, NULL, r->line, col, fmt, ap) == AC_ENOMEM)
		r->nomem = 1;
	va_end(ap);
}

/* ------------------------------------------------------------ first lines */

/* An open-addressing table of header/setting keys and their first line:
 * a policy of 1 MiB may hold tens of thousands of lines. */
struct ac_seen {
	char *key; /* "header\nsetting"; NULL: a free slot */
	int line;
};

/* FNV-1a over the bytes of s, from h. */
static size_t fnv(size_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

#define FNV_START ((size_t)1469598103934665603u)

/* The hash of the stored key "head\nkey", without building it. */
static size_t seen_hash(const char *head, const char *key)
{
	return fnv(fnv(fnv(FNV_START, head), "\n"), key ? key : "");
}

static int seen_is(const char *stored, const char *head, const char *key)
{
	size_t n = strlen(head);
	return strncmp(stored, head, n) == 0 && stored[n] == '\n' && strcmp(stored + n + 1, key ? key : "") == 0;
}

/* The slot of (head, key) in table t of cap slots: its entry, or the free
 * slot where it goes. */
static struct ac_seen *seen_slot(struct ac_seen *t, size_t cap, const char *head, const char *key)
{
	size_t i = seen_hash(head, key) & (cap - 1);
	while (t[i].key && !seen_is(t[i].key, head, key))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

int ac_reader_first_line(const reader *r, const char *key)
{
	if (!r->cap_seen)
		return 0;
	const struct ac_seen *e = seen_slot(r->seen, r->cap_seen, r->head, key);
	return e->key ? e->line : 0;
}

void ac_reader_note(reader *r, const char *key)
{
	if (2 * (r->n_seen + 1) > r->cap_seen) {
		size_t cap = r->cap_seen ? 2 * r->cap_seen : 64;
		struct ac_seen *t = calloc(cap, sizeof *t);
		if (!t) {
			ac_reader_nomem(r);
			return;
		}
		for (size_t i = 0; i < r->cap_seen; i++)
			if (r->seen[i].key) {
				size_t j = fnv(FNV_START, r->seen[i].key) & (cap - 1);
				while (t[j].key)
					j = (j + 1) & (cap - 1);
				t[j] = r->seen[i];
			}
		free(r->seen);
		r->seen = t;
		r->cap_seen = cap;
	}
	struct ac_seen *e = seen_slot(r->seen, r->cap_seen, r->head, key);
	if (e->key)
		return;
	/* "head\nkey", without printf: it took a tenth of reading a policy. */
	const char *k = key ? key : "";
	size_t nh = strlen(r->head), nk = strlen(k);
	if ((e->key = malloc(nh + nk + 2)) != NULL) {
		memcpy(e->key, r->head, nh);
		e->key[nh] = '\n';
		memcpy(e->key + nh + 1, k, nk + 1);
	}
	if (!e->key) {
		ac_reader_nomem(r);
		return;
	}
	e->line = r->line;
	r->n_seen++;
}

void ac_reader_twice(reader *r, int col, const char *key)
{
	int first = ac_reader_first_line(r, key);
	if (first && first != r->line)
		ac_reader_error(r, col, "'%s' is set twice in this section (first on line %d)", key, first);
	else
		ac_reader_error(r, col, "'%s' is set twice in this section", key);
}

void ac_reader_free_seen(reader *r)
{
	for (size_t i = 0; i < r->cap_seen; i++)
		free(r->seen[i].key);
	free(r->seen);
	r->seen = NULL;
	r->n_seen = r->cap_seen = 0;
}

/* The parse stops at the end of the line (parse.c reports it once). */
void ac_reader_nomem(reader *r)
{
	r->nomem = 1;
	r->failed = 1;
}

void ac_reader_refuse(reader *r)
{
	r->sec = NULL;
}

ac_site ac_reader_site(reader *r, int col)
{
	return (ac_site){r->pol, r->d, r->source, r->line, col, r->stage, &r->nomem};
}

char *ac_reader_strdup(reader *r, const char *s)
{
	char *c = strdup(s);
	if (!c)
		ac_reader_nomem(r);
	return c;
}

int ac_reader_number(const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x))
		return 0;
	*out = x;
	return 1;
}

int ac_reader_grow(reader *r, void **arr, size_t *n, size_t size)
{
	if (*n >= AC_POLICY_MAX_ITEMS) {
		ac_reader_error(r, 0, "too many sections of this kind (at most %d)", AC_POLICY_MAX_ITEMS);
		return 0;
	}
	void *a = realloc(*arr, (*n + 1) * size);
	if (!a) {
		ac_reader_nomem(r);
		return 0;
	}
	memset((char *)a + *n * size, 0, size);
	*arr = a;
	(*n)++;
	return 1;
}

int ac_reader_valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (const char *c = s; *c; c++)
		if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_'))
			return 0;
	return 1;
}

void ac_reader_text(reader *r, char **slot, const char *key, const char *value, int key_col, int value_col)
{
	if (*slot) {
		ac_reader_twice(r, key_col, key);
		return;
	}
	*slot = ac_reader_strdup(r, value);
	if (!*slot)
		return;
	/* Checked like every text, though this one is shown as written. */
	ac_template t;
	ac_site at = ac_reader_site(r, value_col);
	if (!ac_template_compile(&at, value, &t))
		r->failed = 1;
	ac_template_free(&t); /* only the check was wanted (a refused text keeps its copy) */
}

void ac_reader_template(reader *r, ac_template *slot, const char *key, const char *value, int key_col, int value_col)
{
	if (slot->text) {
		ac_reader_twice(r, key_col, key);
		return;
	}
	ac_site at = ac_reader_site(r, value_col);
	if (!ac_template_compile(&at, value, slot))
		r->failed = 1;
}

ac_expr *ac_reader_condition(reader *r, const char *value, int col)
{
	ac_site at = ac_reader_site(r, col);
	ac_expr *e = ac_expr_parse(&at, value);
	if (!e)
		r->failed = 1;
	return e;
}

void ac_reader_unknown_key(reader *r, const char *key, int key_col, const char *allowed)
{
	ac_reader_error(r, key_col, "unknown setting '%s' here; expected %s", key, allowed);
}

char *ac_reader_split(char *s)
{
	char *bar = strchr(s, '|');
	if (!bar)
		return NULL;
	*bar++ = '\0';
	for (char *e = bar - 1; e > s && e[-1] == ' ';)
		*--e = '\0';
	while (*bar == ' ')
		bar++;
	return bar;
}

void ac_reader_choice(reader *r, ac_choices *c, const char *key, char *value, int key_col, int value_col, int how,
		      const char *form)
{
	int bars = 0, need = !!(how & AC_CHOICE_IF) + !!(how & AC_CHOICE_MARK);
	for (const char *b = value; (b = strchr(b, '|')) != NULL; b++)
		bars++;
	if (bars < need) {
		ac_reader_error(r, value_col, "expected '%s', found '%s'", form, value);
		return;
	}
	char *cond = NULL, *mark = NULL, *text = value;
	if (how & AC_CHOICE_IF) {
		cond = value;
		text = ac_reader_split(value);
	}
	if (how & AC_CHOICE_MARK) {
		mark = text;
		text = ac_reader_split(mark);
	}
	ac_tri m = AC_UNKNOWN;
	if (mark && strcmp(mark, "yes") == 0)
		m = AC_TRUE;
	else if (mark && strcmp(mark, "no") == 0)
		m = AC_FALSE;
	else if (mark && strcmp(mark, "unknown") != 0) {
		ac_reader_error(r, value_col + (int)(mark - value),
				"found '%s', expected yes, no or unknown (how the answer speaks for enrolling)", mark);
		return;
	}
	if (!cond && (how & AC_CHOICE_ONCE))
		for (size_t i = 0; i < c->n; i++)
			if (!c->items[i].when) {
				ac_reader_twice(r, key_col, key);
				return;
			}
	if (!ac_reader_grow(r, (void **)&c->items, &c->n, sizeof *c->items))
		return;
	ac_choice *item = &c->items[c->n - 1];
	item->mark = m;
	if (cond)
		item->when = ac_reader_condition(r, cond, value_col);
	ac_reader_template(r, &item->text, key, text, key_col, value_col + (int)(text - value));
}

int ac_choices_default(const ac_choices *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (!c->items[i].when)
			return 1;
	return 0;
}

void ac_choices_free(ac_choices *c)
{
	for (size_t i = 0; i < c->n; i++)
		ac_template_free(&c->items[i].text);
	free(c->items);
	c->items = NULL;
	c->n = 0;
}
