/*
 * text.c — the writer for plain text read in a terminal: prose wrapped at the
 * output's width (78 columns unless the caller says otherwise) with hanging
 * indents, aligned "key: value" fields, ✓/✗ marks (coloured only when the
 * caller allows colour), and tables that fit the width.
 */
#include <stdio.h>
#include <string.h>

#include "render/render.h"

#define KEY_INDENT 2
#define KEY_COLUMN 24 /* where a field's value starts */

static void spaces(strbuf *sb, size_t n)
{
	ac_render_spaces(sb, n);
}

/* s n times; a one-byte s in runs. */
static void repeat(strbuf *sb, const char *s, size_t n)
{
	char run[128];
	if (strlen(s) != 1) {
		for (size_t i = 0; i < n; i++)
			sb_puts(sb, s);
		return;
	}
	memset(run, s[0], sizeof run);
	for (size_t k; n; n -= k) {
		k = n < sizeof run ? n : sizeof run;
		sb_putn(sb, run, k);
	}
}

/* Terminal attributes, written only when colour is allowed. */
#define BOLD "\033[1m"
#define GREEN "\033[32m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

static void attr(rw_out *o, const char *code)
{
	if (o->color)
		sb_puts(o->out, code);
}

/* Writes text from column col (the caller wrote what precedes it), wrapping
 * at the output's width; later lines start at column indent.  Ends the line. */
static void wrap(rw_out *o, const char *text, size_t col, size_t indent)
{
	ac_render_wrapped(o->out, text, col, indent, o->width);
}

static void underlined(rw_out *o, const char *text, const char *rule)
{
	attr(o, BOLD);
	wrap(o, text, 0, 0);
	attr(o, RESET);
	size_t w = ac_render_width(text, strlen(text));
	repeat(o->out, rule, w < o->width ? w : o->width);
	sb_puts(o->out, "\n");
}

static void title(rw_out *o, const char *text)
{
	underlined(o, text, "=");
}

static void heading(rw_out *o, const char *text)
{
	underlined(o, text, "-");
}

static void para(rw_out *o, const char *text)
{
	wrap(o, text, 0, 0);
}

static void lead(rw_out *o, const char *label, const char *text)
{
	attr(o, BOLD);
	ac_render_put_clean(o->out, label, strlen(label));
	sb_puts(o->out, ":");
	attr(o, RESET);
	sb_puts(o->out, " ");
	wrap(o, text, ac_render_width(label, strlen(label)) + 2, 2);
}

static void field(rw_out *o, const char *key, const char *value)
{
	size_t w = ac_render_width(key, strlen(key)) + 1;
	spaces(o->out, KEY_INDENT);
	ac_render_put_clean(o->out, key, strlen(key));
	sb_puts(o->out, ":");
	spaces(o->out, KEY_INDENT + w < KEY_COLUMN ? KEY_COLUMN - KEY_INDENT - w : 1);
	wrap(o, value, KEY_INDENT + w < KEY_COLUMN ? KEY_COLUMN : KEY_INDENT + w + 1, KEY_COLUMN);
}

static void item(rw_out *o, rw_mark mark, int number, const char *lead_text, const char *text)
{
	static const char *const marks[] = {"-", "✓", "✗", "?"};
	static const char *const colours[] = {NULL, GREEN, RED, YELLOW};
	char num[16];
	const char *m = num;
	if (mark == RW_NUMBER)
		snprintf(num, sizeof num, "%d.", number);
	else
		m = marks[mark];
	spaces(o->out, KEY_INDENT);
	int coloured = mark != RW_NUMBER && colours[mark];
	if (coloured)
		attr(o, colours[mark]);
	sb_puts(o->out, m);
	if (coloured)
		attr(o, RESET);
	sb_puts(o->out, " ");
	o->hang = KEY_INDENT + ac_render_width(m, strlen(m)) + 1;
	/* Lead and text wrap as one stream. */
	strbuf joined;
	sb_init(&joined);
	if (lead_text)
		sb_puts(&joined, lead_text);
	if (lead_text && text)
		sb_puts(&joined, " — ");
	if (text)
		sb_puts(&joined, text);
	if (joined.failed)
		o->out->failed = 1;
	wrap(o, joined.buf, o->hang, o->hang);
	sb_free(&joined);
}

