/*
 * json.c — the assessment as the JSON document of ASSESSMENT.md (version 2).  Keys
 * are inserted in contract order and every real number is rounded on purpose,
 * so the same assessment always dumps to the same bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "render/render.h"

/* Digits for reals: enough for any rounded figure, never float noise. */
#define JSON_DIGITS 15

/* Decimal places by kind of figure. */
enum { SHARE = 4, AMOUNT = 2 };

/* The builder remembers the first failure; later calls still run, and
 * jansson frees a value whose insertion failed. */
typedef struct {
	ac_status st;
} jb;

static void fail(jb *b, ac_status st)
{
	if (b->st == AC_OK)
		b->st = st;
}

static void set(jb *b, json_t *obj, const char *key, json_t *value)
{
	if (json_object_set_new(obj, key, value) != 0)
		fail(b, AC_ENOMEM);
}

static void push(jb *b, json_t *arr, json_t *value)
{
	if (json_array_append_new(arr, value) != 0)
		fail(b, AC_ENOMEM);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* x rounded to `decimals` places; an integral result prints as an integer.
 * JSON has no NaN or infinity: those print as null. */
static json_t *jnum(double x, int decimals)
{
	if (!isfinite(x))
		return json_null();
	double r = ac_render_round(x, decimals);
	if (r == floor(r) && fabs(r) < 9007199254740992.0)
		return json_integer((json_int_t)r);
	return json_real(r);
}

static json_t *jopt(ac_num n, int decimals)
{
	return n.set ? jnum(n.v, decimals) : json_null();
}

static json_t *jtri(ac_tri t)
{
	return t == AC_TRUE ? json_true() : t == AC_FALSE ? json_false() : json_null();
}

static json_t *jname(ac_enum_kind kind, int v)
{
	return jstr(v ? ac_enum_name(kind, v) : NULL);
}

static json_t *jstrs(jb *b, char *const *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		push(b, arr, jstr(v[i]));
	return arr;
}

/* The same for a list of constant names (C has no implicit conversion
 * between the two pointer types). */
static json_t *jnames(jb *b, const char *const *names, size_t n)
{
	return jstrs(b, (char *const *)names, n);
}

/* Embeds a JSON text the engine wrote (the answers of what_changes).  A
 * text that does not parse is a bug in the engine.  jansson leaves the error
 * unset when memory runs out early (hence the cleared struct) but reports a
 * failed string allocation as a syntax error, so that case reads as a bug. */
static json_t *jparse(jb *b, const char *text)
{
	json_error_t err;
	memset(&err, 0, sizeof err);
	json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
	if (!v) {
		enum json_error_code code = json_error_code(&err);
		fail(b, code == json_error_out_of_memory || code == json_error_unknown ? AC_ENOMEM
										: AC_EINTERNAL);
	}
	return v;
}

static json_t *motives(jb *b, unsigned bits)
{
	int m[AC_MOT__COUNT];
	size_t n = ac_render_motives(bits, m);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		push(b, arr, jname(AC_ENUM_MOTIVE, m[i]));
	return arr;
}

/* A figure's number as the engine has always written it: a whole number as
 * an integer, anything else with at most four significant digits (after
 * rounding to four decimals). */
static json_t *figure_number(double x)
{
	if (fabs(x - round(x)) < 1e-9 && fabs(x) < 9007199254740992.0)
		return json_integer((json_int_t)round(x));
	char text[32];
	snprintf(text, sizeof text, "%.4g", round(x * 1e4) / 1e4);
	if (!strpbrk(text, ".eE")) /* "%.4g" rounded it to a whole number */
		return json_integer((json_int_t)strtoll(text, NULL, 10));
	return json_real(strtod(text, NULL));
}

/* The figures of a fired rule, as one object: fact name -> value. */
static json_t *figures(jb *b, const ac_rule_fired *r)
{
	json_t *o = json_object();
	for (size_t i = 0; i < r->n_figures; i++) {
		const ac_figure *f = &r->figures[i];
		set(b, o, f->name, f->type == AC_FIGURE_YESNO ? jtri(f->truth)
				   : f->number.set	     ? figure_number(f->number.v)
							     : json_null());
	}
	return o;
}

static json_t *rules(jb *b, const ac_assessment *a)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *r = &a->rules[i];
		json_t *o = json_object();
		set(b, o, "id", jstr(r->id));
		set(b, o, "title", jstr(r->title));
		set(b, o, "verdict", jname(AC_ENUM_VERDICT, r->verdict));
		set(b, o, "decisive", json_boolean(r->decisive));
		set(b, o, "because", jstr(r->because));
		set(b, o, "figures", figures(b, r));
		push(b, arr, o);
	}
	return arr;
}

