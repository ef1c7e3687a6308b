/*
 * import_exposure.c — each task's measured exposure from two independent
 * sources: its GPTs-are-GPTs label (beta) and Microsoft's measured AI usage of
 * its work activities (task -> DWA -> IWA), rescaled to beta's scale; then
 * each occupation's exposure on that same measure.  Why this combination:
 * the README's "Measured task exposure" and scripts/measure-exposure.py.
 */
#include <math.h>

#include "core/number.h"
#include "occdata/import_db.h"
#include "occdata/occdata.h"

/* Mean and standard deviation of beta and of the usage over the tasks that
 * have both. */
static ac_status moments(importer *im, double *mb, double *sb, double *mu, double *su, long *n)
{
	sqlite3_stmt *st = NULL;
	ac_status s = occ_import_prepare(
		im,
		"SELECT count(*), avg(beta), avg(beta * beta), avg(usage), avg(usage * usage) FROM tasks"
		" WHERE beta IS NOT NULL AND usage IS NOT NULL",
		&st);
	if (s != AC_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		s = occ_import_sql_error(im, rc, "cannot measure the exposure sources");
	} else {
		*n = sqlite3_column_int64(st, 0);
		*mb = sqlite3_column_double(st, 1);
		*sb = sqrt(ac_num_max(0, sqlite3_column_double(st, 2) - *mb * *mb));
		*mu = sqlite3_column_double(st, 3);
		*su = sqrt(ac_num_max(0, sqlite3_column_double(st, 4) - *mu * *mu));
	}
	sqlite3_finalize(st);
	return s;
}

static ac_status run(importer *im, const char *sql, const double *params, int n_params)
{
	sqlite3_stmt *st = NULL;
	ac_status s = occ_import_prepare(im, sql, &st);
	if (s != AC_OK)
		return s;
	for (int i = 0; i < n_params; i++)
		sqlite3_bind_double(st, i + 1, params[i]);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		s = occ_import_sql_error(im, rc, "cannot derive the measured exposure");
	sqlite3_finalize(st);
	return s;
}

ac_status occ_derive_exposure(importer *im)
{
	double mb = 0, sb = 0, mu = 0, su = 0;
	long n = 0;
	ac_status s = moments(im, &mb, &sb, &mu, &su, &n);
	if (s != AC_OK)
		return s;
	/* Without tasks measured by both, there is no common scale: the usage
	 * is then not used. */
	if (n > 1 && su > 0) {
		const double p[] = {mu, su, sb, mb};
		s = run(im,
			"UPDATE tasks SET usage_scaled = max(0.0, min(1.0, (usage - ?1) / ?2 * ?3 + ?4))"
			" WHERE usage IS NOT NULL",
			p, 4);
	}
	const double w[] = {OCC_BETA_WEIGHT};
	if (s == AC_OK)
		s = run(im,
			"UPDATE tasks SET"
			" exposure = CASE WHEN beta IS NULL THEN usage_scaled WHEN usage_scaled IS NULL THEN beta"
			"  ELSE ?1 * beta + (1 - ?1) * usage_scaled END,"
			" exposure_low = CASE WHEN beta IS NULL THEN usage_scaled WHEN usage_scaled IS NULL THEN beta"
			"  ELSE min(beta, usage_scaled) END,"
			" exposure_high = CASE WHEN beta IS NULL THEN usage_scaled WHEN usage_scaled IS NULL THEN beta"
			"  ELSE max(beta, usage_scaled) END,"
			" sources = (beta IS NOT NULL) + 2 * (usage_scaled IS NOT NULL)",
			w, 1);
	if (s == AC_OK)
		s = run(im,
			"UPDATE occupations SET exposure = (SELECT sum(CASE task_type WHEN 'Core' THEN 2.0 ELSE 1.0 END"
			" * t.exposure) / sum(CASE task_type WHEN 'Core' THEN 2.0 ELSE 1.0 END) FROM tasks t"
			" WHERE t.code = occupations.code AND t.exposure IS NOT NULL)",
			NULL, 0);
	return s;
}
