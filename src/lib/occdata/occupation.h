/*
 * occupation.h — the inside of the occupation and task values the readers
 * hand out (aicert.h keeps them opaque and gives accessors): occdata/ fills
 * them, and model/ and render/ read their fields directly.
 */
#ifndef AICERT_OCCDATA_OCCUPATION_H
#define AICERT_OCCDATA_OCCUPATION_H

#include <stddef.h>

#include "aicert.h"

struct ac_occ_task {
	long task_id;
	char *statement;
	int core; /* 1 Core, 0 Supplemental */
	char *gwa_id; /* most frequent GWA of the task's DWAs, or NULL */
	char *iwa_id; /* most frequent IWA of its DWAs under that GWA, or NULL */
	int category; /* filled by the engine from the policy's GWA table */
	ac_num beta; /* GPTs-are-GPTs beta (E1 + 0.5 E2) */
	ac_num automation; /* GPTs-are-GPTs gpt4_automation T0..T4 as 0..1 */
	int rated; /* 0 when O*NET gives no Task Type: weighted like Supplemental */
	char *code; /* the O*NET-SOC code of the task's occupation */
	/* The task's measured exposure (0..1): half its GPTs-are-GPTs beta, half
	 * Microsoft's measured AI usage of its work activities (Working with AI,
	 * through task -> DWA -> IWA) rescaled to beta's scale; one source alone
	 * when the other has no figure; unset when neither has.  low..high spans
	 * the two sources' figures (equal when one source is used). */
	ac_num exposure;
	ac_num exposure_low, exposure_high;
	int sources; /* AC_OCC_SOURCE_LABEL | AC_OCC_SOURCE_USAGE: the sources used */
};

struct ac_occupation {
	char *code; /* O*NET-SOC code */
	char *title;
	char *description;
	ac_num beta; /* published GPTs-are-GPTs occupation beta */
	ac_num exposure; /* measured exposure: Core 2 / other 1 weighted mean of its tasks' */
	ac_num exposure_percentile; /* of exposure among all occupations, 0..100 */
	ac_num applicability; /* Microsoft "Working with AI" applicability */
	ac_num beta_percentile; /* of beta among all occupations, 0..100 */
	ac_num applicability_percentile; /* of applicability, 0..100 */
	ac_num employment;
	ac_num median_wage;
	ac_num growth_pct;
	int job_zone;
	ac_occ_task *tasks;
	size_t n_tasks;
	/* Where each figure comes from: the row of the source that supplied it.
	 * A code differing from soc means the source only publishes a wider
	 * group that contains this occupation. */
	char *soc; /* SOC 2018 code: the first seven characters of code */
	char *applicability_code; /* Working with AI SOC row, or NULL */
	char *oews_code; /* OEWS May 2024 row (employment, median wage), or NULL */
	char *oews_title;
	char *projection_code; /* BLS Employment Projections 2022-32 row (growth), or NULL */
	char *education; /* typical education for entry (projections), or NULL */
	char *job_zone_name; /* "Job Zone Four: Considerable Preparation Needed", or NULL */
};

#endif
