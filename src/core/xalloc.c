/*
 * xalloc.c: allocation that stops the process when memory runs out (see
 * xalloc.h).  A zero size asks for one byte, so success never means NULL.
 */
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

_Noreturn void die_oom(void)
{
	fputs("fatal: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die_oom();
	return q;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die_oom();
	return p;
}

void xalloc_tune(void)
{
#ifdef __GLIBC__
	/* either fails only for a value out of range; both are constants */
	(void)mallopt(M_TRIM_THRESHOLD, (int)XALLOC_TRIM_KEEP);
	(void)mallopt(M_MMAP_THRESHOLD, (int)XALLOC_MMAP_FROM);
#endif
}
