/*
 * cli.h — what every subcommand of the aicert tool shares: one option parser,
 * file reading with limits, loading the policy / catalogue / occupation data
 * named by common options, and printing diagnostics.  Each subcommand lives in
 * its own cmd_*.c file and is listed in main.c's command table.
 *
 * Exit codes: 0 success, 1 internal failure, 2 bad input or bad usage.
 */
#ifndef AICERT_CLI_H
#define AICERT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "aicert.h"

#define CLI_MAX_OPTIONS 24
#define CLI_MAX_POSITIONAL 16

enum { CLI_EXIT_OK = 0, CLI_EXIT_FAIL = 1, CLI_EXIT_USAGE = 2 };

typedef struct {
	const char *name; /* long name without dashes: "format" */
	const char *arg; /* metavariable ("FILE") or NULL for a flag */
	const char *help; /* one line */
} cli_option;

typedef struct cli_command cli_command;
typedef struct {
	const cli_command *cmd;
	const char *values[CLI_MAX_OPTIONS]; /* per option: its argument, or "" for a flag seen */
	const char *positional[CLI_MAX_POSITIONAL];
	int n_positional;
} cli_args;

struct cli_command {
	const char *name; /* "assess" or "certs list" */
	const char *summary; /* one line for the command list */
	const char *usage; /* "aicert assess PROFILE [options]" */
	const char *description; /* a short paragraph, may be NULL */
	const cli_option *options; /* terminated by {NULL} ; --help is implicit */
	int min_positional, max_positional;
	int (*run)(const cli_args *args);
};

/* Parses argv (argv[0] is the first word after the subcommand name).
 * Returns -1 when parsing succeeded; otherwise the exit code to use (0 after
 * printing --help, 2 after printing a usage error). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *out);
void cli_print_help(const cli_command *cmd, FILE *to);

/* The value of option `name` (NULL when not given; "" for a flag given). */
const char *cli_opt(const cli_args *a, const char *name);
int cli_flag(const cli_args *a, const char *name);
/* Parses a numeric option; prints an error and returns 2 when malformed or
 * outside [min,max]; returns -1 on success (value left unchanged if absent). */
int cli_opt_number(const cli_args *a, const char *name, double min, double max, double *value);

/* The positional words joined by single spaces into buf (AC_MAX_STRING + 1
 * bytes): what a search looks for.  Prints an error and returns 2 when they
 * are longer; -1 on success. */
int cli_join_words(const cli_args *a, char buf[AC_MAX_STRING + 1]);

/* Reads a whole file ("-" for standard input) of at most max bytes.
 * Prints a message and returns 2 when it cannot; -1 on success. */
int cli_read_file(const char *path, size_t max, char **buf, size_t *len);

/* Prints each diagnostic on stderr as "aicert: source:line:col: path: message". */
void cli_print_diags(const ac_diags *d);
/* The same, naming source (when not NULL) as the file of each problem the
 * library found in a field (one with a path) without naming a file. */
