/*
 * test_groups_shipped.c — the pre-filled task mix of every occupation in the
 * database the build makes from the shipped data (argv[1]): six to ten groups
 * for each occupation with six tasks or more, one per task below that, every
 * task in exactly one place and the shares adding up.  Exits 77 (CTest:
 * skipped) when the build made no database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "aicert.h"

static const char *db_path;

static void every_occupation_gets_six_to_ten_groups(void **state)
{
	(void)state;
	ac_occdata *db = NULL;
	ac_policy *pol = NULL;
	assert_int_equal(ac_occdata_open(db_path, &db, NULL), AC_OK);
	assert_int_equal(ac_policy_default(&pol, NULL), AC_OK);
	char **codes = NULL;
	size_t n = 0, with_tasks = 0, out_of_range = 0, by_layout[4] = {0}, by_count[32] = {0}, folded = 0;
	assert_int_equal(ac_occdata_codes(db, &codes, &n, NULL), AC_OK);
	for (size_t i = 0; i < n; i++) {
		ac_occupation *o = NULL;
		assert_int_equal(ac_occdata_occupation(db, codes[i], &o, NULL), AC_OK);
		size_t n_tasks = ac_occupation_task_count(o);
		if (n_tasks == 0) {
			ac_occupation_free(o);
			continue;
		}
		with_tasks++;
		ac_task_groups *g = NULL;
		assert_int_equal(ac_occupation_task_groups(o, pol, &g, NULL), AC_OK);
		size_t groups = ac_task_groups_count(g), placed = ac_task_groups_uncategorised(g), uncategorised = 0;
		for (size_t k = 0; k < n_tasks; k++) {
			const char *gwa = ac_occ_task_text(ac_occupation_task(o, k), AC_TASK_GWA);
			uncategorised += !gwa || !ac_policy_gwa_category(pol, gwa);
		}
		int ok = n_tasks < 6 ? groups == n_tasks - uncategorised : groups >= 6 && groups <= 10;
		if (!ok) {
			printf("out of range: %s (%zu tasks) has %zu groups\n", ac_occupation_text(o, AC_OCC_CODE), n_tasks, groups);
			out_of_range++;
		}
		/* Every task once; shares of the categorised time add up to 1. */
		double share = 0;
		for (size_t k = 0; k < groups; k++) {
			assert_true(ac_task_groups_task_count(g, k) > 0);
			assert_true(ac_task_groups_category(g, k) > 0);
			placed += ac_task_groups_task_count(g, k);
			share += ac_task_groups_share(g, k);
			if (k)
				assert_true(ac_task_groups_share(g, k) <= ac_task_groups_share(g, k - 1));
		}
		assert_int_equal(placed, n_tasks);
		assert_int_equal(ac_task_groups_uncategorised(g), uncategorised);
		if (groups)
			assert_true(fabs(share - 1) < 1e-9);
		int layout = ac_task_groups_layout(g);
		assert_true(layout >= AC_GROUPS_BY_KIND && layout <= AC_GROUPS_FOLDED);
		by_layout[layout]++;
		by_count[groups < 31 ? groups : 31]++;
		folded += ac_task_groups_folded(g);
		ac_task_groups_free(g);
		ac_occupation_free(o);
	}
	printf("%zu occupations with tasks: %zu by kind of work, %zu split, %zu folded (%zu kinds folded),"
	       " %zu one group per task; groups:", with_tasks, by_layout[AC_GROUPS_BY_KIND],
	       by_layout[AC_GROUPS_SPLIT], by_layout[AC_GROUPS_FOLDED], folded, by_layout[AC_GROUPS_PER_TASK]);
	for (size_t k = 0; k < 32; k++)
		if (by_count[k])
			printf(" %zu: %zu", k, by_count[k]);
	printf("\n");
	assert_true(with_tasks >= 900); /* the shipped O*NET 29.3 has 923 */
	assert_int_equal(out_of_range, 0);
	ac_occ_codes_free(codes, n);
	ac_policy_free(pol);
	ac_occdata_close(db);
}

int main(int argc, char **argv)
{
	db_path = argc > 1 ? argv[1] : "build/occupations.db";
	if (access(db_path, R_OK) != 0) {
		printf("skipped: no occupation database at %s (the build makes it from data/occupations/)\n", db_path);
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_occupation_gets_six_to_ten_groups),
	};
	return cmocka_run_group_tests_name("task groups on the shipped data", tests, NULL, NULL);
}
