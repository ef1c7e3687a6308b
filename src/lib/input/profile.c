/*
 * profile.c — reads a profile (PROFILE.md) into an ac_profile and refuses bad
 * input.  The accepted shape is the schema table (schema.c); one walker
 * applies it, so every refusal names the JSON path, what was found and what
 * was expected, and all problems are reported, not just the first.  The
 * text is read by the quick reader (core/jsonread.h); one it declines goes
 * to jansson, which says what is wrong with it.  A little over 600 lines:
 * the walker, that fallback and the copy and free of the one struct it
 * fills belong together.
 */
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aicert.h"
#include "core/alloc.h"
#include "core/codes.h"
#include "core/diag.h"
#include "core/json.h"
#include "core/jsonread.h"
#include "input/cert.h"
#include "input/profile.h"
#include "input/schema.h"

/* The schema strings a profile may carry. */
#define SCHEMAS "\"" AC_PROFILE_SCHEMA "\" (or \"" AC_PROFILE_SCHEMA_V1 "\")"

/* The schema row whose children are a task's fields, and a task's share:
 * found once, not by name for every task. */
static const ac_field_def *task_row, *share_row;
static pthread_once_t task_rows_once = PTHREAD_ONCE_INIT;

static void find_task_rows(void)
{
	task_row = ac_schema_def("role.tasks");
	share_row = ac_schema_def("role.tasks[].share");
}

/* ------------------------------------------------------------ the walker */

/* Where a value stands: a key or an index under the value that holds it
 * (up; NULL for the top level).  The walker passes these down and writes a
 * path out only for a problem, as problem_at does. */
typedef struct where {
	const struct where *up;
	const char *key; /* NULL: an index */
	size_t index;
} where;

/* Paths are short (the shape is at most four levels deep); a path that would
 * not fit is cut, never overflowed. */
static size_t append(char *out, size_t n, size_t at, const char *s, size_t len)
{
	size_t k = at + len < n ? len : n - 1 - at;
	memcpy(out + at, s, k);
	return at + k;
}

static size_t path_append(const where *p, char *out, size_t n)
{
	if (!p)
		return 0;
	size_t at = path_append(p->up, out, n);
	if (p->key) {
		if (at)
			at = append(out, n, at, ".", 1);
		return append(out, n, at, p->key, strlen(p->key));
	}
	char digits[24], *d = digits + sizeof digits;
	size_t i = p->index;
	*--d = ']';
	do
		*--d = (char)('0' + i % 10);
	while (i /= 10);
	*--d = '[';
	return append(out, n, at, d, (size_t)(digits + sizeof digits - d));
}

/* The path of p as the messages write it ("role.tasks[2].share"). */
static const char *path_text(const where *p, char *out, size_t n)
{
	out[path_append(p, out, n)] = '\0';
	return out;
}

typedef struct {
	ac_diags *d;
	const char *source;
	int failed; /* a problem was reported */
	int oom;
} walk;

static void problem(walk *w, const char *path, const char *fmt, const char *found, const char *expected)
{
	w->failed = 1;
	if (ac_diags_add(w->d, w->source, path, 0, 0, fmt, found, expected) != AC_OK)
		w->oom = 1;
}

static void problem_at(walk *w, const where *at, const char *fmt, const char *found, const char *expected)
{
	char text[256];
	problem(w, path_text(at, text, sizeof text), fmt, found, expected);
}

/* A short description of a JSON value for "found ...". */
static const char *describe(const ac_jr_node *v, char *buf, size_t n)
{
	return ac_jr_describe(v, AC_DESCRIBE_WORDS, 37, buf, n);
}

static int is(const ac_jr_node *v, ac_jr_type t)
{
	return v && v->type == t;
}

static int is_number(const ac_jr_node *v)
{
	return is(v, AC_JR_INT) || is(v, AC_JR_REAL);
}

static char *trimmed_dup(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	char *r = malloc(n + 1);
	if (r) {
		memcpy(r, s, n);
		r[n] = '\0';
	}
	return r;
}

