/*
 * fuzz_dbread.c — a fuzz target for the occupation-database reader on
 * damaged files.  A small valid database (the test fixture, imported once)
 * is copied with the fuzz bytes written over it, XORed into it, or cut at a
 * place they name; the copy is opened through the public API, and a lookup,
 * a title search, the percentiles and an assessment of a profile naming an
 * occupation (role.occupation) run on it.  Each must end in a clean refusal
 * (a diagnostic) or output that renders; sanitizers catch the rest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "../support/occ_test_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char profile_text[] =
	"{\"schema\": \"aicert/profile/v1\", \"label\": \"fuzzed database\","
	" \"role\": {\"title\": \"Financial analyst\", \"occupation\": \"13-2051.00\", \"tasks\": [],"
	" \"leverage_test\": \"pay\"}, \"ai_use\": {\"tested_in_role\": true},"
	" \"motives\": [\"capability_gap\"], \"capability_gap\": \"forecasting\"}";

/* Made once: the harness, not the library, keeps this state. */
static char root[512], damaged[600];
static char *valid;
static size_t valid_len;
static ac_profile *profile;

static void remove_root(void)
{
	occ_test_rmtree(root);
}

static void set_up(void)
{
	char db[600];
	ac_diags d;
	ac_diags_init(&d);
	if (occ_test_tmpdir(root, sizeof root) != 0)
		occ_test_fail("cannot make a temporary folder");
	atexit(remove_root);
	snprintf(db, sizeof db, "%s/valid.db", root);
	snprintf(damaged, sizeof damaged, "%s/damaged.db", root);
	if (ac_occdata_import_with(OCC_FIXTURE_DIR "/good", db, AC_IMPORT_SAMPLE, &d) != AC_OK ||
	    !(valid = occ_test_read(db, &valid_len)) || valid_len == 0 ||
	    ac_profile_parse(profile_text, sizeof profile_text - 1, "fuzz", &profile, &d) != AC_OK)
		occ_test_fail("cannot import the fixture and parse the profile");
	ac_diags_free(&d);
}

/* The damaged copy: bytes 0-3 give a place in the file, byte 4 what to do
 * there (write the rest over it, XOR the rest into it, or end the file). */
static void write_damaged(const uint8_t *data, size_t size)
{
	char *copy = malloc(valid_len);
	if (!copy)
		occ_test_fail("out of memory");
	memcpy(copy, valid, valid_len);
	size_t at = ((size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 | (size_t)data[3] << 24) % valid_len;
	size_t len = valid_len, n = size - 5;
	const uint8_t *bytes = data + 5;
	switch (data[4] % 3) {
	case 0:
		for (size_t i = 0; i < n && at + i < valid_len; i++)
			copy[at + i] = (char)bytes[i];
		break;
	case 1:
		for (size_t i = 0; i < n && at + i < valid_len; i++)
			copy[at + i] ^= (char)bytes[i];
		break;
	default:
		len = at;
	}
	FILE *f = fopen(damaged, "wb");
	if (!f || fwrite(copy, 1, len, f) != len || fclose(f) != 0)
		occ_test_fail("cannot write the damaged copy");
	free(copy);
}

/* A refusal must say why. */
static void said_why(const char *call, ac_status st, const ac_diags *d)
{
	if (st != AC_OK && ac_diags_count(d) == 0) {
		fprintf(stderr, "fuzz: %s failed (%s) without a diagnostic\n", call, ac_strerror(st));
		abort();
	}
}

static void read_it(void)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_occdata *db = NULL;
	ac_status st = ac_occdata_open(damaged, &db, &d);
	said_why("ac_occdata_open", st, &d);
	if (st == AC_OK) {
		ac_occupation *o = NULL;
		said_why("ac_occdata_occupation", st = ac_occdata_occupation(db, "13-2051", &o, &d), &d);
		ac_occupation_free(o);
		ac_occ_match *m = NULL;
		size_t n = 0;
		said_why("ac_occdata_search", st = ac_occdata_search(db, "financial analyst", 10, &m, &n, &d), &d);
		ac_occ_matches_free(m, n);
		double pct;
		said_why("ac_occdata_beta_percentile", ac_occdata_beta_percentile(db, 0.5, &pct, &d), &d);
		said_why("ac_occdata_exposure_percentile", ac_occdata_exposure_percentile(db, 0.5, &pct, &d), &d);
		ac_occdata_info *info = NULL;
		said_why("ac_occdata_info_get", ac_occdata_info_get(db, &info, &d), &d);
		ac_occdata_info_free(info);
		ac_occdata_close(db);
	}
	ac_diags_free(&d);
}

static void assess_with_it(void)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_session_options so;
	ac_session_options_init(&so);
	so.data_path = damaged;
	ac_session *s = NULL;
	ac_status st = ac_session_new(&so, &s, &d);
	said_why("ac_session_new", st, &d);
	if (st == AC_OK) {
		ac_assess_options ao;
		ac_assess_options_init(&ao);
		ao.as_of = "2026-06-01";
		ac_assessment *a = NULL;
		said_why("ac_session_assess", st = ac_session_assess(s, profile, &ao, &a, &d), &d);
		for (int f = AC_FORMAT_TEXT; st == AC_OK && f <= AC_FORMAT_MARKDOWN; f++) {
			char *out = NULL;
			size_t len = 0;
			if (ac_render(a, (ac_format)f, &out, &len) != AC_OK)
				occ_test_fail("an assessment did not render");
			ac_free(out);
		}
		ac_assessment_free(a);
		ac_session_free(s);
	}
	ac_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 5 || size > (1u << 20))
		return 0;
	if (!valid)
		set_up();
	write_damaged(data, size);
	read_it();
	assess_with_it();
	return 0;
}
