/*
 * verdict.c — the sections of a policy that lead to the verdict and what to
 * do instead: derived facts (yes/no conditions and counts), the ordered
 * verdict rules (each also a fact, rule_ID, for the sections after them),
 * the flags and the scoring of the alternatives.  reader.c hands each of
 * their lines here; every condition is parsed and every text compiled on the
 * spot, so the engine only evaluates.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "policy/reader.h"

#define AC_REQ_ROW(id, name, what) {name, what},
static const struct {
	const char *name, *what;
} required_facts[AC_REQ_FACT__COUNT] = {AC_REQUIRED_FACTS(AC_REQ_ROW)},
  required_flags[AC_REQ_FLAG__COUNT] = {AC_REQUIRED_FLAGS(AC_REQ_ROW)};
#undef AC_REQ_ROW

/* Opens a section that adds a named item to a list: checks the name and that
 * no item of the list has it yet. */
static int named_item(reader *r, const char *kind, const char *arg, int col, void **arr, size_t *n, size_t size,
		      size_t id_offset)
{
	if (!ac_reader_valid_id(arg)) {
		ac_reader_error(r, col, "'%s' is not a valid name (use lower-case letters, digits and _)", arg);
		ac_reader_refuse(r);
		return 0;
	}
	for (size_t i = 0; i < *n; i++) {
		const char *id = *(char **)((char *)*arr + i * size + id_offset);
		if (id && strcmp(id, arg) == 0) {
			ac_reader_error(r, col, "%s '%s' is defined twice (first on line %d)", kind, arg,
					ac_reader_first_line(r, NULL));
			ac_reader_refuse(r);
			return 0;
		}
	}
	if (!ac_reader_grow(r, arr, n, size)) {
		ac_reader_refuse(r);
		return 0;
	}
	r->idx = (int)*n - 1;
	*(char **)((char *)*arr + (size_t)r->idx * size + id_offset) = ac_reader_strdup(r, arg);
	return 1;
}

/* ------------------------------------------------------------ [derive NAME] */

static void derive_open(reader *r, const char *arg, int arg_col)
{
	static const char *const words[] = {"and", "or", "not", "known", "true", "false", "always"};
	ac_policy *p = r->pol;
	int col = r->head_col;
	(void)arg_col;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(arg, words[i]) == 0) {
			ac_reader_error(r, col,
					"[derive %s]: '%s' is a word of the condition language and cannot name a fact",
					arg, arg);
			ac_reader_refuse(r);
			return;
		}
	if (ac_reader_valid_id(arg) && ac_policy_fact_find(p, arg, strlen(arg)) != AC_NO_FACT) {
		ac_reader_error(r, col, "[derive %s]: a fact with this name exists already", arg);
		ac_reader_refuse(r);
		return;
	}
	if (named_item(r, "derived fact", arg, col, (void **)&p->derived, &p->n_derived, sizeof *p->derived,
		       offsetof(ac_derived, name)))
		p->derived[r->idx].line = r->line;
}

/* "count = CONDITION, CONDITION, ...": how many of them certainly hold. */
static void derive_count(reader *r, ac_derived *d, char *value, int value_col)
{
	char *item = value;
	while (item) {
		char *comma = strchr(item, ',');
		if (comma)
			*comma = '\0';
		while (*item == ' ')
			item++;
		if (!ac_reader_grow(r, (void **)&d->counted, &d->n_counted, sizeof *d->counted))
			return;
		d->counted[d->n_counted - 1] = ac_reader_condition(r, item, value_col + (int)(item - value));
		item = comma ? comma + 1 : NULL;
	}
}

/* Looking for one fact slot among those a condition uses. */
typedef struct {
	size_t slot;
	int found;
} uses_ctx;

static void uses_slot(size_t slot, void *ctx)
{
	uses_ctx *u = ctx;
	u->found |= slot == u->slot;
}

/* A derived fact is decided from facts decided before it: names must be
 * defined before they are used, so the only cycle left to refuse is a fact
 * whose own condition uses it. */
static void derive_no_cycle(reader *r, const ac_derived *d, int col)
{
	uses_ctx u = {(size_t)AC_F__BUILTIN + (size_t)r->idx, 0};
	if (d->when)
		ac_expr_facts(d->when, uses_slot, &u);
	for (size_t i = 0; i < d->n_counted; i++)
		if (d->counted[i])
			ac_expr_facts(d->counted[i], uses_slot, &u);
	if (u.found)
		ac_reader_error(r, col,
				"[derive %s] uses itself: a fact cannot be decided from its own value (a cycle)",
				d->name);
}

