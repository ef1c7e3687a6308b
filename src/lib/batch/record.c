/*
 * record.c — the work on one record, done by a worker with its own session:
 * read the profile (a JSON line, or a CSV row through the schema layout),
 * assess it, and write the output record (compact assessment JSON or a CSV
 * row) — or, when the record is bad, an error record with its line number
 * and every problem, so the run goes on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch.h"
#include "core/diag.h"
#include "render/render.h"

void batch_record_init(batch_record *r)
{
	memset(r, 0, sizeof *r);
	sb_init(&r->in);
	sb_init(&r->out);
	ac_diags_init(&r->problems);
}

void batch_record_reset(batch_record *r)
{
	ac_assessment_free(r->a);
	r->a = NULL;
	free(r->title);
	r->title = NULL;
	ac_diags_free(&r->problems);
	sb_clear(&r->out);
	r->failed = 0;
	r->n_groups = 0;
}

void batch_record_free(batch_record *r)
{
	batch_record_reset(r);
	sb_free(&r->in);
	sb_free(&r->out);
}

/* ------------------------------------------------------------ error records */

static void error_json(const record_setup *setup, batch_record *r)
{
	strbuf *o = &r->out;
	sb_printf(o, "{\"schema\":\"%s\",\"line\":%ld,\"problems\":[", AC_BATCH_ERROR_SCHEMA, r->line);
	for (size_t i = 0; i < r->problems.count; i++) {
		const ac_diag *d = &r->problems.items[i];
		sb_puts(o, i ? ",{\"path\":" : "{\"path\":");
		ac_json_string(o, d->path);
		if (setup->layout) {
			char col[160];
			csv_column_name(d->path, r->groups, r->n_groups, col, sizeof col);
			sb_puts(o, ",\"column\":");
			ac_json_string(o, d->path ? col : NULL);
		} else if (d->column > 0) {
			sb_printf(o, ",\"position\":%d", d->column);
		}
		const char *found, *expected;
		size_t n;
		if (ac_diag_found_expected(d->message, &found, &n, &expected)) {
			char *f = strndup(found, n);
			sb_puts(o, ",\"found\":");
			if (f)
				ac_json_string(o, f);
			else
				o->failed = 1;
			free(f);
			sb_puts(o, ",\"expected\":");
			ac_json_string(o, expected);
		}
		sb_puts(o, ",\"message\":");
		ac_json_string(o, d->message);
		sb_puts(o, "}");
	}
	sb_puts(o, "]");
	if (r->problems.more) /* only the first AC_MAX_DIAGS are kept */
		sb_printf(o, ",\"more_problems\":%zu", r->problems.more);
	sb_puts(o, "}\n");
}

/* The problems of a failed record in one CSV cell: "where: message; ...". */
static void error_csv(const record_setup *setup, batch_record *r)
{
	strbuf cell;
	sb_init(&cell);
	for (size_t i = 0; i < r->problems.count; i++) {
		const ac_diag *d = &r->problems.items[i];
		char where[160] = "";
		if (setup->layout)
			csv_column_name(d->path, r->groups, r->n_groups, where, sizeof where);
		else if (d->path)
			snprintf(where, sizeof where, "%s", d->path);
		else if (d->column > 0)
			snprintf(where, sizeof where, "position %d", d->column);
		sb_printf(&cell, "%s%s%s%s", i ? "; " : "", where, *where ? ": " : "", d->message);
	}
	if (r->problems.more)
		sb_printf(&cell, "; and %zu more problem%s", r->problems.more, r->problems.more == 1 ? "" : "s");
	sb_printf(&r->out, "%ld,,,,,,,,,,,,,", r->line);
	if (cell.failed)
		r->out.failed = 1;
	else
		csv_cell(&r->out, cell.buf ? cell.buf : "");
	sb_puts(&r->out, "\n");
	sb_free(&cell);
}

/* Turns the record into an error record; AC_ENOMEM when that failed. */
static ac_status fail_record(const record_setup *setup, batch_record *r)
{
	r->failed = 1;
	ac_assessment_free(r->a);
	r->a = NULL;
	sb_clear(&r->out);
	if (setup->output == AC_BATCH_CSV)
		error_csv(setup, r);
	else
		error_json(setup, r);
	return r->out.failed ? AC_ENOMEM : AC_OK;
}

/* ------------------------------------------------------------ assessed records */

static const char *tri_cell(ac_tri t)
{
	return t == AC_TRUE ? "yes" : t == AC_FALSE ? "no" : "unknown";
}

