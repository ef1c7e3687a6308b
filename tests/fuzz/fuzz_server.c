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

#include <jansson.h>

#include "aicert.h"
#include "app.h"
#include "request_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Made once: the harness, not the server, keeps this state. */
static srv_app *app;
static ac_session *session;

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
	request_from_text(buf, size, &req);
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
