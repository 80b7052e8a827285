/*
 * q_reports.c: reports (信访举报), the persons they accuse, their dated
 * steps (each guarded by the state it may follow, so a step taken twice
 * or out of order changes nothing), the stored due days of their clocks
 * (written by report_clock.c) and the reports whose clocks run.
 */
#include "store/q_reports.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* AGG: SQLite spells string_agg group_concat */
#define REPORT_COLS(AGG) "r.id, r.region, r.received, r.channel, r.real_name, r.category, " \
	"COALESCE(r.unit_id, 0), COALESCE(u.name, ''), r.reporter_enc, r.contact_enc, r.summary_enc, " \
	"r.state, r.other_level, r.accepted, r.accept_note, r.transferred, r.transfer_to, r.concluded, " \
	"r.notified_accept, r.notified_outcome, COALESCE(r.clue_id, 0), COALESCE((SELECT " AGG \
	"(p.name, '、') FROM report_accused ra JOIN persons p ON p.id = ra.person_id " \
	"WHERE ra.report_id = r.id), ''), COALESCE(r.created_by, 0), r.created_at, r.updated_at, r.extended, " \
	"r.accept_due, r.transfer_due, r.accept_notice_due, r.conclude_due, r.outcome_notice_due, " \
	"r.next_due, r.kind, r.repeated, r.forwarded_due FROM reports r LEFT JOIN units u ON u.id = r.unit_id "
/* a scoped user (first ? not 0) sees only reports of its units, never
 * those without a unit; each other filter is off when empty or 0 */
#define REPORT_WHERE "WHERE " Q_IN_SCOPE("r.unit_id") " " \
	"AND (? = '' OR r.state = ?) AND (? = '' OR r.channel = ?) AND (? = '' OR r.category = ?) " \
	"AND (? = '' OR r.kind = ?) " \
	"AND (? = 0 OR r.unit_id = ?) AND (? = '' OR r.received >= ?) AND (? = '' OR r.received <= ?) "
#define REPORT_ORDER "ORDER BY r.received DESC, r.id DESC LIMIT ? OFFSET ?"

static const struct store_sql Q_GET = {
	"SELECT " REPORT_COLS("group_concat") "WHERE r.id = ?",
	"SELECT " REPORT_COLS("string_agg") "WHERE r.id = ?" };
/* the overdue variant: a running clock due before the day bound last
 * (reports_next_due serves it) */
#define REPORT_OVERDUE "AND r.next_due < ? "
static const struct store_sql Q_LIST[2] = {
	{ Q_SCOPE_WITH "SELECT " REPORT_COLS("group_concat") REPORT_WHERE REPORT_ORDER,
	  Q_SCOPE_WITH "SELECT " REPORT_COLS("string_agg") REPORT_WHERE REPORT_ORDER },
	{ Q_SCOPE_WITH "SELECT " REPORT_COLS("group_concat") REPORT_WHERE REPORT_OVERDUE REPORT_ORDER,
	  Q_SCOPE_WITH "SELECT " REPORT_COLS("string_agg") REPORT_WHERE REPORT_OVERDUE REPORT_ORDER } };
static const struct store_sql Q_COUNT[2] = {
	{ Q_SCOPE_WITH Q_CAPPED_COUNT("FROM reports r " REPORT_WHERE), NULL },
	{ Q_SCOPE_WITH Q_CAPPED_COUNT("FROM reports r " REPORT_WHERE REPORT_OVERDUE), NULL } };
/* still running: an undecided report, an unconcluded accepted one, or a
 * real-name report whose notices are not all given */
#define OPEN_WHERE "WHERE r.state IN ('registered', 'accepted') OR (r.real_name = 1 AND " \
	"(r.notified_accept IS NULL OR (r.state = 'concluded' AND r.notified_outcome IS NULL))) ORDER BY r.id"
static const struct store_sql Q_OPEN = {
	"SELECT " REPORT_COLS("group_concat") OPEN_WHERE, "SELECT " REPORT_COLS("string_agg") OPEN_WHERE };
