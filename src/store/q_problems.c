/*
 * q_problems.c: the rectification ledger's statements (q_problems.h).
 * One WHERE for the list, its count, the per-source counts and the
 * export, composed from q_scope.h (jurisdiction) and q_listscope.h
 * (within); overdue is computed in SQL from the deadline and the state
 * against the day the domain passes, never stored.
 */
#include "store/q_problems.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_mgroups.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* the overdue rule, written once: not rectified and due before today (`?`) */
#define P_OVERDUE(TODAY) "(p.state <> 'rectified' AND p.deadline < " TODAY ")"

#define P_COLS "p.id, p.unit_id, u.name, p.source, COALESCE(p.campaign_id, 0), COALESCE(k.name, ''), " \
	"COALESCE(p.bad_review_id, 0), p.summary, p.found, p.deadline, p.state, p.top_leader, p.measures, " \
	"p.rectified, COALESCE(p.confirmed_by, 0), COALESCE(NULLIF(cu.display_name, ''), cu.name, ''), p.confirmed_on, " \
	"CASE WHEN " P_OVERDUE("?") " THEN 1 ELSE 0 END, p.ext_id, p.extra, COALESCE(p.inspection_id, 0), " \
	"COALESCE(p.activity_id, 0), COALESCE(p.nature, '') "
#define P_FROM "FROM problems p JOIN units u ON u.id = p.unit_id LEFT JOIN campaigns k ON k.id = p.campaign_id " \
	"LEFT JOIN users cu ON cu.id = p.confirmed_by "

static void fill_problem(struct arena *a, struct store_stmt *st, void *row)
{
	struct problem *p = row;

	p->id = store_col_int(st, 0);
	p->unit_id = store_col_int(st, 1);
	p->unit_name = q_text(a, st, 2);
	p->source = q_text(a, st, 3);
	p->campaign_id = store_col_int(st, 4);
	p->campaign_name = q_text(a, st, 5);
	p->bad_review_id = store_col_int(st, 6);
	p->summary = q_text(a, st, 7);
	p->found = q_text(a, st, 8);
	p->deadline = q_text(a, st, 9);
	p->state = q_text(a, st, 10);
	p->top_leader = (int)store_col_int(st, 11);
	p->measures = q_text(a, st, 12);
	p->rectified = q_text_or_null(a, st, 13);
	p->confirmed_by = store_col_int(st, 14);
	p->confirmed_name = q_text(a, st, 15);
	p->confirmed_on = q_text_or_null(a, st, 16);
	p->overdue = (int)store_col_int(st, 17);
	p->ext_id = q_text_or_null(a, st, 18);
	p->extra = q_text_or_null(a, st, 19);
	p->inspection_id = store_col_int(st, 20);
	p->activity_id = store_col_int(st, 21);
	p->nature = q_text(a, st, 22);
}

static const struct store_sql Q_INSERT = {
	"INSERT INTO problems(unit_id, source, campaign_id, bad_review_id, summary, found, deadline, top_leader, "
	"activity_id, nature, created_by, created_at, ext_id, extra, inspection_id) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	NULL };
static const struct store_sql Q_UPDATE = {
	"UPDATE problems SET unit_id = ?, source = ?, campaign_id = ?, bad_review_id = ?, summary = ?, found = ?, "
	"deadline = ?, top_leader = ?, activity_id = ?, nature = ? WHERE id = ?", NULL };

/* the office's fields from index 1: the next index */
static int bind_fields(struct store_stmt *st, const struct problem *p)
{
	store_bind_int(st, 1, p->unit_id);
	store_bind_text(st, 2, p->source);
	q_bind_id(st, 3, p->campaign_id);
	q_bind_id(st, 4, p->bad_review_id);
	store_bind_text(st, 5, p->summary);
	store_bind_text(st, 6, p->found);
	store_bind_text(st, 7, p->deadline);
	store_bind_int(st, 8, p->top_leader != 0);
	q_bind_id(st, 9, p->activity_id);
	q_bind_opt_text(st, 10, p->nature && *p->nature ? p->nature : NULL);
	return 11;
}

int64_t store_problem_insert(struct store *s, const struct problem *p, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);
	int i;

	if (!st)
		return STORE_ERR;
	i = bind_fields(st, p);
	q_bind_id(st, i++, user_id);
	store_bind_int(st, i++, now);
	q_bind_opt_text(st, i++, p->ext_id);
	q_bind_opt_text(st, i++, p->extra);
	q_bind_id(st, i, p->inspection_id);
	return q_scalar(st);
}

