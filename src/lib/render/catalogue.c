/*
 * catalogue.c — writes certificates for `certs list|search|show`: a table or
 * one entry's details as text, or JSON in the catalogue file's own format
 * (so the JSON of a listing is itself a valid catalogue file).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "input/cert.h"
#include "model/fit.h"
#include "policy/wording.h"
#include "render/render.h"

/* "$150", "7.5", or "unknown"; a trailing "?" when the reference marks the
 * value uncertain (table cells). */
static void fmt_num(char *buf, size_t n, const ac_wording *words, ac_num v, const char *prefix, int uncertain)
{
	if (!v.set)
		snprintf(buf, n, "%s%s", ac_word(words, AC_W_VALUE_UNKNOWN), uncertain ? "?" : "");
	else
		snprintf(buf, n, "%s%.10g%s", prefix, v.v, uncertain ? "?" : "");
}

/* What a buffer holds so far ("" when nothing, or when it failed: the
 * failure is reported when the output is taken). */
static const char *text_of(const strbuf *b)
{
	return b->failed || !b->buf ? "" : b->buf;
}

static void spaces(strbuf *sb, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_putn(sb, " ", 1);
}

/* A paragraph of the wording's text of key, wrapped to width. */
static void note(strbuf *sb, const ac_wording *words, int key, const char *const *args, size_t n, size_t width)
{
	strbuf line;
	sb_init(&line);
	ac_say(&line, words, key, args, n);
	if (line.failed)
		sb->failed = 1;
	else
		ac_render_wrapped(sb, line.buf, 0, 0, width);
	sb_free(&line);
}
#define NOTE(sb, words, key, width, ...) note(sb, words, key, AC_ARGS(__VA_ARGS__), width)

/* One certificate in two lines: its id with price, hours and status in
 * columns, then its name, level and domain wrapped under it.  When the
 * columns would not fit the width, they move to the second line. */
static void list_text(strbuf *sb, const ac_wording *words, const ac_policy *pol, const ac_cert **rows, size_t shown,
		      size_t total, size_t unknown_cost, int empty_domain, size_t width)
{
	const char *head_id = ac_word(words, AC_W_CERTS_HEAD_ID);
	size_t w_head = ac_render_width(head_id, strlen(head_id)), w_id = w_head;
	for (size_t i = 0; i < shown; i++) {
		size_t l = ac_render_width(rows[i]->id, strlen(rows[i]->id));
		if (l > w_id)
			w_id = l;
	}
	enum { W_COST = 9, W_HOURS = 8, W_STATUS = 19 };
	int columns = w_id + 2 + W_COST + 2 + W_HOURS + 2 + W_STATUS <= width;

	if (shown && columns) {
		sb_puts(sb, head_id);
		spaces(sb, w_id - w_head);
		sb_printf(sb, "  %*s  %*s  %s\n", W_COST, ac_word(words, AC_W_CERTS_HEAD_COST), W_HOURS,
			  ac_word(words, AC_W_CERTS_HEAD_HOURS), ac_word(words, AC_W_CERTS_HEAD_STATUS));
	}
	for (size_t i = 0; i < shown; i++) {
		const ac_cert *c = rows[i];
		char cost[32], hours[32];
		fmt_num(cost, sizeof cost, words, c->cost_usd, "$", ac_cert_is_uncertain(c, "cost_usd"));
		ac_num est, lo, hi;
		if (pol && ac_hours_estimate(pol, c, &est, &lo, &hi))
			snprintf(hours, sizeof hours, "~%.0f", est.v); /* '~': an estimate */
		else
			fmt_num(hours, sizeof hours, words, c->hours, "", ac_cert_is_uncertain(c, "hours"));
		strbuf status, line;
		sb_init(&status);
		sb_init(&line);
		const char *st = ac_word_of(words, AC_WF_STATUS, c->status);
		if (c->status_date)
			AC_SAY(&status, words, AC_W_CERTS_LIST_STATUS_DATE, st, c->status_date);
		else
			sb_puts(&status, st ? st : "");
		ac_render_put_clean(sb, c->id, strlen(c->id));
		const char *name = c->name ? c->name : c->id, *level = ac_word_of(words, AC_WF_LEVEL, c->level);
		const char *domain = ac_word_of(words, AC_WF_DOMAIN, c->domain);
		if (columns) {
			spaces(sb, w_id - ac_render_width(c->id, strlen(c->id)));
			sb_printf(sb, "  %*s  %*s  %s\n", W_COST, cost, W_HOURS, hours, text_of(&status));
			AC_SAY(&line, words, AC_W_CERTS_ROW, name, level, domain);
		} else {
			sb_puts(sb, "\n");
			AC_SAY(&line, words, AC_W_CERTS_ROW_NARROW, cost, hours, text_of(&status), name, level, domain);
		}
		spaces(sb, 2);
		ac_render_wrapped(sb, status.failed ? "" : text_of(&line), 2, 4, width);
		if (line.failed || status.failed)
			sb->failed = 1;
		sb_free(&line);
		sb_free(&status);
	}
	char a[32], b[32];
	if (shown) {
		sb_puts(sb, "\n");
		snprintf(a, sizeof a, "%zu", shown);
		snprintf(b, sizeof b, "%zu", total);
		NOTE(sb, words, AC_W_CERTS_LIST_NOTE, width, a, b);
	} else {
		ac_say(sb, words, AC_W_CERTS_NONE, NULL, 0);
		sb_puts(sb, "\n");
		if (empty_domain)
			NOTE(sb, words, AC_W_CERTS_DOMAIN_EMPTY, width, ac_word_of(words, AC_WF_DOMAIN, empty_domain));
	}
	if (unknown_cost) {
		snprintf(a, sizeof a, "%zu", unknown_cost);
		AC_SAY(sb, words, unknown_cost == 1 ? AC_W_CERTS_COST_LEFT_OUT_ONE : AC_W_CERTS_COST_LEFT_OUT, a);
		sb_puts(sb, "\n");
	}
	if (shown) {
		ac_say(sb, words, AC_W_CERTS_DETAILS, NULL, 0);
		sb_puts(sb, "\n");
	}
}

