/*
 * report.c — the one walk over the report that text and Markdown share: it
 * reads the assessment in FRAMEWORK.md's order and hands each block to a
 * writer (text.c, markdown.c).  Every word it writes comes from the wording
 * (data/wording.en); this file formats the numbers and decides which text
 * goes where.  It is one file, a little over 600 lines, so that the report
 * reads top to bottom in the order a person reads it.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/required.h"
#include "policy/wording.h"
#include "render/render.h"

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

/* Dollars with thousands separators: 1234.5 -> "$1,234.50"; NULL when the
 * amount is unknown. */
static const char *money(numtext buf, ac_num n)
{
	if (!n.set)
		return NULL;
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
	const ac_wording *words;
	rw_out o;
	strbuf said; /* the last sentence said() filled in */
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

static void para(report *r, const char *text)
{
	begin(r, B_PARA);
	r->w->para(&r->o, text);
}

static void lead(report *r, const char *label, const char *text)
{
	begin(r, B_LEAD);
	r->w->lead(&r->o, label, text);
}

static void field(report *r, const char *key, const char *value)
{
	begin(r, B_FIELD);
	r->w->field(&r->o, key, value);
}

/* A list item; text may be NULL for an item that is only its lead. */
static void item(report *r, rw_mark mark, int number, const char *lead_text, const char *text)
{
	begin(r, B_ITEM);
	r->w->item(&r->o, mark, number, lead_text, text);
}

static void sub(report *r, const char *text)
{
	begin(r, B_SUB);
	r->w->sub(&r->o, text);
}

static void heading(report *r, const char *text)
{
	begin(r, B_HEADING);
	r->w->heading(&r->o, text);
}

/* ---------------------------------------------------------------- words */

/* A text without placeholders. */
static const char *word(report *r, int key)
{
	return ac_word(r->words, key);
}

/* The word for value v of an enum (AC_WF_*), or "unknown". */
static const char *word_of(report *r, int family, int v)
{
	const char *s = ac_word_of(r->words, family, v);
	return s ? s : word(r, AC_W_VALUE_UNKNOWN);
}

static const char *or_unknown(report *r, const char *s)
{
	return s ? s : word(r, AC_W_VALUE_UNKNOWN);
}

static const char *tri_words(report *r, ac_tri t)
{
	return word(r, t == AC_TRUE ? AC_W_VALUE_YES : t == AC_FALSE ? AC_W_VALUE_NO : AC_W_VALUE_UNKNOWN);
}

static rw_mark tri_mark(ac_tri t)
{
	return t == AC_TRUE ? RW_YES : t == AC_FALSE ? RW_NO : RW_UNKNOWN;
}

/* The text of key with its placeholders filled, valid until the next call. */
static const char *say(report *r, int key, const char *const *args, size_t n)
{
	sb_clear(&r->said);
	ac_say(&r->said, r->words, key, args, n);
	return r->said.buf ? r->said.buf : "";
}
#define SAY(r, key, ...) say(r, key, AC_ARGS(__VA_ARGS__))

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
		sb_printf(&r->aux, "%s%s", i ? ", " : "", word_of(r, AC_WF_MOTIVE, m[i]));
	if (!n)
		sb_puts(&r->aux, word(r, AC_W_VALUE_NONE));
}

/* ---------------------------------------------------------------- sections */

static void section_verdict(report *r)
{
	const ac_assessment *a = r->a;
	begin(r, B_TITLE);
	r->w->title(&r->o, a->label ? SAY(r, AC_W_REPORT_TITLE_LABELLED, a->label) : word(r, AC_W_REPORT_TITLE));
	const char *verdict = word_of(r, AC_WF_VERDICT, a->verdict);
	lead(r, word(r, AC_W_REPORT_VERDICT),
	     a->headline ? SAY(r, AC_W_REPORT_VERDICT_HEADLINE, verdict, a->headline) : verdict);
	lead(r, word(r, AC_W_REPORT_REASON), a->reason ? a->reason : word(r, AC_W_REPORT_REASON_NONE));
}

