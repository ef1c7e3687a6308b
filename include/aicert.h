/*
 * aicert.h — the one public door into libaicert.
 *
 * libaicert decides whether an AI certification would improve a person's
 * career leverage, following the decision model in FRAMEWORK.md.  The flow is
 * one way: a profile is parsed and validated, the engine derives facts from it
 * (exposure, replaceability, leverage, organisation, timing, motives, the
 * certificate), a policy's ordered rules turn those facts into a verdict, and
 * a renderer writes the assessment as text, JSON or Markdown.
 *
 * Conventions: every public name starts with ac_ (AC_ for constants).  There is
 * no global state.  Every object the library hands out has a matching _free
 * function; strings it returns through char ** are freed with ac_free().
 * Functions that can fail return an ac_status and append one ac_diag per
 * problem to the caller's ac_diags (never nothing: a failing call always
 * leaves a message).
 *
 * Objects are opaque: callers hold pointers and use the functions below, so
 * new fields never break a caller.  The few structs a caller allocates
 * (options, filters, a batch run's result and the list of diagnostics)
 * start with struct_size, set by their _init macro to the caller's own
 * sizeof the struct; the library writes and reads only the fields a caller's
 * version of the struct has.  A struct
 * never embeds another by value (the comparison's options point to their
 * filter), so a longer inner struct never moves the outer one's fields.
 *
 * The one door for a front end is the session (ac_session_new): it holds the
 * policy, the catalogue and the occupation data, loaded once, and assesses,
 * compares, searches and renders.  A session is used by one thread at a time;
 * ac_session_clone() gives another thread its own, cheaply (the policy and
 * the catalogue are shared, read-only).
 */
#ifndef AICERT_H
#define AICERT_H

#include <stddef.h>
#include <stdio.h> /* FILE, for batch runs and history exports */

#ifdef __cplusplus
extern "C" {
#endif

#define AC_VERSION "0.1.0"
#define AC_PROFILE_SCHEMA "aicert/profile/v2"
#define AC_PROFILE_SCHEMA_V1 "aicert/profile/v1" /* still read: version 2 only adds role.function */
#define AC_ASSESSMENT_SCHEMA "aicert/assessment/v2"
#define AC_CATALOGUE_SCHEMA "aicert/catalogue/v1"

/* Input limits (PROFILE.md "Bad input"). */
#define AC_MAX_PROFILE_BYTES (1024 * 1024)
#define AC_MAX_TASKS 200
#define AC_MAX_DEPTH 16
#define AC_MAX_STRING 4096
#define AC_MAX_LIST 64

/* ---------------------------------------------------------------- basics */

typedef enum {
	AC_OK = 0,
	AC_EINPUT = 2, /* the input (profile, policy, catalogue, usage) is bad */
	AC_ENOMEM = 3, /* out of memory */
	AC_EIO = 4, /* a file could not be read or written */
	AC_ENOTFOUND = 5, /* a named thing (certificate id, occupation) is unknown */
	AC_ENODATA = 6, /* occupation data is not installed */
	AC_EINTERNAL = 7 /* a bug: please report it */
} ac_status;

/* A human sentence for a status code. */
const char *ac_strerror(ac_status status);
const char *ac_version(void);
void ac_free(void *p);
/* Routes every allocation of the library — and of jansson and SQLite, which
 * it uses — through the caller's functions: realloc_fn(NULL, n) need not be
 * supported, and the library never asks for 0 bytes.  Call it once, before
 * any other ac_ function and before the program uses jansson or SQLite
 * itself: it sets their allocators too (json_set_alloc_funcs and
 * SQLITE_CONFIG_MALLOC), which are global.  A function that returns NULL is
 * reported as out of memory (AC_ENOMEM), never as bad input.  Returns
 * AC_EINPUT when an argument is NULL or SQLite is already in use.  This is
 * the library's one piece of global state. */
/* How many allocations of the calling thread have failed in the library
 * (and in jansson and SQLite once ac_set_allocator routed theirs through
 * it).  A front end that builds JSON with jansson itself compares it before
 * and after, since jansson leaves out what it cannot store. */
unsigned long ac_allocation_failures(void);
ac_status ac_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t), void (*free_fn)(void *));
/* 1 when s is a real calendar date written YYYY-MM-DD (the form of an
 * assessment's as_of date), else 0. */
int ac_date_valid(const char *s);

/* Three-valued answers: an unanswered question is unknown, never a guess. */
typedef enum { AC_UNKNOWN = 0, AC_FALSE = 1, AC_TRUE = 2 } ac_tri;

/* An optional number: set is 0 when the profile did not give it. */
typedef struct {
	int set;
	double v;
} ac_num;

/* One problem with an input: where it is (JSON path, or line/column for a
 * syntax error or a policy line) and what was wrong.  Opaque: read it with
 * the functions below, so new fields never break a caller. */
typedef struct ac_diag ac_diag;
/* The file name, "-" or NULL. */
const char *ac_diag_source(const ac_diag *d);
/* The JSON path such as role.tasks[2].share, or NULL. */
const char *ac_diag_path(const ac_diag *d);
/* The 1-based line, 0 when not known. */
int ac_diag_line(const ac_diag *d);
/* The 1-based column, 0 when not known. */
int ac_diag_column(const ac_diag *d);
/* What was wrong (never NULL for a stored diagnostic). */
const char *ac_diag_message(const ac_diag *d);

/* At most AC_MAX_DIAGS problems are kept for one input; those after are
 * only counted (ac_diags_more), so a hostile input cannot flood a report. */
#define AC_MAX_DIAGS 200
/* The problems a call found.  The caller allocates it (on the stack, say),
 * sets it up with ac_diags_init() and frees what it holds with
 * ac_diags_free().  Its fields other than struct_size are the library's:
 * read it only with ac_diags_count, ac_diags_at and ac_diags_more. */
typedef struct {
	size_t struct_size; /* set by ac_diags_init() */
	ac_diag *items; /* private */
	size_t count; /* private */
	size_t cap; /* private */
	size_t more; /* private */
} ac_diags;

