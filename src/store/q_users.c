/*
 * q_users.c: accounts, their jurisdiction scopes, and login throttling.
 */
#include "store/q_users.h"
#include "store/q_util.h"

#define USER_COLS "u.id, u.region, u.name, u.display_name, u.role, u.unit_id, " \
	"COALESCE(n.name, ''), u.pwhash, u.disabled, u.totp_secret_enc, u.totp_enabled, u.created_at, " \
	"u.must_change_pw, u.principal, u.pw_pending_by, u.pw_pending_at, u.pw_reset_by, " \
	"u.pw_reset_approver, u.pw_reset_at " \
	"FROM users u LEFT JOIN units n ON n.id = u.unit_id "

static const struct store_sql Q_BY_NAME = { "SELECT " USER_COLS "WHERE u.name = ?", NULL };
static const struct store_sql Q_BY_ID = { "SELECT " USER_COLS "WHERE u.id = ?", NULL };
static const struct store_sql Q_LIST = { "SELECT " USER_COLS "ORDER BY u.name", NULL };
static const struct store_sql Q_INSERT = {
	"INSERT INTO users(region, name, display_name, role, unit_id, pwhash, created_at, pw_changed_at, "
	"disabled, must_change_pw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_DISABLE = { "UPDATE users SET disabled = ? WHERE id = ?", NULL };
static const struct store_sql Q_PASSWD = {
	"UPDATE users SET pwhash = ?, pw_changed_at = ?, must_change_pw = ?, pw_pending = NULL, "
	"pw_pending_by = NULL, pw_pending_at = 0, pw_reset_by = NULL, pw_reset_approver = NULL, "
	"pw_reset_at = 0 WHERE id = ?", NULL };
static const struct store_sql Q_PW_REQUEST = {
	"UPDATE users SET pw_pending = ?, pw_pending_by = ?, pw_pending_at = ? WHERE id = ?", NULL };
static const struct store_sql Q_PW_APPROVE = {
	"UPDATE users SET pwhash = pw_pending, pw_changed_at = ?, must_change_pw = 1, "
	"pw_reset_by = pw_pending_by, pw_reset_approver = ?, pw_reset_at = pw_pending_at, "
	"pw_pending = NULL, pw_pending_by = NULL, pw_pending_at = 0 "
	"WHERE id = ? AND pw_pending IS NOT NULL", NULL };
static const struct store_sql Q_PW_REFUSE = {
	"UPDATE users SET pw_pending = NULL, pw_pending_by = NULL, pw_pending_at = 0 "
	"WHERE id = ? AND pw_pending IS NOT NULL", NULL };
static const struct store_sql Q_PW_NOTICE = {
	"UPDATE users SET pw_reset_by = ?, pw_reset_approver = ?, pw_reset_at = ? WHERE id = ?", NULL };
static const struct store_sql Q_ACTIVE_ROLE = {
	"SELECT count(*) FROM users WHERE role = ? AND disabled = 0", NULL };
static const struct store_sql Q_TOTP = {
	"UPDATE users SET totp_secret_enc = ?, totp_enabled = ? WHERE id = ?", NULL };
static const struct store_sql Q_PRINCIPAL = { "UPDATE users SET principal = ? WHERE id = ?", NULL };
static const struct store_sql Q_TOTP_STEP = {
	"UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?", NULL };
static const struct store_sql Q_SCOPE_ADD = {
	"INSERT INTO user_scopes(user_id, unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING", NULL };
static const struct store_sql Q_SCOPE_LIST = {
	"SELECT n.id, n.name, n.kind FROM user_scopes s JOIN units n ON n.id = s.unit_id "
	"WHERE s.user_id = ? ORDER BY n.name", NULL };

static const struct store_sql Q_THR_GET = {
	"SELECT failures, locked_until FROM login_throttle WHERE name = ? AND addr = ?", NULL };
static const struct store_sql Q_THR_GET_ANY = {
	"SELECT COALESCE(MAX(failures), 0), COALESCE(MAX(locked_until), 0) FROM login_throttle "
	"WHERE name = ?", NULL };
static const struct store_sql Q_THR_FAIL = {
	"INSERT INTO login_throttle(name, addr, failures, locked_until, updated_at) VALUES (?, ?, 1, 0, ?) "
	"ON CONFLICT(name, addr) DO UPDATE SET failures = login_throttle.failures + 1, "
	"updated_at = excluded.updated_at RETURNING failures", NULL };
static const struct store_sql Q_THR_LOCK = {
	"UPDATE login_throttle SET locked_until = ?, failures = 0 WHERE name = ? AND addr = ?", NULL };
static const struct store_sql Q_THR_CLEAR = {
	"DELETE FROM login_throttle WHERE name = ? AND addr = ?", NULL };
static const struct store_sql Q_THR_CLEAR_ALL = { "DELETE FROM login_throttle WHERE name = ?", NULL };
static const struct store_sql Q_THR_PURGE = {
	"DELETE FROM login_throttle WHERE locked_until < ? AND updated_at < ?", NULL };

static void fill_user(struct arena *a, struct store_stmt *st, void *row)
{
	struct user *u = row;

	u->id = store_col_int(st, 0);
	u->region = q_text(a, st, 1);
	u->name = q_text(a, st, 2);
	u->display_name = q_text(a, st, 3);
	u->role = q_text(a, st, 4);
	u->unit_id = store_col_int(st, 5);
	u->unit_name = q_text(a, st, 6);
	u->pwhash = q_text(a, st, 7);
	u->disabled = (int)store_col_int(st, 8);
	u->totp_secret_enc = q_text_or_null(a, st, 9);
	u->totp_enabled = (int)store_col_int(st, 10);
	u->created_at = store_col_int(st, 11);
	u->must_change_pw = (int)store_col_int(st, 12);
	u->principal = (int)store_col_int(st, 13);
	u->pw_pending_by = q_text_or_null(a, st, 14);
	u->pw_pending_at = store_col_int(st, 15);
	u->pw_reset_by = q_text_or_null(a, st, 16);
	u->pw_reset_approver = q_text_or_null(a, st, 17);
	u->pw_reset_at = store_col_int(st, 18);
}

static int user_one(struct store_stmt *st, struct arena *a, struct user *u)
{
	int rc = store_step(st);

	if (rc == STORE_ROW)
		fill_user(a, st, u);
	store_reset(st);
	return rc;
}

int store_user_by_name(struct store *s, struct arena *a, const char *name, struct user *u)
{
	struct store_stmt *st = store_prepare(s, &Q_BY_NAME);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, name);
	return user_one(st, a, u);
}

