/* bench_jansson.c — the reference for `aicert assess` as a process: read one
 * profile with jansson and print it back, nothing more (bench/bench_speed.sh). */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	json_error_t err;
	json_t *doc = argc > 1 ? json_load_file(argv[1], 0, &err) : NULL;
	if (!doc || json_dumpf(doc, stdout, JSON_INDENT(2)) != 0)
		return 2;
	json_decref(doc);
	return 0;
}