static void task_table(report *r)
{
	enum { COLS = 5 };
	const ac_assessment *a = r->a;
	size_t n = a->exposure.n_tasks;
	const char *const head[COLS] = {word(r, AC_W_REPORT_TASK_HEAD_TASK), word(r, AC_W_REPORT_TASK_HEAD_SHARE),
					word(r, AC_W_REPORT_TASK_HEAD_CATEGORY), word(r, AC_W_REPORT_TASK_HEAD_EXPOSURE),
					word(r, AC_W_REPORT_TASK_HEAD_CONTRIBUTION)};
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
					 word_of(r, AC_WF_CATEGORY, t->category), percent(exposure, t->exposure),
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
		para(r, word(r, AC_W_REPORT_TASK_MEASURED));
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
			para(r, a->exposure.occupation_note);
		return;
	}
	field(r, word(r, AC_W_REPORT_OCCUPATION),
	      SAY(r, AC_W_REPORT_OCCUPATION_VALUE, occ->title ? occ->title : word(r, AC_W_REPORT_OCCUPATION_UNTITLED),
		  occ->code ? occ->code : word(r, AC_W_REPORT_OCCUPATION_NO_CODE)));
	field(r, word(r, AC_W_REPORT_OCCUPATION_BETA), occ->beta.set ? decimal(x, occ->beta.v, 2) : word(r, AC_W_VALUE_UNKNOWN));
	field(r, word(r, AC_W_REPORT_OCCUPATION_APPLICABILITY),
	      occ->applicability.set ? decimal(x, occ->applicability.v, 2) : word(r, AC_W_VALUE_UNKNOWN));
	if (a->exposure.person_percentile.set)
		field(r, word(r, AC_W_REPORT_OCCUPATION_COMPARED),
		      SAY(r, AC_W_REPORT_OCCUPATION_COMPARED_VALUE, decimal(x, a->exposure.person_percentile.v, 0)));
	if (a->exposure.range_low.set && a->exposure.range_high.set)
		field(r, word(r, AC_W_REPORT_OCCUPATION_RANGE),
		      SAY(r, AC_W_REPORT_OCCUPATION_RANGE_VALUE, percent(x, a->exposure.range_low.v),
			  percent(y, a->exposure.range_high.v)));
	const char *src[4];
	size_t n = ac_render_occ_sources(occ, src);
	aux_join(r, (char *const *)src, n, word(r, AC_W_VALUE_NONE));
	field(r, word(r, AC_W_REPORT_OCCUPATION_SOURCES), aux(r));
}

static void section_exposure(report *r)
{
	const ac_assessment *a = r->a;
	numtext x;
	heading(r, word(r, AC_W_REPORT_EXPOSURE));
	if (!a->exposure.has_tasks && !a->exposure.n_tasks) {
		para(r, word(r, AC_W_REPORT_EXPOSURE_NO_TASKS));
	} else {
		field(r, word(r, AC_W_REPORT_EXPOSURE_SCORE), SAY(r, AC_W_REPORT_EXPOSURE_SCORE_VALUE, percent(x, a->exposure.score)));
		field(r, word(r, AC_W_REPORT_EXPOSURE_CLASS), word_of(r, AC_WF_CLASS, a->exposure.klass));
		field(r, word(r, AC_W_REPORT_EXPOSURE_NATURE),
		      word(r, a->exposure.structural	? AC_W_REPORT_EXPOSURE_STRUCTURAL
			      : a->exposure.skill_based ? AC_W_REPORT_EXPOSURE_SKILL_BASED
							: AC_W_REPORT_EXPOSURE_NEITHER));
		para(r, word(r, AC_W_REPORT_EXPOSURE_EXPLAINED));
		if (a->exposure.prefilled)
			para(r, word(r, AC_W_REPORT_EXPOSURE_PREFILLED));
		if (a->exposure.n_tasks)
			task_table(r);
	}
	occupation_block(r);
}

