/*
 * terms.c — the words of the catalogue: reads the synonyms file, finds the
 * terms a text names (whole words, phrases of up to four words, and the
 * meaning a synonym group or an implication gives them) and counts how many
 * entries name each term.  ASCII case-folding only; other bytes compare as
 * they are, so UTF-8 text matches itself.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/maths.h"
#include "input/terms.h"

extern const char ac_embedded_synonyms[];
extern const size_t ac_embedded_synonyms_len;

#define MAX_WORDS 64 /* words of one text looked at: a gap or a role is short */
#define MAX_WORD 48
#define MAX_PHRASE 4
#define MAX_LINES 2000

typedef struct {
	char *phrase; /* normalised */
	char *name; /* the group's name: its first phrase, normalised */
} syn;

typedef struct {
	char *phrase;
	char **targets;
	size_t n_targets;
} implication;

struct ac_terms {
	syn *syns;
	size_t n_syns;
	implication *imps;
	size_t n_imps;
};

typedef struct {
	char w[MAX_WORDS][MAX_WORD]; /* lowercase, plural folded */
	char r[MAX_WORDS][MAX_WORD]; /* lowercase, as written */
	int n;
} words;

static int is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '+' || c == '#';
}

/* A trailing plural "s" is dropped from longer words ("agents" is "agent"),
 * but not from "ss", "us" or "is" endings ("process", "status", "analysis"). */
static void fold_plural(char *w, int len)
{
	if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i')
		w[len - 1] = '\0';
}

static void split(const char *s, size_t len, words *out)
{
	const char *end = s + len;
	out->n = 0;
	while (s < end && out->n < MAX_WORDS) {
		while (s < end && !is_word_char((unsigned char)*s))
			s++;
		if (s >= end)
			break;
		int n = 0;
		while (s < end && is_word_char((unsigned char)*s)) {
			if (n < MAX_WORD - 1)
				out->w[out->n][n++] = (char)tolower((unsigned char)*s);
			s++;
		}
		out->w[out->n][n] = '\0';
		memcpy(out->r[out->n], out->w[out->n], (size_t)n + 1);
		fold_plural(out->w[out->n], n);
		out->n++;
	}
}

static int stop_word(const char *w)
{
	static const char *const stop[] = {"a",    "an",    "the", "of",   "and",  "or",   "for",   "in",   "on",
					   "to",   "with",  "my",  "our",  "your", "how",  "what",  "it",   "its",
					   "can",  "do",    "at",  "by",   "from", "as",   "is",    "are",  "be",
					   "into", "i",     "we",  "me",   "that", "this", "their", "them", "about",
					   "use",  "using", "new", "more", "ha",   "get",  "need",  "want", "vs"};
	if (strnlen(w, 6) > 5)
		return 0; /* longer than any of them */
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (stop[i][0] == w[0] && strcmp(w, stop[i]) == 0)
			return 1;
	return 0;
}

/* The words from..from+n joined by single spaces, into buf (as written
 * when raw is 1). */
static void join_any(const words *ws, int raw, int from, int n, char *buf, size_t size)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = from; i < from + n && at < size; i++) {
		const char *w = raw ? ws->r[i] : ws->w[i];
		size_t l = strlen(w);
		if (at + l + 2 > size)
			break;
		if (i > from)
			buf[at++] = ' ';
		memcpy(buf + at, w, l + 1);
		at += l;
	}
}

static void join_words(const words *ws, int from, int n, char *buf, size_t size)
{
	join_any(ws, 0, from, n, buf, size);
}

/* The phrase's words joined; NULL for no phrase (or too long a one), and
 * NULL with *nomem set when memory ran out. */
static char *normalise(const char *s, size_t len, int *nomem)
{
	words ws;
	char buf[MAX_PHRASE * MAX_WORD + 8];
	split(s, len, &ws);
	if (!ws.n || ws.n > MAX_PHRASE)
		return NULL;
	join_words(&ws, 0, ws.n, buf, sizeof buf);
	char *copy = strdup(buf);
	if (!copy)
		*nomem = 1;
	return copy;
}

/* Both tables are sorted by phrase once read (the first member of a phrase
 * the file names twice is the one found). */
static int cmp_syn(const void *a, const void *b)
{
	return strcmp(((const syn *)a)->phrase, ((const syn *)b)->phrase);
}

