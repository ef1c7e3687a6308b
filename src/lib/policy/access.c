/*
 * access.c — the policy as the public header shows it: the built-in policy,
 * its name and version, the category defaults, the GWA table and the
 * comparison rule.  Small accessors over what reader.c built.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "core/image.h"
#include "policy/policy.h"

extern const char ac_embedded_policy[];
extern const size_t ac_embedded_policy_len;
extern const size_t ac_embedded_wording_len;

/* The built-in policy and its wording as the build read them (core/image.h),
 * from texts of these lengths: ac_policy_image_from[]. */
AC_IMAGE_DECLARE(ac_policy_image);

const char *ac_policy_default_text(void)
{
	return ac_embedded_policy;
}

/* The image made whole once per process: each pointer moved to where the
 * bytes are.  NULL when there is none for these texts. */
static ac_policy *image_policy(void)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static ac_policy *image;
	if (!ac_policy_image_len || ac_policy_image_from[0] != ac_embedded_policy_len ||
	    ac_policy_image_from[1] != ac_embedded_wording_len)
		return NULL;
	pthread_mutex_lock(&lock);
	if (!image) {
		image = ac_image_place(ac_policy_image, ac_policy_image_pointers, ac_policy_image_n_pointers,
				       ac_policy_image_root);
		ac_wording_builtin_offer(image->wording);
	}
	pthread_mutex_unlock(&lock);
	return image;
}

ac_status ac_policy_default(ac_policy **out, ac_diags *diags)
{
	if ((*out = image_policy()) != NULL)
		return AC_OK;
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
