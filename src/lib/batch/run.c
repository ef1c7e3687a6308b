/*
 * run.c — ac_batch_run(): one reader thread, `jobs` worker threads (each
 * with its own session) and the calling thread as the writer, around a ring
 * of records.  The ring is the only queue and has a fixed size, so memory
 * stays flat however long the input; the writer takes records strictly in
 * input order, so the output does not depend on how many workers ran.  With
 * one worker there are no threads: the calling thread reads, assesses and
 * writes each record in turn (run_alone), the same records in the same way.
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

/* Records in flight per worker: enough to keep every worker busy while the
 * writer waits for a slow record, and to hand records over in runs rather
 * than one at a time (each hand-over that wakes a thread is a system call). */
#define SLOTS_PER_JOB 32
#define PROGRESS_EVERY_NS 100000000LL /* 0.1 s */

enum { FREE, READ, DONE };

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t space, work, done; /* reader, workers, writer wait on these */
	batch_record *slots;
	int *state;
	size_t cap;
	unsigned long long n_read, n_claimed, n_written;
	unsigned long long bytes; /* input read so far, for progress */
	int reader_done, stop;
	int writer_owed; /* the record the writer waits for is done, and it was not woken */
	ac_status fatal; /* the first failure that stopped the run */
	char fatal_msg[256];
	batch_reader rd;
	record_setup setup;
	ac_session **sessions;
	unsigned jobs;
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
	pthread_cond_broadcast(&pl->space);
	pthread_cond_broadcast(&pl->work);
	pthread_cond_broadcast(&pl->done);
}

/* Records the reader reads before handing them over at once, from a file
 * (from a pipe, each is handed over as soon as it is read: the next read
 * may wait). */
#define READ_RUN 16

static void *reader_main(void *arg)
{
	pipeline *pl = arg;
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->stop && pl->n_read - pl->n_written >= pl->cap)
			pthread_cond_wait(&pl->space, &pl->mu);
		if (pl->stop)
			break;
		/* The free slots from n_read on belong to the reader. */
		size_t room = (size_t)(pl->cap - (pl->n_read - pl->n_written)), m = 0;
		if (room > READ_RUN || pl->rd.fd >= 0)
			room = pl->rd.fd >= 0 ? 1 : READ_RUN;
		unsigned long long first = pl->n_read;
		pthread_mutex_unlock(&pl->mu);
		rec_kind k = REC_OK;
		while (m < room) {
			batch_record *r = &pl->slots[(first + m) % pl->cap];
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
		for (size_t j = 0; j < m; j++)
			pl->state[(first + j) % pl->cap] = READ;
		pl->n_read += m;
		pl->bytes = pl->rd.bytes;
		if (m > 1)
			pthread_cond_broadcast(&pl->work);
		else if (m)
			pthread_cond_signal(&pl->work);
		if (k == REC_END) {
			pl->reader_done = 1;
			pthread_cond_broadcast(&pl->work);
			pthread_cond_broadcast(&pl->done);
			break;
		}
		if (k == REC_READ_ERROR || k == REC_NOMEM) {
			stop_locked(pl, k == REC_NOMEM ? AC_ENOMEM : AC_EIO, msg);
			break;
		}
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

static void *worker_main(void *arg)
{
	pipeline *pl = ((worker_arg *)arg)->pl;
	ac_session *s = pl->sessions[((worker_arg *)arg)->index];
	char **cells = NULL;
	size_t n_cells = 0;
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->stop && pl->n_claimed == pl->n_read && !pl->reader_done)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->stop || pl->n_claimed == pl->n_read)
			break;
		unsigned long long seq = pl->n_claimed++;
		size_t i = (size_t)(seq % pl->cap);
		pthread_mutex_unlock(&pl->mu);
		ac_status st = batch_record_work(&pl->setup, s, &cells, &n_cells, &pl->slots[i]);
		pthread_mutex_lock(&pl->mu);
		if (st != AC_OK) {
			stop_locked(pl, st, st == AC_ENOMEM ? "out of memory" : ac_strerror(st));
			break;
		}
		pl->state[i] = DONE;
		if (seq == pl->n_written)
			pl->writer_owed = 1;
		/* The writer is woken for a run of records, not for each: when
		 * this worker finds nothing more to take, when the input has
		 * ended, or when half the ring waits to be written. */
		if (pl->writer_owed &&
		    (pl->n_claimed == pl->n_read || pl->reader_done || pl->n_claimed - pl->n_written >= pl->cap / 2)) {
			pl->writer_owed = 0;
			pthread_cond_signal(&pl->done);
		}
	}
	pthread_mutex_unlock(&pl->mu);
	free(cells);
	return NULL;
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
 * empties it; 0, or -1 with the run stopped (the lock is not held). */
