/*
 * maths.h — the C library's log and pow, from the maths library opened the
 * first time a caller needs one (see dynlib.h).
 *
 * Everything else the library computes (floor, round, sqrt and the like) the
 * compiler writes as instructions (CMakeLists.txt: -fno-math-errno
 * -fno-trapping-math), so a process that weighs no catalogue of its own and
 * searches no titles never loads libm: on the machine the project is built
 * on, loading it was a tenth of an `aicert assess`.  The values are the
 * library's own, so every figure stays what it was.
 */
#ifndef AC_CORE_MATHS_H
#define AC_CORE_MATHS_H

#include <math.h>

#include "core/diag.h"
#include "core/dynlib.h"

#define AC_MATHS_SYMBOLS(X) X(log) X(pow)

struct ac_maths_api {
	AC_MATHS_SYMBOLS(AC_DYNLIB_SLOT)
};
extern struct ac_maths_api ac_maths;

/* Opens the maths library once per process; 1 when it is there, else 0
 * after adding to diags (when not NULL) what the loader said, about what
 * (what was being done: "weighing the catalogue's terms"). */
int ac_maths_load(ac_diags *diags, const char *what);

#endif
