/*
 * cmd_policy.c — `aicert policy show` prints the built-in policy (or the facts
 * a policy may use); `aicert policy check FILE` validates a policy file and
 * names the line of every problem.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_option show_options[] = {
	{"facts", NULL, "list the facts that conditions and texts may use, with their meaning"}, {NULL, NULL, NULL}};

static int show(const cli_args *args)
{
	if (cli_flag(args, "facts")) {
		printf("# Facts a policy's conditions may use (yes/no facts may be unknown).\n");
		printf("# Derived facts ([derive NAME] sections) and thresholds may be used too.\n");
		printf("# A fact the policy decides (phase, the motives' validity, derived facts, the\n"
		       "# verdict, the positioning) may be used only where it is already decided.\n");
		const char *name, *type, *desc;
		for (size_t i = 0; (name = ac_fact_describe(i, &type, &desc)) != NULL; i++)
			printf("%-32s %-7s %s\n", name, type, desc);
		return cli_flush_stdout();
	}
	const char *text = ac_policy_default_text();
	return cli_write_stdout(text, strlen(text));
}

static int check(const cli_args *args)
{
	const char *path = args->positional[0];
	char *buf;
	size_t len;
	int rc = cli_read_file(path, 1024 * 1024, &buf, &len);
	if (rc >= 0)
		return rc;
	ac_diags d;
	ac_diags_init(&d);
	ac_policy *p = NULL;
	ac_status st = ac_policy_parse(buf, len, path, &p, &d);
	free(buf);
	if (st != AC_OK) {
		cli_print_diags(&d);
		if (st == AC_EINPUT)
			cli_error("%s: refused (%zu problem%s)", path, ac_diags_count(&d),
				  ac_diags_count(&d) == 1 ? "" : "s");
		else if (!ac_diags_count(&d))
			cli_error("%s: %s", path, ac_strerror(st));
		ac_diags_free(&d);
		return cli_exit_for(st);
	}
	printf("%s: policy '%s' version %s is valid\n", path, ac_policy_name(p), ac_policy_version(p));
	ac_policy_free(p);
	ac_diags_free(&d);
	return cli_flush_stdout();
}

const cli_command cmd_policy_show = {
	"policy show",
	"print the built-in policy (thresholds, rules, texts)",
	"aicert policy show [--facts]",
	"Prints the default policy compiled into aicert.  Save it, edit it, check it with\n"
	"'aicert policy check FILE', and use it with 'aicert assess --policy FILE'.",
	show_options,
	0,
	0,
	show};

static const cli_option check_options[] = {{NULL, NULL, NULL}};

const cli_command cmd_policy_check = {
	"policy check",
	"validate a policy file, naming the line of each problem",
	"aicert policy check FILE",
	"Exit 0 when the policy is valid, 2 when it is refused (every problem is listed).",
	check_options,
	1,
	1,
	check};
