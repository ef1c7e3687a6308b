/*
 * records.c — saving an assessment to the history and reading records back:
 * list, show, forget, export.  Every write is one transaction, so a process
 * killed at any moment leaves every committed record and nothing half
 * written.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/options.h"
#include "history/backend.h"

void ac_history_save_options_init_size(ac_history_save_options *o, size_t size)
{
	if (!ac_options_start(o, size))
		return;
}

/* ------------------------------------------------------------ saving */

ac_status hist_data_version(ac_session *s, char **out, ac_diags *diags)
{
	*out = NULL;
	ac_occdata *db = ac_session_occdata(s);
	ac_occdata_info *info = NULL;
	if (!db)
		return AC_OK;
	ac_status st = ac_occdata_info_get(db, &info, diags);
	if (st != AC_OK)
		return st;
	strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < ac_occdata_info_source_count(info); i++) {
		const ac_occ_source *src = ac_occdata_info_source(info, i);
		const char *name = ac_occ_source_text(src, AC_SOURCE_NAME);
		const char *version = ac_occ_source_text(src, AC_SOURCE_VERSION);
		sb_printf(&sb, "%s%s %s", i ? ", " : "", name ? name : "?", version ? version : "?");
	}
	ac_occdata_info_free(info);
	*out = sb_take(&sb, NULL);
	return *out ? AC_OK : AC_ENOMEM;
}

/* The policy text the record names: the caller's, checked against the
 * session's policy, or the built-in one. */
static ac_status policy_text(ac_session *s, const ac_history_save_options *o, const char **text, size_t *len,
			     ac_diags *diags)
{
	int given = o && AC_HAS_FIELD(o, ac_history_save_options, policy_len) && o->policy_text;
	*text = given ? o->policy_text : ac_policy_default_text();
	*len = given ? o->policy_len : strlen(*text);
	ac_policy *p = NULL;
	ac_status st = ac_policy_parse(*text, *len, "policy", &p, diags);
	const ac_policy *mine = ac_session_policy(s);
	if (st == AC_OK && (strcmp(ac_policy_name(p), ac_policy_name(mine)) != 0 ||
			    strcmp(ac_policy_version(p), ac_policy_version(mine)) != 0)) {
		ac_diags_add(diags, NULL, NULL, 0, 0,
			     "found a policy text (%s %s) that is not the session's policy "
			     "(%s %s), expected the text the session's policy was read from",
			     ac_policy_name(p), ac_policy_version(p), ac_policy_name(mine), ac_policy_version(mine));
		st = AC_EINPUT;
	}
	ac_policy_free(p);
	return st;
}

/* 1 when s is a date written YYYY-MM-DD. */
static int is_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return s[10] == '\0';
}

