/*
 * words.c — a text's words, packed (see words.h).
 */
#include <stdlib.h>
#include <string.h>

#include "input/words.h"

char *ac_words_pack(const char *text)
{
	/* At most one length byte per byte of text, and the end. */
	char *out = malloc(strlen(text) + 2), *o = out;
	if (!out)
		return NULL;
	const char *s = text;
	for (int n = 0; n < AC_WORDS_MAX; n++) {
		while (*s && !ac_word_byte((unsigned char)*s))
			s++;
		if (!*s)
			break;
		char *len = o;
		int k = 0;
		for (unsigned char c; (c = ac_word_byte((unsigned char)*s)) != 0; s++)
			if (k < AC_WORD_MAX - 1)
				o[1 + k++] = (char)c;
		if (ac_word_insignificant(o + 1, (size_t)k))
			continue; /* written over by the next word */
		*len = (char)k;
		o += 1 + k;
	}
	*o = '\0';
	return out;
}
