/*
 * embed.c — a program that uses the installed libaicert through pkg-config,
 * as an embedding developer would: open a session, parse, assess, print the
 * verdict and the headline.
 */
#include <stdio.h>
#include <string.h>
#include <aicert.h>
int main(void) {
	const char *json = "{\"schema\":\"aicert/profile/v1\",\"role\":{\"tasks\":[{\"name\":\"Reports\",\"share\":100,\"category\":\"standardized_reporting\"}],\"leverage_test\":\"headcount_cut\"},\"ai_use\":{\"tested_in_role\":true},\"motives\":[\"capability_gap\"],\"capability_gap\":\"SQL\"}";
	ac_diags d; ac_diags_init(&d);
	ac_session *s; ac_profile *p; ac_assessment *a;
	if (ac_session_new(NULL, &s, &d) != AC_OK) return 1;
	if (ac_profile_parse(json, strlen(json), "inline", &p, &d) != AC_OK) return 2;
	if (ac_session_assess(s, p, NULL, &a, &d) != AC_OK) return 1;
	printf("%s/%s: %s\n", ac_enum_name(AC_ENUM_VERDICT, ac_assessment_verdict(a)), ac_assessment_reason(a),
	       ac_assessment_headline(a) ? "headline" : "no headline");
	ac_assessment_free(a); ac_profile_free(p); ac_session_free(s); ac_diags_free(&d);
	return 0;
}
