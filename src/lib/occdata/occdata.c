/*
 * occdata.c — reading the installed occupation database: lookup by code,
 * title search, percentiles, and the comparison of the policy's category
 * model with the measured exposure (see occdata_import.c for how it is built).
 * The database is opened read-only; every object handed out is the caller's.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "aicert.h"
#include "occdata/occdata.h"
#include "occdata/words.h"
#include "core/strbuf.h"

#define SEARCH_CANDIDATES 2000 /* index rows scored per search */
#define SEARCH_MAX_LIMIT 100
#define SEARCH_EXPANSIONS 3    /* data-spelled abbreviations tried per word */

struct ac_occdata {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *fts;  /* title index query (kept: search latency) */
	sqlite3_stmt *abbr; /* abbreviation expansions */
	sqlite3_stmt *pick; /* matched title and occupation title by title id */
};

const char *ac_occdata_install_hint(void)
{
	return "download the official files with scripts/fetch-data.sh DIR, then run "
	       "'aicert data import --from DIR'";
}

static char *concat(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s", a, b);
	return p;
}

char *ac_occdata_default_path(void)
{
	const char *e = getenv("AICERT_DATA");
	if (e && *e)
		return strdup(e);
	const char *x = getenv("XDG_DATA_HOME");
	if (x && x[0] == '/') /* the XDG spec ignores relative paths */
		return concat(x, "/aicert/occupations.db");
	const char *h = getenv("HOME");
	if (h && *h)
		return concat(h, "/.local/share/aicert/occupations.db");
	return NULL;
}

static char *dup_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? strdup((const char *)s) : NULL;
}

static ac_num col_num(sqlite3_stmt *st, int col)
{
	ac_num n = {0, 0};
	if (sqlite3_column_type(st, col) != SQLITE_NULL) {
		n.set = 1;
		n.v = sqlite3_column_double(st, col);
	}
	return n;
}

void ac_occdata_close(ac_occdata *db)
{
	if (!db)
		return;
	sqlite3_finalize(db->fts);
	sqlite3_finalize(db->abbr);
	sqlite3_finalize(db->pick);
	sqlite3_close(db->db);
	free(db->path);
	free(db);
}

