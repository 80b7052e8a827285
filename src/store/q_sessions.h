#ifndef QF_STORE_Q_SESSIONS_H
#define QF_STORE_Q_SESSIONS_H
/*
 * q_sessions.h: the typed store calls of q_sessions.c: sessions and login throttling.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/user.h"
#include "store/store.h"

struct arena;

/* sessions (token_hash is the SHA-256 of the cookie token, hex) */
int store_session_insert(struct store *s, const struct session *se, const char *ip);
int store_session_get(struct store *s, struct arena *a, const char *token_hash, struct session *se);
int store_session_touch(struct store *s, const char *token_hash, int64_t now);
int store_session_set_stage(struct store *s, const char *token_hash, int stage);
int store_session_delete(struct store *s, const char *token_hash);
int store_session_delete_user(struct store *s, int64_t user_id);
int store_session_purge(struct store *s, int64_t idle_before, int64_t created_before);

#endif
