/*
 * report.c — the one walk over the report that text and Markdown share: it
 * reads the assessment in FRAMEWORK.md's order and hands each block to a
 * writer (text.c, markdown.c).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* ---------------------------------------------------------------- human words */

/* Looks v (1-based) up in a table of names; NULL when out of range. */
static const char *lookup(const char *const *names, size_t count, int v)
{
	return v >= 1 && (size_t)v <= count ? names[v - 1] : NULL;
}
#define LOOKUP(table, v) lookup(table, sizeof table / sizeof table[0], v)

static const char *or_unknown(const char *s)
{
	return s ? s : "unknown";
}

static const char *category_words(int category)
{
	static const char *const names[] = {
		"routine admin", "document drafting", "structured data analysis",
		"standardised reporting", "predictable requests", "research synthesis",
		"coordination", "content creation", "software development",
		"judgment and decisions", "system design", "client relationships",
		"people leadership", "strategy and influence", "physical or in-person work"};
	return or_unknown(LOOKUP(names, category));
}

static const char *path_words(int path)
{
	static const char *const names[] = {"Certification", "Applied project",
		"Organisational leverage", "Role redesign", "Repositioning"};
	return or_unknown(LOOKUP(names, path));
}

static const char *motive_words(int motive)
{
	static const char *const names[] = {"capability gap", "credential signal",
		"role transition", "industry shift", "signalling activity", "calming anxiety",
		"reacting to headlines", "unclear positioning"};
	return or_unknown(LOOKUP(names, motive));
}

static const char *domain_words(int domain)
{
	static const char *const names[] = {"AI literacy", "ML engineering",
		"generative AI development", "data", "AI governance", "AI product management",
		"cloud platform"};
	return or_unknown(LOOKUP(names, domain));
}

static const char *verdict_words(int verdict)
{
	static const char *const names[] = {"PURSUE", "SIGNAL ONLY", "NOT YET", "AVOID"};
	return or_unknown(LOOKUP(names, verdict));
}

static const char *class_words(int klass)
{
	static const char *const names[] = {
		"AI-exposed: most of the work is repeatable output that AI handles well",
		("AI-pressured: some tasks are exposed and expectations rise, but most of "
		 "the work is not repeatable output"),
		"AI-leveraged: AI use turns into wider scope and owned outcomes"};
	return or_unknown(LOOKUP(names, klass));
}

static const char *tri_words(ac_tri t)
{
	return t == AC_TRUE ? "yes" : t == AC_FALSE ? "no" : "unknown";
}

static rw_mark tri_mark(ac_tri t)
{
	return t == AC_TRUE ? RW_YES : t == AC_FALSE ? RW_NO : RW_UNKNOWN;
}

/* Our wording of the five questions, by id. */
static const char *question_words(const char *id)
{
	static const struct {
		const char *id, *words;
	} questions[] = {
		{"capability_gap", "Which specific capability, missing today, would it give you?"},
		{"maps_to_wanted_role", "Does it lead to a role you actually want?"},
		{"authority_or_knowledge", "Would it widen your authority, or only what you know?"},
		{"org_rewards_certification", "Does your organisation reward people who hold it?"},
		{"defensive_or_offensive", "Are you protecting yourself, or going after something?"},
	};
	for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++)
		if (id && strcmp(questions[i].id, id) == 0)
			return questions[i].words;
	return id ? id : "question";
}

/* ---------------------------------------------------------------- numbers */

typedef char numtext[48];

/* Prints x with at most `decimals` places and no trailing zeros. */
static const char *decimal(numtext buf, double x, int decimals)
{
	snprintf(buf, sizeof(numtext), "%.*f", decimals, ac_render_round(x, decimals));
	if (strchr(buf, '.')) {
		char *end = buf + strlen(buf);
		while (end[-1] == '0')
			*--end = '\0';
		if (end[-1] == '.')
			end[-1] = '\0';
	}
	return buf;
}

/* A fraction as a percentage with at most one decimal: 0.7143 -> "71.4%". */
static const char *percent(numtext buf, double fraction)
{
	decimal(buf, fraction * 100, 1);
	strcat(buf, "%");
	return buf;
}

