/*
 * import.c — builds the occupation database from the official files (O*NET
 * 29.3, GPTs-are-GPTs, Working with AI, BLS) in one transaction, into a
 * temporary file that is renamed into place only when everything loaded, so
 * a failed import leaves the previous database as it was.  What is read is
 * in import_sources.c, the tables in import_schema.c, the row checks in
 * import_rows.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "aicert.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "occdata/import_db.h"
#include "occdata/occdata.h"

static ac_status exec_sql(importer *im, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(im->db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		ac_status s = AC_EIO;
		if ((rc & 0xff) == SQLITE_NOMEM)
			s = ac_diags_oom(im->diags, im->tmppath, "building the database");
		else
			ac_diags_add(im->diags, im->tmppath, NULL, 0, 0, "cannot build the database: %s",
				     err ? err : "unknown error");
		sqlite3_free(err);
		return s;
	}
	return AC_OK;
}

/* The release named in O*NET's "Read Me.txt" ("O*NET 29.3 Database" /
 * "May 2025 Release") into *out, or NULL when the file is absent or says
 * otherwise. */
static ac_status onet_release(importer *im, char **out)
{
	*out = NULL;
	char *path = occ_join_path(im->srcdir, "onet-29.3/Read Me.txt");
	if (!path)
		return ac_diags_oom(im->diags, im->srcdir, "reading the O*NET release");
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return AC_OK;
	char l1[128] = "", l2[128] = "";
	if (!fgets(l1, sizeof l1, f) || !fgets(l2, sizeof l2, f)) {
		fclose(f);
		return AC_OK;
	}
	fclose(f);
	l1[strcspn(l1, "\r\n")] = '\0';
	l2[strcspn(l2, "\r\n")] = '\0';
	if (strncmp(l1, "O*NET ", 6) != 0)
		return AC_OK;
	char *cut = strstr(l1, " Database");
	if (cut)
		*cut = '\0';
	cut = strstr(l2, " Release");
	if (cut)
		*cut = '\0';
	*out = ac_strdup_printf("%s (%s)", l1 + 6, l2);
	return *out ? AC_OK : ac_diags_oom(im->diags, im->srcdir, "reading the O*NET release");
}

/* Runs a bound statement that returns no row, and resets it. */
static ac_status step_done(importer *im, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AC_OK : occ_import_sql_error(im, rc, what);
}

/* 1 when the import skips the dataset because a file of it is missing. */
static int dataset_missing(const importer *im, const char *name)
{
	for (int i = 0; i < F__COUNT; i++)
		if (im->skip[i] && strcmp(occ_source_files[i].source, name) == 0)
			return 1;
	return 0;
}

static ac_status write_meta(importer *im)
{
	sqlite3_stmt *st = NULL;
	ac_status s = occ_import_prepare(im, "INSERT INTO meta(key, value) VALUES(?1, ?2)", &st);
	if (s != AC_OK)
		return s;
	char version[16], when[32];
	snprintf(version, sizeof version, "%d", OCC_SCHEMA_VERSION);
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *kv[][2] = {{"schema_version", version}, {"imported_at", when}, {"aicert_version", AC_VERSION}};
	for (size_t i = 0; i < sizeof kv / sizeof kv[0] && s == AC_OK; i++) {
		sqlite3_bind_text(st, 1, kv[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kv[i][1], -1, SQLITE_STATIC);
		s = step_done(im, st, "cannot write meta");
	}
	sqlite3_finalize(st);
	char *release = NULL;
	if (s != AC_OK || (s = onet_release(im, &release)) != AC_OK ||
	    (s = occ_import_prepare(im, "INSERT INTO sources VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st)) != AC_OK) {
		free(release);
		return s;
	}
	for (size_t i = 0; i < occ_n_datasets && s == AC_OK; i++) {
		const occ_dataset *d = &occ_datasets[i];
		const char *v = d->version;
		if (i == 0 && release)
			v = release;
		else if (strcmp(d->name, "bls-projections") == 0 && im->projections_edition[0])
			v = im->projections_edition;
		const char *f[6] = {d->name, d->title, v, d->licence, d->url, d->attribution};
		for (int k = 0; k < 6; k++)
			sqlite3_bind_text(st, k + 1, f[k], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 7, dataset_missing(im, d->name));
		s = step_done(im, st, "cannot write the sources");
	}
	free(release);
	sqlite3_finalize(st);
	if (s != AC_OK || (s = occ_import_prepare(im, "INSERT INTO source_files VALUES(?1, ?2, ?3, ?4)", &st)) != AC_OK)
		return s;
	for (int i = 0; i < F__COUNT && s == AC_OK; i++) {
		sqlite3_bind_text(st, 1, occ_source_files[i].rel, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, occ_source_files[i].source, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)im->bytes[i]);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)im->rows[i]);
		s = step_done(im, st, "cannot write the file list");
	}
	sqlite3_finalize(st);
	return s;
}

/* Every O*NET file must be readable before anything is built, so that one
 * run names every missing file.  Another dataset with a file missing is
 * skipped whole (skip[] marks its files) with a warning in diags, and is
 * recorded as missing: only O*NET is required. */
