/*
 * q_cases.c: cases, their subjects and handling team, investigation
 * notes, detentions with their extensions, recusal declarations, the
 * running case clocks of the home page and the users' offices.
 */
#include "store/q_cases.h"
#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_scope.h"
#include "store/q_todo.h"
#include "store/q_util.h"

#include <string.h>

#define USER_NAME(t) "COALESCE(NULLIF(" t ".display_name, ''), " t ".name, '')"

/* ---- cases ---------------------------------------------------------------- */

/* AGG: SQLite 3.40 spells string_agg group_concat */
#define CASE_COLS(AGG) "c.id, c.region, c.clue_id, COALESCE(c.disposition_id, 0), c.unit_id, u.name, " \
	"COALESCE(c.campaign_id, 0), COALESCE(g.name, ''), c.filed, c.state, c.transferred, " \
	"c.trial_accepted, c.trial_due, c.closed, COALESCE((SELECT " AGG "(p.name, '、') " \
	"FROM case_subjects cs JOIN persons p ON p.id = cs.person_id WHERE cs.case_id = c.id), ''), " \
	"COALESCE(" Q_LEAD_USER(USER_NAME("lu"), "c.id") ", ''), COALESCE(c.created_by, 0), c.created_at, " \
	"c.updated_at, c.case_type, c.organ_kind, c.organ_name, COALESCE((SELECT " AGG "(n.filing_no, '、') " \
	"FROM case_subjects n WHERE n.case_id = c.id AND n.filing_no IS NOT NULL), '') " \
	"FROM cases c JOIN units u ON u.id = c.unit_id " \
	"LEFT JOIN campaigns g ON g.id = c.campaign_id "
/* each filter is off when its value is empty or 0; the first is
 * need-to-know (the team), the last the overdue clocks */
#define CASE_WHERE "(? = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id " \
	"AND t.user_id = ?)) AND (? = '' OR c.state = ?) AND (? = 0 OR c.unit_id = ?) " \
	"AND (? = 0 OR c.campaign_id = ?) AND (? = '' OR c.filed >= ?) AND (? = '' OR c.filed <= ?) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM detentions d WHERE d.case_id = c.id " \
	"AND d.end_day IS NULL AND d.due_day < ?) OR (c.state = 'trial' AND c.trial_due < ?)) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM case_subjects n WHERE n.case_id = c.id " \
	"AND n.filing_no LIKE ? ESCAPE '\\')) " \
	"AND (? = '' OR c.filed >= ?) AND (? = '' OR c.filed <= ?) " \
	"AND (? = '' OR c.closed >= ?) AND (? = '' OR c.closed <= ?) " \
	"AND (? = '' OR c.transferred >= ?) AND (? = '' OR c.transferred <= ?) " \
	CASE_SCOPE
#define CASE_ORDER "ORDER BY c.filed DESC, c.id DESC LIMIT ? OFFSET ?"

static const struct store_sql Q_CASE_GET = {
	"SELECT " CASE_COLS("group_concat") "WHERE c.id = ?",
	"SELECT " CASE_COLS("string_agg") "WHERE c.id = ?" };
/*
 * A statement per kind of user (issue 16, exec16): the team's filter is an
 * OR no index can drive, so a case handler's list (team_user set) would
 * read every case to find his few; his variant leads with his cases
 * (case_team_user), one more parameter after the CTEs (q_scope.h's
 * Q_LEAD_PAIR), the rest of the WHERE unchanged.
 */
#define CASE_LEAD_TEAM "WHERE c.id IN (SELECT tl.case_id FROM case_team tl WHERE tl.user_id = ?) AND "
#define CASE_LIST(LEAD) { M_WITH "SELECT " CASE_COLS("group_concat") LEAD CASE_WHERE CASE_ORDER, \
	M_WITH "SELECT " CASE_COLS("string_agg") LEAD CASE_WHERE CASE_ORDER }
