/*
 * store_pg_batch.c: rows batched across records in the PostgreSQL driver's
 * bulk mode (store_pg_bulk.c; issue 16, pgcopy16f).
 *
 * A one-row `INSERT INTO t(...) VALUES (...)` (with its reserved id, for an
 * insert RETURNING id) does not go out at once: its row waits in t's batch,
 * and the batch goes as one multi-row INSERT of up to BATCH_ROWS rows (a
 * statement prepared for BATCH_ROWS, an unprepared one for fewer, the
 * one-row statement for one).  A batch is sent
 *
 *  - before a Sync, and before a statement whose result is waited for (a
 *    read that goes to the server: it may read t through a function);
 *  - before a statement that may depend on its rows: one whose text names
 *    t (a read, an UPDATE, an INSERT ... SELECT), one writing a table whose
 *    foreign key names t, one naming a view or a table a function names,
 *    any statement whose table is unknown;
 *  - after the batches of the tables t's foreign keys name (parents first);
 *  - when another statement inserts into t (the ids keep their order), or
 *    when it is full.
 *
 * Only tables no function of the schema names (no trigger reads or writes
 * them behind a statement) and whose triggers are all the rollup's (off
 * during an import: `qf.rollup_off`, migration 0071) are batched; while
 * the transaction has the rollup off, also those that only trigger
 * functions skipped then name (off_ok: `cases`, whose name is a column of
 * the category catalog's trigger, 0082/0090).  A table whose batches stay
 * small (sent by its dependants after a few rows) goes back to one
 * statement a row for the rest of the transaction.
 *
 * A failed batch whose rows came from one line names that line; one of
 * several lines makes the import run again one statement a row
 * (store_pg_bulk_exact), which names the line with the message one
 * statement a row gives.  No savepoint: each is a subtransaction, and past
 * 64 in one transaction other sessions' snapshots overflow.  SQLite keeps
 * one statement a row (a multi-row VALUES into a table with triggers
 * builds an ephemeral table there: migration 0073).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/store_pg_bulk.h"

#define BATCH_ROWS 64
#define BATCH_PROBE 64          /* sends before a table's batches are judged */
#define BATCH_MIN_AVG 2         /* rows a send on average, below which: singly */

/* Rows of one statement, owned: waiting, or sent and kept until their
 * result is read. */
struct pgb_rows {
	char single[48];        /* the one-row statement's prepared name */
	int np, n, cap;
	char **vals;            /* n * np values, NULL for NULL */
	int64_t *lines;
};

struct pgb_buf {
	struct pgb_rows *rows;  /* waiting, NULL none */
	char *sql;              /* the one-row statement */
	char name[48];          /* its prepared name */
	int np;
	char multi[56];         /* the BATCH_ROWS statement's name */
	int nmulti;             /* statements the table's batches took */
	unsigned gen;
	int ready;
	int sends, off;
	int64_t sent;
	int nreads;             /* the other tables its statement reads */
	int reads[CLASS_TABLES];
};

/* ---- what may be batched --------------------------------------------------- */

static const char Q_BATCH[] =
	"SELECT c.relname::text, (NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid "
	"AND NOT t.tgisinternal AND pg_get_triggerdef(t.oid) !~ 'qf\\.rollup_off'))::int, "
	"COALESCE((SELECT string_agg(DISTINCT p.relname::text, ' ') FROM pg_constraint f "
	"JOIN pg_class p ON p.oid = f.confrelid WHERE f.conrelid = c.oid AND f.contype = 'f' "
	"AND f.confrelid <> c.oid), '') , "
	/* every function that names it a trigger function whose triggers all
	 * carry qf.rollup_off: inert while the rollup is off */
	"(NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = c.relnamespace "
	"AND p.prosrc ~ ('\\m' || c.relname || '\\M') AND (p.prorettype <> 'trigger'::regtype "
	"OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgfoid = p.oid "
	"AND pg_get_triggerdef(t.oid) !~ 'qf\\.rollup_off'))))::int "
	"FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')";

