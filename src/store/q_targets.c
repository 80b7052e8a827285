/*
 * q_targets.c: the target tasks family's statements (store/q_targets.h).
 * A task's state is one CASE in SQL with `today` bound (TASK_STATE), so a
 * list filtered by state and its count agree with domain/target.c's
 * target_state.
 */
#include "store/q_targets.h"

#include <string.h>

#include "core/arena.h"
#include "store/q_listscope.h"
#include "store/q_metrics_sql.h"
#include "store/q_todo.h"
#include "store/q_util.h"
#include "store/store.h"

#define USER_NAME(u) "CASE WHEN " u ".display_name <> '' THEN " u ".display_name ELSE " u ".name END"

/* ---- code tables ---------------------------------------------------------------- */

static const struct store_sql Q_CODES[2] = {
	{ "SELECT code, label, seq FROM target_aspects ORDER BY seq, code", NULL },
	{ "SELECT code, label, seq FROM reminder_kinds ORDER BY seq, code", NULL },
};
static const struct store_sql Q_CODE_PUT[2] = {
	{ "INSERT INTO target_aspects (code, label, seq) VALUES (?, ?, ?) "
	  "ON CONFLICT (code) DO UPDATE SET label = excluded.label, seq = excluded.seq", NULL },
	{ "INSERT INTO reminder_kinds (code, label, seq) VALUES (?, ?, ?) "
	  "ON CONFLICT (code) DO UPDATE SET label = excluded.label, seq = excluded.seq", NULL },
};

static void fill_code(struct arena *a, struct store_stmt *st, void *row)
{
	struct target_code *v = row;

	v->code = q_text(a, st, 0);
	v->label = q_text(a, st, 1);
	v->seq = (int)store_col_int(st, 2);
}

int store_target_codes(struct store *s, struct arena *a, int table, struct target_code **out)
{
	return q_collect(store_prepare(s, &Q_CODES[table ? 1 : 0]), a, fill_code, sizeof(**out), out);
}

int store_target_code_put(struct store *s, int table, const char *code, const char *label, int seq)
{
	struct store_stmt *st = store_prepare(s, &Q_CODE_PUT[table ? 1 : 0]);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, code);
	store_bind_text(st, 2, label);
	store_bind_int(st, 3, seq);
	return store_exec(st);
}

/* ---- ledgers ---------------------------------------------------------------------- */

static const struct store_sql Q_LEDGERS = {
	"SELECT l.id, l.year, l.name, (SELECT count(*) FROM target_tasks t WHERE t.ledger_id = l.id) "
	"FROM target_ledgers l WHERE (? = 0 OR l.year = ?) ORDER BY l.year DESC, l.id", NULL };
static const struct store_sql Q_LEDGER_GET = {
	"SELECT l.id, l.year, l.name, (SELECT count(*) FROM target_tasks t WHERE t.ledger_id = l.id) "
	"FROM target_ledgers l WHERE l.id = ?", NULL };
static const struct store_sql Q_LEDGER_INSERT = {
	"INSERT INTO target_ledgers (year, name) VALUES (?, ?) RETURNING id", NULL };

static void fill_ledger(struct arena *a, struct store_stmt *st, void *row)
{
	struct target_ledger *v = row;

	v->id = store_col_int(st, 0);
	v->year = (int)store_col_int(st, 1);
	v->name = q_text(a, st, 2);
	v->tasks = store_col_int(st, 3);
}

int store_target_ledgers(struct store *s, struct arena *a, int year, struct target_ledger **out)
{
	struct store_stmt *st = store_prepare(s, &Q_LEDGERS);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_int(st, 2, year);
	return q_collect(st, a, fill_ledger, sizeof(**out), out);
}

int store_target_ledger_get(struct store *s, struct arena *a, int64_t id, struct target_ledger *out)
{
	return q_get_by_id(store_prepare(s, &Q_LEDGER_GET), a, id, fill_ledger, out);
}