void ac_diags_init_size(ac_diags *d, size_t size);
#define ac_diags_init(d) ac_diags_init_size((d), sizeof *(d))
/* How many problems are kept. */
size_t ac_diags_count(const ac_diags *d);
/* The i-th problem kept (from 0), NULL past the end. */
const ac_diag *ac_diags_at(const ac_diags *d, size_t i);
/* How many problems were found after the first AC_MAX_DIAGS and not kept. */
size_t ac_diags_more(const ac_diags *d);
/* Frees what the list holds and leaves it empty, ready for use again. */
void ac_diags_free(ac_diags *d);
/* Appends one diagnostic; returns AC_ENOMEM when it could not. */
ac_status ac_diags_add(ac_diags *d, const char *source, const char *path, int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;
/* Formats one diagnostic as "source:line:column: path: message" into a new
 * string (freed with ac_free), control characters escaped. */
char *ac_diag_format(const ac_diag *d);
/* The same, with source (when not NULL) named as the diagnostic's source
 * when it names none itself: a front end knows which file the fields the
 * library names belong to. */
char *ac_diag_format_source(const ac_diag *d, const char *source);
/* The n bytes of s as a terminal may safely show them: every control
 * character and every byte that is not UTF-8 written as \xHH, newlines kept.
 * A new string (freed with ac_free); NULL when out of memory. */
char *ac_text_escape(const char *s, size_t n);
/* 1 when the n bytes of s are UTF-8 text (no NUL), else 0.  Allocates nothing. */
int ac_text_is_utf8(const char *s, size_t n);
/* Splits a message of the form "found X, expected Y" into its two parts
 * (pointers into msg; X is found_len bytes long): 1 when it has that form,
 * else 0.  Front ends report each problem as path, found and expected. */
int ac_diag_found_expected(const char *msg, const char **found, size_t *found_len, const char **expected);

/* ---------------------------------------------------------------- enums
 * Every enumerated input has a name table.  Values start at 1; 0 means unset.
 */
typedef enum {
	AC_ENUM_CATEGORY,
	AC_ENUM_KIND,
	AC_ENUM_AUTHORITY,
	AC_ENUM_REVENUE,
	AC_ENUM_LEVERAGE_TEST,
	AC_ENUM_VALUE_BASIS,
	AC_ENUM_AI_LEVEL,
	AC_ENUM_LEADER_READING,
	AC_ENUM_ADOPTION_SIGNAL,
	AC_ENUM_COMPRESSING,
	AC_ENUM_DIGITAL,
	AC_ENUM_MOTIVE,
	AC_ENUM_DOMAIN,
	AC_ENUM_LEVEL,
	AC_ENUM_VERDICT,
	AC_ENUM_FORMAT,
	AC_ENUM_STATUS,
	AC_ENUM_PATH,
	AC_ENUM_ORIENTATION,
	AC_ENUM_CLASS,
	AC_ENUM_FUNCTION,
	AC_ENUM__COUNT
} ac_enum_kind;

/* The name of value v (1..count) or NULL. */
const char *ac_enum_name(ac_enum_kind kind, int v);
/* The value of name, or 0 when it is not one of the kind's names. */
int ac_enum_value(ac_enum_kind kind, const char *name);
/* How many values the kind has. */
int ac_enum_count(ac_enum_kind kind);
/* "a, b or c": the allowed names, for error messages (static storage). */
const char *ac_enum_list(ac_enum_kind kind);

enum {
	AC_CAT_ROUTINE_ADMIN = 1,
	AC_CAT_DOCUMENT_DRAFTING,
	AC_CAT_STRUCTURED_DATA_ANALYSIS,
	AC_CAT_STANDARDIZED_REPORTING,
	AC_CAT_PREDICTABLE_REQUESTS,
	AC_CAT_RESEARCH_SYNTHESIS,
	AC_CAT_COORDINATION,
	AC_CAT_CONTENT_CREATION,
	AC_CAT_SOFTWARE_DEVELOPMENT,
	AC_CAT_JUDGMENT_DECISIONS,
	AC_CAT_SYSTEM_DESIGN,
	AC_CAT_CLIENT_RELATIONSHIP,
	AC_CAT_PEOPLE_LEADERSHIP,
	AC_CAT_STRATEGY_INFLUENCE,
	AC_CAT_PHYSICAL_IN_PERSON,
	AC_CAT__COUNT = AC_CAT_PHYSICAL_IN_PERSON
};
enum { AC_KIND_IC = 1, AC_KIND_MANAGER, AC_KIND_HYBRID };
enum { AC_AUTH_HOLDS = 1, AC_AUTH_SEPARABLE };
enum { AC_REV_DIRECT = 1, AC_REV_ADJACENT, AC_REV_FAR };
enum { AC_LT_SCOPE = 1, AC_LT_INFLUENCE, AC_LT_PAY, AC_LT_HEADCOUNT_CUT, AC_LT_UNSURE };
enum { AC_VB_SPEED = 1, AC_VB_JUDGMENT };
enum { AC_AI_NONE = 1, AC_AI_EXPERIMENTING, AC_AI_REGULAR, AC_AI_BUILT_WORKFLOWS };
enum { AC_LR_MODERNIZER = 1, AC_LR_EFFICIENT_OPERATOR, AC_LR_AUTOMATION_EVIDENCE, AC_LR_UNKNOWN };
enum {
	AC_SIG_AI_OPTIONAL = 1,
	AC_SIG_FEW_EXPERIMENTING,
	AC_SIG_AI_EXPECTED,
	AC_SIG_OUTPUT_TARGETS_RISING,
	AC_SIG_HIRING_SLOWING,
	AC_SIG_WIDER_SPANS,
	AC_SIG_LAYERS_REMOVED,
	AC_SIG_REPORTING_AUTOMATED,
	AC_SIG_INTERMEDIARIES_REMOVED,
	AC_SIG__COUNT = AC_SIG_INTERMEDIARIES_REMOVED
};
enum { AC_COMP_YES = 1, AC_COMP_NO, AC_COMP_UNKNOWN };
enum { AC_DIG_HIGH = 1, AC_DIG_MEDIUM, AC_DIG_LOW };
enum {
	AC_MOT_CAPABILITY_GAP = 1,
	AC_MOT_CREDENTIAL_SIGNAL,
	AC_MOT_ROLE_TRANSITION,
	AC_MOT_INDUSTRY_SHIFT,
	AC_MOT_SIGNAL_ACTIVITY,
	AC_MOT_REDUCE_ANXIETY,
	AC_MOT_FOLLOW_HEADLINES,
	AC_MOT_UNCLEAR_POSITIONING,
	AC_MOT__COUNT = AC_MOT_UNCLEAR_POSITIONING
};
enum {
	AC_DOM_AI_LITERACY = 1,
	AC_DOM_ML_ENGINEERING,
	AC_DOM_GENAI_DEVELOPMENT,
	AC_DOM_DATA,
	AC_DOM_AI_GOVERNANCE,
	AC_DOM_AI_PRODUCT_MANAGEMENT,
	AC_DOM_CLOUD_PLATFORM,
	AC_DOM__COUNT = AC_DOM_CLOUD_PLATFORM
};
enum {
	AC_LVL_FOUNDATIONAL = 1,
	AC_LVL_ASSOCIATE,
	AC_LVL_PROFESSIONAL,
	AC_LVL_SPECIALTY,
	AC_LVL_EXECUTIVE,
	AC_LVL_COURSE
};
enum { AC_VERDICT_PURSUE = 1, AC_VERDICT_SIGNAL_ONLY, AC_VERDICT_NOT_YET, AC_VERDICT_AVOID };
enum { AC_FMT_PROCTORED_EXAM = 1, AC_FMT_HANDS_ON_LAB, AC_FMT_COURSE_COMPLETION };
enum { AC_STATUS_ACTIVE = 1, AC_STATUS_RETIRING, AC_STATUS_RETIRED };
enum {
	AC_PATH_CERTIFICATION = 1,
	AC_PATH_APPLIED_PROJECT,
	AC_PATH_ORG_LEVERAGE,
	AC_PATH_ROLE_REDESIGN,
	AC_PATH_REPOSITION,
	AC_PATH__COUNT = AC_PATH_REPOSITION
};
enum { AC_ORIENT_LEVERAGE = 1, AC_ORIENT_REWARDED, AC_ORIENT_NEUTRAL, AC_ORIENT_COMPRESSIBLE };
enum { AC_CLASS_EXPOSED = 1, AC_CLASS_PRESSURED, AC_CLASS_LEVERAGED };
enum {
	AC_FN_REVENUE = 1,
	AC_FN_COMPLIANCE_RISK,
	AC_FN_INFRASTRUCTURE,
	AC_FN_DECISION_SUPPORT,
	AC_FN_OPERATIONS,
	AC_FN_SUPPORT,
	AC_FN_CREATIVE,
	AC_FN_OTHER,
	AC_FN__COUNT = AC_FN_OTHER
};

/* ---------------------------------------------------------------- certificates */

typedef struct ac_cert ac_cert;
typedef struct ac_catalogue ac_catalogue;

/* The catalogue compiled into the library. */
ac_status ac_catalogue_default(ac_catalogue **out, ac_diags *diags);
/* An empty catalogue. */
ac_status ac_catalogue_new(ac_catalogue **out);
/* Adds or overrides entries from a catalogue JSON text; on any error nothing
 * is changed.  source names the text in diagnostics. */
ac_status ac_catalogue_merge(ac_catalogue *cat, const char *json, size_t len, const char *source, ac_diags *diags);
size_t ac_catalogue_count(const ac_catalogue *cat);
const ac_cert *ac_catalogue_at(const ac_catalogue *cat, size_t i);
const ac_cert *ac_catalogue_find(const ac_catalogue *cat, const char *id);
void ac_catalogue_free(ac_catalogue *cat);

/* A certificate's id and its name (the id when it has none). */
const char *ac_cert_id(const ac_cert *c);
const char *ac_cert_name(const ac_cert *c);
/* The catalogue's version (the date its facts were last reviewed), or NULL. */
const char *ac_catalogue_version(const ac_catalogue *cat);

/* Which certificates to show.  After ac_cert_filter_init() it matches
 * everything; each field set narrows the match. */
typedef struct {
	size_t struct_size; /* set by ac_cert_filter_init() */
	int domain; /* AC_DOM_* or 0 for any */
	int level; /* AC_LVL_* or 0 for any */
	const char *provider; /* case-insensitive part of the provider, or NULL */
	ac_num max_cost_usd; /* when set, an entry whose cost is unknown does not match */
	int status; /* AC_STATUS_* or 0 for any */
	const char *words; /* space-separated; every word must occur (case-insensitive)
				 in the id, provider, name, exam code, keywords or roles */
} ac_cert_filter;
/* Sets the defaults; size is the caller's sizeof the struct (the macro passes
 * it), so a caller built against an older, shorter struct is never written
 * past its end. */
void ac_cert_filter_init_size(ac_cert_filter *f, size_t size);
#define ac_cert_filter_init(f) ac_cert_filter_init_size((f), sizeof *(f))

/* 1 when c passes every condition of f (f NULL matches all), else 0. */
int ac_cert_matches(const ac_cert *c, const ac_cert_filter *f);
/* One certificate as a compact JSON object in the catalogue file's entry
 * format, unknown values as null (freed with ac_free; NULL when out of memory). */
char *ac_cert_to_json(const ac_cert *c);

/* ---------------------------------------------------------------- profile */

typedef struct ac_profile ac_profile;

/* Parses and validates a profile.  On bad input returns AC_EINPUT with one
 * diagnostic per problem and *out NULL. */
ac_status ac_profile_parse(const char *json, size_t len, const char *source, ac_profile **out, ac_diags *diags);
/* An empty profile (every answer unknown). */
ac_status ac_profile_new(ac_profile **out);
ac_profile *ac_profile_clone(const ac_profile *p);
void ac_profile_free(ac_profile *p);
/* The profile as canonical JSON: fields in the schema's order, unknown
 * answers left out, two-space indent, final newline.  Parsing it gives the
 * same profile back. */
ac_status ac_profile_write(const ac_profile *p, char **out, size_t *len);
/* Sets one answer by its schema path ("role.leverage_test", "motives",
 * "role.tasks"), from a JSON value ("\"scope\"", "true", "[...]"); "null"
 * makes it unknown again.  The value is checked exactly as the parser checks
 * it: on a problem the profile is unchanged and AC_EINPUT names it. */
ac_status ac_profile_set(ac_profile *p, const char *path, const char *json, ac_diags *diags);
/* One answer by its schema path, as JSON text ("null" when unknown). */
ac_status ac_profile_get(const ac_profile *p, const char *path, char **json);

/* The profile schema: every field PROFILE.md defines, in its order, so that a
 * front end (an interview, a CSV mapping, a web form, a JSON Schema) is made
 * from one table.  Paths use "[]" for the elements of an array:
 * "role.tasks[].share". */
typedef enum {
	AC_FIELD_OBJECT = 1, /* holds the fields whose path starts with its own */
	AC_FIELD_STRING,
	AC_FIELD_BOOL,
	AC_FIELD_ENUM, /* one name of enum_kind */
	AC_FIELD_NUMBER,
	AC_FIELD_INTEGER,
	AC_FIELD_ENUM_LIST, /* a list of distinct names of enum_kind */
	AC_FIELD_STRING_LIST,
	AC_FIELD_ARRAY /* a list of objects: the fields under "path[]" */
} ac_field_type;

/* One field of the schema (opaque; the schema's fields live as long as the
 * program). */
typedef struct ac_field ac_field;
/* Its path ("role.tasks[].share"), its type, and for ENUM and ENUM_LIST the
 * ac_enum_kind of its names (-1 for other types). */
const char *ac_field_path(const ac_field *f);
ac_field_type ac_field_value_type(const ac_field *f);
int ac_field_enum_kind(const ac_field *f);
/* The limits of a NUMBER or INTEGER (and of the length of an ARRAY): from
 * min (or, when ac_field_min_exclusive is 1, above it) to max. */
double ac_field_min(const ac_field *f);
double ac_field_max(const ac_field *f);
int ac_field_min_exclusive(const ac_field *f);
/* 1 when the field must be present in its object. */
int ac_field_required(const ac_field *f);
/* One line: what the answer means. */
const char *ac_field_help(const ac_field *f);

/* How many fields the schema has, and the i-th (NULL past the last). */
size_t ac_schema_count(void);
const ac_field *ac_schema_at(size_t i);
/* The field at path, or NULL. */
const ac_field *ac_schema_find(const char *path);

/* ---------------------------------------------------------------- policy */

typedef struct ac_policy ac_policy;

/* The text of the default policy compiled into the library. */
const char *ac_policy_default_text(void);
ac_status ac_policy_default(ac_policy **out, ac_diags *diags);
/* Parses a policy text; on error returns AC_EINPUT with diagnostics naming
 * the line. */
ac_status ac_policy_parse(const char *text, size_t len, const char *source, ac_policy **out, ac_diags *diags);
const char *ac_policy_name(const ac_policy *p);
const char *ac_policy_version(const ac_policy *p);
/* The policy's category defaults (for importers and interviews). */
double ac_policy_category_exposure(const ac_policy *p, int category);
/* The FRAMEWORK.md category for an O*NET generalized work activity id
 * (e.g. "4.A.2.a.4"), or 0 when the policy does not map it. */
int ac_policy_gwa_category(const ac_policy *p, const char *gwa_id);
/* The comparison rule of `aicert compare`: a sentence, and the ordered keys. */
const char *ac_policy_compare_statement(const ac_policy *p);
/* The ordered sort keys of the comparison rule (verdict, gap_fit, role_fit,
 * weeks, cost_usd); returns how many. */
size_t ac_policy_compare_keys(const ac_policy *p, const char *const **keys);
void ac_policy_free(ac_policy *p);
/* The policy's own text with each category's exposure replaced, for
 * `aicert data calibrate`: for every category c (1..AC_CAT__COUNT) whose
 * measured[c] is not 0, its 'exposure' line becomes exposures[c] under a
 * comment naming the measured tasks and the old value; the other categories
 * keep theirs under a comment saying so, and the name gets "-calibrated".
 * Comments and layout are kept.  *out is freed with ac_free. */
ac_status ac_policy_write_with_category_exposures(const ac_policy *p, const double *exposures, const size_t *measured,
						  char **out, size_t *len);
/* The i-th built-in fact a policy condition may use (NULL past the last):
 * its name, its type ("yes/no", "number" or "text") and its meaning. */
const char *ac_fact_describe(size_t i, const char **type, const char **description);

/* ---------------------------------------------------------------- occupation data */

typedef struct ac_occdata ac_occdata;

/* An occupation and its tasks, as the database gives them.  Both are
 * opaque: an occupation is read through the functions below and freed with
 * ac_occupation_free; its tasks live as long as it does. */
typedef struct ac_occupation ac_occupation;
typedef struct ac_occ_task ac_occ_task;

/* An occupation's texts (NULL when the data has none):
 * AC_OCC_SOC is the SOC 2018 code (the first seven characters of the
 * O*NET-SOC code); the *_CODE texts name the row of the source that gave a
 * figure, and a code differing from AC_OCC_SOC means that source publishes
 * only a wider group containing this occupation. */
enum {
	AC_OCC_CODE = 1, /* O*NET-SOC code */
	AC_OCC_TITLE,
	AC_OCC_DESCRIPTION,
	AC_OCC_SOC,
	AC_OCC_APPLICABILITY_CODE, /* the Working with AI row */
	AC_OCC_OEWS_CODE, /* the OEWS May 2024 row (employment, median wage) */
	AC_OCC_OEWS_TITLE,
	AC_OCC_PROJECTION_CODE, /* the BLS Employment Projections 2022-32 row (growth) */
	AC_OCC_EDUCATION, /* typical education for entry (projections) */
	AC_OCC_JOB_ZONE_NAME /* "Job Zone Four: Considerable Preparation Needed" */
};
const char *ac_occupation_text(const ac_occupation *occ, int which);

/* An occupation's figures (unset when the data has none). */
enum {
	AC_OCC_BETA = 1, /* published GPTs-are-GPTs occupation beta */
	AC_OCC_EXPOSURE, /* measured: Core 2 / other 1 weighted mean of its tasks' */
	AC_OCC_EXPOSURE_PERCENTILE, /* of the measured exposure among all occupations, 0..100 */
	AC_OCC_APPLICABILITY, /* Microsoft "Working with AI" applicability */
	AC_OCC_BETA_PERCENTILE, /* of beta among all occupations, 0..100 */
	AC_OCC_APPLICABILITY_PERCENTILE, /* of applicability, 0..100 */
	AC_OCC_EMPLOYMENT,
	AC_OCC_MEDIAN_WAGE,
	AC_OCC_GROWTH_PCT, /* projected employment change over ten years, percent */
	AC_OCC_JOB_ZONE /* O*NET Job Zone, 1..5 */
};
ac_num ac_occupation_figure(const ac_occupation *occ, int which);

/* The occupation's tasks: how many, and the i-th (NULL past the last). */
size_t ac_occupation_task_count(const ac_occupation *occ);
const ac_occ_task *ac_occupation_task(const ac_occupation *occ, size_t i);

/* A task: its O*NET id; 1 for a Core task (0 Supplemental); 0 when O*NET
 * gives no Task Type (weighted like Supplemental); its category (AC_CAT_*,
 * 0 until ac_occupation_categorise); which sources its measured exposure
 * uses (AC_OCC_SOURCE_LABEL | AC_OCC_SOURCE_USAGE). */
long ac_occ_task_id(const ac_occ_task *t);
int ac_occ_task_core(const ac_occ_task *t);
int ac_occ_task_rated(const ac_occ_task *t);
int ac_occ_task_category(const ac_occ_task *t);
int ac_occ_task_sources(const ac_occ_task *t);
enum { AC_OCC_SOURCE_LABEL = 1, AC_OCC_SOURCE_USAGE = 2 };

/* A task's texts (NULL when the data has none). */
enum {
	AC_TASK_STATEMENT = 1,
	AC_TASK_CODE, /* the O*NET-SOC code of the task's occupation */
	AC_TASK_GWA, /* the most frequent generalized work activity of its DWAs */
	AC_TASK_IWA /* the most frequent intermediate work activity of its DWAs under that GWA */
};
const char *ac_occ_task_text(const ac_occ_task *t, int which);

/* A task's figures (unset when the data has none).  Its measured exposure
 * (0..1) is half its GPTs-are-GPTs beta, half Microsoft's measured AI usage
 * of its work activities (Working with AI, through task -> DWA -> IWA)
 * rescaled to beta's scale; one source alone when the other has no figure.
 * Low..high spans the two sources' figures (equal when one source is used). */
enum {
	AC_TASK_BETA = 1, /* GPTs-are-GPTs beta (E1 + 0.5 E2) */
	AC_TASK_AUTOMATION, /* GPTs-are-GPTs gpt4_automation T0..T4 as 0..1 */
	AC_TASK_EXPOSURE,
	AC_TASK_EXPOSURE_LOW,
	AC_TASK_EXPOSURE_HIGH
};
ac_num ac_occ_task_figure(const ac_occ_task *t, int which);

/* A handle on the installed database.  Every call that can fail leaves a
 * diagnostic in diags (which may be NULL).
 *
 * Threads: a handle is used by one thread at a time (it holds its own
 * read-only SQLite connection, opened without SQLite's mutexes, and small
 * caches).  Give each further thread its own with ac_occdata_clone, which is
 * cheap.  The handle keeps the last occupations it looked up, so assessing
 * one profile many times reads its occupation once. */

/* How to install the data, one sentence (static storage). */
const char *ac_occdata_install_hint(void);
/* Opens an installed database; path NULL uses ac_occdata_default_path().
 * Returns AC_ENODATA when none is installed. */
ac_status ac_occdata_open(const char *path, ac_occdata **out, ac_diags *diags);
/* A new handle on the same database file, for another thread.  It reads only
 * what db was opened with, so it may be called while db is in use.  (It
 * opens the file again: after a new import into the same path, the clone
 * reads the new database.) */
ac_status ac_occdata_clone(const ac_occdata *db, ac_occdata **out, ac_diags *diags);
void ac_occdata_close(ac_occdata *db);
/* The database read when none is named (freed with ac_free): $AICERT_DATA
 * when set (even if there is no file there); else the first that exists of
 * the user's database (ac_occdata_user_path), the installed one
 * (share/aicert/occupations.db under the install prefix) and the one in the
 * build tree aicert was built in; else the user's path.  NULL only without
 * memory or with none of AICERT_DATA, XDG_DATA_HOME and HOME set. */
char *ac_occdata_default_path(void);
/* Where 'aicert data import' writes by default: $AICERT_DATA, else
 * $XDG_DATA_HOME/aicert/occupations.db, else ~/.local/share/aicert/occupations.db. */
char *ac_occdata_user_path(void);
/* Looks up an O*NET-SOC (13-2051.00) or SOC (13-2051) code; the occupation
 * is the caller's (a copy when the handle had it already). */
ac_status ac_occdata_occupation(ac_occdata *db, const char *code, ac_occupation **out, ac_diags *diags);
void ac_occupation_free(ac_occupation *occ);
/* The share (0..100) of occupations whose published beta is below x. */
ac_status ac_occdata_beta_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags);
/* The share (0..100) of occupations whose measured exposure (two sources,
 * AC_OCC_EXPOSURE) is below x. */
