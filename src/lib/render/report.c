/*
 * report.c — the one walk over the report that text, Markdown and HTML
 * share: it reads the assessment in FRAMEWORK.md's order and hands each
 * block to a writer (text.c, markdown.c, html.c).  Every word comes from the wording
 * (data/wording.en) or the policy, every figure from figures.c; this file
 * decides which text goes where.  The model's sections are here, what
 * explains the verdict and what would change it in report_why.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "occdata/occupation.h"
#include "policy/required.h"
#include "render/report_blocks.h"

/* Appends "a, b, c" of the motives in bits to aux, or "none". */
static void aux_motives(report *r, unsigned bits)
{
	int m[AC_MOT__COUNT];
	size_t n = ac_render_motives(bits, m);
	rp_aux_reset(r);
	for (size_t i = 0; i < n; i++)
		sb_printf(&r->aux, "%s%s", i ? ", " : "", rp_word_of(r, AC_WF_MOTIVE, m[i]));
	if (!n)
		sb_puts(&r->aux, rp_word(r, AC_W_VALUE_NONE));
}

/* Appends "a, b, c" to aux, or `none` when the list is empty. */
static void aux_join(report *r, char *const *v, size_t n, const char *none)
{
	rp_aux_reset(r);
	for (size_t i = 0; i < n; i++)
		sb_printf(&r->aux, "%s%s", i ? ", " : "", v[i] ? v[i] : "");
	if (!n)
		sb_puts(&r->aux, none);
}

static void section_verdict(report *r)
{
	const ac_assessment *a = r->a;
	const char *title = a->label ? RP_SAY(r, AC_W_REPORT_TITLE_LABELLED, a->label) : rp_word(r, AC_W_REPORT_TITLE);
	if (r->w->begin)
		r->w->begin(&r->o, title);
	rp_begin(r, B_TITLE);
	r->w->title(&r->o, title);
	const char *verdict = rp_word_of(r, AC_WF_VERDICT, a->verdict);
	rp_lead(r, rp_word(r, AC_W_REPORT_VERDICT),
		a->headline ? RP_SAY(r, AC_W_REPORT_VERDICT_HEADLINE, verdict, a->headline) : verdict);
}

/* The tasks as bars of their exposure, most exposed first (ties in the
 * profile's order), with the score as a line across them. */
