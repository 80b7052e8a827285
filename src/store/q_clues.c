/*
 * q_clues.c: problem clues and their subjects, dispositions,
 * and the timeline of every record.
 */
#include "store/q_clues.h"
#include "store/q_scope.h"
#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_todo.h"
#include "store/q_util.h"

#include <stdio.h>
#include <string.h>

/* ---- clues -------------------------------------------------------------- */

/* AGG: SQLite 3.40 spells string_agg group_concat (3.44 adds string_agg) */
#define CLUE_COLS(AGG) "k.id, k.region, k.received, k.source, k.source_ref, " \
	"COALESCE(k.campaign_id, 0), COALESCE(g.name, ''), k.unit_id, u.name, k.summary_enc, k.state, " \
	"k.first_disposed, COALESCE((SELECT " AGG "(p.name, '、') FROM clue_subjects cs " \
	"JOIN persons p ON p.id = cs.person_id WHERE cs.clue_id = k.id), ''), " \
	"COALESCE(k.created_by, 0), k.created_at, k.updated_at, k.clock_start, k.forward_due, " \
	"k.assigned_office, k.clue_no, k.verification_office " \
	"FROM clues k JOIN units u ON u.id = k.unit_id LEFT JOIN campaigns g ON g.id = k.campaign_id "
/* each filter is off when its value is empty or 0 */
#define CLUE_WHERE Q_IN_SCOPE("k.unit_id") " " \
	"AND (? = '' OR k.state = ?) AND (? = '' OR k.source = ?) AND (? = 0 OR k.campaign_id = ?) " \
	"AND (? = 0 OR k.unit_id = ?) AND (? = '' OR k.received >= ?) AND (? = '' OR k.received <= ?) " \
	"AND (? = '' OR k.clue_no LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM clue_subjects cs " \
	"JOIN persons p ON p.id = cs.person_id WHERE cs.clue_id = k.id AND p.name LIKE ? ESCAPE '\\')) " \
	"AND (? = '' OR (k.state = 'preliminary_verification' AND k.clock_start <= ?)) " \
	"AND (? = '' OR k.received >= ?) AND (? = '' OR k.received <= ?) " \
	"AND (? = '' OR k.first_disposed >= ?) AND (? = '' OR k.first_disposed <= ?) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM dispositions d WHERE d.clue_id = k.id " \
	"AND d.state = 'approved' AND d.method <> 'transfer')) " \
	"AND (? = '' OR k.assigned_office = ?) " \
	CLUE_SCOPE
#define CLUE_SORT "ORDER BY k.received DESC, k.id DESC "
#define CLUE_ORDER CLUE_SORT "LIMIT ? OFFSET ?"

static const struct store_sql Q_CLUE_GET = {
	"SELECT " CLUE_COLS("group_concat") "WHERE k.id = ?",
	"SELECT " CLUE_COLS("string_agg") "WHERE k.id = ?" };
/*
 * The filters above are written so that one statement serves every
 * combination, which leaves the planner no index to start from.  The
 * registry's selective filters get a variant that leads with a condition
 * an index answers (the unit: clues_unit_received; overdue:
 * clues_clock; both: clues_unit_clock; else a scoped user's jurisdiction,
 * Q_SCOPE_LEAD: clues_unit_received), the rest of the WHERE unchanged.
 * As index conditions they also hold in PostgreSQL's generic plans,
 * where the "? = '' OR" filters cannot.
 */
enum { CLUE_ANY, CLUE_BY_UNIT, CLUE_OVERDUE, CLUE_BY_UNIT_OVERDUE, CLUE_SCOPED, CLUE_SCOPED_FEW };
#define CLUE_LEAD_ANY "WHERE "
#define CLUE_LEAD_UNIT "WHERE k.unit_id = ? AND "
#define CLUE_LEAD_OVERDUE "WHERE k.state = 'preliminary_verification' AND k.clock_start <= ? AND "
#define CLUE_LEAD_UNIT_OVERDUE "WHERE k.unit_id = ? AND k.state = 'preliminary_verification' " \
	"AND k.clock_start <= ? AND "
/* a scoped user's registry (q_scope.h), when no filter above leads;
 * PostgreSQL's by an array (Q_SCOPE_LEAD_PG: it takes vis for 1,001 units) */
#define CLUE_LEAD_SCOPED Q_SCOPE_LEAD("k.unit_id")
#define CLUE_LEAD_SCOPED_PG Q_SCOPE_LEAD_PG("k.unit_id")
#define CLUE_LIST(LEAD) { M_WITH "SELECT " CLUE_COLS("group_concat") LEAD CLUE_WHERE CLUE_ORDER, \
	M_WITH "SELECT " CLUE_COLS("string_agg") LEAD CLUE_WHERE CLUE_ORDER }
