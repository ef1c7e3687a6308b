/*
 * format.c — the small helpers every renderer shares: the render options
 * (width, colour) resolved, which motives and unknown costs to list, where occupation figures came from, rounding,
 * display width and line breaking, and writing a JSON document.  The
 * renderers include this through render.h; nothing here knows a format.
 */
#include <math.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/options.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "occdata/occupation.h"
#include "render/render.h"

void ac_render_options_init_size(ac_render_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
	if (AC_HAS_FIELD(o, ac_render_options, width))
		o->width = 78;
}

void ac_render_options_resolve(const ac_render_options *in, size_t *width, int *color)
{
	*width = 78;
	*color = 0;
	if (!in)
		return;
	if (AC_HAS_FIELD(in, ac_render_options, width) && in->width)
		*width = in->width < 40 ? 40 : in->width > 1000 ? 1000 : in->width;
	if (AC_HAS_FIELD(in, ac_render_options, color))
		*color = in->color != 0;
}

size_t ac_render_motives(unsigned bits, int motives[AC_MOT__COUNT])
{
	size_t n = 0;
	for (int m = 1; m <= AC_MOT__COUNT; m++)
		if (bits & (1u << m))
			motives[n++] = m;
	return n;
}

size_t ac_render_unknown_costs(const ac_assessment *a, const char *names[8])
{
	const ac_cert *c = &a->certification.cert;
	size_t n = 0;
	if (!a->certification.present)
		return 0;
	if (!c->cost_usd.set)
		names[n++] = "cost_usd";
	if (!c->hours.set)
		names[n++] = "hours";
	if (!a->certification.weeks.set)
		names[n++] = "weeks";
	if (!a->certification.time_value_usd.set)
		names[n++] = "time_value_usd";
	if (!a->certification.total_cost_usd.set)
		names[n++] = "total_cost_usd";
	/* A credential that never expires has no validity to spread cost over. */
	if (!a->certification.cost_per_year_usd.set && !c->never_expires)
		names[n++] = "cost_per_year_usd";
	if (!c->retake_usd.set)
		names[n++] = "retake_usd";
	if (!c->validity_months.set && !c->never_expires)
		names[n++] = "validity_months";
	return n;
}

size_t ac_render_occ_sources(const ac_occupation *occ, const char *names[4])
{
	int gpts = occ->beta.set;
	for (size_t i = 0; i < occ->n_tasks && !gpts; i++)
		gpts = occ->tasks[i].beta.set || occ->tasks[i].automation.set;
	size_t n = 0;
	names[n++] = "O*NET 29.3";
	if (gpts)
		names[n++] = "GPTs are GPTs";
	if (occ->applicability.set)
		names[n++] = "Working with AI";
	if (occ->employment.set || occ->median_wage.set || occ->growth_pct.set)
		names[n++] = "BLS";
	return n;
}

