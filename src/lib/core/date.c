/*
 * date.c — day numbers for YYYY-MM-DD dates, by the usual civil-calendar
 * arithmetic (proleptic Gregorian, no time zones: a date is a whole day), and
 * today's date in UTC for an assessment that names none.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "aicert.h"
#include "core/date.h"

/* Days since 1970-01-01 of y-m-d (m 1..12, d 1..31). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(long y, long m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

int ac_date_parse(const char *s, long *day)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	long part[3] = {0, 0, 0};
	static const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < len[k]; i++) {
			char c = s[at[k] + i];
			if (c < '0' || c > '9')
				return 0;
			part[k] = part[k] * 10 + (c - '0');
		}
	if (part[0] < 1900 || part[1] < 1 || part[1] > 12 || part[2] < 1 || part[2] > days_in_month(part[0], part[1]))
		return 0;
	*day = days_from_civil(part[0], part[1], part[2]);
	return 1;
}

void ac_date_format(long day, char *out)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	long y = yoe + era * 400 + (m <= 2);
	if (y < 0 || y > 9999) {
		char buf[80];
		snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
		memcpy(out, buf, 10);
		out[10] = '\0';
		return;
	}
	for (int i = 3; i >= 0; i--, y /= 10)
		out[i] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

long ac_date_today(void)
{
	return (long)(time(NULL) / 86400);
}

int ac_date_valid(const char *s)
{
	long day;
	return ac_date_parse(s, &day);
}
