/*
 * sqlite.c — SQLite opened when a command first needs it (see sqlite.h).
 */
#include "core/sqlite.h"

/* Here the two names mean the library's own functions. */
#undef sqlite3_finalize
#undef sqlite3_close

struct ac_sqlite_api ac_sqlite;
AC_DYNLIB_LIB(ac_sqlite, lib, "SQLite", AICERT_SQLITE_SONAME, AC_SQLITE_SYMBOLS)

int ac_sqlite_load(ac_diags *diags, const char *path)
{
	if (ac_dynlib_open(&lib, &ac_sqlite))
		return 1;
	if (diags)
		ac_diags_add(diags, path, NULL, 0, 0, "%s", lib.why);
	return 0;
}

int ac_sqlite_finalize(sqlite3_stmt *st)
{
	return st ? ac_sqlite.sqlite3_finalize(st) : SQLITE_OK;
}

int ac_sqlite_close(sqlite3 *db)
{
	return db ? ac_sqlite.sqlite3_close(db) : SQLITE_OK;
}