ac_status ac_occdata_exposure_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags);
/* The share (0..100) of Working with AI occupations whose applicability is below x. */
ac_status ac_occdata_applicability_percentile(ac_occdata *db, double x, double *pct, ac_diags *diags);
/* Sets every task's category from the policy's GWA table (0 when unmapped). */
void ac_occupation_categorise(ac_occupation *occ, const ac_policy *policy);

/* An occupation's tasks grouped as a person would describe their job: six to
 * ten groups, each with its share of the time and its biggest tasks.  Time
 * comes from O*NET's task types: a Core task weighs 2, a Supplemental or
 * untyped one 1.  The groups are the task categories (through the policy's
 * [gwa] table), then brought to between six and ten:
 *  - an occupation with fewer than six tasks in all gets one group per task;
 *  - with fewer than six categories, the largest group (that has two tasks or
 *    more) is split in two, again until there are six: its tasks are told
 *    apart by their O*NET work activity (GWA), else by their intermediate
 *    activity (IWA), else one by one; the tasks of one activity stay
 *    together, and the activities, largest first, each go to the lighter
 *    half.  Both halves keep the category;
 *  - with more than ten, the smallest group is folded into the nearest other
 *    one, again until there are ten: nearest is the same category, then one
 *    the policy calls repeatable the same way, then the closest exposure
 *    (measured, else the category's), then the larger.  The folded tasks
 *    keep their measured exposure and take that group's category.
 * A task whose work activity is unknown (no DWA in O*NET) or not mapped by
 * the policy is "not categorised": it is left out of the groups and their
 * shares, never given a category it does not have, and is counted on its own
 * (with its share of all the time and its measured exposure, which still
 * counts in an occupation's exposure).  On the real data (O*NET 29.3) every
 * occupation with six tasks or more gets six to ten groups.
 *
 * Groups come largest first (then by category number, then by their first
 * task); tasks in a group biggest first (Core before Supplemental, then
 * O*NET's order; tasks folded in from another category last).  The result
 * owns copies of everything it returns: it outlives occ.  Fails only for
 * lack of memory (AC_ENOMEM) or without an occupation or policy (AC_EINPUT),
 * leaving a diagnostic. */
