/*
 * compare.c — writes a comparison (model/compare.h) as text for a terminal,
 * as Markdown, as HTML, or as JSON (schema aicert/compare/v2).  Text,
 * Markdown and HTML walk the same parts in the same order — the rule,
 * whether anything earns pursue (and the best other path when nothing
 * does), the ranked rows, the notes — through one set of cells per row
 * (row_cells); HTML lays them out with the report's HTML writer (html.c).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "model/compare.h"
#include "policy/wording.h"
#include "render/render.h"

/* ------------------------------------------------------------ JSON */

static json_t *range_json(ac_num lo, ac_num hi)
{
	if (!lo.set || !hi.set)
		return json_null();
	json_t *a = json_array();
	json_array_append_new(a, json_real(round(lo.v * 10) / 10));
	json_array_append_new(a, json_real(round(hi.v * 10) / 10));
	return a;
}

static json_t *score_json(ac_num n)
{
	return n.set ? json_real(round(n.v * 100) / 100) : json_null();
}

static json_t *row_json(const ac_compare_row *x, size_t rank)
{
	json_t *e = json_object();
	json_object_set_new(e, "rank", json_integer((json_int_t)rank));
	json_object_set_new(e, "id", json_string(x->id));
	json_object_set_new(e, "name", ac_json_str(x->name));
	json_object_set_new(e, "provider", ac_json_str(x->provider));
	json_object_set_new(e, "url", ac_json_str(x->url));
	json_object_set_new(e, "level", ac_json_str(ac_enum_name(AC_ENUM_LEVEL, x->level)));
	json_object_set_new(e, "domain", ac_json_str(ac_enum_name(AC_ENUM_DOMAIN, x->domain)));
	json_object_set_new(e, "status", ac_json_str(ac_enum_name(AC_ENUM_STATUS, x->status)));
	json_object_set_new(e, "status_date", ac_json_str(x->status_date));
	json_object_set_new(e, "successor", ac_json_str(x->successor));
	json_object_set_new(e, "verdict", ac_json_str(ac_enum_name(AC_ENUM_VERDICT, x->verdict)));
	json_object_set_new(e, "reason", ac_json_str(x->reason));
	json_object_set_new(e, "reason_title", ac_json_str(x->reason_title));
	json_object_set_new(e, "fit", score_json(x->fit));
	json_object_set_new(e, "fits", ac_json_tri(x->fits));
	json_object_set_new(e, "gap_fit", ac_json_tri(x->gap_fit));
	json_object_set_new(e, "gap_score", score_json(x->gap_score));
	json_object_set_new(e, "gap_matched", ac_json_str(x->gap_matched));
	json_object_set_new(e, "role_fit", ac_json_tri(x->role_fit));
	json_object_set_new(e, "role_score", score_json(x->role_score));
	json_object_set_new(e, "role_matched", ac_json_str(x->role_matched));
	json_object_set_new(e, "level_suits", json_boolean(!x->off_level));
	json_object_set_new(e, "domain_suits", json_boolean(!x->off_domain));
	json_object_set_new(e, "cost_usd", ac_json_num(x->cost_usd));
	json_object_set_new(e, "cost_uncertain", json_boolean(x->cost_uncertain));
	json_object_set_new(e, "retake_usd", ac_json_num(x->retake_usd));
	json_object_set_new(e, "hours", ac_json_num(x->hours));
	json_object_set_new(e, "hours_estimated", json_boolean(x->hours_estimated));
	json_object_set_new(e, "hours_uncertain", json_boolean(x->hours_uncertain));
	json_object_set_new(e, "hours_low", x->hours_estimated ? ac_json_num(x->hours_low) : json_null());
	json_object_set_new(e, "hours_high", x->hours_estimated ? ac_json_num(x->hours_high) : json_null());
	json_object_set_new(e, "weeks", x->weeks.set ? json_real(round(x->weeks.v * 10) / 10) : json_null());
	json_object_set_new(e, "weeks_range", range_json(x->weeks_low, x->weeks_high));
	json_object_set_new(e, "total_cost_usd", ac_json_num(x->total_cost_usd));
	json_object_set_new(e, "within_budget", ac_json_tri(x->within_budget));
	json_object_set_new(e, "in_time", ac_json_tri(x->in_time));
	json_object_set_new(e, "available", ac_json_tri(x->available));
	json_object_set_new(e, "feasible", ac_json_tri(x->feasible));
	json_object_set_new(e, "why", json_string(x->why));
	return e;
}

