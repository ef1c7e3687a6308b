/*
 * diff_render.c — `history diff` written out, in the manner of `git diff`
 * and `terraform plan`: the two records, whether the verdict moved, then
 * each cause with what changed and what that change did on its own.  Text
 * and Markdown share one walk over the renderers' writers; JSON is a tree.
 * ac_history_diff, at the end, builds the diff (diff.c) and writes it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "batch/batch.h"
#include "core/diag.h"
#include "core/json.h"
#include "history/diff.h"
#include "policy/wording.h"
#include "render/render.h"

/* ------------------------------------------------------------ phrases */

static const char *words(const char *id, char *buf, size_t n)
{
	return batch_words(id, buf, n);
}

static void exposure_words(strbuf *o, const outcome *x)
{
	if (x->klass)
		sb_printf(o, "%.2f (%s)", x->score, ac_enum_name(AC_ENUM_CLASS, x->klass));
	else
		sb_puts(o, "not known");
}

/* "avoid (structural exposure), exposure 0.65 (exposed)" */
static void outcome_words(strbuf *o, const outcome *x)
{
	char v[64], r[128];
	if (!x->ok) {
		sb_printf(o, "cannot be assessed: %s", x->why ? x->why : "unknown");
		return;
	}
	sb_printf(o, "%s (%s), exposure ", words(x->verdict, v, sizeof v), words(x->reason, r, sizeof r));
	exposure_words(o, x);
}

/* What going from x to y did: "moves the verdict from avoid to pursue
 * (closes gap)", or "changes nothing". */