int store_problem_update(struct store *s, const struct problem *p)
{
	struct store_stmt *st = store_prepare(s, &Q_UPDATE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, bind_fields(st, p), p->id);
	return q_changed(s, st);
}

static const struct store_sql Q_GET = {
	Q_SCOPE_WITH "SELECT " P_COLS P_FROM "WHERE p.id = ? AND " Q_IN_SCOPE("p.unit_id"), NULL };

int store_problem_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, const char *today,
		      struct problem *out)
{
	struct store_stmt *st = store_prepare(s, &Q_GET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, today);
	store_bind_int(st, 3, id);
	store_bind_int(st, 4, scope_user);
	rc = store_step(st);
	if (rc == STORE_ROW)
		fill_problem(a, st, out);
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc == STORE_DONE ? 0 : rc;
}

static const struct store_sql Q_SET_STATE = {
	"UPDATE problems SET state = ?, measures = COALESCE(?, measures), rectified = ? "
	"WHERE id = ? AND state = ? AND confirmed_on IS NULL", NULL };
static const struct store_sql Q_CONFIRM = {
	"UPDATE problems SET confirmed_by = ?, confirmed_on = ? "
	"WHERE id = ? AND state = 'rectified' AND confirmed_on IS NULL", NULL };

int store_problem_set_state(struct store *s, int64_t id, const char *from, const char *to,
			    const char *measures, const char *rectified)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_STATE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, to);
	if (measures)
		store_bind_text(st, 2, measures);
	else
		store_bind_null(st, 2);
	q_bind_opt_text(st, 3, rectified);
	store_bind_int(st, 4, id);
	store_bind_text(st, 5, from);
	return q_changed(s, st);
}

int store_problem_confirm(struct store *s, int64_t id, int64_t user_id, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_CONFIRM);

	if (!st)
		return STORE_ERR;
	q_bind_id(st, 1, user_id);      /* 0 (the system): no account */
	store_bind_text(st, 2, day);
	store_bind_int(st, 3, id);
	return q_changed(s, st);
}

static const struct store_sql Q_STEP_ADD = {
	"INSERT INTO problem_steps(problem_id, at, user_id, user_name, step, note) VALUES (?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_STEPS = {
	"SELECT at, user_name, step, note FROM problem_steps WHERE problem_id = ? ORDER BY id", NULL };

