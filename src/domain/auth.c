/*
 * auth.c: login, session lookup, logout, TOTP.  See auth.h for the
 * guarantees.  Every outcome of a login attempt is audited, except the
 * attempts of an address already over its limit: those are refused before
 * any work, and the audit log has one login_throttled entry when the
 * address reached the limit.
 */
#include "domain/auth.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/ratelimit.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "store/q_sessions.h"
#include "store/q_users.h"

/* the audit events this file writes (audit_events.h) */
QF_AUDIT_EVENT(LOGIN, "login", "登录");
QF_AUDIT_EVENT(LOGIN_FAILED, "login_failed", "登录失败");
QF_AUDIT_EVENT(LOGIN_LOCKED, "login_locked", "账户锁定");
QF_AUDIT_EVENT(LOGIN_THROTTLED, "login_throttled", "登录受限（尝试过多）");
QF_AUDIT_EVENT(LOGOUT, "logout", "退出");
QF_AUDIT_EVENT(TOTP_ENROL, "totp_enrol", "绑定动态口令");
QF_AUDIT_EVENT(TOTP_FAILED, "totp_failed", "动态口令错误");
QF_AUDIT_EVENT(TOTP_SECRET, "totp_secret", "生成动态口令密钥");

#define MSG_BAD_LOGIN "用户名或密码错误"
#define MSG_LOCKED "登录失败次数过多，账户已暂时锁定，请稍后再试"
#define MSG_SYSTEM "系统繁忙，请稍后再试"
/* the audit object and user of a failed login whose name is no account's:
 * what was typed may be a password or a person's name */
#define UNKNOWN_NAME "(unknown name)"
#define LIMIT_SLOTS 16384
#define THROTTLED "too many failed logins from this address"

struct login_limits {
	struct ratelimit *addr;    /* failures per client address */
	struct ratelimit *names;   /* failures per (unknown name, address) */
};

struct login_limits *auth_limits_new(const struct config *cfg)
{
	struct login_limits *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	l->addr = ratelimit_new(LIMIT_SLOTS, cfg->login_addr_burst, cfg->login_addr_seconds, 0);
	/* an unknown name locks as an account's does: lock_failures tries,
	 * then lock_seconds; a count is forgotten a day after */
	l->names = ratelimit_new(LIMIT_SLOTS, cfg->lock_failures, 86400, cfg->lock_seconds);
	if (!l->addr || !l->names) {
		auth_limits_free(l);
		return NULL;
	}
	return l;
}

void auth_limits_free(struct login_limits *l)
{
	if (!l)
		return;
	ratelimit_free(l->addr);
	ratelimit_free(l->names);
	free(l);
}

/* The client as the limits count it (ratelimit_addr_key: an IPv6
 * address counts as its /64). */
static const char *client_addr(const struct ctx *c)
{
	char key[QF_ADDR_KEY_MAX];

	ratelimit_addr_key(c->who.ip ? c->who.ip : "", key);
	return arena_strdup(c->a, key);
}

static const char *name_key(struct ctx *c, const char *name)
{
	return arena_printf(c->a, "%s\n%s", name, client_addr(c));
}

int auth_totp_required(const struct ctx *c, const struct user *u)
{
	const struct role *role = role_find(u->role);

	return (role && role->admin) || c->cfg->totp_required_all;
}

static void session_token_hash(const char *token, char hex[65])
{
	sha256_hex(token, strlen(token), hex);
}

/* A failed attempt: takes a token of the client address; counts it
 * against `throttle` at `addr` (an account: the login name at the client
 * address, or "totp:" + name at "" for second-factor codes), or, for an
 * unknown name (user_id 0), in memory only; audits it; and when it locks
 * the name ends every session of the account. */
struct fail_arg {
	struct ctx *c;
	const char *throttle;
	const char *addr;
	const char *name;          /* the audit object: the account, or UNKNOWN_NAME */
	const char *why;
	int64_t user_id;
	int locked;                /* in: an unknown name's lock; out: locked now */
	int addr_full;             /* this failure used the address's last token */
};

/* Logins, refused logins and logouts write sessions, the throttle and the
 * audit log, none of which a kept rendering or count shows (pages/
 * list_kept.c, todo.c: what they show is the records; a session's own
 * kept views are keyed by it and unreachable once it is gone): so they
 * leave the data's version, and a morning of logins does not drop every
 * kept list and the annual report for everyone (session 31). */
