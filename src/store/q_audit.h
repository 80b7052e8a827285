#ifndef QF_STORE_Q_AUDIT_H
#define QF_STORE_Q_AUDIT_H
/*
 * q_audit.h: the typed store calls of q_audit.c: the audit log.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/audit.h"
#include "store/store.h"

struct arena;

int store_audit_last(struct store *s, struct arena *a, int64_t *id, const char **mac);
int store_audit_insert(struct store *s, const struct audit_entry *e);
int store_audit_list(struct store *s, struct arena *a, const struct audit_filter *f,
		     struct audit_entry **out);
int64_t store_audit_count(struct store *s, const struct audit_filter *f);
/* Calls fn for every entry with an id above after, in id order (the
 * arena is cleared before each); stops when fn returns non-zero and
 * returns that value; 0 at the end, < 0 on error. */
int store_audit_each(struct store *s, struct arena *a, int64_t after,
		     int (*fn)(void *arg, const struct audit_entry *e), void *arg);

#endif
