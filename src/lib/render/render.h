/*
 * render.h — internal interface of the renderers behind ac_render().  JSON is
 * built as a tree (json.c); text, Markdown and HTML share one walk over the
 * report (report.c) that calls a small "writer" for each kind of block.
 */
#ifndef AICERT_RENDER_H
#define AICERT_RENDER_H

#include <stddef.h>

#include <jansson.h>

#include "aicert.h"
#include "core/alloc.h"
#include "core/strbuf.h"
#include "model/assessment.h"
#include "policy/wording.h"

/* Where a writer puts its blocks.  hang is the indent the text writer used
 * for the last list item, so a sub-line can line up under it; width is the
 * line length text wraps at; color is 1 when terminal colours may be used.
 * words is the wording (NULL outside a report); open is the list or section
 * the HTML writer has open; ref, when set, names in the JSON document the
 * thing the next list item says (the HTML writer keeps it as data-ref, for
 * a page that acts on it). */
typedef struct {
	strbuf *out;
	size_t hang;
	size_t width;
	int color;
	const ac_wording *words;
	unsigned open;
	const char *ref;
} rw_out;

/* How a list item is marked: a bullet, a met / unmet / unknown check, or a
 * number. */
typedef enum { RW_BULLET, RW_YES, RW_NO, RW_UNKNOWN, RW_NUMBER } rw_mark;

/* A table of plain-text cells, row by row.  The first column may be wrapped
 * by the text writer when the table is too wide. */
typedef struct {
	size_t ncols, nrows;
	const char *const *head; /* ncols headers */
	const char *const *cells; /* nrows * ncols cells */
	const int *right; /* per column: 1 to align right */
} rw_table;

/* A chart, drawn by the formats that can draw (HTML); the others skip it,
 * since the blocks around it say the same figures.  RW_CHART_BARS: one bar
 * per row, its length value (0..1 of the axis), its figure written after
 * it, and a line across the rows at mark when marked.  RW_CHART_SCALE: one
 * axis from 0 to 1, a band from low to high (when banded) and a marker at
 * mark.  axis[] labels the two ends. */
typedef enum { RW_CHART_BARS = 1, RW_CHART_SCALE } rw_chart_kind;
typedef struct {
	const char *label; /* short enough for one line (ac_render_clip) */
	const char *figure;
	double value;
} rw_bar;
typedef struct {
	rw_chart_kind kind;
	const char *title; /* a short caption */
	const char *desc; /* one or two sentences on how to read it */
	const rw_bar *bars;
	size_t n;
	const char *axis[2];
	int marked;
	double mark;
	const char *mark_label;
	int banded;
	double low, high;
	const char *band_label;
} rw_chart;

/* One output format's way of writing each block.  Every text argument is
 * plain text (the writer escapes what its format needs); each call writes a
 * whole block ending in a newline; blank lines between blocks are the walk's
 * job.  lead and text of item may be NULL. */
typedef struct {
	void (*title)(rw_out *o, const char *text);
	void (*heading)(rw_out *o, const char *text);
	void (*para)(rw_out *o, const char *text);
	void (*lead)(rw_out *o, const char *label, const char *text);
	void (*field)(rw_out *o, const char *key, const char *value);
	void (*item)(rw_out *o, rw_mark mark, int number, const char *lead, const char *text);
	void (*sub)(rw_out *o, const char *text);
	void (*table)(rw_out *o, const rw_table *t);
	void (*rule)(rw_out *o);
	/* Optional (NULL in the text formats): a chart; the start of a
	 * document with its title, and its end. */
	void (*chart)(rw_out *o, const rw_chart *c);
	void (*begin)(rw_out *o, const char *title);
	void (*end)(rw_out *o);
	int tagged; /* 1: tags delimit the blocks, so no blank line goes between them */
} rw_writer;

const rw_writer *ac_text_writer(void);
const rw_writer *ac_markdown_writer(void);
/* HTML (html.c): one self-contained page, every text escaped, inline style,
 * charts as inline SVG, no scripts. */
const rw_writer *ac_html_writer(void);
/* Appends s with HTML's special characters escaped (also for attributes). */
void ac_html_text(strbuf *sb, const char *s);

/* The text, Markdown or HTML report, appended to out, at the options' width
 * and colours (o NULL: the defaults). */
ac_status ac_render_report(const ac_assessment *a, const rw_writer *w, const ac_render_options *o, strbuf *out);

/* The options with their defaults filled in: width 78 (at least 40, at most
 * 1000), no colour. */
void ac_render_options_resolve(const ac_render_options *in, size_t *width, int *color);
/* The JSON document of ASSESSMENT.md, appended to out. */
ac_status ac_render_json(const ac_assessment *a, strbuf *out);
/* The same document, laid out with a two-space indent or (compact) on one
 * line with no space between tokens, as batch runs write it. */