/* the led page: its ids from clues_unit_received, then their columns (q_scope.h Q_PAGE_KEYS) */
#define CLUE_KEYS(AGG, LEAD) M_WITH "SELECT " CLUE_COLS(AGG) "WHERE " Q_PAGE_KEYS("k.id", \
	"FROM clues k " LEAD CLUE_WHERE, "ORDER BY k.received || '' DESC, k.id DESC ", CLUE_SORT)
#define CLUE_LIST_KEYS(LEAD, LEAD_PG) { CLUE_KEYS("group_concat", LEAD), CLUE_KEYS("string_agg", LEAD_PG) }
#define CLUE_COUNT_SQL(LEAD) M_WITH Q_CAPPED_COUNT("FROM clues k " LEAD CLUE_WHERE)
#define CLUE_COUNT(LEAD) { CLUE_COUNT_SQL(LEAD), NULL }
#define CLUE_COUNT_SCOPED { CLUE_COUNT_SQL(CLUE_LEAD_SCOPED), CLUE_COUNT_SQL(CLUE_LEAD_SCOPED_PG) }
static const struct store_sql Q_CLUE_LIST[] = {
	CLUE_LIST(CLUE_LEAD_ANY), CLUE_LIST(CLUE_LEAD_UNIT), CLUE_LIST(CLUE_LEAD_OVERDUE),
	/* a scoped user's page: led by his jurisdiction when his capped count
	 * is under 10,000 (CLUE_SCOPED_FEW, q_scope.h Q_SCOPE_PAGE_VARIANT),
	 * its ids sorted from clues_unit_received before any column is read
	 * (bench/README.md "sparse16b": at 1M clues a township of 5,000,
	 * 134 ms walking clues_received, 10.8 ms led); above, the walk, which
	 * stops at the page's end within ~100 * 1M / 10,000 rows; his count
	 * is always led */
	CLUE_LIST(CLUE_LEAD_UNIT_OVERDUE), CLUE_LIST(CLUE_LEAD_ANY), CLUE_LIST_KEYS(CLUE_LEAD_SCOPED, CLUE_LEAD_SCOPED_PG) };
static const struct store_sql Q_CLUE_COUNT[] = {
	CLUE_COUNT(CLUE_LEAD_ANY), CLUE_COUNT(CLUE_LEAD_UNIT), CLUE_COUNT(CLUE_LEAD_OVERDUE),
	CLUE_COUNT(CLUE_LEAD_UNIT_OVERDUE), CLUE_COUNT_SCOPED, CLUE_COUNT_SCOPED };
static const struct store_sql Q_CLUE_INSERT = {
	"INSERT INTO clues(region, received, source, source_ref, campaign_id, unit_id, summary_enc, "
	"created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_CLUE_SUMMARY = {
	"UPDATE clues SET summary_enc = ? WHERE id = ?", NULL };
static const struct store_sql Q_CLUE_SUBJECT = {
	"INSERT INTO clue_subjects(clue_id, person_id, rank, top_leader, leadership, unit_id) "
	"SELECT ?, p.id, p.rank, p.top_leader, p.leadership, p.unit_id FROM persons p WHERE p.id = ?", NULL };
static const struct store_sql Q_CLUE_SUBJECTS = {
	"SELECT p.id, p.name, p.rank, p.position, p.unit_id, u.name FROM clue_subjects cs "
	"JOIN persons p ON p.id = cs.person_id JOIN units u ON u.id = p.unit_id "
	"WHERE cs.clue_id = ? ORDER BY p.id", NULL };
static const struct store_sql Q_CLUE_CATEGORY_ADD = {
	"INSERT INTO clue_categories(clue_id, category) VALUES (?, ?)", NULL };
static const struct store_sql Q_CLUE_CATEGORY_CLEAR = {
	"DELETE FROM clue_categories WHERE clue_id = ?", NULL };
static const struct store_sql Q_CLUE_CATEGORIES = {
	"SELECT category FROM clue_categories WHERE clue_id = ? ORDER BY category", NULL };
/* a clue's state after its decisions (clue_state_write): Q_CLUE_SETTLE
 * keeps a first_disposed already set, Q_CLUE_STATE_PUT replaces it */
static const struct store_sql Q_CLUE_SETTLE = {
	"UPDATE clues SET state = ?, first_disposed = COALESCE(first_disposed, ?), updated_at = ?, "
	"clock_start = ?, verification_office = ? WHERE id = ?", NULL };
static const struct store_sql Q_CLUE_STATE_PUT = {
	"UPDATE clues SET state = ?, first_disposed = ?, updated_at = ?, clock_start = ?, "
	"verification_office = ? WHERE id = ?", NULL };
