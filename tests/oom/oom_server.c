/*
 * oom_server.c — out of memory in the server's request handling, without
 * the network.  Each request file (as tests/fuzz/request_text.c reads it) is
 * answered once normally, counting the library's allocations (jansson's and
 * SQLite's included), then again with the N-th of them failing for every N
 * (or AICERT_OOM_RUNS values spread evenly).  Each answer must be the normal
 * one, status and body byte for byte, or a 500 whose body (when there is one)
 * is a problem document saying memory ran out.  A crash, another status or a
 * different body fails.
 * usage: oom_server REQUEST_FILE...    prints one line per request
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "app.h"
#include "request_text.h"

static unsigned long calls, fail_at;

static int fails_now(void)
{
	calls++;
	return fail_at && calls == fail_at;
}

static void *test_malloc(size_t n)
{
	return fails_now() ? NULL : malloc(n);
}

static void *test_realloc(void *p, size_t n)
{
	return fails_now() ? NULL : realloc(p, n);
}

typedef struct {
	unsigned status;
	char *body;
	size_t len;
} answer;

/* Answers the request in text (len bytes) with allocation `at` failing
 * (0: none); the allocations it made in *used. */
static answer ask(srv_app *app, const char *text, size_t len, unsigned long at, unsigned long *used)
{
	char *buf = malloc(len + 1);
	if (!buf) {
		fputs("oom_server: out of memory in the test itself\n", stderr);
		exit(2);
	}
	memcpy(buf, text, len);
	buf[len] = '\0';
	srv_request req;
	request_from_text(buf, len, &req);
	srv_response r;
	calls = 0;
	fail_at = at;
	srv_handle(app, &req, &r);
	fail_at = 0;
	*used = calls;
	answer a = {r.status, NULL, r.len};
	const char *body = r.body ? r.body : r.body_static;
	if (body && r.len && (a.body = malloc(r.len)))
		memcpy(a.body, body, r.len);
	srv_response_free(&r);
	free(buf);
	return a;
}

/* 1 when the n bytes at s hold word. */
static int holds(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (memcmp(s + i, word, w) == 0)
			return 1;
	return 0;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(SRV_MAX_BODY + 8192);
	*len = buf ? fread(buf, 1, SRV_MAX_BODY + 8192, f) : 0;
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	const char *budget_env = getenv("AICERT_OOM_RUNS");
	unsigned long budget = budget_env ? strtoul(budget_env, NULL, 10) : 300;
	if (ac_set_allocator(test_malloc, test_realloc, free) != AC_OK)
		return 2;
	ac_session_options o;
	ac_session_options_init(&o);
	o.no_data = 1;
	ac_diags d;
	ac_diags_init(&d);
	ac_session *session = NULL;
	if (ac_session_new(&o, &session, &d) != AC_OK)
		return 2;
	ac_diags_free(&d);
	srv_config c = {.allow_origin = "http://example.org"};
	int bad = 0;
	srv_app *app = srv_app_new(session, &c, 1, 1, &bad);
	if (!app)
		return 2;
	unsigned long failures = 0, runs = 0;
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		char *text = read_all(argv[i], &len);
		if (!text) {
			fprintf(stderr, "oom_server: cannot read %s\n", argv[i]);
			return 2;
		}
		unsigned long n = 0, unused;
		answer want = ask(app, text, len, 0, &n);
		unsigned long step = n > budget && budget ? n / budget : 1, bad_here = 0;
		for (unsigned long at = 1 + (unsigned long)i % step; at <= n; at += step) {
			answer got = ask(app, text, len, at, &unused);
			runs++;
			int same = got.status == want.status && got.len == want.len &&
				   (!got.len || (got.body && want.body && memcmp(got.body, want.body, got.len) == 0));
			int oom = got.status == 500 &&
				  (!got.len || (got.body && holds(got.body, got.len, "out of memory")));
			if (!same && !oom) {
				if (!bad_here)
					fprintf(stderr, "%s: allocation %lu failing: status %u (normally %u), %zu bytes: %.*s\n",
						argv[i], at, got.status, want.status, got.len,
						got.body ? (int)(got.len < 300 ? got.len : 300) : 0, got.body ? got.body : "");
				bad_here++;
			}
			free(got.body);
		}
		printf("%-40s %6lu allocations, %lu failed\n", argv[i], n, bad_here);
		failures += bad_here;
		free(want.body);
		free(text);
	}
	srv_app_free(app);
	ac_session_free(session);
	printf("%lu runs, %lu failed\n", runs, failures);
	return failures ? 1 : 0;
}
