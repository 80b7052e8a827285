/*
 * q_talks.c: the statements of personal matter reports, talks and their
 * kinds (q_talks.h).  One WHERE per list for the list and its count,
 * composed from q_scope.h (jurisdiction) and q_listscope.h (within).  A
 * report's due day and lateness are the domain's (the calendar), never
 * stored.  A talk's figures count persons (人次), not rows.
 */
#include "store/q_talks.h"

#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* ---- kinds -------------------------------------------------------------------- */

static const struct store_sql Q_KINDS = {
	"SELECT family, code, label, builtin FROM supervision_kinds WHERE family = ? ORDER BY ord, code", NULL };
static const struct store_sql Q_KIND_ADD = {
	"INSERT INTO supervision_kinds (family, code, label, ord, builtin, created_by, created_at) "
	"SELECT ?, ?, ?, 100, 0, ?, ? WHERE NOT EXISTS "
	"(SELECT 1 FROM supervision_kinds WHERE family = ? AND code = ?)", NULL };

static void fill_kind(struct arena *a, struct store_stmt *st, void *row)
{
	struct sup_kind *k = row;

	k->family = q_text(a, st, 0);
	k->code = q_text(a, st, 1);
	k->label = q_text(a, st, 2);
	k->builtin = (int)store_col_int(st, 3);
}

int store_sup_kinds(struct store *s, struct arena *a, const char *family, struct sup_kind **out)
{
	struct store_stmt *st = store_prepare(s, &Q_KINDS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, family);
	return q_collect(st, a, fill_kind, sizeof(**out), out);
}

int store_sup_kind_add(struct store *s, const char *family, const char *code, const char *label,
		       int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_KIND_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, family);
	store_bind_text(st, 2, code);
	store_bind_text(st, 3, label);
	q_bind_id(st, 4, user_id);
	store_bind_int(st, 5, now);
	store_bind_text(st, 6, family);
	store_bind_text(st, 7, code);
	return q_changed(s, st);
}

static void bind_opt_text(struct store_stmt *st, int i, const char *v)
{
	if (v && *v)
		store_bind_text(st, i, v);
	else
		store_bind_null(st, i);
}

/* ---- personal matter reports ------------------------------------------------- */

#define R_COLS "m.id, m.person_id, p.name, m.unit_id, u.name, m.kind, m.event_day, m.reported, m.guests, " \
	"m.tables_n, m.public_funds, m.public_vehicles, m.note, m.state, m.checked_on, m.ext_id, m.extra "
#define R_FROM "FROM matter_reports m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "

static void fill_report(struct arena *a, struct store_stmt *st, void *row)
{
	struct matter_report *m = row;

	m->id = store_col_int(st, 0);
	m->person_id = store_col_int(st, 1);
	m->person_name = q_text(a, st, 2);
	m->unit_id = store_col_int(st, 3);
	m->unit_name = q_text(a, st, 4);
	m->kind = q_text(a, st, 5);
	m->event_day = q_text(a, st, 6);
	m->reported = q_text(a, st, 7);
	m->guests = store_col_int(st, 8);
	m->tables = store_col_int(st, 9);
	m->public_funds = (int)store_col_int(st, 10);
	m->public_vehicles = (int)store_col_int(st, 11);
	m->note = q_text(a, st, 12);
	m->state = q_text(a, st, 13);
	m->checked_on = q_text_or_null(a, st, 14);
	m->ext_id = q_text_or_null(a, st, 15);
	m->extra = q_text_or_null(a, st, 16);
}

/* kind, event_day, reported, guests, tables_n, public_funds, public_vehicles,
 * note from parameter i on (eight) */
static void bind_report_fields(struct store_stmt *st, int i, const struct matter_report *m)
{
	store_bind_text(st, i, m->kind);
	store_bind_text(st, i + 1, m->event_day);
	store_bind_text(st, i + 2, m->reported);
	store_bind_int(st, i + 3, m->guests);
	store_bind_int(st, i + 4, m->tables);
	store_bind_int(st, i + 5, m->public_funds != 0);
	store_bind_int(st, i + 6, m->public_vehicles != 0);
	store_bind_text(st, i + 7, m->note ? m->note : "");
}

