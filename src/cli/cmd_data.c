/*
 * cmd_data.c — `aicert data import` builds the occupation database from the
 * official files; `aicert data calibrate` measures how well the policy's
 * category defaults agree with that data and writes a policy calibrated on it.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

/* Creates every missing directory above the file path (mode 0755). */
static int make_parents(const char *path)
{
	char *p = strdup(path);
	if (!p)
		return -1;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			cli_error("%s: cannot create the directory: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
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
	/* The new database is renamed over the target: only ever over a file. */
	struct stat target;
	if (lstat(to, &target) == 0 && !S_ISREG(target.st_mode)) {
		cli_error("%s: found %s, expected a database file (or no file yet); nothing was imported", to,
			  S_ISLNK(target.st_mode) ? "a symbolic link (give the file it points to)"
			  : S_ISDIR(target.st_mode) ? "a folder" : "a device or other special file");
		free(to);
		return CLI_EXIT_USAGE;
	}
	if (make_parents(to) != 0) {
		free(to);
		return CLI_EXIT_USAGE;
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_occdata_import(from, to, &d);
	double secs = seconds_since(&t0);
	if (st != AC_OK) {
		cli_print_diags(&d);
		if (!d.count)
			cli_error("import: %s", ac_strerror(st));
		cli_error("nothing was imported; %s is unchanged", to);
		ac_diags_free(&d);
		free(to);
		return st == AC_ENOMEM || st == AC_EINTERNAL ? CLI_EXIT_FAIL : CLI_EXIT_USAGE;
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
	printf("imported into %s in %.1f s (schema %d)\n", to, secs, info->schema_version);
	printf("  %zu occupations: %zu with a GPTs-are-GPTs beta, %zu with a Working with AI score,\n"
	       "    %zu with a median wage, %zu with projected growth\n",
	       info->occupations, info->with_beta, info->with_applicability, info->with_wage,
	       info->with_growth);
	printf("  %zu O*NET tasks, %zu GPTs-are-GPTs task labels, %zu detailed work activities\n",
	       info->tasks, info->labels, info->dwas);
	printf("  %zu searchable titles (titles, alternate, short and reported titles)\n", info->titles);
	printf("sources:\n");
	for (size_t i = 0; i < info->n_sources; i++)
		printf("  %s %s (%s), %s%s\n", info->sources[i].title, info->sources[i].version,
		       info->sources[i].licence, info->sources[i].url,
		       info->sources[i].missing ? " -- missing: not imported" : "");
	ac_occdata_info_free(info);
	ac_occdata_close(db);
	free(to);
	return cli_flush_stdout();
}

static const cli_option import_options[] = {
	{"from", "DIR", "folder holding onet-29.3/, gpts-are-gpts/, working-with-ai/ and bls/ (required)"},
	{"to", "FILE", "database to write (default: $AICERT_DATA or the XDG data dir)"},
	{"quiet", NULL, "print only warnings and errors"},
	{NULL, NULL, NULL},
};

const cli_command cmd_data_import = {
	"data import",
	"build the occupation database from the official data files",
	"aicert data import --from DIR [--to FILE]",
	"Reads O*NET, GPTs-are-GPTs, Microsoft's Working with AI and the BLS files (the\n"
	"releases aicert ships are in data/occupations/; scripts/fetch-data.sh downloads\n"
	"newer ones) and writes one SQLite database.  The database is replaced only when\n"
	"the whole import succeeded; a malformed file is reported with its name and\n"
	"line.  Only O*NET is required: a dataset with a file missing is skipped with a\n"
	"warning and recorded as missing.",
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
	ac_occ_calibration c;
	ac_diags d;
	ac_diags_init(&d);
	if (rc < 0) {
		ac_status st = ac_occdata_calibrate(db, policy, &c, &d);
		if (st != AC_OK) {
			cli_print_diags(&d);
			if (!d.count)
				cli_error("calibrate: %s", ac_strerror(st));
			rc = cli_exit_for(st);
		} else if (c.n_occupations == 0) {
			cli_error("the policy maps no O*NET work activity to a category (its [gwa] section is "
				  "missing or empty), so there is nothing to compare");
			rc = CLI_EXIT_USAGE;
		}
	}
	if (rc < 0 && ac_policy_write_with_category_exposures(policy, c.after, c.n_tasks, &text, &len) != AC_OK) {
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
		       c.n_occupations, c.rho_default, c.rho_calibrated, c.n_applicability,
		       c.rho_applicability, c.unmapped_tasks);
		for (int k = 1; k <= AC_CAT__COUNT; k++)
			printf("#   %-26s %5.2f  %10.2f  %5zu\n", ac_enum_name(AC_ENUM_CATEGORY, k), c.before[k],
			       c.after[k], c.n_tasks[k]);
		printf("#\n");
		fwrite(text, 1, len, stdout);
		rc = cli_flush_stdout();
	}
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