static void task_chart(report *r)
{
	const ac_assessment *a = r->a;
	size_t n = a->exposure.n_tasks;
	if (!r->w->chart || !n)
		return;
	rw_bar *bars = calloc(n, sizeof *bars);
	size_t *at = calloc(n * 2, sizeof *at);
	size_t *order = calloc(n, sizeof *order);
	if (!bars || !at || !order) {
		r->nomem = 1;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		for (; j > 0 && a->exposure.tasks[order[j - 1]].exposure < a->exposure.tasks[i].exposure; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	/* Labels and figures go into aux one after another, each with its NUL;
	 * pointers are taken once aux stops moving. */
	enum { NAME_MAX = 36 }; /* characters of a task's name on its bar; the table has it whole */
	strbuf name;
	sb_init(&name);
	rp_aux_reset(r);
	for (size_t k = 0; k < n; k++) {
		const ac_task_result *t = &a->exposure.tasks[order[k]];
		sb_clear(&name);
		ac_render_clip(&name, t->name ? t->name : "", NAME_MAX);
		char share[32];
		snprintf(share, sizeof share, "%s", rp_percent(r, t->share));
		at[2 * k] = r->aux.len;
		sb_puts(&r->aux, RP_SAY(r, AC_W_REPORT_CHART_TASK, name.buf ? name.buf : "", share));
		sb_putn(&r->aux, "", 1);
		at[2 * k + 1] = r->aux.len;
		sb_puts(&r->aux, rp_percent(r, t->exposure));
		sb_putn(&r->aux, "", 1);
		bars[k].value = t->exposure;
	}
	r->nomem |= name.failed;
	sb_free(&name);
	if (r->aux.failed)
		goto done;
	for (size_t k = 0; k < n; k++) {
		bars[k].label = r->aux.buf + at[2 * k];
		bars[k].figure = r->aux.buf + at[2 * k + 1];
	}
	char ends[2][32];
	snprintf(ends[0], sizeof ends[0], "%s", rp_percent(r, 0));
	snprintf(ends[1], sizeof ends[1], "%s", rp_percent(r, 1));
	rw_chart c = {.kind = RW_CHART_BARS,
		      .title = rp_word(r, AC_W_REPORT_CHART_TASKS),
		      .desc = rp_word(r, AC_W_REPORT_CHART_TASKS_EXPLAINED),
		      .bars = bars,
		      .n = n,
		      .axis = {ends[0], ends[1]},
		      .marked = 1,
		      .mark = a->exposure.score,
		      .mark_label = RP_SAY(r, AC_W_REPORT_CHART_SCORE, rp_percent(r, a->exposure.score))};
	rp_chart(r, &c);
done:
	free(bars);
	free(at);
	free(order);
}

/* The person's task mix on a scale of occupations from the least to the
 * most exposed, with the band where the sources place the occupation. */
static void among_chart(report *r)
{
	const ac_assessment *a = r->a;
	if (!r->w->chart || !a->exposure.person_percentile.set)
		return;
	int banded = a->exposure.range_low.set && a->exposure.range_high.set;
	rw_chart c = {
		.kind = RW_CHART_SCALE,
		.title = rp_word(r, AC_W_REPORT_CHART_AMONG),
		.desc = rp_word(r, banded ? AC_W_REPORT_CHART_AMONG_EXPLAINED_BAND : AC_W_REPORT_CHART_AMONG_EXPLAINED),
		.axis = {rp_word(r, AC_W_REPORT_CHART_LEAST), rp_word(r, AC_W_REPORT_CHART_MOST)},
		.marked = 1,
		.mark = a->exposure.person_percentile.v / 100,
		.mark_label = rp_word(r, AC_W_REPORT_CHART_YOU),
		.banded = banded,
		.low = a->exposure.range_low.v,
		.high = a->exposure.range_high.v,
		.band_label = rp_word(r, AC_W_REPORT_CHART_OCCUPATION)};
	rp_chart(r, &c);
}

static void task_table(report *r)
{
	enum { COLS = 5 };
	const ac_assessment *a = r->a;
	size_t n = a->exposure.n_tasks;
	const char *const head[COLS] = {rp_word(r, AC_W_REPORT_TASK_HEAD_TASK), rp_word(r, AC_W_REPORT_TASK_HEAD_SHARE),
					rp_word(r, AC_W_REPORT_TASK_HEAD_CATEGORY),
					rp_word(r, AC_W_REPORT_TASK_HEAD_EXPOSURE),
					rp_word(r, AC_W_REPORT_TASK_HEAD_CONTRIBUTION)};
	static const int right[COLS] = {0, 1, 0, 1, 1};
	size_t *at = malloc(n * COLS * sizeof *at);
	const char **cells = malloc(n * COLS * sizeof *cells);
	if (!at || !cells) {
		r->nomem = 1;
		goto done;
	}
	/* Cells go into aux one after another, each with its NUL; pointers are
	 * taken once aux stops moving. */
	rp_aux_reset(r);
	int measured = 0;
	for (size_t i = 0; i < n; i++) {
		const ac_task_result *t = &a->exposure.tasks[i];
		const double figures[COLS] = {0, t->share, 0, t->exposure, t->contribution};
		for (size_t c = 0; c < COLS; c++) {
			at[i * COLS + c] = r->aux.len;
			if (c == 0)
				sb_puts(&r->aux, t->name ? t->name : "");
			else if (c == 2)
				sb_puts(&r->aux, t->category ? rp_word_of(r, AC_WF_CATEGORY, t->category)
							     : rp_word(r, AC_W_REPORT_TASK_NOT_CATEGORISED));
			else
				sb_puts(&r->aux, rp_percent(r, figures[c]));
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
	rp_begin(r, B_TABLE);
	r->w->table(&r->o, &table);
	if (measured)
		rp_para(r, rp_word(r, AC_W_REPORT_TASK_MEASURED));
	task_chart(r);
done:
	free(at);
	free(cells);
}

static void occupation_block(report *r)
{
	const ac_assessment *a = r->a;
	const ac_occupation *occ = a->exposure.occupation;
	if (!occ) {
		if (a->exposure.occupation_note)
			rp_para(r, a->exposure.occupation_note);
		return;
	}
	rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION),
		 RP_SAY(r, AC_W_REPORT_OCCUPATION_VALUE,
			occ->title ? occ->title : rp_word(r, AC_W_REPORT_OCCUPATION_UNTITLED),
			occ->code ? occ->code : rp_word(r, AC_W_REPORT_OCCUPATION_NO_CODE)));
	if (occ->exposure.set)
		rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_EXPOSURE),
			 RP_SAY(r, AC_W_REPORT_OCCUPATION_EXPOSURE_VALUE, rp_percent(r, occ->exposure.v)));
	rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_BETA),
		 occ->beta.set ? rp_number(r, occ->beta.v) : rp_word(r, AC_W_VALUE_UNKNOWN));
	rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_APPLICABILITY),
		 occ->applicability.set ? rp_number(r, occ->applicability.v) : rp_word(r, AC_W_VALUE_UNKNOWN));
	if (a->exposure.person_percentile.set)
		rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_COMPARED),
			 RP_SAY(r, AC_W_REPORT_OCCUPATION_COMPARED_VALUE,
				rp_percent(r, a->exposure.person_percentile.v / 100)));
	if (a->exposure.range_low.set && a->exposure.range_high.set) {
		char low[32];
		snprintf(low, sizeof low, "%s", rp_percent(r, a->exposure.range_low.v));
		rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_RANGE),
			 RP_SAY(r, AC_W_REPORT_OCCUPATION_RANGE_VALUE, low, rp_percent(r, a->exposure.range_high.v)));
	}
	const char *src[4];
	size_t n = ac_render_occ_sources(occ, src);
	aux_join(r, (char *const *)src, n, rp_word(r, AC_W_VALUE_NONE));
	rp_field(r, rp_word(r, AC_W_REPORT_OCCUPATION_SOURCES), rp_aux(r));
	among_chart(r);
}

