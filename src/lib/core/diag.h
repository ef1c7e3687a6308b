/*
 * diag.h — what the library's own files add to the public diagnostics
 * (aicert.h): the diagnostic's own fields, a va_list form for wrappers, so
 * that no caller formats into a fixed buffer first, and the one cap on a
 * message's length.
 */
#ifndef AICERT_DIAG_H
#define AICERT_DIAG_H

#include <stdarg.h>

#include "aicert.h"

/* One diagnostic (opaque in aicert.h; read there with ac_diag_source and
 * the rest).  A list's entries are reached with ac_diags_at, never indexed
 * by a caller, so a new field here breaks no one. */
struct ac_diag {
	char *source; /* file name or "-" or NULL */
	char *path; /* JSON path such as role.tasks[2].share, or NULL */
	int line; /* 1-based, 0 when not known */
	int column; /* 1-based, 0 when not known */
	char *message;
};

/* The longest message kept, in bytes.  A longer one is cut on a UTF-8
 * character boundary and ends with " [message cut: N of M bytes shown]", so
 * a cut is never silent.  Generous: no message the library writes is
 * anywhere near it; it bounds what quoted input can make a message cost. */
#define AC_DIAG_MAX_MESSAGE (64 * 1024)

/* ac_diags_add with a va_list. */
ac_status ac_diags_vadd(ac_diags *d, const char *source, const char *path, int line, int column, const char *fmt,
			va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 0)))
#endif
	;

/* Adds "out of memory while WHAT" (what may be NULL) and returns AC_ENOMEM,
 * so that an allocation failure is reported as itself, never as bad input.
 * When even that message cannot be stored, the status alone says it. */
ac_status ac_diags_oom(ac_diags *d, const char *source, const char *what);
/* Drops the diagnostics after the first count. */
void ac_diags_truncate(ac_diags *d, size_t count);
/* The same as ac_diags_oom after dropping what was said after the first
 * count diagnostics: for work whose problems an allocation failure may have
 * made up (SQLite's constraint checks, jansson's parser). */
ac_status ac_diags_oom_since(ac_diags *d, size_t count, const char *source, const char *what);

#endif
