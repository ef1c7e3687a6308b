/*
 * cmd_data.c — `aicert data import` builds the occupation database from the
 * official files; `aicert data calibrate` measures how well the policy's
 * category defaults agree with that data and writes a policy calibrated on it.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Creates every missing directory above the file path (mode 0755).  -1 with
 * a message and the exit status in *rc when one cannot be made. */
static int make_parents(const char *path, int *rc)
{
	char *p = strdup(path);
	if (!p) {
		cli_error("out of memory");
		*rc = CLI_EXIT_FAIL;
		return -1;
	}
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			int e = errno;
			cli_error("%s: cannot create the directory: %s", p, strerror(e));
			/* A file in the way is the caller's mistake; no permission or no space is not. */
			*rc = e == ENOTDIR || e == ENAMETOOLONG || e == ELOOP ? CLI_EXIT_USAGE : CLI_EXIT_FAIL;
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

/* Interrupted imports leave nothing behind: SIGINT, SIGTERM and SIGHUP
 * unlink the temporary database (paths made before the import starts, since
 * a handler may only call async-signal-safe functions), then stop the
 * program as the signal would have.  The library installs no handler; a
 * signal the caller ignored stays ignored. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define N_STOP_SIGNALS (sizeof stop_signals / sizeof stop_signals[0])
static const char *const temp_suffixes[] = {"", "-journal", "-wal", "-shm"};
#define N_TEMP_FILES (sizeof temp_suffixes / sizeof temp_suffixes[0])
static char *temp_files[N_TEMP_FILES];
static struct sigaction saved_actions[N_STOP_SIGNALS];

static void remove_temp_and_stop(int sig)
{
	for (size_t i = 0; i < N_TEMP_FILES; i++)
		if (temp_files[i])
			unlink(temp_files[i]);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when the handler returns, with the default action */
}

static void forget_temp_files(void)
{
	for (size_t i = 0; i < N_STOP_SIGNALS; i++)
		sigaction(stop_signals[i], &saved_actions[i], NULL);
	for (size_t i = 0; i < N_TEMP_FILES; i++) {
		free(temp_files[i]);
		temp_files[i] = NULL;
	}
}

