/*
 * store_pg.c: the PostgreSQL driver of the store interface, on libpq.
 *
 * Guarantees:
 *  - statements are prepared once per connection under fixed names
 *    ("qf1", "qf2", ...) from the portable text (`?` rewritten to `$n`
 *    outside literals and quoted names), and prepared again after a
 *    reconnect;
 *  - parameters travel as text, results come back as text; integers are
 *    parsed on read;
 *  - every write transaction takes one advisory lock first, so writers are
 *    serialised across all `qingfeng serve` processes sharing the database,
 *    as SQLite's BEGIN IMMEDIATE does on one machine: the audit chain
 *    stays a single chain;
 *  - the lock is held for as few round trips as the chain allows (the MAC
 *    is keyed, so C computes it from the head): BEGIN, the lock and the
 *    audit head go out in one pipeline (the head read after the lock is
 *    granted, in its own READ COMMITTED snapshot), and an audit entry
 *    queued by store_exec_late goes out with COMMIT in a second one;
 *  - the lock is not held during the commit's WAL flush: a write
 *    transaction commits with synchronous_commit off, and its answer waits
 *    for a flush (at the session's setting) that covers its commit record
 *    (write_commit), so an acknowledged write is durable and concurrent
 *    writers share flushes;
 *  - SQLSTATE classes map to the store codes: 23xxx constraint, 40001 and
 *    40P01 (serialization failure, deadlock) and 55P03 busy (store_tx
 *    retries them), anything else an error;
 *  - a lost connection fails the call in flight (the request answers 503)
 *    and is re-established, with backoff, by the next call outside a
 *    transaction; nothing crashes.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "core/fsutil.h"
#include "store/store_pg_impl.h"
#include "core/xalloc.h"

#define WRITE_LOCK_SQL "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK_KEY ")"
/* Names of the write begin's statements, prepared once per connection. */
#define LOCK_STMT "qf_lock"
#define HEAD_STMT "qf_head"
#define RECONNECT_TRIES 5

extern char **environ;

static struct pg_store *PS(struct store *s)
{
	return (struct pg_store *)s;
}

static struct pg_stmt *PT(struct store_stmt *st)
{
	return (struct pg_stmt *)st;
}

/* Copies libpq's message on one line (it spreads hints over several). */
static void one_line(char *dst, size_t dlen, const char *msg)
{
	size_t j = 0;
	int space = 0;

	for (const char *p = msg ? msg : ""; *p && j + 1 < dlen; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space && j)
			dst[j++] = ' ';
		space = 0;
		if (j + 1 < dlen)
			dst[j++] = *p;
	}
	dst[j] = '\0';
}

