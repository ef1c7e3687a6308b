/*
 * image.c — an image made by the build, put where it lies (see image.h).
 */
#include "core/image.h"

#include <string.h>

void *ac_image_place(unsigned char *bytes, const uint32_t *pointers, size_t n, size_t root)
{
	uintptr_t base = (uintptr_t)bytes;
	for (size_t i = 0; i < n; i++) {
		uintptr_t v;
		memcpy(&v, bytes + pointers[i], sizeof v);
		v += base;
		memcpy(bytes + pointers[i], &v, sizeof v);
	}
	return bytes + root;
}
