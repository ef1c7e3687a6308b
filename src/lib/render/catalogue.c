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
static void fmt_num(char *buf, size_t n, ac_num v, const char *prefix, int uncertain)
{
	if (!v.set)
		snprintf(buf, n, "unknown%s", uncertain ? "?" : "");
	else
		snprintf(buf, n, "%s%.10g%s", prefix, v.v, uncertain ? "?" : "");
}

static void spaces(strbuf *sb, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_putn(sb, " ", 1);
}

/* One certificate in two lines: its id with price, hours and status in
 * columns, then its name, level and domain wrapped under it.  When the
 * columns would not fit the width, they move to the second line. */
static void list_text(strbuf *sb, const ac_wording *words, const ac_policy *pol, const ac_cert **rows, size_t shown,
		      size_t total, size_t unknown_cost, int empty_domain, size_t width)
{
	size_t w_id = 2;
	for (size_t i = 0; i < shown; i++) {
		size_t l = ac_render_width(rows[i]->id, strlen(rows[i]->id));
		if (l > w_id)
			w_id = l;
	}
	enum { W_COST = 9, W_HOURS = 8, W_STATUS = 19 };
	int columns = w_id + 2 + W_COST + 2 + W_HOURS + 2 + W_STATUS <= width;

	if (shown && columns) {
		sb_puts(sb, "ID");
		spaces(sb, w_id - 2);
		sb_printf(sb, "  %*s  %*s  %s\n", W_COST, "COST", W_HOURS, "HOURS", "STATUS");
	}
	for (size_t i = 0; i < shown; i++) {
		const ac_cert *c = rows[i];
		char cost[32], hours[32], status[48], details[160];
		fmt_num(cost, sizeof cost, c->cost_usd, "$", ac_cert_is_uncertain(c, "cost_usd"));
		ac_num est, lo, hi;
		if (pol && ac_hours_estimate(pol, c, &est, &lo, &hi))
			snprintf(hours, sizeof hours, "~%.0f", est.v); /* '~': an estimate */
		else
			fmt_num(hours, sizeof hours, c->hours, "", ac_cert_is_uncertain(c, "hours"));
		snprintf(status, sizeof status, "%s%s%s", ac_enum_name(AC_ENUM_STATUS, c->status),
			 c->status_date ? " " : "", c->status_date ? c->status_date : "");
		ac_render_put_clean(sb, c->id, strlen(c->id));
		strbuf line;
		sb_init(&line);
		if (columns) {
			spaces(sb, w_id - ac_render_width(c->id, strlen(c->id)));
			sb_printf(sb, "  %*s  %*s  %s\n", W_COST, cost, W_HOURS, hours, status);
		} else {
			sb_puts(sb, "\n");
			snprintf(details, sizeof details, "cost %s, hours %s, %s; ", cost, hours, status);
			sb_puts(&line, details);
		}
		const char *domain = ac_word_of(words, AC_WF_DOMAIN, c->domain);
		sb_printf(&line, "%s; %s, %s", c->name ? c->name : c->id, ac_enum_name(AC_ENUM_LEVEL, c->level),
			  domain ? domain : ac_enum_name(AC_ENUM_DOMAIN, c->domain));
		spaces(sb, 2);
		ac_render_wrapped(sb, line.failed ? "" : line.buf, 2, 4, width);
		if (line.failed)
			sb->failed = 1;
		sb_free(&line);
	}
	if (shown) {
		sb_puts(sb, "\n");
		char note[256];
		snprintf(note, sizeof note,
			 "%zu of %zu certificates.  '?' marks a figure only pages other than the issuer's "
			 "support, or on which the sources disagree; '~' marks hours no source gives, estimated "
			 "from similar certificates; 'unknown' means no source gives it.", shown, total);
		ac_render_wrapped(sb, note, 0, 0, width);
	} else {
		sb_puts(sb, "No certificate matches.\n");
		if (empty_domain) {
			char *why = AC_SAY_DUP(words, AC_W_CERTS_DOMAIN_EMPTY, ac_word_of(words, AC_WF_DOMAIN, empty_domain));
			if (why)
				ac_render_wrapped(sb, why, 0, 0, width);
			else
				sb->failed = 1;
			free(why);
		}
	}
	if (unknown_cost)
		sb_printf(sb, "%zu certificate%s with an unknown cost left out by --max-cost.\n", unknown_cost,
			  unknown_cost == 1 ? "" : "s");
	if (shown)
		sb_puts(sb, "Details: aicert certs show ID\n");
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

ac_status ac_certs_render(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format, char **out,
			  size_t *len)
{
	return ac_certs_render_opts(cat, f, format, NULL, out, len);
}

ac_status ac_certs_render_opts(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format,
			       const ac_render_options *o, char **out, size_t *len)
{
	return ac_certs_render_with(cat, NULL, f, format, o, out, len);
}

ac_status ac_certs_render_with(const ac_catalogue *cat, const ac_policy *pol, const ac_cert_filter *f,
			       ac_format format, const ac_render_options *o, char **out, size_t *len)
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
		st = ac_wording_builtin(&words, NULL);
		if (st == AC_OK) {
			strbuf sb;
			sb_init(&sb);
			list_text(&sb, words, pol, rows, shown, total, unknown_cost, empty_domain, width);
			*out = ac_render_take_clean(&sb, len);
			st = *out ? AC_OK : AC_ENOMEM;
		}
	}
	free(rows);
	return st;
}

