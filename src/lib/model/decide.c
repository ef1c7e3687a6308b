/*
 * decide.c — what the policy decides once engine.c has set the profile's
 * facts, in the order of facts.h's stages: the adoption phase ([phase N]),
 * which motives are valid ([motive NAME]), the derived facts ([derive], in
 * file order: conditions and counts), the verdict (the first rule whose
 * condition certainly holds; each rule's condition is also kept as the fact
 * rule_ID, and reason_ID says which rule decides) and the positioning; and
 * the two runs built on them: an evaluation, and a variant's re-run.
 * Nothing here knows a judgement: each comes from a section of the policy.
 */
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"

_Static_assert(AC_F_POSITIONING_UNKNOWN - AC_F_POSITIONING_OFFENSIVE == AC_POS__COUNT - 1,
	       "one positioning_* fact per positioning value, in order");

static int has_motive(const ac_profile *p, int m)
{
	return (p->motives & (1u << m)) != 0;
}

/* The phase: the highest [phase N] whose condition certainly holds. */
static void phase_fact(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	int phase = 0;
	for (int n = 1; n <= AC_PHASES; n++)
		if (ac_expr_truth(pol->phases[n].when, ev->f) == AC_TRUE)
			phase = n;
	ac_eval_set_n(ev, AC_F_PHASE, phase != 0, phase);
}

/* Each given motive is valid, invalid or unknown by its [motive] section. */
static void motive_validity_facts(ac_eval *ev)
{
	const ac_profile *p = ev->p;
	const ac_policy *pol = ev->prep->pol;
	ac_tri any_valid = AC_FALSE, shift = AC_FALSE;
	int invalid_present = 0;
	ev->motive_valid = ev->motive_invalid = ev->motive_unknown = 0;
	for (int m = 1; m <= AC_MOT__COUNT; m++) {
		if (!has_motive(p, m))
			continue;
		ac_tri v = ac_expr_truth(pol->motives[m].when, ev->f);
		any_valid = ac_tri_or(any_valid, v);
		if (m == AC_MOT_INDUSTRY_SHIFT)
			shift = v;
		if (v == AC_TRUE)
			ev->motive_valid |= 1u << m;
		else if (v == AC_FALSE) {
			ev->motive_invalid |= 1u << m;
			invalid_present = 1;
		} else
			ev->motive_unknown |= 1u << m;
	}
	int given = p->motives != 0;
	ac_eval_set_b(ev, AC_F_VALID_MOTIVE, given ? any_valid : AC_FALSE);
	ac_eval_set_b(ev, AC_F_NO_VALID_MOTIVE, given ? ac_tri_not(any_valid) : AC_FALSE);
	ac_eval_set_b(ev, AC_F_INVALID_MOTIVE_PRESENT, ac_tri_of(invalid_present));
	ac_eval_set_b(ev, AC_F_INDUSTRY_SHIFT_VALID, shift);
}

/* One derived fact: a condition, or how many of a list of conditions
 * certainly hold. */
static void derive_one(ac_eval *ev, const ac_derived *d, size_t slot)
{
	if (d->type == AC_T_NUM) {
		int n = 0;
		for (size_t k = 0; k < d->n_counted; k++)
			n += ac_expr_truth(d->counted[k], ev->f) == AC_TRUE;
		ac_eval_set_n(ev, slot, 1, n);
	} else {
		ac_eval_set_b(ev, slot, ac_expr_truth(d->when, ev->f));
	}
}

/* The derived facts, in file order. */
static void derived_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	for (size_t i = 0; i < pol->n_derived; i++)
		derive_one(ev, &pol->derived[i], AC_F__BUILTIN + i);
}

