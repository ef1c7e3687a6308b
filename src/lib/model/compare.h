/*
 * compare.h — a comparison: the catalogue's certificates ranked for one
 * person.  Each row is what the engine said with that certificate named in
 * the profile; the ranking keys come from the policy's [compare] section.
 * Rows hold copies of the certificate's id, name, provider and status, so a
 * comparison outlives nothing it was made from.
 */
#ifndef AICERT_COMPARE_H
#define AICERT_COMPARE_H

#include "aicert.h"
#include "model/assessment.h"

typedef enum {
	KEY_AVAILABLE,
	KEY_FEASIBLE,
	KEY_VERDICT,
	KEY_FIT,
	KEY_GAP_FIT,
	KEY_ROLE_FIT,
	KEY_WEEKS,
	KEY_COST,
	KEY_TOTAL_COST,
	KEY_ID
} ac_rank_key;

/* The name of a ranking key as the policy writes it. */
const char *ac_rank_key_name(ac_rank_key k);

/* One ranked certificate: what the engine said with it in the profile. */
typedef struct {
	char *id, *name, *provider, *url;
	int status, level, domain;
	char *status_date, *successor;
	int verdict;
	char *reason; /* the deciding rule's id (JSON only) */
	char *reason_title; /* ... and its plain title, or NULL */
	ac_tri gap_fit, role_fit, fits;
	ac_num gap_score, role_score, fit; /* 0..1; fit: the mean of the known ones */
	char *gap_matched; /* "deploy, monitoring" or NULL */
	char *role_matched;
	int off_level, off_domain;
	ac_num cost_usd, retake_usd, hours, hours_low, hours_high, weeks, weeks_low, weeks_high, total_cost_usd;
	int hours_estimated, cost_uncertain, hours_uncertain;
	ac_tri within_budget; /* the price is within the budget */
	ac_tri in_time; /* it can be finished within the policy's weeks */
	ac_tri available; /* it can still be earned, and finished before it retires */
	ac_tri feasible; /* within_budget and in_time */
	char *why;
} ac_compare_row;

struct ac_comparison {
	char *label;
	char *policy_name, *policy_version;
	char *statement; /* the policy's sentence for the rule, or NULL */
	ac_rank_key keys[16];
	size_t n_keys; /* the last key is always KEY_ID */
	ac_compare_row *rows;
	size_t n_rows;
	size_t top;
	size_t n_pursue;
	size_t left_out_retired, left_out_unknown_cost;
	int empty_domain; /* the filter's domain, when the catalogue holds nothing of it */
	int feasible_set_aside; /* no certificate within budget and time fits, so that key was not used */
	double fits_from;
	char *profile_cert; /* name or id of the profile's own certificate, or NULL */
	int has_alternative; /* the best path other than certification (when nothing earns pursue) */
	ac_alternative alternative;
};

/* Ranks the catalogue of ctx for profile p. */
ac_status ac_compare(const ac_context *ctx, const ac_profile *p, const ac_compare_options *o, ac_comparison **out,
		     ac_diags *diags);

#endif
