/*
 * expr.c — the policy's expression language: fact names, thresholds, numbers,
 * true/false/always, comparisons, and/or/not, 'known FACT', 'claimed X',
 * 'X otherwise Y' and parentheses, parsed into small trees and evaluated with
 * three-valued logic (an unanswered question is unknown, and so is every
 * condition that depends on it).  'known FACT' and 'claimed X' are never
 * unknown: a claim holds only when it was made.  Numbers compare exactly:
 * the engine computes shares with one division of raw sums, so a share
 * exactly at a threshold is at it.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

#define MAX_NAME 80

enum {
	OP_NUM,
	OP_BOOL,
	OP_FACT,
	OP_KNOWN,
	OP_CLAIMED,
	OP_NOT,
	OP_AND,
	OP_OR,
	OP_OTHERWISE,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE
};

struct ac_expr {
	int op;
	int type; /* result type */
	double num;
	ac_tri b;
	size_t fact;
	ac_expr *a, *b2;
};

typedef struct {
	const ac_site *at;
	const char *s, *p;
	int failed;
} parser;

static void perr(parser *ps, const char *fmt, const char *what)
{
	if (ps->failed)
		return;
	ps->failed = 1;
	const ac_site *at = ps->at;
	ac_diags_add(at->d, at->source, NULL, at->line, at->col + (int)(ps->p - ps->s), fmt, what);
}

/* Reports a problem found at position at of the text; NULL, for the caller
 * to return. */
static ac_expr *fail_at(parser *ps, const char *at, const char *fmt, const char *what)
{
	ps->p = at;
	perr(ps, fmt, what);
	return NULL;
}

static void out_of_memory(parser *ps)
{
	*ps->at->nomem = 1;
	perr(ps, "%s", "out of memory");
}

static ac_expr *node(parser *ps, int op, int type)
{
	ac_policy *pol = ps->at->pol;
	if (pol->n_exprs == pol->cap_exprs) {
		size_t cap = pol->cap_exprs ? pol->cap_exprs * 2 : 64;
		ac_expr **n = realloc(pol->all_exprs, cap * sizeof *n);
		if (!n) {
			out_of_memory(ps);
			return NULL;
		}
		pol->all_exprs = n;
		pol->cap_exprs = cap;
	}
	ac_expr *e = calloc(1, sizeof *e);
	if (!e) {
		out_of_memory(ps);
		return NULL;
	}
	e->op = op;
	e->type = type;
	pol->all_exprs[pol->n_exprs++] = e;
	return e;
}

/* A yes/no node of op over a (and b, NULL for an operator of one operand). */
static ac_expr *node_over(parser *ps, int op, ac_expr *a, ac_expr *b)
{
	ac_expr *e = node(ps, op, AC_T_BOOL);
	if (e) {
		e->a = a;
		e->b2 = b;
	}
	return e;
}

