/*
 * dsv.c — the delimited-text reader of dsv.h.  One line at a time into a
 * fixed buffer: fields are split in place, a quoted field runs to its
 * closing quote on the same line ("" is a quote inside it), a UTF-8 byte
 * order mark on the first line is dropped.  Signs of a damaged file (a NUL
 * byte, a last line without its line end, a row shorter than the header)
 * are refused where they are found.
 */
#include "core/dsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "core/utf8.h"

static ac_status start(dsv_reader *r, const char *name, char sep, ac_diags *diags)
{
	memset(r, 0, sizeof *r);
	r->sep = sep;
	r->diags = diags;
	r->max_field = DSV_MAX_LINE;
	r->name = strdup(name ? name : "-");
	r->buf = malloc(DSV_MAX_LINE + 2);
	if (!r->name || !r->buf) {
		dsv_close(r);
		return ac_diags_oom(diags, name, "opening a data file");
	}
	return AC_OK;
}

ac_status dsv_open(dsv_reader *r, const char *path, char sep, ac_diags *diags)
{
	ac_status s = start(r, path, sep, diags);
	if (s != AC_OK)
		return s;
	r->f = fopen(path, "rb");
	if (!r->f) {
		int e = errno;
		ac_diags_add(diags, path, NULL, 0, 0, "cannot open: %s", strerror(e));
		dsv_close(r);
		return e == ENOMEM ? AC_ENOMEM : AC_EIO;
	}
	r->own_f = 1;
	return AC_OK;
}

ac_status dsv_open_stream(dsv_reader *r, FILE *f, const char *name, char sep, ac_diags *diags)
{
	ac_status s = start(r, name, sep, diags);
	if (s == AC_OK)
		r->f = f;
	return s;
}

