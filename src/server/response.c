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

/* A buffer whose first failed write fails every later one. */
typedef struct {
	char *buf;
	size_t len, cap;
	int failed;
} sticky;

static int sticky_write(const char *b, size_t n, void *data)
{
	sticky *s = data;
	if (s->failed)
		return -1;
	if (s->len + n + 2 > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (s->len + n + 2 > cap)
			cap *= 2;
		char *nb = realloc(s->buf, cap);
		if (!nb) {
			s->failed = 1;
			return -1;
		}
		s->buf = nb;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, b, n);
	s->len += n;
	return 0;
}

char *srv_json_text(const json_t *v, size_t flags, size_t *len)
{
	sticky s = {0};
	if (!v || json_dump_callback(v, sticky_write, &s, flags) != 0 || sticky_write("\n", 1, &s) != 0) {
		free(s.buf);
		return NULL;
	}
	s.buf[s.len] = '\0';
	if (len)
		*len = s.len;
	return s.buf;
}
