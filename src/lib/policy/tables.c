/*
 * tables.c — the policy's data sections: the thresholds, the category
 * defaults, the words of each certificate domain, the O*NET work-activity
 * table, the comparison rule of `aicert compare`, what counts as a fit
 * ([fit]) and the estimate of missing preparation hours ([preparation]).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/reader.h"

/* ------------------------------------------------------------ [thresholds] */

static void thresholds_open(reader *r, const char *arg, int arg_col)
{
	(void)arg;
	(void)arg_col;
	if (!r->thresholds_line)
		r->thresholds_line = r->line;
}

static void thresholds_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	int t = ac_threshold_find(key, strlen(key));
	double x;
	if (t < 0)
		ac_reader_error(r, key_col, "unknown threshold '%s' (see 'aicert policy show' for the list)", key);
	else if (p->threshold_set[t])
		ac_reader_error(r, key_col, "threshold '%s' is set twice (first on line %d)", key,
				ac_reader_first_line(r, key));
	else if (!ac_reader_number(value, &x) || x < 0)
		ac_reader_error(r, value_col, "threshold '%s': found '%s', expected a number of 0 or more", key, value);
	else {
		p->thresholds[t] = x;
		p->threshold_set[t] = 1;
	}
}

static void thresholds_complete(reader *r)
{
	r->line = r->thresholds_line ? r->thresholds_line : r->eof_line;
	for (int t = 0; t < AC_TH__COUNT; t++)
		if (!r->pol->threshold_set[t]) {
			const char *desc, *name = ac_threshold_name(t, &desc);
			ac_reader_error(r, 0, "[thresholds] does not set '%s' (%s)", name, desc);
		}
	r->line = r->eof_line;
}

const ac_section_kind ac_sec_thresholds = {"thresholds",   0,   thresholds_open, thresholds_assign, thresholds_complete,
					   AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [category NAME] */

static void category_open(reader *r, const char *arg, int arg_col)
{
	ac_policy *p = r->pol;
	r->idx = ac_enum_value(AC_ENUM_CATEGORY, arg);
	if (!r->idx) {
		ac_reader_error(r, arg_col, "unknown category '%s'; expected one of %s", arg,
				ac_enum_list(AC_ENUM_CATEGORY));
		ac_reader_refuse(r);
	} else if (p->categories[r->idx].defined)
		ac_reader_error(r, arg_col, "category '%s' is defined twice (first on line %d)", arg,
				ac_reader_first_line(r, NULL));
	else
		p->categories[r->idx].defined = 1;
}

static void category_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_category_policy *c = &r->pol->categories[r->idx];
	double x;
	if (strcmp(key, "repeatable") == 0) {
		if (strcmp(value, "yes") == 0)
			c->repeatable = 1;
		else if (strcmp(value, "partly") == 0)
			c->partly = 1;
		else if (strcmp(value, "no") != 0)
			ac_reader_error(r, value_col, "repeatable: found '%s', expected yes, partly or no", value);
		c->defined |= 2; /* repeatable seen */
	} else if (strcmp(key, "exposure") == 0) {
		if (!ac_reader_number(value, &x) || x < 0 || x > 1)
			ac_reader_error(r, value_col, "exposure: found '%s', expected a number from 0 to 1", value);
		else {
			c->exposure = x;
			c->defined |= 4;
		}
	} else if (strcmp(key, "covers") == 0)
		ac_reader_text(r, &c->covers, key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "repeatable, exposure or covers");
}

static void category_complete(reader *r)
{
	for (int c = 1; c <= AC_CAT__COUNT; c++)
		if ((r->pol->categories[c].defined & 7) != 7)
			ac_reader_error(r, 0, "[category %s] is missing or lacks 'repeatable' or 'exposure'",
					ac_enum_name(AC_ENUM_CATEGORY, c));
}

