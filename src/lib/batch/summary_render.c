/*
 * summary_render.c — the team summary as a report: one walk over the figures
 * that hands each block to a writer, the renderers' Markdown or HTML writer,
 * with a bar chart of the exposure distribution (text bars in Markdown, the
 * HTML writer's inline SVG chart in HTML).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/summary.h"
#include "render/render.h"

/* The cells of one table, made as the walk goes. */
typedef struct {
	char **v;
	size_t n, cap;
	int oom;
} cells;

static void cell(cells *c, const char *fmt, ...)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		char **grown = realloc(c->v, cap * sizeof *grown);
		if (!grown) {
			c->oom = 1;
			return;
		}
		c->v = grown;
		c->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	strbuf sb;
	sb_init(&sb);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	char *s = sb_take(&sb, NULL);
	if (!s)
		c->oom = 1;
	else
		c->v[c->n++] = s;
}

static void cells_free(cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* A blank line between blocks (Markdown needs it; HTML ignores it). */
static void sep(rw_out *o)
{
	if (o->out->len)
		sb_puts(o->out, "\n");
}

static void heading(const rw_writer *w, rw_out *o, const char *text)
{
	sep(o);
	w->heading(o, text);
}

static void para(const rw_writer *w, rw_out *o, const char *text)
{
	sep(o);
	w->para(o, text);
}

/* Writes the table whose cells c holds (ncols per row) and empties c. */
static void table(const rw_writer *w, rw_out *o, cells *c, const char *const *head, const int *right, size_t ncols)
{
	rw_table t = {ncols, c->n / ncols, head, (const char *const *)c->v, right};
	if (!c->oom && t.nrows) {
		sep(o);
		w->table(o, &t);
	}
	int oom = c->oom;
	cells_free(c);
	c->oom = oom;
}

static const char *verdict_words(int v, char *buf, size_t n)
{
	return batch_words(ac_enum_name(AC_ENUM_VERDICT, v), buf, n);
}

static double share(unsigned long long part, unsigned long long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0;
}

/* A bar of up to 30 blocks for part of max. */
static const char *bar(unsigned long long part, unsigned long long max, char *buf, size_t n)
{
	size_t blocks = max ? (size_t)((30 * part + max - 1) / max) : 0, k = 0;
	static const char block[] = "\xe2\x96\x88"; /* U+2588 FULL BLOCK */
	for (size_t i = 0; i < blocks && k + 4 < n; i++, k += 3)
		memcpy(buf + k, block, 3);
	buf[k] = '\0';
	return buf;
}

/* ------------------------------------------------------------ the walk */

static void overview(const ac_batch_summary *s, const rw_writer *w, rw_out *o)
{
	char buf[512];
	w->title(o, "Team summary");
	snprintf(buf, sizeof buf, "%llu %s read: %llu assessed, %llu could not be read.", s->records,
		 s->records == 1 ? "profile" : "profiles", s->assessed, s->failed);
	para(w, o, buf);
	snprintf(buf, sizeof buf, "Decided by the policy \"%s\", version %s.", s->policy_name ? s->policy_name : "?",
		 s->policy_version ? s->policy_version : "?");
	para(w, o, buf);
	if (!s->include_labels)
		para(w, o,
		     "Names, job titles and anything else people wrote in their own words are left out of "
		     "this report.");
}

static void verdicts(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"verdict", "people", "share", ""};
	static const int right[] = {0, 1, 1, 0};
	char v[64], b[128];
	unsigned long long max = 0;
	heading(w, o, "Verdicts");
	for (int i = 1; i <= 4; i++)
		max = s->by_verdict[i] > max ? s->by_verdict[i] : max;
	for (int i = 1; i <= 4; i++) {
		cell(c, "%s", verdict_words(i, v, sizeof v));
		cell(c, "%llu", s->by_verdict[i]);
		cell(c, "%.0f %%", share(s->by_verdict[i], s->assessed));
		cell(c, "%s", bar(s->by_verdict[i], max, b, sizeof b));
	}
	table(w, o, c, head, right, 4);
}

static int by_count(const void *x, const void *y)
{
	const summary_reason *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	if (a->verdict != b->verdict)
		return a->verdict - b->verdict;
	return strcmp(a->id, b->id);
}

