/*
 * occ_test_util.h — what the occupation-data tests share: the fixture's
 * folder, temporary folders, copying a fixture, reading a file, the default
 * policy, and a failure for the fuzz targets.
 */
#ifndef AICERT_OCC_TEST_UTIL_H
#define AICERT_OCC_TEST_UTIL_H

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aicert.h"

#ifndef OCC_FIXTURE_DIR
#define OCC_FIXTURE_DIR "tests/fixtures/occdata"
#endif

/* A broken promise in a harness without cmocka (the fuzz targets): said,
 * then a crash the fuzzer records. */
static inline void occ_test_fail(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}

/* A new empty folder under $TMPDIR (or /tmp) into buf; 0 on success. */
static inline int occ_test_tmpdir(char *buf, size_t size)
{
	const char *t = getenv("TMPDIR");
	snprintf(buf, size, "%s/aicert-occ-XXXXXX", t && *t ? t : "/tmp");
	return mkdtemp(buf) ? 0 : -1;
}

static inline void occ_test_rmtree(const char *path)
{
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[4096];
			if (snprintf(p, sizeof p, "%s/%s", path, e->d_name) < (int)sizeof p)
				occ_test_rmtree(p);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static inline int occ_test_copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	char buf[8192];
	size_t n;
	int rc = in && out ? 0 : -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

/* Copies the tree at from into to (which may exist), skipping the names in
 * skip (NULL-terminated, may be NULL). */
static inline int occ_test_copytree(const char *from, const char *to, const char *const *skip)
{
	DIR *d = opendir(from);
	if (!d)
		return -1;
	if (mkdir(to, 0755) != 0 && errno != EEXIST) {
		closedir(d);
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		int skipped = 0;
		for (const char *const *s = skip; s && *s; s++)
			skipped |= strcmp(*s, e->d_name) == 0;
		if (skipped)
			continue;
		char a[4096], b[4096];
		struct stat sb;
		if (snprintf(a, sizeof a, "%s/%s", from, e->d_name) >= (int)sizeof a ||
		    snprintf(b, sizeof b, "%s/%s", to, e->d_name) >= (int)sizeof b || stat(a, &sb) != 0)
			rc = -1;
		else if (S_ISDIR(sb.st_mode))
			rc = occ_test_copytree(a, b, skip);
		else
			rc = occ_test_copy_file(a, b);
	}
	closedir(d);
	return rc;
}

/* Number of entries in a folder (-1 when it cannot be read). */
static inline int occ_test_count_entries(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static inline char *occ_test_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(buf, 2 * cap + 1);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = n;
	}
	return buf;
}

/* The default policy: it carries the GWA table. */
static inline ac_policy *occ_test_policy(void)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *p = NULL;
	if (ac_policy_default(&p, &d) != AC_OK || ac_policy_gwa_category(p, "4.A.1.a.1") == 0) {
		ac_policy_free(p);
		p = NULL;
	}
	ac_diags_free(&d);
	return p;
}

#endif
