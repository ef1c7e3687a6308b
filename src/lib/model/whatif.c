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
	const char *yes; /* "if ..." fragment for true / for a text being named */
	const char *no;  /* for false */
	const char *note; /* what the answer matters for, when no single variant shows it */
	const char *const *value_text; /* for enums: "if ..." fragment per value (index = value) */
} wfield;

static const char *const leverage_text[] = {NULL, "40 % more output from you would widen your scope",
	"40 % more output from you would increase your influence", "40 % more output from you would raise your pay",
	"40 % more output from you would lead to headcount cuts", "you could not tell what 40 % more output would lead to"};
static const char *const authority_text[] = {NULL, "you held the decisions your work feeds",
	"your work could be split from the decisions"};
static const char *const compressing_text[] = {NULL, "your industry's business model were compressing",
	"your industry's business model were not compressing", NULL};

#define PO(m) ((ptrdiff_t)offsetof(ac_profile, m))

static const wfield fields[] = {
	{"role.tasks", W_NONE, 0, 0, NULL, NULL, "the task mix is what every other part of the assessment builds on; without it the verdict stays not_yet", NULL},
	{"role.leverage_test", W_ENUM, PO(role.leverage_test), AC_ENUM_LEVERAGE_TEST, NULL, NULL, NULL, leverage_text},
	{"role.owns_measurable_outcomes", W_BOOL, PO(role.owns_measurable_outcomes), 0, "you owned measurable outcomes", "you did not own measurable outcomes", NULL, NULL},
	{"role.decision_authority", W_ENUM, PO(role.decision_authority), AC_ENUM_AUTHORITY, NULL, NULL, NULL, authority_text},
	{"ai_use.tested_in_role", W_BOOL, PO(ai_use.tested_in_role), 0, "you had used AI on real tasks of your role", "you had not yet used AI on real tasks of your role", NULL, NULL},
	{"ai_use.widened_scope", W_BOOL, PO(ai_use.widened_scope), 0, "your AI use had already widened your scope or influence", "your AI use had not widened your scope", NULL, NULL},
	{"trajectory.target_role", W_TEXT, PO(trajectory.target_role), 0, "you named a target role", NULL, NULL, NULL},
	{"trajectory.expanding_into_system_design", W_BOOL, PO(trajectory.expanding_into_system_design), 0, "you were expanding into system design", "you were not expanding into system design", NULL, NULL},
	{"trajectory.transitioning_to_hybrid", W_BOOL, PO(trajectory.transitioning_to_hybrid), 0, "you were moving into a hybrid role", "you were not moving into a hybrid role", NULL, NULL},
	{"organization.leadership_values_ai_literacy", W_BOOL, PO(organization.leadership_values_ai_literacy), 0, "your leaders prized visible AI literacy", "your leaders did not prize visible AI literacy", NULL, NULL},
	{"organization.promotion_committees_want_credentials", W_BOOL, PO(organization.promotion_committees_want_credentials), 0, "promotion panels looked for credentials", "promotion panels did not look for credentials", NULL, NULL},
	{"organization.politics_reward_formal_programs", W_BOOL, PO(organization.politics_reward_formal_programs), 0, "your organisation's politics favoured formal programmes", "your organisation's politics did not favour formal programmes", NULL, NULL},
	{"organization.credential_sensitive_environment", W_BOOL, PO(organization.credential_sensitive_environment), 0, "clients, regulators or the market screened on credentials", "nobody outside screened on credentials", NULL, NULL},
	{"organization.adoption_signals", W_NONE, 0, 0, NULL, NULL, "the adoption signals set the phase, which changes the timing judgement and the flags", NULL},
	{"industry.business_model_compressing", W_ENUM, PO(industry.business_model_compressing), AC_ENUM_COMPRESSING, NULL, NULL, NULL, compressing_text},
	{"industry.shifting_to_ai", W_BOOL, PO(industry.shifting_to_ai), 0, "your industry were visibly shifting to AI-based work", "your industry were not shifting to AI-based work", NULL, NULL},
	{"motives", W_MOTIVES, PO(motives), 0, NULL, NULL, NULL, NULL},
	{"capability_gap", W_TEXT, PO(capability_gap), 0, "you named the capability gap", NULL, NULL, NULL},
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
	char *sentence;
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
	if (f->off == PO(trajectory.target_role))
		return c && c->n_roles ? c->roles[0] : "a named target role";
	return c && c->n_keywords ? c->keywords[0] : "a named capability";
}

