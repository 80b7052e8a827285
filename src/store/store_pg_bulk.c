/*
 * store_pg_bulk.c: the PostgreSQL driver's bulk mode, for the one long
 * transaction of `qingfeng import` (store_ix_bulk, issue 16).  Inside a
 * transaction of a connection in bulk mode:
 *
 *  - statements go in libpq's pipeline mode: a write whose result nobody
 *    reads (INSERT, UPDATE, DELETE without RETURNING) is sent and not
 *    waited for; a statement with rows (a read, RETURNING) sends a Sync and
 *    waits for everything sent before it and then for its own rows: one
 *    round trip however many writes went before;
 *  - `INSERT INTO t(...) VALUES (...) RETURNING id` does not wait either:
 *    the id comes from a block reserved from the table's sequence
 *    (nextval, so the sequence is always past every id given), the row is
 *    inserted with it and the caller reads it from a result made here.
 *    Unused reserved ids are given back at store_pg_bulk_flush when
 *    nobody drew from the sequence since, so the ids a file gets are the
 *    ones one statement at a time gives;
 *  - a read of tables only (no volatile function) is answered from a
 *    cache keyed by the statement and its parameters until a statement
 *    writes one of its tables (by the table an INSERT or UPDATE names;
 *    any DELETE, any other command forgets the whole cache).  Tables a
 *    function or trigger of the schema names, and views, are never
 *    cached: a trigger may write them behind the statement's back; nor is
 *    a read that calls a function of the schema.
 *
 * A write that fails is known at the next Sync only.  The transaction is
 * then aborted on the server, every later call answers the first failure
 * again, and store_pg_bulk_flush says the line (store_pg_bulk_line) the
 * failed statement was sent for: the import stays all or nothing and its
 * errors keep their line.  COMMIT, ROLLBACK, savepoints, prepares and
 * scripts first wait for everything sent (pgb_quiesce).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/store_pg_bulk.h"

/* ---- the tables of the schema ------------------------------------------- */

/* The relations of the schema, and its functions (a read calling one may
 * read any table: never cached), each name once: 1 cacheable. */
static const char Q_TABLES[] =
	"SELECT name, min(ok) FROM (SELECT c.relname::text AS name, (c.relkind IN ('r', 'p') AND "
	"NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = c.relnamespace "
	"AND p.prosrc ~ ('\\m' || c.relname || '\\M')))::int AS ok "
	"FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
	"AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
	"UNION ALL SELECT p.proname::text, 0 FROM pg_proc p "
	"WHERE p.pronamespace = current_schema()::regnamespace) n "
	"GROUP BY name ORDER BY name COLLATE \"C\"";

static int load_tables(struct store *s, struct pg_bulk *b)
{
	PGresult *res = PQexec(PS(s)->conn, Q_TABLES);
	int rc = STORE_OK;

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_fail(s, res, "bulk: the schema's tables");
	} else {
		b->ntables = PQntuples(res);
		b->tables = xcalloc((size_t)b->ntables + 1, sizeof(*b->tables));
		b->tgen = xcalloc((size_t)b->ntables + 1, sizeof(*b->tgen));
		b->rsv = xcalloc((size_t)b->ntables + 1, sizeof(*b->rsv));
		for (int i = 0; i < b->ntables; i++) {
			b->tables[i].name = xstrdup(PQgetvalue(res, i, 0));
			b->tables[i].cacheable = !strcmp(PQgetvalue(res, i, 1), "1");
		}
		b->loaded = 1;
	}
	PQclear(res);
	return rc == STORE_OK ? pgb_batch_load(s, b) : rc;
}

