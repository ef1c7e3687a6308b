/*
 * occupation.c — the occupation value the readers hand out: freeing it (and
 * its tasks) and copying it deeply, for the handle's cache and from it.  It
 * reads no database, so the handle (occdata.c) and the readers (lookup.c)
 * both rely on it without relying on each other.
 */
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "occdata/handle.h"

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
