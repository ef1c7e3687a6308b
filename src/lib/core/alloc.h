/*
 * alloc.h — every allocation of libaicert goes through one hook, so an
 * embedding program (or the out-of-memory test) can supply its own allocator.
 * The build includes this header first in every library source (-include), so
 * malloc, calloc, realloc, strdup and free below mean the hook's versions.
 */
#ifndef AICERT_ALLOC_H
#define AICERT_ALLOC_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc_state.h"

void *ac_mem_malloc(size_t n);
void *ac_mem_calloc(size_t count, size_t size);
void *ac_mem_realloc(void *p, size_t n);
char *ac_mem_strdup(const char *s);
char *ac_mem_strndup(const char *s, size_t n);
void ac_mem_free(void *p);
/* The hook's raw functions (never NULL), for routing jansson and SQLite. */
void *ac_mem_hook_malloc(size_t n);
void *ac_mem_hook_realloc(void *p, size_t n);
void ac_mem_hook_free(void *p);
/* How many allocations of the calling thread have failed: a caller compares
 * the count before and after a jansson call to know whether what jansson
 * built or read is whole (jansson drops a character or a member it cannot
 * store, or reports it as a syntax error). */
unsigned long ac_mem_failures(void);
/* jansson's allocator (session/allocator.c).  Between ac_mem_json_parse(1)
 * and ac_mem_json_parse(0) (ac_json_load), once one allocation failed every
 * later one fails too: jansson 2.14's string lexer drops a character it
 * could not save, the closing quote included, and then copies the string
 * until it meets that quote, past the end of its buffers; failing its next
 * allocation (the copy's) stops it first. */
void *ac_mem_json_malloc(size_t n);
void ac_mem_json_parse(int on);
/* Installs the hook (session/allocator.c checks the arguments first). */
void ac_mem_set(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t), void (*free_fn)(void *));

#define malloc(n) ac_mem_malloc(n)
#define calloc(c, s) ac_mem_calloc(c, s)
#define realloc(p, n) ac_mem_realloc(p, n)
#define strdup(s) ac_mem_strdup(s)
#define strndup(s, n) ac_mem_strndup(s, n)
#define free(p) ac_mem_free(p)

#endif
