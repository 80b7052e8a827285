/*
 * q_units.c: the unit hierarchy (市直部门, 乡镇, 村 ...), and the
 * jurisdiction test every scoped read goes through.
 */
#include "store/q_units.h"
#include "store/q_scope.h"
#include "store/q_util.h"

#define UNIT_COLS "u.id, COALESCE(u.parent_id, 0), COALESCE(p.name, ''), u.region, u.name, u.kind, " \
	"(SELECT count(*) FROM persons x WHERE x.unit_id = u.id), " \
	"(SELECT count(*) FROM units y WHERE y.parent_id = u.id), u.created_at, u.updated_at " \
	"FROM units u LEFT JOIN units p ON p.id = u.parent_id "
#define UNIT_NAME "(? = '' OR u.name LIKE ? ESCAPE '\\')"
#define UNIT_KIND "(? = '' OR u.kind = ?)"
#define UNIT_PARENT "(? = 0 OR u.parent_id = ?)"
#define UNIT_WHERE "WHERE " Q_IN_SCOPE("u.id") " AND " UNIT_NAME " AND " UNIT_KIND " AND " UNIT_PARENT " "

static const struct store_sql Q_GET = { "SELECT " UNIT_COLS "WHERE u.id = ?", NULL };
static const struct store_sql Q_INSERT = {
	"INSERT INTO units(region, parent_id, name, kind, created_at, updated_at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_UPDATE = {
	"UPDATE units SET parent_id = ?, name = ?, kind = ?, updated_at = ? WHERE id = ?", NULL };
/* Lists join the parent only when it is visible too: a scoped user is not
 * told what lies above the jurisdiction. */
#define UNIT_LIST(IN, NAME, KIND, PARENT) \
	Q_SCOPE_WITH "SELECT u.id, COALESCE(p.id, 0), COALESCE(p.name, ''), u.region, u.name, u.kind, " \
	"(SELECT count(*) FROM persons x WHERE x.unit_id = u.id), " \
	"(SELECT count(*) FROM units y WHERE y.parent_id = u.id), u.created_at, u.updated_at " \
	"FROM units u LEFT JOIN units p ON p.id = u.parent_id AND " IN("p.id") " " \
	"WHERE " IN("u.id") " AND " NAME " AND " KIND " AND " PARENT " ORDER BY u.kind, u.name, u.id LIMIT ? OFFSET ?"
/* [1]: the unscoped user's unfiltered list, on PostgreSQL without the
 * filters (q_scope.h Q_IN_SCOPE_ALL, q_util.h Q_OPT_UNSET): read in
 * units_order (0101) for its LIMIT, where the optional filters' generic plan
 * sorted every unit first (5,239 at 10M: 10-26 ms; bench/README.md
 * "pgplan16j") */
#define UNIT_LIST_ALL UNIT_LIST(Q_IN_SCOPE, UNIT_NAME, UNIT_KIND, UNIT_PARENT)
static const struct store_sql Q_LIST[2] = { { UNIT_LIST_ALL, NULL },
	{ UNIT_LIST_ALL, UNIT_LIST(Q_IN_SCOPE_ALL, Q_OPT_UNSET_LIKE, Q_OPT_UNSET("''"), Q_OPT_UNSET("0")) } };
static const struct store_sql Q_OPTIONS = {
	Q_SCOPE_WITH "SELECT u.id, u.name, COALESCE(p.name, '') FROM units u "
	"LEFT JOIN units p ON p.id = u.parent_id AND " Q_IN_SCOPE("p.id") " "
	"WHERE " Q_IN_SCOPE("u.id") " ORDER BY u.name, u.id LIMIT ?", NULL };
/* how many units the options would hold, at most `?`: a country's 5,000
 * units are too many for a <select>, and sorting them all by name to
 * learn it cost 5-15 ms on every page with a unit filter (ratings16h) */
static const struct store_sql Q_OPTIONS_COUNT = {
	Q_SCOPE_WITH "SELECT count(*) FROM (SELECT 1 FROM units u WHERE " Q_IN_SCOPE("u.id") " LIMIT ?) capped",
	NULL };
static const struct store_sql Q_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM units u " UNIT_WHERE), NULL };
static const struct store_sql Q_VISIBLE = {
	Q_SCOPE_WITH "SELECT count(*) FROM vis WHERE id = ?", NULL };
static const struct store_sql Q_ANCESTOR = {
	"WITH RECURSIVE up(id) AS (SELECT CAST(? AS BIGINT) UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id "
	"WHERE u.parent_id IS NOT NULL) SELECT count(*) FROM up WHERE id = ?", NULL };
static const struct store_sql Q_SIBLING = {
	"SELECT count(*) FROM units WHERE region = ? AND COALESCE(parent_id, 0) = ? AND name = ? AND id <> ?",
	NULL };

