/*
 * store.c: the backend-neutral half of the store (store.h).
 *
 * It picks a driver from the uri, keeps each connection's statement cache
 * and transaction state, and runs write transactions with retries; the
 * drivers (store_sqlite.c, later store_pg.c) only talk to their database.
 *
 * Guarantees:
 *  - store_prepare() prepares a given `struct store_sql` once per
 *    connection and returns the same statement every time after, reset and
 *    with its bindings cleared if the last user left it dirty.
 *  - A failing call leaves a message for store_errmsg() recorded at the
 *    moment of the failure, so a rollback afterwards does not replace it.
 *  - store_tx() never leaves a transaction open: fn's work is committed
 *    or rolled back, and STORE_BUSY is retried a bounded number of times.
 *  - Calls on a NULL statement (a failed store_prepare) fail with
 *    STORE_ERR, so `store_exec(store_prepare(s, &q))` is safe.
 */
#include "store/store_impl.h"
#include "core/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STORE_TX_RETRIES 10             /* retries after the first attempt */
#define STORE_TX_BACKOFF_MIN_US 1000L
#define STORE_TX_BACKOFF_MAX_US 100000L
#define STORE_CACHE_MIN 64

/* store_busy_counts(): lock-free, relaxed (they are statistics) */
static atomic_uint_fast64_t busy_retried, busy_gave_up;
/* transactions committed by this process (store_commits) */
static atomic_uint_fast64_t commits;

void store_seterr(struct store *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
}

void store_errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int is_pg_uri(const char *uri)
{
	return !strncmp(uri, "postgresql://", 13) || !strncmp(uri, "postgres://", 11);
}

/* splitmix64: a per-connection generator for backoff jitter (no shared
 * state between threads, no need for cryptographic quality). */
static uint64_t next_rand(struct store *s)
{
	uint64_t z = (s->rng += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

struct store *store_open(const char *uri, int create, char *err, size_t errlen)
{
	const struct store_ops *ops = &store_sqlite_ops;
	struct store *s;
	struct timespec ts;

	if (!uri || !*uri) {
		store_errf(err, errlen, "no database given");
		return NULL;
	}
	if (is_pg_uri(uri)) {
		ops = &store_pg_ops;
	}
	s = ops->open(uri, create, err, errlen);
	if (!s)
		return NULL;
	s->ops = ops;
	s->backend = ops->backend;
	s->in_tx = 0;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	s->rng = ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)ts.tv_nsec ^ (uint64_t)(uintptr_t)s;
	s->err[0] = '\0';
	return s;
}

void store_close(struct store *s)
{
	size_t i;

	if (!s)
		return;
	store_rollback(s);
	for (i = 0; i < s->cache_cap; i++)
		if (s->cache[i])
			s->ops->finalize(s->cache[i]);
	free(s->cache);
	s->cache = NULL;
	s->cache_cap = s->cache_len = 0;
	s->ops->close(s);
}

enum store_backend store_backend(const struct store *s)
{
	return s->backend;
}

const char *store_errmsg(struct store *s)
{
	if (!s)
		return "no database connection";
	if (s->err[0])
		return s->err;
	if (s->ops->errmsg)
		return s->ops->errmsg(s);
	return "not an error";
}

void store_clear_error(struct store *s)
{
	if (s) {
		s->err[0] = '\0';
		s->fail = STORE_OK;
	}
}

int store_noted(struct store *s, int rc)
{
	if (rc < 0)
		s->fail = rc == STORE_BUSY || s->unreachable ? STORE_BUSY : rc;
	return rc;
}

int store_failure(const struct store *s)
{
	return s ? s->fail : STORE_BUSY;
}

const char *store_last_error(struct store *s)
{
	return s && s->err[0] ? s->err : NULL;
}

void store_busy_counts(uint64_t *retried, uint64_t *gave_up)
{
	*retried = atomic_load_explicit(&busy_retried, memory_order_relaxed);
	*gave_up = atomic_load_explicit(&busy_gave_up, memory_order_relaxed);
}

/* ---- statement cache ------------------------------------------------ */

/* Statements are keyed by the address of their static store_sql; the
 * multiplier spreads the (aligned, clustered) addresses over the table. */
static size_t cache_slot(const struct store_sql *q, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)q;

	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	return (size_t)h & (cap - 1);
}

/* The slot holding q, or the empty slot where it belongs (cache_cap > 0). */
static struct store_stmt **cache_find(struct store *s, const struct store_sql *q)
{
	size_t i;

