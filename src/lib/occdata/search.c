/*
 * search.c — finding occupations by job title.  The typed words are
 * normalised like the indexed titles (words.h), expanded through the
 * abbreviations the data spells out, matched in the FTS5 title index, and
 * every matching title is scored as aicert.h documents (ac_occdata_search);
 * one row per occupation, best first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/diag.h"
#include "core/maths.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "occdata/handle.h"
#include "occdata/occdata.h"
#include "occdata/query.h"
#include "occdata/search.h"
#include "occdata/words.h"

#define SEARCH_CANDIDATES 400 /* index rows scored per search: the shortest matching titles */
#define SEARCH_OWN 40 /* occupations whose own title breaks ties */
#define SEARCH_MAX_LIMIT 100
#define SEARCH_EXPANSIONS 3 /* data-spelled abbreviations tried per word */
#define SEARCH_COMPLETIONS 32 /* title words listed for a typed word that starts them */

typedef struct {
	occ_words words; /* the typed words, rewritten and corrected */
	int corrected; /* words corrected as typos */
	occ_words expansions[OCC_MAX_WORDS][SEARCH_EXPANSIONS];
	int n_expansions[OCC_MAX_WORDS];
	size_t completion[OCC_MAX_WORDS], n_completions[OCC_MAX_WORDS]; /* title words that start with it */
	char joined[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1]; /* the words joined by spaces */
	double typo_factor; /* 0.9 for each word corrected */
} query;

