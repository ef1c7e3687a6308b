/*
 * render_markdown.c — the writer for Markdown (CommonMark with GitHub's task
 * lists and tables).  Text from the profile or the engine is escaped so that
 * it always reads as plain words, never as markup.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "render/render.h"

static int is_word(char c)
{
	return isalnum((unsigned char)c) || ((unsigned char)c & 0x80);
}

/* 1 for each byte text_at does not copy as it is: the control characters
 * and DEL, the marks of Markdown's markup, the underscore (which depends on
 * its neighbours) and the NUL that ends the text. */
static const unsigned char md_stop[256] = {
	[0] = 1,    [1] = 1,    [2] = 1,    [3] = 1,    [4] = 1,    [5] = 1,    [6] = 1,    [7] = 1,    [8] = 1,
	[9] = 1,    [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1,
	[0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [0x7f] = 1, ['\\'] = 1, ['`'] = 1,  ['*'] = 1,
	['['] = 1,  [']'] = 1,  ['<'] = 1,  ['>'] = 1,  ['|'] = 1,  ['~'] = 1,  ['_'] = 1,
};

/* Writes text on one line, escaping what Markdown would read as markup.  An
 * underscore inside a word cannot start emphasis, so it stays as it is.
 * at_start: the text opens a block, where "#", "-", "+" or "1." would start a
 * heading or a list.  The runs between the bytes that need a look are
 * copied whole. */
static void text_at(strbuf *sb, const char *s, int at_start)
{
	if (!s)
		return;
	size_t digits = strspn(s, "0123456789");
	if (at_start && *s && strchr("#-+", *s))
		sb_puts(sb, "\\");
	/* Where "1." or "1)" would open a numbered list: escaped too. */
	size_t list = at_start && digits && (s[digits] == '.' || s[digits] == ')') ? digits : (size_t)-1;
	for (size_t i = 0, run = 0;; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!md_stop[c] && i != list)
			continue;
		sb_putn(sb, s + run, i - run);
		run = i; /* the byte itself goes with the next run, unless dropped */
		if (!c)
			return;
		if (c < 0x20 || c == 0x7f) {
			if (i == 0 || !isspace((unsigned char)s[i - 1]))
				sb_putn(sb, " ", 1);
			run = i + 1;
		} else if (c != '_' || !(i > 0 && is_word(s[i - 1]) && is_word(s[i + 1]))) {
			sb_putn(sb, "\\", 1);
		}
	}
}

static void text(strbuf *sb, const char *s)
{
	text_at(sb, s, 0);
}

void ac_render_md_text(strbuf *sb, const char *s)
{
	text_at(sb, s, 0);
}

static void strong(strbuf *sb, const char *s)
{
	sb_puts(sb, "**");
	text(sb, s);
	sb_puts(sb, "**");
}

/* A one-line block: a fixed prefix, then text. */
static void line(rw_out *o, const char *prefix, const char *s)
{
	sb_puts(o->out, prefix);
	text(o->out, s);
	sb_puts(o->out, "\n");
}

static void title(rw_out *o, const char *s)
{
	line(o, "# ", s);
}

static void heading(rw_out *o, const char *s)
{
	line(o, "## ", s);
}

static void para(rw_out *o, const char *s)
{
	text_at(o->out, s, 1);
	sb_puts(o->out, "\n");
}

static void lead(rw_out *o, const char *label, const char *s)
{
	sb_puts(o->out, "**");
	text(o->out, label);
	sb_puts(o->out, ":** ");
	text(o->out, s);
	sb_puts(o->out, "\n");
}

static void field(rw_out *o, const char *key, const char *value)
{
	sb_puts(o->out, "- ");
	lead(o, key, value);
}

static void item(rw_out *o, rw_mark mark, int number, const char *lead_text, const char *s)
{
	static const char *const marks[] = {"- ", "- [x] ", "- [ ] ", "- [?] "};
	if (mark == RW_NUMBER)
		sb_printf(o->out, "%d. ", number);
	else
		sb_puts(o->out, marks[mark]);
	if (lead_text)
		strong(o->out, lead_text);
	if (lead_text && s)
		sb_puts(o->out, " — ");
	text(o->out, s);
	sb_puts(o->out, "\n");
}

static void sub(rw_out *o, const char *s)
{
	line(o, "   - ", s);
}

static void row(strbuf *sb, const char *const *cells, size_t n)
{
	sb_puts(sb, "|");
	for (size_t c = 0; c < n; c++) {
		sb_puts(sb, " ");
		text(sb, cells[c]);
		sb_puts(sb, " |");
	}
	sb_puts(sb, "\n");
}

static void table(rw_out *o, const rw_table *t)
{
	row(o->out, t->head, t->ncols);
	sb_puts(o->out, "|");
	for (size_t c = 0; c < t->ncols; c++)
		sb_puts(o->out, t->right[c] ? " ---: |" : " --- |");
	sb_puts(o->out, "\n");
	for (size_t r = 0; r < t->nrows; r++)
		row(o->out, t->cells + r * t->ncols, t->ncols);
}

static void rule(rw_out *o)
{
	sb_puts(o->out, "---\n");
}

const rw_writer *ac_markdown_writer(void)
{
	static const rw_writer writer = {title, heading, para, lead, field, item, sub,
					 table, rule,    NULL, NULL, NULL,  0};
	return &writer;
}