int store_problem_step_add(struct store *s, int64_t problem_id, int64_t at, int64_t user_id,
			   const char *user_name, const char *step, const char *note)
{
	struct store_stmt *st = store_prepare(s, &Q_STEP_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, problem_id);
	store_bind_int(st, 2, at);
	q_bind_id(st, 3, user_id);
	store_bind_text(st, 4, user_name ? user_name : "");
	store_bind_text(st, 5, step);
	store_bind_text(st, 6, note ? note : "");
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

static void fill_step(struct arena *a, struct store_stmt *st, void *row)
{
	struct problem_step *v = row;

	v->at = store_col_int(st, 0);
	v->user_name = q_text(a, st, 1);
	v->step = q_text(a, st, 2);
	v->note = q_text(a, st, 3);
}

int store_problem_steps(struct store *s, struct arena *a, int64_t problem_id, struct problem_step **out)
{
	return q_list_by_id(store_prepare(s, &Q_STEPS), a, problem_id, fill_step, sizeof(**out), out);
}

/* ---- the ledger ------------------------------------------------------------- */

static const char *const state_codes[] = { "", "open", "rectifying", "rectified", "rectified" };

/* parameters: scope x2 (Q_SCOPE_WITH and here), source x2, within x2,
 * state x2, confirmed, overdue + today, campaign x2, inspection x2,
 * activity x2, kind x2, category x2, top, nature x2, found x4, rectified x4 */
#define P_WHERE Q_IN_SCOPE("p.unit_id") " AND (? = '' OR p.source = ?) AND " QL_WITHIN("p.unit_id") \
	"AND (? = '' OR p.state = ?) AND (? = 0 OR p.confirmed_on IS NOT NULL) " \
	"AND (? = 0 OR " P_OVERDUE("?") ") AND (? = 0 OR p.campaign_id = ?) AND (? = 0 OR p.inspection_id = ?) " \
	"AND (? = 0 OR p.activity_id = ?) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM activities a WHERE a.id = p.activity_id AND a.kind = ?)) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM activities a WHERE a.id = p.activity_id AND a.category = ?)) " \
	"AND (? = 0 OR p.top_leader = 1) AND (? = '' OR p.nature = ?) " \
	"AND (? = '' OR p.found >= ?) AND (? = '' OR p.found <= ?) " \
	"AND (? = '' OR p.rectified >= ?) AND (? = '' OR p.rectified <= ?) "
/* each after "WHERE " or a lead (enum p_lead) */
#define P_SORT "ORDER BY p.found DESC, p.id DESC "
/* the page's ids first (q_scope.h Q_PAGE_KEYS), then their columns: the
 * walk's from problems_found (found, unit_id, ...: its scope read from the
 * index; joined to units, SQLite read every unit's problems and sorted
 * them: bench/README.md "sparse16b"), the led page's from
 * problems_unit_found */
#define P_LIST(LEAD, PICK) Q_SCOPE_WITH "SELECT " P_COLS P_FROM \
	"WHERE " Q_PAGE_KEYS("p.id", "FROM problems p " LEAD P_WHERE, PICK, P_SORT)
#define P_COUNT(LEAD) { Q_SCOPE_WITH Q_CAPPED_COUNT(P_FROM LEAD P_WHERE), NULL }
#define P_BY_SOURCE(LEAD) { Q_SCOPE_WITH "SELECT source, count(*) FROM (SELECT p.source AS source " \
	P_FROM LEAD P_WHERE "LIMIT " LIST_COUNT_STOP ") capped GROUP BY source", NULL }
/*
 * The statements by lead (enum p_lead): for every user, a scoped user's
 * jurisdiction (the counts; the page only when the count just taken is
 * small: Q_SCOPE_PAGE_VARIANT, a page in found order stops at its end, led
 * by the jurisdiction it sorts all the matching rows), and one record's
 * problems: a work log entry's (its page lists them), an inspection's, a
 * campaign's.  `(? = 0 OR p.activity_id = ?)` is an OR no index drives, so
 * an entry's few problems were found by walking the ledger to its end: 694
 * ms for the capped count at 10M records (bench/README.md "Every family at
 * 10M").  Led by the record's index instead, with its one parameter before
 * the WHERE's.  An entry's and an inspection's problems are few by nature
 * and always led; a campaign's may be a national campaign's hundred
 * thousand, led only below Q_SCOPE_PAGE_LEAD_BELOW.
 * A led page picks its ids by "p.found || ''" so that no index in found
 * order is walked for the LIMIT (PostgreSQL's scoped page walked
 * problems_found backward: 2-3 s for a township of 100 at 1M,
 * bench/README.md "pgplan16f"); PostgreSQL's scoped page is led by
 * Q_SCOPE_LEAD_PG (with Q_SCOPE_LEAD it read the whole table: 143-300 ms
 * at 1M), its counts by Q_SCOPE_LEAD (a nested loop over vis on
 * problems_unit: 8.7 ms for 2,000 rows, 13.7 by the array).
 */
enum p_lead { P_ANY, P_SCOPED, P_ACTIVITY, P_INSPECTION, P_CAMPAIGN };
#define P_LEAD_ACTIVITY "WHERE p.activity_id = ? AND "
#define P_LEAD_INSPECTION "WHERE p.inspection_id = ? AND "
#define P_LEAD_CAMPAIGN "WHERE p.campaign_id = ? AND "
#define P_PICK_LED "ORDER BY p.found || '' DESC, p.id DESC "
static const struct store_sql Q_LIST[] = {
	{ P_LIST("WHERE ", P_SORT), NULL },
	{ P_LIST(Q_SCOPE_LEAD("p.unit_id"), P_SORT), P_LIST(Q_SCOPE_LEAD_PG("p.unit_id"), P_PICK_LED) },
	{ P_LIST(P_LEAD_ACTIVITY, P_PICK_LED), NULL }, { P_LIST(P_LEAD_INSPECTION, P_PICK_LED), NULL },
	{ P_LIST(P_LEAD_CAMPAIGN, P_PICK_LED), NULL } };
