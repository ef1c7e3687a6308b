/*
 * profile_write.c — a profile back to JSON, and answers set or read one at a
 * time by their schema path.  The canonical form follows the schema's order,
 * leaves unknown answers out, and parses back to the same profile; setting an
 * answer goes through that form and the parser, so it is checked exactly as
 * a file would be.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "core/json.h"
#include "core/jsonw.h"
#include "input/cert.h"
#include "input/profile.h"
#include "input/schema.h"

ac_status ac_profile_new(ac_profile **out)
{
	*out = calloc(1, sizeof **out);
	if (*out)
		(*out)->schema_version = 2;
	return *out ? AC_OK : AC_ENOMEM;
}

/* The schema line: the version the profile was written in, unless it now
 * holds an answer only version 2 has. */
static const char *schema_of(const ac_profile *p)
{
	return p->schema_version == 1 && !p->role.function ? AC_PROFILE_SCHEMA_V1 : AC_PROFILE_SCHEMA;
}

/* Adds key = value to obj; value NULL is an allocation failure. */
static int put(json_t *obj, const char *key, json_t *value)
{
	return value && json_object_set_new(obj, key, value) == 0;
}

static json_t *enum_list(unsigned set, ac_enum_kind ek)
{
	json_t *a = json_array();
	for (int e = 1; a && e <= ac_enum_count(ek); e++)
		if ((set & (1u << e)) && json_array_append_new(a, json_string(ac_enum_name(ek, e))) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *string_list(char *const *items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(items[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* The JSON of one stored answer; *absent is set when the answer is unknown. */
static json_t *value_of(const ac_field_def *d, const char *base, int *absent)
{
	const void *v = base + d->offset;
	*absent = 0;
	switch (d->store) {
	case ST_STR:
	case ST_NAMED:
		if (*(char *const *)v)
			return json_string(*(char *const *)v);
		break;
	case ST_TRI:
		if (*(const ac_tri *)v != AC_UNKNOWN)
			return json_boolean(*(const ac_tri *)v == AC_TRUE);
		break;
	case ST_ENUM:
		if (*(const int *)v)
			return json_string(ac_enum_name((ac_enum_kind)d->pub.enum_kind, *(const int *)v));
		break;
	case ST_NUM:
		if (((const ac_num *)v)->set)
			return ac_json_double(((const ac_num *)v)->v);
		break;
	case ST_SHARE: return ac_json_double(*(const double *)v);
	case ST_INT:
		if (*(const int *)v)
			return json_integer(*(const int *)v);
		break;
	case ST_LONG:
		if (*(const long *)v)
			return json_integer(*(const long *)v);
		break;
	case ST_ENUMSET:
		if (*(const int *)(base + d->aux))
			return enum_list(*(const unsigned *)v, (ac_enum_kind)d->pub.enum_kind);
		break;
	case ST_STRLIST:
		if (*(char **const *)v)
			return string_list(*(char **const *)v, *(const size_t *)(base + d->aux));
		break;
	case ST_NONE:
	case ST_FLAG:
	case ST_TASKS: break;
	}
	*absent = 1;
	return NULL;
}

static json_t *object_of(const ac_profile *p, int parent, const char *base);

static json_t *tasks_of(const ac_profile *p, int parent)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < p->role.n_tasks; i++) {
		json_t *t = object_of(p, parent, (const char *)&p->role.tasks[i]);
		if (!t || json_array_append_new(a, t) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* The object holding the answered children of schema row parent (-1: the
 * whole profile); base is the struct their offsets are in. */
static json_t *object_of(const ac_profile *p, int parent, const char *base)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	for (size_t i = (size_t)(parent + 1); i < ac_schema_n; i++) {
		const ac_field_def *d = &ac_schema[i];
		if (d->parent != parent)
			continue;
		json_t *v = NULL;
		int absent = 0;
		if (d->store == ST_NONE && d->pub.type == AC_FIELD_STRING) {
			v = json_string(schema_of(p));
		} else if (d->pub.type == AC_FIELD_OBJECT) {
			const char *sub = d[1].in == IN_CERT ? (const char *)&p->cert : base;
			v = object_of(p, (int)i, sub);
			int flag = d->store == ST_FLAG && *(const int *)(base + d->offset);
			absent = v && json_object_size(v) == 0 && !flag;
		} else if (d->store == ST_TASKS) {
			absent = !p->role.tasks_given;
			v = absent ? NULL : tasks_of(p, (int)i);
		} else {
			v = value_of(d, base, &absent);
		}
		if (absent) {
			json_decref(v);
			continue;
		}
		if (!put(o, d->name, v)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static ac_status dump(json_t *v, int flags, char **out, size_t *len)
{
	char *s = v ? ac_json_text(v, flags, NULL) : NULL;
	json_decref(v);
	if (!s)
		return AC_ENOMEM;
	size_t n = strlen(s);
	char *r = realloc(s, n + 2);
	if (!r) {
		free(s);
		return AC_ENOMEM;
	}
	if (flags & JSON_INDENT(2)) {
		r[n++] = '\n';
		r[n] = '\0';
	}
	*out = r;
	if (len)
		*len = n;
	return AC_OK;
}

ac_status ac_profile_write(const ac_profile *p, char **out, size_t *len)
{
	*out = NULL;
	return dump(object_of(p, -1, (const char *)p), JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17),
		    out, len);
}

/* ------------------------------------------------------------ one answer by path */

/* "role.tasks[2].share" as its keys and indexes: keys[i] is a key, or NULL
 * with idx[i] an index. */
typedef struct {
	char buf[256];
	const char *keys[16];
	size_t idx[16];
	size_t n;
} path_parts;

/* 0 when the path is malformed. */
static int split_path(const char *path, path_parts *pp)
{
	size_t k = 0;
	pp->n = 0;
	for (const char *s = path; *s;) {
		if (pp->n == 16)
			return 0;
		if (*s == '[') {
			char *end;
			unsigned long i = strtoul(s + 1, &end, 10);
			if (end == s + 1 || *end != ']')
				return 0;
			pp->keys[pp->n] = NULL;
			pp->idx[pp->n++] = i;
			s = end + 1;
			if (*s == '.')
				s++;
			else if (*s && *s != '[')
				return 0;
			continue;
		}
		const char *start = s;
		while (*s && *s != '.' && *s != '[')
			s++;
		size_t len = (size_t)(s - start);
		if (!len || k + len + 1 > sizeof pp->buf)
			return 0;
		memcpy(pp->buf + k, start, len);
		pp->buf[k + len] = '\0';
		pp->keys[pp->n++] = pp->buf + k;
		k += len + 1;
		if (*s == '.' && !*++s)
			return 0;
	}
	return pp->n > 0;
}

/* The schema path of a concrete path ("role.tasks[2].share" ->
 * "role.tasks[].share"). */
static void schema_path(const char *path, char *out, size_t n)
{
	size_t k = 0;
	for (const char *s = path; *s && k + 1 < n; s++) {
		out[k++] = *s;
		if (*s == '[') {
			while (*s && *s != ']')
				s++;
			if (!*s)
				break;
			if (k + 1 < n)
				out[k++] = ']';
		}
	}
	out[k] = '\0';
}

/* The stores whose answer ac_profile_answer_json writes itself. */
static int plain(const ac_field_def *d)
{
	return d->store == ST_TRI || d->store == ST_ENUM || d->store == ST_NAMED || d->store == ST_NUM ||
	       d->store == ST_ENUMSET;
}

ac_status ac_profile_answer_json(const ac_profile *p, const ac_field_def *d, char **out)
{
	*out = NULL;
	const void *v = ac_schema_cslot(p, d);
	if (!v || !plain(d))
		return ac_profile_get(p, d->pub.path, out);
	/* What value_of makes of the answer, dumped compact, but written where
	 * it is stored without a jansson value: the what-if search reads answers
	 * often, and test_profile_write holds every path to the canonical text. */
	ac_enum_kind kind = (ac_enum_kind)d->pub.enum_kind;
	strbuf sb;
	ac_jw w;
	sb_init(&sb);
	ac_jw_init(&w, &sb, 0);
	switch (d->store) {
	case ST_TRI:
		if (*(const ac_tri *)v == AC_UNKNOWN)
			ac_jw_null(&w);
		else
			ac_jw_bool(&w, *(const ac_tri *)v == AC_TRUE);
		break;
	case ST_ENUM:
		if (*(const int *)v)
			ac_jw_str(&w, ac_enum_name(kind, *(const int *)v));
		else
			ac_jw_null(&w);
		break;
	case ST_NAMED: ac_jw_str(&w, *(char *const *)v); break; /* null when NULL */
	case ST_NUM:
		if (((const ac_num *)v)->set)
			ac_jw_number(&w, ((const ac_num *)v)->v, 17);
		else
			ac_jw_null(&w);
		break;
	default: /* ST_ENUMSET */
		if (!ac_schema_answered(p, d)) {
			ac_jw_null(&w);
			break;
		}
		ac_jw_array(&w);
		for (int e = 1; e <= ac_enum_count(kind); e++)
			if (*(const unsigned *)v & (1u << e))
				ac_jw_str(&w, ac_enum_name(kind, e));
		ac_jw_end_array(&w);
		break;
	}
	*out = ac_jw_take(&w, &sb);
	return *out ? AC_OK : AC_ENOMEM;
}

ac_status ac_profile_get(const ac_profile *p, const char *path, char **out)
{
	*out = NULL;
	path_parts pp;
	if (!path || !split_path(path, &pp))
		return AC_EINPUT;
	/* A plain answer of the profile or its certificate is read where it is
	 * stored; anything else is found in the whole profile written out. */
	const ac_field_def *d = ac_schema_def(path);
	if (d && ac_schema_cslot(p, d) && plain(d))
		return ac_profile_answer_json(p, d, out);
	if (d && ac_schema_cslot(p, d) && d->store != ST_NONE && d->store != ST_FLAG && d->store != ST_TASKS &&
	    d->pub.type != AC_FIELD_OBJECT) {
		int absent;
		json_t *v = value_of(d, d->in == IN_CERT ? (const char *)&p->cert : (const char *)p, &absent);
		if (absent)
			v = json_null();
		else if (!v)
			return AC_ENOMEM;
		return dump(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17), out,
			    NULL);
	}
	/* A section of the profile (certification) or the task list, made alone
	 * as the whole profile would hold it: the what-if search asks for them
	 * once per variant that changes them. */
	int section = d && (d->parent < 0 || d->store == ST_TASKS) &&
		      (d->pub.type == AC_FIELD_OBJECT || d->store == ST_TASKS);
	if (section && d->store == ST_TASKS && d->parent >= 0 && ac_schema[d->parent].parent >= 0)
		section = 0; /* only the profile's own list, role.tasks */
	if (section) {
		int i = (int)ac_schema_index(d), absent;
		json_t *v;
		if (d->store == ST_TASKS) {
			absent = !p->role.tasks_given;
			v = absent ? NULL : tasks_of(p, i);
		} else {
			v = object_of(p, i, d[1].in == IN_CERT ? (const char *)&p->cert : (const char *)p);
			int flag = d->store == ST_FLAG && *(const int *)((const char *)p + d->offset);
			absent = v && json_object_size(v) == 0 && !flag;
		}
		if (!absent && !v)
			return AC_ENOMEM;
		if (absent) {
			json_decref(v);
			v = json_null();
		}
		return dump(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17), out,
			    NULL);
	}
	json_t *root = object_of(p, -1, (const char *)p);
	if (!root)
		return AC_ENOMEM;
	json_t *cur = root;
	for (size_t i = 0; cur && i < pp.n; i++)
		cur = pp.keys[i] ? json_object_get(cur, pp.keys[i]) : json_array_get(cur, pp.idx[i]);
	json_t *v = cur ? json_incref(cur) : json_null();
	json_decref(root);
	return dump(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17), out, NULL);
}

ac_status ac_profile_set(ac_profile *p, const char *path, const char *json, ac_diags *diags)
{
	char sp[256];
	path_parts pp;
	if (!path || !split_path(path, &pp)) {
		ac_diags_add(diags, NULL, path, 0, 0,
			     "found a malformed path, expected a field path such as role.kind");
		return AC_EINPUT;
	}
	schema_path(path, sp, sizeof sp);
	if (!ac_schema_def(sp) || strcmp(sp, "schema") == 0) {
		ac_diags_add(diags, NULL, path, 0, 0, "found an unknown field, expected a field of the profile schema");
		return AC_EINPUT;
	}
	json_error_t err;
	ac_status loaded;
	const char *given = json ? json : "null";
	json_t *value = ac_json_load(given, strlen(given), JSON_DECODE_ANY, &err, &loaded);
	if (loaded == AC_ENOMEM)
		return ac_diags_oom(diags, NULL, "reading an answer");
	if (!value) {
		ac_diags_add(diags, NULL, path, 0, 0, "not valid JSON: %s", err.text);
		return AC_EINPUT;
	}
	json_t *root = object_of(p, -1, (const char *)p);
	if (!root) {
		json_decref(value);
		return AC_ENOMEM;
	}
	/* Walk to the parent, making objects on the way; an index must exist. */
	json_t *cur = root;
	ac_status st = AC_OK;
	for (size_t i = 0; st == AC_OK && i + 1 < pp.n; i++) {
		json_t *next = pp.keys[i] ? json_object_get(cur, pp.keys[i]) : json_array_get(cur, pp.idx[i]);
		if (!next && pp.keys[i] && json_is_object(cur)) {
			next = json_object();
			if (!next || json_object_set_new(cur, pp.keys[i], next) != 0)
				st = AC_ENOMEM;
		}
		if (st == AC_OK && !next) {
			ac_diags_add(diags, NULL, path, 0, 0, "found no such element, expected an existing task");
			st = AC_EINPUT;
		}
		cur = next;
	}
	if (st == AC_OK) {
		const char *last = pp.keys[pp.n - 1];
		int r = 0;
		unsigned long failures = ac_mem_failures();
		if (last && json_is_null(value))
			json_object_del(cur, last);
		else if (last)
			r = json_object_set(cur, last, value);
		else
			r = json_array_set(cur, pp.idx[pp.n - 1], value);
		if (r != 0 && ac_mem_failures() != failures) {
			st = ac_diags_oom(diags, NULL, "setting an answer");
		} else if (r != 0) {
			ac_diags_add(diags, NULL, path, 0, 0, "found no such element, expected an existing task");
			st = AC_EINPUT;
		}
	}
	json_decref(value);
	char *text = NULL;
	size_t len = 0;
	if (st == AC_OK)
		st = dump(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17), &text, &len);
	else
		json_decref(root);
	ac_profile *np = NULL;
	if (st == AC_OK)
		st = ac_profile_parse(text, len, NULL, &np, diags);
	free(text);
	if (st != AC_OK)
		return st;
	/* Swap the contents: the caller's pointer stays valid. */
	ac_profile old = *p;
	*p = *np;
	*np = old;
	ac_profile_free(np);
	return AC_OK;
}
