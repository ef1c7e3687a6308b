/*
 * html.c — the writer for HTML: a self-contained page (inline style, charts
 * as inline SVG, no scripts, nothing fetched from elsewhere) that reads well
 * on a screen and prints well.  Every text is escaped; the writer keeps track
 * of the list and the section it has open, so the walk hands it blocks just
 * as it does to the text and Markdown writers.
 */
#include <math.h>
#include <string.h>

#include "render/render.h"

/* What the writer has open (rw_out.open). */
enum { OPEN_SECTION = 1, OPEN_UL = 2, OPEN_OL = 4, OPEN_DL = 8, OPEN_LI = 16 };

/* 1 for each byte ac_html_text does not copy as it is: the five that
 * would read as markup, DEL, the control characters but tab, newline and
 * carriage return, and the NUL that ends the text. */
static const unsigned char html_stop[256] = {
	[0] = 1,    [1] = 1,    [2] = 1,    [3] = 1,    [4] = 1,    [5] = 1,    [6] = 1,    [7] = 1,    [8] = 1,
	[0x0b] = 1, [0x0c] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['&'] = 1,  ['<'] = 1,  ['>'] = 1,  ['"'] = 1,  ['\''] = 1, [0x7f] = 1,
};

/* Escapes what HTML reads as markup; control characters, which a page must
 * not hold, become spaces. */
void ac_html_text(strbuf *sb, const char *s)
{
	for (const char *run = s; s && *s; run = s) {
		while (!html_stop[(unsigned char)*s])
			s++;
		sb_putn(sb, run, (size_t)(s - run));
		switch (*s) {
		case '\0': return;
		case '&': sb_puts(sb, "&amp;"); break;
		case '<': sb_puts(sb, "&lt;"); break;
		case '>': sb_puts(sb, "&gt;"); break;
		case '"': sb_puts(sb, "&quot;"); break;
		case '\'': sb_puts(sb, "&#39;"); break;
		default: sb_puts(sb, " "); break;
		}
		s++;
	}
}

static void text(strbuf *sb, const char *s)
{
	ac_html_text(sb, s);
}

static void close_list(rw_out *o)
{
	if (o->open & OPEN_LI)
		sb_puts(o->out, "</li>\n");
	if (o->open & OPEN_UL)
		sb_puts(o->out, "</ul>\n");
	if (o->open & OPEN_OL)
		sb_puts(o->out, "</ol>\n");
	if (o->open & OPEN_DL)
		sb_puts(o->out, "</dl>\n");
	o->open &= OPEN_SECTION;
}

static void close_section(rw_out *o)
{
	close_list(o);
	if (o->open & OPEN_SECTION)
		sb_puts(o->out, "</section>\n");
	o->open = 0;
}

static void element(rw_out *o, const char *tag, const char *s)
{
	sb_puts(o->out, "<");
	sb_puts(o->out, tag);
	sb_puts(o->out, ">");
	text(o->out, s);
	sb_puts(o->out, "</");
	sb_puts(o->out, tag);
	sb_puts(o->out, ">\n");
}

static void title(rw_out *o, const char *s)
{
	close_section(o);
	element(o, "h1", s);
}

static void heading(rw_out *o, const char *s)
{
	close_section(o);
	sb_puts(o->out, "<section>\n");
	o->open = OPEN_SECTION;
	element(o, "h2", s);
}

static void para(rw_out *o, const char *s)
{
	close_list(o);
	element(o, "p", s);
}

static void lead(rw_out *o, const char *label, const char *s)
{
	close_list(o);
	sb_puts(o->out, "<p class=\"lead\"><strong>");
	text(o->out, label);
	sb_puts(o->out, ":</strong> ");
	text(o->out, s);
	sb_puts(o->out, "</p>\n");
}

static void field(rw_out *o, const char *key, const char *value)
{
	if (!(o->open & OPEN_DL)) {
		close_list(o);
		sb_puts(o->out, "<dl>\n");
		o->open |= OPEN_DL;
	}
	sb_puts(o->out, "<div><dt>");
	text(o->out, key);
	sb_puts(o->out, "</dt><dd>");
	text(o->out, value);
	sb_puts(o->out, "</dd></div>\n");
}

