/*
 * occdata_import.c — builds the occupation database from the official files
 * (O*NET 29.3, GPTs-are-GPTs, Working with AI, BLS) in one transaction, into a
 * temporary file that is renamed into place only when everything loaded.
 *
 * Every source file is read by one small delimited-text reader (tab or comma,
 * RFC 4180 quotes within a line) that finds its header by column names, so a
 * reordered or extra column is fine and a missing one is an error naming the
 * file.  A malformed row stops the import with "file:line: problem".
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "aicert.h"
#include "occdata/occdata.h"
#include "occdata/words.h"

#define RD_MAX_LINE 65536
#define RD_MAX_FIELDS 64
#define RD_MAX_COLS 12
#define MAX_TEXT 8192 /* longest title, task statement or description kept */

/* ------------------------------------------------------------ sources */

enum {
	F_OCCUPATIONS, F_JOB_ZONE_REF, F_JOB_ZONES, F_CONTENT_MODEL, F_IWAS, F_DWAS, F_TASKS,
	F_TASK_DWAS, F_ALT_TITLES, F_REPORTED, F_LABELS, F_OCC_LEVEL, F_APPLICABILITY, F_OEWS,
	F_CROSSWALK, F_PROJECTIONS, F__COUNT
};

static const struct {
	const char *rel;
	const char *source;
	char sep;
} source_files[F__COUNT] = {
	[F_OCCUPATIONS] = {"onet-29.3/Occupation Data.txt", "onet", '\t'},
	[F_JOB_ZONE_REF] = {"onet-29.3/Job Zone Reference.txt", "onet", '\t'},
	[F_JOB_ZONES] = {"onet-29.3/Job Zones.txt", "onet", '\t'},
	[F_CONTENT_MODEL] = {"onet-29.3/Content Model Reference.txt", "onet", '\t'},
	[F_IWAS] = {"onet-29.3/IWA Reference.txt", "onet", '\t'},
	[F_DWAS] = {"onet-29.3/DWA Reference.txt", "onet", '\t'},
	[F_TASKS] = {"onet-29.3/Task Statements.txt", "onet", '\t'},
	[F_TASK_DWAS] = {"onet-29.3/Tasks to DWAs.txt", "onet", '\t'},
	[F_ALT_TITLES] = {"onet-29.3/Alternate Titles.txt", "onet", '\t'},
	[F_REPORTED] = {"onet-29.3/Sample of Reported Titles.txt", "onet", '\t'},
	[F_LABELS] = {"gpts-are-gpts/full_labelset.tsv", "gpts-are-gpts", '\t'},
	[F_OCC_LEVEL] = {"gpts-are-gpts/occ_level.csv", "gpts-are-gpts", ','},
	[F_APPLICABILITY] = {"working-with-ai/soc_ai_applicability_scores.csv", "working-with-ai", ','},
	[F_OEWS] = {"bls/oews_national_may2024.tsv", "bls-oews", '\t'},
	[F_CROSSWALK] = {"bls/nem_onet_to_soc_crosswalk.tsv", "bls-projections", '\t'},
	[F_PROJECTIONS] = {"bls/employment_projections_2022_32_table1_7.tsv", "bls-projections", '\t'},
};

static const struct {
	const char *name, *title, *version, *licence, *url, *attribution;
} sources[] = {
	{"onet", "O*NET Database", "29.3 (May 2025)", "CC BY 4.0", "https://www.onetcenter.org/database.html",
	 "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
	 "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
	 "O*NET(R) is a trademark of USDOL/ETA. aicert has modified all or some of this information; "
	 "USDOL/ETA has not approved, endorsed, or tested these modifications."},
	{"gpts-are-gpts", "GPTs are GPTs: labor market impact potential of LLMs",
	 "Science 384 (2024), data as published in the repository", "MIT",
	 "https://github.com/openai/GPTs-are-GPTs",
	 "Eloundou, Manning, Mishkin and Rock, \"GPTs are GPTs: Labor market impact potential of "
	 "LLMs\", Science 384 (2024). Task labels and occupation figures copyright (c) 2024 OpenAI, "
	 "MIT License."},
	{"working-with-ai", "Working with AI: Measuring the Applicability of Generative AI to Occupations",
	 "2025 (arXiv:2507.07935)", "CC BY 4.0", "https://github.com/microsoft/working-with-ai",
	 "Tomlinson, Jaffe, Wang, Counts and Suri, \"Working with AI: Measuring the Applicability of "
	 "Generative AI to Occupations\", arXiv:2507.07935 (2025), Microsoft Research. CC BY 4.0."},
	{"bls-oews", "Occupational Employment and Wage Statistics, national estimates", "May 2024",
	 "public domain", "https://www.bls.gov/oes/tables.htm",
	 "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024 "
	 "(U.S. Government work, public domain)."},
	{"bls-projections", "Employment Projections (table 1.7) and O*NET-SOC to NEM crosswalk",
	 "2022-32", "public domain", "https://www.bls.gov/emp/tables.htm",
	 "U.S. Bureau of Labor Statistics, Employment Projections program, 2022-32 (U.S. Government "
	 "work, public domain)."},
};
#define N_SOURCES (sizeof sources / sizeof sources[0])

