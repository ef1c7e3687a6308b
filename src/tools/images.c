/*
 * images.c — a build step: reads the built-in policy (with its wording) and
 * the built-in catalogue as every process would, and writes the bytes that
 * reading leaves in memory as C (images.c in the build tree), so that a
 * process finds them made instead of reading their text each time it
 * starts: 87 KB of policy and wording, 53 KB of catalogue JSON.
 *
 * How it knows which bytes are pointers: it reads each twice, into two
 * blocks of memory at different addresses, each allocation taken in turn
 * from the block.  Reading is deterministic, so the blocks hold the same
 * bytes except where a pointer into its own block is stored: there the two
 * differ by exactly the distance between the blocks.  Those places are
 * written as offsets, which core/image.c moves to where the image lies.
 * Any other difference, and any pointer to memory outside the block (static
 * data, the heap), fails the build: the image would be wrong.  Only what the
 * result reaches is kept, packed.
 *
 * usage: images OUT.c
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aicert.h"
#include "core/alloc.h"
#include "input/cert.h"
#include "policy/policy.h"

/* Here the names mean the C library's own functions. */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef free

extern const char ac_embedded_policy[], ac_embedded_wording[], ac_embedded_catalogue[], ac_embedded_synonyms[];
extern const size_t ac_embedded_policy_len, ac_embedded_wording_len, ac_embedded_catalogue_len,
	ac_embedded_synonyms_len;

#define BLOCK_BYTES (16u << 20)
#define HEADER 16 /* before each allocation: its size, keeping 16-byte alignment */

static unsigned char *block_top, *block_end;

static void *block_malloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n > (size_t)(block_end - block_top) || (size_t)(block_end - block_top) - n < HEADER)
		return NULL;
	unsigned char *p = block_top + HEADER;
	memcpy(block_top, &n, sizeof n);
	block_top = p + n;
	return p;
}

static void *block_realloc(void *p, size_t n)
{
	void *q = block_malloc(n);
	if (q && p) {
		size_t old;
		memcpy(&old, (unsigned char *)p - HEADER, sizeof old);
		memcpy(q, p, old < n ? old : n);
	}
	return q;
}

static void block_free(void *p)
{
	(void)p; /* what the reader frees stays: the two blocks stay alike */
}

typedef struct {
	unsigned char *mem;
	size_t used, root, n_ptrs;
} image;

/* The built-in policy, with a wording of its own (not the process's). */
static void *make_policy(void)
{
	ac_policy *pol;
	ac_wording *words;
	if (ac_wording_parse(ac_embedded_wording, ac_embedded_wording_len, "(built-in wording)", &words, NULL) !=
		    AC_OK ||
	    ac_policy_parse(ac_embedded_policy, ac_embedded_policy_len, "(built-in policy)", &pol, NULL) != AC_OK)
		return NULL;
	pol->wording = words;
	pol->from_image = 1;
	return pol;
}

static void *make_catalogue(void)
{
	ac_catalogue *cat;
	if (ac_catalogue_default(&cat, NULL) != AC_OK)
		return NULL;
	ac_catalogue_set_image(cat);
	return cat;
}

/* Makes what make makes in im's block. */
static int read_into(image *im, unsigned char *mem, void *(*make)(void))
{
	block_top = mem;
	block_end = mem + BLOCK_BYTES;
	ac_mem_set(block_malloc, block_realloc, block_free);
	void *root = make();
	ac_mem_set(malloc, realloc, free);
	if (!root) {
		fprintf(stderr, "images: cannot read what the image is made of\n");
		return -1;
	}
	im->mem = mem;
	im->used = (size_t)(block_top - mem);
	im->root = (size_t)((unsigned char *)root - mem);
	return 0;
}

/* The offsets of the pointers, found by comparing the two blocks; -1 when
 * something in them cannot be moved. */
static long find_pointers(const image *a, const image *b, uint32_t *out, size_t cap)
{
	if (a->used != b->used || a->root != b->root || a->used > UINT32_MAX) {
		fprintf(stderr, "images: the two readings differ in size (%zu, %zu bytes)\n", a->used, b->used);
		return -1;
	}
	uintptr_t lo = (uintptr_t)a->mem, hi = lo + a->used, delta = (uintptr_t)b->mem - lo;
	size_t n = 0;
	for (size_t off = 0; off + sizeof(uintptr_t) <= a->used; off += sizeof(uintptr_t)) {
		uintptr_t x, y;
		memcpy(&x, a->mem + off, sizeof x);
		memcpy(&y, b->mem + off, sizeof y);
		if (x == y)
			continue;
		if (y - x != delta || x < lo || x > hi) {
			fprintf(stderr,
				"images: at byte %zu the readings hold %#jx and %#jx: not a pointer into the "
				"block\n",
				off, (uintmax_t)x, (uintmax_t)y);
			return -1;
		}
		if (n == cap)
			return -1;
		out[n++] = (uint32_t)off;
	}
	return (long)n;
}

