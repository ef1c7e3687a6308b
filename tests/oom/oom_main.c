/*
 * oom_main.c — the aicert tool with an allocator that fails on request, for
 * the out-of-memory test (run_oom.py).  AICERT_FAIL_ALLOC=N makes the N-th
 * allocation of the library (jansson's and SQLite's included) return NULL;
 * AICERT_ALLOC_COUNT=FILE writes how many allocations the run asked for.
 */
#undef main /* the build renames the tool's main to aicert_cli_main */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "aicert.h"

int aicert_cli_main(int argc, char **argv);

static atomic_ulong calls;
static unsigned long fail_at;
static const char *count_file;

static int fails_now(void)
{
	unsigned long n = atomic_fetch_add(&calls, 1) + 1;
	return fail_at && n == fail_at;
}

static void *test_malloc(size_t n)
{
	return fails_now() ? NULL : malloc(n);
}

static void *test_realloc(void *p, size_t n)
{
	return fails_now() ? NULL : realloc(p, n);
}

static void write_count(void)
{
	FILE *f = fopen(count_file, "w");
	if (f) {
		fprintf(f, "%lu\n", (unsigned long)atomic_load(&calls));
		fclose(f);
	}
}

int main(int argc, char **argv)
{
	const char *n = getenv("AICERT_FAIL_ALLOC");
	fail_at = n ? strtoul(n, NULL, 10) : 0;
	count_file = getenv("AICERT_ALLOC_COUNT");
	if (count_file)
		atexit(write_count);
	if (ac_set_allocator(test_malloc, test_realloc, free) != AC_OK) {
		fputs("oom_main: the allocator could not be set\n", stderr);
		return 1;
	}
	return aicert_cli_main(argc, argv);
}
