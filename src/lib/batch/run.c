/*
 * run.c — ac_batch_run(): `jobs` workers (the calling thread and jobs - 1
 * threads, each with its own session) that each read a run of records,
 * assess them and write them, in input order.  Each worker owns two runs'
 * worth of records: while one waits for an earlier run to be written, it
 * reads and assesses the other.  Whoever finishes the earliest run still
 * unwritten writes it, and every finished run after it, so records go out in
 * input order whatever the number of workers, and a worker hands nothing to
 * another thread unless a run finished before the one ahead of it.  Memory
 * stays flat however long the input: the runs are the only buffers.  With
 * one worker there are no threads: the calling thread reads, assesses and
 * writes each record in turn, the same records in the same way.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch.h"
#include "core/date.h"
#include "core/options.h"

/* Records a worker reads at once from a file: enough that the workers
 * rarely meet at the locks, few enough that a run's buffers stay in the
 * worker's cache until it writes them.  From a pipe, a run takes only the
 * records already read ahead: the next read may wait, and what came before
 * must not wait with it. */
#define RUN_RECORDS 16
#define RUNS_PER_JOB 2
#define PROGRESS_EVERY_NS 100000000LL /* 0.1 s */

enum { FREE, BUSY, DONE };

/* A run of records, read together and written together. */
typedef struct {
	batch_record *recs;
	size_t n; /* records read into it */
	int state; /* FREE, BUSY (read, being assessed), DONE (waiting to be written) */
} run_buf;

typedef struct {
	pthread_mutex_t mu; /* everything below but the reader */
	pthread_mutex_t read_mu; /* the reader; taken before mu, never while holding it */
	pthread_cond_t freed; /* a worker waits on it for a run of its own to be written */
	run_buf *runs; /* n_runs / jobs per worker: worker i owns those from i * n_runs / jobs on */
	run_buf **order; /* order[k % n_runs]: the k-th run read (runs are written in this order), until written */
	size_t n_runs, run_records;
	unsigned long long n_issued, n_written; /* runs read, runs written */
	unsigned long long n_read, bytes; /* records and bytes read, for progress */
	int reader_done, writing, stop;
	int reader_waiting; /* a worker waits for input: what is written should be flushed */
	int unflushed; /* written since the last flush */
	ac_status fatal; /* the first failure that stopped the run */
	char fatal_msg[256];
	batch_reader rd;
	record_setup setup;
	ac_session **sessions;
	unsigned jobs;
	FILE *out;
	const ac_batch_options *o;
	ac_batch_progress *prog;
	long long last; /* when progress was last told */
} pipeline;

typedef struct {
	pipeline *pl;
	unsigned index;
} worker_arg;

void ac_batch_options_init_size(ac_batch_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
	if (AC_HAS_FIELD(o, ac_batch_options, input))
		o->input = AC_BATCH_JSONL;
	if (AC_HAS_FIELD(o, ac_batch_options, output))
		o->output = AC_BATCH_JSONL;
	if (AC_HAS_FIELD(o, ac_batch_options, counterfactuals))
		o->counterfactuals = 1;
	if (AC_HAS_FIELD(o, ac_batch_options, input_name))
		o->input_name = "-";
}

void ac_batch_progress_init_size(ac_batch_progress *p, size_t size)
{
	if (!ac_options_start(p, size))
		return;
}

/* The run's figures into the caller's result: only the fields its struct has. */
static void give_result(ac_batch_progress *result, const ac_batch_progress *prog)
{
	if (AC_HAS_FIELD(result, ac_batch_progress, records))
		result->records = prog->records;
	if (AC_HAS_FIELD(result, ac_batch_progress, written))
		result->written = prog->written;
	if (AC_HAS_FIELD(result, ac_batch_progress, failed))
		result->failed = prog->failed;
	if (AC_HAS_FIELD(result, ac_batch_progress, bytes))
		result->bytes = prog->bytes;
}

