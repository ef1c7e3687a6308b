/*
 * cmd_compare.c — `aicert compare PROFILE`: turns the options into compare
 * options and prints what the library's ranking gives (ac_session_compare).
 */
#include <stdlib.h>

#include "cli.h"

static int run_compare(const cli_args *a)
{
	int rc;
	ac_format format = AC_FORMAT_TEXT;
	if ((rc = cli_format_of(a,
				CLI_FMT(AC_FORMAT_TEXT) | CLI_FMT(AC_FORMAT_JSON) | CLI_FMT(AC_FORMAT_MARKDOWN) |
					CLI_FMT(AC_FORMAT_HTML),
				&format)) >= 0)
		return rc;
	ac_cert_filter filter;
	ac_cert_filter_init(&filter);
	ac_compare_options o;
	ac_compare_options_init(&o);
	o.filter = &filter;
	const char *dom = cli_opt(a, "domain");
	if (dom && !(filter.domain = ac_enum_value(AC_ENUM_DOMAIN, dom))) {
		cli_error("--domain: found '%s', expected %s", dom, ac_enum_list(AC_ENUM_DOMAIN));
		return CLI_EXIT_USAGE;
	}
	double max_cost = 0, top = 10;
	if ((rc = cli_opt_number(a, "max-cost", 0, 1e9, &max_cost)) >= 0 ||
	    (rc = cli_opt_number(a, "top", 1, 100000, &top)) >= 0)
		return rc;
	if (top != (double)(size_t)top) {
		cli_error("--top: found '%s', expected a whole number", cli_opt(a, "top"));
		return CLI_EXIT_USAGE;
	}
	if (cli_opt(a, "max-cost")) {
		filter.max_cost_usd.set = 1;
		filter.max_cost_usd.v = max_cost;
	}
	o.top = (size_t)top;
	o.include_retired = cli_flag(a, "include-retired");
	if ((rc = cli_opt_date(a, "as-of", &o.as_of)) >= 0)
		return rc;

	const char *path = a->positional[0];
	ac_profile *p = NULL;
	ac_session *session = NULL;
	ac_comparison *cmp = NULL;
	if ((rc = cli_load_profile(path, &p)) >= 0 || (rc = cli_open_session(a, &session)) >= 0)
		goto out;
	ac_diags d;
	ac_diags_init(&d);
	char *text = NULL;
	size_t len = 0;
	ac_render_options ro;
	cli_render_options(&ro);
	ac_status st = ac_session_compare(session, p, &o, &cmp, &d);
	if (st == AC_OK)
		st = ac_comparison_render_opts(cmp, format, &ro, &text, &len);
	rc = cli_emit(st, text, len, &d, path);
	ac_diags_free(&d);
out:
	ac_comparison_free(cmp);
	ac_session_free(session);
	ac_profile_free(p);
	return rc;
}

static const cli_option compare_options[] = {
	{"top", "N", "show the N best-ranked certificates (default 10)"},
	{"domain", "D", "only certificates of this domain (ai_literacy, ml_engineering, ...)"},
	{"max-cost", "USD", "only certificates known to cost at most USD (unknown prices are left out)"},
	{"include-retired", NULL, "rank retired certificates too"},
	CLI_OPT_AS_OF,
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	CLI_OPT_FORMAT,
	{NULL, NULL, NULL},
};

const cli_command cmd_compare = {
	"compare",
	"rank the catalogue's certificates for one profile",
	"aicert compare PROFILE [--top N] [--domain D] [--max-cost USD] [--include-retired] [--as-of YYYY-MM-DD] "
	"[--policy FILE] "
	"[--catalogue FILE] [--data FILE] [--format text|json|markdown|html]",
	"Runs the assessment once per certificate, as if the profile named it, and ranks the results by "
	"the policy's comparison rule (printed with the output).  When no certificate earns 'pursue', "
	"that is said first, with the best path other than a certificate.  A certification named in the "
	"profile itself is ignored.",
	compare_options,
	1,
	1,
	run_compare,
};
