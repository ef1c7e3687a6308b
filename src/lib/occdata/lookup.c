/*
 * lookup.c — reading occupations from the installed database: one
 * occupation by code (with its figures, their percentiles and its tasks),
 * one task by id, the published task labels, every code, and where a figure
 * stands among all occupations.  The last occupations looked up are kept in
 * the handle, so assessing one profile against many certificates reads its
 * occupation once; the caller always receives its own copy.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/codes.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "occdata/handle.h"
#include "occdata/occupation.h"

/* ------------------------------------------------------------ rows */

/* Fills one item from the statement's current row; sets *oom when memory
 * ran out. */
typedef void row_fill(void *item, sqlite3_stmt *st, int *oom);

/* Steps st to its end, one item of size bytes a row, filled by fill, into a
 * growing array (first items, then twice as many each time): *v and *n hold
 * what was read, a row that ran out of memory counted too, so that the caller
 * frees them whatever happens.  Returns the error with a diagnostic (out of
 * memory as reading `what`) before the caller resets the statement. */
static ac_status read_rows(ac_occdata *db, sqlite3_stmt *st, size_t size, size_t first, row_fill *fill, void **v,
			   size_t *n, const char *what, ac_diags *diags)
{
	size_t cap = 0;
	int rc = SQLITE_DONE, oom = 0;
	*v = NULL;
	*n = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : first;
			void *nv = realloc(*v, nc * size);
			if (!nv) {
				oom = 1;
				break;
			}
			*v = nv;
			cap = nc;
		}
		fill((char *)*v + (*n)++ * size, st, &oom);
	}
	return oom ? ac_diags_oom(diags, db->path, what) : rc != SQLITE_DONE ? occ_db_error(db, diags) : AC_OK;
}

/* ------------------------------------------------------------ tasks */

/* Columns: task_id, code, statement, task_type, gwa_id, beta, automation,
 * exposure, exposure_low, exposure_high, sources, iwa_id. */
static void task_fill(void *item, sqlite3_stmt *st, int *oom)
{
	ac_occ_task *t = item;
	int typed = sqlite3_column_type(st, 3) != SQLITE_NULL;
	const unsigned char *type = typed ? sqlite3_column_text(st, 3) : NULL;
	memset(t, 0, sizeof *t);
	t->task_id = (long)sqlite3_column_int64(st, 0);
	t->code = occ_dup_text(st, 1, oom);
	t->statement = occ_dup_text(st, 2, oom);
	if (typed && !type)
		*oom = 1;
	t->rated = type != NULL;
	t->core = type && strcmp((const char *)type, "Core") == 0;
	t->gwa_id = occ_dup_text(st, 4, oom);
	t->beta = occ_col_num(st, 5);
	t->automation = occ_col_num(st, 6);
	t->exposure = occ_col_num(st, 7);
	t->exposure_low = occ_col_num(st, 8);
	t->exposure_high = occ_col_num(st, 9);
	t->sources = sqlite3_column_int(st, 10);
	t->iwa_id = occ_dup_text(st, 11, oom);
	if (!t->code || !t->statement) /* NOT NULL columns */
		*oom = 1;
}

/* Runs the task statement of slot (sql) bound to one text parameter. */
static ac_status query_tasks(ac_occdata *db, int slot, const char *sql, const char *param, ac_occ_task **out, size_t *n,
			     ac_diags *diags)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	ac_status s = occ_stmt(db, slot, sql, &st, diags);
	if (s != AC_OK)
		return s;
	sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	void *v;
	size_t cnt;
	s = read_rows(db, st, sizeof(ac_occ_task), 32, task_fill, &v, &cnt, "reading tasks", diags);
	occ_stmt_done(st);
	if (s != AC_OK) {
		ac_occ_tasks_free(v, cnt);
		return s;
	}
	*out = v;
	*n = cnt;
	return AC_OK;
}

