/*
 * whatif.c — what would change the verdict, found by re-running the engine
 * on variants of the profile that differ in one answer (every value the
 * question can take), never by reasoning about the rules.  Three lists: the
 * unanswered questions whose answers could change the verdict, with every
 * answer and the verdict each gives; the changes within the person's control
 * that would improve it (actions); and the given answers it rests on.  Which
 * questions are varied, which are the person's own and how long each list is
 * are the policy's ([what_changes]); how each answer is stored is the
 * profile schema's.  A variant is one answer given instead of the
 * profile's, written into a copy of the profile while it runs.
 * One file, longer than most: the variants, their re-runs and the three
 * lists made from them share one variant table and are read together.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonw.h"
#include "core/strbuf.h"
#include "input/cert.h"
#include "input/schema.h"
#include "model/engine.h"
#include "model/fit.h"
#include "policy/figures.h"

/* Which list can read a variant's verdict (use_of). */
enum { USE_NONE, USE_ALL, USE_ACTION, USE_REST };

typedef struct {
	size_t field; /* index into the policy's [what_changes] fields */
	unsigned steps; /* the steps of the facts that read the answer it changes (AC_STEP_*) */
	const ac_cert *cert; /* a catalogue certificate chosen instead, or NULL */
	/* The answer it gives instead of the profile's (apply() writes it into
	 * a copy of the profile): yes (1) or no (0); an enum value, or one
	 * value of a list; a text (text: "" for none, and value 1 when one is
	 * named); a number; or the certificate above. */
	int value;
	double number;
	const char *text;
	int verdict;
	const ac_rule *reason;
	unsigned char use; /* USE_*: the list that reads its verdict */
} variant;

/* Its table is kept by the session's search cache between searches (its
 * variants), so that a search allocates none once one was big enough. */
typedef struct {
	variant *items;
	size_t n, cap;
	int oom;
} variants;

static variant *push(variants *vs, size_t field, unsigned steps)
{
	if (vs->n == vs->cap) {
		size_t cap = vs->cap ? vs->cap * 2 : 64;
		variant *n = realloc(vs->items, cap * sizeof *n);
		if (!n) {
			vs->oom = 1;
			return NULL;
		}
		vs->items = n;
		vs->cap = cap;
	}
	variant *x = &vs->items[vs->n++];
	*x = (variant){.field = field, .steps = steps};
	return x;
}

/* Marks the objects enclosing d as given (role.manager), as a profile with
 * the answer set in its file would have them. */
static void mark_parents(ac_profile *v, const ac_field_def *d)
{
	for (int i = d->parent; i >= 0; i = ac_schema[i].parent)
		if (ac_schema[i].store == ST_FLAG)
			*(int *)ac_schema_slot(v, &ac_schema[i]) = 1;
}

/* The definition of the answer variant x changes (not for a certificate). */
static const ac_field_def *def_of(const ac_prepared *prep, const variant *x)
{
	return &ac_schema[prep->pol->what_changes.fields[x->field].def];
}

/* Writes the answer variant x gives into v, a copy of the profile: the
 * profile becomes the variant. */
static void apply(const ac_prepared *prep, const variant *x, ac_profile *v)
{
	if (x->cert) {
		memset(&v->cert, 0, sizeof v->cert);
		v->cert.id = x->cert->id;
		return;
	}
	const ac_field_def *d = def_of(prep, x);
	void *slot = ac_schema_slot(v, d);
	switch (d->store) {
	case ST_TRI:
		*(ac_tri *)slot = x->value ? AC_TRUE : AC_FALSE;
		mark_parents(v, d);
		break;
	case ST_ENUM:
		*(int *)slot = x->value;
		mark_parents(v, d);
		break;
	case ST_NAMED: *(const char **)slot = x->text; break;
	case ST_NUM:
		((ac_num *)slot)->set = 1;
		((ac_num *)slot)->v = x->number;
		break;
	case ST_ENUMSET:
		*(unsigned *)slot = 1u << x->value;
		*(int *)((char *)v + d->aux) = 1;
		break;
	default: break;
	}
}

/* The value of each kind of enum named "unknown" (0 when it has none),
 * found once: the search reads it for every answer it tries. */
static int unknown_of[AC_ENUM__COUNT];
static pthread_once_t unknown_once = PTHREAD_ONCE_INIT;