/* the home page: a running clock due before the bound, within the scope */
#define DUE_WHERE "WHERE " Q_IN_SCOPE("r.unit_id") " AND r.next_due < ? " \
	"ORDER BY r.next_due, r.id"
static const struct store_sql Q_DUE = {
	Q_SCOPE_WITH "SELECT " REPORT_COLS("group_concat") DUE_WHERE,
	Q_SCOPE_WITH "SELECT " REPORT_COLS("string_agg") DUE_WHERE };
static const struct store_sql Q_SET_DUES = {
	"UPDATE reports SET accept_due = ?, transfer_due = ?, accept_notice_due = ?, conclude_due = ?, "
	"outcome_notice_due = ?, forwarded_due = ?, next_due = ? WHERE id = ?", NULL };
static const struct store_sql Q_SET_KIND = {
	"UPDATE reports SET kind = ?, repeated = ?, category = ?, updated_at = ? "
	"WHERE id = ? AND state <> 'concluded'", NULL };
static int exec_guarded(struct store *s, struct store_stmt *st);
static const struct store_sql Q_INSERT = {
	"INSERT INTO reports(region, received, channel, real_name, category, unit_id, other_level, "
	"created_by, created_at, updated_at, kind, repeated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"RETURNING id", NULL };
static const struct store_sql Q_SECRETS = {
	"UPDATE reports SET reporter_enc = ?, contact_enc = ?, summary_enc = ? WHERE id = ?", NULL };
static const struct store_sql Q_ACCUSED_ADD = {
	"INSERT INTO report_accused(report_id, person_id) VALUES (?, ?)", NULL };
static const struct store_sql Q_ACCUSED = {
	"SELECT p.id, p.name, p.rank, p.position, p.unit_id, u.name FROM report_accused ra "
	"JOIN persons p ON p.id = ra.person_id JOIN units u ON u.id = p.unit_id "
	"WHERE ra.report_id = ? ORDER BY p.id", NULL };
static const struct store_sql Q_SET_CLUE = {
	"UPDATE reports SET clue_id = ?, updated_at = ? WHERE id = ? AND clue_id IS NULL "
	"AND state IN ('accepted', 'concluded')", NULL };

/* Each step binds (day, [text,] now, id). */
static const struct {
	struct store_sql sql;
	int has_text;
} steps[REPORT_N_STEPS] = {
	[REPORT_ACCEPT] = { { "UPDATE reports SET state = 'accepted', accepted = ?, accept_note = ?, "
		"updated_at = ? WHERE id = ? AND state = 'registered' AND other_level = 0", NULL }, 1 },
	[REPORT_NOT_ACCEPT] = { { "UPDATE reports SET state = 'not_accepted', accepted = ?, accept_note = ?, "
		"updated_at = ? WHERE id = ? AND state = 'registered' AND other_level = 0", NULL }, 1 },
	[REPORT_TRANSFER] = { { "UPDATE reports SET state = 'transferred', transferred = ?, transfer_to = ?, "
		"updated_at = ? WHERE id = ? AND state = 'registered' AND other_level = 1", NULL }, 1 },
	[REPORT_CONCLUDE] = { { "UPDATE reports SET state = 'concluded', concluded = ?, updated_at = ? "
		"WHERE id = ? AND state = 'accepted'", NULL }, 0 },
	[REPORT_NOTIFY_ACCEPT] = { { "UPDATE reports SET notified_accept = ?, updated_at = ? WHERE id = ? "
		"AND real_name = 1 AND state <> 'registered' AND notified_accept IS NULL", NULL }, 0 },
	[REPORT_NOTIFY_OUTCOME] = { { "UPDATE reports SET notified_outcome = ?, updated_at = ? WHERE id = ? "
		"AND real_name = 1 AND state = 'concluded' AND notified_outcome IS NULL", NULL }, 0 },
	/* the conclusion clock's due day is then computed again, extended;
	 * petitions only (信访工作条例) */
	[REPORT_EXTEND] = { { "UPDATE reports SET extended = ?, conclude_due = NULL, updated_at = ? WHERE id = ? "
		"AND state = 'accepted' AND extended IS NULL AND kind = 'petition'", NULL }, 0 },
};

static void fill_report(struct arena *a, struct store_stmt *st, void *row)
{
	struct report *k = row;

	k->id = store_col_int(st, 0);
	k->region = q_text(a, st, 1);
	k->received = q_text(a, st, 2);
	k->channel = q_text(a, st, 3);
	k->real_name = store_col_int(st, 4) != 0;
	k->category = q_text(a, st, 5);
	k->unit_id = store_col_int(st, 6);
	k->unit_name = q_text(a, st, 7);
	k->reporter_enc = q_text_or_null(a, st, 8);
	k->contact_enc = q_text_or_null(a, st, 9);
	k->summary_enc = q_text_or_null(a, st, 10);
	k->state = q_text(a, st, 11);
	k->other_level = store_col_int(st, 12) != 0;
	k->accepted = q_text_or_null(a, st, 13);
	k->accept_note = q_text(a, st, 14);
	k->transferred = q_text_or_null(a, st, 15);
	k->transfer_to = q_text(a, st, 16);
	k->concluded = q_text_or_null(a, st, 17);
	k->notified_accept = q_text_or_null(a, st, 18);
	k->notified_outcome = q_text_or_null(a, st, 19);
	k->clue_id = store_col_int(st, 20);
	k->accused_names = q_text(a, st, 21);
	k->created_by = store_col_int(st, 22);
	k->created_at = store_col_int(st, 23);
	k->updated_at = store_col_int(st, 24);
	k->extended = q_text_or_null(a, st, 25);
	k->accept_due = q_text_or_null(a, st, 26);
	k->transfer_due = q_text_or_null(a, st, 27);
	k->accept_notice_due = q_text_or_null(a, st, 28);
	k->conclude_due = q_text_or_null(a, st, 29);
	k->outcome_notice_due = q_text_or_null(a, st, 30);
	k->next_due = q_text_or_null(a, st, 31);
	k->kind = q_text(a, st, 32);
	k->repeated = store_col_int(st, 33) != 0;
	k->forwarded_due = q_text_or_null(a, st, 34);
}

int store_report_get(struct store *s, struct arena *a, int64_t id, struct report *k)
{
	return q_get_by_id(store_prepare(s, &Q_GET), a, id, fill_report, k);
}

static void bind_pair(struct store_stmt *st, int *i, const char *v)
{
	store_bind_text(st, (*i)++, v ? v : "");
	store_bind_text(st, (*i)++, v ? v : "");
}

static int bind_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct report_filter *rq = filter;
	int i = 1;

	(void)a;
	store_bind_int(st, i++, rq->scope_user);
	store_bind_int(st, i++, rq->scope_user);
	bind_pair(st, &i, rq->state);
	bind_pair(st, &i, rq->channel);
	bind_pair(st, &i, rq->category);
	bind_pair(st, &i, rq->kind);
	store_bind_int(st, i++, rq->unit_id);
	store_bind_int(st, i++, rq->unit_id);
	bind_pair(st, &i, rq->day_from);
	bind_pair(st, &i, rq->day_to);
	if (rq->due_before)
		store_bind_text(st, i++, rq->due_before);
	return i;
}