static void skip_ws(parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static int word_is(parser *ps, const char *w)
{
	size_t n = strlen(w);
	return strncmp(ps->p, w, n) == 0 && !(isalnum((unsigned char)ps->p[n]) || ps->p[n] == '_');
}

static ac_expr *parse_expr(parser *ps);
static ac_expr *parse_not(parser *ps);

/* A fact, a threshold or a constant, starting at a letter or '_'; a text
 * fact only after 'known' (allow_text). */
static ac_expr *parse_name(parser *ps, int allow_text)
{
	const ac_policy *pol = ps->at->pol;
	const char *start = ps->p;
	while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
		ps->p++;
	size_t len = (size_t)(ps->p - start);
	char name[MAX_NAME];
	if (len >= sizeof name)
		return fail_at(ps, start, "%s", "a name that is too long");
	memcpy(name, start, len);
	name[len] = '\0';
	if (strcmp(name, "true") == 0 || strcmp(name, "false") == 0 || strcmp(name, "always") == 0) {
		ac_expr *e = node(ps, OP_BOOL, AC_T_BOOL);
		if (e)
			e->b = name[0] == 'f' ? AC_FALSE : AC_TRUE;
		return e;
	}
	int t = ac_threshold_find(name, len);
	if (t >= 0) {
		if (!pol->threshold_set[t])
			return fail_at(ps, start, "threshold '%s' is used before [thresholds] sets it", name);
		ac_expr *e = node(ps, OP_NUM, AC_T_NUM);
		if (e)
			e->num = pol->thresholds[t];
		return e;
	}
	size_t slot = ac_policy_fact_find(pol, name, len);
	if (slot == AC_NO_FACT)
		return fail_at(
			ps, start,
			"unknown name '%s' (see 'aicert policy show --facts' for the names an expression may use)",
			name);
	int type;
	ac_policy_fact_name(pol, slot, &type);
	if (type == AC_T_STR && !allow_text)
		return fail_at(ps, start, "'%s' is a text fact and cannot be used in a condition", name);
	int stage = ac_fact_stage(slot);
	if (stage >= ps->at->stage) {
		static const char *const by[] = {"",
						 "by the [phase] sections",
						 "by the [motive] sections",
						 "as a derived fact",
						 "by the rules",
						 "by [positioning]"};
		char msg[MAX_NAME + 96];
		snprintf(msg, sizeof msg, "'%s' is decided later (%s), so it cannot be used here", name, by[stage]);
		return fail_at(ps, start, "%s", msg);
	}
	ac_expr *e = node(ps, OP_FACT, type);
	if (e)
		e->fact = slot;
	return e;
}

static ac_expr *parse_primary(parser *ps)
{
	skip_ws(ps);
	if (*ps->p == '(') {
		ps->p++;
		ac_expr *e = parse_expr(ps);
		skip_ws(ps);
		if (!e)
			return NULL;
		if (*ps->p != ')') {
			perr(ps, "expected ')' here, found %s", *ps->p ? "more text" : "the end of the line");
			return NULL;
		}
		ps->p++;
		return e;
	}
	if (isdigit((unsigned char)*ps->p) || (*ps->p == '-' && isdigit((unsigned char)ps->p[1])) || *ps->p == '.') {
		char *end;
		double v = strtod(ps->p, &end);
		if (end == ps->p || !isfinite(v)) {
			perr(ps, "%s", "a malformed number");
			return NULL;
		}
		ps->p = end;
		ac_expr *e = node(ps, OP_NUM, AC_T_NUM);
		if (e)
			e->num = v;
		return e;
	}
	if (isalpha((unsigned char)*ps->p) || *ps->p == '_')
		return parse_name(ps, 0);
	perr(ps, "expected a fact name, a number or '(' here, found %s",
	     *ps->p ? "something else" : "the end of the line");
	return NULL;
}

static ac_expr *parse_cmp(parser *ps)
{
	ac_expr *a = parse_primary(ps);
	if (!a)
		return NULL;
	skip_ws(ps);
	static const struct {
		const char *tok;
		int op;
	} ops[] = {{">=", OP_GE}, {"<=", OP_LE}, {"==", OP_EQ}, {"!=", OP_NE}, {">", OP_GT}, {"<", OP_LT}};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].tok);
		if (strncmp(ps->p, ops[i].tok, n) != 0)
			continue;
		const char *at = ps->p;
		ps->p += n;
		ac_expr *b = parse_primary(ps);
		if (!b)
			return NULL;
		if (a->type != AC_T_NUM || b->type != AC_T_NUM)
			return fail_at(ps, at, "'%s' compares numbers, but one side is a yes/no fact", ops[i].tok);
		return node_over(ps, ops[i].op, a, b);
	}
	return a;
}

static ac_expr *need_bool(parser *ps, ac_expr *e)
{
	if (e && e->type != AC_T_BOOL) {
		perr(ps, "%s", "a number where a yes/no condition is needed (compare it, e.g. 'x >= 2')");
		return NULL;
	}
	return e;
}

/* known FACT: whether the fact has a value (never unknown itself). */
static ac_expr *parse_known(parser *ps)
{
	ps->p += 5;
	skip_ws(ps);
	const char *at = ps->p;
	ac_expr *a = isalpha((unsigned char)*ps->p) || *ps->p == '_' ? parse_name(ps, 1) : NULL;
	if (!a && !ps->failed)
		perr(ps, "%s", "'known' takes a fact name, e.g. 'known cert_hours'");
	if (!a)
		return NULL;
	if (a->op != OP_FACT)
		return fail_at(ps, at, "%s", "'known' takes a fact name, not a constant or a threshold");
	return node_over(ps, OP_KNOWN, a, NULL);
}

/* 'not X' or 'claimed X' (op), the word already seen (len bytes). */
static ac_expr *parse_unary(parser *ps, int op, size_t len)
{
	ps->p += len;
	ac_expr *a = need_bool(ps, parse_not(ps));
	return a ? node_over(ps, op, a, NULL) : NULL;
}

static ac_expr *parse_not(parser *ps)
{
	skip_ws(ps);
	if (word_is(ps, "known"))
		return parse_known(ps);
	if (word_is(ps, "not"))
		return parse_unary(ps, OP_NOT, 3);
	if (word_is(ps, "claimed"))
		return parse_unary(ps, OP_CLAIMED, 7);
	return parse_cmp(ps);
}

