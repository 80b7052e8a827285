/*
 * q_outcomes.c: outcomes and their measures, the execution of sanctions,
 * clarifications, follow-up visits, accountability and recovered money,
 * and the clues and cases a person's record lists.
 */
#include "store/q_outcomes.h"
#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_scope.h"
#include "store/q_util.h"

#include <string.h>

/* ---- the matter ---------------------------------------------------------- */

static const struct store_sql Q_CASE_CAMPAIGN = {
	"SELECT COALESCE(campaign_id, 0) FROM cases WHERE id = ?", NULL };

int store_outcome_case_campaign(struct store *s, int64_t case_id, int64_t *campaign_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_CAMPAIGN);
	int rc;

	*campaign_id = 0;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*campaign_id = store_col_int(st, 0);
	store_reset(st);
	return rc;
}

/* ---- outcomes ------------------------------------------------------------ */

/* AGG: SQLite 3.40 spells string_agg group_concat */
#define OUT_COLS(AGG) "o.id, o.person_id, p.name, COALESCE(o.case_id, 0), COALESCE(o.clue_id, 0), " \
	"o.day, o.form, o.sanctioned, COALESCE(o.probation_months, 0), COALESCE(o.effective, o.day), " \
	"o.bar_until, COALESCE(o.campaign_id, 0), o.unit_id, u.name, " \
	"COALESCE((SELECT " AGG "(m.measure, ',') FROM outcome_measures m " \
	"WHERE m.outcome_id = o.id AND m.ended IS NULL), ''), " \
	"o.exec_items, o.created_at, " \
	"COALESCE(o.supervision_id, 0), COALESCE(o.subject_rank, p.rank), o.subject_top_leader, " \
	"o.subject_leadership, o.subject_party_member, o.party_decided, o.gov_decided, " \
	"COALESCE(o.gov_violations, 0), COALESCE(o.gov_months, 0) " \
	"FROM outcomes o JOIN persons p ON p.id = o.person_id JOIN units u ON u.id = o.unit_id "
/* the executions pending: the predicate of the partial index
 * outcomes_exec_open (0070: exec_items kept by the executions' triggers) */
#define PENDING_WHERE "WHERE o.sanctioned = 1 AND o.exec_items < 5 " \
	"AND " Q_IN_SCOPE("o.unit_id") " "

static const struct store_sql Q_OUT_INSERT = {
	"INSERT INTO outcomes(region, person_id, case_id, clue_id, day, form, sanctioned, "
	"probation_months, effective, bar_until, campaign_id, unit_id, created_by, created_at, "
	"supervision_id, subject_rank, subject_top_leader, subject_leadership, subject_party_member, "
	"party_decided, gov_decided, gov_violations, gov_months) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_OUT_MEASURE = {
	"INSERT INTO outcome_measures(outcome_id, measure, decided, months, violations) "
	"VALUES (?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_OUT_MEASURES = {
	"SELECT measure, decided, COALESCE(months, 0), violations, ended, ended_by "
	"FROM outcome_measures WHERE outcome_id = ? ORDER BY decided, measure", NULL };
static const struct store_sql Q_OUT_FIND = {
	"SELECT id FROM outcomes WHERE person_id = ? AND (case_id = ? OR clue_id = ? OR supervision_id = ?)",
	NULL };
static const struct store_sql Q_OUT_MOVE = {
	"UPDATE outcomes SET case_id = ?, clue_id = NULL WHERE clue_id = ?", NULL };
static const struct store_sql Q_OUT_SET_BAR = {
	"UPDATE outcomes SET bar_until = ? WHERE id = ?", NULL };
static const struct store_sql Q_OUT_END_MEASURE = {
	"UPDATE outcome_measures SET ended = ?, ended_by = ? "
	"WHERE outcome_id = ? AND measure = ? AND ended IS NULL", NULL };
static const struct store_sql Q_OUT_GET = {
	"SELECT " OUT_COLS("group_concat") "WHERE o.id = ?",
	"SELECT " OUT_COLS("string_agg") "WHERE o.id = ?" };
static const struct store_sql Q_OUT_OF_PERSON = {
	"SELECT " OUT_COLS("group_concat") "WHERE o.person_id = ? "
	"ORDER BY COALESCE(o.effective, o.day), o.id LIMIT 1000",
	"SELECT " OUT_COLS("string_agg") "WHERE o.person_id = ? "
	"ORDER BY COALESCE(o.effective, o.day), o.id LIMIT 1000" };
static const struct store_sql Q_OUT_OF_CASE = {
	"SELECT " OUT_COLS("group_concat") "WHERE o.case_id = ? ORDER BY o.day, o.id LIMIT 1000",
	"SELECT " OUT_COLS("string_agg") "WHERE o.case_id = ? ORDER BY o.day, o.id LIMIT 1000" };
