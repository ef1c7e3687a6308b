/*
 * query.c — what a typed job title becomes before the title search: words
 * people type rewritten into the words O*NET's titles use (data/titles.txt:
 * abbreviations, British spellings, plain job words), and a typed word the
 * title index does not know replaced by the index word one or two letters
 * away from it (a typo).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sqlite.h"

#include "core/diag.h"
#include "occdata/handle.h"
#include "occdata/query.h"

extern const char ac_embedded_titles[];
extern const size_t ac_embedded_titles_len;

/* The next line of the table into line (without its end), advancing *p;
 * 0 at the end. */
static int next_line(const char **p, const char *end, char *line, size_t size)
{
	if (*p >= end)
		return 0;
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t n = (size_t)((nl ? nl : end) - *p);
	size_t k = n < size - 1 ? n : size - 1;
	memcpy(line, *p, k);
	line[k] = '\0';
	*p = nl ? nl + 1 : end;
	return 1;
}

/* Splits "typed = title words" into its two sides; 0 for a comment, a blank
 * or a malformed line. */
static int split_entry(char *line, occ_words *from, occ_words *to)
{
	if (line[0] == '#')
		return 0;
	char *eq = strchr(line, '=');
	if (!eq)
		return 0;
	*eq = '\0';
	occ_words_parse(line, from);
	occ_words_parse(eq + 1, to);
	return from->n > 0 && to->n > 0;
}

static int words_at(const occ_words *q, int i, const occ_words *w)
{
	if (i + w->n > q->n)
		return 0;
	for (int k = 0; k < w->n; k++)
		if (strcmp(q->w[i + k], w->w[k]) != 0)
			return 0;
	return 1;
}

int occ_query_rewrite(occ_words *q)
{
	/* For each position, the longest typed phrase of the table found there:
	 * its length and where its line starts. */
	int len[OCC_MAX_WORDS] = {0};
	size_t at[OCC_MAX_WORDS] = {0};
	const char *p = ac_embedded_titles, *end = ac_embedded_titles + ac_embedded_titles_len;
	char line[512];
	occ_words from, to;
	int any = 0;
	while (1) {
		size_t start = (size_t)(p - ac_embedded_titles);
		if (!next_line(&p, end, line, sizeof line))
			break;
		if (!split_entry(line, &from, &to))
			continue;
		for (int i = 0; i < q->n; i++)
			if (from.n > len[i] && words_at(q, i, &from)) {
				len[i] = from.n;
				at[i] = start;
				any = 1;
			}
	}
	if (!any)
		return 0;
	occ_words out;
	out.n = 0;
	for (int i = 0; i < q->n;) {
		if (!len[i]) {
			if (out.n < OCC_MAX_WORDS)
				memcpy(out.w[out.n++], q->w[i], sizeof q->w[i]);
			i++;
			continue;
		}
		const char *lp = ac_embedded_titles + at[i];
		next_line(&lp, end, line, sizeof line);
		split_entry(line, &from, &to);
		for (int k = 0; k < to.n && out.n < OCC_MAX_WORDS; k++)
			memcpy(out.w[out.n++], to.w[k], sizeof to.w[k]);
		i += len[i];
	}
	*q = out;
	return 1;
}