static const struct store_sql Q_OPEN_OF_PERSON = {
	"SELECT count(*) FROM clue_subjects cs JOIN clues k ON k.id = cs.clue_id "
	"WHERE cs.person_id = ? AND k.state <> 'closed' AND k.id <> ?", NULL };

static void fill_clue(struct arena *a, struct store_stmt *st, void *row)
{
	struct clue *k = row;

	k->id = store_col_int(st, 0);
	k->region = q_text(a, st, 1);
	k->received = q_text(a, st, 2);
	k->source = q_text(a, st, 3);
	k->source_ref = q_text(a, st, 4);
	k->campaign_id = store_col_int(st, 5);
	k->campaign_name = q_text(a, st, 6);
	k->unit_id = store_col_int(st, 7);
	k->unit_name = q_text(a, st, 8);
	k->summary_enc = q_text_or_null(a, st, 9);
	k->state = q_text(a, st, 10);
	k->first_disposed = q_text_or_null(a, st, 11);
	k->subject_names = q_text(a, st, 12);
	k->created_by = store_col_int(st, 13);
	k->created_at = store_col_int(st, 14);
	k->updated_at = store_col_int(st, 15);
	k->clock_start = q_text_or_null(a, st, 16);
	k->forward_due = q_text_or_null(a, st, 17);
	k->assigned_office = q_text(a, st, 18);
	k->clue_no = q_text_or_null(a, st, 19);
	k->verification_office = q_text_or_null(a, st, 20);
}

static const struct store_sql Q_CLUE_STATE_OF = {
	"SELECT state, received FROM clues WHERE id = ?", NULL };

static void fill_clue_state(struct arena *a, struct store_stmt *st, void *row)
{
	struct clue *k = row;

	k->state = q_text(a, st, 0);
	k->received = q_text(a, st, 1);
}

int store_clue_state(struct store *s, struct arena *a, int64_t id, struct clue *k)
{
	memset(k, 0, sizeof(*k));
	k->id = id;
	return q_get_by_id(store_prepare(s, &Q_CLUE_STATE_OF), a, id, fill_clue_state, k);
}

int store_clue_get(struct store *s, struct arena *a, int64_t id, struct clue *k)
{
	return q_get_by_id(store_prepare(s, &Q_CLUE_GET), a, id, fill_clue, k);
}

static int clue_variant(const struct clue_filter *lq)
{
	int overdue = lq->clock_before && *lq->clock_before;

	if (lq->unit_id)
		return overdue ? CLUE_BY_UNIT_OVERDUE : CLUE_BY_UNIT;
	if (overdue)
		return CLUE_OVERDUE;
	return Q_SCOPE_VARIANT(lq->scope_user) ? CLUE_SCOPED : CLUE_ANY;
}

static int bind_clue_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct clue_filter *lq = filter;
	const char *state = lq->state ? lq->state : "", *source = lq->source ? lq->source : "";
	const char *from = lq->day_from ? lq->day_from : "", *to = lq->day_to ? lq->day_to : "";
	const char *q = lq->q ? lq->q : "";
	struct metric_scope sc = lq->sc;
	int i = 1;

	/* the CTEs of M_WITH: vis of the user's jurisdiction, sub of `within` */
	sc.scope_user = lq->scope_user;
	i = q_metric_bind_with(st, i, &sc);
	switch (clue_variant(lq)) {
	case CLUE_BY_UNIT:
		store_bind_int(st, i++, lq->unit_id);
		break;
	case CLUE_OVERDUE:
		store_bind_text(st, i++, lq->clock_before);
		break;
	case CLUE_BY_UNIT_OVERDUE:
		store_bind_int(st, i++, lq->unit_id);
		store_bind_text(st, i++, lq->clock_before);
		break;
	}
	store_bind_int(st, i++, lq->scope_user);
	store_bind_text(st, i++, state);
	store_bind_text(st, i++, state);
	store_bind_text(st, i++, source);
	store_bind_text(st, i++, source);
	store_bind_int(st, i++, lq->campaign_id);
	store_bind_int(st, i++, lq->campaign_id);
	store_bind_int(st, i++, lq->unit_id);
	store_bind_int(st, i++, lq->unit_id);
	store_bind_text(st, i++, from);
	store_bind_text(st, i++, from);
	store_bind_text(st, i++, to);
	store_bind_text(st, i++, to);
	store_bind_text(st, i++, q);
	store_bind_text(st, i++, q_like_pattern(a, q));         /* 线索编号 */
	store_bind_text(st, i++, q_like_pattern(a, q));         /* a subject's name */
	store_bind_text(st, i++, lq->clock_before ? lq->clock_before : "");
	store_bind_text(st, i++, lq->clock_before ? lq->clock_before : "");
	i = q_bind_text2(st, i, lq->received_from);
	i = q_bind_text2(st, i, lq->received_to);
	i = q_bind_text2(st, i, lq->disposed_from);
	i = q_bind_text2(st, i, lq->disposed_to);
	/* disposed: as the figure clues_disposed, a clue only transferred
	 * (移交) to another organ was not disposed here */
	store_bind_int(st, i++, (lq->disposed_from && *lq->disposed_from) ||
				(lq->disposed_to && *lq->disposed_to));
	i = q_bind_text2(st, i, lq->office);
	/* the figure's scope (q_metrics_sql.h): within, category, subject; the
	 * jurisdiction, campaign and source are the list's own filters above */
	sc.campaign_id = 0;
	sc.source = "";
	return q_metric_bind_scope(st, i, &sc, Q_METRIC_CLUE_SCOPES);
}