static void find_unknowns(void)
{
	for (int k = 0; k < AC_ENUM__COUNT; k++)
		unknown_of[k] = ac_enum_value((ac_enum_kind)k, "unknown");
}

static int unknown_value(const ac_field_def *d)
{
	pthread_once(&unknown_once, find_unknowns);
	int k = d->pub.enum_kind;
	return k >= 0 && k < AC_ENUM__COUNT ? unknown_of[k] : 0;
}

/* 1 when the profile answers the question: an answer of "unknown" (the
 * person does not know) and an empty task list do not count. */
static int answered(const ac_profile *p, const ac_field_def *d)
{
	if (d->store == ST_TASKS)
		return p->role.n_tasks > 0;
	if (d->store == ST_ENUM) {
		int v = *(const int *)ac_schema_cslot(p, d);
		return v && v != unknown_value(d);
	}
	return ac_schema_answered(p, d);
}

static char *enum_words(const ac_wording *w, const ac_field_def *d, int v)
{
	const char *s = ac_word_enum(w, (ac_enum_kind)d->pub.enum_kind, v);
	return strdup(s ? s : ac_enum_name((ac_enum_kind)d->pub.enum_kind, v));
}

/* A number answer in words: money for an amount in dollars, else hours. */
static void number_words(strbuf *sb, const ac_wording *w, const ac_field_def *d, double x)
{
	size_t n = strlen(d->pub.path);
	if (n > 4 && strcmp(d->pub.path + n - 4, "_usd") == 0)
		ac_fig_money(sb, x);
	else
		ac_fig_hours(sb, w, x);
}

/* The answer in words, for the profile's current answer of d. */
static char *current_words(const ac_prepared *prep, const ac_profile *p, const ac_field_def *d)
{
	const ac_wording *w = prep->pol->wording;
	const void *slot = ac_schema_cslot(p, d);
	strbuf sb;
	sb_init(&sb);
	switch (d->store) {
	case ST_TRI: sb_puts(&sb, ac_word(w, *(const ac_tri *)slot == AC_TRUE ? AC_W_VALUE_YES : AC_W_VALUE_NO)); break;
	case ST_ENUM: sb_free(&sb); return enum_words(w, d, *(const int *)slot);
	case ST_NAMED: {
		const char *s = *(char *const *)slot;
		sb_puts(&sb, *s ? s : ac_word(w, AC_W_WHATIF_NONE));
		break;
	}
	case ST_NUM: number_words(&sb, w, d, ((const ac_num *)slot)->v); break;
	case ST_ENUMSET: {
		unsigned set = *(const unsigned *)slot;
		for (int e = 1; e <= ac_enum_count((ac_enum_kind)d->pub.enum_kind); e++)
			if (set & (1u << e)) {
				const char *word = ac_word_enum(w, (ac_enum_kind)d->pub.enum_kind, e);
				sb_printf(&sb, "%s%s", sb.len ? ", " : "", word ? word : "");
			}
		if (!set)
			sb_puts(&sb, ac_word(w, AC_W_WHATIF_NONE));
		break;
	}
	default: sb_puts(&sb, p->cert.name ? p->cert.name : p->cert.id ? p->cert.id : ""); break;
	}
	return sb_take(&sb, NULL);
}

/* The text a variant names when the person left a text blank. */
static const char *example_text(const ac_prepared *prep, const char *path)
{
	const ac_cert *c = prep->cert;
	const ac_wording *w = prep->pol->wording;
	if (strcmp(path, "trajectory.target_role") == 0)
		return c && c->n_roles ? c->roles[0] : ac_word(w, AC_W_WHATIF_EXAMPLE_TARGET_ROLE);
	return c && c->n_keywords ? c->keywords[0] : ac_word(w, AC_W_WHATIF_EXAMPLE_CAPABILITY);
}

