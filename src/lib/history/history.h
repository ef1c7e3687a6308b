/*
 * history.h — the history's parts behind aicert.h's ac_history_* calls: the
 * file and its tables (store.c), saving and reading records (records.c),
 * telling the causes of a change apart (diff.c) and writing them out
 * (diff_render.c).
 */
#ifndef AICERT_HISTORY_H
#define AICERT_HISTORY_H

#include "core/sqlite.h"

#include "aicert.h"
#include "core/strbuf.h"

/* "aice" in the SQLite header's application id: the file is ours. */
#define HIST_APPLICATION_ID 0x61696365

struct ac_history {
	sqlite3 *db;
	char *path;
};

/* SHA-256 of data as 64 lowercase hex digits and a NUL. */
void hist_sha256_hex(const void *data, size_t len, char out[65]);

/* Adds a diagnostic for a failed SQLite call on h ("saving: disk I/O
 * error") and returns the status it maps to: AC_EINPUT for a damaged file,
 * AC_ENOMEM, else AC_EIO. */
ac_status hist_sql_error(ac_history *h, const char *doing, ac_diags *diags);
/* Runs SQL without results; AC_OK or hist_sql_error's status. */
ac_status hist_exec(ac_history *h, const char *sql, const char *doing, ac_diags *diags);
/* A column as text, or NULL. */
const char *hist_text(sqlite3_stmt *st, int col);

/* One saved record, as read back. */
typedef struct {
	long long id;
	char *saved_at, *as_of, *label, *verdict, *reason;
	char *profile, *assessment; /* JSON texts */
	char *policy_name, *policy_version, *policy_hash;
	char *policy_text; /* NULL when the history does not have it */
	char *catalogue_version, *data_version, *aicert_version;
} hist_record;

/* The version of the session's occupation data: its sources' names and
 * versions ("onet 29.3, gpts-are-gpts ..."), or NULL when none is open. */
ac_status hist_data_version(ac_session *s, char **out, ac_diags *diags);

/* The query every record is read with (add WHERE or ORDER BY), and the
 * record of its current row: texts borrowed until the next step. */
#define HIST_SELECT                                                                                                    \
	"SELECT a.id, a.saved_at, a.as_of, a.label, a.verdict, a.reason, a.profile, a.assessment, a.policy_name,"      \
	" a.policy_version, a.policy_hash, p.text, a.catalogue_version, a.data_version, a.aicert_version"              \
	" FROM assessments a LEFT JOIN policies p ON p.hash = a.policy_hash"
void hist_row(sqlite3_stmt *st, hist_record *r);

/* Reads record id (AC_ENOTFOUND with a diagnostic when there is none). */
ac_status hist_record_get(ac_history *h, long long id, hist_record *r, ac_diags *diags);
void hist_record_free(hist_record *r);
/* The ids of the last two records, or of the latest one ("to" only). */
ac_status hist_latest(ac_history *h, long long *from, long long *to, ac_diags *diags);

/* The diff of two records (diff.h): diff.c builds what diff_render.c writes. */
typedef struct hist_diff hist_diff;

#endif