int64_t store_target_ledger_insert(struct store *s, int year, const char *name)
{
	struct store_stmt *st = store_prepare(s, &Q_LEDGER_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_text(st, 2, name);
	return q_scalar(st);
}

/* ---- tasks ------------------------------------------------------------------------ */

#define TASK_COLS "t.id, t.ledger_id, l.name, l.year, t.aspect, a.label, t.title, t.leader_id, " \
	"COALESCE(" USER_NAME("u") ", ''), t.office, t.deadline, t.started, t.done "
#define TASK_FROM "FROM target_tasks t JOIN target_ledgers l ON l.id = t.ledger_id " \
	"JOIN target_aspects a ON a.code = t.aspect LEFT JOIN users u ON u.id = t.leader_id "
/* 1 未开始, 2 推进中, 3 已完成, 4 逾期; today bound once */
#define TASK_STATE "CASE WHEN t.done IS NOT NULL THEN 3 WHEN t.deadline < ? THEN 4 " \
	"WHEN t.started IS NOT NULL THEN 2 ELSE 1 END"
#define TASK_WHERE "WHERE (? = 0 OR t.ledger_id = ?) AND (? = '' OR t.aspect = ?) AND (? = '' OR t.office = ?) " \
	"AND (? = 0 OR l.year = ?) AND (? = 0 OR ? = " TASK_STATE ") " \
	"AND (? = 0 OR t.leader_id = ? OR (t.office <> '' AND t.office = ?)) " \
	"AND (? = '' OR (t.done IS NULL AND t.deadline <= ?)) "

/* the order read from target_ledgers_year and target_tasks_ledger, nothing
 * sorted (migration 0092; l.id is t.ledger_id by the join) */
static const struct store_sql Q_TASK_LIST = {
	"SELECT " TASK_COLS TASK_FROM TASK_WHERE "ORDER BY l.year DESC, l.id, t.deadline, t.id "
	"LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_TASK_COUNT = {
	Q_CAPPED_COUNT(TASK_FROM TASK_WHERE), NULL };
static const struct store_sql Q_TASK_GET = { "SELECT " TASK_COLS TASK_FROM "WHERE t.id = ?", NULL };
static const struct store_sql Q_TASK_INSERT = {
	"INSERT INTO target_tasks (ledger_id, aspect, title, leader_id, office, deadline, created_by, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_TASK_UPDATE = {
	"UPDATE target_tasks SET ledger_id = ?, aspect = ?, title = ?, leader_id = ?, office = ?, deadline = ? "
	"WHERE id = ?", NULL };
static const struct store_sql Q_TASK_PROGRESS = {
	"UPDATE target_tasks SET started = COALESCE(started, ?), done = COALESCE(done, ?) WHERE id = ?", NULL };

static void fill_task(struct arena *a, struct store_stmt *st, void *row)
{
	struct target_task *v = row;

	v->id = store_col_int(st, 0);
	v->ledger_id = store_col_int(st, 1);
	v->ledger_name = q_text(a, st, 2);
	v->ledger_year = (int)store_col_int(st, 3);
	v->aspect = q_text(a, st, 4);
	v->aspect_label = q_text(a, st, 5);
	v->title = q_text(a, st, 6);
	v->leader_id = store_col_int(st, 7);
	v->leader_name = q_text(a, st, 8);
	v->office = q_text(a, st, 9);
	v->deadline = q_text(a, st, 10);
	v->started = q_text_or_null(a, st, 11);
	v->done = q_text_or_null(a, st, 12);
}

static int bind_task(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct target_filter *f = filter;
	int i = 1;

	(void)a;
	store_bind_int(st, i++, f->ledger);
	store_bind_int(st, i++, f->ledger);
	i = q_bind_text2(st, i, f->aspect);
	i = q_bind_text2(st, i, f->office);
	store_bind_int(st, i++, f->year);
	store_bind_int(st, i++, f->year);
	store_bind_int(st, i++, f->state);
	store_bind_int(st, i++, f->state);
	store_bind_text(st, i++, f->today ? f->today : "");
	store_bind_int(st, i++, f->mine_leader);
	store_bind_int(st, i++, f->mine_leader);
	store_bind_text(st, i++, f->mine_office ? f->mine_office : "");
	return q_bind_text2(st, i, f->due_before);
}

/* every task (q_util.h Q_WHOLE_COUNT: its ledger and aspect the parents of each) */
static const struct store_sql Q_TASK_COUNT_ALL = Q_WHOLE_COUNT("target_tasks");

int64_t store_target_count(struct store *s, const struct target_filter *f)
{
	int whole = filter_unset(&target_filter_spec, f) && !f->year && !f->mine_leader &&
		    !(f->mine_office && *f->mine_office) && !(f->due_before && *f->due_before);

	return q_count_whole(s, whole, &Q_TASK_COUNT_ALL, &Q_TASK_COUNT, bind_task, f);
}

int store_target_list(struct store *s, struct arena *a, const struct target_filter *f,
		      struct target_task **out)
{
	return q_list(store_prepare(s, &Q_TASK_LIST), a, &f->page, f, bind_task, fill_task, sizeof(**out), out);
}

/* ---- the to-do list's tasks (domain/target.c task_todo) ---------------------------- */

/* A user's tasks not done and due on or before a day: those he leads,
 * and those of his office (not '') he does not lead; each arm's first
 * LIMIT ids read from its partial index in due order (0084:
 * target_tasks_leader_due, target_tasks_office_due), of one office when
 * the flag is set; then those tasks' rows, the first LIMIT of both. */
#define TODO_TASK(cols, ARM) "SELECT " cols " FROM target_tasks t WHERE t.done IS NULL AND t.deadline <= ? " \
	"AND " ARM " AND (? = 0 OR t.office = ?)"
#define TODO_LEADS "t.leader_id = ?"
#define TODO_OFFICE "t.office = ? AND t.office <> '' AND (t.leader_id IS NULL OR t.leader_id <> ?)"
#define TODO_TASK_ROW "SELECT " TASK_COLS TASK_FROM "WHERE t.id IN (SELECT a.id FROM (" \
	TODO_TASK("t.id", TODO_LEADS) " ORDER BY t.deadline, t.id LIMIT ?) a UNION ALL SELECT b.id FROM (" \
	TODO_TASK("t.id", TODO_OFFICE) " ORDER BY t.deadline, t.id LIMIT ?) b) "
static const struct store_sql Q_TODO_TASKS = { TODO_TASK_ROW "ORDER BY t.deadline, t.id LIMIT ?", NULL };
/* the same counted per office: due on or before the first day (overdue) */
static const struct store_sql Q_TODO_TASKS_COUNT = {
	"SELECT x.office, SUM(CASE WHEN x.deadline <= ? THEN 1 ELSE 0 END), count(*) FROM ("
	TODO_TASK("t.office, t.deadline", TODO_LEADS) " UNION ALL "
	TODO_TASK("t.office, t.deadline", TODO_OFFICE) ") x GROUP BY x.office", NULL };

/* Binds both arms from i on, each followed by its LIMIT when limit > 0;
 * the next index. */
static int bind_todo_tasks(struct store_stmt *st, int i, const struct store_todo_tasks *f, int limit)
{
	for (int arm = 0; arm < 2; arm++) {
		store_bind_text(st, i++, f->due_by);
		if (arm)
			store_bind_text(st, i++, f->office);
		store_bind_int(st, i++, f->leader);
		store_bind_int(st, i++, f->only != NULL);
		store_bind_text(st, i++, f->only ? f->only : "");
		if (limit > 0)
			store_bind_int(st, i++, limit);
	}
	return i;
}

int store_target_todo(struct store *s, struct arena *a, const struct store_todo_tasks *f, int limit,
		      struct target_task **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TODO_TASKS);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, bind_todo_tasks(st, 1, f, limit), limit);
	return q_collect(st, a, fill_task, sizeof(**out), out);
}

