/*
 * required.h — the names the C code relies on, declared once.  Each is looked
 * up when a policy is read and kept as a slot or an index; a policy that
 * lacks one is refused, naming it and what it is for, so renaming one can
 * never silently change a report.
 *
 * R(id, name, what it is for)
 *
 * The same tables are the vocabulary of the sections whose names are fixed:
 * [condition NAME], [question NAME] and the values of [positioning].
 */
#ifndef AICERT_POLICY_REQUIRED_H
#define AICERT_POLICY_REQUIRED_H

/* [derive NAME] sections whose value the assessment reports. */
#define AC_REQUIRED_FACTS(R)                                                                                           \
	R(AI_ENHANCED_ROLE, "ai_enhanced_role",                                                                        \
	  "the report's first leverage condition, a claim (leverage.conditions.ai_enhanced_role)")                     \
	R(OWNS_OUTCOMES, "owns_outcomes",                                                                              \
	  "the report's second leverage condition, a claim (leverage.conditions.owns_measurable_outcomes)")            \
	R(SYSTEM_DESIGN_MOVE, "system_design_move",                                                                    \
	  "the report's third leverage condition, a claim (leverage.conditions.expanding_into_system_design)")         \
	R(HYBRID_MOVE, "hybrid_move",                                                                                  \
	  "the report's fourth leverage condition, a claim (leverage.conditions.transitioning_to_hybrid)")             \
	R(LEVERAGE_COUNT, "leverage_count", "the report counts the leverage conditions that hold (leverage.count)")    \
	R(STRUCTURAL, "structural",                                                                                    \
	  "the report says whether exposure comes from the role's design (exposure.structural)")                       \
	R(SKILL_BASED, "skill_based", "the report says whether exposure is skill-based (exposure.skill_based)")        \
	R(OWNERSHIP_EXPANDS, "ownership_expands", "the report gives the ownership test (leverage.ownership_expands)")  \
	R(TIMING_APPROPRIATE, "timing_appropriate",                                                                    \
	  "the report says whether the timing is appropriate (timing.appropriate)")

/* [flag NAME] sections whose firing the assessment reports. */
#define AC_REQUIRED_FLAGS(R)                                                                                           \
	R(SIGNALING_RISK, "signaling_risk",                                                                            \
	  "the report says whether a visible credential is a signalling risk (organization.signaling_risk)")

/* The four conditions: one [condition NAME] each. */
#define AC_CONDITIONS(R)                                                                                               \
	R(EXPOSURE_UNDERSTOOD, "exposure_understood",                                                                  \
	  "the report's condition 'exposure understood' (conditions.exposure_understood)")                             \
	R(LEVERAGE_POSSIBLE, "leverage_possible",                                                                      \
	  "the report's condition 'leverage possible' (conditions.leverage_possible)")                                 \
	R(TIMING_APPROPRIATE, "timing_appropriate",                                                                    \
	  "the report's condition 'timing appropriate' (conditions.timing_appropriate)")                               \
	R(TRAJECTORY_DEFINED, "trajectory_defined",                                                                    \
	  "the report's condition 'trajectory defined' (conditions.trajectory_defined)")

/* The five questions before enrolling, in the report's order: one
 * [question NAME] each. */
#define AC_QUESTIONS(R)                                                                                                \
	R(CAPABILITY_GAP, "capability_gap", "the answer to question 1, which capability it would give")                \
	R(MAPS_TO_WANTED_ROLE, "maps_to_wanted_role", "the answer to question 2, whether it leads to a wanted role")   \
	R(AUTHORITY_OR_KNOWLEDGE, "authority_or_knowledge", "the answer to question 3, authority or only knowledge")   \
	R(ORG_REWARDS_CERTIFICATION, "org_rewards_certification",                                                      \
	  "the answer to question 4, whether the organisation rewards it")                                             \
	R(DEFENSIVE_OR_OFFENSIVE, "defensive_or_offensive", "the answer to question 5, defensive or offensive")

/* The values [positioning] may give, and how the assessment reports each
 * (motives.positioning).  Each has a fact positioning_NAME (facts.h, same
 * order). */
#define AC_POSITIONS(R)                                                                                                \
	R(OFFENSIVE, "offensive", "offensive")                                                                         \
	R(MIXED, "mixed", "mixed")                                                                                     \
	R(DEFENSIVE, "defensive", "defensive")                                                                         \
	R(UNKNOWN, "unknown", "unknown")

/* Every exposure class ([class NAME], the names of AC_ENUM_CLASS), every
 * motive ([motive NAME], AC_ENUM_MOTIVE) and every adoption phase
 * ([phase 1] to [phase AC_PHASES]) needs its section too. */
#define AC_PHASES 3

#define AC_REQ_ENUM(id, name, what) AC_REQ_##id,
enum { AC_REQUIRED_FACTS(AC_REQ_ENUM) AC_REQ_FACT__COUNT };
enum { AC_REQUIRED_FLAGS(AC_REQ_ENUM) AC_REQ_FLAG__COUNT };
#undef AC_REQ_ENUM
#define AC_COND_ENUM(id, name, what) AC_COND_##id,
enum { AC_CONDITIONS(AC_COND_ENUM) AC_COND__COUNT };
#undef AC_COND_ENUM
#define AC_Q_ENUM(id, name, what) AC_Q_##id,
enum { AC_QUESTIONS(AC_Q_ENUM) AC_Q__COUNT };
#undef AC_Q_ENUM
#define AC_POS_ENUM(id, name, value) AC_POS_##id,
enum { AC_POSITIONS(AC_POS_ENUM) AC_POS__COUNT };
#undef AC_POS_ENUM

/* The name of each, and what it is for (or, for positions, the value
 * reported), indexed by the enums above (judgements.c). */
typedef struct {
	const char *name, *what;
} ac_required_name;
extern const ac_required_name ac_conditions[AC_COND__COUNT], ac_questions[AC_Q__COUNT], ac_positions[AC_POS__COUNT];

#endif
