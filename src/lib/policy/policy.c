/*
 * policy.c — reads a policy file: a line-oriented text a coach can edit.
 *
 *   name = default                 top-level settings
 *   [thresholds]                   named numbers
 *   [category routine_admin]       one per task category
 *   [derive structural]            a named fact defined by an expression
 *   [rule industry_compression]    verdict rules, first match decides, in file order
 *   [flag reporting_heavy]         flags shown beside the verdict
 *   [alternative role_redesign]    how each path is scored and explained
 *   [domain ml_engineering]        words that tie a named gap to a domain
 *   [gwa]                          O*NET work activity -> task category
 *   [compare]                      how `aicert compare` ranks certificates
 *
 * Expressions use fact names, numbers, true/false, comparisons, and/or/not and
 * parentheses.  Every problem is reported with its line (and column inside an
 * expression); a policy with any problem is refused whole.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"
#include "core/strbuf.h"

extern const char ac_embedded_policy[];
extern const size_t ac_embedded_policy_len;

#define B AC_T_BOOL
#define N AC_T_NUM
#define S AC_T_STR
#define AC_FACT_ROW(id, name, type, desc) {name, type, desc},
const ac_fact_info ac_fact_table[AC_F__BUILTIN] = {AC_FACTS(AC_FACT_ROW)};
#undef AC_FACT_ROW
#undef B
#undef N
#undef S

#define AC_TH_ROW(id, name, desc) {name, desc},
static const struct {
	const char *name;
	const char *description;
} thresholds[AC_TH__COUNT] = {AC_THRESHOLDS(AC_TH_ROW)};
#undef AC_TH_ROW

#define MAX_POLICY_BYTES (1024 * 1024)
#define MAX_LINE 4096
#define MAX_ITEMS 256

/* ------------------------------------------------------------ expressions */

enum { OP_NUM, OP_BOOL, OP_FACT, OP_NOT, OP_AND, OP_OR, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE };

struct ac_expr {
	int op;
	int type; /* result type */
	double num;
	ac_tri b;
	size_t fact;
	ac_expr *a, *b2;
};

typedef struct {
	ac_policy *pol;
	ac_diags *d;
	const char *source;
	int line;
	int col0;   /* column of the expression's first character */
	const char *s, *p;
	int failed;
} parser;

static void perr(parser *ps, const char *fmt, const char *what)
{
	if (ps->failed)
		return;
	ps->failed = 1;
	ac_diags_add(ps->d, ps->source, NULL, ps->line, ps->col0 + (int)(ps->p - ps->s), fmt, what);
}

