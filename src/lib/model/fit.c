/*
 * fit.c — how well a certificate fits the person: gap fit (how much of the
 * named gap it teaches) and role fit (how well it maps to the role the person
 * wants), each a score from words weighted by how rare they are across the
 * catalogue, the synonyms of data/synonyms.txt and the certificate's level
 * against the person's; and the one test of whether a named certificate fits
 * or misses, built on them.  Deterministic and ASCII
 * case-folding only; other bytes compare as they are, so UTF-8 text matches
 * itself.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/tri.h"
#include "input/words.h"
#include "model/fit.h"
#include "occdata/occupation.h"
#include "policy/policy.h"

#define MAX_WORDS AC_WORDS_MAX
#define MAX_WORD AC_WORD_MAX

typedef struct fit_words {
	char w[MAX_WORDS][MAX_WORD];
	unsigned char len[MAX_WORDS];
	int n;
} words;

static void split(const char *s, words *out)
{
	out->n = 0;
	while (out->n < MAX_WORDS) {
		while (*s && !ac_word_byte((unsigned char)*s))
			s++;
		if (!*s)
			break;
		char *w = out->w[out->n];
		int len = 0;
		for (unsigned char c; (c = ac_word_byte((unsigned char)*s)) != 0; s++)
			if (len < MAX_WORD - 1)
				w[len++] = (char)c;
		w[len] = '\0';
		out->len[out->n] = (unsigned char)len;
		out->n++;
	}
}

/* The words of s that say something about the role (the person's text
 * that role fit matches, split once per text). */
static void split_significant(const char *s, words *out)
{
	split(s, out);
	int k = 0;
	for (int i = 0; i < out->n; i++) {
		if (ac_word_insignificant(out->w[i], out->len[i]))
			continue;
		if (k != i) {
			memcpy(out->w[k], out->w[i], (size_t)out->len[i] + 1);
			out->len[k] = out->len[i];
		}
		k++;
	}
	out->n = k;
}

int ac_text_has_phrase(const char *text, const char *phrase)
{
	words t, p;
	split(text, &t);
	split(phrase, &p);
	if (!p.n)
		return 0;
	for (int i = 0; i + p.n <= t.n; i++) {
		int j = 0;
		while (j < p.n && strcmp(t.w[i + j], p.w[j]) == 0)
			j++;
		if (j == p.n)
			return 1;
	}
	return 0;
}

static int contains_word(const words *ws, const char *w, size_t len)
{
	for (int i = 0; i < ws->n; i++)
		if (ws->len[i] == len && memcmp(ws->w[i], w, len) == 0)
			return 1;
	return 0;
}

static int all_significant_in(const words *small, const words *big)
{
	int any = 0;
	for (int i = 0; i < small->n; i++) {
		if (ac_word_insignificant(small->w[i], small->len[i]))
			continue;
		any = 1;
		if (!contains_word(big, small->w[i], small->len[i]))
			return 0;
	}
	return any;
}

static int words_match(const words *wa, const char *b)
{
	words wb;
	split(b, &wb);
	return all_significant_in(wa, &wb) || all_significant_in(&wb, wa);
}

/* Whether packed words (ac_words_pack) hold the word of len bytes. */
static int packed_has(const char *packed, const char *w, size_t len)
{
	for (const unsigned char *p = (const unsigned char *)packed; *p; p += 1 + *p)
		if (*p == len && memcmp(p + 1, w, len) == 0)
			return 1;
	return 0;
}

/* words_match, for the significant words wa (split_significant) and b's
 * packed when the catalogue loaded (which leaves the others out). */
static int words_match_packed(const words *wa, const char *packed)
{
	int all = wa->n > 0;
	for (int i = 0; i < wa->n && all; i++)
		all = packed_has(packed, wa->w[i], wa->len[i]);
	if (all)
		return 1;
	for (const unsigned char *p = (const unsigned char *)packed; *p; p += 1 + *p)
		if (!contains_word(wa, (const char *)p + 1, *p))
			return 0;
	return *packed != '\0';
}

int ac_roles_match(const char *a, const char *b)
{
	words wa;
	split(a, &wa);
	return words_match(&wa, b);
}

/* ------------------------------------------------------------ certificate fit */

