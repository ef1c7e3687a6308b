/*
 * cli.c — the option parser and the small helpers every subcommand shares.
 * Options are GNU-style long options (--name VALUE or --name=VALUE); there are
 * no short options except -h for --help and -j N for --jobs (as make spells
 * it), so the parser stays predictable.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether an error was reported: a write error found at the end is then not
 * reported again. */
static int error_said;

/* Writes "aicert: " and the message to stderr, control characters escaped
 * (file names and option values come from outside and may hold any byte). */
static void say(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	size_t len = n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
	if (n > 0 && (size_t)n >= sizeof buf) /* cut before a character, never inside one */
		while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
			len--;
	char *clean = ac_text_escape(buf, len);
	fputs("aicert: ", stderr);
	fputs(clean ? clean : "(a message that could not be shown: out of memory)", stderr);
	ac_free(clean);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	error_said = 1;
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_print_help(const cli_command *cmd, FILE *to)
{
	fprintf(to, "usage: %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->description)
		fprintf(to, "\n%s\n", cmd->description);
	fputs("\noptions:\n", to);
	for (const cli_option *o = cmd->options; o && o->name; o++) {
		char left[64];
		snprintf(left, sizeof left, "%s--%s%s%s", strcmp(o->name, "jobs") ? "" : "-j, ", o->name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(to, "  %-24s %s\n", left, o->help);
	}
	fprintf(to, "  %-24s %s\n", "-h, --help", "show this help and exit");
}

static int option_index(const cli_command *cmd, const char *name, size_t len)
{
	int i = 0;
	for (const cli_option *o = cmd->options; o && o->name; o++, i++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return i;
	return -1;
}

void cli_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage_say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
}

static int usage_error(const cli_command *cmd, const char *fmt, const char *what)
{
	usage_say(fmt, what);
	fprintf(stderr, "\nusage: %s\n(see 'aicert %s --help')\n", cmd->usage, cmd->name);
	return CLI_EXIT_USAGE;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *out)
{
	memset(out, 0, sizeof *out);
	out->cmd = cmd;
	int only_positional = 0;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (!only_positional && strcmp(arg, "--") == 0) {
			only_positional = 1;
			continue;
		}
		if (!only_positional && (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)) {
			cli_print_help(cmd, stdout);
			return CLI_EXIT_OK;
		}
		if (!only_positional && arg[0] == '-' && arg[1] == '-') {
			const char *name = arg + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int idx = option_index(cmd, name, len);
			if (idx < 0)
				return usage_error(cmd, "unknown option '%s'", arg);
			const cli_option *o = &cmd->options[idx];
			if (o->arg) {
				const char *v = eq ? eq + 1 : NULL;
				if (!v) {
					if (i + 1 >= argc)
						return usage_error(cmd, "option '%s' needs a value", arg);
					v = argv[++i];
				}
				out->values[idx] = v;
			} else {
				if (eq)
					return usage_error(cmd, "option '%s' takes no value", arg);
				out->values[idx] = "";
			}
			continue;
		}
		int jobs = option_index(cmd, "jobs", 4);
		if (!only_positional && jobs >= 0 && strncmp(arg, "-j", 2) == 0) { /* -j N or -jN */
			if (!arg[2] && i + 1 >= argc)
				return usage_error(cmd, "option '%s' needs a value", arg);
			out->values[jobs] = arg[2] ? arg + 2 : argv[++i];
			continue;
		}
		if (!only_positional && arg[0] == '-' && arg[1] != '\0')
			return usage_error(cmd, "unknown option '%s'", arg);
		if (out->n_positional >= cmd->max_positional || out->n_positional >= CLI_MAX_POSITIONAL)
			return usage_error(cmd, "unexpected argument '%s'", arg);
		out->positional[out->n_positional++] = arg;
	}
	if (out->n_positional < cmd->min_positional)
		return usage_error(cmd, "%s", "missing argument");
	return -1;
}

const char *cli_opt(const cli_args *a, const char *name)
{
	int idx = option_index(a->cmd, name, strlen(name));
	return idx < 0 ? NULL : a->values[idx];
}

int cli_flag(const cli_args *a, const char *name)
{
	return cli_opt(a, name) != NULL;
}

int cli_opt_number(const cli_args *a, const char *name, double min, double max, double *value)
{
	const char *s = cli_opt(a, name);
	if (!s)
		return -1;
	char *end = NULL;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !isfinite(v) || v < min || v > max) {
		cli_error("--%s: found '%s', expected a number from %g to %g", name, s, min, max);
		return CLI_EXIT_USAGE;
	}
	*value = v;
	return -1;
}

int cli_join_words(const cli_args *a, char buf[AC_MAX_STRING + 1])
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < a->n_positional; i++) {
		int n = snprintf(buf + len, AC_MAX_STRING + 1 - len, "%s%s", i ? " " : "", a->positional[i]);
		if (n < 0 || (size_t)n >= AC_MAX_STRING + 1 - len) {
			cli_error("the search words are longer than %d bytes", AC_MAX_STRING);
			return CLI_EXIT_USAGE;
		}
		len += (size_t)n;
	}
	return -1;
}

