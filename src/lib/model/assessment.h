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

typedef struct {
	const ac_policy *policy;       /* required */
	const ac_catalogue *catalogue; /* NULL: certificate ids cannot be resolved */
	ac_occdata *occdata;           /* NULL: occupation fields are null */
	int counterfactuals;           /* 1 to search for verdict-changing answers */
} ac_context;

typedef struct {
	char *name;
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
	int type;      /* AC_FIGURE_YESNO or AC_FIGURE_NUMBER */
	ac_tri truth;  /* a yes/no fact's value (unknown when unanswered) */
	ac_num number; /* a number's value (not set when unknown) */
} ac_figure;

typedef struct {
	char *id;
	int verdict; /* 0 for a rule that only informs */
	int decisive;
	char *because;
	ac_figure *figures; /* the facts the rule's condition uses, in its order */
	size_t n_figures;
} ac_rule_fired;

typedef struct {
	int met;
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

typedef struct {
	char *field;     /* JSON path in the profile */
	char *from_json; /* JSON text of the old value ("null" when unanswered) */
	char *to_json;   /* JSON text of the new value */
	char *sentence;  /* "if you named the capability gap" */
	int verdict;
	char *reason;
} ac_counterfactual;

typedef struct {
	char *field;
	char *could_change; /* sentence, or NULL when answering would not change the verdict */
} ac_missing;

struct ac_assessment {
	char *policy_name;
	char *policy_version;
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
		ac_num person_percentile;  /* the person's exposure among occupations */
		ac_num range_low, range_high; /* the occupation's percentile among occupations,
						 * lowest and highest over the sources, as 0..1 */
		char *occupation_note;     /* why occupation is null, or NULL */
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
		int ai_enhanced_role, owns_measurable_outcomes, expanding_into_system_design,
			transitioning_to_hybrid;
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
		const char *positioning; /* "defensive", "offensive", "unclear" */
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
		ac_tri role_fit;
		char *role_matched;
		ac_tri recognized;
		ac_num weeks;
		ac_num time_value_usd;
		ac_num total_cost_usd; /* money + time value */
		ac_num cost_per_year_usd; /* money over validity */
		ac_num retake_risk_usd;
		ac_tri within_budget;
		char **warnings;
		size_t n_warnings;
	} certification;
	ac_alternative alternatives[AC_PATH__COUNT];
	ac_counterfactual *counterfactuals;
	size_t n_counterfactuals;
	int counterfactuals_searched; /* 0 when the search was switched off */
	char **warnings;
	size_t n_warnings;
	ac_missing *missing;
	size_t n_missing;
};

/* Runs the decision model.  AC_ENOTFOUND (with a diagnostic naming the id)
 * when certification.id is not in the catalogue. */
ac_status ac_assess(const ac_profile *profile, const ac_context *ctx, ac_assessment **out,
		    ac_diags *diags);

#endif