void ac_fit_free(ac_fit *f)
{
	for (size_t i = 0; i < f->n_matched; i++)
		free(f->matched[i]);
	free(f->matched);
	memset(f, 0, sizeof *f);
}

void ac_person_of(const ac_profile *p, const ac_occupation *occ, const ac_policy *pol, ac_person *out)
{
	memset(out, 0, sizeof *out);
	if (p->role.ladder_level >= 1 && p->role.ladder_level <= 5)
		out->level = p->role.ladder_level;
	else if (occ && occ->job_zone >= 1 && occ->job_zone <= 5)
		out->level = occ->job_zone;
	double all = 0, build = 0;
	for (size_t i = 0; i < p->role.n_tasks; i++) {
		const ac_task *t = &p->role.tasks[i];
		if (!t->category || t->share <= 0)
			continue;
		all += t->share;
		if (t->category == AC_CAT_SOFTWARE_DEVELOPMENT || t->category == AC_CAT_SYSTEM_DESIGN)
			build += t->share;
	}
	out->technical = all > 0 && pol->fit_set ? ac_tri_of(build / all >= pol->technical_from) : AC_UNKNOWN;
}

/* How much a term counts: the log of how many entries there are for each
 * entry naming it, less log 2, so a term more than half the entries name
 * counts for nothing.  A term no entry names counts as if one did when the
 * certificate itself names it (a certificate the profile describes). */
static double weight(const ac_term_counts *counts, const ac_term_counts *taught, const char *term, int in_doc)
{
	/* A term no entry teaches could not be covered by any: it is left out. */
	if (!in_doc && taught && taught->docs >= 4 && !ac_term_counts_df(taught, term))
		return 0;
	int df = ac_term_counts_df(counts, term);
	double docs = counts ? (double)counts->docs : 0;
	if (docs < 4) /* too few entries to tell rare words from common ones */
		return 1;
	if (!df) {
		if (!in_doc)
			return 0;
		df = 1;
	}
	return counts->idf[df]; /* log(docs / 2 df), or 0 (input/terms.h) */
}

/* The terms a fit matched, heaviest first (at most 64 kept). */
typedef struct {
	double wts[64];
	const char *names[64];
	size_t n;
} hits;

static void hit_add(hits *h, double w, const char *name)
{
	if (h->n >= 64)
		return;
	size_t k = h->n++;
	while (k > 0 && h->wts[k - 1] < w) {
		h->wts[k] = h->wts[k - 1];
		h->names[k] = h->names[k - 1];
		k--;
	}
	h->wts[k] = w;
	h->names[k] = name;
}

/* The score hit / total, with the matched terms as evidence: each matched
 * phrase once, not again inside a longer one ("ml models", not also
 * "models" and "ml").  Unset when nothing weighs and doc_n is 0. */
static ac_status settle_score(double total, double hit, const hits *h, size_t doc_n, ac_fit *out)
{
	if (total <= 0 && !doc_n)
		return AC_OK; /* nothing to compare */
	out->score.set = 1;
	if (total <= 0)
		return AC_OK; /* nothing in the wanted text that any entry names */
	out->score.v = hit / total;
	for (size_t i = 0; i < h->n; i++) {
		int inside = 0;
		for (size_t j = 0; j < h->n && !inside; j++)
			inside = j != i && strlen(h->names[j]) > strlen(h->names[i]) &&
				 ac_text_has_phrase(h->names[j], h->names[i]);
		for (size_t j = 0; j < i && !inside; j++)
			inside = strcmp(h->names[j], h->names[i]) == 0;
		if (!inside && !ac_list_push(&out->matched, &out->n_matched, strdup(h->names[i])))
			return AC_ENOMEM;
	}
	return AC_OK;
}

/* The share of the wanted text's weight that doc covers, with the terms
 * matched (by weight, heaviest first).  Unset when nothing weighs. */
static ac_status coverage(const ac_termset *want, const ac_termset *doc, const ac_term_counts *counts,
			  const ac_term_counts *taught, ac_fit *out)
{
	double total = 0, hit = 0;
	hits h;
	h.n = 0;
	for (size_t i = 0; i < want->n; i++) {
		int in_doc = ac_termset_has(doc, want->t[i]);
		double w = weight(counts, taught, want->t[i], in_doc);
		total += w;
		if (in_doc && w > 0) {
			hit += w;
			hit_add(&h, w, want->shown[i]);
		}
	}
	return settle_score(total, hit, &h, doc->n, out);
}

