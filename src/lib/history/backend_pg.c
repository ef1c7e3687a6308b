/*
 * backend_pg.c — the history's storage interface (backend.h) over
 * PostgreSQL (libpq), for a store several servers share.  It makes the
 * tables on first use, under an advisory lock so that servers starting at
 * once do not race, and refuses tables of a newer version.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/diag.h"
#include "core/dynlib.h"
#include "history/backend.h"

/* libpq, opened when a store first needs it (core/dynlib.h). */
/* clang-format off: one symbol a line */
#define PQ_SYMBOLS(X)                                                                                                  \
	X(PQclear)                                                                                                     \
	X(PQconnectdb)                                                                                                 \
	X(PQdb)                                                                                                        \
	X(PQerrorMessage)                                                                                              \
	X(PQexec)                                                                                                      \
	X(PQexecParams)                                                                                                \
	X(PQfinish)                                                                                                    \
	X(PQgetisnull)                                                                                                 \
	X(PQgetvalue)                                                                                                  \
	X(PQhost)                                                                                                      \
	X(PQnfields)                                                                                                   \
	X(PQntuples)                                                                                                   \
	X(PQport)                                                                                                      \
	X(PQresultStatus)                                                                                              \
	X(PQstatus)
/* clang-format on */
AC_DYNLIB_DEFINE(pq, pq_lib, "libpq", AICERT_LIBPQ_SONAME, PQ_SYMBOLS)

typedef struct {
	hist_backend base;
	PGconn *conn;
	char where[192];
} pg_backend;

/* The tables, as the history's version AC_HISTORY_SCHEMA_VERSION has them
 * in SQLite (store.c), in PostgreSQL's words. */
static const char tables[] =
	"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS policies (hash TEXT PRIMARY KEY, name TEXT NOT NULL, version TEXT NOT NULL,"
	" text TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS assessments ("
	" id BIGSERIAL PRIMARY KEY, saved_at TEXT NOT NULL, as_of TEXT NOT NULL, label TEXT, verdict TEXT NOT NULL,"
	" reason TEXT NOT NULL, profile TEXT NOT NULL, assessment TEXT NOT NULL, policy_name TEXT NOT NULL,"
	" policy_version TEXT NOT NULL, policy_hash TEXT NOT NULL, catalogue_version TEXT, data_version TEXT,"
	" aicert_version TEXT, token TEXT UNIQUE);"
	"CREATE INDEX IF NOT EXISTS assessments_saved_at ON assessments (saved_at);";

/* Adds libpq's message (its last line break removed). */
static ac_status pg_error(pg_backend *b, const char *doing, ac_diags *diags)
{
	const char *m = pq.PQerrorMessage(b->conn);
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	ac_diags_add(diags, b->where, NULL, 0, 0, "%s: %.*s", doing, (int)n, m);
	return AC_EIO;
}

static ac_status pg_exec(hist_backend *base, const char *sql, const char *doing, ac_diags *diags)
{
	pg_backend *b = (pg_backend *)base;
	PGresult *r = pq.PQexec(b->conn, sql);
	ExecStatusType t = r ? pq.PQresultStatus(r) : PGRES_FATAL_ERROR;
	ac_status s = t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK ? AC_OK : pg_error(b, doing, diags);
	pq.PQclear(r);
	return s;
}

static ac_status pg_query(hist_backend *base, const char *sql, const char *const *vals, int n, char **row, int ncols,
			  int *found, const char *doing, ac_diags *diags)
{
	pg_backend *b = (pg_backend *)base;
	PGresult *r = pq.PQexecParams(b->conn, sql, n, NULL, vals, NULL, NULL, 0);
	ExecStatusType t = r ? pq.PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (found)
		*found = 0;
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		ac_status s = pg_error(b, doing, diags);
		pq.PQclear(r);
		return s;
	}
	int oom = 0;
	if (row && t == PGRES_TUPLES_OK && pq.PQntuples(r) > 0) {
		for (int i = 0; i < ncols; i++) {
			int null = i >= pq.PQnfields(r) || pq.PQgetisnull(r, 0, i);
			row[i] = null ? NULL : strdup(pq.PQgetvalue(r, 0, i));
			oom |= !null && !row[i];
		}
		if (found)
			*found = 1;
	}
	pq.PQclear(r);
	if (oom) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "%s: out of memory", doing);
		return AC_ENOMEM;
	}
	return AC_OK;
}

