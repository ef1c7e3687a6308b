/*
 * cmd_assess.c — `aicert assess PROFILE`: read one profile, run the engine,
 * write the assessment.  Nothing is written to stdout unless the whole
 * assessment was produced (bad input: messages on stderr, exit 2).
 */
#include <stdlib.h>

#include "cli.h"

static const cli_option options[] = {
	CLI_OPT_FORMAT_HTML,
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	CLI_OPT_AS_OF,
	{"no-counterfactuals", NULL, "skip the search for answers that would change the verdict"},
	{"save", NULL, "also save the assessment in the history ('aicert history list')"},
	{NULL, NULL, NULL}};

int cli_opt_date(const cli_args *a, const char *name, const char **value)
{
	*value = cli_opt(a, name);
	if (*value && !ac_date_valid(*value)) {
		cli_error("--%s: found '%s', expected a calendar date written YYYY-MM-DD, such as 2026-11-29", name,
			  *value);
		return CLI_EXIT_USAGE;
	}
	return -1;
}

static int run(const cli_args *args)
{
	ac_format fmt;
	const char *as_of;
	int rc = cli_format_of(args,
			       CLI_FMT(AC_FORMAT_TEXT) | CLI_FMT(AC_FORMAT_JSON) | CLI_FMT(AC_FORMAT_MARKDOWN) |
				       CLI_FMT(AC_FORMAT_HTML),
			       &fmt);
	if (rc >= 0 || (rc = cli_opt_date(args, "as-of", &as_of)) >= 0)
		return rc;
	const char *path = args->positional[0];
	ac_session *session = NULL;
	ac_profile *profile = NULL;
	ac_assessment *a = NULL;
	char *out = NULL, *policy = NULL;
	size_t out_len = 0, policy_len = 0;
	ac_diags d;
	ac_diags_init(&d);
	if ((rc = cli_load_profile(path, &profile)) >= 0 ||
	    (rc = cli_open_session_keep(args, &session, &policy, &policy_len)) >= 0)
		goto done;
	ac_assess_options o;
	ac_assess_options_init(&o);
	o.counterfactuals = !cli_flag(args, "no-counterfactuals");
	o.as_of = as_of;
	ac_status st = ac_session_assess(session, profile, &o, &a, &d);
	ac_render_options ro;
	cli_render_options(&ro);
	if (st == AC_OK)
		st = ac_render_opts(a, fmt, &ro, &out, &out_len);
	if (st != AC_OK) {
		/* The engine names fields; the file they belong to is this one. */
		rc = cli_fail_in(st, &d, path, path);
		goto done;
	}
	if (!cli_flag(args, "save") || (rc = cli_history_save(session, profile, a, policy, policy_len, as_of)) < 0)
		rc = cli_write_stdout(out, out_len);
done:
	ac_free(out);
	free(policy);
	ac_assessment_free(a);
	ac_profile_free(profile);
	ac_session_free(session);
	ac_diags_free(&d);
	return rc;
}

const cli_command cmd_assess = {
	"assess",
	"assess one profile: verdict, reasons, alternatives",
	"aicert assess PROFILE|- [--format text|json|markdown|html] [--as-of YYYY-MM-DD] [--policy FILE] [--catalogue "
	"FILE]\n"
	"       [--data FILE] [--no-counterfactuals] [--save]",
	"Reads a profile ('-' reads standard input) and writes the assessment: the verdict first,\n"
	"then exposure, replaceability, leverage, organisation, timing, motives and the\n"
	"certificate, the four conditions, the five questions, the ranked alternatives and what\n"
	"would change the verdict.  To make a profile: 'aicert interview' asks the questions,\n"
	"'aicert init' writes a starter to fill in, 'aicert schema profile' describes every field.\n"
	"A certificate's availability is judged on\n"
	"--as-of (default: today in UTC), which the assessment records.  Exit 0 when an assessment was written\n"
	"(whatever the verdict), 2 for bad input or usage, 1 for an internal failure.",
	options,
	1,
	1,
	run};