static void section_exposure(report *r)
{
	const ac_assessment *a = r->a;
	rp_heading(r, rp_word(r, AC_W_REPORT_EXPOSURE));
	if (!a->exposure.has_tasks && !a->exposure.n_tasks) {
		rp_para(r, rp_word(r, AC_W_REPORT_EXPOSURE_NO_TASKS));
	} else {
		rp_field(r, rp_word(r, AC_W_REPORT_EXPOSURE_SCORE),
			 RP_SAY(r, AC_W_REPORT_EXPOSURE_SCORE_VALUE, rp_percent(r, a->exposure.score)));
		rp_field(r, rp_word(r, AC_W_REPORT_EXPOSURE_CLASS), rp_word_of(r, AC_WF_CLASS, a->exposure.klass));
		rp_field(r, rp_word(r, AC_W_REPORT_EXPOSURE_NATURE),
			 rp_word(r, a->exposure.structural    ? AC_W_REPORT_EXPOSURE_STRUCTURAL
				    : a->exposure.skill_based ? AC_W_REPORT_EXPOSURE_SKILL_BASED
							      : AC_W_REPORT_EXPOSURE_NEITHER));
		rp_para(r, rp_word(r, AC_W_REPORT_EXPOSURE_EXPLAINED));
		if (a->exposure.prefilled)
			rp_para(r, rp_word(r, AC_W_REPORT_EXPOSURE_PREFILLED));
		if (a->exposure.n_tasks)
			task_table(r);
	}
	occupation_block(r);
}