int pgb_batch_load(struct store *s, struct pg_bulk *b)
{
	PGresult *res = PQexec(PS(s)->conn, Q_BATCH);

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		int rc = pg_fail(s, res, "bulk: the tables' keys");
		PQclear(res);
		return rc;
	}
	for (int i = 0; i < PQntuples(res); i++) {
		const char *name = PQgetvalue(res, i, 0), *p = PQgetvalue(res, i, 2);
		int t = pgb_table_index(b, name, strlen(name));
		struct table *tb;
		if (t < 0)
			continue;
		tb = &b->tables[t];
		tb->plain = !strcmp(PQgetvalue(res, i, 1), "1");
		tb->batch_ok = tb->cacheable && tb->plain;
		tb->off_ok = tb->plain && !strcmp(PQgetvalue(res, i, 3), "1");
		while (*p) {
			size_t len = strcspn(p, " ");
			int pt = pgb_table_index(b, p, len);
			if (pt >= 0) {
				tb->parents = xrealloc(tb->parents, (size_t)(tb->nparents + 1) * sizeof(int));
				tb->parents[tb->nparents++] = pt;
			}
			p += len + (p[len] == ' ');
		}
	}
	PQclear(res);
	return STORE_OK;
}

/* The `(...)` after " VALUES " when it is the statement's last and only
 * row, NULL otherwise. */
static const char *values_row(const char *sql)
{
	const char *v = strstr(sql, " VALUES ("), *p;
	int depth = 0, quoted = 0;

	if (!v || strncmp(sql, "INSERT INTO ", 12) || strstr(sql, "SELECT") || strstr(sql, "ON CONFLICT") ||
	    strstr(sql, "RETURNING"))
		return NULL;
	for (p = v + 8; *p; p++) {
		if (*p == '\'')
			quoted = !quoted;
		if (quoted)
			continue;
		depth += *p == '(';
		depth -= *p == ')';
		if (!depth && p[1])
			return NULL;
	}
	return depth || quoted ? NULL : v + 8;
}

/* The `SELECT ...` of `INSERT INTO t(...) SELECT ...` when it is one
 * plain SELECT (no set operation, order, limit, RETURNING or ON CONFLICT:
 * n of them joined by UNION ALL insert what the n statements insert, in
 * their order), NULL otherwise.  The subjects' snapshot (IX_SNAP). */
static const char *select_row(const char *sql)
{
	const char *close = strchr(sql, ')'), *sel = close ? strstr(close, ") SELECT ") : NULL;

	if (strncmp(sql, "INSERT INTO ", 12) || !sel || sel != close || strchr(sql, '\'') ||
	    strstr(sql, " VALUES") || strstr(sql, " UNION ") || strstr(sql, " ORDER BY ") || strstr(sql, " LIMIT ") ||
	    strstr(sql, " GROUP BY ") || strstr(sql, " DISTINCT ") || strstr(sql, "RETURNING") ||
	    strstr(sql, "ON CONFLICT") || strstr(sel + 8, "SELECT"))
		return NULL;
	return sel + 2;
}

int pgb_batch_shape(const char *sql)
{
	return sql && (values_row(sql) || select_row(sql));
}

void pgb_batch_names(struct pg_bulk *b, struct pgb_class *c, const char *sql)
{
	char w[64];
	int quoted = 0;

	c->nnamed = 0;
	/* a write whose triggers may run anything: every batch before it */
	if (c->target >= 0 && !b->tables[c->target].plain) {
		c->nnamed = -1;
		return;
	}
	while (pgb_next_word(&sql, w, sizeof(w), &quoted)) {
		int t = pgb_table_index(b, w, strlen(w)), seen = 0;
		if (t < 0)
			continue;
		/* a view or a function may read any table; a table a function
		 * names is read as it is named (no batch holds its rows) */
		if (!b->tables[t].plain) {
			c->nnamed = -1;
			return;
		}
		for (int i = 0; i < c->nnamed; i++)
			seen |= c->named[i] == t;
		if (seen)
			continue;
		if (c->nnamed == CLASS_TABLES) {
			c->nnamed = -1;
			return;
		}
		c->named[c->nnamed++] = t;
	}
	if (quoted)
		c->nnamed = -1;
}

/* sql's row n times, its parameters renumbered: the multi-row text (a
 * VALUES list, or the SELECTs in a UNION ALL). */
