/*
 * diag.c — diagnostics: one ac_diag per problem, with where it is (source,
 * JSON path, line, column) and what was wrong.  Messages have any length up
 * to AC_DIAG_MAX_MESSAGE (diag.h); a longer one is cut on a character
 * boundary and says so.  When memory runs out, the list keeps an "out of
 * memory" entry where it can, and the call returns AC_ENOMEM.
 */
#include "core/diag.h"
#include "core/options.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"

/* Every field of ac_diags is in its first version, so the library reads and
 * writes them all whatever the caller's struct_size; a field added later is
 * reached only when AC_HAS_FIELD (core/options.h) says the caller has it. */
void ac_diags_init_size(ac_diags *d, size_t size)
{
	if (d)
		ac_options_start(d, size);
}

/* Keeps struct_size, so the list can be used again. */
void ac_diags_free(ac_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->count; i++) {
		free(d->items[i].source);
		free(d->items[i].path);
		free(d->items[i].message);
	}
	free(d->items);
	d->items = NULL;
	d->count = 0;
	d->cap = 0;
	d->more = 0;
}

size_t ac_diags_count(const ac_diags *d)
{
	return d ? d->count : 0;
}

const ac_diag *ac_diags_at(const ac_diags *d, size_t i)
{
	return d && i < d->count ? &d->items[i] : NULL;
}

size_t ac_diags_more(const ac_diags *d)
{
	return d ? d->more : 0;
}

const char *ac_diag_source(const ac_diag *d)
{
	return d ? d->source : NULL;
}

const char *ac_diag_path(const ac_diag *d)
{
	return d ? d->path : NULL;
}

int ac_diag_line(const ac_diag *d)
{
	return d ? d->line : 0;
}

int ac_diag_column(const ac_diag *d)
{
	return d ? d->column : 0;
}

const char *ac_diag_message(const ac_diag *d)
{
	return d ? d->message : NULL;
}

void ac_diags_truncate(ac_diags *d, size_t count)
{
	while (d->count > count) {
		ac_diag *x = &d->items[--d->count];
		free(x->source);
		free(x->path);
		free(x->message);
	}
}

ac_status ac_diags_oom_since(ac_diags *d, size_t count, const char *source, const char *what)
{
	ac_diags_truncate(d, count);
	return ac_diags_oom(d, source, what);
}

static int reserve_one(ac_diags *d)
{
	if (d->count < d->cap)
		return 0;
	size_t cap = d->cap ? d->cap * 2 : 8;
	ac_diag *n = realloc(d->items, cap * sizeof *n);
	if (!n)
		return -1;
	d->items = n;
	d->cap = cap;
	return 0;
}

/* The formatted message, cut to AC_DIAG_MAX_MESSAGE with a note; NULL when
 * memory ran out. */
/* s (taken) with its control characters escaped: a message quotes input,
 * and is shown on a terminal. */
static char *clean(char *s)
{
	size_t n = strlen(s);
	if (ac_utf8_valid(s, n, NULL)) {
		size_t i = 0;
		while (i < n && !ac_utf8_control(s + i, n - i))
			i++;
		if (i == n)
			return s;
	}
	strbuf sb;
	sb_init(&sb);
	ac_utf8_escape(&sb, s, n, 0);
	free(s);
	return sb_take(&sb, NULL);
}

static char *format_message(const char *fmt, va_list ap)
{
	strbuf sb;
	sb_init(&sb);
	if (sb_vprintf(&sb, fmt, ap) != 0) {
		sb_free(&sb);
		return NULL;
	}
	if (sb.len > AC_DIAG_MAX_MESSAGE) {
		size_t full = sb.len, keep = ac_utf8_cut(sb.buf, sb.len, AC_DIAG_MAX_MESSAGE);
		sb.len = keep;
		sb.buf[keep] = '\0';
		sb_printf(&sb, " [message cut: %zu of %zu bytes shown]", keep, full);
	}
	char *msg = sb_take(&sb, NULL);
	return msg ? clean(msg) : NULL;
}