static ac_expr *node(parser *ps, int op, int type)
{
	ac_policy *pol = ps->pol;
	if (pol->n_exprs == pol->cap_exprs) {
		size_t cap = pol->cap_exprs ? pol->cap_exprs * 2 : 64;
		ac_expr **n = realloc(pol->all_exprs, cap * sizeof *n);
		if (!n) {
			perr(ps, "%s", "out of memory");
			return NULL;
		}
		pol->all_exprs = n;
		pol->cap_exprs = cap;
	}
	ac_expr *e = calloc(1, sizeof *e);
	if (!e) {
		perr(ps, "%s", "out of memory");
		return NULL;
	}
	e->op = op;
	e->type = type;
	pol->all_exprs[pol->n_exprs++] = e;
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

size_t ac_policy_fact_slots(const ac_policy *p)
{
	return AC_F__BUILTIN + p->n_derived;
}

const char *ac_policy_fact_name(const ac_policy *p, size_t i, int *type)
{
	if (i < AC_F__BUILTIN) {
		if (type)
			*type = ac_fact_table[i].type;
		return ac_fact_table[i].name;
	}
	if (type)
		*type = AC_T_BOOL;
	return p->derived[i - AC_F__BUILTIN].name;
}

static ac_expr *parse_or(parser *ps);

static ac_expr *parse_primary(parser *ps)
{
	skip_ws(ps);
	if (*ps->p == '(') {
		ps->p++;
		ac_expr *e = parse_or(ps);
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
	if (isalpha((unsigned char)*ps->p) || *ps->p == '_') {
		const char *start = ps->p;
		while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
			ps->p++;
		size_t len = (size_t)(ps->p - start);
		char name[80];
		if (len >= sizeof name) {
			ps->p = start;
			perr(ps, "%s", "a name that is too long");
			return NULL;
		}
		memcpy(name, start, len);
		name[len] = '\0';
		if (strcmp(name, "true") == 0 || strcmp(name, "false") == 0 || strcmp(name, "always") == 0) {
			ac_expr *e = node(ps, OP_BOOL, AC_T_BOOL);
			if (e)
				e->b = name[0] == 'f' ? AC_FALSE : AC_TRUE;
			return e;
		}
		for (int t = 0; t < AC_TH__COUNT; t++)
			if (strcmp(thresholds[t].name, name) == 0) {
				if (!ps->pol->threshold_set[t]) {
					ps->p = start;
					perr(ps, "threshold '%s' is used before [thresholds] sets it", name);
					return NULL;
				}
				ac_expr *e = node(ps, OP_NUM, AC_T_NUM);
				if (e)
					e->num = ps->pol->thresholds[t];
				return e;
			}
		size_t slots = ac_policy_fact_slots(ps->pol);
		for (size_t i = 0; i < slots; i++) {
			int type;
			const char *fname = ac_policy_fact_name(ps->pol, i, &type);
			if (strcmp(fname, name) == 0) {
				if (type == AC_T_STR) {
					ps->p = start;
					perr(ps, "'%s' is a text fact and cannot be used in a condition", name);
					return NULL;
				}
				ac_expr *e = node(ps, OP_FACT, type);
				if (e)
					e->fact = i;
				return e;
			}
		}
		ps->p = start;
		perr(ps, "unknown name '%s' (see 'aicert policy show --facts' for the names an expression may use)", name);
		return NULL;
	}
	perr(ps, "expected a fact name, a number or '(' here, found %s", *ps->p ? "something else" : "the end of the line");
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
		if (a->type != AC_T_NUM || b->type != AC_T_NUM) {
			const char *save = ps->p;
			ps->p = at;
			perr(ps, "'%s' compares numbers, but one side is a yes/no fact", ops[i].tok);
			ps->p = save;
			return NULL;
		}
		ac_expr *e = node(ps, ops[i].op, AC_T_BOOL);
		if (e) {
			e->a = a;
			e->b2 = b;
		}
		return e;
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

static ac_expr *parse_not(parser *ps)
{
	skip_ws(ps);
	if (word_is(ps, "not")) {
		ps->p += 3;
		ac_expr *a = need_bool(ps, parse_not(ps));
		if (!a)
			return NULL;
		ac_expr *e = node(ps, OP_NOT, AC_T_BOOL);
		if (e)
			e->a = a;
		return e;
	}
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
		ac_expr *e = node(ps, op, AC_T_BOOL);
		if (!e)
			return NULL;
		e->a = a;
		e->b2 = b;
		a = e;
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

static ac_expr *parse_condition(ac_policy *pol, ac_diags *d, const char *source, int line, int col,
				const char *text)
{
	parser ps = {pol, d, source, line, col, text, text, 0};
	ac_expr *e = need_bool(&ps, parse_or(&ps));
	skip_ws(&ps);
	if (e && *ps.p) {
		perr(&ps, "unexpected %s after the condition (join conditions with 'and' or 'or')", "text");
		return NULL;
	}
	return ps.failed ? NULL : e;
}

static ac_tri tri_not(ac_tri a)
{
	return a == AC_TRUE ? AC_FALSE : a == AC_FALSE ? AC_TRUE : AC_UNKNOWN;
}

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
	case OP_NOT:
		v.type = AC_T_BOOL;
		v.b = tri_not(ac_expr_truth(e->a, facts));
		return v;
	case OP_AND: {
		v.type = AC_T_BOOL;
		ac_tri a = ac_expr_truth(e->a, facts);
		if (a == AC_FALSE) {
			v.b = AC_FALSE;
			return v;
		}
		ac_tri b = ac_expr_truth(e->b2, facts);
		v.b = b == AC_FALSE ? AC_FALSE : (a == AC_TRUE && b == AC_TRUE) ? AC_TRUE : AC_UNKNOWN;
		return v;
	}
	case OP_OR: {
		v.type = AC_T_BOOL;
		ac_tri a = ac_expr_truth(e->a, facts);
		if (a == AC_TRUE) {
			v.b = AC_TRUE;
			return v;
		}
		ac_tri b = ac_expr_truth(e->b2, facts);
		v.b = b == AC_TRUE ? AC_TRUE : (a == AC_FALSE && b == AC_FALSE) ? AC_FALSE : AC_UNKNOWN;
		return v;
	}
	default: {
		v.type = AC_T_BOOL;
		ac_val a = ac_expr_eval(e->a, facts), b = ac_expr_eval(e->b2, facts);
		if (!a.known || !b.known) {
			v.b = AC_UNKNOWN;
			return v;
		}
		/* Shares are computed sums: compare with a tolerance so 0.6 >= 0.6 holds. */
		double diff = a.n - b.n, eps = 1e-9;
		int r = 0;
		switch (e->op) {
		case OP_LT: r = diff < -eps; break;
		case OP_LE: r = diff <= eps; break;
		case OP_GT: r = diff > eps; break;
		case OP_GE: r = diff >= -eps; break;
		case OP_EQ: r = fabs(diff) <= eps; break;
		case OP_NE: r = fabs(diff) > eps; break;
		}
		v.b = r ? AC_TRUE : AC_FALSE;
		return v;
	}
	}
}

ac_tri ac_expr_truth(const ac_expr *e, const ac_val *facts)
{
	ac_val v = ac_expr_eval(e, facts);
	return v.type == AC_T_BOOL ? v.b : AC_UNKNOWN;
}

static void collect(const ac_expr *e, unsigned char *seen, size_t *order, size_t *n)
{
	if (!e)
		return;
	if (e->op == OP_FACT && !seen[e->fact]) {
		seen[e->fact] = 1;
		order[(*n)++] = e->fact;
	}
	collect(e->a, seen, order, n);
	collect(e->b2, seen, order, n);
}

void ac_expr_facts(const ac_expr *e, void (*fn)(size_t slot, void *ctx), void *ctx)
{
	unsigned char seen[AC_F__BUILTIN + MAX_ITEMS] = {0};
	size_t order[AC_F__BUILTIN + MAX_ITEMS], n = 0;
	collect(e, seen, order, &n);
	for (size_t i = 0; i < n; i++)
		fn(order[i], ctx);
}

/* ------------------------------------------------------------ templates */

static void put_number(strbuf *sb, double x)
{
	if (fabs(x - round(x)) < 1e-9)
		sb_printf(sb, "%.0f", round(x));
	else
		sb_printf(sb, "%.2f", x);
}

char *ac_template_expand(const ac_policy *p, const char *tmpl, const ac_val *facts)
{
	strbuf sb;
	sb_init(&sb);
	for (const char *c = tmpl; *c;) {
		const char *close = *c == '{' ? strchr(c, '}') : NULL;
		if (!close) {
			sb_putn(&sb, c, 1);
			c++;
			continue;
		}
		char name[80];
		size_t len = (size_t)(close - c - 1);
		int percent = len > 0 && c[len] == '%';
		if (percent)
			len--;
		if (len == 0 || len >= sizeof name) {
			sb_putn(&sb, c, 1);
			c++;
			continue;
		}
		memcpy(name, c + 1, len);
		name[len] = '\0';
		size_t slots = ac_policy_fact_slots(p), i;
		for (i = 0; i < slots; i++)
			if (strcmp(ac_policy_fact_name(p, i, NULL), name) == 0)
				break;
		if (i == slots) { /* checked at parse time; keep text as is */
			sb_putn(&sb, c, 1);
			c++;
			continue;
		}
		const ac_val *v = &facts[i];
		if (v->type == AC_T_STR)
			sb_puts(&sb, v->known && v->s ? v->s : "(not given)");
		else if (v->type == AC_T_BOOL)
			sb_puts(&sb, v->b == AC_TRUE ? "yes" : v->b == AC_FALSE ? "no" : "unknown");
		else if (!v->known)
			sb_puts(&sb, "unknown");
		else if (percent)
			sb_printf(&sb, "%.0f%%", round(v->n * 100));
		else
			put_number(&sb, v->n);
		c = close + 1;
	}
	return sb_take(&sb, NULL);
}

/* Checks that every {name} in a template is a fact; col is the column of the
 * template's first character in its line. */
static int check_template(ac_policy *pol, ac_diags *d, const char *source, int line, int col, const char *t)
{
	int ok = 1;
	for (const char *c = strchr(t, '{'); c; c = strchr(c + 1, '{')) {
		const char *close = strchr(c, '}');
		if (!close)
			break;
		size_t len = (size_t)(close - c - 1);
		if (len && c[len] == '%')
			len--;
		char name[80];
		if (len == 0 || len >= sizeof name)
			continue;
		memcpy(name, c + 1, len);
		name[len] = '\0';
		size_t i, slots = ac_policy_fact_slots(pol);
		for (i = 0; i < slots; i++)
			if (strcmp(ac_policy_fact_name(pol, i, NULL), name) == 0)
				break;
		if (i == slots) {
			ac_diags_add(d, source, NULL, line, col + (int)(c - t),
				     "the text uses {%s}, which is not a fact name", name);
			ok = 0;
		}
	}
	return ok;
}

/* ------------------------------------------------------------ the file */

enum { SEC_TOP, SEC_THRESHOLDS, SEC_CATEGORY, SEC_DERIVE, SEC_RULE, SEC_FLAG, SEC_ALT, SEC_DOMAIN, SEC_GWA, SEC_COMPARE };

typedef struct {
	ac_policy *pol;
	ac_diags *d;
	const char *source;
	int line;
	int failed;
	int sec;
	int idx; /* category, path, domain, or index into rules/flags/derived */
	int vcol; /* column of the value being assigned */
	int thresholds_line; /* line of the [thresholds] header, 0 before it */
} reader;

static void rerr(reader *r, int col, const char *fmt, const char *a, const char *b)
{
	r->failed = 1;
	ac_diags_add(r->d, r->source, NULL, r->line, col, fmt, a, b);
}

static char *xstrdup(reader *r, const char *s)
{
	char *c = strdup(s);
	if (!c)
		rerr(r, 0, "%s%s", "out of memory", "");
	return c;
}

static int parse_number(const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x))
		return 0;
	*out = x;
	return 1;
}

