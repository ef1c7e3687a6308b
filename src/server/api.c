/*
 * api.c — the endpoints of API v1.  Each reads its query arguments (every
 * one checked, unknown ones refused), calls the session API exactly as the
 * command line does, and answers with the library's own document, so
 * POST /api/v1/assess gives byte for byte what `aicert assess --format json`
 * writes.  Bad input gets the library's problems, one per entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

#define T_JSON "application/json"
#define T_TEXT "text/plain; charset=utf-8"
#define T_MARKDOWN "text/markdown; charset=utf-8"
#define T_HTML "text/html; charset=utf-8"

/* An HTML report carries its own style and runs nothing: opened on its own,
 * it may use its inline style and nothing else. */
static const char report_csp[] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
				 "form-action 'none'; frame-ancestors 'none'";

static const char expected_date[] = "a calendar date written YYYY-MM-DD, such as 2026-11-29";

/* ?format=: the rendering asked for, and its content type.  markdown and
 * html only where the library renders them.  0 after answering 400. */
static int report_format(const srv_request *req, int markdown, ac_format *f, const char **type, srv_response *r)
{
	const char *s = srv_arg(req, "format");
	*f = AC_FORMAT_JSON;
	*type = T_JSON;
	if (!s || strcmp(s, "json") == 0)
		return 1;
	if (strcmp(s, "text") == 0) {
		*f = AC_FORMAT_TEXT;
		*type = T_TEXT;
		return 1;
	}
	if (markdown && strcmp(s, "markdown") == 0) {
		*f = AC_FORMAT_MARKDOWN;
		*type = T_MARKDOWN;
		return 1;
	}
	if (markdown && strcmp(s, "html") == 0) {
		*f = AC_FORMAT_HTML;
		*type = T_HTML;
		return 1;
	}
	srv_problem_arg(r, "format", s, markdown ? "json, text, markdown or html" : "json or text");
	return 0;
}

/* ?as_of=: NULL when absent (today, in UTC).  0 after answering 400. */
static int as_of_arg(const srv_request *req, const char **as_of, srv_response *r)
{
	*as_of = srv_arg(req, "as_of");
	if (*as_of && !ac_date_valid(*as_of)) {
		srv_problem_arg(r, "as_of", *as_of, expected_date);
		return 0;
	}
	return 1;
}

/* The profile in the body: 400 when it is not JSON, 422 when it is JSON
 * but not a valid profile.  0 after answering. */
static int body_profile(const srv_request *req, ac_profile **p, srv_response *r)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_profile_parse(req->body ? req->body : "", req->body_len, "body", p, &d);
	if (st == AC_OK) {
		ac_diags_free(&d);
		return 1;
	}
	if (st == AC_EINPUT) {
		int syntax = 1;
		for (size_t i = 0; i < ac_diags_count(&d); i++)
			if (ac_diag_path(ac_diags_at(&d, i)))
				syntax = 0;
		if (syntax)
			srv_problem_diags(r, 400, "urn:aicert:problem:not-json", "The body is not valid JSON",
					  "The body must be one JSON object: a profile.", &d);
		else
			srv_problem_diags(
				r, 422, "urn:aicert:problem:invalid-profile", "The profile is not valid",
				"The profile has problems; each is listed with where it is, what was found and "
				"what was expected.",
				&d);
	} else {
		srv_fail(r, st);
	}
	ac_diags_free(&d);
	return 0;
}

/* One call into the library on a session borrowed from the pool: what it
 * writes and the problems it reports.  call_end gives the session back (the
 * output belongs to whoever answers with it). */
typedef struct {
	ac_session *s;
	char *out;
	size_t len;
	ac_diags d;
} lib_call;

static void call_begin(srv_app *app, lib_call *c)
{
	c->s = srv_session_take(app);
	c->out = NULL;
	c->len = 0;
	ac_diags_init(&c->d);
}

static void call_end(srv_app *app, lib_call *c)
{
	srv_session_give(app, c->s);
	c->s = NULL;
	ac_diags_free(&c->d);
}

/* Answers with an assessment's or a comparison's rendering, or with why
 * there is none. */
