/*
 * q_worklog.c: the work log's and the document register's statements
 * (q_worklog.h).  A secret or confidential document's title is withheld
 * in SQL (D_SEES) from a reader who is not a leader and not of the
 * registering office, so a search by title never finds what the reader
 * may not see.
 */
#include "store/q_worklog.h"

#include <string.h>

#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_mgroups.h"
#include "store/q_scope.h"
#include "store/q_util.h"

static void bind_opt_text(struct store_stmt *st, int i, const char *v)
{
	if (v && *v)
		store_bind_text(st, i, v);
	else
		store_bind_null(st, i);
}

/* ---- the catalog ------------------------------------------------------------ */

static const struct store_sql Q_KINDS = {
	"SELECT code, name, unit, participants, active, seq FROM activity_kinds ORDER BY seq, code", NULL };
static const struct store_sql Q_KIND = {
	"SELECT code, name, unit, participants, active, seq FROM activity_kinds WHERE code = ?", NULL };
static const struct store_sql Q_KIND_UPD = {
	"UPDATE activity_kinds SET name = ?, unit = ?, participants = ?, active = ?, seq = ? WHERE code = ?", NULL };
static const struct store_sql Q_KIND_INS = {
	"INSERT INTO activity_kinds(name, unit, participants, active, seq, code) VALUES (?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_KIND_USED = { "SELECT count(*) FROM activities WHERE kind = ?", NULL };

static void fill_kind(struct arena *a, struct store_stmt *st, void *row)
{
	struct activity_kind *k = row;

	k->code = q_text(a, st, 0);
	k->name = q_text(a, st, 1);
	k->unit = q_text(a, st, 2);
	k->participants = (int)store_col_int(st, 3);
	k->active = (int)store_col_int(st, 4);
	k->seq = (int)store_col_int(st, 5);
}

int store_activity_kinds(struct store *s, struct arena *a, struct activity_kind **out)
{
	return q_collect(store_prepare(s, &Q_KINDS), a, fill_kind, sizeof(**out), out);
}

int store_activity_kind_get(struct store *s, struct arena *a, const char *code, struct activity_kind *out)
{
	return q_get_by_text(store_prepare(s, &Q_KIND), a, code, fill_kind, out);
}

static int kind_write(struct store *s, const struct store_sql *q, const struct activity_kind *k)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->name);
	store_bind_text(st, 2, k->unit);
	store_bind_int(st, 3, k->participants != 0);
	store_bind_int(st, 4, k->active != 0);
	store_bind_int(st, 5, k->seq);
	store_bind_text(st, 6, k->code);
	return q_changed(s, st);
}

int store_activity_kind_put(struct store *s, const struct activity_kind *k)
{
	int rc = kind_write(s, &Q_KIND_UPD, k);

	if (rc == 0)
		rc = kind_write(s, &Q_KIND_INS, k);
	return rc < 0 ? rc : 0;
}

int64_t store_activity_kind_used(struct store *s, const char *code)
{
	struct store_stmt *st = store_prepare(s, &Q_KIND_USED);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, code);
	return q_scalar(st);
}

/* ---- activities ------------------------------------------------------------- */

#define A_COLS "a.id, a.kind, COALESCE(k.name, a.kind), COALESCE(k.unit, ''), a.day, a.count, a.participants, " \
	"COALESCE(a.unit_id, 0), COALESCE(u.name, ''), a.office, a.title, a.note, COALESCE(a.campaign_id, 0), " \
	"COALESCE(g.name, ''), a.category, a.ext_id, a.extra "
#define A_FROM "FROM activities a LEFT JOIN activity_kinds k ON k.code = a.kind " \
	"LEFT JOIN units u ON u.id = a.unit_id LEFT JOIN campaigns g ON g.id = a.campaign_id "

