/*
 * cmd_certs.c — `aicert certs list|show|search`: browse the certificate
 * catalogue (built in, plus --catalogue FILE).  Filtering is the library's
 * ac_cert_matches(); this file only turns options into a filter and prints.
 * JSON output of list and search is itself a valid catalogue file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

#define OPT_FORMAT_TJ {"format", "FMT", "output format: text (default) or json"}
#define OPT_FILTERS                                                                                       \
	{"domain", "D", "only this domain (ai_literacy, ml_engineering, genai_development, ...)"},        \
		{"level", "L", "only this level (foundational, associate, professional, ...)"},          \
		{"provider", "NAME", "only providers whose name contains NAME (any case)"},               \
		{"max-cost", "USD", "only certificates known to cost at most USD (unknown cost is left out)"}, \
		{"status", "S", "only this status: active, retiring or retired"}

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
	memset(f, 0, sizeof *f);
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

static int is_uncertain(const ac_cert *c, const char *key)
{
	for (size_t i = 0; i < c->n_uncertain; i++)
		if (strcmp(c->uncertain[i], key) == 0)
			return 1;
	return 0;
}

/* "$150", "7.5", or "unknown"; a trailing "?" when the reference marks the
 * value uncertain (table cells). */
static void fmt_num(char *buf, size_t n, ac_num v, const char *prefix, int uncertain)
{
	if (!v.set)
		snprintf(buf, n, "unknown%s", uncertain ? "?" : "");
	else
		snprintf(buf, n, "%s%.10g%s", prefix, v.v, uncertain ? "?" : "");
}

/* Flushes stdout; 0, or 1 after reporting a write error. */
static int finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output");
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}


/* The entry's canonical JSON (the library's) as a jansson value. */
static json_t *cert_json(const ac_cert *c)
{
	char *s = ac_cert_to_json(c);
	json_t *v = s ? json_loads(s, 0, NULL) : NULL;
	ac_free(s);
	return v;
}

/* Lists the matching entries as a table or as a catalogue file. */
static int print_matches(const ac_catalogue *cat, const ac_cert_filter *f, int json)
{
	size_t total = ac_catalogue_count(cat), shown = 0, unknown_cost = 0;
	const ac_cert **rows = calloc(total + 1, sizeof *rows);
	if (!rows) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	ac_cert_filter no_cost = *f;
	no_cost.max_cost_usd.set = 0;
	for (size_t i = 0; i < total; i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (ac_cert_matches(c, f))
			rows[shown++] = c;
		else if (f->max_cost_usd.set && !c->cost_usd.set && ac_cert_matches(c, &no_cost))
			unknown_cost++;
	}
	int rc = CLI_EXIT_OK;
	if (json) {
		json_t *root = json_object(), *list = json_array();
		json_object_set_new(root, "schema", json_string(AC_CATALOGUE_SCHEMA));
		json_object_set(root, "certifications", list);
		for (size_t i = 0; i < shown && list; i++)
			if (json_array_append_new(list, cert_json(rows[i])) != 0) {
				json_decref(root);
				root = NULL;
				break;
			}
		json_decref(list);
		rc = cli_print_json(root);
		free(rows);
		return rc;
	}
	/* Column widths from the content, so the table stays aligned. */
	int w_id = 2, w_level = 5, w_domain = 6;
	for (size_t i = 0; i < shown; i++) {
		int l = (int)strlen(rows[i]->id);
		if (l > w_id)
			w_id = l;
		l = (int)strlen(ac_enum_name(AC_ENUM_LEVEL, rows[i]->level));
		if (l > w_level)
			w_level = l;
		l = (int)strlen(ac_enum_name(AC_ENUM_DOMAIN, rows[i]->domain));
		if (l > w_domain)
			w_domain = l;
	}
	if (shown)
		printf("%-*s  %-*s  %-*s  %9s  %8s  %s\n", w_id, "ID", w_level, "LEVEL", w_domain, "DOMAIN", "COST",
		       "HOURS", "STATUS");
	for (size_t i = 0; i < shown; i++) {
		const ac_cert *c = rows[i];
		char cost[32], hours[32];
		fmt_num(cost, sizeof cost, c->cost_usd, "$", is_uncertain(c, "cost_usd"));
		fmt_num(hours, sizeof hours, c->hours, "", is_uncertain(c, "hours"));
		printf("%-*s  %-*s  %-*s  %9s  %8s  %s%s%s\n", w_id, c->id, w_level, ac_enum_name(AC_ENUM_LEVEL, c->level),
		       w_domain, ac_enum_name(AC_ENUM_DOMAIN, c->domain), cost, hours,
		       ac_enum_name(AC_ENUM_STATUS, c->status), c->status_date ? " " : "",
		       c->status_date ? c->status_date : "");
	}
	if (shown)
		printf("\n%zu of %zu certificates.  '?' marks a value the reference flags as uncertain; "
		       "'unknown' means no source gives it.\n", shown, total);
	else
		printf("No certificate matches.\n");
	if (unknown_cost)
		printf("%zu certificate%s with an unknown cost left out by --max-cost.\n", unknown_cost,
		       unknown_cost == 1 ? "" : "s");
	if (shown)
		printf("Details: aicert certs show ID\n");
	free(rows);
	return finish_stdout();
}

