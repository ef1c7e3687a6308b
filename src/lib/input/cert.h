/*
 * internal_cert.h — helpers over ac_cert shared inside libaicert: freeing and
 * deep-copying a certificate (the engine merges a catalogue entry with a
 * profile's custom fields; the catalogue and the profile own their copies), and
 * the one place where a certificate's cost arithmetic is done.
 */
#ifndef AICERT_INTERNAL_CERT_H
#define AICERT_INTERNAL_CERT_H

#include <jansson.h>

#include "aicert.h"
#include "input/terms.h"

/* Where a source stands: the issuer's own page, an established training
 * provider, or any other page. */
enum { AC_SRC_ISSUER = 1, AC_SRC_PROVIDER, AC_SRC_OTHER };

/* One source of a catalogue entry and the keys whose values it supports. */
typedef struct {
	char *url;
	int kind; /* AC_SRC_* */
	char **supports;
	size_t n_supports;
} ac_cert_source;

/* "issuer", "provider" or "other" (NULL for anything else), and back (0 when
 * the name is not one of them). */
const char *ac_cert_source_kind_name(int kind);
int ac_cert_source_kind(const char *name);

/* One certificate: a catalogue entry, or the custom one a profile describes.
 * Strings are owned by the object that holds the certificate. */
struct ac_cert {
	char *id;
	size_t cat_slot; /* 1 + its place in the catalogue that holds it (0: none), set with the catalogue's terms */
	char *provider;
	char *name;
	char *exam_code;
	char *url; /* the credential's own page on the issuer's site */
	int level; /* AC_LVL_* or 0 */
	int domain; /* AC_DOM_* or 0 */
	ac_num cost_usd;
	char *cost_note; /* the source's wording, e.g. "$649 member / $799 non-member" */
	ac_num retake_usd;
	ac_num hours;
	char *hours_note; /* the source's wording of the preparation time */
	ac_num validity_months;
	int never_expires;
	char *renewal;
	char *prerequisites;
	int gated; /* 1 when another credential is required first */
	int format; /* AC_FMT_* or 0 */
	int status; /* AC_STATUS_* or 0 */
	char *status_date; /* YYYY-MM-DD of retirement, or NULL */
	char *successor; /* id of the credential the issuer names in its place, or NULL */
	char **roles;
	size_t n_roles;
	char **keywords;
	size_t n_keywords;
	ac_cert_source *sources;
	size_t n_sources;
	char *checked; /* YYYY-MM-DD the facts were last checked */
	char **uncertain; /* field names the reference marks as uncertain */
	size_t n_uncertain;
	ac_tri recognized_by_org; /* profile only */
};

/* Frees every string and list c owns and zeroes it; c itself is not freed. */
void ac_cert_free_fields(ac_cert *c);

/* Deep-copies src into dst (whose old contents are not freed: pass a zeroed or
 * freed ac_cert).  On AC_ENOMEM dst is left zeroed. */
ac_status ac_cert_copy(ac_cert *dst, const ac_cert *src);

/* What a certificate costs one person.  A figure is unset when an input it
 * needs is unknown, never guessed. */
typedef struct {
	ac_num weeks; /* hours / hours_per_week */
	ac_num time_value_usd; /* hours x hourly pay */
	ac_num total_cost_usd; /* cost_usd + time_value_usd (both needed) */
	ac_num cost_per_year_usd; /* cost_usd / (validity_months / 12) */
	int per_year_not_applicable; /* 1 when the certificate does not expire */
} ac_cert_cost;

/* Computes the figures above from the certificate and the person's pace
 * (hours per week, > 0) and pay (USD per hour); either may be unset. */
void ac_cert_costs(const ac_cert *c, ac_num hours_per_week, ac_num hourly_pay_usd, ac_cert_cost *out);

/* 1 when the certificate can no longer be earned on day (a day number of
 * core/date.h): its retirement date is on or before it, or the catalogue
 * calls it retired without a date. */
int ac_cert_retired_by(const ac_cert *c, long day);

/* The certificate as a JSON object in the catalogue file's entry format,
 * unknown values as null (NULL when out of memory). */
json_t *ac_cert_json(const ac_cert *c);
/* 1 when some source of the given kind supports key (its JSON name). */
int ac_cert_supported_by(const ac_cert *c, const char *key, int kind);
/* 1 when the catalogue marks field (its JSON name) as uncertain. */
int ac_cert_is_uncertain(const ac_cert *c, const char *field);

