/*
 * calibrate.c — how well the policy's category model agrees with the
 * measured data (ac_occdata_calibrate): per occupation the category-default
 * exposure against its measured exposure (two sources), the same with
 * calibrated category exposures (the mean measured exposure of the O*NET
 * tasks in each category), and the published beta against Microsoft's
 * applicability, each as Spearman's rank correlation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sqlite.h"

#include "aicert.h"
#include "core/diag.h"
#include "occdata/handle.h"

typedef struct {
	double v;
	size_t i;
} ranked;

static int by_value(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	return x->v < y->v ? -1 : x->v > y->v ? 1 : (x->i < y->i ? -1 : x->i > y->i);
}

/* Ranks 1..n with ties sharing their mean rank. */
static int rank_values(const double *v, size_t n, double *rank)
{
	ranked *r = malloc(n * sizeof *r);
	if (!r)
		return -1;
	for (size_t i = 0; i < n; i++) {
		r[i].v = v[i];
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, by_value);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && r[j + 1].v == r[i].v)
			j++;
		double mean = (double)(i + j) / 2.0 + 1.0;
		for (size_t k = i; k <= j; k++)
			rank[r[k].i] = mean;
		i = j + 1;
	}
	free(r);
	return 0;
}

/* Spearman's rho into *rho: Pearson's correlation of the ranks (ties
 * averaged); NaN for fewer than two pairs or a constant side.  -1 when
 * memory ran out. */
static int spearman(const double *x, const double *y, size_t n, double *rho)
{
	*rho = NAN;
	if (n < 2)
		return 0;
	double *rx = malloc(n * sizeof *rx), *ry = malloc(n * sizeof *ry);
	int rc = rx && ry && rank_values(x, n, rx) == 0 && rank_values(y, n, ry) == 0 ? 0 : -1;
	if (rc == 0) {
		double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
		for (size_t i = 0; i < n; i++) {
			mx += rx[i];
			my += ry[i];
		}
		mx /= (double)n;
		my /= (double)n;
		for (size_t i = 0; i < n; i++) {
			sxy += (rx[i] - mx) * (ry[i] - my);
			sxx += (rx[i] - mx) * (rx[i] - mx);
			syy += (ry[i] - my) * (ry[i] - my);
		}
		if (sxx > 0 && syy > 0)
			*rho = sxy / sqrt(sxx * syy);
	}
	free(rx);
	free(ry);
	return rc;
}

/* What ac_occdata_calibrate hands out (opaque outside; only this file reads
 * it, as aicert.h's accessors). */
struct ac_occ_calibration {
	size_t n_occupations; /* occupations in the two comparisons below */
	double rho_default; /* Spearman(category-default exposure, measured exposure) */
	double rho_calibrated; /* the same with the calibrated category exposures */
	size_t n_applicability; /* occupations with both a beta and an applicability */
	double rho_applicability; /* Spearman(published beta, Microsoft applicability) */
	double before[AC_CAT__COUNT + 1]; /* the policy's category exposures ([0] unused) */
	double after[AC_CAT__COUNT + 1]; /* calibrated category exposures */
	size_t n_tasks[AC_CAT__COUNT + 1]; /* measured tasks behind after[] */
	size_t unmapped_tasks; /* tasks without a GWA or whose GWA the policy does not map */
};

typedef struct {
	double beta; /* the occupation's measured exposure (two sources) */
	double published; /* published GPTs-are-GPTs beta, NAN when none */
	double w_sum; /* weight of the tasks with a category */
	double before; /* weighted sum of the policy's category exposures */
	double after; /* the same with the calibrated exposures */
	double cat_w[AC_CAT__COUNT + 1];
} occ_acc;

