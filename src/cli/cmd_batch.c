/*
 * cmd_batch.c — `aicert batch INPUT`: many profiles (JSON Lines or CSV) in,
 * one assessment or error record out per profile, in input order, through
 * ac_batch_run.  A file output appears whole or not at all (written to a
 * temporary file and renamed); standard output is streamed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <mimalloc.h>

#include "cli.h"
#include "core/alloc_state.h"
#include "core/dynlib.h"

/* Exit status when the run went through but some records could not be read. */
#define EXIT_RECORDS_FAILED 3

/* ------------------------------------------------------------ the allocator */

/* A batch makes and frees some hundred small blocks per record: with the
 * C library's malloc that was a tenth of its instructions, and mimalloc
 * (Debian's libmimalloc) takes the batch from 495 M to 452 M instructions
 * over 2,000 generated profiles.  It is loaded here for the library alone
 * (ac_set_allocator: the library, jansson and SQLite), not linked into the
 * program, where it would replace malloc in every process and make each
 * `aicert assess` start more slowly (743,000 instructions instead of
 * 586,000).  Without it the batch runs on the C library's malloc, with the
 * same output. */
#ifndef AICERT_SANITIZED
#define MI_SYMBOLS(X) X(mi_malloc) X(mi_realloc) X(mi_free)
AC_DYNLIB_DEFINE(mi, mi_lib, "mimalloc", AICERT_MIMALLOC_SONAME, MI_SYMBOLS)
#else
/* Under the sanitizers the library keeps their allocator, seen through a
 * shift: each block starts 16 bytes into one of the C library's.  A block
 * the library made and the program freed, or the other way round, is then
 * reported at once, as it would go wrong with mimalloc. */
static void *shifted_malloc(size_t n)
{
	char *p = n <= SIZE_MAX - 16 ? malloc(n + 16) : NULL;
	return p ? p + 16 : NULL;
}

static void *shifted_realloc(void *p, size_t n)
{
	char *q = n <= SIZE_MAX - 16 ? realloc(p ? (char *)p - 16 : NULL, n + 16) : NULL;
	return q ? q + 16 : NULL;
}

static void shifted_free(void *p)
{
	if (p)
		free((char *)p - 16);
}
#endif

/* Before the library makes its first block; never in place of an allocator
 * the program installed (the out-of-memory test's tool fails its N-th
 * allocation through one). */
static void batch_allocator(void)
{
	if (ac_mem_hooked())
		return;
#ifdef AICERT_SANITIZED
	ac_set_allocator(shifted_malloc, shifted_realloc, shifted_free);
#else
	if (ac_dynlib_open(&mi_lib, &mi))
		ac_set_allocator(mi.mi_malloc, mi.mi_realloc, mi.mi_free);
#endif
}

static const cli_option options[] = {
	{"output", "FILE",
	 "write the records to FILE (whole or not at all; a pipe or a device as a stream) instead of standard output"},
	{"format", "FMT", "output records: jsonl (default; csv when --output ends in .csv) or csv"},
	{"input-format", "FMT", "input: jsonl or csv (default: csv when INPUT ends in .csv, else jsonl)"},
	{"summary", "FILE", "also write a team summary: Markdown (.md) or HTML (.html)"},
	{"include-labels", NULL, "show labels, job titles and other free text in the summary"},
	{"jobs", "N", "worker threads (default: one per processor)"},
	{"template", "csv", "print the CSV input layout (a header and an example row) and exit"},
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	CLI_OPT_AS_OF,
	{"no-counterfactuals", NULL, "skip the search for answers that would change each verdict"},
	{NULL, NULL, NULL}};

/* ------------------------------------------------------------ options */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* --FMT name as a batch format, the default decided by a file name. */
static int batch_format(const cli_args *a, const char *opt, const char *file, ac_batch_format *out)
{
	const char *v = cli_opt(a, opt);
	if (!v) {
		*out = file && ends_with(file, ".csv") ? AC_BATCH_CSV : AC_BATCH_JSONL;
		return -1;
	}
	if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
		*out = AC_BATCH_JSONL;
	else if (strcmp(v, "csv") == 0)
		*out = AC_BATCH_CSV;
	else {
		cli_error("--%s: found '%s', expected jsonl or csv", opt, v);
		return CLI_EXIT_USAGE;
	}
	return -1;
}