static ac_expr *parse_binary(parser *ps, const char *word, int op, ac_expr *(*sub)(parser *))
{
	ac_expr *a = sub(ps);
	for (;;) {
		if (!a)
			return NULL;
		skip_ws(ps);
		if (!word_is(ps, word))
			return a;
		if (!need_bool(ps, a))
			return NULL;
		ps->p += strlen(word);
		ac_expr *b = need_bool(ps, sub(ps));
		if (!b)
			return NULL;
		a = node_over(ps, op, a, b);
	}
}

static ac_expr *parse_and(parser *ps)
{
	return parse_binary(ps, "and", OP_AND, parse_not);
}

static ac_expr *parse_or(parser *ps)
{
	return parse_binary(ps, "or", OP_OR, parse_and);
}

/* 'X otherwise Y': the answer X when it is known, else Y. */
static ac_expr *parse_expr(parser *ps)
{
	return parse_binary(ps, "otherwise", OP_OTHERWISE, parse_or);
}

ac_expr *ac_expr_parse(const ac_site *at, const char *text)
{
	parser ps = {at, text, text, 0};
	ac_expr *e = need_bool(&ps, parse_expr(&ps));
	skip_ws(&ps);
	if (e && *ps.p) {
		perr(&ps, "unexpected %s after the condition (join conditions with 'and' or 'or')", "text");
		return NULL;
	}
	return ps.failed ? NULL : e;
}

int ac_expr_always(const ac_expr *e)
{
	return e && e->op == OP_BOOL && e->b == AC_TRUE;
}

int ac_expr_never(const ac_expr *e)
{
	return e && e->op == OP_BOOL && e->b == AC_FALSE;
}

/* ------------------------------------------------------------ evaluation */

ac_val ac_expr_eval(const ac_expr *e, const ac_val *facts)
{
	ac_val v = {0};
	switch (e->op) {
	case OP_NUM:
		v.type = AC_T_NUM;
		v.known = 1;
		v.n = e->num;
		return v;
	case OP_BOOL:
		v.type = AC_T_BOOL;
		v.b = e->b;
		return v;
	case OP_FACT: return facts[e->fact];
	case OP_KNOWN: {
		const ac_val *f = &facts[e->a->fact];
		v.type = AC_T_BOOL;
		v.b = ac_tri_of(f->type == AC_T_BOOL ? f->b != AC_UNKNOWN : f->type != 0 && f->known);
		return v;
	}
	case OP_NOT:
		v.type = AC_T_BOOL;
		v.b = ac_tri_not(ac_expr_truth(e->a, facts));
		return v;
	case OP_CLAIMED:
		v.type = AC_T_BOOL;
		v.b = ac_tri_of(ac_expr_truth(e->a, facts) == AC_TRUE);
		return v;
	case OP_OTHERWISE: {
		v.type = AC_T_BOOL;
		ac_tri a = ac_expr_truth(e->a, facts);
		v.b = a != AC_UNKNOWN ? a : ac_expr_truth(e->b2, facts);
		return v;
	}
	case OP_AND: {
		v.type = AC_T_BOOL;
		ac_tri a = ac_expr_truth(e->a, facts);
		/* Short-circuit: a false left side decides without the right. */
		v.b = a == AC_FALSE ? AC_FALSE : ac_tri_and(a, ac_expr_truth(e->b2, facts));
		return v;
	}
	case OP_OR: {
		v.type = AC_T_BOOL;
		ac_tri a = ac_expr_truth(e->a, facts);
		v.b = a == AC_TRUE ? AC_TRUE : ac_tri_or(a, ac_expr_truth(e->b2, facts));
		return v;
	}
	default: {
		v.type = AC_T_BOOL;
		ac_val a = ac_expr_eval(e->a, facts), b = ac_expr_eval(e->b2, facts);
		if (!a.known || !b.known) {
			v.b = AC_UNKNOWN;
			return v;
		}
		/* Exactly: a share is one division of raw sums (engine.c), so a
		 * share at a threshold equals it. */
		int r = 0;
		switch (e->op) {
		case OP_LT: r = a.n < b.n; break;
		case OP_LE: r = a.n <= b.n; break;
		case OP_GT: r = a.n > b.n; break;
		case OP_GE: r = a.n >= b.n; break;
		case OP_EQ: r = a.n == b.n; break;
		case OP_NE: r = a.n != b.n; break;
		}
		v.b = ac_tri_of(r);
		return v;
	}
	}
}

/* A number a comparison compares, as ac_expr_eval gives it: 1 when it is
 * known, with its value in *x. */