int store_target_todo_count(struct store *s, struct arena *a, const struct store_todo_tasks *f,
			    const char *overdue_by, struct store_due_count **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TODO_TASKS_COUNT);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, overdue_by);
	bind_todo_tasks(st, 2, f, 0);
	return q_collect(st, a, q_fill_due_count, sizeof(**out), out);
}

int store_target_get(struct store *s, struct arena *a, int64_t id, struct target_task *out)
{
	return q_get_by_id(store_prepare(s, &Q_TASK_GET), a, id, fill_task, out);
}

/* the task's fields from ledger to deadline, from index 1; the next index */
static int bind_task_fields(struct store_stmt *st, const struct target_task *t)
{
	store_bind_int(st, 1, t->ledger_id);
	store_bind_text(st, 2, t->aspect);
	store_bind_text(st, 3, t->title);
	q_bind_id(st, 4, t->leader_id);
	store_bind_text(st, 5, t->office ? t->office : "");
	store_bind_text(st, 6, t->deadline);
	return 7;
}

int64_t store_target_insert(struct store *s, const struct target_task *t, int64_t by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_TASK_INSERT);
	int i;

	if (!st)
		return STORE_ERR;
	i = bind_task_fields(st, t);
	q_bind_id(st, i++, by);
	store_bind_int(st, i, now);
	return q_scalar(st);
}

