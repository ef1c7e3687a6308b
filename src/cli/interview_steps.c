/*
 * interview_steps.c — the interview's steps that take more than one answer:
 * the job title (then the matching occupations in the data, with their
 * confidence, to pick from), the task mix (suggested groups from the
 * occupation's tasks, kept, edited, removed or added to, the shares shown as
 * they add up and scaled to 100 with a note), and the certificate (searched
 * in the catalogue by words, none, or a custom one).  Their wording comes
 * from the questionnaire's questions.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "interview.h"

#define MAX_MATCHES 5
#define MAX_CERTS 9

/* The answer at path as a JSON value (a new reference; NULL when unknown). */
static json_t *answer(const interview *iv, const char *path)
{
	char *text = NULL;
	if (ac_profile_get(iv->profile, path, &text) != AC_OK)
		return NULL;
	json_t *v = json_loads(text, JSON_DECODE_ANY, NULL);
	ac_free(text);
	if (json_is_null(v)) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* Sets path to v (taking it); 0, or an exit code after a message. */
static int set(interview *iv, const char *path, json_t *v)
{
	char *text = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
	json_decref(v);
	if (!text) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_profile_set(iv->profile, path, text, &d);
	free(text);
	int rc = st == AC_OK ? 0 : cli_fail(st, &d, path);
	ac_diags_free(&d);
	return rc;
}

/* Reads a number 0..max (Enter: dflt); -1 for "-". */
static long pick_number(interview *iv, const char *prompt, long max, long dflt)
{
	for (;;) {
		char *line = ui_read(iv->u, prompt, NULL, 0);
		char *s = line + strspn(line, " ");
		char *end;
		long k = strtol(s, &end, 10);
		int empty = !*s, dash = strcmp(s, "-") == 0,
		    ok = *s && !*(end + strspn(end, " ")) && k >= 0 && k <= max;
		free(line);
		if (empty && dflt >= 0)
			return dflt;
		if (dash)
			return -1;
		if (ok)
			return k;
		ui_say(iv->u, "  Type a number from 0 to %ld.\n", max);
	}
}

/* ------------------------------------------------------------ the title */

int ask_title(interview *iv, const ac_qn_question *q)
{
	json_t *before = answer(iv, "role.title");
	int rc = ask_simple(iv, q);
	json_t *title = answer(iv, "role.title");
	/* A title kept from a saved profile keeps its occupation, or its lack of one. */
	int kept = before && title && json_equal(before, title);
	json_decref(before);
	if (rc || !json_is_string(title) || !*json_string_value(title)) {
		json_decref(title);
		return rc;
	}
	ac_occdata *db = ac_session_occdata(iv->session);
	if (!db) {
		ui_say(iv->u, "  (Occupation data is not installed, so your title is kept as you wrote it.)\n");
		json_decref(title);
		return 0;
	}
	ac_occ_match *m = NULL;
	size_t n = 0;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_occdata_search(db, json_string_value(title), MAX_MATCHES, &m, &n, &d);
	json_decref(title);
	ac_diags_free(&d);
	if (st == AC_ENOMEM) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	if (st != AC_OK || n == 0) {
		ui_say(iv->u, "  No occupation in the data matches that title; your tasks will speak for your role.\n");
		ac_occ_matches_free(m, n);
		return 0;
	}
	json_t *cur = answer(iv, "role.occupation");
	long dflt = cur || kept ? -1 : 1;
	ui_question(iv->u, "Which of these occupations is closest to yours?",
		    "The occupation's published tasks and figures stand for your role until you list your own.");
	for (size_t i = 0; i < n; i++) {
		const ac_occ_match *mi = ac_occ_matches_at(m, i);
		if (cur && strcmp(json_string_value(cur), ac_occ_match_code(mi)) == 0)
			dflt = (long)i + 1;
		ui_say(iv->u, "  %2zu  %s (%s), a %.0f%% match", i + 1, ac_occ_match_title(mi), ac_occ_match_code(mi),
		       ac_occ_match_confidence(mi) * 100);
		if (strcmp(ac_occ_match_matched(mi), ac_occ_match_title(mi)) != 0)
			ui_say(iv->u, " as \"%s\"", ac_occ_match_matched(mi));
		ui_say(iv->u, "\n");
	}
	ui_say(iv->u, "   0  none of these\n");
	char prompt[64];
	if (dflt > 0)
		snprintf(prompt, sizeof prompt, "[%ld] > ", dflt);
	else
		snprintf(prompt, sizeof prompt, "[keep %s] > ", cur ? json_string_value(cur) : "none");
	long k = pick_number(iv, prompt, (long)n, dflt > 0 ? dflt : 1000);
	if (k == 1000) /* Enter on an occupation not in the list: kept */
		rc = 0;
	else
		rc = set(iv, "role.occupation",
			 k > 0 ? json_string(ac_occ_match_code(ac_occ_matches_at(m, (size_t)(k - 1)))) : json_null());
	json_decref(cur);
	ac_occ_matches_free(m, n);
	return rc;
}

/* ------------------------------------------------------------ the task mix */

typedef struct {
	json_t *tasks; /* array of task objects, as the profile holds them */
	json_t *examples; /* beside each task: one of the occupation's tasks it stands for, or null */
	const ac_qn_question *name_q, *share_q, *cat_q;
} mix;

static const char *category_label(const mix *x, const json_t *task)
{
	const char *cat = json_string_value(json_object_get(task, "category"));
	for (size_t i = 0; cat && x->cat_q && i < ac_question_choice_count(x->cat_q); i++)
		if (strcmp(ac_question_choice_value(x->cat_q, i), cat) == 0)
			return ac_question_choice_label(x->cat_q, i);
	return json_object_get(task, "onet_task_id") ? "an O*NET task" : "kind of work not given";
}

static double total_of(const json_t *tasks)
{
	double t = 0;
	size_t i;
	json_t *e;
	json_array_foreach(tasks, i, e) t += json_number_value(json_object_get(e, "share"));
	return t;
}

static void show_mix(interview *iv, const mix *x)
{
	size_t n = json_array_size(x->tasks), i;
	json_t *e;
	if (!n) {
		ui_say(iv->u, "  No tasks listed yet.\n");
		return;
	}
	json_array_foreach(x->tasks, i, e)
	{
		const char *name = json_string_value(json_object_get(e, "name"));
		const char *label = category_label(x, e);
		const char *example = json_string_value(json_array_get(x->examples, i));
		ui_say(iv->u, "  %2zu  %5.4g%%  %s\n", i + 1, json_number_value(json_object_get(e, "share")), name);
		if (name && strcmp(name, label) == 0 && example)
			ui_say(iv->u, "               such as: %.*s%s\n",
			       (int)(iv->u->width > 60 ? iv->u->width - 28 : 32), example,
			       strlen(example) > (iv->u->width > 60 ? iv->u->width - 28 : 32) ? "..." : "");
		else if (!name || strcmp(name, label) != 0)
			ui_say(iv->u, "               %s\n", label);
	}
	ui_say(iv->u, "      %5.4g%%  in all%s\n", total_of(x->tasks),
	       fabs(total_of(x->tasks) - 100) < 0.05 ? "" : " (they will be scaled to add up to 100)");
}

/* Suggested tasks from the occupation's: one per kind of work, largest
 * first, with the share of time the library gives its group (whole
 * percents), named by the kind's plain label, with its largest task beside
 * it as an example. */
static json_t *suggest(interview *iv, const mix *x, const char *code)
{
	ac_occdata *db = ac_session_occdata(iv->session);
	ac_occupation *occ = NULL;
	ac_task_groups *g = NULL;
	ac_diags d;
	ac_diags_init(&d);
	if (!db || ac_occdata_occupation(db, code, &occ, &d) != AC_OK ||
	    ac_occupation_task_groups(occ, ac_session_policy(iv->session), &g, &d) != AC_OK) {
		ac_occupation_free(occ);
		ac_diags_free(&d);
		return NULL;
	}
	ac_diags_free(&d);
	json_t *tasks = json_array();
	for (size_t i = 0; i < ac_task_groups_count(g); i++) {
		const char *name = ac_enum_name(AC_ENUM_CATEGORY, ac_task_groups_category(g, i));
		const char *label = name;
		for (size_t k = 0; name && k < ac_question_choice_count(x->cat_q); k++)
			if (strcmp(ac_question_choice_value(x->cat_q, k), name) == 0)
				label = ac_question_choice_label(x->cat_q, k);
		if (!name)
			continue;
		json_array_append_new(tasks, json_pack("{s:s,s:f,s:s}", "name", label, "share",
						       ac_task_groups_share(g, i) * 100, "category", name));
		const char *example = ac_task_groups_task_count(g, i) ? ac_task_groups_task(g, i, 0, NULL) : NULL;
		json_array_append_new(x->examples, example ? json_string(example) : json_null());
	}
	ac_task_groups_free(g);
	ac_occupation_free(occ);
	return tasks;
}

/* Adds one task of the person's own: its name, share and kind of work. */
static int add_task(interview *iv, mix *x)
{
	char *name = NULL, *share = NULL, *cat = NULL;
	int r = ask_value(iv, x->name_q, NULL, &name);
	json_t *typed = r == 0 ? json_loads(name, JSON_DECODE_ANY, NULL) : NULL;
	if (r == 0 && (!json_is_string(typed) || !*json_string_value(typed)))
		r = 1; /* a task needs a name */
	json_decref(typed);
	if (r == 0)
		r = ask_value(iv, x->share_q, NULL, &share);
	if (r == 0)
		r = ask_value(iv, x->cat_q, NULL, &cat);
	if (r == 0) {
		json_t *t = json_object();
		json_object_set_new(t, "name", json_loads(name, JSON_DECODE_ANY, NULL));
		json_object_set_new(t, "share", json_loads(share, JSON_DECODE_ANY, NULL));
		json_object_set_new(t, "category", json_loads(cat, JSON_DECODE_ANY, NULL));
		json_array_append_new(x->tasks, t);
		json_array_append_new(x->examples, json_null());
	} else
		ui_say(iv->u, "  No task was added.\n");
	ac_free(name);
	ac_free(share);
	ac_free(cat);
	return 0;
}

/* "N SHARE": a new share for task N, checked as a share is. */
static void edit_share(interview *iv, mix *x, const char *s)
{
	char *end;
	long k = strtol(s, &end, 10);
	if (k < 1 || (size_t)k > json_array_size(x->tasks) || *end != ' ') {
		ui_say(iv->u, "  There is no task %ld; type its number, then its share, like 2 30.\n", k);
		return;
	}
	char *json = NULL;
	ac_diags d;
	ac_diags_init(&d);
	if (ac_question_parse_answer(x->share_q, end, &json, &d) == AC_OK)
		json_object_set_new(json_array_get(x->tasks, (size_t)k - 1), "share",
				    json_loads(json, JSON_DECODE_ANY, NULL));
	else
		ui_say(iv->u, "  %s; to remove task %ld type d %ld.\n",
		       ac_diags_count(&d) ? ac_diag_message(ac_diags_at(&d, 0)) : "not a share", k, k);
	ac_free(json);
	ac_diags_free(&d);
}

static long task_number(interview *iv, const mix *x, const char *s)
{
	char *end;
	long k = strtol(s, &end, 10);
	if (end == s || *end || k < 1 || (size_t)k > json_array_size(x->tasks)) {
		ui_say(iv->u, "  There is no task '%s'; type the task's number from the list.\n", s);
		return 0;
	}
	return k;
}

/* Scales the shares to whole percents that add up to exactly 100 (the
 * largest remainders get the spare points; none falls below 1), with a note. */
static void normalise(interview *iv, mix *x, int quiet)
{
	double t = total_of(x->tasks);
	size_t n = json_array_size(x->tasks);
	if (t <= 0 || (!quiet && fabs(t - 100) < 0.05) || n > 100)
		return;
	double rest[100];
	long whole[100], sum = 0;
	for (size_t i = 0; i < n; i++) {
		double s = json_number_value(json_object_get(json_array_get(x->tasks, i), "share")) * 100 / t;
		whole[i] = s < 1 ? 1 : (long)floor(s);
		rest[i] = s - floor(s);
		sum += whole[i];
	}
	while (sum != 100) { /* one point at a time to the largest remainder (or from the smallest) */
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if ((sum < 100 || whole[i] > 1) &&
			    (best == n || (sum < 100 ? rest[i] > rest[best] : rest[i] < rest[best])))
				best = i;
		if (best == n)
			break;
		whole[best] += sum < 100 ? 1 : -1;
		rest[best] = sum < 100 ? -1 : 2; /* each task moves once before any moves again */
		sum += sum < 100 ? 1 : -1;
	}
	for (size_t i = 0; i < n; i++)
		json_object_set_new(json_array_get(x->tasks, i), "share", json_integer(whole[i]));
	if (!quiet)
		ui_say(iv->u,
		       "  Your shares added up to %.4g%%; each was scaled in proportion, so they add up to 100%%.\n",
		       t);
}

int ask_tasks(interview *iv, const ac_qn_question *q)
{
	mix x = {answer(iv, ac_question_path(q)), json_array(), NULL, NULL, NULL};
	for (size_t i = 0; i < ac_questionnaire_count(iv->qn); i++) {
		const ac_qn_question *w = ac_questionnaire_at(iv->qn, i);
		if (!ac_question_within(w) || strcmp(ac_question_within(w), ac_question_id(q)) != 0)
			continue;
		if (strcmp(ac_question_path(w), "role.tasks[].name") == 0)
			x.name_q = w;
		else if (strcmp(ac_question_path(w), "role.tasks[].share") == 0)
			x.share_q = w;
		else if (strcmp(ac_question_path(w), "role.tasks[].category") == 0)
			x.cat_q = w;
	}
	for (size_t i = 0; i < json_array_size(x.tasks); i++)
		json_array_append_new(x.examples, json_null());
	if (!x.name_q || !x.share_q || !x.cat_q) {
		json_decref(x.examples);
		cli_error("the questionnaire's task mix '%s' needs questions within it for a task's name, share and "
			  "category",
			  ac_question_id(q));
		json_decref(x.tasks);
		return CLI_EXIT_USAGE;
	}
	ui_question(iv->u, ac_question_text(q), ac_question_help(q));
	int suggested = 0;
	if (!json_is_array(x.tasks) || json_array_size(x.tasks) == 0) {
		json_decref(x.tasks);
		json_t *code = answer(iv, "role.occupation");
		x.tasks = code ? suggest(iv, &x, json_string_value(code)) : NULL;
		json_decref(code);
		suggested = x.tasks && json_array_size(x.tasks);
		if (suggested)
			normalise(iv, &x, 1); /* whole percents adding up to 100 */
		if (!x.tasks)
			x.tasks = json_array();
	}
	if (suggested)
		ui_wrap(iv->u, "  ",
			"These kinds of work are suggested from your occupation's tasks; keep them, or make "
			"them yours:");
	int done = 0, unknown = 0;
	while (!done) {
		show_mix(iv, &x);
		ui_wrap(iv->u, "  ",
			"Enter: keep these · N SHARE: change a share (2 30) · d N: remove · a: add a task "
			"· c N: change its kind of work · -: don't know · ?: help");
		char *line = ui_read(iv->u, "> ", NULL, 0);
		char *s = line + strspn(line, " ");
		s[strcspn(s, "\r\n")] = '\0';
		long k;
		if (!*s || strcmp(s, "done") == 0)
			done = 1;
		else if (strcmp(s, "-") == 0)
			done = unknown = 1;
		else if (strcmp(s, "?") == 0)
			ui_wrap(iv->u, "  ",
				"List the recurring tasks of your role with about what percent of your time each "
				"takes; they need not add up to exactly 100. Each task's kind of work decides "
				"how much of it AI can do.");
		else if (strcmp(s, "a") == 0)
			add_task(iv, &x);
		else if ((s[0] == 'd' || s[0] == 'c') && s[1] == ' ') {
			if ((k = task_number(iv, &x, s + 2 + strspn(s + 2, " "))) > 0 && s[0] == 'd') {
				json_array_remove(x.tasks, (size_t)k - 1);
				json_array_remove(x.examples, (size_t)k - 1);
			} else if (k > 0) {
				char *cat = NULL;
				json_t *t = json_array_get(x.tasks, (size_t)k - 1);
				char *cur = json_dumps(json_object_get(t, "category"), JSON_ENCODE_ANY);
				if (ask_value(iv, x.cat_q, cur, &cat) == 0)
					json_object_set_new(t, "category", json_loads(cat, JSON_DECODE_ANY, NULL));
				free(cur);
				ac_free(cat);
			}
		} else if (s[0] >= '0' && s[0] <= '9')
			edit_share(iv, &x, s);
		else
			ui_say(iv->u, "  '%s' is not one of the commands below the list.\n", s);
		free(line);
	}
	int rc;
	json_decref(x.examples);
	if (unknown || json_array_size(x.tasks) == 0) {
		json_decref(x.tasks);
		rc = set(iv, ac_question_path(q), json_null());
	} else {
		normalise(iv, &x, 0);
		rc = set(iv, ac_question_path(q), x.tasks);
	}
	return rc;
}

/* ------------------------------------------------------------ the certificate */

static int custom_certificate(interview *iv)
{
	for (;;) {
		char *line = ui_read(iv->u, "Its name > ", NULL, 0);
		char *s = line + strspn(line, " ");
		if (!*s) {
			free(line);
			return 1;
		}
		json_t *name = json_string(s);
		free(line);
		if (name)
			return set(iv, "certification", json_pack("{s:o}", "name", name));
		ui_say(iv->u, "  The name is not valid text; type it again.\n");
	}
}

int ask_certificate(interview *iv, const ac_qn_question *q)
{
	const ac_catalogue *cat = ac_session_catalogue(iv->session);
	json_t *cur = answer(iv, ac_question_path(q));
	const char *id = json_string_value(json_object_get(cur, "id"));
	const char *name = json_string_value(json_object_get(cur, "name"));
	const ac_cert *known = id ? ac_catalogue_find(cat, id) : NULL;
	char *prompt = cur ? iv_printf("[%s] > ", known ? ac_cert_name(known) : name ? name : "keep") : strdup("> ");
	json_decref(cur);
	ui_question(iv->u, ac_question_text(q), ac_question_help(q));
	int rc = -1;
	while (rc < 0) {
		char *line = ui_read(iv->u, prompt ? prompt : "> ", NULL, 0);
		char *s = line + strspn(line, " ");
		if (!*s)
			rc = 0;
		else if (strcmp(s, "-") == 0 || strcasecmp(s, "none") == 0)
			rc = set(iv, ac_question_path(q), json_null());
		else if (strcmp(s, "?") == 0)
			ui_wrap(iv->u, "  ",
				"Type words from its name, provider, exam code or topic (such as: aws machine "
				"learning); none if you have no certificate in mind; custom for one that is not "
				"in the catalogue.");
		else if (strcasecmp(s, "custom") == 0) {
			int r = custom_certificate(iv);
			if (r != 1)
				rc = r;
		} else {
			ac_cert_filter f;
			ac_cert_filter_init(&f);
			f.words = s;
			const ac_cert *found[MAX_CERTS];
			size_t n = 0, more = 0;
			for (size_t i = 0; i < ac_catalogue_count(cat); i++)
				if (ac_cert_matches(ac_catalogue_at(cat, i), &f)) {
					if (n < MAX_CERTS)
						found[n++] = ac_catalogue_at(cat, i);
					else
						more++;
				}
			if (!n)
				ui_say(iv->u,
				       "  No certificate in the catalogue matches '%s'. Type other words, none, or "
				       "custom.\n",
				       s);
			else {
				for (size_t i = 0; i < n; i++)
					ui_say(iv->u, "  %2zu  %s (%s)\n", i + 1, ac_cert_name(found[i]),
					       ac_cert_id(found[i]));
				if (more)
					ui_say(iv->u, "      and %zu more: type more words to narrow the search\n",
					       more);
				ui_say(iv->u, "   0  none of these: search again\n");
				long k = pick_number(iv, "> ", (long)n, 0);
				if (k > 0)
					rc = set(iv, ac_question_path(q),
						 json_pack("{s:s}", "id", ac_cert_id(found[k - 1])));
			}
		}
		free(line);
	}
	free(prompt);
	return rc;
}
