/*
 * cmd_compare.c — `aicert compare PROFILE`: runs the engine once per catalogue
 * certificate, as if the person had named it, and ranks the results by the
 * policy's comparison rule (ac_policy_compare_keys).  The verdicts, gap and
 * role fit, cost and weeks all come from ac_assess(); nothing is re-derived.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* One ranked certificate: what the engine said with it in the profile. */
typedef struct {
	const ac_cert *cert;
	int verdict;
	char *reason;
	ac_tri gap_fit, role_fit;
	char *gap_matched; /* "deploy, monitoring" or NULL */
	char *role_matched;
	ac_num cost_usd, weeks, total_cost_usd;
	ac_tri within_budget;
	char why[320];
} row;

typedef enum { KEY_VERDICT, KEY_GAP_FIT, KEY_ROLE_FIT, KEY_WEEKS, KEY_COST, KEY_TOTAL_COST, KEY_ID } rank_key;

static const char *const key_names[] = {"verdict", "gap_fit", "role_fit", "weeks", "cost_usd", "total_cost_usd", "id"};

/* The ranking keys, in order, always ending with id as the final tie-break. */
typedef struct {
	rank_key keys[16];
	size_t n;
} rule;

static void rule_from_policy(const ac_policy *p, rule *r)
{
	const char *const *names = NULL;
	size_t n = ac_policy_compare_keys(p, &names);
	r->n = 0;
	for (size_t i = 0; i < n && r->n < 15; i++)
		for (size_t k = 0; k < sizeof key_names / sizeof key_names[0]; k++)
			if (names[i] && strcmp(names[i], key_names[k]) == 0 && k != KEY_ID)
				r->keys[r->n++] = (rank_key)k;
	if (r->n == 0) { /* a policy without an order: the default one */
		static const rank_key dflt[] = {KEY_VERDICT, KEY_GAP_FIT, KEY_ROLE_FIT, KEY_WEEKS, KEY_COST};
		memcpy(r->keys, dflt, sizeof dflt);
		r->n = sizeof dflt / sizeof dflt[0];
	}
	r->keys[r->n++] = KEY_ID;
}

/* Lower ranks first.  Unknown verdicts and values rank after known ones. */
static int verdict_rank(int v)
{
	return v >= AC_VERDICT_PURSUE && v <= AC_VERDICT_AVOID ? v : AC_VERDICT_AVOID + 1;
}

static int tri_rank(ac_tri t)
{
	return t == AC_TRUE ? 0 : t == AC_UNKNOWN ? 1 : 2;
}

static int cmp_num(ac_num a, ac_num b)
{
	if (a.set != b.set)
		return a.set ? -1 : 1;
	if (!a.set || a.v == b.v)
		return 0;
	return a.v < b.v ? -1 : 1;
}

static int cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

static int cmp_key(rank_key k, const row *a, const row *b)
{
	switch (k) {
	case KEY_VERDICT: return cmp_int(verdict_rank(a->verdict), verdict_rank(b->verdict));
	case KEY_GAP_FIT: return cmp_int(tri_rank(a->gap_fit), tri_rank(b->gap_fit));
	case KEY_ROLE_FIT: return cmp_int(tri_rank(a->role_fit), tri_rank(b->role_fit));
	case KEY_WEEKS: return cmp_num(a->weeks, b->weeks);
	case KEY_COST: return cmp_num(a->cost_usd, b->cost_usd);
	case KEY_TOTAL_COST: return cmp_num(a->total_cost_usd, b->total_cost_usd);
	case KEY_ID: return strcmp(a->cert->id, b->cert->id);
	}
	return 0;
}

/* The first key on which a and b differ (KEY_ID when all others tie). */
static size_t deciding_key(const rule *r, const row *a, const row *b, int *sign)
{
	for (size_t i = 0; i < r->n; i++) {
		int c = cmp_key(r->keys[i], a, b);
		if (c) {
			*sign = c;
			return i;
		}
	}
	*sign = 0;
	return r->n - 1;
}

/* Stable insertion sort: catalogues are small (at most 2000 entries) and
 * qsort has no context argument for the rule. */