static const char schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE sources(name TEXT PRIMARY KEY, title TEXT NOT NULL, version TEXT NOT NULL,"
	" licence TEXT NOT NULL, url TEXT NOT NULL, attribution TEXT NOT NULL);"
	"CREATE TABLE source_files(path TEXT PRIMARY KEY, source TEXT NOT NULL, bytes INTEGER NOT NULL,"
	" rows INTEGER NOT NULL);"
	"CREATE TABLE occupations(code TEXT PRIMARY KEY, soc TEXT NOT NULL, title TEXT NOT NULL,"
	" description TEXT NOT NULL, job_zone INTEGER, beta REAL, applicability REAL,"
	" applicability_code TEXT, employment REAL, median_wage REAL, oews_code TEXT, oews_title TEXT,"
	" growth_pct REAL, projection_code TEXT, education TEXT, nem_code TEXT);"
	"CREATE INDEX occupations_soc ON occupations(soc);"
	"CREATE INDEX occupations_beta ON occupations(beta);"
	"CREATE TABLE job_zones(zone INTEGER PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE gwas(gwa_id TEXT PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE iwas(iwa_id TEXT PRIMARY KEY, gwa_id TEXT NOT NULL, title TEXT NOT NULL);"
	"CREATE TABLE dwas(dwa_id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, gwa_id TEXT NOT NULL,"
	" title TEXT NOT NULL);"
	"CREATE TABLE tasks(task_id INTEGER PRIMARY KEY, code TEXT NOT NULL, statement TEXT NOT NULL,"
	" task_type TEXT, gwa_id TEXT, beta REAL, automation REAL);"
	"CREATE INDEX tasks_code ON tasks(code);"
	"CREATE TABLE task_dwas(task_id INTEGER NOT NULL, dwa_id TEXT NOT NULL,"
	" PRIMARY KEY(task_id, dwa_id)) WITHOUT ROWID;"
	"CREATE TABLE labels(task_id INTEGER PRIMARY KEY, code TEXT NOT NULL, statement TEXT NOT NULL,"
	" task_type TEXT, exposure TEXT, beta REAL NOT NULL, automation REAL);"
	"CREATE INDEX labels_code ON labels(code);"
	"CREATE TABLE applicability(soc TEXT PRIMARY KEY, title TEXT NOT NULL, score REAL NOT NULL);"
	"CREATE INDEX applicability_score ON applicability(score);"
	"CREATE TABLE oews(code TEXT PRIMARY KEY, title TEXT NOT NULL, employment REAL,"
	" median_wage REAL, mean_wage REAL);"
	"CREATE TABLE crosswalk(onet_code TEXT PRIMARY KEY, nem_code TEXT NOT NULL);"
	"CREATE TABLE projections(code TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT,"
	" employment_2022 REAL, employment_2032 REAL, change_pct REAL, education TEXT);"
	"CREATE TABLE titles(id INTEGER PRIMARY KEY, code TEXT NOT NULL, kind INTEGER NOT NULL,"
	" title TEXT NOT NULL, words TEXT NOT NULL, UNIQUE(code, words));"
	"CREATE INDEX titles_kind ON titles(kind);"
	"CREATE TABLE abbreviations(abbr TEXT NOT NULL, expansion TEXT NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY(abbr, expansion)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE title_index USING fts5(words, acro, content='', tokenize='ascii');";

/* Figures derived once everything is loaded.  A task's GWA is the most
 * frequent GWA among its DWAs (ties: the smallest id); a figure published only
 * for a wider group (OEWS and Working with AI use some SOC groups such as
 * 13-1020) is reached through the BLS crosswalk's NEM code. */
static const char derive_sql[] =
	"UPDATE tasks SET gwa_id = (SELECT d.gwa_id FROM task_dwas td JOIN dwas d ON d.dwa_id = td.dwa_id"
	" WHERE td.task_id = tasks.task_id GROUP BY d.gwa_id ORDER BY count(*) DESC, d.gwa_id LIMIT 1);"
	"UPDATE tasks SET beta = (SELECT beta FROM labels l WHERE l.task_id = tasks.task_id),"
	" automation = (SELECT automation FROM labels l WHERE l.task_id = tasks.task_id);"
	"UPDATE occupations SET nem_code = (SELECT nem_code FROM crosswalk WHERE onet_code = code);"
	"UPDATE occupations SET applicability_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM applicability a WHERE a.soc = occupations.soc) THEN soc"
	" WHEN EXISTS(SELECT 1 FROM applicability a WHERE a.soc = occupations.nem_code) THEN nem_code END;"
	"UPDATE occupations SET applicability = (SELECT score FROM applicability WHERE soc = applicability_code);"
	"UPDATE occupations SET oews_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM oews o WHERE o.code = occupations.soc) THEN soc"
	" WHEN EXISTS(SELECT 1 FROM oews o WHERE o.code = occupations.nem_code) THEN nem_code END;"
	"UPDATE occupations SET employment = (SELECT employment FROM oews o WHERE o.code = oews_code),"
	" median_wage = (SELECT median_wage FROM oews o WHERE o.code = oews_code),"
	" oews_title = (SELECT title FROM oews o WHERE o.code = oews_code);"
	"UPDATE occupations SET projection_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM projections p WHERE p.code = occupations.nem_code) THEN nem_code"
	" WHEN EXISTS(SELECT 1 FROM projections p WHERE p.code = occupations.soc) THEN soc END;"
	"UPDATE occupations SET growth_pct = (SELECT change_pct FROM projections p WHERE p.code = projection_code),"
	" education = (SELECT education FROM projections p WHERE p.code = projection_code);"
	"INSERT INTO title_index(title_index) VALUES('optimize');";

/* ------------------------------------------------------------ the import */

typedef struct {
	sqlite3 *db;
	ac_diags *diags;
	const char *srcdir;
	const char *tmppath;
	size_t rows[F__COUNT];
	size_t bytes[F__COUNT];
	char projections_edition[32]; /* "2022-32", from the projections header */
	sqlite3_stmt *title_ins, *fts_ins, *abbr_ins, *occ_exists;
} importer;

static ac_status fail_sql(importer *im, const char *what)
{
	ac_diags_add(im->diags, im->tmppath, NULL, 0, 0, "%s: %s", what, sqlite3_errmsg(im->db));
	return AC_EIO;
}

static ac_status exec_sql(importer *im, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(im->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		ac_diags_add(im->diags, im->tmppath, NULL, 0, 0, "cannot build the database: %s",
			     err ? err : "unknown error");
		sqlite3_free(err);
		return AC_EIO;
	}
	return AC_OK;
}

static ac_status prepare(importer *im, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(im->db, sql, -1, st, NULL) != SQLITE_OK)
		return fail_sql(im, "cannot prepare a statement");
	return AC_OK;
}

/* ------------------------------------------------------------ the reader */

typedef struct {
	importer *im;
	int file;
	FILE *f;
	char *path;
	long line;
	char *buf;
	char *fields[RD_MAX_FIELDS];
	int nf;
	int col[RD_MAX_COLS];
	int need; /* fields a row must have: 1 + the largest wanted column */
} reader;

static char *join_path(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s%s", dir, (*dir && dir[strlen(dir) - 1] == '/') ? "" : "/", rel);
	return p;
}

