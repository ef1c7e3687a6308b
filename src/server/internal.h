/*
 * internal.h — what the server's request handlers share: the application
 * (a pool of sessions, the configuration), problem documents (RFC 9457) and
 * the query-argument readers.  Not part of any public interface.
 */
#ifndef AICERT_SERVER_INTERNAL_H
#define AICERT_SERVER_INTERNAL_H

#include <pthread.h>

#include <jansson.h>

#include "app.h"

struct srv_app {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	ac_session **sessions; /* every clone, freed at the end */
	ac_session **idle; /* the ones not in use */
	size_t n_sessions, n_idle;
	char *allow_origin;
	int loopback_only;
	char *policy_json; /* GET /api/v1/policy, made once */
	size_t policy_json_len;
	char *policy_etag;
	ac_vault *vault; /* the store (--store), or NULL: nothing is kept */
	const char *policy_text; /* what the session's policy was read from (NULL: built in) */
	size_t policy_len;
};

/* A session for this request (waits while all are in use) and its return. */
ac_session *srv_session_take(srv_app *app);
void srv_session_give(srv_app *app, ac_session *s);

/* Problem documents.  type is a URN of ours (or NULL: about:blank, with the
 * status's own title), detail one plain sentence. */
void srv_problem(srv_response *r, unsigned status, const char *type, const char *title, const char *detail);
/* A problem listing every diagnostic as {path, found, expected, message,
 * line, column}, one per problem. */
void srv_problem_diags(srv_response *r, unsigned status, const char *type, const char *title, const char *detail,
		       const ac_diags *d);
/* A problem with one query argument: 400, naming it with what was found
 * and what was expected. */
void srv_problem_arg(srv_response *r, const char *name, const char *found, const char *expected);
/* 500 with no detail beyond the status (out of memory, a bug). */
void srv_fail(srv_response *r, ac_status st);

/* The value of query argument name (NULL when absent; "" when given
 * without a value). */
const char *srv_arg(const srv_request *req, const char *name);
/* Checks that every query argument is one of the allowed (a NULL-ended
 * list); otherwise answers 400 naming the first that is not, and returns 0. */
int srv_args_allowed(const srv_request *req, const char *const *allowed, srv_response *r);
/* Reads a number argument within [min, max] into *v (left alone when
 * absent).  0 after answering 400. */
int srv_arg_number(const srv_request *req, const char *name, double min, double max, int whole, double *v, int *given,
		   srv_response *r);
/* Reads an enumerated argument (AC_ENUM_*) into *v (0 when absent).  0 after
 * answering 400. */
int srv_arg_enum(const srv_request *req, const char *name, ac_enum_kind kind, int *v, srv_response *r);
/* A yes/no argument: absent or "false"/"0" is 0; "", "true", "1" is 1. */
int srv_arg_flag(const srv_request *req, const char *name, int *v, srv_response *r);

/* Sets a body made by the library (freed with ac_free). */
/* json_dumps with a final newline that never hands out a text with a part
 * left out (jansson ignores a failed write of an object's key): NULL when
 * memory ran out (response.c). */
char *srv_json_text(const json_t *v, size_t flags, size_t *len);
void srv_body_lib(srv_response *r, unsigned status, const char *type, char *body, size_t len);

/* The API's endpoints (api.c). */
void srv_api_assess(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_compare(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_certs(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_cert(srv_app *app, const srv_request *req, const char *id, srv_response *r);
void srv_api_occupations(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_occupation(srv_app *app, const srv_request *req, const char *code, srv_response *r);
void srv_api_policy(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_health(srv_app *app, const srv_request *req, srv_response *r);
void srv_api_questionnaire(srv_app *app, const srv_request *req, srv_response *r);
/* GET or DELETE /api/v1/assessments/{token} (with --store). */
void srv_api_saved(srv_app *app, const srv_request *req, const char *token, int forget, srv_response *r);

#endif