#define CASE_COUNT(LEAD) { M_WITH Q_CAPPED_COUNT("FROM cases c " LEAD CASE_WHERE), NULL }
static const struct store_sql Q_CASE_LIST[] = Q_LEAD_PAIR(CASE_LIST, CASE_LEAD_TEAM);
static const struct store_sql Q_CASE_COUNT[] = Q_LEAD_PAIR(CASE_COUNT, CASE_LEAD_TEAM);
static const struct store_sql Q_CASE_INSERT = {
	"INSERT INTO cases(region, clue_id, disposition_id, unit_id, campaign_id, filed, created_by, "
	"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_CASE_SUBJECTS_COPY = {
	"INSERT INTO case_subjects(case_id, person_id, rank, top_leader, leadership, unit_id) "
	"SELECT ?, p.id, p.rank, p.top_leader, p.leadership, p.unit_id FROM clue_subjects cs "
	"JOIN persons p ON p.id = cs.person_id WHERE cs.clue_id = ?", NULL };
static const struct store_sql Q_CASE_STEPS = {
	"UPDATE cases SET state = ?, transferred = ?, trial_accepted = ?, trial_due = ?, closed = ?, "
	"updated_at = ? WHERE id = ?", NULL };
static const struct store_sql Q_CASE_SUBJECTS = {
	"SELECT p.id, p.name, p.rank, p.position, p.unit_id, u.name FROM case_subjects cs "
	"JOIN persons p ON p.id = cs.person_id JOIN units u ON u.id = p.unit_id "
	"WHERE cs.case_id = ? ORDER BY p.id", NULL };

static void fill_case(struct arena *a, struct store_stmt *st, void *row)
{
	struct case_rec *k = row;

	k->id = store_col_int(st, 0);
	k->region = q_text(a, st, 1);
	k->clue_id = store_col_int(st, 2);
	k->disposition_id = store_col_int(st, 3);
	k->unit_id = store_col_int(st, 4);
	k->unit_name = q_text(a, st, 5);
	k->campaign_id = store_col_int(st, 6);
	k->campaign_name = q_text(a, st, 7);
	k->filed = q_text(a, st, 8);
	k->state = q_text(a, st, 9);
	k->transferred = q_text_or_null(a, st, 10);
	k->trial_accepted = q_text_or_null(a, st, 11);
	k->trial_due = q_text_or_null(a, st, 12);
	k->closed = q_text_or_null(a, st, 13);
	k->subject_names = q_text(a, st, 14);
	k->lead_name = q_text(a, st, 15);
	k->created_by = store_col_int(st, 16);
	k->created_at = store_col_int(st, 17);
	k->updated_at = store_col_int(st, 18);
	k->case_type = q_text_or_null(a, st, 19);
	k->organ_kind = q_text_or_null(a, st, 20);
	k->organ_name = q_text(a, st, 21);
	k->filing_numbers = q_text(a, st, 22);
}

int64_t store_case_insert(struct store *s, const struct case_rec *k, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->region);
	store_bind_int(st, 2, k->clue_id);
	q_bind_id(st, 3, k->disposition_id);
	store_bind_int(st, 4, k->unit_id);
	q_bind_id(st, 5, k->campaign_id);
	store_bind_text(st, 6, k->filed);
	q_bind_id(st, 7, k->created_by);
	store_bind_int(st, 8, now);
	store_bind_int(st, 9, now);
	return q_scalar(st);
}

int store_case_copy_subjects(struct store *s, int64_t case_id, int64_t clue_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_SUBJECTS_COPY);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, clue_id);
	return store_exec(st);
}

int store_case_get(struct store *s, struct arena *a, int64_t id, struct case_rec *k)
{
	return q_get_by_id(store_prepare(s, &Q_CASE_GET), a, id, fill_case, k);
}

/* The figures' filters of CASE_WHERE, from index i. */
static int bind_case_scope(struct store_stmt *st, int i, const struct case_filter *cq)
{
	i = q_bind_text2(st, i, cq->filed_from);
	i = q_bind_text2(st, i, cq->filed_to);
	i = q_bind_text2(st, i, cq->closed_from);
	i = q_bind_text2(st, i, cq->closed_to);
	i = q_bind_text2(st, i, cq->transferred_from);
	i = q_bind_text2(st, i, cq->transferred_to);
	/* the figure's scope (q_metrics_sql.h); need-to-know is the team's,
	 * not a jurisdiction; the campaign is the list's own filter */
	return q_metric_bind_scope(st, i, &(struct metric_scope){ .unit_id = cq->sc.unit_id,
		.category = cq->sc.category, .source = cq->sc.source, .organ_kind = cq->sc.organ_kind,
		.rank = cq->sc.rank, .top_leader = cq->sc.top_leader, .leadership = cq->sc.leadership,
		.key_persons = cq->sc.key_persons }, Q_METRIC_CASE_SCOPES);
}

