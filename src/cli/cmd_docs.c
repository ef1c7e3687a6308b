/*
 * cmd_docs.c — documentation made from the command table itself, so it can
 * never disagree with --help: `aicert man DIR` writes a man page per command
 * (aicert-assess.1, aicert-history-list.1, ...) and aicert.1 listing them,
 * and `aicert completion bash|zsh` prints a completion script.  The build
 * runs both, and `cmake --install` installs what they wrote.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Text for roff: backslashes doubled as \e, a line that would start with
 * a dot or a quote guarded, dashes in options as \-. */
static void roff(FILE *f, const char *s)
{
	int bol = 1;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", f);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

static void page_name(const cli_command *c, char *buf, size_t n)
{
	snprintf(buf, n, "aicert-%s", c->name);
	for (char *p = buf; *p; p++)
		if (*p == ' ')
			*p = '-';
}

static int write_page(const char *dir, const cli_command *c)
{
	char name[64], path[4096];
	page_name(c, name, sizeof name);
	snprintf(path, sizeof path, "%s/%s.1", dir, name);
	cli_atomic_file a;
	int rc = cli_atomic_open(&a, path);
	if (rc >= 0)
		return rc;
	FILE *f = a.f;
	char upper[64];
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof upper; i++)
		upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
	upper[i] = '\0';
	fprintf(f, ".\\\" Made by 'aicert man' from the command's help: do not edit.\n");
	fprintf(f, ".TH %s 1 \"\" \"aicert %s\" \"User Commands\"\n.SH NAME\n", upper, ac_version());
	roff(f, name);
	fputs(" \\- ", f);
	roff(f, c->summary);
	fputs("\n.SH SYNOPSIS\n.nf\n", f);
	roff(f, c->usage);
	fputs("\n.fi\n", f);
	if (c->description) {
		fputs(".SH DESCRIPTION\n", f);
		roff(f, c->description);
		fputc('\n', f);
	}
	fputs(".SH OPTIONS\n", f);
	for (const cli_option *o = c->options; o && o->name; o++) {
		fprintf(f, ".TP\n.B \\-\\-");
		roff(f, o->name);
		if (o->arg) {
			fputs(" \\fI", f);
			roff(f, o->arg);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		roff(f, o->help);
		fputc('\n', f);
	}
	fputs(".TP\n.B \\-\\-help\nprint the command's help and exit\n", f);
	fputs(".SH EXIT STATUS\n0 done, 1 internal failure, 2 bad input or usage.\n.SH SEE ALSO\n.BR aicert (1)\n", f);
	return cli_atomic_close(&a, !ferror(f));
}

static int write_index(const char *dir, const cli_command *const *cmds, size_t n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/aicert.1", dir);
	cli_atomic_file a;
	int rc = cli_atomic_open(&a, path);
	if (rc >= 0)
		return rc;
	FILE *f = a.f;
	fprintf(f, ".\\\" Made by 'aicert man' from the command table: do not edit.\n");
	fprintf(f,
		".TH AICERT 1 \"\" \"aicert %s\" \"User Commands\"\n.SH NAME\naicert \\- should you get an AI "
		"certification, and if not, what should you do instead?\n.SH SYNOPSIS\n.B aicert\n.I COMMAND\n"
		"[options]\n.SH DESCRIPTION\nStart with\n.BR aicert\\-interview (1),\nwhich asks the questions and "
		"ends with the assessment.\n.SH COMMANDS\n",
		ac_version());
	for (size_t i = 0; i < n; i++) {
		char name[64];
		page_name(cmds[i], name, sizeof name);
		fprintf(f, ".TP\n.BR %s (1)\n", name);
		roff(f, cmds[i]->summary);
		fputc('\n', f);
	}
	fputs(".SH EXIT STATUS\n0 done, 1 internal failure, 2 bad input or usage (batch: 3 when some records could "
	      "not be read; interview: 130 when stopped with Ctrl\\-C).\n",
	      f);
	return cli_atomic_close(&a, !ferror(f));
}

static int man(const cli_args *args)
{
	const char *dir = args->positional[0];
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cli_error("%s: cannot create the folder: %s", dir, strerror(errno));
		return CLI_EXIT_FAIL;
	}
	size_t n;
	const cli_command *const *cmds = cli_command_table(&n);
	int rc = write_index(dir, cmds, n);
	for (size_t i = 0; rc < 0 && i < n; i++)
		rc = write_page(dir, cmds[i]);
	return rc < 0 ? CLI_EXIT_OK : rc;
}

static const cli_option no_options[] = {{NULL, NULL, NULL}};

const cli_command cmd_man = {
	"man",
	"write a man page for every command into DIR (for packagers)",
	"aicert man DIR",
	"Writes aicert.1 and one page per command (aicert-interview.1, aicert-history-list.1, ...)\n"
	"into DIR, made from the same text as each command's --help.  'cmake --install' installs\n"
	"the pages the build made this way.",
	no_options,
	1,
	1,
	man};

/* The first word of each command, once, separated by spaces. */
static void first_words(FILE *f, const cli_command *const *cmds, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(cmds[i]->name, " ");
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strncmp(cmds[j]->name, cmds[i]->name, len) == 0 && strcspn(cmds[j]->name, " ") == len;
		if (!seen)
			fprintf(f, "%s%.*s", i ? " " : "", (int)len, cmds[i]->name);
	}
}

