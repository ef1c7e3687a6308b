/*
 * session.c — the one door for every front end (the CLI, the server, batch
 * runs): a session holds the policy, the catalogue and the occupation data,
 * loaded once, and assesses, compares and renders through them.  The policy
 * and the catalogue never change after loading, so clones share them (with a
 * reference count); each session has its own occupation-data handle, so each
 * thread can use its own session without locks.  The built-in catalogue is
 * read when first needed (most profiles name no certificate), and the
 * occupation database opened when a profile first needs it.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/options.h"
#include "input/cert.h"
#include "input/profile.h"
#include "model/assessment.h"
#include "model/compare.h"
#include "model/engine.h"
#include "render/render.h"

/* What clones share: read-only after ac_session_new(). */
typedef struct {
	atomic_int refs;
	ac_policy *policy;
	_Atomic(ac_catalogue *) catalogue; /* NULL until first needed */
	char *data_path; /* the database this session's family opens, or NULL */
} shared;

struct ac_session {
	shared *sh;
	ac_search_cache search; /* the what-if search's plan and buffers, kept between assessments */
	ac_occdata *occ; /* NULL when none is installed (or no_data) */
	int occ_tried; /* opening the database was tried */
	int occ_failed; /* ...and it exists but could not be opened */
};

void ac_session_options_init_size(ac_session_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
}

void ac_assess_options_init_size(ac_assess_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
	if (AC_HAS_FIELD(o, ac_assess_options, counterfactuals))
		o->counterfactuals = 1;
}

static void shared_release(shared *sh)
{
	if (!sh || atomic_fetch_sub(&sh->refs, 1) != 1)
		return;
	ac_policy_free(sh->policy);
	ac_catalogue_free(atomic_load(&sh->catalogue));
	free(sh->data_path);
	free(sh);
}

void ac_session_free(ac_session *s)
{
	if (!s)
		return;
	ac_occdata_close(s->occ);
	ac_search_cache_clear(&s->search);
	shared_release(s->sh);
	free(s);
}

/* Opens the occupation data: a database that is not installed at the
 * default place is no error (its fields stay null); one named explicitly
 * must open. */
static ac_status open_data(ac_session *s, int explicit_path, ac_diags *diags)
{
	s->occ_tried = 1;
	if (!s->sh->data_path)
		return AC_OK;
	ac_diags own;
	ac_diags_init(&own);
	unsigned long failures = ac_mem_failures();
	ac_status st = ac_occdata_open(s->sh->data_path, &s->occ, &own);
	if (st != AC_OK && ac_mem_failures() != failures) {
		ac_occdata_close(s->occ);
		s->occ = NULL;
		st = ac_diags_oom_since(&own, 0, s->sh->data_path, "opening the occupation data");
	}
	if (st == AC_ENODATA && !explicit_path) {
		s->occ = NULL;
		st = AC_OK;
	}
	s->occ_failed = st != AC_OK;
	/* Why it failed; a database that is simply not installed says nothing. */
	for (size_t i = 0; st != AC_OK && i < own.count; i++) {
		const ac_diag *g = &own.items[i];
		if (ac_diags_add(diags, g->source, g->path, g->line, g->column, "%s", g->message) != AC_OK)
			st = AC_ENOMEM;
	}
	ac_diags_free(&own);
	return st;
}

ac_status ac_session_new(const ac_session_options *o, ac_session **out, ac_diags *diags)
{
	ac_session_options dflt;
	if (!o) {
		ac_session_options_init(&dflt);
		o = &dflt;
	}
	*out = NULL;
	ac_session *s = calloc(1, sizeof *s);
	shared *sh = calloc(1, sizeof *sh);
	if (!s || !sh) {
		free(s);
		free(sh);
		return ac_diags_oom(diags, NULL, NULL);
	}
	atomic_init(&sh->refs, 1);
	atomic_init(&sh->catalogue, NULL);
	s->sh = sh;
	ac_status st;
	if (AC_HAS_FIELD(o, ac_session_options, policy_text) && o->policy_text)
		st = ac_policy_parse(o->policy_text, o->policy_len, o->policy_source, &sh->policy, diags);
	else
		st = ac_policy_default(&sh->policy, diags);
	/* A catalogue file given is read now, so its problems are reported here;
	 * the built-in catalogue alone waits until it is needed. */
	if (st == AC_OK && AC_HAS_FIELD(o, ac_session_options, catalogue_source) && o->catalogue_text) {
		ac_catalogue *cat = NULL;
		st = ac_catalogue_default(&cat, diags);
		atomic_init(&sh->catalogue, cat);
		if (st == AC_OK)
			st = ac_catalogue_merge(cat, o->catalogue_text, o->catalogue_len, o->catalogue_source, diags);
	}
	int no_data = AC_HAS_FIELD(o, ac_session_options, no_data) && o->no_data;
	const char *path = AC_HAS_FIELD(o, ac_session_options, data_path) ? o->data_path : NULL;
	if (st == AC_OK && !no_data) {
		sh->data_path = path ? strdup(path) : ac_occdata_default_path();
		if (!sh->data_path)
			st = AC_ENOMEM;
	}
	/* A database named explicitly must open now; the default one is opened
	 * when first needed, so commands that use no occupation data never
	 * touch it. */
	if (st == AC_OK && path)
		st = open_data(s, 1, diags);
	if (st == AC_ENOMEM)
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
	if (st != AC_OK) {
		ac_session_free(s);
		return st;
	}
	*out = s;
	return AC_OK;
}