static int grow(reader *r, void **arr, size_t *n, size_t size)
{
	if (*n >= MAX_ITEMS) {
		rerr(r, 0, "%s%s", "too many sections of this kind (at most 256)", "");
		return 0;
	}
	void *a = realloc(*arr, (*n + 1) * size);
	if (!a) {
		rerr(r, 0, "%s%s", "out of memory", "");
		return 0;
	}
	memset((char *)a + *n * size, 0, size);
	*arr = a;
	(*n)++;
	return 1;
}

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (const char *c = s; *c; c++)
		if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_'))
			return 0;
	return 1;
}

static void open_section(reader *r, char *head)
{
	char *arg = strchr(head, ' ');
	if (arg) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	}
	ac_policy *p = r->pol;
	static const struct {
		const char *name;
		int sec;
		int needs_arg;
	} kinds[] = {{"thresholds", SEC_THRESHOLDS, 0}, {"category", SEC_CATEGORY, 1}, {"derive", SEC_DERIVE, 1},
		     {"rule", SEC_RULE, 1}, {"flag", SEC_FLAG, 1}, {"alternative", SEC_ALT, 1},
		     {"domain", SEC_DOMAIN, 1}, {"gwa", SEC_GWA, 0}, {"compare", SEC_COMPARE, 0}};
	size_t k;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(kinds[k].name, head) == 0)
			break;
	if (k == sizeof kinds / sizeof kinds[0]) {
		rerr(r, 2, "unknown section [%s]; expected thresholds, category, derive, rule, flag, "
			   "alternative, domain, gwa or compare%s", head, "");
		r->sec = -1;
		return;
	}
	if (kinds[k].needs_arg != (arg && *arg)) {
		rerr(r, 2, kinds[k].needs_arg ? "[%s] needs a name, e.g. [%s some_name]" : "[%s] takes no name%s",
		     head, kinds[k].needs_arg ? head : "");
		r->sec = -1;
		return;
	}
	r->sec = kinds[k].sec;
	if (r->sec == SEC_THRESHOLDS && !r->thresholds_line)
		r->thresholds_line = r->line;
	switch (r->sec) {
	case SEC_CATEGORY:
		r->idx = ac_enum_value(AC_ENUM_CATEGORY, arg);
		if (!r->idx)
			rerr(r, 11, "unknown category '%s'; expected one of %s", arg, ac_enum_list(AC_ENUM_CATEGORY));
		else if (p->categories[r->idx].defined)
			rerr(r, 11, "category '%s' is defined twice%s", arg, "");
		else
			p->categories[r->idx].defined = 1;
		if (!r->idx)
			r->sec = -1;
		break;
	case SEC_ALT:
		r->idx = ac_enum_value(AC_ENUM_PATH, arg);
		if (!r->idx)
			rerr(r, 14, "unknown alternative '%s'; expected one of %s", arg, ac_enum_list(AC_ENUM_PATH));
		else if (p->alts[r->idx].defined)
			rerr(r, 14, "alternative '%s' is defined twice%s", arg, "");
		else
			p->alts[r->idx].defined = 1;
		if (!r->idx)
			r->sec = -1;
		break;
	case SEC_DOMAIN:
		r->idx = ac_enum_value(AC_ENUM_DOMAIN, arg);
		if (!r->idx) {
			rerr(r, 9, "unknown domain '%s'; expected one of %s", arg, ac_enum_list(AC_ENUM_DOMAIN));
			r->sec = -1;
		}
		break;
	case SEC_RULE:
	case SEC_FLAG:
	case SEC_DERIVE: {
		if (!valid_id(arg)) {
			rerr(r, 2, "'%s' is not a valid name (use lower-case letters, digits and _)%s", arg, "");
			r->sec = -1;
			return;
		}
		size_t slots = ac_policy_fact_slots(p);
		if (r->sec == SEC_DERIVE)
			for (size_t i = 0; i < slots; i++)
				if (strcmp(ac_policy_fact_name(p, i, NULL), arg) == 0) {
					rerr(r, 2, "[derive %s]: a fact with this name exists already%s", arg, "");
					r->sec = -1;
					return;
				}
		if (r->sec == SEC_RULE) {
			for (size_t i = 0; i < p->n_rules; i++)
				if (strcmp(p->rules[i].id, arg) == 0) {
					rerr(r, 2, "rule '%s' is defined twice%s", arg, "");
					r->sec = -1;
					return;
				}
			if (!grow(r, (void **)&p->rules, &p->n_rules, sizeof *p->rules))
				return;
			r->idx = (int)p->n_rules - 1;
			p->rules[r->idx].id = xstrdup(r, arg);
			p->rules[r->idx].line = r->line;
		} else if (r->sec == SEC_FLAG) {
			for (size_t i = 0; i < p->n_flags; i++)
				if (strcmp(p->flags[i].id, arg) == 0) {
					rerr(r, 2, "flag '%s' is defined twice%s", arg, "");
					r->sec = -1;
					return;
				}
			if (!grow(r, (void **)&p->flags, &p->n_flags, sizeof *p->flags))
				return;
			r->idx = (int)p->n_flags - 1;
			p->flags[r->idx].id = xstrdup(r, arg);
			p->flags[r->idx].line = r->line;
		} else {
			if (!grow(r, (void **)&p->derived, &p->n_derived, sizeof *p->derived))
				return;
			r->idx = (int)p->n_derived - 1;
			p->derived[r->idx].name = xstrdup(r, arg);
			p->derived[r->idx].line = r->line;
		}
		break;
	}
	default: break;
	}
}

