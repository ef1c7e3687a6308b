/*
 * bench_engine.c — measures, in one process, how fast the engine is on the
 * example profiles: assessments per second with and without the
 * counterfactual search, and JSON profile parsing and assessment rendering
 * separately.  It prints figures; it asserts nothing.
 *
 *   build/bench_engine [DIR]     (default ../shared/examples)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aicert.h"

#define MAX_PROFILES 64

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(AC_MAX_PROFILE_BYTES + 1);
	*len = buf ? fread(buf, 1, AC_MAX_PROFILE_BYTES, f) : 0;
	fclose(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "../shared/examples";
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "bench_engine: cannot open %s\n", dir);
		return 2;
	}
	char *names[MAX_PROFILES];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < MAX_PROFILES) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);

	char *texts[MAX_PROFILES];
	size_t lens[MAX_PROFILES];
	ac_profile *profiles[MAX_PROFILES];
	ac_session *session;
	ac_diags dg;
	ac_diags_init(&dg);
	ac_session_options so;
	ac_session_options_init(&so);
	so.no_data = 1; /* the engine alone: no occupation data */
	if (ac_session_new(&so, &session, &dg) != AC_OK) {
		fprintf(stderr, "bench_engine: cannot load the built-in policy or catalogue\n");
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		texts[i] = slurp(path, &lens[i]);
		if (!texts[i] || ac_profile_parse(texts[i], lens[i], path, &profiles[i], &dg) != AC_OK) {
			fprintf(stderr, "bench_engine: %s is not a valid profile\n", path);
			return 1;
		}
	}
	printf("bench_engine: %zu profiles from %s\n", n, dir);

	/* 1. JSON parse of profiles. */
	const int parse_rounds = 2000;
	double t0 = now();
	for (int r = 0; r < parse_rounds; r++)
		for (size_t i = 0; i < n; i++) {
			ac_profile *p;
			if (ac_profile_parse(texts[i], lens[i], "x", &p, NULL) == AC_OK)
				ac_profile_free(p);
		}
	double parse = (now() - t0) / (parse_rounds * (double)n);

	/* 2-3. Assessments with and without counterfactuals. */
	double per[2];
	const int rounds[2] = {20000, 400};
	for (int cf = 0; cf < 2; cf++) {
		ac_assess_options ao;
		ac_assess_options_init(&ao);
		ao.counterfactuals = cf;
		t0 = now();
		for (int r = 0; r < rounds[cf]; r++)
			for (size_t i = 0; i < n; i++) {
				ac_assessment *a;
				if (ac_session_assess(session, profiles[i], &ao, &a, NULL) == AC_OK)
					ac_assessment_free(a);
			}
		per[cf] = (now() - t0) / (rounds[cf] * (double)n);
	}

	/* 4. Rendering one assessment as JSON and as text (the engine run is not timed). */
	double render[2];
	for (int f = 0; f < 2; f++) {
		const int rr = 1000;
		double total = 0;
		for (size_t i = 0; i < n; i++) {
			ac_assessment *a;
			if (ac_session_assess(session, profiles[i], NULL, &a, NULL) != AC_OK)
				continue;
			double s = now();
			for (int r = 0; r < rr; r++) {
				char *out;
				size_t len;
				if (ac_render(a, f ? AC_FORMAT_TEXT : AC_FORMAT_JSON, &out, &len) == AC_OK)
					ac_free(out);
			}
			total += now() - s;
			ac_assessment_free(a);
		}
		render[f] = total / (rr * (double)n);
	}

	printf("  profile JSON parse + validate:        %8.1f us/profile  (%9.0f /s)\n", parse * 1e6, 1 / parse);
	printf("  assess, no counterfactuals:           %8.1f us/profile  (%9.0f /s)\n", per[0] * 1e6, 1 / per[0]);
	printf("  assess with counterfactuals+missing:  %8.1f us/profile  (%9.0f /s)\n", per[1] * 1e6, 1 / per[1]);
	printf("  render assessment as JSON:            %8.1f us/profile  (%9.0f /s)\n", render[0] * 1e6, 1 / render[0]);
	printf("  render assessment as text:            %8.1f us/profile  (%9.0f /s)\n", render[1] * 1e6, 1 / render[1]);

	for (size_t i = 0; i < n; i++) {
		ac_profile_free(profiles[i]);
		free(texts[i]);
		free(names[i]);
	}
	ac_session_free(session);
	ac_diags_free(&dg);
	return 0;
}
