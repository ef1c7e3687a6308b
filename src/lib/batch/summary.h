/*
 * summary.h — the team summary's figures (summary.c gathers them, and
 * summary_render.c writes them as Markdown or HTML).  Every list has a fixed
 * length, so a summary of a million records is as small as one of ten.
 */
#ifndef AICERT_BATCH_SUMMARY_H
#define AICERT_BATCH_SUMMARY_H

#include "batch/batch.h"

#define SUMMARY_BINS 10 /* exposure score bins of 0.1 */
#define SUMMARY_MAX_REASONS 64 /* distinct reasons counted by name; more go to "other" */
#define SUMMARY_MAX_FAILURES 100 /* failed records listed; more are counted */
#define SUMMARY_MAX_PROBLEMS 5 /* problems listed per failed record */
#define SUMMARY_MAX_PEOPLE 1000 /* people listed with include_labels */

typedef struct {
	char *id;
	int verdict;
	unsigned long long n;
} summary_reason;

typedef struct {
	long line;
	char *where[SUMMARY_MAX_PROBLEMS]; /* the field (JSON path or CSV column) */
	char *what[SUMMARY_MAX_PROBLEMS];
	size_t n, more;
} summary_failure;

typedef struct {
	long line;
	char *label, *title, *reason;
	int verdict;
} summary_person;

struct ac_batch_summary {
	int include_labels;
	char *policy_name, *policy_version;
	unsigned long long records, assessed, failed;
	unsigned long long by_verdict[5]; /* by AC_VERDICT_* */
	summary_reason *reasons;
	size_t n_reasons, cap_reasons;
	unsigned long long other_reasons;
	unsigned long long by_class[4]; /* by AC_CLASS_*; [0] not known */
	unsigned long long bins[SUMMARY_BINS];
	double score_sum; /* over the records with a class */
	unsigned long long *missing; /* per schema field */
	unsigned long long top_path[AC_PATH__COUNT + 1];
	unsigned long long top_score[AC_PATH__COUNT + 1]; /* sum of the best path's scores */
	summary_failure *failures;
	size_t n_failures;
	unsigned long long more_failures;
	summary_person *people;
	size_t n_people;
	unsigned long long more_people;
};

#endif
