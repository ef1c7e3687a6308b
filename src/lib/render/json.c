/*
 * json.c — the assessment as the JSON document of ASSESSMENT.md (version 2).  Keys
 * are written in contract order and every real number is rounded on purpose,
 * so the same assessment always gives the same bytes.  The document is written
 * straight into the output (core/jsonw.h), laid out as jansson lays it out;
 * the answers the engine stored as JSON text are read by the quick reader
 * (core/jsonread.h).  One file,
 * longer than most, so the document's keys can be checked against
 * ASSESSMENT.md top to bottom in one place.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/jsonw.h"
#include "occdata/occupation.h"
#include "render/render.h"

/* Digits for reals: enough for any rounded figure, never float noise. */
#define JSON_DIGITS 15

/* Decimal places by kind of figure. */
enum { SHARE = 4, AMOUNT = 2 };

/* The writer, and the first failure that is not the writer's own. */
typedef struct {
	ac_jw w;
	ac_status st;
} jb;

static void fail(jb *b, ac_status st)
{
	if (b->st == AC_OK)
		b->st = st;
}

/* A key of the contract (a literal: no escaping, its length known). */
#define key(b, literal) AC_JW_KEY(&(b)->w, literal)

/* A key made at run time. */
static void any_key(jb *b, const char *k)
{
	ac_jw_key(&b->w, k);
}

static void jstr(jb *b, const char *s)
{
	ac_jw_str(&b->w, s);
}

static void jbool(jb *b, int v)
{
	ac_jw_bool(&b->w, v);
}

static void jint(jb *b, long long v)
{
	ac_jw_int(&b->w, v);
}

static void jnull(jb *b)
{
	ac_jw_null(&b->w);
}

/* x rounded to `decimals` places; an integral result prints as an integer.
 * JSON has no NaN or infinity: those print as null. */
static void jnum(jb *b, double x, int decimals)
{
	if (!isfinite(x)) {
		jnull(b);
		return;
	}
	double r = ac_render_round(x, decimals);
	if (r == floor(r) && fabs(r) < 9007199254740992.0)
		jint(b, (long long)r);
	else
		ac_jw_real(&b->w, r, JSON_DIGITS);
}

static void jopt(jb *b, ac_num n, int decimals)
{
	if (n.set)
		jnum(b, n.v, decimals);
	else
		jnull(b);
}

static void jtri(jb *b, ac_tri t)
{
	if (t == AC_TRUE || t == AC_FALSE)
		jbool(b, t == AC_TRUE);
	else
		jnull(b);
}

static void jname(jb *b, ac_enum_kind kind, int v)
{
	jstr(b, v ? ac_enum_name(kind, v) : NULL);
}

static void jstrs(jb *b, char *const *v, size_t n)
{
	ac_jw_array(&b->w);
	for (size_t i = 0; i < n; i++)
		jstr(b, v[i]);
	ac_jw_end_array(&b->w);
}

/* The same for a list of constant names (C has no implicit conversion
 * between the two pointer types). */
static void jnames(jb *b, const char *const *names, size_t n)
{
	jstrs(b, (char *const *)names, n);
}

/* A value the quick reader read, written as jansson would dump it. */
static void jrvalue(jb *b, const ac_jr_node *v)
{
	switch (v->type) {
	case AC_JR_OBJECT:
		ac_jw_object(&b->w);
		for (const ac_jr_node *m = v->first; m; m = m->next) {
			any_key(b, m->key);
			jrvalue(b, m);
		}
		ac_jw_end_object(&b->w);
		break;
	case AC_JR_ARRAY:
		ac_jw_array(&b->w);
		for (const ac_jr_node *m = v->first; m; m = m->next)
			jrvalue(b, m);
		ac_jw_end_array(&b->w);
		break;
	case AC_JR_STRING: ac_jw_strn(&b->w, v->s, v->n); break;
	case AC_JR_INT: jint(b, v->i); break;
	case AC_JR_REAL: ac_jw_real(&b->w, v->d, JSON_DIGITS); break;
	case AC_JR_TRUE: jbool(b, 1); break;
	case AC_JR_FALSE: jbool(b, 0); break;
	default: jnull(b); break;
	}
}