static json_t *list_json(const ac_cert **rows, size_t shown)
{
	json_t *root = json_object(), *list = json_array();
	if (!root || !list || json_object_set_new(root, "schema", json_string(AC_CATALOGUE_SCHEMA)) ||
	    json_object_set(root, "certifications", list)) {
		json_decref(root);
		json_decref(list);
		return NULL;
	}
	for (size_t i = 0; i < shown; i++)
		if (json_array_append_new(list, ac_cert_json(rows[i])) != 0) {
			json_decref(root);
			root = NULL;
			break;
		}
	json_decref(list);
	return root;
}

ac_status ac_certs_render(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format, char **out, size_t *len)
{
	return ac_certs_render_opts(cat, f, format, NULL, out, len);
}

ac_status ac_certs_render_opts(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format,
			       const ac_render_options *o, char **out, size_t *len)
{
	return ac_certs_render_with(cat, NULL, f, format, o, out, len);
}

ac_status ac_certs_render_with(const ac_catalogue *cat, const ac_policy *pol, const ac_cert_filter *f, ac_format format,
			       const ac_render_options *o, char **out, size_t *len)
{
	*out = NULL;
	size_t width;
	int color;
	ac_render_options_resolve(o, &width, &color);
	if (format != AC_FORMAT_TEXT && format != AC_FORMAT_JSON)
		return AC_EINPUT;
	ac_cert_filter all;
	ac_cert_filter_init(&all);
	if (!f)
		f = &all;
	size_t total = ac_catalogue_count(cat), shown = 0, unknown_cost = 0;
	const ac_cert **rows = calloc(total + 1, sizeof *rows);
	if (!rows)
		return AC_ENOMEM;
	for (size_t i = 0; i < total; i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		int shown_as = ac_catalogue_filter(cat, c, f);
		if (shown_as < 0) {
			free(rows);
			return AC_ENOMEM;
		}
		if (shown_as == AC_FILTER_SHOWN)
			rows[shown++] = c;
		unknown_cost += shown_as == AC_FILTER_COST_UNKNOWN;
	}
	/* A domain the catalogue holds nothing of is explained, not just empty. */
	int empty_domain = ac_catalogue_empty_domain(cat, f);
	ac_status st;
	if (format == AC_FORMAT_JSON) {
		unsigned long failures = ac_mem_failures();
		st = ac_render_json_value(list_json(rows, shown), failures, out, len);
	} else {
		const ac_wording *words = NULL;
		strbuf sb;
		st = ac_render_text_begin(&words, &sb);
		if (st == AC_OK) {
			list_text(&sb, words, pol, rows, shown, total, unknown_cost, empty_domain, width);
			st = ac_render_text_end(&sb, out, len);
		}
	}
	free(rows);
	return st;
}

