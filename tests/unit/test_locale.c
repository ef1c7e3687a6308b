/*
 * test_locale.c — the library reads and writes numbers the same under any
 * locale the embedding program sets: the default policy ("0.60") is read, and
 * an assessment's text, Markdown and JSON are byte for byte those of the C
 * locale, under a locale whose decimal separator is a comma (de_DE.UTF-8;
 * the test is skipped, exit 77, when the system has no such locale).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	return buf;
}

/* The three renderings of one assessment, joined; NULL on any failure. */
static char *assess_all(const char *json, size_t len)
{
	ac_diags d;
	ac_diags_init(&d);
	ac_session *s = NULL;
	ac_profile *p = NULL;
	ac_assessment *a = NULL;
	char *all = NULL;
	ac_assess_options o;
	ac_assess_options_init(&o);
	o.as_of = "2026-03-01";
	if (ac_session_new(NULL, &s, &d) == AC_OK && ac_profile_parse(json, len, "profile", &p, &d) == AC_OK &&
	    ac_session_assess(s, p, &o, &a, &d) == AC_OK) {
		char *t = NULL, *m = NULL, *j = NULL;
		size_t tl, ml, jl;
		if (ac_render(a, AC_FORMAT_TEXT, &t, &tl) == AC_OK && ac_render(a, AC_FORMAT_MARKDOWN, &m, &ml) == AC_OK &&
		    ac_render(a, AC_FORMAT_JSON, &j, &jl) == AC_OK && (all = malloc(tl + ml + jl + 1))) {
			memcpy(all, t, tl);
			memcpy(all + tl, m, ml);
			memcpy(all + tl + ml, j, jl);
			all[tl + ml + jl] = '\0';
		}
		ac_free(t);
		ac_free(m);
		ac_free(j);
	}
	for (size_t i = 0; i < ac_diags_count(&d); i++)
		fprintf(stderr, "test_locale: %s\n", ac_diag_message(ac_diags_at(&d, i)));
	ac_assessment_free(a);
	ac_profile_free(p);
	ac_session_free(s);
	ac_diags_free(&d);
	return all;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: test_locale PROFILE.json\n", stderr);
		return 2;
	}
	size_t len;
	char *json = read_all(argv[1], &len);
	if (!json) {
		fprintf(stderr, "test_locale: cannot read %s\n", argv[1]);
		return 1;
	}
	char *in_c = assess_all(json, len);
	if (!in_c) {
		fputs("FAIL: the assessment failed in the C locale\n", stderr);
		return 1;
	}
	const char *comma = setlocale(LC_ALL, "de_DE.UTF-8") ? "de_DE.UTF-8" : NULL;
	if (!comma) {
		puts("test_locale: skipped: no de_DE.UTF-8 locale here (localedef -i de_DE -f UTF-8 de_DE.UTF-8)");
		return 77;
	}
	char probe[16];
	snprintf(probe, sizeof probe, "%.1f", 37.8);
	if (strcmp(probe, "37,8") != 0) {
		printf("test_locale: skipped: %s writes 37.8 as %s, not with a comma\n", comma, probe);
		return 77;
	}
	char *in_de = assess_all(json, len);
	int ok = in_de && strcmp(in_c, in_de) == 0;
	if (!in_de)
		fprintf(stderr, "FAIL: under %s the assessment failed\n", comma);
	else if (!ok) {
		size_t i = 0;
		while (in_c[i] == in_de[i])
			i++;
		fprintf(stderr, "FAIL: under %s the output differs at byte %zu: '%.40s' instead of '%.40s'\n", comma, i,
			in_de + i, in_c + i);
	} else
		printf("test_locale: under %s, text, Markdown and JSON are those of the C locale (%zu bytes)\n", comma,
		       strlen(in_c));
	free(in_c);
	free(in_de);
	free(json);
	return ok ? 0 : 1;
}