/* One replaceability condition measured as a share of time. */
static void share_item(report *r, int met, int label, double share)
{
	rp_item(r, met ? RW_YES : RW_NO, 0, rp_word(r, label),
		RP_SAY(r, AC_W_REPORT_REPLACEABILITY_SHARE, rp_percent(r, share)));
}

static void section_replaceability(report *r)
{
	const ac_assessment *a = r->a;
	char count[16];
	rp_heading(r, rp_word(r, AC_W_REPORT_REPLACEABILITY));
	rp_para(r, rp_word(r, AC_W_REPORT_REPLACEABILITY_EXPLAINED));
	if (!a->exposure.has_tasks && !a->replaceability.authority_answered) {
		rp_para(r, rp_word(r, AC_W_REPORT_REPLACEABILITY_NO_TASKS));
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
		rp_item(r, sep ? RW_YES : RW_NO, 0, rp_word(r, AC_W_REPORT_REPLACEABILITY_SEPARABLE),
			rp_word(r, sep ? AC_W_REPORT_REPLACEABILITY_ANSWER_SEPARABLE
				       : AC_W_REPORT_REPLACEABILITY_ANSWER_HOLDS));
	else
		share_item(r, sep, AC_W_REPORT_REPLACEABILITY_SEPARABLE, a->exposure.separable_share);
	if (!a->exposure.has_tasks)
		return;
	snprintf(count, sizeof count, "%d", a->replaceability.count);
	rp_field(r, rp_word(r, AC_W_REPORT_CONDITIONS_HOLD),
		 RP_SAY(r, a->replaceability.high ? AC_W_REPORT_COUNT_OF_FOUR_HIGH : AC_W_REPORT_COUNT_OF_FOUR, count));
}

static void section_leverage(report *r)
{
	static const int ladder[] = {AC_W_LADDER_1, AC_W_LADDER_2, AC_W_LADDER_3, AC_W_LADDER_4, AC_W_LADDER_5};
	const ac_assessment *a = r->a;
	char number[16];
	rp_heading(r, rp_word(r, AC_W_REPORT_LEVERAGE));
	const char *test = ac_word_of(r->words, AC_WF_LEVERAGE_TEST, a->leverage.test);
	rp_field(r, rp_word(r, AC_W_REPORT_LEVERAGE_TEST),
		 test ? RP_SAY(r, AC_W_REPORT_LEVERAGE_TEST_VALUE, test) : rp_word(r, AC_W_VALUE_NOT_ANSWERED));
	rp_field(r, rp_word(r, AC_W_REPORT_LEVERAGE_ORIENTATION),
		 rp_word_of(r, AC_WF_ORIENTATION, a->leverage.orientation));
	rp_field(r, rp_word(r, AC_W_REPORT_LEVERAGE_OWNERSHIP),
		 rp_word(r, a->leverage.ownership_expands == AC_UNKNOWN ? AC_W_VALUE_UNKNOWN
			    : a->leverage.ownership_expands == AC_TRUE  ? AC_W_REPORT_LEVERAGE_OWNERSHIP_YES
									: AC_W_REPORT_LEVERAGE_OWNERSHIP_NO));
	int level = a->leverage.ladder_level;
	if (level >= 1 && level <= 5) {
		snprintf(number, sizeof number, "%d", level);
		rp_field(r, rp_word(r, AC_W_REPORT_LEVERAGE_LADDER),
			 RP_SAY(r, AC_W_REPORT_LEVERAGE_LADDER_VALUE, number, rp_word(r, ladder[level - 1])));
	}
	rp_para(r, rp_word(r, AC_W_REPORT_LEVERAGE_CLAIMS));
	rp_item(r, a->leverage.ai_enhanced_role ? RW_YES : RW_NO, 0, rp_word(r, AC_W_REPORT_LEVERAGE_AI_ENHANCED),
		NULL);
	rp_item(r, a->leverage.owns_measurable_outcomes ? RW_YES : RW_NO, 0,
		rp_word(r, AC_W_REPORT_LEVERAGE_OWNS_OUTCOMES), NULL);
	rp_item(r, a->leverage.expanding_into_system_design ? RW_YES : RW_NO, 0,
		rp_word(r, AC_W_REPORT_LEVERAGE_SYSTEM_DESIGN), NULL);
	rp_item(r, a->leverage.transitioning_to_hybrid ? RW_YES : RW_NO, 0, rp_word(r, AC_W_REPORT_LEVERAGE_HYBRID),
		NULL);
	snprintf(number, sizeof number, "%d", a->leverage.count);
	rp_field(r, rp_word(r, AC_W_REPORT_CONDITIONS_HOLD), RP_SAY(r, AC_W_REPORT_COUNT_OF_FOUR, number));
}

static void section_organisation(report *r)
{
	const ac_assessment *a = r->a;
	char number[16];
	rp_heading(r, rp_word(r, AC_W_REPORT_ORGANISATION));
	snprintf(number, sizeof number, "%d", a->organization.signal_strength);
	rp_field(r, rp_word(r, AC_W_REPORT_ORGANISATION_SIGNAL_STRENGTH), RP_SAY(r, AC_W_REPORT_COUNT_OF_FOUR, number));
	rp_field(r, rp_word(r, AC_W_REPORT_ORGANISATION_CREDENTIAL_SENSITIVE),
		 rp_tri(r, a->organization.credential_sensitive));
	rp_field(r, rp_word(r, AC_W_REPORT_ORGANISATION_LEADERS),
		 a->organization.leader_reading ? rp_word_of(r, AC_WF_LEADER_READING, a->organization.leader_reading)
						: rp_word(r, AC_W_VALUE_NOT_ANSWERED));
	rp_field(r, rp_word(r, AC_W_REPORT_ORGANISATION_SIGNALLING_RISK),
		 rp_word(r, a->organization.signaling_risk ? AC_W_REPORT_ORGANISATION_SIGNALLING_RISK_YES
							   : AC_W_VALUE_NO));
}

static void section_timing(report *r)
{
	static const int phases[] = {AC_W_PHASE_1, AC_W_PHASE_2, AC_W_PHASE_3};
	const ac_assessment *a = r->a;
	int phase = a->timing.phase;
	rp_heading(r, rp_word(r, AC_W_REPORT_TIMING));
	rp_field(r, rp_word(r, AC_W_REPORT_TIMING_PHASE),
		 rp_word(r, phase >= 1 && phase <= 3 ? phases[phase - 1] : AC_W_VALUE_UNKNOWN));
	rp_field(r, rp_word(r, AC_W_REPORT_TIMING_APPROPRIATE), rp_tri(r, a->timing.appropriate));
	rp_field(r, rp_word(r, AC_W_REPORT_TIMING_COMPRESSING), rp_tri(r, a->timing.industry_compressing));
	rp_field(r, rp_word(r, AC_W_REPORT_TIMING_SHIFTING), rp_tri(r, a->timing.industry_shifting));
	for (size_t i = 0; i < a->timing.n_why; i++)
		rp_item(r, RW_BULLET, 0, NULL, a->timing.why[i]);
}

/* The positioning in plain words: the value the policy gave, explained. */
static const char *positioning_words(report *r, const char *pos)
{
	static const int keys[AC_POS__COUNT] = {AC_W_POSITIONING_OFFENSIVE, AC_W_POSITIONING_MIXED,
						AC_W_POSITIONING_DEFENSIVE, AC_W_POSITIONING_UNKNOWN};
	for (int i = 0; pos && i < AC_POS__COUNT; i++)
		if (strcmp(ac_positions[i].what, pos) == 0)
			return rp_word(r, keys[i]);
	return rp_word(r, AC_W_POSITIONING_UNKNOWN);
}

static void section_motives(report *r)
{
	const ac_assessment *a = r->a;
	rp_heading(r, rp_word(r, AC_W_REPORT_MOTIVES));
	aux_motives(r, a->motives.valid);
	rp_field(r, rp_word(r, AC_W_REPORT_MOTIVES_VALID), rp_aux(r));
	aux_motives(r, a->motives.invalid);
	rp_field(r, rp_word(r, AC_W_REPORT_MOTIVES_INVALID), rp_aux(r));
	if (a->motives.unknown) {
		aux_motives(r, a->motives.unknown);
		rp_field(r, rp_word(r, AC_W_REPORT_MOTIVES_UNKNOWN), rp_aux(r));
	}
	rp_field(r, rp_word(r, AC_W_REPORT_MOTIVES_POSITIONING), positioning_words(r, a->motives.positioning));
}

/* The catalogue's status as of the assessment's date: a retirement date
 * still ahead reads as retiring. */
static void certificate_status(report *r, const ac_cert *c)
{
	if (!c->status)
		return;
	int key = c->status == AC_STATUS_ACTIVE ? AC_W_REPORT_CERTIFICATE_ACTIVE : AC_W_REPORT_CERTIFICATE_RETIRED;
	if (c->status != AC_STATUS_ACTIVE &&
	    (!c->status_date ? c->status == AC_STATUS_RETIRING : strcmp(c->status_date, r->a->as_of) > 0))
		key = AC_W_REPORT_CERTIFICATE_RETIRING;
	const char *status = rp_word(r, key);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_STATUS),
		 c->status_date && c->status != AC_STATUS_ACTIVE
			 ? RP_SAY(r, AC_W_REPORT_CERTIFICATE_STATUS_ON, status, c->status_date)
			 : status);
}