#define P_BY_LEAD(STMT) { STMT("WHERE "), STMT(Q_SCOPE_LEAD("p.unit_id")), STMT(P_LEAD_ACTIVITY), \
	STMT(P_LEAD_INSPECTION), STMT(P_LEAD_CAMPAIGN) }
static const struct store_sql Q_COUNT[] = P_BY_LEAD(P_COUNT);
/* by source, of the first LIST_COUNT_STOP rows only (issue 16: never the
 * whole ledger): the counts add up to more than LIST_COUNT_CAP when they
 * stopped there, and the page then shows none */
static const struct store_sql Q_BY_SOURCE[] = P_BY_LEAD(P_BY_SOURCE);

/* the filter's members from index i (after the CTE's scope user) */
static int bind_where(struct store_stmt *st, int i, const struct problem_filter *f)
{
	int state = f->state > 0 && f->state <= 4 ? f->state : 0;

	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->source_code);
	i = q_bind_within(st, i, f->within);
	i = q_bind_text2(st, i, state_codes[state]);
	store_bind_int(st, i++, state == 4);
	store_bind_int(st, i++, f->overdue != 0);
	store_bind_text(st, i++, f->today ? f->today : "");
	store_bind_int(st, i++, f->campaign_id);
	store_bind_int(st, i++, f->campaign_id);
	store_bind_int(st, i++, f->inspection_id);
	store_bind_int(st, i++, f->inspection_id);
	store_bind_int(st, i++, f->activity_id);
	store_bind_int(st, i++, f->activity_id);
	i = q_bind_text2(st, i, f->kind);
	i = q_bind_text2(st, i, f->category);
	store_bind_int(st, i++, f->top_leader != 0);
	i = q_bind_text2(st, i, f->nature_code ? f->nature_code : "");
	i = q_bind_text2(st, i, f->found_from);
	i = q_bind_text2(st, i, f->found_to);
	i = q_bind_text2(st, i, f->rectified_from);
	return q_bind_text2(st, i, f->rectified_to);
}

/* the lead of a count: one record's problems, else the jurisdiction's */
static enum p_lead count_lead(const struct problem_filter *f)
{
	if (f->activity_id)
		return P_ACTIVITY;
	if (f->inspection_id)
		return P_INSPECTION;
	if (f->campaign_id)
		return P_CAMPAIGN;
	return Q_SCOPE_VARIANT(f->scope_user) ? P_SCOPED : P_ANY;
}

/* the lead of a page, given the count just taken (< 0: not taken) */
static enum p_lead page_lead(const struct problem_filter *f, int64_t count)
{
	enum p_lead l = count_lead(f);

	if (l == P_ACTIVITY || l == P_INSPECTION ||
	    (l == P_CAMPAIGN && count >= 0 && count < Q_SCOPE_PAGE_LEAD_BELOW))
		return l;
	return Q_SCOPE_PAGE_VARIANT(f->scope_user, count) ? P_SCOPED : P_ANY;
}

/* the lead's parameter at i, if it has one */
static int bind_lead(struct store_stmt *st, int i, enum p_lead l, const struct problem_filter *f)
{
	if (l == P_ACTIVITY)
		store_bind_int(st, i++, f->activity_id);
	else if (l == P_INSPECTION)
		store_bind_int(st, i++, f->inspection_id);
	else if (l == P_CAMPAIGN)
		store_bind_int(st, i++, f->campaign_id);
	return i;
}

/* a statement's filter and its lead (q_list and q_count bind through one pointer) */
struct p_bind {
	const struct problem_filter *f;
	enum p_lead lead;
};