static int number_of(const ac_expr *e, const ac_val *facts, double *x)
{
	if (e->op == OP_NUM) {
		*x = e->num;
		return 1;
	}
	if (e->op == OP_FACT) {
		*x = facts[e->fact].n;
		return facts[e->fact].known;
	}
	ac_val v = ac_expr_eval(e, facts);
	*x = v.n;
	return v.known;
}

/* The truth of a fact, or of "not" a fact, without a call: most sides of
 * 'and', 'or' and 'otherwise' are one. */
static ac_tri side_truth(const ac_expr *e, const ac_val *facts)
{
	if (e->op == OP_FACT)
		return facts[e->fact].type == AC_T_BOOL ? facts[e->fact].b : AC_UNKNOWN;
	if (e->op == OP_NOT && e->a->op == OP_FACT)
		return ac_tri_not(facts[e->a->fact].type == AC_T_BOOL ? facts[e->a->fact].b : AC_UNKNOWN);
	return ac_expr_truth(e, facts);
}

/* The same answer as ac_expr_eval's, without making a value at each step:
 * rules are evaluated once per what-if variant.  The right side of 'and',
 * 'or' and 'otherwise', when the left leaves the answer to it, is followed
 * in the same call. */
ac_tri ac_expr_truth(const ac_expr *e, const ac_val *facts)
{
	for (;;) {
		switch (e->op) {
		case OP_BOOL: return e->b;
		case OP_NUM: return AC_UNKNOWN;
		case OP_FACT: return facts[e->fact].type == AC_T_BOOL ? facts[e->fact].b : AC_UNKNOWN;
		case OP_KNOWN: {
			const ac_val *f = &facts[e->a->fact];
			return ac_tri_of(f->type == AC_T_BOOL ? f->b != AC_UNKNOWN : f->type != 0 && f->known);
		}
		case OP_NOT: return ac_tri_not(side_truth(e->a, facts));
		case OP_CLAIMED: return ac_tri_of(side_truth(e->a, facts) == AC_TRUE);
		case OP_OTHERWISE: {
			ac_tri a = side_truth(e->a, facts);
			if (a != AC_UNKNOWN)
				return a;
			e = e->b2;
			continue;
		}
		case OP_AND: {
			ac_tri a = side_truth(e->a, facts);
			if (a == AC_FALSE)
				return AC_FALSE;
			if (a == AC_UNKNOWN)
				return ac_tri_and(a, side_truth(e->b2, facts));
			e = e->b2; /* true and b is b */
			continue;
		}
		case OP_OR: {
			ac_tri a = side_truth(e->a, facts);
			if (a == AC_TRUE)
				return AC_TRUE;
			if (a == AC_UNKNOWN)
				return ac_tri_or(a, side_truth(e->b2, facts));
			e = e->b2; /* false or b is b */
			continue;
		}
		default: {
			double x, y;
			if (!number_of(e->a, facts, &x) || !number_of(e->b2, facts, &y))
				return AC_UNKNOWN;
			/* Exactly, as ac_expr_eval compares. */
			switch (e->op) {
			case OP_LT: return ac_tri_of(x < y);
			case OP_LE: return ac_tri_of(x <= y);
			case OP_GT: return ac_tri_of(x > y);
			case OP_GE: return ac_tri_of(x >= y);
			case OP_EQ: return ac_tri_of(x == y);
			default: return ac_tri_of(x != y);
			}
		}
		}
	}
}

typedef struct {
	unsigned char *seen;
	void (*fn)(size_t slot, void *ctx);
	void *ctx;
} walk;

static void collect(const ac_expr *e, walk *w)
{
	if (!e)
		return;
	if (e->op == OP_FACT && !w->seen[e->fact]) {
		w->seen[e->fact] = 1;
		w->fn(e->fact, w->ctx);
	}
	collect(e->a, w);
	collect(e->b2, w);
}

void ac_expr_facts(const ac_expr *e, void (*fn)(size_t slot, void *ctx), void *ctx)
{
	/* Every slot a policy can have (policy.h). */
	unsigned char seen[AC_RULE_FACTS + 2 * AC_POLICY_MAX_ITEMS] = {0};
	walk w = {seen, fn, ctx};
	collect(e, &w);
}

const ac_choice *ac_choose(const ac_choices *c, const ac_val *facts)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].when && ac_expr_truth(c->items[i].when, facts) == AC_TRUE)
			return &c->items[i];
	for (size_t i = 0; i < c->n; i++)
		if (!c->items[i].when)
			return &c->items[i];
	return NULL;
}