int pgb_table_index(struct pg_bulk *b, const char *name, size_t len)
{
	int lo = 0, hi = b->ntables - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strncmp(b->tables[mid].name, name, len);
		if (!c && b->tables[mid].name[len])
			c = 1;
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* ---- what a statement does ------------------------------------------------ */

/* The next identifier of sql from *p (lowercased into w), skipping
 * literals, quoted names (*quoted set) and punctuation; 0 at the end. */
int pgb_next_word(const char **p, char *w, size_t wlen, int *quoted)
{
	const char *q = *p;

	for (;;) {
		if (!*q) {
			*p = q;
			return 0;
		}
		if (*q == '\'') {
			for (q++; *q && *q != '\''; q++)
				;
			if (*q)
				q++;
		} else if (*q == '"') {
			*quoted = 1;
			for (q++; *q && *q != '"'; q++)
				;
			if (*q)
				q++;
		} else if (*q == '$') {
			for (q++; isdigit((unsigned char)*q); q++)
				;
		} else if (isalpha((unsigned char)*q) || *q == '_') {
			size_t n = 0;
			while (isalnum((unsigned char)*q) || *q == '_') {
				if (n + 1 < wlen)
					w[n++] = (char)tolower((unsigned char)*q);
				q++;
			}
			w[n] = '\0';
			*p = q;
			return 1;
		} else {
			q++;
		}
	}
}

static int volatile_word(const char *w)
{
	static const char *const words[] = { "now", "random", "nextval", "setval", "currval", "lastval",
					     "clock_timestamp", "statement_timestamp", "timeofday",
					     "localtime", "localtimestamp", "update", "share", NULL };

	if (!strncmp(w, "pg_", 3) || !strncmp(w, "current_", 8) || !strncmp(w, "txid", 4))
		return 1;
	for (int i = 0; words[i]; i++)
		if (!strcmp(w, words[i]))
			return 1;
	return 0;
}

/* The tables a read names, if all are cacheable. */
static void read_tables(struct pg_bulk *b, struct pgb_class *c, const char *sql)
{
	char w[64];
	int quoted = 0;

	c->ntab = 0;
	while (pgb_next_word(&sql, w, sizeof(w), &quoted)) {
		int t = pgb_table_index(b, w, strlen(w));
		int seen = 0;
		if (volatile_word(w) || !strcmp(w, "with")) {
			c->ntab = -1;
			return;
		}
		if (t < 0)
			continue;
		if (!b->tables[t].cacheable || c->ntab == CLASS_TABLES) {
			c->ntab = -1;
			return;
		}
		for (int i = 0; i < c->ntab; i++)
			seen |= c->tabs[i] == t;
		if (!seen)
			c->tabs[c->ntab++] = t;
	}
	if (quoted)
		c->ntab = -1;
}

/* `INSERT INTO t(cols) VALUES (one row) RETURNING id` without an id
 * column: the same insert with the id as parameter nparams + 1. */
static char *insert_id_text(const char *sql, int nparams)
{
	const char *open = strchr(sql, '('), *close = open ? strchr(open, ')') : NULL;
	const char *values = close ? strstr(close, " VALUES (") : NULL, *end, *p;
	const char *tail = " RETURNING id";
	size_t n = strlen(sql), tl = strlen(tail);
	int depth = 0;
	char w[64], *out;
	int quoted = 0;

	if (!values || n < tl || strcmp(sql + n - tl, tail) || strstr(sql, "ON CONFLICT") ||
	    strstr(sql, "SELECT"))
		return NULL;
	for (p = open; p < close && pgb_next_word(&p, w, sizeof(w), &quoted) && p <= close;)
		if (!strcmp(w, "id"))
			return NULL;
	/* the VALUES list closes right before RETURNING */
	end = sql + n - tl - 1;
	for (p = values + 8; p <= end; p++) {
		depth += *p == '(';
		depth -= *p == ')';
		if (!depth && p < end)
			return NULL;
	}
	if (depth || *end != ')' || quoted)
		return NULL;
	out = xcalloc(n + 32, 1);
	memcpy(out, sql, (size_t)(close - sql));
	sprintf(out + (close - sql), ", id%.*s, $%d)", (int)(end - close), close, nparams + 1);
	return out;
}

static void classify(struct pg_bulk *b, struct pg_stmt *st)
{
	struct pgb_class *c = xcalloc(1, sizeof(*c));
	const char *p = st->sql;
	char w[64];
	int quoted = 0, returning = 0;

	st->cls = c;
	c->kind = K_OTHER;
	c->target = -2;
	if (!pgb_next_word(&p, w, sizeof(w), &quoted))
		return;
	if (!strcmp(w, "select")) {
		read_tables(b, c, st->sql);
		c->kind = c->ntab >= 0 ? K_READ : K_OTHER;
		c->target = -1;
		/* a cached read names all it reads (no view, no function): the
		 * batches of those tables go before it, the others may wait */
		c->nnamed = c->ntab;
		memcpy(c->named, c->tabs, sizeof(c->named));
		return;
	}
	for (const char *q = st->sql; pgb_next_word(&q, w, sizeof(w), &quoted);)
		returning |= !strcmp(w, "returning");
	if (!strncmp(st->sql, "INSERT INTO ", 12) || !strncmp(st->sql, "UPDATE ", 7)) {
		p = st->sql + (st->sql[0] == 'I' ? 12 : 7);
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
		c->target = pgb_table_index(b, p, len);
		if (c->target < 0)
			c->target = -2;
	}
	if (!returning && (!strncmp(st->sql, "INSERT ", 7) || !strncmp(st->sql, "UPDATE ", 7) ||
			   !strncmp(st->sql, "DELETE ", 7)))
		c->kind = K_WRITE;
	else if (c->target >= 0 && st->sql[0] == 'I' && (c->alt_sql = insert_id_text(st->sql, st->nparams)))
		c->kind = K_INSERT_ID;
	if (strstr(st->sql, "qf.rollup_off"))
		c->rollup = strstr(st->sql, "set_config('qf.rollup_off', '1'") ? 1 : -1;
	c->batch = c->target >= 0 && ((c->kind == K_WRITE && pgb_batch_shape(st->sql)) ||
				      (c->kind == K_INSERT_ID && pgb_batch_shape(c->alt_sql)));
	pgb_batch_names(b, c, st->sql);
}

/* ---- the pipeline ---------------------------------------------------------- */

int pgb_refail(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;

	store_seterr(s, "%s", b->fail_msg);
	return b->fail_rc;
}

int pgb_enter_pipe(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;

	if (b->piping)
		return STORE_OK;
	if (PQenterPipelineMode(PS(s)->conn) != 1)
		return pg_fail(s, NULL, "bulk: pipeline mode");
	b->piping = 1;
	return STORE_OK;
}

void pgb_note_failure(struct store *s, PGresult *res, int64_t line)
{
	struct pg_bulk *b = PS(s)->bulk;
	int rc = pg_fail(s, res, "query");

	if (b->fail_rc)
		return;
	b->fail_rc = rc;
	b->fail_line = line;
	snprintf(b->fail_msg, sizeof(b->fail_msg), "%s", s->err);
}

/* Sends a Sync and reads every result sent before it. */
int pgb_sync_all(struct store *s)
{
	struct pg_store *ps = PS(s);
	struct pg_bulk *b = ps->bulk;
	PGresult *r;

	if (!b->in_flush && b->nbuf && pgb_batch_flush_all(s) < 0)
		return pgb_refail(s);
	if (!b->npend)
		return b->fail_rc ? pgb_refail(s) : STORE_OK;
	if (PQpipelineSync(ps->conn) != 1) {
		pgb_note_failure(s, NULL, b->line);
		b->npend = 0;
		return pgb_refail(s);
	}
	for (int i = 0; i < b->npend; i++) {
		struct pend *e = &b->pend[i];
		PGresult *x;
		r = PQgetResult(ps->conn);
		if (!r)         /* a separator left over: once more */
			r = PQgetResult(ps->conn);
		if (!r) {
			pgb_note_failure(s, NULL, e->line);
			continue;
		}
		while ((x = PQgetResult(ps->conn)))
			PQclear(x);
		switch (PQresultStatus(r)) {
		case PGRES_COMMAND_OK:
		case PGRES_TUPLES_OK: {
			const char *t = PQcmdTuples(r);
			ps->changes = *t ? strtoll(t, NULL, 10) : 0;
			if (e->want && !b->fail_rc) {
				e->want->res = r;
				e->want->nrows = PQntuples(r);
			} else if (e->out && !b->fail_rc) {
				*e->out = r;
			} else {
				PQclear(r);
			}
			break;
		}
		case PGRES_PIPELINE_ABORTED:
			PQclear(r);
			break;
		default:
			/* a batch of rows of several lines: which one failed is
			 * not known (store_pg_bulk_exact) */
			if (e->rows && !b->fail_rc && !pgb_rows_one_line(e->rows))
				b->unnamed = 1;
			pgb_note_failure(s, r, e->line);
			PQclear(r);
			break;
		}
		pgb_rows_free(e->rows);
		e->rows = NULL;
	}
	b->npend = 0;
	r = PQgetResult(ps->conn);
	if (!r || PQresultStatus(r) != PGRES_PIPELINE_SYNC)
		pgb_note_failure(s, r, b->line);
	PQclear(r);
	return b->fail_rc ? pgb_refail(s) : STORE_OK;
}

int pgb_push(struct store *s, struct pg_stmt *want, PGresult **out)
{
	struct pg_bulk *b = PS(s)->bulk;

	if (b->npend == b->cappend) {
		b->cappend = b->cappend ? 2 * b->cappend : 64;
		b->pend = xrealloc(b->pend, (size_t)b->cappend * sizeof(*b->pend));
	}
	b->pend[b->npend++] = (struct pend){ b->line, want, out, NULL };
	return b->npend >= PEND_MAX && !b->in_flush ? pgb_sync_all(s) : STORE_OK;
}

int pgb_send_prepared(struct store *s, const char *name, int n, char **vals, struct pg_stmt *want)
{
	struct pg_bulk *b = PS(s)->bulk;

	/* a statement waited for may read anything (a function, a view):
	 * the batches go before it */
	if (want && b->nbuf && !b->in_flush && pgb_batch_flush_all(s) < 0)
		return pgb_refail(s);
	if (pgb_enter_pipe(s) < 0)
		return STORE_ERR;
	if (PQsendQueryPrepared(PS(s)->conn, name, n, (const char *const *)vals, NULL, NULL, 0) != 1) {
		pgb_note_failure(s, NULL, PS(s)->bulk->line);
		return pgb_refail(s);
	}
	return pgb_push(s, want, NULL);
}

/* A statement that reads no table a batch holds rows of (a cached read,
 * whose tables' batches went before it; the driver's own queries of the
 * sequences and the catalog) sent and waited for with the batches left
 * waiting: prepared name (results into want), or sql (into *out). */
static int sync_keeping(struct store *s, const char *name, int n, char **vals, struct pg_stmt *want,
			const char *sql, PGresult **out)
{
	struct pg_bulk *b = PS(s)->bulk;
	int was = b->in_flush, rc;

	b->in_flush = 1;
	if (name) {
		rc = pgb_send_prepared(s, name, n, vals, want);
	} else if ((rc = pgb_enter_pipe(s)) == STORE_OK &&
		   PQsendQueryParams(PS(s)->conn, sql, n, NULL, (const char *const *)vals, NULL, NULL, 0) != 1) {
		pgb_note_failure(s, NULL, b->line);
		rc = pgb_refail(s);
	} else if (rc == STORE_OK) {
		rc = pgb_push(s, NULL, out);
	}
	if (rc == STORE_OK)
		rc = pgb_sync_all(s);
	b->in_flush = was;
	return rc;
}

/* An internal query's result (PQclear it), or NULL after a failure. */
static PGresult *internal(struct store *s, const char *sql, int n, const char *const *vals)
{
	PGresult *res = NULL;

	if (sync_keeping(s, NULL, n, (char **)vals, NULL, sql, &res) < 0) {
		PQclear(res);
		return NULL;
	}
	return res;
}

/* ---- the read cache -------------------------------------------------------- */

static void unref(struct pgb_cres *e)
{
	if (e && --e->refs == 0) {
		PQclear(e->res);
		free(e->key);
		free(e);
	}
}

static void forget_all(struct pg_bulk *b)
{
	b->all_stamp = ++b->clock;
}

static void wrote(struct pg_bulk *b, int target)
{
	if (target >= 0)
		b->tgen[target] = ++b->clock;
	else if (target == -2)
		forget_all(b);
}

static char *cache_key(struct pg_stmt *st, size_t *len, unsigned *hash)
{
	struct strbuf_lite { char *buf; size_t len, cap; } k = { NULL, 0, 0 };
	uint32_t h = 2166136261u;

#define KEY_ADD(ptr, n) do { \
		if (k.len + (n) > k.cap) { \
			k.cap = (k.len + (n)) * 2 + 64; \
			k.buf = xrealloc(k.buf, k.cap); \
		} \
		memcpy(k.buf + k.len, (ptr), (n)); \
		k.len += (n); \
	} while (0)
	KEY_ADD(st->name, strlen(st->name) + 1);
	for (int i = 0; i < st->nparams; i++) {
		if (!st->vals[i]) {
			KEY_ADD("\2", 1);
		} else {
			KEY_ADD("\1", 1);
			KEY_ADD(st->vals[i], strlen(st->vals[i]) + 1);
		}
	}
#undef KEY_ADD
	for (size_t i = 0; i < k.len; i++)
		h = (h ^ (unsigned char)k.buf[i]) * 16777619u;
	*len = k.len;
	*hash = h;
	return k.buf;
}

