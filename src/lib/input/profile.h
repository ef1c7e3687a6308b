/*
 * profile.h — the parsed profile as the library sees it: one struct with a
 * field per answer of PROFILE.md, unknown answers marked as such (AC_UNKNOWN,
 * 0 for enums, set = 0 for numbers, NULL for strings).  A target role or a
 * capability gap given as "" is kept as "": an answer ("none"), unlike an
 * absent one.  Opaque to callers.
 */
#ifndef AICERT_PROFILE_H
#define AICERT_PROFILE_H

#include "aicert.h"
#include "input/cert.h"

typedef struct {
	char *name;
	double share; /* as given, in percent */
	int category; /* AC_CAT_* or 0 when onet_task_id supplies it */
	long onet_task_id; /* 0 when not given */
	ac_tri repeatable;
	ac_tri standardized_output;
	ac_tri benchmarkable;
	ac_tri needs_decision_authority;
	ac_num exposure;
	ac_num automation; /* measured automation signal (occupation data) */
} ac_task;

struct ac_profile {
	int schema_version; /* 1 or 2: the version of PROFILE.md it was written in */
	char *label;
	struct {
		char *title;
		char *occupation;
		int kind;
		ac_task *tasks;
		size_t n_tasks;
		int tasks_given; /* the tasks key was present */
		ac_tri owns_measurable_outcomes;
		int decision_authority;
		int revenue_distance;
		int ladder_level; /* 0 when not given */
		int leverage_test;
		int function; /* AC_FN_* or 0 */
		int value_basis;
		int manager_given;
		ac_num manager_reporting_share;
		ac_tri manager_purely_supervisory;
		ac_tri manager_owns_outcomes;
		ac_num hourly_pay_usd;
	} role;
	struct {
		ac_tri tested_in_role;
		int level;
		ac_tri widened_scope;
	} ai_use;
	struct {
		char *target_role;
		ac_tri expanding_into_system_design;
		ac_tri transitioning_to_hybrid;
	} trajectory;
	struct {
		ac_tri leadership_values_ai_literacy;
		ac_tri promotion_committees_want_credentials;
		ac_tri politics_reward_formal_programs;
		ac_tri credential_sensitive_environment;
		int leader_reading;
		int signals_given; /* adoption_signals key present */
		unsigned signals; /* bit (1u << AC_SIG_x) */
	} organization;
	struct {
		char *name;
		int business_model_compressing;
		ac_tri shifting_to_ai;
		int digital_intensity;
	} industry;
	int motives_given;
	unsigned motives; /* bit (1u << AC_MOT_x) */
	char *capability_gap;
	int cert_given;
	ac_cert cert; /* cert.id set for a catalogue reference */
	struct {
		ac_num budget_usd;
		ac_num hours_per_week;
	} constraints;
};

#endif
