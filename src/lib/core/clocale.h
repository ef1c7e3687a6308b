/*
 * clocale.h — numbers are read and written the same whatever locale the
 * embedding program set: "0.60", never "0,60".  The build includes this
 * header first in every library source (-include), so snprintf, vsnprintf
 * and strtod there run in the C locale (POSIX uselocale, per thread).
 */
#ifndef AICERT_CLOCALE_H
#define AICERT_CLOCALE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

int ac_c_snprintf(char *buf, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
int ac_c_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 0)))
#endif
	;
double ac_c_strtod(const char *s, char **end);

#define snprintf(...) ac_c_snprintf(__VA_ARGS__)
#define vsnprintf(b, n, f, ap) ac_c_vsnprintf(b, n, f, ap)
#define strtod(s, e) ac_c_strtod(s, e)

#endif
