/*
 * jsonw.c — the streaming JSON writer of jsonw.h.  Strings are copied in runs
 * between the bytes that need escaping; the layout rules (where newlines,
 * indents and separators go) are jansson's, so documents once dumped from a
 * jansson tree keep their bytes.
 */
#include "core/jsonw.h"

#include "core/jsonbytes.h"
#include "core/number.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void ac_jw_init(ac_jw *w, strbuf *out, int indent)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->indent = indent;
}

static void put(ac_jw *w, const char *s, size_t n)
{
	if (sb_putn(w->out, s, n) != 0)
		w->failed = 1;
}

/* Writes a comma when one is due, then a newline and the indent of depth
 * (neither when compact), at o; returns the end.  o must have room for
 * separator_room(w, depth) bytes: the indent is written eight spaces at a
 * time, up to seven past its end. */
static size_t separator_room(const ac_jw *w, int depth)
{
	return w->indent ? 1 + 1 + (size_t)depth * (size_t)w->indent + 8 : 1;
}

static char *put_separator(const ac_jw *w, char *o, int comma, int depth)
{
	if (comma)
		*o++ = ',';
	if (w->indent) {
		size_t indent = (size_t)depth * (size_t)w->indent;
		*o++ = '\n';
		for (size_t i = 0; i < indent; i += 8)
			memcpy(o + i, "        ", 8);
		o += indent;
	}
	return o;
}

void ac_jw_line(ac_jw *w, int comma, int depth)
{
	if (!comma && !w->indent)
		return;
	char *o = sb_room(w->out, separator_room(w, depth));
	if (!o) {
		w->failed = 1;
		return;
	}
	char *end = put_separator(w, o, comma, depth);
	sb_wrote(w->out, (size_t)(end - o));
}

/* Counts the value about to be written as an item of the open container,
 * as ac_jw_before does: 1 when it goes on a line of its own (it does not
 * follow a key and is not the top value), with *comma set when an item
 * came before it.  For what is written in one go with its line. */
static int item(ac_jw *w, int *comma)
{
	*comma = 0;
	if (w->after_key) {
		w->after_key = 0;
		return 0;
	}
	if (w->depth == 0)
		return 0;
	*comma = w->items[w->depth - 1];
	w->items[w->depth - 1] = 1;
	return 1;
}

/* The separator ac_jw_line writes (when lined) and the bracket c, in one
 * go. */
static void line_and_bracket(ac_jw *w, int lined, int comma, int depth, char c)
{
	char *o = sb_room(w->out, separator_room(w, depth) + 1);
	if (!o) {
		w->failed = 1;
		return;
	}
	char *end = lined ? put_separator(w, o, comma, depth) : o;
	*end++ = c;
	sb_wrote(w->out, (size_t)(end - o));
}

static void open(ac_jw *w, const char *c)
{
	/* What ac_jw_before does, with the bracket. */
	int comma, lined = item(w, &comma);
	line_and_bracket(w, lined, comma, w->depth, *c);
	if (w->depth >= AC_JW_MAX_DEPTH) {
		w->failed = 1;
		return;
	}
	w->items[w->depth++] = 0;
}

static void close(ac_jw *w, const char *c)
{
	if (w->depth == 0) {
		w->failed = 1;
		return;
	}
	w->depth--;
	line_and_bracket(w, w->items[w->depth], 0, w->depth, *c);
}

void ac_jw_object(ac_jw *w)
{
	open(w, "{");
}

void ac_jw_array(ac_jw *w)
{
	open(w, "[");
}

void ac_jw_end_object(ac_jw *w)
{
	close(w, "}");
}

void ac_jw_end_array(ac_jw *w)
{
	close(w, "]");
}

/* The length of the valid UTF-8 character at s (n bytes left), 0 when the
 * bytes are not one: jansson's test (no overlong forms, no surrogates,
 * nothing past U+10FFFF). */
static size_t utf8_char(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	uint32_t v;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000))
		return 0;
	return len;
}

/* 1 when the key can be copied as it is: no byte any_special looks at
 * (eight at a time, then the rest one by one). */
static int plain_key(const char *key, size_t n)
{
	size_t i = 0;
	uint64_t x;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, key + i, 8);
		if (ac_json_any_special(x))
			return 0;
	}
	for (; i < n; i++)
		if (!ac_json_plain_byte((unsigned char)key[i]))
			return 0;
	return 1;
}

/* Each character takes at most six bytes ("\u001F"); runs of plain ASCII
 * are copied whole. */
void ac_jw_quoted(ac_jw *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char *o = n < ((size_t)-1 - 8) / 6 ? sb_room(w->out, 6 * n + 2) : NULL;
	if (!o) {
		w->failed = 1;
		return;
	}
	char *start = o;
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	*o++ = '"';
	while (p < end) {
		const unsigned char *q = p + ac_json_plain_run((const char *)p, (const char *)end);
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		p = q;
		if (p == end)
			break;
		unsigned c = *p;
		if (c >= 0x80) {
			size_t len = utf8_char(p, (size_t)(end - p));
			if (!len) {
				w->failed = 1;
				return;
			}
			memcpy(o, p, len);
			o += len;
			p += len;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
			break;
		}
		p++;
	}
	*o++ = '"';
	sb_wrote(w->out, (size_t)(o - start));
}

void ac_jw_key(ac_jw *w, const char *key)
{
	size_t n = strlen(key);
	if (n < 64 && plain_key(key, n)) {
		ac_jw_plain_key(w, key, n);
		return;
	}
	ac_jw_before(w);
	ac_jw_quoted(w, key, n);
	put(w, w->indent ? ": " : ":", w->indent ? 2 : 1);
	w->after_key = 1;
}