static int cmp_imp(const void *a, const void *b)
{
	return strcmp(((const implication *)a)->phrase, ((const implication *)b)->phrase);
}

static const syn *find_syn(const ac_terms *T, const char *phrase)
{
	if (!T || !T->n_syns)
		return NULL;
	syn key = {(char *)phrase, NULL};
	return bsearch(&key, T->syns, T->n_syns, sizeof *T->syns, cmp_syn);
}

static const implication *find_imp(const ac_terms *T, const char *phrase)
{
	if (!T || !T->n_imps)
		return NULL;
	implication key = {(char *)phrase, NULL, 0};
	return bsearch(&key, T->imps, T->n_imps, sizeof *T->imps, cmp_imp);
}

int ac_terms_known_phrase(const ac_terms *T, const char *phrase)
{
	int nomem = 0;
	char *p = normalise(phrase, strlen(phrase), &nomem);
	int known = p && (find_syn(T, p) || find_imp(T, p));
	free(p);
	return known;
}

void ac_terms_free(ac_terms *T)
{
	if (!T)
		return;
	for (size_t i = 0; i < T->n_syns; i++) {
		free(T->syns[i].phrase);
		free(T->syns[i].name);
	}
	for (size_t i = 0; i < T->n_imps; i++) {
		free(T->imps[i].phrase);
		for (size_t k = 0; k < T->imps[i].n_targets; k++)
			free(T->imps[i].targets[k]);
		free(T->imps[i].targets);
	}
	free(T->syns);
	free(T->imps);
	free(T);
}

/* Splits s at sep into trimmed pieces, calling take on each. */
static int pieces(const char *s, size_t len, char sep, int (*take)(void *, const char *, size_t), void *arg)
{
	const char *end = s + len;
	while (s <= end) {
		const char *p = memchr(s, sep, (size_t)(end - s));
		const char *stop = p ? p : end;
		if (!take(arg, s, (size_t)(stop - s)))
			return 0;
		s = stop + 1;
		if (!p)
			break;
	}
	return 1;
}

typedef struct {
	ac_terms *T;
	char *name; /* the group's name, once the first phrase is read */
	implication *imp; /* the implication being read */
	int bad;
	int nomem;
} line_ctx;

static int take_syn(void *arg, const char *s, size_t len)
{
	line_ctx *x = arg;
	char *p = normalise(s, len, &x->nomem);
	if (!p) {
		x->bad = !x->nomem;
		return 0;
	}
	syn *grown = realloc(x->T->syns, (x->T->n_syns + 1) * sizeof *grown);
	char *name = x->name ? strdup(x->name) : strdup(p);
	if (!grown || !name) {
		if (grown)
			x->T->syns = grown;
		free(p);
		free(name);
		x->nomem = 1;
		return 0;
	}
	x->T->syns = grown;
	grown[x->T->n_syns].phrase = p;
	grown[x->T->n_syns].name = name;
	if (!x->name)
		x->name = grown[x->T->n_syns].name;
	x->T->n_syns++;
	return 1;
}

static int take_target(void *arg, const char *s, size_t len)
{
	line_ctx *x = arg;
	char *p = normalise(s, len, &x->nomem);
	if (!p) {
		x->bad = !x->nomem;
		return 0;
	}
	char **grown = realloc(x->imp->targets, (x->imp->n_targets + 1) * sizeof *grown);
	if (!grown) {
		free(p);
		x->nomem = 1;
		return 0;
	}
	x->imp->targets = grown;
	grown[x->imp->n_targets++] = p;
	return 1;
}

static int read_line(ac_terms *T, const char *s, size_t len, int *nomem)
{
	line_ctx x = {T, NULL, NULL, 0, 0};
	const char *gt = memchr(s, '>', len);
	if (!gt) {
		pieces(s, len, '|', take_syn, &x);
	} else {
		implication *grown = realloc(T->imps, (T->n_imps + 1) * sizeof *grown);
		if (!grown) {
			*nomem = 1;
			return 0;
		}
		T->imps = grown;
		implication *imp = &T->imps[T->n_imps];
		memset(imp, 0, sizeof *imp);
		imp->phrase = normalise(s, (size_t)(gt - s), &x.nomem);
		T->n_imps++;
		x.imp = imp;
		if (!imp->phrase)
			x.bad = !x.nomem;
		else
			pieces(gt + 1, len - (size_t)(gt + 1 - s), ',', take_target, &x);
	}
	*nomem = x.nomem;
	return !x.bad && !x.nomem;
}

