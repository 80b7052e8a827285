/*
 * q_inspections.c: the statements of inspections (q_inspections.h).
 */
#include "store/q_inspections.h"

#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_util.h"

/* ---- rounds ------------------------------------------------------------------ */

#define R_COLS "r.id, r.year, r.number, r.name, r.starts, r.ends, r.ext_id, r.extra "

static void fill_round(struct arena *a, struct store_stmt *st, void *row)
{
	struct inspection_round *r = row;

	r->id = store_col_int(st, 0);
	r->year = (int)store_col_int(st, 1);
	r->number = (int)store_col_int(st, 2);
	r->name = q_text(a, st, 3);
	r->starts = q_text(a, st, 4);
	r->ends = q_text_or_null(a, st, 5);
	r->ext_id = q_text_or_null(a, st, 6);
	r->extra = q_text_or_null(a, st, 7);
}

static const struct store_sql Q_ROUND_INSERT = {
	"INSERT INTO inspection_rounds(year, number, name, starts, ends, created_by, created_at, ext_id, extra) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_ROUND_GET = { "SELECT " R_COLS "FROM inspection_rounds r WHERE r.id = ?", NULL };
static const struct store_sql Q_ROUND_FIND = {
	"SELECT id FROM inspection_rounds WHERE year = ? AND number = ?", NULL };
static const struct store_sql Q_ROUND_LIST = {
	"SELECT " R_COLS "FROM inspection_rounds r ORDER BY r.year DESC, r.number DESC", NULL };

int64_t store_round_insert(struct store *s, const struct inspection_round *r, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_ROUND_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, r->year);
	store_bind_int(st, 2, r->number);
	store_bind_text(st, 3, r->name);
	store_bind_text(st, 4, r->starts);
	q_bind_opt_text(st, 5, r->ends);
	q_bind_id(st, 6, user_id);
	store_bind_int(st, 7, now);
	q_bind_opt_text(st, 8, r->ext_id);
	q_bind_opt_text(st, 9, r->extra);
	return q_scalar(st);
}

int store_round_get(struct store *s, struct arena *a, int64_t id, struct inspection_round *out)
{
	struct store_stmt *st = store_prepare(s, &Q_ROUND_GET);

	return st ? q_get_by_id(st, a, id, fill_round, out) : STORE_ERR;
}

int64_t store_round_find(struct store *s, int year, int number)
{
	struct store_stmt *st = store_prepare(s, &Q_ROUND_FIND);
	int64_t id;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_int(st, 2, number);
	id = q_scalar(st);
	return id == STORE_DONE ? 0 : id;
}

int store_round_list(struct store *s, struct arena *a, struct inspection_round **out)
{
	struct store_stmt *st = store_prepare(s, &Q_ROUND_LIST);

	return st ? q_collect(st, a, fill_round, sizeof(**out), out) : STORE_ERR;
}

/* ---- inspections ------------------------------------------------------------- */

#define I_COLS "i.id, i.round_id, r.name, i.unit_id, u.name, i.kind, i.group_name, COALESCE(i.leader_id, 0), " \
	"COALESCE(NULLIF(lu.display_name, ''), lu.name, ''), i.entered, i.left_on, i.feedback, i.report_due, " \
	"i.reported, i.note, i.ext_id, i.extra "
#define I_FROM "FROM inspections i JOIN inspection_rounds r ON r.id = i.round_id JOIN units u ON u.id = i.unit_id " \
	"LEFT JOIN users lu ON lu.id = i.leader_id "

static void fill_inspection(struct arena *a, struct store_stmt *st, void *row)
{
	struct inspection *i = row;

	i->id = store_col_int(st, 0);
	i->round_id = store_col_int(st, 1);
	i->round_name = q_text(a, st, 2);
	i->unit_id = store_col_int(st, 3);
	i->unit_name = q_text(a, st, 4);
	i->kind = q_text(a, st, 5);
	i->group_name = q_text(a, st, 6);
	i->leader_id = store_col_int(st, 7);
	i->leader_name = q_text(a, st, 8);
	i->entered = q_text_or_null(a, st, 9);
	i->left_on = q_text_or_null(a, st, 10);
	i->feedback = q_text_or_null(a, st, 11);
	i->report_due = q_text_or_null(a, st, 12);
	i->reported = q_text_or_null(a, st, 13);
	i->note = q_text(a, st, 14);
	i->ext_id = q_text_or_null(a, st, 15);
	i->extra = q_text_or_null(a, st, 16);
}