ac_status ac_render_json_layout(const ac_assessment *a, int compact, strbuf *out);

/* Writes a JSON document (two-space indent, keys in insertion order, final
 * newline) into a new string and releases root; NULL root means it could not
 * be built (out of memory).  failures is ac_mem_failures() from before root
 * was built: jansson leaves out a member it could not store, so a tree built
 * while an allocation failed is not written. */
ac_status ac_render_json_value(json_t *root, unsigned long failures, char **out, size_t *len);

/* `occupations search` and `occupations show` (render/occupation.c). */
ac_status ac_render_occupation_matches(const char *words, const ac_occ_match *m, size_t n, ac_format format, char **out,
				       size_t *len);
/* groups (may be NULL): the tasks grouped by category, written in JSON as
 * task_groups, a task mix to start from. */
ac_status ac_render_occupation(const ac_occupation *o, const ac_occdata_info *info, const ac_task_groups *groups,
			       ac_format format, char **out, size_t *len);

/* Helpers both kinds of renderer share. */

/* Fills motives[] with the AC_MOT_* values set in bits, in enum order;
 * returns how many (at most AC_MOT__COUNT). */
size_t ac_render_motives(unsigned bits, int motives[AC_MOT__COUNT]);
/* Fills names[] with the certificate's cost fields whose value is unknown, in
 * output order; returns how many (at most 8). */
size_t ac_render_unknown_costs(const ac_assessment *a, const char *names[8]);
/* Fills names[] with the data sources an occupation's figures came from;
 * returns how many (at most 4). */
size_t ac_render_occ_sources(const ac_occupation *occ, const char *names[4]);
/* x rounded to `decimals` places (0 for NaN or infinity). */
double ac_render_round(double x, int decimals);

/* n spaces, copied in runs. */
void ac_render_spaces(strbuf *sb, size_t n);

/* Copies n bytes of text with each run of whitespace as one space and
 * control characters (which could drive a terminal) escaped (ac_utf8_escape). */
void ac_render_put_clean(strbuf *sb, const char *s, size_t n);
/* sb_take for a text without colours (catalogue, comparison, occupations):
 * every control character in it but the newline came from the data, and is
 * escaped (ac_utf8_escape) so that it cannot drive the terminal. */
char *ac_render_take_clean(strbuf *sb, size_t *len);
/* The start and end of such a text: the built-in wording into *words and an
 * empty buffer (AC_OK, or why the wording could not be read: nothing to
 * end); then the buffer taken clean into *out (AC_ENOMEM when memory ran
 * out while it was written). */
ac_status ac_render_text_begin(const ac_wording **words, strbuf *sb);
ac_status ac_render_text_end(strbuf *sb, char **out, size_t *len);
/* What a command shows, as JSON or as such a text (catalogue, comparison,
 * occupations): for AC_FORMAT_JSON the tree json(data) builds, written by
 * ac_render_json_value; for a format in texts (a mask of 1u << AC_FORMAT_*;
 * 0: every format but JSON) what text writes from data, between
 * ac_render_text_begin and ac_render_text_end; AC_EINPUT for any other. */
typedef json_t *ac_render_json_fn(const void *data);
typedef void ac_render_text_fn(strbuf *sb, const ac_wording *words, ac_format format, const void *data);
ac_status ac_render_shown(ac_format format, unsigned texts, ac_render_json_fn *json, ac_render_text_fn *text,
			  const void *data, char **out, size_t *len);
/* Writes text from column col (the caller wrote what precedes it), wrapping
 * at width columns; later lines start at column indent.  Ends the line. */
void ac_render_wrapped(strbuf *sb, const char *text, size_t col, size_t indent, size_t width);
/* `certs list|search|show` with a policy (NULL: none), whose [preparation]
 * estimate stands in, marked, for hours no source gives (text only). */
ac_status ac_certs_render_with(const ac_catalogue *cat, const ac_policy *pol, const ac_cert_filter *f, ac_format format,
			       const ac_render_options *o, char **out, size_t *len);
ac_status ac_cert_render_with(const ac_cert *c, const ac_policy *pol, ac_format format, char **out, size_t *len);

/* Appends s as Markdown text, escaped so it cannot start markup. */
void ac_render_md_text(strbuf *sb, const char *s);

/* Appends s, or its first max characters and "…" when it is longer. */
void ac_render_clip(strbuf *sb, const char *s, size_t max);

/* Display columns of n bytes of UTF-8 (code points, not bytes). */
size_t ac_render_width(const char *s, size_t n);
/* Cuts the next line of at most width columns from the text from *p to
 * end, breaking at spaces (a longer word gets a line of its own).  Sets
 * *line and *n to the line without surrounding spaces and advances *p;
 * returns 0 at the end. */
int ac_render_next_line(const char **p, const char *end, size_t width, const char **line, size_t *n);

#endif
