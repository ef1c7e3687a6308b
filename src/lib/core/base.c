/*
 * base.c — the small pieces every part of libaicert uses: status strings,
 * diagnostics, and the name tables of every enumerated input.  The tables are
 * the single place where an enum's spelling lives; profile parsing, policy
 * parsing, the catalogue and the renderers all read them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"

const char *ac_version(void)
{
	return AC_VERSION;
}

void ac_free(void *p)
{
	free(p);
}

const char *ac_strerror(ac_status s)
{
	switch (s) {
	case AC_OK: return "success";
	case AC_EINPUT: return "the input is not valid";
	case AC_ENOMEM: return "out of memory";
	case AC_EIO: return "a file could not be read or written";
	case AC_ENOTFOUND: return "not found";
	case AC_ENODATA: return "occupation data is not installed";
	case AC_EINTERNAL: return "internal error";
	}
	return "unknown status";
}

void ac_diags_init(ac_diags *d)
{
	memset(d, 0, sizeof *d);
}

void ac_diags_free(ac_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->count; i++) {
		free(d->items[i].source);
		free(d->items[i].path);
		free(d->items[i].message);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

ac_status ac_diags_add(ac_diags *d, const char *source, const char *path, int line, int column,
		       const char *fmt, ...)
{
	if (!d)
		return AC_OK;
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		ac_diag *n = realloc(d->items, cap * sizeof *n);
		if (!n)
			return AC_ENOMEM;
		d->items = n;
		d->cap = cap;
	}
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ac_diag *x = &d->items[d->count];
	x->source = dup_or_null(source);
	x->path = dup_or_null(path);
	x->message = strdup(buf);
	x->line = line;
	x->column = column;
	if (!x->message || (source && !x->source) || (path && !x->path)) {
		free(x->source);
		free(x->path);
		free(x->message);
		return AC_ENOMEM;
	}
	d->count++;
	return AC_OK;
}

char *ac_diag_format(const ac_diag *d)
{
	char loc[64] = "";
	if (d->line > 0 && d->column > 0)
		snprintf(loc, sizeof loc, ":%d:%d", d->line, d->column);
	else if (d->line > 0)
		snprintf(loc, sizeof loc, ":%d", d->line);
	const char *src = d->source ? d->source : "";
	const char *path = d->path ? d->path : "";
	size_t n = strlen(src) + strlen(loc) + strlen(path) + strlen(d->message) + 8;
	char *out = malloc(n);
	if (!out)
		return NULL;
	snprintf(out, n, "%s%s%s%s%s%s", src, loc, (*src || *loc) ? ": " : "", path, *path ? ": " : "",
		 d->message);
	return out;
}

/* ------------------------------------------------------------ name tables */

static const char *const categories[] = {
	NULL, "routine_admin", "document_drafting", "structured_data_analysis",
	"standardized_reporting", "predictable_requests", "research_synthesis", "coordination",
	"content_creation", "software_development", "judgment_decisions", "system_design",
	"client_relationship", "people_leadership", "strategy_influence", "physical_in_person"};
static const char *const kinds[] = {NULL, "ic", "manager", "hybrid"};
static const char *const authority[] = {NULL, "holds", "separable"};
static const char *const revenue[] = {NULL, "direct", "adjacent", "far"};
static const char *const leverage_tests[] = {NULL, "scope", "influence", "pay", "headcount_cut", "unsure"};
static const char *const value_basis[] = {NULL, "speed", "judgment"};
static const char *const ai_levels[] = {NULL, "none", "experimenting", "regular", "built_workflows"};
static const char *const readings[] = {NULL, "modernizer", "efficient_operator", "automation_evidence", "unknown"};
static const char *const signals[] = {
	NULL, "ai_optional", "few_experimenting", "ai_expected", "output_targets_rising",
	"hiring_slowing", "wider_spans", "layers_removed", "reporting_automated", "intermediaries_removed"};
static const char *const compressing[] = {NULL, "yes", "no", "unknown"};
static const char *const digital[] = {NULL, "high", "medium", "low"};
static const char *const motives[] = {
	NULL, "capability_gap", "credential_signal", "role_transition", "industry_shift",
	"signal_activity", "reduce_anxiety", "follow_headlines", "unclear_positioning"};
static const char *const domains[] = {
	NULL, "ai_literacy", "ml_engineering", "genai_development", "data", "ai_governance",
	"ai_product_management", "cloud_platform"};
static const char *const levels[] = {NULL, "foundational", "associate", "professional", "specialty", "executive", "course"};
static const char *const verdicts[] = {NULL, "pursue", "signal_only", "not_yet", "avoid"};
static const char *const formats[] = {NULL, "proctored_exam", "hands_on_lab", "course_completion"};
static const char *const statuses[] = {NULL, "active", "retiring", "retired"};
static const char *const paths[] = {NULL, "certification", "applied_project", "org_leverage", "role_redesign", "reposition"};
static const char *const orientations[] = {NULL, "leverage_oriented", "rewarded", "neutral", "compressible"};
static const char *const classes[] = {NULL, "exposed", "pressured", "leveraged"};