typedef struct {
	char code[16];
	sqlite3_int64 title_id;
	int kind;
	double confidence;
	int exact;
	int n_titles; /* titles of the occupation that matched */
	double own; /* how well the occupation's own O*NET title matches (ties) */
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

static int by_own_code(const void *a, const void *b)
{
	return strcmp(((const occ_own_title *)a)->code, ((const occ_own_title *)b)->code);
}

/* The occupation's own title (load_own_titles), or NULL. */
static const occ_own_title *own_title(const ac_occdata *db, const char *code)
{
	occ_own_title key;
	size_t len = strnlen(code, sizeof key.code - 1);
	memcpy(key.code, code, len);
	key.code[len] = '\0';
	return bsearch(&key, db->own, db->n_own, sizeof *db->own, by_own_code);
}

/* Writes word w of the query as an FTS5 group: the word (from three
 * letters, any title word that starts with it), the initials of a run of
 * title words, or one of the abbreviations' expansions.  The title words
 * that start with it are listed one by one: FTS5 then reads only as far into
 * the index as the first SEARCH_CANDIDATES titles, where its own prefix query
 * would read every title that has one of them.  A word that starts more than
 * SEARCH_COMPLETIONS title words ("man") is left to FTS5's prefix query.
 * Words hold only letters, digits and non-ASCII bytes (words.c), and are
 * quoted besides, so no input is FTS5 syntax. */
static void fts_group(strbuf *sb, const ac_occdata *db, const query *q, int i)
{
	const char *w = q->words.w[i];
	if (strlen(w) < 3)
		sb_printf(sb, "(words:\"%s\"", w);
	else if (q->n_completions[i] > SEARCH_COMPLETIONS)
		sb_printf(sb, "(words:\"%s\"*", w);
	else {
		sb_printf(sb, "(words:\"%s\"", w);
		for (size_t k = 0; k < q->n_completions[i]; k++)
			if (strcmp(db->vocab[q->completion[i] + k], w) != 0)
				sb_printf(sb, " OR words:\"%s\"", db->vocab[q->completion[i] + k]);
	}
	if (strlen(w) >= 2 && strlen(w) <= OCC_MAX_ACRONYM) /* the index's initials are that long */
		sb_printf(sb, " OR acro:\"%s\"", w);
	for (int e = 0; e < q->n_expansions[i]; e++) {
		char phrase[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1];
		occ_words_join(&q->expansions[i][e], 0, (size_t)q->expansions[i][e].n, phrase, sizeof phrase);
		sb_printf(sb, " OR words:\"%s\"", phrase);
	}
	sb_putn(sb, ")", 1);
}

static char *fts_query(const ac_occdata *db, const query *q, const char *op)
{
	strbuf sb;
	sb_init(&sb);
	int any = 0;
	for (int i = 0; i < q->words.n; i++) {
		int again = 0; /* a word typed twice is looked up once */
		for (int j = 0; j < i && !again; j++)
			again = strcmp(q->words.w[i], q->words.w[j]) == 0;
		if (again)
			continue;
		if (any++)
			sb_printf(&sb, " %s ", op);
		fts_group(&sb, db, q, i);
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
	if (x->kind != y->kind)
		return x->kind - y->kind;
	return x->title_id < y->title_id ? -1 : x->title_id > y->title_id; /* the shorter title */
}

static int by_rank(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->n_titles != y->n_titles)
		return x->n_titles > y->n_titles ? -1 : 1;
	if (x->own != y->own)
		return x->own > y->own ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* Runs one FTS query and scores every row it returns into cand. */
static ac_status run_fts(ac_occdata *db, const query *q, const char *match, candidate *cand, size_t *n, ac_diags *diags)
{
	*n = 0;
	sqlite3_stmt *st;
	ac_status s = occ_stmt(db, OCC_Q_FTS,
			       "SELECT t.id, t.code, t.kind, t.words"
			       " FROM title_index CROSS JOIN titles t ON t.id = title_index.rowid"
			       " WHERE title_index MATCH ?1 LIMIT ?2",
			       &st, diags);
	if (s != AC_OK)
		return s;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, SEARCH_CANDIDATES);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < SEARCH_CANDIDATES) {
		candidate *c = &cand[*n];
		const unsigned char *code = sqlite3_column_text(st, 1);
		const unsigned char *words = sqlite3_column_text(st, 3);
		if (!code || !words) { /* NOT NULL columns: SQLite ran out of memory */
			occ_stmt_done(st);
			return ac_diags_oom(diags, db->path, "searching titles");
		}
		size_t code_len = strnlen((const char *)code, sizeof c->code - 1);
		memcpy(c->code, code, code_len);
		c->code[code_len] = '\0';
		c->title_id = sqlite3_column_int64(st, 0);
		c->own = 0;
		c->kind = sqlite3_column_int(st, 2);
		c->n_titles = 1;
		(*n)++;
		const occ_own_title *o = c->kind == OCC_TITLE ? own_title(db, c->code) : NULL;
		if (o && o->head && strcmp(o->head, q->joined) == 0) {
			/* "Secondary School Teachers, Except ...": the title's head. */
			c->confidence = round(0.97 * q->typo_factor * 100.0) / 100.0;
			c->exact = 1;
			continue;
		}
		occ_words t;
		occ_words_split((const char *)words, &t);
		/* A corrected typo makes the match less certain. */
		c->confidence = round(score_title(q, &t, c->kind, &c->exact) * q->typo_factor * 100.0) / 100.0;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = occ_db_error(db, diags);
	occ_stmt_done(st);
	return s;
}

/* The data-spelled expansions of every typed word ("ad" -> "advertising"). */
static ac_status expand_words(ac_occdata *db, query *q, ac_diags *diags)
{
	sqlite3_stmt *st;
	ac_status s = occ_stmt(
		db, OCC_Q_ABBR,
		"SELECT expansion FROM abbreviations WHERE abbr = ?1 ORDER BY n DESC, expansion LIMIT ?2", &st, diags);
	for (int i = 0; s == AC_OK && i < q->words.n; i++) {
		q->n_expansions[i] = 0;
		sqlite3_bind_text(st, 1, q->words.w[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, SEARCH_EXPANSIONS);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && q->n_expansions[i] < SEARCH_EXPANSIONS) {
			const unsigned char *e = sqlite3_column_text(st, 0);
			if (!e) { /* a NOT NULL column: SQLite ran out of memory */
				occ_stmt_done(st);
				return ac_diags_oom(diags, db->path, "searching titles");
			}
			occ_words_parse((const char *)e, &q->expansions[i][q->n_expansions[i]++]);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			s = occ_db_error(db, diags);
		occ_stmt_done(st);
	}
	return s;
}

/* One row per occupation: its best title, and how many of its titles
 * matched; then ranked.  Returns how many occupations remain. */
static size_t one_per_occupation(candidate *cand, size_t nc)
{
	size_t n_occ = 0;
	if (nc == 0)
		return 0;
	qsort(cand, nc, sizeof *cand, by_code_then_score);
	for (size_t i = 0; i < nc; i++) {
		if (n_occ > 0 && strcmp(cand[n_occ - 1].code, cand[i].code) == 0) {
			cand[n_occ - 1].n_titles++;
			continue;
		}
		cand[n_occ++] = cand[i];
	}
	return n_occ;
}

/* Reads every occupation's own title once per handle, sorted by code. */
static ac_status load_own_titles(ac_occdata *db, ac_diags *diags)
{
	if (db->own_loaded)
		return AC_OK;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, "SELECT code, words, title FROM titles WHERE kind = 1 ORDER BY code", -1, &st,
			       NULL) != SQLITE_OK)
		return occ_db_error(db, diags);
	size_t cap = 0;
	int rc, oom = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *code = sqlite3_column_text(st, 0), *words = sqlite3_column_text(st, 1);
		const unsigned char *title = sqlite3_column_text(st, 2);
		if (!code || !words || !title) { /* NOT NULL columns: SQLite ran out of memory */
			oom = 1;
			break;
		}
		if (db->n_own == cap) {
			size_t nc = cap ? cap * 2 : 1024;
			occ_own_title *nv = realloc(db->own, nc * sizeof *nv);
			if (!nv) {
				oom = 1;
				break;
			}
			db->own = nv;
			cap = nc;
		}
		occ_own_title *o = &db->own[db->n_own];
		snprintf(o->code, sizeof o->code, "%s", (const char *)code);
		o->head = NULL;
		if (!(o->words = strdup((const char *)words))) {
			oom = 1;
			break;
		}
		db->n_own++;
		/* "Secondary School Teachers" of "Secondary School Teachers, Except
		 * Special and Career/Technical Education". */
		const char *comma = strchr((const char *)title, ',');
		if (comma && comma - (const char *)title < 256) {
			char head[256], joined[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1];
			occ_words h;
			memcpy(head, title, (size_t)(comma - (const char *)title));
			head[comma - (const char *)title] = '\0';
			occ_words_parse(head, &h);
			occ_words_join(&h, 0, (size_t)h.n, joined, sizeof joined);
			oom = !(o->head = strdup(joined));
		}
	}
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		ac_status s =
			oom ? ac_diags_oom(diags, db->path, "reading the occupation titles") : occ_db_error(db, diags);
		for (size_t i = 0; i < db->n_own; i++) {
			free(db->own[i].words);
			free(db->own[i].head);
		}
		free(db->own);
		db->own = NULL;
		db->n_own = 0;
		return s;
	}
	/* SQLite's order is byte order already; sorting keeps bsearch right
	 * whatever the collation. */
	qsort(db->own, db->n_own, sizeof *db->own, by_own_code);
	db->own_loaded = 1;
	return AC_OK;
}