typedef struct ac_task_groups ac_task_groups;
ac_status ac_occupation_task_groups(const ac_occupation *occ, const ac_policy *policy, ac_task_groups **out,
				    ac_diags *diags);
void ac_task_groups_free(ac_task_groups *g);
/* The number of groups (0 when no task has a category). */
size_t ac_task_groups_count(const ac_task_groups *g);
/* How the groups were made (see above): one per category, one per task, the
 * largest split, or the smallest folded; and how many were folded. */
enum { AC_GROUPS_BY_KIND, AC_GROUPS_PER_TASK, AC_GROUPS_SPLIT, AC_GROUPS_FOLDED };
int ac_task_groups_layout(const ac_task_groups *g);
size_t ac_task_groups_folded(const ac_task_groups *g);
/* Group i's category (AC_CAT_*). */
int ac_task_groups_category(const ac_task_groups *g, size_t i);
/* Group i's share (0..1) of the categorised time; the shares add up to 1. */
double ac_task_groups_share(const ac_task_groups *g, size_t i);
/* Group i's measured exposure: the time-weighted mean over its tasks that
 * have a measured figure (unset when none has). */
ac_num ac_task_groups_exposure(const ac_task_groups *g, size_t i);
/* The number of tasks in group i, and its k-th task (biggest first): the
 * statement, with the O*NET task id in *task_id (may be NULL). */
size_t ac_task_groups_task_count(const ac_task_groups *g, size_t i);
const char *ac_task_groups_task(const ac_task_groups *g, size_t i, size_t k, long *task_id);
/* The tasks that are not categorised: how many, each one, their share (0..1)
 * of all the occupation's time and their measured exposure (unset when none
 * of them has a measured figure). */
