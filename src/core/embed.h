#ifndef QF_EMBED_H
#define QF_EMBED_H
/* Files embedded at build time by tools/embed.c (static storage). */
#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *data;   /* NUL-terminated */
	size_t len;
};

extern const struct embedded_file qf_assets[];      /* assets/ */
extern const struct embedded_file qf_migrations[];  /* src/store/migrations/ */
extern const struct embedded_file qf_data[];        /* data/ */

const struct embedded_file *embed_find(const struct embedded_file *table, const char *name);

#endif