static const struct store_sql Q_OUT_OF_CLUE = {
	"SELECT " OUT_COLS("group_concat") "WHERE o.clue_id = ? ORDER BY o.day, o.id LIMIT 1000",
	"SELECT " OUT_COLS("string_agg") "WHERE o.clue_id = ? ORDER BY o.day, o.id LIMIT 1000" };
static const struct store_sql Q_OUT_PENDING = {
	Q_SCOPE_WITH "SELECT " OUT_COLS("group_concat") PENDING_WHERE
	"ORDER BY COALESCE(o.effective, o.day) DESC, o.id DESC LIMIT ? OFFSET ?",
	Q_SCOPE_WITH "SELECT " OUT_COLS("string_agg") PENDING_WHERE
	"ORDER BY COALESCE(o.effective, o.day) DESC, o.id DESC LIMIT ? OFFSET ?" };
static const struct store_sql Q_OUT_PENDING_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM outcomes o " PENDING_WHERE), NULL };

static void fill_outcome(struct arena *a, struct store_stmt *st, void *row)
{
	struct outcome *o = row;

	o->id = store_col_int(st, 0);
	o->person_id = store_col_int(st, 1);
	o->person_name = q_text(a, st, 2);
	o->case_id = store_col_int(st, 3);
	o->clue_id = store_col_int(st, 4);
	o->day = q_text(a, st, 5);
	o->form = (int)store_col_int(st, 6);
	o->sanctioned = (int)store_col_int(st, 7);
	o->probation_months = (int)store_col_int(st, 8);
	o->effective = q_text(a, st, 9);
	o->bar_until = q_text_or_null(a, st, 10);
	o->campaign_id = store_col_int(st, 11);
	o->unit_id = store_col_int(st, 12);
	o->unit_name = q_text(a, st, 13);
	o->measures = q_text(a, st, 14);
	o->n_executed = (int)store_col_int(st, 15);
	o->created_at = store_col_int(st, 16);
	o->supervision_id = store_col_int(st, 17);
	o->subject_rank = q_text(a, st, 18);
	o->subject_top_leader = (int)store_col_int(st, 19);
	o->subject_leadership = (int)store_col_int(st, 20);
	o->subject_party_member = (int)store_col_int(st, 21);
	o->party_decided = q_text_or_null(a, st, 22);
	o->gov_decided = q_text_or_null(a, st, 23);
	o->gov_violations = (int)store_col_int(st, 24);
	o->gov_months = (int)store_col_int(st, 25);
}

int64_t store_outcome_insert(struct store *s, const char *region, const struct outcome *o,
			     int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, o->person_id);
	q_bind_id(st, 3, o->case_id);
	q_bind_id(st, 4, o->clue_id);
	store_bind_text(st, 5, o->day);
	store_bind_int(st, 6, o->form);
	store_bind_int(st, 7, o->sanctioned);
	q_bind_id(st, 8, o->probation_months);
	store_bind_text(st, 9, o->effective);
	store_bind_text(st, 10, o->bar_until);
	q_bind_id(st, 11, o->campaign_id);
	store_bind_int(st, 12, o->unit_id);
	q_bind_id(st, 13, created_by);
	store_bind_int(st, 14, now);
	q_bind_id(st, 15, o->supervision_id);
	store_bind_text(st, 16, o->subject_rank);
	store_bind_int(st, 17, o->subject_top_leader);
	store_bind_int(st, 18, o->subject_leadership);
	store_bind_int(st, 19, o->subject_party_member);
	store_bind_text(st, 20, o->party_decided);
	store_bind_text(st, 21, o->gov_decided);
	q_bind_id(st, 22, o->gov_violations);
	q_bind_id(st, 23, o->gov_months);
	return q_scalar(st);
}

int store_outcome_add_measure(struct store *s, int64_t outcome_id, const struct outcome_measure *m)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_MEASURE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, outcome_id);
	store_bind_text(st, 2, m->measure);
	store_bind_text(st, 3, m->decided);
	q_bind_id(st, 4, m->months);
	store_bind_int(st, 5, m->violations > 0 ? m->violations : 1);
	return store_exec(st);
}

static void fill_measure(struct arena *a, struct store_stmt *st, void *row)
{
	struct outcome_measure *m = row;

	m->measure = q_text(a, st, 0);
	m->decided = q_text(a, st, 1);
	m->months = (int)store_col_int(st, 2);
	m->violations = (int)store_col_int(st, 3);
	m->ended = q_text_or_null(a, st, 4);
	m->ended_by = q_text_or_null(a, st, 5);
}

int store_outcome_measures(struct store *s, struct arena *a, int64_t outcome_id,
			   struct outcome_measure **out)
{
	return q_list_by_id(store_prepare(s, &Q_OUT_MEASURES), a, outcome_id, fill_measure,
			    sizeof(**out), out);
}