static int changed(struct store *s, struct store_stmt *st)
{
	if (store_exec(st) < 0)
		return STORE_ERR;
	return (int)store_changes(s);
}

int store_target_update(struct store *s, const struct target_task *t)
{
	struct store_stmt *st = store_prepare(s, &Q_TASK_UPDATE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, bind_task_fields(st, t), t->id);
	return changed(s, st);
}

int store_target_progress(struct store *s, int64_t task_id, const char *day, const char *done_day)
{
	struct store_stmt *st = store_prepare(s, &Q_TASK_PROGRESS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, day);
	store_bind_text(st, 2, done_day);
	store_bind_int(st, 3, task_id);
	return changed(s, st);
}

/* ---- notes -------------------------------------------------------------------------- */

static const struct store_sql Q_NOTE_INSERT = {
	"INSERT INTO target_notes (task_id, day, user_id, text, at) VALUES (?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_NOTES = {
	"SELECT n.id, n.task_id, n.day, COALESCE(" USER_NAME("u") ", ''), n.text, n.at FROM target_notes n "
	"LEFT JOIN users u ON u.id = n.user_id WHERE n.task_id = ? ORDER BY n.day, n.id", NULL };

int64_t store_target_note_insert(struct store *s, int64_t task_id, const char *day, int64_t user_id,
				 const char *text, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_NOTE_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, task_id);
	store_bind_text(st, 2, day);
	q_bind_id(st, 3, user_id);
	store_bind_text(st, 4, text);
	store_bind_int(st, 5, now);
	return q_scalar(st);
}

static void fill_note(struct arena *a, struct store_stmt *st, void *row)
{
	struct target_note *v = row;

	v->id = store_col_int(st, 0);
	v->task_id = store_col_int(st, 1);
	v->day = q_text(a, st, 2);
	v->user_name = q_text(a, st, 3);
	v->text = q_text(a, st, 4);
	v->at = store_col_int(st, 5);
}

int store_target_notes(struct store *s, struct arena *a, int64_t task_id, struct target_note **out)
{
	return q_list_by_id(store_prepare(s, &Q_NOTES), a, task_id, fill_note, sizeof(**out), out);
}

/* ---- users ---------------------------------------------------------------------------- */

static const struct store_sql Q_OFFICE_USERS = {
	"SELECT id FROM users WHERE office = ? AND office <> '' AND disabled = 0 ORDER BY id", NULL };
static const struct store_sql Q_USER_ACTIVE = {
	"SELECT count(*) FROM users WHERE id = ? AND disabled = 0", NULL };

static void fill_id(struct arena *a, struct store_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = store_col_int(st, 0);
}

int store_office_users(struct store *s, struct arena *a, const char *office, int64_t **out)
{
	struct store_stmt *st = store_prepare(s, &Q_OFFICE_USERS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, office);
	return q_collect(st, a, fill_id, sizeof(**out), out);
}

int store_target_user_active(struct store *s, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_USER_ACTIVE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	return (int)q_scalar(st);
}

/* ---- reminders ------------------------------------------------------------------------- */

/* the reader's ack as the last column: -1 not a recipient, 0 not yet */
#define REMINDER_COLS "m.id, m.kind, k.label, m.year, m.seq, m.number, m.title, m.body, m.issued, " \
	"COALESCE(" USER_NAME("u") ", ''), " \
	"(SELECT count(*) FROM reminder_recipients r WHERE r.reminder_id = m.id), " \
	"(SELECT count(*) FROM reminder_recipients r WHERE r.reminder_id = m.id AND r.acked_at IS NOT NULL), " \
	"COALESCE((SELECT COALESCE(r.acked_at, 0) FROM reminder_recipients r " \
	"WHERE r.reminder_id = m.id AND r.user_id = ?), -1) "
#define REMINDER_FROM "FROM reminders m JOIN reminder_kinds k ON k.code = m.kind " \
	"LEFT JOIN users u ON u.id = m.issued_by "
#define REMINDER_WHERE "WHERE (? = '' OR m.kind = ?) AND (? = 0 OR m.year = ?) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM reminder_recipients r WHERE r.reminder_id = m.id " \
	"AND r.user_id = ? AND (? = 0 OR r.acked_at IS NULL))) "

