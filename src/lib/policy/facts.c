/*
 * facts.c — the names a policy's conditions and texts may use: the built-in
 * facts (facts.h), the facts a policy derives, the facts of its rules
 * (rule_ID, reason_ID) and the thresholds.  Every
 * lookup of one of them by name goes through the two functions here, and only
 * while a policy is read: the engine works with slots.
 */
#include <string.h>

#include "policy/policy.h"

#define B AC_T_BOOL
#define N AC_T_NUM
#define S AC_T_STR
#define AC_FACT_ROW(id, name, type, desc) {name, type, desc},
const ac_fact_info ac_fact_table[AC_F__BUILTIN] = {AC_FACTS(AC_FACT_ROW)};
#undef AC_FACT_ROW
#undef B
#undef N
#undef S

#define AC_TH_ROW(id, name, desc) {name, desc},
static const struct {
	const char *name;
	const char *description;
} thresholds[AC_TH__COUNT] = {AC_THRESHOLDS(AC_TH_ROW)};
#undef AC_TH_ROW

int ac_fact_stage(size_t i)
{
	switch (i) {
	case AC_F_PHASE: return AC_STAGE_PHASE;
	case AC_F_VALID_MOTIVE:
	case AC_F_NO_VALID_MOTIVE:
	case AC_F_INVALID_MOTIVE_PRESENT:
	case AC_F_INDUSTRY_SHIFT_VALID: return AC_STAGE_MOTIVES;
	case AC_F_VERDICT_PURSUE:
	case AC_F_VERDICT_SIGNAL:
	case AC_F_VERDICT_NOT_YET:
	case AC_F_VERDICT_AVOID: return AC_STAGE_VERDICT;
	case AC_F_POSITIONING_OFFENSIVE:
	case AC_F_POSITIONING_MIXED:
	case AC_F_POSITIONING_DEFENSIVE:
	case AC_F_POSITIONING_UNKNOWN: return AC_STAGE_POSITIONING;
	default:
		return i < AC_F__BUILTIN ? AC_STAGE_PROFILE : i < AC_RULE_FACTS ? AC_STAGE_DERIVED : AC_STAGE_VERDICT;
	}
}

size_t ac_policy_fact_slots(const ac_policy *p)
{
	return AC_RULE_FACTS + 2 * p->n_rules;
}

const char *ac_policy_fact_name(const ac_policy *p, size_t i, int *type)
{
	const char *name = NULL;
	int t = AC_T_BOOL;
	if (i < AC_F__BUILTIN) {
		name = ac_fact_table[i].name;
		t = ac_fact_table[i].type;
	} else if (i < AC_RULE_FACTS) {
		size_t k = i - AC_F__BUILTIN;
		if (k < p->n_derived) {
			name = p->derived[k].name;
			t = p->derived[k].type;
		}
	} else if ((i - AC_RULE_FACTS) / 2 < p->n_rules) {
		const ac_rule *r = &p->rules[(i - AC_RULE_FACTS) / 2];
		name = (i - AC_RULE_FACTS) % 2 ? r->reason_fact : r->holds_fact;
	}
	if (type)
		*type = t;
	return name;
}

static int same(const char *a, const char *name, size_t len)
{
	return a && strncmp(a, name, len) == 0 && a[len] == '\0';
}

size_t ac_policy_fact_find(const ac_policy *p, const char *name, size_t len)
{
	size_t slots = ac_policy_fact_slots(p);
	for (size_t i = 0; i < slots; i++)
		if (same(ac_policy_fact_name(p, i, NULL), name, len))
			return i;
	return AC_NO_FACT;
}

int ac_threshold_find(const char *name, size_t len)
{
	for (int t = 0; t < AC_TH__COUNT; t++)
		if (same(thresholds[t].name, name, len))
			return t;
	return -1;
}

const char *ac_threshold_name(int t, const char **description)
{
	if (description)
		*description = thresholds[t].description;
	return thresholds[t].name;
}

const char *ac_fact_describe(size_t i, const char **type, const char **description)
{
	if (i >= AC_F__BUILTIN)
		return NULL;
	if (type)
		*type = ac_fact_table[i].type == AC_T_BOOL ? "yes/no" : ac_fact_table[i].type == AC_T_NUM ? "number" : "text";
	if (description)
		*description = ac_fact_table[i].description;
	return ac_fact_table[i].name;
}