int store_outcome_find(struct store *s, int64_t person_id, int64_t case_id, int64_t clue_id,
		       int64_t supervision_id, int64_t *id)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_FIND);
	int rc;

	*id = 0;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	store_bind_int(st, 2, case_id ? case_id : -1);
	store_bind_int(st, 3, clue_id ? clue_id : -1);
	store_bind_int(st, 4, supervision_id ? supervision_id : -1);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*id = store_col_int(st, 0);
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc;
}

int store_outcomes_move_to_case(struct store *s, int64_t clue_id, int64_t case_id)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_MOVE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, clue_id);
	return store_exec(st);
}

int store_outcome_set_bar(struct store *s, int64_t id, const char *bar_until)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_SET_BAR);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, bar_until);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

int store_outcome_end_measure(struct store *s, int64_t id, const char *measure, const char *day,
			      const char *by)
{
	struct store_stmt *st = store_prepare(s, &Q_OUT_END_MEASURE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, day);
	store_bind_text(st, 2, by);
	store_bind_int(st, 3, id);
	store_bind_text(st, 4, measure);
	return store_exec(st);
}

int store_outcome_get(struct store *s, struct arena *a, int64_t id, struct outcome *o)
{
	return q_get_by_id(store_prepare(s, &Q_OUT_GET), a, id, fill_outcome, o);
}

int store_outcomes_of_person(struct store *s, struct arena *a, int64_t person_id,
			     struct outcome **out)
{
	return q_list_by_id(store_prepare(s, &Q_OUT_OF_PERSON), a, person_id, fill_outcome,
			     sizeof(**out), out);
}

int store_outcomes_of_matter(struct store *s, struct arena *a, int64_t case_id, int64_t clue_id,
			     struct outcome **out)
{
	return q_list_by_id(store_prepare(s, case_id ? &Q_OUT_OF_CASE : &Q_OUT_OF_CLUE), a,
			    case_id ? case_id : clue_id, fill_outcome, sizeof(**out), out);
}

/* The scope's two parameters. */
static int bind_scope_user(struct store_stmt *st, int64_t scope_user)
{
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	return 3;
}

static int bind_exec(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct execution_filter *f = filter;

	(void)a;
	return bind_scope_user(st, f->scope_user);
}

int store_executions_pending(struct store *s, struct arena *a, const struct execution_filter *f,
			     struct outcome **out)
{
	return q_list(store_prepare(s, &Q_OUT_PENDING), a, &f->page, f, bind_exec, fill_outcome,
		      sizeof(**out), out);
}

int64_t store_executions_pending_count(struct store *s, const struct execution_filter *f)
{
	return q_count(store_prepare(s, &Q_OUT_PENDING_COUNT), bind_exec, f);
}

/* ---- execution ----------------------------------------------------------- */

static const struct store_sql Q_EXEC_LIST = {
	"SELECT e.item, e.done, e.note, COALESCE(NULLIF(u.display_name, ''), u.name, ''), e.at "
	"FROM executions e LEFT JOIN users u ON u.id = e.user_id WHERE e.outcome_id = ? "
	"ORDER BY e.at, e.item", NULL };
static const struct store_sql Q_EXEC_ADD = {
	"INSERT INTO executions(outcome_id, item, done, note, user_id, at) VALUES (?, ?, ?, ?, ?, ?)", NULL };

static void fill_exec(struct arena *a, struct store_stmt *st, void *row)
{
	struct execution_item *e = row;

	e->item = q_text(a, st, 0);
	e->done = q_text(a, st, 1);
	e->note = q_text(a, st, 2);
	e->user_name = q_text(a, st, 3);
	e->at = store_col_int(st, 4);
}

int store_execution_items(struct store *s, struct arena *a, int64_t outcome_id,
			  struct execution_item **out)
{
	return q_list_by_id(store_prepare(s, &Q_EXEC_LIST), a, outcome_id, fill_exec,
			     sizeof(**out), out);
}

int store_execution_add(struct store *s, int64_t outcome_id, const char *item, const char *done,
			const char *note, int64_t user_id, int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_EXEC_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, outcome_id);
	store_bind_text(st, 2, item);
	store_bind_text(st, 3, done);
	store_bind_text(st, 4, note ? note : "");
	q_bind_id(st, 5, user_id);
	store_bind_int(st, 6, at);
	return store_exec(st);
}

/* ---- clarifications and follow-up visits ------------------------------- */