static ac_status rd_error(reader *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static ac_status rd_error(reader *r, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ac_diags_add(r->im->diags, r->path, NULL, (int)(r->line > 0 ? r->line : 0), 0, "%s", msg);
	return AC_EINPUT;
}

static void rd_close(reader *r)
{
	if (r->f)
		fclose(r->f);
	free(r->path);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

static ac_status rd_open(reader *r, importer *im, int file)
{
	memset(r, 0, sizeof *r);
	r->im = im;
	r->file = file;
	r->path = join_path(im->srcdir, source_files[file].rel);
	r->buf = malloc(RD_MAX_LINE + 2);
	if (!r->path || !r->buf) {
		rd_close(r);
		return AC_ENOMEM;
	}
	r->f = fopen(r->path, "rb");
	if (!r->f) {
		ac_diags_add(im->diags, r->path, NULL, 0, 0, "cannot open: %s", strerror(errno));
		rd_close(r);
		return AC_EIO;
	}
	return AC_OK;
}

/* Splits buf into fields: sep-separated, a field that starts with a quote
 * runs to the matching quote ("" is a quote inside it). */
static ac_status rd_split(reader *r)
{
	char sep = source_files[r->file].sep;
	char *s = r->buf;
	r->nf = 0;
	for (;;) {
		if (r->nf == RD_MAX_FIELDS)
			return rd_error(r, "more than %d fields", RD_MAX_FIELDS);
		if (*s == '"') {
			char *out = s, *in = s + 1;
			r->fields[r->nf++] = out;
			for (;;) {
				if (*in == '\0')
					return rd_error(r, "field %d: a quoted field is not closed on this line", r->nf);
				if (*in == '"') {
					if (in[1] == '"') {
						*out++ = '"';
						in += 2;
						continue;
					}
					in++;
					break;
				}
				*out++ = *in++;
			}
			char c = *in;
			if (c != sep && c != '\0')
				return rd_error(r, "field %d: text after the closing quote", r->nf);
			*out = '\0';
			if (c == '\0')
				return AC_OK;
			s = in + 1;
		} else {
			r->fields[r->nf++] = s;
			char *e = strchr(s, sep);
			if (!e)
				return AC_OK;
			*e = '\0';
			s = e + 1;
		}
	}
}

/* Reads the next physical line into buf.  1 read, 0 end of file. */
static int rd_line(reader *r, ac_status *st)
{
	*st = AC_OK;
	if (!fgets(r->buf, RD_MAX_LINE + 2, r->f)) {
		if (ferror(r->f)) {
			r->line++;
			*st = rd_error(r, "read error: %s", strerror(errno));
		}
		return 0;
	}
	r->line++;
	size_t n = strlen(r->buf);
	r->im->bytes[r->file] += n;
	if (n == RD_MAX_LINE + 1 && r->buf[n - 1] != '\n') {
		*st = rd_error(r, "line longer than %d bytes", RD_MAX_LINE);
		return 0;
	}
	while (n > 0 && (r->buf[n - 1] == '\n' || r->buf[n - 1] == '\r'))
		r->buf[--n] = '\0';
	if (r->line == 1 && (unsigned char)r->buf[0] == 0xEF && (unsigned char)r->buf[1] == 0xBB &&
	    (unsigned char)r->buf[2] == 0xBF)
		memmove(r->buf, r->buf + 3, n - 2);
	return 1;
}

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

/* Whether a header cell is the wanted name; one '*' in the name stands for
 * any text ("Employment change, percent, *" matches every projections
 * edition). */
static int header_matches(const char *cell, const char *want)
{
	const char *star = strchr(want, '*');
	if (!star)
		return strcmp(cell, want) == 0;
	size_t pre = (size_t)(star - want), post = strlen(star + 1), n = strlen(cell);
	return n >= pre + post && strncmp(cell, want, pre) == 0 && strcmp(cell + n - post, star + 1) == 0;
}

/* Finds the header among the first `scan` lines: the first line holding every
 * wanted column name.  Spreadsheet exports put a title above the header. */
static ac_status rd_header(reader *r, const char *const *want, int n_want, int scan)
{
	ac_status st = AC_OK;
	while (r->line < scan && rd_line(r, &st)) {
		if ((st = rd_split(r)) != AC_OK)
			return st;
		int found = 0;
		r->need = 0;
		for (int k = 0; k < n_want; k++) {
			r->col[k] = -1;
			for (int i = 0; i < r->nf; i++) {
				int taken = 0;
				for (int j = 0; j < k; j++)
					taken |= r->col[j] == i;
				if (!taken && header_matches(trim(r->fields[i]), want[k])) {
					r->col[k] = i;
					break;
				}
			}
			if (r->col[k] >= 0) {
				found++;
				if (r->col[k] + 1 > r->need)
					r->need = r->col[k] + 1;
			}
		}
		if (found == n_want)
			return AC_OK;
		if (scan == 1) {
			for (int k = 0; k < n_want; k++)
				if (r->col[k] < 0)
					return rd_error(r, "the header has no column '%s'", want[k]);
		}
	}
	if (st != AC_OK)
		return st;
	if (r->line == 0)
		return rd_error(r, "the file is empty");
	char list[512] = "";
	for (int k = 0; k < n_want; k++) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s'%s'", k ? ", " : "", want[k]);
	}
	r->line = 0;
	return rd_error(r, "no header line with the columns %s in the first %d lines", list, scan);
}

/* The next data row: 1 read, 0 end of file (or error when *st is set).
 * Blank lines are skipped. */
static int rd_row(reader *r, ac_status *st)
{
	for (;;) {
		if (!rd_line(r, st))
			return 0;
		if (r->buf[0] == '\0')
			continue;
		if ((*st = rd_split(r)) != AC_OK)
			return 0;
		if (r->nf < r->need) {
			*st = rd_error(r, "expected at least %d fields, found %d", r->need, r->nf);
			return 0;
		}
		for (int i = 0; i < r->nf; i++)
			if (strlen(r->fields[i]) > MAX_TEXT) {
				*st = rd_error(r, "field %d is longer than %d bytes", i + 1, MAX_TEXT);
				return 0;
			}
		r->im->rows[r->file]++;
		return 1;
	}
}

static char *rd_get(reader *r, int k)
{
	return trim(r->fields[r->col[k]]);
}

/* ------------------------------------------------------------ field checks */

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 13-2051 */
static int is_soc(const char *s)
{
	return strlen(s) == 7 && digits(s, 2) && s[2] == '-' && digits(s + 3, 4);
}

/* 13-2051.00 */
static int is_onet_code(const char *s)
{
	return strlen(s) == 10 && digits(s, 2) && s[2] == '-' && digits(s + 3, 4) && s[7] == '.' &&
	       digits(s + 8, 2);
}

/* A finite number, the whole field. */
static int parse_number(const char *s, double *v)
{
	char *end;
	if (!*s)
		return 0;
	errno = 0;
	*v = strtod(s, &end);
	return errno == 0 && *end == '\0' && isfinite(*v);
}

/* BLS figures: thousands separators allowed; "#", "*", "**" (suppressed or
 * top-coded) and the em dash of the projections table are unknown.
 * 1 number, 0 unknown, -1 malformed. */
static int parse_bls(const char *s, double *v)
{
	if (!*s || strcmp(s, "#") == 0 || strcmp(s, "*") == 0 || strcmp(s, "**") == 0 ||
	    strcmp(s, "\xe2\x80\x94") == 0 || strcmp(s, "-") == 0)
		return 0;
	char buf[64];
	size_t k = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ',')
			continue;
		if (k + 1 >= sizeof buf)
			return -1;
		buf[k++] = *p;
	}
	buf[k] = '\0';
	return parse_number(buf, v) ? 1 : -1;
}