ac_status ac_occdata_task(ac_occdata *db, long task_id, ac_occ_task **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return occ_no_data(diags);
	char id[32];
	snprintf(id, sizeof id, "%ld", task_id);
	size_t n;
	ac_status s = query_tasks(db, OCC_Q_TASK,
				  "SELECT task_id, code, statement, task_type, gwa_id, beta, automation,"
				  " exposure, exposure_low, exposure_high, sources, iwa_id FROM tasks"
				  " WHERE task_id = CAST(?1 AS INTEGER)",
				  id, out, &n, diags);
	if (s == AC_OK && n == 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "O*NET task %ld is not in the occupation data", task_id);
		return AC_ENOTFOUND;
	}
	return s;
}

ac_status ac_occdata_labels(ac_occdata *db, const char *code, ac_occ_task **out, size_t *n, ac_diags *diags)
{
	*out = NULL;
	*n = 0;
	if (!db)
		return occ_no_data(diags);
	if (!code) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the task labels of which occupation? No code was given");
		return AC_EINPUT;
	}
	return query_tasks(db, OCC_Q_LABELS,
			   "SELECT task_id, code, statement, task_type, NULL, beta, automation,"
			   " NULL, NULL, NULL, 0, NULL FROM labels WHERE code = ?1 ORDER BY task_id",
			   code, out, n, diags);
}

/* ------------------------------------------------------------ codes */

void ac_occ_codes_free(char **codes, size_t n)
{
	if (!codes)
		return;
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
}

static void code_fill(void *item, sqlite3_stmt *st, int *oom)
{
	char **code = item;
	if (!(*code = occ_dup_text(st, 0, oom))) /* a NOT NULL column */
		*oom = 1;
}

ac_status ac_occdata_codes(ac_occdata *db, char ***codes, size_t *n, ac_diags *diags)
{
	*codes = NULL;
	*n = 0;
	if (!db)
		return occ_no_data(diags);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, "SELECT code FROM occupations ORDER BY code", -1, &st, NULL) != SQLITE_OK)
		return occ_db_error(db, diags);
	void *v;
	size_t cnt;
	ac_status s = read_rows(db, st, sizeof(char *), 256, code_fill, &v, &cnt, "reading occupation codes", diags);
	sqlite3_finalize(st);
	if (s != AC_OK) {
		ac_occ_codes_free(v, cnt);
		return s;
	}
	*codes = v;
	*n = cnt;
	return AC_OK;
}

/* ------------------------------------------------------------ percentiles */

static void figure_fill(void *item, sqlite3_stmt *st, int *oom)
{
	(void)oom;
	*(double *)item = sqlite3_column_double(st, 0);
}

/* Reads one column of figures, sorted, into *out once per handle. */
static ac_status load_sorted(ac_occdata *db, occ_sorted *out, const char *sql, ac_diags *diags)
{
	if (out->loaded)
		return AC_OK;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return occ_db_error(db, diags);
	void *v;
	size_t n;
	ac_status s = read_rows(db, st, sizeof(double), 1024, figure_fill, &v, &n, "reading figures", diags);
	sqlite3_finalize(st);
	if (s != AC_OK) {
		free(v);
		return s;
	}
	out->v = v;
	out->n = n;
	out->loaded = 1;
	return AC_OK;
}

/* The share (0..100) of the sorted figures below x. */
static ac_status percentile(ac_occdata *db, occ_sorted *fig, const char *sql, const char *what, double x, double *pct,
			    ac_diags *diags)
{
	if (!db)
		return occ_no_data(diags);
	if (!isfinite(x)) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the %s to place among occupations is not a finite number", what);
		return AC_EINPUT;
	}
	ac_status s = load_sorted(db, fig, sql, diags);
	if (s != AC_OK)
		return s;
	if (fig->n == 0) {
		ac_diags_add(diags, db->path, NULL, 0, 0, "the occupation data holds no %s", what);
		return AC_ENODATA;
	}
	size_t lo = 0, hi = fig->n; /* the first figure not below x */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fig->v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pct = 100.0 * (double)lo / (double)fig->n;
	return AC_OK;
}