/* Embeds a JSON text the engine wrote (the answers of what_changes),
 * read by the quick reader: a text it does not take (not JSON, a key given
 * twice, nesting past its limit) is a bug in the engine. */
/* Whether text, which the engine wrote, is a string, an integer, true,
 * false or null: written again, it would be the same bytes. */
static int plain_scalar(const char *text, size_t n)
{
	if (n >= 2 && text[0] == '"')
		return text[n - 1] == '"';
	if ((n == 4 && (memcmp(text, "true", 4) == 0 || memcmp(text, "null", 4) == 0)) ||
	    (n == 5 && memcmp(text, "false", 5) == 0))
		return 1;
	size_t i = text[0] == '-';
	if (i == n || n - i > 15 || (text[i] == '0' && (n - i > 1 || i)))
		return 0; /* not a plain integer, one that might not be held exactly, or -0 */
	for (; i < n; i++)
		if (text[i] < '0' || text[i] > '9')
			return 0;
	return 1;
}

static void jparse(jb *b, const char *text)
{
	if (!text) {
		jnull(b);
		return;
	}
	size_t n = strlen(text);
	if (plain_scalar(text, n)) { /* most answers: copied, not read again */
		ac_jw_scalar_text(&b->w, text, n);
		return;
	}
	ac_jr_doc *doc;
	const ac_jr_node *root;
	ac_status st = ac_jr_parse_any(text, n, 64, &doc, &root);
	if (st == AC_OK) {
		jrvalue(b, root);
	} else {
		fail(b, st == AC_ENOMEM ? AC_ENOMEM : AC_EINTERNAL);
		jnull(b);
	}
	ac_jr_free(doc);
}

static void motives(jb *b, unsigned bits)
{
	int m[AC_MOT__COUNT];
	size_t n = ac_render_motives(bits, m);
	ac_jw_array(&b->w);
	for (size_t i = 0; i < n; i++)
		jname(b, AC_ENUM_MOTIVE, m[i]);
	ac_jw_end_array(&b->w);
}

/* A figure's number as the engine has always written it: a whole number as
 * an integer, anything else with at most four significant digits (after
 * rounding to four decimals). */
static void figure_number(jb *b, double x)
{
	if (fabs(x - round(x)) < 1e-9 && fabs(x) < 9007199254740992.0) {
		jint(b, (long long)round(x));
		return;
	}
	char text[32];
	snprintf(text, sizeof text, "%.4g", round(x * 1e4) / 1e4);
	if (!strpbrk(text, ".eE")) /* "%.4g" rounded it to a whole number */
		jint(b, strtoll(text, NULL, 10));
	else
		ac_jw_real(&b->w, strtod(text, NULL), JSON_DIGITS);
}

/* The figures of a fired rule, as one object: fact name -> value.  A name
 * given twice keeps its first place and its last value. */
static void figures(jb *b, const ac_rule_fired *r)
{
	ac_jw_object(&b->w);
	for (size_t i = 0; i < r->n_figures; i++) {
		size_t last = i, k;
		for (k = 0; k < i && strcmp(r->figures[k].name, r->figures[i].name) != 0; k++)
			;
		if (k < i)
			continue; /* written at its first place */
		for (k = i + 1; k < r->n_figures; k++)
			if (strcmp(r->figures[k].name, r->figures[i].name) == 0)
				last = k;
		const ac_figure *f = &r->figures[last];
		any_key(b, r->figures[i].name);
		if (f->type == AC_FIGURE_YESNO)
			jtri(b, f->truth);
		else if (f->number.set)
			figure_number(b, f->number.v);
		else
			jnull(b);
	}
	ac_jw_end_object(&b->w);
}

#define OBJ(b) ac_jw_object(&(b)->w)
#define END_OBJ(b) ac_jw_end_object(&(b)->w)
#define ARR(b) ac_jw_array(&(b)->w)
#define END_ARR(b) ac_jw_end_array(&(b)->w)

