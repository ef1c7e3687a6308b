/*
 * import.c — builds the occupation database from the official files (O*NET
 * 29.3, GPTs-are-GPTs, Working with AI, BLS) in one transaction, into a
 * temporary file that is renamed into place only when everything loaded, so
 * a failed import leaves the previous database as it was.  It replaces only
 * a regular file, and removes the temporary files of earlier imports whose
 * process is gone.  What is read is in import_sources.c, the tables in
 * import_schema.c, the row checks in import_rows.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "occdata/import_db.h"
#include "occdata/occdata.h"

static ac_status exec_sql(importer *im, const char *sql)
{
	int rc = sqlite3_exec(im->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? AC_OK : occ_import_sql_error(im, rc, "cannot build the database");
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

/* What a file found where a regular file was expected is, for a message. */
static const char *file_kind(mode_t mode)
{
	return S_ISLNK(mode)                    ? "a symbolic link"
	       : S_ISDIR(mode)                  ? "a folder"
	       : S_ISFIFO(mode)                 ? "a pipe (FIFO)"
	       : S_ISCHR(mode) || S_ISBLK(mode) ? "a device"
						: "a special file";
}

/* Every O*NET file must be readable before anything is built, so that one
 * run names every missing file.  Another dataset with a file missing is
 * skipped whole (skip[] marks its files) with a warning in diags, and is
 * recorded as missing: only O*NET is required.  Only regular files are read
 * (a FIFO would block for ever).  A folder or file that is not there is the
 * caller's mistake (AC_EINPUT); one that is there but cannot be read, even
 * of another dataset, is the environment's (AC_EIO). */
