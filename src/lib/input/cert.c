/*
 * cert.c — one certificate as a value: freeing and deep-copying an ac_cert,
 * its canonical JSON form (the catalogue's own entry format, unknown values
 * kept as null), the filter `aicert certs` and the web page share, and the
 * cost arithmetic the engine reports (weeks, time value, cost per year).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aicert.h"
#include "core/date.h"
#include "core/json.h"
#include "core/options.h"
#include "input/cert.h"

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void free_sources(ac_cert_source *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].url);
		free_list(s[i].supports, s[i].n_supports);
	}
	free(s);
}

void ac_cert_free_fields(ac_cert *c)
{
	if (!c)
		return;
	free(c->id);
	free(c->url);
	free(c->successor);
	free(c->provider);
	free(c->name);
	free(c->exam_code);
	free(c->cost_note);
	free(c->hours_note);
	free(c->renewal);
	free(c->prerequisites);
	free(c->status_date);
	free(c->checked);
	free_list(c->roles, c->n_roles);
	free_list(c->keywords, c->n_keywords);
	free_sources(c->sources, c->n_sources);
	free_list(c->uncertain, c->n_uncertain);
	memset(c, 0, sizeof *c);
}

/* Copies a string; a NULL source gives NULL and counts as success. */
static int copy_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 1;
	*dst = strdup(src);
	return *dst != NULL;
}

static int copy_list(char ***dst, size_t *n_dst, char *const *src, size_t n)
{
	*dst = NULL;
	*n_dst = 0;
	if (!n)
		return 1;
	char **l = calloc(n, sizeof *l);
	if (!l)
		return 0;
	*dst = l;
	for (size_t i = 0; i < n; i++) {
		if (!copy_str(&l[i], src[i]))
			return 0;
		*n_dst = i + 1;
	}
	return 1;
}

static int copy_sources(ac_cert_source **dst, size_t *n_dst, const ac_cert_source *src, size_t n)
{
	*dst = NULL;
	*n_dst = 0;
	if (!n)
		return 1;
	ac_cert_source *l = calloc(n, sizeof *l);
	if (!l)
		return 0;
	*dst = l;
	for (size_t i = 0; i < n; i++) {
		*n_dst = i + 1;
		l[i].kind = src[i].kind;
		if (!copy_str(&l[i].url, src[i].url) ||
		    !copy_list(&l[i].supports, &l[i].n_supports, src[i].supports, src[i].n_supports))
			return 0;
	}
	return 1;
}

ac_status ac_cert_copy(ac_cert *dst, const ac_cert *src)
{
	*dst = *src;
	/* Clear every owned pointer first so a failure part-way frees cleanly. */
	dst->id = dst->provider = dst->name = dst->exam_code = NULL;
	dst->cost_note = dst->hours_note = dst->renewal = dst->prerequisites = NULL;
	dst->status_date = dst->checked = dst->url = dst->successor = NULL;
	dst->roles = dst->keywords = dst->uncertain = NULL;
	dst->sources = NULL;
	dst->n_roles = dst->n_keywords = dst->n_sources = dst->n_uncertain = 0;
	int ok = copy_str(&dst->id, src->id) && copy_str(&dst->provider, src->provider) &&
		 copy_str(&dst->name, src->name) && copy_str(&dst->exam_code, src->exam_code) &&
		 copy_str(&dst->cost_note, src->cost_note) && copy_str(&dst->hours_note, src->hours_note) &&
		 copy_str(&dst->renewal, src->renewal) && copy_str(&dst->prerequisites, src->prerequisites) &&
		 copy_str(&dst->status_date, src->status_date) && copy_str(&dst->checked, src->checked) &&
		 copy_str(&dst->url, src->url) && copy_str(&dst->successor, src->successor) &&
		 copy_list(&dst->roles, &dst->n_roles, src->roles, src->n_roles) &&
		 copy_list(&dst->keywords, &dst->n_keywords, src->keywords, src->n_keywords) &&
		 copy_sources(&dst->sources, &dst->n_sources, src->sources, src->n_sources) &&
		 copy_list(&dst->uncertain, &dst->n_uncertain, src->uncertain, src->n_uncertain);
	if (!ok) {
		ac_cert_free_fields(dst);
		return AC_ENOMEM;
	}
	return AC_OK;
}

/* ------------------------------------------------------------ cost arithmetic */

int ac_cert_retired_by(const ac_cert *c, long day)
{
	long retires;
	if (c->status != AC_STATUS_RETIRED && c->status != AC_STATUS_RETIRING)
		return 0;
	if (c->status_date && ac_date_parse(c->status_date, &retires))
		return retires <= day;
	return c->status == AC_STATUS_RETIRED;
}