static int bind_case_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct case_filter *cq = filter;
	const char *state = cq->state ? cq->state : "";
	const char *from = cq->day_from ? cq->day_from : "", *to = cq->day_to ? cq->day_to : "";
	const char *overdue = cq->overdue_on ? cq->overdue_on : "";
	int i = 1;

	/* the CTEs of M_WITH: no jurisdiction (vis empty), sub of `within` */
	i = q_metric_bind_with(st, i, &(struct metric_scope){ .unit_id = cq->sc.unit_id });
	if (cq->team_user)              /* CASE_LEAD_TEAM */
		store_bind_int(st, i++, cq->team_user);
	store_bind_int(st, i++, cq->team_user);
	store_bind_int(st, i++, cq->team_user);
	store_bind_text(st, i++, state);
	store_bind_text(st, i++, state);
	store_bind_int(st, i++, cq->unit_id);
	store_bind_int(st, i++, cq->unit_id);
	store_bind_int(st, i++, cq->campaign_id);
	store_bind_int(st, i++, cq->campaign_id);
	store_bind_text(st, i++, from);
	store_bind_text(st, i++, from);
	store_bind_text(st, i++, to);
	store_bind_text(st, i++, to);
	store_bind_text(st, i++, overdue);
	store_bind_text(st, i++, overdue);
	store_bind_text(st, i++, overdue);
	/* 立案编号: a part of a subject's filing number */
	store_bind_text(st, i++, cq->number ? cq->number : "");
	store_bind_text(st, i++, q_like_pattern(a, cq->number ? cq->number : ""));
	return bind_case_scope(st, i, cq);
}

int store_case_list(struct store *s, struct arena *a, const struct case_filter *cq,
		    struct case_rec **out)
{
	return q_list(store_prepare(s, &Q_CASE_LIST[cq->team_user != 0]), a, &cq->page, cq,
		      bind_case_filters, fill_case, sizeof(**out), out);
}

int64_t store_case_count(struct store *s, const struct case_filter *cq)
{
	return q_count(store_prepare(s, &Q_CASE_COUNT[cq->team_user != 0]), bind_case_filters, cq);
}

int store_case_set_steps(struct store *s, const struct case_rec *k, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_STEPS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->state);
	store_bind_text(st, 2, k->transferred);
	store_bind_text(st, 3, k->trial_accepted);
	store_bind_text(st, 4, k->trial_due);
	store_bind_text(st, 5, k->closed);
	store_bind_int(st, 6, now);
	store_bind_int(st, 7, k->id);
	return store_exec(st);
}

int store_case_subjects(struct store *s, struct arena *a, int64_t case_id, struct person **out)
{
	return q_list_by_id(store_prepare(s, &Q_CASE_SUBJECTS), a, case_id, q_fill_subject, sizeof(**out),
			  out);
}

/* ---- the handling team -------------------------------------------------- */

static const struct store_sql Q_TEAM = {
	"SELECT t.user_id, " USER_NAME("u") ", t.role, u.office, COALESCE(" USER_NAME("b") ", ''), "
	"t.assigned_at, COALESCE(t.override_by, 0), COALESCE(" USER_NAME("o") ", ''), t.override_reason "
	"FROM case_team t JOIN users u ON u.id = t.user_id LEFT JOIN users b ON b.id = t.assigned_by "
	"LEFT JOIN users o ON o.id = t.override_by WHERE t.case_id = ? "
	"ORDER BY CASE t.role WHEN 'lead' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, t.assigned_at", NULL };
static const struct store_sql Q_TEAM_ADD = {
	"INSERT INTO case_team(case_id, user_id, role, assigned_by, assigned_at, override_by, "
	"override_reason) VALUES (?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_TEAM_REMOVE = {
	"DELETE FROM case_team WHERE case_id = ? AND user_id = ?", NULL };

