/*
 * date.h — calendar dates written YYYY-MM-DD (the assessment's as_of date and
 * a certificate's retirement date) as day numbers, so that "on or before" and
 * "within so many days" are plain integer comparisons.
 */
#ifndef AICERT_DATE_H
#define AICERT_DATE_H

/* 1 when s is exactly "YYYY-MM-DD" naming a real day of the Gregorian
 * calendar (years 1900 to 9999); *day is then its number, days since
 * 1970-01-01.  0 for anything else (*day unchanged). */
int ac_date_parse(const char *s, long *day);
/* The day as "YYYY-MM-DD" into out (at least 11 bytes). */
void ac_date_format(long day, char *out);
/* Today in UTC, as a day number. */
long ac_date_today(void);

#endif
