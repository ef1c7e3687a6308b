/*
 * render.c — ac_render() picks the renderer for a format: the JSON document,
 * or the report walk with the text, the Markdown or the HTML writer.
 */
#include <stdlib.h>
#include <string.h>

#include "core/options.h"

#include "render/render.h"

void ac_render_options_init(ac_render_options *o)
{
	memset(o, 0, sizeof *o);
	o->struct_size = sizeof *o;
	o->width = 78;
}

void ac_render_options_resolve(const ac_render_options *in, size_t *width, int *color)
{
	*width = 78;
	*color = 0;
	if (!in)
		return;
	if (AC_HAS_FIELD(in, ac_render_options, width) && in->width)
		*width = in->width < 40 ? 40 : in->width > 1000 ? 1000 : in->width;
	if (AC_HAS_FIELD(in, ac_render_options, color))
		*color = in->color != 0;
}

ac_status ac_render(const ac_assessment *a, ac_format format, char **out, size_t *len)
{
	return ac_render_opts(a, format, NULL, out, len);
}

ac_status ac_render_opts(const ac_assessment *a, ac_format format, const ac_render_options *o, char **out,
			 size_t *len)
{
	if (len)
		*len = 0;
	if (!out)
		return AC_EINPUT;
	*out = NULL;
	if (!a)
		return AC_EINPUT;
	unsigned long failures = ac_mem_failures(); /* a text left out is a failure, not a shorter report */
	strbuf sb;
	sb_init(&sb);
	ac_status st;
	switch (format) {
	case AC_FORMAT_JSON:
		st = ac_render_json(a, &sb);
		break;
	case AC_FORMAT_TEXT:
		st = ac_render_report(a, ac_text_writer(), o, &sb);
		break;
	case AC_FORMAT_MARKDOWN:
		st = ac_render_report(a, ac_markdown_writer(), o, &sb);
		break;
	case AC_FORMAT_HTML:
		st = ac_render_report(a, ac_html_writer(), o, &sb);
		break;
	default:
		st = AC_EINPUT;
		break;
	}
	if (st == AC_OK && ac_mem_failures() != failures)
		st = AC_ENOMEM;
	if (st != AC_OK) {
		sb_free(&sb);
		return st;
	}
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
