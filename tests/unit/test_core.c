/*
 * test_core.c — the core layer on its own: diagnostics keep messages of any
 * length and say when they cut one, every enum's names and its "a, b or c"
 * sentence agree, occupation codes have one syntax, text is cut on character
 * boundaries, whole numbers are told from reals, dates are real calendar
 * days counted exactly, and the delimited-text
 * reader reads quoted and ragged input faithfully or names the line it
 * cannot read (including the reader cases among tests/fixtures/occdata/bad).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aicert.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/dsv.h"
#include "core/jsonw.h"
#include "core/number.h"
#include "policy/figures.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#ifndef OCC_FIXTURE_DIR
#define OCC_FIXTURE_DIR "tests/fixtures/occdata"
#endif

/* ------------------------------------------------------------ diagnostics */

static void a_message_longer_than_1024_bytes_is_kept_whole(void **state)
{
	(void)state;
	char *long_text = malloc(5001);
	assert_non_null(long_text);
	memset(long_text, 'x', 5000);
	long_text[4999] = 'z';
	long_text[5000] = '\0';
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_diags_add(&d, "file.json", "role.title", 3, 7, "found \"%s\"", long_text), AC_OK);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(strlen(ac_diag_message(ac_diags_at(&d, 0))), 5000 + 8);
	assert_int_equal(ac_diag_message(ac_diags_at(&d, 0))[5000 + 6], 'z');
	char *s = ac_diag_format(ac_diags_at(&d, 0));
	assert_non_null(s);
	assert_true(strncmp(s, "file.json:3:7: role.title: found \"", 34) == 0);
	assert_int_equal(strlen(s), 34 + 5000 + 1);
	ac_free(s);
	ac_diags_free(&d);
	free(long_text);
}

static void a_message_over_the_cap_is_cut_on_a_character_and_says_so(void **state)
{
	(void)state;
	/* "é" is two bytes; an odd prefix puts the cap inside one. */
	size_t n = AC_DIAG_MAX_MESSAGE + 100;
	char *text = malloc(n + 1);
	assert_non_null(text);
	text[0] = 'a';
	for (size_t i = 1; i + 1 < n; i += 2) {
		text[i] = (char)0xC3;
		text[i + 1] = (char)0xA9;
	}
	text[n - 1] = 'b';
	text[n] = '\0';
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_diags_add(&d, NULL, NULL, 0, 0, "%s", text), AC_OK);
	const char *m = ac_diag_message(ac_diags_at(&d, 0));
	const char *note = strstr(m, " [message cut: ");
	assert_non_null(note);
	size_t kept = (size_t)(note - m);
	assert_true(kept <= AC_DIAG_MAX_MESSAGE && kept >= AC_DIAG_MAX_MESSAGE - 3);
	assert_int_equal(kept % 2, 1); /* 'a' and whole two-byte characters */
	assert_int_equal(memcmp(m, text, kept), 0);
	char expect[96];
	snprintf(expect, sizeof expect, " [message cut: %zu of %zu bytes shown]", kept, n);
	assert_string_equal(note, expect);
	ac_diags_free(&d);
	free(text);
}

static void out_of_memory_is_reported_as_itself(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(ac_diags_oom(&d, "data.tsv", "reading a row"), AC_ENOMEM);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_string_equal(ac_diag_message(ac_diags_at(&d, 0)), "out of memory while reading a row");
	assert_string_equal(ac_diag_source(ac_diags_at(&d, 0)), "data.tsv");
	assert_int_equal(ac_diags_oom(NULL, NULL, NULL), AC_ENOMEM); /* no list: the status says it */
	ac_diags_free(&d);
	assert_string_equal(ac_strerror(AC_ENOMEM), "out of memory");
}

static void formatting_places_only_what_is_known(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	ac_diags_add(&d, NULL, NULL, 0, 0, "plain");
	ac_diags_add(&d, "p.policy", NULL, 12, 0, "at a line");
	ac_diags_add(&d, NULL, "a.b", 0, 0, "at a path");
	const char *want[] = {"plain", "p.policy:12: at a line", "a.b: at a path"};
	for (size_t i = 0; i < 3; i++) {
		char *s = ac_diag_format(ac_diags_at(&d, i));
		assert_string_equal(s, want[i]);
		ac_free(s);
	}
	ac_diags_free(&d);
}

