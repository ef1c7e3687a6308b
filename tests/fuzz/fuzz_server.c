/*
 * fuzz_server.c — a fuzz target for the server's request handling without
 * the network: the input is a request as text ("METHOD /path?query", header
 * lines, a blank line, the body), handed to srv_handle as libmicrohttpd
 * would.  Every input must give a whole answer with a real status, and a
 * problem document must be JSON; sanitizers catch the rest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "aicert.h"
#include "app.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Made once: the harness, not the server, keeps this state. */
static srv_app *app;
static ac_session *session;

/* Splits "k=v&k2" into the request's arguments (in place, no decoding). */
static void split_query(char *q, srv_request *req)
{
	for (char *part = q; part && *part;) {
		char *amp = strchr(part, '&');
		if (amp)
			*amp++ = '\0';
		char *eq = strchr(part, '=');
		if (eq)
			*eq++ = '\0';
		if (req->n_args == SRV_MAX_ARGS) {
			req->too_many_args = 1;
			return;
		}
		req->args[req->n_args].key = part;
		req->args[req->n_args].value = eq;
		req->n_args++;
		part = amp;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!app) {
		ac_session_options o;
		ac_session_options_init(&o);
		o.no_data = 1;
		ac_diags d;
		ac_diags_init(&d);
		if (ac_session_new(&o, &session, &d) != AC_OK)
			__builtin_trap();
		ac_diags_free(&d);
		srv_config c = {.allow_origin = "http://example.org"};
		int bad = 0;
		if (!(app = srv_app_new(session, &c, 1, 1, &bad)))
			__builtin_trap();
	}
	if (size > SRV_MAX_BODY + 4096)
		return 0;
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	srv_request req;
	memset(&req, 0, sizeof req);
	/* The request line. */
	char *line_end = memchr(buf, '\n', size);
	char *rest = line_end ? line_end + 1 : buf + size;
	if (line_end)
		*line_end = '\0';
	char *sp = strchr(buf, ' ');
	req.method = buf;
	req.path = "/";
	if (sp) {
		*sp = '\0';
		req.path = sp + 1;
		char *q = strchr(sp + 1, '?');
		if (q) {
			*q = '\0';
			split_query(q + 1, &req);
		}
	}
	/* Header lines up to a blank line; then the body. */
	char *p = rest;
	while (p < buf + size && *p != '\n') {
		char *nl = memchr(p, '\n', (size_t)(buf + size - p));
		char *end = nl ? nl : buf + size;
		*end = '\0';
		char *colon = strchr(p, ':');
		if (colon) {
			*colon = '\0';
			const char *v = colon + 1 + (colon[1] == ' ');
			if (strcasecmp(p, "Host") == 0)
				req.host = v;
			else if (strcasecmp(p, "Origin") == 0)
				req.origin = v;
			else if (strcasecmp(p, "Content-Type") == 0)
				req.content_type = v;
			else if (strcasecmp(p, "If-None-Match") == 0)
				req.if_none_match = v;
		}
		p = nl ? nl + 1 : buf + size;
	}
	if (p < buf + size && *p == '\n')
		p++;
	req.body = p;
	req.body_len = (size_t)(buf + size - p);
	srv_response r;
	srv_handle(app, &req, &r);
	if (r.status < 200 || r.status > 599)
		__builtin_trap();
	if (r.type && strcmp(r.type, "application/problem+json") == 0) {
		json_t *doc = json_loadb(r.body, r.len, 0, NULL);
		if (!doc || json_integer_value(json_object_get(doc, "status")) != (json_int_t)r.status)
			__builtin_trap();
		json_decref(doc);
	}
	if (r.len && !r.body && !r.body_static)
		__builtin_trap();
	srv_response_free(&r);
	free(buf);
	return 0;
}
