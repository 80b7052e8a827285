/*
 * q_interchange.c: the statements of `import` and `export`.  They are
 * built once per run from the interchange type table (domain/ix_types.c:
 * table and column names the program holds, never input), interned here
 * so each keeps one address (the statement cache's key), and bound with
 * `?` placeholders like every other statement.
 */
#include "store/q_interchange.h"
#include "store/q_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "store/store_pg_impl.h"

struct interned {
	struct store_sql q;
	struct interned *next;
};
static struct interned *interned;

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static const struct store_sql *intern(const char *sqlite, const char *pg)
{
	struct interned *e;

	for (e = interned; e; e = e->next)
		if (!strcmp(e->q.sqlite, sqlite) && same(e->q.pg, pg))
			return &e->q;
	e = calloc(1, sizeof(*e));
	if (!e || !(e->q.sqlite = strdup(sqlite)) || (pg && !(e->q.pg = strdup(pg)))) {
		if (e)
			free((char *)e->q.sqlite);
		free(e);
		return NULL;
	}
	e->next = interned;
	interned = e;
	return &e->q;
}

const struct store_sql *store_ix_sql(const char *text)
{
	return intern(text, NULL);
}

/* kept: the texts bound without a copy (store_bind_text_kept), for a
 * caller that steps and resets the statement before it returns, with no
 * callback of its own between (store_ix_insert, store_ix_run) */
static void bind_values(struct store_stmt *st, const struct store_ix_value *v, int n, int kept)
{
	for (int i = 0; i < n; i++) {
		if (v[i].kind == 1)
			store_bind_int(st, i + 1, v[i].i);
		else if (v[i].kind == 2 && kept)
			store_bind_text_kept(st, i + 1, v[i].s);
		else if (v[i].kind == 2)
			store_bind_text(st, i + 1, v[i].s);
		else
			store_bind_null(st, i + 1);
	}
}

int64_t store_ix_run(struct store *s, const struct store_sql *q, const struct store_ix_value *v,
		     int n)
{
	struct store_stmt *st = q ? store_prepare(s, q) : NULL;

	if (!st)
		return STORE_ERR;
	bind_values(st, v, n, 1);
	return q_scalar(st);
}

const struct store_sql *store_ix_insert_sql(const char *table, const char *cols)
{
	char *sqlite = store_ix_insert_text(table, cols, 0), *pg = store_ix_insert_text(table, cols, 1);
	const struct store_sql *q = sqlite && pg ? intern(sqlite, pg) : NULL;

	free(sqlite);
	free(pg);
	return q;
}

int64_t store_ix_insert(struct store *s, const struct store_sql *q, const struct store_ix_value *v,
			int n)
{
	struct store_stmt *st = q ? store_prepare(s, q) : NULL;

	if (!st)
		return STORE_ERR;
	bind_values(st, v, n, 1);
	return q_insert_id(s, st);
}

#define IX_MAX_COLS 48

int store_ix_rows(struct store *s, const struct store_sql *q, const struct store_ix_value *v, int n,
		  int ncols, store_ix_row_fn fn, void *arg)
{
	struct store_stmt *st = q ? store_prepare(s, q) : NULL;
	const char *cols[IX_MAX_COLS];
	int rc;

	if (!st || ncols > IX_MAX_COLS)
		return STORE_ERR;
	bind_values(st, v, n, 0);
	while ((rc = store_step(st)) == STORE_ROW) {
		for (int i = 0; i < ncols; i++)
			cols[i] = store_col_isnull(st, i) ? NULL : store_col_text(st, i);
		if (fn(arg, ncols, cols) < 0) {
			rc = STORE_ERR;
			break;
		}
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static char *text_of(struct strbuf *sb)
{
	return strbuf_detach(sb, NULL);
}

char *store_ix_find_text(const char *table)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "SELECT id FROM %s WHERE ext_id = ? ORDER BY id LIMIT 1", table);
	return text_of(&sb);
}

char *store_ix_probe_text(const char *table)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "SELECT id FROM %s WHERE ext_id IS NOT NULL LIMIT 1", table);
	return text_of(&sb);
}

char *store_ix_insert_text(const char *table, const char *cols, int returning)
{
	struct strbuf sb = STRBUF_INIT;
	int n = 1;

	for (const char *p = cols; *p; p++)
		n += *p == ' ';
	strbuf_addf(&sb, "INSERT INTO %s(", table);
	for (const char *p = cols; *p; p++)
		strbuf_addstr(&sb, *p == ' ' ? ", " : (char[]){ *p, 0 });
	strbuf_addstr(&sb, ") VALUES (");
	for (int i = 0; i < n; i++)
		strbuf_addstr(&sb, i ? ", ?" : "?");
	strbuf_addstr(&sb, returning ? ") RETURNING id" : ")");
	return text_of(&sb);
}