const ac_section_kind ac_sec_category = {"category",     1,   category_open, category_assign, category_complete,
					 AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [domain NAME] */

static void domain_open(reader *r, const char *arg, int arg_col)
{
	r->idx = ac_enum_value(AC_ENUM_DOMAIN, arg);
	if (!r->idx) {
		ac_reader_error(r, arg_col, "unknown domain '%s'; expected one of %s", arg,
				ac_enum_list(AC_ENUM_DOMAIN));
		ac_reader_refuse(r);
	}
}

static void domain_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	if (strcmp(key, "keywords") == 0)
		ac_reader_text(r, &r->pol->domain_keywords[r->idx], key, value, key_col, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "keywords");
}

const ac_section_kind ac_sec_domain = {"domain", 1, domain_open, domain_assign, NULL, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [gwa] */

static void gwa_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	int cat = ac_enum_value(AC_ENUM_CATEGORY, value);
	if (!cat) {
		ac_reader_error(r, value_col, "found '%s', expected a task category: %s", value,
				ac_enum_list(AC_ENUM_CATEGORY));
		return;
	}
	for (size_t i = 0; i < p->n_gwa; i++)
		if (strcmp(p->gwa_ids[i], key) == 0) {
			ac_reader_error(r, key_col, "work activity '%s' is mapped twice (first on line %d)", key,
					ac_reader_first_line(r, key));
			return;
		}
	size_t n = p->n_gwa;
	if (!ac_reader_grow(r, (void **)&p->gwa_ids, &n, sizeof *p->gwa_ids))
		return;
	n = p->n_gwa;
	if (!ac_reader_grow(r, (void **)&p->gwa_cats, &n, sizeof *p->gwa_cats))
		return;
	p->gwa_ids[p->n_gwa] = ac_reader_strdup(r, key);
	p->gwa_cats[p->n_gwa] = cat;
	p->n_gwa++;
}

const ac_section_kind ac_sec_gwa = {"gwa", 0, NULL, gwa_assign, NULL, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [compare] */

static void compare_order(reader *r, const char *value, int value_col)
{
	static const char *const allowed[] = {"available", "feasible", "verdict",  "fit",           "gap_fit",
					      "role_fit",  "weeks",    "cost_usd", "total_cost_usd"};
	ac_policy *p = r->pol;
	char *save = NULL, *copy = ac_reader_strdup(r, value);
	if (!copy)
		return;
	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		size_t k;
		for (k = 0; k < sizeof allowed / sizeof allowed[0]; k++)
			if (strcmp(allowed[k], tok) == 0)
				break;
		if (k == sizeof allowed / sizeof allowed[0]) {
			ac_reader_error(r, value_col,
					"order: unknown key '%s'; expected available, feasible, verdict, fit, gap_fit, "
					"role_fit, weeks, "
					"cost_usd or total_cost_usd",
					tok);
			break;
		}
		if (!ac_reader_grow(r, (void **)&p->compare_keys, &p->n_compare_keys, sizeof *p->compare_keys))
			break;
		p->compare_keys[p->n_compare_keys - 1] = ac_reader_strdup(r, tok);
	}
	free(copy);
}

static void compare_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	if (strcmp(key, "statement") == 0)
		ac_reader_text(r, &p->compare_statement, key, value, key_col, value_col);
	else if (strcmp(key, "order") == 0 && !p->compare_keys)
		compare_order(r, value, value_col);
	else
		ac_reader_unknown_key(r, key, key_col, "order or statement (each once)");
}

static void compare_complete(reader *r)
{
	if (!r->pol->n_compare_keys || !r->pol->compare_statement)
		ac_reader_error(r, 0, "[compare] needs 'order' and 'statement'");
}

