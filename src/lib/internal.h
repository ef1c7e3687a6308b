/*
 * internal.h — helpers shared inside libaicert that are not part of the public
 * API: word matching for gap fit and role fit.
 */
#ifndef AICERT_INTERNAL_H
#define AICERT_INTERNAL_H

#include <stddef.h>

/* 1 when phrase occurs in text as a sequence of whole words, ignoring case
 * and punctuation ("deploying ML models" contains "ml" and "ml models"). */
int ac_text_has_phrase(const char *text, const char *phrase);

/* 1 when two role titles name the same role: every significant word of the
 * shorter title appears in the longer one, ignoring case. */
int ac_roles_match(const char *a, const char *b);

#endif
