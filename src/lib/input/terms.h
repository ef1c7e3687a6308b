/*
 * terms.h — the words of the catalogue: the synonyms of data/synonyms.txt,
 * the terms a text names (words, short phrases and the meanings the synonyms
 * give them), and how many catalogue entries name each term, which is what
 * makes a rare word count for more than a common one.
 */
#ifndef AICERT_TERMS_H
#define AICERT_TERMS_H

#include <stddef.h>

#include "aicert.h"

typedef struct ac_terms ac_terms;

/* The terms one text names: each a lowercase phrase, without repeats.  A
 * term that stands for a synonym group has the group's first phrase as its
 * name (shown to people as evidence). */
typedef struct {
	char **t;
	char **shown; /* each term as the text wrote it (its words, lowercase) */
	size_t n;
	size_t cap; /* room in t and in shown, which grow together */
	int nomem;
} ac_termset;

/* Parses a synonyms file (the format of data/synonyms.txt); NULL text means
 * the built-in one.  A bad line gives AC_EINPUT with a diagnostic. */
ac_status ac_terms_new(const char *text, size_t len, ac_terms **out, ac_diags *diags);
void ac_terms_free(ac_terms *t);

/* Adds the terms text names to set (set->nomem on allocation failure). */
void ac_terms_of(const ac_terms *T, const char *text, ac_termset *set);
int ac_termset_has(const ac_termset *set, const char *term);
/* Adds term, found in the text as shown (NULL: as the term). */
void ac_termset_add(ac_termset *set, const char *term, const char *shown);
void ac_termset_free(ac_termset *set);

/* The number of documents counted that name term, and how many there are. */
typedef struct {
	char **term; /* sorted */
	int *df;
	size_t n;
	size_t docs;
	/* idf[k], for k from 1 to docs: log(docs / 2k), or 0 where that is not
	 * above 0: how much a term k documents name counts (model/fit.c).
	 * Worked out as the counts are built, so that the maths library is
	 * opened only then (the built-in catalogue's are in its image). */
	double *idf;
} ac_term_counts;

/* A document's terms as their places in one ac_term_counts, ascending. */
typedef struct {
	long *id;
	size_t n;
} ac_term_ids;
/* 1 when ids holds id. */
int ac_term_ids_has(const ac_term_ids *ids, long id);

/* Counts, over the given sets, how many name each term. */
ac_status ac_term_counts_build(const ac_termset *sets, size_t n_sets, ac_term_counts *out);
int ac_term_counts_df(const ac_term_counts *c, const char *term);
/* The term's place in c->term, or -1 when no document names it. */
long ac_term_counts_index(const ac_term_counts *c, const char *term);
void ac_term_counts_free(ac_term_counts *c);

/* 1 when the phrase is one the synonyms file names (search uses it to tell a
 * known phrase such as "eu ai act" from plain words). */
int ac_terms_known_phrase(const ac_terms *T, const char *phrase);

/* Search: 1 when every word of query is found, either by in_text (the word
 * as part of the entry's text) or through a phrase of the query that the
 * synonyms know ("eu ai act", "genai") whose meaning the entry names. */
int ac_terms_query_matches(const ac_terms *T, const char *query, const ac_termset *entry,
			   int (*in_text)(const void *arg, const char *word, size_t len), const void *arg);

#endif
