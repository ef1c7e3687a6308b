/*
 * words.h — a text as the words role matching compares: runs of ASCII
 * letters and digits, '+', '#' and the bytes of UTF-8 characters, ASCII
 * letters lowered, each cut to AC_WORD_MAX - 1 bytes, at most AC_WORDS_MAX
 * of them.  Fit (model/fit.c) splits the person's texts so; the catalogue
 * packs each certificate's roles so once, when it loads.
 */
#ifndef AC_INPUT_WORDS_H
#define AC_INPUT_WORDS_H

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

/* text's words packed: each as its length in one byte and then its bytes,
 * ending with a 0 byte (malloc'd; NULL when memory ran out). */
char *ac_words_pack(const char *text);

#endif