static int fresh(struct pg_bulk *b, const struct pgb_cres *e)
{
	if (e->stamp <= b->all_stamp)
		return 0;
	for (int i = 0; i < e->ntab; i++)
		if (b->tgen[e->tabs[i]] >= e->stamp)
			return 0;
	return 1;
}

static void use(struct pg_stmt *st, struct pgb_cres *e)
{
	e->refs++;
	st->cres = e;
	st->res = e->res;
	st->nrows = PQntuples(e->res);
}

static int cached_read(struct store *s, struct pg_stmt *st)
{
	struct pg_bulk *b = PS(s)->bulk;
	struct pgb_class *c = st->cls;
	size_t len;
	unsigned h;
	char *key = cache_key(st, &len, &h);
	struct pgb_cres **slot = &b->cache[h % CACHE_SLOTS], *e = *slot;
	uint64_t stamp = b->clock + 1;
	int rc;

	if (e && e->keylen == len && !memcmp(e->key, key, len) && fresh(b, e)) {
		free(key);
		use(st, e);
		PS(s)->changes = st->nrows;
		return STORE_OK;
	}
	rc = sync_keeping(s, st->name, st->nparams, st->vals, st, NULL, NULL);
	if (rc < 0 || !st->res) {
		free(key);
		return rc < 0 ? rc : STORE_ERR;
	}
	unref(*slot);
	e = xcalloc(1, sizeof(*e));
	*e = (struct pgb_cres){ st->res, 1, stamp, c->ntab, { 0 }, key, len };
	memcpy(e->tabs, c->tabs, sizeof(e->tabs));
	*slot = e;
	use(st, e);
	return STORE_OK;
}

