/*
 * groups.c — an occupation's tasks grouped by task category, with time
 * shares from O*NET's Core/Supplemental weights: the starting point of a
 * person's task mix when they know their occupation but not yet their tasks.
 */
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "core/diag.h"
#include "occdata/occupation.h"

typedef struct {
	long id;
	char *statement;
	int weight; /* Core 2, otherwise 1 */
	size_t order; /* place in the occupation's task list */
} group_task;

typedef struct {
	int category;
	double weight;    /* sum of its tasks' weights */
	double exp_sum;   /* sum of weight x measured exposure */
	double exp_weight; /* sum of the weights of tasks with a measured figure */
	group_task *tasks;
	size_t n_tasks;
} group;

struct ac_task_groups {
	group groups[AC_CAT__COUNT];
	size_t n;
	double categorised_weight;
	group uncategorised; /* category 0 */
	double total_weight;
};

static void group_free(group *g)
{
	for (size_t k = 0; k < g->n_tasks; k++)
		free(g->tasks[k].statement);
	free(g->tasks);
}

void ac_task_groups_free(ac_task_groups *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < AC_CAT__COUNT; i++)
		group_free(&g->groups[i]);
	group_free(&g->uncategorised);
	free(g);
}

/* The task's measured exposure: the combined figure when the data has one,
 * else its GPTs-are-GPTs beta. */
static ac_num measured(const ac_occ_task *t)
{
	return t->exposure.set ? t->exposure : t->beta;
}

static int add_task(group *g, const ac_occ_task *t, size_t order)
{
	group_task *nv = realloc(g->tasks, (g->n_tasks + 1) * sizeof *nv);
	if (!nv)
		return 0;
	g->tasks = nv;
	group_task *gt = &g->tasks[g->n_tasks];
	gt->statement = strdup(t->statement ? t->statement : "");
	if (!gt->statement)
		return 0;
	g->n_tasks++;
	gt->id = t->task_id;
	gt->weight = t->core ? 2 : 1;
	gt->order = order;
	g->weight += gt->weight;
	ac_num x = measured(t);
	if (x.set) {
		g->exp_sum += gt->weight * x.v;
		g->exp_weight += gt->weight;
	}
	return 1;
}

static int task_cmp(const void *a, const void *b)
{
	const group_task *x = a, *y = b;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int group_cmp(const void *a, const void *b)
{
	const group *x = a, *y = b;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->category < y->category ? -1 : x->category > y->category;
}

ac_status ac_occupation_task_groups(const ac_occupation *occ, const ac_policy *policy, ac_task_groups **out,
				    ac_diags *diags)
{
	*out = NULL;
	if (!occ || !policy) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "grouping tasks needs an occupation and a policy");
		return AC_EINPUT;
	}
	ac_task_groups *g = calloc(1, sizeof *g);
	if (!g)
		return ac_diags_oom(diags, NULL, "grouping an occupation's tasks");
	group by_cat[AC_CAT__COUNT + 1];
	memset(by_cat, 0, sizeof by_cat);
	int ok = 1;
	for (size_t i = 0; ok && i < occ->n_tasks; i++) {
		const ac_occ_task *t = &occ->tasks[i];
		int c = t->gwa_id ? ac_policy_gwa_category(policy, t->gwa_id) : 0;
		if (c < 1 || c > AC_CAT__COUNT)
			c = 0;
		by_cat[c].category = c;
		ok = add_task(&by_cat[c], t, i);
	}
	g->uncategorised = by_cat[0];
	for (int c = 1; c <= AC_CAT__COUNT; c++) {
		if (by_cat[c].n_tasks)
			g->groups[g->n++] = by_cat[c];
		else
			free(by_cat[c].tasks);
		g->categorised_weight += by_cat[c].weight;
	}
	g->total_weight = g->categorised_weight + g->uncategorised.weight;
	if (!ok) {
		ac_task_groups_free(g);
		return ac_diags_oom(diags, NULL, "grouping an occupation's tasks");
	}
	if (g->n) /* qsort may not be handed a null array, even an empty one */
		qsort(g->groups, g->n, sizeof *g->groups, group_cmp);
	for (size_t i = 0; i < g->n; i++)
		if (g->groups[i].n_tasks)
			qsort(g->groups[i].tasks, g->groups[i].n_tasks, sizeof *g->groups[i].tasks, task_cmp);
	if (g->uncategorised.n_tasks)
		qsort(g->uncategorised.tasks, g->uncategorised.n_tasks, sizeof *g->uncategorised.tasks, task_cmp);
	*out = g;
	return AC_OK;
}

size_t ac_task_groups_count(const ac_task_groups *g)
{
	return g ? g->n : 0;
}

static const group *at(const ac_task_groups *g, size_t i)
{
	return g && i < g->n ? &g->groups[i] : NULL;
}

int ac_task_groups_category(const ac_task_groups *g, size_t i)
{
	const group *x = at(g, i);
	return x ? x->category : 0;
}

double ac_task_groups_share(const ac_task_groups *g, size_t i)
{
	const group *x = at(g, i);
	return x && g->categorised_weight > 0 ? x->weight / g->categorised_weight : 0;
}

static ac_num mean_exposure(const group *x)
{
	ac_num r = {0};
	if (x && x->exp_weight > 0) {
		r.set = 1;
		r.v = x->exp_sum / x->exp_weight;
	}
	return r;
}

ac_num ac_task_groups_exposure(const ac_task_groups *g, size_t i)
{
	return mean_exposure(at(g, i));
}

size_t ac_task_groups_task_count(const ac_task_groups *g, size_t i)
{
	const group *x = at(g, i);
	return x ? x->n_tasks : 0;
}

static const char *task_at(const group *x, size_t k, long *task_id)
{
	if (!x || k >= x->n_tasks)
		return NULL;
	if (task_id)
		*task_id = x->tasks[k].id;
	return x->tasks[k].statement;
}

const char *ac_task_groups_task(const ac_task_groups *g, size_t i, size_t k, long *task_id)
{
	return task_at(at(g, i), k, task_id);
}

size_t ac_task_groups_uncategorised(const ac_task_groups *g)
{
	return g ? g->uncategorised.n_tasks : 0;
}

const char *ac_task_groups_uncategorised_task(const ac_task_groups *g, size_t k, long *task_id)
{
	return g ? task_at(&g->uncategorised, k, task_id) : NULL;
}

double ac_task_groups_uncategorised_share(const ac_task_groups *g)
{
	return g && g->total_weight > 0 ? g->uncategorised.weight / g->total_weight : 0;
}

ac_num ac_task_groups_uncategorised_exposure(const ac_task_groups *g)
{
	return mean_exposure(g ? &g->uncategorised : NULL);
}
