/*
 * cmd_interview.c — `aicert interview`: a person answers the questionnaire's
 * questions in the terminal instead of writing a profile; the answers are
 * saved as canonical profile JSON (atomically, where --save says or in the
 * user's data folder) and in the history, and the interview ends with the
 * assessment.  Questions marked "later" are asked only when an answer could
 * still change the verdict, found by re-running the engine.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "interview.h"

static const cli_option options[] = {
	{"save", "FILE", "save the answers to FILE (default: a new file in $XDG_DATA_HOME/aicert/profiles)"},
	{"from", "FILE", "start from this profile, its answers as the defaults, to revise it"},
	CLI_OPT_FORMAT,
	{"piped", NULL, "read answers one per line from standard input (an empty line skips)"},
	{"no-history", NULL, "do not save the assessment in the history"},
	CLI_OPT_QUESTIONNAIRE,
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	CLI_OPT_AS_OF,
	{NULL, NULL, NULL}};

static int ask(interview *iv, const ac_qn_question *q)
{
	int rc;
	switch (ac_question_kind(q)) {
	case AC_QN_TITLE: rc = ask_title(iv, q); break;
	case AC_QN_TASKS: rc = ask_tasks(iv, q); break;
	case AC_QN_CERTIFICATE: rc = ask_certificate(iv, q); break;
	default: rc = ask_simple(iv, q); break;
	}
	char *now = NULL;
	iv->asked++;
	if (ac_profile_get(iv->profile, ac_question_path(q), &now) == AC_OK && strcmp(now, "null") != 0)
		iv->answered++;
	ac_free(now);
	return rc;
}

/* The later questions: those that could still change the verdict are
 * offered together; the others are left out, and the person is told. */
static int ask_later(interview *iv, const char *as_of)
{
	size_t n = ac_questionnaire_count(iv->qn), could_n = 0, left = 0;
	const ac_qn_question **could = calloc(n ? n : 1, sizeof *could);
	if (!could) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		const ac_qn_question *q = ac_questionnaire_at(iv->qn, i);
		if (!ac_question_later(q) || ac_question_within(q) || !ac_question_applies(q, iv->profile))
			continue;
		int yes = 0;
		ac_diags d;
		ac_diags_init(&d);
		ac_status st = ac_session_question_could_change(iv->session, q, iv->profile, as_of, &yes, &d);
		if (st != AC_OK) {
			free(could);
			int rc = cli_fail(st, &d, "interview");
			ac_diags_free(&d);
			return rc;
		}
		ac_diags_free(&d);
		if (yes)
			could[could_n++] = q;
		else
			left++;
	}
	int rc = 0;
	if (could_n) {
		char *line;
		ui_say(iv->u, "\n%zu more question%s could change your verdict. Answer %s? [Y/n]\n", could_n,
		       could_n == 1 ? "" : "s", could_n == 1 ? "it" : "them");
		for (;;) {
			line = ui_read(iv->u, "> ", NULL, 0);
			char *s = line + strspn(line, " ");
			int yes = !*s || strchr("yY", *s), no = *s && strchr("nN", *s);
			free(line);
			if (yes || no) {
				for (size_t i = 0; yes && i < could_n && rc == 0; i++)
					if (ac_question_applies(could[i], iv->profile))
						rc = ask(iv, could[i]);
				if (no) {
					char *note = iv_printf("%zu question%s that could change your verdict %s "
							       "unanswered; 'aicert interview --from' the saved file "
							       "asks %s again.",
							       could_n, could_n == 1 ? "" : "s",
							       could_n == 1 ? "stays" : "stay",
							       could_n == 1 ? "it" : "them");
					if (note)
						ui_wrap(iv->u, "", note);
					free(note);
				}
				break;
			}
			ui_say(iv->u, "  Type y for yes or n for no.\n");
		}
	}
	if (left) {
		char *note = iv_printf("%zu question%s that cannot change your verdict %s left out.", left,
				       left == 1 ? "" : "s", left == 1 ? "was" : "were");
		ui_say(iv->u, "\n");
		if (note)
			ui_wrap(iv->u, "", note);
		free(note);
	}
	free(could);
	return rc;
}

/* $XDG_DATA_HOME/aicert/profiles (else ~/.local/share/...), created, with a
 * new file name from the time; NULL after a message when it cannot. */
static char *default_save_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir = xdg && *xdg == '/' ? iv_printf("%s/aicert/profiles", xdg)
		    : home && *home    ? iv_printf("%s/.local/share/aicert/profiles", home)
				       : NULL;
	if (!dir) {
		cli_error("nowhere to save the answers: set HOME or XDG_DATA_HOME, or use --save FILE");
		return NULL;
	}
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				break;
			*p = '/';
		}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		cli_error("%s: cannot create the folder: %s; use --save FILE", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char stamp[32];
	strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm);
	char *path = NULL;
	for (int k = 1; k < 100; k++) {
		free(path);
		path = k == 1 ? iv_printf("%s/profile-%s.json", dir, stamp)
			      : iv_printf("%s/profile-%s-%d.json", dir, stamp, k);
		if (!path || access(path, F_OK) != 0)
			break;
	}
	free(dir);
	if (!path)
		cli_error("out of memory");
	return path;
}