static const struct store_sql Q_CLAR_INSERT = {
	"INSERT INTO clarifications(region, person_id, case_id, clue_id, day, manner, note, "
	"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
/* a case's and a clue's in their index's order (0083: clarifications_case
 * and _clue end with day, id) */
#define CLAR_SELECT "SELECT k.id, k.person_id, p.name, COALESCE(k.case_id, 0), COALESCE(k.clue_id, 0), k.day, " \
	"k.manner, k.note FROM clarifications k JOIN persons p ON p.id = k.person_id "
static const struct store_sql Q_CLAR_OF_PERSON = { CLAR_SELECT "WHERE k.person_id = ? ORDER BY k.day, k.id", NULL };
static const struct store_sql Q_CLAR_OF_CASE = { CLAR_SELECT "WHERE k.case_id = ? ORDER BY k.day, k.id", NULL };
static const struct store_sql Q_CLAR_OF_CLUE = { CLAR_SELECT "WHERE k.clue_id = ? ORDER BY k.day, k.id", NULL };
static const struct store_sql Q_CLAR_GET = { CLAR_SELECT "WHERE k.id = ?", NULL };
static const struct store_sql Q_FU_INSERT = {
	"INSERT INTO followups(region, outcome_id, clarification_id, day, note, created_by, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_FU_OF_CLAR = {
	"SELECT f.id, COALESCE(f.outcome_id, 0), f.day, f.note, COALESCE(NULLIF(u.display_name, ''), u.name, ''), "
	"COALESCE(f.clarification_id, 0) "
	"FROM followups f LEFT JOIN users u ON u.id = f.created_by WHERE f.clarification_id = ? "
	"ORDER BY f.day, f.id", NULL };
static const struct store_sql Q_FU_OF_OUTCOME = {
	"SELECT f.id, COALESCE(f.outcome_id, 0), f.day, f.note, COALESCE(NULLIF(u.display_name, ''), u.name, ''), "
	"COALESCE(f.clarification_id, 0) "
	"FROM followups f LEFT JOIN users u ON u.id = f.created_by WHERE f.outcome_id = ? "
	"ORDER BY f.day, f.id", NULL };

int64_t store_clarification_insert(struct store *s, const char *region, const struct clarification *k,
				   int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CLAR_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, k->person_id);
	q_bind_id(st, 3, k->case_id);
	q_bind_id(st, 4, k->clue_id);
	store_bind_text(st, 5, k->day);
	store_bind_text(st, 6, k->manner);
	store_bind_text(st, 7, k->note ? k->note : "");
	q_bind_id(st, 8, created_by);
	store_bind_int(st, 9, now);
	return q_scalar(st);
}

static void fill_clar(struct arena *a, struct store_stmt *st, void *row)
{
	struct clarification *k = row;

	k->id = store_col_int(st, 0);
	k->person_id = store_col_int(st, 1);
	k->person_name = q_text(a, st, 2);
	k->case_id = store_col_int(st, 3);
	k->clue_id = store_col_int(st, 4);
	k->day = q_text(a, st, 5);
	k->manner = q_text(a, st, 6);
	k->note = q_text(a, st, 7);
}

int store_clarifications_of_person(struct store *s, struct arena *a, int64_t person_id,
				   struct clarification **out)
{
	return q_list_by_id(store_prepare(s, &Q_CLAR_OF_PERSON), a, person_id, fill_clar,
			     sizeof(**out), out);
}

int store_clarifications_of_matter(struct store *s, struct arena *a, int64_t case_id, int64_t clue_id,
				   struct clarification **out)
{
	return q_list_by_id(store_prepare(s, case_id ? &Q_CLAR_OF_CASE : &Q_CLAR_OF_CLUE), a,
			    case_id ? case_id : clue_id, fill_clar, sizeof(**out), out);
}

int64_t store_followup_insert(struct store *s, const char *region, const struct followup *f,
			      int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_FU_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	q_bind_id(st, 2, f->outcome_id);
	q_bind_id(st, 3, f->clarification_id);
	store_bind_text(st, 4, f->day);
	store_bind_text(st, 5, f->note ? f->note : "");
	q_bind_id(st, 6, created_by);
	store_bind_int(st, 7, now);
	return q_scalar(st);
}

static void fill_followup(struct arena *a, struct store_stmt *st, void *row)
{
	struct followup *f = row;

	f->id = store_col_int(st, 0);
	f->outcome_id = store_col_int(st, 1);
	f->day = q_text(a, st, 2);
	f->note = q_text(a, st, 3);
	f->user_name = q_text(a, st, 4);
	f->clarification_id = store_col_int(st, 5);
}

int store_followups_of_clarification(struct store *s, struct arena *a, int64_t clarification_id,
				     struct followup **out)
{
	return q_list_by_id(store_prepare(s, &Q_FU_OF_CLAR), a, clarification_id, fill_followup,
			    sizeof(**out), out);
}

int store_clarification_get(struct store *s, struct arena *a, int64_t id, struct clarification *k)
{
	return q_get_by_id(store_prepare(s, &Q_CLAR_GET), a, id, fill_clar, k);
}

int store_followups_of_outcome(struct store *s, struct arena *a, int64_t outcome_id,
			       struct followup **out)
{
	return q_list_by_id(store_prepare(s, &Q_FU_OF_OUTCOME), a, outcome_id, fill_followup,
			     sizeof(**out), out);
}