/* An implication's targets name the synonym groups they belong to. */
static int resolve_targets(ac_terms *T)
{
	for (size_t i = 0; i < T->n_imps; i++)
		for (size_t k = 0; k < T->imps[i].n_targets; k++) {
			const syn *s = find_syn(T, T->imps[i].targets[k]);
			if (s && strcmp(s->name, T->imps[i].targets[k]) != 0) {
				char *name = strdup(s->name);
				if (!name)
					return 0;
				free(T->imps[i].targets[k]);
				T->imps[i].targets[k] = name;
			}
		}
	return 1;
}

ac_status ac_terms_new(const char *text, size_t len, ac_terms **out, ac_diags *diags)
{
	*out = NULL;
	if (!text) {
		text = ac_embedded_synonyms;
		len = ac_embedded_synonyms_len;
	}
	ac_terms *T = calloc(1, sizeof *T);
	if (!T)
		return AC_ENOMEM;
	const char *s = text, *end = text + len;
	int line = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		line++;
		const char *p = s;
		while (p < stop && isspace((unsigned char)*p))
			p++;
		int nomem = 0;
		if (p < stop && *p != '#' && (line > MAX_LINES || !read_line(T, p, (size_t)(stop - p), &nomem))) {
			ac_terms_free(T);
			if (nomem)
				return AC_ENOMEM;
			ac_diags_add(diags, "synonyms", NULL, line, 0,
				     line > MAX_LINES
					     ? "found more than %d lines, expected at most that many"
					     : "expected 'a | b | c' or 'a > b, c' with phrases of one to four words",
				     MAX_LINES);
			return AC_EINPUT;
		}
		s = stop + 1;
	}
	if (T->n_syns)
		qsort(T->syns, T->n_syns, sizeof *T->syns, cmp_syn);
	if (T->n_imps)
		qsort(T->imps, T->n_imps, sizeof *T->imps, cmp_imp);
	if (!resolve_targets(T)) {
		ac_terms_free(T);
		return AC_ENOMEM;
	}
	*out = T;
	return AC_OK;
}

/* ------------------------------------------------------------ term sets */

int ac_termset_has(const ac_termset *set, const char *term)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->t[i], term) == 0)
			return 1;
	return 0;
}

void ac_termset_add(ac_termset *set, const char *term, const char *shown)
{
	if (set->nomem || ac_termset_has(set, term))
		return;
	if (set->n >= set->cap) { /* doubled, so that a set of n terms grows about log n times */
		size_t cap = set->n < 4 ? 8 : 2 * set->n;
		char **grown = realloc(set->t, cap * sizeof *grown);
		if (grown)
			set->t = grown;
		char **grown2 = grown ? realloc(set->shown, cap * sizeof *grown2) : NULL;
		if (grown2) {
			set->shown = grown2;
			set->cap = cap;
		}
	}
	char *copy = strdup(term), *as = strdup(shown ? shown : term);
	if (set->n >= set->cap || !copy || !as) {
		free(copy);
		free(as);
		set->nomem = 1;
		return;
	}
	set->t[set->n] = copy;
	set->shown[set->n++] = as;
}

void ac_termset_free(ac_termset *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->t[i]);
		free(set->shown[i]);
	}
	free(set->t);
	free(set->shown);
	memset(set, 0, sizeof *set);
}

void ac_terms_of(const ac_terms *T, const char *text, ac_termset *set)
{
	if (!text)
		return;
	words ws; /* 6 KB */
	char buf[MAX_PHRASE * MAX_WORD + 8], as[MAX_PHRASE * MAX_WORD + 8];
	split(text, strlen(text), &ws);
	int covered = 0; /* words before this one belong to a phrase the synonyms name */
	for (int i = 0; i < ws.n; i++)
		for (int n = MAX_PHRASE; n >= 1; n--) {
			if (i + n > ws.n)
				continue;
			join_words(&ws, i, n, buf, sizeof buf);
			join_any(&ws, 1, i, n, as, sizeof as);
			const syn *s = find_syn(T, buf);
			const implication *imp = find_imp(T, buf);
			if (s)
				ac_termset_add(set, s->name, as);
			for (size_t k = 0; imp && k < imp->n_targets; k++)
				ac_termset_add(set, imp->targets[k], as);
			if ((s || imp) && n > 1 && i + n > covered)
				covered = i + n;
			/* Words of a known phrase do not count again on their own. */
			if (s || n > 3 || i + n <= covered)
				continue;
			if (n == 1 ? !stop_word(buf) : !stop_word(ws.w[i]) && !stop_word(ws.w[i + n - 1]))
				ac_termset_add(set, buf, as);
		}
}

