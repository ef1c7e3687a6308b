/*
 * info.c — what an installed occupation database holds and where it came
 * from: its schema, when it was imported, how many rows of each kind, and
 * the datasets it credits (name, version, licence, attribution).
 */
#include <stdlib.h>
#include <string.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/diag.h"
#include "occdata/handle.h"
#include "occdata/info.h"

void ac_occdata_info_free(ac_occdata_info *info)
{
	if (!info)
		return;
	for (size_t i = 0; i < info->n_sources; i++) {
		ac_occ_source *s = &info->sources[i];
		free(s->name);
		free(s->title);
		free(s->version);
		free(s->licence);
		free(s->url);
		free(s->attribution);
	}
	free(info->sources);
	free(info->imported_at);
	free(info);
}

int ac_occdata_info_schema_version(const ac_occdata_info *info)
{
	return info ? info->schema_version : 0;
}

const char *ac_occdata_info_imported_at(const ac_occdata_info *info)
{
	return info ? info->imported_at : NULL;
}

size_t ac_occdata_info_count(const ac_occdata_info *info, int which)
{
	if (!info)
		return 0;
	switch (which) {
	case AC_INFO_OCCUPATIONS: return info->occupations;
	case AC_INFO_TASKS: return info->tasks;
	case AC_INFO_LABELS: return info->labels;
	case AC_INFO_TITLES: return info->titles;
	case AC_INFO_DWAS: return info->dwas;
	case AC_INFO_WITH_BETA: return info->with_beta;
	case AC_INFO_WITH_APPLICABILITY: return info->with_applicability;
	case AC_INFO_WITH_WAGE: return info->with_wage;
	case AC_INFO_WITH_GROWTH: return info->with_growth;
	default: return 0;
	}
}

size_t ac_occdata_info_source_count(const ac_occdata_info *info)
{
	return info ? info->n_sources : 0;
}

const ac_occ_source *ac_occdata_info_source(const ac_occdata_info *info, size_t i)
{
	return info && i < info->n_sources ? &info->sources[i] : NULL;
}

const char *ac_occ_source_text(const ac_occ_source *s, int which)
{
	if (!s)
		return NULL;
	switch (which) {
	case AC_SOURCE_NAME: return s->name;
	case AC_SOURCE_TITLE: return s->title;
	case AC_SOURCE_VERSION: return s->version;
	case AC_SOURCE_LICENCE: return s->licence;
	case AC_SOURCE_URL: return s->url;
	case AC_SOURCE_ATTRIBUTION: return s->attribution;
	default: return NULL;
	}
}

int ac_occ_source_missing(const ac_occ_source *s)
{
	return s ? s->missing : 0;
}

static ac_status read_counts(ac_occdata *db, ac_occdata_info *info, ac_diags *diags)
{
	static const char counts[] =
		"SELECT (SELECT value FROM meta WHERE key = 'schema_version'),"
		" (SELECT value FROM meta WHERE key = 'imported_at'),"
		" (SELECT count(*) FROM occupations), (SELECT count(*) FROM tasks),"
		" (SELECT count(*) FROM labels), (SELECT count(*) FROM titles), (SELECT count(*) FROM dwas),"
		" (SELECT count(*) FROM occupations WHERE beta IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE applicability IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE median_wage IS NOT NULL),"
		" (SELECT count(*) FROM occupations WHERE growth_pct IS NOT NULL)";
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, counts, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		ac_status s = occ_db_error(db, diags);
		sqlite3_finalize(st);
		return s;
	}
	int oom = 0;
	info->schema_version = sqlite3_column_int(st, 0);
	info->imported_at = occ_dup_text(st, 1, &oom);
	size_t *f[] = {&info->occupations,
		       &info->tasks,
		       &info->labels,
		       &info->titles,
		       &info->dwas,
		       &info->with_beta,
		       &info->with_applicability,
		       &info->with_wage,
		       &info->with_growth};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = (size_t)sqlite3_column_int64(st, (int)i + 2);
	sqlite3_finalize(st);
	return oom ? ac_diags_oom(diags, db->path, "reading the data's description") : AC_OK;
}

static ac_status read_sources(ac_occdata *db, ac_occdata_info *info, ac_diags *diags)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(
		    db->db,
		    "SELECT name, title, version, licence, url, attribution, missing FROM sources ORDER BY rowid", -1,
		    &st, NULL) != SQLITE_OK)
		return occ_db_error(db, diags);
	int rc = SQLITE_DONE, oom = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ac_occ_source *ns = realloc(info->sources, (info->n_sources + 1) * sizeof *ns);
		if (!ns) {
			oom = 1;
			break;
		}
		info->sources = ns;
		ac_occ_source *src = &info->sources[info->n_sources++];
		char **fields[] = {&src->name, &src->title, &src->version, &src->licence, &src->url, &src->attribution};
		for (int k = 0; k < 6; k++)
			if (!(*fields[k] = occ_dup_text(st, k, &oom)))
				oom = 1; /* NOT NULL columns */
		src->missing = sqlite3_column_int(st, 6);
	}
	ac_status s = oom                 ? ac_diags_oom(diags, db->path, "reading the data's sources")
		      : rc != SQLITE_DONE ? occ_db_error(db, diags)
					  : AC_OK;
	sqlite3_finalize(st);
	return s;
}

ac_status ac_occdata_info_get(ac_occdata *db, ac_occdata_info **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return occ_no_data(diags);
	ac_occdata_info *info = calloc(1, sizeof *info);
	if (!info)
		return ac_diags_oom(diags, db->path, "reading the data's description");
	ac_status s = read_counts(db, info, diags);
	if (s == AC_OK)
		s = read_sources(db, info, diags);
	if (s != AC_OK) {
		ac_occdata_info_free(info);
		return s;
	}
	*out = info;
	return AC_OK;
}
