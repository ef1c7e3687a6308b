/*
 * test_occdata.c — occupation data on the project's own small fixture
 * (tests/fixtures/occdata): the importer builds everything and nothing else,
 * refuses every bad file naming its line and leaves nothing behind, lookups
 * take both code forms, figures and their sources are filled, title search
 * ranks and scores as documented and no typed text can break it; a handle
 * cloned per thread answers the same from two threads at once, a repeated
 * lookup hands out independent copies, and every failing call says why.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "aicert.h"
#include "occdata/occdata.h"
#include "occdata/occupation.h" /* the grouping tests make occupations by hand */
#include "../support/occ_test_util.h"

typedef struct {
	char dir[512];
	char db[600];
	ac_occdata *data;
} fixture;

static void print_diags(const ac_diags *d)
{
	for (size_t i = 0; i < ac_diags_count(d); i++) {
		char *s = ac_diag_format(ac_diags_at(d, i));
		fprintf(stderr, "  diag: %s\n", s ? s : ac_diag_message(ac_diags_at(d, i)));
		ac_free(s);
	}
}

static int import_fixture(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f || occ_test_tmpdir(f->dir, sizeof f->dir) != 0)
		return -1;
	if (snprintf(f->db, sizeof f->db, "%s/occ.db", f->dir) >= (int)sizeof f->db)
		return -1;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_occdata_import_with(OCC_FIXTURE_DIR "/good", f->db, AC_IMPORT_SAMPLE, &d);
	if (st == AC_OK)
		st = ac_occdata_open(f->db, &f->data, &d);
	print_diags(&d);
	ac_diags_free(&d);
	*state = f;
	return st == AC_OK ? 0 : -1;
}

static int remove_fixture(void **state)
{
	fixture *f = *state;
	if (f) {
		ac_occdata_close(f->data);
		occ_test_rmtree(f->dir);
		free(f);
	}
	return 0;
}

static ac_occupation *lookup(fixture *f, const char *code)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_occupation *o = NULL;
	ac_status st = ac_occdata_occupation(f->data, code, &o, &d);
	print_diags(&d);
	ac_diags_free(&d);
	assert_int_equal(st, AC_OK);
	assert_non_null(o);
	return o;
}

/* The value of a figure (the tests check whether it is set where it matters). */
static double occ_v(const ac_occupation *o, int which)
{
	return ac_occupation_figure(o, which).v;
}

static double task_v(const ac_occ_task *t, int which)
{
	return ac_occ_task_figure(t, which).v;
}

static const ac_occ_task *task_of(const ac_occupation *o, long id)
{
	for (size_t i = 0; i < ac_occupation_task_count(o); i++)
		if (ac_occ_task_id(ac_occupation_task(o, i)) == id)
			return ac_occupation_task(o, i);
	fail_msg("task %ld not in %s", id, ac_occupation_text(o, AC_OCC_CODE));
	return NULL;
}

/* ------------------------------------------------------------ import */

static void import_builds_the_database_and_nothing_else(void **state)
{
	fixture *f = *state;
	assert_int_equal(occ_test_count_entries(f->dir), 1); /* no temp file left */
	ac_occdata_info *info = NULL;
	assert_int_equal(ac_occdata_info_get(f->data, &info, NULL), AC_OK);
	assert_int_equal(ac_occdata_info_schema_version(info), OCC_SCHEMA_VERSION);
	assert_non_null(ac_occdata_info_imported_at(info));
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_OCCUPATIONS), 8);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_TASKS), 19);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_LABELS), 19);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_DWAS), 9);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_WITH_BETA), 7);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_WITH_APPLICABILITY), 7);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_WITH_WAGE), 6); /* '#' and '*' are unknown */
	assert_true(ac_occdata_info_count(info, AC_INFO_TITLES) >= 30);
	assert_int_equal(ac_occdata_info_count(info, 0), 0);
	assert_int_equal(ac_occdata_info_source_count(info), 5);
	assert_null(ac_occdata_info_source(info, 5));
	const char *licences[] = {"CC BY 4.0", "MIT", "CC BY 4.0", "public domain", "public domain"};
	for (size_t i = 0; i < 5; i++) {
		const ac_occ_source *src = ac_occdata_info_source(info, i);
		assert_string_equal(ac_occ_source_text(src, AC_SOURCE_LICENCE), licences[i]);
		assert_true(strlen(ac_occ_source_text(src, AC_SOURCE_ATTRIBUTION)) > 20);
		assert_true(strncmp(ac_occ_source_text(src, AC_SOURCE_URL), "https://", 8) == 0);
	}
	ac_occdata_info_free(info);
}

static void importing_again_replaces_the_database(void **state)
{
	fixture *f = *state;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/good", f->db, AC_IMPORT_SAMPLE, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	ac_diags_free(&d);
	assert_int_equal(occ_test_count_entries(f->dir), 1);
	/* The open handle still reads the database it opened. */
	ac_occupation *o = lookup(f, "29-1141");
	ac_occupation_free(o);
}

/* Every case under bad/: the first diagnostic names the file and line given
 * in its `expect` file, and the database that was there is untouched. */
static void bad_files_are_refused_with_file_and_line(void **state)
{
	(void)state;
	DIR *dir = opendir(OCC_FIXTURE_DIR "/bad");
	assert_non_null(dir);
	struct dirent *e;
	int cases = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char tmp[512], src[600], out[600], db[700], casedir[1024], path[1200];
		assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
		snprintf(src, sizeof src, "%s/src", tmp);
		snprintf(out, sizeof out, "%s/out", tmp);
		snprintf(db, sizeof db, "%s/occ.db", out);
		snprintf(casedir, sizeof casedir, OCC_FIXTURE_DIR "/bad/%s", e->d_name);
		const char *skip[] = {"expect", "remove", NULL};
		assert_int_equal(occ_test_copytree(OCC_FIXTURE_DIR "/good", src, NULL), 0);
		assert_int_equal(occ_test_copytree(casedir, src, skip), 0);
		snprintf(path, sizeof path, "%s/remove", casedir);
		char *remove = occ_test_read(path, NULL);
		if (remove) {
			remove[strcspn(remove, "\n")] = '\0';
			snprintf(path, sizeof path, "%s/%s", src, remove);
			assert_int_equal(unlink(path), 0);
			free(remove);
		}
		snprintf(path, sizeof path, "%s/expect", casedir);
		char *expect = occ_test_read(path, NULL);
		assert_non_null(expect);
		expect[strcspn(expect, "\n")] = '\0';
		char *c1 = strchr(expect, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		assert_non_null(c2);
		*c1 = *c2 = '\0';
		int line = atoi(c1 + 1);
		const char *text = c2 + 2;

		assert_int_equal(mkdir(out, 0755), 0);
		FILE *old = fopen(db, "w");
		assert_non_null(old);
		fputs("the previous database", old);
		fclose(old);

		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_occdata_import_with(src, db, AC_IMPORT_SAMPLE, &d);
		if (st == AC_OK || ac_diags_count(&d) == 0)
			fail_msg("bad case %s was accepted", e->d_name);
		const ac_diag *g = ac_diags_at(&d, 0);
		size_t sl = ac_diag_source(g) ? strlen(ac_diag_source(g)) : 0, el = strlen(expect);
		if (sl < el || strcmp(ac_diag_source(g) + sl - el, expect) != 0 || ac_diag_line(g) != line ||
		    !strstr(ac_diag_message(g), text)) {
			print_diags(&d);
			fail_msg("case %s: expected %s:%d: %s", e->d_name, expect, line, text);
		}
		assert_int_equal(st, AC_EINPUT);
		assert_int_equal(occ_test_count_entries(out), 1); /* no temp file */
		char *kept = occ_test_read(db, NULL);
		assert_non_null(kept);
		assert_string_equal(kept, "the previous database");
		free(kept);
		free(expect);
		ac_diags_free(&d);
		occ_test_rmtree(tmp);
		cases++;
	}
	closedir(dir);
	assert_true(cases >= 15);
}

