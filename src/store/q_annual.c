/* q_annual.c: the annual report's template versions and kept renderings
 * (migration 0027). */
#include "store/q_annual.h"

#include "store/q_util.h"

static const struct store_sql Q_VERSION = {
	"SELECT version, body, author, created_at FROM annual_templates "
	"WHERE ? = 0 OR version = ? ORDER BY version DESC LIMIT 1", NULL };
static const struct store_sql Q_MAX = { "SELECT COALESCE(MAX(version), 0) FROM annual_templates", NULL };
static const struct store_sql Q_PUT = {
	"INSERT INTO annual_templates(version, body, author_id, author, created_at) "
	"VALUES (?, ?, ?, ?, ?) RETURNING version", NULL };
static const struct store_sql Q_R_PUT = {
	"INSERT INTO annual_renderings(template_version, year, format, figures, author_id, author, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
#define R_COLS "SELECT id, template_version, year, format, figures, author, created_at FROM annual_renderings "
static const struct store_sql Q_R_GET = { R_COLS "WHERE id = ?", NULL };
static const struct store_sql Q_R_LIST = { R_COLS "ORDER BY id DESC LIMIT ?", NULL };
static const struct store_sql Q_CAMPAIGN = { "SELECT id FROM campaigns WHERE name = ? ORDER BY id LIMIT 1", NULL };

int store_annual_version(struct store *s, struct arena *a, int64_t version, struct annual_version *v)
{
	struct store_stmt *st = store_prepare(s, &Q_VERSION);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, version);
	store_bind_int(st, 2, version);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*v = (struct annual_version){ store_col_int(st, 0), q_text(a, st, 1), q_text(a, st, 2),
					      store_col_int(st, 3) };
	store_reset(st);
	return rc;
}

int64_t store_annual_put(struct store *s, const char *body, int64_t author_id, const char *author,
			 int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_MAX);
	int64_t max = st ? q_scalar(st) : STORE_ERR;

	if (max < 0 || !(st = store_prepare(s, &Q_PUT)))
		return STORE_ERR;
	store_bind_int(st, 1, max + 1);
	store_bind_text(st, 2, body);
	store_bind_int(st, 3, author_id);
	store_bind_text(st, 4, author);
	store_bind_int(st, 5, now);
	return q_scalar(st);
}

int64_t store_annual_rendering_put(struct store *s, const struct annual_rendering *r, int64_t author_id)
{
	struct store_stmt *st = store_prepare(s, &Q_R_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, r->template_version);
	store_bind_int(st, 2, r->year);
	store_bind_text(st, 3, r->format);
	store_bind_text(st, 4, r->figures);
	store_bind_int(st, 5, author_id);
	store_bind_text(st, 6, r->author);
	store_bind_int(st, 7, r->created_at);
	return q_scalar(st);
}

static void fill_rendering(struct arena *a, struct store_stmt *st, void *row)
{
	struct annual_rendering *r = row;

	*r = (struct annual_rendering){ store_col_int(st, 0), store_col_int(st, 1), (int)store_col_int(st, 2),
					q_text(a, st, 3), q_text(a, st, 4), q_text(a, st, 5),
					store_col_int(st, 6) };
}

int store_annual_rendering(struct store *s, struct arena *a, int64_t id, struct annual_rendering *r)
{
	struct annual_rendering *rows;
	struct store_stmt *st = store_prepare(s, &Q_R_GET);
	int n;

	if (!st)
		return STORE_ERR;
	n = q_list_by_id(st, a, id, fill_rendering, sizeof(*rows), &rows);
	if (n > 0)
		*r = rows[0];
	return n < 0 ? n : n > 0;
}

int store_annual_renderings(struct store *s, struct arena *a, int limit, struct annual_rendering **out)
{
	return q_list_by_id(store_prepare(s, &Q_R_LIST), a, limit, fill_rendering, sizeof(**out), out);
}

int store_campaign_by_name(struct store *s, const char *name, int64_t *id)
{
	struct store_stmt *st = store_prepare(s, &Q_CAMPAIGN);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, name);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*id = store_col_int(st, 0);
	store_reset(st);
	return rc;
}
