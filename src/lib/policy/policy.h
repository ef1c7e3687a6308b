/*
 * policy.h — the parsed policy as the engine sees it: thresholds, category
 * defaults, derived facts, ordered verdict rules, flags, alternatives, the GWA
 * table and the comparison rule.  Expressions (expr.c) are small trees over
 * facts (facts.c), evaluated with three-valued logic so an unanswered question
 * stays unknown; texts are templates (template.c) compiled when the policy is
 * read (reader.c), so nothing is looked up by name while assessing.
 *
 * The policy layer includes only the public header and core/; it knows
 * nothing of the engine or the renderers.
 */
#ifndef AICERT_POLICY_H
#define AICERT_POLICY_H

#include <stddef.h>

#include "aicert.h"
#include "core/tri.h"
#include "policy/facts.h"
#include "policy/required.h"
#include "policy/wording.h"

/* Thresholds every policy must set (name, what it means). */
#define AC_THRESHOLDS(T)                                                                                               \
	T(EXPOSED_REPEATABLE_SHARE, "exposed_repeatable_share",                                                        \
	  "AI-Exposed when at least this share of time is repeatable")                                                 \
	T(CONDITION_SHARE, "condition_share", "a replaceability condition holds at this time-weighted share")          \
	T(REPLACEABILITY_HIGH, "replaceability_high_at",                                                               \
	  "this many replaceability conditions make replaceability high")                                              \
	T(CREDENTIAL_SENSITIVE_SIGNALS, "credential_sensitive_signals",                                                \
	  "this many organisation signals make it credential-sensitive")                                               \
	T(MOST, "most", "\"most\": a share above this one (more than half)")                                           \
	T(MANAGER_REPORTING_SHARE, "manager_reporting_share",                                                          \
	  "percent of a manager's value in status synthesis that signals compression risk")                            \
	T(MAX_CERTIFICATE_WEEKS, "max_certificate_weeks",                                                              \
	  "a certificate that takes longer than this at the person's pace does not fit the timing")                    \
	T(SKILL_BASED_MIN_EXPOSURE, "skill_based_min_exposure",                                                        \
	  "exposure from which a non-structural role counts as skill-based exposure")                                  \
	T(RETIRING_SOON_DAYS, "retiring_soon_days",                                                                    \
	  "a certificate retiring within this many days of the assessment's date is flagged")

/* At most this many sections of one kind (rules, derived facts, ...). */
#define AC_POLICY_MAX_ITEMS 256
/* Fact slots: the built-in facts, then the derived facts (at most
 * AC_POLICY_MAX_ITEMS), then two per rule from AC_RULE_FACTS on: rule_ID
 * (whether its condition holds) at +2i and reason_ID (whether it decides)
 * at +2i+1. */
#define AC_RULE_FACTS ((size_t)AC_F__BUILTIN + AC_POLICY_MAX_ITEMS)

#define AC_TH_ENUM(id, name, desc) AC_TH_##id,
enum { AC_THRESHOLDS(AC_TH_ENUM) AC_TH__COUNT };
#undef AC_TH_ENUM

/* ---------------------------------------------------------------- names (facts.c) */

/* Number of fact slots an evaluation needs (built-in + derived). */
size_t ac_policy_fact_slots(const ac_policy *p);
/* The name and type of slot i. */
const char *ac_policy_fact_name(const ac_policy *p, size_t i, int *type);
/* The one lookup of a fact by name (len bytes of name): its slot, or
 * AC_NO_FACT when the policy has no such fact. */
#define AC_NO_FACT ((size_t)-1)
size_t ac_policy_fact_find(const ac_policy *p, const char *name, size_t len);
/* The threshold called name (len bytes), or -1. */
int ac_threshold_find(const char *name, size_t len);
/* The name and meaning of threshold t. */
const char *ac_threshold_name(int t, const char **description);

/* ---------------------------------------------------------------- expressions (expr.c) */

/* A value during evaluation. */
typedef struct {
	int type; /* AC_T_BOOL, AC_T_NUM or AC_T_STR */
	ac_tri b; /* for booleans */
	int known; /* for numbers and strings */
	double n;
	const char *s;
} ac_val;

typedef struct ac_expr ac_expr;

