/*
 * facts.h — the named facts the engine derives from a profile, which policy
 * expressions (rules, flags, derived facts, alternatives) may use.  One list,
 * read by the policy parser (to resolve and type-check names) and by the
 * engine (to fill values); `aicert policy show --facts` prints it.
 *
 * FACT(id, name, type, description)   type: B three-valued, N number, S text
 *
 * Most facts come straight from the profile: answers as given, three-valued
 * (the claims a person has to make are derived from them by the policy).  A
 * few are decided by the policy itself, in this order, and a condition may
 * use a fact only once it is decided (ac_fact_stage): the phase ([phase N]),
 * the motives' validity ([motive NAME]), the derived facts, the verdict (the
 * rules, with a fact rule_ID for each rule's condition and reason_ID for the
 * rule that decides), and the positioning ([positioning]).
 */
#ifndef AICERT_FACTS_H
#define AICERT_FACTS_H

#define AC_FACTS(FACT)                                                                                                 \
	FACT(HAS_TASKS, "has_tasks", B, "a task mix was given (or pre-filled from the occupation)")                    \
	FACT(HAS_OCCUPATION, "has_occupation", B, "role.occupation was found in installed occupation data (usable)")   \
	FACT(OCCUPATION_GIVEN, "occupation_given", B, "role.occupation was given, usable or not")                      \
	FACT(PREFILLED, "prefilled", B, "the task mix was pre-filled from the occupation")                             \
	FACT(EXPOSURE, "exposure", N, "time-weighted AI exposure of the tasks, 0..1")                                  \
	FACT(REPEATABLE_SHARE, "repeatable_share", N,                                                                  \
	     "share of time in repeatable work (raw shares summed, then divided once)")                                \
	FACT(STANDARDIZED_SHARE, "standardized_share", N, "share of time producing standardised output")               \
	FACT(BENCHMARKABLE_SHARE, "benchmarkable_share", N, "share of time whose output is easy to benchmark")         \
	FACT(SEPARABLE_SHARE, "separable_share", N,                                                                    \
	     "share of time in tasks that do not need the person's decision authority")                                \
	FACT(REPORTING_SHARE, "reporting_share", N, "share of time in standardised reporting and document drafting")   \
	FACT(COORDINATION_SHARE, "coordination_share", N, "share of time in coordination")                             \
	FACT(TOP_TASK, "top_task", S, "the task contributing most to exposure")                                        \
	FACT(TOP_TASK_SHARE, "top_task_share", N, "that task's share of time")                                         \
	FACT(EXPOSED, "exposed", B, "AI-Exposed: repeatable_share at or above exposed_repeatable_share")               \
	FACT(COND_STANDARDIZED, "cond_standardized_output", B, "replaceability condition 1 holds")                     \
	FACT(COND_REPEATABLE, "cond_repeatable_tasks", B, "replaceability condition 2 holds")                          \
	FACT(COND_BENCHMARKED, "cond_easily_benchmarked", B, "replaceability condition 3 holds")                       \
	FACT(COND_SEPARABLE, "cond_separable_from_authority", B, "replaceability condition 4 holds")                   \
	FACT(REPLACEABILITY, "replaceability", N, "how many of the four replaceability conditions hold")               \
	FACT(REPLACEABILITY_HIGH, "replaceability_high", B, "replaceability at or above replaceability_high")          \
	FACT(HOLDS_AUTHORITY, "holds_authority", B, "role.decision_authority is holds (unknown when unanswered)")      \
	FACT(LEVERAGE_TEST_ANSWERED, "leverage_test_answered", B, "the 40% productivity question was answered")        \
	FACT(LEVERAGE_ORIENTED, "leverage_oriented", B, "extra output turns into scope or influence")                  \
	FACT(REWARDED, "rewarded", B, "extra output turns into pay")                                                   \
	FACT(COMPRESSIBLE, "compressible", B,                                                                          \
	     "extra output turns into headcount cuts (or unsure with high replaceability)")                            \
	FACT(WIDENED_SCOPE, "widened_scope", B, "the answer to ai_use.widened_scope (unknown when unanswered)")        \
	FACT(OWNS_MEASURABLE, "owns_measurable_outcomes", B,                                                           \
	     "the answer to role.owns_measurable_outcomes (unknown when unanswered)")                                  \
	FACT(MANAGER_OWNS, "manager_owns_outcomes", B,                                                                 \
	     "the answer to role.manager.owns_outcomes (unknown when unanswered)")                                     \
	FACT(EXPANDING_SYSTEM_DESIGN, "expanding_into_system_design", B,                                               \
	     "the answer to trajectory.expanding_into_system_design")                                                  \
	FACT(TRANSITIONING_HYBRID, "transitioning_to_hybrid", B, "the answer to trajectory.transitioning_to_hybrid")   \
	FACT(LADDER_LEVEL, "ladder_level", N, "leverage ladder level 1..5")                                            \
	FACT(TESTED_IN_ROLE, "tested_in_role", B, "the answer to ai_use.tested_in_role (unknown when unanswered)")     \
	FACT(AI_USE_NONE, "ai_use_none", B, "ai_use.level is none (unknown when the level is not given)")              \
	FACT(AI_USES_WELL, "ai_uses_well", B, "AI use is regular or has built workflows")                              \
	FACT(SIGNAL_STRENGTH, "signal_strength", N,                                                                    \
	     "how many of the four organisation signals are answered yes (the lower bound)")                           \
	FACT(SIGNAL_STRENGTH_MAX, "signal_strength_max", N,                                                            \
	     "the signals answered yes or unanswered (the upper bound)")                                               \
	FACT(CREDENTIAL_SENSITIVE, "credential_sensitive", B,                                                          \
	     "yes when signal_strength reaches credential_sensitive_signals, no when signal_strength_max stays below " \
	     "it, else unknown")                                                                                       \
	FACT(LEADER_MODERNIZER, "leader_modernizer", B, "leaders read visible AI use as modernising")                  \
	FACT(LEADER_EFFICIENT, "leader_efficient_operator", B,                                                         \
	     "leaders read visible AI use as doing the same work faster")                                              \
	FACT(LEADER_AUTOMATION, "leader_automation_evidence", B,                                                       \
	     "leaders read visible AI use as evidence the role can be automated")                                      \
	FACT(ADOPTION_AI_OPTIONAL, "adoption_ai_optional", B,                                                          \
	     "adoption signal: AI use is optional (unknown when no signals were given)")                               \
	FACT(ADOPTION_FEW_EXPERIMENTING, "adoption_few_experimenting", B,                                              \
	     "adoption signal: a few people are experimenting")                                                        \
	FACT(ADOPTION_AI_EXPECTED, "adoption_ai_expected", B, "adoption signal: AI use is expected")                   \
	FACT(ADOPTION_OUTPUT_TARGETS_RISING, "adoption_output_targets_rising", B,                                      \
	     "adoption signal: output targets are rising")                                                             \
	FACT(ADOPTION_HIRING_SLOWING, "adoption_hiring_slowing", B, "adoption signal: hiring is slowing")              \
	FACT(ADOPTION_WIDER_SPANS, "adoption_wider_spans", B, "adoption signal: managers have wider spans of control") \
	FACT(ADOPTION_LAYERS_REMOVED, "adoption_layers_removed", B, "adoption signal: management layers are removed")  \
	FACT(ADOPTION_REPORTING_AUTOMATED, "adoption_reporting_automated", B,                                          \
	     "adoption signal: reporting is automated")                                                                \
	FACT(ADOPTION_INTERMEDIARIES_REMOVED, "adoption_intermediaries_removed", B,                                    \
	     "adoption signal: intermediary roles are removed")                                                        \
	FACT(PHASE, "phase", N,                                                                                        \
	     "adoption phase: the highest [phase N] whose condition holds (unknown when none does)")                   \
	FACT(INDUSTRY_COMPRESSING, "industry_compressing", B,                                                          \
	     "the industry's business model is compressing (unknown when unanswered or answered unknown)")             \
	FACT(INDUSTRY_SHIFTING, "industry_shifting", B, "the industry is visibly shifting to AI-based work")           \
	FACT(DIGITAL_HIGH, "digital_high", B,                                                                          \
	     "the industry relies heavily on digital information and written content")                                 \
	FACT(FUNCTION_REVENUE, "function_revenue", B, "role.function is revenue (unknown when not given)")             \
	FACT(FUNCTION_COMPLIANCE_RISK, "function_compliance_risk", B, "role.function is compliance_risk")              \
	FACT(FUNCTION_INFRASTRUCTURE, "function_infrastructure", B, "role.function is infrastructure")                 \
	FACT(FUNCTION_DECISION_SUPPORT, "function_decision_support", B, "role.function is decision_support")           \
	FACT(FUNCTION_OPERATIONS, "function_operations", B, "role.function is operations")                             \
	FACT(FUNCTION_SUPPORT, "function_support", B, "role.function is support")                                      \
	FACT(FUNCTION_CREATIVE, "function_creative", B, "role.function is creative")                                   \
	FACT(FUNCTION_OTHER, "function_other", B, "role.function is other")                                            \
	FACT(REVENUE_CLOSE, "revenue_close", B, "the role is revenue-direct or revenue-adjacent")                      \
	FACT(MOTIVES_GIVEN, "motives_given", B, "at least one motive was given")                                       \
	FACT(MOTIVE_CAPABILITY_GAP, "motive_capability_gap", B, "the motives include capability_gap")                  \
	FACT(MOTIVE_CREDENTIAL_SIGNAL, "motive_credential_signal", B, "the motives include credential_signal")         \
	FACT(MOTIVE_ROLE_TRANSITION, "motive_role_transition", B, "the motives include role_transition")               \
	FACT(MOTIVE_INDUSTRY_SHIFT, "motive_industry_shift", B, "the motives include industry_shift")                  \
	FACT(MOTIVE_SIGNAL_ACTIVITY, "motive_signal_activity", B, "the motives include signal_activity")               \
	FACT(MOTIVE_REDUCE_ANXIETY, "motive_reduce_anxiety", B, "the motives include reduce_anxiety")                  \
	FACT(MOTIVE_FOLLOW_HEADLINES, "motive_follow_headlines", B, "the motives include follow_headlines")            \
	FACT(MOTIVE_UNCLEAR_POSITIONING, "motive_unclear_positioning", B, "the motives include unclear_positioning")   \
	FACT(VALID_MOTIVE, "valid_motive", B, "at least one motive is valid once checked")                             \
	FACT(NO_VALID_MOTIVE, "no_valid_motive", B, "motives were given and none is valid once checked")               \
	FACT(INVALID_MOTIVE_PRESENT, "invalid_motive_present", B, "an invalid motive was given")                       \
	FACT(GAP_NAMED, "gap_named", B, "a capability gap is named (no for \"\", unknown when not answered)")          \
	FACT(TARGET_NAMED, "target_named", B, "a target role is named (no for \"\", unknown when not answered)")       \
	FACT(DEFINED_TRANSITION, "defined_transition", B,                                                              \
	     "a defined move: a role_transition motive and a named target role")                                       \
	FACT(INDUSTRY_SHIFT_VALID, "industry_shift_valid", B,                                                          \
	     "an industry_shift motive in an industry that is shifting")                                               \
	FACT(CERT_NAMED, "cert_named", B, "the profile names a certificate")                                           \
	FACT(CERT_ROLE_FIT, "cert_role_fit", B, "the named certificate maps to the target (or current) role")          \
	FACT(CERT_GAP_FIT, "cert_gap_fit", B, "the named certificate covers the named gap")                            \
	FACT(CERT_FITS, "cert_fits", B,                                                                                \
	     "the one fits test: role fit when a move is defined, else gap fit when a gap is named, else role fit "    \
	     "(no: it misses)")                                                                                        \
	FACT(CERT_RECOGNIZED, "cert_recognized", B, "the organisation recognises the certificate")                     \
	FACT(CERT_RETIRED, "cert_retired", B, "the certificate was retired on or before the assessment's date")        \
	FACT(CERT_RETIRES_BEFORE_FINISH, "cert_retires_before_finish", B,                                              \
	     "it retires before the person could finish it (as_of + weeks to finish)")                                 \
	FACT(CERT_RETIRING_SOON, "cert_retiring_soon", B,                                                              \
	     "it retires after the assessment's date but within a year of it")                                         \
	FACT(CERT_PREREQ_GATED, "cert_gated", B, "the certificate requires another credential first")                  \
	FACT(CERT_COST, "cert_cost_usd", N, "certificate price in USD")                                                \
	FACT(CERT_HOURS, "cert_hours", N, "preparation hours")                                                         \
	FACT(CERT_WEEKS, "cert_weeks", N, "weeks to complete at the person's hours per week")                          \
	FACT(HOURS_PER_WEEK, "hours_per_week", N, "hours a week the person can study")                                 \
	FACT(OVER_BUDGET, "over_budget", B, "the certificate costs more than the budget")                              \
	FACT(CERT_TOO_LONG, "cert_too_long", B,                                                                        \
	     "the certificate takes longer than max_certificate_weeks at the person's pace (unknown when the weeks "   \
	     "are)")                                                                                                   \
	FACT(IS_MANAGER, "is_manager", B, "the role is a manager or hybrid role")                                      \
	FACT(MANAGER_SUPERVISORY, "manager_supervisory", B, "the manager purely supervises stable execution")          \
	FACT(MANAGER_STATUS_SHARE, "manager_status_share", N, "percent of a manager's value that is status synthesis") \
	FACT(VALUE_SPEED, "value_speed", B, "the person's value is production speed")                                  \
	FACT(VERDICT_PURSUE, "verdict_pursue", B, "the verdict is pursue (not in rules or derived facts)")             \
	FACT(VERDICT_SIGNAL, "verdict_signal_only", B, "the verdict is signal_only (not in rules or derived facts)")   \
	FACT(VERDICT_NOT_YET, "verdict_not_yet", B, "the verdict is not_yet (not in rules or derived facts)")          \
	FACT(VERDICT_AVOID, "verdict_avoid", B, "the verdict is avoid (not in rules or derived facts)")                \
	FACT(POSITIONING_OFFENSIVE, "positioning_offensive", B,                                                        \
	     "[positioning] says offensive (only after [positioning])")                                                \
	FACT(POSITIONING_MIXED, "positioning_mixed", B, "[positioning] says mixed (only after [positioning])")         \
	FACT(POSITIONING_DEFENSIVE, "positioning_defensive", B,                                                        \
	     "[positioning] says defensive (only after [positioning])")                                                \
	FACT(POSITIONING_UNKNOWN, "positioning_unknown", B, "[positioning] says unknown (only after [positioning])")   \
	FACT(TARGET_ROLE, "target_role", S, "the named target role")                                                   \
	FACT(CAPABILITY_GAP, "capability_gap", S, "the named capability gap")                                          \
	FACT(ROLE_TITLE, "role_title", S, "the person's job title")                                                    \
	FACT(FUNCTION_WORDS, "function_words", S, "the function the role sits in, in words")                           \
	FACT(INDUSTRY_NAME, "industry_name", S, "the person's industry, in their words")                               \
	FACT(CERT_NAME, "cert_name", S, "the named certificate")                                                       \
	FACT(CERT_RETIRES_ON, "cert_retires_on", S, "the date the certificate retires or retired")                     \
	FACT(AS_OF, "as_of", S, "the date of the assessment")

#define AC_FACT_ENUM(id, name, type, desc) AC_F_##id,
enum { AC_FACTS(AC_FACT_ENUM) AC_F__BUILTIN };
#undef AC_FACT_ENUM

enum { AC_T_BOOL = 'B', AC_T_NUM = 'N', AC_T_STR = 'S' };

typedef struct {
	const char *name;
	int type;
	const char *description;
} ac_fact_info;

extern const ac_fact_info ac_fact_table[AC_F__BUILTIN];

/* When a fact is decided, in order.  A condition read at stage s may use the
 * facts decided before s. */
enum {
	AC_STAGE_PROFILE, /* from the profile, before anything the policy decides */
	AC_STAGE_PHASE, /* phase */
	AC_STAGE_MOTIVES, /* valid_motive, no_valid_motive, invalid_motive_present, industry_shift_valid */
	AC_STAGE_DERIVED, /* [derive] facts, in file order */
	AC_STAGE_VERDICT, /* verdict_*, rule_ID and reason_ID */
	AC_STAGE_POSITIONING, /* positioning_* */
	AC_STAGE_AFTER /* the report: everything is decided */
};
/* The stage of fact slot i (derived facts are AC_STAGE_DERIVED). */
int ac_fact_stage(size_t i);

#endif
