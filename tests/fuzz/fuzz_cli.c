/*
 * fuzz_cli.c — a fuzz target for the tool's command line: the bytes are
 * split at NUL into words, the first byte picks a command from the tool's
 * own table, and the words go through the option parser and the helpers
 * that read options (numbers, formats, search words) and through the
 * "did you mean" suggestion.  Commands are not run: the target checks what
 * parsing promises (usage errors exit 2, --help exits 0, every option value
 * set is a word or a flag, positionals within the command's bounds).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_WORDS = 40, MAX_INPUT = 8192 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > MAX_INPUT)
		return 0;
	size_t n_cmds;
	const cli_command *const *cmds = cli_command_table(&n_cmds);
	const cli_command *cmd = cmds[data[0] % n_cmds];
	size_t n_opts = 0;
	for (const cli_option *o = cmd->options; o && o->name; o++)
		n_opts++;
	if (n_opts > CLI_MAX_OPTIONS)
		__builtin_trap(); /* the parser keeps one value per option */

	static char buf[MAX_INPUT + 1];
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	char *argv[MAX_WORDS + 1];
	int argc = 0;
	for (size_t i = 0; i < size - 1 && argc < MAX_WORDS; i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;
	argv[argc] = NULL;

	if (argc > 0) {
		const char *near = cli_nearest_command(argv[0]);
		if (near) { /* a suggestion is the first word of a real command */
			int real = 0;
			for (size_t i = 0; i < n_cmds; i++)
				real |= strncmp(cmds[i]->name, near, strlen(near)) == 0;
			if (!real)
				__builtin_trap();
		}
	}

	cli_args a;
	int rc = cli_parse(cmd, argc, argv, &a);
	if (rc != -1) {
		if (rc != CLI_EXIT_OK && rc != CLI_EXIT_USAGE)
			__builtin_trap();
		return 0;
	}
	if (a.n_positional < cmd->min_positional || a.n_positional > cmd->max_positional)
		__builtin_trap();
	for (size_t i = 0; i < n_opts; i++) {
		const char *v = a.values[i];
		if (!v)
			continue;
		if (!cmd->options[i].arg && *v)
			__builtin_trap(); /* a flag holds "" */
		if (cmd->options[i].arg) {
			int inside = 0; /* the value is (part of) one of the words */
			for (int w = 0; w < argc; w++)
				inside |= v >= argv[w] && v <= argv[w] + strlen(argv[w]);
			if (!inside)
				__builtin_trap();
			double x = 0;
			int r = cli_opt_number(&a, cmd->options[i].name, -1e9, 1e9, &x);
			if (r != -1 && r != CLI_EXIT_USAGE)
				__builtin_trap();
		}
	}
	ac_format f;
	if (cli_opt(&a, "format"))
		(void)cli_format_of(&a, CLI_FMT(AC_FORMAT_TEXT) | CLI_FMT(AC_FORMAT_JSON) | CLI_FMT(AC_FORMAT_MARKDOWN) |
					    CLI_FMT(AC_FORMAT_HTML), &f);
	char words[AC_MAX_STRING + 1];
	int r = cli_join_words(&a, words);
	if (r == -1 && strlen(words) > AC_MAX_STRING)
		__builtin_trap();
	fflush(stdout);
	return 0;
}