static void derive_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_derived *d = &r->pol->derived[r->idx];
	if (d->when || d->counted)
		ac_reader_unknown_key(r, key, key_col, "one 'when' or 'count' line");
	else if (strcmp(key, "when") == 0) {
		d->type = AC_T_BOOL;
		d->when = ac_reader_condition(r, value, value_col);
	} else if (strcmp(key, "count") == 0) {
		d->type = AC_T_NUM;
		derive_count(r, d, value, value_col);
	} else {
		ac_reader_unknown_key(r, key, key_col, "one 'when' or 'count' line");
		return;
	}
	derive_no_cycle(r, d, value_col);
}

static void derive_complete(reader *r)
{
	ac_policy *p = r->pol;
	for (size_t i = 0; i < p->n_derived; i++)
		if (!p->derived[i].when && !p->derived[i].counted) {
			r->line = p->derived[i].line;
			ac_reader_error(r, 0, "[derive %s] has no 'when' or 'count' line", p->derived[i].name);
		}
	r->line = r->eof_line;
	for (int q = 0; q < AC_REQ_FACT__COUNT; q++) {
		const char *name = required_facts[q].name;
		p->required_fact[q] = ac_policy_fact_find(p, name, strlen(name));
		if (p->required_fact[q] < AC_F__BUILTIN || p->required_fact[q] >= AC_RULE_FACTS)
			p->required_fact[q] = AC_NO_FACT; /* only a derived fact can be it */
		int want = q == AC_REQ_LEVERAGE_COUNT ? AC_T_NUM : AC_T_BOOL;
		if (p->required_fact[q] == AC_NO_FACT)
			ac_reader_error(r, 0, "the policy has no [derive %s]: %s", name, required_facts[q].what);
		else if (p->derived[p->required_fact[q] - AC_F__BUILTIN].type != want)
			ac_reader_error(r, 0, "[derive %s] must be a %s: %s", name,
					want == AC_T_NUM ? "count" : "condition", required_facts[q].what);
	}
}

const ac_section_kind ac_sec_derive = {"derive",         1,   derive_open, derive_assign, derive_complete,
				       AC_STAGE_VERDICT, NULL};

/* ------------------------------------------------------------ [rule NAME] */

/* "PREFIX_ID", a rule's fact name; NULL after reporting a clash. */
static char *rule_fact(reader *r, const char *prefix, const char *id)
{
	char *name = ac_strdup_printf("%s_%s", prefix, id);
	if (!name) {
		ac_reader_nomem(r);
		return NULL;
	}
	if (ac_policy_fact_find(r->pol, name, strlen(name)) != AC_NO_FACT) {
		ac_reader_error(r, r->head_col, "[rule %s]: its fact '%s' has the name of a fact that exists already",
				id, name);
		free(name);
		return NULL;
	}
	return name;
}

static void rule_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	(void)arg_col;
	if (!named_item(r, "rule", arg, r->head_col, (void **)&p->rules, &p->n_rules, sizeof *p->rules,
			offsetof(ac_rule, id)))
		return;
	ac_rule *ru = &p->rules[r->idx];
	ru->line = r->line;
	ru->holds_fact = rule_fact(r, "rule", arg);
	ru->reason_fact = rule_fact(r, "reason", arg);
}

static void rule_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_rule *ru = &r->pol->rules[r->idx];
	if (strcmp(key, "verdict") == 0) {
		ru->verdict = ac_enum_value(AC_ENUM_VERDICT, value);
		if (!ru->verdict)
			ac_reader_error(r, value_col, "verdict: found '%s', expected %s", value,
					ac_enum_list(AC_ENUM_VERDICT));
	} else if (strcmp(key, "when") == 0 && !ru->when)
		ru->when = ac_reader_condition(r, value, value_col);
	else if (strcmp(key, "title") == 0)
		ac_reader_text(r, &ru->title, key, value, key_col, value_col);
	else if (strcmp(key, "because_if") == 0)
		ac_reader_choice(r, &ru->because, key, value, key_col, value_col, AC_CHOICE_IF,
				 "because_if = CONDITION | TEXT");
	else if (strcmp(key, "because") == 0)
		ac_reader_choice(r, &ru->because, key, value, key_col, value_col, AC_CHOICE_ONCE, "because = TEXT");
	else if (strcmp(key, "headline_if") == 0)
		ac_reader_choice(r, &ru->headline, key, value, key_col, value_col, AC_CHOICE_IF,
				 "headline_if = CONDITION | TEXT");
	else if (strcmp(key, "headline") == 0)
		ac_reader_choice(r, &ru->headline, key, value, key_col, value_col, AC_CHOICE_ONCE, "headline = TEXT");
	else
		ac_reader_unknown_key(r, key, key_col,
				      "verdict, when, title, because_if, because, headline_if or headline (when once)");
}