ac_status ac_occdata_open(const char *path, ac_occdata **out, ac_diags *diags)
{
	*out = NULL;
	char *p = path ? strdup(path) : ac_occdata_default_path();
	if (!p) {
		if (path)
			return AC_ENOMEM;
		ac_diags_add(diags, NULL, NULL, 0, 0, "no place for occupation data: set AICERT_DATA or HOME");
		return AC_ENODATA;
	}
	struct stat sb;
	if (stat(p, &sb) != 0) {
		ac_diags_add(diags, p, NULL, 0, 0, "no occupation data here: %s", ac_occdata_install_hint());
		free(p);
		return AC_ENODATA;
	}
	ac_occdata *db = calloc(1, sizeof *db);
	if (!db) {
		free(p);
		return AC_ENOMEM;
	}
	db->path = p;
	ac_status st = AC_OK;
	sqlite3_stmt *q = NULL;
	if (sqlite3_open_v2(p, &db->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_step(q) != SQLITE_ROW) {
		ac_diags_add(diags, p, NULL, 0, 0, "not an aicert occupation database (%s): %s",
			     db->db ? sqlite3_errmsg(db->db) : "cannot open", ac_occdata_install_hint());
		st = AC_EIO;
	} else if (sqlite3_column_int(q, 0) != OCC_SCHEMA_VERSION) {
		ac_diags_add(diags, p, NULL, 0, 0,
			     "the occupation database has schema version %d, this aicert reads %d: run "
			     "'aicert data import --from DIR' again",
			     sqlite3_column_int(q, 0), OCC_SCHEMA_VERSION);
		st = AC_ENODATA;
	}
	sqlite3_finalize(q);
	if (st == AC_OK &&
	    (sqlite3_prepare_v2(db->db,
				"SELECT t.id, t.code, t.kind, t.words, bm25(title_index, 1.0, 0.5) AS r"
				" FROM title_index CROSS JOIN titles t ON t.id = title_index.rowid"
				" WHERE title_index MATCH ?1 ORDER BY r LIMIT ?2",
				-1, &db->fts, NULL) != SQLITE_OK ||
	     sqlite3_prepare_v2(db->db,
				"SELECT expansion FROM abbreviations WHERE abbr = ?1 ORDER BY n DESC, expansion LIMIT ?2",
				-1, &db->abbr, NULL) != SQLITE_OK ||
	     sqlite3_prepare_v2(db->db,
				"SELECT t.title, o.title FROM titles t JOIN occupations o ON o.code = t.code WHERE t.id = ?1",
				-1, &db->pick, NULL) != SQLITE_OK)) {
		ac_diags_add(diags, p, NULL, 0, 0, "the occupation database is damaged (%s): %s",
			     sqlite3_errmsg(db->db), ac_occdata_install_hint());
		st = AC_EIO;
	}
	if (st != AC_OK) {
		ac_occdata_close(db);
		return st;
	}
	*out = db;
	return AC_OK;
}

/* ------------------------------------------------------------ lookups */

static ac_status db_error(ac_occdata *db, ac_diags *diags)
{
	ac_diags_add(diags, db->path, NULL, 0, 0, "cannot read the occupation database: %s",
		     sqlite3_errmsg(db->db));
	return AC_EIO;
}

static void task_fill(ac_occ_task *t, sqlite3_stmt *st)
{
	/* columns: task_id, code, statement, task_type, gwa_id, beta, automation */
	const unsigned char *type = sqlite3_column_text(st, 3);
	t->task_id = (long)sqlite3_column_int64(st, 0);
	t->code = dup_text(st, 1);
	t->statement = dup_text(st, 2);
	t->rated = type != NULL;
	t->core = type && strcmp((const char *)type, "Core") == 0;
	t->gwa_id = dup_text(st, 4);
	t->category = 0;
	t->beta = col_num(st, 5);
	t->automation = col_num(st, 6);
}

static int task_ok(const ac_occ_task *t)
{
	return t->code && t->statement;
}

void ac_occ_tasks_free(ac_occ_task *tasks, size_t n)
{
	if (!tasks)
		return;
	for (size_t i = 0; i < n; i++) {
		free(tasks[i].statement);
		free(tasks[i].gwa_id);
		free(tasks[i].code);
	}
	free(tasks);
}

/* Runs a task query bound to one text parameter. */
static ac_status query_tasks(ac_occdata *db, const char *sql, const char *param, ac_occ_task **out,
			     size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return AC_EIO;
	sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	ac_occ_task *v = NULL;
	size_t cnt = 0, cap = 0;
	ac_status s = AC_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 32;
			ac_occ_task *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				s = AC_ENOMEM;
				break;
			}
			v = nv;
			cap = nc;
		}
		memset(&v[cnt], 0, sizeof v[cnt]);
		task_fill(&v[cnt], st);
		if (!task_ok(&v[cnt++])) {
			s = AC_ENOMEM;
			break;
		}
	}
	if (s == AC_OK && rc != SQLITE_DONE)
		s = AC_EIO;
	sqlite3_finalize(st);
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
		return AC_ENODATA;
	char id[32];
	snprintf(id, sizeof id, "%ld", task_id);
	size_t n;
	ac_status s = query_tasks(db, "SELECT task_id, code, statement, task_type, gwa_id, beta, automation"
				      " FROM tasks WHERE task_id = CAST(?1 AS INTEGER)", id, out, &n);
	if (s == AC_EIO)
		return db_error(db, diags);
	if (s == AC_OK && n == 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "O*NET task %ld is not in the occupation data", task_id);
		return AC_ENOTFOUND;
	}
	return s;
}

ac_status ac_occdata_labels(ac_occdata *db, const char *code, ac_occ_task **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!db)
		return AC_ENODATA;
	if (!code)
		return AC_EINPUT;
	return query_tasks(db, "SELECT task_id, code, statement, task_type, NULL, beta, automation"
			       " FROM labels WHERE code = ?1 ORDER BY task_id", code, out, n);
}

void ac_occ_codes_free(char **codes, size_t n)
{
	if (!codes)
		return;
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
}

ac_status ac_occdata_codes(ac_occdata *db, char ***codes, size_t *n)
{
	*codes = NULL;
	*n = 0;
	if (!db)
		return AC_ENODATA;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, "SELECT code FROM occupations ORDER BY code", -1, &st, NULL) != SQLITE_OK)
		return AC_EIO;
	char **v = NULL;
	size_t cnt = 0, cap = 0;
	ac_status s = AC_OK;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 256;
			char **nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				s = AC_ENOMEM;
				break;
			}
			v = nv;
			cap = nc;
		}
		if (!(v[cnt++] = dup_text(st, 0))) {
			s = AC_ENOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (s != AC_OK) {
		ac_occ_codes_free(v, cnt);
		return s;
	}
	*codes = v;
	*n = cnt;
	return AC_OK;
}