static void rank_rows(row *rows, size_t n, const rule *r)
{
	for (size_t i = 1; i < n; i++) {
		row tmp = rows[i];
		size_t j = i;
		int sign;
		while (j > 0 && (deciding_key(r, &rows[j - 1], &tmp, &sign), sign > 0)) {
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = tmp;
	}
}

static const char *tri_word(ac_tri t)
{
	return t == AC_TRUE ? "yes" : t == AC_FALSE ? "no" : "unknown";
}

/* A number for a table cell: "$150", "12.5", or "unknown". */
static void num_word(char *buf, size_t n, ac_num v, const char *prefix)
{
	if (v.set)
		snprintf(buf, n, "%s%.10g", prefix, v.v);
	else
		snprintf(buf, n, "unknown");
}

/* How a row's value on key k reads in a sentence. */
static void key_value(char *buf, size_t n, rank_key k, const row *x)
{
	switch (k) {
	case KEY_VERDICT: snprintf(buf, n, "%s", x->verdict ? ac_enum_name(AC_ENUM_VERDICT, x->verdict) : "no verdict"); break;
	case KEY_GAP_FIT: snprintf(buf, n, "gap fit %s", tri_word(x->gap_fit)); break;
	case KEY_ROLE_FIT: snprintf(buf, n, "role fit %s", tri_word(x->role_fit)); break;
	case KEY_WEEKS:
		if (x->weeks.set)
			snprintf(buf, n, "%.3g weeks", x->weeks.v);
		else
			snprintf(buf, n, "weeks unknown");
		break;
	case KEY_COST:
		if (x->cost_usd.set)
			snprintf(buf, n, "$%.10g", x->cost_usd.v);
		else
			snprintf(buf, n, "price unknown");
		break;
	case KEY_TOTAL_COST:
		if (x->total_cost_usd.set)
			snprintf(buf, n, "$%.10g with time", x->total_cost_usd.v);
		else
			snprintf(buf, n, "total cost unknown");
		break;
	case KEY_ID: snprintf(buf, n, "%s", x->cert->id); break;
	}
}

/* One line on why each row sits where it does: the engine's reason, then the
 * first ranking key that separates it from its neighbour above (or, for the
 * first row, below). */
static void explain(row *rows, size_t n, const rule *r)
{
	for (size_t i = 0; i < n; i++) {
		row *x = &rows[i];
		const char *reason = x->reason ? x->reason : "no reason given";
		if (n == 1) {
			snprintf(x->why, sizeof x->why, "%s; the only certificate that passes the filters", reason);
			continue;
		}
		const row *other = i == 0 ? &rows[1] : &rows[i - 1];
		int sign;
		size_t k = deciding_key(r, i == 0 ? x : other, i == 0 ? other : x, &sign);
		rank_key key = r->keys[k];
		char mine[64], theirs[64];
		key_value(mine, sizeof mine, key, x);
		key_value(theirs, sizeof theirs, key, other);
		if (key == KEY_ID)
			snprintf(x->why, sizeof x->why, "%s; ties with %s on every ranking key, ordered by id", reason,
				 other->cert->id);
		else if (i == 0)
			snprintf(x->why, sizeof x->why, "%s; ahead of %s on %s (%s vs %s)", reason, other->cert->id,
				 key_names[key], mine, theirs);
		else
			snprintf(x->why, sizeof x->why, "%s; below %s on %s (%s vs %s)", reason, other->cert->id,
				 key_names[key], mine, theirs);
	}
}

static char *join(char *const *items, size_t n)
{
	if (!n)
		return NULL;
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(items[i]) + 2;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, items[i]);
	}
	return s;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void free_rows(row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].reason);
		free(rows[i].gap_matched);
		free(rows[i].role_matched);
	}
	free(rows);
}

/* Copies what compare needs out of an assessment made with certificate c. */
static void fill_row(row *x, const ac_cert *c, const ac_assessment *a)
{
	x->cert = c;
	x->verdict = a->verdict;
	x->reason = dup_or_null(a->reason);
	x->gap_fit = a->certification.gap_fit;
	x->role_fit = a->certification.role_fit;
	x->gap_matched = join(a->certification.gap_matched, a->certification.n_gap_matched);
	x->role_matched = dup_or_null(a->certification.role_matched);
	x->cost_usd = a->certification.present ? a->certification.cert.cost_usd : c->cost_usd;
	x->weeks = a->certification.weeks;
	x->total_cost_usd = a->certification.total_cost_usd;
	x->within_budget = a->certification.within_budget;
}

/* The best path other than certification from the base assessment. */
static const ac_alternative *best_alternative(const ac_assessment *a)
{
	for (size_t i = 0; i < AC_PATH__COUNT; i++)
		if (a->alternatives[i].path && a->alternatives[i].path != AC_PATH_CERTIFICATION)
			return &a->alternatives[i];
	return NULL;
}

typedef struct {
	const char *profile_cert; /* name or id of the profile's own certificate, or NULL */
	size_t considered, left_out_retired, left_out_unknown_cost;
	size_t top, n_pursue;
	int include_retired;
} summary;