/* ---- accountability ------------------------------------------------------ */

/* AGG: SQLite 3.40 spells string_agg group_concat; the measures in the
 * code table's order (accountability_measure_kinds: check, notice,
 * admonish, org_handling, discipline) */
#define ACC_COLS(AGG) "q.id, q.started, COALESCE(q.unit_id, 0), COALESCE(u.name, ''), " \
	"COALESCE(q.person_id, 0), COALESCE(p.name, ''), COALESCE(q.campaign_id, 0), " \
	"COALESCE(g.name, ''), q.summary, COALESCE((SELECT " AGG "(x.measure, ',') FROM (SELECT m.measure " \
	"FROM accountability_measures m WHERE m.accountability_id = q.id ORDER BY CASE m.measure " \
	"WHEN 'check' THEN 1 WHEN 'notice' THEN 2 WHEN 'admonish' THEN 3 WHEN 'org_handling' THEN 4 " \
	"ELSE 5 END) x), '') FROM accountabilities q LEFT JOIN units u ON u.id = q.unit_id " \
	"LEFT JOIN persons p ON p.id = q.person_id LEFT JOIN campaigns g ON g.id = q.campaign_id "
#define ACC_WHERE "WHERE " Q_IN_SCOPE("COALESCE(q.unit_id, p.unit_id)") " " \
	"AND (? = 0 OR q.campaign_id = ?) AND (? = '' OR q.started >= ?) AND (? = '' OR q.started <= ?) " \
	"AND " QL_WITHIN("COALESCE(q.unit_id, p.unit_id)") \
	"AND (? = '' OR EXISTS (SELECT 1 FROM accountability_measures m WHERE m.accountability_id = q.id " \
	"AND m.measure = ?)) "

static const struct store_sql Q_ACC_INSERT = {
	"INSERT INTO accountabilities(region, started, unit_id, person_id, campaign_id, summary, "
	"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_ACC_LIST = {
	Q_SCOPE_WITH "SELECT " ACC_COLS("group_concat") ACC_WHERE "ORDER BY q.started DESC, q.id DESC LIMIT ? OFFSET ?",
	Q_SCOPE_WITH "SELECT " ACC_COLS("string_agg") ACC_WHERE "ORDER BY q.started DESC, q.id DESC LIMIT ? OFFSET ?" };
static const struct store_sql Q_ACC_MEASURE = {
	"INSERT INTO accountability_measures(accountability_id, measure) VALUES (?, ?)", NULL };
static const struct store_sql Q_ACC_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM accountabilities q LEFT JOIN persons p ON p.id = q.person_id "
	ACC_WHERE), NULL };

int64_t store_accountability_insert(struct store *s, const char *region,
				    const struct accountability *q, int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_ACC_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, q->started);
	q_bind_id(st, 3, q->unit_id);
	q_bind_id(st, 4, q->person_id);
	q_bind_id(st, 5, q->campaign_id);
	store_bind_text(st, 6, q->summary ? q->summary : "");
	q_bind_id(st, 7, created_by);
	store_bind_int(st, 8, now);
	return q_scalar(st);
}