static int emit(pipeline *pl, batch_record *r, FILE *out, const ac_batch_options *o, ac_batch_progress *prog,
		long long *last)
{
	int bad_write = fwrite(r->out.buf, 1, r->out.len, out) != r->out.len;
	int e = errno;
	int bad_summary = o->summary && !bad_write && summarise(o->summary, r, pl->setup.layout != NULL) != 0;
	prog->written++;
	prog->failed += (unsigned long long)r->failed;
	batch_record_reset(r);
	if (bad_write || bad_summary) {
		char msg[160];
		snprintf(msg, sizeof msg, "cannot write the output: %s", bad_write ? strerror(e) : "out of memory");
		pthread_mutex_lock(&pl->mu);
		stop_locked(pl, bad_write ? AC_EIO : AC_ENOMEM, msg);
		pthread_mutex_unlock(&pl->mu);
		return -1;
	}
	if (o->progress) {
		long long t = now_ns();
		if (t - *last >= PROGRESS_EVERY_NS) {
			*last = t;
			o->progress(o->progress_ctx, prog);
		}
	}
	return 0;
}

/* The writer: records in input order, from the calling thread, a run of
 * finished ones at a time (the lock is taken once for the run). */
static void write_all(pipeline *pl, FILE *out, const ac_batch_options *o, ac_batch_progress *prog)
{
	long long last = now_ns();
	int dirty = 0;
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		size_t i = (size_t)(pl->n_written % pl->cap);
		while (!pl->stop && !(pl->n_written < pl->n_read && pl->state[i] == DONE) &&
		       !(pl->reader_done && pl->n_written == pl->n_read)) {
			/* Let a reader of a pipe see what is done before we wait for
			 * more input; while a worker is busy with the next record, it
			 * will follow soon, and writing the two at once is cheaper. */
			if (dirty && (pl->n_claimed == pl->n_written || pl->reader_done)) {
				pthread_mutex_unlock(&pl->mu);
				fflush(out);
				dirty = 0;
				pthread_mutex_lock(&pl->mu);
				continue;
			}
			pthread_cond_wait(&pl->done, &pl->mu);
		}
		if (pl->stop || (pl->reader_done && pl->n_written == pl->n_read))
			break;
		/* The run of finished records from here: the writer's until it
		 * frees them. */
		unsigned long long end = pl->n_written;
		while (end < pl->n_read && pl->state[end % pl->cap] == DONE)
			end++;
		prog->records = pl->n_read;
		prog->bytes = pl->bytes;
		pthread_mutex_unlock(&pl->mu);
		int failed = 0;
		for (unsigned long long k = pl->n_written; k < end && !failed; k++)
			failed = emit(pl, &pl->slots[k % pl->cap], out, o, prog, &last) != 0;
		dirty = 1;
		pthread_mutex_lock(&pl->mu);
		if (failed)
			break;
		for (; pl->n_written < end; pl->n_written++)
			pl->state[pl->n_written % pl->cap] = FREE;
		if (pl->n_read - pl->n_written <= pl->cap / 2) /* wake the reader for half a ring at once */
			pthread_cond_signal(&pl->space);
	}
	prog->records = pl->n_read;
	pthread_mutex_unlock(&pl->mu);
}

/* One worker (-j 1): each record read, assessed and written in turn by the
 * calling thread, with nothing handed between threads.  The output goes out
 * before a read that may wait, as the writer lets it out when it waits. */
