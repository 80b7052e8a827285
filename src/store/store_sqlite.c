/*
 * store_sqlite.c: the SQLite driver behind store.h (see store_impl.h for
 * the driver contract).
 *
 * One connection per thread (SQLITE_OPEN_NOMUTEX), opened in WAL mode with
 * synchronous=FULL, foreign keys on and a 5 s busy timeout: an
 * acknowledged commit survives a crash or power loss, readers never block
 * the writer, and a database that cannot run in WAL is refused rather
 * than silently served in another mode.
 *
 * The connection is also made strict, to keep the SQL portable and the
 * file safe: double-quoted string literals are errors (PostgreSQL reads
 * "x" as a name) and defensive mode forbids writable_schema and direct
 * writes to FTS shadow tables.  trusted_schema stays on: SQLite 3.40
 * refuses FTS5 content-sync triggers without it.
 *
 * Return codes are mapped once, here: SQLITE_BUSY and SQLITE_LOCKED ->
 * STORE_BUSY, any SQLITE_CONSTRAINT_* -> STORE_CONSTRAINT, every other
 * failure -> STORE_ERR, always with the message recorded first.
 */
#include "store/store_impl.h"
#include "core/log.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <time.h>

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define SQ_BACKUP_TRIES 100             /* x SQ_BACKUP_SLEEP_MS */
#define SQ_BACKUP_SLEEP_MS 50

enum { TX_BEGIN, TX_BEGIN_IMMEDIATE, TX_COMMIT, TX_ROLLBACK, TX_N };

static const char *const tx_sql[TX_N] = {
	"BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK",
};

struct sq_store {
	struct store base;
	sqlite3 *db;
	sqlite3_stmt *tx[TX_N];         /* prepared on first use */
	int64_t busy_since;             /* CLOCK_MONOTONIC µs of the first busy retry */
};

/*
 * Waiting for the write lock.  SQLite's own busy_timeout handler sleeps in
 * growing steps (up to 100 ms at a time), so under a stream of short
 * writes a waiter keeps missing its turn (seconds of p99 with 8 audited
 * reads at once).  This one retries every 0.1-0.5 ms for the same 5 s.
 * A `PRAGMA busy_timeout` run later replaces it, as SQLite documents.
 */
#define SQ_BUSY_MS 5000

static int sq_busy(void *arg, int count)
{
	struct sq_store *q = arg;
	struct timespec ts;
	int64_t now;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	if (count == 0)
		q->busy_since = now;
	if (now - q->busy_since >= (int64_t)SQ_BUSY_MS * 1000)
		return 0;
	ts.tv_sec = 0;
	ts.tv_nsec = count < 20 ? 100000 : 500000;
	nanosleep(&ts, NULL);
	return 1;
}

struct sq_stmt {
	struct store_stmt base;
	sqlite3_stmt *st;
};

static struct sq_store *SQ(struct store *s)
{
	return (struct sq_store *)s;
}

static sqlite3_stmt *ST(struct store_stmt *st)
{
	return ((struct sq_stmt *)st)->st;
}

static int map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
		return STORE_OK;
	case SQLITE_ROW:
		return STORE_ROW;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_BUSY;
	case SQLITE_CONSTRAINT:
		return STORE_CONSTRAINT;
	default:
		return STORE_ERR;
	}
}

/* Records the connection's message for a failed call, notices when SQLite
 * ended the transaction by itself (it rolls back on SQLITE_FULL, IOERR,
 * NOMEM and the like), and returns the mapped code. */
static int fail(struct sq_store *q, int rc)
{
	store_seterr(&q->base, "%s", sqlite3_errmsg(q->db));
	if (q->base.in_tx && sqlite3_get_autocommit(q->db))
		q->base.in_tx = 0;
	return map_rc(rc);
}

/* Runs a pragma (or any one statement) and copies the first column of
 * its first row into out ("" when there is none).  0 or -1 with err set. */
