/*
 * fuzz_profile.c — a fuzz target for the whole path a profile takes: parse,
 * assess (with the counterfactual search) and render in every format, then
 * compare the catalogue for the same person and render that.  Any input must
 * end in a clean refusal or a complete assessment; sanitizers catch the rest.  Built as a libFuzzer target with -DAICERT_FUZZ=ON (clang),
 * and always as part of fuzz_replay, which runs the test corpora through it.
 */
#include <stddef.h>
#include <stdint.h>

#include "aicert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loaded once: the harness, not the library, keeps this state. */
static ac_session *session;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ac_diags d;
	ac_diags_init(&d);
	if (!session) {
		ac_session_options o;
		ac_session_options_init(&o);
		o.no_data = 1;
		if (ac_session_new(&o, &session, &d) != AC_OK)
			__builtin_trap();
	}
	ac_profile *p = NULL;
	if (ac_profile_parse((const char *)data, size, "fuzz", &p, &d) == AC_OK) {
		ac_assessment *a = NULL;
		if (ac_session_assess(session, p, NULL, &a, &d) == AC_OK) {
			for (int f = AC_FORMAT_TEXT; f <= AC_FORMAT_HTML; f++) {
				char *out = NULL;
				size_t len = 0;
				if (ac_render(a, (ac_format)f, &out, &len) != AC_OK)
					__builtin_trap(); /* an assessment must always render */
				ac_free(out);
			}
			ac_assessment_free(a);
		}
		ac_compare_options co;
		ac_compare_options_init(&co);
		co.top = 3;
		ac_comparison *c = NULL;
		if (ac_session_compare(session, p, &co, &c, &d) == AC_OK) {
			for (int f = AC_FORMAT_TEXT; f <= AC_FORMAT_HTML; f++) {
				char *out = NULL;
				size_t len = 0;
				if (ac_comparison_render(c, (ac_format)f, &out, &len) != AC_OK)
					__builtin_trap(); /* a comparison always renders */
				ac_free(out);
			}
			ac_comparison_free(c);
		}
		ac_profile_free(p);
	}
	ac_diags_free(&d);
	return 0;
}
