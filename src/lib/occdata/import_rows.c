/*
 * import_rows.c — one loader per official file: the columns it needs (found
 * by name in its header), how each row is checked, and where it is stored.
 * A malformed row stops the import with "file:line: problem"; figures a
 * source marks as suppressed are stored as unknown.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/diag.h"
#include "occdata/import_db.h"
#include "occdata/occdata.h"

/* ------------------------------------------------------------ field checks */

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
 * 1 number from lo to hi, 0 unknown, -1 malformed or out of range. */
static int parse_bls(const char *s, double lo, double hi, double *v)
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
	return parse_number(buf, v) && *v >= lo && *v <= hi ? 1 : -1;
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

static int occupation_exists(importer *im, const char *code)
{
	sqlite3_bind_text(im->occ_exists, 1, code, -1, SQLITE_TRANSIENT);
	int found = sqlite3_step(im->occ_exists) == SQLITE_ROW;
	sqlite3_reset(im->occ_exists);
	return found;
}

/* ------------------------------------------------------------ loaders */

typedef ac_status (*row_fn)(loader *ld, sqlite3_stmt *st);

/* A file cut at a line boundary reads cleanly: only its size tells.  Far
 * fewer rows than the edition its path names (under 90 %) is refused. */
static ac_status check_row_count(loader *ld)
{
	const occ_source_file *f = &occ_source_files[ld->file];
	if (ld->in.rows * 10 >= f->release_rows * 9)
		return AC_OK;
	const occ_dataset *d = NULL;
	for (size_t i = 0; i < occ_n_datasets && !d; i++)
		if (strcmp(occ_datasets[i].name, f->source) == 0)
			d = &occ_datasets[i];
	return dsv_error(&ld->in,
			 "the file ends after %zu rows; the %s %s has %zu (at least 90 %% of them "
			 "were expected): the file looks cut short.  For a sample of the files (a test "
			 "fixture), import with --sample",
			 ld->in.rows, d ? d->title : f->source, d ? d->version : "release", f->release_rows);
}

/* Opens a file, finds its header, prepares sql and calls fn for every row. */
static ac_status load(importer *im, int file, const char *const *cols, int n_cols, int scan, const char *sql, row_fn fn)
{
	loader ld = {im, file, {0}};
	sqlite3_stmt *st = NULL;
	char *path = occ_join_path(im->srcdir, occ_source_files[file].rel);
	if (!path)
		return ac_diags_oom(im->diags, occ_source_files[file].rel, "opening a source file");
	ac_status s = dsv_open(&ld.in, path, occ_source_files[file].sep, im->diags);
	free(path);
	if (s != AC_OK)
		return s;
	ld.in.max_field = OCC_MAX_TEXT;
	if ((s = dsv_header(&ld.in, cols, n_cols, scan)) == AC_OK && file == F_PROJECTIONS) {
		/* The edition is the end of "Employment change, percent, 2022-32". */
		const char *h = dsv_get(&ld.in, 5), *comma = strrchr(h, ',');
		snprintf(im->projections_edition, sizeof im->projections_edition, "%s",
			 comma ? comma + 1 + strspn(comma + 1, " ") : h);
	}
	if (s == AC_OK && (s = occ_import_prepare(im, sql, &st)) == AC_OK) {
		while (dsv_row(&ld.in, &s))
			if ((s = fn(&ld, st)) != AC_OK)
				break;
	}
	if (s == AC_OK && !im->sample)
		s = check_row_count(&ld);
	sqlite3_finalize(st);
	im->rows[file] = ld.in.rows;
	im->bytes[file] = ld.in.bytes;
	dsv_close(&ld.in);
	return s;
}

static ac_status row_occupation(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0), *title = dsv_get(&ld->in, 1);
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!*title)
		return dsv_error(&ld->in, "the occupation has no title");
	char soc[8];
	memcpy(soc, code, 7);
	soc[7] = '\0';
	bind_text(st, 1, code);
	bind_text(st, 2, soc);
	bind_text(st, 3, title);
	bind_text(st, 4, dsv_get(&ld->in, 2));
	ac_status s = occ_row_step(ld, st);
	return s != AC_OK ? s : occ_add_title(ld, code, OCC_TITLE, title);
}

