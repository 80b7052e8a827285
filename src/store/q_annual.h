#ifndef QF_STORE_Q_ANNUAL_H
#define QF_STORE_Q_ANNUAL_H
/*
 * q_annual.h: the annual report's template versions and kept renderings
 * (migration 0027).  Conventions of store/q_*.h (docs/architecture.md).
 */
#include <stdint.h>

#include "model/annual.h"
#include "store/store.h"

struct arena;

/* The newest version (version 0: the newest); 1 found, 0 none, < 0 error. */
int store_annual_version(struct store *s, struct arena *a, int64_t version, struct annual_version *v);
/* Adds a version: the next number after the newest; it or < 0. */
int64_t store_annual_put(struct store *s, const char *body, int64_t author_id, const char *author,
			 int64_t now);
/* Keeps a rendering; its id or < 0. */
int64_t store_annual_rendering_put(struct store *s, const struct annual_rendering *r, int64_t author_id);
/* 1 found, 0 not, < 0 error. */
int store_annual_rendering(struct store *s, struct arena *a, int64_t id, struct annual_rendering *r);
/* Newest first, at most limit: the count, or < 0. */
int store_annual_renderings(struct store *s, struct arena *a, int limit, struct annual_rendering **out);
/* A campaign's id by its exact name: 1 found, 0 not, < 0 error. */
int store_campaign_by_name(struct store *s, const char *name, int64_t *id);

#endif