void ac_cert_costs(const ac_cert *c, ac_num hours_per_week, ac_num hourly_pay_usd, ac_cert_cost *out)
{
	memset(out, 0, sizeof *out);
	if (c->hours.set && hours_per_week.set && hours_per_week.v > 0) {
		out->weeks.set = 1;
		out->weeks.v = c->hours.v / hours_per_week.v;
	}
	if (c->hours.set && hourly_pay_usd.set && hourly_pay_usd.v >= 0) {
		out->time_value_usd.set = 1;
		out->time_value_usd.v = c->hours.v * hourly_pay_usd.v;
	}
	if (c->cost_usd.set && out->time_value_usd.set) {
		out->total_cost_usd.set = 1;
		out->total_cost_usd.v = c->cost_usd.v + out->time_value_usd.v;
	}
	if (c->never_expires) {
		out->per_year_not_applicable = 1;
	} else if (c->cost_usd.set && c->validity_months.set && c->validity_months.v > 0) {
		out->cost_per_year_usd.set = 1;
		out->cost_per_year_usd.v = c->cost_usd.v / (c->validity_months.v / 12.0);
	}
}

/* ------------------------------------------------------------ the filter */

/* Case-insensitive (ASCII) substring search; an empty needle always matches. */
static int contains_nocase(const char *hay, const char *needle, size_t n)
{
	if (!hay)
		return 0;
	size_t h = strlen(hay);
	for (size_t i = 0; i + n <= h; i++) {
		size_t k = 0;
		while (k < n && tolower((unsigned char)hay[i + k]) == tolower((unsigned char)needle[k]))
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

static int list_contains(char *const *list, size_t n, const char *word, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (contains_nocase(list[i], word, len))
			return 1;
	return 0;
}

/* Does one search word occur in any of the searchable fields? */
int ac_cert_has_word(const ac_cert *c, const char *word, size_t len)
{
	return contains_nocase(c->id, word, len) || contains_nocase(c->provider, word, len) ||
	       contains_nocase(c->name, word, len) || contains_nocase(c->exam_code, word, len) ||
	       list_contains(c->keywords, c->n_keywords, word, len) || list_contains(c->roles, c->n_roles, word, len);
}

void ac_cert_terms(const ac_terms *T, const ac_cert *c, int with_name, ac_termset *gap_doc, ac_termset *role_doc)
{
	if (gap_doc) {
		if (with_name)
			ac_terms_of(T, c->name, gap_doc);
		for (size_t i = 0; i < c->n_keywords; i++)
			ac_terms_of(T, c->keywords[i], gap_doc);
		const char *dom = c->domain ? ac_enum_name(AC_ENUM_DOMAIN, c->domain) : NULL;
		if (dom) {
			char words[64];
			snprintf(words, sizeof words, "%s", dom);
			for (char *u = strchr(words, '_'); u; u = strchr(u, '_'))
				*u = ' ';
			ac_terms_of(T, words, gap_doc);
		}
	}
	for (size_t i = 0; role_doc && i < c->n_roles; i++)
		ac_terms_of(T, c->roles[i], role_doc);
}

const char *ac_cert_id(const ac_cert *c)
{
	return c->id;
}

const char *ac_cert_name(const ac_cert *c)
{
	return c->name ? c->name : c->id;
}

void ac_cert_filter_init_size(ac_cert_filter *f, size_t size)
{
	if (!ac_options_start(f, size))
		return;
}

int ac_cert_matches(const ac_cert *c, const ac_cert_filter *f)
{
	if (!c)
		return 0;
	if (!f)
		return 1;
	if (f->domain && c->domain != f->domain)
		return 0;
	if (f->level && c->level != f->level)
		return 0;
	if (f->status && c->status != f->status)
		return 0;
	if (f->provider && *f->provider && !contains_nocase(c->provider, f->provider, strlen(f->provider)))
		return 0;
	if (f->max_cost_usd.set && (!c->cost_usd.set || c->cost_usd.v > f->max_cost_usd.v))
		return 0;
	if (f->words) {
		const char *s = f->words;
		for (;;) {
			while (*s && isspace((unsigned char)*s))
				s++;
			if (!*s)
				break;
			const char *start = s;
			while (*s && !isspace((unsigned char)*s))
				s++;
			if (!ac_cert_has_word(c, start, (size_t)(s - start)))
				return 0;
		}
	}
	return 1;
}

/* ------------------------------------------------------------ canonical JSON */

/* Whole numbers are written as integers so the output reads like the input. */

static json_t *str_list(char *const *list, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(list[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static const char *const source_kinds[] = {NULL, "issuer", "provider", "other"};

const char *ac_cert_source_kind_name(int kind)
{
	return kind >= AC_SRC_ISSUER && kind <= AC_SRC_OTHER ? source_kinds[kind] : NULL;
}

int ac_cert_source_kind(const char *name)
{
	for (int k = AC_SRC_ISSUER; name && k <= AC_SRC_OTHER; k++)
		if (strcmp(name, source_kinds[k]) == 0)
			return k;
	return 0;
}

int ac_cert_supported_by(const ac_cert *c, const char *key, int kind)
{
	for (size_t i = 0; i < c->n_sources; i++) {
		if (c->sources[i].kind != kind)
			continue;
		for (size_t k = 0; k < c->sources[i].n_supports; k++)
			if (strcmp(c->sources[i].supports[k], key) == 0)
				return 1;
	}
	return 0;
}

static json_t *source_list(const ac_cert_source *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		json_t *o = json_object();
		int bad = !o || json_array_append_new(a, o) != 0;
		bad = bad || json_object_set_new(o, "url", ac_json_str(s[i].url)) ||
		      json_object_set_new(o, "kind", ac_json_str(ac_cert_source_kind_name(s[i].kind))) ||
		      json_object_set_new(o, "supports", str_list(s[i].supports, s[i].n_supports));
		if (bad) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

json_t *ac_cert_json(const ac_cert *c)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	/* The keys in the catalogue file's order; a NULL value (allocation
	 * failure) makes json_object_set_new fail, which we count. */
	int bad = 0;
	bad |= json_object_set_new(o, "id", ac_json_str(c->id));
	bad |= json_object_set_new(o, "provider", ac_json_str(c->provider));
	bad |= json_object_set_new(o, "name", ac_json_str(c->name));
	bad |= json_object_set_new(o, "exam_code", ac_json_str(c->exam_code));
	bad |= json_object_set_new(o, "url", ac_json_str(c->url));
	bad |= json_object_set_new(o, "level", ac_json_enum(AC_ENUM_LEVEL, c->level));
	bad |= json_object_set_new(o, "domain", ac_json_enum(AC_ENUM_DOMAIN, c->domain));
	bad |= json_object_set_new(o, "cost_usd", ac_json_num(c->cost_usd));
	bad |= json_object_set_new(o, "cost_note", ac_json_str(c->cost_note));
	bad |= json_object_set_new(o, "retake_usd", ac_json_num(c->retake_usd));
	bad |= json_object_set_new(o, "hours", ac_json_num(c->hours));
	bad |= json_object_set_new(o, "hours_note", ac_json_str(c->hours_note));
	bad |= json_object_set_new(o, "validity_months", ac_json_num(c->validity_months));
	bad |= json_object_set_new(o, "never_expires", json_boolean(c->never_expires));
	bad |= json_object_set_new(o, "renewal", ac_json_str(c->renewal));
	bad |= json_object_set_new(o, "prerequisites", ac_json_str(c->prerequisites));
	bad |= json_object_set_new(o, "gated", json_boolean(c->gated));
	bad |= json_object_set_new(o, "format", ac_json_enum(AC_ENUM_FORMAT, c->format));
	bad |= json_object_set_new(o, "status", ac_json_enum(AC_ENUM_STATUS, c->status));
	bad |= json_object_set_new(o, "status_date", ac_json_str(c->status_date));
	bad |= json_object_set_new(o, "successor", ac_json_str(c->successor));
	bad |= json_object_set_new(o, "roles", str_list(c->roles, c->n_roles));
	bad |= json_object_set_new(o, "keywords", str_list(c->keywords, c->n_keywords));
	bad |= json_object_set_new(o, "sources", source_list(c->sources, c->n_sources));
	bad |= json_object_set_new(o, "checked", ac_json_str(c->checked));
	bad |= json_object_set_new(o, "uncertain", str_list(c->uncertain, c->n_uncertain));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

char *ac_cert_to_json(const ac_cert *c)
{
	json_t *o = c ? ac_cert_json(c) : NULL;
	char *out = o ? ac_json_text(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15), NULL) : NULL;
	json_decref(o);
	return out;
}

int ac_cert_is_uncertain(const ac_cert *c, const char *field)
{
	for (size_t i = 0; i < c->n_uncertain; i++)
		if (strcmp(c->uncertain[i], field) == 0)
			return 1;
	return 0;
}