static int fail_tx(struct store *s, void *arg)
{
	struct fail_arg *fa = arg;
	int rc = fa->locked;

	store_tx_nodata(s);
	if (fa->user_id) {
		rc = store_throttle_fail(s, fa->throttle, fa->addr, fa->c->now,
					 fa->c->cfg->lock_failures, fa->c->cfg->lock_seconds);
		if (rc < 0)
			return rc;
		fa->locked = rc;
	}
	if (audit_append(fa->c, AEV_LOGIN_FAILED, fa->name, 0, fa->why) < 0)
		return -1;
	if (rc == 1) {
		if (fa->user_id && store_session_delete_user(s, fa->user_id) < 0)
			return -1;
		if (audit_append(fa->c, AEV_LOGIN_LOCKED, fa->name, 0,
				 fa->user_id ? fa->throttle : "") < 0)
			return -1;
	}
	if (fa->addr_full && audit_append(fa->c, AEV_LOGIN_THROTTLED, "-", 0, THROTTLED) < 0)
		return -1;
	return 0;
}

static int count_failure(struct ctx *c, const char *throttle, const char *addr, const char *name,
			 int64_t user_id, const char *why)
{
	struct fail_arg fa = { c, throttle, addr, name, why, user_id, 0, 0 };

	/* memory first: the transaction may run more than once */
	if (c->limits) {
		fa.addr_full = ratelimit_take(c->limits->addr, client_addr(c), c->now) == 0;
		if (!user_id)
			fa.locked = ratelimit_take(c->limits->names, name_key(c, throttle), c->now) <= 0;
	}
	if (store_tx(c->db, fail_tx, &fa) < 0)
		return -1;
	return fa.locked;
}

static const char *totp_throttle(struct ctx *c, const char *name)
{
	return arena_printf(c->a, "totp:%s", name);
}

struct ok_arg {
	struct ctx *c;
	struct login_result *res;
};

static int ok_tx(struct store *s, void *arg)
{
	struct ok_arg *oa = arg;

	store_tx_nodata(s);        /* as fail_tx */
	/* only this address's count: a success elsewhere does not lift a
	 * lock an attacker's address earned (nor the address limit) */
	if (store_throttle_clear(s, oa->res->user.name, client_addr(oa->c)) < 0)
		return -1;
	if (store_session_insert(s, &oa->res->se, oa->c->who.ip) < 0)
		return -1;
	return audit_append(oa->c, AEV_LOGIN, oa->res->user.name, 1,
			    oa->res->se.stage ? "password ok, second factor due" : "");
}

int auth_login(struct ctx *c, const char *name, const char *password, struct login_result *res)
{
	struct user *u = &res->user;
	const char *addr = client_addr(c);
	int found, failures, verified, locked;
	int64_t locked_until = 0;
	char hash[65];
	char csrf[QF_TOKEN_CHARS + 1];

	memset(res, 0, sizeof(*res));
	if (!name || !*name || strlen(name) > 64 || !password || strlen(password) > 1024) {
		res->msg = MSG_BAD_LOGIN;
		return AUTH_REFUSED;
	}
	/* an address over its limit: refused before any work or row */
	if (c->limits && !ratelimit_allowed(c->limits->addr, addr, c->now)) {
		res->msg = MSG_LOCKED;
		return AUTH_REFUSED;
	}
	found = store_user_by_name(c->db, c->a, name, u);
	if (found < 0 || (found && store_throttle_get(c->db, name, addr, &failures, &locked_until) < 0)) {
		res->msg = MSG_SYSTEM;
		return AUTH_STORE;
	}
	locked = found ? locked_until > c->now
		       : c->limits && !ratelimit_allowed(c->limits->names, name_key(c, name), c->now);
	/* the same Argon2id work whether the user exists or not */
	verified = password_verify(found ? u->pwhash : password_dummy_hash(), password) == 0;
	c->who.name = found ? name : UNKNOWN_NAME;
	if (locked) {
		audit_record(c, AEV_LOGIN_FAILED, c->who.name, 0, "locked");
		if (c->limits && ratelimit_take(c->limits->addr, addr, c->now) == 0)
			audit_record(c, AEV_LOGIN_THROTTLED, "-", 0, THROTTLED);
		res->msg = MSG_LOCKED;
		return AUTH_REFUSED;
	}
	if (!found || !verified || u->disabled) {
		locked = count_failure(c, name, addr, c->who.name, found ? u->id : 0,
				       !found ? "unknown user" : !verified ? "wrong password" : "account disabled");
		res->msg = locked < 0 ? MSG_SYSTEM : locked ? MSG_LOCKED : MSG_BAD_LOGIN;
		return locked < 0 ? AUTH_STORE : AUTH_REFUSED;
	}
	token_new(res->token);
	token_new(csrf);
	session_token_hash(res->token, hash);
	res->se.token_hash = arena_strdup(c->a, hash);
	res->se.csrf = arena_strdup(c->a, csrf);
	res->se.user_id = u->id;
	res->se.created_at = res->se.last_seen = c->now;
	res->se.stage = u->totp_enabled ? SESSION_NEED_TOTP
		      : auth_totp_required(c, u) ? SESSION_NEED_ENROL : SESSION_OK;
	c->who.id = u->id;
	c->who.role = u->role;
	{
		struct ok_arg oa = { c, res };
		if (store_tx(c->db, ok_tx, &oa) < 0) {
			res->msg = MSG_SYSTEM;
			return AUTH_STORE;
		}
	}
	return AUTH_OK;
}