/* ---- ids reserved from the sequences ------------------------------------- */

static int reserve_id(struct store *s, int t, int64_t *id)
{
	struct pg_bulk *b = PS(s)->bulk;
	struct reserve *r = &b->rsv[t];
	PGresult *res;

	if (!r->loaded) {
		const char *v[1] = { b->tables[t].name };
		res = internal(s, "SELECT pg_get_serial_sequence($1, 'id')", 1, v);
		if (!res)
			return STORE_ERR;
		r->seq = PQgetisnull(res, 0, 0) ? NULL : xstrdup(PQgetvalue(res, 0, 0));
		r->loaded = 1;
		PQclear(res);
	}
	if (!r->seq)
		return 0;
	if (r->pos >= r->n) {
		char nb[16];
		const char *v[2] = { r->seq, nb };
		r->block = r->block ? (r->block < BLOCK_MAX ? 2 * r->block : BLOCK_MAX) : BLOCK_MIN;
		snprintf(nb, sizeof(nb), "%d", r->block);
		res = internal(s, "SELECT nextval($1::regclass) FROM generate_series(1, $2::int)", 2, v);
		if (!res)
			return STORE_ERR;
		r->ids = xrealloc(r->ids, (size_t)r->block * sizeof(*r->ids));
		r->n = PQntuples(res);
		r->pos = 0;
		for (int i = 0; i < r->n; i++)
			r->ids[i] = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		PQclear(res);
		if (!r->n)
			return STORE_ERR;
		if (!r->first)
			r->first = r->ids[0];
		r->left = r->ids[r->n - 1];
	}
	*id = r->ids[r->pos++];
	return 1;
}