	for (i = cache_slot(q, s->cache_cap);; i = (i + 1) & (s->cache_cap - 1))
		if (!s->cache[i] || s->cache[i]->q == q)
			return &s->cache[i];
}

/* Doubles the table (load factor stays at or below one half, so a probe
 * always reaches an empty slot). */
static void cache_grow(struct store *s)
{
	size_t cap = s->cache_cap ? s->cache_cap * 2 : STORE_CACHE_MIN;
	struct store_stmt **old = s->cache;
	size_t oldcap = s->cache_cap, i;

	s->cache = xcalloc(cap, sizeof(*s->cache));
	s->cache_cap = cap;
	for (i = 0; i < oldcap; i++)
		if (old[i])
			*cache_find(s, old[i]->q) = old[i];
	free(old);
}

struct store_stmt *store_prepare(struct store *s, const struct store_sql *q)
{
	struct store_stmt *st;

	if (!q || (!q->sqlite && !q->pg)) {
		store_seterr(s, "no SQL to prepare");
		return NULL;
	}
	if (s->cache_cap && (st = *cache_find(s, q))) {
		if (st->dirty)
			store_reset(st);
		return st;
	}
	st = s->ops->prepare(s, q);
	if (!st) {
		store_noted(s, STORE_ERR);
		return NULL;
	}
	st->s = s;
	st->q = q;
	st->dirty = 0;
	st->bind_failed = 0;
	if ((s->cache_len + 1) * 2 > s->cache_cap)
		cache_grow(s);
	*cache_find(s, q) = st;
	s->cache_len++;
	return st;
}

/* Resets every statement left mid-way, so none keeps a read snapshot
 * (SQLite) or a portal (PostgreSQL) open past an error path. */
static void reset_dirty(struct store *s)
{
	size_t i;

	for (i = 0; i < s->cache_cap; i++)
		if (s->cache[i] && s->cache[i]->dirty)
			store_reset(s->cache[i]);
}

/* ---- statements ----------------------------------------------------- */

/* A bind that failed (SQLite out of memory, say) fails the next step: the
 * statement must not run with that parameter NULL, which reads as "no such
 * row" (a session not found, a 401, where the database failed). */
static int bind_noted(struct store_stmt *st, int rc)
{
	if (rc < 0 && !st->bind_failed)
		st->bind_failed = rc;
	return rc;
}

int store_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	if (!st)
		return STORE_ERR;
	st->dirty = 1;
	return bind_noted(st, st->s->ops->bind_int(st, idx, v));
}

int store_bind_text(struct store_stmt *st, int idx, const char *v)
{
	if (!st)
		return STORE_ERR;
	st->dirty = 1;
	return bind_noted(st, st->s->ops->bind_text(st, idx, v));
}

int store_bind_text_kept(struct store_stmt *st, int idx, const char *v)
{
	if (!st || !st->s->ops->bind_text_kept)
		return store_bind_text(st, idx, v);
	st->dirty = 1;
	return bind_noted(st, st->s->ops->bind_text_kept(st, idx, v));
}

int store_bind_blob(struct store_stmt *st, int idx, const void *v, size_t len)
{
	if (!st)
		return STORE_ERR;
	st->dirty = 1;
	return bind_noted(st, st->s->ops->bind_blob(st, idx, v, len));
}

int store_bind_null(struct store_stmt *st, int idx)
{
	if (!st)
		return STORE_ERR;
	st->dirty = 1;
	return bind_noted(st, st->s->ops->bind_null(st, idx));
}

int store_step(struct store_stmt *st)
{
	if (!st)
		return STORE_ERR;
	st->dirty = 1;
	if (st->bind_failed)
		return store_noted(st->s, st->bind_failed);
	return store_noted(st->s, st->s->ops->step(st));
}

void store_reset(struct store_stmt *st)
{
	if (!st)
		return;
	st->s->ops->reset(st);
	st->dirty = 0;
	st->bind_failed = 0;
}

int store_col_isnull(struct store_stmt *st, int i)
{
	return st ? st->s->ops->col_isnull(st, i) : 1;
}

int64_t store_col_int(struct store_stmt *st, int i)
{
	return st ? st->s->ops->col_int(st, i) : 0;
}

const char *store_col_text(struct store_stmt *st, int i)
{
	const char *t = st ? st->s->ops->col_text(st, i) : NULL;

	return t ? t : "";
}

