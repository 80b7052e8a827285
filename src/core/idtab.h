#ifndef QF_IDTAB_H
#define QF_IDTAB_H
/*
 * idtab: a hash table by a positive 64-bit id (a row id) to a value of a
 * fixed size kept in the slot (a pointer, an integer, a small struct).
 * Open addressing, linear probing, grown (doubled, every entry moved) at
 * half load; large tables in huge pages (bigtab.h).  Nothing is removed
 * one entry at a time: idtab_release empties the table.
 *
 * Keys: ids > 0.  0 marks a free slot, so an id <= 0 is never stored:
 * idtab_get finds none and idtab_slot/idtab_put refuse it (NULL, as out
 * of memory); the callers' ids are row ids, and they decide what such an
 * id means before asking.
 *
 * Ownership: the table owns its slots.  A value's address holds until
 * the next insertion of a new id (a growth moves every value) or
 * idtab_release; a value that must stay put is kept elsewhere and its
 * pointer stored.  The struct is the caller's (embedded; zeroed by
 * idtab_init or IDTAB_INIT).
 */
#include <stddef.h>
#include <stdint.h>

#include "core/compat.h"

struct idtab {
	unsigned char *v;       /* cap slots of stride bytes: the id, then the value */
	size_t cap, n;          /* cap a power of two, or 0 before the first entry */
	size_t size, stride;    /* the value's size; the slot's (8 + size rounded to 8) */
};

#define IDTAB_STRIDE(size) (sizeof(int64_t) + (((size) + 7) & ~(size_t)7))
#define IDTAB_INIT(size) { NULL, 0, 0, (size), IDTAB_STRIDE(size) }

/* An empty table of values of size bytes (aligned to 8 in the slot). */
void idtab_init(struct idtab *t, size_t size);
/* Frees the slots: the table empty, its value size kept (reusable). */
void idtab_release(struct idtab *t);
/* Room for n ids, so that the table does not grow before it holds them:
 * 0, or -1 out of memory (the table as it was). */
int idtab_reserve(struct idtab *t, size_t n) QF_WUR;
/* The value of id, or NULL when absent (or id <= 0). */
void *idtab_get(const struct idtab *t, int64_t id);
/* The value's slot of id, added zeroed when absent (*fresh 1, else 0;
 * fresh may be NULL), or NULL out of memory or id <= 0 (the table as it
 * was). */
void *idtab_slot(struct idtab *t, int64_t id, int *fresh) QF_WUR;
/* idtab_slot, the value copied in (added or replaced). */
void *idtab_put(struct idtab *t, int64_t id, const void *value) QF_WUR;

#endif