#define TABLE(t) {t, (int)(sizeof t / sizeof t[0]) - 1}
static const struct {
	const char *const *names;
	int count;
} tables[AC_ENUM__COUNT] = {
	[AC_ENUM_CATEGORY] = TABLE(categories),
	[AC_ENUM_KIND] = TABLE(kinds),
	[AC_ENUM_AUTHORITY] = TABLE(authority),
	[AC_ENUM_REVENUE] = TABLE(revenue),
	[AC_ENUM_LEVERAGE_TEST] = TABLE(leverage_tests),
	[AC_ENUM_VALUE_BASIS] = TABLE(value_basis),
	[AC_ENUM_AI_LEVEL] = TABLE(ai_levels),
	[AC_ENUM_LEADER_READING] = TABLE(readings),
	[AC_ENUM_ADOPTION_SIGNAL] = TABLE(signals),
	[AC_ENUM_COMPRESSING] = TABLE(compressing),
	[AC_ENUM_DIGITAL] = TABLE(digital),
	[AC_ENUM_MOTIVE] = TABLE(motives),
	[AC_ENUM_DOMAIN] = TABLE(domains),
	[AC_ENUM_LEVEL] = TABLE(levels),
	[AC_ENUM_VERDICT] = TABLE(verdicts),
	[AC_ENUM_FORMAT] = TABLE(formats),
	[AC_ENUM_STATUS] = TABLE(statuses),
	[AC_ENUM_PATH] = TABLE(paths),
	[AC_ENUM_ORIENTATION] = TABLE(orientations),
	[AC_ENUM_CLASS] = TABLE(classes),
};

const char *ac_enum_name(ac_enum_kind kind, int v)
{
	if ((int)kind < 0 || kind >= AC_ENUM__COUNT || v < 1 || v > tables[kind].count)
		return NULL;
	return tables[kind].names[v];
}

int ac_enum_value(ac_enum_kind kind, const char *name)
{
	if ((int)kind < 0 || kind >= AC_ENUM__COUNT || !name)
		return 0;
	for (int i = 1; i <= tables[kind].count; i++)
		if (strcmp(tables[kind].names[i], name) == 0)
			return i;
	return 0;
}

int ac_enum_count(ac_enum_kind kind)
{
	if ((int)kind < 0 || kind >= AC_ENUM__COUNT)
		return 0;
	return tables[kind].count;
}

/* The lists are built from the tables at compile time would need macros; a
 * small fixed set of literals keeps them readable and is checked by a test
 * against the tables. */
const char *ac_enum_list(ac_enum_kind kind)
{
	static const char *const lists[AC_ENUM__COUNT] = {
		[AC_ENUM_CATEGORY] = "routine_admin, document_drafting, structured_data_analysis, "
				     "standardized_reporting, predictable_requests, research_synthesis, "
				     "coordination, content_creation, software_development, "
				     "judgment_decisions, system_design, client_relationship, "
				     "people_leadership, strategy_influence or physical_in_person",
		[AC_ENUM_KIND] = "ic, manager or hybrid",
		[AC_ENUM_AUTHORITY] = "holds or separable",
		[AC_ENUM_REVENUE] = "direct, adjacent or far",
		[AC_ENUM_LEVERAGE_TEST] = "scope, influence, pay, headcount_cut or unsure",
		[AC_ENUM_VALUE_BASIS] = "speed or judgment",
		[AC_ENUM_AI_LEVEL] = "none, experimenting, regular or built_workflows",
		[AC_ENUM_LEADER_READING] = "modernizer, efficient_operator, automation_evidence or unknown",
		[AC_ENUM_ADOPTION_SIGNAL] = "ai_optional, few_experimenting, ai_expected, "
					    "output_targets_rising, hiring_slowing, wider_spans, "
					    "layers_removed, reporting_automated or intermediaries_removed",
		[AC_ENUM_COMPRESSING] = "yes, no or unknown",
		[AC_ENUM_DIGITAL] = "high, medium or low",
		[AC_ENUM_MOTIVE] = "capability_gap, credential_signal, role_transition, industry_shift, "
				   "signal_activity, reduce_anxiety, follow_headlines or unclear_positioning",
		[AC_ENUM_DOMAIN] = "ai_literacy, ml_engineering, genai_development, data, ai_governance, "
				   "ai_product_management or cloud_platform",
		[AC_ENUM_LEVEL] = "foundational, associate, professional, specialty, executive or course",
		[AC_ENUM_VERDICT] = "pursue, signal_only, not_yet or avoid",
		[AC_ENUM_FORMAT] = "proctored_exam, hands_on_lab or course_completion",
		[AC_ENUM_STATUS] = "active, retiring or retired",
		[AC_ENUM_PATH] = "certification, applied_project, org_leverage, role_redesign or reposition",
		[AC_ENUM_ORIENTATION] = "leverage_oriented, rewarded, neutral or compressible",
		[AC_ENUM_CLASS] = "exposed, pressured or leveraged",
	};
	if ((int)kind < 0 || kind >= AC_ENUM__COUNT)
		return "";
	return lists[kind];
}
