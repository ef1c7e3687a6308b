/*
 * json.h — small helpers for building and describing JSON values with
 * jansson, shared by every reader and writer of JSON in the library: an
 * unknown value as null, a whole number as an integer, and the short
 * description of a value that messages quote ("found the string ...").
 */
#ifndef AICERT_JSON_H
#define AICERT_JSON_H

#include <stddef.h>

#include <jansson.h>

#include "aicert.h"
#include "core/jsonread.h"

/* null when unknown; whole numbers as integers (150, not 150.0). */
json_t *ac_json_num(ac_num n);
json_t *ac_json_double(double x);
/* null for NULL, else the string. */
json_t *ac_json_str(const char *s);
/* null when unknown, else true or false. */
json_t *ac_json_tri(ac_tri t);
/* null for 0 (or a value out of range), else the enum's name. */
json_t *ac_json_enum(ac_enum_kind kind, int v);

/* How a message quotes a value: "the string \"abc\"" (words) or "\"abc\""
 * (plain); strings are cut on a character boundary after max bytes, with
 * "..." after them. */
typedef enum { AC_DESCRIBE_WORDS, AC_DESCRIBE_PLAIN } ac_describe_style;
/* Writes the description into buf and returns buf. */
const char *ac_json_describe(const json_t *v, ac_describe_style style, size_t max, char *buf, size_t n);
/* The same for a value of jsonread.h's tree. */
const char *ac_jr_describe(const ac_jr_node *v, ac_describe_style style, size_t max, char *buf, size_t n);

/* json_loadb that tells running out of memory from a bad text: jansson
 * reports a failed allocation inside a string as a syntax error, or drops
 * the character and succeeds.  Every JSON text is read with it.  On failure
 * returns NULL with *st AC_ENOMEM or AC_EINPUT (and err filled for the
 * latter); on success *st is AC_OK. */
json_t *ac_json_load(const char *text, size_t len, size_t flags, json_error_t *err, ac_status *st);

/* json_dumps that never hands out a text with a part left out: jansson
 * (2.14) ignores a failed write of an object's key and carries on, so a
 * dump under a failed allocation can drop the key and still succeed.  The
 * text is written through a buffer whose first failure fails every later
 * write, and the whole dump with it.  NULL when memory ran out; *len (when
 * not NULL) gets the length. */
char *ac_json_text(const json_t *v, size_t flags, size_t *len);

#endif
