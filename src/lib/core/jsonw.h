/*
 * jsonw.h — a streaming JSON writer: values go straight into a strbuf, laid
 * out byte for byte as jansson's dumper lays out the same document (two-space
 * indent, or compact), so a document can be written without building a tree.
 * Strings must be valid UTF-8: one that is not fails the writer, as jansson
 * refuses to hold it.
 */
#ifndef AICERT_JSONW_H
#define AICERT_JSONW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/strbuf.h"

#define AC_JW_MAX_DEPTH 32

typedef struct {
	strbuf *out;
	int indent; /* spaces per level (2), or 0 for compact */
	int depth;
	int after_key; /* the next value follows a key on the same line */
	int failed; /* an invalid string, too deep, or memory ran out */
	unsigned char items[AC_JW_MAX_DEPTH]; /* the open container holds a value */
} ac_jw;

void ac_jw_init(ac_jw *w, strbuf *out, int indent);
void ac_jw_object(ac_jw *w);
void ac_jw_array(ac_jw *w);
void ac_jw_end_object(ac_jw *w);
void ac_jw_end_array(ac_jw *w);
/* The key of the next value in an object. */
void ac_jw_key(ac_jw *w, const char *key);
/* The same for a key of n bytes known to need no escaping (no control
 * character, quote, backslash or byte above 0x7F): a key of the contract. */
void ac_jw_plain_key(ac_jw *w, const char *key, size_t n);
/* A key of the contract given as its text in quotes with the colon and a
 * space ("\"key\": ", n bytes), written inline where it can be: the
 * separator before it and the key in place, the copy of a length the
 * compiler knows.  Anywhere else (no room yet, a key right after a key,
 * a failed writer) it is ac_jw_plain_key's. */
static inline void ac_jw_key_quoted(ac_jw *w, const char *quoted, size_t n)
{
	int depth = w->depth;
	strbuf *sb = w->out;
	size_t indent = (size_t)depth * (size_t)w->indent;
	if (w->after_key || depth == 0 || sb->failed || indent > 64 || 2 + 64 + 8 + n >= sb->cap - sb->len) {
		ac_jw_plain_key(w, quoted + 1, n - 4);
		return;
	}
	char *o = sb->buf + sb->len, *start = o;
	if (w->items[depth - 1])
		*o++ = ',';
	w->items[depth - 1] = 1;
	if (w->indent) {
		*o++ = '\n';
		for (size_t i = 0; i < indent; i += 8)
			memcpy(o + i, "        ", 8);
		o += indent;
	}
	memcpy(o, quoted, n);
	o += w->indent ? n : n - 1; /* compact: no space after the colon */
	sb->len += (size_t)(o - start);
	sb->buf[sb->len] = '\0';
	w->after_key = 1;
}
/* A key of the contract, from a string literal of plain characters. */
#define AC_JW_KEY(w, literal) ac_jw_key_quoted((w), "\"" literal "\": ", sizeof(literal) + 3)
/* A comma when one is due, then a newline and the indent of depth (neither
 * when compact), written in one go. */
void ac_jw_line(ac_jw *w, int comma, int depth);
/* What goes before a value: nothing after a key or at the top, else the
 * separator from the previous item and the item's line.  Inline, with the
 * values written most often below, as a document writes hundreds.  (jsonw.c
 * keeps the same count of items for a bracket or a key written with its
 * line; written through that helper here, the compiler stops inlining the
 * strings below, 2% of a document's instructions.) */
static inline void ac_jw_before(ac_jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0)
		return;
	int comma = w->items[w->depth - 1];
	w->items[w->depth - 1] = 1;
	ac_jw_line(w, comma, w->depth);
}
/* s (n bytes) as a JSON string in its quotes, escaped, with nothing
 * before it. */
void ac_jw_quoted(ac_jw *w, const char *s, size_t n);
/* The same written as it is, for a literal known to need no escaping. */
static inline void ac_jw_verbatim(ac_jw *w, const char *text, size_t n)
{
	if (sb_putn(w->out, text, n) != 0)
		w->failed = 1;
}
static inline void ac_jw_strn(ac_jw *w, const char *s, size_t n)
{
	ac_jw_before(w);
	ac_jw_quoted(w, s, n);
}
static inline void ac_jw_null(ac_jw *w)
{
	ac_jw_before(w);
	ac_jw_verbatim(w, "null", 4);
}
/* A string, or null for NULL. */
static inline void ac_jw_str(ac_jw *w, const char *s)
{
	if (!s)
		ac_jw_null(w);
	else
		ac_jw_strn(w, s, strlen(s));
}
static inline void ac_jw_bool(ac_jw *w, int b)
{
	ac_jw_before(w);
	if (b)
		ac_jw_verbatim(w, "true", 4);
	else
		ac_jw_verbatim(w, "false", 5);
}
void ac_jw_int(ac_jw *w, int64_t v);
/* A real as jansson writes it with JSON_REAL_PRECISION(digits): "%.*g",
 * with ".0" added to a whole number and the exponent's '+' and leading zeros
 * dropped.  Not finite: null (jansson holds no such real). */
void ac_jw_real(ac_jw *w, double x, int digits);
/* A number as jansson writes what ac_json_double (core/json.h) makes of it:
 * a whole one as an integer, else a real with digits of precision. */
void ac_jw_number(ac_jw *w, double x, int digits);
/* A number, string, true, false or null already written by this writer
 * (n bytes of text), which reads the same compact and indented: copied. */
void ac_jw_scalar_text(ac_jw *w, const char *text, size_t n);
/* 0 when everything was written, -1 otherwise. */
int ac_jw_status(const ac_jw *w);
/* The text written into sb (malloc'd), or NULL, with sb freed, when the
 * writer failed (a string it could not write, or memory ran out). */
char *ac_jw_take(ac_jw *w, strbuf *sb);

#endif