/* One replaceability condition measured as a share of time. */
static void share_item(report *r, int met, int label, double share)
{
	numtext x;
	item(r, met ? RW_YES : RW_NO, 0, word(r, label), SAY(r, AC_W_REPORT_REPLACEABILITY_SHARE, percent(x, share)));
}

static void section_replaceability(report *r)
{
	const ac_assessment *a = r->a;
	char count[16];
	heading(r, word(r, AC_W_REPORT_REPLACEABILITY));
	para(r, word(r, AC_W_REPORT_REPLACEABILITY_EXPLAINED));
	if (!a->exposure.has_tasks && !a->replaceability.authority_answered) {
		para(r, word(r, AC_W_REPORT_REPLACEABILITY_NO_TASKS));
		return;
	}
	if (a->exposure.has_tasks) {
		share_item(r, a->replaceability.standardized_output, AC_W_REPORT_REPLACEABILITY_STANDARDIZED,
			   a->exposure.standardized_share);
		share_item(r, a->replaceability.repeatable_tasks, AC_W_REPORT_REPLACEABILITY_REPEATABLE,
			   a->exposure.repeatable_share);
		share_item(r, a->replaceability.easily_benchmarked, AC_W_REPORT_REPLACEABILITY_BENCHMARKED,
			   a->exposure.benchmarkable_share);
	}
	int sep = a->replaceability.separable_from_authority;
	if (a->replaceability.authority_answered)
		item(r, sep ? RW_YES : RW_NO, 0, word(r, AC_W_REPORT_REPLACEABILITY_SEPARABLE),
		     word(r, sep ? AC_W_REPORT_REPLACEABILITY_ANSWER_SEPARABLE : AC_W_REPORT_REPLACEABILITY_ANSWER_HOLDS));
	else
		share_item(r, sep, AC_W_REPORT_REPLACEABILITY_SEPARABLE, a->exposure.separable_share);
	if (!a->exposure.has_tasks)
		return;
	snprintf(count, sizeof count, "%d", a->replaceability.count);
	field(r, word(r, AC_W_REPORT_CONDITIONS_HOLD),
	      SAY(r, a->replaceability.high ? AC_W_REPORT_COUNT_OF_FOUR_HIGH : AC_W_REPORT_COUNT_OF_FOUR, count));
}

static void section_leverage(report *r)
{
	static const int ladder[] = {AC_W_LADDER_1, AC_W_LADDER_2, AC_W_LADDER_3, AC_W_LADDER_4, AC_W_LADDER_5};
	const ac_assessment *a = r->a;
	char number[16];
	heading(r, word(r, AC_W_REPORT_LEVERAGE));
	const char *test = ac_word_of(r->words, AC_WF_LEVERAGE_TEST, a->leverage.test);
	field(r, word(r, AC_W_REPORT_LEVERAGE_TEST),
	      test ? SAY(r, AC_W_REPORT_LEVERAGE_TEST_VALUE, test) : word(r, AC_W_VALUE_NOT_ANSWERED));
	field(r, word(r, AC_W_REPORT_LEVERAGE_ORIENTATION), word_of(r, AC_WF_ORIENTATION, a->leverage.orientation));
	field(r, word(r, AC_W_REPORT_LEVERAGE_OWNERSHIP),
	      word(r, a->leverage.ownership_expands == AC_UNKNOWN ? AC_W_VALUE_UNKNOWN
		      : a->leverage.ownership_expands == AC_TRUE  ? AC_W_REPORT_LEVERAGE_OWNERSHIP_YES
								  : AC_W_REPORT_LEVERAGE_OWNERSHIP_NO));
	int level = a->leverage.ladder_level;
	if (level >= 1 && level <= 5) {
		snprintf(number, sizeof number, "%d", level);
		field(r, word(r, AC_W_REPORT_LEVERAGE_LADDER),
		      SAY(r, AC_W_REPORT_LEVERAGE_LADDER_VALUE, number, word(r, ladder[level - 1])));
	}
	item(r, a->leverage.ai_enhanced_role ? RW_YES : RW_NO, 0, word(r, AC_W_REPORT_LEVERAGE_AI_ENHANCED), NULL);
	item(r, a->leverage.owns_measurable_outcomes ? RW_YES : RW_NO, 0, word(r, AC_W_REPORT_LEVERAGE_OWNS_OUTCOMES),
	     NULL);
	item(r, a->leverage.expanding_into_system_design ? RW_YES : RW_NO, 0,
	     word(r, AC_W_REPORT_LEVERAGE_SYSTEM_DESIGN), NULL);
	item(r, a->leverage.transitioning_to_hybrid ? RW_YES : RW_NO, 0, word(r, AC_W_REPORT_LEVERAGE_HYBRID), NULL);
	snprintf(number, sizeof number, "%d", a->leverage.count);
	field(r, word(r, AC_W_REPORT_CONDITIONS_HOLD), SAY(r, AC_W_REPORT_COUNT_OF_FOUR, number));
}

