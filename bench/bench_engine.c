/*
 * bench_engine.c — where one record's time goes, step by step, in one
 * process: parse the profile, assess it without and with the what-if search,
 * render the assessment as JSON, text, Markdown and HTML, and compare it across the
 * catalogue.  Each step is timed in CPU time and given as a ratio against the
 * parse; each runs in its own step_* function so callgrind can count it.
 * A second reference is jansson reading the same text into its tree
 * (json_loadb), what the parse cost before aicert read profiles itself.
 * It prints figures; it asserts nothing.
 *
 *   build/bench_engine [--once] [DIR | FILE.jsonl] [LIMIT]
 *       DIR: its *.json profiles (default ../shared/examples);
 *       FILE.jsonl: its first LIMIT valid profiles (default 1000);
 *       --once: every step runs once over the profiles (for callgrind).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "aicert.h"

#define MAX_PROFILES 100000

typedef struct {
	char *text;
	size_t len;
	ac_profile *profile;
	ac_assessment *assessment; /* with what-ifs: what the render steps write */
} record;

static ac_session *session;
static ac_assess_options plain, whatifs;
static ac_compare_options cmp;

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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

/* Adds a profile text (taking it) if it parses; returns 1 if kept. */
static int keep(record *r, size_t *n, char *text, size_t len)
{
	ac_profile *p;
	if (ac_profile_parse(text, len, "bench", &p, NULL) != AC_OK) {
		free(text);
		return 0;
	}
	r[*n] = (record){text, len, p, NULL};
	(*n)++;
	return 1;
}

static size_t load_dir(const char *dir, record *r)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	char *names[256];
	size_t k = 0, n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && k < 256) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0)
			names[k++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, k, sizeof *names, by_name);
	for (size_t i = 0; i < k; i++) {
		char path[4096];
		size_t len;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		char *text = slurp(path, &len);
		if (text)
			keep(r, &n, text, len);
		free(names[i]);
	}
	return n;
}

static size_t load_jsonl(const char *file, size_t limit, record *r)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return 0;
	size_t n = 0, cap = 0;
	char *line = NULL;
	ssize_t len;
	while (n < limit && (len = getline(&line, &cap, f)) > 0) {
		char *text = malloc((size_t)len + 1);
		memcpy(text, line, (size_t)len + 1);
		keep(r, &n, text, (size_t)len);
	}
	free(line);
	fclose(f);
	return n;
}

/* ---------------------------------------------------------------- the steps */

static __attribute__((noinline)) void step_parse(record *r)
{
	ac_profile *p;
	if (ac_profile_parse(r->text, r->len, "bench", &p, NULL) == AC_OK)
		ac_profile_free(p);
}

static __attribute__((noinline)) void step_jansson(record *r)
{
	json_t *j = json_loadb(r->text, r->len, 0, NULL);
	json_decref(j);
}

static __attribute__((noinline)) void step_assess(record *r)
{
	ac_assessment *a;
	if (ac_session_assess(session, r->profile, &plain, &a, NULL) == AC_OK)
		ac_assessment_free(a);
}

static __attribute__((noinline)) void step_assess_whatifs(record *r)
{
	ac_assessment *a;
	if (ac_session_assess(session, r->profile, &whatifs, &a, NULL) == AC_OK)
		ac_assessment_free(a);
}

static void render(record *r, ac_format f)
{
	char *out;
	size_t len;
	if (r->assessment && ac_render(r->assessment, f, &out, &len) == AC_OK)
		ac_free(out);
}

static __attribute__((noinline)) void step_render_json(record *r)
{
	render(r, AC_FORMAT_JSON);
}

static __attribute__((noinline)) void step_render_text(record *r)
{
	render(r, AC_FORMAT_TEXT);
}

static __attribute__((noinline)) void step_render_markdown(record *r)
{
	render(r, AC_FORMAT_MARKDOWN);
}

static __attribute__((noinline)) void step_render_html(record *r)
{
	render(r, AC_FORMAT_HTML);
}

static __attribute__((noinline)) void step_compare(record *r)
{
	ac_comparison *c;
	if (ac_session_compare(session, r->profile, &cmp, &c, NULL) == AC_OK)
		ac_comparison_free(c);
}

/* CPU seconds per record of one step: once over the records, or (timed)
 * round after round until at least `budget` CPU seconds have passed. */