int store_user_by_id(struct store *s, struct arena *a, int64_t id, struct user *u)
{
	return q_get_by_id(store_prepare(s, &Q_BY_ID), a, id, fill_user, u);
}

int64_t store_user_insert(struct store *s, const struct user *u, const char *pwhash, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, u->region);
	store_bind_text(st, 2, u->name);
	store_bind_text(st, 3, u->display_name ? u->display_name : "");
	store_bind_text(st, 4, u->role);
	q_bind_id(st, 5, u->unit_id);
	store_bind_text(st, 6, pwhash);
	store_bind_int(st, 7, now);
	store_bind_int(st, 8, now);
	store_bind_int(st, 9, u->disabled);
	store_bind_int(st, 10, u->must_change_pw);
	return q_scalar(st);
}

int store_user_list(struct store *s, struct arena *a, struct user **out)
{
	struct store_stmt *st = store_prepare(s, &Q_LIST);
	int rc, n = 0, cap = 0;
	struct user *v = NULL;

	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW)
		fill_user(a, st, arena_push(a, &v, &cap, n++, sizeof(*v)));
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

static int exec_int_int(struct store *s, const struct store_sql *q, int64_t a1, int64_t a2)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, a1);
	store_bind_int(st, 2, a2);
	return store_exec(st);
}

int store_user_set_principal(struct store *s, int64_t id, int principal)
{
	return exec_int_int(s, &Q_PRINCIPAL, principal, id);
}

int store_user_set_disabled(struct store *s, int64_t id, int disabled)
{
	return exec_int_int(s, &Q_DISABLE, disabled, id);
}

int store_user_set_password(struct store *s, int64_t id, const char *pwhash, int64_t now,
			    int must_change)
{
	struct store_stmt *st = store_prepare(s, &Q_PASSWD);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, pwhash);
	store_bind_int(st, 2, now);
	store_bind_int(st, 3, must_change);
	store_bind_int(st, 4, id);
	return store_exec(st);
}

int store_user_pw_request(struct store *s, int64_t id, const char *pwhash, const char *by,
			  int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_PW_REQUEST);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, pwhash);
	store_bind_text(st, 2, by);
	store_bind_int(st, 3, at);
	store_bind_int(st, 4, id);
	return store_exec(st);
}

int store_user_pw_decide(struct store *s, int64_t id, const char *approver, int64_t now)
{
	struct store_stmt *st = store_prepare(s, approver ? &Q_PW_APPROVE : &Q_PW_REFUSE);

	if (!st)
		return STORE_ERR;
	if (approver) {
		store_bind_int(st, 1, now);
		store_bind_text(st, 2, approver);
		store_bind_int(st, 3, id);
	} else {
		store_bind_int(st, 1, id);
	}
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) > 0;
}

