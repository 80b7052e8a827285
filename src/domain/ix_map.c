/*
 * ix_map.c: a hash map (FNV-1a, linear probing, grown at 3/4 load) from a
 * record type and a key of bytes (a file id, a number) to a row id.
 *
 * A slot is 48 bytes: the key's whole hash, the id, the type, the key's
 * length and up to IX_MAP_INLINE bytes of the key itself.  A lookup
 * compares the hash first and reads the key where the slot is, so it
 * costs the slot's cache miss only (at 1M records, 1.33 M file ids of
 * the form "C0123456" and 1.3 M numbers 线索〔2024〕123456号: each was a
 * strdup, a second miss a compare and a free at the end).  A longer key
 * is copied into the map's arena (its pointer and length in the slot),
 * freed with the map in one go.
 */
#include "domain/ix_map.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/bigtab.h"
#include "core/fnv.h"

#define LONG_KEY 0xFF           /* len: the key is out of the slot */

struct slot {
	uint64_t hash;
	int64_t id;
	int32_t type;
	uint8_t len;            /* 0 empty; 1 + the key's length when inline; LONG_KEY */
	char key[IX_MAP_INLINE];  /* inline; or a struct out, unaligned */
};

struct out {
	const char *p;
	size_t n;
};

_Static_assert(sizeof(struct slot) == 48, "a slot is 48 bytes");
_Static_assert(sizeof(struct out) <= IX_MAP_INLINE, "a long key's pointer fits the slot");
_Static_assert(IX_MAP_INLINE + 1 < LONG_KEY, "an inline length is not LONG_KEY");

struct ix_map {
	struct slot *v;
	size_t cap, n;          /* cap a power of two */
	struct arena *keys;     /* the long keys; NULL until one */
};

static uint64_t hash_of(int type, const void *key, size_t len)
{
	return fnv1a(FNV_OFFSET ^ (uint64_t)(uint32_t)type, key, len);
}

/* the table in huge pages once large (bigtab.h): at 1M records it is
 * 192 MB read at random, a TLB miss a lookup with 4 KiB pages */
static int allocate(struct ix_map *m, size_t cap)
{
	m->v = bigtab_new(cap, sizeof(*m->v));
	m->cap = m->v ? cap : 0;
	return m->v ? 0 : -1;
}

struct ix_map *ix_map_new(void)
{
	struct ix_map *m = calloc(1, sizeof(*m));

	if (m && allocate(m, 1024) < 0) {
		free(m);
		return NULL;
	}
	return m;
}

void ix_map_free(struct ix_map *m)
{
	if (!m)
		return;
	if (m->keys)
		arena_free(m->keys);
	bigtab_free(m->v, m->cap, sizeof(*m->v));
	free(m);
}

static int same_key(const struct slot *s, const void *key, size_t len)
{
	struct out o;

	if (s->len != LONG_KEY)
		return s->len == len + 1 && !memcmp(s->key, key, len);
	memcpy(&o, s->key, sizeof(o));
	return o.n == len && !memcmp(o.p, key, len);
}

/* The key's slot, or the empty one where it would go. */
static struct slot *find(const struct ix_map *m, uint64_t h, int type, const void *key, size_t len)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].len && (m->v[i].hash != h || m->v[i].type != type || !same_key(&m->v[i], key, len)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

/* The empty slot for h in a table of distinct keys (a rehash). */
static struct slot *empty_for(const struct ix_map *m, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].len)
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

static size_t cap_for(size_t n)
{
	size_t cap = 1024;

	while (cap / 4 * 3 < n + 1)
		cap *= 2;
	return cap;
}

/* The table at cap slots, what it holds moved (the long keys stay where
 * they are). */
static int resize(struct ix_map *m, size_t cap)
{
	struct slot *old = m->v;
	size_t oldcap = m->cap;

	if (allocate(m, cap) < 0) {
		m->v = old;
		m->cap = oldcap;
		return -1;
	}
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].len)
			*empty_for(m, old[i].hash) = old[i];
	bigtab_free(old, oldcap, sizeof(*old));
	return 0;
}

int ix_map_reserve(struct ix_map *m, size_t n)
{
	size_t cap = cap_for(n);

	return cap > m->cap ? resize(m, cap) : 0;
}

int64_t ix_map_getn(const struct ix_map *m, int type, const void *key, size_t len)
{
	struct slot *s = find(m, hash_of(type, key, len), type, key, len);

	return s->len ? s->id : 0;
}

int64_t ix_map_get(const struct ix_map *m, int type, const char *key)
{
	return ix_map_getn(m, type, key, strlen(key));
}

int ix_map_putn(struct ix_map *m, int type, const void *key, size_t len, int64_t id)
{
	uint64_t h = hash_of(type, key, len);
	struct slot *s;

	if (m->n + 1 > m->cap / 4 * 3 && resize(m, m->cap * 2) < 0)
		return -1;
	s = find(m, h, type, key, len);
	if (!s->len) {
		if (len <= IX_MAP_INLINE) {
			memcpy(s->key, key, len);
			s->len = (uint8_t)(len + 1);
		} else {
			struct out o = { NULL, len };
			char *p;
			if (!m->keys && !(m->keys = arena_new(65536)))
				return -1;
			p = arena_alloc(m->keys, len ? len : 1);
			memcpy(p, key, len);
			o.p = p;
			memcpy(s->key, &o, sizeof(o));
			s->len = LONG_KEY;
		}
		s->hash = h;
		s->type = type;
		m->n++;
	}
	s->id = id;
	return 0;
}

int ix_map_put(struct ix_map *m, int type, const char *key, int64_t id)
{
	return ix_map_putn(m, type, key, strlen(key), id);
}
