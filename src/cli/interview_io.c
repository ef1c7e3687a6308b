/*
 * interview_io.c — the conversation of `aicert interview`: questions and help
 * wrapped to the terminal's width on standard error (bold and dim unless
 * NO_COLOR), answers read with libedit (line editing, a history of earlier
 * answers, a question's choices on the arrow keys), or with --piped one
 * answer per line from a script.  Ctrl-C, Ctrl-D or the end of the input
 * stop the interview before anything is written, and say how to start again.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <editline/readline.h>

#include "core/dynlib.h"
#include "interview.h"

/* libedit, opened when an interview at a terminal starts (core/dynlib.h). */
/* clang-format off: one symbol a line */
#define EDIT_SYMBOLS(X)                                                                                                \
	X(rl_instream)                                                                                                 \
	X(rl_outstream)                                                                                                \
	X(rl_completion_entry_function)                                                                                \
	X(using_history)                                                                                               \
	X(clear_history)                                                                                               \
	X(add_history)                                                                                                 \
	X(readline)
/* clang-format on */
AC_DYNLIB_DEFINE(edit, edit_lib, "libedit", AICERT_LIBEDIT_SONAME, EDIT_SYMBOLS)

#define MAX_ANSWER 65536

static const char stopped[] =
	"\naicert: the interview stopped before the end; nothing was saved.\n"
	"aicert: to start again: aicert interview (add --from FILE to begin from a profile you saved)\n";

/* Ctrl-C: libedit has put the terminal back by the time this runs. */
static void on_interrupt(int sig)
{
	(void)sig;
	ssize_t w = write(STDERR_FILENO, stopped, sizeof stopped - 1);
	(void)w;
	_exit(130);
}

void ui_hold_interrupts(int hold)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGINT);
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &s, NULL);
}

static char *no_completion(const char *text, int state)
{
	(void)text;
	(void)state;
	return NULL;
}

int ui_open(ui *u, int piped)
{
	memset(u, 0, sizeof *u);
	u->piped = piped;
	u->out = stderr;
	u->failures = ac_allocation_failures();
	u->width = 78;
	if (!piped && !isatty(STDIN_FILENO)) {
		cli_error(
			"standard input is not a terminal, and the interview asks its questions on one.\n"
			"aicert: to answer from a script, use --piped: one answer per line in the order the questions\n"
			"aicert: come (an empty line skips one); 'aicert questionnaire' lists them");
		return CLI_EXIT_USAGE;
	}
	struct winsize ws;
	if (isatty(STDERR_FILENO) && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		u->width = ws.ws_col > 200 ? 200 : ws.ws_col;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	u->color = !piped && isatty(STDERR_FILENO) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	if (!piped && ac_dynlib_open(&edit_lib, &edit)) {
		*edit.rl_instream = stdin;
		*edit.rl_outstream = stderr;
		*edit.rl_completion_entry_function = no_completion;
		edit.using_history();
	} else if (!piped) {
		/* The questions work without it: only the arrow keys do not. */
		fprintf(stderr, "aicert: line editing is off: %s\n", edit_lib.why);
		u->plain = 1;
	}
	return -1;
}

void ui_close(ui *u)
{
	for (size_t i = 0; i < u->n_history; i++)
		free(u->history[i]);
	free(u->history);
	u->history = NULL;
	u->n_history = 0;
	signal(SIGINT, SIG_DFL);
}

void ui_check_memory(const ui *u)
{
	if (ac_allocation_failures() == u->failures)
		return;
	fputs("\naicert: out of memory", stderr);
	fputs(stopped, stderr);
	exit(CLI_EXIT_FAIL);
}

static void stop(void)
{
	fputs(stopped, stderr);
	exit(CLI_EXIT_USAGE);
}

char *ui_read(ui *u, const char *prompt, const char *const *choices, size_t n)
{
	char *line = NULL;
	ui_check_memory(u);
	if (u->piped || u->plain) {
		fputs(prompt, u->out);
		fflush(u->out);
		size_t cap = 0;
		ssize_t len = getline(&line, &cap, stdin);
		if (len < 0) {
			free(line);
			stop();
		}
		if (len > MAX_ANSWER)
			line[MAX_ANSWER] = '\0';
		line[strcspn(line, "\r\n")] = '\0';
		if (u->piped) /* at a terminal, the line is on the screen already */
			fprintf(u->out, "%s\n", line);
	} else {
		/* The arrow keys walk a question's choices, else the earlier answers. */
		edit.clear_history();
		if (choices) {
			for (size_t i = n; i > 0; i--)
				if (choices[i - 1]) /* NULL when memory ran out making it */
					edit.add_history(choices[i - 1]);
		} else {
			for (size_t i = 0; i < u->n_history; i++)
				edit.add_history(u->history[i]);
		}
		line = edit.readline(prompt);
		if (!line)
			stop();
		if (!choices && *line) {
			char **h = realloc(u->history, (u->n_history + 1) * sizeof *h);
			char *copy = strdup(line);
			if (h && copy) {
				u->history = h;
				h[u->n_history++] = copy;
			} else {
				if (h)
					u->history = h;
				free(copy);
			}
		}
	}
	u->answers++;
	return line;
}

void ui_wrap(ui *u, const char *indent, const char *text)
{
	size_t room = u->width > strlen(indent) + 20 ? u->width - strlen(indent) - 1 : 20;
	const char *s = text;
	while (*s) {
		size_t n = strlen(s), cut = n;
		if (n > room) {
			cut = room;
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = strcspn(s, " ");
		}
		fprintf(u->out, "%s%.*s\n", indent, (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
	}
}

void ui_question(ui *u, const char *text, const char *help)
{
	fputc('\n', u->out);
	if (u->color)
		fputs("\033[1m", u->out);
	ui_wrap(u, "", text);
	if (u->color)
		fputs("\033[0m\033[2m", u->out);
	if (help)
		ui_wrap(u, "  ", help);
	if (u->color)
		fputs("\033[0m", u->out);
}

void ui_say(ui *u, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(u->out, fmt, ap);
	va_end(ap);
}

char *iv_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return s;
}