static const struct store_sql Q_REMINDER_INSERT = {
	"INSERT INTO reminders (kind, year, seq, number, title, body, issued, issued_by) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_REMINDER_TASK = {
	"INSERT INTO reminder_tasks (reminder_id, task_id) VALUES (?, ?) ON CONFLICT DO NOTHING", NULL };
static const struct store_sql Q_REMINDER_TO = {
	"INSERT INTO reminder_recipients (reminder_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", NULL };
static const struct store_sql Q_REMINDER_GET = {
	"SELECT " REMINDER_COLS REMINDER_FROM "WHERE m.id = ?", NULL };
static const struct store_sql Q_REMINDER_LIST = {
	"SELECT " REMINDER_COLS REMINDER_FROM REMINDER_WHERE
	"ORDER BY m.issued DESC, m.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_REMINDER_COUNT = {
	Q_CAPPED_COUNT(REMINDER_FROM REMINDER_WHERE), NULL };
static const struct store_sql Q_REMINDER_RECIPIENTS = {
	"SELECT r.user_id, u.name, u.display_name, u.office, COALESCE(r.acked_at, 0) FROM reminder_recipients r "
	"JOIN users u ON u.id = r.user_id WHERE r.reminder_id = ? ORDER BY u.office, u.name", NULL };
static const struct store_sql Q_REMINDER_TASKS = {
	"SELECT " TASK_COLS TASK_FROM "JOIN reminder_tasks x ON x.task_id = t.id WHERE x.reminder_id = ? "
	"ORDER BY t.deadline, t.id", NULL };
static const struct store_sql Q_REMINDER_ACK = {
	"UPDATE reminder_recipients SET acked_at = ? WHERE reminder_id = ? AND user_id = ? AND acked_at IS NULL",
	NULL };

int64_t store_reminder_insert(struct store *s, const struct reminder *v, int64_t by)
{
	struct store_stmt *st = store_prepare(s, &Q_REMINDER_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, v->kind);
	store_bind_int(st, 2, v->year);
	store_bind_int(st, 3, v->seq);
	store_bind_text(st, 4, v->number);
	store_bind_text(st, 5, v->title);
	store_bind_text(st, 6, v->body);
	store_bind_text(st, 7, v->issued);
	q_bind_id(st, 8, by);
	return q_scalar(st);
}

static int pair(struct store *s, const struct store_sql *q, int64_t a, int64_t b)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, a);
	store_bind_int(st, 2, b);
	return store_exec(st);
}

int store_reminder_task_add(struct store *s, int64_t reminder_id, int64_t task_id)
{
	return pair(s, &Q_REMINDER_TASK, reminder_id, task_id);
}

int store_reminder_recipient_add(struct store *s, int64_t reminder_id, int64_t user_id)
{
	return pair(s, &Q_REMINDER_TO, reminder_id, user_id);
}

static const struct store_sql Q_REMINDER_TO_COUNT = {
	"SELECT count(*) FROM reminder_recipients WHERE reminder_id = ?", NULL };
static const struct store_sql Q_KIND_PATTERN = {
	"INSERT INTO number_patterns (kind, effective_from, pattern, source) "
	"VALUES ('reminder_' || CAST(? AS TEXT), '2000-01-01', '〔{year}〕第{n}期', '本委编号规则（工作提示按类别、年度编期）') "
	"ON CONFLICT DO NOTHING", NULL };

int64_t store_reminder_recipient_count(struct store *s, int64_t reminder_id)
{
	struct store_stmt *st = store_prepare(s, &Q_REMINDER_TO_COUNT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, reminder_id);
	return q_scalar(st);
}

int store_reminder_kind_pattern(struct store *s, const char *code)
{
	struct store_stmt *st = store_prepare(s, &Q_KIND_PATTERN);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, code);
	return store_exec(st);
}

static void fill_reminder(struct arena *a, struct store_stmt *st, void *row)
{
	struct reminder *v = row;

	v->id = store_col_int(st, 0);
	v->kind = q_text(a, st, 1);
	v->kind_label = q_text(a, st, 2);
	v->year = (int)store_col_int(st, 3);
	v->seq = store_col_int(st, 4);
	v->number = q_text(a, st, 5);
	v->title = q_text(a, st, 6);
	v->body = q_text(a, st, 7);
	v->issued = q_text(a, st, 8);
	v->issuer_name = q_text(a, st, 9);
	v->recipients = store_col_int(st, 10);
	v->acked = store_col_int(st, 11);
	v->acked_at = store_col_int(st, 12);
}