void dsv_close(dsv_reader *r)
{
	if (r->f && r->own_f)
		fclose(r->f);
	free(r->name);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

ac_status dsv_error(dsv_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ac_status s = ac_diags_vadd(r->diags, r->name, NULL, (int)(r->line > 0 ? r->line : 0), 0, fmt, ap);
	va_end(ap);
	return s == AC_ENOMEM ? AC_ENOMEM : AC_EINPUT;
}

/* Splits buf into fields: sep-separated, a field that starts with a quote
 * runs to the matching quote ("" is a quote inside it). */
static ac_status split(dsv_reader *r)
{
	char *s = r->buf;
	r->nf = 0;
	for (;;) {
		if (r->nf == DSV_MAX_FIELDS)
			return dsv_error(r, "more than %d fields", DSV_MAX_FIELDS);
		if (*s == '"') {
			char *out = s, *in = s + 1;
			r->fields[r->nf++] = out;
			for (;;) {
				if (*in == '\0')
					return dsv_error(r, "field %d: a quoted field is not closed on this line",
							 r->nf);
				if (*in == '"') {
					if (in[1] == '"') {
						*out++ = '"';
						in += 2;
						continue;
					}
					in++;
					break;
				}
				*out++ = *in++;
			}
			char c = *in;
			if (c != r->sep && c != '\0')
				return dsv_error(r, "field %d: text after the closing quote", r->nf);
			*out = '\0';
			if (c == '\0')
				return AC_OK;
			s = in + 1;
		} else {
			r->fields[r->nf++] = s;
			char *e = strchr(s, r->sep);
			if (!e)
				return AC_OK;
			*e = '\0';
			s = e + 1;
		}
	}
}

/* Reads the next physical line into buf without its line end.  1 read, 0
 * end of file or a problem (*st then says which).  A damaged file stops at
 * its first sign: a NUL byte (a header followed by endless zero bytes is
 * refused at once, never read to its end), a line longer than DSV_MAX_LINE,
 * or a last line without its line end (a download or copy cut short). */
static int next_line(dsv_reader *r, ac_status *st)
{
	*st = AC_OK;
	size_t n = 0;
	int c = EOF;
	while (n <= DSV_MAX_LINE && (c = getc_unlocked(r->f)) != EOF && c != '\n') {
		if (c == '\0') {
			r->line++;
			r->bytes += n + 1;
			*st = dsv_error(r,
					"byte %zu of the line is a NUL byte (0x00), expected text: the file is "
					"damaged or not a text file",
					n + 1);
			return 0;
		}
		r->buf[n++] = (char)c;
	}
	if (c == EOF && ferror(r->f)) {
		int e = errno;
		r->line++;
		*st = dsv_error(r, "read error: %s", strerror(e));
		*st = *st == AC_ENOMEM ? AC_ENOMEM : AC_EIO;
		return 0;
	}
	if (c == EOF && n == 0)
		return 0;
	r->line++;
	r->bytes += n + (c == '\n');
	if (n > DSV_MAX_LINE) {
		*st = dsv_error(r, "line longer than %d bytes", DSV_MAX_LINE);
		return 0;
	}
	if (c == EOF) {
		*st = dsv_error(r, "the last line has no line end, expected one at the end of every line: the "
				   "file looks cut short");
		return 0;
	}
	while (n > 0 && r->buf[n - 1] == '\r')
		n--;
	r->buf[n] = '\0';
	if (r->line == 1 && n >= 3 && (unsigned char)r->buf[0] == 0xEF && (unsigned char)r->buf[1] == 0xBB &&
	    (unsigned char)r->buf[2] == 0xBF)
		memmove(r->buf, r->buf + 3, n - 2);
	return 1;
}

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

int dsv_header_matches(const char *cell, const char *want)
{
	const char *star = strchr(want, '*');
	if (!star)
		return strcmp(cell, want) == 0;
	size_t pre = (size_t)(star - want), post = strlen(star + 1), n = strlen(cell);
	return n >= pre + post && strncmp(cell, want, pre) == 0 && strcmp(cell + n - post, star + 1) == 0;
}

/* Looks for every wanted column in the current line; returns how many were
 * found (each cell answers one wanted name at most). */
static int match_header(dsv_reader *r, const char *const *want, int n_want)
{
	int found = 0;
	r->need = 0;
	for (int k = 0; k < n_want; k++) {
		r->col[k] = -1;
		for (int i = 0; i < r->nf; i++) {
			int taken = 0;
			for (int j = 0; j < k; j++)
				taken |= r->col[j] == i;
			if (!taken && dsv_header_matches(trim(r->fields[i]), want[k])) {
				r->col[k] = i;
				break;
			}
		}
		if (r->col[k] >= 0) {
			found++;
			if (r->col[k] + 1 > r->need)
				r->need = r->col[k] + 1;
		}
	}
	return found;
}

ac_status dsv_header(dsv_reader *r, const char *const *want, int n_want, int scan)
{
	if (n_want < 1 || n_want > DSV_MAX_COLS)
		return dsv_error(r, "a header search asks for %d columns; 1 to %d are possible", n_want, DSV_MAX_COLS);
	r->n_cols = n_want;
	ac_status st = AC_OK;
	while (r->line < scan && next_line(r, &st)) {
		if ((st = split(r)) != AC_OK)
			return st;
		if (match_header(r, want, n_want) == n_want) {
			r->header_nf = r->nf;
			r->header_line = r->line;
			return AC_OK;
		}
		if (scan == 1)
			for (int k = 0; k < n_want; k++)
				if (r->col[k] < 0)
					return dsv_error(r, "the header has no column '%s'", want[k]);
	}
	if (st != AC_OK)
		return st;
	if (r->line == 0)
		return dsv_error(r, "the file is empty");
	strbuf list;
	sb_init(&list);
	for (int k = 0; k < n_want; k++)
		sb_printf(&list, "%s'%s'", k ? ", " : "", want[k]);
	char *names = sb_take(&list, NULL);
	if (!names)
		return ac_diags_oom(r->diags, r->name, "reading a header");
	r->line = 0;
	st = dsv_error(r, "no header line with the columns %s in the first %d lines", names, scan);
	free(names);
	return st;
}

int dsv_row(dsv_reader *r, ac_status *st)
{
	for (;;) {
		if (!next_line(r, st))
			return 0;
		if (r->buf[0] == '\0')
			continue;
		if ((*st = split(r)) != AC_OK)
			return 0;
		if (r->nf < r->need || r->nf < r->header_nf) {
			int want = r->header_nf > r->need ? r->header_nf : r->need;
			*st = dsv_error(r,
					"found %d fields, expected %d as in the header (line %ld): the line is "
					"cut short",
					r->nf, want, r->header_line);
			return 0;
		}
		for (int i = 0; i < r->nf; i++) {
			size_t n = strlen(r->fields[i]), bad;
			if (n > r->max_field) {
				*st = dsv_error(r, "field %d is longer than %zu bytes", i + 1, r->max_field);
				return 0;
			}
			if (!ac_utf8_valid(r->fields[i], n, &bad)) {
				*st = dsv_error(
					r,
					"field %d: found the byte 0x%02x, which is not UTF-8; expected text in UTF-8",
					i + 1, (unsigned char)r->fields[i][bad]);
				return 0;
			}
		}
		r->rows++;
		return 1;
	}
}

const char *dsv_get(dsv_reader *r, int k)
{
	if (k < 0 || k >= r->n_cols || r->col[k] < 0 || r->col[k] >= r->nf)
		return "";
	return trim(r->fields[r->col[k]]);
}