static void pg_close(hist_backend *base)
{
	pg_backend *b = (pg_backend *)base;
	pq.PQfinish(b->conn);
	free(b);
}

/* Makes the tables, or checks the version of those there. */
static ac_status prepare(pg_backend *b, ac_diags *diags)
{
	char lock[96], *version = NULL;
	snprintf(lock, sizeof lock, "BEGIN; SELECT pg_advisory_xact_lock(%d)", HIST_APPLICATION_ID);
	int found = 0;
	ac_status s = pg_exec(&b->base, lock, "preparing the store", diags);
	if (s == AC_OK)
		s = pg_exec(&b->base, tables, "preparing the store", diags);
	if (s == AC_OK)
		s = pg_query(&b->base, "SELECT version FROM schema_version", NULL, 0, &version, 1, &found,
			     "preparing the store", diags);
	if (s == AC_OK && !found) {
		char insert[64];
		snprintf(insert, sizeof insert, "INSERT INTO schema_version VALUES (%d)", AC_HISTORY_SCHEMA_VERSION);
		s = pg_exec(&b->base, insert, "preparing the store", diags);
	} else if (s == AC_OK && (!version || atol(version) != AC_HISTORY_SCHEMA_VERSION)) {
		ac_diags_add(diags, b->where, NULL, 0, 0,
			     "found a store of version %s, expected version %d (this aicert "
			     "is %s); it was left as it is",
			     version ? version : "unknown", AC_HISTORY_SCHEMA_VERSION, ac_version());
		s = AC_EINPUT;
	}
	free(version);
	if (s == AC_OK)
		return pg_exec(&b->base, "COMMIT", "preparing the store", diags);
	pq.PQclear(pq.PQexec(b->conn, "ROLLBACK"));
	return s;
}

ac_status hist_backend_pg(const char *uri, hist_backend **out, ac_diags *diags)
{
	*out = NULL;
	if (!ac_dynlib_open(&pq_lib, &pq)) {
		ac_diags_add(diags, "the PostgreSQL store", NULL, 0, 0, "%s", pq_lib.why);
		return AC_EIO;
	}
	pg_backend *b = calloc(1, sizeof *b);
	if (!b)
		return ac_diags_oom(diags, NULL, NULL);
	b->base.begin = "BEGIN";
	b->base.exec = pg_exec;
	b->base.query = pg_query;
	b->base.close = pg_close;
	b->base.where = b->where;
	snprintf(b->where, sizeof b->where, "the PostgreSQL store");
	b->conn = pq.PQconnectdb(uri);
	if (!b->conn) {
		free(b);
		return ac_diags_oom(diags, NULL, NULL);
	}
	if (pq.PQstatus(b->conn) != CONNECTION_OK) {
		ac_status s = pg_error(b, "connecting", diags);
		pg_close(&b->base);
		return s;
	}
	/* Named without the password the address may hold. */
	snprintf(b->where, sizeof b->where, "PostgreSQL database %s on %s:%s", pq.PQdb(b->conn), pq.PQhost(b->conn),
		 pq.PQport(b->conn));
	pq.PQclear(pq.PQexec(b->conn, "SET client_min_messages = warning"));
	ac_status s = prepare(b, diags);
	if (s != AC_OK) {
		pg_close(&b->base);
		return s;
	}
	*out = &b->base;
	return AC_OK;
}