static void bash(const cli_command *const *cmds, size_t n)
{
	printf("# bash completion for aicert; made by 'aicert completion bash': do not edit.\n"
	       "_aicert() {\n  local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"${COMP_WORDS[1]}\" opts=\"\"\n"
	       "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W \"");
	first_words(stdout, cmds, n);
	printf(" --help --version\" -- \"$cur\"))\n    return\n  fi\n  case \"$cmd\" in\n");
	for (size_t i = 0; i < n; i++) { /* groups: the second word */
		const char *sp = strchr(cmds[i]->name, ' ');
		if (!sp || (i && strncmp(cmds[i - 1]->name, cmds[i]->name, (size_t)(sp - cmds[i]->name) + 1) == 0))
			continue;
		printf("  %.*s)\n    if [ \"$COMP_CWORD\" -eq 2 ]; then\n      COMPREPLY=($(compgen -W \"",
		       (int)(sp - cmds[i]->name), cmds[i]->name);
		for (size_t j = i;
		     j < n && strncmp(cmds[j]->name, cmds[i]->name, (size_t)(sp - cmds[i]->name) + 1) == 0; j++)
			printf("%s%s", j > i ? " " : "", cmds[j]->name + (sp - cmds[i]->name) + 1);
		printf("\" -- \"$cur\"))\n      return\n    fi\n    cmd=\"$cmd ${COMP_WORDS[2]}\";;\n");
	}
	printf("  esac\n  case \"$cmd\" in\n");
	for (size_t i = 0; i < n; i++) {
		printf("  \"%s\") opts=\"", cmds[i]->name);
		for (const cli_option *o = cmds[i]->options; o && o->name; o++)
			printf("--%s ", o->name);
		printf("--help\";;\n");
	}
	printf("  esac\n  if [[ \"$cur\" == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n  else\n"
	       "    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\ncomplete -o filenames -F _aicert aicert\n");
}

/* A description for zsh's _describe: no colons, no quotes. */
static void zsh_text(const char *s)
{
	for (; *s; s++)
		putchar(*s == ':' ? ',' : *s == '\'' ? '`' : *s);
}

static void zsh(const cli_command *const *cmds, size_t n)
{
	printf("#compdef aicert\n# zsh completion for aicert; made by 'aicert completion zsh': do not edit.\n"
	       "_aicert() {\n  local -a items\n  local cmd\n  if (( CURRENT == 2 )); then\n    items=(\n");
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(cmds[i]->name, " ");
		if (i && strncmp(cmds[i - 1]->name, cmds[i]->name, len) == 0 && strcspn(cmds[i - 1]->name, " ") == len)
			continue;
		printf("      '%.*s:", (int)len, cmds[i]->name);
		if (cmds[i]->name[len])
			printf("%.*s commands", (int)len, cmds[i]->name);
		else
			zsh_text(cmds[i]->summary);
		printf("'\n");
	}
	printf("    )\n    _describe 'command' items\n    return\n  fi\n  cmd=$words[2]\n  case $cmd in\n");
	for (size_t i = 0; i < n; i++) {
		const char *sp = strchr(cmds[i]->name, ' ');
		if (!sp || (i && strncmp(cmds[i - 1]->name, cmds[i]->name, (size_t)(sp - cmds[i]->name) + 1) == 0))
			continue;
		size_t len = (size_t)(sp - cmds[i]->name);
		printf("    %.*s)\n      if (( CURRENT == 3 )); then\n        items=(", (int)len, cmds[i]->name);
		for (size_t j = i; j < n && strncmp(cmds[j]->name, cmds[i]->name, len + 1) == 0; j++) {
			printf(" '%s:", cmds[j]->name + len + 1);
			zsh_text(cmds[j]->summary);
			printf("'");
		}
		printf(" )\n        _describe 'subcommand' items\n        return\n      fi\n      cmd=\"$cmd "
		       "$words[3]\";;\n");
	}
	printf("  esac\n  if [[ $PREFIX == -* ]]; then\n    case $cmd in\n");
	for (size_t i = 0; i < n; i++) {
		printf("      '%s') items=(", cmds[i]->name);
		for (const cli_option *o = cmds[i]->options; o && o->name; o++) {
			printf(" '--%s:", o->name);
			zsh_text(o->help);
			printf("'");
		}
		printf(" '--help:print the help') ;;\n");
	}
	printf("    esac\n    _describe 'option' items\n  else\n    _files\n  fi\n}\n_aicert \"$@\"\n");
}

static int completion(const cli_args *args)
{
	size_t n;
	const cli_command *const *cmds = cli_command_table(&n);
	const char *shell = args->positional[0];
	if (strcmp(shell, "bash") == 0)
		bash(cmds, n);
	else if (strcmp(shell, "zsh") == 0)
		zsh(cmds, n);
	else {
		cli_error("completion: found '%s', expected bash or zsh", shell);
		return CLI_EXIT_USAGE;
	}
	return cli_flush_stdout();
}

const cli_command cmd_completion = {
	"completion",
	"print a bash or zsh completion script",
	"aicert completion bash|zsh",
	"Prints a script that completes aicert's commands, subcommands and options.  In bash:\n"
	"  source <(aicert completion bash)\n"
	"'cmake --install' installs both where bash-completion and zsh look for them.",
	no_options,
	1,
	1,
	completion};
