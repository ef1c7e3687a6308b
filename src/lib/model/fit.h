/*
 * fit.h — whether a certificate fits the person: gap fit and role fit, and
 * the word matching behind them.
 */
#ifndef AICERT_FIT_H
#define AICERT_FIT_H

#include <stddef.h>

#include "aicert.h"
#include "input/cert.h"
#include "input/profile.h"
#include "policy/policy.h"

/* 1 when phrase occurs in text as a sequence of whole words, ignoring case
 * and punctuation ("deploying ML models" contains "ml" and "ml models"). */
int ac_text_has_phrase(const char *text, const char *phrase);

/* 1 when two role titles name the same role: every significant word of the
 * shorter title appears in the longer one, ignoring case. */
int ac_roles_match(const char *a, const char *b);

/* How well a certificate fits: a score from 0 to 1, whether it reaches the
 * policy's fits_from, and the evidence (the terms that matched). */
typedef struct {
	ac_tri fits; /* unknown when there is nothing to compare */
	ac_num score; /* unset when there is nothing to compare */
	char **matched;
	size_t n_matched;
	int off_level; /* 1 when the certificate's level does not suit the person's */
	int off_domain; /* 1 when it is a builder's certificate and the person does not build */
} ac_fit;

/* What fit needs to know of the person. */
typedef struct {
	int level; /* 1..5: the ladder level given, else the job zone of the occupation, else 0 */
	ac_tri technical; /* enough of the time in development or system design (policy) */
} ac_person;

void ac_person_of(const ac_profile *p, const ac_occupation *occ, const ac_policy *pol, ac_person *out);

void ac_fit_free(ac_fit *f);

/* The terms of the texts fit compares certificates against (the gap, and
 * the target role or title), kept across the re-runs of one assessment:
 * the what-if variants and the certificates compared rarely change them. */
typedef struct {
	char *text;
	ac_termset set;
	/* For the catalogue's entries: each term's place in the counts it is
	 * weighed by (-1 when none names it), and its weight when the entry
	 * names it and when it does not; made once per text. */
	long *id;
	double *w_in, *w_out;
	int weighed;
	struct fit_words *words; /* the text's significant words, for ac_roles_match */
	unsigned gen; /* counts the texts it has held: a new text, a new number */
} ac_fit_want;
typedef struct {
	ac_fit_want gap, role;
	/* Whether each catalogue entry fits, found for the texts above and the
	 * person below: [i] for entry i, 0 when not yet found, else 1 + gap
	 * fit's ac_tri * 3 + role fit's. */
	unsigned char *tris;
	size_t n_tris;
	char *key_gap, *key_role; /* what the entries were found for */
	ac_person who;
	/* The certificate the profile itself names, which does not change
	 * while its what-ifs run (ac_fit_memo_own), and its answers for the
	 * last texts and persons it was found for, kept the same way: the
	 * what-ifs that change the gap, the target role or the person come
	 * back to the profile's own. */
	const ac_cert *own;
	struct ac_fit_own_seen {
		char *gap, *role;
		ac_person who;
		unsigned char tris;
	} own_seen[8];
	unsigned n_own_seen, own_next;
	/* The terms of what the own certificate teaches (its name, keywords
	 * or domain) and of each of its roles, made the first time one is
	 * weighed (own_taught_made, own_roles: n_own_roles of them) and kept
	 * while it is the own. */
	int own_taught_made;
	ac_termset own_taught;
	ac_termset *own_roles;
	size_t n_own_roles;
	/* gap and role above made and weighed for the entries, for the texts
	 * of the key, as they were at generations gap_gen and role_gen (bit 1
	 * the gap's, bit 2 the role's, with its words); cleared with the key. */
	unsigned char ready;
	unsigned gap_gen, role_gen;
} ac_fit_memo;
void ac_fit_memo_free(ac_fit_memo *m);
/* Makes own the certificate the memo keeps answers for (none found yet). */
void ac_fit_memo_own(ac_fit_memo *m, const ac_cert *own);

/* Gap fit: how much of the named gap the certificate covers.  Each term of
 * the gap (a word, a phrase, or a meaning data/synonyms.txt gives it) counts
 * by how rare it is across the catalogue, so a word most entries name ("ai",
 * "certified") counts for nothing; terms no entry names are left out.  The
 * share of the gap's weight the certificate's name, keywords and domain
 * cover is the score, lowered by the policy's off_level factor when the
 * certificate's level does not suit the person's, or when it is a builder's
 * certificate (technical_domains) and the person's tasks are not building.  Unknown without a gap. */
ac_status ac_gap_fit(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const char *gap,
		     const ac_person *who, ac_fit_memo *memo, ac_fit *out);
/* Role fit: the same against the target role (or the current title when no
 * target is named) and the certificate's roles; a role whose significant
 * words all appear in the other scores 1.  matched_role (may be NULL) gets
 * the certificate's role that fits best.  memo may be NULL. */
ac_status ac_role_fit(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const ac_profile *p,
		      const ac_person *who, ac_fit_memo *memo, ac_fit *out, const char **matched_role);
/* Whether c fits by gap and by role, as the two above decide, without the
 * scores and the evidence: found once per catalogue entry while the gap, the
 * role and the person stay the same (memo may be NULL). */
ac_status ac_cert_fit_tris(const ac_policy *pol, const ac_catalogue *cat, const ac_cert *c, const ac_profile *p,
			   const ac_person *who, ac_fit_memo *memo, ac_tri *gap, ac_tri *role);

/* Preparation hours for a catalogue entry no source gives them for: the
 * policy's [preparation] estimate for its level, else its format, and the
 * range around it.  0 (and nothing set) when the entry has hours or the
 * policy has no estimate for it. */
int ac_hours_estimate(const ac_policy *pol, const ac_cert *c, ac_num *hours, ac_num *low, ac_num *high);

/* The one "misses / fits" test of a named certificate (FRAMEWORK.md section
 * 8): with a defined move it fits when it maps to the target role;
 * otherwise, with a named gap, when it covers the gap; otherwise when it fits
 * the role.  Three-valued: unknown when the fit it depends on (or which one
 * it depends on) is unknown.  How the fits are scored is fit.c's; the rules
 * only read this answer. */
ac_tri ac_cert_fits(ac_tri defined_move, ac_tri gap_named, ac_tri role_fit, ac_tri gap_fit);

#endif
