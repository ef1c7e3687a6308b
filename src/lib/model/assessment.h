/*
 * assessment.h — what the engine produces for one profile, in the order the
 * report reads: rules, flags, each section's facts, the certificate, the
 * explanations, the alternatives and what would change the verdict.  The
 * renderers read it; callers outside the library see it only through
 * ac_render() and the accessors of aicert.h.
 */
#ifndef AICERT_ASSESSMENT_H
#define AICERT_ASSESSMENT_H

#include "aicert.h"
#include "input/cert.h"
#include "input/profile.h"
#include "model/fit.h"

typedef struct {
	const ac_policy *policy; /* required */
	const ac_catalogue *catalogue; /* NULL: certificate ids cannot be resolved */
	ac_occdata *occdata; /* NULL: occupation fields are null */
	int counterfactuals; /* 1 to search for verdict-changing answers */
	const char *as_of; /* "YYYY-MM-DD"; NULL: today in UTC */
	struct ac_search_cache_s *search; /* the what-if search's cache kept by a session, or NULL */
} ac_context;

typedef struct {
	char *name;
	double raw; /* as given, in percent (or the Core 2 / Supplemental 1 weight) */
	double share; /* fraction 0..1 after normalisation */
	int category;
	double exposure;
	double contribution;
	int repeatable, standardized_output, benchmarkable, needs_decision_authority;
	int measured; /* exposure came from a measured figure */
} ac_task_result;

/* One figure a fired rule used: a fact its condition names, and its value. */
enum { AC_FIGURE_YESNO = 1, AC_FIGURE_NUMBER };
typedef struct {
	char *name;
	int type; /* AC_FIGURE_YESNO or AC_FIGURE_NUMBER */
	ac_tri truth; /* a yes/no fact's value (unknown when unanswered) */
	ac_num number; /* a number's value (not set when unknown) */
} ac_figure;

typedef struct {
	char *id;
	char *title; /* the policy's plain title for it, or NULL */
	int verdict; /* 0 for a rule that only informs */
	int decisive;
	char *because;
	ac_figure *figures; /* the facts the rule's condition uses, in its order */
	size_t n_figures;
} ac_rule_fired;

typedef struct {
	ac_tri met; /* unknown: an unanswered question could settle it either way */
	char *why;
} ac_condition;

typedef struct {
	const char *id;
	char *answer;
	ac_tri ok;
} ac_question;

typedef struct {
	int path; /* AC_PATH_* */
	int score; /* 0..100 */
	char *why;
	char *first_step;
} ac_alternative;

/* What the verdict would be with one answer: the answer (as JSON and in
 * words), and the verdict and reason (the rule's id and title) it gives. */
typedef struct {
	char *answer_json;
	char *answer_words;
	int verdict;
	char *reason;
	char *reason_title; /* NULL when the rule has none; in reason's allocation (whatif.c frees both) */
} ac_outcome;

/* An unanswered question whose answers could change the verdict: every
 * answer it can take, with the verdict each gives. */
typedef struct {
	char *field; /* JSON path in the profile */
	char *question; /* the question in plain words, in field's allocation */
	ac_outcome *outcomes;
	size_t n_outcomes;
} ac_unanswered;

/* A given answer changed: an action that improves the verdict, or an
 * answer the verdict rests on. */
typedef struct {
	char *field;
	char *from_json; /* the profile's answer */
	char *from_words;
	char *says; /* the action, or the question, in plain words */
	ac_outcome to; /* the changed answer and what it gives */
} ac_change;

typedef struct {
	char *field;
	char *question; /* in plain words, in field's allocation */
	ac_tri changes; /* whether an answer could change the verdict (unknown: not searched) */
} ac_missing;

struct ac_assessment {
	char *policy_name;
	char *policy_version;
	char as_of[11]; /* the date availability was judged on, YYYY-MM-DD */
	char *label;
	int verdict;
	char *reason;
	char *headline;
	ac_rule_fired *rules;
	size_t n_rules;
	char **flags;
	char **flag_notes; /* the policy's sentence for each flag, same order */
	size_t n_flags;

