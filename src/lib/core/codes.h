/*
 * codes.h — the syntax of occupation codes, checked in one place: a SOC 2018
 * code ("13-2051") and an O*NET-SOC code ("13-2051.00").  Whether a code
 * exists is the occupation data's question; this only says whether it is
 * shaped like one.
 */
#ifndef AICERT_CODES_H
#define AICERT_CODES_H

#include <stddef.h>

#define AC_SOC_CODE_LEN 7 /* "13-2051" */
#define AC_ONET_CODE_LEN 10 /* "13-2051.00" */

/* 1 when s is exactly a SOC code, NN-NNNN. */
int ac_code_is_soc(const char *s);
/* 1 when s is exactly an O*NET-SOC code, NN-NNNN.NN. */
int ac_code_is_onet(const char *s);
/* 1 when s is exactly either form (what a profile's role.occupation takes). */
int ac_code_is_occupation(const char *s);

/* Reads a typed code: either form, with blanks (spaces, tabs) around it
 * allowed.  Writes the bare code into buf (at least AC_ONET_CODE_LEN + 1
 * bytes) and sets *is_soc; returns 0 when s is not a code. */
int ac_code_normalise(const char *s, char *buf, size_t size, int *is_soc);

#endif