/* 1 for the overdue variant of Q_LIST and Q_COUNT */
static int overdue_variant(const struct report_filter *f)
{
	return f->due_before != NULL;
}

int store_report_list(struct store *s, struct arena *a, const struct report_filter *f,
		      struct report **out)
{
	return q_list(store_prepare(s, &Q_LIST[overdue_variant(f)]), a, &f->page, f, bind_filters,
		      fill_report, sizeof(**out), out);
}

int64_t store_report_count(struct store *s, const struct report_filter *f)
{
	return q_count(store_prepare(s, &Q_COUNT[overdue_variant(f)]), bind_filters, f);
}

int store_reports_open(struct store *s, struct arena *a, struct report **out)
{
	return q_collect(store_prepare(s, &Q_OPEN), a, fill_report, sizeof(**out), out);
}

int store_reports_due(struct store *s, struct arena *a, int64_t scope_user, const char *before,
		      struct report **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DUE);

	if (st) {
		store_bind_int(st, 1, scope_user);
		store_bind_int(st, 2, scope_user);
		store_bind_text(st, 3, before);
	}
	return q_collect(st, a, fill_report, sizeof(**out), out);
}

int store_report_set_dues(struct store *s, int64_t id, const struct report *k)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_DUES);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->accept_due);
	store_bind_text(st, 2, k->transfer_due);
	store_bind_text(st, 3, k->accept_notice_due);
	store_bind_text(st, 4, k->conclude_due);
	store_bind_text(st, 5, k->outcome_notice_due);
	store_bind_text(st, 6, k->forwarded_due);
	store_bind_text(st, 7, k->next_due);
	store_bind_int(st, 8, id);
	return store_exec(st);
}

