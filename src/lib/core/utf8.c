/*
 * utf8.c — cutting text on a character boundary (see utf8.h).  A cut never
 * lands before a continuation byte (10xxxxxx), so the kept part is as valid
 * as the text was.
 */
#include "core/utf8.h"

#include <string.h>

size_t ac_utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t cut = max;
	/* A character is at most four bytes: step back over at most three
	 * continuation bytes, so broken input cannot make the cut much shorter. */
	for (int k = 0; k < 3 && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; k++)
		cut--;
	return cut;
}

size_t ac_utf8_quote_len(const char *s, size_t max)
{
	return s ? ac_utf8_cut(s, strlen(s), max) : 0;
}
