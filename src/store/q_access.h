#ifndef QF_STORE_Q_ACCESS_H
#define QF_STORE_Q_ACCESS_H
/*
 * q_access.h: the typed store calls of q_access.c: cases: need-to-know.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "store/store.h"

struct arena;

int store_case_exists(struct store *s, int64_t case_id);
int store_case_team_has(struct store *s, int64_t case_id, int64_t user_id);

#endif