/* Dollars with thousands separators: 1234.5 -> "$1,234.50". */
static const char *money(numtext buf, ac_num n)
{
	if (!n.set)
		return "unknown";
	double x = ac_render_round(n.v, 2);
	if (fabs(x) >= 1e15) { /* beyond any real price: no separators */
		snprintf(buf, sizeof(numtext), "$%g", x);
		return buf;
	}
	numtext digits;
	snprintf(digits, sizeof digits, "%.2f", fabs(x));
	char *dot = strchr(digits, '.');
	size_t whole = (size_t)(dot - digits);
	char *o = buf;
	if (x < 0)
		*o++ = '-';
	*o++ = '$';
	for (size_t i = 0; i < whole; i++) {
		if (i && (whole - i) % 3 == 0)
			*o++ = ',';
		*o++ = digits[i];
	}
	*o = '\0';
	if (strcmp(dot, ".00") != 0)
		strcat(o, dot);
	return buf;
}

/* ---------------------------------------------------------------- the walk */

enum { B_NONE, B_TITLE, B_HEADING, B_PARA, B_LEAD, B_FIELD, B_ITEM, B_SUB, B_TABLE, B_RULE };

typedef struct {
	const ac_assessment *a;
	const rw_writer *w;
	rw_out o;
	strbuf text; /* one formatted block */
	strbuf aux;  /* a value assembled from parts (lists, sentences) */
	int last;    /* the kind of the last block written */
	int nomem;
} report;

/* Starts a block: a blank line separates blocks, except inside a list. */
static void begin(report *r, int kind)
{
	int in_list = (kind == B_FIELD && r->last == B_FIELD) ||
		      ((kind == B_ITEM || kind == B_SUB) && (r->last == B_ITEM || r->last == B_SUB));
	if (r->last != B_NONE && !in_list)
		sb_puts(r->o.out, "\n");
	r->last = kind;
}

static const char *vformat(report *r, const char *fmt, va_list ap)
{
	sb_clear(&r->text);
	sb_vprintf(&r->text, fmt, ap);
	return r->text.buf ? r->text.buf : "";
}

/* One formatted block of any kind; key is the field key, lead label or item
 * lead. */
static void block(report *r, int kind, const char *key, rw_mark mark, int number, const char *fmt,
		  va_list ap)
{
	const char *s = fmt ? vformat(r, fmt, ap) : NULL;
	begin(r, kind);
	switch (kind) {
	case B_PARA: r->w->para(&r->o, s); break;
	case B_LEAD: r->w->lead(&r->o, key, s); break;
	case B_FIELD: r->w->field(&r->o, key, s); break;
	case B_ITEM: r->w->item(&r->o, mark, number, key, s); break;
	case B_SUB: r->w->sub(&r->o, s); break;
	default: break;
	}
}

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void PRINTF_LIKE(2, 3) para(report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	block(r, B_PARA, NULL, RW_BULLET, 0, fmt, ap);
	va_end(ap);
}

static void PRINTF_LIKE(3, 4) lead(report *r, const char *label, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	block(r, B_LEAD, label, RW_BULLET, 0, fmt, ap);
	va_end(ap);
}

static void PRINTF_LIKE(3, 4) field(report *r, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	block(r, B_FIELD, key, RW_BULLET, 0, fmt, ap);
	va_end(ap);
}

/* A list item; fmt may be NULL for an item that is only its lead. */
static void PRINTF_LIKE(5, 6) item(report *r, rw_mark mark, int number, const char *lead_text,
				   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	block(r, B_ITEM, lead_text, mark, number, fmt, ap);
	va_end(ap);
}

static void PRINTF_LIKE(2, 3) sub(report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	block(r, B_SUB, NULL, RW_BULLET, 0, fmt, ap);
	va_end(ap);
}

static void heading(report *r, const char *text)
{
	begin(r, B_HEADING);
	r->w->heading(&r->o, text);
}

/* The assembled value, after aux_reset() and appends. */
static const char *aux(report *r)
{
	return r->aux.buf ? r->aux.buf : "";
}

static void aux_reset(report *r)
{
	sb_clear(&r->aux);
}

