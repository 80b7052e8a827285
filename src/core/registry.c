/*
 * registry.c: the one function of the linker-section registry
 * (registry.h) that is not a macro: a set's entries, sorted, for the
 * walks that need an order (the link order is not one).
 */
#include "core/registry.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

void *qf_registry_sorted(struct arena *a, const void *start, const void *stop,
			 int (*cmp)(const void *, const void *), int *n)
{
	size_t bytes = start && stop ? (size_t)((const char *)stop - (const char *)start) : 0;
	void *v = arena_alloc(a, bytes ? bytes : sizeof(void *));

	*n = (int)(bytes / sizeof(void *));
	if (bytes)
		memcpy(v, start, bytes);
	if (*n > 1)
		qsort(v, (size_t)*n, sizeof(void *), cmp);
	return v;
}
