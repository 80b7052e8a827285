/*
 * bigtab.c: large zeroed tables in huge pages (bigtab.h): an anonymous
 * mapping aligned to 2 MiB (the kernel gives a huge page only to an
 * aligned 2 MiB of a region), marked MADV_HUGEPAGE before its first
 * touch; the fault of each 2 MiB then maps a zeroed huge page.
 */
#include "core/bigtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)
#define BIG (2 * HUGE_PAGE)     /* below, calloc */

/* A mapping's length: whole huge pages, so its tail's unmapping (and
 * bigtab_free's) starts on a page boundary; the rest is never touched */
static size_t mapped(size_t bytes)
{
	return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *bigtab_new(size_t n, size_t size)
{
	size_t bytes;
	char *p, *a;

	if (size && n > (SIZE_MAX - 2 * HUGE_PAGE) / size)
		return NULL;
	if (n * size < BIG)
		return calloc(n, size);
	bytes = mapped(n * size);
	p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	munmap(a + bytes, (size_t)(p + HUGE_PAGE - a));
#ifdef MADV_HUGEPAGE
	(void)madvise(a, bytes, MADV_HUGEPAGE);     /* a hint: plain pages without it */
#endif
	return a;
}

void bigtab_free(void *p, size_t n, size_t size)
{
	if (!p)
		return;
	if (n * size < BIG)
		free(p);
	else
		munmap(p, mapped(n * size));
}
