/*
 * server.h — `aicert serve`: an HTTP server (libmicrohttpd) over the session
 * API, with the JSON API v1, the web page and the OpenAPI description.  The
 * command line (src/cli/cmd_serve.c) fills a srv_config and calls srv_run.
 */
#ifndef AICERT_SERVER_H
#define AICERT_SERVER_H

#include <stddef.h>

#include "aicert.h"

typedef struct {
	const char *listen; /* "ADDR:PORT" (port 0: any free port); default 127.0.0.1:8080 */
	unsigned threads; /* worker threads (and sessions); 0: one per processor */
	const char *allow_origin; /* the one origin allowed cross-origin access, or NULL */
	unsigned timeout; /* seconds a connection may stay idle or a request may take */
	unsigned max_connections; /* connections at once */
	const char *policy_text; /* the text the session's policy was read from (NULL: built in) */
	size_t policy_len;
	const char *store; /* NULL: keep nothing; else a SQLite path or postgresql:// URI */
} srv_config;

/* Serves with clones of session s until SIGINT or SIGTERM, then finishes
 * the requests in flight and returns 0; prints why and returns 2 (bad
 * configuration, such as an address that cannot be bound) or 1. */
int srv_run(ac_session *s, const srv_config *c);

#endif