static void fill_member(struct arena *a, struct store_stmt *st, void *row)
{
	struct case_member *m = row;

	m->user_id = store_col_int(st, 0);
	m->name = q_text(a, st, 1);
	m->role = q_text(a, st, 2);
	m->office = q_text(a, st, 3);
	m->assigned_by_name = q_text(a, st, 4);
	m->assigned_at = store_col_int(st, 5);
	m->override_by = store_col_int(st, 6);
	m->override_by_name = q_text(a, st, 7);
	m->override_reason = q_text(a, st, 8);
}

int store_case_team(struct store *s, struct arena *a, int64_t case_id, struct case_member **out)
{
	return q_list_by_id(store_prepare(s, &Q_TEAM), a, case_id, fill_member, sizeof(**out), out);
}

int store_case_team_add(struct store *s, int64_t case_id, int64_t user_id, const char *role,
			int64_t by, int64_t at, int64_t override_by, const char *override_reason)
{
	struct store_stmt *st = store_prepare(s, &Q_TEAM_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, user_id);
	store_bind_text(st, 3, role);
	q_bind_id(st, 4, by);
	store_bind_int(st, 5, at);
	q_bind_id(st, 6, override_by);
	store_bind_text(st, 7, override_reason ? override_reason : "");
	return store_exec(st);
}

int store_case_team_remove(struct store *s, int64_t case_id, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_TEAM_REMOVE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, user_id);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) == 1;
}

/* ---- notes ---------------------------------------------------------------- */

static const struct store_sql Q_NOTES = {
	"SELECT n.id, n.case_id, n.at, COALESCE(" USER_NAME("u") ", ''), n.text_enc FROM case_notes n "
	"LEFT JOIN users u ON u.id = n.user_id WHERE n.case_id = ? ORDER BY n.id", NULL };
static const struct store_sql Q_NOTE_INSERT = {
	"INSERT INTO case_notes(region, case_id, at, user_id, text_enc) VALUES (?, ?, ?, ?, '') "
	"RETURNING id", NULL };
static const struct store_sql Q_NOTE_SET = { "UPDATE case_notes SET text_enc = ? WHERE id = ?", NULL };

static void fill_note(struct arena *a, struct store_stmt *st, void *row)
{
	struct case_note *n = row;

	n->id = store_col_int(st, 0);
	n->case_id = store_col_int(st, 1);
	n->at = store_col_int(st, 2);
	n->user_name = q_text(a, st, 3);
	n->text_enc = q_text(a, st, 4);
}

int store_case_notes(struct store *s, struct arena *a, int64_t case_id, struct case_note **out)
{
	return q_list_by_id(store_prepare(s, &Q_NOTES), a, case_id, fill_note, sizeof(**out), out);
}

int64_t store_case_note_insert(struct store *s, const char *region, int64_t case_id, int64_t at,
			       int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_NOTE_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, case_id);
	store_bind_int(st, 3, at);
	q_bind_id(st, 4, user_id);
	return q_scalar(st);
}

