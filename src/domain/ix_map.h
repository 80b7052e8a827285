#ifndef QF_IX_MAP_H
#define QF_IX_MAP_H
/*
 * ix_map: the ids an import has seen, (type, file id) -> row id, so that
 * records refer to earlier ones without asking the database.  Open
 * addressing; memory grows with the number of ids, nothing else.
 */
#include <stdint.h>

struct ix_map;

struct ix_map *ix_map_new(void);
void ix_map_free(struct ix_map *m);
/* The row id, or 0 when not seen. */
int64_t ix_map_get(const struct ix_map *m, int type, const char *key);
/* Remembers (or replaces) an id: 0, or -1 out of memory. */
int ix_map_put(struct ix_map *m, int type, const char *key, int64_t id);

#endif