static void run_alone(pipeline *pl, FILE *out, const ac_batch_options *o, ac_batch_progress *prog)
{
	long long last = now_ns();
	char **cells = NULL;
	size_t n_cells = 0;
	batch_record *r = &pl->slots[0];
	for (;;) {
		if (pl->rd.pos == pl->rd.end && pl->rd.fd >= 0)
			fflush(out); /* a write error is found by the last flush */
		rec_kind k = batch_reader_next(&pl->rd, &r->in, &r->line);
		if (k == REC_END)
			break;
		ac_status st = k == REC_READ_ERROR ? AC_EIO : k == REC_NOMEM ? AC_ENOMEM : AC_OK;
		if (st == AC_OK) {
			r->kind = k;
			pl->n_read++;
			pl->bytes = pl->rd.bytes;
			st = batch_record_work(&pl->setup, pl->sessions[0], &cells, &n_cells, r);
		}
		if (st != AC_OK) {
			char msg[160];
			if (k == REC_READ_ERROR)
				snprintf(msg, sizeof msg, "cannot read the input: %s", strerror(pl->rd.error));
			else
				snprintf(msg, sizeof msg, "%s", st == AC_ENOMEM ? "out of memory" : ac_strerror(st));
			pthread_mutex_lock(&pl->mu);
			stop_locked(pl, st, msg);
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		prog->records = pl->n_read;
		prog->bytes = pl->bytes;
		if (emit(pl, r, out, o, prog, &last) != 0)
			break;
	}
	prog->records = pl->n_read;
	free(cells);
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
	pl->cap = (size_t)pl->jobs * SLOTS_PER_JOB;
	pl->slots = calloc(pl->cap, sizeof *pl->slots);
	pl->state = calloc(pl->cap, sizeof *pl->state);
	pl->sessions = calloc(pl->jobs, sizeof *pl->sessions);
	if (!pl->slots || !pl->state || !pl->sessions)
		return AC_ENOMEM;
	for (size_t i = 0; i < pl->cap; i++)
		batch_record_init(&pl->slots[i]);
	pl->sessions[0] = s; /* the caller's thread only writes while the run lasts */
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
	for (size_t i = 0; pl->slots && i < pl->cap; i++)
		batch_record_free(&pl->slots[i]);
	for (unsigned i = 1; pl->sessions && i < pl->jobs; i++)
		ac_session_free(pl->sessions[i]);
	free(pl->slots);
	free(pl->state);
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
	pthread_cond_init(&pl.space, NULL);
	pthread_cond_init(&pl.work, NULL);
	pthread_cond_init(&pl.done, NULL);
	pthread_t reader, workers[AC_BATCH_MAX_JOBS];
	worker_arg args[AC_BATCH_MAX_JOBS];
	unsigned started = 0;
	int reader_started = 0;
	if (pl.jobs == 1)
		run_alone(&pl, out, o, &prog);
	else
		reader_started = pthread_create(&reader, NULL, reader_main, &pl) == 0;
	for (unsigned i = 0; reader_started && i < pl.jobs; i++, started++) {
		args[i] = (worker_arg){&pl, i};
		if (pthread_create(&workers[i], NULL, worker_main, &args[i]) != 0)
			break;
	}
	if (pl.jobs == 1) {
		/* run_alone did it all */
	} else if (!reader_started || started < pl.jobs) {
		pthread_mutex_lock(&pl.mu);
		stop_locked(&pl, AC_EINTERNAL, "cannot start the worker threads");
		pthread_mutex_unlock(&pl.mu);
	} else {
		write_all(&pl, out, o, &prog);
	}
	if (reader_started)
		pthread_join(reader, NULL);
	for (unsigned i = 0; i < started; i++)
		pthread_join(workers[i], NULL);
	if (!pl.stop && fflush(out) != 0) {
		char msg[160];
		snprintf(msg, sizeof msg, "cannot write the output: %s", strerror(errno));
		stop_locked(&pl, AC_EIO, msg);
	}
	prog.bytes = pl.rd.bytes;
	if (o->progress && !pl.stop)
		o->progress(o->progress_ctx, &prog);
	st = pl.stop ? pl.fatal : AC_OK;
	if (pl.stop)
		ac_diags_add(diags, NULL, NULL, 0, 0, "%s",
			     pl.fatal_msg[0]         ? pl.fatal_msg
			     : pl.fatal == AC_ENOMEM ? "out of memory"
						     : ac_strerror(pl.fatal));
	pthread_cond_destroy(&pl.space);
	pthread_cond_destroy(&pl.work);
	pthread_cond_destroy(&pl.done);
	pthread_mutex_destroy(&pl.mu);
	teardown(&pl);
	csv_layout_free(&L);
	if (result)
		give_result(result, &prog);
	return st;
}