/* ------------------------------------------------------------ counts */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

ac_status ac_term_counts_build(const ac_termset *sets, size_t n_sets, ac_term_counts *out)
{
	memset(out, 0, sizeof *out);
	/* The weights below take log() from the maths library. */
	if (n_sets && !ac_maths_load(NULL, NULL))
		return AC_EIO;
	out->docs = n_sets;
	size_t total = 0;
	for (size_t i = 0; i < n_sets; i++)
		total += sets[i].n;
	char **all = malloc((total + 1) * sizeof *all);
	if (!all)
		return AC_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n_sets; i++)
		for (size_t j = 0; j < sets[i].n; j++)
			all[k++] = sets[i].t[j]; /* each set holds a term once */
	qsort(all, total, sizeof *all, cmp_str);
	out->term = calloc(total + 1, sizeof *out->term);
	out->df = calloc(total + 1, sizeof *out->df);
	out->idf = calloc(n_sets + 1, sizeof *out->idf); /* idf[0] is never read: 0 */
	if (!out->term || !out->df || !out->idf) {
		free(all);
		ac_term_counts_free(out);
		return AC_ENOMEM;
	}
	for (size_t d = 1; d <= n_sets; d++) {
		double w = ac_maths.log((double)n_sets / (2.0 * (double)d));
		out->idf[d] = w > 0 ? w : 0;
	}
	for (size_t i = 0; i < total; i++) {
		if (out->n && strcmp(out->term[out->n - 1], all[i]) == 0) {
			out->df[out->n - 1]++;
			continue;
		}
		if (!(out->term[out->n] = strdup(all[i]))) {
			free(all);
			ac_term_counts_free(out);
			return AC_ENOMEM;
		}
		out->df[out->n++] = 1;
	}
	free(all);
	return AC_OK;
}

int ac_term_counts_df(const ac_term_counts *c, const char *term)
{
	if (!c || !c->n)
		return 0;
	char *const *hit = bsearch(&term, c->term, c->n, sizeof *c->term, cmp_str);
	return hit ? c->df[hit - c->term] : 0;
}

long ac_term_counts_index(const ac_term_counts *c, const char *term)
{
	if (!c || !c->n)
		return -1;
	char *const *hit = bsearch(&term, c->term, c->n, sizeof *c->term, cmp_str);
	return hit ? (long)(hit - c->term) : -1;
}

int ac_term_ids_has(const ac_term_ids *ids, long id)
{
	size_t lo = 0, hi = ids->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids->id[mid] == id)
			return 1;
		if (ids->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void ac_term_counts_free(ac_term_counts *c)
{
	for (size_t i = 0; c->term && i < c->n; i++)
		free(c->term[i]);
	free(c->term);
	free(c->df);
	free(c->idf);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------ search */

int ac_terms_query_matches(const ac_terms *T, const char *query, const ac_termset *entry,
			   int (*in_text)(const void *arg, const char *word, size_t len), const void *arg)
{
	words ws;
	char buf[MAX_PHRASE * MAX_WORD + 8];
	unsigned char found[MAX_WORDS] = {0};
	split(query, strlen(query), &ws);
	for (int i = 0; i < ws.n; i++)
		for (int n = 1; n <= MAX_PHRASE && i + n <= ws.n; n++) {
			join_words(&ws, i, n, buf, sizeof buf);
			const syn *s = find_syn(T, buf);
			const implication *imp = find_imp(T, buf);
			int hit = s && ac_termset_has(entry, s->name);
			for (size_t k = 0; imp && !hit && k < imp->n_targets; k++)
				hit = ac_termset_has(entry, imp->targets[k]);
			if (hit)
				memset(found + i, 1, (size_t)n);
		}
	for (int i = 0; i < ws.n; i++)
		if (!found[i] && !in_text(arg, ws.w[i], strlen(ws.w[i])))
			return 0;
	return 1;
}
