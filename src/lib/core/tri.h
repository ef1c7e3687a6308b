/*
 * tri.h — three-valued logic: an unanswered question is unknown, never a
 * guess.  Small inline helpers shared by every layer.
 */
#ifndef AICERT_TRI_H
#define AICERT_TRI_H

#include "aicert.h"

static inline ac_tri ac_tri_of(int v)
{
	return v ? AC_TRUE : AC_FALSE;
}

static inline ac_tri ac_tri_not(ac_tri a)
{
	return a == AC_TRUE ? AC_FALSE : a == AC_FALSE ? AC_TRUE : AC_UNKNOWN;
}

static inline ac_tri ac_tri_or(ac_tri a, ac_tri b)
{
	if (a == AC_TRUE || b == AC_TRUE)
		return AC_TRUE;
	return a == AC_FALSE && b == AC_FALSE ? AC_FALSE : AC_UNKNOWN;
}

static inline ac_tri ac_tri_and(ac_tri a, ac_tri b)
{
	if (a == AC_FALSE || b == AC_FALSE)
		return AC_FALSE;
	return a == AC_TRUE && b == AC_TRUE ? AC_TRUE : AC_UNKNOWN;
}

#endif