/* A word for a mark, said to a screen reader in place of the sign. */
static const char *mark_words(rw_out *o, rw_mark mark)
{
	static const int keys[] = {0, AC_W_VALUE_YES, AC_W_VALUE_NO, AC_W_VALUE_UNKNOWN};
	return o->words && mark != RW_BULLET && mark != RW_NUMBER ? ac_word(o->words, keys[mark]) : NULL;
}

static void item(rw_out *o, rw_mark mark, int number, const char *lead_text, const char *s)
{
	static const char *const classes[] = {"", " class=\"yes\"", " class=\"no\"", " class=\"unknown\""};
	static const char *const signs[] = {"", "\xe2\x9c\x93", "\xe2\x9c\x97", "?"}; /* ✓ ✗ ? */
	unsigned want = mark == RW_NUMBER ? OPEN_OL : OPEN_UL;
	if (!(o->open & want)) {
		close_list(o);
		sb_puts(o->out, want == OPEN_OL ? "<ol>\n" : "<ul>\n");
		o->open |= want;
	} else if (o->open & OPEN_LI) {
		sb_puts(o->out, "</li>\n");
	}
	o->open |= OPEN_LI;
	sb_puts(o->out, "<li");
	if (mark == RW_NUMBER)
		sb_printf(o->out, " value=\"%d\"", number);
	else
		sb_puts(o->out, classes[mark]);
	if (o->ref) {
		sb_puts(o->out, " data-ref=\"");
		text(o->out, o->ref);
		sb_puts(o->out, "\"");
	}
	sb_puts(o->out, ">");
	const char *said = mark_words(o, mark);
	if (said) {
		sb_puts(o->out, "<span class=\"mark\" aria-hidden=\"true\">");
		sb_puts(o->out, signs[mark]);
		sb_puts(o->out, "</span><span class=\"vh\">");
		text(o->out, said);
		sb_puts(o->out, ": </span>");
	}
	if (lead_text) {
		sb_puts(o->out, "<strong>");
		text(o->out, lead_text);
		sb_puts(o->out, "</strong>");
		if (s)
			sb_puts(o->out, " — ");
	}
	text(o->out, s);
	sb_puts(o->out, "\n");
}

static void sub(rw_out *o, const char *s)
{
	sb_puts(o->out, o->open & OPEN_LI ? "<p class=\"sub\">" : "<p>");
	text(o->out, s);
	sb_puts(o->out, "</p>\n");
}

/* One row; a data cell carries its column's header, which a narrow screen
 * shows before the value when the rows are stacked. */
static void row(strbuf *sb, const rw_table *t, const char *const *cells, int head)
{
	sb_puts(sb, "<tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		sb_puts(sb, head ? "<th scope=\"col\"" : "<td");
		if (t->right[c])
			sb_puts(sb, " class=\"n\"");
		if (!head && c) {
			sb_puts(sb, " data-label=\"");
			text(sb, t->head[c]);
			sb_puts(sb, "\"");
		}
		sb_puts(sb, ">");
		text(sb, cells[c]);
		sb_puts(sb, head ? "</th>" : "</td>");
	}
	sb_puts(sb, "</tr>\n");
}

