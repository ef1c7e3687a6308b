/*
 * image.c — moving an image's pointers to where it lies (see image.h).
 */
#include "core/image.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Asks the kernel to make private, at once, the pages from the first
 * pointer to the last, which the loop below writes to one after another:
 * one call instead of a page fault per page, which on the machine the
 * project is built on took about half the time.  Only a hint: where the
 * kernel has no such request (before Linux 5.14) or refuses it, each page
 * is made private when first written, as before. */
static void populate(unsigned char *bytes, const uint32_t *pointers, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	if (n < 2 || page <= 0)
		return;
	uintptr_t first = (uintptr_t)(bytes + pointers[0]) & ~(uintptr_t)(page - 1),
		  end = (uintptr_t)(bytes + pointers[n - 1] + sizeof(uintptr_t));
	(void)madvise((void *)first, end - first, MADV_POPULATE_WRITE);
#else
	(void)bytes, (void)pointers, (void)n;
#endif
}

void *ac_image_place(unsigned char *bytes, const uint32_t *pointers, size_t n, size_t root)
{
	populate(bytes, pointers, n);
	uintptr_t base = (uintptr_t)bytes;
	for (size_t i = 0; i < n; i++) {
		uintptr_t v;
		memcpy(&v, bytes + pointers[i], sizeof v);
		v += base;
		memcpy(bytes + pointers[i], &v, sizeof v);
	}
	return bytes + root;
}
