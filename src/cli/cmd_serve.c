/*
 * cmd_serve.c — `aicert serve`: turns the options into a server
 * configuration, opens the session every request is answered through (the
 * same door as the other commands), and runs the server (src/server/).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server.h"

static const cli_option options[] = {
	{"listen", "ADDR:PORT", "address and port to listen on (default 127.0.0.1:8080; port 0: any free port)"},
	{"threads", "N", "worker threads (default: one per processor)"},
	{"allow-origin", "ORIGIN", "let pages from ORIGIN (such as https://example.org) call the API"},
	{"timeout", "SECONDS", "cut off a connection idle, or a request still arriving, this long (default 30)"},
	{"max-connections", "N", "connections at once (default 256)"},
	{"store", "FILE|URI", "keep assessments asked to be kept (?save=true): a SQLite file or postgresql://..."},
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	{NULL, NULL, NULL}};

static int run(const cli_args *args)
{
	double threads = 0, timeout = 30, max_conn = 256;
	int rc;
	if ((rc = cli_opt_number(args, "threads", 1, 256, &threads)) >= 0 ||
	    (rc = cli_opt_number(args, "timeout", 1, 3600, &timeout)) >= 0 ||
	    (rc = cli_opt_number(args, "max-connections", 1, 100000, &max_conn)) >= 0)
		return rc;
	if (threads != (unsigned)threads || timeout != (unsigned)timeout || max_conn != (unsigned)max_conn) {
		cli_error("--threads, --timeout and --max-connections take whole numbers");
		return CLI_EXIT_USAGE;
	}
	const char *origin = cli_opt(args, "allow-origin");
	if (origin && (!*origin || origin[strspn(origin, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
							 "0123456789:/.-[]")] != '\0')) {
		cli_error("--allow-origin: found '%s', expected an origin such as https://example.org:8443", origin);
		return CLI_EXIT_USAGE;
	}
	ac_session *session = NULL;
	char *policy = NULL;
	size_t policy_len = 0;
	if ((rc = cli_open_session_keep(args, &session, &policy, &policy_len)) >= 0)
		return rc;
	srv_config c = {
		.listen = cli_opt(args, "listen"),
		.threads = (unsigned)threads,
		.allow_origin = origin,
		.timeout = (unsigned)timeout,
		.max_connections = (unsigned)max_conn,
		.policy_text = policy,
		.policy_len = policy_len,
		.store = cli_opt(args, "store"),
	};
	rc = srv_run(session, &c);
	ac_session_free(session);
	free(policy);
	return rc;
}

const cli_command cmd_serve = {
	"serve",
	"serve the JSON API and the web page over HTTP",
	"aicert serve [--listen ADDR:PORT] [--threads N] [--allow-origin ORIGIN] [--timeout SECONDS]\n"
	"       [--max-connections N] [--store FILE|postgresql://...] [--policy FILE] [--catalogue FILE] [--data FILE]",
	"Answers the JSON API v1 (described at /openapi.json) and the web page at /, through the same\n"
	"library as the other commands: POST /api/v1/assess gives byte for byte what 'aicert assess\n"
	"--format json' writes.  Listens on 127.0.0.1:8080 unless told otherwise, logs one line per\n"
	"request on standard error, and stops on SIGINT or SIGTERM once the requests in flight are\n"
	"answered.  It keeps nothing, unless started with --store: then POST /api/v1/assess?save=true\n"
	"keeps the assessment under a random id, given back in the Location header, and only that id\n"
	"reads it (GET) or deletes it (DELETE /api/v1/assessments/ID); nothing is listed.",
	options,
	0,
	0,
	run};