/* Drops libpq's notices (e.g. "relation already exists, skipping"). */
static void quiet_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* Maps a failed result to a store code and records the message. */
static int fail_result(struct store *s, PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char msg[STORE_ERRMAX];

	one_line(msg, sizeof(msg), res ? PQresultErrorMessage(res) : PQerrorMessage(PS(s)->conn));
	store_seterr(s, "%s: %s%s%s%s", what, msg, state ? " (SQLSTATE " : "", state ? state : "",
		     state ? ")" : "");
	/* lost: libpq noticed, or the server announced it (class 08
	 * connection exception, 57P01-57P03 shutdown) before closing */
	if (PQstatus(PS(s)->conn) != CONNECTION_OK ||
	    (state && (!strncmp(state, "08", 2) || !strncmp(state, "57P0", 4))))
		PS(s)->lost = 1;
	if (PS(s)->lost) {
		s->unreachable = 1;         /* store_failure: busy, 503 */
		s->in_tx = 0;               /* the server ended it with the connection */
		return STORE_ERR;
	}
	if (!state)
		return STORE_ERR;
	if (!strncmp(state, "23", 2))
		return STORE_CONSTRAINT;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return STORE_BUSY;
	return STORE_ERR;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* What every connection is set up with, at open and after a reconnect
 * (a reset connection starts from the server's defaults again): quiet
 * notices, a writer waits at most 2 s for the write lock (store_tx
 * retries SQLSTATE 55P03 as STORE_BUSY, then the request gets a 503
 * instead of hanging), and no JIT compilation: the platform's statements
 * are index lookups of milliseconds, but a plan whose estimated cost
 * passes jit_above_cost (the unit member's LATERAL over a province's
 * units, docs/statistics.md "PostgreSQL") was compiled first, 30 ms of
 * JIT for 2 ms of work each time (a province's report 0.21 -> 0.08 s). */
static int session_setup(struct pg_store *ps)
{
	PGresult *res;
	int ok;

	PQsetNoticeProcessor(ps->conn, quiet_notice, NULL);
	/* PQexec answers with the last statement's result: whether the audit
	 * log exists yet (not before `init` made the schema) */
	res = PQexec(ps->conn, "SET client_min_messages = warning; SET lock_timeout = '2s'; "
		     "SET jit = off; SELECT to_regclass('audit_log') IS NOT NULL");
	ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
	if (!ok)
		fail_result(&ps->base, res, "session setup");
	else
		ps->has_audit = *PQgetvalue(res, 0, 0) == 't';
	PQclear(res);
	return ok ? 0 : STORE_ERR;
}

/* Re-establishes a lost connection (outside a transaction only), with
 * backoff.  0 when the connection is usable. */
static int ensure_conn(struct store *s)
{
	struct pg_store *ps = PS(s);
	long wait = 50;

	if (PQstatus(ps->conn) == CONNECTION_OK && !ps->lost)
		return 0;
	if (s->in_tx) {
		store_seterr(s, "connection to PostgreSQL lost inside a transaction");
		s->unreachable = 1;
		return STORE_ERR;
	}
	for (int i = 0; i < RECONNECT_TRIES; i++) {
		PQreset(ps->conn);
		if (PQstatus(ps->conn) == CONNECTION_OK && session_setup(ps) == 0) {
			ps->gen++;
			ps->lost = 0;
			s->unreachable = 0;
			return 0;
		}
		sleep_ms(wait);
		wait *= 2;
	}
	store_seterr(s, "cannot reconnect to PostgreSQL: %s", PQerrorMessage(ps->conn));
	s->unreachable = 1;
	return STORE_ERR;
}

/* 1 when a call that just failed may be sent again on a fresh
 * connection: the connection was lost (not the statement refused) and no
 * transaction was open, so nothing half-done is repeated. */
static int retry_on_new_conn(struct store *s, int was_in_tx)
{
	return !was_in_tx && PS(s)->lost;
}

/* Runs a command without parameters or rows. */
static int run(struct store *s, const char *sql)
{
	int was_in_tx = s->in_tx;

	/* bulk mode: what was sent is answered first (a ROLLBACK goes anyway) */
	if (PS(s)->bulk) {
		int rc = pgb_quiesce(s);
		if (rc < 0 && strncmp(sql, "ROLLBACK", 8))
			return rc;
	}

	for (int attempt = 0;; attempt++) {
		PGresult *res;
		int rc = STORE_OK;

		if (ensure_conn(s) < 0)
			return STORE_ERR;
		res = PQexec(PS(s)->conn, sql);
		if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK)
			rc = fail_result(s, res, sql);
		PQclear(res);
		if (rc == STORE_OK || attempt || !retry_on_new_conn(s, was_in_tx))
			return rc;
	}
}

static struct store *pg_open(const char *uri, int create, char *err, size_t errlen)
{
	struct pg_store *ps = xcalloc(1, sizeof(*ps));

	(void)create;   /* the database must exist: `init` creates the schema in it */
	ps->conn = PQconnectdb(uri);
	if (!ps->conn || PQstatus(ps->conn) != CONNECTION_OK) {
		one_line(err, errlen, ps->conn ? PQerrorMessage(ps->conn) : "out of memory");
		PQfinish(ps->conn);
		free(ps);
		return NULL;
	}
	ps->base.backend = STORE_PG;
	if (session_setup(ps) < 0) {
		snprintf(err, errlen, "%s", ps->base.err);
		PQfinish(ps->conn);
		free(ps);
		return NULL;
	}
	return &ps->base;
}

static void late_drop(struct pg_store *ps);

static void pg_close(struct store *s)
{
	late_drop(PS(s));
	pgb_free(s);
	PQfinish(PS(s)->conn);
	free(s);
}

/* `?` -> `$n` outside '...' literals, "..." names and -- comments. */
static char *rewrite_params(const char *sql, int *nparams)
{
	size_t n = strlen(sql);
	char *out = xcalloc(n * 4 + 1, 1), *o = out;
	int count = 0;

	for (const char *p = sql; *p; p++) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p && *p != q)
				*o++ = *p++;
			if (!*p)
				break;
			*o++ = *p;
		} else if (*p == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				*o++ = *p++;
			if (!*p)
				break;
			*o++ = *p;
		} else if (*p == '?') {
			o += sprintf(o, "$%d", ++count);
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	*nparams = count;
	return out;
}

/* Prepares ps on this connection.  A prepare is the first thing a
 * statement new to this store (or to this connection) sends, so it may be
 * what finds the connection lost: outside a transaction it is then sent
 * once more on a fresh connection, as a statement's execution is
 * (pg_step), instead of failing its request. */
static int prepare_on_server(struct pg_stmt *ps)
{
	struct store *s = ps->base.s;
	int was_in_tx = s->in_tx;

	for (int attempt = 0;; attempt++) {
		PGresult *res;
		int rc = STORE_OK;

		if (ensure_conn(s) < 0)
			return STORE_ERR;
		res = PQprepare(PS(s)->conn, ps->name, ps->sql, ps->nparams, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = fail_result(s, res, "prepare");
		PQclear(res);
		if (rc == STORE_OK)
			ps->gen = PS(s)->gen;
		if (rc == STORE_OK || attempt || !retry_on_new_conn(s, was_in_tx))
			return rc;
	}
}

static struct store_stmt *pg_prepare(struct store *s, const struct store_sql *q)
{
	const char *text = q->pg ? q->pg : q->sqlite;
	struct pg_stmt *st;

	if (!text) {
		store_seterr(s, "statement has no PostgreSQL text");
		return NULL;
	}
	if (ensure_conn(s) < 0 || pgb_quiesce(s) < 0)
		return NULL;
	st = xcalloc(1, sizeof(*st));
	st->base.s = s;
	snprintf(st->name, sizeof(st->name), "qf%u", ++PS(s)->next_name);
	st->sql = rewrite_params(text, &st->nparams);
	st->vals = xcalloc((size_t)st->nparams, sizeof(char *));
	if (prepare_on_server(st) < 0) {
		free(st->vals);
		free(st->sql);
		free(st);
		return NULL;
	}
	return &st->base;
}

static void clear_result(struct pg_stmt *st)
{
	if (st->cres)
		pgb_release(st);        /* the bulk read cache's */
	PQclear(st->res);
	st->res = NULL;
	st->executed = 0;
	st->nrows = st->row = 0;
	PQfreemem(st->blob);
	st->blob = NULL;
}

static void pg_reset(struct store_stmt *base)
{
	struct pg_stmt *st = PT(base);

	clear_result(st);
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
}

static void pg_finalize(struct store_stmt *base)
{
	struct pg_stmt *st = PT(base);
	struct pg_store *ps = PS(base->s);

	pg_reset(base);
	(void)pgb_quiesce(base->s);
	pgb_stmt_free(st);
	if (PQstatus(ps->conn) == CONNECTION_OK && st->gen == ps->gen) {
		char sql[48];
		PGresult *res;
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		res = PQexec(ps->conn, sql);
		PQclear(res);
	}
	free(st->vals);
	free(st->sql);
	free(st);
}

static int set_param(struct store_stmt *base, int idx, char *v)
{
	struct pg_stmt *st = PT(base);

	if (idx < 1 || idx > st->nparams) {
		free(v);
		store_seterr(base->s, "bind index %d out of range (1..%d)", idx, st->nparams);
		return STORE_ERR;
	}
	free(st->vals[idx - 1]);
	st->vals[idx - 1] = v;
	return STORE_OK;
}

static int pg_bind_int(struct store_stmt *st, int idx, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return set_param(st, idx, xstrdup(buf));
}

static int pg_bind_text(struct store_stmt *st, int idx, const char *v)
{
	return set_param(st, idx, v ? xstrdup(v) : NULL);
}

static int pg_bind_blob(struct store_stmt *st, int idx, const void *v, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *b = v;
	char *s = xcalloc(2 * len + 3, 1);

	s[0] = '\\';
	s[1] = 'x';
	for (size_t i = 0; i < len; i++) {
		s[2 + 2 * i] = hex[b[i] >> 4];
		s[3 + 2 * i] = hex[b[i] & 15];
	}
	return set_param(st, idx, s);
}

static int pg_bind_null(struct store_stmt *st, int idx)
{
	return set_param(st, idx, NULL);
}

/* Frees the execution store_exec_late queued, if any. */
static void late_drop(struct pg_store *ps)
{
	if (!ps->late_vals)
		return;
	for (int i = 0; i < ps->late_n; i++)
		free(ps->late_vals[i]);
	free(ps->late_vals);
	ps->late_vals = NULL;
	ps->late_n = 0;
}

/* Sends the queued execution into the open pipeline. */
static int late_send(struct pg_store *ps)
{
	return PQsendQueryPrepared(ps->conn, ps->late_name, ps->late_n,
				   (const char *const *)ps->late_vals, NULL, NULL, 0);
}

/* Reads the results of n queries sent in pipeline mode and the sync that
 * ends them, and leaves pipeline mode.  keep[i], when keep is given,
 * receives the i-th query's result if it succeeded (the caller clears
 * it).  Returns STORE_OK or the first failure's code; the queries after a
 * failure are skipped by the server (PGRES_PIPELINE_ABORTED). */
static int pipe_finish(struct store *s, int n, PGresult **keep, const char *what)
{
	PGconn *conn = PS(s)->conn;
	PGresult *res;
	int rc = STORE_OK;

	if (!PQpipelineSync(conn))
		return fail_result(s, NULL, what);
	for (int i = 0; i < n; i++) {
		ExecStatusType status;

		res = PQgetResult(conn);
		if (!res) {             /* the connection broke: nothing more comes */
			PS(s)->lost = 1;
			return rc < 0 ? rc : fail_result(s, NULL, what);
		}
		status = PQresultStatus(res);
		if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
			if (rc == STORE_OK)
				rc = fail_result(s, res, what);
			PQclear(res);
		} else if (keep) {
			keep[i] = res;
		} else {
			PQclear(res);
		}
		while ((res = PQgetResult(conn)) != NULL)    /* the end of query i */
			PQclear(res);
		if (PQstatus(conn) != CONNECTION_OK) {
			PS(s)->lost = 1;
			return rc < 0 ? rc : fail_result(s, NULL, what);
		}
	}
	res = PQgetResult(conn);        /* PGRES_PIPELINE_SYNC */
	PQclear(res);
	if (!PQexitPipelineMode(conn) && rc == STORE_OK)
		rc = fail_result(s, NULL, what);
	return rc;
}

/* Runs the execution store_exec_late queued, before anything else is
 * sent in the transaction. */
static int late_flush(struct store *s)
{
	struct pg_store *ps = PS(s);
	PGresult *res;
	int rc = STORE_OK;

	if (!ps->late_vals)
		return STORE_OK;
	res = PQexecPrepared(ps->conn, ps->late_name, ps->late_n,
			     (const char *const *)ps->late_vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = fail_result(s, res, "query");
	PQclear(res);
	late_drop(ps);
	return rc;
}

static int pg_step(struct store_stmt *base)
{
	struct pg_stmt *st = PT(base);
	struct store *s = base->s;
	ExecStatusType status;

	if (!st->res && !st->executed && PS(s)->bulk && s->in_tx) {
		/* an entry queued before bulk mode began goes first */
		int rc = PS(s)->late_vals ? pgb_quiesce(s) : STORE_OK;
		if (rc == STORE_OK && PS(s)->late_vals)
			rc = late_flush(s);
		if (rc == STORE_OK)
			rc = pgb_exec(s, st);
		if (rc < 0) {
			clear_result(st);
			return rc;
		}
		st->row = -1;
	}
	if (!st->res && !st->executed) {
		int was_in_tx = s->in_tx;
again:
		if (ensure_conn(s) < 0)
			return STORE_ERR;
		if (st->gen != PS(s)->gen && prepare_on_server(st) < 0)
			return STORE_ERR;
		if (PS(s)->late_vals) {
			int rc = late_flush(s);
			if (rc < 0)
				return rc;
		}
		st->res = PQexecPrepared(PS(s)->conn, st->name, st->nparams,
					 (const char *const *)st->vals, NULL, NULL, 0);
		status = PQresultStatus(st->res);
		if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
			int rc = fail_result(s, st->res, "query");
			clear_result(st);
			if (retry_on_new_conn(s, was_in_tx)) {
				/* the connection was lost before this statement:
				 * send it once more on a fresh one */
				was_in_tx = 1;          /* at most once */
				goto again;
			}
			return rc;
		}
		if (status == PGRES_COMMAND_OK) {
			const char *t = PQcmdTuples(st->res);
			PS(s)->changes = *t ? strtoll(t, NULL, 10) : 0;
			st->nrows = 0;
		} else if (status == PGRES_TUPLES_OK) {
			const char *t = PQcmdTuples(st->res);
			PS(s)->changes = *t ? strtoll(t, NULL, 10) : 0;
			st->nrows = PQntuples(st->res);
		}
		st->row = -1;
	}
	if (st->row + 1 < st->nrows) {
		st->row++;
		return STORE_ROW;
	}
	return STORE_DONE;
}

/* Queues st's execution with copies of its values (store_exec_late). */
static int pg_exec_late(struct store_stmt *base)
{
	struct pg_stmt *st = PT(base);
	struct store *s = base->s;
	struct pg_store *ps = PS(s);
	int rc;

	if (ps->bulk) {                 /* bulk mode pipelines it anyway */
		while ((rc = pg_step(base)) == STORE_ROW)
			;
		return rc;
	}
	rc = late_flush(s);             /* one queued at a time */
	if (rc < 0)
		return rc;
	if (ensure_conn(s) < 0)
		return STORE_ERR;
	if (st->gen != ps->gen && prepare_on_server(st) < 0)
		return STORE_ERR;
	snprintf(ps->late_name, sizeof(ps->late_name), "%s", st->name);
	ps->late_n = st->nparams;
	ps->late_vals = xcalloc((size_t)st->nparams + 1, sizeof(char *));
	for (int i = 0; i < st->nparams; i++)
		ps->late_vals[i] = st->vals[i] ? xstrdup(st->vals[i]) : NULL;
	return STORE_OK;
}

/* Prepares the write begin's lock and head statements on this connection. */
static int prepare_write_begin(struct store *s)
{
	struct pg_store *ps = PS(s);
	PGresult *res;
	int rc = STORE_OK;

	if (ps->begin_gen == ps->gen + 1)
		return STORE_OK;
	res = PQprepare(ps->conn, LOCK_STMT, WRITE_LOCK_SQL, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = fail_result(s, res, "prepare");
	PQclear(res);
	if (rc == STORE_OK && ps->has_audit) {
		res = PQprepare(ps->conn, HEAD_STMT, STORE_AUDIT_HEAD_SQL, 0, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = fail_result(s, res, "prepare");
		PQclear(res);
	}
	if (rc == STORE_OK)
		ps->begin_gen = ps->gen + 1;
	return rc;
}

/* Ends a transaction the server left open after a failure. */
static void end_failed_tx(struct store *s)
{
	if (!PS(s)->lost && PQtransactionStatus(PS(s)->conn) != PQTRANS_IDLE)
		run(s, "ROLLBACK");
}

/* One round trip: BEGIN, the write lock and (once audit_log exists) the
 * chain head, read in a snapshot taken after the lock was granted.  The
 * transaction commits without waiting for its WAL flush (pg_commit waits
 * for it after the lock is released). */
static int write_begin(struct store *s)
{
	struct pg_store *ps = PS(s);
	PGresult *keep[4] = { NULL, NULL, NULL, NULL };
	int n, rc;

	if (ensure_conn(s) < 0 || pgb_quiesce(s) < 0)
		return STORE_ERR;
	if ((rc = prepare_write_begin(s)) < 0)
		return rc;
	n = ps->has_audit ? 4 : 3;
	if (!PQenterPipelineMode(ps->conn) ||
	    !PQsendQueryParams(ps->conn, "BEGIN ISOLATION LEVEL READ COMMITTED", 0, NULL, NULL,
			       NULL, NULL, 0) ||
	    !PQsendQueryParams(ps->conn, "SET LOCAL synchronous_commit = off", 0, NULL, NULL,
			       NULL, NULL, 0) ||
	    !PQsendQueryPrepared(ps->conn, LOCK_STMT, 0, NULL, NULL, NULL, 0) ||
	    (n == 4 && !PQsendQueryPrepared(ps->conn, HEAD_STMT, 0, NULL, NULL, NULL, 0))) {
		rc = fail_result(s, NULL, "begin");
		ps->lost = 1;           /* the pipeline is in an unknown state: reconnect */
		s->unreachable = 1;
		return rc;
	}
	rc = pipe_finish(s, n, keep, "begin");
	if (rc == STORE_OK && n == 4) {
		int row = PQntuples(keep[3]) == 1;
		store_head_set(s, row ? strtoll(PQgetvalue(keep[3], 0, 0), NULL, 10) : 0,
			       row ? PQgetvalue(keep[3], 0, 1) : "");
	}
	for (int i = 0; i < n; i++)
		PQclear(keep[i]);
	if (rc < 0)
		end_failed_tx(s);       /* the lock not granted: the transaction is aborted */
	return rc;
}

static int pg_begin(struct store *s, int write)
{
	/* READ COMMITTED whatever the server's default: a write transaction's
	 * reads (the last audit entry) must see what committed before the lock
	 * was granted, not a snapshot taken while waiting for it */
	PS(s)->write_tx = write;
	if (!write)
		return run(s, "BEGIN ISOLATION LEVEL READ COMMITTED");
	for (int attempt = 0;; attempt++) {
		int rc = write_begin(s);

		/* lost before anything began: once more on a fresh connection */
		if (rc == STORE_OK || attempt || !retry_on_new_conn(s, 0))
			return rc;
	}
}

/* A write transaction's end, in one round trip: the queued audit entry,
 * COMMIT, which releases the write lock without waiting for the WAL flush
 * (synchronous_commit off for the transaction), then a transaction of
 * its own (STORE_PG_FLUSH_SQL) that commits at the session's
 * synchronous_commit: its flush (and a synchronous standby's
 * acknowledgement) covers the WAL before it, ours included.  The answer
 * comes after that flush, so an acknowledged write is durable, while
 * writers that wait for their flushes share them (group commit) instead
 * of taking turns at one flush each with the lock held. */
static int write_commit(struct store *s)
{
	struct pg_store *ps = PS(s);
	int late = ps->late_vals != NULL;

	if (!PQenterPipelineMode(ps->conn) || (late && !late_send(ps)) ||
	    !PQsendQueryParams(ps->conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) ||
	    !PQsendQueryParams(ps->conn, STORE_PG_FLUSH_SQL, 0, NULL, NULL, NULL, NULL, 0)) {
		int rc = fail_result(s, NULL, "commit");
		ps->lost = 1;
		s->unreachable = 1;
		return rc;
	}
	return pipe_finish(s, late + 2, NULL, "commit");
}

static int pg_commit(struct store *s)
{
	struct pg_store *ps = PS(s);
	/* bulk mode: a statement sent ahead that failed fails the commit */
	int rc = ps->bulk ? pgb_quiesce(s) : STORE_OK;

	if (rc == STORE_OK)
		rc = ps->write_tx ? write_commit(s) : run(s, "COMMIT");
	late_drop(ps);
	pgb_end(s);
	/* a failed COMMIT ends the transaction in PostgreSQL; a failed entry
	 * before it leaves it open and aborted */
	if (rc < 0) {
		end_failed_tx(s);
		s->in_tx = 0;
	}
	return rc;
}

static int pg_rollback(struct store *s)
{
	int rc;

	late_drop(PS(s));
	if (PQstatus(PS(s)->conn) != CONNECTION_OK) {
		pgb_end(s);
		return STORE_OK;
	}
	rc = run(s, "ROLLBACK");
	if (rc == STORE_OK)
		pgb_restore(s);
	pgb_end(s);
	return rc;
}

static int pg_col_isnull(struct store_stmt *st, int i)
{
	struct pg_stmt *p = PT(st);
	return !p->res || p->row < 0 || PQgetisnull(p->res, p->row, i);
}

static const char *pg_col_text(struct store_stmt *st, int i)
{
	struct pg_stmt *p = PT(st);

	if (pg_col_isnull(st, i))
		return "";
	return PQgetvalue(p->res, p->row, i);
}

static int64_t pg_col_int(struct store_stmt *st, int i)
{
	const char *t = pg_col_text(st, i);

	if (*t == 't')          /* a boolean expression */
		return 1;
	if (*t == 'f')
		return 0;
	return strtoll(t, NULL, 10);
}

static const void *pg_col_blob(struct store_stmt *st, int i, size_t *len)
{
	struct pg_stmt *p = PT(st);

	*len = 0;
	if (pg_col_isnull(st, i))
		return NULL;
	PQfreemem(p->blob);
	p->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(p->res, p->row, i), len);
	return p->blob;
}

static int64_t pg_last_id(struct store *s)
{
	store_seterr(s, "last_id is not available on PostgreSQL: use RETURNING");
	return STORE_ERR;
}

static int64_t pg_changes(struct store *s)
{
	if (pgb_sync(s) < 0)
		return STORE_ERR;
	return PS(s)->changes;
}

static const char *pg_errmsg(struct store *s)
{
	return PQerrorMessage(PS(s)->conn);
}

/* libpq connection keywords and the environment variables pg_dump reads
 * for them: the connection (password included) travels in pg_dump's
 * environment, never on its command line where `ps` shows it. */
static const struct { const char *keyword, *env; } conn_env[] = {
	{ "host", "PGHOST" }, { "hostaddr", "PGHOSTADDR" }, { "port", "PGPORT" },
	{ "dbname", "PGDATABASE" }, { "user", "PGUSER" }, { "password", "PGPASSWORD" },
	{ "passfile", "PGPASSFILE" }, { "sslmode", "PGSSLMODE" }, { "sslcert", "PGSSLCERT" },
	{ "sslkey", "PGSSLKEY" }, { "sslrootcert", "PGSSLROOTCERT" },
	{ "connect_timeout", "PGCONNECT_TIMEOUT" },
};

static int is_conn_env(const char *var)
{
	for (size_t i = 0; i < QF_ARRAY_SIZE(conn_env); i++) {
		size_t n = strlen(conn_env[i].env);
		if (!strncmp(var, conn_env[i].env, n) && var[n] == '=')
			return 1;
	}
	return 0;
}


/*
 * Runs a PostgreSQL client tool (pg_dump, pg_restore) against the
 * connection's database and waits for it.  The connection (password
 * included) travels in the tool's environment, never on its command line.
 * out_fd >= 0 becomes the tool's standard output.  Returns the tool's exit
 * status (0 success), or STORE_ERR with err set when it could not run.
 */
static int pg_tool(struct store *s, char *const argv[], int out_fd, char *err, size_t errlen)
{
	posix_spawn_file_actions_t fa;
	PQconninfoOption *opts = PQconninfo(PS(s)->conn);
	char **envp;
	size_t n = 0, j = 0;
	pid_t pid;
	int status, rc;

	while (environ[n])
		n++;
	envp = xcalloc(n + QF_ARRAY_SIZE(conn_env) + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		if (!is_conn_env(environ[i]))
			envp[j++] = environ[i];
	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		if (!o->val || !*o->val)
			continue;
		for (size_t i = 0; i < QF_ARRAY_SIZE(conn_env); i++) {
			if (strcmp(o->keyword, conn_env[i].keyword))
				continue;
			envp[j] = xcalloc(strlen(conn_env[i].env) + strlen(o->val) + 2, 1);
			sprintf(envp[j++], "%s=%s", conn_env[i].env, o->val);
		}
	}
	PQconninfoFree(opts);
	posix_spawn_file_actions_init(&fa);
	if (out_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	for (size_t i = 0; envp[i]; i++)
		if (is_conn_env(envp[i])) {
			memset(envp[i], 0, strlen(envp[i]));
			free(envp[i]);
		}
	free(envp);
	if (rc != 0) {
		snprintf(err, errlen, "cannot run %s (%s); install postgresql-client", argv[0],
			 strerror(rc));
		return STORE_ERR;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "%s failed (exit %d); its message is above", argv[0],
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return WIFEXITED(status) && WEXITSTATUS(status) ? WEXITSTATUS(status) : 1;
	}
	return 0;
}

/* Runs pg_dump for the connection's database into a new custom-format
 * file (pg_restore reads it). */
static int pg_backup(struct store *s, const char *dest, char *err, size_t errlen)
{
	char *argv[] = { "pg_dump", "--format=custom", "--no-password", NULL };
	int fd, rc;

	/* a new file, never through a link, readable by the owner only */
	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errlen, errno == EEXIST ? "'%s' already exists" : "cannot create '%s': %s",
			 dest, strerror(errno));
		return STORE_ERR;
	}
	rc = pg_tool(s, argv, fd, err, errlen);
	if (rc == 0 && fsync(fd) < 0) {
		snprintf(err, errlen, "cannot sync '%s': %s", dest, strerror(errno));
		rc = STORE_ERR;
	}
	close(fd);
	if (rc != 0) {
		unlink(dest);
		return STORE_ERR;
	}
	(void)fsutil_sync_dir(dest);    /* the new file's name is durable too */
	return STORE_OK;
}

/* Runs pg_restore of a custom-format dump into the connection's database,
 * as one transaction that stops at the first error: the database gets the
 * whole dump or nothing.  Objects are owned by the connecting role. */
static int pg_restore(struct store *s, const char *src, char *err, size_t errlen)
{
	char *argv[] = { "pg_restore", "--no-password", "--exit-on-error", "--single-transaction",
			 "--no-owner", "--no-privileges", "--dbname", (char *)PQdb(PS(s)->conn),
			 (char *)src, NULL };

	return pg_tool(s, argv, -1, err, errlen) == 0 ? STORE_OK : STORE_ERR;
}

int pg_fail(struct store *s, PGresult *res, const char *what)
{
	return fail_result(s, res, what);
}

int pg_prepare_stmt(struct pg_stmt *st)
{
	return prepare_on_server(st);
}

static int pg_exec_script(struct store *s, const char *sql)
{
	char *mapped;
	int rc = late_flush(s);

	if (rc < 0)
		return rc;
	mapped = store_pg_map_types(sql);
	rc = run(s, mapped);

	free(mapped);
	return rc;
}

/* ANALYZE samples each table (default_statistics_target) and takes a lock
 * that blocks neither reads nor writes: the whole database at once.  A
 * migration's ALTER keeps a table's statistics (missing: nothing to do;
 * autovacuum analyzes what changed) */
static int pg_analyze(struct store *s, int missing)
{
	int rc;

	if (missing)
		return 0;
	rc = late_flush(s);

	return rc < 0 ? rc : (rc = run(s, "ANALYZE")) < 0 ? rc : 1;
}

const struct store_ops store_pg_ops = {
	.name = "postgresql",
	.backend = STORE_PG,
	.open = pg_open,
	.close = pg_close,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.reset = pg_reset,
	.col_isnull = pg_col_isnull,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.last_id = pg_last_id,
	.changes = pg_changes,
	.errmsg = pg_errmsg,
	.backup = pg_backup,
	.restore = pg_restore,
	.exec_script = pg_exec_script,
	.exec_late = pg_exec_late,
	.analyze = pg_analyze,
	.bulk_amend = store_pg_bulk_amend,
};
