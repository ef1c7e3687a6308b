/*
 * utf8.h — cutting text without splitting a character: the one place that
 * knows how long a UTF-8 prefix may be.  Used by diagnostics and by every
 * message that quotes a piece of the input.
 */
#ifndef AICERT_UTF8_H
#define AICERT_UTF8_H

#include <stddef.h>

#include "core/strbuf.h"

/* The length of the longest prefix of s (len bytes) that is at most max
 * bytes and does not end inside a multi-byte UTF-8 character: len when
 * len <= max.  Bytes that are not UTF-8 are treated as whole characters. */
size_t ac_utf8_cut(const char *s, size_t len, size_t max);

/* The length to print of s when a message quotes at most max bytes of it
 * (ac_utf8_cut over strlen(s)); s NULL is 0. */
size_t ac_utf8_quote_len(const char *s, size_t max);

/* The length of the valid UTF-8 sequence at s (at most len bytes): 1 to 4,
 * or 0 when s does not start one (a stray continuation byte, an overlong
 * form, a surrogate, beyond U+10FFFF, or cut short). */
size_t ac_utf8_seq(const char *s, size_t len);

/* 1 when all len bytes of s are UTF-8; else 0 and *bad (when not NULL) is
 * the offset of the first byte that is not. */
int ac_utf8_valid(const char *s, size_t len, size_t *bad);

/* The length of the control character the n bytes of s start with: 1 for a
 * C0 control (below 0x20) or DEL, 2 for a C1 control written in UTF-8
 * (U+0080..U+009F); 0 when s does not start with one.  What ac_utf8_escape
 * escapes, and what a text shown as written may not hold. */
size_t ac_utf8_control(const char *s, size_t n);

/* Appends n bytes of s to sb as a terminal may safely show them: every
 * control character (C0, DEL, C1) and every byte that is not UTF-8 written
 * as \xHH (C1 as \u0080...), the newline kept when keep_newline is 1.  The
 * one escaping of untrusted text on its way to a terminal or a message. */
void ac_utf8_escape(strbuf *sb, const char *s, size_t n, int keep_newline);

#endif