/* A pointer stored in the first block that points outside it looks the same
 * in both: a word equal in both that falls in the process's memory (its
 * program, its libraries, its heap, its stack) is refused.  A number can
 * look like an address only by chance, and then the build says so.  Only the
 * regions of files, the heap and the stack are looked at: under
 * AddressSanitizer, whose shadow memory and heap are other regions that
 * cover much of what text looks like, the heap is not (the other builds
 * check it). */
static int outside_pointers(const image *a, const image *b)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	if (!maps)
		return 0; /* nothing to check against */
	uintptr_t lo[512], hi[512];
	size_t n = 0;
	char line[1024];
	while (n < 512 && fgets(line, sizeof line, maps)) {
		unsigned long l, h;
		int name = 0;
		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &l, &h, &name) >= 2 && name &&
		    (line[name] == '/' || strncmp(line + name, "[heap]", 6) == 0 ||
		     strncmp(line + name, "[stack]", 7) == 0))
			lo[n] = l, hi[n++] = h;
	}
	fclose(maps);
	int bad = 0;
	for (size_t off = 0; off + sizeof(uintptr_t) <= a->used; off += sizeof(uintptr_t)) {
		uintptr_t x, y;
		memcpy(&x, a->mem + off, sizeof x);
		memcpy(&y, b->mem + off, sizeof y);
		for (size_t i = 0; x == y && x && i < n; i++)
			if (x >= lo[i] && x < hi[i]) {
				fprintf(stderr, "images: at byte %zu the image points outside itself (%#jx)\n", off,
					(uintmax_t)x);
				bad = 1;
			}
	}
	return bad ? -1 : 0;
}

/* The allocation of block im holding byte off (its data, or the byte just
 * past it), by its place among the n allocations whose data start at
 * start[]; -1 for a header. */
