/*
 * occupation.c — writes occupation data for `occupations search|show`: the
 * ranked matches for a typed title, and one occupation's tasks, measured
 * exposure and labour-market figures, each figure with its source, as text
 * or JSON.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "occdata/info.h"
#include "occdata/occupation.h"
#include "occdata/search.h"
#include "policy/wording.h"
#include "render/render.h"

/* ------------------------------------------------------------ search */

static json_t *matches_json(const char *words, const ac_occ_match *m, size_t n)
{
	json_t *root = json_object(), *list = json_array();
	json_object_set_new(root, "query", json_string(words));
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(m[i].code));
		json_object_set_new(o, "title", json_string(m[i].title));
		json_object_set_new(o, "matched", json_string(m[i].matched));
		json_object_set_new(o, "via", json_string(m[i].via));
		json_object_set_new(o, "confidence", json_real(m[i].confidence));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "matches", list);
	return root;
}

static void matches_text(strbuf *sb, const ac_wording *w, const char *words, const ac_occ_match *m, size_t n)
{
	if (n == 0) {
		char shown[80];
		snprintf(shown, sizeof shown, "%.60s%s", words, strlen(words) > 60 ? "..." : "");
		AC_SAY(sb, w, AC_W_OCC_NO_MATCH, shown);
		sb_puts(sb, "\n");
		return;
	}
	sb_printf(sb, "%-11s %-10s %s\n", ac_word(w, AC_W_OCC_HEAD_CODE), ac_word(w, AC_W_OCC_HEAD_CONFIDENCE),
		  ac_word(w, AC_W_OCC_HEAD_OCCUPATION));
	for (size_t i = 0; i < n; i++) {
		sb_printf(sb, "%-11s %-10.2f %s", m[i].code, m[i].confidence, m[i].title);
		if (strcmp(m[i].matched, m[i].title) != 0) {
			sb_puts(sb, "  ");
			AC_SAY(sb, w, AC_W_OCC_MATCHED_VIA, m[i].via, m[i].matched);
		}
		sb_puts(sb, "\n");
	}
	sb_puts(sb, "\n");
	ac_say(sb, w, AC_W_OCC_SEARCH_NOTE, NULL, 0);
	sb_puts(sb, "\n");
	ac_say(sb, w, AC_W_OCC_SEARCH_SHOW, NULL, 0);
	sb_puts(sb, "\n");
}

/* ------------------------------------------------------------ show */

static const char *task_type(const ac_occ_task *t)
{
	return t->core ? "Core" : t->rated ? "Supplemental" : NULL;
}

/* The figure's source object: which file and which of its rows. */
static json_t *source_json(const char *source, const char *row, const char *row_title, const char *note)
{
	json_t *s = json_object();
	json_object_set_new(s, "source", json_string(source));
	if (row)
		json_object_set_new(s, "row", json_string(row));
	if (row_title)
		json_object_set_new(s, "row_title", json_string(row_title));
	if (note)
		json_object_set_new(s, "note", json_string(note));
	return s;
}

/* {"value": v, "percentile": p (when pct is given), "from": source} */
static json_t *figure_json(ac_num value, const ac_num *pct, json_t *source)
{
	json_t *f = json_object();
	json_object_set_new(f, "value", ac_json_num(value));
	if (pct)
		json_object_set_new(f, "percentile", ac_json_num(*pct));
	json_object_set_new(f, "from", source);
	return f;
}

static const char *group_note(const ac_occupation *o, const char *row)
{
	return row && o->soc && strcmp(row, o->soc) != 0
		       ? "published only for a wider group that contains this occupation"
		       : NULL;
}

/* The tasks grouped by category, largest first: a task mix to start from,
 * each group with its share of the time, its measured exposure and its
 * tasks' statements. */
static json_t *groups_json(const ac_task_groups *g)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ac_task_groups_count(g); i++) {
		json_t *j = json_object();
		json_object_set_new(j, "category",
				    ac_json_str(ac_enum_name(AC_ENUM_CATEGORY, ac_task_groups_category(g, i))));
		json_object_set_new(j, "share", json_real(ac_render_round(ac_task_groups_share(g, i), 4)));
		ac_num e = ac_task_groups_exposure(g, i);
		json_object_set_new(j, "exposure", e.set ? json_real(ac_render_round(e.v, 4)) : json_null());
		json_t *tasks = json_array();
		for (size_t k = 0; k < ac_task_groups_task_count(g, i); k++)
			json_array_append_new(tasks, json_string(ac_task_groups_task(g, i, k, NULL)));
		json_object_set_new(j, "tasks", tasks);
		json_array_append_new(a, j);
	}
	return a;
}

