/*
 * interview_ask.c — one question of the interview asked: its choices shown
 * with their plain labels, the answer read and turned into the field's JSON
 * value, and a bad answer (a letter for a number, an unknown choice) asked
 * again with the reason.  The steps (interview_steps.c) and the command
 * (cmd_interview.c) both ask through it.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "interview.h"

/* The number (1..n) of the choice whose JSON value is json, or 0. */
static size_t choice_of(const ac_qn_question *q, const char *json)
{
	for (size_t i = 0; i < ac_question_choice_count(q); i++)
		if (strcmp(ac_question_choice_json(q, i), json) == 0)
			return i + 1;
	return 0;
}

/* What the current answer looks like in brackets: a choice's label, the
 * numbers of a list's choices, the number or text itself. */
static char *shown(const ac_qn_question *q, const char *json)
{
	if (!json || strcmp(json, "null") == 0)
		return NULL;
	size_t c = choice_of(q, json);
	if (c)
		return strdup(ac_question_choice_label(q, c - 1));
	json_t *v = json_loads(json, JSON_DECODE_ANY, NULL);
	char *s = NULL;
	if (json_is_string(v))
		s = strdup(*json_string_value(v) ? json_string_value(v) : "none");
	else if (json_is_array(v)) {
		char buf[512] = "";
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			char *one = json_dumps(e, JSON_ENCODE_ANY);
			size_t ce = one ? choice_of(q, one) : 0;
			free(one);
			if (ce && strlen(buf) + 8 < sizeof buf)
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%zu", *buf ? " " : "", ce);
		}
		s = strdup(*buf ? buf : "none");
	} else
		s = strdup(json);
	json_decref(v);
	return s;
}

int ask_value(interview *iv, const ac_qn_question *q, const char *current, char **json)
{
	ui *u = iv->u;
	*json = NULL;
	char *def = shown(q, current);
	ui_question(u, ac_question_text(q), ac_question_help(q));
	char **arrows = NULL;
	size_t n = ac_question_choice_count(q);
	if (n) {
		arrows = calloc(n, sizeof *arrows);
		for (size_t i = 0; i < n; i++) {
			ui_say(u, "  %2zu  %s\n", i + 1, ac_question_choice_label(q, i));
			if (arrows)
				arrows[i] = iv_printf("%zu - %s", i + 1, ac_question_choice_label(q, i));
		}
	}
	char *prompt = def ? iv_printf("[%s] > ", def) : strdup("> ");
	int result = -1;
	while (result < 0) {
		char *line = ui_read(u, prompt ? prompt : "> ", (const char *const *)arrows, arrows ? n : 0);
		char *s = line + strspn(line, " \t");
		s[strcspn(s, "\r\n")] = '\0';
		/* An answer taken from the arrow keys: "3 - label" stands for 3. */
		char *dash = strstr(s, " - ");
		if (arrows && dash && dash > s && strspn(s, "0123456789") == (size_t)(dash - s))
			*dash = '\0';
		if (strcmp(s, "?") == 0) {
			const ac_field *f = ac_schema_find(ac_question_path(q));
			ui_wrap(u, "  ", f ? ac_field_help(f) : ac_question_help(q));
			ui_wrap(u, "  ",
				ac_question_kind(q) == AC_QN_MANY
					? "Type the numbers of every choice that applies, "
					  "or none. Enter keeps the answer in brackets or skips; "
					  "- means you don't know."
					: "Enter keeps the answer in brackets or skips; - means "
					  "you don't know.");
		} else if (!*s) {
			result = 1;
		} else if (strcmp(s, "-") == 0) {
			result = 2;
		} else {
			ac_diags d;
			ac_diags_init(&d);
			ac_status st = ac_question_parse_answer(q, s, json, &d);
			if (st == AC_OK)
				result = 0;
			else if (st == AC_ENOMEM)
				ui_check_memory(u); /* exits: memory ran out, not a wrong answer */
			else
				ui_say(u, "  %s\n",
				       ac_diags_count(&d) ? ac_diag_message(ac_diags_at(&d, 0))
							  : "that answer was not understood");
			ac_diags_free(&d);
		}
		free(line);
	}
	for (size_t i = 0; arrows && i < n; i++)
		free(arrows[i]);
	free(arrows);
	free(prompt);
	free(def);
	return result;
}

int ask_simple(interview *iv, const ac_qn_question *q)
{
	char *current = NULL, *json = NULL;
	if (ac_profile_get(iv->profile, ac_question_path(q), &current) != AC_OK) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	int r = ask_value(iv, q, current, &json);
	ac_free(current);
	if (r == 1)
		return 0; /* kept as it was */
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_profile_set(iv->profile, ac_question_path(q), r == 2 ? "null" : json, &d);
	ac_free(json);
	int rc = st == AC_OK ? 0 : cli_fail(st, &d, ac_question_path(q));
	ac_diags_free(&d);
	return rc;
}