/* The person's columns a subject's link row keeps as they are at import
 * (clue_subjects, case_subjects: the figures count a subject by them). */
#define SNAPSHOT_COLS "rank, top_leader, leadership, unit_id"

char *store_ix_link_text(const char *table, const char *owner, const char *member, int n, int snapshot,
			 const char *aligned)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "INSERT INTO %s(%s, %s%s%s%s) ", table, owner, aligned ? aligned : "", aligned ? ", " : "",
		    member, snapshot ? ", " SNAPSHOT_COLS : "");
	for (int i = 0; i < n; i++) {
		if (snapshot)   /* UNION ALL: the rows go in in the list's order */
			strbuf_addf(&sb, "%sSELECT CAST(? AS BIGINT), %sp.id, p.rank, p.top_leader, p.leadership, "
				    "p.unit_id FROM persons p WHERE p.id = ?", i ? " UNION ALL " : "",
				    aligned ? "CAST(? AS TEXT), " : "");
		else
			strbuf_addf(&sb, "%s(?, %s?)", i ? ", " : "VALUES ", aligned ? "?, " : "");
	}
	return text_of(&sb);
}

/* SQLite's form of a snapshot link row (snapshot 1 above, one member):
 * the person's columns bound from store_ix_person_snap's values, as
 * owner, [aligned,] member, rank, top_leader, leadership, unit_id. */
char *store_ix_link_row_text(const char *table, const char *owner, const char *member, const char *aligned)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "INSERT INTO %s(%s, %s%s%s, " SNAPSHOT_COLS ") VALUES (?, %s?, ?, ?, ?, ?)", table,
		    owner, aligned ? aligned : "", aligned ? ", " : "", member, aligned ? "?, " : "");
	return text_of(&sb);
}

int store_ix_link_rows(struct store *s)
{
	return store_backend(s) == STORE_SQLITE;
}

char *store_ix_update_text(const char *table, const char *column)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "UPDATE %s SET %s = ? WHERE id = ?", table, column);
	return text_of(&sb);
}

char *store_ix_export_id(const char *table, const char *prefix, const char *idexpr)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "(SELECT COALESCE(r.ext_id, '%s' || r.id) FROM %s r WHERE r.id = %s)", prefix,
		    table, idexpr);
	return text_of(&sb);
}

/* ---- what the outcome hook reads ------------------------------------------ */

static const struct store_sql Q_PERSON_UNIT = {
	"SELECT unit_id FROM persons WHERE id = ?", NULL };

/* SQLite's page cache for this connection, sized by the file: 256 MiB
 * at least, instead of 2 MiB, so a large import's one transaction is not
 * written and read back page by page.  A page the cache cannot keep goes
 * to the WAL and is found there again on its next change (the WAL's
 * index, a pread(2)); the rows of a file take about eight times its bytes
 * (the 1M scale file, 305 MB, became a 2.6 GB database), so the cache is
 * the largest step of Q_BULK_CACHE up to eight times the file and up to a
 * quarter of the machine's memory (bulk_cache).  Pages are allocated only
 * as they are used.  PostgreSQL has its own shared buffers; there the
 * connection goes into the driver's bulk mode (store_pg_bulk.c: writes
 * pipelined, ids reserved from the sequences, reads of unchanged tables
 * cached). */
static const struct {
	int64_t bytes;
	struct store_sql q;
} Q_BULK_CACHE[] = {
	{ 256LL << 20, { "PRAGMA cache_size = -262144", "SELECT 1" } },
	{ 512LL << 20, { "PRAGMA cache_size = -524288", "SELECT 1" } },
	{ 1LL << 30, { "PRAGMA cache_size = -1048576", "SELECT 1" } },
	{ 2LL << 30, { "PRAGMA cache_size = -2097152", "SELECT 1" } },
	{ 4LL << 30, { "PRAGMA cache_size = -4194304", "SELECT 1" } },
};
/* and back to the connection's own (store_sqlite.c) after the import */
static const struct store_sql Q_BULK_CACHE_END = { "PRAGMA cache_size = -32768", "SELECT 1" };
/* SQLite's statement journal in memory: a statement that may fail halfway
 * (a foreign key, a trigger, a constraint) inside the import's one
 * transaction saves each page it changes first, so that it alone can be
 * undone; in a temporary file that was two write(2) calls per page, about
 * thirty per record (bench/README.md, "At scale").  It holds one
 * statement's pages at a time, and is not the durability of the commit. */