int store_accountability_measure_add(struct store *s, int64_t id, const char *measure)
{
	struct store_stmt *st = store_prepare(s, &Q_ACC_MEASURE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, measure);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

static int bind_acc(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct accountability_filter *f = filter;
	int i = bind_scope_user(st, f->scope_user);

	(void)a;
	store_bind_int(st, i++, f->campaign_id);
	store_bind_int(st, i++, f->campaign_id);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	i = q_bind_within(st, i, f->within);
	return q_bind_text2(st, i, f->measure);
}

static void fill_acc(struct arena *a, struct store_stmt *st, void *row)
{
	struct accountability *q = row;

	q->id = store_col_int(st, 0);
	q->started = q_text(a, st, 1);
	q->unit_id = store_col_int(st, 2);
	q->unit_name = q_text(a, st, 3);
	q->person_id = store_col_int(st, 4);
	q->person_name = q_text(a, st, 5);
	q->campaign_id = store_col_int(st, 6);
	q->campaign_name = q_text(a, st, 7);
	q->summary = q_text(a, st, 8);
	q->measures = q_text(a, st, 9);
}

int store_accountability_list(struct store *s, struct arena *a,
			      const struct accountability_filter *f, struct accountability **out)
{
	return q_list(store_prepare(s, &Q_ACC_LIST), a, &f->page, f, bind_acc, fill_acc,
		      sizeof(**out), out);
}

int64_t store_accountability_count(struct store *s, const struct accountability_filter *f)
{
	return q_count(store_prepare(s, &Q_ACC_COUNT), bind_acc, f);
}

/* ---- recovered money ------------------------------------------------------- */

#define REC_WHERE "WHERE (? = 0 OR r.campaign_id = ?) AND (? = '' OR r.kind = ?) " \
	"AND (? = '' OR r.day >= ?) AND (? = '' OR r.day <= ?) "

static const struct store_sql Q_REC_INSERT = {
	"INSERT INTO recoveries(region, day, amount_fen, kind, campaign_id, case_id, created_by, "
	"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_REC_LIST = {
	"SELECT r.id, r.day, r.amount_fen, r.kind, COALESCE(r.campaign_id, 0), COALESCE(r.case_id, 0), "
	"COALESCE(g.name, '') FROM recoveries r LEFT JOIN campaigns g ON g.id = r.campaign_id "
	REC_WHERE "ORDER BY r.day DESC, r.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_REC_COUNT = { Q_CAPPED_COUNT("FROM recoveries r " REC_WHERE), NULL };
static const struct store_sql Q_REC_SUM = {
	"SELECT CAST(COALESCE(SUM(r.amount_fen), 0) AS BIGINT) FROM recoveries r " REC_WHERE, NULL };

int64_t store_recovery_insert(struct store *s, const char *region, const struct recovery *m,
			      int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_REC_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, m->day);
	store_bind_int(st, 3, m->amount_fen);
	store_bind_text(st, 4, m->kind);
	q_bind_id(st, 5, m->campaign_id);
	q_bind_id(st, 6, m->case_id);
	q_bind_id(st, 7, created_by);
	store_bind_int(st, 8, now);
	return q_scalar(st);
}

/* the kind the filter names (kind, or the /accountability page's
 * recovery_kind), "" for any */
static const char *rec_kind(const struct recovery_filter *lq)
{
	return lq->kind && *lq->kind ? lq->kind : lq->recovery_kind ? lq->recovery_kind : "";
}

static int bind_rec(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct recovery_filter *lq = filter;
	const char *kind = rec_kind(lq);

	(void)a;
	store_bind_int(st, 1, lq->campaign_id);
	store_bind_int(st, 2, lq->campaign_id);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, kind);
	q_bind_text2(st, 5, lq->day_from);
	return q_bind_text2(st, 7, lq->day_to);
}

static void fill_rec(struct arena *a, struct store_stmt *st, void *row)
{
	struct recovery *m = row;

	m->id = store_col_int(st, 0);
	m->day = q_text(a, st, 1);
	m->amount_fen = store_col_int(st, 2);
	m->kind = q_text(a, st, 3);
	m->campaign_id = store_col_int(st, 4);
	m->case_id = store_col_int(st, 5);
	m->campaign_name = q_text(a, st, 6);
}

int store_recovery_list(struct store *s, struct arena *a, const struct recovery_filter *f,
			struct recovery **out)
{
	return q_list(store_prepare(s, &Q_REC_LIST), a, &f->page, f, bind_rec, fill_rec,
		      sizeof(**out), out);
}

/* The kinds of recoveries.kind (0056's CHECK), each a stat of the rollup
 * (0039: n = amount_fen on the record's day; dims '' and campaign). */
static const char *const rec_stats[] = { "confiscated", "ordered", "returned", "recovered" };

/* The ledger's sum from the rollup (sparse16): the stat of each kind the
 * filter admits, summed over the period's grains, for the campaign or all;
 * the same rows as Q_REC_SUM (a kind the filter names that is not one of
 * rec_stats matches no record: 0).  1 answered, 0 the rollup cannot (off
 * for a bulk load or QF_METRICS_LIVE=1), < 0 error. */
static int rec_sum_rollup(struct store *s, const struct recovery_filter *lq, const char *kind, int64_t *sum)
{
	struct metric_period p = q_metric_list_period(lq->day_from, lq->day_to);
	struct metric_scope ms = { .campaign_id = lq->campaign_id };
	int64_t v;
	int rc = 1;

	*sum = 0;
	store_metric_batch(1);          /* the rollup's switch read once */
	for (size_t i = 0; i < sizeof(rec_stats) / sizeof(*rec_stats) && rc == 1; i++) {
		if (*kind && strcmp(kind, rec_stats[i]))
			continue;
		if ((rc = q_metric_rollup(s, rec_stats[i], 0, &p, &ms, &v)) == 1)
			*sum += v;
	}
	store_metric_batch(0);
	return rc;
}

int64_t store_recovery_count(struct store *s, const struct recovery_filter *lq, int64_t *sum_fen)
{
	int rc = rec_sum_rollup(s, lq, rec_kind(lq), sum_fen);

	if (rc < 0)
		return rc;
	/* the live sum where the rollup does not answer (amounts are >= 0:
	 * a negative is a store code) */
	if (!rc && (*sum_fen = q_count(store_prepare(s, &Q_REC_SUM), bind_rec, lq)) < 0)
		return *sum_fen;
	return q_count(store_prepare(s, &Q_REC_COUNT), bind_rec, lq);
}

/* ---- a person's record ---------------------------------------------------- */