/* value, or "value (the source says: note)" when the source's own wording
 * says more; built in aux. */
static const char *with_note(report *r, const char *value, const char *note)
{
	rp_aux_reset(r);
	if (note && strcmp(note, value) != 0)
		AC_SAY(&r->aux, r->words, AC_W_REPORT_CERTIFICATE_SOURCE_SAYS, value, note);
	else
		sb_puts(&r->aux, value);
	return rp_aux(r);
}

static void certificate_costs(report *r)
{
	const ac_assessment *a = r->a;
	const ac_cert *c = &a->certification.cert;
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_MONEY),
		 with_note(r, rp_or_unknown(r, rp_money(r, c->cost_usd)), c->cost_note));
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_RETAKE), rp_or_unknown(r, rp_money(r, c->retake_usd)));
	if (a->certification.hours_estimated) {
		char lo[32], hi[32];
		snprintf(lo, sizeof lo, "%.0f", a->certification.hours_low.v);
		snprintf(hi, sizeof hi, "%.0f", a->certification.hours_high.v);
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_PREPARATION),
			 RP_SAY(r, AC_W_REPORT_CERTIFICATE_HOURS_ESTIMATED, rp_hours(r, c->hours.v), lo, hi));
	} else {
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_PREPARATION),
			 with_note(r, c->hours.set ? rp_hours(r, c->hours.v) : rp_word(r, AC_W_VALUE_UNKNOWN),
				   c->hours_note));
	}
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_WEEKS),
		 a->certification.weeks.set ? rp_weeks(r, a->certification.weeks.v) : rp_word(r, AC_W_VALUE_UNKNOWN));
	if (a->certification.pay_is_occupation_median) {
		char value[48];
		snprintf(value, sizeof value, "%s", rp_money(r, a->certification.time_value_usd));
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_TIME_VALUE),
			 RP_SAY(r, AC_W_REPORT_CERTIFICATE_TIME_VALUE_MEDIAN, value,
				rp_money(r, a->certification.hourly_pay_usd)));
	} else {
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_TIME_VALUE),
			 rp_or_unknown(r, rp_money(r, a->certification.time_value_usd)));
	}
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_TOTAL_COST),
		 rp_or_unknown(r, rp_money(r, a->certification.total_cost_usd)));
	const char *validity = c->never_expires         ? rp_word(r, AC_W_REPORT_CERTIFICATE_NEVER_EXPIRES)
			       : c->validity_months.set ? rp_months(r, c->validity_months.v)
							: rp_word(r, AC_W_VALUE_UNKNOWN);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_VALIDITY), validity);
	if (!c->never_expires)
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_PER_YEAR),
			 rp_or_unknown(r, rp_money(r, a->certification.cost_per_year_usd)));
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_WITHIN_BUDGET), rp_tri(r, a->certification.within_budget));
}

