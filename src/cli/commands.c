/*
 * commands.c — the tool's command table, in the order `aicert --help` lists
 * them, and the command word nearest to a mistyped one.  Kept apart from
 * main.c so the option fuzz target links the same table as the tool.
 */
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {
	&cmd_interview,        &cmd_assess,         &cmd_init,           &cmd_schema,
	&cmd_questionnaire,    &cmd_compare,        &cmd_batch,          &cmd_history_list,
	&cmd_history_show,     &cmd_history_forget, &cmd_history_export, &cmd_history_diff,
	&cmd_certs_list,       &cmd_certs_show,     &cmd_certs_search,   &cmd_occupations_search,
	&cmd_occupations_show, &cmd_data_import,    &cmd_data_calibrate, &cmd_policy_show,
	&cmd_policy_check,     &cmd_serve,          &cmd_completion,     &cmd_man,
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

const cli_command *const *cli_command_table(size_t *n)
{
	*n = N_COMMANDS;
	return commands;
}

/* Edit distance between a and b (insertions, deletions, substitutions),
 * for names of at most 31 characters. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 31 || lb > 31)
		return 99;
	size_t row[32];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The command word (the first word of a command's name) nearest to a
 * mistyped one, when it is close enough to be what was meant; else NULL. */
const char *cli_nearest_command(const char *typed)
{
	static char best[32];
	size_t best_d = 3;
	const char *found = NULL;
	for (size_t i = 0; i < N_COMMANDS; i++) {
		char word[32];
		size_t n = strcspn(commands[i]->name, " ");
		if (n >= sizeof word)
			continue;
		memcpy(word, commands[i]->name, n);
		word[n] = '\0';
		size_t d = distance(typed, word);
		if (d < best_d) { /* the first of equally near commands wins */
			best_d = d;
			memcpy(best, word, n + 1);
			found = best;
		}
	}
	/* Close means at most two edits, and fewer than half the word. */
	return found && best_d * 2 < strlen(best) + 1 ? found : NULL;
}