static int run_listing(const cli_args *a, const char *words)
{
	int json = 0, rc;
	ac_cert_filter f;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0 || (rc = parse_filter(a, &f)) >= 0)
		return rc;
	f.words = words;
	ac_catalogue *cat = NULL;
	if ((rc = cli_load_catalogue(a, &cat)) >= 0)
		return rc;
	rc = print_matches(cat, &f, json);
	ac_catalogue_free(cat);
	return rc;
}

static int run_list(const cli_args *a)
{
	return run_listing(a, NULL);
}

static int run_search(const cli_args *a)
{
	/* The positional words joined by spaces: every one must match. */
	size_t len = 1;
	for (int i = 0; i < a->n_positional; i++)
		len += strlen(a->positional[i]) + 1;
	char *words = malloc(len);
	if (!words) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	words[0] = '\0';
	for (int i = 0; i < a->n_positional; i++) {
		if (i)
			strcat(words, " ");
		strcat(words, a->positional[i]);
	}
	int rc = run_listing(a, words);
	free(words);
	return rc;
}

/* One "label  value" line of `certs show`. */
static void show_line(const char *label, const char *value, int uncertain)
{
	printf("  %-15s %s%s\n", label, value ? value : "unknown", uncertain ? " (uncertain)" : "");
}

static void show_list(const char *label, char *const *items, size_t n, const char *sep)
{
	printf("  %-15s ", label);
	if (!n)
		fputs("none", stdout);
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? sep : "", items[i]);
	fputc('\n', stdout);
}

static void show_text(const ac_cert *c)
{
	char buf[96];
	printf("%s\n", c->id);
	show_line("name", c->name, is_uncertain(c, "name"));
	show_line("provider", c->provider, is_uncertain(c, "provider"));
	show_line("exam code", c->exam_code ? c->exam_code : "none given", is_uncertain(c, "exam_code"));
	show_line("level", ac_enum_name(AC_ENUM_LEVEL, c->level), is_uncertain(c, "level"));
	show_line("domain", ac_enum_name(AC_ENUM_DOMAIN, c->domain), is_uncertain(c, "domain"));
	fmt_num(buf, sizeof buf, c->cost_usd, "$", 0);
	show_line("cost (USD)", buf, is_uncertain(c, "cost_usd"));
	show_line("  source says", c->cost_note, is_uncertain(c, "cost_note"));
	fmt_num(buf, sizeof buf, c->retake_usd, "$", 0);
	show_line("retake (USD)", buf, is_uncertain(c, "retake_usd"));
	if (c->hours.set)
		snprintf(buf, sizeof buf, "%.10g hours", c->hours.v);
	else
		snprintf(buf, sizeof buf, "unknown");
	show_line("preparation", buf, is_uncertain(c, "hours"));
	show_line("  source says", c->hours_note, is_uncertain(c, "hours_note"));
	if (c->never_expires)
		snprintf(buf, sizeof buf, "does not expire");
	else if (c->validity_months.set)
		snprintf(buf, sizeof buf, "%.10g months", c->validity_months.v);
	else
		snprintf(buf, sizeof buf, "unknown");
	show_line("validity", buf, is_uncertain(c, "validity_months") || is_uncertain(c, "never_expires"));
	show_line("renewal", c->renewal, is_uncertain(c, "renewal"));
	show_line("prerequisites", c->prerequisites, is_uncertain(c, "prerequisites"));
	show_line("gated", c->gated ? "yes: something else must be held or taken first" : "no",
		  is_uncertain(c, "gated"));
	show_line("format", ac_enum_name(AC_ENUM_FORMAT, c->format), is_uncertain(c, "format"));
	if (c->status_date)
		snprintf(buf, sizeof buf, "%s (%s)", ac_enum_name(AC_ENUM_STATUS, c->status), c->status_date);
	else
		snprintf(buf, sizeof buf, "%s", ac_enum_name(AC_ENUM_STATUS, c->status));
	show_line("status", buf, is_uncertain(c, "status") || is_uncertain(c, "status_date"));
	show_list("roles", c->roles, c->n_roles, ", ");
	show_list("keywords", c->keywords, c->n_keywords, ", ");
	show_list("sources", c->sources, c->n_sources, "\n                  ");
	show_line("checked", c->checked, 0);
	if (c->n_uncertain)
		show_list("uncertain", c->uncertain, c->n_uncertain, ", ");
}

static int run_show(const cli_args *a)
{
	int json = 0, rc;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0)
		return rc;
	ac_catalogue *cat = NULL;
	if ((rc = cli_load_catalogue(a, &cat)) >= 0)
		return rc;
	const char *id = a->positional[0];
	const ac_cert *c = ac_catalogue_find(cat, id);
	if (!c) {
		cli_error("no certificate with id '%s' (try 'aicert certs search WORD')", id);
		ac_catalogue_free(cat);
		return CLI_EXIT_USAGE;
	}
	if (json) {
		json_t *v = cert_json(c);
		rc = cli_print_json(v);
	} else {
		show_text(c);
		rc = finish_stdout();
	}
	ac_catalogue_free(cat);
	return rc;
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
	"Unknown values are printed as unknown; values the reference marks as uncertain are "
	"followed by (uncertain).",
	show_options,
	1,
	1,
	run_show,
};