size_t ac_task_groups_uncategorised(const ac_task_groups *g);
const char *ac_task_groups_uncategorised_task(const ac_task_groups *g, size_t k, long *task_id);
double ac_task_groups_uncategorised_share(const ac_task_groups *g);
ac_num ac_task_groups_uncategorised_exposure(const ac_task_groups *g);

/* One task by O*NET task id (AC_ENOTFOUND with a diagnostic when unknown);
 * freed with ac_occ_tasks_free(t, 1). */
ac_status ac_occdata_task(ac_occdata *db, long task_id, ac_occ_task **out, ac_diags *diags);
/* The GPTs-are-GPTs task labels of one occupation exactly as published
 * (their own task list and Task Type; gwa_id and category are unset). */
ac_status ac_occdata_labels(ac_occdata *db, const char *code, ac_occ_task **out, size_t *n, ac_diags *diags);
/* The i-th of the n tasks one of the two calls above returned (i < n). */
const ac_occ_task *ac_occ_tasks_at(const ac_occ_task *tasks, size_t i);
void ac_occ_tasks_free(ac_occ_task *tasks, size_t n);
/* Every O*NET-SOC code in the database, in code order. */
ac_status ac_occdata_codes(ac_occdata *db, char ***codes, size_t *n, ac_diags *diags);
void ac_occ_codes_free(char **codes, size_t n);

/* Title search.  The typed words are first rewritten through the table of
 * data/titles.txt (abbreviations people type, British spellings, plain job
 * words: "rn", "centre", "lorry"), and a word of five letters or more that
 * no title has is replaced by the title word one edit away (two from eight
 * letters) as a typo.  Confidence (0..1): an exact title 1.00, the head of an
 * O*NET title before its comma ("Secondary School Teachers") 0.97, an exact
 * alternate or short title 0.95, an exact reported title 0.90; otherwise a
 * base for the kind of title (0.85 title, 0.80 alternate or short, 0.75
 * reported) times the share of the typed words found (a word matched only as
 * a prefix counts 0.8, as the initials of title words 0.9) times (0.6 + 0.4 x
 * the share of the title's words accounted for); each corrected typo
 * multiplies it by 0.9.  Rounded to 0.01.  Abbreviations match titles by
 * their initials ("fp&a") and through the abbreviations the data itself
 * spells out ("Ad Manager (Advertising Manager)").  The index hands out the
 * shortest matching titles first and the first 400 are scored.  Ranked by
 * confidence, then how many of the occupation's titles matched, then how well
 * its own O*NET title matches, then code; one row per occupation. */
typedef struct ac_occ_match ac_occ_match;
/* AC_EINPUT when words hold nothing searchable; *n is 0 when nothing matched.
 * The matches are opaque, read through the functions below. */
ac_status ac_occdata_search(ac_occdata *db, const char *words, size_t limit, ac_occ_match **out, size_t *n,
			    ac_diags *diags);
/* The i-th of the n matches ac_occdata_search returned (i < n). */
const ac_occ_match *ac_occ_matches_at(const ac_occ_match *m, size_t i);
/* The matched occupation's O*NET-SOC code. */
const char *ac_occ_match_code(const ac_occ_match *m);
/* The matched occupation's O*NET title. */
const char *ac_occ_match_title(const ac_occ_match *m);
/* The title that matched, as written in the data. */
const char *ac_occ_match_matched(const ac_occ_match *m);
/* The match's confidence, 0..1 (see above). */
double ac_occ_match_confidence(const ac_occ_match *m);
/* What kind of title matched: "title", "alternate title", "short title" or "reported title". */
const char *ac_occ_match_via(const ac_occ_match *m);
void ac_occ_matches_free(ac_occ_match *m, size_t n);

/* Builds the database at dbpath from the official files under srcdir
 * (onet-29.3/, gpts-are-gpts/, working-with-ai/, bls/; see scripts/fetch-data.sh).
 * Atomic: built in dbpath.tmp-PID (ac_occdata_import_temp_path) and renamed;
 * on any error nothing is left behind and each problem is a diagnostic
 * naming the file and line.  Temporary files of earlier imports into dbpath
 * whose process is gone are removed first.
 * AC_EINPUT for a malformed, damaged or cut-short file (NUL bytes, a last
 * line without its line end, a row with fewer fields than its header, a
 * number out of range, far fewer rows than the release has), a missing O*NET
 * file or source folder, a source that is not a regular file, or a dbpath
 * that exists and is not a regular file (a symbolic link, a folder, a
 * device, a FIFO: refused, never replaced).  AC_EIO when the environment
 * fails: a source that cannot be read, a disk full, a folder that cannot be
 * written.  Only O*NET is required: a dataset with a file missing is skipped
 * whole, recorded as missing (ac_occ_source_missing) and named in a
 * diagnostic starting "warning:" while the import still succeeds. */
ac_status ac_occdata_import(const char *srcdir, const char *dbpath, ac_diags *diags);
/* Flags of ac_occdata_import_with. */
enum {
	/* The files are a sample of the releases (a test fixture, a hand-made
	 * extract): their row counts are not compared with the releases'.
	 * Without it, a file with fewer than 90 % of the rows its release has
	 * is refused as cut short. */
	AC_IMPORT_SAMPLE = 1u << 0
};
ac_status ac_occdata_import_with(const char *srcdir, const char *dbpath, unsigned flags, ac_diags *diags);
/* The temporary file an import into dbpath builds in this process
 * ("dbpath.tmp-PID"; SQLite may add "-journal", "-wal" or "-shm" to it),
 * freed with ac_free; NULL without memory.  The library installs no signal
 * handler: a program that wants the file gone when a signal stops the
 * import prepares these paths beforehand and unlinks them in its handler
 * (as 'aicert data import' does). */
char *ac_occdata_import_temp_path(const char *dbpath);

/* What an installed database holds and where it came from, and one of the
 * datasets it credits: both opaque, read through the functions below. */
typedef struct ac_occdata_info ac_occdata_info;
typedef struct ac_occ_source ac_occ_source;
ac_status ac_occdata_info_get(ac_occdata *db, ac_occdata_info **out, ac_diags *diags);
/* The version of the database's tables. */
int ac_occdata_info_schema_version(const ac_occdata_info *info);
/* When the database was imported: UTC, ISO 8601. */
const char *ac_occdata_info_imported_at(const ac_occdata_info *info);
/* What the database counts (ac_occdata_info_count's which). */
enum {
	AC_INFO_OCCUPATIONS = 1,
	AC_INFO_TASKS, /* O*NET tasks */
	AC_INFO_LABELS, /* GPTs-are-GPTs task labels */
	AC_INFO_TITLES, /* searchable titles: titles, alternate, short and reported titles */
	AC_INFO_DWAS, /* detailed work activities */
	AC_INFO_WITH_BETA, /* occupations with a GPTs-are-GPTs beta */
	AC_INFO_WITH_APPLICABILITY, /* occupations with a Working with AI score */
	AC_INFO_WITH_WAGE, /* occupations with a median wage */
	AC_INFO_WITH_GROWTH /* occupations with projected growth */
};
/* How many rows of a kind the database holds (AC_INFO_*; 0 for another which). */
size_t ac_occdata_info_count(const ac_occdata_info *info, int which);
/* How many datasets the database credits. */
size_t ac_occdata_info_source_count(const ac_occdata_info *info);
/* The i-th dataset, in import order (NULL past the last). */
const ac_occ_source *ac_occdata_info_source(const ac_occdata_info *info, size_t i);
/* A dataset's texts (ac_occ_source_text's which). */
enum {
	AC_SOURCE_NAME = 1, /* "onet", "gpts-are-gpts", "working-with-ai", "bls-oews", ... */
	AC_SOURCE_TITLE,
	AC_SOURCE_VERSION,
	AC_SOURCE_LICENCE,
	AC_SOURCE_URL,
	AC_SOURCE_ATTRIBUTION
};
/* One of a dataset's texts (AC_SOURCE_*; NULL for another which). */
const char *ac_occ_source_text(const ac_occ_source *s, int which);
/* 1 when the dataset's files were not there at import time: nothing of it is used. */
int ac_occ_source_missing(const ac_occ_source *s);
void ac_occdata_info_free(ac_occdata_info *info);

