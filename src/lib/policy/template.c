/*
 * template.c — the policy's texts: {fact} is replaced by the fact's value,
 * {fact%} by a percentage, {fact:weeks}, {fact:hours} and {fact:money} by the
 * figure with its unit, {fact:up} by a number rounded up to a whole one and
 * {fact:exact} by a number as given; {threshold} is the policy's number.
 * Figures are written by figures.c, exactly as the report writes them.  A
 * text is compiled once, when the policy is read, into literal runs and fact
 * slots, so expanding it looks nothing up by name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "policy/figures.h"
#include "policy/policy.h"

#define MAX_NAME 80

enum { P_LITERAL, P_PLAIN, P_PERCENT, P_UP, P_EXACT, P_WEEKS, P_HOURS, P_MONEY, P_CONSTANT };

struct ac_tpart {
	int kind;
	size_t at, len; /* a literal run of the text */
	size_t slot; /* a fact */
	double value; /* a threshold */
};

static const struct {
	const char *name;
	int kind;
} formats[] = {{"up", P_UP}, {"exact", P_EXACT}, {"weeks", P_WEEKS}, {"hours", P_HOURS}, {"money", P_MONEY}};

static int add_part(ac_template *t, int kind, size_t at, size_t len, size_t slot)
{
	if (kind == P_LITERAL && t->n_parts && t->parts[t->n_parts - 1].kind == P_LITERAL) {
		t->parts[t->n_parts - 1].len += len; /* extend the run */
		return 1;
	}
	ac_tpart *p = realloc(t->parts, (t->n_parts + 1) * sizeof *p);
	if (!p)
		return 0;
	t->parts = p;
	p[t->n_parts++] = (ac_tpart){kind, at, len, slot, 0};
	return 1;
}

/* What stands between { and }: a fact name, then % or :FORMAT.  Returns the
 * part kind, or -1 after reporting the problem; 0 (a literal) when the braces
 * are empty or too long to hold a name. */
static int placeholder(const ac_site *at, const char *text, const char *c, const char *close, size_t *slot)
{
	size_t len = (size_t)(close - c - 1);
	const char *colon = memchr(c + 1, ':', len);
	int kind = P_PLAIN;
	size_t name_len = colon ? (size_t)(colon - c - 1) : len;
	if (!colon && len > 0 && c[len] == '%') {
		kind = P_PERCENT;
		name_len--;
	}
	if (name_len == 0 || name_len >= MAX_NAME)
		return P_LITERAL;
	int col = at->col + (int)(c - text);
	*slot = ac_policy_fact_find(at->pol, c + 1, name_len);
	int th = ac_threshold_find(c + 1, name_len);
	if (*slot == AC_NO_FACT && !colon && kind == P_PLAIN && th >= 0 && at->pol->threshold_set[th]) {
		*slot = (size_t)th;
		return P_CONSTANT;
	}
	if (*slot == AC_NO_FACT) {
		ac_diags_add(at->d, at->source, NULL, at->line, col, "the text uses {%.*s}, which is not a fact name",
			     (int)name_len, c + 1);
		return -1;
	}
	if (!colon)
		return kind;
	size_t flen = (size_t)(close - colon - 1);
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strlen(formats[i].name) == flen && strncmp(formats[i].name, colon + 1, flen) == 0) {
			int type;
			ac_policy_fact_name(at->pol, *slot, &type);
			if (type == AC_T_NUM)
				return formats[i].kind;
			ac_diags_add(at->d, at->source, NULL, at->line, col,
				     "the text uses {%.*s}, but ':%s' formats a number and '%.*s' is not one", (int)len,
				     c + 1, formats[i].name, (int)name_len, c + 1);
			return -1;
		}
	ac_diags_add(at->d, at->source, NULL, at->line, col,
		     "the text uses {%.*s}: unknown format ':%.*s' (expected ':weeks', ':hours', ':money', ':up' or "
		     "':exact')",
		     (int)len, c + 1, (int)flen, colon + 1);
	return -1;
}