static json_t *tri_json(ac_tri t)
{
	return t == AC_UNKNOWN ? json_null() : json_boolean(t == AC_TRUE);
}

/* Whole numbers as integers (150, not 150.0); unknown as null. */
static json_t *num_json(ac_num v)
{
	if (!v.set)
		return json_null();
	if (v.v >= -1e15 && v.v <= 1e15 && v.v == (double)(json_int_t)v.v)
		return json_integer((json_int_t)v.v);
	return json_real(v.v);
}

static json_t *str_json(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int print_compare_json(const ac_profile *p, const ac_policy *pol, const rule *r, const ac_assessment *base,
			      const row *rows, size_t n, const summary *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "schema", json_string("aicert/compare/v1"));
	json_object_set_new(o, "label", str_json(p->label));
	json_t *pj = json_object();
	json_object_set_new(pj, "name", str_json(ac_policy_name(pol)));
	json_object_set_new(pj, "version", str_json(ac_policy_version(pol)));
	json_object_set_new(o, "policy", pj);
	json_object_set_new(o, "rule", str_json(ac_policy_compare_statement(pol)));
	json_t *keys = json_array();
	for (size_t i = 0; i < r->n; i++)
		json_array_append_new(keys, json_string(key_names[r->keys[i]]));
	json_object_set_new(o, "keys", keys);
	json_object_set_new(o, "any_pursue", json_boolean(s->n_pursue > 0));
	json_object_set_new(o, "pursue_count", json_integer((json_int_t)s->n_pursue));
	const ac_alternative *alt = s->n_pursue ? NULL : best_alternative(base);
	if (alt) {
		json_t *aj = json_object();
		json_object_set_new(aj, "path", str_json(ac_enum_name(AC_ENUM_PATH, alt->path)));
		json_object_set_new(aj, "score", json_integer(alt->score));
		json_object_set_new(aj, "why", str_json(alt->why));
		json_object_set_new(aj, "first_step", str_json(alt->first_step));
		json_object_set_new(o, "best_alternative", aj);
	} else {
		json_object_set_new(o, "best_alternative", json_null());
	}
	json_object_set_new(o, "profile_certification_ignored", str_json(s->profile_cert));
	json_object_set_new(o, "considered", json_integer((json_int_t)s->considered));
	json_object_set_new(o, "left_out_retired", json_integer((json_int_t)s->left_out_retired));
	json_object_set_new(o, "left_out_unknown_cost", json_integer((json_int_t)s->left_out_unknown_cost));
	json_t *ranked = json_array();
	for (size_t i = 0; i < n && i < s->top; i++) {
		const row *x = &rows[i];
		json_t *e = json_object();
		json_object_set_new(e, "rank", json_integer((json_int_t)(i + 1)));
		json_object_set_new(e, "id", json_string(x->cert->id));
		json_object_set_new(e, "name", str_json(x->cert->name));
		json_object_set_new(e, "provider", str_json(x->cert->provider));
		json_object_set_new(e, "status", str_json(ac_enum_name(AC_ENUM_STATUS, x->cert->status)));
		json_object_set_new(e, "verdict", str_json(ac_enum_name(AC_ENUM_VERDICT, x->verdict)));
		json_object_set_new(e, "reason", str_json(x->reason));
		json_object_set_new(e, "gap_fit", tri_json(x->gap_fit));
		json_object_set_new(e, "gap_matched", str_json(x->gap_matched));
		json_object_set_new(e, "role_fit", tri_json(x->role_fit));
		json_object_set_new(e, "role_matched", str_json(x->role_matched));
		json_object_set_new(e, "cost_usd", num_json(x->cost_usd));
		json_object_set_new(e, "weeks", num_json(x->weeks));
		json_object_set_new(e, "total_cost_usd", num_json(x->total_cost_usd));
		json_object_set_new(e, "within_budget", tri_json(x->within_budget));
		json_object_set_new(e, "why", json_string(x->why));
		json_array_append_new(ranked, e);
	}
	json_object_set_new(o, "ranked", ranked);
	return cli_print_json(o);
}