static void rules(jb *b, const ac_assessment *a)
{
	ARR(b);
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *r = &a->rules[i];
		OBJ(b);
		key(b, "id"), jstr(b, r->id);
		key(b, "title"), jstr(b, r->title);
		key(b, "verdict"), jname(b, AC_ENUM_VERDICT, r->verdict);
		key(b, "decisive"), jbool(b, r->decisive);
		key(b, "because"), jstr(b, r->because);
		key(b, "figures"), figures(b, r);
		END_OBJ(b);
	}
	END_ARR(b);
}

static void tasks(jb *b, const ac_assessment *a)
{
	ARR(b);
	for (size_t i = 0; i < a->exposure.n_tasks; i++) {
		const ac_task_result *t = &a->exposure.tasks[i];
		OBJ(b);
		key(b, "name"), jstr(b, t->name);
		key(b, "share"), jnum(b, t->share, SHARE);
		key(b, "category"), jname(b, AC_ENUM_CATEGORY, t->category);
		key(b, "exposure"), jnum(b, t->exposure, SHARE);
		key(b, "contribution"), jnum(b, t->contribution, SHARE);
		key(b, "repeatable"), jbool(b, t->repeatable);
		key(b, "standardized_output"), jbool(b, t->standardized_output);
		key(b, "benchmarkable"), jbool(b, t->benchmarkable);
		key(b, "needs_decision_authority"), jbool(b, t->needs_decision_authority);
		key(b, "measured"), jbool(b, t->measured);
		END_OBJ(b);
	}
	END_ARR(b);
}

static void occupation(jb *b, const ac_assessment *a)
{
	const ac_occupation *occ = a->exposure.occupation;
	if (!occ) {
		jnull(b);
		return;
	}
	OBJ(b);
	key(b, "code"), jstr(b, occ->code);
	key(b, "title"), jstr(b, occ->title);
	key(b, "beta"), jopt(b, occ->beta, SHARE);
	key(b, "applicability"), jopt(b, occ->applicability, SHARE);
	key(b, "exposure"), jopt(b, occ->exposure, SHARE);
	key(b, "exposure_percentile"), jopt(b, occ->exposure_percentile, AMOUNT);
	key(b, "person_percentile"), jopt(b, a->exposure.person_percentile, AMOUNT);
	key(b, "range");
	if (a->exposure.range_low.set || a->exposure.range_high.set) {
		OBJ(b);
		key(b, "low"), jopt(b, a->exposure.range_low, SHARE);
		key(b, "high"), jopt(b, a->exposure.range_high, SHARE);
		END_OBJ(b);
	} else {
		jnull(b);
	}
	const char *src[4];
	key(b, "sources"), jnames(b, src, ac_render_occ_sources(occ, src));
	END_OBJ(b);
}

static void exposure(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "score"), jnum(b, a->exposure.score, SHARE);
	key(b, "class"), jname(b, AC_ENUM_CLASS, a->exposure.klass);
	key(b, "structural"), jbool(b, a->exposure.structural);
	key(b, "skill_based"), jbool(b, a->exposure.skill_based);
	key(b, "repeatable_share"), jnum(b, a->exposure.repeatable_share, SHARE);
	key(b, "standardized_share"), jnum(b, a->exposure.standardized_share, SHARE);
	key(b, "benchmarkable_share"), jnum(b, a->exposure.benchmarkable_share, SHARE);
	key(b, "separable_share"), jnum(b, a->exposure.separable_share, SHARE);
	key(b, "reporting_share"), jnum(b, a->exposure.reporting_share, SHARE);
	key(b, "coordination_share"), jnum(b, a->exposure.coordination_share, SHARE);
	key(b, "prefilled"), jbool(b, a->exposure.prefilled);
	key(b, "tasks"), tasks(b, a);
	key(b, "occupation"), occupation(b, a);
	if (!a->exposure.occupation && a->exposure.occupation_note)
		key(b, "occupation_note"), jstr(b, a->exposure.occupation_note);
	END_OBJ(b);
}

/* An object of n named true/false conditions. */
static void jconditions(jb *b, const char *const *names, const int *met, size_t n)
{
	OBJ(b);
	for (size_t i = 0; i < n; i++)
		any_key(b, names[i]), jbool(b, met[i]);
	END_OBJ(b);
}

