#ifndef QF_STORE_Q_USERS_H
#define QF_STORE_Q_USERS_H
/*
 * q_users.h: the typed store calls of q_users.c: users, their jurisdiction scopes and password
 * resets.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/unit.h"
#include "model/user.h"
#include "store/store.h"

struct arena;

int store_user_by_name(struct store *s, struct arena *a, const char *name, struct user *u);
int store_user_by_id(struct store *s, struct arena *a, int64_t id, struct user *u);
int64_t store_user_insert(struct store *s, const struct user *u, const char *pwhash, int64_t now);
int store_user_list(struct store *s, struct arena *a, struct user **out);
int store_user_set_disabled(struct store *s, int64_t id, int disabled);
/* Also drops a pending reset and the reset notice. */
int store_user_set_password(struct store *s, int64_t id, const char *pwhash, int64_t now,
			    int must_change);
/* Accounts of a role that are not disabled. */
int64_t store_user_count_active(struct store *s, const char *role);
int store_user_set_principal(struct store *s, int64_t id, int principal);
int store_user_set_totp(struct store *s, int64_t id, const char *secret_enc, int enabled);
/* Records the TOTP step just accepted; returns 1 when it is newer than the
 * last one (and stores it), 0 when it is not (a replayed code). */
int store_user_totp_step(struct store *s, int64_t id, int64_t step);
/* A password reset awaiting approval: the new hash, who asked, when. */
int store_user_pw_request(struct store *s, int64_t id, const char *pwhash, const char *by,
			  int64_t at);
/* Approves it (the pending hash becomes the password, to be changed at the
 * next login, and the reset notice is set) or, approver NULL, refuses it;
 * 1 done, 0 nothing was pending. */
int store_user_pw_decide(struct store *s, int64_t id, const char *approver, int64_t now);
/* The reset notice shown to the user (by NULL: none). */
int store_user_pw_notice(struct store *s, int64_t id, const char *by, const char *approver,
			 int64_t at);
int store_scope_add(struct store *s, int64_t user_id, int64_t unit_id);
int store_scope_list(struct store *s, struct arena *a, int64_t user_id, struct unit **out);
/* Rows are per (name, addr): the lock of an account applies to the address
 * its failures came from (addr "" for counts kept across addresses, such
 * as the second factor's).  get with addr NULL: the latest lock of the
 * name from any address.  clear with addr NULL: every row of the name. */
int store_throttle_get(struct store *s, const char *name, const char *addr, int *failures,
		       int64_t *locked_until);
int store_throttle_fail(struct store *s, const char *name, const char *addr, int64_t now, int max,
			int lock_secs);
int store_throttle_clear(struct store *s, const char *name, const char *addr);
/* Forgets throttle rows not locked and untouched since `before`. */
int store_throttle_purge(struct store *s, int64_t now, int64_t before);

/* the office (科室) a user works in ("" none) */
int store_user_office(struct store *s, struct arena *a, int64_t user_id, const char **office);
int store_user_set_office(struct store *s, int64_t user_id, const char *office);
/* The distinct offices of active accounts, sorted: count or < 0. */
int store_user_offices(struct store *s, struct arena *a, const char ***out);

#endif
