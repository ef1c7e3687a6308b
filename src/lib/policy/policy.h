/*
 * policy.h — the parsed policy as the engine sees it: thresholds, category
 * defaults, derived facts, ordered verdict rules, flags, alternatives, the GWA
 * table and the comparison rule.  Expressions are small trees over facts,
 * evaluated with three-valued logic so an unanswered question stays unknown.
 */
#ifndef AICERT_POLICY_H
#define AICERT_POLICY_H

#include "aicert.h"
#include "policy/facts.h"

/* Thresholds every policy must set (name, what it means). */
#define AC_THRESHOLDS(T) \
	T(EXPOSED_REPEATABLE_SHARE, "exposed_repeatable_share", "AI-Exposed when at least this share of time is repeatable") \
	T(CONDITION_SHARE, "condition_share", "a replaceability condition holds at this time-weighted share") \
	T(REPLACEABILITY_HIGH, "replaceability_high_at", "this many replaceability conditions make replaceability high") \
	T(CREDENTIAL_SENSITIVE_SIGNALS, "credential_sensitive_signals", "this many organisation signals make it credential-sensitive") \
	T(REPORTING_HEAVY_SHARE, "reporting_heavy_share", "share of time in reporting and drafting that makes a role reporting-heavy") \
	T(COORDINATION_HEAVY_SHARE, "coordination_heavy_share", "share of time in coordination that makes a role coordination-heavy") \
	T(MANAGER_REPORTING_SHARE, "manager_reporting_share", "percent of a manager's value in status synthesis that signals compression risk") \
	T(MAX_CERTIFICATE_WEEKS, "max_certificate_weeks", "a certificate that takes longer than this at the person's pace does not fit the timing") \
	T(SKILL_BASED_MIN_EXPOSURE, "skill_based_min_exposure", "exposure from which a non-structural role counts as skill-based exposure") \
	T(COUNTERFACTUAL_LIMIT, "counterfactual_limit", "how many verdict-changing answers to report at most")

#define AC_TH_ENUM(id, name, desc) AC_TH_##id,
enum { AC_THRESHOLDS(AC_TH_ENUM) AC_TH__COUNT };
#undef AC_TH_ENUM

/* A value during evaluation. */
typedef struct {
	int type;   /* AC_T_BOOL, AC_T_NUM or AC_T_STR */
	ac_tri b;   /* for booleans */
	int known;  /* for numbers and strings */
	double n;
	const char *s;
} ac_val;

typedef struct ac_expr ac_expr;

typedef struct {
	char *id;
	int verdict;
	ac_expr *when;
	char *because;
	char *headline;
	int line;
} ac_rule;

typedef struct {
	char *id;
	ac_expr *when;
	char *says;
	int line;
} ac_flag;

typedef struct {
	char *name;
	ac_expr *when;
	int line;
} ac_derived;

typedef struct {
	double weight;
	ac_expr *when;
	char *text;
} ac_add;

typedef struct {
	ac_expr *when; /* NULL for the default step */
	char *text;
} ac_step;

typedef struct {
	int defined;
	double base;
	ac_add *adds;
	size_t n_adds;
	char *why_default;
	ac_step *steps;
	size_t n_steps;
} ac_alt_policy;

typedef struct {
	int defined;
	int repeatable; /* 1 yes, 0 no or partly */
	int partly;
	double exposure;
	char *covers;
} ac_category_policy;

struct ac_policy {
	char *name;
	char *version;
	char *description;
	double thresholds[AC_TH__COUNT];
	int threshold_set[AC_TH__COUNT];
	ac_category_policy categories[AC_CAT__COUNT + 1];
	char *domain_keywords[AC_DOM__COUNT + 1]; /* comma-separated */
	ac_derived *derived;
	size_t n_derived;
	ac_rule *rules;
	size_t n_rules;
	ac_flag *flags;
	size_t n_flags;
	ac_alt_policy alts[AC_PATH__COUNT + 1];
	char **gwa_ids;
	int *gwa_cats;
	size_t n_gwa;
	char **compare_keys;
	size_t n_compare_keys;
	char *compare_statement;
	ac_expr **all_exprs; /* every expression, for freeing */
	size_t n_exprs, cap_exprs;
};

/* Number of fact slots an evaluation needs (built-in + derived). */
size_t ac_policy_fact_slots(const ac_policy *p);
/* The name and type of slot i. */
const char *ac_policy_fact_name(const ac_policy *p, size_t i, int *type);
/* Evaluates an expression to a value. */
ac_val ac_expr_eval(const ac_expr *e, const ac_val *facts);
/* Tri-state truth of a boolean expression. */
ac_tri ac_expr_truth(const ac_expr *e, const ac_val *facts);
/* Calls fn for every fact slot the expression refers to (in order, once each). */
void ac_expr_facts(const ac_expr *e, void (*fn)(size_t slot, void *ctx), void *ctx);
/* Expands {fact} and {fact%} placeholders in a template (freed with free()). */
char *ac_template_expand(const ac_policy *p, const char *tmpl, const ac_val *facts);

#endif
