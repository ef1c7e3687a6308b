/*
 * test_profile_write.c — the public profile schema, the canonical writer and
 * answers set or read by path: every case profile survives a write and a
 * parse unchanged (same canonical text, same assessment), a bad answer is
 * refused and leaves the profile as it was, and the schema table is
 * consistent with the parser.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "aicert.h"

static ac_session *session;

static int setup(void **state)
{
	(void)state;
	ac_session_options o;
	ac_session_options_init(&o);
	o.no_data = 1;
	return ac_session_new(&o, &session, NULL) == AC_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ac_session_free(session);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static ac_profile *parse(const char *text)
{
	ac_profile *p = NULL;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_profile_parse(text, strlen(text), "test", &p, &d);
	for (size_t i = 0; i < ac_diags_count(&d); i++) {
		const ac_diag *x = ac_diags_at(&d, i);
		print_error("%s: %s\n", ac_diag_path(x) ? ac_diag_path(x) : "", ac_diag_message(x));
	}
	ac_diags_free(&d);
	assert_int_equal(st, AC_OK);
	return p;
}

static char *write_profile(const ac_profile *p)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(ac_profile_write(p, &out, &len), AC_OK);
	assert_int_equal(strlen(out), len);
	return out;
}

static char *assess_json(const ac_profile *p)
{
	ac_assessment *a = NULL;
	assert_int_equal(ac_session_assess(session, p, NULL, &a, NULL), AC_OK);
	char *out = NULL;
	size_t len;
	assert_int_equal(ac_render(a, AC_FORMAT_JSON, &out, &len), AC_OK);
	ac_assessment_free(a);
	return out;
}

/* Every answer, and every section (certification, role.tasks), read by
 * its path is the value the canonical text holds there (null when it holds
 * none). */
static void answers_read_as_written(const ac_profile *p, const char *canonical, const char *name)
{
	json_t *root = json_loads(canonical, 0, NULL);
	assert_non_null(root);
	for (size_t i = 0; i < ac_schema_count(); i++) {
		const char *path = ac_field_path(ac_schema_at(i));
		if (strchr(path, '['))
			continue;
		char key[256];
		snprintf(key, sizeof key, "%s", path);
		json_t *cur = root;
		for (char *save = NULL, *k = strtok_r(key, ".", &save); cur && k; k = strtok_r(NULL, ".", &save))
			cur = json_object_get(cur, k);
		char *want = cur ? json_dumps(cur, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER |
							  JSON_REAL_PRECISION(17))
				 : strdup("null");
		char *got = NULL;
		assert_int_equal(ac_profile_get(p, path, &got), AC_OK);
		if (strcmp(want, got) != 0)
			fail_msg("%s: %s reads %s, the canonical text has %s", name, path, got, want);
		free(want);
		ac_free(got);
	}
	json_decref(root);
}

static void round_trip_dir(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *text = slurp(path, &len);
		ac_profile *p = parse(text);
		char *once = write_profile(p);
		ac_profile *q = parse(once);
		char *twice = write_profile(q);
		answers_read_as_written(p, once, e->d_name);
		if (strcmp(once, twice) != 0)
			fail_msg("%s: the canonical form changes when written again", e->d_name);
		char *a1 = assess_json(p), *a2 = assess_json(q);
		if (strcmp(a1, a2) != 0)
			fail_msg("%s: the written profile assesses differently", e->d_name);
		ac_free(a1);
		ac_free(a2);
		ac_free(once);
		ac_free(twice);
		ac_profile_free(p);
		ac_profile_free(q);
		free(text);
		n++;
	}
	closedir(d);
	assert_true(n >= 10);
}

static void every_case_profile_survives_write_and_parse(void **state)
{
	(void)state;
	round_trip_dir(CASES_DIR);
	round_trip_dir(EXAMPLES_DIR);
}

static void canonical_form_follows_schema_order_and_leaves_unknowns_out(void **state)
{
	(void)state;
	ac_profile *p = parse("{\"motives\": [\"capability_gap\"], \"role\": {\"leverage_test\": \"scope\", "
			      "\"title\": \" Analyst \", \"owns_measurable_outcomes\": null}, "
			      "\"schema\": \"aicert/profile/v1\"}");
	char *out = write_profile(p);
	assert_string_equal(out, "{\n  \"schema\": \"aicert/profile/v1\",\n  \"role\": {\n    \"title\": \"Analyst\",\n"
				 "    \"leverage_test\": \"scope\"\n  },\n  \"motives\": [\n    \"capability_gap\"\n  ]\n}\n");
	ac_free(out);
	ac_profile_free(p);
}

