/*
 * q_audit.c: the audit log table.  Only inserts and reads: there is no
 * update or delete here, and SQLite refuses them by trigger.
 *
 * The walk of the whole log (store_audit_each) also reports whether a
 * row holds bytes its C strings cannot show: SQLite lets a text hold a
 * NUL (text after it would be outside the MAC) and an INTEGER column hold
 * text; PostgreSQL's text and bigint cannot.
 */
#include "store/q_audit.h"
#include "store/q_util.h"
#include "store/store_impl.h"

#define AUDIT_COLS "id, region, at, user_id, user_name, role, event, object, success, detail, ip, " \
	"prev_mac, mac FROM audit_log "
/* The filters of the browse page; each is off when its value is empty/0/-1. */
#define AUDIT_WHERE "WHERE (? = '' OR event = ?) AND (? = '' OR user_name = ?) " \
	"AND (? < 0 OR success = ?) AND (? = 0 OR at >= ?) AND (? = 0 OR at < ?) " \
	"AND (? = '' OR object LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\') "

static const struct store_sql Q_LAST = { STORE_AUDIT_HEAD_SQL, NULL };
static const struct store_sql Q_INSERT = {
	"INSERT INTO audit_log(id, region, at, user_id, user_name, role, event, object, success, "
	"detail, ip, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_LIST = {
	"SELECT " AUDIT_COLS AUDIT_WHERE "ORDER BY id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_COUNT = { Q_CAPPED_COUNT("FROM audit_log " AUDIT_WHERE), NULL };
/* 1 when the column's stored bytes hold a NUL (SQLite) */
#define NUL_IN(col) "coalesce(instr(CAST(" col " AS BLOB), x'00'), 0) + "
static const struct store_sql Q_ALL = {
	"SELECT id, region, at, user_id, user_name, role, event, object, success, detail, ip, "
	"prev_mac, mac, (" NUL_IN("region") NUL_IN("user_name") NUL_IN("role") NUL_IN("event")
	NUL_IN("object") NUL_IN("detail") NUL_IN("ip") NUL_IN("prev_mac") NUL_IN("mac") "0 > 0 "
	"OR typeof(id) <> 'integer' OR typeof(at) <> 'integer' OR typeof(success) <> 'integer' "
	"OR typeof(user_id) NOT IN ('integer', 'null')) FROM audit_log WHERE id > ? ORDER BY id",
	"SELECT id, region, at, user_id, user_name, role, event, object, success, detail, ip, "
	"prev_mac, mac, 0 FROM audit_log WHERE id > ? ORDER BY id" };

int store_audit_last(struct store *s, struct arena *a, int64_t *id, const char **mac)
{
	struct store_stmt *st;
	const char *held;
	int rc;

	*id = 0;
	*mac = "";
	/* fetched with the write lock (PostgreSQL): no round trip here */
	if (store_head_get(s, id, &held)) {
		*mac = arena_strdup(a, held);
		return *id ? STORE_ROW : STORE_DONE;
	}
	st = store_prepare(s, &Q_LAST);
	if (!st)
		return STORE_ERR;
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*id = store_col_int(st, 0);
		*mac = q_text(a, st, 1);
	}
	store_reset(st);
	return rc;
}

int store_audit_insert(struct store *s, const struct audit_entry *e)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);
	const char *held;
	int64_t held_id;
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, e->id);
	store_bind_text(st, 2, e->region);
	store_bind_int(st, 3, e->at);
	q_bind_id(st, 4, e->user_id);
	store_bind_text(st, 5, e->user_name);
	store_bind_text(st, 6, e->role);
	store_bind_text(st, 7, e->event);
	store_bind_text(st, 8, e->object);
	store_bind_int(st, 9, e->success);
	store_bind_text(st, 10, e->detail);
	store_bind_text(st, 11, e->ip);
	store_bind_text(st, 12, e->prev_mac);
	store_bind_text(st, 13, e->mac);
	/* nothing reads the entry back in its transaction: on PostgreSQL it
	 * goes out with COMMIT (one round trip less with the lock held) */
	rc = store_exec_late(st);
	if (rc == STORE_OK && store_head_get(s, &held_id, &held))
		store_head_set(s, e->id, e->mac);
	return rc;
}

static void fill_entry(struct arena *a, struct store_stmt *st, void *row)
{
	struct audit_entry *e = row;

	e->id = store_col_int(st, 0);
	e->region = q_text(a, st, 1);
	e->at = store_col_int(st, 2);
	e->user_id = store_col_int(st, 3);
	e->user_name = q_text(a, st, 4);
	e->role = q_text(a, st, 5);
	e->event = q_text(a, st, 6);
	e->object = q_text(a, st, 7);
	e->success = (int)store_col_int(st, 8);
	e->detail = q_text(a, st, 9);
	e->ip = q_text(a, st, 10);
	e->prev_mac = q_text(a, st, 11);
	e->mac = q_text(a, st, 12);
}

static int bind_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct audit_filter *f = filter;
	const char *ev = f->event ? f->event : "";
	const char *us = f->user ? f->user : "";
	const char *q = f->q ? f->q : "";
	const char *like = q_like_pattern(a, q);
	/* the statement's success parameter: -1 any, else the stored 0/1 */
	int success = f->result == AUDIT_SUCCEEDED ? 1 : f->result == AUDIT_FAILED ? 0 : -1;

	store_bind_text(st, 1, ev);
	store_bind_text(st, 2, ev);
	store_bind_text(st, 3, us);
	store_bind_text(st, 4, us);
	store_bind_int(st, 5, success);
	store_bind_int(st, 6, success);
	store_bind_int(st, 7, f->from_at);
	store_bind_int(st, 8, f->from_at);
	store_bind_int(st, 9, f->to_at);
	store_bind_int(st, 10, f->to_at);
	store_bind_text(st, 11, q);
	store_bind_text(st, 12, like);
	store_bind_text(st, 13, like);
	return 14;
}

int store_audit_list(struct store *s, struct arena *a, const struct audit_filter *f,
		     struct audit_entry **out)
{
	return q_list(store_prepare(s, &Q_LIST), a, &f->page, f, bind_filters, fill_entry,
		      sizeof(**out), out);
}

int64_t store_audit_count(struct store *s, const struct audit_filter *f)
{
	return q_count(store_prepare(s, &Q_COUNT), bind_filters, f);
}

int store_audit_each(struct store *s, struct arena *a, int64_t after,
		     int (*fn)(void *arg, const struct audit_entry *e), void *arg)
{
	struct store_stmt *st = store_prepare(s, &Q_ALL);
	int rc, r = 0;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, after);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct audit_entry e = { 0 };
		arena_clear(a);
		fill_entry(a, st, &e);
		e.malformed = store_col_int(st, 13) != 0;
		if ((r = fn(arg, &e)) != 0)
			break;
	}
	store_reset(st);
	return rc < 0 ? rc : r;
}