static void overlong_line_is_refused(void **state)
{
	(void)state;
	char tmp[512], src[600], db[600], path[800];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(src, sizeof src, "%s/src", tmp);
	snprintf(db, sizeof db, "%s/occ.db", tmp);
	assert_int_equal(occ_test_copytree(OCC_FIXTURE_DIR "/good", src, NULL), 0);
	snprintf(path, sizeof path, "%s/onet-29.3/Sample of Reported Titles.txt", src);
	FILE *fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("29-1141.00\tRegistered Nurses\t", fp);
	for (int i = 0; i < 70000; i++)
		fputc('x', fp);
	fputs("\tN\n", fp);
	fclose(fp);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(src, db, AC_IMPORT_SAMPLE, &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), 6);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "line longer than"));
	assert_int_equal(occ_test_count_entries(tmp), 1); /* only src/ */
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

static void a_missing_source_folder_is_bad_input(void **state)
{
	(void)state;
	char tmp[512], db[600];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(db, sizeof db, "%s/occ.db", tmp);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/no-such-folder", db, AC_IMPORT_SAMPLE, &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(occ_test_count_entries(tmp), 0);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

/* Only O*NET is required: a dataset with a file missing is skipped with a
 * warning, recorded as missing, and its figures stay unknown. */
static void a_missing_dataset_is_skipped_and_recorded(void **state)
{
	(void)state;
	char tmp[512], src[600], db[700], path[800];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(src, sizeof src, "%s/src", tmp);
	snprintf(db, sizeof db, "%s/occ.db", tmp);
	assert_int_equal(occ_test_copytree(OCC_FIXTURE_DIR "/good", src, NULL), 0);
	snprintf(path, sizeof path, "%s/bls/oews_national_may2024.tsv", src);
	assert_int_equal(unlink(path), 0);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(src, db, AC_IMPORT_SAMPLE, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "warning"));
	assert_non_null(strstr(ac_diag_source(ac_diags_at(&d, 0)), "oews_national_may2024.tsv"));
	ac_diags_free(&d);
	ac_occdata *data = NULL;
	assert_int_equal(ac_occdata_open(db, &data, NULL), AC_OK);
	ac_occdata_info *info = NULL;
	assert_int_equal(ac_occdata_info_get(data, &info, NULL), AC_OK);
	int seen = 0;
	for (size_t i = 0; i < ac_occdata_info_source_count(info); i++) {
		const ac_occ_source *source = ac_occdata_info_source(info, i);
		int oews = strcmp(ac_occ_source_text(source, AC_SOURCE_NAME), "bls-oews") == 0;
		seen += oews;
		assert_int_equal(ac_occ_source_missing(source), oews);
	}
	assert_int_equal(seen, 1);
	assert_int_equal(ac_occdata_info_count(info, AC_INFO_WITH_WAGE), 0);
	assert_true(ac_occdata_info_count(info, AC_INFO_WITH_BETA) > 0);
	ac_occdata_info_free(info);
	ac_occupation *o = NULL;
	assert_int_equal(ac_occdata_occupation(data, "13-2051.00", &o, NULL), AC_OK);
	assert_false(ac_occupation_figure(o, AC_OCC_MEDIAN_WAGE).set);
	ac_occupation_free(o);
	ac_occdata_close(data);
	/* O*NET itself is required. */
	snprintf(path, sizeof path, "%s/onet-29.3/Occupation Data.txt", src);
	assert_int_equal(unlink(path), 0);
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(src, db, AC_IMPORT_SAMPLE, &d), AC_EINPUT);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

/* A file cut at a line boundary reads cleanly; only its row count, far
 * below its release's, gives it away.  The fixture is such a file unless the
 * import is told the files are a sample. */
static void far_fewer_rows_than_the_release_is_refused_unless_a_sample(void **state)
{
	(void)state;
	char tmp[512], db[600];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(db, sizeof db, "%s/occ.db", tmp);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import(OCC_FIXTURE_DIR "/good", db, &d), AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_source(ac_diags_at(&d, 0)), "onet-29.3/Occupation Data.txt"));
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "ends after 8 rows"));
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "29.3 (May 2025) has 1016"));
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "cut short"));
	assert_int_equal(occ_test_count_entries(tmp), 0);
	ac_diags_free(&d);
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/good", db, AC_IMPORT_SAMPLE, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

/* The database is renamed over its path only when a regular file (or
 * nothing) is there: a symbolic link, a folder or a FIFO is refused, named,
 * and left as it was. */
static void a_target_that_is_not_a_regular_file_is_refused(void **state)
{
	(void)state;
	char tmp[512], path[700], file[700];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(file, sizeof file, "%s/real.db", tmp);
	FILE *fp = fopen(file, "w");
	assert_non_null(fp);
	fclose(fp);
	const struct {
		const char *name, *found;
	} cases[] = {{"link.db", "a symbolic link"}, {"folder.db", "a folder"}, {"fifo.db", "a pipe (FIFO)"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", tmp, cases[i].name);
		assert_int_equal(i == 0 ? symlink(file, path) : i == 1 ? mkdir(path, 0755) : mkfifo(path, 0644), 0);
		ac_diags d;
		ac_diags_init(&d);
		assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/good", path, AC_IMPORT_SAMPLE, &d), AC_EINPUT);
		assert_int_equal(ac_diags_count(&d), 1);
		assert_string_equal(ac_diag_source(ac_diags_at(&d, 0)), path);
		assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), cases[i].found));
		ac_diags_free(&d);
		struct stat sb;
		assert_int_equal(lstat(path, &sb), 0);
		assert_true(i == 0 ? S_ISLNK(sb.st_mode) : i == 1 ? S_ISDIR(sb.st_mode) : S_ISFIFO(sb.st_mode));
	}
	assert_int_equal(occ_test_count_entries(tmp), 4);
	occ_test_rmtree(tmp);
}

/* A process that is gone: a child that has exited and been waited for. */
static pid_t a_dead_pid(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return pid;
}

/* A killed import cannot remove its temporary files: the next import into
 * the same path removes those whose process is gone, and keeps those of a
 * process still running and anything else in the folder. */
static void stale_temp_files_of_dead_imports_are_removed(void **state)
{
	(void)state;
	char tmp[512], db[600], path[800];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(db, sizeof db, "%s/occ.db", tmp);
	long dead = (long)a_dead_pid(), live = (long)getppid();
	const char *stale[] = {"", "-journal", "-wal"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s.tmp-%ld%s", db, dead, stale[i]);
		FILE *fp = fopen(path, "w");
		assert_non_null(fp);
		fclose(fp);
	}
	const char *kept[] = {"occ.db.tmp-%ld", "occ.db.tmp-%ld-other", "other.db.tmp-%ld", "occ.db.tmp-x"};
	for (size_t i = 0; i < 4; i++) {
		char name[64];
		snprintf(name, sizeof name, kept[i], i == 0 ? live : dead);
		snprintf(path, sizeof path, "%s/%s", tmp, name);
		FILE *fp = fopen(path, "w");
		assert_non_null(fp);
		fclose(fp);
	}
	assert_int_equal(occ_test_count_entries(tmp), 7);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/good", db, AC_IMPORT_SAMPLE, &d), AC_OK);
	ac_diags_free(&d);
	assert_int_equal(occ_test_count_entries(tmp), 5); /* the database and the four kept */
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s.tmp-%ld%s", db, dead, stale[i]);
		assert_int_equal(access(path, F_OK), -1);
	}
	snprintf(path, sizeof path, "%s.tmp-%ld", db, live);
	assert_int_equal(access(path, F_OK), 0);
	occ_test_rmtree(tmp);
}

/* ------------------------------------------------------------ opening */

static void opening_without_data_says_how_to_install(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	ac_occdata *db = NULL;
	assert_int_equal(ac_occdata_open("/nonexistent/aicert/occupations.db", &db, &d), AC_ENODATA);
	assert_null(db);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "aicert data import"));
	assert_non_null(strstr(ac_occdata_install_hint(), "scripts/fetch-data.sh"));
	ac_diags_free(&d);

	char tmp[512], path[600];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(path, sizeof path, "%s/not-a-db", tmp);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("hello", fp);
	fclose(fp);
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_open(path, &db, &d), AC_EIO);
	assert_null(db);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