static int bind_list(struct store_stmt *st, struct arena *a, const void *arg)
{
	const struct p_bind *b = arg;

	(void)a;
	store_bind_int(st, 1, b->f->scope_user);
	store_bind_text(st, 2, b->f->today ? b->f->today : "");
	return bind_where(st, bind_lead(st, 3, b->lead, b->f), b->f);
}

static int bind_count(struct store_stmt *st, struct arena *a, const void *arg)
{
	const struct p_bind *b = arg;

	(void)a;
	store_bind_int(st, 1, b->f->scope_user);
	return bind_where(st, bind_lead(st, 2, b->lead, b->f), b->f);
}

/*
 * One record's problems on PostgreSQL (pgplan16j): a work log entry's page
 * lists them and counts those rectified, an inspection's page its findings;
 * no other filter but the state is set.  With P_WHERE's fifteen optional
 * filters the generic plan costs more than a custom one (the subplans of
 * `within` and of the activity's kind and category are costed though never
 * run), so PostgreSQL planned every execution anew: 0.4-1.3 ms each, four a
 * work log entry's view, against 0.1-0.2 ms of execution.  Without them the
 * generic plan wins after five executions (planning 0.8 -> 0.02 ms: the
 * same plan, the record's index then the rows).  The same rows: the unset
 * filters are true for every row.  SQLite plans in microseconds and keeps
 * Q_LIST and Q_COUNT.  Parameters: the scope (Q_SCOPE_WITH), the list's
 * day of P_COLS, the lead's record, the scope, the state twice.
 */
#define P_LEAN_WHERE Q_IN_SCOPE("p.unit_id") " AND (? = '' OR p.state = ?) "
#define P_LEAN(LEAD) \
	{ { Q_SCOPE_WITH Q_CAPPED_COUNT(P_FROM LEAD P_LEAN_WHERE), NULL }, \
	  { Q_SCOPE_WITH "SELECT " P_COLS P_FROM "WHERE " \
	    Q_PAGE_KEYS("p.id", "FROM problems p " LEAD P_LEAN_WHERE, P_PICK_LED, P_SORT), NULL } }
static const struct store_sql Q_LEAN[][2] = { P_LEAN(P_LEAD_ACTIVITY), P_LEAN(P_LEAD_INSPECTION) };

/* Q_LEAN's row for f's lead on PostgreSQL, else -1 */
static int lean_lead(struct store *s, const struct problem_filter *f, enum p_lead lead)
{
	struct problem_filter rest = *f;

	if (store_backend(s) != STORE_PG || (lead != P_ACTIVITY && lead != P_INSPECTION) || f->state == 4)
		return -1;
	rest.activity_id = rest.inspection_id = 0;
	rest.state = rest.by_unit = 0;
	return filter_unset(&problem_filter_spec, &rest) ? (int)(lead == P_INSPECTION) : -1;
}

static int bind_lean(struct store_stmt *st, int i, const struct p_bind *b)
{
	const struct problem_filter *f = b->f;
	int state = f->state > 0 && f->state <= 3 ? f->state : 0;

	i = bind_lead(st, i, b->lead, f);
	store_bind_int(st, i++, f->scope_user);
	return q_bind_text2(st, i, state_codes[state]);
}

static int bind_lean_count(struct store_stmt *st, struct arena *a, const void *arg)
{
	const struct p_bind *b = arg;

	(void)a;
	store_bind_int(st, 1, b->f->scope_user);
	return bind_lean(st, 2, b);
}

static int bind_lean_list(struct store_stmt *st, struct arena *a, const void *arg)
{
	const struct p_bind *b = arg;

	(void)a;
	store_bind_int(st, 1, b->f->scope_user);
	store_bind_text(st, 2, b->f->today ? b->f->today : "");
	return bind_lean(st, 3, b);
}

/* every problem (q_util.h Q_WHOLE_COUNT: units the parent of each) */
static const struct store_sql Q_COUNT_ALL = Q_WHOLE_COUNT("problems");
/* the sources of the whole ledger (found by a walk of problems_source_found,
 * one step a source): under the cap each one's exact count; over it each
 * LIST_COUNT_STOP, so that they add up to more than LIST_COUNT_CAP as
 * Q_BY_SOURCE's do, and the page names them without counts (it named
 * those among the first LIST_COUNT_STOP rows read) */