/* Runs a "count below ?1, count of all" query: the share (0..100) below x. */
static ac_status percentile(ac_occdata *db, const char *sql, double x, double *pct)
{
	sqlite3_stmt *st = NULL;
	if (!db)
		return AC_ENODATA;
	if (!isfinite(x))
		return AC_EINPUT;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return AC_EIO;
	sqlite3_bind_double(st, 1, x);
	ac_status s = AC_EIO;
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 below = sqlite3_column_int64(st, 0), total = sqlite3_column_int64(st, 1);
		if (total > 0) {
			*pct = 100.0 * (double)below / (double)total;
			s = AC_OK;
		} else {
			s = AC_ENODATA;
		}
	}
	sqlite3_finalize(st);
	return s;
}

ac_status ac_occdata_beta_percentile(ac_occdata *db, double x, double *pct)
{
	return percentile(db, "SELECT (SELECT count(*) FROM occupations WHERE beta < ?1),"
			      " (SELECT count(*) FROM occupations WHERE beta IS NOT NULL)", x, pct);
}

ac_status ac_occdata_applicability_percentile(ac_occdata *db, double x, double *pct)
{
	return percentile(db, "SELECT (SELECT count(*) FROM applicability WHERE score < ?1),"
			      " (SELECT count(*) FROM applicability)", x, pct);
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

void ac_occupation_categorise(ac_occupation *occ, const ac_policy *policy)
{
	if (!occ)
		return;
	for (size_t i = 0; i < occ->n_tasks; i++)
		occ->tasks[i].category =
			(policy && occ->tasks[i].gwa_id) ? ac_policy_gwa_category(policy, occ->tasks[i].gwa_id) : 0;
}

/* "13-2051.00" or "13-2051" (spaces around allowed) into buf; 0 otherwise. */
static int normalise_code(const char *in, char *buf, size_t size, int *is_soc)
{
	while (*in == ' ' || *in == '\t')
		in++;
	size_t n = strcspn(in, " \t");
	for (const char *p = in + n; *p; p++)
		if (*p != ' ' && *p != '\t')
			return 0;
	if ((n != 7 && n != 10) || n >= size)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		int want_dash = i == 2, want_dot = i == 7;
		if (want_dash ? c != '-' : want_dot ? c != '.' : (c < '0' || c > '9'))
			return 0;
	}
	memcpy(buf, in, n);
	buf[n] = '\0';
	*is_soc = n == 7;
	return 1;
}

ac_status ac_occdata_occupation(ac_occdata *db, const char *code, ac_occupation **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return AC_ENODATA;
	char c[16];
	int soc;
	if (!code || !normalise_code(code, c, sizeof c, &soc)) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "'%.64s' is not an occupation code: expected an O*NET-SOC code such as 13-2051.00 "
			     "or a SOC code such as 13-2051", code ? code : "");
		return AC_EINPUT;
	}
	/* A SOC code means its .00 occupation, or the first one it has. */
	static const char sql[] =
		"SELECT o.code, o.title, o.description, o.beta, o.applicability, o.employment, o.median_wage,"
		" o.growth_pct, o.job_zone, o.soc, o.applicability_code, o.oews_code, o.oews_title,"
		" o.projection_code, o.education, z.name"
		" FROM occupations o LEFT JOIN job_zones z ON z.zone = o.job_zone"
		" WHERE (?2 = 0 AND o.code = ?1) OR (?2 = 1 AND o.soc = ?1) ORDER BY o.code LIMIT 1";
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, diags);
	sqlite3_bind_text(st, 1, c, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, soc);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_error(db, diags);
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "no occupation %s in the data ('aicert occupations search WORDS' finds codes)", c);
		return AC_ENOTFOUND;
	}
	ac_occupation *o = calloc(1, sizeof *o);
	if (!o) {
		sqlite3_finalize(st);
		return AC_ENOMEM;
	}
	o->code = dup_text(st, 0);
	o->title = dup_text(st, 1);
	o->description = dup_text(st, 2);
	o->beta = col_num(st, 3);
	o->applicability = col_num(st, 4);
	o->employment = col_num(st, 5);
	o->median_wage = col_num(st, 6);
	o->growth_pct = col_num(st, 7);
	o->job_zone = sqlite3_column_int(st, 8);
	o->soc = dup_text(st, 9);
	o->applicability_code = dup_text(st, 10);
	o->oews_code = dup_text(st, 11);
	o->oews_title = dup_text(st, 12);
	o->projection_code = dup_text(st, 13);
	o->education = dup_text(st, 14);
	o->job_zone_name = dup_text(st, 15);
	sqlite3_finalize(st);
	ac_status s = (o->code && o->title && o->description && o->soc) ? AC_OK : AC_ENOMEM;
	if (s == AC_OK && o->beta.set) {
		double pct;
		if ((s = ac_occdata_beta_percentile(db, o->beta.v, &pct)) == AC_OK) {
			o->beta_percentile.set = 1;
			o->beta_percentile.v = pct;
		}
	}
	if (s == AC_OK && o->applicability.set) {
		double pct;
		if ((s = ac_occdata_applicability_percentile(db, o->applicability.v, &pct)) == AC_OK) {
			o->applicability_percentile.set = 1;
			o->applicability_percentile.v = pct;
		}
	}
	if (s == AC_OK)
		s = query_tasks(db,
				"SELECT task_id, code, statement, task_type, gwa_id, beta, automation FROM tasks"
				" WHERE code = ?1 ORDER BY CASE task_type WHEN 'Core' THEN 0 WHEN 'Supplemental'"
				" THEN 1 ELSE 2 END, task_id",
				o->code, &o->tasks, &o->n_tasks);
	if (s != AC_OK) {
		ac_occupation_free(o);
		return s == AC_EIO ? db_error(db, diags) : s;
	}
	*out = o;
	return AC_OK;
}