static json_t *tasks(jb *b, const ac_assessment *a)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < a->exposure.n_tasks; i++) {
		const ac_task_result *t = &a->exposure.tasks[i];
		json_t *o = json_object();
		set(b, o, "name", jstr(t->name));
		set(b, o, "share", jnum(t->share, SHARE));
		set(b, o, "category", jname(AC_ENUM_CATEGORY, t->category));
		set(b, o, "exposure", jnum(t->exposure, SHARE));
		set(b, o, "contribution", jnum(t->contribution, SHARE));
		set(b, o, "repeatable", json_boolean(t->repeatable));
		set(b, o, "standardized_output", json_boolean(t->standardized_output));
		set(b, o, "benchmarkable", json_boolean(t->benchmarkable));
		set(b, o, "needs_decision_authority", json_boolean(t->needs_decision_authority));
		set(b, o, "measured", json_boolean(t->measured));
		push(b, arr, o);
	}
	return arr;
}

static json_t *occupation(jb *b, const ac_assessment *a)
{
	const ac_occupation *occ = a->exposure.occupation;
	if (!occ)
		return json_null();
	json_t *o = json_object();
	set(b, o, "code", jstr(occ->code));
	set(b, o, "title", jstr(occ->title));
	set(b, o, "beta", jopt(occ->beta, SHARE));
	set(b, o, "applicability", jopt(occ->applicability, SHARE));
	set(b, o, "exposure", jopt(occ->exposure, SHARE));
	set(b, o, "exposure_percentile", jopt(occ->exposure_percentile, AMOUNT));
	set(b, o, "person_percentile", jopt(a->exposure.person_percentile, AMOUNT));
	json_t *range = json_null();
	if (a->exposure.range_low.set || a->exposure.range_high.set) {
		range = json_object();
		set(b, range, "low", jopt(a->exposure.range_low, SHARE));
		set(b, range, "high", jopt(a->exposure.range_high, SHARE));
	}
	set(b, o, "range", range);
	const char *src[4];
	set(b, o, "sources", jnames(b, src, ac_render_occ_sources(occ, src)));
	return o;
}

static json_t *exposure(jb *b, const ac_assessment *a)
{
	json_t *o = json_object();
	set(b, o, "score", jnum(a->exposure.score, SHARE));
	set(b, o, "class", jname(AC_ENUM_CLASS, a->exposure.klass));
	set(b, o, "structural", json_boolean(a->exposure.structural));
	set(b, o, "skill_based", json_boolean(a->exposure.skill_based));
	set(b, o, "repeatable_share", jnum(a->exposure.repeatable_share, SHARE));
	set(b, o, "standardized_share", jnum(a->exposure.standardized_share, SHARE));
	set(b, o, "benchmarkable_share", jnum(a->exposure.benchmarkable_share, SHARE));
	set(b, o, "separable_share", jnum(a->exposure.separable_share, SHARE));
	set(b, o, "reporting_share", jnum(a->exposure.reporting_share, SHARE));
	set(b, o, "coordination_share", jnum(a->exposure.coordination_share, SHARE));
	set(b, o, "prefilled", json_boolean(a->exposure.prefilled));
	set(b, o, "tasks", tasks(b, a));
	set(b, o, "occupation", occupation(b, a));
	if (!a->exposure.occupation && a->exposure.occupation_note)
		set(b, o, "occupation_note", jstr(a->exposure.occupation_note));
	return o;
}

/* An object of n named true/false conditions. */
static json_t *jconditions(jb *b, const char *const *names, const int *met, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		set(b, o, names[i], json_boolean(met[i]));
	return o;
}

