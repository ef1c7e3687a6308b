/*
 * clocale.c — the C-locale number functions of clocale.h: the calling
 * thread switches to the C locale for the call and back (uselocale), so an
 * embedding program's LC_NUMERIC never changes what the library reads or
 * writes.
 */
#include "core/clocale.h"

#include <errno.h>
#include <locale.h>
#include <pthread.h>

/* Here the names mean the C library's own functions. */
#undef snprintf
#undef vsnprintf
#undef strtod

static locale_t c_locale;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Enters the C locale; returns what to give back to leave (uselocale with
 * (locale_t)0 changes nothing, should newlocale have failed). */
static locale_t enter(void)
{
	pthread_once(&once, make_c_locale);
	return c_locale ? uselocale(c_locale) : (locale_t)0;
}

static void leave(locale_t old)
{
	if (old)
		uselocale(old);
}

int ac_c_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	locale_t old = enter();
	int r = vsnprintf(buf, n, fmt, ap);
	leave(old);
	return r;
}

int ac_c_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = ac_c_vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

double ac_c_strtod(const char *s, char **end)
{
	locale_t old = enter();
	double x = strtod(s, end);
	int e = errno; /* strtod's ERANGE, whatever switching back does */
	leave(old);
	errno = e;
	return x;
}
