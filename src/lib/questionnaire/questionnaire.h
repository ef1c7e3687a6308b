/*
 * questionnaire.h — what the questionnaire layer's files share: the object a
 * questionnaire file is read into (parse.c), asked from (ask.c) and written
 * out as JSON (json.c).  Every string and array it hands out lives as long
 * as the questionnaire.
 */
#ifndef AICERT_QUESTIONNAIRE_H
#define AICERT_QUESTIONNAIRE_H

#include "aicert.h"

struct ac_questionnaire {
	ac_qn_question *q;
	size_t n, cap;
	void **owned; /* every allocation the questions point into */
	size_t n_owned, cap_owned;
};

/* The schema field a question fills (never NULL in a questionnaire that
 * was read without a problem). */
const ac_field *ac_qn_field(const ac_qn_question *q);

#endif
