/*
 * figures.h — how every number reads in a report: one rounding and one
 * formatting per kind of figure (percentages, money, weeks, hours, months),
 * shared by the policy's texts (template.c) and the report (render/), so a
 * fact shows the same figure in every section.  Units are worded by the
 * wording file ("1 week", "14 weeks").
 */
#ifndef AICERT_FIGURES_H
#define AICERT_FIGURES_H

#include "core/strbuf.h"
#include "policy/wording.h"

/* A fraction as a whole percentage: 0.714 -> "71%". */
void ac_fig_percent(strbuf *sb, double fraction);
/* Whole US dollars with thousands separators: 1699.5 -> "$1,700". */
void ac_fig_money(strbuf *sb, double usd);
/* A plain number, at most two decimals, no trailing zeros: 2.5 -> "2.5". */
void ac_fig_number(strbuf *sb, double x);
/* Weeks rounded up to whole weeks, with their unit: 13.5 -> "14 weeks". */
void ac_fig_weeks(strbuf *sb, const ac_wording *w, double weeks);
/* The whole weeks ac_fig_weeks shows for x. */
double ac_fig_whole_weeks(double weeks);
/* Hours (at most one decimal) with their unit: "1 hour", "2.5 hours". */
void ac_fig_hours(strbuf *sb, const ac_wording *w, double hours);
/* Months with their unit: "12 months". */
void ac_fig_months(strbuf *sb, const ac_wording *w, double months);

#endif