static const struct store_sql Q_BY_SOURCE_ALL = {
	"WITH RECURSIVE s(source) AS (SELECT min(source) FROM problems UNION ALL "
	"SELECT (SELECT min(x.source) FROM problems x WHERE x.source > s.source) FROM s WHERE s.source IS NOT NULL), "
	"capped(n) AS (SELECT count(*) FROM (SELECT 1 FROM problems LIMIT " LIST_COUNT_STOP ") c) "
	"SELECT source, CASE WHEN (SELECT n FROM capped) > " LIST_COUNT_CAP_SQL " THEN " LIST_COUNT_STOP
	" ELSE (SELECT count(*) FROM problems p WHERE p.source = s.source) END FROM s WHERE source IS NOT NULL", NULL };

/* the filter selects every problem: the ledger's own statements */
static int problem_whole(const struct problem_filter *f)
{
	return filter_unset(&problem_filter_spec, f) && !f->scope_user;
}

int64_t store_problem_count(struct store *s, const struct problem_filter *f)
{
	struct p_bind b = { f, count_lead(f) };
	int lean = lean_lead(s, f, b.lead);

	if (lean >= 0)
		return q_count(store_prepare(s, &Q_LEAN[lean][0]), bind_lean_count, &b);
	return q_count_whole(s, problem_whole(f), &Q_COUNT_ALL, &Q_COUNT[b.lead], bind_count, &b);
}

int store_problem_list(struct store *s, struct arena *a, const struct problem_filter *f, int64_t count,
		       struct problem **out)
{
	struct p_bind b = { f, page_lead(f, count) };
	int lean = lean_lead(s, f, b.lead);

	if (lean >= 0)
		return q_list(store_prepare(s, &Q_LEAN[lean][1]), a, &f->page, &b, bind_lean_list, fill_problem,
			      sizeof(**out), out);
	return q_list(store_prepare(s, &Q_LIST[b.lead]), a, &f->page, &b, bind_list, fill_problem, sizeof(**out),
		      out);
}

static void fill_count(struct arena *a, struct store_stmt *st, void *row)
{
	struct problem_count *v = row;

	v->source = q_text(a, st, 0);
	v->n = store_col_int(st, 1);
}

int store_problem_by_source(struct store *s, struct arena *a, const struct problem_filter *f,
			    struct problem_count **out)
{
	struct p_bind b = { f, count_lead(f) };
	struct store_stmt *st = q_whole_or(s, problem_whole(f), &Q_BY_SOURCE_ALL, &Q_BY_SOURCE[b.lead], a,
					   bind_count, &b);

	if (!st)
		return STORE_ERR;
	return q_collect(st, a, fill_count, sizeof(**out), out);
}

static const struct store_sql Q_DUE = {
	Q_SCOPE_WITH "SELECT " P_COLS P_FROM "WHERE " Q_IN_SCOPE("p.unit_id") " AND p.state <> 'rectified' "
	"AND p.deadline <= ? ORDER BY p.deadline, p.id LIMIT ?", NULL };

int store_problems_due(struct store *s, struct arena *a, int64_t scope_user, const char *last, int limit,
		       struct problem **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, "");     /* overdue is the caller's, on its calendar */
	store_bind_int(st, 3, scope_user);
	store_bind_text(st, 4, last);
	store_bind_int(st, 5, limit);
	return q_collect(st, a, fill_problem, sizeof(**out), out);
}

static const struct store_sql Q_BY_EXT = { "SELECT id FROM problems WHERE ext_id = ?", NULL };

int64_t store_problem_by_ext(struct store *s, const char *ext_id)
{
	struct store_stmt *st = store_prepare(s, &Q_BY_EXT);
	int rc;
	int64_t id = 0;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, ext_id);
	rc = store_step(st);
	if (rc == STORE_ROW)
		id = store_col_int(st, 0);
	store_reset(st);
	return rc < 0 ? rc : id;
}

/* ---- statistics --------------------------------------------------------------- */

/* category= and kind=: the tags and the kind of the problem's activity
 * (a problem without one never matches); the campaign is the problem's own */