/* PostgreSQL's text for the unscoped user without the scope's subplan
 * (q_scope.h Q_SCOPE_PG_PAIR: planned once, not on each view of a person) */
#define CLUES_OF_PERSON(IN) Q_SCOPE_WITH "SELECT k.id, k.received, k.state, k.first_disposed, k.unit_id " \
	"FROM clue_subjects cs JOIN clues k ON k.id = cs.clue_id WHERE cs.person_id = ? " \
	"AND " IN("k.unit_id") " ORDER BY k.received, k.id LIMIT 500"
static const struct store_sql Q_CLUES_OF_PERSON[2] = Q_SCOPE_PG_PAIR(CLUES_OF_PERSON);
static const struct store_sql Q_CASES_OF_PERSON = {
	"SELECT c.id, c.filed, c.state, c.closed FROM case_subjects cs JOIN cases c ON c.id = cs.case_id "
	"WHERE cs.person_id = ? AND (? = 1 OR EXISTS (SELECT 1 FROM case_team t "
	"WHERE t.case_id = c.id AND t.user_id = ?)) ORDER BY c.filed, c.id LIMIT 500", NULL };

static void fill_clue_brief(struct arena *a, struct store_stmt *st, void *row)
{
	struct clue *k = row;

	k->id = store_col_int(st, 0);
	k->received = q_text(a, st, 1);
	k->state = q_text(a, st, 2);
	k->first_disposed = q_text_or_null(a, st, 3);
	k->unit_id = store_col_int(st, 4);
}

int store_clues_of_person(struct store *s, struct arena *a, int64_t person_id, int64_t scope_user,
			  struct clue **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUES_OF_PERSON[Q_SCOPE_VARIANT(scope_user)]);

	if (st) {
		store_bind_int(st, 1, scope_user);
		store_bind_int(st, 2, person_id);
		store_bind_int(st, 3, scope_user);
	}
	return q_collect(st, a, fill_clue_brief, sizeof(**out), out);
}

static void fill_case_brief(struct arena *a, struct store_stmt *st, void *row)
{
	struct case_brief *k = row;

	k->id = store_col_int(st, 0);
	k->filed = q_text(a, st, 1);
	k->state = q_text(a, st, 2);
	k->closed = q_text_or_null(a, st, 3);
}

int store_cases_of_person(struct store *s, struct arena *a, int64_t person_id, int sees_all,
			  int64_t user_id, struct case_brief **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CASES_OF_PERSON);

	if (st) {
		store_bind_int(st, 1, person_id);
		store_bind_int(st, 2, sees_all ? 1 : 0);
		store_bind_int(st, 3, user_id);
	}
	return q_collect(st, a, fill_case_brief, sizeof(**out), out);
}

/* ---- appeals and reviews -------------------------------------------------- */

static const struct store_sql Q_APPEAL_INSERT = {
	"INSERT INTO appeals(region, outcome_id, kind, measure, filed, decided, result, new_measure, "
	"new_months, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	NULL };
static const struct store_sql Q_APPEALS_OF = {
	"SELECT a.id, a.outcome_id, a.kind, a.measure, a.filed, a.decided, a.result, a.new_measure, "
	"COALESCE(a.new_months, 0), a.note, COALESCE(NULLIF(u.display_name, ''), u.name, '') "
	"FROM appeals a LEFT JOIN users u ON u.id = a.created_by WHERE a.outcome_id = ? "
	"ORDER BY a.decided, a.id", NULL };

int64_t store_appeal_insert(struct store *s, const char *region, const struct appeal *p,
			    int64_t created_by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_APPEAL_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, p->outcome_id);
	store_bind_text(st, 3, p->kind);
	store_bind_text(st, 4, p->measure);
	store_bind_text(st, 5, p->filed);
	store_bind_text(st, 6, p->decided);
	store_bind_text(st, 7, p->result);
	store_bind_text(st, 8, p->new_measure);
	q_bind_id(st, 9, p->new_months);
	store_bind_text(st, 10, p->note ? p->note : "");
	q_bind_id(st, 11, created_by);
	store_bind_int(st, 12, now);
	return q_scalar(st);
}

static void fill_appeal(struct arena *a, struct store_stmt *st, void *row)
{
	struct appeal *p = row;

	p->id = store_col_int(st, 0);
	p->outcome_id = store_col_int(st, 1);
	p->kind = q_text(a, st, 2);
	p->measure = q_text(a, st, 3);
	p->filed = q_text(a, st, 4);
	p->decided = q_text(a, st, 5);
	p->result = q_text(a, st, 6);
	p->new_measure = q_text_or_null(a, st, 7);
	p->new_months = (int)store_col_int(st, 8);
	p->note = q_text(a, st, 9);
	p->user_name = q_text(a, st, 10);
}

