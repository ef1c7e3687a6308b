/*
 * test_batch_unit.c — the pieces of a batch run and of the history, tested
 * directly: records and their line numbers, CSV cells, JSON on one line,
 * SHA-256, ac_batch_run over memory streams, and the summary's refusal to
 * repeat what people wrote.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "aicert.h"
#include "batch/batch.h"
#include "core/date.h"
#include "history/history.h"

static char *compact(const char *json)
{
	strbuf sb;
	sb_init(&sb);
	assert_int_equal(ac_json_compact(&sb, json, strlen(json)), 0);
	return sb_take(&sb, NULL);
}

static void json_on_one_line_keeps_strings_and_numbers(void **state)
{
	(void)state;
	char *s = compact("{\n  \"a b\": [1.50, \"x \\\" y\\\\\"],\n\t\"c\": null\n}\n");
	assert_string_equal(s, "{\"a b\":[1.50,\"x \\\" y\\\\\"],\"c\":null}");
	free(s);
	strbuf sb;
	sb_init(&sb);
	ac_json_string(&sb, "tab\there \"q\" \x01");
	char *t = sb_take(&sb, NULL);
	assert_string_equal(t, "\"tab\\there \\\"q\\\" \\u0001\"");
	free(t);
}

static void sha256_known_answers(void **state)
{
	(void)state;
	char hex[65];
	hist_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hist_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: a second block */
	hist_sha256_hex(two, strlen(two), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* The records of text, as "line:record" joined by '|'. */
static char *records(const char *text, ac_batch_format fmt)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	batch_reader r;
	assert_int_equal(batch_reader_init(&r, f, fmt), AC_OK);
	strbuf rec, all;
	sb_init(&rec);
	sb_init(&all);
	long line;
	rec_kind k;
	while ((k = batch_reader_next(&r, &rec, &line)) != REC_END)
		sb_printf(&all, "%s%ld:%s", all.len ? "|" : "", line,
			  k == REC_OK           ? rec.buf
			  : k == REC_OPEN_QUOTE ? "OPEN"
						: "?");
	sb_free(&rec);
	batch_reader_free(&r);
	fclose(f);
	return sb_take(&all, NULL);
}

static void records_carry_their_first_line(void **state)
{
	(void)state;
	char *s = records("{\"a\":1}\r\n\n   \n{\"b\":2}", AC_BATCH_JSONL);
	assert_string_equal(s, "1:{\"a\":1}|4:{\"b\":2}");
	free(s);
	s = records("h1,h2\n\"two\nlines\",x\n\"a \"\"q\"\"\",y\n\"open,z\n", AC_BATCH_CSV);
	assert_string_equal(s, "1:h1,h2|2:\"two\nlines\",x|4:\"a \"\"q\"\"\",y|5:OPEN");
	free(s);
	s = records("\xEF\xBB\xBF"
		    "label\nx\n",
		    AC_BATCH_CSV);
	assert_string_equal(s, "1:label|2:x");
	free(s);
}

/* Writes text into the pipe's write end. */
static void feed(int fd, const char *text)
{
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
}

/* From a pipe, the reader says whether the next record can be had without a
 * read that may wait: only a whole record in the read-ahead (blank lines
 * and quoted line ends taken into account), or the end, will do. */
static void a_pipe_is_ready_only_with_a_whole_record(void **state)
{
	(void)state;
	for (int csv = 0; csv <= 1; csv++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		FILE *in = fdopen(fds[0], "r");
		assert_non_null(in);
		batch_reader r;
		assert_int_equal(batch_reader_init(&r, in, csv ? AC_BATCH_CSV : AC_BATCH_JSONL), AC_OK);
		strbuf rec;
		sb_init(&rec);
		long line;
		feed(fds[1], csv ? "a,b\n\n\"x\ny\",1\n\n\"open" : "{\"a\":1}\n\n  \n{\"b\":2}\n \n{\"c\"");
		assert_int_equal(batch_reader_next(&r, &rec, &line), REC_OK);
		assert_int_equal(line, 1);
		assert_true(batch_reader_ready(&r)); /* the second record is whole, after blank lines */
		assert_int_equal(batch_reader_next(&r, &rec, &line), REC_OK);
		assert_int_equal(line, csv ? 3 : 4);
		assert_false(batch_reader_ready(&r)); /* a blank line, then the third cut off */
		feed(fds[1], csv ? "\",2\n" : ":3}\n");
		assert_false(batch_reader_ready(&r)); /* not read yet */
		close(fds[1]);
		assert_int_equal(batch_reader_next(&r, &rec, &line), REC_OK);
		assert_int_equal(batch_reader_next(&r, &rec, &line), REC_END);
		assert_true(batch_reader_ready(&r)); /* the end needs no read */
		sb_free(&rec);
		batch_reader_free(&r);
		fclose(in);
	}
}