static const struct store_sql Q_R_INSERT = {
	"INSERT INTO matter_reports (person_id, unit_id, kind, event_day, reported, guests, tables_n, public_funds, "
	"public_vehicles, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	NULL };

int64_t store_matter_report_insert(struct store *s, const struct matter_report *m, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_R_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, m->person_id);
	store_bind_int(st, 2, m->unit_id);
	bind_report_fields(st, 3, m);
	q_bind_id(st, 11, user_id);
	store_bind_int(st, 12, now);
	return q_scalar(st);
}

static const struct store_sql Q_R_GET = {
	Q_SCOPE_WITH "SELECT " R_COLS R_FROM "WHERE m.id = ? AND " Q_IN_SCOPE("m.unit_id"), NULL };

int store_matter_report_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user,
			    struct matter_report *out)
{
	return q_get_scoped(store_prepare(s, &Q_R_GET), a, id, scope_user, fill_report, out);
}

static const struct store_sql Q_R_CHECK = {
	"UPDATE matter_reports SET state = ?, checked_by = ?, checked_on = ? WHERE id = ? AND state = 'received'",
	NULL };

int store_matter_report_check(struct store *s, int64_t id, const char *state, int64_t user_id, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_R_CHECK);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, state);
	q_bind_id(st, 2, user_id);
	store_bind_text(st, 3, day);
	store_bind_int(st, 4, id);
	return q_changed(s, st);
}

static const struct store_sql Q_R_UPDATE = {
	"UPDATE matter_reports SET kind = ?, event_day = ?, reported = ?, guests = ?, tables_n = ?, public_funds = ?, "
	"public_vehicles = ?, note = ? WHERE id = ?", NULL };

int store_matter_report_update(struct store *s, const struct matter_report *m)
{
	struct store_stmt *st = store_prepare(s, &Q_R_UPDATE);

	if (!st)
		return STORE_ERR;
	bind_report_fields(st, 1, m);
	store_bind_int(st, 9, m->id);
	return q_changed(s, st);
}

static const char *const report_states[] = { "", "received", "checked", "concern" };

/* parameters: scope, within x2, person x2, kind x2, state x2, reported x4 */
#define R_WHERE "WHERE " Q_IN_SCOPE("m.unit_id") " AND " QL_WITHIN("m.unit_id") \
	"AND (? = 0 OR m.person_id = ?) AND (? = '' OR m.kind = ?) AND (? = '' OR m.state = ?) " \
	"AND (? = '' OR m.reported >= ?) AND (? = '' OR m.reported <= ?) "
static const struct store_sql Q_R_LIST = {
	Q_SCOPE_WITH "SELECT " R_COLS R_FROM R_WHERE "ORDER BY m.reported DESC, m.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_R_COUNT = { Q_SCOPE_WITH Q_CAPPED_COUNT(R_FROM R_WHERE), NULL };

static int bind_report_where(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct matter_report_filter *f = filter;
	int state = f->state > 0 && f->state <= 3 ? f->state : 0, i = 1;

	(void)a;
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_within(st, i, f->within);
	store_bind_int(st, i++, f->person_id);
	store_bind_int(st, i++, f->person_id);
	i = q_bind_text2(st, i, f->kind);
	i = q_bind_text2(st, i, report_states[state]);
	i = q_bind_text2(st, i, f->reported_from);
	return q_bind_text2(st, i, f->reported_to);
}

int64_t store_matter_report_count(struct store *s, const struct matter_report_filter *f)
{
	return q_count(store_prepare(s, &Q_R_COUNT), bind_report_where, f);
}

int store_matter_report_list(struct store *s, struct arena *a, const struct matter_report_filter *f,
			     struct matter_report **out)
{
	return q_list(store_prepare(s, &Q_R_LIST), a, &f->page, f, bind_report_where, fill_report, sizeof(**out),
		      out);
}

static const struct store_sql Q_R_UNCHECKED = {
	Q_SCOPE_WITH "SELECT " R_COLS R_FROM "WHERE " Q_IN_SCOPE("m.unit_id") " AND m.state = 'received' "
	"ORDER BY m.reported, m.id LIMIT ?", NULL };

int store_matter_reports_unchecked(struct store *s, struct arena *a, int64_t scope_user, int limit,
				   struct matter_report **out)
{
	struct store_stmt *st = store_prepare(s, &Q_R_UNCHECKED);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, scope_user);
	store_bind_int(st, 3, limit);
	return q_collect(st, a, fill_report, sizeof(**out), out);
}

