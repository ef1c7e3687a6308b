/*
 * json.c — the JSON value helpers of json.h: one way to write an unknown, a
 * whole number or an enum name, and one way to quote a value in a message.
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/json.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "core/utf8.h"

json_t *ac_json_double(double x)
{
	return ac_num_is_whole(x) ? json_integer((json_int_t)x) : json_real(x);
}

json_t *ac_json_num(ac_num n)
{
	return n.set ? ac_json_double(n.v) : json_null();
}

json_t *ac_json_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *ac_json_tri(ac_tri t)
{
	return t == AC_UNKNOWN ? json_null() : json_boolean(t == AC_TRUE);
}

json_t *ac_json_enum(ac_enum_kind kind, int v)
{
	const char *name = ac_enum_name(kind, v);
	return name ? json_string(name) : json_null();
}

const char *ac_jr_describe(const ac_jr_node *v, ac_describe_style style, size_t max, char *buf, size_t n)
{
	switch (v->type) {
	case AC_JR_STRING: {
		size_t cut = v->n > max + 3 || style == AC_DESCRIBE_PLAIN ? ac_utf8_cut(v->s, v->n, max) : v->n;
		snprintf(buf, n, "%s\"%.*s%s\"", style == AC_DESCRIBE_WORDS ? "the string " : "", (int)cut, v->s,
			 cut < v->n ? "..." : "");
		break;
	}
	case AC_JR_INT: snprintf(buf, n, "%lld", v->i); break;
	case AC_JR_REAL: snprintf(buf, n, "%g", v->d); break;
	case AC_JR_TRUE: snprintf(buf, n, "true"); break;
	case AC_JR_FALSE: snprintf(buf, n, "false"); break;
	case AC_JR_NULL: snprintf(buf, n, "null"); break;
	case AC_JR_OBJECT: snprintf(buf, n, "an object"); break;
	case AC_JR_ARRAY: snprintf(buf, n, "an array"); break;
	}
	return buf;
}

const char *ac_json_describe(const json_t *v, ac_describe_style style, size_t max, char *buf, size_t n)
{
	ac_jr_node x = {0};
	switch (json_typeof(v)) {
	case JSON_STRING:
		x.type = AC_JR_STRING;
		x.s = json_string_value(v);
		x.n = json_string_length(v);
		break;
	case JSON_INTEGER:
		x.type = AC_JR_INT;
		x.i = json_integer_value(v);
		break;
	case JSON_REAL:
		x.type = AC_JR_REAL;
		x.d = json_real_value(v);
		break;
	case JSON_TRUE: x.type = AC_JR_TRUE; break;
	case JSON_FALSE: x.type = AC_JR_FALSE; break;
	case JSON_NULL: x.type = AC_JR_NULL; break;
	case JSON_OBJECT: x.type = AC_JR_OBJECT; break;
	case JSON_ARRAY: x.type = AC_JR_ARRAY; break;
	}
	return ac_jr_describe(&x, style, max, buf, n);
}

json_t *ac_json_load(const char *text, size_t len, size_t flags, json_error_t *err, ac_status *st)
{
	memset(err, 0, sizeof *err);
	unsigned long failures = ac_mem_failures();
	ac_mem_json_parse(1);
	json_t *v = json_loadb(text, len, flags, err);
	ac_mem_json_parse(0);
	/* jansson drops a character it cannot store and carries on: a value read
	 * while an allocation failed is not trusted, even when the parse succeeded. */
	if (ac_mem_failures() != failures || (!v && json_error_code(err) == json_error_out_of_memory)) {
		json_decref(v);
		*st = AC_ENOMEM;
		return NULL;
	}
	*st = v ? AC_OK : AC_EINPUT;
	return v;
}

static int dump_sticky(const char *buffer, size_t size, void *data)
{
	return sb_putn(data, buffer, size); /* fails for good after one failure */
}

char *ac_json_text(const json_t *v, size_t flags, size_t *len)
{
	strbuf sb;
	sb_init(&sb);
	if (!v || json_dump_callback(v, dump_sticky, &sb, flags) != 0 || sb.failed) {
		sb_free(&sb);
		return NULL;
	}
	return sb_take(&sb, len);
}