static ac_status row_job_zone_ref(loader *ld, sqlite3_stmt *st)
{
	double z;
	if (!parse_number(dsv_get(&ld->in, 0), &z) || z != floor(z) || z < 1 || z > 5)
		return dsv_error(&ld->in, "job zone '%s' is not a whole number from 1 to 5", dsv_get(&ld->in, 0));
	sqlite3_bind_int(st, 1, (int)z);
	bind_text(st, 2, dsv_get(&ld->in, 1));
	return occ_row_step(ld, st);
}

static ac_status row_job_zone(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0);
	double z;
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_number(dsv_get(&ld->in, 1), &z) || z != floor(z) || z < 1 || z > 5)
		return dsv_error(&ld->in, "job zone '%s' is not a whole number from 1 to 5", dsv_get(&ld->in, 1));
	sqlite3_bind_int(st, 1, (int)z);
	bind_text(st, 2, code);
	ac_status s = occ_row_step(ld, st);
	if (s == AC_OK && sqlite3_changes(ld->im->db) == 0)
		return dsv_error(&ld->in, "occupation %s is not in %s", code, occ_source_files[F_OCCUPATIONS].rel);
	return s;
}

/* GWA element ids: 4.A.<digit>.<letter>.<number> */
static int is_gwa_id(const char *s)
{
	return s[0] == '4' && s[1] == '.' && s[2] == 'A' && s[3] == '.' && s[4] >= '1' && s[4] <= '9' && s[5] == '.' &&
	       s[6] >= 'a' && s[6] <= 'z' && s[7] == '.' && s[8] >= '0' && s[8] <= '9' &&
	       (s[9] == '\0' || (s[9] >= '0' && s[9] <= '9' && s[10] == '\0'));
}

static ac_status row_content_model(loader *ld, sqlite3_stmt *st)
{
	const char *id = dsv_get(&ld->in, 0);
	if (!is_gwa_id(id))
		return AC_OK; /* other parts of the content model */
	bind_text(st, 1, id);
	bind_text(st, 2, dsv_get(&ld->in, 1));
	return occ_row_step(ld, st);
}

/* Whether id starts with prefix followed by a dot. */
static int extends(const char *id, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(id, prefix, n) == 0 && id[n] == '.' && id[n + 1] != '\0';
}

static ac_status row_iwa(loader *ld, sqlite3_stmt *st)
{
	const char *gwa = dsv_get(&ld->in, 0), *iwa = dsv_get(&ld->in, 1);
	if (!is_gwa_id(gwa))
		return dsv_error(&ld->in, "'%s' is not a generalized work activity id such as 4.A.2.a.4", gwa);
	if (!extends(iwa, gwa))
		return dsv_error(&ld->in, "IWA id '%s' does not belong to %s", iwa, gwa);
	bind_text(st, 1, iwa);
	bind_text(st, 2, gwa);
	bind_text(st, 3, dsv_get(&ld->in, 2));
	bind_text(st, 4, gwa);
	ac_status s = occ_row_step(ld, st);
	if (s == AC_OK && sqlite3_changes(ld->im->db) == 0)
		return dsv_error(&ld->in, "GWA %s is not in %s", gwa, occ_source_files[F_CONTENT_MODEL].rel);
	return s;
}