/* coverage() for a document of the catalogue given as places in the counts
 * the want was weighed by (see score_of): the same sums in the same order,
 * and the same evidence, without looking a term up. */
static ac_status coverage_weighed(const ac_fit_want *w, const ac_term_ids *doc, ac_fit *out)
{
	double total = 0, hit = 0;
	hits h;
	h.n = 0;
	for (size_t i = 0; i < w->set.n; i++) {
		int in_doc = w->id[i] >= 0 && ac_term_ids_has(doc, w->id[i]);
		double wt = in_doc ? w->w_in[i] : w->w_out[i];
		total += wt;
		if (in_doc && wt > 0) {
			hit += wt;
			hit_add(&h, wt, w->set.shown[i]);
		}
	}
	return settle_score(total, hit, &h, doc->n, out);
}

/* The level factor and the fits test, once the score is known. */
static void settle(const ac_policy *pol, const ac_cert *c, const ac_person *who, ac_fit *out)
{
	if (!out->score.set) {
		out->fits = AC_UNKNOWN;
		return;
	}
	/* A policy without [fit]: every level suits, and half the gap fits. */
	int lo = pol->fit_set && c->level ? pol->level_lo[c->level] : 0;
	int hi = pol->fit_set && c->level ? pol->level_hi[c->level] : 0;
	if (who && who->level && lo && (who->level < lo || who->level > hi))
		out->off_level = 1;
	if (who && pol->fit_set && c->domain && pol->technical_domain[c->domain] && who->technical == AC_FALSE)
		out->off_domain = 1;
	if (out->off_level || out->off_domain)
		out->score.v *= pol->off_level;
	out->fits = ac_tri_of(out->score.v >= (pol->fit_set ? pol->fit_from : 0.5));
}

static void want_free(ac_fit_want *w)
{
	free(w->text);
	ac_termset_free(&w->set);
	free(w->id);
	free(w->w_in);
	free(w->w_out);
	free(w->words);
	memset(w, 0, sizeof *w);
}

void ac_fit_memo_own(ac_fit_memo *m, const ac_cert *own)
{
	for (unsigned i = 0; i < m->n_own_seen; i++) {
		free(m->own_seen[i].gap);
		free(m->own_seen[i].role);
	}
	m->n_own_seen = m->own_next = 0;
	ac_termset_free(&m->own_taught);
	m->own_taught_made = 0;
	for (size_t i = 0; i < m->n_own_roles; i++)
		ac_termset_free(&m->own_roles[i]);
	free(m->own_roles);
	m->own_roles = NULL;
	m->n_own_roles = 0;
	m->own = own;
}

void ac_fit_memo_free(ac_fit_memo *m)
{
	ac_fit_memo_own(m, NULL);
	want_free(&m->gap);
	want_free(&m->role);
	free(m->tris);
	free(m->key_gap);
	free(m->key_role);
	memset(m, 0, sizeof *m);
}

/* The terms of text: the memo's when it holds them, else made and kept in
 * the memo, or in *own (which the caller frees) when there is no memo or no
 * room.  NULL when memory ran out. */
static const ac_termset *want_terms(const ac_terms *T, ac_fit_want *w, const char *text, ac_termset *own)
{
	if (w && w->text && strcmp(w->text, text) == 0)
		return &w->set;
	ac_termset fresh = {0};
	ac_terms_of(T, text, &fresh);
	if (fresh.nomem) {
		ac_termset_free(&fresh);
		return NULL;
	}
	char *copy = w ? strdup(text) : NULL;
	if (!copy) {
		*own = fresh;
		return own;
	}
	unsigned gen = w->gen;
	want_free(w);
	w->gen = gen + 1;
	w->text = copy;
	w->set = fresh;
	return &w->set;
}

static int weigh(ac_fit_want *w, const ac_term_counts *counts, const ac_term_counts *taught);

/* The memo's want w, weighed by counts (and taught), when it holds the
 * terms want points to and ids (a catalogue entry's, or NULL) are there to
 * score against; else NULL: coverage() looks each term up instead. */
