/*
 * embed.c — a program that uses the installed libaicert through pkg-config,
 * as an embedding developer would: parse, assess, print the verdict.
 */
#include <stdio.h>
#include <string.h>
#include <aicert.h>
int main(void) {
	const char *json = "{\"schema\":\"aicert/profile/v1\",\"role\":{\"tasks\":[{\"name\":\"Reports\",\"share\":100,\"category\":\"standardized_reporting\"}],\"leverage_test\":\"headcount_cut\"},\"ai_use\":{\"tested_in_role\":true},\"motives\":[\"capability_gap\"],\"capability_gap\":\"SQL\"}";
	ac_diags d; ac_diags_init(&d);
	ac_policy *pol; ac_catalogue *cat; ac_profile *p; ac_assessment *a;
	ac_policy_default(&pol, &d); ac_catalogue_default(&cat, &d);
	if (ac_profile_parse(json, strlen(json), "inline", &p, &d) != AC_OK) return 2;
	ac_context ctx = {pol, cat, NULL, 1};
	if (ac_assess(p, &ctx, &a, &d) != AC_OK) return 1;
	printf("%s/%s, %zu counterfactuals\n", ac_enum_name(AC_ENUM_VERDICT, a->verdict), a->reason, a->n_counterfactuals);
	ac_assessment_free(a); ac_profile_free(p); ac_catalogue_free(cat); ac_policy_free(pol); ac_diags_free(&d);
	return 0;
}