static void fill_activity(struct arena *a, struct store_stmt *st, void *row)
{
	struct activity *v = row;

	v->id = store_col_int(st, 0);
	v->kind = q_text(a, st, 1);
	v->kind_name = q_text(a, st, 2);
	v->kind_unit = q_text(a, st, 3);
	v->day = q_text(a, st, 4);
	v->count = store_col_int(st, 5);
	v->participants = store_col_int(st, 6);
	v->unit_id = store_col_int(st, 7);
	v->unit_name = q_text(a, st, 8);
	v->office = q_text(a, st, 9);
	v->title = q_text(a, st, 10);
	v->note = q_text(a, st, 11);
	v->campaign_id = store_col_int(st, 12);
	v->campaign_name = q_text(a, st, 13);
	v->category = q_text_or_null(a, st, 14);
	v->ext_id = q_text_or_null(a, st, 15);
	v->extra = q_text_or_null(a, st, 16);
}

static const struct store_sql Q_A_INSERT = {
	"INSERT INTO activities(kind, day, count, participants, unit_id, office, title, note, campaign_id, "
	"category, created_by, created_at, ext_id, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"RETURNING id", NULL };
static const struct store_sql Q_A_GET = { "SELECT " A_COLS A_FROM "WHERE a.id = ?", NULL };

int64_t store_activity_insert(struct store *s, const struct activity *v, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_A_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, v->kind);
	store_bind_text(st, 2, v->day);
	store_bind_int(st, 3, v->count);
	store_bind_int(st, 4, v->participants);
	q_bind_id(st, 5, v->unit_id);
	store_bind_text(st, 6, v->office ? v->office : "");
	store_bind_text(st, 7, v->title);
	store_bind_text(st, 8, v->note ? v->note : "");
	q_bind_id(st, 9, v->campaign_id);
	bind_opt_text(st, 10, v->category);
	q_bind_id(st, 11, user_id);
	store_bind_int(st, 12, now);
	bind_opt_text(st, 13, v->ext_id);
	bind_opt_text(st, 14, v->extra);
	return q_scalar(st);
}

int store_activity_get(struct store *s, struct arena *a, int64_t id, struct activity *out)
{
	return q_get_by_id(store_prepare(s, &Q_A_GET), a, id, fill_activity, out);
}

/* parameters: (the CTE's scope user,) kind x2, from x2, to x2, within x2, campaign x2, category x2, q x2, scope user */
#define A_WHERE "WHERE (? = '' OR a.kind = ?) AND (? = '' OR a.day >= ?) AND (? = '' OR a.day <= ?) " \
	"AND " QL_WITHIN("a.unit_id") "AND (? = 0 OR a.campaign_id = ?) AND (? = '' OR a.category = ?) " \
	"AND (? = '' OR a.title LIKE ? ESCAPE '\\') AND (a.unit_id IS NULL OR " Q_IN_SCOPE("a.unit_id") ") "
static const struct store_sql Q_A_LIST = {
	Q_SCOPE_WITH "SELECT " A_COLS A_FROM A_WHERE "ORDER BY a.day DESC, a.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_A_COUNT = { Q_SCOPE_WITH Q_CAPPED_COUNT(A_FROM A_WHERE), NULL };
#define A_SUMS "SELECT CAST(COALESCE(sum(a.count), 0) AS BIGINT), CAST(COALESCE(sum(a.participants), 0) AS BIGINT) "
static const struct store_sql Q_A_SUMS = { Q_SCOPE_WITH A_SUMS A_FROM A_WHERE, NULL };
/* every entry (q_util.h Q_WHOLE_COUNT: A_FROM's joins are left joins by
 * key); the sums of every entry are the figures' (store_metric_activities) */
static const struct store_sql Q_A_COUNT_ALL = Q_WHOLE_COUNT("activities");

/* the filter selects every entry */
static int activity_whole(const struct activity_filter *f)
{
	return filter_unset(&activity_filter_spec, f) && !f->scope_user;
}

static int bind_a_where(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct activity_filter *f = filter;
	int i = 1;

	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->kind);
	i = q_bind_text2(st, i, f->from);
	i = q_bind_text2(st, i, f->to);
	i = q_bind_within(st, i, f->within);
	store_bind_int(st, i++, f->campaign_id);
	store_bind_int(st, i++, f->campaign_id);
	i = q_bind_text2(st, i, f->category);
	store_bind_text(st, i++, f->q && *f->q ? "x" : "");
	store_bind_text(st, i++, f->q && *f->q ? q_like_pattern(a, f->q) : "");
	store_bind_int(st, i++, f->scope_user);
	return i;
}