/* How well the policy's category model agrees with the measured data, over
 * all occupations with a measured exposure (AC_OCC_EXPOSURE: both
 * sources).  An occupation's category-default exposure is the Core 2 /
 * Supplemental 1 weighted mean, over its tasks that have a category (through
 * the policy's GWA table), of the policy's category exposure.  The calibrated
 * exposure of a category is the mean measured exposure (AC_TASK_EXPOSURE)
 * of the O*NET tasks in it (the policy's value where it has none). */
typedef struct ac_occ_calibration ac_occ_calibration;
/* The result is opaque, read through the functions below, and freed with
 * ac_occ_calibration_free.  AC_EINPUT without a policy. */
ac_status ac_occdata_calibrate(ac_occdata *db, const ac_policy *policy, ac_occ_calibration **out, ac_diags *diags);
void ac_occ_calibration_free(ac_occ_calibration *c);
/* The number of occupations in the two comparisons below. */
size_t ac_occ_calibration_occupations(const ac_occ_calibration *c);
/* Spearman(category-default exposure, measured exposure). */
double ac_occ_calibration_rho_default(const ac_occ_calibration *c);
/* Spearman(calibrated category exposure, measured exposure). */
double ac_occ_calibration_rho_calibrated(const ac_occ_calibration *c);
/* The number of occupations with both a published beta and an applicability. */
size_t ac_occ_calibration_applicability_occupations(const ac_occ_calibration *c);
/* Spearman(published beta, Microsoft applicability) over those. */
double ac_occ_calibration_rho_applicability(const ac_occ_calibration *c);
/* The policy's exposure of category cat (AC_CAT_*; 0 for another cat). */
double ac_occ_calibration_before(const ac_occ_calibration *c, int cat);
/* The calibrated exposure of category cat (the policy's when no task measured it). */
double ac_occ_calibration_after(const ac_occ_calibration *c, int cat);
/* The number of measured tasks behind category cat's calibrated exposure. */
size_t ac_occ_calibration_tasks(const ac_occ_calibration *c, int cat);
/* The tasks left out: without a GWA, or with one the policy does not map. */
size_t ac_occ_calibration_unmapped_tasks(const ac_occ_calibration *c);

/* ---------------------------------------------------------------- assessment */

typedef struct ac_assessment ac_assessment;

/* HTML is one self-contained page (inline style, inline SVG charts, no
 * scripts); it is written for an assessment and a comparison. */
typedef enum { AC_FORMAT_TEXT = 1, AC_FORMAT_JSON, AC_FORMAT_MARKDOWN, AC_FORMAT_HTML } ac_format;

/* The verdict (AC_VERDICT_*), the id of the decisive rule, the one-sentence
 * headline, and the profile's label (or NULL). */
int ac_assessment_verdict(const ac_assessment *a);
const char *ac_assessment_reason(const ac_assessment *a);
const char *ac_assessment_headline(const ac_assessment *a);
const char *ac_assessment_label(const ac_assessment *a);
/* How text is laid out: the line width (text wraps there, tables fit in it)
 * and whether terminal colours may be used.  The defaults (78 columns, no
 * colour) suit a file or a pipe; a terminal front end sets its own width and
 * leaves colour off when NO_COLOR is set. */
typedef struct {
	size_t struct_size; /* set by ac_render_options_init() */
	size_t width; /* columns, 40..1000 (default 78) */
	int color; /* 1: colour the verdict and the marks (default 0) */
} ac_render_options;
void ac_render_options_init_size(ac_render_options *o, size_t size);
#define ac_render_options_init(o) ac_render_options_init_size((o), sizeof *(o))

/* Renders an assessment; *out is NUL-terminated and freed with ac_free.
 * ac_render uses the default options. */
ac_status ac_render(const ac_assessment *a, ac_format format, char **out, size_t *len);
ac_status ac_render_opts(const ac_assessment *a, ac_format format, const ac_render_options *o, char **out, size_t *len);
void ac_assessment_free(ac_assessment *a);

/* ---------------------------------------------------------------- the session */

typedef struct ac_session ac_session;

typedef struct {
	size_t struct_size; /* set by ac_session_options_init() */
	const char *policy_text; /* NULL: the built-in policy */
	size_t policy_len;
	const char *policy_source; /* the policy's file name, for messages */
	const char *catalogue_text; /* NULL: none; entries that add to or override the built-in ones */
	size_t catalogue_len;
	const char *catalogue_source;
	const char *data_path; /* occupation database; NULL: ac_occdata_default_path() */
	int no_data; /* 1: use no occupation data at all */
} ac_session_options;
void ac_session_options_init_size(ac_session_options *o, size_t size);
#define ac_session_options_init(o) ac_session_options_init_size((o), sizeof *(o))

/* Loads the policy and the catalogue and opens the occupation data.  A
 * missing database is not an error unless data_path names one. */
ac_status ac_session_new(const ac_session_options *o, ac_session **out, ac_diags *diags);
/* Another session over the same policy, catalogue and data, for another
 * thread. */
ac_status ac_session_clone(const ac_session *s, ac_session **out, ac_diags *diags);
void ac_session_free(ac_session *s);
const ac_policy *ac_session_policy(const ac_session *s);
/* The catalogue: the built-in one is read on first use; NULL when memory ran
 * out reading it. */
const ac_catalogue *ac_session_catalogue(const ac_session *s);
/* The occupation data, or NULL when none is installed. */
ac_occdata *ac_session_occdata(ac_session *s);

typedef struct {
	size_t struct_size; /* set by ac_assess_options_init() */
	int counterfactuals; /* 1 (the default): search for answers that change the verdict */
	const char *as_of; /* the assessment's date, "YYYY-MM-DD"; NULL: today in UTC.  A
				certificate's availability is judged on this date, and the
				same profile, policy, data and date give the same output. */
} ac_assess_options;
void ac_assess_options_init_size(ac_assess_options *o, size_t size);
#define ac_assess_options_init(o) ac_assess_options_init_size((o), sizeof *(o))

/* Runs the decision model on one profile (o NULL: the defaults).
 * AC_ENOTFOUND, with a diagnostic naming the field, when the profile names a
 * certificate the catalogue does not have; AC_EINPUT when as_of is not a
 * real date written YYYY-MM-DD. */
ac_status ac_session_assess(ac_session *s, const ac_profile *p, const ac_assess_options *o, ac_assessment **out,
			    ac_diags *diags);

/* `compare`: the catalogue's certificates ranked for one person by the
 * policy's comparison rule, each with the verdict the engine gives when the
 * profile names it. */
typedef struct ac_comparison ac_comparison;
typedef struct {
	size_t struct_size; /* set by ac_compare_options_init() */
	size_t top; /* how many to show (default 10) */
	const ac_cert_filter *filter; /* NULL (the default): every certificate */
	int include_retired; /* 1: rank retired certificates too */
	const char *as_of; /* as in ac_assess_options: the date availability is judged on */
} ac_compare_options;
void ac_compare_options_init_size(ac_compare_options *o, size_t size);
#define ac_compare_options_init(o) ac_compare_options_init_size((o), sizeof *(o))
ac_status ac_session_compare(ac_session *s, const ac_profile *p, const ac_compare_options *o, ac_comparison **out,
			     ac_diags *diags);
/* Text or JSON (o NULL: the default layout). */
ac_status ac_comparison_render(const ac_comparison *c, ac_format format, char **out, size_t *len);
ac_status ac_comparison_render_opts(const ac_comparison *c, ac_format format, const ac_render_options *o, char **out,
				    size_t *len);
void ac_comparison_free(ac_comparison *c);

/* `occupations search`: the occupations whose titles match the words, best
 * first, at most limit, written as text or JSON.  AC_ENODATA (with how to
 * install the data) when the session has no occupation data. */
ac_status ac_session_occupation_search(ac_session *s, const char *words, size_t limit, ac_format format, char **out,
				       size_t *len, ac_diags *diags);
/* `occupations show`: one occupation (an O*NET-SOC or SOC code), its tasks
 * categorised by the session's policy, written as text or JSON. */
ac_status ac_session_occupation_show(ac_session *s, const char *code, ac_format format, char **out, size_t *len,
				     ac_diags *diags);

/* `certs list|search|show`: the certificates that pass a filter, or one. */
ac_status ac_certs_render(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format, char **out, size_t *len);
ac_status ac_certs_render_opts(const ac_catalogue *cat, const ac_cert_filter *f, ac_format format,
			       const ac_render_options *o, char **out, size_t *len);
