/*
 * library.c — what a caller asks of libaicert as a whole: its version, and
 * freeing the strings and buffers it handed out (ac_free).
 */
#include <stdlib.h>

#include "aicert.h"

const char *ac_version(void)
{
	return AC_VERSION;
}

void ac_free(void *p)
{
	free(p);
}