static void default_path_follows_aicert_data_then_xdg_then_home(void **state)
{
	(void)state;
	char *saved[3];
	const char *names[3] = {"AICERT_DATA", "XDG_DATA_HOME", "HOME"};
	for (int i = 0; i < 3; i++)
		saved[i] = getenv(names[i]) ? strdup(getenv(names[i])) : NULL;
	setenv("AICERT_DATA", "/data/occ.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/me", 1);
	char *p = ac_occdata_default_path();
	assert_string_equal(p, "/data/occ.db");
	ac_free(p);
	p = ac_occdata_user_path();
	assert_string_equal(p, "/data/occ.db");
	ac_free(p);
	unsetenv("AICERT_DATA");
	p = ac_occdata_user_path();
	assert_string_equal(p, "/xdg/aicert/occupations.db");
	ac_free(p);
	/* No database there: the installed one or the build tree's, when one
	 * exists, else the user's path. */
	p = ac_occdata_default_path();
	struct stat sb;
	assert_true(strcmp(p, "/xdg/aicert/occupations.db") == 0 || stat(p, &sb) == 0);
	assert_true(strcmp(p, "/data/occ.db") != 0);
	ac_free(p);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	p = ac_occdata_user_path();
	assert_string_equal(p, "/home/me/.local/share/aicert/occupations.db");
	ac_free(p);
	for (int i = 0; i < 3; i++) {
		if (saved[i])
			setenv(names[i], saved[i], 1);
		else
			unsetenv(names[i]);
		free(saved[i]);
	}
}

/* ------------------------------------------------------------ lookups */

static void code_lookup_takes_onet_and_soc_forms(void **state)
{
	fixture *f = *state;
	ac_occupation *o = lookup(f, "29-1141");
	assert_string_equal(ac_occupation_text(o, AC_OCC_CODE), "29-1141.00"); /* SOC means its .00 occupation */
	ac_occupation_free(o);
	o = lookup(f, " 29-1141.01 ");
	assert_string_equal(ac_occupation_text(o, AC_OCC_CODE), "29-1141.01");
	assert_string_equal(ac_occupation_text(o, AC_OCC_TITLE), "Acute Care Nurses");
	ac_occupation_free(o);
	o = lookup(f, "15-1299"); /* no .00: the first one */
	assert_string_equal(ac_occupation_text(o, AC_OCC_CODE), "15-1299.09");
	ac_occupation_free(o);

	const struct {
		const char *code;
		ac_status st;
	} bad[] = {{"29-1141.05", AC_ENOTFOUND}, {"99-9999", AC_ENOTFOUND}, {"nurse", AC_EINPUT},
		   {"29-1141.0", AC_EINPUT}, {"29-1141.00x", AC_EINPUT}, {"", AC_EINPUT},
		   {"29 1141", AC_EINPUT}, {"29-1141 00", AC_EINPUT}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_occupation *x = NULL;
		assert_int_equal(ac_occdata_occupation(f->data, bad[i].code, &x, &d), bad[i].st);
		assert_null(x);
		assert_int_equal(ac_diags_count(&d), 1);
		ac_diags_free(&d);
	}
}

static void occupation_carries_every_figure(void **state)
{
	fixture *f = *state;
	ac_occupation *o = lookup(f, "13-2051.00");
	assert_string_equal(ac_occupation_text(o, AC_OCC_TITLE), "Financial and Investment Analysts");
	assert_non_null(ac_occupation_text(o, AC_OCC_DESCRIPTION));
	assert_string_equal(ac_occupation_text(o, AC_OCC_SOC), "13-2051");
	assert_true(ac_occupation_figure(o, AC_OCC_BETA).set);
	assert_true(fabs(occ_v(o, AC_OCC_BETA) - 0.6875) < 1e-12);
	assert_true(fabs(occ_v(o, AC_OCC_BETA_PERCENTILE) - 100.0 * 4 / 7) < 1e-9);
	assert_true(ac_occupation_figure(o, AC_OCC_APPLICABILITY).set);
	assert_true(fabs(occ_v(o, AC_OCC_APPLICABILITY) - 0.28) < 1e-12);
	assert_true(fabs(occ_v(o, AC_OCC_APPLICABILITY_PERCENTILE) - 50.0) < 1e-9);
	assert_string_equal(ac_occupation_text(o, AC_OCC_APPLICABILITY_CODE), "13-2051");
	assert_true(ac_occupation_figure(o, AC_OCC_EMPLOYMENT).set && occ_v(o, AC_OCC_EMPLOYMENT) == 340580);
	assert_true(ac_occupation_figure(o, AC_OCC_MEDIAN_WAGE).set && occ_v(o, AC_OCC_MEDIAN_WAGE) == 101350);
	assert_string_equal(ac_occupation_text(o, AC_OCC_OEWS_CODE), "13-2051");
	assert_string_equal(ac_occupation_text(o, AC_OCC_OEWS_TITLE), "Financial and Investment Analysts");
	assert_true(ac_occupation_figure(o, AC_OCC_GROWTH_PCT).set && fabs(occ_v(o, AC_OCC_GROWTH_PCT) - 7.6) < 1e-12);
	assert_string_equal(ac_occupation_text(o, AC_OCC_PROJECTION_CODE), "13-2051");
	assert_string_equal(ac_occupation_text(o, AC_OCC_EDUCATION), "Bachelor's degree");
	assert_int_equal((int)occ_v(o, AC_OCC_JOB_ZONE), 4);
	assert_non_null(strstr(ac_occupation_text(o, AC_OCC_JOB_ZONE_NAME), "Considerable Preparation"));

	/* Core first, then Supplemental, then tasks O*NET does not rate. */
	assert_int_equal(ac_occupation_task_count(o), 4);
	const long order[] = {1001, 1002, 1003, 1004};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ac_occ_task_id(ac_occupation_task(o, i)), order[i]);
	const ac_occ_task *t = task_of(o, 1001);
	assert_int_equal(ac_occ_task_core(t), 1);
	assert_int_equal(ac_occ_task_rated(t), 1);
	assert_string_equal(ac_occ_task_text(t, AC_TASK_CODE), "13-2051.00");
	assert_string_equal(ac_occ_task_text(t, AC_TASK_GWA), "4.A.2.a.4"); /* one DWA each: the smaller id */
	assert_true(ac_occ_task_figure(t, AC_TASK_BETA).set && task_v(t, AC_TASK_BETA) == 1.0);
	assert_true(ac_occ_task_figure(t, AC_TASK_AUTOMATION).set && task_v(t, AC_TASK_AUTOMATION) == 0.75); /* T3 */
	t = task_of(o, 1003);
	assert_int_equal(ac_occ_task_core(t), 0);
	assert_int_equal(ac_occ_task_rated(t), 1);
	assert_string_equal(ac_occ_task_text(t, AC_TASK_STATEMENT), "Meet clients to present \"buy\" and \"sell\" recommendations.");
	t = task_of(o, 1004);
	assert_int_equal(ac_occ_task_rated(t), 0);
	assert_int_equal(ac_occ_task_core(t), 0);
	assert_null(ac_occ_task_text(t, AC_TASK_GWA)); /* no DWA */
	assert_true(ac_occ_task_figure(t, AC_TASK_BETA).set && task_v(t, AC_TASK_BETA) == 0.0);
	ac_occupation_free(o);

	o = lookup(f, "13-2011.00");
	assert_true(occ_v(o, AC_OCC_EMPLOYMENT) == 1420000); /* "1,420,000" */
	assert_string_equal(ac_occ_task_text(task_of(o, 1011), AC_TASK_GWA), "4.A.2.a.4"); /* two of three DWAs */
	ac_occupation_free(o);
	o = lookup(f, "29-1141.01");
	assert_false(ac_occ_task_figure(task_of(o, 1052), AC_TASK_BETA).set); /* no label */
	ac_occupation_free(o);
}

static void group_figures_come_through_the_crosswalk(void **state)
{
	fixture *f = *state;
	ac_occupation *o = lookup(f, "13-1021");
	assert_string_equal(ac_occupation_text(o, AC_OCC_APPLICABILITY_CODE), "13-1020");
	assert_true(fabs(occ_v(o, AC_OCC_APPLICABILITY) - 0.21) < 1e-12);
	assert_string_equal(ac_occupation_text(o, AC_OCC_OEWS_CODE), "13-1020");
	assert_true(occ_v(o, AC_OCC_EMPLOYMENT) == 486900);
	assert_true(occ_v(o, AC_OCC_MEDIAN_WAGE) == 75650);
	assert_string_equal(ac_occupation_text(o, AC_OCC_PROJECTION_CODE), "13-1020");
	assert_true(fabs(occ_v(o, AC_OCC_GROWTH_PCT) + 7.7) < 1e-12);
	ac_occupation_free(o);
}