/* Unused reserved ids go back when the sequence is still where the block
 * left it (nobody drew since). */
static int give_back(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;

	for (int t = 0; t < b->ntables; t++) {
		struct reserve *r = &b->rsv[t];
		char last[24], end[24];
		const char *v[4] = { r->seq, last, "", end };
		PGresult *res;
		if (!r->seq || r->pos >= r->n)
			continue;
		if (r->ids[r->n - 1] - r->ids[r->pos] != r->n - 1 - r->pos)
			continue;       /* not one run: keep the gap */
		snprintf(last, sizeof(last), "%" PRId64, r->ids[r->pos] - 1 >= 1 ? r->ids[r->pos] - 1 : 1);
		v[2] = r->ids[r->pos] - 1 >= 1 ? "true" : "false";
		snprintf(end, sizeof(end), "%" PRId64, r->ids[r->n - 1]);
		res = internal(s, "SELECT setval($1::regclass, $2::bigint, $3::bool) "
			       "WHERE COALESCE(pg_sequence_last_value($1::regclass), 0) = $4::bigint", 4, v);
		if (!res)
			return b->fail_rc ? pgb_refail(s) : STORE_ERR;
		if (PQntuples(res))
			r->left = r->ids[r->pos] - 1;
		PQclear(res);
		r->pos = r->n;
	}
	return STORE_OK;
}