/* Every other answer the question at field k can take. */
static void vary_field(variants *vs, const ac_prepared *prep, const ac_profile *p, size_t k)
{
	const ac_question_field *q = &prep->pol->what_changes.fields[k];
	const ac_field_def *d = &ac_schema[q->def];
	const void *cur = ac_schema_cslot(p, d);
	int known = answered(p, d);
	unsigned steps = ac_steps_reading(d);
	variant *x;
	switch (d->store) {
	case ST_TRI:
		for (int val = 1; val >= 0; val--) {
			ac_tri t = val ? AC_TRUE : AC_FALSE;
			if ((known && *(const ac_tri *)cur == t) || !(x = push(vs, k, steps)))
				continue;
			x->value = val;
		}
		break;
	case ST_ENUM:
		for (int e = 1; e <= ac_enum_count((ac_enum_kind)d->pub.enum_kind); e++) {
			if ((known && *(const int *)cur == e) || e == unknown_value(d) || !(x = push(vs, k, steps)))
				continue;
			x->value = e;
		}
		break;
	case ST_NAMED: {
		/* "" (none) unless that is the answer, and a named one unless one is. */
		const char *s = *(char *const *)cur;
		if ((!s || *s) && (x = push(vs, k, steps)))
			x->text = "";
		if ((!s || !*s) && (x = push(vs, k, steps))) {
			x->text = example_text(prep, q->path);
			x->value = 1;
		}
		break;
	}
	case ST_NUM:
		for (size_t i = 0; i < q->n_tries; i++) {
			const ac_num *n = cur;
			if ((n->set && n->v == q->tries[i]) || !(x = push(vs, k, steps)))
				continue;
			x->number = q->tries[i];
		}
		break;
	case ST_ENUMSET:
		/* Each single value: one step of the list it answers. */
		for (int e = 1; e <= ac_enum_count((ac_enum_kind)d->pub.enum_kind); e++) {
			if ((known && *(const unsigned *)cur == 1u << e) || !(x = push(vs, k, steps)))
				continue;
			x->value = e;
		}
		break;
	default: break; /* the task list, a certificate: see vary_certificate */
	}
}

/* Each catalogue certificate that can still be earned, instead of the named
 * one (an action: the person chooses the certificate). */
static void vary_certificate(variants *vs, const ac_prepared *prep, const ac_profile *p, size_t k)
{
	const ac_catalogue *cat = prep->ctx->catalogue;
	const unsigned steps = AC_STEP_CERTIFICATE; /* the profile is the same: the certificate differs */
	for (size_t i = 0; cat && p->cert_given && i < ac_catalogue_count(cat) && !vs->oom; i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (p->cert.id && p->cert.id[0] == c->id[0] && strcmp(p->cert.id, c->id) == 0)
			continue;
		variant *x = push(vs, k, steps);
		if (!x)
			return;
		x->cert = c;
	}
}

/* 1 when the variant moves a question of the person's own forward: yes
 * rather than no, a text named, more hours, another certificate.  An action
 * never asks a person to undo a step (to stop using AI, say). */
static int forward(const ac_prepared *prep, const ac_profile *p, const variant *x)
{
	const ac_field_def *d = def_of(prep, x);
	switch (d->store) {
	case ST_TRI: return x->value == 1;
	case ST_NAMED: return *x->text != '\0';
	case ST_NUM: {
		const ac_num *now = ac_schema_cslot(p, d);
		return !now->set || x->number > now->v;
	}
	default: return x->cert != NULL;
	}
}

/* What the lists need to know of the question at one field of the policy's
 * [what_changes], found once: whether the profile answers it, whether it is
 * asked (unanswered, its ask_if holding), its variants that gave a verdict
 * (all within items[first..end)), how many and how many of those change
 * the verdict; the variant picked for the list being made; and, while the
 * variants run, whether a list can no longer take a better one of them. */
typedef struct {
	unsigned char answered, asked, best_action, worst_rest;
	size_t first, end, tried, changes;
	const variant *best;
} question;

/* Whether the profile answers each question and whether it is asked. */
static question *questions_of(const ac_prepared *prep, const ac_profile *p, const ac_eval *ev)
{
	const ac_what_changes_policy *wc = &prep->pol->what_changes;
	question *qs = calloc(wc->n_fields + 1, sizeof *qs);
	if (!qs)
		return NULL;
	for (size_t k = 0; k < wc->n_fields; k++) {
		const ac_question_field *q = &wc->fields[k];
		qs[k].answered = (unsigned char)answered(p, &ac_schema[q->def]);
		qs[k].asked = !qs[k].answered && !(q->ask_if && ac_expr_truth(q->ask_if, ev->f) != AC_TRUE);
	}
	return qs;
}

/* The variants of each question that gave a verdict, and how many of
 * those change it. */