static void a_list_is_read_through_functions_and_keeps_the_callers_size(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	assert_int_equal(d.struct_size, sizeof d);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_null(ac_diags_at(&d, 0));
	ac_diags_add(&d, "me.json", "role.kind", 3, 14, "found %d", 7);
	ac_diags_add(&d, NULL, "role.tasks", 0, 0, "bad");
	assert_int_equal(ac_diags_count(&d), 2);
	assert_int_equal(ac_diags_more(&d), 0);
	assert_null(ac_diags_at(&d, 2));
	const ac_diag *x = ac_diags_at(&d, 0);
	assert_string_equal(ac_diag_source(x), "me.json");
	assert_string_equal(ac_diag_path(x), "role.kind");
	assert_int_equal(ac_diag_line(x), 3);
	assert_int_equal(ac_diag_column(x), 14);
	assert_string_equal(ac_diag_message(x), "found 7");
	assert_null(ac_diag_source(ac_diags_at(&d, 1)));
	/* A front end names the file of fields the library named alone. */
	char *s = ac_diag_format_source(ac_diags_at(&d, 1), "me.json");
	assert_string_equal(s, "me.json: role.tasks: bad");
	ac_free(s);
	s = ac_diag_format_source(x, "other.json"); /* its own source stays */
	assert_string_equal(s, "me.json:3:14: role.kind: found 7");
	ac_free(s);
	assert_int_equal(ac_diags_count(NULL), 0);
	assert_int_equal(ac_diags_more(NULL), 0);
	assert_null(ac_diags_at(NULL, 0));
	assert_null(ac_diag_message(NULL));
	ac_diags_free(&d);
	/* Freed, it is empty and ready for use again, its size kept. */
	assert_int_equal(d.struct_size, sizeof d);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_int_equal(ac_diags_add(&d, NULL, NULL, 0, 0, "again"), AC_OK);
	assert_string_equal(ac_diag_message(ac_diags_at(&d, 0)), "again");
	ac_diags_free(&d);
	/* One zeroed by hand is read as the first version of the struct. */
	ac_diags z = {0};
	assert_int_equal(ac_diags_add(&z, NULL, "a", 0, 0, "zeroed"), AC_OK);
	assert_int_equal(ac_diags_count(&z), 1);
	ac_diags_free(&z);
}

static void only_the_first_200_problems_are_kept_and_the_rest_counted(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	for (int i = 0; i < 300; i++)
		assert_int_equal(ac_diags_add(&d, NULL, "motives", 0, 0, "problem %d", i), AC_OK);
	assert_int_equal(ac_diags_count(&d), AC_MAX_DIAGS);
	assert_int_equal(ac_diags_more(&d), 100);
	assert_string_equal(ac_diag_message(ac_diags_at(&d, AC_MAX_DIAGS - 1)), "problem 199");
	ac_diags_free(&d);
}

static void a_file_name_with_control_characters_is_shown_escaped(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	ac_diags_add(&d, "a\033[2Jb.json", NULL, 3, 0, "bad");
	char *s = ac_diag_format(ac_diags_at(&d, 0));
	assert_string_equal(s, "a\\x1b[2Jb.json:3: bad");
	ac_free(s);
	ac_diags_free(&d);
	s = ac_text_escape("tab\there\nline\x7f", 14);
	assert_string_equal(s, "tab\\x09here\nline\\x7f");
	ac_free(s);
}

/* ------------------------------------------------------------ enums */

static void every_enum_sentence_lists_its_names_in_order(void **state)
{
	(void)state;
	for (int k = 0; k < AC_ENUM__COUNT; k++) {
		int n = ac_enum_count((ac_enum_kind)k);
		assert_true(n >= 2);
		strbuf sb;
		sb_init(&sb);
		for (int v = 1; v <= n; v++) {
			const char *name = ac_enum_name((ac_enum_kind)k, v);
			assert_non_null(name);
			assert_int_equal(ac_enum_value((ac_enum_kind)k, name), v);
			sb_printf(&sb, "%s%s", v == 1 ? "" : v == n ? " or " : ", ", name);
		}
		char *list = sb_take(&sb, NULL);
		assert_string_equal(ac_enum_list((ac_enum_kind)k), list);
		free(list);
		assert_null(ac_enum_name((ac_enum_kind)k, 0));
		assert_null(ac_enum_name((ac_enum_kind)k, n + 1));
		assert_int_equal(ac_enum_value((ac_enum_kind)k, "no_such_name"), 0);
	}
	assert_int_equal(ac_enum_count(AC_ENUM_CATEGORY), AC_CAT__COUNT);
	assert_string_equal(ac_enum_list(AC_ENUM_KIND), "ic, manager or hybrid");
	assert_string_equal(ac_enum_list(AC_ENUM__COUNT), "");
	assert_null(ac_enum_name(AC_ENUM__COUNT, 1));
}

/* ------------------------------------------------------------ codes and text */

static void occupation_codes_have_one_syntax(void **state)
{
	(void)state;
	assert_true(ac_code_is_soc("13-2051"));
	assert_false(ac_code_is_soc("13-2051.00"));
	assert_true(ac_code_is_onet("13-2051.00"));
	assert_false(ac_code_is_onet("13-2051"));
	const char *neither[] = {"", "13-205", "13_2051", "1a-2051", "13-2051.0", "13-2051.000", "13-2051x00",
				 " 13-2051", "13-2051 ", "13-2051.0a"};
	for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++)
		if (ac_code_is_occupation(neither[i]))
			fail_msg("'%s' taken as a code", neither[i]);
	assert_false(ac_code_is_occupation(NULL));

	char buf[AC_ONET_CODE_LEN + 1];
	int soc = -1;
	assert_true(ac_code_normalise(" \t29-1141.01 ", buf, sizeof buf, &soc));
	assert_string_equal(buf, "29-1141.01");
	assert_int_equal(soc, 0);
	assert_true(ac_code_normalise("29-1141", buf, sizeof buf, &soc));
	assert_int_equal(soc, 1);
	assert_false(ac_code_normalise("29-1141 00", buf, sizeof buf, &soc));
	assert_false(ac_code_normalise("29 1141", buf, sizeof buf, &soc));
	assert_false(ac_code_normalise("29-1141", buf, 7, &soc)); /* no room */
	assert_false(ac_code_normalise(NULL, buf, sizeof buf, &soc));
}