/* 0, or -1 when memory ran out. */
static int remove_temp_on_signal(const char *db)
{
	char *tmp = ac_occdata_import_temp_path(db);
	size_t n = tmp ? strlen(tmp) + 16 : 0;
	for (size_t i = 0; tmp && i < N_TEMP_FILES; i++)
		if ((temp_files[i] = malloc(n)) != NULL)
			snprintf(temp_files[i], n, "%s%s", tmp, temp_suffixes[i]);
	ac_free(tmp);
	for (size_t i = 0; i < N_TEMP_FILES; i++)
		if (!temp_files[i]) {
			forget_temp_files();
			return -1;
		}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_temp_and_stop;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_STOP_SIGNALS; i++)
		sigaddset(&sa.sa_mask, stop_signals[i]);
	for (size_t i = 0; i < N_STOP_SIGNALS; i++) {
		sigaction(stop_signals[i], NULL, &saved_actions[i]);
		if (saved_actions[i].sa_handler != SIG_IGN)
			sigaction(stop_signals[i], &sa, NULL);
	}
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int run_import(const cli_args *a)
{
	const char *from = cli_opt(a, "from");
	if (!from || !*from) {
		cli_error("data import needs --from DIR: the folder scripts/fetch-data.sh downloaded into");
		return CLI_EXIT_USAGE;
	}
	char *to = cli_opt(a, "to") ? strdup(cli_opt(a, "to")) : ac_occdata_user_path();
	if (!to) {
		cli_error("no place for the database: give --to FILE, or set AICERT_DATA or HOME");
		return CLI_EXIT_USAGE;
	}
	int rc;
	if (make_parents(to, &rc) != 0) {
		free(to);
		return rc;
	}
	if (remove_temp_on_signal(to) != 0) {
		cli_error("out of memory");
		free(to);
		return CLI_EXIT_FAIL;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ac_diags d;
	ac_diags_init(&d);
	/* The library refuses a target that is not a regular file (a symbolic
	 * link, a folder, a device, a FIFO) before anything is written. */
	ac_status st = ac_occdata_import_with(from, to, cli_flag(a, "sample") ? AC_IMPORT_SAMPLE : 0, &d);
	forget_temp_files();
	double secs = seconds_since(&t0);
	if (st != AC_OK) {
		cli_print_diags(&d);
		if (!ac_diags_count(&d))
			cli_error("import: %s", ac_strerror(st));
		cli_error("nothing was imported; %s is unchanged", to);
		ac_diags_free(&d);
		free(to);
		return cli_exit_for(st);
	}
	cli_print_diags(&d); /* warnings: datasets skipped because a file is missing */
	ac_diags_free(&d);

	ac_occdata *db = NULL;
	ac_occdata_info *info = NULL;
	ac_diags_init(&d);
	if (ac_occdata_open(to, &db, &d) != AC_OK || ac_occdata_info_get(db, &info, &d) != AC_OK) {
		cli_print_diags(&d);
		cli_error("%s: imported, but cannot be read back", to);
		ac_diags_free(&d);
		ac_occdata_close(db);
		free(to);
		return CLI_EXIT_FAIL;
	}
	ac_diags_free(&d);
	if (cli_flag(a, "quiet")) {
		ac_occdata_info_free(info);
		ac_occdata_close(db);
		free(to);
		return CLI_EXIT_OK;
	}
	printf("imported into %s in %.1f s (schema %d)\n", to, secs, ac_occdata_info_schema_version(info));
	printf("  %zu occupations: %zu with a GPTs-are-GPTs beta, %zu with a Working with AI score,\n"
	       "    %zu with a median wage, %zu with projected growth\n",
	       ac_occdata_info_count(info, AC_INFO_OCCUPATIONS), ac_occdata_info_count(info, AC_INFO_WITH_BETA),
	       ac_occdata_info_count(info, AC_INFO_WITH_APPLICABILITY), ac_occdata_info_count(info, AC_INFO_WITH_WAGE),
	       ac_occdata_info_count(info, AC_INFO_WITH_GROWTH));
	printf("  %zu O*NET tasks, %zu GPTs-are-GPTs task labels, %zu detailed work activities\n",
	       ac_occdata_info_count(info, AC_INFO_TASKS), ac_occdata_info_count(info, AC_INFO_LABELS),
	       ac_occdata_info_count(info, AC_INFO_DWAS));
	printf("  %zu searchable titles (titles, alternate, short and reported titles)\n",
	       ac_occdata_info_count(info, AC_INFO_TITLES));
	printf("sources:\n");
	for (size_t i = 0; i < ac_occdata_info_source_count(info); i++) {
		const ac_occ_source *src = ac_occdata_info_source(info, i);
		printf("  %s %s (%s), %s%s\n", ac_occ_source_text(src, AC_SOURCE_TITLE),
		       ac_occ_source_text(src, AC_SOURCE_VERSION), ac_occ_source_text(src, AC_SOURCE_LICENCE),
		       ac_occ_source_text(src, AC_SOURCE_URL),
		       ac_occ_source_missing(src) ? " -- missing: not imported" : "");
	}
	ac_occdata_info_free(info);
	ac_occdata_close(db);
	free(to);
	return cli_flush_stdout();
}

static const cli_option import_options[] = {
	{"from", "DIR", "folder holding onet-29.3/, gpts-are-gpts/, working-with-ai/ and bls/ (required)"},
	{"to", "FILE", "database to write (default: $AICERT_DATA or the XDG data dir)"},
	{"sample", NULL,
	 "the files are a sample (a test fixture, an extract): do not refuse them for having "
	 "far fewer rows than the release"},
	{"quiet", NULL, "print only warnings and errors"},
	{NULL, NULL, NULL},
};

const cli_command cmd_data_import = {
	"data import",
	"build the occupation database from the official data files",
	"aicert data import --from DIR [--to FILE] [--sample]",
	"Reads O*NET, GPTs-are-GPTs, Microsoft's Working with AI and the BLS files (the\n"
	"releases aicert ships are in data/occupations/; scripts/fetch-data.sh downloads\n"
	"newer ones) and writes one SQLite database.  The database is replaced only when\n"
	"the whole import succeeded, and only if it is a regular file (a symbolic link,\n"
	"folder or device there is refused).  A malformed or damaged file (NUL bytes, a\n"
	"last line without its line end, a short row, a number out of range, under 90 %\n"
	"of its release's rows) is reported with its name and line.  Only O*NET is\n"
	"required: a dataset with a file missing is skipped with a warning and recorded\n"
	"as missing.  Interrupted, it removes its temporary file; temporary files of\n"
	"earlier imports that were killed are removed.  Exit 2 for bad files or options,\n"
	"1 when the disk is full or a file cannot be written.",
	import_options,
	0,
	0,
	run_import,
};

/* ------------------------------------------------------------ calibrate */

static int run_calibrate(const cli_args *a)
{
	ac_policy *policy = NULL;
	ac_occdata *db = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = cli_load_policy(a, &policy);
	if (rc >= 0)
		return rc;
	rc = cli_open_occdata(a, &db);
	if (rc < 0 && !db) {
		cli_error("occupation data is not installed: %s", ac_occdata_install_hint());
		rc = CLI_EXIT_USAGE;
	}
	ac_occ_calibration *c = NULL;
	ac_diags d;
	ac_diags_init(&d);
	if (rc < 0) {
		ac_status st = ac_occdata_calibrate(db, policy, &c, &d);
		if (st != AC_OK) {
			cli_print_diags(&d);
			if (!ac_diags_count(&d))
				cli_error("calibrate: %s", ac_strerror(st));
			rc = cli_exit_for(st);
		} else if (ac_occ_calibration_occupations(c) == 0) {
			cli_error("the policy maps no O*NET work activity to a category (its [gwa] section is "
				  "missing or empty), so there is nothing to compare");
			rc = CLI_EXIT_USAGE;
		}
	}
	double after[AC_CAT__COUNT + 1] = {0};
	size_t measured[AC_CAT__COUNT + 1] = {0};
	for (int k = 1; k <= AC_CAT__COUNT; k++) {
		after[k] = ac_occ_calibration_after(c, k);
		measured[k] = ac_occ_calibration_tasks(c, k);
	}
	if (rc < 0 && ac_policy_write_with_category_exposures(policy, after, measured, &text, &len) != AC_OK) {
		cli_error("out of memory");
		rc = CLI_EXIT_FAIL;
	}
	if (rc < 0) {
		printf("# Calibrated by 'aicert data calibrate' from the installed occupation data.\n"
		       "# Spearman correlation over %zu occupations with a measured exposure (GPTs-are-GPTs\n"
		       "# task labels and Working with AI measured use, combined):\n"
		       "#   category defaults of the policy vs measured exposure:  %.3f\n"
		       "#   calibrated category exposures   vs measured exposure:  %.3f\n"
		       "# Spearman(published beta, Working with AI applicability) over %zu occupations: %.3f\n"
		       "# %zu tasks have no GWA, or one the policy does not map, and are left out.\n"
		       "#\n"
		       "# category                   policy  calibrated  tasks\n",
		       ac_occ_calibration_occupations(c), ac_occ_calibration_rho_default(c),
		       ac_occ_calibration_rho_calibrated(c), ac_occ_calibration_applicability_occupations(c),
		       ac_occ_calibration_rho_applicability(c), ac_occ_calibration_unmapped_tasks(c));
		for (int k = 1; k <= AC_CAT__COUNT; k++)
			printf("#   %-26s %5.2f  %10.2f  %5zu\n", ac_enum_name(AC_ENUM_CATEGORY, k),
			       ac_occ_calibration_before(c, k), after[k], measured[k]);
		printf("#\n");
		fwrite(text, 1, len, stdout);
		rc = cli_flush_stdout();
	}
	ac_occ_calibration_free(c);
	ac_diags_free(&d);
	ac_occdata_close(db);
	ac_policy_free(policy);
	ac_free(text);
	return rc;
}

static const cli_option calibrate_options[] = {
	CLI_OPT_DATA,
	CLI_OPT_POLICY,
	{NULL, NULL, NULL},
};

const cli_command cmd_data_calibrate = {
	"data calibrate",
	"compare the category defaults with measured exposure and print a calibrated policy",
	"aicert data calibrate [--policy FILE] [--data FILE] > calibrated.policy",
	"Prints, as comments, Spearman's correlation over all occupations between the\n"
	"exposure the policy's category defaults give an occupation's O*NET tasks and\n"
	"its measured exposure (GPTs-are-GPTs labels and Microsoft's measured AI use,\n"
	"combined), before and after calibration, and between the published beta and\n"
	"Microsoft's AI applicability score; then the policy with each category's\n"
	"exposure replaced by the mean measured exposure of its O*NET tasks.\n"
	"Save it and use it with --policy.",
	calibrate_options,
	0,
	0,
	run_calibrate,
};