/* Fills out (zeroed) from the database and the policy. */
static ac_status calibrate(ac_occdata *db, const ac_policy *policy, ac_occ_calibration *out, ac_diags *diags)
{
	for (int c = 1; c <= AC_CAT__COUNT; c++)
		out->before[c] = ac_policy_category_exposure(policy, c);

	/* Occupations with a measured exposure, in code order, and their tasks. */
	static const char sql[] =
		"SELECT o.code, o.exposure, o.applicability, t.task_type, t.gwa_id, t.exposure, t.task_id, o.beta"
		" FROM occupations o LEFT JOIN tasks t ON t.code = o.code"
		" WHERE o.exposure IS NOT NULL ORDER BY o.code, t.task_id";
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return occ_db_error(db, diags);
	occ_acc *acc = NULL;
	double *appl = NULL;
	size_t n = 0, cap = 0;
	double cat_sum[AC_CAT__COUNT + 1] = {0};
	char last[16] = "";
	ac_status s = AC_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (!code)
			continue;
		if (strcmp(code, last) != 0) {
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 1024;
				occ_acc *na = realloc(acc, ncap * sizeof *na);
				double *nb = na ? realloc(appl, ncap * sizeof *nb) : NULL;
				if (na)
					acc = na;
				if (!na || !nb) {
					s = ac_diags_oom(diags, db->path, "calibrating");
					break;
				}
				appl = nb;
				cap = ncap;
			}
			memset(&acc[n], 0, sizeof acc[n]);
			acc[n].beta = sqlite3_column_double(st, 1);
			acc[n].published =
				sqlite3_column_type(st, 7) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 7);
			appl[n] = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
			n++;
			snprintf(last, sizeof last, "%s", code);
		}
		const char *gwa = (const char *)sqlite3_column_text(st, 4);
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			continue; /* an occupation without tasks */
		int cat = gwa ? ac_policy_gwa_category(policy, gwa) : 0;
		if (cat < 1 || cat > AC_CAT__COUNT) {
			out->unmapped_tasks++;
			continue;
		}
		const char *type = (const char *)sqlite3_column_text(st, 3);
		double w = (type && strcmp(type, "Core") == 0) ? 2.0 : 1.0;
		occ_acc *a = &acc[n - 1];
		a->w_sum += w;
		a->before += w * out->before[cat];
		a->cat_w[cat] += w;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			cat_sum[cat] += sqlite3_column_double(st, 5);
			out->n_tasks[cat]++;
		}
	}
	if (s == AC_OK && rc != SQLITE_DONE)
		s = occ_db_error(db, diags);
	sqlite3_finalize(st);

	for (int c = 1; c <= AC_CAT__COUNT; c++)
		out->after[c] = out->n_tasks[c] ? cat_sum[c] / (double)out->n_tasks[c] : out->before[c];

	double *x = NULL, *y = NULL, *z = NULL;
	if (s == AC_OK && n > 0) {
		x = malloc(n * sizeof *x);
		y = malloc(n * sizeof *y);
		z = malloc(n * sizeof *z);
		if (!x || !y || !z)
			s = ac_diags_oom(diags, NULL, "calibrating");
	}
	if (s == AC_OK && n > 0) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			if (acc[i].w_sum <= 0)
				continue;
			double after = 0;
			for (int c = 1; c <= AC_CAT__COUNT; c++)
				after += acc[i].cat_w[c] * out->after[c];
			x[m] = acc[i].before / acc[i].w_sum;
			z[m] = after / acc[i].w_sum;
			y[m] = acc[i].beta;
			m++;
		}
		out->n_occupations = m;
		int lost = spearman(x, y, m, &out->rho_default);
		lost |= spearman(z, y, m, &out->rho_calibrated);
		m = 0;
		for (size_t i = 0; i < n; i++)
			if (!isnan(appl[i]) && !isnan(acc[i].published)) {
				x[m] = acc[i].published;
				y[m] = appl[i];
				m++;
			}
		out->n_applicability = m;
		lost |= spearman(x, y, m, &out->rho_applicability);
		if (lost)
			s = ac_diags_oom(diags, NULL, "calibrating");
	}
	free(x);
	free(y);
	free(z);
	free(acc);
	free(appl);
	return s;
}

ac_status ac_occdata_calibrate(ac_occdata *db, const ac_policy *policy, ac_occ_calibration **out, ac_diags *diags)
{
	*out = NULL;
	if (!db)
		return occ_no_data(diags);
	if (!policy) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "calibration needs a policy to compare with the data");
		return AC_EINPUT;
	}
	ac_occ_calibration *c = calloc(1, sizeof *c);
	if (!c)
		return ac_diags_oom(diags, NULL, "calibrating");
	ac_status s = calibrate(db, policy, c, diags);
	if (s != AC_OK) {
		free(c);
		return s;
	}
	*out = c;
	return AC_OK;
}

void ac_occ_calibration_free(ac_occ_calibration *c)
{
	free(c);
}

size_t ac_occ_calibration_occupations(const ac_occ_calibration *c)
{
	return c ? c->n_occupations : 0;
}

double ac_occ_calibration_rho_default(const ac_occ_calibration *c)
{
	return c ? c->rho_default : 0;
}

double ac_occ_calibration_rho_calibrated(const ac_occ_calibration *c)
{
	return c ? c->rho_calibrated : 0;
}

size_t ac_occ_calibration_applicability_occupations(const ac_occ_calibration *c)
{
	return c ? c->n_applicability : 0;
}

double ac_occ_calibration_rho_applicability(const ac_occ_calibration *c)
{
	return c ? c->rho_applicability : 0;
}

/* 1 when cat is a category (1..AC_CAT__COUNT). */
static int is_category(int cat)
{
	return cat >= 1 && cat <= AC_CAT__COUNT;
}

double ac_occ_calibration_before(const ac_occ_calibration *c, int cat)
{
	return c && is_category(cat) ? c->before[cat] : 0;
}

double ac_occ_calibration_after(const ac_occ_calibration *c, int cat)
{
	return c && is_category(cat) ? c->after[cat] : 0;
}

size_t ac_occ_calibration_tasks(const ac_occ_calibration *c, int cat)
{
	return c && is_category(cat) ? c->n_tasks[cat] : 0;
}

size_t ac_occ_calibration_unmapped_tasks(const ac_occ_calibration *c)
{
	return c ? c->unmapped_tasks : 0;
}