static void section_organisation(report *r)
{
	const ac_assessment *a = r->a;
	char number[16];
	heading(r, word(r, AC_W_REPORT_ORGANISATION));
	snprintf(number, sizeof number, "%d", a->organization.signal_strength);
	field(r, word(r, AC_W_REPORT_ORGANISATION_SIGNAL_STRENGTH), SAY(r, AC_W_REPORT_COUNT_OF_FOUR, number));
	field(r, word(r, AC_W_REPORT_ORGANISATION_CREDENTIAL_SENSITIVE), tri_words(r, a->organization.credential_sensitive));
	field(r, word(r, AC_W_REPORT_ORGANISATION_LEADERS),
	      a->organization.leader_reading ? word_of(r, AC_WF_LEADER_READING, a->organization.leader_reading)
					     : word(r, AC_W_VALUE_NOT_ANSWERED));
	field(r, word(r, AC_W_REPORT_ORGANISATION_SIGNALLING_RISK),
	      word(r, a->organization.signaling_risk ? AC_W_REPORT_ORGANISATION_SIGNALLING_RISK_YES : AC_W_VALUE_NO));
}

static void section_timing(report *r)
{
	static const int phases[] = {AC_W_PHASE_1, AC_W_PHASE_2, AC_W_PHASE_3};
	const ac_assessment *a = r->a;
	int phase = a->timing.phase;
	heading(r, word(r, AC_W_REPORT_TIMING));
	field(r, word(r, AC_W_REPORT_TIMING_PHASE),
	      word(r, phase >= 1 && phase <= 3 ? phases[phase - 1] : AC_W_VALUE_UNKNOWN));
	field(r, word(r, AC_W_REPORT_TIMING_APPROPRIATE), tri_words(r, a->timing.appropriate));
	field(r, word(r, AC_W_REPORT_TIMING_COMPRESSING), tri_words(r, a->timing.industry_compressing));
	field(r, word(r, AC_W_REPORT_TIMING_SHIFTING), tri_words(r, a->timing.industry_shifting));
	for (size_t i = 0; i < a->timing.n_why; i++)
		item(r, RW_BULLET, 0, NULL, a->timing.why[i]);
}

/* The positioning in plain words: the value the policy gave, explained. */
static const char *positioning_words(report *r, const char *pos)
{
	static const int keys[AC_POS__COUNT] = {AC_W_POSITIONING_OFFENSIVE, AC_W_POSITIONING_DEFENSIVE,
						AC_W_POSITIONING_UNCLEAR, AC_W_POSITIONING_NOT_ANSWERED};
	if (!pos)
		return word(r, AC_W_VALUE_NOT_KNOWN);
	for (int i = 0; i < AC_POS__COUNT; i++)
		if (strcmp(ac_positions[i].what, pos) == 0)
			return word(r, keys[i]);
	return pos;
}

static void section_motives(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, word(r, AC_W_REPORT_MOTIVES));
	aux_motives(r, a->motives.valid);
	field(r, word(r, AC_W_REPORT_MOTIVES_VALID), aux(r));
	aux_motives(r, a->motives.invalid);
	field(r, word(r, AC_W_REPORT_MOTIVES_INVALID), aux(r));
	if (a->motives.unknown) {
		aux_motives(r, a->motives.unknown);
		field(r, word(r, AC_W_REPORT_MOTIVES_UNKNOWN), aux(r));
	}
	field(r, word(r, AC_W_REPORT_MOTIVES_POSITIONING), positioning_words(r, a->motives.positioning));
}

