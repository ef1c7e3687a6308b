/*
 * compare.c — writes a comparison (model/compare.h) as text for a terminal
 * or as JSON (schema aicert/compare/v1): the rule, whether anything earns
 * pursue (and the best other path when nothing does), then the ranked rows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "model/compare.h"
#include "render/render.h"

/* ------------------------------------------------------------ JSON */




static json_t *comparison_json(const ac_comparison *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "schema", json_string("aicert/compare/v1"));
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
	for (size_t i = 0; i < c->n_rows && i < c->top; i++) {
		const ac_compare_row *x = &c->rows[i];
		json_t *e = json_object();
		json_object_set_new(e, "rank", json_integer((json_int_t)(i + 1)));
		json_object_set_new(e, "id", json_string(x->id));
		json_object_set_new(e, "name", ac_json_str(x->name));
		json_object_set_new(e, "provider", ac_json_str(x->provider));
		json_object_set_new(e, "status", ac_json_str(ac_enum_name(AC_ENUM_STATUS, x->status)));
		json_object_set_new(e, "verdict", ac_json_str(ac_enum_name(AC_ENUM_VERDICT, x->verdict)));
		json_object_set_new(e, "reason", ac_json_str(x->reason));
		json_object_set_new(e, "gap_fit", ac_json_tri(x->gap_fit));
		json_object_set_new(e, "gap_matched", ac_json_str(x->gap_matched));
		json_object_set_new(e, "role_fit", ac_json_tri(x->role_fit));
		json_object_set_new(e, "role_matched", ac_json_str(x->role_matched));
		json_object_set_new(e, "cost_usd", ac_json_num(x->cost_usd));
		json_object_set_new(e, "weeks", ac_json_num(x->weeks));
		json_object_set_new(e, "total_cost_usd", ac_json_num(x->total_cost_usd));
		json_object_set_new(e, "within_budget", ac_json_tri(x->within_budget));
		json_object_set_new(e, "why", json_string(x->why));
		json_array_append_new(ranked, e);
	}
	json_object_set_new(o, "ranked", ranked);
	return o;
}

/* ------------------------------------------------------------ text */

static const char *tri_word(ac_tri t)
{
	return t == AC_TRUE ? "yes" : t == AC_FALSE ? "no" : "unknown";
}

/* A number for a table cell: "$150", "12.5", or "unknown". */
static void num_word(char *buf, size_t n, ac_num v, const char *prefix)
{
	if (v.set)
		snprintf(buf, n, "%s%.10g", prefix, v.v);
	else
		snprintf(buf, n, "unknown");
}

/* Writes a sentence wrapped at width, from column 0. */
static void say(strbuf *sb, size_t width, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
static void say(strbuf *sb, size_t width, const char *fmt, ...)
{
	strbuf line;
	sb_init(&line);
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&line, fmt, ap);
	va_end(ap);
	if (line.failed)
		sb->failed = 1;
	else
		ac_render_wrapped(sb, line.buf, 0, 2, width);
	sb_free(&line);
}

/* One ranked certificate: its rank, id and name, then what the engine said
 * and what it costs, then why it ranks there, wrapped under it. */
static void row_text(strbuf *sb, size_t rank, const ac_compare_row *x, size_t width)
{
	char cost[32], weeks[32];
	num_word(cost, sizeof cost, x->cost_usd, "$");
	ac_num w = x->weeks;
	if (w.set) /* a tenth of a week is precise enough to read */
		w.v = (double)(long long)(w.v * 10 + 0.5) / 10;
	num_word(weeks, sizeof weeks, w, "");
	strbuf line;
	sb_init(&line);
	sb_printf(&line, "%zu. %s", rank, x->id);
	if (x->name)
		sb_printf(&line, ": %s", x->name);
	if (!line.failed)
		ac_render_wrapped(sb, line.buf, 0, 4, width);
	sb_clear(&line);
	sb_printf(&line, "verdict %s; gap fit %s; role fit %s; cost %s; weeks %s",
		  x->verdict ? ac_enum_name(AC_ENUM_VERDICT, x->verdict) : "-", tri_word(x->gap_fit),
		  tri_word(x->role_fit), cost, weeks);
	sb_puts(sb, "    ");
	if (!line.failed)
		ac_render_wrapped(sb, line.buf, 4, 4, width);
	sb_puts(sb, "    ");
	ac_render_wrapped(sb, x->why, 4, 4, width);
	if (line.failed)
		sb->failed = 1;
	sb_free(&line);
}

