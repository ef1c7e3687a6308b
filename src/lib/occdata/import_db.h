/*
 * import_db.h — what the parts of the occupation-data importer share: the
 * importer and a loader, the database helpers every part writes through
 * (import_db.c), the source files and datasets (import_sources.c), the
 * database schema (import_schema.c), the row loaders (import_rows.c), the
 * title index (import_titles.c), the measured exposure (import_exposure.c)
 * and the import itself (import.c), which owns the database connection and
 * the temporary file.
 */
#ifndef AICERT_OCCDATA_IMPORT_DB_H
#define AICERT_OCCDATA_IMPORT_DB_H

#include <stddef.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/dsv.h"

#define OCC_MAX_TEXT 8192 /* longest title, task statement or description kept */

/* ------------------------------------------------------------ sources */

/* Every file the import reads, in the order it loads them. */
enum {
	F_OCCUPATIONS,
	F_JOB_ZONE_REF,
	F_JOB_ZONES,
	F_CONTENT_MODEL,
	F_IWAS,
	F_DWAS,
	F_TASKS,
	F_TASK_DWAS,
	F_ALT_TITLES,
	F_REPORTED,
	F_LABELS,
	F_OCC_LEVEL,
	F_APPLICABILITY,
	F_OEWS,
	F_CROSSWALK,
	F_PROJECTIONS,
	F_IWA_METRICS,
	F__COUNT
};

typedef struct {
	const char *rel; /* path under the source folder */
	const char *source; /* the dataset it belongs to (occ_datasets[].name) */
	char sep; /* '\t' or ',' */
	size_t release_rows; /* data rows of the release the path names (its edition) */
} occ_source_file;
extern const occ_source_file occ_source_files[F__COUNT];

/* A dataset: what the database credits in its sources table. */
typedef struct {
	const char *name, *title, *version, *licence, *url, *attribution;
} occ_dataset;
extern const occ_dataset occ_datasets[];
extern const size_t occ_n_datasets;

/* ------------------------------------------------------------ schema */

extern const char occ_schema_sql[]; /* the tables and indexes */
extern const char occ_derive_sql[]; /* figures derived once every file is loaded */

/* ------------------------------------------------------------ the import */

typedef struct {
	sqlite3 *db;
	ac_diags *diags;
	const char *srcdir;
	const char *tmppath;
	size_t rows[F__COUNT];
	size_t bytes[F__COUNT];
	char projections_edition[32]; /* "2022-32", from the projections header */
	int skip[F__COUNT]; /* 1: the file's dataset is missing and is not imported */
	int sample; /* AC_IMPORT_SAMPLE: row counts are not compared with the release's */
	sqlite3_stmt *title_ins, *abbr_ins, *occ_exists;
} importer;

/* One source file being loaded. */
typedef struct {
	importer *im;
	int file;
	dsv_reader in;
} loader;

/* import_db.c.  A diagnostic for a failed SQLite call on the database being built:
 * AC_ENOMEM when SQLite ran out of memory, else AC_EIO. */
ac_status occ_import_sql_error(importer *im, int rc, const char *what);
ac_status occ_import_prepare(importer *im, const char *sql, sqlite3_stmt **st);
/* dir/rel, freed with free(); NULL when out of memory. */
char *occ_join_path(const char *dir, const char *rel);

/* Runs a bound insert or update for the current row of l. */
ac_status occ_row_step(loader *l, sqlite3_stmt *st);

/* The Microsoft measure rescaled to beta's scale and combined with beta into
 * each task's measured exposure, then each occupation's (import_exposure.c). */
ac_status occ_derive_exposure(importer *im);

/* Loads every source file into the database (import_rows.c). */
ac_status occ_load_all(importer *im);

/* Stores one title of an occupation and its search index entry, and learns
 * an abbreviation an alternate title spells out (import_titles.c). */
ac_status occ_add_title(loader *l, const char *code, int kind, const char *title);
ac_status occ_learn_abbreviation(loader *l, const char *title);

#endif