static int print_compare_text(const ac_profile *p, const ac_policy *pol, const ac_assessment *base, const row *rows,
			      size_t n, const summary *s)
{
	printf("Comparing catalogue certificates for: %s\n", p->label ? p->label : "(unlabelled profile)");
	printf("Ranking rule (policy %s %s): %s\n", ac_policy_name(pol) ? ac_policy_name(pol) : "?",
	       ac_policy_version(pol) ? ac_policy_version(pol) : "",
	       ac_policy_compare_statement(pol) ? ac_policy_compare_statement(pol) : "verdict, gap fit, role fit, weeks, price; then id.");
	if (s->profile_cert)
		printf("Note: the profile names its own certification (%s); compare ignores it and ranks the catalogue.\n",
		       s->profile_cert);
	putchar('\n');
	if (!s->n_pursue) {
		printf("No certificate earns 'pursue' for this profile.\n");
		const ac_alternative *alt = best_alternative(base);
		if (alt) {
			printf("Best alternative path instead: %s (score %d)\n", ac_enum_name(AC_ENUM_PATH, alt->path),
			       alt->score);
			if (alt->why)
				printf("  why: %s\n", alt->why);
			if (alt->first_step)
				printf("  first step: %s\n", alt->first_step);
		}
		putchar('\n');
	} else {
		printf("%zu of %zu certificates earn 'pursue'.\n\n", s->n_pursue, n);
	}
	size_t shown = n < s->top ? n : s->top;
	int w_id = 2;
	for (size_t i = 0; i < shown; i++)
		if ((int)strlen(rows[i].cert->id) > w_id)
			w_id = (int)strlen(rows[i].cert->id);
	if (shown)
		printf("%3s  %-*s  %-11s  %-7s  %-7s  %8s  %7s  %s\n", "#", w_id, "ID", "VERDICT", "GAP", "ROLE", "COST",
		       "WEEKS", "WHY IT RANKS HERE");
	for (size_t i = 0; i < shown; i++) {
		const row *x = &rows[i];
		char cost[32], weeks[32];
		num_word(cost, sizeof cost, x->cost_usd, "$");
		ac_num w = x->weeks;
		if (w.set) /* a tenth of a week is precise enough to read */
			w.v = (double)(long long)(w.v * 10 + 0.5) / 10;
		num_word(weeks, sizeof weeks, w, "");
		printf("%3zu  %-*s  %-11s  %-7s  %-7s  %8s  %7s  %s\n", i + 1, w_id, x->cert->id,
		       x->verdict ? ac_enum_name(AC_ENUM_VERDICT, x->verdict) : "-", tri_word(x->gap_fit),
		       tri_word(x->role_fit), cost, weeks, x->why);
	}
	if (!n)
		printf("No catalogue certificate passes the filters.\n");
	putchar('\n');
	if (shown < n)
		printf("Showing %zu of %zu (use --top N for more).\n", shown, n);
	if (s->left_out_retired)
		printf("%zu retired certificate%s left out (use --include-retired to rank them).\n", s->left_out_retired,
		       s->left_out_retired == 1 ? "" : "s");
	if (s->left_out_unknown_cost)
		printf("%zu certificate%s with an unknown price left out by --max-cost.\n", s->left_out_unknown_cost,
		       s->left_out_unknown_cost == 1 ? "" : "s");
	printf("Details of one certificate: aicert certs show ID\n");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output");
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}

/* Runs the engine on the profile with certificate c (NULL: none named). */
static ac_status assess_with(const ac_profile *p, const ac_cert *c, const ac_context *ctx, ac_assessment **out,
			     ac_diags *d)
{
	/* A shallow copy: the engine reads the profile and never keeps it, so the
	 * certificate can point at the catalogue's id without any allocation. */
	ac_profile v = *p;
	memset(&v.cert, 0, sizeof v.cert);
	v.cert_given = c != NULL;
	v.cert.id = c ? c->id : NULL;
	return ac_assess(&v, ctx, out, d);
}