/* A string (the reader takes none with a NUL character in it). */
static int check_string(walk *w, const where *at, const ac_jr_node *v)
{
	char buf[96];
	if (!is(v, AC_JR_STRING)) {
		problem_at(w, at, "found %s, expected %s", describe(v, buf, sizeof buf), "a string");
		return 0;
	}
	if (v->n > AC_MAX_STRING) {
		snprintf(buf, sizeof buf, "a string of %zu bytes", v->n);
		problem_at(w, at, "found %s, expected %s", buf, "at most 4096 bytes");
		return 0;
	}
	return 1;
}

static int number_in_range(walk *w, const where *at, const ac_jr_node *v, const ac_field *f, double *out)
{
	char buf[96], exp[96];
	if (!is_number(v)) {
		problem_at(w, at, "found %s, expected %s", describe(v, buf, sizeof buf), "a number");
		return 0;
	}
	double x = ac_jr_number(v);
	int bad = !isfinite(x) || x > f->max || (f->min_exclusive ? x <= f->min : x < f->min);
	if (bad) {
		if (f->min_exclusive)
			snprintf(exp, sizeof exp, "a number greater than %g and at most %g", f->min, f->max);
		else
			snprintf(exp, sizeof exp, "a number from %g to %g", f->min, f->max);
		problem_at(w, at, "found %s, expected %s", describe(v, buf, sizeof buf), exp);
		return 0;
	}
	*out = x;
	return 1;
}

static int whole_in_range(walk *w, const where *at, const ac_jr_node *v, const ac_field *f, long *out)
{
	char buf[96], exp[96];
	double x;
	int ok = is_number(v);
	if (ok) {
		x = ac_jr_number(v);
		ok = isfinite(x) && x == floor(x) && x >= f->min && x <= f->max;
	}
	if (!ok) {
		snprintf(exp, sizeof exp, "a whole number from %g to %g", f->min, f->max);
		problem_at(w, at, "found %s, expected %s", describe(v, buf, sizeof buf), exp);
		return 0;
	}
	*out = (long)x;
	return 1;
}

static void walk_object(walk *w, const ac_jr_node *obj, int parent, char *base, const where *at);

static void walk_tasks(walk *w, const ac_jr_node *arr, ac_profile *p, const where *at)
{
	char buf[96];
	pthread_once(&task_rows_once, find_task_rows);
	if (!is(arr, AC_JR_ARRAY)) {
		problem_at(w, at, "found %s, expected %s", describe(arr, buf, sizeof buf), "an array of tasks");
		return;
	}
	size_t n = arr->n;
	p->role.tasks_given = 1;
	if (n > AC_MAX_TASKS) {
		snprintf(buf, sizeof buf, "%zu tasks", n);
		problem_at(w, at, "found %s, expected %s", buf, "at most 200 tasks");
		return;
	}
	if (n == 0)
		return;
	p->role.tasks = calloc(n, sizeof *p->role.tasks);
	if (!p->role.tasks) {
		w->oom = 1;
		return;
	}
	p->role.n_tasks = n;
	size_t i = 0;
	for (const ac_jr_node *t = arr->first; t; t = t->next, i++) {
		ac_task *task = &p->role.tasks[i];
		const where sub = {at, NULL, i};
		if (!is(t, AC_JR_OBJECT)) {
			problem_at(w, &sub, "found %s, expected %s", describe(t, buf, sizeof buf), "a task object");
			continue;
		}
		walk_object(w, t, (int)ac_schema_index(task_row), (char *)task, &sub);
		const ac_jr_node *share = ac_jr_get(t, "share");
		where sp = {&sub, "share", 0};
		if (!share)
			problem_at(w, &sp, "found %s, expected %s", "nothing",
				   "the task's share of working time in percent");
		else if (!is(share, AC_JR_NULL))
			number_in_range(w, &sp, share, &share_row->pub, &task->share);
		else
			problem_at(w, &sp, "found %s, expected %s", "null", "a number greater than 0");
		/* Required fields: null is no answer, so it counts as absent. */
		const ac_jr_node *name = ac_jr_get(t, "name");
		if (!name || is(name, AC_JR_NULL)) {
			sp.key = "name";
			problem_at(w, &sp, "found %s, expected %s", name ? "null" : "nothing", "the task's name");
		} else if (is(name, AC_JR_STRING) && !name->s[strspn(name->s, " \t\r\n")]) {
			sp.key = "name";
			problem_at(w, &sp, "found %s, expected %s", "an empty name", "the task's name");
		}
		const ac_jr_node *cat = ac_jr_get(t, "category"), *oid = ac_jr_get(t, "onet_task_id");
		if ((!cat || is(cat, AC_JR_NULL)) && (!oid || is(oid, AC_JR_NULL))) {
			sp.key = "category";
			problem_at(w, &sp, "found %s, expected %s", cat ? "null" : "nothing",
				   "a task category (or an onet_task_id from occupation data)");
		}
	}
}

