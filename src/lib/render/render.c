/*
 * render.c — ac_render() picks the renderer for a format: the JSON document,
 * or the report walk with the text, the Markdown or the HTML writer;
 * ac_render_shown() picks between the JSON and the text of what the other
 * commands show (catalogue, comparison, occupations).
 */
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

ac_status ac_render(const ac_assessment *a, ac_format format, char **out, size_t *len)
{
	return ac_render_opts(a, format, NULL, out, len);
}

ac_status ac_render_opts(const ac_assessment *a, ac_format format, const ac_render_options *o, char **out, size_t *len)
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
	/* An assessment's document is seldom under 8 KiB: room for 16 KiB at
	 * once, rather than eight doublings from 64 bytes, each a copy. */
	sb_room_grow(&sb, 16 * 1024);
	ac_status st;
	switch (format) {
	case AC_FORMAT_JSON: st = ac_render_json(a, &sb); break;
	case AC_FORMAT_TEXT: st = ac_render_report(a, ac_text_writer(), o, &sb); break;
	case AC_FORMAT_MARKDOWN: st = ac_render_report(a, ac_markdown_writer(), o, &sb); break;
	case AC_FORMAT_HTML: st = ac_render_report(a, ac_html_writer(), o, &sb); break;
	default: st = AC_EINPUT; break;
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

ac_status ac_render_shown(ac_format format, unsigned texts, ac_render_json_fn *json, ac_render_text_fn *text,
			  const void *data, char **out, size_t *len)
{
	*out = NULL;
	unsigned long failures = ac_mem_failures();
	if (format == AC_FORMAT_JSON)
		return ac_render_json_value(json(data), failures, out, len);
	if (texts && !(format > 0 && format < 32 && (texts >> format & 1u)))
		return AC_EINPUT;
	const ac_wording *words = NULL;
	strbuf sb;
	ac_status st = ac_render_text_begin(&words, &sb);
	if (st != AC_OK)
		return st;
	text(&sb, words, format, data);
	return ac_render_text_end(&sb, out, len);
}
