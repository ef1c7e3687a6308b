/*
 * status.c — one human sentence per status code (ac_strerror), in the manner
 * of curl_easy_strerror: callers print it when a call left no diagnostic.
 */
#include "aicert.h"

const char *ac_strerror(ac_status s)
{
	switch (s) {
	case AC_OK: return "success";
	case AC_EINPUT: return "the input is not valid";
	case AC_ENOMEM: return "out of memory";
	case AC_EIO: return "a file could not be read or written";
	case AC_ENOTFOUND: return "not found";
	case AC_ENODATA: return "occupation data is not installed";
	case AC_EINTERNAL: return "internal error";
	}
	return "unknown status";
}