/* value, or "value (the source says: note)" when the source's own wording
 * says more; built in aux. */
static const char *with_note(report *r, const char *value, const char *note)
{
	aux_reset(r);
	if (note)
		AC_SAY(&r->aux, r->words, AC_W_REPORT_CERTIFICATE_SOURCE_SAYS, value, note);
	else
		sb_puts(&r->aux, value);
	return aux(r);
}

static void section_certificate(report *r)
{
	const ac_assessment *a = r->a;
	const ac_cert *c = &a->certification.cert;
	numtext x;
	heading(r, word(r, AC_W_REPORT_CERTIFICATE));
	if (!a->certification.present) {
		para(r, word(r, AC_W_REPORT_CERTIFICATE_NONE));
		return;
	}
	const char *name = or_unknown(r, c->name);
	field(r, word(r, AC_W_REPORT_CERTIFICATE_NAME),
	      c->exam_code ? SAY(r, AC_W_REPORT_CERTIFICATE_NAME_CODE, name, c->exam_code) : name);
	field(r, word(r, AC_W_REPORT_CERTIFICATE_PROVIDER), or_unknown(r, c->provider));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_DOMAIN), word_of(r, AC_WF_DOMAIN, c->domain));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_LEVEL), or_unknown(r, c->level ? ac_enum_name(AC_ENUM_LEVEL, c->level) : NULL));
	if (c->status) {
		const char *status = or_unknown(r, ac_enum_name(AC_ENUM_STATUS, c->status));
		field(r, word(r, AC_W_REPORT_CERTIFICATE_STATUS),
		      c->status_date ? SAY(r, AC_W_REPORT_CERTIFICATE_STATUS_ON, status, c->status_date) : status);
	}
	const char *fit = tri_words(r, a->certification.gap_fit);
	aux_join(r, a->certification.gap_matched, a->certification.n_gap_matched, "");
	field(r, word(r, AC_W_REPORT_CERTIFICATE_GAP_FIT),
	      a->certification.n_gap_matched ? SAY(r, AC_W_REPORT_CERTIFICATE_GAP_FIT_MATCHING, fit, aux(r)) : fit);
	fit = tri_words(r, a->certification.role_fit);
	field(r, word(r, AC_W_REPORT_CERTIFICATE_ROLE_FIT),
	      a->certification.role_matched
		      ? SAY(r, AC_W_REPORT_CERTIFICATE_ROLE_FIT_MATCHING, fit, a->certification.role_matched)
		      : fit);
	field(r, word(r, AC_W_REPORT_CERTIFICATE_RECOGNISED), tri_words(r, a->certification.recognized));
	/* The source's own wording, where it says more than the figure. */
	const char *m = or_unknown(r, money(x, c->cost_usd));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_MONEY),
	      with_note(r, m, c->cost_note && strcmp(c->cost_note, m) != 0 ? c->cost_note : NULL));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_RETAKE), or_unknown(r, money(x, c->retake_usd)));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_PREPARATION),
	      with_note(r, c->hours.set ? SAY(r, AC_W_REPORT_CERTIFICATE_HOURS, decimal(x, c->hours.v, 2)) : word(r, AC_W_VALUE_UNKNOWN),
			c->hours_note));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_WEEKS),
	      a->certification.weeks.set ? decimal(x, a->certification.weeks.v, 2) : word(r, AC_W_VALUE_UNKNOWN));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_TIME_VALUE), or_unknown(r, money(x, a->certification.time_value_usd)));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_TOTAL_COST), or_unknown(r, money(x, a->certification.total_cost_usd)));
	if (c->never_expires)
		field(r, word(r, AC_W_REPORT_CERTIFICATE_VALIDITY), word(r, AC_W_REPORT_CERTIFICATE_NEVER_EXPIRES));
	else if (c->validity_months.set)
		field(r, word(r, AC_W_REPORT_CERTIFICATE_VALIDITY),
		      SAY(r, AC_W_REPORT_CERTIFICATE_MONTHS, decimal(x, c->validity_months.v, 2)));
	else
		field(r, word(r, AC_W_REPORT_CERTIFICATE_VALIDITY), word(r, AC_W_VALUE_UNKNOWN));
	if (!c->never_expires)
		field(r, word(r, AC_W_REPORT_CERTIFICATE_PER_YEAR), or_unknown(r, money(x, a->certification.cost_per_year_usd)));
	field(r, word(r, AC_W_REPORT_CERTIFICATE_WITHIN_BUDGET), tri_words(r, a->certification.within_budget));
	if (c->checked)
		field(r, word(r, AC_W_REPORT_CERTIFICATE_CHECKED), c->checked);
	if (c->n_uncertain) {
		aux_join(r, c->uncertain, c->n_uncertain, "");
		field(r, word(r, AC_W_REPORT_CERTIFICATE_UNCERTAIN), aux(r));
	}
	for (size_t i = 0; i < a->certification.n_warnings; i++)
		item(r, RW_BULLET, 0, NULL, a->certification.warnings[i]);
}

