/*
 * cmd_occupations.c — `aicert occupations search WORDS` (ranked occupations
 * for a typed job title, with a match confidence) and `aicert occupations
 * show CODE` (tasks, measured exposure and labour-market figures, each with
 * its source).  Both need the database `aicert data import` builds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define OPT_FORMAT_TJ                                                                                                  \
	{                                                                                                              \
		"format", "FMT", "output format: text (default) or json"                                               \
	}

/* ------------------------------------------------------------ search */

static int run_search(const cli_args *a)
{
	int json = 0, rc;
	double limit = 10;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0 || (rc = cli_opt_number(a, "limit", 1, 100, &limit)) >= 0)
		return rc;
	if (limit != floor(limit)) {
		cli_error("--limit: found '%s', expected a whole number from 1 to 100", cli_opt(a, "limit"));
		return CLI_EXIT_USAGE;
	}
	char words[AC_MAX_STRING + 1];
	cli_call c;
	if ((rc = cli_join_words(a, words)) >= 0 || (rc = cli_call_open(a, json, &c)) >= 0)
		return rc;
	ac_status st = ac_session_occupation_search(c.s, words, (size_t)limit, c.format, &c.out, &c.len, &c.d);
	return cli_call_finish(&c, st, "search");
}

static const cli_option search_options[] = {
	{"limit", "N", "at most N occupations (default 10, at most 100)"},
	OPT_FORMAT_TJ,
	CLI_OPT_DATA,
	{NULL, NULL, NULL},
};

const cli_command cmd_occupations_search = {
	"occupations search",
	"find occupations by job title, with a match confidence",
	"aicert occupations search WORDS... [--limit N] [--format text|json]",
	"Matches O*NET titles, alternate titles and reported titles; abbreviations\n"
	"such as 'rn' or 'fp&a' match the titles they abbreviate.  Confidence is 1 for\n"
	"an exact title, 0.95 for an exact alternate title, 0.90 for an exact reported\n"
	"title, and lower the fewer of the typed and title words match.",
	search_options,
	1,
	CLI_MAX_POSITIONAL,
	run_search,
};

/* ------------------------------------------------------------ show */

static int run_show(const cli_args *a)
{
	int json = 0, rc;
	cli_call c;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0 || (rc = cli_call_open(a, json, &c)) >= 0)
		return rc;
	ac_status st = ac_session_occupation_show(c.s, a->positional[0], c.format, &c.out, &c.len, &c.d);
	return cli_call_finish(&c, st, "occupations show");
}

static const cli_option show_options[] = {
	OPT_FORMAT_TJ,
	CLI_OPT_POLICY,
	CLI_OPT_DATA,
	{NULL, NULL, NULL},
};

const cli_command cmd_occupations_show = {
	"occupations show",
	"an occupation's tasks, measured AI exposure and labour-market figures",
	"aicert occupations show CODE [--format text|json] [--policy FILE]",
	"CODE is an O*NET-SOC code (13-2051.00) or a SOC code (13-2051, which means\n"
	"its .00 occupation).  Every figure names its source.",
	show_options,
	1,
	1,
	run_show,
};