/* "8823" or "8823.0" */
static int parse_task_id(const char *s, long *id)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || errno || v <= 0)
		return 0;
	if (*end == '.') {
		end++;
		while (*end == '0')
			end++;
	}
	if (*end)
		return 0;
	*id = v;
	return 1;
}

/* Core, Supplemental, or empty (not rated).  1 ok, 0 malformed. */
static int parse_task_type(const char *s, const char **out)
{
	if (strcmp(s, "Core") == 0 || strcmp(s, "Supplemental") == 0) {
		*out = s;
		return 1;
	}
	if (*s == '\0' || strcmp(s, "n/a") == 0) {
		*out = NULL;
		return 1;
	}
	return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_num(sqlite3_stmt *st, int i, int known, double v)
{
	if (known)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a bound insert or update for the current row. */
static ac_status row_step(reader *r, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE)
		return AC_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return rd_error(r, "repeats an earlier row (%s)", sqlite3_errmsg(r->im->db));
	ac_diags_add(r->im->diags, r->im->tmppath, NULL, 0, 0, "cannot store %s line %ld: %s", r->path,
		     r->line, sqlite3_errmsg(r->im->db));
	return AC_EIO;
}

static int occupation_exists(importer *im, const char *code)
{
	sqlite3_bind_text(im->occ_exists, 1, code, -1, SQLITE_TRANSIENT);
	int found = sqlite3_step(im->occ_exists) == SQLITE_ROW;
	sqlite3_reset(im->occ_exists);
	return found;
}

/* ------------------------------------------------------------ titles */

/* Stores one title and its index entry: the normalised words, and the
 * initials of every run of 2..OCC_MAX_ACRONYM words so that "rn" or "fp&a"
 * finds "Registered Nurses" or "Financial Planning and Analysis Analyst".
 * A title whose words an occupation already has is skipped. */
static ac_status add_title(reader *r, const char *code, int kind, const char *title)
{
	importer *im = r->im;
	occ_words w;
	occ_words_parse(title, &w);
	if (w.n == 0)
		return AC_OK;
	char words[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1];
	occ_words_join(&w, 0, (size_t)w.n, words, sizeof words);
	sqlite3_bind_text(im->title_ins, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(im->title_ins, 2, kind);
	sqlite3_bind_text(im->title_ins, 3, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->title_ins, 4, words, -1, SQLITE_TRANSIENT);
	ac_status st = row_step(r, im->title_ins);
	if (st != AC_OK || sqlite3_changes(im->db) == 0)
		return st;
	char acro[OCC_MAX_WORDS * OCC_MAX_ACRONYM * (OCC_MAX_ACRONYM + 1) + 1];
	size_t len = 0;
	acro[0] = '\0';
	for (int i = 0; i < w.n; i++)
		for (int k = 2; k <= OCC_MAX_ACRONYM && i + k <= w.n; k++) {
			if (len)
				acro[len++] = ' ';
			occ_words_initials(&w, i, k, acro + len);
			len += (size_t)k;
		}
	sqlite3_bind_int64(im->fts_ins, 1, sqlite3_last_insert_rowid(im->db));
	sqlite3_bind_text(im->fts_ins, 2, words, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->fts_ins, 3, acro, -1, SQLITE_TRANSIENT);
	return row_step(r, im->fts_ins);
}

/* Learns an abbreviation the data spells out, from "A (B)" where A and B
 * differ in one place and one side abbreviates the other:
 * "Advertising Manager (Ad Manager)" gives ad = advertising,
 * "Registered Nurse (RN)" gives rn = registered nurse. */
static ac_status learn_abbreviation(reader *r, const char *title)
{
	const char *open = strchr(title, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (!open || !close || strchr(close + 1, '(') || open - title >= 512 || close - open >= 512)
		return AC_OK;
	char outside[512], inside[512];
	memcpy(outside, title, (size_t)(open - title));
	outside[open - title] = '\0';
	memcpy(inside, open + 1, (size_t)(close - open - 1));
	inside[close - open - 1] = '\0';
	occ_words a, b;
	occ_words_parse(outside, &a);
	occ_words_parse(inside, &b);
	int pre = 0, suf = 0;
	while (pre < a.n && pre < b.n && strcmp(a.w[pre], b.w[pre]) == 0)
		pre++;
	while (suf < a.n - pre && suf < b.n - pre && strcmp(a.w[a.n - 1 - suf], b.w[b.n - 1 - suf]) == 0)
		suf++;
	int na = a.n - pre - suf, nb = b.n - pre - suf;
	/* One side differs in a single word that abbreviates the other side's
	 * differing words. */
	for (int side = 0; side < 2; side++) {
		const occ_words *sw = side ? &b : &a, *lw = side ? &a : &b;
		int ns = side ? nb : na, nl = side ? na : nb;
		if (ns != 1 || nl < 1 || nl > OCC_MAX_ACRONYM)
			continue;
		char expansion[OCC_MAX_ACRONYM * (OCC_MAX_WORD + 1) + 1];
		occ_words_join(lw, (size_t)pre, (size_t)(pre + nl), expansion, sizeof expansion);
		if (!occ_is_abbreviation(sw->w[pre], expansion))
			continue;
		sqlite3_bind_text(r->im->abbr_ins, 1, sw->w[pre], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(r->im->abbr_ins, 2, expansion, -1, SQLITE_TRANSIENT);
		return row_step(r, r->im->abbr_ins);
	}
	return AC_OK;
}

/* ------------------------------------------------------------ loaders */

typedef ac_status (*row_fn)(reader *r, sqlite3_stmt *st);

/* Opens a file, finds its header, prepares sql and calls fn for every row. */
static ac_status load(importer *im, int file, const char *const *cols, int n_cols, int scan,
		      const char *sql, row_fn fn)
{
	reader r;
	sqlite3_stmt *st = NULL;
	ac_status s = rd_open(&r, im, file);
	if (s != AC_OK)
		return s;
	if ((s = rd_header(&r, cols, n_cols, scan)) == AC_OK && file == F_PROJECTIONS) {
		/* The edition is the end of "Employment change, percent, 2022-32". */
		const char *h = rd_get(&r, 5), *comma = strrchr(h, ',');
		snprintf(im->projections_edition, sizeof im->projections_edition, "%s",
			 comma ? comma + 1 + strspn(comma + 1, " ") : h);
	}
	if (s == AC_OK && (s = prepare(im, sql, &st)) == AC_OK) {
		while (rd_row(&r, &s))
			if ((s = fn(&r, st)) != AC_OK)
				break;
	}
	sqlite3_finalize(st);
	rd_close(&r);
	return s;
}

static ac_status row_occupation(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0), *title = rd_get(r, 1);
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!*title)
		return rd_error(r, "the occupation has no title");
	char soc[8];
	memcpy(soc, code, 7);
	soc[7] = '\0';
	bind_text(st, 1, code);
	bind_text(st, 2, soc);
	bind_text(st, 3, title);
	bind_text(st, 4, rd_get(r, 2));
	ac_status s = row_step(r, st);
	return s != AC_OK ? s : add_title(r, code, OCC_TITLE, title);
}

static ac_status row_job_zone_ref(reader *r, sqlite3_stmt *st)
{
	double z;
	if (!parse_number(rd_get(r, 0), &z) || z != floor(z) || z < 1 || z > 5)
		return rd_error(r, "job zone '%s' is not a whole number from 1 to 5", rd_get(r, 0));
	sqlite3_bind_int(st, 1, (int)z);
	bind_text(st, 2, rd_get(r, 1));
	return row_step(r, st);
}

static ac_status row_job_zone(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0);
	double z;
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_number(rd_get(r, 1), &z) || z != floor(z) || z < 1 || z > 5)
		return rd_error(r, "job zone '%s' is not a whole number from 1 to 5", rd_get(r, 1));
	sqlite3_bind_int(st, 1, (int)z);
	bind_text(st, 2, code);
	ac_status s = row_step(r, st);
	if (s == AC_OK && sqlite3_changes(r->im->db) == 0)
		return rd_error(r, "occupation %s is not in %s", code, source_files[F_OCCUPATIONS].rel);
	return s;
}