static void tally(question *qs, const variants *vs, int verdict)
{
	for (size_t i = 0; i < vs->n; i++) {
		const variant *x = &vs->items[i];
		if (!x->verdict)
			continue;
		question *s = &qs[x->field];
		if (!s->tried)
			s->first = i;
		s->end = i + 1;
		s->tried++;
		s->changes += x->verdict != verdict;
	}
}

/* The list that can read variant x's verdict, the one place that says so:
 * every answer of an asked, unanswered question is listed with its verdict;
 * an answered question's variant can be an action (a step forward on a
 * question of the person's own) or an answer the verdict rests on (any
 * other, but not another certificate, which is a choice to offer). */
static int use_of(const ac_prepared *prep, const ac_profile *p, const question *s, const variant *x)
{
	if (!s->answered)
		return s->asked ? USE_ALL : USE_NONE; /* every answer is listed, or the question is not */
	const ac_question_field *q = &prep->pol->what_changes.fields[x->field];
	if (q->yours && forward(prep, p, x))
		return USE_ACTION;
	return q->choice ? USE_NONE : USE_REST;
}

/* 1 when a list can still read variant x's verdict.  An action is picked
 * for improving the verdict most and an answer it rests on for worsening
 * it most, the first of equals kept: none is read when the verdict cannot
 * move that way, nor after a variant of the same question has moved it as
 * far as it goes.  A variant not run is left without a verdict, which the
 * lists read as one to leave out. */
static int wanted(int use, const question *s, int verdict)
{
	switch (use) {
	case USE_ALL: return 1;
	case USE_ACTION: return verdict != AC_VERDICT_PURSUE && !s->best_action;
	case USE_REST: return verdict != AC_VERDICT_AVOID && !s->worst_rest;
	default: return 0;
	}
}

/* Runs the engine on every variant a list can read, in one scratch
 * evaluation made from the profile's own (in the session's search cache
 * when there is one), and on one copy of the profile that each variant's
 * answer is written into. */
static ac_status run_all(variants *vs, const ac_prepared *prep, const ac_eval *base, ac_assessment *a, question *qs)
{
	ac_rerun r;
	ac_search_cache own_cache = {0}, *cache = prep->ctx->search ? prep->ctx->search : &own_cache;
	int ready = 0;
	ac_status st = AC_OK;
	ac_profile v = *base->p;
	for (size_t i = 0; st == AC_OK && i < vs->n; i++) {
		variant *x = &vs->items[i];
		/* The variants of a question come one after another, and each
		 * writes all that the one before it wrote: the copy is the
		 * profile's again only when the question changes. */
		if (i && vs->items[i - 1].field != x->field)
			v = *base->p;
		question *s = &qs[x->field];
		int use = x->use = (unsigned char)use_of(prep, base->p, s, x);
		if (!wanted(use, s, a->verdict) && !ac_rerun_every_step) /* the tests' slow way runs them all */
			continue;
		if (!ready && (st = ac_rerun_init(&r, cache, base, a->exposure.tasks, a->exposure.n_tasks)) != AC_OK)
			break;
		ready = 1;
		ac_prepared own = *prep;
		ac_cert estimated; /* a shallow copy with the policy's estimate of its hours */
		ac_num lo, hi;
		if (x->cert) {
			estimated = *x->cert;
			ac_hours_estimate(prep->pol, x->cert, &estimated.hours, &lo, &hi);
			own.cert = &estimated;
		}
		apply(prep, x, &v);
		st = ac_rerun_variant(&r, &own, &v, x->steps);
		if (st != AC_OK)
			break;
		x->verdict = r.ev.verdict;
		x->reason = &prep->pol->rules[r.ev.decisive];
		/* A certificate retired by the date is no choice to offer. */
		if (x->cert && r.ev.f[AC_F_CERT_RETIRED].b == AC_TRUE)
			x->verdict = 0;
		if (use == USE_ACTION && x->verdict == AC_VERDICT_PURSUE)
			s->best_action = 1;
		if (use == USE_REST && x->verdict == AC_VERDICT_AVOID)
			s->worst_rest = 1;
	}
	ac_search_cache_clear(&own_cache);
	return st;
}

/* ------------------------------------------------------------ the three lists */

static int better(int a, int b)
{
	return a && a < b; /* pursue 1 < signal_only 2 < not_yet 3 < avoid 4 */
}

/* A variant's answer as compact JSON text, written as jansson would write
 * it: the profile writer's, of the answer the variant holds, or the
 * certificate chosen instead. */
