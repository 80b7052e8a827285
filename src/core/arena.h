#ifndef QF_ARENA_H
#define QF_ARENA_H
/*
 * arena: bump allocator owned by one request (after h2o's mem pool).
 *
 * Everything allocated from an arena lives until arena_free(); nothing is
 * freed alone.  Allocation failure aborts.  Not thread-safe: one arena
 * belongs to one request on one thread.
 */
#include <stddef.h>
#include <stdarg.h>

#include "core/compat.h"

struct arena;

struct arena *arena_new(size_t chunk);
void arena_free(struct arena *a);
/* Frees all but the first chunk and makes the arena empty again. */
void arena_clear(struct arena *a);

void *arena_alloc(struct arena *a, size_t n);          /* 16-byte aligned */
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);    /* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) QF_PRINTF(2, 3);
/* Slot n of a growing array in the arena: v points to the array's pointer
 * (NULL at first), *cap is its capacity; when n reaches it, the elements
 * (of size sz) move to a new array of twice the capacity (16 at first)
 * and *v is updated.  New slots are zeroed; the old array stays in the
 * arena until it is freed. */
void *arena_push(struct arena *a, void *v, int *cap, int n, size_t sz);

#endif
