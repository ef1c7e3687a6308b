/*
 * main.c — the aicert tool: a thin dispatcher over libaicert.  It finds the
 * subcommand (one or two words) in the table (commands.c) and hands over the rest of
 * argv; every command parses its options with the shared parser in cli.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void print_usage(FILE *to)
{
	size_t n_commands;
	const cli_command *const *commands = cli_command_table(&n_commands);
	fputs("usage: aicert COMMAND [options]\n\n"
	      "Should you get an AI certification, and if not, what should you do instead?\n\n"
	      "commands:\n",
	      to);
	for (size_t i = 0; i < n_commands; i++)
		fprintf(to, "  %-22s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\n  aicert COMMAND --help    options of one command\n"
	      "  aicert --version         the version\n\n"
	      "Exit status: 0 done, 1 internal failure, 2 bad input or usage\n"
	      "(batch: 3 when some records could not be read).\n",
	      to);
}

/* Number of argv words that name cmd (1 or 2), or 0 when they do not. */
static int matches(const cli_command *cmd, int argc, char **argv)
{
	const char *name = cmd->name;
	const char *space = strchr(name, ' ');
	if (!space)
		return strcmp(argv[0], name) == 0 ? 1 : 0;
	size_t first = (size_t)(space - name);
	if (strlen(argv[0]) != first || strncmp(argv[0], name, first) != 0)
		return 0;
	return argc > 1 && strcmp(argv[1], space + 1) == 0 ? 2 : 0;
}

/* Runs the command argv names; its exit code. */
static int dispatch(int argc, char **argv)
{
	size_t n_commands;
	const cli_command *const *commands = cli_command_table(&n_commands);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		print_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("aicert %s\n", ac_version());
		return CLI_EXIT_OK;
	}
	for (size_t i = 0; i < n_commands; i++) {
		int used = matches(commands[i], argc - 1, argv + 1);
		if (!used)
			continue;
		cli_args args;
		int rc = cli_parse(commands[i], argc - 1 - used, argv + 1 + used, &args);
		if (rc >= 0)
			return rc;
		return commands[i]->run(&args);
	}
	/* A group word ("certs", "policy"): its subcommands; with --help that is
	 * the answer (exit 0), alone it is a usage error. */
	int help = argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0);
	FILE *to = help ? stdout : stderr;
	int group = 0;
	for (size_t i = 0; i < n_commands; i++) {
		const char *sp = strchr(commands[i]->name, ' ');
		if (sp && strlen(argv[1]) == (size_t)(sp - commands[i]->name) &&
		    strncmp(commands[i]->name, argv[1], strlen(argv[1])) == 0) {
			if (!group && help)
				fprintf(to, "usage: aicert %s SUBCOMMAND [options]\n\nsubcommands:\n", argv[1]);
			else if (!group)
				fprintf(to, "aicert: '%s' needs a subcommand:\n", argv[1]);
			fprintf(to, "  aicert %-20s %s\n", commands[i]->name, commands[i]->summary);
			group = 1;
		}
	}
	if (group && help) {
		fprintf(to, "\n  aicert %s SUBCOMMAND --help    options of one subcommand\n", argv[1]);
		return CLI_EXIT_OK;
	}
	if (!group) {
		const char *near = cli_nearest_command(argv[1]);
		if (near)
			cli_error("unknown command '%s'; did you mean '%s'?", argv[1], near);
		else
			cli_error("unknown command '%s'", argv[1]);
		print_usage(stderr);
	}
	return CLI_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	return cli_finish(dispatch(argc, argv));
}