static json_t *replaceability(jb *b, const ac_assessment *a)
{
	static const char *const names[] = {"standardized_output", "repeatable_tasks",
		"easily_benchmarked", "separable_from_authority"};
	const int met[] = {a->replaceability.standardized_output, a->replaceability.repeatable_tasks,
			   a->replaceability.easily_benchmarked,
			   a->replaceability.separable_from_authority};
	json_t *o = json_object();
	set(b, o, "count", json_integer(a->replaceability.count));
	set(b, o, "high", json_boolean(a->replaceability.high));
	set(b, o, "conditions", jconditions(b, names, met, 4));
	set(b, o, "authority_answered", json_boolean(a->replaceability.authority_answered));
	return o;
}

static json_t *leverage(jb *b, const ac_assessment *a)
{
	static const char *const names[] = {"ai_enhanced_role", "owns_measurable_outcomes",
		"expanding_into_system_design", "transitioning_to_hybrid"};
	const int met[] = {a->leverage.ai_enhanced_role, a->leverage.owns_measurable_outcomes,
			   a->leverage.expanding_into_system_design,
			   a->leverage.transitioning_to_hybrid};
	json_t *o = json_object();
	set(b, o, "test", jname(AC_ENUM_LEVERAGE_TEST, a->leverage.test));
	set(b, o, "orientation", jname(AC_ENUM_ORIENTATION, a->leverage.orientation));
	set(b, o, "ownership_expands", jtri(a->leverage.ownership_expands));
	set(b, o, "count", json_integer(a->leverage.count));
	set(b, o, "ladder_level",
	    a->leverage.ladder_level ? json_integer(a->leverage.ladder_level) : json_null());
	set(b, o, "conditions", jconditions(b, names, met, 4));
	return o;
}

static json_t *organization(jb *b, const ac_assessment *a)
{
	json_t *o = json_object();
	set(b, o, "signal_strength", json_integer(a->organization.signal_strength));
	set(b, o, "credential_sensitive", jtri(a->organization.credential_sensitive));
	set(b, o, "leader_reading", jname(AC_ENUM_LEADER_READING, a->organization.leader_reading));
	set(b, o, "signaling_risk", json_boolean(a->organization.signaling_risk));
	return o;
}

static json_t *timing(jb *b, const ac_assessment *a)
{
	json_t *o = json_object();
	set(b, o, "phase", a->timing.phase ? json_integer(a->timing.phase) : json_null());
	set(b, o, "appropriate", jtri(a->timing.appropriate));
	set(b, o, "why", jstrs(b, a->timing.why, a->timing.n_why));
	set(b, o, "industry_compressing", jtri(a->timing.industry_compressing));
	set(b, o, "industry_shifting", jtri(a->timing.industry_shifting));
	return o;
}

static json_t *motive_sets(jb *b, const ac_assessment *a)
{
	json_t *o = json_object();
	set(b, o, "valid", motives(b, a->motives.valid));
	set(b, o, "invalid", motives(b, a->motives.invalid));
	set(b, o, "unknown", motives(b, a->motives.unknown));
	set(b, o, "positioning", jstr(a->motives.positioning));
	return o;
}

static json_t *condition(jb *b, const ac_condition *c)
{
	json_t *o = json_object();
	set(b, o, "met", jtri(c->met));
	set(b, o, "why", jstr(c->why));
	return o;
}

static json_t *conditions(jb *b, const ac_assessment *a)
{
	json_t *o = json_object();
	set(b, o, "exposure_understood", condition(b, &a->exposure_understood));
	set(b, o, "leverage_possible", condition(b, &a->leverage_possible));
	set(b, o, "timing_appropriate", condition(b, &a->timing_appropriate));
	set(b, o, "trajectory_defined", condition(b, &a->trajectory_defined));
	return o;
}

static json_t *questions(jb *b, const ac_assessment *a)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < 5; i++) {
		json_t *o = json_object();
		set(b, o, "id", jstr(a->questions[i].id));
		set(b, o, "answer", jstr(a->questions[i].answer));
		set(b, o, "ok", jtri(a->questions[i].ok));
		push(b, arr, o);
	}
	return arr;
}

