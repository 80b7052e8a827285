/*
 * idtab.c: the table by id (idtab.h).  A slot is the id (0: free) and the
 * value after it, in one array: a lookup reads one slot, most often one
 * cache line.  The slot of an id starts at bits 32 and up of its product
 * with 2^64 / phi (Fibonacci hashing: consecutive row ids spread over the
 * table, ids of one stride do not pile up in a slot as they would on the
 * product's low bits); linear probing from there.  At half load a miss
 * probes 2.5 slots on average, a hit 1.5, mostly in the same line.
 *
 * The import's tables by row id use it (txmemo's clues and persons, its
 * persons' snapshots and units): at 1M records 1M clues, 2M slots of 16
 * bytes in huge pages (bigtab.h), read at random a record or more.
 */
#include "core/idtab.h"

#include <string.h>

#include "core/bigtab.h"

#define FIRST_CAP 1024

static int64_t id_at(const unsigned char *slot)
{
	int64_t id;

	memcpy(&id, slot, sizeof(id));
	return id;
}

/* The slot of id, or the free one where it would go (cap > 0, a free
 * slot in the table: the load is at most a half). */
static unsigned char *find(const struct idtab *t, int64_t id)
{
	size_t i = (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15u) >> 32) & (t->cap - 1);
	int64_t at;

	while ((at = id_at(t->v + i * t->stride)) && at != id)
		i = (i + 1) & (t->cap - 1);
	return t->v + i * t->stride;
}

void idtab_init(struct idtab *t, size_t size)
{
	*t = (struct idtab)IDTAB_INIT(size);
}

void idtab_release(struct idtab *t)
{
	bigtab_free(t->v, t->cap, t->stride);
	t->v = NULL;
	t->cap = t->n = 0;
}

/* The table at cap slots, what it held moved; the table as it was when
 * the memory is refused. */
static int resize(struct idtab *t, size_t cap)
{
	struct idtab was = *t;

	if (!(t->v = bigtab_new(cap, t->stride))) {
		*t = was;
		return -1;
	}
	t->cap = cap;
	for (size_t i = 0; i < was.cap; i++) {
		const unsigned char *s = was.v + i * was.stride;
		if (id_at(s))
			memcpy(find(t, id_at(s)), s, t->stride);
	}
	bigtab_free(was.v, was.cap, was.stride);
	return 0;
}

int idtab_reserve(struct idtab *t, size_t n)
{
	size_t cap = FIRST_CAP;

	if (n > SIZE_MAX / 4)
		return -1;
	while (cap / 2 < n)
		cap *= 2;
	return cap > t->cap ? resize(t, cap) : 0;
}

void *idtab_get(const struct idtab *t, int64_t id)
{
	unsigned char *s;

	if (!t->cap || id <= 0)
		return NULL;
	s = find(t, id);
	return id_at(s) ? s + sizeof(int64_t) : NULL;
}

void *idtab_slot(struct idtab *t, int64_t id, int *fresh)
{
	unsigned char *s = NULL;

	if (id <= 0)
		return NULL;
	if (t->cap && id_at(s = find(t, id))) {
		if (fresh)
			*fresh = 0;
		return s + sizeof(int64_t);
	}
	if ((t->n + 1) * 2 > t->cap) {
		if (resize(t, t->cap ? t->cap * 2 : FIRST_CAP) < 0)
			return NULL;
		s = find(t, id);        /* its place in the grown table */
	}
	memcpy(s, &id, sizeof(id));
	t->n++;
	if (fresh)
		*fresh = 1;
	return s + sizeof(int64_t);
}

void *idtab_put(struct idtab *t, int64_t id, const void *value)
{
	void *v = idtab_slot(t, id, NULL);

	if (v && t->size)
		memcpy(v, value, t->size);
	return v;
}
