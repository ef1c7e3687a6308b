/*
 * occdata.h — what the importer and the reader of the occupation database
 * share: the schema version both check, and the title kinds stored in the
 * titles table.  The schema itself is in import_schema.c.
 */
#ifndef AICERT_OCCDATA_INTERNAL_H
#define AICERT_OCCDATA_INTERNAL_H

/* Bump when the tables change; an older database is refused with a hint to
 * re-import. */
#define OCC_SCHEMA_VERSION 3

/* A task's measured exposure is OCC_BETA_WEIGHT x its GPTs-are-GPTs beta
 * plus the rest x Microsoft's measured usage of its work activities rescaled
 * to beta's scale: the weight that predicted both sources' published
 * occupation figures best (README, "Measured task exposure"). */
#define OCC_BETA_WEIGHT 0.5

/* titles.kind */
enum { OCC_TITLE = 1, OCC_ALTERNATE = 2, OCC_SHORT = 3, OCC_REPORTED = 4 };

#endif
