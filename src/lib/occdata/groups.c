/*
 * groups.c — an occupation's tasks grouped as a person would describe their
 * job: six to ten groups by task category, with time shares from O*NET's
 * Core/Supplemental weights; the starting point of a person's task mix when
 * they know their occupation but not yet their tasks (aicert.h says how).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "core/diag.h"
#include "occdata/occupation.h"
#include "policy/policy.h"

#define GROUPS_MIN 6
#define GROUPS_MAX 10

typedef struct {
	long id;
	char *statement;
	int weight; /* Core 2, otherwise 1 */
	size_t order; /* place in the occupation's task list */
	ac_num x; /* measured exposure */
	int folded; /* came from a smaller kind of work folded into this group */
} group_task;

typedef struct {
	int category;
	double weight; /* sum of its tasks' weights */
	double exp_sum; /* sum of weight x measured exposure */
	double exp_weight; /* sum of the weights of tasks with a measured figure */
	group_task *tasks;
	size_t n_tasks;
	size_t first; /* the smallest order of its tasks: ties between groups */
} group;

struct ac_task_groups {
	group *groups;
	size_t n;
	double categorised_weight;
	group uncategorised; /* category 0 */
	double total_weight;
	int layout; /* AC_GROUPS_* */
	size_t folded; /* kinds of work folded into others */
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
	for (size_t i = 0; i < g->n; i++)
		group_free(&g->groups[i]);
	free(g->groups);
	group_free(&g->uncategorised);
	free(g);
}

/* The task's measured exposure: the combined figure when the data has one,
 * else its GPTs-are-GPTs beta. */
static ac_num measured(const ac_occ_task *t)
{
	return t->exposure.set ? t->exposure : t->beta;
}

/* Counts task gt (already in g->tasks) in g's figures. */
static void count_task(group *g, const group_task *gt)
{
	if (g->n_tasks == 1 || gt->order < g->first)
		g->first = gt->order;
	g->weight += gt->weight;
	if (gt->x.set) {
		g->exp_sum += gt->weight * gt->x.v;
		g->exp_weight += gt->weight;
	}
}

/* Appends a task to g (taking its statement); 0 without memory. */
static int push_task(group *g, group_task gt)
{
	group_task *nv = realloc(g->tasks, (g->n_tasks + 1) * sizeof *nv);
	if (!nv)
		return 0;
	g->tasks = nv;
	g->tasks[g->n_tasks++] = gt;
	count_task(g, &g->tasks[g->n_tasks - 1]);
	return 1;
}

static int add_task(group *g, const ac_occ_task *t, size_t order)
{
	group_task gt = {t->task_id, strdup(t->statement ? t->statement : ""), t->core ? 2 : 1, order, measured(t), 0};
	if (!gt.statement)
		return 0;
	if (!push_task(g, gt)) {
		free(gt.statement);
		return 0;
	}
	return 1;
}

/* A new group at the end of g's list; NULL without memory. */
static group *new_group(ac_task_groups *g, size_t *cap, int category)
{
	if (g->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		group *nv = realloc(g->groups, nc * sizeof *nv);
		if (!nv)
			return NULL;
		g->groups = nv;
		*cap = nc;
	}
	group *x = &g->groups[g->n++];
	memset(x, 0, sizeof *x);
	x->category = category;
	return x;
}

/* ------------------------------------------------------------ splitting */

/* What tells two tasks of one group apart, coarsest first: the work activity
 * (GWA), its intermediate activity (IWA), then the task itself. */
enum { KEY_GWA, KEY_IWA, KEY_TASK, KEY__COUNT };

static const char *task_key(const ac_occupation *occ, const group_task *gt, int level)
{
	const ac_occ_task *t = &occ->tasks[gt->order];
	const char *k = level == KEY_GWA ? t->gwa_id : level == KEY_IWA ? t->iwa_id : NULL;
	return k ? k : "";
}

static int same_key(const ac_occupation *occ, const group_task *a, const group_task *b, int level)
{
	return level == KEY_TASK ? a->order == b->order : strcmp(task_key(occ, a, level), task_key(occ, b, level)) == 0;
}

/* Splits group i in two at the coarsest level that tells its tasks apart:
 * the tasks of each key (each GWA, say) stay together; the keys, largest
 * first, each go to the lighter half.  0 without memory. */