static ac_status row_dwa(loader *ld, sqlite3_stmt *st)
{
	const char *gwa = dsv_get(&ld->in, 0), *iwa = dsv_get(&ld->in, 1), *dwa = dsv_get(&ld->in, 2);
	if (!is_gwa_id(gwa))
		return dsv_error(&ld->in, "'%s' is not a generalized work activity id such as 4.A.2.a.4", gwa);
	if (!extends(iwa, gwa) || !extends(dwa, iwa))
		return dsv_error(&ld->in, "DWA id '%s' does not belong to IWA '%s' of %s", dwa, iwa, gwa);
	bind_text(st, 1, dwa);
	bind_text(st, 2, iwa);
	bind_text(st, 3, gwa);
	bind_text(st, 4, dsv_get(&ld->in, 3));
	bind_text(st, 5, iwa);
	bind_text(st, 6, gwa);
	ac_status s = occ_row_step(ld, st);
	if (s == AC_OK && sqlite3_changes(ld->im->db) == 0)
		return dsv_error(&ld->in, "IWA %s is not in %s", iwa, occ_source_files[F_IWAS].rel);
	return s;
}

static ac_status row_task(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0), *type;
	long id;
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_task_id(dsv_get(&ld->in, 1), &id))
		return dsv_error(&ld->in, "task id '%s' is not a positive whole number", dsv_get(&ld->in, 1));
	if (!*dsv_get(&ld->in, 2))
		return dsv_error(&ld->in, "task %ld has no statement", id);
	if (!parse_task_type(dsv_get(&ld->in, 3), &type))
		return dsv_error(&ld->in, "task type '%s' is not Core, Supplemental or empty", dsv_get(&ld->in, 3));
	if (!occupation_exists(ld->im, code))
		return dsv_error(&ld->in, "occupation %s is not in %s", code, occ_source_files[F_OCCUPATIONS].rel);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, code);
	bind_text(st, 3, dsv_get(&ld->in, 2));
	bind_text(st, 4, type);
	return occ_row_step(ld, st);
}

static ac_status row_task_dwa(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0), *dwa = dsv_get(&ld->in, 2);
	long id;
	if (!parse_task_id(dsv_get(&ld->in, 1), &id))
		return dsv_error(&ld->in, "task id '%s' is not a positive whole number", dsv_get(&ld->in, 1));
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, dwa);
	bind_text(st, 3, code);
	bind_text(st, 4, dwa);
	ac_status s = occ_row_step(ld, st);
	if (s == AC_OK && sqlite3_changes(ld->im->db) == 0)
		return dsv_error(&ld->in, "task %ld of %s or DWA '%s' is not in %s / %s", id, code, dwa,
				 occ_source_files[F_TASKS].rel, occ_source_files[F_DWAS].rel);
	return s;
}

static ac_status row_alt_title(loader *ld, sqlite3_stmt *st)
{
	(void)st;
	const char *code = dsv_get(&ld->in, 0), *alt = dsv_get(&ld->in, 1), *shortt = dsv_get(&ld->in, 2);
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!occupation_exists(ld->im, code))
		return dsv_error(&ld->in, "occupation %s is not in %s", code, occ_source_files[F_OCCUPATIONS].rel);
	ac_status s = occ_add_title(ld, code, OCC_ALTERNATE, alt);
	if (s == AC_OK && *shortt)
		s = occ_add_title(ld, code, OCC_SHORT, shortt);
	if (s == AC_OK)
		s = occ_learn_abbreviation(ld, alt);
	return s;
}

static ac_status row_reported(loader *ld, sqlite3_stmt *st)
{
	(void)st;
	const char *code = dsv_get(&ld->in, 0);
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!occupation_exists(ld->im, code))
		return dsv_error(&ld->in, "occupation %s is not in %s", code, occ_source_files[F_OCCUPATIONS].rel);
	return occ_add_title(ld, code, OCC_REPORTED, dsv_get(&ld->in, 1));
}