int64_t store_activity_count(struct store *s, const struct activity_filter *f)
{
	return q_count_whole(s, activity_whole(f), &Q_A_COUNT_ALL, &Q_A_COUNT, bind_a_where, f);
}

int store_activity_list(struct store *s, struct arena *a, const struct activity_filter *f, struct activity **out)
{
	return q_list(store_prepare(s, &Q_A_LIST), a, &f->page, f, bind_a_where, fill_activity, sizeof(**out), out);
}

static int whole_sums(struct store *s, int64_t *count, int64_t *participants);

int store_activity_sums(struct store *s, struct arena *a, const struct activity_filter *f, int64_t *count,
			int64_t *participants)
{
	struct store_stmt *st;
	int rc;

	if (activity_whole(f))
		return whole_sums(s, count, participants);
	if (!(st = store_prepare(s, &Q_A_SUMS)))
		return STORE_ERR;
	bind_a_where(st, a, f);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*count = store_col_int(st, 0);
		*participants = store_col_int(st, 1);
	}
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc < 0 ? rc : STORE_ERR;
}

/* ---- the document register ---------------------------------------------------- */

/* the reader sees the title: not secret, or a leader (?), or of its office (?) */
#define D_SEES "(d.secrecy IN ('public', 'internal') OR ? = 1 OR (d.office <> '' AND d.office = ?))"
#define D_COLS "d.id, d.direction, d.number, d.title, d.secrecy, d.day, d.counterpart, d.state, d.handler, " \
	"d.due, d.office, d.ext_id, d.extra "

static void fill_regdoc(struct arena *a, struct store_stmt *st, void *row)
{
	struct regdoc *d = row;

	d->id = store_col_int(st, 0);
	d->direction = q_text(a, st, 1);
	d->number = q_text(a, st, 2);
	d->title = q_text(a, st, 3);
	d->secrecy = q_text(a, st, 4);
	d->day = q_text(a, st, 5);
	d->counterpart = q_text(a, st, 6);
	d->state = q_text(a, st, 7);
	d->handler = q_text(a, st, 8);
	d->due = q_text_or_null(a, st, 9);
	d->office = q_text(a, st, 10);
	d->ext_id = q_text_or_null(a, st, 11);
	d->extra = q_text_or_null(a, st, 12);
	d->hidden = 0;
}

/* the list's rows: the title column is NULL where withheld */
static void fill_regdoc_seen(struct arena *a, struct store_stmt *st, void *row)
{
	struct regdoc *d = row;

	fill_regdoc(a, st, row);
	d->hidden = (int)store_col_int(st, 13) == 0;
	if (d->hidden)
		d->title = NULL;
}

static const struct store_sql Q_D_INSERT = {
	"INSERT INTO registered_docs(direction, number, title, secrecy, day, counterpart, state, handler, due, "
	"office, created_by, created_at, ext_id, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"RETURNING id", NULL };
static const struct store_sql Q_D_GET = { "SELECT " D_COLS "FROM registered_docs d WHERE d.id = ?", NULL };
static const struct store_sql Q_D_STATE = { "UPDATE registered_docs SET state = ? WHERE id = ?", NULL };

int64_t store_regdoc_insert(struct store *s, const struct regdoc *d, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_D_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, d->direction);
	store_bind_text(st, 2, d->number ? d->number : "");
	store_bind_text(st, 3, d->title);
	store_bind_text(st, 4, d->secrecy);
	store_bind_text(st, 5, d->day);
	store_bind_text(st, 6, d->counterpart ? d->counterpart : "");
	store_bind_text(st, 7, d->state ? d->state : "registered");
	store_bind_text(st, 8, d->handler ? d->handler : "");
	bind_opt_text(st, 9, d->due);
	store_bind_text(st, 10, d->office ? d->office : "");
	q_bind_id(st, 11, user_id);
	store_bind_int(st, 12, now);
	bind_opt_text(st, 13, d->ext_id);
	bind_opt_text(st, 14, d->extra);
	return q_scalar(st);
}

int store_regdoc_get(struct store *s, struct arena *a, int64_t id, struct regdoc *out)
{
	return q_get_by_id(store_prepare(s, &Q_D_GET), a, id, fill_regdoc, out);
}