const void *store_col_blob(struct store_stmt *st, int i, size_t *len)
{
	size_t dummy;

	if (!len)
		len = &dummy;
	if (!st) {
		*len = 0;
		return NULL;
	}
	return st->s->ops->col_blob(st, i, len);
}

int store_exec(struct store_stmt *st)
{
	int rc;

	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW)
		;
	store_reset(st);
	return rc;
}

int store_bulk_amend(struct store *s, const char *table, int64_t id, int n, const char *const *cols,
		     const char *const *vals, unsigned keep)
{
	return s->ops->bulk_amend ? store_noted(s, s->ops->bulk_amend(s, table, id, n, cols, vals, keep)) : 0;
}

int store_exec_late(struct store_stmt *st)
{
	struct store *s;
	int rc;

	if (!st)
		return STORE_ERR;
	s = st->s;
	if (!s->in_tx || !s->ops->exec_late)
		return store_exec(st);
	st->dirty = 1;
	rc = st->bind_failed ? st->bind_failed : s->ops->exec_late(st);
	store_reset(st);
	return store_noted(s, rc);
}

static const struct store_sql q_durable = { "SELECT 1", STORE_PG_FLUSH_SQL };

int store_durable(struct store *s)
{
	struct store_stmt *st;
	int rc;

	if (s->in_tx) {
		store_seterr(s, "store_durable inside a transaction");
		return store_noted(s, STORE_ERR);
	}
	st = store_prepare(s, &q_durable);
	rc = st ? store_step(st) : STORE_ERR;
	if (st)
		store_reset(st);
	return rc < 0 ? rc : STORE_OK;
}

int store_head_get(struct store *s, int64_t *id, const char **mac)
{
	if (!s->in_tx || !s->head_valid)
		return 0;
	*id = s->head_id;
	*mac = s->head_mac;
	return 1;
}

void store_head_set(struct store *s, int64_t id, const char *mac)
{
	size_t n = strlen(mac ? mac : "");

	s->head_valid = n < sizeof(s->head_mac);
	s->head_id = id;
	if (s->head_valid)
		memcpy(s->head_mac, mac ? mac : "", n + 1);
}

int64_t store_last_id(struct store *s)
{
	return s->ops->last_id(s);
}

int64_t store_changes(struct store *s)
{
	return s->ops->changes(s);
}

/* ---- transactions --------------------------------------------------- */

int store_begin(struct store *s, int write)
{
	int rc;

	if (s->in_tx) {
		store_seterr(s, "a transaction is already open");
		return STORE_ERR;
	}
	s->head_valid = 0;
	rc = store_noted(s, s->ops->begin(s, write));
	if (rc == STORE_OK) {
		s->in_tx = 1;
		s->tx_write = write;
		s->tx_nodata = 0;
	}
	return rc;
}

int store_commit(struct store *s)
{
	int rc;

	if (!s->in_tx) {
		store_seterr(s, "no transaction is open");
		return STORE_ERR;
	}
	rc = store_noted(s, store_data_bump(s));
	if (rc == STORE_OK)
		rc = store_noted(s, s->ops->commit(s));
	if (rc == STORE_OK) {
		s->in_tx = 0;
		s->head_valid = 0;
		if (!s->tx_nodata)      /* an audited read's entry alone: no kept count changes */
			atomic_fetch_add_explicit(&commits, 1, memory_order_relaxed);
		s->tx_nodata = 0;
	}
	return rc;
}

uint64_t store_commits(void)
{
	return atomic_load_explicit(&commits, memory_order_relaxed);
}

void store_rollback(struct store *s)
{
	if (!s)
		return;
	reset_dirty(s);
	if (s->in_tx)
		(void)s->ops->rollback(s);
	s->in_tx = 0;
	s->rollup_stats = 0;
	s->head_valid = 0;
}

int store_in_tx(const struct store *s)
{
	return s->in_tx;
}

static const struct store_sql q_mmap_off = { "PRAGMA mmap_size = 0", "SELECT 0" };

int store_mmap_off(struct store *s)
{
	struct store_stmt *st = store_prepare(s, &q_mmap_off);
	int rc = st ? store_step(st) : STORE_ERR;

	if (st)
		store_reset(st);
	return rc < 0 ? rc : STORE_OK;
}

int store_analyze(struct store *s)
{
	int rc;

	if (s->in_tx) {
		store_seterr(s, "cannot analyze inside an open transaction");
		return STORE_ERR;
	}
	rc = s->ops->analyze(s, 0);
	s->rollup_stats = 0;
	return rc;
}

