/*
 * internal_cert.h — helpers over ac_cert shared inside libaicert: freeing and
 * deep-copying a certificate (the engine merges a catalogue entry with a
 * profile's custom fields; the catalogue and the profile own their copies), and
 * the one place where a certificate's cost arithmetic is done.
 */
#ifndef AICERT_INTERNAL_CERT_H
#define AICERT_INTERNAL_CERT_H

#include "aicert.h"

/* Frees every string and list c owns and zeroes it; c itself is not freed. */
void ac_cert_free_fields(ac_cert *c);

/* Deep-copies src into dst (whose old contents are not freed: pass a zeroed or
 * freed ac_cert).  On AC_ENOMEM dst is left zeroed. */
ac_status ac_cert_copy(ac_cert *dst, const ac_cert *src);

/* What a certificate costs one person.  A figure is unset when an input it
 * needs is unknown, never guessed. */
typedef struct {
	ac_num weeks;             /* hours / hours_per_week */
	ac_num time_value_usd;    /* hours x hourly pay */
	ac_num total_cost_usd;    /* cost_usd + time_value_usd (both needed) */
	ac_num cost_per_year_usd; /* cost_usd / (validity_months / 12) */
	int per_year_not_applicable; /* 1 when the certificate does not expire */
} ac_cert_cost;

/* Computes the figures above from the certificate and the person's pace
 * (hours per week, > 0) and pay (USD per hour); either may be unset. */
void ac_cert_costs(const ac_cert *c, ac_num hours_per_week, ac_num hourly_pay_usd, ac_cert_cost *out);

#endif