int store_clue_list(struct store *s, struct arena *a, const struct clue_filter *lq, int64_t count,
		    struct clue **out)
{
	int v = clue_variant(lq);

	if (v == CLUE_SCOPED && Q_SCOPE_PAGE_VARIANT(lq->scope_user, count))
		v = CLUE_SCOPED_FEW;
	return q_list(store_prepare(s, &Q_CLUE_LIST[v]), a, &lq->page, lq,
		      bind_clue_filters, fill_clue, sizeof(**out), out);
}

int64_t store_clue_count(struct store *s, const struct clue_filter *lq)
{
	return q_count(store_prepare(s, &Q_CLUE_COUNT[clue_variant(lq)]), bind_clue_filters, lq);
}

int64_t store_clue_insert(struct store *s, const struct clue *k, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->region);
	store_bind_text(st, 2, k->received);
	store_bind_text(st, 3, k->source);
	store_bind_text(st, 4, k->source_ref ? k->source_ref : "");
	q_bind_id(st, 5, k->campaign_id);
	store_bind_int(st, 6, k->unit_id);
	store_bind_text(st, 7, k->summary_enc);
	q_bind_id(st, 8, k->created_by);
	store_bind_int(st, 9, now);
	store_bind_int(st, 10, now);
	return q_scalar(st);
}

int store_clue_set_summary(struct store *s, int64_t id, const char *summary_enc)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_SUMMARY);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, summary_enc);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

int store_clue_add_subject(struct store *s, int64_t clue_id, int64_t person_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_SUBJECT);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	store_bind_int(st, 2, person_id);
	rc = store_exec(st);
	/* no person row: nothing inserted (the FK error of a plain insert) */
	return rc < 0 ? rc : store_changes(s) == 1 ? STORE_OK : STORE_CONSTRAINT;
}

int store_clue_add_category(struct store *s, int64_t clue_id, const char *code)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_CATEGORY_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	store_bind_text(st, 2, code);
	return store_exec(st);
}

int store_clue_clear_categories(struct store *s, int64_t clue_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_CATEGORY_CLEAR);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	return store_exec(st);
}

int store_clue_categories(struct store *s, struct arena *a, int64_t clue_id, const char ***out)
{
	*out = NULL;
	return q_list_by_id(store_prepare(s, &Q_CLUE_CATEGORIES), a, clue_id, q_fill_text, sizeof(**out), out);
}

int store_clue_subjects(struct store *s, struct arena *a, int64_t clue_id, struct person **out)
{
	return q_list_by_id(store_prepare(s, &Q_CLUE_SUBJECTS), a, clue_id, q_fill_subject,
			    sizeof(**out), out);
}

int store_clue_set_state(struct store *s, int64_t id, const char *state, const char *disposed_day,
			 const char *office, int64_t now)
{
	return store_clue_settle(s, id, state, disposed_day, disposed_day, office, now);
}

/* The five columns a clue's decisions write (NULL: NULL), into the row a
 * PostgreSQL bulk import still holds in its batch (store_bulk_amend) or by
 * an UPDATE; keep_first leaves a first_disposed already set. */
static int clue_state_write(struct store *s, int64_t id, const char *state, const char *first_disposed,
			    const char *clock_start, const char *verification_office, int64_t now,
			    int keep_first)
{
	struct store_stmt *st;
	char at[24];
	const char *cols[] = { "state", "first_disposed", "updated_at", "clock_start", "verification_office" };
	const char *vals[] = { state, first_disposed, at, clock_start, verification_office };
	int rc;

	snprintf(at, sizeof(at), "%lld", (long long)now);
	if ((rc = store_bulk_amend(s, "clues", id, 5, cols, vals, keep_first ? 1u << 1 : 0)) != 0)
		return rc < 0 ? rc : STORE_OK;
	if (!(st = store_prepare(s, keep_first ? &Q_CLUE_SETTLE : &Q_CLUE_STATE_PUT)))
		return STORE_ERR;
	store_bind_text(st, 1, state);
	store_bind_text(st, 2, first_disposed);
	store_bind_int(st, 3, now);
	store_bind_text(st, 4, clock_start);
	store_bind_text(st, 5, verification_office);
	store_bind_int(st, 6, id);
	return store_exec(st);
}