static const struct store_sql Q_INSERT = {
	"INSERT INTO inspections(round_id, unit_id, kind, group_name, leader_id, entered, left_on, feedback, "
	"report_due, reported, note, created_by, created_at, ext_id, extra) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_GET = { "SELECT " I_COLS I_FROM "WHERE i.id = ?", NULL };
static const struct store_sql Q_EXISTS = { "SELECT count(*) FROM inspections WHERE id = ?", NULL };
/* the inspections of a round (or every round), of a member (or every
 * inspection); on PostgreSQL a text for each pair of set filters
 * (q_util.h Q_OPT_SET: the round's page planned once, not each view) */
#define I_OF_ROUND "i.round_id = ?"
#define I_MEMBER "EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = i.id AND m.user_id = ?)"
#define I_LIST(ROUND, MEMBER) "SELECT " I_COLS I_FROM "WHERE " ROUND " AND " MEMBER " ORDER BY i.round_id DESC, i.id"
#define I_LIST_PG(ROUND, MEMBER) { I_LIST("(? = 0 OR " I_OF_ROUND ")", "(? = 0 OR " I_MEMBER ")"), I_LIST(ROUND, MEMBER) }
static const struct store_sql Q_LIST[2][2] = {
	{ I_LIST_PG(Q_OPT_UNSET("0"), Q_OPT_UNSET("0")), I_LIST_PG(Q_OPT_UNSET("0"), Q_OPT_SET("0", I_MEMBER)) },
	{ I_LIST_PG(Q_OPT_SET("0", I_OF_ROUND), Q_OPT_UNSET("0")),
	  I_LIST_PG(Q_OPT_SET("0", I_OF_ROUND), Q_OPT_SET("0", I_MEMBER)) } };
static const struct store_sql Q_SET_FEEDBACK = {
	"UPDATE inspections SET feedback = ?, report_due = ? WHERE id = ?", NULL };
static const struct store_sql Q_SET_REPORTED = {
	"UPDATE inspections SET reported = ? WHERE id = ? AND feedback IS NOT NULL", NULL };

int64_t store_inspection_insert(struct store *s, const struct inspection *i, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, i->round_id);
	store_bind_int(st, 2, i->unit_id);
	store_bind_text(st, 3, i->kind);
	store_bind_text(st, 4, i->group_name);
	q_bind_id(st, 5, i->leader_id);
	q_bind_opt_text(st, 6, i->entered);
	q_bind_opt_text(st, 7, i->left_on);
	q_bind_opt_text(st, 8, i->feedback);
	q_bind_opt_text(st, 9, i->report_due);
	q_bind_opt_text(st, 10, i->reported);
	store_bind_text(st, 11, i->note ? i->note : "");
	q_bind_id(st, 12, user_id);
	store_bind_int(st, 13, now);
	q_bind_opt_text(st, 14, i->ext_id);
	q_bind_opt_text(st, 15, i->extra);
	return q_scalar(st);
}

int store_inspection_get(struct store *s, struct arena *a, int64_t id, struct inspection *out)
{
	struct store_stmt *st = store_prepare(s, &Q_GET);

	return st ? q_get_by_id(st, a, id, fill_inspection, out) : STORE_ERR;
}

int store_inspection_exists(struct store *s, int64_t id)
{
	struct store_stmt *st = store_prepare(s, &Q_EXISTS);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, id);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_inspection_list(struct store *s, struct arena *a, int64_t round_id, int64_t member,
			  struct inspection **out)
{
	struct store_stmt *st = store_prepare(s, &Q_LIST[round_id != 0][member != 0]);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, round_id);
	store_bind_int(st, 2, round_id);
	store_bind_int(st, 3, member);
	store_bind_int(st, 4, member);
	return q_collect(st, a, fill_inspection, sizeof(**out), out);
}

int store_inspection_set_feedback(struct store *s, int64_t id, const char *feedback, const char *due)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_FEEDBACK);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, feedback);
	store_bind_text(st, 2, due);
	store_bind_int(st, 3, id);
	return q_changed(s, st);
}

int store_inspection_set_reported(struct store *s, int64_t id, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_REPORTED);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, day);
	store_bind_int(st, 2, id);
	return q_changed(s, st);
}

/* ---- members ----------------------------------------------------------------- */

static const struct store_sql Q_MEMBER_HAS = {
	"SELECT count(*) FROM inspection_members WHERE inspection_id = ? AND user_id = ?", NULL };