/* Appends "a, b, c" to aux, or `none` when the list is empty. */
static void aux_join(report *r, char *const *v, size_t n, const char *none)
{
	aux_reset(r);
	for (size_t i = 0; i < n; i++)
		sb_printf(&r->aux, "%s%s", i ? ", " : "", v[i] ? v[i] : "");
	if (!n)
		sb_puts(&r->aux, none);
}

static void aux_motives(report *r, unsigned bits)
{
	int m[AC_MOT__COUNT];
	size_t n = ac_render_motives(bits, m);
	aux_reset(r);
	for (size_t i = 0; i < n; i++)
		sb_printf(&r->aux, "%s%s", i ? ", " : "", motive_words(m[i]));
	if (!n)
		sb_puts(&r->aux, "none");
}

/* ---------------------------------------------------------------- sections */

static void section_verdict(report *r)
{
	const ac_assessment *a = r->a;
	aux_reset(r);
	sb_printf(&r->aux, "AI certification assessment%s%s", a->label ? ": " : "",
		  a->label ? a->label : "");
	begin(r, B_TITLE);
	r->w->title(&r->o, aux(r));
	if (a->headline)
		lead(r, "Verdict", "%s — %s", verdict_words(a->verdict), a->headline);
	else
		lead(r, "Verdict", "%s", verdict_words(a->verdict));
	lead(r, "Reason", "%s", a->reason ? a->reason : "none given");
}

static void task_table(report *r)
{
	enum { COLS = 5 };
	const ac_assessment *a = r->a;
	size_t n = a->exposure.n_tasks;
	static const char *const head[COLS] = {"Task", "Share", "Category", "Exposure",
					       "Contribution"};
	static const int right[COLS] = {0, 1, 0, 1, 1};
	size_t *at = malloc(n * COLS * sizeof *at);
	const char **cells = malloc(n * COLS * sizeof *cells);
	if (!at || !cells) {
		r->nomem = 1;
		goto done;
	}
	/* Cells go into aux one after another, each with its NUL; pointers are
	 * taken once aux stops moving. */
	aux_reset(r);
	int measured = 0;
	for (size_t i = 0; i < n; i++) {
		const ac_task_result *t = &a->exposure.tasks[i];
		numtext share, exposure, contribution;
		const char *row[COLS] = {t->name ? t->name : "", percent(share, t->share),
					 category_words(t->category), percent(exposure, t->exposure),
					 percent(contribution, t->contribution)};
		for (size_t c = 0; c < COLS; c++) {
			at[i * COLS + c] = r->aux.len;
			sb_puts(&r->aux, row[c]);
			if (c == 3 && t->measured)
				sb_puts(&r->aux, "*");
			sb_putn(&r->aux, "", 1);
		}
		measured |= t->measured;
	}
	if (r->aux.failed)
		goto done;
	for (size_t i = 0; i < n * COLS; i++)
		cells[i] = r->aux.buf + at[i];
	rw_table table = {COLS, n, head, cells, right};
	begin(r, B_TABLE);
	r->w->table(&r->o, &table);
	if (measured)
		para(r, "* A measured figure, used instead of the category's default.");
done:
	free(at);
	free(cells);
}

static void occupation_block(report *r)
{
	const ac_assessment *a = r->a;
	const ac_occupation *occ = a->exposure.occupation;
	numtext x, y;
	if (!occ) {
		if (a->exposure.occupation_note)
			para(r, "%s", a->exposure.occupation_note);
		return;
	}
	field(r, "Occupation", "%s (%s)", occ->title ? occ->title : "untitled",
	      occ->code ? occ->code : "no code");
	field(r, "GPTs-are-GPTs beta", "%s", occ->beta.set ? decimal(x, occ->beta.v, 2) : "unknown");
	field(r, "AI applicability", "%s",
	      occ->applicability.set ? decimal(x, occ->applicability.v, 2) : "unknown");
	if (a->exposure.person_percentile.set)
		field(r, "Compared with others", "your task mix is more exposed than %s%% of occupations",
		      decimal(x, a->exposure.person_percentile.v, 0));
	if (a->exposure.range_low.set && a->exposure.range_high.set)
		field(r, "Sources place it", "from the %s to the %s percentile of occupations", percent(x, a->exposure.range_low.v),
		      percent(y, a->exposure.range_high.v));
	const char *src[4];
	size_t n = ac_render_occ_sources(occ, src);
	aux_join(r, (char *const *)src, n, "none");
	field(r, "Sources", "%s", aux(r));
}

