/*
 * import_schema.c — the tables of the occupation database, and the figures
 * derived in SQL once every file is loaded.  The reader (occdata.c and its
 * neighbours) checks OCC_SCHEMA_VERSION (occdata.h); bump it with any change
 * here.
 */
#include "occdata/import_db.h"

const char occ_schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE sources(name TEXT PRIMARY KEY, title TEXT NOT NULL, version TEXT NOT NULL,"
	" licence TEXT NOT NULL, url TEXT NOT NULL, attribution TEXT NOT NULL, missing INTEGER NOT NULL);"
	"CREATE TABLE source_files(path TEXT PRIMARY KEY, source TEXT NOT NULL, bytes INTEGER NOT NULL,"
	" rows INTEGER NOT NULL);"
	"CREATE TABLE occupations(code TEXT PRIMARY KEY, soc TEXT NOT NULL, title TEXT NOT NULL,"
	" description TEXT NOT NULL, job_zone INTEGER, beta REAL, applicability REAL, exposure REAL,"
	" applicability_code TEXT, employment REAL, median_wage REAL, oews_code TEXT, oews_title TEXT,"
	" growth_pct REAL, projection_code TEXT, education TEXT, nem_code TEXT);"
	"CREATE INDEX occupations_soc ON occupations(soc);"
	"CREATE INDEX occupations_beta ON occupations(beta);"
	"CREATE TABLE job_zones(zone INTEGER PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE gwas(gwa_id TEXT PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE iwas(iwa_id TEXT PRIMARY KEY, gwa_id TEXT NOT NULL, title TEXT NOT NULL);"
	"CREATE TABLE dwas(dwa_id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, gwa_id TEXT NOT NULL,"
	" title TEXT NOT NULL);"
	"CREATE TABLE tasks(task_id INTEGER PRIMARY KEY, code TEXT NOT NULL, statement TEXT NOT NULL,"
	" task_type TEXT, gwa_id TEXT, beta REAL, automation REAL, usage REAL, usage_scaled REAL,"
	" exposure REAL, exposure_low REAL, exposure_high REAL, sources INTEGER NOT NULL DEFAULT 0, iwa_id TEXT);"
	"CREATE TABLE iwa_usage(iwa_id TEXT PRIMARY KEY, usage REAL NOT NULL);"
	"CREATE INDEX tasks_code ON tasks(code);"
	"CREATE TABLE task_dwas(task_id INTEGER NOT NULL, dwa_id TEXT NOT NULL,"
	" PRIMARY KEY(task_id, dwa_id)) WITHOUT ROWID;"
	"CREATE TABLE labels(task_id INTEGER PRIMARY KEY, code TEXT NOT NULL, statement TEXT NOT NULL,"
	" task_type TEXT, exposure TEXT, beta REAL NOT NULL, automation REAL);"
	"CREATE INDEX labels_code ON labels(code);"
	"CREATE TABLE applicability(soc TEXT PRIMARY KEY, title TEXT NOT NULL, score REAL NOT NULL);"
	"CREATE INDEX applicability_score ON applicability(score);"
	"CREATE TABLE oews(code TEXT PRIMARY KEY, title TEXT NOT NULL, employment REAL,"
	" median_wage REAL, mean_wage REAL);"
	"CREATE TABLE crosswalk(onet_code TEXT PRIMARY KEY, nem_code TEXT NOT NULL);"
	"CREATE TABLE projections(code TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT,"
	" employment_2022 REAL, employment_2032 REAL, change_pct REAL, education TEXT);"
	"CREATE TABLE titles(id INTEGER PRIMARY KEY, code TEXT NOT NULL, kind INTEGER NOT NULL,"
	" title TEXT NOT NULL, words TEXT NOT NULL, acro TEXT NOT NULL, n_words INTEGER NOT NULL,"
	" UNIQUE(code, words));"
	"CREATE INDEX titles_kind ON titles(kind);"
	"CREATE TEMP TABLE titles_load(id INTEGER PRIMARY KEY, code TEXT NOT NULL, kind INTEGER NOT NULL,"
	" title TEXT NOT NULL, words TEXT NOT NULL, acro TEXT NOT NULL, n_words INTEGER NOT NULL, UNIQUE(code, words));"
	"CREATE TABLE abbreviations(abbr TEXT NOT NULL, expansion TEXT NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY(abbr, expansion)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE title_index USING fts5(words, acro, content='', tokenize='ascii');"
	"CREATE TABLE title_words(word TEXT PRIMARY KEY, titles INTEGER NOT NULL) WITHOUT ROWID;";

/* Figures derived once everything is loaded.  A task's GWA is the most
 * frequent GWA among its DWAs (ties: the smallest id); a figure published only
 * for a wider group (OEWS and Working with AI use some SOC groups such as
 * 13-1020) is reached through the BLS crosswalk's NEM code. */
const char occ_derive_sql[] =
	"UPDATE tasks SET gwa_id = (SELECT d.gwa_id FROM task_dwas td JOIN dwas d ON d.dwa_id = td.dwa_id"
	" WHERE td.task_id = tasks.task_id GROUP BY d.gwa_id ORDER BY count(*) DESC, d.gwa_id LIMIT 1);"
	/* Its IWA, the same way among its DWAs under that GWA: what splits a
	 * kind of work too large for one group (groups.c). */
	"UPDATE tasks SET iwa_id = (SELECT d.iwa_id FROM task_dwas td JOIN dwas d ON d.dwa_id = td.dwa_id"
	" WHERE td.task_id = tasks.task_id AND d.gwa_id = tasks.gwa_id GROUP BY d.iwa_id"
	" ORDER BY count(*) DESC, d.iwa_id LIMIT 1);"
	"UPDATE tasks SET beta = (SELECT beta FROM labels l WHERE l.task_id = tasks.task_id),"
	" automation = (SELECT automation FROM labels l WHERE l.task_id = tasks.task_id);"
	"UPDATE occupations SET nem_code = (SELECT nem_code FROM crosswalk WHERE onet_code = code);"
	"UPDATE occupations SET applicability_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM applicability a WHERE a.soc = occupations.soc) THEN soc"
	" WHEN EXISTS(SELECT 1 FROM applicability a WHERE a.soc = occupations.nem_code) THEN nem_code END;"
	"UPDATE occupations SET applicability = (SELECT score FROM applicability WHERE soc = applicability_code);"
	"UPDATE occupations SET oews_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM oews o WHERE o.code = occupations.soc) THEN soc"
	" WHEN EXISTS(SELECT 1 FROM oews o WHERE o.code = occupations.nem_code) THEN nem_code END;"
	"UPDATE occupations SET employment = (SELECT employment FROM oews o WHERE o.code = oews_code),"
	" median_wage = (SELECT median_wage FROM oews o WHERE o.code = oews_code),"
	" oews_title = (SELECT title FROM oews o WHERE o.code = oews_code);"
	"UPDATE occupations SET projection_code = CASE"
	" WHEN EXISTS(SELECT 1 FROM projections p WHERE p.code = occupations.nem_code) THEN nem_code"
	" WHEN EXISTS(SELECT 1 FROM projections p WHERE p.code = occupations.soc) THEN soc END;"
	"UPDATE occupations SET growth_pct = (SELECT change_pct FROM projections p WHERE p.code = projection_code),"
	" education = (SELECT education FROM projections p WHERE p.code = projection_code);"
	"UPDATE tasks SET usage = (SELECT avg(u.usage) FROM iwa_usage u WHERE u.iwa_id IN"
	" (SELECT d.iwa_id FROM task_dwas td JOIN dwas d ON d.dwa_id = td.dwa_id WHERE td.task_id = tasks.task_id));"
	/* Titles numbered shortest first (then by kind: O*NET titles before
	 * alternate, short and reported ones), so that the index hands out the
	 * shortest matching titles first: search.c scores the first few hundred. */
	"INSERT INTO titles(code, kind, title, words, acro, n_words) SELECT code, kind, title, words, acro, n_words"
	" FROM temp.titles_load ORDER BY n_words, kind, code, id;"
	"DROP TABLE temp.titles_load;"
	"INSERT INTO title_index(rowid, words, acro) SELECT id, words, acro FROM titles ORDER BY id;"
	"INSERT INTO title_index(title_index) VALUES('optimize');"
	/* The index's title words of three letters or more, with how many titles
	 * hold each: what a search reads once to complete a typed word and to
	 * correct a typo (the index's own vocabulary is slow to list). */
	"CREATE VIRTUAL TABLE temp.title_vocab USING fts5vocab(main, title_index, col);"
	"INSERT INTO title_words(word, titles) SELECT term, doc FROM temp.title_vocab"
	" WHERE col = 'words' AND length(term) >= 3;"
	"DROP TABLE temp.title_vocab;";