int store_regdoc_set_state(struct store *s, int64_t id, const char *state)
{
	struct store_stmt *st = store_prepare(s, &Q_D_STATE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, state);
	store_bind_int(st, 2, id);
	return q_changed(s, st);
}

/* parameters: direction x2, state x2, from x2, to x2, q x3 with the reader x2 */
#define D_WHERE "WHERE (? = '' OR d.direction = ?) AND (? = '' OR d.state = ?) AND (? = '' OR d.day >= ?) " \
	"AND (? = '' OR d.day <= ?) AND (? = '' OR d.number LIKE ? ESCAPE '\\' OR (d.title LIKE ? ESCAPE '\\' " \
	"AND " D_SEES ")) "
static const struct store_sql Q_D_LIST = {
	"SELECT " D_COLS ", CASE WHEN " D_SEES " THEN 1 ELSE 0 END FROM registered_docs d " D_WHERE
	"ORDER BY d.day DESC, d.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_D_COUNT = { Q_CAPPED_COUNT("FROM registered_docs d " D_WHERE), NULL };

static const char *const dir_codes[] = { "", "in", "out" };
static const char *const state_codes[] = { "", "registered", "circulating", "filed" };

static int bind_d_where(struct store_stmt *st, int i, struct arena *a, const struct regdoc_filter *f)
{
	const char *pat = f->q && *f->q && a ? q_like_pattern(a, f->q) : "";

	i = q_bind_text2(st, i, dir_codes[f->direction >= 0 && f->direction <= 2 ? f->direction : 0]);
	i = q_bind_text2(st, i, state_codes[f->state >= 0 && f->state <= 3 ? f->state : 0]);
	i = q_bind_text2(st, i, f->from);
	i = q_bind_text2(st, i, f->to);
	store_bind_text(st, i++, *pat ? "x" : "");
	store_bind_text(st, i++, pat);
	store_bind_text(st, i++, pat);
	store_bind_int(st, i++, f->see_all != 0);
	store_bind_text(st, i++, f->office ? f->office : "");
	return i;
}

static int bind_d_list(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct regdoc_filter *f = filter;

	store_bind_int(st, 1, f->see_all != 0);
	store_bind_text(st, 2, f->office ? f->office : "");
	return bind_d_where(st, 3, a, f);
}

static int bind_d_count(struct store_stmt *st, struct arena *a, const void *filter)
{
	return bind_d_where(st, 1, a, filter);
}

int64_t store_regdoc_count(struct store *s, const struct regdoc_filter *f)
{
	struct store_stmt *st = store_prepare(s, &Q_D_COUNT);
	struct arena *a = arena_new(4096);
	int64_t n;

	if (!a)
		return STORE_ERR;
	n = st ? (bind_d_count(st, a, f), q_scalar(st)) : STORE_ERR;
	arena_free(a);
	return n;
}

int store_regdoc_list(struct store *s, struct arena *a, const struct regdoc_filter *f, struct regdoc **out)
{
	return q_list(store_prepare(s, &Q_D_LIST), a, &f->page, f, bind_d_list, fill_regdoc_seen, sizeof(**out), out);
}

static const struct store_sql Q_D_DUE = {
	"SELECT " D_COLS "FROM registered_docs d WHERE d.direction = 'in' AND d.state <> 'filed' "
	"AND d.due IS NOT NULL AND d.due <= ? ORDER BY d.due, d.id LIMIT ?", NULL };

int store_regdocs_due(struct store *s, struct arena *a, const char *last, int limit, struct regdoc **out)
{
	struct store_stmt *st = store_prepare(s, &Q_D_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, last);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_regdoc, sizeof(**out), out);
}

/* ---- statistics --------------------------------------------------------------- */

#define A_M_SCOPE M_UNIT("a.unit_id") M_CAMP("a.campaign_id") "AND (? = '' OR a.category = ?) " M_KINDS("a.kind")
static const struct store_sql Q_M_COUNT = {
	M_WITH "SELECT CAST(COALESCE(sum(a.count), 0) AS BIGINT) FROM activities a " M_PERIOD("a.day") A_M_SCOPE,
	NULL };