/* Stops the run (called with the lock held); the first reason is kept. */
static void stop_locked(pipeline *pl, ac_status st, const char *msg)
{
	if (!pl->stop) {
		pl->fatal = st;
		snprintf(pl->fatal_msg, sizeof pl->fatal_msg, "%s", msg ? msg : "");
	}
	pl->stop = 1;
	pthread_cond_broadcast(&pl->freed);
}

static void stop(pipeline *pl, ac_status st, const char *msg)
{
	pthread_mutex_lock(&pl->mu);
	stop_locked(pl, st, msg);
	pthread_mutex_unlock(&pl->mu);
}

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* What the summary keeps of a written record. */
static int summarise(ac_batch_summary *sum, const batch_record *r, int csv)
{
	batch_facts f;
	memset(&f, 0, sizeof f);
	f.line = r->line;
	f.failed = r->failed;
	f.problems = &r->problems;
	f.groups = csv ? r->groups : NULL;
	f.n_groups = r->n_groups;
	f.a = r->a;
	f.title = r->title;
	return batch_summary_add(sum, &f);
}

/* Writes finished record r, adds it to the summary and the figures, and
 * empties it; 0, or -1 with the run stopped.  Only the writer of the moment
 * calls it, without the lock; progress is told only from the calling thread
 * (caller), as ac_batch_options promises. */
static int emit(pipeline *pl, batch_record *r, int caller)
{
	const ac_batch_options *o = pl->o;
	ac_batch_progress *prog = pl->prog;
	int bad_write = fwrite(r->out.buf, 1, r->out.len, pl->out) != r->out.len;
	int e = errno;
	int bad_summary = o->summary && !bad_write && summarise(o->summary, r, pl->setup.layout != NULL) != 0;
	prog->written++;
	prog->failed += (unsigned long long)r->failed;
	batch_record_reset(r);
	if (bad_write || bad_summary) {
		char msg[160];
		snprintf(msg, sizeof msg, "cannot write the output: %s", bad_write ? strerror(e) : "out of memory");
		stop(pl, bad_write ? AC_EIO : AC_ENOMEM, msg);
		return -1;
	}
	if (o->progress && caller) {
		long long t = now_ns();
		if (t - pl->last >= PROGRESS_EVERY_NS) {
			pl->last = t;
			o->progress(o->progress_ctx, prog);
		}
	}
	return 0;
}

/* Called with the lock held, by a worker whose run is done or that is about
 * to wait for input: unless another worker is writing already, writes every
 * finished run from the earliest unwritten one on, and frees them for their
 * owners.  When a worker waits for input and everything read so far is
 * written, the output is flushed too, so that nothing done waits behind a
 * read of a pipe.  Whoever clears `writing` looks again, so a run finished
 * meanwhile is never left behind. */
static void write_turns(pipeline *pl, int caller)
{
	while (!pl->writing && !pl->stop) {
		run_buf *b = pl->n_written < pl->n_issued ? pl->order[pl->n_written % pl->n_runs] : NULL;
		if (b && b->state == DONE) {
			pl->writing = 1;
			pl->prog->records = pl->n_read;
			pl->prog->bytes = pl->bytes;
			pthread_mutex_unlock(&pl->mu);
			int failed = 0;
			for (size_t k = 0; k < b->n && !failed; k++)
				failed = emit(pl, &b->recs[k], caller) != 0;
			pthread_mutex_lock(&pl->mu);
			pl->writing = 0;
			b->state = FREE;
			pl->n_written++;
			pl->unflushed = 1;
			pthread_cond_broadcast(&pl->freed);
			if (failed)
				return;
		} else if (pl->reader_waiting && pl->unflushed && pl->n_written == pl->n_issued) {
			pl->writing = 1;
			pl->unflushed = 0;
			pthread_mutex_unlock(&pl->mu);
			fflush(pl->out); /* a write error is found by the last flush */
			pthread_mutex_lock(&pl->mu);
			pl->writing = 0;
		} else {
			return;
		}
	}
}

