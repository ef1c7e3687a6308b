/*
 * schema_export.c — the profile schema written out for people and editors:
 * a starter profile with a "// field" comment member before every field
 * (what it means and what it takes) and every answer unknown, and a JSON
 * Schema (draft 2020-12) of the profile.  Both are made from the schema
 * table, so they can never disagree with what the reader accepts.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "input/schema.h"

/* The path of the object (or the array's items, "x[]") a field belongs to:
 * its path up to the last dot; "" for the top level. */
static void parent_of(const char *path, char *buf, size_t n)
{
	const char *dot = strrchr(path, '.');
	size_t k = dot ? (size_t)(dot - path) : 0;
	if (k >= n)
		k = n - 1;
	memcpy(buf, path, k);
	buf[k] = '\0';
}

static const char *last_key(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot ? dot + 1 : path;
}

/* What a field takes, in words, for a comment. */
static void takes(const ac_field *f, strbuf *sb)
{
	switch (f->type) {
	case AC_FIELD_STRING: sb_puts(sb, "text"); break;
	case AC_FIELD_BOOL: sb_puts(sb, "true or false"); break;
	case AC_FIELD_ENUM: sb_printf(sb, "one of %s", ac_enum_list((ac_enum_kind)f->enum_kind)); break;
	case AC_FIELD_ENUM_LIST: sb_printf(sb, "a list of any of %s", ac_enum_list((ac_enum_kind)f->enum_kind)); break;
	case AC_FIELD_STRING_LIST: sb_puts(sb, "a list of texts"); break;
	case AC_FIELD_NUMBER:
	case AC_FIELD_INTEGER:
		sb_printf(sb, "a %s %s %.15g %s %.15g", f->type == AC_FIELD_INTEGER ? "whole number" : "number",
			  f->min_exclusive ? "greater than" : "from", f->min, f->min_exclusive ? "and at most" : "to",
			  f->max);
		break;
	case AC_FIELD_ARRAY: sb_puts(sb, "a list"); break;
	case AC_FIELD_OBJECT: sb_puts(sb, "a group of answers"); break;
	}
}

static json_t *comment(const ac_field *f, int with_takes)
{
	strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, f->help);
	if (with_takes) {
		sb_puts(&sb, "; ");
		takes(f, &sb);
	}
	char *s = sb_take(&sb, NULL);
	json_t *j = s ? json_string(s) : NULL;
	free(s);
	return j;
}

/* 1 when the object at path may be given empty ({}). */
static int empty_allowed(const char *path)
{
	ac_profile *p = NULL;
	ac_diags d;
	ac_diags_init(&d);
	int ok = ac_profile_new(&p) == AC_OK && ac_profile_set(p, path, "{}", &d) == AC_OK;
	ac_profile_free(p);
	ac_diags_free(&d);
	return ok;
}

/* The comment of a list of objects or of an object left null: each of its
 * fields and what it takes. */
static json_t *fields_comment(const ac_field *parent)
{
	strbuf sb;
	sb_init(&sb);
	sb_printf(&sb, "%s; %s", parent->help,
		  parent->type == AC_FIELD_ARRAY ? "each is an object with" : "null, or an object with");
	char prefix[64];
	snprintf(prefix, sizeof prefix, "%s%s.", parent->path, parent->type == AC_FIELD_ARRAY ? "[]" : "");
	for (size_t i = 0; i < ac_schema_count(); i++) {
		const ac_field *f = ac_schema_at(i);
		if (strncmp(f->path, prefix, strlen(prefix)) != 0)
			continue;
		sb_printf(&sb, " %s (%s%s: ", last_key(f->path), f->help, f->required ? ", required" : "");
		takes(f, &sb);
		sb_puts(&sb, ");");
	}
	sb.len &&sb.buf[sb.len - 1] == ';' ? (void)(sb.buf[--sb.len] = '\0') : (void)0;
	char *s = sb_take(&sb, NULL);
	json_t *j = s ? json_string(s) : NULL;
	free(s);
	return j;
}