/* GWA element ids: 4.A.<digit>.<letter>.<number> */
static int is_gwa_id(const char *s)
{
	return s[0] == '4' && s[1] == '.' && s[2] == 'A' && s[3] == '.' && s[4] >= '1' && s[4] <= '9' &&
	       s[5] == '.' && s[6] >= 'a' && s[6] <= 'z' && s[7] == '.' && s[8] >= '0' && s[8] <= '9' &&
	       (s[9] == '\0' || (s[9] >= '0' && s[9] <= '9' && s[10] == '\0'));
}

static ac_status row_content_model(reader *r, sqlite3_stmt *st)
{
	const char *id = rd_get(r, 0);
	if (!is_gwa_id(id))
		return AC_OK; /* other parts of the content model */
	bind_text(st, 1, id);
	bind_text(st, 2, rd_get(r, 1));
	return row_step(r, st);
}

/* Whether id starts with prefix followed by a dot. */
static int extends(const char *id, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(id, prefix, n) == 0 && id[n] == '.' && id[n + 1] != '\0';
}

static ac_status row_iwa(reader *r, sqlite3_stmt *st)
{
	const char *gwa = rd_get(r, 0), *iwa = rd_get(r, 1);
	if (!is_gwa_id(gwa))
		return rd_error(r, "'%s' is not a generalized work activity id such as 4.A.2.a.4", gwa);
	if (!extends(iwa, gwa))
		return rd_error(r, "IWA id '%s' does not belong to %s", iwa, gwa);
	bind_text(st, 1, iwa);
	bind_text(st, 2, gwa);
	bind_text(st, 3, rd_get(r, 2));
	bind_text(st, 4, gwa);
	ac_status s = row_step(r, st);
	if (s == AC_OK && sqlite3_changes(r->im->db) == 0)
		return rd_error(r, "GWA %s is not in %s", gwa, source_files[F_CONTENT_MODEL].rel);
	return s;
}

static ac_status row_dwa(reader *r, sqlite3_stmt *st)
{
	const char *gwa = rd_get(r, 0), *iwa = rd_get(r, 1), *dwa = rd_get(r, 2);
	if (!is_gwa_id(gwa))
		return rd_error(r, "'%s' is not a generalized work activity id such as 4.A.2.a.4", gwa);
	if (!extends(iwa, gwa) || !extends(dwa, iwa))
		return rd_error(r, "DWA id '%s' does not belong to IWA '%s' of %s", dwa, iwa, gwa);
	bind_text(st, 1, dwa);
	bind_text(st, 2, iwa);
	bind_text(st, 3, gwa);
	bind_text(st, 4, rd_get(r, 3));
	bind_text(st, 5, iwa);
	bind_text(st, 6, gwa);
	ac_status s = row_step(r, st);
	if (s == AC_OK && sqlite3_changes(r->im->db) == 0)
		return rd_error(r, "IWA %s is not in %s", iwa, source_files[F_IWAS].rel);
	return s;
}

