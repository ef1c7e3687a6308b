/*
 * jsonl.c — JSON on one line.  A batch record and a history export line are
 * the library's JSON documents with the whitespace between tokens removed,
 * so every value keeps the exact spelling the renderer gave it (re-dumping
 * through a JSON library would respell numbers).  Also: ids in plain words.
 */
#include "batch/batch.h"

size_t ac_json_squeeze(char *json, size_t len)
{
	size_t w = 0;
	int in_string = 0;
	for (size_t r = 0; r < len; r++) {
		char c = json[r];
		if (in_string) {
			if (c == '\\' && r + 1 < len) {
				json[w++] = c; /* the escaped character never ends the string */
				c = json[++r];
			} else if (c == '"') {
				in_string = 0;
			}
		} else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			continue;
		} else if (c == '"') {
			in_string = 1;
		}
		json[w++] = c;
	}
	if (w < len)
		json[w] = '\0';
	return w;
}

int ac_json_compact(strbuf *out, const char *json, size_t len)
{
	size_t start = out->len;
	if (sb_putn(out, json, len) != 0)
		return -1;
	out->len = start + ac_json_squeeze(out->buf + start, len);
	return 0;
}

int ac_json_string(strbuf *out, const char *s)
{
	if (!s)
		return sb_puts(out, "null");
	sb_puts(out, "\"");
	const char *run = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		sb_putn(out, run, (size_t)(s - run));
		if (c == '"' || c == '\\')
			sb_printf(out, "\\%c", c);
		else if (c == '\n')
			sb_puts(out, "\\n");
		else if (c == '\t')
			sb_puts(out, "\\t");
		else if (c == '\r')
			sb_puts(out, "\\r");
		else
			sb_printf(out, "\\u%04x", c);
		run = s + 1;
	}
	sb_putn(out, run, (size_t)(s - run));
	return sb_puts(out, "\"");
}

const char *batch_words(const char *id, char *buf, size_t n)
{
	size_t k = 0;
	for (const char *s = id ? id : ""; *s && k + 3 < n; s++) {
		int word_start = s == id || s[-1] == '_';
		if (word_start && s[0] == 'a' && s[1] == 'i' && (s[2] == '_' || s[2] == '\0')) {
			buf[k++] = 'A';
			buf[k++] = 'I';
			s++;
			continue;
		}
		buf[k++] = *s == '_' ? ' ' : *s;
	}
	buf[k] = '\0';
	return buf;
}
