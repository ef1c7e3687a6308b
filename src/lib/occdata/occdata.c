/*
 * occdata.c — the occupation-data handle: where the database is, opening it
 * read-only (checking that it is an aicert database of this schema),
 * cloning a handle for another thread, closing, and the errors every reader
 * file reports through.  The reading itself is in lookup.c, info.c,
 * search.c and calibrate.c; how the database is built, in import.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/alloc.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "occdata/handle.h"
#include "occdata/occdata.h"

const char *ac_occdata_install_hint(void)
{
	return "the database is built with aicert (cmake --build) and installed with it; for other "
	       "releases, download the files with scripts/fetch-data.sh DIR and run "
	       "'aicert data import --from DIR'";
}

#ifndef AICERT_INSTALLED_DATA
#define AICERT_INSTALLED_DATA ""
#endif
#ifndef AICERT_BUILD_DATA
#define AICERT_BUILD_DATA ""
#endif

/* The user's own database into *out: $AICERT_DATA, else
 * $XDG_DATA_HOME/aicert/occupations.db, else ~/.local/share/aicert/occupations.db.
 * 1 found, 0 no place (no variable set), -1 out of memory.  *explicit is
 * set when $AICERT_DATA named it. */
static int user_path(char **out, int *explicit)
{
	const char *e = getenv("AICERT_DATA");
	const char *x = getenv("XDG_DATA_HOME");
	const char *h = getenv("HOME");
	*explicit = e && *e;
	if (e && *e)
		*out = strdup(e);
	else if (x && x[0] == '/') /* the XDG spec ignores relative paths */
		*out = ac_strdup_printf("%s/aicert/occupations.db", x);
	else if (h && *h)
		*out = ac_strdup_printf("%s/.local/share/aicert/occupations.db", h);
	else
		*out = NULL;
	if (*out)
		return 1;
	return (e && *e) || (x && x[0] == '/') || (h && *h) ? -1 : 0;
}

char *ac_occdata_user_path(void)
{
	char *p;
	int explicit;
	user_path(&p, &explicit);
	return p;
}

static int exists(const char *p)
{
	struct stat sb;
	return p && *p && stat(p, &sb) == 0;
}

/* The database to read into *out, in the documented order (see aicert.h);
 * as user_path() otherwise. */
static int default_path(char **out)
{
	int explicit;
	int r = user_path(out, &explicit);
	if (r < 0 || explicit || exists(*out))
		return r;
	const char *shipped[] = {AICERT_INSTALLED_DATA, AICERT_BUILD_DATA};
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++)
		if (exists(shipped[i])) {
			free(*out);
			*out = strdup(shipped[i]);
			return *out ? 1 : -1;
		}
	return r;
}

char *ac_occdata_default_path(void)
{
	char *p;
	default_path(&p);
	return p;
}

/* ------------------------------------------------------------ errors */

ac_status occ_db_error(ac_occdata *db, ac_diags *diags)
{
	int rc = sqlite3_errcode(db->db) & 0xff;
	if (rc == SQLITE_NOMEM || ac_mem_failures() != db->failures)
		return ac_diags_oom(diags, db->path, "reading the occupation database");
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		ac_diags_add(diags, db->path, NULL, 0, 0, "the occupation database is damaged (%s): %s",
			     sqlite3_errmsg(db->db), ac_occdata_install_hint());
	else
		ac_diags_add(diags, db->path, NULL, 0, 0, "cannot read the occupation database: %s",
			     sqlite3_errmsg(db->db));
	return AC_EIO;
}

ac_status occ_no_data(ac_diags *diags)
{
	ac_diags_add(diags, NULL, NULL, 0, 0, "no occupation data is open: %s", ac_occdata_install_hint());
	return AC_ENODATA;
}

/* ------------------------------------------------------------ statements and columns */

ac_status occ_stmt(ac_occdata *db, int slot, const char *sql, sqlite3_stmt **st, ac_diags *diags)
{
	*st = NULL;
	db->failures = ac_mem_failures();
	if (!db->stmt[slot]) {
		int rc = sqlite3_prepare_v3(db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->stmt[slot], NULL);
		if (rc != SQLITE_OK) {
			if ((rc & 0xff) == SQLITE_NOMEM)
				return ac_diags_oom(diags, db->path, "reading the occupation database");
			ac_diags_add(diags, db->path, NULL, 0, 0, "the occupation database is damaged (%s): %s",
				     sqlite3_errmsg(db->db), ac_occdata_install_hint());
			return AC_EIO;
		}
	}
	*st = db->stmt[slot];
	return AC_OK;
}

void occ_stmt_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

/* The importer stores only UTF-8 (it refuses anything else), but a damaged
 * file can hand back any bytes: those that are not UTF-8 become U+FFFD, so
 * that every report and every JSON document stays valid text and the damage
 * shows. */