static char *multi_text(const char *sql, int np, int n)
{
	const char *row = values_row(sql), *sep = ", ";
	size_t head, rl, cap, o;
	char *out;

	if (!row) {
		row = select_row(sql);
		sep = " UNION ALL ";
	}
	head = (size_t)(row - sql);
	rl = strlen(row);
	cap = head + (size_t)n * (rl * 2 + 12) + 1;
	out = xcalloc(cap, 1);

	memcpy(out, sql, head);
	o = head;
	for (int r = 0; r < n; r++) {
		int quoted = 0;
		if (r) {
			memcpy(out + o, sep, strlen(sep));
			o += strlen(sep);
		}
		for (const char *p = row; *p;) {
			if (*p == '\'')
				quoted = !quoted;
			if (!quoted && *p == '$' && p[1] >= '0' && p[1] <= '9') {
				char *end;
				long k = strtol(p + 1, &end, 10);
				o += (size_t)snprintf(out + o, cap - o, "$%ld", k + (long)r * np);
				p = end;
			} else {
				out[o++] = *p++;
			}
		}
	}
	out[o] = '\0';
	return out;
}

/* ---- the rows ---------------------------------------------------------------- */

void pgb_rows_free(struct pgb_rows *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->n * r->np; i++)
		free(r->vals[i]);
	free(r->vals);
	free(r->lines);
	free(r);
}

static void rows_add(struct pgb_rows *r, char **vals, int64_t line)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->vals = xrealloc(r->vals, (size_t)r->cap * (size_t)r->np * sizeof(char *));
		r->lines = xrealloc(r->lines, (size_t)r->cap * sizeof(int64_t));
	}
	for (int i = 0; i < r->np; i++)
		r->vals[r->n * r->np + i] = vals[i] ? xstrdup(vals[i]) : NULL;
	r->lines[r->n++] = line;
}

/* ---- sending --------------------------------------------------------------- */

static int pushed(struct store *s, int ok, int64_t line, struct pgb_rows *rows)
{
	struct pg_bulk *b = PS(s)->bulk;
	int64_t was = b->line;
	int rc;

	if (!ok) {
		pgb_note_failure(s, NULL, line);
		pgb_rows_free(rows);
		return pgb_refail(s);
	}
	b->line = line;
	rc = pgb_push(s, NULL, NULL);  /* no Sync: b->in_flush */
	b->line = was;
	b->pend[b->npend - 1].rows = rows;
	return rc;
}

static int flush_table(struct store *s, int t, int depth);

/* t's rows sent: its parents' first. */
static int flush_table(struct store *s, int t, int depth)
{
	struct pg_store *ps = PS(s);
	struct pg_bulk *b = ps->bulk;
	struct pgb_buf *buf = b->tables[t].buf;
	struct pgb_rows *r = buf ? buf->rows : NULL;
	const char *const *v;
	int rc = STORE_OK;

	if (!r)
		return STORE_OK;
	buf->rows = NULL;
	b->nbuf--;
	for (int i = 0; depth < 8 && i < b->tables[t].nparents && rc == STORE_OK; i++)
		rc = flush_table(s, b->tables[t].parents[i], depth + 1);
	for (int i = 0; depth < 8 && i < buf->nreads && rc == STORE_OK; i++)
		rc = flush_table(s, buf->reads[i], depth + 1);
	if (rc < 0 || (rc = pgb_enter_pipe(s)) < 0) {
		pgb_rows_free(r);
		return rc;
	}
	buf->sends++;
	buf->sent += r->n;
	if (buf->sends >= BATCH_PROBE && buf->sent < (int64_t)buf->sends * BATCH_MIN_AVG)
		buf->off = 1;
	v = (const char *const *)r->vals;
	if (r->n == 1) {
		rc = pushed(s, PQsendQueryPrepared(ps->conn, r->single, r->np, v, NULL, NULL, 0), r->lines[0], NULL);
		pgb_rows_free(r);
		return rc;
	}
	if (r->n == BATCH_ROWS) {
		if (!buf->ready || buf->gen != ps->gen) {
			char *sql = multi_text(buf->sql, buf->np, BATCH_ROWS);
			int ok = PQsendPrepare(ps->conn, buf->multi, sql, BATCH_ROWS * buf->np, NULL);
			free(sql);
			if ((rc = pushed(s, ok, r->lines[0], NULL)) < 0) {
				pgb_rows_free(r);
				return rc;
			}
			buf->ready = 1;
			buf->gen = ps->gen;
		}
		rc = pushed(s, PQsendQueryPrepared(ps->conn, buf->multi, r->n * r->np, v, NULL, NULL, 0),
			    r->lines[0], r);
	} else {
		char *sql = multi_text(buf->sql, buf->np, r->n);
		rc = pushed(s, PQsendQueryParams(ps->conn, sql, r->n * r->np, NULL, v, NULL, NULL, 0),
			    r->lines[0], r);
		free(sql);
	}
	return rc;
}