static const struct store_sql Q_R_OF_PERSON = {
	"SELECT " R_COLS R_FROM "WHERE m.person_id = ? ORDER BY m.event_day, m.id", NULL };

int store_matter_reports_of_person(struct store *s, struct arena *a, int64_t person_id,
				   struct matter_report **out)
{
	return q_list_by_id(store_prepare(s, &Q_R_OF_PERSON), a, person_id, fill_report, sizeof(**out), out);
}

/* ---- talks ---------------------------------------------------------------------- */

#define T_COLS "t.id, t.kind, t.day, COALESCE(t.person_id, 0), COALESCE(p.name, ''), t.unit_id, u.name, " \
	"t.persons, t.unit_led, COALESCE(t.talker_id, 0), " \
	"COALESCE(NULLIF(tu.display_name, ''), tu.name, t.talker_name), t.note_enc, " \
	"COALESCE((SELECT o.id FROM outcomes o WHERE o.supervision_id = t.id), 0), t.ext_id, t.extra "
#define T_FROM "FROM talks t JOIN units u ON u.id = t.unit_id LEFT JOIN persons p ON p.id = t.person_id " \
	"LEFT JOIN users tu ON tu.id = t.talker_id "

static void fill_talk(struct arena *a, struct store_stmt *st, void *row)
{
	struct talk *t = row;

	t->id = store_col_int(st, 0);
	t->kind = q_text(a, st, 1);
	t->day = q_text(a, st, 2);
	t->person_id = store_col_int(st, 3);
	t->person_name = q_text(a, st, 4);
	t->unit_id = store_col_int(st, 5);
	t->unit_name = q_text(a, st, 6);
	t->persons = store_col_int(st, 7);
	t->unit_led = (int)store_col_int(st, 8);
	t->talker_id = store_col_int(st, 9);
	t->talker_name = q_text(a, st, 10);
	t->note_enc = q_text_or_null(a, st, 11);
	t->note = "";
	t->outcome_id = store_col_int(st, 12);
	t->ext_id = q_text_or_null(a, st, 13);
	t->extra = q_text_or_null(a, st, 14);
}

static const struct store_sql Q_T_INSERT = {
	"INSERT INTO talks (kind, day, person_id, unit_id, persons, unit_led, talker_id, talker_name, created_by, "
	"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_T_NOTE = { "UPDATE talks SET note_enc = ? WHERE id = ?", NULL };

/* kind, day, person_id, unit_id, persons, unit_led, talker_id, talker_name
 * as parameters 1 to 8 (the talker's name kept only without an account) */
static void bind_talk_fields(struct store_stmt *st, const struct talk *t)
{
	store_bind_text(st, 1, t->kind);
	store_bind_text(st, 2, t->day);
	q_bind_id(st, 3, t->person_id);
	store_bind_int(st, 4, t->unit_id);
	store_bind_int(st, 5, t->persons > 0 ? t->persons : 1);
	store_bind_int(st, 6, t->unit_led != 0);
	q_bind_id(st, 7, t->talker_id);
	store_bind_text(st, 8, t->talker_id ? "" : t->talker_name ? t->talker_name : "");
}

int64_t store_talk_insert(struct store *s, const struct talk *t, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_T_INSERT);

	if (!st)
		return STORE_ERR;
	bind_talk_fields(st, t);
	q_bind_id(st, 9, user_id);
	store_bind_int(st, 10, now);
	return q_scalar(st);
}