static void comparison_text(const ac_comparison *c, strbuf *sb, size_t width)
{
	say(sb, width, "Comparing catalogue certificates for: %s", c->label ? c->label : "(unlabelled profile)");
	say(sb, width, "Ranking rule (policy %s %s): %s", c->policy_name ? c->policy_name : "?",
	    c->policy_version ? c->policy_version : "",
	    c->statement ? c->statement : "verdict, gap fit, role fit, weeks, price; then id.");
	if (c->profile_cert)
		say(sb, width, "Note: the profile names its own certification (%s); compare ignores it and ranks the catalogue.",
		    c->profile_cert);
	sb_puts(sb, "\n");
	if (!c->n_pursue) {
		say(sb, width, "No certificate earns 'pursue' for this profile.");
		if (c->has_alternative) {
			const ac_alternative *alt = &c->alternative;
			say(sb, width, "Best alternative path instead: %s (score %d)", ac_enum_name(AC_ENUM_PATH, alt->path),
			    alt->score);
			if (alt->why) {
				sb_puts(sb, "  why: ");
				ac_render_wrapped(sb, alt->why, 7, 4, width);
			}
			if (alt->first_step) {
				sb_puts(sb, "  first step: ");
				ac_render_wrapped(sb, alt->first_step, 14, 4, width);
			}
		}
		sb_puts(sb, "\n");
	} else {
		say(sb, width, "%zu of %zu certificates earn 'pursue'.", c->n_pursue, c->n_rows);
		sb_puts(sb, "\n");
	}
	size_t shown = c->n_rows < c->top ? c->n_rows : c->top;
	for (size_t i = 0; i < shown; i++)
		row_text(sb, i + 1, &c->rows[i], width);
	if (!c->n_rows)
		say(sb, width, "No catalogue certificate passes the filters.");
	sb_puts(sb, "\n");
	if (shown < c->n_rows)
		say(sb, width, "Showing %zu of %zu (use --top N for more).", shown, c->n_rows);
	if (c->left_out_retired)
		say(sb, width, "%zu retired certificate%s left out (use --include-retired to rank them).",
		    c->left_out_retired, c->left_out_retired == 1 ? "" : "s");
	if (c->left_out_unknown_cost)
		say(sb, width, "%zu certificate%s with an unknown price left out by --max-cost.", c->left_out_unknown_cost,
		    c->left_out_unknown_cost == 1 ? "" : "s");
	say(sb, width, "Details of one certificate: aicert certs show ID");
}

ac_status ac_comparison_render(const ac_comparison *c, ac_format format, char **out, size_t *len)
{
	return ac_comparison_render_opts(c, format, NULL, out, len);
}

ac_status ac_comparison_render_opts(const ac_comparison *c, ac_format format, const ac_render_options *o,
				    char **out, size_t *len)
{
	*out = NULL;
	size_t width;
	int color;
	ac_render_options_resolve(o, &width, &color);
	unsigned long failures = ac_mem_failures();
	if (format == AC_FORMAT_JSON)
		return ac_render_json_value(comparison_json(c), failures, out, len);
	if (format != AC_FORMAT_TEXT)
		return AC_EINPUT;
	strbuf sb;
	sb_init(&sb);
	comparison_text(c, &sb, width);
	*out = ac_render_take_clean(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
