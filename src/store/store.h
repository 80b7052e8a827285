#ifndef QF_STORE_H
#define QF_STORE_H
/*
 * store: the one database interface.  Only src/store knows which database
 * it talks to; domain code calls the typed functions declared in
 * store/q_*.h, which are written once against this driver API.
 *
 * A `struct store` is one connection, used by one thread at a time.
 * Statements are described by `struct store_sql` objects with static
 * storage; store_prepare() prepares each once per connection and caches it
 * (keyed by the object's address).  SQL text uses `?` placeholders, bound
 * 1-based; a backend may rewrite them (PostgreSQL: $1, $2 ...).  Where the
 * dialects differ a store_sql carries a second text for PostgreSQL.
 *
 * Return convention (MHD-PATTERNS.md 10): STORE_ROW (1) a row is ready,
 * STORE_OK/STORE_DONE (0) success or no more rows, STORE_BUSY (-2) a
 * soft error the caller may retry (SQLITE_BUSY, serialization failure),
 * STORE_CONSTRAINT (-3) a uniqueness/foreign-key violation, STORE_ERR (-1)
 * anything else.  store_errmsg() says what happened (for the log; never
 * shown to users as is).
 *
 * Ownership: text and blob columns point into the statement and are valid
 * until the next step/reset of that statement; copy them into the
 * request's arena to keep them.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/compat.h"

enum {
	STORE_OK = 0,
	STORE_DONE = 0,
	STORE_ROW = 1,
	STORE_ERR = -1,
	STORE_BUSY = -2,
	STORE_CONSTRAINT = -3,
};

struct store;
struct store_stmt;

struct store_sql {
	const char *sqlite;     /* SQL text; also used for PostgreSQL when pg is NULL */
	const char *pg;
};

enum store_backend { STORE_SQLITE, STORE_PG };

/* Opens the database named by uri: "postgresql://..." or "postgres://..."
 * selects PostgreSQL, anything else is a SQLite file path.  create != 0
 * allows creating a missing SQLite file.  NULL with a message in err. */
struct store *store_open(const char *uri, int create, char *err, size_t errlen);
void store_close(struct store *s);
enum store_backend store_backend(const struct store *s);
const char *store_errmsg(struct store *s);
/* Forgets the recorded error; store_last_error() then returns NULL until
 * a call fails again (the HTTP layer clears it when a request starts, so
 * that a 5xx logs its own cause and not an earlier request's). */
void store_clear_error(struct store *s);
const char *store_last_error(struct store *s);
/* The class of the last failure since store_clear_error, for the reply
 * to choose its status (domain/result.h): STORE_BUSY when the database
 * was busy (SQLITE_BUSY, a serialization or lock timeout) or unreachable
 * (a lost PostgreSQL connection that could not be re-established),
 * STORE_CONSTRAINT or STORE_ERR for anything else, STORE_OK when no
 * call failed. */
int store_failure(const struct store *s);
/* Process-wide counts, for /metrics: STORE_BUSY answers store_tx retried,
 * and the times it gave up after its retries. */
void store_busy_counts(uint64_t *retried, uint64_t *gave_up);
/* The number of transactions this process has committed: a value that
 * changes whenever this process may have changed data (a cache of derived
 * counts keyed on it, todo_count). */
uint64_t store_commits(void);

/* The data's version: a number every transaction that changed data moved
 * as it committed, through any process or server on the database (the
 * data_version table, 0067; store_commit moves it for a transaction begun
 * to write).  A value read before a page's queries and read again equal
 * means no data the page showed has changed since.  Writes outside
 * store_begin(s, 1) ... store_commit (a statement in autocommit: the
 * sessions, the login throttle) do not move it.  STORE_OK and *v, or a
 * negative code (a database without the table). */
int store_data_version(struct store *s, int64_t *v) QF_WUR;
/* Marks the open transaction as changing no data a page shows (it only
 * appends the audit entry of a read: audit_record): its commit leaves the
 * data's version and store_commits as they were, so viewing an audited
 * page keeps the kept lists and counts (the to-do badge, the dashboard).
 * A write that changes records must never call it. */
void store_tx_nodata(struct store *s);

/* A cheap round trip to the database: >= 0 when it answers. */
int store_ping(struct store *s);

/* Applies the embedded migrations not yet applied, each in its own
 * transaction.  Returns the schema version or -1. */
int store_migrate(struct store *s);
int store_schema_version(struct store *s);

/* Transactions.  begin(write=1) takes the write lock up front (SQLite
 * BEGIN IMMEDIATE) so a writer never deadlocks on upgrade. */
int store_begin(struct store *s, int write) QF_WUR;
int store_commit(struct store *s) QF_WUR;     /* on failure, still call store_rollback */
/* Rolls back the open transaction, if any, and resets every statement left
 * mid-way; safe with no transaction open (the request-completion callback
 * calls it, MHD-PATTERNS.md 2). */
void store_rollback(struct store *s);
int store_in_tx(const struct store *s);
/* Savepoints inside the open transaction (the group writer, store/groupw.h):
 * store_savepoint marks, store_savepoint_release keeps what was done since
 * the mark, store_savepoint_undo rolls back to it and releases it (a failed
 * statement's effects gone, the transaction usable again on both backends).
 * One level: a new mark after the last is released or undone.  STORE_OK or
 * a negative code; STORE_ERR without an open transaction. */
int store_savepoint(struct store *s) QF_WUR;
int store_savepoint_release(struct store *s) QF_WUR;
int store_savepoint_undo(struct store *s) QF_WUR;