double ac_render_round(double x, int decimals)
{
	if (!isfinite(x))
		return 0;
	/* The powers of ten a report rounds to are exact doubles: from the
	 * table, the same value pow gives, without its cost (reports round to
	 * 2 and 4 places; the table goes to 11, and a number outside is taken
	 * as the nearest within). */
	static const double exact[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11};
	const int last = (int)(sizeof exact / sizeof exact[0]) - 1;
	double scale = exact[decimals < 0 ? 0 : decimals > last ? last : decimals];
	double r = round(x * scale) / scale;
	return r == 0 ? 0 : r; /* no "-0" */
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Eight bytes of text at once (read with memcpy, so at any address); the
 * tests below look at all eight together.  Only a little-endian machine
 * has its first byte in the lowest bits, which where_stop counts on. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define EIGHT_AT_ONCE 1
#else
#define EIGHT_AT_ONCE 0
#endif
static const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

static uint64_t eight(const char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	return x;
}

/* The high bit of each byte of x that is zero, and of no other (exact per
 * byte: no borrow runs from one byte into the next). */
static uint64_t zero_bytes(uint64_t x)
{
	return ~(((x & ~highs) + ~highs) | x) & highs;
}

/* The high bit of each byte of x that ends or leaves a plain word: below
 * 0x21 (a space, a control character) or above 0x7F (part of a character
 * of several bytes).  Exact per byte, so the lowest names the first. */
static uint64_t where_stop(uint64_t x)
{
	uint64_t at_least_21 = (x & ~highs) + ones * (0x80 - 0x21);
	return (~at_least_21 | x) & highs;
}

/* 1 when the eight bytes of x stand in a clean text as they are: printable
 * ASCII, and no two spaces side by side (a lone space stays). */
static int plain_eight(uint64_t x)
{
	uint64_t below_20 = (x - ones * 0x20) & ~x & highs;
	uint64_t from_7f = ((x + ones) | x) & highs;
	uint64_t space = zero_bytes(x ^ (ones * ' '));
	return !(below_20 | from_7f | (space & (space << 8)));
}

#if defined(__SSE2__)
/* How many of the bytes of v that have their high bit set (the bits of
 * high, which may leave some out) continue a character (10xxxxxx): they
 * take no column of their own. */
static unsigned continuing(__m128i v, unsigned high)
{
	unsigned k = 0;
	if (high)
		for (unsigned m = high & ~(unsigned)_mm_movemask_epi8(_mm_add_epi8(v, v)); m; m &= m - 1)
			k++;
	return k;
}
#endif

size_t ac_render_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
#if defined(__SSE2__)
	/* Sixteen at a time: a byte 10xxxxxx continues a character. */
	for (; n - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		w += 16 - continuing(v, (unsigned)_mm_movemask_epi8(v));
	}
#endif
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

void ac_render_clip(strbuf *sb, const char *s, size_t max)
{
	size_t i = 0, chars = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
			break;
	sb_putn(sb, s, i);
	if (s[i])
		sb_puts(sb, "\xe2\x80\xa6"); /* … */
}

/* The end of the word at s (before end), and its columns into *cols: up
 * to the next space, tab, newline or carriage return.  Plain ASCII goes
 * eight bytes at a time, one column each. */
static const char *word_end(const char *s, const char *end, size_t *cols)
{
	size_t w = 0;
	while (s < end) {
		if (EIGHT_AT_ONCE && end - s >= 8) {
			uint64_t stop = where_stop(eight(s));
			size_t k = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
			w += k;
			s += k;
			if (!stop)
				continue;
		}
		if (is_space(*s))
			break;
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
		s++;
	}
	*cols = w;
	return s;
}

/* The line from start (not a space) the quick way, when the text it
 * reaches is simple: no control character (no tab or newline either) and
 * no two spaces side by side, so that the line ends at the last space
 * within width columns, or at the end of the text.  Sixteen bytes at a
 * time where the machine has SSE2, then byte by byte.  The end of its last
 * word into *last, where the next line starts into *next, and whether all
 * it reached was printable ASCII into *plain (ac_render_put_clean would
 * copy it as it is); 0 when the text is not simple, or its first word is
 * too long. */
static int quick_line(const char *start, const char *end, size_t width, const char **last, const char **next,
		      int *plain)
{
	const char *s = start, *best = NULL;
	size_t cols = 0;
	int odd = 0; /* a byte from 0x7F on was seen */
#if defined(__SSE2__)
	/* Sixteen bytes at a time; near the end of a longer text, the last
	 * sixteen, less those already seen. */
	unsigned after_space = 0;
	const __m128i space = _mm_set1_epi8(' '), control = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
	while (s < end && (end - s >= 16 || end - start >= 16)) {
		size_t len = end - s >= 16 ? 16 : (size_t)(end - s);
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
		unsigned drop = 16 - (unsigned)len;
		unsigned high = (unsigned)_mm_movemask_epi8(v) >> drop;
		unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)) >> drop;
		unsigned below = ((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, control)) >> drop) & ~high;
		if (below || (spaces & (spaces >> 1)) || (after_space & spaces & 1))
			return 0;
		if (high || _mm_movemask_epi8(_mm_cmpeq_epi8(v, del)) >> drop)
			odd = 1;
		if (cols + len > width) {
			if (high)
				break; /* where the columns run out: byte by byte */
			/* Plain ASCII: the spaces up to width columns are in reach. */
			size_t reach = width - cols;
			unsigned within = spaces & ((2u << reach) - 1);
			if (within)
				best = s + (31 - __builtin_clz(within));
			s += reach + 1;
			cols += reach + 1;
			break;
		}
		if (spaces)
			best = s + (31 - __builtin_clz(spaces));
		after_space = spaces >> (len - 1);
		cols += len - continuing(v, high << drop);
		s += len;
	}
#endif
	for (; s < end && cols <= width; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || (c == ' ' && s > start && s[-1] == ' '))
			return 0;
		if (c == ' ')
			best = s;
		odd |= c >= 0x7F;
		cols += (c & 0xC0) != 0x80;
	}
	if (s == end && cols <= width && end > start && end[-1] != ' ')
		best = end;
	if (!best)
		return 0;
	*last = best;
	while (best < end && is_space(*best))
		best++;
	*next = best;
	*plain = !odd;
	return 1;
}

/* ac_render_next_line, and whether the line is plain (*plain: 1 when it
 * is printable ASCII with single spaces, as ac_render_put_clean would
 * copy it; 0 when that is not known). */