static void sub(rw_out *o, const char *text)
{
	spaces(o->out, o->hang);
	wrap(o, text, o->hang, o->hang);
}

/* Drops the spaces that padding left at the end of the current line. */
static void end_line(strbuf *sb)
{
	while (sb->len && sb->buf[sb->len - 1] == ' ')
		sb->buf[--sb->len] = '\0';
	sb_puts(sb, "\n");
}

/* One cell of n bytes padded to width columns. */
static void cell(strbuf *sb, const char *s, size_t n, size_t width, int right)
{
	size_t w = ac_render_width(s, n);
	size_t pad = w < width ? width - w : 0;
	if (right)
		spaces(sb, pad);
	ac_render_put_clean(sb, s, n);
	if (!right)
		spaces(sb, pad);
}

/* A table too wide for the width: each row as "first cell" on its own line,
 * then "Header: value" for the other columns, wrapped under it. */
static void table_as_blocks(rw_out *o, const rw_table *t, size_t ncols)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const char *const *row = t->cells + r * t->ncols;
		spaces(o->out, KEY_INDENT);
		wrap(o, row[0], KEY_INDENT, KEY_INDENT + 2);
		strbuf rest;
		sb_init(&rest);
		for (size_t c = 1; c < ncols; c++)
			sb_printf(&rest, "%s%s: %s", c > 1 ? "; " : "", t->head[c], row[c]);
		if (rest.failed)
			o->out->failed = 1;
		spaces(o->out, KEY_INDENT + 2);
		wrap(o, rest.failed ? "" : rest.buf, KEY_INDENT + 2, KEY_INDENT + 2);
		sb_free(&rest);
	}
}

static void table(rw_out *o, const rw_table *t)
{
	enum { GAP = 2, MAX_COLS = 8 };
	size_t width[MAX_COLS], total = KEY_INDENT;
	size_t ncols = t->ncols < MAX_COLS ? t->ncols : MAX_COLS;
	for (size_t c = 0; c < ncols; c++) {
		width[c] = ac_render_width(t->head[c], strlen(t->head[c]));
		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t w = ac_render_width(s, strlen(s));
			if (w > width[c])
				width[c] = w;
		}
		total += width[c] + (c ? GAP : 0);
	}
	/* Too wide: the first column gives way and its text wraps; when even
	 * that does not fit, each row becomes a block of its own. */
	if (total > o->width) {
		size_t over = total - o->width;
		if (width[0] < over + 12) {
			table_as_blocks(o, t, ncols);
			return;
		}
		width[0] -= over;
	}
	for (size_t c = 0; c < ncols; c++) {
		spaces(o->out, c ? GAP : KEY_INDENT);
		cell(o->out, t->head[c], strlen(t->head[c]), width[c], t->right[c]);
	}
	end_line(o->out);
	for (size_t c = 0; c < ncols; c++) {
		spaces(o->out, c ? GAP : KEY_INDENT);
		repeat(o->out, "-", width[c]);
	}
	end_line(o->out);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *const *row = t->cells + r * t->ncols;
		const char *p = row[0], *end = p + strlen(p), *line;
		size_t n;
		int more = ac_render_next_line(&p, end, width[0], &line, &n);
		spaces(o->out, KEY_INDENT);
		cell(o->out, more ? line : "", more ? n : 0, width[0], t->right[0]);
		for (size_t c = 1; c < ncols; c++) {
			spaces(o->out, GAP);
			cell(o->out, row[c], strlen(row[c]), width[c], t->right[c]);
		}
		end_line(o->out);
		while (ac_render_next_line(&p, end, width[0], &line, &n)) {
			spaces(o->out, KEY_INDENT);
			cell(o->out, line, n, width[0], t->right[0]);
			end_line(o->out);
		}
	}
}

static void rule(rw_out *o)
{
	repeat(o->out, "-", 20);
	sb_puts(o->out, "\n");
}

const rw_writer *ac_text_writer(void)
{
	static const rw_writer writer = {title, heading, para, lead, field, item, sub,
					 table, rule,    NULL, NULL, NULL,  0};
	return &writer;
}