int store_appeals_of_outcome(struct store *s, struct arena *a, int64_t outcome_id, struct appeal **out)
{
	return q_list_by_id(store_prepare(s, &Q_APPEALS_OF), a, outcome_id, fill_appeal, sizeof(**out), out);
}

static const struct store_sql Q_OPEN_CASES = {
	"SELECT count(*) FROM case_subjects s JOIN cases c ON c.id = s.case_id "
	"WHERE s.person_id = ? AND c.state <> 'closed'", NULL };

int64_t store_person_open_cases(struct store *s, int64_t person_id)
{
	struct store_stmt *st = store_prepare(s, &Q_OPEN_CASES);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	return q_scalar(st);
}

static const struct store_sql Q_OUT_IDS = { "SELECT id FROM outcomes ORDER BY id", NULL };

static void fill_id(struct arena *a, struct store_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = store_col_int(st, 0);
}

int store_outcome_ids(struct store *s, struct arena *a, int64_t **out)
{
	return q_collect(store_prepare(s, &Q_OUT_IDS), a, fill_id, sizeof(**out), out);
}

/* ---- the outcomes behind the figures (issue 11) ------------------------------------ */

/* need-to-know as outcome_get: a case's outcome for its team (team_user
 * 0: every case) or, sanctioned, for an execution role within its units;
 * a clue's, and a talk's (0059), within the user's units; the scope
 * from the case, the clue it came from and the subject snapshot */
#define OUT_LIST_WHERE "WHERE (o.case_id IS NULL OR ? = 0 OR EXISTS (SELECT 1 FROM case_team t " \
	"WHERE t.case_id = o.case_id AND t.user_id = ?) " \
	"OR (? = 1 AND o.sanctioned = 1 AND " Q_IN_SCOPE("o.unit_id") ")) " \
	"AND (o.clue_id IS NULL OR " Q_IN_SCOPE("(SELECT ck.unit_id FROM clues ck WHERE ck.id = o.clue_id)") ") " \
	"AND (o.supervision_id IS NULL OR " \
	Q_IN_SCOPE("(SELECT tk.unit_id FROM talks tk WHERE tk.id = o.supervision_id)") ") " \
	"AND (? = '' OR o.day >= ?) AND (? = '' OR o.day <= ?) AND (? = 0 OR o.form = ?) " \
	"AND (? = 0 OR o.sanctioned = 1) " OUTCOME_SCOPE
static const struct store_sql Q_OUT_LIST = {
	M_WITH "SELECT " OUT_COLS("group_concat") OUT_LIST_WHERE
	"ORDER BY o.day DESC, o.id DESC LIMIT ? OFFSET ?",
	M_WITH "SELECT " OUT_COLS("string_agg") OUT_LIST_WHERE
	"ORDER BY o.day DESC, o.id DESC LIMIT ? OFFSET ?" };
static const struct store_sql Q_OUT_COUNT = {
	M_WITH Q_CAPPED_COUNT("FROM outcomes o JOIN persons p ON p.id = o.person_id "
	OUT_LIST_WHERE), NULL };

static int bind_outcome_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct outcome_filter *f = filter;
	struct metric_scope sc = f->sc;
	int i = 1;

	(void)a;
	/* the CTEs: vis of the user's jurisdiction, sub of `within` */
	sc.scope_user = f->scope_user;
	i = q_metric_bind_with(st, i, &sc);
	store_bind_int(st, i++, f->team_user);
	store_bind_int(st, i++, f->team_user);
	store_bind_int(st, i++, f->execution);
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	store_bind_int(st, i++, f->form);
	store_bind_int(st, i++, f->form);
	store_bind_int(st, i++, f->sanctioned);
	/* the figure's scope (q_metrics_sql.h); need-to-know is above, so
	 * not the figure's unit jurisdiction */
	sc.scope_user = 0;
	sc.campaign_id = f->campaign_id;
	return q_metric_bind_scope(st, i, &sc, Q_METRIC_OUTCOME_SCOPES);
}

int store_outcome_list(struct store *s, struct arena *a, const struct outcome_filter *f,
		       struct outcome **out)
{
	return q_list(store_prepare(s, &Q_OUT_LIST), a, &f->page, f, bind_outcome_filters,
		      fill_outcome, sizeof(**out), out);
}

/* every outcome (q_util.h Q_WHOLE_COUNT: persons is the parent of each) */
static const struct store_sql Q_OUT_COUNT_ALL = Q_WHOLE_COUNT("outcomes");

int64_t store_outcome_count(struct store *s, const struct outcome_filter *f)
{
	/* an execution role's sanctions are an OR beside team_user 0's every case */
	int whole = filter_unset(&outcome_filter_spec, f) && !f->team_user && !f->scope_user && q_scope_unset(&f->sc);

	return q_count_whole(s, whole, &Q_OUT_COUNT_ALL, &Q_OUT_COUNT, bind_outcome_filters, f);
}
