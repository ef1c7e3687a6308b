/*
 * interview.h — what the parts of `aicert interview` share: the terminal (or
 * piped) conversation in interview_io.c, the steps that take more than one
 * answer (title, task mix, certificate) in interview_steps.c, and the flow
 * in cmd_interview.c.  Every question's wording comes from the questionnaire.
 */
#ifndef AICERT_INTERVIEW_H
#define AICERT_INTERVIEW_H

#include <stdio.h>

#include "cli.h"

typedef struct {
	int piped; /* answers come one per line from standard input */
	int plain; /* at a terminal without libedit: lines read as they come */
	FILE *out; /* where the conversation goes: standard error */
	size_t width; /* columns text wraps at */
	int color; /* bold questions, dim help */
	char **history; /* free-text answers so far, for line editing */
	size_t n_history;
	unsigned long answers; /* lines read */
	unsigned long failures; /* failed allocations when the interview began */
} ui;

/* Sets up the conversation; prints why and returns an exit code when it
 * cannot happen (standard input not a terminal without --piped), else -1. */
int ui_open(ui *u, int piped);
void ui_close(ui *u);
/* Reads one answer (malloc'd, without the newline).  choices (may be NULL)
 * are offered on the arrow keys.  On end of input or Ctrl-D it says how to
 * start again and exits (nothing has been written before the end). */
char *ui_read(ui *u, const char *prompt, const char *const *choices, size_t n);
/* When an allocation failed since the interview began (in the library or in
 * the jansson trees the steps build, which leave out what they cannot
 * store), says memory ran out and that nothing was saved, and exits 1: the
 * answers read so far may have been taken wrongly.  ui_read checks it before
 * each answer; the caller checks it before the report and the save. */
void ui_check_memory(const ui *u);
/* Prints text wrapped to the width, each line after indent. */
void ui_wrap(ui *u, const char *indent, const char *text);
/* The question's text in bold and its help in dim (plain without colour). */
void ui_question(ui *u, const char *text, const char *help);
/* Prints a line (printf-like) with no wrapping. */
void ui_say(ui *u, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* A new string formatted like printf (freed with free()), or NULL. */
char *iv_printf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Blocks Ctrl-C while a file is written (1) and allows it again (0). */
void ui_hold_interrupts(int hold);

/* What the steps work on. */
typedef struct {
	ui *u;
	ac_session *session;
	ac_profile *profile;
	const ac_questionnaire *qn;
	unsigned asked, answered; /* questions asked, and how many have an answer now */
} interview;

/* Asks one question of a simple kind (one, many, number, text): the answer
 * is set in the profile; Enter keeps the current answer, "-" makes it
 * unknown.  Returns 0, or an exit code when something failed. */
int ask_simple(interview *iv, const ac_qn_question *q);
/* Asks q and reads a valid answer: 0 with *json its value, 1 for Enter
 * (keep current, which may be NULL or "null"), 2 for "-" (don't know). */
int ask_value(interview *iv, const ac_qn_question *q, const char *current, char **json);
/* The steps (interview_steps.c). */
int ask_title(interview *iv, const ac_qn_question *q);
int ask_tasks(interview *iv, const ac_qn_question *q);
int ask_certificate(interview *iv, const ac_qn_question *q);

#endif