static json_t *comparison_json(const ac_comparison *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "schema", json_string("aicert/compare/v2"));
	json_object_set_new(o, "label", ac_json_str(c->label));
	json_t *pj = json_object();
	json_object_set_new(pj, "name", ac_json_str(c->policy_name));
	json_object_set_new(pj, "version", ac_json_str(c->policy_version));
	json_object_set_new(o, "policy", pj);
	json_object_set_new(o, "rule", ac_json_str(c->statement));
	json_t *keys = json_array();
	for (size_t i = 0; i < c->n_keys; i++)
		json_array_append_new(keys, json_string(ac_rank_key_name(c->keys[i])));
	json_object_set_new(o, "keys", keys);
	json_object_set_new(o, "budget_and_time_set_aside", json_boolean(c->feasible_set_aside));
	json_object_set_new(o, "fits_from", json_real(c->fits_from));
	json_object_set_new(o, "any_pursue", json_boolean(c->n_pursue > 0));
	json_object_set_new(o, "pursue_count", json_integer((json_int_t)c->n_pursue));
	if (c->has_alternative) {
		json_t *aj = json_object();
		json_object_set_new(aj, "path", ac_json_str(ac_enum_name(AC_ENUM_PATH, c->alternative.path)));
		json_object_set_new(aj, "score", json_integer(c->alternative.score));
		json_object_set_new(aj, "why", ac_json_str(c->alternative.why));
		json_object_set_new(aj, "first_step", ac_json_str(c->alternative.first_step));
		json_object_set_new(o, "best_alternative", aj);
	} else {
		json_object_set_new(o, "best_alternative", json_null());
	}
	json_object_set_new(o, "profile_certification_ignored", ac_json_str(c->profile_cert));
	json_object_set_new(o, "considered", json_integer((json_int_t)c->n_rows));
	json_object_set_new(o, "left_out_retired", json_integer((json_int_t)c->left_out_retired));
	json_object_set_new(o, "left_out_unknown_cost", json_integer((json_int_t)c->left_out_unknown_cost));
	json_t *ranked = json_array();
	for (size_t i = 0; i < c->n_rows && i < c->top; i++)
		json_array_append_new(ranked, row_json(&c->rows[i], i + 1));
	json_object_set_new(o, "ranked", ranked);
	return o;
}

/* ------------------------------------------------------------ the cells of a row */

/* What text and Markdown show of one row, each a sentence part in words. */
typedef struct {
	strbuf title; /* "IAPP AI Governance Professional (iapp-aigp)" */
	strbuf verdict; /* "pursue: A named gap" */
	strbuf fit; /* "fit 72%: governance, eu ai act; level suits you" */
	strbuf money; /* "$799 (a figure only other pages give); retake $625" */
	strbuf time; /* "about 40 hours (32 to 48, an estimate): about 7 weeks" */
	strbuf status; /* "retires on 2026-06-30; replaced by ms-ai-103", or empty */
	strbuf why;
} cells;

static void cells_free(cells *k)
{
	sb_free(&k->title);
	sb_free(&k->verdict);
	sb_free(&k->fit);
	sb_free(&k->money);
	sb_free(&k->time);
	sb_free(&k->status);
	sb_free(&k->why);
}

static int cells_failed(const cells *k)
{
	return k->title.failed || k->verdict.failed || k->fit.failed || k->money.failed || k->time.failed ||
	       k->status.failed || k->why.failed;
}

/* A number written with printf's fmt into buf (for a placeholder). */
static const char *num(char *buf, size_t size, const char *fmt, double v)
{
	snprintf(buf, size, fmt, v);
	return buf;
}

