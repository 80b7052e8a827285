/*
 * q_campaigns.c: special campaigns (专项整治), their working groups and
 * members, and the statistics that read them or are counted per kind or
 * measure (recovery kinds, accountability measure types; 0056).
 */
#include "store/q_campaigns.h"

#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_util.h"

/* ---- campaigns ---------------------------------------------------------- */

#define CAMP_COLS "k.id, k.name, k.start_day, k.end_day, k.created_at, k.plan, k.lead_office, " \
	"(SELECT count(*) FROM campaign_groups g WHERE g.campaign_id = k.id) FROM campaigns k "

static const struct store_sql Q_CAMP_INSERT = {
	"INSERT INTO campaigns(region, name, start_day, end_day, plan, lead_office, ext_id, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, NULL, ?) RETURNING id", NULL };
static const struct store_sql Q_CAMP_UPDATE = {
	"UPDATE campaigns SET name = ?, start_day = ?, end_day = ?, plan = ?, lead_office = ? WHERE id = ?",
	NULL };
static const struct store_sql Q_CAMP_GET = { "SELECT " CAMP_COLS "WHERE k.id = ?", NULL };
static const struct store_sql Q_CAMP_LIST = { "SELECT " CAMP_COLS "ORDER BY k.id DESC LIMIT 500", NULL };

static void fill_campaign(struct arena *a, struct store_stmt *st, void *row)
{
	struct campaign *k = row;

	k->id = store_col_int(st, 0);
	k->name = q_text(a, st, 1);
	k->start_day = q_text_or_null(a, st, 2);
	k->end_day = q_text_or_null(a, st, 3);
	k->created_at = store_col_int(st, 4);
	k->plan = q_text(a, st, 5);
	k->lead_office = q_text(a, st, 6);
	k->groups = (int)store_col_int(st, 7);
}

/* name, start, end, plan, lead office from index 1 */
static void bind_fields(struct store_stmt *st, int i, const struct campaign *k)
{
	store_bind_text(st, i, k->name);
	store_bind_text(st, i + 1, k->start_day);
	store_bind_text(st, i + 2, k->end_day);
	store_bind_text(st, i + 3, k->plan ? k->plan : "");
	store_bind_text(st, i + 4, k->lead_office ? k->lead_office : "");
}

int64_t store_campaign_insert(struct store *s, const char *region, const struct campaign *k,
			      int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CAMP_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	bind_fields(st, 2, k);
	store_bind_int(st, 7, now);
	return q_scalar(st);
}

int store_campaign_update(struct store *s, const struct campaign *k)
{
	struct store_stmt *st = store_prepare(s, &Q_CAMP_UPDATE);

	if (!st)
		return STORE_ERR;
	bind_fields(st, 1, k);
	store_bind_int(st, 6, k->id);
	return q_changed(s, st);
}

int store_campaign_get(struct store *s, struct arena *a, int64_t id, struct campaign *k)
{
	return q_get_by_id(store_prepare(s, &Q_CAMP_GET), a, id, fill_campaign, k);
}

int store_campaign_list(struct store *s, struct arena *a, struct campaign **out)
{
	return q_collect(store_prepare(s, &Q_CAMP_LIST), a, fill_campaign, sizeof(**out), out);
}

/* ---- working groups ------------------------------------------------------ */

/* AGG: SQLite 3.40 spells string_agg group_concat */
#define GROUP_COLS(AGG) "g.id, g.campaign_id, g.name, COALESCE(g.leader_id, 0), " \
	"COALESCE(NULLIF(l.display_name, ''), l.name, ''), g.area, COALESCE((SELECT " AGG "(y.n, '、') " \
	"FROM (SELECT COALESCE(NULLIF(u.display_name, ''), u.name) AS n FROM campaign_group_members m " \
	"JOIN users u ON u.id = m.user_id WHERE m.group_id = g.id ORDER BY u.id) y), ''), " \
	"(SELECT count(*) FROM campaign_group_members m WHERE m.group_id = g.id) " \
	"FROM campaign_groups g LEFT JOIN users l ON l.id = g.leader_id "

static const struct store_sql Q_GROUP_INSERT = {
	"INSERT INTO campaign_groups(campaign_id, name, leader_id, area, ext_id, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_MEMBER_ADD = {
	"INSERT INTO campaign_group_members(group_id, user_id) VALUES (?, ?)", NULL };
static const struct store_sql Q_GROUP_GET = {
	"SELECT " GROUP_COLS("group_concat") "WHERE g.id = ?",
	"SELECT " GROUP_COLS("string_agg") "WHERE g.id = ?" };
static const struct store_sql Q_GROUPS = {
	"SELECT " GROUP_COLS("group_concat") "WHERE g.campaign_id = ? ORDER BY g.id",
	"SELECT " GROUP_COLS("string_agg") "WHERE g.campaign_id = ? ORDER BY g.id" };

static void fill_group(struct arena *a, struct store_stmt *st, void *row)
{
	struct campaign_group *g = row;

	g->id = store_col_int(st, 0);
	g->campaign_id = store_col_int(st, 1);
	g->name = q_text(a, st, 2);
	g->leader_id = store_col_int(st, 3);
	g->leader_name = q_text(a, st, 4);
	g->area = q_text(a, st, 5);
	g->members = q_text(a, st, 6);
	g->n_members = (int)store_col_int(st, 7);
}

int64_t store_campaign_group_insert(struct store *s, const struct campaign_group *g, const char *ext_id,
				    int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_GROUP_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, g->campaign_id);
	store_bind_text(st, 2, g->name);
	q_bind_id(st, 3, g->leader_id);
	store_bind_text(st, 4, g->area ? g->area : "");
	store_bind_text(st, 5, ext_id && *ext_id ? ext_id : NULL);
	store_bind_int(st, 6, now);
	return q_scalar(st);
}