static int split_group(ac_task_groups *g, size_t *cap, size_t i, const ac_occupation *occ)
{
	group *src = &g->groups[i];
	int level = KEY_GWA;
	for (; level < KEY_TASK; level++) {
		size_t k = 1;
		while (k < src->n_tasks && same_key(occ, &src->tasks[0], &src->tasks[k], level))
			k++;
		if (k < src->n_tasks)
			break;
	}
	/* The keys as units: weight and first task, heaviest first. */
	size_t n = src->n_tasks;
	size_t *unit = malloc(n * sizeof *unit); /* each task's unit */
	double *unit_weight = calloc(n, sizeof *unit_weight);
	size_t *unit_first = malloc(n * sizeof *unit_first), *by_weight = malloc(n * sizeof *by_weight);
	int *side = calloc(n, sizeof *side);
	int ok = unit && unit_weight && unit_first && by_weight && side;
	size_t n_units = 0;
	for (size_t k = 0; ok && k < n; k++) {
		size_t u = 0;
		while (u < n_units && !same_key(occ, &src->tasks[unit_first[u]], &src->tasks[k], level))
			u++;
		if (u == n_units)
			unit_first[n_units++] = k;
		unit[k] = u;
		unit_weight[u] += src->tasks[k].weight;
	}
	for (size_t u = 0; ok && u < n_units; u++) {
		size_t at = u; /* insertion by weight, then by first task */
		while (at > 0 &&
		       (unit_weight[by_weight[at - 1]] < unit_weight[u] ||
			(unit_weight[by_weight[at - 1]] == unit_weight[u] &&
			 src->tasks[unit_first[by_weight[at - 1]]].order > src->tasks[unit_first[u]].order))) {
			by_weight[at] = by_weight[at - 1];
			at--;
		}
		by_weight[at] = u;
	}
	double half[2] = {0, 0};
	for (size_t r = 0; ok && r < n_units; r++) {
		size_t u = by_weight[r];
		int s = half[1] < half[0];
		side[u] = s;
		half[s] += unit_weight[u];
	}
	group *dst = ok ? new_group(g, cap, 0) : NULL;
	ok = dst != NULL;
	if (ok) {
		src = &g->groups[i]; /* new_group may have moved the array */
		dst->category = src->category;
		group keep = *src;
		keep.tasks = NULL;
		keep.n_tasks = 0;
		keep.weight = keep.exp_sum = keep.exp_weight = 0;
		/* Each task moves to its half; push_task only fails before the
		 * move of the task it was given, so nothing is lost or doubled. */
		group_task *tasks = src->tasks;
		for (size_t k = 0; ok && k < n; k++)
			ok = push_task(side[unit[k]] ? dst : &keep, tasks[k]);
		if (ok) {
			free(tasks);
			*src = keep;
		} else {
			/* Undo: src keeps every task; the copies are dropped. */
			free(keep.tasks);
			free(dst->tasks);
			g->n--;
		}
	}
	free(unit);
	free(unit_weight);
	free(unit_first);
	free(by_weight);
	free(side);
	return ok;
}

/* ------------------------------------------------------------ folding */

static ac_num group_exposure(const group *x)
{
	ac_num r = {0, 0};
	if (x && x->exp_weight > 0) {
		r.set = 1;
		r.v = x->exp_sum / x->exp_weight;
	}
	return r;
}

/* The exposure a group is compared by: measured, else its category's. */
static double compared_exposure(const group *x, const ac_policy *pol)
{
	ac_num e = group_exposure(x);
	return e.set ? e.v : pol->categories[x->category].exposure;
}

/* Whether group a is a nearer home than b for the tasks of s: the same kind
 * of work, then repeatable the same way (the policy's category model), then
 * the closer exposure, then the larger, then the one whose tasks come first. */
static int nearer(const group *a, const group *b, const group *s, const ac_policy *pol)
{
	int sa = a->category == s->category, sb = b->category == s->category;
	if (sa != sb)
		return sa;
	int rep = pol->categories[s->category].repeatable;
	int ra = pol->categories[a->category].repeatable == rep, rb = pol->categories[b->category].repeatable == rep;
	if (ra != rb)
		return ra;
	double e = compared_exposure(s, pol);
	double da = fabs(compared_exposure(a, pol) - e), db = fabs(compared_exposure(b, pol) - e);
	if (da != db)
		return da < db;
	if (a->weight != b->weight)
		return a->weight > b->weight;
	return a->first < b->first;
}

/* Whether group a is smaller than b: the first to be folded. */
static int smaller(const group *a, const group *b)
{
	if (a->weight != b->weight)
		return a->weight < b->weight;
	return a->first > b->first;
}