static int summary_format(const char *path, ac_summary_format *f)
{
	if (ends_with(path, ".md") || ends_with(path, ".markdown"))
		*f = AC_SUMMARY_MARKDOWN;
	else if (ends_with(path, ".html") || ends_with(path, ".htm"))
		*f = AC_SUMMARY_HTML;
	else {
		cli_error("--summary: found '%s', expected a file name ending in .md (Markdown) or .html", path);
		return CLI_EXIT_USAGE;
	}
	return -1;
}

/* ------------------------------------------------------------ progress */

typedef struct {
	long long total; /* input size when known, else 0 */
	struct timespec start;
	int drawn;
} progress_bar;

static void draw(void *ctx, const ac_batch_progress *p)
{
	progress_bar *b = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double secs = (double)(now.tv_sec - b->start.tv_sec) + (double)(now.tv_nsec - b->start.tv_nsec) / 1e9;
	double rate = secs > 0 ? (double)p->written / secs : 0;
	if (b->total > 0) {
		double f = (double)p->bytes / (double)b->total;
		int filled = (int)(f > 1 ? 30 : f * 30);
		fprintf(stderr, "\r[%.*s%.*s] %3.0f%%", filled, "##############################", 30 - filled,
			"..............................", f > 1 ? 100 : f * 100);
	}
	fprintf(stderr, "  %llu records, %llu failed, %.0f/s ", p->written, p->failed, rate);
	if (!b->total)
		fputc('\r', stderr);
	b->drawn = 1;
}

/* ------------------------------------------------------------ the run */

static int open_input(const char *path, FILE **in, long long *size)
{
	*size = 0;
	if (strcmp(path, "-") == 0) {
		*in = stdin;
		return -1;
	}
	if (!(*in = cli_open_regular(path)))
		return CLI_EXIT_USAGE;
	struct stat st;
	int known = fstat(fileno(*in), &st) == 0;
	if (known && S_ISDIR(st.st_mode)) {
		cli_error("%s: found a folder, expected a file of profiles", path);
		fclose(*in);
		*in = NULL;
		return CLI_EXIT_USAGE;
	}
	if (known && S_ISREG(st.st_mode))
		*size = (long long)st.st_size;
	return -1;
}

static int write_summary(const char *path, ac_summary_format f, const ac_batch_summary *sum)
{
	char *text = NULL;
	size_t len = 0;
	ac_status st = ac_batch_summary_render(sum, f, &text, &len);
	if (st != AC_OK) {
		cli_error("summary: %s", ac_strerror(st));
		return CLI_EXIT_FAIL;
	}
	cli_atomic_file a = {0};
	int rc = cli_atomic_open(&a, path);
	if (rc < 0) {
		int ok = fwrite(text, 1, len, a.f) == len;
		rc = cli_atomic_close(&a, ok);
		if (!ok && rc < 0) {
			cli_error("%s: cannot write: %s", path, strerror(errno));
			rc = CLI_EXIT_FAIL;
		}
	}
	ac_free(text);
	return rc;
}

static int template(const char *what)
{
	if (strcmp(what, "csv") != 0) {
		cli_error("--template: found '%s', expected csv", what);
		return CLI_EXIT_USAGE;
	}
	char *out = NULL;
	size_t len = 0;
	ac_status st = ac_batch_csv_template(&out, &len);
	return cli_emit(st, out, len, &(ac_diags){0}, "template");
}

