/*
 * writer.c — writes a policy back as text.  The policy keeps the text it was
 * read from, so a rewrite changes only the lines it means to and keeps every
 * comment a coach wrote; today's one rewrite is the calibration of the
 * category exposures (`aicert data calibrate`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "policy/policy.h"

/* n bytes of s without surrounding blanks, copied into dst (cut to size). */
static void trim_copy(char *dst, size_t size, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

ac_status ac_policy_write_with_category_exposures(const ac_policy *pol, const double *exposures, const size_t *measured,
						  char **out, size_t *len)
{
	*out = NULL;
	if (len)
		*len = 0;
	if (!pol || !exposures || !measured)
		return AC_EINTERNAL;
	const ac_wording *w = pol->wording;
	strbuf sb;
	sb_init(&sb);
	int cat = 0, top = 1;
	for (const char *p = pol->text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[512], key[64];
		trim_copy(line, sizeof line, p, n);
		const char *eq = strchr(line, '=');
		key[0] = '\0';
		if (eq && line[0] != '#')
			trim_copy(key, sizeof key, line, (size_t)(eq - line));
		if (line[0] == '[') {
			top = 0;
			cat = 0;
			if (strncmp(line, "[category ", 10) == 0 && line[strlen(line) - 1] == ']') {
				char name[64];
				trim_copy(name, sizeof name, line + 10, strlen(line) - 11);
				cat = ac_enum_value(AC_ENUM_CATEGORY, name);
			}
		}
		const char *value = eq ? eq + 1 + strspn(eq + 1, " ") : NULL;
		if (cat > 0 && strcmp(key, "exposure") == 0) {
			char tasks[32];
			snprintf(tasks, sizeof tasks, "%zu", measured[cat]);
			sb_puts(&sb, "# ");
			if (measured[cat]) {
				AC_SAY(&sb, w, AC_W_CALIBRATE_CALIBRATED, tasks, value);
				sb_printf(&sb, "\nexposure = %.2f\n", exposures[cat]);
			} else {
				sb_puts(&sb, ac_word(w, AC_W_CALIBRATE_KEPT));
				sb_printf(&sb, "\n%.*s\n", (int)n, p);
			}
		} else if (top && strcmp(key, "name") == 0) {
			sb_printf(&sb, "name = %s-calibrated\n", value);
		} else {
			sb_printf(&sb, "%.*s\n", (int)n, p);
		}
		p += n + (nl ? 1 : 0);
	}
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}