static void replaceability(jb *b, const ac_assessment *a)
{
	static const char *const names[] = {"standardized_output", "repeatable_tasks", "easily_benchmarked",
					    "separable_from_authority"};
	const int met[] = {a->replaceability.standardized_output, a->replaceability.repeatable_tasks,
			   a->replaceability.easily_benchmarked, a->replaceability.separable_from_authority};
	OBJ(b);
	key(b, "count"), jint(b, a->replaceability.count);
	key(b, "high"), jbool(b, a->replaceability.high);
	key(b, "conditions"), jconditions(b, names, met, 4);
	key(b, "authority_answered"), jbool(b, a->replaceability.authority_answered);
	END_OBJ(b);
}

static void leverage(jb *b, const ac_assessment *a)
{
	static const char *const names[] = {"ai_enhanced_role", "owns_measurable_outcomes",
					    "expanding_into_system_design", "transitioning_to_hybrid"};
	const int met[] = {a->leverage.ai_enhanced_role, a->leverage.owns_measurable_outcomes,
			   a->leverage.expanding_into_system_design, a->leverage.transitioning_to_hybrid};
	OBJ(b);
	key(b, "test"), jname(b, AC_ENUM_LEVERAGE_TEST, a->leverage.test);
	key(b, "orientation"), jname(b, AC_ENUM_ORIENTATION, a->leverage.orientation);
	key(b, "ownership_expands"), jtri(b, a->leverage.ownership_expands);
	key(b, "count"), jint(b, a->leverage.count);
	key(b, "ladder_level");
	if (a->leverage.ladder_level)
		jint(b, a->leverage.ladder_level);
	else
		jnull(b);
	key(b, "conditions"), jconditions(b, names, met, 4);
	END_OBJ(b);
}

static void organization(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "signal_strength"), jint(b, a->organization.signal_strength);
	key(b, "credential_sensitive"), jtri(b, a->organization.credential_sensitive);
	key(b, "leader_reading"), jname(b, AC_ENUM_LEADER_READING, a->organization.leader_reading);
	key(b, "signaling_risk"), jbool(b, a->organization.signaling_risk);
	END_OBJ(b);
}

static void timing(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "phase");
	if (a->timing.phase)
		jint(b, a->timing.phase);
	else
		jnull(b);
	key(b, "appropriate"), jtri(b, a->timing.appropriate);
	key(b, "why"), jstrs(b, a->timing.why, a->timing.n_why);
	key(b, "industry_compressing"), jtri(b, a->timing.industry_compressing);
	key(b, "industry_shifting"), jtri(b, a->timing.industry_shifting);
	END_OBJ(b);
}

static void motive_sets(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "valid"), motives(b, a->motives.valid);
	key(b, "invalid"), motives(b, a->motives.invalid);
	key(b, "unknown"), motives(b, a->motives.unknown);
	key(b, "positioning"), jstr(b, a->motives.positioning);
	END_OBJ(b);
}

static void condition(jb *b, const char *name, const ac_condition *c)
{
	any_key(b, name);
	OBJ(b);
	key(b, "met"), jtri(b, c->met);
	key(b, "why"), jstr(b, c->why);
	END_OBJ(b);
}

static void conditions(jb *b, const ac_assessment *a)
{
	OBJ(b);
	condition(b, "exposure_understood", &a->exposure_understood);
	condition(b, "leverage_possible", &a->leverage_possible);
	condition(b, "timing_appropriate", &a->timing_appropriate);
	condition(b, "trajectory_defined", &a->trajectory_defined);
	END_OBJ(b);
}

static void questions(jb *b, const ac_assessment *a)
{
	ARR(b);
	for (size_t i = 0; i < 5; i++) {
		OBJ(b);
		key(b, "id"), jstr(b, a->questions[i].id);
		key(b, "answer"), jstr(b, a->questions[i].answer);
		key(b, "ok"), jtri(b, a->questions[i].ok);
		END_OBJ(b);
	}
	END_ARR(b);
}