/* A key of the catalogue entry in words (the key itself when it has none). */
static const char *key_words(const ac_wording *words, const char *key)
{
	static const struct {
		const char *key;
		int word;
	} map[] = {
		{"cost_usd", AC_W_CERTS_FIGURE_PRICE},         {"cost_note", AC_W_CERTS_FIGURE_PRICE},
		{"retake_usd", AC_W_CERTS_FIGURE_RETAKE},      {"hours", AC_W_CERTS_FIGURE_PREPARATION},
		{"hours_note", AC_W_CERTS_FIGURE_PREPARATION}, {"validity_months", AC_W_CERTS_FIGURE_VALIDITY},
		{"never_expires", AC_W_CERTS_FIGURE_VALIDITY}, {"status_date", AC_W_CERTS_FIGURE_RETIREMENT_DATE},
		{"exam_code", AC_W_CERTS_FIGURE_EXAM_CODE},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].key, key) == 0)
			return ac_word(words, map[i].word);
	return key;
}

static void key_list(strbuf *sb, const ac_wording *words, char *const *keys, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *w = key_words(words, keys[k]);
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= strcmp(key_words(words, keys[j]), w) == 0;
		if (!dup)
			sb_printf(sb, "%s%s", k ? ", " : "", w);
	}
}

/* One "label  value" line of `certs show`, the label the wording's text of
 * key (indented under the line before when sub is 1). */
typedef struct {
	strbuf *sb;
	const ac_wording *words;
} shower;

static void label(const shower *o, int key, int sub)
{
	char l[64];
	snprintf(l, sizeof l, "%s%s", sub ? "  " : "", ac_word(o->words, key));
	sb_printf(o->sb, "  %-15s ", l);
}

static void show_line(const shower *o, int key, int sub, const char *value, int uncertain)
{
	label(o, key, sub);
	if (!value)
		value = ac_word(o->words, AC_W_VALUE_UNKNOWN);
	if (uncertain)
		AC_SAY(o->sb, o->words, AC_W_CERTS_VALUE_UNCERTAIN, value);
	else
		sb_puts(o->sb, value);
	sb_puts(o->sb, "\n");
}

static void show_list(const shower *o, int key, char *const *items, size_t n)
{
	label(o, key, 0);
	if (!n)
		ac_say(o->sb, o->words, AC_W_VALUE_NONE, NULL, 0);
	for (size_t i = 0; i < n; i++)
		sb_printf(o->sb, "%s%s", i ? ", " : "", items[i]);
	sb_puts(o->sb, "\n");
}