static void today(char *date, size_t n, char *stamp, size_t m)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, n, "%Y-%m-%d", &tm);
	strftime(stamp, m, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

ac_status hist_write(hist_backend *b, ac_session *s, const ac_profile *p, const ac_assessment *a,
		     const ac_history_save_options *o, const char *token, long long *id, ac_diags *diags)
{
	const char *ptext;
	size_t plen;
	ac_status st = policy_text(s, o, &ptext, &plen, diags);
	if (st != AC_OK)
		return st;
	char hash[65], date[16], stamp[32], *profile = NULL, *json = NULL, *data = NULL, *policy_copy = NULL;
	size_t profile_len = 0, json_len = 0;
	hist_sha256_hex(ptext, plen, hash);
	today(date, sizeof date, stamp, sizeof stamp);
	const char *as_of = o && AC_HAS_FIELD(o, ac_history_save_options, as_of) && o->as_of ? o->as_of : date;
	if (!is_date(as_of)) {
		ac_diags_add(diags, NULL, "as_of", 0, 0, "found \"%.40s\", expected a date as YYYY-MM-DD", as_of);
		return AC_EINPUT;
	}
	const ac_policy *pol = ac_session_policy(s);
	if ((st = ac_profile_write(p, &profile, &profile_len)) == AC_OK &&
	    (st = ac_render(a, AC_FORMAT_JSON, &json, &json_len)) == AC_OK &&
	    (st = (policy_copy = strndup(ptext, plen)) ? AC_OK : AC_ENOMEM) == AC_OK &&
	    (st = ac_session_catalogue(s) ? AC_OK : AC_ENOMEM) == AC_OK) /* NULL: no memory to read it */
		st = hist_data_version(s, &data, diags);
	if (st != AC_OK)
		ac_diags_add(diags, NULL, NULL, 0, 0, "saving: %s", ac_strerror(st));
	else
		st = b->exec(b, b->begin, "saving", diags);
	if (st == AC_OK) {
		const char *policy[] = {hash, ac_policy_name(pol), ac_policy_version(pol), policy_copy};
		const char *record[] = {stamp,
					as_of,
					ac_assessment_label(a),
					ac_enum_name(AC_ENUM_VERDICT, ac_assessment_verdict(a)),
					ac_assessment_reason(a),
					profile,
					json,
					ac_policy_name(pol),
					ac_policy_version(pol),
					hash,
					ac_catalogue_version(ac_session_catalogue(s)),
					data,
					ac_version(),
					token};
		char *new_id = NULL;
		st = b->query(b,
			      "INSERT INTO policies (hash, name, version, text) VALUES ($1, $2, $3, $4)"
			      " ON CONFLICT DO NOTHING",
			      policy, 4, NULL, 0, NULL, "saving", diags);
		if (st == AC_OK)
			st = b->query(
				b,
				"INSERT INTO assessments (saved_at, as_of, label, verdict, reason, profile,"
				" assessment, policy_name, policy_version, policy_hash, catalogue_version,"
				" data_version, aicert_version, token) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
				" $10, $11, $12, $13, $14) RETURNING id",
				record, 14, &new_id, 1, NULL, "saving", diags);
		if (st == AC_OK && id)
			*id = new_id ? atoll(new_id) : 0;
		free(new_id);
		if (st == AC_OK)
			st = b->exec(b, "COMMIT", "saving", diags);
		if (st != AC_OK) {
			ac_diags scratch; /* the write's own problem is the one to report */
			ac_diags_init(&scratch);
			b->exec(b, "ROLLBACK", "saving", &scratch);
			ac_diags_free(&scratch);
		}
	}
	ac_free(profile);
	ac_free(json);
	free(data);
	free(policy_copy);
	return st;
}

ac_status ac_history_save(ac_history *h, ac_session *s, const ac_profile *p, const ac_assessment *a,
			  const ac_history_save_options *o, long long *id, ac_diags *diags)
{
	hist_backend *b = NULL;
	ac_status st = hist_backend_sqlite(h, &b, diags);
	if (st == AC_OK)
		st = hist_write(b, s, p, a, o, NULL, id, diags);
	if (b)
		b->close(b);
	return st;
}

/* ------------------------------------------------------------ reading */

void hist_row(sqlite3_stmt *st, hist_record *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	char **cols[] = {&r->saved_at,       &r->as_of,         &r->label,       &r->verdict,
			 &r->reason,         &r->profile,       &r->assessment,  &r->policy_name,
			 &r->policy_version, &r->policy_hash,   &r->policy_text, &r->catalogue_version,
			 &r->data_version,   &r->aicert_version};
	for (int i = 0; i < (int)(sizeof cols / sizeof cols[0]); i++)
		*cols[i] = (char *)hist_text(st, i + 1);
}

void hist_record_from(char **cols, hist_record *r)
{
	memset(r, 0, sizeof *r);
	r->id = cols[0] ? atoll(cols[0]) : 0;
	free(cols[0]);
	char **fields[] = {&r->saved_at,       &r->as_of,         &r->label,       &r->verdict,
			   &r->reason,         &r->profile,       &r->assessment,  &r->policy_name,
			   &r->policy_version, &r->policy_hash,   &r->policy_text, &r->catalogue_version,
			   &r->data_version,   &r->aicert_version};
	for (int i = 0; i < HIST_COLUMNS - 1; i++)
		*fields[i] = cols[i + 1];
}

/* Makes the record's texts its own (they were borrowed from a row). */
static int own(hist_record *r)
{
	int oom = 0;
	char **cols[] = {&r->saved_at,       &r->as_of,         &r->label,       &r->verdict,
			 &r->reason,         &r->profile,       &r->assessment,  &r->policy_name,
			 &r->policy_version, &r->policy_hash,   &r->policy_text, &r->catalogue_version,
			 &r->data_version,   &r->aicert_version};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (*cols[i] && !(*cols[i] = strdup(*cols[i])))
			oom = 1;
	return oom ? -1 : 0;
}

void hist_record_free(hist_record *r)
{
	char *cols[] = {r->saved_at,       r->as_of,         r->label,       r->verdict,
			r->reason,         r->profile,       r->assessment,  r->policy_name,
			r->policy_version, r->policy_hash,   r->policy_text, r->catalogue_version,
			r->data_version,   r->aicert_version};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		free(cols[i]);
	memset(r, 0, sizeof *r);
}

ac_status hist_record_get(ac_history *h, long long id, hist_record *r, ac_diags *diags)
{
	memset(r, 0, sizeof *r);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h->db, HIST_SELECT " WHERE a.id = ?", -1, &st, NULL) != SQLITE_OK)
		return hist_sql_error(h, "reading the history", diags);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	ac_status s = AC_OK;
	if (rc == SQLITE_ROW) {
		hist_row(st, r);
		s = own(r) == 0 ? AC_OK : AC_ENOMEM;
	} else if (rc == SQLITE_DONE) {
		ac_diags_add(diags, h->path, NULL, 0, 0,
			     "found no saved assessment #%lld, expected the ID of one "
			     "('aicert history list' shows them)",
			     id);
		s = AC_ENOTFOUND;
	} else
		s = hist_sql_error(h, "reading the history", diags);
	sqlite3_finalize(st);
	if (s == AC_ENOMEM) {
		hist_record_free(r);
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
	}
	return s;
}

ac_status hist_latest(ac_history *h, long long *from, long long *to, ac_diags *diags)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h->db, "SELECT id FROM assessments ORDER BY id DESC LIMIT 2", -1, &st, NULL) !=
	    SQLITE_OK)
		return hist_sql_error(h, "reading the history", diags);
	long long ids[2] = {0, 0};
	int n = 0, rc;
	while (n < 2 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	if (n < 2 && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return hist_sql_error(h, "reading the history", diags);
	}
	sqlite3_finalize(st);
	if (to)
		*to = ids[0];
	if (from)
		*from = ids[1];
	if (n < (from ? 2 : 1)) {
		ac_diags_add(diags, h->path, NULL, 0, 0, "found %d saved %s, expected at least %d to compare", n,
			     n == 1 ? "assessment" : "assessments", from ? 2 : 1);
		return AC_ENOTFOUND;
	}
	return AC_OK;
}
