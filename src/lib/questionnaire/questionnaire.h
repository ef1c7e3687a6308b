/*
 * questionnaire.h — what the questionnaire layer's files share: the object a
 * questionnaire file is read into (parse.c), asked from (ask.c), read by a
 * front end (question.c) and written out as JSON (json.c), with the inside
 * of a question that aicert.h keeps opaque.  Every string and array it hands
 * out lives as long as the questionnaire.
 */
#ifndef AICERT_QUESTIONNAIRE_H
#define AICERT_QUESTIONNAIRE_H

#include "aicert.h"

typedef struct {
	const char *value; /* as written in the file: "manager", "true", "3" */
	const char *json; /* the JSON value the field gets: "\"manager\"", "true", "3" (for
			      AC_QN_MANY one element of the list) */
	const char *label; /* plain words */
} ac_qn_choice;

typedef enum { AC_QN_WHEN_IS = 1, AC_QN_WHEN_NOT, AC_QN_WHEN_ANSWERED, AC_QN_WHEN_UNANSWERED } ac_qn_when_op;
typedef struct {
	const char *field; /* schema path whose answer is tested */
	ac_qn_when_op op;
	const char *const *values; /* for IS and NOT: names as written */
	size_t n_values;
} ac_qn_when;

struct ac_qn_question {
	const char *id;
	const char *field; /* the schema path it fills */
	ac_qn_kind kind;
	const char *text; /* the question */
	const char *help; /* why it matters, one line */
	const char *within; /* the id of the question it is asked inside, or NULL */
	int later; /* 1: asked at the end, only when it could change the verdict */
	const ac_qn_choice *choices;
	size_t n_choices;
	const ac_qn_when *when; /* all must hold for the question to be asked */
	size_t n_when;
	const char *const *tries; /* JSON values tried to see whether it could change the verdict */
	size_t n_tries;
	int line; /* where it starts in its file */
};

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