/* ---- the driver's calls ---------------------------------------------------- */

static int insert_id(struct store *s, struct pg_stmt *st)
{
	struct pg_store *ps = PS(s);
	struct pgb_class *c = st->cls;
	char **vals, idtext[24];
	int64_t id;
	int rc = reserve_id(s, c->target, &id);
	PGresAttDesc desc = { (char *)"id", 0, 0, 0, 20, 8, -1 };

	if (rc <= 0)
		return rc;
	if (!c->alt_ready || c->alt_gen != ps->gen) {
		PGresult *res;
		if ((rc = pgb_quiesce(s)) < 0)
			return rc;
		snprintf(c->alt_name, sizeof(c->alt_name), "%sb", st->name);
		res = PQprepare(ps->conn, c->alt_name, c->alt_sql, st->nparams + 1, NULL);
		rc = PQresultStatus(res) == PGRES_COMMAND_OK ? STORE_OK : pg_fail(s, res, "prepare");
		PQclear(res);
		if (rc < 0)
			return rc;
		c->alt_ready = 1;
		c->alt_gen = ps->gen;
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	vals = xcalloc((size_t)st->nparams + 1, sizeof(char *));
	memcpy(vals, st->vals, (size_t)st->nparams * sizeof(char *));
	vals[st->nparams] = idtext;
	wrote(ps->bulk, c->target);
	rc = c->batch ? pgb_batch_add(s, c, c->alt_name, c->alt_sql, st->nparams + 1, vals) : 0;
	if (rc == 0) {
		rc = pgb_batch_before(s, c);
		if (rc == STORE_OK)
			rc = pgb_send_prepared(s, c->alt_name, st->nparams + 1, vals, NULL);
	}
	free(vals);
	if (rc < 0)
		return rc;
	st->res = PQmakeEmptyPGresult(ps->conn, PGRES_TUPLES_OK);
	if (!st->res || !PQsetResultAttrs(st->res, 1, &desc) || !PQsetvalue(st->res, 0, 0, idtext,
									  (int)strlen(idtext))) {
		store_seterr(s, "bulk: out of memory");
		return STORE_ERR;
	}
	st->nrows = 1;
	ps->changes = 1;
	return 1;
}

int pgb_exec(struct store *s, struct pg_stmt *st)
{
	struct pg_store *ps = PS(s);
	struct pg_bulk *b = ps->bulk;
	int rc;

	if (!b->loaded && ((rc = pgb_quiesce(s)) < 0 || (rc = load_tables(s, b)) < 0))
		return rc;
	if (b->fail_rc)
		return pgb_refail(s);
	if (!st->cls)
		classify(b, st);
	if (st->gen != ps->gen && ((rc = pgb_quiesce(s)) < 0 || (rc = pg_prepare_stmt(st)) < 0))
		return rc;
	st->executed = 1;
	/* the rollup switched: what may be batched changes (off_ok); the
	 * batches go first */
	if (st->cls->rollup) {
		if (b->nbuf && (rc = pgb_batch_flush_all(s)) < 0)
			return rc;
		b->rollup_off = st->cls->rollup > 0;
	}
	if (b->nbuf && st->cls->kind != K_INSERT_ID && !st->cls->batch && (rc = pgb_batch_before(s, st->cls)) < 0)
		return rc;
	switch (st->cls->kind) {
	case K_READ:
		return cached_read(s, st);
	case K_WRITE:
		wrote(b, st->cls->target);
		ps->changes = 0;        /* known at the next Sync (pg_changes) */
		rc = st->cls->batch ? pgb_batch_add(s, st->cls, st->name, st->sql, st->nparams, st->vals) : 0;
		if (rc)
			return rc < 0 ? rc : STORE_OK;
		if (st->cls->batch && (rc = pgb_batch_before(s, st->cls)) < 0)
			return rc;
		return pgb_send_prepared(s, st->name, st->nparams, st->vals, NULL);
	case K_INSERT_ID:
		rc = insert_id(s, st);
		if (rc)
			return rc < 0 ? rc : STORE_OK;
		st->cls->kind = K_OTHER;        /* no sequence: as any statement */
		st->cls->batch = 0;
		if ((rc = pgb_batch_before(s, st->cls)) < 0)
			return rc;
		break;
	}
	wrote(b, st->cls->target);
	rc = pgb_send_prepared(s, st->name, st->nparams, st->vals, st);
	if (rc == STORE_OK)
		rc = pgb_sync_all(s);
	if (rc == STORE_OK && !st->res)
		rc = STORE_ERR;
	return rc;
}

int pgb_sync(struct store *s)
{
	return PS(s)->bulk ? pgb_sync_all(s) : STORE_OK;
}

int pgb_quiesce(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;
	int rc;

	if (!b)
		return STORE_OK;
	rc = pgb_sync_all(s);
	if (b->piping) {
		if (PQexitPipelineMode(PS(s)->conn) != 1 && rc == STORE_OK)
			rc = pg_fail(s, NULL, "bulk: leaving pipeline mode");
		b->piping = 0;
	}
	forget_all(b);
	return rc;
}

void pgb_end(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;

	if (!b)
		return;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		unref(b->cache[i]);
		b->cache[i] = NULL;
	}
	for (int t = 0; t < b->ntables; t++) {
		b->rsv[t].pos = b->rsv[t].n = 0;
		b->rsv[t].first = 0;
	}
	for (int i = 0; i < b->npend; i++)
		pgb_rows_free(b->pend[i].rows);
	b->npend = 0;
	pgb_batch_end(b);
	b->fail_rc = 0;
	b->fail_line = 0;
	b->line = 0;
	/* a lost connection was reset out of pipeline mode */
	b->piping = PQpipelineStatus(PS(s)->conn) != PQ_PIPELINE_OFF;
	forget_all(b);
}