static void effect(strbuf *o, const outcome *x, const outcome *y)
{
	char v1[64], v2[64], r1[128], r2[128];
	int m = outcome_moved(x, y);
	if (m & MOVED_FAILED) {
		sb_puts(o, y->ok ? "makes the profile assessable again: " : "makes the profile impossible to assess: ");
		if (y->ok)
			outcome_words(o, y);
		else
			sb_puts(o, y->why ? y->why : "unknown");
		return;
	}
	if (!m) {
		sb_puts(o, "changes neither the verdict nor the exposure");
		return;
	}
	if (m & MOVED_VERDICT)
		sb_printf(o, "moves the verdict from %s to %s (%s)", words(x->verdict, v1, sizeof v1),
			  words(y->verdict, v2, sizeof v2), words(y->reason, r2, sizeof r2));
	else if (m & MOVED_REASON)
		sb_printf(o, "keeps the verdict %s, now decided by %s instead of %s", words(y->verdict, v2, sizeof v2),
			  words(y->reason, r2, sizeof r2), words(x->reason, r1, sizeof r1));
	if (m & MOVED_EXPOSURE) {
		sb_puts(o, m & (MOVED_VERDICT | MOVED_REASON) ? ", and moves the exposure from "
							      : "moves the exposure from ");
		exposure_words(o, x);
		sb_puts(o, " to ");
		exposure_words(o, y);
		if (!(m & (MOVED_VERDICT | MOVED_REASON)))
			sb_printf(o, ", keeping the verdict %s", words(y->verdict, v2, sizeof v2));
	}
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const char *or_none(const char *s, const char *none)
{
	return s ? s : none;
}

/* The built-in wording, or NULL (then the schema's own help is used). */
static const ac_wording *wording(void)
{
	const ac_wording *w = NULL;
	ac_diags quiet;
	ac_diags_init(&quiet);
	if (ac_wording_builtin(&w, &quiet) != AC_OK)
		w = NULL;
	ac_diags_free(&quiet);
	return w;
}

/* The question an answer is to, in plain words. */
static void question_words(strbuf *o, const ac_field *f)
{
	const ac_wording *w = wording();
	const char *help = ac_field_help(f);
	if (!w || ac_say_path(o, w, AC_WP_ASK, ac_field_path(f), "") != 0)
		sb_printf(o, "%c%s", help[0] >= 'a' && help[0] <= 'z' ? help[0] - 'a' + 'A' : help[0], help + 1);
}

/* One enum value as the reports word it ("your pay rises"), else its name. */
static void enum_words(strbuf *o, const ac_field *f, const char *name)
{
	const ac_wording *w = wording();
	int v = ac_enum_value(ac_field_enum_kind(f), name);
	const char *word = w && v > 0 ? ac_word_enum(w, ac_field_enum_kind(f), v) : NULL;
	sb_puts(o, word ? word : name);
}

/* An answer's value for a person: text in quotes, lists, a count of tasks. */
static void value_words(strbuf *o, const ac_field *f, const char *json)
{
	json_t *v = json_loads(json, JSON_DECODE_ANY, NULL);
	int enums = ac_field_value_type(f) == AC_FIELD_ENUM || ac_field_value_type(f) == AC_FIELD_ENUM_LIST;
	if (!v || json_is_null(v))
		sb_puts(o, "not answered");
	else if (json_is_array(v) && strcmp(ac_field_path(f), "role.tasks") == 0)
		sb_printf(o, "%zu %s", json_array_size(v), json_array_size(v) == 1 ? "task" : "tasks");
	else if (json_is_real(v))
		sb_printf(o, "%.15g", json_real_value(v));
	else if (json_is_array(v)) {
		size_t i;
		json_t *e;
		if (!json_array_size(v))
			sb_puts(o, "none");
		json_array_foreach(v, i, e)
		{
			sb_puts(o, i ? "; " : "");
			if (enums && json_is_string(e))
				enum_words(o, f, json_string_value(e));
			else
				sb_printf(o, "\"%s\"", json_is_string(e) ? json_string_value(e) : "?");
		}
	} else if (json_is_string(v) && enums)
		enum_words(o, f, json_string_value(v));
	else if (json_is_string(v))
		sb_printf(o, "\"%s\"", json_string_value(v));
	else if (json_is_true(v) || json_is_false(v))
		sb_puts(o, json_is_true(v) ? "yes" : "no");
	else
		sb_puts(o, json);
	json_decref(v);
}

/* ------------------------------------------------------------ the causes */

/* One cause as a list item: its name and a sentence built in sb. */
static void cause(const rw_writer *w, rw_out *o, const char *name, strbuf *sb)
{
	w->item(o, RW_BULLET, 0, name, sb->buf ? sb->buf : "");
	if (sb->failed)
		o->out->failed = 1;
	sb_clear(sb);
}

static void versions(strbuf *sb, const char *what, const char *from, const char *to, const char *none)
{
	sb_printf(sb, "%s %s", what, or_none(from, none));
	if (!same(from, to))
		sb_printf(sb, " → %s", or_none(to, none));
}

static void data_cause(const hist_diff *d, const rw_writer *w, rw_out *o, strbuf *sb)
{
	const hist_record *a = &d->a, *b = &d->b;
	int cat = !same(a->catalogue_version, b->catalogue_version), data = !same(a->data_version, b->data_version);
	int prog = !same(a->aicert_version, b->aicert_version);
	int now_is_b = same(b->catalogue_version, d->catalogue_now) && same(b->data_version, d->data_now);
	sb_puts(sb, cat || data || prog ? "changed between the two (" : "did not change between the two (");
	versions(sb, "catalogue", a->catalogue_version, b->catalogue_version, "without a version");
	versions(sb, "; occupation data", a->data_version, b->data_version, "none");
	if (prog)
		versions(sb, "; aicert", a->aicert_version, b->aicert_version, "unknown");
	sb_puts(sb, ")");
	if (d->old_policy_missing) {
		sb_puts(sb, "; the old policy's text was not kept, so this cannot be told apart from the policy");
	} else if (outcome_moved(&d->saved_a, &d->old_then)) {
		sb_puts(sb, ": re-assessing the old profile under its own policy with today's catalogue and data ");
		effect(sb, &d->saved_a, &d->old_then);
	} else if (cat || data || prog) {
		sb_puts(sb, ", but re-assessing the old profile with today's catalogue and data changes nothing");
	}
	if (!now_is_b) {
		sb_puts(sb, "; today's are ");
		versions(sb, "catalogue", d->catalogue_now, d->catalogue_now, "without a version");
		versions(sb, " and occupation data", d->data_now, d->data_now, "none");
		sb_puts(sb, ", not those the new assessment was saved with: re-run with those to see their effect");
	}
	sb_puts(sb, ".");
	cause(w, o, "The catalogue and the data", sb);
}

static void policy_cause(const hist_diff *d, const rw_writer *w, rw_out *o, strbuf *sb)
{
	const hist_record *a = &d->a, *b = &d->b;
	int changed = !same(a->policy_hash, b->policy_hash);
	if (!changed) {
		sb_printf(sb, "did not change (%s, version %s).", a->policy_name, a->policy_version);
		cause(w, o, "The policy", sb);
		return;
	}
	sb_printf(sb, "changed from %s version %s (sha256 %.12s) to %s version %s (sha256 %.12s)", a->policy_name,
		  a->policy_version, a->policy_hash, b->policy_name, b->policy_version, b->policy_hash);
	const outcome *before = d->old_policy_missing ? &d->saved_a : &d->old_then;
	if (outcome_moved(before, &d->old_new_policy)) {
		sb_puts(sb, d->old_policy_missing ? ": re-assessing the old answers under it (with any change of the "
						    "catalogue and the data, which cannot be told apart) "
						  : ": re-assessing the old answers under the new policy ");
		effect(sb, before, &d->old_new_policy);
	} else {
		sb_puts(sb, ", but re-assessing the old answers under the new policy gives the same result");
	}
	sb_puts(sb, ".");
	cause(w, o, "The policy", sb);
}

static void answers_cause(const hist_diff *d, const rw_writer *w, rw_out *o, strbuf *sb)
{
	if (!d->n_answers) {
		sb_puts(sb, "did not change.");
		cause(w, o, "Your answers", sb);
		return;
	}
	sb_printf(sb, "%zu changed; applying %s ", d->n_answers, d->n_answers == 1 ? "it" : "all of them");
	effect(sb, &d->old_new_date, &d->new_now);
	sb_puts(sb, ".");
	cause(w, o, "Your answers", sb);
	for (size_t i = 0; i < d->n_answers; i++) {
		const answer_change *c = &d->answers[i];
		question_words(sb, c->field);
		sb_puts(sb, " — ");
		value_words(sb, c->field, c->from);
		sb_puts(sb, " → ");
		value_words(sb, c->field, c->to);
		if (c->tried) {
			sb_puts(sb, "; on its own, this ");
			effect(sb, &d->old_new_date, &c->alone);
		} else {
			sb_puts(sb, "; it cannot be tried on its own: it needs other answers that changed with it");
		}
		sb_puts(sb, ".");
		w->sub(o, sb->buf ? sb->buf : "");
		sb_clear(sb);
	}
}

/* The date: the old answers under the new policy, re-assessed at the new
 * record's date instead of the old one's.  A certificate that retired (or
 * can no longer be finished before it retires) in between shows here. */
static void date_cause(const hist_diff *d, const rw_writer *w, rw_out *o, strbuf *sb)
{
	const char *from = hist_diff_date_a(d), *to = hist_diff_date_b(d);
	if (same(from, to)) {
		sb_printf(sb, "did not change: both assessments speak for %s.", or_none(from, "an unknown date"));
	} else {
		sb_printf(sb, "moved from %s to %s", or_none(from, "an unknown date"), or_none(to, "an unknown date"));
		if (outcome_moved(&d->old_new_policy, &d->old_new_date)) {
			sb_puts(sb, ": re-assessing the old answers at the new date ");
			effect(sb, &d->old_new_policy, &d->old_new_date);
		} else {
			sb_puts(sb, ", but re-assessing the old answers at the new date gives the same result");
		}
		sb_puts(sb, ".");
	}
	cause(w, o, "The date", sb);
}

/* ------------------------------------------------------------ text and Markdown */

static void record_row(const hist_record *r, const outcome *x, char cells[6][160])
{
	char v[64], why[128];
	snprintf(cells[0], 160, "#%lld", r->id);
	snprintf(cells[1], 160, "%.10s %.5s", r->saved_at, strlen(r->saved_at) > 16 ? r->saved_at + 11 : "");
	snprintf(cells[2], 160, "%s", r->as_of);
	snprintf(cells[3], 160, "%s", x->ok ? words(x->verdict, v, sizeof v) : "?");
	snprintf(cells[4], 160, "%s", x->ok ? words(x->reason, why, sizeof why) : "?");
	if (x->ok && x->klass)
		snprintf(cells[5], 160, "%.2f (%s)", x->score, ac_enum_name(AC_ENUM_CLASS, x->klass));
	else
		snprintf(cells[5], 160, "not known");
}

static void walk(const hist_diff *d, const rw_writer *w, rw_out *o)
{
	strbuf sb;
	sb_init(&sb);
	char cells[2][6][160], v1[64], v2[64];
	sb_printf(&sb, "Saved assessments #%lld and #%lld", d->a.id, d->b.id);
	w->title(o, sb.buf ? sb.buf : "");
	sb_clear(&sb);
	record_row(&d->a, &d->saved_a, cells[0]);
	record_row(&d->b, &d->saved_b, cells[1]);
	const char *head[] = {"", "saved (UTC)", "as of", "verdict", "what decided it", "exposure"};
	const char *flat[12];
	for (int i = 0; i < 12; i++)
		flat[i] = cells[i / 6][i % 6];
	static const int right[6] = {0};
	rw_table t = {6, 2, head, flat, right};
	sb_puts(o->out, "\n");
	w->table(o, &t);
	sb_puts(o->out, "\n");
	int m = outcome_moved(&d->saved_a, &d->saved_b);
	if (m & MOVED_VERDICT)
		sb_printf(&sb, "The verdict moved from %s to %s.", words(d->saved_a.verdict, v1, sizeof v1),
			  words(d->saved_b.verdict, v2, sizeof v2));
	else if (m)
		sb_puts(&sb, "The verdict did not move, but what decided it or the exposure did.");
	else
		sb_puts(&sb, "Nothing moved: the same verdict, for the same reason, with the same exposure.");
	sb_puts(&sb, " Each cause below was found by re-assessing, one change at a time, with today's catalogue "
		     "and occupation data.");
	w->para(o, sb.buf ? sb.buf : "");
	sb_clear(&sb);
	sb_puts(o->out, "\n");
	w->heading(o, "Causes");
	sb_puts(o->out, "\n");
	answers_cause(d, w, o, &sb);
	policy_cause(d, w, o, &sb);
	data_cause(d, w, o, &sb);
	date_cause(d, w, o, &sb);
	if (outcome_moved(&d->new_now, &d->saved_b)) {
		sb_printf(&sb, "Re-assessing #%lld today gives a result other than the one saved (", d->b.id);
		outcome_words(&sb, &d->new_now);
		sb_puts(&sb, "): it was saved with other catalogue or data versions than those installed now.");
		sb_puts(o->out, "\n");
		w->para(o, sb.buf ? sb.buf : "");
	}
	if (sb.failed)
		o->out->failed = 1;
	sb_free(&sb);
}

/* ------------------------------------------------------------ JSON */

static json_t *outcome_json(const outcome *x)
{
	if (!x->ok)
		return json_pack("{s:b,s:o}", "assessed", 0, "why", ac_json_str(x->why));
	return json_pack("{s:b,s:o,s:o,s:{s:o,s:o}}", "assessed", 1, "verdict", ac_json_str(x->verdict), "reason",
			 ac_json_str(x->reason), "exposure", "score", x->klass ? json_real(x->score) : json_null(),
			 "class", x->klass ? json_string(ac_enum_name(AC_ENUM_CLASS, x->klass)) : json_null());
}

static json_t *record_json(const hist_record *r, const outcome *x)
{
	json_t *o = json_pack("{s:I,s:o,s:o,s:{s:o,s:o,s:o},s:o,s:o,s:o}", "id", (json_int_t)r->id, "saved_at",
			      ac_json_str(r->saved_at), "as_of", ac_json_str(r->as_of), "policy", "name",
			      ac_json_str(r->policy_name), "version", ac_json_str(r->policy_version), "sha256",
			      ac_json_str(r->policy_hash), "catalogue_version", ac_json_str(r->catalogue_version),
			      "data_version", ac_json_str(r->data_version), "aicert_version",
			      ac_json_str(r->aicert_version));
	json_t *what = outcome_json(x);
	if (o && (!what || json_object_update(o, what) != 0)) {
		json_decref(o);
		o = NULL;
	}
	json_decref(what);
	return o;
}

static json_t *step(const char *cause, int changed, const outcome *from, const outcome *to)
{
	int m = outcome_moved(from, to);
	return json_pack("{s:s,s:b,s:b,s:b,s:o,s:o}", "cause", cause, "changed", changed, "moved_verdict",
			 (m & (MOVED_VERDICT | MOVED_FAILED)) != 0, "moved", m != 0, "from", outcome_json(from), "to",
			 outcome_json(to));
}

static json_t *answers_json(const hist_diff *d)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < d->n_answers; i++) {
		const answer_change *c = &d->answers[i];
		json_t *from = json_loads(c->from, JSON_DECODE_ANY, NULL),
		       *to = json_loads(c->to, JSON_DECODE_ANY, NULL);
		json_t *alone = c->tried ? outcome_json(&c->alone) : json_null();
		int m = c->tried ? outcome_moved(&d->old_new_date, &c->alone) : 0;
		json_array_append_new(arr, json_pack("{s:s,s:o,s:o,s:b,s:b,s:o}", "field", ac_field_path(c->field),
						     "from", from ? from : json_null(), "to", to ? to : json_null(),
						     "tried_alone", c->tried, "moved_alone", m != 0, "alone", alone));
	}
	return arr;
}

