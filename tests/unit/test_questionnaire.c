/*
 * test_questionnaire.c — the interview's questions as data: the built-in
 * questionnaire reads cleanly and every question fills a real profile field;
 * a file with a question the schema cannot hold is refused naming the line;
 * conditions follow the answers; typed answers become the field's JSON
 * value or a message that speaks to a person; a later question is offered
 * only when one of its answers changes the verdict; the JSON for a web page
 * carries every question.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aicert.h"

static ac_session *session;
static ac_questionnaire *builtin;

static int setup(void **state)
{
	(void)state;
	ac_session_options o;
	ac_session_options_init(&o);
	o.no_data = 1;
	if (ac_session_new(&o, &session, NULL) != AC_OK)
		return -1;
	return ac_questionnaire_default(&builtin, NULL) == AC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ac_questionnaire_free(builtin);
	ac_session_free(session);
	return 0;
}

static void every_builtin_question_fills_a_profile_field(void **state)
{
	(void)state;
	size_t n = ac_questionnaire_count(builtin);
	assert_true(n > 30);
	for (size_t i = 0; i < n; i++) {
		const ac_qn_question *q = ac_questionnaire_at(builtin, i);
		assert_non_null(ac_schema_find(ac_question_path(q)));
		assert_true(strlen(ac_question_text(q)) > 5 && strlen(ac_question_help(q)) > 5);
		for (size_t k = 0; k < ac_question_choice_count(q); k++) {
			/* every choice is an answer the profile takes */
			ac_profile *p = NULL;
			assert_int_equal(ac_profile_new(&p), AC_OK);
			if (strncmp(ac_question_path(q), "certification.", 14) == 0) /* a custom certificate's details */
				assert_int_equal(ac_profile_set(p, "certification", "{\"name\": \"x\"}", NULL), AC_OK);
			char list[128];
			snprintf(list, sizeof list, "[%s]", ac_question_choice_json(q, k)); /* a list's choice is one element */
			const char *value = ac_question_kind(q) == AC_QN_MANY ? list : ac_question_choice_json(q, k);
			if (!ac_question_within(q))
				assert_int_equal(ac_profile_set(p, ac_question_path(q), value, NULL), AC_OK);
			ac_profile_free(p);
		}
	}
	assert_string_equal(ac_question_path(ac_questionnaire_find(builtin, "leverage_test")), "role.leverage_test");
	assert_null(ac_questionnaire_find(builtin, "no_such_question"));
}

/* Reads text; returns the status and the first diagnostic's line. */
static ac_status read_text(const char *text, int *line, char *message, size_t n)
{
	ac_questionnaire *q = NULL;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_questionnaire_parse(text, strlen(text), "q.txt", &q, &d);
	*line = ac_diags_count(&d) ? ac_diag_line(ac_diags_at(&d, 0)) : 0;
	if (message)
		snprintf(message, n, "%s", ac_diags_count(&d) ? ac_diag_message(ac_diags_at(&d, 0)) : "");
	if (st != AC_OK)
		assert_null(q);
	else
		assert_int_equal(ac_diags_count(&d), 0);
	ac_questionnaire_free(q);
	ac_diags_free(&d);
	return st;
}