/* The reader's hook: a worker is about to wait for input. */
static void before_wait(void *ctx)
{
	pipeline *pl = ctx;
	pthread_mutex_lock(&pl->mu);
	pl->reader_waiting = 1;
	write_turns(pl, 0);
	pthread_mutex_unlock(&pl->mu);
}

/* Reads the next run of records into b (free, the caller's own); 0 when
 * there is none (the input ended, or the run stopped). */
static int read_run(pipeline *pl, run_buf *b)
{
	pthread_mutex_lock(&pl->read_mu);
	size_t m = 0;
	rec_kind k = REC_OK;
	/* After the first record, only what can be had without waiting: a
	 * record of a pipe is not held back while the next one is awaited. */
	while (m < pl->run_records && !pl->reader_done && (m == 0 || batch_reader_ready(&pl->rd))) {
		batch_record *r = &b->recs[m];
		k = batch_reader_next(&pl->rd, &r->in, &r->line);
		if (k == REC_END || k == REC_READ_ERROR || k == REC_NOMEM)
			break;
		r->kind = k;
		m++;
	}
	char msg[160] = "";
	if (k == REC_READ_ERROR)
		snprintf(msg, sizeof msg, "cannot read the input: %s", strerror(pl->rd.error));
	pthread_mutex_lock(&pl->mu);
	if (k != REC_OK && k != REC_TOO_LONG && k != REC_OPEN_QUOTE)
		pl->reader_done = 1;
	if (k == REC_READ_ERROR || k == REC_NOMEM)
		stop_locked(pl, k == REC_NOMEM ? AC_ENOMEM : AC_EIO, msg);
	pl->reader_waiting = 0;
	int go = m > 0 && !pl->stop;
	if (go) {
		b->n = m;
		b->state = BUSY;
		pl->order[pl->n_issued++ % pl->n_runs] = b;
		pl->n_read += m;
		pl->bytes = pl->rd.bytes;
	}
	pthread_mutex_unlock(&pl->mu);
	pthread_mutex_unlock(&pl->read_mu);
	return go;
}

/* A worker: its own runs in turn, each read, assessed and marked done, then
 * written when its turn has come (by this worker or by the one that writes
 * the run before it). */
static void work(pipeline *pl, unsigned w, int caller)
{
	ac_session *s = pl->sessions[w];
	size_t own = pl->n_runs / pl->jobs;
	run_buf *mine = &pl->runs[w * own];
	char **cells = NULL;
	size_t n_cells = 0;
	for (size_t i = 0;; i = (i + 1) % own) {
		run_buf *b = &mine[i];
		pthread_mutex_lock(&pl->mu);
		while (!pl->stop && b->state != FREE)
			pthread_cond_wait(&pl->freed, &pl->mu);
		int stopped = pl->stop;
		pthread_mutex_unlock(&pl->mu);
		if (stopped || !read_run(pl, b))
			break;
		ac_status st = AC_OK;
		for (size_t k = 0; k < b->n && st == AC_OK; k++)
			st = batch_record_work(&pl->setup, s, &cells, &n_cells, &b->recs[k]);
		pthread_mutex_lock(&pl->mu);
		if (st != AC_OK) {
			stop_locked(pl, st, st == AC_ENOMEM ? "out of memory" : ac_strerror(st));
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		b->state = DONE;
		write_turns(pl, caller);
		pthread_mutex_unlock(&pl->mu);
	}
	free(cells);
}

static void *worker_main(void *arg)
{
	worker_arg *a = arg;
	work(a->pl, a->index, 0);
	return NULL;
}

/* Reads the CSV header and writes the output's own header. */
static ac_status start(pipeline *pl, csv_layout *L, FILE *out, const ac_batch_options *o, ac_diags *diags)
{
	if (o->input == AC_BATCH_CSV) {
		strbuf head;
		sb_init(&head);
		long line = 0;
		rec_kind k = batch_reader_next(&pl->rd, &head, &line);
		ac_status st = AC_OK;
		if (k == REC_OK)
			st = csv_layout_parse(L, head.buf, o->input_name, line, diags);
		else if (k == REC_NOMEM)
			st = AC_ENOMEM;
		else if (k == REC_READ_ERROR) {
			ac_diags_add(diags, o->input_name, NULL, 0, 0, "cannot read: %s", strerror(pl->rd.error));
			st = AC_EIO;
		} else if (k != REC_END) {
			ac_diags_add(diags, o->input_name, NULL, (int)line, 0,
				     "found a header row that is %s, expected "
				     "the names of the columns",
				     k == REC_TOO_LONG ? "longer than 1 MiB" : "not closed");
			st = AC_EINPUT;
		}
		sb_free(&head);
		if (st != AC_OK)
			return st;
		if (k == REC_END) {
			ac_diags_add(diags, o->input_name, NULL, 0, 0,
				     "found no header row, expected the names of the "
				     "columns ('aicert batch --template csv' shows them)");
			return AC_EINPUT;
		}
		pl->setup.layout = L;
	}
	if (o->output == AC_BATCH_CSV && fprintf(out, "%s\n", AC_BATCH_CSV_COLUMNS) < 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "cannot write the output: %s", strerror(errno));
		return AC_EIO;
	}
	return AC_OK;
}

