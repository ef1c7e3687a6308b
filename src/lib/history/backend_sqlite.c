/*
 * backend_sqlite.c — the history's storage interface (backend.h) over
 * SQLite: the local history file, and a server's store in a file.
 */
#include <stdlib.h>
#include <string.h>

#include "history/backend.h"

typedef struct {
	hist_backend base;
	ac_history *h;
} sqlite_backend;

static ac_status sq_exec(hist_backend *b, const char *sql, const char *doing, ac_diags *diags)
{
	return hist_exec(((sqlite_backend *)b)->h, sql, doing, diags);
}

static ac_status sq_query(hist_backend *b, const char *sql, const char *const *vals, int n, char **row, int ncols,
			  int *found, const char *doing, ac_diags *diags)
{
	ac_history *h = ((sqlite_backend *)b)->h;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = vals[i] ? sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_TRANSIENT)
			     : sqlite3_bind_null(st, i + 1);
	if (found)
		*found = 0;
	int oom = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && row) {
			for (int i = 0; i < ncols; i++) {
				const char *t = hist_text(st, i);
				row[i] = t ? strdup(t) : NULL;
				oom |= t && !row[i];
			}
			if (found)
				*found = 1;
		}
		while (rc == SQLITE_ROW)
			rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	ac_status s = rc == SQLITE_OK ? AC_OK : hist_sql_error(h, doing, diags);
	sqlite3_finalize(st);
	if (s == AC_OK && oom) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "%s: out of memory", doing);
		s = AC_ENOMEM;
	}
	return s;
}

static void sq_close(hist_backend *b)
{
	free(b);
}

ac_status hist_backend_sqlite(ac_history *h, hist_backend **out, ac_diags *diags)
{
	sqlite_backend *b = calloc(1, sizeof *b);
	if (!b) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
		return AC_ENOMEM;
	}
	b->h = h;
	b->base.where = h->path;
	b->base.begin = "BEGIN IMMEDIATE";
	b->base.exec = sq_exec;
	b->base.query = sq_query;
	b->base.close = sq_close;
	*out = &b->base;
	return AC_OK;
}
