#ifndef QF_STORE_IMPL_H
#define QF_STORE_IMPL_H
/*
 * store_impl: the private side of store.h, shared by the generic layer
 * (store.c, migrate.c) and the drivers (store_sqlite.c, later store_pg.c).
 * Domain code never includes this file.
 *
 * A driver embeds `struct store` as the first member of its connection
 * type and `struct store_stmt` as the first member of its statement type,
 * and fills one `struct store_ops` table.  The generic layer owns
 * everything in the base structs: the statement cache, the transaction
 * flag, the error text and the retry state.  Drivers only read `in_tx`
 * (and may clear it when the database ended a transaction on its own).
 *
 * Ownership: ops->open returns a zeroed, malloc'd connection that
 * ops->close frees; ops->prepare returns a statement that ops->finalize
 * frees.  Every statement lives in its connection's cache and is finalized
 * by store_close(); nothing else finalizes a statement.
 *
 * Errors: a driver that returns a negative code first records a message
 * with store_seterr() (in the driver's own words, before anything that
 * could overwrite it, such as a rollback), so store_errmsg() stays
 * meaningful after cleanup.  Driver return codes are already mapped to
 * the STORE_* values.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/compat.h"
#include "core/embed.h"
#include "store/store.h"

#define STORE_ERRMAX 512
#define STORE_MACMAX 129                /* the audit chain's head MAC, hex, with its NUL */

/* The audit chain's head: the newest entry's id and MAC.  A driver that
 * can fetch it in the round trip that takes the write lock (PostgreSQL)
 * sends this text there and records the answer with store_head_set();
 * q_audit.c reads it with the same statement otherwise. */
#define STORE_AUDIT_HEAD_SQL "SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1"

/* PostgreSQL: a statement whose transaction, committed at the session's
 * synchronous_commit, waits for the WAL flush (and a synchronous standby)
 * up to its commit, which covers everything committed before it.  A
 * transactional logical message takes an xid and writes WAL, and so a
 * flushed commit record (txid_current() alone does not: a transaction
 * that wrote no WAL commits asynchronously); any role may emit one, at any
 * wal_level. */
#define STORE_PG_FLUSH_SQL "SELECT pg_logical_emit_message(true, 'qingfeng', '')"

struct store {
	const struct store_ops *ops;
	enum store_backend backend;
	int in_tx;                      /* a transaction opened by store_begin is open */
	struct store_stmt **cache;      /* open addressing, keyed by stmt->q */
	size_t cache_cap;               /* a power of two, or 0 */
	size_t cache_len;
	uint64_t rng;                   /* jitter for store_tx backoff */
	int unreachable;                /* the driver lost the database (PostgreSQL) */
	int fail;                       /* store_failure(): the class of the last failure */
	/* the audit chain's head as of the write lock of the open transaction,
	 * kept up to date by the entries it appends; valid only inside it */
	int head_valid;
	int64_t head_id;
	/* the open transaction: begun to write, marked by store_tx_nodata;
	 * the data_version table (0067): 0 not asked yet, 1 there, -1 not */
	int tx_write, tx_nodata;
	int dv_table;
	/* the rollup's tables' sqlite_stat1 rows were written by an import's
	 * refill (q_rollup_sum.c) in the open or a committed transaction:
	 * the next store_analyze leaves the tables out; a rollback clears it */
	int rollup_stats;
	/* an import switched the connection to the rollback journal
	 * (store_ix_bulk, q_interchange.c): store_ix_bulk_end switches back */
	int ix_journal;
	char head_mac[STORE_MACMAX];
	char err[STORE_ERRMAX];
};

struct store_stmt {
	struct store *s;
	const struct store_sql *q;      /* cache key */
	int dirty;                      /* bound or stepped since the last reset */
	int bind_failed;                /* a bind failed since the last reset: its code */
};

/* Records rc, when it is a failure, as the connection's last failure
 * (store_failure) and returns it.  The generic layer passes every
 * driver result through it; the fault build (tests/fault/fault.c) too. */
int store_noted(struct store *s, int rc);

struct store_ops {
	const char *name;
	enum store_backend backend;

	/* NULL with a message in err on failure. */
	struct store *(*open)(const char *uri, int create, char *err, size_t errlen);
	/* Frees the connection; the generic layer has finalized every statement
	 * and rolled back any open transaction first. */
	void (*close)(struct store *s);