int store_reminder_get(struct store *s, struct arena *a, int64_t id, int64_t reader, struct reminder *out)
{
	struct store_stmt *st = store_prepare(s, &Q_REMINDER_GET);
	struct reminder *v;
	int n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, reader);
	store_bind_int(st, 2, id);
	n = q_collect(st, a, fill_reminder, sizeof(*v), &v);
	if (n > 0)
		*out = v[0];
	return n < 0 ? n : n > 0;
}

/* the reader first (the ack column), then the filters */
struct reminder_bind {
	const struct reminder_filter *f;
	int64_t reader;
};

static int bind_reminder(struct store_stmt *st, struct arena *a, const void *arg)
{
	const struct reminder_bind *b = arg;
	int i = 1;

	(void)a;
	if (b->reader >= 0)
		store_bind_int(st, i++, b->reader);
	i = q_bind_text2(st, i, b->f->kind);
	store_bind_int(st, i++, b->f->year);
	store_bind_int(st, i++, b->f->year);
	store_bind_int(st, i++, b->f->mine);
	store_bind_int(st, i++, b->f->mine);
	store_bind_int(st, i++, b->f->unacked);
	return i;
}

int64_t store_reminder_count(struct store *s, const struct reminder_filter *f)
{
	struct reminder_bind b = { f, -1 };

	return q_count(store_prepare(s, &Q_REMINDER_COUNT), bind_reminder, &b);
}

int store_reminder_list(struct store *s, struct arena *a, const struct reminder_filter *f, int64_t reader,
			struct reminder **out)
{
	struct reminder_bind b = { f, reader < 0 ? 0 : reader };

	return q_list(store_prepare(s, &Q_REMINDER_LIST), a, &f->page, &b, bind_reminder, fill_reminder,
		      sizeof(**out), out);
}

static void fill_recipient(struct arena *a, struct store_stmt *st, void *row)
{
	struct reminder_recipient *v = row;

	v->user_id = store_col_int(st, 0);
	v->name = q_text(a, st, 1);
	v->display = q_text(a, st, 2);
	v->office = q_text(a, st, 3);
	v->acked_at = store_col_int(st, 4);
}

int store_reminder_recipients(struct store *s, struct arena *a, int64_t id, struct reminder_recipient **out)
{
	return q_list_by_id(store_prepare(s, &Q_REMINDER_RECIPIENTS), a, id, fill_recipient, sizeof(**out), out);
}

int store_reminder_tasks(struct store *s, struct arena *a, int64_t id, struct target_task **out)
{
	return q_list_by_id(store_prepare(s, &Q_REMINDER_TASKS), a, id, fill_task, sizeof(**out), out);
}

int store_reminder_ack(struct store *s, int64_t id, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_REMINDER_ACK);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, now);
	store_bind_int(st, 2, id);
	store_bind_int(st, 3, user_id);
	return changed(s, st);
}

/* ---- scoring ---------------------------------------------------------------------------- */

#define PERIOD_COLS "p.id, p.year, p.quarter, COALESCE(p.published_at, 0), COALESCE(" USER_NAME("u") ", '') " \
	"FROM score_periods p LEFT JOIN users u ON u.id = p.published_by "
static const struct store_sql Q_PERIOD_GET = {
	"SELECT " PERIOD_COLS "WHERE p.year = ? AND p.quarter = ?", NULL };
static const struct store_sql Q_PERIODS = {
	"SELECT " PERIOD_COLS "WHERE (? = 0 OR p.year = ?) ORDER BY p.year DESC, "
	"CASE WHEN p.quarter = 0 THEN 5 ELSE p.quarter END DESC", NULL };
static const struct store_sql Q_PERIOD_INSERT = {
	"INSERT INTO score_periods (year, quarter) VALUES (?, ?) RETURNING id", NULL };
static const struct store_sql Q_PUBLISH = {
	"UPDATE score_periods SET published_at = ?, published_by = ? WHERE id = ? AND published_at IS NULL", NULL };
static const struct store_sql Q_CRITERIA = {
	"SELECT id, period_id, name, max_tenths, seq FROM score_criteria WHERE period_id = ? ORDER BY seq, id", NULL };
static const struct store_sql Q_CRITERION_GET = {
	"SELECT id, period_id, name, max_tenths, seq FROM score_criteria WHERE id = ?", NULL };