static void section_rules(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, word(r, AC_W_REPORT_RULES));
	for (size_t i = 0; i < a->n_rules; i++) {
		const ac_rule_fired *rule = &a->rules[i];
		const char *because = rule->because ? rule->because : "";
		if (!rule->verdict)
			item(r, RW_BULLET, 0, rule->id, because);
		else
			item(r, RW_BULLET, 0, rule->id,
			     SAY(r, rule->decisive ? AC_W_REPORT_RULE_DECIDES : AC_W_REPORT_RULE_POINTS_TO,
				 word_of(r, AC_WF_VERDICT, rule->verdict), because));
	}
	if (!a->n_rules)
		para(r, word(r, AC_W_REPORT_RULES_NONE));
}

static void section_flags(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_flags)
		return;
	heading(r, word(r, AC_W_REPORT_FLAGS));
	for (size_t i = 0; i < a->n_flags; i++)
		item(r, RW_BULLET, 0, a->flags[i], a->flag_notes ? a->flag_notes[i] : NULL);
}

static void section_conditions(report *r)
{
	const ac_assessment *a = r->a;
	const struct {
		int name;
		const ac_condition *c;
	} conds[AC_COND__COUNT] = {
		{AC_W_CONDITION_EXPOSURE_UNDERSTOOD, &a->exposure_understood},
		{AC_W_CONDITION_LEVERAGE_POSSIBLE, &a->leverage_possible},
		{AC_W_CONDITION_TIMING_APPROPRIATE, &a->timing_appropriate},
		{AC_W_CONDITION_TRAJECTORY_DEFINED, &a->trajectory_defined},
	};
	heading(r, word(r, AC_W_REPORT_CONDITIONS));
	para(r, word(r, AC_W_REPORT_CONDITIONS_EXPLAINED));
	for (size_t i = 0; i < AC_COND__COUNT; i++)
		item(r, conds[i].c->met ? RW_YES : RW_NO, 0, word(r, conds[i].name), conds[i].c->why);
}

/* Our wording of a question, by its id. */
static const char *question_words(report *r, const char *id)
{
	static const int keys[AC_Q__COUNT] = {AC_W_QUESTION_CAPABILITY_GAP, AC_W_QUESTION_MAPS_TO_WANTED_ROLE,
					      AC_W_QUESTION_AUTHORITY_OR_KNOWLEDGE,
					      AC_W_QUESTION_ORG_REWARDS_CERTIFICATION,
					      AC_W_QUESTION_DEFENSIVE_OR_OFFENSIVE};
	for (int i = 0; id && i < AC_Q__COUNT; i++)
		if (strcmp(ac_questions[i].name, id) == 0)
			return word(r, keys[i]);
	return id ? id : "";
}

