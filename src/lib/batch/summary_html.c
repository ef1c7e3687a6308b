/*
 * summary_html.c — HTML for reports read in a browser: the writer of each
 * kind of block (escaping every text), a horizontal bar chart drawn as
 * inline SVG, and a self-contained page (inline style, no scripts, nothing
 * fetched from elsewhere).
 */
#include <string.h>

#include "batch/summary_html.h"

static void text(strbuf *sb, const char *s)
{
	for (const char *run = s; s && *s; run = s) {
		s += strcspn(s, "&<>\"'");
		sb_putn(sb, run, (size_t)(s - run));
		switch (*s) {
		case '&': sb_puts(sb, "&amp;"); break;
		case '<': sb_puts(sb, "&lt;"); break;
		case '>': sb_puts(sb, "&gt;"); break;
		case '"': sb_puts(sb, "&quot;"); break;
		case '\'': sb_puts(sb, "&#39;"); break;
		default: return;
		}
		s++;
	}
}

static void element(rw_out *o, const char *tag, const char *s)
{
	sb_printf(o->out, "<%s>", tag);
	text(o->out, s);
	sb_printf(o->out, "</%s>\n", tag);
}

static void title(rw_out *o, const char *s)
{
	element(o, "h1", s);
}

static void heading(rw_out *o, const char *s)
{
	element(o, "h2", s);
}

static void para(rw_out *o, const char *s)
{
	element(o, "p", s);
}

static void lead(rw_out *o, const char *label, const char *s)
{
	sb_puts(o->out, "<p><strong>");
	text(o->out, label);
	sb_puts(o->out, ":</strong> ");
	text(o->out, s);
	sb_puts(o->out, "</p>\n");
}

static void item(rw_out *o, rw_mark mark, int number, const char *lead_text, const char *s)
{
	static const char *const marks[] = {"", "[met] ", "[not met] ", "[unknown] "};
	if (mark == RW_NUMBER)
		sb_printf(o->out, "<ol start=\"%d\"><li>", number);
	else
		sb_printf(o->out, "<ul><li>%s", marks[mark]);
	if (lead_text) {
		sb_puts(o->out, "<strong>");
		text(o->out, lead_text);
		sb_puts(o->out, s ? "</strong> — " : "</strong>");
	}
	text(o->out, s);
	sb_puts(o->out, mark == RW_NUMBER ? "</li></ol>\n" : "</li></ul>\n");
}

static void sub(rw_out *o, const char *s)
{
	element(o, "p", s);
}

static void row(strbuf *sb, const char *tag, const char *const *cells, const int *right, size_t n)
{
	sb_puts(sb, "<tr>");
	for (size_t c = 0; c < n; c++) {
		sb_printf(sb, "<%s%s>", tag, right[c] ? " class=\"n\"" : "");
		text(sb, cells[c]);
		sb_printf(sb, "</%s>", tag);
	}
	sb_puts(sb, "</tr>\n");
}

static void table(rw_out *o, const rw_table *t)
{
	sb_puts(o->out, "<table>\n<thead>");
	row(o->out, "th", t->head, t->right, t->ncols);
	sb_puts(o->out, "</thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++)
		row(o->out, "td", t->cells + r * t->ncols, t->right, t->ncols);
	sb_puts(o->out, "</tbody>\n</table>\n");
}

static void rule(rw_out *o)
{
	sb_puts(o->out, "<hr>\n");
}

const rw_writer *ac_html_writer(void)
{
	static const rw_writer writer = {title, heading, para, lead, lead, item, sub, table, rule};
	return &writer;
}

/* Geometry of the chart, in SVG user units. */
enum { ROW = 24, LABEL = 80, BAR = 360, GAP = 6 };

void ac_html_chart(rw_out *o, const char *const *labels, const unsigned long long *values, size_t n,
		   const char *caption)
{
	unsigned long long max = 0;
	for (size_t i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	strbuf *sb = o->out;
	sb_printf(sb, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%zu\" "
		  "viewBox=\"0 0 %d %zu\" font-size=\"13\">\n<title>", LABEL + BAR + 60, n * ROW, LABEL + BAR + 60,
		  n * ROW);
	text(sb, caption);
	sb_puts(sb, "</title>\n");
	for (size_t i = 0; i < n; i++) {
		unsigned long long w = max ? (values[i] * BAR + max - 1) / max : 0;
		size_t y = i * ROW;
		sb_printf(sb, "<text x=\"0\" y=\"%zu\">", y + ROW - GAP - 3);
		text(sb, labels[i]);
		sb_printf(sb, "</text><rect x=\"%d\" y=\"%zu\" width=\"%llu\" height=\"%d\" fill=\"#3b6ea8\"/>"
			  "<text x=\"%llu\" y=\"%zu\">%llu</text>\n",
			  LABEL, y + GAP / 2, w, ROW - GAP, LABEL + w + 6, y + ROW - GAP - 3, values[i]);
	}
	sb_puts(sb, "</svg>\n<figcaption>");
	text(sb, caption);
	sb_puts(sb, "</figcaption>\n</figure>\n");
}

void ac_html_begin(strbuf *sb, const char *page_title)
{
	sb_puts(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	text(sb, page_title);
	sb_puts(sb, "</title>\n<style>\n"
		    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
		    "line-height:1.45;color:#1b1b1b}\n"
		    "table{border-collapse:collapse;margin:.5rem 0}\n"
		    "th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}\n"
		    ".n{text-align:right}\nfigure{margin:.5rem 0}\n"
		    "</style>\n</head>\n<body>\n<main>\n");
}

void ac_html_end(strbuf *sb)
{
	sb_puts(sb, "</main>\n</body>\n</html>\n");
}