static char *answer_json(const ac_prepared *prep, const ac_profile *p, const variant *x)
{
	char *out = NULL;
	if (!x->cert) {
		ac_profile v = *p;
		apply(prep, x, &v);
		return ac_profile_answer_json(&v, def_of(prep, x), &out) == AC_OK ? out : NULL;
	}
	strbuf sb;
	ac_jw w;
	sb_init(&sb);
	ac_jw_init(&w, &sb, 0);
	ac_jw_object(&w);
	AC_JW_KEY(&w, "id");
	ac_jw_str(&w, x->cert->id);
	ac_jw_end_object(&w);
	return ac_jw_take(&w, &sb);
}

/* A variant's answer in plain words. */
static char *answer_words(const ac_prepared *prep, const variant *x)
{
	const ac_field_def *d = def_of(prep, x);
	const ac_wording *w = prep->pol->wording;
	if (x->cert)
		return strdup(x->cert->name ? x->cert->name : x->cert->id);
	switch (d->store) {
	case ST_TRI: return strdup(ac_word(w, x->value ? AC_W_VALUE_YES : AC_W_VALUE_NO));
	case ST_NAMED: return strdup(ac_word(w, x->value ? AC_W_WHATIF_NAMED : AC_W_WHATIF_NONE));
	case ST_NUM: {
		strbuf sb;
		sb_init(&sb);
		number_words(&sb, w, d, x->number);
		return sb_take(&sb, NULL);
	}
	default: return enum_words(w, d, x->value); /* ST_ENUM, ST_ENUMSET */
	}
}

/* The outcome of variant x; words, when not NULL, is its answer in words
 * already made (answer_words), which the outcome takes. */
static ac_status fill_outcome(ac_outcome *o, const ac_prepared *prep, const ac_profile *p, const variant *x,
			      char *words)
{
	o->answer_json = answer_json(prep, p, x);
	o->answer_words = words ? words : answer_words(prep, x);
	o->verdict = x->verdict;
	/* The rule's id and title in one allocation (freed with the id). */
	const char *id = x->reason->id, *title = x->reason->title;
	size_t n = strlen(id) + 1, t = title ? strlen(title) + 1 : 0;
	if ((o->reason = malloc(n + t)) != NULL) {
		memcpy(o->reason, id, n);
		if (title)
			o->reason_title = memcpy(o->reason + n, title, t);
	}
	return o->answer_json && o->answer_words && o->reason ? AC_OK : AC_ENOMEM;
}

/* The question at field k of the policy's [what_changes], in words. */
static char *question_words(const ac_prepared *prep, size_t k)
{
	const ac_question_field *q = &prep->pol->what_changes.fields[k];
	char *s;
	if (ac_say_field_dup(prep->pol->wording, AC_WP_ASK, q->def, NULL, &s) == 1)
		s = strdup(q->path); /* the policy reader makes sure this does not happen */
	return s;
}

/* The path of the question at field k, and after it in the same allocation
 * (freed with the path) the question in words, into *words; NULL when
 * memory ran out. */
static char *path_and_question(const ac_prepared *prep, size_t k, char **words)
{
	const ac_question_field *q = &prep->pol->what_changes.fields[k];
	const ac_wording *w = prep->pol->wording;
	size_t n = strlen(q->path) + 1, len = ac_say_field_len(w, AC_WP_ASK, q->def, NULL);
	int has = len != (size_t)-1;
	char *s = malloc(n + (has ? len + 1 : n));
	*words = s ? s + n : NULL;
	if (!s)
		return NULL;
	memcpy(s, q->path, n);
	if (has)
		ac_say_field_write(s + n, w, AC_WP_ASK, q->def, NULL);
	else
		memcpy(s + n, q->path, n); /* the policy reader makes sure this does not happen */
	return s;
}

/* The unanswered question at field k, when one of its answers changes the
 * verdict: every answer with the verdict it gives. */
