/*
 * import_db.c — the database being built, as every part of the importer
 * writes to it: preparing a statement, a failed SQLite call as a diagnostic,
 * a row stored, and a source file's path.  It calls no other import file.
 */
#include "core/sqlite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "occdata/import_db.h"

/* The system's word for what went wrong beneath SQLite ("No space left on
 * device", "Permission denied", "File too large"), or "" when SQLite's own
 * message says it all. */
static const char *system_cause(sqlite3 *db, int rc, char *buf, size_t n)
{
	int e = sqlite3_system_errno(db);
	if (!e) /* a failed write at COMMIT leaves it only in the file's own record */
		sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &e);
	switch (rc & 0xff) {
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_FULL:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		if (e) {
			snprintf(buf, n, " (%s)", strerror(e));
			return buf;
		}
	}
	return "";
}

/* Every failure but running out of memory is the environment's (a full
 * disk, a folder that cannot be written, a failing device): AC_EIO. */
ac_status occ_import_sql_error(importer *im, int rc, const char *what)
{
	if ((rc & 0xff) == SQLITE_NOMEM)
		return ac_diags_oom(im->diags, im->tmppath, "building the database");
	char cause[128];
	ac_diags_add(im->diags, im->tmppath, NULL, 0, 0, "%s: %s%s", what, sqlite3_errmsg(im->db),
		     system_cause(im->db, rc, cause, sizeof cause));
	return AC_EIO;
}

ac_status occ_import_prepare(importer *im, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(im->db, sql, -1, st, NULL);
	return rc == SQLITE_OK ? AC_OK : occ_import_sql_error(im, rc, "cannot prepare a statement");
}

char *occ_join_path(const char *dir, const char *rel)
{
	return ac_strdup_printf("%s%s%s", dir, (*dir && dir[strlen(dir) - 1] == '/') ? "" : "/", rel);
}

ac_status occ_row_step(loader *ld, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE)
		return AC_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return dsv_error(&ld->in, "repeats an earlier row (%s)", sqlite3_errmsg(ld->im->db));
	if ((rc & 0xff) == SQLITE_NOMEM)
		return ac_diags_oom(ld->im->diags, ld->in.name, "storing a row");
	char *msg = ac_strdup_printf("cannot store line %ld of %s", ld->in.line, ld->in.name);
	ac_status s = occ_import_sql_error(ld->im, rc, msg ? msg : "cannot store a row");
	free(msg);
	return s;
}
