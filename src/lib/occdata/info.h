/*
 * info.h — the inside of the description of an installed database that
 * ac_occdata_info_get hands out (aicert.h keeps it and its sources opaque and
 * gives accessors): info.c fills it, and render/ reads its fields directly.
 */
#ifndef AICERT_OCCDATA_INFO_H
#define AICERT_OCCDATA_INFO_H

#include <stddef.h>

#include "aicert.h"

struct ac_occ_source {
	char *name; /* "onet", "gpts-are-gpts", "working-with-ai", "bls-oews", ... */
	char *title;
	char *version;
	char *licence;
	char *url;
	char *attribution;
	int missing; /* 1: its files were not there at import time; nothing of it is used */
};

struct ac_occdata_info {
	int schema_version;
	char *imported_at; /* UTC, ISO 8601 */
	size_t occupations, tasks, labels, titles, dwas;
	size_t with_beta, with_applicability, with_wage, with_growth;
	ac_occ_source *sources;
	size_t n_sources;
};

#endif