static void answers_are_set_and_read_by_path(void **state)
{
	(void)state;
	ac_profile *p = NULL;
	assert_int_equal(ac_profile_new(&p), AC_OK);
	char *v = NULL;
	assert_int_equal(ac_profile_get(p, "role.leverage_test", &v), AC_OK);
	assert_string_equal(v, "null");
	ac_free(v);
	assert_int_equal(ac_profile_set(p, "role.leverage_test", "\"scope\"", NULL), AC_OK);
	assert_int_equal(ac_profile_set(p, "role.tasks",
					"[{\"name\": \"Reports\", \"share\": 60, \"category\": \"standardized_reporting\"},"
					" {\"name\": \"Decisions\", \"share\": 40, \"category\": \"judgment_decisions\"}]",
					NULL),
			 AC_OK);
	assert_int_equal(ac_profile_set(p, "role.tasks[1].share", "55", NULL), AC_OK);
	assert_int_equal(ac_profile_set(p, "motives", "[\"capability_gap\"]", NULL), AC_OK);
	assert_int_equal(ac_profile_get(p, "role.leverage_test", &v), AC_OK);
	assert_string_equal(v, "\"scope\"");
	ac_free(v);
	assert_int_equal(ac_profile_get(p, "role.tasks[1].share", &v), AC_OK);
	assert_string_equal(v, "55");
	ac_free(v);
	/* null makes an answer unknown again */
	assert_int_equal(ac_profile_set(p, "role.leverage_test", "null", NULL), AC_OK);
	assert_int_equal(ac_profile_get(p, "role.leverage_test", &v), AC_OK);
	assert_string_equal(v, "null");
	ac_free(v);
	/* a profile built answer by answer assesses like any other */
	ac_assessment *a = NULL;
	assert_int_equal(ac_session_assess(session, p, NULL, &a, NULL), AC_OK);
	assert_true(ac_assessment_verdict(a) >= AC_VERDICT_PURSUE);
	ac_assessment_free(a);
	ac_profile_free(p);
}

static void a_bad_answer_is_refused_and_changes_nothing(void **state)
{
	(void)state;
	ac_profile *p = parse("{\"schema\": \"aicert/profile/v1\", \"role\": {\"leverage_test\": \"pay\"}}");
	char *before = write_profile(p);
	static const char *const bad[][2] = {
		{"role.leverage_test", "\"fewer people\""}, /* not one of the values */
		{"role.ladder_level", "7"},                 /* out of range */
		{"role.no_such_field", "1"},                /* not in the schema */
		{"role.tasks[3].share", "10"},              /* no such task */
		{"constraints.hours_per_week", "{"},        /* not JSON */
		{"schema", "\"other\""},                    /* the format line is not an answer */
		{"role..kind", "\"ic\""},                   /* malformed path */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_profile_set(p, bad[i][0], bad[i][1], &d);
		if (st != AC_EINPUT)
			fail_msg("%s = %s: status %d", bad[i][0], bad[i][1], st);
		assert_true(ac_diags_count(&d) >= 1);
		ac_diags_free(&d);
		char *after = write_profile(p);
		assert_string_equal(before, after);
		ac_free(after);
	}
	ac_free(before);
	ac_profile_free(p);
}

static void schema_table_is_consistent(void **state)
{
	(void)state;
	size_t n = ac_schema_count();
	assert_true(n > 50);
	assert_null(ac_schema_at(n));
	for (size_t i = 0; i < n; i++) {
		const ac_field *f = ac_schema_at(i);
		const char *path = ac_field_path(f);
		ac_field_type type = ac_field_value_type(f);
		int kind = ac_field_enum_kind(f);
		assert_non_null(path);
		assert_non_null(ac_field_help(f));
		assert_true(strlen(ac_field_help(f)) > 5);
		assert_ptr_equal(ac_schema_find(path), f);
		if (type == AC_FIELD_ENUM || type == AC_FIELD_ENUM_LIST)
			assert_true(kind >= 0 && ac_enum_count((ac_enum_kind)kind) > 0);
		else
			assert_int_equal(kind, -1);
		/* A child comes after its parent object. */
		const char *dot = strrchr(path, '.');
		if (dot) {
			char parent[128];
			size_t len = (size_t)(dot - path);
			if (len >= 2 && path[len - 1] == ']')
				len -= 2; /* "role.tasks[]" -> "role.tasks" */
			memcpy(parent, path, len);
			parent[len] = '\0';
			const ac_field *pf = ac_schema_find(parent);
			assert_non_null(pf);
			assert_true(pf < f);
			assert_true(ac_field_value_type(pf) == AC_FIELD_OBJECT || ac_field_value_type(pf) == AC_FIELD_ARRAY);
		}
	}
	assert_null(ac_schema_find("role.nothing"));
	assert_int_equal(ac_field_value_type(ac_schema_find("role.tasks")), AC_FIELD_ARRAY);
	assert_int_equal(ac_field_value_type(ac_schema_find("motives")), AC_FIELD_ENUM_LIST);
	assert_int_equal(ac_field_required(ac_schema_find("schema")), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_case_profile_survives_write_and_parse),
		cmocka_unit_test(canonical_form_follows_schema_order_and_leaves_unknowns_out),
		cmocka_unit_test(answers_are_set_and_read_by_path),
		cmocka_unit_test(a_bad_answer_is_refused_and_changes_nothing),
		cmocka_unit_test(schema_table_is_consistent),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
