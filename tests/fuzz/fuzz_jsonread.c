/*
 * fuzz_jsonread.c — holds the profile's quick JSON reader (core/jsonread.c)
 * to jansson, the reader it stands in for: for any bytes, the quick reader
 * takes the text exactly when jansson (with JSON_REJECT_DUPLICATES) reads it
 * as an object nested no deeper than the limit (or as any value so nested,
 * with JSON_DECODE_ANY for ac_jr_parse_any), and then every value is the
 * same: the same kind (integer or real), the same number to the bit, the same
 * string bytes, the same members in the same order.  Any difference traps.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#include "core/jsonread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define DEPTH 16

static int depth_within(const json_t *v, int depth)
{
	if (depth > DEPTH)
		return 0;
	size_t i;
	const char *k;
	json_t *x;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x) if (!depth_within(x, depth + 1)) return 0;
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, x) if (!depth_within(x, depth + 1)) return 0;
	}
	return 1;
}

static void same(const ac_jr_node *a, const json_t *b)
{
	switch (a->type) {
	case AC_JR_NULL:
		if (!json_is_null(b))
			__builtin_trap();
		break;
	case AC_JR_TRUE:
		if (!json_is_true(b))
			__builtin_trap();
		break;
	case AC_JR_FALSE:
		if (!json_is_false(b))
			__builtin_trap();
		break;
	case AC_JR_INT: {
		if (!json_is_integer(b) || json_integer_value(b) != a->i)
			__builtin_trap();
		double d = json_number_value(b), e = ac_jr_number(a);
		if (memcmp(&d, &e, sizeof d) != 0)
			__builtin_trap();
		break;
	}
	case AC_JR_REAL: {
		double d = json_is_real(b) ? json_real_value(b) : 0;
		if (!json_is_real(b) || memcmp(&d, &a->d, sizeof d) != 0)
			__builtin_trap();
		break;
	}
	case AC_JR_STRING:
		if (!json_is_string(b) || json_string_length(b) != a->n ||
		    memcmp(json_string_value(b), a->s, a->n) != 0 || a->s[a->n] != '\0')
			__builtin_trap();
		break;
	case AC_JR_ARRAY: {
		if (!json_is_array(b) || json_array_size(b) != a->n)
			__builtin_trap();
		size_t i = 0;
		for (const ac_jr_node *m = a->first; m; m = m->next)
			same(m, json_array_get(b, i++));
		if (i != a->n)
			__builtin_trap();
		break;
	}
	case AC_JR_OBJECT: {
		if (!json_is_object(b) || json_object_size(b) != a->n)
			__builtin_trap();
		const ac_jr_node *m = a->first;
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)b, k, x)
		{
			if (!m || strcmp(m->key, k) != 0 || ac_jr_get(a, k) != m)
				__builtin_trap();
			same(m, x);
			m = m->next;
		}
		if (m)
			__builtin_trap();
		break;
	}
	}
}

/* One reading of data both ways: any (JSON_DECODE_ANY) or an object only. */
static void compare(const uint8_t *data, size_t size, int any)
{
	ac_jr_doc *doc = NULL;
	const ac_jr_node *root = NULL;
	ac_status st = any ? ac_jr_parse_any((const char *)data, size, DEPTH, &doc, &root)
			   : ac_jr_parse((const char *)data, size, DEPTH, &doc, &root);
	json_error_t err;
	json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | (any ? JSON_DECODE_ANY : 0), &err);
	int jansson_takes = j && (any || json_is_object(j)) && depth_within(j, 0);
	if (st == AC_OK) {
		if (!jansson_takes)
			__builtin_trap(); /* the quick reader took a text jansson refuses */
		same(root, j);
	} else if (st == AC_EINPUT && jansson_takes) {
		__builtin_trap(); /* the quick reader declined a text jansson takes */
	}
	ac_jr_free(doc);
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	compare(data, size, 0);
	compare(data, size, 1);
	return 0;
}