static void certification(jb *b, const ac_assessment *a)
{
	if (!a->certification.present) {
		jnull(b);
		return;
	}
	const ac_cert *k = &a->certification.cert;
	OBJ(b);
	key(b, "id"), jstr(b, k->id);
	key(b, "name"), jstr(b, k->name);
	key(b, "provider"), jstr(b, k->provider);
	key(b, "from_catalogue"), jbool(b, a->certification.from_catalogue);
	key(b, "domain"), jname(b, AC_ENUM_DOMAIN, k->domain);
	key(b, "level"), jname(b, AC_ENUM_LEVEL, k->level);
	key(b, "status"), jname(b, AC_ENUM_STATUS, k->status);
	key(b, "gap_fit"), jtri(b, a->certification.gap_fit);
	key(b, "gap_matched"), jstrs(b, a->certification.gap_matched, a->certification.n_gap_matched);
	key(b, "role_fit"), jtri(b, a->certification.role_fit);
	key(b, "role_matched"), jstr(b, a->certification.role_matched);
	key(b, "recognized"), jtri(b, a->certification.recognized);
	key(b, "cost_usd"), jopt(b, k->cost_usd, AMOUNT);
	key(b, "hours"), jopt(b, k->hours, AMOUNT);
	key(b, "weeks"), jopt(b, a->certification.weeks, AMOUNT);
	key(b, "time_value_usd"), jopt(b, a->certification.time_value_usd, AMOUNT);
	key(b, "time_value_basis");
	if (!a->certification.time_value_usd.set)
		jnull(b);
	else
		jstr(b, a->certification.pay_is_occupation_median ? "occupation_median_wage" : "hourly_pay");
	key(b, "total_cost_usd"), jopt(b, a->certification.total_cost_usd, AMOUNT);
	key(b, "cost_per_year_usd"), jopt(b, a->certification.cost_per_year_usd, AMOUNT);
	key(b, "retake_usd"), jopt(b, k->retake_usd, AMOUNT);
	key(b, "validity_months"), jopt(b, k->validity_months, AMOUNT);
	key(b, "never_expires"), jbool(b, k->never_expires);
	key(b, "within_budget"), jtri(b, a->certification.within_budget);
	const char *unknown[8];
	key(b, "unknown"), jnames(b, unknown, ac_render_unknown_costs(a, unknown));
	key(b, "uncertain"), jstrs(b, k->uncertain, k->n_uncertain);
	key(b, "warnings"), jstrs(b, a->certification.warnings, a->certification.n_warnings);
	key(b, "sources");
	ARR(b);
	for (size_t i = 0; i < k->n_sources; i++)
		jstr(b, k->sources[i].url);
	END_ARR(b);
	key(b, "hours_estimated"), jbool(b, a->certification.hours_estimated);
	key(b, "checked"), jstr(b, k->checked);
	/* Beyond the contract: the exam code and the source's own wording. */
	key(b, "exam_code"), jstr(b, k->exam_code);
	key(b, "cost_note"), jstr(b, k->cost_note);
	key(b, "hours_note"), jstr(b, k->hours_note);
	END_OBJ(b);
}

static void alternatives(jb *b, const ac_assessment *a)
{
	ARR(b);
	for (size_t i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &a->alternatives[i];
		OBJ(b);
		key(b, "path"), jname(b, AC_ENUM_PATH, alt->path);
		key(b, "score"), jint(b, alt->score);
		key(b, "why"), jstr(b, alt->why);
		key(b, "first_step"), jstr(b, alt->first_step);
		END_OBJ(b);
	}
	END_ARR(b);
}

/* The verdict and reason an answer gives. */
static void outcome_json(jb *b, const ac_outcome *x)
{
	key(b, "verdict"), jname(b, AC_ENUM_VERDICT, x->verdict);
	key(b, "reason"), jstr(b, x->reason);
}

static void changes(jb *b, const ac_change *c, size_t n)
{
	ARR(b);
	for (size_t i = 0; i < n; i++) {
		OBJ(b);
		key(b, "field"), jstr(b, c[i].field);
		key(b, "from"), jparse(b, c[i].from_json);
		key(b, "to"), jparse(b, c[i].to.answer_json);
		key(b, "says"), jstr(b, c[i].says);
		outcome_json(b, &c[i].to);
		END_OBJ(b);
	}
	END_ARR(b);
}

