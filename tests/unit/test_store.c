/*
 * test_store.c: unit tests of the store layer on SQLite files in a
 * temporary directory: migrations, pragmas, binds and column readers,
 * constraint mapping, transactions and retries, the statement cache, the
 * audit_log guard, online backup, and the PostgreSQL type mapping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/embed.h"
#include "store/store.h"
#include "store/store_impl.h"

extern const struct store_ops store_pg_ops __attribute__((weak));

static char tmpdir[64];

static int group_setup(void **state)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/qf-test-store-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
	return rmdir(tmpdir);
}

static void path_of(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", tmpdir, name);
}

static struct store *open_db(const char *name, int migrate)
{
	char path[256], err[256] = "";
	struct store *s;

	path_of(path, sizeof(path), name);
	s = store_open(path, 1, err, sizeof(err));
	if (!s)
		fail_msg("store_open: %s", err);
	if (migrate && store_migrate(s) < 0)
		fail_msg("store_migrate: %s", store_errmsg(s));
	return s;
}

/* The highest version among the embedded migrations, read from the names
 * independently of migrate.c. */
static int latest_version(void)
{
	const struct embedded_file *f;
	int max = 0;

	for (f = qf_migrations; f->name; f++) {
		int v = atoi(f->name);
		if (v > max)
			max = v;
	}
	return max;
}

/* How many versions the embedded migrations define (rows in schema_version). */
static int distinct_versions(void)
{
	const struct embedded_file *f, *g;
	int n = 0;

	for (f = qf_migrations; f->name; f++) {
		for (g = qf_migrations; g < f; g++)
			if (atoi(g->name) == atoi(f->name))
				break;
		n += g == f;
	}
	return n;
}

static int64_t query_int(struct store *s, const struct store_sql *q)
{
	struct store_stmt *st = store_prepare(s, q);
	int64_t v;

	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	v = store_col_int(st, 0);
	store_reset(st);
	return v;
}

static void query_text(struct store *s, const struct store_sql *q, char *buf, size_t n)
{
	struct store_stmt *st = store_prepare(s, q);

	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	snprintf(buf, n, "%s", store_col_text(st, 0));
	store_reset(st);
}

static const struct store_sql q_count_versions = { "SELECT count(*) FROM schema_version", NULL };
static const struct store_sql q_count_tables = {
	"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
	" ('settings','holidays','units','persons','users','user_scopes','sessions','audit_log')",
	NULL,
};
static const struct store_sql q_count_triggers = {
	"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'", NULL,
};
static const struct store_sql q_set = { "INSERT INTO settings (key, value) VALUES (?, ?)", NULL };
static const struct store_sql q_get = { "SELECT value FROM settings WHERE key = ?", NULL };
/* the settings the tests wrote: migrations seed their own rules (0006) */
/* every setting: a test compares it with the count it found before writing
 * (the migrations seed some, and later ones will seed more) */
static const struct store_sql q_count_settings = {
	"SELECT count(*) FROM settings", NULL };

static int setting_exists(struct store *s, const char *key)
{
	struct store_stmt *st = store_prepare(s, &q_get);
	int rc;

	assert_non_null(st);
	assert_int_equal(store_bind_text(st, 1, key), STORE_OK);
	rc = store_step(st);
	store_reset(st);
	assert_true(rc == STORE_ROW || rc == STORE_DONE);
	return rc == STORE_ROW;
}

static int put_setting(struct store *s, const char *key, const char *value)
{
	struct store_stmt *st = store_prepare(s, &q_set);

	if (!st)
		return STORE_ERR;
	if (store_bind_text(st, 1, key) || store_bind_text(st, 2, value))
		return STORE_ERR;
	return store_exec(st);
}

/* ---- migrations ----------------------------------------------------- */

static void test_migrate_fresh(void **state)
{
	struct store *s = open_db("fresh.db", 0);
	int latest = latest_version();

	assert_true(latest >= 2);
	assert_int_equal(store_schema_version(s), 0);
	assert_int_equal(store_migrate(s), latest);
	assert_int_equal(store_schema_version(s), latest);
	assert_int_equal(query_int(s, &q_count_tables), 8);
	assert_int_equal(query_int(s, &q_count_triggers), 2);
	assert_int_equal(store_backend(s), STORE_SQLITE);
	assert_int_equal(store_in_tx(s), 0);
	store_close(s);
}

static void test_migrate_again_is_noop(void **state)
{
	struct store *s = open_db("again.db", 1);
	int64_t rows = query_int(s, &q_count_versions);

	assert_int_equal(rows, distinct_versions());
	/* re-running 0001 would fail on CREATE TABLE, so success means skipped */
	assert_int_equal(store_migrate(s), latest_version());
	assert_int_equal(query_int(s, &q_count_versions), rows);
	store_close(s);

	/* and again on a fresh connection */
	s = open_db("again.db", 0);
	assert_int_equal(store_migrate(s), latest_version());
	assert_int_equal(query_int(s, &q_count_versions), rows);
	store_close(s);
}

