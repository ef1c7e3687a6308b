/*
 * report_blocks.c — the small tools of the report walk (report.h): blocks
 * handed to the writer with the blank lines between them, words from the
 * wording file, and figures formatted once (figures.c) so every section says
 * the same number the same way.
 */
#include <string.h>

#include "policy/figures.h"
#include "render/report_blocks.h"

void rp_begin(report *r, int kind)
{
	int in_list = (kind == B_FIELD && r->last == B_FIELD) ||
		      ((kind == B_ITEM || kind == B_SUB) && (r->last == B_ITEM || r->last == B_SUB));
	if (r->last != B_NONE && !in_list && !r->w->tagged)
		sb_puts(r->o.out, "\n");
	r->last = kind;
}

void rp_para(report *r, const char *text)
{
	rp_begin(r, B_PARA);
	r->w->para(&r->o, text);
}

void rp_lead(report *r, const char *label, const char *text)
{
	rp_begin(r, B_LEAD);
	r->w->lead(&r->o, label, text);
}

void rp_field(report *r, const char *key, const char *value)
{
	rp_begin(r, B_FIELD);
	r->w->field(&r->o, key, value);
}

void rp_item(report *r, rw_mark mark, int number, const char *lead, const char *text)
{
	rp_begin(r, B_ITEM);
	r->w->item(&r->o, mark, number, lead, text);
}

void rp_item_ref(report *r, const char *ref, const char *text)
{
	r->o.ref = ref;
	rp_item(r, RW_BULLET, 0, NULL, text);
	r->o.ref = NULL;
}

void rp_chart(report *r, const rw_chart *c)
{
	if (!r->w->chart)
		return;
	rp_begin(r, B_CHART);
	r->w->chart(&r->o, c);
}

void rp_sub(report *r, const char *text)
{
	rp_begin(r, B_SUB);
	r->w->sub(&r->o, text);
}

void rp_heading(report *r, const char *text)
{
	rp_begin(r, B_HEADING);
	r->w->heading(&r->o, text);
}

const char *rp_word(report *r, int key)
{
	return ac_word(r->words, key);
}

const char *rp_word_of(report *r, int family, int v)
{
	const char *s = ac_word_of(r->words, family, v);
	return s ? s : rp_word(r, AC_W_VALUE_UNKNOWN);
}

const char *rp_or_unknown(report *r, const char *s)
{
	return s ? s : rp_word(r, AC_W_VALUE_UNKNOWN);
}

const char *rp_tri(report *r, ac_tri t)
{
	return rp_word(r, t == AC_TRUE ? AC_W_VALUE_YES : t == AC_FALSE ? AC_W_VALUE_NO : AC_W_VALUE_UNKNOWN);
}

rw_mark rp_mark(ac_tri t)
{
	return t == AC_TRUE ? RW_YES : t == AC_FALSE ? RW_NO : RW_UNKNOWN;
}

const char *rp_say(report *r, int key, const char *const *args, size_t n)
{
	sb_clear(&r->said);
	ac_say(&r->said, r->words, key, args, n);
	return r->said.buf ? r->said.buf : "";
}

/* The figure put writes, in r->fig (cleared first; "" when it holds
 * nothing). */
static const char *fig(report *r, void (*put)(strbuf *, double), double x)
{
	sb_clear(&r->fig);
	put(&r->fig, x);
	return r->fig.buf ? r->fig.buf : "";
}

/* The same for a figure with a unit from the wording ("3 weeks"). */
static const char *fig_worded(report *r, void (*put)(strbuf *, const ac_wording *, double), double x)
{
	sb_clear(&r->fig);
	put(&r->fig, r->words, x);
	return r->fig.buf ? r->fig.buf : "";
}

const char *rp_percent(report *r, double fraction)
{
	return fig(r, ac_fig_percent, fraction);
}

const char *rp_money(report *r, ac_num usd)
{
	return usd.set ? fig(r, ac_fig_money, usd.v) : NULL;
}

const char *rp_weeks(report *r, double weeks)
{
	return fig_worded(r, ac_fig_weeks, weeks);
}

const char *rp_hours(report *r, double hours)
{
	return fig_worded(r, ac_fig_hours, hours);
}

const char *rp_months(report *r, double months)
{
	return fig_worded(r, ac_fig_months, months);
}

const char *rp_number(report *r, double x)
{
	return fig(r, ac_fig_number, x);
}

void rp_aux_reset(report *r)
{
	sb_clear(&r->aux);
}

const char *rp_aux(report *r)
{
	return r->aux.buf ? r->aux.buf : "";
}