	int (*begin)(struct store *s, int write);
	int (*commit)(struct store *s);     /* on failure the transaction stays open */
	int (*rollback)(struct store *s);   /* must tolerate "no transaction open" */

	/* Prepares q (the backend picks its text); NULL with store_seterr(). */
	struct store_stmt *(*prepare)(struct store *s, const struct store_sql *q);
	void (*finalize)(struct store_stmt *st);

	int (*bind_int)(struct store_stmt *st, int idx, int64_t v);
	int (*bind_text)(struct store_stmt *st, int idx, const char *v);
	/* v not copied: it stays unchanged until the statement's reset
	 * (store_bind_text_kept); NULL: bind_text */
	int (*bind_text_kept)(struct store_stmt *st, int idx, const char *v);
	int (*bind_blob)(struct store_stmt *st, int idx, const void *v, size_t len);
	int (*bind_null)(struct store_stmt *st, int idx);
	int (*step)(struct store_stmt *st);
	void (*reset)(struct store_stmt *st);   /* also clears bindings */

	int (*col_isnull)(struct store_stmt *st, int i);
	int64_t (*col_int)(struct store_stmt *st, int i);
	const char *(*col_text)(struct store_stmt *st, int i);
	const void *(*col_blob)(struct store_stmt *st, int i, size_t *len);

	int64_t (*last_id)(struct store *s);
	int64_t (*changes)(struct store *s);
	/* The backend's own text for the last failure (fallback for store_errmsg). */
	const char *(*errmsg)(struct store *s);

	int (*backup)(struct store *s, const char *dest, char *err, size_t errlen);
	/* Loads a backup made by backup into this (empty) database; NULL when
	 * the backend restores by copying files (SQLite: cmd/restore.c). */
	int (*restore)(struct store *s, const char *src, char *err, size_t errlen);
	/* Refreshes the planner's statistics (store_analyze), outside a
	 * transaction; the number of objects analyzed or a negative code.
	 * missing: only what a database that has statistics lacks them for
	 * (after migrations: a table rebuilt loses its indexes' statistics,
	 * a new index has none); nothing where the backend keeps them. */
	int (*analyze)(struct store *s, int missing);
	/* Runs a script of several statements (a migration) in the current
	 * transaction.  The PG driver maps types with store_pg_map_types(). */
	int (*exec_script)(struct store *s, const char *sql);
	/* Optional (store_exec_late): queues st's execution, with its bound
	 * values, to go out with the transaction's next statement or COMMIT.
	 * The caller resets st afterwards. */
	int (*exec_late)(struct store_stmt *st);
	/* Optional (store_bulk_amend): an UPDATE by id done in the row while
	 * it still waits in a batch: 1 done, 0 no such row, < 0 an error. */
	int (*bulk_amend)(struct store *s, const char *table, int64_t id, int n, const char *const *cols,
			  const char *const *vals, unsigned keep);
};

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;     /* store_pg.c */

/* The chain head of the open write transaction, when the driver fetched
 * it with the write lock: 1 and *id, *mac (valid until the next store call
 * that changes it), or 0.  store_head_set records it (a driver's begin) or
 * advances it (q_audit.c after an append); a mac too long drops it. */
int store_head_get(struct store *s, int64_t *id, const char **mac);
void store_head_set(struct store *s, int64_t id, const char *mac);

/* Before the commit of a write transaction that store_tx_nodata did not
 * mark: adds one to the data's version (data_version.c; on PostgreSQL sent
 * with the COMMIT).  STORE_OK or a negative code. */
int store_data_bump(struct store *s);

/* Writes a message into a caller's error buffer (err may be NULL). */
void store_errf(char *err, size_t errlen, const char *fmt, ...) QF_PRINTF(3, 4);

/* Records the message store_errmsg() returns (truncated to STORE_ERRMAX). */
void store_seterr(struct store *s, const char *fmt, ...) QF_PRINTF(2, 3);

/* Applies the migrations of `table` (same rules as store_migrate, which
 * uses qf_migrations); for tests and for tools that embed their own. */
int store_migrate_table(struct store *s, const struct embedded_file *table);

/* Rewrites portable DDL for PostgreSQL: every `INTEGER PRIMARY KEY`
 * (any case, any whitespace between the words, outside string literals,
 * quoted identifiers and comments) becomes
 * `BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY`.  Returns a
 * malloc'd string the caller frees (never NULL: allocation failure aborts). */
char *store_pg_map_types(const char *sql) QF_WUR;

#endif
