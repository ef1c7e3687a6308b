/*
 * csv_template.c — `aicert batch --template csv`: the CSV input layout,
 * made from the profile schema (a header row in schema order, tasks as
 * numbered groups where role.tasks stands), and one example row written from
 * an example profile through the same layout.
 */
#include <string.h>

#include <jansson.h>

#include "batch/batch.h"

/* Task groups in the template; a sheet may add task6.*, task7.*, ... */
#define TEMPLATE_TASKS 5

static const char example[] =
	"{\"schema\": \"aicert/profile/v1\", \"label\": \"Dana, FP&A analyst\","
	" \"role\": {\"title\": \"Financial analyst\", \"kind\": \"ic\", \"tasks\": ["
	"{\"name\": \"Monthly variance report\", \"share\": 40, \"category\": \"standardized_reporting\","
	" \"benchmarkable\": true},"
	"{\"name\": \"Ad-hoc data pulls\", \"share\": 25, \"category\": \"structured_data_analysis\"},"
	"{\"name\": \"Budget reviews with owners\", \"share\": 20, \"category\": \"judgment_decisions\","
	" \"needs_decision_authority\": true},"
	"{\"name\": \"Status updates\", \"share\": 15, \"category\": \"coordination\"}],"
	" \"owns_measurable_outcomes\": false, \"decision_authority\": \"separable\","
	" \"revenue_distance\": \"far\", \"ladder_level\": 2, \"leverage_test\": \"headcount_cut\","
	" \"value_basis\": \"speed\", \"hourly_pay_usd\": 45},"
	" \"ai_use\": {\"tested_in_role\": true, \"level\": \"experimenting\", \"widened_scope\": false},"
	" \"trajectory\": {\"target_role\": \"Analytics engineer\"},"
	" \"organization\": {\"leadership_values_ai_literacy\": true, \"leader_reading\": \"efficient_operator\","
	" \"adoption_signals\": [\"ai_expected\", \"output_targets_rising\"]},"
	" \"industry\": {\"name\": \"Retail banking\", \"business_model_compressing\": \"no\","
	" \"digital_intensity\": \"high\"},"
	" \"motives\": [\"capability_gap\", \"reduce_anxiety\"],"
	" \"capability_gap\": \"building data pipelines with dbt and SQL\","
	" \"certification\": {\"id\": \"aws-mla-c01\"},"
	" \"constraints\": {\"budget_usd\": 400, \"hours_per_week\": 4}}";

/* A profile field that is a column of its own. */
static int own_column(const ac_field *f)
{
	ac_field_type type = ac_field_value_type(f);
	const char *path = ac_field_path(f);
	return type != AC_FIELD_OBJECT && type != AC_FIELD_ARRAY && !strstr(path, "[]") && strcmp(path, "schema") != 0;
}

/* The cell for an answer given as JSON text: text as it is, a list joined
 * with ';', nothing for an unknown answer. */
static int cell_of(strbuf *row, const char *value_json)
{
	json_t *v = json_loads(value_json, JSON_DECODE_ANY, NULL);
	if (!v)
		return -1;
	int r = 0;
	if (json_is_string(v)) {
		r = csv_cell(row, json_string_value(v));
	} else if (json_is_array(v)) {
		strbuf list;
		sb_init(&list);
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			if (i)
				sb_puts(&list, ";");
			sb_puts(&list, json_is_string(e) ? json_string_value(e) : "");
		}
		r = list.failed ? -1 : csv_cell(row, list.buf ? list.buf : "");
		sb_free(&list);
	} else if (!json_is_null(v)) {
		r = sb_puts(row, value_json);
	}
	json_decref(v);
	return r;
}

/* Appends one column: its name to head, the example's answer to row. */
static ac_status column(strbuf *head, strbuf *row, const ac_profile *p, const char *name, const char *path)
{
	if (head->len) {
		sb_puts(head, ",");
		sb_puts(row, ",");
	}
	sb_puts(head, name);
	char *value = NULL;
	ac_status st = ac_profile_get(p, path, &value);
	if (st == AC_OK && cell_of(row, value) != 0)
		st = AC_ENOMEM;
	ac_free(value);
	return st;
}

ac_status ac_batch_csv_template(char **out, size_t *len)
{
	*out = NULL;
	ac_profile *p = NULL;
	ac_status st = ac_profile_parse(example, sizeof example - 1, "template", &p, NULL);
	strbuf head, row;
	sb_init(&head);
	sb_init(&row);
	for (size_t i = 0; st == AC_OK && i < ac_schema_count(); i++) {
		const ac_field *f = ac_schema_at(i);
		if (own_column(f)) {
			st = column(&head, &row, p, ac_field_path(f), ac_field_path(f));
			continue;
		}
		if (ac_field_value_type(f) != AC_FIELD_ARRAY || strcmp(ac_field_path(f), "role.tasks") != 0)
			continue;
		for (int k = 1; st == AC_OK && k <= TEMPLATE_TASKS; k++)
			for (size_t j = i + 1; st == AC_OK && j < ac_schema_count(); j++) {
				const ac_field *t = ac_schema_at(j);
				if (strncmp(ac_field_path(t), "role.tasks[].", 13) != 0)
					continue;
				char name[96], path[96];
				snprintf(name, sizeof name, "task%d.%s", k, ac_field_path(t) + 13);
				snprintf(path, sizeof path, "role.tasks[%d].%s", k - 1, ac_field_path(t) + 13);
				st = column(&head, &row, p, name, path);
			}
	}
	ac_profile_free(p);
	if (st == AC_OK) {
		sb_puts(&head, "\n");
		sb_putn(&head, row.buf ? row.buf : "", row.len);
		sb_puts(&head, "\n");
	}
	sb_free(&row);
	if (st == AC_OK && !(*out = sb_take(&head, len)))
		st = AC_ENOMEM;
	sb_free(&head);
	return st;
}
