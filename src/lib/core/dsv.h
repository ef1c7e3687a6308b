/*
 * dsv.h — a reader of delimited text (tab- or comma-separated, RFC 4180
 * quotes within a line) that finds its header by column names, counts lines
 * for error messages, and refuses what it cannot read faithfully: over-long
 * lines, unclosed quotes, rows with fewer fields than the header, NUL bytes,
 * a last line without its line end (a file cut short).  Any data file of the project, and any
 * later batch input, goes through it.
 *
 *     dsv_reader r;
 *     if (dsv_open(&r, path, '\t', diags) == AC_OK &&
 *         dsv_header(&r, (const char *const[]){"Code", "Title"}, 2, 1) == AC_OK)
 *             while (dsv_row(&r, &st))
 *                     use(dsv_get(&r, 0), dsv_get(&r, 1));
 *     dsv_close(&r);
 *
 * Every problem is one diagnostic naming the file and line; the reader owns
 * nothing the caller must free once dsv_close ran.
 */
#ifndef AICERT_DSV_H
#define AICERT_DSV_H

#include <stdio.h>

#include "aicert.h"

#define DSV_MAX_LINE 65536 /* bytes of one line, without its line end */
#define DSV_MAX_FIELDS 64 /* fields of one line */
#define DSV_MAX_COLS 16 /* columns a header search may ask for */

typedef struct {
	/* What a caller may read. */
	char *name; /* the file name used in diagnostics */
	long line; /* the line last read, 1-based; 0 before the first */
	size_t bytes; /* bytes read so far */
	size_t rows; /* data rows dsv_row returned */
	int nf; /* fields of the line last read */
	char *fields[DSV_MAX_FIELDS]; /* its fields, unquoted, untrimmed */
	size_t max_field; /* longest field a data row may have (default DSV_MAX_LINE) */

	/* Internal. */
	FILE *f;
	int own_f;
	char sep;
	char *buf;
	ac_diags *diags;
	int n_cols;
	int col[DSV_MAX_COLS]; /* field index of each wanted column */
	int need; /* fields a row must have: 1 + the largest wanted index */
	int header_nf; /* fields of the header line, which every row must have too */
	long header_line;
} dsv_reader;

/* Opens the file at path.  AC_EIO (with a diagnostic) when it cannot be
 * opened, AC_ENOMEM when memory ran out; on failure nothing needs closing
 * (dsv_close is harmless). */
ac_status dsv_open(dsv_reader *r, const char *path, char sep, ac_diags *diags);
/* Reads an open stream (standard input, a pipe, a memory stream); name is
 * used in diagnostics.  The stream is not closed by dsv_close. */
ac_status dsv_open_stream(dsv_reader *r, FILE *f, const char *name, char sep, ac_diags *diags);
void dsv_close(dsv_reader *r);

/* Finds the header among the first `scan` lines: the first line holding
 * every wanted column name (trimmed cells, compared exactly; one '*' in a
 * name stands for any text).  Spreadsheet exports put a title above the
 * header, hence the scan.  With scan 1 a missing column is named. */
ac_status dsv_header(dsv_reader *r, const char *const *want, int n_want, int scan);

/* The next data row: 1 when one was read, 0 at the end of the file or on a
 * problem (then *st is not AC_OK).  Blank lines are skipped; a row with
 * fewer fields than the header, a field longer than max_field, text that is
 * not UTF-8, a NUL byte or a last line without its line end is a problem. */
int dsv_row(dsv_reader *r, ac_status *st);

/* Wanted column k (in dsv_header's order) of the current row, trimmed of
 * spaces (in place); "" for a column the row does not have. */
const char *dsv_get(dsv_reader *r, int k);

/* Adds a diagnostic at the current line (the file alone when no line was
 * read) and returns AC_EINPUT, or AC_ENOMEM when it could not be stored. */
ac_status dsv_error(dsv_reader *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Whether a header cell is the wanted name, '*' in want standing for any
 * text ("Employment change, percent, *"). */
int dsv_header_matches(const char *cell, const char *want);

#endif
