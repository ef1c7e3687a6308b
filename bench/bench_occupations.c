/*
 * bench_occupations.c — how long the occupation data takes: the import of the
 * official files, title search over a few thousand real alternate titles
 * (every k-th one in file order, so runs are comparable), looking up their
 * occupations (first time, and again as an assessment repeated over many
 * certificates does), and cloning a handle for another thread.
 * Usage: bench_occupations [DATA_DIR (default ../shared/data)] [N_TITLES (default 3000)]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "aicert.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

typedef struct {
	char *title;
	char *code;
} sample;

/* Every k-th alternate title (kind 2) with its occupation. */
static size_t sample_titles(const char *db, size_t want, sample **out)
{
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	*out = NULL;
	if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s, "SELECT title, code FROM titles WHERE kind = 2 AND id % (1 + (SELECT count(*)"
				  " FROM titles WHERE kind = 2) / ?1) = 0 ORDER BY id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: cannot read titles: %s\n", s ? sqlite3_errmsg(s) : "no memory");
		sqlite3_close(s);
		return 0;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)want);
	sample *v = calloc(want, sizeof *v);
	while (v && n < want && sqlite3_step(st) == SQLITE_ROW) {
		v[n].title = strdup((const char *)sqlite3_column_text(st, 0));
		v[n].code = strdup((const char *)sqlite3_column_text(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(s);
	*out = v;
	return n;
}

int main(int argc, char **argv)
{
	const char *src = argc > 1 ? argv[1] : "../shared/data";
	size_t want = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 3000;
	if (want == 0)
		want = 3000;
	char db[256];
	const char *tmp = getenv("TMPDIR");
	snprintf(db, sizeof db, "%s/aicert-bench-%ld.db", tmp && *tmp ? tmp : "/tmp", (long)getpid());

	ac_diags d;
	ac_diags_init(&d);
	double t0 = now();
	ac_status st = ac_occdata_import(src, db, &d);
	double import_s = now() - t0;
	if (st != AC_OK) {
		for (size_t i = 0; i < d.count; i++) {
			char *s = ac_diag_format(&d.items[i]);
			fprintf(stderr, "bench: %s\n", s ? s : d.items[i].message);
			ac_free(s);
		}
		fprintf(stderr, "bench: the import of %s failed (give the data folder as the first argument)\n", src);
		return 1;
	}
	printf("import of %s: %.2f s\n", src, import_s);

	ac_occdata *data = NULL;
	sample *titles = NULL;
	size_t n = 0;
	if (ac_occdata_open(db, &data, &d) != AC_OK || (n = sample_titles(db, want, &titles)) == 0) {
		fprintf(stderr, "bench: cannot open the new database\n");
		unlink(db);
		return 1;
	}
	double *lat = malloc(n * sizeof *lat);
	size_t top1 = 0, top10 = 0, errors = 0;
	for (size_t i = 0; lat && i < n; i++) {
		ac_occ_match *m = NULL;
		size_t k = 0;
		double s = now();
		st = ac_occdata_search(data, titles[i].title, 10, &m, &k, NULL);
		lat[i] = (now() - s) * 1000.0;
		if (st != AC_OK)
			errors++;
		for (size_t j = 0; j < k; j++)
			if (strcmp(m[j].code, titles[i].code) == 0) {
				top1 += j == 0;
				top10++;
				break;
			}
		ac_occ_matches_free(m, k);
	}
	if (lat) {
		/* Lookups: each sampled occupation once, then one of them many times. */
		size_t lookups = 0, lookup_errors = 0;
		double l0 = now();
		for (size_t i = 0; i < n; i++) {
			ac_occupation *o = NULL;
			lookup_errors += ac_occdata_occupation(data, titles[i].code, &o, NULL) != AC_OK;
			ac_occupation_free(o);
			lookups++;
		}
		double first_ms = (now() - l0) * 1000.0 / (double)lookups;
		l0 = now();
		for (int i = 0; i < 1000; i++) {
			ac_occupation *o = NULL;
			lookup_errors += ac_occdata_occupation(data, titles[0].code, &o, NULL) != AC_OK;
			ac_occupation_free(o);
		}
		double again_ms = (now() - l0);
		l0 = now();
		for (int i = 0; i < 100; i++) {
			ac_occdata *c = NULL;
			lookup_errors += ac_occdata_clone(data, &c, NULL) != AC_OK;
			ac_occdata_close(c);
		}
		double clone_ms = (now() - l0) * 10.0;
		printf("occupation lookup: %.3f ms each over %zu occupations, %.3f ms when repeated; clone %.3f ms"
		       " (%zu errors)\n", first_ms, lookups, again_ms, clone_ms, lookup_errors);
		errors += lookup_errors;

		double sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += lat[i];
		qsort(lat, n, sizeof *lat, by_double);
		size_t p99 = (size_t)ceil(0.99 * (double)n) - 1;
		printf("title search over %zu alternate titles (limit 10): median %.3f ms, p99 %.3f ms, mean %.3f ms,"
		       " max %.3f ms\n", n, lat[n / 2], lat[p99], sum / (double)n, lat[n - 1]);
		printf("the title's own occupation ranked first for %.1f%%, in the top 10 for %.1f%% (%zu errors)\n",
		       100.0 * (double)top1 / (double)n, 100.0 * (double)top10 / (double)n, errors);
	}
	for (size_t i = 0; i < n; i++) {
		free(titles[i].title);
		free(titles[i].code);
	}
	free(titles);
	free(lat);
	ac_diags_free(&d);
	ac_occdata_close(data);
	unlink(db);
	return errors ? 1 : 0;
}