static const struct store_sql Q_CRITERION_INSERT = {
	"INSERT INTO score_criteria (period_id, name, max_tenths, seq) VALUES (?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_SCORE_PUT = {
	"INSERT INTO scores (criterion_id, subject, tenths) VALUES (?, ?, ?) "
	"ON CONFLICT (criterion_id, subject) DO UPDATE SET tenths = excluded.tenths", NULL };
static const struct store_sql Q_SCORE_DEL = {
	"DELETE FROM scores WHERE criterion_id = ? AND subject = ?", NULL };
static const struct store_sql Q_SCORES = {
	"SELECT s.criterion_id, s.subject, s.tenths FROM scores s JOIN score_criteria c ON c.id = s.criterion_id "
	"WHERE c.period_id = ? ORDER BY s.subject, c.seq, c.id", NULL };
static const struct store_sql Q_TOWNSHIPS = {
	"SELECT id, name FROM units WHERE kind = 'township' ORDER BY name, id", NULL };

static void fill_period(struct arena *a, struct store_stmt *st, void *row)
{
	struct score_period *v = row;

	v->id = store_col_int(st, 0);
	v->year = (int)store_col_int(st, 1);
	v->quarter = (int)store_col_int(st, 2);
	v->published_at = store_col_int(st, 3);
	v->publisher_name = q_text(a, st, 4);
}

int store_score_period_get(struct store *s, struct arena *a, int year, int quarter, struct score_period *out)
{
	struct store_stmt *st = store_prepare(s, &Q_PERIOD_GET);
	struct score_period *v;
	int n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_int(st, 2, quarter);
	n = q_collect(st, a, fill_period, sizeof(*v), &v);
	if (n > 0)
		*out = v[0];
	return n < 0 ? n : n > 0;
}

int64_t store_score_period_insert(struct store *s, int year, int quarter)
{
	struct store_stmt *st = store_prepare(s, &Q_PERIOD_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_int(st, 2, quarter);
	return q_scalar(st);
}

int store_score_periods(struct store *s, struct arena *a, int year, struct score_period **out)
{
	struct store_stmt *st = store_prepare(s, &Q_PERIODS);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, year);
	store_bind_int(st, 2, year);
	return q_collect(st, a, fill_period, sizeof(**out), out);
}

int store_score_publish(struct store *s, int64_t period_id, int64_t by, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_PUBLISH);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, now);
	q_bind_id(st, 2, by);
	store_bind_int(st, 3, period_id);
	return changed(s, st);
}

static void fill_criterion(struct arena *a, struct store_stmt *st, void *row)
{
	struct score_criterion *v = row;

	v->id = store_col_int(st, 0);
	v->period_id = store_col_int(st, 1);
	v->name = q_text(a, st, 2);
	v->max_tenths = (int)store_col_int(st, 3);
	v->seq = (int)store_col_int(st, 4);
}

int store_score_criteria(struct store *s, struct arena *a, int64_t period_id, struct score_criterion **out)
{
	return q_list_by_id(store_prepare(s, &Q_CRITERIA), a, period_id, fill_criterion, sizeof(**out), out);
}

int store_score_criterion_get(struct store *s, struct arena *a, int64_t id, struct score_criterion *out)
{
	return q_get_by_id(store_prepare(s, &Q_CRITERION_GET), a, id, fill_criterion, out);
}

int64_t store_score_criterion_insert(struct store *s, int64_t period_id, const char *name, int max_tenths,
				     int seq)
{
	struct store_stmt *st = store_prepare(s, &Q_CRITERION_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, period_id);
	store_bind_text(st, 2, name);
	store_bind_int(st, 3, max_tenths);
	store_bind_int(st, 4, seq);
	return q_scalar(st);
}

int store_score_put(struct store *s, int64_t criterion_id, const char *subject, int tenths)
{
	struct store_stmt *st = store_prepare(s, tenths < 0 ? &Q_SCORE_DEL : &Q_SCORE_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, criterion_id);
	store_bind_text(st, 2, subject);
	if (tenths >= 0)
		store_bind_int(st, 3, tenths);
	return store_exec(st);
}

static void fill_entry(struct arena *a, struct store_stmt *st, void *row)
{
	struct score_entry *v = row;

	v->criterion_id = store_col_int(st, 0);
	v->subject = q_text(a, st, 1);
	v->tenths = (int)store_col_int(st, 2);
}