static ac_fit_want *weighed(ac_fit_want *w, const ac_termset *want, const void *ids, const ac_term_counts *counts,
			    const ac_term_counts *taught)
{
	return w && ids && want == &w->set && weigh(w, counts, taught) ? w : NULL;
}

ac_status ac_gap_fit(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const char *gap,
		     const ac_person *who, ac_fit_memo *memo, ac_fit *out)
{
	memset(out, 0, sizeof *out);
	out->fits = AC_UNKNOWN;
	if (!gap || !*gap || !c || (!c->n_keywords && !c->domain))
		return AC_OK; /* no gap named, or nothing the certificate says it teaches */
	const ac_terms *T = ac_catalogue_terms(cat);
	ac_termset own_want = {0}, own_doc = {0};
	const ac_termset *want = want_terms(T, memo ? &memo->gap : NULL, gap, &own_want);
	/* A certificate without keywords of its own (one a profile describes)
	 * is taken to teach its domain's words. */
	const char *dk = !c->n_keywords && c->domain ? pol->domain_keywords[c->domain] : NULL;
	const ac_termset *doc = dk ? NULL : ac_catalogue_taught_terms(cat, c);
	int made = !doc; /* made here (or kept by the memo), not the catalogue's */
	int own = made && memo && c == memo->own; /* the memo keeps them */
	if (own && memo->own_taught_made)
		doc = &memo->own_taught;
	if (!doc) {
		ac_cert_terms(T, c, 0, &own_doc, NULL);
		char *copy = dk ? strdup(dk) : NULL, *save = NULL;
		if (dk && !copy)
			own_doc.nomem = 1;
		for (char *w = copy ? strtok_r(copy, ",", &save) : NULL; w; w = strtok_r(NULL, ",", &save))
			ac_terms_of(T, w, &own_doc);
		free(copy);
		doc = &own_doc;
		if (own && !own_doc.nomem) { /* kept for the what-ifs to come */
			memo->own_taught = own_doc;
			memo->own_taught_made = 1;
			memset(&own_doc, 0, sizeof own_doc);
			doc = &memo->own_taught;
		}
	}
	const ac_term_counts *by_word = ac_catalogue_counts(cat, AC_COUNT_WORDS),
			     *taught = ac_catalogue_counts(cat, AC_COUNT_TAUGHT);
	const ac_term_ids *ids = made ? NULL : ac_catalogue_taught_ids(cat, c);
	ac_fit_want *w = weighed(memo ? &memo->gap : NULL, want, ids, by_word, taught);
	ac_status st = !want || doc->nomem ? AC_ENOMEM
		       : w                 ? coverage_weighed(w, ids, out)
					   : coverage(want, doc, by_word, taught, out);
	ac_termset_free(&own_want);
	ac_termset_free(&own_doc);
	if (st == AC_OK)
		settle(pol, c, who, out);
	return st;
}

/* The terms of each role of c when it is the memo's own certificate: the
 * memo's, made the first time; NULL when c is not (or memory ran out). */
static const ac_termset *own_role_terms(const ac_terms *T, const ac_cert *c, ac_fit_memo *memo)
{
	if (!memo || c != memo->own)
		return NULL;
	if (memo->own_roles)
		return memo->own_roles;
	ac_termset *sets = calloc(c->n_roles, sizeof *sets);
	int nomem = !sets;
	for (size_t i = 0; !nomem && i < c->n_roles; i++) {
		ac_terms_of(T, c->roles[i], &sets[i]);
		nomem = sets[i].nomem;
	}
	if (nomem) {
		for (size_t i = 0; sets && i < c->n_roles; i++)
			ac_termset_free(&sets[i]);
		free(sets);
		return NULL;
	}
	memo->own_roles = sets;
	memo->n_own_roles = c->n_roles;
	return sets;
}