void cli_print_diags_in(const ac_diags *d, const char *source);
/* Prints "aicert: message" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* The same for a message that is not an error ("wrote ... to ..."). */
void cli_note(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Maps a library status to an exit code (AC_EINPUT/AC_ENOTFOUND -> 2, else 1). */
int cli_exit_for(ac_status st);

/* Reads and parses the profile at path ("-" for standard input), printing
 * every problem.  -1 on success. */
int cli_load_profile(const char *path, ac_profile **out);
/* Opens the session every command works through: the policy (--policy FILE
 * or the built-in one), the catalogue (plus --catalogue FILE), and the
 * occupation data (--data FILE, else the default place; none installed is
 * not an error).  Options a command does not have are not read.  Prints
 * every problem; -1 on success. */
int cli_open_session(const cli_args *a, ac_session **out);
/* The same, handing over the text of --policy FILE (NULL for the built-in
 * policy; freed with free()) for a caller that records it. */
int cli_open_session_keep(const cli_args *a, ac_session **out, char **policy_text, size_t *policy_len);
/* Loads the policy named by --policy (or the default).  -1 on success. */
int cli_load_policy(const cli_args *a, ac_policy **out);
/* Opens occupation data (--data FILE, else the default path); *out is NULL
 * when none is installed (not an error).  -1 on success. */
int cli_open_occdata(const cli_args *a, ac_occdata **out);
/* Prints the diagnostics of a failed library call (or, when it left none,
 * what the status means, after prefix) and returns the exit code for st. */
int cli_fail(ac_status st, const ac_diags *d, const char *prefix);
/* The same, the diagnostics printed by cli_print_diags_in(d, source). */
int cli_fail_in(ac_status st, const ac_diags *d, const char *prefix, const char *source);
/* Parses --format (default text) into one of the formats allowed, a set of
 * CLI_FMT(AC_FORMAT_*) bits; an error names the allowed ones.  -1 on
 * success.  cli_format allows text, json and markdown. */
#define CLI_FMT(f) (1u << (f))
int cli_format_of(const cli_args *a, unsigned allowed, ac_format *out);
int cli_format(const cli_args *a, ac_format *out);

/* For commands that write text or JSON only: sets *json; -1 on success. */
int cli_format_text_or_json(const cli_args *a, int *json);
/* How text output is laid out for standard output: the terminal's width
 * when it is a terminal (else 78 columns), and colours only on a terminal,
 * never when NO_COLOR is set or TERM is "dumb". */
void cli_render_options(ac_render_options *o);

/* Opens a file to read that is a regular file: a FIFO, a device or a folder
 * is refused, and a FIFO with no writer cannot block (opened without
 * waiting, then checked).  NULL after reporting why. */
FILE *cli_open_regular(const char *path);
/* Writes all of buf to stdout and flushes; returns 0, or 1 on a write error. */
int cli_write_stdout(const char *buf, size_t len);
/* The one check of standard output: flushes it and returns 0, or reports a
 * write error (once) and returns 1. */
int cli_flush_stdout(void);
/* A command's exit code once its output is checked: 1 when it would be 0 but
 * standard output could not be written.  main() returns through it. */
int cli_finish(int rc);
/* Writes the output of a rendering call: on AC_OK the text (then freed),
 * else the diagnostics.  Returns the exit code. */
int cli_emit(ac_status st, char *out, size_t len, const ac_diags *d, const char *prefix);

/* One call into the library that writes text or JSON through a session
 * (certs, occupations): the session, the format, and what the call writes
 * and reports. */
typedef struct {
	ac_session *s;
	ac_format format;
	char *out;
	size_t len;
	ac_diags d;
} cli_call;
/* Opens the session (cli_open_session) for output as JSON (json 1) or text.
 * -1 when ready, else the exit code (and nothing to close). */
int cli_call_open(const cli_args *a, int json, cli_call *c);
/* Writes the call's output (cli_emit: its problems after prefix when st is
 * not AC_OK), closes it, and returns the exit code. */
int cli_call_finish(cli_call *c, ac_status st, const char *prefix);
/* Frees the session and the problems without writing anything. */
void cli_call_close(cli_call *c);

/* Saves an assessment in the history (`assess --save`, `interview`) with the
 * text of the policy it was made under (NULL: the built-in one) and the date
 * it was made for (NULL: today); says where on stderr.  -1 on success, else
 * the exit code. */
int cli_history_save(ac_session *s, const ac_profile *p, const ac_assessment *a, const char *policy, size_t len,
		     const char *as_of);

/* The option lines shared by commands that assess a profile. */
#define CLI_OPT_POLICY                                                                                                 \
	{                                                                                                              \
		"policy", "FILE", "use this policy file instead of the built-in default"                               \
	}
#define CLI_OPT_CATALOGUE                                                                                              \
	{                                                                                                              \
		"catalogue", "FILE", "add or override catalogue entries from FILE"                                     \
	}
#define CLI_OPT_DATA                                                                                                   \
	{                                                                                                              \
		"data", "FILE", "occupation database (default: $AICERT_DATA or the XDG data dir)"                      \
	}
#define CLI_OPT_FORMAT                                                                                                 \
	{                                                                                                              \
		"format", "FMT", "output format: text (default), json or markdown"                                     \
	}
#define CLI_OPT_FORMAT_HTML                                                                                            \
	{                                                                                                              \
		"format", "FMT", "output format: text (default), json, markdown or html"                               \
	}
#define CLI_OPT_QUESTIONNAIRE                                                                                          \
	{                                                                                                              \
		"questionnaire", "FILE", "ask the questions in FILE instead of the built-in ones"                      \
	}
#define CLI_OPT_AS_OF                                                                                                  \
	{                                                                                                              \
		"as-of", "DATE", "judge certificate availability on DATE, YYYY-MM-DD (default: today, UTC)"            \
	}

/* Reads a date option (YYYY-MM-DD) into *value (NULL when absent); prints an
 * error and returns 2 when it is not a real date, else -1 (cmd_assess.c). */
int cli_opt_date(const cli_args *a, const char *name, const char **value);

/* A file written whole or not at all (atomic.c): cli_atomic_open creates a
 * temporary file beside path (f writes to it); cli_atomic_close with keep 1
 * flushes it and renames it over path, with keep 0 removes it.  A path that
 * names a device, a pipe or a socket (/dev/null, a FIFO) is written as a
 * stream instead, and never replaced.  Both print what went wrong and
 * return an exit code, or -1 on success. */
typedef struct {
	const char *path;
	char *tmp;
	FILE *f;
	int stream; /* path is written directly (a device, a pipe or a socket) */
} cli_atomic_file;
int cli_atomic_open(cli_atomic_file *a, const char *path);
int cli_atomic_close(cli_atomic_file *a, int keep);
/* Writes buf to path whole or not at all; an exit code, or -1 on success. */
int cli_write_file_atomic(const char *path, const char *buf, size_t len);

/* Reads the questionnaire named by --questionnaire (else the built-in one),
 * printing every problem; *text (when not NULL) gets its text (freed with
 * free()).  -1 on success (cmd_questionnaire.c). */
int cli_load_questionnaire(const cli_args *a, ac_questionnaire **out, char **text);

/* Subcommands (one file each). */
extern const cli_command cmd_assess;
extern const cli_command cmd_policy_show;
extern const cli_command cmd_policy_check;
extern const cli_command cmd_certs_list;
extern const cli_command cmd_certs_show;
extern const cli_command cmd_certs_search;
extern const cli_command cmd_compare;
extern const cli_command cmd_occupations_search;
extern const cli_command cmd_occupations_show;
extern const cli_command cmd_data_import;
extern const cli_command cmd_data_calibrate;
extern const cli_command cmd_batch;
extern const cli_command cmd_interview, cmd_questionnaire, cmd_init, cmd_schema, cmd_man, cmd_completion;
/* Every command, in the order `aicert --help` lists them (commands.c). */
const cli_command *const *cli_command_table(size_t *n);
/* The command word (first word of a command's name) nearest to a mistyped
 * one when it is close enough to be what was meant; else NULL. */
const char *cli_nearest_command(const char *typed);
extern const cli_command cmd_serve;
extern const cli_command cmd_history_list, cmd_history_show, cmd_history_forget, cmd_history_export, cmd_history_diff;

#endif