int store_case_note_set(struct store *s, int64_t id, const char *text_enc)
{
	struct store_stmt *st = store_prepare(s, &Q_NOTE_SET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, text_enc);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

/* ---- detentions ------------------------------------------------------------ */

#define DET_NOTICE(party) "(SELECT n.notified_at FROM detention_notices n WHERE n.detention_id = d.id " \
	"AND n.party = '" party "')"
#define DET_FIELDS "d.id, d.case_id, d.person_id, p.name, d.start_day, d.end_day, d.due_day, " \
	"d.approved_by, d.approved_day, d.announced_at, " DET_NOTICE("family") ", " DET_NOTICE("unit") " "
#define DET_FROM "FROM detentions d JOIN persons p ON p.id = d.person_id "
#define DET_COLS DET_FIELDS DET_FROM
static const struct store_sql Q_DET_OF_CASE = {
	"SELECT " DET_COLS "WHERE d.case_id = ? ORDER BY d.id", NULL };
static const struct store_sql Q_DET_GET = { "SELECT " DET_COLS "WHERE d.id = ?", NULL };
static const struct store_sql Q_DET_INSERT = {
	"INSERT INTO detentions(region, case_id, person_id, start_day, due_day, created_by, created_at, "
	"approved_by, approved_day, announced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_DET_SET = {
	"UPDATE detentions SET due_day = ?, end_day = ? WHERE id = ?", NULL };
static const struct store_sql Q_EXTS = {
	"SELECT e.id, e.detention_id, e.kind, e.months, e.approved, e.approver, e.note, "
	"COALESCE(" USER_NAME("u") ", ''), e.at, e.ten_years FROM detention_extensions e "
	"JOIN detentions d ON d.id = e.detention_id LEFT JOIN users u ON u.id = e.user_id "
	"WHERE (? = 0 OR d.case_id = ?) AND (? = 0 OR d.id = ?) ORDER BY e.id", NULL };
static const struct store_sql Q_EXT_INSERT = {
	"INSERT INTO detention_extensions(detention_id, kind, months, approved, approver, note, "
	"user_id, at, ten_years) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };

static void fill_detention(struct arena *a, struct store_stmt *st, void *row)
{
	struct detention *d = row;

	d->id = store_col_int(st, 0);
	d->case_id = store_col_int(st, 1);
	d->person_id = store_col_int(st, 2);
	d->person_name = q_text(a, st, 3);
	d->start_day = q_text(a, st, 4);
	d->end_day = q_text_or_null(a, st, 5);
	d->due_day = q_text_or_null(a, st, 6);
	d->approved_by = q_text_or_null(a, st, 7);
	d->approved_day = q_text_or_null(a, st, 8);
	d->announced_at = q_text_or_null(a, st, 9);
	d->family_notified = q_text_or_null(a, st, 10);
	d->unit_notified = q_text_or_null(a, st, 11);
}

int store_detentions_of_case(struct store *s, struct arena *a, int64_t case_id,
			     struct detention **out)
{
	return q_list_by_id(store_prepare(s, &Q_DET_OF_CASE), a, case_id, fill_detention, sizeof(**out),
			  out);
}

int store_detention_get(struct store *s, struct arena *a, int64_t id, struct detention *d)
{
	return q_get_by_id(store_prepare(s, &Q_DET_GET), a, id, fill_detention, d);
}

int64_t store_detention_insert(struct store *s, const char *region, const struct detention *d,
			       int64_t by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_DET_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, d->case_id);
	store_bind_int(st, 3, d->person_id);
	store_bind_text(st, 4, d->start_day);
	store_bind_text(st, 5, d->due_day);
	q_bind_id(st, 6, by);
	store_bind_int(st, 7, now);
	store_bind_text(st, 8, d->approved_by);
	store_bind_text(st, 9, d->approved_day);
	store_bind_text(st, 10, d->announced_at);
	return q_scalar(st);
}

int store_detention_set(struct store *s, int64_t id, const char *due_day, const char *end_day)
{
	struct store_stmt *st = store_prepare(s, &Q_DET_SET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, due_day);
	store_bind_text(st, 2, end_day);
	store_bind_int(st, 3, id);
	return store_exec(st);
}

int store_detention_exts(struct store *s, struct arena *a, int64_t case_id, int64_t det_id,
			 struct detention_ext **out)
{
	struct store_stmt *st = store_prepare(s, &Q_EXTS);
	struct detention_ext *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, case_id);
	store_bind_int(st, 3, det_id);
	store_bind_int(st, 4, det_id);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct detention_ext *e = arena_push(a, &v, &cap, n++, sizeof(*v));
		e->id = store_col_int(st, 0);
		e->detention_id = store_col_int(st, 1);
		e->kind = q_text(a, st, 2);
		e->months = (int)store_col_int(st, 3);
		e->approved = q_text(a, st, 4);
		e->approver = q_text(a, st, 5);
		e->note = q_text(a, st, 6);
		e->user_name = q_text(a, st, 7);
		e->at = store_col_int(st, 8);
		e->ten_years = (int)store_col_int(st, 9);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int64_t store_detention_ext_insert(struct store *s, const struct detention_ext *e, int64_t user_id,
				   int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_EXT_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, e->detention_id);
	store_bind_text(st, 2, e->kind);
	store_bind_int(st, 3, e->months);
	store_bind_text(st, 4, e->approved);
	store_bind_text(st, 5, e->approver ? e->approver : "");
	store_bind_text(st, 6, e->note ? e->note : "");
	q_bind_id(st, 7, user_id);
	store_bind_int(st, 8, at);
	store_bind_int(st, 9, e->ten_years);
	return q_scalar(st);
}