static void model_answer(srv_response *r, ac_status st, const char *type, lib_call *c)
{
	if (st == AC_OK)
		srv_body_lib(r, 200, type, c->out, c->len);
	else if (st == AC_EINPUT || st == AC_ENOTFOUND)
		srv_problem_diags(r, 422, "urn:aicert:problem:invalid-profile", "The profile cannot be assessed",
				  "The profile names something this server does not know.", &c->d);
	else
		srv_fail(r, st);
}

/* What POST /assess and POST /compare both do on a borrowed session: the
 * model run on p, an assessment (with ao) or else a comparison (with co),
 * rendered in fmt.  The caller answers, then ends the call. */
static ac_status model_call(srv_app *app, lib_call *c, const ac_profile *p, ac_format fmt, const ac_assess_options *ao,
			    ac_assessment **a, const ac_compare_options *co, ac_comparison **cmp)
{
	call_begin(app, c);
	ac_status st = ao ? ac_session_assess(c->s, p, ao, a, &c->d) : ac_session_compare(c->s, p, co, cmp, &c->d);
	if (st == AC_OK)
		st = ao ? ac_render(*a, fmt, &c->out, &c->len) : ac_comparison_render(*cmp, fmt, &c->out, &c->len);
	return st;
}

/* Keeps an assessment in the store under a new token. */
static ac_status keep(srv_app *app, ac_session *s, const ac_profile *p, const ac_assessment *a, const char *as_of,
		      char token[AC_VAULT_TOKEN_LEN + 1], ac_diags *d)
{
	ac_history_save_options o;
	ac_history_save_options_init(&o);
	o.policy_text = app->policy_text;
	o.policy_len = app->policy_len;
	o.as_of = as_of;
	return ac_vault_save(app->vault, s, p, a, &o, token, d);
}

void srv_api_assess(srv_app *app, const srv_request *req, srv_response *r)
{
	static const char *const allowed[] = {"as_of", "format", "save", NULL};
	ac_format fmt;
	const char *type, *as_of;
	ac_profile *p = NULL;
	int save = 0;
	if (!srv_args_allowed(req, allowed, r) || !as_of_arg(req, &as_of, r) ||
	    !report_format(req, 1, &fmt, &type, r) || !srv_arg_flag(req, "save", &save, r))
		return;
	if (save && !app->vault) {
		srv_problem_arg(r, "save", srv_arg(req, "save"),
				"no 'save': this server keeps nothing (it was started without --store)");
		return;
	}
	if (!body_profile(req, &p, r))
		return;
	ac_assess_options o;
	ac_assess_options_init(&o);
	o.as_of = as_of;
	lib_call c;
	ac_assessment *a = NULL;
	ac_status st = model_call(app, &c, p, fmt, &o, &a, NULL, NULL);
	char token[AC_VAULT_TOKEN_LEN + 1];
	int not_kept = st == AC_OK && save && (st = keep(app, c.s, p, a, as_of, token, &c.d)) != AC_OK;
	if (not_kept) {
		ac_free(c.out);
		srv_problem_diags(r, 503, "urn:aicert:problem:store", "The assessment could not be kept",
				  "The store did not take the assessment; nothing was kept.", &c.d);
	} else {
		model_answer(r, st, type, &c);
		if (st == AC_OK && fmt == AC_FORMAT_HTML)
			r->csp = report_csp;
		if (st == AC_OK && save) {
			r->status = 201;
			snprintf(r->location, sizeof r->location, "/api/v1/assessments/%s", token);
		}
	}
	call_end(app, &c);
	ac_assessment_free(a);
	ac_profile_free(p);
}

/* ?max_cost=: sets the filter's cost limit.  0 after answering 400. */
static int max_cost_arg(const srv_request *req, ac_cert_filter *f, srv_response *r)
{
	double v = 0;
	int given = 0;
	if (!srv_arg_number(req, "max_cost", 0, 1e9, 0, &v, &given, r))
		return 0;
	f->max_cost_usd.set = given;
	f->max_cost_usd.v = v;
	return 1;
}