ac_status ac_cert_render(const ac_cert *c, ac_format format, char **out, size_t *len);
/* The same with the session's catalogue and policy: in text, preparation
 * hours no source gives are shown as the policy's estimate, marked as one.
 * The JSON stays the catalogue file's own format (unknown hours as null). */
ac_status ac_session_certs_render(const ac_session *s, const ac_cert_filter *f, ac_format format,
				  const ac_render_options *o, char **out, size_t *len);
ac_status ac_session_cert_render(const ac_session *s, const ac_cert *c, ac_format format, char **out, size_t *len);

/* ---------------------------------------------------------------- assessment facts
 * A few figures of an assessment by accessor, for front ends that show many
 * assessments side by side (batch rows, team summaries, history diffs).
 * Everything else is in the JSON document (ac_render). */

/* The exposure score (0..1) and class (AC_CLASS_*; 0 when not known). */
double ac_assessment_exposure_score(const ac_assessment *a);
int ac_assessment_exposure_class(const ac_assessment *a);
/* FRAMEWORK.md's four conditions, i = 0..3 in the JSON's order:
 * exposure_understood, leverage_possible, timing_appropriate,
 * trajectory_defined.  The name is NULL and the value AC_UNKNOWN past the
 * last. */
#define AC_CONDITION_COUNT 4
const char *ac_condition_name(int i);
ac_tri ac_assessment_condition(const ac_assessment *a, int i);
/* The alternative path at rank (0 the best): AC_PATH_*, with its score
 * (0..100) in *score when score is not NULL; 0 past the last. */
int ac_assessment_alternative(const ac_assessment *a, size_t rank, int *score);
/* The unanswered fields (schema paths such as "role.leverage_test"), in
 * profile order. */
size_t ac_assessment_missing_count(const ac_assessment *a);
const char *ac_assessment_missing(const ac_assessment *a, size_t i);

/* ---------------------------------------------------------------- batch
 * Many profiles in, one record out per profile, in input order.  Input is
 * JSON Lines (one profile per line) or CSV (one profile per row, columns
 * named by schema path; ac_batch_csv_template shows the layout).  A bad
 * record never stops the run: it yields an error record with its line number
 * and every problem.  A reader, `jobs` workers (each with its own clone of
 * the session) and an in-order writer share a bounded queue, so memory stays
 * flat however long the input, and the output is byte-identical whatever
 * `jobs` is.
 *
 * Output records: JSONL — the assessment document of `assess --format json`
 * with the whitespace between tokens removed (one line), or for a failed
 * record {"schema": "aicert/batch-error/v1", "line": N, "problems": [{"path",
 * "found", "expected", "message", "column"}]}; CSV — one row per record with
 * the columns of AC_BATCH_CSV_COLUMNS below. */

#define AC_BATCH_ERROR_SCHEMA "aicert/batch-error/v1"
#define AC_BATCH_MAX_JOBS 256
/* The columns of a CSV output row. */
#define AC_BATCH_CSV_COLUMNS                                                                                           \
	"line,label,verdict,reason,headline,exposure_class,exposure_score,exposure_understood,"                        \
	"leverage_possible,timing_appropriate,trajectory_defined,top_alternative,"                                     \
	"top_alternative_score,problems"

typedef enum { AC_BATCH_JSONL = 1, AC_BATCH_CSV } ac_batch_format;

/* The CSV input layout: a header row (the profile's fields by schema path,
 * tasks as numbered groups task1.name, task1.share, ...) and one example row
 * (freed with ac_free). */
ac_status ac_batch_csv_template(char **out, size_t *len);

/* A team summary gathered while a batch runs: counts by verdict and reason,
 * exposure, missing answers, top alternatives, failed records.  Without
 * include_labels it holds no free text a person wrote (labels, titles, task
 * names, gaps, target roles, or text quoted in a problem). */
typedef struct ac_batch_summary ac_batch_summary;
ac_status ac_batch_summary_new(int include_labels, ac_batch_summary **out);
void ac_batch_summary_free(ac_batch_summary *s);
typedef enum { AC_SUMMARY_MARKDOWN = 1, AC_SUMMARY_HTML } ac_summary_format;
/* Markdown, or a self-contained HTML page (inline SVG chart, no scripts). */
ac_status ac_batch_summary_render(const ac_batch_summary *s, ac_summary_format f, char **out, size_t *len);

/* How far a run has got: passed to the progress callback (the library's own
 * struct: its struct_size says which fields it has) and, at the end, written
 * to the caller's result, set up with ac_batch_progress_init (only the fields
 * the caller's struct has are written). */
typedef struct {
	size_t struct_size; /* set by ac_batch_progress_init() */
	unsigned long long records; /* records read (blank lines are not records) */
	unsigned long long written; /* records written */
	unsigned long long failed; /* of those, error records */
	unsigned long long bytes; /* input bytes read */
} ac_batch_progress;
void ac_batch_progress_init_size(ac_batch_progress *p, size_t size);
#define ac_batch_progress_init(p) ac_batch_progress_init_size((p), sizeof *(p))

typedef struct {
	size_t struct_size; /* set by ac_batch_options_init() */
	ac_batch_format input; /* default JSONL */
	ac_batch_format output; /* default JSONL */
	unsigned jobs; /* worker threads; 0 (the default): one per processor */
	int counterfactuals; /* 1 (the default), as ac_assess_options */
	const char *input_name; /* names the input in messages ("-" by default) */
	ac_batch_summary *summary; /* NULL, or a summary to fill */
	/* Called from the calling thread after records are written (at most a
	 * few times a second, and once at the end); may be NULL. */
	void (*progress)(void *ctx, const ac_batch_progress *p);
	void *progress_ctx;
	const char *as_of; /* every record's date, "YYYY-MM-DD"; NULL: today in UTC, taken once when the
			      run starts, so a run that passes midnight judges all its records alike */
} ac_batch_options;
void ac_batch_options_init_size(ac_batch_options *o, size_t size);
#define ac_batch_options_init(o) ac_batch_options_init_size((o), sizeof *(o))

/* Reads records from in and writes one output record per input record to
 * out.  AC_OK when the run went through, whatever records failed (*result
 * says how many); AC_EINPUT, before anything is written, when the input as a
 * whole cannot be read (a CSV header naming no field); AC_EIO when reading
 * or writing failed; AC_ENOMEM.  result may be NULL; when it is not, set it
 * up with ac_batch_progress_init first. */
ac_status ac_batch_run(ac_session *s, FILE *in, FILE *out, const ac_batch_options *o, ac_batch_progress *result,
		       ac_diags *diags);

/* ---------------------------------------------------------------- history
 * A local history of assessments in SQLite: each saved with its profile
 * (canonical JSON), the assessment JSON, the policy (name, version, SHA-256
 * of its text; the text itself kept once per hash), the catalogue, data and
 * program versions, the date it speaks for (as_of) and when it was saved.
 * Every write is one transaction.  A history that is damaged, is not an
 * aicert history, or was written by a newer aicert is refused and never
 * changed.  The file is created with mode 0600. */

typedef struct ac_history ac_history;
/* The version of the history's tables this library writes. */
#define AC_HISTORY_SCHEMA_VERSION 3

/* $AICERT_HISTORY, else $XDG_DATA_HOME/aicert/history.db, else
 * ~/.local/share/aicert/history.db (freed with ac_free). */
char *ac_history_default_path(void);
/* Opens the history at path (NULL: the default), migrating older tables.
 * create 1: a missing file is created (with its folder); create 0: a
 * missing file is AC_ENOTFOUND. */
ac_status ac_history_open(const char *path, int create, ac_history **out, ac_diags *diags);
void ac_history_close(ac_history *h);
/* The file the history is in. */
const char *ac_history_path(const ac_history *h);

typedef struct {
	size_t struct_size; /* set by ac_history_save_options_init() */
	const char *policy_text; /* the text the session's policy was read from; NULL: the built-in one */
	size_t policy_len;
	const char *as_of; /* YYYY-MM-DD the assessment speaks for; NULL: today (UTC) */
} ac_history_save_options;
void ac_history_save_options_init_size(ac_history_save_options *o, size_t size);
#define ac_history_save_options_init(o) ac_history_save_options_init_size((o), sizeof *(o))