static void rule_complete(reader *r)
{
	ac_policy *p = r->pol;
	for (size_t i = 0; i < p->n_rules; i++) {
		ac_rule *ru = &p->rules[i];
		r->line = ru->line;
		if (!ru->verdict || !ru->when || !ac_choices_default(&ru->because) ||
		    !ac_choices_default(&ru->headline))
			ac_reader_error(r, 0, "[rule %s] needs verdict, when, because and headline", ru->id);
	}
	r->line = r->eof_line;
	if (!p->n_rules) {
		ac_reader_error(r, 0, "the policy has no [rule ...] sections");
		return;
	}
	const ac_rule *last = &p->rules[p->n_rules - 1];
	if (last->when && !ac_expr_always(last->when)) {
		r->line = last->line;
		ac_reader_error(r, 0,
				"the last rule ('%s') must have 'when = always' so that every profile gets a verdict",
				last->id);
	}
}

const ac_section_kind ac_sec_rule = {"rule", 1, rule_open, rule_assign, rule_complete, AC_STAGE_VERDICT, NULL};

/* ------------------------------------------------------------ [flag NAME] */

static void flag_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	(void)arg_col;
	if (named_item(r, "flag", arg, r->head_col, (void **)&p->flags, &p->n_flags, sizeof *p->flags,
		       offsetof(ac_flag, id)))
		p->flags[r->idx].line = r->line;
}

static void flag_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_flag *f = &r->pol->flags[r->idx];
	if (strcmp(key, "when") == 0 && !f->when)
		f->when = ac_reader_condition(r, value, value_col);
	else if (strcmp(key, "says") == 0)
		ac_reader_template(r, &f->says, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "when or says (each once)");
}

static void flag_complete(reader *r)
{
	ac_policy *p = r->pol;
	for (size_t i = 0; i < p->n_flags; i++)
		if (!p->flags[i].when || !p->flags[i].says.text) {
			r->line = p->flags[i].line;
			ac_reader_error(r, 0, "[flag %s] needs when and says", p->flags[i].id);
		}
	r->line = r->eof_line;
	for (int q = 0; q < AC_REQ_FLAG__COUNT; q++) {
		size_t i = 0;
		while (i < p->n_flags && strcmp(p->flags[i].id, required_flags[q].name) != 0)
			i++;
		p->required_flag[q] = i;
		if (i == p->n_flags)
			ac_reader_error(r, 0, "the policy has no [flag %s]: %s", required_flags[q].name,
					required_flags[q].what);
	}
}

const ac_section_kind ac_sec_flag = {"flag", 1, flag_open, flag_assign, flag_complete, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [alternative PATH] */

static void alternative_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	r->idx = ac_enum_value(AC_ENUM_PATH, arg);
	if (!r->idx) {
		ac_reader_error(r, arg_col, "unknown alternative '%s'; expected one of %s", arg,
				ac_enum_list(AC_ENUM_PATH));
		ac_reader_refuse(r);
	} else if (p->alts[r->idx].defined)
		ac_reader_error(r, arg_col, "alternative '%s' is defined twice (first on line %d)", arg,
				ac_reader_first_line(r, NULL));
	else
		p->alts[r->idx].defined = 1;
}

/* "weight | condition | text" */
static void alt_add(reader *r, ac_alt_policy *a, char *value, int col)
{
	char *bar1 = strchr(value, '|');
	if (!bar1 || !strchr(bar1 + 1, '|')) {
		ac_reader_error(r, col, "expected 'add = WEIGHT | CONDITION | REASON', found '%s'", value);
		return;
	}
	char *w = value, *cond = ac_reader_split(w), *text = ac_reader_split(cond);
	double weight;
	if (!ac_reader_number(w, &weight) || weight < -100 || weight > 100) {
		ac_reader_error(r, col, "the weight '%s' is not a number from -100 to 100", w);
		return;
	}
	if (!ac_reader_grow(r, (void **)&a->adds, &a->n_adds, sizeof *a->adds))
		return;
	ac_add *add = &a->adds[a->n_adds - 1];
	add->weight = weight;
	add->when = ac_reader_condition(r, cond, col + (int)(cond - value));
	ac_reader_template(r, &add->text, "add", text, col, col + (int)(text - value));
}