/* Folds the smallest group into the nearest other one.  0 without memory. */
static int fold_smallest(ac_task_groups *g, const ac_policy *pol)
{
	size_t s = 0, t = (size_t)-1;
	for (size_t i = 1; i < g->n; i++)
		if (smaller(&g->groups[i], &g->groups[s]))
			s = i;
	for (size_t i = 0; i < g->n; i++)
		if (i != s && (t == (size_t)-1 || nearer(&g->groups[i], &g->groups[t], &g->groups[s], pol)))
			t = i;
	group *src = &g->groups[s], *dst = &g->groups[t];
	group_task *nv = realloc(dst->tasks, (dst->n_tasks + src->n_tasks) * sizeof *nv);
	if (!nv)
		return 0;
	dst->tasks = nv;
	for (size_t k = 0; k < src->n_tasks; k++) {
		dst->tasks[dst->n_tasks] = src->tasks[k];
		dst->tasks[dst->n_tasks].folded = 1;
		dst->n_tasks++;
		count_task(dst, &dst->tasks[dst->n_tasks - 1]);
	}
	free(src->tasks);
	memmove(src, src + 1, (g->n - s - 1) * sizeof *src);
	g->n--;
	g->folded++;
	return 1;
}

/* ------------------------------------------------------------ order */

static int task_cmp(const void *a, const void *b)
{
	const group_task *x = a, *y = b;
	if (x->folded != y->folded)
		return x->folded - y->folded; /* the group's own kind of work first */
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int group_cmp(const void *a, const void *b)
{
	const group *x = a, *y = b;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	if (x->category != y->category)
		return x->category < y->category ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* The largest group that has two tasks or more, or (size_t)-1. */
static size_t largest_splittable(const ac_task_groups *g)
{
	size_t best = (size_t)-1;
	for (size_t i = 0; i < g->n; i++)
		if (g->groups[i].n_tasks > 1 && (best == (size_t)-1 || group_cmp(&g->groups[i], &g->groups[best]) < 0))
			best = i;
	return best;
}

/* ------------------------------------------------------------ grouping */

/* One group per category; then, with fewer than GROUPS_MIN tasks in all, one
 * per task; else the largest split until there are GROUPS_MIN and the
 * smallest folded until there are GROUPS_MAX.  0 without memory. */
static int make_groups(ac_task_groups *g, const ac_occupation *occ, const ac_policy *policy)
{
	size_t cap = 0, of[AC_CAT__COUNT + 1]; /* each category's group */
	for (int c = 0; c <= AC_CAT__COUNT; c++)
		of[c] = (size_t)-1;
	for (size_t i = 0; i < occ->n_tasks; i++) {
		const ac_occ_task *t = &occ->tasks[i];
		int c = t->gwa_id ? ac_policy_gwa_category(policy, t->gwa_id) : 0;
		if (c < 1 || c > AC_CAT__COUNT) {
			if (!add_task(&g->uncategorised, t, i))
				return 0;
			continue;
		}
		if (of[c] == (size_t)-1 || occ->n_tasks < GROUPS_MIN) {
			if (!new_group(g, &cap, c))
				return 0;
			of[c] = g->n - 1;
		}
		if (!add_task(&g->groups[of[c]], t, i))
			return 0;
	}
	if (occ->n_tasks < GROUPS_MIN) {
		g->layout = AC_GROUPS_PER_TASK;
		return 1;
	}
	g->layout = AC_GROUPS_BY_KIND;
	size_t i;
	while (g->n < GROUPS_MIN && (i = largest_splittable(g)) != (size_t)-1) {
		if (!split_group(g, &cap, i, occ))
			return 0;
		g->layout = AC_GROUPS_SPLIT;
	}
	while (g->n > GROUPS_MAX) {
		if (!fold_smallest(g, policy))
			return 0;
		g->layout = AC_GROUPS_FOLDED;
	}
	return 1;
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
	if (!make_groups(g, occ, policy)) {
		ac_task_groups_free(g);
		return ac_diags_oom(diags, NULL, "grouping an occupation's tasks");
	}
	for (size_t i = 0; i < g->n; i++)
		g->categorised_weight += g->groups[i].weight;
	g->total_weight = g->categorised_weight + g->uncategorised.weight;
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

/* ------------------------------------------------------------ reading */

size_t ac_task_groups_count(const ac_task_groups *g)
{
	return g ? g->n : 0;
}

int ac_task_groups_layout(const ac_task_groups *g)
{
	return g ? g->layout : AC_GROUPS_BY_KIND;
}

size_t ac_task_groups_folded(const ac_task_groups *g)
{
	return g ? g->folded : 0;
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

ac_num ac_task_groups_exposure(const ac_task_groups *g, size_t i)
{
	return group_exposure(at(g, i));
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
	return group_exposure(g ? &g->uncategorised : NULL);
}