static const struct store_sql Q_BULK_TEMP = { "PRAGMA temp_store = MEMORY", "SELECT 1" };

/* The step of Q_BULK_CACHE for a file of file_bytes: the largest whose
 * size is at most eight times the file and a quarter of the memory, the
 * first whatever they are, and for a size not known (0).  The memory is
 * the machine's (sysconf), not a container's limit: pages are allocated
 * only as the import uses them, about the database's growth. */
static const struct store_sql *bulk_step(int64_t file_bytes)
{
	long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
	int64_t cap = pages > 0 && page > 0 ? (int64_t)pages * page / 4 : 0;
	size_t i = 0;

	if (file_bytes <= 0)
		return &Q_BULK_CACHE[0].q;      /* not known (a pipe, a file in memory) */
	if (file_bytes < INT64_MAX / 8 && file_bytes * 8 < cap)
		cap = file_bytes * 8;
	while (i + 1 < sizeof(Q_BULK_CACHE) / sizeof(Q_BULK_CACHE[0]) && Q_BULK_CACHE[i + 1].bytes <= cap)
		i++;
	return &Q_BULK_CACHE[i].q;
}

/* bulk_step's, or at most QF_IMPORT_CACHE_MIB MiB when the environment
 * sets it (docs/operations.md: a container's memory limit, which sysconf
 * does not see; the tests' 1 makes a bulk import spill its pages into the
 * database before its commit, t265).  A value that is not a whole number
 * from 1 to 1048576 is ignored with a warning. */
static const struct store_sql *bulk_cache(int64_t file_bytes)
{
	const struct store_sql *q = bulk_step(file_bytes);
	const char *env = getenv("QF_IMPORT_CACHE_MIB");
	char *end, text[64];
	long long mib;

	if (!env || !*env)
		return q;
	errno = 0;
	mib = strtoll(env, &end, 10);
	if (*env < '0' || *env > '9' || errno || *end || mib < 1 || mib > 1048576) {
		log_warn("import: QF_IMPORT_CACHE_MIB=%s ignored (a whole number of MiB, 1 to 1048576)", env);
		return q;
	}
	for (size_t i = 0; i < sizeof(Q_BULK_CACHE) / sizeof(Q_BULK_CACHE[0]); i++)
		if (q == &Q_BULK_CACHE[i].q && Q_BULK_CACHE[i].bytes <= (int64_t)mib << 20)
			return q;
	snprintf(text, sizeof(text), "PRAGMA cache_size = -%lld", mib * 1024);
	return store_ix_sql(text);
}

/* A bulk load's one transaction through SQLite's rollback journal rather
 * than the WAL (jrnl17): in WAL mode each page the import writes is
 * written twice, into the WAL at the commit (or a spill) and into the
 * database by the checkpoint when the connection closes, and the WAL grows
 * to the size of the whole transaction (about 1 GB for the 1M scale
 * file).  The rollback journal holds only the pages the database had
 * before the import that it changes; the new pages (most of a bulk load's:
 * it is at least as large as the database) go to the file once.  The
 * commit is as durable as the WAL's with synchronous = EXTRA, set for the
 * import (the journal synced before the database is written, the database
 * before the journal is deleted, and the folder after the deletion: with
 * FULL a power loss just after the commit could bring the journal back
 * and the next open would roll a committed import back), and a crash
 * leaves a hot journal that the next connection to open the file rolls
 * back before it switches to WAL (store_sqlite.c's open).  SQLite
 * leaves WAL mode only for a connection that has the file to itself:
 * with another connection open, a server's or another command's, the
 * PRAGMA fails at once (SQLITE_BUSY, no busy wait) and the import keeps
 * the WAL, so readers are never locked out by it.  While the journal is
 * in use another process cannot open the database (its switch to WAL
 * waits for the import's lock: busy after 5 s). */
static const struct store_sql Q_JOURNAL_DELETE = { "PRAGMA journal_mode = DELETE", NULL };
static const struct store_sql Q_JOURNAL_WAL = { "PRAGMA journal_mode = WAL", NULL };
static const struct store_sql Q_SYNC_EXTRA = { "PRAGMA synchronous = EXTRA", NULL };
static const struct store_sql Q_SYNC_FULL = { "PRAGMA synchronous = FULL", NULL };

