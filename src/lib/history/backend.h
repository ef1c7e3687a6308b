/*
 * backend.h — the history's storage behind one small interface, so that the
 * same statements save and read records in SQLite (the local history, and a
 * server's store in a file) and in PostgreSQL (a store several servers
 * share).  Statements use $1..$n parameters and SQL both databases speak
 * (ON CONFLICT DO NOTHING, RETURNING); only the tables' definitions differ.
 */
#ifndef AICERT_HISTORY_BACKEND_H
#define AICERT_HISTORY_BACKEND_H

#include "history/history.h"

typedef struct hist_backend hist_backend;
struct hist_backend {
	const char *where; /* the file or database, for messages */
	const char *begin; /* the statement that starts a write transaction */
	/* Runs SQL without parameters or results (several statements may be
	 * given).  doing says what for, in messages ("saving"). */
	ac_status (*exec)(hist_backend *b, const char *sql, const char *doing, ac_diags *diags);
	/* Runs one statement with text parameters $1..$n (a NULL value binds
	 * NULL).  When row is not NULL, the first ncols columns of the first
	 * result row are copied into it as new strings (NULL for NULL; freed
	 * with free) and *found says whether there was a row. */
	ac_status (*query)(hist_backend *b, const char *sql, const char *const *vals, int n, char **row, int ncols,
			   int *found, const char *doing, ac_diags *diags);
	void (*close)(hist_backend *b);
};

/* SQLite: a backend over an open history (borrowed; close frees only the
 * backend). */
ac_status hist_backend_sqlite(ac_history *h, hist_backend **out, ac_diags *diags);
/* PostgreSQL: connects to uri ("postgresql://..."), and makes or checks the
 * tables.  A newer store's tables are refused and left as they are. */
ac_status hist_backend_pg(const char *uri, hist_backend **out, ac_diags *diags);

/* Saves one record in one transaction (the statements of both backends);
 * token may be NULL.  *id gets the record's number when id is not NULL. */
ac_status hist_write(hist_backend *b, ac_session *s, const ac_profile *p, const ac_assessment *a,
		     const ac_history_save_options *o, const char *token, long long *id, ac_diags *diags);

/* The columns of HIST_SELECT, and a record made of them (taking the
 * strings over). */
#define HIST_COLUMNS 15
void hist_record_from(char **cols, hist_record *r);

/* A record as JSON on one line (what `history show --format json` writes);
 * with a token, that is its id. */
void hist_record_json(strbuf *o, const hist_record *r, const char *token);

#endif
