/*
 * ix_map.c: a string hash map (FNV-1a, linear probing, grown at 1/2 load)
 * from a record type and a file id to a row id.
 */
#include "domain/ix_map.h"

#include <stdlib.h>
#include <string.h>

#include "core/fnv.h"

struct slot {
	uint64_t hash;
	char *key;              /* NULL: empty */
	int64_t id;
	int type;
};

struct ix_map {
	struct slot *v;
	size_t cap, n;          /* cap a power of two */
};

static uint64_t hash_of(int type, const char *key)
{
	return fnv1a(FNV_OFFSET ^ (uint64_t)type, key, strlen(key));
}

struct ix_map *ix_map_new(void)
{
	struct ix_map *m = calloc(1, sizeof(*m));

	if (m && !(m->v = calloc(m->cap = 1024, sizeof(*m->v)))) {
		free(m);
		return NULL;
	}
	return m;
}

void ix_map_free(struct ix_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	free(m);
}

static struct slot *find(const struct ix_map *m, uint64_t h, int type, const char *key)
{
	size_t i = h & (m->cap - 1);

	while (m->v[i].key && (m->v[i].hash != h || m->v[i].type != type || strcmp(m->v[i].key, key)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

int64_t ix_map_get(const struct ix_map *m, int type, const char *key)
{
	struct slot *s = find(m, hash_of(type, key), type, key);

	return s->key ? s->id : 0;
}

static int grow(struct ix_map *m)
{
	struct slot *old = m->v;
	size_t oldcap = m->cap;

	m->v = calloc(m->cap * 2, sizeof(*m->v));
	if (!m->v) {
		m->v = old;
		return -1;
	}
	m->cap *= 2;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].hash, old[i].type, old[i].key) = old[i];
	free(old);
	return 0;
}

int ix_map_put(struct ix_map *m, int type, const char *key, int64_t id)
{
	uint64_t h = hash_of(type, key);
	struct slot *s;

	if ((m->n + 1) * 2 > m->cap && grow(m) < 0)
		return -1;
	s = find(m, h, type, key);
	if (!s->key) {
		if (!(s->key = strdup(key)))
			return -1;
		s->hash = h;
		s->type = type;
		m->n++;
	}
	s->id = id;
	return 0;
}
