/*
 * response.c — a response being made: its security policy, its body, and
 * freeing it.  Every other file of the server writes its answers through
 * these.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char srv_csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
		       "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
		       "form-action 'self'; frame-ancestors 'none'";

void srv_response_free(srv_response *r)
{
	free(r->body);
	memset(r, 0, sizeof *r);
	r->csp = srv_csp;
}

void srv_body_lib(srv_response *r, unsigned status, const char *type, char *body, size_t len)
{
	srv_response_free(r);
	r->status = status;
	r->type = type;
	r->body = body;
	r->len = len;
	r->cache = "no-store";
}