static void row_cells(const ac_compare_row *x, const ac_wording *words, cells *k)
{
	memset(k, 0, sizeof *k);
	sb_init(&k->title);
	sb_init(&k->verdict);
	sb_init(&k->fit);
	sb_init(&k->money);
	sb_init(&k->time);
	sb_init(&k->status);
	sb_init(&k->why);
	char a[64], b[64], c[64];
	AC_SAY(&k->title, words, AC_W_COMPARE_ROW_TITLE, x->name ? x->name : x->id, x->id);

	const char *v = x->verdict ? ac_word_enum(words, AC_ENUM_VERDICT, x->verdict) : NULL;
	strbuf lower; /* the report's capitals, in a sentence */
	sb_init(&lower);
	for (size_t i = 0; v && v[i]; i++)
		sb_printf(&lower, "%c", (char)tolower((unsigned char)v[i]));
	if (!v)
		ac_say(&lower, words, AC_W_COMPARE_NO_VERDICT, NULL, 0);
	if (lower.failed)
		k->verdict.failed = 1;
	else if (x->reason_title)
		AC_SAY(&k->verdict, words, AC_W_COMPARE_VERDICT_REASON, lower.buf, x->reason_title);
	else
		sb_puts(&k->verdict, lower.buf);
	sb_free(&lower);

	if (x->fit.set) {
		sb_printf(&k->fit, "%.0f%%", x->fit.v * 100);
		if (x->gap_matched)
			AC_SAY(&k->fit, words, AC_W_COMPARE_FIT_COVERS, x->gap_matched);
		if (x->role_matched)
			AC_SAY(&k->fit, words, AC_W_COMPARE_FIT_ROLE, x->role_matched);
		if (x->off_level) {
			const char *lvl = ac_word_enum(words, AC_ENUM_LEVEL, x->level);
			AC_SAY(&k->fit, words, AC_W_COMPARE_FIT_OFF_LEVEL, lvl ? lvl : "");
		}
		if (x->off_domain)
			ac_say(&k->fit, words, AC_W_COMPARE_FIT_OFF_DOMAIN, NULL, 0);
	} else {
		ac_say(&k->fit, words, AC_W_VALUE_UNKNOWN, NULL, 0);
	}

	if (x->cost_usd.set && x->cost_uncertain)
		AC_SAY(&k->money, words, AC_W_COMPARE_PRICE_UNCERTAIN, num(a, sizeof a, "$%.10g", x->cost_usd.v));
	else if (x->cost_usd.set)
		sb_printf(&k->money, "$%.10g", x->cost_usd.v);
	else
		ac_say(&k->money, words, AC_W_COMPARE_PRICE_UNKNOWN, NULL, 0);
	if (x->retake_usd.set)
		AC_SAY(&k->money, words, AC_W_COMPARE_RETAKE, num(a, sizeof a, "$%.10g", x->retake_usd.v));
	if (x->within_budget == AC_FALSE)
		ac_say(&k->money, words, AC_W_COMPARE_OVER_BUDGET, NULL, 0);

	if (x->hours.set && x->hours_estimated)
		AC_SAY(&k->time, words, AC_W_COMPARE_HOURS_ESTIMATED, num(a, sizeof a, "%.0f", x->hours.v),
		       num(b, sizeof b, "%.0f", x->hours_low.v), num(c, sizeof c, "%.0f", x->hours_high.v));
	else if (x->hours.set)
		AC_SAY(&k->time, words, x->hours_uncertain ? AC_W_COMPARE_HOURS_UNCERTAIN : AC_W_COMPARE_HOURS,
		       num(a, sizeof a, "%.10g", x->hours.v));
	else
		ac_say(&k->time, words, AC_W_COMPARE_TIME_UNKNOWN, NULL, 0);
	if (x->weeks.set && x->hours_estimated && x->weeks_low.set)
		AC_SAY(&k->time, words, AC_W_COMPARE_WEEKS_RANGE, num(a, sizeof a, "%.0f", ceil(x->weeks_low.v)),
		       num(b, sizeof b, "%.0f", ceil(x->weeks_high.v)));
	else if (x->weeks.set)
		AC_SAY(&k->time, words, ceil(x->weeks.v) == 1 ? AC_W_COMPARE_WEEK : AC_W_COMPARE_WEEKS,
		       num(a, sizeof a, "%.0f", ceil(x->weeks.v)));
	if (x->in_time == AC_FALSE)
		ac_say(&k->time, words, AC_W_COMPARE_TOO_LONG, NULL, 0);

	if (x->status != AC_STATUS_ACTIVE) {
		const char *st = ac_word_of(words, AC_WF_STATUS, x->status);
		if (x->status_date)
			AC_SAY(&k->status, words, AC_W_COMPARE_STATUS_ON, st, x->status_date);
		else
			sb_puts(&k->status, st ? st : "");
		if (x->available == AC_FALSE && x->status_date)
			ac_say(&k->status, words, AC_W_COMPARE_BEFORE_FINISH, NULL, 0);
		if (x->successor)
			AC_SAY(&k->status, words, AC_W_COMPARE_SUCCESSOR, x->successor);
	}
	sb_puts(&k->why, x->why ? x->why : "");
}

/* ------------------------------------------------------------ text and Markdown */

/* Where the walk writes: text, Markdown, or (w set) the HTML writer the
 * assessment's report uses. */
typedef struct {
	strbuf *sb;
	int md;
	size_t width;
	const rw_writer *w;
	rw_out rw;
	const ac_wording *words;
} out;

/* One paragraph, the wording's text of key with its placeholders filled by
 * args: wrapped text, or a Markdown paragraph. */
