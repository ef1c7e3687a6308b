/*
 * schema.c — the profile schema, written once: every field of PROFILE.md with
 * its type, allowed values, limits, meaning, and where the library stores the
 * answer.  The parser, the writer and every front end read this table, so a
 * field added here is parsed, written, asked and documented everywhere.
 */
#include <string.h>

#include "input/schema.h"

#define P(m) ((ptrdiff_t)offsetof(ac_profile, m))
#define T(m) ((ptrdiff_t)offsetof(ac_task, m))
#define C(m) ((ptrdiff_t)offsetof(ac_cert, m))
#define NONE ((ptrdiff_t)-1)

/* Parent indexes, kept in step with the rows below. */
enum {
	I_ROLE = 2,
	I_TASKS = 6,
	I_MANAGER = 23,
	I_AI = 28,
	I_TRAJ = 32,
	I_ORG = 36,
	I_IND = 43,
	I_CERT = 50,
	I_CONS = 62
};

/* One row: path, type, enum kind, min, max, min exclusive, required, help,
 * key, parent, storage, struct, offset, aux. */
#define ROW(path, type, ek, mn, mx, mnx, req, help, key, parent, st, in, off, aux)                                     \
	{                                                                                                              \
		{path, type, ek, mn, mx, mnx, req, help}, key, parent, st, in, off, aux                                \
	}
#define OBJ(path, help, key, parent, st, off)                                                                          \
	ROW(path, AC_FIELD_OBJECT, -1, 0, 0, 0, 0, help, key, parent, st, IN_PROFILE, off, NONE)
#define STR(path, help, key, parent, in, off)                                                                          \
	ROW(path, AC_FIELD_STRING, -1, 0, 0, 0, 0, help, key, parent, ST_STR, in, off, NONE)
#define NAMED(path, help, key, parent, off)                                                                            \
	ROW(path, AC_FIELD_STRING, -1, 0, 0, 0, 0, help, key, parent, ST_NAMED, IN_PROFILE, off, NONE)
#define BOOL(path, help, key, parent, in, off)                                                                         \
	ROW(path, AC_FIELD_BOOL, -1, 0, 0, 0, 0, help, key, parent, ST_TRI, in, off, NONE)
#define ENUM(path, ek, help, key, parent, in, off)                                                                     \
	ROW(path, AC_FIELD_ENUM, ek, 0, 0, 0, 0, help, key, parent, ST_ENUM, in, off, NONE)
#define NUM(path, mn, mx, mnx, help, key, parent, in, off)                                                             \
	ROW(path, AC_FIELD_NUMBER, -1, mn, mx, mnx, 0, help, key, parent, ST_NUM, in, off, NONE)