/* ---- recusal declarations ------------------------------------------------ */

static const struct store_sql Q_CONFLICTS = {
	"SELECT c.id, c.user_id, COALESCE(c.person_id, 0), COALESCE(c.unit_id, 0), COALESCE(p.name, ''), "
	"COALESCE(u.name, ''), c.note, c.declared_at, c.ground FROM conflicts c "
	"LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN units u ON u.id = c.unit_id "
	"WHERE c.user_id = ? ORDER BY c.id", NULL };
static const struct store_sql Q_CONFLICT_INSERT = {
	"INSERT INTO conflicts(region, user_id, person_id, unit_id, note, declared_at, ground) "
	"VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
/* a statutory ground first: it decides whether a leader may override */
static const struct store_sql Q_CONFLICT_MATCH = {
	"SELECT ground FROM conflicts WHERE user_id = ? AND (person_id = ? OR unit_id = ?) "
	"ORDER BY CASE WHEN ground = 'other' THEN 1 ELSE 0 END, id LIMIT 1", NULL };

static void fill_conflict(struct arena *a, struct store_stmt *st, void *row)
{
	struct conflict *cf = row;

	cf->id = store_col_int(st, 0);
	cf->user_id = store_col_int(st, 1);
	cf->person_id = store_col_int(st, 2);
	cf->unit_id = store_col_int(st, 3);
	cf->person_name = q_text(a, st, 4);
	cf->unit_name = q_text(a, st, 5);
	cf->note = q_text(a, st, 6);
	cf->declared_at = store_col_int(st, 7);
	cf->ground = q_text(a, st, 8);
}

int store_conflicts_of_user(struct store *s, struct arena *a, int64_t user_id,
			    struct conflict **out)
{
	return q_list_by_id(store_prepare(s, &Q_CONFLICTS), a, user_id, fill_conflict, sizeof(**out), out);
}

int64_t store_conflict_insert(struct store *s, const char *region, const struct conflict *cf,
			      int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CONFLICT_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, cf->user_id);
	q_bind_id(st, 3, cf->person_id);
	q_bind_id(st, 4, cf->unit_id);
	store_bind_text(st, 5, cf->note ? cf->note : "");
	store_bind_int(st, 6, now);
	store_bind_text(st, 7, cf->ground ? cf->ground : "other");
	return q_scalar(st);
}

int store_conflict_matches(struct store *s, struct arena *a, int64_t user_id, int64_t person_id,
			   int64_t unit_id, const char **ground)
{
	struct store_stmt *st = store_prepare(s, &Q_CONFLICT_MATCH);
	int rc;

	*ground = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	store_bind_int(st, 2, person_id);
	store_bind_int(st, 3, unit_id);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*ground = q_text(a, st, 0);
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : 0;
}

/* ---- the clocks of the home page -------------------------------------------- */

/* the office of the case's lead, '' none: kept on the case (0095, dash16i:
 * looked up in case_team and users for each running clock, 23 ms of the
 * home page's count at 10M) */
#define LEAD_OFFICE "k.lead_office"
#define ON_TEAM "(? = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = k.id AND t.user_id = ?))"
/* the running detentions and trial reviews due on or before a day, [1] of
 * a lead's office ('' none); the first `limit` of each arm by due day
 * and case, read in that order from its index (0084:
 * detentions_running_due (due_day, case_id), cases_trial_due), then of
 * both */
#define CLOCKS_DET(cols, OFFICE) "SELECT " cols " FROM detentions d JOIN cases k ON k.id = d.case_id " \
	"WHERE d.end_day IS NULL AND d.due_day <= ? AND " ON_TEAM OFFICE
#define CLOCKS_TRIAL(cols, OFFICE) "SELECT " cols " FROM cases k WHERE k.state = 'trial' AND k.trial_due <= ? " \
	"AND " ON_TEAM OFFICE
/* of one office: a named one led by its leads' cases (their few rows, not
 * a walk of every running clock testing each case's lead: 15 ms at 10M),
 * the lead's office tested as the count groups it; none ('') walked */
