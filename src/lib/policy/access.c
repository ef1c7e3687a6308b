/*
 * access.c — the policy as the public header shows it: the built-in policy,
 * its name and version, the category defaults, the GWA table and the
 * comparison rule.  Small accessors over what reader.c built.
 */
#include <string.h>

#include "policy/policy.h"

extern const char ac_embedded_policy[];
extern const size_t ac_embedded_policy_len;

const char *ac_policy_default_text(void)
{
	return ac_embedded_policy;
}

ac_status ac_policy_default(ac_policy **out, ac_diags *diags)
{
	ac_status st = ac_policy_parse(ac_embedded_policy, ac_embedded_policy_len, "(built-in policy)", out, diags);
	return st == AC_EINPUT ? AC_EINTERNAL : st;
}

const char *ac_policy_name(const ac_policy *p)
{
	return p->name;
}

const char *ac_policy_version(const ac_policy *p)
{
	return p->version;
}

double ac_policy_category_exposure(const ac_policy *p, int category)
{
	if (category < 1 || category > AC_CAT__COUNT)
		return 0;
	return p->categories[category].exposure;
}

int ac_policy_gwa_category(const ac_policy *p, const char *gwa_id)
{
	if (!gwa_id)
		return 0;
	for (size_t i = 0; i < p->n_gwa; i++)
		if (strcmp(p->gwa_ids[i], gwa_id) == 0)
			return p->gwa_cats[i];
	return 0;
}

const char *ac_policy_compare_statement(const ac_policy *p)
{
	return p->compare_statement;
}

size_t ac_policy_compare_keys(const ac_policy *p, const char *const **keys)
{
	*keys = (const char *const *)p->compare_keys;
	return p->n_compare_keys;
}
