/*
 * batch.h — the parts of a batch run behind ac_batch_run(): the record
 * reader (reader.c), the CSV layout made from the profile schema (csv.c),
 * the work on one record (record.c), the team summary (summary.c,
 * summary_render.c) and compact JSON (jsonl.c, also used by history/).
 */
#ifndef AICERT_BATCH_H
#define AICERT_BATCH_H

#include <stdio.h>

#include "aicert.h"
#include "core/strbuf.h"

/* ------------------------------------------------------------ compact JSON */

/* Removes the whitespace between tokens of JSON text in place (the same
 * document on one line); returns the new length (the text is NUL-terminated
 * when it got shorter). */
size_t ac_json_squeeze(char *json, size_t len);
/* Appends JSON text squeezed so.  -1 when memory ran out. */
int ac_json_compact(strbuf *out, const char *json, size_t len);
/* Appends s as a JSON string (quoted and escaped); NULL as null. */
int ac_json_string(strbuf *out, const char *s);

/* An id in plain words for reports ("test_ai_first" -> "test AI first"),
 * into buf of n bytes (cut when too long); returns buf. */
const char *batch_words(const char *id, char *buf, size_t n);

/* ------------------------------------------------------------ the reader */

/* Splits the input into records: a line for JSON Lines, a row for CSV (which
 * may run over several lines inside quotes).  Blank lines are skipped.  A
 * record longer than AC_MAX_PROFILE_BYTES is reported, not kept: the reader
 * skips to the end of its line and goes on. */
typedef struct {
	FILE *in;
	int fd; /* in's descriptor when it is a pipe or a terminal, else -1 */
	ac_batch_format fmt;
	char *buf; /* read-ahead */
	size_t pos, end; /* unread bytes are buf[pos..end) */
	int eof, error; /* error: errno of a failed read */
	long next_line; /* number of the next physical line */
	unsigned long long bytes;
	/* Called before a read of the pipe or terminal that may wait, or NULL:
	 * what is done should go out before it. */
	void (*before_wait)(void *ctx);
	void *wait_ctx;
} batch_reader;

typedef enum { REC_END = 0, REC_OK, REC_TOO_LONG, REC_OPEN_QUOTE, REC_READ_ERROR, REC_NOMEM } rec_kind;

ac_status batch_reader_init(batch_reader *r, FILE *in, ac_batch_format fmt);
void batch_reader_free(batch_reader *r);
/* The next record into rec (cleared first, NUL-terminated, without its line
 * end); *line gets the number of its first line. */
rec_kind batch_reader_next(batch_reader *r, strbuf *rec, long *line);
/* 1 when the next record (or the end) can be had without a read that may
 * wait: always for a file; for a pipe or a terminal, when the read-ahead
 * holds a whole record or the input has ended. */
int batch_reader_ready(const batch_reader *r);

/* ------------------------------------------------------------ the CSV layout */

/* A CSV column: a profile field by schema path, or a field of a numbered
 * task group ("task3.share"). */
typedef struct {
	const ac_field *field; /* NULL for the "schema" column */
	int task; /* 1-based task group, 0 for a profile field */
	const char *key; /* the task field's key ("share") */
} csv_column;

typedef struct {
	csv_column *cols;
	size_t n;
	int max_task; /* the highest task group named */
} csv_layout;

/* Reads the header row; AC_EINPUT with one diagnostic per bad column. */
ac_status csv_layout_parse(csv_layout *L, char *header, const char *source, long line, ac_diags *diags);
void csv_layout_free(csv_layout *L);

/* Splits a CSV record in place into at most max fields (RFC 4180 quotes);
 * returns how many, or -1 (with a message in *why) when it is malformed. */
long csv_split(char *rec, char **fields, size_t max, const char **why);

/* A row as profile JSON text in json.  Cells become JSON values by the
 * field's type; problems a cell alone shows (text that is not UTF-8, a
 * non-empty cell past the last column) are diagnostics (AC_EINPUT).  groups[i] gets the task group number of the profile's task i
 * (the row may skip empty groups), for naming columns in messages. */
ac_status csv_row_json(const csv_layout *L, char **cells, size_t n, strbuf *json, int *groups, ac_diags *diags);
/* The column a diagnostic path names: "role.tasks[2].share" is the column of
 * task group groups[2] ("task3.share"); other paths are their own column. */
void csv_column_name(const char *path, const int *groups, size_t n_groups, char *out, size_t n);

/* Appends one CSV cell, quoted when it holds a comma, quote or line end. */
int csv_cell(strbuf *out, const char *s);

/* ------------------------------------------------------------ one record */

/* The fixed setup every worker shares (read-only). */
typedef struct {
	const csv_layout *layout; /* CSV input, else NULL */
	ac_batch_format output;
	int counterfactuals;
	char as_of[11]; /* every record's date */
	int keep; /* a summary is wanted: keep what it needs for the writer */
	int include_labels;
} record_setup;

/* One record on its way from the reader through a worker to the writer. */
typedef struct {
	rec_kind kind;
	long line;
	strbuf in; /* the record's text */
	strbuf out; /* the output record, line end included */
	int failed; /* out is an error record */
	ac_assessment *a; /* kept for the summary */
	char *title; /* role.title, kept only with include_labels */
	ac_diags problems; /* of a failed record */
	int groups[AC_MAX_TASKS];
	size_t n_groups; /* CSV: the task group of each task */
} batch_record;

void batch_record_init(batch_record *r);
/* Frees what the record holds for one trip; keeps its buffers for the next. */
void batch_record_reset(batch_record *r);
void batch_record_free(batch_record *r);
/* Turns r->in into r->out with the worker's own session; AC_OK for a record
 * written either way (assessed or an error record), AC_ENOMEM or another
 * status when the run cannot go on. */
ac_status batch_record_work(const record_setup *setup, ac_session *s, char ***cells, size_t *cap, batch_record *r);

/* ------------------------------------------------------------ the summary */

/* What the summary keeps of one record: figures, never the record itself. */
typedef struct {
	long line;
	int failed;
	int verdict;
	const ac_assessment *a; /* NULL for a failure */
	const ac_diags *problems; /* for a failure */
	const char *title; /* role.title as JSON text: used only with include_labels */
	const int *groups; /* CSV task groups for naming columns, or NULL */
	size_t n_groups;
} batch_facts;

/* Counts one record.  -1 when memory ran out. */
int batch_summary_add(ac_batch_summary *s, const batch_facts *f);
/* The policy the run used, shown in the summary. */
int batch_summary_policy(ac_batch_summary *s, const char *name, const char *version);
/* Whether the summary may show free text (include_labels). */
int batch_summary_labels(const ac_batch_summary *s);

#endif