static void a_question_on_an_unknown_field_is_refused_naming_the_line(void **state)
{
	(void)state;
	int line;
	char msg[512];
	const char *good = "question kind\n  fills role.kind\n  ask Manager?\n  why It matters.\n  choice ic = No\n";
	assert_int_equal(read_text(good, &line, NULL, 0), AC_OK);
	static const struct {
		const char *text, *says;
		int line;
	} bad[] = {
		{"# c\nquestion x\n  fills role.nothing\n  ask A?\n  why B.\n", "not a field of the profile", 3},
		{"question x\n  fills role.kind\n  ask A?\n  why B.\n  choice boss = Boss\n", "'boss' is not an answer", 5},
		{"question x\n  fills role.kind\n  ask A?\n  why B.\n  choice ic = I\n  when role.kind is boss\n",
		 "'boss' is not an answer", 6},
		{"question x\n  fills role.kind\n  ask A?\n  choice ic = I\n", "no 'why' line", 1},
		{"question x\n  fills role.kind\n  ask A?\n  why B.\n", "has no choices", 1},
		{"question x\n  fills role.ladder_level\n  ask A?\n  why B.\n  choice 9 = Nine\n", "whole number from 1 to 5", 5},
		{"question x\n  fills constraints.budget_usd\n  ask A?\n  why B.\n  later\n", "needs 'try' values", 1},
		{"question x\n  fills constraints.budget_usd\n  ask A?\n  why B.\n  try -4\n", "tried value -4", 5},
		{"question x\n  fills role.tasks[].share\n  ask A?\n  why B.\n", "asked 'within tasks'", 1},
		{"question x\n  fills role\n  ask A?\n  why B.\n", "cannot be asked as one question", 1},
		{"question x\n  fills role.title\n  ask A?\n  why B.\nquestion x\n", "defined twice", 5},
		{"question x\n  fills role.title\n  ask A?\n  why B.\n  colour red\n", "expected fills, kind", 5},
		{"  fills role.title\n", "outside a question", 1},
		{"# nothing\n", "no questions", 1},
		{"question x\n  fills role.title\n  ask \033[2JA?\n  why B.\n", "control character 0x1b", 3},
		{"question x\n  fills role.title\n  ask A?\n  why B\xc2\x9b.\n", "control character U+009b", 4},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(read_text(bad[i].text, &line, msg, sizeof msg), AC_EINPUT);
		if (!strstr(msg, bad[i].says) || line != bad[i].line)
			fail_msg("case %zu: line %d, '%s'; expected line %d saying '%s'", i, line, msg, bad[i].line,
				 bad[i].says);
	}
}

static void manager_questions_are_asked_of_managers_only(void **state)
{
	(void)state;
	const ac_qn_question *q = ac_questionnaire_find(builtin, "manager_reporting");
	ac_profile *p = NULL;
	assert_int_equal(ac_profile_new(&p), AC_OK);
	assert_false(ac_question_applies(q, p)); /* unknown kind: not a manager */
	assert_int_equal(ac_profile_set(p, "role.kind", "\"ic\"", NULL), AC_OK);
	assert_false(ac_question_applies(q, p));
	assert_int_equal(ac_profile_set(p, "role.kind", "\"hybrid\"", NULL), AC_OK);
	assert_true(ac_question_applies(q, p));
	/* custom-certificate questions: only for a certificate named, not picked */
	const ac_qn_question *dom = ac_questionnaire_find(builtin, "cert_domain");
	assert_false(ac_question_applies(dom, p));
	assert_int_equal(ac_profile_set(p, "certification", "{\"name\": \"My course\"}", NULL), AC_OK);
	assert_true(ac_question_applies(dom, p));
	assert_int_equal(ac_profile_set(p, "certification", "{\"id\": \"aws-aif-c01\"}", NULL), AC_OK);
	assert_false(ac_question_applies(dom, p));
	ac_profile_free(p);
}

static void expect_answer(const char *id, const char *typed, const char *json)
{
	char *out = NULL;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_question_parse_answer(ac_questionnaire_find(builtin, id), typed, &out, &d);
	if (json) {
		if (st != AC_OK || strcmp(out, json) != 0)
			fail_msg("%s '%s': got %s (%s), expected %s", id, typed, out ? out : "nothing",
				 ac_diags_count(&d) ? ac_diag_message(ac_diags_at(&d, 0)) : "", json);
	} else {
		assert_int_equal(st, AC_EINPUT);
		assert_null(out);
		assert_int_equal(ac_diags_count(&d), 1);
		assert_null(ac_diag_path(ac_diags_at(&d, 0))); /* it speaks to a person, not about a JSON path */
	}
	ac_free(out);
	ac_diags_free(&d);
}

static void typed_answers_become_the_fields_values(void **state)
{
	(void)state;
	expect_answer("kind", "2", "\"manager\"");
	expect_answer("kind", "hybrid", "\"hybrid\"");
	expect_answer("kind", "  Both  ", "\"hybrid\"");
	expect_answer("owns_outcomes", "y", "true");
	expect_answer("owns_outcomes", "No", "false");
	expect_answer("ladder", "4", "4");
	expect_answer("adoption_signals", "1, 3 3", "[\"ai_optional\", \"ai_expected\"]");
	expect_answer("adoption_signals", "none", "[]");
	expect_answer("budget", "400", "400");
	expect_answer("budget", "$ 250.5", NULL);
	expect_answer("hours", "2.5", "2.5");
	expect_answer("target_role", "Data engineer", "\"Data engineer\"");
	expect_answer("target_role", "none", "\"\"");
	expect_answer("manager_reporting", "60%", "60");
	/* refused: a letter for a number, out of range, zero where more is needed, unknown choices */
	expect_answer("kind", "x", NULL);
	expect_answer("kind", "4", NULL);
	expect_answer("kind", "0", NULL);
	expect_answer("ladder", "six", NULL);
	expect_answer("budget", "lots", NULL);
	expect_answer("budget", "-1", NULL);
	expect_answer("hours", "0", NULL);
	expect_answer("manager_reporting", "101", NULL);
	expect_answer("adoption_signals", "1 42", NULL);
	expect_answer("task_share", "0", NULL);
	expect_answer("tasks", "anything", NULL);
}

