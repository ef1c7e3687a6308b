/*
 * facts.c — the names a policy's conditions and texts may use: the built-in
 * facts (facts.h), the facts a policy derives, the facts of its rules
 * (rule_ID, reason_ID) and the thresholds.  Every
 * lookup of one of them by name goes through the two functions here, and only
 * while a policy is read: the engine works with slots.
 */
#include <pthread.h>
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
	default: return i < AC_F__BUILTIN ? AC_STAGE_PROFILE : i < AC_RULE_FACTS ? AC_STAGE_DERIVED : AC_STAGE_VERDICT;
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
	return a && a[0] == name[0] && strncmp(a, name, len) == 0 && a[len] == '\0';
}

/* The built-in facts by name, in a hash table of open addressing made once
 * per process (a slot holds a fact's index plus one; 0: empty): a policy's
 * conditions name a fact some four hundred times. */
#define FACT_SLOTS 512
_Static_assert(FACT_SLOTS >= 2 * AC_F__BUILTIN, "the table stays at most half full");
static unsigned short builtin_slots[FACT_SLOTS];
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static size_t name_hash(const char *name, size_t len)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h & (FACT_SLOTS - 1);
}

static void hash_builtins(void)
{
	for (size_t i = 0; i < AC_F__BUILTIN; i++) {
		const char *n = ac_fact_table[i].name;
		size_t h = name_hash(n, strlen(n));
		while (builtin_slots[h] && strcmp(ac_fact_table[builtin_slots[h] - 1].name, n) != 0)
			h = (h + 1) & (FACT_SLOTS - 1);
		if (!builtin_slots[h]) /* a name twice: the first is the one found */
			builtin_slots[h] = (unsigned short)(i + 1);
	}
}

/* The built-in facts, then the policy's derived facts, then its rules' two
 * facts each: only the slots that hold a name are compared. */
size_t ac_policy_fact_find(const ac_policy *p, const char *name, size_t len)
{
	if (len == 0)
		return AC_NO_FACT;
	pthread_once(&builtin_once, hash_builtins);
	for (size_t h = name_hash(name, len); builtin_slots[h]; h = (h + 1) & (FACT_SLOTS - 1))
		if (same(ac_fact_table[builtin_slots[h] - 1].name, name, len))
			return builtin_slots[h] - 1u;
	for (size_t i = 0; i < p->n_derived && i < AC_POLICY_MAX_ITEMS; i++)
		if (same(p->derived[i].name, name, len))
			return AC_F__BUILTIN + i;
	for (size_t i = 0; i < p->n_rules; i++) {
		if (same(p->rules[i].holds_fact, name, len))
			return AC_RULE_FACTS + 2 * i;
		if (same(p->rules[i].reason_fact, name, len))
			return AC_RULE_FACTS + 2 * i + 1;
	}
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
		*type = ac_fact_table[i].type == AC_T_BOOL  ? "yes/no"
			: ac_fact_table[i].type == AC_T_NUM ? "number"
							    : "text";
	if (description)
		*description = ac_fact_table[i].description;
	return ac_fact_table[i].name;
}
