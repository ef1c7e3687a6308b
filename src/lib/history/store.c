/*
 * store.c — the history file: where it lives, creating it (mode 0600, its
 * folder 0700), and refusing one that is damaged, is not ours, or comes from
 * a newer aicert, without touching it.  The tables carry a version in
 * schema_version; older tables are brought up to date by the numbered
 * migrations below, each step in one transaction.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "history/history.h"

/* ------------------------------------------------------------ migrations */

/* Version 1: each assessment with its policy's name, version and hash. */
static const char v1[] = "CREATE TABLE schema_version (version INTEGER NOT NULL);"
			 "INSERT INTO schema_version VALUES (1);"
			 "CREATE TABLE assessments ("
			 " id INTEGER PRIMARY KEY AUTOINCREMENT,"
			 " saved_at TEXT NOT NULL," /* UTC, ISO 8601 */
			 " as_of TEXT NOT NULL," /* the date the assessment speaks for */
			 " label TEXT,"
			 " verdict TEXT NOT NULL,"
			 " reason TEXT NOT NULL,"
			 " profile TEXT NOT NULL," /* canonical JSON */
			 " assessment TEXT NOT NULL," /* the assessment document */
			 " policy_name TEXT NOT NULL,"
			 " policy_version TEXT NOT NULL,"
			 " policy_hash TEXT NOT NULL," /* SHA-256 of the policy text */
			 " catalogue_version TEXT,"
			 " data_version TEXT);";

/* Version 2: the policy texts themselves, once per hash, so that a diff can
 * re-assess an old profile under its own policy; and the program's version.
 * Records saved before keep the built-in policy's text when it is the one
 * they used. */
static const char v2[] = "CREATE TABLE policies (hash TEXT PRIMARY KEY, name TEXT NOT NULL, version TEXT NOT NULL,"
			 " text TEXT NOT NULL);"
			 "ALTER TABLE assessments ADD COLUMN aicert_version TEXT;"
			 "CREATE INDEX assessments_saved_at ON assessments (saved_at);"
			 "UPDATE schema_version SET version = 2;";

/* Version 3: a token per record, for a server's store (`aicert serve
 * --store`), where a record is found only by the random token its client was
 * given; the local history leaves it empty. */
static const char v3[] = "ALTER TABLE assessments ADD COLUMN token TEXT;"
			 "CREATE UNIQUE INDEX assessments_token ON assessments (token);"
			 "UPDATE schema_version SET version = 3;";

static const char *const migrations[AC_HISTORY_SCHEMA_VERSION] = {v1, v2, v3};

/* What migration to version 2 adds beyond SQL: the built-in policy's text. */
static ac_status after_v2(ac_history *h, ac_diags *diags)
{
	const char *text = ac_policy_default_text();
	char hash[65];
	hist_sha256_hex(text, strlen(text), hash);
	sqlite3_stmt *st = NULL;
	ac_status s = AC_OK;
	if (sqlite3_prepare_v2(
		    h->db,
		    "INSERT INTO policies (hash, name, version, text) SELECT ?1, policy_name, policy_version, ?2"
		    " FROM assessments WHERE policy_hash = ?1 LIMIT 1",
		    -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE)
		s = hist_sql_error(h, "updating the history", diags);
	sqlite3_finalize(st);
	return s;
}

/* ------------------------------------------------------------ errors */

ac_status hist_sql_error(ac_history *h, const char *doing, ac_diags *diags)
{
	int code = sqlite3_extended_errcode(h->db) & 0xff;
	if (code == SQLITE_NOMEM) {
		ac_diags_add(diags, h->path, NULL, 0, 0, "%s: out of memory", doing);
		return AC_ENOMEM;
	}
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "%s: the history is damaged (%s); it was left as it is: "
			     "move it away to start a new one",
			     doing, sqlite3_errmsg(h->db));
		return AC_EINPUT;
	}
	ac_diags_add(diags, h->path, NULL, 0, 0, "%s: %s", doing, sqlite3_errmsg(h->db));
	return AC_EIO;
}

ac_status hist_exec(ac_history *h, const char *sql, const char *doing, ac_diags *diags)
{
	return sqlite3_exec(h->db, sql, NULL, NULL, NULL) == SQLITE_OK ? AC_OK : hist_sql_error(h, doing, diags);
}

const char *hist_text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

