/*
 * migrate.c: the schema, brought up to date from the migrations embedded
 * in the binary (src/store/migrations/, table qf_migrations).
 *
 * A migration file is named NNNN_name.sql (portable SQL, run on every
 * backend), NNNN_name.sqlite.sql or NNNN_name.pg.sql (run only on that
 * backend); NNNN, four digits, is the schema version it brings the
 * database to.  One version may have up to one file of each kind, all with
 * the same name: the portable file runs first.  A version with no file for
 * this backend is still recorded, so version numbers mean the same on
 * every backend.  Any other file name is refused: a misnamed migration
 * must not be skipped in silence.
 *
 * Guarantees: each version is applied in its own write transaction
 * together with its row in schema_version, so a failed migration leaves
 * the database without that version; whether a version is recorded is
 * re-read under the write lock, so two processes migrating at once apply
 * each version once; a database newer than this binary is refused, never
 * "migrated".
 *
 * The table schema_version(version) holds one row per applied version;
 * the schema version is the largest.  Every version of the binary that a
 * database has not recorded is applied, in order, also one below the
 * largest recorded (two branches' migrations merged out of order, a test
 * that undoes one version): a database is up to date when it has every
 * version, not merely the newest.
 */
#include "store/store_impl.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "core/strbuf.h"

enum mig_kind { MIG_PORTABLE, MIG_SQLITE, MIG_PG };

struct mig {
	const struct embedded_file *f;
	int version;
	enum mig_kind kind;
	const char *title;              /* the name part, inside f->name */
	size_t titlelen;
};

struct mig_step {
	const struct mig *files;        /* the files of one version */
	size_t n;
	int version;
};

static const struct store_sql q_create = {
	"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", NULL,
};
static const struct store_sql q_has_table = {
	"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
	"SELECT count(*) FROM information_schema.tables"
	" WHERE table_schema = current_schema() AND table_name = 'schema_version'",
};
static const struct store_sql q_version = {
	"SELECT COALESCE(MAX(version), 0) FROM schema_version", NULL,
};
static const struct store_sql q_applied = {
	"SELECT count(*) FROM schema_version WHERE version = ?", NULL,
};
static const struct store_sql q_distinct = {
	"SELECT count(DISTINCT version) FROM schema_version", NULL,
};
static const struct store_sql q_insert = {
	"INSERT INTO schema_version (version) VALUES (?)", NULL,
};
/* PostgreSQL only: serialises concurrent migrators (SQLite's BEGIN
 * IMMEDIATE already holds the database's write lock). */
static const struct store_sql q_pg_lock = {
	NULL, "LOCK TABLE schema_version IN EXCLUSIVE MODE",
};

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && !memcmp(s + n - k, suffix, k);
}