static void csv_cells_split_and_quote(void **state)
{
	(void)state;
	char row[] = "a,\"b,c\",\"d \"\"e\"\"\",,f";
	char *cells[8];
	const char *why = NULL;
	assert_int_equal(csv_split(row, cells, 8, &why), 5);
	assert_string_equal(cells[1], "b,c");
	assert_string_equal(cells[2], "d \"e\"");
	assert_string_equal(cells[3], "");
	char bad[] = "\"x\"y,z";
	assert_int_equal(csv_split(bad, cells, 8, &why), -1);
	assert_non_null(why);
	strbuf sb;
	sb_init(&sb);
	csv_cell(&sb, "plain");
	sb_puts(&sb, "|");
	csv_cell(&sb, "a, \"b\"\nc");
	char *t = sb_take(&sb, NULL);
	assert_string_equal(t, "plain|\"a, \"\"b\"\"\nc\"");
	free(t);
}

/* Runs a batch over text; returns the output (and the failed count). */
static char *batch(const char *input, ac_batch_format in, ac_batch_format out, unsigned jobs, ac_batch_summary *sum,
		   unsigned long long *failed, ac_status *st)
{
	ac_session *s;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_session_new(NULL, &s, &d), AC_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *fi = fmemopen((void *)input, strlen(input), "r"), *fo = open_memstream(&buf, &len);
	ac_batch_options o;
	ac_batch_options_init(&o);
	o.input = in;
	o.output = out;
	o.jobs = jobs;
	o.summary = sum;
	o.counterfactuals = 0;
	ac_batch_progress p;
	ac_batch_progress_init(&p);
	*st = ac_batch_run(s, fi, fo, &o, &p, &d);
	fclose(fi);
	fclose(fo);
	*failed = p.failed;
	ac_diags_free(&d);
	ac_session_free(s);
	return buf;
}

static const char dana[] =
	"{\"schema\":\"aicert/profile/v1\",\"label\":\"Dana Secretname\",\"role\":{\"title\":\"Very private title\","
	"\"kind\":\"ic\",\"tasks\":[{\"name\":\"Private task\",\"share\":100,\"category\":\"coordination\"}]},"
	"\"motives\":[\"capability_gap\"],\"capability_gap\":\"private gap\"}\n";

static void a_run_keeps_order_and_goes_on_after_bad_records(void **state)
{
	(void)state;
	strbuf in;
	sb_init(&in);
	for (int i = 0; i < 40; i++)
		sb_puts(&in,
			i % 7 == 3 ? "{\"schema\":\"aicert/profile/v1\",\"role\":{\"kind\":\"Dana's boss\"}}\n" : dana);
	unsigned long long failed = 0;
	ac_status st;
	char *one = batch(in.buf, AC_BATCH_JSONL, AC_BATCH_JSONL, 1, NULL, &failed, &st);
	assert_int_equal(st, AC_OK);
	assert_int_equal(failed, 6);
	char *many = batch(in.buf, AC_BATCH_JSONL, AC_BATCH_JSONL, 7, NULL, &failed, &st);
	assert_string_equal(one, many);
	assert_non_null(strstr(one, "\"line\":4,"));
	free(one);
	free(many);
	char *rows = batch(in.buf, AC_BATCH_JSONL, AC_BATCH_CSV, 3, NULL, &failed, &st);
	assert_true(strncmp(rows, AC_BATCH_CSV_COLUMNS "\n1,Dana Secretname,", strlen(AC_BATCH_CSV_COLUMNS) + 19) == 0);
	free(rows);
	sb_free(&in);
}

/* A caller built against an older header whose result holds struct_size and
 * the count of records alone: the run writes that count and nothing past it. */
static void the_result_of_an_older_caller_is_not_overrun(void **state)
{
	(void)state;
	struct {
		size_t struct_size; /* the older ac_batch_progress */
		unsigned long long records;
		unsigned char guard[64];
	} old;
	memset(old.guard, 0xA5, sizeof old.guard);
	ac_batch_progress_init_size((ac_batch_progress *)(void *)&old, offsetof(ac_batch_progress, written));
	assert_int_equal(old.struct_size, offsetof(ac_batch_progress, written));
	assert_int_equal(old.records, 0);
	ac_session *s;
	assert_int_equal(ac_session_new(NULL, &s, NULL), AC_OK);
	char *buf = NULL;
	size_t len = 0;
	char input[sizeof dana * 2];
	snprintf(input, sizeof input, "%s%s", dana, dana);
	FILE *fi = fmemopen(input, strlen(input), "r"), *fo = open_memstream(&buf, &len);
	ac_batch_options o;
	ac_batch_options_init(&o);
	o.jobs = 1;
	o.counterfactuals = 0;
	assert_int_equal(ac_batch_run(s, fi, fo, &o, (ac_batch_progress *)(void *)&old, NULL), AC_OK);
	fclose(fi);
	fclose(fo);
	assert_int_equal(old.records, 2);
	for (size_t i = 0; i < sizeof old.guard; i++)
		assert_int_equal(old.guard[i], 0xA5);
	free(buf);
	ac_session_free(s);
}