static json_t *diff_json(const hist_diff *d)
{
	json_t *causes = json_array();
	json_t *answers = step("answers", d->n_answers > 0, &d->old_new_date, &d->new_now);
	json_object_set_new(answers, "answers", answers_json(d));
	json_array_append_new(causes, answers);
	const outcome *before = d->old_policy_missing ? &d->saved_a : &d->old_then;
	json_array_append_new(
		causes, step("policy", strcmp(d->a.policy_hash, d->b.policy_hash) != 0, before, &d->old_new_policy));
	json_t *data = step("catalogue_and_data",
			    !same(d->a.catalogue_version, d->b.catalogue_version) ||
				    !same(d->a.data_version, d->b.data_version) ||
				    !same(d->a.aicert_version, d->b.aicert_version),
			    &d->saved_a, d->old_policy_missing ? &d->saved_a : &d->old_then);
	json_object_set_new(data, "now",
			    json_pack("{s:o,s:o,s:o}", "catalogue_version", ac_json_str(d->catalogue_now),
				      "data_version", ac_json_str(d->data_now), "aicert_version",
				      ac_json_str(d->aicert_now)));
	json_object_set_new(data, "separable", json_boolean(!d->old_policy_missing));
	json_array_append_new(causes, data);
	const char *from = hist_diff_date_a(d), *to = hist_diff_date_b(d);
	json_t *date = step("date", !same(from, to), &d->old_new_policy, &d->old_new_date);
	json_object_set_new(date, "dates", json_pack("{s:o,s:o}", "from", ac_json_str(from), "to", ac_json_str(to)));
	json_array_append_new(causes, date);
	int m = outcome_moved(&d->saved_a, &d->saved_b);
	return json_pack("{s:s,s:o,s:o,s:b,s:b,s:o,s:o}", "schema", "aicert/history-diff/v1", "from",
			 record_json(&d->a, &d->saved_a), "to", record_json(&d->b, &d->saved_b), "moved_verdict",
			 (m & (MOVED_VERDICT | MOVED_FAILED)) != 0, "moved", m != 0, "causes", causes, "new_reassessed",
			 outcome_json(&d->new_now));
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
	return sb_putn(data, buffer, size);
}