/* A key of the catalogue entry in words. */
static const char *key_words(const char *key)
{
	static const char *const map[][2] = {
		{"cost_usd", "price"},	     {"cost_note", "price"},	 {"retake_usd", "retake price"},
		{"hours", "preparation"},    {"hours_note", "preparation"}, {"validity_months", "validity"},
		{"never_expires", "validity"}, {"status_date", "retirement date"}, {"exam_code", "exam code"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], key) == 0)
			return map[i][1];
	return key;
}

static void key_list(strbuf *sb, char *const *keys, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *w = key_words(keys[k]);
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= strcmp(key_words(keys[j]), w) == 0;
		if (!dup)
			sb_printf(sb, "%s%s", k ? ", " : "", w);
	}
}

/* One "label  value" line of `certs show`. */
static void show_line(strbuf *sb, const char *label, const char *value, int uncertain)
{
	sb_printf(sb, "  %-15s %s%s\n", label, value ? value : "unknown", uncertain ? " (uncertain)" : "");
}

static void show_list(strbuf *sb, const char *label, char *const *items, size_t n, const char *sep)
{
	sb_printf(sb, "  %-15s ", label);
	if (!n)
		sb_puts(sb, "none");
	for (size_t i = 0; i < n; i++)
		sb_printf(sb, "%s%s", i ? sep : "", items[i]);
	sb_puts(sb, "\n");
}

