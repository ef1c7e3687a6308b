/*
 * sqlite.h — SQLite, opened the first time a command needs it (see
 * dynlib.h).  Debian builds libsqlite3 to bind every symbol when it loads,
 * which cost half of an `aicert assess` that reads no occupation data.
 *
 * A source includes this header instead of <sqlite3.h> and calls SQLite as
 * usual: each function it uses is listed below and its name stands for the
 * pointer the library filled.  Before the first use of a connection, the
 * caller opens the library with ac_sqlite_load; sqlite3_finalize and
 * sqlite3_close of NULL do nothing, as SQLite's own do, even when it could
 * not be opened.
 */
#ifndef AC_CORE_SQLITE_H
#define AC_CORE_SQLITE_H

#include <sqlite3.h>

#include "core/diag.h"
#include "core/dynlib.h"

/* clang-format off */
#define AC_SQLITE_SYMBOLS(X) \
	X(sqlite3_bind_double) X(sqlite3_bind_int) X(sqlite3_bind_int64) X(sqlite3_bind_null) \
	X(sqlite3_bind_text) X(sqlite3_busy_timeout) X(sqlite3_changes) X(sqlite3_clear_bindings) \
	X(sqlite3_close) X(sqlite3_column_double) X(sqlite3_column_int) X(sqlite3_column_int64) \
	X(sqlite3_column_text) X(sqlite3_column_type) X(sqlite3_config) X(sqlite3_errcode) \
	X(sqlite3_errmsg) X(sqlite3_exec) X(sqlite3_extended_errcode) X(sqlite3_file_control) \
	X(sqlite3_finalize) X(sqlite3_get_autocommit) X(sqlite3_open_v2) X(sqlite3_prepare_v2) \
	X(sqlite3_prepare_v3) X(sqlite3_reset) X(sqlite3_step) X(sqlite3_system_errno)
/* clang-format on */

struct ac_sqlite_api {
	AC_SQLITE_SYMBOLS(AC_DYNLIB_SLOT)
};
extern struct ac_sqlite_api ac_sqlite;

/* Opens SQLite once per process; 1 when it is there, else 0 after adding
 * to diags (when not NULL) what the loader said, for the file at path. */
int ac_sqlite_load(ac_diags *diags, const char *path);
int ac_sqlite_finalize(sqlite3_stmt *st);
int ac_sqlite_close(sqlite3 *db);

/* clang-format off */
#define sqlite3_bind_double ac_sqlite.sqlite3_bind_double
#define sqlite3_bind_int ac_sqlite.sqlite3_bind_int
#define sqlite3_bind_int64 ac_sqlite.sqlite3_bind_int64
#define sqlite3_bind_null ac_sqlite.sqlite3_bind_null
#define sqlite3_bind_text ac_sqlite.sqlite3_bind_text
#define sqlite3_busy_timeout ac_sqlite.sqlite3_busy_timeout
#define sqlite3_changes ac_sqlite.sqlite3_changes
#define sqlite3_clear_bindings ac_sqlite.sqlite3_clear_bindings
#define sqlite3_close ac_sqlite_close
#define sqlite3_column_double ac_sqlite.sqlite3_column_double
#define sqlite3_column_int ac_sqlite.sqlite3_column_int
#define sqlite3_column_int64 ac_sqlite.sqlite3_column_int64
#define sqlite3_column_text ac_sqlite.sqlite3_column_text
#define sqlite3_column_type ac_sqlite.sqlite3_column_type
#define sqlite3_config ac_sqlite.sqlite3_config
#define sqlite3_errcode ac_sqlite.sqlite3_errcode
#define sqlite3_errmsg ac_sqlite.sqlite3_errmsg
#define sqlite3_exec ac_sqlite.sqlite3_exec
#define sqlite3_extended_errcode ac_sqlite.sqlite3_extended_errcode
#define sqlite3_file_control ac_sqlite.sqlite3_file_control
#define sqlite3_finalize ac_sqlite_finalize
#define sqlite3_get_autocommit ac_sqlite.sqlite3_get_autocommit
#define sqlite3_open_v2 ac_sqlite.sqlite3_open_v2
#define sqlite3_prepare_v2 ac_sqlite.sqlite3_prepare_v2
#define sqlite3_prepare_v3 ac_sqlite.sqlite3_prepare_v3
#define sqlite3_reset ac_sqlite.sqlite3_reset
#define sqlite3_step ac_sqlite.sqlite3_step
#define sqlite3_system_errno ac_sqlite.sqlite3_system_errno
/* clang-format on */

#endif