static void fill_unit(struct arena *a, struct store_stmt *st, void *row)
{
	struct unit *u = row;

	u->id = store_col_int(st, 0);
	u->parent_id = store_col_int(st, 1);
	u->parent_name = q_text(a, st, 2);
	u->region = q_text(a, st, 3);
	u->name = q_text(a, st, 4);
	u->kind = q_text(a, st, 5);
	u->n_persons = store_col_int(st, 6);
	u->n_children = store_col_int(st, 7);
	u->created_at = store_col_int(st, 8);
	u->updated_at = store_col_int(st, 9);
}

int store_unit_get(struct store *s, struct arena *a, int64_t id, struct unit *u)
{
	return q_get_by_id(store_prepare(s, &Q_GET), a, id, fill_unit, u);
}

int64_t store_unit_insert(struct store *s, const struct unit *u, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, u->region);
	q_bind_id(st, 2, u->parent_id);
	store_bind_text(st, 3, u->name);
	store_bind_text(st, 4, u->kind);
	store_bind_int(st, 5, now);
	store_bind_int(st, 6, now);
	return q_scalar(st);
}

int store_unit_update(struct store *s, const struct unit *u, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_UPDATE);

	if (!st)
		return STORE_ERR;
	q_bind_id(st, 1, u->parent_id);
	store_bind_text(st, 2, u->name);
	store_bind_text(st, 3, u->kind);
	store_bind_int(st, 4, now);
	store_bind_int(st, 5, u->id);
	return store_exec(st);
}

/* Binds the CTE's user and the WHERE filters from index i on. */
static int bind_filters_from(struct store_stmt *st, struct arena *a, const struct unit_filter *lq,
			     int i)
{
	const char *q = lq->q ? lq->q : "";
	const char *kind = lq->kind ? lq->kind : "";

	store_bind_int(st, i++, lq->scope_user);
	store_bind_text(st, i++, q);
	store_bind_text(st, i++, q_like_pattern(a, q));
	store_bind_text(st, i++, kind);
	store_bind_text(st, i++, kind);
	store_bind_int(st, i++, lq->parent_id);
	store_bind_int(st, i++, lq->parent_id);
	return i;
}

static int bind_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct unit_filter *lq = filter;

	store_bind_int(st, 1, lq->scope_user);
	return bind_filters_from(st, a, lq, 2);
}

/* The list's parameters: the scope of the parent join, then the filters. */
static int bind_list(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct unit_filter *lq = filter;

	store_bind_int(st, 1, lq->scope_user);
	store_bind_int(st, 2, lq->scope_user);
	return bind_filters_from(st, a, lq, 3);
}

int store_unit_list(struct store *s, struct arena *a, const struct unit_filter *f, struct unit **out)
{
	int all = !f->scope_user && filter_unset(&unit_filter_spec, f);

	return q_list(store_prepare(s, &Q_LIST[all]), a, &f->page, f, bind_list, fill_unit, sizeof(**out),
		      out);
}

int store_unit_options(struct store *s, struct arena *a, int64_t scope_user, int limit,
		       struct unit **out)
{
	struct store_stmt *st = store_prepare(s, &Q_OPTIONS_COUNT);
	struct unit *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	store_bind_int(st, 3, limit);
	rc = store_step(st);
	n = rc == STORE_ROW ? (int)store_col_int(st, 0) : 0;
	store_reset(st);
	if (rc != STORE_ROW)
		return rc < 0 ? rc : STORE_ERR;
	if (n >= limit)
		return n;       /* too many to offer: the count, no rows */
	n = 0;
	if (!(st = store_prepare(s, &Q_OPTIONS)))
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	store_bind_int(st, 3, scope_user);
	store_bind_int(st, 4, limit);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct unit *u = arena_push(a, &v, &cap, n++, sizeof(*v));
		u->id = store_col_int(st, 0);
		u->name = q_text(a, st, 1);
		u->parent_name = q_text(a, st, 2);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int64_t store_unit_count(struct store *s, const struct unit_filter *f)
{
	return q_count(store_prepare(s, &Q_COUNT), bind_filters, f);
}

int store_unit_visible(struct store *s, int64_t scope_user, int64_t unit_id)
{
	struct store_stmt *st;

	if (!scope_user)
		return 1;
	st = store_prepare(s, &Q_VISIBLE);
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, unit_id);
	return q_scalar(st) > 0;
}

int store_unit_is_ancestor(struct store *s, int64_t ancestor, int64_t id)
{
	struct store_stmt *st = store_prepare(s, &Q_ANCESTOR);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, ancestor);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_unit_sibling_exists(struct store *s, const char *region, int64_t parent_id,
			      const char *name, int64_t except_id)
{
	struct store_stmt *st = store_prepare(s, &Q_SIBLING);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, parent_id);
	store_bind_text(st, 3, name);
	store_bind_int(st, 4, except_id);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}
