/*
 * cmd_schema.c — `aicert schema profile` prints a JSON Schema of the profile
 * and `aicert init [FILE]` writes a starter profile with a comment before
 * every field; both are made by the library from the public profile schema.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int schema(const cli_args *args)
{
	if (strcmp(args->positional[0], "profile") != 0) {
		cli_error("schema: found '%s', expected profile", args->positional[0]);
		return CLI_EXIT_USAGE;
	}
	char *out = NULL;
	size_t len = 0;
	ac_diags none; /* only running out of memory can fail here */
	ac_diags_init(&none);
	ac_status st = ac_schema_json_schema(&out, &len);
	return cli_emit(st, out, len, &none, "schema");
}

static const cli_option schema_options[] = {{NULL, NULL, NULL}};

const cli_command cmd_schema = {
	"schema",
	"print a JSON Schema of the profile, for editors",
	"aicert schema profile",
	"Prints the profile's JSON Schema (draft 2020-12), made from the same table the profile\n"
	"reader checks against: every field with its meaning, type, allowed values and limits.\n"
	"Point an editor at it to validate a profile and complete its fields as you type.",
	schema_options,
	1,
	1,
	schema};

static int init(const cli_args *args)
{
	const char *path = args->n_positional ? args->positional[0] : NULL;
	char *out = NULL;
	size_t len = 0;
	ac_diags none;
	ac_diags_init(&none);
	ac_status st = ac_profile_starter(&out, &len);
	if (st != AC_OK)
		return cli_fail(st, &none, "init");
	int rc;
	if (!path || strcmp(path, "-") == 0)
		rc = cli_write_stdout(out, len);
	else if (!cli_flag(args, "force") && access(path, F_OK) == 0) {
		cli_error("%s already exists; use --force to replace it", path);
		rc = CLI_EXIT_USAGE;
	} else if ((rc = cli_write_file_atomic(path, out, len)) < 0) {
		cli_note("wrote a starter profile to %s; fill it in, then: aicert assess %s", path, path);
		rc = CLI_EXIT_OK;
	}
	ac_free(out);
	return rc;
}

static const cli_option init_options[] = {{"force", NULL, "replace FILE when it exists"}, {NULL, NULL, NULL}};

const cli_command cmd_init = {"init",
			      "write a starter profile, a comment on each field, to fill in",
			      "aicert init [FILE] [--force]",
			      "Writes a profile with every answer unknown (null) and a \"// name\" line before each\n"
			      "field saying what it means and what it takes, to FILE (written whole or not at all;\n"
			      "an existing FILE is kept unless --force) or to standard output.  Replace null where\n"
			      "you know the answer; comment lines may stay.  'aicert interview' asks the same\n"
			      "questions one at a time instead.",
			      init_options,
			      0,
			      1,
			      init};