static ac_status check_files(const char *srcdir, int *skip, ac_diags *diags)
{
	ac_status s = AC_OK;
	struct stat sb;
	if (stat(srcdir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ac_diags_add(diags, srcdir, NULL, 0, 0, "not a directory: the folder of the official files "
			     "(data/occupations/ in the source tree, or scripts/fetch-data.sh DIR)");
		return AC_EIO;
	}
	for (int i = 0; i < F__COUNT; i++) {
		char *p = occ_join_path(srcdir, occ_source_files[i].rel);
		if (!p)
			return ac_diags_oom(diags, srcdir, "checking the source files");
		FILE *f = fopen(p, "rb");
		if (f) {
			fclose(f);
		} else if (strcmp(occ_source_files[i].source, "onet") == 0) {
			ac_diags_add(diags, p, NULL, 0, 0, "cannot open: %s (O*NET is required; "
				     "scripts/fetch-data.sh downloads it)", strerror(errno));
			s = AC_EIO;
		} else {
			ac_diags_add(diags, p, NULL, 0, 0, "warning: cannot open (%s): the %s data is skipped "
				     "and recorded as missing", strerror(errno), occ_source_files[i].source);
			for (int k = 0; k < F__COUNT; k++)
				if (strcmp(occ_source_files[k].source, occ_source_files[i].source) == 0)
					skip[k] = 1;
		}
		free(p);
	}
	return s;
}

/* Removes the temporary database and any journal SQLite left beside it. */
static void remove_temp(const char *tmp)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	size_t n = strlen(tmp) + 16;
	char *p = malloc(n);
	unlink(tmp);
	for (size_t i = 1; p && i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(p, n, "%s%s", tmp, suffixes[i]);
		unlink(p);
	}
	free(p);
}

/* Makes the finished file durable before it replaces the old one. */
static int sync_path(const char *path, int dir)
{
	int fd = open(path, dir ? O_RDONLY : O_RDWR);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static ac_status build(importer *im)
{
	static const char pragmas[] = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
				      "PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;"
				      "PRAGMA cache_size=-32768;";
	ac_status s;
	if ((s = exec_sql(im, pragmas)) != AC_OK || (s = exec_sql(im, "BEGIN")) != AC_OK ||
	    (s = exec_sql(im, occ_schema_sql)) != AC_OK)
		return s;
	if ((s = occ_import_prepare(im, "INSERT OR IGNORE INTO temp.titles_load(code, kind, title, words, acro, n_words)"
					" VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &im->title_ins)) != AC_OK ||
	    (s = occ_import_prepare(im, "INSERT INTO abbreviations(abbr, expansion, n) VALUES(?1, ?2, 1)"
					" ON CONFLICT(abbr, expansion) DO UPDATE SET n = n + 1", &im->abbr_ins)) != AC_OK ||
	    (s = occ_import_prepare(im, "SELECT 1 FROM occupations WHERE code = ?1", &im->occ_exists)) != AC_OK)
		return s;
	if ((s = occ_load_all(im)) != AC_OK)
		return s;
	if ((s = exec_sql(im, occ_derive_sql)) != AC_OK || (s = occ_derive_exposure(im)) != AC_OK ||
	    (s = write_meta(im)) != AC_OK)
		return s;
	return exec_sql(im, "COMMIT");
}

/* The directory entry of a renamed file; a failure here loses nothing that
 * was already there. */
static void sync_parent(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return;
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	sync_path(slash ? dir : ".", 1);
	free(dir);
}

ac_status ac_occdata_import(const char *srcdir, const char *dbpath, ac_diags *diags)
{
	if (!srcdir || !dbpath || !*srcdir || !*dbpath) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the import needs a source directory and a database path");
		return AC_EINPUT;
	}
	importer im;
	memset(&im, 0, sizeof im);
	ac_status s = check_files(srcdir, im.skip, diags);
	if (s != AC_OK)
		return s;
	/* A row stored while an allocation failed may have lost a value (SQLite
	 * binds nothing it cannot copy) or fail a check it would pass: then the
	 * import fails as out of memory, whatever else it found. */
	unsigned long failures = ac_mem_failures();
	size_t said = diags->count;
	im.diags = diags;
	im.srcdir = srcdir;
	char *tmp = ac_strdup_printf("%s.tmp-%ld", dbpath, (long)getpid());
	if (!tmp)
		return ac_diags_oom(diags, dbpath, "starting the import");
	im.tmppath = tmp;
	remove_temp(tmp);
	int rc = sqlite3_open_v2(tmp, &im.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		if (!im.db || (rc & 0xff) == SQLITE_NOMEM) {
			s = ac_diags_oom(diags, dbpath, "creating the database");
		} else {
			ac_diags_add(diags, dbpath, NULL, 0, 0, "cannot create the database: %s", sqlite3_errmsg(im.db));
			s = AC_EIO;
		}
	} else {
		s = build(&im);
	}
	sqlite3_finalize(im.title_ins);
	sqlite3_finalize(im.abbr_ins);
	sqlite3_finalize(im.occ_exists);
	if (im.db && (rc = sqlite3_close(im.db)) != SQLITE_OK && s == AC_OK)
		s = occ_import_sql_error(&im, rc, "cannot close the database");
	if (s != AC_ENOMEM && ac_mem_failures() != failures)
		s = ac_diags_oom_since(diags, said, dbpath, "importing");
	if (s == AC_OK && sync_path(tmp, 0) != 0) {
		ac_diags_add(diags, tmp, NULL, 0, 0, "cannot write the database: %s", strerror(errno));
		s = AC_EIO;
	}
	if (s == AC_OK && rename(tmp, dbpath) != 0) {
		ac_diags_add(diags, dbpath, NULL, 0, 0, "cannot move the new database into place: %s",
			     strerror(errno));
		s = AC_EIO;
	}
	if (s != AC_OK)
		remove_temp(tmp);
	else
		sync_parent(dbpath);
	free(tmp);
	return s;
}
