/*
 * listing.c — `history list`, `show`, `forget` and `export`: the saved
 * records as a table, one record in full, deleting records (and the policy
 * texts no record names any more), and every record as JSON Lines.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch.h"
#include "history/backend.h"

/* The record's text fields in the order meta_json writes them, each after
 * the text that comes before its value (the policy's three are an object of
 * their own). */
static const struct {
	const char *before;
	size_t field; /* offsetof(hist_record, ...) of a char * */
} meta_fields[] = {
	{",\"saved_at\":", offsetof(hist_record, saved_at)},
	{",\"as_of\":", offsetof(hist_record, as_of)},
	{",\"label\":", offsetof(hist_record, label)},
	{",\"verdict\":", offsetof(hist_record, verdict)},
	{",\"reason\":", offsetof(hist_record, reason)},
	{",\"policy\":{\"name\":", offsetof(hist_record, policy_name)},
	{",\"version\":", offsetof(hist_record, policy_version)},
	{",\"sha256\":", offsetof(hist_record, policy_hash)},
	{"},\"catalogue_version\":", offsetof(hist_record, catalogue_version)},
	{",\"data_version\":", offsetof(hist_record, data_version)},
	{",\"aicert_version\":", offsetof(hist_record, aicert_version)},
};

/* The record's fields other than its two documents, as JSON members
 * (without braces). */
static void meta_json(strbuf *o, const hist_record *r, const char *token)
{
	if (token) {
		sb_puts(o, "\"id\":");
		ac_json_string(o, token);
	} else {
		sb_printf(o, "\"id\":%lld", r->id);
	}
	for (size_t i = 0; i < sizeof meta_fields / sizeof *meta_fields; i++) {
		sb_puts(o, meta_fields[i].before);
		ac_json_string(o, *(char *const *)((const char *)r + meta_fields[i].field));
	}
}

/* The whole record on one line: its fields, the profile and the assessment. */
void hist_record_json(strbuf *o, const hist_record *r, const char *token)
{
	sb_puts(o, "{");
	meta_json(o, r, token);
	sb_puts(o, ",\"profile\":");
	ac_json_compact(o, r->profile, strlen(r->profile));
	sb_puts(o, ",\"assessment\":");
	ac_json_compact(o, r->assessment, strlen(r->assessment));
	sb_puts(o, "}\n");
}

/* Calls fn for every record, oldest first. */
static ac_status each(ac_history *h, void (*fn)(strbuf *, const hist_record *, void *), strbuf *out, void *ctx,
		      ac_diags *diags)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h->db, HIST_SELECT " ORDER BY a.id", -1, &st, NULL) != SQLITE_OK)
		return hist_sql_error(h, "reading the history", diags);
	int rc;
	ac_status s = AC_OK;
	while (s == AC_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		hist_record r;
		hist_row(st, &r);
		fn(out, &r, ctx);
		if (out->failed)
			s = AC_ENOMEM;
	}
	if (s == AC_OK && rc != SQLITE_DONE)
		s = hist_sql_error(h, "reading the history", diags);
	sqlite3_finalize(st);
	return s;
}

/* ------------------------------------------------------------ list */

typedef struct {
	int json;
	size_t n;
} list_ctx;

static void list_row(strbuf *o, const hist_record *r, void *ctx)
{
	list_ctx *c = ctx;
	if (c->json) {
		sb_puts(o, c->n ? ",\n    {" : "\n    {");
		meta_json(o, r, NULL);
		sb_puts(o, "}");
	} else {
		sb_printf(o, "%5lld  %.10s %.5s  %-10s  %-12s  %-26s  %s\n", r->id, r->saved_at,
			  r->saved_at && strlen(r->saved_at) > 16 ? r->saved_at + 11 : "", r->as_of ? r->as_of : "",
			  r->verdict ? r->verdict : "", r->reason ? r->reason : "", r->label ? r->label : "");
	}
	c->n++;
}

ac_status ac_history_list(ac_history *h, ac_format f, char **out, size_t *len, ac_diags *diags)
{
	*out = NULL;
	strbuf sb;
	sb_init(&sb);
	list_ctx c = {f == AC_FORMAT_JSON, 0};
	if (c.json) {
		sb_puts(&sb, "{\n  \"schema\": \"aicert/history/v1\",\n  \"path\": ");
		ac_json_string(&sb, h->path);
		sb_puts(&sb, ",\n  \"assessments\": [");
	} else {
		sb_printf(&sb, "%5s  %-16s  %-10s  %-12s  %-26s  %s\n", "ID", "SAVED (UTC)", "AS OF", "VERDICT",
			  "REASON", "LABEL");
	}
	ac_status s = each(h, list_row, &sb, &c, diags);
	if (c.json)
		sb_puts(&sb, c.n ? "\n  ]\n}\n" : "]\n}\n");
	else if (!c.n)
		sb_printf(&sb, "(no saved assessments in %s)\n", h->path);
	if (s == AC_OK && !(*out = sb_take(&sb, len)))
		s = AC_ENOMEM;
	sb_free(&sb);
	return s;
}