static void set_text(reader *r, char **slot, const char *key, const char *value)
{
	if (*slot) {
		rerr(r, 1, "'%s' is set twice in this section%s", key, "");
		return;
	}
	*slot = xstrdup(r, value);
	if (*slot)
		check_template(r->pol, r->d, r->source, r->line, r->vcol, value) || (r->failed = 1);
}

static ac_expr *condition(reader *r, const char *value, int col)
{
	ac_expr *e = parse_condition(r->pol, r->d, r->source, r->line, col, value);
	if (!e)
		r->failed = 1;
	return e;
}

/* "weight | condition | text" */
static void alt_add(reader *r, ac_alt_policy *a, char *value, int col)
{
	char *bar1 = strchr(value, '|');
	char *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
	if (!bar2) {
		rerr(r, col, "expected 'add = WEIGHT | CONDITION | REASON', found '%s'%s", value, "");
		return;
	}
	*bar1 = *bar2 = '\0';
	char *w = value, *cond = bar1 + 1, *text = bar2 + 1;
	while (*cond == ' ')
		cond++;
	while (*text == ' ')
		text++;
	for (char *e = w + strlen(w); e > w && e[-1] == ' ';)
		*--e = '\0';
	for (char *e = cond + strlen(cond); e > cond && e[-1] == ' ';)
		*--e = '\0';
	double weight;
	if (!parse_number(w, &weight) || weight < -100 || weight > 100) {
		rerr(r, col, "the weight '%s' is not a number from -100 to 100%s", w, "");
		return;
	}
	if (!grow(r, (void **)&a->adds, &a->n_adds, sizeof *a->adds))
		return;
	ac_add *add = &a->adds[a->n_adds - 1];
	add->weight = weight;
	add->when = condition(r, cond, col + (int)(cond - value));
	add->text = xstrdup(r, text);
	if (add->text && !check_template(r->pol, r->d, r->source, r->line, col + (int)(text - value), text))
		r->failed = 1;
}