int store_talk_set_note(struct store *s, int64_t id, const char *note_enc)
{
	struct store_stmt *st = store_prepare(s, &Q_T_NOTE);

	if (!st)
		return STORE_ERR;
	bind_opt_text(st, 1, note_enc);
	store_bind_int(st, 2, id);
	return q_changed(s, st);
}

/* a correction (talk_edit): every field but the note, only while the talk
 * still has the number of outcomes the domain saw (0 or 1) */
static const struct store_sql Q_T_UPDATE = {
	"UPDATE talks SET kind = ?, day = ?, person_id = ?, unit_id = ?, persons = ?, unit_led = ?, talker_id = ?, "
	"talker_name = ? WHERE id = ? AND (SELECT count(*) FROM outcomes o WHERE o.supervision_id = talks.id) = ?",
	NULL };

int store_talk_update(struct store *s, const struct talk *t, int outcomes)
{
	struct store_stmt *st = store_prepare(s, &Q_T_UPDATE);

	if (!st)
		return STORE_ERR;
	bind_talk_fields(st, t);
	store_bind_int(st, 9, t->id);
	store_bind_int(st, 10, outcomes);
	return q_changed(s, st);
}

static const struct store_sql Q_T_GET = {
	Q_SCOPE_WITH "SELECT " T_COLS T_FROM "WHERE t.id = ? AND " Q_IN_SCOPE("t.unit_id"), NULL };

int store_talk_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, struct talk *out)
{
	return q_get_scoped(store_prepare(s, &Q_T_GET), a, id, scope_user, fill_talk, out);
}

/* parameters: scope, within x2, person x2, kind x2, unit_led, day x4 */
#define T_WHERE "WHERE " Q_IN_SCOPE("t.unit_id") " AND " QL_WITHIN("t.unit_id") \
	"AND (? = 0 OR t.person_id = ?) AND (? = '' OR t.kind = ?) AND (? = 0 OR t.unit_led = 1) " \
	"AND (? = '' OR t.day >= ?) AND (? = '' OR t.day <= ?) "
