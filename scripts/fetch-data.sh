#!/bin/sh
# fetch-data.sh — downloads the official occupation data files that
# `aicert data import` reads, into the folder layout it expects, then prints
# the import command.  aicert ships these releases in data/occupations/ and
# builds its database from them; this script is for newer releases.  Each
# keeps its own licence:
#
#   onet-29.3/        O*NET 29.3 Database (May 2025), U.S. Department of Labor,
#                     Employment and Training Administration / National Center
#                     for O*NET Development.  https://www.onetcenter.org/database.html
#                     Licence: CC BY 4.0 (https://www.onetcenter.org/license_db.html).
#                     Attribution: "This product includes information from the
#                     O*NET 29.3 Database by the U.S. Department of Labor,
#                     Employment and Training Administration (USDOL/ETA). Used
#                     under the CC BY 4.0 license. O*NET(R) is a trademark of
#                     USDOL/ETA."
#   gpts-are-gpts/    Eloundou, Manning, Mishkin, Rock, "GPTs are GPTs: Labor
#                     market impact potential of LLMs", Science 384 (2024).
#                     https://github.com/openai/GPTs-are-GPTs   Licence: MIT
#                     (copyright 2024 OpenAI; LICENSE is downloaded beside the data).
#   working-with-ai/  Tomlinson, Jaffe, Wang, Counts, Suri, "Working with AI:
#                     Measuring the Applicability of Generative AI to
#                     Occupations", arXiv:2507.07935 (2025), Microsoft Research.
#                     https://github.com/microsoft/working-with-ai   Licence: CC BY 4.0.
#   bls/              U.S. Bureau of Labor Statistics: Occupational Employment
#                     and Wage Statistics, national, May 2024
#                     (https://www.bls.gov/oes/tables.htm); Employment
#                     Projections table 1.7 (https://www.bls.gov/emp/tables.htm);
#                     O*NET-SOC to National Employment Matrix crosswalk
#                     (https://www.bls.gov/emp/documentation/crosswalks.htm).
#                     Public domain (U.S. Government work).
#
# BLS publishes spreadsheets; they are converted to tab-separated text with
# Python's openpyxl (pip install openpyxl) or, failing that, LibreOffice.
# BLS serves only the current projections edition; the importer reads any
# edition and records the one it found.
#
# Usage: [AICERT_CONTACT=you@example.org] scripts/fetch-data.sh [DIR]   (default DIR: ./aicert-data)
set -eu

DIR=${1:-./aicert-data}
ONET_ZIP=https://www.onetcenter.org/dl_files/database/db_29_3_text.zip
GPTS=https://raw.githubusercontent.com/openai/GPTs-are-GPTs/main
WWAI=https://raw.githubusercontent.com/microsoft/working-with-ai/main
OEWS_ZIP=https://www.bls.gov/oes/special-requests/oesm24nat.zip
PROJECTIONS=https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx
CROSSWALK=https://www.bls.gov/emp/classifications-crosswalks/nem-onet-to-soc-crosswalk.xlsx
# BLS refuses requests that do not say who is asking: set AICERT_CONTACT to
# your e-mail address if www.bls.gov answers "Access Denied".
AGENT="Mozilla/5.0 (compatible; aicert-fetch-data${AICERT_CONTACT:+; $AICERT_CONTACT})"

ONET_FILES="Occupation Data.txt|Task Statements.txt|Tasks to DWAs.txt|DWA Reference.txt|IWA Reference.txt|Content Model Reference.txt|Alternate Titles.txt|Sample of Reported Titles.txt|Job Zones.txt|Job Zone Reference.txt|Read Me.txt"

die() {
	echo "fetch-data: $*" >&2
	exit 1
}

need() {
	command -v "$1" >/dev/null 2>&1 || die "needs '$1' on the PATH"
}

fetch() { # URL FILE
	echo "  $1"
	curl -fsSL --retry 3 -A "$AGENT" -o "$2.part" "$1" || die "cannot download $1"
	mv "$2.part" "$2"
}