/* "condition | text" for a conditional first step; plain text for the default. */
static void alt_step(reader *r, ac_alt_policy *a, char *value, int col, int conditional)
{
	char *text = value;
	ac_expr *when = NULL;
	if (conditional) {
		char *bar = strchr(value, '|');
		if (!bar) {
			rerr(r, col, "expected 'first_step_if = CONDITION | STEP', found '%s'%s", value, "");
			return;
		}
		*bar = '\0';
		for (char *e = bar; e > value && e[-1] == ' ';)
			*--e = '\0';
		when = condition(r, value, col);
		text = bar + 1;
		while (*text == ' ')
			text++;
	}
	if (!grow(r, (void **)&a->steps, &a->n_steps, sizeof *a->steps))
		return;
	a->steps[a->n_steps - 1].when = when;
	a->steps[a->n_steps - 1].text = xstrdup(r, text);
	if (!check_template(r->pol, r->d, r->source, r->line, col + (int)(text - value), text))
		r->failed = 1;
}

static void unknown_key(reader *r, const char *key, const char *allowed)
{
	rerr(r, 1, "unknown setting '%s' here; expected %s", key, allowed);
}

static void assign(reader *r, char *key, char *value, int vcol)
{
	ac_policy *p = r->pol;
	double x;
	r->vcol = vcol;
	switch (r->sec) {
	case SEC_TOP:
		if (strcmp(key, "name") == 0)
			set_text(r, &p->name, key, value);
		else if (strcmp(key, "version") == 0)
			set_text(r, &p->version, key, value);
		else if (strcmp(key, "description") == 0)
			set_text(r, &p->description, key, value);
		else
			unknown_key(r, key, "name, version or description (or a [section])");
		return;
	case SEC_THRESHOLDS:
		for (int t = 0; t < AC_TH__COUNT; t++)
			if (strcmp(thresholds[t].name, key) == 0) {
				if (p->threshold_set[t])
					rerr(r, 1, "threshold '%s' is set twice%s", key, "");
				else if (!parse_number(value, &x) || x < 0)
					rerr(r, vcol, "threshold '%s': found '%s', expected a number of 0 or more", key, value);
				else {
					p->thresholds[t] = x;
					p->threshold_set[t] = 1;
				}
				return;
			}
		rerr(r, 1, "unknown threshold '%s' (see 'aicert policy show' for the list)%s", key, "");
		return;
	case SEC_CATEGORY: {
		ac_category_policy *c = &p->categories[r->idx];
		if (strcmp(key, "repeatable") == 0) {
			if (strcmp(value, "yes") == 0)
				c->repeatable = 1;
			else if (strcmp(value, "partly") == 0)
				c->partly = 1;
			else if (strcmp(value, "no") != 0)
				rerr(r, vcol, "repeatable: found '%s', expected yes, partly or no%s", value, "");
			c->defined |= 2; /* repeatable seen */
		} else if (strcmp(key, "exposure") == 0) {
			if (!parse_number(value, &x) || x < 0 || x > 1)
				rerr(r, vcol, "exposure: found '%s', expected a number from 0 to 1%s", value, "");
			else {
				c->exposure = x;
				c->defined |= 4;
			}
		} else if (strcmp(key, "covers") == 0)
			set_text(r, &c->covers, key, value);
		else
			unknown_key(r, key, "repeatable, exposure or covers");
		return;
	}
	case SEC_DERIVE:
		if (strcmp(key, "when") == 0 && !p->derived[r->idx].when)
			p->derived[r->idx].when = condition(r, value, vcol);
		else
			unknown_key(r, key, "one 'when' line");
		return;
	case SEC_RULE: {
		ac_rule *ru = &p->rules[r->idx];
		if (strcmp(key, "verdict") == 0) {
			ru->verdict = ac_enum_value(AC_ENUM_VERDICT, value);
			if (!ru->verdict)
				rerr(r, vcol, "verdict: found '%s', expected %s", value, ac_enum_list(AC_ENUM_VERDICT));
		} else if (strcmp(key, "when") == 0 && !ru->when)
			ru->when = condition(r, value, vcol);
		else if (strcmp(key, "because") == 0)
			set_text(r, &ru->because, key, value);
		else if (strcmp(key, "headline") == 0)
			set_text(r, &ru->headline, key, value);
		else
			unknown_key(r, key, "verdict, when, because or headline (each once)");
		return;
	}
	case SEC_FLAG: {
		ac_flag *f = &p->flags[r->idx];
		if (strcmp(key, "when") == 0 && !f->when)
			f->when = condition(r, value, vcol);
		else if (strcmp(key, "says") == 0)
			set_text(r, &f->says, key, value);
		else
			unknown_key(r, key, "when or says (each once)");
		return;
	}
	case SEC_ALT: {
		ac_alt_policy *a = &p->alts[r->idx];
		if (strcmp(key, "base") == 0) {
			if (!parse_number(value, &x) || x < 0 || x > 100)
				rerr(r, vcol, "base: found '%s', expected a number from 0 to 100%s", value, "");
			else
				a->base = x;
		} else if (strcmp(key, "add") == 0)
			alt_add(r, a, value, vcol);
		else if (strcmp(key, "why") == 0)
			set_text(r, &a->why_default, key, value);
		else if (strcmp(key, "first_step_if") == 0)
			alt_step(r, a, value, vcol, 1);
		else if (strcmp(key, "first_step") == 0)
			alt_step(r, a, value, vcol, 0);
		else
			unknown_key(r, key, "base, add, why, first_step_if or first_step");
		return;
	}
	case SEC_DOMAIN:
		if (strcmp(key, "keywords") == 0)
			set_text(r, &p->domain_keywords[r->idx], key, value);
		else
			unknown_key(r, key, "keywords");
		return;
	case SEC_GWA: {
		int cat = ac_enum_value(AC_ENUM_CATEGORY, value);
		if (!cat) {
			rerr(r, vcol, "found '%s', expected a task category: %s", value, ac_enum_list(AC_ENUM_CATEGORY));
			return;
		}
		for (size_t i = 0; i < p->n_gwa; i++)
			if (strcmp(p->gwa_ids[i], key) == 0) {
				rerr(r, 1, "work activity '%s' is mapped twice%s", key, "");
				return;
			}
		size_t n = p->n_gwa;
		if (!grow(r, (void **)&p->gwa_ids, &n, sizeof *p->gwa_ids))
			return;
		n = p->n_gwa;
		if (!grow(r, (void **)&p->gwa_cats, &n, sizeof *p->gwa_cats))
			return;
		p->gwa_ids[p->n_gwa] = xstrdup(r, key);
		p->gwa_cats[p->n_gwa] = cat;
		p->n_gwa++;
		return;
	}
	case SEC_COMPARE:
		if (strcmp(key, "statement") == 0)
			set_text(r, &p->compare_statement, key, value);
		else if (strcmp(key, "order") == 0 && !p->compare_keys) {
			static const char *const allowed[] = {"verdict", "gap_fit", "role_fit", "weeks", "cost_usd", "total_cost_usd"};
			char *save = NULL, *copy = xstrdup(r, value);
			if (!copy)
				return;
			for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
				size_t k;
				for (k = 0; k < sizeof allowed / sizeof allowed[0]; k++)
					if (strcmp(allowed[k], tok) == 0)
						break;
				if (k == sizeof allowed / sizeof allowed[0]) {
					rerr(r, vcol, "order: unknown key '%s'; expected verdict, gap_fit, role_fit, weeks, cost_usd or total_cost_usd%s", tok, "");
					break;
				}
				if (!grow(r, (void **)&p->compare_keys, &p->n_compare_keys, sizeof *p->compare_keys))
					break;
				p->compare_keys[p->n_compare_keys - 1] = xstrdup(r, tok);
			}
			free(copy);
		} else
			unknown_key(r, key, "order or statement (each once)");
		return;
	default: return; /* inside a section that was already refused */
	}
}