static void test_newer_version_refused(void **state)
{
	static const struct store_sql q_future = {
		"INSERT INTO schema_version (version) VALUES (9999)", NULL,
	};
	struct store *s = open_db("newer.db", 1);
	char want[128];

	assert_int_equal(store_exec(store_prepare(s, &q_future)), STORE_OK);
	assert_int_equal(store_schema_version(s), 9999);
	assert_int_equal(store_migrate(s), -1);
	snprintf(want, sizeof(want),
		 "database schema version 9999 is newer than this qingfeng (%d)", latest_version());
	assert_string_equal(store_errmsg(s), want);
	assert_int_equal(store_in_tx(s), 0);
	store_close(s);
}

#define EF(name, text) { name, text, sizeof(text) - 1 }

static const struct store_sql q_has_a = {
	"SELECT count(*) FROM sqlite_master WHERE name = 'a'", NULL };
static const struct store_sql q_has_c = {
	"SELECT count(*) FROM sqlite_master WHERE name = 'c'", NULL };
static const struct store_sql q_has_z = {
	"SELECT count(*) FROM sqlite_master WHERE name = 'z'", NULL };
static const struct store_sql q_has_v2 = {
	"SELECT count(*) FROM schema_version WHERE version = 2", NULL };
static const struct store_sql q_a_rows = { "SELECT count(*) FROM a", NULL };