const ac_field_def ac_schema[] = {
	/* 0 */ ROW("schema", AC_FIELD_STRING, -1, 0, 0, 0, 1,
		    "the profile format: \"" AC_PROFILE_SCHEMA "\" (\"" AC_PROFILE_SCHEMA_V1 "\" is read too)",
		    "schema", -1, ST_NONE, IN_PROFILE, NONE, NONE),
	/* 1 */
	STR("label", "free text shown in reports (a name, or a note on whose profile this is)", "label", -1, IN_PROFILE,
	    P(label)),
	/* 2 */ OBJ("role", "the person's current role", "role", -1, ST_NONE, NONE),
	/* 3 */
	STR("role.title", "the job title, in the person's own words", "title", I_ROLE, IN_PROFILE, P(role.title)),
	/* 4 */
	STR("role.occupation", "an O*NET-SOC code (13-2051.00) or SOC code (13-2051) for the occupation", "occupation",
	    I_ROLE, IN_PROFILE, P(role.occupation)),
	/* 5 */
	ENUM("role.kind", AC_ENUM_KIND, "individual contributor, manager, or both", "kind", I_ROLE, IN_PROFILE,
	     P(role.kind)),
	/* 6 */
	ROW("role.tasks", AC_FIELD_ARRAY, -1, 0, AC_MAX_TASKS, 0, 0,
	    "the recurring tasks of the role with the share of working time each takes", "tasks", I_ROLE, ST_TASKS,
	    IN_PROFILE, P(role.tasks), NONE),
	/* 7 */
	ROW("role.tasks[].name", AC_FIELD_STRING, -1, 0, 0, 0, 1, "what the task is, in the person's words", "name",
	    I_TASKS, ST_STR, IN_TASK, T(name), NONE),
	/* 8 */
	ROW("role.tasks[].share", AC_FIELD_NUMBER, -1, 0, 100, 1, 1, "percent of working time the task takes", "share",
	    I_TASKS, ST_SHARE, IN_TASK, T(share), NONE),
	/* 9 */
	ENUM("role.tasks[].category", AC_ENUM_CATEGORY,
	     "the kind of work (required unless onet_task_id names an O*NET task)", "category", I_TASKS, IN_TASK,
	     T(category)),
	/* 10 */
	ROW("role.tasks[].onet_task_id", AC_FIELD_INTEGER, -1, 1, 99999999, 0, 0,
	    "an O*NET task of the person's occupation (needs occupation data)", "onet_task_id", I_TASKS, ST_LONG,
	    IN_TASK, T(onet_task_id), NONE),
	/* 11 */
	BOOL("role.tasks[].repeatable", "the task repeats in a similar form (overrides the category)", "repeatable",
	     I_TASKS, IN_TASK, T(repeatable)),
	/* 12 */
	BOOL("role.tasks[].standardized_output", "its output follows a standard form (overrides the category)",
	     "standardized_output", I_TASKS, IN_TASK, T(standardized_output)),
	/* 13 */
	BOOL("role.tasks[].benchmarkable", "its output is easy to measure or compare (overrides the category)",
	     "benchmarkable", I_TASKS, IN_TASK, T(benchmarkable)),
	/* 14 */
	BOOL("role.tasks[].needs_decision_authority",
	     "the task needs the person's own decision authority (overrides the category)", "needs_decision_authority",
	     I_TASKS, IN_TASK, T(needs_decision_authority)),
	/* 15 */
	NUM("role.tasks[].exposure", 0, 1, 0, "a measured share of the task's time AI can compress, 0 to 1", "exposure",
	    I_TASKS, IN_TASK, T(exposure)),
	/* 16 */
	BOOL("role.owns_measurable_outcomes", "the person owns outcomes that are measured", "owns_measurable_outcomes",
	     I_ROLE, IN_PROFILE, P(role.owns_measurable_outcomes)),
	/* 17 */
	ENUM("role.decision_authority", AC_ENUM_AUTHORITY,
	     "holds: the person decides; separable: the work can be split from the decisions", "decision_authority",
	     I_ROLE, IN_PROFILE, P(role.decision_authority)),
	/* 18 */
	ENUM("role.revenue_distance", AC_ENUM_REVENUE, "how close the role is to revenue", "revenue_distance", I_ROLE,
	     IN_PROFILE, P(role.revenue_distance)),
	/* 19 */
	ROW("role.ladder_level", AC_FIELD_INTEGER, -1, 1, 5, 0, 0,
	    "the leverage ladder: 1 task execution, 2 AI-assisted execution, 3 decision ownership, "
	    "4 workflow or system design, 5 strategic influence",
	    "ladder_level", I_ROLE, ST_INT, IN_PROFILE, P(role.ladder_level), NONE),
	/* 20 */
	ENUM("role.leverage_test", AC_ENUM_LEVERAGE_TEST,
	     "what the organisation would do if the person became 40% more productive tomorrow", "leverage_test",
	     I_ROLE, IN_PROFILE, P(role.leverage_test)),
	/* 21 */
	ENUM("role.function", AC_ENUM_FUNCTION,
	     "the function the role sits in (revenue, compliance and risk, infrastructure and decision support "
	     "are the least affected by layoffs)",
	     "function", I_ROLE, IN_PROFILE, P(role.function)),
	/* 22 */
	ENUM("role.value_basis", AC_ENUM_VALUE_BASIS, "whether the person's value is production speed or judgment",
	     "value_basis", I_ROLE, IN_PROFILE, P(role.value_basis)),
	/* 23 */
	OBJ("role.manager", "for managers: what their week's value consists of", "manager", I_ROLE, ST_FLAG,
	    P(role.manager_given)),
	/* 24 */
	NUM("role.manager.reporting_share", 0, 100, 0,
	    "percent of the manager's weekly value that is status synthesis, slides and updates", "reporting_share",
	    I_MANAGER, IN_PROFILE, P(role.manager_reporting_share)),
	/* 25 */
	BOOL("role.manager.purely_supervisory", "supervises stable execution without widening scope",
	     "purely_supervisory", I_MANAGER, IN_PROFILE, P(role.manager_purely_supervisory)),
	/* 26 */
	BOOL("role.manager.owns_outcomes",
	     "owns a business outcome, hard-to-move resources, or revenue, risk "
	     "or delivery",
	     "owns_outcomes", I_MANAGER, IN_PROFILE, P(role.manager_owns_outcomes)),
	/* 27 */
	NUM("role.hourly_pay_usd", 0, 100000, 1, "hourly pay in US dollars, to value study time", "hourly_pay_usd",
	    I_ROLE, IN_PROFILE, P(role.hourly_pay_usd)),
	/* 28 */ OBJ("ai_use", "how the person uses AI today", "ai_use", -1, ST_NONE, NONE),
	/* 29 */
	BOOL("ai_use.tested_in_role", "has used AI on real tasks of the current role", "tested_in_role", I_AI,
	     IN_PROFILE, P(ai_use.tested_in_role)),
	/* 30 */
	ENUM("ai_use.level", AC_ENUM_AI_LEVEL, "how far AI use has gone", "level", I_AI, IN_PROFILE, P(ai_use.level)),
	/* 31 */
	BOOL("ai_use.widened_scope", "AI use has already widened the person's scope or influence", "widened_scope",
	     I_AI, IN_PROFILE, P(ai_use.widened_scope)),
	/* 32 */ OBJ("trajectory", "where the person is heading", "trajectory", -1, ST_NONE, NONE),
	/* 33 */
	NAMED("trajectory.target_role", "a named role the person wants; empty means none", "target_role", I_TRAJ,
	      P(trajectory.target_role)),
	/* 34 */
	BOOL("trajectory.expanding_into_system_design", "the person is moving into designing workflows or systems",
	     "expanding_into_system_design", I_TRAJ, IN_PROFILE, P(trajectory.expanding_into_system_design)),
	/* 35 */
	BOOL("trajectory.transitioning_to_hybrid",
	     "the person is moving into a hybrid role (e.g. manager and "
	     "senior individual contributor)",
	     "transitioning_to_hybrid", I_TRAJ, IN_PROFILE, P(trajectory.transitioning_to_hybrid)),
	/* 36 */ OBJ("organization", "the organisation the person works in", "organization", -1, ST_NONE, NONE),
	/* 37 */
	BOOL("organization.leadership_values_ai_literacy", "leaders prize AI literacy they can see",
	     "leadership_values_ai_literacy", I_ORG, IN_PROFILE, P(organization.leadership_values_ai_literacy)),
	/* 38 */
	BOOL("organization.promotion_committees_want_credentials", "promotion panels look for credentials",
	     "promotion_committees_want_credentials", I_ORG, IN_PROFILE,
	     P(organization.promotion_committees_want_credentials)),
	/* 39 */
	BOOL("organization.politics_reward_formal_programs",
	     "the organisation's politics favour formal "
	     "programmes",
	     "politics_reward_formal_programs", I_ORG, IN_PROFILE, P(organization.politics_reward_formal_programs)),
	/* 40 */
	BOOL("organization.credential_sensitive_environment", "clients, regulators or the market screen on credentials",
	     "credential_sensitive_environment", I_ORG, IN_PROFILE, P(organization.credential_sensitive_environment)),
	/* 41 */
	ENUM("organization.leader_reading", AC_ENUM_LEADER_READING, "how leaders read visible AI use", "leader_reading",
	     I_ORG, IN_PROFILE, P(organization.leader_reading)),
	/* 42 */
	ROW("organization.adoption_signals", AC_FIELD_ENUM_LIST, AC_ENUM_ADOPTION_SIGNAL, 0, 0, 0, 0,
	    "what can be seen of AI adoption where the person works", "adoption_signals", I_ORG, ST_ENUMSET, IN_PROFILE,
	    P(organization.signals), P(organization.signals_given)),
	/* 43 */ OBJ("industry", "the person's industry", "industry", -1, ST_NONE, NONE),
	/* 44 */
	STR("industry.name", "the industry, in the person's words", "name", I_IND, IN_PROFILE, P(industry.name)),
	/* 45 */
	ENUM("industry.business_model_compressing", AC_ENUM_COMPRESSING,
	     "whether the industry's core product is itself being replaced by AI", "business_model_compressing", I_IND,
	     IN_PROFILE, P(industry.business_model_compressing)),
	/* 46 */
	BOOL("industry.shifting_to_ai", "the industry is visibly moving to AI-based ways of working", "shifting_to_ai",
	     I_IND, IN_PROFILE, P(industry.shifting_to_ai)),
	/* 47 */
	ENUM("industry.digital_intensity", AC_ENUM_DIGITAL,
	     "how much the industry relies on digital information and written content", "digital_intensity", I_IND,
	     IN_PROFILE, P(industry.digital_intensity)),
	/* 48 */
	ROW("motives", AC_FIELD_ENUM_LIST, AC_ENUM_MOTIVE, 0, 0, 0, 0, "why the person wants a certificate", "motives",
	    -1, ST_ENUMSET, IN_PROFILE, P(motives), P(motives_given)),
	/* 49 */
	NAMED("capability_gap", "the capability the person is missing, named; empty means none", "capability_gap", -1,
	      P(capability_gap)),
	/* 50 */
	OBJ("certification", "the certificate being considered: a catalogue id, or a custom one", "certification", -1,
	    ST_FLAG, P(cert_given)),
	/* 51 */ STR("certification.id", "the id of a certificate in the catalogue", "id", I_CERT, IN_CERT, C(id)),
	/* 52 */ STR("certification.name", "the certificate's name", "name", I_CERT, IN_CERT, C(name)),
	/* 53 */ STR("certification.provider", "who issues it", "provider", I_CERT, IN_CERT, C(provider)),
	/* 54 */
	ENUM("certification.domain", AC_ENUM_DOMAIN, "what field it covers", "domain", I_CERT, IN_CERT, C(domain)),
	/* 55 */ ENUM("certification.level", AC_ENUM_LEVEL, "its level", "level", I_CERT, IN_CERT, C(level)),
	/* 56 */
	NUM("certification.cost_usd", 0, 10000000, 0, "its price in US dollars", "cost_usd", I_CERT, IN_CERT,
	    C(cost_usd)),
	/* 57 */
	NUM("certification.hours", 0, 100000, 0, "hours of preparation it takes", "hours", I_CERT, IN_CERT, C(hours)),
	/* 58 */
	NUM("certification.validity_months", 1, 1200, 0, "how many months it stays valid", "validity_months", I_CERT,
	    IN_CERT, C(validity_months)),
	/* 59 */
	ROW("certification.maps_to_roles", AC_FIELD_STRING_LIST, -1, 0, AC_MAX_LIST, 0, 0, "the roles it prepares for",
	    "maps_to_roles", I_CERT, ST_STRLIST, IN_CERT, C(roles), C(n_roles)),
	/* 60 */
	ROW("certification.keywords", AC_FIELD_STRING_LIST, -1, 0, AC_MAX_LIST, 0, 0, "the capabilities it teaches",
	    "keywords", I_CERT, ST_STRLIST, IN_CERT, C(keywords), C(n_keywords)),
	/* 61 */
	BOOL("certification.recognized_by_org", "the person's organisation recognises it", "recognized_by_org", I_CERT,
	     IN_CERT, C(recognized_by_org)),
	/* 62 */ OBJ("constraints", "what the person can spend", "constraints", -1, ST_NONE, NONE),
	/* 63 */
	NUM("constraints.budget_usd", 0, 10000000, 0, "money available for the certificate, in US dollars",
	    "budget_usd", I_CONS, IN_PROFILE, P(constraints.budget_usd)),
	/* 64 */
	NUM("constraints.hours_per_week", 0, 168, 1, "hours a week the person can study", "hours_per_week", I_CONS,
	    IN_PROFILE, P(constraints.hours_per_week)),
};