static long holder(const size_t *start, const size_t *len, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { /* the last allocation starting at or before off */
		size_t mid = lo + (hi - lo) / 2;
		if (start[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && off <= start[lo - 1] + len[lo - 1] ? (long)lo - 1 : -1;
}

static int by_offset(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Keeps only what the policy reaches (what the reader freed or outgrew
 * stays in the block, as do the allocations' headers), packed: the image
 * and the offsets of its pointers (each holding an offset) are rewritten in
 * place; 0, or -1 when a pointer points into no allocation. */
static int compact(image *im, uint32_t *ptrs, size_t n_ptrs)
{
	size_t cap = im->used / HEADER + 1, n = 0;
	size_t *start = malloc(cap * sizeof *start), *len = malloc(cap * sizeof *len),
	       *moved = malloc(cap * sizeof *moved);
	unsigned char *keep = calloc(cap, 1), *out = calloc(1, im->used + 16);
	long *stack = malloc(cap * sizeof *stack);
	int st = start && len && moved && keep && out && stack ? 0 : -1;
	for (size_t off = 0; st == 0 && off + HEADER <= im->used && n < cap; n++) {
		memcpy(&len[n], im->mem + off, sizeof len[n]);
		start[n] = off + HEADER;
		off = start[n] + len[n];
	}
	/* What the root reaches, following each pointer stored in a kept
	 * allocation. */
	long top = 0, r = st == 0 ? holder(start, len, n, im->root) : -1;
	if (r < 0)
		st = -1;
	else
		keep[r] = 1, stack[top++] = r;
	while (st == 0 && top > 0) {
		long b = stack[--top];
		for (size_t i = 0; i < n_ptrs; i++) {
			if (ptrs[i] < start[b] || ptrs[i] >= start[b] + len[b])
				continue;
			uintptr_t v;
			memcpy(&v, im->mem + ptrs[i], sizeof v);
			long t = holder(start, len, n, v);
			if (t < 0) {
				fprintf(stderr, "images: the pointer at byte %" PRIu32 " points into no allocation\n",
					ptrs[i]);
				st = -1;
			} else if (!keep[t]) {
				keep[t] = 1;
				stack[top++] = t;
			}
		}
	}
	/* The kept allocations that hold a pointer go first, the others (most
	 * of the bytes: texts) after them: a process moves the pointers, and so
	 * writes to, only the pages of the first part (image.h). */
	for (size_t i = 0; st == 0 && i < n_ptrs; i++) {
		long h = holder(start, len, n, ptrs[i]);
		if (h >= 0 && keep[h])
			keep[h] = 2;
	}
	size_t used = 0;
	for (int pass = 2; st == 0 && pass >= 1; pass--)
		for (size_t i = 0; i < n; i++)
			if (keep[i] == pass) {
				moved[i] = used;
				memcpy(out + used, im->mem + start[i], len[i]);
				used += (len[i] + 15) & ~(size_t)15;
			}
	/* Each pointer of a kept allocation, and what it holds, moved. */
	size_t kept = 0;
	for (size_t i = 0; st == 0 && i < n_ptrs; i++) {
		long b = holder(start, len, n, ptrs[i]);
		if (b < 0 || !keep[b])
			continue;
		uintptr_t v;
		memcpy(&v, im->mem + ptrs[i], sizeof v);
		long t = holder(start, len, n, v);
		v = moved[t] + (v - start[t]);
		uint32_t at = (uint32_t)(moved[b] + (ptrs[i] - start[b]));
		memcpy(out + at, &v, sizeof v);
		ptrs[kept++] = at;
	}
	if (st == 0) {
		qsort(ptrs, kept, sizeof *ptrs, by_offset); /* moved in the order they lie */
		long rb = holder(start, len, n, im->root);
		im->root = moved[rb] + (im->root - start[rb]);
		memcpy(im->mem, out, used);
		im->used = used;
		im->n_ptrs = kept;
	}
	free(start);
	free(len);
	free(moved);
	free(keep);
	free(out);
	free(stack);
	return st;
}

/* The image as C: NAME_len, NAME_root, NAME_n_pointers, NAME_pointers[]
 * and NAME[] (see core/image.h), with the lengths of the texts it was read
 * from (NAME_from[]). */
static int write_image(FILE *f, const char *name, const image *a, const uint32_t *ptrs, size_t n, const size_t *from,
		       size_t n_from)
{
	fprintf(f, "const size_t %s_len = %zu, %s_root = %zu, %s_n_pointers = %zu;\n", name, a->used, name, a->root,
		name, n);
	fprintf(f, "const size_t %s_from[] = {", name);
	for (size_t i = 0; i < n_from; i++)
		fprintf(f, "%zu,", from[i]);
	fprintf(f, "0};\nconst uint32_t %s_pointers[] = {", name);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%" PRIu32 ",", i % 12 ? "" : "\n", ptrs[i]);
	/* From the start of a page, so that the part with pointers spans as few
	 * pages as it can. */
	fprintf(f, "0};\n_Alignas(4096) unsigned char %s[] = {", name);
	for (size_t i = 0; i < a->used; i++)
		fprintf(f, "%s%u,", i % 24 ? "" : "\n", a->mem[i]);
	fprintf(f, "0};\n\n");
	return ferror(f) ? -1 : 0;
}

/* Makes the image of what make makes and writes it to f as name; 0, or -1
 * after saying why. */
static int make_image(FILE *f, const char *name, void *(*make)(void), const size_t *from, size_t n_from)
{
	/* The second block starts at another offset from a page. */
	unsigned char *ma = calloc(1, BLOCK_BYTES), *mb = calloc(1, BLOCK_BYTES + 4096);
	image a, b;
	uint32_t *ptrs = NULL;
	long n = -1;
	if (ma && mb && read_into(&a, ma, make) == 0 && read_into(&b, mb + 4096 - 3 * 16, make) == 0) {
		size_t cap = a.used / sizeof(uintptr_t) + 1;
		ptrs = malloc(cap * sizeof *ptrs);
		n = ptrs ? find_pointers(&a, &b, ptrs, cap) : -1;
		if (n >= 0 && outside_pointers(&a, &b) != 0)
			n = -1;
	}
	/* The stored pointers as offsets from the block's first byte. */
	for (long i = 0; i < n; i++) {
		uintptr_t v;
		memcpy(&v, a.mem + ptrs[i], sizeof v);
		v -= (uintptr_t)a.mem;
		memcpy(a.mem + ptrs[i], &v, sizeof v);
	}
	int st = n >= 0 && compact(&a, ptrs, (size_t)n) == 0 ? write_image(f, name, &a, ptrs, a.n_ptrs, from, n_from)
							     : -1;
	if (st != 0)
		fprintf(stderr, "images: cannot make %s\n", name);
	free(ptrs);
	free(ma);
	free(mb);
	return st;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: images OUT.c\n");
		return 2;
	}
	/* A first reading with the C library's allocator, so that what the
	 * readers make once per process (their tables, the process's built-in
	 * wording, the synonyms) lies outside the blocks. */
	ac_policy *warm;
	ac_catalogue *warm_cat;
	if (ac_policy_default(&warm, NULL) != AC_OK || ac_catalogue_default(&warm_cat, NULL) != AC_OK) {
		fprintf(stderr, "images: cannot read the built-in policy and catalogue\n");
		return 1;
	}
	const size_t policy_from[] = {ac_embedded_policy_len, ac_embedded_wording_len};
	const size_t catalogue_from[] = {ac_embedded_catalogue_len, ac_embedded_synonyms_len};
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", argv[1], (long)getpid());
	FILE *f = fopen(tmp, "w");
	int bad = !f;
	if (!bad)
		fprintf(f, "/* Made by src/tools/images.c from data/policy.default, data/wording.en,\n"
			   " * data/catalogue.json and data/synonyms.txt: what reading them leaves in\n"
			   " * memory, with the offsets of its pointers (core/image.h). */\n"
			   "#include <stddef.h>\n#include <stdint.h>\n\n");
	bad = bad || make_image(f, "ac_policy_image", make_policy, policy_from, 2) != 0 ||
	      make_image(f, "ac_catalogue_image", make_catalogue, catalogue_from, 2) != 0;
	if ((f && fclose(f) != 0) || bad || rename(tmp, argv[1]) != 0) {
		fprintf(stderr, "images: cannot write %s: %s\n", argv[1], bad ? "see above" : strerror(errno));
		remove(tmp);
		return 1;
	}
	ac_policy_free(warm);
	ac_catalogue_free(warm_cat);
	return 0;
}
