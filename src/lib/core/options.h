/*
 * options.h — reading a caller's options struct safely.  Public option and
 * filter structs start with struct_size (set by their _init function); a
 * caller built against an older header has a smaller struct, and the library
 * must read only the fields that caller's version has.  A struct_size of 0
 * (a struct zeroed by hand) is read as the first version of the struct.
 */
#ifndef AICERT_OPTIONS_H
#define AICERT_OPTIONS_H

#include <stddef.h>
#include <string.h>

/* 1 when the caller's struct *o has field (of the current struct type). */
#define AC_HAS_FIELD(o, type, field)                                                                                   \
	((o)->struct_size == 0 || (o)->struct_size >= offsetof(type, field) + sizeof((o)->field))

/* The start of every _init_size: clears the caller's struct, size bytes of
 * it, and records that size in its first field, struct_size.  0 (and nothing
 * written) when the struct cannot even hold struct_size. */
static inline int ac_options_start(void *o, size_t size)
{
	if (size < sizeof(size_t))
		return 0;
	memset(o, 0, size);
	memcpy(o, &size, sizeof size);
	return 1;
}

#endif