/* ------------------------------------------------------------ show */

static void show_text(strbuf *o, const hist_record *r)
{
	sb_printf(o, "Saved assessment #%lld\n\n", r->id);
	sb_printf(o, "  saved        %s\n  as of        %s\n", r->saved_at, r->as_of);
	if (r->label)
		sb_printf(o, "  label        %s\n", r->label);
	sb_printf(o, "  verdict      %s (%s)\n", r->verdict, r->reason);
	sb_printf(o, "  policy       %s, version %s (sha256 %.12s)\n", r->policy_name, r->policy_version,
		  r->policy_hash);
	sb_printf(o, "  catalogue    %s\n  data         %s\n  aicert       %s\n\n",
		  r->catalogue_version ? r->catalogue_version : "(no version)",
		  r->data_version ? r->data_version : "none installed", r->aicert_version ? r->aicert_version : "?");
	sb_puts(o, "The profile as saved:\n\n");
	sb_puts(o, r->profile);
	sb_puts(o, "\n'aicert history show ID --format json' gives the whole assessment as saved.\n");
}

ac_status ac_history_show(ac_history *h, long long id, ac_format f, char **out, size_t *len, ac_diags *diags)
{
	*out = NULL;
	hist_record r;
	ac_status s = hist_record_get(h, id, &r, diags);
	if (s != AC_OK)
		return s;
	strbuf sb;
	sb_init(&sb);
	if (f == AC_FORMAT_JSON)
		hist_record_json(&sb, &r, NULL);
	else
		show_text(&sb, &r);
	hist_record_free(&r);
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}

/* ------------------------------------------------------------ export */

typedef struct {
	FILE *f;
	int failed; /* errno of the failed write, or -1 */
} export_ctx;

static void export_row(strbuf *o, const hist_record *r, void *ctx)
{
	export_ctx *c = ctx;
	sb_clear(o);
	hist_record_json(o, r, NULL);
	if (!o->failed && !c->failed && fwrite(o->buf, 1, o->len, c->f) != o->len)
		c->failed = errno ? errno : -1;
}

ac_status ac_history_export(ac_history *h, FILE *out, ac_diags *diags)
{
	strbuf line;
	sb_init(&line);
	export_ctx c = {out, 0};
	ac_status s = each(h, export_row, &line, &c, diags);
	sb_free(&line);
	if (s == AC_OK && !c.failed && fflush(out) != 0)
		c.failed = errno ? errno : -1;
	if (s == AC_OK && c.failed) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "cannot write the export%s%s", c.failed > 0 ? ": " : "",
			     c.failed > 0 ? strerror(c.failed) : "");
		s = AC_EIO;
	}
	return s;
}

/* ------------------------------------------------------------ forget */

ac_status ac_history_forget(ac_history *h, long long id, long long *n, ac_diags *diags)
{
	*n = 0;
	ac_status s = hist_exec(h, "BEGIN IMMEDIATE", "forgetting", diags);
	sqlite3_stmt *st = NULL;
	if (s == AC_OK) {
		int rc = sqlite3_prepare_v2(
			h->db, id ? "DELETE FROM assessments WHERE id = ?" : "DELETE FROM assessments", -1, &st, NULL);
		if (rc == SQLITE_OK && id)
			rc = sqlite3_bind_int64(st, 1, id);
		if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_DONE)
			*n = sqlite3_changes(h->db);
		else
			s = hist_sql_error(h, "forgetting", diags);
		sqlite3_finalize(st);
	}
	if (s == AC_OK)
		s = hist_exec(h, "DELETE FROM policies WHERE hash NOT IN (SELECT policy_hash FROM assessments)",
			      "forgetting", diags);
	if (s == AC_OK && id && !*n) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "found no saved assessment #%lld, expected the ID of one "
			     "('aicert history list' shows them)",
			     id);
		s = AC_ENOTFOUND;
	}
	if (s == AC_OK)
		s = hist_exec(h, "COMMIT", "forgetting", diags);
	if (s != AC_OK)
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}