/* ------------------------------------------------------------ search */

typedef struct {
	occ_words words;                       /* the typed words */
	occ_words expansions[OCC_MAX_WORDS][SEARCH_EXPANSIONS];
	int n_expansions[OCC_MAX_WORDS];
} query;

typedef struct {
	char code[16];
	sqlite3_int64 title_id;
	int kind;
	double bm25;
	double confidence;
	int exact;
	int n_titles; /* titles of the occupation that matched */
} candidate;

static const char *kind_name(int kind)
{
	switch (kind) {
	case OCC_TITLE: return "title";
	case OCC_ALTERNATE: return "alternate title";
	case OCC_SHORT: return "short title";
	default: return "reported title";
	}
}

static double exact_confidence(int kind)
{
	return kind == OCC_TITLE ? 1.0 : kind == OCC_REPORTED ? 0.90 : 0.95;
}

static double base_confidence(int kind)
{
	return kind == OCC_TITLE ? 0.85 : kind == OCC_REPORTED ? 0.75 : 0.80;
}

/* Whether words e occur in t from position j on. */
static int phrase_at(const occ_words *t, int j, const occ_words *e)
{
	if (e->n == 0 || j + e->n > t->n)
		return 0;
	for (int k = 0; k < e->n; k++)
		if (strcmp(t->w[j + k], e->w[k]) != 0)
			return 0;
	return 1;
}

/* The confidence that title t (of kind) is what the query means; see
 * aicert.h for the definition.  A typed word counts 1 when it is a title word
 * or spells out as one of the data's abbreviations, 0.8 when it is only the
 * start of a title word, 0.9 when it is the initials of a run of title words
 * that no other typed word matches ("fp&a analyst" is not "Fraud Prevention
 * Analyst": "analyst" already took the last word). */