static const struct store_sql Q_MEMBER_ADD = {
	"INSERT INTO inspection_members(inspection_id, user_id, home_office, added_at, override_by, override_reason) "
	"VALUES (?, ?, ?, ?, ?, ?) "
	"ON CONFLICT DO NOTHING", NULL };
static const struct store_sql Q_MEMBERS = {
	"SELECT m.inspection_id, m.user_id, COALESCE(NULLIF(u.display_name, ''), u.name), m.home_office, "
	"COALESCE(m.override_by, 0), m.override_reason "
	"FROM inspection_members m JOIN users u ON u.id = m.user_id WHERE m.inspection_id = ? "
	"ORDER BY m.added_at, m.user_id", NULL };

static void fill_member(struct arena *a, struct store_stmt *st, void *row)
{
	struct inspection_member *m = row;

	m->inspection_id = store_col_int(st, 0);
	m->user_id = store_col_int(st, 1);
	m->name = q_text(a, st, 2);
	m->home_office = q_text(a, st, 3);
	m->override_by = store_col_int(st, 4);
	m->override_reason = q_text(a, st, 5);
}

int store_inspection_member_has(struct store *s, int64_t inspection_id, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_MEMBER_HAS);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, inspection_id);
	store_bind_int(st, 2, user_id);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_inspection_member_add(struct store *s, const struct inspection_member *m, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_MEMBER_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, m->inspection_id);
	store_bind_int(st, 2, m->user_id);
	store_bind_text(st, 3, m->home_office ? m->home_office : "");
	store_bind_int(st, 4, now);
	q_bind_id(st, 5, m->override_by);
	store_bind_text(st, 6, m->override_reason ? m->override_reason : "");
	return q_changed(s, st);
}

int store_inspection_members(struct store *s, struct arena *a, int64_t inspection_id,
			     struct inspection_member **out)
{
	struct store_stmt *st = store_prepare(s, &Q_MEMBERS);

	return st ? q_list_by_id(st, a, inspection_id, fill_member, sizeof(**out), out) : STORE_ERR;
}

/* ---- clues transferred -------------------------------------------------------- */

static const struct store_sql Q_CLUE_SET = {
	"UPDATE clues SET inspection_id = ? WHERE id = ? AND source = 'inspection'", NULL };
static const struct store_sql Q_CLUE_INSPECTION = {
	"SELECT COALESCE(inspection_id, 0) FROM clues WHERE id = ?", NULL };
static const struct store_sql Q_CLUES = {
	"SELECT k.id, k.clue_no, k.received, k.state, (SELECT d.method FROM dispositions d WHERE d.clue_id = k.id "
	"AND d.state = 'approved' ORDER BY d.id DESC LIMIT 1) FROM clues k WHERE k.inspection_id = ? ORDER BY k.id", NULL };

static void fill_clue(struct arena *a, struct store_stmt *st, void *row)
{
	struct inspection_clue *k = row;

	k->id = store_col_int(st, 0);
	k->clue_no = q_text_or_null(a, st, 1);
	k->received = q_text(a, st, 2);
	k->state = q_text(a, st, 3);
	k->method = q_text_or_null(a, st, 4);
}

int store_clue_set_inspection(struct store *s, int64_t clue_id, int64_t inspection_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_SET);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, inspection_id);
	store_bind_int(st, 2, clue_id);
	return q_changed(s, st);
}

int64_t store_clue_inspection(struct store *s, int64_t clue_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_INSPECTION);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	return q_scalar(st);
}

int store_inspection_clues(struct store *s, struct arena *a, int64_t inspection_id, struct inspection_clue **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUES);

	return st ? q_list_by_id(st, a, inspection_id, fill_clue, sizeof(**out), out) : STORE_ERR;
}

/* ---- a round's figures and the report's clock ----------------------------------- */

#define IN_ROUND "IN (SELECT id FROM inspections WHERE round_id = ?)"
static const struct store_sql Q_FIGURES = {
	"SELECT (SELECT count(DISTINCT unit_id) FROM inspections WHERE round_id = ?), "
	"(SELECT count(*) FROM problems WHERE inspection_id " IN_ROUND "), "
	"(SELECT count(*) FROM problems WHERE top_leader = 1 AND inspection_id " IN_ROUND "), "
	"(SELECT count(*) FROM clues WHERE inspection_id " IN_ROUND "), "
	"(SELECT count(DISTINCT user_id) FROM inspection_members WHERE home_office <> '' AND inspection_id " IN_ROUND "), "
	"(SELECT count(DISTINCT group_name) FROM inspections WHERE round_id = ? AND kind <> 'special')", NULL };