static ac_status dump(json_t *doc, char **out, size_t *len)
{
	char *text = doc ? ac_json_text(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER, NULL) : NULL;
	json_decref(doc);
	if (!text)
		return AC_ENOMEM;
	char *s = ac_strdup_printf("%s\n", text);
	free(text);
	if (!s)
		return AC_ENOMEM;
	*out = s;
	if (len)
		*len = strlen(s);
	return AC_OK;
}

ac_status ac_profile_starter(char **out, size_t *len)
{
	*out = NULL;
	json_t *root = json_object(), *nodes = json_object();
	if (!root || !nodes) {
		json_decref(root);
		json_decref(nodes);
		return AC_ENOMEM;
	}
	json_object_set(nodes, "", root);
	for (size_t i = 0; i < ac_schema_count(); i++) {
		const ac_field *f = ac_schema_at(i);
		char parent[128], key[160];
		parent_of(f->path, parent, sizeof parent);
		json_t *into = json_object_get(nodes, parent);
		if (!into)
			continue; /* a field of each task: described in the task list's comment */
		snprintf(key, sizeof key, "// %s", last_key(f->path));
		if (strcmp(f->path, "schema") == 0) {
			json_object_set_new(into, key, json_string("the profile format; keep it as it is"));
			json_object_set_new(into, "schema", json_string(AC_PROFILE_SCHEMA));
			continue;
		}
		if (f->type == AC_FIELD_OBJECT && !empty_allowed(f->path)) {
			/* An object that needs some answer to be given at all: left
			 * null, its fields listed in the comment. */
			json_object_set_new(into, key, fields_comment(f));
			json_object_set_new(into, last_key(f->path), json_null());
		} else if (f->type == AC_FIELD_OBJECT) {
			json_t *o = json_object();
			json_object_set_new(into, key, comment(f, 0));
			json_object_set_new(into, last_key(f->path), o);
			json_object_set(nodes, f->path, o);
		} else if (f->type == AC_FIELD_ARRAY) {
			json_object_set_new(into, key, fields_comment(f));
			json_object_set_new(into, last_key(f->path), json_array());
		} else {
			json_object_set_new(into, key, comment(f, 1));
			json_object_set_new(into, last_key(f->path), json_null());
		}
	}
	json_decref(nodes);
	json_t *doc = json_object();
	json_object_set_new(doc, "//",
			    json_string("A starter profile for aicert: replace null with an answer where "
					"you know one and leave null where you do not (it counts as "
					"\"don't know\").  Lines whose name starts with // are comments "
					"and may stay or go.  Then: aicert assess FILE"));
	json_object_update(doc, root);
	json_decref(root);
	return dump(doc, out, len);
}