#define P_M_SCOPE M_UNIT("p.unit_id") M_CAMP("p.campaign_id") \
	"AND (? = '' OR EXISTS (SELECT 1 FROM activities a WHERE a.id = p.activity_id AND a.category = ?)) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM activities a WHERE a.id = p.activity_id AND " \
	M_KIND_LIKE("a.kind") ")) "
static const struct store_sql Q_M_FOUND = {
	M_WITH "SELECT count(*) FROM problems p " M_PERIOD("p.found") P_M_SCOPE, NULL };
static const struct store_sql Q_M_RECTIFIED = {
	M_WITH "SELECT count(*) FROM problems p " M_PERIOD("p.rectified") P_M_SCOPE "AND p.state = 'rectified'", NULL };
static const struct store_sql Q_M_TOP = {
	M_WITH "SELECT count(*) FROM problems p " M_PERIOD("p.found") P_M_SCOPE "AND p.top_leader = 1", NULL };
static const struct store_sql Q_M_COMMON = {
	M_WITH "SELECT count(*) FROM problems p " M_PERIOD("p.found") P_M_SCOPE "AND p.nature = 'common'", NULL };
static const struct store_sql Q_M_INDIVIDUAL = {
	M_WITH "SELECT count(*) FROM problems p " M_PERIOD("p.found") P_M_SCOPE "AND p.nature = 'individual'", NULL };

/* The problems found in a period, grouped by their activity's kind and
 * category and their campaign (q_mgroups.h): found, top leader, common,
 * individual, as Q_M_FOUND, Q_M_TOP, Q_M_COMMON, Q_M_INDIVIDUAL count
 * them (a problem without an activity: kind and category NULL, which no
 * member matches). */
static const struct store_sql Q_M_GROUPS = {
	M_WITH "SELECT a.kind, a.category, p.campaign_id, count(*), "
	"CAST(COALESCE(sum(CASE WHEN p.top_leader = 1 THEN 1 ELSE 0 END), 0) AS BIGINT), "
	"CAST(COALESCE(sum(CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END), 0) AS BIGINT), "
	"CAST(COALESCE(sum(CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END), 0) AS BIGINT) "
	"FROM problems p LEFT JOIN activities a ON a.id = p.activity_id " M_PERIOD("p.found") M_UNIT("p.unit_id")
	"GROUP BY a.kind, a.category, p.campaign_id", NULL };

/* The rollup answers a scope of the unit, the campaign or the category
 * alone, or none (migration 0076: stat `problem` on the found day, n
 * found, f1 top leader, f2 common, f3 individual; `problem_rectified` on
 * the rectified day; 0078: the category, the activity's, as dim
 * `category`), and a kind alone, with a campaign or with a category
 * (q_metric_rollup_family); anything else the groups or the statement.  stat, rcol:
 * the key's stat and column in metric_days; gcol: the column of
 * Q_M_GROUPS that counts q's problems (-1: none). */
static int metric(struct store *db, const struct store_sql *q, const char *stat, int rcol, int gcol,
		  const struct metric_period *p, const struct metric_scope *s, int64_t *out)
{
	int rc;

	if ((rc = q_metric_rollup_family(db, stat, rcol, p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	if (gcol >= 0 && q_mgroups_usable(s) && (rc = q_mgroups_sum(db, &Q_M_GROUPS, p, s, gcol, out)) <= 0)
		return rc;
	return q_metric_count(db, q, p, s, Q_METRIC_PROBLEM_SCOPES, out);
}

#define METRIC_FN(NAME, Q, STAT, RCOL, GCOL) \
	int store_metric_problems_##NAME(struct store *db, const struct metric_period *p, \
					 const struct metric_scope *s, int64_t *out) \
	{ \
		return metric(db, &Q, STAT, RCOL, GCOL, p, s, out); \
	}
METRIC_FN(found, Q_M_FOUND, "problem", 0, 0)
METRIC_FN(rectified, Q_M_RECTIFIED, "problem_rectified", 0, -1)
METRIC_FN(top_leader, Q_M_TOP, "problem", 1, 1)
METRIC_FN(common, Q_M_COMMON, "problem", 2, 2)
METRIC_FN(individual, Q_M_INDIVIDUAL, "problem", 3, 3)
