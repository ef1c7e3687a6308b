/*
 * jsonbytes.h — the one test of whether a JSON string's bytes can be copied
 * as they are, eight at a time and one at a time: the writer (jsonw.c)
 * copies such runs into its output, the reader (jsonread.c) skips them.
 */
#ifndef AICERT_JSONBYTES_H
#define AICERT_JSONBYTES_H

#include <stdint.h>

/* 1 when the byte c stands in a JSON string as it is: printable ASCII but
 * the quote and the backslash. */
static inline int ac_json_plain_byte(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* 0 when none of the eight bytes of x is a control character, '"', '\\'
 * or a byte of a multi-byte character; 1 when one may be (a byte below
 * 0x20 borrows into the bytes above it, so a 1 can be wrong, a 0 never). */
static inline int ac_json_any_special(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = x ^ (ones * '"'), slash = x ^ (ones * '\\');
	uint64_t zero_quote = (quote - ones) & ~quote, zero_slash = (slash - ones) & ~slash;
	uint64_t control = x - ones * 0x20;
	return ((x | zero_quote | zero_slash | (control & ~x)) & highs) != 0;
}

#endif