static void a_later_question_counts_only_when_an_answer_moves_the_verdict(void **state)
{
	(void)state;
	ac_profile *p = NULL;
	assert_int_equal(ac_profile_new(&p), AC_OK);
	const ac_qn_question *q = ac_questionnaire_find(builtin, "function");
	int could = -1;
	/* With nothing answered the verdict rests on the task mix: the function cannot move it. */
	assert_int_equal(ac_session_question_could_change(session, q, p, "2026-06-01", &could, NULL), AC_OK);
	assert_int_equal(could, 0);
	/* Compressing industry: tried both ways, "yes" moves a profile heading to pursue. */
	const char *lead = "{\"schema\": \"aicert/profile/v2\", \"role\": {\"kind\": \"ic\", \"tasks\": ["
			   "{\"name\": \"Design\", \"share\": 60, \"category\": \"system_design\"},"
			   "{\"name\": \"Decide\", \"share\": 40, \"category\": \"judgment_decisions\"}],"
			   "\"owns_measurable_outcomes\": true, \"decision_authority\": \"holds\", \"ladder_level\": 4,"
			   "\"leverage_test\": \"scope\", \"value_basis\": \"judgment\"},"
			   "\"ai_use\": {\"tested_in_role\": true, \"level\": \"built_workflows\", \"widened_scope\": true},"
			   "\"trajectory\": {\"expanding_into_system_design\": true},"
			   "\"motives\": [\"capability_gap\"], \"capability_gap\": \"evaluating models\","
			   "\"constraints\": {\"budget_usd\": 1000, \"hours_per_week\": 5}}";
	ac_profile *l = NULL;
	assert_int_equal(ac_profile_parse(lead, strlen(lead), "lead", &l, NULL), AC_OK);
	const ac_qn_question *comp = ac_questionnaire_find(builtin, "industry_compressing");
	assert_int_equal(ac_session_question_could_change(session, comp, l, "2026-06-01", &could, NULL), AC_OK);
	assert_int_equal(could, 1);
	ac_profile_free(l);
	ac_profile_free(p);
}

static void the_json_for_a_web_page_carries_every_question(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(ac_questionnaire_render_json(builtin, &out, &len), AC_OK);
	assert_int_equal(strlen(out), len);
	assert_non_null(strstr(out, "\"schema\": \"" AC_QUESTIONNAIRE_SCHEMA "\""));
	size_t ids = 0;
	for (const char *s = out; (s = strstr(s, "\n      \"id\": ")) != NULL; s++)
		ids++;
	assert_int_equal(ids, ac_questionnaire_count(builtin));
	assert_non_null(strstr(out, "\"label\": \"Need fewer people like me\""));
	ac_free(out);
	/* the starter profile and the JSON Schema come from the same schema */
	assert_int_equal(ac_profile_starter(&out, &len), AC_OK);
	ac_profile *p = NULL;
	assert_int_equal(ac_profile_parse(out, len, "starter", &p, NULL), AC_OK);
	ac_profile_free(p);
	ac_free(out);
	assert_int_equal(ac_schema_json_schema(&out, &len), AC_OK);
	for (size_t i = 0; i < ac_schema_count(); i++) {
		const char *path = ac_field_path(ac_schema_at(i)), *dot = strrchr(path, '.');
		char key[128];
		snprintf(key, sizeof key, "\"%s\": {", dot ? dot + 1 : path);
		assert_non_null(strstr(out, key));
	}
	ac_free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_builtin_question_fills_a_profile_field),
		cmocka_unit_test(a_question_on_an_unknown_field_is_refused_naming_the_line),
		cmocka_unit_test(manager_questions_are_asked_of_managers_only),
		cmocka_unit_test(typed_answers_become_the_fields_values),
		cmocka_unit_test(a_later_question_counts_only_when_an_answer_moves_the_verdict),
		cmocka_unit_test(the_json_for_a_web_page_carries_every_question),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