/* ------------------------------------------------------------ typos */

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the title words once per handle, sorted, into one block. */
static ac_status load_vocab(ac_occdata *db, ac_diags *diags)
{
	if (db->vocab_loaded)
		return AC_OK;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, "SELECT word, titles FROM title_words ORDER BY word", -1, &st, NULL) !=
	    SQLITE_OK)
		return occ_db_error(db, diags);
	size_t cap = 0, text_cap = 0, text_len = 0;
	size_t *offset = NULL;
	int rc, oom = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		if (!t) { /* a NOT NULL column: SQLite ran out of memory */
			oom = 1;
			break;
		}
		size_t len = strlen((const char *)t) + 1;
		if (db->n_vocab == cap) {
			size_t nc = cap ? cap * 2 : 8192;
			size_t *no = realloc(offset, nc * sizeof *no);
			int *nd = no ? realloc(db->vocab_titles, nc * sizeof *nd) : NULL;
			if (no)
				offset = no;
			if (!no || !nd) {
				oom = 1;
				break;
			}
			db->vocab_titles = nd;
			cap = nc;
		}
		if (text_len + len > text_cap) {
			size_t nc = text_cap ? text_cap * 2 : 65536;
			while (nc < text_len + len)
				nc *= 2;
			char *nt = realloc(db->vocab_text, nc);
			if (!nt) {
				oom = 1;
				break;
			}
			db->vocab_text = nt;
			text_cap = nc;
		}
		memcpy(db->vocab_text + text_len, t, len);
		offset[db->n_vocab] = text_len;
		text_len += len;
		db->vocab_titles[db->n_vocab++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (!oom && rc == SQLITE_DONE && db->n_vocab) {
		db->vocab = malloc(db->n_vocab * sizeof *db->vocab);
		oom = !db->vocab;
		for (size_t i = 0; !oom && i < db->n_vocab; i++)
			db->vocab[i] = db->vocab_text + offset[i];
	}
	free(offset);
	if (oom || rc != SQLITE_DONE) {
		free(db->vocab_text);
		free(db->vocab_titles);
		db->vocab_text = NULL;
		db->vocab_titles = NULL;
		db->n_vocab = 0;
		return oom ? ac_diags_oom(diags, db->path, "reading the title words") : occ_db_error(db, diags);
	}
	/* SQLite's order is byte order (the key's collation); checking keeps
	 * the binary searches right whatever it is. */
	for (size_t i = 1; i < db->n_vocab; i++)
		if (strcmp(db->vocab[i - 1], db->vocab[i]) >= 0) {
			ac_diags_add(diags, db->path, NULL, 0, 0,
				     "the occupation database is damaged (its title words"
				     " are out of order): %s",
				     ac_occdata_install_hint());
			return AC_EIO;
		}
	db->vocab_loaded = 1;
	return AC_OK;
}

ac_status occ_query_completions(ac_occdata *db, const char *w, size_t *first, size_t *count, ac_diags *diags)
{
	*first = *count = 0;
	ac_status s = load_vocab(db, diags);
	if (s != AC_OK)
		return s;
	size_t len = strlen(w), lo = 0, hi = db->n_vocab;
	while (lo < hi) { /* the first word not below w */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(db->vocab[mid], w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo < db->n_vocab && strncmp(db->vocab[lo], w, len) == 0)
		lo++;
	*count = lo - *first;
	return AC_OK;
}

static int known(const ac_occdata *db, const char *w)
{
	return db->n_vocab && bsearch(&w, db->vocab, db->n_vocab, sizeof *db->vocab, by_string) != NULL;
}

/* The edit distance between a and b (insertions, deletions, substitutions
 * and swaps of neighbours), or max + 1 once it exceeds max. */
static int distance(const char *a, const char *b, int max)
{
	int n = (int)strlen(a), m = (int)strlen(b);
	if (abs(n - m) > max || n > OCC_MAX_WORD || m > OCC_MAX_WORD)
		return max + 1;
	int d[OCC_MAX_WORD + 2][OCC_MAX_WORD + 2];
	for (int i = 0; i <= n; i++)
		d[i][0] = i;
	for (int j = 0; j <= m; j++)
		d[0][j] = j;
	for (int i = 1; i <= n; i++) {
		int row_min = max + 1;
		for (int j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max)
			return max + 1;
	}
	return d[n][m];
}

ac_status occ_query_correct(ac_occdata *db, occ_words *q, int *corrected, ac_diags *diags)
{
	*corrected = 0;
	ac_status s = AC_OK;
	for (int i = 0; s == AC_OK && i < q->n; i++) {
		const char *w = q->w[i];
		size_t len = strlen(w);
		if (len < 5)
			continue; /* short words are abbreviations more often than typos */
		if ((s = load_vocab(db, diags)) != AC_OK || known(db, w))
			continue;
		int max = len >= 8 ? 2 : 1, best_d = max + 1, best_n = -1;
		size_t best = 0;
		for (size_t k = 0; k < db->n_vocab; k++) {
			/* A typo seldom touches both of the first two letters. */
			const char *v = db->vocab[k];
			if (v[0] != w[0] && (v[0] == '\0' || v[1] != w[1]))
				continue;
			int dk = distance(w, db->vocab[k], best_d < max ? best_d : max);
			if (dk < best_d || (dk == best_d && dk <= max && db->vocab_titles[k] > best_n)) {
				best_d = dk;
				best_n = db->vocab_titles[k];
				best = k;
			}
		}
		if (best_d <= max) {
			snprintf(q->w[i], sizeof q->w[i], "%s", db->vocab[best]);
			(*corrected)++;
		}
	}
	return s;
}
