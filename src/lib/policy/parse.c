/*
 * parse.c — reads a policy file: a line-oriented text a coach can edit.
 *
 *   name = default                 top-level settings                          parse.c
 *   [thresholds]                   named numbers                               tables.c
 *   [category routine_admin]       one per task category                       tables.c
 *   [phase 2]                      when the organisation is in phase 2         judgements.c
 *   [motive credential_signal]     when a reason for certifying is valid       judgements.c
 *   [derive structural]            a named fact defined by an expression       verdict.c
 *   [rule industry_compression]    verdict rules, first match decides          verdict.c
 *   [flag reporting_heavy]         flags shown beside the verdict              verdict.c
 *   [class exposed]                the exposure class, first match             judgements.c
 *   [positioning]                  offensive, defensive, ...: first match      judgements.c
 *   [condition leverage_possible]  whether one of the four holds, and why      judgements.c
 *   [question capability_gap]      the answer to one of the five questions     judgements.c
 *   [timing phase]                 one reason about the timing                 judgements.c
 *   [what_changes]                 the answers varied to find what changes it  changes.c
 *   [alternative role_redesign]    how each path is scored and explained       verdict.c
 *   [domain ml_engineering]        words that tie a named gap to a domain      tables.c
 *   [gwa]                          O*NET work activity -> task category        tables.c
 *   [compare]                      how `aicert compare` ranks certificates     tables.c
 *
 * This file reads the lines and the section headers, hands each setting to
 * its section, and reports every problem with its line and column; a policy
 * with any problem is refused whole (AC_ENOMEM when memory ran out, else
 * AC_EINPUT).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "policy/reader.h"

#define MAX_POLICY_BYTES (1024 * 1024)
#define MAX_LINE 4096

/* ------------------------------------------------------------ top level */

static void top_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	if (strcmp(key, "name") == 0)
		ac_reader_text(r, &p->name, key, value, key_col, value_col);
	else if (strcmp(key, "version") == 0)
		ac_reader_text(r, &p->version, key, value, key_col, value_col);
	else if (strcmp(key, "description") == 0)
		ac_reader_text(r, &p->description, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "name, version or description (or a [section])");
}

/* What is missing is reported at the section that should hold it, or else at
 * the last line: the file ended without it. */
static void top_complete(reader *r)
{
	if (!r->pol->name)
		ac_reader_error(r, 0, "the policy has no 'name = ...' line");
	if (!r->pol->version)
		ac_reader_error(r, 0, "the policy has no 'version = ...' line");
}