static void text_is_cut_between_characters(void **state)
{
	(void)state;
	const char *s = "ab\xc3\xa9" "cd\xe2\x80\x94";    /* a b é c d — */
	assert_int_equal(ac_utf8_cut(s, strlen(s), 100), strlen(s));
	assert_int_equal(ac_utf8_cut(s, strlen(s), 3), 2); /* not inside é */
	assert_int_equal(ac_utf8_cut(s, strlen(s), 4), 4);
	assert_int_equal(ac_utf8_cut(s, strlen(s), 7), 6); /* not inside — */
	assert_int_equal(ac_utf8_cut(s, strlen(s), 8), 6);
	assert_int_equal(ac_utf8_quote_len(NULL, 5), 0);
	assert_int_equal(ac_utf8_quote_len("plain ascii", 5), 5);
}

static void whole_numbers_are_told_from_reals(void **state)
{
	(void)state;
	const double whole[] = {0.0, -0.0, 150.0, -7.0, 1e15, AC_WHOLE_MAX, -AC_WHOLE_MAX};
	const double not_whole[] = {0.5, -7.25, 1e300, AC_WHOLE_MAX * 2, NAN, INFINITY, -INFINITY};
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
		assert_true(ac_num_is_whole(whole[i]));
	for (size_t i = 0; i < sizeof not_whole / sizeof not_whole[0]; i++)
		assert_false(ac_num_is_whole(not_whole[i]));
}

/* ------------------------------------------------------------ the reader */

/* Reads text through a memory stream into rows of wanted columns joined by
 * '|', rows by '\n'; returns the status and the first diagnostic. */
static ac_status read_text(const char *text, char sep, const char *const *cols, int n_cols, int scan,
			   char **rows, ac_diags *d)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	dsv_reader r;
	strbuf sb;
	sb_init(&sb);
	ac_status st = dsv_open_stream(&r, f, "mem.tsv", sep, d);
	if (st == AC_OK && (st = dsv_header(&r, cols, n_cols, scan)) == AC_OK)
		while (dsv_row(&r, &st))
			for (int k = 0; k < n_cols; k++)
				sb_printf(&sb, "%s%s", dsv_get(&r, k), k + 1 < n_cols ? "|" : "\n");
	dsv_close(&r);
	fclose(f);
	*rows = sb_take(&sb, NULL);
	return st;
}

static void dates_are_real_days_written_one_way(void **state)
{
	(void)state;
	long a, b;
	assert_true(ac_date_parse("2026-11-29", &a));
	assert_true(ac_date_parse("2026-11-30", &b));
	assert_int_equal(b - a, 1);
	assert_true(ac_date_parse("1970-01-01", &a));
	assert_int_equal(a, 0);
	assert_true(ac_date_parse("2024-02-29", &a)); /* a leap day */
	assert_true(ac_date_parse("2024-03-01", &b));
	assert_int_equal(b - a, 1);
	assert_true(ac_date_parse("2026-06-30", &a));
	assert_true(ac_date_parse("2027-06-30", &b));
	assert_int_equal(b - a, 365);
	static const char *const bad[] = {"2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
					  "2026-1-01",  "26-11-29",   "2026/11/29", "2026-11-29 ", "2026-11-2x",
					  "",           "1899-12-31"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(ac_date_parse(bad[i], &a));
		assert_false(ac_date_valid(bad[i]));
	}
	assert_false(ac_date_valid(NULL));
	char out[11];
	for (long day = -800; day < 80000; day += 97) {
		ac_date_format(day, out);
		assert_true(ac_date_parse(out, &a));
		assert_int_equal(a, day);
	}
	assert_true(ac_date_today() > 20000); /* after 2024 */
}

static void quoted_fields_keep_separators_and_quotes(void **state)
{
	(void)state;
	const char *text = "\xef\xbb\xbf" "code,title,score\r\n"
			   "13-1021.00,\"Buyers, Farm Products\",0.75\r\n"
			   "\r\n"
			   "13-2051.00,\"Say \"\"buy\"\"\",\"\"\r\n"
			   "  15-1252.00 ,Software Developers,0.5,extra\n";
	ac_diags d;
	ac_diags_init(&d);
	char *rows = NULL;
	const char *cols[] = {"title", "code", "score"};
	assert_int_equal(read_text(text, ',', cols, 3, 1, &rows, &d), AC_OK);
	assert_int_equal(ac_diags_count(&d), 0);
	assert_string_equal(rows, "Buyers, Farm Products|13-1021.00|0.75\n"
				  "Say \"buy\"|13-2051.00|\n"
				  "Software Developers|15-1252.00|0.5\n");
	free(rows);
	ac_diags_free(&d);
}