/* How well each occupation's own O*NET title matches the query: what breaks
 * a tie between equally good titles of several occupations ("Call Center
 * Supervisor" is an alternate title of two; the one whose own title speaks
 * of supervisors comes first).  Then ranks. */
static void rank_occupations(const ac_occdata *db, const query *q, candidate *cand, size_t n_occ)
{
	qsort(cand, n_occ, sizeof *cand, by_rank); /* own is 0 for all: by confidence, then titles */
	size_t n_own = n_occ < SEARCH_OWN ? n_occ : SEARCH_OWN;
	for (size_t i = 0; i < n_own; i++) {
		const occ_own_title *o = own_title(db, cand[i].code);
		cand[i].own = 0;
		if (o) {
			occ_words t;
			int exact;
			occ_words_split(o->words, &t);
			cand[i].own = score_title(q, &t, OCC_TITLE, &exact);
		}
	}
	qsort(cand, n_own, sizeof *cand, by_rank);
}

/* The matches handed out: codes, the matched title and the occupation's. */
static ac_status pick_matches(ac_occdata *db, const candidate *cand, size_t take, ac_occ_match *m, ac_diags *diags)
{
	sqlite3_stmt *st;
	ac_status s =
		occ_stmt(db, OCC_Q_PICK,
			 "SELECT t.title, o.title FROM titles t JOIN occupations o ON o.code = t.code WHERE t.id = ?1",
			 &st, diags);
	int oom = 0;
	for (size_t i = 0; s == AC_OK && !oom && i < take; i++) {
		sqlite3_bind_int64(st, 1, cand[i].title_id);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			if (rc == SQLITE_DONE)
				ac_diags_add(diags, db->path, NULL, 0, 0,
					     "the occupation database is damaged (title %lld"
					     " has no occupation): %s",
					     (long long)cand[i].title_id, ac_occdata_install_hint());
			s = rc == SQLITE_DONE ? AC_EIO : occ_db_error(db, diags);
			break;
		}
		m[i].code = strdup(cand[i].code);
		m[i].matched = occ_dup_text(st, 0, &oom);
		m[i].title = occ_dup_text(st, 1, &oom);
		m[i].confidence = cand[i].confidence;
		m[i].via = kind_name(cand[i].kind);
		oom |= !m[i].code || !m[i].matched || !m[i].title;
		occ_stmt_done(st);
	}
	occ_stmt_done(st);
	return oom ? ac_diags_oom(diags, db->path, "searching titles") : s;
}