/* After a ROLLBACK: the sequences drawn from for reserved ids go back to
 * where the transaction found them (a sequence is not transactional),
 * each only when nobody drew from it since, checked under the write lock
 * every writer takes (store_pg.c), so a failed import leaves them as they
 * were. */
void pgb_restore(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;
	PGconn *conn = PS(s)->conn;
	int locked = 0;

	for (int t = 0; b && t < b->ntables; t++) {
		struct reserve *r = &b->rsv[t];
		char back[24], end[24];
		const char *v[4] = { r->seq, back, r->first > 1 ? "true" : "false", end };
		PGresult *res;
		if (!r->seq || !r->first || !r->n)
			continue;
		if (!locked) {
			PQclear(PQexec(conn, "SELECT pg_advisory_lock(" PG_WRITE_LOCK_KEY ")"));
			locked = 1;
		}
		snprintf(back, sizeof(back), "%" PRId64, r->first > 1 ? r->first - 1 : 1);
		snprintf(end, sizeof(end), "%" PRId64, r->left);
		res = PQexecParams(conn, "SELECT setval($1::regclass, $2::bigint, $3::bool) "
				   "WHERE COALESCE(pg_sequence_last_value($1::regclass), 0) = $4::bigint", 4,
				   NULL, v, NULL, NULL, 0);
		PQclear(res);
	}
	if (locked)
		PQclear(PQexec(conn, "SELECT pg_advisory_unlock(" PG_WRITE_LOCK_KEY ")"));
}