int store_clue_settle(struct store *s, int64_t id, const char *state, const char *first_day,
		      const char *last_day, const char *office, int64_t now)
{
	int pv = !strcmp(state, "preliminary_verification");

	/* the clock and the office only in preliminary verification; an
	 * office not named is "" there */
	return clue_state_write(s, id, state, first_day, pv ? last_day : NULL,
				pv ? (office ? office : "") : NULL, now, 1);
}

int store_clue_state_put(struct store *s, int64_t id, const char *state, const char *first_disposed,
			 const char *clock_start, const char *verification_office, int64_t now)
{
	/* an empty day is no day here; an empty office is a verification's
	 * without one, as the settle writes it */
	return clue_state_write(s, id, state, first_disposed && *first_disposed ? first_disposed : NULL,
				clock_start && *clock_start ? clock_start : NULL, verification_office, now, 0);
}

int64_t store_open_clues_of_person(struct store *s, int64_t person_id, int64_t except_clue)
{
	struct store_stmt *st = store_prepare(s, &Q_OPEN_OF_PERSON);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	store_bind_int(st, 2, except_clue);
	return q_scalar(st);
}

/* ---- dispositions ------------------------------------------------------- */

#define DISP_COLS "d.id, d.clue_id, d.method, d.reason, d.state, COALESCE(d.proposed_by, 0), " \
	"COALESCE(NULLIF(pu.display_name, ''), pu.name, ''), d.proposed_at, d.decided, " \
	"COALESCE(d.decided_by, 0), COALESCE(NULLIF(du.display_name, ''), du.name, ''), " \
	"COALESCE(d.decided_at, 0), d.decision_note, d.transfer_direction, d.transfer_to, d.transfer_ref " \
	"FROM dispositions d LEFT JOIN users pu ON pu.id = d.proposed_by " \
	"LEFT JOIN users du ON du.id = d.decided_by "

static const struct store_sql Q_DISP_INSERT = {
	"INSERT INTO dispositions(region, clue_id, method, reason, proposed_by, proposed_at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_DISP_GET = { "SELECT " DISP_COLS "WHERE d.id = ?", NULL };
static const struct store_sql Q_DISP_OF_CLUE = {
	"SELECT " DISP_COLS "WHERE d.clue_id = ? ORDER BY d.id", NULL };
static const struct store_sql Q_DISP_PENDING = {
	"SELECT count(*) FROM dispositions WHERE clue_id = ? AND state = 'proposed'", NULL };
static const struct store_sql Q_DISP_DECIDE = {
	"UPDATE dispositions SET state = ?, decided = ?, decided_by = ?, decided_at = ?, decision_note = ? "
	"WHERE id = ? AND state = 'proposed'", NULL };

static void fill_disposition(struct arena *a, struct store_stmt *st, void *row)
{
	struct disposition *d = row;

	d->id = store_col_int(st, 0);
	d->clue_id = store_col_int(st, 1);
	d->method = q_text(a, st, 2);
	d->reason = q_text(a, st, 3);
	d->state = q_text(a, st, 4);
	d->proposed_by = store_col_int(st, 5);
	d->proposed_by_name = q_text(a, st, 6);
	d->proposed_at = store_col_int(st, 7);
	d->decided = q_text_or_null(a, st, 8);
	d->decided_by = store_col_int(st, 9);
	d->decided_by_name = q_text(a, st, 10);
	d->decided_at = store_col_int(st, 11);
	d->decision_note = q_text(a, st, 12);
	d->transfer_direction = q_text_or_null(a, st, 13);
	d->transfer_to = q_text(a, st, 14);
	d->transfer_ref = q_text(a, st, 15);
}

int64_t store_disposition_insert(struct store *s, const char *region, const struct disposition *d)
{
	struct store_stmt *st = store_prepare(s, &Q_DISP_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, d->clue_id);
	store_bind_text(st, 3, d->method);
	store_bind_text(st, 4, d->reason ? d->reason : "");
	q_bind_id(st, 5, d->proposed_by);
	store_bind_int(st, 6, d->proposed_at);
	return q_scalar(st);
}

int store_disposition_get(struct store *s, struct arena *a, int64_t id, struct disposition *d)
{
	return q_get_by_id(store_prepare(s, &Q_DISP_GET), a, id, fill_disposition, d);
}

int store_dispositions_of_clue(struct store *s, struct arena *a, int64_t clue_id,
			       struct disposition **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DISP_OF_CLUE);
	struct disposition *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	while ((rc = store_step(st)) == STORE_ROW)
		fill_disposition(a, st, arena_push(a, &v, &cap, n++, sizeof(*v)));
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int64_t store_disposition_pending(struct store *s, int64_t clue_id)
{
	struct store_stmt *st = store_prepare(s, &Q_DISP_PENDING);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	return q_scalar(st);
}

int store_disposition_decide(struct store *s, int64_t id, const char *state, const char *decided,
			     int64_t by, int64_t at, const char *note)
{
	struct store_stmt *st = store_prepare(s, &Q_DISP_DECIDE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, state);
	store_bind_text(st, 2, decided);
	store_bind_int(st, 3, by);
	store_bind_int(st, 4, at);
	store_bind_text(st, 5, note ? note : "");
	store_bind_int(st, 6, id);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) == 1 ? 1 : 0;
}