static double run(void (*step)(record *), record *r, size_t n, int once, double budget)
{
	size_t done = 0;
	double t0 = cpu_now(), t;
	do {
		for (size_t i = 0; i < n; i++)
			step(&r[i]);
		done += n;
		t = cpu_now() - t0;
	} while (!once && t < budget);
	return t / (double)done;
}

int main(int argc, char **argv)
{
	int once = 0, a = 1;
	if (a < argc && strcmp(argv[a], "--once") == 0) {
		once = 1;
		a++;
	}
	const char *from = a < argc ? argv[a++] : "../shared/examples";
	size_t limit = a < argc ? strtoul(argv[a], NULL, 10) : 1000;
	if (limit == 0 || limit > MAX_PROFILES)
		limit = MAX_PROFILES;
	record *r = calloc(limit < 256 ? 256 : limit, sizeof *r);
	struct stat st;
	if (!r || stat(from, &st) != 0) {
		fprintf(stderr, "bench_engine: cannot read %s\n", from);
		return 2;
	}
	size_t n = S_ISDIR(st.st_mode) ? load_dir(from, r) : load_jsonl(from, limit, r);
	if (n == 0) {
		fprintf(stderr, "bench_engine: no valid profile in %s\n", from);
		return 2;
	}

	ac_session_options so;
	ac_session_options_init(&so);
	so.no_data = 1; /* the model alone: no occupation data */
	if (ac_session_new(&so, &session, NULL) != AC_OK) {
		fprintf(stderr, "bench_engine: cannot load the built-in policy or catalogue\n");
		return 1;
	}
	ac_assess_options_init(&plain);
	plain.counterfactuals = 0;
	ac_assess_options_init(&whatifs);
	ac_compare_options_init(&cmp);
	for (size_t i = 0; i < n; i++)
		ac_session_assess(session, r[i].profile, &whatifs, &r[i].assessment, NULL);
	size_t certs = ac_catalogue_count(ac_session_catalogue(session));

	const double budget = 2.0;
	double parse = run(step_parse, r, n, once, budget);
	double jansson = run(step_jansson, r, n, once, budget);
	double assess = run(step_assess, r, n, once, budget);
	double with = run(step_assess_whatifs, r, n, once, budget);
	double json = run(step_render_json, r, n, once, budget);
	double text = run(step_render_text, r, n, once, budget);
	double markdown = run(step_render_markdown, r, n, once, budget);
	double html = run(step_render_html, r, n, once, budget);
	double compare = run(step_compare, r, n, once, budget);

	printf("bench_engine: %zu profiles from %s; CPU time per profile, and against the parse\n", n, from);
	printf("  %-38s %8.1f us  %6s\n", "parse and check the profile", parse * 1e6, "1");
	printf("  %-38s %8.1f us  %6.2fx   (target <= 1)\n", "assess without what-ifs", assess * 1e6, assess / parse);
	printf("  %-38s %8.1f us  %6.2fx   (target <= 1)\n", "assess with what-ifs (what_changes)", with * 1e6,
	       with / parse);
	printf("  %-38s %8.1f us  %6.2fx   (target <= 1)\n", "render the assessment as JSON", json * 1e6, json / parse);
	printf("  %-38s %8.1f us  %6.2fx\n", "render the assessment as text", text * 1e6, text / parse);
	printf("  %-38s %8.1f us  %6.2fx\n", "render the assessment as Markdown", markdown * 1e6, markdown / parse);
	printf("  %-38s %8.1f us  %6.2fx\n", "render the assessment as HTML", html * 1e6, html / parse);
	printf("  %-38s %8.1f us  %6.2fx   = %.2f x (%zu certificates x one assessment without what-ifs)"
	       " (target <= 0.5)\n",
	       "compare across the catalogue", compare * 1e6, compare / parse, compare / ((double)certs * assess),
	       certs);
	printf("  against jansson reading the same text (json_loadb, %.1f us, %.2fx the parse):\n", jansson * 1e6,
	       jansson / parse);
	printf("  %-38s %8s     %6.2fx\n", "assess with what-ifs (what_changes)", "", with / jansson);
	printf("  %-38s %8s     %6.2fx\n", "render the assessment as JSON", "", json / jansson);

	for (size_t i = 0; i < n; i++) {
		ac_assessment_free(r[i].assessment);
		ac_profile_free(r[i].profile);
		free(r[i].text);
	}
	free(r);
	ac_session_free(session);
	return 0;
}