const size_t ac_schema_n = sizeof ac_schema / sizeof ac_schema[0];

size_t ac_schema_count(void)
{
	return ac_schema_n;
}

const ac_field *ac_schema_at(size_t i)
{
	return i < ac_schema_n ? &ac_schema[i].pub : NULL;
}

const char *ac_field_path(const ac_field *f)
{
	return f ? f->path : NULL;
}

ac_field_type ac_field_value_type(const ac_field *f)
{
	return f ? f->type : (ac_field_type)0;
}

int ac_field_enum_kind(const ac_field *f)
{
	return f ? f->enum_kind : -1;
}

double ac_field_min(const ac_field *f)
{
	return f ? f->min : 0;
}

double ac_field_max(const ac_field *f)
{
	return f ? f->max : 0;
}

int ac_field_min_exclusive(const ac_field *f)
{
	return f ? f->min_exclusive : 0;
}

int ac_field_required(const ac_field *f)
{
	return f ? f->required : 0;
}

const char *ac_field_help(const ac_field *f)
{
	return f ? f->help : NULL;
}

const ac_field_def *ac_schema_def(const char *path)
{
	for (size_t i = 0; path && i < ac_schema_n; i++)
		if (strcmp(ac_schema[i].pub.path, path) == 0)
			return &ac_schema[i];
	return NULL;
}