int auth_resume(struct ctx *c, const char *token, struct session *se, struct user *u)
{
	char hash[65];
	int rc;

	if (!token || strlen(token) != QF_TOKEN_CHARS)
		return 0;
	session_token_hash(token, hash);
	rc = store_session_get(c->db, c->a, hash, se);
	if (rc <= 0)
		return rc;
	if (se->last_seen + c->cfg->session_idle < c->now ||
	    se->created_at + c->cfg->session_absolute < c->now) {
		store_session_delete(c->db, hash);
		return 0;
	}
	rc = store_user_by_id(c->db, c->a, se->user_id, u);
	if (rc <= 0 || u->disabled)
		return rc < 0 ? rc : 0;
	if (c->now - se->last_seen >= 60)
		store_session_touch(c->db, hash, c->now);
	return 1;
}

struct logout_arg {
	struct ctx *c;
	const struct session *se;
};

static int logout_tx(struct store *s, void *arg)
{
	struct logout_arg *la = arg;

	store_tx_nodata(s);        /* as fail_tx */
	if (store_session_delete(s, la->se->token_hash) < 0)
		return -1;
	return audit_append(la->c, AEV_LOGOUT, la->c->who.name, 1, "");
}

int auth_logout(struct ctx *c, const struct session *se)
{
	struct logout_arg la = { c, se };
	return store_tx(c->db, logout_tx, &la) < 0 ? -1 : 0;
}

int auth_check_password(struct ctx *c, const struct user *u, const char *password)
{
	int locked;

	if (password && password_verify(u->pwhash, password) == 0)
		return 0;
	locked = count_failure(c, u->name, client_addr(c), u->name, u->id, "wrong current password");
	return locked < 0 ? AUTH_STORE : locked == 1 ? AUTH_LOCKED : AUTH_REFUSED;
}

struct secret_arg {
	struct ctx *c;
	struct session *se;
	int64_t user_id;
	char *secret;
	int state;      /* 0 pending secret in `secret`, 1 already enrolled */
};

static int secret_tx(struct store *s, void *arg)
{
	struct secret_arg *sa = arg;
	struct strbuf sb = STRBUF_INIT;
	struct user u;
	int rc = store_user_by_id(s, sa->c->a, sa->user_id, &u);

	if (rc <= 0)
		return -1;
	if (u.totp_enabled) {
		/* enrolled meanwhile (another session): ask for a code */
		sa->state = 1;
		sa->se->stage = SESSION_NEED_TOTP;
		return store_session_set_stage(s, sa->se->token_hash, SESSION_NEED_TOTP);
	}
	sa->state = 0;
	if (u.totp_secret_enc) {
		rc = field_decrypt(sa->c->keys, "users.totp_secret", u.totp_secret_enc, &sb) == 0 &&
		     sb.len == 32 ? 0 : -1;
		if (rc == 0)
			memcpy(sa->secret, sb.buf, 33);
		strbuf_release(&sb);
		return rc;
	}
	if (totp_secret_new(sa->secret) < 0 ||
	    field_encrypt(sa->c->keys, "users.totp_secret", sa->secret, 32, &sb) < 0 ||
	    store_user_set_totp(s, u.id, sb.buf, 0) < 0 ||
	    audit_append(sa->c, AEV_TOTP_SECRET, u.name, 1, "") < 0)
		rc = -1;
	strbuf_release(&sb);
	return rc;
}