/* One field's JSON Schema; every answer but a required one may be null (unknown). */
static json_t *field_schema(const ac_field *f)
{
	json_t *s = json_object();
	json_object_set_new(s, "description", json_string(f->help));
	const char *t = NULL;
	switch (f->type) {
	case AC_FIELD_OBJECT:
		json_object_set_new(s, "type", json_pack("[s,s]", "object", "null"));
		json_object_set_new(s, "properties", json_object());
		json_object_set_new(s, "patternProperties", json_pack("{s:{}}", "^//"));
		json_object_set_new(s, "additionalProperties", json_false());
		return s;
	case AC_FIELD_ARRAY: {
		json_t *items = json_object();
		json_object_set_new(items, "type", json_string("object"));
		json_object_set_new(items, "properties", json_object());
		json_object_set_new(items, "patternProperties", json_pack("{s:{}}", "^//"));
		json_object_set_new(items, "additionalProperties", json_false());
		json_object_set_new(s, "type", json_string("array"));
		json_object_set_new(s, "maxItems", json_integer((json_int_t)f->max));
		json_object_set_new(s, "items", items);
		return s;
	}
	case AC_FIELD_ENUM:
	case AC_FIELD_ENUM_LIST: {
		json_t *names = json_array();
		for (int v = 1; v <= ac_enum_count((ac_enum_kind)f->enum_kind); v++)
			json_array_append_new(names, json_string(ac_enum_name((ac_enum_kind)f->enum_kind, v)));
		if (f->type == AC_FIELD_ENUM) {
			if (!f->required)
				json_array_append_new(names, json_null());
			json_object_set_new(s, "enum", names);
			return s;
		}
		json_object_set_new(s, "type", json_pack("[s,s]", "array", "null"));
		json_object_set_new(s, "items", json_pack("{s:o}", "enum", names));
		json_object_set_new(s, "uniqueItems", json_true());
		return s;
	}
	case AC_FIELD_STRING_LIST:
		json_object_set_new(s, "type", json_pack("[s,s]", "array", "null"));
		json_object_set_new(s, "items", json_pack("{s:s}", "type", "string"));
		json_object_set_new(s, "maxItems", json_integer((json_int_t)f->max));
		return s;
	case AC_FIELD_STRING: t = "string"; break;
	case AC_FIELD_BOOL: t = "boolean"; break;
	case AC_FIELD_NUMBER: t = "number"; break;
	case AC_FIELD_INTEGER: t = "integer"; break;
	}
	if (strcmp(f->path, "schema") == 0) {
		json_object_set_new(s, "enum", json_pack("[s,s]", AC_PROFILE_SCHEMA, AC_PROFILE_SCHEMA_V1));
		return s;
	}
	json_object_set_new(s, "type", f->required ? json_string(t) : json_pack("[s,s]", t, "null"));
	if (f->type == AC_FIELD_STRING)
		json_object_set_new(s, "maxLength", json_integer(AC_MAX_STRING));
	if (f->type == AC_FIELD_NUMBER || f->type == AC_FIELD_INTEGER) {
		json_object_set_new(s, f->min_exclusive ? "exclusiveMinimum" : "minimum", json_real(f->min));
		json_object_set_new(s, "maximum", json_real(f->max));
	}
	return s;
}

ac_status ac_schema_json_schema(char **out, size_t *len)
{
	*out = NULL;
	json_t *doc = json_object(), *nodes = json_object();
	if (!doc || !nodes) {
		json_decref(doc);
		json_decref(nodes);
		return AC_ENOMEM;
	}
	json_object_set_new(doc, "$schema", json_string("https://json-schema.org/draft/2020-12/schema"));
	json_object_set_new(doc, "$id", json_string("https://aicert.invalid/schema/profile/v2.json"));
	json_object_set_new(doc, "title", json_string("aicert profile"));
	json_object_set_new(doc, "description",
			    json_string("One person's answers for aicert's decision model (" AC_PROFILE_SCHEMA
					"). Every answer but the schema may be left out or null: unknown."));
	json_object_set_new(doc, "type", json_string("object"));
	json_object_set_new(doc, "properties", json_object());
	json_object_set_new(doc, "patternProperties", json_pack("{s:{}}", "^//"));
	json_object_set_new(doc, "additionalProperties", json_false());
	json_object_set(nodes, "", doc);
	for (size_t i = 0; i < ac_schema_count(); i++) {
		const ac_field *f = ac_schema_at(i);
		char parent[128];
		parent_of(f->path, parent, sizeof parent);
		json_t *into = json_object_get(nodes, parent);
		if (!into)
			continue;
		json_t *s = field_schema(f);
		json_object_set_new(json_object_get(into, "properties"), last_key(f->path), s);
		if (f->required) {
			json_t *req = json_object_get(into, "required");
			if (!req)
				json_object_set_new(into, "required", req = json_array());
			json_array_append_new(req, json_string(last_key(f->path)));
		}
		if (f->type == AC_FIELD_OBJECT)
			json_object_set(nodes, f->path, s);
		else if (f->type == AC_FIELD_ARRAY) {
			char items[160];
			snprintf(items, sizeof items, "%s[]", f->path);
			json_object_set(nodes, items, json_object_get(s, "items"));
		}
	}
	json_decref(nodes);
	return dump(doc, out, len);
}