static ac_status row_label(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0), *type, *exposure = dsv_get(&ld->in, 4), *autom = dsv_get(&ld->in, 5);
	long id;
	double beta, automation = 0;
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_task_id(dsv_get(&ld->in, 1), &id))
		return dsv_error(&ld->in, "task id '%s' is not a positive whole number", dsv_get(&ld->in, 1));
	if (!parse_task_type(dsv_get(&ld->in, 3), &type))
		return dsv_error(&ld->in, "task type '%s' is not Core, Supplemental or empty", dsv_get(&ld->in, 3));
	if (!parse_number(dsv_get(&ld->in, 6), &beta) || beta < 0 || beta > 1)
		return dsv_error(&ld->in, "beta '%s' is not a number from 0 to 1", dsv_get(&ld->in, 6));
	int has_auto = *autom != '\0';
	if (has_auto) {
		if (autom[0] != 'T' || autom[1] < '0' || autom[1] > '4' || autom[2] != '\0')
			return dsv_error(&ld->in, "gpt4_automation '%s' is not T0, T1, T2, T3 or T4", autom);
		automation = (autom[1] - '0') / 4.0;
	}
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, code);
	bind_text(st, 3, dsv_get(&ld->in, 2));
	bind_text(st, 4, type);
	bind_text(st, 5, *exposure ? exposure : NULL);
	sqlite3_bind_double(st, 6, beta);
	bind_num(st, 7, has_auto, automation);
	return occ_row_step(ld, st);
}

/* A published figure for an occupation O*NET 29.3 no longer lists is kept
 * out: it has nothing to attach to. */
static ac_status row_occ_level(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0);
	double beta;
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!parse_number(dsv_get(&ld->in, 1), &beta) || beta < 0 || beta > 1)
		return dsv_error(&ld->in, "dv_rating_beta '%s' is not a number from 0 to 1", dsv_get(&ld->in, 1));
	sqlite3_bind_double(st, 1, beta);
	bind_text(st, 2, code);
	return occ_row_step(ld, st);
}

static ac_status row_applicability(loader *ld, sqlite3_stmt *st)
{
	const char *soc = dsv_get(&ld->in, 0);
	double v;
	if (!ac_code_is_soc(soc))
		return dsv_error(&ld->in, "'%s' is not a SOC code such as 13-2051", soc);
	if (!parse_number(dsv_get(&ld->in, 2), &v) || v < 0 || v > 1)
		return dsv_error(&ld->in, "ai_applicability_score '%s' is not a number from 0 to 1",
				 dsv_get(&ld->in, 2));
	bind_text(st, 1, soc);
	bind_text(st, 2, dsv_get(&ld->in, 1));
	sqlite3_bind_double(st, 3, v);
	return occ_row_step(ld, st);
}

/* Microsoft's measured AI usage of one work activity: the mean of its
 * completion x scope x coverage among user goals and AI actions (either may
 * be empty: the other stands alone; both empty: the activity is unmeasured). */
static ac_status row_iwa_metric(loader *ld, sqlite3_stmt *st)
{
	const char *iwa = dsv_get(&ld->in, 0);
	if (strncmp(iwa, "4.A.", 4) != 0 || strlen(iwa) >= 32)
		return dsv_error(&ld->in, "'%s' is not an O*NET IWA id such as 4.A.1.a.1.I01", iwa);
	double sum = 0;
	int n = 0;
	for (int k = 1; k <= 2; k++) {
		const char *f = dsv_get(&ld->in, k);
		double v;
		if (!*f)
			continue;
		if (!parse_number(f, &v) || v < 0 || v > 1)
			return dsv_error(
				&ld->in, "%s '%s' is not a number from 0 to 1",
				k == 1 ? "completion_x_scope_x_coverage_user" : "completion_x_scope_x_coverage_ai", f);
		sum += v;
		n++;
	}
	if (!n)
		return AC_OK;
	bind_text(st, 1, iwa);
	sqlite3_bind_double(st, 2, sum / n);
	return occ_row_step(ld, st);
}

