/*
 * reader.h — what the policy reader's parts share: reader.c reads the lines,
 * tables.c the data sections, verdict.c the sections that lead to the verdict
 * (derived facts, rules, flags, alternatives), judgements.c those that
 * judge and explain beside it (phases, motives, class, positioning,
 * conditions, questions, timing reasons) and changes.c [what_changes].  Each kind of section is a row of a
 * table: its name, whether it takes a name, and how it opens and takes a
 * setting.
 */
#ifndef AICERT_POLICY_READER_H
#define AICERT_POLICY_READER_H

#include "policy/policy.h"

typedef struct reader reader;

typedef struct {
	const char *name;
	int needs_arg;
	/* Opens [name arg]; arg_col is the column of arg, r->head_col that of
	 * name.  Calls ac_reader_refuse()
	 * when the section cannot be read. */
	void (*open)(reader *r, const char *arg, int arg_col);
	/* One "key = value" line of the section. */
	void (*assign)(reader *r, const char *key, char *value, int key_col, int value_col);
	/* After the whole file was read without a problem: what the section
	 * kind still lacks. */
	void (*complete)(reader *r);
	/* When its conditions are evaluated (AC_STAGE_*): they may use only the
	 * facts decided before. */
	int stage;
	/* The settings that may be given more than once in one section (NULL-
	 * terminated; "*" for every one).  A setting ending in "_if" (one line of
	 * an ordered choice) always may; any other given twice is refused,
	 * naming both lines (parse.c). */
	const char *const *repeatable;
} ac_section_kind;

struct reader {
	ac_policy *pol;
	ac_diags *d;
	const char *source;
	int line; /* the line being read; at the end, the last line */
	int eof_line;
	int failed;
	int nomem;
	const ac_section_kind *sec; /* NULL inside a refused section */
	int stage; /* the section's stage (AC_STAGE_*) */
	int idx; /* which category, path, rule, ... the section is */
	int head_col; /* column of the section's kind in its header */
	int thresholds_line; /* line of the [thresholds] header, 0 before it */
	/* The first line of every section header and every setting, keyed by
	 * "header\nsetting" ("header\n" for the header itself): what a
	 * setting given twice is refused with (reader.c, ac_reader_first_line). */
	struct ac_seen *seen;
	size_t n_seen, cap_seen;
	char head[192]; /* the current section's header ("derive name"), "" at the top */
};

/* Reports a problem at column col (0: the whole line) of the current line. */
void ac_reader_error(reader *r, int col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Records the current line as where setting key (NULL: the section header
 * itself) of the current section was first given, unless it was given
 * before.  parse.c calls it for every header and setting. */
void ac_reader_note(reader *r, const char *key);
/* The line on which setting key (NULL: the current section's header) was
 * first given in a section with the current header; 0 when never. */
int ac_reader_first_line(const reader *r, const char *key);
/* "'key' is set twice in this section (first on line N)". */
void ac_reader_twice(reader *r, int col, const char *key);
void ac_reader_free_seen(reader *r);
/* Reports that memory ran out (the policy is then refused with AC_ENOMEM). */
void ac_reader_nomem(reader *r);
/* Marks the section being opened as refused: its lines are skipped. */
void ac_reader_refuse(reader *r);
/* Where a value starting at column col is read, for expressions and texts. */
ac_site ac_reader_site(reader *r, int col);

char *ac_reader_strdup(reader *r, const char *s);
/* Appends a zeroed element to *arr (n elements of size bytes); 0 on failure. */
int ac_reader_grow(reader *r, void **arr, size_t *n, size_t size);
/* Parses a number; 0 when v is not one. */
int ac_reader_number(const char *v, double *out);
/* 1 when s is a name made of lower-case letters, digits and _. */
int ac_reader_valid_id(const char *s);
/* A text setting that may be given once; its {placeholders} are checked. */
void ac_reader_text(reader *r, char **slot, const char *key, const char *value, int key_col, int value_col);
/* A text setting that is expanded with facts: compiled once. */
void ac_reader_template(reader *r, ac_template *slot, const char *key, const char *value, int key_col, int value_col);
/* A condition; NULL after reporting its problem. */
ac_expr *ac_reader_condition(reader *r, const char *value, int col);
/* "unknown setting" for a key the section does not take. */
void ac_reader_unknown_key(reader *r, const char *key, int key_col, const char *allowed);

/* How a line of an ordered choice reads (see ac_choices). */
enum {
	AC_CHOICE_IF = 1, /* "CONDITION | ..." */
	AC_CHOICE_MARK = 2, /* "... MARK | TEXT" with MARK yes, no or unknown */
	AC_CHOICE_ONCE = 4 /* a default line, at most once */
};
/* Reads one line of an ordered choice into c; form is how the line should
 * look, for the message when it does not. */
void ac_reader_choice(reader *r, ac_choices *c, const char *key, char *value, int key_col, int value_col, int how,
		      const char *form);
/* Cuts s at its first '|': trims the part before, and returns the part
 * after without its leading spaces; NULL when s has no '|'. */
char *ac_reader_split(char *s);
void ac_choices_free(ac_choices *c);
/* 1 when the choice has a default line (one without a condition). */
int ac_choices_default(const ac_choices *c);

/* The section kinds of tables.c, verdict.c and judgements.c. */
extern const ac_section_kind ac_sec_thresholds, ac_sec_category, ac_sec_domain, ac_sec_gwa, ac_sec_compare, ac_sec_fit,
	ac_sec_preparation;
extern const ac_section_kind ac_sec_derive, ac_sec_rule, ac_sec_flag, ac_sec_alternative;
extern const ac_section_kind ac_sec_phase, ac_sec_motive, ac_sec_class, ac_sec_positioning, ac_sec_condition,
	ac_sec_question, ac_sec_timing;
extern const ac_section_kind ac_sec_what_changes;
/* Free what verdict.c, judgements.c and changes.c allocated. */
void ac_verdict_free(ac_policy *p);
/* Lists the facts each derived fact and each rule reads (ac_reads). */
ac_status ac_verdict_index_reads(ac_policy *p);
void ac_judgements_free(ac_policy *p);
void ac_policy_what_changes_free(ac_policy *p);

#endif