static void reasons(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"what decided it", "verdict", "people"};
	static const int right[] = {0, 0, 1};
	char r[128], v[64];
	if (!s->n_reasons)
		return;
	heading(w, o, "What decided the verdicts");
	summary_reason *sorted = malloc(s->n_reasons * sizeof *sorted);
	if (!sorted) {
		c->oom = 1;
		return;
	}
	memcpy(sorted, s->reasons, s->n_reasons * sizeof *sorted);
	qsort(sorted, s->n_reasons, sizeof *sorted, by_count);
	for (size_t i = 0; i < s->n_reasons; i++) {
		cell(c, "%s", batch_words(sorted[i].id, r, sizeof r));
		cell(c, "%s", verdict_words(sorted[i].verdict, v, sizeof v));
		cell(c, "%llu", sorted[i].n);
	}
	if (s->other_reasons) {
		cell(c, "other reasons");
		cell(c, "");
		cell(c, "%llu", s->other_reasons);
	}
	free(sorted);
	table(w, o, c, head, right, 3);
}

static void text_chart(rw_out *o, const char *const *labels, const unsigned long long *values, size_t n,
		       const char *caption);

/* A bar chart of counts: the writer's own when it draws charts, else bars
 * of text. */
static void count_chart(const rw_writer *w, rw_out *o, const char *const *labels, const unsigned long long *values,
			size_t n, const char *caption)
{
	enum { MAX_BARS = 16 };
	if (!w->chart || n > MAX_BARS) {
		text_chart(o, labels, values, n, caption);
		return;
	}
	rw_bar bars[MAX_BARS];
	char figures[MAX_BARS][24];
	unsigned long long max = 0;
	for (size_t i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	for (size_t i = 0; i < n; i++) {
		snprintf(figures[i], sizeof figures[i], "%llu", values[i]);
		bars[i] = (rw_bar){labels[i], figures[i], max ? (double)values[i] / (double)max : 0};
	}
	rw_chart c = {.kind = RW_CHART_BARS, .title = caption, .bars = bars, .n = n, .axis = {"", ""}};
	w->chart(o, &c);
}

static void exposure(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"exposure class", "people"};
	static const int right[] = {0, 1};
	static const char *const meaning[] = {"not known (no task mix)", "AI-exposed", "AI-pressured", "AI-leveraged"};
	heading(w, o, "Exposure to AI");
	for (int k = 1; k <= 4; k++) {
		cell(c, "%s", meaning[k % 4]);
		cell(c, "%llu", s->by_class[k % 4]);
	}
	table(w, o, c, head, right, 2);
	unsigned long long known = s->assessed - s->by_class[0];
	if (!known)
		return;
	char buf[256];
	snprintf(buf, sizeof buf,
		 "How much of each person's working time AI can compress (0 none of it, 1 all "
		 "of it), for the %llu people whose task mix is known; the mean is %.2f.",
		 known, s->score_sum / (double)known);
	para(w, o, buf);
	char labels[SUMMARY_BINS][16];
	const char *label_of[SUMMARY_BINS];
	for (int i = 0; i < SUMMARY_BINS; i++) {
		snprintf(labels[i], sizeof labels[i], "%.1f\xe2\x80\x93%.1f", i / 10.0, (i + 1) / 10.0);
		label_of[i] = labels[i];
	}
	sep(o);
	count_chart(w, o, label_of, s->bins, SUMMARY_BINS, "people by exposure score");
}

/* Fields by how many people left them unanswered, most first (ties in
 * schema order); at most ten. */
static void missing(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"question", "people who did not answer", "share"};
	static const int right[] = {0, 1, 1};
	size_t n = ac_schema_count(), shown = 0;
	char *used = calloc(n, 1);
	if (!used) {
		c->oom = 1;
		return;
	}
	for (; shown < 10; shown++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!used[i] && s->missing[i] && (best == n || s->missing[i] > s->missing[best]))
				best = i;
		if (best == n)
			break;
		used[best] = 1;
		if (!shown)
			heading(w, o, "Questions most often left unanswered");
		cell(c, "%s", ac_field_help(ac_schema_at(best)));
		cell(c, "%llu", s->missing[best]);
		cell(c, "%.0f %%", share(s->missing[best], s->assessed));
	}
	free(used);
	table(w, o, c, head, right, 3);
}

