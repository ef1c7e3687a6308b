/*
 * occdata_internal.h — what the occupation-data importer and reader share:
 * the schema version both check, and the title kinds stored in the title
 * table.  The schema itself lives in occdata_import.c, next to the code that
 * fills it.
 */
#ifndef AICERT_OCCDATA_INTERNAL_H
#define AICERT_OCCDATA_INTERNAL_H

/* Bump when the tables change; an older database is refused with a hint to
 * re-import. */
#define OCC_SCHEMA_VERSION 1

/* titles.kind */
enum { OCC_TITLE = 1, OCC_ALTERNATE = 2, OCC_SHORT = 3, OCC_REPORTED = 4 };

#endif
