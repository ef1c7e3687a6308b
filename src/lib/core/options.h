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

/* 1 when the caller's struct *o has field (of the current struct type). */
#define AC_HAS_FIELD(o, type, field)                                                                                   \
	((o)->struct_size == 0 || (o)->struct_size >= offsetof(type, field) + sizeof((o)->field))

#endif