#define CLOCKS_OF " AND " LEAD_OFFICE " = ?"
#define CLOCKS_LED(COL) " AND " COL " IN (SELECT t.case_id FROM case_team t JOIN users lu ON lu.id = t.user_id " \
	"WHERE t.role = 'lead' AND lu.office = ?)" CLOCKS_OF
#define CLOCKS(DET_OFFICE, TRIAL_OFFICE) \
	"SELECT * FROM (" CLOCKS_DET("k.id, 'detention', d.start_day, d.due_day, " \
		"(SELECT u.name FROM units u WHERE u.id = k.unit_id), " \
		"(SELECT p.name FROM persons p WHERE p.id = d.person_id), " LEAD_OFFICE, DET_OFFICE) \
		" ORDER BY d.due_day, d.case_id LIMIT ?) a " \
	"UNION ALL SELECT * FROM (" CLOCKS_TRIAL("k.id, 'trial', k.trial_accepted, k.trial_due, " \
		"(SELECT u.name FROM units u WHERE u.id = k.unit_id), '', " LEAD_OFFICE, TRIAL_OFFICE) \
		" ORDER BY k.trial_due, k.id LIMIT ?) b ORDER BY 4, 2, 1 LIMIT ?"
/* [0] every office, [1] none (''), [2] a named one */
static const struct store_sql Q_CLOCKS[3] = { { CLOCKS("", ""), NULL }, { CLOCKS(CLOCKS_OF, CLOCKS_OF), NULL },
					      { CLOCKS(CLOCKS_LED("d.case_id"), CLOCKS_LED("k.id")), NULL } };
/* the same counted per office (OF: the lead's office, GROUP its GROUP BY;
 * '' and none for the total alone): due on or before the first day
 * (overdue); each arm grouped by itself, the trial reviews in
 * cases_trial_office's order (0095: no sort of the ~30,000 running clocks
 * at 10M), then both */
#define CLOCKS_COUNT_AS(OF, GROUP, OFFICE) \
	"SELECT c.office, CAST(SUM(c.o) AS BIGINT), CAST(SUM(c.n) AS BIGINT) FROM (" \
	CLOCKS_DET(OF " AS office, SUM(CASE WHEN d.due_day <= ? THEN 1 ELSE 0 END) AS o, count(*) AS n", \
		   OFFICE) GROUP " UNION ALL " \
	CLOCKS_TRIAL(OF ", SUM(CASE WHEN k.trial_due <= ? THEN 1 ELSE 0 END), count(*)", OFFICE) \
	GROUP ") c GROUP BY c.office"
#define CLOCKS_COUNT(OFFICE) CLOCKS_COUNT_AS(LEAD_OFFICE, " GROUP BY " LEAD_OFFICE, OFFICE)
/* [0] every office, [1] one office, [2] the total alone (the badge) */
static const struct store_sql Q_CLOCKS_COUNT[3] = { { CLOCKS_COUNT(""), NULL },
						    { CLOCKS_COUNT(CLOCKS_OF), NULL },
						    { CLOCKS_COUNT_AS("''", "", ""), NULL } };

/* Binds both arms from i on, each after the overdue day unless NULL (the
 * count's), with the office unless NULL and followed by its LIMIT when
 * limit > 0; the next index. */
static int bind_clocks(struct store_stmt *st, int i, int64_t team_user, const char *due_by, const char *office,
		       int limit, const char *overdue_by)
{
	for (int arm = 0; arm < 2; arm++) {
		if (overdue_by)
			store_bind_text(st, i++, overdue_by);
		store_bind_text(st, i++, due_by);
		store_bind_int(st, i++, team_user);
		store_bind_int(st, i++, team_user);
		if (office && *office && limit > 0)
			store_bind_text(st, i++, office);       /* the leads' cases (CLOCKS_LED) */
		if (office)
			store_bind_text(st, i++, office);
		if (limit > 0)
			store_bind_int(st, i++, limit);
	}
	return i;
}

