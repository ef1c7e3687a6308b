/*
 * jsonbytes.h — the one test of whether a JSON string's bytes can be copied
 * as they are, sixteen, eight or one at a time: the writer (jsonw.c) copies
 * such runs into its output, the reader (jsonread.c) skips them.
 */
#ifndef AICERT_JSONBYTES_H
#define AICERT_JSONBYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

#if defined(__SSE2__)
/* The bits of the bytes among the sixteen at p that do not stand as they
 * are: a signed compare with 0x20 finds the control bytes and those of
 * multi-byte characters at once. */
static inline unsigned ac_json_stops16(const char *p)
{
	const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
				    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)));
	return (unsigned)_mm_movemask_epi8(stop);
}
#endif

/* How many bytes from p on (up to end) stand as they are: sixteen at a
 * time where the machine has SSE2 (the last sixteen of a longer run read
 * again, overlapping), else and for a short run eight, then one. */
static inline size_t ac_json_plain_run(const char *p, const char *end)
{
	const char *q = p;
#if defined(__SSE2__)
	if (end - p >= 16) {
		for (; end - q >= 16; q += 16) {
			unsigned m = ac_json_stops16(q);
			if (m)
				return (size_t)(q - p) + (size_t)__builtin_ctz(m);
		}
		if (q == end)
			return (size_t)(end - p);
		/* The bytes before q are plain: only the last (end - q) count. */
		unsigned m = ac_json_stops16(end - 16) >> (16 - (end - q));
		return m ? (size_t)(q - p) + (size_t)__builtin_ctz(m) : (size_t)(end - p);
	}
#endif
	uint64_t x, y;
	if (end - q >= 8 && end - q < 16) { /* the first eight and the last eight */
		memcpy(&x, q, 8);
		memcpy(&y, end - 8, 8);
		if (!ac_json_any_special(x) && !ac_json_any_special(y))
			return (size_t)(end - p);
	}
	while (end - q >= 8 && (memcpy(&x, q, 8), !ac_json_any_special(x)))
		q += 8;
	while (q < end && ac_json_plain_byte((unsigned char)*q))
		q++;
	return (size_t)(q - p);
}

#endif
