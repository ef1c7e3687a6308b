/*
 * utf8.h — cutting text without splitting a character: the one place that
 * knows how long a UTF-8 prefix may be.  Used by diagnostics and by every
 * message that quotes a piece of the input.
 */
#ifndef AICERT_UTF8_H
#define AICERT_UTF8_H

#include <stddef.h>

/* The length of the longest prefix of s (len bytes) that is at most max
 * bytes and does not end inside a multi-byte UTF-8 character: len when
 * len <= max.  Bytes that are not UTF-8 are treated as whole characters. */
size_t ac_utf8_cut(const char *s, size_t len, size_t max);

/* The length to print of s when a message quotes at most max bytes of it
 * (ac_utf8_cut over strlen(s)); s NULL is 0. */
size_t ac_utf8_quote_len(const char *s, size_t max);

#endif