static void show_text(strbuf *sb, const ac_cert *c, const ac_policy *pol)
{
	char buf[96];
#define U(field) ac_cert_is_uncertain(c, field)
	sb_printf(sb, "%s\n", c->id);
	show_line(sb, "name", c->name, U("name"));
	show_line(sb, "provider", c->provider, U("provider"));
	show_line(sb, "exam code", c->exam_code ? c->exam_code : "none given", U("exam_code"));
	show_line(sb, "level", ac_enum_name(AC_ENUM_LEVEL, c->level), U("level"));
	const ac_wording *words = NULL;
	const char *dom = ac_wording_builtin(&words, NULL) == AC_OK ? ac_word_of(words, AC_WF_DOMAIN, c->domain) : NULL;
	show_line(sb, "domain", dom ? dom : ac_enum_name(AC_ENUM_DOMAIN, c->domain), U("domain"));
	fmt_num(buf, sizeof buf, c->cost_usd, "$", 0);
	show_line(sb, "cost (USD)", buf, U("cost_usd"));
	show_line(sb, "  source says", c->cost_note, U("cost_note"));
	fmt_num(buf, sizeof buf, c->retake_usd, "$", 0);
	show_line(sb, "retake (USD)", buf, U("retake_usd"));
	ac_num est, lo, hi;
	if (c->hours.set)
		snprintf(buf, sizeof buf, "%.10g hours", c->hours.v);
	else if (pol && ac_hours_estimate(pol, c, &est, &lo, &hi))
		snprintf(buf, sizeof buf, "about %.0f hours, an estimate from similar certificates (%.0f to %.0f)", est.v,
			 lo.v, hi.v);
	else
		snprintf(buf, sizeof buf, "unknown");
	show_line(sb, "preparation", buf, U("hours"));
	show_line(sb, "  source says", c->hours_note, U("hours_note"));
	if (c->never_expires)
		snprintf(buf, sizeof buf, "does not expire");
	else if (c->validity_months.set)
		snprintf(buf, sizeof buf, "%.10g months", c->validity_months.v);
	else
		snprintf(buf, sizeof buf, "unknown");
	show_line(sb, "validity", buf, U("validity_months") || U("never_expires"));
	show_line(sb, "renewal", c->renewal, U("renewal"));
	show_line(sb, "prerequisites", c->prerequisites, U("prerequisites"));
	show_line(sb, "gated", c->gated ? "yes: something else must be held or taken first" : "no", U("gated"));
	static const char *const formats[] = {"", "proctored exam", "hands-on lab", "course completion"};
	show_line(sb, "format", c->format >= 1 && c->format <= 3 ? formats[c->format] : "unknown", U("format"));
	if (c->status_date)
		snprintf(buf, sizeof buf, "%s (%s)", ac_enum_name(AC_ENUM_STATUS, c->status), c->status_date);
	else
		snprintf(buf, sizeof buf, "%s", ac_enum_name(AC_ENUM_STATUS, c->status));
	show_line(sb, "status", buf, U("status") || U("status_date"));
	show_list(sb, "roles", c->roles, c->n_roles, ", ");
	show_list(sb, "keywords", c->keywords, c->n_keywords, ", ");
	if (c->successor)
		show_line(sb, "successor", c->successor, U("successor"));
	show_line(sb, "issuer's page", c->url, 0);
	for (size_t i = 0; i < c->n_sources; i++) {
		const ac_cert_source *s = &c->sources[i];
		static const char *const stand[] = {"", "the issuer", "a training provider", "another page"};
		sb_printf(sb, "  %-15s %s\n", i ? "" : "sources", s->url);
		sb_printf(sb, "  %-15s   %s; supports ", "", stand[s->kind >= 1 && s->kind <= 3 ? s->kind : 3]);
		if (!s->n_supports)
			sb_puts(sb, "no figure");
		key_list(sb, s->supports, s->n_supports);
		sb_puts(sb, "\n");
	}
	show_line(sb, "checked", c->checked, 0);
	if (c->n_uncertain) {
		sb_printf(sb, "  %-15s ", "uncertain");
		key_list(sb, c->uncertain, c->n_uncertain);
		sb_puts(sb, "\n");
	}
	if (c->n_uncertain)
		sb_puts(sb, "  (uncertain: only pages other than the issuer's support it, or the sources disagree)\n");
#undef U
}

ac_status ac_cert_render(const ac_cert *c, ac_format format, char **out, size_t *len)
{
	return ac_cert_render_with(c, NULL, format, out, len);
}

ac_status ac_cert_render_with(const ac_cert *c, const ac_policy *pol, ac_format format, char **out, size_t *len)
{
	*out = NULL;
	unsigned long failures = ac_mem_failures();
	if (format == AC_FORMAT_JSON)
		return ac_render_json_value(ac_cert_json(c), failures, out, len);
	if (format != AC_FORMAT_TEXT)
		return AC_EINPUT;
	strbuf sb;
	sb_init(&sb);
	show_text(&sb, c, pol);
	*out = ac_render_take_clean(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
