/*
 * jsonread.h — a small read-only JSON tree for the one input read on every
 * request: the profile.  jansson reads a 1.5 KB profile in about 225,000
 * instructions (it copies every token byte by byte and keeps a hash table per
 * object), a third of a whole assessment served over HTTP; this reader builds
 * the same values in one arena in a tenth of that.
 *
 * It takes exactly the texts jansson takes with JSON_REJECT_DUPLICATES and
 * (JSON_DECODE_ANY as well, for ac_jr_parse_any) reads them to the same values (integers as long long, reals through strtod
 * in the C locale, strings decoded to UTF-8, members in text order).  It
 * makes no error messages: it declines every text jansson would refuse, and
 * anything it does not handle itself (a top level that is not an object,
 * nesting deeper than max_depth), so that the caller hands that text to
 * jansson, which says what is wrong and where.  tests/fuzz/fuzz_jsonread.c
 * holds the two readers to the same answers.
 */
#ifndef AICERT_JSONREAD_H
#define AICERT_JSONREAD_H

#include <stddef.h>

#include "aicert.h"

typedef enum {
	AC_JR_NULL,
	AC_JR_FALSE,
	AC_JR_TRUE,
	AC_JR_INT,
	AC_JR_REAL,
	AC_JR_STRING,
	AC_JR_ARRAY,
	AC_JR_OBJECT
} ac_jr_type;

typedef struct ac_jr_node ac_jr_node;
/* 48 bytes: a 1 MiB text of small numbers takes about as much memory as
 * jansson's tree of it. */
struct ac_jr_node {
	ac_jr_type type;
	unsigned key_n; /* the bytes of key */
	size_t n; /* a string's bytes (it may hold no NUL), a container's members */
	const char *key; /* the member's name, when it is one of an object's */
	const ac_jr_node *next; /* the next member of the enclosing container */
	union {
		const char *s; /* a string's text, NUL-terminated */
		const ac_jr_node *first; /* a container's first member */
	};
	union {
		long long i; /* an integer */
		double d; /* a real */
	};
};

/* A number as jansson's json_number_value gives it. */
static inline double ac_jr_number(const ac_jr_node *v)
{
	return v->type == AC_JR_INT ? (double)v->i : v->d;
}

typedef struct ac_jr_doc ac_jr_doc;

/* Reads the len bytes of text.  AC_OK: *root is the top-level object, valid
 * until ac_jr_free(*doc).  AC_ENOMEM: memory ran out.  AC_EINPUT: declined
 * (not an object at the top, a value nested deeper than max_depth, or not a
 * text jansson reads); *doc is NULL on every failure. */
ac_status ac_jr_parse(const char *text, size_t len, int max_depth, ac_jr_doc **doc, const ac_jr_node **root);
/* The same for any value at the top, as jansson reads with JSON_DECODE_ANY. */
ac_status ac_jr_parse_any(const char *text, size_t len, int max_depth, ac_jr_doc **doc, const ac_jr_node **root);
void ac_jr_free(ac_jr_doc *doc);

/* The member of obj named key, or NULL. */
const ac_jr_node *ac_jr_get(const ac_jr_node *obj, const char *key);

#endif