/* ---- timeline ----------------------------------------------------------- */

static const struct store_sql Q_TL_ADD = {
	"INSERT INTO timeline(region, object, at, user_id, user_name, action, detail) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)", NULL };
/* who: the user's display name as it is now (issue 12: timelines name
 * people as the pages do), the name stored with the step for a user
 * without one or no longer on record */
static const struct store_sql Q_TL_LIST = {
	"SELECT t.id, t.at, COALESCE(NULLIF(u.display_name, ''), NULLIF(t.user_name, ''), u.name, ''), t.action, "
	"t.detail FROM timeline t LEFT JOIN users u ON u.id = t.user_id WHERE t.object = ? ORDER BY t.id", NULL };

int store_timeline_add(struct store *s, const char *region, const char *object, int64_t at,
		       int64_t user_id, const char *user_name, const char *action, const char *detail)
{
	struct store_stmt *st = store_prepare(s, &Q_TL_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, object);
	store_bind_int(st, 3, at);
	q_bind_id(st, 4, user_id);
	store_bind_text(st, 5, user_name);
	store_bind_text(st, 6, action);
	store_bind_text(st, 7, detail ? detail : "");
	return store_exec(st);
}

int store_timeline_list(struct store *s, struct arena *a, const char *object,
			struct timeline_entry **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TL_LIST);
	struct timeline_entry *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, object);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct timeline_entry *e = arena_push(a, &v, &cap, n++, sizeof(*v));
		e->id = store_col_int(st, 0);
		e->at = store_col_int(st, 1);
		e->user_name = q_text(a, st, 2);
		e->action = q_text(a, st, 3);
		e->detail = q_text(a, st, 4);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

/* ---- what is due ---------------------------------------------------------- */

/* Clues under preliminary verification and the day the current one was
 * approved (its clock starts there), within the scope, [1] of an office
 * ('' none): the office stored with the running verification (0045).  [0]
 * reads clues_clock (state, clock_start[, id]) in its order, [1]
 * clues_verification_due (state, verification_office, clock_start, id):
 * the first LIMIT by clock start with no sort (migration 0084). */
#define PRELIM_WHERE(OFFICE) "WHERE k.state = 'preliminary_verification' AND k.clock_start <= ? AND " \
	Q_IN_SCOPE("k.unit_id") OFFICE " "
#define PRELIM_ANY PRELIM_WHERE("")
#define PRELIM_OF PRELIM_WHERE(" AND k.verification_office = ?")
/* The unit's name is read per row listed, not joined: PostgreSQL estimated
 * ~160 of 6,743 running verifications (2M records) and, given a join,
 * hashed every one against all units and sorted them (27 ms a home page);
 * without it the clues are read in clues_clock's order and the sort on
 * (clock_start, id) stops at the LIMIT (2.5 ms). */
/* SQLite is told clues_clock for all offices' (INDEXED BY): the 10M
 * run's statistics say nothing selective of either index, and it took
 * clues_verification, which covers the row, and sorted all 33,817
 * running verifications for the LIMIT (17 ms a home page; 119 ms in
 * session 30's run). */
#define PRELIM_SELECT(INDEXED, WHERE) Q_SCOPE_WITH "SELECT k.id, k.unit_id, (SELECT u.name FROM units u " \
	"WHERE u.id = k.unit_id), k.clock_start, COALESCE(k.verification_office, '') FROM clues k " INDEXED \
	WHERE "ORDER BY k.clock_start, k.id LIMIT ?"
