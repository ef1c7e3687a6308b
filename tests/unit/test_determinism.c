/*
 * test_determinism.c — ASSESSMENT.md: the same profile and policy always give
 * byte-identical output, however often, in whatever order, with freshly loaded
 * or reused policy and catalogue, in every format.
 */
#include <dirent.h>

#include "engine_helpers.h"
#include "model/engine.h"

#ifndef CASES_DIR
#error "CASES_DIR must name tests/cases"
#endif

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The profile texts of the case folder, in name order. */
static size_t load_cases(char ***out)
{
	DIR *dir = opendir(CASES_DIR);
	assert_non_null(dir);
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *e; (e = readdir(dir)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		assert_non_null(names);
		names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	char **texts = calloc(n, sizeof *texts);
	assert_non_null(texts);
	for (size_t i = 0; i < n; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", CASES_DIR, names[i]);
		texts[i] = read_file(path);
		free(names[i]);
	}
	free(names);
	*out = texts;
	return n;
}

static char *render(const char *text, const ac_policy *pol, const ac_catalogue *cat, ac_format fmt)
{
	ac_profile *p = h_parse_text(text);
	ac_context ctx = {pol, cat, NULL, 1, H_AS_OF, NULL};
	ac_assessment *a = NULL;
	assert_int_equal(ac_assess(p, &ctx, &a, NULL), AC_OK);
	char *out = NULL;
	size_t len;
	assert_int_equal(ac_render(a, fmt, &out, &len), AC_OK);
	ac_assessment_free(a);
	ac_profile_free(p);
	return out;
}

static void the_same_profile_gives_byte_identical_json_a_hundred_times(void **state)
{
	(void)state;
	char **texts;
	size_t n = load_cases(&texts);
	assert_true(n >= 30);
	char **first = calloc(n, sizeof *first);
	assert_non_null(first);
	for (size_t i = 0; i < n; i++)
		first[i] = render(texts[i], h_pol, h_cat, AC_FORMAT_JSON);
	/* Three profiles 100 times each, interleaved with the others so no state
	 * can carry from one assessment to the next unnoticed. */
	const size_t pick[3] = {0, n / 2, n - 1};
	for (int round = 0; round < 100; round++) {
		for (size_t k = 0; k < 3; k++) {
			char *again = render(texts[pick[k]], h_pol, h_cat, AC_FORMAT_JSON);
			assert_string_equal(again, first[pick[k]]);
			ac_free(again);
		}
		size_t other = (size_t)round % n;
		char *again = render(texts[other], h_pol, h_cat, AC_FORMAT_JSON);
		assert_string_equal(again, first[other]);
		ac_free(again);
	}
	for (size_t i = 0; i < n; i++) {
		ac_free(first[i]);
		free(texts[i]);
	}
	free(first);
	free(texts);
}

static void a_freshly_loaded_policy_and_catalogue_give_the_same_output(void **state)
{
	(void)state;
	char **texts;
	size_t n = load_cases(&texts);
	ac_policy *pol = NULL;
	ac_catalogue *cat = NULL;
	assert_int_equal(ac_policy_default(&pol, NULL), AC_OK);
	assert_int_equal(ac_catalogue_default(&cat, NULL), AC_OK);
	for (size_t i = 0; i < n; i++) {
		static const ac_format formats[] = {AC_FORMAT_JSON, AC_FORMAT_TEXT, AC_FORMAT_MARKDOWN};
		for (size_t f = 0; f < 3; f++) {
			char *a = render(texts[i], h_pol, h_cat, formats[f]);
			char *b = render(texts[i], pol, cat, formats[f]);
			assert_string_equal(a, b);
			ac_free(a);
			ac_free(b);
		}
		free(texts[i]);
	}
	free(texts);
	ac_policy_free(pol);
	ac_catalogue_free(cat);
}

static void key_order_and_whitespace_in_the_profile_do_not_change_the_output(void **state)
{
	(void)state;
	const char *one = "{\"schema\": \"aicert/profile/v1\", \"motives\": [\"capability_gap\", \"reduce_anxiety\"],"
			  " \"capability_gap\": \"SQL\", \"role\": {\"leverage_test\": \"scope\", \"tasks\": [{\"name\": \"A\","
			  " \"share\": 60, \"category\": \"coordination\"}, {\"name\": \"B\", \"share\": 40, \"category\": \"system_design\"}]}}";
	const char *two = "{\n  \"role\": {\n    \"tasks\": [\n      {\"category\": \"coordination\", \"share\": 60, \"name\": \"A\"},\n"
			  "      {\"share\": 40, \"name\": \"B\", \"category\": \"system_design\"}\n    ],\n"
			  "    \"leverage_test\": \"scope\"\n  },\n  \"capability_gap\": \"SQL\",\n"
			  "  \"motives\": [\"reduce_anxiety\", \"capability_gap\"],\n  \"schema\": \"aicert/profile/v1\"\n}\n";
	char *a = render(one, h_pol, h_cat, AC_FORMAT_JSON);
	char *b = render(two, h_pol, h_cat, AC_FORMAT_JSON);
	assert_string_equal(a, b);
	ac_free(a);
	ac_free(b);
}

/* The quick search's output and the slow one's for one profile.  The
 * quick one keeps its plan and buffers in one cache from profile to
 * profile, as a session does; the slow one makes its own each time. */
static ac_search_cache kept;

static void same_either_way(const ac_profile *p, const ac_policy *pol, size_t *listed)
{
	ac_context ctx = {pol, h_cat, NULL, 1, H_AS_OF, NULL};
	char *out[2];
	for (int slow = 0; slow < 2; slow++) {
		ac_rerun_every_step = slow;
		ctx.search = slow ? NULL : &kept;
		ac_assessment *a = NULL;
		assert_int_equal(ac_assess(p, &ctx, &a, NULL), AC_OK);
		size_t len;
		assert_int_equal(ac_render(a, AC_FORMAT_JSON, &out[slow], &len), AC_OK);
		ac_assessment_free(a);
	}
	ac_rerun_every_step = 0;
	assert_string_equal(out[0], out[1]);
	*listed += strstr(out[0], "\"actions\": [\n") != NULL;
	ac_free(out[0]);
	ac_free(out[1]);
}

/* Some of the tasks' shares (5 to 60) and yes/no answers changed, as
 * bench/make_profiles.py changes them: they move the exposure's figures and
 * the replaceability conditions over their thresholds. */
static void vary_shares(ac_profile *p, unsigned long long seed)
{
	char *text = NULL;
	assert_int_equal(ac_profile_get(p, "role.tasks", &text), AC_OK);
	json_t *tasks = json_loads(text, JSON_DECODE_ANY, NULL);
	ac_free(text);
	assert_non_null(tasks);
	if (!json_is_array(tasks)) { /* no task list */
		json_decref(tasks);
		return;
	}
	size_t i;
	json_t *t;
	json_array_foreach(tasks, i, t)
	{
		static const char *const flags[] = {"repeatable", "standardized_output", "benchmarkable",
						    "needs_decision_authority"};
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		if ((seed >> 33) % 10 < 3)
			json_object_set_new(t, "share", json_integer(5 + (json_int_t)((seed >> 40) % 56)));
		for (size_t f = 0; f < 4; f++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			if ((seed >> 33) % 10 < 2)
				json_object_set_new(t, flags[f], json_boolean((seed >> 40) & 1));
		}
	}
	char *changed = json_dumps(tasks, JSON_COMPACT);
	json_decref(tasks);
	assert_non_null(changed);
	(void)ac_profile_set(p, "role.tasks", changed, NULL); /* shares over 100 in all stay out */
	free(changed);
}

/* A variant of the what-if search runs again only the steps that read the
 * answer it changes; it must decide as if it ran them all.  Every variant
 * that changes the verdict is listed (no limits), so a step left out
 * wrongly shows as a different list.  The profiles: each case, then cases
 * with answers taken from other cases (seeded), as bench/make_profiles.py
 * mixes them, so that answers meet that no single case puts together. */
static void the_quick_what_if_search_decides_as_running_every_step_would(void **state)
{
	(void)state;
	char **texts;
	size_t n = load_cases(&texts);
	ac_policy *all = h_policy_variant("unanswered_limit = 8\nactions_limit = 4\nrests_on_limit = 5",
					  "unanswered_limit = 200\nactions_limit = 200\nrests_on_limit = 200");
	ac_profile **cases = calloc(n, sizeof *cases);
	assert_non_null(cases);
	size_t listed = 0;
	for (size_t i = 0; i < n; i++) {
		cases[i] = h_parse_text(texts[i]);
		same_either_way(cases[i], all, &listed);
	}
	unsigned long long seed = 14;
	for (int k = 0; k < 5000; k++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		ac_profile *p = ac_profile_clone(cases[(seed >> 33) % n]);
		assert_non_null(p);
		for (size_t f = 0; f < ac_schema_count(); f++) {
			const char *path = ac_field_path(ac_schema_at(f));
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			if (strstr(path, "[]") || ac_field_value_type(ac_schema_at(f)) == AC_FIELD_OBJECT || (seed >> 33) % 3)
				continue;
			char *v = NULL;
			assert_int_equal(ac_profile_get(cases[(seed >> 40) % n], path, &v), AC_OK);
			(void)ac_profile_set(p, path, v, NULL); /* an answer that does not fit stays out */
			ac_free(v);
		}
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		vary_shares(p, seed);
		same_either_way(p, all, &listed);
		ac_profile_free(p);
	}
	for (size_t i = 0; i < n; i++) {
		ac_profile_free(cases[i]);
		free(texts[i]);
	}
	free(cases);
	free(texts);
	ac_search_cache_clear(&kept);
	ac_policy_free(all);
	assert_true(listed >= 200); /* many do list changes to compare */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_same_profile_gives_byte_identical_json_a_hundred_times),
		cmocka_unit_test(a_freshly_loaded_policy_and_catalogue_give_the_same_output),
		cmocka_unit_test(key_order_and_whitespace_in_the_profile_do_not_change_the_output),
		cmocka_unit_test(the_quick_what_if_search_decides_as_running_every_step_would),
	};
	return cmocka_run_group_tests(tests, h_setup, h_teardown);
}