static void para(out *o, int key, const char *const *args, size_t n)
{
	strbuf line;
	sb_init(&line);
	ac_say(&line, o->words, key, args, n);
	if (line.failed) {
		o->sb->failed = 1;
	} else if (o->w) {
		o->w->para(&o->rw, line.buf);
	} else if (o->md) {
		ac_render_md_text(o->sb, line.buf);
		sb_puts(o->sb, "\n\n");
	} else {
		ac_render_wrapped(o->sb, line.buf, 0, 2, o->width);
	}
	sb_free(&line);
}
#define PARA(o, key, ...) para(o, key, AC_ARGS(__VA_ARGS__))

static void heading(out *o, const char *text)
{
	if (o->w) {
		o->w->heading(&o->rw, text);
	} else if (o->md) {
		sb_puts(o->sb, "## ");
		ac_render_md_text(o->sb, text);
		sb_puts(o->sb, "\n\n");
	} else {
		sb_printf(o->sb, "%s\n", text);
	}
}

/* "label: value" under a row, wrapped with a hanging indent in text; the
 * label is the wording's text of key. */
static void item(out *o, int key, const strbuf *value)
{
	if (!value->len)
		return;
	const char *label = ac_word(o->words, key);
	if (o->w) {
		strbuf line;
		sb_init(&line);
		sb_printf(&line, "%s: %s", label, value->buf);
		if (line.failed)
			o->sb->failed = 1;
		else
			o->w->sub(&o->rw, line.buf);
		sb_free(&line);
		return;
	}
	if (o->md) {
		sb_printf(o->sb, "   - %s: ", label);
		ac_render_md_text(o->sb, value->buf);
		sb_puts(o->sb, "\n");
		return;
	}
	strbuf line;
	sb_init(&line);
	sb_printf(&line, "%s: %s", label, value->buf);
	sb_puts(o->sb, "    ");
	if (line.failed)
		o->sb->failed = 1;
	else
		ac_render_wrapped(o->sb, line.buf, 4, 6, o->width);
	sb_free(&line);
}

static void row_out(out *o, size_t rank, const ac_compare_row *x)
{
	cells k;
	row_cells(x, o->words, &k);
	if (cells_failed(&k)) {
		o->sb->failed = 1;
	} else if (o->w) {
		o->w->item(&o->rw, RW_NUMBER, (int)rank, k.title.buf, NULL);
	} else if (o->md) {
		sb_printf(o->sb, "%zu. **", rank);
		ac_render_md_text(o->sb, k.title.buf);
		sb_puts(o->sb, "**\n");
	} else {
		strbuf line;
		sb_init(&line);
		sb_printf(&line, "%zu. %s", rank, k.title.buf);
		if (line.failed) /* the row's line could not be made: so neither can the report */
			o->sb->failed = 1;
		else
			ac_render_wrapped(o->sb, line.buf, 0, 4, o->width);
		sb_free(&line);
	}
	if (!cells_failed(&k)) {
		item(o, AC_W_COMPARE_ITEM_VERDICT, &k.verdict);
		item(o, AC_W_COMPARE_ITEM_FIT, &k.fit);
		item(o, AC_W_COMPARE_ITEM_PRICE, &k.money);
		item(o, AC_W_COMPARE_ITEM_PREPARATION, &k.time);
		item(o, AC_W_COMPARE_ITEM_AVAILABILITY, &k.status);
		item(o, AC_W_COMPARE_ITEM_WHY, &k.why);
	}
	if (o->md && !o->w)
		sb_puts(o->sb, "\n");
	cells_free(&k);
}

/* "N things" in the singular or the plural text. */
static void count_para(out *o, size_t n, int one, int many)
{
	char a[32];
	snprintf(a, sizeof a, "%zu", n);
	PARA(o, n == 1 ? one : many, a);
}