static json_t *certification(jb *b, const ac_assessment *a)
{
	if (!a->certification.present)
		return json_null();
	const ac_cert *k = &a->certification.cert;
	json_t *o = json_object();
	set(b, o, "id", jstr(k->id));
	set(b, o, "name", jstr(k->name));
	set(b, o, "provider", jstr(k->provider));
	set(b, o, "from_catalogue", json_boolean(a->certification.from_catalogue));
	set(b, o, "domain", jname(AC_ENUM_DOMAIN, k->domain));
	set(b, o, "level", jname(AC_ENUM_LEVEL, k->level));
	set(b, o, "status", jname(AC_ENUM_STATUS, k->status));
	set(b, o, "gap_fit", jtri(a->certification.gap_fit));
	set(b, o, "gap_matched", jstrs(b, a->certification.gap_matched, a->certification.n_gap_matched));
	set(b, o, "role_fit", jtri(a->certification.role_fit));
	set(b, o, "role_matched", jstr(a->certification.role_matched));
	set(b, o, "recognized", jtri(a->certification.recognized));
	set(b, o, "cost_usd", jopt(k->cost_usd, AMOUNT));
	set(b, o, "hours", jopt(k->hours, AMOUNT));
	set(b, o, "weeks", jopt(a->certification.weeks, AMOUNT));
	set(b, o, "time_value_usd", jopt(a->certification.time_value_usd, AMOUNT));
	set(b, o, "time_value_basis", !a->certification.time_value_usd.set ? json_null()
				      : json_string(a->certification.pay_is_occupation_median ? "occupation_median_wage"
											  : "hourly_pay"));
	set(b, o, "total_cost_usd", jopt(a->certification.total_cost_usd, AMOUNT));
	set(b, o, "cost_per_year_usd", jopt(a->certification.cost_per_year_usd, AMOUNT));
	set(b, o, "retake_usd", jopt(k->retake_usd, AMOUNT));
	set(b, o, "validity_months", jopt(k->validity_months, AMOUNT));
	set(b, o, "never_expires", json_boolean(k->never_expires));
	set(b, o, "within_budget", jtri(a->certification.within_budget));
	const char *unknown[8];
	set(b, o, "unknown", jnames(b, unknown, ac_render_unknown_costs(a, unknown)));
	set(b, o, "uncertain", jstrs(b, k->uncertain, k->n_uncertain));
	set(b, o, "warnings", jstrs(b, a->certification.warnings, a->certification.n_warnings));
	json_t *urls = json_array();
	for (size_t i = 0; i < k->n_sources; i++)
		push(b, urls, jstr(k->sources[i].url));
	set(b, o, "sources", urls);
	set(b, o, "hours_estimated", json_boolean(a->certification.hours_estimated));
	set(b, o, "checked", jstr(k->checked));
	/* Beyond the contract: the exam code and the source's own wording. */
	set(b, o, "exam_code", jstr(k->exam_code));
	set(b, o, "cost_note", jstr(k->cost_note));
	set(b, o, "hours_note", jstr(k->hours_note));
	return o;
}

static json_t *alternatives(jb *b, const ac_assessment *a)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &a->alternatives[i];
		json_t *o = json_object();
		set(b, o, "path", jname(AC_ENUM_PATH, alt->path));
		set(b, o, "score", json_integer(alt->score));
		set(b, o, "why", jstr(alt->why));
		set(b, o, "first_step", jstr(alt->first_step));
		push(b, arr, o);
	}
	return arr;
}

/* The verdict and reason an answer gives, added to o. */
static void outcome(jb *b, json_t *o, const ac_outcome *x)
{
	set(b, o, "verdict", jname(AC_ENUM_VERDICT, x->verdict));
	set(b, o, "reason", jstr(x->reason));
}

static json_t *changes(jb *b, const ac_change *c, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		set(b, o, "field", jstr(c[i].field));
		set(b, o, "from", c[i].from_json ? jparse(b, c[i].from_json) : json_null());
		set(b, o, "to", c[i].to.answer_json ? jparse(b, c[i].to.answer_json) : json_null());
		set(b, o, "says", jstr(c[i].says));
		outcome(b, o, &c[i].to);
		push(b, arr, o);
	}
	return arr;
}

