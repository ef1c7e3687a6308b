/*
 * fuzz_policy.c — a fuzz target for the policy parser: any text must be
 * accepted or refused with diagnostics, never crash; an accepted policy must
 * be able to assess an example profile and render the assessment in every
 * format.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "aicert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char profile_json[] =
	"{\"schema\":\"aicert/profile/v1\",\"role\":{\"tasks\":[{\"name\":\"Reports\",\"share\":60,"
	"\"category\":\"standardized_reporting\"},{\"name\":\"Decisions\",\"share\":40,"
	"\"category\":\"judgment_decisions\"}],\"leverage_test\":\"unsure\"},\"ai_use\":{\"tested_in_role\":true},"
	"\"motives\":[\"capability_gap\"],\"capability_gap\":\"SQL\"}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_session_options o;
	ac_session_options_init(&o);
	o.policy_text = (const char *)data;
	o.policy_len = size;
	o.policy_source = "fuzz";
	o.no_data = 1;
	ac_session *s = NULL;
	ac_status st = ac_session_new(&o, &s, &d);
	if (st == AC_OK) {
		ac_profile *p = NULL;
		if (ac_profile_parse(profile_json, strlen(profile_json), "p", &p, &d) != AC_OK)
			__builtin_trap();
		ac_assessment *a = NULL;
		st = ac_session_assess(s, p, NULL, &a, &d);
		if (st != AC_OK && st != AC_ENOMEM)
			__builtin_trap(); /* a valid policy always yields a verdict */
		for (int f = AC_FORMAT_TEXT; a && f <= AC_FORMAT_HTML; f++) {
			char *out = NULL;
			size_t len = 0;
			if (ac_render(a, (ac_format)f, &out, &len) != AC_OK)
				__builtin_trap(); /* and the verdict always renders */
			ac_free(out);
		}
		ac_assessment_free(a);
		ac_profile_free(p);
		ac_session_free(s);
	} else if (ac_diags_count(&d) == 0) {
		__builtin_trap(); /* a refusal always says why */
	}
	ac_diags_free(&d);
	return 0;
}