static int finish(interview *iv, const cli_args *args, const char *as_of, const char *policy, size_t policy_len)
{
	ac_format fmt;
	int rc = cli_format(args, &fmt);
	if (rc >= 0)
		return rc;
	ac_assess_options o;
	ac_assess_options_init(&o);
	o.as_of = as_of;
	ac_assessment *a = NULL;
	char *out = NULL, *json = NULL, *path = NULL;
	size_t out_len = 0, json_len = 0;
	ac_diags d;
	ac_diags_init(&d);
	ac_render_options ro;
	cli_render_options(&ro);
	ac_status st = ac_session_assess(iv->session, iv->profile, &o, &a, &d);
	if (st == AC_OK)
		st = ac_render_opts(a, fmt, &ro, &out, &out_len);
	if (st == AC_OK)
		st = ac_profile_write(iv->profile, &json, &json_len);
	if (st != AC_OK) {
		rc = cli_fail(st, &d, "interview");
		goto done;
	}
	ui_check_memory(iv->u); /* nothing is written from answers that may have been taken wrongly */
	const char *save = cli_opt(args, "save");
	path = save ? strdup(save) : default_save_path();
	if (!path) {
		rc = CLI_EXIT_FAIL;
		goto done;
	}
	char *summary = iv->answered < iv->asked ? iv_printf("You answered %u of the %u questions asked; the "
							     "report says what the others could change.",
							     iv->answered, iv->asked)
						 : NULL;
	if (summary) {
		ui_say(iv->u, "\n");
		ui_wrap(iv->u, "", summary);
		free(summary);
	}
	ui_hold_interrupts(1); /* the file and the history are written whole */
	rc = cli_write_file_atomic(path, json, json_len);
	if (rc < 0) {
		ui_say(iv->u,
		       "\nYour answers are saved in %s\n  to revise them:  aicert interview --from %s\n"
		       "  to assess them:  aicert assess %s\n\n",
		       path, path, path);
		if (!cli_flag(args, "no-history"))
			rc = cli_history_save(iv->session, iv->profile, a, policy, policy_len, as_of);
	}
	ui_hold_interrupts(0);
	if (rc < 0)
		rc = cli_write_stdout(out, out_len);
done:
	free(path);
	ac_free(json);
	ac_free(out);
	ac_assessment_free(a);
	ac_diags_free(&d);
	return rc;
}

static int run(const cli_args *args)
{
	ac_format fmt;
	const char *as_of;
	int rc = cli_format(args, &fmt);
	if (rc >= 0 || (rc = cli_opt_date(args, "as-of", &as_of)) >= 0)
		return rc;
	ui u;
	if ((rc = ui_open(&u, cli_flag(args, "piped"))) >= 0)
		return rc;
	ac_questionnaire *qn = NULL;
	ac_session *session = NULL;
	ac_profile *profile = NULL;
	char *policy = NULL;
	size_t policy_len = 0;
	const char *from = cli_opt(args, "from");
	if ((rc = cli_load_questionnaire(args, &qn, NULL)) >= 0 ||
	    (rc = cli_open_session_keep(args, &session, &policy, &policy_len)) >= 0)
		goto done;
	if (from ? (rc = cli_load_profile(from, &profile)) >= 0 : ac_profile_new(&profile) != AC_OK) {
		if (!from) {
			cli_error("out of memory");
			rc = CLI_EXIT_FAIL;
		}
		goto done;
	}
	ui_wrap(&u, "",
		from ? "Your saved answers are the defaults in brackets: press Enter to keep one."
		     : "A few questions about your work, in the order the decision is made.");
	ui_wrap(&u, "",
		"Answer by number or in words. Enter keeps the answer in brackets, or skips; - means "
		"you don't know; ? explains the question. Ctrl-C stops without saving anything.");
	interview iv = {&u, session, profile, qn, 0, 0};
	rc = 0;
	for (size_t i = 0; rc == 0 && i < ac_questionnaire_count(qn); i++) {
		const ac_qn_question *q = ac_questionnaire_at(qn, i);
		if (!ac_question_within(q) && !ac_question_later(q) && ac_question_applies(q, profile))
			rc = ask(&iv, q);
	}
	if (rc == 0)
		rc = ask_later(&iv, as_of);
	if (rc == 0)
		rc = finish(&iv, args, as_of, policy, policy_len);
done:
	ui_close(&u);
	free(policy);
	ac_profile_free(profile);
	ac_session_free(session);
	ac_questionnaire_free(qn);
	return rc;
}

const cli_command cmd_interview = {
	"interview",
	"answer questions instead of writing a profile; ends with the verdict",
	"aicert interview [--save FILE] [--from FILE] [--format text|json|markdown] [--piped]\n"
	"       [--questionnaire FILE] [--as-of YYYY-MM-DD] [--policy FILE] [--catalogue FILE] [--data FILE]",
	"Asks the questions of the decision model in its order: your job title (searched in the\n"
	"occupation data), your task mix (suggested from the data, to keep, edit, remove or add to),\n"
	"then ownership, leverage, AI use, trajectory, the organisation, the industry, motives, the\n"
	"gap, a certificate (searched in the catalogue) and what you can spend.  Every question can\n"
	"be skipped; questions that cannot change your verdict are left out at the end.  The\n"
	"answers are saved as a profile (--save FILE, else a new file in your data folder, written\n"
	"whole or not at all) that 'aicert assess' accepts, the assessment goes into the history\n"
	"('aicert history list'), and the assessment is written to standard output.  Questions go\n"
	"to standard error.  --from FILE revises a saved profile.  Ctrl-C or the end of the input\n"
	"stops without writing anything.  Standard input must be a terminal, unless --piped: then\n"
	"one answer per line, in the order the questions come ('aicert questionnaire' lists them),\n"
	"an empty line for skip.  Exit 0 when the assessment was written, 2 for bad usage or input\n"
	"that ended early, 130 after Ctrl-C, 1 for an internal failure.",
	options,
	0,
	0,
	run};