static json_t *occupation_json(const ac_occupation *o, const ac_occdata_info *info, const ac_task_groups *g)
{
	json_t *root = json_object();
	json_object_set_new(root, "code", json_string(o->code));
	json_object_set_new(root, "soc", ac_json_str(o->soc));
	json_object_set_new(root, "title", json_string(o->title));
	json_object_set_new(root, "description", json_string(o->description));
	json_t *exp = json_object();
	json_object_set_new(
		exp, "beta",
		figure_json(o->beta, &o->beta_percentile,
			    source_json("gpts-are-gpts", o->code, NULL,
					"occ_level.csv dv_rating_beta: mean task beta, Core 2, Supplemental 1")));
	json_object_set_new(
		exp, "measured",
		figure_json(o->exposure, &o->exposure_percentile,
			    source_json("gpts-are-gpts+working-with-ai", o->code, NULL,
					"mean task exposure, Core 2, other 1; a task's exposure is half its "
					"GPTs-are-GPTs beta, half Microsoft's measured AI use of its work "
					"activities rescaled to beta's scale")));
	json_object_set_new(exp, "applicability",
			    figure_json(o->applicability, &o->applicability_percentile,
					source_json("working-with-ai", o->applicability_code, NULL,
						    group_note(o, o->applicability_code))));
	json_object_set_new(root, "exposure", exp);
	json_object_set_new(
		root, "employment",
		figure_json(o->employment, NULL,
			    source_json("bls-oews", o->oews_code, o->oews_title, group_note(o, o->oews_code))));
	json_object_set_new(
		root, "median_wage_usd",
		figure_json(o->median_wage, NULL,
			    source_json("bls-oews", o->oews_code, o->oews_title, group_note(o, o->oews_code))));
	json_object_set_new(root, "growth_pct",
			    figure_json(o->growth_pct, NULL,
					source_json("bls-projections", o->projection_code, NULL,
						    group_note(o, o->projection_code))));
	json_t *edu = json_object();
	json_object_set_new(edu, "value", ac_json_str(o->education));
	json_object_set_new(edu, "from", source_json("bls-projections", o->projection_code, NULL, NULL));
	json_object_set_new(root, "education", edu);
	json_t *jz = json_object();
	json_object_set_new(jz, "value", o->job_zone ? json_integer(o->job_zone) : json_null());
	json_object_set_new(jz, "name", ac_json_str(o->job_zone_name));
	json_object_set_new(jz, "from", source_json("onet", o->code, NULL, "Job Zones.txt"));
	json_object_set_new(root, "job_zone", jz);
	json_t *tasks = json_array();
	for (size_t i = 0; i < o->n_tasks; i++) {
		const ac_occ_task *t = &o->tasks[i];
		json_t *j = json_object();
		json_object_set_new(j, "task_id", json_integer(t->task_id));
		json_object_set_new(j, "statement", json_string(t->statement));
		json_object_set_new(j, "type", ac_json_str(task_type(t)));
		json_object_set_new(j, "gwa_id", ac_json_str(t->gwa_id));
		json_object_set_new(j, "category", ac_json_str(ac_enum_name(AC_ENUM_CATEGORY, t->category)));
		json_object_set_new(j, "exposure", ac_json_num(t->exposure));
		json_t *range = json_null();
		if (t->exposure_low.set && t->exposure_high.set) {
			range = json_object();
			json_object_set_new(range, "low", ac_json_num(t->exposure_low));
			json_object_set_new(range, "high", ac_json_num(t->exposure_high));
		}
		json_object_set_new(j, "exposure_range", range);
		json_t *used = json_array();
		if (t->sources & AC_OCC_SOURCE_LABEL)
			json_array_append_new(used, json_string("gpts-are-gpts"));
		if (t->sources & AC_OCC_SOURCE_USAGE)
			json_array_append_new(used, json_string("working-with-ai"));
		json_object_set_new(j, "exposure_sources", used);
		json_object_set_new(j, "beta", ac_json_num(t->beta));
		json_object_set_new(j, "automation", ac_json_num(t->automation));
		json_array_append_new(tasks, j);
	}
	json_object_set_new(root, "tasks", tasks);
	if (g)
		json_object_set_new(root, "task_groups", groups_json(g));
	json_t *notes = json_object();
	json_object_set_new(notes, "tasks",
			    json_string("O*NET 29.3 Task Statements; category from the policy's "
					"GWA table; beta and automation (gpt4_automation T0..T4 "
					"as 0..1) from GPTs-are-GPTs full_labelset.tsv"));
	json_object_set_new(root, "notes", notes);
	json_t *srcs = json_array();
	for (size_t i = 0; info && i < info->n_sources; i++) {
		const ac_occ_source *s = &info->sources[i];
		json_t *j = json_object();
		json_object_set_new(j, "name", json_string(s->name));
		json_object_set_new(j, "title", json_string(s->title));
		json_object_set_new(j, "version", json_string(s->version));
		json_object_set_new(j, "licence", json_string(s->licence));
		json_object_set_new(j, "missing", json_boolean(s->missing));
		json_object_set_new(j, "url", json_string(s->url));
		json_object_set_new(j, "attribution", json_string(s->attribution));
		json_array_append_new(srcs, j);
	}
	json_object_set_new(root, "sources", srcs);
	return root;
}