ac_status ac_occdata_beta_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags)
{
	return percentile(db, db ? &db->betas : NULL,
			  "SELECT beta FROM occupations WHERE beta IS NOT NULL ORDER BY beta",
			  "published GPTs-are-GPTs beta", x, pct, diags);
}

ac_status ac_occdata_exposure_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags)
{
	return percentile(db, db ? &db->exposures : NULL,
			  "SELECT exposure FROM occupations WHERE exposure IS NOT NULL ORDER BY exposure",
			  "measured exposure", x, pct, diags);
}

ac_status ac_occdata_applicability_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags)
{
	return percentile(db, db ? &db->scores : NULL, "SELECT score FROM applicability ORDER BY score",
			  "Working with AI applicability score", x, pct, diags);
}

/* ------------------------------------------------------------ occupations */

void ac_occupation_categorise(ac_occupation *occ, const ac_policy *policy)
{
	if (!occ)
		return;
	for (size_t i = 0; i < occ->n_tasks; i++)
		occ->tasks[i].category =
			(policy && occ->tasks[i].gwa_id) ? ac_policy_gwa_category(policy, occ->tasks[i].gwa_id) : 0;
}

/* Reads one occupation (without its tasks) by normalised code; AC_ENOTFOUND
 * (without a diagnostic) when there is none. */
static ac_status read_occupation(ac_occdata *db, const char *code, int soc, ac_occupation **out, ac_diags *diags)
{
	/* A SOC code means its .00 occupation, or the first one it has. */
	static const char sql[] =
		"SELECT o.code, o.title, o.description, o.beta, o.applicability, o.employment, o.median_wage,"
		" o.growth_pct, o.job_zone, o.soc, o.applicability_code, o.oews_code, o.oews_title,"
		" o.projection_code, o.education, z.name, o.exposure"
		" FROM occupations o LEFT JOIN job_zones z ON z.zone = o.job_zone"
		" WHERE (?2 = 0 AND o.code = ?1) OR (?2 = 1 AND o.soc = ?1) ORDER BY o.code LIMIT 1";
	*out = NULL;
	sqlite3_stmt *st;
	ac_status s = occ_stmt(db, OCC_Q_OCCUPATION, sql, &st, diags);
	if (s != AC_OK)
		return s;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, soc);
	int rc = sqlite3_step(st);
	ac_occupation *o = rc == SQLITE_ROW ? calloc(1, sizeof *o) : NULL;
	int oom = rc == SQLITE_ROW && !o;
	if (o) {
		o->code = occ_dup_text(st, 0, &oom);
		o->title = occ_dup_text(st, 1, &oom);
		o->description = occ_dup_text(st, 2, &oom);
		o->beta = occ_col_num(st, 3);
		o->applicability = occ_col_num(st, 4);
		o->employment = occ_col_num(st, 5);
		o->median_wage = occ_col_num(st, 6);
		o->growth_pct = occ_col_num(st, 7);
		o->job_zone = sqlite3_column_int(st, 8);
		o->soc = occ_dup_text(st, 9, &oom);
		o->applicability_code = occ_dup_text(st, 10, &oom);
		o->oews_code = occ_dup_text(st, 11, &oom);
		o->oews_title = occ_dup_text(st, 12, &oom);
		o->projection_code = occ_dup_text(st, 13, &oom);
		o->education = occ_dup_text(st, 14, &oom);
		o->job_zone_name = occ_dup_text(st, 15, &oom);
		o->exposure = occ_col_num(st, 16);
		oom |= !o->code || !o->title || !o->description || !o->soc; /* NOT NULL columns */
	}
	s = oom                 ? ac_diags_oom(diags, db->path, "reading an occupation")
	    : rc == SQLITE_DONE ? AC_ENOTFOUND
	    : rc != SQLITE_ROW  ? occ_db_error(db, diags)
				: AC_OK;
	occ_stmt_done(st);
	if (s != AC_OK) {
		ac_occupation_free(o);
		return s;
	}
	*out = o;
	return AC_OK;
}

