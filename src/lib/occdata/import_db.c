/*
 * import_db.c — the database being built, as every part of the importer
 * writes to it: preparing a statement, a failed SQLite call as a diagnostic,
 * a row stored, and a source file's path.  It calls no other import file.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "occdata/import_db.h"

ac_status occ_import_sql_error(importer *im, int rc, const char *what)
{
	if ((rc & 0xff) == SQLITE_NOMEM)
		return ac_diags_oom(im->diags, im->tmppath, "building the database");
	ac_diags_add(im->diags, im->tmppath, NULL, 0, 0, "%s: %s", what, sqlite3_errmsg(im->db));
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
	ac_diags_add(ld->im->diags, ld->im->tmppath, NULL, 0, 0, "cannot store %s line %ld: %s", ld->in.name,
		     ld->in.line, sqlite3_errmsg(ld->im->db));
	return AC_EIO;
}
