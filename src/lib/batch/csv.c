/*
 * csv.c — profiles as CSV rows, with the layout made from the public profile
 * schema: one column per field by its path ("role.kind"), tasks as numbered
 * groups ("task2.share"), lists separated by ';'.  A row becomes the profile's
 * JSON and goes through the one parser, so a cell is checked exactly as the
 * same answer in a JSON profile, and every problem names its column.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "batch/batch.h"

#define TASKS_PREFIX "role.tasks[]."

/* ------------------------------------------------------------ splitting */

long csv_split(char *rec, char **fields, size_t max, const char **why)
{
	size_t n = 0;
	char *s = rec;
	for (;;) {
		char *start = s, *out = s;
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '\0') {
					*why = "a quoted cell that is not closed";
					return -1;
				}
				if (*s == '"') {
					if (s[1] != '"')
						break;
					s++;
				}
				*out++ = *s;
			}
			s++;
			if (*s != ',' && *s != '\0') {
				*why = "text after the closing quote of a cell";
				return -1;
			}
		} else {
			while (*s && *s != ',')
				s++;
			out = s;
		}
		char end = *s;
		*out = '\0';
		if (n < max)
			fields[n] = start;
		n++;
		if (end == '\0')
			return (long)n;
		s++;
	}
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* ------------------------------------------------------------ the header */

/* The schema field a column named name stands for: a leaf of the profile
 * (not an object, not a task field), or through *task a task group's field. */
static int column_of(const char *name, csv_column *c)
{
	memset(c, 0, sizeof *c);
	if (strcmp(name, "schema") == 0)
		return 1;
	if (strncmp(name, "task", 4) == 0 && isdigit((unsigned char)name[4])) {
		char *end;
		errno = 0;
		long k = strtol(name + 4, &end, 10);
		if (errno || *end != '.' || k < 1 || k > AC_MAX_TASKS || name[4] == '0')
			return 0;
		char path[128];
		snprintf(path, sizeof path, TASKS_PREFIX "%s", end + 1);
		c->field = ac_schema_find(path);
		c->task = (int)k;
		c->key = c->field ? ac_field_path(c->field) + strlen(TASKS_PREFIX) : NULL;
		return c->field != NULL;
	}
	c->field = ac_schema_find(name);
	if (!c->field)
		return 0;
	ac_field_type type = ac_field_value_type(c->field);
	return type != AC_FIELD_OBJECT && type != AC_FIELD_ARRAY && !strstr(ac_field_path(c->field), "[]");
}

static int same_column(const csv_column *a, const csv_column *b)
{
	return a->field == b->field && a->task == b->task;
}

void csv_layout_free(csv_layout *L)
{
	free(L->cols);
	memset(L, 0, sizeof *L);
}

ac_status csv_layout_parse(csv_layout *L, char *header, const char *source, long line, ac_diags *diags)
{
	memset(L, 0, sizeof *L);
	size_t cap = 1;
	for (const char *p = header; *p; p++)
		cap += *p == ',';
	char **cells = malloc(cap * sizeof *cells);
	L->cols = calloc(cap, sizeof *L->cols);
	if (!cells || !L->cols) {
		free(cells);
		csv_layout_free(L);
		return AC_ENOMEM;
	}
	const char *why = NULL;
	long n = csv_split(header, cells, cap, &why);
	if (n < 0) {
		free(cells);
		csv_layout_free(L);
		ac_diags_add(diags, source, NULL, (int)line, 0, "the header row: found %s, expected a CSV row", why);
		return AC_EINPUT;
	}
	ac_status st = AC_OK;
	int named = 0;
	for (long i = 0; i < n; i++) {
		char *name = trim(cells[i]);
		csv_column *c = &L->cols[i];
		c->task = -1; /* an unnamed column: ignored */
		if (!*name)
			continue;
		if (!column_of(name, c)) {
			c->task = -1;
			st = AC_EINPUT;
			ac_diags_add(
				diags, source, NULL, (int)line, 0,
				"column %ld: found \"%.60s\", expected a profile field by its path (role.kind, "
				"organization.adoption_signals), a task field (task1.name, task1.share) or schema; "
				"'aicert batch --template csv' shows them all",
				i + 1, name);
			continue;
		}
		for (long j = 0; j < i; j++)
			if (L->cols[j].task >= 0 && same_column(&L->cols[j], c)) {
				st = AC_EINPUT;
				ac_diags_add(diags, source, NULL, (int)line, 0,
					     "column %ld: found \"%.60s\" again, expected each "
					     "column once (it is also column %ld)",
					     i + 1, name, j + 1);
				break;
			}
		if (c->task > L->max_task)
			L->max_task = c->task;
		named++;
	}
	if (st == AC_OK && !named) {
		ac_diags_add(diags, source, NULL, (int)line, 0, "the header row names no profile field");
		st = AC_EINPUT;
	}
	free(cells);
	L->n = (size_t)n;
	if (st != AC_OK)
		csv_layout_free(L);
	return st;
}

/* ------------------------------------------------------------ a row as a profile */

/* 1 when s is a JSON number (so a spreadsheet's 40 or 0.5 is a number and
 * anything else goes to the parser as text, to be refused there by name). */