static const struct store_sql Q_PRELIM[2] = {
	{ PRELIM_SELECT("INDEXED BY clues_clock ", PRELIM_ANY), PRELIM_SELECT("", PRELIM_ANY) },
	{ PRELIM_SELECT("", PRELIM_OF), NULL } };
/* the same counted by office (index clues_verification): started on or
 * before the first day (overdue), on or before the second (listed) */
#define PRELIM_COUNT(WHERE) Q_SCOPE_WITH "SELECT COALESCE(k.verification_office, ''), " \
	"SUM(CASE WHEN k.clock_start <= ? THEN 1 ELSE 0 END), count(*) FROM clues k " WHERE \
	"GROUP BY k.verification_office"
static const struct store_sql Q_PRELIM_COUNT[2] = { { PRELIM_COUNT(PRELIM_ANY), NULL },
						    { PRELIM_COUNT(PRELIM_OF), NULL } };
/* the same for the unscoped user on PostgreSQL, from the counts kept per
 * office and start day (0109's verification_days: 562 rows at 10M records
 * where the live count groups 33,817 clues, 6-15 ms a first view of /);
 * the groups and their order the live statement's (its GroupAggregate on
 * clues_verification: by office, NULL last).  SQLite counts live. */
#define PRELIM_KEPT(WHERE) "SELECT office, CAST(sum(CASE WHEN day <= ? THEN n ELSE 0 END) AS BIGINT), " \
	"CAST(sum(n) AS BIGINT) FROM verification_days WHERE " WHERE "day <= ? " \
	"GROUP BY unset, office HAVING sum(n) > 0 ORDER BY unset, office"
static const struct store_sql Q_PRELIM_KEPT[2] = { { "SELECT 0", PRELIM_KEPT("") },
						   { "SELECT 0", PRELIM_KEPT("unset = 0 AND office = ? AND ") } };
/* Dispositions waiting for approval, within the scope. */
#define DISP_ROW "SELECT d.id, d.clue_id, d.method, d.proposed_at, u.name, COALESCE(d.decided_at, 0), " \
	"d.decision_note FROM dispositions d JOIN clues k ON k.id = d.clue_id JOIN units u ON u.id = k.unit_id "
#define PENDING_WHERE "WHERE d.state = 'proposed' AND " Q_IN_SCOPE("k.unit_id") " "
static const struct store_sql Q_PENDING = {
	Q_SCOPE_WITH DISP_ROW PENDING_WHERE "ORDER BY d.id LIMIT ?", NULL };
static const struct store_sql Q_PENDING_COUNT = {
	Q_SCOPE_WITH "SELECT count(*) FROM dispositions d JOIN clues k ON k.id = d.clue_id " PENDING_WHERE, NULL };
/* the user's proposals sent back, while nothing was proposed after them */
#define RETURNED_WHERE "WHERE d.proposed_by = ? AND d.state = 'rejected' AND NOT EXISTS (SELECT 1 " \
	"FROM dispositions e WHERE e.clue_id = d.clue_id AND e.id > d.id) "
static const struct store_sql Q_RETURNED = { DISP_ROW RETURNED_WHERE "ORDER BY d.id LIMIT ?", NULL };
static const struct store_sql Q_RETURNED_COUNT = {
	"SELECT count(*) FROM dispositions d " RETURNED_WHERE, NULL };
/* clues assigned to an office waiting for their first proposal */
#define ASSIGNED_WHERE "WHERE k.assigned_office = ? AND k.state = 'registered' AND NOT EXISTS (SELECT 1 " \
	"FROM dispositions d WHERE d.clue_id = k.id AND d.state = 'proposed') AND " Q_IN_SCOPE("k.unit_id") " "
static const struct store_sql Q_ASSIGNED = {
	Q_SCOPE_WITH "SELECT k.id, k.unit_id, u.name, k.assigned_at FROM clues k JOIN units u ON u.id = k.unit_id "
	ASSIGNED_WHERE "ORDER BY k.id LIMIT ?", NULL };
static const struct store_sql Q_ASSIGNED_COUNT = {
	Q_SCOPE_WITH "SELECT count(*) FROM clues k " ASSIGNED_WHERE, NULL };
static const struct store_sql Q_ASSIGN = {
	"UPDATE clues SET assigned_office = ?, assigned_at = ?, updated_at = ? WHERE id = ?", NULL };

/* Binds PRELIM_WHERE from i on (started_by, the scope, the office unless
 * NULL); the next index. */
static int bind_prelim(struct store_stmt *st, int i, int64_t scope_user, const char *started_by,
		       const char *office)
{
	store_bind_text(st, i++, started_by);
	store_bind_int(st, i++, scope_user);
	if (office)
		store_bind_text(st, i++, office);
	return i;
}