int store_report_set_kind(struct store *s, int64_t id, const char *kind, int repeated, const char *category,
			  int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_KIND);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_int(st, 2, repeated);
	store_bind_text(st, 3, category);
	store_bind_int(st, 4, now);
	store_bind_int(st, 5, id);
	return exec_guarded(s, st);
}

int64_t store_report_insert(struct store *s, const struct report *k, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, k->region);
	store_bind_text(st, 2, k->received);
	store_bind_text(st, 3, k->channel);
	store_bind_int(st, 4, k->real_name);
	store_bind_text(st, 5, k->category);
	q_bind_id(st, 6, k->unit_id);
	store_bind_int(st, 7, k->other_level);
	q_bind_id(st, 8, k->created_by);
	store_bind_int(st, 9, now);
	store_bind_int(st, 10, now);
	store_bind_text(st, 11, k->kind);
	store_bind_int(st, 12, k->repeated);
	return q_scalar(st);
}

int store_report_set_secrets(struct store *s, int64_t id, const char *reporter_enc,
			     const char *contact_enc, const char *summary_enc)
{
	struct store_stmt *st = store_prepare(s, &Q_SECRETS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, reporter_enc);
	store_bind_text(st, 2, contact_enc);
	store_bind_text(st, 3, summary_enc);
	store_bind_int(st, 4, id);
	return store_exec(st);
}

int store_report_add_accused(struct store *s, int64_t report_id, int64_t person_id)
{
	struct store_stmt *st = store_prepare(s, &Q_ACCUSED_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, report_id);
	store_bind_int(st, 2, person_id);
	return store_exec(st);
}

int store_report_accused(struct store *s, struct arena *a, int64_t report_id, struct person **out)
{
	return q_list_by_id(store_prepare(s, &Q_ACCUSED), a, report_id, q_fill_subject, sizeof(**out),
			    out);
}

/* 1 when the guarded update changed the row, 0 when the guard refused. */
static int exec_guarded(struct store *s, struct store_stmt *st)
{
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) == 1 ? 1 : 0;
}

int store_report_step(struct store *s, enum report_step step, int64_t id, const char *day,
		      const char *text, int64_t now)
{
	struct store_stmt *st;
	int i = 1;

	if ((unsigned)step >= REPORT_N_STEPS)
		return STORE_ERR;
	st = store_prepare(s, &steps[step].sql);
	if (!st)
		return STORE_ERR;
	store_bind_text(st, i++, day);
	if (steps[step].has_text)
		store_bind_text(st, i++, text ? text : "");
	store_bind_int(st, i++, now);
	store_bind_int(st, i, id);
	return exec_guarded(s, st);
}

int store_report_set_clue(struct store *s, int64_t id, int64_t clue_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_CLUE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, clue_id);
	store_bind_int(st, 2, now);
	store_bind_int(st, 3, id);
	return exec_guarded(s, st);
}