void ac_jw_plain_key(ac_jw *w, const char *key, size_t n)
{
	/* The separator (as ac_jw_before writes it), the key with its quotes and
	 * the colon, in one go. */
	int comma, lined = item(w, &comma), depth = w->depth;
	char *o = sb_room(w->out, separator_room(w, depth) + n + 4);
	if (!o) {
		w->failed = 1;
		return;
	}
	char *e = lined ? put_separator(w, o, comma, depth) : o;
	e[0] = '"';
	memcpy(e + 1, key, n);
	e[n + 1] = '"';
	e[n + 2] = ':';
	e[n + 3] = ' ';
	sb_wrote(w->out, (size_t)(e - o) + n + (w->indent ? 4 : 3));
	w->after_key = 1;
}

void ac_jw_int(ac_jw *w, int64_t v)
{
	char buf[24], *e = buf + sizeof buf, *d = e;
	/* The magnitude as unsigned, so that INT64_MIN has one too. */
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--d = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (v < 0)
		*--d = '-';
	ac_jw_before(w);
	put(w, d, (size_t)(e - d));
}

/* What "%.*g" writes for x (with ".0" when it has no point), when x is the
 * double nearest a decimal of at most six places and at most `digits`
 * significant digits (digits <= 15) between 1e-4 and 1e15, the figures a
 * report rounds: written from that decimal without printf.  The quotient of
 * two exact doubles is correctly rounded, so n / 10^d == x means x is that
 * decimal's nearest double, and 15 digits always give such a decimal back.
 * 0 when x is not such a number. */
/* x written as n / 10^d: the digits of n with the point d places from
 * the right (at least one digit before it, and ".0" when d is 0). */
static size_t decimal_text(double x, long long n, int d, char *buf)
{
	char digit[24], *e = digit + sizeof digit, *q = e;
	for (long long m = n; m; m /= 10)
		*--q = (char)('0' + m % 10);
	while (e - q <= d) /* at least one digit before the point */
		*--q = '0';
	size_t len = 0, whole = (size_t)(e - q) - (size_t)d;
	if (x < 0)
		buf[len++] = '-';
	memcpy(buf + len, q, whole);
	len += whole;
	/* The shortest d that names x leaves no trailing zero: n / 10 would
	 * have named it one place earlier. */
	size_t frac = (size_t)d;
	buf[len++] = '.';
	if (frac) {
		memcpy(buf + len, q + whole, frac);
		len += frac;
	} else {
		buf[len++] = '0';
	}
	buf[len] = '\0';
	return len;
}

static size_t short_decimal(double x, int digits, char *buf)
{
	/* Powers of ten to 10^15, each an exact double. */
	static const double scale[] = {1,   1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	double mag = fabs(x);
	if (digits < 1 || digits > 15 || !(mag >= 1e-4 && mag < 1e15))
		return 0;
	double limit = scale[digits];
	/* In one step when x has six places within the digits: a decimal of at
	 * most `digits` significant digits that names x is the only one, so the
	 * shortest is the six-place one without its trailing zeros (each of
	 * which names x as well), as the search below finds it. */
	if (mag * scale[6] < limit) {
		int d = 6;
		long long n = llround(mag * scale[6]);
		if ((double)n / scale[6] != mag)
			return 0;
		while (d > 0 && n % 10 == 0)
			n /= 10, d--;
		return decimal_text(x, n, d, buf);
	}
	for (int d = 0; d <= 6; d++) {
		double scaled = mag * scale[d];
		if (!(scaled < limit))
			return 0;
		long long n = llround(scaled);
		if ((double)n / scale[d] != mag)
			continue;
		return decimal_text(x, n, d, buf);
	}
	return 0;
}

void ac_jw_real(ac_jw *w, double x, int digits)
{
	if (!isfinite(x)) {
		ac_jw_null(w);
		return;
	}
	char buf[64];
	size_t quick = short_decimal(x, digits, buf);
	if (quick) {
		ac_jw_before(w);
		put(w, buf, quick);
		return;
	}
	int n = snprintf(buf, sizeof buf - 3, "%.*g", digits, x);
	if (n < 0 || (size_t)n >= sizeof buf - 3) {
		w->failed = 1;
		return;
	}
	size_t len = (size_t)n;
	if (!strchr(buf, '.') && !strchr(buf, 'e')) {
		memcpy(buf + len, ".0", 3);
		len += 2;
	}
	char *e = strchr(buf, 'e');
	if (e) { /* "1e+20" -> "1e20", "1e-07" -> "1e-7" */
		char *start = e + 1, *from = start + 1;
		if (*start == '-')
			start++;
		while (*from == '0')
			from++;
		if (from != start) {
			memmove(start, from, len - (size_t)(from - buf) + 1);
			len -= (size_t)(from - start);
		}
	}
	ac_jw_before(w);
	put(w, buf, len);
}

void ac_jw_number(ac_jw *w, double x, int digits)
{
	if (ac_num_is_whole(x))
		ac_jw_int(w, (int64_t)x);
	else
		ac_jw_real(w, x, digits);
}

void ac_jw_scalar_text(ac_jw *w, const char *text, size_t n)
{
	ac_jw_before(w);
	put(w, text, n);
}

int ac_jw_status(const ac_jw *w)
{
	return w->failed || w->out->failed || w->depth != 0 ? -1 : 0;
}

char *ac_jw_take(ac_jw *w, strbuf *sb)
{
	if (ac_jw_status(w) != 0) {
		sb_free(sb);
		return NULL;
	}
	return sb_take(sb, NULL);
}