/* Parses one file name; 0, or -1 if it does not follow the rules. */
static int mig_parse(const struct embedded_file *f, struct mig *m)
{
	const char *name = f->name, *p;
	size_t n = strlen(name), end;
	int i;

	m->f = f;
	m->version = 0;
	for (i = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		m->version = m->version * 10 + (name[i] - '0');
	}
	if (name[4] != '_' || m->version == 0)
		return -1;
	if (ends_with(name, n, ".sqlite.sql")) {
		m->kind = MIG_SQLITE;
		end = n - 11;
	} else if (ends_with(name, n, ".pg.sql")) {
		m->kind = MIG_PG;
		end = n - 7;
	} else if (ends_with(name, n, ".sql")) {
		m->kind = MIG_PORTABLE;
		end = n - 4;
	} else {
		return -1;
	}
	if (end <= 5)
		return -1;
	for (p = name + 5; p < name + end; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return -1;
	m->title = name + 5;
	m->titlelen = end - 5;
	return 0;
}

static int mig_cmp(const void *a, const void *b)
{
	const struct mig *x = a, *y = b;

	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static int applies(const struct mig *m, enum store_backend b)
{
	return m->kind == MIG_PORTABLE ||
	       (m->kind == MIG_SQLITE && b == STORE_SQLITE) ||
	       (m->kind == MIG_PG && b == STORE_PG);
}

/* Parses, validates and sorts the table into a malloc'd array. */
static struct mig *mig_load(struct store *s, const struct embedded_file *table, size_t *np)
{
	struct mig *v;
	size_t n = 0, i;

	while (table[n].name)
		n++;
	v = calloc(n ? n : 1, sizeof(*v));
	if (!v) {
		store_seterr(s, "out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (mig_parse(&table[i], &v[i])) {
			store_seterr(s, "migration file name '%s' is not NNNN_name.sql,"
				     " NNNN_name.sqlite.sql or NNNN_name.pg.sql", table[i].name);
			goto fail;
		}
	}
	qsort(v, n, sizeof(*v), mig_cmp);
	for (i = 1; i < n; i++) {
		if (v[i].version != v[i - 1].version)
			continue;
		if (v[i].kind == v[i - 1].kind || v[i].titlelen != v[i - 1].titlelen ||
		    memcmp(v[i].title, v[i - 1].title, v[i].titlelen)) {
			store_seterr(s, "migrations '%s' and '%s' have the same version",
				     v[i - 1].f->name, v[i].f->name);
			goto fail;
		}
	}
	*np = n;
	return v;
fail:
	free(v);
	return NULL;
}

int store_schema_version(struct store *s)
{
	struct store_stmt *st;
	int64_t v;
	int rc;

	st = store_prepare(s, &q_has_table);
	rc = store_step(st);
	if (rc != STORE_ROW) {
		store_reset(st);
		return -1;
	}
	v = store_col_int(st, 0);
	store_reset(st);
	if (!v)
		return 0;

	st = store_prepare(s, &q_version);
	rc = store_step(st);
	if (rc != STORE_ROW) {
		store_reset(st);
		return -1;
	}
	v = store_col_int(st, 0);
	store_reset(st);
	if (v < 0 || v > INT_MAX) {
		store_seterr(s, "schema_version holds an invalid version %lld", (long long)v);
		return -1;
	}
	return (int)v;
}

/* 1 when schema_version records `version` (q_applied), 0 when not, -1. */
static int recorded(struct store *s, const struct store_sql *q, int version)
{
	struct store_stmt *st = store_prepare(s, q);
	int64_t v;

	if (!st)
		return -1;
	if (version >= 0)
		store_bind_int(st, 1, version);
	if (store_step(st) != STORE_ROW) {
		store_reset(st);
		return -1;
	}
	v = store_col_int(st, 0);
	store_reset(st);
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* One version, inside store_tx: the scripts for this backend, then the
 * version row.  Does nothing if another process got there first. */
static int apply_version(struct store *s, void *arg)
{
	const struct mig_step *step = arg;
	struct store_stmt *st;
	char why[STORE_ERRMAX];
	size_t i;
	int cur, rc;

	if (s->backend == STORE_PG) {
		rc = store_exec(store_prepare(s, &q_pg_lock));
		if (rc < 0)
			return rc;
	}
	if ((cur = recorded(s, &q_applied, step->version)) < 0)
		return STORE_ERR;
	if (cur)
		return 0;
	for (i = 0; i < step->n; i++) {
		const struct mig *m = &step->files[i];

		if (!applies(m, s->backend))
			continue;
		rc = s->ops->exec_script(s, m->f->data);
		if (rc < 0) {
			snprintf(why, sizeof(why), "%s", s->err);
			store_seterr(s, "migration '%s': %s", m->f->name, why);
			return rc;
		}
	}
	st = store_prepare(s, &q_insert);
	rc = store_bind_int(st, 1, step->version);
	if (rc == STORE_OK)
		rc = store_exec(st);
	return rc;
}

int store_migrate_table(struct store *s, const struct embedded_file *table)
{
	struct mig *v;
	size_t n = 0, i, j, nver = 0;
	int latest, cur, have = 0, rc = -1;

	if (s->in_tx) {
		store_seterr(s, "cannot migrate inside an open transaction");
		return -1;
	}
	v = mig_load(s, table, &n);
	if (!v)
		return -1;
	latest = n ? v[n - 1].version : 0;

	/* read first: an up-to-date database is never written to, so every
	 * command also runs against a read-only standby */
	cur = store_schema_version(s);
	if (cur < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (i == 0 || v[i].version != v[i - 1].version)
			nver++;
	if (cur == latest && (have = cur ? recorded(s, &q_distinct, -1) : 0) == (int)nver) {
		rc = cur;
		goto out;
	}
	if (have < 0)
		goto out;
	if (cur > latest) {
		store_seterr(s, "database schema version %d is newer than this qingfeng (%d)",
			     cur, latest);
		goto out;
	}
	if (store_exec(store_prepare(s, &q_create)) < 0)
		goto out;
	for (i = 0; i < n; i = j) {
		struct mig_step step = { &v[i], 0, v[i].version };

		for (j = i; j < n && v[j].version == v[i].version; j++)
			step.n++;
		if (step.version <= cur && (have = recorded(s, &q_applied, step.version)) != 0) {
			if (have < 0)
				goto out;
			continue;
		}
		if (store_tx(s, apply_version, &step) < 0)
			goto out;
	}
	/* what the migrations took from the planner's statistics given back
	 * (store_ops.analyze, missing): a table rebuilt loses its indexes'
	 * statistics, and a 10M database then plans its largest tables blind
	 * until the nightly analysis.  The schema stands either way: a failure
	 * here is said, not the migration's */
	if (s->ops->analyze(s, 1) < 0)
		warning("the planner's statistics of the migrated tables were not refreshed (%s): "
			"run `qingfeng stats analyze`", s->err);
	rc = store_schema_version(s);
out:
	s->dv_table = 0;        /* a migration may have made the data's version (0067) */
	free(v);
	return rc;
}

int store_migrate(struct store *s)
{
	return store_migrate_table(s, qf_migrations);
}

/* ---- PostgreSQL type mapping ---------------------------------------- */

static int word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
		p++;
	return p;
}

/* If p starts with the word w (any case, then a non-word character),
 * returns the end of it, else NULL. */
static const char *match_word(const char *p, const char *w)
{
	size_t n = strlen(w);

	if (strncasecmp(p, w, n) || word_char((unsigned char)p[n]))
		return NULL;
	return p + n;
}

/* The end of a quoted run starting at p (quote q, doubled to escape),
 * or of the string if it is not closed. */
static const char *skip_quoted(const char *p, char q)
{
	for (p++; *p; p++) {
		if (*p == q) {
			if (p[1] != q)
				return p + 1;
			p++;
		}
	}
	return p;
}

/* PostgreSQL dollar quoting: $tag$ ... $tag$ (tag may be empty).  Returns
 * the end, or NULL if p does not open one. */
static const char *skip_dollar(const char *p)
{
	const char *t = p + 1, *end;
	size_t taglen;

	while (*t && *t != '$' && word_char((unsigned char)*t) && !(t == p + 1 && *t >= '0' && *t <= '9'))
		t++;
	if (*t != '$')
		return NULL;
	taglen = (size_t)(t - p) + 1;
	for (end = t + 1; *end; end++)
		if (*end == '$' && !strncmp(end, p, taglen))
			return end + taglen;
	return end;
}

char *store_pg_map_types(const char *sql)
{
	static const char repl[] = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
	struct strbuf sb = STRBUF_INIT;
	const char *p = sql, *start, *e, *k;

	strbuf_grow(&sb, strlen(sql) + 64);
	while (*p) {
		start = p;
		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p, *p);
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			e = strstr(p + 2, "*/");
			p = e ? e + 2 : p + strlen(p);
		} else if (*p == '$' && (e = skip_dollar(p))) {
			p = e;
		} else if (word_char((unsigned char)*p)) {
			if ((e = match_word(p, "INTEGER")) &&
			    (k = match_word(skip_space(e), "PRIMARY")) &&
			    (k = match_word(skip_space(k), "KEY"))) {
				strbuf_add(&sb, repl, sizeof(repl) - 1);
				p = k;
				continue;
			}
			while (word_char((unsigned char)*p))
				p++;
		} else {
			p++;
		}
		strbuf_add(&sb, start, (size_t)(p - start));
	}
	return strbuf_detach(&sb, NULL);
}
