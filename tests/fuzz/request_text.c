/*
 * request_text.c — a request as text ("METHOD /path?query", header lines, a
 * blank line, the body) made into the srv_request libmicrohttpd would hand
 * the server: what the server's fuzz target and its out-of-memory test read.
 */
#include <string.h>
#include <strings.h>

#include "request_text.h"

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

void request_from_text(char *buf, size_t size, srv_request *out)
{
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
	*out = req;
}
