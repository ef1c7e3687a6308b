/*
 * cmd_certs.c — `aicert certs list|show|search`: browse the certificate
 * catalogue (built in, plus --catalogue FILE).  Filtering is the library's
 * ac_cert_matches(); this file only turns options into a filter and prints.
 * JSON output of list and search is itself a valid catalogue file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define OPT_FORMAT_TJ                                                                                                  \
	{                                                                                                              \
		"format", "FMT", "output format: text (default) or json"                                               \
	}
#define OPT_FILTERS                                                                                                    \
	{"domain", "D", "only this domain (ai_literacy, ml_engineering, genai_development, ...)"},                     \
		{"level", "L", "only this level (foundational, associate, professional, ...)"},                        \
		{"provider", "NAME", "only providers whose name contains NAME (any case)"},                            \
		{"max-cost", "USD", "only certificates known to cost at most USD (unknown cost is left out)"},         \
	{                                                                                                              \
		"status", "S", "only this status: active, retiring or retired"                                         \
	}

/* text or json; anything else is a usage error.  -1 on success. */

static int parse_enum_opt(const cli_args *a, const char *opt, ac_enum_kind kind, int *out)
{
	const char *s = cli_opt(a, opt);
	if (!s)
		return -1;
	*out = ac_enum_value(kind, s);
	if (!*out) {
		cli_error("--%s: found '%s', expected %s", opt, s, ac_enum_list(kind));
		return CLI_EXIT_USAGE;
	}
	return -1;
}

/* Builds the filter from the options every listing command shares. */
static int parse_filter(const cli_args *a, ac_cert_filter *f)
{
	ac_cert_filter_init(f);
	int rc;
	if ((rc = parse_enum_opt(a, "domain", AC_ENUM_DOMAIN, &f->domain)) >= 0 ||
	    (rc = parse_enum_opt(a, "level", AC_ENUM_LEVEL, &f->level)) >= 0 ||
	    (rc = parse_enum_opt(a, "status", AC_ENUM_STATUS, &f->status)) >= 0)
		return rc;
	double max = 0;
	if ((rc = cli_opt_number(a, "max-cost", 0, 1e9, &max)) >= 0)
		return rc;
	if (cli_opt(a, "max-cost")) {
		f->max_cost_usd.set = 1;
		f->max_cost_usd.v = max;
	}
	f->provider = cli_opt(a, "provider");
	return -1;
}

static int run_listing(const cli_args *a, const char *words)
{
	int json = 0, rc;
	ac_cert_filter f;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0 || (rc = parse_filter(a, &f)) >= 0)
		return rc;
	f.words = words;
	cli_call c;
	if ((rc = cli_call_open(a, json, &c)) >= 0)
		return rc;
	ac_render_options ro;
	cli_render_options(&ro);
	ac_status st = ac_session_certs_render(c.s, &f, c.format, &ro, &c.out, &c.len);
	return cli_call_finish(&c, st, "certs");
}

static int run_list(const cli_args *a)
{
	return run_listing(a, NULL);
}

static int run_search(const cli_args *a)
{
	/* The positional words joined by spaces: every one must match. */
	char words[AC_MAX_STRING + 1];
	int rc = cli_join_words(a, words);
	return rc >= 0 ? rc : run_listing(a, words);
}

static int run_show(const cli_args *a)
{
	int json = 0, rc;
	cli_call c;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0 || (rc = cli_call_open(a, json, &c)) >= 0)
		return rc;
	const char *id = a->positional[0];
	const ac_catalogue *cat = ac_session_catalogue(c.s);
	const ac_cert *cert = ac_catalogue_find(cat, id);
	if (!cat) {
		cli_error("out of memory");
		cli_call_close(&c);
		return CLI_EXIT_FAIL;
	}
	if (!cert) {
		cli_error("no certificate with id '%s' (try 'aicert certs search WORD')", id);
		cli_call_close(&c);
		return CLI_EXIT_USAGE;
	}
	ac_status st = ac_session_cert_render(c.s, cert, c.format, &c.out, &c.len);
	return cli_call_finish(&c, st, "certs show");
}

static const cli_option list_options[] = {OPT_FILTERS, OPT_FORMAT_TJ, CLI_OPT_CATALOGUE, {NULL, NULL, NULL}};
static const cli_option show_options[] = {OPT_FORMAT_TJ, CLI_OPT_CATALOGUE, {NULL, NULL, NULL}};

const cli_command cmd_certs_list = {
	"certs list",
	"list the certificate catalogue, optionally filtered",
	"aicert certs list [--domain D] [--level L] [--provider NAME] [--max-cost USD] [--status S] "
	"[--catalogue FILE] [--format text|json]",
	"Every entry carries its sources and the date its facts were last checked.  "
	"Unknown values are shown as unknown, never guessed; '?' marks a value the reference flags "
	"as uncertain.  The JSON output is itself a catalogue file (usable with --catalogue).",
	list_options,
	0,
	0,
	run_list,
};

const cli_command cmd_certs_search = {
	"certs search",
	"find certificates by words (id, provider, name, exam code, keywords, roles)",
	"aicert certs search WORD... [--domain D] [--level L] [--provider NAME] [--max-cost USD] "
	"[--status S] [--catalogue FILE] [--format text|json]",
	"Every word must occur (any case) in the id, provider, name, exam code, keywords or roles.",
	list_options,
	1,
	CLI_MAX_POSITIONAL,
	run_search,
};

const cli_command cmd_certs_show = {
	"certs show",
	"show every field of one certificate, with its sources",
	"aicert certs show ID [--catalogue FILE] [--format text|json]",
	"Unknown values are printed as unknown, and preparation hours no source gives as the policy's "
	"estimate, marked as one; a figure only pages other than the issuer's support is followed by "
	"(uncertain).  Each source is printed with its standing and the figures it supports.",
	show_options,
	1,
	1,
	run_show,
};
