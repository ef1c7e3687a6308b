/*
 * allocator.c — ac_set_allocator: installs a caller's allocator for the
 * library (core/alloc.c) and routes jansson and SQLite through the same one.
 * SQLite asks for the size of a block, so each of its blocks starts with a
 * header holding its size.
 */
#include "core/sqlite.h"
#include <jansson.h>

#include "aicert.h"
#include "core/alloc.h"

/* A header of this size keeps SQLite's blocks aligned for any type. */
#define HEADER 16

static void *sq_malloc(int n)
{
	if (n < 0)
		return NULL;
	unsigned char *p = ac_mem_hook_malloc((size_t)n + HEADER);
	if (!p)
		return NULL;
	memcpy(p, &(size_t){(size_t)n}, sizeof(size_t));
	return p + HEADER;
}

static void sq_free(void *p)
{
	if (p)
		ac_mem_hook_free((unsigned char *)p - HEADER);
}

static int sq_size(void *p)
{
	size_t n = 0;
	if (p)
		memcpy(&n, (unsigned char *)p - HEADER, sizeof n);
	return (int)n;
}

static void *sq_realloc(void *p, int n)
{
	if (!p)
		return sq_malloc(n);
	if (n < 0)
		return NULL;
	unsigned char *q = ac_mem_hook_realloc((unsigned char *)p - HEADER, (size_t)n + HEADER);
	if (!q)
		return NULL;
	memcpy(q, &(size_t){(size_t)n}, sizeof(size_t));
	return q + HEADER;
}

static int sq_roundup(int n)
{
	return (n + 7) & ~7;
}

static int sq_init(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void sq_shutdown(void *unused)
{
	(void)unused;
}

static const sqlite3_mem_methods sqlite_methods = {
	sq_malloc, sq_free, sq_realloc, sq_size, sq_roundup, sq_init, sq_shutdown, NULL,
};

ac_status ac_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t), void (*free_fn)(void *))
{
	if (!malloc_fn || !realloc_fn || !free_fn)
		return AC_EINPUT;
	/* SQLite is told before it starts, so it is opened now. */
	if (!ac_sqlite_load(NULL, NULL) || sqlite3_config(SQLITE_CONFIG_MALLOC, &sqlite_methods) != SQLITE_OK)
		return AC_EINPUT;
	ac_mem_set(malloc_fn, realloc_fn, free_fn);
	json_set_alloc_funcs(ac_mem_json_malloc, ac_mem_hook_free);
	return AC_OK;
}

unsigned long ac_allocation_failures(void)
{
	return ac_mem_failures();
}
