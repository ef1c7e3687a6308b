/*
 * alloc.c — the allocation hook behind alloc.h: the C library's malloc,
 * realloc and free until ac_set_allocator installs a caller's functions.
 */
#include "core/alloc.h"

/* Here the names mean the C library's own functions. */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup
#undef free

#include <stdint.h>

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;
/* How many allocations of this thread failed, for callers whose library
 * (jansson) reports running out of memory as something else, or not at all. */
static _Thread_local unsigned long failures;

unsigned long ac_mem_failures(void)
{
	return failures;
}

int ac_mem_hooked(void)
{
	return hook_malloc != malloc;
}

void ac_mem_set(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t), void (*free_fn)(void *))
{
	hook_malloc = malloc_fn;
	hook_realloc = realloc_fn;
	hook_free = free_fn;
}

void *ac_mem_hook_malloc(size_t n)
{
	void *p = hook_malloc(n ? n : 1);
	if (!p)
		failures++;
	return p;
}

void *ac_mem_hook_realloc(void *p, size_t n)
{
	void *q = hook_realloc(p, n ? n : 1);
	if (!q)
		failures++;
	return q;
}

static _Thread_local int json_parsing, json_parse_failed;

void ac_mem_json_parse(int on)
{
	json_parsing = on;
	json_parse_failed = 0;
}

void *ac_mem_json_malloc(size_t n)
{
	if (json_parsing && json_parse_failed) {
		failures++;
		return NULL;
	}
	void *p = ac_mem_hook_malloc(n);
	if (!p && json_parsing)
		json_parse_failed = 1;
	return p;
}

void ac_mem_hook_free(void *p)
{
	if (p)
		hook_free(p);
}

void *ac_mem_malloc(size_t n)
{
	return ac_mem_hook_malloc(n);
}

void *ac_mem_calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	size_t n = count * size;
	void *p = ac_mem_hook_malloc(n);
	if (p)
		memset(p, 0, n > 0 ? n : 1);
	return p;
}

void *ac_mem_realloc(void *p, size_t n)
{
	return p ? ac_mem_hook_realloc(p, n) : ac_mem_hook_malloc(n);
}

char *ac_mem_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = ac_mem_hook_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* The C library's strndup would take the block from its own malloc, which
 * the hook's free may not own. */
char *ac_mem_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = ac_mem_hook_malloc(len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void ac_mem_free(void *p)
{
	ac_mem_hook_free(p);
}