static const struct store_sql Q_T_LIST = {
	Q_SCOPE_WITH "SELECT " T_COLS T_FROM T_WHERE "ORDER BY t.day DESC, t.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_T_COUNT = { Q_SCOPE_WITH Q_CAPPED_COUNT(T_FROM T_WHERE), NULL };

static int bind_talk_where(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct talk_filter *f = filter;
	int i = 1;

	(void)a;
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_within(st, i, f->within);
	store_bind_int(st, i++, f->person_id);
	store_bind_int(st, i++, f->person_id);
	i = q_bind_text2(st, i, f->kind);
	store_bind_int(st, i++, f->unit_led != 0);
	i = q_bind_text2(st, i, f->day_from);
	return q_bind_text2(st, i, f->day_to);
}

int64_t store_talk_count(struct store *s, const struct talk_filter *f)
{
	return q_count(store_prepare(s, &Q_T_COUNT), bind_talk_where, f);
}

int store_talk_list(struct store *s, struct arena *a, const struct talk_filter *f, struct talk **out)
{
	return q_list(store_prepare(s, &Q_T_LIST), a, &f->page, f, bind_talk_where, fill_talk, sizeof(**out), out);
}

static const struct store_sql Q_T_OF_PERSON = {
	"SELECT " T_COLS T_FROM "WHERE t.person_id = ? ORDER BY t.day, t.id", NULL };

int store_talks_of_person(struct store *s, struct arena *a, int64_t person_id, struct talk **out)
{
	return q_list_by_id(store_prepare(s, &Q_T_OF_PERSON), a, person_id, fill_talk, sizeof(**out), out);
}

/* ---- statistics ----------------------------------------------------------------- */

/* 人次: the persons of the talks in the period (one per named talk) */
#define T_FROM_PERIOD "FROM talks t " M_PERIOD("t.day") M_UNIT("t.unit_id")
#define T_M(COND) { M_WITH "SELECT COALESCE(sum(t.persons), 0) " T_FROM_PERIOD COND, NULL }
#define T_PRE "t.kind = 'pre_appointment'"
#define T_INTEGRITY "t.kind = 'integrity'"
#define T_HEART "t.kind = 'heart'"
#define T_REMINDER "t.kind = 'reminder'"
#define T_WARNING "t.kind = 'warning'"
#define T_UNIT_LED "t.unit_led = 1"
static const struct store_sql Q_M_PRE = T_M("AND " T_PRE);
static const struct store_sql Q_M_INTEGRITY = T_M("AND " T_INTEGRITY);
static const struct store_sql Q_M_HEART = T_M("AND " T_HEART);
static const struct store_sql Q_M_REMINDER = T_M("AND " T_REMINDER);
static const struct store_sql Q_M_WARNING = T_M("AND " T_WARNING);
static const struct store_sql Q_M_UNIT_LED = T_M("AND " T_UNIT_LED);
static const struct store_sql Q_M_TOTAL = T_M("");
static const struct store_sql Q_M_REPORTS = {
	M_WITH "SELECT count(*) FROM matter_reports m " M_PERIOD("m.reported") M_UNIT("m.unit_id"), NULL };
/* the seven in one row (in a batch, SQLite too: q_metric_grouped), in
 * the order of enum talk_col; each its statement's sum over its rows */
#define T_SUM(COND) "COALESCE(sum(CASE WHEN " COND " THEN t.persons END), 0), "
static const struct store_sql Q_M_ALL = {
	M_WITH "SELECT " T_SUM(T_PRE) T_SUM(T_INTEGRITY) T_SUM(T_HEART) T_SUM(T_REMINDER) T_SUM(T_WARNING)
	T_SUM(T_UNIT_LED) "COALESCE(sum(t.persons), 0) " T_FROM_PERIOD, NULL };
enum talk_col { TC_PRE, TC_INTEGRITY, TC_HEART, TC_REMINDER, TC_WARNING, TC_UNIT_LED, TC_TOTAL, TC_N };
static const struct q_metric_group G_TALKS = { &Q_M_ALL, Q_METRIC_TALK_SCOPES, TC_N, 1 };

static int metric(struct store *db, const struct store_sql *q, const struct metric_period *p,
		  const struct metric_scope *s, int64_t *out)
{
	return q_metric_count(db, q, p, s, Q_METRIC_TALK_SCOPES, out);
}

/* a talks key: the grouped row first, else its own statement */
static int talk_metric(struct store *db, const struct store_sql *q, int col, const struct metric_period *p,
		       const struct metric_scope *s, int64_t *out)
{
	int rc = q_metric_grouped(db, &G_TALKS, col, p, s, out);

	return rc ? (rc < 0 ? rc : 0) : metric(db, q, p, s, out);
}

#define METRIC_FN(NAME, Q, COL) \
	int store_metric_##NAME(struct store *db, const struct metric_period *p, const struct metric_scope *s, \
				int64_t *out) { return talk_metric(db, &Q, COL, p, s, out); }
METRIC_FN(talks_pre_appointment, Q_M_PRE, TC_PRE)
METRIC_FN(talks_integrity, Q_M_INTEGRITY, TC_INTEGRITY)
METRIC_FN(talks_heart, Q_M_HEART, TC_HEART)
METRIC_FN(talks_reminder, Q_M_REMINDER, TC_REMINDER)
METRIC_FN(talks_warning, Q_M_WARNING, TC_WARNING)
METRIC_FN(talks_unit_led, Q_M_UNIT_LED, TC_UNIT_LED)
METRIC_FN(talks_total, Q_M_TOTAL, TC_TOTAL)
int store_metric_matter_reports(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				int64_t *out)
{
	return metric(db, &Q_M_REPORTS, p, s, out);
}

/* ---- the integrity file's updates ------------------------------------------------- */

static const struct store_sql Q_I_ADD = {
	"INSERT INTO integrity_updates (person_id, day, user_id, created_at) VALUES (?, ?, ?, ?)", NULL };