static void section_exposure(report *r)
{
	const ac_assessment *a = r->a;
	numtext x;
	heading(r, "1. Exposure");
	if (!a->exposure.has_tasks && !a->exposure.n_tasks) {
		para(r, "No task mix was given, so exposure could not be measured. List your "
			"recurring tasks with the share of time each takes, or name your "
			"occupation.");
	} else {
		field(r, "Score", "%s of working time", percent(x, a->exposure.score));
		field(r, "Class", "%s", class_words(a->exposure.klass));
		field(r, "Nature", "%s",
		      a->exposure.structural
			      ? "structural: it comes from how the role is designed, so a "
				"certificate cannot remove it"
		      : a->exposure.skill_based
			      ? "skill-based: the exposed tasks can be augmented and the "
				"role's design holds, so using AI well is the lever"
			      : "neither structural nor clearly skill-based");
		para(r, "The score is the time-weighted share of your work that current AI can "
			"compress. Exposure is not replacement: it describes the work, not "
			"whether the job goes away.");
		if (a->exposure.prefilled)
			para(r, "The task mix below comes from your occupation; your own list of "
				"tasks would take its place.");
		if (a->exposure.n_tasks)
			task_table(r);
	}
	occupation_block(r);
}

static void section_replaceability(report *r)
{
	const ac_assessment *a = r->a;
	numtext x;
	heading(r, "2. Replaceability");
	para(r, "Four features of a role's design make it easy to do with fewer people. They "
		"describe the role, not you.");
	if (!a->exposure.has_tasks && !a->replaceability.authority_answered) {
		para(r, "Without a task mix these cannot be judged yet.");
		return;
	}
	if (a->exposure.has_tasks) {
		item(r, a->replaceability.standardized_output ? RW_YES : RW_NO, 0, "Standardised output",
		     "%s of your time", percent(x, a->exposure.standardized_share));
		item(r, a->replaceability.repeatable_tasks ? RW_YES : RW_NO, 0, "Repeatable tasks",
		     "%s of your time", percent(x, a->exposure.repeatable_share));
		item(r, a->replaceability.easily_benchmarked ? RW_YES : RW_NO, 0, "Easily benchmarked",
		     "%s of your time", percent(x, a->exposure.benchmarkable_share));
	}
	if (a->replaceability.authority_answered)
		item(r, a->replaceability.separable_from_authority ? RW_YES : RW_NO, 0,
		     "Separable from decision authority", "%s",
		     a->replaceability.separable_from_authority ? "your answer: the work can be split from the decisions"
								: "your answer: you hold the decisions");
	else
		item(r, a->replaceability.separable_from_authority ? RW_YES : RW_NO, 0,
		     "Separable from decision authority", "%s of your time",
		     percent(x, a->exposure.separable_share));
	if (!a->exposure.has_tasks)
		return;
	field(r, "Conditions that hold", "%d of 4%s", a->replaceability.count,
	      a->replaceability.high ? " (high)" : "");
}