static void suppressed_figures_are_unknown(void **state)
{
	fixture *f = *state;
	ac_occupation *o = lookup(f, "15-1252.00");
	assert_true(ac_occupation_figure(o, AC_OCC_EMPLOYMENT).set);
	assert_false(ac_occupation_figure(o, AC_OCC_MEDIAN_WAGE).set); /* '#' */
	ac_occupation_free(o);
	o = lookup(f, "11-9199.00");
	assert_false(ac_occupation_figure(o, AC_OCC_EMPLOYMENT).set); /* '**' */
	assert_false(ac_occupation_figure(o, AC_OCC_MEDIAN_WAGE).set); /* '*' */
	assert_false(ac_occupation_figure(o, AC_OCC_BETA).set);
	assert_false(ac_occupation_figure(o, AC_OCC_BETA_PERCENTILE).set);
	assert_false(ac_occupation_figure(o, AC_OCC_APPLICABILITY).set);
	assert_null(ac_occupation_text(o, AC_OCC_APPLICABILITY_CODE));
	assert_null(ac_occupation_text(o, AC_OCC_EDUCATION)); /* em dash */
	assert_true(ac_occupation_figure(o, AC_OCC_GROWTH_PCT).set && occ_v(o, AC_OCC_GROWTH_PCT) == 3.0);
	assert_int_equal((int)occ_v(o, AC_OCC_JOB_ZONE), 0);
	assert_null(ac_occupation_text(o, AC_OCC_JOB_ZONE_NAME));
	assert_int_equal(ac_occupation_task_count(o), 0);
	ac_occupation_free(o);
}

static void task_lookup_by_id(void **state)
{
	fixture *f = *state;
	ac_diags d;
	ac_diags_init(&d);
	ac_occ_task *t = NULL;
	assert_int_equal(ac_occdata_task(f->data, 1042, &t, &d), AC_OK);
	assert_string_equal(ac_occ_task_text(t, AC_TASK_CODE), "29-1141.00");
	assert_string_equal(ac_occ_task_text(t, AC_TASK_GWA), "4.A.3.b.6");
	assert_true(task_v(t, AC_TASK_BETA) == 0.5);
	ac_occ_tasks_free(t, 1);
	assert_int_equal(ac_occdata_task(f->data, 999999, &t, &d), AC_ENOTFOUND);
	assert_null(t);
	assert_int_equal(ac_diags_count(&d), 1);
	ac_diags_free(&d);
}

static void percentiles_count_occupations_below(void **state)
{
	fixture *f = *state;
	double pct = -1;
	/* betas 0, 0.2, 0.5, 0.6, 0.6875, 0.75, 0.8 */
	assert_int_equal(ac_occdata_beta_percentile(f->data, 0.5, &pct, NULL), AC_OK);
	assert_true(fabs(pct - 100.0 * 2 / 7) < 1e-9);
	assert_int_equal(ac_occdata_beta_percentile(f->data, 0.0, &pct, NULL), AC_OK);
	assert_true(pct == 0.0);
	assert_int_equal(ac_occdata_beta_percentile(f->data, 1.0, &pct, NULL), AC_OK);
	assert_true(pct == 100.0);
	/* scores 0.10, 0.21, 0.25, 0.28, 0.30, 0.35 */
	assert_int_equal(ac_occdata_applicability_percentile(f->data, 0.3, &pct, NULL), AC_OK);
	assert_true(fabs(pct - 100.0 * 4 / 6) < 1e-9);
	assert_int_equal(ac_occdata_beta_percentile(f->data, NAN, &pct, NULL), AC_EINPUT);
}

static void published_beta_is_the_weighted_mean_of_task_labels(void **state)
{
	fixture *f = *state;
	char **codes = NULL;
	size_t n = 0, checked = 0;
	assert_int_equal(ac_occdata_codes(f->data, &codes, &n, NULL), AC_OK);
	assert_int_equal(n, 8);
	for (size_t i = 0; i < n; i++) {
		ac_occupation *o = lookup(f, codes[i]);
		ac_occ_task *l = NULL;
		size_t nl = 0;
		assert_int_equal(ac_occdata_labels(f->data, codes[i], &l, &nl, NULL), AC_OK);
		double sw = 0, sb = 0;
		for (size_t k = 0; k < nl; k++) {
			double w = ac_occ_task_core(ac_occ_tasks_at(l, k)) ? 2 : 1;
			sw += w;
			sb += w * task_v(ac_occ_tasks_at(l, k), AC_TASK_BETA);
		}
		if (ac_occupation_figure(o, AC_OCC_BETA).set) {
			assert_true(sw > 0);
			assert_true(fabs(sb / sw - occ_v(o, AC_OCC_BETA)) < 1e-9);
			checked++;
		}
		ac_occ_tasks_free(l, nl);
		ac_occupation_free(o);
	}
	assert_int_equal(checked, 7);
	ac_occ_codes_free(codes, n);
}

/* ------------------------------------------------------------ search */

static ac_occ_match *search(fixture *f, const char *words, size_t limit, size_t *n)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_occ_match *m = NULL;
	ac_status st = ac_occdata_search(f->data, words, limit, &m, n, &d);
	print_diags(&d);
	ac_diags_free(&d);
	assert_int_equal(st, AC_OK);
	/* One row per occupation, best first. */
	for (size_t i = 0; i < *n; i++) {
		const ac_occ_match *mi = ac_occ_matches_at(m, i);
		assert_true(ac_occ_match_confidence(mi) > 0 && ac_occ_match_confidence(mi) <= 1);
		if (i)
			assert_true(ac_occ_match_confidence(mi) <=
				    ac_occ_match_confidence(ac_occ_matches_at(m, i - 1)));
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(ac_occ_match_code(mi), ac_occ_match_code(ac_occ_matches_at(m, k)));
	}
	return m;
}

static void search_ranks_titles_and_abbreviations(void **state)
{
	fixture *f = *state;
	const struct {
		const char *words, *code, *via, *matched;
		double lo, hi;
	} cases[] = {
		{"Registered Nurses", "29-1141.00", "title", "Registered Nurses", 1.0, 1.0},
		{"registered nurse", "29-1141.00", "title", "Registered Nurses", 1.0, 1.0},
		/* data/titles.txt spells "rn" out: the exact title. */
		{"rn", "29-1141.00", "title", "Registered Nurses", 1.0, 1.0},
		{"RN", "29-1141.00", "title", "Registered Nurses", 1.0, 1.0},
		{"scrum master", "15-1299.09", "alternate title", "Scrum Master", 0.95, 0.95},
		{"charge nurse", "29-1141.00", "reported title", "Charge Nurse", 0.90, 0.90},
		{"fp&a analyst", "13-2051.00", "alternate title", "Financial Planning and Analysis Analyst", 0.7, 0.8},
		{"FP&A Analyst", "13-2051.00", "alternate title", "Financial Planning and Analysis Analyst", 0.7, 0.8},
		{"cpa", "13-2011.00", "short title", "CPA", 0.95, 0.95},
		{"ad director", "11-9199.00", "alternate title", "Advertising Director", 0.75, 0.85},
		{"grain", "13-1021.00", "alternate title", "Grain Buyer", 0.5, 0.8},
		{"financial analysts", "13-2051.00", "alternate title", "Financial Analyst", 0.95, 0.95},
		{"softw", "15-1252.00", NULL, NULL, 0.3, 0.85},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = 0;
		ac_occ_match *m = search(f, cases[i].words, 5, &n);
		const ac_occ_match *top = n ? ac_occ_matches_at(m, 0) : NULL;
		if (n == 0 || strcmp(ac_occ_match_code(top), cases[i].code) != 0 ||
		    ac_occ_match_confidence(top) < cases[i].lo || ac_occ_match_confidence(top) > cases[i].hi ||
		    (cases[i].via && strcmp(ac_occ_match_via(top), cases[i].via) != 0) ||
		    (cases[i].matched && strcmp(ac_occ_match_matched(top), cases[i].matched) != 0))
			fail_msg("'%s': expected %s (%s) within %.2f..%.2f, got %s %.2f via %s '%s'", cases[i].words,
				 cases[i].code, cases[i].via ? cases[i].via : "any", cases[i].lo, cases[i].hi,
				 n ? ac_occ_match_code(top) : "nothing", n ? ac_occ_match_confidence(top) : 0,
				 n ? ac_occ_match_via(top) : "", n ? ac_occ_match_matched(top) : "");
		assert_non_null(ac_occ_match_title(top));
		ac_occ_matches_free(m, n);
	}
}