static void make_variants(variants *vs, const ac_prepared *prep, const ac_profile *p)
{
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
				x->sentence = ac_strdup_printf("if %s", val ? f->yes : f->no);
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
				x->sentence = ac_strdup_printf("if %s", f->value_text[e]);
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
			x->sentence = ac_strdup_printf("if %s (for example \"%s\")", f->yes, ex);
			break;
		}
		case W_MOTIVES: {
			static const int valid[] = {AC_MOT_CAPABILITY_GAP, AC_MOT_CREDENTIAL_SIGNAL, AC_MOT_ROLE_TRANSITION, AC_MOT_INDUSTRY_SHIFT};
			for (size_t k = 0; k < 4; k++) {
				if ((p->motives & (1u << valid[k])) || !(x = push(vs)))
					continue;
				x->f = f;
				x->field_index = i;
				x->v = *p;
				x->v.motives |= 1u << valid[k];
				x->v.motives_given = 1;
				x->to = motives_json(x->v.motives);
				x->sentence = ac_strdup_printf("if your reason included %s", ac_enum_name(AC_ENUM_MOTIVE, valid[k]));
			}
			unsigned invalid = 0;
			for (int m = AC_MOT_SIGNAL_ACTIVITY; m <= AC_MOT_UNCLEAR_POSITIONING; m++)
				invalid |= 1u << m;
			if ((p->motives & invalid) && (p->motives & ~invalid) && (x = push(vs))) {
				x->f = f;
				x->field_index = i;
				x->v = *p;
				x->v.motives &= ~invalid;
				x->to = motives_json(x->v.motives);
				x->sentence = strdup("if you dropped the reasons that do not hold (anxiety, headlines, looking busy, unclear positioning)");
			}
			break;
		}
		case W_NONE: break;
		}
	}
}

static ac_status add_counterfactual(ac_assessment *a, const ac_profile *p, const variant *x)
{
	ac_counterfactual *c = &a->counterfactuals[a->n_counterfactuals];
	memset(c, 0, sizeof *c);
	c->field = strdup(x->f->path);
	c->from_json = json_text(current_json(p, x->f));
	c->to_json = json_dumps(x->to, JSON_ENCODE_ANY | JSON_COMPACT);
	c->sentence = ac_strdup_printf("%s, the verdict would be %s", x->sentence, ac_enum_name(AC_ENUM_VERDICT, x->verdict));
	c->verdict = x->verdict;
	c->reason = strdup(x->reason);
	a->n_counterfactuals++;
	return c->field && c->from_json && c->to_json && c->sentence && c->reason ? AC_OK : AC_ENOMEM;
}

static ac_status add_missing(ac_assessment *a, const variants *vs, size_t field_index, const char *path)
{
	ac_missing *m = &a->missing[a->n_missing++];
	memset(m, 0, sizeof *m);
	m->field = strdup(path);
	if (!m->field)
		return AC_ENOMEM;
	strbuf sb;
	sb_init(&sb);
	int seen[5] = {0}, any = 0;
	for (size_t i = 0; i < vs->n; i++) {
		const variant *x = &vs->items[i];
		if (x->field_index != field_index || x->verdict == a->verdict || seen[x->verdict])
			continue;
		seen[x->verdict] = 1;
		sb_printf(&sb, "%s%s (%s)", any ? "; or " : "answering it could change the verdict to ",
			  ac_enum_name(AC_ENUM_VERDICT, x->verdict), x->sentence + 3 /* skip "if " */);
		any = 1;
	}
	if (!any && field_index < N_FIELDS && fields[field_index].note) {
		sb_puts(&sb, fields[field_index].note);
		any = 1;
	}
	if (any) {
		m->could_change = sb_take(&sb, NULL);
		return m->could_change ? AC_OK : AC_ENOMEM;
	}
	sb_free(&sb);
	return AC_OK;
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
		if (!x->sentence || !x->to) {
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
					st = add_counterfactual(a, p, pick);
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
		st = add_missing(a, &vs, fi, fields[fi].path);
	}
	if (st == AC_OK && prep->cert) {
		static const char *const cost_inputs[] = {"constraints.hours_per_week", "constraints.budget_usd", "role.hourly_pay_usd"};
		const int set[] = {p->constraints.hours_per_week.set, p->constraints.budget_usd.set, p->role.hourly_pay_usd.set};
		for (size_t k = 0; st == AC_OK && k < 3; k++)
			if (!set[k])
				st = add_missing(a, &vs, (size_t)-1, cost_inputs[k]);
	}
	for (size_t i = 0; i < vs.n; i++) {
		free(vs.items[i].sentence);
		json_decref(vs.items[i].to);
	}
	free(vs.items);
	return st;
}