static const struct store_sql Q_M_PEOPLE = {
	M_WITH "SELECT CAST(COALESCE(sum(a.participants), 0) AS BIGINT) FROM activities a " M_PERIOD("a.day")
	A_M_SCOPE, NULL };
#define M_DOCS(COLS, COND) "SELECT " COLS " FROM registered_docs d WHERE d.day >= ? AND d.day <= ? " COND
static const struct store_sql Q_M_DOCS = { M_DOCS("count(*)", "AND (? = '' OR d.direction = ?)"), NULL };
/* the three keys in one row (in a batch, SQLite too: q_metric_grouped), in
 * the order of doc_directions[] ("": either) */
static const char *const doc_directions[] = { "in", "out", "" };
static const struct store_sql Q_M_DOCS_ALL = {
	M_DOCS("count(CASE WHEN d.direction = 'in' THEN 1 END), count(CASE WHEN d.direction = 'out' THEN 1 END), "
	       "count(*)", ""), NULL };
static const struct q_metric_group G_DOCS = { &Q_M_DOCS_ALL, 0,
	(int)(sizeof(doc_directions) / sizeof(doc_directions[0])), 1 };

/* The period's sums grouped by kind, category and campaign (q_mgroups.h):
 * count, participants, as Q_M_COUNT and Q_M_PEOPLE sum them.  The rollup
 * answers first (migration 0089: stat `activity`, n the count, f1 the
 * participants, with the dimensions of q_metric_rollup_family); the groups
 * and the statements when it is off or forced off (QF_METRICS_LIVE=1) or
 * for a scope it has no rows for (a unit with a kind or category). */
static const struct store_sql Q_M_GROUPS = {
	M_WITH "SELECT a.kind, a.category, a.campaign_id, CAST(COALESCE(sum(a.count), 0) AS BIGINT), "
	"CAST(COALESCE(sum(a.participants), 0) AS BIGINT), 0, 0 FROM activities a " M_PERIOD("a.day")
	M_UNIT("a.unit_id") "GROUP BY a.kind, a.category, a.campaign_id", NULL };

int store_metric_activities(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			    int what, int64_t *out)
{
	struct store_stmt *st;
	int rc;

	if ((rc = q_metric_rollup_family(db, "activity", what ? 1 : 0, p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	if (q_mgroups_usable(s) && (rc = q_mgroups_sum(db, &Q_M_GROUPS, p, s, what ? 1 : 0, out)) <= 0)
		return rc;
	if (!(st = store_prepare(db, what ? &Q_M_PEOPLE : &Q_M_COUNT)))
		return STORE_ERR;
	q_metric_bind_all(st, p, s, METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN | METRIC_SCOPE_CATEGORY |
			  METRIC_SCOPE_KIND);
	return q_scalar_out(st, out);
}

/* The sums of every entry (the unfiltered list's 数量合计 and 参加人次合计,
 * first16h): the figures over all time with no scope, from the rollup
 * (0089) when it answers, else the live sums, instead of every entry read
 * (30-90 ms at 93,366 entries, the first view after each write) */
static int whole_sums(struct store *s, int64_t *count, int64_t *participants)
{
	struct metric_period p = q_metric_list_period("", "");
	struct metric_scope none = { 0 };
	int rc;

	store_metric_batch(1);
	rc = store_metric_activities(s, &p, &none, 0, count);
	if (!rc)
		rc = store_metric_activities(s, &p, &none, 1, participants);
	store_metric_batch(0);
	return rc;
}

int store_metric_regdocs(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 const char *direction, int64_t *out)
{
	static const struct metric_scope none;
	struct store_stmt *st;
	int rc;

	(void)s;        /* the commission's own register: no member */
	if ((rc = q_metric_grouped_named(db, &G_DOCS, doc_directions, direction, p, &none, out)) != 0)
		return rc < 0 ? rc : 0;
	if (!(st = store_prepare(db, &Q_M_DOCS)))
		return STORE_ERR;
	store_bind_text(st, 1, p->from);
	store_bind_text(st, 2, p->to);
	q_bind_text2(st, 3, direction);
	return q_scalar_out(st, out);
}