static void initials_do_not_reuse_a_matched_word(void **state)
{
	fixture *f = *state;
	size_t n = 0;
	ac_occ_match *m = search(f, "fp&a analyst", 5, &n);
	assert_int_equal(n, 2);
	assert_string_equal(ac_occ_match_code(ac_occ_matches_at(m, 1)), "13-2011.00"); /* "Fraud Prevention Analyst" */
	assert_true(ac_occ_match_confidence(ac_occ_matches_at(m, 1)) < 0.5);
	ac_occ_matches_free(m, n);
}

static void equal_titles_rank_the_occupation_with_more_matching_titles(void **state)
{
	fixture *f = *state;
	size_t n = 0;
	ac_occ_match *m = search(f, "nurse", 5, &n);
	assert_int_equal(n, 2);
	assert_true(ac_occ_match_confidence(ac_occ_matches_at(m, 0)) == 0.95 &&
		    ac_occ_match_confidence(ac_occ_matches_at(m, 1)) == 0.95);
	assert_string_equal(ac_occ_match_code(ac_occ_matches_at(m, 0)), "29-1141.00");
	ac_occ_matches_free(m, n);
}

static void search_falls_back_to_any_word_and_respects_the_limit(void **state)
{
	fixture *f = *state;
	size_t n = 0;
	ac_occ_match *m = search(f, "nurse astronaut", 10, &n);
	assert_true(n >= 2);
	assert_true(ac_occ_match_confidence(ac_occ_matches_at(m, 0)) < 0.6); /* half the words */
	ac_occ_matches_free(m, n);
	m = search(f, "analyst", 1, &n);
	assert_int_equal(n, 1);
	ac_occ_matches_free(m, n);
	m = search(f, "zzyzx", 5, &n);
	assert_int_equal(n, 0);
	assert_null(m);
}

static void search_input_cannot_break_the_query(void **state)
{
	fixture *f = *state;
	const char *nasty[] = {
		"\"", "\"\"", "*", "nurse*", "^nurse", "-nurse", "NEAR(nurse analyst)", "nurse OR", "AND AND",
		"NOT", "{words}: rn", "acro:rn", "words:\"rn\"", "'; DROP TABLE titles; --", "(((", ")", "rn)",
		"\xff\xfe\xfd", "caf\xc3\xa9 nurse", "nurse\tanalyst\n",
		("a b c d e f g h i j k l m n o p q r s t u v w x y z " /* one long query */
		 "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp"),
		"1234-5678", "13-2051.00",
	};
	for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_occ_match *m = NULL;
		size_t n = 0;
		ac_status st = ac_occdata_search(f->data, nasty[i], 5, &m, &n, &d);
		if (st != AC_OK && st != AC_EINPUT)
			fail_msg("'%s' gave %s", nasty[i], ac_strerror(st));
		ac_occ_matches_free(m, n);
		ac_diags_free(&d);
	}
	/* Pseudo-random bytes, reproducibly. */
	uint32_t x = 12345;
	for (int round = 0; round < 300; round++) {
		char buf[64];
		size_t len = (size_t)(round % 63);
		for (size_t k = 0; k < len; k++) {
			x = x * 1103515245u + 12345u;
			buf[k] = (char)((x >> 16) % 255 + 1);
		}
		buf[len] = '\0';
		ac_diags d;
		ac_diags_init(&d);
		ac_occ_match *m = NULL;
		size_t n = 0;
		ac_status st = ac_occdata_search(f->data, buf, 5, &m, &n, &d);
		assert_true(st == AC_OK || st == AC_EINPUT);
		ac_occ_matches_free(m, n);
		ac_diags_free(&d);
	}
	char *big = malloc(AC_MAX_STRING + 2);
	assert_non_null(big);
	memset(big, 'a', AC_MAX_STRING + 1);
	big[AC_MAX_STRING + 1] = '\0';
	ac_diags d;
	ac_diags_init(&d);
	ac_occ_match *m = NULL;
	size_t n = 0;
	assert_int_equal(ac_occdata_search(f->data, big, 5, &m, &n, &d), AC_EINPUT);
	ac_diags_free(&d);
	free(big);
}

static void search_needs_words(void **state)
{
	fixture *f = *state;
	const char *empty[] = {"", "   ", "&&& --- ...", "()"};
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_occ_match *m = NULL;
		size_t n = 7;
		assert_int_equal(ac_occdata_search(f->data, empty[i], 5, &m, &n, &d), AC_EINPUT);
		assert_int_equal(n, 0);
		assert_int_equal(ac_diags_count(&d), 1);
		ac_diags_free(&d);
	}
}

/* ------------------------------------------------------------ the policy */

static void categories_come_from_the_policy_gwa_table(void **state)
{
	fixture *f = *state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occupation *o = lookup(f, "13-2051.00");
	ac_occupation_categorise(o, p);
	assert_int_equal(ac_occ_task_category(task_of(o, 1001)), AC_CAT_STRUCTURED_DATA_ANALYSIS);
	assert_int_equal(ac_occ_task_category(task_of(o, 1002)), AC_CAT_DOCUMENT_DRAFTING);
	assert_int_equal(ac_occ_task_category(task_of(o, 1003)), AC_CAT_CLIENT_RELATIONSHIP);
	assert_int_equal(ac_occ_task_category(task_of(o, 1004)), 0);
	ac_occupation_free(o);
	ac_policy_free(p);
}

/* Tasks grouped by category with Core 2 / Supplemental 1 time; the task
 * without a work activity stays out of the groups and is counted apart. */
static void tasks_group_by_category_and_keep_the_uncategorised_apart(void **state)
{
	fixture *f = *state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occupation *o = lookup(f, "13-2051.00");
	ac_task_groups *g = NULL;
	assert_int_equal(ac_occupation_task_groups(o, p, &g, NULL), AC_OK);
	ac_occupation_free(o); /* the groups own their copies */
	assert_int_equal(ac_task_groups_count(g), 3);
	/* Core 2 + Core 2 + Supplemental 1: two groups of 2/5, one of 1/5. */
	assert_int_equal(ac_task_groups_category(g, 0), AC_CAT_DOCUMENT_DRAFTING);
	assert_int_equal(ac_task_groups_category(g, 1), AC_CAT_STRUCTURED_DATA_ANALYSIS);
	assert_int_equal(ac_task_groups_category(g, 2), AC_CAT_CLIENT_RELATIONSHIP);
	assert_true(fabs(ac_task_groups_share(g, 0) - 0.4) < 1e-12);
	assert_true(fabs(ac_task_groups_share(g, 2) - 0.2) < 1e-12);
	long id = 0;
	assert_int_equal(ac_task_groups_task_count(g, 1), 1);
	assert_string_equal(ac_task_groups_task(g, 1, 0, &id), "Analyze financial data to forecast company performance.");
	assert_int_equal(id, 1001);
	assert_null(ac_task_groups_task(g, 1, 1, &id));
	assert_null(ac_task_groups_task(g, 3, 0, &id));
	assert_int_equal(ac_task_groups_uncategorised(g), 1);
	assert_string_equal(ac_task_groups_uncategorised_task(g, 0, &id), "Attend industry conferences.");
	assert_int_equal(id, 1004);
	/* 1 of 6 weight units, untyped counting as Supplemental. */
	assert_true(fabs(ac_task_groups_uncategorised_share(g) - 1.0 / 6) < 1e-12);
	ac_task_groups_free(g);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occupation_task_groups(NULL, p, &g, &d), AC_EINPUT);
	assert_null(g);
	assert_true(ac_diags_count(&d) > 0);
	ac_diags_free(&d);
	ac_policy_free(p);
}

/* A made-up task: its id, GWA and IWA, Core or not, measured exposure. */
static ac_occ_task made_task(long id, const char *gwa, const char *iwa, int core, double exposure)
{
	static char statements[32][32];
	ac_occ_task t;
	memset(&t, 0, sizeof t);
	snprintf(statements[id % 32], sizeof statements[0], "Task %ld.", id);
	t.task_id = id;
	t.statement = statements[id % 32];
	t.gwa_id = (char *)gwa;
	t.iwa_id = (char *)iwa;
	t.core = core;
	t.rated = 1;
	t.exposure.set = 1;
	t.exposure.v = exposure;
	return t;
}