int store_clues_in_verification(struct store *s, struct arena *a, int64_t scope_user,
				const char *started_by, const char *office, int limit, struct clue **out)
{
	struct store_stmt *st = store_prepare(s, &Q_PRELIM[office != NULL]);
	struct clue *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, bind_prelim(st, 2, scope_user, started_by, office), limit);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct clue *k = arena_push(a, &v, &cap, n++, sizeof(*v));
		k->id = store_col_int(st, 0);
		k->unit_id = store_col_int(st, 1);
		k->unit_name = q_text(a, st, 2);
		k->clock_start = q_text_or_null(a, st, 3);
		k->verification_office = q_text(a, st, 4);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_clues_in_verification_count(struct store *s, struct arena *a, int64_t scope_user,
				      const char *overdue_by, const char *started_by, const char *office,
				      struct store_due_count **out)
{
	int kept = scope_user == 0 && store_backend(s) == STORE_PG;
	struct store_stmt *st = store_prepare(s, kept ? &Q_PRELIM_KEPT[office != NULL] : &Q_PRELIM_COUNT[office != NULL]);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	if (kept) {
		store_bind_text(st, 1, overdue_by);
		if (office)
			store_bind_text(st, 2, office);
		store_bind_text(st, office ? 3 : 2, started_by);
		return q_collect(st, a, q_fill_due_count, sizeof(**out), out);
	}
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, overdue_by);
	bind_prelim(st, 3, scope_user, started_by, office);
	return q_collect(st, a, q_fill_due_count, sizeof(**out), out);
}

static int disposition_rows(struct store_stmt *st, struct arena *a, struct disposition **out,
			     const char ***unit_names)
{
	struct disposition *v = NULL;
	const char **names = NULL;
	int rc, n = 0, cap = 0, ncap = 0;

	while ((rc = store_step(st)) == STORE_ROW) {
		struct disposition *d = arena_push(a, &v, &cap, n, sizeof(*v));
		const char **nm = arena_push(a, &names, &ncap, n, sizeof(*names));
		d->id = store_col_int(st, 0);
		d->clue_id = store_col_int(st, 1);
		d->method = q_text(a, st, 2);
		d->proposed_at = store_col_int(st, 3);
		*nm = q_text(a, st, 4);
		d->decided_at = store_col_int(st, 5);
		d->decision_note = q_text(a, st, 6);
		n++;
	}
	store_reset(st);
	*out = v;
	*unit_names = names;
	return rc < 0 ? rc : n;
}

int store_dispositions_pending(struct store *s, struct arena *a, int64_t scope_user, int limit,
			       struct disposition **out, const char ***unit_names)
{
	struct store_stmt *st = store_prepare(s, &Q_PENDING);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	store_bind_int(st, 3, limit);
	return disposition_rows(st, a, out, unit_names);
}

int64_t store_dispositions_pending_count(struct store *s, int64_t scope_user)
{
	struct store_stmt *st = store_prepare(s, &Q_PENDING_COUNT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	return q_scalar(st);
}

int store_dispositions_returned(struct store *s, struct arena *a, int64_t user_id, int limit,
				struct disposition **out, const char ***unit_names)
{
	struct store_stmt *st = store_prepare(s, &Q_RETURNED);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	store_bind_int(st, 2, limit);
	return disposition_rows(st, a, out, unit_names);
}

int64_t store_dispositions_returned_count(struct store *s, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_RETURNED_COUNT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	return q_scalar(st);
}

int64_t store_clues_assigned_count(struct store *s, int64_t scope_user, const char *office)
{
	struct store_stmt *st = store_prepare(s, &Q_ASSIGNED_COUNT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, office);
	store_bind_int(st, 3, scope_user);
	return q_scalar(st);
}

int store_clues_assigned(struct store *s, struct arena *a, int64_t scope_user, const char *office, int limit,
			 struct clue **out)
{
	struct store_stmt *st = store_prepare(s, &Q_ASSIGNED);
	struct clue *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, office);
	store_bind_int(st, 3, scope_user);
	store_bind_int(st, 4, limit);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct clue *k = arena_push(a, &v, &cap, n++, sizeof(*v));
		memset(k, 0, sizeof(*k));
		k->id = store_col_int(st, 0);
		k->unit_id = store_col_int(st, 1);
		k->unit_name = q_text(a, st, 2);
		k->assigned_at = store_col_int(st, 3);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_clue_assign(struct store *s, int64_t id, const char *office, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_ASSIGN);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, office);
	store_bind_int(st, 2, now);
	store_bind_int(st, 3, now);
	store_bind_int(st, 4, id);
	return store_exec(st);
}
