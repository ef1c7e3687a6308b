/*
 * wording.c — reads and checks a wording file (wording.h), compiles each text
 * into literal runs and numbered placeholders, and fills them in.  The
 * built-in wording is read once, on first use, and shared read-only by every
 * policy and renderer (it is a constant of the library, like the policy text
 * compiled in; the lock only guards that first read).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "input/schema.h"
#include "policy/wording.h"

#define MAX_WORDING_BYTES (1024 * 1024)

extern const char ac_embedded_wording[];
extern const size_t ac_embedded_wording_len;

typedef struct {
	int arg; /* -1 for a literal run */
	size_t at, len;
} wpart;

typedef struct {
	const char *text; /* NULL until its line is read */
	int line;
	wpart *parts;
	size_t n_parts;
} entry;

struct ac_wording {
	char *buf; /* the file, each value cut out with a NUL */
	entry words[AC_W__COUNT];
	entry *family[AC_WF__COUNT]; /* [1..count] of the enum */
	entry *paths[AC_WP__COUNT]; /* by schema index; optional */
};

/* The families keyed by a profile field: "ask.role.leverage_test". */
static const char *const path_prefixes[AC_WP__COUNT] = {"ask", "do"};

#define AC_W_ROW(id, key, placeholders) {key, placeholders},
static const struct {
	const char *key, *placeholders;
} words[AC_W__COUNT] = {AC_WORDS(AC_W_ROW)};
#undef AC_W_ROW

#define AC_WF_ROW(id, prefix, kind) {prefix, kind},
static const struct {
	const char *prefix;
	ac_enum_kind kind;
} families[AC_WF__COUNT] = {AC_WORD_FAMILIES(AC_WF_ROW)};
#undef AC_WF_ROW

typedef struct {
	ac_wording *w;
	ac_diags *d;
	const char *source;
	int line;
	int failed, nomem;
} wreader;

static void werr(wreader *r, int col, const char *fmt, const char *a, const char *b)
{
	r->failed = 1;
	ac_diags_add(r->d, r->source, NULL, r->line, col, fmt, a, b);
}

/* The index of placeholder name (len bytes) among the comma-separated
 * declared ones, or -1. */
static int placeholder_index(const char *declared, const char *name, size_t len)
{
	int i = 0;
	for (const char *p = declared; *p; i++) {
		size_t n = strcspn(p, ",");
		if (n == len && strncmp(p, name, len) == 0)
			return i;
		p += n + (p[n] == ',');
	}
	return -1;
}

static int add_part(entry *e, int arg, size_t at, size_t len)
{
	if (arg < 0 && e->n_parts && e->parts[e->n_parts - 1].arg < 0) {
		e->parts[e->n_parts - 1].len += len;
		return 1;
	}
	wpart *p = realloc(e->parts, (e->n_parts + 1) * sizeof *p);
	if (!p)
		return 0;
	e->parts = p;
	p[e->n_parts++] = (wpart){arg, at, len};
	return 1;
}

/* Compiles the text of e; col is the column of its first character. */
static void compile(wreader *r, entry *e, const char *key, const char *declared, int col)
{
	const char *t = e->text;
	for (const char *c = t; *c;) {
		size_t n = 0;
		if (*c == '{')
			while (islower((unsigned char)c[1 + n]) || c[1 + n] == '_')
				n++;
		if (n == 0 || c[1 + n] != '}') { /* not a placeholder: literal text up to the next brace */
			size_t run = 1 + strcspn(c + 1, "{");
			if (!add_part(e, -1, (size_t)(c - t), run))
				r->nomem = 1;
			c += run;
			continue;
		}
		int arg = placeholder_index(declared, c + 1, n);
		if (arg < 0) {
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)(n < 60 ? n : 60), c + 1);
			werr(r, col + (int)(c - t), "'%s' has no placeholder {%s}", key, name);
		} else if (!add_part(e, arg, 0, 0))
			r->nomem = 1;
		c += n + 2;
	}
}

