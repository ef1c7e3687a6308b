/*
 * text.h — the checks every text the library reads from a file goes through
 * before it is parsed (a policy, a wording): not too large, and text, not
 * binary.  One place, so every reader refuses the same things the same way.
 */
#ifndef AICERT_TEXT_H
#define AICERT_TEXT_H

#include <stddef.h>

#include "aicert.h"

/* AC_OK, or AC_EINPUT with a diagnostic naming source when the text is
 * longer than max bytes, holds a NUL byte or is not UTF-8 (with the line and
 * column of the first byte that is not).  what names the kind of file in
 * the message ("a policy"). */
ac_status ac_text_check(const char *text, size_t len, size_t max, const char *source, const char *what,
			ac_diags *diags);

#endif