static void what_changes(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "searched"), jbool(b, a->what_changes.searched);
	key(b, "unanswered");
	ARR(b);
	for (size_t i = 0; i < a->what_changes.n_unanswered; i++) {
		const ac_unanswered *u = &a->what_changes.unanswered[i];
		OBJ(b);
		key(b, "field"), jstr(b, u->field);
		key(b, "question"), jstr(b, u->question);
		key(b, "outcomes");
		ARR(b);
		for (size_t k = 0; k < u->n_outcomes; k++) {
			OBJ(b);
			key(b, "answer"), jparse(b, u->outcomes[k].answer_json);
			outcome_json(b, &u->outcomes[k]);
			END_OBJ(b);
		}
		END_ARR(b);
		END_OBJ(b);
	}
	END_ARR(b);
	key(b, "actions"), changes(b, a->what_changes.actions, a->what_changes.n_actions);
	key(b, "rests_on"), changes(b, a->what_changes.rests_on, a->what_changes.n_rests_on);
	END_OBJ(b);
}

static void missing(jb *b, const ac_assessment *a, int detail)
{
	ARR(b);
	for (size_t i = 0; i < a->n_missing; i++) {
		const ac_missing *m = &a->missing[i];
		if (!detail) {
			jstr(b, m->field);
			continue;
		}
		OBJ(b);
		key(b, "field"), jstr(b, m->field);
		key(b, "question"), jstr(b, m->question);
		key(b, "could_change"), jtri(b, m->changes);
		END_OBJ(b);
	}
	END_ARR(b);
}

static void document(jb *b, const ac_assessment *a)
{
	OBJ(b);
	key(b, "schema"), jstr(b, AC_ASSESSMENT_SCHEMA);
	key(b, "policy");
	OBJ(b);
	key(b, "name"), jstr(b, a->policy_name);
	key(b, "version"), jstr(b, a->policy_version);
	END_OBJ(b);
	key(b, "as_of"), jstr(b, a->as_of);
	key(b, "label"), jstr(b, a->label);
	key(b, "verdict"), jname(b, AC_ENUM_VERDICT, a->verdict);
	key(b, "reason"), jstr(b, a->reason);
	key(b, "headline"), jstr(b, a->headline);
	key(b, "rules_fired"), rules(b, a);
	key(b, "flags"), jstrs(b, a->flags, a->n_flags);
	key(b, "flag_notes"), jstrs(b, a->flag_notes, a->flag_notes ? a->n_flags : 0);
	key(b, "exposure"), exposure(b, a);
	key(b, "replaceability"), replaceability(b, a);
	key(b, "leverage"), leverage(b, a);
	key(b, "organization"), organization(b, a);
	key(b, "timing"), timing(b, a);
	key(b, "motives"), motive_sets(b, a);
	key(b, "conditions"), conditions(b, a);
	key(b, "questions"), questions(b, a);
	key(b, "certification"), certification(b, a);
	key(b, "alternatives"), alternatives(b, a);
	key(b, "what_changes"), what_changes(b, a);
	key(b, "warnings"), jstrs(b, a->warnings, a->n_warnings);
	key(b, "missing"), missing(b, a, 0);
	key(b, "missing_detail"), missing(b, a, 1);
	END_OBJ(b);
}

ac_status ac_render_json_layout(const ac_assessment *a, int compact, strbuf *out)
{
	size_t start = out->len;
	jb b;
	b.st = AC_OK;
	ac_jw_init(&b.w, out, compact ? 0 : 2);
	document(&b, a);
	if (b.st == AC_OK && (ac_jw_status(&b.w) != 0 || sb_puts(out, "\n") != 0))
		b.st = AC_ENOMEM; /* memory, or a string jansson would not have held */
	if (b.st != AC_OK && !out->failed) { /* nothing partial */
		out->len = start;
		if (out->buf)
			out->buf[start] = '\0';
	}
	return b.st;
}

ac_status ac_render_json(const ac_assessment *a, strbuf *out)
{
	return ac_render_json_layout(a, 0, out);
}
