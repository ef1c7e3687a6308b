/*
 * number.h — how a number is written where the exact form matters: a whole
 * number as an integer (150, not 150.0), so that output reads like the input.
 * Kept free of any JSON library: a writer asks ac_num_is_whole and then
 * writes an integer or a real its own way.
 */
#ifndef AICERT_NUMBER_H
#define AICERT_NUMBER_H

#include <math.h>

/* The largest magnitude below which every whole double is exact (2^53). */
#define AC_WHOLE_MAX 9007199254740992.0

/* 1 when x is finite, has no fractional part and is within +-2^53, so that
 * writing it as an integer (for JSON: (json_int_t)x) loses nothing. */
static inline int ac_num_is_whole(double x)
{
	return isfinite(x) && x == floor(x) && fabs(x) <= AC_WHOLE_MAX;
}

/* fmin and fmax as the compiler writes them, without a call to the maths
 * library: when one number is NaN, the other. */
static inline double ac_num_min(double a, double b)
{
	return isnan(a) ? b : isnan(b) ? a : a < b ? a : b;
}

static inline double ac_num_max(double a, double b)
{
	return isnan(a) ? b : isnan(b) ? a : a > b ? a : b;
}

#endif
