/*
 * enums.c — the name table of every enumerated input: the one place where an
 * enum's spelling lives.  Profile, policy and catalogue parsing, the
 * renderers and the error messages all read it.  Each kind's names are
 * written once, below, as a list; the name array, the count and the
 * "a, b or c" sentence for messages are all made from that list, so they
 * cannot disagree, and the counts are checked against aicert.h.
 */
#include <string.h>

#include "aicert.h"

/* The name lists are laid out by hand. */
/* clang-format off */
/* Each list is NAMES(FIRST, MID, LAST): its first name, the names between,
 * and its last name, in value order (value 1 first). */
#define CATEGORY_NAMES(F, M, L)                                                                      \
	F("routine_admin") M("document_drafting") M("structured_data_analysis")                      \
	M("standardized_reporting") M("predictable_requests") M("research_synthesis")                \
	M("coordination") M("content_creation") M("software_development") M("judgment_decisions")    \
	M("system_design") M("client_relationship") M("people_leadership") M("strategy_influence")   \
	L("physical_in_person")
#define KIND_NAMES(F, M, L) F("ic") M("manager") L("hybrid")
#define AUTHORITY_NAMES(F, M, L) F("holds") L("separable")
#define REVENUE_NAMES(F, M, L) F("direct") M("adjacent") L("far")
#define LEVERAGE_TEST_NAMES(F, M, L) F("scope") M("influence") M("pay") M("headcount_cut") L("unsure")
#define VALUE_BASIS_NAMES(F, M, L) F("speed") L("judgment")
#define AI_LEVEL_NAMES(F, M, L) F("none") M("experimenting") M("regular") L("built_workflows")
#define LEADER_READING_NAMES(F, M, L) \
	F("modernizer") M("efficient_operator") M("automation_evidence") L("unknown")
#define ADOPTION_SIGNAL_NAMES(F, M, L)                                                                \
	F("ai_optional") M("few_experimenting") M("ai_expected") M("output_targets_rising")           \
	M("hiring_slowing") M("wider_spans") M("layers_removed") M("reporting_automated")            \
	L("intermediaries_removed")
#define COMPRESSING_NAMES(F, M, L) F("yes") M("no") L("unknown")
#define DIGITAL_NAMES(F, M, L) F("high") M("medium") L("low")
#define MOTIVE_NAMES(F, M, L)                                                                         \
	F("capability_gap") M("credential_signal") M("role_transition") M("industry_shift")          \
	M("signal_activity") M("reduce_anxiety") M("follow_headlines") L("unclear_positioning")
#define DOMAIN_NAMES(F, M, L)                                                                         \
	F("ai_literacy") M("ml_engineering") M("genai_development") M("data") M("ai_governance")     \
	M("ai_product_management") L("cloud_platform")
#define LEVEL_NAMES(F, M, L) \
	F("foundational") M("associate") M("professional") M("specialty") M("executive") L("course")
#define VERDICT_NAMES(F, M, L) F("pursue") M("signal_only") M("not_yet") L("avoid")
#define FORMAT_NAMES(F, M, L) F("proctored_exam") M("hands_on_lab") L("course_completion")
#define STATUS_NAMES(F, M, L) F("active") M("retiring") L("retired")
#define PATH_NAMES(F, M, L) \
	F("certification") M("applied_project") M("org_leverage") M("role_redesign") L("reposition")
#define ORIENTATION_NAMES(F, M, L) F("leverage_oriented") M("rewarded") M("neutral") L("compressible")
#define CLASS_NAMES(F, M, L) F("exposed") M("pressured") L("leveraged")
#define FUNCTION_NAMES(F, M, L)                                                                       \
	F("revenue") M("compliance_risk") M("infrastructure") M("decision_support") M("operations")  \
	M("support") M("creative") L("other")
/* clang-format on */

/* The three things made from a list. */
#define AS_ITEM(s) s,
#define AS_COUNT(s) +1
#define AS_HEAD(s) s
#define AS_MID(s) ", " s
#define AS_TAIL(s) " or " s
#define ENTRY(kind, NAMES)                                                                                             \
	[kind] = {(const char *const[]){NULL, NAMES(AS_ITEM, AS_ITEM, AS_ITEM)}, NAMES(AS_HEAD, AS_MID, AS_TAIL),      \
		  0 NAMES(AS_COUNT, AS_COUNT, AS_COUNT)}