/* Where a condition or text is being read, for its error messages: the line
 * and the column of its first character. */
typedef struct {
	ac_policy *pol;
	ac_diags *d;
	const char *source;
	int line;
	int col;
	int stage; /* when the condition is evaluated (AC_STAGE_*): it may use
		     * only the facts decided before then */
	int *nomem; /* set to 1 when memory ran out */
} ac_site;

/* Parses a yes/no condition; NULL after reporting the problem. */
ac_expr *ac_expr_parse(const ac_site *at, const char *text);
/* 1 when the expression is the constant true ('always'), or false. */
int ac_expr_always(const ac_expr *e);
int ac_expr_never(const ac_expr *e);
/* Calls fn for every fact slot the expression refers to (in order, once
 * each). */
void ac_expr_facts(const ac_expr *e, void (*fn)(size_t slot, void *ctx), void *ctx);
/* Evaluates an expression to a value. */
ac_val ac_expr_eval(const ac_expr *e, const ac_val *facts);
/* Tri-state truth of a boolean expression. */
ac_tri ac_expr_truth(const ac_expr *e, const ac_val *facts);

/* ---------------------------------------------------------------- templates (template.c) */

/* A text with {fact} placeholders, compiled against the policy's facts. */
typedef struct ac_tpart ac_tpart;
typedef struct {
	char *text; /* as written */
	ac_tpart *parts;
	size_t n_parts;
} ac_template;

/* Compiles text into t; 0 after reporting an unknown placeholder. */
int ac_template_compile(const ac_site *at, const char *text, ac_template *t);
void ac_template_free(ac_template *t);
/* The text with every placeholder replaced by its value, yes/no/unknown in
 * the words of w (freed with free()). */
char *ac_template_expand(const ac_template *t, const ac_val *facts, const ac_wording *w);
/* The same text appended to sb; 0, or -1 when memory ran out (now or
 * earlier). */
int ac_template_append(strbuf *sb, const ac_template *t, const ac_val *facts, const ac_wording *w);

/* ---------------------------------------------------------------- the policy */

/* One line of an ordered choice, "KEY_if = CONDITION | [MARK |] TEXT", or a
 * default "KEY = [MARK |] TEXT" (when NULL). */
typedef struct {
	ac_expr *when;
	ac_tri mark; /* questions: how the answer speaks for enrolling */
	ac_template text;
} ac_choice;

/* Lines in file order: the first whose condition certainly holds is chosen,
 * else the first default, else none. */
typedef struct {
	ac_choice *items;
	size_t n;
} ac_choices;

const ac_choice *ac_choose(const ac_choices *c, const ac_val *facts);

/* The fact slots a condition reads, each once, so that a re-run decides
 * again only what reads a fact that changed (verdict.c makes them once the
 * policy is read; a what-if search turns them into its own bit masks). */
typedef struct {
	size_t *slot;
	size_t n;
} ac_reads;

typedef struct {
	char *id;
	int verdict;
	ac_expr *when;
	char *title; /* a few plain words for the report, or NULL */
	ac_choices because; /* why it fired: because_if lines, then because */
	ac_choices headline; /* the verdict's one sentence when it decides */
	char *holds_fact; /* "rule_ID": the fact of whether its condition holds */
	char *reason_fact; /* "reason_ID": the fact of whether it decides */
	ac_reads reads; /* the facts its condition reads */
	int line;
} ac_rule;

typedef struct {
	char *id;
	ac_expr *when;
	ac_template says;
	int line;
} ac_flag;

/* A derived fact: a yes/no condition ('when'), or a number counting how
 * many of its conditions certainly hold ('count'). */
typedef struct {
	char *name;
	int type; /* AC_T_BOOL or AC_T_NUM */
	ac_expr *when;
	ac_expr **counted;
	size_t n_counted;
	ac_reads reads; /* the facts its condition or its count reads */
	int line;
} ac_derived;

typedef struct {
	double weight;
	ac_expr *when;
	ac_template text;
} ac_add;

typedef struct {
	int defined;
	double base;
	ac_add *adds;
	size_t n_adds;
	char *why_default;
	ac_choices first_step;
} ac_alt_policy;