/* Saves one assessment made by session s from profile p.  *id (when not
 * NULL) gets its number.  AC_EINPUT when the policy text is not the
 * session's policy. */
ac_status ac_history_save(ac_history *h, ac_session *s, const ac_profile *p, const ac_assessment *a,
			  const ac_history_save_options *o, long long *id, ac_diags *diags);
/* The saved assessments, oldest first, as text or JSON. */
ac_status ac_history_list(ac_history *h, ac_format f, char **out, size_t *len, ac_diags *diags);
/* One saved assessment: text (what was saved, and the verdict) or JSON (the
 * whole record).  AC_ENOTFOUND for an unknown id. */
ac_status ac_history_show(ac_history *h, long long id, ac_format f, char **out, size_t *len, ac_diags *diags);
/* Deletes one saved assessment (id > 0) or all of them (id 0); *n gets how
 * many were deleted.  AC_ENOTFOUND for an unknown id. */
ac_status ac_history_forget(ac_history *h, long long id, long long *n, ac_diags *diags);
/* Every saved assessment as JSON Lines, oldest first: one object per line
 * with the record's fields, "profile" and "assessment". */
ac_status ac_history_export(ac_history *h, FILE *out, ac_diags *diags);

/* Why the verdict moved between saved assessments `from` and `to` (0 and 0:
 * the last two; `to` 0: the latest).  The causes are told apart by
 * re-running the engine: the old profile under its own policy with today's
 * catalogue and data (what the data or catalogue changed), then under the
 * new policy (what the policy changed), then with one changed answer at a
 * time (what each answer did).  env gives the catalogue and the occupation
 * data to re-assess with (NULL: the defaults; its policy is not used).
 * Text, Markdown or JSON. */
ac_status ac_history_diff(ac_history *h, const ac_session_options *env, long long from, long long to, ac_format f,
			  char **out, size_t *len, ac_diags *diags);

/* ---------------------------------------------------------------- store
 * A server's store (`aicert serve --store`): assessments saved under a
 * random, unguessable token (AC_VAULT_TOKEN_LEN lowercase hex digits, 128
 * bits), read back or deleted by it, and never listed.  `where` is a file
 * (SQLite, an aicert history: the same tables, checks and migrations) or a
 * postgresql:// address, so several servers can share one store.  Every
 * write is one transaction.  The calls may come from several threads. */

#define AC_VAULT_TOKEN_LEN 32
typedef struct ac_vault ac_vault;
ac_status ac_vault_open(const char *where, ac_vault **out, ac_diags *diags);
void ac_vault_close(ac_vault *st);
/* Saves one assessment made by session s from profile p (as
 * ac_history_save) under a new token, written to token. */
ac_status ac_vault_save(ac_vault *st, ac_session *s, const ac_profile *p, const ac_assessment *a,
			const ac_history_save_options *o, char token[AC_VAULT_TOKEN_LEN + 1], ac_diags *diags);
/* The record saved under token as one JSON line (as `history show --format
 * json`, with the token as its id); AC_ENOTFOUND when there is none. */
ac_status ac_vault_get(ac_vault *st, const char *token, char **out, size_t *len, ac_diags *diags);
/* Deletes the record saved under token; AC_ENOTFOUND when there is none. */
ac_status ac_vault_forget(ac_vault *st, const char *token, ac_diags *diags);
/* ---------------------------------------------------------------- questionnaire
 * The interview's questions are data (data/questionnaire.txt, compiled in;
 * another file may replace it): each question's id, the profile field it
 * fills (a path of the profile schema above), its wording, a one-line "why
 * this matters", its choices with plain labels, and when it is asked.  Every
 * question is checked against the schema when the file is read, so a
 * question can never fill a field the profile does not have.  The terminal
 * interview and the web page ask the same questions from here. */

#define AC_QUESTIONNAIRE_SCHEMA "aicert/questionnaire/v1"
#define AC_MAX_QUESTIONNAIRE_BYTES (256 * 1024)

typedef struct ac_questionnaire ac_questionnaire;

typedef enum {
	AC_QN_ONE = 1, /* one of the choices (an enum, a yes/no, a step of a scale) */
	AC_QN_MANY, /* any of the choices, a list (none is an answer too) */
	AC_QN_NUMBER, /* a number within the field's limits */
	AC_QN_TEXT, /* free text */
	AC_QN_TITLE, /* the job title, searched in the occupation data */
	AC_QN_TASKS, /* the task mix: the questions "within" it ask each task */
	AC_QN_CERTIFICATE /* a certificate: searched in the catalogue, none, or custom */
} ac_qn_kind;

/* A question (opaque; it lives as long as its questionnaire). */
typedef struct ac_qn_question ac_qn_question;
/* Its id, the schema path it fills, its kind, its wording, why it matters
 * (one line), the id of the question it is asked inside (or NULL), and
 * whether it is asked at the end, only when it could change the verdict
 * (1) or in its turn (0); the line it starts on in its file. */
const char *ac_question_id(const ac_qn_question *q);
const char *ac_question_path(const ac_qn_question *q);
ac_qn_kind ac_question_kind(const ac_qn_question *q);
const char *ac_question_text(const ac_qn_question *q);
const char *ac_question_help(const ac_qn_question *q);
const char *ac_question_within(const ac_qn_question *q);
int ac_question_later(const ac_qn_question *q);
int ac_question_line(const ac_qn_question *q);
/* Its choices: how many, and for the i-th (NULL past the last) the value as
 * written in the file ("manager", "true", "3"), the JSON value the field
 * gets ("\"manager\"", "true", "3"; for AC_QN_MANY one element of the
 * list) and its label in plain words.  When it is asked (its conditions on
 * other answers) is ac_question_applies. */
size_t ac_question_choice_count(const ac_qn_question *q);
const char *ac_question_choice_value(const ac_qn_question *q, size_t i);
const char *ac_question_choice_json(const ac_qn_question *q, size_t i);
const char *ac_question_choice_label(const ac_qn_question *q, size_t i);

/* The text of the questionnaire compiled into the library. */
const char *ac_questionnaire_default_text(void);
ac_status ac_questionnaire_default(ac_questionnaire **out, ac_diags *diags);
/* Reads a questionnaire; every problem is a diagnostic naming source and
 * line (an unknown field, a choice the field does not allow, ...). */
ac_status ac_questionnaire_parse(const char *text, size_t len, const char *source, ac_questionnaire **out,
				 ac_diags *diags);
void ac_questionnaire_free(ac_questionnaire *q);
/* The questions in the order they are asked (those "within" another
 * included, after it), and one by id (NULL when none). */
size_t ac_questionnaire_count(const ac_questionnaire *q);
const ac_qn_question *ac_questionnaire_at(const ac_questionnaire *q, size_t i);
const ac_qn_question *ac_questionnaire_find(const ac_questionnaire *q, const char *id);
/* The questionnaire as JSON ({"schema": AC_QUESTIONNAIRE_SCHEMA,
 * "questions": [...]}, each with the field's type and limits from the
 * profile schema), for a web page. */
ac_status ac_questionnaire_render_json(const ac_questionnaire *q, char **out, size_t *len);

/* 1 when every condition of q holds for the answers in p. */
int ac_question_applies(const ac_qn_question *q, const ac_profile *p);
/* Turns what a person typed into the JSON value of q's field (freed with
 * ac_free): a choice by its number (1..n), its value or the start of its
 * label; for AC_QN_MANY numbers or values separated by spaces or commas, or
 * "none"; a number within the field's limits; any text.  AC_EINPUT with a
 * message saying what is expected (no path: it speaks to a person). */
ac_status ac_question_parse_answer(const ac_qn_question *q, const char *typed, char **json, ac_diags *diags);
/* Whether some answer to q could give p a different verdict than it has now:
 * the engine is re-run with each choice (or each "try" value) set in a copy
 * of p, as for what_changes.  *could gets 1 or 0. */
ac_status ac_session_question_could_change(ac_session *s, const ac_qn_question *q, const ac_profile *p,
					   const char *as_of, int *could, ac_diags *diags);

/* ---------------------------------------------------------------- the profile for editors
 * Made from the profile schema: a starter profile with a "// field" comment
 * line before every field (the profile reader skips members whose name
 * starts with "//") and every answer unknown (null); and a JSON Schema
 * (draft 2020-12) of the profile for editors that validate and complete. */
ac_status ac_profile_starter(char **out, size_t *len);
ac_status ac_schema_json_schema(char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