static void walk_enumset(walk *w, const ac_jr_node *arr, const ac_field_def *f, char *base, const where *at)
{
	char buf[96], exp[600];
	if (!is(arr, AC_JR_ARRAY)) {
		snprintf(exp, sizeof exp, "a list of: %s", ac_enum_list((ac_enum_kind)f->pub.enum_kind));
		problem_at(w, at, "found %s, expected %s", describe(arr, buf, sizeof buf), exp);
		return;
	}
	*(int *)(base + f->aux) = 1;
	unsigned *set = (unsigned *)(base + f->offset);
	size_t i = 0;
	for (const ac_jr_node *v = arr->first; v; v = v->next, i++) {
		const where sub = {at, NULL, i};
		int e = is(v, AC_JR_STRING) ? ac_enum_value((ac_enum_kind)f->pub.enum_kind, v->s) : 0;
		if (!e) {
			snprintf(exp, sizeof exp, "one of %s", ac_enum_list((ac_enum_kind)f->pub.enum_kind));
			problem_at(w, &sub, "found %s, expected %s", describe(v, buf, sizeof buf), exp);
			continue;
		}
		if (*set & (1u << e)) {
			problem_at(w, &sub, "found %s, expected %s", describe(v, buf, sizeof buf), "each value once");
			continue;
		}
		*set |= 1u << e;
	}
}

static void walk_strlist(walk *w, const ac_jr_node *arr, const ac_field_def *f, char *base, const where *at)
{
	char buf[96];
	if (!is(arr, AC_JR_ARRAY)) {
		problem_at(w, at, "found %s, expected %s", describe(arr, buf, sizeof buf), "a list of strings");
		return;
	}
	size_t n = arr->n;
	if (n > AC_MAX_LIST) {
		snprintf(buf, sizeof buf, "%zu entries", n);
		problem_at(w, at, "found %s, expected %s", buf, "at most 64 entries");
		return;
	}
	char **list = calloc(n ? n : 1, sizeof *list);
	if (!list) {
		w->oom = 1;
		return;
	}
	*(char ***)(base + f->offset) = list;
	size_t *count = (size_t *)(base + f->aux);
	size_t i = 0;
	for (const ac_jr_node *v = arr->first; v; v = v->next, i++) {
		const where sub = {at, NULL, i};
		if (!check_string(w, &sub, v))
			continue;
		list[*count] = trimmed_dup(v->s);
		if (!list[*count]) {
			w->oom = 1;
			return;
		}
		(*count)++;
	}
}

/* The schema row of key under parent, or NULL. */
static const ac_field_def *child(int parent, const char *key)
{
	for (size_t i = (size_t)(parent + 1); i < ac_schema_n; i++)
		if (ac_schema[i].parent == parent && ac_schema[i].name[0] == key[0] &&
		    strcmp(ac_schema[i].name, key) == 0)
			return &ac_schema[i];
	return NULL;
}

