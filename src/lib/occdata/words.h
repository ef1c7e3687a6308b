/*
 * words.h — how occupation titles and typed search words become comparable
 * words: the one normaliser both the importer (building the title index) and
 * the search (reading a query) use, so the two always agree.
 */
#ifndef AICERT_OCC_WORDS_H
#define AICERT_OCC_WORDS_H

#include <stddef.h>

#define OCC_MAX_WORDS 32 /* words kept from one title or query */
#define OCC_MAX_WORD 40 /* bytes kept of one word */
#define OCC_MAX_ACRONYM 6 /* longest run of words an acronym may stand for */

/* A title or query as words: ASCII lower case, split at anything that is not
 * a letter, digit or non-ASCII byte; '&', '\'' and '.' between two such
 * characters join them ("fp&a" -> "fpa", "u.s." -> "us"); a light plural
 * stemmer ("nurses" -> "nurse", "secretaries" -> "secretary"); stop words
 * dropped unless nothing else is left.  Longer words and further words are
 * cut at the limits above. */
typedef struct {
	int n;
	char w[OCC_MAX_WORDS][OCC_MAX_WORD + 1];
} occ_words;

void occ_words_parse(const char *text, occ_words *out);

/* Words already normalised and joined by single spaces (the title index's
 * words, occ_words_join) split back: what occ_words_parse would give for
 * them, without normalising them again. */
void occ_words_split(const char *joined, occ_words *out);

/* The words joined by single spaces into buf (cut to size). */
void occ_words_join(const occ_words *w, size_t from, size_t to, char *buf, size_t size);

/* The initials of words [from, from+len) into buf (len + 1 bytes at least). */
void occ_words_initials(const occ_words *w, int from, int len, char *buf);

/* Whether abbr abbreviates the text of expansion: same first character,
 * shorter, and its characters appear in order in the expansion's letters. */
int occ_is_abbreviation(const char *abbr, const char *expansion);

#endif