/* The groups of a made-up occupation with these tasks. */
static ac_task_groups *group_made(ac_occ_task *tasks, size_t n, const ac_policy *p)
{
	ac_occupation o;
	memset(&o, 0, sizeof o);
	o.code = "00-0000.00";
	o.tasks = tasks;
	o.n_tasks = n;
	ac_task_groups *g = NULL;
	assert_int_equal(ac_occupation_task_groups(&o, p, &g, NULL), AC_OK);
	return g;
}

/* The task ids of group i, in order, as "1,2". */
static void group_ids(const ac_task_groups *g, size_t i, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < ac_task_groups_task_count(g, i); k++) {
		long id = 0;
		ac_task_groups_task(g, i, k, &id);
		len += (size_t)snprintf(buf + len, size - len, "%s%ld", k ? "," : "", id);
	}
}

/* Fewer than six kinds of work: the largest group is split, by work activity
 * (GWA) first, then by intermediate activity (IWA), then task by task, the
 * tasks of one activity staying together, until there are six. */
static void few_kinds_of_work_are_split_by_work_activity(void **state)
{
	(void)state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occ_task tasks[] = {
		made_task(0, "4.A.3.a.1", "4.A.3.a.1.I01", 1, 0.1), made_task(1, "4.A.3.a.1", "4.A.3.a.1.I01", 1, 0.1),
		made_task(2, "4.A.3.a.1", "4.A.3.a.1.I02", 1, 0.1), made_task(3, "4.A.3.a.2", "4.A.3.a.2.I01", 1, 0.1),
		made_task(4, "4.A.3.a.2", "4.A.3.a.2.I01", 1, 0.1), made_task(5, "4.A.1.b.2", "4.A.1.b.2.I01", 1, 0.1),
		made_task(6, "4.A.1.b.2", "4.A.1.b.2.I02", 1, 0.1), made_task(7, "4.A.1.a.1", "4.A.1.a.1.I01", 1, 0.5),
	};
	ac_task_groups *g = group_made(tasks, sizeof tasks / sizeof tasks[0], p);
	assert_int_equal(ac_task_groups_count(g), 6);
	assert_int_equal(ac_task_groups_layout(g), AC_GROUPS_SPLIT);
	/* Physical work (7 tasks over three GWAs) splits into its GWAs, the
	 * largest GWA into its IWAs, and its largest IWA task by task; the
	 * research task stays one group.  Largest first, then by category, then
	 * by first task. */
	const char *want[] = {"3,4", "5,6", "7", "0", "1", "2"};
	char ids[64];
	for (size_t i = 0; i < 6; i++) {
		group_ids(g, i, ids, sizeof ids);
		assert_string_equal(ids, want[i]);
		assert_int_equal(ac_task_groups_category(g, i), i == 2 ? AC_CAT_RESEARCH_SYNTHESIS : AC_CAT_PHYSICAL_IN_PERSON);
	}
	assert_true(fabs(ac_task_groups_share(g, 0) - 4.0 / 16) < 1e-12);
	assert_true(fabs(ac_task_groups_share(g, 5) - 2.0 / 16) < 1e-12);
	ac_task_groups_free(g);
	ac_policy_free(p);
}

/* More than ten kinds of work: the smallest is folded into the nearest, the
 * same repeatable or not (the policy's model), then the closest exposure;
 * folded tasks come after the group's own. */
static void many_kinds_of_work_fold_the_smallest_into_the_nearest(void **state)
{
	(void)state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occ_task tasks[] = {
		made_task(0, "4.A.1.a.1", NULL, 1, 0.5),   made_task(1, "4.A.1.a.2", NULL, 1, 0.4),
		made_task(2, "4.A.1.b.2", NULL, 1, 0.1),   made_task(3, "4.A.1.b.3", NULL, 1, 0.6),
		made_task(4, "4.A.2.a.2", NULL, 1, 0.7),   made_task(5, "4.A.2.b.2", NULL, 1, 0.45),
		made_task(6, "4.A.2.b.4", NULL, 1, 0.3),   made_task(7, "4.A.2.b.6", NULL, 1, 0.35),
		made_task(8, "4.A.3.b.1", NULL, 1, 0.8),   made_task(9, "4.A.3.b.6", NULL, 1, 0.55),
		made_task(10, "4.A.4.a.3", NULL, 0, 0.69), made_task(11, "4.A.4.a.4", NULL, 0, 0.22),
	};
	ac_task_groups *g = group_made(tasks, sizeof tasks / sizeof tasks[0], p);
	assert_int_equal(ac_task_groups_count(g), 10);
	assert_int_equal(ac_task_groups_layout(g), AC_GROUPS_FOLDED);
	assert_int_equal(ac_task_groups_folded(g), 2);
	/* Client relationships (not repeatable, 0.22) goes to system design (not
	 * repeatable, 0.30); predictable requests (repeatable, 0.69) to routine
	 * admin (repeatable, 0.70). */
	char ids[64];
	int seen = 0;
	for (size_t i = 0; i < ac_task_groups_count(g); i++) {
		group_ids(g, i, ids, sizeof ids);
		if (ac_task_groups_category(g, i) == AC_CAT_SYSTEM_DESIGN) {
			assert_string_equal(ids, "6,11");
			seen++;
		} else if (ac_task_groups_category(g, i) == AC_CAT_ROUTINE_ADMIN) {
			assert_string_equal(ids, "4,10");
			seen++;
		} else {
			assert_int_equal(ac_task_groups_task_count(g, i), 1);
		}
	}
	assert_int_equal(seen, 2);
	ac_task_groups_free(g);
	ac_policy_free(p);
}

/* Fewer than six tasks in all: one group per task, even of one category. */
static void a_short_task_list_gets_one_group_per_task(void **state)
{
	(void)state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occ_task tasks[] = {
		made_task(0, "4.A.3.a.1", NULL, 1, 0.1), made_task(1, "4.A.3.a.1", NULL, 1, 0.1),
		made_task(2, "4.A.3.a.2", NULL, 0, 0.1), made_task(3, "4.A.1.a.1", NULL, 1, 0.5),
		made_task(4, NULL, NULL, 0, 0.3),
	};
	ac_task_groups *g = group_made(tasks, sizeof tasks / sizeof tasks[0], p);
	assert_int_equal(ac_task_groups_count(g), 4);
	assert_int_equal(ac_task_groups_layout(g), AC_GROUPS_PER_TASK);
	assert_int_equal(ac_task_groups_uncategorised(g), 1);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ac_task_groups_task_count(g, i), 1);
	ac_task_groups_free(g);
	ac_policy_free(p);
}

/* Each task's measured exposure: half beta, half Microsoft's usage rescaled
 * to beta's scale (clipped to 0..1), its range spanning the two; one source
 * alone where the other has no figure. */
static void task_exposure_combines_the_two_sources(void **state)
{
	fixture *f = *state;
	ac_occ_task *t = NULL;
	assert_int_equal(ac_occdata_task(f->data, 1003, &t, NULL), AC_OK);
	assert_int_equal(ac_occ_task_sources(t), AC_OCC_SOURCE_LABEL | AC_OCC_SOURCE_USAGE);
	assert_true(task_v(t, AC_TASK_EXPOSURE_LOW) < task_v(t, AC_TASK_EXPOSURE_HIGH));
	assert_true(fabs(task_v(t, AC_TASK_EXPOSURE) - (task_v(t, AC_TASK_EXPOSURE_LOW) + task_v(t, AC_TASK_EXPOSURE_HIGH)) / 2) < 1e-12);
	assert_true(task_v(t, AC_TASK_EXPOSURE_LOW) == task_v(t, AC_TASK_BETA) || task_v(t, AC_TASK_EXPOSURE_HIGH) == task_v(t, AC_TASK_BETA));
	ac_occ_tasks_free(t, 1);
	/* No IWA usage (1043's activity is not measured): beta alone. */
	assert_int_equal(ac_occdata_task(f->data, 1043, &t, NULL), AC_OK);
	assert_int_equal(ac_occ_task_sources(t), AC_OCC_SOURCE_LABEL);
	assert_true(task_v(t, AC_TASK_EXPOSURE) == task_v(t, AC_TASK_BETA) && task_v(t, AC_TASK_EXPOSURE_LOW) == task_v(t, AC_TASK_EXPOSURE_HIGH));
	ac_occ_tasks_free(t, 1);
	/* No label: Microsoft's measure alone. */
	assert_int_equal(ac_occdata_task(f->data, 1052, &t, NULL), AC_OK);
	assert_int_equal(ac_occ_task_sources(t), AC_OCC_SOURCE_USAGE);
	assert_false(ac_occ_task_figure(t, AC_TASK_BETA).set);
	assert_true(ac_occ_task_figure(t, AC_TASK_EXPOSURE).set && task_v(t, AC_TASK_EXPOSURE) > 0 && task_v(t, AC_TASK_EXPOSURE) <= 1);
	ac_occ_tasks_free(t, 1);
	/* The occupation's exposure is the Core 2 / other 1 mean of its tasks'. */
	ac_occupation *o = lookup(f, "13-2051.00");
	double sum = 0, w = 0;
	for (size_t i = 0; i < ac_occupation_task_count(o); i++) {
		double k = ac_occ_task_core(ac_occupation_task(o, i)) ? 2 : 1;
		sum += k * task_v(ac_occupation_task(o, i), AC_TASK_EXPOSURE);
		w += k;
	}
	assert_true(ac_occupation_figure(o, AC_OCC_EXPOSURE).set);
	assert_true(fabs(occ_v(o, AC_OCC_EXPOSURE) - sum / w) < 1e-12);
	assert_true(ac_occupation_figure(o, AC_OCC_EXPOSURE_PERCENTILE).set);
	ac_occupation_free(o);
}