const ac_section_kind ac_sec_compare = {"compare", 0, NULL, compare_assign, compare_complete, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [fit] */

/* A number from lo to hi; 0 (after an error) when it is not. */
static int number_in(reader *r, const char *key, const char *value, int value_col, double lo, double hi, double *out)
{
	if (!ac_reader_number(value, out) || *out < lo || *out > hi) {
		ac_reader_error(r, value_col, "%s: found '%s', expected a number from %g to %g", key, value, lo, hi);
		return 0;
	}
	return 1;
}

/* levels = foundational 1-5, associate 2-5, ... */
static void fit_levels(reader *r, const char *value, int value_col)
{
	ac_policy *p = r->pol;
	char *save = NULL, *copy = ac_reader_strdup(r, value);
	for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save)) {
		char name[32];
		int lo, hi, used = 0;
		int lvl = 0;
		if (sscanf(tok, " %31[a-z_] %d-%d %n", name, &lo, &hi, &used) == 3 && !tok[used])
			lvl = ac_enum_value(AC_ENUM_LEVEL, name);
		if (!lvl || lo < 1 || hi > 5 || lo > hi) {
			ac_reader_error(
				r, value_col,
				"levels: found '%s', expected a certificate level and the person's levels it suits, "
				"such as 'associate 2-5' (levels 1 to 5)",
				tok + strspn(tok, " "));
			break;
		}
		p->level_lo[lvl] = lo;
		p->level_hi[lvl] = hi;
	}
	free(copy);
}

/* technical_domains = ml_engineering, genai_development, ... */
static void fit_domains(reader *r, const char *value, int value_col)
{
	char *save = NULL, *copy = ac_reader_strdup(r, value);
	for (char *tok = copy ? strtok_r(copy, ", ", &save) : NULL; tok; tok = strtok_r(NULL, ", ", &save)) {
		int d = ac_enum_value(AC_ENUM_DOMAIN, tok);
		if (!d) {
			ac_reader_error(r, value_col, "technical_domains: found '%s', expected one of %s", tok,
					ac_enum_list(AC_ENUM_DOMAIN));
			break;
		}
		r->pol->technical_domain[d] = 1;
	}
	free(copy);
}

static void fit_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	p->fit_set = 1;
	if (strcmp(key, "fits_from") == 0)
		number_in(r, key, value, value_col, 0, 1, &p->fit_from);
	else if (strcmp(key, "off_level") == 0)
		number_in(r, key, value, value_col, 0, 1, &p->off_level);
	else if (strcmp(key, "levels") == 0)
		fit_levels(r, value, value_col);
	else if (strcmp(key, "technical_from") == 0)
		number_in(r, key, value, value_col, 0, 1, &p->technical_from);
	else if (strcmp(key, "technical_domains") == 0)
		fit_domains(r, value, value_col);
	else
		ac_reader_unknown_key(r, key, key_col,
				      "fits_from, levels, off_level, technical_domains or technical_from");
}

const ac_section_kind ac_sec_fit = {"fit", 0, NULL, fit_assign, NULL, AC_STAGE_AFTER, NULL};

/* ------------------------------------------------------------ [preparation] */

static void preparation_assign(reader *r, const char *key, char *value, int key_col, int value_col)
{
	ac_policy *p = r->pol;
	int lvl = ac_enum_value(AC_ENUM_LEVEL, key), fmt = lvl ? 0 : ac_enum_value(AC_ENUM_FORMAT, key);
	p->prep_set = 1;
	if (strcmp(key, "low") == 0)
		number_in(r, key, value, value_col, 0.01, 1, &p->prep_low);
	else if (strcmp(key, "high") == 0)
		number_in(r, key, value, value_col, 1, 100, &p->prep_high);
	else if (lvl)
		number_in(r, key, value, value_col, 0, 100000, &p->prep_by_level[lvl]);
	else if (fmt)
		number_in(r, key, value, value_col, 0, 100000, &p->prep_by_format[fmt]);
	else
		ac_reader_unknown_key(r, key, key_col, "a certificate level, a format, low or high");
}

static void preparation_complete(reader *r)
{
	ac_policy *p = r->pol;
	if (p->prep_set && (!p->prep_low || !p->prep_high))
		ac_reader_error(r, 0, "[preparation] needs 'low' and 'high' (the range around an estimate)");
}

const ac_section_kind ac_sec_preparation = {"preparation",  0,   NULL, preparation_assign, preparation_complete,
					    AC_STAGE_AFTER, NULL};