/* Where the text of `occupations show` is written, and its wording. */
typedef struct {
	strbuf *sb;
	const ac_wording *w;
} page;

/* One line: indent, the wording's text of key, a newline. */
static void line(const page *pg, const char *indent, int key, const char *const *args, size_t n)
{
	sb_puts(pg->sb, indent);
	ac_say(pg->sb, pg->w, key, args, n);
	sb_puts(pg->sb, "\n");
}
#define LINE(pg, indent, key, ...) line(pg, indent, key, AC_ARGS(__VA_ARGS__))

/* "48th" (a failure marks the page's buffer). */
static const char *ordinal(const page *pg, double pct, char *buf, size_t size)
{
	int n = (int)floor(pct);
	int key = (n % 100 >= 11 && n % 100 <= 13) ? AC_W_OCC_ORDINAL
		  : n % 10 == 1                    ? AC_W_OCC_ORDINAL_1
		  : n % 10 == 2                    ? AC_W_OCC_ORDINAL_2
		  : n % 10 == 3                    ? AC_W_OCC_ORDINAL_3
						   : AC_W_OCC_ORDINAL;
	char num[16];
	snprintf(num, sizeof num, "%d", n);
	strbuf sb;
	sb_init(&sb);
	ac_say(&sb, pg->w, key, AC_ARGS(num));
	snprintf(buf, size, "%s", sb.failed || !sb.buf ? "" : sb.buf);
	if (sb.failed)
		pg->sb->failed = 1;
	sb_free(&sb);
	return buf;
}