const ac_field *ac_schema_find(const char *path)
{
	const ac_field_def *d = ac_schema_def(path);
	return d ? &d->pub : NULL;
}

size_t ac_schema_index(const ac_field_def *d)
{
	return (size_t)(d - ac_schema);
}

/* The struct a profile-level field is stored in. */
static const char *base_of(const ac_profile *p, const ac_field_def *d)
{
	return d->in == IN_CERT ? (const char *)&p->cert : (const char *)p;
}

void *ac_schema_slot(ac_profile *p, const ac_field_def *d)
{
	return (void *)ac_schema_cslot(p, d);
}

int ac_schema_answered(const ac_profile *p, const ac_field_def *d)
{
	const void *v = ac_schema_cslot(p, d);
	if (!v)
		return 0;
	switch (d->store) {
	case ST_STR:
	case ST_NAMED: return *(char *const *)v != NULL;
	case ST_TRI: return *(const ac_tri *)v != AC_UNKNOWN;
	case ST_ENUM:
	case ST_INT:
	case ST_FLAG: return *(const int *)v != 0;
	case ST_LONG: return *(const long *)v != 0;
	case ST_NUM: return ((const ac_num *)v)->set;
	case ST_SHARE: return 1;
	case ST_ENUMSET: return *(const int *)(base_of(p, d) + d->aux) != 0; /* the list was given */
	case ST_STRLIST: return *(char **const *)v != NULL;
	case ST_TASKS: return p->role.tasks_given;
	case ST_NONE: break;
	}
	return 0;
}
