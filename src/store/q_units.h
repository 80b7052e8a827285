#ifndef QF_STORE_Q_UNITS_H
#define QF_STORE_Q_UNITS_H
/*
 * q_units.h: the typed store calls of q_units.c: units and their visibility.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/unit.h"
#include "store/store.h"

struct arena;

int store_unit_get(struct store *s, struct arena *a, int64_t id, struct unit *u);
int64_t store_unit_insert(struct store *s, const struct unit *u, int64_t now);
int store_unit_update(struct store *s, const struct unit *u, int64_t now);
int store_unit_list(struct store *s, struct arena *a, const struct unit_filter *f, struct unit **out);
int64_t store_unit_count(struct store *s, const struct unit_filter *f);
/* id, name and (visible) parent name of the units visible to scope_user,
 * by name, fewer than limit: the choices of a unit field.  When limit or
 * more are visible: limit, and no rows (*out NULL). */
int store_unit_options(struct store *s, struct arena *a, int64_t scope_user, int limit,
		       struct unit **out);
/* 1 when unit_id is in the scope of scope_user (or scope_user is 0) */
int store_unit_visible(struct store *s, int64_t scope_user, int64_t unit_id);
/* 1 when `ancestor` is `id` or one of its ancestors */
int store_unit_is_ancestor(struct store *s, int64_t ancestor, int64_t id);
int store_unit_sibling_exists(struct store *s, const char *region, int64_t parent_id,
			      const char *name, int64_t except_id);

#endif