/* Fills the percentiles and the tasks of a freshly read occupation. */
static ac_status complete_occupation(ac_occdata *db, ac_occupation *o, ac_diags *diags)
{
	ac_status s = AC_OK;
	double pct;
	if (o->beta.set && (s = ac_occdata_beta_percentile(db, o->beta.v, &pct, diags)) == AC_OK) {
		o->beta_percentile.set = 1;
		o->beta_percentile.v = pct;
	}
	if (s == AC_OK && o->exposure.set &&
	    (s = ac_occdata_exposure_percentile(db, o->exposure.v, &pct, diags)) == AC_OK) {
		o->exposure_percentile.set = 1;
		o->exposure_percentile.v = pct;
	}
	if (s == AC_OK && o->applicability.set &&
	    (s = ac_occdata_applicability_percentile(db, o->applicability.v, &pct, diags)) == AC_OK) {
		o->applicability_percentile.set = 1;
		o->applicability_percentile.v = pct;
	}
	if (s == AC_OK)
		s = query_tasks(db, OCC_Q_OCC_TASKS,
				"SELECT task_id, code, statement, task_type, gwa_id, beta, automation, exposure,"
				" exposure_low, exposure_high, sources, iwa_id FROM tasks"
				" WHERE code = ?1 ORDER BY CASE task_type WHEN 'Core' THEN 0 WHEN 'Supplemental'"
				" THEN 1 ELSE 2 END, task_id",
				o->code, &o->tasks, &o->n_tasks, diags);
	return s;
}

/* The cached occupation asked for as key, or NULL. */
static occ_cached *cache_find(ac_occdata *db, const char *key)
{
	for (int i = 0; i < OCC_CACHE_SIZE; i++)
		if (db->cache[i].occ && strcmp(db->cache[i].key, key) == 0)
			return &db->cache[i];
	return NULL;
}

/* Keeps a copy of o as key in the least recently used slot.  A copy that
 * cannot be made is simply not kept. */
static void cache_keep(ac_occdata *db, const char *key, const ac_occupation *o)
{
	occ_cached *slot = &db->cache[0];
	for (int i = 1; i < OCC_CACHE_SIZE && slot->occ; i++)
		if (!db->cache[i].occ || db->cache[i].used < slot->used)
			slot = &db->cache[i];
	ac_occupation *copy = occ_occupation_copy(o);
	if (!copy)
		return;
	ac_occupation_free(slot->occ);
	slot->occ = copy;
	snprintf(slot->key, sizeof slot->key, "%s", key);
	slot->used = ++db->tick;
}

ac_status ac_occdata_occupation(ac_occdata *db, const char *code, ac_occupation **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return occ_no_data(diags);
	char c[AC_ONET_CODE_LEN + 1];
	int soc;
	if (!ac_code_normalise(code, c, sizeof c, &soc)) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "'%.*s' is not an occupation code: expected an O*NET-SOC code such as 13-2051.00 "
			     "or a SOC code such as 13-2051",
			     (int)ac_utf8_quote_len(code, 64), code ? code : "");
		return AC_EINPUT;
	}
	occ_cached *hit = cache_find(db, c);
	if (hit) {
		hit->used = ++db->tick;
		*out = occ_occupation_copy(hit->occ);
		return *out ? AC_OK : ac_diags_oom(diags, db->path, "copying an occupation");
	}
	ac_occupation *o = NULL;
	unsigned long failures = ac_mem_failures(); /* SQLite out of memory reads as no row */
	ac_status s = read_occupation(db, c, soc, &o, diags);
	if (s == AC_ENOTFOUND && ac_mem_failures() != failures)
		return ac_diags_oom(diags, db->path, "reading an occupation");
	if (s == AC_ENOTFOUND) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "no occupation %s in the data ('aicert occupations search WORDS' finds codes)", c);
		return s;
	}
	if (s == AC_OK && (s = complete_occupation(db, o, diags)) == AC_OK)
		cache_keep(db, c, o);
	if (s != AC_OK) {
		ac_occupation_free(o);
		return s;
	}
	*out = o;
	return AC_OK;
}
