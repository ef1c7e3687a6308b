/*
 * words.c — the word normaliser behind title search (see words.h).  It is
 * deliberately small and predictable: plural stripping rather than a full
 * stemmer, so that "analyst" finds "Analysts" and a person can guess why a
 * title matched.
 */
#include "occdata/words.h"

#include <string.h>

static const char *const stop_words[] = {
	"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with",
};

static int is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static int is_joiner(unsigned char c)
{
	return c == '&' || c == '\'' || c == '.';
}

static int is_stop(const char *w)
{
	if (strlen(w) > 4) /* the longest stop words have four letters */
		return 0;
	for (size_t i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++)
		if (strcmp(w, stop_words[i]) == 0)
			return 1;
	return 0;
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* Plurals only: "secretaries" -> "secretary", "classes" -> "class",
 * "nurses" -> "nurse"; words of three letters or fewer and words ending in
 * "ss", "us" or "is" ("business", "status", "analysis") stay as they are. */
static void stem(char *w)
{
	size_t n = strlen(w);
	if (n <= 3)
		return;
	if (n > 4 && ends_with(w, n, "ies")) {
		strcpy(w + n - 3, "y");
		return;
	}
	if (ends_with(w, n, "sses")) {
		w[n - 2] = '\0';
		return;
	}
	if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
		w[n - 1] = '\0';
}

void occ_words_parse(const char *text, occ_words *out)
{
	occ_words all;
	int stop[OCC_MAX_WORDS];
	int n_stop = 0;
	all.n = 0;
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	while (*p && all.n < OCC_MAX_WORDS) {
		while (*p && !is_word_char(*p))
			p++;
		if (!*p)
			break;
		char *w = all.w[all.n];
		size_t len = 0;
		while (*p) {
			if (is_word_char(*p)) {
				if (len < OCC_MAX_WORD)
					w[len++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + ('a' - 'A') : *p);
				p++;
			} else if (is_joiner(*p) && is_word_char(p[1])) {
				p++;
			} else {
				break;
			}
		}
		w[len] = '\0';
		stem(w);
		stop[all.n] = is_stop(w);
		n_stop += stop[all.n];
		all.n++;
	}
	out->n = 0;
	for (int i = 0; i < all.n; i++)
		if (!stop[i] || n_stop == all.n)
			memcpy(out->w[out->n++], all.w[i], sizeof all.w[i]);
}

void occ_words_split(const char *joined, occ_words *out)
{
	out->n = 0;
	const char *p = joined ? joined : "";
	while (*p && out->n < OCC_MAX_WORDS) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, " ");
		size_t k = len < OCC_MAX_WORD ? len : OCC_MAX_WORD;
		memcpy(out->w[out->n], p, k);
		out->w[out->n++][k] = '\0';
		p += len;
	}
}

void occ_words_join(const occ_words *w, size_t from, size_t to, char *buf, size_t size)
{
	size_t len = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = from; i < to && i < (size_t)w->n; i++) {
		size_t k = strlen(w->w[i]);
		if (len + (len ? 1 : 0) + k + 1 > size)
			break;
		if (len)
			buf[len++] = ' ';
		memcpy(buf + len, w->w[i], k + 1);
		len += k;
	}
}

void occ_words_initials(const occ_words *w, int from, int len, char *buf)
{
	int k = 0;
	for (int i = from; i < from + len && i < w->n; i++)
		buf[k++] = w->w[i][0];
	buf[k] = '\0';
}

int occ_is_abbreviation(const char *abbr, const char *expansion)
{
	size_t na = strlen(abbr), letters = 0;
	for (const char *e = expansion; *e; e++)
		letters += *e != ' ';
	if (na < 2 || na >= letters || abbr[0] != expansion[0])
		return 0;
	const char *a = abbr;
	for (const char *e = expansion; *e && *a; e++)
		if (*e == *a)
			a++;
	return *a == '\0';
}