/* The words by key, in a hash table of open addressing made once per
 * process: a file of five hundred keys was looked up in a quarter of a
 * million comparisons.  A slot holds a word's index plus one (0: empty). */
#define KEY_SLOTS 1024
_Static_assert(KEY_SLOTS >= 2 * AC_W__COUNT, "the table stays at most half full");
static unsigned short by_key[KEY_SLOTS];
static pthread_once_t by_key_once = PTHREAD_ONCE_INIT;

static size_t key_hash(const char *key)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 16777619u;
	return h & (KEY_SLOTS - 1);
}

static void hash_keys(void)
{
	for (int i = 0; i < AC_W__COUNT; i++) {
		size_t h = key_hash(words[i].key);
		while (by_key[h] && strcmp(words[by_key[h] - 1].key, words[i].key) != 0)
			h = (h + 1) & (KEY_SLOTS - 1);
		if (!by_key[h]) /* a key twice: the first is the one found, as before */
			by_key[h] = (unsigned short)(i + 1);
	}
}

/* The index of the word key names, or -1. */
static int word_of(const char *key)
{
	pthread_once(&by_key_once, hash_keys);
	for (size_t h = key_hash(key); by_key[h]; h = (h + 1) & (KEY_SLOTS - 1))
		if (strcmp(words[by_key[h] - 1].key, key) == 0)
			return by_key[h] - 1;
	return -1;
}

/* The entry key names, or NULL; *declared gets its placeholders. */
static entry *find_entry(ac_wording *w, const char *key, const char **declared)
{
	*declared = "";
	int i = word_of(key);
	if (i >= 0) {
		*declared = words[i].placeholders;
		return &w->words[i];
	}
	for (int f = 0; f < AC_WF__COUNT; f++) {
		size_t n = strlen(families[f].prefix);
		if (strncmp(key, families[f].prefix, n) != 0 || key[n] != '.')
			continue;
		int v = ac_enum_value(families[f].kind, key + n + 1);
		if (v)
			return &w->family[f][v];
	}
	for (int f = 0; f < AC_WP__COUNT; f++) {
		size_t n = strlen(path_prefixes[f]);
		const ac_field_def *d =
			strncmp(key, path_prefixes[f], n) == 0 && key[n] == '.' ? ac_schema_def(key + n + 1) : NULL;
		if (d) {
			*declared = "value";
			return &w->paths[f][ac_schema_index(d)];
		}
	}
	return NULL;
}