int store_score_entries(struct store *s, struct arena *a, int64_t period_id, struct score_entry **out)
{
	return q_list_by_id(store_prepare(s, &Q_SCORES), a, period_id, fill_entry, sizeof(**out), out);
}

struct unit_pair {
	int64_t id;
	const char *name;
};

static void fill_pair(struct arena *a, struct store_stmt *st, void *row)
{
	struct unit_pair *v = row;

	v->id = store_col_int(st, 0);
	v->name = q_text(a, st, 1);
}

int store_township_units(struct store *s, struct arena *a, int64_t **ids, const char ***names)
{
	struct unit_pair *v;
	int n = q_collect(store_prepare(s, &Q_TOWNSHIPS), a, fill_pair, sizeof(*v), &v);

	if (n < 0)
		return n;
	*ids = arena_alloc(a, sizeof(**ids) * (size_t)(n + 1));
	*names = arena_alloc(a, sizeof(**names) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		(*ids)[i] = v[i].id;
		(*names)[i] = v[i].name;
	}
	return n;
}

/* ---- the staff a task or reminder may name ------------------------------------------------ */

static const struct store_sql Q_STAFF = {
	"SELECT id, " USER_NAME("users") ", office FROM users WHERE disabled = 0 "
	"AND role NOT IN ('sysadmin', 'secadmin', 'auditadmin', 'rectifier') "      /* the commission's staff */
	"ORDER BY CASE WHEN role = 'leader' THEN 0 ELSE 1 END, office, name LIMIT 500", NULL };

static void fill_staff(struct arena *a, struct store_stmt *st, void *row)
{
	struct target_code *v = row;
	const char *office = store_col_text(st, 2);

	v->code = arena_printf(a, "%lld", (long long)store_col_int(st, 0));
	v->label = *office ? arena_printf(a, "%s（%s）", store_col_text(st, 1), office) : q_text(a, st, 1);
	v->seq = 0;
}

int store_target_staff(struct store *s, struct arena *a, struct target_code **out)
{
	return q_collect(store_prepare(s, &Q_STAFF), a, fill_staff, sizeof(**out), out);
}

/* ---- statistics (no scope: the commission's own work) ---------------------------------------------- */

static const struct store_sql Q_M_TASKS = {
	"SELECT count(*) FROM target_tasks WHERE deadline >= ? AND deadline <= ?", NULL };
static const struct store_sql Q_M_LEDGERS = {
	"SELECT count(*) FROM target_ledgers WHERE year >= CAST(substr(?, 1, 4) AS INTEGER) "
	"AND year <= CAST(substr(?, 1, 4) AS INTEGER)", NULL };
#define M_REMINDERS(COLS, COND) "SELECT " COLS " FROM reminders WHERE issued >= ? AND issued <= ? " COND
static const struct store_sql Q_M_REMINDERS = { M_REMINDERS("count(*)", "AND kind = ?"), NULL };
/* the kinds the statistics name (docs/statistics.md) in one row
 * (PostgreSQL, in a batch: q_metric_grouped), in the order of
 * reminder_kinds[]: each the count of its rows */
static const char *const reminder_kinds[] = { "standing", "recent" };
#define R_COUNT(KIND) "count(CASE WHEN kind = '" KIND "' THEN 1 END)"
static const struct store_sql Q_M_REMINDER_KINDS = {
	M_REMINDERS(R_COUNT("standing") ", " R_COUNT("recent"), ""), NULL };
static const struct q_metric_group G_REMINDERS = { &Q_M_REMINDER_KINDS, 0,
	(int)(sizeof(reminder_kinds) / sizeof(reminder_kinds[0])), 0 };


int store_metric_target_tasks(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
			      int64_t *out)
{
	(void)sc;
	return q_metric_between(db, &Q_M_TASKS, p, NULL, out);
}

int store_metric_target_ledgers(struct store *db, const struct metric_period *p,
				const struct metric_scope *sc, int64_t *out)
{
	(void)sc;
	return q_metric_between(db, &Q_M_LEDGERS, p, NULL, out);
}

int store_metric_reminders(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
			   const char *kind, int64_t *out)
{
	static const struct metric_scope none;
	int rc;

	(void)sc;       /* the commission's own work: no member (q_metric_between) */
	if ((rc = q_metric_grouped_named(db, &G_REMINDERS, reminder_kinds, kind, p, &none, out)) != 0)
		return rc < 0 ? rc : 0;
	return q_metric_between(db, &Q_M_REMINDERS, p, kind, out);
}
