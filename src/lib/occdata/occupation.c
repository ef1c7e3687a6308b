/*
 * occupation.c — the occupation value the readers hand out: its public
 * accessors, freeing it (and its tasks) and copying it deeply, for the
 * handle's cache and from it.  It reads no database, so the handle
 * (occdata.c) and the readers (lookup.c) both rely on it without relying on
 * each other.
 */
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "occdata/handle.h"
#include "occdata/occupation.h"

static const ac_num unset;

const char *ac_occupation_text(const ac_occupation *occ, int which)
{
	if (!occ)
		return NULL;
	switch (which) {
	case AC_OCC_CODE: return occ->code;
	case AC_OCC_TITLE: return occ->title;
	case AC_OCC_DESCRIPTION: return occ->description;
	case AC_OCC_SOC: return occ->soc;
	case AC_OCC_APPLICABILITY_CODE: return occ->applicability_code;
	case AC_OCC_OEWS_CODE: return occ->oews_code;
	case AC_OCC_OEWS_TITLE: return occ->oews_title;
	case AC_OCC_PROJECTION_CODE: return occ->projection_code;
	case AC_OCC_EDUCATION: return occ->education;
	case AC_OCC_JOB_ZONE_NAME: return occ->job_zone_name;
	default: return NULL;
	}
}

ac_num ac_occupation_figure(const ac_occupation *occ, int which)
{
	if (!occ)
		return unset;
	switch (which) {
	case AC_OCC_BETA: return occ->beta;
	case AC_OCC_EXPOSURE: return occ->exposure;
	case AC_OCC_EXPOSURE_PERCENTILE: return occ->exposure_percentile;
	case AC_OCC_APPLICABILITY: return occ->applicability;
	case AC_OCC_BETA_PERCENTILE: return occ->beta_percentile;
	case AC_OCC_APPLICABILITY_PERCENTILE: return occ->applicability_percentile;
	case AC_OCC_EMPLOYMENT: return occ->employment;
	case AC_OCC_MEDIAN_WAGE: return occ->median_wage;
	case AC_OCC_GROWTH_PCT: return occ->growth_pct;
	case AC_OCC_JOB_ZONE: return (ac_num){occ->job_zone > 0, occ->job_zone};
	default: return unset;
	}
}

size_t ac_occupation_task_count(const ac_occupation *occ)
{
	return occ ? occ->n_tasks : 0;
}

const ac_occ_task *ac_occupation_task(const ac_occupation *occ, size_t i)
{
	return occ && i < occ->n_tasks ? &occ->tasks[i] : NULL;
}

const ac_occ_task *ac_occ_tasks_at(const ac_occ_task *tasks, size_t i)
{
	return tasks ? &tasks[i] : NULL;
}

long ac_occ_task_id(const ac_occ_task *t)
{
	return t ? t->task_id : 0;
}

int ac_occ_task_core(const ac_occ_task *t)
{
	return t ? t->core : 0;
}

int ac_occ_task_rated(const ac_occ_task *t)
{
	return t ? t->rated : 0;
}

int ac_occ_task_category(const ac_occ_task *t)
{
	return t ? t->category : 0;
}

int ac_occ_task_sources(const ac_occ_task *t)
{
	return t ? t->sources : 0;
}

const char *ac_occ_task_text(const ac_occ_task *t, int which)
{
	if (!t)
		return NULL;
	switch (which) {
	case AC_TASK_STATEMENT: return t->statement;
	case AC_TASK_CODE: return t->code;
	case AC_TASK_GWA: return t->gwa_id;
	case AC_TASK_IWA: return t->iwa_id;
	default: return NULL;
	}
}

ac_num ac_occ_task_figure(const ac_occ_task *t, int which)
{
	if (!t)
		return unset;
	switch (which) {
	case AC_TASK_BETA: return t->beta;
	case AC_TASK_AUTOMATION: return t->automation;
	case AC_TASK_EXPOSURE: return t->exposure;
	case AC_TASK_EXPOSURE_LOW: return t->exposure_low;
	case AC_TASK_EXPOSURE_HIGH: return t->exposure_high;
	default: return unset;
	}
}

void ac_occ_tasks_free(ac_occ_task *tasks, size_t n)
{
	if (!tasks)
		return;
	for (size_t i = 0; i < n; i++) {
		free(tasks[i].statement);
		free(tasks[i].gwa_id);
		free(tasks[i].iwa_id);
		free(tasks[i].code);
	}
	free(tasks);
}

void ac_occupation_free(ac_occupation *occ)
{
	if (!occ)
		return;
	free(occ->code);
	free(occ->title);
	free(occ->description);
	ac_occ_tasks_free(occ->tasks, occ->n_tasks);
	free(occ->soc);
	free(occ->applicability_code);
	free(occ->oews_code);
	free(occ->oews_title);
	free(occ->projection_code);
	free(occ->education);
	free(occ->job_zone_name);
	free(occ);
}

static char *copy_str(const char *s, int *oom)
{
	char *c = s ? strdup(s) : NULL;
	if (s && !c)
		*oom = 1;
	return c;
}

/* A deep copy, for the cache and from it; NULL when memory ran out.  Every
 * string ac_occupation_free frees is copied here. */
ac_occupation *occ_occupation_copy(const ac_occupation *o)
{
	ac_occupation *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	int oom = 0;
	*c = *o;
	c->code = copy_str(o->code, &oom);
	c->title = copy_str(o->title, &oom);
	c->description = copy_str(o->description, &oom);
	c->soc = copy_str(o->soc, &oom);
	c->applicability_code = copy_str(o->applicability_code, &oom);
	c->oews_code = copy_str(o->oews_code, &oom);
	c->oews_title = copy_str(o->oews_title, &oom);
	c->projection_code = copy_str(o->projection_code, &oom);
	c->education = copy_str(o->education, &oom);
	c->job_zone_name = copy_str(o->job_zone_name, &oom);
	c->tasks = o->n_tasks ? calloc(o->n_tasks, sizeof *c->tasks) : NULL;
	if (o->n_tasks && !c->tasks) {
		c->n_tasks = 0;
		oom = 1;
	}
	for (size_t i = 0; c->tasks && i < o->n_tasks; i++) {
		c->tasks[i] = o->tasks[i];
		c->tasks[i].statement = copy_str(o->tasks[i].statement, &oom);
		c->tasks[i].gwa_id = copy_str(o->tasks[i].gwa_id, &oom);
		c->tasks[i].iwa_id = copy_str(o->tasks[i].iwa_id, &oom);
		c->tasks[i].code = copy_str(o->tasks[i].code, &oom);
	}
	if (oom) {
		ac_occupation_free(c);
		return NULL;
	}
	return c;
}
