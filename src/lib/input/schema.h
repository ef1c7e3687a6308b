/*
 * schema.h — the profile schema as the library uses it: the public table of
 * fields (aicert.h's ac_field) plus, for each field, where its answer is
 * stored.  One table serves the parser, the writer, ac_profile_set/get, the
 * counterfactual search and every front end made from the public schema.
 */
#ifndef AICERT_SCHEMA_H
#define AICERT_SCHEMA_H

#include <stddef.h>

#include "aicert.h"
#include "input/profile.h"

/* One field as aicert.h's accessors show it. */
struct ac_field {
	const char *path;
	ac_field_type type;
	int enum_kind; /* ac_enum_kind for ENUM and ENUM_LIST, else -1 */
	double min, max; /* for NUMBER and INTEGER (and the length of an ARRAY) */
	int min_exclusive; /* 1 when min itself is not allowed */
	int required; /* 1 when the field must be present in its object */
	const char *help; /* one line: what the answer means */
};

/* How an answer is stored. */
typedef enum {
	ST_NONE, /* not stored (the schema string; an object without a flag) */
	ST_STR, /* char * (trimmed; NULL when unknown or empty) */
	ST_NAMED, /* char * (trimmed; NULL when unknown, "" for an answer of "none") */
	ST_TRI, /* ac_tri */
	ST_ENUM, /* int, 0 when unknown */
	ST_NUM, /* ac_num */
	ST_SHARE, /* double (a task's share: always present) */
	ST_INT, /* int, 0 when unknown */
	ST_LONG, /* long, 0 when unknown */
	ST_FLAG, /* int set to 1 when the object is present */
	ST_ENUMSET, /* unsigned bit set (1u << value); aux: int "given" flag */
	ST_STRLIST, /* char ** ; aux: size_t count */
	ST_TASKS /* the task array (role.tasks, role.n_tasks, role.tasks_given) */
} ac_store;

/* Which struct a field's offset is inside. */
typedef enum { IN_PROFILE, IN_TASK, IN_CERT } ac_store_in;

typedef struct {
	ac_field pub;
	const char *name; /* the last part of the path: the JSON key */
	int parent; /* index of the enclosing OBJECT or ARRAY field, -1 at the top */
	ac_store store;
	ac_store_in in;
	ptrdiff_t offset;
	ptrdiff_t aux;
} ac_field_def;

/* The whole table, in PROFILE.md's order; a field's children follow it. */
extern const ac_field_def ac_schema[];
extern const size_t ac_schema_n;

/* The field at a schema path ("role.tasks[].share"), or NULL. */
const ac_field_def *ac_schema_def(const char *path);
/* The index of d in ac_schema. */
size_t ac_schema_index(const ac_field_def *d);

/* The address of a field's storage inside a profile (IN_PROFILE and IN_CERT
 * fields; task fields need a task: ac_schema_task_slot). */
void *ac_schema_slot(ac_profile *p, const ac_field_def *d);
static inline const void *ac_schema_cslot(const ac_profile *p, const ac_field_def *d)
{
	if (d->offset == (ptrdiff_t)-1 || d->in == IN_TASK)
		return NULL;
	return (d->in == IN_CERT ? (const char *)&p->cert : (const char *)p) + d->offset;
}

/* 1 when the profile answers the field (IN_PROFILE and IN_CERT fields). */
int ac_schema_answered(const ac_profile *p, const ac_field_def *d);
/* The profile's answer to d as compact JSON text, as ac_profile_get gives
 * it for d's path (profile_write.c): a plain answer written where it is
 * stored, anything else found by the profile writer. */
ac_status ac_profile_answer_json(const ac_profile *p, const ac_field_def *d, char **out);

#endif