/* Stores an entry that owns source, path and message (any of them NULL). */
static void push(ac_diags *d, char *source, char *path, int line, int column, char *message)
{
	ac_diag *x = &d->items[d->count++];
	x->source = source;
	x->path = path;
	x->line = line;
	x->column = column;
	x->message = message;
}

/* Keeps a short note that a message was lost, so the list does not look
 * clean after a failure. */
static void push_lost(ac_diags *d)
{
	char *m = d->count < AC_MAX_DIAGS ? strdup("out of memory: a message could not be stored") : NULL;
	if (!m)
		d->more++;
	else if (reserve_one(d) == 0)
		push(d, NULL, NULL, 0, 0, m);
	else
		free(m);
}

ac_status ac_diags_vadd(ac_diags *d, const char *source, const char *path, int line, int column, const char *fmt,
			va_list ap)
{
	if (!d)
		return AC_OK;
	if (d->count >= AC_MAX_DIAGS) {
		d->more++;
		return AC_OK;
	}
	char *msg = format_message(fmt, ap);
	char *src = source ? strdup(source) : NULL;
	char *pth = path ? strdup(path) : NULL;
	src = src ? clean(src) : NULL;
	pth = pth ? clean(pth) : NULL;
	if (!msg || (source && !src) || (path && !pth) || reserve_one(d) != 0) {
		free(msg);
		free(src);
		free(pth);
		push_lost(d);
		return AC_ENOMEM;
	}
	push(d, src, pth, line, column, msg);
	return AC_OK;
}

ac_status ac_diags_add(ac_diags *d, const char *source, const char *path, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ac_status s = ac_diags_vadd(d, source, path, line, column, fmt, ap);
	va_end(ap);
	return s;
}

ac_status ac_diags_oom(ac_diags *d, const char *source, const char *what)
{
	ac_diags_add(d, source, NULL, 0, 0, "out of memory%s%s", what ? " while " : "", what ? what : "");
	return AC_ENOMEM;
}

int ac_diag_found_expected(const char *msg, const char **found, size_t *found_len, const char **expected)
{
	static const char sep[] = ", expected ";
	if (!msg || strncmp(msg, "found ", 6) != 0)
		return 0;
	const char *at = NULL;
	for (const char *p = msg; (p = strstr(p, sep)); p++)
		at = p; /* the last one: a quoted found value may hold the words */
	if (!at)
		return 0;
	*found = msg + 6;
	*found_len = (size_t)(at - *found);
	*expected = at + sizeof sep - 1;
	return 1;
}

char *ac_diag_format(const ac_diag *d)
{
	return ac_diag_format_source(d, NULL);
}

char *ac_diag_format_source(const ac_diag *d, const char *source)
{
	char loc[64] = "";
	if (d->line > 0 && d->column > 0)
		snprintf(loc, sizeof loc, ":%d:%d", d->line, d->column);
	else if (d->line > 0)
		snprintf(loc, sizeof loc, ":%d", d->line);
	const char *src = d->source ? d->source : source ? source : "";
	const char *path = d->path ? d->path : "";
	char *raw = ac_strdup_printf("%s%s%s%s%s%s", src, loc, (*src || *loc) ? ": " : "", path, *path ? ": " : "",
				     d->message ? d->message : "");
	if (!raw)
		return NULL;
	/* The source is a file name, which may hold anything; messages are
	 * escaped when added, and escaping twice changes nothing more. */
	char *clean = ac_text_escape(raw, strlen(raw));
	free(raw);
	return clean;
}

char *ac_text_escape(const char *s, size_t n)
{
	strbuf sb;
	sb_init(&sb);
	ac_utf8_escape(&sb, s, n, 1);
	return sb_take(&sb, NULL); /* NULL when an allocation failed */
}

int ac_text_is_utf8(const char *s, size_t n)
{
	return ac_utf8_valid(s, n, NULL) && !memchr(s, '\0', n);
}