void srv_api_compare(srv_app *app, const srv_request *req, srv_response *r)
{
	static const char *const allowed[] = {"as_of", "top", "domain", "max_cost", "include_retired", "format", NULL};
	ac_cert_filter filter;
	ac_cert_filter_init(&filter);
	ac_compare_options o;
	ac_compare_options_init(&o);
	o.filter = &filter;
	ac_format fmt;
	const char *type;
	double top = 10;
	ac_profile *p = NULL;
	if (!srv_args_allowed(req, allowed, r) || !as_of_arg(req, &o.as_of, r) ||
	    !srv_arg_number(req, "top", 1, 100000, 1, &top, NULL, r) ||
	    !srv_arg_enum(req, "domain", AC_ENUM_DOMAIN, &filter.domain, r) || !max_cost_arg(req, &filter, r) ||
	    !srv_arg_flag(req, "include_retired", &o.include_retired, r) || !report_format(req, 1, &fmt, &type, r) ||
	    !body_profile(req, &p, r))
		return;
	o.top = (size_t)top;
	lib_call c;
	ac_comparison *cmp = NULL;
	ac_status st = model_call(app, &c, p, fmt, NULL, NULL, &o, &cmp);
	model_answer(r, st, type, &c);
	call_end(app, &c);
	ac_comparison_free(cmp);
	ac_profile_free(p);
}

/* A text argument of at most AC_MAX_STRING bytes.  0 after answering 400. */
static int text_arg(const srv_request *req, const char *name, int required, const char **v, srv_response *r)
{
	*v = srv_arg(req, name);
	if ((!*v || !**v) && required) {
		srv_problem_arg(r, name, *v, "one or more words");
		return 0;
	}
	if (*v && strlen(*v) > AC_MAX_STRING) {
		srv_problem_arg(r, name, "a longer text", "at most 4096 bytes");
		return 0;
	}
	return 1;
}

void srv_api_certs(srv_app *app, const srv_request *req, srv_response *r)
{
	static const char *const allowed[] = {"domain", "level", "provider", "max_cost", "status", "q", NULL};
	ac_cert_filter f;
	ac_cert_filter_init(&f);
	if (!srv_args_allowed(req, allowed, r) || !srv_arg_enum(req, "domain", AC_ENUM_DOMAIN, &f.domain, r) ||
	    !srv_arg_enum(req, "level", AC_ENUM_LEVEL, &f.level, r) ||
	    !srv_arg_enum(req, "status", AC_ENUM_STATUS, &f.status, r) || !max_cost_arg(req, &f, r) ||
	    !text_arg(req, "provider", 0, &f.provider, r) || !text_arg(req, "q", 0, &f.words, r))
		return;
	lib_call c;
	call_begin(app, &c);
	const ac_catalogue *cat = ac_session_catalogue(c.s); /* NULL: out of memory reading it */
	ac_status st = cat ? ac_certs_render(cat, &f, AC_FORMAT_JSON, &c.out, &c.len) : AC_ENOMEM;
	if (st == AC_OK)
		srv_body_lib(r, 200, T_JSON, c.out, c.len);
	else
		srv_fail(r, st);
	call_end(app, &c);
}

void srv_api_cert(srv_app *app, const srv_request *req, const char *id, srv_response *r)
{
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	lib_call c;
	call_begin(app, &c);
	ac_status st = AC_ENOTFOUND;
	const ac_catalogue *cat = ac_session_catalogue(c.s); /* NULL: out of memory reading it */
	const ac_cert *cert = cat ? ac_catalogue_find(cat, id) : NULL;
	if (!cat)
		st = AC_ENOMEM;
	else if (cert)
		st = ac_cert_render(cert, AC_FORMAT_JSON, &c.out, &c.len);
	if (st == AC_OK)
		srv_body_lib(r, 200, T_JSON, c.out, c.len);
	else if (st == AC_ENOTFOUND)
		srv_problem(r, 404, "urn:aicert:problem:unknown-certificate", "No such certificate",
			    "The catalogue has no certificate with this id; GET /api/v1/certs lists them.");
	else
		srv_fail(r, st);
	call_end(app, &c);
}

/* The occupations whose titles match words (code NULL), or the one with
 * code, as JSON; or why there is none. */
