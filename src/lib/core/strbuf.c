/*
 * strbuf.c — the growable string buffer of strbuf.h.  The buffer doubles as
 * it grows; a failed allocation is remembered so callers can check once.
 */
#include "core/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = 0;
}

/* Makes room for `extra` more bytes plus the terminating NUL. */
static int sb_reserve(strbuf *sb, size_t extra)
{
	if (sb->failed)
		return -1;
	if (extra > (size_t)-1 - sb->len - 1) {
		sb->failed = 1;
		return -1;
	}
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return 0;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	char *nb = realloc(sb->buf, cap);
	if (!nb) {
		sb->failed = 1;
		return -1;
	}
	sb->buf = nb;
	sb->cap = cap;
	return 0;
}

char *sb_room_grow(strbuf *sb, size_t extra)
{
	return sb_reserve(sb, extra) == 0 ? sb->buf + sb->len : NULL;
}

int sb_putn_grow(strbuf *sb, const char *s, size_t n)
{
	if (sb_reserve(sb, n) != 0)
		return -1;
	if (n)
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

/* Formats once into the room the buffer has; only text longer than that
 * is formatted a second time, after the buffer grew. */
int sb_vprintf(strbuf *sb, const char *fmt, va_list ap)
{
	if (sb_reserve(sb, 64) != 0)
		return -1;
	va_list again;
	va_copy(again, ap);
	size_t room = sb->cap - sb->len;
	int n = vsnprintf(sb->buf + sb->len, room, fmt, ap);
	if (n >= 0 && (size_t)n >= room) {
		if (sb_reserve(sb, (size_t)n) == 0)
			vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, again);
		else
			n = -1;
	}
	va_end(again);
	if (n < 0) {
		sb->failed = 1;
		if (sb->buf)
			sb->buf[sb->len] = '\0';
		return -1;
	}
	sb->len += (size_t)n;
	return 0;
}

int sb_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = sb_vprintf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

void sb_clear(strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

char *sb_take(strbuf *sb, size_t *len)
{
	if (!sb->failed && !sb->buf)
		sb_reserve(sb, 0);
	if (sb->failed) {
		sb_free(sb);
		return NULL;
	}
	char *s = sb->buf;
	sb->buf[sb->len] = '\0';
	if (len)
		*len = sb->len;
	sb_init(sb);
	return s;
}

void sb_free(strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

char *ac_strdup_printf(const char *fmt, ...)
{
	strbuf sb;
	sb_init(&sb);
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	return sb_take(&sb, NULL);
}

int ac_list_push(char ***list, size_t *n, char *item)
{
	if (!item)
		return 0;
	char **l = realloc(*list, (*n + 1) * sizeof *l);
	if (!l) {
		free(item);
		return 0;
	}
	l[(*n)++] = item;
	*list = l;
	return 1;
}
