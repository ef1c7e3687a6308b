/*
 * facts.c — a few figures of an assessment by accessor (aicert.h "assessment
 * facts"), so batch rows, team summaries and history diffs read them without
 * parsing the JSON document back.  Read-only views of struct ac_assessment.
 */
#include <stddef.h>

#include "core/tri.h"
#include "model/assessment.h"

double ac_assessment_exposure_score(const ac_assessment *a)
{
	return a->exposure.score;
}

int ac_assessment_exposure_class(const ac_assessment *a)
{
	return a->exposure.klass;
}

static const char *const condition_names[AC_CONDITION_COUNT] = {"exposure_understood", "leverage_possible",
								"timing_appropriate", "trajectory_defined"};

const char *ac_condition_name(int i)
{
	return i >= 0 && i < AC_CONDITION_COUNT ? condition_names[i] : NULL;
}

ac_tri ac_assessment_condition(const ac_assessment *a, int i)
{
	const ac_condition *c[AC_CONDITION_COUNT] = {&a->exposure_understood, &a->leverage_possible,
						     &a->timing_appropriate, &a->trajectory_defined};
	return i >= 0 && i < AC_CONDITION_COUNT ? ac_tri_of(c[i]->met) : AC_UNKNOWN;
}

int ac_assessment_alternative(const ac_assessment *a, size_t rank, int *score)
{
	if (rank >= AC_PATH__COUNT)
		return 0;
	if (score)
		*score = a->alternatives[rank].score;
	return a->alternatives[rank].path;
}

size_t ac_assessment_missing_count(const ac_assessment *a)
{
	return a->n_missing;
}

const char *ac_assessment_missing(const ac_assessment *a, size_t i)
{
	return i < a->n_missing ? a->missing[i].field : NULL;
}