/* 1234567 -> "1,234,567" */
static const char *grouped(double v, char *buf, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%.0f", v);
	size_t n = strlen(digits), k = 0;
	for (size_t i = 0; i < n && k + 2 < size; i++) {
		if (i && digits[i - 1] != '-' && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

/* "  [source, row title]" after a figure, saying when the row is a wider
 * group than the occupation. */
static void print_row_source(const page *pg, const ac_occupation *o, const char *src, const char *row,
			     const char *row_title)
{
	char r[160];
	snprintf(r, sizeof r, "%s%s%s", row ? row : "", row_title ? " " : "", row_title ? row_title : "");
	int key = !row ? AC_W_OCC_SOURCE : group_note(o, row) ? AC_W_OCC_SOURCE_ROW_GROUP : AC_W_OCC_SOURCE_ROW;
	LINE(pg, "  ", key, src, r);
}

/* The version an installed source records ("2022-32"), or "". */
static const char *source_version(const ac_occdata_info *info, const char *name)
{
	for (size_t i = 0; info && i < info->n_sources; i++)
		if (strcmp(info->sources[i].name, name) == 0)
			return info->sources[i].version;
	return "";
}

/* A figure with its rank among all occupations:
 * "measured exposure 0.45: 48th percentile, higher than 48% of occupations". */
static void ranked(const page *pg, int key, ac_num value, ac_num pct)
{
	char v[32], ord[32], p[32];
	snprintf(v, sizeof v, "%.2f", value.v);
	snprintf(p, sizeof p, "%.0f%%", floor(pct.v));
	sb_puts(pg->sb, "  ");
	AC_SAY(pg->sb, pg->w, key, v, ordinal(pg, pct.v, ord, sizeof ord), p);
}

static void print_occupation(const page *pg, const ac_occupation *o, const ac_occdata_info *info)
{
	strbuf *sb = pg->sb;
	const ac_wording *w = pg->w;
	const char *gpts = ac_word(w, AC_W_OCC_SRC_GPTS), *wwai = ac_word(w, AC_W_OCC_SRC_WWAI);
	const char *oews = ac_word(w, AC_W_OCC_SRC_OEWS), *onet = ac_word(w, AC_W_OCC_SRC_ONET);
	char b1[48], proj[96];
	/* The projections edition is whatever the imported table was. */
	strbuf pj;
	sb_init(&pj);
	AC_SAY(&pj, w, AC_W_OCC_SRC_PROJECTIONS, source_version(info, "bls-projections"));
	snprintf(proj, sizeof proj, "%s", pj.failed || !pj.buf ? "" : pj.buf);
	if (pj.failed)
		sb->failed = 1;
	sb_free(&pj);
	sb_printf(sb, "%s  %s\n\n%s\n\n", o->code, o->title, o->description);
	line(pg, "", AC_W_OCC_EXPOSURE, NULL, 0);
	if (o->exposure.set) {
		ranked(pg, AC_W_OCC_MEASURED, o->exposure, o->exposure_percentile);
		sb_puts(sb, "\n");
		LINE(pg, "    ", AC_W_OCC_MEASURED_HOW_1, gpts);
		LINE(pg, "     ", AC_W_OCC_MEASURED_HOW_2, wwai);
	}
	if (o->beta.set) {
		ranked(pg, AC_W_OCC_BETA, o->beta, o->beta_percentile);
		sb_puts(sb, "\n");
		LINE(pg, "    ", AC_W_OCC_BETA_HOW, gpts);
	} else {
		LINE(pg, "  ", AC_W_OCC_BETA_UNKNOWN, gpts);
	}
	if (o->applicability.set) {
		ranked(pg, AC_W_OCC_APPLICABILITY, o->applicability, o->applicability_percentile);
		sb_puts(sb, "\n  "); /* its source under it */
		print_row_source(pg, o, wwai, o->applicability_code, NULL);
	} else {
		LINE(pg, "  ", AC_W_OCC_APPLICABILITY_UNKNOWN, wwai);
	}
	if (o->beta.set && o->applicability.set) {
		line(pg, "  ", AC_W_OCC_SCALES_1, NULL, 0);
		line(pg, "   ", AC_W_OCC_SCALES_2, NULL, 0);
	}
	sb_puts(sb, "\n");
	line(pg, "", AC_W_OCC_LABOUR_MARKET, NULL, 0);
	if (o->employment.set) {
		sb_puts(sb, "  ");
		AC_SAY(sb, w, AC_W_OCC_EMPLOYMENT, grouped(o->employment.v, b1, sizeof b1));
		print_row_source(pg, o, oews, o->oews_code, o->oews_title);
	} else {
		LINE(pg, "  ", AC_W_OCC_EMPLOYMENT_UNKNOWN, oews);
	}
	if (o->median_wage.set) {
		char money[48];
		snprintf(money, sizeof money, "$%s", grouped(o->median_wage.v, b1, sizeof b1));
		sb_puts(sb, "  ");
		AC_SAY(sb, w, AC_W_OCC_WAGE, money);
		print_row_source(pg, o, oews, o->oews_code, NULL);
	} else {
		LINE(pg, "  ", AC_W_OCC_WAGE_UNKNOWN, oews);
	}
	if (o->growth_pct.set) {
		snprintf(b1, sizeof b1, "%+.1f%%", o->growth_pct.v);
		sb_puts(sb, "  ");
		AC_SAY(sb, w, AC_W_OCC_GROWTH, b1);
		print_row_source(pg, o, proj, o->projection_code, NULL);
	} else {
		LINE(pg, "  ", AC_W_OCC_GROWTH_UNKNOWN, proj);
	}
	if (o->education)
		LINE(pg, "  ", AC_W_OCC_EDUCATION, o->education, proj);
	if (o->job_zone) {
		/* "Job Zone Four: Considerable Preparation Needed" -> the part after the colon */
		const char *name = o->job_zone_name ? strchr(o->job_zone_name, ':') : NULL;
		name = name ? name + 1 + strspn(name + 1, " ") : o->job_zone_name;
		snprintf(b1, sizeof b1, "%d", o->job_zone);
		if (name)
			LINE(pg, "  ", AC_W_OCC_JOB_ZONE_NAMED, b1, name, onet);
		else
			LINE(pg, "  ", AC_W_OCC_JOB_ZONE, b1, onet);
	}
	snprintf(b1, sizeof b1, "%zu", o->n_tasks);
	sb_puts(sb, "\n");
	LINE(pg, "", AC_W_OCC_TASKS_1, b1, onet);
	line(pg, "  ", AC_W_OCC_TASKS_2, NULL, 0);
	LINE(pg, "  ", AC_W_OCC_TASKS_3, gpts);
	for (size_t i = 0; i < o->n_tasks; i++) {
		const ac_occ_task *t = &o->tasks[i];
		const char *cat = ac_enum_name(AC_ENUM_CATEGORY, t->category);
		int type = t->core    ? AC_W_OCC_TASK_CORE
			   : t->rated ? AC_W_OCC_TASK_SUPPLEMENTAL
				      : AC_W_OCC_TASK_NOT_RATED;
		char beta[16] = "  -", autom[16] = "  -", expo[48] = "  -";
		if (t->exposure.set && t->exposure_high.v - t->exposure_low.v >= 0.005)
			snprintf(expo, sizeof expo, "%.2f (%.2f-%.2f)", t->exposure.v, t->exposure_low.v,
				 t->exposure_high.v);
		else if (t->exposure.set)
			snprintf(expo, sizeof expo, "%.2f", t->exposure.v);
		if (t->beta.set)
			snprintf(beta, sizeof beta, "%.2f", t->beta.v);
		if (t->automation.set)
			snprintf(autom, sizeof autom, "%.2f", t->automation.v);
		sb_printf(sb, "  %-12s %s %-16s %s %-4s  %s %-4s  %-24s %s %ld\n      %s\n", ac_word(w, type),
			  ac_word(w, AC_W_OCC_TASK_EXPOSURE), expo, ac_word(w, AC_W_OCC_TASK_BETA), beta,
			  ac_word(w, AC_W_OCC_TASK_AUTOMATION), autom,
			  cat ? cat : ac_word(w, AC_W_OCC_TASK_NOT_CATEGORISED), ac_word(w, AC_W_OCC_TASK_ID),
			  t->task_id, t->statement);
	}
	if (info) {
		sb_puts(sb, "\n");
		line(pg, "", AC_W_OCC_SOURCES, NULL, 0);
		for (size_t i = 0; i < info->n_sources; i++) {
			sb_printf(sb, "  %s, %s (%s) %s", info->sources[i].title, info->sources[i].version,
				  info->sources[i].licence, info->sources[i].url);
			if (info->sources[i].missing) {
				sb_puts(sb, " ");
				ac_say(sb, w, AC_W_OCC_SOURCE_MISSING, NULL, 0);
			}
			sb_puts(sb, "\n");
		}
	}
}

/* ------------------------------------------------------------ either */

/* What `occupations search` (words, m, n) or `occupations show` (o, info,
 * groups) answers. */
typedef struct {
	const char *words;
	const ac_occ_match *m;
	size_t n;
	const ac_occupation *o; /* NULL for a search */
	const ac_occdata_info *info;
	const ac_task_groups *groups;
} answer;

static json_t *answer_json(const void *data)
{
	const answer *a = data;
	return a->o ? occupation_json(a->o, a->info, a->groups) : matches_json(a->words, a->m, a->n);
}

static void answer_text(strbuf *sb, const ac_wording *w, ac_format format, const void *data)
{
	const answer *a = data;
	(void)format;
	if (a->o) {
		const page pg = {sb, w};
		print_occupation(&pg, a->o, a->info);
	} else {
		matches_text(sb, w, a->words, a->m, a->n);
	}
}

ac_status ac_render_occupation_matches(const char *words, const ac_occ_match *m, size_t n, ac_format format, char **out,
				       size_t *len)
{
	const answer a = {.words = words, .m = m, .n = n};
	return ac_render_shown(format, 0, answer_json, answer_text, &a, out, len);
}

ac_status ac_render_occupation(const ac_occupation *o, const ac_occdata_info *info, const ac_task_groups *groups,
			       ac_format format, char **out, size_t *len)
{
	const answer a = {.o = o, .info = info, .groups = groups};
	return ac_render_shown(format, 0, answer_json, answer_text, &a, out, len);
}
