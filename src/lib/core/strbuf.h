/*
 * strbuf.h — a small growable string buffer for building output text.
 * Errors are sticky: after a failed allocation every later call does nothing
 * and sb_take() returns NULL, so a caller may append freely and check once.
 */
#ifndef AICERT_STRBUF_H
#define AICERT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct {
	char *buf; /* NUL-terminated once anything was appended; may be NULL */
	size_t len; /* bytes in buf, not counting the NUL */
	size_t cap; /* bytes allocated */
	int failed; /* 1 after an allocation failed */
} strbuf;

void sb_init(strbuf *sb);
/* Each append returns 0, or -1 when memory ran out (now or earlier). */
int sb_putn_grow(strbuf *sb, const char *s, size_t n);
/* Output is written in many short pieces: one that fits is copied here. */
static inline int sb_putn(strbuf *sb, const char *s, size_t n)
{
	if (sb->failed || n >= sb->cap - sb->len)
		return sb_putn_grow(sb, s, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}
/* Room for at least extra more bytes (and the NUL), to be written at the
 * pointer returned and then counted with sb_wrote; NULL when memory ran out. */
char *sb_room_grow(strbuf *sb, size_t extra);
static inline char *sb_room(strbuf *sb, size_t extra)
{
	if (sb->failed || extra >= sb->cap - sb->len)
		return sb_room_grow(sb, extra);
	return sb->buf + sb->len;
}
static inline void sb_wrote(strbuf *sb, size_t n)
{
	sb->len += n;
	sb->buf[sb->len] = '\0';
}
/* Inline, so that the length of a literal is known where it is written. */
static inline int sb_puts(strbuf *sb, const char *s)
{
	return sb_putn(sb, s, strlen(s));
}
int sb_printf(strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int sb_vprintf(strbuf *sb, const char *fmt, va_list ap);
/* Empties the buffer but keeps its memory (and a failure, if any). */
void sb_clear(strbuf *sb);
/* Hands over the text (malloc'd, NUL-terminated, "" when nothing was
 * appended) and resets the buffer; NULL when memory ran out, in which case
 * the buffer is freed.  *len gets the length when len is not NULL. */
char *sb_take(strbuf *sb, size_t *len);
void sb_free(strbuf *sb);

/* A new string formatted like printf (freed with free()), or NULL when memory
 * ran out. */
char *ac_strdup_printf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Appends item to a growable list of strings, taking it; returns 0 when
 * memory ran out or item is NULL (item is then freed). */
int ac_list_push(char ***list, size_t *n, char *item);

#endif