static void section_leverage(report *r)
{
	static const char *const tests[] = {"your scope expands", "your influence increases",
		"your pay rises", "headcount is reduced", "you cannot tell what would happen"};
	static const char *const orientations[] = {
		"leverage-oriented: extra output turns into scope or influence",
		"rewarded: extra output is paid, which is not ownership by itself",
		"neutral: extra output changes little",
		"compressible: extra output lets the same work be done by fewer people"};
	static const char *const ladder[] = {"task execution", "AI-assisted execution",
		"decision ownership", "workflow or system design", "strategic influence"};
	const ac_assessment *a = r->a;
	heading(r, "3. Leverage");
	const char *test = LOOKUP(tests, a->leverage.test);
	if (test)
		field(r, "Leverage test", "with 40%% more output from you, %s", test);
	else
		field(r, "Leverage test", "not answered");
	field(r, "Orientation", "%s", or_unknown(LOOKUP(orientations, a->leverage.orientation)));
	field(r, "Ownership test", "%s",
	      a->leverage.ownership_expands == AC_UNKNOWN ? "unknown"
	      : a->leverage.ownership_expands == AC_TRUE
		      ? "added capability would widen your ownership"
		      : "added capability would not widen your ownership");
	if (LOOKUP(ladder, a->leverage.ladder_level))
		field(r, "Ladder level", "%d of 5, %s", a->leverage.ladder_level,
		      LOOKUP(ladder, a->leverage.ladder_level));
	item(r, a->leverage.ai_enhanced_role ? RW_YES : RW_NO, 0, "In an AI-enhanced role", NULL);
	item(r, a->leverage.owns_measurable_outcomes ? RW_YES : RW_NO, 0, "Owns measurable outcomes",
	     NULL);
	item(r, a->leverage.expanding_into_system_design ? RW_YES : RW_NO, 0,
	     "Expanding into system design", NULL);
	item(r, a->leverage.transitioning_to_hybrid ? RW_YES : RW_NO, 0, "Moving into a hybrid role",
	     NULL);
	field(r, "Conditions that hold", "%d of 4", a->leverage.count);
}

static void section_organisation(report *r)
{
	static const char *const readings[] = {
		"as a moderniser: AI use that improves measured outcomes helps you",
		("as an efficient operator: being faster at the same work invites questions "
		 "about headcount"),
		("as evidence that work can be automated: visible AI use in an exposed role is "
		 "risky"),
		"not known"};
	const ac_assessment *a = r->a;
	heading(r, "4. Organisation");
	field(r, "Signal strength", "%d of 4", a->organization.signal_strength);
	field(r, "Credential-sensitive", "%s", tri_words(a->organization.credential_sensitive));
	field(r, "Leaders read AI use", "%s",
	      a->organization.leader_reading ? or_unknown(LOOKUP(readings, a->organization.leader_reading))
					     : "not answered");
	field(r, "Signalling risk", "%s",
	      a->organization.signaling_risk
		      ? "yes: a visible AI credential may be read as a sign the role can be automated"
		      : "no");
}

static void section_timing(report *r)
{
	static const char *const phases[] = {
		"1, tool introduction: a window to stand out by using AI well",
		"2, productivity normalisation: turn extra output into leverage now",
		"3, structural redesign: late; reposition first"};
	const ac_assessment *a = r->a;
	heading(r, "5. Industry and timing");
	field(r, "Adoption phase", "%s", or_unknown(LOOKUP(phases, a->timing.phase)));
	field(r, "Timing appropriate", "%s", tri_words(a->timing.appropriate));
	field(r, "Industry compressing", "%s", tri_words(a->timing.industry_compressing));
	field(r, "Industry shifting", "%s", tri_words(a->timing.industry_shifting));
	for (size_t i = 0; i < a->timing.n_why; i++)
		item(r, RW_BULLET, 0, NULL, "%s", a->timing.why[i]);
}

static void section_motives(report *r)
{
	const ac_assessment *a = r->a;
	const char *pos = a->motives.positioning;
	heading(r, "6. Motives");
	aux_motives(r, a->motives.valid);
	field(r, "Valid", "%s", aux(r));
	aux_motives(r, a->motives.invalid);
	field(r, "Invalid", "%s", aux(r));
	if (a->motives.unknown) {
		aux_motives(r, a->motives.unknown);
		field(r, "Validity unknown", "%s", aux(r));
	}
	field(r, "Positioning", "%s",
	      !pos                              ? "not known"
	      : strcmp(pos, "defensive") == 0 ? "defensive: protecting yourself against a threat"
	      : strcmp(pos, "offensive") == 0 ? "offensive: going after something you want"
					      : pos);
}