static unsigned jobs_of(const ac_batch_options *o)
{
	long n = o->jobs ? (long)o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > AC_BATCH_MAX_JOBS ? AC_BATCH_MAX_JOBS : (unsigned)n;
}

static ac_status setup_pipeline(pipeline *pl, ac_session *s, FILE *in, const ac_batch_options *o, ac_diags *diags)
{
	/* One date for the whole run, checked before anything is read. */
	const char *as_of = AC_HAS_FIELD(o, ac_batch_options, as_of) ? o->as_of : NULL;
	long day = ac_date_today();
	if (as_of && !ac_date_parse(as_of, &day)) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "as_of: found '%.40s', expected a calendar date written YYYY-MM-DD", as_of);
		return AC_EINPUT;
	}
	ac_date_format(day, pl->setup.as_of);
	pl->jobs = jobs_of(o);
	/* One worker writes each run as soon as it is assessed: one run of one
	 * record is all it needs. */
	size_t per_job = pl->jobs == 1 ? 1 : RUNS_PER_JOB;
	pl->run_records = pl->jobs == 1 ? 1 : RUN_RECORDS;
	pl->n_runs = (size_t)pl->jobs * per_job;
	pl->runs = calloc(pl->n_runs, sizeof *pl->runs);
	pl->order = calloc(pl->n_runs, sizeof *pl->order);
	pl->sessions = calloc(pl->jobs, sizeof *pl->sessions);
	if (!pl->runs || !pl->order || !pl->sessions)
		return AC_ENOMEM;
	for (size_t i = 0; i < pl->n_runs; i++) {
		pl->runs[i].recs = calloc(pl->run_records, sizeof *pl->runs[i].recs);
		if (!pl->runs[i].recs)
			return AC_ENOMEM;
		for (size_t k = 0; k < pl->run_records; k++)
			batch_record_init(&pl->runs[i].recs[k]);
	}
	pl->sessions[0] = s; /* the calling thread is the first worker */
	for (unsigned i = 1; i < pl->jobs; i++) {
		ac_status st = ac_session_clone(s, &pl->sessions[i], diags);
		if (st != AC_OK)
			return st;
	}
	pl->setup.output = o->output;
	pl->setup.counterfactuals = AC_HAS_FIELD(o, ac_batch_options, counterfactuals) ? o->counterfactuals : 1;
	pl->setup.keep = o->summary != NULL;
	pl->setup.include_labels = o->summary && batch_summary_labels(o->summary);
	if (o->summary)
		batch_summary_policy(o->summary, ac_policy_name(ac_session_policy(s)),
				     ac_policy_version(ac_session_policy(s)));
	return batch_reader_init(&pl->rd, in, o->input);
}