static ac_status add_unanswered(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, const variants *vs,
				const question *qs, size_t k)
{
	const question *s = &qs[k];
	if (!s->changes)
		return AC_OK;
	ac_unanswered *u = &a->what_changes.unanswered[a->what_changes.n_unanswered++];
	u->field = path_and_question(prep, k, &u->question);
	u->outcomes = calloc(s->tried, sizeof *u->outcomes);
	if (!u->field || !u->question || !u->outcomes)
		return AC_ENOMEM;
	for (size_t i = s->first; i < s->end; i++)
		if (vs->items[i].field == k && vs->items[i].verdict &&
		    fill_outcome(&u->outcomes[u->n_outcomes++], prep, p, &vs->items[i], NULL) != AC_OK)
			return AC_ENOMEM;
	return AC_OK;
}

/* For each field k, the variant that improves the verdict most (want_better:
 * by a step forward), or worsens it most, into qs[k].best; NULL when none
 * does.  One pass over the variants, the first of equals kept. */
static void pick(const ac_prepared *prep, const variants *vs, int current, int want_better, question *qs)
{
	for (size_t k = 0; k < prep->pol->what_changes.n_fields; k++)
		qs[k].best = NULL;
	for (size_t i = 0; i < vs->n; i++) {
		const variant *x = &vs->items[i];
		size_t k = x->field;
		/* Only a variant of the list's own kind (use_of): a step forward
		 * that would worsen the verdict is not something it rests on, as
		 * nobody is told to keep from using AI. */
		if (!x->verdict || x->use != (want_better ? USE_ACTION : USE_REST))
			continue;
		int ok = want_better ? better(x->verdict, current) : better(current, x->verdict);
		const variant *b = qs[k].best;
		if (ok && (!b || (want_better ? better(x->verdict, b->verdict) : better(b->verdict, x->verdict))))
			qs[k].best = x;
	}
}

static ac_status add_change(ac_change *c, const ac_prepared *prep, const ac_profile *p, const variant *x, int action)
{
	const ac_question_field *q = &prep->pol->what_changes.fields[x->field];
	const ac_field_def *d = &ac_schema[q->def];
	c->field = strdup(q->path);
	if (ac_profile_answer_json(p, d, &c->from_json) != AC_OK)
		return AC_ENOMEM;
	c->from_words = current_words(prep, p, d);
	/* An action says what to do; an answer the verdict rests on, its question.
	 * The action's answer in words is the outcome's too. */
	char *words = action ? answer_words(prep, x) : NULL;
	if (action && !words)
		return AC_ENOMEM;
	int said = action ? ac_say_field_dup(prep->pol->wording, AC_WP_DO, q->def, words, &c->says) : 1;
	if (said == 1)
		c->says = question_words(prep, x->field);
	if (!c->field || !c->from_words || !c->says) {
		free(words);
		return AC_ENOMEM;
	}
	return fill_outcome(&c->to, prep, p, x, words);
}

/* The changes of one kind, best (actions) or worst (rests_on) first, then in
 * the policy's order of the questions, at most limit. */
static ac_status add_changes(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, const variants *vs,
			     question *qs, int action)
{
	const ac_what_changes_policy *wc = &prep->pol->what_changes;
	size_t limit = (size_t)wc->limit[action ? AC_WC_ACTIONS : AC_WC_RESTS_ON];
	ac_change **list = action ? &a->what_changes.actions : &a->what_changes.rests_on;
	size_t *n = action ? &a->what_changes.n_actions : &a->what_changes.n_rests_on;
	*list = calloc((limit < wc->n_fields ? limit : wc->n_fields) + 1, sizeof **list);
	if (!*list)
		return AC_ENOMEM;
	pick(prep, vs, a->verdict, action, qs);
	unsigned verdicts = 0; /* the verdicts the picked variants give */
	for (size_t k = 0; k < wc->n_fields; k++)
		if (qs[k].best)
			verdicts |= 1u << qs[k].best->verdict;
	ac_status st = AC_OK;
	for (int v = action ? AC_VERDICT_PURSUE : AC_VERDICT_AVOID; v >= AC_VERDICT_PURSUE && v <= AC_VERDICT_AVOID;
	     v += action ? 1 : -1)
		for (size_t k = 0; (verdicts & 1u << v) && k < wc->n_fields && *n < limit && st == AC_OK; k++) {
			const variant *x = qs[k].best; /* of an answered question, of this list's kind */
			if (!x || x->verdict != v)
				continue;
			st = add_change(&(*list)[(*n)++], prep, p, x, action);
		}
	return st;
}

/* ------------------------------------------------------------ missing answers */

/* The unanswered questions, in the policy's order, each listed when its
 * ask_if condition holds; whether an answer could change the verdict is
 * known only when the search ran and tried its answers. */
