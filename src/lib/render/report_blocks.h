/*
 * report_blocks.h — what the parts of the text, Markdown and HTML report share: the
 * walk's state, the blocks it writes through a writer (text.c, markdown.c,
 * html.c), and the
 * words and figures it says them with (report_blocks.c).  report.c walks the
 * model's sections; report_why.c what explains the verdict and what would
 * change it.
 */
#ifndef AICERT_REPORT_BLOCKS_H
#define AICERT_REPORT_BLOCKS_H

#include "core/strbuf.h"
#include "policy/wording.h"
#include "render/render.h"

enum { B_NONE, B_TITLE, B_HEADING, B_PARA, B_LEAD, B_FIELD, B_ITEM, B_SUB, B_TABLE, B_RULE, B_CHART };

typedef struct {
	const ac_assessment *a;
	const rw_writer *w;
	const ac_wording *words;
	rw_out o;
	strbuf said; /* the last sentence say() filled in */
	strbuf aux; /* a value assembled from parts (lists, sentences) */
	strbuf fig; /* the last figure formatted */
	int last; /* the kind of the last block written */
	int nomem;
} report;

/* Blocks: a blank line separates blocks, except inside a list and where
 * tags delimit them (HTML). */
void rp_begin(report *r, int kind);
void rp_para(report *r, const char *text);
void rp_lead(report *r, const char *label, const char *text);
void rp_field(report *r, const char *key, const char *value);
/* A list item; lead or text may be NULL.  rp_item_ref also names what the
 * item says in the JSON document (ref, such as "what_changes.actions[0]"). */
void rp_item(report *r, rw_mark mark, int number, const char *lead, const char *text);
void rp_item_ref(report *r, const char *ref, const char *text);
/* A chart, when the writer draws charts. */
void rp_chart(report *r, const rw_chart *c);
void rp_sub(report *r, const char *text);
void rp_heading(report *r, const char *text);

/* Words: a text without placeholders; the word for value v of a family
 * (AC_WF_*), or "unknown"; yes / no / unknown. */
const char *rp_word(report *r, int key);
const char *rp_word_of(report *r, int family, int v);
const char *rp_or_unknown(report *r, const char *s);
const char *rp_tri(report *r, ac_tri t);
rw_mark rp_mark(ac_tri t);
/* The text of key with its placeholders filled (valid until the next call). */
const char *rp_say(report *r, int key, const char *const *args, size_t n);
#define RP_SAY(r, key, ...) rp_say(r, key, AC_ARGS(__VA_ARGS__))

/* Figures, each formatted as the policy's texts format it (figures.h);
 * valid until the next figure.  NULL for an unknown amount. */
const char *rp_percent(report *r, double fraction);
const char *rp_money(report *r, ac_num usd);
const char *rp_weeks(report *r, double weeks);
const char *rp_hours(report *r, double hours);
const char *rp_months(report *r, double months);
const char *rp_number(report *r, double x);

/* The assembled value: reset, append, read. */
void rp_aux_reset(report *r);
const char *rp_aux(report *r);

/* report_why.c: why this verdict, the flags, the four conditions, the five
 * questions, the alternatives, what would change the verdict, what is
 * unanswered, the warnings and the footer. */
void rp_explanations(report *r);

#endif