static void teardown(pipeline *pl)
{
	for (size_t i = 0; pl->runs && i < pl->n_runs; i++) {
		for (size_t k = 0; pl->runs[i].recs && k < pl->run_records; k++)
			batch_record_free(&pl->runs[i].recs[k]);
		free(pl->runs[i].recs);
	}
	for (unsigned i = 1; pl->sessions && i < pl->jobs; i++)
		ac_session_free(pl->sessions[i]);
	free(pl->runs);
	free(pl->order);
	free(pl->sessions);
	batch_reader_free(&pl->rd);
}

ac_status ac_batch_run(ac_session *s, FILE *in, FILE *out, const ac_batch_options *o, ac_batch_progress *result,
		       ac_diags *diags)
{
	ac_batch_options dflt;
	if (!o || o->struct_size < sizeof *o) { /* every field matters here: start from the defaults */
		ac_batch_options_init(&dflt);
		if (o)
			memcpy(&dflt, o, o->struct_size ? o->struct_size : sizeof *o);
		dflt.struct_size = sizeof dflt;
		o = &dflt;
	}
	ac_batch_progress prog;
	ac_batch_progress_init(&prog);
	pipeline pl;
	memset(&pl, 0, sizeof pl);
	csv_layout L;
	memset(&L, 0, sizeof L);
	ac_status st = setup_pipeline(&pl, s, in, o, diags);
	if (st == AC_OK)
		st = start(&pl, &L, out, o, diags);
	if (st != AC_OK) {
		if (st == AC_ENOMEM)
			ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
		teardown(&pl);
		csv_layout_free(&L);
		return st;
	}
	pthread_mutex_init(&pl.mu, NULL);
	pthread_mutex_init(&pl.read_mu, NULL);
	pthread_cond_init(&pl.freed, NULL);
	pl.out = out;
	pl.o = o;
	pl.prog = &prog;
	pl.last = now_ns();
	pl.rd.before_wait = before_wait;
	pl.rd.wait_ctx = &pl;
	pthread_t workers[AC_BATCH_MAX_JOBS];
	worker_arg args[AC_BATCH_MAX_JOBS];
	unsigned started = 0;
	for (unsigned i = 1; i < pl.jobs; i++, started++) {
		args[i] = (worker_arg){&pl, i};
		if (pthread_create(&workers[i], NULL, worker_main, &args[i]) != 0) {
			stop(&pl, AC_EINTERNAL, "cannot start the worker threads");
			break;
		}
	}
	work(&pl, 0, 1);
	for (unsigned i = 1; i <= started; i++)
		pthread_join(workers[i], NULL);
	if (!pl.stop && fflush(out) != 0) {
		char msg[160];
		snprintf(msg, sizeof msg, "cannot write the output: %s", strerror(errno));
		stop_locked(&pl, AC_EIO, msg);
	}
	prog.records = pl.n_read;
	prog.bytes = pl.rd.bytes;
	if (o->progress && !pl.stop)
		o->progress(o->progress_ctx, &prog);
	st = pl.stop ? pl.fatal : AC_OK;
	if (pl.stop)
		ac_diags_add(diags, NULL, NULL, 0, 0, "%s",
			     pl.fatal_msg[0]         ? pl.fatal_msg
			     : pl.fatal == AC_ENOMEM ? "out of memory"
						     : ac_strerror(pl.fatal));
	pthread_cond_destroy(&pl.freed);
	pthread_mutex_destroy(&pl.read_mu);
	pthread_mutex_destroy(&pl.mu);
	teardown(&pl);
	csv_layout_free(&L);
	if (result)
		give_result(result, &prog);
	return st;
}
