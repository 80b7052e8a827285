#ifndef QF_STORE_PG_IMPL_H
#define QF_STORE_PG_IMPL_H
/*
 * store_pg_impl.h: what the PostgreSQL driver's files share (store_pg.c,
 * the driver; store_pg_bulk.c, its bulk mode for `qingfeng import`).
 * Private to src/store.
 */
#include <stdint.h>

#include <libpq-fe.h>

#include "store/store_impl.h"

/* The advisory lock every write transaction holds: 0x71666e67, "qfng". */
#define PG_WRITE_LOCK_KEY "1902538343"

struct pg_bulk;                 /* store_pg_bulk.c */
struct pgb_cres;
struct pgb_class;

struct pg_store {
	struct store base;
	PGconn *conn;
	unsigned gen;           /* bumped at each reconnect: statements re-prepare */
	unsigned next_name;
	int64_t changes;
	int lost;               /* the server said it is ending this connection */
	struct pg_bulk *bulk;   /* bulk mode (store_pg_bulk_on), NULL off */
	int has_audit;          /* audit_log exists: a write begin fetches its head */
	int write_tx;           /* the open transaction is a write one */
	unsigned begin_gen;     /* gen + 1 once LOCK_STMT (and HEAD_STMT) are prepared */
	/* the execution store_exec_late queued (late_vals != NULL): it goes
	 * out with the next statement of the transaction or with COMMIT */
	char late_name[24];
	int late_n;
	char **late_vals;
};

struct pg_stmt {
	struct store_stmt base;
	char name[24];
	char *sql;              /* the text with $n placeholders */
	int nparams;
	unsigned gen;           /* connection generation it was prepared on */
	char **vals;            /* malloc'd parameter texts, NULL for NULL */
	PGresult *res;
	int nrows, row;         /* row: the current row after a STORE_ROW */
	unsigned char *blob;    /* last decoded bytea column */
	int executed;           /* bulk mode: sent (its result may come later) */
	struct pgb_cres *cres;  /* bulk mode: res belongs to the read cache */
	struct pgb_class *cls;  /* bulk mode: what the statement does */
};

/* store_pg.c, for store_pg_bulk.c */
int pg_fail(struct store *s, PGresult *res, const char *what);
int pg_prepare_stmt(struct pg_stmt *st);

/* store_pg_bulk.c, for store_pg.c.  Each is a no-op (STORE_OK) when the
 * connection is not in bulk mode. */
/* Runs st inside the bulk transaction: st->res (or nothing, for a write
 * whose result comes later) and st->nrows set.  STORE_OK or a code. */
int pgb_exec(struct store *s, struct pg_stmt *st);
/* Waits for every statement sent, leaves pipeline mode (before a command
 * of the synchronous API) and forgets the read cache: the first failure
 * of a statement sent, or STORE_OK. */
int pgb_quiesce(struct store *s);
/* Waits for every statement sent (store_changes): STORE_OK or the first
 * failure. */
int pgb_sync(struct store *s);
/* After a ROLLBACK outside pipeline mode: sequences back (pgb_restore). */
void pgb_restore(struct store *s);
/* The transaction ended: drops its cache, reservations and failure. */
void pgb_end(struct store *s);
/* st's cached result given back; its bulk state freed (finalize). */
void pgb_release(struct pg_stmt *st);
void pgb_stmt_free(struct pg_stmt *st);
void pgb_free(struct store *s);

/* For q_interchange.c (store_ix_bulk, store_ix_line, store_ix_flush). */
int store_pg_bulk_on(struct store *s);
void store_pg_bulk_off(struct store *s);
void store_pg_bulk_line(struct store *s, int64_t line);
int store_pg_bulk_flush(struct store *s, int64_t *line);
/* After a failed import transaction: 1 when what failed was a batch of
 * rows of several lines (store_pg_bulk_flush's line -1), and the bulk
 * mode then sends one statement a row, for the import to run again and
 * name the line; 0 otherwise. */
int store_pg_bulk_exact(struct store *s);
/* store_pg_ops.bulk_amend (store_bulk_amend, store.h; store_pg_batch.c). */
int store_pg_bulk_amend(struct store *s, const char *table, int64_t id, int n, const char *const *cols,
			const char *const *vals, unsigned keep);

#endif