static int json_number_syntax(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	if (*s == '0' && isdigit((unsigned char)s[1]))
		return 0;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* A list cell: entries separated by ';', blanks dropped. */
static json_t *list_value(char *cell)
{
	json_t *arr = json_array();
	for (char *save = NULL, *tok = strtok_r(cell, ";", &save); arr && tok; tok = strtok_r(NULL, ";", &save)) {
		tok = trim(tok);
		if (*tok && json_array_append_new(arr, json_string(tok)) != 0) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* The JSON value of a non-empty cell for field f: what the same answer would
 * be in a JSON profile, or the cell as text when it is not of the field's
 * type (the parser then says what was expected). */
static json_t *cell_value(const ac_field *f, char *cell)
{
	switch (ac_field_value_type(f)) {
	case AC_FIELD_BOOL:
		if (!strcasecmp(cell, "true") || !strcasecmp(cell, "yes"))
			return json_true();
		if (!strcasecmp(cell, "false") || !strcasecmp(cell, "no"))
			return json_false();
		break;
	case AC_FIELD_NUMBER:
	case AC_FIELD_INTEGER:
		if (!json_number_syntax(cell))
			break;
		if (!strpbrk(cell, ".eE")) {
			errno = 0;
			long long v = strtoll(cell, NULL, 10);
			if (!errno)
				return json_integer(v);
		}
		double x = strtod(cell, NULL);
		if (isfinite(x))
			return json_real(x);
		break;
	case AC_FIELD_ENUM_LIST:
	case AC_FIELD_STRING_LIST: return list_value(cell);
	default: break;
	}
	return json_string(cell);
}

/* Sets value at a dotted path under root, making objects on the way. */
static int put(json_t *root, const char *path, json_t *value)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	json_t *cur = root;
	char *part = buf;
	for (char *dot; (dot = strchr(part, '.')); part = dot + 1) {
		*dot = '\0';
		json_t *next = json_object_get(cur, part);
		if (!next) {
			next = json_object();
			if (json_object_set_new(cur, part, next) != 0)
				return -1;
		}
		cur = next;
	}
	return json_object_set_new(cur, part, value);
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
	return sb_putn(data, buffer, size);
}

ac_status csv_row_json(const csv_layout *L, char **cells, size_t n, strbuf *json, int *groups, ac_diags *diags)
{
	json_t *root = json_object(), **tasks = calloc((size_t)L->max_task + 1, sizeof *tasks);
	int oom = !root || !tasks || json_object_set_new(root, "schema", json_string(AC_PROFILE_SCHEMA)) != 0;
	for (size_t i = 0; !oom && i < n && i < L->n; i++) {
		const csv_column *c = &L->cols[i];
		char *cell = trim(cells[i]);
		if (!*cell || c->task < 0)
			continue;
		json_t *v = c->field ? cell_value(c->field, cell) : json_string(cell);
		if (!v) { /* jansson refuses only invalid UTF-8 here (or memory) */
			char name[160];
			if (c->task > 0)
				snprintf(name, sizeof name, "task%d.%s", c->task, c->key);
			ac_diags_add(diags, NULL,
				     c->task > 0 ? name
				     : c->field  ? ac_field_path(c->field)
						 : "schema",
				     0, 0, "found text that is not valid UTF-8, expected UTF-8 text");
			continue;
		}
		if (c->task > 0) {
			if (!tasks[c->task] && !(tasks[c->task] = json_object()))
				oom = 1;
			oom = oom || json_object_set_new(tasks[c->task], c->key, v) != 0;
		} else if (!c->field) {
			oom = json_object_set_new(root, "schema", v) != 0;
		} else {
			oom = put(root, ac_field_path(c->field), v) != 0;
		}
	}
	for (size_t i = L->n; !oom && i < n; i++)
		if (*trim(cells[i])) {
			ac_diags_add(diags, NULL, NULL, 0, 0,
				     "found a value in cell %zu, expected at most %zu cells (one "
				     "per column of the header)",
				     i + 1, L->n);
			break;
		}
	size_t n_tasks = 0;
	json_t *arr = NULL;
	for (int k = 1; !oom && k <= L->max_task; k++) {
		if (!tasks[k])
			continue;
		if (!arr && (!(arr = json_array()) || put(root, "role.tasks", arr) != 0))
			oom = 1;
		groups[n_tasks++] = k;
		oom = oom || json_array_append(arr, tasks[k]) != 0;
	}
	for (int k = 0; tasks && k <= L->max_task; k++)
		json_decref(tasks[k]);
	free(tasks);
	if (!oom &&
	    json_dump_callback(root, dump_cb, json, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17)))
		oom = 1;
	json_decref(root);
	if (oom || json->failed)
		return AC_ENOMEM;
	return diags->count ? AC_EINPUT : AC_OK;
}

void csv_column_name(const char *path, const int *groups, size_t n_groups, char *out, size_t n)
{
	static const char prefix[] = "role.tasks[";
	if (path && strncmp(path, prefix, sizeof prefix - 1) == 0) {
		char *end;
		unsigned long k = strtoul(path + sizeof prefix - 1, &end, 10);
		if (*end == ']' && k < n_groups) {
			snprintf(out, n, "task%d%s", groups[k], end + 1);
			return;
		}
	}
	snprintf(out, n, "%s", path ? path : "");
}

int csv_cell(strbuf *out, const char *s)
{
	if (!s)
		return 0;
	if (!strpbrk(s, ",\"\r\n"))
		return sb_puts(out, s);
	sb_puts(out, "\"");
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		sb_putn(out, s, (size_t)(q - s));
		sb_puts(out, "\"\"");
	}
	sb_puts(out, s);
	return sb_puts(out, "\"");
}