static void alternative_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_alt_policy *a = &r->pol->alts[r->idx];
	double x;
	if (strcmp(key, "base") == 0) {
		if (!ac_reader_number(value, &x) || x < 0 || x > 100)
			ac_reader_error(r, value_col, "base: found '%s', expected a number from 0 to 100", value);
		else
			a->base = x;
	} else if (strcmp(key, "add") == 0)
		alt_add(r, a, value, value_col);
	else if (strcmp(key, "why") == 0)
		ac_reader_text(r, &a->why_default, key, value, key_col, value_col);
	else if (strcmp(key, "first_step_if") == 0)
		ac_reader_choice(r, &a->first_step, key, value, key_col, value_col, AC_CHOICE_IF,
				 "first_step_if = CONDITION | STEP");
	else if (strcmp(key, "first_step") == 0)
		ac_reader_choice(r, &a->first_step, key, value, key_col, value_col, 0, "first_step = STEP");
	else
		ac_reader_unknown_key(r, key, key_col, "base, add, why, first_step_if or first_step");
}

static void alternative_complete(reader *r)
{
	for (int a = 1; a <= AC_PATH__COUNT; a++) {
		const ac_alt_policy *al = &r->pol->alts[a];
		if (!al->defined || !al->why_default || !ac_choices_default(&al->first_step))
			ac_reader_error(r, 0, "[alternative %s] is missing, or lacks 'why' or a plain 'first_step'",
					ac_enum_name(AC_ENUM_PATH, a));
	}
}

/* 'add' lines each add to the score. */
static const char *const alternative_lists[] = {"add", NULL};
const ac_section_kind ac_sec_alternative = {
	"alternative",    1, alternative_open, alternative_assign, alternative_complete, AC_STAGE_AFTER,
	alternative_lists};

/* ------------------------------------------------------------ what each condition reads */

typedef struct {
	ac_reads *r;
	int nomem;
} reads_ctx;

static void add_read(size_t slot, void *arg)
{
	reads_ctx *c = arg;
	for (size_t i = 0; i < c->r->n; i++)
		if (c->r->slot[i] == slot)
			return; /* a fact read by two parts of a count */
	size_t *grown = c->nomem ? NULL : realloc(c->r->slot, (c->r->n + 1) * sizeof *grown);
	if (!grown) {
		c->nomem = 1;
		return;
	}
	c->r->slot = grown;
	c->r->slot[c->r->n++] = slot;
}

ac_status ac_verdict_index_reads(ac_policy *p)
{
	reads_ctx c = {NULL, 0};
	for (size_t i = 0; i < p->n_derived && !c.nomem; i++) {
		c.r = &p->derived[i].reads;
		ac_expr_facts(p->derived[i].when, add_read, &c);
		for (size_t k = 0; k < p->derived[i].n_counted; k++)
			ac_expr_facts(p->derived[i].counted[k], add_read, &c);
	}
	for (size_t i = 0; i < p->n_rules && !c.nomem; i++) {
		c.r = &p->rules[i].reads;
		ac_expr_facts(p->rules[i].when, add_read, &c);
	}
	c.r = &p->phase_reads;
	for (int n = 1; n <= AC_PHASES && !c.nomem; n++)
		ac_expr_facts(p->phases[n].when, add_read, &c);
	c.r = &p->motive_reads;
	for (int m = 1; m <= AC_MOT__COUNT && !c.nomem; m++)
		ac_expr_facts(p->motives[m].when, add_read, &c);
	return c.nomem ? AC_ENOMEM : AC_OK;
}

/* ------------------------------------------------------------ freeing */

void ac_verdict_free(ac_policy *p)
{
	free(p->phase_reads.slot);
	free(p->motive_reads.slot);
	for (size_t i = 0; i < p->n_derived; i++) {
		free(p->derived[i].name);
		free(p->derived[i].counted);
		free(p->derived[i].reads.slot);
	}
	free(p->derived);
	for (size_t i = 0; i < p->n_rules; i++) {
		free(p->rules[i].reads.slot);
		free(p->rules[i].id);
		free(p->rules[i].title);
		free(p->rules[i].holds_fact);
		free(p->rules[i].reason_fact);
		ac_choices_free(&p->rules[i].because);
		ac_choices_free(&p->rules[i].headline);
	}
	free(p->rules);
	for (size_t i = 0; i < p->n_flags; i++) {
		free(p->flags[i].id);
		ac_template_free(&p->flags[i].says);
	}
	free(p->flags);
	for (int a = 0; a <= AC_PATH__COUNT; a++) {
		for (size_t i = 0; i < p->alts[a].n_adds; i++)
			ac_template_free(&p->alts[a].adds[i].text);
		free(p->alts[a].adds);
		ac_choices_free(&p->alts[a].first_step);
		free(p->alts[a].why_default);
	}
}
