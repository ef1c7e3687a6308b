/*
 * cmd_history.c — `aicert history list | show ID | forget ID|--all | export |
 * diff [A] [B]`: the local history that `aicert assess --save` writes to
 * ($AICERT_HISTORY, else the XDG data folder).  Each subcommand is one call
 * into the library's ac_history_* functions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define FORMATS_TEXT_JSON                                                                                              \
	{                                                                                                              \
		"format", "FMT", "output format: text (default) or json"                                               \
	}

/* Opens the history; *h stays NULL (and -1 is returned) when there is none
 * yet and the command can say so itself (missing_ok). */
static int open_history(ac_history **h, int missing_ok)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_history_open(NULL, 0, h, &d);
	int rc = -1;
	if (st == AC_ENOTFOUND && missing_ok)
		*h = NULL;
	else if (st != AC_OK)
		rc = cli_fail(st, &d, "history");
	ac_diags_free(&d);
	return rc;
}

/* ------------------------------------------------------------ saving (assess --save) */

int cli_history_save(ac_session *s, const ac_profile *p, const ac_assessment *a, const char *policy, size_t len,
		     const char *as_of)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_history *h = NULL;
	ac_history_save_options o;
	ac_history_save_options_init(&o);
	o.policy_text = policy;
	o.policy_len = len;
	o.as_of = as_of;
	long long id = 0;
	ac_status st = ac_history_open(NULL, 1, &h, &d);
	if (st == AC_OK)
		st = ac_history_save(h, s, p, a, &o, &id, &d);
	int rc = st == AC_OK ? -1 : cli_fail(st, &d, "history");
	if (st == AC_OK)
		cli_error("saved as #%lld in %s", id, ac_history_path(h));
	ac_history_close(h);
	ac_diags_free(&d);
	return rc;
}

/* A saved assessment's number: "12" or "#12". */
static int parse_id(const char *s, long long *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(*s == '#' ? s + 1 : s, &end, 10);
	if (errno || end == s || *end || v < 1) {
		cli_error("found '%s', expected the number of a saved assessment ('aicert history list' shows them)",
			  s);
		return CLI_EXIT_USAGE;
	}
	*id = v;
	return -1;
}

/* ------------------------------------------------------------ list, show, export */

static int run_list(const cli_args *args)
{
	int json = 0, rc;
	ac_history *h = NULL;
	if ((rc = cli_format_text_or_json(args, &json)) >= 0 || (rc = open_history(&h, 1)) >= 0)
		return rc;
	if (!h) {
		char *path = ac_history_default_path();
		if (json)
			printf("{\n  \"schema\": \"aicert/history/v1\",\n  \"assessments\": []\n}\n");
		else
			printf("(no saved assessments: %s does not exist yet)\n", path ? path : "the history");
		ac_free(path);
		return cli_flush_stdout();
	}
	ac_diags d;
	ac_diags_init(&d);
	char *out = NULL;
	size_t len = 0;
	ac_status st = ac_history_list(h, json ? AC_FORMAT_JSON : AC_FORMAT_TEXT, &out, &len, &d);
	rc = cli_emit(st, out, len, &d, "history");
	ac_diags_free(&d);
	ac_history_close(h);
	return rc;
}

static int run_show(const cli_args *args)
{
	int json = 0, rc;
	long long id = 0;
	ac_history *h = NULL;
	if ((rc = cli_format_text_or_json(args, &json)) >= 0 || (rc = parse_id(args->positional[0], &id)) >= 0 ||
	    (rc = open_history(&h, 0)) >= 0)
		return rc;
	ac_diags d;
	ac_diags_init(&d);
	char *out = NULL;
	size_t len = 0;
	ac_status st = ac_history_show(h, id, json ? AC_FORMAT_JSON : AC_FORMAT_TEXT, &out, &len, &d);
	rc = cli_emit(st, out, len, &d, "history");
	ac_diags_free(&d);
	ac_history_close(h);
	return rc;
}

static int run_export(const cli_args *args)
{
	(void)args;
	ac_history *h = NULL;
	int rc = open_history(&h, 1);
	if (rc >= 0 || !h)
		return rc >= 0 ? rc : CLI_EXIT_OK;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_history_export(h, stdout, &d);
	rc = st == AC_OK ? CLI_EXIT_OK : cli_fail(st, &d, "history");
	ac_diags_free(&d);
	ac_history_close(h);
	return rc;
}

/* ------------------------------------------------------------ forget */