static double score_title(const query *q, const occ_words *t, int kind, int *exact)
{
	*exact = q->words.n == t->n;
	for (int i = 0; *exact && i < t->n; i++)
		*exact = strcmp(q->words.w[i], t->w[i]) == 0;
	if (*exact)
		return exact_confidence(kind);
	unsigned literal[OCC_MAX_WORDS] = {0}; /* bit i: typed word i matched this title word */
	double credit[OCC_MAX_WORDS] = {0};
	for (int i = 0; i < q->words.n; i++) {
		const char *w = q->words.w[i];
		size_t wl = strlen(w);
		for (int j = 0; j < t->n; j++) {
			if (strcmp(w, t->w[j]) == 0) {
				credit[i] = 1;
				literal[j] |= 1u << i;
			} else if (wl >= 3 && strncmp(w, t->w[j], wl) == 0) {
				if (credit[i] < 0.8)
					credit[i] = 0.8;
				literal[j] |= 1u << i;
			}
			for (int e = 0; e < q->n_expansions[i]; e++)
				if (phrase_at(t, j, &q->expansions[i][e])) {
					credit[i] = 1;
					for (int m = j; m < j + q->expansions[i][e].n; m++)
						literal[m] |= 1u << i;
				}
		}
	}
	int covered[OCC_MAX_WORDS] = {0};
	for (int j = 0; j < t->n; j++)
		covered[j] = literal[j] != 0;
	for (int i = 0; i < q->words.n; i++) {
		const char *w = q->words.w[i];
		int k = (int)strlen(w);
		if (k < 2 || k > OCC_MAX_ACRONYM)
			continue;
		for (int j = 0; j + k <= t->n; j++) {
			char initials[OCC_MAX_ACRONYM + 1];
			occ_words_initials(t, j, k, initials);
			int free_run = strcmp(initials, w) == 0;
			for (int m = j; free_run && m < j + k; m++)
				free_run = (literal[m] & ~(1u << i)) == 0;
			if (!free_run)
				continue;
			if (credit[i] < 0.9)
				credit[i] = 0.9;
			for (int m = j; m < j + k; m++)
				covered[m] = 1;
		}
	}
	double sum = 0;
	int n_cov = 0;
	for (int i = 0; i < q->words.n; i++)
		sum += credit[i];
	for (int j = 0; j < t->n; j++)
		n_cov += covered[j];
	double coverage = sum / q->words.n;
	double precision = t->n ? (double)n_cov / t->n : 0;
	return base_confidence(kind) * coverage * (0.6 + 0.4 * precision);
}

/* Writes word w of the query as an FTS5 group: the word (as a prefix from
 * three letters), the initials of a run of title words, or one of the
 * abbreviations' expansions.  Words hold only letters, digits and non-ASCII
 * bytes (occtext.c), and are quoted besides, so no input is FTS5 syntax. */
static void fts_group(strbuf *sb, const query *q, int i)
{
	const char *w = q->words.w[i];
	sb_printf(sb, "(words:\"%s\"%s OR acro:\"%s\"", w, strlen(w) >= 3 ? "*" : "", w);
	for (int e = 0; e < q->n_expansions[i]; e++) {
		char phrase[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1];
		occ_words_join(&q->expansions[i][e], 0, (size_t)q->expansions[i][e].n, phrase, sizeof phrase);
		sb_printf(sb, " OR words:\"%s\"", phrase);
	}
	sb_putn(sb, ")", 1);
}

static char *fts_query(const query *q, const char *op)
{
	strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < q->words.n; i++) {
		if (i)
			sb_printf(&sb, " %s ", op);
		fts_group(&sb, q, i);
	}
	return sb_take(&sb, NULL);
}

static int by_code_then_score(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	if (c)
		return c;
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->bm25 != y->bm25)
		return x->bm25 < y->bm25 ? -1 : 1;
	return x->kind - y->kind;
}

static int by_rank(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->bm25 != y->bm25)
		return x->bm25 < y->bm25 ? -1 : 1;
	if (x->n_titles != y->n_titles)
		return x->n_titles > y->n_titles ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* Runs one FTS query and scores every row it returns into cand. */
