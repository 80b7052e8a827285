#ifndef QF_STORE_Q_IXINDEX_H
#define QF_STORE_Q_IXINDEX_H
/*
 * q_ixindex.h: the secondary indexes a bulk import builds after its load
 * instead of row by row (q_ixindex.c).  Conventions of store/q_*.h.
 */
#include "store/store.h"

#define STORE_IX_DEFER_MAX 48

/* The definitions of the indexes dropped, to build them again. */
struct store_ix_deferred {
	int n;
	char *sql[STORE_IX_DEFER_MAX];
};

/* Inside the import's transaction: drops the deferred indexes that exist
 * and keeps their definitions in d (SQLite; on PostgreSQL none, d->n 0).
 * 0 or < 0. */
int store_ix_indexes_off(struct store *s, struct store_ix_deferred *d);
/* Builds the indexes of d again, in the same transaction, and empties d.
 * 0 or < 0. */
int store_ix_indexes_on(struct store *s, struct store_ix_deferred *d);
/* Forgets d's definitions (a rolled back import: the drops are undone). */
void store_ix_deferred_free(struct store_ix_deferred *d);

#endif