/* What is missing is reported at the section that should hold it, or else at
 * the last line: the file ended without it. */
static void check_complete(reader *r)
{
	ac_policy *p = r->pol;
	int eof = r->line;
	r->line = eof;
	if (!p->name)
		rerr(r, 0, "the policy has no 'name = ...' line%s%s", "", "");
	if (!p->version)
		rerr(r, 0, "the policy has no 'version = ...' line%s%s", "", "");
	r->line = r->thresholds_line ? r->thresholds_line : eof;
	for (int t = 0; t < AC_TH__COUNT; t++)
		if (!p->threshold_set[t])
			rerr(r, 0, "[thresholds] does not set '%s' (%s)", thresholds[t].name, thresholds[t].description);
	r->line = eof;
	for (int c = 1; c <= AC_CAT__COUNT; c++)
		if ((p->categories[c].defined & 7) != 7)
			rerr(r, 0, "[category %s] is missing or lacks 'repeatable' or 'exposure'%s",
			     ac_enum_name(AC_ENUM_CATEGORY, c), "");
	for (size_t i = 0; i < p->n_derived; i++)
		if (!p->derived[i].when) {
			r->line = p->derived[i].line;
			rerr(r, 0, "[derive %s] has no 'when' line%s", p->derived[i].name, "");
		}
	for (size_t i = 0; i < p->n_rules; i++) {
		ac_rule *ru = &p->rules[i];
		r->line = ru->line;
		if (!ru->verdict || !ru->when || !ru->because || !ru->headline)
			rerr(r, 0, "[rule %s] needs verdict, when, because and headline%s", ru->id, "");
	}
	r->line = eof;
	if (!p->n_rules)
		rerr(r, 0, "the policy has no [rule ...] sections%s%s", "", "");
	else if (p->rules[p->n_rules - 1].when &&
		 (p->rules[p->n_rules - 1].when->op != OP_BOOL || p->rules[p->n_rules - 1].when->b != AC_TRUE)) {
		r->line = p->rules[p->n_rules - 1].line;
		rerr(r, 0, "the last rule ('%s') must have 'when = always' so that every profile gets a verdict%s",
		     p->rules[p->n_rules - 1].id, "");
	}
	for (size_t i = 0; i < p->n_flags; i++)
		if (!p->flags[i].when || !p->flags[i].says) {
			r->line = p->flags[i].line;
			rerr(r, 0, "[flag %s] needs when and says%s", p->flags[i].id, "");
		}
	r->line = eof;
	for (int a = 1; a <= AC_PATH__COUNT; a++) {
		ac_alt_policy *al = &p->alts[a];
		int has_default = 0;
		for (size_t s = 0; s < al->n_steps; s++)
			has_default |= al->steps[s].when == NULL;
		if (!al->defined || !al->why_default || !has_default)
			rerr(r, 0, "[alternative %s] is missing, or lacks 'why' or a plain 'first_step'%s",
			     ac_enum_name(AC_ENUM_PATH, a), "");
	}
	if (!p->n_compare_keys || !p->compare_statement)
		rerr(r, 0, "[compare] needs 'order' and 'statement'%s%s", "", "");
}