ac_status ac_session_clone(const ac_session *src, ac_session **out, ac_diags *diags)
{
	*out = NULL;
	ac_session *s = calloc(1, sizeof *s);
	if (!s)
		return ac_diags_oom(diags, NULL, NULL);
	atomic_fetch_add(&src->sh->refs, 1);
	s->sh = src->sh;
	s->occ_tried = src->occ_tried;
	if (src->occ) {
		ac_status st = open_data(s, 1, diags);
		if (st != AC_OK) {
			ac_session_free(s);
			return st;
		}
	}
	*out = s;
	return AC_OK;
}

const ac_policy *ac_session_policy(const ac_session *s)
{
	return s->sh->policy;
}

/* The catalogue, reading the built-in one on first use (NULL when memory
 * ran out).  Clones share it: of two threads that read it at once, one
 * copy is kept and the other freed. */
static ac_catalogue *catalogue(shared *sh)
{
	ac_catalogue *cat = atomic_load(&sh->catalogue), *none = NULL;
	if (cat)
		return cat;
	/* The build's image, shared and never freed (ac_catalogue_free leaves
	 * it), else read from its text. */
	cat = (ac_catalogue *)ac_catalogue_builtin();
	if (!cat && ac_catalogue_default(&cat, NULL) != AC_OK)
		return NULL;
	if (!atomic_compare_exchange_strong(&sh->catalogue, &none, cat)) {
		ac_catalogue_free(cat);
		return none;
	}
	return cat;
}

const ac_catalogue *ac_session_catalogue(const ac_session *s)
{
	return catalogue(s->sh);
}

ac_status ac_session_certs_render(const ac_session *s, const ac_cert_filter *f, ac_format format,
				  const ac_render_options *o, char **out, size_t *len)
{
	const ac_catalogue *cat = catalogue(s->sh); /* NULL: out of memory */
	return cat ? ac_certs_render_with(cat, s->sh->policy, f, format, o, out, len) : AC_ENOMEM;
}

ac_status ac_session_cert_render(const ac_session *s, const ac_cert *c, ac_format format, char **out, size_t *len)
{
	return ac_cert_render_with(c, s->sh->policy, format, out, len);
}

/* The occupation data in *occ (NULL when none is installed), opening the
 * default database on first use.  A database that exists but cannot be read
 * is an error, reported at every use. */
static ac_status data(ac_session *s, ac_occdata **occ, ac_diags *diags)
{
	ac_status st = AC_OK;
	if (!s->occ_tried || s->occ_failed)
		st = open_data(s, 0, diags); /* after a failure, again: to say why */
	*occ = s->occ;
	return st;
}

ac_occdata *ac_session_occdata(ac_session *s)
{
	ac_occdata *occ;
	ac_diags quiet;
	ac_diags_init(&quiet);
	data(s, &occ, &quiet);
	ac_diags_free(&quiet);
	return occ;
}

/* Whether assessing p reads occupation data at all: only a profile naming
 * an occupation or an O*NET task does, and only then is the database opened. */
static int uses_occdata(const ac_profile *p)
{
	if (!p || p->role.occupation)
		return 1;
	for (size_t i = 0; i < p->role.n_tasks; i++)
		if (p->role.tasks[i].onet_task_id)
			return 1;
	return 0;
}

