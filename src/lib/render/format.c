/*
 * format.c — the small helpers every renderer shares: the render options
 * (width, colour) resolved, which motives and unknown costs to list, where occupation figures came from, rounding,
 * display width and line breaking, and writing a JSON document.  The
 * renderers include this through render.h; nothing here knows a format.
 */
#include <math.h>
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
	 * table, the same value pow gives, without its cost. */
	static const double exact[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11};
	double scale =
		decimals >= 0 && decimals < (int)(sizeof exact / sizeof exact[0]) ? exact[decimals] : pow(10, decimals);
	double r = round(x * scale) / scale;
	return r == 0 ? 0 : r; /* no "-0" */
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t ac_render_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
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

int ac_render_next_line(const char **p, size_t width, const char **line, size_t *n)
{
	const char *s = *p;
	while (is_space(*s))
		s++;
	const char *start = s, *end = s;
	size_t cols = 0;
	while (*s) {
		const char *word = s;
		while (*s && !is_space(*s))
			s++;
		size_t w = ac_render_width(word, (size_t)(s - word));
		if (end != start && cols + 1 + w > width) {
			s = word;
			break;
		}
		cols += (end != start ? 1 : 0) + w;
		end = s;
		while (is_space(*s))
			s++;
	}
	*p = s;
	*line = start;
	*n = (size_t)(end - start);
	return end != start;
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
	while (ac_render_next_line(&p, width, &line, &n)) {
		if (!first)
			ac_render_spaces(sb, indent);
		ac_render_put_clean(sb, line, n);
		sb_puts(sb, "\n");
		first = 0;
		width = indent < width_total - MIN_WRAP ? width_total - indent : MIN_WRAP;
	}
	if (first)
		sb_puts(sb, "\n");
}