int store_user_pw_notice(struct store *s, int64_t id, const char *by, const char *approver,
			 int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_PW_NOTICE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, by);
	store_bind_text(st, 2, approver);
	store_bind_int(st, 3, by ? at : 0);
	store_bind_int(st, 4, id);
	return store_exec(st);
}

int64_t store_user_count_active(struct store *s, const char *role)
{
	struct store_stmt *st = store_prepare(s, &Q_ACTIVE_ROLE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, role);
	return q_scalar(st);
}

int store_user_set_totp(struct store *s, int64_t id, const char *secret_enc, int enabled)
{
	struct store_stmt *st = store_prepare(s, &Q_TOTP);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, secret_enc);
	store_bind_int(st, 2, enabled);
	store_bind_int(st, 3, id);
	return store_exec(st);
}

int store_user_totp_step(struct store *s, int64_t id, int64_t step)
{
	struct store_stmt *st = store_prepare(s, &Q_TOTP_STEP);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, step);
	store_bind_int(st, 2, id);
	store_bind_int(st, 3, step);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) > 0;
}

int store_scope_add(struct store *s, int64_t user_id, int64_t unit_id)
{
	return exec_int_int(s, &Q_SCOPE_ADD, user_id, unit_id);
}

int store_scope_list(struct store *s, struct arena *a, int64_t user_id, struct unit **out)
{
	struct store_stmt *st = store_prepare(s, &Q_SCOPE_LIST);
	int rc, n = 0, cap = 0;
	struct unit *v = NULL;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct unit *u = arena_push(a, &v, &cap, n++, sizeof(*v));
		u->id = store_col_int(st, 0);
		u->name = q_text(a, st, 1);
		u->kind = q_text(a, st, 2);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_throttle_get(struct store *s, const char *name, const char *addr, int *failures,
		       int64_t *locked_until)
{
	struct store_stmt *st = store_prepare(s, addr ? &Q_THR_GET : &Q_THR_GET_ANY);
	int rc;

	*failures = 0;
	*locked_until = 0;
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, name);
	if (addr)
		store_bind_text(st, 2, addr);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*failures = (int)store_col_int(st, 0);
		*locked_until = store_col_int(st, 1);
	}
	store_reset(st);
	return rc;
}

/* Counts a failure; returns 1 when this failure locked the name, 0 when
 * not, < 0 on error. */
int store_throttle_fail(struct store *s, const char *name, const char *addr, int64_t now, int max,
			int lock_secs)
{
	struct store_stmt *st = store_prepare(s, &Q_THR_FAIL);
	int64_t failures;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, addr);
	store_bind_int(st, 3, now);
	failures = q_scalar(st);
	if (failures < 0)
		return (int)failures;
	if (failures < max)
		return 0;
	st = store_prepare(s, &Q_THR_LOCK);
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, now + lock_secs);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, addr);
	return store_exec(st) < 0 ? STORE_ERR : 1;
}

int store_throttle_clear(struct store *s, const char *name, const char *addr)
{
	struct store_stmt *st = store_prepare(s, addr ? &Q_THR_CLEAR : &Q_THR_CLEAR_ALL);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, name);
	if (addr)
		store_bind_text(st, 2, addr);
	return store_exec(st);
}

int store_throttle_purge(struct store *s, int64_t now, int64_t before)
{
	struct store_stmt *st = store_prepare(s, &Q_THR_PURGE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, now);
	store_bind_int(st, 2, before);
	return store_exec(st);
}

/* ---- offices ---------------------------------------------------------------- */

static const struct store_sql Q_OFFICE = { "SELECT office FROM users WHERE id = ?", NULL };
static const struct store_sql Q_OFFICE_SET = { "UPDATE users SET office = ? WHERE id = ?", NULL };

int store_user_office(struct store *s, struct arena *a, int64_t user_id, const char **office)
{
	struct store_stmt *st = store_prepare(s, &Q_OFFICE);
	int rc;

	*office = "";
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*office = q_text(a, st, 0);
	store_reset(st);
	return rc;
}

int store_user_set_office(struct store *s, int64_t user_id, const char *office)
{
	struct store_stmt *st = store_prepare(s, &Q_OFFICE_SET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, office);
	store_bind_int(st, 2, user_id);
	return store_exec(st);
}

/* the offices of active accounts: the handling offices a clue may be
 * assigned to (0033) */
static const struct store_sql Q_OFFICES = {
	"SELECT DISTINCT office FROM users WHERE office <> '' AND disabled = 0 "
	"AND role <> 'rectifier' ORDER BY office LIMIT 200", NULL };     /* a unit's account is no office */

int store_user_offices(struct store *s, struct arena *a, const char ***out)
{
	struct store_stmt *st = store_prepare(s, &Q_OFFICES);
	const char **v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW)
		*(const char **)arena_push(a, &v, &cap, n++, sizeof(*v)) = q_text(a, st, 0);
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}
