/*
 * image.h — something the library would read from text at each start (the
 * built-in policy, the catalogue), made once by the build instead
 * (src/tools/images.c): the bytes its reading left in memory, each stored
 * pointer written as an offset from the first byte, and the offsets of
 * those pointers.  A process moves the pointers to where the bytes lie,
 * once, and then uses the result as the reader would have left it.  The
 * pieces that hold pointers come first, from the start of a page, so that
 * moving them writes to as few pages as it can; the texts after them are
 * only read.
 */
#ifndef AC_CORE_IMAGE_H
#define AC_CORE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* The symbols the build writes for image name: its bytes, their length, the
 * offset of the object read, its pointers, and the lengths of the texts it
 * was read from (name_len is 0 in the program that makes the images). */
#define AC_IMAGE_DECLARE(name)                                                                                         \
	extern unsigned char name[];                                                                                   \
	extern const size_t name##_len, name##_root, name##_n_pointers;                                                \
	extern const size_t name##_from[];                                                                             \
	extern const uint32_t name##_pointers[]

/* Moves the n pointers of image bytes to where it lies and returns the
 * object at root.  Once per image; the caller makes sure of it.  pointers
 * holds their offsets in ascending order, as the build writes them (the
 * first and the last bound the pages it asks the kernel for at once). */
void *ac_image_place(unsigned char *bytes, const uint32_t *pointers, size_t n, size_t root);

#endif