static const ac_section_kind sec_top = {"", 0, NULL, top_assign, top_complete, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ the file */

/* Every kind of section, in the order problems of completeness are reported. */
static const ac_section_kind *const kinds[] = {
	&ac_sec_thresholds, &ac_sec_category, &ac_sec_phase,        &ac_sec_motive,      &ac_sec_derive,
	&ac_sec_rule,       &ac_sec_flag,     &ac_sec_class,        &ac_sec_positioning, &ac_sec_condition,
	&ac_sec_question,   &ac_sec_timing,   &ac_sec_what_changes, &ac_sec_alternative, &ac_sec_domain,
	&ac_sec_gwa,        &ac_sec_compare,  &ac_sec_fit,          &ac_sec_preparation,
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

/* "a, b or c": the kinds of section, for the message about an unknown one. */
static void kind_list(strbuf *sb)
{
	for (size_t k = 0; k < N_KINDS; k++)
		sb_printf(sb, "%s%s", k == 0 ? "" : k + 1 == N_KINDS ? " or " : ", ", kinds[k]->name);
}

/* head is the text between [ and ], starting at column col. */
static void open_section(reader *r, char *head, int col)
{
	char *arg = strchr(head, ' ');
	if (arg) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	}
	size_t k;
	for (k = 0; k < N_KINDS; k++)
		if (strcmp(kinds[k]->name, head) == 0)
			break;
	ac_reader_refuse(r);
	if (k == N_KINDS) {
		strbuf list;
		sb_init(&list);
		kind_list(&list);
		ac_reader_error(r, col, "unknown section [%s]; expected %s", head, list.buf ? list.buf : "");
		sb_free(&list);
		return;
	}
	if (kinds[k]->needs_arg != (arg && *arg)) {
		if (kinds[k]->needs_arg)
			ac_reader_error(r, col, "[%s] needs a name, e.g. [%s some_name]", head, head);
		else
			ac_reader_error(r, col, "[%s] takes no name", head);
		return;
	}
	r->sec = kinds[k];
	r->stage = kinds[k]->stage;
	r->idx = 0;
	r->head_col = col;
	snprintf(r->head, sizeof r->head, "%s%s%s", head, arg && *arg ? " " : "", arg && *arg ? arg : "");
	ac_reader_note(r, NULL);
	if (kinds[k]->open)
		kinds[k]->open(r, arg ? arg : "", arg ? col + (int)(arg - head) : col);
}

/* Whether setting key may be given more than once in a section of kind k. */
static int repeatable(const ac_section_kind *k, const char *key)
{
	size_t n = strlen(key);
	if (n > 3 && strcmp(key + n - 3, "_if") == 0)
		return 1;
	for (const char *const *s = k->repeatable; s && *s; s++)
		if (strcmp(*s, "*") == 0 || strcmp(*s, key) == 0)
			return 1;
	return 0;
}

/* One line without its newline: a comment, a section header or a setting. */
static void read_line(reader *r, char *line)
{
	char *s = line;
	while (*s == ' ' || *s == '\t')
		s++;
	for (char *e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t');)
		*--e = '\0';
	if (!*s || *s == '#')
		return;
	int col = (int)(s - line) + 1;
	if (*s == '[') {
		char *close = strchr(s, ']');
		const char *after = close ? close + 1 : NULL;
		while (after && (*after == ' ' || *after == '\t'))
			after++;
		/* "[phase 2]   # why": a comment may follow a header too. */
		if (after && *after == '#' && after > close + 1)
			close[1] = '\0';
		if (!close || close[1]) {
			ac_reader_error(r, col, "a section header must look like [kind name]");
			ac_reader_refuse(r);
			return;
		}
		*close = '\0';
		open_section(r, s + 1, col + 1);
		return;
	}
	char *eq = strchr(s, '=');
	if (!eq) {
		ac_reader_error(r, col, "expected 'setting = value', found '%s'", s);
		return;
	}
	char *key = s, *value = eq + 1;
	*eq = '\0';
	for (char *e = eq; e > key && (e[-1] == ' ' || e[-1] == '\t');)
		*--e = '\0';
	while (*value == ' ' || *value == '\t')
		value++;
	/* A '#' after a space or a tab starts a comment to the end of the line
	 * ("share = 0.60   # why"); a value never holds " #". */
	for (char *c = strchr(value, '#'); c; c = strchr(c + 1, '#'))
		if (c > value && (c[-1] == ' ' || c[-1] == '\t')) {
			*c = '\0';
			for (char *e = c; e > value && (e[-1] == ' ' || e[-1] == '\t');)
				*--e = '\0';
			break;
		}
	if (!*key) {
		ac_reader_error(r, col, "a line starts with '='");
		return;
	}
	if (!*value) {
		ac_reader_error(r, (int)(eq - line) + 1, "'%s' has no value", key);
		return;
	}
	if (!r->sec)
		return;
	int first = ac_reader_first_line(r, key);
	if (first && !repeatable(r->sec, key)) {
		ac_reader_twice(r, col, key);
		return;
	}
	ac_reader_note(r, key);
	r->sec->assign(r, key, value, col, (int)(value - line) + 1);
}

static void check_complete(reader *r)
{
	r->line = r->eof_line;
	top_complete(r);
	for (size_t k = 0; k < N_KINDS; k++)
		if (kinds[k]->complete) {
			kinds[k]->complete(r);
			r->line = r->eof_line;
		}
}

/* Every question [what_changes] lists is asked in the wording's words, and
 * every one marked as the person's own has its action. */
static ac_status words_for_questions(reader *r)
{
	const ac_what_changes_policy *w = &r->pol->what_changes;
	r->line = w->line;
	for (size_t i = 0; i < w->n_fields; i++) {
		const ac_question_field *q = &w->fields[i];
		if (!ac_wording_has_path(r->pol->wording, AC_WP_ASK, q->path))
			ac_reader_error(r, 0, "[what_changes] lists %s, but the wording has no 'ask.%s' to ask it with",
					q->path, q->path);
		if (q->yours && !ac_wording_has_path(r->pol->wording, AC_WP_DO, q->path))
			ac_reader_error(r, 0,
					"[what_changes] makes %s the person's own, but the wording has no 'do.%s'",
					q->path, q->path);
	}
	return r->failed ? AC_EINPUT : AC_OK;
}

void ac_policy_free(ac_policy *p)
{
	if (!p || p->from_image)
		return;
	free(p->text);
	free(p->name);
	free(p->version);
	free(p->description);
	for (int c = 0; c <= AC_CAT__COUNT; c++)
		free(p->categories[c].covers);
	for (int d = 0; d <= AC_DOM__COUNT; d++)
		free(p->domain_keywords[d]);
	ac_verdict_free(p);
	ac_judgements_free(p);
	ac_policy_what_changes_free(p);
	for (size_t i = 0; i < p->n_gwa; i++)
		free(p->gwa_ids[i]);
	free(p->gwa_ids);
	free(p->gwa_cats);
	for (size_t i = 0; i < p->n_compare_keys; i++)
		free(p->compare_keys[i]);
	free(p->compare_keys);
	free(p->compare_statement);
	for (size_t i = 0; i < p->n_exprs; i++)
		free(p->all_exprs[i]);
	free(p->all_exprs);
	free(p);
}

ac_status ac_policy_parse(const char *text, size_t len, const char *source, ac_policy **out, ac_diags *diags)
{
	*out = NULL;
	if (!source)
		source = "policy";
	ac_status st = ac_text_check(text, len, MAX_POLICY_BYTES, source, "a policy", diags);
	if (st != AC_OK)
		return st;
	ac_policy *p = calloc(1, sizeof *p);
	if (!p)
		return ac_diags_oom(diags, source, "reading the policy");
	reader r = {.pol = p, .d = diags, .source = source, .sec = &sec_top, .stage = AC_STAGE_AFTER};
	char line[MAX_LINE + 2];
	size_t pos = 0;
	while (pos < len && !r.nomem) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		r.line++;
		size_t n = end - pos;
		if (n > MAX_LINE) {
			ac_reader_error(&r, 0, "the line is longer than %d bytes", MAX_LINE);
			pos = end + 1;
			continue;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		read_line(&r, line);
	}
	r.eof_line = r.line;
	ac_reader_free_seen(&r);
	if (!r.failed)
		check_complete(&r);
	if (r.failed || r.nomem) {
		ac_policy_free(p);
		return r.nomem ? ac_diags_oom(diags, source, "reading the policy") : AC_EINPUT;
	}
	st = ac_verdict_index_reads(p) == AC_OK ? AC_OK : ac_diags_oom(diags, source, "reading the policy");
	if (st == AC_OK)
		st = ac_wording_builtin(&p->wording, diags);
	if (st == AC_OK)
		st = words_for_questions(&r);
	if (st == AC_OK && !(p->text = malloc(len + 1)))
		st = ac_diags_oom(diags, source, "reading the policy");
	if (st != AC_OK) {
		ac_policy_free(p);
		return st;
	}
	memcpy(p->text, text, len);
	p->text[len] = '\0';
	*out = p;
	return AC_OK;
}
