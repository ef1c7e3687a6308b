/*
 * required.h — the names the C code relies on, declared once.  Each is looked
 * up when a policy is read and kept as a slot or an index; a policy that
 * lacks one is refused, naming it and what it is for, so renaming one can
 * never silently change a report.
 *
 * R(id, name, what it is for)
 */
#ifndef AICERT_POLICY_REQUIRED_H
#define AICERT_POLICY_REQUIRED_H

/* [derive NAME] sections whose value the assessment reports. */
#define AC_REQUIRED_FACTS(R) \
	R(STRUCTURAL, "structural", "the report says whether exposure comes from the role's design (exposure.structural)") \
	R(SKILL_BASED, "skill_based", "the report says whether exposure is skill-based (exposure.skill_based)") \
	R(OWNERSHIP_EXPANDS, "ownership_expands", "the report gives the ownership test (leverage.ownership_expands)") \
	R(TIMING_APPROPRIATE, "timing_appropriate", "the report says whether the timing is appropriate (timing.appropriate)")

/* [flag NAME] sections whose firing the assessment reports. */
#define AC_REQUIRED_FLAGS(R) \
	R(SIGNALING_RISK, "signaling_risk", "the report says whether a visible credential is a signalling risk (organization.signaling_risk)")

#define AC_REQ_ENUM(id, name, what) AC_REQ_##id,
enum { AC_REQUIRED_FACTS(AC_REQ_ENUM) AC_REQ_FACT__COUNT };
enum { AC_REQUIRED_FLAGS(AC_REQ_ENUM) AC_REQ_FLAG__COUNT };
#undef AC_REQ_ENUM

#endif
