/*
 * json.c — the questionnaire as one JSON document for a web page: each
 * question with its wording, help, choices (value, JSON value, label), its
 * conditions, and the type and limits of the field it fills, taken from the
 * profile schema so that a form can check an answer before sending it.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/json.h"
#include "questionnaire/questionnaire.h"

static const char *const kind_names[] = {NULL, "one", "many", "number", "text", "title", "tasks", "certificate"};
static const char *const type_names[] = {NULL,     "object",  "string",    "boolean",     "enum",
					 "number", "integer", "enum_list", "string_list", "array"};
static const char *const op_names[] = {NULL, "is", "not", "answered", "unanswered"};

static json_t *field_json(const ac_field *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "path", json_string(ac_field_path(f)));
	ac_field_type type = ac_field_value_type(f);
	json_object_set_new(o, "type", json_string(type_names[type]));
	if (type == AC_FIELD_NUMBER || type == AC_FIELD_INTEGER) {
		json_object_set_new(o, "minimum", ac_json_double(ac_field_min(f)));
		json_object_set_new(o, "maximum", ac_json_double(ac_field_max(f)));
		json_object_set_new(o, "minimum_excluded", json_boolean(ac_field_min_exclusive(f)));
	}
	json_object_set_new(o, "meaning", json_string(ac_field_help(f)));
	return o;
}

/* A value the questionnaire holds as JSON text (checked when it was read). */
static json_t *literal(const char *text)
{
	json_error_t err;
	ac_status st;
	return ac_json_load(text, strlen(text), JSON_DECODE_ANY, &err, &st);
}

static json_t *question_json(const ac_qn_question *q)
{
	json_t *o = json_object(), *choices = json_array(), *when = json_array(), *tries = json_array();
	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "kind", json_string(kind_names[q->kind]));
	json_object_set_new(o, "field", field_json(ac_qn_field(q)));
	json_object_set_new(o, "ask", json_string(q->text));
	json_object_set_new(o, "why", json_string(q->help));
	json_object_set_new(o, "within", ac_json_str(q->within));
	json_object_set_new(o, "later", json_boolean(q->later));
	for (size_t i = 0; i < q->n_choices; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "value", literal(q->choices[i].json));
		json_object_set_new(c, "label", json_string(q->choices[i].label));
		json_array_append_new(choices, c);
	}
	for (size_t i = 0; i < q->n_when; i++) {
		json_t *w = json_object(), *values = json_array();
		json_object_set_new(w, "field", json_string(q->when[i].field));
		json_object_set_new(w, "op", json_string(op_names[q->when[i].op]));
		for (size_t k = 0; k < q->when[i].n_values; k++)
			json_array_append_new(values, json_string(q->when[i].values[k]));
		json_object_set_new(w, "values", values);
		json_array_append_new(when, w);
	}
	for (size_t i = 0; i < q->n_tries; i++)
		json_array_append_new(tries, literal(q->tries[i]));
	json_object_set_new(o, "choices", choices);
	json_object_set_new(o, "when", when);
	json_object_set_new(o, "try", tries);
	return o;
}

ac_status ac_questionnaire_render_json(const ac_questionnaire *qn, char **out, size_t *len)
{
	*out = NULL;
	unsigned long failures = ac_mem_failures(); /* jansson leaves out what it cannot store */
	json_t *doc = json_object(), *qs = json_array();
	json_object_set_new(doc, "schema", json_string(AC_QUESTIONNAIRE_SCHEMA));
	json_object_set_new(doc, "profile_schema", json_string(AC_PROFILE_SCHEMA));
	for (size_t i = 0; qs && i < qn->n; i++)
		json_array_append_new(qs, question_json(&qn->q[i]));
	json_object_set_new(doc, "questions", qs);
	char *text = doc && ac_mem_failures() == failures
			     ? ac_json_text(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER, NULL)
			     : NULL;
	json_decref(doc);
	if (!text)
		return AC_ENOMEM;
	size_t n = strlen(text);
	char *withnl = realloc(text, n + 2);
	if (!withnl) {
		free(text);
		return AC_ENOMEM;
	}
	withnl[n] = '\n';
	withnl[n + 1] = '\0';
	*out = withnl;
	if (len)
		*len = n + 1;
	return AC_OK;
}