static const struct {
	const char *const *names; /* [0] NULL, then value 1..count */
	const char *list; /* "a, b or c" */
	int count;
} tables[AC_ENUM__COUNT] = {
	ENTRY(AC_ENUM_CATEGORY, CATEGORY_NAMES),
	ENTRY(AC_ENUM_KIND, KIND_NAMES),
	ENTRY(AC_ENUM_AUTHORITY, AUTHORITY_NAMES),
	ENTRY(AC_ENUM_REVENUE, REVENUE_NAMES),
	ENTRY(AC_ENUM_LEVERAGE_TEST, LEVERAGE_TEST_NAMES),
	ENTRY(AC_ENUM_VALUE_BASIS, VALUE_BASIS_NAMES),
	ENTRY(AC_ENUM_AI_LEVEL, AI_LEVEL_NAMES),
	ENTRY(AC_ENUM_LEADER_READING, LEADER_READING_NAMES),
	ENTRY(AC_ENUM_ADOPTION_SIGNAL, ADOPTION_SIGNAL_NAMES),
	ENTRY(AC_ENUM_COMPRESSING, COMPRESSING_NAMES),
	ENTRY(AC_ENUM_DIGITAL, DIGITAL_NAMES),
	ENTRY(AC_ENUM_MOTIVE, MOTIVE_NAMES),
	ENTRY(AC_ENUM_DOMAIN, DOMAIN_NAMES),
	ENTRY(AC_ENUM_LEVEL, LEVEL_NAMES),
	ENTRY(AC_ENUM_VERDICT, VERDICT_NAMES),
	ENTRY(AC_ENUM_FORMAT, FORMAT_NAMES),
	ENTRY(AC_ENUM_STATUS, STATUS_NAMES),
	ENTRY(AC_ENUM_PATH, PATH_NAMES),
	ENTRY(AC_ENUM_ORIENTATION, ORIENTATION_NAMES),
	ENTRY(AC_ENUM_CLASS, CLASS_NAMES),
	ENTRY(AC_ENUM_FUNCTION, FUNCTION_NAMES),
};

/* The value constants of aicert.h must count the same names. */
#define COUNT(NAMES) (0 NAMES(AS_COUNT, AS_COUNT, AS_COUNT))
_Static_assert(COUNT(CATEGORY_NAMES) == AC_CAT__COUNT, "AC_CAT_* and the category names differ");
_Static_assert(COUNT(KIND_NAMES) == AC_KIND_HYBRID, "AC_KIND_* and the names differ");
_Static_assert(COUNT(AUTHORITY_NAMES) == AC_AUTH_SEPARABLE, "AC_AUTH_* and the names differ");
_Static_assert(COUNT(REVENUE_NAMES) == AC_REV_FAR, "AC_REV_* and the names differ");
_Static_assert(COUNT(LEVERAGE_TEST_NAMES) == AC_LT_UNSURE, "AC_LT_* and the names differ");
_Static_assert(COUNT(VALUE_BASIS_NAMES) == AC_VB_JUDGMENT, "AC_VB_* and the names differ");
_Static_assert(COUNT(AI_LEVEL_NAMES) == AC_AI_BUILT_WORKFLOWS, "AC_AI_* and the names differ");
_Static_assert(COUNT(LEADER_READING_NAMES) == AC_LR_UNKNOWN, "AC_LR_* and the names differ");
_Static_assert(COUNT(ADOPTION_SIGNAL_NAMES) == AC_SIG__COUNT, "AC_SIG_* and the names differ");
_Static_assert(COUNT(COMPRESSING_NAMES) == AC_COMP_UNKNOWN, "AC_COMP_* and the names differ");
_Static_assert(COUNT(DIGITAL_NAMES) == AC_DIG_LOW, "AC_DIG_* and the names differ");
_Static_assert(COUNT(MOTIVE_NAMES) == AC_MOT__COUNT, "AC_MOT_* and the names differ");
_Static_assert(COUNT(DOMAIN_NAMES) == AC_DOM__COUNT, "AC_DOM_* and the names differ");
_Static_assert(COUNT(LEVEL_NAMES) == AC_LVL_COURSE, "AC_LVL_* and the names differ");
_Static_assert(COUNT(VERDICT_NAMES) == AC_VERDICT_AVOID, "AC_VERDICT_* and the names differ");
_Static_assert(COUNT(FORMAT_NAMES) == AC_FMT_COURSE_COMPLETION, "AC_FMT_* and the names differ");
_Static_assert(COUNT(STATUS_NAMES) == AC_STATUS_RETIRED, "AC_STATUS_* and the names differ");
_Static_assert(COUNT(PATH_NAMES) == AC_PATH__COUNT, "AC_PATH_* and the names differ");
_Static_assert(COUNT(ORIENTATION_NAMES) == AC_ORIENT_COMPRESSIBLE, "AC_ORIENT_* and the names differ");
_Static_assert(COUNT(CLASS_NAMES) == AC_CLASS_LEVERAGED, "AC_CLASS_* and the names differ");
_Static_assert(COUNT(FUNCTION_NAMES) == AC_FN__COUNT, "AC_FN_* and the names differ");

static int known(ac_enum_kind kind)
{
	return (int)kind >= 0 && kind < AC_ENUM__COUNT;
}

const char *ac_enum_name(ac_enum_kind kind, int v)
{
	if (!known(kind) || v < 1 || v > tables[kind].count)
		return NULL;
	return tables[kind].names[v];
}

int ac_enum_value(ac_enum_kind kind, const char *name)
{
	if (!known(kind) || !name)
		return 0;
	for (int i = 1; i <= tables[kind].count; i++) /* the first letter before the call */
		if (tables[kind].names[i][0] == name[0] && strcmp(tables[kind].names[i], name) == 0)
			return i;
	return 0;
}

int ac_enum_count(ac_enum_kind kind)
{
	return known(kind) ? tables[kind].count : 0;
}

const char *ac_enum_list(ac_enum_kind kind)
{
	return known(kind) ? tables[kind].list : "";
}