static const struct store_sql Q_I_LAST = {
	"SELECT max(day), count(*) FROM integrity_updates WHERE person_id = ?", NULL };

int store_integrity_update_add(struct store *s, int64_t person_id, const char *day, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_I_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	store_bind_text(st, 2, day);
	q_bind_id(st, 3, user_id);
	store_bind_int(st, 4, now);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

int store_integrity_last(struct store *s, struct arena *a, int64_t person_id, const char **day, int *n)
{
	struct store_stmt *st = store_prepare(s, &Q_I_LAST);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*day = q_text_or_null(a, st, 0);
		*n = (int)store_col_int(st, 1);
	}
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc < 0 ? rc : STORE_ERR;
}

/* the files brought up to date in the period: persons, once each, under
 * the person's unit, looked up only when the scope has a unit (joined, each
 * update of the period read its person's row: 0068's day index holds the
 * person, and the count reads it alone); HINT: the index, SQLite's text */
#define I_FILES(HINT) M_WITH "SELECT count(DISTINCT i.person_id) FROM integrity_updates i " HINT \
	M_PERIOD("i.day") M_UNIT("(SELECT p.unit_id FROM persons p WHERE p.id = i.person_id)")
static const struct store_sql Q_M_INTEGRITY_FILES = { I_FILES(""), NULL };
/* The same read in the person's order (SQLite; ratings16h, after wlog16g):
 * 0059's (person_id, day) index scanned whole gives the persons sorted, so
 * count(DISTINCT) needs no temporary B-tree, where the day range sorts the
 * period's updates.  The scan reads every update at about a sixth of a
 * sorted row's cost (10M records, 102,024 updates: the scan 7 ms, a year's
 * sort 42 ms), so it is taken when the period holds more than a quarter
 * of the updates (PERSON_ORDER_SHARE), known by counting the period's
 * range up to that many (Q_I_RANGE: an empty period reads nothing, as
 * /statistics' default period at 10M) against the largest id (Q_I_TOP:
 * one seek, the rows ever written).  Never with a unit, whose lookup would
 * run for every update.  PostgreSQL: the statement above, its
 * HashAggregate needs no hint, and no estimate is read. */
static const struct store_sql Q_M_INTEGRITY_FILES_PERSON = {
	I_FILES("INDEXED BY integrity_updates_person "), I_FILES("") };
static const struct store_sql Q_I_TOP = { "SELECT COALESCE(max(id), 0) FROM integrity_updates", NULL };
static const struct store_sql Q_I_RANGE = {
	"SELECT count(*) FROM (SELECT 1 FROM integrity_updates WHERE day >= ? AND day <= ? LIMIT ?) capped", NULL };
#define PERSON_ORDER_SHARE 4

/* 1 when the period holds more than 1/PERSON_ORDER_SHARE of the updates
 * ever written, 0 when not, < 0 a store error */
static int integrity_period_large(struct store *db, const struct metric_period *p)
{
	struct store_stmt *st;
	int64_t top, cap, n;

	if (!(st = store_prepare(db, &Q_I_TOP)) || (top = q_scalar(st)) < 0)
		return STORE_ERR;
	cap = top / PERSON_ORDER_SHARE + 1;
	if (!(st = store_prepare(db, &Q_I_RANGE)))
		return STORE_ERR;
	store_bind_text(st, 1, p->from);
	store_bind_text(st, 2, p->to);
	store_bind_int(st, 3, cap);
	if ((n = q_scalar(st)) < 0)
		return STORE_ERR;
	return n >= cap;
}

int store_metric_integrity_files(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				 int64_t *out)
{
	int large = 0, rc;

	if ((rc = q_metric_person_year(db, "integrity_files", p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	if (store_backend(db) == STORE_SQLITE && !(q_metric_scope_used(s) & METRIC_SCOPE_UNIT) &&
	    (large = integrity_period_large(db, p)) < 0)
		return large;
	return metric(db, large ? &Q_M_INTEGRITY_FILES_PERSON : &Q_M_INTEGRITY_FILES, p, s, out);
}