static ac_status check_files(const char *srcdir, int *skip, ac_diags *diags)
{
	ac_status s = AC_OK;
	struct stat sb;
	if (stat(srcdir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ac_diags_add(diags, srcdir, NULL, 0, 0,
			     "not a directory: the folder of the official files "
			     "(data/occupations/ in the source tree, or scripts/fetch-data.sh DIR)");
		return AC_EINPUT;
	}
	for (int i = 0; i < F__COUNT; i++) {
		char *p = occ_join_path(srcdir, occ_source_files[i].rel);
		if (!p)
			return ac_diags_oom(diags, srcdir, "checking the source files");
		int onet = strcmp(occ_source_files[i].source, "onet") == 0, e = 0;
		FILE *f = NULL;
		if (stat(p, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			ac_diags_add(diags, p, NULL, 0, 0, "found %s, expected a regular file", file_kind(sb.st_mode));
			if (s == AC_OK)
				s = AC_EINPUT;
		} else if ((f = fopen(p, "rb")) != NULL) {
			fclose(f);
		} else if ((e = errno) != ENOENT && e != ENOTDIR) {
			ac_diags_add(diags, p, NULL, 0, 0, "cannot open: %s", strerror(e));
			s = s == AC_ENOMEM || e == ENOMEM ? AC_ENOMEM : AC_EIO;
		} else if (onet) {
			ac_diags_add(diags, p, NULL, 0, 0,
				     "cannot open: %s (O*NET is required; "
				     "scripts/fetch-data.sh downloads it)",
				     strerror(e));
			if (s == AC_OK)
				s = AC_EINPUT;
		} else {
			ac_diags_add(diags, p, NULL, 0, 0,
				     "warning: cannot open (%s): the %s data is skipped "
				     "and recorded as missing",
				     strerror(e), occ_source_files[i].source);
			for (int k = 0; k < F__COUNT; k++)
				if (strcmp(occ_source_files[k].source, occ_source_files[i].source) == 0)
					skip[k] = 1;
		}
		free(p);
	}
	return s;
}

/* The new database is renamed over dbpath: only ever over a regular file.
 * A symbolic link, a folder, a device or a FIFO there is refused, never
 * replaced (as root, a rename would replace /dev/full itself). */
static ac_status check_target(const char *dbpath, ac_diags *diags)
{
	struct stat sb;
	if (lstat(dbpath, &sb) != 0 || S_ISREG(sb.st_mode))
		return AC_OK;
	ac_diags_add(diags, dbpath, NULL, 0, 0, "found %s, expected a database file (or no file yet)%s",
		     file_kind(sb.st_mode), S_ISLNK(sb.st_mode) ? "; give the file it points to" : "");
	return AC_EINPUT;
}

/* Temporary files of earlier imports into dbpath ("DB.tmp-PID", and SQLite's
 * "-journal", "-wal" and "-shm" beside them) whose process is gone: a killed
 * import cannot remove its own.  Those of a process still running are left
 * alone; nothing else is touched. */
static void remove_stale_temps(const char *dbpath)
{
	const char *slash = strrchr(dbpath, '/');
	const char *base = slash ? slash + 1 : dbpath;
	char *dir = slash ? ac_strdup_printf("%.*s", (int)(slash - dbpath + 1), dbpath) : strdup(".");
	char *prefix = ac_strdup_printf("%s.tmp-", base);
	DIR *d = dir && prefix ? opendir(dir) : NULL;
	size_t pn = prefix ? strlen(prefix) : 0;
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, pn) != 0)
			continue;
		char *end;
		errno = 0;
		long pid = strtol(e->d_name + pn, &end, 10);
		if (end == e->d_name + pn || errno || pid <= 0 || (pid_t)pid == getpid() ||
		    (*end && strcmp(end, "-journal") != 0 && strcmp(end, "-wal") != 0 && strcmp(end, "-shm") != 0))
			continue;
		if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	free(dir);
	free(prefix);
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
	if ((s = occ_import_prepare(im,
				    "INSERT OR IGNORE INTO temp.titles_load(code, kind, title, words, acro, n_words)"
				    " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
				    &im->title_ins)) != AC_OK ||
	    (s = occ_import_prepare(im,
				    "INSERT INTO abbreviations(abbr, expansion, n) VALUES(?1, ?2, 1)"
				    " ON CONFLICT(abbr, expansion) DO UPDATE SET n = n + 1",
				    &im->abbr_ins)) != AC_OK ||
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

char *ac_occdata_import_temp_path(const char *dbpath)
{
	return dbpath ? ac_strdup_printf("%s.tmp-%ld", dbpath, (long)getpid()) : NULL;
}

ac_status ac_occdata_import(const char *srcdir, const char *dbpath, ac_diags *diags)
{
	return ac_occdata_import_with(srcdir, dbpath, 0, diags);
}

ac_status ac_occdata_import_with(const char *srcdir, const char *dbpath, unsigned flags, ac_diags *diags)
{
	if (!srcdir || !dbpath || !*srcdir || !*dbpath) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the import needs a source directory and a database path");
		return AC_EINPUT;
	}
	importer im;
	memset(&im, 0, sizeof im);
	im.sample = (flags & AC_IMPORT_SAMPLE) != 0;
	ac_status s = check_target(dbpath, diags);
	if (s == AC_OK)
		s = check_files(srcdir, im.skip, diags);
	if (s != AC_OK)
		return s;
	remove_stale_temps(dbpath);
	/* A row stored while an allocation failed may have lost a value (SQLite
	 * binds nothing it cannot copy) or fail a check it would pass: then the
	 * import fails as out of memory, whatever else it found. */
	unsigned long failures = ac_mem_failures();
	size_t said = diags->count;
	im.diags = diags;
	im.srcdir = srcdir;
	char *tmp = ac_occdata_import_temp_path(dbpath);
	if (!tmp)
		return ac_diags_oom(diags, dbpath, "starting the import");
	im.tmppath = tmp;
	remove_temp(tmp);
	/* Created here first, for the system's own reason when it cannot be
	 * (SQLite retries read-only and reports that attempt's error instead). */
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644), rc = SQLITE_OK;
	if (fd < 0) {
		int e = errno;
		ac_diags_add(diags, tmp, NULL, 0, 0, "cannot create the database: %s", strerror(e));
		s = e == ENOMEM ? AC_ENOMEM : AC_EIO;
	} else {
		close(fd);
		rc = ac_sqlite_load(diags, dbpath) ? sqlite3_open_v2(tmp, &im.db, SQLITE_OPEN_READWRITE, NULL)
						   : SQLITE_ERROR;
		if (!ac_sqlite_load(NULL, NULL))
			s = AC_EIO; /* said above */
		else if (rc == SQLITE_OK)
			s = build(&im);
		else if (!im.db)
			s = ac_diags_oom(diags, dbpath, "creating the database");
		else
			s = occ_import_sql_error(&im, rc, "cannot create the database");
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
	if (s == AC_OK)
		s = check_target(dbpath, diags); /* again: something may have been put there meanwhile */
	if (s == AC_OK && rename(tmp, dbpath) != 0) {
		ac_diags_add(diags, dbpath, NULL, 0, 0, "cannot move the new database into place: %s", strerror(errno));
		s = AC_EIO;
	}
	if (s != AC_OK)
		remove_temp(tmp);
	else
		sync_parent(dbpath);
	free(tmp);
	return s;
}