int ac_template_compile(const ac_site *at, const char *text, ac_template *t)
{
	memset(t, 0, sizeof *t);
	t->text = strdup(text);
	int ok = t->text != NULL, oom = !ok;
	for (const char *c = text; *c && !oom;) {
		const char *close = *c == '{' ? strchr(c, '}') : NULL;
		size_t slot = 0;
		int kind = close ? placeholder(at, text, c, close, &slot) : P_LITERAL;
		if (kind == P_LITERAL || kind < 0) {
			/* A problem is reported; keep reading for more. */
			ok &= kind == P_LITERAL;
			/* Up to the next brace, in one part. */
			size_t run = 1 + strcspn(c + 1, "{");
			oom = !add_part(t, P_LITERAL, (size_t)(c - text), run, 0);
			c += run;
			continue;
		}
		oom = !add_part(t, kind, 0, 0, kind == P_CONSTANT ? 0 : slot);
		if (!oom && kind == P_CONSTANT)
			t->parts[t->n_parts - 1].value = at->pol->thresholds[slot];
		c = close + 1;
	}
	if (oom) {
		*at->nomem = 1;
		ac_diags_add(at->d, at->source, NULL, at->line, at->col, "out of memory");
	}
	if (oom) {
		ac_template_free(t);
	} else if (!ok) { /* keep the text: the setting was given, if wrongly */
		free(t->parts);
		t->parts = NULL;
		t->n_parts = 0;
	}
	return ok && !oom;
}

void ac_template_free(ac_template *t)
{
	free(t->text);
	free(t->parts);
	memset(t, 0, sizeof *t);
}

int ac_template_append(strbuf *sb, const ac_template *t, const ac_val *facts, const ac_wording *w)
{
	/* Room for the literal runs and a short figure or word for each fact,
	 * so that most texts are written without the buffer growing again. */
	size_t room = 0;
	for (size_t i = 0; i < t->n_parts; i++)
		room += t->parts[i].kind == P_LITERAL ? t->parts[i].len : 24;
	if (!sb_room(sb, room))
		return -1;
	for (size_t i = 0; i < t->n_parts; i++) {
		const ac_tpart *p = &t->parts[i];
		if (p->kind == P_LITERAL) {
			sb_putn(sb, t->text + p->at, p->len);
			continue;
		}
		if (p->kind == P_CONSTANT) {
			ac_fig_number(sb, p->value);
			continue;
		}
		const ac_val *v = &facts[p->slot];
		if (v->type == AC_T_STR)
			sb_puts(sb, v->known && v->s ? v->s : ac_word(w, AC_W_VALUE_NOT_GIVEN));
		else if (v->type == AC_T_BOOL)
			sb_puts(sb, ac_word(w, v->b == AC_TRUE    ? AC_W_VALUE_YES
					       : v->b == AC_FALSE ? AC_W_VALUE_NO
								  : AC_W_VALUE_UNKNOWN));
		else if (!v->known)
			sb_puts(sb, ac_word(w, AC_W_VALUE_UNKNOWN));
		else if (p->kind == P_PERCENT)
			ac_fig_percent(sb, v->n);
		else if (p->kind == P_UP)
			sb_printf(sb, "%.0f", ac_fig_whole_weeks(v->n));
		else if (p->kind == P_EXACT)
			sb_printf(sb, "%g", v->n);
		else if (p->kind == P_WEEKS)
			ac_fig_weeks(sb, w, v->n);
		else if (p->kind == P_HOURS)
			ac_fig_hours(sb, w, v->n);
		else if (p->kind == P_MONEY)
			ac_fig_money(sb, v->n);
		else
			ac_fig_number(sb, v->n);
	}
	return sb->failed ? -1 : 0;
}

char *ac_template_expand(const ac_template *t, const ac_val *facts, const ac_wording *w)
{
	strbuf sb;
	sb_init(&sb);
	ac_template_append(&sb, t, facts, w);
	return sb_take(&sb, NULL);
}
