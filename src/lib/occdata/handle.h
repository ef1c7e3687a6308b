/*
 * handle.h — the inside of an ac_occdata handle, shared by the files that
 * read the installed database: occdata.c (opening, closing, cloning, errors),
 * lookup.c, info.c, search.c and calibrate.c.  A handle is one read-only
 * SQLite connection opened without SQLite's mutexes, its prepared statements
 * and its caches: it belongs to one thread at a time, and a thread that
 * needs its own takes ac_occdata_clone().
 */
#ifndef AICERT_OCCDATA_HANDLE_H
#define AICERT_OCCDATA_HANDLE_H

#include "core/sqlite.h"

#include "aicert.h"
#include "core/codes.h"

/* The statements a handle keeps prepared, one slot each; each file passes
 * its own SQL for its slots. */
enum {
	OCC_Q_OCCUPATION, /* lookup.c */
	OCC_Q_OCC_TASKS,
	OCC_Q_TASK,
	OCC_Q_LABELS,
	OCC_Q_FTS, /* search.c */
	OCC_Q_ABBR,
	OCC_Q_PICK,
	OCC_Q__COUNT
};

/* Occupations looked up last, so that assessing one profile against many
 * certificates reads its occupation once. */
#define OCC_CACHE_SIZE 8

typedef struct {
	char key[AC_ONET_CODE_LEN + 1]; /* the code as asked, normalised */
	ac_occupation *occ; /* NULL: free slot */
	unsigned long used; /* when last asked for (the handle's tick) */
} occ_cached;

/* The sorted figures a percentile counts in, read on first use. */
typedef struct {
	int loaded;
	double *v;
	size_t n;
} occ_sorted;

/* An occupation's own O*NET title as the title index's normalised words,
 * and the words of its head, the part before its first comma (NULL when it
 * has none). */
typedef struct {
	char code[AC_ONET_CODE_LEN + 1];
	char *words;
	char *head;
} occ_own_title;

struct ac_occdata {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[OCC_Q__COUNT];
	/* ac_mem_failures() when the last statement was taken (occ_stmt): an
	 * error after an allocation failed since is memory running out, whatever
	 * SQLite calls it (its FTS5 parser reports one as a syntax error). */
	unsigned long failures;
	occ_cached cache[OCC_CACHE_SIZE];
	unsigned long tick;
	occ_sorted betas; /* published occupation betas */
	occ_sorted scores; /* Working with AI applicability scores */
	occ_sorted exposures; /* occupations' measured exposure (two sources) */
	/* The title index's words (title_words), sorted, with how many titles
	 * hold each: read on the first search (typed words completed, typos
	 * corrected).  The words point into one block. */
	int vocab_loaded;
	char *vocab_text;
	const char **vocab;
	int *vocab_titles;
	size_t n_vocab;
	/* Every occupation's own title, sorted by code: read on the first
	 * search (it breaks ties between occupations, search.c). */
	int own_loaded;
	occ_own_title *own;
	size_t n_own;
};

/* The statement of slot (prepared from sql on first use) into *st, reset and
 * unbound.  Fails with a diagnostic. */
ac_status occ_stmt(ac_occdata *db, int slot, const char *sql, sqlite3_stmt **st, ac_diags *diags);
/* Resets a statement of the handle after use. */
void occ_stmt_done(sqlite3_stmt *st);

/* A diagnostic for the handle's last SQLite error: AC_ENOMEM when SQLite ran
 * out of memory or an allocation failed since the statement was taken, else
 * AC_EIO. */
ac_status occ_db_error(ac_occdata *db, ac_diags *diags);
/* A diagnostic for a call made without a handle: AC_ENODATA. */
ac_status occ_no_data(ac_diags *diags);

/* A column as a new string: NULL for SQL NULL, and NULL with *oom set when
 * memory ran out. */
char *occ_dup_text(sqlite3_stmt *st, int col, int *oom);
/* A column as an optional number (unset for SQL NULL). */
ac_num occ_col_num(sqlite3_stmt *st, int col);

/* A deep copy of an occupation (occupation.c), freed with
 * ac_occupation_free; NULL when memory ran out. */
ac_occupation *occ_occupation_copy(const ac_occupation *o);

#endif