static void the_header_is_found_below_a_title_by_name_or_pattern(void **state)
{
	(void)state;
	const char *text = "Table 1.7 of something\t\t\n"
			   "\n"
			   "Code\tEmployment, 2022\tEmployment, 2032\tEmployment change, percent, 2022-32\n"
			   "13-2051\t10\t11\t10.0\n";
	ac_diags d;
	ac_diags_init(&d);
	char *rows = NULL;
	const char *cols[] = {"Code", "Employment, 2*", "Employment, 20*", "Employment change, percent, *"};
	assert_int_equal(read_text(text, '\t', cols, 4, 5, &rows, &d), AC_OK);
	assert_string_equal(rows, "13-2051|10|11|10.0\n");
	free(rows);
	ac_diags_free(&d);
	assert_true(dsv_header_matches("Employment, 2032", "Employment, 20*"));
	assert_false(dsv_header_matches("Employment", "Employment, *"));
}

static void ragged_and_broken_lines_are_named(void **state)
{
	(void)state;
	const struct {
		const char *text;
		int line;
		const char *message;
		ac_status st;
	} cases[] = {
		{"a\tb\tc\n1\t2\t3\n1\t2\n", 3, "found 2 fields, expected 3 as in the header (line 1): the line is cut short",
		 AC_EINPUT},
		{"a\tb\tc\td\n1\t2\t3\t4\n1\t2\n", 3,
		 "found 2 fields, expected 4 as in the header (line 1): the line is cut short", AC_EINPUT},
		{"a\tb\n1\t2\n1\t2", 3,
		 "the last line has no line end, expected one at the end of every line: the file looks cut short",
		 AC_EINPUT},
		{"a\tb\n1\t\"open\n", 2, "field 2: a quoted field is not closed on this line", AC_EINPUT},
		{"a\tb\n\"x\"y\t2\n", 2, "field 1: text after the closing quote", AC_EINPUT},
		{"a\tx\n", 1, "the header has no column 'b'", AC_EINPUT},
		{"", 0, "the file is empty", AC_EINPUT},
	};
	const char *cols[] = {"a", "b", "c"};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ac_diags d;
		ac_diags_init(&d);
		char *rows = NULL;
		int n_cols = i == 0 ? 3 : 2; /* case 1: the header has a column nobody asked for */
		ac_status st = read_text(cases[i].text, '\t', cols, n_cols, 1, &rows, &d);
		const ac_diag *g = ac_diags_at(&d, 0);
		if (st != cases[i].st || ac_diags_count(&d) != 1 || ac_diag_line(g) != cases[i].line ||
		    strcmp(ac_diag_message(g), cases[i].message) != 0 || strcmp(ac_diag_source(g), "mem.tsv") != 0)
			fail_msg("case %zu: got %d, %zu diagnostics, line %d: %s", i, st, ac_diags_count(&d),
				 g ? ac_diag_line(g) : -1, g ? ac_diag_message(g) : "");
		free(rows);
		ac_diags_free(&d);
	}
}

static void limits_are_refused_not_truncated(void **state)
{
	(void)state;
	strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "a\tb\n");
	for (int i = 0; i < DSV_MAX_FIELDS + 1; i++)
		sb_puts(&sb, i ? "\tx" : "x");
	sb_puts(&sb, "\n");
	char *many = sb_take(&sb, NULL);
	const char *cols[] = {"a", "b"};
	ac_diags d;
	ac_diags_init(&d);
	char *rows = NULL;
	assert_int_equal(read_text(many, '\t', cols, 2, 1, &rows, &d), AC_EINPUT);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), 2);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "more than 64 fields"));
	free(rows);
	free(many);
	ac_diags_free(&d);

	/* A field over max_field. */
	FILE *f = fmemopen((void *)"a\tb\nshort\tlonger than ten\n", 26, "r");
	assert_non_null(f);
	dsv_reader r;
	ac_diags_init(&d);
	assert_int_equal(dsv_open_stream(&r, f, "mem", '\t', &d), AC_OK);
	r.max_field = 10;
	ac_status st = AC_OK;
	assert_int_equal(dsv_header(&r, cols, 2, 1), AC_OK);
	assert_int_equal(dsv_row(&r, &st), 0);
	assert_int_equal(st, AC_EINPUT);
	assert_string_equal(ac_diag_message(ac_diags_at(&d, 0)), "field 2 is longer than 10 bytes");
	dsv_close(&r);
	fclose(f);
	ac_diags_free(&d);

	ac_diags_init(&d);
	assert_int_equal(dsv_open(&r, OCC_FIXTURE_DIR "/no-such-file.tsv", '\t', &d), AC_EIO);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "cannot open"));
	dsv_close(&r);
	ac_diags_free(&d);
}

/* The bad occupation-data cases that are the reader's to refuse: its first
 * diagnostic ends with the `expect` file's "file:line: text". */