FILE *cli_open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		cli_error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		cli_error("%s: found %s, expected a regular file (or - for standard input)", path,
			  S_ISDIR(st.st_mode)    ? "a folder"
			  : S_ISFIFO(st.st_mode) ? "a pipe (FIFO)"
						 : "a device or other special file");
		close(fd);
		return NULL;
	}
	int flags = fcntl(fd, F_GETFL);
	FILE *f = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		cli_error("%s: cannot open: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

int cli_read_file(const char *path, size_t max, char **buf, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : cli_open_regular(path);
	if (!f)
		return CLI_EXIT_USAGE;
	size_t cap = 8192, n = 0;
	char *b = malloc(cap + 1);
	if (!b) {
		if (f != stdin)
			fclose(f);
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap *= 2;
			char *nb = realloc(b, cap + 1);
			if (!nb) {
				free(b);
				if (f != stdin)
					fclose(f);
				cli_error("out of memory");
				return CLI_EXIT_FAIL;
			}
			b = nb;
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(f);
	if (f != stdin)
		fclose(f);
	if (err) {
		free(b);
		cli_error("%s: read error", path);
		return CLI_EXIT_USAGE;
	}
	if (n > max) {
		free(b);
		cli_error("%s: larger than the limit of %zu bytes", strcmp(path, "-") == 0 ? "standard input" : path,
			  max);
		return CLI_EXIT_USAGE;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return -1;
}

/* The most problems listed for one input: past them, how many more. */
void cli_print_diags(const ac_diags *d)
{
	cli_print_diags_in(d, NULL);
}

void cli_print_diags_in(const ac_diags *d, const char *source)
{
	size_t n = ac_diags_count(d), more = ac_diags_more(d);
	error_said |= n > 0;
	for (size_t i = 0; i < n; i++) {
		const ac_diag *x = ac_diags_at(d, i);
		char *s = ac_diag_format_source(x, ac_diag_path(x) ? source : NULL);
		fprintf(stderr, "aicert: %s\n", s ? s : ac_diag_message(x));
		ac_free(s);
	}
	/* The library keeps the first AC_MAX_DIAGS and counts the rest. */
	if (more)
		fprintf(stderr, "aicert: and %zu more problem%s\n", more, more == 1 ? "" : "s");
}

int cli_exit_for(ac_status st)
{
	switch (st) {
	case AC_OK: return CLI_EXIT_OK;
	case AC_EINPUT:
	case AC_ENOTFOUND:
	case AC_ENODATA: return CLI_EXIT_USAGE;
	default: return CLI_EXIT_FAIL;
	}
}

int cli_load_profile(const char *path, ac_profile **out)
{
	char *buf;
	size_t len;
	*out = NULL;
	int rc = cli_read_file(path, AC_MAX_PROFILE_BYTES, &buf, &len);
	if (rc >= 0)
		return rc;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_profile_parse(buf, len, path, out, &d);
	free(buf);
	if (st != AC_OK) {
		cli_print_diags(&d);
		if (!ac_diags_count(&d))
			cli_error("%s: %s", path, ac_strerror(st));
	}
	ac_diags_free(&d);
	return st == AC_OK ? -1 : cli_exit_for(st);
}

int cli_load_policy(const cli_args *a, ac_policy **out)
{
	ac_diags d;
	ac_diags_init(&d);
	const char *path = cli_opt(a, "policy");
	ac_status st;
	if (!path) {
		st = ac_policy_default(out, &d);
	} else {
		char *buf;
		size_t len;
		int rc = cli_read_file(path, 1024 * 1024, &buf, &len);
		if (rc >= 0) {
			ac_diags_free(&d);
			return rc;
		}
		st = ac_policy_parse(buf, len, path, out, &d);
		free(buf);
	}
	if (st != AC_OK) {
		cli_print_diags(&d);
		if (!ac_diags_count(&d))
			cli_error("policy: %s", ac_strerror(st));
	}
	ac_diags_free(&d);
	return st == AC_OK ? -1 : cli_exit_for(st);
}

/* The command's value of option name, or NULL when it has no such option. */
static const char *opt_if_any(const cli_args *a, const char *name)
{
	for (const cli_option *o = a->cmd->options; o && o->name; o++)
		if (strcmp(o->name, name) == 0)
			return cli_opt(a, name);
	return NULL;
}

int cli_open_session_keep(const cli_args *a, ac_session **out, char **policy_text, size_t *policy_len)
{
	ac_session_options o;
	ac_session_options_init(&o);
	char *policy = NULL, *catalogue = NULL;
	size_t len;
	int rc = -1;
	*out = NULL;
	if ((o.policy_source = opt_if_any(a, "policy"))) {
		rc = cli_read_file(o.policy_source, 1024 * 1024, &policy, &len);
		o.policy_text = policy;
		o.policy_len = len;
	}
	if (rc < 0 && (o.catalogue_source = opt_if_any(a, "catalogue"))) {
		rc = cli_read_file(o.catalogue_source, 8 * 1024 * 1024, &catalogue, &len);
		o.catalogue_text = catalogue;
		o.catalogue_len = len;
	}
	o.data_path = opt_if_any(a, "data");
	if (rc < 0) {
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_session_new(&o, out, &d);
		if (st != AC_OK)
			rc = cli_fail(st, &d, "session");
		ac_diags_free(&d);
	}
	if (policy_text && rc < 0) {
		*policy_text = policy; /* the caller keeps the text the policy was read from */
		*policy_len = policy ? o.policy_len : 0;
		policy = NULL;
	}
	free(policy);
	free(catalogue);
	return rc;
}

int cli_open_session(const cli_args *a, ac_session **out)
{
	return cli_open_session_keep(a, out, NULL, NULL);
}

int cli_fail(ac_status st, const ac_diags *d, const char *prefix)
{
	return cli_fail_in(st, d, prefix, NULL);
}

int cli_fail_in(ac_status st, const ac_diags *d, const char *prefix, const char *source)
{
	cli_print_diags_in(d, source);
	if (!ac_diags_count(d))
		cli_error("%s: %s", prefix, ac_strerror(st));
	return cli_exit_for(st);
}

int cli_emit(ac_status st, char *out, size_t len, const ac_diags *d, const char *prefix)
{
	int rc = st == AC_OK ? cli_write_stdout(out, len) : cli_fail(st, d, prefix);
	ac_free(out);
	return rc;
}

int cli_call_open(const cli_args *a, int json, cli_call *c)
{
	c->format = json ? AC_FORMAT_JSON : AC_FORMAT_TEXT;
	c->out = NULL;
	c->len = 0;
	ac_diags_init(&c->d);
	return cli_open_session(a, &c->s);
}

int cli_call_finish(cli_call *c, ac_status st, const char *prefix)
{
	int rc = cli_emit(st, c->out, c->len, &c->d, prefix);
	c->out = NULL;
	cli_call_close(c);
	return rc;
}

void cli_call_close(cli_call *c)
{
	ac_diags_free(&c->d);
	ac_session_free(c->s);
	c->s = NULL;
}

int cli_open_occdata(const cli_args *a, ac_occdata **out)
{
	ac_diags d;
	ac_diags_init(&d);
	const char *path = cli_opt(a, "data");
	*out = NULL;
	ac_status st = ac_occdata_open(path, out, &d);
	int rc = -1;
	if (st == AC_ENODATA && !path) {
		*out = NULL; /* not installed: callers report null occupation fields */
	} else if (st != AC_OK) {
		cli_print_diags(&d);
		if (!ac_diags_count(&d))
			cli_error("occupation data: %s", ac_strerror(st));
		rc = cli_exit_for(st);
	}
	ac_diags_free(&d);
	return rc;
}

int cli_format_of(const cli_args *a, unsigned allowed, ac_format *out)
{
	static const struct {
		const char *name;
		ac_format format;
	} formats[] = {{"text", AC_FORMAT_TEXT},
		       {"json", AC_FORMAT_JSON},
		       {"markdown", AC_FORMAT_MARKDOWN},
		       {"md", AC_FORMAT_MARKDOWN},
		       {"html", AC_FORMAT_HTML}};
	const char *f = cli_opt(a, "format");
	size_t n = sizeof formats / sizeof formats[0];
	if (!f)
		f = "text";
	for (size_t i = 0; i < n; i++)
		if (strcmp(f, formats[i].name) == 0 && (allowed & CLI_FMT(formats[i].format))) {
			*out = formats[i].format;
			return -1;
		}
	/* "expected text, json or markdown": the names allowed, md left unsaid. */
	char expected[128] = "";
	size_t said = 0, count = 0;
	for (size_t i = 0; i < n; i++)
		count += (allowed & CLI_FMT(formats[i].format)) && strcmp(formats[i].name, "md") != 0;
	for (size_t i = 0; i < n; i++) {
		if (!(allowed & CLI_FMT(formats[i].format)) || strcmp(formats[i].name, "md") == 0)
			continue;
		size_t len = strlen(expected);
		snprintf(expected + len, sizeof expected - len, "%s%s",
			 !said               ? ""
			 : said + 1 == count ? " or "
					     : ", ",
			 formats[i].name);
		said++;
	}
	cli_error("--format: found '%s', expected %s", f, expected);
	return CLI_EXIT_USAGE;
}

int cli_format(const cli_args *a, ac_format *out)
{
	return cli_format_of(a, CLI_FMT(AC_FORMAT_TEXT) | CLI_FMT(AC_FORMAT_JSON) | CLI_FMT(AC_FORMAT_MARKDOWN), out);
}

int cli_write_stdout(const char *buf, size_t len)
{
	if (fwrite(buf, 1, len, stdout) != len) {
		cli_error("cannot write the output: %s", strerror(errno));
		return CLI_EXIT_FAIL;
	}
	return cli_flush_stdout();
}

int cli_flush_stdout(void)
{
	if (fflush(stdout) != 0) {
		if (!ferror(stdout) || !error_said)
			cli_error("cannot write the output: %s", strerror(errno));
		return CLI_EXIT_FAIL;
	}
	if (ferror(stdout)) { /* an earlier write failed; its cause is gone */
		if (!error_said)
			cli_error("cannot write the output");
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}

int cli_finish(int rc)
{
	int written = cli_flush_stdout();
	return rc == CLI_EXIT_OK ? written : rc;
}

int cli_format_text_or_json(const cli_args *a, int *json)
{
	ac_format f = AC_FORMAT_TEXT;
	int rc = cli_format_of(a, CLI_FMT(AC_FORMAT_TEXT) | CLI_FMT(AC_FORMAT_JSON), &f);
	*json = f == AC_FORMAT_JSON;
	return rc;
}

void cli_render_options(ac_render_options *o)
{
	ac_render_options_init(o);
	if (!isatty(STDOUT_FILENO))
		return; /* a file or a pipe: the default 78 columns, no colour */
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		o->width = ws.ws_col;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	o->color = !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}