/* SQLite: this connection reads without the memory map (PostgreSQL:
 * nothing).  SQLite unmaps a connection's whole map at the start of any
 * read transaction after another connection wrote (the WAL changed), so a
 * reader beside a writer that commits hundreds of times a second pays an
 * munmap (a TLB shootdown on every core) and the page faults of mapping
 * again, per request: cheaper through the page cache.  For a process that
 * reads a row or two per request and never scans (serve --public: rate13c,
 * bench/README.md).  STORE_OK or a negative code. */
int store_mmap_off(struct store *s);

/* The query planner's statistics refreshed from the data (docs/operations.md
 * "Planner statistics"): SQLite's ANALYZE one index at a time (an index-less
 * table by itself), each in its own short write transaction, so a server
 * beside it waits for one index, never for the whole database (a full
 * ANALYZE of 10M records holds the write lock for 25 s); PostgreSQL's
 * ANALYZE, which samples and blocks no reader or writer.  A planner without
 * statistics chooses differently: the SQLite planner reads without
 * sqlite_stat1 until something writes it (/statistics at 10M: 2 ms of CPU
 * with it, 7 without).  Outside a transaction; the number of indexes and
 * tables analyzed (PostgreSQL: 1), or a negative code. */
int store_analyze(struct store *s);

/* Runs fn(s, arg) inside a write transaction, retrying STORE_BUSY up to
 * a bounded number of times with backoff.  fn returns >= 0 to commit, < 0
 * to roll back; the result of fn (or the commit failure) is returned.
 * fn may run more than once (keep effects outside the database out of
 * it); STORE_ERR if a transaction is already open. */
int store_tx(struct store *s, int (*fn)(struct store *s, void *arg), void *arg);

/* The connection's statement for q, reset with no bindings; NULL (and
 * store_errmsg) on failure.  The other statement calls accept NULL and
 * fail with STORE_ERR, so store_exec(store_prepare(s, &q)) is safe. */
struct store_stmt *store_prepare(struct store *s, const struct store_sql *q);
int store_bind_int(struct store_stmt *st, int idx, int64_t v);
int store_bind_text(struct store_stmt *st, int idx, const char *v);   /* NULL binds NULL */
/* store_bind_text without a copy of v (SQLite's SQLITE_STATIC): for a
 * caller whose v stays unchanged until the statement is reset (store_exec
 * or store_reset, which clear the bindings); the refill's 126,000 text
 * binds were copied (imp16l).  The backends that copy anyway copy. */
int store_bind_text_kept(struct store_stmt *st, int idx, const char *v);
int store_bind_blob(struct store_stmt *st, int idx, const void *v, size_t len); /* NULL binds NULL */
int store_bind_null(struct store_stmt *st, int idx);
int store_step(struct store_stmt *st) QF_WUR;
void store_reset(struct store_stmt *st);   /* also clears bindings */

int store_col_isnull(struct store_stmt *st, int i);
int64_t store_col_int(struct store_stmt *st, int i);
const char *store_col_text(struct store_stmt *st, int i);   /* "" for NULL */
const void *store_col_blob(struct store_stmt *st, int i, size_t *len);   /* NULL, 0 for NULL or empty */

/* Runs a statement that returns no rows (after binds), then resets it.
 * STORE_OK or a negative code; store_changes() gives the row count. */
int store_exec(struct store_stmt *st) QF_WUR;
/* store_exec for a statement whose result nothing in the transaction
 * reads (the audit entry): inside a write transaction on PostgreSQL it is
 * sent with the next statement or with COMMIT in one round trip, and its
 * failure is that statement's or the commit's failure.  Elsewhere it is
 * store_exec.  The statement is reset either way. */
int store_exec_late(struct store_stmt *st) QF_WUR;
/* For an `UPDATE table SET cols = vals WHERE id = id` of a row the import
 * itself inserted: PostgreSQL's bulk mode (store_ix_bulk) may still hold
 * the row in its table's batch (store_pg_batch.c), and then sets the
 * columns cols[0..n) to vals (NULL for NULL; those of bit k in keep only
 * where the row has NULL) in the row itself.  1 done; 0 not (no such row
 * waiting, SQLite, a connection outside the bulk mode): the caller runs
 * its UPDATE; a negative code on error. */
int store_bulk_amend(struct store *s, const char *table, int64_t id, int n, const char *const *cols,
		     const char *const *vals, unsigned keep) QF_WUR;
/* Waits until every transaction this connection can see is durable.  On
 * PostgreSQL a write transaction is visible from its COMMIT but durable
 * only after the flush its answer waits for (store_pg.c write_commit), so
 * a reader that records what it saw outside the database (the audit
 * checkpoint) calls this first: it commits a transaction of its own at
 * the session's synchronous_commit (STORE_PG_FLUSH_SQL), whose flush
 * covers all WAL before it.
 * On SQLite every commit is synchronous: nothing to wait for.  Outside a
 * transaction only. */
int store_durable(struct store *s) QF_WUR;
/* The rowid / id of the last insert (PostgreSQL: use RETURNING instead). */
int64_t store_last_id(struct store *s);
/* Rows changed by the last statement. */
int64_t store_changes(struct store *s);

/* Online backup to a new SQLite file (consistent while serving).  For
 * PostgreSQL it fails and says which pg_dump command to run. */
int store_backup(struct store *s, const char *dest, char *err, size_t errlen);
/* Loads a backup of the backend's own kind into this database, which must
 * hold no schema yet (PostgreSQL: pg_restore of the custom-format dump,
 * all or nothing).  SQLite has no restore here: a SQLite backup is a
 * database file, copied into place by `qingfeng restore`. */
int store_restore(struct store *s, const char *src, char *err, size_t errlen);

#endif