static void the_readers_bad_fixture_cases_are_refused_with_their_line(void **state)
{
	(void)state;
	const struct {
		const char *name, *file;
		char sep;
		const char *cols[6];
		int n_cols, scan;
	} cases[] = {
		{"short-row", "bls/oews_national_may2024.tsv", '\t',
		 {"OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN", "A_MEAN"}, 6, 1},
		{"text-after-quote", "onet-29.3/Task Statements.txt", '\t',
		 {"O*NET-SOC Code", "Task ID", "Task", "Task Type"}, 4, 1},
		{"unclosed-quote", "onet-29.3/Task Statements.txt", '\t',
		 {"O*NET-SOC Code", "Task ID", "Task", "Task Type"}, 4, 1},
		{"no-header", "bls/nem_onet_to_soc_crosswalk.tsv", '\t', {"O*NET-SOC Code", "NEM Code"}, 2, 20},
		{"missing-column", "onet-29.3/Occupation Data.txt", '\t', {"O*NET-SOC Code", "Title", "Description"}, 3, 1},
		{"nul-byte", "onet-29.3/Task Statements.txt", '\t', {"O*NET-SOC Code", "Task ID", "Task", "Task Type"}, 4, 1},
		{"zeroed-tail", "onet-29.3/Alternate Titles.txt", '\t', {"O*NET-SOC Code", "Alternate Title"}, 2, 1},
		{"cut-mid-record", "onet-29.3/Alternate Titles.txt", '\t', {"O*NET-SOC Code", "Alternate Title"}, 2, 1},
		{"row-shorter-than-header", "onet-29.3/Job Zones.txt", '\t', {"O*NET-SOC Code", "Job Zone"}, 2, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[1024], expect[512];
		snprintf(path, sizeof path, OCC_FIXTURE_DIR "/bad/%s/expect", cases[i].name);
		FILE *e = fopen(path, "r");
		assert_non_null(e);
		assert_non_null(fgets(expect, sizeof expect, e));
		fclose(e);
		expect[strcspn(expect, "\n")] = '\0';
		char *c1 = strchr(expect, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		assert_non_null(c2);
		*c1 = *c2 = '\0';
		assert_string_equal(expect, cases[i].file);

		snprintf(path, sizeof path, OCC_FIXTURE_DIR "/bad/%s/%s", cases[i].name, cases[i].file);
		ac_diags d;
		ac_diags_init(&d);
		dsv_reader r;
		ac_status st = dsv_open(&r, path, cases[i].sep, &d);
		if (st == AC_OK && (st = dsv_header(&r, cases[i].cols, cases[i].n_cols, cases[i].scan)) == AC_OK)
			while (dsv_row(&r, &st))
				;
		dsv_close(&r);
		const ac_diag *g = ac_diags_at(&d, 0);
		size_t sl = g ? strlen(ac_diag_source(g)) : 0, el = strlen(cases[i].file);
		if (st != AC_EINPUT || ac_diags_count(&d) != 1 || sl < el ||
		    strcmp(ac_diag_source(g) + sl - el, cases[i].file) != 0 || ac_diag_line(g) != atoi(c1 + 1) ||
		    !strstr(ac_diag_message(g), c2 + 2))
			fail_msg("%s: expected %s:%s: %s, got %d diagnostics: line %d: %s", cases[i].name, cases[i].file,
				 c1 + 1, c2 + 2, (int)ac_diags_count(&d), g ? ac_diag_line(g) : -1,
				 g ? ac_diag_message(g) : "");
		ac_diags_free(&d);
	}
}

/* A header followed by zero bytes for ever (here a sparse file of a
 * terabyte, or as large as the file system allows) is refused at the first
 * NUL byte: the reader never reads on to the end. */
static void a_header_followed_by_endless_nul_bytes_is_refused_at_once(void **state)
{
	(void)state;
	char path[] = "/tmp/aicert-dsv-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	static const char header[] = "Code\tTitle\n";
	assert_int_equal(write(fd, header, sizeof header - 1), (ssize_t)(sizeof header - 1));
	if (ftruncate(fd, (off_t)1 << 40) != 0)
		assert_int_equal(ftruncate(fd, (off_t)1 << 26), 0);
	close(fd);
	ac_diags d;
	ac_diags_init(&d);
	dsv_reader r;
	const char *cols[] = {"Code", "Title"};
	ac_status st;
	assert_int_equal(dsv_open(&r, path, '\t', &d), AC_OK);
	assert_int_equal(dsv_header(&r, cols, 2, 1), AC_OK);
	assert_int_equal(dsv_row(&r, &st), 0);
	assert_int_equal(st, AC_EINPUT);
	assert_int_equal(ac_diags_count(&d), 1);
	assert_int_equal(ac_diag_line(ac_diags_at(&d, 0)), 2);
	assert_non_null(strstr(ac_diag_message(ac_diags_at(&d, 0)), "NUL byte"));
	assert_true(r.bytes < 64);
	dsv_close(&r);
	ac_diags_free(&d);
	unlink(path);
}

static void a_good_file_is_read_with_its_counts(void **state)
{
	(void)state;
	ac_diags d;
	ac_diags_init(&d);
	dsv_reader r;
	const char *cols[] = {"O*NET-SOC Code", "NEM Code"};
	assert_int_equal(dsv_open(&r, OCC_FIXTURE_DIR "/good/bls/nem_onet_to_soc_crosswalk.tsv", '\t', &d), AC_OK);
	assert_int_equal(dsv_header(&r, cols, 2, 20), AC_OK);
	long header_line = r.line;
	assert_true(header_line > 1);
	ac_status st;
	size_t rows = 0;
	while (dsv_row(&r, &st)) {
		rows++;
		assert_true(r.line > header_line);
	}
	assert_int_equal(st, AC_OK);
	assert_int_equal(rows, r.rows);
	assert_true(rows >= 5);
	assert_true(r.bytes > 0);
	dsv_close(&r);
	assert_int_equal(ac_diags_count(&d), 0);
	ac_diags_free(&d);
}

static void utf8_is_checked_strictly(void **state)
{
	(void)state;
	size_t bad = 99;
	assert_true(ac_utf8_valid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, &bad));
	assert_false(ac_utf8_valid("caf\xe9", 4, &bad));
	assert_int_equal(bad, 3);
	assert_false(ac_utf8_valid("\xc0\xaf", 2, &bad));         /* overlong '/' */
	assert_false(ac_utf8_valid("\xed\xa0\x80", 3, &bad));     /* a surrogate */
	assert_false(ac_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* beyond U+10FFFF */
	assert_false(ac_utf8_valid("\xe2\x82", 2, &bad));         /* cut short */
	assert_int_equal(bad, 0);
}

static void control_characters_are_escaped_for_a_terminal(void **state)
{
	(void)state;
	strbuf sb;
	sb_init(&sb);
	const char s[] = "a\x1b[2J\nb\x7f\xc2\x9b\xff caf\xc3\xa9";
	ac_utf8_escape(&sb, s, sizeof s - 1, 1);
	assert_string_equal(sb.buf, "a\\x1b[2J\nb\\x7f\\u009b\\xff caf\xc3\xa9");
	sb_clear(&sb);
	ac_utf8_escape(&sb, s, sizeof s - 1, 0);
	assert_non_null(strstr(sb.buf, "[2J\\x0ab"));
	sb_free(&sb);
	ac_diags d;
	ac_diags_init(&d);
	ac_diags_add(&d, "in\x1b.txt", "role\x07", 1, 2, "found '%s'", "\x1b]0;title\x07");
	assert_string_equal(ac_diag_source(ac_diags_at(&d, 0)), "in\\x1b.txt");
	assert_string_equal(ac_diag_path(ac_diags_at(&d, 0)), "role\\x07");
	assert_string_equal(ac_diag_message(ac_diags_at(&d, 0)), "found '\\x1b]0;title\\x07'");
	ac_diags_free(&d);
}

/* ------------------------------------------------------------ the JSON writer */

static unsigned long seed = 14;

static unsigned next(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(seed >> 33) % n;
}

/* A random value: text with escapes and UTF-8, whole numbers, reals of every
 * size, and nested containers (some empty, some with a key given twice). */
static json_t *random_value(int depth)
{
	static const char *const texts[] = {"", "plain", "tab\there", "quote \" and \\ back", "line\nbreak\r\f\b",
		"\x01\x1f\x7f control", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80", "a/b"};
	static const double reals[] = {0.1, 0.30000000000000004, 1e20, 1e-7, 123456789012345678.0, -2.5, 1e300,
		0.0001, 33.3333, 1.5e-300};
	switch (depth > 3 ? next(5) : next(7)) {
	case 0: return json_string(texts[next(sizeof texts / sizeof *texts)]);
	case 1: return json_integer((json_int_t)next(2000000) - 1000000);
	case 2: return json_real(reals[next(sizeof reals / sizeof *reals)]);
	case 3: return json_boolean(next(2));
	case 4: return json_null();
	case 5: {
		json_t *o = json_object();
		for (unsigned i = 0, n = next(4); i < n; i++) {
			char key[16];
			snprintf(key, sizeof key, "k%u", next(5));
			json_object_set_new(o, key, random_value(depth + 1));
		}
		return o;
	}
	default: {
		json_t *a = json_array();
		for (unsigned i = 0, n = next(4); i < n; i++)
			json_array_append_new(a, random_value(depth + 1));
		return a;
	}
	}
}

static void write_value(ac_jw *w, json_t *v)
{
	const char *k;
	json_t *x;
	size_t i;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		ac_jw_object(w);
		json_object_foreach(v, k, x) {
			ac_jw_key(w, k);
			write_value(w, x);
		}
		ac_jw_end_object(w);
		break;
	case JSON_ARRAY:
		ac_jw_array(w);
		json_array_foreach(v, i, x)
			write_value(w, x);
		ac_jw_end_array(w);
		break;
	case JSON_STRING: ac_jw_strn(w, json_string_value(v), json_string_length(v)); break;
	case JSON_INTEGER: ac_jw_int(w, json_integer_value(v)); break;
	case JSON_REAL: ac_jw_real(w, json_real_value(v), 15); break;
	case JSON_TRUE: ac_jw_bool(w, 1); break;
	case JSON_FALSE: ac_jw_bool(w, 0); break;
	default: ac_jw_null(w); break;
	}
}

/* v, written by the JSON writer (compact or indented), comes out as
 * jansson dumps it. */
static void assert_written_as_jansson(json_t *v, int compact)
{
	size_t flags = (compact ? JSON_COMPACT : JSON_INDENT(2)) | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15);
	char *want = json_dumps(v, flags);
	strbuf sb;
	sb_init(&sb);
	ac_jw w;
	ac_jw_init(&w, &sb, compact ? 0 : 2);
	write_value(&w, v);
	assert_int_equal(ac_jw_status(&w), 0);
	assert_non_null(want);
	assert_string_equal(sb.buf, want);
	free(want);
	sb_free(&sb);
}

static void the_json_writer_lays_out_values_as_jansson_dumps_them(void **state)
{
	(void)state;
	for (int round = 0; round < 500; round++) {
		json_t *v = random_value(0);
		for (int compact = 0; compact <= 1; compact++)
			assert_written_as_jansson(v, compact);
		json_decref(v);
	}
}

/* The same for a string holding text. */
static void assert_string_written_as_jansson(const char *text)
{
	json_t *v = json_string(text);
	assert_non_null(v);
	assert_written_as_jansson(v, 1);
	json_decref(v);
}

/* The writer copies plain text sixteen or eight bytes at a time, the last
 * sixteen of a run read again: a character that needs escaping, or one of
 * several bytes, is found wherever it falls in a text of any length. */
static void every_character_is_escaped_as_jansson_does_at_every_offset(void **state)
{
	(void)state;
	static const char *const odd[] = {"\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x98\x80"};
	for (int c = 1; c < 0x80 + 3; c++)
		for (size_t total = 1, at = 0; total <= 40; at = at + 1 < total ? at + 1 : 0, total += at == 0) {
			char text[64];
			memset(text, 'x', sizeof text);
			const char *piece = c < 0x80 ? (char[]){(char)c, 0} : odd[c - 0x80];
			size_t len = strlen(piece);
			memcpy(text + at, piece, len);
			text[total + len] = '\0';
			assert_string_written_as_jansson(text);
		}
}

/* Two characters that need a look in one text, at every pair of offsets:
 * after the first, the writer's search for plain runs must go on from the
 * byte after it, wherever that falls among sixteen. */
static void two_escapes_in_one_text_are_written_as_jansson_does(void **state)
{
	(void)state;
	static const char *const odd[] = {"\"", "\n", "\x01", "\\", "\xc3\xa9", "\xf0\x9f\x98\x80"};
	const size_t n_odd = sizeof odd / sizeof *odd;
	for (size_t total = 2; total <= 48; total++)
		for (size_t a = 0; a < total; a++)
			for (size_t b = a + 1; b < total; b++) {
				const char *x = odd[(a + total) % n_odd], *y = odd[(b * 7 + total) % n_odd];
				char text[256];
				size_t len = 0;
				for (size_t i = 0; i < total; i++) {
					char plain[2] = {(char)('a' + i % 26), 0};
					const char *piece = i == a ? x : i == b ? y : plain;
					memcpy(text + len, piece, strlen(piece));
					len += strlen(piece);
				}
				/* Exactly the text's bytes, so that a read past its end is the
				 * sanitizer's to find. */
				char *heap = malloc(len + 1);
				assert_non_null(heap);
				memcpy(heap, text, len);
				heap[len] = '\0';
				assert_string_written_as_jansson(heap);
				free(heap);
			}
}

/* Figures rounded to a few places are written without printf: every such
 * figure, and its neighbours that are not, comes out as jansson writes it. */
static void rounded_figures_are_written_as_jansson_writes_them(void **state)
{
	(void)state;
	static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
	unsigned long long bits = 88172645463325252ull;
	for (int round = 0; round < 200000; round++) {
		bits ^= bits << 13, bits ^= bits >> 7, bits ^= bits << 17;
		int places = (int)(bits % 9), width = (int)((bits >> 8) % 18);
		long long n = (long long)((bits >> 16) % 1000000000000000000ull);
		for (int k = width; k < 18; k++)
			n /= 10;
		double x = (double)n / scale[places];
		if (bits & (1ull << 62))
			x = -x;
		if (bits & (1ull << 61))
			x = nextafter(x, 1e300); /* a neighbour no short decimal names */
		json_t *v = json_real(x);
		char *want = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
		strbuf sb;
		sb_init(&sb);
		ac_jw w;
		ac_jw_init(&w, &sb, 0);
		ac_jw_real(&w, x, 15);
		assert_int_equal(ac_jw_status(&w), 0);
		if (strcmp(sb.buf, want) != 0)
			fail_msg("%.17g: wrote %s, jansson %s", x, sb.buf, want);
		free(want);
		sb_free(&sb);
		json_decref(v);
	}
}

static void the_json_writer_refuses_text_that_is_not_utf8(void **state)
{
	(void)state;
	static const char *const bad[] = {"\xff", "caf\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		strbuf sb;
		sb_init(&sb);
		ac_jw w;
		ac_jw_init(&w, &sb, 2);
		ac_jw_array(&w);
		ac_jw_str(&w, bad[i]);
		ac_jw_end_array(&w);
		assert_int_equal(ac_jw_status(&w), -1);
		assert_null(json_string(bad[i])); /* jansson refuses it too */
		sb_free(&sb);
	}
}

/* A number in a sentence: what "%.2f" writes of it rounded half away from
 * zero to two places, without trailing zeros, and never "-0" (the way it
 * was first written, kept here to hold the quick way to). */
static void reference_number(char *out, size_t n, double x)
{
	double y = floor(fabs(x) * 100 + 0.5 + 1e-9);
	char buf[400];
	snprintf(buf, sizeof buf, "%.2f", copysign(y / 100, x));
	char *end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		*--end = '\0';
	snprintf(out, n, "%s", strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* put against ref (printf's way) over the edge values, then 200,000 more:
 * whole thousandths (or millionths: divisor) and near-halves of the last
 * place, scaled by a power of ten from 10^lowest over `decades` decades. */
static void figures_match_printf(void (*put)(strbuf *, double), void (*ref)(char *, size_t, double),
				 const double *edge, size_t n_edge, unsigned long long r, int decades, int lowest,
				 double divisor)
{
	for (size_t i = 0; i < 200000 + n_edge; i++) {
		double x;
		if (i < n_edge) {
			x = edge[i];
		} else {
			r = r * 6364136223846793005ull + 1442695040888963407ull;
			double scale = pow(10, (double)((r >> 60) % (unsigned)decades) + lowest);
			x = ((double)((r >> 20) % 2000000) - 1000000) / divisor * scale;
			if ((r >> 11) & 1)
				x += 0.005 * ((r >> 12) & 1 ? 1 : -1);
		}
		char want[400];
		ref(want, sizeof want, x);
		strbuf sb;
		sb_init(&sb);
		put(&sb, x);
		assert_non_null(sb.buf);
		assert_string_equal(sb.buf, want);
		sb_free(&sb);
	}
}

static void numbers_in_sentences_are_written_as_printf_rounds_them(void **state)
{
	(void)state;
	static const double edge[] = {0,    -0.0,  0.004,   -0.004,  0.005, -0.005, 0.285,  1.005, 2.675,
				      0.1,  0.29,  99.995,  -99.995, 1e12,  -1e12,  9.99e12, 1e13,  1e16,
				      1e300, -1e300, 123456.789, 0.07, 1.10, 1e-9, 5e-3};
	/* Hundredths and near-hundredths from small to large. */
	figures_match_printf(ac_fig_number, reference_number, edge, sizeof edge / sizeof edge[0], 7, 14, -2, 1000.0);
}

/* What ac_fig_percent wrote with printf: the share in hundredths rounded
 * half away from zero, then "%.0f%%". */
static void reference_percent(char *out, size_t n, double fraction)
{
	double x = fraction * 100, y = floor(fabs(x) + 0.5 + 1e-9);
	snprintf(out, n, "%.0f%%", copysign(y, x) + 0.0);
}

static void percentages_are_written_as_printf_rounds_them(void **state)
{
	(void)state;
	static const double edge[] = {0, -0.0, 0.005, -0.005, 0.00499, -0.00499, 0.285, 0.575, 1, -1, 0.995,
				      1e10, -1e10, 9.99e12, 1e13, 1e14, 1e16, 1e300, -1e300, 0.5e-9};
	figures_match_printf(ac_fig_percent, reference_percent, edge, sizeof edge / sizeof edge[0], 11, 16, -4,
			     1000000.0);
	strbuf sb;
	sb_init(&sb);
	ac_fig_percent(&sb, NAN);
	ac_fig_percent(&sb, -INFINITY);
	char want[64];
	snprintf(want, sizeof want, "%.0f%%%.0f%%", NAN, -INFINITY);
	assert_string_equal(sb.buf, want);
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_message_longer_than_1024_bytes_is_kept_whole),
		cmocka_unit_test(every_character_is_escaped_as_jansson_does_at_every_offset),
		cmocka_unit_test(two_escapes_in_one_text_are_written_as_jansson_does),
		cmocka_unit_test(rounded_figures_are_written_as_jansson_writes_them),
		cmocka_unit_test(utf8_is_checked_strictly),
		cmocka_unit_test(control_characters_are_escaped_for_a_terminal),
		cmocka_unit_test(a_message_over_the_cap_is_cut_on_a_character_and_says_so),
		cmocka_unit_test(out_of_memory_is_reported_as_itself),
		cmocka_unit_test(a_list_is_read_through_functions_and_keeps_the_callers_size),
		cmocka_unit_test(only_the_first_200_problems_are_kept_and_the_rest_counted),
		cmocka_unit_test(a_file_name_with_control_characters_is_shown_escaped),
		cmocka_unit_test(formatting_places_only_what_is_known),
		cmocka_unit_test(every_enum_sentence_lists_its_names_in_order),
		cmocka_unit_test(occupation_codes_have_one_syntax),
		cmocka_unit_test(text_is_cut_between_characters),
		cmocka_unit_test(whole_numbers_are_told_from_reals),
		cmocka_unit_test(percentages_are_written_as_printf_rounds_them),
		cmocka_unit_test(dates_are_real_days_written_one_way),
		cmocka_unit_test(numbers_in_sentences_are_written_as_printf_rounds_them),
		cmocka_unit_test(quoted_fields_keep_separators_and_quotes),
		cmocka_unit_test(the_header_is_found_below_a_title_by_name_or_pattern),
		cmocka_unit_test(ragged_and_broken_lines_are_named),
		cmocka_unit_test(limits_are_refused_not_truncated),
		cmocka_unit_test(the_readers_bad_fixture_cases_are_refused_with_their_line),
		cmocka_unit_test(a_header_followed_by_endless_nul_bytes_is_refused_at_once),
		cmocka_unit_test(a_good_file_is_read_with_its_counts),
		cmocka_unit_test(the_json_writer_lays_out_values_as_jansson_dumps_them),
		cmocka_unit_test(the_json_writer_refuses_text_that_is_not_utf8),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
