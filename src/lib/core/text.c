/*
 * text.c — the checks of text.h on a text read from a file.
 */
#include <string.h>

#include "core/text.h"
#include "core/utf8.h"

ac_status ac_text_check(const char *text, size_t len, size_t max, const char *source, const char *what, ac_diags *diags)
{
	if (len > max) {
		if (max % (1024 * 1024) == 0)
			ac_diags_add(diags, source, NULL, 0, 0, "found %zu bytes, expected %s of at most %zu MiB", len,
				     what, max / (1024 * 1024));
		else
			ac_diags_add(diags, source, NULL, 0, 0, "found %zu bytes, expected %s of at most %zu bytes",
				     len, what, max);
		return AC_EINPUT;
	}
	if (len && memchr(text, '\0', len)) {
		ac_diags_add(diags, source, NULL, 0, 0, "found a NUL byte, expected a text file");
		return AC_EINPUT;
	}
	size_t bad;
	if (!ac_utf8_valid(text, len, &bad)) {
		int line = 1, col = 1;
		for (size_t i = 0; i < bad; i++, col++)
			if (text[i] == '\n') {
				line++;
				col = 0;
			}
		ac_diags_add(diags, source, NULL, line, col,
			     "found the byte 0x%02x, which is not UTF-8; expected "
			     "text in UTF-8",
			     (unsigned char)text[bad]);
		return AC_EINPUT;
	}
	return AC_OK;
}