static void section_certificate(report *r)
{
	const ac_assessment *a = r->a;
	const ac_cert *c = &a->certification.cert;
	numtext x;
	heading(r, "7. The certificate");
	if (!a->certification.present) {
		para(r, "No certificate was named, so this answers for an AI certification in "
			"general.");
		return;
	}
	if (c->exam_code)
		field(r, "Certificate", "%s (%s)", or_unknown(c->name), c->exam_code);
	else
		field(r, "Certificate", "%s", or_unknown(c->name));
	field(r, "Provider", "%s", or_unknown(c->provider));
	field(r, "Domain", "%s", domain_words(c->domain));
	field(r, "Level", "%s", or_unknown(c->level ? ac_enum_name(AC_ENUM_LEVEL, c->level) : NULL));
	if (c->status)
		field(r, "Status", "%s%s%s", or_unknown(ac_enum_name(AC_ENUM_STATUS, c->status)),
		      c->status_date ? " on " : "", c->status_date ? c->status_date : "");
	aux_join(r, a->certification.gap_matched, a->certification.n_gap_matched, "");
	field(r, "Gap fit", "%s%s%s", tri_words(a->certification.gap_fit),
	      a->certification.n_gap_matched ? ", matching " : "", aux(r));
	field(r, "Role fit", "%s%s%s", tri_words(a->certification.role_fit),
	      a->certification.role_matched ? ", " : "",
	      a->certification.role_matched ? a->certification.role_matched : "");
	field(r, "Recognised", "%s", tri_words(a->certification.recognized));
	/* The source's own wording, where it says more than the figure. */
	const char *m = money(x, c->cost_usd);
	int cost_note = c->cost_note && strcmp(c->cost_note, m) != 0;
	field(r, "Money", "%s%s%s%s", m, cost_note ? " (the source says: " : "", cost_note ? c->cost_note : "",
	      cost_note ? ")" : "");
	field(r, "Retake", "%s", money(x, c->retake_usd));
	field(r, "Preparation", "%s%s%s%s%s", c->hours.set ? decimal(x, c->hours.v, 2) : "unknown",
	      c->hours.set ? " hours" : "", c->hours_note ? " (the source says: " : "",
	      c->hours_note ? c->hours_note : "", c->hours_note ? ")" : "");
	field(r, "Weeks to finish", "%s",
	      a->certification.weeks.set ? decimal(x, a->certification.weeks.v, 2) : "unknown");
	field(r, "Time value", "%s", money(x, a->certification.time_value_usd));
	field(r, "Total cost", "%s", money(x, a->certification.total_cost_usd));
	if (c->never_expires)
		field(r, "Validity", "does not expire");
	else if (c->validity_months.set)
		field(r, "Validity", "%s months", decimal(x, c->validity_months.v, 2));
	else
		field(r, "Validity", "unknown");
	if (!c->never_expires)
		field(r, "Per year of validity", "%s", money(x, a->certification.cost_per_year_usd));
	field(r, "Within budget", "%s", tri_words(a->certification.within_budget));
	if (c->checked)
		field(r, "Facts checked", "%s", c->checked);
	if (c->n_uncertain) {
		aux_join(r, c->uncertain, c->n_uncertain, "");
		field(r, "Uncertain facts", "%s", aux(r));
	}
	for (size_t i = 0; i < a->certification.n_warnings; i++)
		item(r, RW_BULLET, 0, NULL, "%s", a->certification.warnings[i]);
}

static void section_rules(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, "Why this verdict");
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *rule = &a->rules[i];
		const char *because = rule->because ? rule->because : "";
		if (!rule->verdict)
			item(r, RW_BULLET, 0, rule->id, "%s", because);
		else
			item(r, RW_BULLET, 0, rule->id, "%s %s: %s",
			     rule->decisive ? "decides" : "points to", verdict_words(rule->verdict),
			     because);
	}
	if (!a->n_rules)
		para(r, "No rule fired.");
}

static void section_flags(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_flags)
		return;
	heading(r, "Flags");
	for (size_t i = 0; i < a->n_flags; i++)
		item(r, RW_BULLET, 0, a->flags[i], a->flag_notes && a->flag_notes[i] ? "%s" : NULL,
		     a->flag_notes ? a->flag_notes[i] : NULL);
}