static void alternatives(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"best path instead of or beside a certificate", "people", "mean score"};
	static const int right[] = {0, 1, 1};
	char p[64];
	unsigned long long left[AC_PATH__COUNT + 1];
	memcpy(left, s->top_path, sizeof left);
	if (!s->assessed)
		return;
	heading(w, o, "The path that ranks first");
	for (;;) {
		int best = 0;
		for (int k = 1; k <= AC_PATH__COUNT; k++)
			if (left[k] && (!best || left[k] > left[best]))
				best = k;
		if (!best)
			break;
		left[best] = 0;
		cell(c, "%s", batch_words(ac_enum_name(AC_ENUM_PATH, best), p, sizeof p));
		cell(c, "%llu", s->top_path[best]);
		cell(c, "%.0f", (double)s->top_score[best] / (double)s->top_path[best]);
	}
	table(w, o, c, head, right, 3);
}

static void failures(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"line", "field", "problem"};
	static const int right[] = {1, 0, 0};
	char buf[256];
	if (!s->failed)
		return;
	heading(w, o, "Records that could not be read");
	snprintf(buf, sizeof buf,
		 "%llu %s could not be read. Each is in the output as an error record with "
		 "every problem; fix the field named and run again.",
		 s->failed, s->failed == 1 ? "record" : "records");
	para(w, o, buf);
	for (size_t i = 0; i < s->n_failures; i++) {
		const summary_failure *f = &s->failures[i];
		for (size_t k = 0; k < f->n; k++) {
			cell(c, "%ld", f->line);
			cell(c, "%s", f->where[k]);
			cell(c, "%s", f->what[k]);
		}
		if (f->more) {
			cell(c, "%ld", f->line);
			cell(c, "");
			cell(c, "and %zu more %s", f->more, f->more == 1 ? "problem" : "problems");
		}
	}
	table(w, o, c, head, right, 3);
	if (s->more_failures) {
		snprintf(buf, sizeof buf, "%llu more failed records are not listed here.", s->more_failures);
		para(w, o, buf);
	}
}

static void people(const ac_batch_summary *s, const rw_writer *w, rw_out *o, cells *c)
{
	static const char *const head[] = {"line", "label", "job title", "verdict", "what decided it"};
	static const int right[] = {1, 0, 0, 0, 0};
	char v[64], r[128];
	if (!s->include_labels || !s->n_people)
		return;
	heading(w, o, "People");
	for (size_t i = 0; i < s->n_people; i++) {
		const summary_person *p = &s->people[i];
		cell(c, "%ld", p->line);
		cell(c, "%s", p->label ? p->label : "");
		cell(c, "%s", p->title ? p->title : "");
		cell(c, "%s", verdict_words(p->verdict, v, sizeof v));
		cell(c, "%s", batch_words(p->reason, r, sizeof r));
	}
	table(w, o, c, head, right, 5);
	if (s->more_people) {
		char buf[128];
		snprintf(buf, sizeof buf, "%llu more people are not listed here.", s->more_people);
		para(w, o, buf);
	}
}

/* ------------------------------------------------------------ Markdown's chart */

/* A bar chart as a fenced block of text bars. */
static void text_chart(rw_out *o, const char *const *labels, const unsigned long long *values, size_t n,
		       const char *caption)
{
	unsigned long long max = 0;
	char b[128];
	for (size_t i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	sb_printf(o->out, "```text\n%s\n", caption);
	for (size_t i = 0; i < n; i++) {
		bar(values[i], max, b, sizeof b);
		sb_printf(o->out, "%s  %s%*s %llu\n", labels[i], b, (int)(30 - strlen(b) / 3), "", values[i]);
	}
	sb_puts(o->out, "```\n");
}

/* ------------------------------------------------------------ the report */

ac_status ac_batch_summary_render(const ac_batch_summary *s, ac_summary_format f, char **out, size_t *len)
{
	*out = NULL;
	if (f != AC_SUMMARY_MARKDOWN && f != AC_SUMMARY_HTML)
		return AC_EINPUT;
	const rw_writer *w = f == AC_SUMMARY_HTML ? ac_html_writer() : ac_markdown_writer();
	strbuf sb;
	sb_init(&sb);
	rw_out o = {.out = &sb};
	ac_render_options_resolve(NULL, &o.width, &o.color); /* 78 columns, no colour */
	cells c = {0};
	if (w->begin)
		w->begin(&o, "Team summary");
	overview(s, w, &o);
	verdicts(s, w, &o, &c);
	reasons(s, w, &o, &c);
	exposure(s, w, &o, &c);
	missing(s, w, &o, &c);
	alternatives(s, w, &o, &c);
	failures(s, w, &o, &c);
	people(s, w, &o, &c);
	if (w->end)
		w->end(&o);
	if (c.oom)
		sb.failed = 1;
	cells_free(&c);
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
