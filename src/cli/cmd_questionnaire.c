/*
 * cmd_questionnaire.c — `aicert questionnaire` prints the interview's
 * questions (the built-in file, or the one --questionnaire names, after it
 * was checked against the profile schema) as the file's text or as JSON for
 * a web page.  cli_load_questionnaire is shared with `aicert interview`.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_load_questionnaire(const cli_args *a, ac_questionnaire **out, char **text)
{
	const char *path = cli_opt(a, "questionnaire");
	char *buf = NULL;
	size_t len = 0;
	int rc;
	if (path && (rc = cli_read_file(path, AC_MAX_QUESTIONNAIRE_BYTES, &buf, &len)) >= 0)
		return rc;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = path ? ac_questionnaire_parse(buf, len, path, out, &d) : ac_questionnaire_default(out, &d);
	if (st != AC_OK) {
		free(buf);
		rc = cli_fail(st, &d, path ? path : "the built-in questionnaire");
		ac_diags_free(&d);
		return rc;
	}
	ac_diags_free(&d);
	if (text)
		*text = buf ? buf : strdup(ac_questionnaire_default_text());
	else
		free(buf);
	if (text && !*text) {
		ac_questionnaire_free(*out);
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	return -1;
}

static const cli_option options[] = {
	{"format", "FMT", "text (the questionnaire file, the default) or json (for a web page)"},
	CLI_OPT_QUESTIONNAIRE,
	{NULL, NULL, NULL}};

static int run(const cli_args *args)
{
	int json;
	int rc = cli_format_text_or_json(args, &json);
	if (rc >= 0)
		return rc;
	ac_questionnaire *q = NULL;
	char *text = NULL;
	if ((rc = cli_load_questionnaire(args, &q, &text)) >= 0)
		return rc;
	if (json) {
		char *out = NULL;
		size_t len = 0;
		ac_status st = ac_questionnaire_render_json(q, &out, &len);
		ac_diags none;
		ac_diags_init(&none);
		rc = cli_emit(st, out, len, &none, "questionnaire");
	} else
		rc = cli_write_stdout(text, strlen(text));
	free(text);
	ac_questionnaire_free(q);
	return rc;
}

const cli_command cmd_questionnaire = {
	"questionnaire",
	"print the interview's questions, or check a file of them",
	"aicert questionnaire [--format text|json] [--questionnaire FILE]",
	"Prints the questions 'aicert interview' asks: each one's profile field, wording,\n"
	"one-line help, choices and when it is asked.  Save it, edit the wording, and use it\n"
	"with 'aicert interview --questionnaire FILE'; a file with a question that fills a field\n"
	"the profile does not have, or offers a choice the field does not allow, is refused\n"
	"with the line named (exit 2).  --format json writes it for a web page.",
	options,
	0,
	0,
	run};