/* "one of: a, b, c": the keys an object may have. */
static void child_names(int parent, char *out, size_t n)
{
	snprintf(out, n, "one of: ");
	for (size_t i = (size_t)(parent + 1), k = 0; i < ac_schema_n; i++) {
		if (ac_schema[i].parent != parent)
			continue;
		if (k++)
			strncat(out, ", ", n - strlen(out) - 1);
		strncat(out, ac_schema[i].name, n - strlen(out) - 1);
	}
}

static void walk_object(walk *w, const ac_jr_node *obj, int parent, char *base, const where *at)
{
	char buf[96];
	for (const ac_jr_node *v = obj->first; v; v = v->next) {
		const char *key = v->key;
		if (key[0] == '/' && key[1] == '/')
			continue; /* a comment member, as `aicert init` writes them */
		const ac_field_def *f = child(parent, key);
		const where sub = {at, key, 0};
		if (!f) {
			char exp[512];
			child_names(parent, exp, sizeof exp);
			problem_at(w, &sub, "found %s, expected %s", "an unknown field", exp);
			continue;
		}
		if (is(v, AC_JR_NULL) && f->store != ST_TASKS)
			continue; /* null: unanswered */
		if (f->store == ST_NONE && f->pub.type != AC_FIELD_OBJECT)
			continue; /* checked by the caller (the schema string) */
		if (f->store == ST_SHARE)
			continue; /* checked by the task walker */
		switch (f->store) {
		case ST_STR:
		case ST_NAMED:
			if (check_string(w, &sub, v)) {
				char *s = trimmed_dup(v->s);
				if (!s) {
					w->oom = 1;
					break;
				}
				/* Empty: no answer, except where "" answers "none". */
				if (!*s && f->store == ST_STR) {
					free(s);
					s = NULL;
				}
				*(char **)(base + f->offset) = s;
			}
			break;
		case ST_TRI:
			if (!is(v, AC_JR_TRUE) && !is(v, AC_JR_FALSE))
				problem_at(w, &sub, "found %s, expected %s", describe(v, buf, sizeof buf),
					   "true or false");
			else
				*(ac_tri *)(base + f->offset) = is(v, AC_JR_TRUE) ? AC_TRUE : AC_FALSE;
			break;
		case ST_ENUM: {
			ac_enum_kind ek = (ac_enum_kind)f->pub.enum_kind;
			int e = is(v, AC_JR_STRING) ? ac_enum_value(ek, v->s) : 0;
			if (!e) {
				char exp[600];
				snprintf(exp, sizeof exp, "one of %s", ac_enum_list(ek));
				problem_at(w, &sub, "found %s, expected %s", describe(v, buf, sizeof buf), exp);
			} else {
				*(int *)(base + f->offset) = e;
			}
			break;
		}
		case ST_NUM: {
			double x;
			if (number_in_range(w, &sub, v, &f->pub, &x)) {
				ac_num *n = (ac_num *)(base + f->offset);
				n->set = 1;
				n->v = x;
			}
			break;
		}
		case ST_INT: {
			long x;
			if (whole_in_range(w, &sub, v, &f->pub, &x))
				*(int *)(base + f->offset) = (int)x;
			break;
		}
		case ST_LONG: {
			long x;
			if (whole_in_range(w, &sub, v, &f->pub, &x))
				*(long *)(base + f->offset) = x;
			break;
		}
		case ST_FLAG:
		case ST_NONE:
			if (!is(v, AC_JR_OBJECT)) {
				problem_at(w, &sub, "found %s, expected %s", describe(v, buf, sizeof buf), "an object");
				break;
			}
			if (f->store == ST_FLAG)
				*(int *)(base + f->offset) = 1;
			/* The certificate's fields live in the profile's own ac_cert. */
			walk_object(w, v, (int)ac_schema_index(f),
				    f[1].in == IN_CERT ? (char *)&((ac_profile *)base)->cert : base, &sub);
			break;
		case ST_ENUMSET: walk_enumset(w, v, f, base, &sub); break;
		case ST_STRLIST: walk_strlist(w, v, f, base, &sub); break;
		case ST_TASKS:
			if (is(v, AC_JR_NULL))
				break;
			walk_tasks(w, v, (ac_profile *)base, &sub);
			break;
		case ST_SHARE: break;
		}
		if (w->oom)
			return;
	}
}