void pgb_release(struct pg_stmt *st)
{
	unref(st->cres);
	st->cres = NULL;
	st->res = NULL;
}

void pgb_stmt_free(struct pg_stmt *st)
{
	if (st->cls)
		free(st->cls->alt_sql);
	free(st->cls);
	st->cls = NULL;
}

void pgb_free(struct store *s)
{
	struct pg_bulk *b = PS(s)->bulk;

	if (!b)
		return;
	pgb_end(s);
	pgb_batch_free(b);
	for (int t = 0; t < b->ntables; t++) {
		free(b->tables[t].name);
		free(b->rsv[t].seq);
		free(b->rsv[t].ids);
	}
	free(b->tables);
	free(b->tgen);
	free(b->rsv);
	free(b->pend);
	free(b);
	PS(s)->bulk = NULL;
}

int store_pg_bulk_on(struct store *s)
{
	if (store_backend(s) == STORE_PG && !PS(s)->bulk)
		PS(s)->bulk = xcalloc(1, sizeof(struct pg_bulk));
	return STORE_OK;
}

void store_pg_bulk_off(struct store *s)
{
	if (store_backend(s) == STORE_PG && PS(s)->bulk) {
		(void)pgb_quiesce(s);
		pgb_free(s);
	}
}

void store_pg_bulk_line(struct store *s, int64_t line)
{
	if (store_backend(s) == STORE_PG && PS(s)->bulk)
		PS(s)->bulk->line = line;
}

int store_pg_bulk_flush(struct store *s, int64_t *line)
{
	struct pg_bulk *b = store_backend(s) == STORE_PG ? PS(s)->bulk : NULL;
	int rc;

	*line = 0;
	if (!b || !s->in_tx)
		return STORE_OK;
	rc = pgb_sync_all(s);
	if (rc == STORE_OK)
		rc = give_back(s);
	if (rc < 0)
		*line = b->unnamed ? -1 : b->fail_line;
	return rc;
}
