#ifndef QF_AUTH_H
#define QF_AUTH_H
/*
 * auth: signing in and out, sessions, and the TOTP second factor.
 *
 * A session is a random token in an HttpOnly cookie; the database holds
 * only its SHA-256, so a copy of the database opens no session.  Every
 * login makes a new token.  A wrong user name and a wrong password get the
 * same answer after the same work (one Argon2id verification either way),
 * and failures lock the name, existing or not, after cfg->lock_failures.
 *
 * Login limits (the server's, c->limits; the CLI has none): each client
 * address may fail cfg->login_addr_burst times, then once every
 * cfg->login_addr_seconds; beyond that it is refused before any password
 * work or database access.  The lock of a name applies to the address
 * the failures came from: an existing account's count is a row of
 * login_throttle per (name, address), an unknown name's is kept only in
 * memory, so a flood of made-up names writes no rows.  The audit log
 * records the name of a failed login only when an account has it.
 */
#include "core/crypto.h"
#include "domain/result.h"
#include "model/user.h"
#include "domain/audit_events.h"

struct ctx;
struct config;

struct login_result {
	const char *msg;                 /* Chinese, for the login page, on failure */
	char token[QF_TOKEN_CHARS + 1];  /* the cookie value, on success */
	struct session se;
	struct user user;
};

/* What the sign-in steps answer: AUTH_OK, AUTH_REFUSED (a wrong name,
 * password or code: the page says so), AUTH_STORE (the database failed:
 * 503 or 500 as result.h's RES_STORE, never "wrong password"),
 * AUTH_LOCKED (every session of the account has ended). */
enum auth_rc {
	AUTH_OK = 0,
	AUTH_REFUSED = RES_INVALID,
	AUTH_STORE = RES_STORE,
	AUTH_LOCKED = -4,
};

/* AUTH_OK signed in (se.stage may still ask for TOTP), AUTH_REFUSED
 * (res->msg), AUTH_STORE (res->msg says to try later). */
int auth_login(struct ctx *c, const char *name, const char *password, struct login_result *res);
/* The server's in-memory limits, sized from cfg (fixed memory, about
 * 1 MiB); NULL when memory is short.  Freed by auth_limits_free. */
struct login_limits *auth_limits_new(const struct config *cfg);
void auth_limits_free(struct login_limits *l);
/* Finds the live session of a cookie token: 1 with se and u filled, 0 when
 * there is none (unknown, expired by idle or absolute time, user
 * disabled), < 0 on a store error.  Touches last_seen at most once a
 * minute. */
int auth_resume(struct ctx *c, const char *token, struct session *se, struct user *u);
int auth_logout(struct ctx *c, const struct session *se);

/* The pending TOTP secret of a user who has not enrolled yet, created
 * (and audited) the first time: 0 with secret filled; 1 when the account
 * has meanwhile enrolled (the session now asks for a code); -1 error. */
int auth_totp_secret(struct ctx *c, struct session *se, const struct user *u, char secret[33]);
/* A signed-in user without a second factor starts binding one: the
 * session goes back to the enrolment stage (0, or -1 on error). */
int auth_totp_begin(struct ctx *c, struct session *se, const struct user *u);
/* 1 when the user must have a second factor: the admin roles always,
 * everyone when the setting totp_required_all is on. */
int auth_totp_required(const struct ctx *c, const struct user *u);
/* Confirms enrolment (first code) or signs in with the second factor:
 * AUTH_OK (session now SESSION_OK), AUTH_REFUSED wrong or replayed code
 * (audited and counted toward a lock-out of the second factor kept apart
 * from the password's), AUTH_LOCKED (every session of the account ended),
 * AUTH_STORE. */
int auth_totp_confirm(struct ctx *c, struct session *se, const struct user *u, const char *code);
/* Checks a signed-in user's password again (before changing it): AUTH_OK,
 * AUTH_REFUSED wrong (audited, counted), AUTH_LOCKED wrong and now locked:
 * every session of the account has ended; AUTH_STORE when the failure
 * could not be counted. */
int auth_check_password(struct ctx *c, const struct user *u, const char *password);

/* the audit events of auth (auth.c) */
QF_AUDIT_EVENT_DECL(LOGIN);
QF_AUDIT_EVENT_DECL(LOGIN_FAILED);
QF_AUDIT_EVENT_DECL(LOGIN_LOCKED);
QF_AUDIT_EVENT_DECL(LOGIN_THROTTLED);
QF_AUDIT_EVENT_DECL(LOGOUT);
QF_AUDIT_EVENT_DECL(TOTP_ENROL);
QF_AUDIT_EVENT_DECL(TOTP_FAILED);
QF_AUDIT_EVENT_DECL(TOTP_SECRET);

#endif
