/*
 * import_titles.c — the title search index the import builds: every title of
 * an occupation as normalised words (words.h) with the initials of its word
 * runs, and the abbreviations the data itself spells out.  search.c reads
 * what this writes, through the same normaliser.  The index itself is built
 * from the titles table at the end of the import, shortest titles first.
 */
#include <string.h>

#include "occdata/import_db.h"
#include "occdata/occdata.h"
#include "occdata/words.h"

/* Stores one title and its index entry: the normalised words, and the
 * initials of every run of 2..OCC_MAX_ACRONYM words so that "rn" or "fp&a"
 * finds "Registered Nurses" or "Financial Planning and Analysis Analyst".
 * A title whose words an occupation already has is skipped. */
ac_status occ_add_title(loader *ld, const char *code, int kind, const char *title)
{
	importer *im = ld->im;
	occ_words w;
	occ_words_parse(title, &w);
	if (w.n == 0)
		return AC_OK;
	char words[OCC_MAX_WORDS * (OCC_MAX_WORD + 1) + 1];
	occ_words_join(&w, 0, (size_t)w.n, words, sizeof words);
	sqlite3_bind_text(im->title_ins, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(im->title_ins, 2, kind);
	sqlite3_bind_text(im->title_ins, 3, title, -1, SQLITE_TRANSIENT);
	char acro[OCC_MAX_WORDS * OCC_MAX_ACRONYM * (OCC_MAX_ACRONYM + 1) + 1];
	size_t len = 0;
	acro[0] = '\0';
	for (int i = 0; i < w.n; i++)
		for (int k = 2; k <= OCC_MAX_ACRONYM && i + k <= w.n; k++) {
			if (len)
				acro[len++] = ' ';
			occ_words_initials(&w, i, k, acro + len);
			len += (size_t)k;
		}
	sqlite3_bind_text(im->title_ins, 4, words, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->title_ins, 5, acro, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(im->title_ins, 6, w.n);
	/* The index is built once every title is in (occ_derive_sql). */
	return occ_row_step(ld, im->title_ins);
}

/* Learns an abbreviation the data spells out, from "A (B)" where A and B
 * differ in one place and one side abbreviates the other:
 * "Advertising Manager (Ad Manager)" gives ad = advertising,
 * "Registered Nurse (RN)" gives rn = registered nurse. */
ac_status occ_learn_abbreviation(loader *ld, const char *title)
{
	const char *open = strchr(title, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (!open || !close || strchr(close + 1, '(') || open - title >= 512 || close - open >= 512)
		return AC_OK;
	char outside[512], inside[512];
	memcpy(outside, title, (size_t)(open - title));
	outside[open - title] = '\0';
	memcpy(inside, open + 1, (size_t)(close - open - 1));
	inside[close - open - 1] = '\0';
	occ_words a, b;
	occ_words_parse(outside, &a);
	occ_words_parse(inside, &b);
	int pre = 0, suf = 0;
	while (pre < a.n && pre < b.n && strcmp(a.w[pre], b.w[pre]) == 0)
		pre++;
	while (suf < a.n - pre && suf < b.n - pre && strcmp(a.w[a.n - 1 - suf], b.w[b.n - 1 - suf]) == 0)
		suf++;
	int na = a.n - pre - suf, nb = b.n - pre - suf;
	/* One side differs in a single word that abbreviates the other side's
	 * differing words. */
	for (int side = 0; side < 2; side++) {
		const occ_words *sw = side ? &b : &a, *lw = side ? &a : &b;
		int ns = side ? nb : na, nl = side ? na : nb;
		if (ns != 1 || nl < 1 || nl > OCC_MAX_ACRONYM)
			continue;
		char expansion[OCC_MAX_ACRONYM * (OCC_MAX_WORD + 1) + 1];
		occ_words_join(lw, (size_t)pre, (size_t)(pre + nl), expansion, sizeof expansion);
		if (!occ_is_abbreviation(sw->w[pre], expansion))
			continue;
		sqlite3_bind_text(ld->im->abbr_ins, 1, sw->w[pre], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ld->im->abbr_ins, 2, expansion, -1, SQLITE_TRANSIENT);
		return occ_row_step(ld, ld->im->abbr_ins);
	}
	return AC_OK;
}