static void comparison_out(const ac_comparison *c, out *o)
{
	const ac_wording *words = o->words;
	const char *title = ac_word(words, AC_W_COMPARE_TITLE);
	char a[64], b[64];
	if (o->w) {
		o->w->begin(&o->rw, title);
		o->w->title(&o->rw, title);
	} else if (o->md) {
		sb_puts(o->sb, "# ");
		ac_render_md_text(o->sb, title);
		sb_puts(o->sb, "\n\n");
	}
	PARA(o, AC_W_COMPARE_FOR, c->label ? c->label : ac_word(words, AC_W_COMPARE_UNLABELLED));
	if (c->profile_cert)
		PARA(o, AC_W_COMPARE_OWN_CERTIFICATION, c->profile_cert);
	if (!o->md && !o->w)
		sb_puts(o->sb, "\n");
	if (!c->n_pursue) {
		para(o, AC_W_COMPARE_NONE_PURSUE, NULL, 0);
		if (c->has_alternative) {
			const ac_alternative *alt = &c->alternative;
			const char *path = ac_word_enum(words, AC_ENUM_PATH, alt->path);
			snprintf(a, sizeof a, "%d", alt->score);
			PARA(o, AC_W_COMPARE_ALTERNATIVE, path ? path : ac_word(words, AC_W_COMPARE_ANOTHER_PATH), a);
			if (alt->why)
				PARA(o, AC_W_COMPARE_ALTERNATIVE_WHY, alt->why);
			if (alt->first_step)
				PARA(o, AC_W_COMPARE_ALTERNATIVE_FIRST_STEP, alt->first_step);
		}
		para(o, AC_W_COMPARE_CLOSEST, NULL, 0);
	} else {
		snprintf(a, sizeof a, "%zu", c->n_pursue);
		snprintf(b, sizeof b, "%zu", c->n_rows);
		PARA(o, AC_W_COMPARE_PURSUE_COUNT, a, b);
	}
	if (c->feasible_set_aside && c->n_rows)
		para(o, AC_W_COMPARE_FEASIBLE_SET_ASIDE, NULL, 0);
	if (!o->md && !o->w)
		sb_puts(o->sb, "\n");
	size_t shown = c->n_rows < c->top ? c->n_rows : c->top;
	for (size_t i = 0; i < shown; i++)
		row_out(o, i + 1, &c->rows[i]);
	if (!c->n_rows)
		para(o, AC_W_COMPARE_NONE_PASS, NULL, 0);
	if (c->empty_domain)
		PARA(o, AC_W_CERTS_DOMAIN_EMPTY, ac_word_of(words, AC_WF_DOMAIN, c->empty_domain));
	if (!o->md && !o->w)
		sb_puts(o->sb, "\n");
	heading(o, ac_word(words, AC_W_COMPARE_RANKED));
	PARA(o, AC_W_COMPARE_RULE, c->statement ? c->statement : ac_word(words, AC_W_COMPARE_RULE_DEFAULT),
	     c->policy_name ? c->policy_name : "?", c->policy_version ? c->policy_version : "",
	     num(a, sizeof a, "%.0f%%", c->fits_from * 100));
	para(o, AC_W_COMPARE_FIT_EXPLAINED, NULL, 0);
	if (shown < c->n_rows) {
		snprintf(a, sizeof a, "%zu", shown);
		snprintf(b, sizeof b, "%zu", c->n_rows);
		PARA(o, AC_W_COMPARE_SHOWING, a, b);
	}
	if (c->left_out_retired)
		count_para(o, c->left_out_retired, AC_W_COMPARE_RETIRED_LEFT_OUT_ONE, AC_W_COMPARE_RETIRED_LEFT_OUT);
	if (c->left_out_unknown_cost)
		count_para(o, c->left_out_unknown_cost, AC_W_COMPARE_PRICE_LEFT_OUT_ONE, AC_W_COMPARE_PRICE_LEFT_OUT);
	para(o, AC_W_COMPARE_DETAILS, NULL, 0);
	if (o->w)
		o->w->end(&o->rw);
}

/* The comparison, and the width its text is written at. */
typedef struct {
	const ac_comparison *c;
	size_t width;
} shown;

static json_t *shown_json(const void *data)
{
	return comparison_json(((const shown *)data)->c);
}

static void shown_text(strbuf *sb, const ac_wording *words, ac_format format, const void *data)
{
	const shown *sh = data;
	out o = {sb,
		 format == AC_FORMAT_MARKDOWN,
		 sh->width,
		 format == AC_FORMAT_HTML ? ac_html_writer() : NULL,
		 {.out = sb, .width = sh->width, .words = words},
		 words};
	comparison_out(sh->c, &o);
}

ac_status ac_comparison_render(const ac_comparison *c, ac_format format, char **out_text, size_t *len)
{
	return ac_comparison_render_opts(c, format, NULL, out_text, len);
}

ac_status ac_comparison_render_opts(const ac_comparison *c, ac_format format, const ac_render_options *ro,
				    char **out_text, size_t *len)
{
	*out_text = NULL;
	int color;
	shown sh = {c, 0};
	ac_render_options_resolve(ro, &sh.width, &color);
	return ac_render_shown(format, 1u << AC_FORMAT_TEXT | 1u << AC_FORMAT_MARKDOWN | 1u << AC_FORMAT_HTML,
			       shown_json, shown_text, &sh, out_text, len);
}
