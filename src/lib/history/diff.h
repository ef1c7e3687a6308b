/*
 * diff.h — what `history diff` finds (diff.c) and writes (diff_render.c):
 * the two saved records, and the engine re-run step by step from the old
 * one to the new one, one cause at a time.
 */
#ifndef AICERT_HISTORY_DIFF_H
#define AICERT_HISTORY_DIFF_H

#include "history/history.h"

/* What one assessment decided, as far as a diff compares it. */
typedef struct {
	int ok; /* 0: it could not be assessed; why says so */
	char *why;
	char *verdict, *reason;
	int klass; /* AC_CLASS_*, 0 when not known */
	double score; /* exposure, rounded to 4 places */
	char *cert_status; /* the named certificate's status, from a saved document */
	char *as_of; /* the document's own as_of, when it has one */
} outcome;

/* How two outcomes differ. */
enum { MOVED_VERDICT = 1, MOVED_REASON = 2, MOVED_EXPOSURE = 4, MOVED_FAILED = 8 };
int outcome_moved(const outcome *x, const outcome *y);

/* One answer that differs between the two profiles. */
typedef struct {
	const ac_field *field;
	char *from, *to; /* JSON texts, "null" when unanswered */
	int tried; /* 0: it cannot be set alone (it needs other changed answers) */
	outcome alone; /* the old profile with only this answer changed, under the new policy and date */
} answer_change;

struct hist_diff {
	hist_record a, b;
	outcome saved_a, saved_b;
	/* The steps, each re-assessed with today's catalogue and data:
	 * old_then: the old profile under the old policy;
	 * old_new_policy: the old profile under the new policy;
	 * old_new_date: that, at the new record's date instead of the old one's;
	 * new_now: the new profile under the new policy at the new date.
	 * Every step but the last two runs at the old record's date. */
	outcome old_then, old_new_policy, old_new_date, new_now;
	int old_policy_missing; /* the old record's policy text is not in the history */
	char *catalogue_now, *data_now, *aicert_now;
	answer_change *answers;
	size_t n_answers;
};

void outcome_free(outcome *o);

/* Reads records from and to (0: the last two, or the one before to) and runs
 * the steps between them into d; hist_diff_free(d) afterwards, whatever the
 * status. */
ac_status hist_diff_build(ac_history *h, const ac_session_options *env, long long from, long long to, hist_diff *d,
			  ac_diags *diags);
void hist_diff_free(hist_diff *d);

/* The date each record spoke for: the document's own as_of, else the
 * record's column; NULL when neither is known (then today is used). */
const char *hist_diff_date_a(const hist_diff *d);
const char *hist_diff_date_b(const hist_diff *d);

#endif