static void section_certificate(report *r)
{
	const ac_assessment *a = r->a;
	const ac_cert *c = &a->certification.cert;
	rp_heading(r, rp_word(r, AC_W_REPORT_CERTIFICATE));
	if (!a->certification.present) {
		rp_para(r, rp_word(r, AC_W_REPORT_CERTIFICATE_NONE));
		return;
	}
	const char *name = rp_or_unknown(r, c->name);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_NAME),
		 c->exam_code ? RP_SAY(r, AC_W_REPORT_CERTIFICATE_NAME_CODE, name, c->exam_code) : name);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_PROVIDER), rp_or_unknown(r, c->provider));
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_DOMAIN), rp_word_of(r, AC_WF_DOMAIN, c->domain));
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_LEVEL), rp_word_of(r, AC_WF_LEVEL, c->level));
	certificate_status(r, c);
	const char *fit = rp_tri(r, a->certification.gap_fit);
	aux_join(r, a->certification.gap_matched, a->certification.n_gap_matched, "");
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_GAP_FIT),
		 a->certification.n_gap_matched ? RP_SAY(r, AC_W_REPORT_CERTIFICATE_GAP_FIT_MATCHING, fit, rp_aux(r))
						: fit);
	fit = rp_tri(r, a->certification.role_fit);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_ROLE_FIT),
		 a->certification.role_matched
			 ? RP_SAY(r, AC_W_REPORT_CERTIFICATE_ROLE_FIT_MATCHING, fit, a->certification.role_matched)
			 : fit);
	rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_RECOGNISED), rp_tri(r, a->certification.recognized));
	certificate_costs(r);
	if (c->checked)
		rp_field(r, rp_word(r, AC_W_REPORT_CERTIFICATE_CHECKED), c->checked);
	for (size_t i = 0; i < a->certification.n_warnings; i++)
		rp_item(r, RW_BULLET, 0, NULL, a->certification.warnings[i]);
}

ac_status ac_render_report(const ac_assessment *a, const rw_writer *w, const ac_render_options *o, strbuf *out)
{
	report r = {.a = a, .w = w, .o = {.out = out, .width = 78}, .last = B_NONE};
	ac_render_options_resolve(o, &r.o.width, &r.o.color);
	ac_status st = ac_wording_builtin(&r.words, NULL);
	if (st != AC_OK)
		return st;
	r.o.words = r.words;
	sb_init(&r.said);
	sb_init(&r.aux);
	sb_init(&r.fig);
	section_verdict(&r);
	section_exposure(&r);
	section_replaceability(&r);
	section_leverage(&r);
	section_organisation(&r);
	section_timing(&r);
	section_motives(&r);
	section_certificate(&r);
	rp_explanations(&r);
	if (w->end)
		w->end(&r.o);
	int failed = r.nomem || r.said.failed || r.aux.failed || r.fig.failed || out->failed;
	sb_free(&r.said);
	sb_free(&r.aux);
	sb_free(&r.fig);
	return failed ? AC_ENOMEM : AC_OK;
}