static ac_status row_oews(loader *ld, sqlite3_stmt *st)
{
	/* People employed, then annual wages in dollars. */
	static const char *const names[] = {"TOT_EMP", "A_MEDIAN", "A_MEAN"};
	static const double most[] = {1e9, 1e7, 1e7};
	const char *code = dsv_get(&ld->in, 0);
	if (strcmp(dsv_get(&ld->in, 2), "detailed") != 0)
		return AC_OK; /* totals, major, minor and broad groups */
	if (!ac_code_is_soc(code))
		return dsv_error(&ld->in, "OCC_CODE '%s' is not a SOC code such as 13-2051", code);
	bind_text(st, 1, code);
	bind_text(st, 2, dsv_get(&ld->in, 1));
	for (int k = 0; k < 3; k++) {
		double v;
		int got = parse_bls(dsv_get(&ld->in, 3 + k), 0, most[k], &v);
		if (got < 0)
			return dsv_error(&ld->in, "%s '%s' is not a number from 0 to %.0f, '#', '*' or '**'", names[k],
					 dsv_get(&ld->in, 3 + k), most[k]);
		bind_num(st, 3 + k, got, v);
	}
	return occ_row_step(ld, st);
}

static ac_status row_crosswalk(loader *ld, sqlite3_stmt *st)
{
	const char *code = dsv_get(&ld->in, 0), *nem = dsv_get(&ld->in, 1);
	if (!*code && !*nem)
		return AC_OK;
	if (!ac_code_is_onet(code))
		return dsv_error(&ld->in, "'%s' is not an O*NET-SOC code such as 13-2051.00", code);
	if (!ac_code_is_soc(nem))
		return dsv_error(&ld->in, "NEM code '%s' is not a code such as 13-2051", nem);
	bind_text(st, 1, code);
	bind_text(st, 2, nem);
	return occ_row_step(ld, st);
}

static ac_status row_projection(loader *ld, sqlite3_stmt *st)
{
	/* Employment in thousands, then its change in percent (it may fall). */
	static const char *const names[] = {"employment in the base year", "employment in the projected year",
					    "employment change, percent"};
	static const double least[] = {0, 0, -100}, most[] = {1e6, 1e6, 1000};
	const char *code = dsv_get(&ld->in, 1), *edu = dsv_get(&ld->in, 6);
	if (!*code)
		return AC_OK; /* footnotes under the table */
	if (!ac_code_is_soc(code))
		return dsv_error(&ld->in, "matrix code '%s' is not a code such as 13-2051", code);
	bind_text(st, 1, code);
	bind_text(st, 2, dsv_get(&ld->in, 0));
	bind_text(st, 3, dsv_get(&ld->in, 2));
	for (int k = 0; k < 3; k++) {
		double v;
		int got = parse_bls(dsv_get(&ld->in, 3 + k), least[k], most[k], &v);
		if (got < 0)
			return dsv_error(&ld->in, "%s '%s' is not a number from %.0f to %.0f", names[k],
					 dsv_get(&ld->in, 3 + k), least[k], most[k]);
		bind_num(st, 4 + k, got, v);
	}
	int edu_known = *edu && strcmp(edu, "\xe2\x80\x94") != 0 && strcmp(edu, "-") != 0;
	bind_text(st, 7, edu_known ? edu : NULL);
	return occ_row_step(ld, st);
}

