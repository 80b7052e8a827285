#ifndef QF_STORE_Q_IXDEFER_H
#define QF_STORE_Q_IXDEFER_H
/*
 * q_ixdefer.h: what a bulk import builds after its load instead of row by
 * row: secondary indexes and the statistics rollup's triggers
 * (q_ixdefer.c).  Conventions of store/q_*.h.
 */
#include "store/store.h"

#define STORE_IX_DEFER_MAX 160

/* The definitions of the indexes and triggers dropped, to create them
 * again. */
struct store_ix_deferred {
	int n;
	int nindex;     /* sql[0..nindex) the indexes, then the triggers */
	int made;       /* how many of sql are created again */
	char *sql[STORE_IX_DEFER_MAX];
};

/* Inside the import's transaction, the rollup switched off
 * (store_rollup_off: its triggers then do nothing): drops the deferred
 * indexes, those named in also (NULL-terminated, may be NULL: indexes
 * the caller knows the import will not read; a name the schema lacks is
 * skipped), the rollup's triggers and the catalog's case count on insert
 * (recounted by the import) and keeps their definitions in d
 * (SQLite; on PostgreSQL none, d->n 0).  0 or < 0. */
int store_ix_defer(struct store *s, struct store_ix_deferred *d, const char *const *also);
/* Drops the non-unique indexes of table (SQLite; on PostgreSQL nothing)
 * and adds their definitions to d's indexes (d holding no trigger), for
 * store_ix_restore: a load into an empty table in its key's order then
 * builds each index by one sort (the rollup's refill, q_rollup_sum.c).
 * 0 or < 0. */
int store_ix_defer_table(struct store *s, struct store_ix_deferred *d, const char *table);
/* Creates the indexes of d again, in the same transaction (the rollup's
 * refill reads through some of them).  0 or < 0. */
int store_ix_restore_indexes(struct store *s, struct store_ix_deferred *d);
/* Creates what d still holds (the triggers after the refill: the refill's
 * rows then pass no trigger's guard nor a statement journal) and empties
 * d.  0 or < 0. */
int store_ix_restore(struct store *s, struct store_ix_deferred *d);
/* Forgets d's definitions (a rolled back import: the drops are undone). */
void store_ix_deferred_free(struct store_ix_deferred *d);

#endif
