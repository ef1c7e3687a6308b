/*
 * app.h — the server's requests and answers without the network: a request
 * (method, path, query arguments, a few headers, the body) goes in, a whole
 * response comes out.  http.c feeds it from libmicrohttpd; the fuzz target
 * feeds it directly.
 */
#ifndef AICERT_SERVER_APP_H
#define AICERT_SERVER_APP_H

#include <stddef.h>

#include "aicert.h"
#include "server.h"

#define SRV_MAX_BODY ((size_t)AC_MAX_PROFILE_BYTES) /* 1 MiB */
#define SRV_MAX_ARGS 16

typedef struct {
	const char *key, *value; /* value may be NULL (?flag) */
} srv_kv;

typedef struct {
	const char *method; /* "GET", "POST", ... */
	const char *path; /* decoded, without the query */
	srv_kv args[SRV_MAX_ARGS]; /* query arguments, in order */
	size_t n_args;
	int too_many_args; /* more than SRV_MAX_ARGS were given */
	const char *host; /* headers, or NULL */
	const char *origin;
	const char *content_type;
	const char *if_none_match;
	const char *body;
	size_t body_len;
} srv_request;

typedef struct {
	unsigned status;
	const char *type; /* Content-Type, or NULL for no body */
	char *body; /* owned unless body_static */
	const char *body_static;
	size_t len;
	const char *etag; /* or NULL */
	const char *cache; /* Cache-Control */
	const char *allow; /* for 405 and OPTIONS */
	const char *csp; /* Content-Security-Policy */
	char location[80]; /* Location, or "" */
	int cors; /* 1: add the CORS headers for the allowed origin */
} srv_response;

typedef struct srv_app srv_app;

/* Makes the application: `sessions` clones of s (one per worker thread),
 * and the store when c->store names one.  NULL with a message on stderr when
 * it cannot; *bad_input then says whether the configuration was at fault. */
srv_app *srv_app_new(ac_session *s, const srv_config *c, unsigned sessions, int loopback_only, int *bad_input);
void srv_app_free(srv_app *app);

/* Answers one request; never fails (out of memory gives a 500 without a
 * body).  srv_response_free releases the answer. */
void srv_handle(srv_app *app, const srv_request *req, srv_response *resp);
void srv_response_free(srv_response *resp);

/* The origin allowed cross-origin access, or NULL. */
const char *srv_app_allow_origin(const srv_app *app);

/* The Content-Security-Policy of every answer. */
extern const char srv_csp[];

#endif