static int run_compare(const cli_args *a)
{
	int rc, json = 0;
	if ((rc = cli_format_text_or_json(a, &json)) >= 0)
		return rc;
	ac_cert_filter f;
	memset(&f, 0, sizeof f);
	const char *dom = cli_opt(a, "domain");
	if (dom && !(f.domain = ac_enum_value(AC_ENUM_DOMAIN, dom))) {
		cli_error("--domain: found '%s', expected %s", dom, ac_enum_list(AC_ENUM_DOMAIN));
		return CLI_EXIT_USAGE;
	}
	double max_cost = 0, top = 10;
	if ((rc = cli_opt_number(a, "max-cost", 0, 1e9, &max_cost)) >= 0 ||
	    (rc = cli_opt_number(a, "top", 1, 100000, &top)) >= 0)
		return rc;
	if (top != (double)(size_t)top) {
		cli_error("--top: found '%s', expected a whole number", cli_opt(a, "top"));
		return CLI_EXIT_USAGE;
	}
	if (cli_opt(a, "max-cost")) {
		f.max_cost_usd.set = 1;
		f.max_cost_usd.v = max_cost;
	}

	const char *path = a->positional[0];
	ac_profile *p = NULL;
	if ((rc = cli_load_profile(path, &p)) >= 0)
		return rc;
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = AC_OK;

	ac_policy *pol = NULL;
	ac_catalogue *cat = NULL;
	ac_occdata *occ = NULL;
	ac_assessment *base = NULL;
	row *rows = NULL;
	size_t n = 0;
	ac_context ctx;
	summary s;
	rule r;
	memset(&s, 0, sizeof s);
	if ((rc = cli_load_policy(a, &pol)) >= 0 || (rc = cli_load_catalogue(a, &cat)) >= 0 ||
	    (rc = cli_open_occdata(a, &occ)) >= 0)
		goto out;
	rc = CLI_EXIT_FAIL;
	memset(&ctx, 0, sizeof ctx);
	ctx.policy = pol;
	ctx.catalogue = cat;
	ctx.occdata = occ;
	ctx.counterfactuals = 0;
	s.top = (size_t)top;
	s.include_retired = cli_flag(a, "include-retired");
	if (p->cert_given)
		s.profile_cert = p->cert.name ? p->cert.name : p->cert.id ? p->cert.id : "a custom certificate";

	st = assess_with(p, NULL, &ctx, &base, &d);
	if (st != AC_OK)
		goto engine_error;

	size_t total = ac_catalogue_count(cat);
	rows = calloc(total + 1, sizeof *rows);
	if (!rows) {
		cli_error("out of memory");
		rc = CLI_EXIT_FAIL;
		goto out;
	}
	ac_cert_filter no_cost = f;
	no_cost.max_cost_usd.set = 0;
	for (size_t i = 0; i < total; i++) {
		const ac_cert *c = ac_catalogue_at(cat, i);
		if (!ac_cert_matches(c, &f)) {
			if (f.max_cost_usd.set && !c->cost_usd.set && ac_cert_matches(c, &no_cost))
				s.left_out_unknown_cost++;
			continue;
		}
		if (c->status == AC_STATUS_RETIRED && !s.include_retired) {
			s.left_out_retired++;
			continue;
		}
		ac_assessment *one = NULL;
		st = assess_with(p, c, &ctx, &one, &d);
		if (st != AC_OK) {
			if (one)
				ac_assessment_free(one);
			goto engine_error;
		}
		fill_row(&rows[n++], c, one);
		ac_assessment_free(one);
		if (rows[n - 1].verdict == AC_VERDICT_PURSUE)
			s.n_pursue++;
	}
	s.considered = n;

	rule_from_policy(pol, &r);
	rank_rows(rows, n, &r);
	explain(rows, n, &r);
	if (json)
		rc = print_compare_json(p, pol, &r, base, rows, n, &s);
	else
		rc = print_compare_text(p, pol, base, rows, n, &s);
	goto out;

engine_error:
	cli_print_diags(&d);
	if (!d.count)
		cli_error("%s: %s", path, ac_strerror(st));
	rc = cli_exit_for(st);
out:
	free_rows(rows, n);
	if (base)
		ac_assessment_free(base);
	if (occ)
		ac_occdata_close(occ);
	ac_catalogue_free(cat);
	ac_policy_free(pol);
	ac_profile_free(p);
	ac_diags_free(&d);
	return rc;
}

static const cli_option compare_options[] = {
	{"top", "N", "show the N best-ranked certificates (default 10)"},
	{"domain", "D", "only certificates of this domain (ai_literacy, ml_engineering, ...)"},
	{"max-cost", "USD", "only certificates known to cost at most USD (unknown prices are left out)"},
	{"include-retired", NULL, "rank retired certificates too"},
	CLI_OPT_POLICY,
	CLI_OPT_CATALOGUE,
	CLI_OPT_DATA,
	{"format", "FMT", "output format: text (default) or json"},
	{NULL, NULL, NULL},
};

const cli_command cmd_compare = {
	"compare",
	"rank the catalogue's certificates for one profile",
	"aicert compare PROFILE [--top N] [--domain D] [--max-cost USD] [--include-retired] [--policy FILE] "
	"[--catalogue FILE] [--data FILE] [--format text|json]",
	"Runs the assessment once per certificate, as if the profile named it, and ranks the results by "
	"the policy's comparison rule (printed with the output).  When no certificate earns 'pursue', "
	"that is said first, with the best path other than a certificate.  A certification named in the "
	"profile itself is ignored.",
	compare_options,
	1,
	1,
	run_compare,
};
