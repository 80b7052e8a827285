#ifndef QF_IX_MAP_H
#define QF_IX_MAP_H
/*
 * ix_map: the ids an import has seen, (type, file id) -> row id, so that
 * records refer to earlier ones without asking the database.  Open
 * addressing; memory grows with the number of ids, nothing else.  A key
 * of up to IX_MAP_INLINE bytes is kept in its slot (one cache line's
 * read a lookup); a longer one is copied into the map's own arena.  The
 * map owns what it copies: ix_map_free frees it all, the caller's keys
 * are never kept.
 */
#include <stddef.h>
#include <stdint.h>

#define IX_MAP_INLINE 27        /* 线索〔2024〕123456号 is 25 bytes */

struct ix_map;

struct ix_map *ix_map_new(void);
void ix_map_free(struct ix_map *m);
/* Room for n keys, so that the map never grows (a rehash of all it
 * holds) before it holds them: 0, or -1 out of memory (the map as it
 * was). */
int ix_map_reserve(struct ix_map *m, size_t n);
/* The row id, or 0 when not seen. */
int64_t ix_map_get(const struct ix_map *m, int type, const char *key);
/* Remembers (or replaces) an id: 0, or -1 out of memory. */
int ix_map_put(struct ix_map *m, int type, const char *key, int64_t id);
/* The same, with a key of len bytes (any bytes: an integer's own). */
int64_t ix_map_getn(const struct ix_map *m, int type, const void *key, size_t len);
int ix_map_putn(struct ix_map *m, int type, const void *key, size_t len, int64_t id);

#endif
