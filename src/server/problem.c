/*
 * problem.c — answers that say what went wrong: application/problem+json
 * (RFC 9457) with the status, a title, one plain sentence, and for bad input
 * every problem the library found (JSON path, what was found, what was
 * expected), one entry per problem as the command line reports them.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

static const char *status_title(unsigned status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 406: return "Not Acceptable";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 421: return "Misdirected Request";
	case 422: return "Unprocessable Content";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

/* Sets the problem document obj (taken over) as the answer. */
static void answer(srv_response *r, unsigned status, json_t *obj)
{
	size_t n = 0;
	char *body = obj ? srv_json_text(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER, &n) : NULL;
	json_decref(obj);
	srv_response_free(r);
	r->status = status;
	if (!body) {
		r->status = 500; /* out of memory: the status alone says it */
		return;
	}
	r->body = body;
	r->len = n;
	r->type = "application/problem+json";
	r->cache = "no-store";
}

static json_t *problem_object(unsigned status, const char *type, const char *title, const char *detail)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (json_object_set_new(o, "type", json_string(type ? type : "about:blank")) ||
	    json_object_set_new(o, "title", json_string(title ? title : status_title(status))) ||
	    json_object_set_new(o, "status", json_integer(status)) ||
	    (detail && json_object_set_new(o, "detail", json_string(detail)))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

void srv_problem(srv_response *r, unsigned status, const char *type, const char *title, const char *detail)
{
	answer(r, status, problem_object(status, type, title, detail));
}

/* One entry of "problems"; NULL when memory ran out. */
static json_t *diag_entry(const ac_diag *d)
{
	json_t *e = json_object();
	if (!e)
		return NULL;
	const char *found, *expected, *path = ac_diag_path(d), *message = ac_diag_message(d);
	size_t n;
	int line = ac_diag_line(d), column = ac_diag_column(d);
	int bad = json_object_set_new(e, "path", path ? json_string(path) : json_null());
	if (ac_diag_found_expected(message, &found, &n, &expected)) {
		bad = bad || json_object_set_new(e, "found", json_stringn(found, n)) ||
		      json_object_set_new(e, "expected", json_string(expected));
	}
	bad = bad || json_object_set_new(e, "message", json_string(message ? message : ""));
	if (line > 0)
		bad = bad || json_object_set_new(e, "line", json_integer(line));
	if (column > 0)
		bad = bad || json_object_set_new(e, "column", json_integer(column));
	if (bad) {
		json_decref(e);
		return NULL;
	}
	return e;
}

void srv_problem_diags(srv_response *r, unsigned status, const char *type, const char *title, const char *detail,
		       const ac_diags *d)
{
	json_t *o = problem_object(status, type, title, detail);
	json_t *list = json_array();
	int bad = !o || !list;
	for (size_t i = 0; !bad && i < ac_diags_count(d); i++)
		bad = json_array_append_new(list, diag_entry(ac_diags_at(d, i))) != 0;
	if (!bad && ac_diags_more(d)) /* the library keeps the first AC_MAX_DIAGS */
		bad = json_object_set_new(o, "more_problems", json_integer((json_int_t)ac_diags_more(d))) != 0;
	if (bad || json_object_set_new(o, "problems", list)) {
		if (!bad)
			list = NULL; /* json_object_set_new took it even when failing */
		json_decref(list);
		json_decref(o);
		o = NULL;
	}
	answer(r, status, o);
}

void srv_problem_arg(srv_response *r, const char *name, const char *found, const char *expected)
{
	json_t *o = problem_object(400, "urn:aicert:problem:bad-argument", "A query argument is not valid", NULL);
	json_t *e = json_object();
	json_t *list = json_array();
	char *detail = NULL;
	int bad = !o || !e || !list;
	if (!bad) {
		const char *shown = found ? found : "nothing";
		size_t n = strlen(name) + strlen(shown) + strlen(expected) + 64;
		detail = malloc(n);
		bad = !detail;
		if (detail)
			snprintf(detail, n, "%s: found %s, expected %s", name, shown, expected);
	}
	bad = bad || json_object_set_new(e, "parameter", json_string(name)) ||
	      json_object_set_new(e, "found", found ? json_string(found) : json_null()) ||
	      json_object_set_new(e, "expected", json_string(expected)) ||
	      json_object_set_new(e, "message", json_string(detail)) || json_array_append(list, e) ||
	      json_object_set_new(o, "detail", json_string(detail)) || json_object_set(o, "problems", list);
	json_decref(e);
	json_decref(list);
	free(detail);
	if (bad) {
		json_decref(o);
		o = NULL;
	}
	answer(r, 400, o);
}

void srv_fail(srv_response *r, ac_status st)
{
	srv_problem(r, 500, NULL, NULL, ac_strerror(st));
}

/* ------------------------------------------------------------ query arguments */

const char *srv_arg(const srv_request *req, const char *name)
{
	for (size_t i = 0; i < req->n_args; i++)
		if (strcmp(req->args[i].key, name) == 0)
			return req->args[i].value ? req->args[i].value : "";
	return NULL;
}

int srv_args_allowed(const srv_request *req, const char *const *allowed, srv_response *r)
{
	char expected[512] = "";
	for (size_t k = 0; allowed[k]; k++) {
		if (k)
			strncat(expected, k + 1 < 64 && allowed[k + 1] ? ", " : " or ",
				sizeof expected - strlen(expected) - 1);
		strncat(expected, allowed[k], sizeof expected - strlen(expected) - 1);
	}
	if (!allowed[0])
		strcpy(expected, "no query arguments");
	if (req->too_many_args) {
		srv_problem_arg(r, "query", "too many arguments", expected);
		return 0;
	}
	for (size_t i = 0; i < req->n_args; i++) {
		size_t k = 0;
		while (allowed[k] && strcmp(allowed[k], req->args[i].key) != 0)
			k++;
		if (!allowed[k]) {
			char found[160];
			snprintf(found, sizeof found, "the argument \"%.100s\"", req->args[i].key);
			srv_problem_arg(r, req->args[i].key, found, expected);
			return 0;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(req->args[j].key, req->args[i].key) == 0) {
				srv_problem_arg(r, req->args[i].key, "it twice", "each argument at most once");
				return 0;
			}
	}
	return 1;
}

int srv_arg_number(const srv_request *req, const char *name, double min, double max, int whole, double *v, int *given,
		   srv_response *r)
{
	const char *s = srv_arg(req, name);
	if (given)
		*given = s != NULL;
	if (!s)
		return 1;
	char *end = NULL;
	errno = 0;
	double x = *s ? strtod(s, &end) : NAN;
	if (!*s || errno || *end || !isfinite(x) || x < min || x > max || (whole && x != floor(x))) {
		char expected[128];
		snprintf(expected, sizeof expected, "a %s from %g to %g", whole ? "whole number" : "number", min, max);
		srv_problem_arg(r, name, s, expected);
		return 0;
	}
	*v = x;
	return 1;
}

int srv_arg_enum(const srv_request *req, const char *name, ac_enum_kind kind, int *v, srv_response *r)
{
	const char *s = srv_arg(req, name);
	*v = 0;
	if (!s)
		return 1;
	if (!(*v = ac_enum_value(kind, s))) {
		char expected[1024];
		snprintf(expected, sizeof expected, "one of %s", ac_enum_list(kind));
		srv_problem_arg(r, name, s, expected);
		return 0;
	}
	return 1;
}

int srv_arg_flag(const srv_request *req, const char *name, int *v, srv_response *r)
{
	const char *s = srv_arg(req, name);
	*v = 0;
	if (!s || strcmp(s, "false") == 0 || strcmp(s, "0") == 0)
		return 1;
	if (!*s || strcmp(s, "true") == 0 || strcmp(s, "1") == 0) {
		*v = 1;
		return 1;
	}
	srv_problem_arg(r, name, s, "true or false");
	return 0;
}
