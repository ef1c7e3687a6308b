/*
 * utf8.c — cutting text on a character boundary (see utf8.h).  A cut never
 * lands before a continuation byte (10xxxxxx), so the kept part is as valid
 * as the text was.
 */
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
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

size_t ac_utf8_seq(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (!len)
		return 0;
	if (u[0] < 0x80)
		return 1;
	size_t n;
	unsigned lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		n = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		if (u[0] == 0xE0)
			lo = 0xA0; /* no overlong forms */
		else if (u[0] == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F; /* nothing beyond U+10FFFF */
	} else
		return 0;
	if (len < n || u[1] < lo || u[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((u[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

int ac_utf8_valid(const char *s, size_t len, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		/* ASCII, eight bytes at a time. */
		uint64_t w;
		while (i + 8 <= len && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080u)))
			i += 8;
		while (i < len && (unsigned char)s[i] < 0x80)
			i++;
		if (i == len)
			break;
		size_t n = ac_utf8_seq(s + i, len - i);
		if (!n) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t ac_utf8_control(const char *s, size_t n)
{
	unsigned char c = n ? (unsigned char)s[0] : 0x20;
	if (c < 0x20 || c == 0x7F)
		return 1;
	if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0xA0)
		return 2;
	return 0;
}

void ac_utf8_escape(strbuf *sb, const char *s, size_t n, int keep_newline)
{
	size_t start = 0, i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = ac_utf8_seq(s + i, n - i);
		size_t ctl = len ? ac_utf8_control(s + i, len) : 0;
		if (len && (!ctl || (c == '\n' && keep_newline))) {
			i += len;
			continue;
		}
		sb_putn(sb, s + start, i - start);
		unsigned v = ctl == 2 ? (unsigned char)s[i + 1] : c;
		char esc[8];
		snprintf(esc, sizeof esc, ctl == 2 ? "\\u%04x" : "\\x%02x", v);
		sb_puts(sb, esc);
		i += ctl == 2 ? 2 : 1;
		start = i;
	}
	sb_putn(sb, s + start, n - start);
}
