/*
 * route.c — routes a request to its answer: the API's endpoints (api.c), the
 * web page's files and the OpenAPI description from memory, and the answers
 * of HTTP itself (404, 405 with Allow, 415, 421, 304).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "assets.h"
#include "internal.h"

const srv_asset *srv_asset_find(const char *url)
{
	for (size_t i = 0; i < srv_asset_count; i++)
		if (strcmp(srv_assets[i].url, url) == 0)
			return &srv_assets[i];
	return NULL;
}

/* A file from memory, or 304 when the client has this version. */
static void serve_asset(const srv_asset *a, const char *if_none_match, srv_response *r)
{
	r->etag = a->etag;
	r->cache = "no-cache";
	if (if_none_match && (strcmp(if_none_match, a->etag) == 0 || strcmp(if_none_match, "*") == 0 ||
			      strstr(if_none_match, a->etag))) {
		r->status = 304;
		return;
	}
	r->status = 200;
	r->type = a->type;
	r->body_static = (const char *)a->data;
	r->len = a->len;
}

/* 1 when the Host header names this machine's loopback interface (or is
 * absent, as in HTTP/1.0): a page elsewhere that re-points its own name at
 * 127.0.0.1 still sends its own name, and is refused. */
static int host_is_loopback(const char *host)
{
	if (!host)
		return 1;
	size_t n = strlen(host);
	if (host[0] == '[') {
		const char *close = strchr(host, ']');
		n = close ? (size_t)(close - host) + 1 : n;
	} else {
		const char *colon = strchr(host, ':');
		n = colon ? (size_t)(colon - host) : n;
	}
	static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && strncasecmp(host, names[i], n) == 0)
			return 1;
	return 0;
}

/* 1 when the POST body is declared JSON. */
static int is_json(const char *type)
{
	if (!type)
		return 0;
	while (*type == ' ')
		type++;
	static const char want[] = "application/json";
	if (strncasecmp(type, want, sizeof want - 1) != 0)
		return 0;
	type += sizeof want - 1;
	while (*type == ' ')
		type++;
	if (!*type)
		return 1;
	if (*type != ';')
		return 0;
	type++;
	while (*type == ' ')
		type++;
	return strncasecmp(type, "charset=utf-8", 13) == 0 || strncasecmp(type, "charset=\"utf-8\"", 15) == 0;
}

enum { R_GET = 1, R_POST = 2, R_DELETE = 4 };

typedef struct {
	const char *path; /* exact, or a prefix ending in '/' when prefix is 1 */
	int prefix;
	int methods; /* R_* */
	const char *allow; /* the Allow header */
} route;

enum {
	RT_ASSESS,
	RT_COMPARE,
	RT_CERTS,
	RT_CERT,
	RT_OCCS,
	RT_OCC,
	RT_QUESTIONNAIRE,
	RT_POLICY,
	RT_HEALTH,
	RT_OPENAPI,
	RT_ASSET,
	RT_SAVED,
	RT_COUNT
};
#define GET_ONLY R_GET, "GET, HEAD, OPTIONS"
#define POST_ONLY R_POST, "POST, OPTIONS"
static const route routes[RT_COUNT] = {
	[RT_ASSESS] = {"/api/v1/assess", 0, POST_ONLY},
	[RT_COMPARE] = {"/api/v1/compare", 0, POST_ONLY},
	[RT_CERTS] = {"/api/v1/certs", 0, GET_ONLY},
	[RT_CERT] = {"/api/v1/certs/", 1, GET_ONLY},
	[RT_OCCS] = {"/api/v1/occupations", 0, GET_ONLY},
	[RT_OCC] = {"/api/v1/occupations/", 1, GET_ONLY},
	[RT_QUESTIONNAIRE] = {"/api/v1/questionnaire", 0, GET_ONLY},
	[RT_POLICY] = {"/api/v1/policy", 0, GET_ONLY},
	[RT_HEALTH] = {"/healthz", 0, GET_ONLY},
	[RT_OPENAPI] = {"/openapi.json", 0, GET_ONLY},
	[RT_ASSET] = {"/assets/", 1, GET_ONLY},
	[RT_SAVED] = {"/api/v1/assessments/", 1, R_GET | R_DELETE, "GET, HEAD, DELETE, OPTIONS"},
};

