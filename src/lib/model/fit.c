/*
 * fit.c — how well a certificate fits the person: gap fit (does the named gap
 * mention what the certificate teaches?) and role fit (does it map to the role
 * the person wants?), by plain word matching, and the one test of whether a
 * named certificate fits or misses, built on them.  Deterministic and ASCII
 * case-folding only; other bytes compare as they are, so UTF-8 text matches
 * itself.
 */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/tri.h"
#include "model/fit.h"
#include "policy/policy.h"

#define MAX_WORDS 64
#define MAX_WORD 48

typedef struct {
	char w[MAX_WORDS][MAX_WORD];
	int n;
} words;

/* ASCII letters and digits (whatever the locale), any byte of a UTF-8
 * character, '+' and '#'. */
static int is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '+' ||
	       c == '#';
}

static void split(const char *s, words *out)
{
	out->n = 0;
	while (*s && out->n < MAX_WORDS) {
		while (*s && !is_word_char((unsigned char)*s))
			s++;
		if (!*s)
			break;
		int len = 0;
		while (*s && is_word_char((unsigned char)*s)) {
			if (len < MAX_WORD - 1)
				out->w[out->n][len++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
			s++;
		}
		out->w[out->n][len] = '\0';
		out->n++;
	}
}

/* The phrase's words appear in t, in a row. */
static int has_phrase(const words *t, const char *phrase)
{
	words p;
	split(phrase, &p);
	if (!p.n)
		return 0;
	for (int i = 0; i + p.n <= t->n; i++) {
		int j = 0;
		while (j < p.n && strcmp(t->w[i + j], p.w[j]) == 0)
			j++;
		if (j == p.n)
			return 1;
	}
	return 0;
}

int ac_text_has_phrase(const char *text, const char *phrase)
{
	words t;
	split(text, &t);
	return has_phrase(&t, phrase);
}

/* Words that say nothing about which role it is. */
static int insignificant(const char *w)
{
	static const char *const stop[] = {"a", "an", "the", "of", "and", "for", "in", "on", "to", "with", "&", "senior", "junior", "lead", "head"};
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strcmp(w, stop[i]) == 0)
			return 1;
	return 0;
}

static int contains_word(const words *ws, const char *w)
{
	for (int i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i], w) == 0)
			return 1;
	return 0;
}

static int all_significant_in(const words *small, const words *big)
{
	int any = 0;
	for (int i = 0; i < small->n; i++) {
		if (insignificant(small->w[i]))
			continue;
		any = 1;
		if (!contains_word(big, small->w[i]))
			return 0;
	}
	return any;
}

static int words_match(const words *wa, const char *b)
{
	words wb;
	split(b, &wb);
	return all_significant_in(wa, &wb) || all_significant_in(&wb, wa);
}

int ac_roles_match(const char *a, const char *b)
{
	words wa;
	split(a, &wa);
	return words_match(&wa, b);
}

/* ------------------------------------------------------------ certificate fit */

/* Gap fit: the named gap mentions a capability keyword of the certificate or
 * of its domain.  matched (may be NULL) collects the words that matched. */
ac_tri ac_gap_fit(const ac_policy *pol, const ac_cert *c, const char *gap, char ***matched, size_t *n_matched)
{
	if (!gap || !*gap || !c)
		return AC_UNKNOWN; /* no gap named */
	int any_keyword = 0, hit = 0;
	words g; /* the gap's words, split once for every keyword */
	split(gap, &g);
	for (size_t i = 0; i < c->n_keywords && !(hit && !matched); i++) {
		any_keyword = 1;
		if (has_phrase(&g, c->keywords[i])) {
			hit = 1;
			if (matched)
				ac_list_push(matched, n_matched, strdup(c->keywords[i]));
		}
	}
	const char *dk = c->domain ? pol->domain_keywords[c->domain] : NULL;
	if (dk && *dk && !(hit && !matched)) {
		char *copy = strdup(dk), *save = NULL;
		for (char *w = copy ? strtok_r(copy, ",", &save) : NULL; w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ')
				w++;
			any_keyword = 1;
			if (has_phrase(&g, w)) {
				hit = 1;
				int dup = 0;
				for (size_t k = 0; matched && k < *n_matched; k++)
					dup |= strcmp((*matched)[k], w) == 0;
				if (matched && !dup)
					ac_list_push(matched, n_matched, strdup(w));
			}
		}
		free(copy);
	}
	return any_keyword ? ac_tri_of(hit) : AC_UNKNOWN;
}

/* Role fit against the target role, or the current title when none is
 * named. */
ac_tri ac_role_fit(const ac_cert *c, const ac_profile *p, const char **matched)
{
	const char *target = p->trajectory.target_role;
	const char *want = target && *target ? target : p->role.title;
	if (!c || !c->n_roles || !want)
		return AC_UNKNOWN;
	words w;
	split(want, &w);
	for (size_t i = 0; i < c->n_roles; i++)
		if (words_match(&w, c->roles[i])) {
			if (matched)
				*matched = c->roles[i];
			return AC_TRUE;
		}
	return AC_FALSE;
}

/* yes when cond holds, no when it does not; when cond is unknown, their
 * common value, or unknown when they differ. */
static ac_tri choose(ac_tri cond, ac_tri yes, ac_tri no)
{
	if (cond != AC_UNKNOWN)
		return cond == AC_TRUE ? yes : no;
	return yes == no ? yes : AC_UNKNOWN;
}

ac_tri ac_cert_fits(ac_tri defined_move, ac_tri gap_named, ac_tri role_fit, ac_tri gap_fit)
{
	return choose(defined_move, role_fit, choose(gap_named, gap_fit, role_fit));
}