static const struct store_sql Q_DUE = {
	"SELECT " I_COLS I_FROM "WHERE i.reported IS NULL AND i.report_due IS NOT NULL AND i.report_due <= ? "
	"ORDER BY i.report_due, i.id LIMIT ?", NULL };

int store_round_figures(struct store *s, int64_t round_id, struct inspection_figures *out)
{
	struct store_stmt *st = store_prepare(s, &Q_FIGURES);
	int rc;

	if (!st)
		return STORE_ERR;
	for (int i = 1; i <= 6; i++)
		store_bind_int(st, i, round_id);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		out->organisations = store_col_int(st, 0);
		out->problems = store_col_int(st, 1);
		out->top_leader = store_col_int(st, 2);
		out->clues = store_col_int(st, 3);
		out->lent = store_col_int(st, 4);
		out->groups = store_col_int(st, 5);
	}
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc < 0 ? rc : STORE_ERR;
}

int store_inspections_due(struct store *s, struct arena *a, const char *last, int limit, struct inspection **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, last);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_inspection, sizeof(**out), out);
}

static const struct store_sql Q_RUNNING = {
	"SELECT " I_COLS I_FROM "WHERE i.reported IS NULL AND i.feedback IS NOT NULL ORDER BY i.id", NULL };

int store_inspections_running(struct store *s, struct arena *a, struct inspection **out)
{
	struct store_stmt *st = store_prepare(s, &Q_RUNNING);

	return st ? q_collect(st, a, fill_inspection, sizeof(**out), out) : STORE_ERR;
}

/* ---- statistics --------------------------------------------------------------- */

#define I_ROUND "FROM inspections i JOIN inspection_rounds r ON r.id = i.round_id "
#define I_SCOPE M_UNIT("i.unit_id") M_ROUND("i.round_id")
#define I_ORGS(COLS, COND) M_WITH "SELECT " COLS " " I_ROUND M_PERIOD("r.starts") COND I_SCOPE
#define I_DISTINCT(COL, COND) I_ORGS("count(DISTINCT " COL ")", COND)
#define I_REGULAR "i.kind = 'regular'"
#define I_ELEVATED "i.kind = 'elevated'"
#define I_GROUPED "i.kind <> 'special'"
static const struct store_sql Q_M_ORGS = { I_DISTINCT("i.unit_id", ""), NULL };
static const struct store_sql Q_M_ORGS_REGULAR = { I_DISTINCT("i.unit_id", "AND " I_REGULAR " "), NULL };
static const struct store_sql Q_M_ORGS_ELEVATED = { I_DISTINCT("i.unit_id", "AND " I_ELEVATED " "), NULL };
static const struct store_sql Q_M_GROUPS = { I_DISTINCT("i.group_name", "AND " I_GROUPED " "), NULL };
/* Problems and clues count by their source (巡察), as the lists behind the
 * figures filter them, under their own unit (the rectifying unit, the
 * clue's unit, as the lists' `within`); a round scope keeps those linked to
 * the round's inspections (a record of that source from before the link,
 * or imported without one, counts in no round).  The round is a set of
 * inspections tested on the record's own column (what a LEFT JOIN of the
 * inspection and its round_id tested, without a lookup per record when no
 * round is asked: 0068's indexes answer the rest alone). */
#define I_LINKED(T) "AND (? = 0 OR " T ".inspection_id IN (SELECT x.id FROM inspections x WHERE x.round_id = ?)) "
#define I_PROBLEMS(COUNT, COND) M_WITH "SELECT " COUNT " FROM problems p " M_PERIOD("p.found") \
	"AND p.source = 'inspection' " COND M_UNIT("p.unit_id") I_LINKED("p")
#define I_TOP "p.top_leader = 1"
static const struct store_sql Q_M_PROBLEMS = { I_PROBLEMS("count(*)", ""), NULL };
static const struct store_sql Q_M_TOP = { I_PROBLEMS("count(*)", "AND " I_TOP " "), NULL };
#define I_CLUES(LINKED) M_WITH "SELECT count(*) FROM clues k " M_PERIOD("k.received") \
	"AND k.source = 'inspection' " M_UNIT("k.unit_id") LINKED
