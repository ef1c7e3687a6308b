/*
 * figures.c — the one formatting of each kind of figure (figures.h).  Every
 * rounding is half away from zero after a tiny nudge, so 0.285 shown as a
 * percentage is the 29% a person would compute, whatever the binary
 * fraction underneath.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "policy/figures.h"

/* x rounded to `decimals` places, half away from zero. */
static double rounded(double x, int decimals)
{
	double scale = pow(10, decimals);
	double y = fabs(x) * scale;
	y = floor(y + 0.5 + 1e-9);
	return copysign(y / scale, x);
}

void ac_fig_number(strbuf *sb, double x)
{
	/* rounded(x, 2) in hundredths, written digit by digit: what "%.2f" writes
	 * of it (the double nearest k / 100 is within a thousandth of it below
	 * 1e13), without its trailing zeros. */
	double y = floor(fabs(x) * 100 + 0.5 + 1e-9);
	if (y < 1e15) {
		unsigned long long k = (unsigned long long)y, whole = k / 100;
		unsigned frac = (unsigned)(k % 100);
		char buf[32], *end = buf + sizeof buf, *d = end;
		if (frac % 10)
			*--d = (char)('0' + frac % 10);
		if (frac)
			*--d = (char)('0' + frac / 10), *--d = '.';
		do
			*--d = (char)('0' + whole % 10);
		while (whole /= 10);
		if (k && signbit(x))
			*--d = '-';
		sb_putn(sb, d, (size_t)(end - d));
		return;
	}
	char buf[400];
	snprintf(buf, sizeof buf, "%.2f", rounded(x, 2));
	char *end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		*--end = '\0';
	sb_puts(sb, strcmp(buf, "-0") == 0 ? "0" : buf);
}

void ac_fig_percent(strbuf *sb, double fraction)
{
	double y = rounded(fraction * 100, 0) + 0.0; /* a whole number, and never -0 */
	if (!(fabs(y) < 1e15)) {
		sb_printf(sb, "%.0f%%", y);
		return;
	}
	/* The digits "%.0f" writes of a whole number, without printf. */
	char buf[24], *end = buf + sizeof buf, *d = end;
	unsigned long long k = (unsigned long long)fabs(y);
	*--d = '%';
	do
		*--d = (char)('0' + k % 10);
	while (k /= 10);
	if (y < 0)
		*--d = '-';
	sb_putn(sb, d, (size_t)(end - d));
}

void ac_fig_money(strbuf *sb, double usd)
{
	double x = rounded(usd, 0);
	if (fabs(x) >= 1e15) { /* beyond any real price: no separators */
		sb_printf(sb, "$%g", x);
		return;
	}
	char digits[32];
	snprintf(digits, sizeof digits, "%.0f", fabs(x));
	size_t n = strlen(digits);
	sb_puts(sb, x < 0 ? "-$" : "$");
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			sb_putn(sb, ",", 1);
		sb_putn(sb, &digits[i], 1);
	}
}

/* n with the singular or plural unit text. */
static void with_unit(strbuf *sb, const ac_wording *w, double n, int decimals, int one, int many)
{
	strbuf num;
	sb_init(&num);
	if (decimals)
		ac_fig_number(&num, rounded(n, decimals));
	else
		sb_printf(&num, "%.0f", n);
	const char *text = num.buf ? num.buf : "";
	AC_SAY(sb, w, strcmp(text, "1") == 0 ? one : many, text);
	sb_free(&num);
}

double ac_fig_whole_weeks(double weeks)
{
	return ceil(weeks - 1e-9);
}

void ac_fig_weeks(strbuf *sb, const ac_wording *w, double weeks)
{
	with_unit(sb, w, ac_fig_whole_weeks(weeks), 0, AC_W_UNIT_WEEK, AC_W_UNIT_WEEKS);
}

void ac_fig_hours(strbuf *sb, const ac_wording *w, double hours)
{
	with_unit(sb, w, hours, 1, AC_W_UNIT_HOUR, AC_W_UNIT_HOURS);
}

void ac_fig_months(strbuf *sb, const ac_wording *w, double months)
{
	with_unit(sb, w, months, 1, AC_W_UNIT_MONTH, AC_W_UNIT_MONTHS);
}
