/*
 * search.h — the inside of the matches title search hands out (aicert.h
 * keeps them opaque and gives accessors): search.c fills them, and render/
 * reads their fields directly.
 */
#ifndef AICERT_OCCDATA_SEARCH_H
#define AICERT_OCCDATA_SEARCH_H

#include "aicert.h"

struct ac_occ_match {
	char *code;
	char *title; /* the occupation's O*NET title */
	char *matched; /* the title that matched, as written in the data */
	double confidence;
	const char *via; /* "title", "alternate title", "short title" or "reported title" */
};

#endif
