/*
 * policy_image_none.c — no image of the built-in policy: for the program
 * that makes it (policy_image.c), which reads the policy from its text.
 */
#include <stddef.h>
#include <stdint.h>

const size_t ac_policy_image_len = 0, ac_policy_image_root = 0;
const size_t ac_policy_image_policy_len = 0, ac_policy_image_wording_len = 0;
const size_t ac_policy_image_n_pointers = 0;
const uint32_t ac_policy_image_pointers[] = {0};
unsigned char ac_policy_image[] = {0};
