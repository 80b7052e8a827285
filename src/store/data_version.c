/*
 * data_version.c: the data's version (store.h store_data_version): the one
 * row of the data_version table (0067), which store_commit moves for every
 * write transaction not marked by store_tx_nodata.  A database without the
 * table (before 0067, a test's own schema) has no version: nothing moves
 * it, and store_data_version fails, so nothing is kept against it.
 */
#include "store/store.h"
#include "store/store_impl.h"

static const struct store_sql Q_HAS = {
	"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_version'",
	"SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = 'data_version' AND schemaname = current_schema()",
};
static const struct store_sql Q_GET = { "SELECT n FROM data_version WHERE id = 1", NULL };
static const struct store_sql Q_BUMP = { "UPDATE data_version SET n = n + 1 WHERE id = 1", NULL };

/* 1 when the connection's database has the table, 0 when not, < 0 on
 * failure; asked once a connection (store_migrate asks again). */
static int has_table(struct store *s)
{
	struct store_stmt *st;
	int rc;

	if (s->dv_table)
		return s->dv_table > 0;
	st = store_prepare(s, &Q_HAS);
	rc = store_step(st);
	store_reset(st);
	if (rc < 0)
		return rc;
	s->dv_table = rc == STORE_ROW ? 1 : -1;
	return s->dv_table > 0;
}

int store_data_version(struct store *s, int64_t *v)
{
	struct store_stmt *st;
	int rc = has_table(s);

	if (rc <= 0)
		return rc < 0 ? rc : STORE_ERR;
	st = store_prepare(s, &Q_GET);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*v = store_col_int(st, 0);
	store_reset(st);
	return rc == STORE_ROW ? STORE_OK : rc < 0 ? rc : STORE_ERR;
}

void store_tx_nodata(struct store *s)
{
	s->tx_nodata = 1;
}

int store_data_bump(struct store *s)
{
	int rc;

	if (!s->tx_write || s->tx_nodata)
		return STORE_OK;
	if ((rc = has_table(s)) <= 0)
		return rc;
	return store_exec_late(store_prepare(s, &Q_BUMP));
}
