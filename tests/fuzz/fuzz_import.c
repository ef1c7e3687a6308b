/*
 * fuzz_import.c — a fuzz target for the delimited-text reader and the
 * occupation-data importer.  The first byte picks one of the official files
 * (and whether the import is a sample or must match the release's row
 * counts); the rest replaces that file in a copy of the test fixture, which
 * is then read by the reader alone and imported whole.  Any input must end
 * in a clean refusal (a diagnostic, no file left behind, the previous
 * database untouched) or a database that opens and answers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aicert.h"
#include "core/dsv.h"
#include "occdata/import_db.h"
#include "../support/occ_test_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Made once: the harness, not the library, keeps this state. */
static char root[512], src[600], db[600];
static char *original[F__COUNT];
static size_t original_len[F__COUNT];

static void remove_root(void)
{
	occ_test_rmtree(root);
}

static void set_up(void)
{
	if (occ_test_tmpdir(root, sizeof root) != 0)
		occ_test_fail("cannot make a temporary folder");
	atexit(remove_root);
	snprintf(src, sizeof src, "%s/src", root);
	snprintf(db, sizeof db, "%s/occ.db", root);
	if (occ_test_copytree(OCC_FIXTURE_DIR "/good", src, NULL) != 0)
		occ_test_fail("cannot copy the fixture");
	for (int i = 0; i < F__COUNT; i++) {
		char path[900];
		snprintf(path, sizeof path, "%s/%s", src, occ_source_files[i].rel);
		if (!(original[i] = occ_test_read(path, &original_len[i])))
			occ_test_fail("cannot read the fixture");
	}
}

static void write_file(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0)
		occ_test_fail("cannot write a source file");
}

/* The reader on its own, over the bytes in memory: every row or one
 * diagnostic, never both silent and failed. */
static void read_alone(const uint8_t *data, size_t size, char sep)
{
	FILE *f = fmemopen((void *)data, size, "rb");
	if (!f)
		return;
	ac_diags d;
	ac_diags_init(&d);
	dsv_reader r;
	const char *cols[] = {"O*NET-SOC Code", "Title*"};
	ac_status st = dsv_open_stream(&r, f, "fuzz", sep, &d);
	if (st == AC_OK && (st = dsv_header(&r, cols, 2, 3)) == AC_OK)
		while (dsv_row(&r, &st))
			if (strlen(dsv_get(&r, 0)) > size || strlen(dsv_get(&r, 1)) > size)
				occ_test_fail("the reader handed out a field longer than its input");
	if (st != AC_OK && ac_diags_count(&d) == 0)
		occ_test_fail("the reader failed without a diagnostic");
	dsv_close(&r);
	fclose(f);
	ac_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > (1u << 20))
		return 0;
	if (!root[0])
		set_up();
	int file = data[0] % F__COUNT, sample = (data[0] / F__COUNT) % 2 == 0;
	read_alone(data + 1, size - 1, occ_source_files[file].sep);

	char path[900];
	snprintf(path, sizeof path, "%s/%s", src, occ_source_files[file].rel);
	write_file(path, data + 1, size - 1);
	write_file(db, "the previous database", 21);
	ac_diags d;
	ac_diags_init(&d);
	ac_status st = ac_occdata_import_with(src, db, sample ? AC_IMPORT_SAMPLE : 0, &d);
	if (st == AC_OK) {
		ac_occdata *o = NULL;
		ac_occdata_info *info = NULL;
		if (ac_occdata_open(db, &o, &d) != AC_OK || ac_occdata_info_get(o, &info, &d) != AC_OK)
			occ_test_fail("an import that succeeded cannot be read");
		ac_occdata_info_free(info);
		ac_occdata_close(o);
	} else {
		size_t n = 0;
		char *kept = occ_test_read(db, &n);
		if (ac_diags_count(&d) == 0 || !kept || n != 21 || memcmp(kept, "the previous database", 21) != 0)
			occ_test_fail("a refusal did not name its cause or changed the previous database");
		free(kept);
	}
	if (occ_test_count_entries(root) != 2) /* src/ and the database: no temporary file */
		occ_test_fail("a temporary file was left behind");
	ac_diags_free(&d);
	write_file(path, original[file], original_len[file]);
	return 0;
}