static void row_csv(batch_record *r)
{
	const ac_assessment *a = r->a;
	strbuf *o = &r->out;
	char score[32];
	snprintf(score, sizeof score, "%.4f", ac_assessment_exposure_score(a));
	for (char *e = score + strlen(score) - 1; *e == '0' && e[-1] != '.'; e--)
		*e = '\0';
	sb_printf(o, "%ld,", r->line);
	csv_cell(o, ac_assessment_label(a));
	sb_printf(o, ",%s,", ac_enum_name(AC_ENUM_VERDICT, ac_assessment_verdict(a)));
	csv_cell(o, ac_assessment_reason(a));
	sb_puts(o, ",");
	csv_cell(o, ac_assessment_headline(a));
	int klass = ac_assessment_exposure_class(a), top_score = 0;
	sb_printf(o, ",%s,%s", klass ? ac_enum_name(AC_ENUM_CLASS, klass) : "", score);
	for (int i = 0; i < AC_CONDITION_COUNT; i++)
		sb_printf(o, ",%s", tri_cell(ac_assessment_condition(a, i)));
	int top = ac_assessment_alternative(a, 0, &top_score);
	sb_printf(o, ",%s,%d,\n", top ? ac_enum_name(AC_ENUM_PATH, top) : "", top_score);
}

/* The assessment's JSON document on one line, written straight into the
 * record's output. */
static ac_status row_json(batch_record *r)
{
	return ac_render_json_layout(r->a, 1, &r->out);
}

/* The profile of a CSV row; AC_EINPUT with the row's problems.  *cells
 * (with room for *cap) grows to hold every cell of the row. */
static ac_status csv_profile(const record_setup *setup, char ***cells, size_t *cap, batch_record *r, ac_profile **p)
{
	size_t need = 1;
	for (const char *c = r->in.buf; *c; c++)
		need += *c == ',';
	if (need > *cap) {
		char **grown = realloc(*cells, need * sizeof *grown);
		if (!grown)
			return AC_ENOMEM;
		*cells = grown;
		*cap = need;
	}
	const char *why = NULL;
	long n = csv_split(r->in.buf, *cells, *cap, &why);
	if (n < 0) {
		ac_diags_add(&r->problems, NULL, NULL, 0, 0, "found %s, expected a CSV row (RFC 4180)", why);
		return AC_EINPUT;
	}
	strbuf json;
	sb_init(&json);
	ac_status st = csv_row_json(setup->layout, *cells, (size_t)n, &json, r->groups, &r->problems);
	for (size_t k = 0; k < AC_MAX_TASKS && r->groups[k]; k++)
		r->n_groups = k + 1;
	if (st == AC_OK)
		st = ac_profile_parse(json.buf, json.len, NULL, p, &r->problems);
	sb_free(&json);
	return st;
}

static int is_input_problem(ac_status st)
{
	return st == AC_EINPUT || st == AC_ENOTFOUND || st == AC_ENODATA;
}

ac_status batch_record_work(const record_setup *setup, ac_session *s, char ***cells, size_t *cap, batch_record *r)
{
	batch_record_reset(r);
	switch (r->kind) {
	case REC_TOO_LONG:
		ac_diags_add(&r->problems, NULL, NULL, 0, 0,
			     "found a record longer than 1 MiB, expected a profile of "
			     "at most 1 MiB (1048576 bytes) on one %s",
			     setup->layout ? "row" : "line");
		return fail_record(setup, r);
	case REC_OPEN_QUOTE:
		ac_diags_add(&r->problems, NULL, NULL, 0, 0,
			     "found a quoted cell still open at the end of the input, "
			     "expected its closing quote");
		return fail_record(setup, r);
	default: break;
	}
	ac_profile *p = NULL;
	memset(r->groups, 0, sizeof r->groups);
	ac_status st = setup->layout ? csv_profile(setup, cells, cap, r, &p)
				     : ac_profile_parse(r->in.buf, r->in.len, NULL, &p, &r->problems);
	if (st == AC_OK) {
		ac_assess_options o;
		ac_assess_options_init(&o);
		o.counterfactuals = setup->counterfactuals;
		o.as_of = setup->as_of;
		st = ac_session_assess(s, p, &o, &r->a, &r->problems);
	}
	if (st == AC_OK && setup->keep && setup->include_labels) {
		char *title = NULL;
		if ((st = ac_profile_get(p, "role.title", &title)) == AC_OK)
			r->title = title;
	}
	ac_profile_free(p);
	if (is_input_problem(st))
		return fail_record(setup, r);
	if (st != AC_OK)
		return st;
	if (setup->output == AC_BATCH_CSV)
		row_csv(r);
	else
		st = row_json(r);
	if (st == AC_OK && r->out.failed)
		st = AC_ENOMEM;
	if (!setup->keep) {
		ac_assessment_free(r->a);
		r->a = NULL;
	}
	return st;
}