char *occ_dup_text(sqlite3_stmt *st, int col, int *oom)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	const char *s = (const char *)sqlite3_column_text(st, col);
	size_t n = s ? strlen(s) : 0;
	char *c = NULL;
	if (s && ac_utf8_valid(s, n, NULL)) {
		c = strdup(s);
	} else if (s) {
		strbuf sb;
		sb_init(&sb);
		for (size_t i = 0, k; i < n; i += k ? k : 1)
			if ((k = ac_utf8_seq(s + i, n - i)) > 0)
				sb_putn(&sb, s + i, k);
			else
				sb_puts(&sb, "\xEF\xBF\xBD");
		c = sb_take(&sb, NULL);
	}
	if (!c)
		*oom = 1;
	return c;
}

ac_num occ_col_num(sqlite3_stmt *st, int col)
{
	ac_num n = {0, 0};
	if (sqlite3_column_type(st, col) != SQLITE_NULL) {
		n.set = 1;
		n.v = sqlite3_column_double(st, col);
	}
	return n;
}

/* ------------------------------------------------------------ open, clone, close */

void ac_occdata_close(ac_occdata *db)
{
	if (!db)
		return;
	for (int i = 0; i < OCC_Q__COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	for (int i = 0; i < OCC_CACHE_SIZE; i++)
		ac_occupation_free(db->cache[i].occ);
	free(db->betas.v);
	free(db->scores.v);
	free(db->exposures.v);
	free(db->vocab_text);
	free(db->vocab);
	free(db->vocab_titles);
	for (size_t i = 0; i < db->n_own; i++) {
		free(db->own[i].words);
		free(db->own[i].head);
	}
	free(db->own);
	sqlite3_close(db->db);
	free(db->path);
	free(db);
}

/* Opens the connection of a new handle and checks the schema version. */
static ac_status open_connection(ac_occdata *db, ac_diags *diags)
{
	const char *p = db->path;
	if (!ac_sqlite_load(diags, p))
		return AC_EIO;
	int rc = sqlite3_open_v2(p, &db->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (!db->db || (rc & 0xff) == SQLITE_NOMEM)
		return ac_diags_oom(diags, p, "opening the occupation database");
	sqlite3_stmt *q = NULL;
	ac_status st = AC_OK;
	if (rc != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &q, NULL)) !=
		    SQLITE_OK ||
	    (rc = sqlite3_step(q)) != SQLITE_ROW) {
		if ((rc & 0xff) == SQLITE_NOMEM)
			st = ac_diags_oom(diags, p, "opening the occupation database");
		else {
			ac_diags_add(diags, p, NULL, 0, 0, "not an aicert occupation database (%s): %s",
				     sqlite3_errmsg(db->db), ac_occdata_install_hint());
			st = AC_EIO;
		}
	} else if (sqlite3_column_int(q, 0) != OCC_SCHEMA_VERSION) {
		ac_diags_add(diags, p, NULL, 0, 0,
			     "the occupation database has schema version %d, this aicert reads %d: run "
			     "'aicert data import --from DIR' again",
			     sqlite3_column_int(q, 0), OCC_SCHEMA_VERSION);
		st = AC_ENODATA;
	}
	sqlite3_finalize(q);
	return st;
}

ac_status ac_occdata_open(const char *path, ac_occdata **out, ac_diags *diags)
{
	*out = NULL;
	char *p = NULL;
	if (path ? !(p = strdup(path)) : default_path(&p) < 0)
		return ac_diags_oom(diags, path, "opening the occupation database");
	if (!p) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "no place for occupation data: set AICERT_DATA or HOME");
		return AC_ENODATA;
	}
	struct stat sb;
	if (stat(p, &sb) != 0) {
		ac_diags_add(diags, p, NULL, 0, 0, "no occupation data here: %s", ac_occdata_install_hint());
		free(p);
		return AC_ENODATA;
	}
	if (!S_ISREG(sb.st_mode)) { /* SQLite would block on a FIFO for ever */
		ac_diags_add(diags, p, NULL, 0, 0, "found %s, expected an occupation database file",
			     S_ISDIR(sb.st_mode)    ? "a folder"
			     : S_ISFIFO(sb.st_mode) ? "a pipe (FIFO)"
						    : "a device or other special file");
		free(p);
		return AC_EINPUT;
	}
	ac_occdata *db = calloc(1, sizeof *db);
	if (!db) {
		ac_status s = ac_diags_oom(diags, p, "opening the occupation database");
		free(p);
		return s;
	}
	db->path = p;
	db->failures = ac_mem_failures();
	ac_status st = open_connection(db, diags);
	if (st != AC_OK) {
		ac_occdata_close(db);
		return st;
	}
	*out = db;
	return AC_OK;
}

ac_status ac_occdata_clone(const ac_occdata *db, ac_occdata **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return occ_no_data(diags);
	return ac_occdata_open(db->path, out, diags);
}