static void occupation_answer(srv_app *app, const char *words, size_t limit, const char *code, srv_response *r)
{
	lib_call c;
	call_begin(app, &c);
	ac_status st = code ? ac_session_occupation_show(c.s, code, AC_FORMAT_JSON, &c.out, &c.len, &c.d)
			    : ac_session_occupation_search(c.s, words, limit, AC_FORMAT_JSON, &c.out, &c.len, &c.d);
	if (st == AC_OK)
		srv_body_lib(r, 200, T_JSON, c.out, c.len);
	else if (st == AC_ENODATA)
		srv_problem(r, 503, "urn:aicert:problem:no-occupation-data", "No occupation data",
			    "This server has no occupation data installed ('aicert data import').");
	else if (st == AC_ENOTFOUND)
		srv_problem(r, 404, "urn:aicert:problem:unknown-occupation", "No such occupation",
			    "The occupation data has no occupation with this code.");
	else if (st == AC_EINPUT)
		srv_problem_diags(r, 400, "urn:aicert:problem:bad-argument", "The request is not valid", NULL, &c.d);
	else
		srv_fail(r, st);
	call_end(app, &c);
}

void srv_api_occupations(srv_app *app, const srv_request *req, srv_response *r)
{
	static const char *const allowed[] = {"q", "limit", NULL};
	const char *q;
	double limit = 10;
	if (!srv_args_allowed(req, allowed, r) || !text_arg(req, "q", 1, &q, r) ||
	    !srv_arg_number(req, "limit", 1, 100, 1, &limit, NULL, r))
		return;
	occupation_answer(app, q, (size_t)limit, NULL, r);
}

void srv_api_occupation(srv_app *app, const srv_request *req, const char *code, srv_response *r)
{
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	occupation_answer(app, NULL, 0, code, r);
}

void srv_api_policy(srv_app *app, const srv_request *req, srv_response *r)
{
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	r->etag = app->policy_etag;
	r->cache = "no-cache";
	if (req->if_none_match && strstr(req->if_none_match, app->policy_etag)) {
		r->status = 304;
		return;
	}
	r->status = 200;
	r->type = T_JSON;
	r->body_static = app->policy_json;
	r->len = app->policy_json_len;
}

void srv_api_health(srv_app *app, const srv_request *req, srv_response *r)
{
	(void)app;
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	char *body = malloc(96);
	if (!body) {
		srv_fail(r, AC_ENOMEM);
		return;
	}
	int n = snprintf(body, 96, "{\"status\": \"ok\", \"version\": \"%s\"}\n", ac_version());
	srv_body_lib(r, 200, T_JSON, body, (size_t)n);
}

void srv_api_saved(srv_app *app, const srv_request *req, const char *token, int forget, srv_response *r)
{
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	ac_diags d;
	ac_diags_init(&d);
	char *out = NULL;
	size_t len = 0;
	ac_status st = AC_ENOTFOUND;
	if (app->vault)
		st = forget ? ac_vault_forget(app->vault, token, &d) : ac_vault_get(app->vault, token, &out, &len, &d);
	if (st == AC_OK && forget)
		r->status = 204;
	else if (st == AC_OK)
		srv_body_lib(r, 200, T_JSON, out, len);
	else if (st == AC_ENOTFOUND)
		srv_problem(r, 404, "urn:aicert:problem:unknown-assessment", "No such assessment",
			    app->vault ? "Nothing is kept under this id."
				       : "This server keeps nothing (it was started "
					 "without --store).");
	else
		srv_problem_diags(r, 503, "urn:aicert:problem:store", "The store did not answer", NULL, &d);
	ac_diags_free(&d);
}

void srv_api_questionnaire(srv_app *app, const srv_request *req, srv_response *r)
{
	(void)app;
	static const char *const allowed[] = {NULL};
	if (!srv_args_allowed(req, allowed, r))
		return;
	ac_diags d;
	ac_diags_init(&d);
	ac_questionnaire *q = NULL;
	char *out = NULL;
	size_t len = 0;
	ac_status st = ac_questionnaire_default(&q, &d);
	if (st == AC_OK)
		st = ac_questionnaire_render_json(q, &out, &len);
	if (st == AC_OK)
		srv_body_lib(r, 200, T_JSON, out, len);
	else
		srv_fail(r, st);
	ac_questionnaire_free(q);
	ac_diags_free(&d);
}
