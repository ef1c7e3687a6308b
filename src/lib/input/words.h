/*
 * words.h — a text as the words role matching compares: runs of ASCII
 * letters and digits, '+', '#' and the bytes of UTF-8 characters, ASCII
 * letters lowered, each cut to AC_WORD_MAX - 1 bytes, at most AC_WORDS_MAX
 * of them.  Fit (model/fit.c) splits the person's texts so; the catalogue
 * packs each certificate's roles so once, when it loads.
 */
#ifndef AC_INPUT_WORDS_H
#define AC_INPUT_WORDS_H

#include <stddef.h>
#include <string.h>

#define AC_WORDS_MAX 64
#define AC_WORD_MAX 48

/* A byte of a word as it is kept, or 0 for a byte between words (and for
 * the NUL).  Without isalnum, which is a call per byte. */
static inline unsigned char ac_word_byte(unsigned char c)
{
	if ((unsigned)(c - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80 || c == '+' || c == '#')
		return c;
	return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + ('a' - 'A')) : 0;
}

/* 1 for a word (len bytes at w) that says nothing about which role it is:
 * "the", "of", "senior", "lead"... */
static inline int ac_word_insignificant(const char *w, size_t len)
{
	static const char *const stop[] = {"a",  "an",   "the", "of",     "and",    "for",  "in",  "on",
					   "to", "with", "&",   "senior", "junior", "lead", "head"};
	if (len > 6)
		return 0; /* longer than any of them */
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (stop[i][0] == w[0] && strncmp(w, stop[i], len) == 0 && stop[i][len] == '\0')
			return 1;
	return 0;
}

/* text's significant words packed: each as its length in one byte and then
 * its bytes, ending with a 0 byte (malloc'd; NULL when memory ran out).  The
 * insignificant ones are left out, but count towards AC_WORDS_MAX. */
char *ac_words_pack(const char *text);

#endif