static json_t *what_changes(jb *b, const ac_assessment *a)
{
	json_t *o = json_object(), *open = json_array();
	set(b, o, "searched", json_boolean(a->what_changes.searched));
	for (size_t i = 0; i < a->what_changes.n_unanswered; i++) {
		const ac_unanswered *u = &a->what_changes.unanswered[i];
		json_t *q = json_object(), *outcomes = json_array();
		set(b, q, "field", jstr(u->field));
		set(b, q, "question", jstr(u->question));
		for (size_t k = 0; k < u->n_outcomes; k++) {
			json_t *x = json_object();
			set(b, x, "answer", jparse(b, u->outcomes[k].answer_json));
			outcome(b, x, &u->outcomes[k]);
			push(b, outcomes, x);
		}
		set(b, q, "outcomes", outcomes);
		push(b, open, q);
	}
	set(b, o, "unanswered", open);
	set(b, o, "actions", changes(b, a->what_changes.actions, a->what_changes.n_actions));
	set(b, o, "rests_on", changes(b, a->what_changes.rests_on, a->what_changes.n_rests_on));
	return o;
}

static json_t *missing(jb *b, const ac_assessment *a, int detail)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < a->n_missing; i++) {
		const ac_missing *m = &a->missing[i];
		if (!detail) {
			push(b, arr, jstr(m->field));
			continue;
		}
		json_t *o = json_object();
		set(b, o, "field", jstr(m->field));
		set(b, o, "question", jstr(m->question));
		set(b, o, "could_change", jtri(m->changes));
		push(b, arr, o);
	}
	return arr;
}

static json_t *document(jb *b, const ac_assessment *a)
{
	json_t *doc = json_object();
	json_t *policy = json_object();
	set(b, doc, "schema", json_string(AC_ASSESSMENT_SCHEMA));
	set(b, policy, "name", jstr(a->policy_name));
	set(b, policy, "version", jstr(a->policy_version));
	set(b, doc, "policy", policy);
	set(b, doc, "as_of", jstr(a->as_of));
	set(b, doc, "label", jstr(a->label));
	set(b, doc, "verdict", jname(AC_ENUM_VERDICT, a->verdict));
	set(b, doc, "reason", jstr(a->reason));
	set(b, doc, "headline", jstr(a->headline));
	set(b, doc, "rules_fired", rules(b, a));
	set(b, doc, "flags", jstrs(b, a->flags, a->n_flags));
	set(b, doc, "flag_notes", a->flag_notes ? jstrs(b, a->flag_notes, a->n_flags) : json_array());
	set(b, doc, "exposure", exposure(b, a));
	set(b, doc, "replaceability", replaceability(b, a));
	set(b, doc, "leverage", leverage(b, a));
	set(b, doc, "organization", organization(b, a));
	set(b, doc, "timing", timing(b, a));
	set(b, doc, "motives", motive_sets(b, a));
	set(b, doc, "conditions", conditions(b, a));
	set(b, doc, "questions", questions(b, a));
	set(b, doc, "certification", certification(b, a));
	set(b, doc, "alternatives", alternatives(b, a));
	set(b, doc, "what_changes", what_changes(b, a));
	set(b, doc, "warnings", jstrs(b, a->warnings, a->n_warnings));
	set(b, doc, "missing", missing(b, a, 0));
	set(b, doc, "missing_detail", missing(b, a, 1));
	return doc;
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
	return sb_putn(data, buffer, size);
}

ac_status ac_render_json(const ac_assessment *a, strbuf *out)
{
	jb b = {AC_OK};
	json_t *doc = document(&b, a);
	if (!doc)
		fail(&b, AC_ENOMEM);
	if (b.st == AC_OK) {
		size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(JSON_DIGITS);
		if (json_dump_callback(doc, dump_to_strbuf, out, flags) != 0 || sb_puts(out, "\n") != 0)
			fail(&b, AC_ENOMEM);
	}
	json_decref(doc);
	return b.st;
}
