/*
 * fuzz_search.c — a fuzz target for title search over the shipped
 * occupation data: any typed words end in matches or a clean refusal;
 * matches come best first, at most the limit, one per occupation, each with
 * a confidence in (0, 1] and a code the database can look up and show.
 * The database is the build tree's (AICERT_FUZZ_DB, set by the build).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "aicert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ac_session *session;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ac_diags d;
	ac_diags_init(&d);
	if (!session) {
		ac_session_options o;
		ac_session_options_init(&o);
		o.data_path = AICERT_FUZZ_DB;
		if (ac_session_new(&o, &session, &d) != AC_OK || !ac_session_occdata(session))
			__builtin_trap(); /* the build tree's database must be there */
	}
	char words[AC_MAX_STRING + 1];
	size_t n = size < AC_MAX_STRING ? size : AC_MAX_STRING;
	memcpy(words, data, n);
	words[n] = '\0';

	enum { LIMIT = 10 };
	ac_occ_match *m = NULL;
	size_t found = 0;
	ac_occdata *db = ac_session_occdata(session);
	ac_status st = ac_occdata_search(db, words, LIMIT, &m, &found, &d);
	if (st != AC_OK && st != AC_EINPUT)
		__builtin_trap();
	if (st == AC_EINPUT && !ac_diags_count(&d))
		__builtin_trap(); /* a refusal says why */
	if (found > LIMIT)
		__builtin_trap();
	for (size_t i = 0; i < found; i++) {
		const ac_occ_match *mi = ac_occ_matches_at(m, i);
		double conf = ac_occ_match_confidence(mi);
		if (!(conf > 0 && conf <= 1) || !ac_occ_match_code(mi) || !ac_occ_match_title(mi) ||
		    !ac_occ_match_matched(mi))
			__builtin_trap();
		if (i && conf > ac_occ_match_confidence(ac_occ_matches_at(m, i - 1)))
			__builtin_trap(); /* best first */
		for (size_t j = 0; j < i; j++)
			if (strcmp(ac_occ_match_code(mi), ac_occ_match_code(ac_occ_matches_at(m, j))) == 0)
				__builtin_trap(); /* one row per occupation */
	}
	for (int f = AC_FORMAT_TEXT; f <= AC_FORMAT_JSON; f++) {
		char *out = NULL;
		size_t len = 0;
		ac_status s2 = ac_session_occupation_search(session, words, LIMIT, (ac_format)f, &out, &len, &d);
		if (s2 != st)
			__builtin_trap(); /* the rendered search agrees with the search */
		ac_free(out);
		if (found && f == AC_FORMAT_JSON) {
			s2 = ac_session_occupation_show(session, ac_occ_match_code(ac_occ_matches_at(m, 0)),
							(ac_format)f, &out, &len, &d);
			if (s2 != AC_OK)
				__builtin_trap(); /* a code found can be shown */
			ac_free(out);
		}
	}
	ac_occ_matches_free(m, found);
	ac_diags_free(&d);
	return 0;
}
