/*
 * query.h — what search.c does to typed words before it looks titles up
 * (query.c): the table of data/titles.txt, and typo correction against the
 * words of the title index (a candidate shares the first or the second
 * letter).
 */
#ifndef AICERT_OCC_QUERY_H
#define AICERT_OCC_QUERY_H

#include "aicert.h"
#include "occdata/words.h"

/* Rewrites typed words through data/titles.txt (longest typed phrase
 * first); 1 when anything changed. */
int occ_query_rewrite(occ_words *q);

/* Replaces each word of five letters or more that no title has by the title
 * word nearest to it (one edit, two from eight letters; ties: the word more
 * titles hold); *corrected counts the replacements. */
ac_status occ_query_correct(ac_occdata *db, occ_words *q, int *corrected, ac_diags *diags);

/* The title words that start with w: db->vocab[*first] and the *count after
 * it (sorted). */
ac_status occ_query_completions(ac_occdata *db, const char *w, size_t *first, size_t *count, ac_diags *diags);

#endif