# xlsx_to_tsv XLSX TSV [SHEET-SUBSTRING]: every row of the sheet (the first one,
# or the first whose name contains SHEET-SUBSTRING), cells joined by tabs.
xlsx_to_tsv() {
	if python3 -c 'import openpyxl' 2>/dev/null; then
		python3 - "$1" "$2" "${3:-}" <<'PY'
import sys, openpyxl
src, dst, want = sys.argv[1], sys.argv[2], sys.argv[3]
book = openpyxl.load_workbook(src, read_only=True, data_only=True)
sheet = book.worksheets[0]
if want:
    named = [s for s in book.worksheets if want in s.title]
    if not named:
        sys.exit("fetch-data: no sheet named like '%s' in %s" % (want, src))
    sheet = named[0]
def cell(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")
with open(dst, "w", encoding="utf-8", newline="") as out:
    for row in sheet.iter_rows(values_only=True):
        out.write("\t".join(cell(v) for v in row) + "\n")
PY
	elif command -v soffice >/dev/null 2>&1; then
		[ -z "${3:-}" ] || echo "fetch-data: LibreOffice converts the first sheet only; check $2" >&2
		tmp=$(mktemp -d)
		soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):9,34,76' --outdir "$tmp" "$1" >/dev/null
		mv "$tmp"/*.csv "$2"
		rmdir "$tmp"
	else
		die "cannot read $1: install openpyxl (python3 -m pip install --user openpyxl) or LibreOffice"
	fi
}

need curl
need unzip
mkdir -p "$DIR/onet-29.3" "$DIR/gpts-are-gpts" "$DIR/working-with-ai" "$DIR/bls"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "O*NET 29.3 (CC BY 4.0):"
fetch "$ONET_ZIP" "$WORK/onet.zip"
unzip -q -o "$WORK/onet.zip" -d "$WORK/onet"
echo "$ONET_FILES" | tr '|' '\n' | while IFS= read -r f; do
	src=$(find "$WORK/onet" -name "$f" -type f | head -n 1)
	[ -n "$src" ] || die "'$f' is not in $ONET_ZIP"
	cp "$src" "$DIR/onet-29.3/$f"
done

echo "GPTs are GPTs (MIT):"
fetch "$GPTS/data/full_labelset.tsv" "$DIR/gpts-are-gpts/full_labelset.tsv"
fetch "$GPTS/data/occ_level.csv" "$DIR/gpts-are-gpts/occ_level.csv"
fetch "$GPTS/LICENSE" "$DIR/gpts-are-gpts/LICENSE"

echo "Working with AI (CC BY 4.0):"
fetch "$WWAI/soc_ai_applicability_scores.csv" "$DIR/working-with-ai/soc_ai_applicability_scores.csv"
fetch "$WWAI/iwa_metrics.csv" "$DIR/working-with-ai/iwa_metrics.csv"
fetch "$WWAI/LICENSE.txt" "$DIR/working-with-ai/LICENSE.txt"
fetch "$WWAI/NOTICE.md" "$DIR/working-with-ai/NOTICE.md"

echo "BLS (public domain):"
fetch "$OEWS_ZIP" "$WORK/oews.zip"
unzip -q -o "$WORK/oews.zip" -d "$WORK/oews"
OEWS_XLSX=$(find "$WORK/oews" -name 'national_M2024_dl.xlsx' -type f | head -n 1)
[ -n "$OEWS_XLSX" ] || die "national_M2024_dl.xlsx is not in $OEWS_ZIP"
xlsx_to_tsv "$OEWS_XLSX" "$DIR/bls/oews_national_may2024.tsv"
fetch "$PROJECTIONS" "$WORK/occupation.xlsx"
xlsx_to_tsv "$WORK/occupation.xlsx" "$DIR/bls/employment_projections_2022_32_table1_7.tsv" "1.7"
fetch "$CROSSWALK" "$WORK/crosswalk.xlsx"
xlsx_to_tsv "$WORK/crosswalk.xlsx" "$DIR/bls/nem_onet_to_soc_crosswalk.tsv"

echo
echo "Downloaded into $DIR.  Now build the database:"
echo "  aicert data import --from $DIR"