static int run(const cli_args *args)
{
	batch_allocator();
	if (cli_opt(args, "template"))
		return template(cli_opt(args, "template"));
	if (args->n_positional != 1) {
		cli_error("batch needs an INPUT (a file, or - for standard input)");
		return CLI_EXIT_USAGE;
	}
	const char *input = args->positional[0], *output = cli_opt(args, "output"), *summary = cli_opt(args, "summary");
	ac_batch_options o;
	ac_batch_options_init(&o);
	o.input_name = input;
	o.counterfactuals = !cli_flag(args, "no-counterfactuals");
	double jobs = 0;
	ac_summary_format sf = AC_SUMMARY_MARKDOWN;
	int rc;
	if ((rc = cli_opt_date(args, "as-of", &o.as_of)) >= 0 ||
	    (rc = batch_format(args, "input-format", input, &o.input)) >= 0 ||
	    (rc = batch_format(args, "format", output, &o.output)) >= 0 ||
	    (rc = cli_opt_number(args, "jobs", 1, AC_BATCH_MAX_JOBS, &jobs)) >= 0 ||
	    (summary && (rc = summary_format(summary, &sf)) >= 0))
		return rc;
	if (jobs != (unsigned)jobs) {
		cli_error("--jobs: found '%s', expected a whole number from 1 to %d", cli_opt(args, "jobs"),
			  AC_BATCH_MAX_JOBS);
		return CLI_EXIT_USAGE;
	}
	o.jobs = (unsigned)jobs;
	if (!summary && cli_flag(args, "include-labels")) {
		cli_error(
			"--include-labels: found no --summary, expected it with one (it says what the summary shows)");
		return CLI_EXIT_USAGE;
	}
	ac_session *session = NULL;
	ac_batch_summary *sum = NULL;
	FILE *in = NULL;
	cli_atomic_file out = {0};
	progress_bar bar = {0};
	if ((rc = cli_open_session(args, &session)) >= 0 || (rc = open_input(input, &in, &bar.total)) >= 0)
		goto done;
	if (summary && ac_batch_summary_new(cli_flag(args, "include-labels"), &sum) != AC_OK) {
		cli_error("out of memory");
		rc = CLI_EXIT_FAIL;
		goto done;
	}
	o.summary = sum;
	if (isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &bar.start);
		o.progress = draw;
		o.progress_ctx = &bar;
	}
	if (output && (rc = cli_atomic_open(&out, output)) >= 0)
		goto done;
	ac_diags d;
	ac_diags_init(&d);
	ac_batch_progress result;
	ac_batch_progress_init(&result);
	/* Records are written in large pieces (the run flushes whenever it waits
	 * for input, so a reader of a pipe still sees each record at once). */
	static char out_buffer[1 << 16];
	FILE *target = output ? out.f : stdout;
	setvbuf(target, out_buffer, _IOFBF, sizeof out_buffer);
	ac_status st = ac_batch_run(session, in, target, &o, &result, &d);
	if (bar.drawn)
		fputc('\n', stderr);
	if (st != AC_OK) {
		rc = cli_fail(st, &d, input);
		ac_diags_free(&d);
		cli_atomic_close(&out, 0);
		goto done;
	}
	ac_diags_free(&d);
	if ((rc = cli_atomic_close(&out, 1)) >= 0 || (summary && (rc = write_summary(summary, sf, sum)) >= 0))
		goto done;
	if (result.failed)
		cli_error("%s: %llu of %llu records could not be read (each has an error record in the output)", input,
			  result.failed, result.records);
	rc = result.failed ? EXIT_RECORDS_FAILED : CLI_EXIT_OK;
done:
	if (in && in != stdin)
		fclose(in);
	ac_batch_summary_free(sum);
	ac_session_free(session);
	return rc;
}

const cli_command cmd_batch = {
	"batch",
	"assess many profiles: JSON Lines or CSV in, one record per profile out",
	"aicert batch INPUT|- [--output FILE] [--format jsonl|csv] [--summary FILE.md|FILE.html] [-j N] "
	"[--as-of YYYY-MM-DD] [--policy FILE] [--catalogue FILE] [--data FILE]",
	"Reads profiles, one per line (JSON Lines) or one per row (CSV: columns named by the profile's\n"
	"field paths, tasks as task1.name, task1.share, ...; 'aicert batch --template csv' shows the layout),\n"
	"and writes one record per profile in input order: the assessment JSON on one line, or a CSV row.\n"
	"Every record is judged on one date: --as-of, or today (UTC) when the run starts.\n"
	"A profile that cannot be read gives an error record with its line number and every problem, and\n"
	"the run goes on.  Exit 0 when every record was assessed, 3 when some could not be read, 2 for bad\n"
	"usage or an input that cannot be read at all, 1 for an internal failure (a write error, out of memory).",
	options,
	0,
	1,
	run};
