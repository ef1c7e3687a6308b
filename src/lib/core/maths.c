/*
 * maths.c — the maths library opened when first needed (see maths.h).
 */
#include <gnu/lib-names.h> /* LIBM_SO: the soname of the C library's libm */

#include "core/maths.h"

struct ac_maths_api ac_maths;
AC_DYNLIB_LIB(ac_maths, lib, "the maths library", LIBM_SO, AC_MATHS_SYMBOLS)

int ac_maths_load(ac_diags *diags, const char *what)
{
	if (ac_dynlib_open(&lib, &ac_maths))
		return 1;
	if (diags)
		ac_diags_add(diags, NULL, NULL, 0, 0, "%s: %s", what, lib.why);
	return 0;
}
