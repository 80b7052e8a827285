/*
 * arena.c: per-request bump allocator (see arena.h).
 *
 * Chunks are allocated with xmalloc (out of memory stops the process,
 * xalloc.h) and linked; a request that needs more than half a
 * chunk gets a dedicated chunk of the size it asked for.  Nothing is freed
 * until arena_free() or arena_clear().  Every pointer returned is 16-byte
 * aligned (the chunk header is padded to 16 and malloc aligns to 16).
 *
 * Under AddressSanitizer the part of a chunk that is not handed out is
 * poisoned: a new chunk is poisoned whole, each allocation unpoisons its
 * bytes (the alignment padding between allocations stays poisoned), and
 * arena_clear poisons the chunk it keeps, so a read through a pointer
 * that outlived arena_clear is an ASan error (use-after-poison) rather
 * than a silent read of whatever the arena handed out next.  The chunks
 * it frees are ASan's own business (heap-use-after-free).
 */
#include "core/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define QF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)     /* clang's spelling */
#define QF_ASAN 1
#endif
#endif
#ifdef QF_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head;     /* where small allocations are made */
	struct chunk *first;    /* the chunk arena_new made, kept by arena_clear */
	size_t chunk;
};

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = xmalloc(sizeof(*c) + size);

	c->next = NULL;
	c->size = size;
	c->used = 0;
	POISON(c->data, size);
	return c;
}

/* Gives a chunk back to malloc, unpoisoned: malloc's own poisoning of
 * freed memory takes over. */
static void chunk_free(struct chunk *c)
{
	UNPOISON(c->data, c->size);
	free(c);
}

struct arena *arena_new(size_t chunk)
{
	struct arena *a = xmalloc(sizeof(*a));

	a->chunk = chunk ? chunk : 8192;
	a->head = a->first = chunk_new(a->chunk);
	return a;
}

/*
 * Keeps the chunk arena_new made, of the arena's chunk size.  (It is not
 * always the last of the list: a big one-off allocation is linked after
 * the head, so when the head is that first chunk the one-off follows it.)
 */
void arena_clear(struct arena *a)
{
	struct chunk *c = a->head;

	while (c) {
		struct chunk *next = c->next;
		if (c != a->first)
			chunk_free(c);
		c = next;
	}
	a->first->next = NULL;
	a->first->used = 0;
	POISON(a->first->data, a->first->size);
	a->head = a->first;
}

void arena_free(struct arena *a)
{
	struct chunk *c;

	if (!a)
		return;
	c = a->head;
	while (c) {
		struct chunk *next = c->next;
		chunk_free(c);
		c = next;
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct chunk *c = a->head;
	size_t off = (c->used + 15) & ~(size_t)15;

	if (n > SIZE_MAX / 2)
		abort();
	if (off + n > c->size) {
		size_t size = n > a->chunk / 2 ? n : a->chunk;
		struct chunk *nc = chunk_new(size);
		if (size == n && a->head->used < a->head->size / 2) {
			/* big one-off: keep using the current chunk after it */
			nc->next = c->next;
			c->next = nc;
			nc->used = n;
			UNPOISON(nc->data, n);
			return nc->data;
		}
		nc->next = c;
		a->head = nc;
		c = nc;
		off = 0;
	}
	c->used = off + n;
	UNPOISON(c->data + off, n);
	return c->data + off;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	n = strnlen(s, n);      /* as strndup: stop at the end of s */
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_push(struct arena *a, void *v, int *cap, int n, size_t sz)
{
	void **vp = v;

	if (n >= *cap) {
		int ncap = *cap ? 2 * *cap : 16;
		char *w = arena_zalloc(a, (size_t)ncap * sz);
		if (*vp)
			memcpy(w, *vp, (size_t)n * sz);
		*vp = w;
		*cap = ncap;
	}
	return (char *)*vp + (size_t)n * sz;
}