/* One date for the run: a date that is no date stops it before anything is
 * written; options from a caller built before as_of existed mean today. */
static void the_run_has_one_date(void **state)
{
	(void)state;
	for (int older = 0; older < 2; older++) {
		ac_session *s;
		assert_int_equal(ac_session_new(NULL, &s, NULL), AC_OK);
		char *buf = NULL;
		size_t len = 0;
		FILE *fi = fmemopen((void *)dana, strlen(dana), "r"), *fo = open_memstream(&buf, &len);
		ac_batch_options o;
		ac_batch_options_init_size(&o, older ? offsetof(ac_batch_options, as_of) : sizeof o);
		o.jobs = 1;
		o.counterfactuals = 0;
		o.as_of = "2026-13-01"; /* past an older caller's struct: never read */
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_batch_run(s, fi, fo, &o, NULL, &d);
		fclose(fi);
		fclose(fo);
		if (older) {
			char today[11];
			ac_date_format(ac_date_today(), today);
			char want[40];
			snprintf(want, sizeof want, "\"as_of\":\"%s\"", today);
			assert_int_equal(st, AC_OK);
			assert_non_null(strstr(buf, want));
		} else {
			assert_int_equal(st, AC_EINPUT);
			assert_string_equal(buf ? buf : "", "");
			assert_int_equal(ac_diags_count(&d), 1);
			assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "as_of: found '2026-13-01'"));
		}
		ac_diags_free(&d);
		free(buf);
		ac_session_free(s);
	}
}

/* Progress is told from the calling thread only, as aicert.h promises. */
typedef struct {
	pthread_t caller;
	int calls, elsewhere;
	unsigned long long last_written;
} progress_seen;

static void note_progress(void *ctx, const ac_batch_progress *p)
{
	progress_seen *seen = ctx;
	seen->calls++;
	seen->elsewhere += !pthread_equal(seen->caller, pthread_self());
	seen->last_written = p->written;
}

/* Runs of records that take very different times (a bad line, a profile
 * with a certificate and every what-if, a short one) finish out of order in
 * several workers; the output is still in input order, the same for every
 * number of workers, and every record is counted once. */
static void runs_finishing_out_of_order_go_out_in_order(void **state)
{
	(void)state;
	static const char heavy[] =
		"{\"schema\":\"aicert/profile/v1\",\"role\":{\"title\":\"Data analyst\",\"kind\":\"ic\","
		"\"tasks\":[{\"name\":\"Reports\",\"share\":60,\"category\":\"standardized_reporting\"},"
		"{\"name\":\"Dashboards\",\"share\":40,\"category\":\"structured_data_analysis\"}]},"
		"\"motives\":[\"capability_gap\"],\"capability_gap\":\"machine learning models\","
		"\"certification\":{\"id\":\"aws-mla-c01\"}}\n";
	strbuf in;
	sb_init(&in);
	unsigned long long bad = 0;
	for (int i = 0; i < 700; i++) { /* long stretches of one kind, so that runs differ */
		sb_puts(&in, (i / 23) % 3 == 0 ? heavy : (i / 23) % 3 == 1 ? "{\"schema\":1}\n" : dana);
		bad += (i / 23) % 3 == 1;
	}
	char *first = NULL;
	for (unsigned jobs = 1; jobs <= 5; jobs += 2) {
		ac_session *s;
		assert_int_equal(ac_session_new(NULL, &s, NULL), AC_OK);
		char *buf = NULL;
		size_t len = 0;
		FILE *fi = fmemopen(in.buf, in.len, "r"), *fo = open_memstream(&buf, &len);
		ac_batch_options o;
		ac_batch_options_init(&o);
		o.jobs = jobs;
		o.as_of = "2026-11-29";
		progress_seen seen = {.caller = pthread_self()};
		o.progress = note_progress;
		o.progress_ctx = &seen;
		ac_batch_progress p;
		ac_batch_progress_init(&p);
		assert_int_equal(ac_batch_run(s, fi, fo, &o, &p, NULL), AC_OK);
		fclose(fi);
		fclose(fo);
		assert_int_equal(p.records, 700);
		assert_int_equal(p.written, 700);
		assert_int_equal(p.failed, bad);
		assert_true(seen.calls >= 1);
		assert_int_equal(seen.elsewhere, 0);
		assert_int_equal(seen.last_written, 700);
		size_t lines = 0;
		for (size_t i = 0; i < len; i++)
			lines += buf[i] == '\n';
		assert_int_equal(lines, 700);
		if (!first)
			first = buf;
		else {
			assert_string_equal(first, buf);
			free(buf);
		}
		ac_session_free(s);
	}
	free(first);
	sb_free(&in);
}