int auth_totp_secret(struct ctx *c, struct session *se, const struct user *u, char secret[33])
{
	struct secret_arg sa = { c, se, u->id, secret, 0 };

	if (store_tx(c->db, secret_tx, &sa) < 0)
		return -1;
	return sa.state;
}

int auth_totp_begin(struct ctx *c, struct session *se, const struct user *u)
{
	if (u->totp_enabled || se->stage != SESSION_OK)
		return -1;
	if (store_session_set_stage(c->db, se->token_hash, SESSION_NEED_ENROL) < 0)
		return -1;
	se->stage = SESSION_NEED_ENROL;
	return 0;
}

struct totp_arg {
	struct ctx *c;
	struct session *se;
	const struct user *u;
	uint64_t step;
};

static int totp_ok_tx(struct store *s, void *arg)
{
	struct totp_arg *ta = arg;
	int enrol = ta->se->stage == SESSION_NEED_ENROL;
	int fresh = store_user_totp_step(s, ta->u->id, (int64_t)ta->step);

	if (fresh <= 0)
		return fresh < 0 ? fresh : 1;   /* 1: replayed, nothing written */
	if (enrol && !ta->u->totp_enabled &&
	    store_user_set_totp(s, ta->u->id, ta->u->totp_secret_enc, 1) < 0)
		return -1;
	if (store_throttle_clear(s, totp_throttle(ta->c, ta->u->name), "") < 0)
		return -1;
	if (store_session_set_stage(s, ta->se->token_hash, SESSION_OK) < 0)
		return -1;
	return audit_append(ta->c, enrol ? AEV_TOTP_ENROL : AEV_LOGIN, ta->u->name, 1,
			    enrol ? "" : "second factor ok");
}

int auth_totp_confirm(struct ctx *c, struct session *se, const struct user *u, const char *code)
{
	struct strbuf sb = STRBUF_INIT;
	struct user fresh;
	uint64_t step = 0;
	int64_t locked_until;
	int ok, rc, failures;

	/* re-read: the secret may have been created by this same request */
	rc = store_user_by_id(c->db, c->a, u->id, &fresh);
	if (rc < 0)
		return AUTH_STORE;
	if (rc == 0 || !fresh.totp_secret_enc)
		return AUTH_REFUSED;
	if (store_throttle_get(c->db, totp_throttle(c, u->name), "", &failures, &locked_until) < 0)
		return AUTH_STORE;
	if (locked_until > c->now) {
		audit_record(c, AEV_LOGIN_FAILED, u->name, 0, "second factor locked");
		return AUTH_LOCKED;
	}
	ok = field_decrypt(c->keys, "users.totp_secret", fresh.totp_secret_enc, &sb) == 0 &&
	     totp_check_counter(sb.buf, code ? code : "", c->now, &step) == 0;
	strbuf_release(&sb);
	if (!ok) {
		/* counted apart from passwords: a right password must not
		 * reset the count of wrong codes */
		rc = count_failure(c, totp_throttle(c, u->name), "", u->name, u->id,
				   "wrong second-factor code");
		return rc < 0 ? AUTH_STORE : rc == 1 ? AUTH_LOCKED : AUTH_REFUSED;
	}
	{
		struct totp_arg ta = { c, se, &fresh, step };
		rc = store_tx(c->db, totp_ok_tx, &ta);
		if (rc < 0)
			return AUTH_STORE;
		if (rc == 1) {
			audit_record(c, AEV_TOTP_FAILED, u->name, 0, "code already used");
			return AUTH_REFUSED;
		}
	}
	se->stage = SESSION_OK;
	return AUTH_OK;
}