static ac_status run_fts(ac_occdata *db, const query *q, const char *match, candidate *cand, size_t *n)
{
	*n = 0;
	sqlite3_reset(db->fts);
	sqlite3_bind_text(db->fts, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(db->fts, 2, SEARCH_CANDIDATES);
	int rc;
	while ((rc = sqlite3_step(db->fts)) == SQLITE_ROW && *n < SEARCH_CANDIDATES) {
		candidate *c = &cand[*n];
		const unsigned char *code = sqlite3_column_text(db->fts, 1);
		const unsigned char *words = sqlite3_column_text(db->fts, 3);
		if (!code || !words)
			continue;
		snprintf(c->code, sizeof c->code, "%s", (const char *)code);
		c->title_id = sqlite3_column_int64(db->fts, 0);
		c->kind = sqlite3_column_int(db->fts, 2);
		c->bm25 = sqlite3_column_double(db->fts, 4);
		occ_words t;
		occ_words_parse((const char *)words, &t);
		c->confidence = round(score_title(q, &t, c->kind, &c->exact) * 100.0) / 100.0;
		c->n_titles = 1;
		(*n)++;
	}
	ac_status s = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? AC_OK : AC_EIO;
	sqlite3_reset(db->fts);
	return s;
}

static ac_status expand_words(ac_occdata *db, query *q)
{
	for (int i = 0; i < q->words.n; i++) {
		q->n_expansions[i] = 0;
		sqlite3_reset(db->abbr);
		sqlite3_bind_text(db->abbr, 1, q->words.w[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(db->abbr, 2, SEARCH_EXPANSIONS);
		int rc;
		while ((rc = sqlite3_step(db->abbr)) == SQLITE_ROW && q->n_expansions[i] < SEARCH_EXPANSIONS) {
			const unsigned char *e = sqlite3_column_text(db->abbr, 0);
			if (e)
				occ_words_parse((const char *)e, &q->expansions[i][q->n_expansions[i]++]);
		}
		sqlite3_reset(db->abbr);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return AC_EIO;
	}
	return AC_OK;
}

void ac_occ_matches_free(ac_occ_match *m, size_t n)
{
	if (!m)
		return;
	for (size_t i = 0; i < n; i++) {
		free(m[i].code);
		free(m[i].title);
		free(m[i].matched);
	}
	free(m);
}

ac_status ac_occdata_search(ac_occdata *db, const char *words, size_t limit, ac_occ_match **out,
			    size_t *n, ac_diags *diags)
{
	*out = NULL;
	*n = 0;
	if (!db)
		return AC_ENODATA;
	if (!words || strlen(words) > AC_MAX_STRING) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the search words are longer than %d bytes", AC_MAX_STRING);
		return AC_EINPUT;
	}
	query *q = calloc(1, sizeof *q);
	candidate *cand = malloc(SEARCH_CANDIDATES * sizeof *cand);
	if (!q || !cand) {
		free(q);
		free(cand);
		return AC_ENOMEM;
	}
	ac_status s = AC_OK;
	occ_words_parse(words, &q->words);
	if (q->words.n == 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "nothing to search for in '%.64s': type words of a job title",
			     words);
		s = AC_EINPUT;
	}
	if (limit == 0)
		limit = 10;
	if (limit > SEARCH_MAX_LIMIT)
		limit = SEARCH_MAX_LIMIT;
	size_t nc = 0;
	if (s == AC_OK)
		s = expand_words(db, q);
	/* Every word first; when no title has them all, any of them. */
	for (int pass = 0; s == AC_OK && pass < 2 && nc == 0; pass++) {
		char *match = fts_query(q, pass == 0 ? "AND" : "OR");
		if (!match) {
			s = AC_ENOMEM;
			break;
		}
		s = run_fts(db, q, match, cand, &nc);
		free(match);
		if (pass == 0 && q->words.n == 1)
			break;
	}
	/* One row per occupation: its best title, and how many of its titles matched. */
	size_t n_occ = 0;
	if (s == AC_OK && nc > 0) {
		qsort(cand, nc, sizeof *cand, by_code_then_score);
		for (size_t i = 0; i < nc; i++) {
			if (n_occ > 0 && strcmp(cand[n_occ - 1].code, cand[i].code) == 0) {
				cand[n_occ - 1].n_titles++;
				continue;
			}
			cand[n_occ++] = cand[i];
		}
		qsort(cand, n_occ, sizeof *cand, by_rank);
	}
	size_t take = n_occ < limit ? n_occ : limit;
	ac_occ_match *m = take ? calloc(take, sizeof *m) : NULL;
	if (take && !m)
		s = AC_ENOMEM;
	for (size_t i = 0; s == AC_OK && i < take; i++) {
		sqlite3_reset(db->pick);
		sqlite3_bind_int64(db->pick, 1, cand[i].title_id);
		if (sqlite3_step(db->pick) != SQLITE_ROW) {
			s = AC_EIO;
			break;
		}
		m[i].code = strdup(cand[i].code);
		m[i].matched = dup_text(db->pick, 0);
		m[i].title = dup_text(db->pick, 1);
		m[i].confidence = cand[i].confidence;
		m[i].via = kind_name(cand[i].kind);
		if (!m[i].code || !m[i].matched || !m[i].title)
			s = AC_ENOMEM;
	}
	sqlite3_reset(db->pick);
	free(q);
	free(cand);
	if (s != AC_OK) {
		ac_occ_matches_free(m, take);
		return s == AC_EIO ? db_error(db, diags) : s;
	}
	*out = m;
	*n = take;
	return AC_OK;
}

/* ------------------------------------------------------------ information */

void ac_occdata_info_free(ac_occdata_info *info)
{
	if (!info)
		return;
	for (size_t i = 0; i < info->n_sources; i++) {
		ac_occ_source *s = &info->sources[i];
		free(s->name);
		free(s->title);
		free(s->version);
		free(s->licence);
		free(s->url);
		free(s->attribution);
	}
	free(info->sources);
	free(info->imported_at);
	free(info);
}

ac_status ac_occdata_info_get(ac_occdata *db, ac_occdata_info **out)
{
	*out = NULL;
	if (!db)
		return AC_ENODATA;
	ac_occdata_info *info = calloc(1, sizeof *info);
	if (!info)
		return AC_ENOMEM;
	static const char counts[] =
		"SELECT (SELECT value FROM meta WHERE key = 'schema_version'),"
		" (SELECT value FROM meta WHERE key = 'imported_at'),"
		" (SELECT count(*) FROM occupations), (SELECT count(*) FROM tasks),"
		" (SELECT count(*) FROM labels), (SELECT count(*) FROM titles), (SELECT count(*) FROM dwas),"
		" (SELECT count(*) FROM occupations WHERE beta IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE applicability IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE median_wage IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE growth_pct IS NOT NULL)";
	sqlite3_stmt *st = NULL;
	ac_status s = AC_EIO;
	if (sqlite3_prepare_v2(db->db, counts, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		info->schema_version = sqlite3_column_int(st, 0);
		info->imported_at = dup_text(st, 1);
		size_t *f[] = {&info->occupations, &info->tasks, &info->labels, &info->titles, &info->dwas,
			       &info->with_beta, &info->with_applicability, &info->with_wage, &info->with_growth};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			*f[i] = (size_t)sqlite3_column_int64(st, (int)i + 2);
		s = AC_OK;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (s == AC_OK && sqlite3_prepare_v2(db->db, "SELECT name, title, version, licence, url, attribution"
						     " FROM sources ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		s = AC_EIO;
	while (s == AC_OK && sqlite3_step(st) == SQLITE_ROW) {
		ac_occ_source *ns = realloc(info->sources, (info->n_sources + 1) * sizeof *ns);
		if (!ns) {
			s = AC_ENOMEM;
			break;
		}
		info->sources = ns;
		ac_occ_source *src = &info->sources[info->n_sources++];
		char **fields[] = {&src->name, &src->title, &src->version, &src->licence, &src->url,
				   &src->attribution};
		for (int k = 0; k < 6; k++)
			if (!(*fields[k] = dup_text(st, k)))
				s = AC_ENOMEM;
	}
	sqlite3_finalize(st);
	if (s != AC_OK) {
		ac_occdata_info_free(info);
		return s;
	}
	*out = info;
	return AC_OK;
}

/* ------------------------------------------------------------ calibration */

typedef struct {
	double v;
	size_t i;
} ranked;

static int by_value(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	return x->v < y->v ? -1 : x->v > y->v ? 1 : (x->i < y->i ? -1 : x->i > y->i);
}

/* Ranks 1..n with ties sharing their mean rank. */
static int rank_values(const double *v, size_t n, double *rank)
{
	ranked *r = malloc(n * sizeof *r);
	if (!r)
		return -1;
	for (size_t i = 0; i < n; i++) {
		r[i].v = v[i];
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, by_value);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && r[j + 1].v == r[i].v)
			j++;
		double mean = (double)(i + j) / 2.0 + 1.0;
		for (size_t k = i; k <= j; k++)
			rank[r[k].i] = mean;
		i = j + 1;
	}
	free(r);
	return 0;
}

/* Spearman's rho: Pearson's correlation of the ranks (ties averaged). */
static double spearman(const double *x, const double *y, size_t n)
{
	if (n < 2)
		return NAN;
	double *rx = malloc(n * sizeof *rx), *ry = malloc(n * sizeof *ry);
	double rho = NAN;
	if (rx && ry && rank_values(x, n, rx) == 0 && rank_values(y, n, ry) == 0) {
		double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
		for (size_t i = 0; i < n; i++) {
			mx += rx[i];
			my += ry[i];
		}
		mx /= (double)n;
		my /= (double)n;
		for (size_t i = 0; i < n; i++) {
			sxy += (rx[i] - mx) * (ry[i] - my);
			sxx += (rx[i] - mx) * (rx[i] - mx);
			syy += (ry[i] - my) * (ry[i] - my);
		}
		if (sxx > 0 && syy > 0)
			rho = sxy / sqrt(sxx * syy);
	}
	free(rx);
	free(ry);
	return rho;
}

typedef struct {
	double beta;     /* published occupation beta */
	double w_sum;    /* weight of the tasks with a category */
	double before;   /* weighted sum of the policy's category exposures */
	double after;    /* the same with the calibrated exposures */
	double cat_w[AC_CAT__COUNT + 1];
} occ_acc;

ac_status ac_occdata_calibrate(ac_occdata *db, const ac_policy *policy, ac_occ_calibration *out,
			       ac_diags *diags)
{
	memset(out, 0, sizeof *out);
	if (!db)
		return AC_ENODATA;
	if (!policy)
		return AC_EINPUT;
	for (int c = 1; c <= AC_CAT__COUNT; c++)
		out->before[c] = ac_policy_category_exposure(policy, c);

	/* Occupations with a published beta, in code order, and their tasks. */
	static const char sql[] =
		"SELECT o.code, o.beta, o.applicability, t.task_type, t.gwa_id, t.beta, t.task_id"
		" FROM occupations o LEFT JOIN tasks t ON t.code = o.code"
		" WHERE o.beta IS NOT NULL ORDER BY o.code, t.task_id";
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, diags);
	occ_acc *acc = NULL;
	double *appl = NULL;
	size_t n = 0, cap = 0;
	double cat_sum[AC_CAT__COUNT + 1] = {0};
	char last[16] = "";
	ac_status s = AC_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (!code)
			continue;
		if (strcmp(code, last) != 0) {
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 1024;
				occ_acc *na = realloc(acc, ncap * sizeof *na);
				double *nb = na ? realloc(appl, ncap * sizeof *nb) : NULL;
				if (na)
					acc = na;
				if (!na || !nb) {
					s = AC_ENOMEM;
					break;
				}
				appl = nb;
				cap = ncap;
			}
			memset(&acc[n], 0, sizeof acc[n]);
			acc[n].beta = sqlite3_column_double(st, 1);
			appl[n] = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
			n++;
			snprintf(last, sizeof last, "%s", code);
		}
		const char *gwa = (const char *)sqlite3_column_text(st, 4);
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			continue; /* an occupation without tasks */
		int cat = gwa ? ac_policy_gwa_category(policy, gwa) : 0;
		if (cat < 1 || cat > AC_CAT__COUNT) {
			out->unmapped_tasks++;
			continue;
		}
		const char *type = (const char *)sqlite3_column_text(st, 3);
		double w = (type && strcmp(type, "Core") == 0) ? 2.0 : 1.0;
		occ_acc *a = &acc[n - 1];
		a->w_sum += w;
		a->before += w * out->before[cat];
		a->cat_w[cat] += w;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			cat_sum[cat] += sqlite3_column_double(st, 5);
			out->n_tasks[cat]++;
		}
	}
	if (s == AC_OK && rc != SQLITE_DONE)
		s = db_error(db, diags);
	sqlite3_finalize(st);

	for (int c = 1; c <= AC_CAT__COUNT; c++)
		out->after[c] = out->n_tasks[c] ? cat_sum[c] / (double)out->n_tasks[c] : out->before[c];

	double *x = NULL, *y = NULL, *z = NULL;
	if (s == AC_OK && n > 0) {
		x = malloc(n * sizeof *x);
		y = malloc(n * sizeof *y);
		z = malloc(n * sizeof *z);
		if (!x || !y || !z)
			s = AC_ENOMEM;
	}
	if (s == AC_OK && n > 0) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			if (acc[i].w_sum <= 0)
				continue;
			double after = 0;
			for (int c = 1; c <= AC_CAT__COUNT; c++)
				after += acc[i].cat_w[c] * out->after[c];
			x[m] = acc[i].before / acc[i].w_sum;
			z[m] = after / acc[i].w_sum;
			y[m] = acc[i].beta;
			m++;
		}
		out->n_occupations = m;
		out->rho_default = spearman(x, y, m);
		out->rho_calibrated = spearman(z, y, m);
		m = 0;
		for (size_t i = 0; i < n; i++)
			if (!isnan(appl[i])) {
				x[m] = acc[i].beta;
				y[m] = appl[i];
				m++;
			}
		out->n_applicability = m;
		out->rho_applicability = spearman(x, y, m);
	}
	free(x);
	free(y);
	free(z);
	free(acc);
	free(appl);
	return s;
}