static int next_line(const char **p, const char *end, size_t width, const char **line, size_t *n, int *plain)
{
	const char *s = *p;
	while (s < end && is_space(*s))
		s++;
	const char *start = s, *last = s;
	int quick = quick_line(start, end, width, &last, &s, plain);
	if (!quick)
		*plain = 0;
	size_t cols = 0;
	while (!quick && s < end) {
		const char *word = s;
		size_t w;
		s = word_end(s, end, &w);
		if (last != start && cols + 1 + w > width) {
			s = word;
			break;
		}
		cols += (last != start ? 1 : 0) + w;
		last = s;
		while (s < end && is_space(*s))
			s++;
	}
	*p = s;
	*line = start;
	*n = (size_t)(last - start);
	return last != start;
}

int ac_render_next_line(const char **p, const char *end, size_t width, const char **line, size_t *n)
{
	int plain;
	return next_line(p, end, width, line, n, &plain);
}

ac_status ac_render_json_value(json_t *root, unsigned long failures, char **out, size_t *len)
{
	*out = NULL;
	char *s = root && ac_mem_failures() == failures
			  ? ac_json_text(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12), NULL)
			  : NULL;
	if (s && ac_mem_failures() != failures) { /* a value left out of the tree while building it */
		free(s);
		s = NULL;
	}
	json_decref(root);
	if (!s)
		return AC_ENOMEM;
	strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, s);
	sb_puts(&sb, "\n");
	free(s);
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}

/* Copies n bytes of text with each run of whitespace as one space and control
 * characters (which could drive the terminal) escaped, as \x1b
 * (ac_utf8_escape): the plain runs between them in one copy each. */
void ac_render_put_clean(strbuf *sb, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* Eight plain bytes are copied with the run; a space last among
		 * them is left to the test below, which looks at the byte after. */
		while (EIGHT_AT_ONCE && n - i > 8 && s[i + 7] != ' ' && plain_eight(eight(s + i)))
			i += 8;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) { /* a whole character, unless it is C1 or not UTF-8 */
			size_t k = ac_utf8_seq(s + i, n - i);
			if (k && !(c == 0xC2 && (unsigned char)s[i + 1] < 0xA0)) {
				i += k - 1;
				continue;
			}
			sb_putn(sb, s + run, i - run);
			ac_utf8_escape(sb, s + i, k ? k : 1, 0);
			i += (k ? k : 1) - 1;
			run = i + 1;
			continue;
		}
		if (c >= 0x20 && c != 0x7f && c != ' ')
			continue;
		if (c == ' ' && (i + 1 == n || !is_space(s[i + 1])))
			continue; /* a single space stays as it is */
		sb_putn(sb, s + run, i - run);
		if (is_space((char)c)) {
			sb_putn(sb, " ", 1);
			while (i + 1 < n && is_space(s[i + 1]))
				i++;
		} else {
			ac_utf8_escape(sb, s + i, 1, 0);
		}
		run = i + 1;
	}
	sb_putn(sb, s + run, n - run);
}

ac_status ac_render_text_begin(const ac_wording **words, strbuf *sb)
{
	sb_init(sb);
	return ac_wording_builtin(words, NULL);
}

ac_status ac_render_text_end(strbuf *sb, char **out, size_t *len)
{
	*out = ac_render_take_clean(sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}

char *ac_render_take_clean(strbuf *sb, size_t *len)
{
	strbuf clean;
	sb_init(&clean);
	if (sb->failed)
		clean.failed = 1;
	else if (sb->len)
		ac_utf8_escape(&clean, sb->buf, sb->len, 1);
	sb_free(sb);
	return sb_take(&clean, len);
}

void ac_render_spaces(strbuf *sb, size_t n)
{
	static const char spaces[] = "                                                                ";
	for (size_t k; n; n -= k) {
		k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		sb_putn(sb, spaces, k);
	}
}

void ac_render_wrapped(strbuf *sb, const char *text, size_t col, size_t indent, size_t width_total)
{
	enum { MIN_WRAP = 24 }; /* never wrap narrower than this */
	const char *p = text ? text : "";
	const char *line;
	size_t n, width = col < width_total - MIN_WRAP ? width_total - col : MIN_WRAP;
	int first = 1;
	const char *end = p + strlen(p);
	int plain;
	while (next_line(&p, end, width, &line, &n, &plain)) {
		if (!first)
			ac_render_spaces(sb, indent);
		if (plain)
			sb_putn(sb, line, n);
		else
			ac_render_put_clean(sb, line, n);
		sb_puts(sb, "\n");
		first = 0;
		width = indent < width_total - MIN_WRAP ? width_total - indent : MIN_WRAP;
	}
	if (first)
		sb_puts(sb, "\n");
}