/* The rules in order: the first that certainly holds decides. */
static ac_status verdict(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	ev->verdict = 0;
	for (size_t i = 0; i < pol->n_rules; i++) {
		ev->fired[i] = ac_expr_truth(pol->rules[i].when, ev->f);
		if (ev->fired[i] == AC_TRUE && !ev->verdict) {
			ev->verdict = pol->rules[i].verdict;
			ev->decisive = i;
		}
	}
	if (!ev->verdict)
		return AC_EINTERNAL; /* the policy's last rule always fires */
	for (size_t i = 0; i < pol->n_rules; i++) {
		ac_eval_set_b(ev, AC_RULE_FACTS + 2 * i, ev->fired[i]);
		ac_eval_set_b(ev, AC_RULE_FACTS + 2 * i + 1, ac_tri_of(i == ev->decisive));
	}
	ac_eval_set_b(ev, AC_F_VERDICT_PURSUE, ac_tri_of(ev->verdict == AC_VERDICT_PURSUE));
	ac_eval_set_b(ev, AC_F_VERDICT_SIGNAL, ac_tri_of(ev->verdict == AC_VERDICT_SIGNAL_ONLY));
	ac_eval_set_b(ev, AC_F_VERDICT_NOT_YET, ac_tri_of(ev->verdict == AC_VERDICT_NOT_YET));
	ac_eval_set_b(ev, AC_F_VERDICT_AVOID, ac_tri_of(ev->verdict == AC_VERDICT_AVOID));
	return AC_OK;
}

/* The positioning: the first line of [positioning] that certainly holds. */
static void positioning_facts(ac_eval *ev)
{
	const ac_policy *pol = ev->prep->pol;
	ev->positioning = -1;
	for (size_t i = 0; i < pol->n_positions && ev->positioning < 0; i++)
		if (ac_expr_truth(pol->positions[i].when, ev->f) == AC_TRUE)
			ev->positioning = pol->positions[i].value;
	for (int v = 0; v < AC_POS__COUNT; v++)
		ac_eval_set_b(ev, (size_t)(AC_F_POSITIONING_OFFENSIVE + v), ac_tri_of(v == ev->positioning));
}

ac_status ac_decide(ac_eval *ev)
{
	phase_fact(ev);
	motive_validity_facts(ev);
	derived_facts(ev);
	ac_status st = verdict(ev);
	if (st == AC_OK)
		positioning_facts(ev);
	return st;
}

ac_tri ac_eval_required(const ac_eval *ev, int which)
{
	return ev->f[ev->prep->pol->required_fact[which]].b;
}

double ac_eval_required_number(const ac_eval *ev, int which)
{
	const ac_val *v = &ev->f[ev->prep->pol->required_fact[which]];
	return v->type == AC_T_NUM && v->known ? v->n : 0;
}

/* ------------------------------------------------------------ the two runs */

ac_status ac_eval_run(ac_eval *ev, const ac_prepared *prep, const ac_profile *p, ac_diags *diags)
{
	ac_status st = ac_eval_facts(ev, prep, p, diags);
	return st == AC_OK ? ac_decide(ev) : st;
}

/* Two values of a fact are the same (inline: a variant compares every
 * watched fact). */
static inline int same_val(const ac_val *a, const ac_val *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == AC_T_BOOL) /* most facts: no jump through a table */
		return a->b == b->b;
	switch (a->type) {
	case AC_T_NUM: return a->known == b->known && (!a->known || a->n == b->n);
	case AC_T_STR: return a->known == b->known && (a->s == b->s || (a->s && b->s && strcmp(a->s, b->s) == 0));
	default: return 1;
	}
}

/* A variant decides again only the conditions that read a fact it changed.
 * The facts it may change have places in a compact space made once per
 * search: each watched fact, the five decided here, then each derived fact.
 * The conditions are the phases (0), the motives (1), each derived fact
 * (2 + i) and each rule (2 + n_derived + i); for each place, the set of
 * conditions that read its fact is kept as bits, and a variant gathers the
 * sets of the facts it changed as the conditions it must decide again. */