/* One line, NUL-terminated in place. */
static void read_line(wreader *r, char *line)
{
	char *s = line;
	while (*s == ' ' || *s == '\t')
		s++;
	for (char *e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r');)
		*--e = '\0';
	if (!*s || *s == '#')
		return;
	char *eq = strchr(s, '=');
	if (!eq) {
		werr(r, (int)(s - line) + 1, "expected 'key = text', found '%s'%s", s, "");
		return;
	}
	char *value = eq + 1;
	*eq = '\0';
	for (char *e = eq; e > s && (e[-1] == ' ' || e[-1] == '\t');)
		*--e = '\0';
	while (*value == ' ' || *value == '\t')
		value++;
	const char *declared;
	entry *e = find_entry(r->w, s, &declared);
	if (!e) {
		werr(r, (int)(s - line) + 1, "unknown key '%s'%s (see data/wording.en for the keys)", s, "");
		return;
	}
	if (e->text) {
		char first[32];
		snprintf(first, sizeof first, "%d", e->line);
		werr(r, (int)(s - line) + 1, "'%s' is set twice (first on line %s)", s, first);
		return;
	}
	if (!*value) {
		werr(r, (int)(eq - line) + 1, "'%s' has no text%s", s, "");
		return;
	}
	e->text = value;
	e->line = r->line;
	compile(r, e, s, declared, (int)(value - line) + 1);
}

static void check_complete(wreader *r)
{
	for (int i = 0; i < AC_W__COUNT; i++)
		if (!r->w->words[i].text)
			werr(r, 0, "the wording has no '%s' line%s", words[i].key, "");
	for (int f = 0; f < AC_WF__COUNT; f++)
		for (int v = 1; v <= ac_enum_count(families[f].kind); v++)
			if (!r->w->family[f][v].text) {
				char key[128];
				snprintf(key, sizeof key, "%s.%s", families[f].prefix,
					 ac_enum_name(families[f].kind, v));
				werr(r, 0, "the wording has no '%s' line%s", key, "");
			}
}

static void free_entry(entry *e)
{
	free(e->parts);
}

void ac_wording_free(ac_wording *w)
{
	if (!w)
		return;
	for (int i = 0; i < AC_W__COUNT; i++)
		free_entry(&w->words[i]);
	for (int f = 0; f < AC_WF__COUNT; f++) {
		if (w->family[f])
			for (int v = 0; v <= ac_enum_count(families[f].kind); v++)
				free_entry(&w->family[f][v]);
		free(w->family[f]);
	}
	for (int f = 0; f < AC_WP__COUNT; f++) {
		for (size_t i = 0; w->paths[f] && i < ac_schema_n; i++)
			free_entry(&w->paths[f][i]);
		free(w->paths[f]);
	}
	free(w->buf);
	free(w);
}

ac_status ac_wording_parse(const char *text, size_t len, const char *source, ac_wording **out, ac_diags *diags)
{
	*out = NULL;
	if (!source)
		source = "wording";
	ac_status st = ac_text_check(text, len, MAX_WORDING_BYTES, source, "a wording", diags);
	if (st != AC_OK)
		return st;
	ac_wording *w = calloc(1, sizeof *w);
	if (!w || !(w->buf = malloc(len + 1))) {
		free(w);
		return AC_ENOMEM;
	}
	for (int f = 0; f < AC_WF__COUNT; f++)
		if (!(w->family[f] = calloc((size_t)ac_enum_count(families[f].kind) + 1, sizeof(entry)))) {
			ac_wording_free(w);
			return AC_ENOMEM;
		}
	for (int f = 0; f < AC_WP__COUNT; f++)
		if (!(w->paths[f] = calloc(ac_schema_n, sizeof(entry)))) {
			ac_wording_free(w);
			return AC_ENOMEM;
		}
	memcpy(w->buf, text, len);
	w->buf[len] = '\0';
	wreader r = {w, diags, source, 0, 0, 0};
	for (char *line = w->buf; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		r.line++;
		read_line(&r, line);
		line = nl ? nl + 1 : NULL;
	}
	if (!r.failed && !r.nomem)
		check_complete(&r);
	if (r.failed || r.nomem) {
		ac_wording_free(w);
		return r.nomem ? AC_ENOMEM : AC_EINPUT;
	}
	*out = w;
	return AC_OK;
}

static pthread_mutex_t builtin_lock = PTHREAD_MUTEX_INITIALIZER;
static const ac_wording *builtin;

void ac_wording_builtin_offer(const ac_wording *w)
{
	pthread_mutex_lock(&builtin_lock);
	if (!builtin)
		builtin = w;
	pthread_mutex_unlock(&builtin_lock);
}

ac_status ac_wording_builtin(const ac_wording **out, ac_diags *diags)
{
	ac_status st = AC_OK;
	ac_wording *fresh = NULL;
	pthread_mutex_lock(&builtin_lock);
	if (!builtin) {
		st = ac_wording_parse(ac_embedded_wording, ac_embedded_wording_len, "(built-in wording)", &fresh,
				      diags);
		builtin = fresh;
	}
	*out = builtin;
	pthread_mutex_unlock(&builtin_lock);
	return st == AC_EINPUT ? AC_EINTERNAL : st;
}

const char *ac_word(const ac_wording *w, int key)
{
	return w->words[key].text;
}

const char *ac_word_of(const ac_wording *w, int family, int v)
{
	if (v < 1 || v > ac_enum_count(families[family].kind))
		return NULL;
	return w->family[family][v].text;
}

const char *ac_word_enum(const ac_wording *w, ac_enum_kind kind, int v)
{
	for (int f = 0; f < AC_WF__COUNT; f++)
		if (families[f].kind == kind)
			return ac_word_of(w, f, v);
	return NULL;
}

static int say_entry(strbuf *sb, const entry *e, const char *const *args, size_t n);

int ac_wording_has_path(const ac_wording *w, int family, const char *path)
{
	const ac_field_def *d = ac_schema_def(path);
	return d && w->paths[family][ac_schema_index(d)].text != NULL;
}

int ac_say_path(strbuf *sb, const ac_wording *w, int family, const char *path, const char *value)
{
	const ac_field_def *d = ac_schema_def(path);
	return d ? ac_say_field(sb, w, family, ac_schema_index(d), value) : 1;
}

int ac_say_field(strbuf *sb, const ac_wording *w, int family, size_t field, const char *value)
{
	const entry *e = field < ac_schema_n ? &w->paths[family][field] : NULL;
	if (!e || !e->text)
		return 1;
	const char *args[1] = {value};
	return say_entry(sb, e, args, 1) ? -1 : 0;
}

static const entry *field_entry(const ac_wording *w, int family, size_t field)
{
	const entry *e = field < ac_schema_n ? &w->paths[family][field] : NULL;
	return e && e->text ? e : NULL;
}

size_t ac_say_field_len(const ac_wording *w, int family, size_t field, const char *value)
{
	const entry *e = field_entry(w, family, field);
	if (!e)
		return (size_t)-1;
	size_t vlen = value ? strlen(value) : 0, n = 0;
	for (size_t i = 0; i < e->n_parts; i++)
		n += e->parts[i].arg < 0 ? e->parts[i].len : e->parts[i].arg == 0 ? vlen : 0;
	return n;
}

void ac_say_field_write(char *out, const ac_wording *w, int family, size_t field, const char *value)
{
	const entry *e = field_entry(w, family, field);
	size_t vlen = value ? strlen(value) : 0;
	for (size_t i = 0; e && i < e->n_parts; i++) {
		const wpart *p = &e->parts[i];
		if (p->arg < 0) {
			memcpy(out, e->text + p->at, p->len);
			out += p->len;
		} else if (p->arg == 0 && vlen) {
			memcpy(out, value, vlen);
			out += vlen;
		}
	}
	*out = '\0';
}

int ac_say_field_dup(const ac_wording *w, int family, size_t field, const char *value, char **out)
{
	/* Measured first, then written into one allocation of the exact size. */
	size_t n = ac_say_field_len(w, family, field, value);
	*out = NULL;
	if (n == (size_t)-1)
		return 1;
	if (!(*out = malloc(n + 1)))
		return -1;
	ac_say_field_write(*out, w, family, field, value);
	return 0;
}

int ac_say(strbuf *sb, const ac_wording *w, int key, const char *const *args, size_t n)
{
	return say_entry(sb, &w->words[key], args, n);
}

static int say_entry(strbuf *sb, const entry *e, const char *const *args, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < e->n_parts; i++) {
		const wpart *p = &e->parts[i];
		if (p->arg < 0)
			rc |= sb_putn(sb, e->text + p->at, p->len);
		else
			rc |= sb_puts(sb, (size_t)p->arg < n && args[p->arg] ? args[p->arg] : "");
	}
	return rc;
}

char *ac_say_dup(const ac_wording *w, int key, const char *const *args, size_t n)
{
	strbuf sb;
	sb_init(&sb);
	ac_say(&sb, w, key, args, n);
	return sb_take(&sb, NULL);
}
