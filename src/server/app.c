/*
 * app.c — the application a server runs: the pool of sessions (one per
 * worker thread), the policy's answer made once, the store, and the settings
 * requests are checked against.  Routing is in route.c, answers in api.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "assets.h"
#include "internal.h"

/* ------------------------------------------------------------ the application */

/* The answer of GET /api/v1/policy: the policy's name, version and text. */
static int make_policy_json(srv_app *app, ac_session *s, const srv_config *c)
{
	const ac_policy *p = ac_session_policy(s);
	const char *text = c->policy_text ? c->policy_text : ac_policy_default_text();
	size_t len = c->policy_text ? c->policy_len : strlen(text);
	json_t *o = json_object();
	if (!o || json_object_set_new(o, "name", json_string(ac_policy_name(p))) ||
	    json_object_set_new(o, "version", json_string(ac_policy_version(p))) ||
	    json_object_set_new(o, "text", json_stringn(text, len))) {
		json_decref(o);
		return -1;
	}
	app->policy_json = srv_json_text(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER, &app->policy_json_len);
	json_decref(o);
	if (!app->policy_json)
		return -1;
	/* A validator that changes whenever the text does. */
	unsigned long long h = 1469598103934665603ull;
	for (size_t i = 0; i < app->policy_json_len; i++)
		h = (h ^ (unsigned char)app->policy_json[i]) * 1099511628211ull;
	app->policy_etag = malloc(24);
	if (!app->policy_etag)
		return -1;
	snprintf(app->policy_etag, 24, "\"%016llx\"", h);
	return 0;
}

/* Prints the diagnostics of a failed library call, frees them and the
 * application made so far; NULL. */
static srv_app *give_up(srv_app *app, ac_status st, ac_diags *d)
{
	for (size_t k = 0; k < ac_diags_count(d); k++) {
		char *m = ac_diag_format(ac_diags_at(d, k));
		fprintf(stderr, "aicert: %s\n", m ? m : "out of memory");
		ac_free(m);
	}
	if (ac_diags_count(d) == 0)
		fprintf(stderr, "aicert: %s\n", ac_strerror(st));
	ac_diags_free(d);
	srv_app_free(app);
	return NULL;
}

srv_app *srv_app_new(ac_session *s, const srv_config *c, unsigned sessions, int loopback_only, int *bad_input)
{
	*bad_input = 0;
	srv_app *app = calloc(1, sizeof *app);
	if (!app)
		goto oom;
	app->policy_text = c->policy_text;
	app->policy_len = c->policy_len;
	pthread_mutex_init(&app->mu, NULL);
	pthread_cond_init(&app->cv, NULL);
	app->loopback_only = loopback_only;
	if (sessions == 0)
		sessions = 1;
	app->sessions = calloc(sessions, sizeof *app->sessions);
	app->idle = calloc(sessions, sizeof *app->idle);
	if (!app->sessions || !app->idle || (c->allow_origin && !(app->allow_origin = strdup(c->allow_origin))) ||
	    make_policy_json(app, s, c) != 0)
		goto oom;
	for (unsigned i = 0; i < sessions; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_session_clone(s, &app->sessions[i], &d);
		if (st != AC_OK)
			return give_up(app, st, &d);
		ac_diags_free(&d);
		app->idle[app->n_idle++] = app->sessions[i];
		app->n_sessions++;
	}
	if (c->store) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_vault_open(c->store, &app->vault, &d);
		*bad_input = st == AC_EINPUT || st == AC_EIO || st == AC_ENOTFOUND;
		if (st != AC_OK)
			return give_up(app, st, &d);
		ac_diags_free(&d);
	}
	return app;
oom:
	fprintf(stderr, "aicert: out of memory\n");
	srv_app_free(app);
	return NULL;
}

void srv_app_free(srv_app *app)
{
	if (!app)
		return;
	for (size_t i = 0; i < app->n_sessions; i++)
		ac_session_free(app->sessions[i]);
	ac_vault_close(app->vault);
	free(app->sessions);
	free(app->idle);
	free(app->allow_origin);
	free(app->policy_json);
	free(app->policy_etag);
	pthread_mutex_destroy(&app->mu);
	pthread_cond_destroy(&app->cv);
	free(app);
}

const char *srv_app_allow_origin(const srv_app *app)
{
	return app->allow_origin;
}

ac_session *srv_session_take(srv_app *app)
{
	pthread_mutex_lock(&app->mu);
	while (app->n_idle == 0)
		pthread_cond_wait(&app->cv, &app->mu);
	ac_session *s = app->idle[--app->n_idle];
	pthread_mutex_unlock(&app->mu);
	return s;
}

void srv_session_give(srv_app *app, ac_session *s)
{
	pthread_mutex_lock(&app->mu);
	app->idle[app->n_idle++] = s;
	pthread_cond_signal(&app->cv);
	pthread_mutex_unlock(&app->mu);
}