static void stale(const ac_search_cache *c, unsigned long long *dirty, size_t place)
{
	const unsigned long long *readers = c->readers + place * c->cond_words;
	for (size_t w = 0; w < c->cond_words; w++)
		dirty[w] |= readers[w];
}

static int is_dirty(const unsigned long long *dirty, size_t cond)
{
	return (dirty[cond / 64] >> (cond % 64)) & 1;
}

/* The first condition from `from` on, before `to`, that must be decided
 * again; `to` when none. */
static size_t next_dirty(const unsigned long long *dirty, size_t from, size_t to)
{
	while (from < to) {
		unsigned long long w = dirty[from / 64] >> (from % 64);
		if (w) {
			size_t k = from + (size_t)__builtin_ctzll(w);
			return k < to ? k : to;
		}
		from = (from / 64 + 1) * 64;
	}
	return to;
}

/* The facts phase_fact and motive_validity_facts set: a variant compares
 * them once it has decided them, not before. */
static const size_t here[] = {AC_F_PHASE, AC_F_VALID_MOTIVE, AC_F_NO_VALID_MOTIVE, AC_F_INVALID_MOTIVE_PRESENT,
			      AC_F_INDUSTRY_SHIFT_VALID};
#define N_HERE (sizeof here / sizeof here[0])
/* The conditions a variant may decide again, as bits. */
#define COND_WORDS ((2 + 2 * AC_POLICY_MAX_ITEMS + 63) / 64)

static int decided_here(size_t slot)
{
	for (size_t i = 0; i < N_HERE; i++)
		if (slot == here[i])
			return 1;
	return 0;
}

/* Adds condition cond to the readers of each fact reads names that has a
 * place. */
static void add_reader(ac_search_cache *c, size_t cond, const ac_reads *reads, const size_t *place)
{
	for (size_t k = 0; k < reads->n; k++) {
		size_t slot = reads->slot[k];
		if (slot < AC_RULE_FACTS && place[slot] != (size_t)-1)
			c->readers[place[slot] * c->cond_words + cond / 64] |= 1ull << (cond % 64);
	}
}

/* Places each fact a variant may find changed in the compact space, and
 * writes the conditions that read each. */
static ac_status compact(ac_search_cache *c, const ac_policy *pol)
{
	size_t place[AC_RULE_FACTS];
	for (size_t i = 0; i < AC_RULE_FACTS; i++)
		place[i] = (size_t)-1;
	for (size_t i = 0; i < c->n_watched; i++)
		place[c->watched[i]] = i;
	for (size_t i = 0; i < N_HERE; i++)
		place[here[i]] = c->n_watched + i;
	for (size_t i = 0; i < pol->n_derived; i++)
		place[AC_F__BUILTIN + i] = c->n_watched + N_HERE + i;
	size_t places = c->n_watched + N_HERE + pol->n_derived;
	c->cond_words = (2 + pol->n_derived + pol->n_rules + 63) / 64;
	free(c->readers);
	c->readers = calloc(places * c->cond_words, sizeof *c->readers);
	if (!c->readers)
		return AC_ENOMEM;
	add_reader(c, 0, &pol->phase_reads, place);
	add_reader(c, 1, &pol->motive_reads, place);
	for (size_t i = 0; i < pol->n_derived; i++)
		add_reader(c, 2 + i, &pol->derived[i].reads, place);
	for (size_t i = 0; i < pol->n_rules; i++)
		add_reader(c, 2 + pol->n_derived + i, &pol->rules[i].reads, place);
	return AC_OK;
}

/* Adds the profile's facts reads names to the watched list, each once. */
static void watch(ac_search_cache *c, const ac_reads *reads, unsigned char *listed)
{
	for (size_t k = 0; k < reads->n; k++) {
		size_t slot = reads->slot[k];
		if (slot < AC_F__BUILTIN && !listed[slot] && !decided_here(slot)) {
			listed[slot] = 1;
			c->watched[c->n_watched++] = slot;
		}
	}
}