static void calibration_averages_measured_beta_per_category(void **state)
{
	fixture *f = *state;
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occ_calibration *c = NULL;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_calibrate(f->data, p, &c, &d), AC_OK);
	ac_diags_free(&d);
	assert_int_equal(ac_occ_calibration_occupations(c), 7);
	assert_int_equal(ac_occ_calibration_applicability_occupations(c), 7);
	assert_int_equal(ac_occ_calibration_unmapped_tasks(c), 1); /* task 1004 has no DWA */
	assert_true(ac_occ_calibration_rho_default(c) >= -1 && ac_occ_calibration_rho_default(c) <= 1);
	assert_true(ac_occ_calibration_rho_calibrated(c) >= -1 && ac_occ_calibration_rho_calibrated(c) <= 1);
	assert_true(ac_occ_calibration_rho_applicability(c) >= -1 && ac_occ_calibration_rho_applicability(c) <= 1);
	for (int k = 1; k <= AC_CAT__COUNT; k++)
		assert_true(ac_occ_calibration_before(c, k) == ac_policy_category_exposure(p, k));
	/* Documenting/Recording: tasks 1002, 1012, 1032, 1042 and 1052 (which has
	 * no label, only Microsoft's measure): the mean of their measured exposure. */
	static const long drafting[] = {1002, 1012, 1032, 1042, 1052};
	double sum = 0;
	for (size_t i = 0; i < 5; i++) {
		ac_occ_task *t = NULL;
		assert_int_equal(ac_occdata_task(f->data, drafting[i], &t, NULL), AC_OK);
		assert_true(ac_occ_task_figure(t, AC_TASK_EXPOSURE).set);
		sum += task_v(t, AC_TASK_EXPOSURE);
		ac_occ_tasks_free(t, 1);
	}
	assert_int_equal(ac_occ_calibration_tasks(c, AC_CAT_DOCUMENT_DRAFTING), 5);
	assert_true(fabs(ac_occ_calibration_after(c, AC_CAT_DOCUMENT_DRAFTING) - sum / 5) < 1e-12);
	assert_int_equal(ac_occ_calibration_tasks(c, AC_CAT_PHYSICAL_IN_PERSON), 2);
	assert_true(ac_occ_calibration_after(c, AC_CAT_PHYSICAL_IN_PERSON) < 0.01);
	/* No task: the policy's figure stays. */
	assert_int_equal(ac_occ_calibration_tasks(c, AC_CAT_STANDARDIZED_REPORTING), 0);
	assert_true(ac_occ_calibration_after(c, AC_CAT_STANDARDIZED_REPORTING) ==
		    ac_occ_calibration_before(c, AC_CAT_STANDARDIZED_REPORTING));
	assert_true(ac_occ_calibration_after(c, 0) == 0 && ac_occ_calibration_tasks(c, AC_CAT__COUNT + 1) == 0);
	ac_occ_calibration_free(c);
	ac_policy_free(p);
}

/* ------------------------------------------------------------ handles and threads */

static void a_repeated_lookup_hands_out_independent_copies(void **state)
{
	fixture *f = *state;
	ac_occupation *a = lookup(f, "13-2051.00");
	/* The caller's copy is the caller's: categorising it changes nothing kept. */
	ac_policy *p = occ_test_policy();
	assert_non_null(p);
	ac_occupation_categorise(a, p);
	ac_policy_free(p);
	assert_int_equal(ac_occ_task_category(task_of(a, 1001)), AC_CAT_STRUCTURED_DATA_ANALYSIS);
	for (int i = 0; i < 3; i++) {
		ac_occupation *b = lookup(f, "13-2051.00");
		assert_string_equal(ac_occupation_text(b, AC_OCC_TITLE), "Financial and Investment Analysts");
		assert_int_equal(ac_occ_task_category(task_of(b, 1001)), 0);
		assert_int_equal(ac_occupation_task_count(b), 4);
		assert_true(fabs(occ_v(b, AC_OCC_BETA_PERCENTILE) - 100.0 * 4 / 7) < 1e-9);
		ac_occupation_free(b);
	}
	ac_occupation_free(a);
	/* More occupations than the handle keeps, then the first again. */
	char **codes = NULL;
	size_t n = 0;
	assert_int_equal(ac_occdata_codes(f->data, &codes, &n, NULL), AC_OK);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < n; i++) {
			ac_occupation *o = lookup(f, codes[i]);
			assert_string_equal(ac_occupation_text(o, AC_OCC_CODE), codes[i]);
			ac_occupation_free(o);
		}
	ac_occ_codes_free(codes, n);
	a = lookup(f, "29-1141");
	assert_string_equal(ac_occupation_text(a, AC_OCC_CODE), "29-1141.00");
	ac_occupation_free(a);
}

typedef struct {
	ac_occdata *data;
	int rounds;
	int failures;
} worker;

/* Looks up, searches and places figures over and over on its own handle. */
static void *work(void *arg)
{
	worker *w = arg;
	static const char *const codes[] = {"13-2051.00", "29-1141", "15-1299", "13-1021", "11-9199.00"};
	static const char *const words[] = {"registered nurse", "fp&a analyst", "scrum master", "cpa"};
	static const char *const firsts[] = {"29-1141.00", "13-2051.00", "15-1299.09", "13-2011.00"};
	for (int r = 0; r < w->rounds; r++) {
		ac_occupation *o = NULL;
		const char *code = codes[r % 5];
		if (ac_occdata_occupation(w->data, code, &o, NULL) != AC_OK || strncmp(ac_occupation_text(o, AC_OCC_CODE), code, 7) != 0)
			w->failures++;
		ac_occupation_free(o);
		ac_occ_match *m = NULL;
		size_t n = 0;
		if (ac_occdata_search(w->data, words[r % 4], 5, &m, &n, NULL) != AC_OK || n == 0 ||
		    strcmp(ac_occ_match_code(ac_occ_matches_at(m, 0)), firsts[r % 4]) != 0)
			w->failures++;
		ac_occ_matches_free(m, n);
		double pct = -1;
		if (ac_occdata_beta_percentile(w->data, 0.5, &pct, NULL) != AC_OK || fabs(pct - 100.0 * 2 / 7) > 1e-9)
			w->failures++;
	}
	return NULL;
}

static void clones_answer_the_same_from_two_threads_at_once(void **state)
{
	fixture *f = *state;
	worker w[2] = {{NULL, 200, 0}, {NULL, 200, 0}};
	ac_diags d;
	ac_diags_init(&d);
	for (int i = 0; i < 2; i++)
		assert_int_equal(ac_occdata_clone(f->data, &w[i].data, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	/* The original handle stays usable on this thread meanwhile. */
	worker self = {f->data, 50, 0};
	work(&self);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].failures, 0);
		ac_occdata_close(w[i].data);
	}
	assert_int_equal(self.failures, 0);
	ac_diags_free(&d);
}