/* The route of path (the root "/" is the page, an asset); -1 for none. */
static int find_route(const char *path, const char **rest)
{
	*rest = NULL;
	if (strcmp(path, "/") == 0)
		return RT_ASSET;
	for (int i = 0; i < RT_COUNT; i++) {
		size_t n = strlen(routes[i].path);
		if (!routes[i].prefix ? strcmp(path, routes[i].path) == 0
				      : strncmp(path, routes[i].path, n) == 0 && path[n] && !strchr(path + n, '/')) {
			*rest = path + n;
			return i;
		}
	}
	return -1;
}

/* Every query argument must be text (UTF-8), or it could not be named back. */
static int args_are_text(const srv_request *req)
{
	for (size_t i = 0; i < req->n_args; i++) {
		const char *k = req->args[i].key, *v = req->args[i].value;
		if (!ac_text_is_utf8(k, strlen(k)) || (v && !ac_text_is_utf8(v, strlen(v))))
			return 0;
	}
	return 1;
}

static void route_request(srv_app *app, const srv_request *req, srv_response *r)
{
	if (app->loopback_only && !host_is_loopback(req->host)) {
		srv_problem(r, 421, "urn:aicert:problem:host", NULL,
			    "This server answers only requests addressed to this machine (localhost or 127.0.0.1).");
		return;
	}
	const char *rest;
	int rt = find_route(req->path, &rest);
	if (rt < 0) {
		srv_problem(r, 404, NULL, NULL, "There is nothing at this address.");
		return;
	}
	int method = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0 ? R_GET
		     : strcmp(req->method, "POST") == 0                                  ? R_POST
		     : strcmp(req->method, "DELETE") == 0                                ? R_DELETE
											 : 0;
	int post = method == R_POST;
	if (strcmp(req->method, "OPTIONS") == 0) {
		r->status = 204;
		r->allow = routes[rt].allow;
		return;
	}
	if (!(routes[rt].methods & method)) {
		char detail[96];
		snprintf(detail, sizeof detail, "This address answers %s only.", routes[rt].allow);
		srv_problem(r, 405, NULL, NULL, detail);
		r->allow = routes[rt].allow;
		return;
	}
	if (!args_are_text(req)) {
		srv_problem(r, 400, "urn:aicert:problem:bad-argument", "A query argument is not valid",
			    "Query arguments must be UTF-8 text.");
		return;
	}
	if (post && !is_json(req->content_type)) {
		srv_problem(r, 415, "urn:aicert:problem:content-type", NULL,
			    "The body must be JSON, sent with Content-Type: application/json.");
		return;
	}
	switch (rt) {
	case RT_ASSESS: srv_api_assess(app, req, r); return;
	case RT_COMPARE: srv_api_compare(app, req, r); return;
	case RT_CERTS: srv_api_certs(app, req, r); return;
	case RT_CERT: srv_api_cert(app, req, rest, r); return;
	case RT_OCCS: srv_api_occupations(app, req, r); return;
	case RT_OCC: srv_api_occupation(app, req, rest, r); return;
	case RT_QUESTIONNAIRE: srv_api_questionnaire(app, req, r); return;
	case RT_POLICY: srv_api_policy(app, req, r); return;
	case RT_HEALTH: srv_api_health(app, req, r); return;
	case RT_SAVED: srv_api_saved(app, req, rest, method == R_DELETE, r); return;
	default: break;
	}
	static const char *const none[] = {NULL};
	if (!srv_args_allowed(req, none, r))
		return;
	const srv_asset *a = srv_asset_find(req->path);
	if (!a) {
		srv_problem(r, 404, NULL, NULL, "There is no such file.");
		return;
	}
	serve_asset(a, req->if_none_match, r);
}

void srv_handle(srv_app *app, const srv_request *req, srv_response *r)
{
	memset(r, 0, sizeof *r);
	r->csp = srv_csp;
	route_request(app, req, r);
	r->cors = req->origin && app->allow_origin && strcmp(req->origin, app->allow_origin) == 0;
}