static ac_status row_task(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0), *type;
	long id;
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_task_id(rd_get(r, 1), &id))
		return rd_error(r, "task id '%s' is not a positive whole number", rd_get(r, 1));
	if (!*rd_get(r, 2))
		return rd_error(r, "task %ld has no statement", id);
	if (!parse_task_type(rd_get(r, 3), &type))
		return rd_error(r, "task type '%s' is not Core, Supplemental or empty", rd_get(r, 3));
	if (!occupation_exists(r->im, code))
		return rd_error(r, "occupation %s is not in %s", code, source_files[F_OCCUPATIONS].rel);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, code);
	bind_text(st, 3, rd_get(r, 2));
	bind_text(st, 4, type);
	return row_step(r, st);
}

static ac_status row_task_dwa(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0), *dwa = rd_get(r, 2);
	long id;
	if (!parse_task_id(rd_get(r, 1), &id))
		return rd_error(r, "task id '%s' is not a positive whole number", rd_get(r, 1));
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, dwa);
	bind_text(st, 3, code);
	bind_text(st, 4, dwa);
	ac_status s = row_step(r, st);
	if (s == AC_OK && sqlite3_changes(r->im->db) == 0)
		return rd_error(r, "task %ld of %s or DWA '%s' is not in %s / %s", id, code, dwa,
				source_files[F_TASKS].rel, source_files[F_DWAS].rel);
	return s;
}

static ac_status row_alt_title(reader *r, sqlite3_stmt *st)
{
	(void)st;
	const char *code = rd_get(r, 0), *alt = rd_get(r, 1), *shortt = rd_get(r, 2);
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!occupation_exists(r->im, code))
		return rd_error(r, "occupation %s is not in %s", code, source_files[F_OCCUPATIONS].rel);
	ac_status s = add_title(r, code, OCC_ALTERNATE, alt);
	if (s == AC_OK && *shortt)
		s = add_title(r, code, OCC_SHORT, shortt);
	if (s == AC_OK)
		s = learn_abbreviation(r, alt);
	return s;
}

static ac_status row_reported(reader *r, sqlite3_stmt *st)
{
	(void)st;
	const char *code = rd_get(r, 0);
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!occupation_exists(r->im, code))
		return rd_error(r, "occupation %s is not in %s", code, source_files[F_OCCUPATIONS].rel);
	return add_title(r, code, OCC_REPORTED, rd_get(r, 1));
}

static ac_status row_label(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0), *type, *exposure = rd_get(r, 4), *autom = rd_get(r, 5);
	long id;
	double beta, automation = 0;
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_task_id(rd_get(r, 1), &id))
		return rd_error(r, "task id '%s' is not a positive whole number", rd_get(r, 1));
	if (!parse_task_type(rd_get(r, 3), &type))
		return rd_error(r, "task type '%s' is not Core, Supplemental or empty", rd_get(r, 3));
	if (!parse_number(rd_get(r, 6), &beta) || beta < 0 || beta > 1)
		return rd_error(r, "beta '%s' is not a number from 0 to 1", rd_get(r, 6));
	int has_auto = *autom != '\0';
	if (has_auto) {
		if (autom[0] != 'T' || autom[1] < '0' || autom[1] > '4' || autom[2] != '\0')
			return rd_error(r, "gpt4_automation '%s' is not T0, T1, T2, T3 or T4", autom);
		automation = (autom[1] - '0') / 4.0;
	}
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, code);
	bind_text(st, 3, rd_get(r, 2));
	bind_text(st, 4, type);
	bind_text(st, 5, *exposure ? exposure : NULL);
	sqlite3_bind_double(st, 6, beta);
	bind_num(st, 7, has_auto, automation);
	return row_step(r, st);
}

/* A published figure for an occupation O*NET 29.3 no longer lists is kept
 * out: it has nothing to attach to. */
static ac_status row_occ_level(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0);
	double beta;
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_number(rd_get(r, 1), &beta) || beta < 0 || beta > 1)
		return rd_error(r, "dv_rating_beta '%s' is not a number from 0 to 1", rd_get(r, 1));
	sqlite3_bind_double(st, 1, beta);
	bind_text(st, 2, code);
	return row_step(r, st);
}

static ac_status row_applicability(reader *r, sqlite3_stmt *st)
{
	const char *soc = rd_get(r, 0);
	double v;
	if (!is_soc(soc))
		return rd_error(r, "'%s' is not a SOC code such as 13-2051", soc);
	if (!parse_number(rd_get(r, 2), &v) || v < 0 || v > 1)
		return rd_error(r, "ai_applicability_score '%s' is not a number from 0 to 1", rd_get(r, 2));
	bind_text(st, 1, soc);
	bind_text(st, 2, rd_get(r, 1));
	sqlite3_bind_double(st, 3, v);
	return row_step(r, st);
}

static ac_status row_oews(reader *r, sqlite3_stmt *st)
{
	static const char *const names[] = {"TOT_EMP", "A_MEDIAN", "A_MEAN"};
	const char *code = rd_get(r, 0);
	if (strcmp(rd_get(r, 2), "detailed") != 0)
		return AC_OK; /* totals, major, minor and broad groups */
	if (!is_soc(code))
		return rd_error(r, "OCC_CODE '%s' is not a SOC code such as 13-2051", code);
	bind_text(st, 1, code);
	bind_text(st, 2, rd_get(r, 1));
	for (int k = 0; k < 3; k++) {
		double v;
		int got = parse_bls(rd_get(r, 3 + k), &v);
		if (got < 0)
			return rd_error(r, "%s '%s' is not a number, '#', '*' or '**'", names[k], rd_get(r, 3 + k));
		bind_num(st, 3 + k, got, v);
	}
	return row_step(r, st);
}

static ac_status row_crosswalk(reader *r, sqlite3_stmt *st)
{
	const char *code = rd_get(r, 0), *nem = rd_get(r, 1);
	if (!*code && !*nem)
		return AC_OK;
	if (!is_onet_code(code))
		return rd_error(r, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!is_soc(nem))
		return rd_error(r, "NEM code '%s' is not a code such as 13-2051", nem);
	bind_text(st, 1, code);
	bind_text(st, 2, nem);
	return row_step(r, st);
}