static void test_migrate_backend_files(void **state)
{
	static const struct embedded_file table[] = {
		/* out of order on purpose: the portable file must still run first */
		EF("0001_a.sqlite.sql", "INSERT INTO a (x) VALUES (1);"),
		EF("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
		EF("0002_b.pg.sql", "this is not SQL SQLite could run;"),
		EF("0003_c.sqlite.sql", "CREATE TABLE c (x INTEGER);"),
		{ NULL, NULL, 0 },
	};
	struct store *s = open_db("backend.db", 0);

	assert_int_equal(store_migrate_table(s, table), 3);
	assert_int_equal(query_int(s, &q_has_a), 1);
	assert_int_equal(query_int(s, &q_a_rows), 1);
	assert_int_equal(query_int(s, &q_has_c), 1);
	/* the PostgreSQL-only version is recorded, so numbers agree */
	assert_int_equal(query_int(s, &q_has_v2), 1);
	assert_int_equal(store_migrate_table(s, table), 3);
	assert_int_equal(query_int(s, &q_a_rows), 1);
	store_close(s);
}

static void test_migrate_failure_rolls_back(void **state)
{
	static const struct embedded_file table[] = {
		EF("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
		EF("0002_bad.sql", "CREATE TABLE z (x INTEGER); INSERT INTO nosuch VALUES (1);"),
		{ NULL, NULL, 0 },
	};
	struct store *s = open_db("failing.db", 0);

	assert_int_equal(store_migrate_table(s, table), -1);
	assert_non_null(strstr(store_errmsg(s), "migration '0002_bad.sql': "));
	assert_non_null(strstr(store_errmsg(s), "nosuch"));
	assert_int_equal(store_schema_version(s), 1);
	assert_int_equal(query_int(s, &q_has_a), 1);
	assert_int_equal(query_int(s, &q_has_z), 0);
	assert_int_equal(store_in_tx(s), 0);
	store_close(s);
}

static void test_migrate_bad_names(void **state)
{
	static const struct embedded_file short_num[] = {
		EF("001_x.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	static const struct embedded_file bad_kind[] = {
		EF("0001_x.mysql.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	static const struct embedded_file zero[] = {
		EF("0000_x.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	static const struct embedded_file no_name[] = {
		EF("0001_.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	static const struct embedded_file clash[] = {
		EF("0001_a.sql", "SELECT 1;"), EF("0001_b.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	static const struct embedded_file twice[] = {
		EF("0001_a.pg.sql", "SELECT 1;"), EF("0001_b.pg.sql", "SELECT 1;"), { NULL, NULL, 0 } };
	struct store *s = open_db("names.db", 0);

	assert_int_equal(store_migrate_table(s, short_num), -1);
	assert_non_null(strstr(store_errmsg(s), "'001_x.sql' is not NNNN_name.sql"));
	assert_int_equal(store_migrate_table(s, bad_kind), -1);
	assert_non_null(strstr(store_errmsg(s), "'0001_x.mysql.sql'"));
	assert_int_equal(store_migrate_table(s, zero), -1);
	assert_int_equal(store_migrate_table(s, no_name), -1);
	assert_int_equal(store_migrate_table(s, clash), -1);
	assert_non_null(strstr(store_errmsg(s), "have the same version"));
	assert_int_equal(store_migrate_table(s, twice), -1);
	assert_int_equal(store_schema_version(s), 0);
	store_close(s);
}

/* ---- connection ----------------------------------------------------- */

static void test_pragmas(void **state)
{
	static const struct store_sql q_jm = { "PRAGMA journal_mode", NULL };
	static const struct store_sql q_fk = { "PRAGMA foreign_keys", NULL };
	static const struct store_sql q_sync = { "PRAGMA synchronous", NULL };
	static const struct store_sql q_busy = { "PRAGMA busy_timeout", NULL };
	struct store *s = open_db("pragmas.db", 1);
	char buf[32];

	query_text(s, &q_jm, buf, sizeof(buf));
	assert_string_equal(buf, "wal");
	assert_int_equal(query_int(s, &q_fk), 1);
	assert_int_equal(query_int(s, &q_sync), 2);     /* FULL */
	/* 0: not SQLite's sleeping handler but the store's own (sq_busy,
	 * retrying every 0.1-0.5 ms for 5 s), installed after the pragmas */
	assert_int_equal(query_int(s, &q_busy), 0);
	store_close(s);
}

static void test_open_errors(void **state)
{
	char path[256], err[256] = "";

	path_of(path, sizeof(path), "missing.db");
	assert_null(store_open(path, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "cannot open database"));
	assert_int_equal(access(path, F_OK), -1);
	err[0] = '\0';
	assert_null(store_open("", 1, err, sizeof(err)));
	assert_string_equal(err, "no database given");
}

/* Both URI prefixes select the PostgreSQL driver: with nothing listening
 * on the port, libpq's refusal comes back (SQLite would have made a file). */
static void test_pg_uri(void **state)
{
	char err[256] = "";

	assert_null(store_open("postgresql://qf@127.0.0.1:1/qingfeng", 1, err, sizeof(err)));
	assert_non_null(strstr(err, "port 1"));
	err[0] = '\0';
	assert_null(store_open("postgres://127.0.0.1:1/qingfeng", 1, err, sizeof(err)));
	assert_non_null(strstr(err, "port 1"));
	assert_int_equal(access("postgres:", F_OK), -1);
}

static void test_sqlite_path_named_postgres(void **state)
{
	struct store *s = open_db("postgres:", 0);

	assert_int_equal(store_backend(s), STORE_SQLITE);
	store_close(s);
}

/* ---- binds and columns ---------------------------------------------- */

static const struct store_sql q_unit_ins = {
	"INSERT INTO units (region, parent_id, name, kind, ext_id, created_at, updated_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?)", NULL,
};
static const struct store_sql q_unit_get = {
	"SELECT id, region, parent_id, name, kind, ext_id, created_at FROM units WHERE id = ?", NULL,
};

static void test_binds_and_columns(void **state)
{
	static const struct store_sql q_mk = {
		"CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB, t TEXT)", NULL };
	static const struct store_sql q_bins = { "INSERT INTO blobs (b, t) VALUES (?, ?)", NULL };
	static const struct store_sql q_bget = { "SELECT b, t FROM blobs WHERE id = ?", NULL };
	static const unsigned char bin[] = { 0x00, 0xff, 'a', 0x00, 0x80, '\'', 0x00 };
	const char *name = "清风镇'); DROP TABLE units; --";
	const int64_t big = INT64_C(1) << 40;
	struct store *s = open_db("binds.db", 1);
	struct store_stmt *st;
	const void *p;
	size_t len = 99;
	int64_t id;

	st = store_prepare(s, &q_unit_ins);
	assert_non_null(st);
	assert_int_equal(store_bind_text(st, 1, "530102"), STORE_OK);
	assert_int_equal(store_bind_null(st, 2), STORE_OK);
	assert_int_equal(store_bind_text(st, 3, name), STORE_OK);
	assert_int_equal(store_bind_text(st, 4, "township"), STORE_OK);
	assert_int_equal(store_bind_text(st, 5, NULL), STORE_OK);
	assert_int_equal(store_bind_int(st, 6, big), STORE_OK);
	assert_int_equal(store_bind_int(st, 7, -1), STORE_OK);
	assert_int_equal(store_exec(st), STORE_OK);
	assert_int_equal(store_changes(s), 1);
	id = store_last_id(s);
	assert_true(id > 0);
	/* index out of range */
	assert_int_equal(store_bind_int(store_prepare(s, &q_unit_ins), 8, 1), STORE_ERR);
	assert_non_null(strstr(store_errmsg(s), "range"));

	st = store_prepare(s, &q_unit_get);
	assert_int_equal(store_bind_int(st, 1, id), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(store_col_int(st, 0), id);
	assert_string_equal(store_col_text(st, 1), "530102");
	assert_true(store_col_isnull(st, 2));
	assert_string_equal(store_col_text(st, 2), "");
	assert_string_equal(store_col_text(st, 3), name);
	assert_false(store_col_isnull(st, 3));
	assert_true(store_col_isnull(st, 5));
	assert_int_equal(store_col_int(st, 6), big);
	assert_int_equal(store_step(st), STORE_DONE);
	store_reset(st);

	/* store_reset cleared the bindings: region is NULL now, NOT NULL fails */
	st = store_prepare(s, &q_unit_ins);
	assert_int_equal(store_bind_text(st, 1, "530102"), STORE_OK);
	store_reset(st);
	assert_int_equal(store_exec(st), STORE_CONSTRAINT);
	assert_non_null(strstr(store_errmsg(s), "NOT NULL"));

	assert_int_equal(store_exec(store_prepare(s, &q_mk)), STORE_OK);
	st = store_prepare(s, &q_bins);
	assert_int_equal(store_bind_blob(st, 1, bin, sizeof(bin)), STORE_OK);
	assert_int_equal(store_bind_text(st, 2, "文本"), STORE_OK);
	assert_int_equal(store_exec(st), STORE_OK);
	id = store_last_id(s);
	assert_int_equal(store_bind_blob(st, 1, NULL, 5), STORE_OK);
	assert_int_equal(store_exec(st), STORE_OK);
	assert_int_equal(store_bind_blob(st, 1, "", 0), STORE_OK);
	assert_int_equal(store_exec(st), STORE_OK);

	st = store_prepare(s, &q_bget);
	assert_int_equal(store_bind_int(st, 1, id), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	p = store_col_blob(st, 0, &len);
	assert_int_equal(len, sizeof(bin));
	assert_memory_equal(p, bin, sizeof(bin));
	assert_string_equal(store_col_text(st, 1), "文本");
	store_reset(st);
	assert_int_equal(store_bind_int(st, 1, id + 1), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_true(store_col_isnull(st, 0));
	assert_true(store_col_isnull(st, 1));
	assert_null(store_col_blob(st, 0, &len));
	assert_int_equal(len, 0);
	store_reset(st);
	assert_int_equal(store_bind_int(st, 1, id + 2), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_false(store_col_isnull(st, 0));
	len = 99;
	(void)store_col_blob(st, 0, &len);
	assert_int_equal(len, 0);
	store_reset(st);

	/* store_bind_text_kept (imp16l): read in place until the reset; the
	 * row keeps its own copy, the buffer may change after store_exec */
	{
		char buf[16] = "保留";

		st = store_prepare(s, &q_bins);
		assert_int_equal(store_bind_null(st, 1), STORE_OK);
		assert_int_equal(store_bind_text_kept(st, 2, buf), STORE_OK);
		assert_int_equal(store_exec(st), STORE_OK);
		id = store_last_id(s);
		memcpy(buf, "changed", 8);
		assert_int_equal(store_bind_text_kept(st, 2, NULL), STORE_OK);
		assert_int_equal(store_exec(st), STORE_OK);
		st = store_prepare(s, &q_bget);
		assert_int_equal(store_bind_int(st, 1, id), STORE_OK);
		assert_int_equal(store_step(st), STORE_ROW);
		assert_string_equal(store_col_text(st, 1), "保留");
		store_reset(st);
		assert_int_equal(store_bind_int(st, 1, id + 1), STORE_OK);
		assert_int_equal(store_step(st), STORE_ROW);
		assert_true(store_col_isnull(st, 1));
		store_reset(st);
		/* and cleared by the reset like any binding: NOT NULL refuses */
		st = store_prepare(s, &q_unit_ins);
		assert_int_equal(store_bind_text_kept(st, 1, buf), STORE_OK);
		store_reset(st);
		assert_int_equal(store_exec(st), STORE_CONSTRAINT);
	}
	store_close(s);
}

static void test_constraints(void **state)
{
	static const struct store_sql q_user = {
		"INSERT INTO users (region, name, role, pwhash, created_at, pw_changed_at)"
		" VALUES ('530102', ?, 'admin', 'x', 0, 0)", NULL,
	};
	static const struct store_sql q_person = {
		"INSERT INTO persons (region, unit_id, name, rank, created_at, updated_at)"
		" VALUES ('530102', 999999, '张三', 'staff', 0, 0)", NULL,
	};
	static const struct store_sql q_users = { "SELECT count(*) FROM users", NULL };
	struct store *s = open_db("constraint.db", 1);
	struct store_stmt *st = store_prepare(s, &q_user);

	assert_int_equal(store_bind_text(st, 1, "wangwu"), STORE_OK);
	assert_int_equal(store_exec(st), STORE_OK);
	assert_int_equal(store_bind_text(st, 1, "wangwu"), STORE_OK);
	assert_int_equal(store_exec(st), STORE_CONSTRAINT);
	assert_non_null(strstr(store_errmsg(s), "UNIQUE constraint failed: users.name"));
	assert_int_equal(query_int(s, &q_users), 1);
	/* foreign keys are enforced */
	assert_int_equal(store_exec(store_prepare(s, &q_person)), STORE_CONSTRAINT);
	assert_non_null(strstr(store_errmsg(s), "FOREIGN KEY"));
	store_close(s);
}

static void test_prepare_errors(void **state)
{
	static const struct store_sql q_syntax = { "SELEKT 1", NULL };
	static const struct store_sql q_two = { "SELECT 1; SELECT 2", NULL };
	static const struct store_sql q_trailing = { "SELECT 1;  \n", NULL };
	static const struct store_sql q_dqs = { "SELECT \"not a string\"", NULL };
	static const struct store_sql q_pgonly = { NULL, "SELECT 1" };
	struct store *s = open_db("prepare.db", 1);

	assert_null(store_prepare(s, &q_syntax));
	assert_non_null(strstr(store_errmsg(s), "syntax error"));
	assert_null(store_prepare(s, &q_two));
	assert_non_null(strstr(store_errmsg(s), "more than one statement"));
	assert_int_equal(query_int(s, &q_trailing), 1);
	/* double-quoted strings are names, as on PostgreSQL */
	assert_null(store_prepare(s, &q_dqs));
	assert_non_null(strstr(store_errmsg(s), "no such column"));
	assert_null(store_prepare(s, &q_pgonly));
	assert_null(store_prepare(s, NULL));
	/* a failed prepare flows through harmlessly */
	assert_int_equal(store_exec(store_prepare(s, &q_syntax)), STORE_ERR);
	assert_int_equal(store_step(NULL), STORE_ERR);
	assert_int_equal(store_bind_int(NULL, 1, 1), STORE_ERR);
	assert_string_equal(store_col_text(NULL, 0), "");
	store_close(s);
}

/* ---- statement cache ------------------------------------------------ */

static struct store_sql many[300];

static void test_stmt_cache(void **state)
{
	static const struct store_sql q1 = { "SELECT 1", NULL };
	static const struct store_sql q1_again = { "SELECT 1", NULL };
	static const struct store_sql q_seq = {
		"SELECT value FROM (SELECT 1 AS value UNION ALL SELECT 2) ORDER BY value", NULL };
	static struct store_stmt *first[300];
	struct store *s = open_db("cache.db", 1);
	struct store_stmt *a, *st;
	size_t i, j;

	a = store_prepare(s, &q1);
	assert_non_null(a);
	assert_ptr_equal(store_prepare(s, &q1), a);
	assert_ptr_not_equal(store_prepare(s, &q1_again), a);

	/* enough entries to make the table grow several times */
	for (i = 0; i < QF_ARRAY_SIZE(many); i++) {
		many[i].sqlite = "SELECT 2";
		first[i] = store_prepare(s, &many[i]);
		assert_non_null(first[i]);
	}
	for (i = 0; i < QF_ARRAY_SIZE(many); i++) {
		assert_ptr_equal(store_prepare(s, &many[i]), first[i]);
		for (j = i + 1; j < QF_ARRAY_SIZE(many) && j < i + 4; j++)
			assert_ptr_not_equal(first[i], first[j]);
	}
	assert_ptr_equal(store_prepare(s, &q1), a);

	/* a statement left mid-way comes back reset */
	st = store_prepare(s, &q_seq);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(store_col_int(st, 0), 1);
	assert_ptr_equal(store_prepare(s, &q_seq), st);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(store_col_int(st, 0), 1);
	store_reset(st);
	store_close(s);
}

/* ---- transactions --------------------------------------------------- */

struct tx_arg {
	const char *key;
	int ret;
	int calls;
	int busy_for;   /* return STORE_BUSY on the first busy_for calls */
	int saw_tx;
};

static int tx_fn(struct store *s, void *arg)
{
	struct tx_arg *a = arg;
	int rc;

	a->calls++;
	a->saw_tx = store_in_tx(s);
	rc = put_setting(s, a->key, "v");
	if (rc < 0)
		return rc;
	if (a->calls <= a->busy_for)
		return STORE_BUSY;
	return a->ret;
}

static void test_tx_commit_rollback(void **state)
{
	struct store *s = open_db("tx.db", 1);
	int seeded = query_int(s, &q_count_settings);
	struct tx_arg ok = { "committed", 7, 0, 0, 0 };
	struct tx_arg bad = { "rolled_back", -1, 0, 0, 0 };
	struct tx_arg dup = { "committed", 0, 0, 0, 0 };

	assert_int_equal(store_tx(s, tx_fn, &ok), 7);
	assert_int_equal(ok.calls, 1);
	assert_int_equal(ok.saw_tx, 1);
	assert_int_equal(store_in_tx(s), 0);
	assert_true(setting_exists(s, "committed"));

	assert_int_equal(store_tx(s, tx_fn, &bad), -1);
	assert_int_equal(bad.calls, 1);
	assert_int_equal(store_in_tx(s), 0);
	assert_false(setting_exists(s, "rolled_back"));

	/* a constraint failure inside is returned, not retried */
	assert_int_equal(store_tx(s, tx_fn, &dup), STORE_CONSTRAINT);
	assert_int_equal(dup.calls, 1);
	assert_int_equal(query_int(s, &q_count_settings), seeded + 1);

	/* explicit begin/commit/rollback and the guards */
	assert_int_equal(store_begin(s, 1), STORE_OK);
	assert_int_equal(store_in_tx(s), 1);
	assert_int_equal(store_begin(s, 0), STORE_ERR);
	assert_int_equal(store_tx(s, tx_fn, &ok), STORE_ERR);
	assert_int_equal(put_setting(s, "manual", "1"), STORE_OK);
	store_rollback(s);
	assert_int_equal(store_in_tx(s), 0);
	assert_false(setting_exists(s, "manual"));
	assert_int_equal(store_commit(s), STORE_ERR);
	assert_int_equal(store_begin(s, 0), STORE_OK);
	assert_int_equal(put_setting(s, "manual", "1"), STORE_OK);
	assert_int_equal(store_commit(s), STORE_OK);
	assert_int_equal(store_in_tx(s), 0);
	assert_true(setting_exists(s, "manual"));
	store_close(s);
}

/* The data's version (0067): a write transaction moves it on commit, on
 * this connection and as another connection reads it; a rollback, a read
 * transaction and a transaction marked store_tx_nodata (a read's audit
 * entry) leave it; a database without the table has none, and its write
 * transactions still commit. */
static int nodata_fn(struct store *s, void *arg)
{
	store_tx_nodata(s);
	return tx_fn(s, arg);
}

static void test_data_version(void **state)
{
	struct store *s = open_db("dv.db", 1), *o = open_db("dv.db", 0), *bare = open_db("dv-bare.db", 0);
	struct tx_arg w1 = { "dv1", 1, 0, 0, 0 }, w2 = { "dv2", 1, 0, 0, 0 }, bad = { "dv3", -1, 0, 0, 0 };
	int64_t v0, v, vo;

	(void)state;
	assert_int_equal(store_data_version(s, &v0), STORE_OK);
	assert_int_equal(store_tx(s, tx_fn, &w1), 1);
	assert_int_equal(store_data_version(s, &v), STORE_OK);
	assert_int_equal(v, v0 + 1);
	assert_int_equal(store_data_version(o, &vo), STORE_OK);
	assert_int_equal(vo, v0 + 1);
	assert_int_equal(store_tx(s, tx_fn, &bad), -1);
	assert_int_equal(store_tx(s, nodata_fn, &w2), 1);
	assert_true(setting_exists(s, "dv2"));
	assert_int_equal(store_begin(s, 0), STORE_OK);
	assert_int_equal(store_commit(s), STORE_OK);
	assert_int_equal(store_data_version(o, &vo), STORE_OK);
	assert_int_equal(vo, v0 + 1);
	/* another connection's write */
	w2.key = "dv4";
	assert_int_equal(store_tx(o, tx_fn, &w2), 1);
	assert_int_equal(store_data_version(s, &v), STORE_OK);
	assert_int_equal(v, v0 + 2);

	assert_true(store_data_version(bare, &v) < 0);
	assert_int_equal(store_exec(store_prepare(bare, &(const struct store_sql){ "CREATE TABLE t (x INTEGER)", NULL })), STORE_OK);
	assert_int_equal(store_begin(bare, 1), STORE_OK);
	assert_int_equal(store_commit(bare), STORE_OK);
	assert_true(store_data_version(bare, &v) < 0);
	store_close(bare);
	store_close(o);
	store_close(s);
}

static void test_tx_retries_busy(void **state)
{
	struct store *s = open_db("retry.db", 1);
	int seeded = query_int(s, &q_count_settings);
	struct tx_arg some = { "third_time", 0, 0, 3, 0 };
	struct tx_arg always = { "never", 0, 0, 1000, 0 };

	assert_int_equal(store_tx(s, tx_fn, &some), 0);
	assert_int_equal(some.calls, 4);
	assert_true(setting_exists(s, "third_time"));   /* once: a second insert would fail */

	assert_int_equal(store_tx(s, tx_fn, &always), STORE_BUSY);
	assert_int_equal(always.calls, 11);
	assert_false(setting_exists(s, "never"));
	assert_int_equal(query_int(s, &q_count_settings), seeded + 1);
	store_close(s);
}

/* A real lock held by another connection: BEGIN IMMEDIATE fails with
 * SQLITE_BUSY, mapped to STORE_BUSY, and store_tx gives up after retries. */
static void test_tx_real_busy(void **state)
{
	struct store *a = open_db("busy.db", 1);
	struct store *b = open_db("busy.db", 0);
	struct tx_arg arg = { "from_a", 0, 0, 0, 0 };

	assert_int_equal(a->ops->exec_script(a, "PRAGMA busy_timeout = 5"), STORE_OK);
	assert_int_equal(store_begin(b, 1), STORE_OK);
	assert_int_equal(put_setting(b, "from_b", "1"), STORE_OK);
	assert_int_equal(store_begin(a, 1), STORE_BUSY);
	assert_int_equal(store_in_tx(a), 0);
	assert_int_equal(store_tx(a, tx_fn, &arg), STORE_BUSY);
	assert_int_equal(arg.calls, 0);
	assert_int_equal(store_commit(b), STORE_OK);
	assert_int_equal(store_tx(a, tx_fn, &arg), 0);
	assert_true(setting_exists(a, "from_a"));
	assert_true(setting_exists(a, "from_b"));
	store_close(b);
	store_close(a);
}

/* ---- audit guard ---------------------------------------------------- */

static void test_audit_append_only(void **state)
{
	static const struct store_sql q_ins = {
		"INSERT INTO audit_log (region, at, user_id, user_name, role, event, object,"
		" success, detail, ip, prev_mac, mac)"
		" VALUES ('530102', 1700000000, NULL, 'system', 'system', 'init', '', 1, '', '', '', 'm1')",
		NULL,
	};
	static const struct store_sql q_upd = { "UPDATE audit_log SET detail = 'forged'", NULL };
	static const struct store_sql q_del = { "DELETE FROM audit_log", NULL };
	static const struct store_sql q_detail = { "SELECT detail || '|' || count(*) FROM audit_log", NULL };
	struct store *s = open_db("audit.db", 1);
	char buf[64];

	assert_int_equal(store_exec(store_prepare(s, &q_ins)), STORE_OK);
	assert_int_equal(store_exec(store_prepare(s, &q_upd)), STORE_CONSTRAINT);
	assert_non_null(strstr(store_errmsg(s), "audit_log is append-only"));
	assert_int_equal(store_exec(store_prepare(s, &q_del)), STORE_CONSTRAINT);
	assert_non_null(strstr(store_errmsg(s), "audit_log is append-only"));
	query_text(s, &q_detail, buf, sizeof(buf));
	assert_string_equal(buf, "|1");
	assert_int_equal(store_exec(store_prepare(s, &q_ins)), STORE_OK);
	store_close(s);
}

/* ---- backup --------------------------------------------------------- */

static void test_backup_consistent(void **state)
{
	static const struct store_sql q_check = { "PRAGMA integrity_check", NULL };
	char dest[256], err[256] = "", buf[64];
	struct store *a = open_db("live.db", 1);
	struct store *b = open_db("live.db", 0);
	struct store *c;
	struct stat stbuf;
	int i, seeded = query_int(a, &q_count_settings);

	for (i = 0; i < 200; i++) {
		char key[32];
		snprintf(key, sizeof(key), "committed-%d", i);
		assert_int_equal(put_setting(a, key, "值"), STORE_OK);
	}
	/* b writes and does not commit while the backup runs */
	assert_int_equal(store_begin(b, 1), STORE_OK);
	assert_int_equal(put_setting(b, "uncommitted", "x"), STORE_OK);

	path_of(dest, sizeof(dest), "live-backup.db");
	assert_int_equal(store_backup(a, dest, err, sizeof(err)), STORE_OK);
	assert_string_equal(err, "");
	assert_int_equal(stat(dest, &stbuf), 0);
	assert_int_equal(stbuf.st_mode & 0777, 0600);
	store_rollback(b);
	store_close(b);

	c = store_open(dest, 0, err, sizeof(err));
	assert_non_null(c);
	query_text(c, &q_check, buf, sizeof(buf));
	assert_string_equal(buf, "ok");
	assert_int_equal(query_int(c, &q_count_settings), seeded + 200);
	assert_true(setting_exists(c, "committed-199"));
	assert_false(setting_exists(c, "uncommitted"));
	assert_int_equal(store_schema_version(c), latest_version());
	store_close(c);
	store_close(a);
}

static void test_backup_refuses(void **state)
{
	static const char keep[] = "not a database, keep me";
	char dest[256], err[256] = "", buf[64] = "";
	struct store *s = open_db("src.db", 1);
	int fd;

	path_of(dest, sizeof(dest), "exists.db");
	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, keep, sizeof(keep)), sizeof(keep));
	close(fd);

	assert_int_equal(store_backup(s, dest, err, sizeof(err)), STORE_ERR);
	assert_non_null(strstr(err, "already exists"));
	assert_non_null(strstr(store_errmsg(s), "already exists"));
	fd = open(dest, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(read(fd, buf, sizeof(buf)), sizeof(keep));
	close(fd);
	assert_string_equal(buf, keep);

	/* not inside a transaction, and nothing is left behind */
	path_of(dest, sizeof(dest), "in-tx.db");
	assert_int_equal(store_begin(s, 0), STORE_OK);
	assert_int_equal(store_backup(s, dest, err, sizeof(err)), STORE_ERR);
	assert_non_null(strstr(err, "transaction"));
	store_rollback(s);
	assert_int_equal(access(dest, F_OK), -1);
	/* a directory that does not exist */
	path_of(dest, sizeof(dest), "no/such/dir.db");
	assert_int_equal(store_backup(s, dest, err, sizeof(err)), STORE_ERR);
	assert_non_null(strstr(err, "cannot create"));
	store_close(s);
}

/* ---- PostgreSQL type mapping ---------------------------------------- */

static void check_map(const char *in, const char *want)
{
	char *out = store_pg_map_types(in);

	assert_string_equal(out, want);
	free(out);
}

static void test_pg_map_types(void **state)
{
	const struct embedded_file *init = embed_find(qf_migrations, "0001_init.sql");
	char *out;

	check_map("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);",
		  "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n INTEGER);");
	check_map("id integer\n\tprimary   key,",
		  "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,");
	/* whole words only */
	check_map("a BIGINTEGER PRIMARY KEY, b INTEGER PRIMARY KEYS, c INTEGER_PRIMARY KEY",
		  "a BIGINTEGER PRIMARY KEY, b INTEGER PRIMARY KEYS, c INTEGER_PRIMARY KEY");
	check_map("x INTEGER NOT NULL, PRIMARY KEY (x)", "x INTEGER NOT NULL, PRIMARY KEY (x)");
	/* never inside strings, quoted names, comments or dollar quotes */
	check_map("'INTEGER PRIMARY KEY' 'it''s INTEGER PRIMARY KEY'",
		  "'INTEGER PRIMARY KEY' 'it''s INTEGER PRIMARY KEY'");
	check_map("\"INTEGER PRIMARY KEY\"", "\"INTEGER PRIMARY KEY\"");
	check_map("-- INTEGER PRIMARY KEY\nid INTEGER PRIMARY KEY",
		  "-- INTEGER PRIMARY KEY\nid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
	check_map("/* INTEGER PRIMARY KEY */", "/* INTEGER PRIMARY KEY */");
	check_map("$f$ INTEGER PRIMARY KEY $f$ INTEGER PRIMARY KEY",
		  "$f$ INTEGER PRIMARY KEY $f$ BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
	check_map("$1 INTEGER PRIMARY KEY", "$1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
	/* unterminated input is copied, not overrun */
	check_map("'INTEGER PRIMARY KEY", "'INTEGER PRIMARY KEY");
	check_map("/* INTEGER", "/* INTEGER");
	check_map("$x$ INTEGER", "$x$ INTEGER");
	check_map("", "");

	/* the real schema: every table id mapped, nothing else */
	assert_non_null(init);
	out = store_pg_map_types(init->data);
	assert_null(strstr(strstr(out, "CREATE TABLE"), "INTEGER PRIMARY KEY"));
	{
		const char *p = strstr(out, "CREATE TABLE");
		int n = 0;
		while ((p = strstr(p, "GENERATED BY DEFAULT AS IDENTITY"))) {
			n++;
			p++;
		}
		assert_int_equal(n, 4);         /* units, persons, users, audit_log */
	}
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate_fresh),
		cmocka_unit_test(test_migrate_again_is_noop),
		cmocka_unit_test(test_newer_version_refused),
		cmocka_unit_test(test_migrate_backend_files),
		cmocka_unit_test(test_migrate_failure_rolls_back),
		cmocka_unit_test(test_migrate_bad_names),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_pg_uri),
		cmocka_unit_test(test_sqlite_path_named_postgres),
		cmocka_unit_test(test_binds_and_columns),
		cmocka_unit_test(test_constraints),
		cmocka_unit_test(test_prepare_errors),
		cmocka_unit_test(test_stmt_cache),
		cmocka_unit_test(test_tx_commit_rollback),
		cmocka_unit_test(test_data_version),
		cmocka_unit_test(test_tx_retries_busy),
		cmocka_unit_test(test_tx_real_busy),
		cmocka_unit_test(test_audit_append_only),
		cmocka_unit_test(test_backup_consistent),
		cmocka_unit_test(test_backup_refuses),
		cmocka_unit_test(test_pg_map_types),
	};

	return cmocka_run_group_tests_name("store", tests, group_setup, group_teardown);
}
