/*
 * fit.h — whether a certificate fits the person: gap fit and role fit, and
 * the word matching behind them.
 */
#ifndef AICERT_FIT_H
#define AICERT_FIT_H

#include <stddef.h>

#include "aicert.h"
#include "input/profile.h"
#include "policy/policy.h"

/* 1 when phrase occurs in text as a sequence of whole words, ignoring case
 * and punctuation ("deploying ML models" contains "ml" and "ml models"). */
int ac_text_has_phrase(const char *text, const char *phrase);

/* 1 when two role titles name the same role: every significant word of the
 * shorter title appears in the longer one, ignoring case. */
int ac_roles_match(const char *a, const char *b);

/* Gap fit: the named gap mentions a capability keyword of the certificate or
 * of its domain (the policy's domain keywords).  matched (may be NULL)
 * collects the words that matched.  Unknown without a gap or keywords. */
ac_tri ac_gap_fit(const ac_policy *pol, const ac_cert *c, const char *gap, char ***matched, size_t *n_matched);
/* Role fit against the target role, or the current title when no target;
 * matched (may be NULL) gets the certificate's role that matched. */
ac_tri ac_role_fit(const ac_cert *c, const ac_profile *p, const char **matched);

/* The one "misses / fits" test of a named certificate (FRAMEWORK.md section
 * 8): with a defined move it fits when it maps to the target role;
 * otherwise, with a named gap, when it covers the gap; otherwise when it fits
 * the role.  Three-valued: unknown when the fit it depends on (or which one
 * it depends on) is unknown.  How the fits are scored is fit.c's; the rules
 * only read this answer. */
ac_tri ac_cert_fits(ac_tri defined_move, ac_tri gap_named, ac_tri role_fit, ac_tri gap_fit);

#endif
