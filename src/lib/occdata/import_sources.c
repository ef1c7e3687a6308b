/*
 * import_sources.c — what the import reads and whom it credits: every
 * official file with its folder path and separator, and every dataset with
 * its licence and the attribution the licence asks for (stored in the
 * database and shown by 'aicert occupations show').  Each path names its
 * edition (O*NET 29.3, OEWS May 2024, projections 2022-32), and each file's
 * row count in that edition is kept here: an import refuses a file with
 * fewer than 90 % of them as cut short, unless told the files are a sample.
 */
#include "occdata/import_db.h"

const occ_source_file occ_source_files[F__COUNT] = {
	[F_OCCUPATIONS] = {"onet-29.3/Occupation Data.txt", "onet", '\t', 1016},
	[F_JOB_ZONE_REF] = {"onet-29.3/Job Zone Reference.txt", "onet", '\t', 5},
	[F_JOB_ZONES] = {"onet-29.3/Job Zones.txt", "onet", '\t', 923},
	[F_CONTENT_MODEL] = {"onet-29.3/Content Model Reference.txt", "onet", '\t', 627},
	[F_IWAS] = {"onet-29.3/IWA Reference.txt", "onet", '\t', 332},
	[F_DWAS] = {"onet-29.3/DWA Reference.txt", "onet", '\t', 2087},
	[F_TASKS] = {"onet-29.3/Task Statements.txt", "onet", '\t', 18796},
	[F_TASK_DWAS] = {"onet-29.3/Tasks to DWAs.txt", "onet", '\t', 23233},
	[F_ALT_TITLES] = {"onet-29.3/Alternate Titles.txt", "onet", '\t', 56560},
	[F_REPORTED] = {"onet-29.3/Sample of Reported Titles.txt", "onet", '\t', 7796},
	[F_LABELS] = {"gpts-are-gpts/full_labelset.tsv", "gpts-are-gpts", '\t', 19265},
	[F_OCC_LEVEL] = {"gpts-are-gpts/occ_level.csv", "gpts-are-gpts", ',', 923},
	[F_APPLICABILITY] = {"working-with-ai/soc_ai_applicability_scores.csv", "working-with-ai", ',', 785},
	[F_OEWS] = {"bls/oews_national_may2024.tsv", "bls-oews", '\t', 1403},
	[F_CROSSWALK] = {"bls/nem_onet_to_soc_crosswalk.tsv", "bls-projections", '\t', 997},
	[F_PROJECTIONS] = {"bls/employment_projections_2022_32_table1_7.tsv", "bls-projections", '\t', 1117},
	[F_IWA_METRICS] = {"working-with-ai/iwa_metrics.csv", "working-with-ai", ',', 332},
};

const occ_dataset occ_datasets[] = {
	{"onet", "O*NET Database", "29.3 (May 2025)", "CC BY 4.0", "https://www.onetcenter.org/database.html",
	 "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
	 "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
	 "O*NET(R) is a trademark of USDOL/ETA. aicert has modified all or some of this information; "
	 "USDOL/ETA has not approved, endorsed, or tested these modifications."},
	{"gpts-are-gpts", "GPTs are GPTs: labor market impact potential of LLMs",
	 "Science 384 (2024), data as published in the repository", "MIT", "https://github.com/openai/GPTs-are-GPTs",
	 "Eloundou, Manning, Mishkin and Rock, \"GPTs are GPTs: Labor market impact potential of "
	 "LLMs\", Science 384 (2024). Task labels and occupation figures copyright (c) 2024 OpenAI, "
	 "MIT License."},
	{"working-with-ai", "Working with AI: Measuring the Applicability of Generative AI to Occupations",
	 "2025 (arXiv:2507.07935)", "CC BY 4.0", "https://github.com/microsoft/working-with-ai",
	 "Tomlinson, Jaffe, Wang, Counts and Suri, \"Working with AI: Measuring the Applicability of "
	 "Generative AI to Occupations\", arXiv:2507.07935 (2025), Microsoft Research. CC BY 4.0."},
	{"bls-oews", "Occupational Employment and Wage Statistics, national estimates", "May 2024", "public domain",
	 "https://www.bls.gov/oes/tables.htm",
	 "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024 "
	 "(U.S. Government work, public domain)."},
	{"bls-projections", "Employment Projections (table 1.7) and O*NET-SOC to NEM crosswalk", "2022-32",
	 "public domain", "https://www.bls.gov/emp/tables.htm",
	 "U.S. Bureau of Labor Statistics, Employment Projections program, 2022-32 (U.S. Government "
	 "work, public domain)."},
};
const size_t occ_n_datasets = sizeof occ_datasets / sizeof occ_datasets[0];