/* The terms a certificate names for gap fit (its keywords and domain, and
 * its name when with_name is 1) and for role fit (its roles), added to the
 * two sets.  Gap fit matches without the name (words such as "lead" or
 * "foundations" in names say nothing about what is taught) but counts how
 * common a word is with it, so "ai" and "certified" count for nothing. */
void ac_cert_terms(const ac_terms *T, const ac_cert *c, int with_name, ac_termset *gap_doc, ac_termset *role_doc);

/* The catalogue's synonyms, and how many of its entries name each term:
 * which is AC_COUNT_WORDS (names, keywords and domain: how common a word is),
 * AC_COUNT_ROLES or AC_COUNT_TAUGHT (keywords and domain only).  NULL without
 * a catalogue. */
enum { AC_COUNT_WORDS, AC_COUNT_ROLES, AC_COUNT_TAUGHT };
const ac_terms *ac_catalogue_terms(const ac_catalogue *cat);
const ac_term_counts *ac_catalogue_counts(const ac_catalogue *cat, int which);
/* The terms of an entry, made once when the catalogue loads: what gap fit
 * matches (its keywords and domain, as ac_cert_terms without the name) and
 * one set per role, in the order of c->roles.  NULL when c is not an entry
 * of cat as it stands (a certificate the profile describes, or one whose
 * keywords, domain or roles the profile changed). */
/* The index of the entry of cat that c is, with the same keywords, domain,
 * level and roles (the entry itself or an assessment's copy of it); -1 for
 * a certificate the profile describes or changes. */
/* The built-in catalogue as the build made it (src/tools/images.c), shared
 * by the whole process and never changed: what ac_catalogue_default reads,
 * without reading it; NULL when the library has no image of it.
 * ac_catalogue_set_image marks the one the build makes so (its
 * ac_catalogue_free does nothing). */
const ac_catalogue *ac_catalogue_builtin(void);
void ac_catalogue_set_image(ac_catalogue *cat);
long ac_catalogue_entry_of(const ac_catalogue *cat, const ac_cert *c);
const ac_termset *ac_catalogue_taught_terms(const ac_catalogue *cat, const ac_cert *c);
const ac_termset *ac_catalogue_role_terms(const ac_catalogue *cat, const ac_cert *c);
/* The same terms as places in ac_catalogue_counts(cat, AC_COUNT_WORDS) and
 * (each role's) AC_COUNT_ROLES. */
const ac_term_ids *ac_catalogue_taught_ids(const ac_catalogue *cat, const ac_cert *c);
const ac_term_ids *ac_catalogue_role_ids(const ac_catalogue *cat, const ac_cert *c);
/* Each role of an entry (or of a shallow copy of one) as its words, packed
 * when the catalogue loaded (input/words.h); NULL otherwise. */
const char *const *ac_catalogue_role_words(const ac_catalogue *cat, const ac_cert *c);
/* The three above for entry i (as ac_catalogue_entry_of gives it), without
 * finding the entry again; 0 when i is not an entry with its terms made. */
int ac_catalogue_entry_ids(const ac_catalogue *cat, long i, const ac_term_ids **taught, const ac_term_ids **roles,
			   const char *const **role_words);
/* 1 when word (len bytes) is in the certificate's id, provider, name, exam
 * code or keywords, in any case. */
int ac_cert_has_word(const ac_cert *c, const char *word, size_t len);
/* ac_cert_matches for an entry of cat (catalogue.c), where the search words also find
 * what the synonyms say they mean ("EU AI Act" finds governance credentials).
 * 1 or 0; -1 when memory ran out. */
int ac_catalogue_matches(const ac_catalogue *cat, const ac_cert *c, const ac_cert_filter *f);
/* How an entry of cat stands against f, as `certs` and `compare` list it:
 * AC_FILTER_SHOWN, AC_FILTER_OUT, AC_FILTER_COST_UNKNOWN (it would be shown
 * but for f's price limit, because its price is not known), or -1 when
 * memory ran out. */
enum { AC_FILTER_OUT, AC_FILTER_SHOWN, AC_FILTER_COST_UNKNOWN };
int ac_catalogue_filter(const ac_catalogue *cat, const ac_cert *c, const ac_cert_filter *f);
/* domain (AC_DOMAIN_*) when f asks for it and no entry of cat has it, else 0:
 * an empty listing that is explained, not just empty. */
int ac_catalogue_empty_domain(const ac_catalogue *cat, const ac_cert_filter *f);

#endif