static const struct store_sql Q_M_CLUES = { I_CLUES(I_LINKED("k")), NULL };
/* the same with a round asked, on PostgreSQL led by the round's
 * inspections (clues_inspection): the optional filter cannot be an index
 * condition, and PostgreSQL read the period's clues of the source in
 * clues_source_received and tested each (165,912 of 2022 at 10M records:
 * 22-25 ms of a first view of /annual, which asks round 1) -> 0.4 ms.  The
 * same parameters; SQLite keeps Q_M_CLUES' text. */
#define I_LINKED_LED(T) "AND ? <> 0 AND " T ".inspection_id = ANY (ARRAY(SELECT x.id FROM inspections x " \
	"WHERE x.round_id = ?)) "
static const struct store_sql Q_M_CLUES_ROUND = { I_CLUES(I_LINKED("k")), I_CLUES(I_LINKED_LED("k")) };
static const struct store_sql Q_M_LENT = {
	M_WITH "SELECT count(DISTINCT m.user_id) FROM inspection_members m JOIN inspections i ON i.id = "
	"m.inspection_id JOIN inspection_rounds r ON r.id = i.round_id " M_PERIOD("r.starts")
	"AND m.home_office <> '' " I_SCOPE, NULL };
/* the keys of one table in one row (in a batch, SQLite too:
 * q_metric_grouped): each column its statement's count over its rows (a
 * CASE without ELSE is NULL, which count ignores) */
#define I_WHEN(COND, COL) "CASE WHEN " COND " THEN " COL " END"
static const struct store_sql Q_M_ORGS_ALL = {
	I_ORGS("count(DISTINCT i.unit_id), count(DISTINCT " I_WHEN(I_REGULAR, "i.unit_id") "), count(DISTINCT "
	       I_WHEN(I_ELEVATED, "i.unit_id") "), count(DISTINCT " I_WHEN(I_GROUPED, "i.group_name") ")", ""), NULL };
static const struct store_sql Q_M_PROBLEMS_ALL = {
	I_PROBLEMS("count(*), count(" I_WHEN(I_TOP, "1") ")", ""), NULL };
static const struct q_metric_group G_ORGS = { &Q_M_ORGS_ALL, Q_METRIC_INSPECTION_SCOPES, 4, 1 };
static const struct q_metric_group G_PROBLEMS = { &Q_M_PROBLEMS_ALL, Q_METRIC_INSPECTION_SCOPES, 2, 1 };

/* key q (column col of group g, or none): the grouped row first */
static int i_metric(struct store *db, const struct store_sql *q, const struct q_metric_group *g, int col,
		    const struct metric_period *p, const struct metric_scope *s, int64_t *out)
{
	int rc = g ? q_metric_grouped(db, g, col, p, s, out) : 0;

	return rc ? (rc < 0 ? rc : 0) : q_metric_count(db, q, p, s, Q_METRIC_INSPECTION_SCOPES, out);
}

#define METRIC_FN(NAME, Q, G, COL) \
	Q_METRIC_INSPECTION_FN(NAME) \
	{ \
		return i_metric(db, &Q, G, COL, p, s, out); \
	}
METRIC_FN(orgs, Q_M_ORGS, &G_ORGS, 0)
METRIC_FN(orgs_regular, Q_M_ORGS_REGULAR, &G_ORGS, 1)
METRIC_FN(orgs_elevated, Q_M_ORGS_ELEVATED, &G_ORGS, 2)
METRIC_FN(groups, Q_M_GROUPS, &G_ORGS, 3)
METRIC_FN(problems, Q_M_PROBLEMS, &G_PROBLEMS, 0)
METRIC_FN(top_leader, Q_M_TOP, &G_PROBLEMS, 1)
/* The clues of the source with no round asked read the rollup (0028's
 * clue_received under dim source: every clue on its received day, as
 * Q_M_CLUES counts them; q_metric_rollup_dim leaves a unit and a scope
 * user's jurisdiction to the statement) */
Q_METRIC_INSPECTION_FN(clues)
{
	int rc;

	if (!(q_metric_scope_used(s) & METRIC_SCOPE_ROUND) &&
	    (rc = q_metric_rollup_dim(db, "clue_received", 0, p, s, "source", "inspection", out)) != 0)
		return rc < 0 ? rc : 0;
	return q_metric_count(db, q_metric_scope_used(s) & METRIC_SCOPE_ROUND ? &Q_M_CLUES_ROUND : &Q_M_CLUES, p, s,
			      Q_METRIC_INSPECTION_SCOPES, out);
}
METRIC_FN(lent, Q_M_LENT, NULL, 0)
