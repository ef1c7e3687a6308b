/*
 * compare.c — writes a comparison (model/compare.h) as text for a terminal
 * or as JSON (schema aicert/compare/v1): the rule, whether anything earns
 * pursue (and the best other path when nothing does), then the ranked rows.
 */
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

static void comparison_text(const ac_comparison *c, strbuf *sb)
{
	sb_printf(sb, "Comparing catalogue certificates for: %s\n", c->label ? c->label : "(unlabelled profile)");
	sb_printf(sb, "Ranking rule (policy %s %s): %s\n", c->policy_name ? c->policy_name : "?",
		  c->policy_version ? c->policy_version : "",
		  c->statement ? c->statement : "verdict, gap fit, role fit, weeks, price; then id.");
	if (c->profile_cert)
		sb_printf(sb, "Note: the profile names its own certification (%s); compare ignores it and ranks the catalogue.\n",
			  c->profile_cert);
	sb_puts(sb, "\n");
	if (!c->n_pursue) {
		sb_puts(sb, "No certificate earns 'pursue' for this profile.\n");
		if (c->has_alternative) {
			const ac_alternative *alt = &c->alternative;
			sb_printf(sb, "Best alternative path instead: %s (score %d)\n", ac_enum_name(AC_ENUM_PATH, alt->path),
				  alt->score);
			if (alt->why)
				sb_printf(sb, "  why: %s\n", alt->why);
			if (alt->first_step)
				sb_printf(sb, "  first step: %s\n", alt->first_step);
		}
		sb_puts(sb, "\n");
	} else {
		sb_printf(sb, "%zu of %zu certificates earn 'pursue'.\n\n", c->n_pursue, c->n_rows);
	}
	size_t shown = c->n_rows < c->top ? c->n_rows : c->top;
	int w_id = 2;
	for (size_t i = 0; i < shown; i++)
		if ((int)strlen(c->rows[i].id) > w_id)
			w_id = (int)strlen(c->rows[i].id);
	if (shown)
		sb_printf(sb, "%3s  %-*s  %-11s  %-7s  %-7s  %8s  %7s  %s\n", "#", w_id, "ID", "VERDICT", "GAP", "ROLE", "COST",
			  "WEEKS", "WHY IT RANKS HERE");
	for (size_t i = 0; i < shown; i++) {
		const ac_compare_row *x = &c->rows[i];
		char cost[32], weeks[32];
		num_word(cost, sizeof cost, x->cost_usd, "$");
		ac_num w = x->weeks;
		if (w.set) /* a tenth of a week is precise enough to read */
			w.v = (double)(long long)(w.v * 10 + 0.5) / 10;
		num_word(weeks, sizeof weeks, w, "");
		sb_printf(sb, "%3zu  %-*s  %-11s  %-7s  %-7s  %8s  %7s  %s\n", i + 1, w_id, x->id,
			  x->verdict ? ac_enum_name(AC_ENUM_VERDICT, x->verdict) : "-", tri_word(x->gap_fit),
			  tri_word(x->role_fit), cost, weeks, x->why);
	}
	if (!c->n_rows)
		sb_puts(sb, "No catalogue certificate passes the filters.\n");
	sb_puts(sb, "\n");
	if (shown < c->n_rows)
		sb_printf(sb, "Showing %zu of %zu (use --top N for more).\n", shown, c->n_rows);
	if (c->left_out_retired)
		sb_printf(sb, "%zu retired certificate%s left out (use --include-retired to rank them).\n",
			  c->left_out_retired, c->left_out_retired == 1 ? "" : "s");
	if (c->left_out_unknown_cost)
		sb_printf(sb, "%zu certificate%s with an unknown price left out by --max-cost.\n", c->left_out_unknown_cost,
			  c->left_out_unknown_cost == 1 ? "" : "s");
	sb_puts(sb, "Details of one certificate: aicert certs show ID\n");
}

ac_status ac_comparison_render(const ac_comparison *c, ac_format format, char **out, size_t *len)
{
	*out = NULL;
	if (format == AC_FORMAT_JSON)
		return ac_render_json_value(comparison_json(c), out, len);
	if (format != AC_FORMAT_TEXT)
		return AC_EINPUT;
	strbuf sb;
	sb_init(&sb);
	comparison_text(c, &sb);
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