/* 1 when v nests no deeper than AC_MAX_DEPTH. */
static int depth_within(const json_t *v, int depth)
{
	size_t i;
	const char *k;
	const json_t *x;
	if (depth > AC_MAX_DEPTH)
		return 0;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x) if (!depth_within(x, depth + 1)) return 0;
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, x) if (!depth_within(x, depth + 1)) return 0;
	}
	return 1;
}

/* 0 when v (at `at`) nests deeper than AC_MAX_DEPTH; out then names the
 * first value found too deep (paths are made only for a profile that is). */
static int depth_ok(const json_t *v, int depth, const where *at, char *out, size_t n)
{
	if (depth == 0 && depth_within(v, 0))
		return 1;
	if (depth > AC_MAX_DEPTH) {
		path_text(at, out, n);
		return 0;
	}
	size_t i;
	const char *k;
	const json_t *x;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
		{
			const where here = {at, NULL, i};
			if (!depth_ok(x, depth + 1, &here, out, n))
				return 0;
		}
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, x)
		{
			const where here = {at, k, 0};
			if (!depth_ok(x, depth + 1, &here, out, n))
				return 0;
		}
	}
	return 1;
}

/* A text the quick reader declined, read again by jansson to say what is
 * wrong with it: not JSON (with jansson's line, column and words), not an
 * object, or nested too deep.  The two readers take the same texts, so a
 * text jansson takes as a shallow enough object is the reader's fault. */
static ac_status refuse(const char *text, size_t len, const char *source, ac_diags *diags)
{
	json_error_t err;
	ac_status st;
	json_t *root = ac_json_load(text, len, JSON_REJECT_DUPLICATES, &err, &st);
	if (st == AC_ENOMEM)
		return ac_diags_oom(diags, source, "reading the profile");
	if (!root) {
		ac_diags_add(diags, source, NULL, err.line, err.column, "not valid JSON: %s", err.text);
		return AC_EINPUT;
	}
	walk w = {diags, source, 0, 0};
	char buf[96], deep[256] = "";
	if (!json_is_object(root)) {
		problem(&w, "(top level)", "found %s, expected %s",
			ac_json_describe(root, AC_DESCRIBE_WORDS, 37, buf, sizeof buf), "a profile object");
		st = AC_EINPUT;
	} else if (!depth_ok(root, 0, NULL, deep, sizeof deep)) {
		problem(&w, deep, "found %s, expected %s", "nesting deeper than 16 levels",
			"the shallow profile shape of PROFILE.md");
		st = AC_EINPUT;
	} else {
		ac_diags_add(diags, source, NULL, 0, 0,
			     "the profile could not be read (the two JSON readers disagree)");
		st = AC_EINTERNAL;
	}
	json_decref(root);
	return w.oom ? AC_ENOMEM : st;
}