static ac_status add_missing(ac_assessment *a, const ac_prepared *prep, const question *qs, int searched)
{
	const ac_what_changes_policy *wc = &prep->pol->what_changes;
	size_t asked = 0;
	for (size_t k = 0; k < wc->n_fields; k++)
		asked += qs[k].asked;
	a->missing = calloc(asked + 1, sizeof *a->missing);
	if (!a->missing)
		return AC_ENOMEM;
	for (size_t k = 0; k < wc->n_fields; k++) {
		if (!qs[k].asked)
			continue;
		ac_missing *m = &a->missing[a->n_missing++];
		m->field = path_and_question(prep, k, &m->question);
		if (!m->field || !m->question)
			return AC_ENOMEM;
		/* Said only of a question whose answers were all tried (not the
		 * task list, not the motives). */
		m->changes = searched && qs[k].tried ? ac_tri_of(qs[k].changes != 0) : AC_UNKNOWN;
	}
	return AC_OK;
}

ac_status ac_whatif(ac_assessment *a, const ac_prepared *prep, const ac_profile *p, const ac_eval *ev, int search)
{
	const ac_what_changes_policy *wc = &prep->pol->what_changes;
	/* The table the session keeps, taken for the search (the cache may be
	 * cleared during it) and given back after. */
	ac_search_cache *cache = prep->ctx->search;
	variants vs = {cache ? cache->variants : NULL, 0, cache ? cache->variants_cap : 0, 0};
	if (cache) {
		cache->variants = NULL;
		cache->variants_cap = 0;
	}
	a->what_changes.searched = search != 0;
	for (size_t k = 0; search && k < wc->n_fields && !vs.oom; k++) {
		if (wc->fields[k].fixed)
			continue;
		if (wc->fields[k].choice)
			vary_certificate(&vs, prep, p, k);
		else
			vary_field(&vs, prep, p, k);
	}
	question *qs = vs.oom ? NULL : questions_of(prep, p, ev);
	ac_status st = qs ? run_all(&vs, prep, ev, a, qs) : AC_ENOMEM;
	if (st == AC_OK)
		tally(qs, &vs, a->verdict);
	size_t limit = (size_t)wc->limit[AC_WC_UNANSWERED];
	if (st == AC_OK && !(a->what_changes.unanswered = calloc((limit < wc->n_fields ? limit : wc->n_fields) + 1,
								 sizeof *a->what_changes.unanswered)))
		st = AC_ENOMEM;
	for (size_t k = 0; st == AC_OK && search && k < wc->n_fields && a->what_changes.n_unanswered < limit; k++)
		if (qs[k].asked)
			st = add_unanswered(a, prep, p, &vs, qs, k);
	if (st == AC_OK && search)
		st = add_changes(a, prep, p, &vs, qs, 1);
	if (st == AC_OK && search)
		st = add_changes(a, prep, p, &vs, qs, 0);
	if (st == AC_OK)
		st = add_missing(a, prep, qs, search);
	free(qs);
	if (cache) {
		cache->variants = vs.items;
		cache->variants_cap = vs.cap;
	} else {
		free(vs.items);
	}
	return st;
}

/* ------------------------------------------------------------ freeing */

static void free_outcome(ac_outcome *o)
{
	free(o->answer_json);
	free(o->answer_words);
	free(o->reason); /* and the title after it */
}

static void free_changes(ac_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].field);
		free(c[i].from_json);
		free(c[i].from_words);
		free(c[i].says);
		free_outcome(&c[i].to);
	}
	free(c);
}

void ac_what_changes_free(ac_assessment *a)
{
	for (size_t i = 0; i < a->what_changes.n_unanswered; i++) {
		ac_unanswered *u = &a->what_changes.unanswered[i];
		free(u->field); /* and the question after it */
		for (size_t k = 0; k < u->n_outcomes; k++)
			free_outcome(&u->outcomes[k]);
		free(u->outcomes);
	}
	free(a->what_changes.unanswered);
	free_changes(a->what_changes.actions, a->what_changes.n_actions);
	free_changes(a->what_changes.rests_on, a->what_changes.n_rests_on);
	for (size_t i = 0; i < a->n_missing; i++) {
		free(a->missing[i].field); /* and the question after it */
	}
	free(a->missing);
}