	struct {
		double score;
		int klass; /* AC_CLASS_* */
		int structural;
		int skill_based;
		double repeatable_share, standardized_share, benchmarkable_share, separable_share;
		double reporting_share, coordination_share;
		ac_task_result *tasks;
		size_t n_tasks;
		int has_tasks;
		int prefilled; /* the task mix came from the occupation */
		ac_occupation *occupation; /* NULL when no data or no occupation */
		ac_num person_percentile; /* the person's exposure among occupations */
		ac_num range_low, range_high; /* the occupation's percentile among occupations,
						 * lowest and highest over the sources, as 0..1 */
		char *occupation_note; /* why occupation is null, or NULL */
	} exposure;
	struct {
		int count;
		int high;
		int standardized_output, repeatable_tasks, easily_benchmarked, separable_from_authority;
		int authority_answered; /* role.decision_authority decided condition 4 */
	} replaceability;
	struct {
		int test; /* AC_LT_* or 0 */
		int orientation; /* AC_ORIENT_* or 0 when unknown */
		ac_tri ownership_expands;
		int count;
		int ai_enhanced_role, owns_measurable_outcomes, expanding_into_system_design, transitioning_to_hybrid;
		int ladder_level;
	} leverage;
	struct {
		int signal_strength;
		ac_tri credential_sensitive;
		int leader_reading;
		int signaling_risk;
	} organization;
	struct {
		int phase; /* 0 unknown, 1..3 */
		ac_tri appropriate;
		char **why;
		size_t n_why;
		ac_tri industry_compressing;
		ac_tri industry_shifting;
	} timing;
	struct {
		unsigned valid, invalid, unknown; /* motive bit sets */
		const char *positioning; /* "offensive", "mixed", "defensive" or "unknown" */
	} motives;
	ac_condition exposure_understood, leverage_possible, timing_appropriate, trajectory_defined;
	ac_question questions[5];
	struct {
		int present;
		ac_cert cert; /* resolved: catalogue entry merged with the profile's fields */
		int from_catalogue;
		ac_tri gap_fit;
		char **gap_matched;
		size_t n_gap_matched;
		ac_num gap_score; /* 0..1, unset without a gap (model/fit.h) */
		ac_tri role_fit;
		char *role_matched;
		ac_num role_score;
		int off_level; /* the certificate's level does not suit the person's */
		int off_domain; /* a builder's certificate for a person who does not build */
		int hours_estimated; /* cert.hours is the policy's estimate, not a source's */
		ac_num hours_low, hours_high; /* the estimate's range */
		ac_tri recognized;
		ac_num weeks;
		ac_num time_value_usd;
		int pay_is_occupation_median; /* time valued at the occupation's BLS median hourly wage */
		ac_num hourly_pay_usd; /* the pay that valued it */
		ac_num total_cost_usd; /* money + time value */
		ac_num cost_per_year_usd; /* money over validity */
		ac_num retake_risk_usd;
		ac_tri within_budget;
		char **warnings;
		size_t n_warnings;
	} certification;
	ac_alternative alternatives[AC_PATH__COUNT];
	struct {
		int searched; /* 0 when the search was switched off */
		ac_unanswered *unanswered;
		size_t n_unanswered;
		ac_change *actions;
		size_t n_actions;
		ac_change *rests_on;
		size_t n_rests_on;
	} what_changes;
	char **warnings;
	size_t n_warnings;
	ac_missing *missing;
	size_t n_missing;
};

/* Runs the decision model.  AC_ENOTFOUND (with a diagnostic naming the id)
 * when certification.id is not in the catalogue. */
ac_status ac_assess(const ac_profile *profile, const ac_context *ctx, ac_assessment **out, ac_diags *diags);
/* What compare ranks a certificate by, and nothing more: the verdict, the
 * deciding rule's id (reason) and the certificate's fit and figures without
 * its warnings; no text is written and the rest stays empty. */
ac_status ac_assess_for_ranking(const ac_profile *profile, const ac_context *ctx, ac_assessment **out, ac_diags *diags);
/* The same with the caller's memo of the terms fit compares against, kept
 * from one certificate ranked to the next (freed with ac_fit_memo_free). */
ac_status ac_assess_ranked_with(const ac_profile *profile, const ac_context *ctx, ac_fit_memo *memo,
				ac_assessment **out, ac_diags *diags);

#endif