static void section_questions(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, word(r, AC_W_REPORT_QUESTIONS));
	for (size_t i = 0; i < 5; i++) {
		const ac_question *q = &a->questions[i];
		item(r, tri_mark(q->ok), 0, question_words(r, q->id),
		     q->answer ? q->answer : word(r, AC_W_VALUE_NOT_ANSWERED));
	}
}

static void section_alternatives(report *r)
{
	const ac_assessment *a = r->a;
	heading(r, word(r, AC_W_REPORT_ALTERNATIVES));
	for (int i = 0; i < AC_PATH__COUNT; i++) {
		const ac_alternative *alt = &a->alternatives[i];
		char score[16];
		snprintf(score, sizeof score, "%d", alt->score);
		item(r, RW_NUMBER, i + 1, SAY(r, AC_W_REPORT_ALTERNATIVE_TITLE, word_of(r, AC_WF_PATH, alt->path), score),
		     alt->why);
		if (alt->first_step)
			sub(r, SAY(r, AC_W_REPORT_ALTERNATIVE_FIRST_STEP, alt->first_step));
	}
}

static void section_counterfactuals(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_counterfactuals && !a->counterfactuals_searched)
		return;
	heading(r, word(r, AC_W_REPORT_COUNTERFACTUALS));
	if (!a->n_counterfactuals)
		para(r, word(r, AC_W_REPORT_COUNTERFACTUALS_NONE));
	for (size_t i = 0; i < a->n_counterfactuals; i++) {
		const ac_counterfactual *cf = &a->counterfactuals[i];
		aux_reset(r);
		sb_puts(&r->aux, cf->sentence ? cf->sentence : cf->field ? cf->field : "");
		if (r->aux.len && islower((unsigned char)r->aux.buf[0]))
			r->aux.buf[0] = (char)toupper((unsigned char)r->aux.buf[0]);
		/* The engine's sentence already ends with the verdict it leads to. */
		item(r, RW_BULLET, 0, NULL,
		     cf->reason ? SAY(r, AC_W_REPORT_COUNTERFACTUAL_REASON, aux(r), cf->reason)
				: SAY(r, AC_W_REPORT_COUNTERFACTUAL, aux(r)));
	}
}

static void section_missing(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_missing)
		return;
	heading(r, word(r, AC_W_REPORT_MISSING));
	for (size_t i = 0; i < a->n_missing; i++) {
		const ac_missing *m = &a->missing[i];
		item(r, RW_BULLET, 0, m->field, m->could_change ? m->could_change : word(r, AC_W_REPORT_MISSING_NO_CHANGE));
	}
}

static void section_warnings(report *r)
{
	const ac_assessment *a = r->a;
	if (!a->n_warnings)
		return;
	heading(r, word(r, AC_W_REPORT_WARNINGS));
	for (size_t i = 0; i < a->n_warnings; i++)
		item(r, RW_BULLET, 0, NULL, a->warnings[i]);
}

static void footer(report *r)
{
	const ac_assessment *a = r->a;
	begin(r, B_RULE);
	r->w->rule(&r->o);
	lead(r, word(r, AC_W_REPORT_POLICY),
	     SAY(r, AC_W_REPORT_POLICY_VALUE, or_unknown(r, a->policy_name), or_unknown(r, a->policy_version)));
	if (a->exposure.occupation || a->exposure.prefilled)
		para(r, word(r, AC_W_REPORT_OCCUPATION_CREDITS));
}

ac_status ac_render_report(const ac_assessment *a, const rw_writer *w, const ac_render_options *o, strbuf *out)
{
	report r = {.a = a, .w = w, .o = {out, 0, 78, 0}, .last = B_NONE};
	ac_render_options_resolve(o, &r.o.width, &r.o.color);
	ac_status st = ac_wording_builtin(&r.words, NULL);
	if (st != AC_OK)
		return st;
	sb_init(&r.said);
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
	int failed = r.nomem || r.said.failed || r.aux.failed || out->failed;
	sb_free(&r.said);
	sb_free(&r.aux);
	return failed ? AC_ENOMEM : AC_OK;
}