static ac_status hist_diff_render(const hist_diff *d, ac_format f, strbuf *out)
{
	if (f == AC_FORMAT_JSON) {
		json_t *doc = diff_json(d);
		int bad =
			!doc || json_dump_callback(doc, dump_cb, out,
						   JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) != 0;
		json_decref(doc);
		if (bad || sb_puts(out, "\n") != 0)
			return AC_ENOMEM;
		return AC_OK;
	}
	rw_out o = {.out = out};
	ac_render_options_resolve(NULL, &o.width, &o.color); /* 78 columns, no colour */
	walk(d, f == AC_FORMAT_MARKDOWN ? ac_markdown_writer() : ac_text_writer(), &o);
	return out->failed ? AC_ENOMEM : AC_OK;
}

ac_status ac_history_diff(ac_history *h, const ac_session_options *env, long long from, long long to, ac_format f,
			  char **out, size_t *len, ac_diags *diags)
{
	*out = NULL;
	/* Reading the saved documents and rendering the diff go through jansson,
	 * which drops what it cannot store: any failed allocation fails the diff. */
	unsigned long failures = ac_mem_failures();
	hist_diff d;
	ac_status st = hist_diff_build(h, env, from, to, &d, diags);
	strbuf sb;
	sb_init(&sb);
	if (st == AC_OK)
		st = hist_diff_render(&d, f, &sb);
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st == AC_OK && !(*out = sb_take(&sb, len)))
		st = AC_ENOMEM;
	if (st == AC_ENOMEM)
		ac_diags_oom(diags, NULL, "comparing the saved assessments");
	sb_free(&sb);
	hist_diff_free(&d);
	return st;
}