/* Every call that fails leaves a diagnostic, whatever made it fail. */
static void every_failing_call_says_why(void **state)
{
	fixture *f = *state;
	ac_occupation *o = NULL;
	ac_occ_task *t = NULL;
	ac_occ_match *m = NULL;
	ac_occdata_info *info = NULL;
	ac_occdata *clone = NULL;
	char **codes = NULL;
	size_t n = 0;
	double pct = 0;
	ac_occ_calibration *cal = NULL;
	const struct {
		const char *what;
		ac_status expect;
	} names[] = {
		{"occupation", AC_ENODATA}, {"task", AC_ENODATA}, {"labels", AC_ENODATA}, {"codes", AC_ENODATA},
		{"beta percentile", AC_ENODATA}, {"applicability percentile", AC_ENODATA}, {"search", AC_ENODATA},
		{"info", AC_ENODATA}, {"calibrate", AC_ENODATA}, {"clone", AC_ENODATA},
		{"labels without a code", AC_EINPUT}, {"percentile of NaN", AC_EINPUT},
		{"calibrate without a policy", AC_EINPUT}, {"search without words", AC_EINPUT},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = AC_OK;
		switch (i) {
		case 0: st = ac_occdata_occupation(NULL, "13-2051", &o, &d); break;
		case 1: st = ac_occdata_task(NULL, 1001, &t, &d); break;
		case 2: st = ac_occdata_labels(NULL, "13-2051.00", &t, &n, &d); break;
		case 3: st = ac_occdata_codes(NULL, &codes, &n, &d); break;
		case 4: st = ac_occdata_beta_percentile(NULL, 0.5, &pct, &d); break;
		case 5: st = ac_occdata_applicability_percentile(NULL, 0.5, &pct, &d); break;
		case 6: st = ac_occdata_search(NULL, "nurse", 5, &m, &n, &d); break;
		case 7: st = ac_occdata_info_get(NULL, &info, &d); break;
		case 8: st = ac_occdata_calibrate(NULL, NULL, &cal, &d); break;
		case 9: st = ac_occdata_clone(NULL, &clone, &d); break;
		case 10: st = ac_occdata_labels(f->data, NULL, &t, &n, &d); break;
		case 11: st = ac_occdata_applicability_percentile(f->data, NAN, &pct, &d); break;
		case 12: st = ac_occdata_calibrate(f->data, NULL, &cal, &d); break;
		case 13: st = ac_occdata_search(f->data, NULL, 5, &m, &n, &d); break;
		}
		if (st != names[i].expect || ac_diags_count(&d) != 1)
			fail_msg("%s: got %s with %zu diagnostics", names[i].what, ac_strerror(st), ac_diags_count(&d));
		ac_diags_free(&d);
	}
	assert_null(o);
	assert_null(t);
	assert_null(m);
	assert_null(info);
	assert_null(cal);
	assert_null(clone);
	assert_null(codes);
}

static void a_damaged_database_is_named_when_read(void **state)
{
	(void)state;
	/* A database of this schema version without the other tables: it opens,
	 * and the first read says it is damaged. */
	char tmp[512], path[600];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(path, sizeof path, "%s/thin.db", tmp);
	sqlite3 *s = NULL;
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	char sql[200];
	snprintf(sql, sizeof sql, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
				  "INSERT INTO meta VALUES('schema_version', '%d');", OCC_SCHEMA_VERSION);
	assert_int_equal(sqlite3_exec(s, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
	ac_diags d;
	ac_diags_init(&d);
	ac_occdata *db = NULL;
	assert_int_equal(ac_occdata_open(path, &db, &d), AC_OK);
	ac_occupation *o = NULL;
	assert_int_equal(ac_occdata_occupation(db, "13-2051", &o, &d), AC_EIO);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "damaged"));
	ac_occ_match *m = NULL;
	size_t n = 0;
	assert_int_equal(ac_occdata_search(db, "nurse", 5, &m, &n, &d), AC_EIO);
	assert_int_equal(ac_diags_count(&d), 2);
	ac_occdata_info *info = NULL;
	assert_int_equal(ac_occdata_info_get(db, &info, &d), AC_EIO);
	assert_int_equal(ac_diags_count(&d), 3);
	ac_occdata_close(db);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

/* Bytes that are not UTF-8 in a damaged database (the importer stores none)
 * are read as U+FFFD: every report stays valid text, and the damage shows. */
static void bytes_that_are_not_utf8_in_a_damaged_database_read_as_replacement_characters(void **state)
{
	(void)state;
	char tmp[512], path[600];
	assert_int_equal(occ_test_tmpdir(tmp, sizeof tmp), 0);
	snprintf(path, sizeof path, "%s/occ.db", tmp);
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_occdata_import_with(OCC_FIXTURE_DIR "/good", path, AC_IMPORT_SAMPLE, &d), AC_OK);
	sqlite3 *s = NULL;
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "UPDATE occupations SET title = CAST(x'46696eff616e6369616c' AS TEXT)"
					 " WHERE code = '13-2051.00'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
	ac_occdata *db = NULL;
	assert_int_equal(ac_occdata_open(path, &db, &d), AC_OK);
	ac_occupation *o = NULL;
	assert_int_equal(ac_occdata_occupation(db, "13-2051", &o, &d), AC_OK);
	assert_string_equal(ac_occupation_text(o, AC_OCC_TITLE), "Fin\xEF\xBF\xBD" "ancial");
	ac_occupation_free(o);
	ac_occdata_close(db);
	ac_diags_free(&d);
	occ_test_rmtree(tmp);
}

int main(void)
{
	const struct CMUnitTest on_fixture[] = {
		cmocka_unit_test(import_builds_the_database_and_nothing_else),
		cmocka_unit_test(code_lookup_takes_onet_and_soc_forms),
		cmocka_unit_test(occupation_carries_every_figure),
		cmocka_unit_test(group_figures_come_through_the_crosswalk),
		cmocka_unit_test(suppressed_figures_are_unknown),
		cmocka_unit_test(task_lookup_by_id),
		cmocka_unit_test(percentiles_count_occupations_below),
		cmocka_unit_test(published_beta_is_the_weighted_mean_of_task_labels),
		cmocka_unit_test(search_ranks_titles_and_abbreviations),
		cmocka_unit_test(initials_do_not_reuse_a_matched_word),
		cmocka_unit_test(equal_titles_rank_the_occupation_with_more_matching_titles),
		cmocka_unit_test(search_falls_back_to_any_word_and_respects_the_limit),
		cmocka_unit_test(search_input_cannot_break_the_query),
		cmocka_unit_test(search_needs_words),
		cmocka_unit_test(categories_come_from_the_policy_gwa_table),
		cmocka_unit_test(tasks_group_by_category_and_keep_the_uncategorised_apart),
		cmocka_unit_test(few_kinds_of_work_are_split_by_work_activity),
		cmocka_unit_test(many_kinds_of_work_fold_the_smallest_into_the_nearest),
		cmocka_unit_test(a_short_task_list_gets_one_group_per_task),
		cmocka_unit_test(task_exposure_combines_the_two_sources),
		cmocka_unit_test(calibration_averages_measured_beta_per_category),
		cmocka_unit_test(a_repeated_lookup_hands_out_independent_copies),
		cmocka_unit_test(clones_answer_the_same_from_two_threads_at_once),
		cmocka_unit_test(every_failing_call_says_why),
		cmocka_unit_test(importing_again_replaces_the_database),
	};
	const struct CMUnitTest standalone[] = {
		cmocka_unit_test(bad_files_are_refused_with_file_and_line),
		cmocka_unit_test(overlong_line_is_refused),
		cmocka_unit_test(a_missing_source_folder_is_bad_input),
		cmocka_unit_test(far_fewer_rows_than_the_release_is_refused_unless_a_sample),
		cmocka_unit_test(a_target_that_is_not_a_regular_file_is_refused),
		cmocka_unit_test(stale_temp_files_of_dead_imports_are_removed),
		cmocka_unit_test(a_missing_dataset_is_skipped_and_recorded),
		cmocka_unit_test(opening_without_data_says_how_to_install),
		cmocka_unit_test(default_path_follows_aicert_data_then_xdg_then_home),
		cmocka_unit_test(a_damaged_database_is_named_when_read),
		cmocka_unit_test(bytes_that_are_not_utf8_in_a_damaged_database_read_as_replacement_characters),
	};
	int failed = cmocka_run_group_tests_name("occupation data on the fixture", on_fixture, import_fixture,
						 remove_fixture);
	failed += cmocka_run_group_tests_name("import failures and opening", standalone, NULL, NULL);
	return failed;
}