#define COLS(...)                                                                                                      \
	(const char *const[]){__VA_ARGS__}, (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

ac_status occ_load_all(importer *im)
{
	ac_status s;
#define LOAD(file, cols, scan, sql, fn)                                                                                \
	if (!im->skip[file] && (s = load(im, file, cols, scan, sql, fn)) != AC_OK)                                     \
		return s;
	LOAD(F_OCCUPATIONS, COLS("O*NET-SOC Code", "Title", "Description"), 1,
	     "INSERT INTO occupations(code, soc, title, description) VALUES(?1, ?2, ?3, ?4)", row_occupation);
	LOAD(F_JOB_ZONE_REF, COLS("Job Zone", "Name"), 1, "INSERT INTO job_zones(zone, name) VALUES(?1, ?2)",
	     row_job_zone_ref);
	LOAD(F_JOB_ZONES, COLS("O*NET-SOC Code", "Job Zone"), 1, "UPDATE occupations SET job_zone = ?1 WHERE code = ?2",
	     row_job_zone);
	LOAD(F_CONTENT_MODEL, COLS("Element ID", "Element Name"), 1, "INSERT INTO gwas(gwa_id, name) VALUES(?1, ?2)",
	     row_content_model);
	LOAD(F_IWAS, COLS("Element ID", "IWA ID", "IWA Title"), 1,
	     "INSERT INTO iwas(iwa_id, gwa_id, title) SELECT ?1, ?2, ?3"
	     " WHERE EXISTS(SELECT 1 FROM gwas WHERE gwa_id = ?4)",
	     row_iwa);
	LOAD(F_DWAS, COLS("Element ID", "IWA ID", "DWA ID", "DWA Title"), 1,
	     "INSERT INTO dwas(dwa_id, iwa_id, gwa_id, title) SELECT ?1, ?2, ?3, ?4"
	     " WHERE EXISTS(SELECT 1 FROM iwas WHERE iwa_id = ?5 AND gwa_id = ?6)",
	     row_dwa);
	LOAD(F_TASKS, COLS("O*NET-SOC Code", "Task ID", "Task", "Task Type"), 1,
	     "INSERT INTO tasks(task_id, code, statement, task_type) VALUES(?1, ?2, ?3, ?4)", row_task);
	LOAD(F_TASK_DWAS, COLS("O*NET-SOC Code", "Task ID", "DWA ID"), 1,
	     "INSERT INTO task_dwas(task_id, dwa_id) SELECT ?1, ?2"
	     " WHERE EXISTS(SELECT 1 FROM tasks WHERE task_id = ?1 AND code = ?3)"
	     " AND EXISTS(SELECT 1 FROM dwas WHERE dwa_id = ?4)",
	     row_task_dwa);
	LOAD(F_ALT_TITLES, COLS("O*NET-SOC Code", "Alternate Title", "Short Title"), 1, "SELECT 1", row_alt_title);
	LOAD(F_REPORTED, COLS("O*NET-SOC Code", "Reported Job Title"), 1, "SELECT 1", row_reported);
	LOAD(F_LABELS,
	     COLS("O*NET-SOC Code", "Task ID", "Task", "Task Type", "gpt4_exposure", "gpt4_automation", "beta"), 1,
	     "INSERT INTO labels(task_id, code, statement, task_type, exposure, beta, automation)"
	     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	     row_label);
	LOAD(F_OCC_LEVEL, COLS("O*NET-SOC Code", "dv_rating_beta"), 1,
	     "UPDATE occupations SET beta = ?1 WHERE code = ?2", row_occ_level);
	LOAD(F_APPLICABILITY, COLS("SOC Code", "title", "ai_applicability_score"), 1,
	     "INSERT INTO applicability(soc, title, score) VALUES(?1, ?2, ?3)", row_applicability);
	LOAD(F_OEWS, COLS("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN", "A_MEAN"), 1,
	     "INSERT INTO oews(code, title, employment, median_wage, mean_wage) VALUES(?1, ?2, ?3, ?4, ?5)", row_oews);
	LOAD(F_CROSSWALK, COLS("O*NET-SOC Code", "NEM Code"), 20,
	     "INSERT INTO crosswalk(onet_code, nem_code) VALUES(?1, ?2)", row_crosswalk);
	LOAD(F_PROJECTIONS,
	     COLS("* National Employment Matrix title", "* National Employment Matrix code", "Occupation type",
		  "Employment, 2*", "Employment, 20*", "Employment change, percent, *",
		  "Typical education needed for entry"),
	     20,
	     "INSERT INTO projections(code, title, type, employment_2022, employment_2032, change_pct, education)"
	     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	     row_projection);
	LOAD(F_IWA_METRICS, COLS("IWA", "completion_x_scope_x_coverage_user", "completion_x_scope_x_coverage_ai"), 1,
	     "INSERT INTO iwa_usage(iwa_id, usage) VALUES(?1, ?2)", row_iwa_metric);
#undef LOAD
	return AC_OK;
}