static int run_forget(const cli_args *args)
{
	int all = cli_flag(args, "all"), rc;
	long long id = 0, n = 0;
	if (all == (args->n_positional == 1)) {
		cli_error("forget needs either an ID or --all");
		return CLI_EXIT_USAGE;
	}
	ac_history *h = NULL;
	if ((!all && (rc = parse_id(args->positional[0], &id)) >= 0) || (rc = open_history(&h, all)) >= 0)
		return rc;
	if (!h) {
		printf("Nothing to forget: there is no history yet.\n");
		return CLI_EXIT_OK;
	}
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_history_forget(h, id, &n, &d);
	if (st == AC_OK) {
		if (all)
			printf("Forgot %lld saved %s.\n", n, n == 1 ? "assessment" : "assessments");
		else
			printf("Forgot #%lld.\n", id);
		rc = cli_flush_stdout();
	} else {
		rc = cli_fail(st, &d, "history");
	}
	ac_diags_free(&d);
	ac_history_close(h);
	return rc;
}

/* ------------------------------------------------------------ diff */

static int run_diff(const cli_args *args)
{
	ac_format f;
	long long ids[2] = {0, 0};
	int rc;
	if ((rc = cli_format(args, &f)) >= 0)
		return rc;
	for (int i = 0; i < args->n_positional; i++)
		if ((rc = parse_id(args->positional[i], &ids[i])) >= 0)
			return rc;
	ac_session_options env;
	ac_session_options_init(&env);
	char *catalogue = NULL;
	size_t len = 0;
	if ((env.catalogue_source = cli_opt(args, "catalogue")) &&
	    (rc = cli_read_file(env.catalogue_source, 8 * 1024 * 1024, &catalogue, &len)) >= 0)
		return rc;
	env.catalogue_text = catalogue;
	env.catalogue_len = len;
	env.data_path = cli_opt(args, "data");
	ac_history *h = NULL;
	if ((rc = open_history(&h, 0)) >= 0) {
		free(catalogue);
		return rc;
	}
	ac_diags d;
	ac_diags_init(&d);
	char *out = NULL;
	size_t out_len = 0;
	ac_status st = ac_history_diff(h, &env, ids[0], ids[1], f, &out, &out_len, &d);
	rc = cli_emit(st, out, out_len, &d, "history diff");
	ac_diags_free(&d);
	ac_history_close(h);
	free(catalogue);
	return rc;
}

/* ------------------------------------------------------------ the commands */

static const cli_option list_options[] = {FORMATS_TEXT_JSON, {NULL, NULL, NULL}};
static const cli_option forget_options[] = {{"all", NULL, "forget every saved assessment"}, {NULL, NULL, NULL}};
static const cli_option no_options[] = {{NULL, NULL, NULL}};
static const cli_option diff_options[] = {CLI_OPT_FORMAT, CLI_OPT_CATALOGUE, CLI_OPT_DATA, {NULL, NULL, NULL}};

const cli_command cmd_history_list = {
	"history list",
	"the assessments saved with 'assess --save'",
	"aicert history list [--format text|json]",
	"Lists the saved assessments, oldest first: number, when saved, the date each speaks for, verdict,\n"
	"reason and label.  The history is $AICERT_HISTORY, else $XDG_DATA_HOME/aicert/history.db, else\n"
	"~/.local/share/aicert/history.db.",
	list_options,
	0,
	0,
	run_list};

const cli_command cmd_history_show = {
	"history show",
	"one saved assessment",
	"aicert history show ID [--format text|json]",
	"Shows what was saved: when, under which policy, catalogue and data, the verdict and the profile;\n"
	"--format json gives the whole record with the assessment as saved.",
	list_options,
	1,
	1,
	run_show};

const cli_command cmd_history_forget = {"history forget",
					"delete one saved assessment, or all of them",
					"aicert history forget ID | --all",
					"Deletes from the history for good (the space is overwritten).",
					forget_options,
					0,
					1,
					run_forget};

const cli_command cmd_history_export = {
	"history export",
	"every saved assessment as JSON Lines",
	"aicert history export",
	"Writes one line per saved assessment, oldest first: its fields, \"profile\" and \"assessment\".",
	no_options,
	0,
	0,
	run_export};

const cli_command cmd_history_diff = {
	"history diff",
	"why the verdict moved between two saved assessments",
	"aicert history diff [A] [B] [--format text|json|markdown] [--catalogue FILE] [--data FILE]",
	"Compares saved assessments A and B (default: the last two; A alone: A and the latest) and\n"
	"separates the causes by re-assessing one change at a time with today's catalogue and data:\n"
	"your answers (each changed answer tried on its own), the policy, the catalogue and the\n"
	"occupation data, and the date.",
	diff_options,
	0,
	2,
	run_diff};