/* An output that fills up stops a run of several workers with AC_EIO; no
 * worker is left waiting for its turn to write. */
static void a_failed_write_stops_every_worker(void **state)
{
	(void)state;
	strbuf in;
	sb_init(&in);
	for (int i = 0; i < 400; i++)
		sb_puts(&in, dana);
	for (unsigned jobs = 1; jobs <= 4; jobs += 3) {
		ac_session *s;
		assert_int_equal(ac_session_new(NULL, &s, NULL), AC_OK);
		static char small[4096];
		FILE *fi = fmemopen(in.buf, in.len, "r"), *fo = fmemopen(small, sizeof small, "w");
		setvbuf(fo, NULL, _IONBF, 0);
		ac_batch_options o;
		ac_batch_options_init(&o);
		o.jobs = jobs;
		o.counterfactuals = 0;
		ac_diags d;
		ac_diags_init(&d);
		assert_int_equal(ac_batch_run(s, fi, fo, &o, NULL, &d), AC_EIO);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "cannot write the output"));
		fclose(fi);
		fclose(fo);
		ac_diags_free(&d);
		ac_session_free(s);
	}
	sb_free(&in);
}

static void a_bad_csv_header_writes_nothing(void **state)
{
	(void)state;
	unsigned long long failed = 0;
	ac_status st;
	char *out = batch("label,nope\nx,y\n", AC_BATCH_CSV, AC_BATCH_JSONL, 2, NULL, &failed, &st);
	assert_int_equal(st, AC_EINPUT);
	assert_string_equal(out ? out : "", "");
	free(out);
	out = batch("", AC_BATCH_JSONL, AC_BATCH_JSONL, 2, NULL, &failed, &st);
	assert_int_equal(st, AC_OK);
	assert_string_equal(out ? out : "", "");
	free(out);
}

static void the_summary_keeps_peoples_words_out(void **state)
{
	(void)state;
	const char *words[] = {"Secretname", "Very private title", "Private task", "private gap", "Dana's boss"};
	for (int labels = 0; labels <= 1; labels++) {
		ac_batch_summary *sum;
		assert_int_equal(ac_batch_summary_new(labels, &sum), AC_OK);
		strbuf in;
		sb_init(&in);
		sb_puts(&in, dana);
		sb_puts(&in, "{\"schema\":\"aicert/profile/v1\",\"role\":{\"kind\":\"Dana's boss\"}}\n");
		unsigned long long failed = 0;
		ac_status st;
		free(batch(in.buf, AC_BATCH_JSONL, AC_BATCH_JSONL, 2, sum, &failed, &st));
		sb_free(&in);
		for (int f = AC_SUMMARY_MARKDOWN; f <= AC_SUMMARY_HTML; f++) {
			char *text;
			size_t len;
			assert_int_equal(ac_batch_summary_render(sum, (ac_summary_format)f, &text, &len), AC_OK);
			assert_non_null(strstr(text, "Team summary"));
			assert_non_null(strstr(text, "1 could not be read"));
			for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
				if (labels ? i < 2 : 1)
					assert_true(labels == (strstr(text, words[i]) != NULL));
			free(text);
		}
		ac_batch_summary_free(sum);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_on_one_line_keeps_strings_and_numbers),
		cmocka_unit_test(sha256_known_answers),
		cmocka_unit_test(records_carry_their_first_line),
		cmocka_unit_test(a_pipe_is_ready_only_with_a_whole_record),
		cmocka_unit_test(csv_cells_split_and_quote),
		cmocka_unit_test(a_run_keeps_order_and_goes_on_after_bad_records),
		cmocka_unit_test(the_result_of_an_older_caller_is_not_overrun),
		cmocka_unit_test(runs_finishing_out_of_order_go_out_in_order),
		cmocka_unit_test(a_failed_write_stops_every_worker),
		cmocka_unit_test(a_bad_csv_header_writes_nothing),
		cmocka_unit_test(the_run_has_one_date),
		cmocka_unit_test(the_summary_keeps_peoples_words_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