/* A section that is one condition: [class NAME], [phase N], [motive NAME]. */
typedef struct {
	int line; /* 0 when the policy has no such section */
	ac_expr *when;
} ac_when_section;

/* One of the four conditions: it fails when 'fails' certainly holds, else
 * holds when 'holds' certainly does, else it is unknown. */
typedef struct {
	int line;
	ac_expr *holds;
	ac_expr *fails;
	ac_choices why;
} ac_condition_policy;

/* One question of [what_changes]: a field of the profile schema. */
typedef struct {
	char *path;
	size_t def; /* the field's index in the profile schema (ac_schema) */
	int yours; /* within the person's control: a change is an action */
	int fixed; /* never varied (the motives) */
	int choice; /* the certificate: varied over the catalogue, a choice to offer rather than an answer */
	ac_expr *ask_if; /* listed as missing only when this holds (NULL: always) */
	int line; /* where it was listed, and where its ask_if was set */
	int ask_if_line;
	double *tries; /* the values a number question is tried with */
	size_t n_tries;
} ac_question_field;

/* [what_changes]: which answers the report varies and how many of each
 * list it shows. */
enum { AC_WC_UNANSWERED, AC_WC_ACTIONS, AC_WC_RESTS_ON, AC_WC__COUNT };
typedef struct {
	int line;
	ac_question_field *fields; /* in the profile's order */
	size_t n_fields;
	double limit[AC_WC__COUNT];
	int limit_set[AC_WC__COUNT];
} ac_what_changes_policy;

typedef struct {
	int line;
	ac_choices answer;
} ac_question_policy;

typedef struct {
	char *id;
	int line;
	ac_choices reason;
} ac_timing_policy;

typedef struct {
	int value; /* AC_POS_* */
	ac_expr *when;
} ac_position;

typedef struct {
	int defined;
	int repeatable; /* 1 yes, 0 no or partly */
	int partly;
	double exposure;
	char *covers;
} ac_category_policy;

struct ac_policy {
	const ac_wording *wording; /* every sentence that is not the policy's own */
	/* 1 for the built-in policy as the build made it (access.c): shared by
	 * the whole process, never freed. */
	int from_image;
	char *text; /* the file as read, for writer.c */
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
	/* [fit]: the score from which a certificate fits, the person's levels
	 * (1..5) each certificate level suits, and the factor on the score of a
	 * certificate outside them.  fit_set is 0 when the section is absent. */
	int fit_set;
	double fit_from;
	int level_lo[AC_LVL_COURSE + 1], level_hi[AC_LVL_COURSE + 1];
	double off_level;
	int technical_domain[AC_DOM__COUNT + 1]; /* domains for people who build software */
	double technical_from; /* share of time in development or system design from which one does */
	/* [preparation]: hours estimated for an entry without a sourced figure,
	 * by its level (first) or its format, and the range around them as
	 * factors.  0 hours: no estimate for that level or format. */
	double prep_by_level[AC_LVL_COURSE + 1];
	double prep_by_format[AC_FMT_COURSE_COMPLETION + 1];
	double prep_low, prep_high;
	int prep_set;
	ac_when_section phases[AC_PHASES + 1]; /* [phase N], N = 1.. */
	ac_when_section motives[AC_MOT__COUNT + 1]; /* [motive NAME]: valid = ... */
	ac_reads phase_reads, motive_reads; /* what the phases and the motives' conditions read */
	ac_when_section classes[AC_CLASS_LEVERAGED + 1]; /* [class NAME] */
	int class_order[AC_CLASS_LEVERAGED]; /* the classes in file order */
	size_t n_classes;
	ac_position *positions; /* [positioning], in order */
	size_t n_positions;
	int positioning_line;
	ac_condition_policy conditions[AC_COND__COUNT];
	ac_question_policy questions[AC_Q__COUNT];
	ac_timing_policy *timing; /* [timing NAME], in order */
	size_t n_timing;
	ac_what_changes_policy what_changes;
	/* The names C relies on (required.h), resolved when the policy is read. */
	size_t required_fact[AC_REQ_FACT__COUNT]; /* fact slots */
	size_t required_flag[AC_REQ_FLAG__COUNT]; /* indices into flags */
	ac_expr **all_exprs; /* every expression, for freeing */
	size_t n_exprs, cap_exprs;
};

#endif
