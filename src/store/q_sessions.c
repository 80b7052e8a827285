/* q_sessions.c: server-side sessions, looked up by the hash of the token. */
#include "store/q_sessions.h"
#include "store/q_util.h"

static const struct store_sql Q_INSERT = {
	"INSERT INTO sessions(token_hash, user_id, csrf, stage, created_at, last_seen, ip) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_GET = {
	"SELECT user_id, csrf, stage, created_at, last_seen FROM sessions WHERE token_hash = ?", NULL };
static const struct store_sql Q_TOUCH = { "UPDATE sessions SET last_seen = ? WHERE token_hash = ?", NULL };
static const struct store_sql Q_STAGE = { "UPDATE sessions SET stage = ? WHERE token_hash = ?", NULL };
static const struct store_sql Q_DEL = { "DELETE FROM sessions WHERE token_hash = ?", NULL };
static const struct store_sql Q_DEL_USER = { "DELETE FROM sessions WHERE user_id = ?", NULL };
static const struct store_sql Q_PURGE = {
	"DELETE FROM sessions WHERE last_seen < ? OR created_at < ?", NULL };

int store_session_insert(struct store *s, const struct session *se, const char *ip)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, se->token_hash);
	store_bind_int(st, 2, se->user_id);
	store_bind_text(st, 3, se->csrf);
	store_bind_int(st, 4, se->stage);
	store_bind_int(st, 5, se->created_at);
	store_bind_int(st, 6, se->last_seen);
	store_bind_text(st, 7, ip ? ip : "");
	return store_exec(st);
}

int store_session_get(struct store *s, struct arena *a, const char *token_hash, struct session *se)
{
	struct store_stmt *st = store_prepare(s, &Q_GET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, token_hash);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		se->token_hash = arena_strdup(a, token_hash);
		se->user_id = store_col_int(st, 0);
		se->csrf = q_text(a, st, 1);
		se->stage = (int)store_col_int(st, 2);
		se->created_at = store_col_int(st, 3);
		se->last_seen = store_col_int(st, 4);
	}
	store_reset(st);
	return rc;
}

static int exec_int_text(struct store *s, const struct store_sql *q, int64_t v, const char *t)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, v);
	store_bind_text(st, 2, t);
	return store_exec(st);
}

int store_session_touch(struct store *s, const char *token_hash, int64_t now)
{
	return exec_int_text(s, &Q_TOUCH, now, token_hash);
}

int store_session_set_stage(struct store *s, const char *token_hash, int stage)
{
	return exec_int_text(s, &Q_STAGE, stage, token_hash);
}

int store_session_delete(struct store *s, const char *token_hash)
{
	struct store_stmt *st = store_prepare(s, &Q_DEL);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, token_hash);
	return store_exec(st);
}

int store_session_delete_user(struct store *s, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_DEL_USER);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	return store_exec(st);
}

int store_session_purge(struct store *s, int64_t idle_before, int64_t created_before)
{
	struct store_stmt *st = store_prepare(s, &Q_PURGE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, idle_before);
	store_bind_int(st, 2, created_before);
	return store_exec(st);
}