void ac_policy_free(ac_policy *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->version);
	free(p->description);
	for (int c = 0; c <= AC_CAT__COUNT; c++)
		free(p->categories[c].covers);
	for (int d = 0; d <= AC_DOM__COUNT; d++)
		free(p->domain_keywords[d]);
	for (size_t i = 0; i < p->n_derived; i++)
		free(p->derived[i].name);
	free(p->derived);
	for (size_t i = 0; i < p->n_rules; i++) {
		free(p->rules[i].id);
		free(p->rules[i].because);
		free(p->rules[i].headline);
	}
	free(p->rules);
	for (size_t i = 0; i < p->n_flags; i++) {
		free(p->flags[i].id);
		free(p->flags[i].says);
	}
	free(p->flags);
	for (int a = 0; a <= AC_PATH__COUNT; a++) {
		for (size_t i = 0; i < p->alts[a].n_adds; i++)
			free(p->alts[a].adds[i].text);
		free(p->alts[a].adds);
		for (size_t i = 0; i < p->alts[a].n_steps; i++)
			free(p->alts[a].steps[i].text);
		free(p->alts[a].steps);
		free(p->alts[a].why_default);
	}
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
	if (len > MAX_POLICY_BYTES) {
		ac_diags_add(diags, source, NULL, 0, 0, "found %zu bytes, expected a policy of at most 1 MiB", len);
		return AC_EINPUT;
	}
	if (memchr(text, '\0', len)) {
		ac_diags_add(diags, source, NULL, 0, 0, "found a NUL byte, expected a text file");
		return AC_EINPUT;
	}
	ac_policy *p = calloc(1, sizeof *p);
	if (!p)
		return AC_ENOMEM;
	reader r = {p, diags, source, 0, 0, SEC_TOP, 0, 0, 0};
	char line[MAX_LINE + 2];
	size_t pos = 0;
	while (pos < len) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		r.line++;
		size_t n = end - pos;
		if (n > MAX_LINE) {
			rerr(&r, 0, "the line is longer than %s bytes%s", "4096", "");
			pos = end + 1;
			continue;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		for (char *e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t');)
			*--e = '\0';
		if (!*s || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (!close || close[1]) {
				rerr(&r, (int)(s - line) + 1, "a section header must look like [kind name]%s%s", "", "");
				r.sec = -1;
				continue;
			}
			*close = '\0';
			open_section(&r, s + 1);
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			rerr(&r, (int)(s - line) + 1, "expected 'setting = value', found '%s'%s", s, "");
			continue;
		}
		char *key = s, *value = eq + 1;
		*eq = '\0';
		for (char *e = eq; e > key && (e[-1] == ' ' || e[-1] == '\t');)
			*--e = '\0';
		while (*value == ' ' || *value == '\t')
			value++;
		if (!*key) {
			rerr(&r, 1, "a line starts with '='%s%s", "", "");
			continue;
		}
		if (!*value) {
			rerr(&r, (int)(eq - line) + 1, "'%s' has no value%s", key, "");
			continue;
		}
		if (r.sec < 0)
			continue;
		assign(&r, key, value, (int)(value - line) + 1);
	}
	if (!r.failed)
		check_complete(&r);
	if (r.failed) {
		ac_policy_free(p);
		return AC_EINPUT;
	}
	*out = p;
	return AC_OK;
}