static ac_status row_projection(reader *r, sqlite3_stmt *st)
{
	static const char *const names[] = {"employment in the base year", "employment in the projected year",
					    "employment change, percent"};
	const char *code = rd_get(r, 1), *edu = rd_get(r, 6);
	if (!*code)
		return AC_OK; /* footnotes under the table */
	if (!is_soc(code))
		return rd_error(r, "matrix code '%s' is not a code such as 13-2051", code);
	bind_text(st, 1, code);
	bind_text(st, 2, rd_get(r, 0));
	bind_text(st, 3, rd_get(r, 2));
	for (int k = 0; k < 3; k++) {
		double v;
		int got = parse_bls(rd_get(r, 3 + k), &v);
		if (got < 0)
			return rd_error(r, "%s '%s' is not a number", names[k], rd_get(r, 3 + k));
		bind_num(st, 4 + k, got, v);
	}
	int edu_known = *edu && strcmp(edu, "\xe2\x80\x94") != 0 && strcmp(edu, "-") != 0;
	bind_text(st, 7, edu_known ? edu : NULL);
	return row_step(r, st);
}

#define COLS(...) (const char *const[]){__VA_ARGS__}, (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static ac_status load_all(importer *im)
{
	ac_status s;
#define LOAD(file, cols, scan, sql, fn) \
	if ((s = load(im, file, cols, scan, sql, fn)) != AC_OK) \
		return s;
	LOAD(F_OCCUPATIONS, COLS("O*NET-SOC Code", "Title", "Description"), 1,
	     "INSERT INTO occupations(code, soc, title, description) VALUES(?1, ?2, ?3, ?4)", row_occupation);
	LOAD(F_JOB_ZONE_REF, COLS("Job Zone", "Name"), 1,
	     "INSERT INTO job_zones(zone, name) VALUES(?1, ?2)", row_job_zone_ref);
	LOAD(F_JOB_ZONES, COLS("O*NET-SOC Code", "Job Zone"), 1,
	     "UPDATE occupations SET job_zone = ?1 WHERE code = ?2", row_job_zone);
	LOAD(F_CONTENT_MODEL, COLS("Element ID", "Element Name"), 1,
	     "INSERT INTO gwas(gwa_id, name) VALUES(?1, ?2)", row_content_model);
	LOAD(F_IWAS, COLS("Element ID", "IWA ID", "IWA Title"), 1,
	     "INSERT INTO iwas(iwa_id, gwa_id, title) SELECT ?1, ?2, ?3"
	     " WHERE EXISTS(SELECT 1 FROM gwas WHERE gwa_id = ?4)", row_iwa);
	LOAD(F_DWAS, COLS("Element ID", "IWA ID", "DWA ID", "DWA Title"), 1,
	     "INSERT INTO dwas(dwa_id, iwa_id, gwa_id, title) SELECT ?1, ?2, ?3, ?4"
	     " WHERE EXISTS(SELECT 1 FROM iwas WHERE iwa_id = ?5 AND gwa_id = ?6)", row_dwa);
	LOAD(F_TASKS, COLS("O*NET-SOC Code", "Task ID", "Task", "Task Type"), 1,
	     "INSERT INTO tasks(task_id, code, statement, task_type) VALUES(?1, ?2, ?3, ?4)", row_task);
	LOAD(F_TASK_DWAS, COLS("O*NET-SOC Code", "Task ID", "DWA ID"), 1,
	     "INSERT INTO task_dwas(task_id, dwa_id) SELECT ?1, ?2"
	     " WHERE EXISTS(SELECT 1 FROM tasks WHERE task_id = ?1 AND code = ?3)"
	     " AND EXISTS(SELECT 1 FROM dwas WHERE dwa_id = ?4)", row_task_dwa);
	LOAD(F_ALT_TITLES, COLS("O*NET-SOC Code", "Alternate Title", "Short Title"), 1, "SELECT 1",
	     row_alt_title);
	LOAD(F_REPORTED, COLS("O*NET-SOC Code", "Reported Job Title"), 1, "SELECT 1", row_reported);
	LOAD(F_LABELS, COLS("O*NET-SOC Code", "Task ID", "Task", "Task Type", "gpt4_exposure",
			    "gpt4_automation", "beta"), 1,
	     "INSERT INTO labels(task_id, code, statement, task_type, exposure, beta, automation)"
	     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", row_label);
	LOAD(F_OCC_LEVEL, COLS("O*NET-SOC Code", "dv_rating_beta"), 1,
	     "UPDATE occupations SET beta = ?1 WHERE code = ?2", row_occ_level);
	LOAD(F_APPLICABILITY, COLS("SOC Code", "title", "ai_applicability_score"), 1,
	     "INSERT INTO applicability(soc, title, score) VALUES(?1, ?2, ?3)", row_applicability);
	LOAD(F_OEWS, COLS("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN", "A_MEAN"), 1,
	     "INSERT INTO oews(code, title, employment, median_wage, mean_wage) VALUES(?1, ?2, ?3, ?4, ?5)",
	     row_oews);
	LOAD(F_CROSSWALK, COLS("O*NET-SOC Code", "NEM Code"), 20,
	     "INSERT INTO crosswalk(onet_code, nem_code) VALUES(?1, ?2)", row_crosswalk);
	LOAD(F_PROJECTIONS, COLS("* National Employment Matrix title", "* National Employment Matrix code",
				 "Occupation type", "Employment, 2*", "Employment, 20*",
				 "Employment change, percent, *", "Typical education needed for entry"), 20,
	     "INSERT INTO projections(code, title, type, employment_2022, employment_2032, change_pct, education)"
	     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", row_projection);
#undef LOAD
	return AC_OK;
}

/* The release named in O*NET's "Read Me.txt" ("O*NET 29.3 Database" /
 * "May 2025 Release"), or NULL when the file is absent or says otherwise. */
static char *onet_release(const char *srcdir)
{
	char *path = join_path(srcdir, "onet-29.3/Read Me.txt");
	FILE *f = path ? fopen(path, "rb") : NULL;
	free(path);
	if (!f)
		return NULL;
	char l1[128] = "", l2[128] = "";
	if (!fgets(l1, sizeof l1, f) || !fgets(l2, sizeof l2, f)) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	l1[strcspn(l1, "\r\n")] = '\0';
	l2[strcspn(l2, "\r\n")] = '\0';
	if (strncmp(l1, "O*NET ", 6) != 0)
		return NULL;
	char *cut = strstr(l1, " Database");
	if (cut)
		*cut = '\0';
	cut = strstr(l2, " Release");
	if (cut)
		*cut = '\0';
	char *out = malloc(300);
	if (out)
		snprintf(out, 300, "%s (%s)", l1 + 6, l2);
	return out;
}

static ac_status write_meta(importer *im)
{
	sqlite3_stmt *st = NULL;
	ac_status s = prepare(im, "INSERT INTO meta(key, value) VALUES(?1, ?2)", &st);
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
		if (sqlite3_step(st) != SQLITE_DONE)
			s = fail_sql(im, "cannot write meta");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (s != AC_OK || (s = prepare(im, "INSERT INTO sources VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &st)) != AC_OK)
		return s;
	char *release = onet_release(im->srcdir);
	for (size_t i = 0; i < N_SOURCES && s == AC_OK; i++) {
		const char *v = sources[i].version;
		if (i == 0 && release)
			v = release;
		else if (strcmp(sources[i].name, "bls-projections") == 0 && im->projections_edition[0])
			v = im->projections_edition;
		const char *f[6] = {sources[i].name, sources[i].title, v, sources[i].licence, sources[i].url,
				    sources[i].attribution};
		for (int k = 0; k < 6; k++)
			sqlite3_bind_text(st, k + 1, f[k], -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			s = fail_sql(im, "cannot write the sources");
		sqlite3_reset(st);
	}
	free(release);
	sqlite3_finalize(st);
	if (s != AC_OK || (s = prepare(im, "INSERT INTO source_files VALUES(?1, ?2, ?3, ?4)", &st)) != AC_OK)
		return s;
	for (int i = 0; i < F__COUNT && s == AC_OK; i++) {
		sqlite3_bind_text(st, 1, source_files[i].rel, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, source_files[i].source, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)im->bytes[i]);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)im->rows[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			s = fail_sql(im, "cannot write the file list");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return s;
}

/* Every source file must be readable before anything is built, so that one
 * run names every missing file. */
static ac_status check_files(const char *srcdir, ac_diags *diags)
{
	ac_status s = AC_OK;
	struct stat sb;
	if (stat(srcdir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ac_diags_add(diags, srcdir, NULL, 0, 0, "not a directory: download the official files with "
			     "scripts/fetch-data.sh DIR and import from DIR");
		return AC_EIO;
	}
	for (int i = 0; i < F__COUNT; i++) {
		char *p = join_path(srcdir, source_files[i].rel);
		if (!p)
			return AC_ENOMEM;
		FILE *f = fopen(p, "rb");
		if (!f) {
			ac_diags_add(diags, p, NULL, 0, 0, "cannot open: %s (scripts/fetch-data.sh downloads it)",
				     strerror(errno));
			s = AC_EIO;
		} else {
			fclose(f);
		}
		free(p);
	}
	return s;
}

static void remove_temp(const char *tmp)
{
	size_t n = strlen(tmp) + 16;
	char *p = malloc(n);
	unlink(tmp);
	if (!p)
		return;
	snprintf(p, n, "%s-journal", tmp);
	unlink(p);
	snprintf(p, n, "%s-wal", tmp);
	unlink(p);
	snprintf(p, n, "%s-shm", tmp);
	unlink(p);
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
	    (s = exec_sql(im, schema_sql)) != AC_OK)
		return s;
	if ((s = prepare(im, "INSERT OR IGNORE INTO titles(code, kind, title, words) VALUES(?1, ?2, ?3, ?4)",
			 &im->title_ins)) != AC_OK ||
	    (s = prepare(im, "INSERT INTO title_index(rowid, words, acro) VALUES(?1, ?2, ?3)", &im->fts_ins)) != AC_OK ||
	    (s = prepare(im, "INSERT INTO abbreviations(abbr, expansion, n) VALUES(?1, ?2, 1)"
			     " ON CONFLICT(abbr, expansion) DO UPDATE SET n = n + 1", &im->abbr_ins)) != AC_OK ||
	    (s = prepare(im, "SELECT 1 FROM occupations WHERE code = ?1", &im->occ_exists)) != AC_OK)
		return s;
	if ((s = load_all(im)) != AC_OK)
		return s;
	if ((s = exec_sql(im, derive_sql)) != AC_OK || (s = write_meta(im)) != AC_OK)
		return s;
	return exec_sql(im, "COMMIT");
}

ac_status ac_occdata_import(const char *srcdir, const char *dbpath, ac_diags *diags)
{
	if (!srcdir || !dbpath || !*srcdir || !*dbpath) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "the import needs a source directory and a database path");
		return AC_EINPUT;
	}
	ac_status s = check_files(srcdir, diags);
	if (s != AC_OK)
		return s;
	importer im;
	memset(&im, 0, sizeof im);
	im.diags = diags;
	im.srcdir = srcdir;
	size_t n = strlen(dbpath) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return AC_ENOMEM;
	snprintf(tmp, n, "%s.tmp-%ld", dbpath, (long)getpid());
	im.tmppath = tmp;
	remove_temp(tmp);
	if (sqlite3_open_v2(tmp, &im.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		ac_diags_add(diags, dbpath, NULL, 0, 0, "cannot create the database: %s",
			     im.db ? sqlite3_errmsg(im.db) : "out of memory");
		s = AC_EIO;
	} else {
		s = build(&im);
	}
	sqlite3_finalize(im.title_ins);
	sqlite3_finalize(im.fts_ins);
	sqlite3_finalize(im.abbr_ins);
	sqlite3_finalize(im.occ_exists);
	if (im.db && sqlite3_close(im.db) != SQLITE_OK && s == AC_OK)
		s = fail_sql(&im, "cannot close the database");
	if (s == AC_OK && sync_path(tmp, 0) != 0) {
		ac_diags_add(diags, tmp, NULL, 0, 0, "cannot write the database: %s", strerror(errno));
		s = AC_EIO;
	}
	if (s == AC_OK && rename(tmp, dbpath) != 0) {
		ac_diags_add(diags, dbpath, NULL, 0, 0, "cannot move the new database into place: %s",
			     strerror(errno));
		s = AC_EIO;
	}
	if (s != AC_OK) {
		remove_temp(tmp);
	} else {
		/* The directory entry too; a failure here loses nothing already there. */
		char *dir = strdup(dbpath);
		if (dir) {
			char *slash = strrchr(dir, '/');
			if (slash)
				*(slash == dir ? slash + 1 : slash) = '\0';
			sync_path(slash ? dir : ".", 1);
			free(dir);
		}
	}
	free(tmp);
	return s;
}