ac_status ac_session_assess(ac_session *s, const ac_profile *p, const ac_assess_options *o, ac_assessment **out,
			    ac_diags *diags)
{
	ac_assess_options dflt;
	if (!o) {
		ac_assess_options_init(&dflt);
		o = &dflt;
	}
	ac_context ctx = {0};
	ctx.policy = s->sh->policy;
	/* Only a profile that names a certificate looks in the catalogue. */
	ctx.catalogue = p && p->cert_given ? catalogue(s->sh) : NULL;
	ctx.counterfactuals = AC_HAS_FIELD(o, ac_assess_options, counterfactuals) ? o->counterfactuals : 1;
	ctx.as_of = AC_HAS_FIELD(o, ac_assess_options, as_of) ? o->as_of : NULL;
	ctx.search = &s->search;
	*out = NULL;
	unsigned long failures = ac_mem_failures(); /* data missing for want of memory is not "not installed" */
	/* Only a profile that names an occupation or an O*NET task reads the
	 * occupation data; only one that names a certificate reads the catalogue. */
	ac_status st = p && p->cert_given && !ctx.catalogue ? AC_ENOMEM : AC_OK;
	if (st == AC_OK && uses_occdata(p))
		st = data(s, &ctx.occdata, diags);
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st == AC_OK)
		st = ac_assess(p, &ctx, out, diags);
	if (st == AC_ENOMEM)
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
	return st;
}

ac_status ac_session_compare(ac_session *s, const ac_profile *p, const ac_compare_options *o, ac_comparison **out,
			     ac_diags *diags)
{
	ac_context ctx = {0};
	ctx.policy = s->sh->policy;
	ctx.catalogue = catalogue(s->sh);
	ctx.as_of = o && AC_HAS_FIELD(o, ac_compare_options, as_of) ? o->as_of : NULL;
	*out = NULL;
	unsigned long failures = ac_mem_failures();
	ac_status st = !ctx.catalogue ? AC_ENOMEM : uses_occdata(p) ? data(s, &ctx.occdata, diags) : AC_OK;
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st == AC_OK)
		st = ac_compare(&ctx, p, o, out, diags);
	if (st == AC_ENOMEM)
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
	return st;
}

/* The session's occupation data, or AC_ENODATA with how to install it. */
static ac_status need_data(ac_session *s, ac_diags *diags)
{
	ac_occdata *occ;
	ac_status st = data(s, &occ, diags);
	if (st != AC_OK || occ)
		return st;
	ac_diags_add(diags, NULL, NULL, 0, 0, "occupation data is not installed: %s", ac_occdata_install_hint());
	return AC_ENODATA;
}

ac_status ac_session_occupation_search(ac_session *s, const char *words, size_t limit, ac_format format, char **out,
				       size_t *len, ac_diags *diags)
{
	*out = NULL;
	ac_status st = need_data(s, diags);
	ac_occ_match *m = NULL;
	size_t n = 0;
	if (st == AC_OK)
		st = ac_occdata_search(s->occ, words, limit, &m, &n, diags);
	if (st == AC_OK)
		st = ac_render_occupation_matches(words, m, n, format, out, len);
	ac_occ_matches_free(m, n);
	return st;
}

ac_status ac_session_occupation_show(ac_session *s, const char *code, ac_format format, char **out, size_t *len,
				     ac_diags *diags)
{
	*out = NULL;
	unsigned long failures = ac_mem_failures(); /* a task list read short is a failure, not a shorter list */
	ac_status st = need_data(s, diags);
	ac_occupation *o = NULL;
	ac_occdata_info *info = NULL;
	ac_task_groups *groups = NULL;
	if (st == AC_OK)
		st = ac_occdata_occupation(s->occ, code, &o, diags);
	if (st == AC_OK)
		st = ac_occdata_info_get(s->occ, &info, diags);
	if (st == AC_OK) {
		ac_occupation_categorise(o, s->sh->policy);
		if (format == AC_FORMAT_JSON)
			st = ac_occupation_task_groups(o, s->sh->policy, &groups, diags);
	}
	if (st == AC_OK)
		st = ac_render_occupation(o, info, groups, format, out, len);
	if (st == AC_OK && ac_mem_failures() != failures) {
		ac_free(*out);
		*out = NULL;
		st = ac_diags_oom(diags, NULL, "reading an occupation");
	}
	ac_task_groups_free(groups);
	ac_occdata_info_free(info);
	ac_occupation_free(o);
	return st;
}

/* ------------------------------------------------------------ accessors */

int ac_assessment_verdict(const ac_assessment *a)
{
	return a->verdict;
}

const char *ac_assessment_reason(const ac_assessment *a)
{
	return a->reason;
}

const char *ac_assessment_headline(const ac_assessment *a)
{
	return a->headline;
}

const char *ac_assessment_label(const ac_assessment *a)
{
	return a->label;
}