/* 1 when the journal mode q set is want (SQLite answers with the mode in
 * force, or fails while another connection holds the file) */
static int journal_mode(struct store *s, const struct store_sql *q, const char *want)
{
	struct store_stmt *st = store_prepare(s, q);
	int ok = st && store_step(st) == STORE_ROW && strcmp(store_col_text(st, 0), want) == 0;

	store_reset(st);
	return ok;
}

int store_ix_bulk(struct store *s, int64_t file_bytes, int whole)
{
	if (store_backend(s) == STORE_PG)
		return store_pg_bulk_on(s);
	s->ix_journal = whole && !s->in_tx && journal_mode(s, &Q_JOURNAL_DELETE, "delete");
	if ((s->ix_journal && store_exec(store_prepare(s, &Q_SYNC_EXTRA)) < 0) ||
	    store_exec(store_prepare(s, bulk_cache(file_bytes))) < 0 ||
	    store_exec(store_prepare(s, &Q_BULK_TEMP)) < 0)
		return STORE_ERR;
	return STORE_OK;
}

void store_ix_bulk_end(struct store *s)
{
	if (store_backend(s) == STORE_PG) {
		store_pg_bulk_off(s);
		return;
	}
	/* back to WAL, which the connection's open sets too: should this
	 * fail, the next connection to open the file switches it */
	if (s->ix_journal && !journal_mode(s, &Q_JOURNAL_WAL, "wal"))
		log_warn("import: the database's journal not switched back to WAL: %s", store_errmsg(s));
	if (s->ix_journal && store_exec(store_prepare(s, &Q_SYNC_FULL)) < 0)
		log_warn("import: synchronous not set back to FULL: %s", store_errmsg(s));
	s->ix_journal = 0;
	if (store_exec(store_prepare(s, &Q_BULK_CACHE_END)) < 0)
		return; /* the import's larger cache stays: memory only, until the connection closes */
}

void store_ix_line(struct store *s, int64_t line)
{
	store_pg_bulk_line(s, line);
}

int store_ix_flush(struct store *s, int64_t *line)
{
	return store_pg_bulk_flush(s, line);
}

int store_ix_exact(struct store *s)
{
	return store_pg_bulk_exact(s);
}

int64_t store_ix_person_unit(struct store *s, int64_t person_id)
{
	struct store_ix_value v = { 1, person_id, NULL };

	return store_ix_run(s, &Q_PERSON_UNIT, &v, 1);
}

static const struct store_sql Q_PERSON_SNAP = {
	"SELECT " SNAPSHOT_COLS " FROM persons WHERE id = ?", NULL };

int store_ix_person_snap(struct store *s, struct arena *a, int64_t person_id, struct store_ix_value v[4])
{
	struct store_stmt *st = store_prepare(s, &Q_PERSON_SNAP);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	rc = store_step(st);
	for (int i = 0; rc == STORE_ROW && i < 4; i++) {
		/* rank is TEXT, the others INTEGER (NOT NULL but unit_id's
		 * REFERENCES): bound back as the row holds them */
		if (store_col_isnull(st, i))
			v[i] = (struct store_ix_value){ 0, 0, NULL };
		else if (i == 0)
			v[i] = (struct store_ix_value){ 2, 0, arena_strdup(a, store_col_text(st, i)) };
		else
			v[i] = (struct store_ix_value){ 1, store_col_int(st, i), NULL };
	}
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : 0;
}

/* ---- what the issue-10 hooks read ------------------------------------------ */

static const struct store_sql Q_FILING_COMMITTEE = {
	"SELECT a.approver, a.day FROM approvals a JOIN dispositions d ON a.object = 'disposition/' || d.id "
	"WHERE d.clue_id = ? AND d.method = 'file_case' AND d.state = 'approved' "
	"AND a.kind = 'filing_committee' AND a.decision = 'approved' ORDER BY a.id DESC LIMIT 1", NULL };

int store_ix_filing_committee(struct store *s, struct arena *a, int64_t clue_id, const char **by,
			      const char **day)
{
	struct store_stmt *st = store_prepare(s, &Q_FILING_COMMITTEE);
	int rc;

	*by = *day = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*by = q_text(a, st, 0);
		*day = q_text(a, st, 1);
	}
	store_reset(st);
	return rc < 0 ? STORE_ERR : STORE_OK;
}