const ac_occ_match *ac_occ_matches_at(const ac_occ_match *m, size_t i)
{
	return m ? &m[i] : NULL;
}

const char *ac_occ_match_code(const ac_occ_match *m)
{
	return m ? m->code : NULL;
}

const char *ac_occ_match_title(const ac_occ_match *m)
{
	return m ? m->title : NULL;
}

const char *ac_occ_match_matched(const ac_occ_match *m)
{
	return m ? m->matched : NULL;
}

double ac_occ_match_confidence(const ac_occ_match *m)
{
	return m ? m->confidence : 0;
}

const char *ac_occ_match_via(const ac_occ_match *m)
{
	return m ? m->via : NULL;
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

ac_status ac_occdata_search(ac_occdata *db, const char *words, size_t limit, ac_occ_match **out, size_t *n,
			    ac_diags *diags)
{
	*out = NULL;
	*n = 0;
	if (!db)
		return occ_no_data(diags);
	if (!words) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "no search words were given: type words of a job title");
		return AC_EINPUT;
	}
	if (strlen(words) > AC_MAX_STRING) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the search words are longer than %d bytes", AC_MAX_STRING);
		return AC_EINPUT;
	}
	query *q = calloc(1, sizeof *q);
	if (!q)
		return ac_diags_oom(diags, NULL, "searching titles");
	occ_words_parse(words, &q->words);
	occ_query_rewrite(&q->words);
	if (q->words.n == 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "nothing to search for in '%.*s': type words of a job title",
			     (int)ac_utf8_quote_len(words, 64), words);
		free(q);
		return AC_EINPUT;
	}
	candidate *cand = malloc(SEARCH_CANDIDATES * sizeof *cand);
	if (!cand) {
		free(q);
		return ac_diags_oom(diags, NULL, "searching titles");
	}
	if (limit == 0)
		limit = 10;
	if (limit > SEARCH_MAX_LIMIT)
		limit = SEARCH_MAX_LIMIT;
	size_t nc = 0;
	/* One read transaction for the whole search: SQLite takes and checks
	 * the file's lock once instead of once per statement. */
	int own_txn = sqlite3_get_autocommit(db->db) != 0;
	ac_status s = own_txn && sqlite3_exec(db->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ? occ_db_error(db, diags)
											      : AC_OK;
	if (s == AC_OK)
		s = occ_query_correct(db, &q->words, &q->corrected, diags);
	if (s == AC_OK)
		s = expand_words(db, q, diags);
	for (int i = 0; s == AC_OK && i < q->words.n; i++)
		s = occ_query_completions(db, q->words.w[i], &q->completion[i], &q->n_completions[i], diags);
	if (s == AC_OK)
		s = load_own_titles(db, diags);
	occ_words_join(&q->words, 0, (size_t)q->words.n, q->joined, sizeof q->joined);
	q->typo_factor = 1;
	if (s == AC_OK && q->corrected) {
		if (ac_maths_load(diags, "searching titles"))
			q->typo_factor = ac_maths.pow(0.9, q->corrected);
		else
			s = AC_EIO;
	}
	/* Every word first; when no title has them all, any of them. */
	for (int pass = 0; s == AC_OK && pass < 2 && nc == 0; pass++) {
		char *match = fts_query(db, q, pass == 0 ? "AND" : "OR");
		if (!match) {
			s = ac_diags_oom(diags, NULL, "searching titles");
			break;
		}
		s = run_fts(db, q, match, cand, &nc, diags);
		free(match);
		if (pass == 0 && q->words.n == 1)
			break;
	}
	size_t n_occ = s == AC_OK ? one_per_occupation(cand, nc) : 0;
	if (s == AC_OK)
		rank_occupations(db, q, cand, n_occ);
	size_t take = n_occ < limit ? n_occ : limit;
	ac_occ_match *m = take ? calloc(take, sizeof *m) : NULL;
	if (take && !m)
		s = ac_diags_oom(diags, NULL, "searching titles");
	if (s == AC_OK)
		s = pick_matches(db, cand, take, m, diags);
	if (own_txn && !sqlite3_get_autocommit(db->db) &&
	    sqlite3_exec(db->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		if (s == AC_OK)
			s = occ_db_error(db, diags);
		sqlite3_exec(db->db, "ROLLBACK", NULL, NULL, NULL);
	}
	free(q);
	free(cand);
	if (s != AC_OK) {
		ac_occ_matches_free(m, take);
		return s;
	}
	*out = m;
	*n = take;
	return AC_OK;
}