ac_status ac_role_fit(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const ac_profile *p,
		      const ac_person *who, ac_fit_memo *memo, ac_fit *out, const char **matched_role)
{
	memset(out, 0, sizeof *out);
	out->fits = AC_UNKNOWN;
	const char *target = p->trajectory.target_role;
	const char *want_text = target && *target ? target : p->role.title;
	if (!c || !c->n_roles || !want_text || !*want_text)
		return AC_OK;
	const ac_terms *T = ac_catalogue_terms(cat);
	const ac_term_counts *counts = ac_catalogue_counts(cat, AC_COUNT_ROLES);
	ac_termset own_want = {0};
	const ac_termset *want = want_terms(T, memo ? &memo->role : NULL, want_text, &own_want);
	const ac_termset *kept = ac_catalogue_role_terms(cat, c);
	const ac_term_ids *ids = kept ? ac_catalogue_role_ids(cat, c) : NULL;
	const char *const *packed = kept ? ac_catalogue_role_words(cat, c) : NULL;
	const ac_termset *own_roles = kept ? NULL : own_role_terms(T, c, memo);
	ac_fit_want *w = weighed(memo ? &memo->role : NULL, want, ids, counts, NULL);
	if (w && !w->words && (w->words = malloc(sizeof *w->words)) != NULL)
		split_significant(want_text, w->words); /* for words_match, once per text */
	ac_status st = want ? AC_OK : AC_ENOMEM;
	/* The best of the certificate's roles. */
	for (size_t i = 0; st == AC_OK && i < c->n_roles; i++) {
		int seen = 0; /* the same role twice scores the same */
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(c->roles[j], c->roles[i]) == 0;
		if (seen)
			continue;
		ac_fit one = {0};
		ac_termset own_doc = {0};
		const ac_termset *doc = kept ? &kept[i] : own_roles ? &own_roles[i] : &own_doc;
		if (!kept && !own_roles)
			ac_terms_of(T, c->roles[i], &own_doc);
		st = doc->nomem ? AC_ENOMEM
		     : w        ? coverage_weighed(w, &ids[i], &one)
				: coverage(want, doc, counts, NULL, &one);
		if (st == AC_OK && (w && w->words ? (packed ? words_match_packed(w->words, packed[i])
							    : words_match(w->words, c->roles[i]))
						  : ac_roles_match(want_text, c->roles[i]))) {
			one.score.set = 1;
			one.score.v = 1;
		}
		if (st == AC_OK && one.score.set && (!out->score.set || one.score.v > out->score.v)) {
			ac_fit_free(out);
			*out = one;
			if (matched_role)
				*matched_role = c->roles[i];
		} else {
			ac_fit_free(&one);
		}
		ac_termset_free(&own_doc);
	}
	ac_termset_free(&own_want);
	if (st == AC_OK)
		settle(pol, c, who, out);
	if (matched_role && out->fits != AC_TRUE)
		*matched_role = NULL;
	return st;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Makes memo's table of entries hold the answers for these texts and this
 * person, emptying it when they changed; 0 when memory ran out (the table
 * is then not used). */
static int keyed(ac_fit_memo *m, size_t n, const char *gap, const char *role, const ac_person *who)
{
	if (m->tris && m->n_tris == n && same_text(m->key_gap, gap) && same_text(m->key_role, role) &&
	    m->who.level == who->level && m->who.technical == who->technical)
		return 1;
	free(m->tris);
	free(m->key_gap);
	free(m->key_role);
	m->ready = 0;
	m->tris = calloc(n + 1, 1);
	m->key_gap = gap ? strdup(gap) : NULL;
	m->key_role = role ? strdup(role) : NULL;
	m->n_tris = n;
	m->who = *who;
	if (!m->tris || (gap && !m->key_gap) || (role && !m->key_role)) {
		free(m->tris);
		m->tris = NULL;
		return 0;
	}
	return 1;
}

/* The want's terms weighed for the catalogue's entries (see ac_fit_want);
 * 0 when memory ran out. */
static int weigh(ac_fit_want *w, const ac_term_counts *counts, const ac_term_counts *taught)
{
	if (w->weighed)
		return 1;
	size_t n = w->set.n;
	w->id = malloc((n + 1) * sizeof *w->id);
	w->w_in = malloc((n + 1) * sizeof *w->w_in);
	w->w_out = malloc((n + 1) * sizeof *w->w_out);
	if (!w->id || !w->w_in || !w->w_out) {
		/* Nothing half made is kept: the next call tries again. */
		free(w->id);
		free(w->w_in);
		free(w->w_out);
		w->id = NULL;
		w->w_in = w->w_out = NULL;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		w->id[i] = ac_term_counts_index(counts, w->set.t[i]);
		w->w_in[i] = weight(counts, taught, w->set.t[i], 1);
		w->w_out[i] = weight(counts, taught, w->set.t[i], 0);
	}
	w->weighed = 1;
	return 1;
}

/* coverage()'s score, for a document of the catalogue given as places in
 * the counts the want was weighed by: the same sums in the same order. */
static ac_num score_of(const ac_fit_want *w, const ac_term_ids *doc)
{
	double total = 0, hit = 0;
	for (size_t i = 0; i < w->set.n; i++) {
		int in_doc = w->id[i] >= 0 && ac_term_ids_has(doc, w->id[i]);
		double wt = in_doc ? w->w_in[i] : w->w_out[i];
		total += wt;
		if (in_doc && wt > 0)
			hit += wt;
	}
	ac_num score = {0, 0};
	if (total <= 0 && !doc->n)
		return score;
	score.set = 1;
	score.v = total > 0 ? hit / total : 0;
	return score;
}

/* The memo's want w made and weighed for the catalogue's entries, for text
 * (the key's); 0 when this way does not apply (or memory ran out).  Once
 * made for the key it is not looked at again (bit of memo->ready). */
static int want_ready(ac_fit_memo *memo, ac_fit_want *w, unsigned *gen, unsigned bit, const ac_terms *T,
		      const char *text, const ac_term_counts *counts, const ac_term_counts *taught)
{
	if ((memo->ready & bit) && *gen == w->gen)
		return 1;
	ac_termset unused = {0};
	if (!want_terms(T, w, text, &unused) || unused.t || !weigh(w, counts, taught)) {
		ac_termset_free(&unused);
		return 0;
	}
	if (bit == 2 && !w->words && (w->words = malloc(sizeof *w->words)) != NULL)
		split_significant(text, w->words);
	if (bit == 2 && !w->words)
		return 0;
	*gen = w->gen;
	memo->ready |= (unsigned char)bit;
	return 1;
}

/* Gap fit and role fit of entry i of the catalogue (c, or a shallow copy
 * of it), as ac_gap_fit and ac_role_fit find them; 0 when this way does not
 * apply (or memory ran out). */
static int entry_fits(const ac_policy *pol, const ac_catalogue *cat, long i, const ac_cert *c, const ac_profile *p,
		      const char *want_text, const ac_person *who, ac_fit_memo *memo, ac_tri *gap, ac_tri *role)
{
	const ac_term_ids *taught, *roles;
	const char *const *packed;
	if (!ac_catalogue_entry_ids(cat, i, &taught, &roles, &packed) || !roles || (!c->n_keywords && c->domain))
		return 0; /* the domain's words stand in for keywords: ac_gap_fit */
	const ac_terms *T = ac_catalogue_terms(cat);
	ac_fit f = {0};
	f.fits = AC_UNKNOWN;
	const char *g = p->capability_gap;
	if (g && *g && c->n_keywords) {
		if (!want_ready(memo, &memo->gap, &memo->gap_gen, 1, T, g, ac_catalogue_counts(cat, AC_COUNT_WORDS),
				ac_catalogue_counts(cat, AC_COUNT_TAUGHT)))
			return 0;
		f.score = score_of(&memo->gap, taught);
		settle(pol, c, who, &f);
	}
	*gap = f.fits;
	memset(&f, 0, sizeof f);
	f.fits = AC_UNKNOWN;
	if (c->n_roles && want_text && *want_text) {
		if (!want_ready(memo, &memo->role, &memo->role_gen, 2, T, want_text,
				ac_catalogue_counts(cat, AC_COUNT_ROLES), NULL))
			return 0;
		for (size_t k = 0; k < c->n_roles; k++) {
			ac_num one = score_of(&memo->role, &roles[k]);
			if (packed ? words_match_packed(memo->role.words, packed[k])
				   : words_match(memo->role.words, c->roles[k])) {
				one.set = 1;
				one.v = 1;
			}
			if (one.set && (!f.score.set || one.v > f.score.v))
				f.score = one;
		}
		settle(pol, c, who, &f);
	}
	*role = f.fits;
	return 1;
}

/* Keeps the own certificate's answer for these texts and this person, in
 * place of the oldest when the memo holds as many as it can (nothing is
 * kept when memory runs out). */
static void own_seen(ac_fit_memo *m, const char *gap, const char *role, const ac_person *who, unsigned char tris)
{
	const unsigned cap = sizeof m->own_seen / sizeof m->own_seen[0];
	char *g = gap ? strdup(gap) : NULL, *r = role ? strdup(role) : NULL;
	if ((gap && !g) || (role && !r)) {
		free(g);
		free(r);
		return;
	}
	struct ac_fit_own_seen *o;
	if (m->n_own_seen < cap) {
		o = &m->own_seen[m->n_own_seen++];
	} else {
		o = &m->own_seen[m->own_next];
		m->own_next = (m->own_next + 1) % cap;
		free(o->gap);
		free(o->role);
	}
	o->gap = g;
	o->role = r;
	o->who = *who;
	o->tris = tris;
}

ac_status ac_cert_fit_tris(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const ac_profile *p,
			   const ac_person *who, ac_fit_memo *memo, ac_tri *gap, ac_tri *role)
{
	const char *target = p->trajectory.target_role;
	const char *want_text = target && *target ? target : p->role.title;
	long i = memo ? ac_catalogue_entry_of(cat, c) : -1;
	int own = i < 0 && memo && c == memo->own;
	if (i >= 0 && !keyed(memo, ac_catalogue_count(cat), p->capability_gap, want_text, who))
		i = -1;
	const char *g = p->capability_gap;
	for (unsigned k = 0; own && k < memo->n_own_seen; k++) {
		const struct ac_fit_own_seen *o = &memo->own_seen[k];
		if (same_text(o->gap, g) && same_text(o->role, want_text) && o->who.level == who->level &&
		    o->who.technical == who->technical) {
			*gap = (ac_tri)((o->tris - 1) / 3);
			*role = (ac_tri)((o->tris - 1) % 3);
			return AC_OK;
		}
	}
	if (i >= 0 && memo->tris[i]) {
		*gap = (ac_tri)((memo->tris[i] - 1) / 3);
		*role = (ac_tri)((memo->tris[i] - 1) % 3);
		return AC_OK;
	}
	if (i >= 0 && entry_fits(pol, cat, i, c, p, want_text, who, memo, gap, role)) {
		memo->tris[i] = (unsigned char)(1 + (int)*gap * 3 + (int)*role);
		return AC_OK;
	}
	ac_fit gf = {0}, rf = {0};
	ac_status st = ac_gap_fit(pol, cat, c, p->capability_gap, who, memo, &gf);
	if (st == AC_OK)
		st = ac_role_fit(pol, cat, c, p, who, memo, &rf, NULL);
	if (st == AC_OK) {
		*gap = gf.fits;
		*role = rf.fits;
		if (i >= 0)
			memo->tris[i] = (unsigned char)(1 + (int)gf.fits * 3 + (int)rf.fits);
		else if (own)
			own_seen(memo, g, want_text, who, (unsigned char)(1 + (int)gf.fits * 3 + (int)rf.fits));
	}
	ac_fit_free(&gf);
	ac_fit_free(&rf);
	return st;
}

int ac_hours_estimate(const ac_policy *pol, const ac_cert *c, ac_num *hours, ac_num *low, ac_num *high)
{
	if (c->hours.set || !pol->prep_set)
		return 0;
	double h = c->level ? pol->prep_by_level[c->level] : 0;
	if (!h && c->format)
		h = pol->prep_by_format[c->format];
	if (!h)
		return 0;
	hours->set = low->set = high->set = 1;
	hours->v = h;
	low->v = h * pol->prep_low;
	high->v = h * pol->prep_high;
	return 1;
}

/* yes when cond holds, no when it does not; when cond is unknown, their
 * common value, or unknown when they differ. */
static ac_tri choose(ac_tri cond, ac_tri yes, ac_tri no)
{
	if (cond != AC_UNKNOWN)
		return cond == AC_TRUE ? yes : no;
	return yes == no ? yes : AC_UNKNOWN;
}

ac_tri ac_cert_fits(ac_tri defined_move, ac_tri gap_named, ac_tri role_fit, ac_tri gap_fit)
{
	return choose(defined_move, role_fit, choose(gap_named, gap_fit, role_fit));
}