/* The plan of the search for the policy (made once for a cache), and the
 * profile's own decision, kept for the variants. */
static ac_status keep_decided(ac_rerun *r)
{
	ac_search_cache *c = r->c;
	const ac_policy *pol = r->ev.prep->pol;
	size_t n = AC_F__BUILTIN + pol->n_derived;
	if (!c->planned) {
		if (!c->decided)
			c->decided = malloc(n * sizeof *c->decided);
		if (!c->rule_holds)
			c->rule_holds = malloc((pol->n_rules + 1) * sizeof *c->rule_holds);
		if (!c->watched)
			c->watched = malloc(AC_F__BUILTIN * sizeof *c->watched);
		if (!c->decided || !c->rule_holds || !c->watched)
			return AC_ENOMEM;
		c->n_watched = 0;
		unsigned char listed[AC_F__BUILTIN] = {0};
		watch(c, &pol->phase_reads, listed);
		watch(c, &pol->motive_reads, listed);
		for (size_t i = 0; i < pol->n_derived; i++)
			watch(c, &pol->derived[i].reads, listed);
		for (size_t i = 0; i < pol->n_rules; i++)
			watch(c, &pol->rules[i].reads, listed);
		/* Grouped by the step that sets them, so that a variant compares
		 * only the facts of the steps it ran (and those of none, always). */
		size_t by_step[AC_F__BUILTIN], k = 0;
		for (int s = 0; s <= AC_STEPS; s++) {
			c->watch_from[s] = k;
			for (size_t i = 0; i < c->n_watched; i++)
				if (r->by_step->step_of[c->watched[i]] == s)
					by_step[k++] = c->watched[i];
		}
		c->watch_from[AC_STEPS + 1] = k;
		memcpy(c->watched, by_step, k * sizeof *by_step);
		if (compact(c, pol) != AC_OK)
			return AC_ENOMEM;
		c->planned = 1;
	}
	/* As the profile's own evaluation decided it (ac_decide tries every
	 * rule). */
	const ac_eval *base = r->base;
	r->motives = base->p->motives;
	memcpy(c->decided, base->f, n * sizeof *c->decided);
	for (size_t i = 0; i < pol->n_rules; i++)
		c->rule_holds[i] = base->fired[i];
	r->verdict = base->verdict;
	r->decisive = base->decisive;
	/* The scratch evaluation's derived facts are the last search's: all
	 * are put back by the first variant that decides again. */
	for (size_t i = 0; i < pol->n_derived; i++)
		r->derived_again[i / 64] |= 1ull << (i % 64);
	r->kept = 1;
	return AC_OK;
}

/* A variant's decision, as far as the verdict and the rule that decides it
 * (the rules after it are not tried, their facts and the positioning not
 * set): the phase, the motives' validity, a derived fact or a rule whose
 * facts are all as the profile's own decision found them keeps its value. */