const char *ac_fact_describe(size_t i, const char **type, const char **description)
{
	if (i >= AC_F__BUILTIN)
		return NULL;
	if (type)
		*type = ac_fact_table[i].type == AC_T_BOOL ? "yes/no" : ac_fact_table[i].type == AC_T_NUM ? "number" : "text";
	if (description)
		*description = ac_fact_table[i].description;
	return ac_fact_table[i].name;
}

const char *ac_policy_default_text(void)
{
	return ac_embedded_policy;
}

ac_status ac_policy_default(ac_policy **out, ac_diags *diags)
{
	ac_status st = ac_policy_parse(ac_embedded_policy, ac_embedded_policy_len, "(built-in policy)", out, diags);
	return st == AC_EINPUT ? AC_EINTERNAL : st;
}

const char *ac_policy_name(const ac_policy *p)
{
	return p->name;
}

const char *ac_policy_version(const ac_policy *p)
{
	return p->version;
}

double ac_policy_category_exposure(const ac_policy *p, int category)
{
	if (category < 1 || category > AC_CAT__COUNT)
		return 0;
	return p->categories[category].exposure;
}

int ac_policy_gwa_category(const ac_policy *p, const char *gwa_id)
{
	if (!gwa_id)
		return 0;
	for (size_t i = 0; i < p->n_gwa; i++)
		if (strcmp(p->gwa_ids[i], gwa_id) == 0)
			return p->gwa_cats[i];
	return 0;
}

const char *ac_policy_compare_statement(const ac_policy *p)
{
	return p->compare_statement;
}

size_t ac_policy_compare_keys(const ac_policy *p, const char *const **keys)
{
	*keys = (const char *const *)p->compare_keys;
	return p->n_compare_keys;
}