int store_case_clocks(struct store *s, struct arena *a, int64_t team_user, const char *due_by, const char *office,
		      int limit, struct case_clock **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CLOCKS[!office ? 0 : *office ? 2 : 1]);
	struct case_clock *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, bind_clocks(st, 1, team_user, due_by, office, limit, NULL), limit);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct case_clock *k = arena_push(a, &v, &cap, n++, sizeof(*v));
		k->case_id = store_col_int(st, 0);
		k->kind = q_text(a, st, 1);
		k->start = q_text(a, st, 2);
		k->due = q_text(a, st, 3);
		k->unit_name = q_text(a, st, 4);
		k->person_name = q_text(a, st, 5);
		k->office = q_text(a, st, 6);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

static int clocks_count(struct store *s, struct arena *a, const struct store_sql *q, int64_t team_user,
			const char *overdue_by, const char *due_by, const char *office,
			struct store_due_count **out)
{
	struct store_stmt *st = store_prepare(s, q);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	bind_clocks(st, 1, team_user, due_by, office, 0, overdue_by);
	return q_collect(st, a, q_fill_due_count, sizeof(**out), out);
}

int store_case_clocks_count(struct store *s, struct arena *a, int64_t team_user, const char *overdue_by,
			    const char *due_by, const char *office, struct store_due_count **out)
{
	return clocks_count(s, a, &Q_CLOCKS_COUNT[office != NULL], team_user, overdue_by, due_by, office, out);
}

int store_case_clocks_total(struct store *s, struct arena *a, int64_t team_user, const char *overdue_by,
			    const char *due_by, struct store_due_count **out)
{
	return clocks_count(s, a, &Q_CLOCKS_COUNT[2], team_user, overdue_by, due_by, NULL, out);
}

/* ---- the detentions behind the figure `detained` (issue 11) ---------------------- */

/* need-to-know as the case list; the scope as the figure detained
 * (DETENTION_SCOPE, q_metrics_sql.h): the case c and the detained
 * person's filing snapshot cs (his unit at filing, else the case's) */
#define DET_LIST_FROM "JOIN cases c ON c.id = d.case_id LEFT JOIN case_subjects cs " \
	"ON cs.case_id = d.case_id AND cs.person_id = d.person_id "
#define DET_LIST_WHERE "WHERE (? = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id " \
	"AND t.user_id = ?)) AND (? = '' OR d.start_day >= ?) AND (? = '' OR d.start_day <= ?) " \
	DETENTION_SCOPE
static const struct store_sql Q_DET_LIST = {
	M_WITH "SELECT " DET_FIELDS ", uk.name " DET_FROM DET_LIST_FROM "JOIN units uk ON uk.id = c.unit_id "
	DET_LIST_WHERE "ORDER BY d.start_day DESC, d.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_DET_COUNT = {
	M_WITH Q_CAPPED_COUNT("FROM detentions d " DET_LIST_FROM DET_LIST_WHERE), NULL };

static int bind_detention_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct detention_filter *f = filter;
	struct metric_scope sc = f->sc;
	int i = 1;

	(void)a;
	sc.scope_user = 0;          /* need-to-know is the team's, not a jurisdiction */
	sc.campaign_id = f->campaign_id;
	i = q_metric_bind_with(st, i, &sc);
	store_bind_int(st, i++, f->team_user);
	store_bind_int(st, i++, f->team_user);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	return q_metric_bind_scope(st, i, &sc, Q_METRIC_DETENTION_SCOPES);
}

static void fill_detention_row(struct arena *a, struct store_stmt *st, void *row)
{
	struct detention *d = row;

	fill_detention(a, st, row);
	d->unit_name = q_text(a, st, 12);
}

int store_detention_list(struct store *s, struct arena *a, const struct detention_filter *f,
			 struct detention **out)
{
	return q_list(store_prepare(s, &Q_DET_LIST), a, &f->page, f, bind_detention_filters,
		      fill_detention_row, sizeof(**out), out);
}

/* every detention (q_util.h Q_WHOLE_COUNT: cases the parent of each, a
 * case's subject one row by its key) */
static const struct store_sql Q_DET_COUNT_ALL = Q_WHOLE_COUNT("detentions");

int64_t store_detention_count(struct store *s, const struct detention_filter *f)
{
	int whole = filter_unset(&detention_filter_spec, f) && !f->team_user && q_scope_unset(&f->sc);

	return q_count_whole(s, whole, &Q_DET_COUNT_ALL, &Q_DET_COUNT, bind_detention_filters, f);
}