static void table(rw_out *o, const rw_table *t)
{
	close_list(o);
	sb_puts(o->out, "<table>\n<thead>");
	row(o->out, t, t->head, 1);
	sb_puts(o->out, "</thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++)
		row(o->out, t, t->cells + r * t->ncols, 0);
	sb_puts(o->out, "</tbody>\n</table>\n");
}

static void rule(rw_out *o)
{
	close_section(o);
	sb_puts(o->out, "<hr>\n");
}

/* ------------------------------------------------------------ charts */

/* Geometry, in SVG user units (the picture scales to its box). */
enum {
	WIDTH = 400,
	BAR_W = 340, /* a full bar; its figure is written after it */
	ROW = 36, /* a bar's label above it, then the bar */
	BAR_H = 12
};

static int px(double fraction, int width)
{
	double f = !isfinite(fraction) ? 0 : fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
	return (int)lround(f * width);
}

/* A text at (x, y), anchored so that it stays inside the picture. */
static void label_at(strbuf *sb, int x, int y, const char *s, const char *cls)
{
	const char *anchor = x < 60 ? "start" : x > WIDTH - 60 ? "end" : "middle";
	sb_printf(sb, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s%s%s>", x, y, anchor, cls ? " class=\"" : "",
		  cls ? cls : "", cls ? "\"" : "");
	text(sb, s);
	sb_puts(sb, "</text>\n");
}

static void chart_bars(strbuf *sb, const rw_chart *c)
{
	int axis = (int)c->n * ROW + 6, height = axis + (c->marked ? 40 : 22);
	sb_printf(sb, "viewBox=\"0 0 %d %d\">\n", WIDTH, height);
	for (size_t i = 0; i < c->n; i++) {
		const rw_bar *b = &c->bars[i];
		int y = (int)i * ROW, w = px(b->value, BAR_W);
		sb_printf(sb, "<text x=\"0\" y=\"%d\">", y + 14);
		text(sb, b->label);
		sb_printf(sb, "</text>\n<rect class=\"bar\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>", y + 18, w,
			  BAR_H);
		sb_printf(sb, "<text x=\"%d\" y=\"%d\">", w + 5, y + 18 + BAR_H - 1);
		text(sb, b->figure);
		sb_puts(sb, "</text>\n");
	}
	sb_printf(sb, "<line class=\"axis\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", axis, BAR_W, axis);
	label_at(sb, 0, axis + 16, c->axis[0], NULL);
	sb_printf(sb, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", BAR_W, axis + 16);
	text(sb, c->axis[1]);
	sb_puts(sb, "</text>\n");
	if (c->marked) {
		int x = px(c->mark, BAR_W);
		sb_printf(sb, "<line class=\"mark\" x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\"/>\n", x, x, axis + 4);
		label_at(sb, x, axis + 34, c->mark_label, "strong");
	}
}

static void chart_scale(strbuf *sb, const rw_chart *c)
{
	enum { LEFT = 8, SPAN = WIDTH - 2 * LEFT, AXIS = 44 };
	sb_printf(sb, "viewBox=\"0 0 %d %d\">\n", WIDTH, AXIS + 58);
	sb_printf(sb, "<rect class=\"scale\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\"/>\n", LEFT, AXIS - 4, SPAN);
	if (c->banded) {
		int x0 = LEFT + px(c->low, SPAN), x1 = LEFT + px(c->high, SPAN);
		sb_printf(sb, "<rect class=\"band\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\"/>\n", x0, AXIS - 10,
			  x1 - x0 < 4 ? 4 : x1 - x0);
		label_at(sb, (x0 + x1) / 2, AXIS - 16, c->band_label, NULL);
	}
	if (c->marked) {
		int x = LEFT + px(c->mark, SPAN);
		sb_printf(sb,
			  "<path class=\"pin\" d=\"M%d %dl-7 -12h14z\"/><line class=\"pin\" x1=\"%d\" y1=\"%d\" "
			  "x2=\"%d\" "
			  "y2=\"%d\"/>\n",
			  x, AXIS - 4, x, AXIS - 4, x, AXIS + 14);
		label_at(sb, x, AXIS + 30, c->mark_label, "strong");
	}
	label_at(sb, LEFT, AXIS + 52, c->axis[0], NULL);
	label_at(sb, WIDTH - LEFT, AXIS + 52, c->axis[1], NULL);
}

static void chart(rw_out *o, const rw_chart *c)
{
	strbuf *sb = o->out;
	close_list(o);
	sb_puts(sb, "<figure>\n<figcaption><p><strong>");
	text(sb, c->title);
	sb_puts(sb, "</strong></p>");
	if (c->desc) {
		sb_puts(sb, "<p>");
		text(sb, c->desc);
		sb_puts(sb, "</p>");
	}
	sb_puts(sb, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"");
	text(sb, c->title);
	sb_puts(sb, "\" ");
	if (c->kind == RW_CHART_SCALE)
		chart_scale(sb, c);
	else
		chart_bars(sb, c);
	sb_puts(sb, "</svg>\n</figure>\n");
}

/* ------------------------------------------------------------ the page */

/* The page's whole style: the report must read (and print) without anything
 * else.  Colours keep a contrast of at least 4.5:1 on white. */
static const char style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;max-width:48rem;margin:2rem auto;"
	"padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}\n"
	"h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}\n"
	"h2{font-size:1.2rem;line-height:1.3;margin:2rem 0 .5rem;padding-top:.75rem;border-top:1px solid #d0d7de}\n"
	"p{margin:.5rem 0}\n"
	"h1+.lead{font-size:1.15rem;padding:.75rem 1rem;border-left:.4rem solid #2f5f8f;background:#eef4fa}\n"
	"dl{margin:.5rem 0}\n"
	"dl>div{display:grid;grid-template-columns:minmax(9rem,15rem) 1fr;gap:0 1rem;padding:.15rem 0}\n"
	"dt{font-weight:600}\ndd{margin:0}\n"
	"ul,ol{padding-left:1.6rem;margin:.5rem 0}\nli{margin:.3rem 0}\n"
	"li.yes,li.no,li.unknown{list-style:none;position:relative}\n"
	".mark{position:absolute;left:-1.4rem;font-weight:700}\n"
	"li.yes .mark{color:#1a7f37}\nli.no .mark{color:#b42318}\nli.unknown .mark{color:#7a5b00}\n"
	".sub{margin:.15rem 0 0;color:#444}\n"
	"table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}\n"
	"th,td{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;"
	"overflow-wrap:break-word}\n"
	"th{font-weight:600}\n.n{text-align:right;white-space:nowrap}\n"
	"figure{margin:1rem 0}\nfigcaption{font-size:.95rem;margin-bottom:.4rem}\nfigcaption p{margin:.2rem 0}\n"
	"figure svg{display:block;width:100%;max-width:30rem;height:auto;font-size:13px;fill:#1b1b1b}\n"
	"svg text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\n"
	"svg .bar{fill:#2f5f8f}\nsvg .axis,svg .pin{stroke:#1b1b1b;stroke-width:1.5}\n"
	"svg .mark{stroke:#9a3b00;stroke-width:2;stroke-dasharray:5 4}\n"
	"svg .scale{fill:#d0d7de}\nsvg .band{fill:#7ba7d6;stroke:#2f5f8f}\nsvg .strong{font-weight:700}\n"
	"hr{border:0;border-top:1px solid #d0d7de;margin:2rem 0 1rem}\n"
	".vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);"
	"white-space:nowrap;border:0}\n"
	"@media (max-width:36rem){body{margin:1rem auto}dl>div{grid-template-columns:1fr}"
	"table,tbody,tr,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;"
	"clip:rect(0 0 0 0)}tr{border-bottom:1px solid #ccc;padding:.4rem 0}td{border:0;padding:0}"
	"td:first-child{font-weight:600}td+td::before{content:attr(data-label) \": \";color:#444}.n{text-align:left}}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}h2{break-after:avoid}"
	"figure,tr,li,dl>div{break-inside:avoid}}\n";

static void begin(rw_out *o, const char *page_title)
{
	const char *lang = o->words ? ac_word(o->words, AC_W_REPORT_LANGUAGE) : "en";
	sb_puts(o->out, "<!DOCTYPE html>\n<html lang=\"");
	text(o->out, lang);
	sb_puts(o->out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	text(o->out, page_title);
	sb_puts(o->out, "</title>\n<style>\n");
	sb_puts(o->out, style);
	sb_puts(o->out, "</style>\n</head>\n<body>\n<main>\n");
}

static void end(rw_out *o)
{
	close_section(o);
	sb_puts(o->out, "</main>\n</body>\n</html>\n");
}

const rw_writer *ac_html_writer(void)
{
	static const rw_writer writer = {title, heading, para,  lead,  field, item, sub,
					 table, rule,    chart, begin, end,   1};
	return &writer;
}
