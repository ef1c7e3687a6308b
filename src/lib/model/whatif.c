/*
 * whatif.c — "what would change the verdict" and "what is unanswered".  Both
 * come from re-running the engine on variants of the profile that differ in
 * one answer, so every counterfactual reported is one the engine really gives.
 * A variant is a shallow copy with one scalar changed: nothing is allocated
 * per re-run except the evaluation itself.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model/engine.h"
#include "core/strbuf.h"

typedef enum { W_BOOL, W_ENUM, W_TEXT, W_MOTIVES, W_NONE } wkind;

typedef struct {
	const char *path;
	wkind kind;
	ptrdiff_t off;
	ac_enum_kind ek;
	int yes;    /* wording of the "if ..." change to true, or to a named text */
	int no;     /* to false */
	int note;   /* what the answer matters for, when no single variant shows it */
	int family; /* for enums: the wording family of "if ..." per value (AC_WF_*), -1 for none */
} wfield;

#define PO(m) ((ptrdiff_t)offsetof(ac_profile, m))
#define NONE (-1) /* no wording */
#define BOOL_FIELD(path, member, key) \
	{path, W_BOOL, PO(member), 0, AC_W_IF_##key##_YES, AC_W_IF_##key##_NO, NONE, -1}

static const wfield fields[] = {
	{"role.tasks", W_NONE, 0, 0, NONE, NONE, AC_W_NOTE_ROLE_TASKS, -1},
	{"role.leverage_test", W_ENUM, PO(role.leverage_test), AC_ENUM_LEVERAGE_TEST, NONE, NONE, NONE, AC_WF_IF_LEVERAGE_TEST},
	BOOL_FIELD("role.owns_measurable_outcomes", role.owns_measurable_outcomes, ROLE_OWNS_MEASURABLE_OUTCOMES),
	{"role.decision_authority", W_ENUM, PO(role.decision_authority), AC_ENUM_AUTHORITY, NONE, NONE, NONE,
	 AC_WF_IF_DECISION_AUTHORITY},
	BOOL_FIELD("ai_use.tested_in_role", ai_use.tested_in_role, AI_USE_TESTED_IN_ROLE),
	BOOL_FIELD("ai_use.widened_scope", ai_use.widened_scope, AI_USE_WIDENED_SCOPE),
	{"trajectory.target_role", W_TEXT, PO(trajectory.target_role), 0, AC_W_IF_TRAJECTORY_TARGET_ROLE, NONE, NONE, -1},
	BOOL_FIELD("trajectory.expanding_into_system_design", trajectory.expanding_into_system_design,
		   TRAJECTORY_EXPANDING_INTO_SYSTEM_DESIGN),
	BOOL_FIELD("trajectory.transitioning_to_hybrid", trajectory.transitioning_to_hybrid, TRAJECTORY_TRANSITIONING_TO_HYBRID),
	BOOL_FIELD("organization.leadership_values_ai_literacy", organization.leadership_values_ai_literacy,
		   ORGANIZATION_LEADERSHIP_VALUES_AI_LITERACY),
	BOOL_FIELD("organization.promotion_committees_want_credentials", organization.promotion_committees_want_credentials,
		   ORGANIZATION_PROMOTION_COMMITTEES_WANT_CREDENTIALS),
	BOOL_FIELD("organization.politics_reward_formal_programs", organization.politics_reward_formal_programs,
		   ORGANIZATION_POLITICS_REWARD_FORMAL_PROGRAMS),
	BOOL_FIELD("organization.credential_sensitive_environment", organization.credential_sensitive_environment,
		   ORGANIZATION_CREDENTIAL_SENSITIVE_ENVIRONMENT),
	{"organization.adoption_signals", W_NONE, 0, 0, NONE, NONE, AC_W_NOTE_ORGANIZATION_ADOPTION_SIGNALS, -1},
	{"industry.business_model_compressing", W_ENUM, PO(industry.business_model_compressing), AC_ENUM_COMPRESSING,
	 AC_W_IF_INDUSTRY_BUSINESS_MODEL_COMPRESSING_YES, AC_W_IF_INDUSTRY_BUSINESS_MODEL_COMPRESSING_NO, NONE, -1},
	BOOL_FIELD("industry.shifting_to_ai", industry.shifting_to_ai, INDUSTRY_SHIFTING_TO_AI),
	{"motives", W_MOTIVES, PO(motives), 0, NONE, NONE, NONE, -1},
	{"capability_gap", W_TEXT, PO(capability_gap), 0, AC_W_IF_CAPABILITY_GAP, NONE, NONE, -1},
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

static int verdict_rank(int v)
{
	return v; /* pursue 1 < signal_only 2 < not_yet 3 < avoid 4 */
}

static char *json_text(json_t *v)
{
	char *s = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
	json_decref(v);
	return s;
}

static json_t *motives_json(unsigned set)
{
	json_t *a = json_array();
	for (int m = 1; a && m <= AC_MOT__COUNT; m++)
		if (set & (1u << m))
			json_array_append_new(a, json_string(ac_enum_name(AC_ENUM_MOTIVE, m)));
	return a;
}

static json_t *current_json(const ac_profile *p, const wfield *f)
{
	const char *base = (const char *)p;
	switch (f->kind) {
	case W_BOOL: {
		ac_tri t = *(const ac_tri *)(base + f->off);
		return t == AC_UNKNOWN ? json_null() : json_boolean(t == AC_TRUE);
	}
	case W_ENUM: {
		int v = *(const int *)(base + f->off);
		return v ? json_string(ac_enum_name(f->ek, v)) : json_null();
	}
	case W_TEXT: {
		const char *s = *(char *const *)(base + f->off);
		return s ? json_string(s) : json_null();
	}
	case W_MOTIVES: return p->motives_given ? motives_json(p->motives) : json_null();
	case W_NONE: break;
	}
	return json_null();
}

static int answered(const ac_profile *p, const wfield *f)
{
	const char *base = (const char *)p;
	if (strcmp(f->path, "role.tasks") == 0)
		return p->role.n_tasks > 0;
	if (strcmp(f->path, "organization.adoption_signals") == 0)
		return p->organization.signals != 0;
	switch (f->kind) {
	case W_BOOL: return *(const ac_tri *)(base + f->off) != AC_UNKNOWN;
	case W_ENUM: return *(const int *)(base + f->off) != 0;
	case W_TEXT: return *(char *const *)(base + f->off) != NULL;
	case W_MOTIVES: return p->motives != 0;
	case W_NONE: break;
	}
	return 1;
}

typedef struct {
	const wfield *f;
	size_t field_index;
	ac_profile v;       /* the variant (shallow) */
	json_t *to;         /* its new value */
	char *change;       /* the change in words, for "if ..." */
	int verdict;
	const char *reason;
} variant;

typedef struct {
	variant *items;
	size_t n, cap;
	int oom;
} variants;

static variant *push(variants *vs)
{
	if (vs->n == vs->cap) {
		size_t cap = vs->cap ? vs->cap * 2 : 32;
		variant *n = realloc(vs->items, cap * sizeof *n);
		if (!n) {
			vs->oom = 1;
			return NULL;
		}
		vs->items = n;
		vs->cap = cap;
	}
	variant *x = &vs->items[vs->n++];
	memset(x, 0, sizeof *x);
	return x;
}

/* The text used when a counterfactual names something the person left blank. */
static const char *example_text(const ac_prepared *prep, const wfield *f)
{
	const ac_cert *c = prep->cert;
	const ac_wording *w = prep->pol->wording;
	if (f->off == PO(trajectory.target_role))
		return c && c->n_roles ? c->roles[0] : ac_word(w, AC_W_WHATIF_EXAMPLE_TARGET_ROLE);
	return c && c->n_keywords ? c->keywords[0] : ac_word(w, AC_W_WHATIF_EXAMPLE_CAPABILITY);
}

/* The motives whose validity the policy makes false whatever the profile
 * says (the reasons that never hold), as a bit set. */
static unsigned never_valid(const ac_policy *pol)
{
	unsigned set = 0;
	for (int m = 1; m <= AC_MOT__COUNT; m++)
		if (ac_expr_never(pol->motives[m].when))
			set |= 1u << m;
	return set;
}

static void make_variants(variants *vs, const ac_prepared *prep, const ac_profile *p)
{
	const ac_wording *w = prep->pol->wording;
	for (size_t i = 0; i < N_FIELDS && !vs->oom; i++) {
		const wfield *f = &fields[i];
		char *base;
		variant *x;
		switch (f->kind) {
		case W_BOOL: {
			ac_tri cur = *(const ac_tri *)((const char *)p + f->off);
			for (int val = 1; val >= 0; val--) {
				ac_tri t = val ? AC_TRUE : AC_FALSE;
				if (t == cur || !(x = push(vs)))
					continue;
				x->f = f;
				x->field_index = i;
				x->v = *p;
				base = (char *)&x->v;
				*(ac_tri *)(base + f->off) = t;
				x->to = json_boolean(val);
				x->change = strdup(ac_word(w, val ? f->yes : f->no));
			}
			break;
		}
		case W_ENUM: {
			int cur = *(const int *)((const char *)p + f->off);
			for (int e = 1; e <= ac_enum_count(f->ek); e++) {
				if (e == cur || (f->ek == AC_ENUM_COMPRESSING && e == AC_COMP_UNKNOWN) || !(x = push(vs)))
					continue;
				x->f = f;
				x->field_index = i;
				x->v = *p;
				base = (char *)&x->v;
				*(int *)(base + f->off) = e;
				x->to = json_string(ac_enum_name(f->ek, e));
				x->change = strdup(f->family >= 0 ? ac_word_of(w, f->family, e)
								   : ac_word(w, e == AC_COMP_YES ? f->yes : f->no));
			}
			break;
		}
		case W_TEXT: {
			if (*(char *const *)((const char *)p + f->off) || !(x = push(vs)))
				break;
			const char *ex = example_text(prep, f);
			x->f = f;
			x->field_index = i;
			x->v = *p;
			base = (char *)&x->v;
			*(const char **)(base + f->off) = ex;
			x->to = json_string(ex);
			x->change = AC_SAY_DUP(w, AC_W_WHATIF_EXAMPLE, ac_word(w, f->yes), ex);
			break;
		}
		case W_MOTIVES: {
			/* Adding a reason that can hold, or dropping those that never do. */
			unsigned invalid = never_valid(prep->pol);
			for (int m = 1; m <= AC_MOT__COUNT; m++) {
				if ((invalid & (1u << m)) || (p->motives & (1u << m)) || !(x = push(vs)))
					continue;
				x->f = f;
				x->field_index = i;
				x->v = *p;
				x->v.motives |= 1u << m;
				x->v.motives_given = 1;
				x->to = motives_json(x->v.motives);
				x->change = AC_SAY_DUP(w, AC_W_WHATIF_MOTIVE_ADDED, ac_enum_name(AC_ENUM_MOTIVE, m));
			}
			if ((p->motives & invalid) && (p->motives & ~invalid) && (x = push(vs))) {
				x->f = f;
				x->field_index = i;
				x->v = *p;
				x->v.motives &= ~invalid;
				x->to = motives_json(x->v.motives);
				x->change = strdup(ac_word(w, AC_W_WHATIF_MOTIVES_DROPPED));
			}
			break;
		}
		case W_NONE: break;
		}
	}
}

static ac_status add_counterfactual(ac_assessment *a, const ac_wording *w, const ac_profile *p, const variant *x)
{
	ac_counterfactual *c = &a->counterfactuals[a->n_counterfactuals];
	memset(c, 0, sizeof *c);
	c->field = strdup(x->f->path);
	c->from_json = json_text(current_json(p, x->f));
	c->to_json = json_dumps(x->to, JSON_ENCODE_ANY | JSON_COMPACT);
	strbuf sb;
	sb_init(&sb);
	AC_SAY(&sb, w, AC_W_WHATIF_IF, x->change);
	if (!sb.failed)
		c->sentence = AC_SAY_DUP(w, AC_W_WHATIF_COUNTERFACTUAL, sb.buf, ac_enum_name(AC_ENUM_VERDICT, x->verdict));
	sb_free(&sb);
	c->verdict = x->verdict;
	c->reason = strdup(x->reason);
	a->n_counterfactuals++;
	return c->field && c->from_json && c->to_json && c->sentence && c->reason ? AC_OK : AC_ENOMEM;
}

/* What answering the question at field_index could do: every other verdict
 * one of its variants gives, or else the field's note. */
static ac_status add_missing(ac_assessment *a, const ac_wording *w, const variants *vs, size_t field_index,
			     const char *path)
{
	ac_missing *m = &a->missing[a->n_missing++];
	memset(m, 0, sizeof *m);
	m->field = strdup(path);
	if (!m->field)
		return AC_ENOMEM;
	strbuf options, option, sb;
	sb_init(&options);
	sb_init(&option);
	sb_init(&sb);
	int seen[5] = {0}, any = 0;
	for (size_t i = 0; i < vs->n; i++) {
		const variant *x = &vs->items[i];
		if (x->field_index != field_index || x->verdict == a->verdict || seen[x->verdict])
			continue;
		seen[x->verdict] = 1;
		sb_clear(&option);
		AC_SAY(&option, w, AC_W_WHATIF_OPTION, ac_enum_name(AC_ENUM_VERDICT, x->verdict), x->change);
		if (any) { /* "a; or b": the options so far, and this one */
			sb_clear(&sb);
			AC_SAY(&sb, w, AC_W_WHATIF_OPTIONS_MORE, options.buf, option.buf);
			sb_clear(&options);
			sb_puts(&options, sb.buf ? sb.buf : "");
		} else
			sb_puts(&options, option.buf ? option.buf : "");
		any = 1;
	}
	sb_clear(&sb);
	if (any)
		AC_SAY(&sb, w, AC_W_WHATIF_COULD_CHANGE, options.buf);
	else if (field_index < N_FIELDS && fields[field_index].note != NONE)
		sb_puts(&sb, ac_word(w, fields[field_index].note));
	int failed = options.failed || option.failed || sb.failed;
	sb_free(&options);
	sb_free(&option);
	if (sb.len && !failed) {
		m->could_change = sb_take(&sb, NULL);
		return m->could_change ? AC_OK : AC_ENOMEM;
	}
	sb_free(&sb);
	return failed ? AC_ENOMEM : AC_OK;
}

ac_status ac_whatif(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, int search)
{
	variants vs = {0};
	ac_status st = AC_OK;
	a->counterfactuals_searched = search != 0;
	if (search)
		make_variants(&vs, prep, p);
	if (vs.oom)
		st = AC_ENOMEM;
	for (size_t i = 0; st == AC_OK && i < vs.n; i++) {
		variant *x = &vs.items[i];
		if (!x->change || !x->to) {
			st = AC_ENOMEM;
			break;
		}
		ac_eval ev;
		st = ac_eval_run(&ev, prep, &x->v, NULL);
		if (st == AC_OK) {
			x->verdict = ev.verdict;
			x->reason = prep->pol->rules[ev.decisive].id;
		}
		ac_eval_free(&ev);
	}
	/* Counterfactuals: one per field (its best new verdict), best verdicts
	 * first, then in the model's order of the fields. */
	/* At most one per field: a larger limit (any number a policy may set) is
	 * cut there, so it neither allocates nor converts out of range. */
	double want = prep->pol->thresholds[AC_TH_COUNTERFACTUAL_LIMIT];
	size_t limit = want >= (double)N_FIELDS ? N_FIELDS : (size_t)want;
	if (st == AC_OK && vs.n && limit) {
		a->counterfactuals = calloc(limit, sizeof *a->counterfactuals);
		if (!a->counterfactuals)
			st = AC_ENOMEM;
		for (int rank = 1; st == AC_OK && rank <= 4; rank++)
			for (size_t fi = 0; st == AC_OK && fi < N_FIELDS; fi++) {
				const variant *pick = NULL;
				for (size_t i = 0; i < vs.n && !pick; i++)
					if (vs.items[i].field_index == fi && vs.items[i].verdict != a->verdict &&
					    verdict_rank(vs.items[i].verdict) == rank)
						pick = &vs.items[i];
				if (!pick || a->n_counterfactuals >= limit)
					continue;
				int done = 0; /* a better verdict for this field was already listed */
				for (size_t k = 0; k < a->n_counterfactuals; k++)
					done |= strcmp(a->counterfactuals[k].field, pick->f->path) == 0;
				if (!done)
					st = add_counterfactual(a, prep->pol->wording, p, pick);
			}
	}
	/* Missing answers, in the model's order. */
	if (st == AC_OK) {
		a->missing = calloc(N_FIELDS + 4, sizeof *a->missing);
		if (!a->missing)
			st = AC_ENOMEM;
	}
	for (size_t fi = 0; st == AC_OK && fi < N_FIELDS; fi++) {
		if (answered(p, &fields[fi]))
			continue;
		if (fields[fi].off == PO(capability_gap) && !(p->motives & (1u << AC_MOT_CAPABILITY_GAP)))
			continue; /* only asked of someone who wants to close a gap */
		st = add_missing(a, prep->pol->wording, &vs, fi, fields[fi].path);
	}
	if (st == AC_OK && prep->cert) {
		static const char *const cost_inputs[] = {"constraints.hours_per_week", "constraints.budget_usd", "role.hourly_pay_usd"};
		const int set[] = {p->constraints.hours_per_week.set, p->constraints.budget_usd.set, p->role.hourly_pay_usd.set};
		for (size_t k = 0; st == AC_OK && k < 3; k++)
			if (!set[k])
				st = add_missing(a, prep->pol->wording, &vs, (size_t)-1, cost_inputs[k]);
	}
	for (size_t i = 0; i < vs.n; i++) {
		free(vs.items[i].change);
		json_decref(vs.items[i].to);
	}
	free(vs.items);
	return st;
}