/* The same text on both backends; prepared once per connection. */
static const struct store_sql q_savepoint = { "SAVEPOINT qf_job", NULL };
static const struct store_sql q_release = { "RELEASE SAVEPOINT qf_job", NULL };
static const struct store_sql q_undo = { "ROLLBACK TO SAVEPOINT qf_job", NULL };

static int savepoint_run(struct store *s, const struct store_sql *q)
{
	if (!s->in_tx) {
		store_seterr(s, "a savepoint needs an open transaction");
		return store_noted(s, STORE_ERR);
	}
	return store_exec(store_prepare(s, q));
}

int store_savepoint(struct store *s)
{
	return savepoint_run(s, &q_savepoint);
}

int store_savepoint_release(struct store *s)
{
	return savepoint_run(s, &q_release);
}

int store_savepoint_undo(struct store *s)
{
	int rc;

	/* statements the failed work left mid-way are reset first */
	reset_dirty(s);
	rc = savepoint_run(s, &q_undo);
	return rc == STORE_OK ? savepoint_run(s, &q_release) : rc;
}

/* Sleeps before retry number attempt+1: 1 ms doubling up to 100 ms, plus
 * up to half as much again at random so that writers that collided do not
 * collide again in step. */
static void backoff(struct store *s, int attempt)
{
	long us = STORE_TX_BACKOFF_MIN_US << (attempt < 16 ? attempt : 16);
	struct timespec ts, rem;

	if (us > STORE_TX_BACKOFF_MAX_US)
		us = STORE_TX_BACKOFF_MAX_US;
	us += (long)(next_rand(s) % (uint64_t)(us / 2 + 1));
	ts.tv_sec = us / 1000000;
	ts.tv_nsec = (us % 1000000) * 1000;
	while (nanosleep(&ts, &rem) && errno == EINTR)
		ts = rem;
}

/* The one transaction runner (MHD-PATTERNS.md 10).  fn may run more than
 * once, so it must not have effects outside the database. */
int store_tx(struct store *s, int (*fn)(struct store *s, void *arg), void *arg)
{
	int attempt, rc, r;

	if (s->in_tx) {
		store_seterr(s, "store_tx called inside an open transaction");
		return store_noted(s, STORE_ERR);
	}
	for (attempt = 0;; attempt++) {
		rc = store_begin(s, 1);
		if (rc == STORE_OK) {
			r = fn(s, arg);
			if (r >= 0) {
				rc = store_commit(s);
				if (rc == STORE_OK)
					return r;
			} else {
				rc = r;
			}
			store_rollback(s);
		}
		if (rc != STORE_BUSY)
			return rc;
		if (attempt >= STORE_TX_RETRIES) {
			atomic_fetch_add_explicit(&busy_gave_up, 1, memory_order_relaxed);
			return rc;
		}
		atomic_fetch_add_explicit(&busy_retried, 1, memory_order_relaxed);
		backoff(s, attempt);
	}
}

/* ---- backup --------------------------------------------------------- */

/* Backup and restore: the checks and the error report around the
 * backend's operation op (NULL when the backend has none). */
static int file_op(struct store *s, int (*op)(struct store *, const char *, char *, size_t),
		   const char *what, const char *path, char *err, size_t errlen)
{
	char buf[STORE_ERRMAX];
	int rc;

	if (!err || !errlen) {
		err = buf;
		errlen = sizeof(buf);
	}
	err[0] = '\0';
	if (!path || !*path) {
		store_errf(err, errlen, "no %s file given", what);
		rc = STORE_ERR;
	} else if (s->in_tx) {
		store_errf(err, errlen, "cannot run a %s inside an open transaction", what);
		rc = STORE_ERR;
	} else if (!op) {
		store_errf(err, errlen, "the %s backend has no %s", s->ops->name, what);
		rc = STORE_ERR;
	} else {
		rc = op(s, path, err, errlen);
	}
	if (rc < 0)
		store_seterr(s, "%s", err);
	return rc;
}

int store_backup(struct store *s, const char *dest, char *err, size_t errlen)
{
	return file_op(s, s->ops->backup, "backup", dest, err, errlen);
}

int store_restore(struct store *s, const char *src, char *err, size_t errlen)
{
	return file_op(s, s->ops->restore, "restore", src, err, errlen);
}

int store_ping(struct store *s)
{
	return s ? store_schema_version(s) : STORE_ERR;
}