/* After sends outside a Sync: the pipeline's cap kept. */
static int after_flush(struct store *s, int rc)
{
	struct pg_bulk *b = PS(s)->bulk;

	b->in_flush = 0;
	if (rc == STORE_OK && b->npend >= PEND_MAX)
		rc = pgb_sync_all(s);
	return rc;
}

int pgb_batch_flush_all(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;
	int rc = STORE_OK, was = b->in_flush;

	b->in_flush = 1;
	for (int t = 0; t < b->ntables && b->nbuf && rc == STORE_OK; t++)
		rc = flush_table(s, t, 0);
	b->in_flush = was;
	return rc;
}

/* Whether sql is an INSERT ... SELECT that reads its own table t: each of
 * its rows would see the ones before, which a UNION ALL would not. */
static int selects_own(struct pg_bulk *b, const char *sql, int t)
{
	const char *p = select_row(sql);
	char w[64];
	int quoted = 0;

	while (p && pgb_next_word(&p, w, sizeof(w), &quoted))
		if (pgb_table_index(b, w, strlen(w)) == t)
			return 1;
	return 0;
}

/* The batches whose statement reads t (an INSERT ... SELECT) sent before a
 * write of t, so they read it as it was when they were made. */
static int flush_readers(struct store *s, int t)
{
	struct pg_bulk *b = PS(s)->bulk;
	int rc = STORE_OK;

	for (int r = 0; r < b->ntables && b->nbuf && rc == STORE_OK; r++) {
		struct pgb_buf *buf = b->tables[r].buf;
		int reads = 0;
		for (int i = 0; buf && buf->rows && i < buf->nreads; i++)
			reads |= buf->reads[i] == t;
		if (reads)
			rc = flush_table(s, r, 0);
	}
	return rc;
}

int pgb_batch_before(struct store *s, const struct pgb_class *c)
{
	struct pg_bulk *b = PS(s)->bulk;
	int rc = STORE_OK;

	if (!b->nbuf)
		return STORE_OK;
	if (c->target == -2 || c->nnamed < 0) {
		rc = pgb_batch_flush_all(s);
		return rc < 0 ? rc : after_flush(s, rc);
	}
	b->in_flush = 1;
	for (int i = 0; i < c->nnamed && rc == STORE_OK; i++)
		rc = flush_table(s, c->named[i], 0);
	if (c->target >= 0) {
		const struct table *tb = &b->tables[c->target];
		for (int i = 0; i < tb->nparents && rc == STORE_OK; i++)
			rc = flush_table(s, tb->parents[i], 0);
		if (rc == STORE_OK)
			rc = flush_readers(s, c->target);
	}
	return after_flush(s, rc);
}

int pgb_batch_add(struct store *s, const struct pgb_class *c, const char *name, const char *sql, int np,
		  char **vals)
{
	struct pg_bulk *b = PS(s)->bulk;
	int t = c->target;
	struct table *tb = &b->tables[t];
	struct pgb_buf *buf = tb->buf;
	int rc = STORE_OK;

	if (b->exact || !(b->rollup_off ? tb->off_ok : tb->batch_ok) || (buf && buf->off) || c->nnamed < 0 ||
	    selects_own(b, sql, t))
		return 0;
	if (!buf)
		buf = tb->buf = xcalloc(1, sizeof(*buf));
	if (b->nbuf) {          /* a batch reading t reads it as it was */
		b->in_flush = 1;
		rc = after_flush(s, flush_readers(s, t));
		if (rc < 0)
			return rc;
	}
	if (!buf->sql || strcmp(buf->name, name)) {
		b->in_flush = 1;
		rc = after_flush(s, flush_table(s, t, 0));
		if (rc < 0)
			return rc;
		buf->nreads = 0;
		for (int i = 0; i < c->nnamed; i++)
			if (c->named[i] != t)
				buf->reads[buf->nreads++] = c->named[i];
		free(buf->sql);
		buf->sql = xstrdup(sql);
		snprintf(buf->name, sizeof(buf->name), "%s", name);
		buf->np = np;
		buf->ready = 0;         /* a name of its own: prepared once */
		snprintf(buf->multi, sizeof(buf->multi), "qf_batch_%d_%d", t, ++buf->nmulti);
	}
	if (!buf->rows) {
		buf->rows = xcalloc(1, sizeof(*buf->rows));
		snprintf(buf->rows->single, sizeof(buf->rows->single), "%s", name);
		buf->rows->np = np;
		b->nbuf++;
	}
	rows_add(buf->rows, vals, b->line);
	if (buf->rows->n == BATCH_ROWS) {
		b->in_flush = 1;
		rc = after_flush(s, flush_table(s, t, 0));
	}
	return rc < 0 ? rc : 1;
}