static int pragma(sqlite3 *db, const char *sql, char *out, size_t outlen,
		  char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc;

	out[0] = '\0';
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			snprintf(out, outlen, "%s", t ? (const char *)t : "");
			rc = SQLITE_DONE;
		}
	}
	if (rc != SQLITE_DONE) {
		store_errf(err, errlen, "'%s' failed: %s", sql, sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Checks that a pragma reads back as expected after being set. */
static int pragma_expect(sqlite3 *db, const char *set, const char *get,
			 const char *want, const char *path, char *err, size_t errlen)
{
	char got[32];

	if (pragma(db, set, got, sizeof(got), err, errlen) ||
	    pragma(db, get, got, sizeof(got), err, errlen))
		return -1;
	if (strcasecmp(got, want)) {
		store_errf(err, errlen, "database '%s': %s did not take effect (got '%s')", path, set, got);
		return -1;
	}
	return 0;
}

/* Process-wide SQLite settings, before the library initialises: no
 * memory statistics (a global mutex on every allocation under load). */
/* QF_SLOW_SQL_MS=N (a diagnostic, docs/operations.md): every statement
 * that ran N ms or longer is logged at warn with its time and its text as
 * written (the ? placeholders, never the bound values, which may be
 * secrets).  Read once, in sq_configure; 0: off. */
static long long slow_sql_ns;

static int sq_slow(unsigned kind, void *ctx, void *p, void *x)
{
	long long ns = *(long long *)x;

	(void)ctx;
	if (kind == SQLITE_TRACE_PROFILE && ns >= slow_sql_ns)
		log_warn("slow statement: %.1f ms: %.400s", (double)ns / 1e6, sqlite3_sql(p));
	return 0;
}

static void sq_configure(void)
{
	const char *v = getenv("QF_SLOW_SQL_MS");
	long ms = v ? strtol(v, NULL, 10) : 0;

	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* A write that fires triggers inside a transaction opens a statement
	 * journal (the pages it changes, to undo that statement alone).
	 * SQLite keeps it in memory up to 64 KiB, then spills it to a
	 * temporary file: a rating's insert with the rollup's triggers (about
	 * twenty pages) wrote that file for every rating, half the server's
	 * CPU in pwrite(2) (bench/README.md, "The statement journal").  -1:
	 * always in memory, in small chunks, as the import's temp_store =
	 * MEMORY already had it; a bulk statement inside a transaction (a
	 * migration's backfill, stats rebuild) holds the pages it changes in
	 * memory until it ends.  Not a larger spill size: SQLite allocates the
	 * journal in chunks of that size, and with 256 KiB to 1 MiB the spill
	 * itself failed (stats rebuild: SQLITE_FULL, SQLite 3.40.1). */
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	slow_sql_ns = ms > 0 ? ms * 1000000LL : 0;
}

static struct store *sq_open(const char *uri, int create, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	struct sq_store *q;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	int rc;

	if (!sqlite3_threadsafe()) {
		store_errf(err, errlen, "this SQLite library was built without thread support");
		return NULL;
	}
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	q = xcalloc(1, sizeof(*q));
	pthread_once(&once, sq_configure);
	rc = sqlite3_open_v2(uri, &q->db, flags, NULL);
	if (rc != SQLITE_OK) {
		store_errf(err, errlen, "cannot open database '%s': %s", uri,
		     q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	/* The query planner stability guarantee (issue 16): a plan never
	 * depends on the values bound.  Without it a statement whose WHERE
	 * holds a LIKE ? (every list's search) or, once ANALYZE has written
	 * sqlite_stat4, a range on an indexed column is marked expired on
	 * every bind and parsed and planned again on its next step: the clue
	 * registry spent 41 % of its instructions in sqlite3Reprepare.  The
	 * lists pick a statement per filter (q_clues.c's variants) instead;
	 * sqlite_stat1's estimates still count. */
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)NULL);

	/* busy_timeout (5 s) first: switching to WAL needs a lock that another
	 * process opening the same file may hold for a moment. */
	if (pragma_expect(q->db, "PRAGMA busy_timeout = 5000", "PRAGMA busy_timeout",
			  "5000", uri, err, errlen) ||
	    pragma_expect(q->db, "PRAGMA journal_mode = WAL", "PRAGMA journal_mode",
			  "wal", uri, err, errlen) ||
	    pragma_expect(q->db, "PRAGMA synchronous = FULL", "PRAGMA synchronous",
			  "2", uri, err, errlen) ||
	    pragma_expect(q->db, "PRAGMA foreign_keys = ON", "PRAGMA foreign_keys",
			  "1", uri, err, errlen) ||
	    /* a page cache of 32 MiB per connection instead of SQLite's
	     * 2 MiB: at national scale (bench/README.md, statistics) most of
	     * a page view's time went to copying pages in from the OS */
	    pragma_expect(q->db, "PRAGMA cache_size = -32768", "PRAGMA cache_size",
			  "-32768", uri, err, errlen))
		goto fail;
	/* reads through a memory map of up to 2 GiB (SQLite's default
	 * compile-time maximum, which caps the value without an error: so not
	 * an expectation): a page read is a memory access, not a pread copied
	 * into the page cache.  Writes still go through write(2) (SQLite maps
	 * read-only), so a stray pointer cannot write the file; an I/O error
	 * under the map is a SIGBUS instead of an error code.  At national
	 * scale (bench/README.md, statistics) a scan took a third less CPU. */
	{
		char got[32];

		if (pragma(q->db, "PRAGMA mmap_size = 2147418112", got, sizeof(got), err, errlen))
			goto fail;
	}
	if (slow_sql_ns > 0)
		sqlite3_trace_v2(q->db, SQLITE_TRACE_PROFILE, sq_slow, NULL);
	sqlite3_busy_handler(q->db, sq_busy, q);
	/* ROLLBACK prepared now: a rollback runs when things go wrong (out of
	 * memory, say), the worst moment to need memory to prepare it */
	if (sqlite3_prepare_v3(q->db, tx_sql[TX_ROLLBACK], -1, SQLITE_PREPARE_PERSISTENT,
			       &q->tx[TX_ROLLBACK], NULL) != SQLITE_OK) {
		store_errf(err, errlen, "database '%s': %s", uri, sqlite3_errmsg(q->db));
		goto fail;
	}
	return &q->base;
fail:
	sqlite3_close_v2(q->db);
	free(q);
	return NULL;
}

static void sq_close(struct store *s)
{
	struct sq_store *q = SQ(s);
	int i;

	for (i = 0; i < TX_N; i++)
		sqlite3_finalize(q->tx[i]);
	sqlite3_close_v2(q->db);
	free(q);
}

/* Runs one of the transaction statements, prepared once per connection. */
static int tx_run(struct sq_store *q, int which)
{
	int rc;

	if (!q->tx[which]) {
		rc = sqlite3_prepare_v3(q->db, tx_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
					&q->tx[which], NULL);
		if (rc != SQLITE_OK)
			return fail(q, rc);
	}
	rc = sqlite3_step(q->tx[which]);
	sqlite3_reset(q->tx[which]);
	if (rc != SQLITE_DONE)
		return fail(q, rc);
	return STORE_OK;
}

static int sq_rollback(struct store *s);

/* A rollback that failed (out of memory, an I/O error) leaves SQLite's
 * transaction open while the store believes none is: it is ended here, or
 * every later BEGIN would fail and the connection stay unusable (found by
 * the persistent fault sweep, tests/fault/). */
static int sq_begin(struct store *s, int write)
{
	struct sq_store *q = SQ(s);
	int rc;

	if (!sqlite3_get_autocommit(q->db) && (rc = sq_rollback(s)) != STORE_OK) {
		store_seterr(s, "cannot end a transaction left open: %s", sqlite3_errmsg(q->db));
		return rc;
	}
	return tx_run(q, write ? TX_BEGIN_IMMEDIATE : TX_BEGIN);
}

static int sq_commit(struct store *s)
{
	return tx_run(SQ(s), TX_COMMIT);
}

/* Never records an error: a rollback runs on failure paths, and the
 * failure that caused it is the message worth keeping.  "No transaction
 * is active" (SQLite already rolled back) is not a failure here. */
static int sq_rollback(struct store *s)
{
	struct sq_store *q = SQ(s);
	int rc;

	if (sqlite3_get_autocommit(q->db))
		return STORE_OK;
	if (!q->tx[TX_ROLLBACK] &&
	    sqlite3_prepare_v3(q->db, tx_sql[TX_ROLLBACK], -1, SQLITE_PREPARE_PERSISTENT,
			       &q->tx[TX_ROLLBACK], NULL) != SQLITE_OK)
		return STORE_ERR;
	rc = sqlite3_step(q->tx[TX_ROLLBACK]);
	sqlite3_reset(q->tx[TX_ROLLBACK]);
	return rc == SQLITE_DONE ? STORE_OK : map_rc(rc);
}

static int only_blanks(const char *p)
{
	for (; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != ';')
			return 0;
	return 1;
}

static struct store_stmt *sq_prepare(struct store *s, const struct store_sql *sql)
{
	struct sq_store *q = SQ(s);
	struct sq_stmt *st;
	sqlite3_stmt *raw = NULL;
	const char *tail = NULL;
	int rc;

	if (!sql->sqlite) {
		store_seterr(s, "statement has no SQLite text: '%.60s'", sql->pg);
		return NULL;
	}
	rc = sqlite3_prepare_v3(q->db, sql->sqlite, -1, SQLITE_PREPARE_PERSISTENT, &raw, &tail);
	if (rc != SQLITE_OK) {
		store_seterr(s, "%s in '%.200s'", sqlite3_errmsg(q->db), sql->sqlite);
		return NULL;
	}
	if (!raw) {
		store_seterr(s, "empty statement");
		return NULL;
	}
	if (tail && !only_blanks(tail)) {
		sqlite3_finalize(raw);
		store_seterr(s, "more than one statement in '%.200s'", sql->sqlite);
		return NULL;
	}
	st = xcalloc(1, sizeof(*st));
	st->st = raw;
	return &st->base;
}

static void sq_finalize(struct store_stmt *st)
{
	sqlite3_finalize(ST(st));
	free(st);
}

static int bound(struct store_stmt *st, int rc)
{
	return rc == SQLITE_OK ? STORE_OK : fail(SQ(st->s), rc);
}

static int sq_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	return bound(st, sqlite3_bind_int64(ST(st), idx, v));
}

static int sq_bind_text(struct store_stmt *st, int idx, const char *v)
{
	if (!v)
		return bound(st, sqlite3_bind_null(ST(st), idx));
	return bound(st, sqlite3_bind_text(ST(st), idx, v, -1, SQLITE_TRANSIENT));
}

/* v read in place by the steps until sq_reset clears the bindings */
static int sq_bind_text_kept(struct store_stmt *st, int idx, const char *v)
{
	if (!v)
		return bound(st, sqlite3_bind_null(ST(st), idx));
	return bound(st, sqlite3_bind_text(ST(st), idx, v, -1, SQLITE_STATIC));
}

static int sq_bind_blob(struct store_stmt *st, int idx, const void *v, size_t len)
{
	if (!v)
		return bound(st, sqlite3_bind_null(ST(st), idx));
	return bound(st, sqlite3_bind_blob64(ST(st), idx, v, len, SQLITE_TRANSIENT));
}

static int sq_bind_null(struct store_stmt *st, int idx)
{
	return bound(st, sqlite3_bind_null(ST(st), idx));
}

static int sq_step(struct store_stmt *st)
{
	int rc = sqlite3_step(ST(st));

	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_DONE;
	return fail(SQ(st->s), rc);
}

static void sq_reset(struct store_stmt *st)
{
	sqlite3_reset(ST(st));
	sqlite3_clear_bindings(ST(st));
}

static int sq_col_isnull(struct store_stmt *st, int i)
{
	return sqlite3_column_type(ST(st), i) == SQLITE_NULL;
}

static int64_t sq_col_int(struct store_stmt *st, int i)
{
	return sqlite3_column_int64(ST(st), i);
}

static const char *sq_col_text(struct store_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(ST(st), i);

	return t ? (const char *)t : "";
}

/* NULL and len 0 for SQL NULL and for an empty blob alike. */
static const void *sq_col_blob(struct store_stmt *st, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(ST(st), i);
	int n = sqlite3_column_bytes(ST(st), i);

	*len = n > 0 ? (size_t)n : 0;
	return p;
}

static int64_t sq_last_id(struct store *s)
{
	return sqlite3_last_insert_rowid(SQ(s)->db);
}

static int64_t sq_changes(struct store *s)
{
	return sqlite3_changes64(SQ(s)->db);
}

static const char *sq_errmsg(struct store *s)
{
	return sqlite3_errmsg(SQ(s)->db);
}

static int sq_exec_script(struct store *s, const char *sql)
{
	struct sq_store *q = SQ(s);
	char *msg = NULL;
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, &msg);

	if (rc == SQLITE_OK)
		return STORE_OK;
	store_seterr(s, "%s", msg ? msg : sqlite3_errmsg(q->db));
	sqlite3_free(msg);
	if (s->in_tx && sqlite3_get_autocommit(q->db))
		s->in_tx = 0;
	return map_rc(rc);
}

/* the WITHOUT ROWID tables (0106: the rollup's tables): a primary key
 * that is no index of sqlite_master, which ANALYZE of its table is what
 * reaches (its sqlite_stat1 row names the table as its idx).  A list read
 * once (correlated with each index it cost an import's ANALYZE as much
 * again); found by that key rather than pragma_table_list's `wr`, which
 * resolves every view's columns (15 M instructions an analysis) */
#define SQ_WITHOUT_ROWID "(SELECT t.name FROM sqlite_master t, pragma_index_list(t.name) k " \
	"WHERE t.type = 'table' AND k.origin = 'pk' " \
	"AND k.name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index'))"
/* every index of a rowid table, and each table without an index or
 * without rowid, by name; the schema's own (sqlite_%) left out.  The
 * tables with an index as one list (a NOT EXISTS correlated with each
 * table read sqlite_master a table: 12 M of an import's 21 M here, imp16l) */
#define SQ_ANALYZE_NAMES "SELECT name FROM sqlite_master WHERE type = 'index' " \
	"AND tbl_name NOT IN " SQ_WITHOUT_ROWID " UNION ALL " \
	"SELECT name FROM sqlite_master t WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
	"AND (name NOT IN (SELECT tbl_name FROM sqlite_master WHERE type = 'index') " \
	"OR name IN " SQ_WITHOUT_ROWID ") " \
	"AND NOT (?1 AND name IN ('metric_days', 'metric_months', 'metric_years')) ORDER BY 1"

/* the tables but the rollup's three, by name: a small file's analysis
 * after an import's refill wrote those three's statistics (one ANALYZE a
 * table and its indexes, in one transaction: each statement reloads every
 * sqlite_stat1 row, 36 M of an 8,810-record import's analysis by index) */
#define SQ_ANALYZE_TABLES "SELECT name FROM sqlite_master WHERE type = 'table' " \
	"AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
	"AND name NOT IN ('metric_days', 'metric_months', 'metric_years') ORDER BY 1"

/* below this size one ANALYZE of the whole file, one transaction (a
 * commit for each of 200 indexes is a second of fsyncs); from it, one an
 * index */
#define SQ_ANALYZE_ONE_TX (64 << 20)

/* the file's size in bytes, or -1 */
static int64_t sq_file_bytes(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* whether the database was ever analyzed (sqlite_stat1 exists) */
static int sq_has_stat1(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = 1;
	sqlite3_finalize(st);
	return v;
}

/* the indexes without statistics in a database that has them (missing):
 * a migration that rebuilds a table (0098, 0103: SQLite cannot alter a
 * CHECK) drops its indexes' sqlite_stat1 rows with them, and a 10M
 * database then plans its largest tables blind (the leader's first / 17 s
 * after 0103, session 34); an index on an empty table has no row either,
 * and costs nothing to analyze */
#define SQ_ANALYZE_MISSING "SELECT name FROM sqlite_master WHERE type = 'index' " \
	"AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL) UNION ALL " \
	"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN " SQ_WITHOUT_ROWID " " \
	"AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL) ORDER BY 1"

/* ANALYZE of each name in its own statement (an autocommit write
 * transaction each: store_analyze), or of all at once in a small file;
 * the names read first, since ANALYZE changes the schema the read walks.
 * The rollup's three tables (WITHOUT ROWID: their indexes are analyzed
 * with them, by the table's name) are left out when an import's refill
 * wrote their statistics (struct store's rollup_stats; ?1 of
 * SQ_ANALYZE_NAMES), a small file's other tables then one a statement
 * (SQ_ANALYZE_TABLES). */
static int sq_analyze(struct store *s, int missing)
{
	struct sq_store *q = SQ(s);
	sqlite3_stmt *st = NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int64_t bytes = sq_file_bytes(q->db);
	int rc, out, small;

	if (missing && !sq_has_stat1(q->db))
		return 0;       /* never analyzed: store_analyze's to do, not ours */
	small = bytes >= 0 && bytes < SQ_ANALYZE_ONE_TX;
	rc = sqlite3_prepare_v2(q->db, missing ? SQ_ANALYZE_MISSING : small && s->rollup_stats ? SQ_ANALYZE_TABLES
				: SQ_ANALYZE_NAMES, -1, &st, NULL);
	if (rc == SQLITE_OK && !missing && !(small && s->rollup_stats))
		rc = sqlite3_bind_int(st, 1, s->rollup_stats);

	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			names = xrealloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*names));
		names[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc == SQLITE_OK && missing && !n) {
		free(names);
		return 0;       /* nothing lacks them: no cookie to move */
	}
	if (rc == SQLITE_OK && !missing && !s->rollup_stats && small) {
		rc = sqlite3_exec(q->db, "ANALYZE", NULL, NULL, NULL);
	} else {
		/* a small file's missing ones in one transaction (a commit each
		 * would be an fsync each, for the indexes of empty tables too) */
		int one_tx = rc == SQLITE_OK && small, lazy = 0;

		if (one_tx)
			rc = sqlite3_exec(q->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		/* a large file's one transaction a name: their commits without
		 * an fsync each (sqidx17: 76 fsyncs, 0.5 s of wall at load 12,
		 * in the 1M scale file's analysis); the reload's commit below,
		 * FULL again, syncs the WAL with every frame they appended
		 * before it (a crash before it loses statistics only, never a
		 * committed row) */
		else if (rc == SQLITE_OK && n > 1)
			lazy = sqlite3_exec(q->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) == SQLITE_OK;
		for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
			char *sql = sqlite3_mprintf("ANALYZE \"%w\"", names[i]);

			rc = sql ? sqlite3_exec(q->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
			sqlite3_free(sql);
		}
		if (one_tx && rc == SQLITE_OK)
			rc = sqlite3_exec(q->db, "COMMIT", NULL, NULL, NULL);
		if (lazy) {
			int back = sqlite3_exec(q->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);

			if (rc == SQLITE_OK)
				rc = back;
		}
	}
	/* ANALYZE rewrites sqlite_stat1 without moving the schema's cookie, so
	 * every other connection (a server's) would keep planning with the
	 * statistics it read when it read the schema; a table made and dropped
	 * moves the cookie, and each connection reads the schema, with the new
	 * statistics, at its next statement */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(q->db, "BEGIN IMMEDIATE; CREATE TABLE qf_stats_reload (x); "
				  "DROP TABLE qf_stats_reload; COMMIT", NULL, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc == SQLITE_OK)
		return (int)n;
	store_seterr(s, "analyze: %s", sqlite3_errmsg(q->db));
	if (!sqlite3_get_autocommit(q->db))
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	out = map_rc(rc);
	return out < 0 ? out : STORE_ERR;
}

/* fsyncs path (a file or a directory); 0 or -1 with errno. */
static int fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (rc) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

/*
 * Online backup into a new file.  The copy is one sqlite3_backup_step(-1):
 * it reads a single WAL snapshot, so it holds exactly the transactions
 * committed when it started, while writers on other connections go on
 * (a stepwise copy would restart each time another connection commits).
 * The destination is created with O_EXCL (an existing file is never
 * overwritten, mode 0600: it holds the whole database) and removed again
 * if the backup fails; on success the file and its directory are fsynced.
 */
static int sq_backup(struct store *s, const char *dest, char *err, size_t errlen)
{
	struct sq_store *q = SQ(s);
	sqlite3 *ddb = NULL;
	sqlite3_backup *bk;
	char *dircopy;
	int fd, rc, tries;

	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			store_errf(err, errlen, "backup file '%s' already exists", dest);
		else
			store_errf(err, errlen, "cannot create '%s': %s", dest, strerror(errno));
		return STORE_ERR;
	}
	close(fd);

	rc = sqlite3_open_v2(dest, &ddb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
			     SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK) {
		store_errf(err, errlen, "cannot open '%s': %s", dest,
		     ddb ? sqlite3_errmsg(ddb) : sqlite3_errstr(rc));
		goto fail;
	}
	bk = sqlite3_backup_init(ddb, "main", q->db, "main");
	if (!bk) {
		store_errf(err, errlen, "cannot back up to '%s': %s", dest, sqlite3_errmsg(ddb));
		goto fail;
	}
	for (tries = 0;; tries++) {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_DONE || tries >= SQ_BACKUP_TRIES ||
		    ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED))
			break;
		sqlite3_sleep(SQ_BACKUP_SLEEP_MS);
	}
	if (rc != SQLITE_DONE) {
		store_errf(err, errlen, "backup to '%s' failed: %s", dest, sqlite3_errstr(rc));
		sqlite3_backup_finish(bk);
		goto fail;
	}
	rc = sqlite3_backup_finish(bk);
	if (rc != SQLITE_OK) {
		store_errf(err, errlen, "backup to '%s' failed: %s", dest, sqlite3_errmsg(ddb));
		goto fail;
	}
	rc = sqlite3_close(ddb);
	ddb = NULL;
	if (rc != SQLITE_OK) {
		store_errf(err, errlen, "cannot close '%s': %s", dest, sqlite3_errstr(rc));
		goto fail;
	}
	if (fsync_path(dest, 0)) {
		store_errf(err, errlen, "cannot sync '%s': %s", dest, strerror(errno));
		goto fail;
	}
	dircopy = strdup(dest);
	if (!dircopy || fsync_path(dirname(dircopy), 1)) {
		store_errf(err, errlen, "cannot sync the directory of '%s': %s", dest, strerror(errno));
		free(dircopy);
		goto fail;
	}
	free(dircopy);
	return STORE_OK;
fail:
	sqlite3_close_v2(ddb);
	unlink(dest);
	return STORE_ERR;
}

const struct store_ops store_sqlite_ops = {
	.name = "SQLite",
	.backend = STORE_SQLITE,
	.open = sq_open,
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_text_kept = sq_bind_text_kept,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.reset = sq_reset,
	.col_isnull = sq_col_isnull,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.last_id = sq_last_id,
	.changes = sq_changes,
	.errmsg = sq_errmsg,
	.backup = sq_backup,
	.exec_script = sq_exec_script,
	.analyze = sq_analyze,
};