int store_campaign_group_member_add(struct store *s, int64_t group_id, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_MEMBER_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, group_id);
	store_bind_int(st, 2, user_id);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

int store_campaign_group_get(struct store *s, struct arena *a, int64_t id, struct campaign_group *g)
{
	return q_get_by_id(store_prepare(s, &Q_GROUP_GET), a, id, fill_group, g);
}

int store_campaign_groups(struct store *s, struct arena *a, int64_t campaign_id, struct campaign_group **out)
{
	return q_list_by_id(store_prepare(s, &Q_GROUPS), a, campaign_id, fill_group, sizeof(**out), out);
}

/* ---- a case tagged to a campaign ------------------------------------------- */

static const struct store_sql Q_CASE_TAG = {
	"UPDATE cases SET campaign_id = ?, updated_at = ? WHERE id = ?", NULL };

int store_case_set_campaign(struct store *s, int64_t case_id, int64_t campaign_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_TAG);

	if (!st)
		return STORE_ERR;
	q_bind_id(st, 1, campaign_id);
	store_bind_int(st, 2, now);
	store_bind_int(st, 3, case_id);
	return q_changed(s, st);
}

/* ---- statistics (docs/statistics.md) --------------------------------------- */

/* the working groups of the campaigns running in the period (a campaign
 * without a start or end day is open on that side) */
static const struct store_sql Q_M_GROUPS = {
	"SELECT count(*) FROM campaign_groups g JOIN campaigns k ON k.id = g.campaign_id "
	"WHERE COALESCE(k.end_day, '9999-12-31') >= ? AND COALESCE(k.start_day, '0000-01-01') <= ? "
	M_CAMP("k.id"), NULL };
/* money of one kind (as q_metrics.c's MONEY, the kind bound) */
static const struct store_sql Q_M_MONEY = {
	"SELECT CAST(COALESCE(sum(r.amount_fen), 0) AS BIGINT) FROM recoveries r " M_PERIOD("r.day")
	"AND r.kind = ? " M_CAMP("r.campaign_id"), NULL };
/* the accountabilities with the measure: joined, not EXISTS, so that the
 * planner may start from the measure's rows (accountability_measures_measure)
 * when they are fewer than the period's accountabilities (camp16g: a
 * campaign's page, 2000-2099, tested each of 30,000 accountabilities at 10M
 * records, 20-50 ms a measure); (accountability_id, measure) is the
 * primary key, so the join counts each accountability once, as EXISTS did */
#define M_MEASURE(COLS, COND) "SELECT " COLS " FROM accountabilities a JOIN accountability_measures m " \
	"ON m.accountability_id = a.id " M_PERIOD("a.started") COND M_CAMP("a.campaign_id")
static const struct store_sql Q_M_MEASURE = { M_MEASURE("count(*)", "AND m.measure = ? "), NULL };
/* the five measures of 0056's CHECK in one row (PostgreSQL, in a batch:
 * q_metric_grouped), in the order of measures[]: each the count of its
 * rows, as Q_M_MEASURE counts them.  Not on SQLite: there the row scans
 * the period's accountabilities, each measure's statement seeks its own
 * (10M: 1.5 ms against 0.1 for the five, dash16k) */
static const char *const measures[] = { "check", "notice", "admonish", "org_handling", "discipline" };
#define M_COUNT(CODE) "count(CASE WHEN m.measure = '" CODE "' THEN 1 END)"
static const struct store_sql Q_M_MEASURES = {
	M_MEASURE(M_COUNT("check") ", " M_COUNT("notice") ", " M_COUNT("admonish") ", " M_COUNT("org_handling")
		  ", " M_COUNT("discipline"), ""), NULL };
static const struct q_metric_group G_MEASURES = { &Q_M_MEASURES, METRIC_SCOPE_CAMPAIGN,
	(int)(sizeof(measures) / sizeof(measures[0])), 0 };

/* q for the period, then text (when not NULL), then the campaign */
static int metric(struct store *db, const struct store_sql *q, const char *text, const struct metric_period *p,
		  const struct metric_scope *s, int64_t *out)
{
	struct store_stmt *st = store_prepare(db, q);
	int64_t v;
	int i = 3;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, p->from);
	store_bind_text(st, 2, p->to);
	if (text)
		store_bind_text(st, i++, text);
	q_metric_bind_scope(st, i, s, METRIC_SCOPE_CAMPAIGN);
	v = q_scalar(st);
	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

int store_metric_campaign_groups(struct store *db, const struct metric_period *p,
				 const struct metric_scope *s, int64_t *out)
{
	return metric(db, &Q_M_GROUPS, NULL, p, s, out);
}

/* every kind of 0056's CHECK is a stat of the rollup (0039: n = amount_fen
 * on the recovery's day; dims '' and campaign), read there first for no
 * scope or the campaign (q_metric_rollup: 0 when the rollup does not
 * read); Q_M_MONEY stays the definition */
int store_metric_money_kind(struct store *db, const char *kind, const struct metric_period *p,
			    const struct metric_scope *s, int64_t *out)
{
	int rc;

	if (!(q_metric_scope_used(s) & ~(unsigned)METRIC_SCOPE_CAMPAIGN) &&
	    (rc = q_metric_rollup(db, kind, 0, p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	return metric(db, &Q_M_MONEY, kind, p, s, out);
}

int store_metric_measure(struct store *db, const char *measure, const struct metric_period *p,
			 const struct metric_scope *s, int64_t *out)
{
	int rc;

	if ((rc = q_metric_grouped_named(db, &G_MEASURES, measures, measure, p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	return metric(db, &Q_M_MEASURE, measure, p, s, out);
}