ac_status ac_profile_parse(const char *text, size_t len, const char *source, ac_profile **out, ac_diags *diags)
{
	*out = NULL;
	if (len > AC_MAX_PROFILE_BYTES) {
		ac_diags_add(diags, source, NULL, 0, 0,
			     "found a profile of %zu bytes, expected at most 1 MiB (1048576 bytes)", len);
		return AC_EINPUT;
	}
	ac_jr_doc *doc;
	const ac_jr_node *root;
	ac_status st = ac_jr_parse(text, len, AC_MAX_DEPTH, &doc, &root);
	if (st == AC_ENOMEM)
		return ac_diags_oom(diags, source, "reading the profile");
	if (st != AC_OK)
		return refuse(text, len, source, diags);
	walk w = {diags, source, 0, 0};
	char buf[96];
	ac_profile *p = calloc(1, sizeof *p);
	if (!p) {
		ac_jr_free(doc);
		return AC_ENOMEM;
	}
	const ac_jr_node *schema = ac_jr_get(root, "schema");
	const char *version = is(schema, AC_JR_STRING) ? schema->s : "";
	p->schema_version = strcmp(version, AC_PROFILE_SCHEMA_V1) == 0 ? 1 : 2;
	if (!schema)
		problem(&w, "schema", "found %s, expected %s", "nothing", SCHEMAS);
	else if (strcmp(version, AC_PROFILE_SCHEMA) != 0 && strcmp(version, AC_PROFILE_SCHEMA_V1) != 0)
		problem(&w, "schema", "found %s, expected %s", describe(schema, buf, sizeof buf), SCHEMAS);
	walk_object(&w, root, -1, (char *)p, NULL);
	if (p->role.occupation && !ac_code_is_occupation(p->role.occupation))
		problem(&w, "role.occupation", "found %s, expected %s", p->role.occupation,
			"an O*NET-SOC code such as 13-2051.00 or a SOC code such as 13-2051");
	if (!w.failed && !w.oom && p->cert_given && !p->cert.id && !p->cert.name)
		problem(&w, "certification", "found %s, expected %s", "neither id nor name",
			"a catalogue id, or a name for a custom certificate");
	ac_jr_free(doc);
	if (w.oom) {
		ac_profile_free(p);
		return AC_ENOMEM;
	}
	if (w.failed) {
		ac_profile_free(p);
		return AC_EINPUT;
	}
	*out = p;
	return AC_OK;
}

/* ------------------------------------------------------------ copy, free */

void ac_profile_free(ac_profile *p)
{
	if (!p)
		return;
	free(p->label);
	free(p->role.title);
	free(p->role.occupation);
	for (size_t i = 0; i < p->role.n_tasks; i++)
		free(p->role.tasks[i].name);
	free(p->role.tasks);
	free(p->trajectory.target_role);
	free(p->industry.name);
	free(p->capability_gap);
	ac_cert_free_fields(&p->cert);
	free(p);
}

static int dup_into(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 1;
	*dst = strdup(src);
	return *dst != NULL;
}

ac_profile *ac_profile_clone(const ac_profile *src)
{
	ac_profile *p = malloc(sizeof *p);
	if (!p)
		return NULL;
	*p = *src;
	/* Reset every owned pointer before copying, so a failure frees cleanly. */
	p->label = p->role.title = p->role.occupation = NULL;
	p->role.tasks = NULL;
	p->role.n_tasks = 0;
	p->trajectory.target_role = p->industry.name = p->capability_gap = NULL;
	memset(&p->cert, 0, sizeof p->cert);
	int ok = dup_into(&p->label, src->label) && dup_into(&p->role.title, src->role.title) &&
		 dup_into(&p->role.occupation, src->role.occupation) &&
		 dup_into(&p->trajectory.target_role, src->trajectory.target_role) &&
		 dup_into(&p->industry.name, src->industry.name) && dup_into(&p->capability_gap, src->capability_gap) &&
		 ac_cert_copy(&p->cert, &src->cert) == AC_OK;
	if (ok && src->role.n_tasks) {
		p->role.tasks = calloc(src->role.n_tasks, sizeof *p->role.tasks);
		ok = p->role.tasks != NULL;
		for (size_t i = 0; ok && i < src->role.n_tasks; i++) {
			p->role.tasks[i] = src->role.tasks[i];
			p->role.tasks[i].name = NULL;
			p->role.n_tasks = i + 1;
			ok = dup_into(&p->role.tasks[i].name, src->role.tasks[i].name);
		}
	}
	if (!ok) {
		ac_profile_free(p);
		return NULL;
	}
	return p;
}
