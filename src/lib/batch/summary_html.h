/*
 * summary_html.h — an HTML writer with the renderers' writer interface
 * (render.h's rw_writer), a bar chart as inline SVG, and the page around
 * them: a self-contained page with no scripts and no outside resources.
 */
#ifndef AICERT_SUMMARY_HTML_H
#define AICERT_SUMMARY_HTML_H

#include "render/render.h"

/* A bar chart of n values with their labels. */
typedef void (*summary_chart)(rw_out *o, const char *const *labels, const unsigned long long *values, size_t n,
			      const char *caption);

const rw_writer *ac_html_writer(void);
void ac_html_chart(rw_out *o, const char *const *labels, const unsigned long long *values, size_t n,
		   const char *caption);
/* The start of the page (up to <main>) and its end. */
void ac_html_begin(strbuf *sb, const char *title);
void ac_html_end(strbuf *sb);

#endif