static ac_status decide_variant(ac_rerun *r)
{
	ac_eval *ev = &r->ev;
	const ac_search_cache *c = r->c;
	const ac_policy *pol = ev->prep->pol;
	unsigned long long dirty[COND_WORDS] = {0};
	int any = 0;
	/* The facts of the steps the variant did not run are the profile's own. */
	unsigned steps = r->steps | 1u << AC_STEPS;
	for (int s = 0; s <= AC_STEPS; s++) {
		if (!(steps & (1u << s)))
			continue;
		for (size_t i = c->watch_from[s]; i < c->watch_from[s + 1]; i++) {
			size_t slot = c->watched[i];
			if (!same_val(&ev->f[slot], &c->decided[slot])) {
				stale(c, dirty, i);
				any = 1;
			}
		}
	}
	if (!any && ev->p->motives == r->motives) {
		/* Nothing the decision reads differs from the profile's own, so
		 * neither does the verdict (the decided facts are left as they
		 * are: a variant is read for its verdict and its profile facts). */
		ev->verdict = r->verdict;
		ev->decisive = r->decisive;
		return ev->verdict ? AC_OK : AC_EINTERNAL;
	}
	/* Unset, as a fresh evaluation has them when the phase is decided (the
	 * last variant may have set them). */
	static const ac_val unset;
	for (size_t i = 0; i < N_HERE; i++)
		ev->f[here[i]] = unset;
	if (is_dirty(dirty, 0))
		phase_fact(ev);
	else
		ev->f[AC_F_PHASE] = c->decided[AC_F_PHASE];
	if (ev->p->motives != r->motives || is_dirty(dirty, 1))
		motive_validity_facts(ev);
	else /* the facts alone: a variant's verdict reads no more */
		for (size_t i = 1; i < N_HERE; i++)
			ev->f[here[i]] = c->decided[here[i]];
	for (size_t i = 0; i < N_HERE; i++)
		if (!same_val(&ev->f[here[i]], &c->decided[here[i]]))
			stale(c, dirty, c->n_watched + i);
	/* The derived facts as decided for the profile (only those derived
	 * again since are put back), then again each one that reads a changed
	 * fact, in file order. */
	const size_t words = (pol->n_derived + 63) / 64;
	for (size_t w = 0; w < words; w++)
		for (unsigned long long b = r->derived_again[w]; b; b &= b - 1) {
			size_t slot = AC_F__BUILTIN + w * 64 + (size_t)__builtin_ctzll(b);
			ev->f[slot] = c->decided[slot];
		}
	memset(r->derived_again, 0, words * sizeof *r->derived_again);
	/* A derived fact reads only the ones before it, so what one marks
	 * comes later in the walk. */
	const size_t d0 = 2, r0 = 2 + pol->n_derived;
	for (size_t k = next_dirty(dirty, d0, r0); k < r0; k = next_dirty(dirty, k + 1, r0)) {
		size_t i = k - d0, slot = AC_F__BUILTIN + i;
		r->derived_again[i / 64] |= 1ull << (i % 64);
		derive_one(ev, &pol->derived[i], slot);
		if (!same_val(&ev->f[slot], &c->decided[slot]))
			stale(c, dirty, c->n_watched + N_HERE + i);
	}
	/* The first rule that holds decides.  Before the profile's own
	 * decisive rule, only a rule decided again can hold (the others did
	 * not for the profile); from it on, each in turn. */
	ev->verdict = 0;
	for (size_t k = next_dirty(dirty, r0, r0 + r->decisive); k < r0 + r->decisive && !ev->verdict;
	     k = next_dirty(dirty, k + 1, r0 + r->decisive))
		if (ac_expr_truth(pol->rules[k - r0].when, ev->f) == AC_TRUE) {
			ev->verdict = pol->rules[k - r0].verdict;
			ev->decisive = k - r0;
		}
	for (size_t i = r->decisive; i < pol->n_rules && !ev->verdict; i++) {
		ac_tri holds = is_dirty(dirty, r0 + i) ? ac_expr_truth(pol->rules[i].when, ev->f) : c->rule_holds[i];
		if (holds == AC_TRUE) {
			ev->verdict = pol->rules[i].verdict;
			ev->decisive = i;
		}
	}
	return ev->verdict ? AC_OK : AC_EINTERNAL;
}

ac_status ac_rerun_variant(ac_rerun *r, const ac_prepared *prep, const ac_profile *v, unsigned steps)
{
	ac_status st = r->kept ? AC_OK : keep_decided(r);
	if (st == AC_OK)
		st = ac_rerun_facts(r, prep, v, steps);
	if (st == AC_OK && ac_rerun_every_step)
		return ac_decide(&r->ev); /* the tests' slow way: every condition decided again */
	return st == AC_OK ? decide_variant(r) : st;
}
