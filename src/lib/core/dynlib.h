/*
 * dynlib.h — a shared library opened the first time a command needs it.
 *
 * libpq (the PostgreSQL store), libmicrohttpd (the server) and libedit (the
 * interview's line editing) bring about thirty libraries with them; loading
 * them with every `aicert assess` cost half of the process.  Each is named
 * by the file the loader knows it by (its soname, found by the build) and
 * its symbols are put in a struct of pointers of their own types:
 *
 *     #define PQ_SYMBOLS(X) X(PQconnectdb) X(PQfinish)
 *     AC_DYNLIB_DEFINE(pq, pq_lib, "libpq", AICERT_LIBPQ_SONAME, PQ_SYMBOLS)
 *     ...
 *     if (!ac_dynlib_open(&pq_lib, &pq)) report(pq_lib.why);
 *     pq.PQfinish(conn);
 *
 * A symbol of data (libedit's rl_instream) gets a pointer to it.
 */
#ifndef AC_CORE_DYNLIB_H
#define AC_CORE_DYNLIB_H

#include <stddef.h>

#define AC_DYNLIB_SLOT(sym) __typeof__(sym) *sym;
#define AC_DYNLIB_NAME(sym) #sym,
#define AC_DYNLIB_COUNT(sym) +1

/* The library lib that fills api, a struct of the symbols SYMBOLS lists (an
 * X-macro) defined beside it, one pointer each (AC_DYNLIB_SLOT): lib is
 * named name and opened as soname.  For an api shared by several sources
 * (core/sqlite.c, core/maths.c). */
#define AC_DYNLIB_LIB(api, lib, name, soname, SYMBOLS)                                                                 \
	static const char *const api##_symbols[] = {SYMBOLS(AC_DYNLIB_NAME) NULL};                                     \
	static ac_dynlib lib = {name, soname, api##_symbols, 0, 0, ""};                                                \
	_Static_assert(sizeof api == (0 SYMBOLS(AC_DYNLIB_COUNT)) * sizeof(void *), "one pointer per symbol");

/* The struct api of the symbols SYMBOLS lists, kept to one source, and the
 * library lib that fills it (AC_DYNLIB_LIB). */
#define AC_DYNLIB_DEFINE(api, lib, name, soname, SYMBOLS)                                                              \
	static struct {                                                                                                \
		SYMBOLS(AC_DYNLIB_SLOT)                                                                                \
	} api;                                                                                                         \
	AC_DYNLIB_LIB(api, lib, name, soname, SYMBOLS)

typedef struct {
	const char *name; /* in messages: "libpq" */
	const char *soname; /* "libpq.so.5" */
	const char *const *symbols; /* NULL-terminated, in the order of the struct's slots */
	/* Set by ac_dynlib_open: */
	int tried, ok;
	char why[320]; /* when it failed: what the loader said, in a sentence */
} ac_dynlib;

/* Opens lib, once per process however many threads ask, and fills slots
 * (a struct of as many pointers as lib has symbols) with their addresses;
 * 1 when every symbol was found, else 0 with lib->why set. */
int ac_dynlib_open(ac_dynlib *lib, void *slots);

#endif
