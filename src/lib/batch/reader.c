/*
 * reader.c — cuts a batch input into records with their line numbers: one
 * line of JSON Lines, or one CSV row (quoted fields may hold line ends).
 * Only the record boundaries are found here; parsing is the workers' job, so
 * reading, done by one worker at a time, stays cheap.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch.h"

#define READ_AHEAD (64 * 1024)

/* Where a CSV row is, byte by byte (RFC 4180). */
enum { AT_FIELD_START, IN_PLAIN, IN_QUOTES, QUOTE_IN_QUOTES };

ac_status batch_reader_init(batch_reader *r, FILE *in, ac_batch_format fmt)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	/* A pipe is read for what it has, so that each record is assessed as it
	 * arrives (fread would wait for a whole read-ahead or the end). */
	struct stat st;
	int fd = fileno(in);
	r->fd = fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) ? fd : -1;
	r->fmt = fmt;
	r->next_line = 1;
	r->buf = malloc(READ_AHEAD);
	return r->buf ? AC_OK : AC_ENOMEM;
}

void batch_reader_free(batch_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Refills the read-ahead; 0 at the end of the input or on a read error. */
static int fill(batch_reader *r)
{
	if (r->eof)
		return 0;
	size_t n;
	if (r->fd >= 0) {
		if (r->before_wait)
			r->before_wait(r->wait_ctx);
		ssize_t got;
		do
			got = read(r->fd, r->buf, READ_AHEAD);
		while (got < 0 && errno == EINTR);
		if (got < 0)
			r->error = errno ? errno : EIO;
		n = got > 0 ? (size_t)got : 0;
	} else {
		n = fread(r->buf, 1, READ_AHEAD, r->in);
		if (n == 0 && ferror(r->in))
			r->error = errno ? errno : EIO;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->pos = 0;
	r->end = n;
	r->bytes += n;
	return 1;
}

/* The end of the record's current line in buf[from..end), or NULL when
 * the line goes on past end.  For CSV, *state carries the quoting across
 * calls and line ends inside quotes are counted in *lines (when not NULL),
 * not stopped at (unless plain: then the first line end ends the line). */
static const char *scan_from(const batch_reader *r, size_t from, int *state, int plain, long *lines)
{
	const char *p = r->buf + from, *end = r->buf + r->end;
	if (r->fmt != AC_BATCH_CSV || plain)
		return memchr(p, '\n', (size_t)(end - p));
	for (; p < end; p++) {
		char c = *p;
		switch (*state) {
		case IN_QUOTES:
			if (c == '"')
				*state = QUOTE_IN_QUOTES;
			else if (c == '\n' && lines)
				++*lines;
			continue;
		case QUOTE_IN_QUOTES:
			if (c == '"') {
				*state = IN_QUOTES;
				continue;
			}
			break;
		case AT_FIELD_START:
			if (c == '"') {
				*state = IN_QUOTES;
				continue;
			}
			break;
		}
		if (c == '\n')
			return p;
		*state = c == ',' ? AT_FIELD_START : IN_PLAIN;
	}
	return NULL;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static const char *scan(batch_reader *r, int *state, int plain)
{
	return scan_from(r, r->pos, state, plain, &r->next_line);
}

int batch_reader_ready(const batch_reader *r)
{
	if (r->fd < 0 || r->eof)
		return 1;
	/* A complete record in the read-ahead, after any blank lines. */
	for (size_t from = r->pos; from < r->end;) {
		int state = AT_FIELD_START;
		const char *nl = scan_from(r, from, &state, 0, NULL);
		if (!nl)
			return 0;
		size_t stop = (size_t)(nl - r->buf);
		if (!blank(r->buf + from, stop - from))
			return 1;
		from = stop + 1;
	}
	return 0;
}

rec_kind batch_reader_next(batch_reader *r, strbuf *rec, long *line)
{
	for (;;) {
		sb_clear(rec);
		*line = r->next_line;
		int too_long = 0, state = AT_FIELD_START, ended = 0, any = 0;
		while (!ended) {
			if (r->pos == r->end && !fill(r))
				break;
			any = 1;
			const char *nl = scan(r, &state, too_long);
			size_t stop = nl ? (size_t)(nl - r->buf) : r->end;
			size_t n = stop - r->pos;
			if (!too_long && rec->len + n > AC_MAX_PROFILE_BYTES) {
				too_long = 1; /* keep nothing more; find the end of this line */
				sb_clear(rec);
			}
			if (!too_long && sb_putn(rec, r->buf + r->pos, n) != 0)
				return REC_NOMEM;
			r->pos = nl ? stop + 1 : stop;
			if (nl) {
				r->next_line++;
				ended = 1;
			}
		}
		if (r->error)
			return REC_READ_ERROR;
		if (!any)
			return REC_END;
		if (too_long)
			return REC_TOO_LONG;
		if (rec->len && rec->buf[rec->len - 1] == '\r')
			rec->buf[--rec->len] = '\0';
		/* A UTF-8 byte order mark (spreadsheet exports) is not part of the data. */
		if (*line == 1 && rec->len >= 3 && memcmp(rec->buf, "\xEF\xBB\xBF", 3) == 0) {
			memmove(rec->buf, rec->buf + 3, rec->len - 2);
			rec->len -= 3;
		}
		if (r->fmt == AC_BATCH_CSV && state == IN_QUOTES)
			return REC_OPEN_QUOTE;
		if (rec->len && !blank(rec->buf, rec->len))
			return REC_OK;
		if (!ended && r->eof)
			return REC_END;
	}
}