/* ---- a waiting row amended ------------------------------------------------ */

/* The parameter (0-based) that gives column col in a one-row
 * `INSERT INTO t(cols) VALUES (...)` whose value there is a bare `$k`, -1
 * none. */
static int param_of(const char *sql, const char *col)
{
	const char *p = strchr(sql, '('), *row = values_row(sql);
	size_t len = strlen(col);
	int i = 0, depth = 0;

	if (!p || !row)
		return -1;
	for (p++; *p && *p != ')'; i++) {       /* the column's position */
		p += strspn(p, " ");
		if (!strncmp(p, col, len) && (p[len] == ',' || p[len] == ')' || p[len] == ' '))
			break;
		p += strcspn(p, ",)");
		p += *p == ',';
	}
	if (*p == ')' || !*p)
		return -1;
	for (p = row + 1; *p && i; p++) {       /* its value */
		depth += *p == '(';
		depth -= *p == ')';
		i -= !depth && *p == ',';
	}
	p += strspn(p, " ");
	if (*p != '$')
		return -1;
	len = strspn(p + 1, "0123456789");
	return len && (p[1 + len] == ',' || p[1 + len] == ')') ? atoi(p + 1) - 1 : -1;
}

int store_pg_bulk_amend(struct store *s, const char *table, int64_t id, int n, const char *const *cols,
			const char *const *vals, unsigned keep)
{
	struct pg_bulk *b = store_backend(s) == STORE_PG ? PS(s)->bulk : NULL;
	int t = b && b->nbuf ? pgb_table_index(b, table, strlen(table)) : -1, idp, at[16], row = -1;
	struct pgb_buf *buf = t >= 0 ? b->tables[t].buf : NULL;
	struct pgb_rows *r = buf ? buf->rows : NULL;
	char idtext[24];

	if (!r || n > 16 || (idp = param_of(buf->sql, "id")) < 0)
		return 0;
	snprintf(idtext, sizeof(idtext), "%lld", (long long)id);
	for (int i = r->n - 1; i >= 0 && row < 0; i--)
		if (r->vals[i * r->np + idp] && !strcmp(r->vals[i * r->np + idp], idtext))
			row = i;
	for (int k = 0; k < n && row >= 0; k++)
		if ((at[k] = param_of(buf->sql, cols[k])) < 0)
			return 0;
	if (row < 0)
		return 0;
	for (int k = 0; k < n; k++) {
		char **v = &r->vals[row * r->np + at[k]];
		if ((keep >> k & 1) && *v)
			continue;
		free(*v);
		*v = vals[k] ? xstrdup(vals[k]) : NULL;
	}
	b->tgen[t] = ++b->clock;        /* the table's cached reads forgotten */
	buf->sent++;                    /* a statement saved: the batch's worth */
	return 1;
}

/* ---- a failed batch ------------------------------------------------------- */

int pgb_rows_one_line(const struct pgb_rows *r)
{
	for (int i = 1; i < r->n; i++)
		if (r->lines[i] != r->lines[0])
			return 0;
	return 1;
}

int store_pg_bulk_exact(struct store *s)
{
	struct pg_bulk *b = store_backend(s) == STORE_PG ? PS(s)->bulk : NULL;

	if (!b || !b->unnamed)
		return 0;
	b->unnamed = 0;
	b->exact = 1;
	return 1;
}

/* ---- the end ---------------------------------------------------------------- */

void pgb_batch_end(struct pg_bulk *b)
{
	for (int t = 0; t < b->ntables; t++) {
		struct pgb_buf *buf = b->tables[t].buf;
		if (!buf)
			continue;
		pgb_rows_free(buf->rows);
		buf->rows = NULL;
		buf->sends = buf->off = 0;
		buf->sent = 0;
	}
	b->nbuf = 0;
	b->in_flush = 0;
	b->rollup_off = 0;
}

void pgb_batch_free(struct pg_bulk *b)
{
	for (int t = 0; t < b->ntables; t++) {
		struct pgb_buf *buf = b->tables[t].buf;
		if (buf) {
			pgb_rows_free(buf->rows);
			free(buf->sql);
			free(buf);
		}
		free(b->tables[t].parents);
	}
}