/* One integer from a query (a PRAGMA, a count); -1 when it failed. */
static long long query_int(ac_history *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* ------------------------------------------------------------ where */

char *ac_history_default_path(void)
{
	const char *env = getenv("AICERT_HISTORY");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	strbuf sb;
	sb_init(&sb);
	if (xdg && *xdg == '/')
		sb_printf(&sb, "%s/aicert/history.db", xdg);
	else
		sb_printf(&sb, "%s/.local/share/aicert/history.db", home && *home ? home : ".");
	return sb_take(&sb, NULL);
}

/* Makes the folders above path (0700 for those it creates). */
static int make_parents(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return ENOMEM;
	int err = 0;
	for (char *p = dir + 1; *p && !err; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			err = errno;
		*p = '/';
	}
	free(dir);
	return err;
}

/* ------------------------------------------------------------ opening */

void ac_history_close(ac_history *h)
{
	if (!h)
		return;
	sqlite3_close(h->db);
	free(h->path);
	free(h);
}

const char *ac_history_path(const ac_history *h)
{
	return h->path;
}

/* The tables' version: 0 for an empty file, -1 when it cannot be read. */
static long long tables_version(ac_history *h)
{
	long long tables = query_int(h, "SELECT count(*) FROM sqlite_master");
	return tables <= 0 ? tables : query_int(h, "SELECT version FROM schema_version");
}

static ac_status newer(ac_history *h, long long version, ac_diags *diags)
{
	ac_diags_add(diags, h->path, NULL, 0, 0,
		     "found a history written by a newer aicert (history version %lld; "
		     "this aicert %s reads up to version %d); it was left as it is",
		     version, ac_version(), AC_HISTORY_SCHEMA_VERSION);
	return AC_EINPUT;
}

/* Brings the tables up to the current version, one step per transaction.
 * The version is read again under the write lock: another process may have
 * moved it meanwhile. */
static ac_status migrate(ac_history *h, ac_diags *diags)
{
	for (;;) {
		ac_status s = hist_exec(h, "BEGIN IMMEDIATE", "updating the history", diags);
		if (s != AC_OK)
			return s;
		long long v = tables_version(h);
		if (v < 0 || v >= AC_HISTORY_SCHEMA_VERSION) {
			s = v < 0                           ? hist_sql_error(h, "reading the history", diags)
			    : v > AC_HISTORY_SCHEMA_VERSION ? newer(h, v, diags)
							    : AC_OK;
			sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
			return s;
		}
		char app[64];
		snprintf(app, sizeof app, "PRAGMA application_id = %d", HIST_APPLICATION_ID);
		s = hist_exec(h, migrations[v], "updating the history", diags);
		if (s == AC_OK && v == 0)
			s = hist_exec(h, app, "creating the history", diags);
		if (s == AC_OK && v + 1 == 2)
			s = after_v2(h, diags);
		if (s == AC_OK)
			s = hist_exec(h, "COMMIT", "updating the history", diags);
		if (s != AC_OK) {
			sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
			return s;
		}
	}
}

/* SQLite's own check of the file's structure: a damaged history is refused
 * before anything reads or writes it. */
static ac_status intact(ac_history *h, ac_diags *diags)
{
	sqlite3_stmt *st = NULL;
	ac_status s = AC_OK;
	unsigned long failures = ac_mem_failures(); /* the check reports memory running out as damage */
	if (sqlite3_prepare_v2(h->db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		s = hist_sql_error(h, "checking the history", diags);
	else if (ac_mem_failures() != failures)
		s = ac_diags_oom(diags, h->path, "checking the history");
	else if (strcmp(hist_text(st, 0) ? hist_text(st, 0) : "", "ok") != 0) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "the history is damaged (%s); it was left as it is: move it away "
			     "to start a new one",
			     hist_text(st, 0) ? hist_text(st, 0) : "no details");
		s = AC_EINPUT;
	}
	sqlite3_finalize(st);
	return s;
}

/* Decides whether the file is an aicert history this aicert can use. */
static ac_status check(ac_history *h, ac_diags *diags)
{
	long long tables = query_int(h, "SELECT count(*) FROM sqlite_master");
	if (tables < 0)
		return hist_sql_error(h, "opening the history", diags);
	long long app = query_int(h, "PRAGMA application_id");
	if (app < 0)
		return hist_sql_error(h, "opening the history", diags);
	if (tables == 0 && app == 0)
		return migrate(h, diags); /* a new, empty file */
	ac_status s = intact(h, diags);
	if (s != AC_OK)
		return s;
	if (app != HIST_APPLICATION_ID) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "found a database that is not an aicert history; it was left "
			     "as it is (set AICERT_HISTORY to use another file)");
		return AC_EINPUT;
	}
	long long version = query_int(h, "SELECT version FROM schema_version");
	if (version < 0 && (sqlite3_extended_errcode(h->db) & 0xff) == SQLITE_NOMEM)
		return hist_sql_error(h, "opening the history", diags);
	if (version < 1) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "found an aicert history without a readable version; it was "
			     "left as it is: move it away to start a new one");
		return AC_EINPUT;
	}
	if (version > AC_HISTORY_SCHEMA_VERSION)
		return newer(h, version, diags);
	return version < AC_HISTORY_SCHEMA_VERSION ? migrate(h, diags) : AC_OK;
}

ac_status ac_history_open(const char *path, int create, ac_history **out, ac_diags *diags)
{
	*out = NULL;
	ac_history *h = calloc(1, sizeof *h);
	if (!h || !(h->path = path ? strdup(path) : ac_history_default_path())) {
		free(h);
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
		return AC_ENOMEM;
	}
	if (!ac_sqlite_load(diags, h->path)) { /* before a file is made */
		ac_history_close(h);
		return AC_EIO;
	}
	struct stat sb;
	if (stat(h->path, &sb) != 0) {
		int err = errno;
		if (err != ENOENT || !create) {
			ac_diags_add(diags, h->path, NULL, 0, 0,
				     err == ENOENT ? "there is no history here yet (save an "
						     "assessment with 'aicert assess PROFILE --save')"
						   : "cannot open: %s",
				     strerror(err));
			ac_history_close(h);
			return err == ENOENT ? AC_ENOTFOUND : AC_EIO;
		}
		/* Made by us, readable by the owner only; SQLite's journal files follow its mode. */
		int fd = (err = make_parents(h->path)) ? -1 : open(h->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 && !err)
			err = errno;
		if (fd >= 0)
			close(fd);
		else if (err != EEXIST) {
			ac_diags_add(diags, h->path, NULL, 0, 0, "cannot create the history: %s", strerror(err));
			ac_history_close(h);
			return AC_EIO;
		}
	}
	if (sqlite3_open_v2(h->path, &h->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		ac_status s = h->db ? hist_sql_error(h, "opening the history", diags) : AC_ENOMEM;
		if (!h->db)
			ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
		ac_history_close(h);
		return s;
	}
	sqlite3_busy_timeout(h->db, 10000);
	sqlite3_exec(h->db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON", NULL, NULL, NULL);
	ac_status s = check(h, diags);
	if (s != AC_OK) {
		ac_history_close(h);
		return s;
	}
	*out = h;
	return AC_OK;
}
