/*
 * fuzz_catalogue.c — a fuzz target for a catalogue of the user's own merged
 * over the built-in one: any text is merged whole or refused whole with
 * diagnostics; a merged catalogue lists, shows and filters every entry, and
 * a session over it assesses and compares a person who names one of them.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "aicert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char profile_head[] =
	"{\"schema\":\"aicert/profile/v1\",\"role\":{\"tasks\":[{\"name\":\"Reports\",\"share\":60,"
	"\"category\":\"standardized_reporting\"},{\"name\":\"Decisions\",\"share\":40,"
	"\"category\":\"judgment_decisions\"}],\"leverage_test\":\"yes\"},\"ai_use\":{\"tested_in_role\":true},"
	"\"motives\":[\"capability_gap\"],\"capability_gap\":\"SQL\",\"certification\":{\"id\":";

/* The profile above naming certificate id: its head, id as a JSON string
 * (every byte below 0x20, quote and backslash escaped), and "}}". */
static void json_string_id(char *buf, size_t cap, const char *id)
{
	size_t n = strlen(profile_head);
	memcpy(buf, profile_head, n);
	buf[n++] = '"';
	for (const char *c = id; *c && n + 8 < cap; c++) {
		unsigned char b = (unsigned char)*c;
		if (b < 0x20 || b == '"' || b == '\\') {
			static const char hex[] = "0123456789abcdef";
			memcpy(buf + n, "\\u00", 4);
			buf[n + 4] = hex[b >> 4];
			buf[n + 5] = hex[b & 15];
			n += 6;
		} else {
			buf[n++] = (char)b;
		}
	}
	memcpy(buf + n, "\"}}", 4);
}

/* Assesses and compares with a session whose catalogue is the fuzz text,
 * the profile naming the merged catalogue's last certificate (the text's
 * own, when it adds one). */
static void assess_with(const uint8_t *data, size_t size, const char *id)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_session_options o;
	ac_session_options_init(&o);
	o.catalogue_text = (const char *)data;
	o.catalogue_len = size;
	o.catalogue_source = "fuzz";
	o.no_data = 1;
	ac_session *s = NULL;
	if (ac_session_new(&o, &s, &d) != AC_OK)
		__builtin_trap(); /* the text merged on its own, so it merges here */
	char json[sizeof profile_head + 6 * AC_MAX_STRING + 8];
	json_string_id(json, sizeof json, id);
	ac_profile *p = NULL;
	if (ac_profile_parse(json, strlen(json), "p", &p, &d) == AC_OK) {
		ac_assessment *a = NULL;
		if (ac_session_assess(s, p, NULL, &a, &d) == AC_OK) {
			char *out = NULL;
			size_t len = 0;
			if (ac_render(a, AC_FORMAT_JSON, &out, &len) != AC_OK)
				__builtin_trap();
			ac_free(out);
			ac_assessment_free(a);
		}
		ac_compare_options co;
		ac_compare_options_init(&co);
		ac_comparison *c = NULL;
		if (ac_session_compare(s, p, &co, &c, &d) == AC_OK) {
			char *out = NULL;
			size_t len = 0;
			if (ac_comparison_render(c, AC_FORMAT_TEXT, &out, &len) != AC_OK)
				__builtin_trap();
			ac_free(out);
			ac_comparison_free(c);
		}
		ac_profile_free(p);
	}
	ac_session_free(s);
	ac_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_catalogue *cat = NULL;
	if (ac_catalogue_default(&cat, &d) != AC_OK)
		__builtin_trap();
	size_t before = ac_catalogue_count(cat);
	const ac_cert *first = ac_catalogue_at(cat, 0);
	char *first_json = ac_cert_to_json(first);
	ac_status st = ac_catalogue_merge(cat, (const char *)data, size, "fuzz", &d);
	if (st != AC_OK) {
		/* Refused whole: nothing changed, and the refusal says why. */
		char *again = ac_cert_to_json(ac_catalogue_at(cat, 0));
		if (ac_catalogue_count(cat) != before || !ac_diags_count(&d) || !again ||
		    strcmp(again, first_json) != 0)
			__builtin_trap();
		ac_free(again);
	} else {
		for (size_t i = 0; i < ac_catalogue_count(cat); i++) {
			const ac_cert *c = ac_catalogue_at(cat, i);
			if (ac_catalogue_find(cat, ac_cert_id(c)) != c)
				__builtin_trap(); /* every id finds its own entry */
			char *js = ac_cert_to_json(c);
			if (!js)
				__builtin_trap();
			ac_free(js);
			for (int f = AC_FORMAT_TEXT; f <= AC_FORMAT_JSON; f++) {
				char *out = NULL;
				size_t len = 0;
				if (ac_cert_render(c, (ac_format)f, &out, &len) != AC_OK)
					__builtin_trap();
				ac_free(out);
			}
		}
		ac_cert_filter f;
		ac_cert_filter_init(&f);
		f.words = "ai";
		char *out = NULL;
		size_t len = 0;
		if (ac_certs_render(cat, &f, AC_FORMAT_TEXT, &out, &len) != AC_OK)
			__builtin_trap();
		ac_free(out);
		/* A session reads the policy again and compare assesses every
		 * entry: one merged text in eight goes that far, chosen by its
		 * bytes, so the merge itself is tried often. */
		if (data[size / 2] % 8 == 0)
			assess_with(data, size, ac_cert_id(ac_catalogue_at(cat, ac_catalogue_count(cat) - 1)));
	}
	ac_free(first_json);
	ac_catalogue_free(cat);
	ac_diags_free(&d);
	return 0;
}