static void show_text(strbuf *sb, const ac_wording *words, const ac_cert *c, const ac_policy *pol)
{
	const shower o = {sb, words};
	char buf[96];
	strbuf v;
	sb_init(&v);
#define U(field) ac_cert_is_uncertain(c, field)
	sb_printf(sb, "%s\n", c->id);
	show_line(&o, AC_W_CERTS_SHOW_NAME, 0, c->name, U("name"));
	show_line(&o, AC_W_CERTS_SHOW_PROVIDER, 0, c->provider, U("provider"));
	show_line(&o, AC_W_CERTS_SHOW_EXAM_CODE, 0,
		  c->exam_code ? c->exam_code : ac_word(words, AC_W_CERTS_NO_EXAM_CODE), U("exam_code"));
	show_line(&o, AC_W_CERTS_SHOW_LEVEL, 0, ac_word_of(words, AC_WF_LEVEL, c->level), U("level"));
	show_line(&o, AC_W_CERTS_SHOW_DOMAIN, 0, ac_word_of(words, AC_WF_DOMAIN, c->domain), U("domain"));
	fmt_num(buf, sizeof buf, words, c->cost_usd, "$", 0);
	show_line(&o, AC_W_CERTS_SHOW_COST, 0, buf, U("cost_usd"));
	show_line(&o, AC_W_CERTS_SHOW_SOURCE_SAYS, 1, c->cost_note, U("cost_note"));
	fmt_num(buf, sizeof buf, words, c->retake_usd, "$", 0);
	show_line(&o, AC_W_CERTS_SHOW_RETAKE, 0, buf, U("retake_usd"));
	ac_num est, lo, hi;
	char l[32], h[32];
	if (c->hours.set) {
		snprintf(buf, sizeof buf, "%.10g", c->hours.v);
		AC_SAY(&v, words, AC_W_UNIT_HOURS, buf);
	} else if (pol && ac_hours_estimate(pol, c, &est, &lo, &hi)) {
		snprintf(buf, sizeof buf, "%.0f", est.v);
		snprintf(l, sizeof l, "%.0f", lo.v);
		snprintf(h, sizeof h, "%.0f", hi.v);
		AC_SAY(&v, words, AC_W_CERTS_HOURS_ESTIMATED, buf, l, h);
	} else {
		ac_say(&v, words, AC_W_VALUE_UNKNOWN, NULL, 0);
	}
	show_line(&o, AC_W_CERTS_SHOW_PREPARATION, 0, text_of(&v), U("hours"));
	show_line(&o, AC_W_CERTS_SHOW_SOURCE_SAYS, 1, c->hours_note, U("hours_note"));
	sb_clear(&v);
	if (c->never_expires) {
		ac_say(&v, words, AC_W_CERTS_NEVER_EXPIRES, NULL, 0);
	} else if (c->validity_months.set) {
		snprintf(buf, sizeof buf, "%.10g", c->validity_months.v);
		AC_SAY(&v, words, AC_W_UNIT_MONTHS, buf);
	} else {
		ac_say(&v, words, AC_W_VALUE_UNKNOWN, NULL, 0);
	}
	show_line(&o, AC_W_CERTS_SHOW_VALIDITY, 0, text_of(&v), U("validity_months") || U("never_expires"));
	show_line(&o, AC_W_CERTS_SHOW_RENEWAL, 0, c->renewal, U("renewal"));
	show_line(&o, AC_W_CERTS_SHOW_PREREQUISITES, 0, c->prerequisites, U("prerequisites"));
	show_line(&o, AC_W_CERTS_SHOW_GATED, 0, ac_word(words, c->gated ? AC_W_CERTS_GATED_YES : AC_W_VALUE_NO),
		  U("gated"));
	show_line(&o, AC_W_CERTS_SHOW_FORMAT, 0, ac_word_of(words, AC_WF_FORMAT, c->format), U("format"));
	sb_clear(&v);
	const char *st = ac_word_of(words, AC_WF_STATUS, c->status);
	if (c->status_date)
		AC_SAY(&v, words, AC_W_CERTS_STATUS_DATE, st, c->status_date);
	else
		sb_puts(&v, st ? st : "");
	show_line(&o, AC_W_CERTS_SHOW_STATUS, 0, text_of(&v), U("status") || U("status_date"));
	show_list(&o, AC_W_CERTS_SHOW_ROLES, c->roles, c->n_roles);
	show_list(&o, AC_W_CERTS_SHOW_KEYWORDS, c->keywords, c->n_keywords);
	if (c->successor)
		show_line(&o, AC_W_CERTS_SHOW_SUCCESSOR, 0, c->successor, U("successor"));
	show_line(&o, AC_W_CERTS_SHOW_URL, 0, c->url, 0);
	static const int standing[] = {AC_W_CERTS_SOURCE_OTHER, AC_W_CERTS_SOURCE_ISSUER, AC_W_CERTS_SOURCE_TRAINING,
				       AC_W_CERTS_SOURCE_OTHER};
	for (size_t i = 0; i < c->n_sources; i++) {
		const ac_cert_source *s = &c->sources[i];
		if (i)
			sb_printf(sb, "  %-15s ", "");
		else
			label(&o, AC_W_CERTS_SHOW_SOURCES, 0);
		sb_printf(sb, "%s\n  %-15s   ", s->url, "");
		AC_SAY(sb, words, AC_W_CERTS_SOURCE_SUPPORTS,
		       ac_word(words, standing[s->kind >= 1 && s->kind <= 3 ? s->kind : 3]));
		sb_puts(sb, " ");
		if (!s->n_supports)
			ac_say(sb, words, AC_W_CERTS_NO_FIGURE, NULL, 0);
		key_list(sb, words, s->supports, s->n_supports);
		sb_puts(sb, "\n");
	}
	show_line(&o, AC_W_CERTS_SHOW_CHECKED, 0, c->checked, 0);
	if (c->n_uncertain) {
		label(&o, AC_W_CERTS_SHOW_UNCERTAIN, 0);
		key_list(sb, words, c->uncertain, c->n_uncertain);
		sb_puts(sb, "\n  ");
		ac_say(sb, words, AC_W_CERTS_UNCERTAIN_EXPLAINED, NULL, 0);
		sb_puts(sb, "\n");
	}
#undef U
	if (v.failed)
		sb->failed = 1;
	sb_free(&v);
}

/* One certificate shown, with the policy whose estimate stands in for hours
 * no source gives (NULL: none). */
typedef struct {
	const ac_cert *c;
	const ac_policy *pol;
} one_cert;

static json_t *one_json(const void *data)
{
	return ac_cert_json(((const one_cert *)data)->c);
}

static void one_text(strbuf *sb, const ac_wording *words, ac_format format, const void *data)
{
	const one_cert *one = data;
	(void)format;
	show_text(sb, words, one->c, one->pol);
}

ac_status ac_cert_render(const ac_cert *c, ac_format format, char **out, size_t *len)
{
	return ac_cert_render_with(c, NULL, format, out, len);
}

ac_status ac_cert_render_with(const ac_cert *c, const ac_policy *pol, ac_format format, char **out, size_t *len)
{
	const one_cert one = {c, pol};
	return ac_render_shown(format, 1u << AC_FORMAT_TEXT, one_json, one_text, &one, out, len);
}