static void section_conditions(report *r)
{
	const ac_assessment *a = r->a;
	const struct {
		const char *name;
		const ac_condition *c;
	} conds[] = {
		{"Exposure understood", &a->exposure_understood},
		{"Leverage possible", &a->leverage_possible},
		{"Timing appropriate", &a->timing_appropriate},
		{"Trajectory defined", &a->trajectory_defined},
	};
	heading(r, "The four conditions");
	para(r, "A certificate accelerates a career only when all four hold; otherwise it is "
		"expensive reassurance.");
	for (size_t i = 0; i < 4; i++)
		item(r, conds[i].c->met ? RW_YES : RW_NO, 0, conds[i].name,
		     conds[i].c->why ? "%s" : NULL, conds[i].c->why);
}

static void section_questions(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, "Five questions before enrolling");
	for (size_t i = 0; i < 5; i++) {
		const ac_question *q = &a->questions[i];
		item(r, tri_mark(q->ok), 0, question_words(q->id), "%s",
		     q->answer ? q->answer : "not answered");
	}
}

static void section_alternatives(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, "What to do instead — ranked");
	for (int i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &a->alternatives[i];
		char title[96];
		snprintf(title, sizeof title, "%s, %d/100", path_words(alt->path), alt->score);
		item(r, RW_NUMBER, i + 1, title, alt->why ? "%s" : NULL, alt->why);
		if (alt->first_step)
			sub(r, "First step: %s", alt->first_step);
	}
}

static void section_counterfactuals(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_counterfactuals && !a->counterfactuals_searched)
		return;
	heading(r, "What would change the verdict");
	if (!a->n_counterfactuals)
		para(r, "No single answer in your profile, changed on its own, would change this verdict.");
	for (size_t i = 0; i < a->n_counterfactuals; i++) {
		const ac_counterfactual *cf = &a->counterfactuals[i];
		aux_reset(r);
		sb_puts(&r->aux, cf->sentence ? cf->sentence : cf->field ? cf->field : "");
		if (r->aux.len && islower((unsigned char)r->aux.buf[0]))
			r->aux.buf[0] = (char)toupper((unsigned char)r->aux.buf[0]);
		/* The engine's sentence already ends with the verdict it leads to. */
		item(r, RW_BULLET, 0, NULL, "%s%s%s%s.", aux(r), cf->reason ? " (" : "",
		     cf->reason ? cf->reason : "", cf->reason ? ")" : "");
	}
}

static void section_missing(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_missing)
		return;
	heading(r, "Unanswered");
	for (size_t i = 0; i < a->n_missing; i++) {
		const ac_missing *m = &a->missing[i];
		item(r, RW_BULLET, 0, m->field, "%s",
		     m->could_change ? m->could_change : "answering it would not change the verdict");
	}
}

static void section_warnings(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_warnings)
		return;
	heading(r, "Warnings");
	for (size_t i = 0; i < a->n_warnings; i++)
		item(r, RW_BULLET, 0, NULL, "%s", a->warnings[i]);
}

static void footer(report *r)
{
	const ac_assessment *a = r->a;
	begin(r, B_RULE);
	r->w->rule(&r->o);
	lead(r, "Policy", "%s, version %s", or_unknown(a->policy_name), or_unknown(a->policy_version));
	if (a->exposure.occupation || a->exposure.prefilled)
		para(r, "Occupation data: O*NET 29.3 (CC BY 4.0), GPTs are GPTs (MIT), Working "
			"with AI (CC BY 4.0), BLS (public domain)");
}

ac_status ac_render_report(const ac_assessment *a, const rw_writer *w, strbuf *out)
{
	report r = {.a = a, .w = w, .o = {out, 0}, .last = B_NONE};
	sb_init(&r.text);
	sb_init(&r.aux);
	section_verdict(&r);
	section_exposure(&r);
	section_replaceability(&r);
	section_leverage(&r);
	section_organisation(&r);
	section_timing(&r);
	section_motives(&r);
	section_certificate(&r);
	section_rules(&r);
	section_flags(&r);
	section_conditions(&r);
	section_questions(&r);
	section_alternatives(&r);
	section_counterfactuals(&r);
	section_missing(&r);
	section_warnings(&r);
	footer(&r);
	int failed = r.nomem || r.text.failed || r.aux.failed || out->failed;
	sb_free(&r.text);
	sb_free(&r.aux);
	return failed ? AC_ENOMEM : AC_OK;
}
