/*
 * render.c — ac_render() picks the renderer for a format: the JSON document,
 * or the report walk with the text or the Markdown writer.
 */
#include <stdlib.h>

#include "render/render.h"

ac_status ac_render(const ac_assessment *a, ac_format format, char **out, size_t *len)
{
	if (len)
		*len = 0;
	if (!out)
		return AC_EINPUT;
	*out = NULL;
	if (!a)
		return AC_EINPUT;
	strbuf sb;
	sb_init(&sb);
	ac_status st;
	switch (format) {
	case AC_FORMAT_JSON:
		st = ac_render_json(a, &sb);
		break;
	case AC_FORMAT_TEXT:
		st = ac_render_report(a, ac_text_writer(), &sb);
		break;
	case AC_FORMAT_MARKDOWN:
		st = ac_render_report(a, ac_markdown_writer(), &sb);
		break;
	default:
		st = AC_EINPUT;
		break;
	}
	if (st != AC_OK) {
		sb_free(&sb);
		return st;
	}
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
