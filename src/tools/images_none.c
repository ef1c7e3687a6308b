/*
 * images_none.c — no images: for the program that makes them (images.c),
 * which reads the policy and the catalogue from their text.
 */
#include "core/image.h"

#define NONE(name)                                                                                                     \
	unsigned char name[] = {0};                                                                                    \
	const size_t name##_len = 0, name##_root = 0, name##_n_pointers = 0;                                           \
	const size_t name##_from[] = {0};                                                                              \
	const uint32_t name##_pointers[] = {0};

NONE(ac_policy_image)
NONE(ac_catalogue_image)
